"""The Kolada v3 client against a local server (pytest-httpserver on 127.0.0.1).

Expected values are read by hand from the fixture files in tests/data/kallor
(see their README); Kolada publishes shares in percent, the panel holds
shares, so 83.2 in a file is 0.832 here.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import halsouppfoljning as hu
from halsouppfoljning import kallor
from halsouppfoljning.kallor import KällfelError, OkändKpiError

from .test_kallor_stod import antal_anrop, bas, fixtur, sömn

__all__ = ["sömn"]  # the fixture, imported for its use below

ALLA = (
    "0000,0001,0003,0004,0005,0006,0007,0008,0009,0010,0012,0013,0014,0017,0018,0019,"
    "0020,0021,0022,0023,0024,0025"
)
VÄG = f"/data/kpi/N79173/municipality/{ALLA}/year/2023,2024"


def _rad(kpi: str, område: str, period: Any, värde: Any, **extra: Any) -> dict[str, Any]:
    inre = {"gender": "T", "count": 1, "status": "", "value": värde, "isdeleted": False}
    inre.update(extra.pop("inre", {}))
    return {"kpi": kpi, "municipality": område, "period": period, "values": [inre], **extra}


def _svar(*rader: dict[str, Any], next_url: Any = None) -> dict[str, Any]:
    return {"values": list(rader), "count": len(rader), "next_url": next_url}


@pytest.fixture
def två_sidor(httpserver: HTTPServer) -> HTTPServer:
    b = bas(httpserver)
    httpserver.expect_request(
        VÄG, query_string={"per_page": "5000", "page": "2"}
    ).respond_with_json(fixtur("kolada_N79173_sida2.json", b))
    httpserver.expect_request(VÄG, query_string={"per_page": "5000"}).respond_with_json(
        fixtur("kolada_N79173_sida1.json", b)
    )
    return httpserver


# --------------------------------------------------------------------------- the panel


def test_paging_follows_next_url_to_the_last_page(två_sidor: HTTPServer, tmp_path: Path) -> None:
    p = kallor.hämta_kolada("N79173", år=[2023, 2024], bas_url=bas(två_sidor), cache=tmp_path)
    assert antal_anrop(två_sidor) == 2
    assert len(p) == 44  # 22 areas x 2 years, one page each
    assert p.attrs["urler"][1].endswith("page=2")
    assert len(p.attrs["urler"]) == 2


def test_values_regions_periods_and_status(två_sidor: HTTPServer, tmp_path: Path) -> None:
    p = kallor.hämta_kolada("N79173", år=range(2023, 2025), bas_url=bas(två_sidor), cache=tmp_path)
    assert list(p.columns) == [
        "region",
        "indikator",
        "period",
        "värde",
        "täljare",
        "nämnare",
        "kön",
        "status",
    ]
    assert p["period"].dtype == np.int64  # 2023 sent as a number, 2024 as text
    assert sorted(p["period"].unique()) == [2023, 2024]

    def värde(region: str, år: int) -> float:
        return float(p.loc[(p["region"] == region) & (p["period"] == år), "värde"].iloc[0])

    assert värde("Riket", 2023) == pytest.approx(0.832)
    assert värde("Region Västmanland", 2024) == pytest.approx(0.901)
    assert värde("Region Stockholm", 2024) == pytest.approx(0.810)
    jämtland = p[(p["region"] == "Region Jämtland Härjedalen") & (p["period"] == 2024)]
    assert np.isnan(jämtland["värde"].iloc[0])
    assert jämtland["status"].iloc[0] == "Missing"
    assert (p.loc[p["värde"].notna(), "status"] == "").all()
    assert p["indikator"].unique().tolist() == ["N79173"]
    assert p["kön"].unique().tolist() == ["T"]
    # Riket first, then länskod order, within each period
    första = p[p["period"] == 2023]["region"].tolist()
    assert första[:3] == ["Riket", "Region Stockholm", "Region Uppsala"]
    assert första[-1] == "Region Norrbotten"
    assert p.attrs["källa"] == "Källa: Kolada"
    assert p.attrs["raderade"] == 0
    assert p.attrs["skala"] == {"N79173": "andel"}
    assert p.attrs["riktning"] == {"N79173": hu.Riktning.HÖGRE_ÄR_BÄTTRE}
    assert re.match(r"\d{4}-\d\d-\d\dT", p.attrs["hämtad"])


def test_panel_has_the_shape_and_dtypes_of_regionpanel_från_kolada(
    två_sidor: HTTPServer, tmp_path: Path
) -> None:
    p = kallor.hämta_kolada("N79173", år=[2023, 2024], bas_url=bas(två_sidor), cache=tmp_path)
    hand = pd.DataFrame(
        {
            "kpi": ["N79173"] * 2,
            "municipality_id": ["0000", "0019"],
            "year": [2023, 2023],
            "gender": ["T", "T"],
            "value": [0.832, 0.894],
            "status": ["", ""],
        }
    )
    referens = hu.regionpanel_från_kolada(hand, behåll=["status"])
    assert list(p.columns) == list(referens.columns)
    assert p.dtypes.to_dict() == referens.dtypes.to_dict()
    rad = p[(p["region"] == "Region Västmanland") & (p["period"] == 2023)]
    assert rad["värde"].iloc[0] == pytest.approx(0.894)


def test_the_panel_feeds_comparison_and_plots_unchanged(
    två_sidor: HTTPServer, tmp_path: Path
) -> None:
    p = kallor.hämta_kolada("N79173", år=[2023, 2024], bas_url=bas(två_sidor), cache=tmp_path)
    riktning = p.attrs["riktning"]
    s = hu.sammanvägning(p, metod="medel")
    assert len(s) == 2  # one per period
    assert s.loc[s["period"] == 2023, "publicerat"].iloc[0] == pytest.approx(0.832)
    assert s.loc[s["period"] == 2024, "antal_regioner"].iloc[0] == 20  # Jämtland is null
    f = hu.förändring(p, referens=2023, riktning=riktning)
    assert len(f) > 0
    r = hu.rangordning(p, riktning=riktning)
    r24 = r[(r["period"] == 2024) & (r["region"] != "Riket")].dropna(subset=["rang"])
    # 2024: Gotland 92.3 is the best, Sörmland 78.4 the worst of the 20 with values
    assert r24.loc[r24["rang"] == 1, "region"].tolist() == ["Region Gotland"]
    assert r24.loc[r24["rang"] == r24["rang"].max(), "region"].tolist() == ["Region Sörmland"]
    k = hu.färgklasser(p, hu.Färgregel.rang(0.25, 0.25), riktning=riktning)
    assert (
        k.loc[(k["period"] == 2024) & (k["region"] == "Region Gotland"), "färgklass"].iloc[0]
        == "grön"
    )
    import matplotlib

    matplotlib.use("Agg")
    from halsouppfoljning import plot

    ax = plot.rangdiagram(p, period=2024, regel=hu.Färgregel.rang(0.25, 0.25), riktning=riktning)
    assert ax is not None
    # Issue 14: no direction from the user. riktning=None reads p.attrs["riktning"] and the
    # bundled curated table (data/kolada_kpi_riktning.csv), and gives the same answers.
    assert hu.rangordning(p)["rang"].equals(r["rang"])
    assert hu.rangordning(p[p["period"] == 2024])["rang"].equals(r.loc[r["period"] == 2024, "rang"])
    ingen = hu.färgklasser(p, hu.Färgregel.rang(0.25, 0.25))
    assert ingen["färgklass"].equals(k["färgklass"])
    assert hu.förändring(p, referens=2023)["differens"].equals(f["differens"])
    utan_attrs = p.copy()
    utan_attrs.attrs = {}
    assert hu.rangordning(utan_attrs)["rang"].equals(r["rang"])  # the curated table alone
    assert plot.rangdiagram(p, period=2024, regel=hu.Färgregel.rang(0.25, 0.25)) is not None
    import matplotlib.pyplot as plt

    plt.close("all")


# --------------------------------------------------------------------------- ids


def _segmentserver(request: Request) -> Response:
    """Answer 400 to a segment of more than 25 ids, else one row per KPI and area."""
    delar = request.path.strip("/").split("/")
    segment = dict(zip(delar[1::2], delar[2::2], strict=False))
    listor = {k: v.split(",") for k, v in segment.items()}
    if any(len(v) > 25 for v in listor.values()):
        return Response(json.dumps({"error": "too many ids"}), status=400)
    rader = [_rad(k, m, 2024, 50.0) for k in listor["kpi"] for m in listor["municipality"]]
    return Response(json.dumps(_svar(*rader)), content_type="application/json")


def test_more_than_25_ids_are_split_into_segments(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(re.compile(r"^/data/kpi/.*")).respond_with_handler(_segmentserver)
    kpier = [f"N{10000 + i}" for i in range(30)]
    p = kallor.hämta_kolada(
        kpier,
        regioner=["Riket", "Västmanland"],
        år=2024,
        andelar=False,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    sökvägar = [r.path for r, _ in httpserver.log]
    assert len(sökvägar) == 2
    assert [len(s.split("/")[3].split(",")) for s in sökvägar] == [25, 5]
    assert len(p) == 60
    assert set(p["indikator"]) == set(kpier)
    assert (p["värde"] == 50.0).all()  # andelar=False keeps Kolada's scale


def test_the_test_server_does_refuse_long_segments(httpserver: HTTPServer) -> None:
    import requests

    httpserver.expect_request(re.compile(r"^/data/kpi/.*")).respond_with_handler(_segmentserver)
    lång = ",".join(f"N{10000 + i}" for i in range(26))
    svar = requests.get(httpserver.url_for(f"/data/kpi/{lång}/municipality/0000"), timeout=5)
    assert svar.status_code == 400


def test_unknown_region_is_an_error_listing_them_before_any_request(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    with pytest.raises(hu.OkändRegionError, match=r"Atlantis.*Lemuria"):
        kallor.hämta_kolada(
            "N79173",
            regioner=["Atlantis", "Västmanland", "Lemuria"],
            bas_url=bas(httpserver),
            cache=tmp_path,
        )
    assert antal_anrop(httpserver) == 0


def test_unknown_kpi_ids_are_an_error_listing_them(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(
        "/data/kpi/N79173,X99999,Y88888/municipality/0019/year/2024"
    ).respond_with_json(_svar(_rad("N79173", "0019", 2024, 90.1)))
    httpserver.expect_request("/kpi/X99999,Y88888").respond_with_json({"values": [], "count": 0})
    with pytest.raises(OkändKpiError, match=r"X99999.*Y88888") as fel:
        kallor.hämta_kolada(
            ["N79173", "X99999", "Y88888"],
            regioner="Västmanland",
            år=2024,
            bas_url=bas(httpserver),
            cache=tmp_path,
        )
    assert isinstance(fel.value, KeyError)
    assert isinstance(fel.value, hu.HalsouppfoljningError)


def test_empty_result_of_a_known_kpi_is_an_empty_panel(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/data/kpi/N79173/municipality/0019/year/2030").respond_with_json(
        {"values": [], "count": 0, "next_url": ""}
    )
    httpserver.expect_request("/kpi/N79173").respond_with_json(fixtur("kolada_kpi_N79173.json"))
    p = kallor.hämta_kolada(
        "N79173", regioner="0019", år=2030, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p.empty
    assert list(p.columns) == [
        "region",
        "indikator",
        "period",
        "värde",
        "täljare",
        "nämnare",
        "kön",
        "status",
    ]
    assert p.attrs["utan_data"] == ["N79173"]


def test_empty_result_when_metadata_cannot_be_read_is_still_an_empty_panel(
    httpserver: HTTPServer, tmp_path: Path, sömn: list[float]
) -> None:
    httpserver.expect_request("/data/kpi/N79173/municipality/0019/year/2030").respond_with_json(
        {"values": []}
    )
    p = kallor.hämta_kolada(
        "N79173", regioner="0019", år=2030, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p.empty
    assert sömn == []  # the metadata check is tried once, never retried


# --------------------------------------------------------------------------- rows


def test_deleted_rows_at_either_level_and_spelling_are_dropped_and_counted(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request(
        "/data/kpi/N1/municipality/0000,0003,0019/year/2024"
    ).respond_with_json(
        _svar(
            _rad("N1", "0000", 2024, 70.0),
            _rad("N1", "0003", 2024, 60.0, is_deleted=True),  # outer level, v2 spelling
            _rad("N1", "0019", 2024, 80.0, inre={"isdeleted": True}),  # inner level
        )
    )
    args: dict[str, Any] = {
        "regioner": ["Riket", "Uppsala", "Västmanland"],
        "år": 2024,
        "andelar": False,
        "bas_url": bas(httpserver),
        "cache": tmp_path,
    }
    p = kallor.hämta_kolada("N1", **args)
    assert p["region"].tolist() == ["Riket"]
    assert p.attrs["raderade"] == 2
    alla = kallor.hämta_kolada("N1", ta_med_raderade=True, **args)
    assert alla["region"].tolist() == ["Riket", "Region Uppsala", "Region Västmanland"]
    assert alla["raderad"].tolist() == [False, True, True]
    assert alla["värde"].tolist() == [70.0, 60.0, 80.0]


def test_period_as_text_and_number_and_all_genders(httpserver: HTTPServer, tmp_path: Path) -> None:
    rad = {
        "kpi": "N1",
        "municipality": "0019",
        "period": "2023",
        "values": [
            {"gender": "T", "status": "", "value": 10.0},
            {"gender": "K", "status": "", "value": 11.0},
            {"gender": "M", "status": "", "value": None},
        ],
    }
    rad2 = {**rad, "period": 2024}
    httpserver.expect_request("/data/kpi/N1/municipality/0019").respond_with_json(
        {"values": [rad, rad2]}  # no count, no next_url at all
    )
    p = kallor.hämta_kolada(
        "N1",
        regioner="Västmanland",
        kön=None,
        andelar=False,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    assert p["period"].tolist() == [2023, 2024, 2023, 2024, 2023, 2024]  # sorted by kön, period
    assert p["kön"].tolist() == ["K", "K", "M", "M", "T", "T"]
    assert p["värde"].tolist()[:2] == [11.0, 11.0]
    assert np.isnan(p["värde"].iloc[2])
    only_k = kallor.hämta_kolada(
        "N1",
        regioner="Västmanland",
        kön="K",
        andelar=False,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    assert only_k["kön"].tolist() == ["K", "K"]


# --------------------------------------------------------------------------- errors and retries


def test_400_is_a_package_error_naming_kpi_and_url(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_json(
        {"error": "bad"}, status=400
    )
    with pytest.raises(KällfelError, match=r"400.*N1.*/data/kpi/N1/municipality/0019") as fel:
        kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=tmp_path)
    assert fel.value.status == 400
    assert isinstance(fel.value, hu.HalsouppfoljningError)
    assert antal_anrop(httpserver) == 1  # 4xx is not retried


@pytest.mark.parametrize(
    "kropp", ["this is not json", json.dumps({"rows": []}), json.dumps({"values": [{"kpi": "N1"}]})]
)
def test_malformed_body_is_a_package_error_naming_kpi_and_url(
    httpserver: HTTPServer, tmp_path: Path, kropp: str
) -> None:
    httpserver.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_data(
        kropp, content_type="application/json"
    )
    with pytest.raises(KällfelError, match=r"N1.*http://.*/data/kpi/N1"):
        kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=False)


def _ok(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_json(
        _svar(_rad("N1", "0019", 2024, 42.0))
    )


def test_429_with_retry_after_waits_that_long(
    httpserver: HTTPServer, tmp_path: Path, sömn: list[float]
) -> None:
    httpserver.expect_oneshot_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    _ok(httpserver)
    p = kallor.hämta_kolada(
        "N1", regioner="0019", år=2024, andelar=False, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p["värde"].tolist() == [42.0]
    assert sömn == [7.0]
    assert antal_anrop(httpserver) == 2


def test_429_without_retry_after_backs_off(
    httpserver: HTTPServer, tmp_path: Path, sömn: list[float]
) -> None:
    for _ in range(2):
        httpserver.expect_oneshot_request(
            "/data/kpi/N1/municipality/0019/year/2024"
        ).respond_with_data("slow down", status=429)
    _ok(httpserver)
    p = kallor.hämta_kolada(
        "N1", regioner="0019", år=2024, andelar=False, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p["värde"].tolist() == [42.0]
    assert sömn == [1.0, 2.0]


def test_retry_after_is_bounded(httpserver: HTTPServer, tmp_path: Path, sömn: list[float]) -> None:
    httpserver.expect_oneshot_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_data(
        "", status=429, headers={"Retry-After": "86400"}
    )
    _ok(httpserver)
    kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=tmp_path)
    assert sömn == [60.0]


def test_503_then_success(httpserver: HTTPServer, tmp_path: Path, sömn: list[float]) -> None:
    httpserver.expect_oneshot_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_data(
        "unavailable", status=503
    )
    _ok(httpserver)
    p = kallor.hämta_kolada(
        "N1", regioner="0019", år=2024, andelar=False, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p["värde"].tolist() == [42.0]
    assert len(sömn) == 1


def test_persistent_5xx_gives_up_after_a_bounded_number_of_tries(
    httpserver: HTTPServer, tmp_path: Path, sömn: list[float]
) -> None:
    httpserver.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_data(
        "boom", status=500
    )
    with pytest.raises(KällfelError, match=r"Kolada failed for KPI N1 .*after 4 tries.*HTTP 500"):
        kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=tmp_path)
    assert antal_anrop(httpserver) == 4
    assert sömn == [1.0, 2.0, 4.0]


def test_timeout_is_retried_then_a_package_error(tmp_path: Path, sömn: list[float]) -> None:
    def långsam(request: Request) -> Response:
        time.sleep(0.4)
        return Response(json.dumps(_svar()), content_type="application/json")

    # Its own threaded server, so that the slow answers never reach another test.
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        server.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_handler(
            långsam
        )
        with pytest.raises(KällfelError, match=r"timeout of 0.1 s"):
            kallor.hämta_kolada(
                "N1", regioner="0019", år=2024, timeout=0.1, bas_url=bas(server), cache=tmp_path
            )
        assert len(sömn) == 3
        time.sleep(0.5)
    finally:
        server.clear()
        server.stop()


# --------------------------------------------------------------------------- cache


def test_cache_second_identical_call_makes_no_request(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _ok(httpserver)
    args: dict[str, Any] = {"regioner": "0019", "år": 2024, "bas_url": bas(httpserver)}
    första = kallor.hämta_kolada("N1", cache=tmp_path, **args)
    assert antal_anrop(httpserver) == 1
    andra = kallor.hämta_kolada("N1", cache=tmp_path, **args)
    assert antal_anrop(httpserver) == 1
    pd.testing.assert_frame_equal(första, andra)
    assert (tmp_path / "http_cache.sqlite").exists()
    assert kallor.rensa_cache(tmp_path) == 1
    kallor.hämta_kolada("N1", cache=tmp_path, **args)
    assert antal_anrop(httpserver) == 2


def test_cache_false_makes_a_request_every_time(httpserver: HTTPServer) -> None:
    _ok(httpserver)
    args: dict[str, Any] = {"regioner": "0019", "år": 2024, "bas_url": bas(httpserver)}
    kallor.hämta_kolada("N1", cache=False, **args)
    kallor.hämta_kolada("N1", cache=False, **args)
    assert antal_anrop(httpserver) == 2


def test_cache_true_lives_under_the_user_cache_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda namn: str(tmp_path / namn))
    from halsouppfoljning.kallor import _http

    assert _http.cachefil(True) == tmp_path / "halsouppfoljning" / "http_cache.sqlite"
    assert _http.cachefil(tmp_path / "c.sqlite") == tmp_path / "c.sqlite"
    assert _http.cachefil(False) is None
    assert kallor.rensa_cache(True) == 0


# --------------------------------------------------------------------------- metadata


def test_kolada_nyckeltal_by_id_and_search(httpserver: HTTPServer, tmp_path: Path) -> None:
    meta = fixtur("kolada_kpi_N79173.json")
    httpserver.expect_request("/kpi/N79173").respond_with_json(meta)
    httpserver.expect_request(
        "/kpi", query_string={"per_page": "5000", "title": "bedömning"}
    ).respond_with_json(meta)
    t = kallor.kolada_nyckeltal(id="N79173", bas_url=bas(httpserver), cache=tmp_path)
    assert t["id"].tolist() == ["N79173"]
    assert t.loc[0, "titel"] == "Medicinsk bedömning inom tre dagar i primärvård, andel (%)"
    assert t.loc[0, "könsuppdelad"] is True
    assert t.loc[0, "områdestyp"] == "L"
    assert t.loc[0, "publiceringsperiod"] == "2026"
    assert t.loc[0, "definition"] is None  # not in the v3 snapshot
    assert t.loc[0, "enhet"] == "andel"
    assert t.loc[0, "riktning"] is hu.Riktning.HÖGRE_ÄR_BÄTTRE
    s = kallor.kolada_nyckeltal("bedömning", bas_url=bas(httpserver), cache=tmp_path)
    assert s["id"].tolist() == ["N79173"]


def test_kolada_indikator_gives_an_indikator(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/kpi/N79173").respond_with_json(fixtur("kolada_kpi_N79173.json"))
    ind = kallor.kolada_indikator("N79173", bas_url=bas(httpserver), cache=tmp_path)
    assert isinstance(ind, hu.Indikator)
    assert ind.id == "N79173"
    assert ind.namn == "Medicinsk bedömning inom tre dagar i primärvård, andel (%)"
    assert ind.enhet == "andel"
    assert ind.riktning is hu.Riktning.HÖGRE_ÄR_BÄTTRE
    assert ind.källa == "Kolada (Vården i siffror)"


def test_kolada_indikator_of_an_uncurated_kpi_reads_the_unit_from_the_title(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/kpi/U99999").respond_with_json(
        {"values": [{"id": "U99999", "title": "Något, antal", "description": ""}]}
    )
    ind = kallor.kolada_indikator("U99999", bas_url=bas(httpserver), cache=tmp_path)
    assert (ind.enhet, ind.riktning, ind.källa) == ("antal", None, "Kolada")


def test_kolada_indikator_unknown_id(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/kpi/X1").respond_with_json({"values": []})
    with pytest.raises(OkändKpiError, match="X1"):
        kallor.kolada_indikator("X1", bas_url=bas(httpserver), cache=tmp_path)


def test_curated_table_has_sources_and_known_directions() -> None:
    from halsouppfoljning._data import läs_datafil

    t = läs_datafil("kolada_kpi_riktning.csv")
    assert {"N79173", "N79179", "N79221", "N79222", "N79223", "N79224"} <= set(t["kpi"])
    assert set(t["riktning"]) <= {r.name for r in hu.Riktning}
    assert (t["riktning_grund"] != "").all()
    r = kallor.kolada_riktningar()
    assert r["N79241"] is hu.Riktning.LÄGRE_ÄR_BÄTTRE


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("args", "fel"),
    [
        ({"kpi": []}, hu.OgiltigtVärdeError),
        ({"kpi": "N1/../x"}, hu.OgiltigtVärdeError),
        ({"kpi": "N1", "kön": "X"}, hu.OgiltigtVärdeError),
        ({"kpi": "N1", "år": "tjugo"}, hu.FelTypError),
        ({"kpi": "N1", "regioner": 3.5}, hu.FelTypError),
        ({"kpi": "N1", "bas_url": "ftp://x"}, hu.FelTypError),
        ({"kpi": "N1", "timeout": 0}, hu.FelTypError),
        ({"kpi": "N1", "andelar": "ja"}, hu.FelTypError),
        ({"kpi": "N1", "visa_förlopp": "ja"}, hu.FelTypError),
    ],
)
def test_invalid_arguments(args: dict[str, Any], fel: type[Exception], tmp_path: Path) -> None:
    with pytest.raises(fel):
        kallor.hämta_kolada(**{"cache": tmp_path, "bas_url": "http://127.0.0.1:9/", **args})


def test_progress_bar_when_asked(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request(re.compile(r"^/data/kpi/.*")).respond_with_handler(_segmentserver)
    kallor.hämta_kolada(
        [f"N{i}" for i in range(10000, 10060)],
        regioner="Riket",
        år=2024,
        visa_förlopp=True,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    assert "Kolada" in capsys.readouterr().err
    kallor.hämta_kolada(
        [f"N{i}" for i in range(10000, 10060)],
        regioner="Riket",
        år=2024,
        visa_förlopp=False,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    assert capsys.readouterr().err == ""


def test_import_works_without_the_data_extra_and_calls_say_how_to_install() -> None:
    kod = (
        "import sys\n"
        "for m in ('requests', 'requests_cache', 'platformdirs', 'tqdm'):\n"
        "    sys.modules[m] = None\n"
        "import halsouppfoljning.kallor as k\n"
        "import halsouppfoljning as hu\n"
        "try:\n"
        "    k.hämta_kolada('N1', bas_url='http://127.0.0.1:9/')\n"
        "except hu.SaknatTilläggError as fel:\n"
        "    print('OK', fel)\n"
    )
    ut = subprocess.run(
        [sys.executable, "-c", kod], capture_output=True, text=True, check=True, timeout=120
    )
    assert ut.stdout.startswith("OK")
    assert 'pip install "halsouppfoljning[data]"' in ut.stdout


# --------------------------------------------------------------------------- live


@pytest.mark.live
def test_live_kolada_n79173() -> None:  # pragma: no cover - needs the internet
    p = kallor.hämta_kolada("N79173", år=2023, cache=False)
    assert "Riket" in set(p["region"])
    assert p["värde"].dropna().between(0, 1).all()


def test_a_failed_call_leaves_nothing_in_the_cache(httpserver: HTTPServer, tmp_path: Path) -> None:
    väg = "/data/kpi/N1/municipality/0019/year/2024"
    httpserver.expect_oneshot_request(väg).respond_with_data("{oops", content_type="text/plain")
    _ok(httpserver)
    args: dict[str, Any] = {"regioner": "0019", "år": 2024, "bas_url": bas(httpserver)}
    with pytest.raises(KällfelError, match="not JSON"):
        kallor.hämta_kolada("N1", cache=tmp_path, andelar=False, **args)
    p = kallor.hämta_kolada("N1", cache=tmp_path, andelar=False, **args)
    assert p["värde"].tolist() == [42.0]
    assert antal_anrop(httpserver) == 2


def test_other_areas_in_the_answer_are_dropped_and_counted(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/data/kpi/N1/municipality/0019/year/2024").respond_with_json(
        _svar(
            _rad("N1", "0019", 2024, 80.0),
            _rad("N1", "1980", 2024, 70.0),  # a kommun (Västerås)
            _rad("N1", "G2329", 2024, 75.0),  # a group
        )
    )
    p = kallor.hämta_kolada(
        "N1", regioner="0019", år=2024, andelar=False, bas_url=bas(httpserver), cache=tmp_path
    )
    assert p["region"].tolist() == ["Region Västmanland"]
    assert p.attrs["utelämnade"] == 2


def test_v2_next_page_and_a_relative_link_are_followed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    väg = "/data/kpi/N1/municipality/0003,0019/year/2024"
    httpserver.expect_request(väg, query_string={"page": "2"}).respond_with_json(
        {"values": [_rad("N1", "0019", 2024, 80.0)], "next_page": None}
    )
    httpserver.expect_request(väg).respond_with_json(
        {"values": [_rad("N1", "0003", 2024, 60.0)], "next_page": väg.lstrip("/") + "?page=2"}
    )
    p = kallor.hämta_kolada(
        "N1",
        regioner=["Uppsala", "Västmanland"],
        år=2024,
        andelar=False,
        bas_url=bas(httpserver),
        cache=tmp_path,
    )
    assert p["värde"].tolist() == [60.0, 80.0]


def test_a_next_url_that_loops_is_an_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    väg = "/data/kpi/N1/municipality/0019/year/2024"
    httpserver.expect_request(väg).respond_with_json(
        {"values": [], "next_url": httpserver.url_for(väg)}
    )
    with pytest.raises(KällfelError, match="loops"):
        kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=False)


# --------------------------------------------------------------------------- properties

_OMRÅDEN = ["0000", "0003", "0019", "0025"]


@st.composite
def _kolada_svar(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[tuple[str, int], float]]:
    """Rows in any legal shape (period int or text, deletion flags at either level and in
    either spelling, status, null values), and the panel values they must give."""
    rader: list[dict[str, Any]] = []
    väntat: dict[tuple[str, int], float] = {}
    for område in _OMRÅDEN:
        for år in (2023, 2024):
            värde = draw(st.one_of(st.none(), st.integers(0, 1000).map(lambda x: x / 10)))
            raderad = draw(st.booleans())
            nivå = draw(st.sampled_from(["yttre", "inre"]))
            stavning = draw(st.sampled_from(["isdeleted", "is_deleted"]))
            inre: dict[str, Any] = {"gender": "T", "value": värde, "status": ""}
            rad: dict[str, Any] = {
                "kpi": "N1",
                "municipality": område,
                "period": draw(st.sampled_from([år, str(år)])),
                "values": [inre],
            }
            (rad if nivå == "yttre" else inre)[stavning] = raderad
            rader.append(rad)
            if not raderad:
                väntat[(område, år)] = math.nan if värde is None else värde
    ordning = draw(st.permutations(range(len(rader))))
    return [rader[i] for i in ordning], väntat


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(svar=_kolada_svar(), data=st.data())
def test_any_paging_and_row_shape_gives_the_same_panel(
    httpserver: HTTPServer,
    svar: tuple[list[dict[str, Any]], dict[tuple[str, int], float]],
    data: st.DataObject,
) -> None:
    rader, väntat = svar
    httpserver.clear()
    snitt = sorted(data.draw(st.sets(st.integers(1, len(rader) - 1), max_size=3)))
    gränser = [0, *snitt, len(rader)]
    väg = "/data/kpi/N1/municipality/" + ",".join(_OMRÅDEN) + "/year/2023,2024"
    for sida in range(len(gränser) - 1):
        sista = sida == len(gränser) - 2
        nästa = None if sista else httpserver.url_for(väg) + f"?page={sida + 2}"
        kropp = {"values": rader[gränser[sida] : gränser[sida + 1]]}
        if nästa is not None or data.draw(st.booleans()):
            kropp["next_url"] = (
                nästa if nästa is not None else data.draw(st.sampled_from([None, ""]))
            )
        fråga = {"per_page": "5000"} if sida == 0 else {"page": str(sida + 1)}
        httpserver.expect_request(väg, query_string=fråga).respond_with_json(kropp)
    p = kallor.hämta_kolada(
        "N1",
        regioner=["Riket", "Uppsala", "Västmanland", "Norrbotten"],
        år=[2023, 2024],
        andelar=False,
        bas_url=bas(httpserver),
        cache=False,
    )
    namn = {
        "0000": "Riket",
        "0003": "Region Uppsala",
        "0019": "Region Västmanland",
        "0025": "Region Norrbotten",
    }
    fått = {(r, int(a)): v for r, a, v in zip(p["region"], p["period"], p["värde"], strict=True)}
    assert fått.keys() == {(namn[o], a) for o, a in väntat}
    for (o, a), v in väntat.items():
        assert fått[(namn[o], a)] == pytest.approx(v, nan_ok=True)
    assert p.attrs["raderade"] == 8 - len(väntat)
    assert p["period"].dtype == np.int64


@pytest.mark.parametrize("id_", [math.nan, "N 1!"])
def test_kolada_indikator_names_its_own_argument(id_: object) -> None:
    """Issue 12: the message names id=, the argument the caller passed, not kpi=."""
    with pytest.raises(hu.HalsouppfoljningError, match=r"^kolada_indikator: id"):
        kallor.kolada_indikator(id_, bas_url="http://127.0.0.1:9/", cache=False)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- issue 12: probes


_VÄG_19 = "/data/kpi/N79173/municipality/0019/year/2024"


def _hämta_19(server: HTTPServer, **kw: Any) -> pd.DataFrame:
    return kallor.hämta_kolada(
        "N79173", regioner="Västmanland", år=2024, bas_url=bas(server), cache=False, **kw
    )


def _svara(server: HTTPServer, *rader: dict[str, Any]) -> None:
    server.expect_request(_VÄG_19).respond_with_json(_svar(*rader))
    server.expect_request("/kpi/N79173").respond_with_json(fixtur("kolada_kpi_N79173.json"))


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"kpi": 5}, hu.FelTypError, "kpi: a Kolada KPI id is text"),
        ({"kpi": ["N79173", None]}, hu.FelTypError, "kpi: a Kolada KPI id is text.*None"),
        ({"kpi": True}, hu.FelTypError, "kpi: a Kolada KPI id is text"),
        ({"kpi": []}, hu.OgiltigtVärdeError, "kpi: give at least one"),
        ({"år": 2023.7}, hu.OgiltigtVärdeError, "år must be a whole number, got 2023.7"),
        ({"år": "2023a"}, hu.FelTypError, "år must be a whole number, got '2023a'"),
        ({"år": [2024, 2023.5]}, hu.OgiltigtVärdeError, r"år\[1\] must be a whole number"),
        ({"år": range(2025, 2020)}, hu.OgiltigtVärdeError, "år is empty"),
        ({"år": []}, hu.OgiltigtVärdeError, "år is empty"),
        ({"år": -5}, hu.OgiltigtVärdeError, "år must be at least 1900"),
        ({"år": 10**12}, hu.OgiltigtVärdeError, "år must be at most 2100"),
        ({"år": True}, hu.FelTypError, "år must be a whole number"),
        ({"år": {"a": 1}}, hu.FelTypError, "år must be one value or a list"),
        ({"regioner": "Atlantis"}, hu.OkändRegionError, "Atlantis"),
        ({"regioner": []}, hu.OgiltigtVärdeError, "regioner is empty"),
        ({"regioner": [None]}, hu.FelTypError, "regioner"),
        ({"bas_url": "http://"}, hu.FelTypError, "bas_url must be an http"),
        ({"bas_url": "https://exa mple.com/"}, hu.FelTypError, "bas_url must be an http"),
        ({"bas_url": "http://[::1"}, hu.FelTypError, "bas_url must be an http"),
        ({"bas_url": "http://127.0.0.1:99999/"}, hu.FelTypError, "bas_url must be an http"),
        ({"bas_url": "ftp://x/"}, hu.FelTypError, "bas_url must be an http"),
        ({"bas_url": None}, hu.FelTypError, "bas_url must be an http"),
        ({"timeout": math.inf}, hu.FelTypError, "timeout must be a number of seconds"),
        ({"timeout": 1e12}, hu.FelTypError, "timeout must be a number of seconds"),
        ({"timeout": math.nan}, hu.FelTypError, "timeout must be a number of seconds"),
        ({"timeout": True}, hu.FelTypError, "timeout must be a number of seconds"),
        ({"ta_med_raderade": "nej"}, hu.FelTypError, "ta_med_raderade must be True or False"),
        ({"ta_med_raderade": 1}, hu.FelTypError, "ta_med_raderade must be True or False"),
        ({"cache": None}, hu.FelTypError, "cache must be True, False or a path"),
        ({"andelar": "ja"}, hu.FelTypError, "andelar must be True, False or None"),
        ({"visa_förlopp": 1}, hu.FelTypError, "visa_förlopp must be True, False or None"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    httpserver: HTTPServer, kwargs: dict[str, Any], fel: type[Exception], text: str
) -> None:
    argument: dict[str, Any] = {
        "kpi": "N79173",
        "regioner": "Västmanland",
        "år": 2024,
        "bas_url": bas(httpserver),
        "cache": False,
    }
    argument.update(kwargs)
    with pytest.raises(fel, match=text):
        kallor.hämta_kolada(**argument)
    assert antal_anrop(httpserver) == 0


def test_a_numpy_year_is_a_year(httpserver: HTTPServer) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, 90.1))
    p = kallor.hämta_kolada(
        "N79173", regioner="19", år=np.int64(2024), bas_url=bas(httpserver), cache=False
    )
    assert p["värde"].tolist() == [pytest.approx(0.901)]


@pytest.mark.parametrize("värde", ["inf", "-Infinity", "NaN", "abc", True, {"a": 1}])
def test_values_that_are_not_finite_numbers_are_a_source_error(
    httpserver: HTTPServer, värde: Any
) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, värde))
    with pytest.raises(KällfelError, match="malformed value row for KPI N79173"):
        _hämta_19(httpserver)


@pytest.mark.parametrize("text", ["1e400", "NaN", "Infinity", "-Infinity"])
def test_json_literals_that_are_not_finite_are_a_source_error(
    httpserver: HTTPServer, text: str
) -> None:
    kropp = (
        '{"values": [{"kpi": "N79173", "municipality": "0019", "period": 2024, "values": '
        f'[{{"gender": "T", "status": "", "value": {text}}}]}}]}}'
    )
    httpserver.expect_request(_VÄG_19).respond_with_data(kropp, content_type="application/json")
    with pytest.raises(KällfelError, match="not a finite number"):
        _hämta_19(httpserver)


def test_values_as_text_are_read() -> None:
    # "84,1" (decimal comma) and "−3" (a minus sign) are numbers; "" is missing
    from halsouppfoljning.kallor import kolada

    assert kolada._värde("84,1") == 84.1
    assert kolada._värde("\u22123") == -3.0
    assert math.isnan(kolada._värde(""))


@pytest.mark.parametrize("period", ["2024-01", 2024.5, None, True, 99999, "2024a"])
def test_a_period_that_is_not_a_year_is_a_source_error(httpserver: HTTPServer, period: Any) -> None:
    _svara(httpserver, _rad("N79173", "0019", period, 90.0))
    with pytest.raises(KällfelError, match="is not a year"):
        _hämta_19(httpserver)


def test_an_unknown_gender_is_a_source_error(httpserver: HTTPServer) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, 90.0, inre={"gender": "X"}))
    with pytest.raises(KällfelError, match="the gender 'X' is not T, K or M"):
        _hämta_19(httpserver)


@pytest.mark.parametrize(
    ("andra", "beskrivning"),
    [
        (_rad("N79173", "0019", 2024, 91.0), "another value"),
        (_rad("N79173", "0019", 2024, 90.0), "the same value"),
        (_rad("N79173", "19", 2024, 90.0), "the area without leading zeros"),
        (_rad("N79173", "0019", "2024", 90.0), "the period as text"),
    ],
)
def test_duplicated_rows_are_an_error_listing_them_never_summed(
    httpserver: HTTPServer, andra: dict[str, Any], beskrivning: str
) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, 90.0), andra)
    with pytest.raises(
        KällfelError, match=r"2 rows for the same .*\('N79173', '0019', '2024', 'T'\)"
    ):
        _hämta_19(httpserver)


def test_a_deleted_row_next_to_its_current_row(httpserver: HTTPServer) -> None:
    gammal = _rad("N79173", "0019", 2024, 91.0, inre={"isdeleted": True})
    _svara(httpserver, _rad("N79173", "0019", 2024, 90.0), gammal)
    # dropped by default: the current value only
    p = _hämta_19(httpserver)
    assert p["värde"].tolist() == [pytest.approx(0.9)]
    assert p.attrs["raderade"] == 1
    # kept: a panel cannot hold both, and the message says what to do
    with pytest.raises(KällfelError, match="ta_med_raderade=False"):
        _hämta_19(httpserver, ta_med_raderade=True)


def test_a_kpi_that_was_not_asked_for_is_a_source_error(httpserver: HTTPServer) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, 90.0), _rad("N99999", "0019", 2024, 1.0))
    with pytest.raises(KällfelError, match=r"KPI\(s\) \['N99999'\] that were not asked for"):
        _hämta_19(httpserver)


def test_a_share_outside_0_to_100_percent_is_a_source_error(httpserver: HTTPServer) -> None:
    _svara(httpserver, _rad("N79173", "0019", 2024, 1e300))
    with pytest.raises(KällfelError, match="not a percent share in"):
        _hämta_19(httpserver)
    # andelar=True on a KPI that is not a percent: the message names andelar=
    httpserver.clear()
    _svara(httpserver, _rad("N79173", "0019", 2024, 250.0))
    with pytest.raises(KällfelError, match="andelar=False"):
        _hämta_19(httpserver, andelar=True)
    # andelar=False keeps Kolada's scale, whatever it is
    assert _hämta_19(httpserver, andelar=False)["värde"].tolist() == [250.0]


def test_a_huge_count_is_never_relied_on(httpserver: HTTPServer) -> None:
    kropp = _svar(_rad("N79173", "0019", 2024, 90.0))
    kropp["count"] = 10**30
    httpserver.expect_request(_VÄG_19).respond_with_json(kropp)
    assert len(_hämta_19(httpserver)) == 1


def test_metadata_with_a_repeated_or_missing_id_is_a_source_error(
    httpserver: HTTPServer,
) -> None:
    rad = {"id": "N79173", "title": "Andel (%)"}
    httpserver.expect_request("/kpi/N79173").respond_with_json({"values": [rad, rad]})
    with pytest.raises(KällfelError, match=r"the KPI\(s\) \['N79173'\] more than once"):
        kallor.kolada_indikator("N79173", bas_url=bas(httpserver), cache=False)
    httpserver.clear()
    httpserver.expect_request("/kpi").respond_with_json({"values": [{"id": None, "title": 5}]})
    with pytest.raises(KällfelError, match="no text id"):
        kallor.kolada_nyckeltal(bas_url=bas(httpserver), cache=False)


@pytest.mark.parametrize("id_", [5, True, None, ["N1", "N2"]])
def test_kolada_indikator_refuses_ids_that_are_not_one_text(
    httpserver: HTTPServer, id_: Any
) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="id"):
        kallor.kolada_indikator(id_, bas_url=bas(httpserver), cache=False)
    assert antal_anrop(httpserver) == 0


def test_an_invalid_url_from_the_server_is_a_source_error(httpserver: HTTPServer) -> None:
    kropp = _svar(_rad("N79173", "0019", 2024, 90.0), next_url="http://[::1/next")
    httpserver.expect_request(_VÄG_19).respond_with_json(kropp)
    with pytest.raises(KällfelError, match="could not be asked"):
        _hämta_19(httpserver)


def test_a_region_object_is_read_and_a_lookalike_refused(httpserver: HTTPServer) -> None:
    from types import SimpleNamespace

    _svara(httpserver, _rad("N79173", "0019", 2024, 90.1))
    p = kallor.hämta_kolada(
        "N79173", regioner=[hu.region("19")], år=2024, bas_url=bas(httpserver), cache=False
    )
    assert p["region"].tolist() == ["Region Västmanland"]
    likt = SimpleNamespace(namn="Region Påhittad", kod="99")
    with pytest.raises(hu.FelTypError, match="regioner: cannot read"):
        kallor.hämta_kolada("N79173", regioner=[likt], bas_url=bas(httpserver), cache=False)


@pytest.mark.parametrize(("namn", "kod"), [("", "19"), (None, "19"), ("X", "9"), ("X", 19)])
def test_an_area_is_valid_at_construction(namn: Any, kod: Any) -> None:
    from halsouppfoljning.kallor._omraden import Område

    with pytest.raises(hu.HalsouppfoljningError, match="Område"):
        Område(namn, kod)


def test_the_http_helpers_on_odd_input() -> None:
    from halsouppfoljning.kallor import _http

    assert _http.rensa_cache(False) == 0
    assert _http._retry_after("not a date") is None
    assert _http._retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _http._retry_after("inf") is None
    with pytest.raises(hu.FelTypError, match="kön must be one value or a list"):
        _http.platt(object(), "kön")
    for url in ("http://[::1", "http://127.0.0.1:99999/", "https://a b/", "https:///x", 5):
        assert not _http._är_url(url)
    assert _http._är_url("https://api.kolada.se/v3/")


def test_an_absurd_number_of_kpi_ids_is_refused_before_any_request(
    httpserver: HTTPServer,
) -> None:
    ids = [f"N{i:05d}" for i in range(1001)]
    with pytest.raises(hu.OgiltigtVärdeError, match="kpi: 1001 KPI ids in one call"):
        kallor.hämta_kolada(ids, bas_url=bas(httpserver), cache=False)
    assert antal_anrop(httpserver) == 0


def test_a_next_url_that_never_ends_is_an_error(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from halsouppfoljning.kallor import kolada

    monkeypatch.setattr(kolada, "HÖGST_SIDOR", 3)
    räknare = iter(range(1, 100))

    def svara(request: Request) -> Response:
        nästa = httpserver.url_for(f"/sida/{next(räknare)}")
        return Response(json.dumps({"values": [], "next_url": nästa}), mimetype="application/json")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(svara)
    with pytest.raises(KällfelError, match="keeps sending a next_url after 4 pages"):
        kallor.hämta_kolada("N1", regioner="0019", år=2024, bas_url=bas(httpserver), cache=False)
    assert antal_anrop(httpserver) == 4


@pytest.mark.parametrize("cache", ["", "  ", None, 5])
def test_rensa_cache_refuses_what_is_not_a_cache(cache: Any) -> None:
    with pytest.raises(hu.FelTypError, match="cache must be True, False or a path"):
        kallor.rensa_cache(cache)


@pytest.mark.parametrize(
    ("argument", "värde", "text"),
    [
        ("id", pd.DataFrame([[1.0, 2.0]], columns=["a", "a"]), "id must be one value or a list"),
        ("id", np.array([["N1"], ["N2"]]), "2-dimensional ndarray"),
        ("id", [["N1", "N2"]], "give a flat list"),
    ],
    ids=["ram", "matris", "kapslad"],
)
def test_kpi_ids_that_are_not_a_flat_list_are_refused_before_any_request(
    httpserver: HTTPServer, argument: str, värde: object, text: str
) -> None:
    # issue 12 (fuzz probe): a frame's column names became the KPI ids of the request.
    with pytest.raises(hu.FelTypError, match=text):
        kallor.kolada_nyckeltal(**{argument: värde}, bas_url=bas(httpserver), cache=False)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="kön must be one value or a list"):
        kallor.hämta_kolada("N1", kön=pd.DataFrame(columns=["T"]), bas_url=bas(httpserver))
    assert antal_anrop(httpserver) == 0


def test_kolada_nyckeltal_by_id_checks_the_kpis_sent_back(httpserver: HTTPServer) -> None:
    # issue 12 (fuzz probe): id=("a", "b") gave the table of whatever KPI the server sent.
    meta = fixtur("kolada_kpi_N79173.json")
    httpserver.expect_request("/kpi/A,B").respond_with_json(meta)
    with pytest.raises(KällfelError, match=r"sent the KPI\(s\) \['N79173'\].*id=\['A', 'B'\]"):
        kallor.kolada_nyckeltal(id=("a", "b"), bas_url=bas(httpserver), cache=False)
    httpserver.clear()
    httpserver.expect_request("/kpi/N79173,X99999").respond_with_json(meta)
    with pytest.raises(OkändKpiError, match=r"Kolada has no KPI 'X99999' \(id=") as fel:
        kallor.kolada_nyckeltal(id=["N79173", "X99999"], bas_url=bas(httpserver), cache=False)
    assert isinstance(fel.value, hu.HalsouppfoljningError)
    httpserver.clear()
    httpserver.expect_request("/kpi/X1,Y2").respond_with_json({"values": [], "count": 0})
    with pytest.raises(OkändKpiError, match=r"Kolada has no KPIs \['X1', 'Y2'\]"):
        kallor.kolada_nyckeltal(id=["X1", "Y2"], bas_url=bas(httpserver), cache=False)
    httpserver.clear()
    httpserver.expect_request("/kpi/X1").respond_with_json({"values": [], "count": 0})
    with pytest.raises(OkändKpiError, match=r"Kolada has no KPI 'X1'"):
        kallor.kolada_indikator("x1", bas_url=bas(httpserver), cache=False)
