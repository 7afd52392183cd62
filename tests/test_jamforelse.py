"""Tests of halsouppfoljning.jamforelse and the comparison example data.

Every number here is synthetic; expected values come from hand calculation
(shown in the comments) or from a plain reference implementation in the test.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import jamforelse

HÖGRE = hu.Riktning.HÖGRE_ÄR_BÄTTRE
LÄGRE = hu.Riktning.LÄGRE_ÄR_BÄTTRE
KODER = [r.kod for r in hu.regioner()]
NAMN = [r.namn for r in hu.regioner()]
ORDNING = {"röd": 0, "gul": 1, "grön": 2}


def _panel(värden: list[float], *, indikator: str = "x", period: int = 2023) -> pd.DataFrame:
    """A one-period panel of the first len(värden) regions in länskod order."""
    tabell = pd.DataFrame({period: värden}, index=KODER[: len(värden)])
    return hu.regionpanel(tabell, indikator=indikator)


# --------------------------------------------------------------------------- panels


class TestRegionpanelFrånKolada:
    def kolada(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "kpi": ["N1"] * 4 + ["N2"],
                "municipality_id": ["0019", "0000", "0003", "0019", "0019"],
                "year": [2023, 2023, 2023, 2022, 2023],
                "gender": ["T"] * 5,
                "value": [0.81, 0.72, np.nan, 0.79, 12.0],
            }
        )

    def test_riket_apart_regions_named_and_sorted(self) -> None:
        p = hu.regionpanel_från_kolada(self.kolada())
        assert list(p.columns) == [
            "region",
            "indikator",
            "period",
            "värde",
            "täljare",
            "nämnare",
            "kön",
        ]
        n1_2023 = p[(p["indikator"] == "N1") & (p["period"] == 2023)]
        # Riket first, then länskod order (03 before 19); "0000" is not a region.
        assert n1_2023["region"].tolist() == ["Riket", "Region Uppsala", "Region Västmanland"]
        assert n1_2023["värde"].iloc[0] == 0.72
        assert len(p) == 5  # the NaN row is kept, nothing dropped
        assert np.isnan(n1_2023["värde"].iloc[1])
        assert p.attrs["utelämnade"] == 0

    def test_integer_ids_and_missing_gender_column(self) -> None:
        k = self.kolada().drop(columns="gender")
        k["municipality_id"] = [19, 0, 3, 19, 19]  # ids read from CSV without dtype=str
        p = hu.regionpanel_från_kolada(k)
        assert "kön" not in p.columns
        assert set(p["region"]) == {"Riket", "Region Uppsala", "Region Västmanland"}

    def test_numerator_denominator_and_extra_columns(self) -> None:
        k = self.kolada().assign(t=[1.0, 2, 3, 4, 5], n=[10.0, 20, 30, 40, 50], bef=1.0)
        p = hu.regionpanel_från_kolada(k, täljare="t", nämnare="n", behåll=["bef"])
        assert p.loc[p["region"] == "Riket", "täljare"].tolist() == [2.0]
        assert "bef" in p.columns

    def test_decomposed_column_names(self) -> None:
        k = self.kolada().rename(columns={"value": unicodedata.normalize("NFD", "värde")})
        p = hu.regionpanel_från_kolada(k, värde="värde")
        assert len(p) == 5

    def test_unknown_area_raises_or_is_counted(self) -> None:
        k = pd.concat([self.kolada(), self.kolada().iloc[[0]].assign(municipality_id="1980")])
        with pytest.raises(hu.OkändRegionError, match=r"1980.*okända_områden='utelämna'"):
            hu.regionpanel_från_kolada(k)
        p = hu.regionpanel_från_kolada(k, okända_områden="utelämna")
        assert len(p) == 5
        assert p.attrs["utelämnade"] == 1
        assert p.attrs["okända_områden"] == ["1980"]

    def test_duplicates_raise(self) -> None:
        k = pd.concat([self.kolada(), self.kolada().iloc[[0]]])
        with pytest.raises(hu.OgiltigtVärdeError, match="share the same"):
            hu.regionpanel_från_kolada(k)

    def test_invalid_input(self) -> None:
        with pytest.raises(hu.SaknadKolumnError, match="'kpi'"):
            hu.regionpanel_från_kolada(self.kolada().drop(columns="kpi"))
        with pytest.raises(hu.FelTypError, match="DataFrame"):
            hu.regionpanel_från_kolada([1, 2])  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="okända_områden"):
            hu.regionpanel_från_kolada(self.kolada(), okända_områden="kanske")  # type: ignore[arg-type]

    def test_text_values_refused(self) -> None:
        k = self.kolada().astype({"value": object})
        k.loc[0, "value"] = "81,0 %"
        # text where numbers are wanted is a type error, the one rule of the input layer
        with pytest.raises(hu.FelTypError, match="tolka_tal"):
            hu.regionpanel_från_kolada(k)

    def test_empty(self) -> None:
        p = hu.regionpanel_från_kolada(self.kolada().iloc[:0])
        assert len(p) == 0
        assert "region" in p.columns


class TestRegionpanel:
    def test_wide_table_with_index_and_string_years(self) -> None:
        t = pd.DataFrame({"2022": [0.61, 0.70], "2023": [0.64, np.nan]}, index=["SE-C", "riket"])
        p = hu.regionpanel(t, indikator="förtroende", kön="T")
        assert p["period"].tolist() == [2022, 2022, 2023, 2023]
        assert p["region"].tolist() == ["Riket", "Region Uppsala"] * 2
        assert p["kön"].unique().tolist() == ["T"]
        assert np.isnan(p["värde"].iloc[2])

    def test_region_column(self) -> None:
        t = pd.DataFrame({"namn": ["Västmanland", "Uppsala"], 2023: [1.0, 2.0]})
        p = hu.regionpanel(t, indikator="x", region="namn")
        assert p["värde"].tolist() == [2.0, 1.0]  # Uppsala (03) first

    def test_counts_only_gives_ratio_and_nan_on_zero(self) -> None:
        t = pd.DataFrame({2023: [30, 0]}, index=["03", "19"])
        n = pd.DataFrame({2023: [50, 0]}, index=["03", "19"])
        p = hu.regionpanel(täljare=t, nämnare=n, indikator="x")
        assert p["värde"].iloc[0] == pytest.approx(0.6)  # 30 / 50
        assert np.isnan(p["värde"].iloc[1])  # empty denominator: NaN, not 0

    def test_invalid(self) -> None:
        t = pd.DataFrame({2023: [1.0]}, index=["03"])
        with pytest.raises(hu.OgiltigtVärdeError, match="both täljare and nämnare"):
            hu.regionpanel(täljare=t, indikator="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="pass värden"):
            hu.regionpanel(indikator="x")
        with pytest.raises(hu.OkändRegionError, match="Atlantis"):
            hu.regionpanel(pd.DataFrame({2023: [1.0]}, index=["Atlantis"]), indikator="x")
        with pytest.raises(hu.FelTypError, match="DataFrame"):
            hu.regionpanel([1.0], indikator="x")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="indikator"):
            hu.regionpanel(t, indikator="")


# --------------------------------------------------------------------------- totals


class TestSammanvägning:
    def panel(self) -> pd.DataFrame:
        t = pd.DataFrame({2023: [30, 90, 40]}, index=["03", "19", "Riket"])
        n = pd.DataFrame({2023: [100, 200, 100]}, index=["03", "19", "Riket"])
        return hu.regionpanel(täljare=t, nämnare=n, indikator="x")

    def test_ratio_of_sums_by_default_with_printed_riket_beside(self) -> None:
        s = hu.sammanvägning(self.panel())
        # (30 + 90) / (100 + 200) = 0.4; the printed Riket 40/100 = 0.4 stays beside it.
        assert s["värde"].iloc[0] == pytest.approx(0.4)
        assert s["metod"].iloc[0] == "poolad"
        assert (s["täljare"].iloc[0], s["nämnare"].iloc[0]) == (120.0, 300.0)
        assert s["publicerat"].iloc[0] == pytest.approx(0.4)
        assert s["antal_regioner"].iloc[0] == 2
        assert s["exkluderade"].iloc[0] == 0

    def test_unweighted_only_by_name(self) -> None:
        s = hu.sammanvägning(self.panel(), metod="medel")
        assert s["värde"].iloc[0] == pytest.approx((0.3 + 0.45) / 2)
        assert s["metod"].iloc[0] == "medel"

    def test_weighted_mean_when_only_shares(self) -> None:
        p = _panel([0.5, 0.8, np.nan])
        with pytest.raises(hu.OgiltigtVärdeError, match="vikter="):
            hu.sammanvägning(p)
        s = hu.sammanvägning(p, vikter={"Stockholm": 1, "03": 3, "Region Sörmland": 5})
        # (1 * 0.5 + 3 * 0.8) / (1 + 3) = 0.725; Sörmland has no value: excluded, counted.
        assert s["värde"].iloc[0] == pytest.approx(0.725)
        assert s["metod"].iloc[0] == "vägt medel"
        assert s["exkluderade"].iloc[0] == 1
        assert np.isnan(s["publicerat"].iloc[0])  # no Riket row in the panel

    def test_weights_from_a_column_and_series(self) -> None:
        p = _panel([0.5, 0.8]).assign(bef=[1.0, 3.0])
        assert hu.sammanvägning(p, vikter="bef")["värde"].iloc[0] == pytest.approx(0.725)
        w = pd.Series([1.0, 3.0], index=["01", "03"])
        assert hu.sammanvägning(p, vikter=w)["värde"].iloc[0] == pytest.approx(0.725)

    def test_groups(self) -> None:
        p = _panel([0.2, 0.4, 0.6, 0.8])
        g = {"01": "A", "03": "A", "04": "B", "05": "B"}
        s = hu.sammanvägning(p, metod="medel", grupper=g)
        assert s["grupp"].tolist() == ["A", "B"]
        assert s["värde"].tolist() == pytest.approx([0.3, 0.7])
        assert "publicerat" not in s.columns
        # a Series of groups; a region left out is an error naming it (issue 12), so leave
        # regions out by dropping their rows first
        g2 = pd.Series({"01": "A", "05": "A"})
        with pytest.raises(hu.OgiltigtVärdeError, match=r"no group for 2 region.*Uppsala"):
            hu.sammanvägning(p, metod="medel", grupper=g2)
        utan = p[p["region"].isin(["Region Stockholm", "Region Östergötland"])]
        s2 = hu.sammanvägning(utan, metod="medel", grupper=g2)
        assert s2["värde"].tolist() == pytest.approx([0.5])  # (0.2 + 0.8) / 2

    def test_nan_and_empty(self) -> None:
        t = pd.DataFrame({2023: [0, 0]}, index=["03", "19"])
        s = hu.sammanvägning(hu.regionpanel(täljare=t, nämnare=t, indikator="x"))
        assert np.isnan(s["värde"].iloc[0])  # empty denominators: NaN, not 0
        p = _panel([np.nan, np.nan])
        s = hu.sammanvägning(p, metod="medel")
        assert np.isnan(s["värde"].iloc[0])
        assert s["metod"].iloc[0] == "inget underlag"
        assert s["exkluderade"].iloc[0] == 2
        assert len(hu.sammanvägning(_panel([]), metod="medel")) == 0

    def test_invalid(self) -> None:
        p = _panel([0.5, 0.8])
        with pytest.raises(hu.OgiltigtVärdeError, match="metod must be one of"):
            hu.sammanvägning(p, metod="median")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="no weight for"):
            hu.sammanvägning(p, vikter={"01": 1.0})
        with pytest.raises(hu.OgiltigtVärdeError, match="needs vikter"):
            hu.sammanvägning(p, metod="vägt medel")
        with pytest.raises(hu.OgiltigtVärdeError, match="negative"):
            hu.sammanvägning(p, vikter={"01": -1.0, "03": 1.0})
        with pytest.raises(hu.FelTypError, match="vikter"):
            hu.sammanvägning(p, vikter=3.0)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="region panel"):
            hu.sammanvägning([0.5])  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="värde"):
            hu.sammanvägning(p.drop(columns="värde"))

    @given(
        st.lists(
            st.tuples(st.integers(0, 1000), st.integers(1, 1000)).map(lambda tn: (min(tn), tn[1])),
            min_size=1,
            max_size=21,
        )
    )
    def test_ratio_of_sums_lies_between_region_shares(self, par: list[tuple[int, int]]) -> None:
        t = pd.DataFrame({1: [a for a, _ in par]}, index=KODER[: len(par)])
        n = pd.DataFrame({1: [b for _, b in par]}, index=KODER[: len(par)])
        s = hu.sammanvägning(hu.regionpanel(täljare=t, nämnare=n, indikator="x"))
        andelar = [a / b for a, b in par]
        assert min(andelar) - 1e-12 <= s["värde"].iloc[0] <= max(andelar) + 1e-12
        # plain reference: the ratio of the sums
        assert s["värde"].iloc[0] == pytest.approx(sum(a for a, _ in par) / sum(b for _, b in par))

    @given(
        st.lists(
            st.tuples(st.floats(0, 1), st.floats(0.1, 1e6)),
            min_size=1,
            max_size=21,
        )
    )
    def test_weighted_mean_matches_reference(self, par: list[tuple[float, float]]) -> None:
        p = _panel([v for v, _ in par])
        vikter = dict(zip(KODER, [w for _, w in par], strict=False))
        s = hu.sammanvägning(p, vikter=vikter)
        ref = sum(v * w for v, w in par) / sum(w for _, w in par)
        assert s["värde"].iloc[0] == pytest.approx(ref, rel=1e-9, abs=1e-12)
        assert min(v for v, _ in par) - 1e-12 <= s["värde"].iloc[0]
        assert s["värde"].iloc[0] <= max(v for v, _ in par) + 1e-12


# --------------------------------------------------------------------------- change


class TestFörändring:
    def panel(self) -> pd.DataFrame:
        a = hu.regionpanel(
            pd.DataFrame(
                {2019: [0.50, 0.40, 0.45], 2023: [0.60, 0.30, 0.45]},
                index=["03", "19", "Riket"],
            ),
            indikator="a",
        )
        b = hu.regionpanel(
            pd.DataFrame(
                {2021: [200.0, np.nan], 2022: [150.0, 100.0], 2023: [180.0, 120.0]},
                index=["03", "19"],
            ),
            indikator="b",
        )
        return pd.concat([a, b], ignore_index=True)

    def test_hand_checked(self) -> None:
        f = hu.förändring(self.panel(), riktning={"a": HÖGRE, "b": LÄGRE}, andelar=["a"])
        a = f[f["indikator"] == "a"].set_index("region")
        # Uppsala: (0.60 - 0.50) / 0.50 = +0.20; 10 procentenheter = 0.10
        assert a.loc["Region Uppsala", "förändring"] == pytest.approx(0.2)
        assert a.loc["Region Uppsala", "procentenheter"] == pytest.approx(0.1)
        assert not a.loc["Region Uppsala", "försämrad"]
        # Västmanland: (0.30 - 0.40) / 0.40 = -0.25, worse
        assert a.loc["Region Västmanland", "förändring"] == pytest.approx(-0.25)
        assert a.loc["Region Västmanland", "försämrad"]
        assert a.loc["Riket", "förändring"] == 0.0
        b = f[f["indikator"] == "b"].set_index("region")
        # b's first comparable year is 2021 (its own), lower is better:
        # Uppsala 200 -> 180: -(180 - 200) / 200 = +0.10, better
        assert (b["referensperiod"] == 2021).all()
        assert b.loc["Region Uppsala", "förändring"] == pytest.approx(0.1)
        assert b.loc["Region Uppsala", "differens"] == pytest.approx(20.0)
        assert np.isnan(b.loc["Region Uppsala", "procentenheter"])  # not a share
        # Västmanland has no 2021 value: not comparable, NA, not "not worse"
        assert np.isnan(b.loc["Region Västmanland", "förändring"])
        assert b.loc["Region Västmanland", "försämrad"] is pd.NA

    def test_reference_as_mapping_and_scalar(self) -> None:
        f = hu.förändring(
            self.panel(),
            riktning={"a": HÖGRE, "b": LÄGRE},
            referens={"a": 2019, "b": 2022},
            andelar=[],
        )
        b = f[f["indikator"] == "b"].set_index("region")
        # Västmanland 100 -> 120, lower better: -(20 / 100) = -0.2
        assert b.loc["Region Västmanland", "förändring"] == pytest.approx(-0.2)
        f2 = hu.förändring(
            self.panel(),
            riktning={"a": HÖGRE, "b": LÄGRE},
            referens=2022,
            period=2023,
            andelar=[],
        )
        assert np.isnan(f2.loc[f2["indikator"] == "a", "förändring"]).all()
        with pytest.raises(hu.OgiltigtVärdeError, match="no period for indicator"):
            hu.förändring(self.panel(), riktning=HÖGRE, referens={"a": 2019})

    def test_threshold(self) -> None:
        p = _panel([0.50]).pipe(lambda d: pd.concat([d, d.assign(period=2024, värde=0.49)]))
        assert hu.förändring(p, riktning=HÖGRE)["försämrad"].iloc[0]
        assert not hu.förändring(p, riktning=HÖGRE, tröskel=0.02)["försämrad"].iloc[0]

    def test_bundled_direction_used_by_default(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({2019: [10.0], 2023: [12.0]}, index=["03"]),
            indikator="påverkbar_slutenvård",
        )
        f = hu.förändring(p)  # lower is better per the bundled metadata
        assert f["förändring"].iloc[0] == pytest.approx(-0.2)

    def test_invalid(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="no direction"):
            hu.förändring(self.panel())
        with pytest.raises(hu.OgiltigtVärdeError, match="INOM_INTERVALL"):
            hu.förändring(self.panel(), riktning=hu.Riktning.INOM_INTERVALL)
        procent = self.panel().assign(värde=lambda d: d["värde"] * 100)
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.förändring(procent, riktning=HÖGRE, andelar=["a"])
        with pytest.raises(hu.FelTypError, match="riktning"):
            hu.förändring(self.panel(), riktning=3)  # type: ignore[arg-type]

    @given(
        st.lists(st.floats(0.01, 1e6), min_size=1, max_size=8),
        st.lists(st.floats(0.01, 1e6), min_size=8, max_size=8),
    )
    def test_signed_change_flips_with_direction(self, nu: list[float], då: list[float]) -> None:
        k = len(nu)
        p = hu.regionpanel(pd.DataFrame({1: då[:k], 2: nu}, index=KODER[:k]), indikator="x")
        upp = hu.förändring(p, riktning=HÖGRE)
        ned = hu.förändring(p, riktning=LÄGRE)
        np.testing.assert_array_equal(upp["förändring"], -ned["förändring"])
        np.testing.assert_array_equal(upp["differens"], -ned["differens"])
        ref = [(a - b) / b for a, b in zip(nu, då, strict=False)]
        np.testing.assert_allclose(upp["förändring"], ref, rtol=1e-12)
        # worse in one direction and strictly better in the other, or equal
        lika = np.asarray(nu) == np.asarray(då[:k])
        assert ((upp["försämrad"].to_numpy(bool) ^ ned["försämrad"].to_numpy(bool)) | lika).all()


class TestSämreÄnFörstaMätningen:
    def test_flags_per_indicator_first_year(self) -> None:
        a = hu.regionpanel(
            pd.DataFrame({2019: [0.5, 0.6], 2023: [0.4, 0.6]}, index=["03", "19"]), indikator="a"
        )
        b = hu.regionpanel(
            pd.DataFrame({2021: [5.0, np.nan], 2023: [4.0, 3.0]}, index=["03", "19"]), indikator="b"
        )
        f = hu.sämre_än_första_mätningen(pd.concat([a, b]), riktning={"a": HÖGRE, "b": LÄGRE})
        assert f.loc["Region Uppsala", "a"]  # 0.5 -> 0.4, higher better: worse
        assert not f.loc["Region Västmanland", "a"]  # unchanged is not worse
        assert not f.loc["Region Uppsala", "b"]  # 5 -> 4, lower better
        assert f.loc["Region Västmanland", "b"] is pd.NA  # no 2021 value
        assert f.attrs["referensperiod"] == {"a": 2019, "b": 2021}
        assert f.attrs["period"] == {"a": 2023, "b": 2023}

    def test_several_genders_refused(self) -> None:
        p = pd.concat([_panel([1.0]).assign(kön="K"), _panel([1.0]).assign(kön="M")])
        with pytest.raises(hu.OgiltigtVärdeError, match="genders"):
            hu.sämre_än_första_mätningen(p, riktning=HÖGRE)


# --------------------------------------------------------------------------- ranking


class TestRangordning:
    @pytest.mark.parametrize(
        ("metod", "väntat"),
        [
            ("min", [1, 2, 2, 4]),
            ("max", [1, 3, 3, 4]),
            ("dense", [1, 2, 2, 3]),
            ("first", [1, 2, 3, 4]),
            ("average", [1, 2.5, 2.5, 4]),
        ],
    )
    def test_ties_explicit(self, metod: str, väntat: list[float]) -> None:
        r = hu.rangordning(_panel([0.9, 0.8, 0.8, 0.7]), riktning=HÖGRE, metod=metod)  # type: ignore[arg-type]
        assert r["rang"].astype(float).tolist() == väntat
        assert r.attrs["rangmetod"] == metod

    def test_lower_is_better_riket_and_nan(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({1: [3.0, 1.0, np.nan, 2.0]}, index=["01", "03", "04", "Riket"]),
            indikator="x",
        )
        r = hu.rangordning(p, riktning=LÄGRE).set_index("region")
        assert r.loc["Region Uppsala", "rang"] == 1
        assert r.loc["Region Stockholm", "rang"] == 2
        assert r.loc["Region Sörmland", "rang"] is pd.NA
        assert r.loc["Riket", "rang"] is pd.NA
        assert (r["antal_jämförda"] == 2).all()

    def test_per_period(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({1: [1.0, 2.0], 2: [2.0, 1.0]}, index=["01", "03"]), indikator="x"
        )
        assert hu.rangordning(p, riktning=HÖGRE)["rang"].tolist() == [2, 1, 1, 2]

    def test_invalid(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="metod"):
            hu.rangordning(_panel([1.0]), riktning=HÖGRE, metod="olympic")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="INOM_INTERVALL"):
            hu.rangordning(_panel([1.0]), riktning=hu.Riktning.INOM_INTERVALL)

    @given(st.lists(st.integers(0, 5), min_size=1, max_size=21), st.sampled_from([HÖGRE, LÄGRE]))
    def test_ranks_are_a_permutation(self, värden: list[int], riktning: hu.Riktning) -> None:
        p = _panel([float(v) for v in värden])
        först = hu.rangordning(p, riktning=riktning, metod="first")["rang"].to_numpy(int)
        assert sorted(först) == list(range(1, len(värden) + 1))
        # min ranks against a plain reference: 1 + number of strictly better regions
        s = 1 if riktning is HÖGRE else -1
        ref = [1 + sum(s * w > s * v for w in värden) for v in värden]
        assert hu.rangordning(p, riktning=riktning)["rang"].tolist() == ref


# --------------------------------------------------------------------------- colours


class TestFärgregel:
    def test_constructors_and_description(self) -> None:
        r = hu.Färgregel.rang(0.25, 0.25)
        assert (r.typ, r.bästa, r.sämsta) == ("rang", 0.25, 0.25)
        assert "25 %" in r.beskrivning()
        assert "10 % of it" in hu.Färgregel.median(0.1, relativ=True).beskrivning()
        m = hu.Färgregel.mål(hu.Målnivå.tolka("≥80 %"), avrundning=0)
        assert "0 decimals" in m.beskrivning()

    def test_invalid(self) -> None:
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.Färgregel.rang(25, 25)
        with pytest.raises(hu.OgiltigtVärdeError, match="must not exceed 1"):
            hu.Färgregel.rang(0.6, 0.6)
        with pytest.raises(hu.OgiltigtVärdeError, match="marginal"):
            hu.Färgregel.median(-1)
        with pytest.raises(hu.OgiltigtVärdeError, match="typ must be"):
            hu.Färgregel(typ="kvartil")
        with pytest.raises(hu.OgiltigtVärdeError, match="målnivå"):
            hu.Färgregel(typ="mål")

    def test_method_delegates(self, monkeypatch: pytest.MonkeyPatch) -> None:
        anrop: list[tuple[object, ...]] = []

        def falsk(panel: object, regel: object, *, riktning: object, metod: object) -> str:
            anrop.append((panel, regel, riktning, metod))
            return "ok"

        monkeypatch.setattr(jamforelse, "färgklasser", falsk)
        regel = hu.Färgregel.median(1.0)
        assert regel.färgklasser("P", riktning=HÖGRE, metod="max") == "ok"  # type: ignore[arg-type,comparison-overlap]
        assert anrop == [("P", regel, HÖGRE, "max")]


class TestFärgklasser:
    def test_rank_quarters_21_regions(self) -> None:
        p = _panel([float(v) for v in range(21, 0, -1)])  # Stockholm best ... Norrbotten worst
        r = hu.färgklasser(p, hu.Färgregel.rang(0.25, 0.25), riktning=HÖGRE)
        # 0.25 * 21 = 5.25: ranks 1-5 green, the 5 worst red, the 11 between yellow
        assert r["färgklass"].tolist() == ["grön"] * 5 + ["gul"] * 11 + ["röd"] * 5
        assert r["gräns_grön"].iloc[0] == pytest.approx(5.25)
        assert r.attrs["färgregel"] == hu.Färgregel.rang(0.25, 0.25)
        assert r["färgregel"].iloc[0].startswith("rang: best 25 %")

    def test_rank_thirds_lower_is_better(self) -> None:
        p = _panel([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
        r = hu.färgklasser(p, hu.Färgregel.rang(1 / 3, 1 / 3), riktning=LÄGRE)
        assert r["färgklass"].tolist() == ["grön", "grön", "gul", "gul", "röd", "röd"]

    def test_tie_group_straddling_both_cuts_is_yellow(self) -> None:
        p = _panel([1.0, 1.0, 1.0])
        r = hu.färgklasser(p, hu.Färgregel.rang(0.4, 0.4), riktning=HÖGRE)
        assert r["färgklass"].tolist() == ["gul"] * 3

    def test_missing_value_and_riket_have_no_class(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({1: [1.0, np.nan, 0.5]}, index=["01", "03", "Riket"]), indikator="x"
        )
        r = hu.färgklasser(p, hu.Färgregel.rang(0.5, 0.5), riktning=HÖGRE).set_index("region")
        # one region compared: rank 1 > 0.5 * 1 from both ends, so yellow
        assert r.loc["Region Stockholm", "färgklass"] == "gul"
        assert r.loc["Region Stockholm", "antal_jämförda"] == 1
        assert pd.isna(r.loc["Region Uppsala", "färgklass"])
        assert pd.isna(r.loc["Riket", "färgklass"])

    def test_median_absolute_and_relative(self) -> None:
        p = _panel([0.90, 0.80, 0.70, 0.60, 0.76])  # median 0.76
        r = hu.färgklasser(p, hu.Färgregel.median(0.04), riktning=HÖGRE)
        # distances +0.14, +0.04 (inside the inclusive band), -0.06, -0.16, 0
        assert r["median"].iloc[0] == pytest.approx(0.76)
        assert r["färgklass"].tolist() == ["grön", "gul", "röd", "röd", "gul"]
        rel = hu.färgklasser(
            _panel([100.0, 120.0, 80.0]), hu.Färgregel.median(0.1, relativ=True), riktning=LÄGRE
        )
        # median 100; lower better: 120 is 20 % worse (red), 80 is 20 % better (green)
        assert rel["avstånd"].tolist() == pytest.approx([0.0, -0.2, 0.2])
        assert rel["färgklass"].tolist() == ["gul", "röd", "grön"]

    def test_target_rule(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({1: [0.85, 0.798, np.nan, 0.81]}, index=["01", "03", "04", "Riket"]),
            indikator="x",
        )
        r = hu.färgklasser(p, hu.Färgregel.mål(hu.Målnivå.tolka("≥80 %"))).set_index("region")
        assert r.loc["Region Stockholm", "färgklass"] == "grön"
        assert r.loc["Region Uppsala", "färgklass"] == "röd"  # 79,8 % < 80 %
        assert pd.isna(r.loc["Region Sörmland", "färgklass"])  # no outcome: no colour
        assert r.loc["Riket", "färgklass"] == "grön"
        assert r.loc["Region Sörmland", "måluppfyllelse"] is hu.Måluppfyllelse.UNDERLAG_SAKNAS
        # compared at whole percent, 79,8 % rounds to 80 % and is met
        r0 = hu.färgklasser(p, hu.Färgregel.mål({"x": hu.Målnivå.tolka("≥80 %")}, avrundning=0))
        assert r0["färgklass"].iloc[2] == "grön"
        with pytest.raises(hu.OgiltigtVärdeError, match="no målnivå"):
            hu.färgklasser(p, hu.Färgregel.mål({"y": hu.Målnivå.tolka("≥80 %")}))

    def test_invalid(self) -> None:
        with pytest.raises(hu.FelTypError, match="Färgregel"):
            hu.färgklasser(_panel([1.0]), "rang")  # type: ignore[arg-type]

    @given(
        st.lists(st.integers(-3, 3), min_size=1, max_size=21),
        st.sampled_from([HÖGRE, LÄGRE]),
        st.floats(0, 0.5),
        st.floats(0, 0.5),
        st.floats(0, 2),
    )
    def test_classes_monotone_in_the_good_direction(
        self, värden: list[int], riktning: hu.Riktning, b: float, s: float, marginal: float
    ) -> None:
        p = _panel([float(v) for v in värden])
        tecken = 1 if riktning is HÖGRE else -1
        for regel in (hu.Färgregel.rang(b, s), hu.Färgregel.median(marginal)):
            for metod in ("min", "first"):
                k = hu.färgklasser(p, regel, riktning=riktning, metod=metod)  # type: ignore[arg-type]
                klass = [ORDNING[c] for c in k["färgklass"]]
                for i, vi in enumerate(värden):
                    for j, vj in enumerate(värden):
                        if tecken * vi > tecken * vj:
                            assert klass[i] >= klass[j], (regel, metod, värden)
                        if vi == vj and metod == "min":
                            assert klass[i] == klass[j]


# --------------------------------------------------------------------------- example data


class TestExempeldata:
    def test_core_indicators(self) -> None:
        k = hu.exempeldata.kärnindikatorer_nära_vård()
        assert len(k) == 12
        lägre = set(k.index[k["riktning"] == LÄGRE])
        # the four the national list marks lower-is-better
        assert lägre == {
            "påverkbar_slutenvård",
            "oplanerade_återinskrivningar",
            "läkemedel_bör_undvikas_äldre",
            "överbeläggningar",
        }
        assert k.loc["påverkbar_slutenvård", "per"] == "100000 invånare"
        assert not {"värde", "value"} & set(k.columns)  # metadata only, no values
        assert "No values" in k.attrs["källa"]
        assert k.index.is_unique

    def test_synthetic_is_reproducible_and_consistent(self) -> None:
        a = hu.exempeldata.syntetisk_kolada(seed=7)
        b = hu.exempeldata.syntetisk_kolada(seed=7)
        pd.testing.assert_frame_equal(a, b)
        assert a.attrs["syntetisk"]
        p = hu.regionpanel_från_kolada(a, täljare="täljare", nämnare="nämnare")
        s = hu.sammanvägning(p[p["indikator"] == "medicinsk_bedömning_3_dagar"])
        assert (s["metod"] == "poolad").all()
        np.testing.assert_allclose(s["värde"], s["publicerat"], rtol=1e-12)
        assert hu.exempeldata.syntetisk_befolkning(seed=1).index[0] == NAMN[0]


# ------------------------------------------------------- one vocabulary, one input layer


class TestAggregering:
    def panel(self) -> pd.DataFrame:
        t = pd.DataFrame({2023: [30, 90]}, index=["03", "19"])
        n = pd.DataFrame({2023: [100, 200]}, index=["03", "19"])
        return hu.regionpanel(täljare=t, nämnare=n, indikator="x").assign(bef=[1.0, 3.0])

    def test_enum_and_its_string_values(self) -> None:
        p = self.panel()
        # pooled (30 + 90) / (100 + 200) = 0.4; mean (0.3 + 0.45) / 2 = 0.375;
        # weighted (1 * 0.3 + 3 * 0.45) / 4 = 0.4125
        for metod, värde in (
            (hu.Aggregering.POOLAD, 0.4),
            ("poolad", 0.4),
            (hu.Aggregering.MEDEL, 0.375),
            (" Medel", 0.375),
            (hu.Aggregering.VÄGT_MEDEL, 0.4125),
            (unicodedata.normalize("NFD", "VÄGT MEDEL"), 0.4125),
        ):
            s = hu.sammanvägning(p, metod=metod, vikter="bef")  # type: ignore[arg-type]
            assert s["värde"].iloc[0] == pytest.approx(värde), metod
            assert s["metod"].iloc[0] == hu.Aggregering(str(s["metod"].iloc[0])).value
        assert hu.sammanvägning(p, metod="medel")["metod"].tolist() == ["medel"]

    def test_other_choices_refused_listing_the_three(self) -> None:
        p = self.panel()
        for fel in (hu.Aggregering.R12, "kvot_av_summor", "ovägt_medelvärde"):
            with pytest.raises(hu.OgiltigtVärdeError, match="'poolad', 'vägt medel', 'medel'"):
                hu.sammanvägning(p, metod=fel)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="Aggregering"):
            hu.sammanvägning(p, metod=1)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match=r"Aggregering\.MEDEL"):
            hu.sammanvägning(_panel([0.5, 0.8]))  # shares only: the message names the enum

    @given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 100)), min_size=1, max_size=21))
    def test_choice_by_data_is_the_pooled_choice(self, par: list[tuple[int, int]]) -> None:
        t = pd.DataFrame({1: [min(a, b) for a, b in par]}, index=KODER[: len(par)])
        n = pd.DataFrame({1: [b for _, b in par]}, index=KODER[: len(par)])
        p = hu.regionpanel(täljare=t, nämnare=n, indikator="x")
        vald = hu.sammanvägning(p)
        pd.testing.assert_frame_equal(vald, hu.sammanvägning(p, metod=hu.Aggregering.POOLAD))
        # the unweighted mean against a plain reference
        medel = hu.sammanvägning(p, metod="medel")["värde"].iloc[0]
        assert medel == pytest.approx(sum(min(a, b) / b for a, b in par) / len(par))


class TestPerioder:
    def tertialpanel(self) -> pd.DataFrame:
        tabell = pd.DataFrame(
            {"T1 2023": [0.50, 0.40], "T2 2023": [0.55, 0.35], "T3 2023": [0.60, 0.30]},
            index=["03", "19"],
        )
        return hu.regionpanel(tabell, indikator="x")

    def test_period_names_the_label_that_denotes_it(self) -> None:
        p = self.tertialpanel()
        f = hu.förändring(
            p,
            riktning=HÖGRE,
            referens=hu.Period.tertial(2023, 1),
            period=hu.Period.tertial(2023, 2),
            andelar="x",
        )
        assert f["referensperiod"].tolist() == ["T1 2023"] * 2
        assert f["period"].tolist() == ["T2 2023"] * 2
        # Uppsala 0.50 -> 0.55: +0.10 relative, +5 procentenheter
        assert f["förändring"].iloc[0] == pytest.approx(0.1)
        assert f["procentenheter"].iloc[0] == pytest.approx(0.05)
        # a mapping may hold Periods too
        g = hu.förändring(p, riktning=HÖGRE, referens={"x": hu.Period.tertial(2023, 2)})
        assert g["referensperiod"].tolist() == ["T2 2023"] * 2
        assert g["period"].tolist() == ["T3 2023"] * 2

    def test_a_year_is_its_full_year(self) -> None:
        p = TestFörändring().panel()
        riktning = {"a": HÖGRE, "b": LÄGRE}
        med_år = hu.förändring(p, riktning=riktning, referens=2022, period=2023, andelar=[])
        med_period = hu.förändring(
            p,
            riktning=riktning,
            referens=hu.Period.helår(2022),
            period=hu.Period.helår(2023),
            andelar=[],
        )
        pd.testing.assert_frame_equal(med_år, med_period)

    def test_unmatched_or_ambiguous_period_refused(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="matches no label"):
            hu.förändring(self.tertialpanel(), riktning=HÖGRE, referens=hu.Period.helår(2023))
        # labels 1 and 2 are not years of a calendar: no Period denotes them
        p = hu.regionpanel(pd.DataFrame({1: [1.0], 2: [2.0]}, index=["03"]), indikator="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="matches no label"):
            hu.förändring(p, riktning=HÖGRE, period=hu.Period.helår(2023))
        två = pd.concat(
            [_panel([1.0], period=2023), _panel([2.0], indikator="y").assign(period="Helår 2023")]
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="several labels"):
            hu.förändring(två, riktning=HÖGRE, referens=hu.Period.helår(2023))
        # a label that is no year (2023.5) denotes no period
        halv = hu.regionpanel(pd.DataFrame({2023.5: [1.0]}, index=["03"]), indikator="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="matches no label"):
            hu.förändring(halv, riktning=HÖGRE, referens=hu.Period.helår(2023))

    def test_period_objects_as_labels(self) -> None:
        # a panel built by hand may hold Period objects as its labels
        t1, t2 = hu.Period.tertial(2023, 1), hu.Period.tertial(2023, 2)
        p = pd.DataFrame(
            {
                "region": ["Region Uppsala"] * 2,
                "indikator": "x",
                "period": [t1, t2],
                "värde": [2.0, 3.0],
            }
        )
        f = hu.förändring(p, riktning=HÖGRE, referens=t1, period=t2, andelar=[])
        assert f["förändring"].tolist() == pytest.approx([0.5])  # (3 - 2) / 2

    def test_worse_than_first_takes_a_period(self) -> None:
        p = self.tertialpanel()
        f = hu.sämre_än_första_mätningen(p, riktning=HÖGRE, referens=hu.Period.tertial(2023, 2))
        assert f.attrs["referensperiod"] == {"x": "T2 2023"}
        assert f.attrs["period"] == {"x": "T3 2023"}
        # Uppsala 0.55 -> 0.60 better; Västmanland 0.35 -> 0.30 worse
        assert f["x"].tolist() == [False, True]

    @given(st.integers(1990, 2030), st.integers(1, 5))
    def test_year_and_helår_agree(self, år: int, steg: int) -> None:
        tabell = pd.DataFrame({år: [1.0, 2.0], år + steg: [1.5, 1.0]}, index=["03", "19"])
        p = hu.regionpanel(tabell, indikator="x")
        a = hu.förändring(p, riktning=LÄGRE, referens=hu.Period.helår(år))
        b = hu.förändring(p, riktning=LÄGRE, referens=år)
        pd.testing.assert_frame_equal(a, b)
        # lower is better: 1.0 -> 1.5 is -50 %, 2.0 -> 1.0 is +50 %
        assert a["förändring"].tolist() == pytest.approx([-0.5, 0.5])


class TestIndata:
    def test_frames_and_columns(self) -> None:
        with pytest.raises(hu.FelTypError, match=r"builtins\.dict"):
            hu.rangordning({"region": ["03"]}, riktning=HÖGRE)  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="Did you mean 'value'"):
            hu.regionpanel_från_kolada(TestRegionpanelFrånKolada().kolada(), värde="valeu")
        k = TestRegionpanelFrånKolada().kolada().assign(region="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="already has"):
            hu.regionpanel_från_kolada(k, behåll="region")
        k = TestRegionpanelFrånKolada().kolada().assign(befolkning=1.0)
        assert "befolkning" in hu.regionpanel_från_kolada(k, behåll="befolkning").columns
        k = TestRegionpanelFrånKolada().kolada()
        k.loc[0, "municipality_id"] = None
        with pytest.raises(hu.OkändRegionError, match="<missing>"):
            hu.regionpanel_från_kolada(k)
        t = pd.DataFrame({"namn": ["Uppsala"], 2023: [1.0]})
        with pytest.raises(hu.SaknadKolumnError, match="namm"):
            hu.regionpanel(t, indikator="x", region="namm")

    def test_numbers_and_text(self) -> None:
        p = _panel([0.5, 0.8])
        with pytest.raises(hu.FelTypError, match="tröskel"):
            hu.förändring(p, riktning=HÖGRE, tröskel="0,02")  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="grupper"):
            hu.sammanvägning(p, metod="medel", grupper=3)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="vikter"):
            hu.sammanvägning(p, vikter={"01": "1", "03": "3"})  # type: ignore[dict-item]
        with pytest.raises(hu.FelTypError, match="indikator"):
            hu.regionpanel(pd.DataFrame({1: [1.0]}, index=["03"]), indikator=3)  # type: ignore[arg-type]
        # the direction as its text, in any case
        f = hu.förändring(
            pd.concat([p, p.assign(period=2024, värde=[0.4, 0.9])]), riktning=" HÖGRE är bättre"
        )
        assert f["försämrad"].tolist() == [True, False]
        with pytest.raises(hu.OgiltigtVärdeError, match="högre är bättre"):
            hu.förändring(p, riktning={"x": "uppåt"})

    def test_colour_rule_fields(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="NaN"):
            hu.Färgregel.rang(0.25, np.nan)
        with pytest.raises(hu.OgiltigtVärdeError, match="finite"):
            hu.Färgregel.median(np.inf)
        with pytest.raises(hu.OgiltigtVärdeError, match="needs bästa"):
            hu.Färgregel(typ="rang")
        with pytest.raises(hu.OgiltigtVärdeError, match="avrundning"):
            hu.Färgregel.mål(hu.Målnivå.tolka("≥80 %"), avrundning=-1)
        assert hu.Färgregel.rang(1, 0).bästa == 1.0
        with pytest.raises(hu.FelTypError, match="relativ"):
            hu.Färgregel.median(0.1, relativ="ja")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="metod"):
            hu.färgklasser(_panel([1.0]), hu.Färgregel.rang(0.5, 0.5), riktning=HÖGRE, metod="x")  # type: ignore[arg-type]


@given(
    st.lists(st.floats(0, 1), min_size=2, max_size=21),
    st.randoms(use_true_random=False),
)
def test_panel_and_totals_invariant_under_row_order(värden: list[float], slump: object) -> None:
    """Reordering the input table changes neither the panel nor its totals."""
    koder = KODER[: len(värden)]
    tabell = pd.DataFrame({2023: värden, 2024: värden[::-1]}, index=koder)
    ordning = list(range(len(värden)))
    slump.shuffle(ordning)  # type: ignore[attr-defined]
    a = hu.regionpanel(tabell, indikator="x").assign(bef=1.0)
    b = hu.regionpanel(tabell.iloc[ordning], indikator="x").assign(bef=1.0)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(
        hu.sammanvägning(a, vikter="bef"), hu.sammanvägning(b.iloc[::-1], vikter="bef")
    )
    # equal weights: the weighted mean is the plain mean
    s = hu.sammanvägning(a, vikter="bef")
    assert s["värde"].tolist() == pytest.approx([np.mean(värden)] * 2)


# --------------------------------------------------------------------------- issue 13 and 14


def _riket(värden: dict[int, float], *, indikator: str = "x") -> pd.DataFrame:
    """A panel of national figures only (Riket's rows)."""
    return hu.regionpanel(pd.DataFrame(värden, index=["Riket"]), indikator=indikator)


class TestRiketOnly:
    def test_förändring_on_national_figures(self) -> None:
        p = _riket({2019: 0.50, 2021: 0.55, 2023: 0.60})
        f = hu.förändring(p, riktning=HÖGRE, andelar=["x"])
        assert len(f) == 1
        rad = f.iloc[0]
        assert (rad["region"], rad["referensperiod"], rad["period"]) == ("Riket", 2019, 2023)
        # 0,60 / 0,50 - 1 = +20 %; 0,60 - 0,50 = 10 procentenheter; better, so not worse
        assert rad["förändring"] == pytest.approx(0.2)
        assert rad["procentenheter"] == pytest.approx(0.1)
        assert not rad["försämrad"]
        # lower is better: the same rise is a worsening of 20 %
        g = hu.förändring(p, riktning=LÄGRE, andelar=["x"])
        assert g["förändring"].iloc[0] == pytest.approx(-0.2)
        assert bool(g["försämrad"].iloc[0])
        # explicit periods work on national figures too
        h = hu.förändring(p, riktning=HÖGRE, referens=2021, period=hu.Period.helår(2023))
        assert h["differens"].iloc[0] == pytest.approx(0.05)

    def test_mixed_panel_regions_decide_where_they_have_values(self) -> None:
        # indicator a: regions from 2021 (Riket has 2019 too); indicator b: Riket only
        a = hu.regionpanel(
            pd.DataFrame(
                {2019: [np.nan, 0.4], 2021: [0.5, 0.5], 2023: [0.6, 0.6]}, index=["03", "Riket"]
            ),
            indikator="a",
        )
        b = _riket({2018: 10.0, 2023: 12.0}, indikator="b")
        f = hu.förändring(pd.concat([a, b]), riktning={"a": HÖGRE, "b": LÄGRE}, andelar=["a"])
        per = f.set_index(["indikator", "region"])
        # a: the first year any region has a value is 2021, for Riket too
        assert per.loc[("a", "Riket"), "referensperiod"] == 2021
        assert per.loc[("a", "Region Uppsala"), "differens"] == pytest.approx(0.1)
        # b: 12 against 10, lower is better: -(12 - 10) = -2, worse
        assert per.loc[("b", "Riket"), "referensperiod"] == 2018
        assert per.loc[("b", "Riket"), "differens"] == pytest.approx(-2.0)
        assert bool(per.loc[("b", "Riket"), "försämrad"])

    def test_sämre_än_första_mätningen_national(self) -> None:
        p = pd.concat(
            [
                _riket({2019: 0.5, 2023: 0.4}, indikator="a"),
                _riket({2020: 3.0, 2023: 2.0}, indikator="b"),
            ]
        )
        flagga = hu.sämre_än_första_mätningen(p, riktning={"a": HÖGRE, "b": LÄGRE})
        assert flagga.index.tolist() == ["Riket"]
        assert flagga.loc["Riket", "a"] == True  # noqa: E712  (0,4 < 0,5, higher better)
        assert flagga.loc["Riket", "b"] == False  # noqa: E712  (2 < 3, lower better)
        assert flagga.attrs["referensperiod"] == {"a": 2019, "b": 2020}

    def test_national_figures_per_gender(self) -> None:
        kolada = pd.DataFrame(
            {
                "kpi": ["N1"] * 4,
                "municipality_id": ["0000"] * 4,
                "year": [2020, 2023, 2020, 2023],
                "gender": ["K", "K", "M", "M"],
                "value": [0.5, 0.6, 0.5, 0.45],
            }
        )
        f = hu.förändring(hu.regionpanel_från_kolada(kolada), riktning=HÖGRE, andelar=["N1"])
        assert f.set_index("kön")["procentenheter"].round(6).to_dict() == {"K": 0.1, "M": -0.05}


@given(
    st.lists(
        st.one_of(st.none(), st.integers(0, 1000).map(lambda x: x / 1000)),
        min_size=2,
        max_size=6,
    ),
    st.sampled_from([HÖGRE, LÄGRE]),
)
@settings(max_examples=max(15, settings.default.max_examples // 4))
def test_national_figures_compare_as_a_region_would(
    värden: list[float | None], riktning: hu.Riktning
) -> None:
    # The same series as Riket's only rows and as one region's rows gives the same change.
    år = {2018 + i: [np.nan if v is None else v] for i, v in enumerate(värden)}
    riket = hu.regionpanel(pd.DataFrame(år, index=["Riket"]), indikator="x")
    region = hu.regionpanel(pd.DataFrame(år, index=["19"]), indikator="x")
    if riket["värde"].notna().sum() == 0:
        return
    kolumner = ["referensperiod", "period", "differens", "procentenheter", "försämrad"]
    a = hu.förändring(riket, riktning=riktning, andelar=["x"])[kolumner]
    b = hu.förändring(region, riktning=riktning, andelar=["x"])[kolumner]
    pd.testing.assert_frame_equal(a, b)


class TestKoladaRaw:
    def test_flat_raw_columns(self) -> None:
        rå = pd.DataFrame(
            {
                "kpi": ["N1", "N1", "N1"],
                "municipality": ["0000", "0019", "0003"],
                "period": ["2024", "2024", "2024"],  # the v2 docs give period as text
                "gender": ["T", "T", "T"],
                "value": [0.7, 0.8, None],
            }
        )
        p = hu.regionpanel_från_kolada(rå)
        assert p["region"].tolist() == ["Riket", "Region Uppsala", "Region Västmanland"]
        assert p["period"].tolist() == [2024, 2024, 2024]
        assert p["period"].dtype == np.int64
        assert p["värde"].tolist()[0] == 0.7
        assert np.isnan(p["värde"].iloc[1])
        assert p["kön"].tolist() == ["T", "T", "T"]

    def test_simplified_names_win_when_both_are_there(self) -> None:
        t = pd.DataFrame(
            {
                "kpi": ["N1"],
                "municipality_id": ["0019"],
                "municipality": ["Västmanland"],
                "year": [2023],
                "period": ["x"],
                "value": [1.0],
            }
        )
        p = hu.regionpanel_från_kolada(t)
        assert (p["region"].item(), p["period"].item()) == ("Region Västmanland", 2023)

    def test_nested_values_deleted_and_empty(self) -> None:
        rå = pd.DataFrame(
            {
                "kpi": ["N1", "N1", "N1", "N1"],
                "municipality": ["0000", "0019", "0003", "0001"],
                "period": [2024, "2024", 2024, 2024],
                "isdeleted": [False, False, False, True],  # outer level: one row deleted
                "values": [
                    [{"gender": "T", "count": 1, "status": "", "value": 84.1, "isdeleted": False}],
                    [
                        {
                            "gender": "T",
                            "count": 1,
                            "status": "",
                            "value": 80.0,
                            "is_deleted": False,
                        },
                        {
                            "gender": "K",
                            "count": 1,
                            "status": "Missing",
                            "value": None,
                            "is_deleted": False,
                        },
                        {
                            "gender": "M",
                            "count": 1,
                            "status": "",
                            "value": 79.0,
                            "is_deleted": True,
                        },  # inner level, v2 spelling
                    ],
                    [],  # no values for Uppsala
                    [{"gender": "T", "value": 1.0}],
                ],
            }
        )
        p = hu.regionpanel_från_kolada(rå, behåll=["status", "count"])
        # kept: Riket T, Västmanland T and K (value null kept as NaN with its status)
        assert p[["region", "kön"]].values.tolist() == [
            ["Region Västmanland", "K"],
            ["Riket", "T"],
            ["Region Västmanland", "T"],
        ]
        assert np.isnan(p["värde"].iloc[0])
        assert p["status"].tolist() == ["Missing", "", ""]
        assert p["värde"].iloc[1:].tolist() == [84.1, 80.0]
        assert p.attrs["raderade"] == 2  # one outer (Stockholm), one inner (M)
        assert p.attrs["utan_värden"] == 1  # Uppsala's empty list

    def test_nested_without_gender_or_value(self) -> None:
        rå = pd.DataFrame(
            {
                "kpi": ["N1"],
                "municipality": ["0019"],
                "period": [2024],
                "values": [[{"status": "x"}]],
            }
        )
        p = hu.regionpanel_från_kolada(rå)
        assert "kön" not in p.columns
        assert np.isnan(p["värde"].item())

    def test_nested_errors(self) -> None:
        inte_lista = pd.DataFrame(
            {"kpi": ["N1"], "municipality": ["0019"], "period": [2024], "values": ["84,1"]}
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="per-gender objects"):
            hu.regionpanel_från_kolada(inte_lista)
        inte_objekt = pd.DataFrame(
            {"kpi": ["N1"], "municipality": ["0019"], "period": [2024], "values": [[84.1]]}
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="must be an object"):
            hu.regionpanel_från_kolada(inte_objekt)
        text_flagga = pd.DataFrame(
            {
                "kpi": ["N1"],
                "municipality": ["0019"],
                "period": [2024],
                "values": [[{"gender": "T", "value": 1.0, "isdeleted": "false"}]],
            }
        )
        with pytest.raises(hu.FelTypError, match="'isdeleted' must be boolean"):
            hu.regionpanel_från_kolada(text_flagga)
        utan_område = pd.DataFrame({"kpi": ["N1"], "period": [2024], "value": [1.0]})
        with pytest.raises(hu.SaknadKolumnError, match="municipality_id"):
            hu.regionpanel_från_kolada(utan_område)

    def test_nested_keys_do_not_overwrite_outer_columns(self) -> None:
        # an inner "kpi" or "period" (not in Kolada's answer) never replaces the outer one
        rå = pd.DataFrame(
            {
                "kpi": ["N1"],
                "municipality": ["0019"],
                "period": [2024],
                "values": [[{"gender": "T", "value": 0.5, "kpi": "N2", "period": 1999}]],
            }
        )
        p = hu.regionpanel_från_kolada(rå)
        assert (p["indikator"].item(), p["period"].item(), p["värde"].item()) == ("N1", 2024, 0.5)

    def test_a_value_column_means_the_flat_form(self) -> None:
        t = pd.DataFrame(
            {
                "kpi": ["N1"],
                "municipality": ["0019"],
                "period": [2024],
                "value": [1.0],
                "values": ["ignored"],
            }
        )
        assert hu.regionpanel_från_kolada(t)["värde"].item() == 1.0


class TestRangordningEtikett:
    def enkät(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "dimension": ["Respekt", "Information", "Delaktighet", "Tillgänglighet"] * 2,
                "år": [2022] * 4 + [2024] * 4,
                "värde": [0.86, 0.75, 0.70, 0.75, 0.85, 0.78, 0.79, np.nan],
            }
        )

    def test_survey_dimensions(self) -> None:
        r = hu.rangordning(self.enkät(), etikett="dimension", per="år", riktning=HÖGRE)
        # 2022: 0,86 first, 0,75 and 0,75 share second, 0,70 fourth; 2024: NaN unranked
        assert r["rang"].tolist()[:4] == [1, 2, 4, 2]
        assert r["rang"].tolist()[4:7] == [1, 3, 2]
        assert r["rang"].iloc[7] is pd.NA
        assert r["antal_jämförda"].tolist() == [4] * 4 + [3] * 4
        assert r.attrs["etikett"] == "dimension"
        # without per, all eight rows are one ranking
        alla = hu.rangordning(self.enkät(), etikett="dimension", riktning="lägre är bättre")
        assert alla["rang"].iloc[2] == 1  # 0,70 is the lowest
        assert (alla["antal_jämförda"] == 7).all()

    def test_units_with_an_indicator_column_and_bundled_direction(self) -> None:
        # median waiting days (N79241: lower is better, from the curated Kolada table)
        enheter = pd.DataFrame(
            {
                "enhet": ["VC Norr", "VC Syd", "VC Öst"],
                "indikator": ["N79241"] * 3,
                "period": [2024] * 3,
                "värde": [30.0, 12.0, 20.0],
            }
        )
        r = hu.rangordning(enheter, etikett="enhet")
        assert r["rang"].tolist() == [3, 1, 2]
        # a row called Riket is an item like any other when the items are not regions
        riket = enheter.assign(enhet=["Riket", "VC Syd", "VC Öst"])
        assert hu.rangordning(riket, etikett="enhet")["rang"].tolist() == [3, 1, 2]

    def test_errors(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="no 'indikator' column"):
            hu.rangordning(self.enkät(), etikett="dimension")
        with pytest.raises(hu.OgiltigtVärdeError, match="no 'indikator' column"):
            hu.rangordning(self.enkät(), etikett="dimension", riktning={"x": HÖGRE})
        with pytest.raises(hu.SaknadKolumnError, match="dimensjon"):
            hu.rangordning(self.enkät(), etikett="dimensjon", riktning=HÖGRE)
        with pytest.raises(hu.SaknadKolumnError, match="per="):
            hu.rangordning(self.enkät(), etikett="dimension", per="year", riktning=HÖGRE)
        with pytest.raises(hu.FelTypError, match="etikett"):
            hu.rangordning(self.enkät(), etikett=3, riktning=HÖGRE)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError):
            hu.rangordning([1, 2], etikett="dimension", riktning=HÖGRE)  # type: ignore[arg-type]
        tom = self.enkät().iloc[:0]
        assert hu.rangordning(tom, etikett="dimension", riktning=HÖGRE).empty

    @given(st.lists(st.integers(0, 5), min_size=1, max_size=21))
    def test_any_label_ranks_as_regions_do(self, värden: list[int]) -> None:
        p = _panel([float(v) for v in värden])
        som_regioner = hu.rangordning(p, riktning=HÖGRE)["rang"].tolist()
        enheter = p.rename(columns={"region": "enhet"})
        assert hu.rangordning(enheter, etikett="enhet", riktning=HÖGRE)["rang"].tolist() == (
            som_regioner
        )


class TestBundnaRiktningar:
    def kolada(
        self, kpi: str = "N79173", värden: tuple[float, ...] = (0.8, 0.6, 0.7, 0.9)
    ) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "kpi": [kpi] * 4,
                "municipality_id": ["0000", "0001", "0003", "0019"],
                "year": [2024] * 4,
                "gender": ["T"] * 4,
                "value": list(värden),
            }
        )

    def test_curated_kolada_kpis_need_no_direction(self) -> None:
        p = hu.regionpanel_från_kolada(self.kolada())
        # N79173 is a vårdgaranti share: higher is better. 0,9 > 0,7 > 0,6.
        r = hu.rangordning(p).set_index("region")
        assert r.loc["Region Västmanland", "rang"] == 1
        assert r.loc["Region Stockholm", "rang"] == 3
        k = hu.färgklasser(p, hu.Färgregel.rang(1 / 3, 1 / 3)).set_index("region")
        assert k.loc["Region Västmanland", "färgklass"] == "grön"
        assert k.loc["Region Stockholm", "färgklass"] == "röd"
        m = hu.färgklasser(p, hu.Färgregel.median(0.05)).set_index("region")
        assert m.loc["Region Västmanland", "färgklass"] == "grön"  # 0,9 - 0,7 = 0,2 better
        # a waiting time in days (N79241): lower is better
        d = hu.rangordning(hu.regionpanel_från_kolada(self.kolada("N79241", (30, 40, 20, 10))))
        assert d.set_index("region").loc["Region Västmanland", "rang"] == 1

    def test_förändring_with_curated_direction_and_unit(self) -> None:
        a = self.kolada(värden=(0.8, 0.6, 0.7, 0.9))
        b = self.kolada(värden=(0.8, 0.5, 0.75, 0.95)).assign(year=2025)
        f = hu.förändring(hu.regionpanel_från_kolada(pd.concat([a, b])))
        # N79173 is a share in the curated table: procentenheter are computed
        västmanland = f.set_index("region").loc["Region Västmanland"]
        assert västmanland["procentenheter"] == pytest.approx(0.05)
        # a fetched share still in Kolada's percent is caught
        procent = self.kolada(värden=(80.0, 60.0, 70.0, 90.0))
        procent2 = procent.assign(year=2025)
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.förändring(hu.regionpanel_från_kolada(pd.concat([procent, procent2])))

    def test_panel_attrs_direction_is_honoured(self) -> None:
        p = hu.regionpanel_från_kolada(self.kolada("U00001"))
        with pytest.raises(hu.OgiltigtVärdeError, match=r"hu\.kolada_riktningar"):
            hu.rangordning(p)
        p.attrs["riktning"] = {"U00001": LÄGRE}
        r = hu.rangordning(p).set_index("region")
        assert r.loc["Region Stockholm", "rang"] == 1  # 0,6 is the lowest
        # attrs survive filtering, as after hu.hämta_kolada(...) and a selection
        assert (
            hu.rangordning(p[p["period"] == 2024])
            .set_index("region")
            .loc["Region Stockholm", "rang"]
            == 1
        )
        # the panel's attrs come before the bundled table; an explicit riktning before both
        q = hu.regionpanel_från_kolada(self.kolada())
        q.attrs["riktning"] = {"N79173": "lägre är bättre"}
        assert hu.rangordning(q).set_index("region").loc["Region Stockholm", "rang"] == 1
        assert (
            hu.rangordning(q, riktning=HÖGRE).set_index("region").loc["Region Västmanland", "rang"]
            == 1
        )
        # attrs that are not a mapping are ignored
        q.attrs["riktning"] = "nonsense"
        assert hu.rangordning(q).set_index("region").loc["Region Västmanland", "rang"] == 1

    def test_one_reader_of_the_core_indicators(self) -> None:
        from halsouppfoljning import _data

        a = _data.kärnindikatorer()
        a.loc[a.index[0], "riktning"] = "ÄNDRAD"
        assert _data.kärnindikatorer().loc[a.index[0], "riktning"] != "ÄNDRAD"
        k = _data.kolada_kpi_riktning()
        assert k.loc["N79173", "kärnindikator"] == "medicinsk_bedömning_3_dagar"
        # the core indicator and its Kolada KPI agree on the direction
        assert a.loc["medicinsk_bedömning_3_dagar", "riktning"] == k.loc["N79173", "riktning"]


