"""Tests of halsouppfoljning.tolka.styrkort: a user's styrkort CSV read into the indicator table."""

from __future__ import annotations

import io

import pytest

import halsouppfoljning as hu

U = hu.Måluppfyllelse.UPPNÅDD
E = hu.Måluppfyllelse.EJ_UPPNÅDD


def test_läs_styrkort_reads_report_notation() -> None:
    csv = io.StringIO(
        "indikator,mål,utfall,föregående,riktning,trend\n"
        'Andel besök 90 dagar,95 %,"78,8 %",,högre är bättre,\n'
        "Utlokaliserade,Lägre än fg år,94 (140),,lägre är bättre,Positiv\n"
        'BUP,90/80/80 %,"48,4/31,0/56,0 %",,högre är bättre,\n'
        "Medelväntetid,8 min,14:58,,lägre är bättre,\n"
        'Sjukfrånvaro,"6,0 %","8,3 %","11,7 %",lägre är bättre,Positiv\n'
    )
    underlag = hu.läs_styrkort(csv)
    assert underlag["utfall"].iloc[0] == 0.788
    assert (underlag["utfall"].iloc[1], underlag["föregående"].iloc[1]) == (94.0, 140.0)
    assert underlag["utfall_delar"].iloc[2] == (0.484, 0.31, 0.56)
    assert underlag["utfall"].iloc[3] == pytest.approx(14 + 58 / 60)
    assert underlag["föregående"].iloc[4] == 0.117
    kort = hu.styrkort(underlag)
    assert list(kort["måluppfyllelse"]) == [E, U, (E, E, E), E, E]
    assert list(kort["trend_beräknad"])[4] is hu.Trend.POSITIV


@pytest.mark.parametrize(
    ("csv", "meddelande"),
    [
        (
            'indikator,mål,utfall\nA,≥80 %,"78,8 %"\nB,≥80 %,åttio\n',
            r"line 3, column 'utfall'.*'åttio'",
        ),
        ("indikator,mål,utfall\nA,kanske,1\n", r"line 2, column 'mål'.*'kanske'"),
        ("indikator,mål,utfall\nA,85 %,1\n", r"line 2, column 'mål'.*riktning"),
        ("indikator,mål,utfall,riktning\nA,≥1,1,uppåt\n", r"line 2, column 'riktning'.*'uppåt'"),
        (
            'indikator,mål,utfall,riktning\nA,90/80 %,"48,4/31,0",högre är bättre\n',
            r"line 2, column 'utfall'.*no unit",
        ),
        ("indikator,utfall\nA,1\n", r"column 'mål' is not in the data"),
    ],
)
def test_läs_styrkort_names_line_and_column(csv: str, meddelande: str) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match=meddelande):
        hu.läs_styrkort(io.StringIO(csv))
