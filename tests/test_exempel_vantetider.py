"""Tests of the synthetic waiting-list generator ``exempeldata.syntetisk_väntelista``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu


def test_kolumner_och_typer() -> None:
    d = hu.exempeldata.syntetisk_väntelista(500, seed=1)
    assert list(d.columns) == [
        "region",
        "vårdtyp",
        "start",
        "slut",
        "patientvald",
        "medicinskt_orsakad",
    ]
    assert isinstance(d["region"].dtype, pd.CategoricalDtype)
    assert list(d["region"].cat.categories) == [r.namn for r in hu.regioner()]
    assert list(d["vårdtyp"].cat.categories) == ["första besök", "operation/åtgärd"]
    assert d["start"].dtype == np.dtype("datetime64[ns]")
    assert d["slut"].dtype == np.dtype("datetime64[ns]")
    assert d["patientvald"].dtype == bool
    assert d["medicinskt_orsakad"].dtype == bool


def test_samma_seed_samma_data() -> None:
    a = hu.exempeldata.syntetisk_väntelista(300, seed=7)
    b = hu.exempeldata.syntetisk_väntelista(300, seed=7)
    c = hu.exempeldata.syntetisk_väntelista(300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_noll_rader() -> None:
    d = hu.exempeldata.syntetisk_väntelista(0, seed=1)
    assert d.shape == (0, 6)
    r = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-06-30")
    assert r["antal"].item() == 0


def test_rimliga_andelar_och_flaggor() -> None:
    d = hu.exempeldata.syntetisk_väntelista(40_000, seed=2)
    # flags about 5 % and 3 % (binomial sd at n = 40 000 is about 0.1 %)
    assert d["patientvald"].mean() == pytest.approx(0.05, abs=0.006)
    assert d["medicinskt_orsakad"].mean() == pytest.approx(0.03, abs=0.005)
    # Stockholm is the largest region (weight 2450 of 10 519 thousand)
    andelar = d["region"].value_counts(normalize=True)
    assert andelar.idxmax() == "Region Stockholm"
    assert andelar["Region Stockholm"] == pytest.approx(2450 / 10519, abs=0.01)
    # lognormal waits with median 45 days (first visit): about half within 45 days
    klara = d[d["slut"].notna() & (d["vårdtyp"] == "första besök") & ~d["patientvald"]]
    assert 0.3 < ((klara["slut"] - klara["start"]).dt.days <= 45).mean() < 0.75


def test_datumgränser() -> None:
    d = hu.exempeldata.syntetisk_väntelista(5000, seed=3, från="2023-01-01", till="2023-06-30")
    assert d["start"].min() >= pd.Timestamp("2023-01-01")
    assert d["start"].max() <= pd.Timestamp("2023-06-30")
    klara = d["slut"].notna()
    assert (d.loc[klara, "slut"] >= d.loc[klara, "start"]).all()
    assert d.loc[klara, "slut"].max() <= pd.Timestamp("2023-06-30")  # extraction date
    assert (~klara).any()  # some still waiting


@given(n=st.integers(0, 200), seed=st.integers(0, 2**32 - 1))
def test_egenskaper(n: int, seed: int) -> None:
    d = hu.exempeldata.syntetisk_väntelista(n, seed=seed)
    assert len(d) == n
    klara = d["slut"].notna()
    assert (d.loc[klara, "slut"] >= d.loc[klara, "start"]).all()
    assert d["start"].notna().all()
    # valid input for väntetidsandelar: never an invalid row
    r = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", period="2023")
    assert r["ogiltiga"].item() == 0


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"n": -1}, hu.OgiltigtVärdeError, r"n \(number of rows\) must be at least 0"),
        ({"n": 2.5}, hu.OgiltigtVärdeError, "must be a whole number"),
        ({"n": True}, hu.FelTypError, "must be a whole number"),
        ({"n": "5"}, hu.FelTypError, "must be a whole number"),
        ({"n": 5, "från": "01/02/2023"}, hu.OgiltigtVärdeError, "ambiguous"),
        ({"n": 5, "till": 20231231}, hu.FelTypError, "not a date"),
        ({"n": 5, "från": "2023-02-01", "till": "2023-01-01"}, hu.OgiltigtVärdeError, "before"),
        # issue 12: the message names the function, both dates and the fix
        (
            {"n": 5, "från": "2024-01-01", "till": "2023-01-01"},
            hu.OgiltigtVärdeError,
            r"syntetisk_väntelista: till \(2023-01-01\) is before från \(2024-01-01\); swap",
        ),
        # issue 12: absurd sizes and dates outside what datetime64[ns] holds
        ({"n": 10**12}, hu.OgiltigtVärdeError, r"n \(number of rows\) must be at most"),
        ({"n": 5, "till": "9999-12-31"}, hu.OgiltigtVärdeError, "till 9999-12-31 is outside"),
        ({"n": 5, "från": "0001-01-01"}, hu.OgiltigtVärdeError, "från 0001-01-01 is outside"),
        ({"n": 5, "från": "1677-01-01"}, hu.OgiltigtVärdeError, "från 1677-01-01 is outside"),
        ({"n": 5, "till": "2300-01-01"}, hu.OgiltigtVärdeError, "till 2300-01-01 is outside"),
        ({"n": 5, "från": None}, hu.OgiltigtVärdeError, "från is missing"),
        ({"n": 5, "seed": "1"}, hu.FelTypError, "seed must be"),
        ({"n": 5, "seed": True}, hu.FelTypError, "seed must be"),
        ({"n": 5, "seed": -1}, hu.OgiltigtVärdeError, "seed must be >= 0"),
    ],
)
def test_ogiltigt(kwargs: dict[str, object], fel: type, text: str) -> None:
    with pytest.raises(fel, match=text):
        hu.exempeldata.syntetisk_väntelista(**kwargs)  # type: ignore[arg-type]


def test_datum_följer_paketets_regel() -> None:
    # 23:30 UTC on 29 June is 01:30 on 30 June in Stockholm: the same extraction day
    a = hu.exempeldata.syntetisk_väntelista(
        200, seed=5, från="2023-01-01", till=pd.Timestamp("2023-06-29 23:30", tz="UTC")
    )
    b = hu.exempeldata.syntetisk_väntelista(200, seed=5, från="2023-01-01", till="2023-06-30")
    pd.testing.assert_frame_equal(a, b)
    # a whole number given as a float is a number of rows
    assert len(hu.exempeldata.syntetisk_väntelista(7.0, seed=1)) == 7  # type: ignore[arg-type]
