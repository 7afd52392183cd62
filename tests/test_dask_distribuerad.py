"""The Dask paths under ``dask.distributed``: a LocalCluster of two worker processes.

The threaded scheduler shares memory with the caller; worker processes do not:
every function, plan and frame must be pickled to the workers and back. These
tests run :func:`hu.väntetidsandelar` and :func:`hu.kontinuitetsindex` on a
cluster of two processes and compare with pandas, and check that partitions
that disagree on dtypes give a package error naming the column and both dtypes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

import halsouppfoljning as hu

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def klient() -> Iterator[Any]:
    """One LocalCluster (2 worker processes, 1 thread each) for the module."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=":0",  # a free port: two runs on one machine never collide
            host="127.0.0.1",
        ) as kluster,
        distributed.Client(kluster) as c,
    ):
        yield c


def test_väntetidsandelar_on_two_worker_processes_equals_pandas(klient: Any) -> None:
    lista = hu.exempeldata.syntetisk_väntelista(20_000, seed=5)
    kw: dict[str, Any] = {
        "gränser": [30, 90],
        "start": "start",
        "slut": "slut",
        "mätdatum": ["2023-03-31", "2023-06-30"],
        "per": "region",
        "minsta_antal": 1,
    }
    väntat = hu.väntetidsandelar(lista, **kw)
    ddf = dd.from_pandas(lista, npartitions=4)
    fått = hu.väntetidsandelar(ddf, **kw)
    assert klient.scheduler_info()["workers"]  # the cluster, not the local scheduler
    pd.testing.assert_frame_equal(
        fått.reset_index(drop=True), väntat.reset_index(drop=True), check_dtype=False
    )


def test_kontinuitetsindex_on_two_worker_processes_equals_pandas(klient: Any) -> None:
    besök = hu.exempeldata.syntetiska_besök(20_000, seed=2)
    väntat = hu.kontinuitetsindex(besök)
    fått = hu.kontinuitetsindex(dd.from_pandas(besök, npartitions=4))
    pd.testing.assert_series_equal(fått.sort_index(), väntat.sort_index(), check_dtype=False)
    assert fått.attrs["exkluderade_besök"] == väntat.attrs["exkluderade_besök"]


def _olika_typer() -> Any:
    """Two partitions: the second has text in the waiting-time column (as from another CSV)."""
    ett = pd.DataFrame({"väntetid": [10.0, 20.0], "patient": [1, 2], "vårdgivare": ["A", "B"]})
    två = pd.DataFrame(
        {"väntetid": ["30", "40"], "patient": [3, 4], "vårdgivare": ["A", "B"]}, index=[2, 3]
    )
    # the second partition's data is text, while the meta (from the first) is numeric
    return dd.from_map(lambda i: (ett, två)[i], [0, 1], meta=ett, enforce_metadata=False)


def test_partitions_that_disagree_on_dtypes_are_a_package_error(klient: Any) -> None:
    ddf = _olika_typer()
    with pytest.raises(
        hu.FelTypError, match=r"column 'väntetid': declared float64, one partition has"
    ):
        hu.väntetidsandelar(ddf, gränser=90, väntetid="väntetid")


def test_kontinuitetsindex_partitions_that_disagree_on_dtypes(klient: Any) -> None:
    ett = pd.DataFrame({"patient": [1, 1, 1], "vårdgivare": ["A", "A", "B"]})
    två = pd.DataFrame({"patient": ["2", "2", "2"], "vårdgivare": ["A", "B", "B"]})
    ddf = dd.from_map(lambda i: (ett, två)[i], [0, 1], meta=ett, enforce_metadata=False)
    with pytest.raises(hu.FelTypError, match=r"column 'patient': declared int64"):
        hu.kontinuitetsindex(ddf)


def test_agreeing_partitions_pass_unchanged() -> None:
    d = pd.DataFrame({"väntetid": np.arange(10.0)})
    r = hu.väntetidsandelar(
        dd.from_pandas(d, npartitions=3), gränser=4, minsta_antal=1, väntetid="väntetid"
    )
    assert r[["antal", "antal_inom"]].iloc[0].tolist() == [10, 5]


def test_kontinuitetsindex_per_unit_on_two_worker_processes_keeps_every_unit(klient: Any) -> None:
    # issue 12: a unit whose visits are all filtered out keeps its row (0 patients, NaN),
    # also when the partitions are computed in other processes
    besök = hu.exempeldata.syntetiska_besök(5_000, seed=4)
    besök = pd.concat(
        [
            besök,
            besök.head(6).assign(enhet="VC_ENDAST_SSK", yrke="sjuksköterska", patient=-1),
        ],
        ignore_index=True,
    )
    kw: dict[str, Any] = {"per": "enhet", "yrke": "yrke", "yrken": "läkare"}
    väntat = hu.kontinuitetsindex(besök, **kw)
    assert väntat.loc["VC_ENDAST_SSK", "antal_patienter"] == 0
    fått = hu.kontinuitetsindex(dd.from_pandas(besök, npartitions=4), **kw)
    pd.testing.assert_frame_equal(fått, väntat, check_dtype=False, check_index_type=False)
