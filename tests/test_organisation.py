"""Tests of halsouppfoljning.organisation.

Expected codes come from ../shared/DOMAIN.md section 1 (SCB länskod, Kolada id,
ISO 3166-2:SE), typed into the test independently of the bundled CSV.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.organisation import är_riket

from .strategies import regioner, slumpa_skiftläge_och_form

# länskod, namn, Kolada, ISO, as printed in DOMAIN.md section 1 (independent of data/regioner.csv)
DOMÄNTABELL = [
    ("01", "Region Stockholm", "0001", "SE-AB"),
    ("03", "Region Uppsala", "0003", "SE-C"),
    ("04", "Region Sörmland", "0004", "SE-D"),
    ("05", "Region Östergötland", "0005", "SE-E"),
    ("06", "Region Jönköpings län", "0006", "SE-F"),
    ("07", "Region Kronoberg", "0007", "SE-G"),
    ("08", "Region Kalmar län", "0008", "SE-H"),
    ("09", "Region Gotland", "0009", "SE-I"),
    ("10", "Region Blekinge", "0010", "SE-K"),
    ("12", "Region Skåne", "0012", "SE-M"),
    ("13", "Region Halland", "0013", "SE-N"),
    ("14", "Västra Götalandsregionen", "0014", "SE-O"),
    ("17", "Region Värmland", "0017", "SE-S"),
    ("18", "Region Örebro län", "0018", "SE-T"),
    ("19", "Region Västmanland", "0019", "SE-U"),
    ("20", "Region Dalarna", "0020", "SE-W"),
    ("21", "Region Gävleborg", "0021", "SE-X"),
    ("22", "Region Västernorrland", "0022", "SE-Y"),
    ("23", "Region Jämtland Härjedalen", "0023", "SE-Z"),
    ("24", "Region Västerbotten", "0024", "SE-AC"),
    ("25", "Region Norrbotten", "0025", "SE-BD"),
]


def test_regioner_match_the_domain_table_in_order() -> None:
    assert [(r.kod, r.namn, r.kolada_id, r.iso) for r in hu.regioner()] == DOMÄNTABELL


def test_done_when_examples_of_issue_2() -> None:
    assert hu.region("SE-U").kolada_id == "0019"
    assert hu.region("västmanlands län").kod == "19"


@pytest.mark.parametrize(
    ("stavning", "kod"),
    [
        ("Västmanland", "19"),
        ("Region Västmanland", "19"),
        ("Västmanlands län", "19"),
        ("19", "19"),
        ("0019", "19"),
        ("SE-U", "19"),
        ("se-u", "19"),
        ("  REGION VÄSTMANLAND\t", "19"),
        ("Västra Götalandsregionen", "14"),
        ("Västra Götaland", "14"),
        ("Sörmland", "04"),
        ("Södermanlands län", "04"),
        ("Region Jönköpings län", "06"),
        ("Jämtland Härjedalen", "23"),
        ("Gotland", "09"),
        ("Region Gotland", "09"),
        ("0009", "09"),
        (3, "03"),
        (25, "25"),
    ],
)
def test_region_accepts_the_spellings_of_design_section_3(stavning: str | int, kod: str) -> None:
    assert hu.region(stavning).kod == kod


def test_region_accepts_decomposed_unicode() -> None:
    nfd = unicodedata.normalize("NFD", "Västmanlands län")
    assert nfd != "Västmanlands län"
    assert hu.region(nfd).kod == "19"


def test_region_returns_a_region_unchanged() -> None:
    r = hu.region("19")
    assert hu.region(r) is r


@given(regioner, st.data())
def test_every_region_is_found_by_each_spelling_in_any_case_and_form(
    r: hu.Region, data: st.DataObject
) -> None:
    for stavning in r.stavningar():
        variant = data.draw(slumpa_skiftläge_och_form(stavning))
        assert hu.region(variant) is r


def test_unknown_region_lists_closest_matches() -> None:
    with pytest.raises(
        hu.OkändRegionError, match=r"'Västmanlnd'.*closest matches: Region Västmanland"
    ):
        hu.region("Västmanlnd")


def test_unknown_region_is_a_keyerror_and_package_error() -> None:
    with pytest.raises(KeyError):
        hu.region("Atlantis")
    with pytest.raises(hu.HalsouppfoljningError):
        hu.region("Atlantis")


def test_riket_is_not_a_region() -> None:
    with pytest.raises(hu.OkändRegionError, match="Riket"):
        hu.region("0000")


@pytest.mark.parametrize("fel", [None, 19.0, True, ["19"]])
def test_region_refuses_other_types(fel: object) -> None:
    with pytest.raises(hu.FelTypError, match="region"):
        hu.region(fel)  # type: ignore[arg-type]


def test_region_is_frozen() -> None:
    r = hu.region("19")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.kod = "20"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fält", "värde", "text"),
    [
        ("kod", "9", "two-digit"),
        ("kolada_id", "019", "'0019'"),
        ("iso", "SEU", "ISO 3166-2"),
    ],
)
def test_region_refuses_inconsistent_codes(fält: str, värde: str, text: str) -> None:
    kwargs = {
        "kod": "19",
        "namn": "Region Västmanland",
        "kortnamn": "Västmanland",
        "län": "Västmanlands län",
        "kolada_id": "0019",
        "iso": "SE-U",
    }
    kwargs[fält] = värde
    with pytest.raises(hu.OgiltigtVärdeError, match=text):
        hu.Region(**kwargs)


# ----------------------------------------------------------------- Nämnd, Förvaltning


def _hsn() -> hu.Nämnd:
    return hu.Nämnd(
        region="Västmanland",
        namn="Hälso- och sjukvårdsnämnden",
        kortnamn="HSN",
        ansvarsområde="Hälso- och sjukvård",
    )


def test_nämnd_looks_up_its_region() -> None:
    hsn = _hsn()
    assert hsn.region is hu.region("19")
    assert hsn.kortnamn == "HSN"
    assert str(hsn) == "Hälso- och sjukvårdsnämnden (Region Västmanland)"


def test_nämnd_refuses_empty_name_and_unknown_region() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Nämnd\.namn"):
        hu.Nämnd(region="19", namn="  ")
    with pytest.raises(hu.OkändRegionError):
        hu.Nämnd(region="Atlantis", namn="HSN")


def test_förvaltning_keeps_its_areas_and_region() -> None:
    hsf = hu.Förvaltning(
        nämnd=_hsn(),
        namn="Hälso- och sjukvårdsförvaltningen",
        verksamhetsområden=["Akutsjukvård", "Nära vård", "Medicinsk diagnostik och teknik"],
    )
    assert hsf.region.kod == "19"
    assert hsf.verksamhetsområden[1] == "Nära vård"


def test_förvaltning_refuses_duplicate_areas_and_a_bare_string() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="'Nära vård' more than once"):
        hu.Förvaltning(nämnd=_hsn(), namn="HSF", verksamhetsområden=["Nära vård", "Nära vård"])
    with pytest.raises(hu.FelTypError, match="wrap it in a list"):
        hu.Förvaltning(nämnd=_hsn(), namn="HSF", verksamhetsområden="Nära vård")
    with pytest.raises(hu.FelTypError, match=r"Förvaltning\.nämnd must be a Nämnd"):
        hu.Förvaltning(nämnd="HSN", namn="HSF")  # type: ignore[arg-type]


# ----------------------------------------------------------------- Vårdval


def test_vårdval_fields_and_derived_values() -> None:
    v = hu.Vårdval(
        namn="Hälsoval",
        lagrum="lov",
        nämnd=_hsn(),
        antal_vårdgivare=29,
        varav_egen_regi=21,
        rapporterar_till_väntetidsdatabasen=False,
        giltig_från=dt.date(2023, 1, 1),
    )
    assert v.lagrum is hu.Lagrum.LOV
    assert v.andel_egen_regi == pytest.approx(21 / 29)
    assert v.region.kod == "19"
    assert v.gäller(dt.date(2023, 1, 1))
    assert not v.gäller("2022-12-31")
    assert v.giltig_till is None


def test_vårdval_refuses_more_region_run_providers_than_providers() -> None:
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"varav_egen_regi=31 is more than antal_vårdgivare=30"
    ):
        hu.Vårdval(
            namn="Hälsoval", lagrum="LOV", nämnd=_hsn(), antal_vårdgivare=30, varav_egen_regi=31
        )


def test_vårdval_refuses_validity_ending_before_it_starts() -> None:
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"giltig_till=2022-12-31 is before giltig_från=2023-01-01"
    ):
        hu.Vårdval(
            namn="Hälsoval",
            lagrum="LOV",
            nämnd=_hsn(),
            giltig_från="2023-01-01",
            giltig_till="2022-12-31",
        )


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"lagrum": "LOX"}, hu.OgiltigtVärdeError, "lagrum must be one of"),
        ({"antal_vårdgivare": -1}, hu.OgiltigtVärdeError, "antal_vårdgivare must be at least 0"),
        ({"antal_vårdgivare": 2.5}, hu.OgiltigtVärdeError, "whole number"),
        ({"antal_vårdgivare": "30"}, hu.FelTypError, "whole number"),
        ({"giltig_från": "första januari"}, hu.FelTypError, "giltig_från must be a date"),
        ({"giltig_från": "01/12/2023"}, hu.OgiltigtVärdeError, "ambiguous"),
        ({"nämnd": "HSN"}, hu.FelTypError, "Vårdval.nämnd must be a Nämnd"),
    ],
)
def test_vårdval_refuses_bad_values(
    kwargs: dict[str, object], fel: type[Exception], text: str
) -> None:
    argument: dict[str, object] = {"namn": "Hudvård", "lagrum": "LOV", "nämnd": _hsn()}
    argument.update(kwargs)
    with pytest.raises(fel, match=text):
        hu.Vårdval(**argument)  # type: ignore[arg-type]


def test_vårdval_with_unknown_counts_has_nan_share() -> None:
    v = hu.Vårdval(namn="Hudvård", lagrum=hu.Lagrum.LOV, nämnd=_hsn())
    assert v.andel_egen_regi != v.andel_egen_regi  # NaN


def test_vårdval_change_by_evolve_is_validated() -> None:
    v = hu.Vårdval(
        namn="Hälsoval", lagrum="LOV", nämnd=_hsn(), antal_vårdgivare=10, varav_egen_regi=5
    )
    assert attrs.evolve(v, varav_egen_regi=10).varav_egen_regi == 10
    with pytest.raises(hu.OgiltigtVärdeError):
        attrs.evolve(v, antal_vårdgivare=4)


def test_lagrum_descriptions() -> None:
    assert hu.Lagrum.LOU.beskrivning == "lagen om offentlig upphandling"
    assert {x.value for x in hu.Lagrum} == {"LOV", "LOL", "LOF", "LOU", "IOP"}


# ------------------------------------------------------------ names as printed (issue 13)


@pytest.mark.parametrize(
    ("tryckt", "kod"),
    [
        ("Skåne*", "12"),  # footnote mark
        ("Skåne **", "12"),
        ("Gotland¹", "09"),  # superscript footnote digit
        ("Region Skånes", "12"),  # genitive
        ("Västmanlands", "19"),
        ("Kalmar läns", "08"),
        ("Jämtland Härjedalens", "23"),
        ("Väster- norrland", "22"),  # hyphenation left by a line break
        ("Väster- norrland*", "22"),
        ("Region Öster- götland", "05"),
        ("VÄSTERBOTTEN", "24"),  # upper case
        ("REGION GÄVLEBORGS", "21"),
    ],
)
def test_region_reads_names_as_reports_print_them(tryckt: str, kod: str) -> None:
    assert hu.region(tryckt).kod == kod


@pytest.mark.parametrize(
    "riket", ["Riket", "Hela riket", "HELA RIKET", "Sverige", "0000", "00", "Riket*", " riket "]
)
def test_every_riket_spelling_is_riket_and_not_a_region(riket: str) -> None:
    assert är_riket(riket)
    with pytest.raises(hu.OkändRegionError, match="is Riket"):
        hu.region(riket)


@pytest.mark.parametrize("inte", ["Skåne", "Region Västmanland", "19", "0019", "", None, 0, 1.5])
def test_är_riket_is_false_for_regions_and_non_text(inte: object) -> None:
    assert not är_riket(inte)


def test_region_and_förvaltning_name_the_bad_argument() -> None:
    # issue 12: region()'s message did not name namn_eller_kod; Förvaltning raised
    # "'NoneType' object is not iterable" for verksamhetsområden=None
    for fel in (None, True, 3.5, ["19"], object()):
        with pytest.raises(hu.FelTypError, match=r"^region\(\): namn_eller_kod must be"):
            hu.region(fel)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match=r"Förvaltning\.verksamhetsområden must be a list"):
        hu.Förvaltning(nämnd=_hsn(), namn="HSF", verksamhetsområden=3)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match=r"Förvaltning\.verksamhetsområden"):
        hu.Förvaltning(nämnd=_hsn(), namn="HSF", verksamhetsområden=[1.0])  # type: ignore[list-item]
    hsf = hu.Förvaltning(nämnd=_hsn(), namn="HSF", verksamhetsområden=None)  # type: ignore[arg-type]
    assert hsf.verksamhetsområden == ()


@pytest.mark.parametrize("fel", ["nej", "ja", 0, 1, 1.0, float("nan"), "False", [True]])
def test_boolean_fields_take_only_booleans(fel: object) -> None:
    # issue 12: Nämnd(driver_egen_verksamhet="nej") stored the text "nej" (truthy)
    with pytest.raises(
        hu.FelTypError, match=r"Nämnd\.driver_egen_verksamhet must be True or False"
    ):
        hu.Nämnd(region="Västmanland", namn="HSN", driver_egen_verksamhet=fel)  # type: ignore[arg-type]
    with pytest.raises(
        hu.FelTypError,
        match=r"Vårdval\.rapporterar_till_väntetidsdatabasen must be True or False",
    ):
        hu.Vårdval(
            namn="Hälsoval",
            lagrum="LOV",
            nämnd=_hsn(),
            rapporterar_till_väntetidsdatabasen=fel,  # type: ignore[arg-type]
        )
    with pytest.raises(hu.FelTypError, match="driver_egen_verksamhet"):
        attrs.evolve(_hsn(), driver_egen_verksamhet=fel)


def test_boolean_fields_keep_true_false_and_unknown() -> None:
    import numpy as np

    for värde in (True, False, None):
        assert (
            hu.Nämnd(region="19", namn="HSN", driver_egen_verksamhet=värde).driver_egen_verksamhet
            is värde
        )
    assert (
        hu.Nämnd(
            region="19", namn="HSN", driver_egen_verksamhet=np.bool_(False)
        ).driver_egen_verksamhet
        is False
    )


def test_boolean_message_says_how_to_write_nej() -> None:
    with pytest.raises(hu.FelTypError, match=r"'nej'.*False for 'nej'"):
        hu.Nämnd(region="19", namn="HSN", driver_egen_verksamhet="nej")  # type: ignore[arg-type]


def _region(**ändra: object) -> hu.Region:
    fält: dict[str, object] = {
        "kod": "19",
        "namn": "Region Västmanland",
        "kortnamn": "Västmanland",
        "län": "Västmanlands län",
        "kolada_id": "0019",
        "iso": "SE-U",
    }
    fält.update(ändra)
    return hu.Region(**fält)  # type: ignore[arg-type]


def test_region_with_a_code_of_no_region_is_an_error() -> None:
    # issue 12: Region(kod="99", ...) was accepted although no list has länskod 99
    assert _region() == hu.region("19")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"kod '99' is the länskod of no region"):
        _region(kod="99", kolada_id="0099", iso="SE-Q")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"kod '02' is the länskod of no region"):
        _region(kod="02", kolada_id="0002", iso="SE-B")  # 02 was never used by SCB
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Region\.iso 'SE-C' is not .* 'SE-U'"):
        _region(iso="SE-C")
    with pytest.raises(hu.FelTypError, match=r"Region\.kod must be text"):
        _region(kod=None)


@pytest.mark.parametrize("fel", ["VGR", 3])
def test_region_alias_refuses_a_bare_string_or_a_number(fel: object) -> None:
    # issue 12: alias="VGR" was split into the letters ('V', 'G', 'R')
    with pytest.raises(hu.FelTypError, match=r"Region\.alias"):
        _region(alias=fel)
    assert _region(alias=None).alias == ()
    assert _region(alias=["VGR"]).alias == ("VGR",)


def test_nämnd_region_names_the_field() -> None:
    with pytest.raises(hu.FelTypError, match=r"^Nämnd\.region must be a Region"):
        hu.Nämnd(region=None, namn="HSN")  # type: ignore[arg-type]
    with pytest.raises(hu.OkändRegionError, match=r"Nämnd\.region: unknown region 'Atlantis'"):
        hu.Nämnd(region="Atlantis", namn="HSN")
    with pytest.raises(hu.OkändRegionError, match=r"Nämnd\.region: .*is Riket"):
        hu.Nämnd(region="Hela riket", namn="HSN")


def test_vårdval_lagrum_and_counts_are_checked() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Vårdval\.lagrum must be one of 'LOV'"):
        hu.Vårdval(namn="x", lagrum="LOX", nämnd=_hsn())
    with pytest.raises(hu.FelTypError, match=r"Vårdval\.lagrum must be a Lagrum"):
        hu.Vårdval(namn="x", lagrum=None, nämnd=_hsn())  # type: ignore[arg-type]
    assert hu.Vårdval(namn="x", lagrum=" lov ", nämnd=_hsn()).lagrum is hu.Lagrum.LOV
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Vårdval\.antal_listade must be at most"):
        hu.Vårdval(namn="x", lagrum="LOV", nämnd=_hsn(), antal_listade=10**9)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Vårdval\.antal_vårdgivare must be at most"):
        hu.Vårdval(namn="x", lagrum="LOV", nämnd=_hsn(), antal_vårdgivare=20230515)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Vårdval\.varav_egen_regi must be a whole"):
        hu.Vårdval(namn="x", lagrum="LOV", nämnd=_hsn(), varav_egen_regi=2.5)


def test_messages_quote_a_frame_on_one_line() -> None:
    import pandas as pd

    with pytest.raises(hu.FelTypError) as fel:
        hu.Vårdval(namn="x", lagrum="LOV", nämnd=pd.DataFrame({"a": [1, 2]}))  # type: ignore[arg-type]
    assert "\n" not in str(fel.value)
    assert "Vårdval.nämnd" in str(fel.value)


def test_region_message_quotes_long_text_shortly() -> None:
    # issue 12: region("x" * 100000) quoted all of it
    with pytest.raises(hu.OkändRegionError) as fel:
        hu.region("x" * 100_000)
    assert len(str(fel.value)) < 400
    assert str(fel.value).startswith("unknown region 'xxx")


@pytest.mark.parametrize("datum", [dt.date(1700, 1, 1), "2500-01-01", pd.Timestamp("2300-01-01")])
def test_vårdval_dates_outside_1900_2199_are_refused(datum: object) -> None:
    # issue 12: Vårdval accepted dates that Period and the other constructors refuse
    hsn = hu.Nämnd(region="19", namn="HSN")
    for fält in ("giltig_från", "giltig_till"):
        with pytest.raises(hu.OgiltigtVärdeError, match=rf"^Vårdval\.{fält} .* check the year"):
            hu.Vårdval(namn="H", lagrum="LOV", nämnd=hsn, **{fält: datum})  # type: ignore[arg-type]
    v = hu.Vårdval(namn="H", lagrum="LOV", nämnd=hsn, giltig_från="2023-01-01")
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^Vårdval\.gäller: datum .* check the year"):
        v.gäller(datum)  # type: ignore[arg-type]
