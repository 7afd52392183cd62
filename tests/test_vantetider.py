"""Tests of halsouppfoljning.vantetider: limits, väntetidsandelar, sammanvägda_andelar.

Expected values come from hand calculation (shown in comments) or from the
plain per-row reference implementations written below; none is copied from
the code's own output.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import vantetider
from halsouppfoljning.vantetider import _rakning

from .strategies import mätdatumlistor, väntelistor

#: Limits in days, each once: the same limit twice is an error (issue 12)
dagsgränser = st.lists(st.integers(0, 200), min_size=1, max_size=4, unique=True)

T = pd.Timestamp


# --------------------------------------------------------------------------- references


def wilson_referens(x: int, n: int, nivå: float = 0.95) -> tuple[float, float]:
    """Wilson interval with the standard library's normal quantile (not scipy)."""
    if n == 0:
        return (math.nan, math.nan)
    z = NormalDist().inv_cdf(0.5 + nivå / 2)
    p = x / n
    mitt = (p + z * z / (2 * n)) / (1 + z * z / n)
    halv = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, mitt - halv), min(1.0, mitt + halv))


def bestånd_referens(
    d: pd.DataFrame, mätdatum: list[pd.Timestamp], gränser: list[int], exkl: list[str]
) -> dict[tuple[str, pd.Timestamp, int], tuple[int, int, int]]:
    """Per row, per snapshot: (antal, antal_inom, exkluderade) for each (grupp, t, limit)."""
    gränser = list(dict.fromkeys(gränser))  # a repeated limit is one key
    mätdatum = sorted({t.normalize() for t in mätdatum})  # a repeated date is one snapshot
    ut: dict[tuple[str, pd.Timestamp, int], list[int]] = {}
    for g in sorted(set(d["grupp"])):
        for t in mätdatum:
            for gräns in gränser:
                ut[(g, t.normalize(), gräns)] = [0, 0, 0]
    for rad in d.itertuples(index=False):
        for t in mätdatum:
            if not (rad.start <= t and (pd.isna(rad.slut) or rad.slut > t)):
                continue
            utesluten = any(getattr(rad, c) for c in exkl)
            for gräns in gränser:
                cell = ut[(rad.grupp, t, gräns)]
                if utesluten:
                    cell[2] += 1
                else:
                    cell[0] += 1
                    if (t - rad.start).days <= gräns:
                        cell[1] += 1
    return {k: (v[0], v[1], v[2]) for k, v in ut.items()}


def flöde_referens(
    d: pd.DataFrame, perioder: list[pd.Period], gränser: list[int], exkl: list[str]
) -> dict[tuple[str, pd.Period, int], tuple[int, int, int]]:
    gränser = list(dict.fromkeys(gränser))
    ut: dict[tuple[str, pd.Period, int], list[int]] = {}
    for g in sorted(set(d["grupp"])):
        for p in perioder:
            for gräns in gränser:
                ut[(g, p, gräns)] = [0, 0, 0]
    for rad in d.itertuples(index=False):
        if pd.isna(rad.slut):
            continue
        for p in perioder:
            if not (p.start_time <= rad.slut <= p.end_time):
                continue
            utesluten = any(getattr(rad, c) for c in exkl)
            for gräns in gränser:
                cell = ut[(rad.grupp, p, gräns)]
                if utesluten:
                    cell[2] += 1
                else:
                    cell[0] += 1
                    if (rad.slut - rad.start).days <= gräns:
                        cell[1] += 1
    return {k: (v[0], v[1], v[2]) for k, v in ut.items()}


def hand_poster() -> pd.DataFrame:
    """Five records checked on paper (see test_bestånd_och_flöde_för_hand)."""
    return pd.DataFrame(
        {
            "patient": ["A", "B", "C", "D", "E"],
            "start": pd.to_datetime(
                ["2023-01-01", "2023-01-15", "2022-10-01", "2022-11-02", "2023-01-31"]
            ),
            "slut": pd.to_datetime(["2023-02-10", None, "2023-01-31", "2023-03-01", "2023-01-31"]),
        }
    )


# --------------------------------------------------------------------------- limits


def test_vårdgarantin_är_0_3_90_90_med_baser() -> None:
    assert [g.gräns for g in hu.VÅRDGARANTIN] == [0, 3, 90, 90]
    assert [g.bas for g in hu.VÅRDGARANTIN] == ["genomförda", "genomförda", "väntande", "väntande"]
    assert all(g.enhet == "dagar" for g in hu.VÅRDGARANTIN)
    assert all("2017:30" in g.källa for g in hu.VÅRDGARANTIN)


def test_övriga_gränser() -> None:
    assert [g.gräns for g in hu.BUP_30] == [30, 30, 30]
    assert [g.gräns for g in hu.DAGSGRÄNSER] == [7, 30, 60, 180, 365]
    assert [g.gräns for g in hu.AKUTGRÄNSER] == [1, 2, 4, 24]
    assert {g.enhet for g in hu.AKUTGRÄNSER} == {"timmar"}


def test_väntetidsgräns_är_fryst() -> None:
    g = hu.VÅRDGARANTIN[2]
    with pytest.raises(AttributeError):
        g.gräns = 60  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"gräns": -1}, hu.OgiltigtVärdeError, "finite waiting time >= 0"),
        ({"gräns": float("nan")}, hu.OgiltigtVärdeError, "finite"),
        ({"gräns": 0.9}, hu.OgiltigtVärdeError, "did you pass a share or percent"),
        ({"gräns": "90"}, hu.FelTypError, "must be a number"),
        ({"gräns": True}, hu.FelTypError, "must be a number"),
        ({"gräns": 90, "enhet": "veckor"}, hu.OgiltigtVärdeError, "enhet must be one of"),
        ({"gräns": 90, "bas": "alla"}, hu.OgiltigtVärdeError, "bas must be one of"),
    ],
)
def test_väntetidsgräns_ogiltig(kwargs: dict[str, object], fel: type, text: str) -> None:
    with pytest.raises(fel, match=text):
        hu.Väntetidsgräns(namn="x", **kwargs)  # type: ignore[arg-type]


def test_väntetidsgräns_timmar_får_vara_bråk() -> None:
    assert hu.Väntetidsgräns(namn="x", gräns=0.5, enhet="timmar").gräns == 0.5


def test_metoden_delegerar(monkeypatch: pytest.MonkeyPatch) -> None:
    anrop: dict[str, object] = {}

    def falsk(data: object, **kwargs: object) -> str:
        anrop["data"] = data
        anrop.update(kwargs)
        return "svar"

    monkeypatch.setattr(vantetider, "väntetidsandelar", falsk)
    g = hu.VÅRDGARANTIN[3]
    assert g.väntetidsandelar("d", minsta_antal=5) == "svar"  # type: ignore[comparison-overlap]
    assert anrop == {"data": "d", "gränser": g, "minsta_antal": 5}


# --------------------------------------------------------------------------- hand-checked


def test_bestånd_och_flöde_för_hand() -> None:
    # Stock at 2023-01-31 (start <= t < slut):
    #   A start 01-01, slut 02-10: in, waiting 30 days
    #   B start 01-15, waiting:    in, waiting 16 days
    #   C slut 01-31 (done on the snapshot day): out
    #   D start 2022-11-02, slut 03-01: in, waiting 28 + 31 + 31 = 90 days (within 90)
    #   E start = slut = 01-31: out
    # n = 3; within 7: 0; within 30: A, B = 2; within 90: 3.
    d = hand_poster()
    b = hu.väntetidsandelar(
        d, gränser=[7, 30, 90], start="start", slut="slut", mätdatum="2023-01-31", minsta_antal=1
    )
    assert b["antal"].tolist() == [3, 3, 3]
    assert b["antal_inom"].tolist() == [0, 2, 3]
    np.testing.assert_allclose(b["andel"], [0.0, 2 / 3, 1.0])
    # Flow done in January 2023 (slut in 2023-01-01..31):
    #   C waited 2022-10-01 -> 2023-01-31 = 31 + 30 + 31 + 30 = 122 days
    #   E waited 0 days
    # n = 2; within 7, 30 and 90: E only = 1.
    f = hu.väntetidsandelar(
        d, gränser=[7, 30, 90], start="start", slut="slut", period="2023-01", minsta_antal=1
    )
    assert f["antal"].tolist() == [2, 2, 2]
    assert f["antal_inom"].tolist() == [1, 1, 1]
    assert f["period"].iloc[0] == pd.Period("2023-01")