# --------------------------------------------------------------------------- issue 12: bad input


def _handpanel(regioner: list[str], värden: list[float], **extra: list[float]) -> pd.DataFrame:
    """A panel built by hand (not through regionpanel): labels as the caller wrote them."""
    return pd.DataFrame(
        {"region": regioner, "indikator": "x", "period": 2023, "värde": värden, **extra}
    )


class TestPanelRegler:
    """The panel rules of issue 12: a region once, Riket never a region, groups complete."""

    @pytest.mark.parametrize(
        "anrop",
        [
            lambda p: hu.sammanvägning(p, metod="medel"),
            lambda p: hu.rangordning(p, riktning=HÖGRE),
            lambda p: hu.färgklasser(p, hu.Färgregel.rang(0.3, 0.3), riktning=HÖGRE),
            lambda p: hu.förändring(p, riktning=HÖGRE),
            lambda p: hu.sämre_än_första_mätningen(p, riktning=HÖGRE),
        ],
        ids=["sammanvägning", "rangordning", "färgklasser", "förändring", "sämre_än"],
    )
    def test_a_region_twice_in_any_spelling_is_an_error(self, anrop: object) -> None:
        # "Uppsala" and "Region Uppsala" are one region: summed or ranked twice before
        p = _handpanel(["Uppsala", "Region Uppsala", "Västmanland"], [0.5, 0.6, 0.7])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"panel .*duplicated.*Region Uppsala"):
            anrop(p)  # type: ignore[operator]

    @pytest.mark.parametrize("riket", ["Riket", "Hela riket", "Sverige", "0000", "00", "RIKET*"])
    def test_riket_in_any_spelling_is_never_a_region(self, riket: str) -> None:
        # regions 0.5 and 0.7 (counts 5/10 and 7/10), Riket printed 0.9 (90/100)
        p = _handpanel(
            ["Uppsala", "Västmanland", riket],
            [0.5, 0.7, 0.9],
            täljare=[5.0, 7.0, 90.0],
            nämnare=[10.0, 10.0, 100.0],
        )
        s = hu.sammanvägning(p)
        assert s["värde"].iloc[0] == pytest.approx(12 / 20)  # Riket's 90/100 not summed
        assert s["antal_regioner"].iloc[0] == 2
        assert s["publicerat"].iloc[0] == pytest.approx(0.9)
        r = hu.rangordning(p, riktning=HÖGRE)
        assert r["rang"].tolist()[:2] == [2, 1]
        assert r["rang"].isna().tolist() == [False, False, True]
        assert r["region"].tolist()[2] == "Riket"
        assert r["antal_jämförda"].tolist()[:2] == [2, 2]

    def test_two_spellings_of_riket_are_riket_twice(self) -> None:
        p = _handpanel(["Uppsala", "Riket", "Hela riket"], [0.5, 0.9, 0.9])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"duplicated keys \[\('Riket'"):
            hu.sammanvägning(p, metod="medel")

    def test_unknown_label_in_a_panel_is_an_error(self) -> None:
        p = _handpanel(["Uppsala", "Upsala län?"], [0.5, 0.6])
        with pytest.raises(hu.OkändRegionError, match="region column of panel"):
            hu.sammanvägning(p, metod="medel")

    def test_panel_values_must_be_finite_numbers_and_counts_non_negative(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="värde column of panel must be finite"):
            hu.rangordning(_handpanel(["03", "19"], [0.5, np.inf]), riktning=HÖGRE)
        with pytest.raises(hu.FelTypError, match="värde column of panel"):
            hu.sammanvägning(_handpanel(["03", "19"], ["0,5", "0,6"]), metod="medel")  # type: ignore[list-item]
        p = _handpanel(["03", "19"], [0.5, 0.6], täljare=[-1.0, 6.0], nämnare=[10.0, 10.0])
        with pytest.raises(hu.OgiltigtVärdeError, match="täljare column of panel has a negative"):
            hu.sammanvägning(p)

    def test_grupper_must_cover_every_region(self) -> None:
        p = _panel([0.2, 0.4, 0.6])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"no group for 1 region.*Sörmland"):
            hu.sammanvägning(p, metod="medel", grupper={"01": "A", "03": "A"})
        with pytest.raises(hu.OgiltigtVärdeError, match=r"grupper .*duplicated.*Uppsala"):
            hu.sammanvägning(p, metod="medel", grupper={"01": "A", "03": "A", "Uppsala": "B"})
        with pytest.raises(hu.OgiltigtVärdeError, match="grupper has an entry for Riket"):
            hu.sammanvägning(
                p, metod="medel", grupper={"01": "A", "03": "A", "04": "B", "Hela riket": "B"}
            )
        with pytest.raises(hu.OgiltigtVärdeError, match="to a missing group"):
            hu.sammanvägning(p, metod="medel", grupper={"01": "A", "03": "A", "04": None})
        with pytest.raises(hu.OkändRegionError, match="sammanvägning: grupper"):
            hu.sammanvägning(p, metod="medel", grupper={"01": "A", "03": "A", "04": "B", "x": 1})
        with pytest.raises(hu.FelTypError, match="sammanvägning: grupper must be a mapping"):
            hu.sammanvägning(p, metod="medel", grupper=["01"])  # type: ignore[arg-type]
        # every region in a group: (0.2 + 0.4) / 2 and 0.6
        s = hu.sammanvägning(p, metod="medel", grupper={"01": "A", "03": "A", "04": "B"})
        assert s["värde"].tolist() == pytest.approx([0.3, 0.6])

    def test_vikter_name_each_region_once(self) -> None:
        p = _panel([0.2, 0.4])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"vikter .*duplicated.*Stockholm"):
            hu.sammanvägning(p, vikter={"01": 1.0, "Stockholm": 2.0, "03": 1.0})
        with pytest.raises(hu.OgiltigtVärdeError, match="vikter must be finite"):
            hu.sammanvägning(p, vikter={"01": np.inf, "03": 1.0})
        with pytest.raises(hu.FelTypError, match="sammanvägning: vikter must be"):
            hu.sammanvägning(p, vikter=3)  # type: ignore[arg-type]
        # weights 1 and 3: (0.2 * 1 + 0.4 * 3) / 4 = 0.35
        s = hu.sammanvägning(p, vikter=pd.Series({"Stockholm": 1.0, "Uppsala": 3.0}))
        assert s["värde"].iloc[0] == pytest.approx(0.35)

    @pytest.mark.parametrize("metod", [pd.DataFrame(), None, "median", 3])
    def test_rank_method_must_be_one_of_the_choices(self, metod: object) -> None:
        p = _panel([0.2, 0.4])
        with pytest.raises(hu.OgiltigtVärdeError, match="metod"):
            hu.rangordning(p, riktning=HÖGRE, metod=metod)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="färgklasser: metod"):
            hu.färgklasser(p, hu.Färgregel.median(0.1), riktning=HÖGRE, metod=metod)  # type: ignore[arg-type]


