"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

import halsouppfoljning as hu

#: Any of the 21 regions.
regioner = st.sampled_from(hu.regioner())

#: Finite floats of a size that reports print.
rimliga_tal = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)

#: Shares in [0, 1].
andelar = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def slumpa_skiftläge_och_form(draw: st.DrawFn, text: str) -> str:
    """Random letter case, NFC or NFD form and surrounding whitespace of ``text``."""
    bokstäver = [c.upper() if draw(st.booleans()) else c.lower() for c in text]
    ny = "".join(bokstäver)
    form = draw(st.sampled_from(["NFC", "NFD"]))
    ny = unicodedata.normalize(form, ny)
    före = draw(st.sampled_from(["", " ", "  ", "\t", "\u00a0"]))
    efter = draw(st.sampled_from(["", " ", "\n", "  "]))
    return före + ny + efter
