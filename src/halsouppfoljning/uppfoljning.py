"""A whole follow-up (*uppföljning*): one organisation, one period, its styrkort.

:class:`Uppföljning` holds what a follow-up report shows for one organisation
(a :class:`~halsouppfoljning.Region`, :class:`~halsouppfoljning.Nämnd` or
:class:`~halsouppfoljning.Förvaltning`) and one period: its indicators with
targets, outcomes and previous values, its waiting-time shares, its
continuity, its result statement and its forecast. :func:`styrkort` assesses
the indicators and returns the table a report shows. Rendering it (plain text,
Markdown, HTML) is the edge :mod:`halsouppfoljning.rapport`
(:func:`~halsouppfoljning.formatera_styrkort`, :func:`~halsouppfoljning.rapport`);
reading a user's CSV of the same shape is the edge
:mod:`halsouppfoljning.tolka.styrkort` (:func:`~halsouppfoljning.läs_styrkort`).

The indicator table (*styrkortsunderlag*) is a DataFrame with one row per
indicator. Columns (only ``indikator`` and either ``målnivå`` or ``mål_text``
are required):

``indikator``
    Name as printed.
``mål_text`` / ``målnivå``
    The target as written, and/or the :class:`~halsouppfoljning.Målnivå`
    read from it (``None`` for no target).
``riktning``
    The better direction (a :class:`~halsouppfoljning.Riktning` or its
    value such as ``"högre är bättre"``); needed for bare targets ("85 %")
    and for computed trends.
``utfall``
    The outcome as a level [the target's unit; shares in [0, 1]].
``utfall_enhet``
    The unit the outcome is written in (``"andel"`` for percent, ``"min"``,
    ``"mnkr"`` ...; empty for a bare number in the target's unit), as
    :func:`~halsouppfoljning.läs_styrkort` reads it from the printed outcome.
    An outcome in another unit than its target is an error, never assessed.
``utfall_delar``
    For a composite target ("90/80/80"), a tuple of the parts' outcomes.
``utfall_avser``
    What ``utfall``/``förändring`` is: ``"nivå"`` (default), ``"förändring mot
    fg år (procent)"``, ``"förändring mot fg år (antal)"``, ``"avvikelse mot
    plan"`` or ``"tre delar"`` (the values of the bundled report tables).
``förändring``
    A printed change against last year (a proportion for "(procent)", a
    count for "(antal)").
``föregående``, ``plan``
    The comparison value and the plan value, where known.
``utfall_text``, ``föregående_text``
    The outcome as printed, for display.
``trend_rapporterad``
    The trend word the report printed; kept, never overwritten.
``tabell`` or ``avsnitt``, ``verksamhet``
    The section and the organisation the row covers.

Examples
--------
>>> import halsouppfoljning as hu
>>> underlag = hu.exempeldata.indikatortabell_västmanland_2023_02()
>>> kort = hu.styrkort(underlag[underlag.tabell == "servicekvalitet"])
>>> kort.loc[kort.indikator == "Beläggningsgrad", "måluppfyllelse"].item()
<Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
"""

from __future__ import annotations

import copy
import io
import math
import os
from collections.abc import Callable
from typing import Any, Literal, cast

import attrs
import numpy as np
import pandas as pd

from ._indata import (
    alternativ,
    antal,
    heltal,
    kontrollera_andel,
    kontrollera_kolumner,
    kort,
    ramtyp,
    rimliga_tal,
    skalär,
    tal_array,
    text,
    valfri_text,
)
from .exceptions import (
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    SaknadKolumnError,
)
from .indikatorer import (
    Delvis,
    DelvisRegel,
    Målnivå,
    Måltyp,
    Måluppfyllelse,
    Riktning,
    Trend,
    formatera_andel,
    formatera_tal,
    måluppfyllelse,
    trend,
)
from .organisation import Förvaltning, Nämnd, Region, region
from .perioder import Period
from .prognos import Prognos

__all__ = [
    "Uppföljning",
    "styrkort",
]

#: Columns of the table :func:`styrkort` returns, in order.
STYRKORTSKOLUMNER = (
    "avsnitt",
    "verksamhet",
    "indikator",
    "mål",
    "utfall",
    "föregående",
    "måluppfyllelse",
    "trend_rapporterad",
    "trend_beräknad",
    "underlag",
)

_FÖRÄNDRING_PROCENT = "förändring mot fg år (procent)"
_FÖRÄNDRING_ANTAL = "förändring mot fg år (antal)"
_MOT_PLAN = "avvikelse mot plan"
_TRE_DELAR = "tre delar"
_AVSER = ("nivå", _FÖRÄNDRING_PROCENT, _FÖRÄNDRING_ANTAL, _MOT_PLAN, _TRE_DELAR)
_BEHÖVER_FÖREGÅENDE = (Måltyp.RELATIV_FÖRÄNDRING, Måltyp.MOT_FÖREGÅENDE)
#: The most decimals ``avrundning`` can ask for (as :func:`~halsouppfoljning.avrunda`).
_MAX_AVRUNDNING = 15


