"""Periods, rolling sums and changes: månad, tertial, delår, helår, R12, R18.

Follow-up reports cover a month, a tertial (four months), the delår
(January-August) or the full year (helår); indicators are accumulated year to
date (:term:`ackumulerat`) or over rolling 12 or 18 months (:term:`R12`, *R18*). The
functions here take a monthly :class:`pandas.Series` (a
:class:`~pandas.DatetimeIndex` or a monthly :class:`~pandas.PeriodIndex`) and
refuse gaps in the months rather than roll silently over them. Changes are
kept apart: :func:`procentuell_förändring` (relative) and
:func:`procentenheter` (difference of two shares).

Examples
--------
>>> import halsouppfoljning as hu
>>> round(hu.procentuell_förändring(0.788, 0.748), 4)
0.0535
>>> round(hu.procentenheter(0.788, 0.748), 4)
0.04
>>> str(hu.Period.tertial(2023, 1)), hu.Period.delår(2023).antal_månader
('T1 2023', 8)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import Datum, TalIn, datumkolumn, heltal, kontrollera_andel, tal_array, tidpunkt
from .exceptions import FelTypError, OgiltigtVärdeError
from .indikatorer import Periodicitet, Riktning

__all__ = [
    "Period",
    "ackumulerat",
    "procentenheter",
    "procentuell_förändring",
    "r12",
    "r18",
    "rullande",
    "tertial",
]

_Arr = npt.NDArray[np.float64]


def _elementvis(värde: TalIn, referens: TalIn, funktion: Callable[[_Arr, _Arr], _Arr]) -> Any:
    """Apply ``funktion`` to two float arrays; keep the shape of the input.

    A Series gives a Series (two Series are aligned on their index as pandas
    arithmetic does; a label present in only one gives NaN). A scalar pair gives
    a float, anything else an ndarray.
    """
    if isinstance(värde, pd.Series) or isinstance(referens, pd.Series):
        v: TalIn
        r: TalIn
        mall: pd.Series[Any]
        if isinstance(värde, pd.Series) and isinstance(referens, pd.Series):
            v, r = värde.align(referens)
            mall = v
        elif isinstance(värde, pd.Series):
            v, r, mall = värde, referens, värde
        else:
            v, r, mall = värde, referens, cast("pd.Series[Any]", referens)
        a = tal_array(v, "värde")
        b = tal_array(r, "referens")
        return pd.Series(funktion(a, b), index=mall.index, name=mall.name)
    ut = funktion(tal_array(värde, "värde"), tal_array(referens, "referens"))
    if ut.ndim == 0:
        return float(ut)
    return ut


def procentuell_förändring(
    värde: TalIn, referens: TalIn, *, riktning: Riktning | None = None
) -> Any:
    """Relative change (:term:`procentuell förändring`) of ``värde`` against ``referens``.

    Parameters
    ----------
    värde : float, array-like or Series
        The new value (any unit, the same as ``referens``).
    referens : float, array-like or Series
        The base: the same period last year, the previous month, a budget.
    riktning : Riktning, optional
        With :attr:`Riktning.LÄGRE_ÄR_BÄTTRE` the sign is turned so that a
        positive result is an improvement; :attr:`Riktning.HÖGRE_ÄR_BÄTTRE`
        keeps it. Default ``None``: the plain signed change.

    Returns
    -------
    float, ndarray or Series
        The change as a proportion [andel]: 0.41 means +41 %. NaN where the
        base is 0 or missing, or the value is missing. A Series keeps its
        index (two Series are aligned as in pandas arithmetic).

    Raises
    ------
    OgiltigtVärdeError
        If ``riktning`` is :attr:`Riktning.INOM_INTERVALL`: a band has no
        better direction, so a signed "improvement" is undefined.
    FelTypError
        If a value is text or ``riktning`` is not a :class:`Riktning`.

    Notes
    -----
    .. math:: \\Delta_\\% = \\frac{v - r}{|r|}

    Dividing by :math:`|r|` keeps the sign meaningful for a negative base (a
    result going from -100 to -50 mnkr is a +50 % change). Not the same as
    :func:`procentenheter`: a share going from 74,8 % to 78,8 % rose 5,3
    procent but 4 procentenheter.

    See Also
    --------
    procentenheter : the difference of two shares.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.procentuell_förändring(141, 100)
    0.41
    >>> round(hu.procentuell_förändring(94, 140, riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE), 4)
    0.3286
    >>> hu.procentuell_förändring([10, 5], [0, float("nan")])
    array([nan, nan])

    References
    ----------
    Statistiska centralbyrån, "Procent och procentenheter",
    https://www.scb.se/ (the two notions kept apart).
    """
    tecken = _tecken(riktning)

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ut = (a - b) / np.abs(b)
        ut = np.where(b == 0, np.nan, ut)
        return np.asarray(ut * tecken + 0.0, dtype=float)

    return _elementvis(värde, referens, beräkna)


def _tecken(riktning: Riktning | None) -> float:
    if riktning is None or riktning is Riktning.HÖGRE_ÄR_BÄTTRE:
        return 1.0
    if riktning is Riktning.LÄGRE_ÄR_BÄTTRE:
        return -1.0
    if riktning is Riktning.INOM_INTERVALL:
        raise OgiltigtVärdeError(
            "riktning=Riktning.INOM_INTERVALL has no better direction: a change towards a "
            "band is an improvement from one side and a worsening from the other. Pass "
            "riktning=None for the plain signed change, or assess against the band with "
            "måluppfyllelse()"
        )
    raise FelTypError(
        f"riktning must be a Riktning (HÖGRE_ÄR_BÄTTRE or LÄGRE_ÄR_BÄTTRE) or None, "
        f"got {riktning!r}"
    )


def procentenheter(värde: TalIn, referens: TalIn) -> Any:
    """Difference of two shares in percentage points (:term:`procentenheter`).

    Parameters
    ----------
    värde : float, array-like or Series
        The new share [andel, 0-1].
    referens : float, array-like or Series
        The earlier share [andel, 0-1].

    Returns
    -------
    float, ndarray or Series
        ``värde - referens`` in share units: 0.04 means 4 procentenheter.
        NaN where either is missing. A Series keeps its index.

    Raises
    ------
    AndelsError
        If a value is outside [0, 1] ("did you pass percent?").

    Notes
    -----
    .. math:: \\Delta_{pe} = v - r

    See Also
    --------
    procentuell_förändring : the relative change.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> round(hu.procentenheter(0.788, 0.748), 10)
    0.04
    >>> hu.procentenheter(78.8, 74.8)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.AndelsError: värde must be a share ... did you pass percent? ...

    References
    ----------
    Statistiska centralbyrån, "Procent och procentenheter"; Region Västmanland,
    Månadsrapport februari 2023, line 397 ("4 procentenheter bättre").
    """

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        kontrollera_andel(a, "värde")
        kontrollera_andel(b, "referens")
        return np.asarray(a - b, dtype=float)

    return _elementvis(värde, referens, beräkna)


# --------------------------------------------------------------------------- periods

_TYP_TEXT = {
    Periodicitet.DELÅR: "Delår",
    Periodicitet.HELÅR: "Helår",
}


def _kontrollera_år(år: object) -> int:
    return heltal(år, "Period: år (an int such as 2023)", minst=1900, högst=2200)


@attrs.frozen(kw_only=True)
class Period:
    """A reporting period (*period*): a month, a tertial, the delår or the full year.

    Build one with :meth:`månad`, :meth:`tertial`, :meth:`delår`, :meth:`helår`
    or :meth:`tolka`.

    Parameters
    ----------
    typ : Periodicitet
        ``MÅNAD``, ``TERTIAL`` (T1 January-April, T2 May-August, T3
        September-December), ``DELÅR`` (January-August, the delårsrapport)
        or ``HELÅR``.
    år : int
        The calendar year.
    nummer : int, optional
        The month (1-12) or the tertial (1-3); ``None`` for delår and helår.

    Raises
    ------
    OgiltigtVärdeError
        For a month outside 1-12, a tertial outside 1-3, or a number given
        for delår or helår.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> t2 = hu.Period.tertial(2023, 2)
    >>> t2.start, t2.slut
    (Timestamp('2023-05-01 00:00:00'), Timestamp('2023-08-31 00:00:00'))
    >>> [str(m) for m in t2.månader]
    ['2023-05', '2023-06', '2023-07', '2023-08']
    >>> hu.Period.tolka("Delår 2023") == hu.Period.delår(2023)
    True
    """

    typ: Periodicitet = attrs.field(validator=attrs.validators.instance_of(Periodicitet))
    år: int = attrs.field(converter=_kontrollera_år)
    nummer: int | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        n = self.nummer
        if self.typ in (Periodicitet.DELÅR, Periodicitet.HELÅR):
            if n is not None:
                raise OgiltigtVärdeError(
                    f"Period {self.typ.value} takes no nummer, got nummer={n!r}"
                )
            return
        övre = 12 if self.typ is Periodicitet.MÅNAD else 3
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= övre:
            raise OgiltigtVärdeError(f"Period {self.typ.value} needs nummer in 1-{övre}, got {n!r}")

    @classmethod
    def månad(cls, år: int, månad: int) -> Period:
        """One calendar month.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Period.månad(2023, 2))
        '2023-02'
        """
        return cls(typ=Periodicitet.MÅNAD, år=år, nummer=månad)

    @classmethod
    def tertial(cls, år: int, tertial: int) -> Period:
        """A tertial: T1 January-April, T2 May-August, T3 September-December.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.tertial(2023, 3).start.month
        9
        """
        return cls(typ=Periodicitet.TERTIAL, år=år, nummer=tertial)

    @classmethod
    def delår(cls, år: int) -> Period:
        """The delår: January to August (the period of the delårsrapport).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.delår(2023).slut
        Timestamp('2023-08-31 00:00:00')
        """
        return cls(typ=Periodicitet.DELÅR, år=år)

    @classmethod
    def helår(cls, år: int) -> Period:
        """The full calendar year (helår).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.helår(2023).antal_månader
        12
        """
        return cls(typ=Periodicitet.HELÅR, år=år)

    @classmethod
    def tolka(cls, text: str) -> Period:
        """Read a period as reports write it.

        Parameters
        ----------
        text : str
            ``"2023-02"``, ``"T1 2023"``, ``"Tertial 2 2023"``, ``"Delår 2023"``,
            ``"Helår 2023"``, ``"2023"``.

        Returns
        -------
        Period

        Raises
        ------
        TolkningsError
            For any other text; the message quotes it.

        Notes
        -----
        The grammar lives in the text edge,
        :func:`halsouppfoljning.tolka.perioder.tolka_period`; this method
        hands off to it.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.tolka("tertial 2 2023") == hu.Period.tertial(2023, 2)
        True
        """
        from .tolka.perioder import tolka_period  # noqa: PLC0415 - the edge, on demand

        return tolka_period(text)

    @property
    def första_månad(self) -> int:
        """The first calendar month of the period (1-12)."""
        if self.typ is Periodicitet.MÅNAD:
            return int(self.nummer or 1)
        if self.typ is Periodicitet.TERTIAL:
            return 4 * (int(self.nummer or 1) - 1) + 1
        return 1

    @property
    def antal_månader(self) -> int:
        """The number of months the period covers."""
        return {
            Periodicitet.MÅNAD: 1,
            Periodicitet.TERTIAL: 4,
            Periodicitet.DELÅR: 8,
            Periodicitet.HELÅR: 12,
        }[self.typ]

    @property
    def månader(self) -> pd.PeriodIndex:
        """The months of the period as a monthly :class:`~pandas.PeriodIndex`."""
        start = pd.Period(year=self.år, month=self.första_månad, freq="M")
        return pd.period_range(start, periods=self.antal_månader, freq="M")

    @property
    def start(self) -> pd.Timestamp:
        """The first day of the period."""
        return pd.Timestamp(year=self.år, month=self.första_månad, day=1)

    @property
    def slut(self) -> pd.Timestamp:
        """The last day of the period."""
        return pd.Timestamp(self.månader[-1].end_time.normalize())

    def __str__(self) -> str:
        if self.typ is Periodicitet.MÅNAD:
            return f"{self.år}-{int(self.nummer or 0):02d}"
        if self.typ is Periodicitet.TERTIAL:
            return f"T{self.nummer} {self.år}"
        return f"{_TYP_TEXT[self.typ]} {self.år}"


def tertial(datum: Datum | Sequence[Datum] | pd.Index | pd.Series[Any]) -> Any:
    """The tertial (1-3) of dates or months: T1 January-April, T2 May-August, T3 the rest.

    Parameters
    ----------
    datum : date-like, sequence, DatetimeIndex, PeriodIndex or Series
        Dates or monthly periods.

    Returns
    -------
    int, ndarray of int or Series
        A Series keeps its index.

    Raises
    ------
    OgiltigtVärdeError
        If a date is missing (NaT).

    Notes
    -----
    .. math:: T = \\lfloor (m - 1) / 4 \\rfloor + 1

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tertial("2023-02-15")
    1
    >>> hu.tertial(["2023-05-01", "2023-12-31"])
    array([2, 3])
    """
    if isinstance(datum, pd.Series):
        månad = _månader_av(datum.to_numpy())
        return pd.Series((månad - 1) // 4 + 1, index=datum.index, name=datum.name)
    ett = not isinstance(datum, (pd.Index, list, tuple, np.ndarray))
    månad = _månader_av([datum] if ett else datum)
    ut = (månad - 1) // 4 + 1
    return int(ut[0]) if ett else ut


def _månader_av(datum: Any) -> npt.NDArray[np.int64]:
    """The calendar months (1-12) of dates by the package's date rule, or of monthly periods."""
    if isinstance(datum, pd.PeriodIndex):
        if datum.hasnans:
            raise OgiltigtVärdeError("tertial: a period is missing (NaT)")
        return np.asarray(datum.month, dtype=np.int64)
    serie = pd.Series(datum if isinstance(datum, (pd.Series, pd.Index)) else list(datum))
    if len(serie) and serie.isna().all():
        raise OgiltigtVärdeError("tertial: a date is missing (NaT); drop or fill it first")
    if pd.api.types.infer_dtype(serie, skipna=True) == "string":
        unika = pd.unique(serie.to_numpy(dtype=object))
        karta = {v: tidpunkt(v, "tertial: datum") for v in unika if isinstance(v, str)}
        serie = serie.map(karta)
    tider = pd.DatetimeIndex(datumkolumn(serie, "datum", "tertial"))
    if tider.hasnans:
        raise OgiltigtVärdeError("tertial: a date is missing (NaT); drop or fill it first")
    return np.asarray(tider.month, dtype=np.int64)


