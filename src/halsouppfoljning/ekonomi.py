"""Economy: budget deviation, periodised budgets and cost development.

Sign convention (see the user guide's economy page): a **positive deviation is
favourable** (a surplus, a lower cost, a higher revenue). Swedish result
statements store costs as negative numbers; then every line's
:term:`budgetavvikelse` is ``utfall - budget``. Costs given as positive
numbers use ``typ="kostnad"``: ``budget - utfall``.

Year-to-date comparisons use the :term:`periodiserad budget` for the months
elapsed, which is not the annual budget times months/12.

Examples
--------
>>> import halsouppfoljning as hu
>>> round(hu.budgetavvikelse(-174.1, -8.5), 1)
-165.6
>>> hu.budgetavvikelse(8954, 8022, typ="kostnad")
-932.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    TalIn,
    boolesk,
    givna_tal,
    heltal,
    med_funktionsnamn,
    rimliga_tal,
    samma_längd,
    skalär,
    tal,
    tal_array,
    text,
    unika_nycklar,
)
from ._indata import andel as som_andel
from .exceptions import FelTypError, OgiltigtVärdeError
from .perioder import Period

__all__ = [
    "Kolumnsumma",
    "ackumulerad_avvikelse",
    "ackumulerad_budget",
    "budgetavvikelse",
    "budgetbrygga",
    "kolumnsumma",
    "kostnadsutveckling",
    "periodiserad_budget",
    "uppräkning",
]

_TYPER = ("resultat", "kostnad", "intäkt")
_PROFILER = ("linjär", "vikter", "föregående år")


#: Amounts as callers give them: a number, numbers, a Series or a DataFrame of numbers.
Belopp: TypeAlias = "TalIn | pd.DataFrame"
#: Adjustment items: a number, numbers, a mapping of item name to amount, or a DataFrame
#: with one column per item.
Poster: TypeAlias = "TalIn | Mapping[str, float] | pd.DataFrame"
_Typ = Literal["resultat", "kostnad", "intäkt"]
_Profil = Literal["linjär", "vikter", "föregående år"]


def _utan_noll(värde: Any) -> Any:
    """``värde`` with zeros as NaN (an empty denominator gives NaN, not inf)."""
    if isinstance(värde, pd.Series):
        return värde.where(värde != 0)
    if isinstance(värde, pd.DataFrame):
        return värde.where(värde != 0)
    if isinstance(värde, float):
        return värde if värde != 0 else np.nan
    return np.where(värde == 0, np.nan, värde)


def _kontrollera_typ(typ: str, vad: str = "budgetavvikelse") -> str:
    t = text(typ, f"{vad}: typ").casefold()
    if t not in _TYPER:
        raise OgiltigtVärdeError(
            f"{vad}: typ must be one of {list(_TYPER)}, got {typ!r}. Use "
            "'resultat' for signed lines (costs negative), 'kostnad' for costs given as "
            "positive numbers, 'intäkt' for revenues"
        )
    return str(t)


def _belopp(värde: Any, namn: str) -> Any:
    """Amounts as :func:`~halsouppfoljning._indata.givna_tal` gives them, checked to stay
    below 10^15 in magnitude (no follow-up figure comes near it: a unit or data error)."""
    ut = givna_tal(värde, namn)
    if isinstance(ut, np.ndarray) and ut.ndim > 1:
        raise FelTypError(
            f"{namn} must be a number, a 1-D sequence, a Series or a DataFrame, got an array of "
            f"shape {ut.shape}; pass one column (e.g. arr[:, 0]) or a DataFrame"
        )
    rimliga_tal(ut.to_numpy() if isinstance(ut, pd.DataFrame) else ut, namn)
    return ut


def _samma_form(a: Any, b: Any, namn_a: str, namn_b: str, vad: str) -> None:
    """Raise unless two amounts pair up: one is a single number, or both have the same
    length (and, for pandas objects, the same index; for two frames, the same columns)."""
    if np.ndim(a) == 0 or np.ndim(b) == 0:
        return
    samma_längd(a, b, namn_a, namn_b, vad)
    if (
        isinstance(a, pd.DataFrame)
        and isinstance(b, pd.DataFrame)
        and not a.columns.equals(b.columns)
    ):
        raise OgiltigtVärdeError(
            f"{vad}: {namn_a} and {namn_b} have different columns ({list(a.columns)!r} and "
            f"{list(b.columns)!r}); select the same columns in both first"
        )
    if isinstance(a, pd.DataFrame) != isinstance(b, pd.DataFrame):
        raise FelTypError(
            f"{vad}: {namn_a} and {namn_b} must both be tables (DataFrame) or both not: "
            f"got a {type(a).__name__} and a {type(b).__name__}; pass one column, e.g. "
            "df['ack'], or a number"
        )


def _avvikelse(
    utfall: Belopp,
    budget: Belopp,
    typ: str,
    relativ: bool,
    *,
    vad: str,
    namn_utfall: str,
    namn_budget: str,
) -> Any:
    """:func:`budgetavvikelse`, with the function and argument names of the caller."""
    t = _kontrollera_typ(typ, vad)
    # no magnitude check here: prognos and rapport call budgetavvikelse with their own
    # amounts, and check them in their own name
    u = givna_tal(utfall, f"{vad}: {namn_utfall}")
    b = givna_tal(budget, f"{vad}: {namn_budget}")
    _samma_form(u, b, namn_utfall, namn_budget, vad)
    avvikelse = b - u if t == "kostnad" else u - b
    if boolesk(relativ, f"{vad}: relativ"):
        avvikelse = _kvot(avvikelse, abs(b), namn_budget, vad)
    return avvikelse


def _kvot(täljare: Any, nämnare: Any, namn: str, vad: str) -> Any:
    """``täljare / nämnare`` (a zero ``nämnare`` gives NaN); a ``nämnare`` so close to zero
    that the ratio overflows or reaches 10^15 is an error naming the argument ``namn``."""
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        ut = täljare / _utan_noll(nämnare)
    arr = np.asarray(ut, dtype=np.float64)
    orimlig = np.abs(np.where(np.isnan(arr), 0.0, arr)) >= 1e15
    if orimlig.any():
        plats = int(np.flatnonzero(np.ravel(orimlig))[0])
        nv = float(
            np.broadcast_to(np.asarray(nämnare, dtype=np.float64), orimlig.shape).ravel()[plats]
        )
        var = f" at position {plats}" if orimlig.size > 1 else ""
        raise OgiltigtVärdeError(
            f"{vad}: {namn} {nv:g}{var} is so close to zero that the relative figure is beyond "
            f"any report (|ratio| >= 1e15); check the unit and the figure of {namn} (a zero "
            f"{namn} gives NaN)"
        )
    return ut


def budgetavvikelse(
    utfall: Belopp, budget: Belopp, *, typ: _Typ = "resultat", relativ: bool = False
) -> Any:
    """Deviation from budget (:term:`budgetavvikelse`), positive when favourable.

    Parameters
    ----------
    utfall : float, array-like, Series or DataFrame
        The outcome [mnkr, or any money unit shared with ``budget``].
    budget : float, array-like, Series or DataFrame
        The budget for the same period [same unit]. For a year-to-date outcome
        pass the year-to-date (periodised) budget, see
        :func:`ackumulerad_budget`.
    typ : {"resultat", "kostnad", "intäkt"}
        How the amounts are signed. ``"resultat"`` (default, the convention of
        Swedish result statements): signed amounts, costs negative;
        ``"intäkt"``: revenues as positive numbers; ``"kostnad"``: costs as
        positive numbers.
    relativ : bool
        If true, divide by ``|budget|`` [andel]; a zero budget gives NaN.

    Returns
    -------
    float, ndarray, Series or DataFrame
        The deviation [unit of the input] or, with ``relativ=True``, the
        relative deviation [andel]. Scalars give a float, lists and arrays an
        ndarray; pandas objects keep their index. NaN in gives NaN out.

    Raises
    ------
    OgiltigtVärdeError
        If ``typ`` is not one of the three; if an amount is infinite; if
        ``utfall`` and ``budget`` differ in length, or are pandas objects with
        different indexes (or frames with different columns): the message
        gives both. One of them may be a single number.
    FelTypError
        If the amounts are not numbers (e.g. printed text: read it with
        :func:`~halsouppfoljning.tolka_tal` first), or one is a DataFrame and
        the other a sequence.

    Notes
    -----
    .. math::

        \\text{avvikelse} = \\begin{cases}
            U - B & \\text{resultat, intäkt}\\\\
            B - U & \\text{kostnad (positive numbers)}
        \\end{cases}
        \\qquad
        \\text{relativ} = \\frac{\\text{avvikelse}}{|B|}

    With costs stored negative (``typ="resultat"``) and costs stored positive
    (``typ="kostnad"``) the same line gives the same deviation, so the sign
    means the same everywhere: positive is favourable.

    See Also
    --------
    ackumulerad_avvikelse : year-to-date deviation against the periodised budget.
    prognosavvikelse : outcome against a forecast.

    Examples
    --------
    The accumulated result of Region Västmanland's Hälso- och
    sjukvårdsförvaltning in February 2023 against its year-to-date budget:

    >>> import halsouppfoljning as hu
    >>> round(hu.budgetavvikelse(-174.1, -8.5), 1)
    -165.6

    Region Värmland's net cost 2023 against its frame (costs as positive
    numbers):

    >>> hu.budgetavvikelse(8954, 8022, typ="kostnad")
    -932.0
    >>> round(hu.budgetavvikelse(8954, 8022, typ="kostnad", relativ=True), 3)
    -0.116
    >>> hu.budgetavvikelse([10, 12], [10, 0], relativ=True)
    array([ 0., nan])

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Förenklad resultaträkning" (resultat -174,1; budget -8,5;
    avvikelse -165,6). Region Värmland, Hälso- och sjukvårdsnämnden,
    Årsredovisning 2023, section 3.2.2 (nettokostnad 8 954 mot ram 8 022,
    minus 932 miljoner kronor).
    """
    return _avvikelse(
        utfall,
        budget,
        typ,
        relativ,
        vad="budgetavvikelse",
        namn_utfall="utfall",
        namn_budget="budget",
    )


def _profil(
    metod: str,
    vikter: TalIn | None,
    föregående_år: TalIn | None,
    månader: int,
) -> npt.NDArray[np.float64]:
    """Monthly shares (length ``månader`` in the last axis) that sum to 1."""
    m = text(metod, "periodiserad_budget: metod").casefold()
    if m == "linjär":
        if vikter is not None or föregående_år is not None:
            raise OgiltigtVärdeError(
                "periodiserad_budget: metod='linjär' takes neither vikter nor föregående_år; "
                "pass metod='vikter' or metod='föregående år'"
            )
        return np.full(månader, 1.0 / månader)
    if m == "vikter":
        if vikter is None:
            raise OgiltigtVärdeError(
                "periodiserad_budget: metod='vikter' needs vikter, one weight per month"
            )
        w = tal_array(vikter, "periodiserad_budget: vikter")
        if w.ndim not in (1, 2) or w.shape[-1:] != (månader,):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: vikter must hold {månader} monthly weights (one row, or "
                f"one row per line), got shape {w.shape}"
            )
        if np.any(w < 0):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: vikter must not be negative, got {w.tolist()!r:.200}"
            )
    elif m == "föregående år":
        if föregående_år is None:
            raise OgiltigtVärdeError(
                "periodiserad_budget: metod='föregående år' needs föregående_år, last year's "
                f"{månader} monthly outcomes"
            )
        w = tal_array(föregående_år, "periodiserad_budget: föregående_år")
        if w.ndim not in (1, 2) or w.shape[-1:] != (månader,):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: föregående_år must hold {månader} monthly outcomes (one "
                f"row, or one row per line), got shape {w.shape}"
            )
        blandat = np.any(w > 0, axis=-1) & np.any(w < 0, axis=-1)
        if np.any(blandat):
            raise OgiltigtVärdeError(
                "periodiserad_budget: föregående_år mixes positive and negative months "
                f"({w.tolist()!r:.200}), so its monthly shares are not a pattern; periodise the "
                "revenue and cost lines separately (each of one sign) and add them"
            )
    else:
        raise OgiltigtVärdeError(
            f"periodiserad_budget: metod must be one of {list(_PROFILER)}, got {metod!r}"
        )
    summa = w.sum(axis=-1, keepdims=True)
    if np.any(np.isfinite(summa) & (summa == 0)):
        raise OgiltigtVärdeError(
            "periodiserad_budget: the monthly pattern sums to zero, so it cannot spread an "
            "annual budget; periodise the revenue and cost lines separately and add them"
        )
    return np.asarray(w / summa, dtype=np.float64)


#: The most months a budget year is spread over (ten years of months).
_HÖGST_MÅNADER = 120


def _antal_månader(månader: int, vad: str) -> int:
    return heltal(
        månader,
        f"{vad}: månader (months in the year, usually 12)",
        minst=1,
        högst=_HÖGST_MÅNADER,
    )


def _sista_månad(månad: int | Period, månader: int) -> int:
    """The last month elapsed (1..``månader``); a :class:`Period` counts through its last month."""
    if isinstance(månad, Period):
        månad = int(månad.slut.month)
    return heltal(månad, "ackumulerad_budget: månad", minst=1, högst=månader)


@med_funktionsnamn("periodiserad_budget")
def periodiserad_budget(
    årsbudget: TalIn,
    *,
    metod: _Profil = "linjär",
    vikter: TalIn | None = None,
    föregående_år: TalIn | None = None,
    ackumulerad: bool = False,
    månader: int = 12,
) -> Any:
    """Spread an annual budget over the months (:term:`periodiserad budget`).

    Parameters
    ----------
    årsbudget : float, array-like or Series
        The annual budget [mnkr]; one value, or one per budget line.
    metod : {"linjär", "vikter", "föregående år"}
        The profile: ``"linjär"`` (default; equal twelfths, the simplest
        convention, not a published rule), ``"vikter"`` (the given monthly
        weights, normalised to sum to 1) or ``"föregående år"`` (last year's
        monthly outcome pattern, each month's share of last year's total).
    vikter : array-like of length ``månader``, optional
        Monthly weights [any non-negative scale] for ``metod="vikter"``.
    föregående_år : array-like, optional
        Last year's monthly outcomes [mnkr] for ``metod="föregående år"``:
        one row of ``månader`` values, or one row per budget line.
    ackumulerad : bool
        If true, return the year-to-date (cumulative) budget through each month.
    månader : int
        Months in the year (12); at most 120.

    Returns
    -------
    Series, ndarray or DataFrame
        A scalar ``årsbudget`` gives a Series indexed by month 1..12 (name
        ``"budget"``); a Series of lines gives a DataFrame with one row per line
        and one column per month; an array gives an ndarray of shape
        ``(n, månader)``.

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``metod``, missing or misshapen weights, negative
        weights, last year's months of both signs, a pattern that sums to
        zero, or ``månader`` outside 1..120. A month missing (NaN) in the
        pattern makes that line's budget NaN in every month.

    Notes
    -----
    With shares :math:`w_k` (:math:`\\sum_k w_k = 1`) the budget of month
    :math:`k` is :math:`B_k = w_k B`, and the year-to-date budget through
    month :math:`m` is :math:`\\sum_{k \\le m} w_k B`. With last year's
    pattern, :math:`w_k = U^{fg}_k / \\sum_j U^{fg}_j`.

    A result line whose annual budget is 0 (revenues = costs) still has a
    non-zero year-to-date budget when revenues and costs follow different
    profiles, so periodise the revenue and cost lines separately and add them:
    no profile of a zero total can give the February budget of -8,5 mnkr that
    Region Västmanland printed for a full-year budget of 0,0.

    See Also
    --------
    ackumulerad_budget, ackumulerad_avvikelse

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.periodiserad_budget(1200.0).iloc[:3].tolist()
    [100.0, 100.0, 100.0]
    >>> hu.periodiserad_budget(120.0, metod="vikter", vikter=[2] + [1] * 11).iloc[:2].tolist()
    [18.46..., 9.23...]
    >>> float(hu.periodiserad_budget(1200.0, ackumulerad=True)[2])
    200.0

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Förenklad resultaträkning": Resultat, Ack Budget -8,5,
    Helår Budget 0,0.
    """
    n = _antal_månader(månader, "periodiserad_budget")
    b = givna_tal(årsbudget, "årsbudget")
    w = _profil(metod, vikter, föregående_år, n)
    barr = np.asarray(b, dtype=np.float64)
    if barr.ndim > 1:
        raise OgiltigtVärdeError(
            f"periodiserad_budget: årsbudget must be a number or one number per line, got "
            f"shape {barr.shape}"
        )
    if barr.ndim == 1 and w.ndim == 2 and len(w) != len(barr):
        raise OgiltigtVärdeError(
            f"periodiserad_budget: årsbudget has {len(barr)} lines but the monthly pattern has "
            f"{len(w)} rows; give one row of {n} months, or one row per line"
        )
    belopp = barr[..., np.newaxis] * w
    if boolesk(ackumulerad, "periodiserad_budget: ackumulerad"):
        belopp = np.cumsum(belopp, axis=-1)
    kolumner = pd.RangeIndex(1, n + 1, name="månad")
    if isinstance(b, pd.Series):
        return pd.DataFrame(np.broadcast_to(belopp, (len(b), n)), index=b.index, columns=kolumner)
    if barr.ndim == 0:
        if belopp.ndim > 1:
            return belopp
        return pd.Series(belopp, index=kolumner, name="budget")
    return belopp


@med_funktionsnamn("ackumulerad_budget")
def ackumulerad_budget(
    årsbudget: TalIn,
    månad: int | Period,
    *,
    metod: _Profil = "linjär",
    vikter: TalIn | None = None,
    föregående_år: TalIn | None = None,
    månader: int = 12,
) -> Any:
    """The year-to-date budget through ``månad`` (*ackumulerad budget*).

    Parameters
    ----------
    årsbudget : float, array-like or Series
        The annual budget [mnkr], one value or one per line.
    månad : int or Period
        The last month elapsed, 1..``månader`` (2 for "ack februari"), or a
        :class:`~halsouppfoljning.Period`, counted through its last month
        (``Period.delår(2023)`` and ``Period.tertial(2023, 2)`` are 8).
    metod, vikter, föregående_år, månader
        The profile, as in :func:`periodiserad_budget`.

    Returns
    -------
    float, ndarray or Series
        The year-to-date budget [mnkr], shaped like ``årsbudget`` (a Series
        keeps its index).

    Raises
    ------
    OgiltigtVärdeError
        If ``månad`` is outside 1..``månader``, or as :func:`periodiserad_budget`.

    Notes
    -----
    .. math:: B_{ack}(m) = B \\sum_{k=1}^{m} w_k

    See Also
    --------
    periodiserad_budget, ackumulerad_avvikelse

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.ackumulerad_budget(9365.7, 2)
    1560.95
    >>> hu.ackumulerad_budget([120.0, -60.0], 3)
    array([ 30., -15.])
    >>> hu.ackumulerad_budget(1200.0, hu.Period.tertial(2023, 1))  # through April
    400.0
    """
    n = _antal_månader(månader, "ackumulerad_budget")
    m = _sista_månad(månad, n)
    tabell = periodiserad_budget(
        årsbudget,
        metod=metod,
        vikter=vikter,
        föregående_år=föregående_år,
        ackumulerad=True,
        månader=månader,
    )
    if isinstance(tabell, pd.DataFrame):
        return tabell[m].rename(getattr(årsbudget, "name", None))
    if isinstance(tabell, pd.Series):
        return float(tabell.iloc[m - 1])
    return np.asarray(tabell)[..., m - 1]


@med_funktionsnamn("ackumulerad_avvikelse")
def ackumulerad_avvikelse(
    ack_utfall: TalIn,
    årsbudget: TalIn,
    månad: int | Period,
    *,
    typ: _Typ = "resultat",
    relativ: bool = False,
    metod: _Profil = "linjär",
    vikter: TalIn | None = None,
    föregående_år: TalIn | None = None,
    månader: int = 12,
) -> Any:
    """Year-to-date deviation against the periodised budget.

    Parameters
    ----------
    ack_utfall : float, array-like or Series
        The year-to-date outcome [mnkr].
    årsbudget : float, array-like or Series
        The annual budget [mnkr].
    månad : int or Period
        The last month elapsed (1..12), or a :class:`~halsouppfoljning.Period`
        counted through its last month, as in :func:`ackumulerad_budget`.
    typ, relativ
        As in :func:`budgetavvikelse`.
    metod, vikter, föregående_år, månader
        The profile, as in :func:`periodiserad_budget`.

    Returns
    -------
    float, ndarray or Series
        ``budgetavvikelse(ack_utfall, ackumulerad_budget(årsbudget, månad, ...))``.

    Raises
    ------
    OgiltigtVärdeError
        As :func:`ackumulerad_budget` and :func:`budgetavvikelse`.

    Notes
    -----
    .. math:: A(m) = U_{ack}(m) - B \\sum_{k \\le m} w_k

    See Also
    --------
    budgetavvikelse, ackumulerad_budget

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.ackumulerad_avvikelse(250.0, 1200.0, 2, typ="kostnad")
    -50.0
    """
    vad = "ackumulerad_avvikelse"
    u = _belopp(ack_utfall, f"{vad}: ack_utfall")
    ack_budget = ackumulerad_budget(
        årsbudget, månad, metod=metod, vikter=vikter, föregående_år=föregående_år, månader=månader
    )
    return _avvikelse(
        u,
        ack_budget,
        typ,
        relativ,
        vad=vad,
        namn_utfall="ack_utfall",
        namn_budget="the year-to-date budget of årsbudget",
    )


def _summera_poster(poster: Poster | Sequence[TalIn] | None, namn: str, vad: str) -> Any:
    """Sum adjustment items: a number, numbers, a mapping of name -> amount, or a DataFrame.

    The items must pair up (:func:`_samma_form`); ``namn`` is the argument, ``vad`` the
    function (both quoted in messages).
    """
    if poster is None:
        return 0.0
    if isinstance(poster, Mapping):
        delar = [(f"{namn}[{k!r}]", v) for k, v in poster.items()]
    elif isinstance(poster, pd.DataFrame):
        if poster.shape[1] == 0:
            raise OgiltigtVärdeError(
                f"{vad}: {namn} is a table without columns; give one column per item, or "
                "leave it out"
            )
        return tal(poster, f"{vad}: {namn}").sum(axis=1, skipna=False)
    elif isinstance(poster, (list, tuple)):
        delar = [(f"{namn}[{i}]", v) for i, v in enumerate(poster)]
    else:
        return _belopp(poster, f"{vad}: {namn}")
    tal_delar = [(n, _belopp(v, f"{vad}: {n}")) for n, v in delar]
    summa: Any = 0.0
    for i, (namn_i, del_) in enumerate(tal_delar):
        for namn_j, föregående in tal_delar[:i]:
            _samma_form(föregående, del_, namn_j, namn_i, vad)
        summa = summa + del_
    return summa


def kostnadsutveckling(
    utfall: TalIn,
    referens: TalIn,
    *,
    intäkter: TalIn | None = None,
    referens_intäkter: TalIn | None = None,
    justeringar: Poster | Sequence[TalIn] | None = None,
    referens_justeringar: Poster | Sequence[TalIn] | None = None,
) -> Any:
    """Cost development (:term:`kostnadsutveckling`) against the same period last year.

    Parameters
    ----------
    utfall : float, array-like or Series
        This period's costs [mnkr]: gross costs (*bruttokostnad*), or, with
        ``intäkter``, the costs whose net is wanted. Costs may be given as
        positive numbers or, as in result statements, negative: only the ratio
        to ``referens`` (same sign) matters.
    referens : float, array-like or Series
        The reference: the same period last year [mnkr], signed like ``utfall``.
    intäkter, referens_intäkter : optional
        Revenues of both years [mnkr], positive numbers. When given, the
        development of the *net cost* (*nettokostnad*) ``utfall - intäkter``
        is returned (costs must then be positive numbers).
    justeringar, referens_justeringar : optional
        Like-for-like adjustments: items **subtracted** from this year's
        (resp. last year's) amount because they distort the comparison
        (erroneous postings, items that did not exist in the comparison year).
        A number, a sequence of numbers, a mapping of item name to amount, or
        a DataFrame with one column per item; signed like ``utfall``.

    Returns
    -------
    float, ndarray or Series
        The development [andel]: 0.054 is +5,4 %. A zero comparison gives NaN;
        NaN in gives NaN out.

    Raises
    ------
    FelTypError
        If amounts are not numbers.
    OgiltigtVärdeError
        If ``utfall`` and ``referens`` (after revenues and adjustments) have
        opposite signs anywhere (the message gives both values and the
        position); if amounts are infinite; if lengths or indexes differ.

    Notes
    -----
    .. math::

        k = \\frac{(U - I) - \\sum_j J_j}{(U^{ref} - I^{ref}) - \\sum_j J^{ref}_j} - 1

    with :math:`I = 0` for gross costs.

    See Also
    --------
    budgetavvikelse

    Examples
    --------
    Region Västmanland, February 2023: purchased care (*köpt vård*) -189,4
    against -163,0 mnkr, with an erroneous posting of -7,4 mnkr; the report
    prints the corrected development +11,7 %:

    >>> import halsouppfoljning as hu
    >>> round(hu.kostnadsutveckling(-189.4, -163.0, justeringar={"felaktig post": -7.4}), 3)
    0.117
    >>> round(hu.kostnadsutveckling(110.0, 100.0, intäkter=20.0, referens_intäkter=25.0), 4)
    0.2

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Kostnadsutveckling" (lines 478-487 of the seed text) and
    the "Förenklad resultaträkning".
    """
    vad = "kostnadsutveckling"
    u = _belopp(utfall, f"{vad}: utfall")
    r = _belopp(referens, f"{vad}: referens")
    _samma_form(u, r, "utfall", "referens", vad)
    if (intäkter is None) != (referens_intäkter is None):
        raise OgiltigtVärdeError(
            "kostnadsutveckling: pass both intäkter and referens_intäkter for net cost "
            "development, or neither for gross"
        )
    justerad = [
        n
        for n, v in (
            ("intäkter", intäkter),
            ("referens_intäkter", referens_intäkter),
            ("justeringar", justeringar),
            ("referens_justeringar", referens_justeringar),
        )
        if v is not None
    ]
    if intäkter is not None:
        i = _belopp(intäkter, f"{vad}: intäkter")
        ri = _belopp(referens_intäkter, f"{vad}: referens_intäkter")
        _samma_form(u, i, "utfall", "intäkter", vad)
        _samma_form(r, ri, "referens", "referens_intäkter", vad)
        u = u - i
        r = r - ri
    j = _summera_poster(justeringar, "justeringar", vad)
    rj = _summera_poster(referens_justeringar, "referens_justeringar", vad)
    _samma_form(u, j, "utfall", "justeringar", vad)
    _samma_form(r, rj, "referens", "referens_justeringar", vad)
    u = u - j
    r = r - rj
    _samma_tecken(u, r, justerad, vad)
    return _kvot(u, r, "referens", vad) - 1.0


def _samma_tecken(u: Any, r: Any, justerad: list[str], vad: str) -> None:
    """Raise where this year's and last year's amounts have opposite signs (elementwise).

    A development is the ratio of two costs of the same sign; +100 against -50
    is two lines signed differently (a cost given positive and one negative),
    and its ratio -3 means nothing.
    """
    ua = np.asarray(u, dtype=np.float64)
    ra = np.asarray(r, dtype=np.float64)
    motsatt = np.atleast_1d((ua * ra) < 0)
    if not motsatt.any():
        return
    plats = int(np.flatnonzero(motsatt)[0])
    uv = float(np.broadcast_to(ua, motsatt.shape).ravel()[plats])
    rv = float(np.broadcast_to(ra, motsatt.shape).ravel()[plats])
    var = f" at position {plats}" if motsatt.size > 1 else ""
    efter = f" (after {', '.join(justerad)})" if justerad else ""
    raise OgiltigtVärdeError(
        f"{vad}: utfall {uv:g} and referens {rv:g}{efter} have opposite signs{var}; a cost "
        "development compares two costs signed alike: give both as positive numbers or "
        "both as negative (as result statements print costs)"
    )


# --------------------------------------------------------------------------- budget arithmetic


def uppräkning(
    belopp: Belopp, andel: TalIn, *, tillägg: Poster | Sequence[TalIn] | None = None
) -> Any:
    """An amount raised by a share (*uppräkning*, indexation), plus additions.

    Budgets are built from last year's frame raised by an index (wages,
    prices: *löne- och prisuppräkning*), plus additions decided on top
    (*tillskott*, new assignments) and minus reductions (negative additions,
    e.g. an efficiency requirement written as an amount).

    Parameters
    ----------
    belopp : float, array-like, Series or DataFrame
        The amount raised [mnkr, or the unit of the caller].
    andel : float, array-like or Series
        The raise as a share [andel, 0-1]: 0.031 is 3,1 %. Percent is refused
        ("did you pass percent?").
    tillägg : optional
        Amounts added after the raise, in the unit of ``belopp``: a number, a
        sequence, a mapping of item name to amount, or a DataFrame with one
        column per item. Negative amounts are reductions.

    Returns
    -------
    float, ndarray, Series or DataFrame
        The raised amount, of the kind of ``belopp`` (a Series keeps its
        index). NaN in gives NaN out.

    Raises
    ------
    AndelsError
        If ``andel`` is outside [0, 1] (a value in (1, 100] asks "did you pass
        percent?").
    FelTypError
        If an amount is not a number, or an argument is ``None``.

    Notes
    -----
    .. math::

        B_{ny} = B\\,(1 + a) + \\sum_j T_j

    The additions are not raised: they are decided in the new year's money.

    See Also
    --------
    budgetbrygga : check that a budget's parts sum to its total.
    kostnadsutveckling : the development of costs against last year.

    Examples
    --------
    A frame of 8 022 mnkr raised by 3 % plus a 50 mnkr addition and a 20 mnkr
    reduction: 8 022 × 1,03 + 50 − 20 = 8 292,66.

    >>> import halsouppfoljning as hu
    >>> round(hu.uppräkning(8022, 0.03, tillägg={"tillskott": 50, "effektivisering": -20}), 2)
    8292.66
    >>> hu.uppräkning(100.0, 3.0)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.AndelsError: uppräkning: andel must be a share in [0, 1], ...
    """
    vad = "uppräkning"
    b = _belopp(belopp, f"{vad}: belopp")
    a = som_andel(givna_tal(andel, f"{vad}: andel"), f"{vad}: andel")
    _samma_form(b, a, "belopp", "andel", vad)
    t = _summera_poster(tillägg, "tillägg", vad)
    _samma_form(b, t, "belopp", "tillägg", vad)
    _samma_form(a, t, "andel", "tillägg", vad)
    return b * (1.0 + a) + t


def _halv_enhet(avrundning: int | None) -> float:
    """Half a unit of the last printed decimal: the largest rounding error of one figure."""
    if avrundning is None:
        return 0.0
    return 0.5 * 10.0 ** (-heltal(avrundning, "budgetbrygga: avrundning", minst=-12, högst=12))


def budgetbrygga(
    start: float,
    poster: Mapping[str, float] | pd.Series[Any],
    slut: float,
    *,
    avrundning: int | None = None,
) -> pd.DataFrame:
    """A budget bridge (*budgetbrygga*): from a start amount through named items to a total.

    Reports bridge last year's budget to this year's (indexation,
    additions, reductions), a budget to a forecast (the deviation of each
    line) or a set of lines to their printed sum. The parts must sum to the
    total within the printed rounding; otherwise a figure is wrong or a
    line is missing, and this raises an error naming the gap.

    Parameters
    ----------
    start : float
        The amount the bridge starts from [mnkr]; 0 for the sum of lines.
    poster : mapping or Series
        Item name → amount [mnkr], signed (a reduction is negative), in the
        order of the bridge.
    slut : float
        The total the report prints [mnkr].
    avrundning : int, optional
        The number of decimals the figures are printed with (1 for
        ``-174,1``; 0 for whole mnkr; -1 for tens). Each printed figure may
        be off by half a unit of its last decimal, so the bridge closes
        within ``(len(poster) + 2) × 0.5 × 10**-avrundning``. Default
        ``None``: exact (up to floating point).

    Returns
    -------
    pandas.DataFrame
        One row per step: ``start``, each item, ``slut``; columns ``post``,
        ``belopp`` and ``ackumulerat`` (the running total; for ``slut``, the
        printed total). ``attrs["differens"]`` is the printed total minus the
        sum of start and items (the rounding difference), ``attrs["tolerans"]``
        the largest gap rounding explains.

    Raises
    ------
    OgiltigtVärdeError
        If the gap exceeds the tolerance (the message names the gap, the sum
        and the total), an amount is missing (NaN: a part that is not known
        cannot close a bridge; see :func:`kolumnsumma`), an amount is infinite,
        an item name is ``"start"`` or ``"slut"`` or occurs twice (a Series
        with a duplicated label), or ``avrundning`` is not a whole number.
    FelTypError
        If ``poster`` is not a mapping or Series, or an amount not a number.

    Notes
    -----
    With :math:`S` the start, :math:`p_j` the :math:`n` items, :math:`T` the
    total and :math:`k` decimals printed:

    .. math::

        d = T - \\Big(S + \\sum_j p_j\\Big), \\qquad
        |d| \\le (n + 2)\\,\\tfrac{1}{2}\\,10^{-k}

    See Also
    --------
    kolumnsumma : the total of a column with missing cells.
    uppräkning : a budget raised by an index plus additions.

    Examples
    --------
    Region Västmanland, February 2023 (Förenklad resultaträkning, lines
    1093-1117 of the seed text): the year-to-date budget -8,5 plus the
    deviations of revenues (-22,1) and costs (-143,6) gives -174,2; the
    printed result is -174,1, a rounding difference of 0,1:

    >>> import halsouppfoljning as hu
    >>> b = hu.budgetbrygga(-8.5, {"intäkter": -22.1, "kostnader": -143.6}, -174.1,
    ...                     avrundning=1)
    >>> b
            post  belopp  ackumulerat
    0      start    -8.5         -8.5
    1   intäkter   -22.1        -30.6
    2  kostnader  -143.6       -174.2
    3       slut  -174.1       -174.1
    >>> round(b.attrs["differens"], 3), round(b.attrs["tolerans"], 3)
    (0.1, 0.2)
    >>> hu.budgetbrygga(0, {"a": 1.0, "b": 2.0}, 3.5, avrundning=1)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: budgetbrygga: the items (poster) do not ...

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Förenklad resultaträkning" (seed text lines 1083-1117).
    """
    vad = "budgetbrygga"
    s = skalär(start, f"{vad}: start", saknas=True)
    t = skalär(slut, f"{vad}: slut", saknas=True)
    if isinstance(poster, pd.Series):
        unika_nycklar(poster.index, "poster (its index of item names)", vad)
        namn = [str(k) for k in poster.index]
        belopp = tal_array(poster, f"{vad}: poster")
    elif isinstance(poster, Mapping):
        namn = [text(k, f"{vad}: an item name of poster") for k in poster]
        belopp = tal_array(list(poster.values()), f"{vad}: poster")
    else:
        raise FelTypError(
            f"{vad}: poster must be a mapping or Series from item name to amount, got "
            f"{type(poster).__name__}; e.g. {{'uppräkning': 240.6, 'tillskott': 50.0}}"
        )
    if belopp.ndim != 1:
        raise OgiltigtVärdeError(
            f"{vad}: each item of poster must be one amount, got amounts of shape "
            f"{belopp.shape}; give one number per item name"
        )
    reserverade = [n for n in namn if n in ("start", "slut")]
    if reserverade:
        raise OgiltigtVärdeError(
            f"{vad}: the item name {reserverade[0]!r} is the name of the bridge's own first or "
            "last row; rename the item (e.g. 'start (justerad)')"
        )
    alla = np.concatenate([[s], belopp, [t]])
    rimliga_tal(alla, f"{vad}: start, poster and slut")
    if np.isnan(alla).any():
        delar = ["start", *(f"poster[{n!r}]" for n in namn), "slut"]
        saknas = [n for n, v in zip(delar, alla, strict=True) if np.isnan(v)]
        raise OgiltigtVärdeError(
            f"{vad}: {', '.join(saknas[:5])}{' ...' if len(saknas) > 5 else ''} missing (NaN); "
            "a bridge closes only with every part known. "
            "Give the amount, or total the known parts with hu.kolumnsumma(..., "
            "saknade='utelämna'), which counts what is missing"
        )
    ackumulerat = s + np.cumsum(belopp)
    summa = float(ackumulerat[-1]) if len(belopp) else s
    differens = t - summa
    halv = _halv_enhet(avrundning)
    tolerans = (len(belopp) + 2) * halv
    marginal = 1e-9 * max(1.0, float(np.max(np.abs(alla))))
    if abs(differens) > tolerans + marginal:
        skala = "exactly" if avrundning is None else f"within {tolerans:g} (printed rounding)"
        raise OgiltigtVärdeError(
            f"{vad}: the items (poster) do not sum to the total: start {s:g} + items "
            f"{summa - s:g} = {summa:g}, but slut is {t:g}, a gap of {differens:g}, which "
            f"should be {skala}. Check the figures for a missing or mistyped line; pass "
            "avrundning= (the decimals printed) if the gap is rounding"
        )
    tabell = pd.DataFrame(
        {
            "post": ["start", *namn, "slut"],
            "belopp": alla,
            "ackumulerat": np.concatenate([[s], ackumulerat, [t]]),
        }
    )
    tabell.attrs.update({"differens": differens, "tolerans": tolerans, "avrundning": avrundning})
    return tabell


_SAKNADE = ("nan", "utelämna")


def _saknade_val(saknade: Any, vad: str) -> str:
    """The choice ``saknade``: ``"nan"`` or ``"utelämna"`` (text only)."""
    val = text(saknade, f"{vad}: saknade").casefold()
    if val not in _SAKNADE:
        raise OgiltigtVärdeError(
            f"{vad}: saknade must be 'nan' (a column with a missing cell has no total) or "
            f"'utelämna' (the sum of the known cells, the missing counted), got {saknade!r}"
        )
    return str(val)


def _summa(värde: Any) -> float:
    return skalär(värde, "Kolumnsumma: summa", saknas=True)


def _antal(värde: Any) -> int:
    return heltal(värde, "Kolumnsumma: antal", minst=0)


def _antal_saknade(värde: Any) -> int:
    return heltal(värde, "Kolumnsumma: antal_saknade", minst=0)


def _saknade(värde: Any) -> str:
    return _saknade_val(värde, "Kolumnsumma")


@attrs.frozen(kw_only=True)
class Kolumnsumma:
    """The total of a column whose cells may be missing, with the missing counted.

    Made by :func:`kolumnsumma`.

    Parameters
    ----------
    summa : float
        The total [the unit of the cells]: NaN when a cell is missing and
        ``saknade="nan"``; the sum of the known cells with
        ``saknade="utelämna"``.
    antal : int
        The cells of the column.
    antal_saknade : int
        The missing cells (NaN, ``None``: missing markers read by
        ``hu.tolka_tal``).
    saknade : {"nan", "utelämna"}
        What was done with the missing cells.

    Raises
    ------
    OgiltigtVärdeError
        If ``summa`` is infinite, a count is negative or not whole,
        ``antal_saknade`` exceeds ``antal``, ``saknade`` is not one of the
        two, or ``summa`` disagrees with the counts (a number where no cell,
        or with ``saknade="nan"`` not every cell, is known; NaN where the
        known cells have a total).
    FelTypError
        If a field has the wrong type.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> s = hu.kolumnsumma([1.0, None, 2.0], saknade="utelämna")
    >>> s.summa, s.antal_saknade, s.fullständig
    (3.0, 1, False)
    """

    summa: float = attrs.field(converter=_summa)
    antal: int = attrs.field(converter=_antal)
    antal_saknade: int = attrs.field(converter=_antal_saknade)
    saknade: str = attrs.field(converter=_saknade)

    def __attrs_post_init__(self) -> None:
        vad = "Kolumnsumma"
        if self.antal_saknade > self.antal:
            raise OgiltigtVärdeError(
                f"{vad}: antal_saknade {self.antal_saknade} exceeds antal {self.antal}; the "
                "missing cells are some of the column's cells: correct the counts"
            )
        kända = self.antal - self.antal_saknade
        okänd = kända == 0 or (self.antal_saknade > 0 and self.saknade == "nan")
        if okänd and not np.isnan(self.summa):
            orsak = (
                "no cell is known"
                if kända == 0
                else f"{self.antal_saknade} cell(s) are missing and saknade='nan'"
            )
            raise OgiltigtVärdeError(
                f"{vad}: summa is {self.summa!r} but {orsak}, so the total is not known; "
                "give summa=nan (or build it with hu.kolumnsumma)"
            )
        if not okänd and np.isnan(self.summa):
            raise OgiltigtVärdeError(
                f"{vad}: summa is NaN but {kända} cell(s) are known and saknade="
                f"{self.saknade!r}; give the total of the known cells (or build it with "
                "hu.kolumnsumma)"
            )

    @property
    def fullständig(self) -> bool:
        """Whether every cell was known (the total is the column's whole total).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.kolumnsumma([1.0, 2.0]).fullständig
        True
        """
        return self.antal_saknade == 0

    def __float__(self) -> float:
        """The total as a float (NaN where it is not known).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> float(hu.kolumnsumma([1.5, 2.0]))
        3.5
        """
        return self.summa


def kolumnsumma(
    värden: TalIn | pd.DataFrame,
    *,
    saknade: Literal["nan", "utelämna"] = "nan",
) -> Any:
    """The total of a table column in which some cells are missing markers.

    Printed tables mark missing cells (``i.u.``, ``-``, ``..``, ``Ej
    aktuell``); read them with :func:`~halsouppfoljning.tolka_tal`, which
    gives NaN. A missing cell is never summed as zero: the total is NaN
    unless the caller asks for the sum of the known parts, and then the
    number of missing cells travels with it.

    Parameters
    ----------
    värden : array-like, Series or DataFrame
        The cells [any unit]; NaN or ``None`` where missing. A DataFrame is
        totalled column by column.
    saknade : {"nan", "utelämna"}
        ``"nan"`` (default): a column with a missing cell has the total NaN.
        ``"utelämna"``: the sum of the known cells (a column of only missing
        cells gives NaN, not 0), with the missing counted.

    Returns
    -------
    Kolumnsumma or pandas.DataFrame
        For one column a :class:`Kolumnsumma` (``summa``, ``antal``,
        ``antal_saknade``, ``saknade``); for a DataFrame one row per column
        with the columns ``summa``, ``antal`` and ``antal_saknade``.

    Raises
    ------
    OgiltigtVärdeError
        If ``saknade`` is not one of the two choices, a cell is infinite,
        ``värden`` is a table without columns, or a table has a duplicated
        column label. (An empty column has the total NaN.)
    FelTypError
        If a cell is text (read it with ``hu.tolka_tal`` first) or the
        argument is ``None``.

    Notes
    -----
    With :math:`K` the known cells and :math:`m` the missing ones:
    :math:`\\sum_{i \\in K} x_i` when :math:`m = 0` or ``saknade="utelämna"``
    (and :math:`K \\ne \\emptyset`), else NaN.

    See Also
    --------
    budgetbrygga : check parts against a printed total.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.kolumnsumma([21.8, 31.7, None])
    Kolumnsumma(summa=nan, antal=3, antal_saknade=1, saknade='nan')
    >>> hu.kolumnsumma([21.8, 31.7, None], saknade="utelämna").summa
    53.5
    >>> import pandas as pd
    >>> hu.kolumnsumma(pd.DataFrame({"a": [1.0, 2.0], "b": [1.0, None]}))
       summa  antal  antal_saknade
    a    3.0      2              0
    b    NaN      2              1
    """
    vad = "kolumnsumma"
    saknade = _saknade_val(saknade, vad)  # type: ignore[assignment]
    if isinstance(värden, pd.DataFrame):
        if värden.shape[1] == 0:
            raise OgiltigtVärdeError(
                f"{vad}: värden is a table without columns (shape {värden.shape}); there is no "
                "column to total: pass the table with its columns"
            )
        unika_nycklar(värden.columns, "värden (its column labels)", vad)
        ram = _belopp(värden, f"{vad}: värden")
        arr = ram.to_numpy(dtype=np.float64).reshape(len(ram), len(ram.columns))
        index = ram.columns
    else:
        arr = np.atleast_1d(_belopp(värden, f"{vad}: värden")).astype(np.float64)
        if arr.ndim != 1:
            raise OgiltigtVärdeError(
                f"{vad}: värden must be one column (1-D) or a DataFrame, got an array of "
                f"shape {arr.shape}"
            )
        arr = arr.reshape(-1, 1)
        index = None
    saknas = np.isnan(arr)
    antal_saknade = saknas.sum(axis=0)
    kända = len(arr) - antal_saknade
    summa = np.where(saknas, 0.0, arr).sum(axis=0)
    okänd = (kända == 0) | ((antal_saknade > 0) & (saknade == "nan"))
    summa = np.where(okänd, np.nan, summa)
    if index is None:
        return Kolumnsumma(
            summa=float(summa[0]),
            antal=len(arr),
            antal_saknade=int(antal_saknade[0]),
            saknade=saknade,
        )
    tabell = pd.DataFrame(
        {
            "summa": summa,
            "antal": np.full(len(index), len(arr), dtype=np.int64),
            "antal_saknade": antal_saknade.astype(np.int64),
        },
        index=index,
    )
    tabell.attrs["saknade"] = saknade
    return tabell
