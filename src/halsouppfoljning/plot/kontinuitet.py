"""Figure of a continuity index per unit: box plots or violins with the published mean.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). It draws the per-patient values of
:func:`~halsouppfoljning.kontinuitetsindex`; labels are Swedish.

- :func:`kontinuitetsdiagram`: the distribution of a continuity index per unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np
import pandas as pd

from .._indata import kolumn, kontrollera_andel, skalär, tal_array, unika_kolumner
from ..exceptions import FelTypError, OgiltigtVärdeError
from . import palett
from ._format import talaxel, taltext
from ._grund import FRÅN_DATA, KällaIn, förklaring, källa_från, källtext, ny_axes, pyplot

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axes import Axes

__all__ = ["kontinuitetsdiagram"]


def _vårdenhet_per_patient(
    index: pd.Series[float],
    vårdenheter: pd.Series[str] | pd.DataFrame,
    patient: str,
    vårdenhet: str,
) -> pd.Series[str]:
    vad = "kontinuitetsdiagram"
    if isinstance(vårdenheter, pd.Series):
        karta = vårdenheter
        if karta.index.has_duplicates:
            raise OgiltigtVärdeError(
                f"{vad}: vårdenheter holds a patient twice; give one unit per "
                "patient (e.g. besök.drop_duplicates('patient').set_index('patient')"
                "['listningsenhet'])"
            )
    elif isinstance(vårdenheter, pd.DataFrame):
        unika_kolumner(vårdenheter, vad, argument="vårdenheter")
        p = kolumn(vårdenheter.columns, patient, vad, argument="patient")
        e = kolumn(vårdenheter.columns, vårdenhet, vad, argument="vårdenhet")
        utan = int(vårdenheter[p].isna().sum())
        if utan:
            raise OgiltigtVärdeError(
                f"{vad}: vårdenheter has {utan} row(s) without a patient (column {p!r} "
                f"missing); drop them first, e.g. vårdenheter.dropna(subset=[{p!r}])"
            )
        par = vårdenheter[[p, e]].drop_duplicates()
        if par[p].duplicated().any():
            dubbel = par.loc[par[p].duplicated(), p].iloc[0]
            raise OgiltigtVärdeError(
                f"{vad}: vårdenheter gives patient {dubbel} several values of {vårdenhet!r}; "
                "the listing unit must be one per patient"
            )
        karta = par.set_index(p)[e]
    else:
        raise FelTypError(
            f"{vad}: vårdenheter must be a Series (patient -> unit) or the visits "
            f"DataFrame, got {type(vårdenheter).__name__}"
        )
    return index.index.to_series().map(karta)


def kontinuitetsdiagram(
    index: pd.Series[float],
    vårdenheter: pd.Series[str] | pd.DataFrame | None = None,
    *,
    patient: str = "patient",
    vårdenhet: str = "listningsenhet",
    riket: float | None = None,
    typ: Literal["låda", "fiol"] = "låda",
    källa: KällaIn = FRÅN_DATA,
    ax: Axes | None = None,
) -> Axes:
    """The distribution of a continuity index per unit, as box plots or violins.

    Parameters
    ----------
    index : pandas.Series
        The per-patient values from :func:`~halsouppfoljning.kontinuitetsindex`
        (index = patient, name = the method). Patients without a value (NaN:
        fewer than ``minsta_antal_besök`` visits) are left out of the boxes
        and counted per unit in the tick labels.
    vårdenheter : pandas.Series or pandas.DataFrame, optional
        The unit of each patient: a Series indexed by patient, or the visits
        DataFrame with the columns ``patient`` and ``vårdenhet`` (one unit per
        patient, e.g. the listing unit). Default: one box for all patients.
    patient, vårdenhet : str
        Column names in ``vårdenheter`` when it is a DataFrame: the patient
        and the patient's care unit (default the listing unit,
        ``"listningsenhet"``).
    riket : float, optional
        A reference line, e.g. the national mean 0,30 of December 2023
        [index, 0-1].
    typ : {"låda", "fiol"}
        Box plots (default; the box is the quartiles, the whiskers 1,5 IQR)
        or violin plots.
    källa : str or None, optional
        The caption "Källa: …" at the bottom of the figure; default
        ``index.attrs["källa"]`` when the Series carries one; ``None`` or
        ``""`` for none.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One box (or violin) per unit in sorted order with its median line,
        the unit's mean (the published value) as a white diamond (the
        legend, right of the axes, names the median, the mean and the
        Riket line), tick labels "<unit>\\nn=<patients
        with a value>" (thousands grouped with a space: "n=1 198"), a
        dashed line "Riket 0,30" when asked, y axis [0, 1] labelled with the
        method, and a title naming the patients measured, those without a
        value and (when any) those with a value but no unit in ``vårdenheter``,
        who are left out of the boxes.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``index`` is not a Series or ``vårdenheter`` is of another type.
    SaknadKolumnError
        If a named column is not in ``vårdenheter``.
    OgiltigtVärdeError
        If no patient has a value, a patient has several units, ``typ`` is
        unknown, or ``riket`` is outside [0, 1].

    See Also
    --------
    halsouppfoljning.kontinuitetsindex

    Notes
    -----
    The published unit value is the **mean** over the unit's patients with
    at least three visits; the box shows the median and quartiles, which
    differ from it when the distribution is skewed (COC usually is).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot import kontinuitetsdiagram
    >>> b = pd.DataFrame({"patient": [1, 1, 1, 2, 2, 2, 3],
    ...                   "vårdgivare": ["a", "a", "b", "c", "d", "e", "a"],
    ...                   "listningsenhet": ["VC1"] * 3 + ["VC2"] * 3 + ["VC1"]})
    >>> coc = hu.kontinuitetsindex(b)
    >>> ax = kontinuitetsdiagram(coc, b, riket=0.30)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['VC1\\nn=1', 'VC2\\nn=1']
    >>> ax.get_title()
    'Kontinuitetsindex (COC) per enhet\\n2 patienter, 1 utan värde'
    >>> plt.close("all")
    """
    pyplot()
    källrad = källa_från(källa, index, "kontinuitetsdiagram")
    if not isinstance(index, pd.Series):
        raise FelTypError(
            "kontinuitetsdiagram takes the per-patient Series from hu.kontinuitetsindex(), "
            f"got {type(index).__name__}"
        )
    val: object = typ  # any object may come in; only the two words are valid
    if not isinstance(val, str) or val not in ("låda", "fiol"):
        raise OgiltigtVärdeError(
            f"kontinuitetsdiagram: typ must be 'låda' or 'fiol', got {str(typ)[:40]!r}"
        )
    riksvärde = None if riket is None else skalär(riket, "kontinuitetsdiagram: riket")
    if riksvärde is not None:
        kontrollera_andel(riksvärde, "kontinuitetsdiagram: riket")
    värden = tal_array(index, "kontinuitetsdiagram: index")
    if vårdenheter is None:
        etikett = np.full(len(värden), "Alla", dtype=object)
    else:
        etikett = _vårdenhet_per_patient(index, vårdenheter, patient, vårdenhet).to_numpy(
            dtype=object
        )
    har = np.isfinite(värden)
    utan_enhet = pd.isna(etikett)
    if not (har & ~utan_enhet).any():
        raise OgiltigtVärdeError(
            "kontinuitetsdiagram: no patient of index has both a value and a unit in "
            "vårdenheter; check minsta_antal_besök and that vårdenheter covers the patients "
            "of index (the same patient labels)"
        )
    tabell = pd.DataFrame({"enhet": etikett[har & ~utan_enhet], "värde": värden[har & ~utan_enhet]})
    koder, namn = pd.factorize(tabell["enhet"], sort=True)
    vk = tabell["värde"].to_numpy()
    ordning = np.argsort(koder, kind="stable")
    gränser = np.searchsorted(koder[ordning], np.arange(len(namn) + 1))
    grupper = [vk[ordning][gränser[i] : gränser[i + 1]] for i in range(len(namn))]
    medel = np.array([g.mean() for g in grupper])
    positioner = np.arange(1, len(namn) + 1)
    ax = ny_axes(ax, figsize=(max(6.4, 0.6 * len(namn) + 2), 4.8))
    from matplotlib.lines import Line2D  # noqa: PLC0415
    from matplotlib.patches import Patch  # noqa: PLC0415

    mediankod = palett.NEDSIDA
    if typ == "låda":
        ax.boxplot(
            grupper,
            positions=positioner,
            widths=0.6,
            showfliers=False,
            medianprops={"color": mediankod, "linewidth": 1.5},
        )
        fördelning = Patch(facecolor="white", edgecolor="black", label="Kvartiler (lådan)")
    else:
        delar = ax.violinplot(grupper, positions=positioner, showmedians=True, showextrema=False)
        for kropp in cast("list[Any]", delar["bodies"]):
            kropp.set_facecolor(palett.OKABE_ITO["himmelsblå"])
            kropp.set_alpha(0.5)
        delar["cmedians"].set_color(mediankod)
        fördelning = Patch(
            facecolor=palett.OKABE_ITO["himmelsblå"], alpha=0.5, label="Fördelning (fiolen)"
        )
    ax.scatter(
        positioner,
        medel,
        marker="D",
        color="white",
        edgecolors="black",
        zorder=3,
        label="Medelvärde (publicerat)",
    )
    ax.set_xticks(
        positioner,
        [f"{n}\nn={taltext(len(g), 0)}" for n, g in zip(namn, grupper, strict=True)],
    )
    if len(namn) > 8:
        for etikett_text in ax.get_xticklabels():
            etikett_text.set_rotation(90)
    if riksvärde is not None:
        ax.axhline(
            riksvärde, color=palett.MÅLFÄRG, linestyle="--", label=f"Riket {taltext(riksvärde, 2)}"
        )
    ax.set_ylim(-0.02, 1.02)
    metod = "index" if index.name is None or index.name == "" else str(index.name).upper()
    ax.set_ylabel(f"Kontinuitetsindex ({metod})")
    ax.set_xlabel("Enhet" if vårdenheter is not None else "")
    talaxel(ax.yaxis, 1)
    antal = int(har.sum())
    utan = int((~har).sum())
    utan_enhet_antal = int((har & utan_enhet).sum())
    text = f"{taltext(antal, 0)} patienter" if antal != 1 else "1 patient"
    titel = f"Kontinuitetsindex ({metod}) per enhet\n{text}, {taltext(utan, 0)} utan värde"
    if utan_enhet_antal:
        titel += f", {taltext(utan_enhet_antal, 0)} med värde utan enhet"
    ax.set_title(titel)
    handtag, texter = ax.get_legend_handles_labels()
    median = Line2D([], [], color=mediankod, linewidth=1.5)
    förklaring(ax, [median, fördelning, *handtag], ["Median", str(fördelning.get_label()), *texter])
    källtext(ax, källrad)
    return ax