def test_en_dag_senare_är_d_över_90() -> None:
    # D has waited 91 days on 2023-02-01; A 31, B 17: within 90 = 2 of 3.
    b = hu.väntetidsandelar(
        hand_poster(), gränser=90, start="start", slut="slut", mätdatum="2023-02-01"
    )
    assert (b["antal"].item(), b["antal_inom"].item()) == (3, 2)


def test_exakt_90_dagar_är_inom() -> None:
    r = hu.väntetidsandelar([89, 90, 91], gränser=90, minsta_antal=1)
    assert (r["antal"].item(), r["antal_inom"].item()) == (3, 2)
    assert r["andel"].item() == pytest.approx(2 / 3)


def test_samma_dag_är_0_dagar() -> None:
    r = hu.väntetidsandelar([0, 0, 1, 3, 4], gränser=hu.VÅRDGARANTIN[:2], minsta_antal=1)
    # within 0: two; within 3: four
    assert r["antal_inom"].tolist() == [2, 4]
    assert r["gränsnamn"].tolist() == ["kontakt samma dag", "medicinsk bedömning inom 3 dagar"]


def test_wilson_för_hand() -> None:
    # x = 0, n = 10: lower 0, upper z^2 / (n + z^2) = 3.8415 / 13.8415 = 0.27753
    r = hu.väntetidsandelar([100] * 10, gränser=90, minsta_antal=1)
    assert r["nedre"].item() == 0.0
    assert r["övre"].item() == pytest.approx(0.27753, abs=5e-5)
    # x = 8, n = 10 at 95 %: (0.4902, 0.9433) (Wilson 1927; Newcombe 1998 table)
    r = hu.väntetidsandelar([1] * 8 + [100] * 2, gränser=90, minsta_antal=1)
    assert r["nedre"].item() == pytest.approx(0.4902, abs=5e-5)
    assert r["övre"].item() == pytest.approx(0.9433, abs=5e-5)
    # 90 % level against the reference formula
    r = hu.väntetidsandelar([1] * 8 + [100] * 2, gränser=90, konfidensnivå=0.9)
    ned, upp = wilson_referens(8, 10, 0.9)
    assert (r["nedre"].item(), r["övre"].item()) == pytest.approx((ned, upp), abs=1e-12)


def test_alla_inom_ger_övre_1() -> None:
    r = hu.väntetidsandelar([1, 2, 3], gränser=90)
    assert r["övre"].item() == 1.0
    assert r["andel"].item() == 1.0


def test_undertryckt_under_minsta_antal() -> None:
    r = hu.väntetidsandelar(list(range(19)), gränser=90)
    assert r["undertryckt"].item()
    assert r["andel"].item() == 1.0  # the value is kept, only flagged
    r = hu.väntetidsandelar(list(range(20)), gränser=90)
    assert not r["undertryckt"].item()


def test_exkludering_räknas_per_skäl() -> None:
    d = pd.DataFrame(
        {
            "väntetid": [10, 100, 50, 200, 5],
            "pvv": [False, True, True, False, False],
            "mov": [False, True, False, True, False],
        }
    )
    # excluded: rows 1 (both), 2 (pvv), 3 (mov) -> 3; kept 10 and 5, both within 90
    r = hu.väntetidsandelar(
        d, gränser=90, väntetid="väntetid", exkludera=["pvv", "mov"], minsta_antal=1
    )
    assert r[["antal", "antal_inom", "exkluderade"]].iloc[0].tolist() == [2, 2, 3]
    assert r["exkluderade_pvv"].item() == 2
    assert r["exkluderade_mov"].item() == 2
    # only pvv: row 3 (200 days, mov) counts again
    r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid", exkludera="pvv")
    assert r[["antal", "antal_inom", "exkluderade"]].iloc[0].tolist() == [3, 2, 2]


def test_bestånd_exkludering_bara_där_raden_väntar() -> None:
    d = hand_poster().assign(pvv=[True, False, True, False, False])
    # at 2023-01-31: A (pvv) waiting -> excluded; C (pvv) done -> not counted anywhere
    b = hu.väntetidsandelar(
        d, gränser=90, start="start", slut="slut", mätdatum="2023-01-31", exkludera="pvv"
    )
    assert (b["antal"].item(), b["exkluderade"].item()) == (2, 1)


def test_grupper_och_tom_kategori() -> None:
    d = pd.DataFrame(
        {
            "region": pd.Categorical(["X", "X", "Y"], categories=["X", "Y", "Z"]),
            "väntetid": [10, 120, 30],
        }
    )
    r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid", per="region", minsta_antal=1)
    assert r["region"].astype(str).tolist() == ["X", "Y", "Z"]
    assert r["antal"].tolist() == [2, 1, 0]
    assert r["antal_inom"].tolist() == [1, 1, 0]
    assert r["andel"].iloc[2] != r["andel"].iloc[2]  # NaN: an empty group is not 0
    assert math.isnan(r["nedre"].iloc[2])
    assert r["undertryckt"].iloc[2]


def test_flera_gruppkolumner_och_saknad_nyckel() -> None:
    d = pd.DataFrame(
        {
            "region": ["X", "X", "Y", None],
            "enhet_id": [1, 2, 1, 1],
            "väntetid": [10, 120, 30, 5],
        }
    )
    r = hu.väntetidsandelar(
        d, gränser=90, väntetid="väntetid", per=["region", "enhet_id"], minsta_antal=1
    )
    # observed combinations, sorted, the missing region last (not dropped)
    assert r["antal"].sum() == 4
    assert r["region"].iloc[:3].tolist() == ["X", "X", "Y"]
    assert r["enhet_id"].tolist() == [1, 2, 1, 1]
    assert pd.isna(r["region"].iloc[3])


def test_timmar_för_akutmottagning() -> None:
    ankomst = T("2023-05-01 10:00")
    d = pd.DataFrame(
        {
            "ankomst": [ankomst] * 4,
            "avfärd": pd.to_datetime(
                ["2023-05-01 10:59", "2023-05-01 13:59", "2023-05-01 14:00", "2023-05-01 14:01"]
            ),
        }
    )
    r = hu.väntetidsandelar(
        d, gränser=hu.AKUTGRÄNSER, start="ankomst", slut="avfärd", period="2023-05", minsta_antal=1
    )
    # 0:59 within 1 h; 3:59 and 4:00 within 4 h (inclusive); 4:01 only within 24 h
    assert r["antal_inom"].tolist() == [1, 1, 3, 4]
    assert (r["enhet"] == "timmar").all()


def test_väntetid_i_timmar_och_timedelta() -> None:
    r = hu.väntetidsandelar([3.5, 4.0, 4.5], gränser=4, enhet="timmar", minsta_antal=1)
    assert r["antal_inom"].item() == 2
    d = pd.DataFrame({"tid": pd.to_timedelta(["3h", "4h", "5h"])})
    r = hu.väntetidsandelar(d, gränser=hu.AKUTGRÄNSER[2], väntetid="tid", enhet="timmar")
    assert r["antal_inom"].item() == 2


def test_månadsserie_av_mätdatum_som_separata_anrop() -> None:
    d = hu.exempeldata.syntetisk_väntelista(3000, seed=11)
    datum = pd.date_range("2023-01-31", periods=12, freq="ME")
    kw = {"gränser": hu.VÅRDGARANTIN, "start": "start", "slut": "slut", "per": "vårdtyp"}
    serie = hu.väntetidsandelar(d, mätdatum=datum, **kw)
    assert len(serie) == 2 * 12 * 4
    for t in datum[[0, 5, 11]]:
        en = hu.väntetidsandelar(d, mätdatum=t, **kw)
        del_serie = serie[serie["mätdatum"] == t].reset_index(drop=True)
        pd.testing.assert_frame_equal(del_serie, en)


