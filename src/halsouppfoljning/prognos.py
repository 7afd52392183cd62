"""Forecasts (*prognoser*), forecast intervals and forecast accuracy.

A :class:`Prognos` is a dated judgement of a period's result with an interval,
as reports write it: "Årsprognos, -890 mnkr +20/-50 mnkr" is the point -890,
the upside +20 and the downside -50, so the interval [-940, -870].

The functions:

- :func:`prognosintervall`: the interval from a point, an upside and a downside;
- :func:`känslighetsintervall`: the interval from a sensitivity analysis of
  items, each with its own range (:term:`känslighetsintervall`);
- :func:`helårsprognos`: a full-year forecast from the months so far, with a
  prediction interval whose stated level is its coverage;
- :func:`prognosfel`: past years' forecast errors of a method, the
  ``historik`` that :func:`helårsprognos` uses;
- :func:`prognosavvikelse`: outcome against forecast;
- :func:`prognoskedja` and :func:`prognosträffsäkerhet`: a chain of forecasts
  through a year as a tidy table, and its accuracy.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.prognosintervall(-890, 20, -50)
(-940.0, -870.0)
>>> p = hu.Prognos.tolka("Årsprognos, -890 mnkr +20/-50 mnkr")
>>> p.värde, p.intervall
(-890.0, (-940.0, -870.0))
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias, cast, overload

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    FÖRSTA_DATUM,
    SISTA_DATUM,
    Datum,
    TalIn,
    boolesk,
    datum,
    datumkolumn,
    följd,
    givna_tal,
    heltal,
    kolumn,
    kontrollera_andel,
    kontrollera_kolumner,
    kort,
    ramtyp,
    rimliga_tal,
    rimligt_datum,
    samma_längd,
    skalär,
    slumpgenerator,
    tal_array,
    unika_nycklar,
    valfri_text,
)
from ._indata import text as _text_in
from .ekonomi import budgetavvikelse, periodiserad_budget
from .exceptions import (
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    UnderlagsVarning,
)
from .indikatorer import formatera_tal
from .perioder import Period


def _stats() -> Any:
    """scipy.stats, imported on first use: it takes over a second to import and only
    the simulation and the prediction intervals need it."""
    from scipy import stats  # noqa: PLC0415

    return stats


__all__ = [
    "Prognos",
    "helårsprognos",
    "känslighetsintervall",
    "prognosavvikelse",
    "prognosfel",
    "prognosintervall",
    "prognoskedja",
    "prognosträffsäkerhet",
]

#: Items of a sensitivity analysis: a table with columns ``ned``, ``upp`` (and
#: ``läge``), a mapping of item name to (ned, upp[, läge]), or a list, tuple or 2-D
#: array of them.
Poster: TypeAlias = (
    "pd.DataFrame | Mapping[str, Sequence[float]] | Sequence[Sequence[float]] | "
    "npt.NDArray[np.float64]"
)

_METODER = ("budgetprofil", "oförändrad avvikelse", "linjär")


# --------------------------------------------------------------------------- intervals


def _kontrollera_sida(värde: Any, namn: str, tillåtet: str, råd: str) -> None:
    arr = np.asarray(värde, dtype=np.float64)
    fel = (arr < 0) if tillåtet == "icke-negativ" else (arr > 0)
    if np.any(fel):
        första = float(arr[fel].flat[0]) if arr.ndim else float(arr)
        plats = "" if arr.ndim == 0 else f" (at position {int(np.flatnonzero(fel.ravel())[0])})"
        raise OgiltigtVärdeError(f"prognosintervall: {namn}={första:g}{plats} {råd}")


def prognosintervall(punkt: TalIn, upp: TalIn, ned: TalIn, *, ned_som_belopp: bool = False) -> Any:
    """The forecast interval (*prognosintervall*) from a point, an upside and a downside.

    Parameters
    ----------
    punkt : float, array-like or Series
        The point forecast [mnkr], e.g. -890.
    upp : float, array-like or Series
        The upside [mnkr]: how far above the point the outcome may land,
        ``+20`` in "-890 mnkr +20/-50 mnkr"; >= 0.
    ned : float, array-like or Series
        The downside [mnkr]: as reports write it, a negative number (``-50``),
        or with ``ned_som_belopp=True`` its magnitude (``50``).
    ned_som_belopp : bool
        Whether ``ned`` is given as a magnitude (>= 0) rather than signed
        (<= 0, the default). Explicit, so that a downside passed with the wrong
        sign is an error rather than silently flipped.

    Returns
    -------
    (nedre, övre) : tuple of float, ndarray or Series
        Elementwise; pandas inputs keep their index. ``nedre <= punkt <= övre``
        always; NaN in gives NaN out.

    Raises
    ------
    OgiltigtVärdeError
        If an upside is below zero, or a signed downside above zero (or a
        magnitude below zero with ``ned_som_belopp=True``); the message names
        which side and the value.
    FelTypError
        If the inputs are not numbers (text, booleans, ``None``), or one is a
        DataFrame and another a sequence or Series.
    OgiltigtVärdeError
        Also if the inputs have different lengths or indexes (the message
        gives both), a DataFrame has a column name twice, or a value is
        10^15 or more in magnitude (a unit or typing error).

    Notes
    -----
    .. math:: [\\,P - |N|,\\; P + U\\,]

    See Also
    --------
    känslighetsintervall : the interval from a sensitivity analysis.
    Prognos.tolka : read "-890 mnkr +20/-50 mnkr".

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.prognosintervall(-890, 20, -50)
    (-940.0, -870.0)
    >>> hu.prognosintervall(-890, 20, 50, ned_som_belopp=True)
    (-940.0, -870.0)
    >>> hu.prognosintervall([-890, -800], [20, 0], [-50, -30])
    (array([-940., -830.]), array([-870., -800.]))

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023: "Årsprognos, -890 mnkr +20/-50 mnkr".
    """
    for namn, del_ in (("punkt", punkt), ("upp", upp), ("ned", ned)):
        _unika_kolumner(del_, namn, "prognosintervall")
    p = givna_tal(punkt, "prognosintervall: punkt")
    u = givna_tal(upp, "prognosintervall: upp")
    n = givna_tal(ned, "prognosintervall: ned")
    for namn, del_ in (("punkt", p), ("upp", u), ("ned", n)):
        _rimliga(del_, f"prognosintervall: {namn}")
    delar = {"punkt": p, "upp": u, "ned": n}
    ramar = [k for k, v in delar.items() if isinstance(v, pd.DataFrame)]
    for (namn_a, a), (namn_b, b) in (
        (("punkt", p), ("upp", u)),
        (("punkt", p), ("ned", n)),
        (("upp", u), ("ned", n)),
    ):
        if not (np.ndim(a) and np.ndim(b)):
            continue
        if ramar and not (isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame)):
            raise FelTypError(
                f"prognosintervall: {ramar[0]} is a DataFrame but "
                f"{namn_b if isinstance(a, pd.DataFrame) else namn_a} is not; give all three "
                "as frames of the same shape, or a single number for upp and ned"
            )
        samma_längd(a, b, namn_a, namn_b, "prognosintervall")
        _samma_form(a, b, namn_a, namn_b, "prognosintervall")
        if isinstance(a, pd.DataFrame) and not a.columns.equals(b.columns):
            raise OgiltigtVärdeError(
                f"prognosintervall: {namn_a} and {namn_b} have different columns "
                f"({kort(list(a.columns))} and {kort(list(b.columns))}); give frames with the "
                "same columns"
            )
    ned_som_belopp = boolesk(ned_som_belopp, "prognosintervall: ned_som_belopp")
    _kontrollera_sida(
        u,
        "upp",
        "icke-negativ",
        "is an upside below zero: the upside is how far above the point the outcome may "
        "land (+20 in '-890 mnkr +20/-50 mnkr') and must be >= 0",
    )
    if ned_som_belopp:
        _kontrollera_sida(
            n,
            "ned",
            "icke-negativ",
            "is a downside magnitude below zero: with ned_som_belopp=True give the size of "
            "the downside (50), or pass the signed form (-50) with ned_som_belopp=False",
        )
        nedre = p - n
    else:
        _kontrollera_sida(
            n,
            "ned",
            "icke-positiv",
            "is a downside above zero: write the downside as reports do, as a negative "
            "number (-50 in '+20/-50'), or pass ned_som_belopp=True to give magnitudes",
        )
        nedre = p + n
    övre = p + u  # below 3e15 in magnitude: the parts are bounded above
    return nedre, övre


def _rimliga(värde: Any, namn: str) -> None:
    """Refuse a magnitude of 10^15 or more (a unit or typing error, never an amount)."""
    rimliga_tal(värde.to_numpy() if isinstance(värde, pd.DataFrame) else värde, namn)


def _unika_kolumner(värde: Any, namn: str, vad: str) -> None:
    """Refuse a DataFrame whose column names repeat (each column is one series of figures)."""
    if isinstance(värde, pd.DataFrame):
        unika_nycklar(värde.columns, f"{namn} (its column names)", vad)


def _samma_form(a: Any, b: Any, namn_a: str, namn_b: str, vad: str) -> None:
    """Raise unless two inputs of equal length also have the same shape (a 1 x 2 array is
    not two numbers in a row)."""
    if np.shape(a) != np.shape(b):
        raise OgiltigtVärdeError(
            f"{vad}: {namn_a} has shape {np.shape(a)} but {namn_b} has shape {np.shape(b)}; "
            "give both as one value per row (1-D), or a single number for one of them"
        )


def _poster(poster: Any, ned_som_belopp: bool) -> pd.DataFrame:
    """Items as a DataFrame with columns ned (<= 0), upp (>= 0), läge; index = item names."""
    vad = "känslighetsintervall"
    if isinstance(poster, pd.DataFrame):
        kontrollera_kolumner(poster.columns, ["ned", "upp"], f"{vad}: poster")
        _unika_kolumner(poster, "poster", vad)
        unika_nycklar(poster.index, "poster (its index, the item names)", vad)
        tabell = pd.DataFrame(
            {
                "ned": tal_array(poster["ned"], f"{vad}: poster['ned']"),
                "upp": tal_array(poster["upp"], f"{vad}: poster['upp']"),
                "läge": (
                    tal_array(poster["läge"], f"{vad}: poster['läge']")
                    if "läge" in poster.columns
                    else np.zeros(len(poster))
                ),
            },
            index=poster.index,
        )
    else:
        if isinstance(poster, Mapping):
            namn = list(poster.keys())
            rader = list(poster.values())
        else:
            if not isinstance(poster, (list, tuple, np.ndarray)):
                ramtyp_fel = (
                    f"{vad}: poster must be a DataFrame with columns 'ned' and 'upp', a mapping "
                    "of item name to (ned, upp), or a list of (ned, upp) pairs; got "
                    f"{kort(poster)} of type {type(poster).__name__}"
                )
                if hasattr(poster, "columns") or type(poster).__module__.split(".")[0] in {
                    "polars",
                    "pyarrow",
                }:
                    ramtyp(poster, vad, argument="poster", dask=False)
                raise FelTypError(ramtyp_fel)
            rader = list(följd(poster, f"{vad}: poster"))
            namn = [f"post {i + 1}" for i in range(len(rader))]
        värden = []
        for etikett, rad in zip(namn, rader, strict=True):
            if isinstance(rad, (str, bytes, Mapping)):
                raise FelTypError(
                    f"{vad}: poster[{etikett!r}] must be (ned, upp) or (ned, upp, läge), got "
                    f"{kort(rad)}"
                )
            r = tal_array(rad, f"{vad}: poster[{etikett!r}]")
            if r.shape not in {(2,), (3,)}:
                raise OgiltigtVärdeError(
                    f"{vad}: poster[{etikett!r}] must be (ned, upp) or (ned, upp, läge), got "
                    f"{kort(rad)}; give each item as a pair such as (-30, 10)"
                )
            värden.append([r[0], r[1], r[2] if r.shape == (3,) else 0.0])
        arr = np.asarray(värden, dtype=np.float64).reshape(-1, 3)
        tabell = pd.DataFrame(
            arr, columns=["ned", "upp", "läge"], index=pd.Index(namn, name="post")
        )
    for fält in ("ned", "upp", "läge"):
        _rimliga(tabell[fält], f"{vad}: poster[{fält!r}]")
    if tabell.empty:
        raise OgiltigtVärdeError(
            f"{vad}: poster holds no items; give at least one item with its (ned, upp) range, "
            "e.g. {'läkemedel': (-30, 10)}"
        )
    if ned_som_belopp:
        if np.any(tabell["ned"] < 0):
            fel = tabell.index[(tabell["ned"] < 0).to_numpy()][0]
            raise OgiltigtVärdeError(
                f"{vad}: poster[{fel!r}] has a downside magnitude below zero "
                f"({tabell.loc[fel, 'ned']:g}) with ned_som_belopp=True; give its size (50), "
                "or pass the signed downsides with ned_som_belopp=False"
            )
        tabell["ned"] = -tabell["ned"]
    for fält, villkor, råd in (
        ("upp", tabell["upp"] < 0, "an upside below zero (it must be >= 0)"),
        ("ned", tabell["ned"] > 0, "a downside above zero (write it negative, e.g. -50)"),
        (
            "läge",
            (tabell["läge"] < tabell["ned"]) | (tabell["läge"] > tabell["upp"]),
            "its most likely value (läge) outside its range [ned, upp]",
        ),
    ):
        if np.any(villkor.to_numpy()):
            fel = tabell.index[villkor.to_numpy()][0]
            raise OgiltigtVärdeError(
                f"{vad}: poster[{fel!r}] has {råd}: {fält}={tabell.loc[fel, fält]:g}"
            )
    return tabell


#: The most draws (items times draws) a simulation makes: about 160 MB of float64.
_MAX_DRAG = 20_000_000
#: The fewest draws: quantiles of fewer draws are too rough to report.
_MIN_DRAG = 100


def _nivå(nivå: Any, vad: str) -> float:
    """The level of an interval, a share strictly between 0 and 1, read by ``_indata``."""
    try:
        niv = skalär(nivå, f"{vad}: nivå")
    except OgiltigtVärdeError as fel:  # infinity: add the fix
        if "must be finite" not in str(fel):
            raise
        raise OgiltigtVärdeError(f"{fel}; e.g. nivå=0.8 for an 80 % interval") from None
    kontrollera_andel(niv, f"{vad}: nivå")
    if not 0.0 < niv < 1.0:
        raise OgiltigtVärdeError(
            f"{vad}: nivå must be in (0, 1), got {niv!r}; e.g. nivå=0.8 for an 80 % interval"
        )
    return niv


def _fördelningsmoment(
    a: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    c: npt.NDArray[np.float64],
    fördelning: str,
) -> npt.NDArray[np.float64]:
    """Variance of each item's distribution on [a, b] with mode c."""
    if fördelning == "triangel":
        return np.asarray((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0)
    medel = (a + 4.0 * c + b) / 6.0
    return np.asarray((medel - a) * (b - medel) / 7.0)


@overload
def känslighetsintervall(
    poster: Poster,
    *,
    punkt: float = ...,
    metod: str = ...,
    nivå: float = ...,
    seed: int | np.random.Generator | None = ...,
    fördelning: str = ...,
    antal: int = ...,
    ned_som_belopp: bool = ...,
    bidrag: Literal[False] = ...,
) -> tuple[float, float]: ...
@overload
def känslighetsintervall(
    poster: Poster,
    *,
    punkt: float = ...,
    metod: str = ...,
    nivå: float = ...,
    seed: int | np.random.Generator | None = ...,
    fördelning: str = ...,
    antal: int = ...,
    ned_som_belopp: bool = ...,
    bidrag: Literal[True],
) -> tuple[float, float, pd.DataFrame]: ...
def känslighetsintervall(
    poster: Poster,
    *,
    punkt: float = 0.0,
    metod: str = "summa",
    nivå: float = 0.8,
    seed: int | np.random.Generator | None = None,
    fördelning: str = "triangel",
    antal: int = 100_000,
    ned_som_belopp: bool = False,
    bidrag: bool = False,
) -> tuple[float, float] | tuple[float, float, pd.DataFrame]:
    """A forecast interval from a sensitivity analysis of items (:term:`känslighetsintervall`).

    Parameters
    ----------
    poster : DataFrame, mapping or sequence
        The items, each with a downside ``ned`` (<= 0) and an upside ``upp``
        (>= 0) around the point forecast [mnkr], and optionally its most
        likely value ``läge`` (default 0: the point forecast assumes each item
        at its most likely value). A DataFrame with columns ``ned``, ``upp``
        (and ``läge``), its index naming the items (each name once); a
        mapping of item name to ``(ned, upp)`` or ``(ned, upp, läge)``; or a
        list, tuple or 2-D array of such pairs. At least one item.
    punkt : float
        The point forecast [mnkr] the ranges are around.
    metod : {"summa", "kvadratsumma", "simulering"}
        How the items combine. ``"summa"`` (default): every item at its extreme
        at once, the widest interval; ``"kvadratsumma"``: independent items,
        root sum of squares of the downsides and of the upsides;
        ``"simulering"``: Monte Carlo over per-item distributions.
    nivå : float
        The level of the simulated interval [andel, 0-1]; 0.8 by default (80 %
        and 95 % are the conventions). Only ``"simulering"`` uses it.
    seed : int or numpy.random.Generator, optional
        For a reproducible simulation: a whole number >= 0 or a generator.
    fördelning : {"triangel", "pert"}
        Each item's distribution on [ned, upp] with mode ``läge``: triangular
        (:data:`scipy.stats.triang`) or beta-PERT (:data:`scipy.stats.beta`
        with shape parameters :math:`1 + 4(c-a)/(b-a)` and :math:`1 + 4(b-c)/(b-a)`).
    antal : int
        Number of simulated draws, 100 to 20 000 000 (and at most 20 000 000
        draws of all items together, about 160 MB).
    ned_som_belopp : bool
        Whether the downsides are given as magnitudes (>= 0) instead of signed.
    bidrag : bool
        If true, also return each item's contribution, the data of a tornado
        chart.

    Returns
    -------
    nedre, övre : float
        The interval [mnkr]. NaN if any item's range is missing.
    bidrag : DataFrame
        Only with ``bidrag=True``: one row per item, sorted widest first, with
        ``ned``, ``upp``, ``läge``, ``spann`` (upp - ned), ``nedre`` and
        ``övre`` (the forecast when that item alone goes to its extreme) and,
        for ``"simulering"``, ``varians`` and ``andel_av_varians`` (the item's
        share of the variance of the total).

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``metod`` or ``fördelning``, no items, duplicated item
        names or column names, an item with an upside below zero, a downside above zero or a
        mode outside its range, infinity, ``antal`` out of range, or a
        ``punkt`` or item amount of 10^15 or more in magnitude.
    AndelsError
        If ``nivå`` is not a share (e.g. 80 for 80 %).
    FelTypError
        If ``poster`` is not a table, mapping or list of pairs (a polars
        frame is refused by name), or ``nivå``, ``seed``, ``antal``,
        ``bidrag`` or ``ned_som_belopp`` has the wrong type.

    Notes
    -----
    With downsides :math:`a_i \\le 0` and upsides :math:`b_i \\ge 0` around the
    point :math:`P`:

    .. math::

        \\text{summa}: [P + \\sum a_i,\\; P + \\sum b_i] \\qquad
        \\text{kvadratsumma}: [P - \\sqrt{\\sum a_i^2},\\; P + \\sqrt{\\sum b_i^2}]

    and ``"simulering"`` takes the :math:`(1 \\mp \\text{nivå})/2` quantiles of
    :math:`P + \\sum X_i` over ``antal`` draws. "summa" always contains both
    others (no draw can exceed every item's extreme). "kvadratsumma" contains
    the simulated interval when the items' ranges are symmetric about their
    mode and ``nivå`` <= 0.92 (by Gauss's inequality for the symmetric
    unimodal sum); with skewed items the simulated total drifts towards the
    longer side (each item's mean is not its mode), and the simulated interval
    can extend beyond "kvadratsumma", which ignores that drift; with items
    that are all on one side it can even exclude the point forecast, a sign
    that the point (every item at its mode) is not the expected outcome. As the report
    says, not every item hits its extreme, so the total is narrower than the
    sum of the items' ranges.

    See Also
    --------
    prognosintervall

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> poster = {"läkemedel": (-30, 10), "köpt vård": (-40, 10), "statsbidrag": (0, 5)}
    >>> hu.känslighetsintervall(poster, punkt=-890)
    (-960.0, -865.0)
    >>> hu.känslighetsintervall(poster, punkt=-890, metod="kvadratsumma")
    (-940.0, -874.999...)
    >>> nedre, övre = hu.känslighetsintervall(poster, punkt=-890, metod="simulering", seed=1)
    >>> -940 < nedre < övre < -875
    True

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Känslighetsintervall i prognos (mnkr)": "Alla parametrar
    kommer inte att falla ut maximalt."
    """
    vad = "känslighetsintervall"
    m = _text_in(metod, f"{vad}: metod").casefold()
    if m not in {"summa", "kvadratsumma", "simulering"}:
        raise OgiltigtVärdeError(
            f"{vad}: metod must be 'summa', 'kvadratsumma' or 'simulering', got {kort(metod)}"
        )
    f = _text_in(fördelning, f"{vad}: fördelning").casefold()
    if f not in {"triangel", "pert"}:
        raise OgiltigtVärdeError(
            f"{vad}: fördelning must be 'triangel' or 'pert', got {kort(fördelning)}"
        )
    niv = _nivå(nivå, vad)
    antal = heltal(antal, f"{vad}: antal", minst=_MIN_DRAG)
    if antal > _MAX_DRAG:
        raise OgiltigtVärdeError(
            f"{vad}: antal={antal} simulated draws is more than the limit {_MAX_DRAG:,}; "
            "100 000 draws (the default) give quantiles to well within a report's rounding"
        )
    try:
        rng = slumpgenerator(seed, "seed")
    except HalsouppfoljningError as fel:
        raise type(fel)(f"{vad}: {fel}") from None
    ned_som_belopp = boolesk(ned_som_belopp, f"{vad}: ned_som_belopp")
    bidrag = boolesk(bidrag, f"{vad}: bidrag")
    try:
        p = skalär(punkt, f"{vad}: punkt", saknas=punkt is not None)
    except OgiltigtVärdeError as fel:
        if "must be finite" not in str(fel):
            raise
        raise OgiltigtVärdeError(f"{fel}; give the point forecast, e.g. punkt=-890") from None
    _rimliga(p, f"{vad}: punkt")
    tabell = _poster(poster, ned_som_belopp)
    a = tabell["ned"].to_numpy(dtype=np.float64)
    b = tabell["upp"].to_numpy(dtype=np.float64)
    c = tabell["läge"].to_numpy(dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is refused below
        saknas = bool(np.isnan(a).any() or np.isnan(b).any() or np.isnan(c).any() or math.isnan(p))
        varians: npt.NDArray[np.float64] | None = None
        if saknas:
            nedre = övre = math.nan
        elif m == "summa":
            nedre, övre = p + float(a.sum()), p + float(b.sum())
        elif m == "kvadratsumma":
            nedre, övre = p - float(np.sqrt(np.sum(a * a))), p + float(np.sqrt(np.sum(b * b)))
        else:
            bredd = b - a
            aktiv = bredd > 0
            if antal * int(aktiv.sum()) > _MAX_DRAG:
                raise OgiltigtVärdeError(
                    f"{vad}: antal={antal} draws of {int(aktiv.sum())} items is more than the "
                    f"limit of {_MAX_DRAG:,} item draws; lower antal to "
                    f"{max(_MAX_DRAG // int(aktiv.sum()), 1):,} or fewer"
                )
            summa = np.zeros(int(antal))
            if aktiv.any():
                aa, bb, cc = a[aktiv], b[aktiv], c[aktiv]
                skala = bb - aa
                if f == "triangel":
                    drag = _stats().triang.rvs(
                        (cc - aa) / skala,
                        loc=aa,
                        scale=skala,
                        size=(int(antal), aa.size),
                        random_state=rng,
                    )
                else:
                    alfa = 1.0 + 4.0 * (cc - aa) / skala
                    beta = 1.0 + 4.0 * (bb - cc) / skala
                    drag = aa + skala * _stats().beta.rvs(
                        alfa, beta, size=(int(antal), aa.size), random_state=rng
                    )
                summa = np.asarray(drag, dtype=np.float64).sum(axis=1)
            q = np.quantile(summa, [(1.0 - niv) / 2.0, (1.0 + niv) / 2.0])
            nedre, övre = p + float(q[0]), p + float(q[1])
            varians = np.where(aktiv, _fördelningsmoment(a, b, c, f), 0.0)
    # punkt and every item are below 10^15 in magnitude, so the interval cannot overflow
    if not bidrag:
        return nedre, övre
    ut = tabell.assign(spann=b - a, nedre=p + a, övre=p + b)
    if varians is not None:
        total = float(varians.sum())
        ut = ut.assign(
            varians=varians,
            andel_av_varians=varians / total if total > 0 else np.full(len(ut), np.nan),
        )
    ordning = np.argsort(-ut["spann"].to_numpy(), kind="stable")
    return nedre, övre, ut.iloc[ordning]


# --------------------------------------------------------------------------- Prognos


def _belopp(värde: object, fält: str, *, givet: bool = False) -> float:
    """An amount field ``fält`` [enhet]: a number; NaN (and, unless ``givet``, ``None``)
    for not given."""
    namn = f"Prognos.{fält}"
    if isinstance(värde, str):
        raise FelTypError(
            f"{namn} must be a number, got the text {kort(värde)}; read report text with "
            "Prognos.tolka or hu.tolka_belopp"
        )
    if isinstance(värde, Prognos):
        raise FelTypError(
            f"{namn} must be a number, got a Prognos; pass its value, e.g. {fält}=prognos.värde"
        )
    if givet and värde is None:
        raise OgiltigtVärdeError(
            f"{namn} is missing (None); give the point forecast, or math.nan when the report "
            "gives only an interval"
        )
    if isinstance(värde, (list, tuple, np.ndarray, pd.Series, pd.DataFrame)):
        raise FelTypError(
            f"{namn} must be one number, got {kort(värde)} of type {type(värde).__name__}; "
            "make one Prognos per forecast (e.g. with a list comprehension)"
        )
    try:
        return skalär(värde, namn, saknas=True)
    except OgiltigtVärdeError as fel:  # infinity: add the fix
        if "must be finite" not in str(fel):
            raise
        raise OgiltigtVärdeError(f"{fel}; give the amount, or NaN when it is not known") from None


def _värde(värde: object) -> float:
    return _belopp(värde, "värde", givet=True)


def _nedre(värde: object) -> float:
    return _belopp(värde, "nedre")


def _övre(värde: object) -> float:
    return _belopp(värde, "övre")


def _budget(värde: object) -> float:
    return _belopp(värde, "budget")


def _föregående(värde: Any, själv: Any) -> float:
    """The previous forecast [enhet]: a number, NaN for None, or a Prognos of the same unit
    and period (its value)."""
    if not isinstance(värde, Prognos):
        return _belopp(värde, "föregående")
    if värde.enhet != själv.enhet:
        raise OgiltigtVärdeError(
            f"Prognos.föregående is in {värde.enhet!r} but this forecast is in "
            f"{själv.enhet!r}; give the previous forecast in the same unit"
        )
    if värde.avser is not None and själv.avser is not None and str(värde.avser) != str(själv.avser):
        raise OgiltigtVärdeError(
            f"Prognos.föregående forecasts {str(värde.avser)!r} but this forecast is of "
            f"{str(själv.avser)!r}; the previous forecast must be of the same period"
        )
    return värde.värde


_ÅR_MÅNAD = re.compile(r"\s*\d{4}-\d{1,2}\s*")


def _upprättad(värde: object) -> dt.date | None:
    """When a forecast was made: a date, or a month ("2023-02", a Period) as its last day."""
    if värde is None:
        return None
    if isinstance(värde, Period):
        dag = värde.slut.date()
    elif isinstance(värde, str) and not _ÅR_MÅNAD.fullmatch(värde):
        try:
            dag = datum(värde, "Prognos.upprättad")
        except (FelTypError, OgiltigtVärdeError) as fel:
            raise OgiltigtVärdeError(
                f"{fel}; Prognos.upprättad takes a date, 'YYYY-MM-DD' or 'YYYY-MM' (the "
                "month's last day)"
            ) from None
    else:
        dag = datum(värde, "Prognos.upprättad")
        if isinstance(värde, str):
            dag = dag.replace(day=calendar.monthrange(dag.year, dag.month)[1])
    if not FÖRSTA_DATUM <= dag <= SISTA_DATUM:
        raise OgiltigtVärdeError(
            f"Prognos.upprättad {dag.isoformat()} is outside {FÖRSTA_DATUM.isoformat()} to "
            f"{SISTA_DATUM.isoformat()}, the dates the package counts with; give the date the "
            "forecast was made, e.g. '2023-02-28'"
        )
    return dag


def _avser(värde: object) -> str | Period | None:
    if isinstance(värde, Period):
        return värde
    return valfri_text(värde, "Prognos.avser")


#: The money units a forecast is given in (those Prognos.tolka converts between), in kronor.
_PENNINGENHETER = {"kr": 1.0, "tkr": 1e3, "mnkr": 1e6, "mdkr": 1e9}

#: The largest amount a forecast can hold [kr]: 100 000 mdkr, some fifteen times Sweden's
#: GDP; anything larger is a unit mistake (kronor given as mnkr) or a typing error.
_STÖRSTA_BELOPP_KR = 1e14


def _enhet(värde: object) -> str:
    e = _text_in(värde, "Prognos.enhet (a unit such as 'mnkr')")
    if e.casefold() not in _PENNINGENHETER:
        raise OgiltigtVärdeError(
            f"Prognos.enhet must be a money unit, one of {', '.join(map(repr, _PENNINGENHETER))}"
            f", got {kort(värde)}; e.g. enhet='mnkr' (write 'mkr' as 'mnkr')"
        )
    return e.casefold()


def _metod_text(värde: object) -> str | None:
    return valfri_text(värde, "Prognos.metod")


@attrs.frozen(kw_only=True)
class Prognos:
    """A forecast (:term:`prognos`): a dated judgement of a period's result, with an interval.

    Parameters
    ----------
    värde : float
        The point forecast [enhet], e.g. -890; NaN when a report gives only
        an interval ("mellan -900 och -850 mnkr": nothing is guessed).
        ``None`` is refused: give ``math.nan`` for "no point".
    nedre, övre : float
        The interval's ends [enhet]; NaN when not given. ``nedre <= värde <=
        övre``.
    enhet : str
        The money unit: "kr", "tkr", "mnkr" (default) or "mdkr", in any
        letter case. Every amount is at most 100 000 mdkr (some fifteen
        times Sweden's GDP) in absolute value: a larger one is a unit
        mistake.
    avser : str or Period, optional
        The period forecast, e.g. "helår 2023" or ``Period.helår(2023)``.
    upprättad : datetime.date, optional
        When the forecast was made, in the years 1900-2199; a month
        ("2023-02", or a :class:`~halsouppfoljning.Period`) is read as its
        last day; a timezone-aware time gives its Swedish local day.
    budget : float
        The budget of the period [enhet]; NaN when not given.
    föregående : float or Prognos
        The previous forecast of the same period [enhet] (a Prognos gives its
        value, and must have the same ``enhet`` and, where both are given,
        the same ``avser``); NaN when not given.
    metod : str, optional
        How it was made ("bedömning", "budgetprofil" ...).

    Raises
    ------
    OgiltigtVärdeError
        If ``nedre <= värde <= övre`` (or ``nedre <= övre``) fails, an amount
        is infinite or implausibly large, ``enhet`` is not a money unit,
        ``upprättad`` is not a date in 1900-2199, or ``föregående`` is a
        forecast in another unit or of another period.
    FelTypError
        If a number is given as text (read it with :meth:`Prognos.tolka`),
        as a boolean or a sequence, or a text field is not text.

    See Also
    --------
    prognosintervall, helårsprognos, prognosavvikelse, prognoskedja

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> p = hu.Prognos.tolka("Prognos - 890 mkr +20/-50 mnkr.", budget=0.0, föregående=-800)
    >>> p.intervall
    (-940.0, -870.0)
    >>> p.avvikelse_mot_budget, p.revidering
    (-890.0, -90.0)
    >>> str(p)
    '-890 mnkr +20/-50 mnkr'
    """

    värde: float = attrs.field(converter=_värde)
    nedre: float = attrs.field(default=math.nan, converter=_nedre)
    övre: float = attrs.field(default=math.nan, converter=_övre)
    enhet: str = attrs.field(default="mnkr", converter=_enhet)
    avser: str | Period | None = attrs.field(default=None, converter=_avser)
    upprättad: dt.date | None = attrs.field(default=None, converter=_upprättad)
    budget: float = attrs.field(default=math.nan, converter=_budget)
    # the converter sees the instance: a previous Prognos must have the same unit and period
    föregående: float = attrs.field(
        default=math.nan,
        converter=attrs.Converter(_föregående, takes_self=True),  # type: ignore[misc]
    )
    metod: str | None = attrs.field(default=None, converter=_metod_text)

    @övre.validator
    def _kontrollera_ordning(self, attribut: attrs.Attribute[float], värde: float) -> None:
        gräns = _STÖRSTA_BELOPP_KR / _PENNINGENHETER[self.enhet]
        for fält in ("värde", "nedre", "övre", "budget", "föregående"):
            belopp = getattr(self, fält)
            if abs(belopp) > gräns:
                raise OgiltigtVärdeError(
                    f"Prognos.{fält}={belopp:g} {self.enhet} is more than {gräns:g} "
                    f"{self.enhet} (100 000 mdkr, fifteen times Sweden's GDP); check the "
                    "amount and its unit, e.g. enhet='kr' for an amount in kronor"
                )
        if not math.isnan(self.nedre) and not math.isnan(värde) and self.nedre > värde:
            raise OgiltigtVärdeError(
                f"Prognos: nedre={self.nedre:g} is above övre={värde:g}; the interval's lower "
                "end must not exceed its upper end (swap them)"
            )
        if not math.isnan(self.nedre) and not math.isnan(self.värde) and self.nedre > self.värde:
            raise OgiltigtVärdeError(
                f"Prognos: nedre={self.nedre:g} is above värde={self.värde:g}; the interval "
                "must contain the point"
            )
        if not math.isnan(värde) and not math.isnan(self.värde) and värde < self.värde:
            raise OgiltigtVärdeError(
                f"Prognos: övre={värde:g} is below värde={self.värde:g}; the interval must "
                "contain the point"
            )

    @property
    def intervall(self) -> tuple[float, float]:
        """The interval ``(nedre, övre)`` [enhet]."""
        return (self.nedre, self.övre)

    @property
    def uppsida(self) -> float:
        """The upside ``övre - värde`` [enhet] (the "+20" of "+20/-50")."""
        return self.övre - self.värde

    @property
    def nedsida(self) -> float:
        """The downside ``nedre - värde`` [enhet], negative (the "-50" of "+20/-50")."""
        return self.nedre - self.värde

    @property
    def avvikelse_mot_budget(self) -> float:
        """The forecast deviation from budget, ``budgetavvikelse(värde, budget)`` [enhet]."""
        return float(budgetavvikelse(self.värde, self.budget))

    @property
    def revidering(self) -> float:
        """The revision against the previous forecast, ``värde - föregående`` [enhet].

        Positive is a forecast raised (better).
        """
        return float(budgetavvikelse(self.värde, self.föregående))

    def prognosavvikelse(self, utfall: TalIn) -> Any:
        """Outcome against this forecast: :func:`prognosavvikelse` ``(utfall, self)``."""
        return prognosavvikelse(utfall, self)

    @classmethod
    def tolka(
        cls,
        text: str,
        *,
        enhet: str = "mnkr",
        avser: str | Period | None = None,
        upprättad: Datum | Period | None = None,
        budget: float | None = None,
        föregående: float | Prognos | None = None,
        metod: str | None = None,
    ) -> Prognos:
        """Read a forecast as reports write it.

        Parameters
        ----------
        text : str
            E.g. "Årsprognos, -890 mnkr +20/-50 mnkr", "Prognos - 890 mkr
            +20/-50 mnkr.", "-890 +20/-50 mnkr", "Helårsprognos: -890 mnkr
            (-50/+20)", "Prognos -53,6 mnkr" (no interval: nedre and övre NaN),
            "-890 mnkr ±30". A leading label ending in "prognos" and a final
            full stop are dropped; a unit written only once applies to all.
            Prose: "Prognosen för helåret justerades till -250 miljoner
            kronor", "ett prognostiserat överskott på 120 mnkr", "ett
            underskott på 40 mnkr" (the sign from the word), "mellan -900 och
            -850 mnkr" (an interval alone: ``värde`` is NaN), and a revision
            "prognosen har försämrats med 35 mnkr" / "förbättrats med", which
            needs ``föregående`` (the new forecast is the previous one plus
            the signed revision; :attr:`revidering` gives it back).
        enhet : str
            The unit of the result (amounts are converted, "mkr" is mnkr).
        avser, upprättad, budget, föregående, metod
            Further fields of the :class:`Prognos`.

        Returns
        -------
        Prognos

        Raises
        ------
        TolkningsError
            If the text is not a forecast, quoting it.
        OgiltigtVärdeError
            If ``enhet`` is not a money unit, or the fields fail the checks of
            the class.

        Notes
        -----
        The grammar lives in the text edge,
        :func:`halsouppfoljning.tolka.prognos.tolka_prognos`; this method hands
        off to it.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Prognos.tolka("Prognos - 890 mkr +20/-50 mnkr.")
        >>> p.värde, p.nedre, p.övre
        (-890.0, -940.0, -870.0)
        >>> hu.Prognos.tolka("Prognos -53,6 mnkr").intervall
        (nan, nan)
        >>> hu.Prognos.tolka("ett prognostiserat överskott på 120 mnkr").värde
        120.0
        >>> hu.Prognos.tolka("prognosen har förbättrats med 20 mnkr", föregående=-890).värde
        -870.0
        """
        from .tolka.prognos import tolka_prognos  # noqa: PLC0415 - the edge, on demand

        return tolka_prognos(
            text,
            enhet=enhet,
            avser=avser,
            upprättad=upprättad,
            budget=budget,
            föregående=föregående,
            metod=metod,
        )

    def __str__(self) -> str:
        if math.isnan(self.värde) and not (math.isnan(self.nedre) or math.isnan(self.övre)):
            d = max(_decimaler(self.nedre), _decimaler(self.övre))
            return (
                f"mellan {formatera_tal(self.nedre, d)} och "
                f"{formatera_tal(self.övre, d, enhet=self.enhet)}"
            )
        text = formatera_tal(self.värde, _decimaler(self.värde), enhet=self.enhet)
        if math.isnan(self.nedre) or math.isnan(self.övre):
            return text
        upp, ned = self.uppsida, self.nedsida
        d = max(_decimaler(upp), _decimaler(ned))
        return f"{text} +{formatera_tal(upp, d)}/{formatera_tal(ned, d)} {self.enhet}"


def _decimaler(värde: float) -> int:
    """0 decimals for whole amounts, else 1 (as reports print mnkr), for display."""
    if math.isnan(värde) or abs(round(värde) - värde) < 1e-9 * max(1.0, abs(värde)):
        return 0
    return 1


# --------------------------------------------------------------------------- accuracy


def prognosavvikelse(utfall: TalIn, prognos: TalIn | Prognos | Sequence[Prognos]) -> Any:
    """Outcome against forecast (:term:`prognosavvikelse`), positive when the outcome was better.

    Parameters
    ----------
    utfall : float, array-like or Series
        The outcome of the period forecast [mnkr].
    prognos : float, array-like, Series, Prognos or sequence of Prognos
        The forecast(s) [mnkr].

    Returns
    -------
    float, ndarray or Series
        ``utfall - prognos``, elementwise; pandas inputs keep their index.

    Raises
    ------
    FelTypError
        If the inputs are not numbers or forecasts, a list mixes forecasts
        and numbers, or one input is a DataFrame and the other a sequence.
    OgiltigtVärdeError
        If the inputs have different lengths or indexes (the message gives
        both), a DataFrame has a column name twice, a value is 10^15 or more
        in magnitude, or the forecasts are in different units.

    Notes
    -----
    .. math:: e = U - F

    A positive error means the forecast was too pessimistic. Its mean over
    years is the forecast's bias (see :func:`prognosträffsäkerhet`).

    See Also
    --------
    prognosträffsäkerhet, budgetavvikelse

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.prognosavvikelse(-850.0, hu.Prognos(värde=-890.0))
    40.0
    >>> hu.prognosavvikelse([-850.0, -900.0], [-890.0, -890.0])
    array([ 40., -10.])
    """
    vad = "prognosavvikelse"
    _unika_kolumner(utfall, "utfall", vad)
    _unika_kolumner(prognos, "prognos", vad)
    värde: Any
    if isinstance(prognos, Prognos):
        värde = prognos.värde
    elif isinstance(prognos, (list, tuple)) and any(isinstance(p, Prognos) for p in prognos):
        alla = cast("tuple[Prognos, ...]", följd(prognos, f"{vad}: prognos", typ=Prognos))
        _samma_enhet(alla, f"{vad}: prognos")
        värde = np.array([p.värde for p in alla], dtype=np.float64)
    else:
        värde = givna_tal(prognos, f"{vad}: prognos")
    u = givna_tal(utfall, f"{vad}: utfall")
    _rimliga(u, f"{vad}: utfall")
    _rimliga(värde, f"{vad}: prognos")
    if np.ndim(u) and np.ndim(värde):
        if isinstance(u, pd.DataFrame) != isinstance(värde, pd.DataFrame):
            raise FelTypError(
                f"{vad}: utfall and prognos must both be frames or neither (or one a single "
                "number); got a DataFrame and a "
                f"{type(värde if isinstance(u, pd.DataFrame) else u).__name__}"
            )
        samma_längd(u, värde, "utfall", "prognos", vad)
        _samma_form(u, värde, "utfall", "prognos", vad)
        if isinstance(u, pd.DataFrame) and not u.columns.equals(värde.columns):
            raise OgiltigtVärdeError(
                f"{vad}: utfall and prognos have different columns ({kort(list(u.columns))} and "
                f"{kort(list(värde.columns))}); give frames with the same columns"
            )
    return budgetavvikelse(u, värde)  # below 2e15 in magnitude: the amounts are bounded


def _samma_enhet(prognoser: Sequence[Prognos], namn: str) -> None:
    """Raise unless every forecast is in the same unit (amounts of different units do not mix)."""
    enheter = sorted({p.enhet for p in prognoser})
    if len(enheter) > 1:
        raise OgiltigtVärdeError(
            f"{namn} mixes the units {', '.join(map(repr, enheter))}; give every forecast in "
            "one unit (attrs.evolve with converted amounts)"
        )


def prognoskedja(
    prognoser: Sequence[Prognos],
    *,
    utfall: float | Mapping[Any, float] | pd.Series[Any] | None = None,
) -> pd.DataFrame:
    """A chain of forecasts through a year as a tidy table (*prognoskedja*).

    Parameters
    ----------
    prognoser : sequence of Prognos
        The forecasts, in any order; each with ``upprättad`` (when) and
        ``avser`` (the period) for a meaningful chain.
    utfall : float, mapping or Series, optional
        The outcome [mnkr]: one number (every forecast is of the same period),
        or a mapping / Series from ``avser`` to outcome (keys are matched as
        text, so ``2023`` matches ``avser="2023"`` and ``"Helår 2023"``
        matches ``Period.helår(2023)``).

    Returns
    -------
    pandas.DataFrame
        One row per forecast, sorted by ``avser`` and ``upprättad``, columns
        ``avser``, ``upprättad``, ``prognosmånad`` (month of ``upprättad``),
        ``värde``, ``nedre``, ``övre``, ``enhet``, ``metod``, ``budget``,
        ``avvikelse_mot_budget``, ``revidering`` (against the previous
        forecast of the same period in the chain; for the first, against its
        own ``föregående``), and with ``utfall``: ``utfall``,
        ``prognosavvikelse`` and ``inom_intervall`` (NA when the interval is
        missing).

    Raises
    ------
    FelTypError
        If ``prognoser`` is not a list or tuple of Prognos, or ``utfall`` is
        neither a number nor a mapping or Series.
    OgiltigtVärdeError
        If two forecasts of the same period have the same ``upprättad`` (a
        forecast listed twice), the forecasts are in different units, or
        ``utfall`` as a mapping or Series has duplicated periods or matches
        none of the forecasts' periods.

    See Also
    --------
    prognosträffsäkerhet, Prognos

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> kedja = hu.prognoskedja(
    ...     [
    ...         hu.Prognos(värde=-890, nedre=-940, övre=-870, upprättad="2023-02"),
    ...         hu.Prognos(värde=-800, upprättad="2023-01"),
    ...     ],
    ...     utfall=-900,
    ... )
    >>> kedja[["prognosmånad", "värde", "revidering", "prognosavvikelse"]]
       prognosmånad  värde  revidering  prognosavvikelse
    0             1 -800.0         NaN            -100.0
    1             2 -890.0       -90.0             -10.0
    """
    vad = "prognoskedja"
    prognoser = cast("tuple[Prognos, ...]", följd(prognoser, f"{vad}: prognoser", typ=Prognos))
    _samma_enhet(prognoser, f"{vad}: prognoser")
    sedda: dict[tuple[str | None, dt.date], int] = {}
    for i, p in enumerate(prognoser):
        if p.upprättad is None:
            continue
        nyckel = (None if p.avser is None else str(p.avser), p.upprättad)
        if nyckel in sedda:
            raise OgiltigtVärdeError(
                f"{vad}: prognoser[{sedda[nyckel]}] and prognoser[{i}] are both forecasts of "
                f"{nyckel[0] or 'the same period'!r} made on {p.upprättad.isoformat()}; a chain "
                "holds one forecast per period and date: drop one of them"
            )
        sedda[nyckel] = i
    tabell = pd.DataFrame(
        {
            "avser": pd.Series([p.avser for p in prognoser], dtype=object),
            "upprättad": pd.to_datetime(pd.Series([p.upprättad for p in prognoser], dtype=object)),
            "värde": [p.värde for p in prognoser],
            "nedre": [p.nedre for p in prognoser],
            "övre": [p.övre for p in prognoser],
            "enhet": pd.Series([p.enhet for p in prognoser], dtype=object),
            "metod": pd.Series([p.metod for p in prognoser], dtype=object),
            "budget": [p.budget for p in prognoser],
            "föregående": [p.föregående for p in prognoser],
        }
    )
    tabell["värde"] = tabell["värde"].astype(float)
    for fält in ("nedre", "övre", "budget", "föregående"):
        tabell[fält] = tabell[fält].astype(float)
    tabell = tabell.sort_values(
        ["avser", "upprättad"],
        na_position="last",
        kind="stable",
        key=lambda k: k.map(lambda v: v if v is None else str(v)) if k.name == "avser" else k,
    )
    tabell = tabell.reset_index(drop=True)
    tabell.insert(2, "prognosmånad", tabell["upprättad"].dt.month.astype("Int64"))
    grupp = tabell["avser"].fillna("\u0000")
    förra = tabell.groupby(grupp, sort=False)["värde"].shift(1)
    förra = förra.fillna(tabell["föregående"])
    tabell["avvikelse_mot_budget"] = budgetavvikelse(tabell["värde"], tabell["budget"])
    tabell["revidering"] = budgetavvikelse(tabell["värde"], förra)
    tabell = tabell.drop(columns="föregående")
    utfall_in: Any = utfall
    if utfall_in is not None:
        if isinstance(utfall_in, (Mapping, pd.Series)):
            u = _utfall_per_period(utfall_in, tabell["avser"], vad)
        elif isinstance(utfall_in, (list, tuple, np.ndarray, pd.DataFrame)):
            raise FelTypError(
                f"{vad}: utfall must be one number, or a mapping or Series from avser to the "
                f"outcome, got {kort(utfall)} of type {type(utfall).__name__}; e.g. "
                "utfall={'helår 2023': -900.0}"
            )
        else:
            try:
                ett = skalär(utfall, f"{vad}: utfall", saknas=True)
            except OgiltigtVärdeError as fel:
                if "must be finite" not in str(fel):
                    raise
                raise OgiltigtVärdeError(
                    f"{fel}; give the outcome, or leave utfall out when it is not known"
                ) from None
            u = pd.Series(ett, index=tabell.index)
        if len(prognoser):
            gräns = _STÖRSTA_BELOPP_KR / _PENNINGENHETER[prognoser[0].enhet]
            stor = np.abs(u.to_numpy(dtype=np.float64)) > gräns
            if stor.any():
                i = int(np.flatnonzero(stor)[0])
                raise OgiltigtVärdeError(
                    f"{vad}: utfall {float(u.iloc[i]):g} {prognoser[0].enhet} is more than "
                    f"{gräns:g} {prognoser[0].enhet} (100 000 mdkr, fifteen times Sweden's GDP); "
                    "check the outcome and its unit: it is in the forecasts' unit"
                )
        tabell["utfall"] = u
        tabell["prognosavvikelse"] = prognosavvikelse(u, tabell["värde"])
        har = tabell["nedre"].notna() & tabell["övre"].notna() & u.notna()
        inom = (u >= tabell["nedre"]) & (u <= tabell["övre"])
        inom_na: Any = inom.astype("boolean")
        tabell["inom_intervall"] = inom_na.mask(~har)
    return tabell


def _utfall_per_period(
    utfall: Mapping[Any, Any] | pd.Series[Any], avser: pd.Series[Any], vad: str
) -> pd.Series[Any]:
    """The outcome of each forecast's period, from a mapping or Series keyed by ``avser``."""
    if isinstance(utfall, pd.Series):
        unika_nycklar(utfall.index, "utfall (its index, the periods)", vad)
        nycklar = list(utfall.index)
        värden = tal_array(utfall, f"{vad}: utfall")
    else:
        nycklar = list(utfall.keys())
        värden = tal_array(list(utfall.values()), f"{vad}: utfall")
        if värden.ndim != 1:
            raise FelTypError(
                f"{vad}: utfall must map each period to one number, got {kort(utfall)}"
            )
    karta = {str(k): v for k, v in zip(nycklar, värden, strict=True)}
    perioder = avser.map(lambda a: None if a is None else str(a))
    u = perioder.map(lambda a: karta.get(a, math.nan) if a is not None else math.nan)
    u = u.astype(float)
    if len(avser) and not perioder.isin(list(karta)).any():
        raise OgiltigtVärdeError(
            f"{vad}: utfall has no outcome for any forecast's period: its keys are "
            f"{kort(nycklar)}, the forecasts are of {kort(sorted({str(a) for a in avser}))}; "
            "key utfall by avser, or give one number when every forecast is of the same period"
        )
    return u


#: Columns of a chain that prognoskedja derives from the others, and how.
_HÄRLEDDA = {
    "avvikelse_mot_budget": "värde - budget",
    "prognosavvikelse": "utfall - värde",
    "revidering": "värde - the previous forecast's värde of the same period",
}


def _kedjefel(vad: str, kolumn_: str, rad: int, vilket: str, råd: str) -> OgiltigtVärdeError:
    return OgiltigtVärdeError(
        f"{vad}: kedja's column {kolumn_!r} in row {rad} (by position) {vilket}; {råd}"
    )


def _kontrollera_kedja(
    tabell: pd.DataFrame,
    värde: npt.NDArray[np.float64],
    utfall: npt.NDArray[np.float64],
    vad: str,
) -> dict[str, npt.NDArray[np.float64]]:
    """Check a chain's units, dates and magnitudes; return its amount columns by name.

    A chain is the output of :func:`prognoskedja`; a table edited by hand must
    stay consistent with it: every derived column equals what prognoskedja
    would compute from the row (NaN where it would be NaN), every amount is
    finite and below 100 000 mdkr, the unit is one money unit for the whole
    chain, and ``prognosmånad`` is the month of ``upprättad``. The derived
    columns are checked by :func:`_kontrollera_härledda`.
    """
    omräkna = "recompute the chain with hu.prognoskedja(prognoser, utfall=...) or correct the row"
    faktor = 1.0
    if "enhet" in tabell.columns:
        enheter = list(tabell["enhet"])
        for i, e in enumerate(enheter):
            if not isinstance(e, str) or e.casefold() not in _PENNINGENHETER:
                raise _kedjefel(
                    vad,
                    "enhet",
                    i,
                    f"is {kort(e)}, not a money unit",
                    f"give one of {', '.join(map(repr, _PENNINGENHETER))}, e.g. 'mnkr'",
                )
        olika = sorted({str(e).casefold() for e in enheter})
        if len(olika) > 1:
            raise OgiltigtVärdeError(
                f"{vad}: kedja's column 'enhet' holds several units {olika}; the errors of a "
                "chain are summed, so give every forecast in the same unit"
            )
        if olika:
            faktor = _PENNINGENHETER[olika[0]]
    enhet = next((e for e, f in _PENNINGENHETER.items() if f == faktor), "kr")
    gräns = _STÖRSTA_BELOPP_KR / faktor
    i_enhet = (
        f"{enhet}, 100 000 mdkr" if "enhet" in tabell.columns else "100 000 mdkr counted in kr"
    )
    belopp: dict[str, npt.NDArray[np.float64]] = {"värde": värde, "utfall": utfall}
    for namn in ("nedre", "övre", "budget", *_HÄRLEDDA):
        if namn in tabell.columns:
            belopp[namn] = tal_array(tabell[namn], f"{vad}: kedja[{namn!r}]")
    for namn, arr in belopp.items():
        stora = np.abs(np.nan_to_num(arr, nan=0.0)) >= gräns
        if stora.any():
            i = int(np.flatnonzero(stora)[0])
            raise _kedjefel(
                vad,
                namn,
                i,
                f"is {arr[i]:g}, more than {gräns:g} ({i_enhet})",
                "check the amount and its unit (a column 'enhet' gives the chain's unit)",
            )
    if "upprättad" in tabell.columns:
        # Each date within 1900-2199 before the column is read as nanoseconds (where a
        # date of 1600 or 2300 would wrap round to another year).
        rå = tabell["upprättad"]
        if pd.api.types.is_datetime64_dtype(rå.dtype):  # naive, of any unit: compare at once
            dagar_rå = rå.to_numpy()
            utanför = ~np.isnat(dagar_rå) & (
                (dagar_rå < np.datetime64(FÖRSTA_DATUM))
                | (dagar_rå >= np.datetime64(SISTA_DATUM) + np.timedelta64(1, "D"))
            )
            rader: Any = np.flatnonzero(utanför)[:1]
        else:
            rader = range(len(rå))
        for i in rader:
            if not _saknas(rå.iloc[i]):
                rimligt_datum(
                    rå.iloc[i], f"{vad}: kedja's column 'upprättad' in row {i} (by position)"
                )
        dagar = datumkolumn(tabell["upprättad"], "upprättad", f"{vad}: kedja")
        if "prognosmånad" in tabell.columns:
            månad = pd.DatetimeIndex(dagar).month.to_numpy(dtype=np.float64, na_value=np.nan)
            given = tal_array(tabell["prognosmånad"], f"{vad}: kedja['prognosmånad']")
            fel = ~((np.isnan(månad) & np.isnan(given)) | (månad == given))
            if fel.any():
                i = int(np.flatnonzero(fel)[0])
                raise _kedjefel(
                    vad,
                    "prognosmånad",
                    i,
                    f"is {given[i]:g}, but the month of upprättad there is "
                    f"{'missing' if np.isnan(månad[i]) else f'{månad[i]:g}'}",
                    omräkna,
                )
    return belopp


def _kontrollera_härledda(
    tabell: pd.DataFrame, belopp: dict[str, npt.NDArray[np.float64]], vad: str
) -> None:
    """Check that a chain's derived columns equal what prognoskedja computes from the row."""
    omräkna = "recompute the chain with hu.prognoskedja(prognoser, utfall=...) or correct the row"
    värde, utfall = belopp["värde"], belopp["utfall"]
    förväntat: dict[str, tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]] = {}
    if "budget" in belopp:
        förväntat["avvikelse_mot_budget"] = (värde - belopp["budget"], np.ones(len(värde), bool))
    förväntat["prognosavvikelse"] = (utfall - värde, np.ones(len(värde), bool))
    if {"avser", "upprättad"} <= set(tabell.columns):
        ordning = pd.DataFrame(
            {
                "avser": tabell["avser"].map(lambda v: "\u0000" if _saknas(v) else str(v)),
                "upprättad": datumkolumn(tabell["upprättad"], "upprättad", f"{vad}: kedja"),
                "värde": värde,
            }
        ).reset_index(drop=True)
        ordning = ordning.sort_values(["avser", "upprättad"], kind="stable", na_position="last")
        förra = ordning.groupby("avser", sort=False)["värde"].shift(1)
        har_förra = ordning.groupby("avser", sort=False).cumcount() > 0
        förra_arr = förra.reindex(range(len(värde))).to_numpy(dtype=np.float64)
        har_arr = har_förra.reindex(range(len(värde))).to_numpy(dtype=bool)
        förväntat["revidering"] = (värde - förra_arr, har_arr)
    for namn, (väntat, kontrolleras) in förväntat.items():
        if namn not in belopp:
            continue
        given = belopp[namn]
        with np.errstate(invalid="ignore"):
            lika = np.isclose(given, väntat, rtol=1e-9, atol=1e-9, equal_nan=True)
        fel = kontrolleras & ~lika
        if fel.any():
            i = int(np.flatnonzero(fel)[0])
            raise _kedjefel(
                vad,
                namn,
                i,
                f"is {given[i]:g}, but {_HÄRLEDDA[namn]} there is {väntat[i]:g}",
                omräkna,
            )
    if "avser" in tabell.columns:
        # One period has one outcome: prognoskedja gives every forecast of a period the same.
        perioder = tabell["avser"].map(lambda v: None if _saknas(v) else str(v)).to_numpy()
        första: dict[Any, tuple[int, float]] = {}
        for i, (period, u) in enumerate(zip(perioder, utfall, strict=True)):
            if math.isnan(u):
                continue
            if period not in första:
                första[period] = (i, float(u))
            elif första[period][1] != u:
                j, tidigare = första[period]
                raise _kedjefel(
                    vad,
                    "utfall",
                    i,
                    f"is {u:g}, but row {j} gives the outcome of the same period "
                    f"({'no avser' if period is None else repr(period)}) as {tidigare:g}",
                    "a period has one outcome: " + omräkna,
                )
    if {"inom_intervall", "nedre", "övre"} <= set(tabell.columns):
        nedre, övre = belopp["nedre"], belopp["övre"]
        har = np.isfinite(nedre) & np.isfinite(övre) & np.isfinite(utfall)
        with np.errstate(invalid="ignore"):
            inom = (utfall >= nedre) & (utfall <= övre)
        for i, flagga in enumerate(tabell["inom_intervall"]):
            if _saknas(flagga):
                stämmer = not har[i]
            else:
                stämmer = (
                    isinstance(flagga, (bool, np.bool_))
                    and bool(har[i])
                    and (bool(flagga) == bool(inom[i]))
                )
            if not stämmer:
                if not har[i]:
                    läge = "utfall or the interval is missing there (so it must be NA)"
                else:
                    läge = f"utfall is {'inside' if inom[i] else 'outside'} [nedre, övre] there"
                raise _kedjefel(vad, "inom_intervall", i, f"is {kort(flagga)}, but {läge}", omräkna)


def _saknas(v: object) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def prognosträffsäkerhet(
    kedja: pd.DataFrame | Sequence[Prognos],
    *,
    utfall: float | Mapping[Any, float] | pd.Series[Any] | None = None,
    per: str = "prognosmånad",
) -> pd.DataFrame:
    """Forecast accuracy over a chain of forecasts (*prognosträffsäkerhet*).

    Parameters
    ----------
    kedja : DataFrame or sequence of Prognos
        Forecasts with their outcomes: a table from :func:`prognoskedja`
        (with ``utfall``), or any table with columns ``värde``, ``utfall`` and
        the grouping column; or forecasts, with ``utfall``.
    utfall : optional
        Outcomes, as in :func:`prognoskedja`, when ``kedja`` has none.
    per : str
        The grouping column; default ``"prognosmånad"``, the month the
        forecast was made, so that errors of February forecasts are compared
        with errors of February forecasts.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted, columns ``antal`` (forecasts with a point
        and an outcome), ``utan_utfall`` (excluded: no outcome),
        ``utan_punkt`` (excluded from the errors: an outcome but no point, an
        interval alone), ``medelfel`` (mean error = bias, outcome - forecast),
        ``mae``, ``rmse`` and ``täckning`` (share of outcomes inside the
        intervals, over the forecasts with an outcome and an interval, with or
        without a point; NaN if none) [andel, 0-1].

    Raises
    ------
    SaknadKolumnError
        If a needed column is missing.
    FelTypError
        If ``kedja`` is neither a pandas DataFrame nor a list of Prognos, or
        a column holds text.
    OgiltigtVärdeError
        If the grouping column has missing values, a forecast (``avser``,
        ``upprättad``) occurs twice, a column name is duplicated, an interval
        has ``nedre > övre`` or does not contain its point, or a value is
        infinite or 100 000 mdkr or more; or if the table contradicts itself:
        a column that :func:`prognoskedja` derives (``avvikelse_mot_budget``,
        ``prognosavvikelse``, ``revidering`` after the first forecast of a
        period, ``inom_intervall``, ``prognosmånad``) differs from what the row
        gives, two forecasts of one period (``avser``) have different
        outcomes, ``enhet`` is not one money unit for the whole table, or
        ``upprättad`` is outside 1900-2199. The message names the column and
        the row (by position).

    Notes
    -----
    With errors :math:`e_j = U_j - F_j` in a group of :math:`n`:

    .. math::

        \\text{medelfel} = \\frac{1}{n}\\sum e_j, \\quad
        \\text{MAE} = \\frac{1}{n}\\sum |e_j|, \\quad
        \\text{RMSE} = \\sqrt{\\frac{1}{n}\\sum e_j^2}

    See Also
    --------
    prognoskedja, prognosavvikelse, prognosfel

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> kedja = pd.DataFrame(
    ...     {"prognosmånad": [2, 2, 8], "värde": [-890.0, -100.0, -97.1],
    ...      "utfall": [-900.0, -80.0, -100.0]}
    ... )
    >>> hu.prognosträffsäkerhet(kedja)[["antal", "medelfel", "mae", "rmse"]]
                  antal  medelfel   mae       rmse
    prognosmånad
    2                 2       5.0  15.0  15.811388
    8                 1      -2.9   2.9   2.900000
    """
    vad = "prognosträffsäkerhet"
    per = _text_in(per, f"{vad}: per")
    kedja_in: Any = kedja
    tabell: pd.DataFrame
    if isinstance(kedja_in, (list, tuple)):
        prognoser = cast("tuple[Prognos, ...]", följd(kedja_in, f"{vad}: kedja", typ=Prognos))
        try:
            tabell = prognoskedja(prognoser, utfall=utfall)
        except (FelTypError, OgiltigtVärdeError) as kedjefel:
            raise type(kedjefel)(f"{vad}: {kedjefel}") from None
    else:
        if not isinstance(kedja_in, pd.DataFrame):
            if not hasattr(kedja_in, "columns"):
                raise FelTypError(
                    f"{vad}: kedja must be a table from prognoskedja (a pandas DataFrame) or a "
                    f"list of Prognos, got {kort(kedja_in)} of type {type(kedja_in).__name__}; "
                    "e.g. prognosträffsäkerhet(hu.prognoskedja(prognoser, utfall=...))"
                )
            ramtyp(kedja_in, vad, argument="kedja", dask=False)
        tabell = kedja_in
        if utfall is not None:
            raise OgiltigtVärdeError(
                f"{vad}: pass utfall only with a sequence of Prognos; a table (kedja) must "
                "hold its outcomes in the column 'utfall'"
            )
    kolumn(tabell.columns, per, f"{vad}: kedja", argument="per")
    kontrollera_kolumner(tabell.columns, ["värde", "utfall"], f"{vad}: kedja")
    if tabell.columns.duplicated().any():
        raise OgiltigtVärdeError(
            f"{vad}: kedja has duplicated column names "
            f"{kort(sorted(set(tabell.columns[tabell.columns.duplicated()]), key=str))}; "
            "rename or drop them"
        )
    if {"avser", "upprättad"} <= set(tabell.columns):
        nycklar = tabell[["avser", "upprättad"]].astype({"avser": str})
        dubbla = nycklar.duplicated(keep=False).to_numpy() & tabell["upprättad"].notna().to_numpy()
        if dubbla.any():
            rader = [int(i) for i in np.flatnonzero(dubbla)]
            raise OgiltigtVärdeError(
                f"{vad}: kedja holds the same forecast (avser, upprättad) more than once, in "
                f"rows {kort(rader)} (by position); a chain holds one forecast per period and "
                "date: drop the duplicates (kedja.drop_duplicates(['avser', 'upprättad']))"
            )
    värde = tal_array(tabell["värde"], f"{vad}: kedja['värde']")
    utfall_ = tal_array(tabell["utfall"], f"{vad}: kedja['utfall']")
    koder, grupper = pd.factorize(tabell[per], sort=True, use_na_sentinel=True)
    if np.any(koder < 0):
        raise OgiltigtVärdeError(
            f"{vad}: kedja's column {per!r} has {int(np.sum(koder < 0))} missing values; set "
            "upprättad on every forecast or drop those rows"
        )
    belopp = _kontrollera_kedja(tabell, värde, utfall_, vad)
    k = len(grupper)
    fel = utfall_ - värde  # below 2e15 in magnitude: the amounts are bounded above
    finns = np.isfinite(fel)
    med_utfall = np.isfinite(utfall_)
    antal = np.bincount(koder, weights=finns, minlength=k)
    utan = np.bincount(koder, weights=~med_utfall, minlength=k)
    utan_punkt = np.bincount(koder, weights=med_utfall & ~finns, minlength=k)
    f0 = np.where(finns, fel, 0.0)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        medel = np.bincount(koder, weights=f0, minlength=k) / antal
        mae = np.bincount(koder, weights=np.abs(f0), minlength=k) / antal
        rmse = np.sqrt(np.bincount(koder, weights=f0 * f0, minlength=k) / antal)
        if {"nedre", "övre"} <= set(tabell.columns):
            nedre = tal_array(tabell["nedre"], f"{vad}: kedja['nedre']")
            övre = tal_array(tabell["övre"], f"{vad}: kedja['övre']")
            u = utfall_
            omvänd = np.isfinite(nedre) & np.isfinite(övre) & (nedre > övre)
            if omvänd.any():
                i = int(np.flatnonzero(omvänd)[0])
                raise OgiltigtVärdeError(
                    f"{vad}: kedja has an interval whose lower end exceeds its upper end in "
                    f"row {i} (nedre={nedre[i]:g}, övre={övre[i]:g}); swap them"
                )
            utanför = (np.isfinite(nedre) & (värde < nedre)) | (np.isfinite(övre) & (värde > övre))
            if utanför.any():
                i = int(np.flatnonzero(utanför)[0])
                raise OgiltigtVärdeError(
                    f"{vad}: kedja has a forecast outside its own interval in row {i} "
                    f"(värde={värde[i]:g}, nedre={nedre[i]:g}, övre={övre[i]:g}); correct the "
                    "row: the interval must contain the point"
                )
            har = med_utfall & np.isfinite(nedre) & np.isfinite(övre)
            inom = har & (u >= nedre) & (u <= övre)
            täckning = np.bincount(koder, weights=inom, minlength=k) / np.bincount(
                koder, weights=har, minlength=k
            )
        else:
            täckning = np.full(k, np.nan)
    _kontrollera_härledda(tabell, belopp, vad)
    return pd.DataFrame(
        {
            "antal": antal.astype(np.int64),
            "utan_utfall": utan.astype(np.int64),
            "utan_punkt": utan_punkt.astype(np.int64),
            "medelfel": medel,
            "mae": mae,
            "rmse": rmse,
            "täckning": täckning,
        },
        index=pd.Index(grupper, name=per),
    )


# --------------------------------------------------------------------------- full-year forecast


def _metod(metod: object, vad: str = "helårsprognos") -> str:
    m = _text_in(metod, f"{vad}: metod").casefold()
    if m not in _METODER:
        raise OgiltigtVärdeError(f"{vad}: metod must be one of {list(_METODER)}, got {kort(metod)}")
    return str(m)


def _utan_budget(vad: str, månader: int, metod: str) -> None:
    """Without a budget, only the method "linjär" works."""
    if metod != "linjär":
        raise OgiltigtVärdeError(
            f"{vad}: metod={metod!r} needs the budget (an annual budget or "
            f"{månader} monthly budgets); without one use metod='linjär'"
        )


def _punkt_och_rester(
    u: npt.NDArray[np.float64], b: npt.NDArray[np.float64] | None, metod: str, månader: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], float]:
    """Point forecast, the monthly residuals and the spread factor; vectorised over rows."""
    m = u.shape[-1]
    ack = u.sum(axis=-1)
    if metod == "linjär":
        return ack * (månader / m), u, math.sqrt((månader - m) * månader / m)
    assert b is not None
    bm = b[..., :m]
    avvikelse = ack - bm.sum(axis=-1)
    år = b.sum(axis=-1)
    if metod == "budgetprofil":
        return år + avvikelse * (månader / m), u - bm, math.sqrt((månader - m) * månader / m)
    return år + avvikelse, u - bm, math.sqrt(månader - m)