def _saknas(x: Any) -> bool:
    if x is None:
        return True
    try:
        saknas = pd.isna(x)
    except (TypeError, ValueError):
        return False
    return bool(saknas) if np.ndim(saknas) == 0 else False  # a list is a value, not missing


def _riktning(x: Any) -> Riktning | None:
    if _saknas(x) or (isinstance(x, str) and not x.strip()):
        return None
    return alternativ(x, Riktning, "column 'riktning'")


def _avser(rad: dict[str, Any]) -> str:
    """What ``utfall`` is (column ``utfall_avser``); missing is a level, unknown text an error."""
    avser = rad.get("utfall_avser")
    if _saknas(avser) or (isinstance(avser, str) and not avser.strip()):
        return "nivå"
    if not isinstance(avser, str) or avser.strip() not in _AVSER:
        raise OgiltigtVärdeError(
            f"column 'utfall_avser' must be one of {', '.join(map(repr, _AVSER))} (or empty "
            f"for a level), got {kort(avser)}"
        )
    return avser.strip()


def _cell(rad: dict[str, Any], kolumn: str) -> float:
    """A number cell of an indicator row: missing gives NaN; text, inf and absurd sizes name it."""
    värde = skalär(rad.get(kolumn), f"column {kolumn!r}", saknas=True)
    rimliga_tal(värde, f"column {kolumn!r}")
    return värde


def _underlag(rad: dict[str, Any]) -> tuple[Any, Any, Any, str]:
    """(utfall, föregående, plan, description) to assess one indicator row with.

    A printed change against last year is turned into a pair with the same
    ratio or difference: a change of +10,9 % becomes utfall 1.109 against
    föregående 1; a change of +171 becomes 171 against 0. Relative and
    direction targets depend only on that ratio or difference, so this is the
    same comparison, not an estimate.
    """
    avser = _avser(rad)
    delar = rad.get("utfall_delar")
    if isinstance(delar, (tuple, list, np.ndarray)) and len(delar) > 0:
        return tuple(rimliga_tal(delar, "column 'utfall_delar'").tolist()), None, None, "delar"
    if not _saknas(delar) and not isinstance(delar, (tuple, list, np.ndarray)):
        raise FelTypError(
            f"column 'utfall_delar' must hold a tuple of the parts' outcomes (or be empty), "
            f"got {kort(delar)} of type {type(delar).__name__}"
        )
    förändring = _cell(rad, "förändring")
    if avser == _FÖRÄNDRING_PROCENT and not math.isnan(förändring):
        return 1.0 + förändring, 1.0, None, "förändring mot fg år"
    if avser == _FÖRÄNDRING_ANTAL and not math.isnan(förändring):
        return förändring, 0.0, None, "förändring mot fg år"
    utfall = _cell(rad, "utfall")
    if avser == _MOT_PLAN:
        return utfall, None, 0.0, "avvikelse mot plan"
    föregående = _cell(rad, "föregående")
    return utfall, föregående, _cell(rad, "plan"), "nivå"


def _regel_gäller(delvis: DelvisRegel | None, målnivå: Målnivå) -> bool:
    """Whether a DELVIS rule is defined for this kind of target."""
    if delvis is None or not isinstance(delvis, Delvis):
        return delvis is not None
    if målnivå.typ is Måltyp.SAMMANSATT:
        return all(_regel_gäller(delvis, d) for d in målnivå.delar)
    if delvis.regel == "inom":
        return målnivå.typ in (Måltyp.GRÄNS, Måltyp.INTERVALL)
    if delvis.regel == "förbättrad":
        return målnivå.riktning in (Riktning.HÖGRE_ÄR_BÄTTRE, Riktning.LÄGRE_ÄR_BÄTTRE)
    return målnivå.typ is Måltyp.TVÅNIVÅ


