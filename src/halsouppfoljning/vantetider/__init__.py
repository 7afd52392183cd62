"""Waiting times (*väntetider*) and the care guarantee (:term:`vårdgaranti`).

:data:`VÅRDGARANTIN` holds the four statutory limits "0-3-90-90";
:data:`BUP_30`, :data:`DAGSGRÄNSER` and :data:`AKUTGRÄNSER` hold the other
limits in use. Each is a :class:`Väntetidsgräns` (name, limit, unit, base,
source).

:func:`väntetidsandelar` computes the share of patients within each limit from
micro data: a column of waiting times, or event records (start date, done
date empty while waiting) either as the **stock** still waiting at one or
several snapshot dates (:term:`mätdatum`) or as the **flow** done within one or
several periods. :func:`sammanvägda_andelar` aggregates its result over
months or units, pooled or as a mean of shares, and says which.

Everything is vectorised: groups are factorised once, counts come from
:func:`numpy.bincount` over cumulative (difference) counts per group, and a
series of snapshot dates never materialises rows × dates. A Dask DataFrame is
counted partition by partition; only the counts meet in one process.

Examples
--------
>>> import pandas as pd
>>> import halsouppfoljning as hu
>>> d = pd.DataFrame({"väntetid": [10, 90, 91, 200]})
>>> r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid", minsta_antal=1)
>>> r[["gräns", "antal", "antal_inom", "andel"]]
   gräns  antal  antal_inom  andel
0   90.0      4           2    0.5
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Iterable, Sequence
from statistics import NormalDist
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import importera_dask, är_dask
from ._indata import kontrollera_andel, kontrollera_kolumner, nfc
from .exceptions import FelTypError, OgiltigtVärdeError, SaknadKolumnError

__all__ = [
    "AKUTGRÄNSER",
    "BUP_30",
    "DAGSGRÄNSER",
    "VÅRDGARANTIN",
    "Väntetidsgräns",
    "sammanvägda_andelar",
    "väntetidsandelar",
]

_ENHETER = ("dagar", "timmar")
_BASER = ("genomförda", "väntande")
_SEKUNDER = {"dagar": 86_400, "timmar": 3_600}
_NS_PER_DAG = 86_400 * 10**9

#: The result columns that are values, not keys (used by sammanvägda_andelar).
_VÄRDEKOLUMNER = (
    "antal",
    "antal_inom",
    "andel",
    "nedre",
    "övre",
    "exkluderade",
    "saknade",
    "ogiltiga",
    "undertryckt",
    "metod",
    "delar",
    "delar_utan_andel",
)
_GRÄNSKOLUMNER = ("gräns", "gränsnamn", "enhet")


# --------------------------------------------------------------------------- limits


def _gräns_värde(värde: Any) -> float:
    if isinstance(värde, bool) or not isinstance(värde, numbers.Real):
        raise FelTypError(
            f"Väntetidsgräns.gräns must be a number of days or hours, got {värde!r} "
            f"of type {type(värde).__name__}"
        )
    return float(värde)


def _val_av(tillåtna: tuple[str, ...], namn: str) -> Any:
    def kontroll(instans: Any, attribut: attrs.Attribute[Any], värde: Any) -> None:
        if värde is None and namn == "bas":
            return
        if värde not in tillåtna:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.{namn} must be one of {tillåtna!r}, got {värde!r}"
            )

    return kontroll


def _text(värde: Any) -> Any:
    return nfc(värde).strip() if isinstance(värde, str) else värde


@attrs.frozen(kw_only=True)
class Väntetidsgräns:
    """A waiting-time limit (:term:`väntetidsgräns`): "within N days (or hours)".

    A patient is within the limit when the waiting time is **at most**
    ``gräns`` (limits are inclusive: "högst 90 dagar", "90 dagar eller
    kortare"); "same day" is 0 days.

    Parameters
    ----------
    namn : str
        What the limit is for, e.g. ``"första besök inom 90 dagar"``.
    gräns : float
        The limit [dagar] or [timmar], inclusive. Whole days for ``dagar``.
    enhet : {"dagar", "timmar"}
        The unit of ``gräns``; emergency care is measured in hours.
    bas : {"genomförda", "väntande"} or None
        The base the published measure uses: completed contacts in a period
        (:term:`genomförda`, primary care and emergency care) or patients still
        waiting at a snapshot date (:term:`väntande`, specialised care since 2021).
        It documents the convention; :func:`väntetidsandelar` applies a limit
        to whichever base the call chooses. None when not stated.
    källa : str
        The published definition.

    Raises
    ------
    FelTypError
        If ``gräns`` is not a number.
    OgiltigtVärdeError
        If ``gräns`` is negative, not finite, or not a whole number of days
        (a share or percent passed by mistake), or ``enhet``/``bas`` is not
        one of the allowed words.

    See Also
    --------
    väntetidsandelar : shares within limits from micro data.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> [g.gräns for g in hu.VÅRDGARANTIN]
    [0.0, 3.0, 90.0, 90.0]
    >>> hu.VÅRDGARANTIN[2].bas
    'väntande'
    >>> hu.Väntetidsgräns(namn="inom 4 timmar", gräns=4, enhet="timmar")
    Väntetidsgräns(namn='inom 4 timmar', gräns=4.0, enhet='timmar', bas=None, källa='')
    """

    namn: str = attrs.field(converter=_text)
    gräns: float = attrs.field(converter=_gräns_värde)
    enhet: str = attrs.field(default="dagar", converter=_text, validator=_val_av(_ENHETER, "enhet"))
    bas: str | None = attrs.field(default=None, converter=_text, validator=_val_av(_BASER, "bas"))
    källa: str = attrs.field(default="", converter=_text)

    @namn.validator
    def _kontrollera_namn(self, attribut: attrs.Attribute[str], värde: Any) -> None:
        if not isinstance(värde, str) or not värde:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.namn must be a non-empty string, got {värde!r}"
            )

    def __attrs_post_init__(self) -> None:
        g = self.gräns
        if not math.isfinite(g) or g < 0:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.gräns must be a finite waiting time >= 0 {self.enhet}, got {g!r}"
            )
        if self.enhet == "dagar" and g != math.floor(g):
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.gräns in dagar must be a whole number of days, got {g!r}: "
                "did you pass a share or percent (a target level such as 0.9 or '90 %') "
                "instead of a limit in days? Limits are waiting times, e.g. 90"
            )

    def väntetidsandelar(self, data: Any, **kwargs: Any) -> pd.DataFrame:
        """Shares within this limit: :func:`väntetidsandelar` with ``gränser=self``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> g = hu.VÅRDGARANTIN[2]
        >>> g.väntetidsandelar([30, 120], minsta_antal=1)["andel"].tolist()
        [0.5]
        """
        return väntetidsandelar(data, gränser=self, **kwargs)


_HSL = (
    "Hälso- och sjukvårdslagen (2017:30) 9 kap. 1 § (vårdgarantin, 0-3-90-90 from "
    "1 January 2019); measurement: SKR, Väntetider i vården"
)

#: The statutory vårdgaranti "0-3-90-90" (since 1 January 2019): contact with
#: primary care the same day (0), a medical assessment in primary care within
#: 3 days, a first visit in specialised care within 90 days of the referral
#: decision, and an operation or other treatment within 90 days of the
#: treatment decision. Source: Hälso- och sjukvårdslagen (2017:30) 9 kap. 1 §;
#: SKR, Väntetider i vården (the national model measures specialised care on
#: patients still waiting at the last day of each month, since January 2021).
VÅRDGARANTIN: tuple[Väntetidsgräns, ...] = (
    Väntetidsgräns(namn="kontakt samma dag", gräns=0, bas="genomförda", källa=_HSL),
    Väntetidsgräns(namn="medicinsk bedömning inom 3 dagar", gräns=3, bas="genomförda", källa=_HSL),
    Väntetidsgräns(namn="första besök inom 90 dagar", gräns=90, bas="väntande", källa=_HSL),
    Väntetidsgräns(namn="operation/åtgärd inom 90 dagar", gräns=90, bas="väntande", källa=_HSL),
)

_BUP = (
    "SKR and the state, the förstärkta vårdgarantin for child and adolescent "
    "psychiatry (BUP): a regional target of 30 days to first visit, to investigation "
    "and to treatment (30/30/30), not statutory"
)
#: Child and adolescent psychiatry (BUP), the regional "30/30/30" target:
#: first visit, investigation (*utredning*) and treatment each within 30 days.
#: A regional target, not part of the statutory vårdgaranti.
BUP_30: tuple[Väntetidsgräns, ...] = (
    Väntetidsgräns(namn="BUP första besök inom 30 dagar", gräns=30, bas="väntande", källa=_BUP),
    Väntetidsgräns(namn="BUP utredning inom 30 dagar", gräns=30, bas="väntande", källa=_BUP),
    Väntetidsgräns(namn="BUP behandling inom 30 dagar", gräns=30, bas="väntande", källa=_BUP),
)

_VIV = "SKR, Väntetider i vården: the waiting-time intervals published beside the 90-day limit"
#: Further limits in days published in Väntetider i vården: 7, 30, 60, 180 and
#: 365 days, on patients still waiting.
DAGSGRÄNSER: tuple[Väntetidsgräns, ...] = tuple(
    Väntetidsgräns(namn=f"inom {d} dagar", gräns=d, bas="väntande", källa=_VIV)
    for d in (7, 30, 60, 180, 365)
)

_AKUT = (
    "Socialstyrelsen, Väntetider vid sjukhusbundna akutmottagningar (total time at the "
    "emergency department, arrival to departure); 4 hours is the common target"
)
#: Emergency care (*akutmottagning*): total time at the department within 1,
#: 2, 4 and 24 hours, on completed visits.
AKUTGRÄNSER: tuple[Väntetidsgräns, ...] = tuple(
    Väntetidsgräns(
        namn=f"akutmottagning inom {h} timmar" if h > 1 else "akutmottagning inom 1 timme",
        gräns=h,
        enhet="timmar",
        bas="genomförda",
        källa=_AKUT,
    )
    for h in (1, 2, 4, 24)
)


def _gränslista(gränser: Any, enhet: str) -> tuple[Väntetidsgräns, ...]:
    """Normalise ``gränser`` to a non-empty tuple of Väntetidsgräns."""
    if isinstance(gränser, (Väntetidsgräns, numbers.Real, str)) or gränser is None:
        poster: list[Any] = [gränser]
    elif isinstance(gränser, Iterable):
        poster = list(gränser)
    else:
        raise FelTypError(
            f"gränser must be a limit (a number of {enhet} or a Väntetidsgräns) or a "
            f"sequence of limits, got {gränser!r} of type {type(gränser).__name__}"
        )
    if not poster:
        raise OgiltigtVärdeError("gränser is empty: pass at least one limit, e.g. gränser=90")
    ut = []
    for post in poster:
        if isinstance(post, Väntetidsgräns):
            ut.append(post)
        elif isinstance(post, str):
            raise FelTypError(
                f"gränser takes waiting times (numbers of {enhet} or Väntetidsgräns), got the "
                f"text {post!r}: a percent is a target level, not a limit; pass e.g. 90"
            )
        elif isinstance(post, (int, float, np.integer, np.floating)) and not isinstance(post, bool):
            ut.append(
                Väntetidsgräns(namn=f"högst {float(post):g} {enhet}", gräns=post, enhet=enhet)
            )
        else:
            raise FelTypError(
                f"gränser must hold numbers of {enhet} or Väntetidsgräns, got {post!r} "
                f"of type {type(post).__name__}"
            )
    return tuple(ut)


# --------------------------------------------------------------------------- plan


@attrs.frozen(kw_only=True)
class _Plan:
    """Everything a partition needs to count (picklable, sent to Dask workers)."""

    läge: str  # "väntetid", "bestånd" or "flöde"
    väntetid: str | None
    start: str | None
    slut: str | None
    grupp: tuple[str, ...]
    exkludera: tuple[str, ...]
    gränser: tuple[Väntetidsgräns, ...]
    enhet: str
    mätdatum: tuple[pd.Timestamp, ...]
    perioder: tuple[tuple[pd.Timestamp, pd.Timestamp, Any], ...]
    ogiltiga: str

    @property
    def antal_tider(self) -> int:
        if self.läge == "bestånd":
            return len(self.mätdatum)
        if self.läge == "flöde":
            return len(self.perioder)
        return 1


def _kolumnnamn(kolumner: Iterable[Any], namn: str) -> str:
    """The label in ``kolumner`` equal to ``namn`` up to Unicode normal form."""
    for k in kolumner:
        if isinstance(k, str) and nfc(k) == nfc(namn):
            return k
    raise SaknadKolumnError(f"column {namn!r} is not in the data")  # pragma: no cover


def _datum(värde: Any, namn: str) -> pd.Timestamp:
    if isinstance(värde, (bool, numbers.Real)):
        raise FelTypError(
            f"{namn} must be a date (a str such as '2023-01-31', datetime.date or "
            f"pandas.Timestamp), got {värde!r} of type {type(värde).__name__}"
        )
    try:
        ts = pd.Timestamp(värde)
    except (ValueError, TypeError) as fel:
        raise FelTypError(f"{namn} must be a date, got {värde!r}: {fel}") from fel
    if pd.isna(ts):
        raise OgiltigtVärdeError(f"{namn} must be a date, got a missing value {värde!r}")
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts


def _mätdatum(mätdatum: Any) -> tuple[pd.Timestamp, ...]:
    if isinstance(mätdatum, (str, dt.date, np.datetime64, pd.Timestamp)):
        poster = [mätdatum]
    elif isinstance(mätdatum, Iterable):
        poster = list(mätdatum)
    else:
        poster = [mätdatum]
    if not poster:
        raise OgiltigtVärdeError("mätdatum is empty: pass at least one snapshot date")
    return tuple(sorted({_datum(p, "mätdatum") for p in poster}))


def _en_period(p: Any) -> tuple[pd.Timestamp, pd.Timestamp, Any]:
    if isinstance(p, tuple):
        if len(p) != 2:
            raise OgiltigtVärdeError(f"a period given as a tuple must be (från, till), got {p!r}")
        från, till = _datum(p[0], "period"), _datum(p[1], "period")
        if till < från:
            raise OgiltigtVärdeError(
                f"period ends before it starts: {p!r}; pass (från, till) with från <= till"
            )
        return (från.normalize(), till.normalize(), pd.Interval(från, till, closed="both"))
    if isinstance(p, str):
        try:
            p = pd.Period(p)
        except (ValueError, TypeError) as fel:
            raise FelTypError(
                f"period {p!r} is not a period such as '2023-03', '2023Q1' or '2023': {fel}"
            ) from fel
    if isinstance(p, pd.Period):
        return (p.start_time.normalize(), p.end_time.normalize(), p)
    raise FelTypError(
        f"period must be a pandas.Period, a str such as '2023-03', a tuple (från, till) "
        f"of dates, or a list of these; got {p!r} of type {type(p).__name__}"
    )


def _perioder(period: Any) -> tuple[tuple[pd.Timestamp, pd.Timestamp, Any], ...]:
    if isinstance(period, (tuple, str, pd.Period)):
        poster = [period]
    elif isinstance(period, Iterable):
        poster = list(period)
    else:
        poster = [period]
    if not poster:
        raise OgiltigtVärdeError("period is empty: pass at least one period")
    return tuple(_en_period(p) for p in poster)


def _som_lista(värde: str | Sequence[str] | None, namn: str) -> tuple[str, ...]:
    if värde is None:
        return ()
    if isinstance(värde, str):
        return (värde,)
    if isinstance(värde, Iterable):
        ut = tuple(värde)
        for v in ut:
            if not isinstance(v, str):
                raise FelTypError(f"{namn} must name columns (str), got {v!r}")
        return ut
    raise FelTypError(f"{namn} must be a column name or a list of column names, got {värde!r}")


# --------------------------------------------------------------------------- row arrays


def _tidsvärden(kolumn: pd.Series[Any], namn: str) -> npt.NDArray[np.int64]:
    """Nanoseconds since the epoch (int64; NaT as the minimum int64) of a date column."""
    dtyp = kolumn.dtype
    if isinstance(dtyp, pd.DatetimeTZDtype):
        kolumn = kolumn.dt.tz_localize(None)
        dtyp = kolumn.dtype
    if not pd.api.types.is_datetime64_dtype(dtyp):
        slag = pd.api.types.infer_dtype(kolumn, skipna=True)
        if slag in ("date", "datetime", "datetime64") or (slag == "empty" and len(kolumn) == 0):
            kolumn = pd.to_datetime(kolumn)
        else:
            raise FelTypError(
                f"column {namn!r} must hold dates (datetime64), but it holds {slag} "
                f"(dtype {dtyp}); convert it with pandas.to_datetime(df[{namn!r}], "
                "format=...) first"
            )
    värden = kolumn.to_numpy()
    if värden.dtype != np.dtype("datetime64[ns]"):
        värden = värden.astype("datetime64[ns]")
    return värden.view(np.int64)


def _numeriska(kolumn: pd.Series[Any], namn: str, enhet: str) -> npt.NDArray[np.float64]:
    dtyp = kolumn.dtype
    if pd.api.types.is_timedelta64_dtype(dtyp):
        sekunder = kolumn.dt.total_seconds().to_numpy(dtype=np.float64, na_value=np.nan)
        return np.asarray(sekunder / _SEKUNDER[enhet], dtype=np.float64)
    if pd.api.types.is_bool_dtype(dtyp) or not pd.api.types.is_numeric_dtype(dtyp):
        if pd.api.types.is_object_dtype(dtyp) and pd.api.types.infer_dtype(kolumn, skipna=True) in (
            "integer",
            "floating",
            "mixed-integer-float",
            "decimal",
            "empty",
        ):
            return kolumn.to_numpy(dtype=np.float64, na_value=np.nan)
        raise FelTypError(
            f"column {namn!r} must hold waiting times as numbers of {enhet}, but its dtype "
            f"is {dtyp}; parse text with halsouppfoljning.tolka_tal or pandas.to_numeric first"
        )
    return kolumn.to_numpy(dtype=np.float64, na_value=np.nan)


def _flaggor(kolumn: pd.Series[Any], namn: str) -> npt.NDArray[np.bool_]:
    dtyp = kolumn.dtype
    if not pd.api.types.is_bool_dtype(dtyp):
        raise FelTypError(
            f"exclusion column {namn!r} must be boolean (True = exclude), but its dtype is "
            f"{dtyp}; convert it, e.g. df[{namn!r}].astype(bool) for 0/1"
        )
    if kolumn.hasnans:
        raise OgiltigtVärdeError(
            f"exclusion column {namn!r} has {int(kolumn.isna().sum())} missing values; "
            "state what they mean, e.g. df[...].fillna(False)"
        )
    return kolumn.to_numpy(dtype=bool)


def _gruppkoder(
    pdf: pd.DataFrame, grupp: tuple[str, ...]
) -> tuple[npt.NDArray[np.int64], int, pd.DataFrame]:
    """Group code per row, number of groups, and the keys (one row per code)."""
    n = len(pdf)
    if not grupp:
        return np.zeros(n, dtype=np.int64), 1, pd.DataFrame(index=pd.RangeIndex(1))
    koder: list[npt.NDArray[np.int64]] = []
    unika: list[pd.Index[Any]] = []
    alla_kategoriska = True
    for kolumn in grupp:
        s = pdf[kolumn]
        if isinstance(s.dtype, pd.CategoricalDtype):
            k = s.cat.codes.to_numpy().astype(np.int64)
            u: pd.Index[Any] = pd.Index(s.cat.categories)
            u = pd.CategoricalIndex(u, categories=s.cat.categories, ordered=s.cat.ordered)
        else:
            alla_kategoriska = False
            try:
                k, u_arr = pd.factorize(s, sort=True, use_na_sentinel=True)
            except TypeError:  # unorderable mixed keys
                k, u_arr = pd.factorize(s, sort=False, use_na_sentinel=True)
            k = np.asarray(k, dtype=np.int64)
            u = pd.Index(u_arr)
        saknas = k < 0
        if saknas.any():
            k = np.where(saknas, len(u), k)
            u = u.insert(len(u), np.nan)
        koder.append(k)
        unika.append(u)
    storlekar = [len(u) for u in unika]
    if len(grupp) == 1:
        g, antal = koder[0], storlekar[0]
        delkoder = [np.arange(antal)]
    else:
        kombinerad = (
            np.ravel_multi_index(tuple(koder), tuple(storlekar))
            if n
            else np.zeros(0, dtype=np.int64)
        )
        if alla_kategoriska:
            g, antal = np.asarray(kombinerad, dtype=np.int64), int(np.prod(storlekar))
            delkoder = list(np.unravel_index(np.arange(antal), tuple(storlekar)))
        else:
            g_arr, u_komb = pd.factorize(kombinerad, sort=True)
            g, antal = np.asarray(g_arr, dtype=np.int64), len(u_komb)
            delkoder = list(np.unravel_index(np.asarray(u_komb, dtype=np.int64), tuple(storlekar)))
    nycklar = pd.DataFrame(
        {kol: u.take(dk) for kol, u, dk in zip(grupp, unika, delkoder, strict=True)}
    )
    for kol, u in zip(grupp, unika, strict=True):
        if isinstance(u, pd.CategoricalIndex):
            nycklar[kol] = pd.Categorical(nycklar[kol], categories=u.categories, ordered=u.ordered)
    return g, antal, nycklar


def _dagar(
    ns: npt.NDArray[np.int64], out: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.int64]:
    """Calendar day number (days since 1970-01-01, floored) of nanosecond timestamps.

    NaT stays the minimum int64. With ``out``, written into that buffer.
    """
    if out is None:
        return ns.view("datetime64[ns]").astype("datetime64[D]").view(np.int64)
    np.copyto(out.view("datetime64[D]"), ns.view("datetime64[ns]"), casting="same_kind")
    return out


def _tidpunkt(
    ns: npt.NDArray[np.int64],
    saknas: npt.NDArray[np.bool_],
    enhet: str,
    riktning: int,
    out: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """Days (``dagar``) or seconds (``timmar``) of timestamps; missing as -inf/+inf.

    A missing value becomes a large negative (``riktning`` -1, a missing
    start: before every snapshot) or positive number (+1, not done yet).
    With ``out``, written into that buffer (no fresh allocation).
    """
    if enhet == "dagar":
        ut = _dagar(ns, out)
    else:
        ut = np.floor_divide(ns, 10**9, out=out) if out is not None else ns // 10**9
    if saknas.any():
        ut[saknas] = riktning * (np.iinfo(np.int64).max // 4)
    return ut


def _tidpunkter(
    start_ns: npt.NDArray[np.int64],
    slut_ns: npt.NDArray[np.int64],
    start_saknas: npt.NDArray[np.bool_],
    slut_saknas: npt.NDArray[np.bool_],
    enhet: str,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    return (
        _tidpunkt(start_ns, start_saknas, enhet, -1),
        _tidpunkt(slut_ns, slut_saknas, enhet, 1),
    )


def _sök(
    tider: npt.NDArray[np.int64], x: npt.NDArray[np.int64], side: str, *, skriv_över: bool = False
) -> npt.NDArray[np.integer[Any]]:
    """``np.searchsorted(tider, x, side)`` through a lookup table when the span is small.

    Values below ``tider[0] - 1`` or above ``tider[-1] + 1`` give the same
    answer as those bounds, so ``x`` is clipped first and the table covers
    only the span of ``tider``: a few hundred entries for daily dates. With
    ``skriv_över`` the clipping reuses ``x``'s memory (``x`` is destroyed).
    """
    lo, hi = int(tider[0]) - 1, int(tider[-1]) + 1
    spann = hi - lo + 1
    if spann <= 4_000_000 and x.size > 4 * spann and len(tider) < 32_000:
        tabell = np.searchsorted(tider, np.arange(lo, hi + 1), side=side)  # type: ignore[call-overload]
        idx = np.clip(x, lo, hi, out=x) if skriv_över else np.clip(x, lo, hi)
        idx -= lo
        return np.take(tabell.astype(np.int16), idx)
    return np.searchsorted(tider, x, side=side)  # type: ignore[call-overload,no-any-return]


def _beståndsindex(
    tider: npt.NDArray[np.int64],
    s: npt.NDArray[np.int64],
    e: npt.NDArray[np.int64],
    steg: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.integer[Any]], npt.NDArray[np.integer[Any]], list[Any]]:
    """Snapshot indices of each row: present at ``i0 <= i < i1``, within ``steg[u]`` below ``j[u]``.

    ``i0 = searchsorted(tider, s)``, ``i1 = searchsorted(tider, e)``,
    ``j[u] = searchsorted(tider, s + steg[u], "right")`` clamped to
    ``[i0, i1]``. ``s`` must not exceed ``e`` (swap invalid rows first).
    Through one lookup table per side when the span of ``tider`` is small
    (daily dates): ``j[u]`` is then a shifted view of the table, so no
    ``s + steg`` array is formed.
    """
    maxsteg = int(steg.max()) if steg.size else 0
    lo, hi = int(tider[0]) - maxsteg - 1, int(tider[-1]) + 1
    spann = hi - lo + 1
    if spann <= 4_000_000 and s.size > 4 * spann and len(tider) < 32_000:
        vänster = np.searchsorted(tider, np.arange(lo, hi + 1), side="left").astype(np.int16)
        höger = np.searchsorted(tider, np.arange(lo, hi + maxsteg + 1), side="right").astype(
            np.int16
        )
        idx_s = np.clip(s, lo, hi)
        idx_s -= lo
        idx_e = np.clip(e, lo, hi)
        idx_e -= lo
        i0: npt.NDArray[np.integer[Any]] = np.take(vänster, idx_s)
        i1: npt.NDArray[np.integer[Any]] = np.take(vänster, idx_e)
        del idx_e
        j: list[npt.NDArray[np.integer[Any]]] = []
        for u in steg:
            ju: npt.NDArray[np.integer[Any]] = np.take(höger[int(u) :], idx_s)
            np.minimum(ju, i1, out=ju)
            np.maximum(ju, i0, out=ju)
            j.append(ju)
        return i0, i1, j
    i0 = np.searchsorted(tider, s, side="left")
    i1 = np.searchsorted(tider, e, side="left")
    j = []
    for u in steg:
        ju = np.asarray(np.searchsorted(tider, s + int(u), side="right"))
        np.minimum(ju, i1, out=ju)
        np.maximum(ju, i0, out=ju)
        j.append(ju)
    return i0, i1, j


def _klassgränser(
    tider: npt.NDArray[np.int64], steg: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Thresholds that split start times into classes with the same snapshot indices.

    ``i0 = #{t < s} = #{t + 1 <= s}`` and ``j_u = #{t <= s + L_u} = #{t - L_u <= s}``
    are step functions of ``s`` that change only at ``t + 1`` and ``t - L_u``;
    between two consecutive thresholds every row has the same ``i0`` and ``j_u``.
    """
    delar = [tider + 1, *(tider - int(u) for u in steg)]
    return np.unique(np.concatenate(delar))


def _beståndshistogram(
    gg: npt.NDArray[np.int64],
    klass: npt.NDArray[np.integer[Any]],
    i1: npt.NDArray[np.integer[Any]],
    tider: npt.NDArray[np.int64],
    steg: npt.NDArray[np.int64],
    klasser: npt.NDArray[np.int64],
    grupper: int,
    delmängder: list[npt.NDArray[np.bool_]],
    buffert: npt.NDArray[np.int64] | None = None,
) -> tuple[npt.NDArray[np.int64], list[npt.NDArray[np.int64]], list[npt.NDArray[np.int64]]]:
    """Stock counts per (group, snapshot) from one histogram of the rows.

    Each row gets a code (group ``gg``, ``klass`` = class of its start among
    ``klasser``, index ``i1`` of the first snapshot on or after its done
    date); one
    ``bincount`` over the codes gives a small histogram ``H``, and every
    count follows from ``H`` and a membership table ``M[c, i1, i]``
    (present at snapshot ``i``; within limit ``u``): ``counts = H @ M``.
    The cost per row is a few passes, whatever the number of snapshots and
    limits.

    Returns the counts present (grupper, k), within each limit
    [(grupper, k) per ``steg``], and present per subset in ``delmängder``
    (row masks of excluded rows, whose plain group is ``gg - 3 * grupper / 4``).
    """
    k = len(tider)
    antal_klasser = len(klasser) + 1
    kod = np.multiply(gg, antal_klasser, out=buffert)
    kod += klass
    kod *= k + 1
    kod += i1
    h = np.bincount(kod, minlength=grupper * antal_klasser * (k + 1))
    del kod
    h = h.reshape(grupper, antal_klasser * (k + 1))
    # a representative start of each class and its snapshot indices
    representant = np.concatenate([[klasser[0] - 1], klasser])
    i0_c = np.searchsorted(tider, representant, side="left")
    i_axel = np.arange(k)
    i1_axel = np.arange(k + 1)

    def medlemskap(slut_c: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        # slut_c: (klasser, k + 1) end index; member at i when i0_c <= i < slut_c
        m = (i_axel[None, None, :] >= i0_c[:, None, None]) & (
            i_axel[None, None, :] < slut_c[:, :, None]
        )
        return m.reshape(antal_klasser * (k + 1), k).astype(np.int64)

    hela = np.broadcast_to(i1_axel[None, :], (antal_klasser, k + 1))
    med = h @ medlemskap(hela)
    inom = []
    for u in steg:
        j_c = np.searchsorted(tider, representant + int(u), side="right")
        slut_c = np.clip(j_c[:, None], i0_c[:, None], hela)
        inom.append(h @ medlemskap(slut_c))
    delar = []
    antal_g = grupper // 4
    for mask in delmängder:
        kod_d = gg[mask] - 3 * antal_g
        kod_d *= antal_klasser
        kod_d += klass[mask]
        kod_d *= k + 1
        kod_d += i1[mask]
        h_d = np.bincount(kod_d, minlength=antal_g * antal_klasser * (k + 1))
        delar.append(h_d.reshape(antal_g, antal_klasser * (k + 1)) @ medlemskap(hela))
    return med, inom, delar


def _periodindex(
    e: npt.NDArray[np.int64],
    perioder: tuple[tuple[pd.Timestamp, pd.Timestamp, Any], ...],
    *,
    skriv_över: bool = False,
) -> list[npt.NDArray[np.integer[Any]]]:
    """Period index of each done day ``e`` (``len(perioder)`` = outside every period).

    Non-overlapping periods give one array, through a lookup table from day
    to period; overlapping periods give one array per period. With
    ``skriv_över`` the lookup may reuse ``e``'s memory (``e`` is destroyed).
    """
    k = len(perioder)
    från = np.array([p[0].value // _NS_PER_DAG for p in perioder], dtype=np.int64)
    till = np.array([p[1].value // _NS_PER_DAG for p in perioder], dtype=np.int64)
    ordning = np.argsort(från, kind="stable")
    if bool(np.any(från[ordning][1:] <= till[ordning][:-1])):
        return [np.where((e >= från[p]) & (e <= till[p]), p, k) for p in range(k)]
    lo, hi = int(från.min()) - 1, int(till.max()) + 1
    dagar = np.arange(lo, hi + 1)
    tabell = np.full(len(dagar), k, dtype=np.int64)
    for p in range(k):  # one slice per period, not per row
        tabell[från[p] - lo : till[p] - lo + 1] = p
    if len(dagar) <= 4_000_000:
        idx = np.clip(e, lo, hi, out=e) if skriv_över else np.clip(e, lo, hi)
        idx -= lo
        return [np.take(tabell.astype(np.int16 if k < 32_000 else np.int64), idx)]
    pos = np.searchsorted(från[ordning], e, side="right") - 1
    pos_c = np.clip(pos, 0, k - 1)
    innanför = (pos >= 0) & (e <= till[ordning][pos_c])
    return [np.where(innanför, ordning[pos_c], k)]


def _bestånd(
    bas: npt.NDArray[np.int64],
    i0: npt.NDArray[np.integer[Any]],
    i1: npt.NDArray[np.integer[Any]],
    grupper: int,
    k: int,
) -> npt.NDArray[np.int64]:
    """Counts per (group, snapshot) of rows present at snapshots ``i0 <= i < i1``.

    A difference array: +1 at ``(g, i0)``, -1 at ``(g, i1)``, summed along
    the snapshots; ``bas = g * (k + 1)``. ``i1 >= i0`` is required.
    """
    bredd = k + 1
    plus = np.bincount(bas + i0, minlength=grupper * bredd)
    minus = np.bincount(bas + i1, minlength=grupper * bredd)
    diff = (plus - minus).reshape(grupper, bredd)
    return np.cumsum(diff, axis=1)[:, :k].astype(np.int64)


def _räkna(pdf: pd.DataFrame, plan: _Plan) -> pd.DataFrame:
    """Counts of one (partition of a) frame, in long form with the group keys.

    Columns: the group columns, ``_tid`` (snapshot or period index),
    ``_gräns`` (index into ``plan.gränser``), ``antal``, ``antal_inom``,
    ``exkluderade``, ``exkluderade_<column>`` per exclusion column,
    ``saknade``, ``ogiltiga``. Counts add up over partitions.
    """
    n = len(pdf)
    g, grupper, nycklar = _gruppkoder(pdf, plan.grupp)
    flaggor = [_flaggor(pdf[c], c) for c in plan.exkludera]
    någon_flagga = np.zeros(n, dtype=bool)
    for f in flaggor:
        någon_flagga |= f
    k = plan.antal_tider
    gränser = plan.gränser
    antal_g = len(gränser)

    # Arrays (grupper, k) per category and (grupper, k, antal_g) for antal_inom.
    antal = np.zeros((grupper, k, antal_g), dtype=np.int64)
    inom = np.zeros((grupper, k, antal_g), dtype=np.int64)
    exkl = np.zeros((grupper, k, antal_g), dtype=np.int64)
    saknade = np.zeros((grupper, k, antal_g), dtype=np.int64)
    ogilt = np.zeros((grupper, k, antal_g), dtype=np.int64)
    per_skäl = [np.zeros((grupper, k, antal_g), dtype=np.int64) for _ in flaggor]

    enheter = sorted({gr.enhet for gr in gränser})
    if plan.läge != "väntetid":
        start_ns = _tidsvärden(pdf[plan.start], str(plan.start))
        slut_ns = _tidsvärden(pdf[plan.slut], str(plan.slut))
        nat = np.iinfo(np.int64).min
        start_saknas = start_ns == nat
        slut_saknas = slut_ns == nat
        # a missing start (the minimum int64) is never after a done date
        ogiltig = slut_ns < start_ns
        ogiltig &= ~slut_saknas
        saknad = start_saknas
    else:
        w_kolumn = _numeriska(pdf[plan.väntetid], str(plan.väntetid), plan.enhet)
        saknad = np.isnan(w_kolumn)
        ogiltig = ~saknad & (w_kolumn < 0)

    if ogiltig.any() and plan.ogiltiga == "fel":
        första = int(np.flatnonzero(ogiltig)[0])
        etikett = pdf.index[första]
        if plan.läge == "väntetid":
            vad = f"a negative waiting time ({float(w_kolumn[första])!r} {plan.enhet})"
        else:
            vad = (
                f"a done date before the start date (start "
                f"{pdf[plan.start].iloc[första]}, slut {pdf[plan.slut].iloc[första]})"
            )
        raise OgiltigtVärdeError(
            f"{int(ogiltig.sum())} row(s) are invalid; the first, at index {etikett!r}, has "
            f"{vad}. Correct the data, or pass ogiltiga='exkludera' to leave such rows out "
            "and count them in the column 'ogiltiga'"
        )

    # gg = g + grupper * category (0 counted, 1 missing, 2 invalid, 3 excluded), built
    # in place in g's (fresh) array; g itself is gg % grupper.
    gg = g
    del g
    if flaggor:
        np.add(gg, 3 * grupper, out=gg, where=någon_flagga)
    if ogiltig.any():
        gg[ogiltig] = gg[ogiltig] % grupper + 2 * grupper
    if saknad.any():
        gg[saknad] = gg[saknad] % grupper + grupper
    exkl_rad = (~saknad) & (~ogiltig) & någon_flagga

    for enhet in enheter:
        index_g = [j for j, gr in enumerate(gränser) if gr.enhet == enhet]
        if plan.läge == "väntetid" and enhet != plan.enhet:
            raise OgiltigtVärdeError(
                f"the limit {gränser[index_g[0]].namn!r} is in {enhet} but the column "
                f"{plan.väntetid!r} is in {plan.enhet}; pass enhet={enhet!r} if the column "
                f"is in {enhet}, or limits in {plan.enhet}"
            )
        värden = np.array([gränser[j].gräns for j in index_g])
        if plan.läge == "bestånd":
            if enhet == "dagar":
                tider = np.array([t.normalize().value // _NS_PER_DAG for t in plan.mätdatum])
                gräns_steg = värden.astype(np.int64)
            else:
                tider = np.array([t.value // 10**9 for t in plan.mätdatum])
                gräns_steg = np.round(värden * 3600).astype(np.int64)
            tider = tider.astype(np.int64)
            uniq, omv = np.unique(gräns_steg, return_inverse=True)
            klasser = _klassgränser(tider, uniq)
            antal_celler = 4 * grupper * (len(klasser) + 1) * (k + 1)
            if antal_celler <= max(4 * n, 2_000_000):
                # one histogram over (group, class of start, snapshot index of done);
                # start and done times are made one at a time and consumed at once
                if ogiltig.any():
                    s, e = _tidpunkter(start_ns, slut_ns, start_saknas, slut_saknas, enhet)
                    s, e = np.minimum(s, e), np.maximum(s, e)
                    klass = _sök(klasser, s, "right", skriv_över=True)
                    del s
                else:
                    # one scratch buffer serves the start days, the done days and the codes
                    e = np.empty(n, dtype=np.int64)
                    s = _tidpunkt(start_ns, start_saknas, enhet, -1, out=e)
                    klass = _sök(klasser, s, "right", skriv_över=True)
                    e = _tidpunkt(slut_ns, slut_saknas, enhet, 1, out=s)
                    del s
                i1 = _sök(tider, e, "left", skriv_över=True)
                med, inom_u, skäl_lista = _beståndshistogram(
                    gg, klass, i1, tider, uniq, klasser, 4 * grupper,
                    [exkl_rad & f for f in flaggor], buffert=e,
                )  # fmt: skip
                del klass, i1, e
            else:  # very many groups: difference arrays row by row
                s, e = _tidpunkter(start_ns, slut_ns, start_saknas, slut_saknas, enhet)
                if ogiltig.any():
                    s, e = np.minimum(s, e), np.maximum(s, e)
                bas = gg * (k + 1)
                i0, i1, j_lista = _beståndsindex(tider, s, e, uniq)
                med = _bestånd(bas, i0, i1, 4 * grupper, k)
                inom_u = [_bestånd(bas, i0, j_l, 4 * grupper, k) for j_l in j_lista]
                del j_lista, bas
                skäl_lista = []
                for f in flaggor:
                    urval = exkl_rad & f
                    g_urval = gg[urval] - 3 * grupper
                    skäl_lista.append(_bestånd(g_urval * (k + 1), i0[urval], i1[urval], grupper, k))
                del i0, i1, s, e
            for u_idx, inom_uu in enumerate(inom_u):
                for pos in np.flatnonzero(omv == u_idx):
                    inom[:, :, index_g[pos]] = inom_uu[:grupper]
            for j in index_g:
                antal[:, :, j] = med[:grupper]
                saknade[:, :, j] = med[grupper : 2 * grupper]
                ogilt[:, :, j] = med[2 * grupper : 3 * grupper]
                exkl[:, :, j] = med[3 * grupper :]
                for r, skäl in enumerate(skäl_lista):
                    per_skäl[r][:, :, j] = skäl
        else:
            w: npt.NDArray[Any]
            gräns_w: npt.NDArray[Any]
            buffert: npt.NDArray[np.int64] | None = None
            if plan.läge == "flöde":
                e = _dagar(slut_ns)  # done day: which period
                if enhet == "dagar":
                    w = _dagar(start_ns)
                    np.subtract(e, w, out=w)  # waiting days, in the start days' buffer
                    gräns_w = värden.astype(np.int64)
                else:
                    w = np.subtract(slut_ns, start_ns)
                    w //= 10**9
                    gräns_w = np.round(värden * 3600).astype(np.int64)
                e[slut_saknas] = np.iinfo(np.int64).min // 4
                period_index = _periodindex(e, plan.perioder, skriv_över=True)
                buffert = e if len(period_index) == 1 else None
                del e
            else:
                w = w_kolumn
                gräns_w = värden
                period_index = [np.zeros(n, dtype=np.int64)]
            uniq, omv = np.unique(gräns_w, return_inverse=True)
            fack: npt.NDArray[Any]
            if w.dtype.kind == "i":
                fack = _sök(
                    uniq, np.asarray(w, dtype=np.int64), "left", skriv_över=plan.läge == "flöde"
                )
            else:
                fack = np.searchsorted(uniq, w, side="left")
            del w
            antal_fack = len(uniq) + 1
            for p_idx in period_index:
                kod = np.multiply(gg, k + 1, out=buffert)
                kod += p_idx
                kod *= antal_fack
                kod += fack
                tal = np.bincount(kod, minlength=4 * grupper * (k + 1) * antal_fack)
                del kod
                tal = tal.reshape(4 * grupper, k + 1, antal_fack)[:, :k, :]
                summa = tal.sum(axis=2)
                kum = np.cumsum(tal, axis=2)
                for pos_g, j in enumerate(index_g):
                    antal[:, :, j] += summa[:grupper]
                    saknade[:, :, j] += summa[grupper : 2 * grupper]
                    ogilt[:, :, j] += summa[2 * grupper : 3 * grupper]
                    exkl[:, :, j] += summa[3 * grupper :]
                    inom[:, :, j] += kum[:grupper, :, omv[pos_g]]
                for r, f in enumerate(flaggor):
                    urval = exkl_rad & f
                    g_urval = gg[urval] - 3 * grupper
                    skäl = np.bincount(
                        g_urval * (k + 1) + p_idx[urval], minlength=grupper * (k + 1)
                    ).reshape(grupper, k + 1)[:, :k]
                    for j in index_g:
                        per_skäl[r][:, :, j] += skäl

    # long form: group outer, then time, then limit
    rader = grupper * k * antal_g
    radgrupp = np.repeat(np.arange(grupper), k * antal_g)
    kolumner: dict[str, Any] = {c: nycklar[c].array.take(radgrupp) for c in plan.grupp}
    kolumner["_tid"] = np.tile(np.repeat(np.arange(k), antal_g), grupper)
    kolumner["_gräns"] = np.tile(np.arange(antal_g), grupper * k)
    kolumner["antal"] = antal.reshape(rader)
    kolumner["antal_inom"] = inom.reshape(rader)
    kolumner["exkluderade"] = exkl.reshape(rader)
    for c, skäl in zip(plan.exkludera, per_skäl, strict=True):
        kolumner[f"exkluderade_{c}"] = skäl.reshape(rader)
    kolumner["saknade"] = saknade.reshape(rader)
    kolumner["ogiltiga"] = ogilt.reshape(rader)
    return pd.DataFrame(kolumner)


# --------------------------------------------------------------------------- Wilson


def _wilson(
    x: npt.NDArray[np.float64], n: npt.NDArray[np.float64], konfidensnivå: float
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    # the standard normal quantile (Wichura's AS241 in the standard library, accurate to
    # about 1e-16; it spares the package import a second of scipy.stats)
    z = NormalDist().inv_cdf(0.5 + konfidensnivå / 2.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / n
        z2n = z * z / n
        mitt = (p + z2n / 2.0) / (1.0 + z2n)
        halv = z / (1.0 + z2n) * np.sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n))
    nedre = np.clip(mitt - halv, 0.0, 1.0)
    övre = np.clip(mitt + halv, 0.0, 1.0)
    nedre[x == 0] = 0.0  # exact at the bounds (rounding error otherwise)
    övre[(x == n) & (n > 0)] = 1.0
    tom = n == 0
    nedre[tom] = np.nan
    övre[tom] = np.nan
    return nedre, övre


def _kontrollera_nivå_och_minsta(konfidensnivå: Any, minsta_antal: Any) -> None:
    if isinstance(konfidensnivå, bool) or not isinstance(konfidensnivå, numbers.Real):
        raise FelTypError(f"konfidensnivå must be a share such as 0.95, got {konfidensnivå!r}")
    kontrollera_andel(konfidensnivå, "konfidensnivå")
    if not 0.0 < float(konfidensnivå) < 1.0:
        raise OgiltigtVärdeError(
            f"konfidensnivå must be strictly between 0 and 1 (e.g. 0.95), got {konfidensnivå!r}"
        )
    if isinstance(minsta_antal, bool) or not isinstance(minsta_antal, numbers.Integral):
        raise FelTypError(f"minsta_antal must be an int (default 20), got {minsta_antal!r}")
    if minsta_antal < 0:
        raise OgiltigtVärdeError(f"minsta_antal must be >= 0, got {minsta_antal!r}")


def _slutför(
    tabell: pd.DataFrame, plan: _Plan, minsta_antal: int, konfidensnivå: float
) -> pd.DataFrame:
    """Add the time and limit columns, shares, Wilson intervals and the flag."""
    ut: dict[str, Any] = {c: tabell[c].array for c in plan.grupp}
    tid = tabell["_tid"].to_numpy(dtype=np.int64)
    if plan.läge == "bestånd":
        ut["mätdatum"] = pd.DatetimeIndex(list(plan.mätdatum)).take(tid)
    elif plan.läge == "flöde":
        etiketter = np.empty(len(plan.perioder), dtype=object)
        etiketter[:] = [p[2] for p in plan.perioder]
        ut["period"] = etiketter[tid]
    gi = tabell["_gräns"].to_numpy(dtype=np.int64)
    ut["gräns"] = np.array([g.gräns for g in plan.gränser], dtype=float)[gi]
    ut["gränsnamn"] = np.array([g.namn for g in plan.gränser], dtype=object)[gi]
    ut["enhet"] = np.array([g.enhet for g in plan.gränser], dtype=object)[gi]
    x = tabell["antal_inom"].to_numpy(dtype=np.int64)
    n = tabell["antal"].to_numpy(dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        andel = np.where(n > 0, x / np.where(n > 0, n, 1), np.nan)
    nedre, övre = _wilson(x.astype(float), n.astype(float), konfidensnivå)
    ut["antal"] = n
    ut["antal_inom"] = x
    ut["andel"] = andel
    ut["nedre"] = nedre
    ut["övre"] = övre
    for c in ("exkluderade", *(f"exkluderade_{c}" for c in plan.exkludera), "saknade", "ogiltiga"):
        ut[c] = tabell[c].to_numpy(dtype=np.int64)
    ut["undertryckt"] = n < minsta_antal
    return pd.DataFrame(ut)


# --------------------------------------------------------------------------- public


def väntetidsandelar(
    data: Any,
    *,
    gränser: Any,
    väntetid: str | None = None,
    start: str | None = None,
    slut: str | None = None,
    mätdatum: Any = None,
    period: Any = None,
    grupp: str | Sequence[str] | None = None,
    exkludera: str | Sequence[str] | None = None,
    minsta_antal: int = 20,
    konfidensnivå: float = 0.95,
    enhet: str = "dagar",
    ogiltiga: str = "fel",
) -> pd.DataFrame:
    r"""Shares of patients within waiting-time limits (*väntetidsandelar*), from micro data.

    Three bases, chosen by the arguments:

    - a column of waiting times (``väntetid``), or the waiting times
      themselves as ``data`` (list, ndarray, Series);
    - event records with ``start`` and ``slut`` (done date, empty while still
      waiting) and ``mätdatum``: the **stock** (:term:`väntande`) still waiting at
      each snapshot date, waiting time = mätdatum − start, over rows with
      start ≤ mätdatum < slut (done on the snapshot day is done);
    - event records with ``start``, ``slut`` and ``period``: the **flow**
      (:term:`genomförda`) done inside each period, waiting time = slut − start.

    Parameters
    ----------
    data : pandas.DataFrame, dask.dataframe.DataFrame, Series, ndarray, list or scalar
        The records. A Series, array, list or scalar is taken as waiting
        times (no ``grupp`` then; the result is an aggregate, so no input
        index carries over). A Dask DataFrame is counted partition by
        partition and gives the same numbers as pandas.
    gränser : Väntetidsgräns, number, or a sequence of these
        The limits, inclusive (within = waiting time ≤ limit). Numbers are in
        ``enhet``. E.g. :data:`VÅRDGARANTIN`, ``[7, 30, 90]``, :data:`AKUTGRÄNSER`.
    väntetid : str, optional
        Column of waiting times [dagar] (or [timmar], see ``enhet``): numbers
        or timedeltas. Give this or ``start``/``slut``, not both.
    start, slut : str, optional
        Columns of datetimes: start (referral or treatment decision, arrival)
        and done date (*slut*, NaT while waiting).
    mätdatum : date or sequence of dates, optional
        Snapshot date(s) for the stock, e.g. every month end of a year
        (``pandas.date_range("2023-01-31", periods=12, freq="ME")``); one
        result row per date, in date order (a repeated date counts once). For
        limits in days, dates count as calendar days.
    period : pandas.Period, str, (från, till) tuple, or a list of these, optional
        Period(s) for the flow: ``"2023-03"``, ``pandas.Period("2023Q1")``,
        ``("2023-01-01", "2023-03-31")`` (inclusive), or a list of them
        (overlapping periods are allowed). Rows count where the *date* of
        ``slut`` lies in the period.
    grupp : str or list of str, optional
        Grouping columns (region, unit, vårdtyp ...). Categorical columns
        give a row for every category (an empty group has ``antal`` 0 and
        NaN shares); other columns give the observed values. Missing keys
        form their own group (nothing is dropped).
    exkludera : str or list of str, optional
        Boolean columns whose true rows are removed from numerator and
        denominator, e.g. :term:`patientvald väntan` and
        :term:`medicinskt orsakad väntan`. Which exclusions apply is a
        policy choice: the national model excludes patientvald väntan; some
        regions also exclude medicinskt orsakad väntan.
    minsta_antal : int, default 20
        Cells with ``antal`` below this are flagged ``undertryckt`` (SKR does
        not publish cells with fewer than 20). The values are kept.
    konfidensnivå : float, default 0.95
        Level of the Wilson interval [andel, 0-1].
    enhet : {"dagar", "timmar"}, default "dagar"
        Unit of the ``väntetid`` column and of limits given as plain
        numbers. For event records, each limit is applied in its own unit:
        days on calendar dates, hours on exact timestamps.
    ogiltiga : {"fel", "exkludera"}, default "fel"
        What to do with invalid rows (a negative waiting time, a done date
        before the start date): raise an error naming the first one
        (default), or leave them out and count them in ``ogiltiga``.

    Returns
    -------
    pandas.DataFrame
        One row per group, snapshot or period, and limit (in that order),
        with the columns: the ``grupp`` columns; ``mätdatum`` (stock) or
        ``period`` (flow); ``gräns`` [dagar or timmar], ``gränsnamn``,
        ``enhet``; ``antal`` (denominator), ``antal_inom`` (numerator),
        ``andel`` [andel, 0-1] (NaN when ``antal`` is 0), ``nedre`` and
        ``övre`` (Wilson interval at ``konfidensnivå``), ``exkluderade`` (rows
        removed by any ``exkludera`` column) and ``exkluderade_<column>``
        per column (a row flagged twice counts in both, once in
        ``exkluderade``), ``saknade`` (rows with a missing waiting time or
        start date, left out), ``ogiltiga`` (invalid rows left out) and
        ``undertryckt`` (``antal < minsta_antal``).

    Raises
    ------
    SaknadKolumnError
        A named column is not in the data.
    FelTypError
        Dates that are not dates, waiting times that are not numbers,
        exclusion columns that are not boolean, a limit given as text.
    OgiltigtVärdeError
        Negative waiting times or done-before-start rows (with
        ``ogiltiga="fel"``), a limit that is negative or not a whole number
        of days (a share passed by mistake), an inconsistent choice of
        arguments, a limit in hours against a column in days.
    AndelsError
        ``konfidensnivå`` given as percent (95 instead of 0.95).
    SaknatTilläggError
        A Dask DataFrame was given but Dask cannot be imported.

    See Also
    --------
    sammanvägda_andelar : aggregate the result over months or units.
    VÅRDGARANTIN, BUP_30, DAGSGRÄNSER, AKUTGRÄNSER : the limits in use.

    Notes
    -----
    Within limit :math:`L` means a waiting time :math:`w \le L` (limits are
    inclusive). For the stock at snapshot :math:`t`, over rows with
    :math:`s \le t < e` (start :math:`s`, done :math:`e`, :math:`e = \infty`
    while waiting), :math:`w = t - s`; for the flow in period :math:`P`,
    over rows with :math:`e \in P`, :math:`w = e - s`. Then

    .. math::

        \hat p = \frac{x}{n},\qquad
        x = \#\{w \le L\},\quad n = \#\{\text{rows in the base, not excluded}\}

    and the Wilson score interval at level :math:`1 - \alpha`, with
    :math:`z = \Phi^{-1}(1 - \alpha / 2)` (``statistics.NormalDist().inv_cdf``):

    .. math::

        \frac{\hat p + \frac{z^2}{2n}}{1 + \frac{z^2}{n}}
        \pm \frac{z}{1 + \frac{z^2}{n}}
        \sqrt{\frac{\hat p (1 - \hat p)}{n} + \frac{z^2}{4 n^2}}

    which stays inside [0, 1] and is defined for :math:`x = 0` and
    :math:`x = n`. With :math:`n = 0` the share and interval are NaN.

    A row is counted in exactly one of ``saknade`` (missing start or
    waiting time), ``ogiltiga``, ``exkluderade`` or ``antal``, in that order
    of precedence, for each snapshot or period whose base it belongs to (a
    stock row with a missing start counts at each snapshot before its done
    date; an invalid stock row counts at the snapshots between its two
    dates).

    Algorithm: a row is in the stock at the snapshots with index
    :math:`i_0 \le i < i_1`, :math:`i_0 =` ``searchsorted(t, s)``,
    :math:`i_1 =` ``searchsorted(t, e)``, and within :math:`L` at
    :math:`i < ` ``searchsorted(t, s + L, "right")``; counts per group and
    snapshot come from ``bincount`` of +1 at :math:`(g, i_0)` and −1 at
    :math:`(g, i_1)` followed by a cumulative sum, so the cost is linear in
    the rows and independent of the number of snapshots.

    References
    ----------
    .. [1] Hälso- och sjukvårdslagen (2017:30) 9 kap. 1 § (vårdgarantin).
    .. [2] SKR, Väntetider i vården: the national model of measuring waiting
       times in specialised care on patients still waiting at month end, and
       on completed contacts in primary care; cells under 20 not published.
    .. [3] E. B. Wilson, "Probable inference, the law of succession, and
       statistical inference", J. Am. Stat. Assoc. 22 (1927) 209-212.

    Examples
    --------
    Waiting times as a list: 4 patients, two within 90 days (90 is within).

    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> r = hu.väntetidsandelar([10, 90, 91, 200], gränser=[30, 90], minsta_antal=1)
    >>> r[["gräns", "antal", "antal_inom", "andel"]]
       gräns  antal  antal_inom  andel
    0   30.0      4           1   0.25
    1   90.0      4           2   0.50

    The stock at two month ends and the flow of January, from event records:

    >>> d = pd.DataFrame({
    ...     "start": pd.to_datetime(["2022-10-01", "2023-01-10", "2022-12-01"]),
    ...     "slut": pd.to_datetime(["2023-02-15", None, "2023-01-20"]),
    ...     "pvv": [False, False, True],
    ... })
    >>> s = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut",
    ...     mätdatum=["2023-01-31", "2023-02-28"], exkludera="pvv", minsta_antal=1)
    >>> s[["mätdatum", "antal", "antal_inom", "andel", "exkluderade"]]
        mätdatum  antal  antal_inom  andel  exkluderade
    0 2023-01-31      2           1    0.5            0
    1 2023-02-28      1           1    1.0            0
    >>> f = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut",
    ...     period="2023-01", exkludera="pvv", minsta_antal=1)
    >>> f[["period", "antal", "exkluderade"]]
        period  antal  exkluderade
    0  2023-01      0            1
    """
    if enhet not in _ENHETER:
        raise OgiltigtVärdeError(f"enhet must be one of {_ENHETER!r}, got {enhet!r}")
    if ogiltiga not in ("fel", "exkludera"):
        raise OgiltigtVärdeError(
            f"ogiltiga must be 'fel' (raise) or 'exkludera' (leave out and count), got {ogiltiga!r}"
        )
    _kontrollera_nivå_och_minsta(konfidensnivå, minsta_antal)
    gränslista = _gränslista(gränser, enhet)

    # data: a frame, or waiting times themselves
    dask_läge = är_dask(data)
    if dask_läge:
        dd = importera_dask("dask.dataframe", för="väntetidsandelar")
        if isinstance(data, dd.Series):
            if väntetid is not None or start is not None:
                raise OgiltigtVärdeError(
                    "data is a Series of waiting times; väntetid/start/slut name columns of a "
                    "DataFrame: pass the DataFrame instead"
                )
            data = data.to_frame(name="väntetid")
            väntetid = "väntetid"
        elif not isinstance(data, dd.DataFrame):
            raise FelTypError(f"data must be a pandas or Dask DataFrame, got {type(data).__name__}")
    elif not isinstance(data, pd.DataFrame):
        if isinstance(data, (str, bytes, dict)):
            raise FelTypError(
                f"data must be a DataFrame or waiting times (numbers), got {type(data).__name__}"
            )
        if väntetid is not None or start is not None or slut is not None:
            raise OgiltigtVärdeError(
                "väntetid/start/slut name columns of a DataFrame, but data is "
                f"{type(data).__name__}; pass a DataFrame, or the waiting times alone"
            )
        if grupp is not None or exkludera is not None:
            raise OgiltigtVärdeError(
                "grupp and exkludera name columns: pass a DataFrame with those columns"
            )
        värden = data if isinstance(data, pd.Series) else np.atleast_1d(np.asarray(data))
        if isinstance(värden, np.ndarray) and värden.ndim != 1:
            raise OgiltigtVärdeError(
                f"waiting times must be one-dimensional, got shape {värden.shape}"
            )
        data = pd.DataFrame({"väntetid": pd.Series(värden).reset_index(drop=True)})
        väntetid = "väntetid"

    # mode
    if väntetid is not None:
        if start is not None or slut is not None:
            raise OgiltigtVärdeError(
                "give either väntetid (a column of waiting times) or start and slut "
                "(event dates), not both"
            )
        if mätdatum is not None or period is not None:
            raise OgiltigtVärdeError(
                "mätdatum and period apply to event records (start/slut); with a väntetid "
                "column, select the rows of the period before calling"
            )
        läge = "väntetid"
    else:
        if start is None or slut is None:
            raise OgiltigtVärdeError(
                "name the waiting times: väntetid='column', or start='column' and "
                "slut='column' (done date, empty while waiting)"
            )
        if (mätdatum is None) == (period is None):
            raise OgiltigtVärdeError(
                "with event records give exactly one of mätdatum (the stock still waiting "
                "at that date) and period (the flow done within it)"
            )
        läge = "bestånd" if mätdatum is not None else "flöde"

    grupp_t = _som_lista(grupp, "grupp")
    exkl_t = _som_lista(exkludera, "exkludera")
    kolumner = list(data.columns)
    kontrollera_kolumner(kolumner, [väntetid, start, slut, *grupp_t, *exkl_t], "väntetidsandelar")
    väntetid = _kolumnnamn(kolumner, väntetid) if väntetid is not None else None
    start = _kolumnnamn(kolumner, start) if start is not None else None
    slut = _kolumnnamn(kolumner, slut) if slut is not None else None
    grupp_t = tuple(_kolumnnamn(kolumner, c) for c in grupp_t)
    exkl_t = tuple(_kolumnnamn(kolumner, c) for c in exkl_t)
    reserverade = {
        "mätdatum",
        "period",
        "_tid",
        "_gräns",
        *_GRÄNSKOLUMNER,
        *_VÄRDEKOLUMNER,
    }
    for c in grupp_t:
        if c in reserverade or c.startswith("exkluderade_"):
            raise OgiltigtVärdeError(
                f"grupp column {c!r} has the name of a result column; rename it first"
            )

    plan = _Plan(
        läge=läge,
        väntetid=väntetid,
        start=start,
        slut=slut,
        grupp=grupp_t,
        exkludera=exkl_t,
        gränser=gränslista,
        enhet=enhet,
        mätdatum=_mätdatum(mätdatum) if läge == "bestånd" else (),
        perioder=_perioder(period) if läge == "flöde" else (),
        ogiltiga=ogiltiga,
    )
    if läge == "väntetid":
        for gr in gränslista:
            if gr.enhet != enhet:
                raise OgiltigtVärdeError(
                    f"the limit {gr.namn!r} is in {gr.enhet} but the column {väntetid!r} is "
                    f"in {enhet}; pass enhet={gr.enhet!r} if the column is in {gr.enhet}, "
                    f"or limits in {enhet}"
                )

    if dask_läge:
        meta = _räkna(data._meta, plan).iloc[:0]
        delar = data.map_partitions(_räkna, plan, meta=meta)
        tabell = delar.compute()
        nyckel = [*grupp_t, "_tid", "_gräns"]
        tabell = tabell.groupby(nyckel, sort=True, dropna=False, observed=True).sum().reset_index()
    else:
        tabell = _räkna(data, plan)
    return _slutför(tabell, plan, int(minsta_antal), float(konfidensnivå))


def sammanvägda_andelar(
    andelar: pd.DataFrame,
    *,
    över: str | Sequence[str],
    metod: str,
    minsta_antal: int = 20,
    konfidensnivå: float = 0.95,
) -> pd.DataFrame:
    r"""Aggregate a :func:`väntetidsandelar` result over months or units (:term:`sammanvägning`).

    The choice is explicit, and the result says which was made (column
    ``metod`` and ``attrs["metod"]``):

    - ``"poolad"`` (pooled): the sum of within-limit counts over the sum of
      totals, with a Wilson interval on the pooled counts. National figures
      (:term:`Riket`) are pooled, and so is a year-to-date share.
    - ``"medel"``: the unweighted mean of the parts' shares. Parts with no
      share (``antal`` 0) are left out of the mean and counted in
      ``delar_utan_andel``. A mean of shares has no Wilson interval:
      ``nedre`` and ``övre`` are NaN.

    Parameters
    ----------
    andelar : pandas.DataFrame
        A result of :func:`väntetidsandelar` (or of this function).
    över : str or list of str
        The key column(s) to aggregate over, e.g. ``"region"`` (national
        figures) or ``"mätdatum"`` (across months). The other key columns
        stay, and every limit stays apart.
    metod : {"poolad", "medel"}
        Pooled or mean of shares; no default, because the two can move in
        opposite directions.
    minsta_antal : int, default 20
        ``undertryckt`` is recomputed on the summed ``antal``.
    konfidensnivå : float, default 0.95
        Level of the Wilson interval of the pooled share [andel, 0-1].

    Returns
    -------
    pandas.DataFrame
        One row per remaining key and limit: the remaining keys, ``gräns``,
        ``gränsnamn``, ``enhet``, the summed counts (``antal``,
        ``antal_inom``, ``exkluderade``, ``exkluderade_<column>``,
        ``saknade``, ``ogiltiga``), ``andel``, ``nedre``, ``övre``,
        ``undertryckt``, ``delar`` (parts aggregated), ``delar_utan_andel``
        and ``metod``.

    Raises
    ------
    SaknadKolumnError
        ``över`` or a needed count column is not in ``andelar``.
    OgiltigtVärdeError
        An unknown ``metod``, or ``över`` names a limit column.

    See Also
    --------
    väntetidsandelar : the shares to aggregate.

    Notes
    -----
    Pooled over parts :math:`k`: :math:`\hat p = \sum_k x_k / \sum_k n_k`.
    Mean of shares: :math:`\bar p = \frac{1}{m} \sum_{k: n_k > 0} x_k / n_k`
    over the :math:`m` parts with a share. The two differ whenever the parts
    differ in size; summing stocks over months counts a patient once per
    month still waiting (patient-months).

    References
    ----------
    SKR, Väntetider i vården: national and regional shares are computed on
    the pooled counts (see also the References of :func:`väntetidsandelar`).

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> d = pd.DataFrame({"region": ["A"] * 4 + ["B"],
    ...                   "väntetid": [10, 20, 30, 100, 200]})
    >>> r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid", grupp="region",
    ...                         minsta_antal=1)
    >>> r[["region", "antal", "antal_inom", "andel"]]
      region  antal  antal_inom  andel
    0      A      4           3   0.75
    1      B      1           0   0.00
    >>> p = hu.sammanvägda_andelar(r, över="region", metod="poolad", minsta_antal=1)
    >>> p[["antal", "antal_inom", "andel", "metod"]]
       antal  antal_inom  andel   metod
    0      5           3    0.6  poolad
    >>> m = hu.sammanvägda_andelar(r, över="region", metod="medel", minsta_antal=1)
    >>> float(m["andel"].iloc[0]), m.attrs["metod"]
    (0.375, 'medel')
    """
    if metod not in ("poolad", "medel"):
        raise OgiltigtVärdeError(
            f"metod must be 'poolad' (sum of counts over sum of totals; national figures) "
            f"or 'medel' (mean of the parts' shares), got {metod!r}"
        )
    _kontrollera_nivå_och_minsta(konfidensnivå, minsta_antal)
    if not isinstance(andelar, pd.DataFrame):
        raise FelTypError(
            f"andelar must be the DataFrame väntetidsandelar returns, got {type(andelar).__name__}"
        )
    över_t = _som_lista(över, "över")
    if not över_t:
        raise OgiltigtVärdeError("över is empty: name the column(s) to aggregate over")
    kontrollera_kolumner(
        andelar.columns, [*över_t, "antal", "antal_inom", *_GRÄNSKOLUMNER], "sammanvägda_andelar"
    )
    över_t = tuple(_kolumnnamn(andelar.columns, c) for c in över_t)
    for c in över_t:
        if c in _GRÄNSKOLUMNER or c in _VÄRDEKOLUMNER or str(c).startswith("exkluderade_"):
            raise OgiltigtVärdeError(
                f"över={c!r} is not a key column; aggregate over group columns, mätdatum "
                "or period (every limit stays apart)"
            )
    räknekolumner = [
        c
        for c in andelar.columns
        if c in ("antal", "antal_inom", "exkluderade", "saknade", "ogiltiga")
        or str(c).startswith("exkluderade_")
    ]
    nycklar = [
        c
        for c in andelar.columns
        if c not in över_t and c not in _VÄRDEKOLUMNER and c not in räknekolumner
    ]
    arbete = andelar[[*nycklar, *räknekolumner]].copy()
    arbete["_andel"] = andelar["antal_inom"] / andelar["antal"].where(andelar["antal"] > 0)
    arbete["_utan"] = arbete["_andel"].isna().astype(np.int64)
    arbete["_delar"] = 1
    grupperat = arbete.groupby(nycklar, sort=True, dropna=False, observed=True)
    summor = grupperat[[*räknekolumner, "_utan", "_delar"]].sum()
    medel = grupperat["_andel"].mean()
    ut = summor.reset_index()
    x = ut["antal_inom"].to_numpy(dtype=float)
    n = ut["antal"].to_numpy(dtype=float)
    if metod == "poolad":
        with np.errstate(invalid="ignore", divide="ignore"):
            andel = np.where(n > 0, x / np.where(n > 0, n, 1.0), np.nan)
        nedre, övre = _wilson(x, n, float(konfidensnivå))
    else:
        andel = medel.to_numpy(dtype=float)
        nedre = np.full(len(ut), np.nan)
        övre = np.full(len(ut), np.nan)
    pos = list(ut.columns).index("antal_inom") + 1
    ut.insert(pos, "andel", andel)
    ut.insert(pos + 1, "nedre", nedre)
    ut.insert(pos + 2, "övre", övre)
    ut["undertryckt"] = ut["antal"].to_numpy() < int(minsta_antal)
    ut = ut.rename(columns={"_delar": "delar", "_utan": "delar_utan_andel"})
    ut["metod"] = metod
    ut.attrs["metod"] = metod
    ut.attrs["över"] = list(över_t)
    return ut
