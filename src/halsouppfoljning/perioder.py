"""Periods, rolling sums and changes: månad, tertial, delår, helår, R12, R18.

First version: the change functions other modules call. The period helpers
follow.

Examples
--------
>>> import halsouppfoljning as hu
>>> round(hu.procentuell_förändring(0.788, 0.748), 4)
0.0535
>>> round(hu.procentenheter(0.788, 0.748), 4)
0.04
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._validering import kontrollera_andel
from .exceptions import FelTypError, OgiltigtVärdeError
from .indikatorer import Riktning

__all__ = ["procentenheter", "procentuell_förändring"]

_Arr = npt.NDArray[np.float64]


def _elementvis(värde: Any, referens: Any, funktion: Callable[[_Arr, _Arr], _Arr]) -> Any:
    """Apply ``funktion`` to two float arrays; keep the shape of the input.

    A Series gives a Series (two Series are aligned on their index as pandas
    arithmetic does; a label present in only one gives NaN). A scalar pair gives
    a float, anything else an ndarray.
    """
    if isinstance(värde, pd.Series) or isinstance(referens, pd.Series):
        if isinstance(värde, pd.Series) and isinstance(referens, pd.Series):
            v, r = värde.align(referens)
            mall = v
        elif isinstance(värde, pd.Series):
            v, r, mall = värde, referens, värde
        else:
            v, r, mall = värde, referens, referens
        a = np.asarray(v, dtype=float)
        b = np.asarray(r, dtype=float)
        return pd.Series(funktion(a, b), index=mall.index, name=mall.name)
    for namn, x in (("värde", värde), ("referens", referens)):
        if isinstance(x, (str, bytes)) or isinstance(x, bool):
            raise FelTypError(f"{namn} must be a number or numbers, got {x!r}")
    try:
        a = np.asarray(värde, dtype=float)
        b = np.asarray(referens, dtype=float)
    except (TypeError, ValueError) as fel:
        raise FelTypError(
            f"värde and referens must be numbers, got {värde!r} and {referens!r}"
        ) from fel
    ut = funktion(a, b)
    if ut.ndim == 0:
        return float(ut)
    return ut


def procentuell_förändring(värde: Any, referens: Any, *, riktning: Riktning | None = None) -> Any:
    """Relative change (*procentuell förändring*) of ``värde`` against ``referens``.

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
    >>> hu.procentuell_förändring(94, 140, riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE)  # doctest: +ELLIPSIS
    0.3285714...
    >>> hu.procentuell_förändring([10, 5], [0, float("nan")])
    array([nan, nan])

    References
    ----------
    .. [1] Statistiska centralbyrån, "Procent och procentenheter",
       https://www.scb.se/ (the two notions kept apart).
    """
    tecken = _tecken(riktning)

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        with np.errstate(divide="ignore", invalid="ignore"):
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


def procentenheter(värde: Any, referens: Any) -> Any:
    """Difference of two shares in percentage points (*procentenheter*).

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
    halsouppfoljning.exceptions.AndelsError: värde must be a share in [0, 1], got 78.8: did you pass percent? ...
    """

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        kontrollera_andel(a, "värde")
        kontrollera_andel(b, "referens")
        return np.asarray(a - b, dtype=float)

    return _elementvis(värde, referens, beräkna)
