"""Internal: reading the bundled data files (``data/*.csv``) and naming their sources."""

from __future__ import annotations

import io
from importlib import resources

import pandas as pd

#: The two published reports the bundled figures come from (the seed texts).
KÄLLA_VÄSTMANLAND = (
    "Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport februari 2023 "
    "(seeds/vastmanland-hsf-manadsrapport-2023-02.txt)"
)
KÄLLA_VÄRMLAND = (
    "Region Värmland, Hälso- och sjukvårdsnämnden, Årsredovisning 2023 "
    "(seeds/varmland-hsn-arsredovisning-2023.txt)"
)


def läs_datafil(filnamn: str) -> pd.DataFrame:
    """A bundled CSV as strings ("" for empty cells), without its ``#`` provenance lines."""
    text = resources.files("halsouppfoljning").joinpath(f"data/{filnamn}").read_text("utf-8")
    rader = "\n".join(r for r in text.splitlines() if not r.startswith("#"))
    return pd.read_csv(io.StringIO(rader), dtype=str, keep_default_na=False)
