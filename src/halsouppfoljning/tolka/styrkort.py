"""The styrkort file: a user's CSV of indicators, targets and outcomes as reports print them.

:func:`läs_styrkort` reads it into the indicator table that
:func:`halsouppfoljning.styrkort` assesses; :meth:`Uppföljning.from_csv
<halsouppfoljning.Uppföljning.from_csv>` hands off to :func:`uppföljning_från_csv`.
Targets are read with :meth:`~halsouppfoljning.Målnivå.tolka`, outcomes with
:func:`~halsouppfoljning.tolka_tal`, :func:`~halsouppfoljning.tolka_jämförelse`
and :func:`~halsouppfoljning.tolka_tid`. An error names the line of the file
and the column.

Examples
--------
>>> import io
>>> import halsouppfoljning as hu
>>> csv = io.StringIO('indikator,mål,utfall\\nX,≥80 %,"79,8 %"\\n')
>>> hu.läs_styrkort(csv)["utfall"].item()
0.798
"""

from __future__ import annotations

import io
import math
import os
from typing import Any, cast

import pandas as pd

from .._indata import kontrollera_kolumner
from ..exceptions import OgiltigtVärdeError, TolkningsError
from ..indikatorer import Målnivå, Riktning
from ..organisation import Förvaltning, Nämnd, Region
from ..perioder import Period
from ..uppfoljning import Uppföljning
from ._grund import enkla_mellanrum
from .tal import tolka_jämförelse, tolka_tal, tolka_tid

__all__ = ["CSV_KOLUMNER", "läs_styrkort", "uppföljning_från_csv"]


#: Columns of a user's styrkort CSV; only the first three are required.
CSV_KOLUMNER = ("indikator", "mål", "utfall", "föregående", "riktning", "trend", "plan", "avsnitt")


def _läs_utfallstext(text: str) -> tuple[float, float | None, tuple[float, ...] | None]:
    t = enkla_mellanrum(text)
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


def _riktning(text: str) -> Riktning | None:
    """The direction as the file writes it ("högre är bättre"); empty gives None."""
    t = enkla_mellanrum(text)
    if not t:
        return None
    try:
        return Riktning(t)
    except ValueError:
        raise OgiltigtVärdeError(
            f"riktning {text!r} is not one of {[r.value for r in Riktning]}"
        ) from None


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
    df.columns = [enkla_mellanrum(str(k)) for k in df.columns]
    kontrollera_kolumner(df.columns, ["indikator", "mål", "utfall"], "styrkort file")
    ut: list[dict[str, Any]] = []
    for i, rad in enumerate(cast(list[dict[str, Any]], df.to_dict(orient="records"))):
        radnr = i + 1 + radförskjutning

        try:
            riktning = _riktning(str(rad.get("riktning", "")))
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


def uppföljning_från_csv(
    källa: str | os.PathLike[str] | io.TextIOBase,
    *,
    organisation: Region | Nämnd | Förvaltning | str | None = None,
    period: str | Period = "",
    källtext: str = "",
) -> Uppföljning:
    """A follow-up from a user's styrkort CSV (the reading behind :meth:`Uppföljning.from_csv`).

    Parameters
    ----------
    källa : path or file object
        The CSV (see :func:`läs_styrkort`).
    organisation : Region, Nämnd, Förvaltning or str, optional
        Whose follow-up it is (a region spelling is looked up).
    period : str or Period
        The period followed up.
    källtext : str
        The source shown with the follow-up; default the file's name.

    Returns
    -------
    Uppföljning

    Examples
    --------
    >>> import io
    >>> from halsouppfoljning.tolka.styrkort import uppföljning_från_csv
    >>> csv = io.StringIO("indikator,mål,utfall\\nBeläggningsgrad,85-90 %,96 %\\n")
    >>> u = uppföljning_från_csv(csv, organisation="19", period="2023-02")
    >>> u.organisation.namn, len(u.indikatorer)
    ('Region Västmanland', 1)
    """
    return Uppföljning(
        organisation=organisation,
        period=period,
        indikatorer=läs_styrkort(källa),
        källa=källtext or str(getattr(källa, "name", källa)),
    )