class TestRegionpanelIndata:
    def test_messages_name_the_argument(self) -> None:
        for dåligt in ("abc", True, 1.5, [1.0, 2.0]):
            with pytest.raises(hu.FelTypError, match="regionpanel: värden"):
                hu.regionpanel(dåligt, indikator="x")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match=r"regionpanel: värden\['2023'\] must be"):
            hu.regionpanel(pd.DataFrame({"2023": [np.inf]}, index=["03"]), indikator="x")

    def test_a_default_index_is_not_region_labels(self) -> None:
        # index 0, 1 would read as Riket (0) and Region Stockholm (1)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"täljare has the default index 0\.\.1"):
            hu.regionpanel(
                täljare=pd.DataFrame({2023: [1.0, 2.0]}),
                nämnare=pd.DataFrame({2023: [2.0, 4.0]}, index=["03", "19"]),
                indikator="x",
            )

    def test_a_region_or_period_twice_is_an_error_naming_the_table(self) -> None:
        t = pd.DataFrame({2023: [30.0, 45.0, 30.0]}, index=["0003", "0019", "Uppsala"])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"värden \(its regions.*Uppsala"):
            hu.regionpanel(t, indikator="x")
        n = pd.DataFrame({2023: [1.0], "2023": [2.0]}, index=["03"])
        t1 = pd.DataFrame({2023: [1.0]}, index=["03"])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"nämnare \(its period columns\)"):
            hu.regionpanel(täljare=t1, nämnare=n, indikator="x")

    def test_täljare_and_nämnare_must_have_the_same_rows_and_columns(self) -> None:
        t = pd.DataFrame({2023: [30.0, 45.0]}, index=["03", "19"])
        n = pd.DataFrame({2024: [50.0, 60.0]}, index=["03", "19"])
        with pytest.raises(hu.OgiltigtVärdeError, match="täljare and nämnare have different"):
            hu.regionpanel(täljare=t, nämnare=n, indikator="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="täljare has a negative count"):
            hu.regionpanel(täljare=-t, nämnare=t, indikator="x")
        with pytest.raises(hu.OgiltigtVärdeError, match="värden has no period columns"):
            hu.regionpanel(pd.DataFrame(index=["03"]), indikator="x")

    def test_riket_spellings_in_a_table(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({2023: [0.6, 0.7]}, index=["Uppsala", "Hela riket"]), indikator="x"
        )
        assert p["region"].tolist() == ["Riket", "Region Uppsala"]

    def test_kolada_duplicates_name_data(self) -> None:
        kolada = pd.DataFrame(
            {
                "kpi": ["X", "X"],
                "municipality_id": ["0003", "Uppsala"],
                "year": [2023, 2023],
                "value": [0.5, 0.6],
            }
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="rows of data share"):
            hu.regionpanel_från_kolada(kolada)
        with pytest.raises(hu.OgiltigtVärdeError, match="regionpanel_från_kolada: okända"):
            hu.regionpanel_från_kolada(kolada, okända_områden=pd.DataFrame())  # type: ignore[arg-type]


class TestFärgregelFält:
    M = hu.Målnivå.tolka("≥80 %")

    @pytest.mark.parametrize(
        ("fält", "fel", "match"),
        [
            ({"typ": pd.DataFrame()}, hu.FelTypError, "Färgregel.typ must be text"),
            ({"typ": "färg"}, hu.OgiltigtVärdeError, "Färgregel.typ must be 'rang'"),
            ({"typ": "rang", "bästa": np.inf, "sämsta": 0.2}, hu.OgiltigtVärdeError, "bästa"),
            ({"typ": "rang", "bästa": 0.2, "sämsta": "0,2"}, hu.FelTypError, "Färgregel.sämsta"),
            ({"typ": "rang", "bästa": 25, "sämsta": 0.2}, hu.AndelsError, "did you pass percent"),
            (
                {"typ": "rang", "bästa": 0.2, "sämsta": 0.2, "marginal": 0.1},
                hu.OgiltigtVärdeError,
                "'rang' takes no marginal",
            ),
            ({"typ": "median", "marginal": -np.inf}, hu.OgiltigtVärdeError, "Färgregel.marginal"),
            ({"typ": "median", "marginal": 0.1, "relativ": "ja"}, hu.FelTypError, "relativ"),
            (
                {"typ": "median", "marginal": 0.1, "målnivå": M},
                hu.OgiltigtVärdeError,
                "'median' takes no målnivå",
            ),
            ({"typ": "mål", "målnivå": np.inf}, hu.FelTypError, "Färgregel.målnivå must be"),
            ({"typ": "mål", "målnivå": [1.0, np.inf]}, hu.FelTypError, "Färgregel.målnivå"),
            ({"typ": "mål", "målnivå": {"x": 0.8}}, hu.FelTypError, r"målnivå\['x'\]"),
            ({"typ": "mål", "målnivå": {1: M}}, hu.FelTypError, "indicator id"),
            ({"typ": "mål", "målnivå": M, "delvis": "ja"}, hu.FelTypError, "Färgregel.delvis"),
            ({"typ": "mål", "målnivå": M, "avrundning": 1.5}, hu.OgiltigtVärdeError, "avrundning"),
            (
                {"typ": "mål", "målnivå": M, "avrundning": 10**9},
                hu.OgiltigtVärdeError,
                "avrundning",
            ),
            ({"typ": "mål", "målnivå": M, "bästa": 0.2}, hu.OgiltigtVärdeError, "takes no bästa"),
        ],
    )
    def test_fields_are_checked(self, fält: dict[str, object], fel: type, match: str) -> None:
        with pytest.raises(fel, match=match):
            hu.Färgregel(**fält)  # type: ignore[arg-type]

    def test_constructors(self) -> None:
        with pytest.raises(hu.FelTypError, match=r"Färgregel\.målnivå"):
            hu.Färgregel.mål(np.inf)  # type: ignore[arg-type]
        assert hu.Färgregel(typ=" MÅL", målnivå=self.M).typ == "mål"
        assert hu.Färgregel.mål({"x": self.M}).målnivå == {"x": self.M}


class TestFörändringIndata:
    def panel(self) -> pd.DataFrame:
        return hu.regionpanel(
            pd.DataFrame({2019: [0.5, 0.4], 2023: [0.6, 0.3]}, index=["03", "19"]), indikator="x"
        )

    @pytest.mark.parametrize("dålig", [True, -1, 2024, 2023.7, "abc", "01/12/2023", None])
    def test_referens_and_period_must_be_periods_of_the_panel(self, dålig: object) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"förändring: referens .*not a period"):
            hu.förändring(self.panel(), riktning=HÖGRE, referens=dålig)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match=r"förändring: period .*not a period"):
            hu.förändring(self.panel(), riktning=HÖGRE, period=dålig)  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="sämre_än_första_mätningen: referens"):
            hu.sämre_än_första_mätningen(self.panel(), riktning=HÖGRE, referens=dålig)  # type: ignore[arg-type]

    @pytest.mark.parametrize("dålig", [[2019], pd.Series([2019]), {2019}, np.array([2019])])
    def test_a_list_is_not_a_period(self, dålig: object) -> None:
        with pytest.raises(hu.FelTypError, match="förändring: referens must be"):
            hu.förändring(self.panel(), riktning=HÖGRE, referens=dålig)  # type: ignore[arg-type]

    def test_a_mapping_names_the_indicator(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"referens\['x'\] '2020' is not a period"):
            hu.förändring(self.panel(), riktning=HÖGRE, referens={"x": 2020})
        # a label given as another number type of the same value is that label
        f = hu.förändring(self.panel(), riktning=HÖGRE, referens=2019.0)
        assert f["referensperiod"].tolist() == [2019, 2019]

    def test_negative_tröskel_is_an_error(self) -> None:
        # Uppsala improved 0.5 -> 0.6; a tröskel of -0.2 would call it försämrad
        with pytest.raises(hu.OgiltigtVärdeError, match="förändring: tröskel must be >= 0"):
            hu.förändring(self.panel(), riktning=HÖGRE, tröskel=-0.2)
        with pytest.raises(hu.OgiltigtVärdeError, match="sämre_än_första_mätningen: tröskel"):
            hu.sämre_än_första_mätningen(self.panel(), riktning=HÖGRE, tröskel=-0.2)

    def test_andelar_must_name_indicators_of_the_panel(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"andelar names indicator\(s\) \['abc'\]"):
            hu.förändring(self.panel(), riktning=HÖGRE, andelar="abc")

    def test_relative_median_margin_is_a_proportion(self) -> None:
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            hu.Färgregel.median(10, relativ=True)
        assert hu.Färgregel.median(10).marginal == 10.0  # in the indicator's unit


