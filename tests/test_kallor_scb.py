"""The SCB population client (PxWebApi 2.0, json-stat2) against a local server.

Expected populations are read by hand from the fixture files in
tests/data/kallor (illustrative values, see the README there).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import halsouppfoljning as hu
from halsouppfoljning import kallor
from halsouppfoljning.kallor import KällfelError

from .test_kallor_stod import antal_anrop, bas, fixtur, sömn

__all__ = ["sömn"]

LÄN = [
    "01",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "12",
    "13",
    "14",
    "17",
    "18",
    "19",
    "20",
    "21",
    "22",
    "23",
    "24",
    "25",
]


def _tjäna_fixturer(server: HTTPServer) -> None:
    server.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    server.expect_request("/tables/TAB5557/metadata").respond_with_json(
        fixtur("scb_TAB5557_metadata.json")
    )
    server.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        fixtur("scb_TAB638_data_2024.json")
    )
    server.expect_request("/tables/TAB5557/data", method="POST").respond_with_json(
        fixtur("scb_TAB5557_data_2025.json")
    )


def _urval(server: HTTPServer, tabell: str) -> dict[str, list[str]]:
    """The selection of the (last) data request to a table, variable -> codes."""
    for request, _ in reversed(server.log):
        if request.path == f"/tables/{tabell}/data":
            body = json.loads(request.get_data())
            return {s["variableCode"]: s["valueCodes"] for s in body["selection"]}
    raise AssertionError(f"no data request to {tabell}")


def test_population_2024_from_tab638(httpserver: HTTPServer, tmp_path: Path) -> None:
    _tjäna_fixturer(httpserver)
    bef = kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)
    assert bef.name == "befolkning"
    assert bef.index.name == "region"
    assert len(bef) == 21
    assert bef.index[0] == "Region Stockholm"
    assert bef["Region Stockholm"] == 2450000
    assert bef["Region Västmanland"] == 280000
    assert bef["Region Gotland"] == 61000
    assert bef["Region Norrbotten"] == 249000
    assert bef.attrs["källa"] == "Källa: SCB"
    assert list(bef.attrs["tabeller"]) == ["TAB638"]
    urval = _urval(httpserver, "TAB638")
    assert urval["ContentsCode"] == ["BE0101N1"]  # resolved by the label "Folkmängd"
    assert urval["Alder"] == ["tot"]  # the total, asked for directly
    assert "Civilstand" not in urval
    assert "Kon" not in urval
    assert urval["Tid"] == ["2024"]
    assert urval["Region"] == LÄN
    # the data request asks for json-stat2
    data_req = next(r for r, _ in httpserver.log if r.path.endswith("/data"))
    assert data_req.args["outputFormat"] == "json-stat2"


def test_population_2025_from_tab5557_asks_for_totals(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _tjäna_fixturer(httpserver)
    bef = kallor.hämta_befolkning(2025, bas_url=bas(httpserver), cache=tmp_path)
    assert bef["Region Stockholm"] == 2462000
    assert bef["Region Västmanland"] == 281200
    assert bef["Region Norrbotten"] == 248700
    urval = _urval(httpserver, "TAB5557")
    assert urval["ContentsCode"] == ["000007ME"]  # listed second in the metadata's JSON
    assert urval["Civilstand"] == ["SC"]
    assert urval["Alder"] == ["TotSA"]
    assert urval["Kon"] == ["TotSa"]
    assert not any(r.path == "/tables/TAB638/data" for r, _ in httpserver.log)


def test_a_span_across_2024_and_2025_uses_both_tables(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _tjäna_fixturer(httpserver)
    bef = kallor.hämta_befolkning(range(2024, 2026), bas_url=bas(httpserver), cache=tmp_path)
    assert bef.index.names == ["region", "period"]
    assert len(bef) == 42
    assert bef[("Region Uppsala", 2024)] == 400000
    assert bef[("Region Uppsala", 2025)] == 402500
    assert bef[("Region Gotland", 2025)] == 61100
    assert set(bef.attrs["tabeller"]) == {"TAB638", "TAB5557"}
    assert bef.index.get_level_values("period").dtype == np.int64


def test_regions_riket_and_unknown(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_handler(_kubserver)
    bef = kallor.hämta_befolkning(
        2023, regioner=["Västmanland", "Riket"], bas_url=bas(httpserver), cache=tmp_path
    )
    assert bef.index.tolist() == ["Region Västmanland", "Riket"]
    assert bef.tolist() == [_befolkning("19", 2023), _befolkning("00", 2023)]
    with pytest.raises(hu.OkändRegionError, match="Atlantis"):
        kallor.hämta_befolkning(2023, regioner="Atlantis", bas_url=bas(httpserver))


def _befolkning(kod: str, år: int) -> float:
    """The synthetic cube of _kubserver: 1000 x län number + year offset."""
    return 1000.0 * (int(kod) + 1) + (år - 2000)


def _kubserver(request: Request) -> Response:
    """Answer a data POST with exactly the selected cells, dimensions in reverse order
    and every category.index written in reverse key order."""
    body = json.loads(request.get_data())
    urval = {s["variableCode"]: s["valueCodes"] for s in body["selection"]}
    ids = list(reversed(list(urval)))
    dims = {
        d: {"category": {"index": dict(reversed([(k, i) for i, k in enumerate(urval[d])]))}}
        for d in ids
    }
    värden: list[Any] = []
    import itertools

    for kombination in itertools.product(*(urval[d] for d in ids)):
        celler = dict(zip(ids, kombination, strict=True))
        värden.append(_befolkning(celler["Region"], int(celler["Tid"])))
    ds = {
        "version": "2.0",
        "class": "dataset",
        "id": ids,
        "size": [len(urval[d]) for d in ids],
        "dimension": dims,
        "value": värden,
    }
    return Response(json.dumps(ds), content_type="application/json")


def test_max_cells_splits_the_query(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_handler(_kubserver)
    bef = kallor.hämta_befolkning(
        [2022, 2023, 2024], bas_url=bas(httpserver), cache=tmp_path, max_celler=10
    )
    data = [r for r, _ in httpserver.log if r.path.endswith("/data")]
    storlekar = []
    for r in data:
        u = {s["variableCode"]: s["valueCodes"] for s in json.loads(r.get_data())["selection"]}
        storlekar.append(len(u["Region"]) * len(u["Tid"]))
    assert max(storlekar) <= 10
    assert sum(storlekar) == 63
    assert len(bef) == 63
    assert bef[("Region Stockholm", 2022)] == 2022.0
    assert bef[("Region Norrbotten", 2024)] == 26024.0


def test_null_value_and_status_are_kept(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    ds = {
        "id": ["Tid", "Region", "ContentsCode"],
        "size": [1, 2, 1],
        "dimension": {
            "ContentsCode": {"category": {"index": {"BE0101N1": 0}}},
            "Region": {"category": {"index": {"19": 1, "03": 0}}},
            "Tid": {"category": {"index": {"2023": 0}}},
        },
        "value": [400000, None],
        "status": {"1": ".."},
    }
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(ds)
    bef = kallor.hämta_befolkning(
        2023, regioner=["Uppsala", "Västmanland"], bas_url=bas(httpserver), cache=tmp_path
    )
    assert bef["Region Uppsala"] == 400000
    assert np.isnan(bef["Region Västmanland"])
    assert bef.attrs["status"] == {("Region Västmanland", 2023): ".."}


def test_no_folkmängd_label_is_an_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    meta = fixtur("scb_TAB638_metadata.json")
    meta["dimension"]["ContentsCode"]["category"]["label"] = {
        "BE0101N1": "Befolkning",
        "BE0101N2": "Folkökning",
    }
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(meta)
    with pytest.raises(KällfelError, match="Folkmängd"):
        kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)


def test_year_not_in_table_and_malformed_answers(
    httpserver: HTTPServer, tmp_path: Path, sömn: list[float]
) -> None:
    _tjäna_fixturer(httpserver)
    with pytest.raises(KällfelError, match=r"TAB638 has no year\(s\) \[1900\]"):
        kallor.hämta_befolkning(1900, bas_url=bas(httpserver), cache=tmp_path)
    httpserver.clear()
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        {
            "id": ["Region"],
            "size": [3],
            "dimension": {"Region": {"category": {"index": {"01": 0}}}},
            "value": [1],
        }
    )
    with pytest.raises(KällfelError, match=r"malformed answer for table TAB638 at http://"):
        kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=False)
    httpserver.clear()
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_data("<html>", status=200)
    with pytest.raises(KällfelError, match="not JSON"):
        kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=False)


def test_403_over_the_cell_limit_is_a_package_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        {
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
            "detail": "The query resulted in cell that exceeds the number of allowed",
        },
        status=403,
    )
    with pytest.raises(KällfelError, match=r"403 for table TAB638.*exceeds"):
        kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=False)


def test_cache_for_post_queries(httpserver: HTTPServer, tmp_path: Path) -> None:
    _tjäna_fixturer(httpserver)
    kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)
    assert antal_anrop(httpserver) == 2
    kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)
    assert antal_anrop(httpserver) == 2
    kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=False)
    assert antal_anrop(httpserver) == 4


def test_population_feeds_allocation_and_weighted_totals(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    _tjäna_fixturer(httpserver)
    bef = kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)
    pengar = hu.medelsfördelning(100, bef)  # 100 mnkr by population share
    assert pengar.sum() == 100_000_000
    total = 10_500_000  # the sum of the 21 fixture populations, added by hand
    assert bef.sum() == total
    assert pengar["Region Stockholm"] == pytest.approx(100e6 * 2450000 / total, abs=1)
    panel = hu.regionpanel(
        pd.DataFrame({2024: [0.5, 0.9]}, index=["Stockholm", "Gotland"]), indikator="x"
    )
    s = hu.sammanvägning(panel, metod="vägt medel", vikter=bef)
    väntat = (0.5 * 2450000 + 0.9 * 61000) / (2450000 + 61000)
    assert s["värde"].iloc[0] == pytest.approx(väntat)


@pytest.mark.parametrize("år", ["tjugo", [], True])
def test_invalid_years(år: Any) -> None:
    with pytest.raises(hu.HalsouppfoljningError):
        kallor.hämta_befolkning(år, bas_url="http://127.0.0.1:9/", cache=False)


@pytest.mark.live
def test_live_population_2024() -> None:  # pragma: no cover - needs the internet
    bef = kallor.hämta_befolkning(2024, cache=False)
    assert 10_000_000 < bef.sum() < 11_000_000


@pytest.mark.parametrize("status", [404, 405, 501])
def test_a_server_refusing_post_gets_a_get_with_valuecodes(
    httpserver: HTTPServer, tmp_path: Path, status: int
) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_data(
        "", status=status
    )
    httpserver.expect_request("/tables/TAB638/data", method="GET").respond_with_json(
        fixtur("scb_TAB638_data_2024.json")
    )
    bef = kallor.hämta_befolkning(2024, bas_url=bas(httpserver), cache=tmp_path)
    assert bef["Region Västmanland"] == 280000
    get = [r for r, _ in httpserver.log if r.method == "GET" and r.path.endswith("/data")]
    assert get[0].args["valuecodes[ContentsCode]"] == "BE0101N1"
    assert get[0].args["valuecodes[Tid]"] == "2024"


def test_variables_named_by_role(httpserver: HTTPServer, tmp_path: Path) -> None:
    meta = {
        "role": {"time": ["År"], "metric": ["Innehåll"], "geo": ["Län"]},
        "id": ["Län", "Innehåll", "År"],
        "size": [2, 1, 1],
        "dimension": {
            "Län": {"category": {"index": {"03": 0, "19": 1}}},
            "Innehåll": {"category": {"index": {"X1": 0}, "label": {"X1": "Folkmängd"}}},
            "År": {"category": {"index": {"2020": 0}}},
        },
        "value": [],
    }
    data = {**meta, "value": [383000, 276000]}
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(meta)
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(data)
    bef = kallor.hämta_befolkning(
        2020, regioner=["Uppsala", "Västmanland"], bas_url=bas(httpserver), cache=tmp_path
    )
    assert bef.to_dict() == {"Region Uppsala": 383000, "Region Västmanland": 276000}
    assert set(_urval(httpserver, "TAB638")) == {"Län", "Innehåll", "År"}


@pytest.mark.parametrize(
    ("år", "fel"),
    [
        (None, hu.FelTypError),
        (2024.5, hu.OgiltigtVärdeError),
        (math.nan, hu.OgiltigtVärdeError),
        (object(), hu.FelTypError),
        ("2023a", hu.FelTypError),
        ([2024, "2024"], hu.FelTypError),
        (True, hu.FelTypError),
    ],
)
def test_years_of_the_wrong_type_are_a_package_error(år: object, fel: type[Exception]) -> None:
    """Issue 12: no TypeError from iterating a float or None; the message names år."""
    with pytest.raises(fel, match="hämta_befolkning: år"):
        kallor.hämta_befolkning(år, bas_url="http://127.0.0.1:9/", cache=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(("år", "gräns"), [(-1, "at least 1900"), (20230515, "at most 2100")])
def test_implausible_years_are_refused_before_asking(år: int, gräns: str) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=f"år must be {gräns}"):
        kallor.hämta_befolkning(år, bas_url="http://127.0.0.1:9/", cache=False)


@pytest.mark.parametrize("år", [range(2025, 2020), []])
def test_no_years_is_an_error(år: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="år is empty"):
        kallor.hämta_befolkning(år, bas_url="http://127.0.0.1:9/", cache=False)  # type: ignore[arg-type]


@pytest.mark.parametrize("max_celler", [True, 0, 2.5, "10", None])
def test_max_celler_is_a_whole_number_of_at_least_one(max_celler: object) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="max_celler"):
        kallor.hämta_befolkning(
            2024,
            bas_url="http://127.0.0.1:9/",
            cache=False,
            max_celler=max_celler,  # type: ignore[arg-type]
        )


# --------------------------------------------------------------------------- issue 12: answers


def _svar_med(värde: Any) -> dict[str, Any]:
    """The TAB638 fixture with Västmanland's (position 14) value replaced."""
    data = fixtur("scb_TAB638_data_2024.json")
    data["value"][14] = värde
    return data


