"""Tests of halsouppfoljning.tolka.prognos: forecasts as reports write them (Prognos.tolka)."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.tolka.prognos import tolka_prognosrevision

nan = math.nan


def test_prognos_tolka_done_when() -> None:
    p = hu.Prognos.tolka("Prognos - 890 mkr +20/-50 mnkr.")
    assert (p.värde, p.nedre, p.övre) == (-890, -940, -870)
    p = hu.Prognos.tolka("Årsprognos, -890 mnkr +20/-50 mnkr")
    assert (p.värde, p.nedre, p.övre) == (-890, -940, -870)
    assert p.enhet == "mnkr"


@pytest.mark.parametrize(
    ("text", "förväntat"),
    [
        ("-890 +20/-50 mnkr", (-890.0, -940.0, -870.0)),
        ("Helårsprognos: -890 mnkr (-50/+20)", (-890.0, -940.0, -870.0)),
        ("Årsprognos –890 mnkr +20 mnkr/–50 mnkr", (-890.0, -940.0, -870.0)),
        ("-890 mnkr ±30", (-890.0, -920.0, -860.0)),
        ("prognos −890 mnkr +20/−50", (-890.0, -940.0, -870.0)),
        ("Prognos -53,6 mnkr", (-53.6, math.nan, math.nan)),
        ("Prognos +39 mnkr", (39.0, math.nan, math.nan)),
        ("Prognos minus 890 miljoner kronor", (-890.0, math.nan, math.nan)),
        ("-890 000 tkr +20 000/-50 000 tkr", (-890.0, -940.0, -870.0)),
    ],
)
def test_prognos_tolka_forms(text: str, förväntat: tuple[float, float, float]) -> None:
    p = hu.Prognos.tolka(text)
    np.testing.assert_allclose([p.värde, p.nedre, p.övre], förväntat, equal_nan=True)


def test_prognos_tolka_fields_and_unit() -> None:
    p = hu.Prognos.tolka(
        "Prognos -890 mnkr +20/-50 mnkr",
        enhet="tkr",
        avser="helår 2023",
        upprättad="2023-02",
        budget=0.0,
        föregående=-800_000,
        metod="bedömning",
    )
    assert (p.värde, p.nedre, p.övre) == (-890_000, -940_000, -870_000)
    assert p.upprättad == dt.date(2023, 2, 28)
    assert p.revidering == -90_000
    assert p.metod == "bedömning"


@pytest.mark.parametrize(
    ("text", "fel"),
    [
        ("prognos", "holds no amount"),
        ("Prognos -890 +20/+50", "one upside"),
        ("Prognos åttahundra", "is not an amount"),
        ("-890 % +20/-50", "is not an amount"),
    ],
)
def test_prognos_tolka_errors(text: str, fel: str) -> None:
    with pytest.raises(hu.TolkningsError, match=fel):
        hu.Prognos.tolka(text)
    with pytest.raises(hu.FelTypError):
        hu.Prognos.tolka(-890)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- prose (issue 13)


@pytest.mark.parametrize(
    ("text", "förväntat"),
    [
        ("Prognosen för helåret justerades till -250 miljoner kronor", (-250.0, nan, nan)),
        ("Prognosen för helåret justerades till -250 miljoner kronor.", (-250.0, nan, nan)),
        ("Helårsprognosen uppgår till -53,6 mnkr", (-53.6, nan, nan)),
        ("Prognosen är -890 mnkr +20/-50 mnkr", (-890.0, -940.0, -870.0)),
        ("Prognosen bedöms till minus 890 miljoner kronor", (-890.0, nan, nan)),
        ("en prognos på minus 890 miljoner kronor", (-890.0, nan, nan)),
        ("ett prognostiserat överskott på 120 mnkr", (120.0, nan, nan)),
        ("Ett prognostiserat överskott på 120 mnkr.", (120.0, nan, nan)),
        ("ett underskott på 40 mnkr", (-40.0, nan, nan)),
        ("prognosen visar ett underskott om 12,5 mnkr", (-12.5, nan, nan)),
        ("ett underskott på 40 000 tkr", (-40.0, nan, nan)),
        ("mellan -900 och -850 mnkr", (nan, -900.0, -850.0)),
        ("mellan -900 mnkr och -850 mnkr", (nan, -900.0, -850.0)),
        ("Prognosen ligger mellan -900 och -850 mnkr", (nan, -900.0, -850.0)),
        ("Prognosintervall mellan -900 och -850 mnkr", (nan, -900.0, -850.0)),
        # the word gives the sign: a deficit of 40 to 60 is -60 to -40
        ("ett underskott på mellan 40 och 60 mnkr", (nan, -60.0, -40.0)),
        ("ett överskott på mellan 10 och 30 mnkr", (nan, 10.0, 30.0)),
    ],
)
def test_prognos_in_prose(text: str, förväntat: tuple[float, float, float]) -> None:
    p = hu.Prognos.tolka(text)
    np.testing.assert_allclose([p.värde, p.nedre, p.övre], förväntat, equal_nan=True)
    assert p.enhet == "mnkr"


@pytest.mark.parametrize(
    ("text", "revision"),
    [
        ("prognosen har försämrats med 35 mnkr", -35.0),
        ("Prognosen har förbättrats med 35 mnkr", 35.0),
        ("Helårsprognosen försämrades med 12,5 miljoner kronor.", -12.5),
        ("prognosen har sänkts med 20 mnkr", -20.0),
        ("prognosen har höjts med 20 mnkr", 20.0),
        ("Prognosen har förbättrats med 12 mnkr jämfört med föregående månad", 12.0),
        ("prognosen har försämrats med 35 mnkr sedan förra prognosen", -35.0),
    ],
)
def test_revision_in_prose(text: str, revision: float) -> None:
    assert tolka_prognosrevision(text) == revision
    # with the previous forecast the new one is the previous one plus the revision
    p = hu.Prognos.tolka(text, föregående=-215.0)
    assert p.värde == pytest.approx(-215.0 + revision)
    assert p.föregående == -215.0
    assert p.revidering == pytest.approx(revision)
    # the previous forecast may be a Prognos
    förra = hu.Prognos(värde=-215.0, nedre=-230.0, övre=-200.0)
    assert hu.Prognos.tolka(text, föregående=förra).värde == pytest.approx(-215.0 + revision)


def test_revision_in_tkr() -> None:
    assert tolka_prognosrevision("prognosen har försämrats med 35 mnkr", enhet="tkr") == -35_000


def test_västmanland_forecast_and_its_revision() -> None:
    # Region Västmanland, Månadsrapport februari 2023 (tests/data/seeds), lines 16-17:
    # "lägga en prognos på minus 890 miljoner kronor, vilket är en försämring mot
    # tidigare beräknat minus 800 miljoner"
    förra = hu.Prognos.tolka("minus 800 miljoner")
    p = hu.Prognos.tolka("en prognos på minus 890 miljoner kronor", föregående=förra)
    assert (p.värde, p.föregående, p.revidering) == (-890.0, -800.0, -90.0)


def test_interval_alone_round_trips() -> None:
    p = hu.Prognos.tolka("mellan -900 och -850 mnkr")
    assert str(p) == "mellan -900 och -850 mnkr"
    q = hu.Prognos.tolka(str(p))
    assert (math.isnan(q.värde), q.intervall) == (True, (-900.0, -850.0))
    assert str(hu.Prognos(värde=nan, nedre=-900.5, övre=-850)) == "mellan -900,5 och -850,0 mnkr"


@pytest.mark.parametrize(
    ("text", "fel"),
    [
        ("prognosen har försämrats med 35 mnkr", "pass föregående="),
        ("ett underskott på -40 mnkr", "without a sign"),
        ("ett underskott på mellan -40 och -60 mnkr", "without a sign"),
        ("mellan -800 och -900 mnkr", "lower end -800 exceeds"),
        ("prognosen har försämrats med -35 mnkr", "without a sign"),
        ("prognosen har försämrats med 35 mnkr +5/-5", "one amount"),
        ("ett överskott på mycket", "is not an amount"),
        ("Prognosen justerades till ungefär noll", "is not an amount"),
    ],
)
def test_prose_errors(text: str, fel: str) -> None:
    with pytest.raises(hu.TolkningsError, match=fel):
        hu.Prognos.tolka(text)


def test_revision_errors() -> None:
    with pytest.raises(hu.TolkningsError, match="expected a form such as"):
        tolka_prognosrevision("Prognos -890 mnkr")
    with pytest.raises(hu.FelTypError):
        tolka_prognosrevision(35)  # type: ignore[arg-type]
    with pytest.raises(hu.TolkningsError, match="pass föregående="):
        hu.Prognos.tolka("prognosen har förbättrats med 5 mnkr", föregående=None)


@given(
    nedre=st.integers(-5000, 5000),
    bredd=st.integers(0, 500),
)
def test_property_interval_in_words_round_trip(nedre: int, bredd: int) -> None:
    text = f"mellan {nedre} och {nedre + bredd} mnkr"
    p = hu.Prognos.tolka(text)
    assert p.intervall == (float(nedre), float(nedre + bredd))
    assert hu.Prognos.tolka(str(p)).intervall == p.intervall


@given(belopp=st.integers(1, 5000), överskott=st.booleans())
def test_property_sign_from_the_word(belopp: int, överskott: bool) -> None:
    ord_ = "överskott" if överskott else "underskott"
    p = hu.Prognos.tolka(f"ett prognostiserat {ord_} på {belopp} mnkr")
    assert p.värde == (belopp if överskott else -belopp)


# --------------------------------------------------------------------------- issue 12: bad input


@pytest.mark.parametrize(
    ("anrop", "fel", "ord_"),
    [
        pytest.param(
            lambda: hu.Prognos.tolka("abc"),
            hu.TolkningsError,
            ("Prognos.tolka", "the text 'abc'"),
            id="not a forecast",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("01/12/2023"),
            hu.TolkningsError,
            ("Prognos.tolka", "text '01/12/2023'"),
            id="a slash date",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka(None),
            hu.FelTypError,
            ("Prognos.tolka: text", "None"),
            id="None",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("Prognos -"),
            hu.TolkningsError,
            ("Prognos.tolka", "'Prognos -'", "missing marker"),
            id="only a missing marker",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("-890 mnkr", enhet="%"),
            hu.OgiltigtVärdeError,
            ("Prognos.tolka: enhet", "'%'"),
            id="enhet not money",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("-890 mnkr", budget="abc"),
            hu.FelTypError,
            ("Prognos.budget", "'abc'"),
            id="budget text",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("-890 mnkr", föregående=math.inf),
            hu.OgiltigtVärdeError,
            ("Prognos.föregående", "inf"),
            id="föregående inf",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("prognosen har försämrats med 35 mnkr", föregående="abc"),
            hu.FelTypError,
            ("Prognos.tolka: föregående", "'abc'"),
            id="revision with föregående as text",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("prognosen har försämrats med 35 mnkr", föregående=[1, 2]),
            hu.FelTypError,
            ("Prognos.tolka: föregående",),
            id="revision with föregående as a list",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka(
                "prognosen har försämrats med 35 mnkr",
                föregående=hu.Prognos(värde=1.0, enhet="tkr"),
            ),
            hu.OgiltigtVärdeError,
            ("Prognos.föregående", "'tkr'"),
            id="revision of a forecast in another unit",
        ),
        pytest.param(
            lambda: hu.Prognos.tolka("Prognos 999999999999999 mnkr"),
            hu.OgiltigtVärdeError,
            ("Prognos.värde", "mnkr"),
            id="an absurd amount",
        ),
        pytest.param(
            lambda: tolka_prognosrevision("abc"),
            hu.TolkningsError,
            ("tolka_prognosrevision", "text 'abc'"),
            id="revision not a revision",
        ),
        pytest.param(
            lambda: tolka_prognosrevision("prognosen har försämrats med -35 mnkr"),
            hu.TolkningsError,
            ("tolka_prognosrevision", "without a sign"),
            id="revision with a sign",
        ),
        pytest.param(
            lambda: tolka_prognosrevision("prognosen har försämrats med 35 mnkr", enhet="x"),
            hu.OgiltigtVärdeError,
            ("tolka_prognosrevision: enhet", "'x'"),
            id="revision enhet not money",
        ),
    ],
)
def test_bad_input_names_the_argument(
    anrop: object, fel: type[Exception], ord_: tuple[str, ...]
) -> None:
    with pytest.raises(fel) as info:
        anrop()  # type: ignore[operator]
    assert isinstance(info.value, hu.HalsouppfoljningError)
    for o in ord_:
        assert o in str(info.value), (o, str(info.value))


def test_tolka_unit_in_any_case_and_revision_of_a_forecast() -> None:
    p = hu.Prognos.tolka("-890 mnkr +20/-50 mnkr", enhet="TKR")
    assert (p.värde, p.nedre, p.övre, p.enhet) == (-890_000.0, -940_000.0, -870_000.0, "tkr")
    # a revision of a previous Prognos: -215 - 35 = -250
    q = hu.Prognos.tolka("prognosen har försämrats med 35 mnkr", föregående=hu.Prognos(värde=-215))
    assert q.värde == -250.0


def test_an_unreadable_part_is_quoted_with_the_whole_text() -> None:
    with pytest.raises(hu.TolkningsError, match=r"'35 %'.*\(in the text 'prognosen har"):
        hu.Prognos.tolka("prognosen har försämrats med 35 %", föregående=-215)
    with pytest.raises(hu.TolkningsError, match=r"tolka_prognosrevision: .*\(in the text"):
        tolka_prognosrevision("prognosen har försämrats med 35 %")


def test_a_revision_of_an_infinite_forecast_is_refused() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Prognos\.tolka: föregående must be finite"):
        hu.Prognos.tolka("prognosen har försämrats med 35 mnkr", föregående=math.inf)