# --------------------------------------------------------------------------- monthly series


def _månadsindex(serie: Any, funktion: str) -> pd.PeriodIndex:
    """The monthly PeriodIndex of ``serie``; refuse gaps, duplicates and disorder."""
    if not isinstance(serie, pd.Series):
        raise FelTypError(
            f"{funktion} expects a pandas Series of monthly values with a DatetimeIndex or a "
            f"monthly PeriodIndex, got {type(serie).__name__}"
        )
    index = serie.index
    if isinstance(index, pd.PeriodIndex):
        if index.freqstr not in ("M", "ME"):
            raise OgiltigtVärdeError(
                f"{funktion}: the PeriodIndex has frequency {index.freqstr!r}; monthly ('M') "
                "values are needed"
            )
        månader = index
    elif isinstance(index, pd.DatetimeIndex):
        if index.hasnans:
            raise OgiltigtVärdeError(f"{funktion}: the index has a missing date (NaT)")
        månader = index.to_period("M")
    else:
        raise FelTypError(
            f"{funktion}: the Series needs a DatetimeIndex or a monthly PeriodIndex, got "
            f"{type(index).__name__}"
        )
    if len(månader) == 0:
        return månader
    if månader.has_duplicates:
        dubbel = månader[månader.duplicated()][0]
        raise OgiltigtVärdeError(
            f"{funktion}: the month {dubbel} occurs more than once; aggregate to one value per "
            "month first"
        )
    nummer = np.asarray(månader.year, dtype=np.int64) * 12 + np.asarray(månader.month) - 1
    steg = np.diff(nummer)
    if (steg < 0).any():
        raise OgiltigtVärdeError(
            f"{funktion}: the months are not in order; call .sort_index() first"
        )
    if (steg > 1).any():
        förväntat = pd.period_range(månader[0], månader[-1], freq="M")
        saknas = förväntat.difference(månader)
        visa = ", ".join(str(m) for m in saknas[:6]) + (" ..." if len(saknas) > 6 else "")
        raise OgiltigtVärdeError(
            f"{funktion}: {len(saknas)} month(s) missing between {månader[0]} and "
            f"{månader[-1]}: {visa}. Add them (as NaN if unknown) rather than rolling over "
            "the gap"
        )
    return månader


