"""Figures of a follow-up: indicators, waiting times, continuity, forecasts.

Part of :mod:`halsouppfoljning.plot` (re-exported there; the optional ``plot``
extra). Each function takes a result object of the package (a
:func:`~halsouppfoljning.väntetidsandelar` table, a
:func:`~halsouppfoljning.kontinuitetsindex` Series, a
:func:`~halsouppfoljning.prognoskedja` ...), draws it on a matplotlib Axes (a
new figure unless ``ax=`` is given) and returns the Axes. Labels are Swedish,
numbers are written the Swedish way (decimal comma, shares in percent:
"78,8 %"), and time axes are labelled with Swedish month names ("maj 2023").

The functions draw only; the numbers come from the package's pure functions
(assessments from :func:`~halsouppfoljning.måluppfyllelse`, intervals from
the tables given).

- :func:`indikatordiagram`: an indicator over time against its target.
- :func:`väntetidsdiagram`: shares within a waiting-time limit per month, with
  the Wilson interval and the target.
- :func:`kontinuitetsdiagram`: the distribution of a continuity index per unit.
- :func:`prognosdiagram`: a forecast chain through a year with intervals and
  the budget.
- :func:`tornadodiagram`: the items of a sensitivity analysis, widest first.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._indata import kontrollera_andel, kontrollera_kolumner
from .exceptions import FelTypError, OgiltigtVärdeError, SaknadKolumnError
from .indikatorer import Målnivå, Måltyp, Måluppfyllelse, måluppfyllelse
from .prognos import Prognos, prognoskedja
from .tolka import formatera_andel, formatera_tal
from .vantetider import _GRÄNSKOLUMNER, _VÄRDEKOLUMNER, Väntetidsgräns

__all__ = [
    "BEDÖMNINGSFÄRGER",
    "indikatordiagram",
    "kontinuitetsdiagram",
    "prognosdiagram",
    "tornadodiagram",
    "väntetidsdiagram",
]

#: Colour of each :class:`~halsouppfoljning.Måluppfyllelse` in :func:`indikatordiagram`.
BEDÖMNINGSFÄRGER: dict[Måluppfyllelse, str] = {
    Måluppfyllelse.UPPNÅDD: "#2e7d32",
    Måluppfyllelse.DELVIS: "#f2b705",
    Måluppfyllelse.EJ_UPPNÅDD: "#c62828",
    Måluppfyllelse.UNDERLAG_SAKNAS: "#9e9e9e",
    Måluppfyllelse.MÅL_SAKNAS: "#9e9e9e",
}
_MÅNADER = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_LINJE = "#4c72b0"
_MÅLFÄRG = "#333333"
_UPPSIDA = "#2e7d32"
_NEDSIDA = "#c62828"


# --------------------------------------------------------------------------- helpers


def _matplotlib() -> Any:
    """matplotlib.pyplot via :mod:`.plot` (imported late: plot.py re-exports this module)."""
    from .plot import _matplotlib as importera  # noqa: PLC0415

    return importera()


def _axes(ax: Any, **kwargs: Any) -> Any:
    from .plot import _axes as ny_axes  # noqa: PLC0415

    return ny_axes(ax, **kwargs)


def _andelstext(x: float, decimaler: int = 1) -> str:
    return formatera_andel(float(x), decimaler)


def _procentaxel(axel: Any, värden: Any) -> None:
    """Format an axis of shares in percent with a decimal comma ("80 %", "82,5 %")."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    arr = np.asarray(värden, dtype=float)
    arr = arr[np.isfinite(arr)]
    spann = float(arr.max() - arr.min()) if arr.size else 1.0
    decimaler = 0 if spann >= 0.05 else 1
    axel.set_major_formatter(FuncFormatter(lambda v, _: _andelstext(v, decimaler)))