@pytest.mark.parametrize(
    ("värde", "text"),
    [
        (-5, "is not a number of inhabitants"),
        (100.5, "is not a number of inhabitants"),
        (1e300, "is not a number of inhabitants"),
        ("inf", "not a finite number"),
        ("NaN", "not a finite number"),
        ("abc", "neither a number nor a missing-value symbol"),
        (True, "is not a number"),
    ],
)
def test_a_population_that_is_no_population_is_a_source_error(
    httpserver: HTTPServer, värde: Any, text: str
) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        _svar_med(värde)
    )
    with pytest.raises(KällfelError, match=text):
        kallor.hämta_befolkning(
            2024, regioner=["Uppsala", "Västmanland"], bas_url=bas(httpserver), cache=False
        )


def test_a_px_missing_symbol_is_a_missing_population(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        _svar_med("..")
    )
    b = kallor.hämta_befolkning(
        2024, regioner=["Uppsala", "Västmanland"], bas_url=bas(httpserver), cache=False
    )
    assert b["Region Uppsala"] == 400000.0  # the fixture's value, by hand
    assert math.isnan(b["Region Västmanland"])


def test_a_region_code_repeated_in_the_answer_is_a_source_error(httpserver: HTTPServer) -> None:
    data = fixtur("scb_TAB638_data_2024.json")
    koder = list(data["dimension"]["Region"]["category"]["index"])
    data["dimension"]["Region"]["category"]["index"] = [*sorted(koder)[:20], "19"]
    httpserver.expect_request("/tables/TAB638/metadata").respond_with_json(
        fixtur("scb_TAB638_metadata.json")
    )
    httpserver.expect_request("/tables/TAB638/data", method="POST").respond_with_json(data)
    with pytest.raises(KällfelError, match=r"category code\(s\) \['19'\] more than once"):
        kallor.hämta_befolkning(2024, regioner="19", bas_url=bas(httpserver), cache=False)