def _bedöm(
    rad: dict[str, Any],
    underlag: tuple[Any, Any, Any, str],
    målnivå: Målnivå | None,
    avrundning: int | None,
    delvis: DelvisRegel | None,
) -> Any:
    if målnivå is None:
        return Måluppfyllelse.MÅL_SAKNAS
    utfall, föregående, plan, hur = underlag
    if hur == "delar" and målnivå.typ is not Måltyp.SAMMANSATT:
        raise OgiltigtVärdeError(
            f"column 'utfall_delar' gives {len(utfall)} parts but the target "
            f"{målnivå.text or str(målnivå)!r} is not composite; give the outcome in 'utfall' "
            "and leave 'utfall_delar' empty, or write the target as parts such as '90/80/80'"
        )
    if hur == "förändring mot fg år" and målnivå.typ not in _BEHÖVER_FÖREGÅENDE:
        # only a change is printed, and a level target needs the level
        return Måluppfyllelse.UNDERLAG_SAKNAS
    enhet = rad.get("enhet")
    if (
        hur in ("nivå", "avvikelse mot plan")
        and målnivå.enhet is None
        and målnivå.typ in (Måltyp.MOT_FÖREGÅENDE, Måltyp.ENLIGT_PLAN)
        and isinstance(enhet, str)
        and enhet.strip()
    ):
        # the row states the indicator's unit: a direction or plan target then rounds
        # on the published scale of that unit (percent for shares)
        målnivå = attrs.evolve(målnivå, enhet=enhet.strip())
    f = None if föregående is None or _saknas(föregående) else föregående
    p = None if plan is None or _saknas(plan) else plan
    regel = delvis if _regel_gäller(delvis, målnivå) else None
    utfallsenhet = rad.get("utfall_enhet")
    if _saknas(utfallsenhet) or hur not in ("nivå", "delar"):
        utfallsenhet = None
    elif not isinstance(utfallsenhet, str):
        raise FelTypError(
            f"column 'utfall_enhet' must be the outcome's unit as text ('andel', 'dagar', "
            f"'min', 'mnkr' ...) or empty, got {kort(utfallsenhet)}"
        )
    else:
        utfallsenhet = text(utfallsenhet, "column 'utfall_enhet'", tom=True) or None
    _kontrollera_tid(utfall, utfallsenhet)
    try:
        return måluppfyllelse(
            utfall,
            målnivå,
            föregående=f,
            plan=p,
            avrundning=avrundning,
            delvis=regel,
            enhet=utfallsenhet,
        )
    except HalsouppfoljningError as fel:
        if "(enhet=)" not in str(fel):
            raise
        ny = copy.copy(fel)  # the outcome's unit came from a column, not a keyword
        ny.args = (str(fel).replace("(enhet=)", "(column 'utfall_enhet')"), *fel.args[1:])
        raise ny from fel


#: A waiting time or lead time over ten years is an error in the data, not an outcome
#: (the plausibility bound of :mod:`halsouppfoljning.vantetider`, in each time unit).
_TIO_ÅR = {"dagar": 3653.0, "timmar": 3653.0 * 24, "min": 3653.0 * 24 * 60}


def _kontrollera_tid(utfall: Any, enhet: str | None) -> None:
    """Refuse a time outcome that is negative or longer than ten years."""
    if enhet not in _TIO_ÅR:
        return
    for v in np.atleast_1d(np.asarray(utfall, dtype=float)):
        if np.isfinite(v) and not 0.0 <= v <= _TIO_ÅR[enhet]:
            raise OgiltigtVärdeError(
                f"column 'utfall': a time of {v:g} {enhet} is "
                + ("negative" if v < 0 else "longer than ten years")
                + "; check the figure and its unit"
            )


def _beräknad_trend(
    underlag: tuple[Any, Any, Any, str], riktning: Riktning | None, tröskel: float
) -> Trend | None:
    if riktning not in (Riktning.HÖGRE_ÄR_BÄTTRE, Riktning.LÄGRE_ÄR_BÄTTRE):
        return None
    utfall, föregående, _, hur = underlag
    if hur in ("delar", "avvikelse mot plan") or föregående is None:
        return None
    if _saknas(utfall) or _saknas(föregående):
        return None
    resultat: Trend = trend(utfall, föregående, riktning, tröskel=tröskel)
    return resultat


def _målnivå_för(rad: dict[str, Any], riktning: Riktning | None, radnr: int) -> Målnivå | None:
    m = rad.get("målnivå")
    if isinstance(m, Målnivå):
        return None if m.typ is Måltyp.INGET else m
    if not _saknas(m):
        raise FelTypError(
            f"row {radnr} ({rad.get('indikator')!r}), column 'målnivå': must be a hu.Målnivå "
            f"or empty, got {kort(m)} of type {type(m).__name__}; put target text such as "
            "'≥80 %' in the column 'mål_text' instead"
        )
    text = rad.get("mål_text")
    if _saknas(text) or str(text).strip() == "":
        return None
    try:
        tolkad = Målnivå.tolka(str(text), riktning=riktning)
    except OgiltigtVärdeError as fel:
        if riktning is not None and _läses_med_riktning(str(text), None):
            raise OgiltigtVärdeError(
                f"row {radnr} ({rad.get('indikator')!r}), column 'mål_text': the target "
                f"{str(text)!r} contradicts the direction {riktning.value!r} in the column "
                "'riktning'; correct the target or the direction"
            ) from fel
        if riktning is None and _läses_med_riktning(str(text), Riktning.HÖGRE_ÄR_BÄTTRE):
            raise OgiltigtVärdeError(
                f"row {radnr} ({rad.get('indikator')!r}), column 'mål_text': the target "
                f"{str(text)!r} is a bare level without a direction; give the direction in "
                f"the column 'riktning' ({', '.join(repr(r.value) for r in Riktning)}), or "
                f"write the target with ≥ or ≤ (e.g. '≥{text}')"
            ) from fel
        raise _med_plats(fel, f"row {radnr} ({rad.get('indikator')!r}), column 'mål_text'") from fel
    except HalsouppfoljningError as fel:
        raise _med_plats(fel, f"row {radnr} ({rad.get('indikator')!r}), column 'mål_text'") from fel
    return None if tolkad.typ is Måltyp.INGET else tolkad


def _läses_med_riktning(text: str, riktning: Riktning | None) -> bool:
    """Whether target text reads with this direction (or none)."""
    try:
        Målnivå.tolka(text, riktning=riktning)
    except HalsouppfoljningError:
        return False
    return True