def _talaxel(axel: Any) -> None:
    """Format an axis of numbers the Swedish way ("-1 200", "2,5")."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    def text(v: float, _: Any) -> str:
        return formatera_tal(v, 0 if float(v).is_integer() else 1)

    axel.set_major_formatter(FuncFormatter(text))


def _är_månadsslut(t: pd.Timestamp) -> bool:
    return bool(t.normalize() == (t + pd.offsets.MonthEnd(0)).normalize())


def _tidsetikett(värde: Any, månadsvis: bool) -> str:
    """A Swedish label for a time point: "jan 2023", "2023-01-15", "2023"."""
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


def _tidpunkter(värden: Sequence[Any]) -> tuple[list[Any], list[str]]:
    """The distinct time points in order, and their Swedish labels."""
    unika = list(pd.unique(pd.Series(list(värden), dtype=object)))
    with contextlib.suppress(TypeError):  # mixed kinds: keep the order of appearance
        unika = sorted(unika)
    månadsvis = all(isinstance(v, pd.Timestamp) and _är_månadsslut(v) for v in unika)
    return unika, [_tidsetikett(v, månadsvis) for v in unika]


def _sätt_tidsaxel(ax: Any, etiketter: list[str], titel: str) -> None:
    n = len(etiketter)
    steg = max(1, math.ceil(n / 12))
    positioner = np.arange(0, n, steg)
    ax.set_xticks(positioner, [etiketter[i] for i in positioner])
    if n > 4:
        for text in ax.get_xticklabels():
            text.set_rotation(45)
            text.set_horizontalalignment("right")
    ax.set_xlabel(titel)


def _måltext(målnivå: Målnivå) -> str:
    return f"Mål {målnivå}"


def _rita_mål(ax: Any, målnivå: Målnivå, andel: bool) -> list[float]:
    """Draw a target as a horizontal line (limit) or band (interval); return its levels."""
    if målnivå.typ is Måltyp.GRÄNS and målnivå.gräns is not None:
        ax.axhline(målnivå.gräns, color=_MÅLFÄRG, linestyle="--", label=_måltext(målnivå))
        return [målnivå.gräns]
    if målnivå.typ is Måltyp.INTERVALL and målnivå.nedre is not None and målnivå.övre is not None:
        ax.axhspan(målnivå.nedre, målnivå.övre, color=_UPPSIDA, alpha=0.15, label=_måltext(målnivå))
        return [målnivå.nedre, målnivå.övre]
    if målnivå.typ is Måltyp.TVÅNIVÅ:
        nivåer: list[float] = []
        for del_, namn, stil in zip(
            målnivå.delar, ("Delmål", "Totalmål"), (":", "--"), strict=True
        ):
            if del_.typ is Måltyp.GRÄNS and del_.gräns is not None:
                ax.axhline(del_.gräns, color=_MÅLFÄRG, linestyle=stil, label=f"{namn} {del_}")
                nivåer.append(del_.gräns)
        return nivåer
    return []


# --------------------------------------------------------------------------- indikatordiagram


def indikatordiagram(
    utfall: pd.Series,
    målnivå: Målnivå,
    *,
    föregående: Any = None,
    avrundning: int | None = None,
    delvis: Any = None,
    titel: str | None = None,
    procent: bool | None = None,
    ax: Any = None,
) -> Any:
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
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        A thin line labelled "Utfall" through the outcomes (x = positions
        0..n-1, tick labels in Swedish, e.g. "jan 2023"), one scatter
        collection per assessment present (labelled "Uppnådd", "Ej uppnådd"
        ...; colours :data:`BEDÖMNINGSFÄRGER`), the target line or band
        (labelled "Mål ≥ 80 %"), a legend and the title.

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
    >>> from halsouppfoljning._plot_uppfoljning import indikatordiagram
    >>> u = pd.Series([0.78, 0.81, 0.84], name="Besök inom 90 dagar",
    ...               index=pd.period_range("2023-01", periods=3, freq="M"))
    >>> ax = indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['jan 2023', 'feb 2023', 'mar 2023']
    >>> sorted(c.get_label() for c in ax.collections)
    ['Ej uppnådd', 'Uppnådd']
    >>> plt.close("all")
    """
    _matplotlib()
    if not isinstance(målnivå, Målnivå):
        raise FelTypError(
            f"indikatordiagram: målnivå must be a Målnivå, got {type(målnivå).__name__}; "
            "build one with hu.Målnivå.tolka('≥ 80 %')"
        )
    if not isinstance(utfall, pd.Series) or not isinstance(
        utfall.index, (pd.DatetimeIndex, pd.PeriodIndex)
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
    andel = målnivå.enhet == "andel" if procent is None else procent
    if målnivå.enhet == "andel":
        kontrollera_andel(utfall.to_numpy(dtype=float), "indikatordiagram: utfall")
    utfall = utfall.sort_index()
    y = utfall.to_numpy(dtype=float)
    x = np.arange(len(y))
    bedömning = måluppfyllelse(
        utfall, målnivå, föregående=föregående, avrundning=avrundning, delvis=delvis
    )
    klasser = np.asarray(bedömning, dtype=object)
    ax = _axes(ax)
    ax.plot(x, y, color=_LINJE, linewidth=1.2, label="Utfall", zorder=2)
    for klass, färg in BEDÖMNINGSFÄRGER.items():
        träff = (klasser == klass) & np.isfinite(y)
        if träff.any():
            ax.scatter(
                x[träff],
                y[träff],
                color=färg,
                s=36,
                zorder=3,
                label=klass.value.capitalize(),
            )
    nivåer = _rita_mål(ax, målnivå, andel)
    etiketter = [
        _tidsetikett(v, isinstance(v, pd.Timestamp) and _är_månadsslut(v)) for v in utfall.index
    ]
    _sätt_tidsaxel(ax, etiketter, "Period")
    if andel:
        _procentaxel(ax.yaxis, np.concatenate([y, np.asarray(nivåer, dtype=float)]))
        ax.set_ylabel("Andel")
    else:
        ax.set_ylabel(f"Utfall [{målnivå.enhet}]" if målnivå.enhet else "Utfall")
        _talaxel(ax.yaxis)
    namn = titel if titel is not None else (str(utfall.name) if utfall.name else "Utfall mot mål")
    ax.set_title(namn)
    ax.legend(loc="best", fontsize="small")
    return ax


# --------------------------------------------------------------------------- väntetidsdiagram


def _välj_gräns(andelar: pd.DataFrame, gräns: Any) -> pd.DataFrame:
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
    elif isinstance(gräns, (int, float)) and not isinstance(gräns, bool):
        mask = (andelar["gräns"] == float(gräns)).to_numpy()
        if len(pd.unique(namn[mask])) > 1:
            raise OgiltigtVärdeError(
                f"väntetidsdiagram: several limits of {gräns!r} "
                f"{list(pd.unique(namn[mask]))!r}; choose one by its name"
            )
    else:
        raise FelTypError(
            f"väntetidsdiagram: gräns must be a limit name, a number or a Väntetidsgräns, "
            f"got {gräns!r}"
        )
    if not mask.any():
        raise OgiltigtVärdeError(
            f"väntetidsdiagram: no rows for the limit {gräns!r}; the table holds "
            f"{list(pd.unique(namn))!r}"
        )
    return andelar.loc[mask]


def väntetidsdiagram(
    andelar: pd.DataFrame,
    *,
    gräns: Any = None,
    mål: float | Målnivå | None = None,
    intervall: str = "band",
    ax: Any = None,
) -> Any:
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
        band (default), as error bars, or not at all.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One line per group (labelled by the group's values, or
        "Andel inom gränsen" without groups) at x positions 0..n-1 of the
        time points (tick labels in Swedish, "jan 2023"); the intervals;
        open markers on cells flagged ``undertryckt`` (fewer patients than
        ``minsta_antal``, which SKR does not publish); the target line
        labelled "Mål 80 %"; y axis in percent; the title is the limit's name.

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
    >>> from halsouppfoljning._plot_uppfoljning import väntetidsdiagram
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
    _matplotlib()
    if not isinstance(andelar, pd.DataFrame):
        raise FelTypError(
            "väntetidsdiagram takes the DataFrame from hu.väntetidsandelar(), got "
            f"{type(andelar).__name__}"
        )
    if intervall not in ("band", "staplar", "inget"):
        raise OgiltigtVärdeError(
            f"väntetidsdiagram: intervall must be 'band', 'staplar' or 'inget', got {intervall!r}"
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
    kontrollera_kolumner(andelar.columns, ["andel", "gränsnamn", "gräns"], "väntetidsdiagram")
    if andelar.empty:
        raise OgiltigtVärdeError("väntetidsdiagram: the table is empty, nothing to draw")
    data = _välj_gräns(andelar, gräns)
    kända = {tid, *_GRÄNSKOLUMNER, *_VÄRDEKOLUMNER, "mätdatum", "period"}
    grupper = [k for k in data.columns if k not in kända and not str(k).startswith("exkluderade_")]
    punkter, etiketter = _tidpunkter(list(data[tid]))
    position = {p: i for i, p in enumerate(punkter)}
    x_alla = np.array([position[v] for v in data[tid]], dtype=float)
    ax = _axes(ax)
    if grupper:
        nycklar = data[grupper].astype(object).astype(str).agg(", ".join, axis=1).to_numpy()
        ordning = list(dict.fromkeys(nycklar))
    else:
        nycklar = np.full(len(data), "Andel inom gränsen", dtype=object)
        ordning = ["Andel inom gränsen"]
    andel = data["andel"].to_numpy(dtype=float)
    nedre = data["nedre"].to_numpy(dtype=float) if "nedre" in data else np.full_like(andel, np.nan)
    övre = data["övre"].to_numpy(dtype=float) if "övre" in data else np.full_like(andel, np.nan)
    undertryckt = (
        data["undertryckt"].to_numpy(dtype=bool)
        if "undertryckt" in data
        else np.zeros(len(data), dtype=bool)
    )
    visad_undertryckt = False
    for nyckel in ordning:
        rad = nycklar == nyckel
        sortering = np.argsort(x_alla[rad], kind="stable")
        x = x_alla[rad][sortering]
        y = andel[rad][sortering]
        (linje,) = ax.plot(x, y, marker="o", markersize=4, label=nyckel)
        färg = linje.get_color()
        ned, upp = nedre[rad][sortering], övre[rad][sortering]
        if intervall == "band":
            ax.fill_between(x, ned, upp, color=färg, alpha=0.2, linewidth=0)
        elif intervall == "staplar":
            fel = np.vstack([y - ned, upp - y])
            ax.errorbar(x, y, yerr=fel, fmt="none", ecolor=färg, capsize=3)
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
            värden.append(np.asarray(_rita_mål(ax, mål, True), dtype=float))
        elif isinstance(mål, (int, float)) and not isinstance(mål, bool):
            kontrollera_andel(mål, "väntetidsdiagram: mål")
            ax.axhline(
                float(mål), color=_MÅLFÄRG, linestyle="--", label=f"Mål {_andelstext(mål, 0)}"
            )
            värden.append(np.array([float(mål)]))
        else:
            raise FelTypError(f"väntetidsdiagram: mål must be a share or a Målnivå, got {mål!r}")
    _sätt_tidsaxel(ax, etiketter, "Mätdatum" if tid == "mätdatum" else "Period")
    _procentaxel(ax.yaxis, np.concatenate(värden))
    ax.set_ylabel("Andel inom gränsen")
    namn = str(data["gränsnamn"].iloc[0])
    bas = "väntande" if tid == "mätdatum" else "genomförda"
    ax.set_title(f"{namn[:1].upper()}{namn[1:]} ({bas})")
    ax.legend(loc="best", fontsize="small")
    return ax


# --------------------------------------------------------------------------- kontinuitetsdiagram


def _enhet_per_patient(index: pd.Series, enheter: Any, patient: str, enhet: str) -> pd.Series:
    if isinstance(enheter, pd.Series):
        karta = enheter
        if karta.index.has_duplicates:
            raise OgiltigtVärdeError(
                "kontinuitetsdiagram: enheter holds a patient twice; give one unit per "
                "patient (e.g. besök.drop_duplicates('patient').set_index('patient')"
                "['listningsenhet'])"
            )
    elif isinstance(enheter, pd.DataFrame):
        kontrollera_kolumner(enheter.columns, [patient, enhet], "kontinuitetsdiagram")
        par = enheter[[patient, enhet]].drop_duplicates()
        if par[patient].duplicated().any():
            dubbel = par.loc[par[patient].duplicated(), patient].iloc[0]
            raise OgiltigtVärdeError(
                f"kontinuitetsdiagram: patient {dubbel} has several values of {enhet!r}; "
                "the listing unit must be one per patient"
            )
        karta = par.set_index(patient)[enhet]
    else:
        raise FelTypError(
            "kontinuitetsdiagram: enheter must be a Series (patient -> unit) or the visits "
            f"DataFrame, got {type(enheter).__name__}"
        )
    return index.index.to_series().map(karta)


def kontinuitetsdiagram(
    index: pd.Series,
    enheter: pd.Series | pd.DataFrame | None = None,
    *,
    patient: str = "patient",
    enhet: str = "listningsenhet",
    riket: float | None = None,
    typ: str = "låda",
    ax: Any = None,
) -> Any:
    """The distribution of a continuity index per unit, as box plots or violins.

    Parameters
    ----------
    index : pandas.Series
        The per-patient values from :func:`~halsouppfoljning.kontinuitetsindex`
        (index = patient, name = the method). Patients without a value (NaN:
        fewer than ``minsta_antal_besök`` visits) are left out of the boxes
        and counted per unit in the tick labels.
    enheter : pandas.Series or pandas.DataFrame, optional
        The unit of each patient: a Series indexed by patient, or the visits
        DataFrame with the columns ``patient`` and ``enhet`` (one unit per
        patient, e.g. the listing unit). Default: one box for all patients.
    patient, enhet : str
        Column names in ``enheter`` when it is a DataFrame.
    riket : float, optional
        A reference line, e.g. the national mean 0,30 of December 2023
        [index, 0-1].
    typ : {"låda", "fiol"}
        Box plots (default; the box is the quartiles, the whiskers 1,5 IQR)
        or violin plots.
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        One box (or violin) per unit in sorted order, the unit's mean (the
        published value) as a white diamond, tick labels "<unit>\\nn=<patients
        with a value>" (thousands grouped with a space: "n=1 198"), a
        dashed line "Riket 0,30" when asked, y axis [0, 1] labelled with the
        method, and a title naming the patients measured, those without a
        value and (when any) those with a value but no unit in ``enheter``,
        who are left out of the boxes.

    Raises
    ------
    SaknatTilläggError
        If matplotlib is not installed.
    FelTypError
        If ``index`` is not a Series or ``enheter`` is of another type.
    SaknadKolumnError
        If a named column is not in ``enheter``.
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
    >>> from halsouppfoljning._plot_uppfoljning import kontinuitetsdiagram
    >>> b = pd.DataFrame({"patient": [1, 1, 1, 2, 2, 2, 3],
    ...                   "vårdgivare": ["a", "a", "b", "c", "d", "e", "a"],
    ...                   "listningsenhet": ["VC1"] * 3 + ["VC2"] * 3 + ["VC1"]})
    >>> coc = hu.kontinuitetsindex(b)
    >>> ax = kontinuitetsdiagram(coc, b, riket=0.30)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['VC1\\nn=1', 'VC2\\nn=1']
    >>> ax.get_title()
    'Kontinuitetsindex (COC) per enhet: 2 patienter, 1 utan värde'
    >>> plt.close("all")
    """
    _matplotlib()
    if not isinstance(index, pd.Series):
        raise FelTypError(
            "kontinuitetsdiagram takes the per-patient Series from hu.kontinuitetsindex(), "
            f"got {type(index).__name__}"
        )
    if typ not in ("låda", "fiol"):
        raise OgiltigtVärdeError(f"kontinuitetsdiagram: typ must be 'låda' or 'fiol', got {typ!r}")
    if riket is not None:
        kontrollera_andel(riket, "kontinuitetsdiagram: riket")
    värden = index.to_numpy(dtype=float)
    if enheter is None:
        etikett = np.full(len(värden), "Alla", dtype=object)
    else:
        etikett = _enhet_per_patient(index, enheter, patient, enhet).to_numpy(dtype=object)
    har = np.isfinite(värden)
    utan_enhet = pd.isna(etikett)
    if not (har & ~utan_enhet).any():
        raise OgiltigtVärdeError(
            "kontinuitetsdiagram: no patient has both a value and a unit; check "
            "minsta_antal_besök and that enheter covers the patients"
        )
    tabell = pd.DataFrame({"enhet": etikett[har & ~utan_enhet], "värde": värden[har & ~utan_enhet]})
    koder, namn = pd.factorize(tabell["enhet"], sort=True)
    vk = tabell["värde"].to_numpy()
    ordning = np.argsort(koder, kind="stable")
    gränser = np.searchsorted(koder[ordning], np.arange(len(namn) + 1))
    grupper = [vk[ordning][gränser[i] : gränser[i + 1]] for i in range(len(namn))]
    medel = np.array([g.mean() for g in grupper])
    positioner = np.arange(1, len(namn) + 1)
    ax = _axes(ax, figsize=(max(6.4, 0.6 * len(namn) + 2), 4.8))
    if typ == "låda":
        ax.boxplot(grupper, positions=positioner, widths=0.6, showfliers=False)
    else:
        ax.violinplot(grupper, positions=positioner, showmedians=True, showextrema=False)
    ax.scatter(
        positioner,
        medel,
        marker="D",
        color="white",
        edgecolors="black",
        zorder=3,
        label="Medelvärde (publicerat mått)",
    )
    ax.set_xticks(
        positioner,
        [f"{n}\nn={formatera_tal(len(g), 0)}" for n, g in zip(namn, grupper, strict=True)],
    )
    if len(namn) > 8:
        for text in ax.get_xticklabels():
            text.set_rotation(90)
    if riket is not None:
        ax.axhline(riket, color=_MÅLFÄRG, linestyle="--", label=f"Riket {formatera_tal(riket, 2)}")
    ax.set_ylim(-0.02, 1.02)
    metod = str(index.name).upper() if index.name else "index"
    ax.set_ylabel(f"Kontinuitetsindex ({metod})")
    ax.set_xlabel("Enhet" if enheter is not None else "")
    _talaxel_decimaler(ax.yaxis)
    antal = int(har.sum())
    utan = int((~har).sum())
    utan_enhet_antal = int((har & utan_enhet).sum())
    text = f"{formatera_tal(antal, 0)} patienter" if antal != 1 else "1 patient"
    titel = f"Kontinuitetsindex ({metod}) per enhet: {text}, {formatera_tal(utan, 0)} utan värde"
    if utan_enhet_antal:
        titel += f", {formatera_tal(utan_enhet_antal, 0)} med värde utan enhet"
    ax.set_title(titel)
    ax.legend(loc="best", fontsize="small")
    return ax


def _talaxel_decimaler(axel: Any) -> None:
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    axel.set_major_formatter(FuncFormatter(lambda v, _: formatera_tal(v, 1)))


# --------------------------------------------------------------------------- prognosdiagram


def prognosdiagram(
    kedja: pd.DataFrame | Sequence[Prognos],
    *,
    budget: float | None = None,
    utfall: float | None = None,
    ax: Any = None,
) -> Any:
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
        Swedish way.

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
    >>> from halsouppfoljning._plot_uppfoljning import prognosdiagram
    >>> kedja = [hu.Prognos(värde=-800, nedre=-850, övre=-780, upprättad="2023-01", budget=0),
    ...          hu.Prognos(värde=-890, nedre=-940, övre=-870, upprättad="2023-02", budget=0)]
    >>> ax = prognosdiagram(kedja)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['jan 2023', 'feb 2023']
    >>> [l.get_label() for l in ax.get_lines()][-1]
    'Budget 0 mnkr'
    >>> plt.close("all")
    """
    _matplotlib()
    if isinstance(kedja, pd.DataFrame):
        tabell = kedja
    elif isinstance(kedja, (list, tuple)):
        tabell = prognoskedja(list(kedja))
    else:
        raise FelTypError(
            "prognosdiagram takes a hu.prognoskedja() table or a list of hu.Prognos, got "
            f"{type(kedja).__name__}"
        )
    kontrollera_kolumner(tabell.columns, ["upprättad", "värde", "nedre", "övre"], "prognosdiagram")
    if tabell.empty:
        raise OgiltigtVärdeError("prognosdiagram: the chain is empty, nothing to draw")
    datum = pd.to_datetime(tabell["upprättad"])
    if datum.isna().any():
        raise OgiltigtVärdeError(
            "prognosdiagram: every forecast needs its date (upprättad); "
            f"{int(datum.isna().sum())} lack one"
        )
    utanför = (tabell["nedre"] > tabell["värde"]) | (tabell["övre"] < tabell["värde"])
    if utanför.any():
        rad_nr = int(np.flatnonzero(utanför.to_numpy())[0])
        raise OgiltigtVärdeError(
            f"prognosdiagram: row {rad_nr} has an interval [{tabell['nedre'].iloc[rad_nr]}, "
            f"{tabell['övre'].iloc[rad_nr]}] that does not contain its forecast "
            f"{tabell['värde'].iloc[rad_nr]}; nedre <= värde <= övre is needed"
        )
    månad = (datum.dt.year * 12 + datum.dt.month - 1).to_numpy(dtype=np.int64)
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
    ax = _axes(ax)
    värde = tabell["värde"].to_numpy(dtype=float)
    nedre = tabell["nedre"].to_numpy(dtype=float)
    övre = tabell["övre"].to_numpy(dtype=float)
    for period in dict.fromkeys(avser):
        rad = avser == period
        ordning = np.argsort(x_alla[rad], kind="stable")
        x, y = x_alla[rad][ordning], värde[rad][ordning]
        # a missing interval is NaN: matplotlib draws no bar for it
        fel = np.vstack([y - nedre[rad][ordning], övre[rad][ordning] - y])
        ax.errorbar(
            x,
            y,
            yerr=fel,
            marker="o",
            capsize=4,
            label=f"Prognos {period}".strip(),
        )

    def ett_värde(kolumn: str, givet: float | None) -> float | None:
        if givet is not None:
            return float(givet)
        if kolumn in tabell.columns:
            unika = pd.unique(tabell[kolumn].dropna())
            if len(unika) == 1:
                return float(unika[0])
        return None

    budgetvärde = ett_värde("budget", budget)
    utfallsvärde = ett_värde("utfall", utfall)
    if budgetvärde is not None:
        decimaler = 0 if budgetvärde.is_integer() else 1
        ax.axhline(
            budgetvärde,
            color=_MÅLFÄRG,
            linestyle="--",
            label=f"Budget {formatera_tal(budgetvärde, decimaler, enhet=enhet)}",
        )
    if utfallsvärde is not None:
        ax.axhline(
            utfallsvärde,
            color=_UPPSIDA,
            linestyle=":",
            label=f"Utfall {formatera_tal(utfallsvärde, 1, enhet=enhet)}",
        )
    steg = np.arange(int(x_alla.max()) + 1)
    etiketter = [f"{_MÅNADER[(första + int(k)) % 12]} {(första + int(k)) // 12}" for k in steg]
    _sätt_tidsaxel(ax, etiketter, "Prognos upprättad")
    _talaxel(ax.yaxis)
    ax.set_ylabel(f"Helårsprognos [{enhet}]")
    titel = "Prognoskedja"
    perioder = [p for p in dict.fromkeys(avser) if p]
    if len(perioder) == 1:
        titel += f" {perioder[0]}"
    ax.set_title(titel)
    ax.legend(loc="best", fontsize="small")
    return ax


# --------------------------------------------------------------------------- tornadodiagram


def tornadodiagram(
    bidrag: pd.DataFrame,
    *,
    punkt: float | None = None,
    enhet: str = "mnkr",
    ax: Any = None,
) -> Any:
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
    ax : matplotlib.axes.Axes, optional
        Draw here; default a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        Two horizontal bars per item (the downside in red from ``punkt +
        ned`` to ``punkt``, the upside in green from ``punkt`` to ``punkt +
        upp``), items sorted by range (``upp − ned``) with the widest on top,
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
    >>> from halsouppfoljning._plot_uppfoljning import tornadodiagram
    >>> poster = {"Köpt vård": (-20, 5), "Läkemedel": (-30, 10)}
    >>> nedre, övre, b = hu.känslighetsintervall(poster, punkt=-890, bidrag=True)
    >>> ax = tornadodiagram(b)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Läkemedel', 'Köpt vård']
    >>> len(ax.patches), ax.get_lines()[0].get_label()
    (4, 'Prognos -890 mnkr')
    >>> plt.close("all")
    """
    _matplotlib()
    if not isinstance(bidrag, pd.DataFrame):
        raise FelTypError(
            "tornadodiagram takes the item table from hu.känslighetsintervall(..., "
            f"bidrag=True), got {type(bidrag).__name__}"
        )
    kontrollera_kolumner(bidrag.columns, ["ned", "upp"], "tornadodiagram")
    ned_alla = bidrag["ned"].to_numpy(dtype=float)
    upp_alla = bidrag["upp"].to_numpy(dtype=float)
    har = np.isfinite(ned_alla) & np.isfinite(upp_alla)
    if not har.any():
        raise OgiltigtVärdeError(
            "tornadodiagram: no item has both ned and upp; fill in the ranges first "
            "(the bundled Västmanland items are printed only as a chart)"
        )
    if (ned_alla[har] > 0).any() or (upp_alla[har] < 0).any():
        raise OgiltigtVärdeError(
            "tornadodiagram: each item needs ned <= 0 (downside) and upp >= 0 (upside)"
        )
    if punkt is None:
        if "nedre" in bidrag.columns:
            skillnad = bidrag["nedre"].to_numpy(dtype=float) - ned_alla
            skillnad = skillnad[np.isfinite(skillnad)]
            punkt = float(skillnad[0]) if skillnad.size else 0.0
        else:
            punkt = 0.0
    namn = np.asarray([str(n) for n in bidrag.index], dtype=object)[har]
    ned, upp = ned_alla[har], upp_alla[har]
    ordning = np.argsort(-(upp - ned), kind="stable")
    namn, ned, upp = namn[ordning], ned[ordning], upp[ordning]
    y = np.arange(len(namn))
    ax = _axes(ax, figsize=(6.4, 0.45 * len(namn) + 1.6))
    ax.barh(y, -ned, left=punkt + ned, color=_NEDSIDA, label="Nedsida")
    ax.barh(y, upp, left=punkt, color=_UPPSIDA, label="Uppsida")
    for yi, a, b in zip(y, ned, upp, strict=True):
        ax.text(
            punkt + a, yi, f" {formatera_tal(a, 0)} ", ha="right", va="center", fontsize="small"
        )
        ax.text(
            punkt + b, yi, f" +{formatera_tal(b, 0)} ", ha="left", va="center", fontsize="small"
        )
    ax.set_yticks(y, list(namn))
    ax.invert_yaxis()
    ax.margins(x=0.15)  # room for the range labels at the bar ends
    ax.axvline(
        punkt,
        color="black",
        linewidth=1,
        label=f"Prognos {formatera_tal(punkt, 0 if float(punkt).is_integer() else 1, enhet=enhet)}",
    )
    _talaxel(ax.xaxis)
    ax.set_xlabel(f"Helårsresultat när posten ensam når sitt ytterläge [{enhet}]")
    saknas = int((~har).sum())
    titel = "Känslighetsanalys av prognosen"
    if saknas:
        titel += f" ({saknas} poster utan spann utelämnade)"
    ax.set_title(titel)
    ax.legend(loc="best", fontsize="small")
    return ax
