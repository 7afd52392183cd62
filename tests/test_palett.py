"""Tests of halsouppfoljning.plot.palett: the one colour-blind-safe palette."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.plot import palett


def test_okabe_ito_colours_as_published() -> None:
    # Okabe & Ito, Color Universal Design (2008), the eight colours in RGB
    assert palett.OKABE_ITO == {
        "svart": "#000000",
        "orange": "#E69F00",
        "himmelsblå": "#56B4E9",
        "blågrön": "#009E73",
        "gul": "#F0E442",
        "blå": "#0072B2",
        "vermiljon": "#D55E00",
        "rödlila": "#CC79A7",
    }


def test_every_assessment_has_its_own_colour_symbol_marker_and_hatch() -> None:
    assert set(palett.BEDÖMNINGAR) == set(hu.Måluppfyllelse)
    for fält in ("färg", "symbol", "markör", "mönster"):
        värden = [getattr(s, fält) for s in palett.BEDÖMNINGAR.values()]
        assert len(set(värden)) == len(värden), fält
    assert palett.BEDÖMNINGSFÄRGER[hu.Måluppfyllelse.UPPNÅDD] == "#009E73"
    assert palett.BEDÖMNINGSSYMBOLER[hu.Måluppfyllelse.EJ_UPPNÅDD] == "✘"
    assert set(palett.KLASSFÄRGER) == set(palett.KLASSSYMBOLER) == {"grön", "gul", "röd"}


def test_bedömningsstil_by_word_in_any_case() -> None:
    assert palett.bedömningsstil(" Ej Uppnådd ") is palett.BEDÖMNINGAR[hu.Måluppfyllelse.EJ_UPPNÅDD]
    assert palett.bedömningsetikett("Mål saknas") == "○ mål saknas"
    with pytest.raises(hu.OgiltigtVärdeError, match=r"bedömningsstil: .*'grön'.*'ej uppnådd'"):
        palett.bedömningsstil("grön")


def _luminans(kod: str) -> float:
    """WCAG 2.1 relative luminance, written out independently of the module."""
    värden = []
    for i in (1, 3, 5):
        c = int(kod[i : i + 2], 16) / 255
        värden.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * värden[0] + 0.7152 * värden[1] + 0.0722 * värden[2]


def _kontrast(a: str, b: str) -> float:
    la, lb = sorted((_luminans(a), _luminans(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@given(st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06X}"))
def test_textfärg_chooses_the_better_contrast(bakgrund: str) -> None:
    vald = palett.textfärg(bakgrund)
    annan = "#FFFFFF" if vald == "#000000" else "#000000"
    assert _kontrast(vald, bakgrund) >= _kontrast(annan, bakgrund) - 1e-9
    assert _kontrast(vald, bakgrund) >= 4.5  # WCAG AA is always reachable with black or white


def test_every_assessment_colour_is_readable_with_its_text_colour() -> None:
    for stil in palett.BEDÖMNINGAR.values():
        assert _kontrast(palett.textfärg(stil.färg), stil.färg) >= 4.5


@pytest.mark.parametrize("fel", ["red", "#12345", "#GGGGGG", 12])
def test_textfärg_refuses_what_is_not_rrggbb(fel: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="textfärg: bakgrund"):
        palett.textfärg(fel)  # type: ignore[arg-type]


def test_the_palette_imports_without_matplotlib() -> None:
    kod = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from halsouppfoljning.plot import palett\n"
        "print(palett.bedömningsetikett('delvis'))\n"
        "assert not any(m.startswith('matplotlib') and sys.modules[m] for m in sys.modules)\n"
    )
    resultat = subprocess.run(
        [sys.executable, "-c", kod], capture_output=True, text=True, check=False, timeout=120
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout == "◐ delvis\n"
