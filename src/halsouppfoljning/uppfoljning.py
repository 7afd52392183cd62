"""A whole follow-up (*uppföljning*): one organisation, one period, its styrkort.

:class:`Uppföljning` holds what a follow-up report shows for one organisation
(a :class:`~halsouppfoljning.Region`, :class:`~halsouppfoljning.Nämnd` or
:class:`~halsouppfoljning.Förvaltning`) and one period: its indicators with
targets, outcomes and previous values, its waiting-time shares, its
continuity, its result statement and its forecast. :func:`styrkort` assesses
the indicators and returns the table a report shows; :func:`formatera_styrkort`
renders it as plain text, Markdown or HTML; :func:`läs_styrkort` reads a
user's CSV of the same shape.

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

import html
import io
import math
import os
from collections.abc import Callable, Sequence
from typing import Any, cast

import attrs
import numpy as np
import pandas as pd

from ._indata import kontrollera_kolumner, nfc
from .ekonomi import budgetavvikelse
from .exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from .indikatorer import (
    Delvis,
    Målnivå,
    Måltyp,
    Måluppfyllelse,
    Riktning,
    Trend,
    måluppfyllelse,
    trend,
)
from .organisation import Förvaltning, Nämnd, Region, region
from .prognos import Prognos
from .tolka import formatera_andel, formatera_tal, tolka_jämförelse, tolka_tal, tolka_tid

__all__ = [
    "Uppföljning",
    "formatera_styrkort",
    "läs_styrkort",
    "rapport",
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
_BEHÖVER_FÖREGÅENDE = (Måltyp.RELATIV_FÖRÄNDRING, Måltyp.MOT_FÖREGÅENDE)


def _saknas(x: Any) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _tal(x: Any) -> float:
    return math.nan if _saknas(x) else float(x)


def _riktning(x: Any) -> Riktning | None:
    if _saknas(x) or x == "":
        return None
    if isinstance(x, Riktning):
        return x
    try:
        return Riktning(nfc(str(x)).strip().casefold())
    except ValueError:
        raise OgiltigtVärdeError(
            f"riktning {x!r} is not one of {[r.value for r in Riktning]}"
        ) from None


def _underlag(rad: dict[str, Any]) -> tuple[Any, Any, Any, str]:
    """(utfall, föregående, plan, description) to assess one indicator row with.

    A printed change against last year is turned into a pair with the same
    ratio or difference: a change of +10,9 % becomes utfall 1.109 against
    föregående 1; a change of +171 becomes 171 against 0. Relative and
    direction targets depend only on that ratio or difference, so this is the
    same comparison, not an estimate.
    """
    avser = rad.get("utfall_avser") or "nivå"
    delar = rad.get("utfall_delar")
    if isinstance(delar, (tuple, list)) and len(delar) > 0:
        return tuple(delar), None, None, "delar"
    förändring = _tal(rad.get("förändring"))
    if avser == _FÖRÄNDRING_PROCENT and not math.isnan(förändring):
        return 1.0 + förändring, 1.0, None, "förändring mot fg år"
    if avser == _FÖRÄNDRING_ANTAL and not math.isnan(förändring):
        return förändring, 0.0, None, "förändring mot fg år"
    utfall = _tal(rad.get("utfall"))
    if avser == _MOT_PLAN:
        return utfall, None, 0.0, "avvikelse mot plan"
    return utfall, _tal(rad.get("föregående")), _tal(rad.get("plan")), "nivå"


def _regel_gäller(delvis: Delvis | Callable[..., Any] | None, målnivå: Målnivå) -> bool:
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
    målnivå: Målnivå | None,
    avrundning: int | None,
    delvis: Delvis | Callable[..., Any] | None,
) -> Any:
    if målnivå is None:
        return Måluppfyllelse.MÅL_SAKNAS
    utfall, föregående, plan, hur = _underlag(rad)
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
    return måluppfyllelse(
        utfall, målnivå, föregående=f, plan=p, avrundning=avrundning, delvis=regel
    )


def _beräknad_trend(rad: dict[str, Any], riktning: Riktning | None, tröskel: float) -> Trend | None:
    if riktning not in (Riktning.HÖGRE_ÄR_BÄTTRE, Riktning.LÄGRE_ÄR_BÄTTRE):
        return None
    utfall, föregående, _, hur = _underlag(rad)
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
    text = rad.get("mål_text")
    if _saknas(text) or str(text).strip() == "":
        return None
    try:
        tolkad = Målnivå.tolka(str(text), riktning=riktning)
    except (TolkningsError, OgiltigtVärdeError) as fel:
        raise type(fel)(f"row {radnr}, column 'mål': {fel}") from fel
    return None if tolkad.typ is Måltyp.INGET else tolkad


def styrkort(
    indikatorer: pd.DataFrame,
    *,
    avrundning: int | None = None,
    delvis: Delvis | Callable[..., Any] | None = None,
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
    SaknadKolumnError
        If ``indikator`` is missing, or both ``målnivå`` and ``mål_text``.
    TolkningsError, OgiltigtVärdeError
        For a target that cannot be read, naming the row.
    AndelsError
        For a percent outcome passed as 78.8 instead of 0.788, naming the row.

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
    if not isinstance(indikatorer, pd.DataFrame):
        raise FelTypError(
            f"styrkort expects a pandas DataFrame of indicators, got {type(indikatorer).__name__}"
        )
    kontrollera_kolumner(indikatorer.columns, ["indikator"], "styrkort")
    if "målnivå" not in indikatorer.columns:
        kontrollera_kolumner(indikatorer.columns, ["mål_text"], "styrkort (målnivå or mål_text)")
    rader: list[dict[str, Any]] = []
    poster = cast(list[dict[str, Any]], indikatorer.to_dict(orient="records"))
    for radnr, rad in enumerate(poster, start=1):
        riktning = _riktning(rad.get("riktning"))
        målnivå = _målnivå_för(rad, riktning, radnr)
        if riktning is None and målnivå is not None:
            riktning = målnivå.riktning
        try:
            bedömning = _bedöm(rad, målnivå, avrundning, delvis)
        except (OgiltigtVärdeError, FelTypError) as fel:
            raise type(fel)(f"row {radnr} ({rad.get('indikator')!r}): {fel}") from fel
        if isinstance(bedömning, np.ndarray):
            bedömning = tuple(bedömning.tolist())
        rader.append(
            {
                "avsnitt": rad.get("avsnitt", rad.get("tabell", "")) or "",
                "verksamhet": rad.get("verksamhet", "") or "",
                "indikator": rad["indikator"],
                "mål": _måltext(rad, målnivå),
                "utfall": _visning(rad, "utfall_text", "utfall", målnivå),
                "föregående": _visning(rad, "föregående_text", "föregående", målnivå),
                "måluppfyllelse": bedömning,
                "trend_rapporterad": ""
                if _saknas(rad.get("trend_rapporterad"))
                else str(rad["trend_rapporterad"]),
                "trend_beräknad": _beräknad_trend(rad, riktning, tröskel),
                "underlag": _underlag(rad)[3] if målnivå is not None else "",
            }
        )
    ut = pd.DataFrame(rader, index=indikatorer.index, columns=list(STYRKORTSKOLUMNER))
    ut.attrs = {
        **indikatorer.attrs,
        "avrundning": avrundning,
        "delvis": repr(delvis) if delvis is not None else None,
        "tröskel": tröskel,
    }
    return ut


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
        if isinstance(delar, (tuple, list)) and delar:
            return "/".join(_format(d, målnivå) for d in delar)
    värde = _tal(rad.get(talkolumn))
    return "" if math.isnan(värde) else _format(värde, målnivå)


def _format(värde: float, målnivå: Målnivå | None) -> str:
    enhet = målnivå.enhet if målnivå is not None else None
    if enhet == "andel":
        return formatera_andel(värde)
    decimaler = 0 if float(värde).is_integer() else 1
    return formatera_tal(värde, decimaler, enhet=enhet if enhet not in (None, "") else None)


# ----------------------------------------------------------------------------- display


def _bedömningstext(värde: Any) -> str:
    if isinstance(värde, tuple):
        return " / ".join(_bedömningstext(v) for v in värde)
    if isinstance(värde, (Måluppfyllelse, Trend)):
        return str(värde.value)
    if värde is None or _saknas(värde):
        return ""
    return str(värde)


_RUBRIKER = {
    "avsnitt": "Avsnitt",
    "verksamhet": "Verksamhet",
    "indikator": "Indikator",
    "mål": "Mål",
    "utfall": "Utfall",
    "föregående": "Föregående",
    "måluppfyllelse": "Måluppfyllelse",
    "trend_rapporterad": "Trend (rapport)",
    "trend_beräknad": "Trend (beräknad)",
    "underlag": "Underlag",
}


def formatera_styrkort(
    tabell: pd.DataFrame,
    *,
    format: str = "text",
    kolumner: Sequence[str] = (
        "indikator",
        "mål",
        "utfall",
        "föregående",
        "måluppfyllelse",
        "trend_rapporterad",
        "trend_beräknad",
    ),
) -> str:
    """Render a styrkort as plain text, Markdown or HTML.

    Parameters
    ----------
    tabell : pandas.DataFrame
        The result of :func:`styrkort`.
    format : {"text", "markdown", "html"}
        Plain text with aligned columns, a Markdown pipe table, or an HTML
        table (text escaped).
    kolumner : sequence of str
        The columns to show, in order.

    Returns
    -------
    str

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``format``.
    SaknadKolumnError
        For a column not in ``tabell``.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> underlag = pd.DataFrame(
    ...     {"indikator": ["Beläggningsgrad"], "mål_text": ["85-90 %"], "utfall": [0.96]}
    ... )
    >>> kort = hu.styrkort(underlag)
    >>> visa = ["indikator", "mål", "utfall", "måluppfyllelse"]
    >>> print(hu.formatera_styrkort(kort, format="markdown", kolumner=visa))
    | Indikator | Mål | Utfall | Måluppfyllelse |
    |---|---|---|---|
    | Beläggningsgrad | 85-90 % | 96,0 % | ej uppnådd |
    """
    if format not in ("text", "markdown", "html"):
        raise OgiltigtVärdeError(
            f"formatera_styrkort: format must be 'text', 'markdown' or 'html', got {format!r}"
        )
    kontrollera_kolumner(tabell.columns, list(kolumner), "formatera_styrkort")
    rubriker = [_RUBRIKER.get(k, k) for k in kolumner]
    celler = [[_bedömningstext(rad[k]) for k in kolumner] for _, rad in tabell.iterrows()]
    return _tabelltext(rubriker, celler, format, klass="styrkort")


# ----------------------------------------------------------------------------- reading CSV

#: Columns of a user's styrkort CSV; only the first three are required.
CSV_KOLUMNER = ("indikator", "mål", "utfall", "föregående", "riktning", "trend", "plan", "avsnitt")


def _läs_utfallstext(text: str) -> tuple[float, float | None, tuple[float, ...] | None]:
    t = nfc(text).strip()
    if "(" in t:
        utfall, föregående = tolka_jämförelse(t)
        return utfall, föregående, None
    if "/" in t:
        bitar = [d.strip() for d in t.split("/")]
        # a unit written once at the end ("48,4/31,0/56,0 %") applies to every part
        enhet = bitar[-1].lstrip("0123456789,.+-\u2212\u2013 ")
        if enhet:
            bitar = [b if b.endswith(enhet) else f"{b} {enhet}" for b in bitar]
        delar = tuple(float(tolka_tal(b)) for b in bitar)
        return math.nan, None, delar
    if ":" in t:
        tid = tolka_tid(t)
        return (math.nan if tid is None else tid.total_seconds() / 60.0), None, None
    return float(tolka_tal(t)), None, None


def _cellfel(radnr: int, kolumn: str, orsak: Exception) -> Exception:
    """The same kind of error, its message prefixed with the file line and column."""
    return type(orsak)(f"line {radnr}, column {kolumn!r}: {orsak}")


def läs_styrkort(källa: str | os.PathLike[str] | io.TextIOBase | pd.DataFrame) -> pd.DataFrame:
    """Read a user's styrkort CSV into the indicator table :func:`styrkort` takes.

    Parameters
    ----------
    källa : path, file object or DataFrame
        A UTF-8 CSV (comma-separated; lines starting with ``#`` are comments)
        or a DataFrame of strings, with the columns ``indikator``, ``mål``,
        ``utfall`` (required) and ``föregående``, ``riktning``, ``trend``,
        ``plan``, ``avsnitt`` (optional). Values are written as in reports:
        ``mål`` "≥80 %", "85-90 %", "Lägre än fg år", "-"; ``utfall`` "78,8 %",
        "94 (140)" (the previous year in parentheses), "48,4/31,0/56,0 %" (a
        composite, one part per sub-target), "14:58" (mm:ss, read as
        minutes); ``riktning`` "högre är bättre", "lägre är bättre" or "inom
        intervall" (required for bare targets such as "85 %").

    Returns
    -------
    pandas.DataFrame
        Columns ``avsnitt``, ``indikator``, ``mål_text``, ``målnivå``,
        ``riktning``, ``utfall``, ``utfall_text``, ``utfall_delar``,
        ``föregående``, ``föregående_text``, ``plan``, ``trend_rapporterad``.

    Raises
    ------
    SaknadKolumnError
        If a required column is missing (the message lists the columns found).
    TolkningsError, OgiltigtVärdeError
        For a cell that cannot be read; the message names the row (as the
        line of the file, header = line 1) and the column.

    Examples
    --------
    >>> import io
    >>> import halsouppfoljning as hu
    >>> csv = io.StringIO(
    ...     "indikator,mål,utfall,riktning\\n"
    ...     "Andel besök 90 dagar,95 %,\\"78,8 %\\",högre är bättre\\n"
    ...     "Utlokaliserade patienter,Lägre än fg år,94 (140),lägre är bättre\\n"
    ... )
    >>> underlag = hu.läs_styrkort(csv)
    >>> underlag[["utfall", "föregående"]].to_numpy().tolist()
    [[0.788, nan], [94.0, 140.0]]
    >>> [m.value for m in hu.styrkort(underlag)["måluppfyllelse"]]
    ['ej uppnådd', 'uppnådd']
    """
    if isinstance(källa, pd.DataFrame):
        df = källa.astype(object).where(källa.notna(), "")
        radförskjutning = 1
    else:
        try:
            df = pd.read_csv(
                källa, dtype=str, keep_default_na=False, comment="#", skip_blank_lines=True
            )
        except UnicodeDecodeError as fel:
            raise TolkningsError(
                f"cannot read the styrkort file {str(källa)!r}: it is not UTF-8 text ({fel}); "
                "save it as UTF-8"
            ) from fel
        except pd.errors.ParserError as fel:
            raise TolkningsError(
                f"cannot read the styrkort file {str(källa)!r} as CSV: {fel}"
            ) from fel
        radförskjutning = 1
    df.columns = [nfc(str(k)).strip() for k in df.columns]
    kontrollera_kolumner(df.columns, ["indikator", "mål", "utfall"], "styrkort file")
    ut: list[dict[str, Any]] = []
    for i, rad in enumerate(cast(list[dict[str, Any]], df.to_dict(orient="records"))):
        radnr = i + 1 + radförskjutning

        try:
            riktning = _riktning(str(rad.get("riktning", "")).strip() or None)
        except OgiltigtVärdeError as orsak:
            raise _cellfel(radnr, "riktning", orsak) from orsak
        måltext = str(rad["mål"]).strip()
        try:
            målnivå = Målnivå.tolka(måltext, riktning=riktning) if måltext else None
        except (TolkningsError, OgiltigtVärdeError) as orsak:
            raise _cellfel(radnr, "mål", orsak) from orsak
        utfallstext = str(rad["utfall"]).strip()
        try:
            utfall, föregående, delar = _läs_utfallstext(utfallstext)
        except (TolkningsError, OgiltigtVärdeError) as orsak:
            raise _cellfel(radnr, "utfall", orsak) from orsak
        if (
            delar is not None
            and målnivå is not None
            and "andel" in {målnivå.enhet, *(d.enhet for d in målnivå.delar)}
            and not utfallstext.endswith("%")
        ):
            raise _cellfel(
                radnr,
                "utfall",
                TolkningsError(
                    f"the composite outcome {utfallstext!r} has no unit while its target "
                    f"{måltext!r} is in percent; write it as '{utfallstext} %'"
                ),
            )
        föregående_text = str(rad.get("föregående", "")).strip()
        if föregående_text:
            try:
                föregående = float(tolka_tal(föregående_text))
            except TolkningsError as orsak:
                raise _cellfel(radnr, "föregående", orsak) from orsak
        plantext = str(rad.get("plan", "")).strip()
        try:
            plan = float(tolka_tal(plantext)) if plantext else math.nan
        except TolkningsError as orsak:
            raise _cellfel(radnr, "plan", orsak) from orsak
        ut.append(
            {
                "avsnitt": str(rad.get("avsnitt", "")).strip(),
                "indikator": str(rad["indikator"]).strip(),
                "mål_text": måltext,
                "målnivå": målnivå,
                "riktning": riktning.value if riktning is not None else "",
                "utfall": utfall,
                "utfall_text": utfallstext,
                "utfall_delar": delar,
                "föregående": math.nan if föregående is None else föregående,
                "föregående_text": föregående_text,
                "plan": plan,
                "trend_rapporterad": str(rad.get("trend", "")).strip(),
            }
        )
    return pd.DataFrame(
        ut,
        columns=[
            "avsnitt",
            "indikator",
            "mål_text",
            "målnivå",
            "riktning",
            "utfall",
            "utfall_text",
            "utfall_delar",
            "föregående",
            "föregående_text",
            "plan",
            "trend_rapporterad",
        ],
    )


# ----------------------------------------------------------------------------- the class


def _organisation(värde: Any) -> Region | Nämnd | Förvaltning | None:
    if värde is None or isinstance(värde, (Region, Nämnd, Förvaltning)):
        return värde
    if isinstance(värde, (str, int)):
        return region(värde)
    raise FelTypError(
        f"Uppföljning.organisation must be a Region, Nämnd, Förvaltning or None, got {värde!r}"
    )


def _valfri_frame(namn: str) -> Callable[[Any, Any, Any], None]:
    def kontroll(instans: Any, attribut: Any, värde: Any) -> None:
        if värde is not None and not isinstance(värde, pd.DataFrame):
            raise FelTypError(
                f"Uppföljning.{namn} must be a pandas DataFrame or None, got {type(värde).__name__}"
            )

    return kontroll


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
    period : str
        The period followed up, e.g. "februari 2023" or "2023-02".
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
    period: str = attrs.field(validator=attrs.validators.instance_of(str))
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
    källa: str = attrs.field(default="")

    @indikatorer.validator
    def _kontrollera_indikatorer(self, attribut: Any, värde: Any) -> None:
        if not isinstance(värde, pd.DataFrame):
            raise FelTypError(
                f"Uppföljning.indikatorer must be a pandas DataFrame, got {type(värde).__name__}"
            )
        kontrollera_kolumner(värde.columns, ["indikator"], "Uppföljning.indikatorer")

    @prognos.validator
    def _kontrollera_prognos(self, attribut: Any, värde: Any) -> None:
        if värde is not None and not isinstance(värde, Prognos):
            raise FelTypError(f"Uppföljning.prognos must be a Prognos or None, got {värde!r}")

    @classmethod
    def from_csv(
        cls,
        källa: str | os.PathLike[str] | io.TextIOBase,
        *,
        organisation: Region | Nämnd | Förvaltning | str | None = None,
        period: str = "",
        källtext: str = "",
    ) -> Uppföljning:
        """Build a follow-up from a user's styrkort CSV (see :func:`läs_styrkort`).

        Examples
        --------
        >>> import io
        >>> import halsouppfoljning as hu
        >>> csv = io.StringIO("indikator,mål,utfall\\nBeläggningsgrad,85-90 %,96 %\\n")
        >>> u = hu.Uppföljning.from_csv(csv, organisation="Västmanland", period="2023-02")
        >>> u.styrkort()["måluppfyllelse"].item()
        <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
        """
        return cls(
            organisation=organisation,
            period=period,
            indikatorer=läs_styrkort(källa),
            källa=källtext or str(getattr(källa, "name", källa)),
        )

    def styrkort(
        self,
        *,
        avrundning: int | None = None,
        delvis: Delvis | Callable[..., Any] | None = None,
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

    def rapport(self, *, format: str = "text", **kwargs: Any) -> str:
        """The whole follow-up as a document: :func:`rapport` on ``self``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
        >>> u.rapport(format="markdown").startswith("# Uppföljning")
        True
        """
        return rapport(self, format=format, **kwargs)


# ----------------------------------------------------------------------------- whole report


def _organisationsnamn(org: Region | Nämnd | Förvaltning | None) -> str:
    if org is None:
        return "(organisation not stated)"
    if isinstance(org, Region):
        return org.namn
    return f"{org.namn} ({org.region.namn})"


def _sammanfattning(bedömningar: pd.Series[Any]) -> str:
    platt: list[Måluppfyllelse] = []
    for b in bedömningar:
        platt.extend(b if isinstance(b, tuple) else (b,))
    delar = [
        f"{sum(1 for b in platt if b is m)} {m.value}"
        for m in Måluppfyllelse
        if any(b is m for b in platt)
    ]
    return ", ".join(delar)


def _rubrik(text: str, nivå: int, format: str) -> str:
    if format == "markdown":
        return "#" * nivå + " " + text
    if format == "html":
        return f"<h{nivå}>{html.escape(text)}</h{nivå}>"
    understrykning = "=" if nivå == 1 else "-"
    return f"{text}\n{understrykning * len(text)}"


def _stycke(text: str, format: str) -> str:
    return f"<p>{html.escape(text)}</p>" if format == "html" else text


def _tabelltext(
    rubriker: Sequence[str], celler: Sequence[Sequence[str]], format: str, klass: str = ""
) -> str:
    """A table as aligned plain text, a Markdown pipe table or an HTML table (text escaped)."""
    if format == "markdown":
        skyddade = [[c.replace("|", "\\|") for c in rad] for rad in celler]
        return "\n".join(
            ["| " + " | ".join(rubriker) + " |", "|" + "---|" * len(rubriker)]
            + ["| " + " | ".join(rad) + " |" for rad in skyddade]
        )
    if format == "html":
        huvud = "".join(f"<th>{html.escape(r)}</th>" for r in rubriker)
        kropp = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in rad) + "</tr>" for rad in celler
        )
        attribut = f' class="{klass}"' if klass else ""
        return f"<table{attribut}><thead><tr>{huvud}</tr></thead><tbody>{kropp}</tbody></table>"
    bredd = [max([len(r), *(len(rad[i]) for rad in celler)]) for i, r in enumerate(rubriker)]
    rader = [list(rubriker), ["-" * b for b in bredd], *celler]
    return "\n".join(
        "  ".join(v.ljust(b) for v, b in zip(rad, bredd, strict=True)).rstrip() for rad in rader
    )


def _enkel_tabell(df: pd.DataFrame, format: str) -> str:
    celler = [[str(v) for v in rad] for rad in df.itertuples(index=False)]
    return _tabelltext([str(k) for k in df.columns], celler, format)


def rapport(
    uppföljning: Uppföljning,
    *,
    format: str = "text",
    avrundning: int | None = None,
    delvis: Delvis | Callable[..., Any] | None = None,
    tröskel: float = 0.0,
) -> str:
    """The whole follow-up as a document: styrkort, economy, forecast, waiting times, continuity.

    Parameters
    ----------
    uppföljning : Uppföljning
        The follow-up to render.
    format : {"text", "markdown", "html"}
        Output format.
    avrundning, delvis, tröskel
        Passed to :func:`styrkort`.

    Returns
    -------
    str

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    >>> text = hu.rapport(u)
    >>> "Styrkort" in text and "Prognos -890 mnkr +20/-50 mnkr" in text
    True
    """
    if format not in ("text", "markdown", "html"):
        raise OgiltigtVärdeError(
            f"rapport: format must be 'text', 'markdown' or 'html', got {format!r}"
        )
    u = uppföljning
    titel = f"Uppföljning: {_organisationsnamn(u.organisation)}"
    delar: list[str] = [_rubrik(f"{titel}, {u.period}" if u.period else titel, 1, format)]
    if u.källa:
        delar.append(_stycke(f"Källa: {u.källa}", format))

    kort = styrkort(u.indikatorer, avrundning=avrundning, delvis=delvis, tröskel=tröskel)
    delar.append(_rubrik("Styrkort", 2, format))
    regel = "unrounded" if avrundning is None else f"rounded half up to {avrundning} decimals"
    delar.append(
        _stycke(
            "Måluppfyllelse computed from the published targets and outcomes "
            f"(comparison {regel}; "
            + ("no 'delvis' rule" if delvis is None else "a stated 'delvis' rule")
            + "). Trend (rapport) is the report's word; Trend (beräknad) is computed "
            f"against the printed comparison value with threshold {tröskel:g}. "
            f"Summary: {_sammanfattning(kort['måluppfyllelse'])}.",
            format,
        )
    )
    avsnitt = kort["avsnitt"].tolist()
    for namn in dict.fromkeys(avsnitt):
        del_kort = kort[kort["avsnitt"] == namn]
        if namn:
            delar.append(_rubrik(str(namn).capitalize(), 3, format))
        delar.append(formatera_styrkort(del_kort, format=format))

    if u.ekonomi is not None and len(u.ekonomi):
        delar.append(_rubrik("Resultaträkning", 2, format))
        delar.append(_ekonomiavsnitt(u.ekonomi, format))
    if u.prognos is not None:
        p = u.prognos
        delar.append(_rubrik("Helårsprognos", 2, format))
        rader = [
            f"Prognos {p}: interval [{formatera_tal(p.nedre, 1)}, {formatera_tal(p.övre, 1)}] "
            f"{p.enhet}, {p.avser}, upprättad {p.upprättad}.",
        ]
        if not math.isnan(p.budget):
            rader.append(
                f"Against budget {formatera_tal(p.budget, 1)} {p.enhet}: "
                f"{formatera_tal(p.avvikelse_mot_budget, 1, enhet=p.enhet)}."
            )
        if not math.isnan(p.föregående):
            rader.append(
                f"Revision against the previous forecast {formatera_tal(p.föregående, 1)} "
                f"{p.enhet}: {formatera_tal(p.revidering, 1, enhet=p.enhet)}."
            )
        delar.append(_stycke(" ".join(rader), format))
    if u.väntetider is not None and len(u.väntetider):
        delar.append(_rubrik("Väntetider", 2, format))
        delar.append(_stycke(str(u.väntetider.attrs.get("rubrik", "")), format))
        delar.append(_enkel_tabell(_väntetidsvisning(u.väntetider), format))
    if u.kontinuitet is not None and len(u.kontinuitet):
        delar.append(_rubrik("Kontinuitet", 2, format))
        delar.append(_stycke(str(u.kontinuitet.attrs.get("rubrik", "")), format))
        delar.append(_enkel_tabell(_kontinuitetsvisning(u.kontinuitet), format))
    return "\n\n".join(d for d in delar if d) + "\n"


def _ekonomiavsnitt(ekonomi: pd.DataFrame, format: str) -> str:
    visning = pd.DataFrame(index=ekonomi.index)
    kolumner = {
        "ack_utfall": "Utfall ack",
        "ack_budget": "Budget ack",
        "ack_avvikelse": "Avvikelse ack (rapport)",
    }
    for k, rubrik in kolumner.items():
        if k in ekonomi.columns:
            visning[rubrik] = ekonomi[k].map(lambda x: formatera_tal(float(x), 1))
    if {"ack_utfall", "ack_budget"} <= set(ekonomi.columns):
        beräknad = budgetavvikelse(ekonomi["ack_utfall"], ekonomi["ack_budget"])
        visning["Avvikelse ack (beräknad)"] = beräknad.map(lambda x: formatera_tal(float(x), 1))
    for k, rubrik in {"helår_prognos": "Prognos helår", "helår_budget": "Budget helår"}.items():
        if k in ekonomi.columns:
            visning[rubrik] = ekonomi[k].map(lambda x: formatera_tal(float(x), 1))
    visning.insert(0, "Post", [str(i) for i in ekonomi.index])
    text = _enkel_tabell(visning, format)
    notis = (
        "Amounts in mnkr; costs negative; deviation = utfall - budget, positive is "
        "favourable. 'beräknad' is computed here from the printed outcome and budget; it can "
        "differ from the printed deviation by 0,1 because the report rounds each column."
    )
    return text + "\n\n" + _stycke(notis, format)


def _väntetidsvisning(df: pd.DataFrame) -> pd.DataFrame:
    ut = pd.DataFrame()
    for k in ("region", "vårdtyp", "mätdatum"):
        if k in df.columns:
            ut[k] = df[k].astype(str).str.slice(0, 40)
    ut["gräns"] = df["gränsnamn"] if "gränsnamn" in df.columns else df["gräns"].astype(str)
    ut["antal"] = df["antal"].astype(str)
    ut["andel"] = df["andel"].map(lambda x: formatera_andel(float(x)))
    ut["95 % intervall"] = [
        f"{formatera_andel(float(a))}-{formatera_andel(float(b))}"
        for a, b in zip(df["nedre"], df["övre"], strict=True)
    ]
    ut["exkluderade"] = df["exkluderade"].astype(str)
    return ut


def _kontinuitetsvisning(df: pd.DataFrame) -> pd.DataFrame:
    ut = pd.DataFrame({"enhet": [str(i) for i in df.index]})
    ut["patienter"] = df["antal_patienter"].astype(str).to_numpy()
    ut["exkluderade"] = df["antal_exkluderade"].astype(str).to_numpy()
    ut["medel"] = [formatera_tal(float(x), 2) for x in df["medel"]]
    ut["median"] = [formatera_tal(float(x), 2) for x in df["median"]]
    return ut
