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
months or units, pooled or as a mean of shares
(:class:`~halsouppfoljning.Aggregering`), and says which.

Input is read through the package's one input layer (columns up to Unicode
normal form, frames, numbers, dates: a timezone-aware timestamp is converted
to Swedish local time and its local calendar day is used). The counting
kernel lives in :mod:`halsouppfoljning.vantetider._rakning`: groups are
factorised once, counts come from :func:`numpy.bincount`, and a series of
snapshot dates never materialises rows × dates. A Dask DataFrame is counted
partition by partition; only the counts meet in one process.

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
import re
from collections.abc import Iterable, Sequence
from statistics import NormalDist
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import _indata
from ..exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from ..indikatorer import Aggregering
from ..organisation import är_riket
from ..perioder import Period
from . import _rakning

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
_NS_PER_DAG = 86_400 * 10**9
_VAD = "väntetidsandelar"

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

#: The columns of a :func:`väntetidsandelar` or :func:`sammanvägda_andelar` table
#: that are not group keys: the limit, the counts, the share with its interval
#: and the time (every other column, except the per-reason ``exkluderade_*``
#: counts, names a group). Plots and other tables use it to find the groups.
RESULTATKOLUMNER: frozenset[str] = frozenset(
    {*_GRÄNSKOLUMNER, *_VÄRDEKOLUMNER, "mätdatum", "period"}
)

#: A limit as callers give it: a Väntetidsgräns or a number of days (hours).
Gräns: TypeAlias = "Väntetidsgräns | float | int"
#: One period of the flow: a hu.Period, a pandas.Period, its text, or (från, till).
EnPeriod: TypeAlias = "Period | pd.Period | str | tuple[_indata.Datum, _indata.Datum]"


# --------------------------------------------------------------------------- limits


def _gräns_värde(värde: Any) -> float:
    return _indata.skalär(värde, "Väntetidsgräns.gräns", saknas=True, ändlig=False)


def _val_av(tillåtna: tuple[str, ...], namn: str) -> Any:
    def kontroll(instans: Any, attribut: attrs.Attribute[Any], värde: Any) -> None:
        if värde is None and namn == "bas":
            return
        if värde not in tillåtna:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.{namn} must be one of {tillåtna!r}, got {värde!r}"
            )

    return kontroll


def _namn(värde: Any) -> str:
    return _indata.text(värde, "Väntetidsgräns.namn")


def _enhet(värde: Any) -> str:
    return _indata.text(värde, "Väntetidsgräns.enhet")


def _bas(värde: Any) -> str | None:
    return _indata.valfri_text(värde, "Väntetidsgräns.bas")


