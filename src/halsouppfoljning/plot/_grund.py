"""Internal: what every figure of :mod:`halsouppfoljning.plot` shares, in one place.

Not public API. The plot modules take from here, and only from here:

- the **lazy matplotlib import** (:func:`pyplot`, :func:`ny_axes`): matplotlib
  is imported when a figure is drawn, never when the package is imported;
  without it :class:`~halsouppfoljning.SaknatTilläggError` names the plot extra;
- the **palette** (:data:`FÄRGER`, :data:`BEDÖMNINGSFÄRGER` and the line
  colours);
- the **number formatters** (Swedish: decimal comma, shares in percent,
  space-grouped thousands) and the **time labels** ("jan 2023");
- drawing a **target** as a line or a band, and the few lookups the
  comparison plots need (short region names, länskod order, the bundled
  core indicators' names and units).

Examples
--------
>>> from halsouppfoljning.plot import _grund
>>> _grund.tidsetikett(_grund.pd.Period("2023-05", freq="M"), månadsvis=False)
'maj 2023'
>>> _grund.andelstext(0.788)
'78,8 %'
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._data import läs_datafil
from .._indata import kontrollera_kolumner, ramtyp
from ..exceptions import SaknatTilläggError
from ..indikatorer import Målnivå, Måltyp, Måluppfyllelse
from ..jamforelse import RIKET
from ..organisation import region, regioner
from ..tolka import formatera_andel, formatera_tal

if TYPE_CHECKING:  # pragma: no cover - types only
    from types import ModuleType

    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

__all__ = [
    "BEDÖMNINGSFÄRGER",
    "FÄRGER",
    "INGEN_KLASS",
    "LINJE",
    "MÅLFÄRG",
    "NEDSIDA",
    "NEUTRAL",
    "PLOT_INSTALLATION",
    "UPPSIDA",
    "andelstext",
    "förklaring_med_färgklasser",
    "förändringsaxel",
    "kortnamn",
    "kärnindikator_är_andel",
    "målvärden",
    "månadsetikett",
    "ny_axes",
    "procentaxel",
    "procentaxel_enkel",
    "pyplot",
    "regionordning",
    "rita_mål",
    "som_panel",
    "sätt_tidsaxel",
    "talaxel",
    "talaxel_en_decimal",
    "tidpunkter",
    "tidsetikett",
    "visningsnamn",
    "är_månadsslut",
]

#: The install command named when matplotlib is missing.
PLOT_INSTALLATION = 'pip install "halsouppfoljning[plot]"'

# --------------------------------------------------------------------------- palette

#: Colours of the classes of :func:`~halsouppfoljning.färgklasser` (grey: no class).
FÄRGER: dict[str, str] = {"grön": "#2e7d32", "gul": "#f2b705", "röd": "#c62828"}
#: A region without a colour class.
INGEN_KLASS = "#9e9e9e"
#: Bars drawn without a colour rule.
NEUTRAL = "#4c72b0"
#: The outcome line of an indicator.
LINJE = "#4c72b0"
#: Target lines.
MÅLFÄRG = "#333333"
#: The favourable side (a target band, an upside, a known outcome).
UPPSIDA = FÄRGER["grön"]
#: The unfavourable side (a downside).
NEDSIDA = FÄRGER["röd"]

#: Colour of each :class:`~halsouppfoljning.Måluppfyllelse` in
#: :func:`~halsouppfoljning.plot.indikatordiagram`.
BEDÖMNINGSFÄRGER: dict[Måluppfyllelse, str] = {
    Måluppfyllelse.UPPNÅDD: FÄRGER["grön"],
    Måluppfyllelse.DELVIS: FÄRGER["gul"],
    Måluppfyllelse.EJ_UPPNÅDD: FÄRGER["röd"],
    Måluppfyllelse.UNDERLAG_SAKNAS: INGEN_KLASS,
    Måluppfyllelse.MÅL_SAKNAS: INGEN_KLASS,
}

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
    """``ax`` itself, or the Axes of a new figure (of ``figsize``, if given).

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot
    >>> ax = ny_axes(None, figsize=(4.0, 3.0))
    >>> ny_axes(ax) is ax
    True
    >>> pyplot().close("all")
    """
    if ax is not None:
        return ax
    plt = pyplot()
    _, ny = plt.subplots(figsize=figsize)
    return cast("Axes", ny)


def förklaring_med_färgklasser(ax: Axes) -> None:
    """The legend of ``ax`` (lower right) followed by one patch per colour class of :data:`FÄRGER`.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import förklaring_med_färgklasser, ny_axes, pyplot
    >>> ax = ny_axes(None)
    >>> förklaring_med_färgklasser(ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['grön', 'gul', 'röd']
    >>> pyplot().close("all")
    """
    from matplotlib.patches import Patch  # noqa: PLC0415

    handtag, etiketter = ax.get_legend_handles_labels()
    for klass, kod in FÄRGER.items():
        handtag.append(Patch(color=kod))
        etiketter.append(klass)
    ax.legend(handtag, etiketter, loc="lower right", fontsize="small")


# --------------------------------------------------------------------------- numbers


def andelstext(x: float, decimaler: int = 1) -> str:
    """A share written as percent the Swedish way (``0.788`` gives ``"78,8 %"``).

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import andelstext
    >>> andelstext(0.8, 0)
    '80 %'
    """
    return formatera_andel(float(x), decimaler)


def procentaxel(axel: Axis, värden: npt.ArrayLike) -> None:
    """Format an axis of shares in percent with a decimal comma ("80 %", "82,5 %").

    One decimal when the values span less than five procentenheter, else none.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, procentaxel, pyplot
    >>> ax = ny_axes(None)
    >>> procentaxel(ax.yaxis, [0.80, 0.82])
    >>> ax.yaxis.get_major_formatter()(0.825, 0)
    '82,5 %'
    >>> pyplot().close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    arr = np.asarray(värden, dtype=float)
    arr = arr[np.isfinite(arr)]
    spann = float(arr.max() - arr.min()) if arr.size else 1.0
    decimaler = 0 if spann >= 0.05 else 1
    axel.set_major_formatter(FuncFormatter(lambda v, _: andelstext(v, decimaler)))


def procentaxel_enkel(axel: Axis) -> None:
    """Format an axis of shares with matplotlib's percent formatter ("70%").

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, procentaxel_enkel, pyplot
    >>> ax = ny_axes(None)
    >>> procentaxel_enkel(ax.xaxis)
    >>> ax.xaxis.get_major_formatter()(0.7, 0)
    '70%'
    >>> pyplot().close("all")
    """
    from matplotlib.ticker import PercentFormatter  # noqa: PLC0415

    axel.set_major_formatter(PercentFormatter(xmax=1.0))


def talaxel(axel: Axis) -> None:
    """Format an axis of numbers the Swedish way ("-1 200", "2,5").

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot, talaxel
    >>> ax = ny_axes(None)
    >>> talaxel(ax.yaxis)
    >>> ax.yaxis.get_major_formatter()(-1200.0, 0), ax.yaxis.get_major_formatter()(2.5, 0)
    ('-1 200', '2,5')
    >>> pyplot().close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    def text(v: float, _: object) -> str:
        return formatera_tal(v, 0 if float(v).is_integer() else 1)

    axel.set_major_formatter(FuncFormatter(text))


def talaxel_en_decimal(axel: Axis) -> None:
    """Format an axis of numbers with one decimal and a decimal comma ("0,3").

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import ny_axes, pyplot, talaxel_en_decimal
    >>> ax = ny_axes(None)
    >>> talaxel_en_decimal(ax.yaxis)
    >>> ax.yaxis.get_major_formatter()(0.3, 0)
    '0,3'
    >>> pyplot().close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    axel.set_major_formatter(FuncFormatter(lambda v, _: formatera_tal(v, 1)))


def förändringsaxel(axel: Axis, kolumn: str) -> None:
    """Format an axis of signed changes: ``"+5 %"`` (relative), ``"+5 pe"`` (procentenheter).

    A difference in the indicator's unit (any other ``kolumn``) keeps
    matplotlib's own labels.

    Examples
    --------
    >>> from halsouppfoljning.plot._grund import förändringsaxel, ny_axes, pyplot
    >>> ax = ny_axes(None)
    >>> förändringsaxel(ax.xaxis, "procentenheter")
    >>> ax.xaxis.get_major_formatter()(0.05, 0)
    '+5 pe'
    >>> pyplot().close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    if kolumn == "förändring":
        axel.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:+.0f} %"))
    elif kolumn == "procentenheter":
        axel.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:+.0f} pe"))


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
        ax.axhline(målnivå.gräns, color=MÅLFÄRG, linestyle="--", label=f"Mål {målnivå}")
        return [målnivå.gräns]
    if målnivå.typ is Måltyp.INTERVALL and målnivå.nedre is not None and målnivå.övre is not None:
        ax.axhspan(målnivå.nedre, målnivå.övre, color=UPPSIDA, alpha=0.15, label=f"Mål {målnivå}")
        return [målnivå.nedre, målnivå.övre]
    if målnivå.typ is Måltyp.TVÅNIVÅ:
        nivåer: list[float] = []
        for del_, namn, stil in zip(
            målnivå.delar, ("Delmål", "Totalmål"), (":", "--"), strict=True
        ):
            if del_.typ is Måltyp.GRÄNS and del_.gräns is not None:
                ax.axhline(del_.gräns, color=MÅLFÄRG, linestyle=stil, label=f"{namn} {del_}")
                nivåer.append(del_.gräns)
        return nivåer
    return []


def målvärden(mål: float | Målnivå | None) -> tuple[float | None, tuple[float, float] | None]:
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
    return float(mål), None


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
    return läs_datafil("karnindikatorer_nara_vard.csv").set_index("id")[["namn", "enhet"]]


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
