"""Tests of halsouppfoljning.tolka: numbers, ranges and times as reports print them.

Hand-checked examples cite the seed report line where the text was seen
(../shared/seeds/vastmanland-hsf-manadsrapport-2023-02.txt, "VM"; and
../shared/seeds/varmland-hsn-arsredovisning-2023.txt, "VR").
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.indikatorer import Tal
from halsouppfoljning.tolka import avrunda, formatera_andel, formatera_tal
from halsouppfoljning.tolka.tal import tolka_par, tolka_värde


def test_done_when_examples_of_issue_2() -> None:
    assert hu.tolka_tal("- 890 mkr") == -890.0
    assert hu.tolka_tal("88,3 %") == 0.883
    assert math.isnan(hu.tolka_tal("i.u."))
    with pytest.raises(hu.TolkningsError, match="'åttio'"):
        hu.tolka_tal("åttio")


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("88,3 %", 0.883),  # VM "Tillgängl. primärv. telefon 100 % 88,3 %"
        ("79,4 %", 0.794),
        ("-174,1 mnkr", -174.1),  # VM "Ackumulerat resultat -174,1 mnkr"
        ("-165,6 mnkr", -165.6),
        ("- 890 mkr", -890.0),  # DOMAIN.md section 5 "Prognos - 890 mkr"
        ("–890 mnkr", -890.0),  # en dash
        ("\u2212890 MNKR", -890.0),  # Unicode minus
        ("minus 800 miljoner", -800.0),
        ("minus 890 miljoner kronor", -890.0),
        ("8 022", 8022.0),
        ("8\u00a0954", 8954.0),  # no-break space
        ("1\u202f040\u202f679", 1040679.0),  # narrow no-break space
        ("1 040 679", 1040679.0),
        ("+171", 171.0),  # VM "Årsarbetare Färre +171"
        ("+ 3 %", 0.03),  # VM "Kostnad/arb timme ... + 3 %"
        ("-1,7%", -0.017),  # VM "Vårdproduktion enl. ök. Enligt plan -1,7%"
        ("85*", 85.0),  # footnote mark
        ("77,2%***", 0.772),
        ("0 kr", 0.0),
        ("160,8", 160.8),
        ("12 Mkr", 12.0),
        ("250 tkr", 250.0),
        ("3 st", 3.0),
        ("90 dagar", 90.0),
        ("10 procent", 0.10),
        ("4 procentenheter", 0.04),
        (",5", 0.5),
        ("0.25", 0.25),
        ("-890 mnkr.", -890.0),  # full stop ending the sentence
        (42, 42.0),
        (0.5, 0.5),
    ],
)
def test_tolka_tal_hand_checked(text: str, väntat: float) -> None:
    assert hu.tolka_tal(text) == väntat


@pytest.mark.parametrize(
    "text", ["i.u", "i.u.", "Ej aktuell", "ej aktuell", "*", "-", "–", "..", "", "  "]
)
def test_missing_markers_give_nan(text: str) -> None:
    assert math.isnan(hu.tolka_tal(text))


def test_none_gives_nan() -> None:
    assert math.isnan(hu.tolka_tal(None))


@pytest.mark.parametrize(
    ("text", "ledtråd"),
    [
        ("åttio", "Swedish report notation"),
        ("85-90 %", "unknown unit or trailing text"),
        ("16,8 % (21,5%)", "tolka_jämförelse"),
        ("48,4/31,0/56,0", "composite"),
        ("1.040", "ambiguous"),
        ("12 äpplen", "unknown unit"),
        ("8 02", "trailing text"),
        ("--5", "Swedish report notation"),
        ("Prognos", "Swedish report notation"),
    ],
)
def test_tolka_tal_refuses_with_a_hint(text: str, ledtråd: str) -> None:
    with pytest.raises(hu.TolkningsError, match=ledtråd) as fel:
        hu.tolka_tal(text)
    assert repr(text) in str(fel.value)


@pytest.mark.parametrize("fel", [True, object(), b"88"])
def test_tolka_tal_refuses_other_types(fel: object) -> None:
    with pytest.raises(hu.FelTypError):
        hu.tolka_tal(fel)  # type: ignore[arg-type]


def test_tolka_tal_elementwise_keeps_series_index() -> None:
    s = pd.Series(["88,3 %", "i.u.", "- 890 mkr"], index=["a", "b", "c"], name="utfall")
    ut = hu.tolka_tal(s)
    assert list(ut.index) == ["a", "b", "c"]
    assert ut.name == "utfall"
    np.testing.assert_array_equal(ut.to_numpy(), [0.883, np.nan, -890.0])


def test_tolka_tal_on_list_and_array() -> None:
    np.testing.assert_array_equal(hu.tolka_tal(["1 000", "2,5"]), [1000.0, 2.5])
    np.testing.assert_array_equal(
        hu.tolka_tal(np.array([["1", "2"], ["3", "i.u."]])), [[1.0, 2.0], [3.0, np.nan]]
    )
    assert hu.tolka_tal([]).shape == (0,)


# -------------------------------------------------------- Hypothesis: read back Swedish numbers

SEPARATORER = [" ", "\u00a0", "\u202f", "\u2009"]
MINUS = ["-", "- ", "\u2013", "\u2212", "minus "]
ENHETER = {
    "": 1,
    " mnkr": 1,
    "mkr": 1,
    " MNKR": 1,
    " Mkr": 1,
    " miljoner kronor": 1,
    " tkr": 1,
    " kr": 1,
    "%": Decimal("0.01"),
    " %": Decimal("0.01"),
}


def _gruppera(heltal: str, sep: str) -> str:
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    return sep.join(grupper)


@given(
    heltal=st.integers(min_value=0, max_value=10**12),
    decimaler=st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=3)),
    negativ=st.booleans(),
    minus=st.sampled_from(MINUS),
    plus=st.booleans(),
    sep=st.sampled_from([*SEPARATORER, ""]),
    enhet=st.sampled_from(sorted(ENHETER)),
    fotnot=st.sampled_from(["", "*", "***"]),
)
def test_tolka_tal_reads_back_any_swedish_formatted_number(
    heltal: int,
    decimaler: str,
    negativ: bool,
    minus: str,
    plus: bool,
    sep: str,
    enhet: str,
    fotnot: str,
) -> None:
    text = _gruppera(str(heltal), sep)
    if decimaler:
        text += "," + decimaler
    tecken = minus if negativ else ("+" if plus else "")
    belopp = Decimal(f"{heltal}.{decimaler or '0'}")
    väntat = float((-belopp if negativ else belopp) * ENHETER[enhet])
    assert hu.tolka_tal(tecken + text + enhet + fotnot) == väntat


@given(st.text(max_size=20))
def test_tolka_tal_never_yields_a_number_from_text_without_digits(text: str) -> None:
    """Garbage never yields a number silently: no digit, no number (only NaN for markers)."""
    try:
        värde = hu.tolka_tal(text)
    except hu.TolkningsError:
        return
    rensad = unicodedata.normalize("NFC", text)
    if not any(c.isdigit() for c in rensad):
        assert math.isnan(värde)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_tolka_tal_raises_only_package_errors(text: str) -> None:
    try:
        värde = hu.tolka_tal(text)
    except hu.TolkningsError:
        return
    assert isinstance(värde, float)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=20))
def test_words_are_refused(ord_: str) -> None:
    if " ".join(ord_.split()) in {
        *("", "minus", "plus", "i.u", "iu", "ej aktuell", "x", "saknas"),
        *("uppgift saknas", "kan ej uppskattas", "ej tillgänglig"),
    }:
        return
    with pytest.raises(hu.TolkningsError):
        hu.tolka_tal(ord_)


# ------------------------------------------------------------------ belopp, jämförelse, intervall


@pytest.mark.parametrize(
    ("text", "enhet", "väntat"),
    [
        ("8 022 tkr", "mnkr", 8.022),
        ("-1,2 mdkr", "mnkr", -1200.0),
        ("-890 mkr", "tkr", -890000.0),
        ("1 500 kr", "tkr", 1.5),
        ("-890", "mnkr", -890.0),
        ("minus 800 miljoner kronor", "mnkr", -800.0),
    ],
)
def test_tolka_belopp_converts(text: str, enhet: str, väntat: float) -> None:
    assert hu.tolka_belopp(text, enhet=enhet) == väntat


def test_tolka_belopp_refuses_non_money() -> None:
    with pytest.raises(hu.TolkningsError, match="unit is 'andel'"):
        hu.tolka_belopp("88 %")
    with pytest.raises(hu.OgiltigtVärdeError, match="enhet must be one of"):
        hu.tolka_belopp("88 kr", enhet="euro")


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("16,8 % (21,5%)", (0.168, 0.215)),  # VM "Andel digitala besök Öka 16,8 % (21,5%)"
        ("94 (140)", (94.0, 140.0)),  # VM "Antal utlokaliserade pat. ... 94 (140)"
        ("16,3 % (22,2 %)", (0.163, 0.222)),  # VM "Undvikbar slutenvård"
        ("96 % (90)", (0.96, 0.90)),  # unit written once applies to both
    ],
)
def test_tolka_jämförelse(text: str, väntat: tuple[float, float]) -> None:
    assert hu.tolka_jämförelse(text) == väntat


def test_tolka_jämförelse_refuses_other_forms() -> None:
    with pytest.raises(hu.TolkningsError, match="outcome \\(previous\\)"):
        hu.tolka_jämförelse("16,8 %")


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("85-90 %", (0.85, 0.90)),  # VM "Beläggningsgrad 85-90 % 96 %"
        ("85 % – 90 %", (0.85, 0.90)),
        ("7-14 dagar", (7.0, 14.0)),
        ("1 000-2 000", (1000.0, 2000.0)),
    ],
)
def test_tolka_intervall(text: str, väntat: tuple[float, float]) -> None:
    assert hu.tolka_intervall(text) == väntat


@pytest.mark.parametrize(
    ("text", "ledtråd"),
    [("90-85 %", "exceeds"), ("85 %", "range"), ("85 % - 90 kr", "different units")],
)
def test_tolka_intervall_refuses(text: str, ledtråd: str) -> None:
    with pytest.raises(hu.TolkningsError, match=ledtråd):
        hu.tolka_intervall(text)


# ------------------------------------------------------------------------------ tid


@pytest.mark.parametrize(
    ("text", "sekunder"),
    [
        ("14:58", 14 * 60 + 58),  # VM "Medelväntetid 1177 8 min 14:58"
        ("0:59", 59),
        ("1:02:03", 3723),
        ("8 min", 480),
        ("40min", 2400),
        ("1,5 timmar", 5400),
        ("4 h", 14400),
        ("2 dagar", 172800),
    ],
)
def test_tolka_tid(text: str, sekunder: int) -> None:
    tid = hu.tolka_tid(text)
    assert isinstance(tid, dt.timedelta)
    assert tid.total_seconds() == sekunder


def test_tolka_tid_missing_and_bad() -> None:
    assert hu.tolka_tid("i.u.") is None
    with pytest.raises(hu.TolkningsError, match="below 60"):
        hu.tolka_tid("14:75")
    with pytest.raises(hu.TolkningsError, match="time unit"):
        hu.tolka_tid("14")
    with pytest.raises(hu.TolkningsError, match="duration"):
        hu.tolka_tid("kvart")


@given(st.integers(0, 59), st.integers(0, 59))
def test_tolka_tid_mm_ss_property(minuter: int, sekunder: int) -> None:
    tid = hu.tolka_tid(f"{minuter}:{sekunder:02d}")
    assert tid == dt.timedelta(minutes=minuter, seconds=sekunder)


# ------------------------------------------------------------------------------ display


@pytest.mark.parametrize(
    ("värde", "decimaler", "väntat"),
    [
        (84.5, 0, 85.0),  # half up, where round() gives 84
        (85.5, 0, 86.0),
        (-165.55, 1, -165.6),  # half away from zero
        (79.75, 1, 79.8),
        (0.285 * 100, 0, 29.0),  # 28.499999999999996 in binary: reports print 28,5 -> 29
        (1234.0, -2, 1200.0),
        (-0.4, 0, 0.0),
    ],
)
def test_avrunda_half_up(värde: float, decimaler: int, väntat: float) -> None:
    assert avrunda(värde, decimaler) == väntat


def test_avrunda_keeps_series_and_nan() -> None:
    s = pd.Series([84.5, np.nan], index=["x", "y"])
    ut = avrunda(s)
    assert list(ut.index) == ["x", "y"]
    assert ut["x"] == 85.0
    assert math.isnan(ut["y"])


@given(st.integers(-(10**9), 10**9), st.integers(0, 4))
def test_avrunda_agrees_with_decimal_round_half_up(heltal: int, decimaler: int) -> None:
    """Reference: Decimal quantize with ROUND_HALF_UP on the exact decimal value."""
    from decimal import ROUND_HALF_UP

    tal = Decimal(heltal) / Decimal(10) ** (decimaler + 1)  # one more digit than kept
    referens = tal.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    assert avrunda(float(tal), decimaler) == float(referens)


@pytest.mark.parametrize(
    ("värde", "text"),
    [(-165.6, "-165,6 mnkr"), (1040679.0, "1 040 679"), (float("nan"), "i.u.")],
)
def test_formatera_tal(värde: float, text: str) -> None:
    enhet = "mnkr" if "mnkr" in text else None
    decimaler = 1 if "," in text else 0
    assert formatera_tal(värde, decimaler, enhet=enhet) == text


def test_formatera_andel() -> None:
    assert formatera_andel(0.788) == "78,8 %"
    assert formatera_andel(0.8445) == "84,5 %"
    assert formatera_andel(float("nan")) == "i.u."


@given(st.integers(-(10**9), 10**9), st.integers(0, 3))
def test_formatera_then_tolka_round_trips(heltal: int, decimaler: int) -> None:
    värde = heltal / 10**decimaler
    assert hu.tolka_tal(formatera_tal(värde, decimaler, enhet="mnkr")) == pytest.approx(
        värde, abs=0
    )


def test_tolka_tid_refuses_a_negative_duration() -> None:
    with pytest.raises(hu.TolkningsError, match="negative"):
        hu.tolka_tid("-5 min")


# ------------------------------------------------------------ numbers as printed (issue 13)


@pytest.mark.parametrize(
    ("text", "värde", "enhet", "fotnoter", "ungefärlig"),
    [
        # hedge words: the value is read and marked approximate
        ("drygt 1 200", 1200.0, None, (), True),
        ("knappt 40 procent", 0.4, "andel", (), True),
        ("cirka 700", 700.0, None, (), True),  # VR 454
        ("ca 600 miljoner kronor", 600.0, "mnkr", (), True),
        ("ca. 5 dagar", 5.0, "dagar", (), True),
        ("c:a 5 dagar", 5.0, "dagar", (), True),
        ("ca -18 mnkr", -18.0, "mnkr", (), True),  # VM 462
        ("omkring 3 000 st", 3000.0, "st", (), True),
        ("nästan 90 %", 0.9, "andel", (), True),
        ("närmare 800 miljoner kronor", 800.0, "mnkr", (), True),  # VR 2312
        ("ungefär 12 min", 12.0, "min", (), True),
        ("runt 50", 50.0, None, (), True),
        ("över 90 %", 0.9, "andel", (), True),
        ("under 7", 7.0, None, (), True),
        ("Drygt 1 200", 1200.0, None, (), True),
        # footnote marks on anything, kept
        ("85*", 85.0, None, ("*",), False),
        ("77,2%***", 0.772, "andel", ("***",), False),
        ("105 ¹²", 105.0, None, ("¹²",), False),
        ("105¹", 105.0, None, ("¹",), False),
        ("drygt 1 200 st*", 1200.0, "st", ("*",), True),
        ("12 †", 12.0, None, ("†",), False),
        # ages as a unit
        ("17 år", 17.0, "år", (), False),
    ],
)
def test_tolka_värde_keeps_unit_footnotes_and_hedge(
    text: str, värde: float, enhet: str | None, fotnoter: tuple[str, ...], ungefärlig: bool
) -> None:
    t = tolka_värde(text)
    assert t.värde == pytest.approx(värde, abs=1e-12)
    assert (t.enhet, t.fotnoter, t.ungefärlig, t.text) == (enhet, fotnoter, ungefärlig, text)
    # tolka_tal reads the same value
    assert hu.tolka_tal(text) == pytest.approx(värde, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "fotnoter"),
    [
        ("Ej aktuell*", ("*",)),
        ("i.u.**", ("**",)),
        ("i.u ¹", ("¹",)),
        ("Kan ej uppskattas", ()),
        ("kan ej uppskattas*", ("*",)),
        ("uppgift saknas", ()),
        ("Uppgift saknas", ()),
        ("–", ()),
        ("x", ()),
        ("X", ()),
        ("*", ()),
        ("..", ()),
    ],
)
def test_missing_markers_with_footnotes(text: str, fotnoter: tuple[str, ...]) -> None:
    t = tolka_värde(text)
    assert math.isnan(t.värde)
    assert t.fotnoter == fotnoter
    assert math.isnan(hu.tolka_tal(text))


@pytest.mark.parametrize(
    ("text", "enhet", "väntat"),
    [
        ("85*", "%", 0.85),
        ("1,3", "%", 0.013),
        ("85 %", "%", 0.85),
        ("85", "procent", 0.85),
        ("-890", "mnkr", -890.0),
        ("12", "st", 12.0),
        ("i.u.", "%", math.nan),
    ],
)
def test_a_columns_unit_for_bare_cells(text: str, enhet: str, väntat: float) -> None:
    värde = hu.tolka_tal(text, enhet=enhet)
    if math.isnan(väntat):
        assert math.isnan(värde)
    else:
        assert värde == pytest.approx(väntat, abs=1e-12)


def test_a_columns_unit_elementwise_and_on_a_tal() -> None:
    s = hu.tolka_tal(pd.Series(["85*", "1,3", "i.u."], index=["a", "b", "c"]), enhet="%")
    assert s.loc["a"] == 0.85
    assert s.loc["b"] == 0.013
    assert math.isnan(s.loc["c"])
    arr = hu.tolka_tal(["85*", "90"], enhet="%")
    assert arr.tolist() == [0.85, 0.9]
    assert tolka_värde("85*", enhet="%").enhet == "andel"
    assert tolka_värde(0.85, enhet="%") == Tal(värde=0.85, enhet="andel")
    assert math.isnan(tolka_värde(None).värde)


def test_a_cell_contradicting_its_column_or_an_unknown_column_unit_is_an_error() -> None:
    with pytest.raises(hu.TolkningsError, match="column of '%'"):
        hu.tolka_tal("12 mnkr", enhet="%")
    with pytest.raises(hu.OgiltigtVärdeError, match="unit reports print"):
        hu.tolka_tal("12", enhet="äpplen")
    with pytest.raises(hu.OgiltigtVärdeError, match="unit reports print"):
        tolka_värde("12", enhet="andel")
    with pytest.raises(hu.FelTypError):
        tolka_värde(True)
    with pytest.raises(hu.FelTypError):
        tolka_värde(b"12")  # type: ignore[arg-type]
    with pytest.raises(hu.TolkningsError, match="tolka_par"):
        tolka_värde("59,7 (62,1)")
    with pytest.raises(hu.TolkningsError, match="composite"):
        tolka_värde("ca 48/31")
    with pytest.raises(hu.TolkningsError, match="Swedish report notation"):
        tolka_värde("drygt")


@pytest.mark.parametrize(
    ("text", "betydelse", "väntat", "enhet"),
    [
        ("59,7 → 62,1", ("tidigare", "senare"), (59.7, 62.1), None),
        ("59,7 -> 62,1 %", ("tidigare", "senare"), (0.597, 0.621), "andel"),
        ("59,7 % ⇒ 62,1", ("tidigare", "senare"), (0.597, 0.621), "andel"),
        ("59,7 (62,1)", ("värde", "annat"), (59.7, 62.1), None),
        ("16,8 % (21,5%)", ("utfall", "föregående"), (0.168, 0.215), "andel"),
        ("94 (140)", ("utfall", "fg år"), (94.0, 140.0), None),
        ("från 10,6 till 7,9 procent", ("före", "efter"), (0.106, 0.079), "andel"),  # VR 408
        ("drygt 40 → knappt 50 mnkr*", ("före", "efter"), (40.0, 50.0), "mnkr"),
    ],
)
def test_tolka_par_names_the_values_as_the_caller_says(
    text: str, betydelse: tuple[str, str], väntat: tuple[float, float], enhet: str | None
) -> None:
    par = tolka_par(text, betydelse=betydelse)
    assert list(par) == list(betydelse)
    a, b = (par[n] for n in betydelse)
    assert (a.värde, b.värde) == pytest.approx(väntat, abs=1e-12)
    assert a.enhet == b.enhet == enhet


def test_tolka_par_with_a_column_unit_and_flags() -> None:
    par = tolka_par("85* (90)", betydelse=("i år", "i fjol"), enhet="%")
    assert (par["i år"].värde, par["i fjol"].värde) == (0.85, 0.9)
    assert par["i år"].fotnoter == ("*",)
    par = tolka_par("drygt 40 → knappt 50 mnkr*", betydelse=("före", "efter"))
    assert par["före"].ungefärlig
    assert par["efter"].ungefärlig
    assert par["efter"].fotnoter == ("*",)


@pytest.mark.parametrize(
    ("text", "betydelse", "fel", "ledtråd"),
    [
        ("16,8 % (21,5 mnkr)", ("a", "b"), hu.TolkningsError, "different units"),
        ("59,7 → 62,1 mnkr → 3", ("a", "b"), hu.TolkningsError, "cannot read"),
        ("59,7 och 62,1", ("a", "b"), hu.TolkningsError, "as a pair"),
        ("59,7 → 62,1", ("a", "a"), hu.OgiltigtVärdeError, "betydelse"),
        ("59,7 → 62,1", "ab", hu.OgiltigtVärdeError, "betydelse"),
        ("59,7 → 62,1", ("a",), hu.OgiltigtVärdeError, "betydelse"),
        ("59,7 → 62,1", ("a", " "), hu.OgiltigtVärdeError, "betydelse"),
    ],
)
def test_tolka_par_refuses(
    text: str, betydelse: object, fel: type[Exception], ledtråd: str
) -> None:
    with pytest.raises(fel, match=ledtråd):
        tolka_par(text, betydelse=betydelse)  # type: ignore[arg-type]


def test_tolka_jämförelse_refuses_two_units() -> None:
    # issue 12: "16,8 % (21,5 mnkr)" returned two numbers
    with pytest.raises(hu.TolkningsError, match="different units"):
        hu.tolka_jämförelse("16,8 % (21,5 mnkr)")


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("mellan 600 och 700 miljoner kronor", (600.0, 700.0)),
        ("mellan 75 och 85 procent", (0.75, 0.85)),
        ("75 till 85 %", (0.75, 0.85)),
        ("0 – 17 år", (0.0, 17.0)),
        ("18-75 år", (18.0, 75.0)),
        ("Mellan 1 och 2 dagar", (1.0, 2.0)),
    ],
)
def test_ranges_in_words(text: str, väntat: tuple[float, float]) -> None:
    assert hu.tolka_intervall(text) == pytest.approx(väntat, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "ledtråd"),
    [
        ("mellan 75 till 85 %", "'mellan' takes 'och'"),
        ("75 och 85 %", "expected a form"),
        ("mellan 85 och 75 procent", "exceeds"),
        ("mellan 600 mnkr och 700 %", "different units"),
    ],
)
def test_ranges_in_words_refused(text: str, ledtråd: str) -> None:
    with pytest.raises(hu.TolkningsError, match=ledtråd):
        hu.tolka_intervall(text)


_HÄCK = ["", "drygt ", "knappt ", "cirka ", "ca ", "omkring ", "nästan ", "runt "]


@given(
    värde=st.integers(-(10**9), 10**9),
    decimaler=st.integers(0, 3),
    enhet=st.sampled_from([None, "mnkr", "st", "dagar", "år"]),
    häck=st.sampled_from(_HÄCK),
    fotnot=st.sampled_from(["", "*", "**", " ¹²", "¹"]),
)
def test_property_formatted_numbers_read_back_with_their_marks(
    värde: int, decimaler: int, enhet: str | None, häck: str, fotnot: str
) -> None:
    x = värde / 10**decimaler
    text = häck + formatera_tal(x, decimaler, enhet=enhet) + fotnot
    t = tolka_värde(text)
    # the reference: the number from its integer digits, exactly
    assert Decimal(repr(t.värde)) == Decimal(värde) / 10**decimaler
    assert t.enhet == enhet
    assert t.ungefärlig is bool(häck)
    assert t.fotnoter == ((fotnot.strip(),) if fotnot else ())
    assert hu.tolka_tal(text) == t.värde


@given(
    a=st.integers(0, 10**6),
    b=st.integers(0, 10**6),
    pil=st.sampled_from([" → ", " -> ", "→"]),
)
def test_property_pairs_read_back(a: int, b: int, pil: str) -> None:
    text = formatera_tal(a / 10, 1) + pil + formatera_tal(b / 10, 1, enhet="%")
    par = tolka_par(text, betydelse=("före", "efter"))
    assert Decimal(repr(par["före"].värde)) == Decimal(a) / 1000
    assert Decimal(repr(par["efter"].värde)) == Decimal(b) / 1000


# --------------------------------------------------------------------------- issue 12: bad input

_LÄSARE = {
    "tolka_tal": hu.tolka_tal,
    "tolka_värde": tolka_värde,
    "tolka_belopp": hu.tolka_belopp,
    "tolka_intervall": hu.tolka_intervall,
    "tolka_jämförelse": hu.tolka_jämförelse,
    "tolka_tid": hu.tolka_tid,
    "tolka_par": lambda text: tolka_par(text, betydelse=("a", "b")),
}


@pytest.mark.parametrize("namn", sorted(_LÄSARE))
@pytest.mark.parametrize("text", ["abc", "01/12/2023", "åttio procent"])
def test_every_reader_names_itself_its_argument_and_the_text(namn: str, text: str) -> None:
    with pytest.raises(hu.TolkningsError) as fel:
        _LÄSARE[namn](text)
    meddelande = str(fel.value)
    assert meddelande.startswith(f"cannot read {text!r} as ")
    assert meddelande.endswith(f"(argument text of {namn})")


@pytest.mark.parametrize("namn", sorted(_LÄSARE))
@pytest.mark.parametrize(
    "fel_typ",
    [pd.DataFrame({"okänd": [1.0]}), object(), True, b"85"],
    ids=["frame", "object", "bool", "bytes"],
)
def test_every_reader_refuses_a_wrong_type_naming_text(namn: str, fel_typ: object) -> None:
    with pytest.raises(hu.FelTypError, match=rf"{namn}: text"):
        _LÄSARE[namn](fel_typ)


@pytest.mark.parametrize("namn", ["tolka_värde", "tolka_belopp"])
def test_scalar_readers_refuse_a_list_and_say_how_to_read_one(namn: str) -> None:
    with pytest.raises(
        hu.FelTypError, match=rf"{namn}: text .* got \[1\.0, 2\.0, 3\.0\].*tolka_tal"
    ):
        _LÄSARE[namn]([1.0, 2.0, 3.0])


@pytest.mark.parametrize(
    ("namn", "värde"),
    [
        *(
            (n, v)
            for n in ("tolka_tal", "tolka_värde", "tolka_belopp")
            for v in (math.inf, -math.inf)
        ),
        ("tolka_tal", [1.0, math.inf]),
        ("tolka_tal", np.array([1.0, -math.inf])),
    ],
    ids=str,
)
def test_infinity_is_not_a_number_read(namn: str, värde: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=rf"{namn}: text must be finite"):
        _LÄSARE[namn](värde)


def test_tolka_tal_elements_of_a_list() -> None:
    with pytest.raises(hu.FelTypError, match="each element of a list"):
        hu.tolka_tal([[1, 2], [3]])
    with pytest.raises(hu.FelTypError, match="each element of a list"):
        hu.tolka_tal(pd.Series([[1, 2], [3]]))
    np.testing.assert_array_equal(hu.tolka_tal(pd.Index(["1", "2 %"])), [1.0, 0.02])
    with pytest.raises(hu.FelTypError, match=r"tolka_tal: text must be .* got .* of type dict"):
        hu.tolka_tal({"a": 1})  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "text",
    [
        "1" * 10_000,
        "1 " * 5_000,
        "1" + " 111" * 3_000,
        "*" * 10_000 + "5",
        "1-" * 5_000,
        "mellan " + "1 " * 5_000 + "och 2",
        "drygt " * 2_000 + "x",
        "(" * 10_000,
        "85" + "%" * 10_000,
    ],
    ids=["digits", "spaced", "groups", "stars", "dashes", "mellan", "hedges", "parens", "percent"],
)
def test_ten_thousand_characters_answer_within_a_second(text: str) -> None:
    """No catastrophic backtracking: each reader answers (an error or a value) quickly."""
    import time

    for läsare in (*_LÄSARE.values(), hu.Målnivå.tolka, hu.Period.tolka):
        start = time.perf_counter()
        meddelande = ""
        try:
            läsare(text)
        except hu.HalsouppfoljningError as fel:
            meddelande = str(fel)
        assert time.perf_counter() - start < 1.0, läsare
        assert len(meddelande) < 1_000  # the text is quoted shortened


def test_digits_beyond_any_figure_are_refused_never_infinity() -> None:
    with pytest.raises(hu.TolkningsError, match="beyond any figure"):
        hu.tolka_tal("9" * 400)
    with pytest.raises(hu.TolkningsError, match="beyond any amount"):
        hu.tolka_belopp("9" * 300 + " mdkr", enhet="kr")  # 1e300 * 1e9 kr overflows


def test_nul_bytes_decomposed_letters_and_no_break_spaces() -> None:
    with pytest.raises(hu.TolkningsError, match=r"'85\\x00 %'"):
        hu.tolka_tal("85\x00 %")
    nfd = unicodedata.normalize("NFD", "mellan 75 och 85 procent")
    assert hu.tolka_intervall(nfd) == (0.75, 0.85)
    assert hu.tolka_tal("1\u00a0040\u202f679\u2009st") == 1_040_679.0


def test_tolka_jämförelse_a_unit_on_either_value_applies_to_both() -> None:
    # as tolka_par: "94 (21 %)" is 94 % against 21 %, not 94 against a share
    assert hu.tolka_jämförelse("94 (21 %)") == (0.94, 0.21)
    j = hu.tolka_jämförelse("i.u. (94)")
    assert math.isnan(j[0])
    assert j[1] == 94.0
    with pytest.raises(hu.TolkningsError, match=r"different units .* tolka_jämförelse"):
        hu.tolka_jämförelse("16,8 % (21,5 st)")


def test_tolka_tid_refuses_a_duration_beyond_ten_years() -> None:
    assert hu.tolka_tid("3653 dagar") == dt.timedelta(days=3653)
    with pytest.raises(hu.TolkningsError, match="longer than ten years"):
        hu.tolka_tid("3654 dagar")
    with pytest.raises(hu.TolkningsError, match="longer than ten years"):
        hu.tolka_tid("99999999:00:00")


def test_tolka_par_takes_a_list_of_two_names() -> None:
    par = tolka_par("59,7 → 62,1 %", betydelse=["före", "efter"])  # type: ignore[arg-type]
    assert list(par) == ["före", "efter"]
    with pytest.raises(hu.OgiltigtVärdeError, match="betydelse"):
        tolka_par("1 → 2", betydelse="ab")  # type: ignore[arg-type]


def test_a_part_of_the_text_is_named_when_it_is_the_part_that_fails() -> None:
    with pytest.raises(hu.TolkningsError, match=r"cannot read '59,7 → abc' as .*the part 'abc'"):
        tolka_par("59,7 → abc", betydelse=("a", "b"))


@given(
    namn=st.sampled_from(sorted(_LÄSARE)),
    text=st.text(alphabet="0123456789 ,.-–%()→/:*¹ abcdefghijklmnopqrstuvåäö", max_size=30),
)
def test_property_every_refusal_names_the_reader_and_its_argument(namn: str, text: str) -> None:
    """Issue 12: any text gives a value or a package error that names the reader and ``text``."""
    try:
        _LÄSARE[namn](text)
    except hu.HalsouppfoljningError as fel:
        meddelande = str(fel)
    else:
        return
    assert f"text of {namn}" in meddelande or f"{namn}: text" in meddelande, meddelande