def test_överlappande_perioder() -> None:
    d = hu.exempeldata.syntetisk_väntelista(2000, seed=12)
    kw = {"gränser": [30, 90], "start": "start", "slut": "slut"}
    båda = hu.väntetidsandelar(d, period=[("2023-01-01", "2023-12-31"), "2023-03"], **kw)
    år = hu.väntetidsandelar(d, period=("2023-01-01", "2023-12-31"), **kw)
    mars = hu.väntetidsandelar(d, period=pd.Period("2023-03"), **kw)
    räkna = ["antal", "antal_inom", "exkluderade"]
    np.testing.assert_array_equal(båda[räkna].to_numpy()[:2], år[räkna].to_numpy())
    np.testing.assert_array_equal(båda[räkna].to_numpy()[2:], mars[räkna].to_numpy())
    assert isinstance(båda["period"].iloc[0], pd.Interval)


def test_kolumnnamn_i_nfd() -> None:
    import unicodedata

    namn = unicodedata.normalize("NFD", "väntetid")
    d = pd.DataFrame({namn: [1, 100]})
    r = hu.väntetidsandelar(d, gränser=90, väntetid="väntetid")
    assert r["antal"].item() == 2


# --------------------------------------------------------------------------- input kinds


def test_skalär() -> None:
    r = hu.väntetidsandelar(95, gränser=90)
    assert (r["antal"].item(), r["antal_inom"].item()) == (1, 0)


def test_lista_och_ndarray_ger_samma() -> None:
    a = hu.väntetidsandelar([1, 50, 100], gränser=[30, 90])
    b = hu.väntetidsandelar(np.array([1, 50, 100]), gränser=[30, 90])
    pd.testing.assert_frame_equal(a, b)
    assert a["antal_inom"].tolist() == [1, 2]


def test_series_med_index() -> None:
    # the result is an aggregate: one row per limit, whatever the input index
    s = pd.Series([1, 50, 100], index=["x", "y", "z"])
    r = hu.väntetidsandelar(s, gränser=90)
    assert r["antal_inom"].item() == 2
    assert list(r.index) == [0]


def test_nan_är_saknad_och_räknas() -> None:
    r = hu.väntetidsandelar([1.0, np.nan, 100.0], gränser=90, minsta_antal=1)
    assert (r["antal"].item(), r["saknade"].item(), r["antal_inom"].item()) == (2, 1, 1)


def test_saknat_startdatum_räknas() -> None:
    d = hand_poster()
    d.loc[1, "start"] = pd.NaT  # B: waiting, unknown start
    b = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-01-31")
    assert (b["antal"].item(), b["saknade"].item()) == (2, 1)


def test_tomt() -> None:
    r = hu.väntetidsandelar([], gränser=[30, 90])
    assert r["antal"].tolist() == [0, 0]
    assert r["andel"].isna().all()
    d = hand_poster().iloc[:0]
    b = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-01-31")
    assert b["antal"].tolist() == [0]
    g = hu.väntetidsandelar(
        d.assign(r=pd.Series([], dtype=str)),
        gränser=90,
        start="start",
        slut="slut",
        mätdatum="2023-01-31",
        per="r",
    )
    assert len(g) == 0
    assert "andel" in g.columns


def test_resultatkolumner_enligt_kontraktet() -> None:
    r = hu.väntetidsandelar([1, 2], gränser=90)
    for c in [
        "gräns",
        "antal",
        "antal_inom",
        "andel",
        "nedre",
        "övre",
        "exkluderade",
        "undertryckt",
    ]:
        assert c in r.columns


# --------------------------------------------------------------------------- bad input


def test_negativ_väntetid_är_fel() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"1 row\(s\) are invalid.*negative waiting"):
        hu.väntetidsandelar([5, -3, 10], gränser=90)


def test_negativ_väntetid_kan_exkluderas_och_räknas() -> None:
    r = hu.väntetidsandelar([5, -3, 10], gränser=90, ogiltiga="exkludera")
    assert (r["antal"].item(), r["ogiltiga"].item()) == (2, 1)


def test_klar_före_start_är_fel() -> None:
    d = hand_poster()
    d.loc[3, "slut"] = T("2022-10-01")  # D done before its start 2022-11-02
    with pytest.raises(hu.OgiltigtVärdeError, match="at index 3, has a done date before the start"):
        hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-01-31")
    # flow: counted in the period of its done date
    f = hu.väntetidsandelar(
        d, gränser=90, start="start", slut="slut", period="2022-10", ogiltiga="exkludera"
    )
    assert (f["antal"].item(), f["ogiltiga"].item()) == (0, 1)
    # stock: counted at the snapshots between its two dates (2022-10-01 <= t < 2022-11-02)
    b = hu.väntetidsandelar(
        d,
        gränser=90,
        start="start",
        slut="slut",
        mätdatum=["2022-10-15", "2023-01-31"],
        ogiltiga="exkludera",
    )
    assert b["ogiltiga"].tolist() == [1, 0]
    assert b["antal"].tolist() == [1, 2]  # C at 10-15; A, B at 01-31 (D left out)


def test_datum_som_inte_är_datum() -> None:
    d = hand_poster().assign(start=["2023-01-01"] * 5)
    with pytest.raises(hu.FelTypError, match=r"column 'start' must hold dates.*to_datetime"):
        hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-01-31")
    with pytest.raises(hu.FelTypError, match="mätdatum must be a date"):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slut", mätdatum="inte ett datum"
        )
    with pytest.raises(hu.FelTypError, match="mätdatum must be a date"):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slut", mätdatum=20230131
        )


def test_datumobjekt_godtas() -> None:
    import datetime as dt

    d = hand_poster()
    d2 = d.assign(
        start=[x.date() for x in d["start"]],
        slut=[None if pd.isna(x) else x.date() for x in d["slut"]],
    )
    kw = {"gränser": [30, 90], "start": "start", "slut": "slut", "mätdatum": dt.date(2023, 1, 31)}
    pd.testing.assert_frame_equal(hu.väntetidsandelar(d2, **kw), hu.väntetidsandelar(d, **kw))


def test_saknad_kolumn() -> None:
    with pytest.raises(
        hu.SaknadKolumnError, match=r"column 'slutdatum' \(slut=\) is not in the data"
    ):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slutdatum", mätdatum="2023-01-31"
        )
    with pytest.raises(KeyError):
        hu.väntetidsandelar(pd.DataFrame({"v": [1]}), gränser=90, väntetid="v", per="region")


@pytest.mark.parametrize(
    ("gränser", "fel", "text"),
    [
        ("90 %", hu.FelTypError, "a percent is a target level, not a limit"),
        (0.9, hu.OgiltigtVärdeError, "did you pass a share or percent"),
        ([30, 0.95], hu.OgiltigtVärdeError, "did you pass a share or percent"),
        (-7, hu.OgiltigtVärdeError, ">= 0"),
        ([], hu.OgiltigtVärdeError, "gränser is empty"),
        ([True], hu.FelTypError, "must hold numbers"),
        (None, hu.FelTypError, "must hold numbers"),
    ],
)
def test_ogiltiga_gränser(gränser: object, fel: type, text: str) -> None:
    with pytest.raises(fel, match=text):
        hu.väntetidsandelar([1, 2], gränser=gränser)


def test_procent_som_konfidensnivå() -> None:
    with pytest.raises(hu.AndelsError, match="did you pass percent"):
        hu.väntetidsandelar([1, 2], gränser=90, konfidensnivå=95)
    with pytest.raises(hu.OgiltigtVärdeError, match="strictly between 0 and 1"):
        hu.väntetidsandelar([1, 2], gränser=90, konfidensnivå=1.0)
    with pytest.raises(hu.OgiltigtVärdeError, match="minsta_antal must be >= 0"):
        hu.väntetidsandelar([1, 2], gränser=90, minsta_antal=-1)