def _källa(värde: Any) -> str:
    return _indata.text(värde, "Väntetidsgräns.källa", tom=True)


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

    namn: str = attrs.field(converter=_namn)
    gräns: float = attrs.field(converter=_gräns_värde)
    enhet: str = attrs.field(
        default="dagar", converter=_enhet, validator=_val_av(_ENHETER, "enhet")
    )
    bas: str | None = attrs.field(default=None, converter=_bas, validator=_val_av(_BASER, "bas"))
    källa: str = attrs.field(default="", converter=_källa)

    def __attrs_post_init__(self) -> None:
        g = self.gräns
        if not math.isfinite(g) or g < 0:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.gräns must be a finite waiting time >= 0 {self.enhet}, got {g!r}"
            )
        if g > _rakning.TIO_ÅR[self.enhet]:
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.gräns must be at most ten years ({_rakning.TIO_ÅR[self.enhet]:g} "
                f"{self.enhet}), got {g!r}; give the limit in {self.enhet}, e.g. 90"
            )
        if self.enhet == "dagar" and g != math.floor(g):
            raise OgiltigtVärdeError(
                f"Väntetidsgräns.gräns in dagar must be a whole number of days, got {g!r}: "
                "did you pass a share or percent (a target level such as 0.9 or '90 %') "
                "instead of a limit in days? Limits are waiting times, e.g. 90"
            )

    def väntetidsandelar(self, data: _indata.Ram | _indata.TalIn, **kwargs: Any) -> pd.DataFrame:
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
    elif isinstance(gränser, Iterable) and not isinstance(gränser, (dict, pd.DataFrame)):
        poster = list(gränser)
    else:
        raise FelTypError(
            f"väntetidsandelar: gränser must be a limit (a number of {enhet} or a "
            f"Väntetidsgräns) or a list of limits, got {_indata.kort(gränser)} of type "
            f"{type(gränser).__name__}; pass e.g. gränser=[30, 90] or hu.VÅRDGARANTIN"
        )
    if not poster:
        raise OgiltigtVärdeError(
            "väntetidsandelar: gränser is empty: pass at least one limit, e.g. gränser=90"
        )
    ut = []
    for post in poster:
        if isinstance(post, Väntetidsgräns):
            ut.append(post)
        elif isinstance(post, str):
            varför = ": a percent is a target level, not a limit" if "%" in post else " (not text)"
            raise FelTypError(
                f"väntetidsandelar: gränser takes waiting times (numbers of {enhet} or "
                f"Väntetidsgräns), got the text {_indata.kort(post)}{varför}; pass e.g. 90"
            )
        elif isinstance(post, (int, float, np.integer, np.floating)) and not isinstance(post, bool):
            try:
                ut.append(
                    Väntetidsgräns(namn=f"högst {float(post):g} {enhet}", gräns=post, enhet=enhet)
                )
            except OgiltigtVärdeError as fel:
                raise OgiltigtVärdeError(f"väntetidsandelar: gränser={post!r}: {fel}") from None
        else:
            raise FelTypError(
                f"väntetidsandelar: gränser must hold numbers of {enhet} or Väntetidsgräns, "
                f"got {_indata.kort(post)} of type {type(post).__name__}; pass e.g. gränser=90"
            )
    # the same limit twice would give the same rows twice (two limits of one number
    # with different names, as the vårdgaranti's two 90 days, are two limits)
    _indata.unika_nycklar(
        [(g.namn, g.gräns, g.enhet, g.bas) for g in ut],
        "gränser (by name, limit, unit and base)",
        "väntetidsandelar",
    )
    return tuple(ut)


# --------------------------------------------------------------------------- arguments


def _mätdatum(mätdatum: Any) -> tuple[pd.Timestamp, ...]:
    """Snapshot dates, sorted and distinct, by the package's date rule."""
    if isinstance(mätdatum, (str, dt.date, np.datetime64)) or not isinstance(mätdatum, Iterable):
        poster = [mätdatum]
    else:
        poster = list(mätdatum)
    if not poster:
        raise OgiltigtVärdeError(
            "väntetidsandelar: mätdatum is empty: pass at least one snapshot date"
        )
    datum = {_indata.tidpunkt(p, "väntetidsandelar: mätdatum") for p in poster}
    for d in datum:
        _indata.rimligt_datum(d, "väntetidsandelar: mätdatum")
    return tuple(sorted(datum))


_EPOK = dt.date(1970, 1, 1)

_ISO_PERIOD = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|Q[1-4])?")


def _dag(ts: pd.Timestamp) -> int:
    """Days since 1970-01-01 of a (naive, local) timestamp's calendar day.

    Counted on the calendar, not in nanoseconds, so that a date outside the
    nanosecond range of pandas (before 1677, after 2262) is no overflow.
    """
    return (ts.date() - _EPOK).days