def _med_plats(fel: HalsouppfoljningError, plats: str) -> HalsouppfoljningError:
    """The same error (type and attributes) with ``plats`` (where it is) before its message."""
    ny = copy.copy(fel)
    ny.args = (f"{plats}: {fel}", *fel.args[1:])
    return ny


def _text_eller_tom(x: Any) -> str:
    """A section or organisation cell as text; missing (None, NaN) is empty."""
    return "" if _saknas(x) else str(x)


def styrkort(
    indikatorer: pd.DataFrame,
    *,
    avrundning: int | None = None,
    delvis: DelvisRegel | None = None,
    tröskel: float = 0.0,
) -> pd.DataFrame:
    """Assess every indicator and return the table a report shows (*styrkort*).

    Parameters
    ----------
    indikatorer : pandas.DataFrame
        The indicator table, one row per indicator, in the layout of the
        module docstring (for instance
        :func:`~halsouppfoljning.exempeldata.indikatortabell_västmanland_2023_02`
        or :func:`läs_styrkort`).
    avrundning : int, optional
        Compare at this many decimals of the published scale (percent for
        shares), rounding half up; passed to
        :func:`~halsouppfoljning.måluppfyllelse`. Default ``None``: unrounded.
    delvis : Delvis or callable, optional
        The rule for ``DELVIS``; without one there is no "partly met".
    tröskel : float
        The threshold for a ``NEUTRAL`` computed trend, passed to
        :func:`~halsouppfoljning.trend` [the indicator's unit].

    Returns
    -------
    pandas.DataFrame
        One row per indicator, index as the input, columns ``avsnitt``,
        ``verksamhet``, ``indikator``, ``mål`` (the target as written),
        ``utfall`` and ``föregående`` (as printed where the input has the
        printed text, otherwise formatted), ``måluppfyllelse`` (a
        :class:`~halsouppfoljning.Måluppfyllelse`, or a tuple of them for a
        composite target), ``trend_rapporterad`` (the report's word, kept as
        data), ``trend_beräknad`` (a :class:`~halsouppfoljning.Trend` computed
        with ``tröskel`` where a comparison value exists, else ``None``) and
        ``underlag`` (what the assessment compared: "nivå", "förändring mot fg
        år", "avvikelse mot plan", "delar"). ``attrs`` records the rules used.

    Raises
    ------
    FelTypError
        If ``indikatorer`` is not a pandas DataFrame, or a rule has the wrong type.
    SaknadKolumnError
        If ``indikator`` is missing, or both ``målnivå`` and ``mål_text``.
    TolkningsError, OgiltigtVärdeError
        For a target that cannot be read, naming the row.
    AndelsError
        For a percent outcome passed as 78.8 instead of 0.788, naming the row.

    Every error about a row names it ("row 3 ('Beläggningsgrad')") and carries
    its number (from 1) as the attribute ``indikatorrad``, for a program that
    reports it in its own words (the command line gives the file's line).

    Notes
    -----
    Where the report prints only a change against last year (e.g.
    "10,9 % högre än fg år"), a relative or direction target is assessed on
    the pair (1 + change, 1), which has the same ratio as (outcome,
    previous); a level target then has no basis (``UNDERLAG_SAKNAS``). The
    assessment is one call of :func:`~halsouppfoljning.måluppfyllelse` per
    indicator, because each indicator has its own target; the work is over
    the tens of rows of a styrkort, not over data.

    See Also
    --------
    Uppföljning.styrkort, formatera_styrkort, läs_styrkort

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> underlag = pd.DataFrame(
    ...     {
    ...         "indikator": ["Andel besök 90 dagar", "Utlokaliserade"],
    ...         "mål_text": ["≥80 %", "Lägre än fg år"],
    ...         "utfall": [0.798, 94.0],
    ...         "föregående": [float("nan"), 140.0],
    ...         "riktning": ["högre är bättre", "lägre är bättre"],
    ...     }
    ... )
    >>> kort = hu.styrkort(underlag)
    >>> [m.value for m in kort["måluppfyllelse"]]
    ['ej uppnådd', 'uppnådd']
    >>> [m.value for m in hu.styrkort(underlag, avrundning=0)["måluppfyllelse"]]
    ['uppnådd', 'uppnådd']
    >>> kort.loc[1, "trend_beräknad"]
    <Trend.POSITIV: 'positiv'>
    """
    ramtyp(indikatorer, "styrkort", argument="indikatorer", dask=False)
    _kontrollera_indikatorkolumner(indikatorer, "styrkort: indikatorer")
    if avrundning is not None:
        avrundning = heltal(
            avrundning, "styrkort: avrundning", minst=-_MAX_AVRUNDNING, högst=_MAX_AVRUNDNING
        )
    if delvis is not None and not isinstance(delvis, Delvis) and not callable(delvis):
        raise FelTypError(
            f"styrkort: delvis must be a hu.Delvis rule, a callable or None, got {kort(delvis)} "
            f"of type {type(delvis).__name__}; e.g. delvis=hu.Delvis.inom(0.05)"
        )
    tröskel = skalär(tröskel, "styrkort: tröskel")
    rimliga_tal(tröskel, "styrkort: tröskel")
    if tröskel < 0:
        raise OgiltigtVärdeError(
            f"styrkort: tröskel must be >= 0 (a distance from the previous value), got {tröskel!r}"
        )
    rader: list[dict[str, Any]] = []
    poster = cast(list[dict[str, Any]], indikatorer.to_dict(orient="records"))
    for radnr, rad in enumerate(poster, start=1):
        try:
            rader.append(_styrkortsrad(rad, radnr, avrundning, delvis, tröskel))
        except HalsouppfoljningError as fel:
            ny = copy.copy(fel)
            if str(fel).startswith(f"row {radnr} ("):
                ny.args = (f"styrkort: indikatorer, {fel}", *fel.args[1:])
            else:
                ny = _med_plats(
                    fel, f"styrkort: indikatorer, row {radnr} ({rad.get('indikator')!r})"
                )
            ny.indikatorrad = radnr  # type: ignore[attr-defined]
            raise ny from fel
    ut = pd.DataFrame(rader, index=indikatorer.index, columns=list(STYRKORTSKOLUMNER))
    ut.attrs = {
        **indikatorer.attrs,
        "avrundning": avrundning,
        "delvis": repr(delvis) if delvis is not None else None,
        "tröskel": tröskel,
    }
    return ut


