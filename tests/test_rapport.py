"""Tests of halsouppfoljning.rapport: a styrkort and a follow-up as text, Markdown, HTML, Styler."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.plot import palett

#: Words of the English notes the report used to print (issue 15), and common English
#: function words: none may appear in what a Swedish reader gets.
ENGELSKA = (
    "Summary",
    "Against",
    "budget deviation",
    "Forecast",
    "interval",
    "synthetic",
    "Revision",
    "threshold",
    "rounded",
    "unrounded",
    "Amounts",
    "favourable",
    "computed",
    "not stated",
    "patients",
    "excluded",
    "visits",
    "units",
    "the",
    "and",
    "from",
    "with",
    "against",
    "of",
    "is",
)
SVENSKA = ("och", "är", "från", "mot", "med", "för", "till", "den", "det", "på", "av", "i")


def _ord(text: str) -> list[str]:
    return re.findall(r"[A-Za-zÅÄÖåäöé]+", text)


def _engelska_ord(text: str) -> list[str]:
    ord_ = _ord(text)
    fraser = [f for f in ENGELSKA if " " in f and f in text]
    return fraser + [o for o in ord_ if o in ENGELSKA or o.lower() in ENGELSKA]


@pytest.fixture(scope="module")
def uppföljning() -> hu.Uppföljning:
    return hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)


@pytest.fixture(scope="module")
def hela() -> hu.Uppföljning:
    return hu.exempeldata.uppföljning_västmanland_2023_02()


def _litet_kort() -> pd.DataFrame:
    return hu.styrkort(
        pd.DataFrame(
            {
                "indikator": ["Beläggningsgrad", "A|B <x>"],
                "mål_text": ["85-90 %", "≥80 %"],
                "utfall": [0.96, 0.85],
            }
        )
    )


# ----------------------------------------------------------------------------- styrkort


def test_formatera_styrkort_markdown_escapes_pipes_and_shows_symbols() -> None:
    text = hu.formatera_styrkort(
        _litet_kort(), format="markdown", kolumner=["indikator", "måluppfyllelse"]
    )
    # 0,96 is above the band 85-90 %; 0,85 is at least 80 %: by hand
    assert text.splitlines() == [
        "| Indikator | Måluppfyllelse |",
        "|---|---|",
        "| Beläggningsgrad | ✘ ej uppnådd |",
        "| A\\|B <x> | ✔ uppnådd |",
    ]


def test_formatera_styrkort_html_escapes_text_and_colours_the_assessment() -> None:
    text = hu.formatera_styrkort(
        _litet_kort(), format="html", kolumner=["indikator", "måluppfyllelse"]
    )
    assert "<td>A|B &lt;x&gt;</td>" in text
    assert text.startswith('<table class="styrkort"><thead><tr><th scope="col">Indikator</th>')
    # Okabe–Ito vermilion for "ej uppnådd", bluish green for "uppnådd"
    assert 'data-bedomning="ej uppnådd" style="background:#D55E00' in text
    assert 'data-bedomning="uppnådd" style="background:#009E73' in text
    assert ">✘ ej uppnådd</td>" in text


def test_formatera_styrkort_text_aligns_columns_when_wide() -> None:
    rader = hu.formatera_styrkort(
        _litet_kort(), kolumner=["indikator", "mål"], bredd=100
    ).splitlines()
    assert rader[0] == "Indikator        Mål"
    assert rader[1] == "---------------  -------"
    assert rader[2] == "Beläggningsgrad  85-90 %"


def test_formatera_styrkort_abbreviates_long_texts_without_cutting_numbers() -> None:
    kort = pd.DataFrame(
        {
            "indikator": ["Andel patienter med fast läkarkontakt i primärvården", "Kort"],
            "utfall": ["12 345,6", "7,1 %"],
        }
    )
    text = hu.formatera_styrkort(kort, kolumner=["indikator", "utfall"], bredd=40)
    rader = text.splitlines()
    assert max(len(r) for r in rader) <= 40
    # 40 - 2 (gap) - 8 (the number) leaves 30 for the text: 29 characters and "…"
    assert rader[2] == "Andel patienter med fast läka…  12 345,6"
    assert rader[3] == "Kort                               7,1 %"


def test_formatera_styrkort_abbreviation_backs_off_before_a_number() -> None:
    kort = pd.DataFrame(
        {
            "indikator": ["Besök i primärvården under åren 2023 och 2024 i regionen", "x"],
            "a": ["1 234 567 890 12", "2"],
        }
    )
    rad = hu.formatera_styrkort(kort, kolumner=["indikator", "a"], bredd=53).splitlines()[2]
    # 53 - 2 - 16 leaves 35: a plain cut would end in "åren 20…"; it backs off to the
    # word before the number, and the column is padded to its 35 characters
    assert rad == "Besök i primärvården under åren…" + " " * 5 + "1 234 567 890 12"


def test_formatera_styrkort_stacks_rows_when_abbreviation_is_not_enough() -> None:
    text = hu.formatera_styrkort(
        _litet_kort(), kolumner=["indikator", "mål", "utfall", "måluppfyllelse"], bredd=32
    )
    assert text.splitlines()[:4] == [
        "Beläggningsgrad",
        "  Mål: 85-90 % · Utfall: 96,0 %",
        "  Måluppfyllelse: ✘ ej uppnådd",
        "",
    ]


def test_formatera_styrkort_refuses_unknown_format_columns_width_and_frames() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="'pdf'"):
        hu.formatera_styrkort(_litet_kort(), format="pdf")  # type: ignore[arg-type]
    with pytest.raises(hu.SaknadKolumnError, match="'färg'"):
        hu.formatera_styrkort(_litet_kort(), kolumner=["färg"])
    with pytest.raises(hu.OgiltigtVärdeError, match="bredd"):
        hu.formatera_styrkort(_litet_kort(), bredd=10)
    with pytest.raises(hu.HalsouppfoljningError, match="bredd"):
        hu.formatera_styrkort(_litet_kort(), bredd="80")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="formatera_styrkort"):
        hu.formatera_styrkort([1, 2])  # type: ignore[arg-type]


def test_formatera_styrkort_cells_missing_values_and_composites() -> None:
    tabell = pd.DataFrame(
        {
            "indikator": ["A", "B", "C"],
            "måluppfyllelse": [
                (hu.Måluppfyllelse.UPPNÅDD, hu.Måluppfyllelse.EJ_UPPNÅDD),
                hu.Måluppfyllelse.MÅL_SAKNAS,
                (hu.Måluppfyllelse.DELVIS, hu.Måluppfyllelse.DELVIS),
            ],
            "trend_beräknad": [None, float("nan"), hu.Trend.POSITIV],
            "övrigt": [[1, 2], 3, pd.NA],
        }
    )
    kolumner = ["indikator", "måluppfyllelse", "trend_beräknad", "övrigt"]
    text = hu.formatera_styrkort(tabell, format="markdown", kolumner=kolumner)
    assert text.splitlines()[2:] == [
        "| A | ✔ uppnådd / ✘ ej uppnådd |  | [1, 2] |",
        "| B | ○ mål saknas |  | 3 |",
        "| C | ◐ delvis (alla 2) | positiv |  |",
    ]
    html = hu.formatera_styrkort(tabell, format="html", kolumner=kolumner)
    # a composite cell takes the colour of its worst part
    assert html.count('data-bedomning="ej uppnådd"') == 1
    assert 'data-bedomning="delvis" style="background:#E69F00' in html


_tal = st.floats(-1e7, 1e7, allow_nan=False).map(lambda x: hu.formatera_tal(x, 1))
_namn = st.text(st.sampled_from("abcdefghij åäö"), min_size=1, max_size=60).map(str.strip)


@given(
    st.lists(st.tuples(_namn.filter(bool), _tal, _namn), min_size=1, max_size=6),
    st.integers(30, 140),
)
def test_formatera_styrkort_fits_any_width_and_keeps_numbers_whole(
    rader: list[tuple[str, str, str]], bredd: int
) -> None:
    kort = pd.DataFrame(rader, columns=["indikator", "utfall", "mål"])
    text = hu.formatera_styrkort(kort, kolumner=["indikator", "mål", "utfall"], bredd=bredd)
    assert max(len(r) for r in text.splitlines()) <= bredd
    for _, tal, _ in rader:
        assert tal in text


# ----------------------------------------------------------------------------- whole report


def test_rapport_contains_every_section_in_swedish(uppföljning: hu.Uppföljning) -> None:
    text = hu.rapport(uppföljning, bredd=120)
    prosa = " ".join(text.split())
    for rubrik in ("Styrkort", "Servicekvalitet", "Resultaträkning", "Helårsprognos"):
        assert rubrik in text
    # seed line 40: "Årsprognos, -890 mnkr +20/-50 mnkr": the interval -940 to -870;
    # the revision against the previous forecast -800 (line 20) is -90
    assert "intervall -940 till -870 mnkr" in prosa
    assert "Revidering mot föregående prognos -800,0 mnkr: -90,0 mnkr" in prosa
    assert "Mot budget 0,0 mnkr: -890,0 mnkr" in prosa
    # counted by hand from FÖRVÄNTAT in test_uppfoljning.py: 4 met, 20 not met (3 of them
    # the BUP parts), Nettokostnadsutveckling without its plan, Investeringar without target
    assert "Sammanfattning: 4 uppnådda, 20 ej uppnådda, 1 underlag saknas, 1 mål saknas." in prosa
    assert _engelska_ord(text) == []


def test_rapport_source_names_the_report_not_a_file(uppföljning: hu.Uppföljning) -> None:
    text = hu.rapport(uppföljning, bredd=200)
    assert (
        "Källa: Region Västmanland, Hälso- och sjukvårdsförvaltningen, "
        "Månadsrapport februari 2023\n"
    ) in text
    html = hu.rapport(uppföljning, format="html", figurer=False)
    for text_ in (text, html):
        assert ".txt" not in text_
        assert "seeds/" not in text_
    assert (
        "<li>Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport februari "
        "2023, Förenklad resultaträkning (mkr)</li>"
    ) in html


@pytest.mark.parametrize("bredd", [60, 80, 120])
def test_rapport_every_line_fits_the_width(hela: hu.Uppföljning, bredd: int) -> None:
    text = hu.rapport(hela, bredd=bredd)
    långa = [r for r in text.splitlines() if len(r) > bredd]
    assert långa == []
    # the numbers of the result statement are whole somewhere in the text
    for tal in ("-1 711,8", "-10 253,9", "1 418,4", "-165,6"):
        assert tal in text


def test_rapport_width_from_columns(hela: hu.Uppföljning, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert max(len(r) for r in hu.rapport(hela).splitlines()) <= 60
    monkeypatch.setenv("COLUMNS", "10")  # below the least width: 30
    assert max(len(r) for r in hu.rapport(hela).splitlines()) <= 30


def test_rapport_whole_example_is_swedish(hela: hu.Uppföljning) -> None:
    text = hu.rapport(hela, bredd=80)
    assert _engelska_ord(text) == []
    ord_ = [o.lower() for o in _ord(text)]
    svenska = sum(1 for o in ord_ if o in SVENSKA)
    assert svenska >= 30
    assert sum(1 for o in ord_ if re.search("[åäö]", o)) >= 100


def test_rapport_formats(uppföljning: hu.Uppföljning) -> None:
    assert hu.rapport(uppföljning, format="markdown").startswith("# Uppföljning: Hälso- och")
    html = hu.rapport(uppföljning, format="html", figurer=False)
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert html.rstrip().endswith("</html>")
    assert "<table" in html
    assert "<script" not in html
    assert "http" not in html.replace("http-equiv", "")
    fragment = hu.rapport(uppföljning, format="html", fristående=False, figurer=False)
    assert fragment.startswith('<div class="hu-rapport"><h1>Uppföljning')
    with pytest.raises(hu.OgiltigtVärdeError, match="'rtf'"):
        hu.rapport(uppföljning, format="rtf")  # type: ignore[arg-type]


def test_rapport_html_legend_shows_every_assessment(uppföljning: hu.Uppföljning) -> None:
    html = hu.rapport(uppföljning, format="html", figurer=False)
    for m in hu.Måluppfyllelse:
        stil = palett.bedömningsstil(m)
        assert f">{stil.symbol} {m.value}</span>" in html
        assert f'.bedomning[data-bedomning="{m.value}"]{{background:{stil.färg}' in html


def test_rapport_html_embeds_the_figure_as_svg(uppföljning: hu.Uppföljning) -> None:
    pytest.importorskip("matplotlib")
    html = hu.rapport(uppföljning, format="html")
    assert html.count("<svg") == 1
    assert '<figure class="diagram"><svg' in html
    assert "<?xml" not in html


@pytest.mark.usefixtures("utan_matplotlib")
def test_rapport_html_without_matplotlib_says_so(uppföljning: hu.Uppföljning) -> None:
    html = hu.rapport(uppföljning, format="html")
    assert "<svg" not in html
    assert "Diagrammen visas inte: matplotlib är inte installerat" in html


def test_rapport_renders_waiting_times_and_continuity_in_every_format(
    hela: hu.Uppföljning,
) -> None:
    u = hela
    assert u.väntetider is not None
    assert u.kontinuitet is not None
    text = hu.rapport(u, bredd=100)
    assert "Väntetider\n----------" in text
    assert "Kontinuitet\n-----------" in text
    markdown = hu.rapport(u, format="markdown")
    assert "## Väntetider" in markdown
    # one measurement date: a line above the table, not a column
    assert "Mätdatum: 2023-02-28." in markdown
    assert "| Gräns | Antal | Andel | 95 % intervall | Exkluderade |" in markdown
    första = u.väntetider.iloc[0]
    # the share printed is antal_inom / antal to one decimal of a percent
    andel = hu.formatera_andel(int(första["antal_inom"]) / int(första["antal"]))
    antal = hu.formatera_tal(int(första["antal"]), 0)
    assert f"| {första['gränsnamn']} | {antal} | {andel} |" in markdown
    html = hu.rapport(u, format="html", figurer=False)
    assert "<h2>Väntetider</h2>" in html
    assert "<h2>Kontinuitet</h2>" in html
    rad = u.kontinuitet.iloc[0]
    medel = hu.formatera_tal(float(rad["medel"]), 2)
    assert f'<td class="tal">{medel}</td>' in html


def _minsta_underlag() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indikator": ["Beläggningsgrad", "Utlokaliserade"],
            "mål_text": ["85-90 %", "Lägre än fg år"],
            "utfall": [0.88, 94.0],
            "föregående": [float("nan"), 140.0],
            "riktning": ["inom intervall", "lägre är bättre"],
        }
    )


def test_rapport_of_a_minimal_follow_up() -> None:
    u = hu.Uppföljning(
        organisation=None,
        period=hu.Period.tertial(2023, 1),
        indikatorer=_minsta_underlag(),
        prognos=hu.Prognos(värde=-53.6),
    )
    text = u.rapport()
    assert text.splitlines()[0] == "Uppföljning: (organisation ej angiven), T1 2023"
    # 0,88 is inside 85-90 %; 94 is lower than 140: both met, by hand
    assert "Sammanfattning: 2 uppnådda." in text
    assert "Mot budget" not in text
    assert "Revidering" not in text
    assert "Resultaträkning" not in text
    assert "Källa" not in text


def test_rapport_singular_and_no_assessments() -> None:
    ett = hu.Uppföljning(organisation=None, period="", indikatorer=_minsta_underlag().head(1))
    assert "Sammanfattning: 1 uppnådd." in hu.rapport(ett, bredd=200)
    tom = hu.Uppföljning(organisation=None, period="", indikatorer=_minsta_underlag().head(0))
    assert "Sammanfattning: inga bedömningar." in hu.rapport(tom, bredd=200)


def test_rapport_names_a_nämnd_or_förvaltning_with_its_region() -> None:
    hsn = hu.Nämnd(region="19", namn="Hälso- och sjukvårdsnämnden")
    u = hu.Uppföljning(organisation=hsn, period="", indikatorer=_minsta_underlag())
    assert hu.rapport(u).splitlines()[0] == (
        "Uppföljning: Hälso- och sjukvårdsnämnden (Region Västmanland)"
    )
    html = hu.rapport(u, format="html", avrundning=0, tröskel=1.0, fristående=False)
    assert "<h1>Uppföljning: Hälso- och sjukvårdsnämnden (Region Västmanland)</h1>" in html
    assert "efter avrundning till 0 decimaler, femman uppåt" in html
    assert "tröskeln 1." in html


def test_rapport_refuses_bad_arguments() -> None:
    u = hu.Uppföljning(organisation=None, period="", indikatorer=_minsta_underlag())
    with pytest.raises(hu.OgiltigtVärdeError, match="format must be"):
        hu.rapport(u, format="pdf")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="rapport: uppföljning must be an Uppföljning"):
        hu.rapport(_minsta_underlag())  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="rapport: bredd"):
        hu.rapport(u, bredd=29)
    with pytest.raises(hu.HalsouppfoljningError, match="fristående"):
        hu.rapport(u, format="html", fristående="ja")  # type: ignore[arg-type]


def test_uppföljning_shows_as_html_in_a_notebook(uppföljning: hu.Uppföljning) -> None:
    html = uppföljning._repr_html_()
    assert html.startswith('<div class="hu-rapport">')
    assert "<svg" not in html
    assert ">✘ ej uppnådd</td>" in html


# ----------------------------------------------------------------------------- Styler


def test_stil_styrkort_colours_and_symbols(uppföljning: hu.Uppföljning) -> None:
    pytest.importorskip("jinja2")
    kort = uppföljning.styrkort()
    stil = hu.stil_styrkort(kort)
    data = stil.data
    assert list(data.columns) == [
        "Indikator",
        "Mål",
        "Utfall",
        "Föregående",
        "Måluppfyllelse",
        "Trend (rapport)",
        "Trend (beräknad)",
    ]
    assert len(data) == len(kort)
    rad = data[data["Indikator"] == "Personalomsättning"].iloc[0]
    assert rad["Måluppfyllelse"] == "✔ uppnådd"  # 2,1 % against at most 9,0 % (seed line 128)
    html = stil.to_html()
    assert "background-color: #009E73" in html
    assert "background-color: #D55E00" in html
    assert "○ mål saknas" in html
    utan = hu.stil_styrkort(kort, kolumner=["indikator", "utfall"])
    assert "background-color" not in utan.to_html()


def test_stil_styrkort_refuses_bad_input() -> None:
    with pytest.raises(hu.FelTypError, match="stil_styrkort"):
        hu.stil_styrkort("kort")  # type: ignore[arg-type]
    with pytest.raises(hu.SaknadKolumnError, match="'mål'"):
        hu.stil_styrkort(pd.DataFrame({"indikator": ["a"]}))


def _panel() -> pd.DataFrame:
    return hu.regionpanel(
        pd.DataFrame({2023: [0.7, 0.8, 0.75]}, index=["03", "19", "Riket"]), indikator="x"
    )


def test_stil_panel_numbers_riket_and_colour_classes() -> None:
    pytest.importorskip("jinja2")
    panel = _panel()
    html = hu.stil_panel(panel, andel=True).to_html()
    for text in ("70,0 %", "75,0 %", "80,0 %"):
        assert text in html
    assert hu.stil_panel(panel).data["värde"].tolist() == ["0,8", "0,7", "0,8"]
    klasser = hu.färgklasser(panel, hu.Färgregel.median(0.02), riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    stil = hu.stil_panel(klasser, andel=True, decimaler=0)
    visade = dict(zip(stil.data["region"], stil.data["färgklass"], strict=True))
    # the regions' median is 0,75; Uppsala 0,70 is more than 0,02 below it, Västmanland
    # 0,80 more than 0,02 above it: by hand
    assert visade["Region Uppsala"] == "▼ röd"
    assert visade["Region Västmanland"] == "▲ grön"
    # the rule's numbers too: the median of 0,70 and 0,80 with two more decimals
    assert stil.data["median"].tolist() == ["0,75"] * 3
    html = stil.to_html()
    assert f"background-color: {palett.KLASSFÄRGER['röd']}" in html
    assert "font-weight: bold" in html  # Riket


def test_stil_panel_with_assessments() -> None:
    pytest.importorskip("jinja2")
    panel = _panel().assign(
        måluppfyllelse=[hu.Måluppfyllelse.UPPNÅDD, None, hu.Måluppfyllelse.EJ_UPPNÅDD]
    )
    stil = hu.stil_panel(panel)
    assert stil.data["måluppfyllelse"].tolist() == ["✔ uppnådd", "", "✘ ej uppnådd"]
    assert "background-color: #D55E00" in stil.to_html()


def test_stil_panel_refuses_bad_input() -> None:
    with pytest.raises(hu.FelTypError, match="stil_panel"):
        hu.stil_panel([1])  # type: ignore[arg-type]
    with pytest.raises(hu.SaknadKolumnError, match="'region'"):
        hu.stil_panel(pd.DataFrame({"värde": [1.0]}))
    with pytest.raises(hu.HalsouppfoljningError, match="decimaler"):
        hu.stil_panel(_panel(), decimaler=-1)
    with pytest.raises(hu.HalsouppfoljningError, match="andel"):
        hu.stil_panel(_panel(), andel="ja")  # type: ignore[arg-type]


def test_rapport_waiting_times_with_several_dates_keep_the_date_column() -> None:
    väntetider = pd.DataFrame(
        {
            "region": ["Region Västmanland", "Region Västmanland"],
            "mätdatum": ["2023-01-31", "2023-02-28"],
            "gränsnamn": ["första besök inom 90 dagar"] * 2,
            "antal": [400, 466],
            "andel": [0.7, 0.717],
            "nedre": [0.65, 0.674],
            "övre": [0.75, 0.756],
            "exkluderade": [30, 34],
        }
    )
    u = hu.Uppföljning(
        organisation=None, period="", indikatorer=_minsta_underlag(), väntetider=väntetider
    )
    markdown = hu.rapport(u, format="markdown")
    assert "Region: Region Västmanland." in markdown
    assert "| Mätdatum | Gräns | Antal | Andel | 95 % intervall | Exkluderade |" in markdown
    assert "| 2023-02-28 | första besök inom 90 dagar | 466 | 71,7 % | 67,4 %–75,6 % | 34 |" in (
        markdown
    )


def test_stil_without_jinja2_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    def utan_jinja2(self: pd.DataFrame) -> None:
        raise ImportError("Missing optional dependency 'Jinja2'.")

    monkeypatch.setattr(pd.DataFrame, "style", property(utan_jinja2))
    panel = hu.regionpanel_från_kolada(hu.exempeldata.syntetisk_kolada(seed=1))
    with pytest.raises(hu.SaknatTilläggError, match=r"stil_panel needs jinja2.*\[plot\]"):
        hu.stil_panel(panel)


# ----------------------------------------------------------------------------- bad input (issue 12)


@pytest.mark.parametrize(
    ("kolumner", "fel", "text"),
    [
        (None, hu.FelTypError, "kolumner must be a column name or a list"),
        ([], hu.OgiltigtVärdeError, "kolumner is empty"),
        (["indikator", "indikator"], hu.OgiltigtVärdeError, "kolumner names ['indikator'] more"),
        ([1], hu.FelTypError, "kolumner must name columns"),
    ],
)
def test_formatera_and_stil_styrkort_check_kolumner(
    kolumner: object, fel: type[Exception], text: str
) -> None:
    for funktion in (hu.formatera_styrkort, hu.stil_styrkort):
        with pytest.raises(fel) as info:
            funktion(_litet_kort(), kolumner=kolumner)  # type: ignore[operator]
        assert text in str(info.value)


def test_a_bare_column_name_is_one_column() -> None:
    text = hu.formatera_styrkort(_litet_kort(), kolumner="indikator", format="markdown")
    assert text.splitlines()[:3] == ["| Indikator |", "|---|", "| Beläggningsgrad |"]


def test_a_duplicated_column_of_the_table_is_an_error() -> None:
    kort = pd.concat([_litet_kort(), _litet_kort()[["mål"]]], axis=1)
    for funktion in (hu.formatera_styrkort, hu.stil_styrkort):
        with pytest.raises(hu.OgiltigtVärdeError, match=r"tabell has the column \['mål'\] more"):
            funktion(kort)  # type: ignore[operator]


def _väntetider() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gränsnamn": ["första besök inom 90 dagar"],
            "antal": [466],
            "andel": [0.717],
            "nedre": [0.674],
            "övre": [0.756],
            "exkluderade": [34],
        }
    )


def _kontinuitet() -> pd.DataFrame:
    return pd.DataFrame(
        {"antal_patienter": [120], "antal_exkluderade": [4], "medel": [0.41], "median": [0.38]},
        index=["VC Norr"],
    )


@pytest.mark.parametrize(
    ("fält", "ram", "fel", "text"),
    [
        ("väntetider", pd.DataFrame({"x": [1]}), hu.SaknadKolumnError, "'gränsnamn'"),
        ("väntetider", _väntetider().drop(columns="andel"), hu.SaknadKolumnError, "'andel'"),
        ("väntetider", _väntetider().assign(andel=71.7), hu.AndelsError, "did you pass percent"),
        ("väntetider", _väntetider().assign(andel="x"), hu.FelTypError, "got 'x'"),
        ("väntetider", _väntetider().assign(antal=-1), hu.OgiltigtVärdeError, "counts"),
        ("väntetider", _väntetider().assign(nedre=float("inf")), hu.OgiltigtVärdeError, "finite"),
        (
            "väntetider",
            _väntetider().drop(columns="gränsnamn").assign(gräns="90"),
            hu.FelTypError,
            "column 'gräns'",
        ),
        ("kontinuitet", _kontinuitet().drop(columns="median"), hu.SaknadKolumnError, "'median'"),
        ("kontinuitet", _kontinuitet().assign(medel=1e300), hu.OgiltigtVärdeError, "magnitude"),
        (
            "kontinuitet",
            _kontinuitet().assign(antal_patienter=1.5),
            hu.OgiltigtVärdeError,
            "counts",
        ),
        ("ekonomi", pd.DataFrame({"belopp": [1.0]}), hu.SaknadKolumnError, "none of the columns"),
        ("ekonomi", pd.DataFrame({"ack_utfall": ["-174,1"]}), hu.FelTypError, "'ack_utfall'"),
        ("ekonomi", pd.DataFrame({"ack_budget": [1e16]}), hu.OgiltigtVärdeError, "magnitude"),
        (
            "ekonomi",
            pd.concat([_kontinuitet()] * 2, axis=1),
            hu.OgiltigtVärdeError,
            "more than once",
        ),
        ("ekonomi", [1.0], hu.FelTypError, "ekonomi must be a pandas DataFrame or None"),
    ],
)
def test_uppföljning_checks_its_frames_when_built(
    fält: str, ram: object, fel: type[Exception], text: str
) -> None:
    with pytest.raises(fel, match=f"Uppföljning: {fält}") as info:
        hu.Uppföljning(organisation=None, period="", indikatorer=_minsta_underlag(), **{fält: ram})
    assert text in str(info.value)


@pytest.mark.parametrize(
    "ändra",
    [
        lambda r: r.assign(**{k: float("nan") for k in r.columns if r[k].dtype.kind == "f"}),
        lambda r: r.iloc[:0],
        lambda r: r.iloc[:1],
        lambda r: pd.concat([r, r]),
        lambda r: r.set_axis(pd.MultiIndex.from_arrays([r.index, r.index])),
    ],
    ids=["nan", "tom", "en_rad", "dubbletter", "multiindex"],
)
def test_odd_but_valid_frames_render_in_every_format(ändra: object, hela: hu.Uppföljning) -> None:
    import attrs

    f = ändra  # type: ignore[assignment]
    u = attrs.evolve(
        hela,
        indikatorer=f(hela.indikatorer),  # type: ignore[operator]
        väntetider=f(hela.väntetider),  # type: ignore[operator]
        kontinuitet=f(hela.kontinuitet),  # type: ignore[operator]
        ekonomi=f(hela.ekonomi),  # type: ignore[operator]
    )
    for format in ("text", "markdown", "html"):
        assert hu.rapport(u, format=format, bredd=60, figurer=False)  # type: ignore[arg-type]
    assert u._repr_html_().startswith('<div class="hu-rapport">')
    kort = u.styrkort()
    assert len(kort) == len(u.indikatorer)
    hu.stil_styrkort(kort).to_html()


@pytest.mark.parametrize("format", [pd.DataFrame(), pd.Series([1.0]), None, 1, ["text"]])
def test_a_format_that_is_not_text_is_a_type_error(
    format: object, uppföljning: hu.Uppföljning
) -> None:
    with pytest.raises(hu.FelTypError, match="rapport: format must be 'text'"):
        hu.rapport(uppföljning, format=format)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="formatera_styrkort: format must be"):
        hu.formatera_styrkort(_litet_kort(), format=format)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ändra", "fel", "text"),
    [
        (lambda p: p.assign(värde="x"), hu.FelTypError, "panel column 'värde' must be a number"),
        (lambda p: p.assign(värde=True), hu.FelTypError, "panel column 'värde' must be a number"),
        (lambda p: p.assign(värde=float("inf")), hu.OgiltigtVärdeError, "must be finite"),
        (lambda p: p.assign(median=1e300), hu.OgiltigtVärdeError, "'median' must be less than"),
        (lambda p: p.assign(täljare="x"), hu.FelTypError, "panel column 'täljare'"),
        (lambda p: p.assign(värde=78.8), hu.AndelsError, "or pass andel=False"),
        (
            lambda p: pd.concat([p, p[["värde"]]], axis=1),
            hu.OgiltigtVärdeError,
            "the column ['värde'] more than once",
        ),
    ],
    ids=["text", "bool", "inf", "stor", "täljare", "procent", "dubbel_kolumn"],
)
def test_stil_panel_names_the_column_of_a_bad_value(
    ändra: object, fel: type[Exception], text: str
) -> None:
    with pytest.raises(fel) as info:
        hu.stil_panel(ändra(_panel()), andel=True)  # type: ignore[operator]
    assert text in str(info.value)


def test_stil_panel_decimaler_and_repeated_regions() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="stil_panel: decimaler must be at most 15"):
        hu.stil_panel(_panel(), decimaler=16)
    # a region listed twice is shown twice (by position), and Riket still in bold
    dubbel = pd.concat([_panel(), _panel()])
    html = hu.stil_panel(dubbel, andel=True).to_html()
    assert html.count("font-weight: bold") >= 2
    # an unknown colour class is shown as written, not hidden
    html = hu.stil_panel(_panel().assign(färgklass="lila")).to_html()
    assert "lila" in html


def test_line_breaks_and_long_words_in_data_keep_tables_and_widths() -> None:
    underlag = pd.DataFrame(
        {
            "indikator": ["A\nB|C", "x" * 200],
            "mål_text": ["≥80 %", "≥80 %"],
            "utfall": [0.9, 0.7],
            "avsnitt": ["Tillgäng-\nlighet", "y" * 120],
        }
    )
    u = hu.Uppföljning(organisation=None, period="", indikatorer=underlag, källa="rad1\nrad2")
    markdown = u.rapport(format="markdown")
    assert "| A B\\|C | ≥80 % | 90,0 % |  | ✔ uppnådd |  |  |" in markdown
    assert "### Tillgäng- lighet" in markdown  # a heading on one line
    text = u.rapport(bredd=40)
    assert max(len(rad) for rad in text.splitlines()) <= 40  # a 200-letter name is broken
    assert "x" * 40 in text


# ------------------------------------------------------------------------ fuzz findings (issue 12)


@pytest.mark.parametrize("saknas", [None, pd.NA])
@pytest.mark.parametrize(
    ("ram", "kolumn", "rubrik"),
    [
        ("väntetider", "antal", "Antal"),
        ("väntetider", "andel", "Andel"),
        ("väntetider", "nedre", "95 % intervall"),
        ("väntetider", "exkluderade", "Exkluderade"),
        ("kontinuitet", "antal_patienter", "Patienter"),
        ("kontinuitet", "median", "Median"),
        ("ekonomi", "ack_utfall", "Utfall ack"),
        ("ekonomi", "helår_budget", "Budget helår"),
    ],
)
def test_a_missing_cell_given_as_none_or_na_is_shown_as_missing(
    saknas: object, ram: str, kolumn: str, rubrik: str
) -> None:
    # found by probing: float(None) raised TypeError inside rapport (an internal error);
    # Uppföljning accepts a missing cell (NaN), so the report shows it as missing
    u = hu.exempeldata.uppföljning_västmanland_2023_02()
    ändrad = getattr(u, ram).copy()
    ändrad[kolumn] = ändrad[kolumn].astype(object)
    ändrad.iloc[0, list(ändrad.columns).index(kolumn)] = saknas
    kw = {
        "organisation": u.organisation,
        "period": u.period,
        "indikatorer": u.indikatorer,
        "väntetider": u.väntetider,
        "kontinuitet": u.kontinuitet,
        "ekonomi": u.ekonomi,
        "prognos": u.prognos,
    }
    kw[ram] = ändrad
    text = hu.rapport(hu.Uppföljning(**kw), format="markdown", figurer=False)
    assert rubrik in text
    nan_ändrad = ändrad.copy()
    nan_ändrad.iloc[0, list(ändrad.columns).index(kolumn)] = float("nan")
    kw[ram] = nan_ändrad
    assert text == hu.rapport(hu.Uppföljning(**kw), format="markdown", figurer=False)
