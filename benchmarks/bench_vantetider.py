"""Benchmark: waiting-time shares at month ends, three ways, in one run.

Task: the stock of patients still waiting at 12 month-end snapshots (2023),
per region (21), for the four vårdgaranti limits (0, 3, 90, 90 days), with
patientvald and medicinskt orsakad väntan excluded and counted, over
synthetic event records (``exempeldata.syntetisk_väntelista``, default 10
million rows).

Methods:

- ``väntetidsandelar``: this package (also computes the Wilson intervals,
  the per-reason exclusion counts and the small-cell flag);
- ``duckdb``: a hand-written DuckDB SQL query over the same pandas frame
  (an inequality join of the rows with the 12 dates, conditional counts);
- ``pandas``: the plain pandas version a researcher would write (a loop over
  the snapshots, boolean masks, ``groupby``).

Each method runs in a fresh subprocess that first builds the input (same
seed, so the same data), then measures. Time is the best of
``--upprepningar`` runs (wall clock, ``time.perf_counter``). Peak memory is
the growth of the resident set above the input: the subprocess reads VmRSS
after building the input, resets the kernel's high-water mark
(``echo 5 > /proc/self/clear_refs``), runs the method, and reads VmHWM from
``/proc/self/status`` (``malloc_trim`` first returns the heap pages freed
while building the input, so they cannot hide the method's allocations);
the difference covers numpy, pandas and DuckDB's own
allocations alike (tracemalloc would miss DuckDB's). The results of the
three methods are compared (antal, antal_inom, exkluderade) before the table
is printed.

Usage::

    python benchmarks/bench_vantetider.py              # 10 million rows
    python benchmarks/bench_vantetider.py --rader 200000
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

METODER = ("väntetidsandelar", "duckdb", "pandas")
MÄTDATUM = pd.date_range("2023-01-31", periods=12, freq="ME")
GRÄNSER = (0, 3, 90, 90)
SEED = 2023


def indata(rader: int) -> pd.DataFrame:
    import halsouppfoljning as hu

    return hu.exempeldata.syntetisk_väntelista(
        rader, seed=SEED, från="2021-01-01", till="2023-12-31"
    )


# --------------------------------------------------------------------------- the methods


def med_paketet(d: pd.DataFrame) -> pd.DataFrame:
    import halsouppfoljning as hu

    r = hu.väntetidsandelar(
        d,
        gränser=hu.VÅRDGARANTIN,
        start="start",
        slut="slut",
        mätdatum=MÄTDATUM,
        per="region",
        exkludera=["patientvald", "medicinskt_orsakad"],
    )
    return r[["region", "mätdatum", "gräns", "antal", "antal_inom", "exkluderade", "andel"]]


SQL = """
WITH m AS (SELECT unnest($mätdatum::DATE[]) AS mätdatum),
b AS (
    SELECT d.region,
           m.mätdatum,
           date_diff('day', d.start::DATE, m.mätdatum) AS väntedagar,
           (d.patientvald OR d.medicinskt_orsakad) AS exkl
    FROM d
    JOIN m
      ON d.start::DATE <= m.mätdatum
     AND coalesce(d.slut::DATE, DATE '9999-12-31') > m.mätdatum
)
SELECT region,
       mätdatum,
       count(*) FILTER (WHERE NOT exkl) AS antal,
       count(*) FILTER (WHERE NOT exkl AND väntedagar <= 0) AS inom_0,
       count(*) FILTER (WHERE NOT exkl AND väntedagar <= 3) AS inom_3,
       count(*) FILTER (WHERE NOT exkl AND väntedagar <= 90) AS inom_90,
       count(*) FILTER (WHERE exkl) AS exkluderade
