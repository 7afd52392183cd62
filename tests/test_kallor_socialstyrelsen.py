"""The Socialstyrelsen statistikdatabas client against a local server.

Expected values are read by hand from tests/data/kallor/sos_sida*.json
(illustrative values).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pytest_httpserver import HTTPServer

import halsouppfoljning as hu
from halsouppfoljning import kallor
from halsouppfoljning.kallor import KällfelError

from .test_kallor_stod import antal_anrop, bas, fixtur

VÄG = "/v1/sv/exempelamne/resultat/matt/1/region/0,1,19/ar/2022,2023/kon/3"


def test_pages_regions_and_decimal_comma(httpserver: HTTPServer, tmp_path: Path) -> None:
    b = bas(httpserver)
    httpserver.expect_request(VÄG, query_string={"per_sida": "5000"}).respond_with_json(
        fixtur("sos_sida1.json", b)
    )
    httpserver.expect_request(
        "/v1/sv/exempelamne/resultat/matt/1/region/0,1,19/ar/2022",
        query_string={"per_sida": "3", "sida": "2"},
    ).respond_with_json(fixtur("sos_sida2.json", b))
    t = kallor.hämta_socialstyrelsen(
        "exempelamne",
        1,
        regioner=["Riket", "Stockholm", "Västmanland"],
        år=[2022, 2023],
        kon=3,
        bas_url=b,
        cache=tmp_path,
    )
    assert antal_anrop(httpserver) == 2
    assert list(t.columns) == ["region", "period", "mått", "kon", "värde"]
    assert t["region"].tolist() == ["Riket", "Region Stockholm", "Region Västmanland"] * 2
    assert t["period"].tolist() == [2022, 2022, 2022, 2023, 2023, 2023]
    assert t["period"].dtype == np.int64
    assert t["värde"].iloc[0] == 88.0  # "88"
    assert t["värde"].iloc[1] == 87.5  # a number
    assert t["värde"].iloc[3] == 89.5  # "89,5"
    assert math.isnan(t["värde"].iloc[4])  # "-" is a missing marker
    assert t["värde"].iloc[5] == 91.25  # "91,25"
    assert t["kon"].tolist() == [3] * 6
    assert t.attrs["källa"].startswith("Källa: Socialstyrelsen")
    assert len(t.attrs["urler"]) == 2


def test_default_regions_are_riket_and_the_21(httpserver: HTTPServer, tmp_path: Path) -> None:
    alla = "0,1,3,4,5,6,7,8,9,10,12,13,14,17,18,19,20,21,22,23,24,25"
    httpserver.expect_request(f"/v1/sv/amne/resultat/matt/2,3/region/{alla}").respond_with_json(
        {
            "data": [
                {"regionId": 99, "ar": 2020, "mattId": 2, "varde": 1},
                {"regionId": 25, "ar": 2020, "mattId": 3, "varde": 2.5},
            ],
            "nasta_sida": None,
        }
    )
    t = kallor.hämta_socialstyrelsen("amne", [2, 3], bas_url=bas(httpserver), cache=tmp_path)
    assert t["region"].tolist() == ["Region Norrbotten"]
    assert t["mått"].tolist() == [3]
    assert t.attrs["utelämnade"] == 1  # region id 99 is neither a region nor Riket


@pytest.mark.parametrize(
    "kropp",
    [
        {"rows": []},
        {"data": [{"regionId": 1, "varde": 1}]},
        {"data": [{"ar": 2020, "varde": "åttio"}]},
    ],
)
def test_malformed_bodies(httpserver: HTTPServer, kropp: dict[str, object]) -> None:
    httpserver.expect_request("/v1/sv/amne/resultat/matt/1/region/19").respond_with_json(kropp)
    with pytest.raises(KällfelError, match=r"amne.*http://"):
        kallor.hämta_socialstyrelsen(
            "amne", 1, regioner="Västmanland", bas_url=bas(httpserver), cache=False
        )


def test_empty_data(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/sv/amne/resultat/matt/1/region/19").respond_with_json(
        {"data": []}
    )
    t = kallor.hämta_socialstyrelsen(
        "amne", 1, regioner="Västmanland", bas_url=bas(httpserver), cache=False
    )
    assert t.empty
    assert list(t.columns) == ["region", "period", "mått", "värde"]


@pytest.mark.parametrize(
    ("args", "fel"),
    [
        ({"ämne": "Död orsak"}, hu.OgiltigtVärdeError),
        ({"ämne": "amne", "mått": []}, hu.OgiltigtVärdeError),
        ({"ämne": "amne", "mått": "1/2"}, hu.OgiltigtVärdeError),
        ({"ämne": "amne", "Kon": 1}, hu.OgiltigtVärdeError),
        ({"ämne": "amne", "regioner": "Atlantis"}, hu.OkändRegionError),
    ],
)
def test_invalid_arguments(args: dict[str, object], fel: type[Exception]) -> None:
    args = {"mått": 1, **args}
    with pytest.raises(fel):
        kallor.hämta_socialstyrelsen(bas_url="http://127.0.0.1:9/", cache=False, **args)  # type: ignore[arg-type]


@pytest.mark.live
def test_live_socialstyrelsen() -> None:  # pragma: no cover - needs the internet
    t = kallor.hämta_socialstyrelsen("dodsorsaker", 1, år=2020, cache=False)
    assert "Riket" in set(t["region"])


# --------------------------------------------------------------------------- issue 12: probes


_RAD = {"regionId": 19, "ar": "2023", "mattId": 1, "konId": 3, "varde": "9,0"}


def _hämta(server: HTTPServer, *rader: dict[str, object]) -> object:
    server.expect_request("/v1/sv/amne/resultat/matt/1/region/19/ar/2023").respond_with_json(
        {"data": list(rader)}
    )
    return kallor.hämta_socialstyrelsen(
        "amne", 1, regioner="Västmanland", år=2023, bas_url=bas(server), cache=False
    )


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"år": 2023.7}, hu.OgiltigtVärdeError, "år must be a whole number, got 2023.7"),
        ({"år": "2023a"}, hu.FelTypError, "år must be a whole number, got '2023a'"),
        ({"år": range(2025, 2020)}, hu.OgiltigtVärdeError, "år is empty"),
        ({"år": -5}, hu.OgiltigtVärdeError, "år must be at least 1900"),
        ({"år": 10**12}, hu.OgiltigtVärdeError, "år must be at most 2100"),
        ({"mått": 1.5}, hu.FelTypError, "mått: an id is a whole number"),
        ({"mått": [1, None]}, hu.FelTypError, "mått: an id is a whole number"),
        ({"mått": -1}, hu.OgiltigtVärdeError, "mått: -1 is not an id"),
        ({"mått": "1;2"}, hu.OgiltigtVärdeError, "mått: '1;2' is not an id"),
        ({"mått": True}, hu.FelTypError, "mått: an id"),
        ({"kon": 1.5}, hu.FelTypError, "kon: an id"),
        ({"kon": {"a": 1}}, hu.FelTypError, "kon must be one value or a list"),
        ({"ämne": None}, hu.OgiltigtVärdeError, "hämta_socialstyrelsen: ämne"),
        ({"regioner": "Atlantis"}, hu.OkändRegionError, "Atlantis"),
        ({"bas_url": "http://"}, hu.FelTypError, "bas_url"),
        ({"timeout": math.inf}, hu.FelTypError, "timeout"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    httpserver: HTTPServer, kwargs: dict[str, object], fel: type[Exception], text: str
) -> None:
    argument: dict[str, object] = {
        "ämne": "amne",
        "mått": 1,
        "år": 2023,
        "regioner": "Västmanland",
        "bas_url": bas(httpserver),
        "cache": False,
    }
    argument.update(kwargs)
    with pytest.raises(fel, match=text):
        kallor.hämta_socialstyrelsen(**argument)  # type: ignore[arg-type]
    assert antal_anrop(httpserver) == 0


@pytest.mark.parametrize(
    "andra",
    [
        {**_RAD, "varde": "10"},
        dict(_RAD),
        {**_RAD, "ar": 2023},
        {**_RAD, "regionId": "19"},
    ],
)
def test_duplicated_rows_are_an_error_listing_them(
    httpserver: HTTPServer, andra: dict[str, object]
) -> None:
    with pytest.raises(
        KällfelError, match=r"2 rows for the same .*\('Region Västmanland', '2023', '1', '3'\)"
    ):
        _hämta(httpserver, _RAD, andra)


def test_rows_that_differ_in_a_variable_are_no_duplicates(httpserver: HTTPServer) -> None:
    t = _hämta(httpserver, _RAD, {**_RAD, "konId": 1, "varde": "8,5"})
    assert t["värde"].tolist() == [9.0, 8.5]  # type: ignore[index]


@pytest.mark.parametrize(
    ("rad", "text"),
    [
        ({**_RAD, "varde": "inf"}, "cannot read 'inf'"),
        ({**_RAD, "varde": math.inf}, "not a finite number"),
        ({**_RAD, "varde": "85 %"}, "carries a unit"),
        ({**_RAD, "varde": {"a": 1}}, "is not a number"),
        ({**_RAD, "ar": "2023-01"}, "ar '2023-01' is not a whole number"),
        ({**_RAD, "ar": 2023.5}, "ar 2023.5 is not a whole number"),
        ({**_RAD, "ar": 99999}, "ar 99999 is not a year"),
        ({**_RAD, "ar": True}, "ar True is not a whole number"),
        ({**_RAD, "regionId": None}, "regionId None is not a whole number"),
        ({**_RAD, "diagnosId": {"a": 1}}, "diagnosId .* is not an id"),
        ({k: v for k, v in _RAD.items() if k != "mattId"}, "no mattId"),
    ],
)
def test_values_that_cannot_be_read_are_a_source_error(
    httpserver: HTTPServer, rad: dict[str, object], text: str
) -> None:
    with pytest.raises(KällfelError, match=text):
        _hämta(httpserver, rad)


def test_a_nasta_sida_that_never_ends_is_an_error(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    import re

    from werkzeug import Request, Response

    from halsouppfoljning.kallor import socialstyrelsen

    monkeypatch.setattr(socialstyrelsen, "HÖGST_SIDOR", 2)
    räknare = iter(range(1, 100))

    def svara(request: Request) -> Response:
        nästa = httpserver.url_for(f"/sida/{next(räknare)}")
        return Response(json.dumps({"data": [_RAD], "nasta_sida": nästa}))

    httpserver.expect_request(re.compile(".*")).respond_with_handler(svara)
    with pytest.raises(KällfelError, match="keeps sending a nasta_sida after 3 pages"):
        kallor.hämta_socialstyrelsen(
            "amne", 1, regioner="19", år=2023, bas_url=bas(httpserver), cache=False
        )


@pytest.mark.parametrize(
    ("mått", "text"),
    [
        (pd.DataFrame([[1.0, 2.0]], columns=["a", "a"]), "2-dimensional DataFrame"),
        (np.ones((2, 2)), "2-dimensional ndarray"),
        ([[1, 2]], "give a flat list"),
        ([1, "a"], "mix whole numbers and text"),
        (np.array([1, "a"], dtype=object), "mix whole numbers and text"),
    ],
    ids=["ram", "matris", "kapslad", "blandad", "blandad_array"],
)
def test_ids_that_are_not_a_flat_list_of_one_kind_are_refused(
    httpserver: HTTPServer, mått: object, text: str
) -> None:
    # issue 12 (fuzz probe): a frame's column names or a mixed list became the request.
    with pytest.raises(hu.FelTypError, match=text) as fel:
        kallor.hämta_socialstyrelsen(
            "amne",
            mått,
            regioner="19",
            år=2023,
            bas_url=bas(httpserver),
            cache=False,  # type: ignore[arg-type]
        )
    assert "hämta_socialstyrelsen: mått" in str(fel.value)
    assert antal_anrop(httpserver) == 0


@pytest.mark.parametrize("regioner", [[], (), np.array([])], ids=["lista", "tupel", "array"])
def test_an_empty_list_of_regions_is_refused_before_any_request(
    httpserver: HTTPServer, regioner: object
) -> None:
    # issue 12 (fuzz probe): an empty list sent the path '/region/' with no ids.
    with pytest.raises(hu.OgiltigtVärdeError, match="hämta_socialstyrelsen: regioner is empty"):
        kallor.hämta_socialstyrelsen(
            "amne", 1, regioner=regioner, år=2023, bas_url=bas(httpserver), cache=False
        )
    assert antal_anrop(httpserver) == 0


def test_rows_of_a_measure_not_asked_for_are_a_source_error(httpserver: HTTPServer) -> None:
    # issue 12 (fuzz probe): mått=pd.Series(["a", "b"], dtype="category") was sent as 'a,b'
    # and the rows of measure 1 the server sent back were returned as if they were asked for.
    httpserver.expect_request("/v1/sv/amne/resultat/matt/a,b/region/19/ar/2023").respond_with_json(
        {"data": [_RAD]}
    )
    with pytest.raises(KällfelError, match=r"measure\(s\) \['1'\].*mått=\['a', 'b'\]"):
        kallor.hämta_socialstyrelsen(
            "amne",
            pd.Series(["a", "b", "a"], dtype="category"),
            regioner="19",
            år=2023,
            bas_url=bas(httpserver),
            cache=False,
        )


@pytest.mark.parametrize("mått", [-1, 2**31, 10**30, np.uint64(2**63 + 1)], ids=str)
def test_a_numeric_id_outside_the_apis_range_is_refused(mått: object) -> None:
    # issue 12 (fuzz probe): mått=10**30 was sent as a 31-digit id.
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"hämta_socialstyrelsen: mått: .* is not an id"
    ):
        kallor.hämta_socialstyrelsen("amne", mått, bas_url="http://127.0.0.1:9/", cache=False)  # type: ignore[arg-type]


def test_regions_as_a_frame_are_refused_and_numpy_codes_read() -> None:
    # issue 12 (own probe): a frame's column names were read as region names.
    from halsouppfoljning.kallor._omraden import områden

    with pytest.raises(hu.FelTypError, match=r"regioner must be .* of 2 dimensions"):
        kallor.hämta_socialstyrelsen(
            "amne", 1, regioner=pd.DataFrame({"19": [1]}), bas_url="http://127.0.0.1:9/"
        )
    assert [o.länskod for o in områden(np.array([19, 3]), med_riket=False)] == ["19", "03"]
    assert [o.länskod for o in områden(hu.region("19"), med_riket=False)] == ["19"]


def test_argument_errors_name_the_fetcher_the_caller_used() -> None:
    # issue 12: messages of the shared checks name the public function.
    with pytest.raises(hu.FelTypError, match=r"^hämta_kolada: andelar must be"):
        kallor.hämta_kolada("N1", andelar="ja", bas_url="http://127.0.0.1:9/")  # type: ignore[arg-type]
    with pytest.raises(hu.OkändRegionError, match=r"^hämta_socialstyrelsen: unknown region"):
        kallor.hämta_socialstyrelsen("amne", 1, regioner="Atlantis", bas_url="http://127.0.0.1:9/")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^kolada_indikator: id: \['N 1'\]"):
        kallor.kolada_indikator("N 1", bas_url="http://127.0.0.1:9/", cache=False)