def prognosfel(
    utfall: TalIn | pd.DataFrame,
    månad: int,
    *,
    budget: TalIn | pd.DataFrame | None = None,
    metod: str = "budgetprofil",
    månader: int = 12,
) -> Any:
    """Past years' errors of a full-year forecast method (*prognosfel*).

    The ``historik`` that :func:`helårsprognos` turns into a prediction
    interval: for each past year, the outcome minus what the method would
    have forecast after ``månad`` months.

    Parameters
    ----------
    utfall : 2-D array-like or DataFrame
        Past years' monthly outcomes [mnkr], one row per year, ``månader``
        columns (monthly amounts, not cumulative).
    månad : int
        The months elapsed at the forecast, 1..``månader`` - 1.
    budget : optional
        The past budgets: an annual budget per year (1-D of length n, spread
        linearly), one row of ``månader`` monthly budgets for every year, or
        one row per year. Needed except for ``metod="linjär"``.
    metod : {"budgetprofil", "oförändrad avvikelse", "linjär"}
        As in :func:`helårsprognos`.
    månader : int
        Months in the year, 2 to 12 (12).

    Returns
    -------
    ndarray or Series
        One error per year [mnkr]: ``sum(utfall) - forecast``; a DataFrame
        gives a Series with its index.

    Raises
    ------
    OgiltigtVärdeError
        For a wrong shape of ``utfall`` or ``budget``, ``månad`` outside
        1..``månader`` - 1, ``månader`` outside 2..12, or an unknown
        ``metod``.

    See Also
    --------
    helårsprognos

    Examples
    --------
    >>> import numpy as np
    >>> import halsouppfoljning as hu
    >>> år = np.array([[10.0] * 12, [12.0] * 6 + [8.0] * 6])
    >>> hu.prognosfel(år, 6, metod="linjär")
    array([  0., -24.])
    """
    vad = "prognosfel"
    m = _metod(metod, vad)
    månader = heltal(månader, f"{vad}: månader", minst=2, högst=12)
    u = tal_array(utfall, f"{vad}: utfall")
    if u.ndim != 2 or u.shape[1] != månader:
        raise OgiltigtVärdeError(
            f"{vad}: utfall must have one row per year and {månader} monthly columns "
            f"(månader={månader}), got shape {u.shape}; e.g. a DataFrame with one row per past "
            "year"
        )
    månad = heltal(månad, f"{vad}: månad", minst=1, högst=månader - 1)
    n = u.shape[0]
    bb: npt.NDArray[np.float64] | None
    if budget is None:
        _utan_budget(vad, månader, m)
        bb = None
    else:
        b = tal_array(budget, f"{vad}: budget")
        if b.ndim == 0:
            bb = np.asarray(periodiserad_budget(b, månader=månader), dtype=np.float64)
        elif b.ndim == 1 and b.shape[0] == månader:
            bb = b
        elif b.ndim == 1 and b.shape[0] == n:
            bb = b[:, np.newaxis] * np.full(månader, 1.0 / månader)
        elif b.ndim == 2 and b.shape[1] == månader and b.shape[0] in {1, n}:
            bb = b
        else:
            raise OgiltigtVärdeError(
                f"{vad}: budget must be one annual budget, {n} annual budgets (one per year "
                f"of utfall), {månader} monthly budgets or {n} rows of {månader}, got shape "
                f"{b.shape}"
            )
    punkt, _, _ = _punkt_och_rester(u[:, : int(månad)], bb, m, månader)
    fel = u.sum(axis=1) - punkt
    if isinstance(utfall, pd.DataFrame):
        return pd.Series(fel, index=utfall.index, name="prognosfel")
    return fel