def test_gräns_i_timmar_mot_kolumn_i_dagar() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="is in timmar but the column"):
        hu.väntetidsandelar([1, 2], gränser=hu.AKUTGRÄNSER)


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"väntetid": "v", "start": "start"}, "not both"),
        ({"start": "start"}, "name the waiting times"),
        ({"start": "start", "slut": "slut"}, "exactly one of mätdatum"),
        (
            {"start": "start", "slut": "slut", "mätdatum": "2023-01-31", "period": "2023-01"},
            "exactly one of mätdatum",
        ),
        ({"väntetid": "v", "mätdatum": "2023-01-31"}, "apply to event records"),
        ({"väntetid": "v", "enhet": "veckor"}, "enhet must be one of"),
        ({"väntetid": "v", "ogiltiga": "ignorera"}, "ogiltiga must be"),
        ({"väntetid": "v", "per": "antal"}, "name of a result column"),
        ({"start": "start", "slut": "slut", "mätdatum": []}, "mätdatum is empty"),
        ({"start": "start", "slut": "slut", "period": ("2023-02-01", "2023-01-01")}, "ends before"),
        ({"start": "start", "slut": "slut", "period": 2023}, "period must be"),
        ({"start": "start", "slut": "slut", "period": "ingen period"}, "is not a period"),
    ],
)
def test_ogiltiga_argument(kwargs: dict[str, object], text: str) -> None:
    d = hand_poster().assign(v=1, antal=1)
    with pytest.raises(hu.HalsouppfoljningError, match=text):
        hu.väntetidsandelar(d, gränser=90, **kwargs)  # type: ignore[arg-type]


def test_exkluderingskolumn_måste_vara_boolesk() -> None:
    d = pd.DataFrame({"v": [1, 2], "pvv": [0, 1]})
    with pytest.raises(hu.FelTypError, match=r"must be boolean.*astype\(bool\)"):
        hu.väntetidsandelar(d, gränser=90, väntetid="v", exkludera="pvv")
    d = pd.DataFrame({"v": [1, 2], "pvv": pd.array([True, None], dtype="boolean")})
    with pytest.raises(hu.OgiltigtVärdeError, match="1 missing values"):
        hu.väntetidsandelar(d, gränser=90, väntetid="v", exkludera="pvv")


def test_text_som_väntetid() -> None:
    with pytest.raises(hu.FelTypError, match="tolka_tal"):
        hu.väntetidsandelar(["12 dagar", "3"], gränser=90)
    with pytest.raises(hu.FelTypError):
        hu.väntetidsandelar("12", gränser=90)
    with pytest.raises(hu.OgiltigtVärdeError, match="one-dimensional"):
        hu.väntetidsandelar(np.ones((2, 2)), gränser=90)
    with pytest.raises(hu.OgiltigtVärdeError, match="per and exkludera name columns"):
        hu.väntetidsandelar([1, 2], gränser=90, per="r")


# --------------------------------------------------------------------------- aggregation


def test_poolad_och_medel_för_hand() -> None:
    # region A: 3 of 4 within; B: 0 of 1; C: empty (categorical)
    d = pd.DataFrame(
        {
            "region": pd.Categorical(["A"] * 4 + ["B"], categories=["A", "B", "C"]),
            "v": [10, 20, 30, 100, 200],
        }
    )
    r = hu.väntetidsandelar(d, gränser=90, väntetid="v", per="region", minsta_antal=1)
    p = hu.sammanvägda_andelar(r, metod="poolad", minsta_antal=1)
    # pooled: (3 + 0) / (4 + 1) = 0.6
    assert (p["antal"].item(), p["antal_inom"].item(), p["andel"].item()) == (5, 3, 0.6)
    assert (p["nedre"].item(), p["övre"].item()) == pytest.approx(wilson_referens(3, 5))
    assert p["metod"].item() == "poolad"
    assert p.attrs["metod"] == "poolad"
    assert (p["delar"].item(), p["delar_utan_andel"].item()) == (3, 1)
    m = hu.sammanvägda_andelar(r, metod="medel")
    # mean of shares over the parts with a share: (0.75 + 0.0) / 2 = 0.375; C left out, counted
    assert m["andel"].item() == 0.375
    assert math.isnan(m["nedre"].item())
    assert m["metod"].item() == "medel"
    assert m["undertryckt"].item()  # 5 < 20


def test_sammanvägning_över_månader_behåller_grupper() -> None:
    d = hu.exempeldata.syntetisk_väntelista(2000, seed=4)
    r = hu.väntetidsandelar(
        d,
        gränser=hu.VÅRDGARANTIN[2:],
        start="start",
        slut="slut",
        mätdatum=pd.date_range("2023-01-31", periods=3, freq="ME"),
        per="vårdtyp",
    )
    p = hu.sammanvägda_andelar(r, per="vårdtyp", metod="poolad")
    assert len(p) == 2 * 2  # vårdtyp x limit
    assert "mätdatum" not in p.columns
    första = r[(r["vårdtyp"] == "första besök") & (r["gränsnamn"] == "första besök inom 90 dagar")]
    rad = p[(p["vårdtyp"] == "första besök") & (p["gränsnamn"] == "första besök inom 90 dagar")]
    assert rad["antal"].item() == första["antal"].sum()
    assert rad["andel"].item() == pytest.approx(första["antal_inom"].sum() / första["antal"].sum())


def test_sammanvägning_fel() -> None:
    r = hu.väntetidsandelar([1, 2], gränser=90)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"metod must be Aggregering\.POOLAD"):
        hu.sammanvägda_andelar(r, metod="median")
    with pytest.raises(hu.OgiltigtVärdeError, match="not a key column"):
        hu.sammanvägda_andelar(r, per="gräns", metod="poolad")
    with pytest.raises(hu.SaknadKolumnError, match="region"):
        hu.sammanvägda_andelar(r, per="region", metod="poolad")
    with pytest.raises(hu.FelTypError):
        hu.sammanvägda_andelar([1, 2], metod="poolad")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties


@given(d=väntelistor(), datum=mätdatumlistor, gränser=dagsgränser)
def test_bestånd_som_referens(
    d: pd.DataFrame, datum: list[pd.Timestamp], gränser: list[int]
) -> None:
    r = hu.väntetidsandelar(
        d, gränser=gränser, start="start", slut="slut", mätdatum=datum, per="grupp",
        exkludera=["pvv", "mov"],
    )  # fmt: skip
    ref = bestånd_referens(d, datum, gränser, ["pvv", "mov"])
    fått = {
        (rad.grupp, rad.mätdatum, int(rad.gräns)): (rad.antal, rad.antal_inom, rad.exkluderade)
        for rad in r.itertuples(index=False)
    }
    assert fått == ref
    # the per-reason counts: a row flagged twice counts in both
    assert (r["exkluderade_pvv"] + r["exkluderade_mov"] >= r["exkluderade"]).all()
    assert (r["exkluderade_pvv"] <= r["exkluderade"]).all()


@given(
    d=väntelistor(),
    gränser=dagsgränser,
    månader=st.lists(st.integers(1, 10), min_size=1, max_size=3, unique=True),
)
def test_flöde_som_referens(d: pd.DataFrame, gränser: list[int], månader: list[int]) -> None:
    perioder = [pd.Period(f"2023-{m:02d}") for m in sorted(månader)]
    r = hu.väntetidsandelar(
        d, gränser=gränser, start="start", slut="slut", period=perioder, per="grupp",
        exkludera="pvv",
    )  # fmt: skip
    ref = flöde_referens(d, perioder, gränser, ["pvv"])
    fått = {
        (rad.grupp, rad.period, int(rad.gräns)): (rad.antal, rad.antal_inom, rad.exkluderade)
        for rad in r.itertuples(index=False)
    }
    assert fått == ref


