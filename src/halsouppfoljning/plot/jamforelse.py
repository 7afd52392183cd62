"""Figures with matplotlib (the optional ``plot`` extra).

Every function draws on a matplotlib Axes (a new figure unless ``ax=`` is
given) and returns the Axes (or an array of Axes), so that the caller can
adjust, save or test it. matplotlib is imported only when a function is
called; without it, :class:`~halsouppfoljning.SaknatTilläggError` names the
command that installs it: ``pip install "halsouppfoljning[plot]"``.

Functions here draw only: the numbers come from the pure functions of the
package (:func:`~halsouppfoljning.färgklasser`,
:func:`~halsouppfoljning.förändring` ...), called with the same arguments.

- :func:`rangdiagram`: regions ranked in a bar chart, with Riket and the
  target, coloured by a :class:`~halsouppfoljning.Färgregel`.
- :func:`förändringsdiagram`: small multiples of the direction-signed change
  per indicator.
- :func:`indikatordiagram`: an indicator over time against its target line
  or band, points coloured by måluppfyllelse.
- :func:`väntetidsdiagram`: shares within a waiting-time limit per month,
  with the Wilson interval and the guarantee or target line.
- :func:`kontinuitetsdiagram`: the distribution of a continuity index per
  unit.
- :func:`prognosdiagram`: a chain of forecasts through a year with their
  intervals, the budget and the outcome.
- :func:`tornadodiagram`: sensitivity items sorted by their range.

Examples
--------
>>> import pandas as pd
>>> import halsouppfoljning as hu
>>> from halsouppfoljning import plot
>>> p = hu.regionpanel(pd.DataFrame({2023: [0.7, 0.8, 0.75]}, index=["03", "19", "Riket"]),
...                    indikator="x")
>>> ax = plot.rangdiagram(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
>>> [t.get_text() for t in ax.get_yticklabels()]
['Västmanland', 'Uppsala']
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .exceptions import OgiltigtVärdeError, SaknatTilläggError
from .indikatorer import Målnivå, Måltyp
from .jamforelse import (
    RIKET,
    Färgregel,
    _kontrollera_panel,
    _kärnindikatorer,
    _regionordning,
    färgklasser,
    rangordning,
    sammanvägning,
)
from .organisation import region as _region

__all__ = [
    "BEDÖMNINGSFÄRGER",
    "förändringsdiagram",
    "indikatordiagram",
    "kontinuitetsdiagram",
    "prognosdiagram",
    "rangdiagram",
    "tornadodiagram",
    "väntetidsdiagram",
]

#: Colours of the classes of :func:`~halsouppfoljning.färgklasser` (grey: no class).
FÄRGER = {"grön": "#2e7d32", "gul": "#f2b705", "röd": "#c62828"}
_INGEN_KLASS = "#9e9e9e"
_NEUTRAL = "#4c72b0"


def _matplotlib() -> Any:
    """Import and return :mod:`matplotlib.pyplot`, or raise SaknatTilläggError.

    Every plot function calls this first, so that importing the package never
    needs matplotlib.
    """
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError as fel:
        raise SaknatTilläggError(
            "plotting needs matplotlib, which is not installed; install the plot extra: "
            'pip install "halsouppfoljning[plot]"'
        ) from fel
    return plt


def _axes(ax: Any, **kwargs: Any) -> Any:
    if ax is not None:
        return ax
    plt = _matplotlib()
    _, ny = plt.subplots(**kwargs)
    return ny


def _kortnamn(namn: str) -> str:
    if namn == RIKET:
        return RIKET
    return _region(namn).kortnamn


def _är_andel(indikator: str, procent: bool | None) -> bool:
    if procent is not None:
        return procent
    meta = _kärnindikatorer()
    return bool(indikator in meta.index and meta.loc[indikator, "enhet"] == "andel")


def _en(panel: pd.DataFrame, kolumn: str, val: Any, vad: str) -> Any:
    if val is not None:
        return val
    unika = pd.unique(panel[kolumn])
    if len(unika) != 1:
        raise OgiltigtVärdeError(
            f"{vad}: the panel holds several {kolumn} values {list(unika)[:5]!r}; pass "
            f"{kolumn}=... to choose one"
        )
    return unika[0]


def _målvärden(mål: Any) -> tuple[float | None, tuple[float, float] | None]:
    """A target as a line (limit) or a band (interval); (None, None) if neither."""
    if mål is None:
        return None, None
    if isinstance(mål, Målnivå):
        if mål.typ is Måltyp.GRÄNS and mål.gräns is not None:
            return float(mål.gräns), None
        if mål.typ is Måltyp.INTERVALL and mål.nedre is not None and mål.övre is not None:
            return None, (float(mål.nedre), float(mål.övre))
        return None, None
    return float(mål), None


def rangdiagram(
    panel: pd.DataFrame,
    *,
    indikator: str | None = None,
    period: Any = None,
    kön: str | None = None,
    regel: Färgregel | None = None,
    riktning: Any = None,
    riket: str | float | None = "publicerat",
    mål: float | Målnivå | None = None,
    procent: bool | None = None,
    ax: Any = None,
) -> Any:
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
    riktning : Riktning or mapping, optional
        The good direction (default the bundled core indicators).
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
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per region with a value (best on top, labelled by
        short name), a dashed line for Riket and a dotted line (or band) for
        the target, each in the legend; ``ax.get_title()`` names the
        indicator, the period and the colour rule.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    OgiltigtVärdeError
        If the panel holds several indicators, periods or genders and none
        is chosen, or nothing is left to draw.

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
    (3, ['Riket 0.72', 'Mål 0.75'])
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    plt = _matplotlib()
    vad = "rangdiagram"
    panel = _kontrollera_panel(panel, vad)
    indikator = _en(panel, "indikator", indikator, vad)
    urval = panel.loc[(panel["indikator"] == indikator).to_numpy()]
    if "kön" in urval.columns:
        kön = _en(urval, "kön", kön, vad)
        urval = urval.loc[(urval["kön"] == kön).to_numpy()]
    if period is None:
        med_värde = urval.loc[urval["värde"].notna() & (urval["region"] != RIKET), "period"]
        if med_värde.empty:
            raise OgiltigtVärdeError(f"{vad}: indicator {indikator!r} has no region values")
        period = med_värde.max()
    urval = urval.loc[(urval["period"] == period).to_numpy()]
    if regel is not None:
        klassat = färgklasser(urval, regel, riktning=riktning)
        färg = klassat["färgklass"].astype(object).map(FÄRGER).fillna(_INGEN_KLASS)
        urval = klassat.assign(_färg=färg.to_numpy())
    else:
        urval = urval.assign(_färg=_NEUTRAL)
    rangad = rangordning(urval, riktning=riktning, metod="first")
    regioner = rangad.loc[rangad["rang"].notna().to_numpy()].sort_values("rang")
    if regioner.empty:
        raise OgiltigtVärdeError(f"{vad}: no region has a value for {indikator!r} in {period!r}")
    ax = _axes(ax, figsize=(6.4, 0.28 * len(regioner) + 1.6))
    y = np.arange(len(regioner))
    ax.barh(
        y,
        regioner["värde"].to_numpy(dtype=float),
        color=list(regioner["_färg"]),
        edgecolor="none",
    )
    ax.set_yticks(y, [_kortnamn(r) for r in regioner["region"]])
    ax.invert_yaxis()

    riksvärde: float | None = None
    if riket == "publicerat":
        rad = urval.loc[(urval["region"] == RIKET).to_numpy(), "värde"]
        riksvärde = float(rad.iloc[0]) if len(rad) and np.isfinite(rad.iloc[0]) else None
    elif riket == "beräknat":
        riksvärde = float(sammanvägning(urval)["värde"].iloc[0])
    elif isinstance(riket, (int, float)) and not isinstance(riket, bool):
        riksvärde = float(riket)
    elif riket is not None:
        raise OgiltigtVärdeError(
            f"{vad}: riket must be 'publicerat', 'beräknat', a number or None, got {riket!r}"
        )
    andel = _är_andel(str(indikator), procent)

    def text(x: float) -> str:
        return f"{x * 100:.1f} %".replace(".", ",") if andel else f"{x:g}"

    if riksvärde is not None:
        ax.axvline(riksvärde, color="black", linestyle="--", label=f"Riket {text(riksvärde)}")
    if mål is None and regel is not None and isinstance(regel.målnivå, Målnivå):
        mål = regel.målnivå
    linje, band = _målvärden(mål)
    if linje is not None:
        ax.axvline(linje, color="#333333", linestyle=":", label=f"Mål {text(linje)}")
    if band is not None:
        ax.axvspan(*band, color="#2e7d32", alpha=0.12, label=f"Mål {text(band[0])}-{text(band[1])}")
    if andel:
        from matplotlib.ticker import PercentFormatter  # noqa: PLC0415

        ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0))
    if regel is not None:
        from matplotlib.patches import Patch  # noqa: PLC0415

        handtag, etiketter = ax.get_legend_handles_labels()
        for klass, kod in FÄRGER.items():
            handtag.append(Patch(color=kod))
            etiketter.append(klass)
        ax.legend(handtag, etiketter, loc="lower right", fontsize="small")
    elif riksvärde is not None or linje is not None or band is not None:
        ax.legend(loc="lower right", fontsize="small")
    namn = _visningsnamn(str(indikator))
    rubrik = f"{namn}, {period}"
    if regel is not None:
        rubrik += f"\nFärg: {regel.typ}"
    ax.set_title(rubrik)
    plt.setp(ax.get_yticklabels(), fontsize="small")
    return ax


def _visningsnamn(indikator: str) -> str:
    meta = _kärnindikatorer()
    if indikator in meta.index:
        return str(meta.loc[indikator, "namn"])
    return indikator


def förändringsdiagram(
    förändringar: pd.DataFrame,
    *,
    kolumn: str = "förändring",
    kolumner: int = 3,
    riket: bool = True,
    axes: Any = None,
) -> Any:
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
    axes : array of matplotlib.axes.Axes, optional
        Draw here (at least one per indicator); default a new figure.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        One Axes per indicator, in the order they appear; each has the same
        rows (every region of the table, Riket first, then länskod order) and
        one horizontal bar per region with a change, coloured green when
        better and red when worse (Riket black), a vertical line at zero, and the
        title "<indicator> <reference period>–<period>". Unused panels of
        the grid are removed.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    OgiltigtVärdeError
        If ``kolumn`` is unknown, the table holds several genders, or
        ``kolumner`` is below 1.

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
    plt = _matplotlib()
    vad = "förändringsdiagram"
    if kolumn not in ("förändring", "procentenheter", "differens"):
        raise OgiltigtVärdeError(
            f"{vad}: kolumn must be 'förändring', 'procentenheter' or 'differens', got {kolumn!r}"
        )
    if not isinstance(kolumner, int) or kolumner < 1:
        raise OgiltigtVärdeError(f"{vad}: kolumner must be a positive int, got {kolumner!r}")
    if not isinstance(förändringar, pd.DataFrame) or kolumn not in förändringar.columns:
        raise OgiltigtVärdeError(
            f"{vad} takes the table from hu.förändring() (with the column {kolumn!r})"
        )
    data = förändringar
    if "kön" in data.columns and len(set(data["kön"])) > 1:
        raise OgiltigtVärdeError(
            f"{vad}: the table holds several genders; filter one first, e.g. f[f['kön'] == 'T']"
        )
    if not riket:
        data = data.loc[(data["region"] != RIKET).to_numpy()]
    indikatorer = list(dict.fromkeys(data["indikator"]))
    if not indikatorer:
        raise OgiltigtVärdeError(f"{vad}: nothing to draw")
    n = len(indikatorer)
    if axes is None:
        rader = math.ceil(n / kolumner)
        ncol = min(n, kolumner)
        fig, rutnät = plt.subplots(
            rader, ncol, figsize=(3.6 * ncol, 0.2 * 22 * rader + 1), squeeze=False, sharey=True
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
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    # The same rows in every panel: all regions of the table, Riket first, länskod order.
    unika = pd.Series(pd.unique(data["region"]))
    alla = unika.iloc[np.argsort(_regionordning(unika), kind="stable")].tolist()
    position = {r: i for i, r in enumerate(alla)}
    for ax, indikator in zip(axlar, indikatorer, strict=True):
        del_ = data.loc[(data["indikator"] == indikator).to_numpy()]
        x = del_[kolumn].to_numpy(dtype=float)
        finns = np.isfinite(x)  # a missing change gets no bar (not a bar of 0)
        färg = np.where(x >= 0, FÄRGER["grön"], FÄRGER["röd"]).astype(object)
        färg[(del_["region"] == RIKET).to_numpy()] = "black"
        y = del_["region"].map(position).to_numpy(dtype=float)
        ax.barh(y[finns], x[finns], color=list(färg[finns]), edgecolor="none")
        ax.set_yticks(np.arange(len(alla)), [_kortnamn(r) for r in alla], fontsize="x-small")
        ax.axvline(0.0, color="black", linewidth=0.8)
        if not ax.yaxis_inverted():
            ax.invert_yaxis()
        första = del_["referensperiod"].iloc[0] if "referensperiod" in del_ else ""
        sista = del_["period"].iloc[0] if "period" in del_ else ""
        ax.set_title(f"{_visningsnamn(str(indikator))}\n{första}–{sista}", fontsize="small")
        if kolumn == "förändring":
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:+.0f} %"))
        elif kolumn == "procentenheter":
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:+.0f} pe"))
    etikett = {
        "förändring": "förändring, positiv = bättre",
        "procentenheter": "procentenheter, positiv = bättre",
        "differens": "skillnad, positiv = bättre",
    }[kolumn]
    for ax in axlar:
        ax.set_xlabel(etikett, fontsize="x-small")
    return np.asarray(axlar, dtype=object)


# The follow-up plots live in a module of their own; they import this module's
# lazy matplotlib helper only inside their functions, so the import order is safe.
from ._plot_uppfoljning import (  # noqa: E402
    BEDÖMNINGSFÄRGER,
    indikatordiagram,
    kontinuitetsdiagram,
    prognosdiagram,
    tornadodiagram,
    väntetidsdiagram,
)
