"""Tests of halsouppfoljning.rapport: a styrkort and a follow-up as text, Markdown and HTML."""

from __future__ import annotations

import pandas as pd
import pytest

import halsouppfoljning as hu


@pytest.fixture(scope="module")
def uppföljning() -> hu.Uppföljning:
    return hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)


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


def test_formatera_styrkort_markdown_escapes_pipes() -> None:
    text = hu.formatera_styrkort(
        _litet_kort(), format="markdown", kolumner=["indikator", "måluppfyllelse"]
    )
    assert text.splitlines() == [
        "| Indikator | Måluppfyllelse |",
        "|---|---|",
        "| Beläggningsgrad | ej uppnådd |",
        "| A\\|B <x> | uppnådd |",
    ]


def test_formatera_styrkort_html_escapes_text() -> None:
    text = hu.formatera_styrkort(_litet_kort(), format="html", kolumner=["indikator"])
    assert "<td>A|B &lt;x&gt;</td>" in text
    assert text.startswith('<table class="styrkort"><thead><tr><th>Indikator</th>')


def test_formatera_styrkort_text_aligns_columns() -> None:
    rader = hu.formatera_styrkort(_litet_kort(), kolumner=["indikator", "mål"]).splitlines()
    assert rader[0] == "Indikator        Mål"
    assert rader[1] == "---------------  -------"
    assert rader[2] == "Beläggningsgrad  85-90 %"


def test_formatera_styrkort_refuses_unknown_format_and_columns() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="'pdf'"):
        hu.formatera_styrkort(_litet_kort(), format="pdf")
    with pytest.raises(hu.SaknadKolumnError, match="'färg'"):
        hu.formatera_styrkort(_litet_kort(), kolumner=["färg"])


def test_rapport_contains_every_section(uppföljning: hu.Uppföljning) -> None:
    text = hu.rapport(uppföljning)
    for rubrik in ("Styrkort", "Servicekvalitet", "Resultaträkning", "Helårsprognos"):
        assert rubrik in text
    # line 40: "Årsprognos, -890 mnkr +20/-50 mnkr"; revision against -800 (line 20) is -90
    assert "Prognos -890 mnkr +20/-50 mnkr" in text
    assert "Revision against the previous forecast -800,0 mnkr: -90,0 mnkr" in text
    # summary counted by hand from FÖRVÄNTAT in test_uppfoljning.py:
    # 4 met, 20 not met (3 of them BUP parts)
    assert "Summary: 4 uppnådd, 20 ej uppnådd, 1 underlag saknas, 1 mål saknas." in text


def test_rapport_formats(uppföljning: hu.Uppföljning) -> None:
    assert hu.rapport(uppföljning, format="markdown").startswith("# Uppföljning: Hälso- och")
    html = hu.rapport(uppföljning, format="html")
    assert html.startswith("<h1>Uppföljning")
    assert "<table" in html
    with pytest.raises(hu.OgiltigtVärdeError, match="'rtf'"):
        hu.rapport(uppföljning, format="rtf")


def test_rapport_renders_waiting_times_and_continuity_in_every_format() -> None:
    u = hu.exempeldata.uppföljning_västmanland_2023_02()
    assert u.väntetider is not None
    assert u.kontinuitet is not None
    text = hu.rapport(u)
    assert "Väntetider\n----------" in text
    assert "Kontinuitet\n-----------" in text
    markdown = hu.rapport(u, format="markdown")
    assert "## Väntetider" in markdown
    assert "## Kontinuitet" in markdown
    assert "| mätdatum | gräns | antal | andel | 95 % intervall | exkluderade |" in markdown
    första = u.väntetider.iloc[0]
    # the share printed is antal_inom / antal to one decimal of a percent
    andel = hu.formatera_andel(int(första["antal_inom"]) / int(första["antal"]))
    assert f"| {första['gränsnamn']} | {int(första['antal'])} | {andel} |" in markdown
    html = hu.rapport(u, format="html")
    assert "<h2>Väntetider</h2>" in html
    assert "<h2>Kontinuitet</h2>" in html
    # the continuity table: one row per unit, mean and median with two decimals
    rad = u.kontinuitet.iloc[0]
    medel = hu.formatera_tal(float(rad["medel"]), 2)
    assert f"<td>{medel}</td>" in html


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
    första = text.splitlines()[0]
    assert första == "Uppföljning: (organisation not stated), T1 2023"
    # 0,88 is inside 85-90 %; 94 is lower than 140: both met, by hand
    assert "Summary: 2 uppnådd." in text
    assert "Prognos -53,6 mnkr: interval [i.u., i.u.] mnkr, None, upprättad None." in text
    assert "Against budget" not in text
    assert "Revision" not in text
    assert "Resultaträkning" not in text
    assert "Källa" not in text


def test_rapport_names_a_nämnd_or_förvaltning_with_its_region() -> None:
    hsn = hu.Nämnd(region="19", namn="Hälso- och sjukvårdsnämnden")
    u = hu.Uppföljning(organisation=hsn, period="", indikatorer=_minsta_underlag())
    assert hu.rapport(u).splitlines()[0] == (
        "Uppföljning: Hälso- och sjukvårdsnämnden (Region Västmanland)"
    )
    html = hu.rapport(u, format="html", avrundning=0, tröskel=1.0)
    assert html.startswith("<h1>Uppföljning: Hälso- och sjukvårdsnämnden (Region Västmanland)</h1>")
    assert "rounded half up to 0 decimals" in html
    assert "threshold 1" in html


def test_rapport_refuses_an_unknown_format() -> None:
    u = hu.Uppföljning(organisation=None, period="", indikatorer=_minsta_underlag())
    with pytest.raises(hu.OgiltigtVärdeError, match="format must be"):
        hu.rapport(u, format="pdf")  # type: ignore[arg-type]


def test_formatera_styrkort_cells_missing_values_and_composites() -> None:
    tabell = pd.DataFrame(
        {
            "indikator": ["A", "B"],
            "måluppfyllelse": [
                (hu.Måluppfyllelse.UPPNÅDD, hu.Måluppfyllelse.EJ_UPPNÅDD),
                hu.Måluppfyllelse.MÅL_SAKNAS,
            ],
            "trend_beräknad": [None, float("nan")],
            "övrigt": [[1, 2], 3],
        }
    )
    text = hu.formatera_styrkort(
        tabell, kolumner=["indikator", "måluppfyllelse", "trend_beräknad", "övrigt"]
    )
    rader = text.splitlines()
    assert rader[0].split() == ["Indikator", "Måluppfyllelse", "Trend", "(beräknad)", "övrigt"]
    assert rader[2].startswith("A          uppnådd / ej uppnådd")
    assert rader[2].endswith("[1, 2]")
    assert rader[3].split() == ["B", "mål", "saknas", "3"]