@given(
    v=st.lists(st.one_of(st.integers(0, 400), st.floats(0, 400)), max_size=60), gränser=dagsgränser
)
def test_väntetid_som_referens(v: list[float], gränser: list[int]) -> None:  # fmt: skip
    r = hu.väntetidsandelar(v, gränser=gränser)
    for rad, gräns in zip(r.itertuples(index=False), gränser, strict=True):
        assert rad.antal == len(v)
        assert rad.antal_inom == sum(1 for x in v if x <= gräns)
        ned, upp = wilson_referens(rad.antal_inom, rad.antal)
        if rad.antal:
            assert (rad.nedre, rad.övre) == pytest.approx((ned, upp), abs=1e-9)


@given(d=väntelistor(), datum=mätdatumlistor, gränser=dagsgränser)
def test_andelar_i_intervallet_och_växande_i_gränsen(
    d: pd.DataFrame, datum: list[pd.Timestamp], gränser: list[int]
) -> None:
    sorterade = sorted(set(gränser))
    r = hu.väntetidsandelar(
        d, gränser=sorterade, start="start", slut="slut", mätdatum=datum, per="grupp"
    )
    andel = r["andel"].dropna()
    assert ((andel >= 0) & (andel <= 1)).all()
    har = r["antal"] > 0
    assert (r.loc[har, "nedre"] <= r.loc[har, "andel"] + 1e-12).all()
    assert (r.loc[har, "andel"] <= r.loc[har, "övre"] + 1e-12).all()
    assert r.loc[~har, "andel"].isna().all()
    for _, cell in r.groupby(["grupp", "mätdatum"], sort=False):
        assert (np.diff(cell["antal_inom"].to_numpy()) >= 0).all()
        assert (cell["antal"] == cell["antal"].iloc[0]).all()


@given(d=väntelistor(), datum=mätdatumlistor, gränser=dagsgränser, seed=st.integers(0, 2**32 - 1))
def test_oberoende_av_radordning(
    d: pd.DataFrame, datum: list[pd.Timestamp], gränser: list[int], seed: int
) -> None:
    kw = {
        "gränser": gränser, "start": "start", "slut": "slut", "mätdatum": datum,
        "per": "grupp", "exkludera": ["pvv", "mov"],
    }  # fmt: skip
    blandad = d.sample(frac=1.0, random_state=np.random.default_rng(seed))
    pd.testing.assert_frame_equal(hu.väntetidsandelar(d, **kw), hu.väntetidsandelar(blandad, **kw))


@given(d=väntelistor(), datum=mätdatumlistor)
def test_exkluderade_räknas_exakt(d: pd.DataFrame, datum: list[pd.Timestamp]) -> None:
    # antal + exkluderade = every row waiting at t, counted by hand
    r = hu.väntetidsandelar(
        d, gränser=90, start="start", slut="slut", mätdatum=datum, exkludera=["pvv", "mov"]
    )
    for rad in r.itertuples(index=False):
        t = rad.mätdatum
        väntar = (d["start"] <= t) & (d["slut"].isna() | (d["slut"] > t))
        assert rad.antal + rad.exkluderade == int(väntar.sum())
        assert rad.exkluderade == int((väntar & (d["pvv"] | d["mov"])).sum())
        assert rad.exkluderade_pvv == int((väntar & d["pvv"]).sum())


@given(
    d=väntelistor(),
    datum=mätdatumlistor,
    metod=st.sampled_from(["poolad", "medel"]),
)
def test_sammanvägning_som_referens(d: pd.DataFrame, datum: list[pd.Timestamp], metod: str) -> None:
    r = hu.väntetidsandelar(
        d, gränser=[30, 90], start="start", slut="slut", mätdatum=datum, per="grupp"
    )
    s = hu.sammanvägda_andelar(r, per="mätdatum", metod=metod)
    for rad in s.itertuples(index=False):
        delar = r[(r["mätdatum"] == rad.mätdatum) & (r["gräns"] == rad.gräns)]
        assert rad.antal == delar["antal"].sum()
        if metod == "poolad":
            väntat = delar["antal_inom"].sum() / delar["antal"].sum() if rad.antal else math.nan
        else:
            andelar = [x / n for x, n in zip(delar["antal_inom"], delar["antal"], strict=True) if n]
            väntat = sum(andelar) / len(andelar) if andelar else math.nan
        assert rad.andel == pytest.approx(väntat, nan_ok=True)


# --------------------------------------------------------------------------- Dask


dd = pytest.importorskip("dask.dataframe")


@settings(max_examples=40)
@given(
    d=väntelistor(max_rader=60),
    datum=mätdatumlistor,
    gränser=dagsgränser,
    delar=st.integers(1, 4),
)
def test_pandas_och_dask_identiska_bestånd(
    d: pd.DataFrame, datum: list[pd.Timestamp], gränser: list[int], delar: int
) -> None:
    kw = {
        "gränser": gränser, "start": "start", "slut": "slut", "mätdatum": datum,
        "per": "grupp", "exkludera": ["pvv", "mov"],
    }  # fmt: skip
    a = hu.väntetidsandelar(d, **kw)
    b = hu.väntetidsandelar(dd.from_pandas(d, npartitions=delar, sort=False), **kw)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


@settings(max_examples=25)
@given(d=väntelistor(max_rader=60), delar=st.integers(1, 4))
def test_pandas_och_dask_identiska_flöde(d: pd.DataFrame, delar: int) -> None:
    kw = {
        "gränser": hu.VÅRDGARANTIN, "start": "start", "slut": "slut",
        "period": pd.period_range("2023-01", periods=6, freq="M"), "per": "grupp",
        "exkludera": "pvv",
    }  # fmt: skip
    a = hu.väntetidsandelar(d, **kw)
    b = hu.väntetidsandelar(dd.from_pandas(d, npartitions=delar, sort=False), **kw)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_dask_kategorier_och_väntetidskolumn() -> None:
    d = hu.exempeldata.syntetisk_väntelista(5000, seed=8)
    d["v"] = (T("2023-06-30") - d["start"]).dt.days.clip(lower=0)
    ddf = dd.from_pandas(d, npartitions=5)
    kw = {"gränser": [30, 90], "väntetid": "v", "per": ["region", "vårdtyp"]}
    a = hu.väntetidsandelar(d, **kw)
    b = hu.väntetidsandelar(ddf, **kw)
    pd.testing.assert_frame_equal(a, b, check_dtype=False, check_categorical=False)
    assert len(a) == 21 * 2 * 2


def test_dask_serie() -> None:
    s = pd.Series([1.0, 50.0, 120.0, np.nan])
    b = hu.väntetidsandelar(dd.from_pandas(s, npartitions=2), gränser=90)
    assert (b["antal"].item(), b["antal_inom"].item(), b["saknade"].item()) == (3, 2, 1)


def test_dask_ogiltiga_rader_ger_fel() -> None:
    d = hand_poster()
    d.loc[3, "slut"] = T("2022-10-01")
    ddf = dd.from_pandas(d, npartitions=2)
    with pytest.raises(hu.OgiltigtVärdeError, match="done date before the start"):
        hu.väntetidsandelar(ddf, gränser=90, start="start", slut="slut", mätdatum="2023-01-31")


def test_dask_räknar_per_partition(monkeypatch: pytest.MonkeyPatch) -> None:
    # The counting function sees one partition at a time, never the whole frame.
    d = hu.exempeldata.syntetisk_väntelista(400, seed=9)
    storlekar: list[int] = []
    äkta = _rakning.räkna

    def räkna(pdf: pd.DataFrame, plan: object) -> pd.DataFrame:
        storlekar.append(len(pdf))
        return äkta(pdf, plan)  # type: ignore[arg-type]

    monkeypatch.setattr(_rakning, "räkna", räkna)
    ddf = dd.from_pandas(d, npartitions=4)
    r = hu.väntetidsandelar(ddf, gränser=90, start="start", slut="slut", mätdatum="2023-06-30")
    assert sum(storlekar) == len(d)  # the meta call sees 0 rows
    assert max(storlekar) < len(d)
    assert len([s for s in storlekar if s > 0]) == 4
    monkeypatch.undo()
    väntat = hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-06-30")
    pd.testing.assert_frame_equal(r, väntat)


