"""Tests of the bundled economy figures (provenance and values) and the synthetic generator."""

from __future__ import annotations

import csv
import io
import math
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import halsouppfoljning as hu

from .kallor import VÄRMLAND, VÄSTMANLAND
from .kallor import rader as _seedrader


def _rader(fil: Path) -> list[str]:
    return _seedrader(fil)


def _csv(namn: str) -> list[dict[str, str]]:
    text = resources.files("halsouppfoljning").joinpath(f"data/{namn}").read_text("utf-8")
    return list(
        csv.DictReader(io.StringIO("\n".join(r for r in text.splitlines() if r[:1] != "#")))
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_result_statement_rows_are_on_their_lines() -> None:
    seed = _rader(VÄSTMANLAND)
    kolumner = [
        "ack_utfall", "ack_budget", "ack_avvikelse", "ack_utfall_fg_år", "helår_prognos",
        "helår_budget", "avvikelse_prognos_budget", "bokslut_fg_år", "ack_avvikelse_fg_år",
    ]  # fmt: skip
    rader = _csv("vastmanland_2023_02_ekonomi_resultatrakning.csv")
    assert len(rader) == 17
    for rad in rader:
        linje = _norm(seed[int(rad["rad"]) - 1])
        # the printed line is the item followed by the nine figures in this order
        förväntat = _norm(" ".join([rad["post"]] + [rad[k] for k in kolumner]))
        assert linje == förväntat, (rad["post"], linje)


@pytest.mark.parametrize(
    ("fil", "seed"),
    [
        ("vastmanland_2023_02_ekonomi_nyckeltal.csv", VÄSTMANLAND),
        ("vastmanland_2023_02_ekonomi_avvikelser.csv", VÄSTMANLAND),
        ("varmland_2023_ekonomi.csv", VÄRMLAND),
    ],
)
def test_printed_figures_are_on_their_lines(fil: str, seed: Path) -> None:
    text = _rader(seed)
    for rad in _csv(fil):
        linje = _norm(text[int(rad["rad"]) - 1])
        tryckt = rad["som_tryckt"]
        if _norm(tryckt) not in linje:
            # the extraction split "-932,507" over lines 1608-1610 ("-" alone on its line)
            linje = "".join(_norm(t) for t in text[int(rad["rad"]) - 3 : int(rad["rad"])])
        assert _norm(tryckt) in linje, (fil, rad)


def test_sensitivity_item_names_are_on_their_lines() -> None:
    text = _rader(VÄSTMANLAND)
    rader = _csv("vastmanland_2023_02_ekonomi_kanslighet.csv")
    assert len(rader) == 8
    for rad in rader:
        assert _norm(text[int(rad["rad"]) - 1]) == rad["post"]
        assert rad["ned"] == rad["upp"] == ""  # not in the text: missing


def test_resultaträkning_values() -> None:
    rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    assert rr.shape == (17, 11)
    # line 1117: Resultat -174,1 -8,5 -165,6 -119,7 -890,0 0,0 -890,0 -480,5 -54,4
    assert rr.loc["Resultat"].drop(["radtyp", "rad"]).tolist() == [
        -174.1, -8.5, -165.6, -119.7, -890.0, 0.0, -890.0, -480.5, -54.4,
    ]  # fmt: skip
    assert rr.loc["Regionersättning", "ack_utfall"] == 1418.4
    assert rr.loc["Summa Kostnader", "helår_prognos"] == -10253.9
    assert "Månadsrapport februari 2023" in rr.attrs["källa"]
    # the lines add up to the totals, to the report's rounding (0,05 per printed figure)
    intäkter = rr[rr["radtyp"] == "intäkt"].drop(columns=["radtyp", "rad"]).sum()
    summa = rr.loc["Summa Intäkter"].drop(["radtyp", "rad"]).astype(float)
    np.testing.assert_allclose(intäkter, summa, atol=5 * 0.05 + 1e-9)
    kostnader = rr[rr["radtyp"] == "kostnad"].drop(columns=["radtyp", "rad"]).sum()
    summa = rr.loc["Summa Kostnader"].drop(["radtyp", "rad"]).astype(float)
    np.testing.assert_allclose(kostnader, summa, atol=8 * 0.05 + 1e-9)


def test_prognos_västmanland() -> None:
    p = hu.exempeldata.prognos_västmanland_2023_02()
    assert (p.värde, p.nedre, p.övre) == (-890.0, -940.0, -870.0)
    assert p.revidering == -90.0  # -890 against "tidigare beräknat minus 800" (line 17)
    assert p.avvikelse_mot_budget == -890.0  # Helår Avv Bud mot Prog, line 1117
    assert p.avser == "helår 2023"
    # the same forecast as line 496 writes it
    q = hu.Prognos.tolka("Prognos - 890 mkr +20/-50 mnkr.")
    assert q.intervall == p.intervall


def test_nyckeltal_and_avvikelser() -> None:
    n = hu.exempeldata.nyckeltal_västmanland_2023_02()
    assert n.loc["bruttokostnadsutveckling", "värde"] == pytest.approx(0.054)
    assert n.loc["årsprognos uppsida", "värde"] == 20.0
    assert n.loc["årsprognos nedsida", "värde"] == -50.0
    assert n.loc["målnivå avvikelse mot budget", "enhet"] == "kr"
    a = hu.exempeldata.avvikelser_västmanland_2023_02()
    assert set(a["period"]) == {"ack februari", "helår"}
    assert a.loc[a["post"] == "Nya dyra läkemedel, exempelvis inom onkologi", "värde"].item() == (
        -3.8
    )


def test_känslighetsposter_are_missing_and_propagate() -> None:
    k = hu.exempeldata.känslighetsposter_västmanland_2023_02()
    assert k.index[0] == "Tillgänglighetskostnader"
    assert k[["ned", "upp"]].isna().all().all()
    for metod in ("summa", "kvadratsumma", "simulering"):
        nedre, övre = hu.känslighetsintervall(k, punkt=-890, metod=metod, seed=1)
        assert math.isnan(nedre)
        assert math.isnan(övre)


def test_värmland() -> None:
    v = hu.exempeldata.ekonomi_värmland_2023()
    assert len(v) == 24
    idx = v.set_index(["post", "mått"])["värde"]
    assert idx[("Köpt vård", "avvikelse mot budget")] == -200.0
    assert idx[("Intäkter", "avvikelse mot budget")] == 220.0
    # printed unsigned, direction only in words
    assert idx[("Personalkostnader", "avvikelse mot budget")] == 551.0
    assert "högre" in v.loc[v["mått"] == "avvikelse mot budget"].iloc[3]["sammanhang"]


def test_syntetiska_månadsutfall() -> None:
    a = hu.exempeldata.syntetiska_månadsutfall(4, seed=2)
    b = hu.exempeldata.syntetiska_månadsutfall(4, seed=2)
    assert a.equals(b)
    assert a.shape == (4, 12)
    assert a.attrs["källa"] == "syntetisk"
    noll = hu.exempeldata.syntetiska_månadsutfall(2, spridning=0.0, månadsbudget=[1.0] * 12)
    assert (noll == 1.0).all().all()
    with pytest.raises(hu.OgiltigtVärdeError, match="antal_år"):
        hu.exempeldata.syntetiska_månadsutfall(0)
    with pytest.raises(hu.OgiltigtVärdeError, match="spridning"):
        hu.exempeldata.syntetiska_månadsutfall(1, spridning=-1.0)
    with pytest.raises(hu.OgiltigtVärdeError, match="12 months"):
        hu.exempeldata.syntetiska_månadsutfall(1, månadsbudget=[1.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="antal_år must be a whole number"):
        hu.exempeldata.syntetiska_månadsutfall(1.5)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="spridning must be a number"):
        hu.exempeldata.syntetiska_månadsutfall(1, spridning="10")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="månadsbudget must be a number"):
        hu.exempeldata.syntetiska_månadsutfall(1, månadsbudget=["1"] * 12)  # type: ignore[list-item]
    # medelavvikelse shifts every month by the same amount when spridning is 0
    skift = hu.exempeldata.syntetiska_månadsutfall(
        1, spridning=0.0, medelavvikelse=-2.5, månadsbudget=np.arange(12.0)
    )
    assert skift.iloc[0].tolist() == [m - 2.5 for m in range(12)]


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        # issue 12: figures whose outcomes would be infinite, missing budget months
        ({"spridning": 1e308}, hu.OgiltigtVärdeError, "spridning is 1e[+]308 mnkr in size"),
        ({"medelavvikelse": -1e300}, hu.OgiltigtVärdeError, "medelavvikelse is 1e[+]300 mnkr"),
        ({"månadsbudget": [1e308] * 12}, hu.OgiltigtVärdeError, "månadsbudget is 1e[+]308 mnkr"),
        ({"månadsbudget": [np.nan] + [1.0] * 11}, hu.OgiltigtVärdeError, "NaN.*month 1"),
        ({"månadsbudget": [[1.0] * 12]}, hu.OgiltigtVärdeError, r"12 months, got shape \(1, 12\)"),
        ({"medelavvikelse": np.inf}, hu.OgiltigtVärdeError, "medelavvikelse must be finite"),
        ({"spridning": True}, hu.FelTypError, "spridning must be a number"),
        ({"antal_år": 10**12}, hu.OgiltigtVärdeError, "antal_år must be at most 1000"),
        ({"antal_år": 2.5}, hu.OgiltigtVärdeError, "antal_år must be a whole number"),
        ({"seed": 1.5}, hu.FelTypError, "seed must be"),
    ],
)
def test_syntetiska_månadsutfall_refuses(kwargs: dict[str, object], fel: type, text: str) -> None:
    argument = {"antal_år": 3, "seed": 1}
    argument.update(kwargs)
    with pytest.raises(fel, match=text):
        hu.exempeldata.syntetiska_månadsutfall(**argument)  # type: ignore[arg-type]


