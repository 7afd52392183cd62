"""The shared pieces of the report grammars: signs, spaces, units, one signed number.

Private to the :mod:`halsouppfoljning.tolka` package: its grammar modules
(numbers, targets, forecasts, periods, the styrkort file) read numbers with
:func:`läs` after :func:`förbered`; no module outside the package imports this.

Examples
--------
>>> from halsouppfoljning.tolka._grund import förbered, läs
>>> läs(förbered("- 890\\u00a0mkr*"), "- 890 mkr*")
(-890.0, 'mnkr')
"""

from __future__ import annotations

import re
from decimal import Decimal

from .._indata import nfc
from ..exceptions import TolkningsError

__all__ = [
    "ENHETER",
    "MELLANRUM_RE",
    "MINUSKLASS",
    "MINUSTECKEN",
    "PENNINGENHETER",
    "SAKNAS",
    "TAL",
    "enkla_mellanrum",
    "förbered",
    "läs",
    "läs_intervall",
]

#: Characters used as a minus sign: hyphen-minus, en dash, Unicode minus, figure dash.
MINUSTECKEN = "-\u2013\u2212\u2012\u2010\u2011"
#: Runs of white space, including the no-break, narrow no-break, thin and figure spaces.
MELLANRUM_RE = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u2002\u2003]+")
_FOTNOT_RE = re.compile(r"(?<=\S)[*\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]+$")
#: Missing markers (case-folded): they read as NaN (or None for a duration).
SAKNAS = frozenset({"i.u", "i.u.", "iu", "ej aktuell", "*", "**", "***", "..", ""}) | frozenset(
    MINUSTECKEN
)

#: Units read after a number: the written form (case-folded) -> (canonical unit, factor).
#: The factor turns the number into the canonical unit's base: percent to a share.
#: Money stays in its written unit; units without a factor (st, dagar) are as written.
ENHETER: dict[str, tuple[str, float]] = {
    "%": ("andel", 0.01),
    "procent": ("andel", 0.01),
    "procentenheter": ("procentenheter", 0.01),
    "p.e.": ("procentenheter", 0.01),
    "%-enheter": ("procentenheter", 0.01),
    "kr": ("kr", 1.0),
    "kronor": ("kr", 1.0),
    "tkr": ("tkr", 1.0),
    "tusen kronor": ("tkr", 1.0),
    "mnkr": ("mnkr", 1.0),
    "mkr": ("mnkr", 1.0),
    "mn kr": ("mnkr", 1.0),
    "milj kr": ("mnkr", 1.0),
    "milj. kr": ("mnkr", 1.0),
    "miljoner kronor": ("mnkr", 1.0),
    "miljoner": ("mnkr", 1.0),
    "mdkr": ("mdkr", 1.0),
    "mdr kr": ("mdkr", 1.0),
    "miljarder kronor": ("mdkr", 1.0),
    "miljarder": ("mdkr", 1.0),
    "st": ("st", 1.0),
    "st.": ("st", 1.0),
    "stycken": ("st", 1.0),
    "dagar": ("dagar", 1.0),
    "dag": ("dagar", 1.0),
    "dgr": ("dagar", 1.0),
    "min": ("min", 1.0),
    "minuter": ("min", 1.0),
    "tim": ("timmar", 1.0),
    "timmar": ("timmar", 1.0),
    "timme": ("timmar", 1.0),
    "h": ("timmar", 1.0),
    "år": ("år", 1.0),
}
#: Money units in kronor.
PENNINGENHETER: dict[str, float] = {"kr": 1.0, "tkr": 1e3, "mnkr": 1e6, "mdkr": 1e9}

#: The minus characters escaped for a regular-expression class.
MINUSKLASS = re.escape(MINUSTECKEN)
#: One unsigned number: space-grouped thousands, a decimal comma or point.
TAL = r"(?:\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?|,\d+)"
_TAL_RE = re.compile(
    rf"^(?P<tecken>[+{MINUSKLASS}]|minus|plus)?\s?(?P<tal>{TAL})\s?(?P<enhet>.*?)$",
    re.IGNORECASE,
)


def enkla_mellanrum(text: str) -> str:
    """``text`` in NFC with every run of (any kind of) white space as one space, stripped.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import enkla_mellanrum
    >>> enkla_mellanrum(" 8\\u202f022  st ")
    '8 022 st'
    """
    return MELLANRUM_RE.sub(" ", nfc(text)).strip()


