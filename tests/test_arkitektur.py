"""The house rules of DESIGN.md section 1 that import-linter cannot express.

import-linter (run by ``.ci/run`` as ``lint-imports``, contracts in
``pyproject.toml``) checks the layers, that the core never imports an edge,
the independence of the areas and that there is no import circle. These tests
check the rest, by reading the source:

- no star import anywhere in ``src/``;
- no module imports another module's underscore names, except the shared
  private modules made for it (``_indata``, ``_data``) and the private modules
  of its own package;
- every coercion of input goes through the one input layer: Unicode
  normalisation, Dask detection and time-zone handling appear nowhere else.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import halsouppfoljning as hu

PAKET = Path(hu.__file__).parent
MODULER = sorted(p for p in PAKET.rglob("*.py"))
DELADE = {"_indata", "_data"}


def _modulnamn(fil: Path) -> str:
    delar = list(fil.relative_to(PAKET.parent).with_suffix("").parts)
    if delar[-1] == "__init__":
        delar.pop()
    return ".".join(delar)


def _paket(fil: Path) -> str:
    """The package a module lives in (a package's ``__init__`` is in itself)."""
    namn = _modulnamn(fil)
    return namn if fil.name == "__init__.py" else namn.rsplit(".", 1)[0]


def _absolut(fil: Path, nod: ast.ImportFrom) -> str:
    if nod.level == 0:
        return nod.module or ""
    bas = _paket(fil).split(".")
    bas = bas[: len(bas) - (nod.level - 1)]
    return ".".join([*bas, nod.module] if nod.module else bas)


def _privat_utanför(importerad: str, namn: str | None, hemma: str) -> str | None:
    """The private part of ``importerad`` (+ ``namn``) that ``hemma`` may not reach, if any."""
    delar = importerad.split(".")
    if namn is not None:
        delar = [*delar, namn]
    for i, del_ in enumerate(delar):
        if del_.startswith("_") and not del_.startswith("__") and del_ not in DELADE:
            ägare = ".".join(delar[:i])
            if hemma != ägare and not hemma.startswith(ägare + "."):
                return ".".join(delar[: i + 1])
            return None
    return None


@pytest.mark.parametrize("fil", MODULER, ids=lambda p: str(p.relative_to(PAKET)))
def test_inga_stjärnimporter(fil: Path) -> None:
    träd = ast.parse(fil.read_text("utf-8"))
    stjärnor = [
        n.lineno
        for n in ast.walk(träd)
        if isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)
    ]
    assert stjärnor == [], f"{fil.name}: star import on lines {stjärnor}"


@pytest.mark.parametrize("fil", MODULER, ids=lambda p: str(p.relative_to(PAKET)))
def test_inga_andras_privata_namn(fil: Path) -> None:
    träd = ast.parse(fil.read_text("utf-8"))
    hemma = _paket(fil)
    brott = []
    for nod in ast.walk(träd):
        if isinstance(nod, ast.ImportFrom):
            modul = _absolut(fil, nod)
            if not modul.startswith("halsouppfoljning"):
                continue
            for alias in nod.names:
                fel = _privat_utanför(modul, alias.name, hemma)
                if fel:
                    brott.append((nod.lineno, fel))
        elif isinstance(nod, ast.Import):
            for alias in nod.names:
                if alias.name.startswith("halsouppfoljning"):
                    fel = _privat_utanför(alias.name, None, hemma)
                    if fel:
                        brott.append((nod.lineno, fel))
    assert brott == [], f"{fil.name} imports private names of other modules: {brott}"


# Text that does a coercion the input layer owns: Unicode normalisation, Dask
# detection, time zones. Each belongs in `_indata.py` alone.
ENDAST_I_INDATA = ("unicodedata.normalize", "is_dask_collection", "tz_convert(", "tz_localize(")


@pytest.mark.parametrize(
    "fil", [m for m in MODULER if m.name != "_indata.py"], ids=lambda p: str(p.relative_to(PAKET))
)
def test_tvång_bara_i_indatalagret(fil: Path) -> None:
    text = fil.read_text("utf-8")
    funna = [m for m in ENDAST_I_INDATA if m in text]
    assert funna == [], f"{fil.name} coerces input itself ({funna}); use halsouppfoljning._indata"


def test_regeln_för_privata_namn_fångar_brott() -> None:
    # The rule itself, on hand-made cases, so that the test above can fail.
    assert _privat_utanför("halsouppfoljning.ekonomi", "_tal", "halsouppfoljning") == (
        "halsouppfoljning.ekonomi._tal"
    )
    assert _privat_utanför("halsouppfoljning._indata", "tal", "halsouppfoljning") is None
    assert (
        _privat_utanför(
            "halsouppfoljning.vantetider._rakning", "räkna", "halsouppfoljning.vantetider"
        )
        is None
    )
    assert _privat_utanför("halsouppfoljning.vantetider._rakning", "räkna", "halsouppfoljning") == (
        "halsouppfoljning.vantetider._rakning"
    )
