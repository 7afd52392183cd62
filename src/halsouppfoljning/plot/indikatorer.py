"""Figure of an indicator over time against its target.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). The colours are the assessments of
:func:`~halsouppfoljning.måluppfyllelse`; labels are Swedish ("jan 2023",
"78,8 %").

- :func:`indikatordiagram`: an indicator over time against its target.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._indata import TalIn, kontrollera_andel, tal_array
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..indikatorer import Delvis, Målnivå, Måltyp, måluppfyllelse
from . import palett
from ._format import procentaxel, talaxel
from ._grund import (
    FRÅN_DATA,
    KällaIn,
    förklaring,
    källa_från,
    källtext,
    ny_axes,
    pyplot,
    rita_mål,
    rymmer,
    sätt_tidsaxel,
    tidsetikett,
    är_månadsslut,
)

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axes import Axes

__all__ = ["indikatordiagram"]


def _namn(namn: Hashable, annars: str) -> str:
    """A Series name as text; ``annars`` when it has none (None or "")."""
    return annars if namn is None or namn == "" else str(namn)


def indikatordiagram(
    utfall: pd.Series,
    målnivå: Målnivå,
    *,
    föregående: TalIn | None = None,
    avrundning: int | None = None,
    delvis: Delvis | Callable[..., npt.NDArray[np.bool_]] | None = None,
    titel: str | None = None,
    procent: bool | None = None,
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """An indicator over time against its target, points coloured by :term:`måluppfyllelse`.

    Parameters
    ----------
    utfall : pandas.Series
        The outcomes in time order, indexed by a DatetimeIndex or a
        PeriodIndex (months, tertials, years), in the target's unit (shares
        [andel, 0-1] for a percent target). NaN outcomes are drawn as a gap
        and assessed ``UNDERLAG_SAKNAS``.
    målnivå : Målnivå
        The target. A limit is drawn as a dashed line, a band
        (``INTERVALL``) as a shaded band, a two-level target as two lines;
        targets without a level (relative change, direction against the
        previous value, enligt plan, none) draw no line but still colour
        the points (relative targets need ``föregående``).
    föregående, avrundning, delvis : optional
        Passed to :func:`~halsouppfoljning.måluppfyllelse` for the colours:
        the comparison values, the rounding policy (decimals of the
        published scale) and the rule for ``DELVIS``.
    titel : str, optional
        The title; default the Series name (or "Utfall mot mål").
    procent : bool, optional
        Show the values in percent; default when the target's unit is
        ``"andel"``.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``utfall.attrs["källa"]`` when the data carry one; ``None`` or ``""``
        for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        A thin line labelled "Utfall" through the outcomes (x = positions
        0..n-1, tick labels in Swedish, e.g. "jan 2023"), one scatter
        collection per assessment present (labelled with the symbol and the
        word, "✔ uppnådd", "✘ ej uppnådd" ...; colour and marker from
        :data:`~halsouppfoljning.plot.palett.BEDÖMNINGAR`, so that colour is
        never alone), the target line or band (labelled "Mål ≥ 80 %"), a
        legend right of the axes and the title.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``utfall`` is not a Series with a DatetimeIndex or PeriodIndex,
        or ``målnivå`` is not a Målnivå.
    OgiltigtVärdeError
        If ``utfall`` is empty or the target is composite ("90/80/80": plot
        each part on its own).
    AndelsError
        If a percent target gets outcomes outside [0, 1] ("did you pass
        percent?").

    See Also
    --------
    halsouppfoljning.måluppfyllelse : the assessment that colours the points.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import indikatordiagram
    >>> u = pd.Series([0.78, 0.81, 0.84], name="Besök inom 90 dagar",
    ...               index=pd.period_range("2023-01", periods=3, freq="M"))
    >>> ax = indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['jan 2023', 'feb 2023', 'mar 2023']
    >>> sorted(c.get_label() for c in ax.collections)
    ['✔ uppnådd', '✘ ej uppnådd']
    >>> plt.close("all")
    """
    pyplot()
    vad = "indikatordiagram: utfall"
    källrad = källa_från(källa, utfall, "indikatordiagram")
    if not isinstance(målnivå, Målnivå):
        raise FelTypError(
            f"indikatordiagram: målnivå must be a Målnivå, got {type(målnivå).__name__}; "
            "build one with hu.Målnivå.tolka('≥ 80 %')"
        )
    if not (
        isinstance(cast("object", utfall), pd.Series)
        and isinstance(utfall.index, (pd.DatetimeIndex, pd.PeriodIndex))
    ):
        raise FelTypError(
            "indikatordiagram: utfall must be a pandas Series indexed by dates "
            "(DatetimeIndex or PeriodIndex), e.g. pd.Series(values, "
            "index=pd.period_range('2023-01', periods=12, freq='M'))"
        )
    if målnivå.typ is Måltyp.SAMMANSATT:
        raise OgiltigtVärdeError(
            f"indikatordiagram: the composite target {målnivå} has one part per "
            "sub-indicator; draw each part with its own Series (målnivå.delar)"
        )
    if utfall.empty:
        raise OgiltigtVärdeError("indikatordiagram: utfall is empty, nothing to draw")
    if utfall.index.has_duplicates:
        dubbla = list(dict.fromkeys(utfall.index[utfall.index.duplicated()]))
        raise OgiltigtVärdeError(
            f"indikatordiagram: utfall has the period(s) {[str(d) for d in dubbla[:3]]!r} "
            "more than once; give one outcome per period (e.g. utfall.groupby(level=0).last())"
        )
    andel = målnivå.enhet == "andel" if procent is None else procent
    if målnivå.enhet == "andel":
        kontrollera_andel(tal_array(utfall, vad), vad)
    utfall = utfall.sort_index()
    y = tal_array(utfall, vad)
    x = np.arange(len(y))
    bedömning = måluppfyllelse(
        utfall, målnivå, föregående=föregående, avrundning=avrundning, delvis=delvis
    )
    klasser = np.asarray(bedömning, dtype=object)
    ax = ny_axes(ax)
    ax.plot(x, y, color=palett.LINJE, linewidth=1.2, label="Utfall", zorder=2)
    for klass, stil in palett.BEDÖMNINGAR.items():
        träff = (klasser == klass) & np.isfinite(y)
        if träff.any():
            ax.scatter(
                x[träff],
                y[träff],
                color=stil.färg,
                marker=stil.markör,
                edgecolors="black",
                linewidths=0.5,
                s=44,
                zorder=3,
                label=palett.bedömningsetikett(klass),
            )
    nivåer = rita_mål(ax, målnivå)
    rymmer(ax, nivåer)  # the target off the axes' edge
    etiketter = [
        tidsetikett(v, isinstance(v, pd.Timestamp) and är_månadsslut(v)) for v in utfall.index
    ]
    sätt_tidsaxel(ax, etiketter, "Period")
    if andel:
        procentaxel(ax.yaxis, np.concatenate([y, np.asarray(nivåer, dtype=float)]))
        ax.set_ylabel("Andel")
    else:
        ax.set_ylabel(f"Utfall [{målnivå.enhet}]" if målnivå.enhet else "Utfall")
        talaxel(ax.yaxis)
    namn = titel if titel is not None else _namn(utfall.name, "Utfall mot mål")
    ax.set_title(namn)
    förklaring(ax)
    källtext(ax, källrad)
    return ax
