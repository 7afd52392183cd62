"""Tests of halsouppfoljning.tolka.malniva: targets as reports write them (Målnivå.tolka).

Every form read, its errors, and the round trip through the canonical text
(``str(Målnivå)``) that the grammar reads back.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu

H = hu.Riktning.HÖGRE_ÄR_BÄTTRE
L = hu.Riktning.LÄGRE_ÄR_BÄTTRE
B = hu.Riktning.INOM_INTERVALL


def test_done_when_unreadable_target_quotes_text() -> None:
    with pytest.raises(hu.TolkningsError, match="'åttio procent'"):
        hu.Målnivå.tolka("åttio procent")
    with pytest.raises(ValueError, match="'bättre än riket'"):
        hu.Målnivå.tolka("bättre än riket")


FORMER = [
    (">95%", None, "GRÄNS", ">", 0.95, "andel"),
    ("≥95%", None, "GRÄNS", ">=", 0.95, "andel"),
    ("≥ 80 %", None, "GRÄNS", ">=", 0.80, "andel"),
    ("≤2%", None, "GRÄNS", "<=", 0.02, "andel"),
    ("<40min", None, "GRÄNS", "<", 40.0, "min"),
    ("<0,5/100 vpl", None, "GRÄNS", "<", 0.5, "/100 vpl"),
    ("<1/100 vpl", None, "GRÄNS", "<", 1.0, "/100 vpl"),
    ("< 0,5 per 100 vpl", None, "GRÄNS", "<", 0.5, "/100 vpl"),
    ("<20 000", None, "GRÄNS", "<", 20000.0, None),
    ("<280", None, "GRÄNS", "<", 280.0, None),
    ("≥55", None, "GRÄNS", ">=", 55.0, None),
    ("8 min", L, "GRÄNS", "<=", 8.0, "min"),
    ("100 %", H, "GRÄNS", ">=", 1.0, "andel"),
    ("85 %", H, "GRÄNS", ">=", 0.85, "andel"),
    ("0 kr", H, "GRÄNS", ">=", 0.0, "kr"),
    ("-800 mnkr", H, "GRÄNS", ">=", -800.0, "mnkr"),
    ("högst 10 procent", None, "GRÄNS", "<=", 0.10, "andel"),
    ("minst 75 procent", None, "GRÄNS", ">=", 0.75, "andel"),
    ("under 7", None, "GRÄNS", "<", 7.0, None),
    ("över 50 procent", None, "GRÄNS", ">", 0.50, "andel"),
    ("inte överstiga 250", None, "GRÄNS", "<=", 250.0, None),
    ("ökning ≥10%/år", None, "RELATIV_FÖRÄNDRING", ">=", 0.10, None),
    ("≥ 10 % minskning/år", None, "RELATIV_FÖRÄNDRING", ">=", 0.10, None),
]


@pytest.mark.parametrize(("text", "riktning", "typ", "operator", "gräns", "enhet"), FORMER)
def test_tolka_limits(
    text: str,
    riktning: hu.Riktning | None,
    typ: str,
    operator: str,
    gräns: float,
    enhet: str | None,
) -> None:
    m = hu.Målnivå.tolka(text, riktning)
    assert m.typ is hu.Måltyp[typ]
    assert m.operator == operator
    assert m.gräns == pytest.approx(gräns, abs=1e-12)
    assert (m.enhet if m.bas is None else f"/{m.bas[0]} {m.bas[1]}") == enhet
    assert m.text == text


@pytest.mark.parametrize(
    ("text", "riktning"),
    [
        ("Öka", H),
        ("Fler", H),
        ("Högre än fg år", H),
        ("Högre än föregående år", H),
        ("Färre", L),
        ("Minska", L),
        ("Lägre än fg år", L),
    ],
)
def test_tolka_direction_against_previous(text: str, riktning: hu.Riktning) -> None:
    m = hu.Målnivå.tolka(text)
    assert m.typ is hu.Måltyp.MOT_FÖREGÅENDE
    assert m.riktning is riktning


def test_tolka_band_plan_none_and_two_level() -> None:
    band = hu.Målnivå.tolka("85-90 %")
    assert (band.typ, band.nedre, band.övre, band.riktning) == (hu.Måltyp.INTERVALL, 0.85, 0.9, B)
    assert hu.Målnivå.tolka("Enligt plan").typ is hu.Måltyp.ENLIGT_PLAN
    assert hu.Målnivå.tolka("-").typ is hu.Måltyp.INGET
    två = hu.Målnivå.tolka("delmål 50 procent med totalmål 80 procent", H)
    assert två.typ is hu.Måltyp.TVÅNIVÅ
    assert [d.gräns for d in två.delar] == [0.5, 0.8]
    relativ = hu.Målnivå.tolka("≥ 10 % minskning/år")
    assert relativ.riktning is L


def test_tolka_composite_parts() -> None:
    m = hu.Målnivå.tolka("90/80/80", H, enhet="andel")
    assert m.typ is hu.Måltyp.SAMMANSATT
    assert [d.gräns for d in m.delar] == [0.9, 0.8, 0.8]
    utan_enhet = hu.Målnivå.tolka("90/80/80", H)
    assert [d.gräns for d in utan_enhet.delar] == [90.0, 80.0, 80.0]


def test_tolka_bare_number_needs_riktning() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"'85 %' is a bare level: pass riktning"):
        hu.Målnivå.tolka("85 %")
    with pytest.raises(hu.OgiltigtVärdeError, match="bare level"):
        hu.Målnivå.tolka("90/80/80")
    with pytest.raises(hu.OgiltigtVärdeError, match="floor or a ceiling"):
        hu.Målnivå.tolka("85 %", B)


def test_tolka_riktning_contradiction() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="says 'lägre är bättre'"):
        hu.Målnivå.tolka("<7 %", H)
    with pytest.raises(hu.OgiltigtVärdeError, match="band"):
        hu.Målnivå.tolka("85-90 %", H)
    with pytest.raises(hu.OgiltigtVärdeError, match="says"):
        hu.Målnivå.tolka("Öka", L)


def test_tolka_type_errors() -> None:
    with pytest.raises(hu.FelTypError, match=r"Målnivå\.tolka: text must be text"):
        hu.Målnivå.tolka(85)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="riktning must be a Riktning"):
        hu.Målnivå.tolka("85 %", "uppåt")  # type: ignore[arg-type]


def test_tolka_unicode_and_whitespace() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Lägre än fg år")
    assert hu.Målnivå.tolka(f"  {nfd}\u00a0") == hu.Målnivå.lägre_än_föregående()
    assert hu.Målnivå.tolka("≥\u00a080\u202f%") == hu.Målnivå.minst(0.8, enhet="andel")


DISPLAY_FALL = [(t, r) for t, r, *_ in FORMER] + [
    ("Öka", None),
    ("Färre", None),
    ("Lägre än fg år", None),
    ("Högre än fg år", None),
    ("Enligt plan", None),
    ("-", None),
    ("85-90 %", None),
    ("90/80/80", H),
    ("delmål 50 procent med totalmål 80 procent", H),
]


@pytest.mark.parametrize(("text", "riktning"), DISPLAY_FALL)
def test_parse_display_round_trip(text: str, riktning: hu.Riktning | None) -> None:
    m = hu.Målnivå.tolka(text, riktning)
    visad = str(m)
    igen = hu.Målnivå.tolka(visad, riktning)
    assert igen == m
    assert str(igen) == visad


def test_original_text_kept_but_not_in_equality() -> None:
    a = hu.Målnivå.tolka("högst 10 procent")
    b = hu.Målnivå.tolka("≤10%")
    assert a == b
    assert (a.text, b.text) == ("högst 10 procent", "≤10%")


def test_named_constructors_match_parsing() -> None:
    assert hu.Målnivå.tolka("≥ 80 %") == hu.Målnivå.minst(0.8, enhet="andel")
    assert hu.Målnivå.tolka("> 50 %") == hu.Målnivå.över(0.5, enhet="andel")
    assert hu.Målnivå.tolka("≤ 2 %") == hu.Målnivå.högst(0.02, enhet="andel")
    assert hu.Målnivå.tolka("<40 min") == hu.Målnivå.under(40, enhet="min")
    assert hu.Målnivå.tolka("85-90 %") == hu.Målnivå.intervall(0.85, 0.9, enhet="andel")
    assert hu.Målnivå.tolka("ökning ≥ 10 %/år") == hu.Målnivå.ökning(0.1)
    assert hu.Målnivå.tolka("minskning ≥ 10 %/år") == hu.Målnivå.minskning(0.1)
    assert hu.Målnivå.tolka("Öka") == hu.Målnivå.högre_än_föregående()
    assert hu.Målnivå.tolka("Enligt plan") == hu.Målnivå.enligt_plan()
    assert hu.Målnivå.tolka("-") == hu.Målnivå.inget()
    assert hu.Målnivå.tolka("0 kr", H) == hu.Målnivå.nivå(0, H, enhet="kr")


@given(
    gräns=st.integers(-1000, 1000),
    decimaler=st.integers(0, 2),
    op=st.sampled_from([">", ">=", "<", "<="]),
    riktning=st.sampled_from([H, L]),
)
def test_property_display_round_trip(
    gräns: int, decimaler: int, op: str, riktning: hu.Riktning
) -> None:
    värde = gräns / 10**decimaler
    for m in (
        hu.Målnivå._gräns(op, värde, "mnkr"),
        hu.Målnivå.nivå(värde, riktning, enhet="min"),
        hu.Målnivå._gräns(op, värde, None),
    ):
        assert hu.Målnivå.tolka(str(m), riktning if m.naken else None) == m


_ORD = {
    ">": ["> ", ">", "över ", "mer än "],
    ">=": ["≥ ", "≥", ">=", "minst "],
    "<": ["< ", "<", "under ", "mindre än "],
    "<=": ["≤ ", "≤", "<=", "högst ", "max "],
}


_ENHET = {
    "%": "andel",
    " %": "andel",
    " procent": "andel",
    " min": "min",
    " mnkr": "mnkr",
    "": None,
}


@given(
    op=st.sampled_from(sorted(_ORD)),
    data=st.data(),
    heltal=st.integers(0, 99),
    decimaler=st.sampled_from(["", ",5", ",25"]),
    enhet=st.sampled_from(sorted(_ENHET)),
)
def test_property_tolka_agrees_with_written_form(
    op: str, data: st.DataObject, heltal: int, decimaler: str, enhet: str
) -> None:
    skrivet = data.draw(st.sampled_from(_ORD[op]))
    text = f"{skrivet}{heltal}{decimaler}{enhet}"
    m = hu.Målnivå.tolka(text)
    # reference: the number read by hand from its digits
    tal = Decimal(f"{heltal}{decimaler.replace(',', '.')}")
    if _ENHET[enhet] == "andel":
        tal /= 100
    assert m.operator == op
    assert m.enhet == _ENHET[enhet]
    assert Decimal(repr(m.gräns)) == tal
    assert hu.Målnivå.tolka(str(m)) == m


def test_improvement_takes_the_indicators_direction() -> None:
    assert hu.Målnivå.tolka("Förbättras", L) == hu.Målnivå.lägre_än_föregående()
    assert hu.Målnivå.tolka("förbättring", "högre är bättre") == (hu.Målnivå.högre_än_föregående())
    with pytest.raises(hu.OgiltigtVärdeError, match="improvement"):
        hu.Målnivå.tolka("Förbättras")


def test_relative_change_refuses_an_upper_bound() -> None:
    with pytest.raises(hu.TolkningsError, match="required change takes"):
        hu.Målnivå.tolka("ökning högst 10 %/år")


def test_words_glued_to_a_number_are_not_an_operator() -> None:
    # "undervikt" does not start with the operator "under"
    with pytest.raises(hu.TolkningsError, match="'undervikt 5'"):
        hu.Målnivå.tolka("undervikt 5", H)


def test_negative_and_unit_conflicts() -> None:
    # a negative bare level is not a band "-800 - ..."
    assert hu.Målnivå.tolka("-800 mnkr", H) == hu.Målnivå.nivå(-800, H, enhet="mnkr")
    assert hu.Målnivå.tolka("85-90", enhet="andel") == hu.Målnivå.intervall(
        0.85, 0.9, enhet="andel"
    )
    # a counted unit before the base is kept (issue 13): 5 st per 100 vpl
    m = hu.Målnivå.tolka("<5 st/100 vpl")
    assert (m.gräns, m.enhet, m.bas) == (5.0, "st", (100, "vpl"))
    with pytest.raises(hu.TolkningsError, match="a percentage has no base"):
        hu.Målnivå.tolka("<5 %/100 vpl")
    with pytest.raises(hu.OgiltigtVärdeError, match="is in 'min' but enhet='st'"):
        hu.Målnivå.tolka("<40 min", enhet="st")
    # a percent written in a target whose unit is a change stays a change
    m = hu.Målnivå.tolka("≥ 10 %", enhet="förändring")
    assert (m.gräns, m.enhet) == (0.1, "förändring")
    assert hu.Målnivå.tolka("≥ 10", enhet="%").gräns == 0.1
