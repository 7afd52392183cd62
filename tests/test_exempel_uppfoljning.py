"""Tests of the bundled example follow-up ``exempeldata.uppföljning_västmanland_2023_02``.

The published parts come from the report (checked in test_uppfoljning and
test_exempel_*); here the synthetic sections are checked against a plain
recount of the same synthetic data.
"""

from __future__ import annotations

import pandas as pd
import pytest

import halsouppfoljning as hu

MÄTDAG = pd.Timestamp("2023-02-28")


@pytest.fixture(scope="module")
def uppföljning() -> hu.Uppföljning:
    return hu.exempeldata.uppföljning_västmanland_2023_02(seed=11)


def test_published_parts_and_organisation(uppföljning: hu.Uppföljning) -> None:
    assert uppföljning.organisation.namn == "Hälso- och sjukvårdsförvaltningen"
    assert uppföljning.organisation.nämnd.namn == "Hälso- och sjukvårdsnämnden"
    assert uppföljning.prognos.intervall == (-940.0, -870.0)
    assert set(uppföljning.indikatorer["tabell"]) == {
        "servicekvalitet",
        "medicinsk kvalitet",
        "medarbetare",
        "ekonomi",
    }


def test_waiting_times_are_a_recount_of_the_synthetic_list(uppföljning: hu.Uppföljning) -> None:
    v = uppföljning.väntetider
    assert v is not None
    assert "SYNTETISKA DATA" in v.attrs["rubrik"]
    assert list(v["gränsnamn"]) == [g.namn for g in hu.VÅRDGARANTIN[2:]]
    # reference: patients of Västmanland still waiting on 28 February 2023 (started on or
    # before it, not done by it), patientvald väntan left out; within = at most 90 days
    lista = hu.exempeldata.syntetisk_väntelista(300_000, seed=11)
    lista = lista[(lista["region"] == "Region Västmanland") & ~lista["patientvald"]]
    väntar = lista[(lista["start"] <= MÄTDAG) & ~(lista["slut"] <= MÄTDAG)]
    for vårdtyp, rad in zip(("första besök", "operation/åtgärd"), v.itertuples(), strict=True):
        del_ = väntar[väntar["vårdtyp"] == vårdtyp]
        dagar = (MÄTDAG - del_["start"]).dt.days
        assert rad.antal == len(del_)
        assert rad.antal_inom == int((dagar <= 90).sum())
        assert rad.andel == pytest.approx((dagar <= 90).mean())


def test_continuity_section_is_synthetic_and_per_unit(uppföljning: hu.Uppföljning) -> None:
    k = uppföljning.kontinuitet
    assert k is not None
    assert "SYNTETISKA DATA" in k.attrs["rubrik"]
    assert len(k) == 8
    assert k["medel"].between(0, 1).all()
    assert (k["antal_patienter"] > 0).all()


def test_without_synthetic_sections() -> None:
    u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    assert u.väntetider is None
    assert u.kontinuitet is None
