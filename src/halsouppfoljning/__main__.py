"""The command line: ``python -m halsouppfoljning``.

Subcommands
-----------
``exempel``
    The main job on the bundled example: prints the follow-up of Region
    Västmanland's HSF monthly report for February 2023, with every
    assessment computed from the published targets and outcomes, the result
    statement, the forecast with its interval, and waiting-time and
    continuity sections computed on synthetic data (labelled so).
``styrkort FILE.csv``
    The same styrkort for a user's CSV (columns ``indikator``, ``mål``,
    ``utfall`` and optionally ``föregående``, ``riktning``, ``trend``,
    ``plan``, ``avsnitt``; see :func:`halsouppfoljning.läs_styrkort`).
``regioner``
    Prints the table of the 21 regions.

Exit codes follow convention: 0 on success, 1 when the input could not be
used (the message names what and where), 2 for a usage error (argparse).

Examples
--------
>>> from halsouppfoljning.__main__ import main
>>> main(["regioner"])  # doctest: +ELLIPSIS
kod  namn ...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .exceptions import HalsouppfoljningError
from .exempeldata import uppföljning_västmanland_2023_02
from .organisation import regioner
from .rapport import rapport
from .uppfoljning import Uppföljning

__all__ = ["main"]


def _tabell(rader: list[dict[str, str]]) -> str:
    """Plain-text table with left-aligned columns sized to their widest cell."""
    if not rader:
        return ""
    kolumner = list(rader[0])
    bredd = {k: max(len(k), *(len(r[k]) for r in rader)) for k in kolumner}
    rad = "  ".join(k.ljust(bredd[k]) for k in kolumner).rstrip()
    linje = "  ".join("-" * bredd[k] for k in kolumner)
    kropp = ["  ".join(r[k].ljust(bredd[k]) for k in kolumner).rstrip() for r in rader]
    return "\n".join([rad, linje, *kropp])


def _regiontabell() -> str:
    return _tabell(
        [
            {"kod": r.kod, "namn": r.namn, "län": r.län, "kolada_id": r.kolada_id, "iso": r.iso}
            for r in regioner()
        ]
    )


def _kör_regioner(argument: argparse.Namespace) -> int:
    print(_regiontabell())
    return 0


def _kör_exempel(argument: argparse.Namespace) -> int:
    uppföljning = uppföljning_västmanland_2023_02(
        syntetiska_avsnitt=not argument.utan_syntetiska, seed=argument.seed
    )
    text = rapport(
        uppföljning, format=argument.format, avrundning=argument.avrundning, bredd=argument.bredd
    )
    if argument.utfil is None:
        print(text, end="")
        return 0
    Path(argument.utfil).write_text(text, encoding="utf-8")
    print(f"Rapporten är skriven till {argument.utfil}.")
    return 0


def _kör_styrkort(argument: argparse.Namespace) -> int:
    sökväg = Path(argument.fil)
    if not sökväg.is_file():
        print(f"error: no such file: {str(sökväg)!r}", file=sys.stderr)
        return 1
    try:
        uppföljning = Uppföljning.from_csv(
            sökväg,
            organisation=argument.organisation,
            period=argument.period,
            källtext=str(sökväg),
        )
    except UnicodeDecodeError as fel:
        print(f"error: {str(sökväg)!r} is not UTF-8 text: {fel}", file=sys.stderr)
        return 1
    print(rapport(uppföljning, format=argument.format, avrundning=argument.avrundning), end="")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m halsouppfoljning",
        description=(
            "Follow-up of Swedish regional healthcare: indicators and targets, "
            "waiting times, continuity, budget and forecasts."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    under = parser.add_subparsers(dest="kommando", metavar="KOMMANDO")
    under.required = True
    exempel = under.add_parser(
        "exempel",
        help="skriv uppföljningen av det medföljande publicerade exemplet "
        "(Västmanland, februari 2023)",
        description="Skriver uppföljningen av Region Västmanlands månadsrapport för "
        "februari 2023 för hälso- och sjukvårdsförvaltningen: styrkortet med beräknad "
        "måluppfyllelse, resultaträkningen, helårsprognosen med intervall och avsnitt "
        "om väntetider och kontinuitet beräknade på syntetiska data.",
    )
    exempel.add_argument(
        "--utan-syntetiska",
        action="store_true",
        help="utelämna avsnitten om väntetider och kontinuitet (syntetiska data)",
    )
    exempel.add_argument(
        "--seed", type=int, default=2023, help="frö för de syntetiska data (standard: 2023)"
    )
    exempel.add_argument(
        "--bredd",
        type=int,
        default=None,
        metavar="N",
        help="textens bredd i tecken, minst 30 (standard: terminalens, COLUMNS eller 80)",
    )
    exempel.add_argument(
        "--utfil",
        default=None,
        metavar="FIL",
        help="skriv rapporten till FIL (UTF-8) i stället för på skärmen; med --format html "
        "en fristående webbsida",
    )
    exempel.set_defaults(kör=_kör_exempel)
    kort = under.add_parser("styrkort", help="assess a styrkort from a CSV file")
    kort.add_argument("fil", metavar="FILE.csv", help="UTF-8 CSV: indikator, mål, utfall, ...")
    kort.add_argument(
        "--region",
        dest="organisation",
        default=None,
        help="the region whose styrkort it is, by name or code (optional)",
    )
    kort.add_argument("--period", default="", help="the period followed up, e.g. 2023-02")
    kort.set_defaults(kör=_kör_styrkort)
    for p in (exempel, kort):
        p.add_argument(
            "--format",
            choices=["text", "markdown", "html"],
            default="text",
            help="output format (default: text)",
        )
        p.add_argument(
            "--avrundning",
            type=int,
            default=None,
            metavar="K",
            help="compare outcomes with targets at K decimals of the published scale, "
            "rounding half up (default: unrounded)",
        )
    reg = under.add_parser("regioner", help="print the 21 regions with their codes")
    reg.set_defaults(kör=_kör_regioner)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments, without the program name.

    Returns
    -------
    int
        0 on success, 1 when the package reported an error in the input.

    Examples
    --------
    >>> from halsouppfoljning.__main__ import main
    >>> main(["exempel", "--utan-syntetiska"])  # doctest: +ELLIPSIS
    Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari 2023
    ...
    0
    """
    argument = _parser().parse_args(argv)
    try:
        kod: int = argument.kör(argument)
    except HalsouppfoljningError as fel:
        print(f"error: {fel}", file=sys.stderr)
        return 1
    return kod


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess in the tests
    sys.exit(main())
