"""The rendering edge: a styrkort and a whole follow-up as text, Markdown, HTML or a Styler.

:func:`formatera_styrkort` renders the table :func:`~halsouppfoljning.styrkort`
returns; :func:`rapport` renders a whole :class:`~halsouppfoljning.Uppföljning`
(styrkort per section, result statement, forecast, waiting times,
continuity). Everything rendered is for a Swedish reader: Swedish words,
numbers with a decimal comma and a space between thousands, assessments
with a symbol beside the word (:mod:`halsouppfoljning.plot.palett`).

Plain text fits a width (the terminal's, ``COLUMNS``, or ``bredd=``; 80 when
there is no terminal): prose is wrapped between words, tables abbreviate long
texts with "…" and, where that is not enough, show each row as a small
block; numbers are never cut. HTML is one self-contained page (styles inline,
the figures as inline SVG when matplotlib is installed).
:func:`stil_styrkort` and :func:`stil_panel` return a pandas ``Styler`` for
notebooks (pandas needs jinja2 for it).
:meth:`Uppföljning.rapport <halsouppfoljning.Uppföljning.rapport>` and the
notebook display of an :class:`~halsouppfoljning.Uppföljning` hand off here.

Examples
--------
>>> import halsouppfoljning as hu
>>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
>>> hu.rapport(u, format="markdown").splitlines()[0]
'# Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari 2023'
"""

from __future__ import annotations

import html
import io
import math
import re
import shutil
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import pandas as pd

from ._indata import (
    boolesk,
    heltal,
    kontrollera_andel,
    kontrollera_kolumner,
    kort,
    med_funktionsnamn,
    ramtyp,
    rimliga_tal,
    som_lista,
)
from ._indata import kolumner as kolumnnamn
from .ekonomi import budgetavvikelse
from .exceptions import (
    AndelsError,
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    SaknatTilläggError,
)
from .indikatorer import DelvisRegel, Måluppfyllelse, Trend, formatera_andel, formatera_tal
from .organisation import Förvaltning, Nämnd, Region
from .plot import palett
from .uppfoljning import Uppföljning, styrkort

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["formatera_styrkort", "rapport", "stil_panel", "stil_styrkort"]

#: The output formats: plain text within a width, a Markdown pipe table, HTML (text escaped).
Format: TypeAlias = Literal["text", "markdown", "html"]

#: The most decimals a number is written with (as :func:`~halsouppfoljning.formatera_tal`).
_MAX_DECIMALER = 15

#: The width of plain text when there is no terminal and no ``COLUMNS``.
STANDARDBREDD = 80
_MINSTA_BREDD = 30


def _kontrollera_format(format: object, vad: str) -> str:
    if not isinstance(format, str):
        raise FelTypError(
            f"{vad}: format must be 'text', 'markdown' or 'html', got {kort(format)} of type "
            f"{type(format).__name__}; pass for example format='text'"
        )
    if format not in ("text", "markdown", "html"):
        raise OgiltigtVärdeError(
            f"{vad}: format must be 'text', 'markdown' or 'html', got {format!r}; "
            "pass for example format='text'"
        )
    return format


def _bredd(bredd: int | None, vad: str) -> int:
    """The width of plain text: ``bredd``, else the terminal's or ``COLUMNS``, else 80."""
    if bredd is None:
        return max(shutil.get_terminal_size((STANDARDBREDD, 24)).columns, _MINSTA_BREDD)
    return heltal(bredd, f"{vad}: bredd", minst=_MINSTA_BREDD)


# ----------------------------------------------------------------------------- text layout

_TALTECKEN = re.compile(r"(?<=\d) (?=\d)")
_TALCELL = re.compile(r"[-+−]?\d[\d ,.:]*( ?%| ?mnkr| ?kr)?")


def _ombryt(text: str, bredd: int, indrag: str = "") -> str:
    """Wrap prose between words; never between the digit groups of a number.

    A word longer than the whole line (a name without spaces) is the one thing
    broken inside, so that every line fits.
    """
    skyddad = _TALTECKEN.sub("\u00a0", text)
    rader = textwrap.wrap(
        skyddad,
        width=bredd,
        initial_indent=indrag,
        subsequent_indent=indrag,
        break_long_words=True,
        break_on_hyphens=False,
    )
    return "\n".join(r.replace("\u00a0", " ") for r in rader)


def _förkorta(text: str, bredd: int) -> str:
    """``text`` in at most ``bredd`` characters, ending in "…"; never cut inside a number."""
    if len(text) <= bredd:
        return text
    k = bredd - 1
    while k > 0 and (text[k - 1].isdigit() or text[k].isdigit()):
        k -= 1
    return text[:k].rstrip() + "…"


def _talkolumner(celler: Sequence[Sequence[str]], n: int) -> list[bool]:
    """Which columns hold numbers only (empty cells aside; an empty column is text)."""
    return [
        any(rad[i] for rad in celler)
        and all(rad[i] == "" or _TALCELL.fullmatch(rad[i]) is not None for rad in celler)
        for i in range(n)
    ]


