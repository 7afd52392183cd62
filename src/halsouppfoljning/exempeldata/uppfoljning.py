"""The bundled example follow-up: Region Västmanland, HSF, February 2023."""

from __future__ import annotations

import pandas as pd

from .._data import KÄLLA_VÄSTMANLAND
from .._indata import boolesk, slumpgenerator
from ..kontinuitet import kontinuitetsindex
from ..organisation import Förvaltning, Nämnd
from ..uppfoljning import Uppföljning
from ..vantetider import VÅRDGARANTIN, väntetidsandelar
from .ekonomi import prognos_västmanland_2023_02, resultaträkning_västmanland_2023_02
from .indikatorer import indikatortabell_västmanland_2023_02
from .kontinuitet import syntetiska_besök
from .vantetider import syntetisk_väntelista

__all__ = ["uppföljning_västmanland_2023_02"]

#: The tables of the report's "Mål och indikatorer" page (seed lines 86-149).
_STYRKORTSTABELLER = ("servicekvalitet", "medicinsk kvalitet", "medarbetare", "ekonomi")


def _hsf_västmanland() -> Förvaltning:
    # Seed line 771: "Denna rapport behandlas av hälso- och sjukvårdsnämnden 2023-03-22";
    # the verksamhetsområden are the report's area tables (lines 591, 649, 705).
    hsn = Nämnd(
        region="Västmanland",
        namn="Hälso- och sjukvårdsnämnden",
        kortnamn="HSN",
        ansvarsområde="Hälso- och sjukvård",
    )
    return Förvaltning(
        nämnd=hsn,
        namn="Hälso- och sjukvårdsförvaltningen",
        kortnamn="HSF",
        verksamhetsområden=("Akutsjukvård", "Nära vård", "Medicinsk diagnostik och teknik"),
    )


def _syntetiska_väntetider(seed: int) -> pd.DataFrame:
    lista = syntetisk_väntelista(300_000, seed=seed)
    lista = lista[lista["region"] == "Region Västmanland"]
    delar = []
    for gräns in VÅRDGARANTIN[2:]:
        vårdtyp = "första besök" if gräns.namn.startswith("första besök") else "operation/åtgärd"
        delar.append(
            väntetidsandelar(
                lista[lista["vårdtyp"] == vårdtyp],
                gränser=[gräns],
                start="start",
                slut="slut",
                mätdatum=pd.Timestamp("2023-02-28"),
                exkludera=["patientvald"],
            )
        )
    ut = pd.concat(delar, ignore_index=True)
    ut.attrs["rubrik"] = (
        "SYNTETISKA DATA (påhittade, inte från rapporten): patienter som väntar i specialiserad "
        f"vård den 2023-02-28, Region Västmanland, ur syntetisk_väntelista(300 000, seed={seed}); "
        "patientvald väntan räknas varken i täljare eller nämnare; Wilsonintervall 95 %."
    )
    return ut


def _syntetisk_kontinuitet(seed: int) -> pd.DataFrame:
    besök = syntetiska_besök(400_000, seed=seed, slutdatum="2023-02-28")
    ut = kontinuitetsindex(
        besök,
        datum="datum",
        slutdatum=pd.Timestamp("2023-02-28"),
        listningsenhet="listningsenhet",
        vårdenhet="enhet",
        yrke="yrke",
        yrken=["läkare"],
        per="enhet",
    )
    assert isinstance(ut, pd.DataFrame)
    ut = ut.head(8)
    ut.attrs["rubrik"] = (
        "SYNTETISKA DATA (påhittade, inte från rapporten): kontinuitetsindex (COC) för "
        "läkarbesök på listningsenheten under de 18 månaderna till 2023-02-28, patienter med "
        f"minst 3 besök, ur syntetiska_besök(400 000, seed={seed}); de 8 första enheterna."
    )
    return ut


def uppföljning_västmanland_2023_02(
    *, syntetiska_avsnitt: bool = True, seed: int = 2023
) -> Uppföljning:
    """The follow-up of Region Västmanland's HSF monthly report for February 2023.

    Published figures (the indicator tables of the "Mål och indikatorer" page,
    the result statement and the full-year forecast with its interval) come
    from the bundled report data with their provenance. The waiting-time and
    continuity sections are **synthetic** (the report has no micro data):
    they show the computations on generated data and say so in their headings.

    Parameters
    ----------
    syntetiska_avsnitt : bool
        Include the synthetic waiting-time and continuity sections (they take
        a few seconds to generate).
    seed : int
        Seed of the synthetic data.

    Returns
    -------
    Uppföljning

    See Also
    --------
    indikatortabell_västmanland_2023_02, resultaträkning_västmanland_2023_02,
    prognos_västmanland_2023_02

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    >>> u.organisation.namn, u.prognos.intervall
    ('Hälso- och sjukvårdsförvaltningen', (-940.0, -870.0))
    >>> sorted(u.indikatorer.tabell.unique())
    ['ekonomi', 'medarbetare', 'medicinsk kvalitet', 'servicekvalitet']
    """
    syntetiska_avsnitt = boolesk(
        syntetiska_avsnitt, "uppföljning_västmanland_2023_02: syntetiska_avsnitt"
    )
    slumpgenerator(seed, "uppföljning_västmanland_2023_02: seed")  # checks the seed
    tabell = indikatortabell_västmanland_2023_02()
    indikatorer = tabell[tabell["tabell"].isin(_STYRKORTSTABELLER)].reset_index(drop=True)
    indikatorer.attrs = dict(tabell.attrs)
    return Uppföljning(
        organisation=_hsf_västmanland(),
        period="februari 2023",
        indikatorer=indikatorer,
        ekonomi=resultaträkning_västmanland_2023_02(),
        prognos=prognos_västmanland_2023_02(),
        väntetider=_syntetiska_väntetider(seed) if syntetiska_avsnitt else None,
        kontinuitet=_syntetisk_kontinuitet(seed) if syntetiska_avsnitt else None,
        källa=KÄLLA_VÄSTMANLAND,
    )
