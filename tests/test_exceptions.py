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