def test_syntetiska_månadsutfall_with_no_spread_is_the_budget() -> None:
    budget = [float(m) for m in range(1, 13)]
    t = hu.exempeldata.syntetiska_månadsutfall(2, månadsbudget=budget, spridning=0, seed=1)
    assert t.to_numpy().tolist() == [budget, budget]


def test_syntetiska_manadsutfall_minus_zero_spread_is_zero_spread() -> None:
    # issue 12 (fuzz probe): -0.0 passed the ">= 0" check and numpy refused "scale < 0".
    t = hu.exempeldata.syntetiska_månadsutfall(2, spridning=-0.0, seed=1)
    # With no spread and mean deviation 0 every year is the default monthly budget.
    assert t.iloc[0].tolist() == [-4.0, 6.0, 8.0, 6.0, 4.0, -10.0, -20.0, -6.0, 6.0, 8.0, 6.0, -4.0]
    assert t.iloc[1].tolist() == t.iloc[0].tolist()


def test_syntetiska_manadsutfall_refuses_a_boolean_month() -> None:
    # issue 12 (own probe): True among eleven amounts was read as 1 mnkr.
    with pytest.raises(hu.FelTypError, match=r"månadsbudget must be numbers .* for month 12"):
        hu.exempeldata.syntetiska_månadsutfall(2, månadsbudget=[1.0] * 11 + [True], seed=1)


@pytest.mark.parametrize(
    "index",
    [list(range(12, 0, -1)), [0] * 12, list("abcdefghijkl")],
    ids=["omvänd", "dubbel", "text"],
)
def test_syntetiska_manadsutfall_refuses_a_series_not_indexed_by_month(index: list[object]) -> None:
    # issue 12 (own probe): a Series indexed December..January was read January first.
    budget = pd.Series(np.arange(12.0), index=index)
    with pytest.raises(hu.OgiltigtVärdeError, match="månadsbudget is a Series whose index"):
        hu.exempeldata.syntetiska_månadsutfall(2, månadsbudget=budget, seed=1)


def test_syntetiska_manadsutfall_takes_a_series_indexed_by_month() -> None:
    budget = pd.Series(np.arange(12.0), index=range(1, 13))
    t = hu.exempeldata.syntetiska_månadsutfall(1, månadsbudget=budget, spridning=0.0, seed=1)
    assert t.iloc[0].tolist() == list(np.arange(12.0))