def _kontrollera_metod(metod: str, funktion: str) -> None:
    if metod not in ("summa", "medel"):
        raise OgiltigtVärdeError(f"{funktion}: metod must be 'summa' or 'medel', got {metod!r}")


def rullande(serie: pd.Series[float], månader: int, *, metod: str = "summa") -> pd.Series[float]:
    r"""Rolling sum or mean over the last ``månader`` months of a monthly series.

    Parameters
    ----------
    serie : Series
        One value per month, indexed by a :class:`~pandas.DatetimeIndex` or a
        monthly :class:`~pandas.PeriodIndex`, in order and without gaps.
    månader : int
        The window, e.g. 12 (R12) or 18 (R18).
    metod : {"summa", "medel"}
        Sum (counts, costs) or mean of the monthly values. For a pooled
        share, roll numerator and denominator with ``"summa"`` and divide.

    Returns
    -------
    Series
        Same index and name. NaN for the first ``månader - 1`` months (a full
        window is needed) and for every window containing a NaN.

    Raises
    ------
    OgiltigtVärdeError
        If months are missing, duplicated or out of order, or ``månader`` < 1.
    FelTypError
        If ``serie`` is not a Series with a date or month index.

    Notes
    -----
    .. math:: R_n(t) = \\sum_{i=0}^{n-1} x_{t-i}

    See Also
    --------
    r12, r18, ackumulerat

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series([1.0, 2, 3, 4], index=pd.period_range("2023-01", periods=4, freq="M"))
    >>> hu.rullande(s, 3).tolist()
    [nan, nan, 6.0, 9.0]
    >>> hu.rullande(s, 2, metod="medel").tolist()
    [nan, 1.5, 2.5, 3.5]

    References
    ----------
    Region Värmland, Årsredovisning 2023: indicators "redovisas per rullande
    12-månadersperiod" (vårdskador) and "rullande 18-månadersperiod"
    (depression, diabetes).
    """
    månader = heltal(månader, "rullande: månader", minst=1)
    _kontrollera_metod(metod, "rullande")
    _månadsindex(serie, "rullande")
    värden = pd.Series(np.asarray(serie, dtype=float), index=serie.index, name=serie.name)
    fönster = värden.rolling(int(månader), min_periods=int(månader))
    ut = fönster.sum() if metod == "summa" else fönster.mean()
    return ut


