"""Tests of the synthetic visits generator exempeldata.syntetiska_besök."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import halsouppfoljning as hu


@pytest.fixture(scope="module")
def besök() -> pd.DataFrame:
    return hu.exempeldata.syntetiska_besök(300_000, seed=7)


def test_kolumner_och_typer(besök: pd.DataFrame) -> None:
    assert list(besök.columns) == [
        "patient",
        "vårdgivare",
        "yrke",
        "datum",
        "enhet",
        "listningsenhet",
        "region",
        "ordinarie_läkare",
    ]
    assert len(besök) == 300_000
    assert besök["patient"].dtype == np.int64
    assert besök["vårdgivare"].dtype == np.int64
    assert pd.api.types.is_datetime64_any_dtype(besök["datum"])
    assert set(besök["yrke"].cat.categories) == {"läkare", "sjuksköterska"}
    # the two unit columns share their categories, so they can be compared
    assert besök["enhet"].cat.categories.equals(besök["listningsenhet"].cat.categories)
    assert not besök.isna().any().any()


def test_storlekar_som_begärt(besök: pd.DataFrame) -> None:
    # 300 000 visits / 5 per patient = 60 000 patients in the population (not all get a visit)
    assert 40_000 < besök["patient"].nunique() <= 60_000
    # 300 000 / 667 = 450 providers -> 18 units of 25 = 450 provider ids at most
    assert besök["vårdgivare"].nunique() <= 450
    assert besök["listningsenhet"].nunique() == 18
    # regions are länskoder of real regions
    assert set(besök["region"].astype(str)) <= {r.kod for r in hu.regioner()}


def test_datum_över_två_år(besök: pd.DataFrame) -> None:
    assert besök["datum"].max() < pd.Timestamp("2024-01-01")
    assert besök["datum"].min() >= pd.Timestamp("2022-01-01")
    assert besök["datum"].dt.year.value_counts().sort_index().index.tolist() == [2022, 2023]


def test_samma_seed_samma_data() -> None:
    a = hu.exempeldata.syntetiska_besök(5_000, seed=3)
    b = hu.exempeldata.syntetiska_besök(5_000, seed=3)
    c = hu.exempeldata.syntetiska_besök(5_000, seed=4)
    pd.testing.assert_frame_equal(a, b)
    assert not a["vårdgivare"].equals(c["vårdgivare"])


def test_en_lista_per_patient(besök: pd.DataFrame) -> None:
    # listing unit, region and usual doctor are properties of the patient
    unika = besök.drop_duplicates(["patient", "listningsenhet", "region", "ordinarie_läkare"])
    assert unika["patient"].is_unique


def test_realistisk_kontinuitet(besök: pd.DataFrame) -> None:
    # the national mean of the published index (doctor visits, >= 3) is near 0.3
    coc = hu.kontinuitetsindex(besök, yrke="yrke", yrken="läkare")
    assert 0.25 < coc.mean() < 0.35
    regel = hu.kontinuitetsindex(
        besök,
        datum="datum",
        slutdatum="2023-12-31",
        listningsenhet="listningsenhet",
        vårdenhet="enhet",
        yrke="yrke",
        yrken="läkare",
    )
    assert 0.25 < regel.mean() < 0.4


def test_ordinarie_läkare_tar_flest_besök(besök: pd.DataFrame) -> None:
    # among patients with >= 5 doctor visits, the usual doctor is the most frequent
    # provider for most of them (it takes far more visits than any single colleague)
    läkare = besök[besök["yrke"] == "läkare"]
    N = läkare.groupby("patient").size()
    urval = läkare[läkare["patient"].isin(N[N >= 5].index)]
    hos_ordinarie = (
        (urval["vårdgivare"] == urval["ordinarie_läkare"]).groupby(urval["patient"]).sum()
    )
    störst = urval.groupby(["patient", "vårdgivare"]).size().groupby(level="patient").max()
    assert (hos_ordinarie == störst).mean() > 0.5
    # and the usual doctor is a doctor at the patient's listing unit
    assert (urval["ordinarie_läkare"].isin(läkare["vårdgivare"])).all()


def test_noll_besök() -> None:
    tom = hu.exempeldata.syntetiska_besök(0, seed=1)
    assert len(tom) == 0
    assert len(hu.kontinuitetsindex(tom)) == 0


@pytest.mark.parametrize(
    ("args", "kwargs", "fel", "text"),
    [
        ((1.5,), {}, hu.OgiltigtVärdeError, "n_besök must be a whole number"),
        ((True,), {}, hu.FelTypError, "n_besök must be a whole number"),
        (("100",), {}, hu.FelTypError, "n_besök must be a whole number"),
        ((-1,), {}, hu.OgiltigtVärdeError, "n_besök must be at least 0"),
        ((10,), {"andel_ordinarie": 30.0}, hu.AndelsError, "did you pass percent"),
        ((10,), {"andel_ordinarie": 0.0}, hu.OgiltigtVärdeError, "strictly between 0 and 1"),
        ((10,), {"andel_ordinarie": "0,3"}, hu.FelTypError, "andel_ordinarie must be a number"),
        ((10,), {"besök_per_patient": 0}, hu.OgiltigtVärdeError, "must be at least 1"),
        ((10,), {"besök_per_vårdgivare": "667"}, hu.FelTypError, "must be a number"),
        ((10,), {"vårdgivare_per_enhet": -2}, hu.OgiltigtVärdeError, "must be at least 1"),
        # issue 12: sizes that would exhaust memory, and dates outside datetime64[ns]
        ((10,), {"besök_per_patient": 1e-9}, hu.OgiltigtVärdeError, "besök_per_patient must be"),
        ((10,), {"besök_per_vårdgivare": 1e-300}, hu.OgiltigtVärdeError, "besök_per_vårdgivare"),
        ((10,), {"vårdgivare_per_enhet": 10**9}, hu.OgiltigtVärdeError, "vårdgivare_per_enhet"),
        (
            (10,),
            {"slutdatum": "0001-01-01"},
            hu.OgiltigtVärdeError,
            "slutdatum 0001-01-01 is outside",
        ),
        (
            (10,),
            {"slutdatum": "2300-01-01"},
            hu.OgiltigtVärdeError,
            "slutdatum 2300-01-01 is outside",
        ),
        (
            (10,),
            {"slutdatum": "1677-01-01"},
            hu.OgiltigtVärdeError,
            "slutdatum 1677-01-01 is outside",
        ),
        ((10**12,), {}, hu.OgiltigtVärdeError, "n_besök must be at most"),
        ((10,), {"seed": "1"}, hu.FelTypError, "seed must be"),
        ((10,), {"seed": 1.5}, hu.FelTypError, "seed must be"),
        ((10,), {"andel_ordinarie": 1.0}, hu.OgiltigtVärdeError, "strictly between 0 and 1"),
        ((10,), {"andel_ordinarie": -0.1}, hu.AndelsError, "andel_ordinarie"),
        ((10,), {"vårdgivare_per_enhet": 2.5}, hu.OgiltigtVärdeError, "whole number"),
        ((10,), {"slutdatum": "12/31/2023"}, hu.OgiltigtVärdeError, "ambiguous"),
        ((10,), {"slutdatum": 20231231}, hu.FelTypError, "not a date"),
    ],
)
def test_fel(
    args: tuple[Any, ...], kwargs: dict[str, Any], fel: type[Exception], text: str
) -> None:
    with pytest.raises(fel, match=text):
        hu.exempeldata.syntetiska_besök(*args, **kwargs)


def test_numpy_heltal_godtas() -> None:
    assert len(hu.exempeldata.syntetiska_besök(np.int64(50), seed=1)) == 50


def test_slutdatum_som_datum_och_heltal_som_flyttal() -> None:
    import datetime as dt

    a = hu.exempeldata.syntetiska_besök(500, seed=2, slutdatum=dt.date(2023, 2, 28))
    b = hu.exempeldata.syntetiska_besök(500, seed=2, slutdatum="2023-02-28")
    pd.testing.assert_frame_equal(a, b)
    assert a["datum"].max() < pd.Timestamp("2023-03-01")
    # a whole number given as a float (the input layer's rule for whole numbers)
    assert len(hu.exempeldata.syntetiska_besök(50.0, seed=1)) == 50  # type: ignore[arg-type]


def test_ett_tidszonsmedvetet_slutdatum_räknas_i_svensk_lokal_tid() -> None:
    # 2023-12-31 23:30 UTC is 2024-01-01 00:30 in Stockholm: the last day is 1 January
    utc = pd.Timestamp("2023-12-31 23:30", tz="UTC")
    a = hu.exempeldata.syntetiska_besök(2000, seed=4, slutdatum=utc)
    b = hu.exempeldata.syntetiska_besök(2000, seed=4, slutdatum="2024-01-01")
    pd.testing.assert_frame_equal(a, b)


def test_den_interna_befolkningen_är_giltig_när_den_byggs() -> None:
    from halsouppfoljning.exempeldata.kontinuitet import _Befolkning

    ett = np.zeros(3, dtype=np.int64)
    with pytest.raises(hu.OgiltigtVärdeError, match="k must be an int >= 1"):
        _Befolkning(
            k=0, n_läkare_per_enhet=1, n_enheter=1, p_enhet=ett, p_läkare=ett, p_q=ett, vikt=ett
        )
    with pytest.raises(hu.OgiltigtVärdeError, match="p_q must be an array with one value"):
        _Befolkning(
            k=1,
            n_läkare_per_enhet=1,
            n_enheter=1,
            p_enhet=ett,
            p_läkare=ett,
            p_q=np.zeros(2),
            vikt=ett,
        )