def _unika_kolumner(kolumner: Any, vad: str) -> None:
    """Each column label once: a duplicated label would make every cell of it two values."""
    etiketter = [str(k) for k in kolumner]
    dubbla = sorted({k for k in etiketter if etiketter.count(k) > 1})
    if dubbla:
        raise OgiltigtVärdeError(
            f"{vad} has the column {kort(dubbla)} more than once; keep one of each "
            "(e.g. frame.loc[:, ~frame.columns.duplicated()])"
        )


def _kontrollera_indikatorkolumner(indikatorer: pd.DataFrame, vad: str) -> None:
    """The columns an indicator table needs, each label once."""
    kontrollera_kolumner(indikatorer.columns, ["indikator"], vad)
    if "målnivå" not in indikatorer.columns and "mål_text" not in indikatorer.columns:
        try:
            kontrollera_kolumner(indikatorer.columns, ["mål_text"], vad)
        except SaknadKolumnError as fel:
            raise SaknadKolumnError(
                f"{fel} Give the targets as text in 'mål_text' (or as hu.Målnivå in 'målnivå')."
            ) from None
    _unika_kolumner(indikatorer.columns, vad)


def _styrkortsrad(
    rad: dict[str, Any],
    radnr: int,
    avrundning: int | None,
    delvis: DelvisRegel | None,
    tröskel: float,
) -> dict[str, Any]:
    """One indicator row of the styrkort."""
    namn = rad["indikator"]
    if _saknas(namn) or (isinstance(namn, str) and not namn.strip()):
        raise OgiltigtVärdeError(
            f"row {radnr} ({namn!r}), column 'indikator': the indicator has no name; write its "
            "name (as the report prints it), or drop the row"
        )
    riktning = _riktning(rad.get("riktning"))
    målnivå = _målnivå_för(rad, riktning, radnr)
    if riktning is None and målnivå is not None:
        riktning = målnivå.riktning
    elif riktning is not None and målnivå is not None and målnivå.riktning not in (None, riktning):
        raise OgiltigtVärdeError(
            f"row {radnr} ({rad.get('indikator')!r}), column 'målnivå': the target "
            f"{målnivå.text or str(målnivå)!r} is {målnivå.riktning.value!r} but the column "
            f"'riktning' says {riktning.value!r}; correct the target or the direction"
        )
    underlag = _underlag(rad)  # every row's numbers checked, with a target or not
    bedömning = _bedöm(rad, underlag, målnivå, avrundning, delvis)
    if isinstance(bedömning, np.ndarray):
        bedömning = tuple(bedömning.tolist())
    avsnitt = rad.get("avsnitt")
    if _saknas(avsnitt):
        avsnitt = rad.get("tabell")
    return {
        "avsnitt": _text_eller_tom(avsnitt),
        "verksamhet": _text_eller_tom(rad.get("verksamhet")),
        "indikator": _text_eller_tom(rad["indikator"]),
        "mål": _måltext(rad, målnivå),
        "utfall": _visning(rad, "utfall_text", "utfall", målnivå),
        "föregående": _visning(rad, "föregående_text", "föregående", målnivå),
        "måluppfyllelse": bedömning,
        "trend_rapporterad": _text_eller_tom(rad.get("trend_rapporterad")),
        "trend_beräknad": _beräknad_trend(underlag, riktning, tröskel),
        "underlag": underlag[3] if målnivå is not None else "",
    }


def _måltext(rad: dict[str, Any], målnivå: Målnivå | None) -> str:
    text = rad.get("mål_text")
    if not _saknas(text) and str(text).strip():
        return str(text)
    if målnivå is None:
        return "-"
    return målnivå.text or str(målnivå)