def r12(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    """Rolling 12 months (:term:`R12`): :func:`rullande` with ``månader=12``.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series(1.0, index=pd.date_range("2022-01-01", periods=13, freq="MS"))
    >>> hu.r12(s).iloc[-2:].tolist()
    [12.0, 12.0]
    """
    return rullande(serie, 12, metod=metod)


def r18(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    """Rolling 18 months (*R18*): :func:`rullande` with ``månader=18``.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series(2.0, index=pd.period_range("2022-01", periods=18, freq="M"))
    >>> float(hu.r18(s, metod="medel").iloc[-1])
    2.0
    """
    return rullande(serie, 18, metod=metod)


def ackumulerat(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    r"""Year-to-date accumulation (:term:`ackumulerat`, "ack") of a monthly series.

    Parameters
    ----------
    serie : Series
        One value per month (DatetimeIndex or monthly PeriodIndex), in order,
        without gaps. It may start in any month; each calendar year starts
        afresh in January.
    metod : {"summa", "medel"}
        Sum since January, or mean of the months since January.

    Returns
    -------
    Series
        Same index and name. After a NaN month the rest of that year is NaN
        (the year-to-date value is unknown); the next year starts afresh.

    Raises
    ------
    OgiltigtVärdeError
        If months are missing, duplicated or out of order.

    Notes
    -----
    .. math:: A(t) = \\sum_{i = \\mathrm{jan}}^{t} x_i

    A series starting mid-year accumulates from its first month, which is
    then not a true year-to-date value: start it in January.

    See Also
    --------
    rullande

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series([1.0, 2, 3, 4], index=pd.period_range("2022-11", periods=4, freq="M"))
    >>> hu.ackumulerat(s).tolist()
    [1.0, 3.0, 3.0, 7.0]

    References
    ----------
    Region Värmland, Årsredovisning 2023: "Måluppfyllelsen styrs av det
    ackumulerade utfallet under året"; Region Västmanland, Månadsrapport
    februari 2023 ("Sjukfrånvaro, ack").
    """
    _kontrollera_metod(metod, "ackumulerat")
    månader = _månadsindex(serie, "ackumulerat")
    x = np.asarray(serie, dtype=float)
    if x.size == 0:
        return pd.Series(x, index=serie.index, name=serie.name)
    år = np.asarray(månader.year, dtype=np.int64)
    ny = np.r_[True, år[1:] != år[:-1]]
    grupp = np.cumsum(ny) - 1
    start = np.flatnonzero(ny)
    saknas = np.isnan(x)
    totalt = np.cumsum(np.where(saknas, 0.0, x))
    före = np.r_[0.0, totalt][start][grupp]
    summa = totalt - före
    nan_antal = np.cumsum(saknas)
    nan_före = np.r_[0, nan_antal][start][grupp]
    summa = np.where(nan_antal - nan_före > 0, np.nan, summa)
    if metod == "medel":
        antal = np.arange(x.size) - start[grupp] + 1
        summa = summa / antal
    return pd.Series(summa, index=serie.index, name=serie.name)
