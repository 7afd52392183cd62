"""Figures of regions side by side: ranked bars and small multiples of change.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). The numbers come from the comparison functions
(:func:`~halsouppfoljning.färgklasser`, :func:`~halsouppfoljning.rangordning`,
:func:`~halsouppfoljning.sammanvägning`, :func:`~halsouppfoljning.förändring`),
called with the same arguments.

- :func:`rangdiagram`: regions ranked in a bar chart, with Riket and the
  target, coloured by a :class:`~halsouppfoljning.Färgregel`.
- :func:`förändringsdiagram`: small multiples of the direction-signed change
  per indicator.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._indata import (
    boolesk,
    heltal,
    kontrollera_kolumner,
    med_funktionsnamn,
    ramtyp,
    skalär,
    tal_array,
    unika_kolumner,
)
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..indikatorer import Målnivå
from ..jamforelse import (
    RIKET,
    Färgregel,
    RiktningIn,
    färgklasser,
    rangordning,
    sammanvägning,
)
from . import palett
from ._format import andelstext, förändringsaxel, procentaxel, talaxel, taltext
from ._grund import (
    FRÅN_DATA,
    KällaIn,
    förklaring,
    förklaring_med_färgklasser,
    kortnamn,
    källa_från,
    källtext,
    kärnindikator_är_andel,
    målvärden,
    ny_axes,
    pyplot,
    regionordning,
    rymmer,
    som_panel,
    visningsnamn,
)

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axes import Axes

__all__ = ["förändringsdiagram", "rangdiagram"]


def _en(panel: pd.DataFrame, kolumn: str, val: Hashable | None, vad: str) -> Hashable:
    """The one value of ``kolumn`` to draw: ``val`` (one of the panel's), or the only one."""
    unika = pd.unique(panel[kolumn])
    if len(unika) == 0:
        raise OgiltigtVärdeError(
            f"{vad}: panel has no rows (for the choices made); nothing to draw"
        )
    if val is not None:
        try:
            hash(val)
            träff = [u for u in unika if not isinstance(val, (bool, np.bool_)) and u == val]
        except (TypeError, ValueError):
            träff = []
        if not träff:
            raise OgiltigtVärdeError(
                f"{vad}: {kolumn} {str(val)[:40]!r} is not in the panel; its {kolumn} values "
                f"are {list(unika)[:8]!r}: choose one of them"
            )
        vald = träff[0]
        return vald.item() if isinstance(vald, np.generic) else vald  # type: ignore[no-any-return]
    if len(unika) != 1:
        raise OgiltigtVärdeError(
            f"{vad}: the panel holds several {kolumn} values {list(unika)[:5]!r}; pass "
            f"{kolumn}=... to choose one"
        )
    return unika[0]  # type: ignore[no-any-return]


@med_funktionsnamn("rangdiagram")
def rangdiagram(
    panel: pd.DataFrame,
    *,
    indikator: str | None = None,
    period: Hashable | None = None,
    kön: str | None = None,
    regel: Färgregel | None = None,
    riktning: RiktningIn = None,
    riket: Literal["publicerat", "beräknat"] | float | None = "publicerat",
    mål: float | Målnivå | None = None,
    procent: bool | None = None,
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """Bar chart of the regions ranked best first, with Riket and the target.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`.
    indikator, period, kön : optional
        Which indicator, period and gender to draw; each may be omitted when
        the panel holds only one. ``period`` defaults to the latest with a
        value.
    regel : Färgregel, optional
        Colour the bars by this rule (:func:`~halsouppfoljning.färgklasser`);
        default one neutral colour. Regions without a class are grey.
    riktning : Riktning, str or mapping, optional
        The good direction, for all indicators or per indicator id (default
        the bundled core indicators).
    riket : "publicerat", "beräknat", float or None
        The Riket line: the value printed in the panel's Riket row
        (default; no line if there is none), the value computed by
        :func:`~halsouppfoljning.sammanvägning` with its default rule, a
        number, or no line.
    mål : float or Målnivå, optional
        The target: a line at a limit, a shaded band for an interval. With a
        target rule (``Färgregel.mål``) holding one Målnivå, that target is
        drawn when ``mål`` is not given.
    procent : bool, optional
        Show the axis in percent; default: when the bundled unit is a share.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``panel.attrs["källa"]`` (a panel from Kolada says "Källa: Kolada");
        ``None`` or ``""`` for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per region with a value (best on top, labelled by
        short name; with a rule, coloured and hatched by class from
        :mod:`~halsouppfoljning.plot.palett`, the legend naming each class
        with its symbol), a dashed line for Riket and a dotted line (or band)
        for the target, each in the legend right of the axes;
        ``ax.get_title()`` names the indicator, the period and the colour rule.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``panel`` is not a pandas DataFrame, or ``riket`` is neither a
        number nor one of the words.
    SaknadKolumnError
        If the panel lacks ``region``, ``indikator``, ``period`` or ``värde``.
    OgiltigtVärdeError
        If the panel holds several indicators, periods or genders and none
        is chosen, ``riket`` is another word, or nothing is left to draw.

    See Also
    --------
    halsouppfoljning.färgklasser, halsouppfoljning.rangordning

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import rangdiagram
    >>> p = hu.regionpanel(pd.DataFrame({2023: [0.6, 0.8, 0.7, 0.72]},
    ...                    index=["03", "19", "04", "Riket"]), indikator="x")
    >>> ax = rangdiagram(p, regel=hu.Färgregel.rang(1/3, 1/3),
    ...                  riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, mål=0.75)
    >>> len(ax.patches), [l.get_label() for l in ax.get_lines()]
    (3, ['Riket 0,72', 'Mål 0,75'])
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    plt = pyplot()
    vad = "rangdiagram"
    källrad = källa_från(källa, panel, vad)
    panel = som_panel(panel, vad)
    vald_indikator = _en(panel, "indikator", indikator, vad)
    urval = panel.loc[(panel["indikator"] == vald_indikator).to_numpy()]
    if "kön" in urval.columns:
        valt_kön = _en(urval, "kön", kön, vad)
        urval = urval.loc[(urval["kön"] == valt_kön).to_numpy()]
    if period is not None:
        period = _en(urval, "period", period, vad)
    else:
        med_värde = urval.loc[urval["värde"].notna() & (urval["region"] != RIKET), "period"]
        if med_värde.empty:
            raise OgiltigtVärdeError(
                f"{vad}: indicator {vald_indikator!r} has no region values in panel; give a "
                "panel with values, or choose another indikator"
            )
        try:
            period = med_värde.max()
        except TypeError:
            raise FelTypError(
                f"{vad}: the period column of panel mixes kinds of label "
                f"({sorted({type(x).__name__ for x in med_värde})!r}); give every row a period "
                "of one kind (e.g. the year 2023 in every row)"
            ) from None
    urval = urval.loc[(urval["period"] == period).to_numpy()]
    if regel is not None:
        klassat = färgklasser(urval, regel, riktning=riktning)
        klass = klassat["färgklass"].astype(object)
        färg = klass.map(palett.KLASSFÄRGER).fillna(palett.INGEN_KLASS)
        mönster = klass.map(palett.KLASSMÖNSTER).fillna("")
        urval = klassat.assign(_färg=färg.to_numpy(), _mönster=mönster.to_numpy())
    else:
        urval = urval.assign(_färg=palett.LINJE, _mönster="")
    rangad = rangordning(urval, riktning=riktning, metod="first")
    regioner = rangad.loc[rangad["rang"].notna().to_numpy()].sort_values("rang")
    if regioner.empty:
        raise OgiltigtVärdeError(
            f"{vad}: no region of panel has a value for {vald_indikator!r} in {period!r}"
        )
    ax = ny_axes(ax, figsize=(6.4, 0.28 * len(regioner) + 1.6))
    y = np.arange(len(regioner))
    staplar = ax.barh(
        y,
        regioner["värde"].to_numpy(dtype=float),
        color=list(regioner["_färg"]),
        edgecolor="white",
        linewidth=0.0,
    )
    for stapel, mönster in zip(staplar, regioner["_mönster"], strict=True):
        stapel.set_hatch(str(mönster))
    ax.set_yticks(y, [kortnamn(r) for r in regioner["region"]])
    ax.invert_yaxis()

    riksvärde: float | None = None
    if riket is None:
        pass
    elif not isinstance(riket, str):
        riksvärde = skalär(riket, f"{vad}: riket")
    elif riket == "publicerat":
        rad = urval.loc[(urval["region"] == RIKET).to_numpy(), "värde"]
        riksvärde = float(rad.iloc[0]) if len(rad) and np.isfinite(rad.iloc[0]) else None
    elif riket == "beräknat":
        riksvärde = float(sammanvägning(urval)["värde"].iloc[0])
    else:
        raise OgiltigtVärdeError(
            f"{vad}: riket must be 'publicerat', 'beräknat', a number or None, got {riket!r}"
        )
    andel = (
        kärnindikator_är_andel(str(vald_indikator))
        if procent is None
        else boolesk(procent, f"{vad}: procent")
    )

    def text(x: float) -> str:
        return andelstext(x) if andel else taltext(x, None if x == round(x, 1) else 2)

    if riksvärde is not None:
        ax.axvline(riksvärde, color="black", linestyle="--", label=f"Riket {text(riksvärde)}")
    if mål is None and regel is not None and isinstance(regel.målnivå, Målnivå):
        mål = regel.målnivå
    linje, band = målvärden(mål, f"{vad}: mål (a number or a Målnivå)")
    if linje is not None:
        ax.axvline(linje, color=palett.MÅLFÄRG, linestyle=":", label=f"Mål {text(linje)}")
    if band is not None:
        ax.axvspan(
            *band, color=palett.UPPSIDA, alpha=0.12, label=f"Mål {text(band[0])}–{text(band[1])}"
        )
    # Riket and the target off the axes' edge
    rymmer(ax, [riksvärde, linje, *(band or ())], axel="x")
    if andel:
        procentaxel(ax.xaxis)
    else:
        talaxel(ax.xaxis)
    if regel is not None:
        förklaring_med_färgklasser(ax)
    else:
        förklaring(ax)
    namn = visningsnamn(str(vald_indikator))
    rubrik = f"{namn}, {period}"
    if regel is not None:
        rubrik += f"\nFärg: {regel.typ}"
    ax.set_title(rubrik)
    plt.setp(ax.get_yticklabels(), fontsize="small")
    källtext(ax, källrad)
    return ax


def förändringsdiagram(
    förändringar: pd.DataFrame,
    *,
    kolumn: Literal["förändring", "procentenheter", "differens"] = "förändring",
    kolumner: int = 3,
    riket: bool = True,
    källa: KällaIn = FRÅN_DATA,
    axes: Sequence[Axes] | npt.NDArray[np.object_] | None = None,
) -> npt.NDArray[np.object_]:
    """Small multiples of the direction-signed change per indicator, one panel each.

    Parameters
    ----------
    förändringar : pandas.DataFrame
        The result of :func:`~halsouppfoljning.förändring` (one gender).
    kolumn : {"förändring", "procentenheter", "differens"}
        What to draw: the relative change (default, in percent), the change
        in procentenheter, or the difference in the indicator's unit; all
        signed so that positive is better.
    kolumner : int
        Number of panels per row.
    riket : bool
        Include Riket's bar (drawn in black) when present.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``förändringar.attrs["källa"]``; ``None`` or ``""`` for none.
    axes : array of matplotlib.axes.Axes, optional
        Draw here (at least one per indicator); default a new figure.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        One Axes per indicator, in the order they appear; each has the same
        rows (every region of the table, Riket first, then länskod order) and
        one horizontal bar per region with a change, blue-green when better
        and vermilion and hatched when worse (Riket black), a vertical line
        at zero, and the
        title "<indicator> <reference period>–<period>". Unused panels of
        the grid are removed.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``förändringar`` is not a pandas DataFrame.
    SaknadKolumnError
        If the table lacks ``kolumn``, ``region`` or ``indikator``.
    OgiltigtVärdeError
        If ``kolumn`` is unknown, the table holds several genders, or
        ``kolumner`` is not a whole number of at least 1.

    See Also
    --------
    halsouppfoljning.förändring

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import förändringsdiagram
    >>> p = hu.regionpanel(pd.DataFrame({2019: [0.5, 0.4], 2023: [0.6, 0.3]},
    ...                    index=["03", "19"]), indikator="x")
    >>> f = hu.förändring(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    >>> axes = förändringsdiagram(f)
    >>> len(axes), [float(round(b.get_width(), 2)) for b in axes[0].patches]
    (1, [0.2, -0.25])
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    plt = pyplot()
    vad = "förändringsdiagram"
    källrad = källa_från(källa, förändringar, vad)
    vald_kolumn: object = kolumn
    if not isinstance(vald_kolumn, str) or vald_kolumn not in (
        "förändring",
        "procentenheter",
        "differens",
    ):
        raise OgiltigtVärdeError(
            f"{vad}: kolumn must be 'förändring', 'procentenheter' or 'differens', got "
            f"{str(kolumn)[:40]!r}"
        )
    riket = boolesk(riket, f"{vad}: riket")
    kolumner = heltal(kolumner, f"{vad}: kolumner", minst=1)
    ramtyp(förändringar, vad, argument="förändringar (the table from hu.förändring())", dask=False)
    unika_kolumner(förändringar, vad, argument="förändringar")
    kontrollera_kolumner(förändringar.columns, [kolumn, "region", "indikator"], vad)
    data = förändringar
    saknade_regioner = int(data["region"].isna().sum())
    if saknade_regioner:
        raise OgiltigtVärdeError(
            f"{vad}: the region column of förändringar is missing (NaN/None) in "
            f"{saknade_regioner} row(s); every row needs its region: fill it in or drop those rows"
        )
    if "kön" in data.columns and len(set(data["kön"])) > 1:
        raise OgiltigtVärdeError(
            f"{vad}: the table holds several genders; filter one first, e.g. f[f['kön'] == 'T']"
        )
    if not riket:
        data = data.loc[(data["region"] != RIKET).to_numpy()]
    if data["indikator"].isna().any():
        raise OgiltigtVärdeError(
            f"{vad}: the indikator column of förändringar is missing (NaN/None) in "
            f"{int(data['indikator'].isna().sum())} row(s); every row needs its indicator"
        )
    indikatorer = list(dict.fromkeys(data["indikator"]))
    if not indikatorer:
        raise OgiltigtVärdeError(f"{vad}: förändringar has no rows, nothing to draw")
    n = len(indikatorer)
    if axes is None:
        rader = math.ceil(n / kolumner)
        ncol = min(n, kolumner)
        fig, rutnät = plt.subplots(
            rader,
            ncol,
            figsize=(3.6 * ncol, 0.2 * 22 * rader + 1),
            squeeze=False,
            sharey=True,
            layout="constrained",
        )
        platt = rutnät.ravel()
        for överblivna in platt[n:]:
            fig.delaxes(överblivna)
        axlar = platt[:n]
    else:
        axlar = np.asarray(axes, dtype=object).ravel()
        if len(axlar) < n:
            raise OgiltigtVärdeError(f"{vad}: {n} indicators need {n} Axes, got {len(axlar)}")
        axlar = axlar[:n]
    # The same rows in every panel: all regions of the table, Riket first, länskod order.
    unika = pd.Series(pd.unique(data["region"]))
    alla = unika.iloc[np.argsort(regionordning(unika), kind="stable")].tolist()
    position = {r: i for i, r in enumerate(alla)}
    for ax, indikator in zip(axlar, indikatorer, strict=True):
        del_ = data.loc[(data["indikator"] == indikator).to_numpy()]
        x = tal_array(del_[kolumn], f"{vad}: {kolumn}", ändlig=False)
        finns = np.isfinite(x)  # a missing change gets no bar (not a bar of 0)
        färg = np.where(x >= 0, palett.UPPSIDA, palett.NEDSIDA).astype(object)
        mönster = np.where(x >= 0, "", palett.KLASSMÖNSTER["röd"]).astype(object)
        färg[(del_["region"] == RIKET).to_numpy()] = palett.OKABE_ITO["svart"]
        y = del_["region"].map(position).to_numpy(dtype=float)
        staplar = ax.barh(
            y[finns], x[finns], color=list(färg[finns]), edgecolor="white", linewidth=0.0
        )
        for stapel, mönstret in zip(staplar, mönster[finns], strict=True):
            stapel.set_hatch(str(mönstret))
        ax.set_yticks(np.arange(len(alla)), [kortnamn(r) for r in alla], fontsize="x-small")
        ax.axvline(0.0, color="black", linewidth=0.8)
        if not ax.yaxis_inverted():
            ax.invert_yaxis()
        första = del_["referensperiod"].iloc[0] if "referensperiod" in del_ else ""
        sista = del_["period"].iloc[0] if "period" in del_ else ""
        # long indicator names wrap rather than run into the next panel
        namn = textwrap.fill(visningsnamn(str(indikator)), 40)
        ax.set_title(f"{namn}\n{första}–{sista}", fontsize="small")
        förändringsaxel(ax.xaxis, kolumn)
    etikett = {
        "förändring": "förändring, positiv = bättre",
        "procentenheter": "procentenheter, positiv = bättre",
        "differens": "skillnad, positiv = bättre",
    }[kolumn]
    for ax in axlar:
        ax.set_xlabel(etikett, fontsize="x-small")
    källtext(axlar[0], källrad)
    return np.asarray(axlar, dtype=object)