def _visning(rad: dict[str, Any], textkolumn: str, talkolumn: str, målnivå: Målnivå | None) -> str:
    text = rad.get(textkolumn)
    if not _saknas(text) and str(text).strip():
        return str(text)
    if talkolumn == "utfall":
        delar = rad.get("utfall_delar")
        if isinstance(delar, (tuple, list, np.ndarray)) and len(delar) > 0:
            return "/".join(
                "–" if math.isnan(d) else _format(d, målnivå)
                for d in tal_array(delar, "column 'utfall_delar'").tolist()
            )
    värde = _cell(rad, talkolumn)
    return "" if math.isnan(värde) else _format(värde, målnivå)


def _format(värde: float, målnivå: Målnivå | None) -> str:
    enhet = målnivå.enhet if målnivå is not None else None
    if enhet == "andel":
        return formatera_andel(värde)
    decimaler = 0 if float(värde).is_integer() else 1
    return formatera_tal(värde, decimaler, enhet=enhet if enhet not in (None, "") else None)


# ----------------------------------------------------------------------------- the class


def _organisation(värde: Any) -> Region | Nämnd | Förvaltning | None:
    if värde is None or isinstance(värde, (Region, Nämnd, Förvaltning)):
        return värde
    if isinstance(värde, (str, int, np.integer)) and not isinstance(värde, (bool, np.bool_)):
        try:
            return region(int(värde) if isinstance(värde, np.integer) else värde)
        except HalsouppfoljningError as fel:
            raise _med_plats(fel, f"Uppföljning: organisation {kort(värde)}") from fel
    raise FelTypError(
        f"Uppföljning: organisation must be a Region, Nämnd, Förvaltning, a region's name or "
        f"code, or None, got {kort(värde)} of type {type(värde).__name__}; e.g. "
        "organisation='Västmanland'"
    )


def _period(värde: object) -> str | Period:
    if isinstance(värde, Period):
        return värde
    if not isinstance(värde, str):
        raise FelTypError(
            f"Uppföljning: period must be text such as '2023-02' or 'februari 2023', or a "
            f"hu.Period, got {kort(värde)} of type {type(värde).__name__}; e.g. "
            "period=hu.Period.månad(2023, 2)"
        )
    ut = text(värde, "Uppföljning: period", tom=True)
    if ut:
        try:
            Period.tolka(ut)
        except HalsouppfoljningError as fel:
            raise _med_plats(fel, f"Uppföljning: period {ut!r}") from fel
    return ut


def _källa(värde: object) -> str:
    if värde is not None and not isinstance(värde, str):
        raise FelTypError(
            f"Uppföljning: källa must be text naming the source (the report and its date) or "
            f"None, got {kort(värde)} of type {type(värde).__name__}"
        )
    return valfri_text(värde, "Uppföljning: källa") or ""


#: What each frame of an Uppföljning must hold for the report and the plots: column -> kind
#: ("antal": counts, "andel": shares in [0, 1], "tal": finite numbers, NaN where missing).
_RAMKOLUMNER: dict[str, dict[str, str]] = {
    "väntetider": {
        "antal": "antal",
        "andel": "andel",
        "nedre": "andel",
        "övre": "andel",
        "exkluderade": "antal",
    },
    "kontinuitet": {
        "antal_patienter": "antal",
        "antal_exkluderade": "antal",
        "medel": "tal",
        "median": "tal",
    },
}
#: The amounts of a result statement the report shows; a frame needs at least one.
_EKONOMIKOLUMNER = ("ack_utfall", "ack_budget", "ack_avvikelse", "helår_prognos", "helår_budget")
_RAMRÅD = {
    "väntetider": "pass the result of hu.väntetidsandelar(...)",
    "kontinuitet": "pass the result of hu.kontinuitetsindex(..., per=...)",
    "ekonomi": "pass a result statement such as "
    "hu.exempeldata.resultaträkning_västmanland_2023_02()",
}


def _kontrollera_talkolumn(ram: pd.DataFrame, k: str, slag: str, namn: str) -> None:
    vad = f"Uppföljning: {namn}, column {k!r}"
    celler = ram[k].to_numpy(dtype=object)  # a bad cell is quoted, not the whole column
    värden = rimliga_tal(celler, vad)
    if slag == "antal":
        antal(värden, vad)
    elif slag == "andel":
        kontrollera_andel(värden, vad)


