"""The one input layer: every coercion of what a caller passes in, written once.

Not public API. Every module of the package takes its input through these
functions, so that one rule holds everywhere:

- **columns**: looked up up to Unicode normal form (NFC: "ä" can arrive
  decomposed), with the closest existing names suggested (:func:`kolumn`,
  :func:`kolumner`);
- **frames**: pandas or Dask; any other frame (polars, pyarrow, ...) is refused
  by name with the way to convert it (:func:`ramtyp`); Dask is detected
  without importing it (:func:`är_dask`, :func:`är_dask_dataframe`) and
  imported on demand (:func:`importera_dask`);
- **numbers**: real numbers only, never text, booleans or ``None`` (read report
  text with ``hu.tolka_tal`` first); infinity is refused (:func:`tal`,
  :func:`tal_array`, :func:`skalär`, :func:`heltal`);
- **shares**: numbers in [0, 1]; a value in (1, 100] asks "did you pass
  percent?" (:func:`andel`, :func:`kontrollera_andel`);
- **text** and **booleans**: text is stripped and NFC; a boolean is a boolean,
  never ``"nej"`` (:func:`text`, :func:`valfri_text`, :func:`boolesk`);
- **dates**, one rule: a timezone-aware timestamp is converted to Swedish local
  time (Europe/Stockholm) and its local calendar day (or wall time) is used;
  a naive timestamp is taken as local; text is ISO 8601 (``2023-12-31``) or
  ``YYYY-MM``; a slash date such as ``01/12/2023`` is refused as ambiguous;
  numbers are refused (``20230515`` is not a date) (:func:`datum`,
  :func:`tidpunkt`, :func:`datumkolumn`).

Examples
--------
>>> from halsouppfoljning import _indata
>>> _indata.datum("2023-12-31", "slutdatum")
datetime.date(2023, 12, 31)
>>> _indata.tal([1, 2.5], "utfall")
array([1. , 2.5])
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import importlib
import math
import numbers
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, ParamSpec, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from .exceptions import (
    AndelsError,
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    SaknadKolumnError,
    SaknatTilläggError,
)

__all__ = [
    "TIDSZON",
    "Datum",
    "Ram",
    "TalIn",
    "andel",
    "boolesk",
    "datum",
    "datumkolumn",
    "heltal",
    "importera_dask",
    "kolumn",
    "kolumner",
    "kontrollera_andel",
    "kontrollera_kolumner",
    "kort",
    "nfc",
    "ramtyp",
    "skalär",
    "tal",
    "tal_array",
    "text",
    "tidpunkt",
    "valfri_text",
    "valfritt_datum",
    "är_dask",
    "är_dask_dataframe",
]

# --------------------------------------------------------------------------- type aliases

#: "A number, or numbers": a scalar, a sequence, an ndarray or a pandas Series.
TalIn: TypeAlias = "float | int | Sequence[float] | npt.ArrayLike | pd.Series[Any]"
#: "A pandas or Dask frame" (Dask stays optional, so its type is not named here).
Ram: TypeAlias = "pd.DataFrame | Any"
#: A date as callers give it: ISO text, ``datetime.date``, ``datetime.datetime``,
#: ``pandas.Timestamp`` or ``numpy.datetime64``.
Datum: TypeAlias = "str | dt.date | dt.datetime | pd.Timestamp | np.datetime64"

#: The time zone whose calendar days the package counts in.
TIDSZON = "Europe/Stockholm"

#: The install command named when Dask is missing.
DASK_INSTALLATION = 'pip install "halsouppfoljning[dask]"'


# --------------------------------------------------------------------------- text


def nfc(text: str) -> str:
    """``text`` in Unicode normal form NFC ("ä" can arrive decomposed).

    Examples
    --------
    >>> from halsouppfoljning._indata import nfc
    >>> nfc("a\\u0308") == "ä"
    True
    """
    return unicodedata.normalize("NFC", text)


def _kort(värde: Any, längd: int = 60) -> str:
    """``repr(värde)`` on one line (a frame's repr has many), shortened for a message."""
    r = repr(värde)
    if "\n" in r:
        r = " ".join(r.split())
    return r if len(r) <= längd else r[: längd - 3] + "..."


def kort(värde: Any, längd: int = 60) -> str:
    """``repr(värde)`` shortened to ``längd`` characters, for a message quoting a value.

    A frame or a long list is quoted on one line, cut with ``...``.

    Examples
    --------
    >>> from halsouppfoljning._indata import kort
    >>> kort(list(range(30)), 20)
    '[0, 1, 2, 3, 4, 5...'
    """
    return _kort(värde, längd)


def text(värde: Any, namn: str, *, tom: bool = False) -> str:
    """Text, stripped and in NFC; anything but ``str`` is an error naming ``namn``.

    Examples
    --------
    >>> from halsouppfoljning._indata import text
    >>> text("  Region Västmanland ", "namn")
    'Region Västmanland'
    """
    if not isinstance(värde, str):
        raise FelTypError(
            f"{namn} must be text (str), got {_kort(värde)} of type {type(värde).__name__}; "
            "pass it as a str (text in quotes)"
        )
    ut = nfc(värde).strip()
    if not ut and not tom:
        raise OgiltigtVärdeError(f"{namn} must not be empty text; give a name or a value")
    return ut


def valfri_text(värde: Any, namn: str) -> str | None:
    """Like :func:`text`, but ``None`` (and empty text) give ``None``.

    Examples
    --------
    >>> from halsouppfoljning._indata import valfri_text
    >>> valfri_text(None, "källa") is None
    True
    """
    if värde is None:
        return None
    ut = text(värde, namn, tom=True)
    return ut or None


def boolesk(värde: Any, namn: str) -> bool:
    """A boolean: only ``True``/``False`` (numpy's too); ``"nej"`` or ``1`` are errors.

    Examples
    --------
    >>> from halsouppfoljning._indata import boolesk
    >>> boolesk(True, "egen_regi")
    True
    """
    if isinstance(värde, (bool, np.bool_)):
        return bool(värde)
    if isinstance(värde, str):
        råd = "write the boolean itself (False for 'nej', True for 'ja'), not text"
    else:
        råd = "pass True or False (convert 0/1 with bool(...) first)"
    raise FelTypError(
        f"{namn} must be True or False, got {_kort(värde)} of type {type(värde).__name__}; {råd}"
    )


# --------------------------------------------------------------------------- columns


def _närmaste(namn: str, finns: Sequence[str]) -> list[str]:
    nycklar = {nfc(k).casefold(): k for k in finns}
    träffar = difflib.get_close_matches(nfc(namn).casefold(), list(nycklar), n=3, cutoff=0.6)
    return [nycklar[t] for t in träffar]


def kolumn(kolumner: Iterable[Any], namn: str, vad: str, *, argument: str | None = None) -> Any:
    """The label in ``kolumner`` equal to ``namn`` up to NFC, or a clear error.

    Parameters
    ----------
    kolumner : iterable
        The column labels of a frame.
    namn : str
        The column asked for.
    vad : str
        The function asking (quoted in the message).
    argument : str, optional
        The keyword that named the column (quoted in the message).

    Raises
    ------
    SaknadKolumnError
        Naming the column, the columns there are and the closest matches.

    Examples
    --------
    >>> from halsouppfoljning._indata import kolumn
    >>> kolumn(["patient", "vårdgivare"], "va\\u030ardgivare", "kontinuitetsindex")
    'vårdgivare'
    """
    finns = list(kolumner)
    if not isinstance(namn, str):
        raise FelTypError(
            f"{vad}: {argument or 'a column name'} must name a column (str), got {_kort(namn)}"
        )
    mål = nfc(namn)
    for k in finns:
        if isinstance(k, str) and nfc(k) == mål:
            return k
    namnen = [str(k) for k in finns]
    förslag = _närmaste(namn, namnen)
    råd = f" Did you mean {' or '.join(repr(f) for f in förslag)}?" if förslag else ""
    vem = f" ({argument}=)" if argument else ""
    raise SaknadKolumnError(
        f"{vad}: column {namn!r}{vem} is not in the data; the columns are "
        f"{_kort(namnen, 200)}.{råd}"
    )


def kolumner(kolumner_: Iterable[Any], namn: Iterable[str | None], vad: str) -> tuple[Any, ...]:
    """:func:`kolumn` for each name that is not ``None``, in order.

    Examples
    --------
    >>> from halsouppfoljning._indata import kolumner
    >>> kolumner(["a", "b"], ["b", None], "f")
    ('b',)
    """
    finns = list(kolumner_)
    return tuple(kolumn(finns, n, vad) for n in namn if n is not None)


def kontrollera_kolumner(kolumner_: Iterable[Any], behövs: Iterable[str | None], vad: str) -> None:
    """Raise :class:`SaknadKolumnError` for the first column of ``behövs`` not present.

    Examples
    --------
    >>> from halsouppfoljning._indata import kontrollera_kolumner
    >>> kontrollera_kolumner(["a"], ["a", None], "f")
    """
    kolumner(kolumner_, behövs, vad)


def som_lista(värde: str | Iterable[str] | None, namn: str) -> tuple[str, ...]:
    """A column name or a list of them as a tuple of NFC names (``None`` gives ``()``).

    Examples
    --------
    >>> from halsouppfoljning._indata import som_lista
    >>> som_lista("region", "per")
    ('region',)
    """
    if värde is None:
        return ()
    if isinstance(värde, str):
        return (nfc(värde),)
    if isinstance(värde, Iterable):
        ut = tuple(värde)
        for v in ut:
            if not isinstance(v, str):
                raise FelTypError(f"{namn} must name columns (str), got {_kort(v)}")
        return tuple(nfc(v) for v in ut)
    raise FelTypError(f"{namn} must be a column name or a list of column names, got {_kort(värde)}")


# --------------------------------------------------------------------------- frames


def är_dask(obj: Any) -> bool:
    """Whether ``obj`` is a Dask collection; never imports Dask.

    Examples
    --------
    >>> from halsouppfoljning._indata import är_dask
    >>> är_dask([1, 2, 3])
    False
    """
    if "dask" not in sys.modules:
        return False
    try:
        base = importlib.import_module("dask.base")
    except ImportError:  # pragma: no cover - a broken Dask install
        return False
    return bool(base.is_dask_collection(obj))


def är_dask_dataframe(obj: Any) -> bool:
    """Whether ``obj`` is a Dask DataFrame (not a Series or another collection).

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import är_dask_dataframe
    >>> är_dask_dataframe(pd.DataFrame())
    False
    """
    if not är_dask(obj):
        return False
    dd = importera_dask("dask.dataframe")
    return isinstance(obj, dd.DataFrame)


def importera_dask(modul: str = "dask.dataframe", *, för: str | None = None) -> ModuleType:
    """Import a Dask module, or raise :class:`SaknatTilläggError` naming the install command.

    Examples
    --------
    >>> from halsouppfoljning._indata import importera_dask
    >>> importera_dask("dask").__name__
    'dask'
    """
    try:
        return importlib.import_module(modul)
    except ImportError as fel:
        vem = f"{för} needs " if för else "this needs "
        raise SaknatTilläggError(
            f"{vem}the optional extra Dask ({modul!r} could not be imported: {fel}); "
            f"install it with {DASK_INSTALLATION}"
        ) from fel


_ANDRA_RAMAR = {
    "polars": "df.to_pandas()",
    "pyarrow": "table.to_pandas()",
    "modin": "df._to_pandas()",
    "pyspark": "df.toPandas()",
    "cudf": "df.to_pandas()",
    "vaex": "df.to_pandas_df()",
    "ibis": "expr.to_pandas()",
    "duckdb": "relation.df()",
}


def ramtyp(obj: Any, vad: str, *, argument: str = "data", dask: bool = True) -> str:
    """``"pandas"`` or ``"dask"`` for a frame; any other object is an error naming its type.

    Parameters
    ----------
    obj : object
        What the caller passed.
    vad : str
        The function (quoted in the message).
    argument : str
        The argument name (quoted in the message).
    dask : bool
        Whether the function takes Dask DataFrames.

    Raises
    ------
    FelTypError
        For a polars or pyarrow table, a dict, a list ...: the message names the
        type and how to convert it to pandas.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import ramtyp
    >>> ramtyp(pd.DataFrame({"a": [1]}), "f")
    'pandas'
    """
    if isinstance(obj, pd.DataFrame):
        return "pandas"
    if dask and är_dask_dataframe(obj):
        return "dask"
    typ = type(obj)
    modul = (typ.__module__ or "").split(".")[0]
    namn = f"{typ.__module__}.{typ.__qualname__}"
    if modul in _ANDRA_RAMAR:
        råd = f"convert it with {_ANDRA_RAMAR[modul]} first"
    elif modul == "dask":
        råd = "pass a Dask DataFrame (not a Series or array), or compute it to pandas"
    elif isinstance(obj, pd.Series):
        råd = "pass a DataFrame (series.to_frame()) with the named columns"
    else:
        råd = "build one with pandas.DataFrame(...) first"
    godtas = "a pandas DataFrame or a Dask DataFrame" if dask else "a pandas DataFrame"
    raise FelTypError(f"{vad}: {argument} must be {godtas}, got a {namn}; {råd}")


# --------------------------------------------------------------------------- numbers


def _talfel(värde: Any, namn: str) -> FelTypError:
    return FelTypError(
        f"{namn} must be a number or numbers, got {_kort(värde)} of type "
        f"{type(värde).__name__}; read printed figures such as '-174,1 mnkr' or '88,3 %' "
        "with hu.tolka_tal first"
    )


def _cellfel(värde: pd.Series[Any] | pd.Index[Any], namn: str) -> FelTypError:
    """The error for a column that is not numbers: quotes its first offending cell and row."""
    if isinstance(värde.dtype, np.dtype) and värde.dtype.kind == "c":
        return FelTypError(
            f"{namn} must be real numbers, got complex numbers (dtype {värde.dtype}); "
            "pass the real part (.real) if that is what you mean"
        )
    etiketter = värde.index if isinstance(värde, pd.Series) else range(len(värde))
    for etikett, v in zip(etiketter, värde.tolist(), strict=False):
        if v is None or v is pd.NA:
            continue
        if isinstance(v, (bool, np.bool_, str, bytes)) or not isinstance(v, numbers.Number):
            return FelTypError(
                f"{namn} must be a number or numbers, got {_kort(v)} (row {_kort(etikett, 30)}) "
                f"of type {type(v).__name__}; read printed figures such as '-174,1 mnkr' or "
                "'88,3 %' with hu.tolka_tal first"
            )
        if isinstance(v, complex):
            return FelTypError(
                f"{namn} must be real numbers, got {_kort(v)} (row {_kort(etikett, 30)}); "
                "pass the real part if that is what you mean"
            )
    return FelTypError(
        f"{namn} must be a number or numbers, got values of dtype {värde.dtype}; convert them "
        "with pandas.to_numeric first"
    )


def _ändliga(arr: npt.NDArray[np.float64], namn: str, ändlig: bool) -> None:
    if ändlig and arr.size and np.isinf(arr).any():
        plats = int(np.flatnonzero(np.isinf(arr).ravel())[0])
        vilken = f" (position {plats})" if arr.ndim else ""
        raise OgiltigtVärdeError(
            f"{namn} must be finite, got {arr.ravel()[plats]!r}{vilken}; use NaN for a "
            "missing value"
        )


def skalär(värde: Any, namn: str, *, saknas: bool = False, ändlig: bool = True) -> float:
    """One real number as ``float``.

    Parameters
    ----------
    värde : number
        The value.
    namn : str
        The argument (quoted in the message).
    saknas : bool
        Whether a missing value (``None``, NaN, ``pd.NA``) is allowed; it gives NaN.
    ändlig : bool
        Whether infinity is refused (the default).

    Examples
    --------
    >>> from halsouppfoljning._indata import skalär
    >>> skalär(3, "budget")
    3.0
    """
    if värde is pd.NaT:
        raise FelTypError(
            f"{namn} must be a number, got NaT (a missing date); give a number, or None or NaN "
            "where a value is missing"
        )
    if värde is None or värde is pd.NA:
        if saknas:
            return math.nan
        raise OgiltigtVärdeError(f"{namn} is missing (None); give a number")
    if isinstance(värde, (bool, np.bool_, str, bytes)) or not isinstance(värde, numbers.Real):
        raise _talfel(värde, namn)
    ut = float(värde)
    if math.isnan(ut) and not saknas:
        raise OgiltigtVärdeError(f"{namn} is missing (NaN); give a number")
    if ändlig and math.isinf(ut):
        raise OgiltigtVärdeError(
            f"{namn} must be finite, got {ut!r}; give a finite number (NaN where a value is "
            "missing and that is allowed)"
        )
    return ut


def tal_array(värde: Any, namn: str, *, ändlig: bool = True) -> npt.NDArray[np.float64]:
    """Numbers as a float64 ndarray (no copy when already one); NaN passes, inf is refused.

    ``None`` gives NaN. Text, booleans and objects are errors naming ``namn``.

    Examples
    --------
    >>> from halsouppfoljning._indata import tal_array
    >>> tal_array([1, None, 3], "utfall")
    array([ 1., nan,  3.])
    """
    if värde is None:
        return np.asarray(np.nan)
    if isinstance(värde, (str, bytes, bool, np.bool_)):
        raise _talfel(värde, namn)
    if isinstance(värde, (pd.Series, pd.Index)):
        if (
            pd.api.types.is_bool_dtype(värde.dtype)
            or pd.api.types.is_complex_dtype(värde.dtype)
            or not (pd.api.types.is_numeric_dtype(värde.dtype) or värde.dtype == object)
        ):
            raise _cellfel(värde, namn)
        if värde.dtype == object and any(
            isinstance(v, (bool, np.bool_, str, bytes, complex)) for v in värde.tolist()
        ):
            raise _cellfel(värde, namn)
        try:
            arr = värde.to_numpy(dtype=np.float64, na_value=np.nan)
        except (TypeError, ValueError) as fel:
            raise _cellfel(värde, namn) from fel
    else:
        try:
            rå = np.asarray(värde)
        except (TypeError, ValueError) as fel:
            raise FelTypError(
                f"{namn} must be a number or an equal-length sequence of numbers, got "
                f"{_kort(värde)}"
            ) from fel
        if rå.dtype.kind == "c":
            raise FelTypError(
                f"{namn} must be real numbers, got {_kort(värde)} (complex, dtype {rå.dtype}); "
                "pass the real part (.real) if that is what you mean"
            )
        if rå.dtype.kind == "b" or rå.dtype.kind in "USMmV":
            raise _talfel(värde, namn)
        if rå.dtype.kind == "O":
            plattad = rå.ravel()
            for v in plattad:
                if v is None or v is pd.NA:
                    continue
                if isinstance(v, (bool, np.bool_, str, bytes)) or not isinstance(v, numbers.Real):
                    raise _talfel(v, namn)
            rå = np.array(
                [np.nan if (v is None or v is pd.NA) else float(v) for v in plattad],
                dtype=np.float64,
            ).reshape(rå.shape)
        arr = rå if rå.dtype == np.float64 else rå.astype(np.float64)
    _ändliga(arr, namn, ändlig)
    return arr


def tal(värde: Any, namn: str, *, ändlig: bool = True) -> Any:
    """Numbers in, keeping the kind: a Series or DataFrame stays one (as float64),
    a scalar becomes ``float``, anything else a float64 ndarray.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import tal
    >>> tal(pd.Series([1, 2], index=["a", "b"]), "utfall").to_dict()
    {'a': 1.0, 'b': 2.0}
    >>> tal(5, "utfall")
    5.0
    """
    if isinstance(värde, pd.DataFrame):
        if not värde.columns.is_unique:
            dubbla = list(dict.fromkeys(värde.columns[värde.columns.duplicated()]))
            raise OgiltigtVärdeError(
                f"{namn} has the column(s) {_kort(dubbla)} more than once; give each column "
                "once (drop or rename the duplicate)"
            )
        kolumner_ = {k: tal(värde[k], f"{namn}[{k!r}]", ändlig=ändlig) for k in värde.columns}
        ut = pd.DataFrame(kolumner_, index=värde.index)
        ut.columns = värde.columns
        return ut
    if isinstance(värde, pd.Series):
        return pd.Series(tal_array(värde, namn, ändlig=ändlig), index=värde.index, name=värde.name)
    arr = tal_array(värde, namn, ändlig=ändlig)
    return float(arr) if arr.ndim == 0 else arr


def heltal(värde: Any, namn: str, *, minst: int | None = None, högst: int | None = None) -> int:
    """A whole number (``2023.0`` passes, ``2023.7``, text and booleans do not).

    Examples
    --------
    >>> from halsouppfoljning._indata import heltal
    >>> heltal(2023.0, "år")
    2023
    """
    if isinstance(värde, (bool, np.bool_)) or not isinstance(värde, numbers.Real):
        raise FelTypError(
            f"{namn} must be a whole number, got {_kort(värde)} of type {type(värde).__name__}; "
            "pass an int such as 3 (read printed figures with hu.tolka_tal first)"
        )
    f = float(värde)
    if not math.isfinite(f) or f != math.floor(f):
        raise OgiltigtVärdeError(
            f"{namn} must be a whole number, got {värde!r}; pass an int such as "
            f"{int(f) if math.isfinite(f) else 3}"
        )
    ut = int(värde) if isinstance(värde, numbers.Integral) else int(f)
    if minst is not None and ut < minst:
        raise OgiltigtVärdeError(
            f"{namn} must be at least {minst}, got {ut}; pass a value of {minst} or more"
        )
    if högst is not None and ut > högst:
        raise OgiltigtVärdeError(
            f"{namn} must be at most {högst}, got {_kort(ut)}; pass a value of {högst} or less"
        )
    return ut


# --------------------------------------------------------------------------- shares


def kontrollera_andel(värde: Any, namn: str) -> None:
    """Raise :class:`AndelsError` if any finite value is outside [0, 1].

    NaN passes (missing stays missing). A value in (1, 100] asks "did you pass
    percent?".

    Examples
    --------
    >>> from halsouppfoljning._indata import kontrollera_andel
    >>> kontrollera_andel(78.8, "andel")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.AndelsError: andel must be a share in [0, 1], got 78.8: ...
    """
    arr = np.asarray(värde, dtype=float)
    if arr.size == 0:
        return
    utanför = np.isfinite(arr) & ((arr < 0.0) | (arr > 1.0))
    if not utanför.any():
        return
    första = float(arr[utanför].flat[0])
    if 1.0 < första <= 100.0:
        råd = (
            f"did you pass percent? {första:g} % is the share {första / 100:g}; "
            "divide by 100 (shares are proportions in [0, 1])"
        )
    else:
        råd = "shares are proportions in [0, 1]"
    raise AndelsError(f"{namn} must be a share in [0, 1], got {första!r}: {råd}")


def andel(värde: Any, namn: str) -> Any:
    """:func:`tal` followed by :func:`kontrollera_andel`.

    Examples
    --------
    >>> from halsouppfoljning._indata import andel
    >>> andel(0.883, "andel")
    0.883
    """
    ut = tal(värde, namn)
    kontrollera_andel(ut, namn)
    return ut


# --------------------------------------------------------------------------- dates

_SNEDSTRECK = re.compile(r"^\s*\d{1,4}[/.]\d{1,2}[/.]\d{1,4}\s*$")
_ÅR_MÅNAD = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _datumfel(värde: Any, namn: str, varför: str = "") -> FelTypError:
    return FelTypError(
        f"{namn} must be a date: ISO text such as '2023-12-31', a datetime.date, a "
        f"datetime.datetime or a pandas.Timestamp; got {_kort(värde)} of type "
        f"{type(värde).__name__}{varför}"
    )


def _lokal(ts: pd.Timestamp) -> pd.Timestamp:
    """A timestamp in Swedish local wall time, without a zone."""
    if ts.tzinfo is not None:
        return ts.tz_convert(TIDSZON).tz_localize(None)
    return ts


def tidpunkt(värde: Any, namn: str) -> pd.Timestamp:
    """A point in time as a naive :class:`pandas.Timestamp` in Swedish local time.

    The date rule of the package: aware timestamps are converted to
    Europe/Stockholm; naive ones are local; text is ISO 8601 (or ``YYYY-MM``,
    the month's first day); slash dates are refused as ambiguous; numbers are
    refused.

    Examples
    --------
    >>> from halsouppfoljning._indata import tidpunkt
    >>> tidpunkt("2023-12-31T23:30Z", "slutdatum")
    Timestamp('2024-01-01 00:30:00')
    """
    if värde is None or värde is pd.NaT or (isinstance(värde, float) and math.isnan(värde)):
        raise OgiltigtVärdeError(f"{namn} is missing; give a date such as '2023-12-31'")
    if isinstance(värde, (bool, np.bool_, numbers.Number)):
        raise _datumfel(värde, namn, "; a number is not a date (write 20230515 as '2023-05-15')")
    if isinstance(värde, str):
        t = nfc(värde).strip()
        if _SNEDSTRECK.match(t):
            raise OgiltigtVärdeError(
                f"{namn}: {värde!r} is ambiguous (day/month or month/day); write the date "
                "as ISO 8601, for example '2023-12-01'"
            )
        träff = _ÅR_MÅNAD.match(t)
        if träff:
            mån = int(träff[2])
            if not 1 <= mån <= 12:
                raise OgiltigtVärdeError(f"{namn}: there is no month {mån} in {värde!r}")
            return pd.Timestamp(year=int(träff[1]), month=mån, day=1)
        try:
            ts = pd.Timestamp(dt.datetime.fromisoformat(t))
        except ValueError:
            raise _datumfel(värde, namn) from None
        return _lokal(ts)
    if isinstance(värde, (pd.Timestamp, dt.datetime, dt.date, np.datetime64)):
        try:
            ts = pd.Timestamp(värde)
        except (ValueError, OverflowError) as fel:
            raise OgiltigtVärdeError(f"{namn}: {_kort(värde)} is out of range: {fel}") from fel
        if pd.isna(ts):
            raise OgiltigtVärdeError(f"{namn} is missing (NaT); give a date")
        return _lokal(ts)
    raise _datumfel(värde, namn)


def datum(värde: Any, namn: str) -> dt.date:
    """A calendar day (:class:`datetime.date`) by the package's date rule.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import datum
    >>> datum(pd.Timestamp("2023-06-30 23:30", tz="UTC"), "mätdatum")
    datetime.date(2023, 7, 1)
    """
    if isinstance(värde, dt.date) and not isinstance(värde, dt.datetime):
        return värde
    return tidpunkt(värde, namn).date()


def valfritt_datum(värde: Any, namn: str) -> dt.date | None:
    """:func:`datum`, with ``None`` giving ``None``.

    Examples
    --------
    >>> from halsouppfoljning._indata import valfritt_datum
    >>> valfritt_datum(None, "giltig_från") is None
    True
    """
    if värde is None:
        return None
    return datum(värde, namn)


#: The span of dates the package counts with: healthcare follow-up from 1900 to
#: 2199 (pandas' nanosecond timestamps reach 1677-2262, so a window or a
#: snapshot outside this span is a wrong year, not data).
FÖRSTA_DATUM = dt.date(1900, 1, 1)
SISTA_DATUM = dt.date(2199, 12, 31)


def rimligt_datum(värde: Any, namn: str) -> dt.date:
    """:func:`datum`, within :data:`FÖRSTA_DATUM` to :data:`SISTA_DATUM` (1900-2199).

    A date in year 1000 or 9999 is a typing error, and would overflow the
    nanosecond timestamps the counting uses: an error naming ``namn`` and
    the span.

    Parameters
    ----------
    värde : date-like
        As :func:`datum` reads it.
    namn : str
        The function and argument (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        For a date outside 1900-2199 (and as :func:`datum`).

    Examples
    --------
    >>> from halsouppfoljning._indata import rimligt_datum
    >>> rimligt_datum("2023-12-31", "slutdatum")
    datetime.date(2023, 12, 31)
    >>> rimligt_datum("1023-12-31", "slutdatum")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: slutdatum 1023-12-31 is outside 1900-01-01 ...
    """
    d = datum(värde, namn)
    if not FÖRSTA_DATUM <= d <= SISTA_DATUM:
        raise OgiltigtVärdeError(
            f"{namn} {d.isoformat()} is outside {FÖRSTA_DATUM.isoformat()} to "
            f"{SISTA_DATUM.isoformat()}, the dates the package counts with; check the year"
        )
    return d


def datumkolumn(
    kolumn_: pd.Series[Any], namn: str, vad: str, *, dag: bool = False
) -> npt.NDArray[np.datetime64]:
    """A column of dates as naive ``datetime64[ns]`` in Swedish local time.

    Timezone-aware columns are converted to Europe/Stockholm (so 00:30+01:00
    and 23:30Z the day before are the same local moment); naive columns are
    local. Object columns of ``datetime.date`` or ``datetime`` are read; text
    and numbers are refused with the way to convert. NaT stays NaT.

    Parameters
    ----------
    kolumn_ : pandas.Series
        The column.
    namn : str
        Its name (quoted in the message).
    vad : str
        The function (quoted in the message).
    dag : bool
        Truncate to the local calendar day.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import datumkolumn
    >>> s = pd.Series(pd.to_datetime(["2022-12-31 23:30Z", "2023-06-30 22:30Z"]))
    >>> datumkolumn(s, "datum", "f", dag=True).astype(str).tolist()
    ['2023-01-01T00:00:00.000000000', '2023-07-01T00:00:00.000000000']
    """
    dtyp = kolumn_.dtype
    if isinstance(dtyp, pd.DatetimeTZDtype):
        kolumn_ = kolumn_.dt.tz_convert(TIDSZON).dt.tz_localize(None)
    elif not pd.api.types.is_datetime64_dtype(dtyp):
        slag = pd.api.types.infer_dtype(kolumn_, skipna=True)
        if slag in ("date", "datetime", "datetime64") or (slag == "empty" and len(kolumn_) == 0):
            try:
                omvandlad = pd.to_datetime(kolumn_)
            except (ValueError, TypeError) as fel:
                if "tz-aware" in str(fel) or "timezone" in str(fel) or "offset" in str(fel):
                    raise OgiltigtVärdeError(
                        f"{vad}: column {namn!r} mixes dates with and without a time zone; "
                        "give every date a zone, or none (naive dates are Swedish local time)"
                    ) from fel
                raise FelTypError(
                    f"{vad}: column {namn!r} holds values that are not dates ({fel})"
                ) from fel
            return datumkolumn(omvandlad, namn, vad, dag=dag)
        raise FelTypError(
            f"{vad}: column {namn!r} must hold dates (datetime64), but it holds {slag} "
            f"(dtype {dtyp}); convert it with pandas.to_datetime(df[{namn!r}], "
            "format='%Y-%m-%d') first"
        )
    värden = kolumn_.to_numpy()
    saknas = np.isnat(värden)
    år = värden.astype("datetime64[Y]").astype(np.int64) + 1970
    utanför = ~saknas & ((år < FÖRSTA_DATUM.year) | (år > SISTA_DATUM.year))
    if utanför.any():
        plats = int(np.flatnonzero(utanför)[0])
        raise OgiltigtVärdeError(
            f"{vad}: column {namn!r} has the date {str(värden[plats])[:10]} in row "
            f"{_kort(kolumn_.index[plats], 30)}, outside {FÖRSTA_DATUM.isoformat()} to "
            f"{SISTA_DATUM.isoformat()}, the dates the package counts with; check the year"
        )
    if värden.dtype != np.dtype("datetime64[ns]"):
        värden = värden.astype("datetime64[ns]")
    if dag:
        värden = värden.astype("datetime64[D]").astype("datetime64[ns]")
    return värden


def _zonslag(värde: Any) -> bool | None:
    """Whether a date input carries a time zone: True, False, or None (a bare day or unknown)."""
    if värde is None or värde is pd.NaT:
        return None
    if isinstance(värde, (pd.Series, pd.Index)):
        if isinstance(värde.dtype, pd.DatetimeTZDtype):
            return True
        if pd.api.types.is_datetime64_dtype(värde.dtype):
            return False
        if värde.dtype == object:
            for v in värde.tolist():
                if isinstance(v, dt.datetime) and not pd.isna(v):
                    return v.tzinfo is not None
        return None
    if isinstance(värde, str):
        t = nfc(värde).strip()
        if len(t) <= 10:
            return None
        try:
            return dt.datetime.fromisoformat(t).tzinfo is not None
        except ValueError:
            return None
    if isinstance(värde, dt.datetime):
        return värde.tzinfo is not None
    if isinstance(värde, np.datetime64):
        return False
    return None


def samma_tidszonsslag(värden: Mapping[str, Any], vad: str) -> None:
    """Refuse date inputs of one call where one carries a time zone and another does not.

    A naive date is read as Swedish local time, a zoned one is converted to
    it; mixing the two in one call (a UTC ``start`` column with a naive
    ``slut`` column, or a zoned column with a naive date argument) is
    ambiguous, so it is an error naming both. A bare calendar day
    (``datetime.date``, ``'2023-12-31'``) has no time and mixes with either.

    Parameters
    ----------
    värden : mapping of str to date-like or Series
        The inputs, by the name to quote (e.g. ``"column 'start' (start=)"``).
    vad : str
        The function (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        If one input is timezone-aware and another naive.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import samma_tidszonsslag
    >>> samma_tidszonsslag({"start": pd.Timestamp("2023-01-01"), "slut": "2023-02-01"}, "f")
    >>> samma_tidszonsslag(
    ...     {"start": pd.Timestamp("2023-01-01", tz="UTC"), "slut": pd.Timestamp("2023-02-01")}, "f"
    ... )
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: start has a time zone but slut has none; ...
    """
    med: list[str] = []
    utan: list[str] = []
    for namn, värde in värden.items():
        slag = _zonslag(värde)
        if slag is True:
            med.append(namn)
        elif slag is False:
            utan.append(namn)
    if med and utan:
        raise OgiltigtVärdeError(
            f"{vad}: {med[0]} has a time zone but {utan[0]} has none; give both with a zone "
            "or both without (naive dates are read as Swedish local time), e.g. "
            "pandas.Series.dt.tz_localize('Europe/Stockholm')"
        )


def booleskkolumn(
    kolumn_: pd.Series[Any], namn: str, vad: str, *, argument: str | None = None
) -> npt.NDArray[np.bool_]:
    """A column of flags as a bool ndarray: boolean dtype only, no missing values.

    ``0``/``1``, ``"ja"``/``"nej"`` and missing values are refused with the way
    to convert, so that what a flag means is stated by the caller.

    Parameters
    ----------
    kolumn_ : pandas.Series
        The column.
    namn : str
        Its name (quoted in the message).
    vad : str
        The function (quoted in the message).
    argument : str, optional
        The keyword that named the column (quoted in the message).

    Raises
    ------
    FelTypError
        A column that is not boolean.
    OgiltigtVärdeError
        A boolean column with missing values.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import booleskkolumn
    >>> booleskkolumn(pd.Series([True, False]), "patientvald", "f")
    array([ True, False])
    >>> booleskkolumn(pd.Series([0, 1]), "patientvald", "f")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: f: column 'patientvald' must be boolean ...
    """
    vem = f" ({argument}=)" if argument else ""
    dtyp = kolumn_.dtype
    if not pd.api.types.is_bool_dtype(dtyp):
        raise FelTypError(
            f"{vad}: column {namn!r}{vem} must be boolean (True/False), but its dtype is "
            f"{dtyp}; convert it, e.g. df[{namn!r}].astype(bool) for 0/1"
        )
    if kolumn_.hasnans:
        raise OgiltigtVärdeError(
            f"{vad}: column {namn!r}{vem} has {int(kolumn_.isna().sum())} missing values; "
            f"state what they mean, e.g. df[{namn!r}].fillna(False)"
        )
    return kolumn_.to_numpy(dtype=bool)


def givna_tal(värde: Any, namn: str, *, ändlig: bool = True) -> Any:
    """:func:`tal` for an argument that must be given: a bare ``None`` is an error, not NaN.

    Inside a sequence, ``None`` is still a missing value (NaN), as in :func:`tal`;
    only the argument itself being ``None`` (not passed on, forgotten) is refused.

    Parameters
    ----------
    värde : number, sequence, ndarray, Series or DataFrame
        The numbers.
    namn : str
        The argument (quoted in the message).
    ändlig : bool
        Whether infinity is refused (the default).

    Raises
    ------
    FelTypError
        For ``None``, text, booleans or objects.

    Examples
    --------
    >>> from halsouppfoljning._indata import givna_tal
    >>> givna_tal([1, None], "utfall")
    array([ 1., nan])
    >>> givna_tal(None, "budget")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: budget must be a number or numbers, got None ...
    """
    if värde is None:
        raise _talfel(värde, namn)
    return tal(värde, namn, ändlig=ändlig)


_E = TypeVar("_E", bound=enum.Enum)


def alternativ(värde: Any, typ: type[_E], namn: str, *, bland: Iterable[_E] | None = None) -> _E:
    """One member of the enum ``typ``: the member itself or its string value.

    Text is read in NFC, stripped and in any letter case (``"Vägt medel "`` is
    ``Aggregering.VÄGT_MEDEL``). ``bland`` limits the members accepted; any
    other value is an error that lists the choices.

    Parameters
    ----------
    värde : enum member or str
        What the caller passed.
    typ : enum type
        The enum, e.g. ``Riktning``.
    namn : str
        The argument (quoted in the message).
    bland : iterable of members, optional
        The members accepted; default all of ``typ``.

    Raises
    ------
    FelTypError
        If ``värde`` is neither a member of ``typ`` nor text.
    OgiltigtVärdeError
        If it is not one of the accepted members or their values.

    Examples
    --------
    >>> import enum
    >>> from halsouppfoljning._indata import alternativ
    >>> class Färg(enum.Enum):
    ...     RÖD = "röd"
    ...     GRÖN = "grön"
    >>> alternativ(" Ro\u0308d", Färg, "färg")
    <Färg.RÖD: 'röd'>
    >>> alternativ("blå", Färg, "färg")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: färg must be one of 'röd', 'grön', got 'blå'
    """
    tillåtna = list(typ) if bland is None else list(bland)
    giltiga = ", ".join(repr(m.value) for m in tillåtna)
    if isinstance(värde, typ):
        if värde in tillåtna:
            return värde
    elif isinstance(värde, str):
        nyckel = nfc(värde).strip().casefold()
        for medlem in tillåtna:
            if isinstance(medlem.value, str) and nfc(medlem.value).casefold() == nyckel:
                return medlem
    else:
        raise FelTypError(
            f"{namn} must be a {typ.__name__} or one of its values {giltiga}, got "
            f"{_kort(värde)} of type {type(värde).__name__}"
        )
    raise OgiltigtVärdeError(f"{namn} must be one of {giltiga}, got {värde!r}")


# --------------------------------------------------------------------------- counts, keys, lengths


def antal(värde: Any, namn: str) -> npt.NDArray[np.float64]:
    """Counts as a float64 array: non-negative whole numbers, NaN where missing, never inf.

    A count is a number of rows, patients or visits: 3.5, -1 and infinity are
    errors naming ``namn`` and the first offending position.

    Parameters
    ----------
    värde : number, sequence, ndarray or Series
        The counts.
    namn : str
        The argument or column (quoted in the message).

    Raises
    ------
    FelTypError
        For text, booleans or objects.
    OgiltigtVärdeError
        For infinity, a negative count or a count that is not a whole number.

    Examples
    --------
    >>> from halsouppfoljning._indata import antal
    >>> antal([3, None, 0], "antal")
    array([ 3., nan,  0.])
    >>> antal([3, -1], "antal")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: antal must be counts (whole numbers >= 0), ...
    """
    arr = np.atleast_1d(tal_array(värde, namn))
    ändliga = np.isfinite(arr)
    fel = ändliga & ((arr < 0) | (arr != np.floor(np.where(ändliga, arr, 0.0))))
    if fel.any():
        plats = int(np.flatnonzero(fel.ravel())[0])
        raise OgiltigtVärdeError(
            f"{namn} must be counts (whole numbers >= 0), got {float(arr.ravel()[plats])!r} at "
            f"position {plats}; pass the number of rows counted, not a share or a difference"
        )
    return arr


def kontrollera_delmängd(
    delar: Any, helhet: Any, namn_delar: str, namn_helhet: str, vad: str
) -> None:
    """Raise unless ``delar ≤ helhet`` wherever both are known, and ``delar`` is NaN where
    ``helhet`` is.

    The rule for counts such as ``antal_inom`` of ``antal``: a part can never
    exceed its whole (a share above 1), and a counted part whose whole is
    missing would be summed as if the whole were 0. The message names both
    columns, the first row and both values.

    Parameters
    ----------
    delar, helhet : array-like
        The counts, of equal length.
    namn_delar, namn_helhet : str
        Their names (columns or arguments).
    vad : str
        The function (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        If a part exceeds its whole, or is counted where the whole is missing.

    Examples
    --------
    >>> from halsouppfoljning._indata import kontrollera_delmängd
    >>> kontrollera_delmängd([3, 2], [4, 2], "antal_inom", "antal", "f")
    >>> kontrollera_delmängd([5], [4], "antal_inom", "antal", "f")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: antal_inom 5.0 exceeds antal 4.0 ...
    """
    d = np.atleast_1d(np.asarray(delar, dtype=float))
    h = np.atleast_1d(np.asarray(helhet, dtype=float))
    samma_längd(d, h, namn_delar, namn_helhet, vad)
    över = np.isfinite(d) & np.isfinite(h) & (d > h)
    if över.any():
        i = int(np.flatnonzero(över)[0])
        raise OgiltigtVärdeError(
            f"{vad}: {namn_delar} {float(d[i])!r} exceeds {namn_helhet} {float(h[i])!r} "
            f"in row {i}; a part "
            f"cannot be larger than its whole: correct the counts of that row"
        )
    föräldralös = np.isfinite(d) & np.isnan(h)
    if föräldralös.any():
        i = int(np.flatnonzero(föräldralös)[0])
        raise OgiltigtVärdeError(
            f"{vad}: {namn_helhet} is missing (NaN) in row {i} while {namn_delar} is "
            f"{float(d[i])!r}; give the count, or set {namn_delar} to NaN as well"
        )


def samma_längd(a: Any, b: Any, namn_a: str, namn_b: str, vad: str) -> None:
    """Raise unless ``a`` and ``b`` have the same length (and, for two pandas objects,
    the same index); the message gives both.

    Parameters
    ----------
    a, b : sized or pandas objects
        The two inputs.
    namn_a, namn_b : str
        Their argument names.
    vad : str
        The function (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        If the lengths or the indexes differ.

    Examples
    --------
    >>> from halsouppfoljning._indata import samma_längd
    >>> samma_längd([1, 2], [3, 4], "utfall", "budget", "f")
    >>> samma_längd([1, 2], [3, 4, 5], "utfall", "budget", "f")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: utfall has length 2 but budget ...
    """
    la, lb = np.size(a) if np.ndim(a) else 1, np.size(b) if np.ndim(b) else 1
    if isinstance(a, (pd.Series, pd.DataFrame)):
        la = len(a)
    if isinstance(b, (pd.Series, pd.DataFrame)):
        lb = len(b)
    if la != lb:
        raise OgiltigtVärdeError(
            f"{vad}: {namn_a} has length {la} but {namn_b} has length {lb}; pass one value per "
            f"row in both (or a single number for one of them)"
        )
    if (
        isinstance(a, (pd.Series, pd.DataFrame))
        and isinstance(b, (pd.Series, pd.DataFrame))
        and not a.index.equals(b.index)
    ):
        raise OgiltigtVärdeError(
            f"{vad}: {namn_a} and {namn_b} have different indexes ({_kort(list(a.index))} and "
            f"{_kort(list(b.index))}); align them first, e.g. {namn_b}.reindex({namn_a}.index)"
        )


def samma_etiketter(a: Any, b: Any, namn_a: str, namn_b: str, vad: str) -> Any:
    """``b`` matched to ``a`` by label when both are Series, else checked for length.

    Two Series with the same labels in another order are matched by label
    (``b.reindex(a.index)``); labels that differ (a missing or extra label, a
    duplicated one) are an error giving both indexes, never a silent NaN from
    alignment. Anything else (arrays, lists, scalars) must have the length of
    ``a`` unless one of them is a single value.

    Parameters
    ----------
    a, b : scalar, sequence, ndarray or Series
        The two inputs of an elementwise function.
    namn_a, namn_b : str
        Their argument names.
    vad : str
        The function (quoted in the message).

    Returns
    -------
    object
        ``b``, reordered to ``a``'s labels where both are Series.

    Raises
    ------
    OgiltigtVärdeError
        If the labels or the lengths differ.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import samma_etiketter
    >>> a = pd.Series([1.0, 2.0], index=["x", "y"])
    >>> samma_etiketter(a, pd.Series([20.0, 10.0], index=["y", "x"]), "a", "b", "f").tolist()
    [10.0, 20.0]
    >>> samma_etiketter(a, pd.Series([1.0], index=["z"]), "a", "b", "f")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: a has length 2 but b has length 1; ...
    """
    if isinstance(a, pd.Series) and isinstance(b, pd.Series):
        if a.index.equals(b.index):
            return b
        if (
            len(a) == len(b)
            and a.index.is_unique
            and b.index.is_unique
            and set(a.index) == set(b.index)
        ):
            return b.reindex(a.index)
        samma_längd(a, b, namn_a, namn_b, vad)
        return b  # pragma: no cover - samma_längd raised
    if (
        _dimensioner(a, namn_a, vad)
        and _dimensioner(b, namn_b, vad)
        and not isinstance(a, pd.DataFrame | dict)
    ):
        samma_längd(a, b, namn_a, namn_b, vad)
    return b


def _dimensioner(värde: Any, namn: str, vad: str) -> int:
    """``np.ndim(värde)``; a ragged nested list is an error naming ``namn``."""
    try:
        return int(np.ndim(värde))
    except (ValueError, TypeError) as fel:
        raise FelTypError(
            f"{vad}: {namn} must be a number or a flat sequence of numbers, got "
            f"{_kort(värde)} (nested lists of different lengths); pass one list of numbers"
        ) from fel


_P = ParamSpec("_P")
_R = TypeVar("_R")


def med_funktionsnamn(vad: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """A decorator: every package error the function raises starts with ``vad``.

    The checks deep inside a computation (a limit's constructor, the counting
    kernel) name their argument but not the public function the caller used;
    this puts ``"vad: "`` in front of such a message, once, keeping the error's
    type. Messages that already start with ``vad`` are left as they are.

    Parameters
    ----------
    vad : str
        The public function's name.

    Examples
    --------
    >>> from halsouppfoljning._indata import med_funktionsnamn
    >>> from halsouppfoljning.exceptions import OgiltigtVärdeError
    >>> @med_funktionsnamn("f")
    ... def f(x):
    ...     raise OgiltigtVärdeError("x must be positive, got -1")
    >>> f(-1)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: x must be positive, got -1
    """

    def dekorera(funktion: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(funktion)
        def med_namn(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return funktion(*args, **kwargs)
            except HalsouppfoljningError as fel:
                text = str(fel)
                if text.startswith(vad) or len(fel.args) != 1:
                    raise
                ny = type(fel)(f"{vad}: {text}")
                ny.__dict__.update(fel.__dict__)  # orsak, rad, kolumn ... of the reader errors
                raise ny.with_traceback(fel.__traceback__) from fel.__cause__

        return med_namn

    return dekorera


def unika_nycklar(nycklar: Any, namn: str, vad: str) -> None:
    """Raise if a key occurs more than once; the message lists the duplicated keys.

    For the labels of a population, the regions of a panel, the rows of a set
    of parts: a duplicated key would be summed or paid twice.

    Parameters
    ----------
    nycklar : sequence, Index, Series or DataFrame
        The keys (a DataFrame: each row is one key).
    namn : str
        The argument or columns (quoted in the message).
    vad : str
        The function (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        If a key is duplicated.

    Examples
    --------
    >>> from halsouppfoljning._indata import unika_nycklar
    >>> unika_nycklar(["03", "19"], "befolkning", "f")
    >>> unika_nycklar(["03", "19", "03"], "befolkning", "f")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: befolkning has duplicated keys ['03']; ...
    """
    if isinstance(nycklar, pd.DataFrame):
        dubbel = nycklar.duplicated(keep=False)
        lista = sorted({tuple(r) for r in nycklar[dubbel].itertuples(index=False)}, key=str)
    else:
        s = pd.Series(list(nycklar), dtype=object)
        lista = sorted(set(s[s.duplicated(keep=False)]), key=str)
    if lista:
        raise OgiltigtVärdeError(
            f"{vad}: {namn} has duplicated keys {_kort(lista, 200)}; each key may occur once: "
            "remove or sum the duplicates first"
        )


def kontrollera_partitioner(ddf: Any, vad: str, *, argument: str = "data") -> Any:
    """A Dask DataFrame whose partitions are checked against its declared dtypes.

    Dask trusts the dtypes of ``ddf._meta``; a partition read from another
    file can disagree (a column of text in one CSV, numbers in another). The
    check is lazy: each partition is compared with the meta when it is
    computed, and a mismatch raises an error naming the column and both
    dtypes.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The frame.
    vad : str
        The function (quoted in the message).
    argument : str
        The argument (quoted in the message).

    Returns
    -------
    dask.dataframe.DataFrame
        The same frame with the check mapped over its partitions.

    Examples
    --------
    >>> import pandas as pd
    >>> import dask.dataframe as dd
    >>> from halsouppfoljning._indata import kontrollera_partitioner
    >>> d = dd.from_pandas(pd.DataFrame({"a": [1, 2]}), npartitions=1)
    >>> kontrollera_partitioner(d, "f").compute()["a"].tolist()
    [1, 2]
    """
    meta = ddf._meta
    väntade = {k: meta[k].dtype for k in meta.columns}

    def kontrollera(del_: pd.DataFrame) -> pd.DataFrame:
        for k, typ in väntade.items():
            if k in del_.columns and del_[k].dtype != typ:
                raise FelTypError(
                    f"{vad}: the partitions of {argument} disagree on the dtype of column "
                    f"{k!r}: declared {typ}, one partition has {del_[k].dtype}; cast the "
                    f"column when reading, e.g. dd.read_csv(..., dtype={{{k!r}: {str(typ)!r}}})"
                )
        return del_

    return ddf.map_partitions(kontrollera, meta=meta)


def slumpgenerator(seed: Any, namn: str = "seed") -> np.random.Generator:
    """A :class:`numpy.random.Generator` from a seed: ``None``, a whole number >= 0 or a generator.

    Parameters
    ----------
    seed : None, int or numpy.random.Generator
        The seed; ``None`` draws fresh entropy.
    namn : str
        The argument (quoted in the message).

    Raises
    ------
    FelTypError
        For text, floats such as 1.5, booleans, frames or other objects.
    OgiltigtVärdeError
        For a negative seed.

    Examples
    --------
    >>> from halsouppfoljning._indata import slumpgenerator
    >>> float(slumpgenerator(1).random()) == float(slumpgenerator(1).random())
    True
    >>> slumpgenerator("abc")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: seed must be None, a whole number >= 0 ...
    """
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
        raise FelTypError(
            f"{namn} must be None, a whole number >= 0 or a numpy.random.Generator, got "
            f"{_kort(seed)} of type {type(seed).__name__}; e.g. {namn}=1"
        )
    if int(seed) < 0:
        raise OgiltigtVärdeError(f"{namn} must be >= 0, got {int(seed)}; e.g. {namn}=1")
    return np.random.default_rng(int(seed))


def följd(värde: Any, namn: str, *, typ: type | tuple[type, ...] | None = None) -> tuple[Any, ...]:
    """A collection of items as a tuple: a list, tuple, set or other iterable, never text,
    a number, ``None`` or a frame; with ``typ``, every item must be of that type.

    Parameters
    ----------
    värde : iterable
        The items.
    namn : str
        The argument (quoted in the message).
    typ : type or tuple of types, optional
        The type every item must have.

    Raises
    ------
    FelTypError
        If ``värde`` is not a collection, or an item has the wrong type.

    Examples
    --------
    >>> from halsouppfoljning._indata import följd
    >>> följd(["a", "b"], "fokusområden")
    ('a', 'b')
    >>> följd(3, "fokusområden")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: fokusområden must be a list or tuple of items, ...
    """
    if isinstance(värde, str):  # never split into letters
        raise FelTypError(
            f"{namn} must be a list or tuple of items, got the single string {_kort(värde)}; "
            f"wrap it in a list: [{_kort(värde)}]"
        )
    if (
        värde is None
        or isinstance(värde, (bytes, numbers.Number, np.generic, pd.DataFrame, dict))
        or not isinstance(värde, Iterable)
    ):
        raise FelTypError(
            f"{namn} must be a list or tuple of items, got {_kort(värde)} of type "
            f"{type(värde).__name__}"
        )
    ut = tuple(värde)
    if typ is not None:
        for i, v in enumerate(ut):
            if not isinstance(v, typ):
                väntad = (
                    typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
                )
                raise FelTypError(
                    f"{namn}[{i}] must be a {väntad}, got {_kort(v)} of type {type(v).__name__}"
                )
    return ut


# --------------------------------------------------------------------------- enum lookups


class _Textenumtyp(enum.EnumMeta):
    """The metaclass of :class:`Textenum`: an unhashable value goes straight to ``_missing_``.

    The standard lookup compares an unhashable value (a DataFrame, a list) with
    every member, and a DataFrame's ``==`` then raises pandas' "truth value is
    ambiguous"; such a value is never a member, so it is refused by
    :func:`alternativ` instead.
    """

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs and not isinstance(value, cls):
            try:
                hash(value)
            except TypeError:
                return cls._missing_(value)  # type: ignore[attr-defined]
        return super().__call__(value, *args, **kwargs)


class Textenum(enum.Enum, metaclass=_Textenumtyp):
    """An enum whose lookup ``Typ(värde)`` is :func:`alternativ`: one rule for every choice.

    Text is read in NFC, stripped and in any letter case; anything else that is
    not a member is a package error naming the enum and its ``value``, listing
    the valid values (``OgiltigtVärdeError`` for text, ``FelTypError`` for
    other types).

    Examples
    --------
    >>> from halsouppfoljning._indata import Textenum
    >>> class Färg(Textenum):
    ...     RÖD = "röd"
    ...     GRÖN = "grön"
    >>> Färg(" RÖD")
    <Färg.RÖD: 'röd'>
    >>> Färg("blå")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: Färg value must be one of 'röd', 'grön', got ...
    >>> Färg(None)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: Färg value must be a Färg or one of its values ...
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return alternativ(value, cls, f"{cls.__name__} value")


# --------------------------------------------------------------------------- magnitudes

#: The largest magnitude a float holds to the unit, and a report can print exactly.
STÖRSTA_TAL = 1e15


def rimliga_tal(värde: Any, namn: str, *, högst: float = STÖRSTA_TAL) -> npt.NDArray[np.float64]:
    """Numbers as :func:`tal_array`, whose magnitudes stay below ``högst`` (NaN passes).

    For figures that are shown or printed (an indicator's outcome, an amount
    of a result statement): a float above 10^15 no longer holds whole units,
    and no figure of a follow-up comes near it, so such a value is a unit or
    a data error rather than data.

    Parameters
    ----------
    värde : number, sequence, ndarray or Series
        The numbers.
    namn : str
        The argument or column (quoted in the message).
    högst : float
        The bound on the magnitude (exclusive); default :data:`STÖRSTA_TAL`.

    Raises
    ------
    FelTypError
        For text, booleans or objects (as :func:`tal_array`).
    OgiltigtVärdeError
        For infinity, or a magnitude of ``högst`` or more (the message gives the
        value and its position).

    Examples
    --------
    >>> from halsouppfoljning._indata import rimliga_tal
    >>> rimliga_tal([-174.1, None], "ack_utfall")
    array([-174.1,    nan])
    >>> rimliga_tal([1.0, 1e300], "ack_utfall")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: ack_utfall must be less than 1e+15 in ...
    """
    arr = tal_array(värde, namn)
    stora = np.abs(np.where(np.isnan(arr), 0.0, arr)) >= högst
    if np.any(stora):
        plats = int(np.flatnonzero(np.ravel(stora))[0])
        vilken = f" (position {plats})" if arr.ndim else ""
        raise OgiltigtVärdeError(
            f"{namn} must be less than {högst:g} in magnitude, got "
            f"{float(arr.ravel()[plats])!r}{vilken}; check the unit (e.g. mnkr, not kr) or "
            "the figure"
        )
    return arr


def unika_kolumner(ram: Any, vad: str, *, argument: str = "data") -> None:
    """Refuse a frame whose column labels are not unique, naming the duplicates.

    A column given twice makes ``ram[k]`` a frame instead of a Series, which
    every column reader would otherwise trip over with an internal error.

    Parameters
    ----------
    ram : DataFrame
        The frame (anything without ``columns`` passes unchecked).
    vad : str
        The function (quoted in the message).
    argument : str
        The argument name (quoted in the message).

    Raises
    ------
    OgiltigtVärdeError
        If a column label occurs more than once.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._indata import unika_kolumner
    >>> unika_kolumner(pd.DataFrame({"a": [1]}), "f")
    >>> unika_kolumner(pd.DataFrame([[1, 2]], columns=["a", "a"]), "f", argument="panel")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: f: panel has the column(s) ['a'] more ...
    """
    kolumner_ = getattr(ram, "columns", None)
    if isinstance(kolumner_, pd.Index) and not kolumner_.is_unique:
        dubbla = list(dict.fromkeys(kolumner_[kolumner_.duplicated()]))
        raise OgiltigtVärdeError(
            f"{vad}: {argument} has the column(s) {_kort(dubbla)} more than once; give each "
            "column once (drop or rename the duplicate)"
        )
