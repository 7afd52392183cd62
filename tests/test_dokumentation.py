"""Every public name has a docstring with a runnable example and a reference entry.

The examples themselves run as doctests (``--doctest-modules`` over ``src``);
this checks that none is missing and that the API reference in
``docs/reference`` documents every public name.
"""

from __future__ import annotations

import enum
import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

import halsouppfoljning as hu
from halsouppfoljning import exempeldata, plot

REFERENS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in (Path(__file__).resolve().parents[1] / "docs" / "reference").glob("*.md")
)
MODULER: list[tuple[str, ModuleType]] = [
    ("halsouppfoljning", hu),
    ("halsouppfoljning.exempeldata", exempeldata),
    ("halsouppfoljning.plot", plot),
]
PUBLIKA = [
    (f"{modulnamn}.{namn}", getattr(modul, namn))
    for modulnamn, modul in MODULER
    for namn in modul.__all__
    if namn != "__version__" and not inspect.ismodule(getattr(modul, namn))
]


def test_there_are_public_names() -> None:
    assert len(PUBLIKA) > 100


@pytest.mark.parametrize(
    ("namn", "objekt"),
    [(n, o) for n, o in PUBLIKA if inspect.isclass(o) or inspect.isfunction(o)],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_public_function_or_class_has_an_example(namn: str, objekt: object) -> None:
    doc = inspect.getdoc(objekt) or ""
    assert "Examples" in doc, f"{namn} has no Examples section"
    assert ">>>" in doc, f"{namn} has no runnable example"


@pytest.mark.parametrize(("namn", "objekt"), PUBLIKA, ids=lambda x: x if isinstance(x, str) else "")
def test_public_name_is_in_the_api_reference(namn: str, objekt: object) -> None:
    kort = namn.rsplit(".", 1)[1]
    assert re.search(rf"auto\w+::\s+[\w.]*\.{re.escape(kort)}\b", REFERENS), (
        f"{namn} is not documented in docs/reference"
    )


def _metoder() -> list[tuple[str, object]]:
    ut = []
    for namn, klass in PUBLIKA:
        if not inspect.isclass(klass) or issubclass(klass, (BaseException, enum.Enum)):
            continue
        for metodnamn, metod in vars(klass).items():
            if metodnamn.startswith("_"):
                continue
            funktion = metod.__func__ if isinstance(metod, (classmethod, staticmethod)) else metod
            if inspect.isfunction(funktion) or isinstance(metod, property):
                ut.append((f"{namn}.{metodnamn}", metod))
    return ut


@pytest.mark.parametrize(
    ("namn", "metod"), _metoder(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_public_method_has_a_docstring(namn: str, metod: object) -> None:
    funktion = metod.__func__ if isinstance(metod, (classmethod, staticmethod)) else metod
    assert inspect.getdoc(funktion), f"{namn} has no docstring"
