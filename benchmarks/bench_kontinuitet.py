"""Benchmark of ``kontinuitetsindex`` at national scale (a script, not a test).

Default run: 20 million synthetic visits (about 4 million patients, 30 000
providers) from ``hu.exempeldata.syntetiska_besök``. For each method the
script starts a fresh Python subprocess that loads the same columns
(``patient`` int64, ``vårdgivare`` int64, ``listningsenhet`` categorical;
``ordinarie_läkare`` int64 for UPC, ``datum`` datetime64 for SECON), then
times the call (best of ``--upprepa`` runs, default 3: the machine is shared)
and measures its memory:

* ``kontinuitetsindex(besök)`` (COC per patient, the published default) and
  ``kontinuitetsindex(besök, per="listningsenhet")`` (the per-unit mean);
* in the same subprocess as COC, interleaved with it, the numpy baseline: one
  ``np.sort`` of the same (patient, provider) pairs packed into one int64 key
  ``(patient - min) * V + (provider - min)`` (the key is built before the
  clock starts; ``np.argsort`` of it is timed too, for reference);
* ``metod="upc"`` and ``metod="secon"``, each in a subprocess that also times
  COC on the same data, interleaved, so that UPC/COC and SECON/COC are
  ratios from one process;
* the same two results as DuckDB SQL over the in-memory DataFrame;
* the same two results as a vectorised pandas groupby;
* the groupby-apply a researcher would write first, timed on the visits of
  the first 1/20 of the patients (about 1 million rows, all visits of those
  patients) and scaled linearly to the full size (stated in the table).

Peak memory: after loading, the subprocess resets the kernel's peak RSS
counter (``echo 5 > /proc/self/clear_refs``, Linux) and records its current
RSS; after the call it reads ``VmHWM``. "peak MB" is VmHWM minus that
baseline: the extra resident memory the call needed at its peak, including
DuckDB's own allocator (which tracemalloc would miss). "ratio" divides it
by the input's size (``DataFrame.memory_usage(deep=True)``).

``--dask`` instead writes ``--dask-rader`` visits (default 100 million) to
Parquet, one partition at a time (each drawn from one fixed synthetic
population, so a patient's visits are spread over all files), and runs
``kontinuitetsindex`` on ``dask.dataframe.read_parquet`` of them with the
"disk" shuffle, measuring the subprocess's peak RSS. The Parquet folder is
deleted afterwards.

Usage::

    python benchmarks/bench_kontinuitet.py               # 20 million visits
    python benchmarks/bench_kontinuitet.py --rader 2000000
    python benchmarks/bench_kontinuitet.py --metoder ours,upc,secon,duckdb
    python benchmarks/bench_kontinuitet.py --dask        # 100 million, takes long
    python benchmarks/bench_kontinuitet.py --dask --dask-rader 10000000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

UNDERSÖKT = (
    "ours",
    "ours_per",
    "upc",
    "secon",
    "duckdb",
    "duckdb_per",
    "pandas",
    "pandas_per",
    "apply",
)
#: The extra columns each method reads besides patient, vårdgivare and listningsenhet.
EXTRA = {"upc": ("ordinarie_läkare",), "secon": ("datum",)}


# --------------------------------------------------------------------------- measurement


def _status(fält: str) -> int:
    """A field of /proc/self/status in bytes."""
    with open("/proc/self/status") as f:
        for rad in f:
            if rad.startswith(fält + ":"):
                return int(rad.split()[1]) * 1024
    raise RuntimeError(fält)


def _nollställ_topp() -> int:
    """Reset the peak RSS counter (VmHWM) to the current RSS; return the current RSS."""
    import gc

    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return _status("VmRSS")


def _ladda(katalog: Path, urval: str, extra: tuple[str, ...] = ()) -> object:
    import pandas as pd

    patient = np.load(katalog / "patient.npy")
    vårdgivare = np.load(katalog / "vårdgivare.npy")
    enhet_kod = np.load(katalog / "listningsenhet.npy")
    enheter = json.loads((katalog / "enheter.json").read_text())
    övriga = {k: np.load(katalog / f"{k}.npy") for k in extra}
    if urval == "skiva":
        gräns = int((katalog / "skivgräns.txt").read_text())
        behåll = patient <= gräns
        patient, vårdgivare, enhet_kod = patient[behåll], vårdgivare[behåll], enhet_kod[behåll]
        övriga = {k: v[behåll] for k, v in övriga.items()}
    return pd.DataFrame(
        {
            "patient": patient,
            "vårdgivare": vårdgivare,
            "listningsenhet": pd.Categorical.from_codes(
                enhet_kod, dtype=pd.CategoricalDtype(enheter)
            ),
            **övriga,
        },
        copy=False,
    )


def _mät(funktion: Callable[[], float]) -> tuple[float, int, float]:
    """One timed call: (seconds, peak extra bytes, check value)."""
    bas = _nollställ_topp()
    t0 = time.perf_counter()
    sammanfattning = funktion()
    tid = time.perf_counter() - t0
    return tid, _status("VmHWM") - bas, sammanfattning


def _kör_en(metod: str, katalog: Path, upprepa: int) -> None:
    """Subprocess: load, then time one method ``upprepa`` times (with its in-process
    baseline interleaved), print JSON with the best time and the largest peak."""
    import duckdb
    import pandas as pd

    import halsouppfoljning as hu

    besök = _ladda(katalog, "skiva" if metod == "apply" else "alla", EXTRA.get(metod, ()))
    assert isinstance(besök, pd.DataFrame)
    storlek = int(besök.memory_usage(deep=True).sum())
    rader = len(besök)
    if metod.startswith("duckdb"):
        con = duckdb.connect()
        con.register("besök", besök)  # a view of the DataFrame, not a copy
        con.execute("SELECT 1").fetchall()  # start the engine before the baseline

    def coc() -> float:
        return float(hu.kontinuitetsindex(besök, metod="coc").mean())

    def ours_per() -> float:
        return float(hu.kontinuitetsindex(besök, per="listningsenhet")["medel"].mean())

    def upc() -> float:
        r = hu.kontinuitetsindex(besök, metod="upc", ordinarie_vårdgivare="ordinarie_läkare")
        return float(r.mean())

    def secon() -> float:
        return float(hu.kontinuitetsindex(besök, metod="secon", datum="datum").mean())

    def duckdb_pat() -> float:
        r = con.sql(
            """
            WITH par AS (
                SELECT patient, "vårdgivare", count(*) AS n FROM besök GROUP BY ALL),
            p AS (
                SELECT patient, sum(n) AS N, sum(n * n) AS s2 FROM par GROUP BY ALL)
            SELECT patient,
                   CASE WHEN N >= 3 THEN (s2 - N) / (N * (N - 1.0)) END AS coc
            FROM p
            """
        ).df()
        return float(r["coc"].mean())

    def duckdb_per() -> float:
        r = con.sql(
            """
            WITH par AS (
                SELECT listningsenhet, patient, "vårdgivare", count(*) AS n
                FROM besök GROUP BY ALL),
            p AS (
                SELECT listningsenhet, patient, sum(n) AS N, sum(n * n) AS s2
                FROM par GROUP BY ALL),
            v AS (
                SELECT listningsenhet,
                       CASE WHEN N >= 3 THEN (s2 - N) / (N * (N - 1.0)) END AS coc
                FROM p)
            SELECT listningsenhet, count(coc) AS antal_patienter,
                   count(*) - count(coc) AS antal_exkluderade,
                   avg(coc) AS medel, median(coc) AS median
            FROM v GROUP BY ALL
            """
        ).df()
        return float(r["medel"].mean())

    def pandas_väg(per: bool) -> float:
        nycklar = ["listningsenhet"] if per else []
        n = besök.groupby([*nycklar, "patient", "vårdgivare"], sort=False, observed=True).size()
        nivåer = [*nycklar, "patient"]
        N = n.groupby(level=nivåer, sort=False).sum()
        s2 = (n * n).groupby(level=nivåer, sort=False).sum()
        coc_ = ((s2 - N) / (N * (N - 1.0))).where(N >= 3)
        if not per:
            return float(coc_.mean())
        r = coc_.groupby(level="listningsenhet", observed=True).agg(
            ["count", "size", "mean", "median"]
        )
        return float(r["mean"].mean())

    def apply() -> float:
        def coc_för_en(g: pd.Series) -> float:
            N = len(g)
            if N < 3:
                return float("nan")
            n = g.value_counts()
            return float(((n**2).sum() - N) / (N * (N - 1)))

        return float(besök.groupby("patient")["vårdgivare"].apply(coc_för_en).mean())

    funktioner: dict[str, Callable[[], float]] = {
        "ours": coc,
        "ours_per": ours_per,
        "upc": upc,
        "secon": secon,
        "duckdb": duckdb_pat,
        "duckdb_per": duckdb_per,
        "pandas": lambda: pandas_väg(False),
        "pandas_per": lambda: pandas_väg(True),
        "apply": apply,
    }
    if metod not in funktioner:  # pragma: no cover
        raise SystemExit(f"unknown method {metod}")
    # the in-process baselines, interleaved with the method
    jämförelser: dict[str, Callable[[], float]] = {}
    if metod == "ours":
        p = besök["patient"].to_numpy()
        v = besök["vårdgivare"].to_numpy()
        V = int(v.max()) - int(v.min()) + 1
        nyckel = (p - p.min()) * V + (v - v.min())

        def numpy_sort() -> float:
            return float(np.sort(nyckel)[-1])

        def numpy_argsort() -> float:
            return float(np.argsort(nyckel)[-1])

        jämförelser = {"numpy_sort": numpy_sort, "numpy_argsort": numpy_argsort}
    elif metod in {"upc", "secon"}:
        jämförelser = {"coc": coc}
    gånger = 1 if metod == "apply" else upprepa
    tider: dict[str, list[float]] = {k: [] for k in [metod, *jämförelser]}
    toppar: list[int] = []
    sammanfattning = float("nan")
    for _ in range(gånger):
        for namn, f in jämförelser.items():
            tider[namn].append(_mät(f)[0])
        tid, topp, sammanfattning = _mät(funktioner[metod])
        tider[metod].append(tid)
        toppar.append(topp)
    print(
        json.dumps(
            {
                "metod": metod,
                "rader": rader,
                "tid": min(tider[metod]),
                "tider": tider[metod],
                "jämförelser": {k: min(tider[k]) for k in jämförelser},
                "topp": max(toppar),
                "storlek": storlek,
                "sammanfattning": sammanfattning,
            }
        )
    )


# --------------------------------------------------------------------------- the in-memory run


def _maskin() -> str:
    try:
        with open("/proc/meminfo") as f:
            minne = int(f.readline().split()[1]) / 1024**2
    except OSError:  # pragma: no cover
        minne = float("nan")
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {minne:.0f} GiB RAM, "
        f"Python {platform.python_version()}"
    )


def _versioner() -> str:
    import dask
    import duckdb
    import pandas as pd

    return (
        f"numpy {np.__version__}, pandas {pd.__version__}, duckdb {duckdb.__version__}, "
        f"dask {dask.__version__}"
    )


def _skriv_data(katalog: Path, rader: int, seed: int) -> None:
    """Generate the synthetic visits once and save the benchmark's columns as .npy."""
    import halsouppfoljning as hu

    if (katalog / "klar.json").exists():
        klar = json.loads((katalog / "klar.json").read_text())
        if klar == {"rader": rader, "seed": seed}:
            print(f"reusing the visits saved in {katalog}")
            return
    t0 = time.perf_counter()
    besök = hu.exempeldata.syntetiska_besök(rader, seed=seed)
    np.save(katalog / "patient.npy", besök["patient"].to_numpy())
    np.save(katalog / "vårdgivare.npy", besök["vårdgivare"].to_numpy())
    np.save(katalog / "listningsenhet.npy", besök["listningsenhet"].cat.codes.to_numpy())
    np.save(katalog / "ordinarie_läkare.npy", besök["ordinarie_läkare"].to_numpy())
    np.save(katalog / "datum.npy", besök["datum"].to_numpy())
    (katalog / "enheter.json").write_text(json.dumps(list(besök["listningsenhet"].cat.categories)))
    n_patienter = int(besök["patient"].max())
    (katalog / "skivgräns.txt").write_text(str(n_patienter // 20))
    print(
        f"{rader:,} visits, {besök['patient'].nunique():,} patients, "
        f"{besök['vårdgivare'].nunique():,} providers, "
        f"{besök['listningsenhet'].nunique():,} listing units "
        f"(generated in {time.perf_counter() - t0:.1f} s)"
    )
    (katalog / "klar.json").write_text(json.dumps({"rader": rader, "seed": seed}))


def kör_i_minnet(
    rader: int,
    seed: int,
    metoder: tuple[str, ...] = UNDERSÖKT,
    upprepa: int = 3,
    data: Path | None = None,
) -> None:
    katalog = data if data is not None else Path(tempfile.mkdtemp(prefix="bench_kontinuitet_"))
    katalog.mkdir(parents=True, exist_ok=True)
    try:
        _skriv_data(katalog, rader, seed)
        print(f"machine: {_maskin()}; {_versioner()}")
        resultat = {}
        for metod in metoder:
            ut = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--kör",
                    metod,
                    "--katalog",
                    str(katalog),
                    "--upprepa",
                    str(upprepa),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            resultat[metod] = json.loads(ut.stdout.strip().splitlines()[-1])
            print(json.dumps(resultat[metod]), flush=True)
    finally:
        if data is None:
            shutil.rmtree(katalog, ignore_errors=True)
    _tabell(resultat, rader, upprepa)


def _tabell(resultat: dict[str, dict[str, Any]], rader: int, upprepa: int) -> None:
    etiketter = {
        "ours": "kontinuitetsindex (COC per patient)",
        "numpy_sort": "numpy: np.sort of the packed int64 key",
        "numpy_argsort": "numpy: np.argsort of the packed int64 key",
        "upc": 'kontinuitetsindex(metod="upc")',
        "secon": 'kontinuitetsindex(metod="secon")',
        "duckdb": "DuckDB SQL (per patient)",
        "pandas": "pandas groupby (per patient)",
        "apply": "groupby-apply (per patient)",
        "ours_per": 'kontinuitetsindex(per="listningsenhet")',
        "duckdb_per": "DuckDB SQL (per unit)",
        "pandas_per": "pandas groupby (per unit)",
    }
    rader_ut: list[tuple[str, str, float, float | None, float | None]] = []
    skala = 1.0
    for metod in UNDERSÖKT:
        if metod not in resultat:
            continue
        r = resultat[metod]
        if metod == "apply":
            skala = rader / r["rader"]
            namn = f"{etiketter['apply']}, {r['rader']:,} rows x {skala:.1f}"
            rader_ut.append(
                (namn, f"{rader:,}*", r["tid"] * skala, r["topp"] / 1e6, r["topp"] / r["storlek"])
            )
            continue
        rader_ut.append(
            (etiketter[metod], f"{rader:,}", r["tid"], r["topp"] / 1e6, r["topp"] / r["storlek"])
        )
        if metod == "ours":
            for k, t in r["jämförelser"].items():
                rader_ut.append((etiketter[k], f"{rader:,}", t, None, None))
    print()
    print(f"| {'method':<52} | {'rows':>12} | {'time s':>8} | {'peak MB':>8} | {'ratio':>5} |")
    print(f"|{'-' * 54}|{'-' * 14}|{'-' * 10}|{'-' * 10}|{'-' * 7}|")
    for namn, rad_text, tid, topp, kvot in rader_ut:
        topp_t = f"{topp:8.0f}" if topp is not None else f"{'':>8}"
        kvot_t = f"{kvot:5.2f}" if kvot is not None else f"{'':>5}"
        print(f"| {namn:<52} | {rad_text:>12} | {tid:8.2f} | {topp_t} | {kvot_t} |")
    print()
    print(f"times: best of {upprepa} runs in one subprocess per method (groupby-apply: one run)")
    kvoter = []
    if "ours" in resultat:
        vår = resultat["ours"]["tid"]
        j = resultat["ours"]["jämförelser"]
        kvoter.append(f"COC / numpy sort (same process) {vår / j['numpy_sort']:.2f}")
        kvoter.append(f"COC / numpy argsort {vår / j['numpy_argsort']:.2f}")
        if "duckdb" in resultat:
            kvoter.append(f"COC / DuckDB {vår / resultat['duckdb']['tid']:.2f}")
        if "apply" in resultat:
            a = resultat["apply"]
            kvoter.append(f"groupby-apply / COC {a['tid'] * skala / vår:.0f}")
    if "ours_per" in resultat and "duckdb_per" in resultat:
        kvoter.append(
            f"per unit / DuckDB per unit "
            f"{resultat['ours_per']['tid'] / resultat['duckdb_per']['tid']:.2f}"
        )
    for m in ("upc", "secon"):
        if m in resultat:
            r = resultat[m]
            kvoter.append(
                f"{m.upper()} / COC (same process) {r['tid'] / r['jämförelser']['coc']:.2f}"
            )
    print("ratios: " + "; ".join(kvoter))
    print(
        "check (mean index over patients / mean of unit means): "
        + ", ".join(f"{m} {r['sammanfattning']:.6f}" for m, r in resultat.items())
    )


# --------------------------------------------------------------------------- the Dask run


def _kör_dask(katalog: Path, per: str | None) -> None:
    """Subprocess: kontinuitetsindex over the Parquet folder, with peak RSS."""
    import dask
    import dask.dataframe as dd

    import halsouppfoljning as hu

    bas = _nollställ_topp()
    t0 = time.perf_counter()
    with dask.config.set(
        {"dataframe.shuffle.method": "disk", "temporary_directory": str(katalog.parent)}
    ):
        besök = dd.read_parquet(katalog, columns=["patient", "vårdgivare", "listningsenhet"])
        r = hu.kontinuitetsindex(besök, per=per)
    tid = time.perf_counter() - t0
    topp = _status("VmHWM") - bas
    if per is None:
        sammanfattning = float(r.mean())
        antal = int(r.count())
    else:
        sammanfattning = float(r["medel"].mean())
        antal = int(r["antal_patienter"].sum())
    print(
        json.dumps(
            {
                "tid": tid,
                "topp": topp,
                "rss_bas": bas,
                "sammanfattning": sammanfattning,
                "antal": antal,
                "partitioner": int(besök.npartitions),
            }
        )
    )


def kör_dask(rader: int, per_fil: int, seed: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        from halsouppfoljning.exempeldata.kontinuitet import _befolkning, _besök_ur
    except ImportError:  # the layout before issue 11
        from halsouppfoljning._exempel_kontinuitet import _befolkning, _besök_ur

    rot = Path(tempfile.mkdtemp(prefix="bench_kontinuitet_dask_", dir=os.environ.get("TMPDIR")))
    katalog = rot / "besök"
    katalog.mkdir()
    try:
        t0 = time.perf_counter()
        rng = np.random.default_rng(seed)
        bef = _befolkning(
            rader,
            rng,
            besök_per_patient=5.0,
            besök_per_vårdgivare=667.0,
            vårdgivare_per_enhet=25,
            andel_ordinarie=0.3,
        )
        n_filer = -(-rader // per_fil)
        for i in range(n_filer):
            n = min(per_fil, rader - i * per_fil)
            del_ = _besök_ur(bef, n, np.random.default_rng([seed, i]))
            tabell = pa.Table.from_pandas(
                del_[["patient", "vårdgivare", "listningsenhet"]], preserve_index=False
            )
            pq.write_table(tabell, katalog / f"del-{i:05d}.parquet")
        n_patienter = bef.vikt.size
        del bef
        storlek = sum(f.stat().st_size for f in katalog.iterdir())
        print(
            f"{rader:,} visits in {n_filer} Parquet files ({storlek / 1e9:.2f} GB on disk), "
            f"{n_patienter:,} patients in the population, written in "
            f"{time.perf_counter() - t0:.0f} s"
        )
        print(f"machine: {_maskin()}; {_versioner()}")
        rader_ut = []
        for per in (None, "listningsenhet"):
            argv = [sys.executable, __file__, "--kör-dask", str(katalog)]
            if per is not None:
                argv += ["--per", per]
            ut = subprocess.run(argv, check=True, capture_output=True, text=True)
            rader_ut.append((per, json.loads(ut.stdout.strip().splitlines()[-1])))
    finally:
        shutil.rmtree(rot, ignore_errors=True)
    print()
    print(f"| {'method':<52} | {'rows':>12} | {'time s':>8} | {'peak MB':>8} | {'< 8 GiB':>7} |")
    print(f"|{'-' * 54}|{'-' * 14}|{'-' * 10}|{'-' * 10}|{'-' * 9}|")
    for per, r in rader_ut:
        namn = "Dask kontinuitetsindex" + (" (per patient)" if per is None else f'(per="{per}")')
        ok = "yes" if r["topp"] + r["rss_bas"] < 8 * 1024**3 else "NO"
        print(f"| {namn:<52} | {rader:>12,} | {r['tid']:8.1f} | {r['topp'] / 1e6:8.0f} | {ok:>7} |")
    print()
    print(
        f"{rader_ut[0][1]['partitioner']} partitions; peak MB = VmHWM minus RSS after imports "
        f"(about {rader_ut[0][1]['rss_bas'] / 1e6:.0f} MB); 'disk' shuffle. "
        f"Patients with a value: {rader_ut[0][1]['antal']:,}, mean COC "
        f"{rader_ut[0][1]['sammanfattning']:.4f}; mean of unit means "
        f"{rader_ut[1][1]['sammanfattning']:.4f}."
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rader", type=int, default=20_000_000, help="visits for the in-memory run")
    p.add_argument("--seed", type=int, default=2023)
    p.add_argument(
        "--metoder",
        default=",".join(UNDERSÖKT),
        help="comma-separated subset of: " + ", ".join(UNDERSÖKT),
    )
    p.add_argument("--upprepa", type=int, default=3, help="runs per method (best time)")
    p.add_argument(
        "--data", type=Path, help="folder to keep the generated visits in (reused if present)"
    )
    p.add_argument("--dask", action="store_true", help="run the Dask/Parquet benchmark instead")
    p.add_argument("--dask-rader", type=int, default=100_000_000)
    p.add_argument("--rader-per-fil", type=int, default=2_000_000)
    p.add_argument("--kör", help=argparse.SUPPRESS)
    p.add_argument("--katalog", help=argparse.SUPPRESS)
    p.add_argument("--kör-dask", help=argparse.SUPPRESS)
    p.add_argument("--per", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.kör:
        _kör_en(a.kör, Path(a.katalog), a.upprepa)
    elif a.kör_dask:
        _kör_dask(Path(a.kör_dask), a.per)
    elif a.dask:
        kör_dask(a.dask_rader, a.rader_per_fil, a.seed)
    else:
        kör_i_minnet(a.rader, a.seed, tuple(a.metoder.split(",")), a.upprepa, a.data)


if __name__ == "__main__":
    main()
