"""Tests of halsouppfoljning.tolka.perioder: periods as reports write them (Period.tolka)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.tolka.perioder import MÅNADER_I_TEXT, tolka_period

F = hu.Periodform


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# Expected first and last days written by hand from the calendar (ISO weeks from
# the ISO 8601 rule: week 1 holds the year's first Thursday; 2024-01-01 is a Monday).
@pytest.mark.parametrize(
    ("text", "start", "slut", "form"),
    [
        ("2023-02", "2023-02-01", "2023-02-28", F.MÅNAD),
        ("februari 2023", "2023-02-01", "2023-02-28", F.MÅNAD),
        ("FEBRUARI  2023", "2023-02-01", "2023-02-28", F.MÅNAD),
        ("feb. 2024", "2024-02-01", "2024-02-29", F.MÅNAD),
        ("T1 2023", "2023-01-01", "2023-04-30", F.TERTIAL),
        ("tertial 3 2023", "2023-09-01", "2023-12-31", F.TERTIAL),
        ("andra tertialet 2023", "2023-05-01", "2023-08-31", F.TERTIAL),
        ("Q2 2023", "2023-04-01", "2023-06-30", F.KVARTAL),
        ("kvartal 2 2023", "2023-04-01", "2023-06-30", F.KVARTAL),
        ("kv 4 2023", "2023-10-01", "2023-12-31", F.KVARTAL),
        ("andra kvartalet 2023", "2023-04-01", "2023-06-30", F.KVARTAL),
        ("fjärde kvartalet 2023", "2023-10-01", "2023-12-31", F.KVARTAL),
        ("2023Q1", "2023-01-01", "2023-03-31", F.KVARTAL),
        ("Delår 2023", "2023-01-01", "2023-08-31", F.DELÅR),
        ("Delår jan-aug 2023", "2023-01-01", "2023-08-31", F.DELÅR),
        ("Helår 2023", "2023-01-01", "2023-12-31", F.HELÅR),
        ("helåret 2023", "2023-01-01", "2023-12-31", F.HELÅR),
        ("År 2023", "2023-01-01", "2023-12-31", F.HELÅR),
        ("basår 2019", "2019-01-01", "2019-12-31", F.HELÅR),
        ("2023", "2023-01-01", "2023-12-31", F.HELÅR),
        ("januari–juli 2023", "2023-01-01", "2023-07-31", F.MÅNADER),
        ("jan-jun 2024", "2024-01-01", "2024-06-30", F.MÅNADER),
        ("januari - december 2023", "2023-01-01", "2023-12-31", F.MÅNADER),
        ("januari t.o.m. juli 2023", "2023-01-01", "2023-07-31", F.MÅNADER),
        ("september 2022 till augusti 2023", "2022-09-01", "2023-08-31", F.MÅNADER),
        ("nov 2022 – okt 2023", "2022-11-01", "2023-10-31", F.MÅNADER),
        ("R12 juli 2023", "2022-08-01", "2023-07-31", F.RULLANDE),
        ("R12 2023-07", "2022-08-01", "2023-07-31", F.RULLANDE),
        ("R18 december 2023", "2022-07-01", "2023-12-31", F.RULLANDE),
        ("senaste tolv månaderna t.o.m. juli 2023", "2022-08-01", "2023-07-31", F.RULLANDE),
        ("rullande 12 månader till och med juli 2023", "2022-08-01", "2023-07-31", F.RULLANDE),
        ("2016–2023", "2016-01-01", "2023-12-31", F.ÅR),
        ("2023-2025", "2023-01-01", "2025-12-31", F.ÅR),
        ("2016 till 2023", "2016-01-01", "2023-12-31", F.ÅR),
        ("vecka 5 2024", "2024-01-29", "2024-02-04", F.VECKA),
        ("v. 5 2024", "2024-01-29", "2024-02-04", F.VECKA),
        ("v5 2024", "2024-01-29", "2024-02-04", F.VECKA),
        ("2024-W05", "2024-01-29", "2024-02-04", F.VECKA),
        ("vecka 1 2021", "2021-01-04", "2021-01-10", F.VECKA),  # 2021-01-01 is a Friday
        ("vecka 53 2020", "2020-12-28", "2021-01-03", F.VECKA),  # ISO year 2020 has 53 weeks
        ("2024-01-03–2024-01-10", "2024-01-03", "2024-01-10", F.DAGAR),
        ("2024-01-03 till 2024-01-10", "2024-01-03", "2024-01-10", F.DAGAR),
    ],
)
def test_period_forms(text: str, start: str, slut: str, form: hu.Periodform) -> None:
    p = hu.Period.tolka(text)
    assert (p.start.date(), p.slut.date(), p.form) == (d(start), d(slut), form)
    assert hu.Period.tolka(str(p)) == p
    assert hu.Period.tolka(str(p)).form is p.form


@pytest.mark.parametrize(
    ("text", "väntat"),
    [
        ("2023-02", hu.Period.månad(2023, 2)),
        ("T1 2023", hu.Period.tertial(2023, 1)),
        ("tertial 3 2023", hu.Period.tertial(2023, 3)),
        ("Delår 2023", hu.Period.delår(2023)),
        ("Helår 2023", hu.Period.helår(2023)),
        ("2023", hu.Period.helår(2023)),
        ("Q2 2023", hu.Period.kvartal(2023, 2)),
        ("vecka 5 2024", hu.Period.vecka(2024, 5)),
        ("R12 juli 2023", hu.Period.rullande(2023, 7)),
        ("2016–2023", hu.Period.åren(2016, 2023)),
        ("januari–juli 2023", hu.Period.spann("2023-01", "2023-07")),
    ],
)
def test_period_tolka_and_round_trip(text: str, väntat: hu.Period) -> None:
    p = hu.Period.tolka(text)
    assert p == väntat
    assert hu.Period.tolka(str(p)) == p
    assert tolka_period(text) == p


@pytest.mark.parametrize(
    ("text", "fel"),
    [
        ("juli", "expected a form such as"),  # a month without its year is not guessed
        ("tertial 1", "expected a form such as"),
        ("januari och februari", "expected a form such as"),
        ("maj föregående år", "expected a form such as"),
        ("vecka 5", "expected a form such as"),
        ("Q5 2023", "expected a form such as"),
        ("2023-13", "there is no month 13: it is numbered 1-12"),
        ("vecka 54 2024", "there is no week 54"),
        ("vecka 53 2021", "has no week 53"),
        ("juli–januari 2023", "ends before it starts"),
        ("2023–2016", "the last year 2016 is before the first 2023"),
        ("2024-01-10–2024-01-03", "the last day 2024-01-03 is before the first"),
        ("R0 juli 2023", "rolling window of 0 months: write 1-120"),
        ("1899", "the year 1899 is outside 1900-2199"),
        ("2200", "the year 2200 is outside 1900-2199"),
        ("R12 juli 1900", "the 12 months ending 1900-07 start in 1899, before 1900"),
        ("2023-02-29–2023-03-01", "2023-02-29 is not a day of the calendar"),
        ("2024-01-01–2300-01-01", "the year 2300 is outside"),
        ("2023-W54", "there is no week 54"),
        ("", "expected a form such as"),
    ],
)
def test_period_refused(text: str, fel: str) -> None:
    with pytest.raises(hu.TolkningsError, match=fel) as info:
        hu.Period.tolka(text)
    assert repr(text) in str(info.value)
    assert "(argument text of Period.tolka)" in str(info.value)  # issue 12: names the argument
    assert "nummer" not in str(info.value)  # never an argument the caller did not pass


def test_period_not_text() -> None:
    with pytest.raises(hu.FelTypError, match=r"Period\.tolka: text"):
        hu.Period.tolka(2023)  # type: ignore[arg-type]


def test_month_names() -> None:
    assert MÅNADER_I_TEXT["januari"] == 1
    assert MÅNADER_I_TEXT["sept"] == MÅNADER_I_TEXT["sep"] == 9
    assert len(set(MÅNADER_I_TEXT.values())) == 12


# --------------------------------------------------------------------------- round trips

år = st.integers(1990, 2100)
månad = st.integers(1, 12)


@st.composite
def perioder(draw: st.DrawFn) -> hu.Period:
    val = draw(st.integers(0, 9))
    å = draw(år)
    if val == 0:
        return hu.Period.månad(å, draw(månad))
    if val == 1:
        return hu.Period.tertial(å, draw(st.integers(1, 3)))
    if val == 2:
        return hu.Period.kvartal(å, draw(st.integers(1, 4)))
    if val == 3:
        return hu.Period.delår(å)
    if val == 4:
        return hu.Period.helår(å)
    if val == 5:
        veckor = dt.date(å, 12, 28).isocalendar()[1]  # 28 December is always in the last week
        return hu.Period.vecka(å, draw(st.integers(1, veckor)))
    if val == 6:
        return hu.Period.rullande(å, draw(månad), draw(st.integers(1, 36)))
    if val == 7:
        return hu.Period.åren(å, å + draw(st.integers(0, 30)))
    if val == 8:
        a = dt.date(å, draw(månad), 1)
        b = draw(st.dates(min_value=a, max_value=dt.date(å + 3, 12, 31)))
        return hu.Period.spann(a, b)
    a = draw(st.dates(min_value=dt.date(å, 1, 1), max_value=dt.date(å, 12, 31)))
    return hu.Period.dagar(a, a + dt.timedelta(days=draw(st.integers(0, 800))))


@given(p=perioder())
def test_property_round_trip(p: hu.Period) -> None:
    q = hu.Period.tolka(str(p))
    assert q == p
    assert (q.start, q.slut) == (p.start, p.slut)
    # a span of days that happens to be whole months reads back as months
    if p.form is not F.DAGAR:
        assert q.form is p.form
        assert q.nummer == p.nummer
    assert str(q) == str(p) or p.form is F.DAGAR


@given(p=perioder())
def test_property_round_trip_in_upper_case_and_spaces(p: hu.Period) -> None:
    assert hu.Period.tolka("  " + str(p).upper().replace(" ", "\u00a0 ") + " ") == p


_PERIODTECKEN = "0123456789 -–/.:QqTtWwRrvV" + "januarifebmsptokdcelhåäöy"


@given(st.text(alphabet=_PERIODTECKEN, max_size=40))
def test_property_any_text_gives_a_period_or_a_package_error_naming_text(text: str) -> None:
    """Issue 12: no internal error, and every refusal names the reader and its argument."""
    try:
        p = hu.Period.tolka(text)
    except hu.HalsouppfoljningError as fel:
        meddelande = str(fel)
    else:
        assert hu.Period.tolka(str(p)) == p
        assert 1900 <= p.start.year <= p.slut.year <= 2199
        return
    assert "(argument text of Period.tolka)" in meddelande


@given(
    år=st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=True), st.booleans()),
    nummer=st.one_of(st.integers(-(10**6), 10**6), st.floats(allow_nan=True)),
)
def test_property_the_named_constructors_give_a_period_or_a_package_error(
    år: object, nummer: object
) -> None:
    for konstruktör in (hu.Period.månad, hu.Period.tertial, hu.Period.kvartal, hu.Period.vecka):
        try:
            p = konstruktör(år, nummer)  # type: ignore[arg-type]
        except hu.HalsouppfoljningError as fel:
            meddelande = str(fel)
        else:
            assert p.nummer == nummer
            assert p.år == år
            continue
        assert konstruktör.__qualname__ in meddelande