# --------------------------------------------------------------------------- malformed tables


def _meta() -> dict[str, Any]:
    return fixtur("scb_TAB638_metadata.json")  # type: ignore[no-any-return]


def _hämta_med(server: HTTPServer, meta: Any, data: Any = None) -> pd.Series:
    server.expect_request("/tables/TAB638/metadata").respond_with_json(meta)
    server.expect_request("/tables/TAB638/data", method="POST").respond_with_json(
        data if data is not None else fixtur("scb_TAB638_data_2024.json")
    )
    return kallor.hämta_befolkning(2024, regioner="19", bas_url=bas(server), cache=False)


def test_metadata_without_dimensions_or_variables(httpserver: HTTPServer) -> None:
    with pytest.raises(KällfelError, match=r"malformed metadata .* no 'dimension'"):
        _hämta_med(httpserver, {"id": []})
    httpserver.clear()
    meta = _meta()
    del meta["dimension"]["Tid"]
    with pytest.raises(KällfelError, match=r"lacks the variable\(s\) \['Tid'\]"):
        _hämta_med(httpserver, meta)


def test_a_variable_without_a_total_is_an_error(httpserver: HTTPServer) -> None:
    meta = _meta()
    meta["dimension"]["Kon"] = {
        "category": {"index": {"1": 0, "2": 1}, "label": {"1": "män", "2": "kvinnor"}},
        "extension": {"elimination": False},
    }
    with pytest.raises(KällfelError, match="'Kon' has no total and cannot be left out"):
        _hämta_med(httpserver, meta)


def test_totals_by_elimination_code_label_and_leaving_out() -> None:
    from halsouppfoljning.kallor import scb

    def dim(index: list[str], **extra: Any) -> dict[str, Any]:
        return {"category": {"index": index, **extra.pop("category", {})}, **extra}

    assert scb._total(dim(["a", "b"], extension={"eliminationValueCode": "b"}), "X") == "b"
    etiketter = {"category": {"label": {"a": "män", "b": "Totalt båda könen"}}}
    assert scb._total(dim(["a", "b"], **etiketter), "X") == "b"
    assert scb._total(dim(["a", "b"], extension={"elimination": True}), "X") is None


def test_answers_lacking_regions_years_or_with_two_values(httpserver: HTTPServer) -> None:
    data = fixtur("scb_TAB638_data_2024.json")
    data["dimension"]["Tid"]["category"]["index"] = {"år 2024": 0}
    with pytest.raises(KällfelError, match="a year that is not a year"):
        _hämta_med(httpserver, _meta(), data)
    httpserver.clear()
    with pytest.raises(hu.OgiltigtVärdeError, match="give at least one region"):
        kallor.hämta_befolkning(2024, regioner=[], bas_url=bas(httpserver), cache=False)
