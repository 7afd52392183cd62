"""Figure of waiting-time shares over time, with the Wilson interval and the target.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). It draws a :func:`~halsouppfoljning.väntetidsandelar` (or
:func:`~halsouppfoljning.sammanvägda_andelar`) table as it is; labels are
Swedish ("jan 2023", "80 %").

- :func:`väntetidsdiagram`: shares within a waiting-time limit per month.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .._indata import (
    kontrollera_andel,
    kontrollera_kolumner,
    ramtyp,
    skalär,
    tal_array,
    unika_kolumner,
)
from ..exceptions import OgiltigtVärdeError, SaknadKolumnError
from ..indikatorer import Målnivå
from ..vantetider import RESULTATKOLUMNER, Väntetidsgräns
from . import palett
from ._format import andelstext, procentaxel
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
    tidpunkter,
)

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axes import Axes

__all__ = ["väntetidsdiagram"]


def _välj_gräns(andelar: pd.DataFrame, gräns: str | float | Väntetidsgräns | None) -> pd.DataFrame:
    namn = andelar["gränsnamn"].astype(object)
    if gräns is None:
        unika = list(pd.unique(namn))
        if len(unika) > 1:
            raise OgiltigtVärdeError(
                f"väntetidsdiagram: the table holds several limits {unika!r}; choose one "
                "with gräns= (its name, a number of days or a Väntetidsgräns)"
            )
        return andelar
    if isinstance(gräns, Väntetidsgräns):
        mask = (namn == gräns.namn).to_numpy() & (andelar["gräns"] == gräns.gräns).to_numpy()
    elif isinstance(gräns, str):
        mask = (namn == gräns).to_numpy()
    else:  # a number of days (or hours); anything else is refused by the input layer
        mask = (andelar["gräns"] == skalär(gräns, "väntetidsdiagram: gräns")).to_numpy()
        if len(pd.unique(namn[mask])) > 1:
            raise OgiltigtVärdeError(
                f"väntetidsdiagram: several limits of {gräns!r} "
                f"{list(pd.unique(namn[mask]))!r}; choose one by its name"
            )
    if not mask.any():
        raise OgiltigtVärdeError(
            f"väntetidsdiagram: no rows for the limit gräns={repr(gräns)[:40]}; the table holds "
            f"{list(pd.unique(namn))!r}"
        )
    return andelar.loc[mask]


def väntetidsdiagram(
    andelar: pd.DataFrame,
    *,
    gräns: str | float | Väntetidsgräns | None = None,
    mål: float | Målnivå | None = None,
    intervall: Literal["band", "staplar", "inget"] = "band",
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """Shares within a waiting-time limit over time, with the Wilson interval and the target.

    Parameters
    ----------
    andelar : pandas.DataFrame
        A result of :func:`~halsouppfoljning.väntetidsandelar` with several
        snapshot dates (column ``mätdatum``, the stock) or periods (column
        ``period``, the flow), or of
        :func:`~halsouppfoljning.sammanvägda_andelar` that kept one of them.
        Grouping columns (region, vårdtyp ...) give one line per group.
    gräns : str, float or Väntetidsgräns, optional
        Which limit to draw when the table holds several: its ``gränsnamn``,
        its number of days, or the :class:`~halsouppfoljning.Väntetidsgräns`.
    mål : float or Målnivå, optional
        The target share [andel, 0-1] (e.g. 0.8, or ``Målnivå.tolka("≥ 80
        %")``), drawn as a dashed line (a band for an interval).
    intervall : {"band", "staplar", "inget"}
        Draw the Wilson interval (columns ``nedre``, ``övre``) as a shaded
        band (default), as error bars, or not at all; named in the legend
        "Konfidensintervall (Wilson)".
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``andelar.attrs["källa"]`` when the table carries one; ``None`` or
        ``""`` for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One line per group (labelled by the group's values, or
        "Andel inom gränsen" without groups; colours and markers
        :data:`~halsouppfoljning.plot.palett.SERIEFÄRGER` and
        :data:`~halsouppfoljning.plot.palett.SERIEMARKÖRER`) at x positions 0..n-1 of the
        time points (tick labels in Swedish, "jan 2023"); the intervals;
        open markers on cells flagged ``undertryckt`` (fewer patients than
        ``minsta_antal``, which SKR does not publish); the target line
        labelled "Mål 80 %"; y axis in percent; the legend right of the
        axes; the title is the limit's name.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``andelar`` is not a DataFrame, or ``gräns`` is of another type.
    SaknadKolumnError
        If the table has neither ``mätdatum`` nor ``period``, or lacks
        ``andel``.
    OgiltigtVärdeError
        If the table is empty, holds several limits and ``gräns`` does not
        choose one, or ``intervall`` is unknown.
    AndelsError
        If ``mål`` is not a share ("did you pass percent?").

    See Also
    --------
    halsouppfoljning.väntetidsandelar, halsouppfoljning.sammanvägda_andelar

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import väntetidsdiagram
    >>> d = pd.DataFrame({"start": pd.to_datetime(["2023-01-02", "2023-01-20", "2022-11-01"]),
    ...                   "slut": pd.to_datetime(["2023-03-01", None, "2023-02-10"])})
    >>> a = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut",
    ...                         mätdatum=pd.date_range("2023-01-31", periods=3, freq="ME"))
    >>> ax = väntetidsdiagram(a, mål=0.8)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['jan 2023', 'feb 2023', 'mar 2023']
    >>> [round(float(v), 3) for v in ax.get_lines()[0].get_ydata()]
    [0.667, 1.0, 1.0]
    >>> plt.close("all")
    """
    pyplot()
    källrad = källa_från(källa, andelar, "väntetidsdiagram")
    ramtyp(andelar, "väntetidsdiagram", argument="andelar (from hu.väntetidsandelar())", dask=False)
    val: object = intervall  # any object may come in; only the three words are valid
    if not isinstance(val, str) or val not in ("band", "staplar", "inget"):
        raise OgiltigtVärdeError(
            "väntetidsdiagram: intervall must be 'band', 'staplar' or 'inget', got "
            f"{str(intervall)[:40]!r}"
        )
    if "mätdatum" in andelar.columns:
        tid = "mätdatum"
    elif "period" in andelar.columns:
        tid = "period"
    else:
        raise SaknadKolumnError(
            "väntetidsdiagram: the table has neither 'mätdatum' (stock) nor 'period' "
            "(flow); call hu.väntetidsandelar with mätdatum= or period="
        )
    unika_kolumner(andelar, "väntetidsdiagram", argument="andelar")
    kontrollera_kolumner(andelar.columns, ["andel", "gränsnamn", "gräns"], "väntetidsdiagram")
    utan_namn = andelar["gränsnamn"].isna() | (andelar["gränsnamn"].astype(str).str.strip() == "")
    if utan_namn.any():
        raise OgiltigtVärdeError(
            f"väntetidsdiagram: the gränsnamn column of andelar is missing (NaN/None/'') in "
            f"{int(utan_namn.sum())} row(s), e.g. row {andelar.index[utan_namn.to_numpy()][0]!r}; "
            "every row needs its limit's name (as hu.väntetidsandelar gives it): fill it in"
        )
    if andelar.empty:
        raise OgiltigtVärdeError("väntetidsdiagram: the table is empty, nothing to draw")
    data = _välj_gräns(andelar, gräns)
    grupper = [
        k
        for k in data.columns
        if k not in RESULTATKOLUMNER and not str(k).startswith("exkluderade_")
    ]
    punkter, etiketter = tidpunkter(list(data[tid]))
    position = {p: i for i, p in enumerate(punkter)}
    x_alla = np.array([position[v] for v in data[tid]], dtype=float)
    ax = ny_axes(ax)
    if grupper:
        nycklar = data[grupper].astype(object).astype(str).agg(", ".join, axis=1).to_numpy()
        ordning = list(dict.fromkeys(nycklar))
    else:
        nycklar = np.full(len(data), "Andel inom gränsen", dtype=object)
        ordning = ["Andel inom gränsen"]
    andel = tal_array(data["andel"], "väntetidsdiagram: andel")
    saknas = np.full_like(andel, np.nan)
    nedre = tal_array(data["nedre"], "väntetidsdiagram: nedre") if "nedre" in data else saknas
    övre = tal_array(data["övre"], "väntetidsdiagram: övre") if "övre" in data else saknas
    undertryckt = (
        data["undertryckt"].to_numpy(dtype=bool)
        if "undertryckt" in data
        else np.zeros(len(data), dtype=bool)
    )
    visad_undertryckt = False
    wilson = "Konfidensintervall (Wilson)"
    en_grupp = len(ordning) == 1
    for nr, nyckel in enumerate(ordning):
        rad = nycklar == nyckel
        sortering = np.argsort(x_alla[rad], kind="stable")
        x = x_alla[rad][sortering]
        y = andel[rad][sortering]
        färg = palett.SERIEFÄRGER[nr % len(palett.SERIEFÄRGER)]
        markör = palett.SERIEMARKÖRER[nr % len(palett.SERIEMARKÖRER)]
        ax.plot(x, y, color=färg, marker=markör, markersize=4, label=nyckel)
        ned, upp = nedre[rad][sortering], övre[rad][sortering]
        # one legend entry for the intervals: the line's colour for one group, grey for several
        # (each band has its group's colour)
        etikett = wilson if nr == 0 and en_grupp else None
        if intervall == "band":
            ax.fill_between(x, ned, upp, color=färg, alpha=0.2, linewidth=0, label=etikett)
        elif intervall == "staplar":
            fel = np.vstack([y - ned, upp - y])
            ax.errorbar(x, y, yerr=fel, fmt="none", ecolor=färg, capsize=3, label=etikett)
        små = undertryckt[rad][sortering]
        if små.any():
            ax.scatter(
                x[små],
                y[små],
                facecolors="white",
                edgecolors=färg,
                s=40,
                zorder=3,
                label=None if visad_undertryckt else "undertryckt (för få patienter)",
            )
            visad_undertryckt = True
    värden = [andel, nedre, övre]
    if mål is not None:
        if isinstance(mål, Målnivå):
            värden.append(np.asarray(rita_mål(ax, mål), dtype=float))
        else:
            andel_mål = skalär(mål, "väntetidsdiagram: mål (a share or a Målnivå)")
            kontrollera_andel(andel_mål, "väntetidsdiagram: mål (a share or a Målnivå)")
            ax.axhline(
                andel_mål,
                color=palett.MÅLFÄRG,
                linestyle="--",
                label=f"Mål {andelstext(andel_mål, 0)}",
            )
            värden.append(np.array([andel_mål]))
    sätt_tidsaxel(ax, etiketter, "Mätdatum" if tid == "mätdatum" else "Period")
    if len(värden) > 3:
        rymmer(ax, [float(v) for v in värden[3]])  # the target off the axes' edge
    procentaxel(ax.yaxis, np.concatenate(värden))
    ax.set_ylabel("Andel inom gränsen")
    namn = str(data["gränsnamn"].iloc[0])
    bas = "väntande" if tid == "mätdatum" else "genomförda"
    ax.set_title(f"{namn[:1].upper()}{namn[1:]} ({bas})")
    handtag, texter = ax.get_legend_handles_labels()
    if intervall != "inget" and not en_grupp:
        from matplotlib.patches import Patch  # noqa: PLC0415

        handtag.append(Patch(facecolor=palett.INGEN_KLASS, alpha=0.4))
        texter.append(wilson)
    förklaring(ax, handtag, texter)
    källtext(ax, källrad)
    return ax
