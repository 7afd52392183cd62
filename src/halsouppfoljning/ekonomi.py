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

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import TalIn, boolesk, givna_tal, heltal, tal, tal_array, text
from .exceptions import OgiltigtVärdeError
from .perioder import Period

__all__ = [
    "ackumulerad_avvikelse",
    "ackumulerad_budget",
    "budgetavvikelse",
    "kostnadsutveckling",
    "periodiserad_budget",
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


def _kontrollera_typ(typ: str) -> str:
    t = text(typ, "budgetavvikelse: typ").casefold()
    if t not in _TYPER:
        raise OgiltigtVärdeError(
            f"budgetavvikelse: typ must be one of {list(_TYPER)}, got {typ!r}. Use "
            "'resultat' for signed lines (costs negative), 'kostnad' for costs given as "
            "positive numbers, 'intäkt' for revenues"
        )
    return str(t)


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
        ndarray; pandas objects keep their index (two pandas inputs are
        aligned by pandas). NaN in gives NaN out.

    Raises
    ------
    OgiltigtVärdeError
        If ``typ`` is not one of the three.
    FelTypError
        If the amounts are not numbers (e.g. printed text: read it with
        :func:`~halsouppfoljning.tolka_tal` first).

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
    t = _kontrollera_typ(typ)
    u = givna_tal(utfall, "utfall")
    b = givna_tal(budget, "budget")
    avvikelse = b - u if t == "kostnad" else u - b
    if boolesk(relativ, "budgetavvikelse: relativ"):
        avvikelse = avvikelse / _utan_noll(abs(b))
    return avvikelse


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
        w = tal_array(vikter, "vikter")
        if w.shape[-1:] != (månader,):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: vikter must hold {månader} monthly weights, got shape "
                f"{w.shape}"
            )
        if np.any(w < 0):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: vikter must not be negative, got {w.tolist()}"
            )
    elif m == "föregående år":
        if föregående_år is None:
            raise OgiltigtVärdeError(
                "periodiserad_budget: metod='föregående år' needs föregående_år, last year's "
                f"{månader} monthly outcomes"
            )
        w = tal_array(föregående_år, "föregående_år")
        if w.shape[-1:] != (månader,):
            raise OgiltigtVärdeError(
                f"periodiserad_budget: föregående_år must hold {månader} monthly outcomes, got "
                f"shape {w.shape}"
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


def _antal_månader(månader: int, vad: str) -> int:
    return heltal(månader, f"{vad}: månader (months in the year, a positive int)", minst=1)


def _sista_månad(månad: int | Period, månader: int) -> int:
    """The last month elapsed (1..``månader``); a :class:`Period` counts through its last month."""
    if isinstance(månad, Period):
        månad = int(månad.slut.month)
    return heltal(månad, "ackumulerad_budget: månad", minst=1, högst=månader)


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
        Months in the year (12).

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
        weights, or a pattern that sums to zero.

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
    ack_budget = ackumulerad_budget(
        årsbudget, månad, metod=metod, vikter=vikter, föregående_år=föregående_år, månader=månader
    )
    return budgetavvikelse(ack_utfall, ack_budget, typ=typ, relativ=relativ)


def _summera_poster(poster: Poster | Sequence[TalIn] | None, namn: str) -> Any:
    """Sum adjustment items: a number, numbers, a mapping of name -> amount, or a DataFrame."""
    if poster is None:
        return 0.0
    if isinstance(poster, Mapping):
        return sum((givna_tal(v, f"{namn}[{k!r}]") for k, v in poster.items()), 0.0)
    if isinstance(poster, pd.DataFrame):
        return tal(poster, namn).sum(axis=1, skipna=False)
    if isinstance(poster, (list, tuple)):
        return sum((givna_tal(v, f"{namn}[{i}]") for i, v in enumerate(poster)), 0.0)
    return givna_tal(poster, namn)


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
    u = givna_tal(utfall, "utfall")
    r = givna_tal(referens, "referens")
    if (intäkter is None) != (referens_intäkter is None):
        raise OgiltigtVärdeError(
            "kostnadsutveckling: pass both intäkter and referens_intäkter for net cost "
            "development, or neither for gross"
        )
    if intäkter is not None:
        u = u - givna_tal(intäkter, "intäkter")
        r = r - givna_tal(referens_intäkter, "referens_intäkter")
    u = u - _summera_poster(justeringar, "justeringar")
    r = r - _summera_poster(referens_justeringar, "referens_justeringar")
    return u / _utan_noll(r) - 1.0