def _valfri_frame(namn: str) -> Callable[[Any, Any, Any], None]:
    def kontroll(instans: Any, attribut: Any, värde: Any) -> None:
        if värde is None:
            return
        if not isinstance(värde, pd.DataFrame):
            raise FelTypError(
                f"Uppföljning: {namn} must be a pandas DataFrame or None, got {kort(värde)} of "
                f"type {type(värde).__name__}; {_RAMRÅD[namn]}"
            )
        vad = f"Uppföljning: {namn}"
        _unika_kolumner(värde.columns, vad)
        if namn == "ekonomi":
            kolumner = [k for k in _EKONOMIKOLUMNER if k in värde.columns]
            if not kolumner:
                raise SaknadKolumnError(
                    f"{vad} has none of the columns {', '.join(map(repr, _EKONOMIKOLUMNER))}; "
                    f"the columns are {kort([str(k) for k in värde.columns], 200)}. "
                    f"{_RAMRÅD[namn]}"
                )
            for k in kolumner:
                _kontrollera_talkolumn(värde, k, "tal", namn)
            return
        if namn == "väntetider" and "gräns" not in värde.columns:
            kontrollera_kolumner(värde.columns, ["gränsnamn"], f"{vad} (gräns or gränsnamn)")
        kontrollera_kolumner(värde.columns, list(_RAMKOLUMNER[namn]), vad)
        for k, slag in _RAMKOLUMNER[namn].items():
            _kontrollera_talkolumn(värde, k, slag, namn)
        if namn == "väntetider" and "gränsnamn" not in värde.columns:
            _kontrollera_talkolumn(värde, "gräns", "tal", namn)
        if namn == "väntetider":
            _kontrollera_andelar(värde)

    return kontroll


def _kontrollera_andelar(ram: pd.DataFrame) -> None:
    """Each row's counts and share agree: antal_inom <= antal, andel = antal_inom / antal,
    nedre <= andel <= övre (a shown share that contradicts its counts is a wrong number)."""
    vad = "Uppföljning: väntetider"
    n = antal(ram["antal"].to_numpy(dtype=object), f"{vad}, column 'antal'")
    andel = rimliga_tal(ram["andel"].to_numpy(dtype=object), f"{vad}, column 'andel'")
    nedre = rimliga_tal(ram["nedre"].to_numpy(dtype=object), f"{vad}, column 'nedre'")
    övre = rimliga_tal(ram["övre"].to_numpy(dtype=object), f"{vad}, column 'övre'")
    inom = (
        antal(ram["antal_inom"].to_numpy(dtype=object), f"{vad}, column 'antal_inom'")
        if "antal_inom" in ram.columns
        else np.full(len(ram), np.nan)
    )
    for i, etikett in enumerate(ram.index):
        plats = f"{vad}, row {kort(etikett)}"
        if inom[i] > n[i]:
            raise OgiltigtVärdeError(
                f"{plats}: antal_inom {inom[i]:g} is more than antal {n[i]:g}; a share within "
                f"the limit counts a part of the patients; or {_RAMRÅD['väntetider']}"
            )
        if n[i] > 0 and not np.isnan(inom[i]) and abs(andel[i] - inom[i] / n[i]) > 1e-6:
            raise OgiltigtVärdeError(
                f"{plats}: andel {float(andel[i])!r} is not antal_inom / antal = {inom[i]:g} / "
                f"{n[i]:g} = {inom[i] / n[i]:.6g}; correct the share or the counts. "
                f"Or {_RAMRÅD['väntetider']}"
            )
        if nedre[i] > andel[i] + 1e-9 or andel[i] > övre[i] + 1e-9:
            raise OgiltigtVärdeError(
                f"{plats}: andel {float(andel[i])!r} is outside its interval [nedre, övre] = "
                f"[{float(nedre[i])!r}, {float(övre[i])!r}]; correct the share or the interval. "
                f"Or {_RAMRÅD['väntetider']}"
            )


