"""Tests of kontinuitet.kontinuitetsindex: hand-checked examples, bad input, properties, Dask."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import kontinuitet

from .strategies import besöksramar

METODER = ["coc", "upc", "mfpc", "hhi", "mmci", "secon"]


def _dag(d: int) -> pd.Timestamp:
    return pd.Timestamp("2023-01-01") + pd.Timedelta(days=d)


@pytest.fixture
def tre_patienter() -> pd.DataFrame:
    """P1: A, A, B, A (days 0-3); P2: A, B, C (days 0-2); P3: A, A (days 0-1).

    Usual provider: A for P1 and P2, B for P3. Rows deliberately not sorted.
    """
    rader = [
        (1, "A", 0, "A"),
        (2, "A", 0, "A"),
        (1, "A", 1, "A"),
        (3, "A", 0, "B"),
        (1, "B", 2, "A"),
        (2, "B", 1, "A"),
        (1, "A", 3, "A"),
        (3, "A", 1, "B"),
        (2, "C", 2, "A"),
    ]
    return pd.DataFrame(
        {
            "patient": [r[0] for r in rader],
            "vårdgivare": [r[1] for r in rader],
            "datum": [_dag(r[2]) for r in rader],
            "ordinarie": [r[3] for r in rader],
        }
    )


# --------------------------------------------------------------------------- hand-checked


# P1: N=4, n_A=3, n_B=1, M=2, order A A B A.  P2: N=3, n=1,1,1, M=3, order A B C.
# P3: N=2, n_A=2, M=1 (below the default minimum 3 -> NaN; with minimum 2 its values).
HANDRÄKNAT = {
    # COC = (sum n^2 - N) / (N (N-1)):  P1 (9+1-4)/12 = 0.5;  P2 (3-3)/6 = 0;  P3 (4-2)/2 = 1
    "coc": [0.5, 0.0, 1.0],
    # UPC = n_usual / N:  P1 usual A 3/4;  P2 usual A 1/3;  P3 usual B 0/2 = 0
    "upc": [0.75, 1 / 3, 0.0],
    # MFPC = max n / N:  P1 3/4;  P2 1/3;  P3 2/2
    "mfpc": [0.75, 1 / 3, 1.0],
    # HHI = sum (n/N)^2:  P1 9/16 + 1/16 = 0.625;  P2 3 * 1/9 = 1/3;  P3 1
    "hhi": [0.625, 1 / 3, 1.0],
    # MMCI = (1 - M/(N+.1)) / (1 - 1/(N+.1)):  P1 (1 - 2/4.1)/(1 - 1/4.1) = 2.1/3.1;
    # P2 (1 - 3/3.1)/(1 - 1/3.1) = 0.1/2.1;  P3 M=1 -> 1
    "mmci": [2.1 / 3.1, 0.1 / 2.1, 1.0],
    # SECON = same consecutive pairs / (N-1):  P1 A-A yes, A-B no, B-A no -> 1/3;
    # P2 0/2 = 0;  P3 A-A -> 1/1
    "secon": [1 / 3, 0.0, 1.0],
}


def _extra(metod: str) -> dict[str, Any]:
    if metod == "upc":
        return {"ordinarie_vårdgivare": "ordinarie"}
    if metod == "secon":
        return {"datum": "datum"}
    return {}


@pytest.mark.parametrize("metod", METODER)
def test_handräknat_varje_metod(tre_patienter: pd.DataFrame, metod: str) -> None:
    ut = hu.kontinuitetsindex(tre_patienter, metod=metod, minsta_antal_besök=2, **_extra(metod))
    assert ut.name == metod
    assert ut.index.name == "patient"
    assert ut.index.tolist() == [1, 2, 3]
    np.testing.assert_allclose(ut.to_numpy(), HANDRÄKNAT[metod], rtol=0, atol=1e-12)


@pytest.mark.parametrize("metod", METODER)
def test_standardminimum_tre_besök_ger_nan(tre_patienter: pd.DataFrame, metod: str) -> None:
    # P3 has 2 visits < 3: it stays in the result as NaN, so nothing disappears
    ut = hu.kontinuitetsindex(tre_patienter, metod=metod, **_extra(metod))
    assert ut.index.tolist() == [1, 2, 3]
    assert math.isnan(ut.loc[3])
    np.testing.assert_allclose(ut.loc[[1, 2]].to_numpy(), HANDRÄKNAT[metod][:2], atol=1e-12)
    # the published mean is the mean over measured patients: (0.5 + 0) / 2 for COC
    if metod == "coc":
        assert ut.mean() == pytest.approx(0.25)
        assert ut.count() == 2


def test_upc_ordinarie_saknas_ger_nan(tre_patienter: pd.DataFrame) -> None:
    besök = tre_patienter.assign(
        ordinarie=tre_patienter["ordinarie"].where(tre_patienter["patient"] != 2)
    )
    ut = hu.kontinuitetsindex(besök, metod="upc", ordinarie_vårdgivare="ordinarie")
    assert ut.loc[1] == pytest.approx(0.75)
    assert math.isnan(ut.loc[2])
    per = hu.kontinuitetsindex(
        besök.assign(vc="X"), metod="upc", ordinarie_vårdgivare="ordinarie", per="vc"
    )
    # P1 has a value; P2 (no usual provider) and P3 (2 visits) are excluded
    assert per.loc["X", "antal_patienter"] == 1
    assert per.loc["X", "antal_exkluderade"] == 2


def test_upc_olika_ordinarie_är_fel(tre_patienter: pd.DataFrame) -> None:
    besök = tre_patienter.copy()
    besök.loc[0, "ordinarie"] = "B"  # patient 1 now has two different usual providers
    with pytest.raises(hu.OgiltigtVärdeError, match="differs between the visits of patient 1"):
        hu.kontinuitetsindex(besök, metod="upc", ordinarie_vårdgivare="ordinarie")


def test_secon_lika_datum_ordnas_efter_vårdgivare() -> None:
    # Visits on day 0: B, A (same day), then day 1: A.  Tie broken by provider id:
    # order A(0) B(0) A(1): pairs A-B no, B-A no -> 0/2 = 0.
    # (Input order B, A, A would give B-A no, A-A yes = 1/2: the tie-break must win.)
    besök = pd.DataFrame(
        {
            "patient": [1, 1, 1],
            "vårdgivare": ["B", "A", "A"],
            "datum": [_dag(0), _dag(0), _dag(1)],
        }
    )
    ut = hu.kontinuitetsindex(besök, metod="secon", datum="datum")
    assert ut.loc[1] == 0.0
    assert hu.kontinuitetsindex(besök.iloc[::-1], metod="secon", datum="datum").loc[1] == 0.0


def test_fönster_18_månader_gränser() -> None:
    # slutdatum 2023-12-31, 18 months: window (2022-06-30, 2023-12-31], by calendar day.
    datum = pd.to_datetime(
        [
            "2022-06-30 10:00",  # the first day before the window: out
            "2022-07-01 00:00",  # first day in
            "2023-03-01 09:00",  # in
            "2023-12-31 14:00",  # slutdatum itself, later in the day: in
            "2024-01-01 08:00",  # after slutdatum: out
        ]
    )
    besök = pd.DataFrame({"patient": 1, "vårdgivare": ["A", "A", "B", "A", "B"], "datum": datum})
    ut = hu.kontinuitetsindex(besök, datum="datum", slutdatum="2023-12-31")
    # visits counted: A, B, A -> N=3, COC = (4 + 1 - 3) / 6 = 1/3
    assert ut.loc[1] == pytest.approx(1 / 3)
    assert ut.attrs["exkluderade_besök"]["utanför_fönster"] == 2
    # a 6-month window keeps 2023-07-01..2023-12-31: one visit -> below minimum -> NaN
    kort = hu.kontinuitetsindex(besök, datum="datum", slutdatum="2023-12-31", fönster_månader=6)
    assert math.isnan(kort.loc[1])
    assert kort.attrs["exkluderade_besök"]["utanför_fönster"] == 4


def test_datum_utan_slutdatum_ger_inget_fönster(tre_patienter: pd.DataFrame) -> None:
    ut = hu.kontinuitetsindex(tre_patienter, datum="datum", minsta_antal_besök=2)
    np.testing.assert_allclose(ut.to_numpy(), HANDRÄKNAT["coc"])


def test_listningsenhet_och_yrke() -> None:
    # Patient 1 listed at X. Visits: A@X läkare, A@X läkare, B@Y läkare, C@X sjuksköterska,
    # A@X läkare.  Listing unit only: A, A, C, A -> N=4, (9+1-4)/12 = 0.5.
    # Doctors only: A, A, B, A -> 0.5 as well; both: A, A, A -> 1.
    besök = pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "A", "B", "C", "A"],
            "enhet": ["X", "X", "Y", "X", "X"],
            "listningsenhet": "X",
            "yrke": ["läkare", "läkare", "läkare", "sjuksköterska", "läkare"],
        }
    )
    enhet = {"listningsenhet": "listningsenhet", "vårdenhet": "enhet"}
    ut = hu.kontinuitetsindex(besök, **enhet)
    assert ut.loc[1] == pytest.approx(0.5)
    assert ut.attrs["exkluderade_besök"]["annan_vårdenhet"] == 1
    ut = hu.kontinuitetsindex(besök, yrke="yrke", yrken="läkare")
    assert ut.loc[1] == pytest.approx(0.5)
    assert ut.attrs["exkluderade_besök"]["annat_yrke"] == 1
    ut = hu.kontinuitetsindex(besök, yrke="yrke", yrken=["läkare"], **enhet)
    assert ut.loc[1] == pytest.approx(1.0)
    # the doctor visit at Y is counted as annan_vårdenhet (tested first), the nurse visit as yrke
    assert ut.attrs["exkluderade_besök"]["annan_vårdenhet"] == 1
    assert ut.attrs["exkluderade_besök"]["annat_yrke"] == 1
    # both professions: same as no selection
    ut = hu.kontinuitetsindex(besök, yrke="yrke", yrken=("läkare", "sjuksköterska"))
    assert ut.loc[1] == pytest.approx((9 + 1 + 1 - 5) / 20)


def test_listningsenhet_saknas_räknas_inte() -> None:
    besök = pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "A", "A", "B"],
            "enhet": ["X", "X", "X", None],
            "listningsenhet": ["X", "X", "X", "X"],
        }
    )
    ut = hu.kontinuitetsindex(besök, listningsenhet="listningsenhet", vårdenhet="enhet")
    assert ut.loc[1] == 1.0  # the visit without a unit does not count
    assert ut.attrs["exkluderade_besök"]["annan_vårdenhet"] == 1


def test_kategoriska_enheter_jämförs() -> None:
    typ = pd.CategoricalDtype(["X", "Y"])
    besök = pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "A", "B", "A"],
            "enhet": pd.Series(["X", "X", "Y", "X"], dtype=typ),
            "listningsenhet": pd.Series(["X"] * 4, dtype=typ),
        }
    )
    ut = hu.kontinuitetsindex(besök, listningsenhet="listningsenhet", vårdenhet="enhet")
    assert ut.loc[1] == 1.0


def test_per_enhet_handräknat() -> None:
    # Unit X: P1 A,A,B (COC 1/3), P2 A,A,A (1), P3 A,B (2 visits: excluded).
    # Unit Y: P4 A,B,C (0).  X: 2 patients, 1 excluded, mean (1/3 + 1)/2 = 2/3,
    # median of two values = their mean = 2/3.  Y: 1 patient, mean = median = 0.
    rader = [
        ("X", 1, "A"), ("X", 1, "A"), ("X", 1, "B"),
        ("X", 2, "A"), ("X", 2, "A"), ("X", 2, "A"),
        ("X", 3, "A"), ("X", 3, "B"),
        ("Y", 4, "A"), ("Y", 4, "B"), ("Y", 4, "C"),
    ]  # fmt: skip
    besök = pd.DataFrame(rader, columns=["vc", "patient", "vårdgivare"])
    ut = hu.kontinuitetsindex(besök, per="vc")
    assert list(ut.columns) == ["antal_patienter", "antal_exkluderade", "medel", "median"]
    assert ut.index.name == "vc"
    assert ut.loc["X", "antal_patienter"] == 2
    assert ut.loc["X", "antal_exkluderade"] == 1
    assert ut.loc["X", "medel"] == pytest.approx(2 / 3)
    assert ut.loc["X", "median"] == pytest.approx(2 / 3)
    assert ut.loc["Y"].tolist() == [1, 0, 0.0, 0.0]


def test_per_grupp_utan_värden_ger_nan() -> None:
    besök = pd.DataFrame({"vc": ["X", "X"], "patient": [1, 1], "vårdgivare": ["A", "B"]})
    ut = hu.kontinuitetsindex(besök, per="vc")
    assert ut.loc["X", "antal_patienter"] == 0
    assert ut.loc["X", "antal_exkluderade"] == 1
    assert math.isnan(ut.loc["X", "medel"])
    assert math.isnan(ut.loc["X", "median"])


@pytest.mark.parametrize(
    ("kw", "skäl"),
    [
        ({"yrke": "yrke", "yrken": "läkare"}, "annat_yrke"),
        ({"datum": "datum", "slutdatum": "2023-12-31", "fönster_månader": 6}, "utanför_fönster"),
        ({"listningsenhet": "listad", "vårdenhet": "vc"}, "annan_vårdenhet"),
    ],
)
def test_per_enhet_vars_besök_alla_filtreras_bort_står_kvar(kw: dict[str, Any], skäl: str) -> None:
    # issue 12: a unit whose visits were all excluded vanished from the per= table;
    # it must show 0 patients and NaN. Unit Y: visits by a nurse, in 2022, not at
    # the listing unit, so every filter removes all of its visits.
    besök = pd.DataFrame(
        {
            "vc": ["X", "X", "X", "Y", "Y", "Y"],
            "patient": [1, 1, 1, 2, 2, 2],
            "vårdgivare": ["A", "A", "B", "C", "C", "C"],
            "yrke": ["läkare"] * 3 + ["sjuksköterska"] * 3,
            "datum": pd.to_datetime(
                ["2023-10-01", "2023-11-01", "2023-12-01"] * 1 + ["2022-01-01"] * 3
            ),
            "listad": ["X", "X", "X", "Z", "Z", "Z"],
        }
    )
    ut = hu.kontinuitetsindex(besök, per="vc", **kw)
    assert list(ut.index) == ["X", "Y"]
    # X: n = (2, 1), N = 3: COC = (4 + 1 - 3) / (3 * 2) = 1/3, by hand
    assert ut.loc["X", "antal_patienter"] == 1
    assert ut.loc["X", "medel"] == pytest.approx(1 / 3)
    assert ut.loc["Y", "antal_patienter"] == 0
    assert ut.loc["Y", "antal_exkluderade"] == 0
    assert math.isnan(ut.loc["Y", "medel"])
    assert math.isnan(ut.loc["Y", "median"])
    assert ut["antal_patienter"].dtype == np.int64
    assert ut.attrs["exkluderade_besök"][skäl] == 3
    dask = pytest.importorskip("dask")
    with dask.config.set({"dataframe.convert-string": False}):
        ut_dask = hu.kontinuitetsindex(_dask_ram(besök, 2), per="vc", **kw)
    pd.testing.assert_frame_equal(ut_dask, ut)


def test_per_enhet_under_minsta_antal_besök_står_kvar() -> None:
    besök = pd.DataFrame(
        {"vc": ["X", "X", "X", "Y"], "patient": [1, 1, 1, 2], "vårdgivare": ["A", "A", "B", "C"]}
    )
    ut = hu.kontinuitetsindex(besök, per="vc")
    assert ut.loc["Y"].tolist()[:2] == [0, 1]
    assert math.isnan(ut.loc["Y", "medel"])


def test_per_median_udda_antal() -> None:
    # values 0, 1/3, 1 -> median 1/3, mean 4/9
    besök = pd.DataFrame(
        {
            "vc": "X",
            "patient": [1, 1, 1, 2, 2, 2, 3, 3, 3],
            "vårdgivare": ["A", "B", "C", "A", "A", "B", "A", "A", "A"],
        }
    )
    ut = hu.kontinuitetsindex(besök, per="vc")
    assert ut.loc["X", "median"] == pytest.approx(1 / 3)
    assert ut.loc["X", "medel"] == pytest.approx(4 / 9)


def test_per_patient_i_två_grupper() -> None:
    # Patient 1 has visits at two units: counted in each with that unit's visits.
    besök = pd.DataFrame(
        {
            "vc": ["X", "X", "X", "Y", "Y", "Y"],
            "patient": 1,
            "vårdgivare": ["A", "A", "A", "A", "B", "C"],
        }
    )
    ut = hu.kontinuitetsindex(besök, per="vc")
    assert ut["medel"].tolist() == [1.0, 0.0]


# --------------------------------------------------------------------------- input kinds


@pytest.mark.parametrize(
    "ids",
    [
        ["p2", "p2", "p2", "p1", "p1", "p1"],
        pd.Categorical(["p2", "p2", "p2", "p1", "p1", "p1"]),
        pd.array([20, 20, 20, 10, 10, 10], dtype="Int64"),
        np.array([2.5, 2.5, 2.5, 1.5, 1.5, 1.5]),
        np.array([2**40, 2**40, 2**40, 7, 7, 7], dtype=np.int64),  # sparse ids: factorised
        np.array([-3, -3, -3, -5, -5, -5], dtype=np.int32),
    ],
)
def test_id_typer(ids: Any) -> None:
    # second patient (first in sorted order): A, A, B -> 1/3; first: A, B, C -> 0
    besök = pd.DataFrame({"patient": ids, "vårdgivare": ["A", "B", "C", "A", "A", "B"]})
    ut = hu.kontinuitetsindex(besök)
    assert ut.index.is_monotonic_increasing
    assert ut.tolist() == pytest.approx([1 / 3, 0.0])
    assert sorted(pd.unique(np.asarray(ids)).tolist()) == ut.index.tolist()


def test_vårdgivare_som_tal_och_kategori() -> None:
    for v in ([5, 5, 9], pd.Categorical(["x", "x", "y"]), pd.array([5, 5, 9], dtype="Int64")):
        besök = pd.DataFrame({"patient": [1, 1, 1], "vårdgivare": v})
        assert hu.kontinuitetsindex(besök).loc[1] == pytest.approx(1 / 3)


def test_radindex_spelar_ingen_roll(tre_patienter: pd.DataFrame) -> None:
    annan = tre_patienter.set_index(pd.Index(list("abcdefghi")))
    pd.testing.assert_series_equal(
        hu.kontinuitetsindex(annan, minsta_antal_besök=2),
        hu.kontinuitetsindex(tre_patienter, minsta_antal_besök=2),
    )


def test_kolumnnamn_nfd(tre_patienter: pd.DataFrame) -> None:
    nfd = unicodedata.normalize("NFD", "vårdgivare")
    assert nfd != "vårdgivare"
    ut = hu.kontinuitetsindex(tre_patienter, vårdgivare=nfd, minsta_antal_besök=2)
    np.testing.assert_allclose(ut.to_numpy(), HANDRÄKNAT["coc"])


def test_tom_ram() -> None:
    tom = pd.DataFrame({"patient": pd.Series(dtype="int64"), "vårdgivare": pd.Series(dtype=str)})
    ut = hu.kontinuitetsindex(tom)
    assert isinstance(ut, pd.Series)
    assert len(ut) == 0
    assert ut.name == "coc"
    per = hu.kontinuitetsindex(tom.assign(vc=pd.Series(dtype=str)), per="vc")
    assert len(per) == 0
    assert list(per.columns) == ["antal_patienter", "antal_exkluderade", "medel", "median"]


def test_alla_filtrerade_patienter_finns_kvar() -> None:
    # every visit of patient 2 is a nurse visit: patient 2 stays as NaN
    besök = pd.DataFrame(
        {
            "patient": [1, 1, 1, 2, 2, 2],
            "vårdgivare": ["A", "A", "A", "B", "B", "B"],
            "yrke": ["läkare"] * 3 + ["sjuksköterska"] * 3,
        }
    )
    for metod, extra in (("coc", {}), ("secon", {"datum": "d"})):
        ut = hu.kontinuitetsindex(
            besök.assign(d=pd.Timestamp("2023-01-01")),
            metod=metod,
            yrke="yrke",
            yrken="läkare",
            **extra,
        )
        assert ut.index.tolist() == [1, 2]
        assert ut.loc[1] == 1.0
        assert math.isnan(ut.loc[2])


def test_saknat_patient_id_räknas_och_varnar(tre_patienter: pd.DataFrame) -> None:
    besök = tre_patienter.astype({"patient": "float64"})
    besök.loc[0, "patient"] = np.nan  # patient 1's first visit (A) has no id
    with pytest.warns(hu.UnderlagsVarning, match="1 saknat patient id"):
        ut = hu.kontinuitetsindex(besök, minsta_antal_besök=2)
    assert ut.index.tolist() == [1.0, 2.0, 3.0]
    # patient 1 left with A, B, A: (4 + 1 - 3)/6 = 1/3
    assert ut.loc[1.0] == pytest.approx(1 / 3)
    assert ut.attrs["exkluderade_besök"]["saknat_patient_id"] == 1


def test_saknad_vårdgivare_räknas_och_varnar(tre_patienter: pd.DataFrame) -> None:
    besök = tre_patienter.copy()
    besök.loc[besök["patient"] == 3, "vårdgivare"] = None  # both of patient 3's visits
    with pytest.warns(hu.UnderlagsVarning, match="2 saknad vårdgivare"):
        ut = hu.kontinuitetsindex(besök, minsta_antal_besök=2)
    assert ut.index.tolist() == [1, 2, 3]  # patient 3 stays, with N = 0 -> NaN
    assert math.isnan(ut.loc[3])
    assert ut.attrs["exkluderade_besök"]["saknad_vårdgivare"] == 2


def test_saknat_datum_räknas_och_varnar(tre_patienter: pd.DataFrame) -> None:
    besök = tre_patienter.copy()
    besök.loc[2, "datum"] = pd.NaT  # patient 1's second A
    with pytest.warns(hu.UnderlagsVarning, match="saknat datum"):
        ut = hu.kontinuitetsindex(besök, metod="secon", datum="datum", minsta_antal_besök=2)
    # patient 1 left with A(0), B(2), A(3): 0 same pairs of 2
    assert ut.loc[1] == 0.0
    assert ut.attrs["exkluderade_besök"]["saknat_datum"] == 1


def test_tidszon_i_datum() -> None:
    besök = pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "B", "A"],
            "datum": pd.to_datetime(["2023-01-01", "2023-01-02", "2023-01-03"]).tz_localize(
                "Europe/Stockholm"
            ),
        }
    )
    assert hu.kontinuitetsindex(besök, metod="secon", datum="datum").loc[1] == 0.0


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"metod": "bice"}, hu.OgiltigtVärdeError, "unknown metod 'bice'"),
        ({"metod": 3}, hu.OgiltigtVärdeError, "unknown metod"),
        ({"minsta_antal_besök": 1}, hu.OgiltigtVärdeError, r"needs \(N >= 2\)"),
        (
            {"metod": "secon", "datum": "datum", "minsta_antal_besök": 1},
            hu.OgiltigtVärdeError,
            r"needs \(N >= 2\)",
        ),
        ({"metod": "mfpc", "minsta_antal_besök": 0}, hu.OgiltigtVärdeError, r"needs \(N >= 1\)"),
        ({"minsta_antal_besök": 2.5}, hu.OgiltigtVärdeError, "must be a whole number"),
        ({"minsta_antal_besök": True}, hu.FelTypError, "must be a whole number"),
        ({"minsta_antal_besök": "3"}, hu.FelTypError, "must be a whole number"),
        ({"fönster_månader": 6.5}, hu.OgiltigtVärdeError, "fönster_månader must be a whole"),
        ({"minsta_antal_besök": -1}, hu.OgiltigtVärdeError, "at least 0"),
        ({"fönster_månader": 0}, hu.OgiltigtVärdeError, "at least 1"),
        ({"metod": "secon"}, hu.OgiltigtVärdeError, "needs the visit order"),
        ({"metod": "upc"}, hu.OgiltigtVärdeError, "needs the patient's usual provider"),
        ({"ordinarie_vårdgivare": "ordinarie"}, hu.OgiltigtVärdeError, "only by metod='upc'"),
        ({"slutdatum": "2023-12-31"}, hu.OgiltigtVärdeError, "slutdatum needs datum"),
        ({"datum": "datum", "slutdatum": "igår"}, hu.FelTypError, "slutdatum must be a date"),
        ({"datum": "datum", "slutdatum": "01/12/2023"}, hu.OgiltigtVärdeError, "ambiguous"),
        ({"datum": "datum", "slutdatum": 20231231}, hu.FelTypError, "a number is not a date"),
        ({"datum": "datum", "slutdatum": pd.NaT}, hu.OgiltigtVärdeError, "slutdatum is missing"),
        (
            {"listningsenhet": "ordinarie"},
            hu.OgiltigtVärdeError,
            "both listningsenhet and vårdenhet",
        ),
        ({"vårdenhet": "ordinarie"}, hu.OgiltigtVärdeError, "both listningsenhet and vårdenhet"),
        ({"yrke": "ordinarie"}, hu.OgiltigtVärdeError, "both yrke"),
        ({"yrken": "läkare"}, hu.OgiltigtVärdeError, "both yrke"),
        ({"yrke": "ordinarie", "yrken": []}, hu.OgiltigtVärdeError, "yrken is empty"),
        ({"yrke": "ordinarie", "yrken": 5}, hu.FelTypError, "yrken must be a profession"),
        ({"patient": "pnr"}, hu.SaknadKolumnError, r"column 'pnr' \(patient=\) is not in"),
        ({"per": "region"}, hu.SaknadKolumnError, "column 'region'"),
        ({"datum": "ordinarie", "metod": "secon"}, hu.FelTypError, "pandas.to_datetime"),
    ],
)
def test_fel(
    tre_patienter: pd.DataFrame, kwargs: dict[str, Any], fel: type[Exception], text: str
) -> None:
    with pytest.raises(fel, match=text):
        hu.kontinuitetsindex(tre_patienter, **kwargs)


@pytest.mark.parametrize(
    "fel_indata",
    [3, [1, 2, 3], np.array([[1, 2], [1, 3]]), pd.Series([1, 2, 3]), None, "besök.csv"],
)
def test_fel_typ_av_besök(fel_indata: Any) -> None:
    with pytest.raises(hu.FelTypError, match="must be a pandas DataFrame or a Dask DataFrame"):
        hu.kontinuitetsindex(fel_indata)


def test_fel_är_inbyggda_undantag(tre_patienter: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown metod"):
        hu.kontinuitetsindex(tre_patienter, metod="x")
    with pytest.raises(KeyError):
        hu.kontinuitetsindex(tre_patienter, patient="x")


def test_metod_skrivs_fritt(tre_patienter: pd.DataFrame) -> None:
    ut = hu.kontinuitetsindex(tre_patienter, metod=" COC ", minsta_antal_besök=2)
    assert ut.name == "coc"


def test_metoder_tabell() -> None:
    assert hu.METODER == {"coc": 2, "upc": 1, "mfpc": 1, "hhi": 1, "mmci": 1, "secon": 2}


# --------------------------------------------------------------------------- reference


def referens(
    besök: pd.DataFrame,
    metod: str,
    minsta: int,
    *,
    slutdatum: pd.Timestamp | None = None,
    månader: int = 18,
    vårdenhet: bool = False,
    yrken: tuple[str, ...] | None = None,
    ordinarie: dict[int, int] | None = None,
    uteslutna: Counter[str] | None = None,
) -> dict[int, float]:
    """A plain per-patient implementation written from the formulas, row by row."""
    visits: dict[int, list[tuple[pd.Timestamp, int]]] = defaultdict(list)
    uteslutna = Counter() if uteslutna is None else uteslutna
    for rad in besök.itertuples(index=False):
        visits.setdefault(rad.patient, [])
        if slutdatum is not None:
            start = slutdatum - pd.DateOffset(months=månader)
            if not (start < rad.datum.normalize() <= slutdatum):
                uteslutna["utanför_fönster"] += 1
                continue
        if vårdenhet and rad.enhet != rad.listningsenhet:
            uteslutna["annan_vårdenhet"] += 1
            continue
        if yrken is not None and rad.yrke not in yrken:
            uteslutna["annat_yrke"] += 1
            continue
        visits[rad.patient].append((rad.datum, rad.vårdgivare))
    ut: dict[int, float] = {}
    for p, lista in visits.items():
        N = len(lista)
        if minsta > N:
            ut[p] = math.nan
            continue
        n = Counter(v for _, v in lista)
        if metod == "coc":
            ut[p] = (sum(x * x for x in n.values()) - N) / (N * (N - 1))
        elif metod == "hhi":
            ut[p] = sum((x / N) ** 2 for x in n.values())
        elif metod == "mfpc":
            ut[p] = max(n.values()) / N
        elif metod == "mmci":
            ut[p] = (1 - len(n) / (N + 0.1)) / (1 - 1 / (N + 0.1))
        elif metod == "upc":
            assert ordinarie is not None
            ut[p] = n[ordinarie[p]] / N
        else:  # secon: by date, ties by provider id
            ordnad = [v for _, v in sorted(lista)]
            ut[p] = sum(a == b for a, b in itertools.pairwise(ordnad)) / (N - 1)
    return ut


def _med_ordinarie(besök: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, int]]:
    # usual provider per patient: a fixed function of the id, so it is constant per patient
    ordinarie = {int(p): int(p) % 5 for p in besök["patient"].unique()}
    return besök.assign(ordinarie=besök["patient"].map(ordinarie).astype("int64")), ordinarie


def _jämför(ut: pd.Series, ref: dict[int, float]) -> None:
    assert ut.index.tolist() == sorted(ref)
    förväntat = np.array([ref[p] for p in sorted(ref)], dtype=float)
    np.testing.assert_allclose(ut.to_numpy(), förväntat, rtol=1e-12, atol=1e-12)


@contextlib.contextmanager
def _små_block(rader_per_block: int = 4, rader_per_skiva: int = 7) -> Iterator[None]:
    """Make the kernel sort in blocks of patients even on a few rows (as on millions)."""
    gamla = (
        kontinuitet._MINST_FÖR_BLOCK,
        kontinuitet._RADER_PER_BLOCK,
        kontinuitet._RADER_PER_SKIVA,
    )
    kontinuitet._MINST_FÖR_BLOCK = 0
    kontinuitet._RADER_PER_BLOCK = rader_per_block
    kontinuitet._RADER_PER_SKIVA = rader_per_skiva
    try:
        yield
    finally:
        (
            kontinuitet._MINST_FÖR_BLOCK,
            kontinuitet._RADER_PER_BLOCK,
            kontinuitet._RADER_PER_SKIVA,
        ) = gamla


@given(
    besöksramar(),
    st.sampled_from(METODER),
    st.integers(0, 4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["hel", "block", "många_block"]),
)
def test_stämmer_med_referens(
    besök: pd.DataFrame,
    metod: str,
    extra_minsta: int,
    fönster: bool,
    enhet: bool,
    yrke: bool,
    sortering: str,
) -> None:
    # "hel": one sort of the whole key (small data); "block": blocks of patients as on
    # large data; "många_block": sparse patient ids, so more than 256 blocks (16-bit ids)
    minsta = hu.METODER[metod] + extra_minsta
    if sortering == "många_block":
        besök = besök.assign(patient=besök["patient"] * 97)
    besök, ordinarie = _med_ordinarie(besök)
    kw: dict[str, Any] = {"metod": metod, "minsta_antal_besök": minsta}
    if metod == "upc":
        kw["ordinarie_vårdgivare"] = "ordinarie"
    if metod == "secon" or fönster:
        kw["datum"] = "datum"
    slut = pd.Timestamp("2023-01-04")
    if fönster:
        kw.update(slutdatum=slut, fönster_månader=1)  # (2022-12-04, 2023-01-04]: days 0-3
    if enhet:
        kw.update(listningsenhet="listningsenhet", vårdenhet="enhet")
    if yrke:
        kw.update(yrke="yrke", yrken="läkare")
    with _små_block() if sortering != "hel" else contextlib.nullcontext():
        ut = hu.kontinuitetsindex(besök, **kw)
    uteslutna: Counter[str] = Counter()
    ref = referens(
        besök,
        metod,
        minsta,
        slutdatum=slut if fönster else None,
        månader=1,
        vårdenhet=enhet,
        yrken=("läkare",) if yrke else None,
        ordinarie=ordinarie,
        uteslutna=uteslutna,
    )
    _jämför(ut, ref)
    # each excluded row is counted once, under the first reason that applies
    assert {k: v for k, v in ut.attrs["exkluderade_besök"].items() if v} == dict(uteslutna)


@given(besöksramar(), st.sampled_from(METODER))
def test_värden_i_intervallet(besök: pd.DataFrame, metod: str) -> None:
    besök, _ = _med_ordinarie(besök)
    kw: dict[str, Any] = {"metod": metod, "minsta_antal_besök": hu.METODER[metod]}
    kw.update(_extra(metod) if metod != "upc" else {"ordinarie_vårdgivare": "ordinarie"})
    ut = hu.kontinuitetsindex(besök, **kw)
    värden = ut.dropna().to_numpy()
    assert ((värden >= 0.0) & (värden <= 1.0)).all()
    # defined exactly for patients with at least the method's minimum of visits
    N = besök.groupby("patient").size().reindex(ut.index)
    assert (ut.notna() == (hu.METODER[metod] <= N)).all()


@given(besöksramar())
def test_coc_ett_och_noll_exakt(besök: pd.DataFrame) -> None:
    ut = hu.kontinuitetsindex(besök, minsta_antal_besök=2)
    for p, grupp in besök.groupby("patient"):
        n = grupp["vårdgivare"].value_counts()
        if len(grupp) < 2:
            assert math.isnan(ut.loc[p])
            continue
        assert (ut.loc[p] == 1.0) == (len(n) == 1)
        assert (ut.loc[p] == 0.0) == bool((n == 1).all())


@given(besöksramar())
def test_identitet_coc_hhi(besök: pd.DataFrame) -> None:
    coc = hu.kontinuitetsindex(besök, minsta_antal_besök=2)
    hhi = hu.kontinuitetsindex(besök, metod="hhi", minsta_antal_besök=2)
    N = besök.groupby("patient").size().reindex(coc.index).to_numpy(dtype=float)
    np.testing.assert_allclose(coc.to_numpy(), (N * hhi.to_numpy() - 1) / (N - 1), atol=1e-12)


@given(besöksramar(), st.sampled_from(METODER), st.randoms(use_true_random=False))
def test_oberoende_av_etiketter_och_radordning(besök: pd.DataFrame, metod: str, slump: Any) -> None:
    besök, _ = _med_ordinarie(besök)
    kw: dict[str, Any] = {"metod": metod, "minsta_antal_besök": hu.METODER[metod]}
    kw.update(_extra(metod) if metod != "upc" else {"ordinarie_vårdgivare": "ordinarie"})
    ut = hu.kontinuitetsindex(besök, **kw)

    # rows in another order: the same values (also SECON, thanks to the tie-break)
    ordning = list(range(len(besök)))
    slump.shuffle(ordning)
    pd.testing.assert_series_equal(hu.kontinuitetsindex(besök.iloc[ordning], **kw), ut)

    # patients and providers relabelled by arbitrary bijections
    patienter = sorted(besök["patient"].unique())
    nya_p = list(range(100, 100 + len(patienter)))
    slump.shuffle(nya_p)
    p_karta = dict(zip(patienter, nya_p, strict=True))
    v_namn = [f"v{i}" for i in range(10)]
    slump.shuffle(v_namn)
    if metod == "secon":
        v_namn = sorted(v_namn[:5])  # SECON breaks date ties by provider id: keep the order
    v_karta = dict(enumerate(v_namn))
    ny = besök.assign(
        patient=besök["patient"].map(p_karta).astype("int64"),
        vårdgivare=besök["vårdgivare"].map(v_karta),
        ordinarie=besök["ordinarie"].map(v_karta),
    )
    ut2 = hu.kontinuitetsindex(ny, **kw)
    förväntat = ut.rename(index=p_karta).sort_index()
    np.testing.assert_allclose(ut2.to_numpy(), förväntat.to_numpy(), atol=1e-12)
    assert ut2.index.tolist() == förväntat.index.tolist()


@given(besöksramar(max_dagar=60))
def test_secon_lexsort_reserv_ger_samma(besök: pd.DataFrame) -> None:
    # the fallback for keys too large for 64 bits orders the visits the same way
    kw: dict[str, Any] = {"metod": "secon", "datum": "datum", "minsta_antal_besök": 2}
    med_nyckel = hu.kontinuitetsindex(besök, **kw)
    gräns = kontinuitet._MAX_SECON_BITAR
    try:
        kontinuitet._MAX_SECON_BITAR = 0
        med_lexsort = hu.kontinuitetsindex(besök, **kw)
    finally:
        kontinuitet._MAX_SECON_BITAR = gräns
    pd.testing.assert_series_equal(med_lexsort, med_nyckel)


@given(besöksramar(max_dagar=60))
def test_secon_oberoende_av_etiketter_utan_lika_datum(besök: pd.DataFrame) -> None:
    besök = besök.drop_duplicates(["patient", "datum"])
    ut = hu.kontinuitetsindex(besök, metod="secon", datum="datum", minsta_antal_besök=2)
    v_karta = {i: 4 - i for i in range(5)}  # order-reversing: matters only for ties
    ut2 = hu.kontinuitetsindex(
        besök.assign(vårdgivare=besök["vårdgivare"].map(v_karta)),
        metod="secon",
        datum="datum",
        minsta_antal_besök=2,
    )
    pd.testing.assert_series_equal(ut, ut2)


@given(besöksramar())
def test_per_stämmer_med_patientvärden(besök: pd.DataFrame) -> None:
    # restricted to the listing unit, each patient has one unit: per= is the plain groupby
    kw: dict[str, Any] = {"listningsenhet": "listningsenhet", "vårdenhet": "enhet"}
    ut = hu.kontinuitetsindex(besök, per="listningsenhet", **kw)
    per_patient = hu.kontinuitetsindex(besök, **kw)
    enhet_per_patient = (
        besök[besök["enhet"] == besök["listningsenhet"]]
        .groupby("patient")["listningsenhet"]
        .first()
    )
    värden = per_patient.reindex(enhet_per_patient.index)
    for e, grupp in värden.groupby(enhet_per_patient):
        assert ut.loc[e, "antal_patienter"] == grupp.count()
        assert ut.loc[e, "antal_exkluderade"] == grupp.isna().sum()
        if grupp.count():
            assert ut.loc[e, "medel"] == pytest.approx(grupp.mean(), abs=1e-12)
            assert ut.loc[e, "median"] == pytest.approx(grupp.median(), abs=1e-12)
    # every unit in the data has a row; one without counted visits shows 0 patients and NaN
    assert sorted(ut.index) == sorted(besök["listningsenhet"].dropna().unique())
    tomma = ut.drop(index=enhet_per_patient.unique())
    assert (tomma["antal_patienter"] == 0).all()
    assert (tomma["antal_exkluderade"] == 0).all()
    assert tomma["medel"].isna().all()
    assert tomma["median"].isna().all()


# --------------------------------------------------------------------------- Dask


def _dask_ram(besök: pd.DataFrame, npartitions: int) -> Any:
    dd = pytest.importorskip("dask.dataframe")
    return dd.from_pandas(besök, npartitions=npartitions, sort=False)


@settings(max_examples=max(15, settings.default.max_examples // 10))
@given(besöksramar(max_rader=60), st.sampled_from(METODER), st.integers(1, 4), st.booleans())
def test_dask_samma_som_pandas(
    besök: pd.DataFrame, metod: str, npartitions: int, per: bool
) -> None:
    besök, _ = _med_ordinarie(besök)
    kw: dict[str, Any] = {"metod": metod, "minsta_antal_besök": hu.METODER[metod]}
    kw.update(_extra(metod) if metod != "upc" else {"ordinarie_vårdgivare": "ordinarie"})
    kw.update(yrke="yrke", yrken="läkare")
    if per:
        kw["per"] = "enhet"
    ut = hu.kontinuitetsindex(besök, **kw)
    dask = pytest.importorskip("dask")
    # Dask would turn the object columns into its own string dtype (labels equal, dtype not)
    with dask.config.set({"dataframe.convert-string": False}):
        ut_dask = hu.kontinuitetsindex(_dask_ram(besök, npartitions), **kw)
    if per:
        pd.testing.assert_frame_equal(ut_dask, ut)
    else:
        pd.testing.assert_series_equal(ut_dask, ut)
    assert ut_dask.attrs == ut.attrs


def test_dask_syntetiska_besök_alla_filter() -> None:
    besök = hu.exempeldata.syntetiska_besök(20_000, seed=3)
    kw: dict[str, Any] = {
        "datum": "datum",
        "slutdatum": "2023-12-31",
        "listningsenhet": "listningsenhet",
        "vårdenhet": "enhet",
        "yrke": "yrke",
        "yrken": "läkare",
    }
    ddf = _dask_ram(besök, 5)
    for extra in ({}, {"per": "region"}, {"per": "enhet"}, {"metod": "secon"}):
        ut = hu.kontinuitetsindex(besök, **kw, **extra)
        ut_dask = hu.kontinuitetsindex(ddf, **kw, **extra)
        if isinstance(ut, pd.DataFrame):
            pd.testing.assert_frame_equal(ut_dask, ut)
        else:
            pd.testing.assert_series_equal(ut_dask, ut)
        assert ut_dask.attrs == ut.attrs


def test_dask_saknade_id_varnar_en_gång() -> None:
    besök = pd.DataFrame({"patient": [1.0, 1.0, np.nan, 2.0], "vårdgivare": ["A", "A", "A", None]})
    with pytest.warns(hu.UnderlagsVarning) as varningar:
        ut = hu.kontinuitetsindex(_dask_ram(besök, 2), minsta_antal_besök=2)
    assert len(varningar) == 1
    assert ut.attrs["exkluderade_besök"]["saknat_patient_id"] == 1
    assert ut.attrs["exkluderade_besök"]["saknad_vårdgivare"] == 1
    assert ut.loc[1.0] == 1.0
    assert math.isnan(ut.loc[2.0])


def test_dask_importeras_inte_vid_import() -> None:
    import subprocess
    import sys

    kod = "import sys, halsouppfoljning; print('dask' in sys.modules)"
    ut = subprocess.run([sys.executable, "-c", kod], capture_output=True, text=True, check=True)
    assert ut.stdout.strip() == "False"


# --------------------------------------------------------------------------- the sort in blocks


@given(
    st.lists(st.tuples(st.integers(0, 700), st.integers(0, 2**20)), max_size=80),
    st.integers(0, 42),
    st.integers(1, 9),
    st.integers(1, 9),
    st.booleans(),
    st.integers(-3, 3),
    st.booleans(),
)
def test_sorterade_block_är_den_sorterade_nyckeln(
    rader: list[tuple[int, int]],
    låg_bitar: int,
    per_block: int,
    per_skiva: int,
    små: bool,
    lägst: int,
    egen: bool,
) -> None:
    # the blocks, put together, are exactly numpy's sort of the packed key
    hög = np.array([h for h, _ in rader], dtype=np.int64)
    låg = np.array([v % (1 << låg_bitar) for _, v in rader], dtype=np.int64)
    antal_hög = int(hög.max()) + 1 if hög.size else 0
    förväntat = np.sort((hög << låg_bitar) | låg)
    # the codes may come as a column and its minimum (read, never changed)
    h_in, l_in = hög + lägst, låg + lägst
    h_kopia, l_kopia = h_in.copy(), l_in.copy()
    with _små_block(per_block, per_skiva) if små else contextlib.nullcontext():
        block = list(
            kontinuitet._sorterade_block(
                (h_in, lägst, egen), (l_in, lägst, egen), låg_bitar, antal_hög
            )
        )
    if not små:
        assert len(block) == 1
    if not egen:
        np.testing.assert_array_equal(h_in, h_kopia)
        np.testing.assert_array_equal(l_in, l_kopia)
    hela = [(offset << låg_bitar) + nycklar.astype(np.int64) for offset, nycklar in block]
    np.testing.assert_array_equal(np.concatenate(hela) if hela else np.zeros(0), förväntat)
    for _, nycklar in block:
        # a block's keys are 32-bit when they fit
        assert nycklar.dtype in (np.uint32, np.int64)


@given(st.integers(0, 2**40), st.integers(0, 40), st.integers(0, 40))
def test_blockbitar_håller_gränserna(n: int, hög_bitar: int, låg_bitar: int) -> None:
    assume(hög_bitar + låg_bitar <= kontinuitet._MAX_BITAR)  # checked by the caller
    k = kontinuitet._blockbitar(n, hög_bitar, låg_bitar)
    assert 0 <= k <= hög_bitar
    assert k + låg_bitar <= kontinuitet._MAX_BITAR
    assert hög_bitar - k <= kontinuitet._MAX_BLOCKBITAR  # block numbers fit in 16 bits
    if n < kontinuitet._MINST_FÖR_BLOCK:
        assert k == hög_bitar


def test_blockbitar_väljer_32_bitar_när_det_räcker() -> None:
    # 20 million rows, 4 million patients (22 bits), 30 000 providers (15 bits): about
    # 305 blocks of 65 536 rows wanted, so 14 patient bits a block (256 blocks) and
    # 29-bit keys; with 19 provider bits 14 would need 33-bit keys: 13 bits (512 smaller
    # blocks) make them fit in 32
    assert kontinuitet._blockbitar(20_000_000, 22, 15) == 14
    assert kontinuitet._blockbitar(20_000_000, 22, 19) == 13
    # small data: one block, the whole key
    assert kontinuitet._blockbitar(1000, 22, 15) == 22


ENHETER = [86_400 * 10**9, 10**9, 10**6, 10**3, 1]


@given(
    st.lists(st.integers(-(2**20), 2**20), min_size=1, max_size=30),
    st.sampled_from(ENHETER),
    st.integers(0, 10**6),
)
def test_tidsenhet_är_den_grövsta_som_delar(tal: list[int], enhet: int, rest: int) -> None:
    ns = np.array(tal, dtype=np.int64) * enhet
    ns[0] += rest  # maybe a finer time
    lägst = int(ns.min())
    u = kontinuitet._tidsenhet(ns, lägst)
    # every time is a whole number of the unit from the first, and no coarser unit works
    assert not ((ns - lägst) % u).any()
    for grövre in ENHETER[: ENHETER.index(u)]:
        assert ((ns - lägst) % grövre).any()


def test_tidsenhet_dagar_och_sekunder() -> None:
    def ns(tider: list[str]) -> npt.NDArray[np.int64]:
        return pd.to_datetime(tider).to_numpy("datetime64[ns]").view(np.int64)

    dagar = ns(["2023-01-03", "2023-01-01", "2023-01-02"])
    assert kontinuitet._tidsenhet(dagar, int(dagar.min())) == 86_400 * 10**9
    sekunder = ns(["2023-01-01 00:00:02", "2023-01-01 00:00:00"])
    assert kontinuitet._tidsenhet(sekunder, int(sekunder.min())) == 10**9


# --------------------------------------------------------------------------- time zones


def _besök_kring_midnatt(tider: list[str]) -> pd.DataFrame:
    """Patient 1: A late on 31 December, then the visit around midnight (B), then A, A."""
    return pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "B", "A", "A"],
            "datum": tider,
        }
    ).assign(datum=lambda d: pd.to_datetime(d["datum"]))


# The same four moments three ways: Swedish local time with its offset, UTC, and naive
# local wall time. The second visit is at 00:30 on 1 January in Stockholm (= 23:30Z on
# 31 December): by the date rule it falls on 1 January.
MED_OFFSET = [
    "2022-12-31 22:00+01:00",
    "2023-01-01 00:30+01:00",
    "2023-01-01 09:00+01:00",
    "2023-01-02 09:00+01:00",
]
UTC = ["2022-12-31 21:00Z", "2022-12-31 23:30Z", "2023-01-01 08:00Z", "2023-01-02 08:00Z"]
NAIV = ["2022-12-31 22:00", "2023-01-01 00:30", "2023-01-01 09:00", "2023-01-02 09:00"]


@pytest.mark.parametrize("tider", [MED_OFFSET, UTC, NAIV], ids=["+01:00", "Z", "naiv"])
def test_samma_besök_samma_dag_i_alla_tidszoner(tider: list[str]) -> None:
    besök = _besök_kring_midnatt(tider)
    kw: dict[str, Any] = {"datum": "datum", "minsta_antal_besök": 2}
    # window ending 31 December: only the 22:00 visit; the midnight visit is 1 January
    ut = hu.kontinuitetsindex(besök, slutdatum="2022-12-31", fönster_månader=1, **kw)
    assert ut.attrs["exkluderade_besök"]["utanför_fönster"] == 3
    assert math.isnan(ut.loc[1])  # one visit left
    # window ending 1 January: 22:00 (A), 00:30 (B), 09:00 (A): (4 + 1 - 3) / 6 = 1/3
    ut = hu.kontinuitetsindex(besök, slutdatum="2023-01-01", fönster_månader=1, **kw)
    assert ut.attrs["exkluderade_besök"]["utanför_fönster"] == 1
    assert ut.loc[1] == pytest.approx(1 / 3)
    # SECON in time order A, B, A, A: one same pair of three
    secon = hu.kontinuitetsindex(besök, metod="secon", **kw)
    assert secon.loc[1] == pytest.approx(1 / 3)


def test_slutdatum_med_tidszon_är_dess_lokala_dag() -> None:
    besök = _besök_kring_midnatt(UTC)
    kw: dict[str, Any] = {"datum": "datum", "minsta_antal_besök": 2, "fönster_månader": 1}
    lokal = hu.kontinuitetsindex(besök, slutdatum="2023-01-01", **kw)
    for slut in (
        pd.Timestamp("2022-12-31 23:30", tz="UTC"),  # 00:30 on 1 January in Stockholm
        "2023-01-01T00:30+01:00",
        dt.date(2023, 1, 1),
    ):
        ut = hu.kontinuitetsindex(besök, slutdatum=slut, **kw)
        pd.testing.assert_series_equal(ut, lokal)
        assert ut.attrs == lokal.attrs
    # the UTC calendar day (31 December) would be another window
    assert hu.kontinuitetsindex(besök, slutdatum="2022-12-31", **kw).attrs != lokal.attrs
    naiv = _besök_kring_midnatt(NAIV)
    pd.testing.assert_series_equal(
        hu.kontinuitetsindex(naiv, slutdatum=pd.Timestamp("2023-01-01 23:59"), **kw), lokal
    )


@pytest.mark.parametrize(
    ("tider", "slut"),
    [
        (NAIV, pd.Timestamp("2022-12-31 23:30", tz="UTC")),
        (NAIV, "2023-01-01T00:30+01:00"),
        (UTC, pd.Timestamp("2023-01-01 00:30")),
        (UTC, "2023-01-01T00:30"),
    ],
)
def test_slutdatum_och_datum_med_och_utan_tidszon_är_fel(tider: list[str], slut: Any) -> None:
    # issue 12: a zoned date mixed with a naive one is ambiguous; an error names both
    besök = _besök_kring_midnatt(tider)
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=r"^kontinuitetsindex: .* has a time zone but .* has none; give both with a zone",
    ) as fel:
        hu.kontinuitetsindex(besök, datum="datum", slutdatum=slut, minsta_antal_besök=2)
    assert "slutdatum" in str(fel.value)
    assert "'datum'" in str(fel.value)


def test_datum_som_datetime_date_objekt() -> None:
    besök = pd.DataFrame(
        {
            "patient": 1,
            "vårdgivare": ["A", "B", "A"],
            "datum": [dt.date(2023, 1, 1), dt.date(2023, 1, 2), dt.date(2023, 1, 3)],
        }
    )
    assert hu.kontinuitetsindex(besök, metod="secon", datum="datum").loc[1] == 0.0


@given(besöksramar(max_dagar=40), st.integers(1, 12), st.booleans())
def test_secon_grova_tider_ger_samma(besök: pd.DataFrame, bitar: int, block: bool) -> None:
    # With a narrow key budget the times are coarsened (their order kept); when two
    # visits of a patient share a coarse step the kernel orders them exactly instead.
    # Either way the values are the reference's.
    kw: dict[str, Any] = {"metod": "secon", "datum": "datum", "minsta_antal_besök": 2}
    gräns = kontinuitet._MAX_SECON_BITAR
    try:
        kontinuitet._MAX_SECON_BITAR = bitar
        with _små_block() if block else contextlib.nullcontext():
            ut = hu.kontinuitetsindex(besök, **kw)
    finally:
        kontinuitet._MAX_SECON_BITAR = gräns
    _jämför(ut, referens(besök, "secon", 2))


def test_secon_grova_tider_utan_lika_steg() -> None:
    # visits four days apart, times coarsened to 4-day steps (2 bits dropped): no patient
    # has two visits in one step, so the order of the coarse key is the order of the times
    besök = pd.DataFrame(
        {
            "patient": [1, 1, 1, 2, 2],
            "vårdgivare": [0, 1, 1, 3, 3],
            "datum": pd.to_datetime(
                ["2023-01-01", "2023-01-05", "2023-01-09"] * 1 + ["2023-01-01", "2023-01-09"]
            ),
        }
    )
    gräns = kontinuitet._MAX_SECON_BITAR
    try:
        kontinuitet._MAX_SECON_BITAR = 1 + 2 + 2  # patient bits + provider bits + 2 time bits
        ut = hu.kontinuitetsindex(besök, metod="secon", datum="datum", minsta_antal_besök=2)
    finally:
        kontinuitet._MAX_SECON_BITAR = gräns
    # patient 1: 0, 1, 1 -> one same pair of two; patient 2: 3, 3 -> 1
    assert ut.tolist() == [0.5, 1.0]


def test_per_etiketter_av_blandad_typ_och_utan_kategori() -> None:
    # the per-group summary keeps the order of appearance when labels cannot be sorted
    tabell = pd.DataFrame({"grupp": ["b", 1, "b"], "värde": [0.5, np.nan, 1.0]})
    ut = kontinuitet._sammanställ_per(tabell, "vc")
    assert ut.index.tolist() == ["b", 1]
    assert ut["antal_patienter"].tolist() == [2, 0]
    assert ut["antal_exkluderade"].tolist() == [0, 1]
    assert ut.loc["b", "medel"] == pytest.approx(0.75)


def test_patient_id_int64_med_saknade() -> None:
    besök = pd.DataFrame(
        {
            "patient": pd.array([7, 7, None, 7, 9, 9, 9], dtype="Int64"),
            "vårdgivare": ["A", "A", "A", "B", "A", "B", "C"],
        }
    )
    with pytest.warns(hu.UnderlagsVarning, match="1 saknat patient id"):
        ut = hu.kontinuitetsindex(besök)
    # patient 7: A, A, B -> 1/3; patient 9: A, B, C -> 0
    assert ut.index.tolist() == [7, 9]
    assert ut.tolist() == pytest.approx([1 / 3, 0.0])


def test_upc_tom_ram() -> None:
    tom = pd.DataFrame(
        {
            "patient": pd.Series(dtype="int64"),
            "vårdgivare": pd.Series(dtype="int64"),
            "ordinarie": pd.Series(dtype="int64"),
        }
    )
    ut = hu.kontinuitetsindex(tom, metod="upc", ordinarie_vårdgivare="ordinarie")
    assert len(ut) == 0
    assert ut.name == "upc"


@pytest.mark.parametrize("fönster", [1e12, 20230515, 1201])
def test_absurd_window_lengths_are_an_error_naming_the_argument(fönster: float) -> None:
    """Issue 12: a window of 10¹² months is an error, not an overflow or out-of-range date."""
    besök = pd.DataFrame(
        {"patient": [1, 1], "vårdgivare": ["A", "B"], "datum": ["2023-01-01", "2023-02-01"]}
    )
    with pytest.raises(hu.OgiltigtVärdeError, match="fönster_månader must be at most 1200"):
        hu.kontinuitetsindex(besök, datum="datum", slutdatum="2023-12-31", fönster_månader=fönster)


# --------------------------------------------------------------------------- issue 12: bad input


@pytest.mark.parametrize("slutdatum", ["1000-01-01", "9999-01-01", "1677-01-01"])
def test_slutdatum_utanför_rimliga_år_är_fel(slutdatum: str) -> None:
    # issue 12: a window ending in year 1000 raised pandas' OverflowError
    besök = pd.DataFrame(
        {"patient": [1, 1], "vårdgivare": ["A", "B"], "datum": pd.to_datetime(["2023-01-01"] * 2)}
    )
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"^kontinuitetsindex: slutdatum .* check the year"
    ):
        hu.kontinuitetsindex(besök, datum="datum", slutdatum=slutdatum)


def test_dubblerad_kolumn_är_fel() -> None:
    # issue 12: two columns named 'patient' raised AttributeError
    besök = pd.DataFrame({"patient": [1, 1], "vårdgivare": ["A", "B"]})
    dubbel = pd.concat([besök, besök[["patient"]]], axis=1)
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match=r"^kontinuitetsindex: the columns of besök it reads has duplicated keys",
    ):
        hu.kontinuitetsindex(dubbel)


def test_id_av_blandade_typer_är_fel() -> None:
    # issue 12: ids of types that do not compare raised numpy's TypeError
    besök = pd.DataFrame({"patient": [1, 1, 1], "vårdgivare": [1, "a", (1,)]})
    with pytest.raises(hu.FelTypError, match=r"column 'vårdgivare' mixes values of types"):
        hu.kontinuitetsindex(besök)


def test_fel_nämner_funktionen_en_gång() -> None:
    besök = pd.DataFrame({"patient": [1, 1], "vårdgivare": ["A", "B"]})
    with pytest.raises(hu.OgiltigtVärdeError) as fel:
        hu.kontinuitetsindex(besök, metod="x")
    assert str(fel.value).startswith("kontinuitetsindex: unknown metod 'x'")
    assert str(fel.value).count("kontinuitetsindex:") == 1


@pytest.mark.parametrize("saknas", [None, float("nan"), pd.NA])
def test_yrken_med_saknat_värde_är_fel(saknas: Any) -> None:
    # a missing value in yrken counted the visits whose profession is missing
    besök = pd.DataFrame(
        {"patient": [1, 1, 1], "vårdgivare": ["A", "A", "B"], "yrke": ["läkare", None, None]}
    )
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^kontinuitetsindex: yrken names a missing"):
        hu.kontinuitetsindex(besök, yrke="yrke", yrken=["läkare", saknas])
