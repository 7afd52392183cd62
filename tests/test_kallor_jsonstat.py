"""The pure json-stat2 reader: hand examples and Hypothesis properties.

Properties: permuting the dimension order (with the values re-laid out) or
the category positions gives the same tidy table; the reader agrees with a
plain nested-loop reference implementation.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.kallor import läs_jsonstat2

# --------------------------------------------------------------------------- examples


def test_value_order_is_row_major_last_dimension_fastest() -> None:
    # value[pos], pos = i_A * 3 + i_B (sizes 2 x 3): hand-laid-out cube
    ds = {
        "id": ["A", "B"],
        "size": [2, 3],
        "dimension": {
            "A": {"category": {"index": {"a0": 0, "a1": 1}}},
            "B": {"category": {"index": {"b0": 0, "b1": 1, "b2": 2}}},
        },
        "value": [0, 1, 2, 10, 11, 12],
    }
    t = läs_jsonstat2(ds)
    assert t["A"].tolist() == ["a0"] * 3 + ["a1"] * 3
    assert t["B"].tolist() == ["b0", "b1", "b2"] * 2
    assert t["värde"].tolist() == [0, 1, 2, 10, 11, 12]
    assert t["status"].tolist() == [""] * 6


def test_category_index_not_key_order_places_values() -> None:
    # JavaScript re-serialisation puts "10" before "01"; positions decide.
    ds = {
        "id": ["Region"],
        "size": [3],
        "dimension": {"Region": {"category": {"index": {"10": 2, "03": 1, "01": 0}}}},
        "value": [100, 300, 1000],
    }
    t = läs_jsonstat2(ds)
    assert dict(zip(t["Region"], t["värde"], strict=True)) == {"01": 100, "03": 300, "10": 1000}


def test_index_as_array_single_label_sparse_values_and_status() -> None:
    ds = {
        "id": ["Tid", "Region"],
        "size": [1, 3],
        "dimension": {
            "Tid": {"category": {"label": {"2025": "2025"}}},  # no index: one category
            "Region": {"category": {"index": ["01", "03", "04"]}},
        },
        "value": {"0": 5, "2": "7"},  # sparse object; text number
        "status": {"1": "..", "2": "B"},
    }
    t = läs_jsonstat2(ds)
    assert t["Tid"].tolist() == ["2025"] * 3
    assert t["värde"].tolist()[0] == 5
    assert t["värde"].tolist()[2] == 7
    assert math.isnan(t["värde"].iloc[1])
    assert t["status"].tolist() == ["", "..", "B"]


def test_status_as_one_string_and_list() -> None:
    bas: dict[str, Any] = {
        "id": ["A"],
        "size": [2],
        "dimension": {"A": {"category": {"index": {"x": 0, "y": 1}}}},
        "value": [1, None],
    }
    assert läs_jsonstat2({**bas, "status": "p"})["status"].tolist() == ["p", "p"]
    assert läs_jsonstat2({**bas, "status": ["", "e"]})["status"].tolist() == ["", "e"]


def test_metadata_with_an_empty_value_list_is_an_error_of_size() -> None:
    meta = {
        "id": ["A"],
        "size": [2],
        "dimension": {"A": {"category": {"index": {"x": 0, "y": 1}}}},
        "value": [],
    }
    with pytest.raises(hu.OgiltigtVärdeError, match="0 items but the sizes give 2"):
        läs_jsonstat2(meta)


@pytest.mark.parametrize(
    ("ändring", "text"),
    [
        ({"size": [3]}, "does not match"),
        ({"id": ["B"]}, "missing"),
        ({"dimension": {"A": {"category": {"index": {"x": 0, "y": 5}}}}}, "not 0..1"),
        ({"value": {"9": 1}}, "outside"),
        ({"value": [True, 1]}, "not a number"),
        ({"dimension": {"A": {}}}, "no 'category'"),
    ],
)
def test_malformed_datasets(ändring: dict[str, Any], text: str) -> None:
    ds = {
        "id": ["A"],
        "size": [2],
        "dimension": {"A": {"category": {"index": {"x": 0, "y": 1}}}},
        "value": [1, 2],
    }
    with pytest.raises(hu.OgiltigtVärdeError, match=text):
        läs_jsonstat2({**ds, **ändring})


def test_not_a_mapping() -> None:
    with pytest.raises(hu.OgiltigtVärdeError):
        läs_jsonstat2([1, 2])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties


@st.composite
def kuber(draw: st.DrawFn) -> dict[str, Any]:
    """A cube: dimension names, categories, and a value per cell (None allowed)."""
    antal = draw(st.integers(1, 3))
    namn = [f"D{i}" for i in range(antal)]
    kategorier = {n: [f"{n}_{j:02d}" for j in range(draw(st.integers(1, 3)))] for n in namn}
    celler = list(itertools.product(*(kategorier[n] for n in namn)))
    värden = draw(
        st.lists(
            st.one_of(st.none(), st.integers(-(10**6), 10**6)),
            min_size=len(celler),
            max_size=len(celler),
        )
    )
    return {
        "namn": namn,
        "kategorier": kategorier,
        "celler": dict(zip(celler, värden, strict=True)),
    }


def _dataset(kub: dict[str, Any], ordning: list[str], kat: dict[str, list[str]]) -> dict[str, Any]:
    """Lay out the cube as json-stat2 with dimensions in ``ordning`` and categories in ``kat``
    order; category.index objects are written in reverse key order on purpose."""
    värden = []
    for kombination in itertools.product(*(kat[n] for n in ordning)):
        cell = dict(zip(ordning, kombination, strict=True))
        värden.append(kub["celler"][tuple(cell[n] for n in kub["namn"])])
    return {
        "id": ordning,
        "size": [len(kat[n]) for n in ordning],
        "dimension": {
            n: {"category": {"index": dict(reversed([(k, i) for i, k in enumerate(kat[n])]))}}
            for n in reversed(ordning)
        },
        "value": värden,
    }


def _kanonisk(t: pd.DataFrame, namn: list[str]) -> pd.DataFrame:
    return t[[*namn, "värde"]].sort_values(namn).reset_index(drop=True)


def _referens(ds: dict[str, Any]) -> pd.DataFrame:
    """Plain reference: walk every cell, compute its position with the stride formula."""
    ids = ds["id"]
    kat = {}
    for n in ids:
        index = ds["dimension"][n]["category"]["index"]
        kat[n] = sorted(index, key=index.__getitem__)
    rader = []
    for kombination in itertools.product(*(kat[n] for n in ids)):
        pos = 0
        for d, n in enumerate(ids):
            steg = 1
            for m in ids[d + 1 :]:
                steg *= len(kat[m])
            pos += kat[n].index(kombination[d]) * steg
        v = ds["value"][pos]
        rader.append(
            {**dict(zip(ids, kombination, strict=True)), "värde": np.nan if v is None else float(v)}
        )
    return pd.DataFrame(rader, columns=[*ids, "värde"])


@given(kub=kuber(), data=st.data())
def test_any_dimension_order_and_category_order_gives_the_same_table(
    kub: dict[str, Any], data: st.DataObject
) -> None:
    namn = kub["namn"]
    bas = _kanonisk(läs_jsonstat2(_dataset(kub, namn, kub["kategorier"])), namn)
    ordning = data.draw(st.permutations(namn))
    kat = {n: data.draw(st.permutations(kub["kategorier"][n])) for n in namn}
    annan = _kanonisk(läs_jsonstat2(_dataset(kub, list(ordning), kat)), namn)
    pd.testing.assert_frame_equal(bas, annan)


@given(kub=kuber(), data=st.data())
def test_agrees_with_a_plain_reference(kub: dict[str, Any], data: st.DataObject) -> None:
    ordning = list(data.draw(st.permutations(kub["namn"])))
    kat = {n: data.draw(st.permutations(kub["kategorier"][n])) for n in kub["namn"]}
    ds = _dataset(kub, ordning, kat)
    t = läs_jsonstat2(ds)
    pd.testing.assert_frame_equal(
        t[[*ordning, "värde"]].reset_index(drop=True), _referens(ds), check_dtype=False
    )
    # every cell's value is the cube's value, whatever the layout
    for rad in t.itertuples(index=False):
        cell = tuple(getattr(rad, n) for n in kub["namn"])
        väntat = kub["celler"][cell]
        if väntat is None:
            assert math.isnan(rad.värde)
        else:
            assert rad.värde == väntat


# --------------------------------------------------------------------------- issue 12: probes


def _ds(**ändra: Any) -> dict[str, Any]:
    ds: dict[str, Any] = {
        "id": ["Region", "Tid"],
        "size": [2, 1],
        "dimension": {
            "Tid": {"category": {"index": {"2024": 0}}},
            "Region": {"category": {"index": {"03": 1, "01": 0}}},
        },
        "value": [1, None],
    }
    ds.update(ändra)
    return ds


@pytest.mark.parametrize(
    ("ds", "text"),
    [
        (None, "not a JSON object"),
        ([1], "not a JSON object"),
        (_ds(value=["abc", 1]), "'abc' is neither a number nor a missing-value symbol"),
        (_ds(value=[math.inf, 1]), "not a finite number"),
        (_ds(value=["inf", 1]), "not a finite number"),
        (_ds(value=["NaN", 1]), "not a finite number"),
        (_ds(size=["a", 1]), "'size' must be a list of whole numbers"),
        (_ds(size=[None, 1]), "'size' must be a list of whole numbers"),
        (_ds(size=5), "'size' must be a list of whole numbers"),
        (_ds(id=["Region", "Region"], size=[2, 2]), "'id' lists a dimension more than once"),
        (
            _ds(
                dimension={
                    "Tid": {"category": {"index": ["2024"]}},
                    "Region": {"category": {"index": ["01", "01"]}},
                }
            ),
            r"category code\(s\) \['01'\] more than once",
        ),
    ],
)
def test_malformed_datasets_are_package_errors_naming_the_argument(ds: Any, text: str) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=f"läs_jsonstat2: dataset .*{text}"):
        läs_jsonstat2(ds)


@pytest.mark.parametrize("symbol", ["..", "-", ".", "..."])
def test_px_missing_symbols_are_missing_values(symbol: str) -> None:
    t = läs_jsonstat2(_ds(value=[symbol, "1234,5"]))
    assert math.isnan(t["värde"].iloc[0])
    assert t["värde"].iloc[1] == 1234.5  # a decimal comma in text


@pytest.mark.parametrize(
    ("dimension", "text"),
    [
        ({"category": {"label": {"a": "A", "b": "B"}}}, "no category.index and not exactly"),
        ({"category": {"index": 5}}, "malformed category.index"),
        ({"category": {"index": {"a": "x"}}}, "has position 'x'"),
        ({"category": {"index": {"a": 1.5}}}, "has position 1.5"),
        ({"category": {"index": {"a": True}}}, "has position True"),
    ],
)
def test_malformed_categories(dimension: dict[str, Any], text: str) -> None:
    ds = _ds(id=["Tid"], size=[1], dimension={"Tid": dimension}, value=[1])
    with pytest.raises(hu.OgiltigtVärdeError, match=text):
        läs_jsonstat2(ds)


@pytest.mark.parametrize(
    ("ändra", "text"),
    [
        ({"value": {"x": 1}}, "value key 'x' is not a position"),
        ({"value": 5}, "value is neither an array nor an object"),
        ({"value": [{"a": 1}, 1]}, r"value \{'a': 1\} is not a number"),
        ({"id": None}, "lacks 'id' or 'dimension'"),
    ],
)
def test_malformed_values_and_ids(ändra: dict[str, Any], text: str) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=text):
        läs_jsonstat2(_ds(**ändra))


def test_one_status_for_every_cell_and_no_size() -> None:
    ds = _ds(status=["e"])
    del ds["size"]
    t = läs_jsonstat2(ds)
    assert t["status"].tolist() == ["e", "e"]