# --------------------------------------------------------------------------- one date rule


def _tidszonsposter(start: list[str], slut: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "start": pd.to_datetime(start, utc=True).tz_convert("UTC"),
            "slut": pd.to_datetime(slut, utc=True).tz_convert("UTC"),
        }
    )


def test_samma_händelse_i_två_tidszoner_samma_dag() -> None:
    # 2023-01-01 00:30+01:00 and 2022-12-31 23:30Z are the same moment: 00:30 on
    # 1 January in Sweden. Both records start on 1 January and are done on 1 February.
    plus1 = pd.DataFrame(
        {
            "start": pd.to_datetime(["2023-01-01 00:30+01:00"]),
            "slut": pd.to_datetime(["2023-02-01 00:30+01:00"]),
        }
    )
    utc = _tidszonsposter(["2022-12-31 23:30Z"], ["2023-01-31 23:30Z"])
    kw = {"gränser": [0, 30], "start": "start", "slut": "slut", "minsta_antal": 1}
    for data in (plus1, utc):
        # stock: not yet waiting on 31 December, waiting on 1 January (0 days) and
        # 31 January (30 days), done on 1 February
        b = hu.väntetidsandelar(
            data, mätdatum=["2022-12-31", "2023-01-01", "2023-01-31", "2023-02-01"], **kw
        )
        assert b["antal"].tolist() == [0, 0, 1, 1, 1, 1, 0, 0]
        assert b["antal_inom"].tolist() == [0, 0, 1, 1, 0, 1, 0, 0]
        # flow: done in February (local day 1 February), after 31 days
        f = hu.väntetidsandelar(data, period=["2023-01", "2023-02"], **kw)
        assert f["antal"].tolist() == [0, 0, 1, 1]
        assert f["antal_inom"].tolist() == [0, 0, 0, 0]
    pd.testing.assert_frame_equal(
        hu.väntetidsandelar(plus1, mätdatum="2023-01-01", **kw),
        hu.väntetidsandelar(utc, mätdatum="2023-01-01", **kw),
    )


def test_sommartid_räknas_i_svensk_tid() -> None:
    # 2023-06-30 22:30Z is 1 July 00:30 in Swedish summer time (UTC+2)
    d = _tidszonsposter(["2023-06-30 22:30Z"], [None])
    r = hu.väntetidsandelar(d, gränser=0, start="start", slut="slut", mätdatum="2023-06-30")
    assert r["antal"].item() == 0
    r = hu.väntetidsandelar(d, gränser=0, start="start", slut="slut", mätdatum="2023-07-01")
    assert (r["antal"].item(), r["antal_inom"].item()) == (1, 1)


def test_mätdatum_och_period_med_tidszon() -> None:
    d = hand_poster()
    kw = {"gränser": [7, 30, 90], "start": "start", "slut": "slut", "minsta_antal": 1}
    # 2023-01-30 23:30Z is 2023-01-31 00:30 local: the snapshot of 31 January (the
    # columns carry the zone too: a zoned mätdatum with naive columns is an error)
    zonad = d.assign(
        start=d["start"].dt.tz_localize("Europe/Stockholm"),
        slut=d["slut"].dt.tz_localize("Europe/Stockholm"),
    )
    b = hu.väntetidsandelar(zonad, mätdatum=pd.Timestamp("2023-01-30 23:30", tz="UTC"), **kw)
    assert b["mätdatum"].iloc[0] == T("2023-01-31 00:30")
    assert b["antal"].tolist() == [3, 3, 3]  # as test_bestånd_och_flöde_för_hand
    assert b["antal_inom"].tolist() == [0, 2, 3]
    # January as a tuple of aware timestamps: local 1 to 31 January
    f = hu.väntetidsandelar(
        d, period=("2022-12-31T23:30:00+00:00", "2023-01-31T22:59:00+00:00"), **kw
    )
    assert f["antal"].tolist() == [2, 2, 2]
    assert f["antal_inom"].tolist() == [1, 1, 1]


@pytest.mark.parametrize("fall", ["start", "slut", "mätdatum", "mätdatumlista"])
def test_datum_med_och_utan_tidszon_i_ett_anrop_är_fel(fall: str) -> None:
    # issue 12: a UTC start mixed with a naive slut was read as if the naive one were local
    d = hand_poster()
    mätdatum: Any = "2023-01-31"
    if fall in ("start", "slut"):
        d[fall] = d[fall].dt.tz_localize("UTC")
    elif fall == "mätdatum":
        mätdatum = pd.Timestamp("2023-01-30 23:30", tz="UTC")
    else:
        mätdatum = ["2023-01-31", "2023-01-30T23:30+00:00"]
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=r"^väntetidsandelar: .* has a time zone but .* has none; give both with a zone",
    ) as fel:
        hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum=mätdatum)
    assert ("mätdatum" if fall.startswith("mätdatum") else fall) in str(fel.value)


def test_snedstrecksdatum_avvisas() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="ambiguous"):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slut", mätdatum="01/02/2023"
        )


# --------------------------------------------------------------------------- Period


def test_period_som_hu_period() -> None:
    d = hu.exempeldata.syntetisk_väntelista(2000, seed=21)
    kw = {"gränser": [30, 90], "start": "start", "slut": "slut", "per": "vårdtyp"}
    t1 = hu.väntetidsandelar(d, period=hu.Period.tertial(2023, 1), **kw)
    samma = hu.väntetidsandelar(d, period=("2023-01-01", "2023-04-30"), **kw)
    räkna = ["antal", "antal_inom", "exkluderade", "saknade", "ogiltiga"]
    pd.testing.assert_frame_equal(t1[räkna], samma[räkna])
    assert t1["period"].iloc[0] == hu.Period.tertial(2023, 1)
    # a list of Periods, and the report forms of text, read by Period.tolka
    lista = hu.väntetidsandelar(d, period=[hu.Period.månad(2023, 2), "T1 2023", "Delår 2023"], **kw)
    assert list(dict.fromkeys(lista["period"])) == [
        hu.Period.månad(2023, 2),
        hu.Period.tertial(2023, 1),
        hu.Period.delår(2023),
    ]
    t1_igen = lista[lista["period"] == hu.Period.tertial(2023, 1)].reset_index(drop=True)
    pd.testing.assert_frame_equal(t1_igen[räkna], t1[räkna])


def test_period_som_inte_är_en_period() -> None:
    with pytest.raises(hu.FelTypError, match="is not a period"):
        hu.väntetidsandelar(hand_poster(), gränser=90, start="start", slut="slut", period="T4 2023")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"must be \(från, till\)"):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slut", period=[("2023-01-01",)]
        )
    with pytest.raises(hu.OgiltigtVärdeError, match="period is empty"):
        hu.väntetidsandelar(hand_poster(), gränser=90, start="start", slut="slut", period=[])


# --------------------------------------------------------------------------- Aggregering and per


def test_aggregering_enum_och_text() -> None:
    d = pd.DataFrame(
        {
            "region": ["A"] * 4 + ["B"] * 2,
            "m": [1, 1, 2, 2, 1, 2],
            "v": [10, 100, 20, 30, 200, 5],
        }
    )
    r = hu.väntetidsandelar(d, gränser=90, väntetid="v", per=["region", "m"], minsta_antal=1)
    # A: m1 1/2, m2 2/2; B: m1 0/1, m2 1/1
    for metod in (hu.Aggregering.POOLAD, "poolad", " Poolad "):
        p = hu.sammanvägda_andelar(r, metod=metod, per="m", minsta_antal=1)
        assert p["m"].tolist() == [1, 2]
        assert p["antal"].tolist() == [3, 3]
        assert p["antal_inom"].tolist() == [1, 3]
        assert p["metod"].tolist() == ["poolad", "poolad"]
        assert p.attrs == {"metod": "poolad", "per": ["m"]}
    m = hu.sammanvägda_andelar(r, metod=hu.Aggregering.MEDEL, per="region", minsta_antal=1)
    # A: (0.5 + 1.0) / 2; B: (0.0 + 1.0) / 2
    assert m["andel"].tolist() == [0.75, 0.5]
    assert m.attrs["metod"] == "medel"
    alla = hu.sammanvägda_andelar(r, metod="poolad", per=None)
    assert (alla["antal"].item(), alla["antal_inom"].item(), alla["delar"].item()) == (6, 4, 4)