def helårsprognos(
    utfall: TalIn,
    *,
    budget: TalIn | None = None,
    metod: str = "budgetprofil",
    nivå: float = 0.8,
    historik: TalIn | None = None,
    biaskorrigering: bool = True,
    månader: int = 12,
    avser: str | Period | None = None,
    upprättad: Datum | Period | None = None,
    enhet: str = "mnkr",
) -> Prognos:
    """A full-year forecast (:term:`helårsprognos`) from the months so far, with an interval.

    Parameters
    ----------
    utfall : array-like or Series
        The monthly outcomes so far [enhet], January first, **monthly**
        amounts (take ``numpy.diff`` of a cumulative series first). Signed as
        the budget (a result, or costs as positive numbers, consistently).
    budget : float or array-like, optional
        The annual budget (spread linearly) or the ``månader`` monthly
        (periodised) budgets [enhet]; see :func:`periodiserad_budget`. Needed
        by "budgetprofil" and "oförändrad avvikelse".
    metod : {"budgetprofil", "oförändrad avvikelse", "linjär"}
        ``"budgetprofil"`` (default): the remaining months follow the
        periodised budget plus the average monthly deviation so far.
        ``"oförändrad avvikelse"``: the remaining months are on budget, so the
        year ends with the deviation so far. ``"linjär"``: straight-line
        extrapolation of the year-to-date outcome. **Often badly wrong**: it
        ignores the budget's seasonal profile, registration lags and costs that
        come late in the year; use it as a naive benchmark.
    nivå : float
        The level of the prediction interval [andel, 0-1]; 0.8 by default.
    historik : array-like, optional
        Past years' errors of the same method made after the same number of
        months [enhet], outcome minus forecast (see :func:`prognosfel`). NaN
        entries are excluded with a warning.
    biaskorrigering : bool
        With ``historik``: whether to add the mean past error to the point
        forecast (default true; a method that was 40 mnkr too pessimistic
        every year is corrected by 40 mnkr). Without correction the errors are
        assumed centred on zero.
    månader : int
        Months in the year, 1 to 12 (12).
    avser, upprättad, enhet
        Fields of the returned :class:`Prognos`.

    Returns
    -------
    Prognos
        ``värde``, the interval ``nedre``/``övre`` at ``nivå``, ``budget``
        (the annual budget, NaN without one) and ``metod`` describing the
        method and where the interval came from. With fewer than two months
        (and no ``historik``) or fewer than two past errors the interval is
        NaN, with a :class:`~halsouppfoljning.UnderlagsVarning`; a missing
        month of ``utfall`` or ``budget`` gives a NaN forecast, with the same
        warning.

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``metod``, a missing budget, no months or more than
        ``månader``, ``månader`` outside 1..12, a misshapen budget or
        ``historik``, infinity, or a forecast that overflows or is
        implausibly large (over 100 000 mdkr).
    AndelsError
        If ``nivå`` is not a share.
    FelTypError
        If a number is given as text or a boolean, or ``biaskorrigering`` is
        not a boolean.

    Notes
    -----
    After :math:`m` months with outcomes :math:`U_k`, monthly budgets
    :math:`B_k` (annual :math:`B`) and year-to-date deviation
    :math:`A = \\sum_{k \\le m}(U_k - B_k)`, with :math:`M = 12`:

    .. math::

        F_{\\text{budgetprofil}} = B + A\\,\\frac{M}{m}, \\qquad
        F_{\\text{oförändrad}} = B + A, \\qquad
        F_{\\text{linjär}} = \\frac{M}{m} \\sum_{k \\le m} U_k

    **Interval from the month-to-month variation** (no ``historik``): the
    monthly residuals :math:`r_k` (:math:`U_k - B_k`, or :math:`U_k` for
    "linjär") are taken as independent draws with standard deviation
    :math:`\\sigma`, estimated by their sample standard deviation :math:`s`
    (:math:`m - 1` degrees of freedom). The forecast error is then a sum of
    the remaining months' residuals minus the extrapolated mean, with
    variance :math:`c^2 \\sigma^2`, :math:`c^2 = (M - m) M / m` for
    "budgetprofil" and "linjär" and :math:`c^2 = M - m` for "oförändrad
    avvikelse" (whose model is that the remaining months have no
    deviation). The interval is

    .. math:: F \\pm t_{m-1,\\,(1+\\text{nivå})/2}\\; s\\; c,

    a prediction interval whose coverage is exactly ``nivå`` when the
    residuals are independent and normal, and the method's model holds.

    **Interval from past forecast errors** (``historik``, :math:`n` errors
    :math:`e_j` with mean :math:`\\bar e` and standard deviation :math:`s_e`):

    .. math::

        F + \\bar e \\pm t_{n-1,\\,(1+\\text{nivå})/2}\\; s_e \\sqrt{1 + 1/n}

    (with ``biaskorrigering=False``: :math:`F \\pm t_{n} \\sqrt{\\sum e_j^2 / n}`).
    This t-based interval is used rather than empirical quantiles of the
    errors because a region has few past years (typically 3 to 10): the
    empirical 10 % and 90 % quantiles of so few errors are badly estimated
    and the interval between them covers less than its nominal level (the
    range of 5 errors covers a new one only 4/6 of the time), while the t
    interval is exact for independent normal errors at any :math:`n \\ge 2`
    and does not need the method to be unbiased or well specified: past
    errors include everything the method misses (seasonality, late costs).
    The package's tests check the coverage by simulating 2000 years.

    See Also
    --------
    prognosfel, periodiserad_budget, Prognos, prognosträffsäkerhet

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> p = hu.helårsprognos([-90.0, -84.1], budget=[-5.0, -3.5] + [0.85] * 10)
    >>> round(p.värde, 1)
    -993.6
    >>> p.nedre < p.värde < p.övre
    True
    >>> hu.helårsprognos([-90.0, -84.1], budget=0.0, metod="oförändrad avvikelse").värde
    -174.1

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023 (accumulated result -174,1 mnkr against a year-to-date
    budget of -8,5 mnkr; full-year forecast -890 mnkr by judgement).
    """
    vad = "helårsprognos"
    m_namn = _metod(metod, vad)
    nivå = _nivå(nivå, vad)
    månader = heltal(månader, f"{vad}: månader", minst=1, högst=12)
    biaskorrigering = boolesk(biaskorrigering, f"{vad}: biaskorrigering")
    u = tal_array(utfall, f"{vad}: utfall")
    if u.ndim != 1 or not 1 <= u.shape[0] <= månader:
        raise OgiltigtVärdeError(
            f"{vad}: utfall must be 1 to {månader} monthly outcomes (månader={månader}), got "
            f"{'a single number' if u.ndim == 0 else f'shape {u.shape}'}; give the months so "
            "far as a list, January first, e.g. [-90.0, -84.1]"
        )
    b: npt.NDArray[np.float64] | None = None
    if budget is None:
        _utan_budget(vad, månader, m_namn)
    else:
        b = tal_array(budget, f"{vad}: budget")
        if b.ndim == 0:
            b = np.asarray(periodiserad_budget(b, månader=månader), dtype=np.float64)
        elif b.ndim != 1 or b.shape[0] != månader:
            raise OgiltigtVärdeError(
                f"{vad}: budget must be one year's budget: an annual budget (one number) or "
                f"{månader} monthly budgets, got shape {b.shape}; for several years use "
                "prognosfel"
            )
    saknade = int(np.isnan(u).sum()) + (int(np.isnan(b).sum()) if b is not None else 0)
    if saknade:
        warnings.warn(
            f"{vad}: utfall or budget holds {saknade} missing value(s) (NaN), so the forecast "
            "is NaN; fill or drop the missing months first",
            UnderlagsVarning,
            stacklevel=2,
        )
    m = u.shape[0]
    with np.errstate(over="ignore", invalid="ignore"):
        punkt_arr, rester, faktor = _punkt_och_rester(u, b, m_namn, månader)
    punkt = float(punkt_arr)
    q = (1.0 + nivå) / 2.0
    procent = f"{nivå * 100:g} %"
    if historik is not None:
        e = tal_array(historik, f"{vad}: historik")
        if e.ndim > 1:
            raise OgiltigtVärdeError(
                f"{vad}: historik must be one past error per year (a list or Series), got shape "
                f"{e.shape}; compute it with prognosfel"
            )
        e = e.ravel()
        saknade = int(np.isnan(e).sum())
        if saknade:
            warnings.warn(
                f"helårsprognos: {saknade} of {e.size} past errors in historik are NaN and "
                "were excluded",
                UnderlagsVarning,
                stacklevel=2,
            )
            e = e[~np.isnan(e)]
        n = e.size
        if n < 2:
            warnings.warn(
                f"helårsprognos: historik holds {n} usable past error(s); an interval needs "
                "at least 2, so nedre and övre are NaN",
                UnderlagsVarning,
                stacklevel=2,
            )
            halv = math.nan
        elif biaskorrigering:
            with np.errstate(over="ignore", invalid="ignore"):  # overflow is refused below
                punkt += float(e.mean())
                sd = float(e.std(ddof=1))
            halv = float(_stats().t.ppf(q, n - 1)) * sd * math.sqrt(1 + 1 / n)
        else:
            with np.errstate(over="ignore", invalid="ignore"):
                halv = float(_stats().t.ppf(q, n)) * math.sqrt(float(np.mean(e * e)))
        källa = f"{procent} intervall från {n} års prognosfel (t" + (
            ", biaskorrigerad)" if biaskorrigering else ")"
        )
    elif m >= månader:
        halv = 0.0
        källa = "helt år, inget intervall behövs"
    elif m < 2:
        warnings.warn(
            "helårsprognos: one month gives no month-to-month variation, so nedre and övre "
            "are NaN; pass historik (past forecast errors) for an interval",
            UnderlagsVarning,
            stacklevel=2,
        )
        halv = math.nan
        källa = "intervall saknas"
    else:
        s = float(np.std(rester, ddof=1))
        halv = float(_stats().t.ppf(q, m - 1)) * s * faktor
        källa = f"{procent} intervall från månadsvariation (t, {m - 1} fg)"
    if math.isnan(punkt):
        halv = math.nan
    if math.isinf(punkt) or math.isinf(halv):
        raise OgiltigtVärdeError(
            f"{vad}: the forecast overflows ({punkt!r} ± {halv!r}); the amounts of utfall, "
            "budget or historik are too large to be money: give them in a larger unit "
            "(mnkr, mdkr)"
        )
    enhet_in: Any = enhet
    faktor_kr = _PENNINGENHETER.get(enhet_in.casefold()) if isinstance(enhet_in, str) else None
    årsbudget = float(b.sum()) if b is not None else math.nan
    if faktor_kr is not None and max(abs(punkt) + abs(halv), abs(årsbudget)) > (
        _STÖRSTA_BELOPP_KR / faktor_kr
    ):
        raise OgiltigtVärdeError(
            f"{vad}: the forecast {punkt:g} {enhet} (budget {årsbudget:g}) is more than "
            f"{_STÖRSTA_BELOPP_KR / faktor_kr:g} {enhet} (100 000 mdkr, fifteen times Sweden's "
            "GDP); check utfall, budget and historik and their unit: enhet= names it"
        )
    try:
        return Prognos(
            värde=punkt,
            nedre=punkt - halv,
            övre=punkt + halv,
            enhet=enhet,
            avser=avser,
            upprättad=upprättad,
            budget=årsbudget,
            metod=f"{m_namn}; {källa}",
        )
    except HalsouppfoljningError as fel:
        raise type(fel)(f"{vad}: {fel}") from None
