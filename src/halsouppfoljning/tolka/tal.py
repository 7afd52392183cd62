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

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._indata import text as _text_in
from ..exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from ..indikatorer import avrunda, formatera_andel, formatera_tal
from ._grund import (
    MINUSTECKEN,
    PENNINGENHETER,
    SAKNAS,
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
    "tolka_tal",
    "tolka_tid",
]


def _tolka_ett(text: Any) -> tuple[float, str | None]:
    if isinstance(text, bool):
        raise FelTypError(f"tolka_tal expects text or a number, got the bool {text!r}")
    if isinstance(text, (int, float, np.integer, np.floating)):
        return float(text), None
    if text is None or text is pd.NA:
        return math.nan, None
    if not isinstance(text, str):
        raise FelTypError(
            f"tolka_tal expects a string such as '88,3 %', got {text!r} of type "
            f"{type(text).__name__}"
        )
    t = enkla_mellanrum(text)
    if t.casefold() in SAKNAS:
        return math.nan, None
    t = förbered(t)
    if "(" in t or ")" in t:
        raise TolkningsError(
            f"cannot read {text!r} as one number: it holds a value in parentheses "
            "(usually the previous year's); use tolka_jämförelse() to get both"
        )
    if "/" in t:
        raise TolkningsError(
            f"cannot read {text!r} as one number: it holds '/', a composite value or a "
            "rate; split it first (Målnivå.tolka reads composite targets)"
        )
    return läs(t, text)


@overload
def tolka_tal(text: str | float | None) -> float: ...
@overload
def tolka_tal(text: pd.Series[Any]) -> pd.Series[float]: ...
@overload
def tolka_tal(text: list[Any] | tuple[Any, ...] | npt.NDArray[Any]) -> npt.NDArray[np.float64]: ...
def tolka_tal(
    text: str | float | pd.Series[Any] | list[Any] | tuple[Any, ...] | npt.NDArray[Any] | None,
) -> float | pd.Series[float] | npt.NDArray[np.float64]:
    """Read a number as Swedish reports print it.

    Parameters
    ----------
    text : str, or a sequence, ndarray or Series of str
        The printed number. Numbers (int, float) pass through as float.
        A Series gives a Series with the same index; a list or array an
        ndarray.

    Returns
    -------
    float, ndarray or Series
        The number **in the unit it is written in**, except percent:
        ``%``, ``procent`` and ``procentenheter`` are divided by 100 so that a
        share is a proportion in [0, 1]. Money stays in its written unit
        ("-890 mnkr" gives -890.0, "8 022 tkr" gives 8022.0); use
        :func:`tolka_belopp` to convert between kr, tkr, mnkr and mdkr.
        Missing markers (``i.u``, ``i.u.``, ``Ej aktuell``, ``*``, ``-``,
        ``..``, empty) give NaN.

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
    (U+2009). Footnote marks (``*``, ``†``, superscript digits) glued to the
    end are dropped. Text is normalised to NFC first.

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
    """
    if isinstance(text, pd.Series):
        unika = pd.unique(text.to_numpy(dtype=object))
        karta = {u: _tolka_ett(u)[0] for u in unika}
        return pd.Series(
            [karta[v] for v in text.to_numpy(dtype=object)],
            index=text.index,
            name=text.name,
            dtype=float,
        )
    if isinstance(text, (list, tuple, np.ndarray)):
        return np.array([_tolka_ett(t)[0] for t in np.asarray(text, dtype=object).ravel()]).reshape(
            np.shape(text)
        )
    return _tolka_ett(text)[0]


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
    värde, källenhet = _tolka_ett(text)
    if källenhet is None:
        return värde
    if källenhet not in PENNINGENHETER:
        raise TolkningsError(
            f"cannot read {text!r} as an amount of money: its unit is {källenhet!r}, "
            f"expected one of {sorted(PENNINGENHETER)}"
        )
    faktor = Decimal(repr(PENNINGENHETER[källenhet])) / Decimal(repr(PENNINGENHETER[mål]))
    return float(Decimal(repr(värde)) * faktor)


def tolka_jämförelse(text: str) -> tuple[float, float]:
    """Read an outcome with the previous year's value in parentheses.

    Parameters
    ----------
    text : str
        E.g. "16,8 % (21,5%)" or "94 (140)". A unit written only on the
        first value applies to the second too.

    Returns
    -------
    (utfall, föregående) : tuple of float

    Raises
    ------
    TolkningsError
        If the text is not of that form.

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
    träff = re.fullmatch(r"(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)\s*\.?", t)
    if träff is None:
        raise TolkningsError(
            f"cannot read {text!r} as 'outcome (previous)': expected a form such as "
            "'16,8 % (21,5%)'"
        )
    a, enhet_a = läs(förbered(träff["a"]), text)
    b, enhet_b = läs(förbered(träff["b"]), text)
    if enhet_b is None and enhet_a == "andel":
        b = float(Decimal(repr(b)) / 100)
    return a, b


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
        clock form are refused, as is a duration without a unit).

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
    t = förbered(_text_in(text, "tolka_tid: text (such as '14:58')"))
    if t.casefold() in SAKNAS:
        return None
    klocka = re.fullmatch(r"(?:(\d+):)?(\d{1,2}):(\d{2})", t)
    if klocka:
        timmar = int(klocka[1]) if klocka[1] is not None else 0
        minuter, sekunder = int(klocka[2]), int(klocka[3])
        if sekunder >= 60 or (klocka[1] is not None and minuter >= 60):
            raise TolkningsError(
                f"cannot read {text!r} as a duration: minutes and seconds must be below 60"
            )
        return dt.timedelta(hours=timmar, minutes=minuter, seconds=sekunder)
    try:
        värde, enhet = läs(t, text)
    except TolkningsError:
        raise TolkningsError(
            f"cannot read {text!r} as a duration: expected 'mm:ss', 'h:mm:ss' or a number "
            "with a unit such as '8 min'"
        ) from None
    if enhet not in _TID_ENHET:
        raise TolkningsError(
            f"cannot read {text!r} as a duration: it needs a time unit (min, timmar, "
            "dagar) or the form 'mm:ss'"
        )
    if värde < 0:
        raise TolkningsError(f"cannot read {text!r} as a duration: it is negative")
    return dt.timedelta(seconds=värde * _TID_ENHET[enhet])
