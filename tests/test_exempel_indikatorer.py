"""Tests of the bundled indicator tables (Västmanland Feb 2023, Värmland 2023).

Published figures are checked against the seed texts themselves when they are
available (../shared/seeds beside the repository), line by line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import halsouppfoljning as hu

from .kallor import VÄRMLAND, VÄSTMANLAND
from .kallor import rader as _seedrader


@pytest.fixture(scope="module")
def vm() -> pd.DataFrame:
    return hu.exempeldata.indikatortabell_västmanland_2023_02()


@pytest.fixture(scope="module")
def vl() -> pd.DataFrame:
    return hu.exempeldata.indikatortabell_värmland_2023()


def _rader(fil: Path) -> list[str]:
    return _seedrader(fil)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# --------------------------------------------------------------------------- shapes


def test_västmanland_tables(vm: pd.DataFrame) -> None:
    assert set(vm.tabell) == {
        "servicekvalitet",
        "medicinsk kvalitet",
        "medarbetare",
        "ekonomi",
        "ekonomi åtgärdsplan",
        "tillgänglighet HSF",
        "verksamhetsområde ekonomi",
        "verksamhetsområde medarbetare",
    }
    # rows counted by hand in the seed: 7 + 6 + 3 + 8 + 1 + 9 + (9 + 9 + 8)
    assert len(vm) == 60
    assert set(vm.verksamhet) == {
        "Hälso- och sjukvårdsförvaltningen",
        "Akutsjukvård",
        "Nära vård",
        "Medicinsk diagnostik och teknik",
    }
    assert vm.rad.is_unique
    assert vm.utfall.dtype == float
    assert vm.attrs["källa"].startswith("Region Västmanland")


def test_värmland_table(vl: pd.DataFrame) -> None:
    assert len(vl) == 27
    assert vl.resultatmål.value_counts().to_dict() == {
        "Bästa vårdkvalitet": 10,
        "Tillgänglig vård": 10,
        "Hållbart arbetsliv": 5,
        "Ekonomi i balans": 1,
        "Minskat miljöavtryck": 1,
    }
    assert vl.indikator_id.is_unique
    assert vl.utfall.notna().all()


def test_resultatmål(vl: pd.DataFrame) -> None:
    rm = hu.exempeldata.resultatmål_värmland_2023()
    assert list(rm.index) == [
        "Bästa vårdkvalitet",
        "Tillgänglig vård",
        "Ekonomi i balans",
        "Hållbart arbetsliv",
        "Minskat miljöavtryck",
    ]
    # Värmland lines 17-25: "delvis kommer att uppnås" / "inte kommer att uppnås"
    for _, rad in rm.iterrows():
        väntat = (
            hu.Måluppfyllelse.DELVIS
            if rad.bedömning_text.startswith("delvis")
            else hu.Måluppfyllelse.EJ_UPPNÅDD
        )
        assert rad.bedömning is väntat
    assert set(rm.index) == set(vl.resultatmål)


def test_missing_stays_missing(vm: pd.DataFrame, vl: pd.DataFrame) -> None:
    # Västmanland line 93 prints no previous value; line 149 no target
    assert math.isnan(vm.loc[vm.rad == 93, "föregående"].item())
    assert vm.loc[vm.rad == 149, "mål_text"].item() == ""
    assert vm.loc[vm.rad == 149, "målnivå"].item() is None
    # Värmland line 418 prints no women/men split; line 1610 no target
    assert math.isnan(vl.loc[vl.rad == 418, "kvinnor"].item())
    assert vl.loc[vl.rad == 1610, "målnivå"].item() is None
    # change rows have no level
    assert math.isnan(vm.loc[vm.rad == 137, "utfall"].item())
    assert vm.loc[vm.rad == 137, "förändring"].item() == 171.0


def test_parsed_outcomes_match_text(vm: pd.DataFrame, vl: pd.DataFrame) -> None:
    # hand spot-checks against the print
    assert vm.loc[vm.rad == 91, "utfall"].item() == pytest.approx(14 + 58 / 60)  # 14:58
    assert vm.loc[vm.rad == 143, "utfall"].item() == -890.0
    assert vm.loc[vm.rad == 676, "utfall"].item() == 0.128  # "12,8" printed without %
    assert vl.loc[vl.rad == 1531, "utfall"].item() == 1777.0
    assert vl.loc[vl.rad == 1610, "utfall"].item() == -932.507
    # everywhere else the parsed value is what tolka_tal reads from the printed text
    förändringar = vm.utfall_avser.str.startswith("förändring")
    printade = vm.utfall.where(~förändringar, vm.förändring)
    for df, tal in ((vm, printade), (vl, vl.utfall)):
        for text, värde, rad in zip(df.utfall_text, tal, df.rad, strict=True):
            try:
                läst = hu.tolka_tal(text)
            except hu.TolkningsError:
                continue
            if rad in (676, 1610):
                continue
            assert (math.isnan(läst) and math.isnan(värde)) or läst == pytest.approx(värde), rad
    for text, värde in zip(vl.kvinnor_text, vl.kvinnor, strict=True):
        if text:
            assert hu.tolka_tal(text) == värde


def test_riktning_documented(vm: pd.DataFrame, vl: pd.DataFrame) -> None:
    for df in (vm, vl):
        for riktning, källa in zip(df.riktning, df.riktning_källa, strict=True):
            assert källa.startswith(("report:", "judgement:", "convention:")), källa
            if riktning:
                hu.Riktning(riktning)


# --------------------------------------------------------------------------- targets


def _alla_mål(df: pd.DataFrame) -> list[tuple[str, hu.Riktning | None, str | None]]:
    ut = []
    for text, riktning, enhet in zip(df.mål_text, df.riktning, df.enhet, strict=True):
        if text:
            e = enhet if enhet in ("andel", "förändring") else None
            ut.append((text, hu.Riktning(riktning) if riktning else None, e))
    return ut


def test_every_printed_target_parses_and_round_trips(vm: pd.DataFrame, vl: pd.DataFrame) -> None:
    mål = _alla_mål(vm) + _alla_mål(vl)
    assert len(mål) >= 55
    for text, riktning, enhet in mål:
        m = hu.Målnivå.tolka(text, riktning, enhet=enhet)
        visad = str(m)
        igen = hu.Målnivå.tolka(visad, riktning, enhet=enhet)
        assert igen == m, text
        assert str(igen) == visad, text
        assert m.text == text


def test_targets_in_running_text_parse(vl: pd.DataFrame) -> None:
    # the running text's wording of the same targets (Värmland lines 379, 406, 490, 528)
    assert hu.Målnivå.tolka("under 7 procent") == hu.Målnivå.tolka("<7 %")
    assert hu.Målnivå.tolka("högst 10 procent") == hu.Målnivå.högst(0.1, enhet="andel")
    assert hu.Målnivå.tolka("högst 10 procent") != hu.Målnivå.tolka("<10 %")
    assert hu.Målnivå.tolka("över 50 procent") == hu.Målnivå.tolka(">50 %")
    assert hu.Målnivå.tolka("färre än 20 procent") == hu.Målnivå.tolka("<20 %")


def test_assessments_of_the_bundled_rows(vm: pd.DataFrame, vl: pd.DataFrame) -> None:
    def bedöm(df: pd.DataFrame, rad: int) -> object:
        r = df[df.rad == rad].iloc[0]
        delar = r.get("utfall_delar")
        utfall = delar if delar is not None else r.utfall
        f = None if "föregående" not in r or pd.isna(r.föregående) else r.föregående
        return hu.måluppfyllelse(utfall, r.målnivå, föregående=f)

    # hand-checked: 96 % outside 85-90 %; 94 < 140; BUP misses all three parts
    assert bedöm(vm, 103) is hu.Måluppfyllelse.EJ_UPPNÅDD
    assert bedöm(vm, 114) is hu.Måluppfyllelse.UPPNÅDD
    assert bedöm(vm, 101) == (hu.Måluppfyllelse.EJ_UPPNÅDD,) * 3
    # a change row without a level: no basis for "Lägre än fg år"
    assert bedöm(vm, 116) is hu.Måluppfyllelse.UNDERLAG_SAKNAS
    # Värmland: 89 % >= 76 % (BUP behandling) met; 284 > 250 recept missed
    assert bedöm(vl, 1312) is hu.Måluppfyllelse.UPPNÅDD
    assert bedöm(vl, 1688) is hu.Måluppfyllelse.EJ_UPPNÅDD
    # 6,9 % vårdskador against <10 %: met under both the table's and the text's wording
    assert bedöm(vl, 388) is hu.Måluppfyllelse.UPPNÅDD


# --------------------------------------------------------------------------- trends

#: Rows whose printed trend word cannot be reproduced from the printed comparison by
#: trend() with tröskel=0, listed in docs/guide/indikatorer.md: Årsarbetare +171 against
#: "Färre" is reported Neutral (line 137); DRG-poäng/årsarbetare -2 % at Akutsjukvård is
#: reported Neutral (line 601) while Kostnad/timme 2 % at Nära vård is Negativ (line 661),
#: so no single threshold reproduces both.
EJ_ÅTERSKAPADE = {137, 601}


def _beräknad_trend(rad: pd.Series) -> hu.Trend | None:
    riktning = hu.Riktning(rad.riktning)
    if not math.isnan(rad.utfall) and not math.isnan(rad.föregående):
        return hu.trend(rad.utfall, rad.föregående, riktning)
    if rad.utfall_avser.startswith("förändring mot fg år") and not math.isnan(rad.förändring):
        if rad.utfall_avser.endswith("(procent)"):
            return hu.trend(1 + rad.förändring, 1.0, riktning)
        return hu.trend(rad.förändring, 0.0, riktning)
    return None


def test_reported_trends_reproduced_where_comparison_printed(vm: pd.DataFrame) -> None:
    med_trend = vm[(vm.trend_rapporterad != "") & (vm.riktning != "inom intervall")]
    jämförda = {}
    for _, rad in med_trend.iterrows():
        if not rad.riktning:
            continue
        beräknad = _beräknad_trend(rad)
        if beräknad is not None:
            jämförda[rad.rad] = (beräknad, hu.Trend(rad.trend_rapporterad.casefold()))
    # the rows printing a comparison value or a change, found by hand in the seed
    assert set(jämförda) == {110, 114, 116, 119, 127, 137, 143, 145, 147, 601, 603, 659, 661, 715}
    avvikande = {r for r, (b, rapp) in jämförda.items() if b is not rapp}
    assert avvikande == EJ_ÅTERSKAPADE
    # the reported words are kept beside the computed ones, never overwritten
    assert (vm.loc[vm.rad == 137, "trend_rapporterad"] == "Neutral").all()


def test_unreproducible_rows_listed_in_guide() -> None:
    guide = Path(__file__).resolve().parents[1] / "docs" / "guide" / "indikatorer.md"
    text = guide.read_text(encoding="utf-8")
    for rad in EJ_ÅTERSKAPADE:
        assert f"line {rad}" in text


# --------------------------------------------------------------------------- provenance


def test_västmanland_provenance(vm: pd.DataFrame) -> None:
    rader = _rader(VÄSTMANLAND)
    for _, r in vm.iterrows():
        rad = _norm(rader[r.rad - 1])
        # multi-line prints: the outcome text continues on the next line
        fortsättning = _norm(" ".join(rader[r.rad - 1 : r.rad + 1]))
        assert _norm(r.utfall_text) in fortsättning or _norm(r.utfall_text) in rad, r.rad
        if r.mål_text:
            assert _norm(r.mål_text) in rad, r.rad
        if r.trend_rapporterad:
            assert r.trend_rapporterad in fortsättning, r.rad
        if not pd.isna(r.föregående_rad):
            assert _norm(r.föregående_text) in _norm(rader[int(r.föregående_rad) - 1]), r.rad


def test_värmland_provenance(vl: pd.DataFrame) -> None:
    rader = _rader(VÄRMLAND)
    for _, r in vl.iterrows():
        värden = _norm(rader[r.rad - 1])
        if r.rad == 1610:  # printed over lines 1608-1611
            assert _norm(" ".join(rader[1607:1611])) == "- 932,507 mnkr"
            continue
        if r.rad == 1531:  # printed in the running text
            assert "1 777" in värden
            assert "målvärdet 1500" in rader[1529]
            continue
        väntat = " ".join(t for t in (r.utfall_text, r.mål_text, r.kvinnor_text, r.män_text) if t)
        assert värden == _norm(väntat), r.rad
        namn = _norm(" ".join(rader[r.namn_rad - 1 : r.namn_rad + 2]))
        assert namn.startswith(_norm(r.indikator)[:25]), r.rad
        if not pd.isna(r.periodicitet_rad):
            ord_ = {"helår": "År", "månad": "Månad", "tertial": "Tertial", "delår": "Delår"}
            assert ord_[r.periodicitet] in rader[int(r.periodicitet_rad) - 1], r.rad
    rm = hu.exempeldata.resultatmål_värmland_2023()
    for namn, r in rm.iterrows():
        assert f"resultatmålet {namn} {r.bedömning_text}" in rader[r.rad - 1]


# --------------------------------------------------------------------------- Indikator objects


def test_indikator_objects() -> None:
    vm = hu.exempeldata.indikatorer_västmanland_2023_02()
    assert all(isinstance(i, hu.Indikator) for i in vm.values())
    hyr = vm["oberoende_hyrpersonal"]
    assert hyr.namn == "Ober. av hyrpersonal"
    assert "Oberoende av hyrpersonal" in hyr.alias
    assert hyr.riktning is hu.Riktning.LÄGRE_ÄR_BÄTTRE
    assert str(hyr.målnivå(2023)) == "2 %"
    assert vm["investeringar"].målnivåer == {}
    vl = hu.exempeldata.indikatorer_värmland_2023()
    assert len(vl) == 27
    vård = vl["vardskador"]
    assert (vård.aggregering, vård.periodicitet) == (hu.Aggregering.R12, hu.Periodicitet.HELÅR)
    assert vl["sjukhusforvarvade_trycksar"].aggregering is hu.Aggregering.ÖGONBLICK
    assert vl["hme_totalindex"].aggregering is hu.Aggregering.ENKÄT
    # Värmland line 1312: 89 % against 76 %
    assert vl["bup_behandling_30_dagar"].måluppfyllelse(0.89, 2023) is hu.Måluppfyllelse.UPPNÅDD
    assert np.isfinite([i.målnivå(2023).gräns or 0 for i in vl.values()]).all()


def test_a_money_target_is_read_in_the_rows_unit() -> None:
    # Västmanland prints the target '0 kr' for the deviation from budget in mnkr (seed line
    # of indikator 'avvikelse_mot_budget'); since Indikator checks the target's unit (issue
    # 12) the target is carried in mnkr: 0 kr = 0 mnkr, the printed text kept.
    ind = hu.exempeldata.indikatorer_västmanland_2023_02()["avvikelse_mot_budget"]
    mål = ind.målnivå(2023)
    assert (mål.enhet, mål.gräns, mål.text) == ("mnkr", 0.0, "0 kr")
    from halsouppfoljning.exempeldata.indikatorer import _i_radens_valuta

    # by hand: 5 tkr = 5 000 kr = 0.005 mnkr
    m = _i_radens_valuta(hu.Målnivå.tolka("≥ 5 tkr"), "mnkr")
    assert (m.enhet, m.gräns) == ("mnkr", pytest.approx(0.005))
    procent = hu.Målnivå.tolka("≥ 80 %")
    assert _i_radens_valuta(procent, "mnkr") is procent  # not money: untouched
