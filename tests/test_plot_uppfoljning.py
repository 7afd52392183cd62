"""Tests of the follow-up figures (halsouppfoljning._plot_uppfoljning) on the Agg backend.

Each test checks what was drawn: the number of lines, bars and collections,
their data, the labels, the title and the tick labels. Synthetic numbers only,
with the expected values computed by hand in the comments.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

import halsouppfoljning as hu
from halsouppfoljning import _plot_uppfoljning as pu

MÅN = pd.period_range("2023-01", periods=4, freq="M")


@pytest.fixture(autouse=True)
def _stäng_figurer() -> Iterator[None]:
    yield
    plt.close("all")


@contextlib.contextmanager
def _en_figur() -> Iterator[Any]:
    """One Axes for one Hypothesis example, closed even when the example fails."""
    fig, ax = plt.subplots()
    try:
        yield ax
    finally:
        plt.close(fig)


def _xetiketter(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


def _yetiketter(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def _formaterad_y(ax: Any, v: float) -> str:
    return str(ax.yaxis.get_major_formatter()(v, 0))


def _formaterad_x(ax: Any, v: float) -> str:
    return str(ax.xaxis.get_major_formatter()(v, 0))


def _linjer(ax: Any) -> dict[str, Any]:
    return {linje.get_label(): linje for linje in ax.get_lines()}


# --------------------------------------------------------------------------- indikatordiagram


class TestIndikatordiagram:
    def test_limit_target_line_points_coloured_by_assessment(self) -> None:
        u = pd.Series([0.78, 0.80, 0.84, np.nan], index=MÅN, name="Första besök inom 90 dagar")
        ax = pu.indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
        assert mpl.get_backend().lower() == "agg"
        linjer = _linjer(ax)
        assert set(linjer) == {"Utfall", "Mål ≥ 80 %"}
        # the target line is horizontal at 0.80
        assert list(linjer["Mål ≥ 80 %"].get_ydata()) == pytest.approx([0.8, 0.8])
        assert linjer["Mål ≥ 80 %"].get_linestyle() == "--"
        np.testing.assert_allclose(
            linjer["Utfall"].get_ydata(), [0.78, 0.80, 0.84, np.nan], equal_nan=True
        )
        # 0.78 < 0.80 not met; 0.80 >= 0.80 met (inclusive); 0.84 met; NaN not drawn
        punkter = {c.get_label(): c for c in ax.collections}
        assert set(punkter) == {"Uppnådd", "Ej uppnådd"}
        np.testing.assert_allclose(punkter["Uppnådd"].get_offsets(), [[1, 0.80], [2, 0.84]])
        np.testing.assert_allclose(punkter["Ej uppnådd"].get_offsets(), [[0, 0.78]])
        assert (
            to_hex(punkter["Uppnådd"].get_facecolor()[0])
            == pu.BEDÖMNINGSFÄRGER[hu.Måluppfyllelse.UPPNÅDD]
        )
        assert to_hex(punkter["Ej uppnådd"].get_facecolor()[0]) == "#c62828"
        assert _xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023", "apr 2023"]
        assert ax.get_title() == "Första besök inom 90 dagar"
        assert ax.get_ylabel() == "Andel"
        # percent with a decimal comma
        assert _formaterad_y(ax, 0.8) == "80 %"
        assert ax.get_legend() is not None

    def test_interval_target_is_a_band(self) -> None:
        u = pd.Series([0.84, 0.87, 0.91], index=MÅN[:3])
        ax = pu.indikatordiagram(u, hu.Målnivå.tolka("85-90 %"), titel="Beläggning")
        # no target line, one shaded band (a Polygon patch) from 0.85 to 0.90
        assert set(_linjer(ax)) == {"Utfall"}
        (band,) = ax.patches
        # a Rectangle (matplotlib >= 3.9) or a Polygon: corners in data y either way
        ys = band.get_patch_transform().transform(band.get_path().vertices)[:, 1]
        assert (ys.min(), ys.max()) == pytest.approx((0.85, 0.90))
        assert band.get_label() == "Mål 85-90 %"
        punkter = {c.get_label(): len(c.get_offsets()) for c in ax.collections}
        # 0.84 and 0.91 outside the band, 0.87 inside
        assert punkter == {"Uppnådd": 1, "Ej uppnådd": 2}
        assert ax.get_title() == "Beläggning"
        assert "Utfall mot mål" not in ax.get_title()

    def test_rounding_policy_changes_colours(self) -> None:
        # 79.8 % against ≥ 80 %: not met unrounded, met at integer percent (80 %)
        u = pd.Series([0.798], index=pd.DatetimeIndex(["2023-02-28"]))
        utan = pu.indikatordiagram(u, hu.Målnivå.tolka("≥80%"))
        med = pu.indikatordiagram(u, hu.Målnivå.tolka("≥80%"), avrundning=0)
        assert [c.get_label() for c in utan.collections] == ["Ej uppnådd"]
        assert [c.get_label() for c in med.collections] == ["Uppnådd"]
        # a month-end DatetimeIndex is labelled by month
        assert _xetiketter(med) == ["feb 2023"]

    def test_delvis_rule_and_unit_axis(self) -> None:
        # lower is better, < 40 min; 41 within a tolerance of 2 min is DELVIS
        u = pd.Series([38.0, 41.0, 45.0], index=MÅN[:3])
        m = hu.Målnivå.tolka("<40min")
        ax = pu.indikatordiagram(u, m, delvis=hu.Delvis.inom(2))
        punkter = {c.get_label(): c.get_offsets()[:, 1].tolist() for c in ax.collections}
        assert punkter == {"Uppnådd": [38.0], "Delvis": [41.0], "Ej uppnådd": [45.0]}
        assert ax.get_ylabel() == "Utfall [min]"
        assert _formaterad_y(ax, 1200.0) == "1 200"
        assert _linjer(ax)["Mål < 40 min"].get_ydata()[0] == pytest.approx(40.0)

    def test_relative_target_without_line(self) -> None:
        u = pd.Series([110.0, 95.0], index=pd.period_range("2022", periods=2, freq="Y"))
        föregående = pd.Series([100.0, 100.0], index=u.index)
        ax = pu.indikatordiagram(u, hu.Målnivå.ökning(0.05), föregående=föregående)
        assert set(_linjer(ax)) == {"Utfall"}  # no level to draw
        punkter = {c.get_label(): c.get_offsets()[:, 1].tolist() for c in ax.collections}
        # +10 % >= 5 % met; -5 % not met
        assert punkter == {"Uppnådd": [110.0], "Ej uppnådd": [95.0]}
        assert _xetiketter(ax) == ["2022", "2023"]

    def test_given_axes_and_order(self) -> None:
        _, ax0 = plt.subplots()
        u = pd.Series([0.9, 0.7], index=pd.PeriodIndex(["2023-02", "2023-01"], freq="M"))
        ax = pu.indikatordiagram(u, hu.Målnivå.minst(0.8), ax=ax0)
        assert ax is ax0
        # sorted by time
        assert _xetiketter(ax) == ["jan 2023", "feb 2023"]
        assert list(_linjer(ax)["Utfall"].get_ydata()) == pytest.approx([0.7, 0.9])

    def test_two_level_target_draws_two_lines(self) -> None:
        m = hu.Målnivå.tvånivå(
            hu.Målnivå.minst(0.5, enhet="andel"), hu.Målnivå.minst(0.8, enhet="andel")
        )
        ax = pu.indikatordiagram(pd.Series([0.6], index=MÅN[:1]), m)
        linjer = _linjer(ax)
        assert linjer["Delmål ≥ 50 %"].get_ydata()[0] == pytest.approx(0.5)
        assert linjer["Totalmål ≥ 80 %"].get_ydata()[0] == pytest.approx(0.8)

    def test_invalid_inputs(self) -> None:
        m = hu.Målnivå.tolka("≥ 80 %")
        with pytest.raises(hu.FelTypError, match="DatetimeIndex or PeriodIndex"):
            pu.indikatordiagram(pd.Series([0.8, 0.9]), m)
        with pytest.raises(hu.FelTypError, match="DatetimeIndex or PeriodIndex"):
            pu.indikatordiagram([0.8, 0.9], m)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="must be a Målnivå"):
            pu.indikatordiagram(pd.Series([0.8], index=MÅN[:1]), "≥ 80 %")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            pu.indikatordiagram(pd.Series([], index=MÅN[:0], dtype=float), m)
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            pu.indikatordiagram(pd.Series([78.8], index=MÅN[:1]), m)
        with pytest.raises(hu.OgiltigtVärdeError, match="composite"):
            pu.indikatordiagram(
                pd.Series([0.9], index=MÅN[:1]),
                hu.Målnivå.tolka("90/80/80 %", riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
            )

    @settings(max_examples=25)
    @given(st.lists(st.floats(0, 1), min_size=1, max_size=8), st.floats(0, 1))
    def test_property_points_partition_the_outcomes(self, värden: list[float], g: float) -> None:
        u = pd.Series(värden, index=pd.period_range("2020-01", periods=len(värden), freq="M"))
        with _en_figur() as ax0:
            ax = pu.indikatordiagram(u, hu.Målnivå.minst(g), ax=ax0)
            punkter = {c.get_label(): c.get_offsets()[:, 1] for c in ax.collections}
            linje = _linjer(ax)[f"Mål {hu.Målnivå.minst(g)}"].get_ydata()[0]
        # reference: met exactly when value >= g
        väntat_uppnådd = sorted(v for v in värden if v >= g)
        assert sorted(punkter.get("Uppnådd", [])) == pytest.approx(väntat_uppnådd)
        assert sum(len(p) for p in punkter.values()) == len(värden)
        assert linje == pytest.approx(g)


# --------------------------------------------------------------------------- väntetidsdiagram


def _väntetabell(grupp: bool = False) -> pd.DataFrame:
    # by hand: one row per month end and limit, as väntetidsandelar gives
    rader = []
    for region, bas in (("A", 0.80), ("B", 0.60)) if grupp else (("A", 0.80),):
        for i, datum in enumerate(pd.date_range("2023-01-31", periods=3, freq="ME")):
            antal = 100 if i else 10
            andel = bas + 0.05 * i
            rader.append(
                {
                    "region": region,
                    "mätdatum": datum,
                    "gräns": 90.0,
                    "gränsnamn": "första besök inom 90 dagar",
                    "enhet": "dagar",
                    "antal": antal,
                    "antal_inom": round(andel * antal),
                    "andel": andel,
                    "nedre": andel - 0.04,
                    "övre": andel + 0.03,
                    "exkluderade": 2,
                    "exkluderade_patientvald": 2,
                    "saknade": 0,
                    "ogiltiga": 0,
                    "undertryckt": antal < 20,
                }
            )
    tabell = pd.DataFrame(rader)
    return tabell if grupp else tabell.drop(columns="region")


class TestVäntetidsdiagram:
    def test_one_line_band_target_and_labels(self) -> None:
        ax = pu.väntetidsdiagram(_väntetabell(), mål=0.8)
        linjer = _linjer(ax)
        assert set(linjer) == {"Andel inom gränsen", "Mål 80 %"}
        assert list(linjer["Andel inom gränsen"].get_ydata()) == pytest.approx([0.80, 0.85, 0.90])
        assert list(linjer["Mål 80 %"].get_ydata()) == pytest.approx([0.8, 0.8])
        # the Wilson band: one PolyCollection from nedre to övre
        band = [
            c
            for c in ax.collections
            if type(c).__name__ in ("PolyCollection", "FillBetweenPolyCollection")
        ]
        assert len(band) == 1
        ys = band[0].get_paths()[0].vertices[:, 1]
        assert ys.min() == pytest.approx(0.76)
        assert ys.max() == pytest.approx(0.93)
        # January has 10 patients (< 20): one open marker
        (små,) = [c for c in ax.collections if c.get_label().startswith("undertryckt")]
        np.testing.assert_allclose(små.get_offsets(), [[0, 0.80]])
        assert _xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023"]
        assert ax.get_xlabel() == "Mätdatum"
        assert ax.get_ylabel() == "Andel inom gränsen"
        assert ax.get_title() == "Första besök inom 90 dagar (väntande)"
        assert _formaterad_y(ax, 0.85) == "85 %"

    def test_groups_give_one_line_each_and_error_bars(self) -> None:
        ax = pu.väntetidsdiagram(_väntetabell(grupp=True), intervall="staplar")
        linjer = {k: v for k, v in _linjer(ax).items() if not k.startswith("_")}
        assert set(linjer) == {"A", "B"}
        assert list(linjer["B"].get_ydata()) == pytest.approx([0.60, 0.65, 0.70])
        # error bars: one LineCollection per group, 3 segments each from nedre to övre
        staplar = [c for c in ax.collections if type(c).__name__ == "LineCollection"]
        assert len(staplar) == 2
        segment = staplar[1].get_segments()
        assert [y for s in segment for y in (s[0][1], s[1][1])] == pytest.approx(
            [0.56, 0.63, 0.61, 0.68, 0.66, 0.73]
        )
        # no band drawn
        assert not [c for c in ax.collections if "Poly" in type(c).__name__]

    def test_real_result_with_several_limits_needs_a_choice(self) -> None:
        d = hu.exempeldata.syntetisk_väntelista(3000, seed=2)
        a = hu.väntetidsandelar(
            d,
            gränser=[30, 90],
            start="start",
            slut="slut",
            mätdatum=pd.date_range("2023-01-31", periods=6, freq="ME"),
            grupp="vårdtyp",
            exkludera="patientvald",
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="several limits"):
            pu.väntetidsdiagram(a)
        ax = pu.väntetidsdiagram(a, gräns=90, mål=hu.Målnivå.tolka("≥80 %"), intervall="inget")
        linjer = _linjer(ax)
        assert {"första besök", "operation/åtgärd", "Mål ≥ 80 %"} <= set(linjer)
        väntat = a.loc[(a["gräns"] == 90) & (a["vårdtyp"] == "första besök"), "andel"]
        assert list(linjer["första besök"].get_ydata()) == pytest.approx(list(väntat))
        assert len(_xetiketter(ax)) == 6

    def test_flow_periods(self) -> None:
        d = pd.DataFrame(
            {
                "start": pd.to_datetime(["2023-01-01", "2023-01-10", "2023-02-01"]),
                "slut": pd.to_datetime(["2023-01-05", "2023-04-20", "2023-02-03"]),
            }
        )
        a = hu.väntetidsandelar(
            d, gränser=30, start="start", slut="slut", period=["2023-01", "2023-02", "2023-04"]
        )
        ax = pu.väntetidsdiagram(a)
        # Jan: 4 days, within; Feb: 2 days, within; Apr: 100 days, not within
        assert list(_linjer(ax)["Andel inom gränsen"].get_ydata()) == pytest.approx([1, 1, 0])
        assert _xetiketter(ax) == ["jan 2023", "feb 2023", "apr 2023"]
        assert ax.get_xlabel() == "Period"
        assert "(genomförda)" in ax.get_title()

    def test_pooled_over_regions_keeps_months(self) -> None:
        p = hu.sammanvägda_andelar(_väntetabell(grupp=True), över="region", metod="poolad")
        ax = pu.väntetidsdiagram(p)
        # Feb pooled: (85 + 65) / 200 = 0.75
        assert _linjer(ax)["Andel inom gränsen"].get_ydata()[1] == pytest.approx(0.75)

    def test_invalid_inputs(self) -> None:
        t = _väntetabell()
        with pytest.raises(hu.FelTypError, match="väntetidsandelar"):
            pu.väntetidsdiagram([1, 2])  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="mätdatum"):
            pu.väntetidsdiagram(t.drop(columns="mätdatum"))
        with pytest.raises(hu.SaknadKolumnError, match="'andel'"):
            pu.väntetidsdiagram(t.drop(columns="andel"))
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            pu.väntetidsdiagram(t.iloc[:0])
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            pu.väntetidsdiagram(t, mål=80)
        with pytest.raises(hu.OgiltigtVärdeError, match="intervall"):
            pu.väntetidsdiagram(t, intervall="skuggat")
        with pytest.raises(hu.OgiltigtVärdeError, match="no rows for the limit"):
            pu.väntetidsdiagram(t, gräns=30)
        with pytest.raises(hu.FelTypError, match="gräns must be"):
            pu.väntetidsdiagram(t, gräns=[90])

    @settings(max_examples=20)
    @given(st.lists(st.integers(0, 200), min_size=1, max_size=40))
    def test_property_line_is_the_table(self, dagar: list[int]) -> None:
        a = hu.väntetidsandelar(
            pd.DataFrame({"v": dagar, "m": pd.Timestamp("2023-05-31")}),
            gränser=90,
            väntetid="v",
            grupp="m",
        ).rename(columns={"m": "mätdatum"})
        with _en_figur() as ax0:
            y = _linjer(pu.väntetidsdiagram(a, ax=ax0))["Andel inom gränsen"].get_ydata()[0]
        # reference: share of waits <= 90
        väntat = sum(d <= 90 for d in dagar) / len(dagar)
        assert y == pytest.approx(väntat)


# --------------------------------------------------------------------------- kontinuitetsdiagram


def _besök() -> pd.DataFrame:
    # patient 1 at VC1: a a a -> COC 1; patient 2 at VC1: a b a b -> (4+4-4)/(4*3) = 1/3
    # patient 3 at VC2: c d e -> 0; patient 4 at VC2: c c -> too few visits (NaN)
    return pd.DataFrame(
        {
            "patient": [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4],
            "vårdgivare": list("aaaababcdecc"),
            "listningsenhet": ["VC1"] * 7 + ["VC2"] * 5,
        }
    )


class TestKontinuitetsdiagram:
    def test_boxes_per_unit_with_counts_means_and_riket(self) -> None:
        b = _besök()
        coc = hu.kontinuitetsindex(b)
        ax = pu.kontinuitetsdiagram(coc, b, riket=0.30)
        assert _xetiketter(ax) == ["VC1\nn=2", "VC2\nn=1"]
        # the means (diamonds): VC1 (1 + 1/3) / 2 = 2/3, VC2 0
        (medel,) = [c for c in ax.collections if c.get_label().startswith("Medelvärde")]
        np.testing.assert_allclose(medel.get_offsets(), [[1, 2 / 3], [2, 0.0]])
        linjer = _linjer(ax)
        assert linjer["Riket 0,30"].get_ydata()[0] == pytest.approx(0.30)
        # two boxes: each box draws a median line; VC1 median (1 + 1/3) / 2
        medianer = [
            linje.get_ydata()
            for linje in ax.get_lines()
            if len(linje.get_ydata()) == 2 and linje.get_label().startswith("_")
        ]
        assert any(np.allclose(y, [2 / 3, 2 / 3]) for y in medianer)
        assert ax.get_ylabel() == "Kontinuitetsindex (COC)"
        assert ax.get_title() == "Kontinuitetsindex (COC) per enhet: 3 patienter, 1 utan värde"
        assert ax.get_ylim() == pytest.approx((-0.02, 1.02))
        assert _formaterad_y(ax, 0.3) == "0,3"

    def test_series_of_units_violins_and_no_grouping(self) -> None:
        b = _besök()
        coc = hu.kontinuitetsindex(b, minsta_antal_besök=2)  # patient 4 now counts: COC 1
        enheter = b.drop_duplicates("patient").set_index("patient")["listningsenhet"]
        ax = pu.kontinuitetsdiagram(coc, enheter, typ="fiol")
        assert _xetiketter(ax) == ["VC1\nn=2", "VC2\nn=2"]
        # violin bodies are PolyCollections, one per unit
        kroppar = [c for c in ax.collections if "PolyCollection" in type(c).__name__]
        assert len(kroppar) == 2
        alla = pu.kontinuitetsdiagram(coc)
        assert _xetiketter(alla) == ["Alla\nn=4"]
        (medel,) = [c for c in alla.collections if c.get_label().startswith("Medelvärde")]
        # (1 + 1/3 + 0 + 1) / 4 = 7/12
        assert medel.get_offsets()[0][1] == pytest.approx(7 / 12)
        assert "Riket" not in " ".join(_linjer(alla))
        # patient 4 has a value but no unit in the Series: counted in the title
        utan_fyra = enheter.drop(4)
        ax2 = pu.kontinuitetsdiagram(coc, utan_fyra)
        assert _xetiketter(ax2) == ["VC1\nn=2", "VC2\nn=1"]
        assert ax2.get_title().endswith("4 patienter, 0 utan värde, 1 med värde utan enhet")

    def test_thousands_grouped_in_counts(self) -> None:
        # 1 200 patients at one unit, 1 000 with a value, 200 without
        index = pd.Series([0.5] * 1000 + [np.nan] * 200, name="coc")
        ax = pu.kontinuitetsdiagram(index, pd.Series(["VC1"] * 1200))
        assert _xetiketter(ax) == ["VC1\nn=1 000"]
        assert (
            ax.get_title() == "Kontinuitetsindex (COC) per enhet: 1 000 patienter, 200 utan värde"
        )

    def test_other_method_name_in_labels(self) -> None:
        b = _besök()
        hhi = hu.kontinuitetsindex(b, metod="hhi")
        ax = pu.kontinuitetsdiagram(hhi, b)
        assert ax.get_ylabel() == "Kontinuitetsindex (HHI)"

    def test_invalid_inputs(self) -> None:
        b = _besök()
        coc = hu.kontinuitetsindex(b)
        with pytest.raises(hu.FelTypError, match="per-patient Series"):
            pu.kontinuitetsdiagram(coc.to_frame())  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="enheter must be"):
            pu.kontinuitetsdiagram(coc, ["VC1"])  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="'enhet'"):
            pu.kontinuitetsdiagram(coc, b, enhet="enhet")
        dubbel = b.assign(listningsenhet=["VC1"] * 6 + ["VC3"] + ["VC2"] * 5)
        with pytest.raises(hu.OgiltigtVärdeError, match="patient 2 has several values"):
            pu.kontinuitetsdiagram(coc, dubbel)
        with pytest.raises(hu.OgiltigtVärdeError, match="typ"):
            pu.kontinuitetsdiagram(coc, b, typ="staplar")
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            pu.kontinuitetsdiagram(coc, b, riket=30)
        with pytest.raises(hu.OgiltigtVärdeError, match="no patient has"):
            pu.kontinuitetsdiagram(pd.Series([np.nan], index=[1], name="coc"))
        with pytest.raises(hu.OgiltigtVärdeError, match="no patient has"):
            pu.kontinuitetsdiagram(pd.Series([], dtype=float, name="coc"))

    @settings(max_examples=20)
    @given(
        st.lists(
            st.tuples(st.floats(0, 1), st.sampled_from(["A", "B", "C"])), min_size=1, max_size=30
        )
    )
    def test_property_counts_and_means_per_unit(self, par: list[tuple[float, str]]) -> None:
        index = pd.Series([v for v, _ in par], name="coc")
        enheter = pd.Series([e for _, e in par])
        with _en_figur() as ax0:
            ax = pu.kontinuitetsdiagram(index, enheter, ax=ax0)
            etiketter = _xetiketter(ax)
            (medel,) = [c for c in ax.collections if c.get_label().startswith("Medelvärde")]
            medelvärden = list(medel.get_offsets()[:, 1])
        # reference: plain dict of lists
        per: dict[str, list[float]] = {}
        for v, e in par:
            per.setdefault(e, []).append(v)
        assert etiketter == [f"{e}\nn={len(per[e])}" for e in sorted(per)]
        assert medelvärden == pytest.approx([sum(per[e]) / len(per[e]) for e in sorted(per)])


# --------------------------------------------------------------------------- prognosdiagram


def _kedja() -> list[hu.Prognos]:
    return [
        hu.Prognos(
            värde=-800, nedre=-850, övre=-780, upprättad="2023-01-31", budget=0, avser="2023"
        ),
        hu.Prognos(
            värde=-890, nedre=-940, övre=-870, upprättad="2023-02-28", budget=0, avser="2023"
        ),
        hu.Prognos(värde=-700, upprättad="2023-05-31", budget=0, avser="2023"),
    ]


class TestPrognosdiagram:
    def test_chain_with_error_bars_budget_and_outcome(self) -> None:
        kedja = hu.prognoskedja(_kedja(), utfall=-650.5)
        ax = pu.prognosdiagram(kedja)
        (serie,) = ax.containers
        data, _, (staplar,) = serie.lines
        # x = months since January: 0, 1, 4 (the gap Feb-May is kept)
        assert list(data.get_xdata()) == pytest.approx([0, 1, 4])
        assert list(data.get_ydata()) == pytest.approx([-800, -890, -700])
        # error bars from nedre to övre; the third has no interval (an empty bar)
        segment = staplar.get_segments()
        assert [y for s in segment[:2] for y in (s[0][1], s[1][1])] == pytest.approx(
            [-850, -780, -940, -870]
        )
        assert len(segment[2]) == 0
        linjer = _linjer(ax)
        assert linjer["Budget 0 mnkr"].get_ydata()[0] == pytest.approx(0)
        assert linjer["Utfall -650,5 mnkr"].get_ydata()[0] == pytest.approx(-650.5)
        assert _xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023", "apr 2023", "maj 2023"]
        assert ax.get_ylabel() == "Helårsprognos [mnkr]"
        assert ax.get_title() == "Prognoskedja 2023"
        assert serie.get_label() == "Prognos 2023"
        assert _formaterad_y(ax, -1200.0) == "-1 200"

    def test_sequence_and_given_budget(self) -> None:
        ax = pu.prognosdiagram(_kedja()[:2], budget=-100.5)
        assert "Budget -100,5 mnkr" in _linjer(ax)
        assert not [k for k in _linjer(ax) if k.startswith("Utfall")]

    def test_several_periods_one_series_each(self) -> None:
        kedja = [
            *_kedja()[:2],
            hu.Prognos(värde=-300, nedre=-350, övre=-250, upprättad="2024-01-31", avser="2024"),
        ]
        ax = pu.prognosdiagram(kedja)
        assert len(ax.containers) == 2
        assert ax.get_title() == "Prognoskedja"
        # Jan 2023 .. Jan 2024: 13 months, thinned to at most 12 labels
        assert _xetiketter(ax)[0] == "jan 2023"
        assert list(ax.containers[1].lines[0].get_xdata()) == pytest.approx([12])

    def test_invalid_inputs(self) -> None:
        with pytest.raises(hu.FelTypError, match="prognoskedja"):
            pu.prognosdiagram(-890)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="Prognos"):
            pu.prognosdiagram([1, 2])  # type: ignore[list-item]
        with pytest.raises(hu.SaknadKolumnError, match="'övre'"):
            pu.prognosdiagram(hu.prognoskedja(_kedja()).drop(columns="övre"))
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            pu.prognosdiagram(hu.prognoskedja(_kedja()).iloc[:0])
        with pytest.raises(hu.OgiltigtVärdeError, match="upprättad"):
            pu.prognosdiagram([hu.Prognos(värde=-890)])
        fel = hu.prognoskedja(_kedja()).assign(nedre=[-700.0, -940.0, np.nan])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"row 0 .* does not contain"):
            pu.prognosdiagram(fel)


# --------------------------------------------------------------------------- tornadodiagram


class TestTornadodiagram:
    def test_sorted_by_range_with_bars_and_point(self) -> None:
        poster = {
            "Statsbidrag": (0, 15),
            "Läkemedel": (-30, 10),
            "Köpt vård": (-20, 5),
            "Bemanning": (-10, 10),
        }
        _, _, b = hu.känslighetsintervall(poster, punkt=-890, bidrag=True)
        ax = pu.tornadodiagram(b)
        # ranges 15, 40, 25, 20 -> widest first
        assert _yetiketter(ax) == ["Läkemedel", "Köpt vård", "Bemanning", "Statsbidrag"]
        assert ax.yaxis_inverted()
        assert len(ax.patches) == 8
        nedsida, uppsida = ax.patches[:4], ax.patches[4:]
        assert [p.get_x() for p in nedsida] == pytest.approx([-920, -910, -900, -890])
        assert [p.get_width() for p in nedsida] == pytest.approx([30, 20, 10, 0])
        assert [p.get_x() for p in uppsida] == pytest.approx([-890] * 4)
        assert [p.get_width() for p in uppsida] == pytest.approx([10, 5, 10, 15])
        assert to_hex(nedsida[0].get_facecolor()) == "#c62828"
        assert to_hex(uppsida[0].get_facecolor()) == "#2e7d32"
        (punkt,) = ax.get_lines()
        assert punkt.get_label() == "Prognos -890 mnkr"
        assert punkt.get_xdata()[0] == pytest.approx(-890)
        texter = [t.get_text().strip() for t in ax.texts]
        assert texter[:2] == ["-30", "+10"]
        assert ax.get_title() == "Känslighetsanalys av prognosen"
        assert "[mnkr]" in ax.get_xlabel()
        assert _formaterad_x(ax, -900.0) == "-900"

    def test_plain_table_point_and_missing_items(self) -> None:
        t = pd.DataFrame(
            {"ned": [-5.0, np.nan, -1.0], "upp": [2.0, 3.0, 8.0]}, index=["a", "b", "c"]
        )
        ax = pu.tornadodiagram(t, punkt=10.0, enhet="tkr")
        assert _yetiketter(ax) == ["c", "a"]  # 9 before 7; b has no range
        assert ax.get_title() == "Känslighetsanalys av prognosen (1 poster utan spann utelämnade)"
        assert ax.get_lines()[0].get_label() == "Prognos 10 tkr"
        assert len(ax.patches) == 4

    def test_point_defaults_to_zero(self) -> None:
        ax = pu.tornadodiagram(pd.DataFrame({"ned": [-1.0], "upp": [1.0]}, index=["x"]))
        assert ax.get_lines()[0].get_xdata()[0] == 0

    def test_invalid_inputs(self) -> None:
        with pytest.raises(hu.FelTypError, match="bidrag=True"):
            pu.tornadodiagram({"a": (-1, 1)})  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="'upp'"):
            pu.tornadodiagram(pd.DataFrame({"ned": [-1.0]}))
        k = hu.exempeldata.känslighetsposter_västmanland_2023_02()
        with pytest.raises(hu.OgiltigtVärdeError, match="fill in the ranges"):
            pu.tornadodiagram(k)
        with pytest.raises(hu.OgiltigtVärdeError, match="ned <= 0"):
            pu.tornadodiagram(pd.DataFrame({"ned": [1.0], "upp": [2.0]}))

    @settings(max_examples=20)
    @given(
        st.lists(st.tuples(st.floats(-100, 0), st.floats(0, 100)), min_size=1, max_size=8),
        st.floats(-1000, 1000),
    )
    def test_property_bars_match_items(
        self, poster: list[tuple[float, float]], punkt: float
    ) -> None:
        namn = {f"p{i}": p for i, p in enumerate(poster)}
        _, _, b = hu.känslighetsintervall(namn, punkt=punkt, bidrag=True)
        with _en_figur() as ax0:
            ax = pu.tornadodiagram(b, punkt=punkt, ax=ax0)
            bredd = [p.get_width() for p in ax.patches]
        n = len(poster)
        assert len(bredd) == 2 * n
        spann = [bredd[i] + bredd[n + i] for i in range(n)]
        # reference: widest first (ties in any order)
        assert spann == pytest.approx(sorted((u - d for d, u in poster), reverse=True))
        assert sorted(bredd[:n]) == pytest.approx(sorted(-d for d, _ in poster))


# --------------------------------------------------------------------------- without matplotlib


@pytest.mark.parametrize(
    ("funktion", "argument"),
    [
        (pu.indikatordiagram, (pd.Series([0.8], index=MÅN[:1]), hu.Målnivå.minst(0.8))),
        (pu.väntetidsdiagram, (pd.DataFrame(),)),
        (pu.kontinuitetsdiagram, (pd.Series([0.5], name="coc"),)),
        (pu.prognosdiagram, ([],)),
        (pu.tornadodiagram, (pd.DataFrame({"ned": [-1.0], "upp": [1.0]}),)),
    ],
)
@pytest.mark.usefixtures("utan_matplotlib")
def test_without_matplotlib_names_the_extra(funktion: Any, argument: tuple[Any, ...]) -> None:
    with pytest.raises(hu.SaknatTilläggError, match=r'pip install "halsouppfoljning\[plot\]"'):
        funktion(*argument)
