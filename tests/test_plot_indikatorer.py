"""Tests of halsouppfoljning.plot.indikatorer (indikatordiagram) on the Agg backend.

Each test checks what was drawn: lines, points, labels and the title. Synthetic
numbers only, with the expected values computed by hand in the comments.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")

import matplotlib.pyplot as plt
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

import halsouppfoljning as hu
from halsouppfoljning import plot

from .plotstod import en_figur, formaterad_y, linjer_i, xetiketter

pytestmark = pytest.mark.usefixtures("stäng_figurer")

MÅN = pd.period_range("2023-01", periods=4, freq="M")


class TestIndikatordiagram:
    def test_limit_target_line_points_coloured_by_assessment(self) -> None:
        u = pd.Series([0.78, 0.80, 0.84, np.nan], index=MÅN, name="Första besök inom 90 dagar")
        ax = plot.indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
        assert mpl.get_backend().lower() == "agg"
        linjer = linjer_i(ax)
        assert set(linjer) == {"Utfall", "Mål ≥ 80 %"}
        # the target line is horizontal at 0.80
        assert list(linjer["Mål ≥ 80 %"].get_ydata()) == pytest.approx([0.8, 0.8])
        assert linjer["Mål ≥ 80 %"].get_linestyle() == "--"
        np.testing.assert_allclose(
            linjer["Utfall"].get_ydata(), [0.78, 0.80, 0.84, np.nan], equal_nan=True
        )
        # 0.78 < 0.80 not met; 0.80 >= 0.80 met (inclusive); 0.84 met; NaN not drawn
        punkter = {c.get_label(): c for c in ax.collections}
        assert set(punkter) == {"✔ uppnådd", "✘ ej uppnådd"}
        np.testing.assert_allclose(punkter["✔ uppnådd"].get_offsets(), [[1, 0.80], [2, 0.84]])
        np.testing.assert_allclose(punkter["✘ ej uppnådd"].get_offsets(), [[0, 0.78]])
        # Okabe–Ito blågrön and vermiljon, each with its own marker besides the colour
        assert to_hex(punkter["✔ uppnådd"].get_facecolor()[0]) == "#009e73"
        assert to_hex(punkter["✘ ej uppnådd"].get_facecolor()[0]) == "#d55e00"
        assert not np.array_equal(
            punkter["✔ uppnådd"].get_paths()[0].vertices,
            punkter["✘ ej uppnådd"].get_paths()[0].vertices,
        )
        assert xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023", "apr 2023"]
        assert ax.get_title() == "Första besök inom 90 dagar"
        assert ax.get_ylabel() == "Andel"
        # percent with a decimal comma
        assert formaterad_y(ax, 0.8) == "80\u202f%"
        assert ax.get_legend() is not None
        assert ax.figure.get_supxlabel() == ""  # the Series names no source

    def test_interval_target_is_a_band(self) -> None:
        u = pd.Series([0.84, 0.87, 0.91], index=MÅN[:3])
        ax = plot.indikatordiagram(u, hu.Målnivå.tolka("85-90 %"), titel="Beläggning")
        # no target line, one shaded band (a Polygon patch) from 0.85 to 0.90
        assert set(linjer_i(ax)) == {"Utfall"}
        (band,) = ax.patches
        # a Rectangle (matplotlib >= 3.9) or a Polygon: corners in data y either way
        ys = band.get_patch_transform().transform(band.get_path().vertices)[:, 1]
        assert (ys.min(), ys.max()) == pytest.approx((0.85, 0.90))
        assert band.get_label() == "Mål 85-90 %"
        punkter = {c.get_label(): len(c.get_offsets()) for c in ax.collections}
        # 0.84 and 0.91 outside the band, 0.87 inside
        assert punkter == {"✔ uppnådd": 1, "✘ ej uppnådd": 2}
        assert ax.get_title() == "Beläggning"
        assert "Utfall mot mål" not in ax.get_title()

    def test_rounding_policy_changes_colours(self) -> None:
        # 79.8 % against ≥ 80 %: not met unrounded, met at integer percent (80 %)
        u = pd.Series([0.798], index=pd.DatetimeIndex(["2023-02-28"]))
        utan = plot.indikatordiagram(u, hu.Målnivå.tolka("≥80%"))
        med = plot.indikatordiagram(u, hu.Målnivå.tolka("≥80%"), avrundning=0)
        assert [c.get_label() for c in utan.collections] == ["✘ ej uppnådd"]
        assert [c.get_label() for c in med.collections] == ["✔ uppnådd"]
        # a month-end DatetimeIndex is labelled by month
        assert xetiketter(med) == ["feb 2023"]

    def test_delvis_rule_and_unit_axis(self) -> None:
        # lower is better, < 40 min; 41 within a tolerance of 2 min is DELVIS
        u = pd.Series([38.0, 41.0, 45.0], index=MÅN[:3])
        m = hu.Målnivå.tolka("<40min")
        ax = plot.indikatordiagram(u, m, delvis=hu.Delvis.inom(2))
        punkter = {c.get_label(): c.get_offsets()[:, 1].tolist() for c in ax.collections}
        assert punkter == {"✔ uppnådd": [38.0], "◐ delvis": [41.0], "✘ ej uppnådd": [45.0]}
        assert ax.get_ylabel() == "Utfall [min]"
        assert formaterad_y(ax, 1200.0) == "1\u202f200"
        assert linjer_i(ax)["Mål < 40 min"].get_ydata()[0] == pytest.approx(40.0)

    def test_source_caption_from_the_data_given_or_none(self) -> None:
        u = pd.Series([0.8, 0.9], index=MÅN[:2])
        u.attrs["källa"] = "Väntetider i vården (SKR)"
        m = hu.Målnivå.tolka("≥ 80 %")
        ax = plot.indikatordiagram(u, m)
        assert ax.figure.get_supxlabel() == "Källa: Väntetider i vården (SKR)"
        assert plot.indikatordiagram(u, m, källa=None).figure.get_supxlabel() == ""
        assert plot.indikatordiagram(u, m, källa="").figure.get_supxlabel() == ""
        ax = plot.indikatordiagram(u, m, källa="Kolada")
        assert ax.figure.get_supxlabel() == "Källa: Kolada"

    def test_relative_target_without_line(self) -> None:
        u = pd.Series([110.0, 95.0], index=pd.period_range("2022", periods=2, freq="Y"))
        föregående = pd.Series([100.0, 100.0], index=u.index)
        ax = plot.indikatordiagram(u, hu.Målnivå.ökning(0.05), föregående=föregående)
        assert set(linjer_i(ax)) == {"Utfall"}  # no level to draw
        punkter = {c.get_label(): c.get_offsets()[:, 1].tolist() for c in ax.collections}
        # +10 % >= 5 % met; -5 % not met
        assert punkter == {"✔ uppnådd": [110.0], "✘ ej uppnådd": [95.0]}
        assert xetiketter(ax) == ["2022", "2023"]

    def test_given_axes_and_order(self) -> None:
        _, ax0 = plt.subplots()
        u = pd.Series([0.9, 0.7], index=pd.PeriodIndex(["2023-02", "2023-01"], freq="M"))
        ax = plot.indikatordiagram(u, hu.Målnivå.minst(0.8), ax=ax0)
        assert ax is ax0
        # sorted by time
        assert xetiketter(ax) == ["jan 2023", "feb 2023"]
        assert list(linjer_i(ax)["Utfall"].get_ydata()) == pytest.approx([0.7, 0.9])

    def test_two_level_target_draws_two_lines(self) -> None:
        m = hu.Målnivå.tvånivå(
            hu.Målnivå.minst(0.5, enhet="andel"), hu.Målnivå.minst(0.8, enhet="andel")
        )
        ax = plot.indikatordiagram(pd.Series([0.6], index=MÅN[:1]), m)
        linjer = linjer_i(ax)
        assert linjer["Delmål ≥ 50 %"].get_ydata()[0] == pytest.approx(0.5)
        assert linjer["Totalmål ≥ 80 %"].get_ydata()[0] == pytest.approx(0.8)

    def test_invalid_inputs(self) -> None:
        m = hu.Målnivå.tolka("≥ 80 %")
        with pytest.raises(hu.FelTypError, match="DatetimeIndex or PeriodIndex"):
            plot.indikatordiagram(pd.Series([0.8, 0.9]), m)
        with pytest.raises(hu.FelTypError, match="DatetimeIndex or PeriodIndex"):
            plot.indikatordiagram([0.8, 0.9], m)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="must be a Målnivå"):
            plot.indikatordiagram(pd.Series([0.8], index=MÅN[:1]), "≥ 80 %")  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            plot.indikatordiagram(pd.Series([], index=MÅN[:0], dtype=float), m)
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            plot.indikatordiagram(pd.Series([78.8], index=MÅN[:1]), m)
        with pytest.raises(hu.OgiltigtVärdeError, match="composite"):
            plot.indikatordiagram(
                pd.Series([0.9], index=MÅN[:1]),
                hu.Målnivå.tolka("90/80/80 %", riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
            )

    @settings(max_examples=25)
    @given(st.lists(st.floats(0, 1), min_size=1, max_size=8), st.floats(0, 1))
    def test_property_points_partition_the_outcomes(self, värden: list[float], g: float) -> None:
        u = pd.Series(värden, index=pd.period_range("2020-01", periods=len(värden), freq="M"))
        with en_figur() as ax0:
            ax = plot.indikatordiagram(u, hu.Målnivå.minst(g), ax=ax0)
            punkter = {c.get_label(): c.get_offsets()[:, 1] for c in ax.collections}
            linje = linjer_i(ax)[f"Mål {hu.Målnivå.minst(g)}"].get_ydata()[0]
        # reference: met exactly when value >= g
        väntat_uppnådd = sorted(v for v in värden if v >= g)
        assert sorted(punkter.get("✔ uppnådd", [])) == pytest.approx(väntat_uppnådd)
        assert sum(len(p) for p in punkter.values()) == len(värden)
        assert linje == pytest.approx(g)