def _en_period(p: Any) -> tuple[tuple[int, int], Any]:
    """First and last day (inclusive) of one period, and its label in the result."""
    if isinstance(p, tuple):
        if len(p) != 2:
            raise OgiltigtVärdeError(f"a period given as a tuple must be (från, till), got {p!r}")
        från, till = _indata.tidpunkt(p[0], "period"), _indata.tidpunkt(p[1], "period")
        if till < från:
            raise OgiltigtVärdeError(
                f"period ends before it starts: {p!r}; pass (från, till) with från <= till"
            )
        return (_dag(från), _dag(till)), pd.Interval(från, till, closed="both")
    if isinstance(p, Period):
        return (_dag(p.start), _dag(p.slut)), p
    if isinstance(p, str):
        text = _indata.text(p, "period")
        if _ISO_PERIOD.fullmatch(text):  # "2023", "2023-03", "2023Q1", "2023-03-15"
            try:
                p = pd.Period(text)
            except ValueError as fel:
                raise OgiltigtVärdeError(
                    f"period {text!r} is not a calendar period: {fel}"
                ) from fel
        else:  # the forms reports write, "T1 2023", "Delår 2023" (never read by dateutil)
            try:
                return _en_period(Period.tolka(text))
            except TolkningsError as fel:
                raise FelTypError(
                    f"period {p!r} is not a period such as '2023-03', '2023Q1', '2023', "
                    f"'T1 2023' or 'Delår 2023': {fel}"
                ) from fel
    if isinstance(p, pd.Period):
        return (_dag(p.start_time), _dag(p.end_time)), p
    raise FelTypError(
        f"period must be a halsouppfoljning.Period, a pandas.Period, a str such as '2023-03', "
        f"a tuple (från, till) of dates, or a list of these; got {p!r} of type "
        f"{type(p).__name__}"
    )


def _perioder(period: Any) -> tuple[tuple[tuple[int, int], ...], tuple[Any, ...]]:
    """The periods' day bounds and labels."""
    if isinstance(period, (tuple, str, pd.Period, Period)) or not isinstance(period, Iterable):
        poster = [period]
    else:
        poster = list(period)
    if not poster:
        raise OgiltigtVärdeError("period is empty: pass at least one period")
    delar = [_en_period(p) for p in poster]
    return tuple(d[0] for d in delar), tuple(d[1] for d in delar)


def _aggregering(metod: Any) -> Aggregering:
    """``metod`` of sammanvägda_andelar as the enum: POOLAD or MEDEL."""
    tillåtna = (Aggregering.POOLAD, Aggregering.MEDEL)
    val = None
    if isinstance(metod, Aggregering):
        val = metod
    elif isinstance(metod, str):
        try:
            val = Aggregering(_indata.nfc(metod).strip().casefold())
        except ValueError:
            val = None
    if val not in tillåtna:
        raise OgiltigtVärdeError(
            "metod must be Aggregering.POOLAD ('poolad': sum of counts over sum of totals; "
            "national figures) or Aggregering.MEDEL ('medel': mean of the parts' shares), "
            f"got {metod!r}"
        )
    assert val is not None
    return val


def _tabell(
    data: Any, väntetid: str | None, start: str | None, slut: str | None, andra: bool
) -> tuple[Any, str | None, bool]:
    """The data as a (pandas or Dask) frame, the waiting-time column, and whether Dask.

    A Series, array, list or scalar is taken as waiting times.
    """
    if isinstance(data, pd.DataFrame):
        return data, väntetid, False
    if _indata.är_dask_dataframe(data):
        return data, väntetid, True
    if _indata.är_dask(data):
        dd = _indata.importera_dask("dask.dataframe", för=_VAD)
        if not isinstance(data, dd.Series):
            _indata.ramtyp(data, _VAD)  # raises, naming the type
        if väntetid is not None or start is not None or slut is not None or andra:
            raise OgiltigtVärdeError(
                "data is a Series of waiting times; väntetid/start/slut/per/exkludera name "
                "columns of a DataFrame: pass the DataFrame instead"
            )
        return data.to_frame(name="väntetid"), "väntetid", True
    if not isinstance(data, (pd.Series, np.ndarray, list, tuple, range, numbers.Real)):
        _indata.ramtyp(data, _VAD)  # raises, naming the type and how to convert it
    if väntetid is not None or start is not None or slut is not None:
        raise OgiltigtVärdeError(
            "väntetid/start/slut name columns of a DataFrame, but data is "
            f"{type(data).__name__}; pass a DataFrame, or the waiting times alone"
        )
    if andra:
        raise OgiltigtVärdeError(
            "per and exkludera name columns: pass a DataFrame with those columns"
        )
    if isinstance(data, pd.Series):
        return pd.DataFrame({"väntetid": data.reset_index(drop=True)}), "väntetid", False
    värden = np.atleast_1d(_indata.tal_array(data, f"{_VAD}: data (waiting times)"))
    if värden.ndim != 1:
        raise OgiltigtVärdeError(f"waiting times must be one-dimensional, got shape {värden.shape}")
    return pd.DataFrame({"väntetid": värden}), "väntetid", False


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


