"""The rendering edge: a styrkort and a whole follow-up as plain text, Markdown or HTML.

:func:`formatera_styrkort` renders the table :func:`~halsouppfoljning.styrkort`
returns; :func:`rapport` renders a whole :class:`~halsouppfoljning.Uppföljning`
(styrkort per section, result statement, forecast, waiting times,
continuity). What is rendered is for a Swedish reader (headings, numbers with a
decimal comma); the explanatory notes are English for now.
:meth:`Uppföljning.rapport <halsouppfoljning.Uppföljning.rapport>` hands off
here.

Examples
--------
>>> import halsouppfoljning as hu
>>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
>>> hu.rapport(u, format="markdown").splitlines()[0]
'# Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari 2023'
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import pandas as pd

from ._indata import kontrollera_kolumner
from .ekonomi import budgetavvikelse
from .exceptions import OgiltigtVärdeError
from .indikatorer import DelvisRegel, Måluppfyllelse, Trend, formatera_andel, formatera_tal
from .organisation import Förvaltning, Nämnd, Region
from .uppfoljning import Uppföljning, styrkort

__all__ = ["formatera_styrkort", "rapport"]

#: The output formats: aligned plain text, a Markdown pipe table, HTML (text escaped).
Format: TypeAlias = Literal["text", "markdown", "html"]


# ----------------------------------------------------------------------------- styrkort


def _bedömningstext(värde: Any) -> str:
    if isinstance(värde, tuple):
        return " / ".join(_bedömningstext(v) for v in värde)
    if isinstance(värde, (Måluppfyllelse, Trend)):
        return str(värde.value)
    if värde is None or värde is pd.NA or värde is pd.NaT:
        return ""
    if isinstance(värde, float) and math.isnan(värde):
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
    format: Format = "text",
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
    format: Format = "text",
    avrundning: int | None = None,
    delvis: DelvisRegel | None = None,
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
