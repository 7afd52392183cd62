"""Tests of halsouppfoljning.plot.prognos (prognosdiagram, tornadodiagram) on Agg.

Each test checks what was drawn: error bars, lines, bars, labels and the title.
Synthetic numbers only, with the expected values computed by hand in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")

from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

import halsouppfoljning as hu
from halsouppfoljning import plot

from .plotstod import en_figur, formaterad_x, formaterad_y, linjer_i, xetiketter, yetiketter

pytestmark = pytest.mark.usefixtures("stäng_figurer")


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
        ax = plot.prognosdiagram(kedja)
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
        linjer = linjer_i(ax)
        assert linjer["Budget 0 mnkr"].get_ydata()[0] == pytest.approx(0)
        assert linjer["Utfall -650,5 mnkr"].get_ydata()[0] == pytest.approx(-650.5)
        assert xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023", "apr 2023", "maj 2023"]
        assert ax.get_ylabel() == "Helårsprognos [mnkr]"
        assert ax.get_title() == "Prognoskedja 2023"
        assert serie.get_label() == "Prognos 2023"
        assert formaterad_y(ax, -1200.0) == "-1\u202f200"

    def test_sequence_and_given_budget(self) -> None:
        ax = plot.prognosdiagram(_kedja()[:2], budget=-100.5)
        assert ax.figure.get_supxlabel() == ""
        tabell = hu.prognoskedja(_kedja())
        tabell.attrs["källa"] = "Region Västmanland, delårsrapport"
        med_källa = plot.prognosdiagram(tabell)
        assert med_källa.figure.get_supxlabel() == "Källa: Region Västmanland, delårsrapport"
        assert plot.prognosdiagram(tabell, källa="").figure.get_supxlabel() == ""
        assert "Budget -100,5 mnkr" in linjer_i(ax)
        assert not [k for k in linjer_i(ax) if k.startswith("Utfall")]

    def test_several_periods_one_series_each(self) -> None:
        kedja = [
            *_kedja()[:2],
            hu.Prognos(värde=-300, nedre=-350, övre=-250, upprättad="2024-01-31", avser="2024"),
        ]
        ax = plot.prognosdiagram(kedja)
        assert len(ax.containers) == 2
        assert ax.get_title() == "Prognoskedja"
        # Jan 2023 .. Jan 2024: 13 months, thinned to at most 12 labels
        assert xetiketter(ax)[0] == "jan 2023"
        assert list(ax.containers[1].lines[0].get_xdata()) == pytest.approx([12])

    def test_invalid_inputs(self) -> None:
        with pytest.raises(hu.FelTypError, match="prognoskedja"):
            plot.prognosdiagram(-890)  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="Prognos"):
            plot.prognosdiagram([1, 2])  # type: ignore[list-item]
        with pytest.raises(hu.SaknadKolumnError, match="'övre'"):
            plot.prognosdiagram(hu.prognoskedja(_kedja()).drop(columns="övre"))
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            plot.prognosdiagram(hu.prognoskedja(_kedja()).iloc[:0])
        # issue 12: an empty list names kedja
        with pytest.raises(hu.OgiltigtVärdeError, match="prognosdiagram: kedja is empty"):
            plot.prognosdiagram([])
        with pytest.raises(hu.FelTypError, match="prognosdiagram: kedja must be"):
            plot.prognosdiagram("abc")  # type: ignore[arg-type]
        inf = hu.prognoskedja(_kedja()).assign(värde=[np.inf, -890.0, -880.0])
        with pytest.raises(hu.OgiltigtVärdeError, match="värde column of kedja must be finite"):
            plot.prognosdiagram(inf)
        with pytest.raises(hu.OgiltigtVärdeError, match="upprättad"):
            plot.prognosdiagram([hu.Prognos(värde=-890)])
        fel = hu.prognoskedja(_kedja()).assign(nedre=[-700.0, -940.0, np.nan])
        with pytest.raises(hu.OgiltigtVärdeError, match=r"row 0 .* does not contain"):
            plot.prognosdiagram(fel)


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
        ax = plot.tornadodiagram(b)
        # ranges 15, 40, 25, 20 -> widest first
        assert yetiketter(ax) == ["Läkemedel", "Köpt vård", "Bemanning", "Statsbidrag"]
        assert ax.yaxis_inverted()
        assert len(ax.patches) == 8
        nedsida, uppsida = ax.patches[:4], ax.patches[4:]
        assert [p.get_x() for p in nedsida] == pytest.approx([-920, -910, -900, -890])
        assert [p.get_width() for p in nedsida] == pytest.approx([30, 20, 10, 0])
        assert [p.get_x() for p in uppsida] == pytest.approx([-890] * 4)
        assert [p.get_width() for p in uppsida] == pytest.approx([10, 5, 10, 15])
        # Okabe–Ito vermiljon and hatched downside, blågrön upside
        assert to_hex(nedsida[0].get_facecolor()) == "#d55e00"
        assert nedsida[0].get_hatch() == "xx"
        assert to_hex(uppsida[0].get_facecolor()) == "#009e73"
        (punkt,) = ax.get_lines()
        assert punkt.get_label() == "Prognos -890 mnkr"
        assert punkt.get_xdata()[0] == pytest.approx(-890)
        texter = [t.get_text().strip() for t in ax.texts]
        assert texter[:2] == ["-30", "+10"]
        assert ax.get_title() == "Känslighetsanalys av prognosen"
        assert "[mnkr]" in ax.get_xlabel()
        assert formaterad_x(ax, -900.0) == "-900"

    def test_plain_table_point_and_missing_items(self) -> None:
        t = pd.DataFrame(
            {"ned": [-5.0, np.nan, -1.0], "upp": [2.0, 3.0, 8.0]}, index=["a", "b", "c"]
        )
        ax = plot.tornadodiagram(t, punkt=10.0, enhet="tkr")
        assert yetiketter(ax) == ["c", "a"]  # 9 before 7; b has no range
        assert ax.get_title() == "Känslighetsanalys av prognosen (1 poster utan spann utelämnade)"
        assert ax.get_lines()[0].get_label() == "Prognos 10 tkr"
        assert len(ax.patches) == 4
        # room for the range labels: bars span 5..18, the axis 18 % of 13 more on each side
        assert ax.get_xlim() == pytest.approx((5.0 - 2.34, 18.0 + 2.34))
        assert ax.figure.get_supxlabel() == ""
        t.attrs["källa"] = "Delårsrapport"
        assert plot.tornadodiagram(t).figure.get_supxlabel() == "Källa: Delårsrapport"

    def test_point_defaults_to_zero(self) -> None:
        ax = plot.tornadodiagram(pd.DataFrame({"ned": [-1.0], "upp": [1.0]}, index=["x"]))
        assert ax.get_lines()[0].get_xdata()[0] == 0

    def test_invalid_inputs(self) -> None:
        with pytest.raises(hu.FelTypError, match="bidrag=True"):
            plot.tornadodiagram({"a": (-1, 1)})  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="'upp'"):
            plot.tornadodiagram(pd.DataFrame({"ned": [-1.0]}))
        k = hu.exempeldata.känslighetsposter_västmanland_2023_02()
        with pytest.raises(hu.OgiltigtVärdeError, match="fill in the ranges"):
            plot.tornadodiagram(k)
        with pytest.raises(hu.OgiltigtVärdeError, match="ned <= 0"):
            plot.tornadodiagram(pd.DataFrame({"ned": [1.0], "upp": [2.0]}))

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
        with en_figur() as ax0:
            ax = plot.tornadodiagram(b, punkt=punkt, ax=ax0)
            bredd = [p.get_width() for p in ax.patches]
        n = len(poster)
        assert len(bredd) == 2 * n
        spann = [bredd[i] + bredd[n + i] for i in range(n)]
        # reference: widest first (ties in any order)
        assert spann == pytest.approx(sorted((u - d for d, u in poster), reverse=True))
        assert sorted(bredd[:n]) == pytest.approx(sorted(-d for d, _ in poster))


def test_tornadodiagram_without_ranges_names_bidrag() -> None:
    # issue 12: every range missing (NaN) is an error naming the argument
    t = pd.DataFrame({"ned": [np.nan, np.nan], "upp": [np.nan, np.nan]}, index=["a", "b"])
    with pytest.raises(hu.OgiltigtVärdeError, match="no item of bidrag has both ned and upp"):
        plot.tornadodiagram(t)
    with pytest.raises(hu.OgiltigtVärdeError, match="each item of bidrag needs ned <= 0"):
        plot.tornadodiagram(pd.DataFrame({"ned": [1.0], "upp": [2.0]}, index=["a"]))


@pytest.mark.parametrize("enhet", [pd.DataFrame(), None, 3, ["mnkr"]])
def test_tornadodiagram_enhet_is_text(enhet: object) -> None:
    b = pd.DataFrame({"ned": [-5.0], "upp": [2.0]}, index=["a"])
    with pytest.raises(hu.FelTypError, match="tornadodiagram: enhet"):
        plot.tornadodiagram(b, enhet=enhet)  # type: ignore[arg-type]
