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

import math
import re
from decimal import Decimal
from types import TracebackType
from typing import Any

from .._indata import nfc
from ..exceptions import HalsouppfoljningError, TolkningsError

__all__ = [
    "ENHETER",
    "FOTNOTTECKEN",
    "MELLANRUM_RE",
    "MINUSKLASS",
    "MINUSTECKEN",
    "PENNINGENHETER",
    "SAKNAS",
    "TAL",
    "Läsare",
    "OläsligError",
    "citat",
    "enkla_mellanrum",
    "förbered",
    "läs",
    "läs_intervall",
]

#: Characters used as a minus sign: hyphen-minus, en dash, Unicode minus, figure dash.
MINUSTECKEN = "-\u2013\u2212\u2012\u2010\u2011"
#: Runs of white space, including the no-break, narrow no-break, thin and figure spaces.
MELLANRUM_RE = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u2002\u2003]+")
#: Footnote marks printed after a value: asterisks, daggers, superscript digits.
FOTNOTTECKEN = "*\u2020\u2021\u00b9\u00b2\u00b3" + "".join(map(chr, range(0x2070, 0x207A)))
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


#: The longest text quoted in a message; longer text is shortened with "...".
CITATLÄNGD = 80


def citat(värde: Any) -> str:
    """``repr(värde)`` shortened to :data:`CITATLÄNGD` characters, for a message.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import citat
    >>> citat("88,3 %")
    "'88,3 %'"
    >>> len(citat("9" * 10_000))
    80
    """
    r = repr(värde)
    return r if len(r) <= CITATLÄNGD else r[: CITATLÄNGD - 3] + "..."


class OläsligError(TolkningsError):
    """A grammar's refusal of a text, before the public reader names itself and its argument.

    Raised inside the grammars; the public reader's :class:`Läsare` turns it
    into a :class:`~halsouppfoljning.TolkningsError` (or, for ``klass``, an
    :class:`~halsouppfoljning.OgiltigtVärdeError` or another package error)
    whose message quotes the whole text passed and names the reader and its
    argument. Raised outside a reader, it still reads as a complete message.

    Parameters
    ----------
    ursprung : str
        The text (or the part of it) that could not be read.
    som : str
        For ``TolkningsError``: what it was to be read as ("a number", "a
        period"); for another ``klass``: what the text is ("the target").
    varför : str
        Why not, and what to write or pass instead.
    klass : type
        The error the reader raises: ``TolkningsError`` (text that is not
        one of the forms read) or a value error (text read, but its value
        does not fit, such as a bare level without ``riktning``).

    Examples
    --------
    >>> from halsouppfoljning.exceptions import OgiltigtVärdeError
    >>> from halsouppfoljning.tolka._grund import OläsligError
    >>> str(OläsligError("åttio", "a number", "write it in digits"))
    "cannot read 'åttio' as a number: write it in digits"
    >>> str(OläsligError("85 %", "the target", "is a bare level", klass=OgiltigtVärdeError))
    "the target '85 %' is a bare level"
    """

    def __init__(
        self,
        ursprung: Any,
        som: str,
        varför: str,
        *,
        klass: type[HalsouppfoljningError] = TolkningsError,
    ) -> None:
        self.ursprung, self.som, self.varför, self.klass = ursprung, som, varför, klass
        super().__init__(self.meddelande(ursprung))

    def meddelande(self, helhet: Any) -> str:
        """The message about ``helhet``, the whole text passed (naming the part if it differs)."""
        del_ = ""
        if isinstance(helhet, str) and self.ursprung != helhet:
            del_ = f"the part {citat(self.ursprung)} "
        if self.klass is TolkningsError:
            return f"cannot read {citat(helhet)} as {self.som}: {del_}{self.varför}"
        if del_:
            return f"{self.som} {citat(helhet)}: {del_}{self.varför}"
        return f"{self.som} {citat(helhet)} {self.varför}"


