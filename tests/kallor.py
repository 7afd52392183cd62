"""The seed reports bundled for the tests (tests/data/seeds), read line by line."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
VÄSTMANLAND = SEEDS / "vastmanland-hsf-manadsrapport-2023-02.txt"
VÄRMLAND = SEEDS / "varmland-hsn-arsredovisning-2023.txt"


def rader(fil: Path) -> list[str]:
    """The lines of a seed report (line n is element n - 1)."""
    return fil.read_text(encoding="utf-8").splitlines()