FROM b
GROUP BY ALL
"""


def med_duckdb(d: pd.DataFrame) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect()
    con.register("d", d)
    bred = con.execute(SQL, {"mätdatum": [t.date() for t in MÄTDATUM]}).df()
    con.close()
    delar = []
    for g in GRÄNSER:
        t = bred[["region", "mätdatum", "antal", "exkluderade"]].copy()
        t["gräns"] = float(g)
        t["antal_inom"] = bred[f"inom_{g}"]
        delar.append(t)
    ut = pd.concat(delar, ignore_index=True)
    ut["andel"] = ut["antal_inom"] / ut["antal"]
    return ut


def med_pandas(d: pd.DataFrame) -> pd.DataFrame:
    delar = []
    for t in MÄTDATUM:
        väntande = d[(d["start"] <= t) & (d["slut"].isna() | (d["slut"] > t))]
        exkl = väntande["patientvald"] | väntande["medicinskt_orsakad"]
        kvar = väntande[~exkl]
        dagar = (t - kvar["start"]).dt.days
        antal = kvar.groupby("region", observed=False).size()
        exkluderade = exkl.groupby(väntande["region"], observed=False).sum()
        for g in GRÄNSER:
            inom = (dagar <= g).groupby(kvar["region"], observed=False).sum()
            delar.append(
                pd.DataFrame(
                    {
                        "region": antal.index,
                        "mätdatum": t,
                        "gräns": float(g),
                        "antal": antal.to_numpy(),
                        "antal_inom": inom.to_numpy(),
                        "exkluderade": exkluderade.to_numpy(),
                    }
                )
            )
    ut = pd.concat(delar, ignore_index=True)
    ut["andel"] = ut["antal_inom"] / ut["antal"]
    return ut


FUNKTIONER = {"väntetidsandelar": med_paketet, "duckdb": med_duckdb, "pandas": med_pandas}


# --------------------------------------------------------------------------- measuring


def _status(fält: str) -> int:
    """A field of /proc/self/status in bytes."""
    for rad in Path("/proc/self/status").read_text().splitlines():
        if rad.startswith(fält + ":"):
            return int(rad.split()[1]) * 1024
    raise RuntimeError(f"{fält} not in /proc/self/status")


def kör_en(metod: str, rader: int, upprepningar: int, utfil: str) -> dict[str, Any]:
    """Run one method in this (fresh) process and return its measurements."""
    d = indata(rader)
    storlek = int(d.memory_usage(deep=True).sum())
    funktion = FUNKTIONER[metod]
    gc.collect()
    with contextlib.suppress(OSError):  # give freed heap pages back (glibc)
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    före = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    tider = []
    resultat = None
    for _ in range(upprepningar):
        del resultat
        t0 = time.perf_counter()
        resultat = funktion(d)
        tider.append(time.perf_counter() - t0)
    topp = _status("VmHWM")
    resultat.to_pickle(utfil)
    return {
        "metod": metod,
        "tid_s": min(tider),
        "tider": tider,
        "topp_mb": (topp - före) / 1e6,
        "indata_mb": storlek / 1e6,
    }


def jämför(filer: dict[str, str]) -> str:
    """Check that every method gives the same counts; return a one-line verdict."""
    nyckel = ["region", "mätdatum", "gräns"]
    tabeller = {}
    for metod, fil in filer.items():
        t = pd.read_pickle(fil)
        t = t.assign(region=t["region"].astype(str), mätdatum=pd.to_datetime(t["mätdatum"]))
        t = t.drop_duplicates(nyckel).sort_values(nyckel).reset_index(drop=True)
        tabeller[metod] = t[[*nyckel, "antal", "antal_inom", "exkluderade"]]
    ref = tabeller["väntetidsandelar"]
    for metod, t in tabeller.items():
        if len(t) != len(ref):
            return f"MISMATCH: {metod} has {len(t)} rows, väntetidsandelar {len(ref)}"
        for c in ("antal", "antal_inom", "exkluderade"):
            if not np.array_equal(t[c].to_numpy(np.int64), ref[c].to_numpy(np.int64)):
                return f"MISMATCH in {c}: {metod} differs from väntetidsandelar"
    return f"all methods agree on antal, antal_inom and exkluderade ({len(ref)} cells)"


def maskin() -> str:
    modell = ""
    try:
        for rad in Path("/proc/cpuinfo").read_text().splitlines():
            if rad.startswith("model name"):
                modell = rad.split(":", 1)[1].strip()
                break
    except OSError:  # pragma: no cover - not Linux
        pass
    last = os.getloadavg()
    import duckdb

    return (
        f"{os.cpu_count()} cores ({modell or platform.processor()}), "
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"duckdb {duckdb.__version__}; load average at start {last[0]:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rader", type=int, default=10_000_000, help="rows (default 10 million)")
    p.add_argument("--upprepningar", type=int, default=2, help="runs per method (best counts)")
    p.add_argument("--metoder", nargs="*", default=list(METODER), choices=METODER)
    p.add_argument("--kör", choices=METODER, help=argparse.SUPPRESS)
    p.add_argument("--utfil", help=argparse.SUPPRESS)
    a = p.parse_args(argv)

    if a.kör:  # child process
        print(json.dumps(kör_en(a.kör, a.rader, a.upprepningar, a.utfil)))
        return 0

    print(f"machine: {maskin()}")
    print(
        f"task: {a.rader:,} event records, 21 regions x {len(MÄTDATUM)} month-end snapshots "
        f"x {len(GRÄNSER)} limits; best of {a.upprepningar} runs, each method in a fresh process"
    )
    mätningar = []
    with tempfile.TemporaryDirectory() as katalog:
        filer = {}
        for metod in a.metoder:
            utfil = str(Path(katalog) / f"{metod}.pkl")
            filer[metod] = utfil
            kommando = [
                sys.executable,
                __file__,
                "--kör",
                metod,
                "--rader",
                str(a.rader),
                "--upprepningar",
                str(a.upprepningar),
                "--utfil",
                utfil,
            ]
            svar = subprocess.run(kommando, capture_output=True, text=True, check=True)
            mätningar.append(json.loads(svar.stdout.strip().splitlines()[-1]))
        kontroll = jämför(filer) if "väntetidsandelar" in filer else "not compared"
    indata_mb = mätningar[0]["indata_mb"]
    ref = next((m["tid_s"] for m in mätningar if m["metod"] == "väntetidsandelar"), None)
    print(f"input: {indata_mb:.0f} MB in memory (DataFrame.memory_usage(deep=True))")
    print(f"check: {kontroll}")
    print()
    print(
        f"| {'method':<17} | {'time s':>7} | {'peak memory MB':>14} | "
        f"{'peak / input':>12} | {'time / ours':>11} |"
    )
    print(f"|{'-' * 19}|{'-' * 9}|{'-' * 16}|{'-' * 14}|{'-' * 13}|")
    for m in mätningar:
        kvot = f"{m['tid_s'] / ref:.1f}" if ref else "-"
        print(
            f"| {m['metod']:<17} | {m['tid_s']:>7.2f} | {m['topp_mb']:>14.0f} | "
            f"{m['topp_mb'] / m['indata_mb']:>12.2f} | {kvot:>11} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
