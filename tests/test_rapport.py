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