class TestPanelKolumner:
    @pytest.mark.parametrize("kolumn", ["indikator", "period"])
    def test_missing_indicator_or_period_is_an_error(self, kolumn: str) -> None:
        p = _panel([0.2, 0.4]).assign(**{kolumn: None})
        with pytest.raises(hu.OgiltigtVärdeError, match=f"the {kolumn} column of panel is missing"):
            hu.rangordning(p, riktning=HÖGRE)

    def test_target_rule_names_the_panel_not_utfall(self) -> None:
        # values in percent against a share target: the message speaks of the panel's värde
        p = _panel([65.0, 80.0])
        regel = hu.Färgregel.mål(hu.Målnivå.tolka("≥70 %"))
        with pytest.raises(hu.AndelsError, match="värde column of panel, indicator 'x'") as fel:
            hu.färgklasser(p, regel)
        assert "utfall" not in str(fel.value)
        assert "did you pass percent" in str(fel.value)


@pytest.mark.parametrize("argument", ["kpi", "område", "år", "kön", "värde", "täljare", "nämnare"])
@pytest.mark.parametrize("dålig", [pd.DataFrame(), 0, ["value"], pd.NA])
def test_kolada_column_names_are_text(argument: str, dålig: object) -> None:
    kolada = pd.DataFrame(
        {"kpi": ["X"], "municipality_id": ["0003"], "year": [2023], "value": [0.5]}
    )
    with pytest.raises(hu.FelTypError, match=f"regionpanel_från_kolada: {argument}"):
        hu.regionpanel_från_kolada(kolada, **{argument: dålig})


