"""Tests of halsouppfoljning.tolka.prognos: forecasts as reports write them (Prognos.tolka)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

import halsouppfoljning as hu


def test_prognos_tolka_done_when() -> None:
    p = hu.Prognos.tolka("Prognos - 890 mkr +20/-50 mnkr.")
    assert (p.värde, p.nedre, p.övre) == (-890, -940, -870)
    p = hu.Prognos.tolka("Årsprognos, -890 mnkr +20/-50 mnkr")
    assert (p.värde, p.nedre, p.övre) == (-890, -940, -870)
    assert p.enhet == "mnkr"


@pytest.mark.parametrize(
    ("text", "förväntat"),
    [
        ("-890 +20/-50 mnkr", (-890.0, -940.0, -870.0)),
        ("Helårsprognos: -890 mnkr (-50/+20)", (-890.0, -940.0, -870.0)),
        ("Årsprognos –890 mnkr +20 mnkr/–50 mnkr", (-890.0, -940.0, -870.0)),
        ("-890 mnkr ±30", (-890.0, -920.0, -860.0)),
        ("prognos −890 mnkr +20/−50", (-890.0, -940.0, -870.0)),
        ("Prognos -53,6 mnkr", (-53.6, math.nan, math.nan)),
        ("Prognos +39 mnkr", (39.0, math.nan, math.nan)),
        ("Prognos minus 890 miljoner kronor", (-890.0, math.nan, math.nan)),
        ("-890 000 tkr +20 000/-50 000 tkr", (-890.0, -940.0, -870.0)),
    ],
)
def test_prognos_tolka_forms(text: str, förväntat: tuple[float, float, float]) -> None:
    p = hu.Prognos.tolka(text)
    np.testing.assert_allclose([p.värde, p.nedre, p.övre], förväntat, equal_nan=True)


def test_prognos_tolka_fields_and_unit() -> None:
    p = hu.Prognos.tolka(
        "Prognos -890 mnkr +20/-50 mnkr",
        enhet="tkr",
        avser="helår 2023",
        upprättad="2023-02",
        budget=0.0,
        föregående=-800_000,
        metod="bedömning",
    )
    assert (p.värde, p.nedre, p.övre) == (-890_000, -940_000, -870_000)
    assert p.upprättad == dt.date(2023, 2, 28)
    assert p.revidering == -90_000
    assert p.metod == "bedömning"


@pytest.mark.parametrize(
    ("text", "fel"),
    [
        ("prognos", "holds no amount"),
        ("Prognos -890 +20/+50", "one upside"),
        ("Prognos åttahundra", "is not an amount"),
        ("-890 % +20/-50", "is not an amount"),
    ],
)
def test_prognos_tolka_errors(text: str, fel: str) -> None:
    with pytest.raises(hu.TolkningsError, match=fel):
        hu.Prognos.tolka(text)
    with pytest.raises(hu.FelTypError):
        hu.Prognos.tolka(-890)  # type: ignore[arg-type]
