"""The error hierarchy of DESIGN.md section 2: package base plus the matching built-in."""

from __future__ import annotations

import warnings

import pytest

import halsouppfoljning as hu


@pytest.mark.parametrize(
    ("fel", "inbyggd"),
    [
        (hu.TolkningsError, ValueError),
        (hu.OgiltigtVärdeError, ValueError),
        (hu.AndelsError, ValueError),
        (hu.FelTypError, TypeError),
        (hu.OkändRegionError, KeyError),
        (hu.SaknadKolumnError, KeyError),
        (hu.SaknatTilläggError, ImportError),
    ],
)
def test_every_error_is_a_package_error_and_a_builtin(
    fel: type[Exception], inbyggd: type[Exception]
) -> None:
    assert issubclass(fel, hu.HalsouppfoljningError)
    assert issubclass(fel, inbyggd)
    with pytest.raises(inbyggd, match="meddelande"):
        raise fel("meddelande")


def test_andelserror_is_an_invalid_value() -> None:
    assert issubclass(hu.AndelsError, hu.OgiltigtVärdeError)


def test_keyerrors_print_their_message_without_quotes() -> None:
    # A plain KeyError prints repr() of its argument: "'text'". Ours print the text.
    assert str(hu.OkändRegionError("unknown region 'x'")) == "unknown region 'x'"
    assert str(hu.SaknadKolumnError("column 'a' is missing")) == "column 'a' is missing"
    assert str(KeyError("x")) == "'x'"


def test_warnings_are_user_warnings() -> None:
    assert issubclass(hu.UnderlagsVarning, hu.HalsouppfoljningWarning)
    assert issubclass(hu.HalsouppfoljningWarning, UserWarning)
    with warnings.catch_warnings(record=True) as fångade:
        warnings.simplefilter("always")
        warnings.warn("tunt underlag", hu.UnderlagsVarning, stacklevel=1)
    assert fångade[0].category is hu.UnderlagsVarning


def test_share_check_asks_did_you_pass_percent() -> None:
    from halsouppfoljning._indata import kontrollera_andel

    with pytest.raises(hu.AndelsError, match=r"did you pass percent\? 78\.8 % is the share 0\.788"):
        kontrollera_andel([0.5, 78.8], "utfall")
    with pytest.raises(hu.AndelsError, match=r"got -0\.1"):
        kontrollera_andel(-0.1, "utfall")
    kontrollera_andel([0.0, 1.0, float("nan")], "utfall")  # bounds and NaN pass


def test_column_check_names_the_column_and_lists_existing() -> None:
    from halsouppfoljning._indata import kontrollera_kolumner

    with pytest.raises(
        hu.SaknadKolumnError, match=r"column 'väntetid' is not in the data.*'start'"
    ):
        kontrollera_kolumner(["start", "slut"], ["start", "väntetid"], "väntetidsandelar")
    # NFD spelling of an existing column is accepted
    kontrollera_kolumner(["väntetid"], ["va\u0308ntetid"], "väntetidsandelar")


# ------------------------------------------------ messages of the input layer (issue 12)


def test_boolean_message_says_what_to_write() -> None:
    from halsouppfoljning._indata import boolesk

    with pytest.raises(hu.FelTypError, match=r"^egen_regi must be True or False, got 'nej'.*False"):
        boolesk("nej", "egen_regi")
    with pytest.raises(hu.FelTypError, match=r"got 1 of type int; pass True or False"):
        boolesk(1, "egen_regi")


def test_quoted_values_are_one_short_line() -> None:
    import pandas as pd

    from halsouppfoljning._indata import kort, text

    ram = pd.DataFrame({"a": range(100)})
    assert "\n" not in kort(ram)
    assert len(kort(ram)) <= 60
    with pytest.raises(hu.FelTypError) as fel:
        text(ram, "Nämnd.namn")
    assert "\n" not in str(fel.value)
    assert str(fel.value).startswith("Nämnd.namn must be text (str), got ")


def test_whole_number_messages_give_a_fix() -> None:
    from halsouppfoljning._indata import heltal

    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"must be a whole number, got 2023\.7; pass an int"
    ):
        heltal(2023.7, "år")
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"at most 2199, got 10000; pass a value of 2199"
    ):
        heltal(10_000, "år", högst=2199)
    # a large int is compared exactly, not through a float
    assert heltal(2**70, "n") == 2**70