def _radbrutna_rubriker(rubriker: Sequence[str], bredder: Sequence[int]) -> list[list[str]]:
    delar = [
        textwrap.wrap(r, width=b, break_long_words=False) or [""]
        for r, b in zip(rubriker, bredder, strict=True)
    ]
    höjd = max(len(d) for d in delar)
    return [
        [_förkorta(d[i], b) if i < len(d) else "" for d, b in zip(delar, bredder, strict=True)]
        for i in range(höjd)
    ]


def _texttabell(rubriker: Sequence[str], celler: Sequence[Sequence[str]], bredd: int) -> str:
    """A table within ``bredd``: abbreviated texts, or each row as a block when that fails."""
    n = len(rubriker)
    tal = _talkolumner(celler, n)
    cellbredd = [max([0, *(len(rad[i]) for rad in celler)]) for i in range(n)]
    naturlig = [max(len(r), c) for r, c in zip(rubriker, cellbredd, strict=True)]
    minsta = []
    for i, r in enumerate(rubriker):
        ordbredd = max(len(o) for o in r.split()) if r.strip() else 0
        if tal[i]:
            minsta.append(max(cellbredd[i], ordbredd))
        else:
            # a text keeps half its width and its heading's longest word: below that a
            # reader is better served by one block per row
            behåll = max(min(naturlig[i], 12), -(-naturlig[i] // 2), min(ordbredd, 16))
            minsta.append(min(naturlig[i], behåll))
    bredder = list(naturlig)
    mellanrum = 2 * (n - 1)
    while sum(bredder) + mellanrum > bredd:
        kandidater = [i for i in range(n) if bredder[i] > minsta[i]]
        if not kandidater:
            return _blocktabell(rubriker, celler, bredd)
        i = max(kandidater, key=lambda j: bredder[j] - minsta[j])
        bredder[i] -= 1

    def rad(värden: Sequence[str]) -> str:
        return "  ".join(
            (v.rjust(b) if tal[i] else v.ljust(b))
            for i, (v, b) in enumerate(zip(värden, bredder, strict=True))
        ).rstrip()

    huvud = [rad(r) for r in _radbrutna_rubriker(rubriker, bredder)]
    linje = "  ".join("-" * b for b in bredder)
    kropp = [rad([_förkorta(c, b) for c, b in zip(r, bredder, strict=True)]) for r in celler]
    return "\n".join([*huvud, linje, *kropp])


def _blocktabell(rubriker: Sequence[str], celler: Sequence[Sequence[str]], bredd: int) -> str:
    """Each row as a block: the first cell as its heading, the others as "rubrik: värde"."""
    block = []
    for rad in celler:
        rader = [_ombryt(rad[0], bredd) or "–"]
        par = [f"{r}: {v}" for r, v in zip(rubriker[1:], rad[1:], strict=True) if v]
        aktuell = ""
        for p in par:
            försök = f"{aktuell} · {p}" if aktuell else p
            if len(försök) + 2 <= bredd:
                aktuell = försök
                continue
            if aktuell:
                rader.append("  " + aktuell)
            if len(p) + 2 <= bredd:
                aktuell = p
            else:
                rader.append(_ombryt(p, bredd, indrag="  "))
                aktuell = ""
        if aktuell:
            rader.append("  " + aktuell)
        block.append("\n".join(rader))
    return "\n\n".join(block)


# ----------------------------------------------------------------------------- styrkort


def _bedömningstext(värde: Any, *, symbol: bool = True) -> str:
    if isinstance(värde, tuple):
        delar = [_bedömningstext(v, symbol=symbol) for v in värde]
        if delar and all(d == delar[0] for d in delar):
            return f"{delar[0]} (alla {len(delar)})"
        return " / ".join(delar)
    if isinstance(värde, Måluppfyllelse):
        return palett.bedömningsetikett(värde) if symbol else värde.value
    if isinstance(värde, Trend):
        return str(värde.value)
    if värde is None or värde is pd.NA or värde is pd.NaT:
        return ""
    if isinstance(värde, float) and math.isnan(värde):
        return ""
    return str(värde)


def _bedömningar(värde: Any) -> list[Måluppfyllelse]:
    if isinstance(värde, tuple):
        return [v for v in värde if isinstance(v, Måluppfyllelse)]
    return [värde] if isinstance(värde, Måluppfyllelse) else []


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

_STYRKORTSKOLUMNER = (
    "indikator",
    "mål",
    "utfall",
    "föregående",
    "måluppfyllelse",
    "trend_rapporterad",
    "trend_beräknad",
)


def _visade_kolumner(tabell: Any, kolumner: Any, vad: str) -> list[str]:
    """The columns of ``tabell`` to show: names of columns there (a bare name is one), once each."""
    ramtyp(tabell, vad, argument="tabell", dask=False)
    if kolumner is None or isinstance(kolumner, pd.DataFrame):
        raise FelTypError(
            f"{vad}: kolumner must be a column name or a list of them, got {kort(kolumner)}; "
            "e.g. kolumner=['indikator', 'mål', 'utfall', 'måluppfyllelse']"
        )
    namn = som_lista(kolumner, f"{vad}: kolumner")
    if not namn:
        raise OgiltigtVärdeError(
            f"{vad}: kolumner is empty; name at least one column, e.g. "
            "kolumner=['indikator', 'måluppfyllelse']"
        )
    dubbla = sorted({k for k in namn if namn.count(k) > 1})
    if dubbla:
        raise OgiltigtVärdeError(
            f"{vad}: kolumner names {kort(dubbla)} more than once; name each column once"
        )
    etiketter = [str(k) for k in tabell.columns]
    dubbla = sorted({k for k in etiketter if k in namn and etiketter.count(k) > 1})
    if dubbla:
        raise OgiltigtVärdeError(
            f"{vad}: tabell has the column {kort(dubbla)} more than once; keep one of each "
            "(e.g. tabell.loc[:, ~tabell.columns.duplicated()])"
        )
    return list(kolumnnamn(tabell.columns, namn, vad))


def _en_rad(text: str) -> str:
    """A cell on one line: line breaks and tabs in data would break a table's rows."""
    return " ".join(text.split())


def _styrkortsceller(tabell: pd.DataFrame, kolumner: Sequence[str]) -> list[list[str]]:
    return [[_en_rad(_bedömningstext(rad[k])) for k in kolumner] for _, rad in tabell.iterrows()]


def formatera_styrkort(
    tabell: pd.DataFrame,
    *,
    format: Format = "text",
    kolumner: Sequence[str] = _STYRKORTSKOLUMNER,
    bredd: int | None = None,
) -> str:
    """Render a styrkort as plain text, Markdown or HTML, each assessment with its symbol.

    Parameters
    ----------
    tabell : pandas.DataFrame
        The result of :func:`styrkort`.
    format : {"text", "markdown", "html"}
        Plain text within ``bredd``, a Markdown pipe table, or an HTML table
        (text escaped; each assessment cell coloured from
        :mod:`halsouppfoljning.plot.palett`).
    kolumner : sequence of str
        The columns to show, in order.
    bredd : int, optional
        The width of plain text in characters (at least 30); default the
        terminal's, or ``COLUMNS``, or 80. Long texts are abbreviated with
        "…"; when that is not enough each row becomes a block.

    Returns
    -------
    str

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``format`` or a ``bredd`` below 30.
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
    | Beläggningsgrad | 85-90 % | 96,0 % | ✘ ej uppnådd |
    >>> print(hu.formatera_styrkort(kort, kolumner=visa, bredd=40))
    Beläggningsgrad
      Mål: 85-90 % · Utfall: 96,0 %
      Måluppfyllelse: ✘ ej uppnådd
    """
    format = _kontrollera_format(format, "formatera_styrkort")  # type: ignore[assignment]
    kolumner = _visade_kolumner(tabell, kolumner, "formatera_styrkort")
    textbredd = _bredd(bredd, "formatera_styrkort")
    rubriker = [_RUBRIKER.get(k, k) for k in kolumner]
    celler = _styrkortsceller(tabell, kolumner)
    if format == "html":
        return _styrkort_html(tabell, list(kolumner), rubriker, celler)
    return _tabelltext(rubriker, celler, format, textbredd)


def _bedömningscell_html(värde: Any, text: str) -> str:
    bedömningar = _bedömningar(värde)
    if not bedömningar:
        return f"<td>{html.escape(text)}</td>"
    # the worst part colours a composite cell (ej uppnådd before delvis before uppnådd)
    ordning = list(Måluppfyllelse)
    värst = max(bedömningar, key=lambda m: (m is Måluppfyllelse.EJ_UPPNÅDD, ordning.index(m)))
    färg = palett.bedömningsstil(värst).färg
    return (
        f'<td class="bedomning" data-bedomning="{html.escape(värst.value)}" '
        f'style="background:{färg};color:{palett.textfärg(färg)}">{html.escape(text)}</td>'
    )


def _styrkort_html(
    tabell: pd.DataFrame, kolumner: list[str], rubriker: list[str], celler: list[list[str]]
) -> str:
    huvud = "".join(f'<th scope="col">{html.escape(r)}</th>' for r in rubriker)
    rader = []
    for (_, rad), texter in zip(tabell.iterrows(), celler, strict=True):
        tds = []
        for k, t in zip(kolumner, texter, strict=True):
            tds.append(
                _bedömningscell_html(rad[k], t)
                if k == "måluppfyllelse"
                else f"<td>{html.escape(t)}</td>"
            )
        rader.append("<tr>" + "".join(tds) + "</tr>")
    return (
        f'<table class="styrkort"><thead><tr>{huvud}</tr></thead>'
        f"<tbody>{''.join(rader)}</tbody></table>"
    )


def _tabelltext(
    rubriker: Sequence[str], celler: Sequence[Sequence[str]], format: str, bredd: int
) -> str:
    """A table as plain text within ``bredd``, a Markdown pipe table or an HTML table."""
    if format == "markdown":
        skyddade = [[c.replace("|", "\\|") for c in rad] for rad in celler]
        return "\n".join(
            ["| " + " | ".join(rubriker) + " |", "|" + "---|" * len(rubriker)]
            + ["| " + " | ".join(rad) + " |" for rad in skyddade]
        )
    if format == "html":
        tal = _talkolumner(celler, len(rubriker))
        huvud = "".join(f'<th scope="col">{html.escape(r)}</th>' for r in rubriker)
        kropp = "".join(
            "<tr>"
            + "".join(
                f'<td class="tal">{html.escape(c)}</td>' if tal[i] else f"<td>{html.escape(c)}</td>"
                for i, c in enumerate(rad)
            )
            + "</tr>"
            for rad in celler
        )
        return f"<table><thead><tr>{huvud}</tr></thead><tbody>{kropp}</tbody></table>"
    return _texttabell(rubriker, celler, bredd)


# ----------------------------------------------------------------------------- whole report


def _organisationsnamn(org: Region | Nämnd | Förvaltning | None) -> str:
    if org is None:
        return "(organisation ej angiven)"
    if isinstance(org, Region):
        return org.namn
    return f"{org.namn} ({org.region.namn})"


_PLURAL = {
    Måluppfyllelse.UPPNÅDD: "uppnådda",
    Måluppfyllelse.EJ_UPPNÅDD: "ej uppnådda",
}


def _sammanfattning(bedömningar: pd.Series[Any]) -> str:
    platt: list[Måluppfyllelse] = []
    for b in bedömningar:
        platt.extend(_bedömningar(b))
    delar = []
    for m in Måluppfyllelse:
        antal = sum(1 for b in platt if b is m)
        if antal:
            ord_ = _PLURAL.get(m, m.value) if antal != 1 else m.value
            delar.append(f"{antal} {ord_}")
    return ", ".join(delar) if delar else "inga bedömningar"


_FILSÖKVÄG = re.compile(r"\s*\([^()\s]+\.(?:txt|csv|xlsx|pdf|json)\)")


def _källtext(källa: str) -> str:
    """The source as a reader cites it: the report's name, without a file path."""
    return _FILSÖKVÄG.sub("", källa).strip()


def _rubrik(text: str, nivå: int, format: str, bredd: int) -> str:
    text = _en_rad(text)
    if format == "markdown":
        return "#" * nivå + " " + text
    if format == "html":
        return f"<h{nivå}>{html.escape(text)}</h{nivå}>"
    rader = _ombryt(text, bredd).splitlines()
    understrykning = "=" if nivå == 1 else "-"
    return "\n".join([*rader, understrykning * max(len(r) for r in rader)])


def _stycke(text: str, format: str, bredd: int) -> str:
    if format == "html":
        return f"<p>{html.escape(text)}</p>"
    if format == "markdown":
        return text
    return _ombryt(text, bredd)


def _heltal_eller_decimal(värde: float) -> str:
    return formatera_tal(värde, 0 if float(värde).is_integer() else 1)


def _prognostext(u: Uppföljning) -> str:
    p = u.prognos
    assert p is not None
    rader = [
        f"Prognos {p}: intervall {_heltal_eller_decimal(p.nedre)} till "
        f"{_heltal_eller_decimal(p.övre)} {p.enhet}, {p.avser}, upprättad {p.upprättad}.",
    ]
    if not math.isnan(p.budget):
        rader.append(
            f"Mot budget {formatera_tal(p.budget, 1)} {p.enhet}: "
            f"{formatera_tal(p.avvikelse_mot_budget, 1, enhet=p.enhet)}."
        )
    if not math.isnan(p.föregående):
        rader.append(
            f"Revidering mot föregående prognos {formatera_tal(p.föregående, 1)} "
            f"{p.enhet}: {formatera_tal(p.revidering, 1, enhet=p.enhet)}."
        )
    return " ".join(rader)


@med_funktionsnamn("rapport")
def rapport(
    uppföljning: Uppföljning,
    *,
    format: Format = "text",
    bredd: int | None = None,
    avrundning: int | None = None,
    delvis: DelvisRegel | None = None,
    tröskel: float = 0.0,
    fristående: bool = True,
    figurer: bool = True,
) -> str:
    """The whole follow-up as a document: styrkort, economy, forecast, waiting times, continuity.

    Parameters
    ----------
    uppföljning : Uppföljning
        The follow-up to render.
    format : {"text", "markdown", "html"}
        Output format. Plain text fits ``bredd``; HTML is one self-contained
        page (or a fragment, see ``fristående``).
    bredd : int, optional
        The width of plain text in characters (at least 30); default the
        terminal's, or ``COLUMNS``, or 80 when there is no terminal.
    avrundning, delvis, tröskel
        Passed to :func:`styrkort`.
    fristående : bool
        HTML only: a whole page with its styles (default) or a fragment for
        a notebook.
    figurer : bool
        HTML only: embed the figures as inline SVG when matplotlib is
        installed (default); without matplotlib the page says so.

    Returns
    -------
    str

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``format`` or a ``bredd`` below 30.
    FelTypError
        If ``uppföljning`` is not an :class:`Uppföljning`.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    >>> text = hu.rapport(u, bredd=80)
    >>> max(len(rad) for rad in text.splitlines()) <= 80
    True
    >>> "intervall -940 till -870 mnkr" in text
    True
    >>> print(text.splitlines()[4])
    Källa: Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    """
    format = _kontrollera_format(format, "rapport")  # type: ignore[assignment]
    if not isinstance(uppföljning, Uppföljning):
        raise FelTypError(
            f"rapport: uppföljning must be an Uppföljning, got {type(uppföljning).__name__}; "
            "build one with hu.Uppföljning(...) or hu.Uppföljning.from_csv(...)"
        )
    textbredd = _bredd(bredd, "rapport")
    fristående = boolesk(fristående, "rapport: fristående")
    figurer = boolesk(figurer, "rapport: figurer")
    u = uppföljning
    titel = f"Uppföljning: {_organisationsnamn(u.organisation)}"
    if u.period:
        titel = f"{titel}, {u.period}"
    källor: list[str] = []

    def rubrik(text: str, nivå: int) -> str:
        return _rubrik(text, nivå, format, textbredd)

    def stycke(text: str) -> str:
        return _stycke(text, format, textbredd)

    delar: list[str] = [rubrik(titel, 1)]
    if u.källa:
        källor.append(_källtext(u.källa))
        delar.append(stycke(f"Källa: {källor[0]}"))

    kort = styrkort(u.indikatorer, avrundning=avrundning, delvis=delvis, tröskel=tröskel)
    delar.append(rubrik("Styrkort", 2))
    regel = (
        "utan avrundning"
        if avrundning is None
        else f"efter avrundning till {avrundning} decimaler, femman uppåt"
    )
    delar.append(
        stycke(
            "Måluppfyllelsen är beräknad från de publicerade målen och utfallen "
            f"(jämförelse {regel}; "
            + ("ingen regel för delvis" if delvis is None else "en angiven regel för delvis")
            + "). Trend (rapport) är rapportens ord; Trend (beräknad) är beräknad mot "
            f"det tryckta jämförelsevärdet med tröskeln {_heltal_eller_decimal(tröskel)}. "
            f"Sammanfattning: {_sammanfattning(kort['måluppfyllelse'])}."
        )
    )
    if format == "html":
        delar.append(_förklaring())
    for namn in dict.fromkeys(kort["avsnitt"].tolist()):
        del_kort = kort[kort["avsnitt"] == namn]
        if namn:
            delar.append(rubrik(str(namn).capitalize(), 3))
        delar.append(formatera_styrkort(del_kort, format=format, bredd=textbredd))

    if u.ekonomi is not None and len(u.ekonomi):
        delar.append(rubrik("Resultaträkning", 2))
        delar.append(_ekonomiavsnitt(u.ekonomi, format, textbredd))
        if u.ekonomi.attrs.get("källa"):
            källor.append(_källtext(str(u.ekonomi.attrs["källa"])))
    if u.prognos is not None:
        delar.append(rubrik("Helårsprognos", 2))
        delar.append(stycke(_prognostext(u)))
        if format == "html" and figurer:
            delar.append(_prognosfigur(u))
    if u.väntetider is not None and len(u.väntetider):
        delar.append(rubrik("Väntetider", 2))
        delar.append(stycke(str(u.väntetider.attrs.get("rubrik", ""))))
        fasta, tabell = _väntetidsvisning(u.väntetider)
        if fasta:
            delar.append(stycke("; ".join(f"{k}: {v}" for k, v in fasta.items()) + "."))
        delar.append(_tabell(tabell, format, textbredd))
    if u.kontinuitet is not None and len(u.kontinuitet):
        delar.append(rubrik("Kontinuitet", 2))
        delar.append(stycke(str(u.kontinuitet.attrs.get("rubrik", ""))))
        delar.append(_tabell(_kontinuitetsvisning(u.kontinuitet), format, textbredd))
    if format == "html":
        unika = list(dict.fromkeys(k for k in källor if k))
        if unika:
            delar.append(rubrik("Källor", 2))
            delar.append(
                '<ul class="kallor">'
                + "".join(f"<li>{html.escape(k)}</li>" for k in unika)
                + "</ul>"
            )
        kropp = "\n".join(d for d in delar if d)
        return _html_sida(titel, kropp) if fristående else f'<div class="hu-rapport">{kropp}</div>'
    return "\n\n".join(d for d in delar if d) + "\n"


def _tabell(df: pd.DataFrame, format: str, bredd: int) -> str:
    celler = [[_en_rad(str(v)) for v in rad] for rad in df.itertuples(index=False)]
    return _tabelltext([str(k) for k in df.columns], celler, format, bredd)


def _tal(ram: pd.DataFrame, k: str) -> list[float]:
    """A number column as floats, a missing cell (None, ``pd.NA``) NaN (checked by Uppföljning)."""
    return [float(x) for x in rimliga_tal(ram[k].to_numpy(dtype=object), f"rapport: column {k!r}")]


def _ekonomiavsnitt(ekonomi: pd.DataFrame, format: str, bredd: int) -> str:
    visning = pd.DataFrame(index=ekonomi.index)
    kolumner = {
        "ack_utfall": "Utfall ack",
        "ack_budget": "Budget ack",
        "ack_avvikelse": "Avvikelse ack (rapport)",
    }
    for k, rubrik in kolumner.items():
        if k in ekonomi.columns:
            visning[rubrik] = [formatera_tal(x, 1) for x in _tal(ekonomi, k)]
    if {"ack_utfall", "ack_budget"} <= set(ekonomi.columns):
        beräknad = budgetavvikelse(
            pd.Series(_tal(ekonomi, "ack_utfall"), index=ekonomi.index),
            pd.Series(_tal(ekonomi, "ack_budget"), index=ekonomi.index),
        )
        visning["Avvikelse ack (beräknad)"] = beräknad.map(lambda x: formatera_tal(float(x), 1))
    for k, rubrik in {"helår_prognos": "Prognos helår", "helår_budget": "Budget helår"}.items():
        if k in ekonomi.columns:
            visning[rubrik] = [formatera_tal(x, 1) for x in _tal(ekonomi, k)]
    visning.insert(0, "Post", [str(i) for i in ekonomi.index])
    text = _tabell(visning, format, bredd)
    notis = (
        "Belopp i mnkr; kostnader är negativa; avvikelse = utfall − budget, positiv är "
        "gynnsam. Kolumnen ”beräknad” räknas här från det tryckta utfallet och budgeten; "
        "den kan skilja sig 0,1 från den tryckta avvikelsen eftersom rapporten avrundar "
        "varje kolumn för sig."
    )
    return text + ("\n" if format == "html" else "\n\n") + _stycke(notis, format, bredd)


def _väntetidsvisning(df: pd.DataFrame) -> tuple[dict[str, str], pd.DataFrame]:
    """The table of waiting-time shares; a column with one value becomes a line above it."""
    fasta: dict[str, str] = {}
    ut = pd.DataFrame(index=df.index)
    for k in ("region", "vårdtyp", "mätdatum"):
        if k in df.columns:
            värden = df[k].astype(str)
            if len(df) > 1 and bool((värden == värden.iloc[0]).all()):
                fasta[k.capitalize()] = str(värden.iloc[0])
            else:
                ut[k.capitalize()] = värden
    ut["Gräns"] = df["gränsnamn"] if "gränsnamn" in df.columns else df["gräns"].astype(str)
    ut["Antal"] = [formatera_tal(x, 0) for x in _tal(df, "antal")]
    ut["Andel"] = [formatera_andel(x) for x in _tal(df, "andel")]
    ut["95 % intervall"] = [
        f"{formatera_andel(a)}–{formatera_andel(b)}"
        for a, b in zip(_tal(df, "nedre"), _tal(df, "övre"), strict=True)
    ]
    ut["Exkluderade"] = [formatera_tal(x, 0) for x in _tal(df, "exkluderade")]
    return fasta, ut.reset_index(drop=True)


def _kontinuitetsvisning(df: pd.DataFrame) -> pd.DataFrame:
    ut = pd.DataFrame({"Enhet": [str(i) for i in df.index]})
    ut["Patienter"] = [formatera_tal(x, 0) for x in _tal(df, "antal_patienter")]
    ut["Exkluderade"] = [formatera_tal(x, 0) for x in _tal(df, "antal_exkluderade")]
    ut["Medel"] = [formatera_tal(x, 2) for x in _tal(df, "medel")]
    ut["Median"] = [formatera_tal(x, 2) for x in _tal(df, "median")]
    return ut


# ----------------------------------------------------------------------------- HTML


def _prognosfigur(u: Uppföljning) -> str:
    """The forecast with its interval and the budget as inline SVG, or a note without matplotlib."""
    p = u.prognos
    assert p is not None
    from . import plot  # noqa: PLC0415 - figures only when asked for

    try:
        ax = plot.prognosdiagram([p], budget=None if math.isnan(p.budget) else p.budget)
    except HalsouppfoljningError:
        return (
            '<p class="ingen-figur">Diagrammen visas inte: matplotlib är inte installerat '
            '(installera med <code>pip install "halsouppfoljning[plot]"</code>).</p>'
        )
    figur: Any = ax.figure
    figur.set_size_inches(7, 3.2)
    buffert = io.StringIO()
    figur.savefig(buffert, format="svg", bbox_inches="tight", metadata={"Date": None})
    import matplotlib.pyplot as plt  # noqa: PLC0415 - matplotlib is there: it just drew

    plt.close(figur)
    svg = buffert.getvalue()
    svg = svg[svg.index("<svg") :]
    return (
        f'<figure class="diagram">{svg}<figcaption>Helårsprognos {html.escape(str(p))} '
        f"med intervall och budget.</figcaption></figure>"
    )


def _stilmall() -> str:
    förklaring = " ".join(
        f'.bedomning[data-bedomning="{m.value}"]{{background:{s.färg};'
        f"color:{palett.textfärg(s.färg)}}}"
        for m, s in palett.BEDÖMNINGAR.items()
    )
    return (
        "body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:72rem;margin:2rem auto;"
        "padding:0 1rem;color:#111;line-height:1.45}"
        "h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}"
        "table{border-collapse:collapse;margin:0.5rem 0 1rem;font-size:0.92rem}"
        "th,td{border:1px solid #bbb;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}"
        "table.styrkort{width:100%}th{background:#f2f2f2}td.tal{text-align:right;font-variant-numeric:tabular-nums}"
        ".bedomning{font-weight:600;white-space:nowrap}"
        ".forklaring span{display:inline-block;margin:0 0.4rem 0.3rem 0;padding:0.1rem 0.5rem}"
        "figure.diagram svg{max-width:100%;height:auto}" + förklaring
    )


def _förklaring() -> str:
    delar = "".join(
        f'<span class="bedomning" data-bedomning="{html.escape(m.value)}">'
        f"{html.escape(palett.bedömningsetikett(m))}</span>"
        for m in Måluppfyllelse
    )
    return f'<p class="forklaring">Förklaring: {delar}</p>'


def _html_sida(titel: str, kropp: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(titel)}</title>\n<style>{_stilmall()}</style>\n</head>\n<body>\n"
        f"{kropp}\n</body>\n</html>\n"
    )


# ----------------------------------------------------------------------------- notebooks


def _stil(visning: pd.DataFrame, vad: str) -> Styler:
    """``visning.style``, or an error naming the extra that brings jinja2."""
    try:
        return visning.style
    except ImportError as fel:
        raise SaknatTilläggError(
            f"{vad} needs jinja2 for a pandas Styler ({fel}); install it with "
            'pip install "halsouppfoljning[plot]" (or pip install jinja2)'
        ) from fel


def stil_styrkort(tabell: pd.DataFrame, *, kolumner: Sequence[str] = _STYRKORTSKOLUMNER) -> Styler:
    """A styrkort as a pandas ``Styler``: each assessment with its colour and symbol.

    For notebooks: the table shows as HTML with the assessment cells
    coloured from the colour-blind-safe :mod:`halsouppfoljning.plot.palett`
    and the symbol beside the word, the texts as the report prints them.
    pandas needs jinja2 to render a Styler.

    Parameters
    ----------
    tabell : pandas.DataFrame
        The result of :func:`styrkort`.
    kolumner : sequence of str
        The columns to show, in order.

    Returns
    -------
    pandas.io.formats.style.Styler

    Raises
    ------
    FelTypError
        If ``tabell`` is not a pandas DataFrame.
    SaknadKolumnError
        For a column not in ``tabell``.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    >>> stil = hu.stil_styrkort(u.styrkort())
    >>> html = stil.to_html()
    >>> "✘ ej uppnådd" in html and "#D55E00" in html
    True
    """
    kolumner = _visade_kolumner(tabell, kolumner, "stil_styrkort")
    visning = pd.DataFrame(
        _styrkortsceller(tabell, kolumner),
        columns=[_RUBRIKER.get(k, k) for k in kolumner],
        index=range(1, len(tabell) + 1),
    )
    stilar = pd.DataFrame("", index=visning.index, columns=visning.columns)
    if "måluppfyllelse" in kolumner:
        kolumn = _RUBRIKER["måluppfyllelse"]
        for i, värde in zip(visning.index, tabell["måluppfyllelse"], strict=True):
            bedömningar = _bedömningar(värde)
            if bedömningar:
                ordning = list(Måluppfyllelse)
                värst = max(
                    bedömningar,
                    key=lambda m: (m is Måluppfyllelse.EJ_UPPNÅDD, ordning.index(m)),
                )
                färg = palett.bedömningsstil(värst).färg
                stilar.loc[i, kolumn] = (
                    f"background-color: {färg}; color: {palett.textfärg(färg)}; font-weight: 600"
                )
    return (
        _stil(visning, "stil_styrkort")
        .apply(lambda _: stilar, axis=None)
        .set_table_styles([{"selector": "td", "props": [("text-align", "left")]}])
    )


def stil_panel(panel: pd.DataFrame, *, andel: bool = False, decimaler: int = 1) -> Styler:
    """A region panel as a pandas ``Styler``: Swedish numbers, colour classes with symbols.

    Values are written as the report prints them (decimal comma; shares as
    "78,8 %" when ``andel``; counts with a space between thousands; other
    number columns of a result, such as ``median`` or ``avstånd``, with two
    more decimals when ``andel``); Riket's rows are bold. A panel from
    :func:`~halsouppfoljning.färgklasser` has its ``färgklass`` shown as
    "▲ grön", "■ gul", "▼ röd" on the colour of
    :data:`halsouppfoljning.plot.palett.KLASSFÄRGER`; a ``måluppfyllelse``
    column is shown as in :func:`stil_styrkort`.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`, or any result with its columns (``region``,
        ``värde``, ...).
    andel : bool
        The values are shares in [0, 1]: write them in percent.
    decimaler : int
        Decimals of the values.

    Returns
    -------
    pandas.io.formats.style.Styler

    Raises
    ------
    FelTypError
        If ``panel`` is not a pandas DataFrame.
    SaknadKolumnError
        If ``panel`` has no ``region`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> p = hu.regionpanel(pd.DataFrame({2023: [0.7, 0.8, 0.75]}, index=["03", "19", "Riket"]),
    ...                    indikator="x")
    >>> html = hu.stil_panel(p, andel=True).to_html()
    >>> "80,0 %" in html and "font-weight: bold" in html
    True
    """
    ramtyp(panel, "stil_panel", argument="panel", dask=False)
    kontrollera_kolumner(panel.columns, ["region"], "stil_panel")
    andel = boolesk(andel, "stil_panel: andel")
    decimaler = heltal(decimaler, "stil_panel: decimaler", minst=0, högst=_MAX_DECIMALER)
    etiketter = [str(k) for k in panel.columns]
    dubbla = sorted({k for k in etiketter if etiketter.count(k) > 1})
    if dubbla:
        raise OgiltigtVärdeError(
            f"stil_panel: panel has the column {kort(dubbla)} more than once; keep one of each "
            "(e.g. panel.loc[:, ~panel.columns.duplicated()])"
        )
    panel = panel.reset_index(drop=True)  # by position: a repeated label is still its own row
    visning = panel.copy()

    def talen(k: Any) -> list[float]:
        celler = panel[k].to_numpy(dtype=object)  # a bad cell is quoted, not the whole column
        return [float(x) for x in rimliga_tal(celler, f"stil_panel: panel column {k!r}")]

    talkolumner = [k for k in ("värde", "täljare", "nämnare") if k in visning.columns]
    for k in talkolumner:
        värden = talen(k)
        if k == "värde" and andel:
            try:
                kontrollera_andel(värden, "stil_panel: panel column 'värde' (andel=True)")
            except AndelsError as fel:
                raise AndelsError(
                    f"{fel}; or pass andel=False if the values are not shares"
                ) from None
            visning[k] = ["" if math.isnan(x) else formatera_andel(x, decimaler) for x in värden]
        else:
            d = decimaler if k == "värde" else 0
            visning[k] = ["" if math.isnan(x) else formatera_tal(x, d) for x in värden]
    # the other number columns of a result (median, avstånd, rang ...) the Swedish way too
    for k in visning.columns:
        if k not in talkolumner and pd.api.types.is_float_dtype(panel[k]):
            d = min(decimaler + 2 if andel else decimaler, _MAX_DECIMALER)
            visning[k] = ["" if math.isnan(x) else formatera_tal(x, d) for x in talen(k)]
            talkolumner.append(k)
    stilar = pd.DataFrame("", index=visning.index, columns=visning.columns)
    riket = visning["region"].astype(str).str.casefold() == "riket"
    stilar.loc[riket, :] = "font-weight: bold"
    if "färgklass" in visning.columns:
        klasser = panel["färgklass"].astype(object)
        visning["färgklass"] = [
            f"{palett.KLASSSYMBOLER[str(k)]} {k}"
            if str(k) in palett.KLASSFÄRGER
            else _bedömningstext(k)  # an unknown class is shown as written, never hidden
            for k in klasser
        ]
        for i, k in zip(visning.index, klasser, strict=True):
            if str(k) in palett.KLASSFÄRGER:
                färg = palett.KLASSFÄRGER[str(k)]
                stilar.loc[i, "färgklass"] += (
                    f"; background-color: {färg}; color: {palett.textfärg(färg)}"
                )
    if "måluppfyllelse" in visning.columns:
        for i, värde in zip(visning.index, panel["måluppfyllelse"], strict=True):
            bedömningar = _bedömningar(värde)
            if bedömningar:
                färg = palett.bedömningsstil(bedömningar[0]).färg
                stilar.loc[i, "måluppfyllelse"] += (
                    f"; background-color: {färg}; color: {palett.textfärg(färg)}"
                )
        visning["måluppfyllelse"] = [_bedömningstext(v) for v in panel["måluppfyllelse"]]
    for k in talkolumner:
        stilar[k] = stilar[k] + "; text-align: right"
    stilar = stilar.map(lambda s: s.lstrip("; "))
    return _stil(visning, "stil_panel").apply(lambda _: stilar, axis=None).hide(axis="index")