class Läsare:
    """The context of a public reader: every :class:`OläsligError` raised inside names the reader.

    ``with Läsare("tolka_tal", text): ...`` turns a grammar's refusal into
    "cannot read '<text>' as <what>: <why> (argument text of tolka_tal)":
    the message quotes the whole text passed (shortened), names the reader
    and the argument, and keeps the grammar's reason and fix. Other errors
    pass unchanged (they already name their own argument).

    Parameters
    ----------
    funktion : str
        The public reader ("tolka_tal", "Period.tolka").
    värde : object
        The text the caller passed.
    argument : str
        The argument's name; default ``"text"``.

    Examples
    --------
    >>> from halsouppfoljning.tolka._grund import Läsare, OläsligError
    >>> try:
    ...     with Läsare("tolka_tal", "åttio"):
    ...         raise OläsligError("åttio", "a number", "write it in digits")
    ... except Exception as fel:
    ...     print(type(fel).__name__, fel)
    TolkningsError cannot read 'åttio' as a number: write it in digits (argument text of tolka_tal)
    """

    def __init__(self, funktion: str, värde: Any, argument: str = "text") -> None:
        self.funktion, self.värde, self.argument = funktion, värde, argument

    def __enter__(self) -> Läsare:
        return self

    def __exit__(
        self,
        typ: type[BaseException] | None,
        fel: BaseException | None,
        spår: TracebackType | None,
    ) -> None:
        if isinstance(fel, OläsligError):
            raise self.fel(fel) from None

    def fel(self, fel: OläsligError) -> HalsouppfoljningError:
        """The error the caller sees for ``fel``: it names the reader, the argument and the text."""
        klass = TolkningsError if fel.klass is TolkningsError else fel.klass
        return klass(f"{fel.meddelande(self.värde)} (argument {self.argument} of {self.funktion})")


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
    t = enkla_mellanrum(text)
    kärna = t.rstrip(FOTNOTTECKEN)  # no regular expression: linear on any text
    if kärna and kärna != t and not kärna[-1].isspace():
        return kärna.strip()
    return t


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
        raise OläsligError(
            ursprung,
            "a number",
            "expected Swedish report notation such as '88,3 %', '- 890 mkr' or '1 040 679'",
        )
    tal = träff["tal"]
    if re.fullmatch(r"\d{1,3}\.\d{3}", tal):
        raise OläsligError(
            ursprung,
            "a number",
            f"{tal!r} is ambiguous (a decimal point or a thousands separator?); write it with "
            "a decimal comma or a space",
        )
    värde = float(tal.replace(" ", "").replace(",", "."))
    if not math.isfinite(värde):
        raise OläsligError(
            ursprung,
            "a number",
            f"its {len(tal)} characters of digits are beyond any figure a report prints; "
            "check the cell",
        )
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
        raise OläsligError(
            ursprung,
            "a number",
            f"unknown unit or trailing text {citat(enhetstext)}; known units are "
            f"{sorted({u for u, _ in ENHETER.values()})}",
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
        raise OläsligError(
            ursprung,
            "a range",
            "expected a form such as '85-90 %', '75 till 85 %' or 'mellan 75 och 85 procent'",
        )
    if träff["mellan"] and (träff["ord"] or "").casefold() != "och":
        raise OläsligError(ursprung, "a range", "'mellan' takes 'och' ('mellan 75 och 85 %')")
    ea, eb = träff["ea"].strip(), träff["eb"].strip()
    if ea and eb and ea.casefold() != eb.casefold():
        raise OläsligError(
            ursprung,
            "a range",
            f"the two ends have different units {citat(ea)} and {citat(eb)}; give both ends "
            "in one unit",
        )
    enhetstext = eb or ea
    nedre, enhet = läs(f"{träff['a']} {enhetstext}".strip(), ursprung)
    övre, _ = läs(f"{träff['b']} {enhetstext}".strip(), ursprung)
    if nedre > övre:
        raise OläsligError(
            ursprung,
            "a range",
            f"the lower end {nedre:g} exceeds the upper end {övre:g}; write the lower end first",
        )
    return nedre, övre, enhet