def förbered(text: str) -> str:
    """:func:`enkla_mellanrum`, and footnote marks glued to the end dropped.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import förbered
    >>> förbered("77,2%***")
    '77,2%'
    """
    return _FOTNOT_RE.sub("", enkla_mellanrum(text)).strip()


def läs(text: str, ursprung: str) -> tuple[float, str | None]:
    """Read one signed number with an optional unit; return (value, canonical unit).

    ``text`` is prepared (:func:`förbered`); ``ursprung`` is the caller's
    original text, quoted in an error.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import läs
    >>> läs("88,3 %", "88,3 %")
    (0.883, 'andel')
    """
    träff = _TAL_RE.match(text)
    if träff is None:
        raise TolkningsError(
            f"cannot read {ursprung!r} as a number: expected Swedish report notation such "
            "as '88,3 %', '- 890 mkr' or '1 040 679'"
        )
    tal = träff["tal"]
    if re.fullmatch(r"\d{1,3}\.\d{3}", tal):
        raise TolkningsError(
            f"cannot read {ursprung!r} as a number: {tal!r} is ambiguous (a decimal point "
            "or a thousands separator?); write it with a decimal comma or a space"
        )
    värde = float(tal.replace(" ", "").replace(",", "."))
    tecken = (träff["tecken"] or "").casefold()
    if tecken == "minus" or (tecken and tecken in MINUSTECKEN):
        värde = -värde
    enhetstext = träff["enhet"].strip()
    if not enhetstext:
        return värde, None
    nyckel = enhetstext.casefold()
    if nyckel not in ENHETER and nyckel.endswith(".") and nyckel[:-1] in ENHETER:
        nyckel = nyckel[:-1]  # a full stop ending the sentence: "+20/-50 mnkr."
    if nyckel not in ENHETER:
        raise TolkningsError(
            f"cannot read {ursprung!r} as a number: unknown unit or trailing text "
            f"{enhetstext!r}; known units are {sorted({u for u, _ in ENHETER.values()})}"
        )
    enhet, faktor = ENHETER[nyckel]
    if faktor != 1.0:
        värde = float(Decimal(repr(värde)) * Decimal(repr(faktor)))
    return värde, enhet


_INTERVALL_RE = re.compile(
    rf"(?P<mellan>mellan\s)?(?P<a>{TAL})\s?(?P<ea>[^\d{MINUSKLASS}]*?)"
    rf"(?:\s?[{MINUSKLASS}]\s?|\s(?P<ord>till|och)\s)(?P<b>{TAL})\s?(?P<eb>.*)",
    re.IGNORECASE,
)


def läs_intervall(text: str, ursprung: str) -> tuple[float, float, str | None]:
    """Read a range of two unsigned numbers; return (lower, upper, canonical unit).

    The ends are joined by a hyphen or dash ("85-90 %", "0 – 17 år"), by
    "till" ("75 till 85 %") or written "mellan 75 och 85 procent". A unit
    after either end or both applies to both; two different units are an
    error, as is a lower end above the upper.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import läs_intervall
    >>> läs_intervall("mellan 600 och 700 miljoner kronor", "")
    (600.0, 700.0, 'mnkr')
    >>> läs_intervall("0 – 17 år", "")
    (0.0, 17.0, 'år')
    """
    t = förbered(text)
    träff = _INTERVALL_RE.fullmatch(t)
    if träff is None or ((träff["ord"] or "").casefold() == "och" and not träff["mellan"]):
        raise TolkningsError(
            f"cannot read {ursprung!r} as a range: expected a form such as '85-90 %', "
            "'75 till 85 %' or 'mellan 75 och 85 procent'"
        )
    if träff["mellan"] and (träff["ord"] or "").casefold() != "och":
        raise TolkningsError(
            f"cannot read {ursprung!r} as a range: 'mellan' takes 'och' ('mellan 75 och 85 %')"
        )
    ea, eb = träff["ea"].strip(), träff["eb"].strip()
    if ea and eb and ea.casefold() != eb.casefold():
        raise TolkningsError(
            f"cannot read {ursprung!r} as a range: the two ends have different units "
            f"{ea!r} and {eb!r}"
        )
    enhetstext = eb or ea
    nedre, enhet = läs(f"{träff['a']} {enhetstext}".strip(), ursprung)
    övre, _ = läs(f"{träff['b']} {enhetstext}".strip(), ursprung)
    if nedre > övre:
        raise TolkningsError(
            f"cannot read {ursprung!r} as a range: the lower end {nedre:g} exceeds the upper "
            f"end {övre:g}"
        )
    return nedre, övre, enhet