@pytest.mark.parametrize("metod", [hu.Aggregering.VÄGT_MEDEL, hu.Aggregering.R12, "median", 1])
def test_aggregering_andra_val_är_fel(metod: object) -> None:
    r = hu.väntetidsandelar([1, 2], gränser=90)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Aggregering\.POOLAD.*Aggregering\.MEDEL"):
        hu.sammanvägda_andelar(r, metod=metod)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- frames


def test_pyarrow_tabell_avvisas_med_namn() -> None:
    pa = pytest.importorskip("pyarrow")
    tabell = pa.table({"v": [1, 2]})
    with pytest.raises(hu.FelTypError, match=r"pyarrow.*to_pandas\(\)"):
        hu.väntetidsandelar(tabell, gränser=90, väntetid="v")
    with pytest.raises(hu.FelTypError, match="dict"):
        hu.väntetidsandelar({"v": [1]}, gränser=90)


def test_dask_annan_samling_avvisas() -> None:
    da = pytest.importorskip("dask.array")
    with pytest.raises(hu.FelTypError, match="Dask DataFrame"):
        hu.väntetidsandelar(da.ones(3, chunks=2), gränser=90)


def test_dask_serie_med_kolumnnamn_är_fel() -> None:
    dd_ = pytest.importorskip("dask.dataframe")
    s = dd_.from_pandas(pd.Series([1.0, 2.0]), npartitions=1)
    with pytest.raises(hu.OgiltigtVärdeError, match="Series of waiting times"):
        hu.väntetidsandelar(s, gränser=90, per="r")


def test_oändlig_väntetid_är_fel() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="finite"):
        hu.väntetidsandelar([1.0, float("inf")], gränser=90)


def test_period_text_läses_aldrig_av_dateutil() -> None:
    # pandas.Period("T1 2023") would be January; the report form is the first tertial
    d = hand_poster()
    kw = {"gränser": 90, "start": "start", "slut": "slut", "minsta_antal": 1}
    r = hu.väntetidsandelar(d, period="T1 2023", **kw)
    assert r["period"].item() == hu.Period.tertial(2023, 1)
    # done in January-April 2023: A (02-10), C (01-31), D (03-01), E (01-31)
    assert r["antal"].item() == 4
    with pytest.raises(hu.OgiltigtVärdeError, match="not a calendar period"):
        hu.väntetidsandelar(d, period="2023-13", **kw)


# --------------------------------------------------------------------------- issue 12


def _delar() -> pd.DataFrame:
    """Two parts of a pooled share, counted by hand: 3 of 4 and 1 of 2 within 90 days."""
    return pd.DataFrame(
        {
            "region": ["A", "B"],
            "gräns": [90.0, 90.0],
            "gränsnamn": ["högst 90 dagar"] * 2,
            "enhet": ["dagar"] * 2,
            "antal": [4, 2],
            "antal_inom": [3, 1],
        }
    )


def test_nan_antal_with_a_counted_antal_inom_is_an_error_not_share_one() -> None:
    d = _delar()
    d["antal"] = [4.0, np.nan]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"antal is missing \(NaN\) in row 1"):
        hu.sammanvägda_andelar(d, metod="poolad", minsta_antal=1)


def test_nan_counts_make_the_pooled_share_nan_not_a_sum_as_zero() -> None:
    d = _delar()
    d["antal"] = [4.0, np.nan]
    d["antal_inom"] = [3.0, np.nan]
    p = hu.sammanvägda_andelar(d, metod="poolad", minsta_antal=1)
    assert np.isnan(p["antal"].iloc[0])
    assert np.isnan(p["andel"].iloc[0])


def test_antal_inom_above_antal_is_an_error() -> None:
    d = _delar()
    d["antal_inom"] = [5, 1]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"antal_inom 5\.0 exceeds antal 4\.0 in row 0"):
        hu.sammanvägda_andelar(d, metod="poolad", minsta_antal=1)


@pytest.mark.parametrize("värde", [-1, 2.5, np.inf])
def test_counts_are_whole_numbers_at_least_zero(värde: float) -> None:
    d = _delar()
    d["antal"] = [4.0, värde]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"andelar\['antal'\]"):
        hu.sammanvägda_andelar(d, metod="poolad", minsta_antal=1)


def test_a_duplicated_part_row_is_an_error_listing_it() -> None:
    d = pd.concat([_delar(), _delar().iloc[[1]]], ignore_index=True)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"duplicated keys \[\('B', 90.0"):
        hu.sammanvägda_andelar(d, metod="poolad", minsta_antal=1)


def test_pooled_counts_by_hand() -> None:
    p = hu.sammanvägda_andelar(_delar(), metod="poolad", minsta_antal=1)
    assert p[["antal", "antal_inom"]].iloc[0].tolist() == [6, 4]
    assert p["andel"].iloc[0] == pytest.approx(4 / 6)


def test_a_waiting_time_over_ten_years_is_an_error_naming_the_row() -> None:
    d = pd.DataFrame({"väntetid": [10.0, 1e9]}, index=["a", "b"])
    with pytest.raises(hu.OgiltigtVärdeError, match="over ten years; the first, at index 'b'"):
        hu.väntetidsandelar(d, gränser=90, väntetid="väntetid")


def test_event_dates_over_ten_years_apart_are_an_error_naming_the_row() -> None:
    d = pd.DataFrame(
        {
            "start": pd.to_datetime(["2000-01-01", "2023-01-01"]),
            "slut": pd.to_datetime(["2023-01-01", "2023-01-05"]),
        }
    )
    with pytest.raises(hu.OgiltigtVärdeError, match="at index 0"):
        hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", period="2023")


@pytest.mark.parametrize("gräns", [1e9, 3654])
def test_a_limit_over_ten_years_is_an_error(gräns: float) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="at most ten years"):
        hu.Väntetidsgräns(namn="x", gräns=gräns)
    with pytest.raises(hu.OgiltigtVärdeError, match="gränser="):
        hu.väntetidsandelar([1.0], gränser=gräns)


def test_a_limit_of_ten_years_is_allowed() -> None:
    assert hu.Väntetidsgräns(namn="x", gräns=3653).gräns == 3653.0


@pytest.mark.parametrize("värde", [np.nan, np.inf, -1.0])
def test_limits_in_gränser_name_the_argument(värde: float) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="gränser"):
        hu.väntetidsandelar([1.0], gränser=värde)


def test_a_column_argument_that_is_not_text_names_the_argument() -> None:
    with pytest.raises(hu.FelTypError, match="start must name a column"):
        hu.väntetidsandelar(hand_poster(), gränser=90, start=3, slut="slut", mätdatum="2023-01-31")


# --------------------------------------------------------------------------- issue 12: bad input


def test_samma_gräns_två_gånger_är_fel() -> None:
    # issue 12: [90, 90] gave the same rows twice, which a later pooling counts twice
    d = pd.DataFrame({"v": [10.0, 100.0]})
    with pytest.raises(hu.OgiltigtVärdeError, match=r"väntetidsandelar: gränser .*duplicated"):
        hu.väntetidsandelar(d, gränser=[90, 90], väntetid="v")
    # the vårdgaranti's two limits of 90 days have different names: two limits
    r = hu.väntetidsandelar(d, gränser=hu.VÅRDGARANTIN, väntetid="v", minsta_antal=0)
    assert r["gräns"].tolist() == [0.0, 3.0, 90.0, 90.0]


