"""Periods as Swedish follow-up reports write them: "2023-02", "T1 2023", "januari–juli 2023".

The grammar behind :meth:`halsouppfoljning.Period.tolka`, which hands off to
:func:`tolka_period`. It reads every form :class:`~halsouppfoljning.Period`
writes (so ``str(p)`` reads back) and the forms reports print:

========================  ========================================================
form                      examples
========================  ========================================================
month                     ``2023-02``, ``februari 2023``, ``feb. 2023``,
                          ``januari år 2022``
tertial                   ``T1 2023``, ``tertial 2 2023``, ``andra tertialet 2023``
quarter                   ``Q2 2023``, ``kvartal 2 2023``, ``kv 2 2023``,
                          ``andra kvartalet 2023``, ``2023Q2``
delår, helår              ``Delår 2023``, ``Delår jan-aug 2023``, ``Helår 2023``,
                          ``helåret 2023``, ``År 2023``, ``basår 2019``, ``2023``
span of months            ``januari–juli 2023``, ``jan-jun 2024``,
                          ``januari t.o.m. juli 2023``,
                          ``september 2022 till augusti 2023``
rolling months            ``R12 juli 2023``, ``R12 2023-07``,
                          ``senaste tolv månaderna t.o.m. juli 2023``,
                          ``rullande 12 månader till och med juli 2023``
span of years             ``2016–2023``, ``2016-2023``, ``2016 till 2023``
ISO week                  ``vecka 5 2024``, ``v. 5 2024``, ``v5 2024``, ``2024-W05``
span of days              ``2024-01-03–2024-01-10``, ``2024-01-03 till 2024-01-10``
========================  ========================================================

Nothing is guessed: a month name without a year, a week without a year, or
words around the period are refused.

Examples
--------
>>> from halsouppfoljning.tolka.perioder import tolka_period
>>> str(tolka_period("tertial 2 2023"))
'T2 2023'
>>> str(tolka_period("senaste tolv månaderna t.o.m. juli 2023"))
'R12 juli 2023'
"""

from __future__ import annotations

import datetime as dt
import re

from .._indata import text as _text_in
from ..exceptions import HalsouppfoljningError
from ..perioder import MÅNADSNAMN, ÅR_FRÅN, ÅR_TILL, Period
from ._grund import MINUSTECKEN, Läsare, OläsligError, enkla_mellanrum

__all__ = ["MÅNADER_I_TEXT", "tolka_period"]

#: Month names and abbreviations as reports print them (case-folded) -> month number.
MÅNADER_I_TEXT: dict[str, int] = {
    **{namn: i + 1 for i, namn in enumerate(MÅNADSNAMN)},
    **{namn[:3]: i + 1 for i, namn in enumerate(MÅNADSNAMN)},
    "sept": 9,
}

_MÅNAD = r"(?:" + "|".join(sorted(MÅNADER_I_TEXT, key=len, reverse=True)) + r")\.?"
_STRECK = "[" + re.escape(MINUSTECKEN) + "\u2014]"
_TILL = rf"(?:\s?{_STRECK}\s?|\s(?:till och med|t\.\s?o\.\s?m\.?|tom|till)\s)"
_ORDNING = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
_ORDTAL = {"tolv": 12, "arton": 18, "tjugofyra": 24}

_MÖNSTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(\d{4})-(\d{2})"), "månad"),
    (re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}}){_TILL}(\d{{4}}-\d{{2}}-\d{{2}})"), "dagar"),
    (re.compile(r"(?:t|tertial) ?([123]),? (\d{4})"), "tertial"),
    (re.compile(r"(första|andra|tredje) tertialet,? (\d{4})"), "tertial_ord"),
    (re.compile(r"(?:q|kv\.?|kvartal) ?([1-4]),? (\d{4})"), "kvartal"),
    (re.compile(r"(\d{4}) ?q([1-4])"), "kvartal_iso"),
    (re.compile(r"(första|andra|tredje|fjärde) kvartalet,? (\d{4})"), "kvartal_ord"),
    (re.compile(r"delår (?:jan(?:uari)?\.?\s?[-\u2013]\s?aug(?:usti)?\.? )?(\d{4})"), "delår"),
    (re.compile(r"(?:(?:helår|helåret|år|året|basår|basåret) )?(\d{4})"), "helår"),
    (re.compile(rf"(\d{{4}}){_TILL}(\d{{4}})"), "åren"),
    (re.compile(r"(?:vecka|v\.?) ?(\d{1,2}),? (\d{4})"), "vecka"),
    (re.compile(r"(\d{4})-?w(\d{2})"), "vecka_iso"),
    (re.compile(rf"r(\d{{1,3}}),? ({_MÅNAD}) (\d{{4}})"), "rullande"),
    (re.compile(r"r(\d{1,3}),? (\d{4})-(\d{2})"), "rullande_iso"),
    (
        re.compile(
            rf"(?:senaste|rullande) (\d{{1,3}}|tolv|arton|tjugofyra) (?:månader|månaderna|mån\.?)"
            rf"{_TILL}({_MÅNAD}) (\d{{4}})"
        ),
        "rullande_ord",
    ),
    (re.compile(rf"({_MÅNAD})(?: (\d{{4}}))?{_TILL}({_MÅNAD}) (\d{{4}})"), "spann"),
    (re.compile(rf"({_MÅNAD}) (?:år )?(\d{{4}})"), "månad_ord"),
]


def _månad(ord_: str) -> int:
    return MÅNADER_I_TEXT[ord_.rstrip(".")]


def _år(g: str) -> int:
    år = int(g)
    if not ÅR_FRÅN <= år <= ÅR_TILL:
        raise OläsligError(
            g, "a year", f"the year {år} is outside {ÅR_FRÅN}-{ÅR_TILL}; check the year"
        )
    return år


def _nr(g: str, vad: str, högst: int) -> int:
    n = int(g)
    if not 1 <= n <= högst:
        raise OläsligError(g, vad, f"there is no {vad} {n}: it is numbered 1-{högst}")
    return n


def _dag(g: str) -> str:
    try:
        dag = dt.date.fromisoformat(g)
    except ValueError:
        raise OläsligError(g, "a day", f"{g} is not a day of the calendar") from None
    _år(str(dag.year))
    return g


def _vecka(år: int, g: str) -> int:
    n = _nr(g, "week", 53)
    try:
        dt.date.fromisocalendar(år, n, 1)
    except ValueError:
        raise OläsligError(
            g, "a week", f"ISO year {år} has no week {n} (only some years have week 53)"
        ) from None
    return n


def _rullande(år: int, månad: int, antal: int) -> Period:
    första = år * 12 + månad - 1 - (antal - 1)
    if första // 12 < ÅR_FRÅN:
        raise OläsligError(
            str(antal),
            "a window",
            f"the {antal} months ending {år}-{månad:02d} start in {första // 12}, before {ÅR_FRÅN}",
        )
    return Period.rullande(år, månad, antal)


def _fönster(g: str) -> int:
    n = int(g)
    if not 1 <= n <= 120:
        raise OläsligError(
            g, "a window", f"a rolling window of {n} months: write 1-120 months, as in 'R12'"
        )
    return n