def _kontrollera_nivå_och_minsta(konfidensnivå: Any, minsta_antal: Any) -> tuple[float, int]:
    nivå = _indata.skalär(konfidensnivå, "konfidensnivå")
    _indata.kontrollera_andel(nivå, "konfidensnivå")
    if not 0.0 < nivå < 1.0:
        raise OgiltigtVärdeError(
            f"konfidensnivå must be strictly between 0 and 1 (e.g. 0.95), got {konfidensnivå!r}"
        )
    minsta = _indata.heltal(minsta_antal, "minsta_antal")
    if minsta < 0:
        raise OgiltigtVärdeError(f"minsta_antal must be >= 0, got {minsta_antal!r}")
    return nivå, minsta


def _slutför(
    tabell: pd.DataFrame,
    plan: _rakning.Plan,
    gränser: tuple[Väntetidsgräns, ...],
    etiketter: tuple[Any, ...],
    minsta_antal: int,
    konfidensnivå: float,
) -> pd.DataFrame:
    """Add the time and limit columns, shares, Wilson intervals and the flag."""
    ut: dict[str, Any] = {c: tabell[c].array for c in plan.per}
    tid = tabell["_tid"].to_numpy(dtype=np.int64)
    if plan.läge == "bestånd":
        ut["mätdatum"] = pd.DatetimeIndex(list(plan.mätdatum)).take(tid)
    elif plan.läge == "flöde":
        namn = np.empty(len(etiketter), dtype=object)
        namn[:] = list(etiketter)
        ut["period"] = pd.Series(namn[tid], dtype=object)  # labels as given, never inferred
    gi = tabell["_gräns"].to_numpy(dtype=np.int64)
    ut["gräns"] = np.array([g.gräns for g in gränser], dtype=float)[gi]
    ut["gränsnamn"] = np.array([g.namn for g in gränser], dtype=object)[gi]
    ut["enhet"] = np.array([g.enhet for g in gränser], dtype=object)[gi]
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