@pytest.mark.parametrize("gränser", [{"a": 90}, pd.DataFrame({"g": [90]})])
def test_gränser_som_dict_eller_ram_är_fel(gränser: Any) -> None:
    d = pd.DataFrame({"v": [10.0]})
    with pytest.raises(hu.FelTypError, match=r"väntetidsandelar: gränser must be a limit"):
        hu.väntetidsandelar(d, gränser=gränser, väntetid="v")


def test_gräns_som_text_nämner_procent_bara_för_procent() -> None:
    d = pd.DataFrame({"v": [10.0]})
    with pytest.raises(hu.FelTypError, match="a percent is a target level"):
        hu.väntetidsandelar(d, gränser="90 %", väntetid="v")
    with pytest.raises(hu.FelTypError) as fel:
        hu.väntetidsandelar(d, gränser=["nittio"], väntetid="v")
    assert "percent" not in str(fel.value)
    assert "gränser" in str(fel.value)


@pytest.mark.parametrize("mätdatum", ["1000-01-01", "9999-01-01", "1677-01-01"])
def test_mätdatum_utanför_rimliga_år_är_fel(mätdatum: str) -> None:
    # issue 12: a snapshot in year 1000 raised pandas' OverflowError
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"väntetidsandelar: mätdatum .* check the year"
    ):
        hu.väntetidsandelar(
            hand_poster(), gränser=90, start="start", slut="slut", mätdatum=mätdatum
        )


def test_period_med_avlägsna_år_räknas_utan_overflow() -> None:
    # issue 12: a period from year 1000 raised OverflowError; it is a long flow period
    kw: dict[str, Any] = {"gränser": 90, "start": "start", "slut": "slut", "minsta_antal": 0}
    lång = hu.väntetidsandelar(hand_poster(), period=("1000-01-01", "9999-12-31"), **kw)
    alla = hu.väntetidsandelar(hand_poster(), period=("1900-01-01", "2199-12-31"), **kw)
    assert lång["antal"].tolist() == alla["antal"].tolist()
    assert lång["antal_inom"].tolist() == alla["antal_inom"].tolist()


def _två_regioner() -> pd.DataFrame:
    data = pd.DataFrame({"region": ["A"] * 3 + ["B"] * 3, "v": [10, 50, 100, 5, 95, 20]})
    return hu.väntetidsandelar(data, gränser=[90], väntetid="v", per="region", minsta_antal=1)


@pytest.mark.parametrize("riket", ["Riket", "Hela riket", "Sverige", "0000"])
def test_sammanvägda_andelar_summerar_aldrig_riket_som_en_region(riket: str) -> None:
    # issue 12: a Riket row pooled with the regions counted every patient twice
    r = _två_regioner()
    med_riket = pd.concat([r, r.iloc[[0]].assign(region=riket)], ignore_index=True)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"column 'region' holds .* which is Riket"):
        hu.sammanvägda_andelar(med_riket, metod="poolad")
    # split per region, Riket is a group of its own: fine
    per = hu.sammanvägda_andelar(med_riket, metod="poolad", per="region")
    assert sorted(per["region"]) == sorted(["A", "B", riket])


def test_sammanvägda_andelar_gräns_saknas_är_fel() -> None:
    r = _två_regioner().assign(gräns=[np.nan, 90.0])
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"andelar\['gräns'\] is missing \(NaN\) in row 0"
    ):
        hu.sammanvägda_andelar(r, metod="poolad")


def test_dubblerad_kolumn_är_fel() -> None:
    # issue 12: two columns named 'v' raised AttributeError
    d = pd.DataFrame({"v": [1.0, 2.0], "r": ["a", "b"]})
    for dubbel, kw in (
        (pd.concat([d, d[["v"]]], axis=1), {}),
        (pd.concat([d, d[["r"]]], axis=1), {"per": "r"}),
    ):
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"^väntetidsandelar: the columns of data it reads has"
        ):
            hu.väntetidsandelar(dubbel, gränser=90, väntetid="v", **kw)
    # a duplicated column the function does not read is no matter
    r = hu.väntetidsandelar(pd.concat([d, d[["r"]]], axis=1), gränser=90, väntetid="v")
    assert r["antal"].item() == 2


def test_fel_inifrån_nämner_funktionen() -> None:
    # issue 12: errors from the counting kernel and the limits' constructor did not
    # name väntetidsandelar
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^väntetidsandelar: 1 row\(s\) are invalid"):
        hu.väntetidsandelar(pd.DataFrame({"v": [1.0, -5.0]}), gränser=90, väntetid="v")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^väntetidsandelar: enhet must be one of"):
        hu.väntetidsandelar(pd.DataFrame({"v": [1.0]}), gränser=90, väntetid="v", enhet="år")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^sammanvägda_andelar: metod must be"):
        hu.sammanvägda_andelar(_två_regioner(), metod="summa")  # type: ignore[arg-type]


@pytest.mark.parametrize("datum", ["2300-06-01", "1600-01-01"])
def test_start_utanför_1900_2199_avvisas_före_omvandling(datum: str) -> None:
    # issue 12: datetime64[us] holds 2300; the cast to nanoseconds wrapped it to 1715
    d = hand_poster()
    d["start"] = d["start"].dt.as_unit("us")
    d.loc[1, "start"] = pd.Timestamp(datum)
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=rf"^väntetidsandelar: column 'start' has the date {datum} in row 1, outside",
    ):
        hu.väntetidsandelar(d, gränser=90, start="start", slut="slut", mätdatum="2023-02-28")


def _två_regioner() -> pd.DataFrame:
    d = pd.DataFrame({"region": ["A"] * 4 + ["B"], "v": [10, 20, 30, 100, 200]})
    return hu.väntetidsandelar(d, gränser=90, väntetid="v", per="region", minsta_antal=1)


def test_sammanvägda_andelar_kolumn_två_gånger() -> None:
    r = _två_regioner()
    dubbel = pd.concat([r, r[["region"]]], axis=1)
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=r"^sammanvägda_andelar: the columns of andelar has duplicated keys \['region'\]",
    ):
        hu.sammanvägda_andelar(dubbel, metod="poolad")


@pytest.mark.parametrize("saknas", [None, "", "  ", math.nan])
def test_sammanvägda_andelar_del_utan_region(saknas: Any) -> None:
    # issue 12: a part without its region was pooled silently
    r = _två_regioner()
    r["region"] = r["region"].astype(object)
    r.loc[1, "region"] = saknas
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=r"^sammanvägda_andelar: column 'region' of andelar is missing .* in row 1; .*"
        r"fill in 'region' or drop the row",
    ):
        hu.sammanvägda_andelar(r, metod="poolad")


@pytest.mark.parametrize(
    ("andel", "typ"),
    [
        (math.nan, None),
        (math.inf, hu.OgiltigtVärdeError),
        (-2.0, hu.OgiltigtVärdeError),
        (1e15, hu.OgiltigtVärdeError),
        (0.5, hu.OgiltigtVärdeError),
        ("abc", hu.FelTypError),
    ],
)
def test_sammanvägda_andelar_andel_stämmer_med_antalen(andel: Any, typ: Any) -> None:
    # issue 12: andel is recomputed from the counts; one that disagrees was pooled silently
    r = _två_regioner()
    r["andel"] = r["andel"].astype(object)
    r.loc[0, "andel"] = andel  # region A: 3 of 4 within, so 0.75
    if typ is None:
        p = hu.sammanvägda_andelar(r, metod="poolad", minsta_antal=1)
        assert p["andel"].item() == 0.6  # (3 + 0) / (4 + 1)
        return
    with pytest.raises(typ, match=r"^sammanvägda_andelar: andelar\['andel'\]"):
        hu.sammanvägda_andelar(r, metod="poolad")
    utan = hu.sammanvägda_andelar(r.drop(columns="andel"), metod="poolad", minsta_antal=1)
    assert utan["andel"].item() == 0.6
