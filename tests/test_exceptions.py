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