def _bygg(slag: str, m: re.Match[str]) -> Period:
    g = m.groups()
    if slag == "månad":
        return Period.månad(_år(g[0]), _nr(g[1], "month", 12))
    if slag == "dagar":
        _dag(g[0]), _dag(g[1])
        if g[1] < g[0]:  # ISO dates order as text
            raise OläsligError(
                m.string, "a period", f"the last day {g[1]} is before the first {g[0]}; swap them"
            )
        return Period.dagar(g[0], g[1])
    if slag == "tertial":
        return Period.tertial(_år(g[1]), int(g[0]))
    if slag == "tertial_ord":
        return Period.tertial(_år(g[1]), _ORDNING[g[0]])
    if slag == "kvartal":
        return Period.kvartal(_år(g[1]), int(g[0]))
    if slag == "kvartal_iso":
        return Period.kvartal(_år(g[0]), int(g[1]))
    if slag == "kvartal_ord":
        return Period.kvartal(_år(g[1]), _ORDNING[g[0]])
    if slag == "delår":
        return Period.delår(_år(g[0]))
    if slag == "helår":
        return Period.helår(_år(g[0]))
    if slag == "åren":
        if int(g[1]) < int(g[0]):
            raise OläsligError(
                m.string, "a period", f"the last year {g[1]} is before the first {g[0]}; swap them"
            )
        return Period.åren(_år(g[0]), _år(g[1]))
    if slag in ("vecka", "vecka_iso"):
        år, vecka = (_år(g[1]), g[0]) if slag == "vecka" else (_år(g[0]), g[1])
        return Period.vecka(år, _vecka(år, vecka))
    if slag == "rullande":
        return _rullande(_år(g[2]), _månad(g[1]), _fönster(g[0]))
    if slag == "rullande_iso":
        return _rullande(_år(g[1]), _nr(g[2], "month", 12), _fönster(g[0]))
    if slag == "rullande_ord":
        antal = _ORDTAL[g[0]] if g[0] in _ORDTAL else _fönster(g[0])
        return _rullande(_år(g[2]), _månad(g[1]), antal)
    if slag == "spann":
        till_år = _år(g[3])
        från_år = _år(g[1]) if g[1] else till_år
        från, till = (från_år, _månad(g[0])), (till_år, _månad(g[2]))
        if till < från:
            raise OläsligError(
                m.string,
                "a period",
                f"the span ends before it starts ({g[0]} {från_år} to {g[2]} {till_år}); "
                "write the year of the first month too, as in 'september 2022 till augusti "
                "2023'",
            )
        return Period.spann(f"{från[0]}-{från[1]:02d}", f"{till[0]}-{till[1]:02d}")
    return Period.månad(_år(g[1]), _månad(g[0]))  # "månad_ord"


def tolka_period(text: str) -> Period:
    """Read a period as reports write it (the grammar of :meth:`Period.tolka`).

    Parameters
    ----------
    text : str
        A period in one of the forms of the table in
        :mod:`halsouppfoljning.tolka.perioder`: ``"2023-02"``, ``"T1 2023"``,
        ``"Q2 2023"``, ``"Delår 2023"``, ``"Helår 2023"``, ``"basår 2019"``,
        ``"januari–juli 2023"``, ``"september 2022 till augusti 2023"``,
        ``"R12 juli 2023"``, ``"2016–2023"``, ``"vecka 5 2024"`` ...
        Case, runs of spaces and the kind of dash do not matter.

    Returns
    -------
    Period

    Raises
    ------
    TolkningsError
        For any other text, or a form with an impossible number (month 13,
        week 54), quoting it.
    FelTypError
        If ``text`` is not a string.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.tolka.perioder import tolka_period
    >>> tolka_period("Delår 2023") == hu.Period.delår(2023)
    True
    >>> p = tolka_period("september 2022 till augusti 2023")
    >>> p.start.date(), p.slut.date(), p.antal_månader
    (datetime.date(2022, 9, 1), datetime.date(2023, 8, 31), 12)
    >>> str(tolka_period("v. 5 2024"))
    'vecka 5 2024'
    """
    t = enkla_mellanrum(_text_in(text, "Period.tolka: text", tom=True)).casefold()
    with Läsare("Period.tolka", text):
        for mönster, slag in _MÖNSTER:
            if m := mönster.fullmatch(t):
                try:
                    return _bygg(slag, m)
                except OläsligError as fel:
                    if fel.som == "a period":
                        raise
                    raise OläsligError(text, "a period", fel.varför) from None
                except HalsouppfoljningError as fel:  # pragma: no cover - a safety net
                    # the grammar checks numbers, days and years first; should a
                    # constructor still refuse, its reason in the terms of the text
                    raise OläsligError(text, "a period", _utan_argument(str(fel))) from None
        raise OläsligError(
            text,
            "a period",
            "expected a form such as '2023-02', 'februari 2023', 'T1 2023', 'Q2 2023', "
            "'Delår 2023', 'Helår 2023', 'januari–juli 2023', 'R12 juli 2023', '2016–2023' or "
            "'vecka 5 2024'",
        )


def _utan_argument(meddelande: str) -> str:  # pragma: no cover - the safety net's
    """A constructor's message without its "Period.x: argument" prefix (the caller passed text)."""
    return re.sub(r"^Period[.\w]*:\s*", "", meddelande)