@_indata.med_funktionsnamn(_VAD)
def väntetidsandelar(
    data: _indata.Ram | _indata.TalIn,
    *,
    gränser: Gräns | Sequence[Gräns],
    väntetid: str | None = None,
    start: str | None = None,
    slut: str | None = None,
    mätdatum: _indata.Datum | Sequence[_indata.Datum] | pd.DatetimeIndex | None = None,
    period: EnPeriod | Sequence[EnPeriod] | pd.PeriodIndex | None = None,
    per: str | Sequence[str] | None = None,
    exkludera: str | Sequence[str] | None = None,
    minsta_antal: int = 20,
    konfidensnivå: float = 0.95,
    enhet: Literal["dagar", "timmar"] = "dagar",
    ogiltiga: Literal["fel", "exkludera"] = "fel",
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
        times (no ``per`` then; the result is an aggregate, so no input
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
        and done date (*slut*, NaT while waiting). Timezone-aware columns
        are converted to Swedish local time (Europe/Stockholm), so
        00:30+01:00 and 23:30Z the day before are the same moment and day;
        naive columns are taken as local time.
    mätdatum : date or sequence of dates, optional
        Snapshot date(s) for the stock, e.g. every month end of a year
        (``pandas.date_range("2023-01-31", periods=12, freq="ME")``); one
        result row per date, in date order (a repeated date counts once). For
        limits in days, dates count as calendar days. ISO text, dates and
        timestamps (aware ones converted to Swedish local time).
    period : Period, pandas.Period, str, (från, till) tuple, or a list of these, optional
        Period(s) for the flow: ``hu.Period.tertial(2023, 1)``, ``"2023-03"``,
        ``pandas.Period("2023Q1")``, ``"T1 2023"``,
        ``("2023-01-01", "2023-03-31")`` (inclusive), or a list of them
        (overlapping periods are allowed). Rows count where the local
        calendar *date* of ``slut`` lies in the period. The result's
        ``period`` column holds what was passed (a text is read as a
        ``pandas.Period``, or as a ``Period`` for the report forms).
    per : str or list of str, optional
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
        with the columns: the ``per`` columns; ``mätdatum`` (stock) or
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

    A :class:`~halsouppfoljning.Period` works as a period, split ``per`` a column:

    >>> d["vårdtyp"] = ["första besök", "första besök", "operation"]
    >>> t1 = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut",
    ...     period=hu.Period.tertial(2023, 1), per="vårdtyp", minsta_antal=1)
    >>> t1[["vårdtyp", "antal", "antal_inom", "exkluderade"]]
            vårdtyp  antal  antal_inom  exkluderade
    0  första besök      1           0            0
    1     operation      1           1            0
    """
    if enhet not in _ENHETER:
        raise OgiltigtVärdeError(f"enhet must be one of {_ENHETER!r}, got {enhet!r}")
    if ogiltiga not in ("fel", "exkludera"):
        raise OgiltigtVärdeError(
            f"ogiltiga must be 'fel' (raise) or 'exkludera' (leave out and count), got {ogiltiga!r}"
        )
    nivå, minsta = _kontrollera_nivå_och_minsta(konfidensnivå, minsta_antal)
    gränslista = _gränslista(gränser, enhet)
    per_t = _indata.som_lista(per, "per")
    exkl_t = _indata.som_lista(exkludera, "exkludera")
    data, väntetid, dask_läge = _tabell(data, väntetid, start, slut, bool(per_t or exkl_t))

    # the base: a column of waiting times, the stock at snapshot dates, or the flow
    läge: str
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
        for gr in gränslista:
            if gr.enhet != enhet:
                raise OgiltigtVärdeError(
                    f"the limit {gr.namn!r} is in {gr.enhet} but the column {väntetid!r} is "
                    f"in {enhet}; pass enhet={gr.enhet!r} if the column is in {gr.enhet}, "
                    f"or limits in {enhet}"
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

    kolumner = list(data.columns)
    väntetid, start, slut = (
        None if c is None else _indata.kolumn(kolumner, c, _VAD, argument=a)
        for c, a in ((väntetid, "väntetid"), (start, "start"), (slut, "slut"))
    )
    per_t = _indata.kolumner(kolumner, per_t, _VAD)
    exkl_t = _indata.kolumner(kolumner, exkl_t, _VAD)
    # a column named twice in data would be read as a frame, not a column
    använda = {c for c in (väntetid, start, slut, *per_t, *exkl_t) if c is not None}
    _indata.unika_nycklar(
        [k for k in kolumner if k in använda], "the columns of data it reads", _VAD
    )
    reserverade = {"mätdatum", "period", "_tid", "_gräns", *_GRÄNSKOLUMNER, *_VÄRDEKOLUMNER}
    for c in per_t:
        if c in reserverade or c.startswith("exkluderade_"):
            raise OgiltigtVärdeError(
                f"per column {c!r} has the name of a result column; rename it first"
            )
    if läge != "väntetid":
        kolumnerna = data._meta if dask_läge else data
        datuminput: dict[str, Any] = {
            f"column {start!r} (start=)": kolumnerna[start],
            f"column {slut!r} (slut=)": kolumnerna[slut],
        }
        if isinstance(mätdatum, (str, dt.date, np.datetime64)) or not isinstance(
            mätdatum, Iterable
        ):
            datuminput["mätdatum"] = mätdatum
        else:
            datuminput.update({f"mätdatum[{i}]": d for i, d in enumerate(list(mätdatum))})
        _indata.samma_tidszonsslag(datuminput, _VAD)
    gränser_dagar, etiketter = _perioder(period) if läge == "flöde" else ((), ())
    plan = _rakning.Plan(
        läge=läge,
        gränser=tuple(g.gräns for g in gränslista),
        enheter=tuple(g.enhet for g in gränslista),
        väntetid=väntetid,
        start=start,
        slut=slut,
        per=per_t,
        exkludera=exkl_t,
        enhet=enhet,
        mätdatum=_mätdatum(mätdatum) if läge == "bestånd" else (),
        perioder=gränser_dagar,
        ogiltiga=ogiltiga,
    )

    if dask_läge:
        data = _indata.kontrollera_partitioner(data, _VAD)
        meta = _rakning.räkna(data._meta, plan).iloc[:0]
        delar = data.map_partitions(_rakning.räkna, plan, meta=meta)
        tabell = delar.compute()
        nyckel = [*per_t, "_tid", "_gräns"]
        tabell = tabell.groupby(nyckel, sort=True, dropna=False, observed=True).sum().reset_index()
    else:
        tabell = _rakning.räkna(data, plan)
    return _slutför(tabell, plan, gränslista, etiketter, minsta, nivå)


def _kontrollera_andelskolumn(andelar: pd.DataFrame, arbete: pd.DataFrame) -> None:
    """A given ``andel`` must agree with ``antal_inom / antal``: it is recomputed, never summed."""
    if "andel" not in andelar.columns:
        return
    givna = _indata.tal_array(andelar["andel"], "sammanvägda_andelar: andelar['andel']")
    x = arbete["antal_inom"].to_numpy(dtype=float)
    n = arbete["antal"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        väntad = np.where(n > 0, x / np.where(n > 0, n, 1.0), np.nan)
    fel = ~np.isnan(givna) & ~(np.abs(givna - väntad) <= 1e-9)
    if fel.any():
        i = int(np.flatnonzero(fel)[0])
        raise OgiltigtVärdeError(
            f"sammanvägda_andelar: andelar['andel'] is {float(givna[i])!r} in row "
            f"{_indata.kort(andelar.index[i], 30)}, but antal_inom / antal there is "
            f"{x[i]:g} / {n[i]:g}; andel is recomputed from the counts, so it must agree "
            "with them: correct the counts, or drop the andel column"
        )


@_indata.med_funktionsnamn("sammanvägda_andelar")
def sammanvägda_andelar(
    andelar: pd.DataFrame,
    *,
    metod: Aggregering | Literal["poolad", "medel"],
    per: str | Sequence[str] | None = None,
    minsta_antal: int = 20,
    konfidensnivå: float = 0.95,
) -> pd.DataFrame:
    r"""Aggregate a :func:`väntetidsandelar` result over months or units (:term:`sammanvägning`).

    The result is split ``per`` the key columns named; every other key
    column (groups, ``mätdatum``, ``period``) is aggregated over, and every
    limit stays apart. The choice of method is explicit, and the result says
    which was made (column ``metod`` and ``attrs["metod"]``, the enum's
    value):

    - ``Aggregering.POOLAD`` (``"poolad"``): the sum of within-limit counts
      over the sum of totals, with a Wilson interval on the pooled counts.
      National figures (:term:`Riket`) are pooled, and so is a year-to-date
      share.
    - ``Aggregering.MEDEL`` (``"medel"``): the unweighted mean of the parts' shares. Parts with no
      share (``antal`` 0) are left out of the mean and counted in
      ``delar_utan_andel``. A mean of shares has no Wilson interval:
      ``nedre`` and ``övre`` are NaN.

    Parameters
    ----------
    andelar : pandas.DataFrame
        A result of :func:`väntetidsandelar` (or of this function).
    metod : Aggregering or {"poolad", "medel"}
        Pooled or mean of shares (``Aggregering.POOLAD``,
        ``Aggregering.MEDEL`` or their string values); no default, because
        the two can move in opposite directions.
    per : str or list of str, optional
        The key column(s) the result is split by, e.g. ``"mätdatum"`` (the
        national figure per month, aggregated over the regions) or
        ``"region"`` (per region, over the months). None (the default)
        aggregates over every key column: one row per limit.
    minsta_antal : int, default 20
        ``undertryckt`` is recomputed on the summed ``antal``. The shares are
        recomputed from the counts too: an ``andel`` column in ``andelar``
        is not used, only checked (NaN, or ``antal_inom / antal``); ``nedre``,
        ``övre`` and ``undertryckt`` are not read at all (they depend on the
        level and the minimum of the call that made them).
    konfidensnivå : float, default 0.95
        Level of the Wilson interval of the pooled share [andel, 0-1].

    Returns
    -------
    pandas.DataFrame
        One row per ``per`` key and limit: the ``per`` columns, ``gräns``,
        ``gränsnamn``, ``enhet``, the summed counts (``antal``,
        ``antal_inom``, ``exkluderade``, ``exkluderade_<column>``,
        ``saknade``, ``ogiltiga``), ``andel``, ``nedre``, ``övre``,
        ``undertryckt``, ``delar`` (parts aggregated), ``delar_utan_andel``
        and ``metod``.

    Raises
    ------
    SaknadKolumnError
        ``per`` or a needed count column is not in ``andelar``.
    OgiltigtVärdeError
        A ``metod`` other than POOLAD and MEDEL, or ``per`` names a limit
        or value column; counts that are not whole numbers >= 0, an
        ``antal_inom`` above its ``antal``, a part given twice, a missing
        ``gräns`` or key (None, '' or NaN in a key column), an ``andel``
        that disagrees with the counts, a column given twice; a key column
        aggregated over that holds Riket (the whole country, already the sum
        of the regions: see :func:`är_riket`).
    FelTypError
        ``andelar`` is not a pandas DataFrame.

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
    >>> r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid", per="region",
    ...                         minsta_antal=1)
    >>> r[["region", "antal", "antal_inom", "andel"]]
      region  antal  antal_inom  andel
    0      A      4           3   0.75
    1      B      1           0   0.00
    >>> p = hu.sammanvägda_andelar(r, metod=hu.Aggregering.POOLAD, minsta_antal=1)
    >>> p[["antal", "antal_inom", "andel", "metod"]]
       antal  antal_inom  andel   metod
    0      5           3    0.6  poolad
    >>> m = hu.sammanvägda_andelar(r, metod="medel", minsta_antal=1)
    >>> float(m["andel"].iloc[0]), m.attrs["metod"]
    (0.375, 'medel')
    """
    val = _aggregering(metod)
    nivå, minsta = _kontrollera_nivå_och_minsta(konfidensnivå, minsta_antal)
    _indata.ramtyp(andelar, "sammanvägda_andelar", argument="andelar", dask=False)
    # a column named twice would be read as a frame, not a column
    _indata.unika_nycklar(list(andelar.columns), "the columns of andelar", "sammanvägda_andelar")
    per_t = _indata.som_lista(per, "per")
    _indata.kontrollera_kolumner(
        andelar.columns, ["antal", "antal_inom", *_GRÄNSKOLUMNER], "sammanvägda_andelar"
    )
    per_t = _indata.kolumner(andelar.columns, per_t, "sammanvägda_andelar")
    for c in per_t:
        if c in _GRÄNSKOLUMNER or c in _VÄRDEKOLUMNER or str(c).startswith("exkluderade_"):
            raise OgiltigtVärdeError(
                f"per={c!r} is not a key column; split by group columns, mätdatum or period "
                "(every limit stays apart anyway)"
            )
    räknekolumner = [
        c
        for c in andelar.columns
        if c in ("antal", "antal_inom", "exkluderade", "saknade", "ogiltiga")
        or str(c).startswith("exkluderade_")
    ]
    nycklar = [c for c in andelar.columns if c in per_t or c in _GRÄNSKOLUMNER]
    arbete = andelar[[*nycklar, *räknekolumner]].copy()
    for c in räknekolumner:
        arbete[c] = _indata.antal(andelar[c], f"sammanvägda_andelar: andelar[{c!r}]")
    _indata.kontrollera_delmängd(
        arbete["antal_inom"], arbete["antal"], "antal_inom", "antal", "sammanvägda_andelar"
    )
    gräns = _indata.tal(andelar["gräns"], "sammanvägda_andelar: andelar['gräns']")
    if np.isnan(gräns.to_numpy()).any():
        rad = int(np.flatnonzero(np.isnan(gräns.to_numpy()))[0])
        raise OgiltigtVärdeError(
            f"sammanvägda_andelar: andelar['gräns'] is missing (NaN) in row {rad}; every part "
            "needs its limit: pass a result of väntetidsandelar"
        )
    _kontrollera_andelskolumn(andelar, arbete)
    delnycklar = [c for c in andelar.columns if c not in räknekolumner and c not in _VÄRDEKOLUMNER]
    for c in delnycklar:
        tom = andelar[c].isna().to_numpy() | np.array(
            [isinstance(v, str) and not v.strip() for v in andelar[c].tolist()], dtype=bool
        )
        if tom.any():
            rad = andelar.index[int(np.flatnonzero(tom)[0])]
            raise OgiltigtVärdeError(
                f"sammanvägda_andelar: column {c!r} of andelar is missing "
                f"({_indata.kort(andelar[c].loc[rad], 20)}) in row {rad!r}; a part without its "
                f"key cannot be placed: fill in {c!r} or drop the row"
            )
        if c in per_t or c in _GRÄNSKOLUMNER:
            continue
        riket = [v for v in pd.unique(andelar[c].dropna()) if är_riket(v)]
        if riket:
            raise OgiltigtVärdeError(
                f"sammanvägda_andelar: column {c!r} holds {riket[0]!r}, which is Riket (the "
                "whole country): it already sums the regions, so pooling it with them counts "
                f"every patient twice; remove those rows (see hu.är_riket) or pass per={c!r}"
            )
    _indata.unika_nycklar(
        andelar[delnycklar], f"andelar (the parts, by {delnycklar})", "sammanvägda_andelar"
    )
    arbete["_andel"] = arbete["antal_inom"] / arbete["antal"].where(arbete["antal"] > 0)
    arbete["_utan"] = arbete["_andel"].isna().astype(np.int64)
    arbete["_delar"] = 1
    grupperat = arbete.groupby(nycklar, sort=True, dropna=False, observed=True)
    summor = grupperat[[*räknekolumner, "_utan", "_delar"]].sum()
    # a part with a missing count makes its group's count missing: never summed as 0
    saknas = (
        arbete[räknekolumner]
        .isna()
        .groupby([arbete[k] for k in nycklar], sort=True, dropna=False, observed=True)
        .any()
    )
    for c in räknekolumner:
        if saknas[c].any():
            summor[c] = summor[c].where(~saknas[c].to_numpy())
        else:
            summor[c] = summor[c].astype(np.int64)
    medel = grupperat["_andel"].mean()
    ut = summor.reset_index()
    x = ut["antal_inom"].to_numpy(dtype=float)
    n = ut["antal"].to_numpy(dtype=float)
    if val is Aggregering.POOLAD:
        with np.errstate(invalid="ignore", divide="ignore"):
            andel = np.where(n > 0, x / np.where(n > 0, n, 1.0), np.nan)
        nedre, övre = _wilson(x, n, nivå)
    else:
        andel = medel.to_numpy(dtype=float)
        nedre = np.full(len(ut), np.nan)
        övre = np.full(len(ut), np.nan)
    pos = list(ut.columns).index("antal_inom") + 1
    ut.insert(pos, "andel", andel)
    ut.insert(pos + 1, "nedre", nedre)
    ut.insert(pos + 2, "övre", övre)
    ut["undertryckt"] = ut["antal"].to_numpy() < minsta
    ut = ut.rename(columns={"_delar": "delar", "_utan": "delar_utan_andel"})
    ut["metod"] = val.value
    ut.attrs["metod"] = val.value
    ut.attrs["per"] = list(per_t)
    return ut
