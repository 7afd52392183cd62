"""Tests of halsouppfoljning.overenskommelse: agreements, answers, assessments, money.

Every number here is synthetic; expected values come from hand calculation
(shown in the comments) or from a plain reference implementation in the test.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import overenskommelse


class TestMedelsfördelning:
    def test_hand_checked_largest_remainder(self) -> None:
        # 100 kr over 1:1:1: quotas 33.33 each, one krona left, the tie goes to the first listed
        ut = hu.medelsfördelning(100, [1, 1, 1], enhet="kr")
        assert ut.tolist() == [34, 33, 33]
        assert isinstance(ut.index, pd.RangeIndex)
        # 10 kr over populations 1, 2, 7 with half by performance (1, 0.5, 0), redistributed:
        # population part 5 * (0.1, 0.2, 0.7) = (0.5, 1.0, 3.5);
        # performance part 5 * (1, 1, 0) / 2 = (2.5, 2.5, 0); quotas (3.0, 3.5, 3.5)
        # floors 3, 3, 3, one krona left: equal remainders 0.5 and quotas, the first listed
        ut = hu.medelsfördelning(
            10,
            pd.Series([1, 2, 7], index=list("abc")),
            enhet="kr",
            prestation=pd.Series([1, 0.5, 0], index=list("abc")),
            andel_prestation=0.5,
            outnyttjat="omfördelas",
        )
        assert ut.to_dict() == {"a": 3, "b": 4, "c": 3}
        assert ut.attrs["total_kr"] == 10
        assert "largest remainder" in ut.attrs["regel"]

    def test_kept_money_is_its_own_entry(self) -> None:
        # 1 000 kr, populations 1 and 3, performance 1 and 0, all by performance, kept:
        # quotas 250, 0 and 750 unpaid
        ut = hu.medelsfördelning(
            1000,
            {"03": 1, "19": 3},
            enhet="kr",
            prestation={"03": 1, "19": 0},
            outnyttjat="behålls",
        )
        assert ut.to_dict() == {"03": 250, "19": 0, "ej utbetalt": 750}

    def test_units_and_input_kinds(self) -> None:
        ut = hu.medelsfördelning(1.5, np.array([1.0, 2.0]))  # 1.5 mnkr = 1 500 000 kr
        assert ut.tolist() == [500_000, 1_000_000]
        assert hu.medelsfördelning(2, {"a": 1}, enhet="tkr").tolist() == [2000]
        s = pd.Series([5.0, 5.0], index=pd.Index(["x", "y"], name="region"))
        ut = hu.medelsfördelning(3, s, enhet="kr")
        assert ut.index.equals(s.index)
        assert ut.tolist() == [2, 1]
        assert hu.medelsfördelning(0, [1, 2], enhet="kr").tolist() == [0, 0]

    def test_invalid(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="whole number of kronor"):
            hu.medelsfördelning(0.5, [1, 2], enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="must be >= 0"):
            hu.medelsfördelning(-1, [1, 2], enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="enhet"):
            hu.medelsfördelning(1, [1, 2], enhet="kronor")
        with pytest.raises(hu.OgiltigtVärdeError, match="finite and >= 0"):
            hu.medelsfördelning(1, [1, np.nan], enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            hu.medelsfördelning(1, [], enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="total population is 0"):
            hu.medelsfördelning(1, [0, 0], enhet="kr")
        with pytest.raises(hu.FelTypError, match="1-d"):
            hu.medelsfördelning(1, "abc", enhet="kr")
        with pytest.raises(hu.FelTypError, match="number"):
            hu.medelsfördelning("tio", [1], enhet="kr")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="outnyttjat"):
            hu.medelsfördelning(1, [1, 2], enhet="kr", prestation=[1, 0])
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.medelsfördelning(1, [1, 2], enhet="kr", prestation=[80, 50], outnyttjat="behålls")
        with pytest.raises(hu.OgiltigtVärdeError, match="not yet assessable"):
            hu.medelsfördelning(1, [1, 2], enhet="kr", prestation=[1, np.nan], outnyttjat="behålls")
        with pytest.raises(hu.OgiltigtVärdeError, match="nothing to redistribute"):
            hu.medelsfördelning(1, [1, 2], enhet="kr", prestation=[0, 0], outnyttjat="omfördelas")
        with pytest.raises(hu.OgiltigtVärdeError, match="needs prestation"):
            hu.medelsfördelning(1, [1, 2], enhet="kr", andel_prestation=0.5)
        with pytest.raises(hu.OgiltigtVärdeError, match="no value for"):
            hu.medelsfördelning(
                1, {"a": 1, "b": 1}, enhet="kr", prestation={"a": 1}, outnyttjat="behålls"
            )
        with pytest.raises(hu.OgiltigtVärdeError, match="2 values but befolkning has 3"):
            hu.medelsfördelning(1, [1, 1, 1], enhet="kr", prestation=[1, 1], outnyttjat="behålls")

    @given(
        st.integers(0, 10**10),
        st.lists(st.integers(0, 3_000_000), min_size=1, max_size=21),
        st.data(),
    )
    def test_sums_exactly_and_is_monotone(
        self, total: int, befolkning: list[int], data: st.DataObject
    ) -> None:
        assume(sum(befolkning) > 0)
        k = len(befolkning)
        q = data.draw(st.lists(st.sampled_from([0.0, 0.25, 0.5, 1.0]), min_size=k, max_size=k))
        s = data.draw(st.sampled_from([0.0, 0.3, 1.0]))
        outn = data.draw(st.sampled_from(["omfördelas", "behålls"]))
        assume(
            outn == "behålls"
            or s == 0
            or sum(p * x for p, x in zip(befolkning, q, strict=True)) > 0
        )
        ut = hu.medelsfördelning(
            total, befolkning, enhet="kr", prestation=q, andel_prestation=s, outnyttjat=outn
        )
        assert int(ut.sum()) == total
        assert (ut >= 0).all()
        a = ut.to_numpy()[:k]
        # exact quotas from a plain reference computation (integers -> fractions)
        P = sum(befolkning)
        D = sum(Fraction(p) * Fraction(x) for p, x in zip(befolkning, q, strict=True))
        nämnare = D if (outn == "omfördelas" and s > 0) else Fraction(P)
        kvot = [
            total
            * (
                (1 - Fraction(s)) * Fraction(p, P)
                + Fraction(s) * Fraction(p) * Fraction(x) / nämnare
            )
            for p, x in zip(befolkning, q, strict=True)
        ]
        assert all(abs(Fraction(int(ai)) - ki) < 1 for ai, ki in zip(a, kvot, strict=True))
        for i in range(k):
            for j in range(k):
                # monotone in population at equal performance, in performance at equal population
                if q[i] == q[j] and befolkning[i] > befolkning[j]:
                    assert a[i] >= a[j]
                # (with no money by performance equal populations tie: the first listed
                # may get one krona more, as the stated tie-break says)
                if befolkning[i] == befolkning[j] and q[i] > q[j] and s > 0:
                    assert a[i] >= a[j]
                if kvot[i] == kvot[j]:
                    assert abs(int(a[i]) - int(a[j])) <= 1


class TestÖverenskommelse:
    def krav(self) -> tuple[hu.Prestationskrav, ...]:
        return (
            hu.Prestationskrav(id="PK1", beskrivning="Handlingsplan", fokusområde="Primärvård"),
            hu.Prestationskrav(id="PK2", beskrivning="Rapport", vikt=3),
        )

    def test_validation(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="not among the agreement's fokusområden"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, prestationskrav=self.krav())
        with pytest.raises(hu.OgiltigtVärdeError, match="duplicate"):
            hu.Överenskommelse(
                namn="Ö",
                år=2024,
                belopp=1,
                fokusområden=("Primärvård",),
                prestationskrav=self.krav() + self.krav()[:1],
            )
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, andel_prestation=30)
        with pytest.raises(hu.OgiltigtVärdeError, match="enhet"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, enhet="euro")
        with pytest.raises(hu.OgiltigtVärdeError, match="vikt"):
            hu.Prestationskrav(id="x", beskrivning="y", vikt=-1)
        with pytest.raises(hu.OgiltigtVärdeError, match="must not be empty"):
            hu.Prestationskrav(id=" ", beskrivning="y")

    def test_methods_delegate(self, monkeypatch: pytest.MonkeyPatch) -> None:
        ök = hu.Överenskommelse(
            namn="Ö",
            år=2024,
            belopp=7.0,
            enhet="tkr",
            fokusområden=("Primärvård",),
            prestationskrav=self.krav(),
            andel_prestation=0.4,
        )
        anrop: dict[str, tuple[object, dict[str, object]]] = {}
        monkeypatch.setattr(
            overenskommelse, "medelsfördelning", lambda *a, **k: anrop.setdefault("m", (a, k))
        )
        monkeypatch.setattr(
            overenskommelse, "prestationsgrad", lambda *a, **k: anrop.setdefault("p", (a, k))
        )
        ök.medelsfördelning("B", prestation="Q", outnyttjat="behålls")  # type: ignore[arg-type]
        assert anrop["m"] == (
            (7.0, "B"),
            {"prestation": "Q", "andel_prestation": 0.4, "outnyttjat": "behålls", "enhet": "tkr"},
        )
        ök.prestationsgrad("X", ej_bedömbart="ej_uppfyllt")
        assert anrop["p"] == (("X", self.krav()), {"ej_bedömbart": "ej_uppfyllt"})


class TestSvarOchBedömning:
    def test_answers_kept_apart_from_assessments(self) -> None:
        svar = [
            hu.Regionsvar(region="Uppsala", krav="PK1", svar="ja"),
            hu.Regionsvar(
                region="0019", krav="PK1", svar="JA MED KOMMENTAR", kommentar="Införs i höst"
            ),
        ]
        t = hu.svarstabell(svar)
        assert t["svar"].tolist() == ["ja", "ja med kommentar"]
        assert pd.isna(t["kommentar"].iloc[0])
        assert t["kommentar"].iloc[1] == "Införs i höst"
        bed = [
            hu.Kravbedömning(
                region="03", krav="PK1", bedömning="ej uppfyllt", motivering="Planen saknar tidplan"
            )
        ]
        b = hu.svarstabell(bed)
        assert list(b.columns) == ["region", "krav", "bedömning", "motivering", "bedömd"]
        assert b["bedömning"].tolist() == ["ej uppfyllt"]  # a "ja" answer, assessed not met
        with pytest.raises(hu.FelTypError, match="not a mix"):
            hu.svarstabell([*svar, *bed])

    def test_invalid(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="needs the comment"):
            hu.Regionsvar(region="03", krav="PK1", svar="ja med kommentar")
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Regionsvar\.svar must be one of"):
            hu.Regionsvar(region="03", krav="PK1", svar="kanske")
        with pytest.raises(hu.OkändRegionError):
            hu.Regionsvar(region="Riket", krav="PK1", svar="ja")
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Kravbedömning\.bedömning must be one of"):
            hu.Kravbedömning(region="03", krav="PK1", bedömning="klart")


class TestPrestationsgrad:
    def krav(self) -> list[hu.Prestationskrav]:
        return [
            hu.Prestationskrav(id="A", beskrivning="a"),
            hu.Prestationskrav(id="B", beskrivning="b", vikt=3),
        ]

    def test_weighted_share_and_policies(self) -> None:
        bed = [
            hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt"),
            hu.Kravbedömning(region="03", krav="B", bedömning="uppfyllt"),
            hu.Kravbedömning(region="19", krav="A", bedömning="uppfyllt"),
            hu.Kravbedömning(region="19", krav="B", bedömning="ej bedömbart ännu"),
            hu.Kravbedömning(region="01", krav="B", bedömning="uppfyllt"),  # A not assessed
        ]
        g = hu.prestationsgrad(bed, self.krav())
        assert g.index.tolist() == ["Region Stockholm", "Region Uppsala", "Region Västmanland"]
        assert g["Region Uppsala"] == 1.0
        assert np.isnan(g["Region Västmanland"])  # not yet assessable: wait
        assert np.isnan(g["Region Stockholm"])  # missing assessment: wait
        assert g.attrs["ej_bedömda"] == 2
        g2 = hu.prestationsgrad(bed, self.krav(), ej_bedömbart="ej_uppfyllt")
        # Västmanland met A (weight 1 of 4): 0.25; Stockholm met B (3 of 4): 0.75
        assert g2["Region Västmanland"] == pytest.approx(0.25)
        assert g2["Region Stockholm"] == pytest.approx(0.75)

    def test_invalid(self) -> None:
        b = pd.DataFrame({"region": ["03"], "krav": ["C"], "bedömning": ["uppfyllt"]})
        with pytest.raises(hu.OgiltigtVärdeError, match="not among"):
            hu.prestationsgrad(b, self.krav())
        b = pd.DataFrame(
            {"region": ["03", "Uppsala"], "krav": ["A", "A"], "bedömning": ["uppfyllt", "uppfyllt"]}
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="assessed twice"):
            hu.prestationsgrad(b, self.krav())
        with pytest.raises(hu.OgiltigtVärdeError, match="krav is empty"):
            hu.prestationsgrad(b, [])
        with pytest.raises(hu.OgiltigtVärdeError, match="ej_bedömbart"):
            hu.prestationsgrad(b, self.krav(), ej_bedömbart="vänta ej")  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="bedömning"):
            hu.prestationsgrad(b.drop(columns="bedömning"), self.krav())

    def test_feeds_the_distribution(self) -> None:
        b = pd.DataFrame(
            {
                "region": ["03", "03", "19", "19"],
                "krav": ["A", "B", "A", "B"],
                "bedömning": ["uppfyllt", "uppfyllt", "uppfyllt", "ej uppfyllt"],
            }
        )
        g = hu.prestationsgrad(b, self.krav())  # Uppsala 1, Västmanland 0.25
        bef = pd.Series([1.0, 1.0], index=g.index)
        ut = hu.medelsfördelning(500, bef, enhet="kr", prestation=g, outnyttjat="omfördelas")
        # weights 1 and 0.25: 400 and 100 kr
        assert ut.tolist() == [400, 100]


# --------------------------------------------------------------------------- input rules


class TestIndata:
    """Every field and argument is read by the one input layer (halsouppfoljning._indata)."""

    def test_text_fields_nfc_and_stripped(self) -> None:
        nfd = unicodedata.normalize("NFD", " Primärvård ")
        k = hu.Prestationskrav(id=" PK1 ", beskrivning="Plan", fokusområde=nfd)
        assert (k.id, k.fokusområde) == ("PK1", "Primärvård")
        # one focus area as a bare string is one area, not its letters
        ök = hu.Överenskommelse(namn="Ö", år=2024, belopp=1, fokusområden=nfd)
        assert ök.fokusområden == ("Primärvård",)
        # empty free text is no text
        assert hu.Regionsvar(region="03", krav="PK1", svar="nej", kommentar="  ").kommentar is None
        with pytest.raises(hu.FelTypError, match="must be text"):
            hu.Prestationskrav(id=1, beskrivning="Plan")  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="must be text"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, fokusområden=("a", 3))  # type: ignore[arg-type]

    def test_answers_and_assessments_any_case_and_form(self) -> None:
        svar = hu.Regionsvar(region="03", krav="A", svar=" Ja Med Kommentar", kommentar="x")
        assert svar.svar is hu.Svar.JA_MED_KOMMENTAR
        nfd = unicodedata.normalize("NFD", "EJ BEDÖMBART ÄNNU")
        b = hu.Kravbedömning(region="03", krav="A", bedömning=nfd)
        assert b.bedömning is hu.Bedömning.EJ_BEDÖMBART_ÄNNU
        with pytest.raises(hu.FelTypError, match="Bedömning"):
            hu.Kravbedömning(region="03", krav="A", bedömning=1)  # type: ignore[arg-type]
        # a Region object is kept as it is
        r = hu.region("19")
        assert hu.Regionsvar(region=r, krav="A", svar="ja").region is r

    def test_dates_by_the_one_date_rule(self) -> None:
        k = hu.Prestationskrav(id="A", beskrivning="a", senast="2024-10-31")
        assert k.senast == dt.date(2024, 10, 31)
        # 23:30 UTC on 29 February is 00:30 on 1 March in Sweden: the local day counts
        utc = dt.datetime(2024, 2, 29, 23, 30, tzinfo=dt.UTC)
        assert hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt", bedömd=utc).bedömd == (
            dt.date(2024, 3, 1)
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="ambiguous"):
            hu.Prestationskrav(id="A", beskrivning="a", senast="01/12/2024")

    def test_numbers_of_an_agreement(self) -> None:
        ök = hu.Överenskommelse(namn="Ö", år=2024.0, belopp=10, andel_prestation=0.25)  # type: ignore[arg-type]
        assert (ök.år, ök.belopp, ök.andel_prestation) == (2024, 10.0, 0.25)
        with pytest.raises(hu.FelTypError, match="år"):
            hu.Överenskommelse(namn="Ö", år="2024", belopp=1)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="tolka_tal"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp="10 mnkr")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="NaN"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=np.nan)
        with pytest.raises(hu.OgiltigtVärdeError, match="must be >= 0"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=-1)
        with pytest.raises(hu.FelTypError, match="vikt"):
            hu.Prestationskrav(id="A", beskrivning="a", vikt=True)
        with pytest.raises(hu.FelTypError, match=r"prestationskrav\[0\] must be a Prestationskrav"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, prestationskrav=("PK1",))  # type: ignore[arg-type]

    def test_money_inputs(self) -> None:
        # booleans are not numbers: met/not met is turned into 1.0/0.0 by the caller
        with pytest.raises(hu.FelTypError, match="prestation"):
            hu.medelsfördelning(
                10, [1, 1], enhet="kr", prestation=[True, False], outnyttjat="behålls"
            )
        assert hu.medelsfördelning(
            10,
            [1, 1],
            enhet="kr",
            prestation=np.array([True, False]).astype(float),
            outnyttjat="behålls",
        ).tolist() == [5, 0, 5]
        with pytest.raises(hu.FelTypError, match="befolkning"):
            hu.medelsfördelning(10, {"a": "1 000"}, enhet="kr")  # type: ignore[dict-item]
        with pytest.raises(hu.OgiltigtVärdeError, match="NaN"):
            hu.medelsfördelning(np.nan, [1], enhet="kr")
        with pytest.raises(hu.FelTypError, match="andel_prestation"):
            hu.medelsfördelning(10, [1], enhet="kr", prestation=[1.0], andel_prestation="hälften")  # type: ignore[arg-type]

    def test_assessments_from_a_table_read_per_distinct_value(self) -> None:
        krav = [hu.Prestationskrav(id="Å1", beskrivning="a")]
        b = pd.DataFrame(
            {
                "region": ["Uppsala", "0019"],
                "krav": [unicodedata.normalize("NFD", " Å1"), "Å1"],
                "bedömning": ["UPPFYLLT", "ej uppfyllt "],
            }
        )
        g = hu.prestationsgrad(b, krav)
        assert g.to_dict() == {"Region Uppsala": 1.0, "Region Västmanland": 0.0}
        with pytest.raises(hu.FelTypError, match="bedömningar"):
            hu.prestationsgrad(["uppfyllt"], krav)  # type: ignore[list-item]


@st.composite
def _bedömningar(draw: st.DrawFn) -> tuple[list[hu.Prestationskrav], list[hu.Kravbedömning]]:
    antal_krav = draw(st.integers(1, 4))
    vikter = draw(st.lists(st.integers(1, 5), min_size=antal_krav, max_size=antal_krav))
    krav = [hu.Prestationskrav(id=f"K{i}", beskrivning="k", vikt=w) for i, w in enumerate(vikter)]
    regioner = draw(st.lists(st.sampled_from(["01", "03", "04", "19"]), unique=True, min_size=1))
    poster = []
    for r in regioner:
        for k in krav:
            val = draw(st.sampled_from([None, *hu.Bedömning]))
            if val is not None:
                poster.append(hu.Kravbedömning(region=r, krav=k.id, bedömning=val))
    assume(poster)  # no assessment at all is an error (test_no_assessments_is_an_error)
    return krav, poster


@given(_bedömningar(), st.sampled_from(["vänta", "ej_uppfyllt"]))
def test_prestationsgrad_matches_a_plain_reference(
    fall: tuple[list[hu.Prestationskrav], list[hu.Kravbedömning]], regel: str
) -> None:
    krav, poster = fall
    g = hu.prestationsgrad(poster, krav, ej_bedömbart=regel)  # type: ignore[arg-type]
    # plain reference: loop over regions and conditions
    total = sum(k.vikt for k in krav)
    bedömt = {(p.region.namn, p.krav): p.bedömning for p in poster}
    for region in {p.region.namn for p in poster}:
        uppfyllt = sum(k.vikt for k in krav if bedömt.get((region, k.id)) is hu.Bedömning.UPPFYLLT)
        väntar = any(
            bedömt.get((region, k.id), hu.Bedömning.EJ_BEDÖMBART_ÄNNU)
            is hu.Bedömning.EJ_BEDÖMBART_ÄNNU
            for k in krav
        )
        if regel == "vänta" and väntar:
            assert np.isnan(g[region])
        else:
            assert g[region] == pytest.approx(uppfyllt / total)
            assert 0.0 <= g[region] <= 1.0
    # the same assessments as a table give the same shares
    tabell = hu.svarstabell(poster) if poster else None
    if tabell is not None:
        pd.testing.assert_series_equal(hu.prestationsgrad(tabell, krav, ej_bedömbart=regel), g)  # type: ignore[arg-type]


class TestIssue12:
    """Bad input of issue 12: duplicated payees, strangers in prestation, wrong types."""

    def test_duplicated_label_in_population_is_an_error_listing_it(self) -> None:
        pop = pd.Series([1.0, 1.0, 2.0], index=["03", "19", "03"])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"befolkning has duplicated keys \['03'\]"):
            hu.medelsfördelning(100, pop, enhet="kr")

    def test_prestation_for_a_region_not_in_the_population_is_an_error(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"prestation names \['20'\]"):
            hu.medelsfördelning(
                100,
                {"03": 1, "19": 1},
                enhet="kr",
                prestation={"03": 1.0, "19": 1.0, "20": 1.0},
                outnyttjat="behålls",
            )

    @pytest.mark.parametrize("värde", [None, 3, 1.5, pd.DataFrame(), object()])
    def test_enum_lookups_give_package_errors(self, värde: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match="Svar value"):
            hu.Svar(värde)
        with pytest.raises(hu.HalsouppfoljningError, match="Bedömning value"):
            hu.Bedömning(värde)

    def test_unknown_text_gives_a_package_error(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="'kanske'"):
            hu.Svar("kanske")
        with pytest.raises(hu.OgiltigtVärdeError, match="'kanske'"):
            hu.Bedömning("kanske")

    @pytest.mark.parametrize("värde", [None, 3, pd.DataFrame()])
    def test_collections_must_be_collections(self, värde: object) -> None:
        with pytest.raises(hu.FelTypError, match="fokusområden"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, fokusområden=värde)
        with pytest.raises(hu.FelTypError, match="prestationskrav"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, prestationskrav=värde)
        with pytest.raises(hu.FelTypError, match="poster"):
            hu.svarstabell(värde)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="krav"):
            hu.prestationsgrad([], värde)  # type: ignore[arg-type]

    @pytest.mark.parametrize("värde", [["kr"], pd.DataFrame()])
    def test_unhashable_units_and_choices(self, värde: object) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="enhet"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, enhet=värde)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="enhet"):
            hu.medelsfördelning(1, [1, 1], enhet=värde)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="outnyttjat"):
            hu.medelsfördelning(
                1,
                [1, 1],
                enhet="kr",
                prestation=[1, 0],
                outnyttjat=värde,  # type: ignore[arg-type]
            )


# --------------------------------------------------------------------------- issue 12: probes


def _tabell(**kolumner: list[object]) -> pd.DataFrame:
    d: dict[str, list[object]] = {
        "region": ["03", "03", "19", "19"],
        "krav": ["A", "B", "A", "B"],
        "bedömning": ["uppfyllt", "ej uppfyllt", "uppfyllt", "uppfyllt"],
    }
    d.update(kolumner)
    return pd.DataFrame(d)


def _två_krav() -> list[hu.Prestationskrav]:
    return [
        hu.Prestationskrav(id="A", beskrivning="a"),
        hu.Prestationskrav(id="B", beskrivning="b", vikt=3),
    ]


class TestFelaktigIndata:
    """Issue 12: each bad input is a package error naming the argument (or a right result)."""

    @pytest.mark.parametrize("vikt", [0, -1, np.nan, np.inf, True, "1", None])
    def test_weights_are_positive_finite_numbers(self, vikt: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match=r"Prestationskrav\.vikt"):
            hu.Prestationskrav(id="A", beskrivning="a", vikt=vikt)  # type: ignore[arg-type]

    @pytest.mark.parametrize("år", [-5, 10**9, 1899, 2200, 2023.7, True])
    def test_the_year_is_a_plausible_whole_year(self, år: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match=r"Överenskommelse\.år"):
            hu.Överenskommelse(namn="Ö", år=år, belopp=1)  # type: ignore[arg-type]

    def test_duplicated_focus_areas(self) -> None:
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"fokusområden has duplicated keys \['a'\]"
        ):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, fokusområden=("a", "a"))

    def test_the_total_is_whole_kronor_and_bounded_at_construction(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"belopp.*not a whole number of kronor"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=0.5, enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match=r"belopp.*more than 10\^15 kr"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=2e6, enhet="mdkr")
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Överenskommelse\.enhet"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, enhet=None)  # type: ignore[arg-type]

    def test_the_unit_is_checked_again_by_evolve(self) -> None:
        import attrs

        ök = hu.Överenskommelse(namn="Ö", år=2024, belopp=1)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Överenskommelse\.enhet"):
            attrs.evolve(ök, enhet="euro")
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Överenskommelse\.belopp"):
            attrs.evolve(ök, belopp=-1)

    @pytest.mark.parametrize("riket", ["Riket", "Hela riket", "Sverige", "0000", "00", "RIKET"])
    def test_riket_is_no_region_of_an_answer_or_assessment(self, riket: str) -> None:
        with pytest.raises(hu.OkändRegionError, match=r"Regionsvar\.region.*Riket"):
            hu.Regionsvar(region=riket, krav="A", svar="ja")
        with pytest.raises(hu.OkändRegionError, match=r"Kravbedömning\.region.*Riket"):
            hu.Kravbedömning(region=riket, krav="A", bedömning="uppfyllt")
        b = _tabell(region=[riket, riket, "19", "19"])
        with pytest.raises(hu.OkändRegionError, match=r"column 'region' \(row 0\).*Riket"):
            hu.prestationsgrad(b, _två_krav())

    @pytest.mark.parametrize("region", [None, 19.0, True, ["03"]])
    def test_a_region_of_the_wrong_type_names_the_field(self, region: object) -> None:
        with pytest.raises(hu.FelTypError, match=r"Regionsvar\.region must be a region"):
            hu.Regionsvar(region=region, krav="A", svar="ja")  # type: ignore[arg-type]

    def test_an_unknown_region_names_the_field(self) -> None:
        with pytest.raises(hu.OkändRegionError, match=r"Kravbedömning\.region.*'Atlantis'"):
            hu.Kravbedömning(region="Atlantis", krav="A", bedömning="uppfyllt")

    @pytest.mark.parametrize("svar", [True, 1, 0, None, "yes"])
    def test_answers_are_answers(self, svar: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match=r"Regionsvar\.svar"):
            hu.Regionsvar(region="03", krav="A", svar=svar)  # type: ignore[arg-type]

    def test_answers_in_any_case_through_the_enum_too(self) -> None:
        assert hu.Svar(" JA") is hu.Svar.JA
        assert hu.Bedömning("Uppfyllt ") is hu.Bedömning.UPPFYLLT

    def test_each_field_is_named_in_its_message(self) -> None:
        with pytest.raises(hu.FelTypError, match=r"Prestationskrav\.id"):
            hu.Prestationskrav(id=None, beskrivning="a")  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match=r"Prestationskrav\.fokusområde"):
            hu.Prestationskrav(id="A", beskrivning="a", fokusområde=1)  # type: ignore[arg-type]
        with pytest.raises(hu.HalsouppfoljningError, match=r"Prestationskrav\.senast"):
            hu.Prestationskrav(id="A", beskrivning="a", senast=20241031)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match=r"Regionsvar\.kommentar"):
            hu.Regionsvar(region="03", krav="A", svar="ja", kommentar=5)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match=r"Kravbedömning\.krav"):
            hu.Kravbedömning(region="03", krav=None, bedömning="uppfyllt")  # type: ignore[arg-type]
        with pytest.raises(hu.HalsouppfoljningError, match=r"Kravbedömning\.bedömd"):
            hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt", bedömd="2024/01/02")
        with pytest.raises(hu.FelTypError, match=r"Överenskommelse\.källa"):
            hu.Överenskommelse(namn="Ö", år=2024, belopp=1, källa=1)  # type: ignore[arg-type]

    def test_the_same_region_answering_twice_is_an_error(self) -> None:
        svar = [
            hu.Regionsvar(region="03", krav="A", svar="ja"),
            hu.Regionsvar(region="Uppsala", krav="A", svar="nej"),
        ]
        with pytest.raises(hu.OgiltigtVärdeError, match=r"poster.*'Region Uppsala', 'A'"):
            hu.svarstabell(svar)
        bedömda = [
            hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt"),
            hu.Kravbedömning(region="0003", krav="A", bedömning="ej uppfyllt"),
        ]
        with pytest.raises(hu.OgiltigtVärdeError, match="assessed twice"):
            hu.svarstabell(bedömda)

    def test_svarstabell_names_an_item_of_the_wrong_kind(self) -> None:
        with pytest.raises(hu.FelTypError, match=r"poster.*got 1 of type int"):
            hu.svarstabell([1, 2])  # type: ignore[list-item]

    def test_duplicated_condition_ids_in_krav(self) -> None:
        krav = [*_två_krav(), hu.Prestationskrav(id="A", beskrivning="igen", vikt=5)]
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"krav has duplicate condition ids \['A'\]"
        ):
            hu.prestationsgrad(_tabell(), krav)

    def test_duplicated_rows_in_the_assessments(self) -> None:
        b = pd.concat([_tabell(), _tabell().iloc[[0]]])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"bedömningar.*assessed twice"):
            hu.prestationsgrad(b, _två_krav())

    def test_a_condition_the_agreement_does_not_have(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"bedömningar name condition\(s\) \['C'\]"):
            hu.prestationsgrad(_tabell(krav=["A", "C", "A", "B"]), _två_krav())

    @pytest.mark.parametrize("värde", ["ja", "nej", 1, 0, None, True, np.nan])
    def test_assessment_cells_that_are_not_assessments(self, värde: object) -> None:
        b = _tabell(bedömning=[värde, "uppfyllt", "uppfyllt", "uppfyllt"])
        with pytest.raises(hu.HalsouppfoljningError, match=r"column 'bedömning' \(row 0\)"):
            hu.prestationsgrad(b, _två_krav())

    @pytest.mark.parametrize("värde", [None, np.nan])
    def test_missing_region_or_condition_cells(self, värde: object) -> None:
        with pytest.raises(hu.FelTypError, match=r"column 'region' \(row 2\)"):
            hu.prestationsgrad(_tabell(region=["03", "03", värde, "19"]), _två_krav())
        with pytest.raises(hu.FelTypError, match=r"column 'krav' \(row 0\)"):
            hu.prestationsgrad(_tabell(krav=[värde, "B", "A", "B"]), _två_krav())

    def test_no_assessments_is_an_error(self) -> None:
        tom = pd.DataFrame(columns=["region", "krav", "bedömning"])
        with pytest.raises(hu.OgiltigtVärdeError, match="bedömningar is empty"):
            hu.prestationsgrad(tom, _två_krav())
        with pytest.raises(hu.OgiltigtVärdeError, match="bedömningar is empty"):
            hu.prestationsgrad([], _två_krav())

    def test_missing_and_repeated_columns(self) -> None:
        with pytest.raises(hu.SaknadKolumnError, match="'region'"):
            hu.prestationsgrad(pd.DataFrame(), _två_krav())
        två_krav_kolumner = pd.concat([_tabell(), _tabell()[["krav"]]], axis=1)
        with pytest.raises(hu.OgiltigtVärdeError, match="column 'krav' occurs 2 times"):
            hu.prestationsgrad(två_krav_kolumner, _två_krav())

    def test_decomposed_column_names_are_found(self) -> None:
        nfd = unicodedata.normalize("NFD", "bedömning")
        g = hu.prestationsgrad(_tabell().rename(columns={"bedömning": nfd}), _två_krav())
        # Uppsala met A (1 of 4), Västmanland both (4 of 4)
        assert g.to_dict() == {"Region Uppsala": 0.25, "Region Västmanland": 1.0}

    @pytest.mark.parametrize("val", [None, 1, ["vänta"], "x"])
    def test_ej_bedömbart_choice_names_the_function(self, val: object) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="prestationsgrad: ej_bedömbart"):
            hu.prestationsgrad(_tabell(), _två_krav(), ej_bedömbart=val)  # type: ignore[arg-type]

    @pytest.mark.parametrize("riket", ["Riket", "Hela riket", "Sverige", "0000", "00"])
    def test_riket_is_never_paid_as_a_region(self, riket: str) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=f"befolkning has the label '{riket}'"):
            hu.medelsfördelning(100, {"03": 1, riket: 3}, enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="Riket"):
            hu.medelsfördelning(100, pd.Series([1, 3], index=["19", riket]), enhet="kr")

    def test_one_region_under_two_spellings_is_paid_once(self) -> None:
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"same region more than once.*'03', 'Uppsala'"
        ):
            hu.medelsfördelning(100, {"03": 1, "Uppsala": 2}, enhet="kr")
        # other allocation keys than regions are fine
        ut = hu.medelsfördelning(100, {"Kommun A": 1, "Kommun B": 3}, enhet="kr")
        assert ut.to_dict() == {"Kommun A": 25, "Kommun B": 75}

    def test_the_label_of_unpaid_money_is_reserved(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="'ej utbetalt'"):
            hu.medelsfördelning(100, {"ej utbetalt": 1, "19": 1}, enhet="kr")

    @pytest.mark.parametrize("belopp", [1e300, 10**30, 2e15])
    def test_absurd_totals(self, belopp: float) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"belopp.*more than 10\^15 kr"):
            hu.medelsfördelning(belopp, [1, 2], enhet="kr")

    def test_a_population_too_large_to_sum(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="befolkning is too large"):
            hu.medelsfördelning(100, [1e308, 1e308], enhet="kr")

    def test_outnyttjat_is_checked_even_when_nothing_goes_by_performance(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="outnyttjat must be"):
            hu.medelsfördelning(100, [1, 2], enhet="kr", outnyttjat="x")  # type: ignore[arg-type]
        ök = hu.Överenskommelse(namn="Ö", år=2024, belopp=10, enhet="kr")
        with pytest.raises(hu.OgiltigtVärdeError, match="outnyttjat must be"):
            ök.medelsfördelning({"03": 1}, outnyttjat=3)  # type: ignore[arg-type]

    def test_labelled_performance_needs_a_labelled_population(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="prestation is labelled"):
            hu.medelsfördelning(
                100,
                [1, 2],
                enhet="kr",
                prestation=pd.Series([1.0, 0.5], index=[5, 6]),
                outnyttjat="behålls",
            )

    def test_messages_of_shares_name_the_function(self) -> None:
        with pytest.raises(hu.AndelsError, match="medelsfördelning: prestation"):
            hu.medelsfördelning(100, [1, 2], enhet="kr", prestation=[80, 50], outnyttjat="behålls")
        with pytest.raises(hu.AndelsError, match="medelsfördelning: andel_prestation"):
            hu.medelsfördelning(100, [1, 2], enhet="kr", andel_prestation=-1)

    @pytest.mark.parametrize("befolkning", [{"a": [1, 2]}, (x for x in [1, 2]), "abc"])
    def test_populations_of_the_wrong_shape(self, befolkning: object) -> None:
        with pytest.raises(hu.FelTypError, match="medelsfördelning: befolkning"):
            hu.medelsfördelning(100, befolkning, enhet="kr")  # type: ignore[arg-type]


@pytest.mark.parametrize("argument", ["befolkning", "prestation"])
@pytest.mark.parametrize(
    "kapslad",
    [[[1.0, 2.0], [3.0]], [np.array([1.0]), 2.0], np.ones((2, 2)), {"19": [1.0, 2.0], "03": 3.0}],
    ids=["ojämn_lista", "array_i_lista", "matris", "lista_i_mapping"],
)
def test_a_nested_sequence_per_recipient_is_a_type_error(argument: str, kapslad: object) -> None:
    # issue 12 (fuzz probe): a ragged nested list reached numpy ("inhomogeneous shape").
    kw: dict[str, object] = {"befolkning": {"19": 1.0, "03": 2.0}}
    if argument == "prestation":
        kw["andel_prestation"] = 0.5
    kw[argument] = kapslad
    with pytest.raises(hu.FelTypError, match=f"medelsfördelning: {argument}"):
        hu.medelsfördelning(1000, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("vikt", [1e15, 1e308, 10**30])
def test_an_absurd_condition_weight_is_refused(vikt: float) -> None:
    # issue 12 (fuzz probe): two weights of 1e308 overflowed in their sum and turned a
    # region meeting one of two equal conditions (0.5 by hand) into 0.0.
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Prestationskrav\.vikt must be less than"):
        hu.Prestationskrav(id="A", beskrivning="a", vikt=vikt)


def test_a_large_but_plausible_weight_keeps_the_weighted_share() -> None:
    krav = [
        hu.Prestationskrav(id="A", beskrivning="a", vikt=1e14),
        hu.Prestationskrav(id="B", beskrivning="b", vikt=1e14),
    ]
    bed = [
        hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt"),
        hu.Kravbedömning(region="03", krav="B", bedömning="ej uppfyllt"),
    ]
    # by hand: equal weights, one of two met -> 0.5
    assert hu.prestationsgrad(bedömningar=bed, krav=krav).tolist() == [0.5]


@pytest.mark.parametrize(
    ("kw", "argument"),
    [
        ({"befolkning": {"03": True, "19": 2.0}}, "befolkning"),
        ({"befolkning": [np.True_, 2.0]}, "befolkning"),
        (
            {
                "befolkning": {"03": 1.0, "19": 2.0},
                "prestation": {"03": True, "19": 0.5},
                "andel_prestation": 0.5,
                "outnyttjat": "behålls",
            },
            "prestation",
        ),
    ],
    ids=["mapping", "lista", "prestation"],
)
def test_a_boolean_per_recipient_is_a_type_error(kw: dict[str, object], argument: str) -> None:
    # issue 12: True among numbers was read as 1 inhabitant (a third of the money).
    with pytest.raises(hu.FelTypError, match=f"medelsfördelning: {argument} must be numbers"):
        hu.medelsfördelning(1000, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "etikett", [None, np.nan, pd.NaT, " "], ids=["none", "nan", "nat", "blank"]
)
def test_a_recipient_without_a_name_is_refused(etikett: object) -> None:
    # issue 12: a NaN label became a payee called NaN with a third of the money.
    befolkning = pd.Series([1.0, 2.0], index=pd.Index([etikett, "19"], dtype=object))
    with pytest.raises(hu.OgiltigtVärdeError, match="befolkning has a recipient without a name"):
        hu.medelsfördelning(1000, befolkning=befolkning)


@pytest.mark.parametrize(
    "datum", [dt.date(1700, 1, 1), "2500-01-01", pd.Timestamp("1850-06-30")], ids=str
)
def test_a_date_outside_the_counted_years_is_refused(datum: object) -> None:
    # issue 12 (own probe): senast/bedömd of 1700 or 2500 were stored as dates.
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Prestationskrav\.senast .* is outside 1900"):
        hu.Prestationskrav(id="A", beskrivning="a", senast=datum)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Kravbedömning\.bedömd .* is outside 1900"):
        hu.Kravbedömning(region="03", krav="A", bedömning="uppfyllt", bedömd=datum)  # type: ignore[arg-type]
