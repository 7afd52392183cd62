"""The one palette of the package: colour-blind-safe colours, each assessment with a symbol.

Plain constants and small functions, no matplotlib: the report
(:func:`~halsouppfoljning.rapport`, :func:`~halsouppfoljning.stil_styrkort`)
and the figures of :mod:`halsouppfoljning.plot` take their colours from here.

The colours are the eight of Okabe and Ito (*Color Universal Design*, 2008),
distinguishable with the common forms of colour blindness. No information is
carried by colour alone: every :class:`~halsouppfoljning.Måluppfyllelse` has a
text symbol (for tables and reports), a matplotlib marker and a hatch pattern
(for figures) besides its colour.

==================  =========  ======  ======  =====
Måluppfyllelse      colour     symbol  marker  hatch
==================  =========  ======  ======  =====
uppnådd             blågrön    ✔       ``o``   none
delvis              orange     ◐       ``D``   ``//``
ej uppnådd          vermiljon  ✘       ``X``   ``xx``
underlag saknas     grå        –       ``s``   ``..``
mål saknas          ljusgrå    ○       ``^``   ``\\\\``
==================  =========  ======  ======  =====

Examples
--------
>>> import halsouppfoljning as hu
>>> from halsouppfoljning.plot import palett
>>> palett.OKABE_ITO["blågrön"]
'#009E73'
>>> palett.bedömningsetikett(hu.Måluppfyllelse.EJ_UPPNÅDD)
'✘ ej uppnådd'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..exceptions import OgiltigtVärdeError
from ..indikatorer import Måluppfyllelse

__all__ = [
    "BEDÖMNINGAR",
    "BEDÖMNINGSFÄRGER",
    "BEDÖMNINGSSYMBOLER",
    "INGEN_KLASS",
    "KLASSFÄRGER",
    "KLASSMÖNSTER",
    "KLASSSYMBOLER",
    "LINJE",
    "MÅLFÄRG",
    "NEDSIDA",
    "OKABE_ITO",
    "SERIEFÄRGER",
    "SERIEMARKÖRER",
    "UPPSIDA",
    "Bedömningsstil",
    "bedömningsetikett",
    "bedömningsstil",
    "textfärg",
]

#: The eight colours of Okabe and Ito, by Swedish name (hex, upper case).
OKABE_ITO: Final[dict[str, str]] = {
    "svart": "#000000",
    "orange": "#E69F00",
    "himmelsblå": "#56B4E9",
    "blågrön": "#009E73",
    "gul": "#F0E442",
    "blå": "#0072B2",
    "vermiljon": "#D55E00",
    "rödlila": "#CC79A7",
}

#: A region or point without a class (grey, outside Okabe–Ito's hues).
INGEN_KLASS: Final = "#999999"
#: The outcome line of an indicator, and bars drawn without a colour rule.
LINJE: Final = OKABE_ITO["blå"]
#: Target lines.
MÅLFÄRG: Final = "#333333"
#: The favourable side (a target band, an upside, a known outcome).
UPPSIDA: Final = OKABE_ITO["blågrön"]
#: The unfavourable side (a downside).
NEDSIDA: Final = OKABE_ITO["vermiljon"]

#: Colours of the classes of :func:`~halsouppfoljning.färgklasser` (the classes
#: keep their report names "grön", "gul", "röd"; the colours are colour-blind safe).
KLASSFÄRGER: Final[dict[str, str]] = {
    "grön": OKABE_ITO["blågrön"],
    "gul": OKABE_ITO["orange"],
    "röd": OKABE_ITO["vermiljon"],
}


@dataclass(frozen=True)
class Bedömningsstil:
    """How one :class:`~halsouppfoljning.Måluppfyllelse` is shown.

    Attributes
    ----------
    färg : str
        Background or fill colour (hex).
    symbol : str
        A text symbol shown beside the word, so that colour is never alone.
    markör : str
        A matplotlib marker name.
    mönster : str
        A matplotlib hatch pattern ("" for none).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import palett
    >>> palett.BEDÖMNINGAR[hu.Måluppfyllelse.UPPNÅDD].symbol
    '✔'
    """

    färg: str
    symbol: str
    markör: str
    mönster: str


#: The style of each :class:`~halsouppfoljning.Måluppfyllelse`.
BEDÖMNINGAR: Final[dict[Måluppfyllelse, Bedömningsstil]] = {
    Måluppfyllelse.UPPNÅDD: Bedömningsstil(OKABE_ITO["blågrön"], "✔", "o", ""),
    Måluppfyllelse.DELVIS: Bedömningsstil(OKABE_ITO["orange"], "◐", "D", "//"),
    Måluppfyllelse.EJ_UPPNÅDD: Bedömningsstil(OKABE_ITO["vermiljon"], "✘", "X", "xx"),
    Måluppfyllelse.UNDERLAG_SAKNAS: Bedömningsstil(INGEN_KLASS, "–", "s", ".."),
    Måluppfyllelse.MÅL_SAKNAS: Bedömningsstil("#DDDDDD", "○", "^", "\\\\"),
}

#: The colour of each :class:`~halsouppfoljning.Måluppfyllelse` (from :data:`BEDÖMNINGAR`).
BEDÖMNINGSFÄRGER: Final[dict[Måluppfyllelse, str]] = {m: s.färg for m, s in BEDÖMNINGAR.items()}
#: The text symbol of each :class:`~halsouppfoljning.Måluppfyllelse`.
BEDÖMNINGSSYMBOLER: Final[dict[Måluppfyllelse, str]] = {m: s.symbol for m, s in BEDÖMNINGAR.items()}


def bedömningsstil(bedömning: Måluppfyllelse | str) -> Bedömningsstil:
    """The :class:`Bedömningsstil` of an assessment, given as the enum or its Swedish word.

    Parameters
    ----------
    bedömning : Måluppfyllelse or str
        For example ``Måluppfyllelse.DELVIS`` or ``"delvis"``.

    Returns
    -------
    Bedömningsstil

    Raises
    ------
    OgiltigtVärdeError
        For a word that is not a :class:`~halsouppfoljning.Måluppfyllelse`.

    Examples
    --------
    >>> from halsouppfoljning.plot import palett
    >>> palett.bedömningsstil("delvis").färg
    '#E69F00'
    """
    if isinstance(bedömning, Måluppfyllelse):
        return BEDÖMNINGAR[bedömning]
    for m, stil in BEDÖMNINGAR.items():
        if str(bedömning).strip().lower() == m.value:
            return stil
    giltiga = ", ".join(repr(m.value) for m in Måluppfyllelse)
    raise OgiltigtVärdeError(
        f"bedömningsstil: bedömning must be a Måluppfyllelse or one of {giltiga}, "
        f"got {bedömning!r}; pass for example 'ej uppnådd'"
    )


def bedömningsetikett(bedömning: Måluppfyllelse | str) -> str:
    """The symbol and the word of an assessment, as tables and reports show it.

    Parameters
    ----------
    bedömning : Måluppfyllelse or str

    Returns
    -------
    str

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import palett
    >>> palett.bedömningsetikett(hu.Måluppfyllelse.UPPNÅDD)
    '✔ uppnådd'
    >>> palett.bedömningsetikett("underlag saknas")
    '– underlag saknas'
    """
    stil = bedömningsstil(bedömning)
    ord_ = bedömning.value if isinstance(bedömning, Måluppfyllelse) else str(bedömning).strip()
    return f"{stil.symbol} {ord_.lower()}"


def textfärg(bakgrund: str) -> str:
    """Black or white, whichever reads better on ``bakgrund`` (WCAG relative luminance).

    Parameters
    ----------
    bakgrund : str
        A colour as ``"#RRGGBB"``.

    Returns
    -------
    str
        ``"#000000"`` or ``"#FFFFFF"``.

    Raises
    ------
    OgiltigtVärdeError
        For a colour not written ``#RRGGBB``.

    Examples
    --------
    >>> from halsouppfoljning.plot import palett
    >>> palett.textfärg("#F0E442"), palett.textfärg("#000000")
    ('#000000', '#FFFFFF')
    """
    kod = str(bakgrund)
    try:
        if len(kod) != 7 or not kod.startswith("#"):
            raise ValueError(kod)
        kanaler = [int(kod[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    except ValueError:
        raise OgiltigtVärdeError(
            f"textfärg: bakgrund must be a colour written '#RRGGBB', got {bakgrund!r}; "
            "pass for example '#009E73'"
        ) from None
    linjära = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in kanaler]
    luminans = 0.2126 * linjära[0] + 0.7152 * linjära[1] + 0.0722 * linjära[2]
    # contrast with black (L+0.05)/0.05 against white 1.05/(L+0.05): equal at L ~ 0.179
    return "#000000" if luminans > 0.179 else "#FFFFFF"


#: A text symbol for each colour class of :func:`~halsouppfoljning.färgklasser`
#: ("grön" better, "gul" in between, "röd" worse), shown beside the class word.
KLASSSYMBOLER: Final[dict[str, str]] = {"grön": "▲", "gul": "■", "röd": "▼"}
#: A matplotlib hatch pattern for each colour class (as the assessments': none
#: for "grön", ``//`` for "gul", ``xx`` for "röd"), so that bars keep their class
#: without colour.
KLASSMÖNSTER: Final[dict[str, str]] = {"grön": "", "gul": "//", "röd": "xx"}

#: Colours of several series in one figure (one line per group), in order: the
#: Okabe–Ito hues from the darkest, yellow last (it reads poorly on white).
SERIEFÄRGER: Final[tuple[str, ...]] = tuple(
    OKABE_ITO[namn]
    for namn in ("blå", "orange", "blågrön", "vermiljon", "rödlila", "himmelsblå", "svart", "gul")
)
#: A matplotlib marker for each of :data:`SERIEFÄRGER`, so that the series
#: differ by shape too.
SERIEMARKÖRER: Final[tuple[str, ...]] = ("o", "s", "D", "^", "v", "P", "X", "*")
