"""Internal: what every figure of :mod:`halsouppfoljning.plot` shares, in one place.

Not public API. The plot modules take from here, and only from here:

- the **lazy matplotlib import** (:func:`pyplot`, :func:`ny_axes`): matplotlib
  is imported when a figure is drawn, never when the package is imported;
  without it :class:`~halsouppfoljning.SaknatTilläggError` names the plot extra;
  new figures use matplotlib's constrained layout, so that a legend or a
  caption outside the axes is never cut;
- the **legend** outside the data (:func:`förklaring`, right of the axes) and
  the **source caption** "Källa: …" at the bottom of the figure
  (:func:`källtext`, the ``källa=`` of every plot function);
- the **time labels** ("jan 2023"); the colours are
  :mod:`~halsouppfoljning.plot.palett`'s, the numbers
  :mod:`~halsouppfoljning.plot._format`'s;
- drawing a **target** as a line or a band, and the few lookups the
  comparison plots need (short region names, länskod order, the bundled
  core indicators' names and units).

Examples
--------
>>> from halsouppfoljning.plot import _grund
>>> _grund.tidsetikett(_grund.pd.Period("2023-05", freq="M"), månadsvis=False)
'maj 2023'
>>> _grund.källrad("Kolada"), _grund.källrad("Källa: SKR")
('Källa: Kolada', 'Källa: SKR')
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._data import kärnindikatorer
from .._indata import kontrollera_kolumner, ramtyp, skalär, text, unika_kolumner
from ..exceptions import SaknatTilläggError
from ..indikatorer import Målnivå, Måltyp
from ..jamforelse import RIKET
from ..organisation import region, regioner
from . import palett

if TYPE_CHECKING:  # pragma: no cover - types only
    from types import ModuleType

    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "FRÅN_DATA",
    "PLOT_INSTALLATION",
    "FrånData",
    "KällaIn",
    "förklaring",
    "förklaring_med_färgklasser",
    "kortnamn",
    "källa_från",
    "källrad",
    "källtext",
    "kärnindikator_är_andel",
    "målvärden",
    "månadsetikett",
    "ny_axes",
    "pyplot",
    "regionordning",
    "rita_mål",
    "rymmer",
    "som_panel",
    "sätt_tidsaxel",
    "tidpunkter",
    "tidsetikett",
    "visningsnamn",
    "är_månadsslut",
]


class FrånData:
    """The type of :data:`FRÅN_DATA`, the default of ``källa=``."""

    def __repr__(self) -> str:
        return "FRÅN_DATA"


#: What ``källa=`` takes: a text, None (no caption) or :data:`FRÅN_DATA`.
KällaIn = str | FrånData | None


#: The install command named when matplotlib is missing.
PLOT_INSTALLATION = 'pip install "halsouppfoljning[plot]"'

#: The caption of a figure comes from its data (``data.attrs["källa"]``) unless given.
FRÅN_DATA: Final = FrånData()

_MÅNADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


# --------------------------------------------------------------------------- matplotlib


def pyplot() -> ModuleType:
    """Import and return :mod:`matplotlib.pyplot`, or raise SaknatTilläggError.

    Every plot function calls this first, so that importing the package never
    needs matplotlib.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import pyplot
    >>> pyplot().__name__
    'matplotlib.pyplot'
    """
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError as fel:
        raise SaknatTilläggError(
            "plotting needs matplotlib, which is not installed; install the plot extra: "
            f"{PLOT_INSTALLATION}"
        ) from fel
    return plt


def ny_axes(ax: Axes | None, *, figsize: tuple[float, float] | None = None) -> Axes:
    """``ax`` itself, or the Axes of a new figure (of ``figsize``, constrained layout).

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot
    >>> ax = ny_axes(None, figsize=(4.0, 3.0))
    >>> ny_axes(ax) is ax, ax.figure.get_layout_engine().__class__.__name__
    (True, 'ConstrainedLayoutEngine')
    >>> pyplot().close("all")
    """
    if ax is not None:
        return ax
    plt = pyplot()
    _, ny = plt.subplots(figsize=figsize, layout="constrained")
    return cast("Axes", ny)


def _rotfigur(ax: Axes) -> Figure | None:
    """The top-level Figure of ``ax``, also through a SubFigure (no ``root=`` in matplotlib 3.8)."""
    figur = ax.get_figure()
    if figur is None:  # pragma: no cover - an Axes on a figure always has one
        return None
    return cast("Figure", getattr(figur, "figure", figur))


def förklaring(
    ax: Axes,
    handtag: list[Artist] | None = None,
    etiketter: list[str] | None = None,
) -> None:
    """The legend of ``ax`` outside the data, to the right of the axes (nothing if empty).

    A figure without a layout engine (one the caller made, given as ``ax=``)
    is given matplotlib's constrained layout, so that the legend neither is
    cut nor covers a neighbouring Axes; a figure with an engine keeps it.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import förklaring, ny_axes, pyplot
    >>> ax = ny_axes(None)
    >>> _ = ax.plot([0, 1], [0, 1], label="Utfall")
    >>> förklaring(ax)
    >>> bool(ax.get_legend().get_bbox_to_anchor().x0 > ax.get_window_extent().x1)
    True
    >>> pyplot().close("all")
    """
    if handtag is None or etiketter is None:
        handtag, etiketter = ax.get_legend_handles_labels()
    if not handtag:
        return
    figur = _rotfigur(ax)
    if figur is not None and figur.get_layout_engine() is None:
        # a figure of the caller's (ax=) without a layout engine: constrained layout
        # makes room for the legend, which would otherwise cover the next Axes
        figur.set_layout_engine("constrained")
    ax.legend(
        handtag,
        etiketter,
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        fontsize="small",
        frameon=False,
    )


def förklaring_med_färgklasser(ax: Axes) -> None:
    """The legend of ``ax`` followed by one patch per colour class (colour, hatch, symbol).

    The colours are :data:`~halsouppfoljning.plot.palett.KLASSFÄRGER`, the
    hatches :data:`~halsouppfoljning.plot.palett.KLASSMÖNSTER` and the labels
    carry :data:`~halsouppfoljning.plot.palett.KLASSSYMBOLER`, so that the
    class does not rest on colour alone.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import förklaring_med_färgklasser, ny_axes, pyplot
    >>> ax = ny_axes(None)
    >>> förklaring_med_färgklasser(ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['▲ grön (bättre)', '■ gul', '▼ röd (sämre)', 'ingen klass']
    >>> pyplot().close("all")
    """
    from matplotlib.patches import Patch  # noqa: PLC0415

    handtag, etiketter = ax.get_legend_handles_labels()
    tillägg = {"grön": " (bättre)", "gul": "", "röd": " (sämre)"}
    for klass, kod in palett.KLASSFÄRGER.items():
        handtag.append(Patch(facecolor=kod, hatch=palett.KLASSMÖNSTER[klass], edgecolor="white"))
        etiketter.append(f"{palett.KLASSSYMBOLER[klass]} {klass}{tillägg[klass]}")
    handtag.append(Patch(facecolor=palett.INGEN_KLASS, edgecolor="white"))
    etiketter.append("ingen klass")
    förklaring(ax, handtag, etiketter)


def källrad(källa: str) -> str:
    """The caption line of a source: "Källa: …" (kept as it is when it already says so).

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import källrad
    >>> källrad("Kolada, RKA"), källrad("källa: SKR")
    ('Källa: Kolada, RKA', 'källa: SKR')
    """
    return källa if källa.lower().startswith("källa") else f"Källa: {källa}"


def källa_från(källa: object, data: object, vad: str) -> str | None:
    """The caption of a figure: ``källa`` given, else the data's ``attrs["källa"]``, else none.

    ``källa=None`` or ``""`` gives no caption.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import FRÅN_DATA, källa_från
    >>> d = pd.DataFrame({"x": [1]})
    >>> d.attrs["källa"] = "Källa: Kolada"
    >>> källa_från(FRÅN_DATA, d, "f"), källa_från(None, d, "f"), källa_från("SKR", d, "f")
    ('Källa: Kolada', None, 'Källa: SKR')
    """
    if källa is FRÅN_DATA:
        egen = getattr(data, "attrs", {}).get("källa")
        källa = egen if isinstance(egen, str) else None
    if källa is None:
        return None
    ren = text(källa, f"{vad}: källa", tom=True)
    return källrad(ren) if ren else None


def källtext(ax: Axes, källa: str | None) -> None:
    """Write ``källa`` (a caption from :func:`källa_från`) at the bottom left of the figure.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import källtext, ny_axes, pyplot
    >>> ax = ny_axes(None)
    >>> källtext(ax, "Källa: Kolada")
    >>> ax.figure.get_supxlabel()
    'Källa: Kolada'
    >>> pyplot().close("all")
    """
    if not källa:
        return
    figur = _rotfigur(ax)
    if figur is None:  # pragma: no cover - an Axes always has a figure once drawn on
        return
    figur.supxlabel(källa, x=0.01, ha="left", fontsize="small", color="#444444")


# --------------------------------------------------------------------------- time


def är_månadsslut(t: pd.Timestamp) -> bool:
    """Whether ``t`` falls on the last day of its month.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import är_månadsslut
    >>> är_månadsslut(pd.Timestamp("2023-02-28")), är_månadsslut(pd.Timestamp("2023-02-27"))
    (True, False)
    """
    return bool(t.normalize() == (t + pd.offsets.MonthEnd(0)).normalize())


def månadsetikett(månad: int) -> str:
    """The label of a month counted from year 0 (``år * 12 + månad - 1``): "feb 2023".

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import månadsetikett
    >>> månadsetikett(2023 * 12 + 1)
    'feb 2023'
    """
    return f"{_MÅNADER[månad % 12]} {månad // 12}"


def tidsetikett(värde: object, månadsvis: bool) -> str:
    """A Swedish label for a time point: "jan 2023", "2023-01-15", "2023".

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import tidsetikett
    >>> tidsetikett(pd.Timestamp("2023-01-31"), månadsvis=True)
    'jan 2023'
    >>> tidsetikett(pd.Period("2023", freq="Y"), månadsvis=False)
    '2023'
    """
    if isinstance(värde, pd.Period):
        frekvens = värde.freqstr
        if frekvens.startswith("M"):
            return f"{_MÅNADER[värde.month - 1]} {värde.year}"
        if frekvens.startswith(("Y", "A")):
            return str(värde.year)
        return str(värde)
    if isinstance(värde, pd.Interval):
        vänster, höger = värde.left, värde.right
        if isinstance(vänster, pd.Timestamp) and isinstance(höger, pd.Timestamp):
            return f"{vänster:%Y-%m-%d}–{höger:%Y-%m-%d}"
        return str(värde)
    if isinstance(värde, pd.Timestamp):
        if månadsvis:
            return f"{_MÅNADER[värde.month - 1]} {värde.year}"
        return f"{värde:%Y-%m-%d}"
    return str(värde)


def tidpunkter(värden: Sequence[object]) -> tuple[list[object], list[str]]:
    """The distinct time points in order, and their Swedish labels.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import tidpunkter
    >>> tidpunkter([pd.Timestamp("2023-02-28"), pd.Timestamp("2023-01-31")])[1]
    ['jan 2023', 'feb 2023']
    """
    unika = list(pd.unique(pd.Series(list(värden), dtype=object)))
    with contextlib.suppress(TypeError):  # mixed kinds: keep the order of appearance
        unika = sorted(unika)
    månadsvis = all(isinstance(v, pd.Timestamp) and är_månadsslut(v) for v in unika)
    return unika, [tidsetikett(v, månadsvis) for v in unika]


def sätt_tidsaxel(ax: Axes, etiketter: list[str], titel: str) -> None:
    """Label the x positions 0..n-1 (at most 12 labels, slanted when more than 4).

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot, sätt_tidsaxel
    >>> ax = ny_axes(None)
    >>> sätt_tidsaxel(ax, ["jan 2023", "feb 2023"], "Period")
    >>> [t.get_text() for t in ax.get_xticklabels()], ax.get_xlabel()
    (['jan 2023', 'feb 2023'], 'Period')
    >>> pyplot().close("all")
    """
    n = len(etiketter)
    steg = max(1, math.ceil(n / 12))
    positioner = np.arange(0, n, steg)
    ax.set_xticks(positioner, [etiketter[i] for i in positioner])
    if n > 4:
        for text in ax.get_xticklabels():
            text.set_rotation(45)
            text.set_horizontalalignment("right")
    ax.set_xlabel(titel)


# --------------------------------------------------------------------------- targets


def rita_mål(ax: Axes, målnivå: Målnivå) -> list[float]:
    """Draw a target as a horizontal line (limit) or band (interval); return its levels.

    A two-level target draws its two limits ("Delmål", "Totalmål"); a target
    without a level draws nothing.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot, rita_mål
    >>> rita_mål(ny_axes(None), hu.Målnivå.minst(0.8))
    [0.8]
    >>> pyplot().close("all")
    """
    if målnivå.typ is Måltyp.GRÄNS and målnivå.gräns is not None:
        ax.axhline(målnivå.gräns, color=palett.MÅLFÄRG, linestyle="--", label=f"Mål {målnivå}")
        return [målnivå.gräns]
    if målnivå.typ is Måltyp.INTERVALL and målnivå.nedre is not None and målnivå.övre is not None:
        ax.axhspan(
            målnivå.nedre, målnivå.övre, color=palett.UPPSIDA, alpha=0.15, label=f"Mål {målnivå}"
        )
        return [målnivå.nedre, målnivå.övre]
    if målnivå.typ is Måltyp.TVÅNIVÅ:
        nivåer: list[float] = []
        for del_, namn, stil in zip(
            målnivå.delar, ("Delmål", "Totalmål"), (":", "--"), strict=True
        ):
            if del_.typ is Måltyp.GRÄNS and del_.gräns is not None:
                ax.axhline(del_.gräns, color=palett.MÅLFÄRG, linestyle=stil, label=f"{namn} {del_}")
                nivåer.append(del_.gräns)
        return nivåer
    return []


def rymmer(ax: Axes, nivåer: Sequence[float | None], *, axel: str = "y") -> None:
    """Widen the ``axel`` ("x" or "y") limits so that every level shows with a margin.

    A target or reference line on the very edge of the axes is hard to see;
    this keeps 5 % of the span between each level and the edge.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot, rymmer
    >>> ax = ny_axes(None)
    >>> _ = ax.plot([0, 1], [0.2, 0.6])
    >>> ax.set_ylim(0.2, 0.6)
    (0.2, 0.6)
    >>> rymmer(ax, [0.8, None])
    >>> [round(float(v), 2) for v in ax.get_ylim()]
    [0.2, 0.83]
    >>> pyplot().close("all")
    """
    värden = np.asarray([v for v in nivåer if v is not None], dtype=float)
    värden = värden[np.isfinite(värden)]
    if not värden.size:
        return
    lo, hi = ax.get_ylim() if axel == "y" else ax.get_xlim()
    lo, hi = min(lo, hi), max(lo, hi)
    marginal = 0.05 * (max(hi, float(värden.max())) - min(lo, float(värden.min())))
    ny_lo = min(lo, float(värden.min()) - marginal)
    ny_hi = max(hi, float(värden.max()) + marginal)
    if (ny_lo, ny_hi) == (lo, hi):
        return
    if axel == "y":
        ax.set_ylim(ny_lo, ny_hi)
    else:
        ax.set_xlim(ny_lo, ny_hi)


def målvärden(
    mål: float | Målnivå | None, namn: str = "mål"
) -> tuple[float | None, tuple[float, float] | None]:
    """A target as a line (limit) or a band (interval); ``(None, None)`` if neither.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.plot._grund import målvärden
    >>> målvärden(0.75), målvärden(hu.Målnivå.tolka("65-75 %"))
    ((0.75, None), (None, (0.65, 0.75)))
    """
    if mål is None:
        return None, None
    if isinstance(mål, Målnivå):
        if mål.typ is Måltyp.GRÄNS and mål.gräns is not None:
            return float(mål.gräns), None
        if mål.typ is Måltyp.INTERVALL and mål.nedre is not None and mål.övre is not None:
            return None, (float(mål.nedre), float(mål.övre))
        return None, None
    return skalär(mål, namn), None


# --------------------------------------------------------------------------- regions


def som_panel(värde: object, vad: str) -> pd.DataFrame:
    """A region panel (a pandas DataFrame with region, indikator, period, värde) or an error.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import som_panel
    >>> som_panel([1, 2], "rangdiagram")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.FelTypError: rangdiagram: panel must be a pandas DataFrame, ...
    """
    ramtyp(värde, vad, argument="panel", dask=False)  # refuses anything but pandas
    ram = cast("pd.DataFrame", värde)
    unika_kolumner(ram, vad, argument="panel")
    kontrollera_kolumner(ram.columns, ["region", "indikator", "period", "värde"], vad)
    return ram


def kortnamn(namn: str) -> str:
    """The short name of a region ("Uppsala"); Riket stays "Riket".

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import kortnamn
    >>> kortnamn("Region Uppsala"), kortnamn("Riket")
    ('Uppsala', 'Riket')
    """
    if namn == RIKET:
        return RIKET
    return region(namn).kortnamn


@functools.cache
def _ordning() -> dict[str, int]:
    return {RIKET: 0} | {r.namn: int(r.kod) for r in regioner()}


def regionordning(namn: pd.Series[str]) -> npt.NDArray[np.int64]:
    """Sort key of region names: Riket first, then the regions in länskod order.

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning.plot._grund import regionordning
    >>> regionordning(pd.Series(["Region Uppsala", "Riket", "okänd"])).tolist()
    [3, 0, 99]
    """
    return np.asarray(namn.map(_ordning()).fillna(99), dtype=np.int64)


# --------------------------------------------------------------------------- core indicators


@functools.cache
def _kärnindikatorer() -> pd.DataFrame:
    """Names and units of the bundled core indicators, indexed by id."""
    return kärnindikatorer()[["namn", "enhet"]]


def kärnindikator_är_andel(indikator: str) -> bool:
    """Whether ``indikator`` is a bundled core indicator whose unit is a share.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import kärnindikator_är_andel
    >>> kärnindikator_är_andel("medicinsk_bedömning_3_dagar"), kärnindikator_är_andel("x")
    (True, False)
    """
    meta = _kärnindikatorer()
    return bool(indikator in meta.index and meta.loc[indikator, "enhet"] == "andel")


def visningsnamn(indikator: str) -> str:
    """The printed name of a bundled core indicator; any other id as it is.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import visningsnamn
    >>> visningsnamn("medicinsk_bedömning_3_dagar")
    'Medicinsk bedömning inom 3 dagar i primärvården'
    """
    meta = _kärnindikatorer()
    if indikator in meta.index:
        return str(meta.loc[indikator, "namn"])
    return indikator