def test_series_are_matched_by_label_or_refused() -> None:
    import pandas as pd

    from halsouppfoljning._indata import samma_etiketter

    a = pd.Series([1.0, 2.0], index=["x", "y"])
    assert samma_etiketter(a, pd.Series([2.0, 1.0], index=["y", "x"]), "a", "b", "f").tolist() == [
        1.0,
        2.0,
    ]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^f: a and b have different indexes"):
        samma_etiketter(a, pd.Series([1.0, 2.0], index=["x", "z"]), "a", "b", "f")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^f: a has length 2 but b has length 3"):
        samma_etiketter(a, [1.0, 2.0, 3.0], "a", "b", "f")
    assert samma_etiketter(a, 3.0, "a", "b", "f") == 3.0


def test_dates_outside_1900_2199_are_refused_where_counted() -> None:
    import datetime as dt

    from halsouppfoljning._indata import rimligt_datum

    assert rimligt_datum("1900-01-01", "slutdatum") == dt.date(1900, 1, 1)
    assert rimligt_datum("2199-12-31", "slutdatum") == dt.date(2199, 12, 31)
    for fel in ("1899-12-31", "2200-01-01", "9999-01-01"):
        with pytest.raises(hu.OgiltigtVärdeError, match=r"^slutdatum .* check the year"):
            rimligt_datum(fel, "slutdatum")


# --------------------------------------------------------------------------- issue 12, wave 3


