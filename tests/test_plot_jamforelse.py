"""Tests of halsouppfoljning.plot.jamforelse (rangdiagram, förändringsdiagram) on Agg.

What each figure holds: bars, lines, labels and colours. Synthetic numbers only.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")

import matplotlib.pyplot as plt
from matplotlib.colors import to_hex

import halsouppfoljning as hu
from halsouppfoljning import plot

from .plotstod import yetiketter

pytestmark = pytest.mark.usefixtures("stäng_figurer")

HÖGRE = hu.Riktning.HÖGRE_ÄR_BÄTTRE
LÄGRE = hu.Riktning.LÄGRE_ÄR_BÄTTRE


def _panel() -> pd.DataFrame:
    # Stockholm 0.60, Uppsala 0.80, Sörmland 0.70, Östergötland NaN, Riket 0.72
    tabell = pd.DataFrame(
        {2023: [0.60, 0.80, 0.70, np.nan, 0.72]}, index=["01", "03", "04", "05", "Riket"]
    )
    return hu.regionpanel(tabell, indikator="x")


class TestRangdiagram:
    def test_bars_ranked_best_first_with_riket_and_target(self) -> None:
        ax = plot.rangdiagram(_panel(), riktning=HÖGRE, mål=0.75, procent=True)
        assert mpl.get_backend().lower() == "agg"
        # three regions with a value; Östergötland (NaN) and Riket get no bar
        assert len(ax.patches) == 3
        assert yetiketter(ax) == ["Uppsala", "Sörmland", "Stockholm"]
        assert [b.get_width() for b in ax.patches] == pytest.approx([0.80, 0.70, 0.60])
        # best on top: the y axis is inverted, bar 0 at y = 0
        assert ax.yaxis_inverted()
        linjer = {linje.get_label(): linje for linje in ax.get_lines()}
        assert set(linjer) == {"Riket 72,0\u202f%", "Mål 75,0\u202f%"}
        assert linjer["Riket 72,0\u202f%"].get_xdata()[0] == pytest.approx(0.72)
        assert linjer["Riket 72,0\u202f%"].get_linestyle() == "--"
        assert linjer["Mål 75,0\u202f%"].get_xdata()[0] == pytest.approx(0.75)
        assert "x, 2023" in ax.get_title()
        assert ax.get_legend() is not None

    def test_coloured_by_rule(self) -> None:
        regel = hu.Färgregel.rang(1 / 3, 1 / 3)
        ax = plot.rangdiagram(_panel(), regel=regel, riktning=HÖGRE)
        färger = [to_hex(b.get_facecolor()) for b in ax.patches]
        # ranked Uppsala, Sörmland, Stockholm: 1/3 * 3 = 1 green, 1 red, yellow between
        assert färger == [plot.FÄRGER[k].lower() for k in ("grön", "gul", "röd")]
        # not by colour alone: each class has its hatch and its symbol in the legend
        assert [b.get_hatch() or "" for b in ax.patches] == ["", "//", "xx"]
        assert "rang" in ax.get_title()
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert {"▲ grön (bättre)", "■ gul", "▼ röd (sämre)", "ingen klass"} <= set(legend)
        # outside the data: the legend starts right of the axes
        ax.figure.canvas.draw()
        assert ax.get_legend().get_window_extent().x0 > ax.get_window_extent().x1

    def test_source_caption(self) -> None:
        p = _panel()
        assert plot.rangdiagram(p, riktning=HÖGRE).figure.get_supxlabel() == ""
        p.attrs["källa"] = "Källa: Kolada"  # as the Kolada client sets it
        assert plot.rangdiagram(p, riktning=HÖGRE).figure.get_supxlabel() == "Källa: Kolada"
        assert plot.rangdiagram(p, riktning=HÖGRE, källa=None).figure.get_supxlabel() == ""
        ax = plot.rangdiagram(p, riktning=HÖGRE, källa="SKR")
        assert ax.figure.get_supxlabel() == "Källa: SKR"
        with pytest.raises(hu.FelTypError, match="rangdiagram: källa"):
            plot.rangdiagram(p, riktning=HÖGRE, källa=3)  # type: ignore[arg-type]

    def test_lower_is_better_order_and_computed_riket(self) -> None:
        t = pd.DataFrame({2023: [30, 10]}, index=["01", "03"])
        n = pd.DataFrame({2023: [100, 100]}, index=["01", "03"])
        p = hu.regionpanel(täljare=t, nämnare=n, indikator="y")
        ax = plot.rangdiagram(p, riktning=LÄGRE, riket="beräknat")
        assert yetiketter(ax) == ["Uppsala", "Stockholm"]  # 0.10 before 0.30
        (linje,) = ax.get_lines()
        assert linje.get_xdata()[0] == pytest.approx(0.2)  # (30 + 10) / (100 + 100)

    def test_target_band_and_target_from_rule(self) -> None:
        band = hu.Målnivå.tolka("65-75 %")
        ax = plot.rangdiagram(_panel(), riktning=HÖGRE, mål=band, riket=None)
        assert ax.get_lines() == []
        (yta,) = [p for p in ax.patches if p.get_label().startswith("Mål")]
        assert yta.get_label() == "Mål 0,65–0,75"
        regel = hu.Färgregel.mål(hu.Målnivå.tolka("≥75 %"))
        ax = plot.rangdiagram(_panel(), regel=regel, riktning=HÖGRE, riket=None)
        (linje,) = ax.get_lines()
        assert linje.get_xdata()[0] == pytest.approx(0.75)
        färger = [to_hex(b.get_facecolor()) for b in ax.patches[:3]]
        assert färger == [
            plot.FÄRGER["grön"].lower(),
            plot.FÄRGER["röd"].lower(),
            plot.FÄRGER["röd"].lower(),
        ]

    def test_chooses_indicator_period_and_gender(self) -> None:
        p = pd.concat([_panel(), _panel().assign(indikator="z", värde=lambda d: 1 - d["värde"])])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"indikator=\.\.\."):
            plot.rangdiagram(p, riktning=HÖGRE)
        ax = plot.rangdiagram(p, indikator="z", riktning=HÖGRE)
        assert yetiketter(ax) == ["Stockholm", "Sörmland", "Uppsala"]
        två = pd.concat([_panel(), _panel().assign(period=2024, värde=lambda d: d["värde"] / 2)])
        ax = plot.rangdiagram(två, riktning=HÖGRE)  # the latest period by default
        assert ax.patches[0].get_width() == pytest.approx(0.40)
        ax = plot.rangdiagram(två, riktning=HÖGRE, period=2023)
        assert ax.patches[0].get_width() == pytest.approx(0.80)
        kön = pd.concat([_panel().assign(kön="K"), _panel().assign(kön="M")])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"kön=\.\.\."):
            plot.rangdiagram(kön, riktning=HÖGRE)

    def test_draws_on_given_axes_and_refuses_bad_input(self) -> None:
        _, ax = plt.subplots()
        assert plot.rangdiagram(_panel(), riktning=HÖGRE, ax=ax) is ax
        with pytest.raises(hu.OgiltigtVärdeError, match="riket must be"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, riket="kanske")
        tom = _panel().assign(värde=np.nan)
        with pytest.raises(hu.OgiltigtVärdeError, match="no region values"):
            plot.rangdiagram(tom, riktning=HÖGRE)

    def test_riket_as_a_number_and_no_legend_without_lines(self) -> None:
        ax = plot.rangdiagram(_panel(), riktning=HÖGRE, riket=0.65)
        (linje,) = ax.get_lines()
        assert linje.get_xdata()[0] == pytest.approx(0.65)
        # an id that is not a bundled core indicator: plain numbers, not percent
        assert linje.get_label() == "Riket 0,65"
        ax = plot.rangdiagram(_panel(), riktning=HÖGRE, riket=None)
        assert ax.get_lines() == []
        assert ax.get_legend() is None
        with pytest.raises(hu.FelTypError, match="riket must be a number"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, riket=[0.7])  # type: ignore[arg-type]

    def test_bundled_core_indicator_gives_its_name_and_percent(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({2023: [0.61, 0.72]}, index=["01", "03"]),
            indikator="medicinsk_bedömning_3_dagar",
        )
        ax = plot.rangdiagram(p, riket=0.7)
        assert ax.get_title().startswith("Medicinsk bedömning inom 3 dagar i primärvården, 2023")
        assert ax.get_lines()[0].get_label() == "Riket 70,0\u202f%"
        assert ax.xaxis.get_major_formatter()(0.7, 0) == "70\u202f%"  # as every axis

    def test_period_without_region_values(self) -> None:
        två = pd.concat([_panel(), _panel().assign(period=2024, värde=np.nan)])
        with pytest.raises(
            hu.OgiltigtVärdeError, match="no region of panel has a value for 'x' in 2024"
        ):
            plot.rangdiagram(två, riktning=HÖGRE, period=2024)
        with pytest.raises(hu.FelTypError, match="panel must be a pandas DataFrame"):
            plot.rangdiagram(_panel().to_dict(), riktning=HÖGRE)  # type: ignore[arg-type]


class TestFörändringsdiagram:
    def förändringar(self) -> pd.DataFrame:
        a = hu.regionpanel(
            pd.DataFrame(
                {2019: [0.5, 0.4, 0.45], 2023: [0.6, 0.3, 0.45]}, index=["03", "19", "Riket"]
            ),
            indikator="a",
        )
        b = hu.regionpanel(
            pd.DataFrame({2021: [200.0, 100.0], 2023: [180.0, 120.0]}, index=["03", "19"]),
            indikator="b",
        )
        return hu.förändring(pd.concat([a, b]), riktning={"a": HÖGRE, "b": LÄGRE})

    def test_one_panel_per_indicator_with_signed_bars(self) -> None:
        axes = plot.förändringsdiagram(self.förändringar())
        assert len(axes) == 2
        a, b = axes
        assert yetiketter(a) == ["Riket", "Uppsala", "Västmanland"]
        # a: Riket 0, Uppsala +0.20, Västmanland -0.25
        assert [p.get_width() for p in a.patches] == pytest.approx([0.0, 0.2, -0.25])
        # Okabe–Ito: black Riket, blågrön better, vermiljon and hatched worse
        assert [to_hex(p.get_facecolor()) for p in a.patches] == ["#000000", "#009e73", "#d55e00"]
        assert [p.get_hatch() or "" for p in a.patches] == ["", "", "xx"]
        # b (lower is better): Uppsala 200 -> 180 is +0.10, Västmanland 100 -> 120 is -0.20;
        # the same rows as panel a, and no bar for Riket, which has no value for b
        assert a.get_shared_y_axes().joined(a, b)  # b's rows are a's (labels shown once)
        assert [p.get_width() for p in b.patches] == pytest.approx([0.1, -0.2])
        assert [p.get_y() + p.get_height() / 2 for p in b.patches] == pytest.approx([1, 2])
        assert "2021–2023" in b.get_title()
        assert "2019–2023" in a.get_title()
        (noll,) = b.get_lines()
        assert noll.get_xdata()[0] == 0.0
        assert "positiv = bättre" in a.get_xlabel()
        # a 2-panel grid of 3 columns keeps only the two used panels
        assert len(a.figure.axes) == 2

    def test_grid_removes_unused_panels_and_other_columns(self) -> None:
        axes = plot.förändringsdiagram(
            self.förändringar(), kolumner=1, riket=False, kolumn="differens"
        )
        assert len(axes) == 2
        assert axes[0].figure is axes[1].figure
        assert yetiketter(axes[0]) == ["Uppsala", "Västmanland"]
        assert [p.get_width() for p in axes[0].patches] == pytest.approx([0.1, -0.1])
        _, egna = plt.subplots(2, 2)
        ut = plot.förändringsdiagram(self.förändringar(), axes=egna)
        assert ut[0] is egna[0, 0]
        assert ut[1] is egna[0, 1]

    def test_long_indicator_names_wrap_in_the_panel_title(self) -> None:
        p = hu.regionpanel(
            pd.DataFrame({2019: [0.5, 0.4], 2023: [0.6, 0.3]}, index=["03", "19"]),
            indikator="påverkbar_slutenvård",
        )
        (ax,) = plot.förändringsdiagram(hu.förändring(p, riktning=LÄGRE))
        *namn, perioder = ax.get_title().split("\n")
        assert len(namn) >= 2  # the bundled name is longer than 40 characters
        assert all(len(rad) <= 40 for rad in namn)
        k = hu.exempeldata.kärnindikatorer_nära_vård()
        assert " ".join(namn) == k.loc["påverkbar_slutenvård", "namn"]
        assert perioder == "2019–2023"

    def test_unused_panels_of_the_grid_are_removed(self) -> None:
        f = self.förändringar()
        fyra = pd.concat([f, f.assign(indikator=f["indikator"] + "2")], ignore_index=True)
        axes = plot.förändringsdiagram(fyra, kolumner=3)
        # 4 indicators in rows of 3: a 2 x 3 grid of which 2 panels are removed
        assert len(axes) == 4
        assert len(axes[0].figure.axes) == 4
        assert [a.get_title().split("\n")[0] for a in axes] == ["a", "b", "a2", "b2"]
        # procentenheter: ticks written "+5 pe"
        pe = plot.förändringsdiagram(f, kolumn="procentenheter")
        assert pe[0].xaxis.get_major_formatter()(0.05, 0) == "+5\u202fpe"
        assert "procentenheter" in pe[0].get_xlabel()
        assert pe[0].figure.get_supxlabel() == ""
        källa = plot.förändringsdiagram(f, källa="Kolada")[0].figure.get_supxlabel()
        assert källa == "Källa: Kolada"
        # the relative change: ticks written "+10 %"
        assert axes[0].xaxis.get_major_formatter()(0.1, 0) == "+10\u202f%"

    def test_nothing_to_draw(self) -> None:
        bara_riket = self.förändringar()
        bara_riket = bara_riket[bara_riket["region"] == "Riket"]
        with pytest.raises(hu.OgiltigtVärdeError, match="nothing to draw"):
            plot.förändringsdiagram(bara_riket, riket=False)

    def test_invalid(self) -> None:
        f = self.förändringar()
        with pytest.raises(hu.OgiltigtVärdeError, match="kolumn must be"):
            plot.förändringsdiagram(f, kolumn="värde")
        with pytest.raises(hu.OgiltigtVärdeError, match="kolumner must be at least 1"):
            plot.förändringsdiagram(f, kolumner=0)
        with pytest.raises(hu.OgiltigtVärdeError, match="whole number"):
            plot.förändringsdiagram(f, kolumner=1.5)  # type: ignore[arg-type]
        _, ett = plt.subplots()
        with pytest.raises(hu.OgiltigtVärdeError, match="need 2 Axes"):
            plot.förändringsdiagram(f, axes=[ett])
        with pytest.raises(hu.SaknadKolumnError, match="'förändring'"):
            plot.förändringsdiagram(pd.DataFrame({"x": [1]}))
        with pytest.raises(hu.FelTypError, match=r"hu\.förändring\(\)"):
            plot.förändringsdiagram(f.to_dict())  # type: ignore[arg-type]
        with pytest.raises(hu.OgiltigtVärdeError, match="several genders"):
            plot.förändringsdiagram(pd.concat([f.assign(kön="K"), f.assign(kön="M")]))


class TestRangdiagramIndata:
    """Issue 12: bad targets and empty panels are package errors naming the argument."""

    @pytest.mark.parametrize(
        "mål", ["abc", np.inf, -np.inf, "01/12/2023", pd.DataFrame(), [0.5, 0.6], object()]
    )
    def test_bad_target(self, mål: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match="rangdiagram: mål"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, mål=mål)  # type: ignore[arg-type]

    def test_panel_without_values_names_panel(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match="no region values in panel"):
            plot.rangdiagram(_panel().assign(värde=np.nan), riktning=HÖGRE)

    def test_a_region_twice_is_an_error(self) -> None:
        p = _panel()
        dubbel = pd.concat([p, p.iloc[[1]]])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"panel .*duplicated"):
            plot.rangdiagram(dubbel, riktning=HÖGRE)


class TestRangdiagramVal:
    @pytest.mark.parametrize("period", [2024, "abc", [2023], True, pd.DataFrame()])
    def test_period_must_be_one_of_the_panel(self, period: object) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"rangdiagram: period .* is not in"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, period=period)  # type: ignore[arg-type]

    @pytest.mark.parametrize("indikator", ["y", 3, ["x"]])
    def test_indicator_must_be_one_of_the_panel(self, indikator: object) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"rangdiagram: indikator .* not in"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, indikator=indikator)  # type: ignore[arg-type]

    @pytest.mark.parametrize("riket", [pd.DataFrame(), pd.Series([1.0]), np.inf, True])
    def test_riket_number_or_word(self, riket: object) -> None:
        with pytest.raises(hu.HalsouppfoljningError, match="rangdiagram: riket"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, riket=riket)  # type: ignore[arg-type]

    @pytest.mark.parametrize("procent", ["ja", 1, pd.Series([True])])
    def test_procent_is_a_boolean(self, procent: object) -> None:
        with pytest.raises(hu.FelTypError, match="rangdiagram: procent"):
            plot.rangdiagram(_panel(), riktning=HÖGRE, procent=procent)  # type: ignore[arg-type]

    def test_absurd_magnitudes_are_written_in_exponent_form(self) -> None:
        # Decimal cannot quantize 1e30 to whole units; the label is written 1,0e+30
        ax = plot.rangdiagram(_panel(), riktning=HÖGRE, riket=1e30, procent=False)
        assert ax.get_lines()[0].get_label() == "Riket 1,0e+30"

    def test_förändringsdiagram_choices(self) -> None:
        f = hu.förändring(_panel().assign(period=2023), riktning=HÖGRE)
        with pytest.raises(hu.OgiltigtVärdeError, match="förändringsdiagram: kolumn"):
            plot.förändringsdiagram(f, kolumn=pd.Series(["x"]))  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="förändringsdiagram: riket"):
            plot.förändringsdiagram(f, riket="nej")  # type: ignore[arg-type]


def test_empty_panel_and_table_name_the_argument() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="rangdiagram: panel has no rows"):
        plot.rangdiagram(_panel().iloc[:0], riktning=HÖGRE)
    f = hu.förändring(_panel(), riktning=HÖGRE)
    with pytest.raises(hu.OgiltigtVärdeError, match="förändringar has no rows"):
        plot.förändringsdiagram(f.iloc[:0])
    with pytest.raises(hu.OgiltigtVärdeError, match="indikator column of förändringar is missing"):
        plot.förändringsdiagram(f.assign(indikator=None))
