"""Figures of the economy: a forecast chain through a year, and a tornado chart.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). They draw the tables of :func:`~halsouppfoljning.prognoskedja` and
:func:`~halsouppfoljning.känslighetsintervall`; numbers are written the
Swedish way ("-1 200 mnkr").

- :func:`prognosdiagram`: a forecast chain through a year with intervals and
  the budget.
- :func:`tornadodiagram`: the items of a sensitivity analysis, widest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._indata import (
    datumkolumn,
    kontrollera_kolumner,
    med_funktionsnamn,
    ramtyp,
    skalär,
    tal_array,
    text,
    unika_kolumner,
)
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..prognos import Prognos, prognoskedja
from . import palett
from ._format import talaxel, taltext
from ._grund import (
    FRÅN_DATA,
    KällaIn,
    förklaring,
    källa_från,
    källtext,
    månadsetikett,
    ny_axes,
    pyplot,
    rymmer,
    sätt_tidsaxel,
)

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axes import Axes

__all__ = ["prognosdiagram", "tornadodiagram"]


@med_funktionsnamn("prognosdiagram")
def prognosdiagram(
    kedja: pd.DataFrame | Sequence[Prognos],
    *,
    budget: float | None = None,
    utfall: float | None = None,
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """A chain of forecasts through a year, with their intervals and the budget line.

    Parameters
    ----------
    kedja : pandas.DataFrame or sequence of Prognos
        A :func:`~halsouppfoljning.prognoskedja` table (columns
        ``upprättad``, ``värde``, ``nedre``, ``övre``, optionally ``avser``,
        ``enhet``, ``budget``, ``utfall``), or the forecasts themselves
        (passed to :func:`~halsouppfoljning.prognoskedja`). Each needs the
        date it was made (``upprättad``).
    budget : float, optional
        The budget line [enhet]; default the table's ``budget`` when it holds
        one value.
    utfall : float, optional
        The outcome line [enhet]; default the table's ``utfall`` when it
        holds one value.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``kedja.attrs["källa"]`` when the table carries one; ``None`` or
        ``""`` for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        Per forecast period (``avser``), one errorbar series: the point
        forecasts at x = months since the first forecast (tick labels in
        Swedish, "feb 2023"), error bars to ``nedre`` and ``övre`` (an empty
        bar where the interval is missing); a dashed line "Budget <value>" and
        a dotted line "Utfall <value>" when known; y axis in the unit, the
        Swedish way; the legend right of the axes.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``kedja`` is neither a DataFrame nor a sequence of Prognos.
    SaknadKolumnError
        If a needed column is missing.
    OgiltigtVärdeError
        If the chain is empty, a forecast lacks ``upprättad``, or an interval
        does not contain its forecast.

    See Also
    --------
    halsouppfoljning.prognoskedja, halsouppfoljning.helårsprognos

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import prognosdiagram
    >>> kedja = [hu.Prognos(värde=-800, nedre=-850, övre=-780, upprättad="2023-01", budget=0),
    ...          hu.Prognos(värde=-890, nedre=-940, övre=-870, upprättad="2023-02", budget=0)]
    >>> ax = prognosdiagram(kedja)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['jan 2023', 'feb 2023']
    >>> [l.get_label() for l in ax.get_lines()][-1]
    'Budget 0 mnkr'
    >>> plt.close("all")
    """
    pyplot()
    vad = "prognosdiagram"
    källrad = källa_från(källa, kedja, vad)
    if isinstance(kedja, pd.DataFrame):
        tabell = kedja
    elif isinstance(kedja, (list, tuple)):
        tabell = prognoskedja(list(kedja))
    else:
        raise FelTypError(
            "prognosdiagram: kedja must be a hu.prognoskedja() table or a list of hu.Prognos, "
            f"got {type(kedja).__name__}"
        )
    kontrollera_kolumner(tabell.columns, ["upprättad", "värde", "nedre", "övre"], "prognosdiagram")
    if tabell.empty:
        raise OgiltigtVärdeError(
            "prognosdiagram: kedja is empty (no forecast), nothing to draw; pass at least one "
            "hu.Prognos"
        )
    datum = datumkolumn(tabell["upprättad"], "upprättad", vad)
    if np.isnat(datum).any():
        raise OgiltigtVärdeError(
            "prognosdiagram: every forecast of kedja needs its date (upprättad); "
            f"{int(np.isnat(datum).sum())} lack one"
        )
    värde = tal_array(tabell["värde"], f"{vad}: the värde column of kedja")
    nedre = tal_array(tabell["nedre"], f"{vad}: the nedre column of kedja")
    övre = tal_array(tabell["övre"], f"{vad}: the övre column of kedja")
    utanför = (nedre > värde) | (övre < värde)
    if utanför.any():
        rad_nr = int(np.flatnonzero(utanför)[0])
        raise OgiltigtVärdeError(
            f"prognosdiagram: row {rad_nr} of kedja has an interval "
            f"[{tabell['nedre'].iloc[rad_nr]}, {tabell['övre'].iloc[rad_nr]}] that does not "
            f"contain its forecast {tabell['värde'].iloc[rad_nr]}; nedre <= värde <= övre is "
            "needed"
        )
    år_månad = datum.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    månad = år_månad + 1970 * 12
    första = int(månad.min())
    x_alla = (månad - första).astype(float)
    enhet = "mnkr"
    if "enhet" in tabell.columns and tabell["enhet"].notna().any():
        enhet = str(tabell["enhet"].dropna().iloc[0])
    avser = (
        tabell["avser"].astype(object).fillna("").astype(str).to_numpy()
        if "avser" in tabell.columns
        else np.full(len(tabell), "", dtype=object)
    )
    ax = ny_axes(ax)
    for nr, period in enumerate(dict.fromkeys(avser)):
        rad = avser == period
        ordning = np.argsort(x_alla[rad], kind="stable")
        x, y = x_alla[rad][ordning], värde[rad][ordning]
        # a missing interval is NaN: matplotlib draws no bar for it
        fel = np.vstack([y - nedre[rad][ordning], övre[rad][ordning] - y])
        ax.errorbar(
            x,
            y,
            yerr=fel,
            marker=palett.SERIEMARKÖRER[nr % len(palett.SERIEMARKÖRER)],
            color=palett.SERIEFÄRGER[nr % len(palett.SERIEFÄRGER)],
            capsize=4,
            label=f"Prognos {period}".strip(),
        )

    def ett_värde(kolumn: str, givet: float | None) -> float | None:
        if givet is not None:
            return skalär(givet, f"{vad}: {kolumn}")
        if kolumn in tabell.columns:
            unika = np.unique(tal_array(tabell[kolumn], f"{vad}: {kolumn}"))
            unika = unika[~np.isnan(unika)]
            if len(unika) == 1:
                return float(unika[0])
        return None

    budgetvärde = ett_värde("budget", budget)
    utfallsvärde = ett_värde("utfall", utfall)
    if budgetvärde is not None:
        decimaler = 0 if budgetvärde.is_integer() else 1
        ax.axhline(
            budgetvärde,
            color=palett.MÅLFÄRG,
            linestyle="--",
            label=f"Budget {taltext(budgetvärde, decimaler, enhet=enhet)}",
        )
    if utfallsvärde is not None:
        ax.axhline(
            utfallsvärde,
            color=palett.UPPSIDA,
            linestyle=":",
            label=f"Utfall {taltext(utfallsvärde, 1, enhet=enhet)}",
        )
    steg = np.arange(int(x_alla.max()) + 1)
    etiketter = [månadsetikett(första + int(k)) for k in steg]
    sätt_tidsaxel(ax, etiketter, "Prognos upprättad")
    rymmer(ax, [budgetvärde, utfallsvärde])  # the budget off the axes' edge
    talaxel(ax.yaxis)
    ax.set_ylabel(f"Helårsprognos [{enhet}]")
    titel = "Prognoskedja"
    perioder = [p for p in dict.fromkeys(avser) if p]
    if len(perioder) == 1:
        titel += f" {perioder[0]}"
    ax.set_title(titel)
    förklaring(ax)
    källtext(ax, källrad)
    return ax


def tornadodiagram(
    bidrag: pd.DataFrame,
    *,
    punkt: float | None = None,
    enhet: str = "mnkr",
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """A tornado chart of the items of a sensitivity analysis, widest range on top.

    Parameters
    ----------
    bidrag : pandas.DataFrame
        The item table from :func:`~halsouppfoljning.känslighetsintervall`
        with ``bidrag=True`` (index = item names, columns ``ned`` <= 0 and
        ``upp`` >= 0, optionally ``nedre``/``övre``), or any table with
        ``ned`` and ``upp``. Items with a missing range are left out and
        counted in the title.
    punkt : float, optional
        The point forecast the bars start from [enhet]; default read from the
        table (``nedre − ned``), else 0.
    enhet : str
        The unit for the axis label.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``bidrag.attrs["källa"]`` when the table carries one; ``None`` or
        ``""`` for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        Two horizontal bars per item (the downside, vermilion and hatched,
        from ``punkt + ned`` to ``punkt``, the upside in blue-green from
        ``punkt`` to ``punkt + upp``), items sorted by range (``upp − ned``) with the widest on top,
        item names as tick labels, a vertical line at ``punkt`` labelled
        "Prognos <value>", the ranges written at the bar ends ("-30", "+10").

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``bidrag`` is not a DataFrame.
    SaknadKolumnError
        If ``ned`` or ``upp`` is missing.
    OgiltigtVärdeError
        If no item has a range, a downside is above zero or an upside below.

    See Also
    --------
    halsouppfoljning.känslighetsintervall

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import tornadodiagram
    >>> poster = {"Köpt vård": (-20, 5), "Läkemedel": (-30, 10)}
    >>> nedre, övre, b = hu.känslighetsintervall(poster, punkt=-890, bidrag=True)
    >>> ax = tornadodiagram(b)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Läkemedel', 'Köpt vård']
    >>> len(ax.patches), ax.get_lines()[0].get_label()
    (4, 'Prognos -890 mnkr')
    >>> plt.close("all")
    """
    pyplot()
    vad = "tornadodiagram"
    källrad = källa_från(källa, bidrag, vad)
    enhet = text(enhet, f"{vad}: enhet (the money unit, e.g. 'mnkr')")
    ramtyp(
        bidrag,
        vad,
        argument="bidrag (the item table from hu.känslighetsintervall(..., bidrag=True))",
        dask=False,
    )
    unika_kolumner(bidrag, vad, argument="bidrag")
    kontrollera_kolumner(bidrag.columns, ["ned", "upp"], vad)
    ned_alla = tal_array(bidrag["ned"], f"{vad}: ned")
    upp_alla = tal_array(bidrag["upp"], f"{vad}: upp")
    har = np.isfinite(ned_alla) & np.isfinite(upp_alla)
    if not har.any():
        raise OgiltigtVärdeError(
            "tornadodiagram: no item of bidrag has both ned and upp; fill in the ranges first "
            "(the bundled Västmanland items are printed only as a chart)"
        )
    if (ned_alla[har] > 0).any() or (upp_alla[har] < 0).any():
        raise OgiltigtVärdeError(
            "tornadodiagram: each item of bidrag needs ned <= 0 (downside) and upp >= 0 (upside)"
        )
    if punkt is not None:
        punkt = skalär(punkt, f"{vad}: punkt")
    elif "nedre" in bidrag.columns:
        skillnad = tal_array(bidrag["nedre"], f"{vad}: nedre") - ned_alla
        skillnad = skillnad[np.isfinite(skillnad)]
        punkt = float(skillnad[0]) if skillnad.size else 0.0
    else:
        punkt = 0.0
    namn = np.asarray([str(n) for n in bidrag.index], dtype=object)[har]
    ned, upp = ned_alla[har], upp_alla[har]
    ordning = np.argsort(-(upp - ned), kind="stable")
    namn, ned, upp = namn[ordning], ned[ordning], upp[ordning]
    y = np.arange(len(namn))
    ax = ny_axes(ax, figsize=(6.4, 0.45 * len(namn) + 1.6))
    ax.barh(
        y,
        -ned,
        left=punkt + ned,
        color=palett.NEDSIDA,
        hatch=palett.KLASSMÖNSTER["röd"],
        edgecolor="white",
        linewidth=0.0,
        label="Nedsida",
    )
    ax.barh(y, upp, left=punkt, color=palett.UPPSIDA, label="Uppsida")
    for yi, a, b in zip(y, ned, upp, strict=True):
        ax.text(
            punkt + a,
            float(yi),
            f" {taltext(a, 0)} ",
            ha="right",
            va="center",
            fontsize="small",
        )
        ax.text(
            punkt + b,
            float(yi),
            f" +{taltext(b, 0)} ",
            ha="left",
            va="center",
            fontsize="small",
        )
    ax.set_yticks(y, list(namn))
    ax.invert_yaxis()
    # room for the range labels at the bar ends (the bars' sticky edges defeat margins)
    vänster, höger = float((punkt + ned).min()), float((punkt + upp).max())
    marginal = 0.18 * max(höger - vänster, 1e-9)
    ax.set_xlim(vänster - marginal, höger + marginal)
    ax.axvline(
        punkt,
        color="black",
        linewidth=1,
        label=f"Prognos {taltext(punkt, enhet=enhet)}",
    )
    talaxel(ax.xaxis)
    ax.set_xlabel(f"Helårsresultat när posten ensam når sitt ytterläge [{enhet}]")
    saknas = int((~har).sum())
    titel = "Känslighetsanalys av prognosen"
    if saknas:
        titel += f" ({saknas} poster utan spann utelämnade)"
    ax.set_title(titel)
    förklaring(ax)
    källtext(ax, källrad)
    return ax