def test_tal_refuses_a_frame_with_a_column_twice() -> None:
    import pandas as pd

    dubbel = pd.DataFrame([[1.0, 2.0]], columns=["a", "a"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^budgetavvikelse: utfall has the column"):
        hu.budgetavvikelse(dubbel, 0.5, relativ=False)
    from halsouppfoljning._indata import tal

    with pytest.raises(hu.OgiltigtVärdeError, match=r"^x has the column\(s\) \['a'\] more"):
        tal(dubbel, "x")


def test_a_ragged_nested_list_is_an_error_naming_the_argument() -> None:
    with pytest.raises(hu.FelTypError, match=r"^trend: utfall must be a number or a flat"):
        hu.trend([[1.0, 2.0], [3.0]], [1.0, 2.0], riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    with pytest.raises(hu.FelTypError, match=r"^trend: referens must be a number or a flat"):
        hu.trend([1.0, 2.0], [[1.0, 2.0], [3.0]], riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)


def test_complex_numbers_are_refused_not_cast_to_real() -> None:
    import numpy as np
    import pandas as pd

    from halsouppfoljning._indata import tal_array

    with pytest.raises(hu.FelTypError, match=r"^budgetavvikelse: utfall must be real numbers"):
        hu.budgetavvikelse(np.complex64(1 + 2j), 0.5, relativ=False)
    with pytest.raises(hu.FelTypError, match=r"årsbudget must be real numbers"):
        hu.ackumulerad_budget(np.array([1200 + 5j]), 2)
    with pytest.raises(hu.FelTypError, match=r"^x must be real numbers, got complex"):
        tal_array(pd.Series([1 + 2j]), "x")
    with pytest.raises(hu.FelTypError, match=r"^x must be real numbers, got \(1\+2j\) \(row 'b'\)"):
        tal_array(pd.Series([1.0, 1 + 2j], index=["a", "b"], dtype=object), "x")


def test_a_column_message_quotes_the_first_bad_cell_and_its_row() -> None:
    import pandas as pd

    from halsouppfoljning._indata import tal_array

    kolumn = pd.Series([30.0, "10,0", 95.0], name="väntetid", dtype=object)
    with pytest.raises(hu.FelTypError) as fel:
        tal_array(kolumn, "column 'väntetid'")
    meddelande = str(fel.value)
    assert "got '10,0' (row 1) of type str" in meddelande
    assert "dtype: object" not in meddelande
    assert "Series" not in meddelande
    # booleans in an object column were read as 1.0 and 0.0
    with pytest.raises(hu.FelTypError, match=r"got True \(row 0\) of type bool"):
        tal_array(pd.Series([True, 1.0], dtype=object), "x")
    with pytest.raises(hu.FelTypError, match=r"got values of dtype category; convert them"):
        tal_array(pd.Series([1, 2], dtype="category"), "x")
    with pytest.raises(hu.FelTypError, match=r"got Timestamp.* \(row 0\) of type Timestamp"):
        tal_array(pd.Series(pd.to_datetime(["2023-01-01"])), "x")


def test_skalär_infinity_message_gives_the_fix() -> None:
    from halsouppfoljning._indata import skalär

    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"^budget must be finite, got inf; give a finite"
    ):
        skalär(float("inf"), "budget")


@pytest.mark.parametrize("år", ["2300-06-01", "1600-01-01", "1800-01-01", "2200-06-01"])
def test_datumkolumn_refuses_dates_outside_the_span_before_the_cast(år: str) -> None:
    import numpy as np
    import pandas as pd

    from halsouppfoljning._indata import datumkolumn

    # datetime64[s] holds these; a cast to nanoseconds would wrap 2300 to 1715
    kolumn = pd.Series(np.array(["2023-01-01", år], dtype="datetime64[s]"), index=["x", "y"])
    with pytest.raises(
        hu.OgiltigtVärdeError, match=rf"^f: column 'datum' has the date {år} in row 'y'"
    ):
        datumkolumn(kolumn, "datum", "f")
    with pytest.raises(hu.OgiltigtVärdeError, match=rf"has the date {år}"):
        datumkolumn(kolumn.dt.tz_localize("UTC"), "datum", "f")
    assert datumkolumn(kolumn.iloc[:1], "datum", "f").astype(str).tolist() == [
        "2023-01-01T00:00:00.000000000"
    ]


def test_samma_tidszonsslag() -> None:
    import datetime as dt

    import pandas as pd

    from halsouppfoljning._indata import samma_tidszonsslag

    naiv = pd.Series(pd.to_datetime(["2023-01-01 10:00"]))
    zon = naiv.dt.tz_localize("UTC")
    samma_tidszonsslag({"a": naiv, "b": "2023-02-01", "c": dt.date(2023, 1, 1)}, "f")
    samma_tidszonsslag({"a": zon, "b": "2023-02-01T00:00Z", "c": None}, "f")
    samma_tidszonsslag({"a": pd.Series([None, dt.date(2023, 1, 1)], dtype=object)}, "f")
    fall = [
        ({"a": zon, "b": naiv}, "a has a time zone but b has none"),
        ({"a": naiv, "b": "2023-02-01T10:00+01:00"}, "b has a time zone but a has none"),
        ({"a": pd.Timestamp("2023-01-01", tz="UTC"), "b": dt.datetime(2023, 1, 2)}, "a has"),
        ({"a": pd.Series([pd.Timestamp("2023-01-01", tz="UTC")], dtype=object), "b": naiv}, "a"),
        ({"a": zon, "b": pd.Index(naiv)}, "a has a time zone"),
        ({"a": zon, "b": pd.Timestamp("2023-01-01").to_datetime64()}, "a has a time zone"),
    ]
    for värden, text in fall:
        with pytest.raises(hu.OgiltigtVärdeError, match=rf"^f: {text}.*give both with a zone"):
            samma_tidszonsslag(värden, "f")


def test_nat_is_not_a_missing_number() -> None:
    import pandas as pd

    from halsouppfoljning._indata import skalär

    # issue 12: pd.NaT was read as a missing amount (NaN)
    with pytest.raises(hu.FelTypError, match=r"^punkt must be a number, got NaT"):
        skalär(pd.NaT, "punkt", saknas=True)
    with pytest.raises(hu.FelTypError, match=r"^Tal\.värde must be a number, got NaT"):
        hu.Tal(värde=pd.NaT)
    assert str(skalär(None, "punkt", saknas=True)) == "nan"


def test_med_funktionsnamn_keeps_type_and_the_readers_attributes() -> None:
    """The function's name goes in front once; orsak/rad/kolumn of a reader error survive."""
    from halsouppfoljning._indata import med_funktionsnamn

    @med_funktionsnamn("f")
    def f(text: str) -> None:
        fel = hu.TolkningsError(text)
        fel.orsak, fel.rad, fel.kolumn = "csv", 3, "utfall"  # type: ignore[attr-defined]
        raise fel

    with pytest.raises(hu.TolkningsError) as info:
        f("line 3: bad")
    assert str(info.value) == "f: line 3: bad"
    assert (info.value.orsak, info.value.rad, info.value.kolumn) == ("csv", 3, "utfall")  # type: ignore[attr-defined]
    with pytest.raises(hu.TolkningsError, match=r"^f: already named$"):
        f("f: already named")


def test_errors_through_public_functions_name_them() -> None:
    """Checks deep inside name the public function the caller used (issue 12, point 5)."""
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^måluppfyllelse: .*utfall"):
        hu.måluppfyllelse(float("inf"), hu.Målnivå.tolka("≥ 80 %"))
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^trend: .*tröskel"):
        hu.trend(0.9, 0.8, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, tröskel=-0.05)
    with pytest.raises(hu.FelTypError, match=r"Indikator\.enhet"):
        hu.Indikator(id="x", namn="x", enhet=True)
    with pytest.raises(hu.FelTypError, match=r"Målnivå\.riktning"):
        hu.Målnivå(typ=hu.Måltyp.GRÄNS, operator=">=", gräns=0.8, riktning="uppåt")