def test_target_without_unit_against_shares_is_an_error() -> None:
    # "≥70" (no unit) against shares 0.2 and 0.4 was "not met" everywhere: meant as 70 %
    p = _panel([0.2, 0.4])
    regel = hu.Färgregel.mål(hu.Målnivå.tolka("≥70", riktning=HÖGRE))
    with pytest.raises(hu.OgiltigtVärdeError, match=r"has no unit .*'≥70 %'"):
        hu.färgklasser(p, regel)
    # a bundled share indicator: its unit is known, a time target is refused
    k = _panel([0.2, 0.4], indikator="medicinsk_bedömning_3_dagar")
    tid = hu.Färgregel.mål(hu.Målnivå.tolka("<15 min"))
    with pytest.raises(hu.OgiltigtVärdeError, match="bundled unit") as fel:
        hu.färgklasser(k, tid)
    assert "enhet=" not in str(fel.value)


def test_group_labels_must_be_hashable() -> None:
    p = _panel([0.2, 0.4])
    with pytest.raises(hu.FelTypError, match="not a group label"):
        hu.sammanvägning(p, metod="medel", grupper={"01": ["A"], "03": "A"})


class TestIssue12Probe:
    """Regression tests for engineer B's fuzz findings (issue 12, /work/probe/funna.md)."""

    def _dubbel(self) -> pd.DataFrame:
        p = _panel([0.6, 0.8, 0.7])
        return pd.concat([p, p[["region"]]], axis=1)

    @pytest.mark.parametrize(
        "anrop",
        [
            lambda p: hu.rangordning(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
            lambda p: hu.färgklasser(
                p, hu.Färgregel.rang(1 / 3, 1 / 3), riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE
            ),
            lambda p: hu.förändring(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
            hu.sammanvägning,
            lambda p: hu.sämre_än_första_mätningen(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
            lambda p: hu.rangordning(
                p.rename(columns={"region": "namn"}),
                riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
                etikett="namn",
            ),
        ],
        ids=["rangordning", "färgklasser", "förändring", "sammanvägning", "sämre", "etikett"],
    )
    def test_duplicated_column_is_refused(self, anrop: object) -> None:
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"panel has the column\(s\) \['(region|namn)'\]"
        ):
            anrop(self._dubbel())  # type: ignore[operator]

    def test_regionpanel_från_kolada_duplicated_column(self) -> None:
        rå = pd.DataFrame(
            [["N1", "0003", 2023, 0.5, 0.5]],
            columns=["kpi", "municipality", "period", "value", "value"],
        )
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"regionpanel_från_kolada: data has .*'value'"
        ):
            hu.regionpanel_från_kolada(rå)

    def test_regionpanel_från_kolada_infinite_period(self) -> None:
        rå = pd.DataFrame(
            {"kpi": ["N1"], "municipality": ["0003"], "period": [np.inf], "value": [0.5]}
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="regionpanel_från_kolada: the period"):
            hu.regionpanel_från_kolada(rå)

    def test_period_text_mixed_with_years_is_refused(self) -> None:
        p = pd.concat([_panel([0.6, 0.8], period=2022), _panel([0.7, 0.9], period=2023)])
        p = p.reset_index(drop=True)
        p["period"] = p["period"].astype(object)
        p.loc[0, "period"] = "abc"
        with pytest.raises(hu.FelTypError, match="förändring: the period column of panel mixes"):
            hu.förändring(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)

    def test_period_infinite_is_refused(self) -> None:
        p = _panel([0.6, 0.8])
        p["period"] = p["period"].astype(float)
        p.loc[0, "period"] = np.inf
        with pytest.raises(hu.OgiltigtVärdeError, match="sämre_än_första_mätningen: the period"):
            hu.sämre_än_första_mätningen(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)


def test_regionpanel_refuses_multiindex_columns() -> None:
    # issue 12 probe: the periods became the tuples ('x', '2022'), ('x', '2023')
    t = pd.DataFrame(
        [[0.61, 0.64], [0.70, 0.71]],
        index=["03", "19"],
        columns=pd.MultiIndex.from_product([["x"], ["2022", "2023"]]),
    )
    with pytest.raises(hu.OgiltigtVärdeError, match=r"regionpanel: .*several levels of columns"):
        hu.regionpanel(t, indikator="x")


def test_regionpanel_från_kolada_value_message_names_data() -> None:
    rå = pd.DataFrame({"kpi": ["N1"], "municipality": ["0003"], "period": [2023], "value": ["0,5"]})
    with pytest.raises(hu.FelTypError, match="the värde column of data"):
        hu.regionpanel_från_kolada(rå)
