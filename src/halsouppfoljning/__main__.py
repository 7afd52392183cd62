"""The command line: ``python -m halsouppfoljning``.

Subcommands
-----------
``exempel``
    The main job on the bundled example: prints a follow-up built from the
    bundled published data.
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

from . import __version__
from .exceptions import HalsouppfoljningError
from .organisation import regioner

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
    print("halsouppfoljning " + __version__ + ": the bundled example")
    print()
    print("Sveriges 21 regioner (SCB länskod, Kolada id, ISO 3166-2)")
    print()
    print(_regiontabell())
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
        "exempel", help="print the follow-up of the bundled published example"
    )
    exempel.set_defaults(kör=_kör_exempel)
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
    >>> main(["exempel"])  # doctest: +ELLIPSIS
    halsouppfoljning ...
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
