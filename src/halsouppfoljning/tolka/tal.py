"""Numbers, intervals and times as Swedish reports write them.

The edge of the package where text becomes numbers. Everything inside the
package works with floats, shares as proportions in [0, 1] and money in a
named unit; only these functions see "88,3 %", "- 890 mkr" or "14:58".

Formats read (see the user guide's page on report numbers):

- decimal comma ``88,3`` (a decimal point ``160.8`` is read too, but ``1.040``
  is ambiguous and refused);
- thousands separated by a space, no-break space, narrow no-break space or
  thin space ``8 022``, ``1 040 679``;
- minus as ``-``, detached ``- 890``, en dash ``–``, Unicode minus ``−`` or the
  word ``minus``; an explicit plus ``+171``;
- units ``mnkr``, ``mkr``, ``MNKR``, ``Mkr``, ``miljoner kronor``, ``miljoner``,
  ``mdkr``, ``tkr``, ``kr``, ``st``, ``dagar``, ``min``, ``timmar``;
- ``%`` with or without a space, ``procent`` and ``procentenheter``: the
  number is returned as a share (``88,3 %`` gives ``0.883``);
- footnote marks glued to values ``85*``, ``77,2%***``;
- missing markers ``i.u``, ``i.u.``, ``Ej aktuell``, ``*``, ``-``, ``..`` and
  the empty string, which give NaN.

The way back, numbers to report text (:func:`formatera_tal`,
:func:`formatera_andel`) and rounding half up (:func:`avrunda`), is defined in
:mod:`halsouppfoljning.indikatorer`, because the assessment and the domain
classes need it too, and is re-exported here.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.tolka_tal("- 890 mkr")
-890.0
>>> hu.tolka_tal("88,3 %")
0.883
>>> hu.tolka_tal("1 040 679")
1040679.0
>>> hu.tolka_tid("14:58")
datetime.timedelta(seconds=898)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any, overload

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from .._indata import skalär
from .._indata import text as _text_in
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..indikatorer import Tal, avrunda, formatera_andel, formatera_tal
from ._grund import (
    ENHETER,
    FOTNOTTECKEN,
    MINUSTECKEN,
    PENNINGENHETER,
    SAKNAS,
    Läsare,
    OläsligError,
    citat,
    enkla_mellanrum,
    förbered,
    läs,
    läs_intervall,
)

__all__ = [
    "MINUSTECKEN",
    "PENNINGENHETER",
    "avrunda",
    "formatera_andel",
    "formatera_tal",
    "tolka_belopp",
    "tolka_intervall",
    "tolka_jämförelse",
    "tolka_par",
    "tolka_tal",
    "tolka_tid",
    "tolka_värde",
]

#: Hedge words before a number (case-folded): the value is read and marked approximate.
HÄCKORD = (
    "drygt",
    "knappt",
    "cirka",
    "ca.",
    "ca",
    "c:a",
    "omkring",
    "nästan",
    "närmare",
    "ungefär",
    "runt",
    "över",
    "under",
)
#: Missing markers beyond the table ones (case-folded): they read as NaN.
_SAKNAS_ORD = frozenset({"kan ej uppskattas", "uppgift saknas", "x", "ej tillgänglig", "saknas"})
#: Footnote marks at the end, glued or after a space: "85*", "i.u.**", "105 ¹²".


def _fotnot(t: str) -> tuple[str, str] | None:
    """(the text before, the marks) when ``t`` ends with footnote marks after something.

    The marks may be glued or follow one space ("85*", "105 ¹²"). Written
    without a regular expression, so a long run of marks is read in linear time.
    """
    kärna = t.rstrip(FOTNOTTECKEN)
    if kärna == t:
        return None
    märke = t[len(kärna) :]
    if kärna.endswith(" "):
        kärna = kärna[:-1]
    if not kärna:
        return None
    return kärna.rstrip(), märke


_PIL_RE = re.compile(r"^(?P<a>.+?)\s*(?:→|->|–>|⇒|=>)\s*(?P<b>.+)$")
_FRÅN_TILL_RE = re.compile(r"^från\s+(?P<a>.+?)\s+till\s+(?P<b>.+?)\.?$", re.IGNORECASE)
_PARENTES_RE = re.compile(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)\s*\.?$")


def _typfel(text: Any, namn: str, *, sekvens: bool = False) -> FelTypError:
    """The error for a ``text`` that is neither text nor a number, with the way to pass it."""
    godtas = (
        "text such as '88,3 %', a number, or a list, array or Series of them"
        if sekvens
        else "text such as '88,3 %' or a number"
    )
    if isinstance(text, pd.DataFrame):
        råd = "; pass one column, e.g. df['utfall']"
    elif namn == "tolka_tal" and not sekvens:
        råd = "; each element of a list, array or Series must be text or a number"
    elif isinstance(text, (list, tuple, np.ndarray, pd.Series, pd.Index)) and not sekvens:
        råd = f"; read one at a time, e.g. [{namn}(t) for t in texts], or use hu.tolka_tal"
    else:
        råd = ""
    return FelTypError(
        f"{namn}: text must be {godtas}, got {citat(text)} of type {type(text).__name__}{råd}"
    )


def _läs_tal(text: Any, enhet: str | None, namn: str, *, sekvens: bool = False) -> Tal:
    """One number as printed, as a :class:`Tal` (the reader behind every public form here)."""
    kolumn = _kolumnenhet(enhet, namn)
    if text is None or text is pd.NA:
        return Tal(värde=math.nan, enhet=kolumn)
    if isinstance(text, (bool, np.bool_)):
        raise FelTypError(
            f"{namn}: text must be text such as '88,3 %' or a number, got the bool {text!r}"
        )
    if isinstance(text, (int, float, np.integer, np.floating)):
        return Tal(värde=skalär(text, f"{namn}: text", saknas=True), enhet=kolumn)
    if not isinstance(text, str):
        raise _typfel(text, namn, sekvens=sekvens)
    t = enkla_mellanrum(text)
    if t.casefold() in SAKNAS or t.casefold() in _SAKNAS_ORD:
        return Tal(värde=math.nan, enhet=kolumn, text=text)
    fotnoter: list[str] = []
    while (delat := _fotnot(t)) is not None:
        t, märke = delat
        fotnoter.insert(0, märke)
    if t.casefold() in SAKNAS or t.casefold() in _SAKNAS_ORD:
        return Tal(värde=math.nan, enhet=kolumn, fotnoter=tuple(fotnoter), text=text)
    ungefärlig = False
    for ord_ in HÄCKORD:
        if t.casefold().startswith(ord_ + " "):
            ungefärlig, t = True, t[len(ord_) + 1 :].lstrip()
            break
    if "(" in t or ")" in t:
        raise OläsligError(
            text,
            "one number",
            "it holds a value in parentheses (usually the previous year's); use "
            "tolka_jämförelse() or tolka_par() to get both",
        )
    if "/" in t:
        raise OläsligError(
            text,
            "one number",
            "it holds '/': a date, a composite value or a rate; split it first (Målnivå.tolka "
            "reads composite targets, Period.tolka periods)",
        )
    värde, e = läs(t, text)
    if e is None and enhet is not None:
        värde, e = läs(f"{t} {enhet}", text)
    elif e is not None and kolumn is not None and e != kolumn:
        raise OläsligError(
            text,
            f"a number in a column of {enhet!r}",
            f"the cell says {e!r}; check the column's enhet=",
        )
    return Tal(värde=värde, enhet=e, fotnoter=tuple(fotnoter), ungefärlig=ungefärlig, text=text)


def _kolumnenhet(enhet: str | None, namn: str) -> str | None:
    if enhet is None:
        return None
    e = _text_in(enhet, f"{namn}: enhet")
    if e.casefold() not in ENHETER:
        raise OgiltigtVärdeError(
            f"{namn}: enhet must be a unit reports print, such as '%', 'mnkr', 'st' or 'år', "
            f"got {enhet!r}"
        )
    return ENHETER[e.casefold()][0]


def tolka_värde(text: str | float | None, *, enhet: str | None = None) -> Tal:
    """Read a number as printed, keeping its unit, footnote marks and hedge.

    The richer form of :func:`tolka_tal`: the same number formats, and

    - hedge words before the number (``drygt``, ``knappt``, ``cirka``,
      ``ca``, ``omkring``, ``nästan``, ``närmare``, ``ungefär``, ``runt``,
      ``över``, ``under``): the value is read and marked ``ungefärlig``;
    - footnote marks on anything, glued or after a space (``85*``,
      ``Ej aktuell*``, ``i.u.**``, ``105 ¹²``): kept in ``fotnoter``;
    - the missing markers of :func:`tolka_tal` and ``Kan ej uppskattas``,
      ``uppgift saknas``, ``x``: NaN;
    - a bare cell in a column whose header gives the unit: ``enhet="%"``
      reads ``85*`` as 0.85.

    Parameters
    ----------
    text : str
        The printed number. A number passes through.
    enhet : str, optional
        The column's unit for cells printed without one (``"%"``,
        ``"mnkr"``, ``"st"``, ``"år"`` ...). A cell with another unit is
        an error.

    Returns
    -------
    Tal
        ``värde`` (percent as a share), ``enhet``, ``fotnoter``,
        ``ungefärlig`` and the original ``text``.

    Raises
    ------
    TolkningsError
        If the text is not a number as reports print it (quoted), or its
        unit contradicts ``enhet``.
    OgiltigtVärdeError
        If ``enhet`` is not a unit reports print.
    FelTypError
        For a value that is neither text nor a number.

    Examples
    --------
    >>> from halsouppfoljning.tolka.tal import tolka_värde
    >>> t = tolka_värde("drygt 1 200 st*")
    >>> t.värde, t.enhet, t.fotnoter, t.ungefärlig
    (1200.0, 'st', ('*',), True)
    >>> tolka_värde("105 ¹²").fotnoter
    ('¹²',)
    >>> tolka_värde("85*", enhet="%").värde
    0.85
    """
    with Läsare("tolka_värde", text):
        return _läs_tal(text, enhet, "tolka_värde")


def tolka_par(text: str, *, betydelse: tuple[str, str], enhet: str | None = None) -> dict[str, Tal]:
    """Read two numbers printed together, named by what the caller says they mean.

    Reports print a pair as ``59,7 → 62,1`` or ``från 10,6 till 7,9
    procent`` (a change from one value to another) or ``59,7 (62,1)`` (a
    value with another in parentheses: the previous year, a comparison unit).
    The text does not say which is which, so the caller names them in the
    order printed.

    Parameters
    ----------
    text : str
        The pair, joined by an arrow (``→``, ``->``, ``⇒``), written
        "från ... till ...", or with the second in parentheses.
    betydelse : (str, str)
        The names of the first and second value as printed, e.g.
        ``("tidigare", "senare")`` for ``59,7 → 62,1`` or
        ``("utfall", "föregående")`` for ``16,8 % (21,5 %)``.
    enhet : str, optional
        The column's unit for values printed without one.

    Returns
    -------
    dict of str to Tal
        The two values under their names, in the order printed. A unit
        printed on one value only applies to both.

    Raises
    ------
    TolkningsError
        If the text is not a pair, or the two values have different units
        ("16,8 % (21,5 mnkr)").
    OgiltigtVärdeError
        If ``betydelse`` is not two different names.

    Examples
    --------
    >>> from halsouppfoljning.tolka.tal import tolka_par
    >>> par = tolka_par("59,7 → 62,1 %", betydelse=("tidigare", "senare"))
    >>> par["tidigare"].värde, par["senare"].värde
    (0.597, 0.621)
    >>> {k: v.värde for k, v in tolka_par("94 (140)", betydelse=("utfall", "fg år")).items()}
    {'utfall': 94.0, 'fg år': 140.0}
    """
    t = enkla_mellanrum(_text_in(text, "tolka_par: text"))
    namn: Any = betydelse  # checked here: callers pass anything
    if isinstance(namn, list):
        namn = tuple(namn)
    if (
        not isinstance(namn, tuple)
        or len(namn) != 2
        or not all(isinstance(b, str) and b.strip() for b in namn)
        or namn[0] == namn[1]
    ):
        raise OgiltigtVärdeError(
            f"tolka_par: betydelse must name the two values in the order printed, such as "
            f"('tidigare', 'senare'), got {betydelse!r}"
        )
    with Läsare("tolka_par", text):
        träff = _PIL_RE.match(t) or _FRÅN_TILL_RE.match(t) or _PARENTES_RE.match(t)
        if träff is None:
            raise OläsligError(
                text, "a pair", "expected '59,7 → 62,1', 'från 59,7 till 62,1' or '59,7 (62,1)'"
            )
        a, b = _paret(träff["a"], träff["b"], enhet, "tolka_par", ("a pair", text))
    return {namn[0]: a, namn[1]: b}


def _paret(
    a_text: str, b_text: str, enhet: str | None, namn: str, som: tuple[str, str]
) -> tuple[Tal, Tal]:
    """The two values of a pair; a unit printed on one value only applies to both.

    ``som`` is (what the pair is read as, the whole text), for the message.
    """
    a = _läs_tal(a_text, enhet, namn)
    b = _läs_tal(b_text, enhet, namn)
    if a.enhet != b.enhet:
        if a.enhet is not None and b.enhet is not None:
            raise OläsligError(
                som[1],
                som[0],
                f"the two values have different units ({a.enhet!r} and {b.enhet!r}); read "
                "each with tolka_tal",
            )
        gemensam = _skriven(a.enhet or b.enhet)
        a, b = _läs_tal(a_text, gemensam, namn), _läs_tal(b_text, gemensam, namn)
    return attrs.evolve(a, text=a_text), attrs.evolve(b, text=b_text)


def _skriven(enhet: str | None) -> str | None:
    """A canonical unit as :func:`_läs_tal` reads it back (``andel`` is written ``%``)."""
    return "%" if enhet == "andel" else enhet


def _tolka_ett(
    text: Any, enhet: str | None = None, namn: str = "tolka_tal", *, sekvens: bool = False
) -> tuple[float, str | None]:
    with Läsare(namn, text):
        t = _läs_tal(text, enhet, namn, sekvens=sekvens)
    return t.värde, t.enhet


@overload
def tolka_tal(text: str | float | None, *, enhet: str | None = None) -> float: ...
@overload
def tolka_tal(text: pd.Series[Any], *, enhet: str | None = None) -> pd.Series[float]: ...
@overload
def tolka_tal(
    text: list[Any] | tuple[Any, ...] | npt.NDArray[Any], *, enhet: str | None = None
) -> npt.NDArray[np.float64]: ...
def tolka_tal(
    text: str | float | pd.Series[Any] | list[Any] | tuple[Any, ...] | npt.NDArray[Any] | None,
    *,
    enhet: str | None = None,
) -> float | pd.Series[float] | npt.NDArray[np.float64]:
    """Read a number as Swedish reports print it.

    Parameters
    ----------
    text : str, or a sequence, ndarray or Series of str
        The printed number. Numbers (int, float) pass through as float.
        A Series gives a Series with the same index; a list or array an
        ndarray.
    enhet : str, optional
        The column's unit for cells printed without one: with ``enhet="%"``
        a cell ``85*`` or ``1,3`` is read as a percent (0.85, 0.013). A
        cell printed with another unit is an error.

    Returns
    -------
    float, ndarray or Series
        The number **in the unit it is written in**, except percent:
        ``%``, ``procent`` and ``procentenheter`` are divided by 100 so that a
        share is a proportion in [0, 1]. Money stays in its written unit
        ("-890 mnkr" gives -890.0, "8 022 tkr" gives 8022.0); use
        :func:`tolka_belopp` to convert between kr, tkr, mnkr and mdkr.
        Missing markers (``i.u``, ``i.u.``, ``Ej aktuell``, ``*``, ``-``,
        ``..``, ``Kan ej uppskattas``, ``uppgift saknas``, ``x``, empty,
        with or without footnote marks) give NaN. Hedge words ("drygt",
        "cirka" ...) are read past; :func:`tolka_värde` keeps them, the unit
        and the footnote marks.

    Raises
    ------
    TolkningsError
        For anything else, quoting the text: words ("åttio"), unknown units,
        ranges ("85-90 %": use :func:`tolka_intervall`), a previous-year value in
        parentheses (use :func:`tolka_jämförelse`), ambiguous dots ("1.040").
    FelTypError
        For a value that is neither text nor a number.

    See Also
    --------
    tolka_belopp, tolka_intervall, tolka_jämförelse, tolka_tid, formatera_tal

    Notes
    -----
    Minus may be written ``-``, detached ``- 890``, ``–`` (en dash), ``−``
    (U+2212) or ``minus``. Thousands groups may be separated by a space, a
    no-break space (U+00A0), a narrow no-break space (U+202F) or a thin space
    (U+2009). Footnote marks (``*``, ``†``, superscript digits) at the end,
    glued or after a space, are dropped. Text is normalised to NFC first.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tolka_tal("- 890 mkr")
    -890.0
    >>> hu.tolka_tal("minus 800 miljoner")
    -800.0
    >>> hu.tolka_tal("−165,6 mnkr")
    -165.6
    >>> hu.tolka_tal("77,2%***")
    0.772
    >>> hu.tolka_tal("i.u.")
    nan
    >>> hu.tolka_tal(["8 022", "Ej aktuell", "+171"])
    array([8022.,   nan,  171.])
    >>> hu.tolka_tal("85*", enhet="%"), hu.tolka_tal("drygt 1 200")
    (0.85, 1200.0)
    """
    _kolumnenhet(enhet, "tolka_tal")
    if isinstance(text, pd.Series):
        return pd.Series(
            _elementvis(text.to_numpy(dtype=object), enhet),
            index=text.index,
            name=text.name,
            dtype=float,
        )
    if isinstance(text, (list, tuple, np.ndarray, pd.Index)):
        rå = np.asarray(text, dtype=object)  # a ragged nesting gives an array of lists
        return _elementvis(rå.ravel(), enhet).reshape(rå.shape)
    return _tolka_ett(text, enhet, sekvens=True)[0]


def _elementvis(värden: npt.NDArray[Any], enhet: str | None) -> npt.NDArray[np.float64]:
    """Each element read once (a column repeats its values): a float64 array."""
    karta: dict[Any, float] = {}
    ut = np.empty(värden.size, dtype=np.float64)
    for i, v in enumerate(värden):
        try:
            ut[i] = karta[v]
        except KeyError:
            ut[i] = karta[v] = _tolka_ett(v, enhet)[0]
        except TypeError:  # unhashable: a list inside the list
            ut[i] = _tolka_ett(v, enhet)[0]
    return ut


def tolka_belopp(text: str, *, enhet: str = "mnkr") -> float:
    """Read an amount of money and convert it to ``enhet``.

    Parameters
    ----------
    text : str
        E.g. "-890 mnkr", "8 022 tkr", "minus 800 miljoner kronor". A number
        without a unit is taken to be in ``enhet`` already.
    enhet : {"mnkr", "tkr", "kr", "mdkr"}
        The unit of the result; default mnkr (*miljoner kronor*). "mkr" is
        accepted as mnkr.

    Returns
    -------
    float
        The amount in ``enhet``; NaN for a missing marker.

    Raises
    ------
    TolkningsError
        If the text is not a number or its unit is not money (e.g. "%").
    OgiltigtVärdeError
        If ``enhet`` is not a money unit.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tolka_belopp("8 022 tkr")
    8.022
    >>> hu.tolka_belopp("-1,2 mdkr")
    -1200.0
    >>> hu.tolka_belopp("-890 mkr", enhet="tkr")
    -890000.0
    """
    e = _text_in(enhet, "tolka_belopp: enhet").casefold()
    mål = {"mkr": "mnkr"}.get(e, e)
    if mål not in PENNINGENHETER:
        raise OgiltigtVärdeError(
            f"tolka_belopp: enhet must be one of {sorted(PENNINGENHETER)}, got {enhet!r}"
        )
    with Läsare("tolka_belopp", text):
        värde, källenhet = _tolka_ett(text, None, "tolka_belopp")
        if källenhet is None or math.isnan(värde):
            return värde
        if källenhet not in PENNINGENHETER:
            raise OläsligError(
                text,
                "an amount of money",
                f"its unit is {källenhet!r}, expected one of {sorted(PENNINGENHETER)}",
            )
        faktor = Decimal(repr(PENNINGENHETER[källenhet])) / Decimal(repr(PENNINGENHETER[mål]))
        ut = float(Decimal(repr(värde)) * faktor)
        if not math.isfinite(ut):
            raise OläsligError(
                text, f"an amount in {mål}", "it is beyond any amount a report prints"
            )
        return ut


def tolka_jämförelse(text: str) -> tuple[float, float]:
    """Read an outcome with the previous year's value in parentheses.

    Parameters
    ----------
    text : str
        E.g. "16,8 % (21,5%)" or "94 (140)". A unit written on one value
        only applies to both (as in :func:`tolka_par`); a missing marker
        ("i.u.") gives NaN.

    Returns
    -------
    (utfall, föregående) : tuple of float

    Raises
    ------
    TolkningsError
        If the text is not of that form or the two values have different
        units; the message quotes the text and names the argument.
    FelTypError
        If ``text`` is not a string.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tolka_jämförelse("16,8 % (21,5%)")
    (0.168, 0.215)
    >>> hu.tolka_jämförelse("94 (140)")
    (94.0, 140.0)
    >>> hu.tolka_jämförelse("96 % (90)")
    (0.96, 0.9)
    """
    t = enkla_mellanrum(_text_in(text, "tolka_jämförelse: text"))
    som = "'outcome (previous)'"
    with Läsare("tolka_jämförelse", text):
        träff = _PARENTES_RE.match(t)
        if träff is None:
            raise OläsligError(text, som, "expected a form such as '16,8 % (21,5%)'")
        a, b = _paret(träff["a"], träff["b"], None, "tolka_jämförelse", (som, text))
    return a.värde, b.värde


def tolka_intervall(text: str) -> tuple[float, float]:
    """Read a range such as "85-90 %" as (lower, upper).

    Parameters
    ----------
    text : str
        Two unsigned numbers joined by a hyphen or en dash, by "till", or
        written "mellan ... och ...", with an optional unit after either or
        both: "85-90 %", "85 % – 90 %", "7-14 dagar", "75 till 85 %",
        "mellan 600 och 700 miljoner kronor", "0 – 17 år" (ages).

    Returns
    -------
    (nedre, övre) : tuple of float
        In the units of :func:`tolka_tal` (percent as shares).

    Raises
    ------
    TolkningsError
        If the text is not a range, the lower bound exceeds the upper, or
        the two ends have different units.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tolka_intervall("85-90 %")
    (0.85, 0.9)
    >>> hu.tolka_intervall("mellan 75 och 85 procent")
    (0.75, 0.85)
    """
    with Läsare("tolka_intervall", text):
        nedre, övre, _ = läs_intervall(_text_in(text, "tolka_intervall: text"), text)
    return nedre, övre


_TID_ENHET = {"min": 60.0, "timmar": 3600.0, "dagar": 86400.0}


def tolka_tid(text: str) -> dt.timedelta | None:
    """Read a duration as reports print it.

    Parameters
    ----------
    text : str
        ``mm:ss`` (the 1177 queue time "14:58" is 14 min 58 s), ``h:mm:ss``,
        or a number with a time unit: "8 min", "40min", "1,5 timmar",
        "4 h", "3 dagar".

    Returns
    -------
    datetime.timedelta or None
        ``None`` for a missing marker (``i.u.``, ``-`` ...).

    Raises
    ------
    TolkningsError
        If the text is not a duration (seconds or minutes of 60 or more in a
        clock form are refused, as is a duration without a unit or one
        longer than ten years).
    FelTypError
        If ``text`` is not a string.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tolka_tid("14:58")
    datetime.timedelta(seconds=898)
    >>> hu.tolka_tid("8 min").total_seconds()
    480.0
    >>> hu.tolka_tid("1:02:03").total_seconds()
    3723.0
    """
    t = förbered(_text_in(text, "tolka_tid: text (such as '14:58')", tom=True))
    if t.casefold() in SAKNAS:
        return None
    with Läsare("tolka_tid", text):
        return _tid(t, text)


#: The longest duration read: ten years (a waiting time or a limit beyond it is an error).
LÄNGSTA_TID = dt.timedelta(days=3653)


def _tid(t: str, text: str) -> dt.timedelta:
    som = "a duration"
    klocka = re.fullmatch(r"(?:(\d{1,9}):)?(\d{1,2}):(\d{2})", t)
    if klocka:
        timmar = int(klocka[1]) if klocka[1] is not None else 0
        minuter, sekunder = int(klocka[2]), int(klocka[3])
        if sekunder >= 60 or (klocka[1] is not None and minuter >= 60):
            raise OläsligError(text, som, "minutes and seconds must be below 60")
        sekunder_totalt = float(timmar * 3600 + minuter * 60 + sekunder)
    else:
        try:
            värde, enhet = läs(t, text)
        except OläsligError:
            raise OläsligError(
                text, som, "expected 'mm:ss', 'h:mm:ss' or a number with a unit such as '8 min'"
            ) from None
        if enhet not in _TID_ENHET:
            raise OläsligError(
                text, som, "it needs a time unit (min, timmar, dagar) or the form 'mm:ss'"
            )
        if värde < 0:
            raise OläsligError(text, som, "it is negative; a duration is written without a sign")
        sekunder_totalt = värde * _TID_ENHET[enhet]
    if sekunder_totalt > LÄNGSTA_TID.total_seconds():
        raise OläsligError(
            text,
            som,
            f"it is longer than ten years ({LÄNGSTA_TID.days} days), beyond any waiting or "
            "queue time; check the unit",
        )
    return dt.timedelta(seconds=sekunder_totalt)