@attrs.frozen(kw_only=True)
class Uppföljning:
    """One organisation's follow-up for one period (*uppföljning*).

    A container of what a follow-up report shows; the algorithms are the
    package's functions. :meth:`styrkort` calls :func:`styrkort` on
    ``indikatorer``.

    Parameters
    ----------
    organisation : Region, Nämnd, Förvaltning or None
        Whose follow-up it is (a region spelling is looked up); ``None`` when
        not stated (a user's styrkort file without an organisation).
    period : str or Period
        The period followed up, e.g. "februari 2023", "2023-02" or
        ``Period.månad(2023, 2)`` (kept as the :class:`~halsouppfoljning.Period`).
    indikatorer : pandas.DataFrame
        The indicator table (see the module docstring).
    väntetider : pandas.DataFrame, optional
        Waiting-time shares, as returned by
        :func:`~halsouppfoljning.väntetidsandelar`.
    kontinuitet : pandas.DataFrame, optional
        Continuity per unit, as returned by
        :func:`~halsouppfoljning.kontinuitetsindex` with ``per=``.
    ekonomi : pandas.DataFrame, optional
        The result statement (*resultaträkning*), e.g.
        :func:`~halsouppfoljning.exempeldata.resultaträkning_västmanland_2023_02`.
    prognos : Prognos, optional
        The full-year forecast.
    källa : str
        The source (report, date), shown with the follow-up.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    >>> u.organisation.kortnamn, u.period
    ('HSF', 'februari 2023')
    >>> kort = u.styrkort()
    >>> kort.loc[kort.indikator == "Antal utlokaliserade pat.", "måluppfyllelse"].item()
    <Måluppfyllelse.UPPNÅDD: 'uppnådd'>
    """

    organisation: Region | Nämnd | Förvaltning | None = attrs.field(converter=_organisation)
    period: str | Period = attrs.field(converter=_period)
    indikatorer: pd.DataFrame = attrs.field(eq=False)
    väntetider: pd.DataFrame | None = attrs.field(
        default=None, eq=False, validator=_valfri_frame("väntetider")
    )
    kontinuitet: pd.DataFrame | None = attrs.field(
        default=None, eq=False, validator=_valfri_frame("kontinuitet")
    )
    ekonomi: pd.DataFrame | None = attrs.field(
        default=None, eq=False, validator=_valfri_frame("ekonomi")
    )
    prognos: Prognos | None = attrs.field(default=None)
    källa: str = attrs.field(default="", converter=_källa)

    @indikatorer.validator
    def _kontrollera_indikatorer(self, attribut: Any, värde: Any) -> None:
        ramtyp(värde, "Uppföljning", argument="indikatorer", dask=False)
        _kontrollera_indikatorkolumner(värde, "Uppföljning: indikatorer")
        try:
            styrkort(värde)  # every row readable: the report can then always be drawn
        except HalsouppfoljningError as fel:  # named as the caller called it
            ny = copy.copy(fel)
            meddelande = str(fel)
            if meddelande.startswith("styrkort: indikatorer"):
                meddelande = meddelande.removeprefix("styrkort: indikatorer")
            else:  # pragma: no cover - styrkort names indikatorer in every row error
                meddelande = f": {meddelande}"
            ny.args = (f"Uppföljning: indikatorer{meddelande}", *fel.args[1:])
            raise ny from fel

    @prognos.validator
    def _kontrollera_prognos(self, attribut: Any, värde: Any) -> None:
        if värde is not None and not isinstance(värde, Prognos):
            raise FelTypError(
                f"Uppföljning: prognos must be a hu.Prognos or None, got {kort(värde)} of type "
                f"{type(värde).__name__}; read report text with hu.Prognos.tolka(...)"
            )

    @classmethod
    def from_csv(
        cls,
        källa: str | os.PathLike[str] | io.TextIOBase,
        *,
        organisation: Region | Nämnd | Förvaltning | str | None = None,
        period: str | Period = "",
        källtext: str = "",
    ) -> Uppföljning:
        """A follow-up from a user's styrkort CSV (see :func:`~halsouppfoljning.läs_styrkort`).

        The reading is the text edge's
        (:func:`halsouppfoljning.tolka.styrkort.uppföljning_från_csv`); this
        method hands off to it.

        Examples
        --------
        >>> import io
        >>> import halsouppfoljning as hu
        >>> csv = io.StringIO("indikator,mål,utfall\\nBeläggningsgrad,85-90 %,96 %\\n")
        >>> u = hu.Uppföljning.from_csv(csv, organisation="Västmanland", period="2023-02")
        >>> u.styrkort()["måluppfyllelse"].item()
        <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
        """
        from .tolka.styrkort import uppföljning_från_csv  # noqa: PLC0415 - the edge, on demand

        return uppföljning_från_csv(
            källa, organisation=organisation, period=period, källtext=källtext
        )

    def styrkort(
        self,
        *,
        avrundning: int | None = None,
        delvis: DelvisRegel | None = None,
        tröskel: float = 0.0,
    ) -> pd.DataFrame:
        """The assessed styrkort: :func:`styrkort` on ``self.indikatorer``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
        >>> len(u.styrkort()) == len(u.indikatorer)
        True
        """
        return styrkort(self.indikatorer, avrundning=avrundning, delvis=delvis, tröskel=tröskel)

    def rapport(
        self,
        *,
        format: Literal["text", "markdown", "html"] = "text",
        bredd: int | None = None,
        avrundning: int | None = None,
        delvis: DelvisRegel | None = None,
        tröskel: float = 0.0,
        fristående: bool = True,
        figurer: bool = True,
    ) -> str:
        """The whole follow-up as a document: :func:`~halsouppfoljning.rapport` on ``self``.

        The rendering is the edge :mod:`halsouppfoljning.rapport`; this method
        hands off to it with the same arguments (``bredd`` the text width in
        characters; ``fristående`` and ``figurer`` for HTML).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
        >>> u.rapport(format="markdown").startswith("# Uppföljning")
        True
        >>> max(len(rad) for rad in u.rapport(bredd=60).splitlines()) <= 60
        True
        """
        from .rapport import rapport  # noqa: PLC0415 - the rendering edge, on demand

        return rapport(
            self,
            format=format,
            bredd=bredd,
            avrundning=avrundning,
            delvis=delvis,
            tröskel=tröskel,
            fristående=fristående,
            figurer=figurer,
        )

    def _repr_html_(self) -> str:
        """The follow-up as HTML for a notebook: :func:`~halsouppfoljning.rapport` as a fragment.

        The styrkort with each assessment's colour and symbol, the tables with
        Swedish numbers; no figures (draw them with :mod:`halsouppfoljning.plot`).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
        >>> u._repr_html_().startswith('<div class="hu-rapport">')
        True
        """
        from .rapport import rapport  # noqa: PLC0415 - the rendering edge, on demand

        return rapport(self, format="html", fristående=False, figurer=False)
