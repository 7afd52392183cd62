"""Tests of halsouppfoljning.tolka.perioder: periods as reports write them (Period.tolka)."""

from __future__ import annotations

import pytest

import halsouppfoljning as hu


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("2023-02", hu.Period.månad(2023, 2)),
        ("T1 2023", hu.Period.tertial(2023, 1)),
        ("tertial 3 2023", hu.Period.tertial(2023, 3)),
        ("Delår 2023", hu.Period.delår(2023)),
        ("Helår 2023", hu.Period.helår(2023)),
        ("2023", hu.Period.helår(2023)),
    ],
)
def test_period_tolka_and_round_trip(text: str, väntat: hu.Period) -> None:
    p = hu.Period.tolka(text)
    assert p == väntat
    assert hu.Period.tolka(str(p)) == p
