"""Tests of halsouppfoljning.tolka.styrkort: a user's styrkort CSV read into the indicator table."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pandas as pd
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


def test_läs_styrkort_from_a_frame_and_a_path(tmp_path: Path) -> None:
    ram = pd.DataFrame(
        {
            "indikator": ["Beläggningsgrad", "Kostnad"],
            "mål": ["85-90 %", "Enligt plan"],
            "utfall": ["96 %", "-12,5"],
            "plan": [None, "-10"],
        }
    )
    underlag = hu.läs_styrkort(ram)
    assert underlag["utfall"].tolist() == [0.96, -12.5]
    assert math.isnan(underlag.loc[0, "plan"])
    assert underlag.loc[1, "plan"] == -10.0
    fil = tmp_path / "styrkort.csv"
    fil.write_text('indikator,mål,utfall\nX,≥80 %,"79,8 %"\n', encoding="utf-8")
    u = hu.Uppföljning.from_csv(fil, organisation="19", period=hu.Period.månad(2023, 2))
    assert u.källa == "styrkort.csv"  # a path gives its file name
    assert u.period == hu.Period.månad(2023, 2)
    assert u.indikatorer["utfall"].item() == 0.798


def test_läs_styrkort_refuses_files_it_cannot_read(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("indikator,mål,utfall\nBeläggning,≥80 %,90 %\n".encode("latin-1", "replace"))
    with pytest.raises(hu.TolkningsError, match="not UTF-8"):
        hu.läs_styrkort(latin)
    trasig = tmp_path / "trasig.csv"
    trasig.write_text('indikator,mål,utfall\n"X,≥80 %,90 %\n', encoding="utf-8")
    with pytest.raises(hu.TolkningsError, match="as CSV"):
        hu.läs_styrkort(trasig)


@pytest.mark.parametrize(
    ("kolumn", "värde", "meddelande"),
    [
        ("föregående", "mycket", "line 2, column 'föregående'"),
        ("plan", "enligt budget", "line 2, column 'plan'"),
    ],
)
def test_läs_styrkort_names_the_column_of_a_bad_comparison_value(
    kolumn: str, värde: str, meddelande: str
) -> None:
    csv = io.StringIO(f"indikator,mål,utfall,{kolumn}\nX,≥80 %,90 %,{värde}\n")
    with pytest.raises(hu.TolkningsError, match=meddelande):
        hu.läs_styrkort(csv)
