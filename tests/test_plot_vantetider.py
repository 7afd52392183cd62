"""Tests of halsouppfoljning.plot.vantetider (väntetidsdiagram) on the Agg backend.

Each test checks what was drawn: lines, intervals, markers, labels and the title.
Synthetic numbers only, with the expected values computed by hand in the comments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")

from hypothesis import given, settings
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import plot

from .plotstod import en_figur, formaterad_y, linjer_i, xetiketter

pytestmark = pytest.mark.usefixtures("stäng_figurer")


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
        ax = plot.väntetidsdiagram(_väntetabell(), mål=0.8)
        linjer = linjer_i(ax)
        assert set(linjer) == {"Andel inom gränsen", "Mål 80\u202f%"}
        assert list(linjer["Andel inom gränsen"].get_ydata()) == pytest.approx([0.80, 0.85, 0.90])
        assert list(linjer["Mål 80\u202f%"].get_ydata()) == pytest.approx([0.8, 0.8])
        # the Wilson band: one PolyCollection from nedre to övre
        band = [
            c
            for c in ax.collections
            if type(c).__name__ in ("PolyCollection", "FillBetweenPolyCollection")
        ]
        assert len(band) == 1
        assert band[0].get_label() == "Konfidensintervall (Wilson)"
        förklaring = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "Konfidensintervall (Wilson)" in förklaring
        ys = band[0].get_paths()[0].vertices[:, 1]
        assert ys.min() == pytest.approx(0.76)
        assert ys.max() == pytest.approx(0.93)
        # January has 10 patients (< 20): one open marker
        (små,) = [c for c in ax.collections if c.get_label().startswith("undertryckt")]
        np.testing.assert_allclose(små.get_offsets(), [[0, 0.80]])
        assert xetiketter(ax) == ["jan 2023", "feb 2023", "mar 2023"]
        assert ax.get_xlabel() == "Mätdatum"
        assert ax.get_ylabel() == "Andel inom gränsen"
        assert ax.get_title() == "Första besök inom 90 dagar (väntande)"
        assert formaterad_y(ax, 0.85) == "85\u202f%"

    def test_groups_give_one_line_each_and_error_bars(self) -> None:
        ax = plot.väntetidsdiagram(_väntetabell(grupp=True), intervall="staplar")
        linjer = {k: v for k, v in linjer_i(ax).items() if not k.startswith("_")}
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
        # several groups: one legend entry names the intervals, each in its group's colour
        förklaring = [t.get_text() for t in ax.get_legend().get_texts()]
        undertryckt = "undertryckt (för få patienter)"
        assert förklaring == ["A", undertryckt, "B", "Konfidensintervall (Wilson)"]
        band = plot.väntetidsdiagram(_väntetabell(grupp=True), källa="SKR")
        assert [t.get_text() for t in band.get_legend().get_texts()][-1] == (
            "Konfidensintervall (Wilson)"
        )
        assert band.figure.get_supxlabel() == "Källa: SKR"
        utan = plot.väntetidsdiagram(_väntetabell(grupp=True), intervall="inget")
        assert [t.get_text() for t in utan.get_legend().get_texts()] == ["A", undertryckt, "B"]

    def test_real_result_with_several_limits_needs_a_choice(self) -> None:
        d = hu.exempeldata.syntetisk_väntelista(3000, seed=2)
        a = hu.väntetidsandelar(
            d,
            gränser=[30, 90],
            start="start",
            slut="slut",
            mätdatum=pd.date_range("2023-01-31", periods=6, freq="ME"),
            per="vårdtyp",
            exkludera="patientvald",
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="several limits"):
            plot.väntetidsdiagram(a)
        ax = plot.väntetidsdiagram(a, gräns=90, mål=hu.Målnivå.tolka("≥80 %"), intervall="inget")
        linjer = linjer_i(ax)
        assert {"första besök", "operation/åtgärd", "Mål ≥ 80 %"} <= set(linjer)
        väntat = a.loc[(a["gräns"] == 90) & (a["vårdtyp"] == "första besök"), "andel"]
        assert list(linjer["första besök"].get_ydata()) == pytest.approx(list(väntat))
        assert len(xetiketter(ax)) == 6

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
        ax = plot.väntetidsdiagram(a)
        # Jan: 4 days, within; Feb: 2 days, within; Apr: 100 days, not within
        assert list(linjer_i(ax)["Andel inom gränsen"].get_ydata()) == pytest.approx([1, 1, 0])
        assert xetiketter(ax) == ["jan 2023", "feb 2023", "apr 2023"]
        assert ax.get_xlabel() == "Period"
        assert "(genomförda)" in ax.get_title()

    def test_pooled_over_regions_keeps_months(self) -> None:
        p = hu.sammanvägda_andelar(_väntetabell(grupp=True), per="mätdatum", metod="poolad")
        ax = plot.väntetidsdiagram(p)
        # Feb pooled: (85 + 65) / 200 = 0.75
        assert linjer_i(ax)["Andel inom gränsen"].get_ydata()[1] == pytest.approx(0.75)

    def test_limit_chosen_by_name_object_or_days(self) -> None:
        t = _väntetabell()
        tre = pd.concat(
            [t, t.assign(gräns=90.0, gränsnamn="operation inom 90 dagar", andel=0.5)],
            ignore_index=True,
        )
        namn = plot.väntetidsdiagram(tre, gräns="operation inom 90 dagar")
        assert list(linjer_i(namn)["Andel inom gränsen"].get_ydata()) == pytest.approx([0.5] * 3)
        objekt = hu.Väntetidsgräns(gräns=90, namn="första besök inom 90 dagar", bas="väntande")
        ax = plot.väntetidsdiagram(tre, gräns=objekt)
        assert list(linjer_i(ax)["Andel inom gränsen"].get_ydata()) == pytest.approx(
            [0.80, 0.85, 0.90]
        )
        assert ax.get_title() == "Första besök inom 90 dagar (väntande)"
        # 90 days names two limits: the name must choose
        with pytest.raises(hu.OgiltigtVärdeError, match="several limits of 90"):
            plot.väntetidsdiagram(tre, gräns=90)

    def test_invalid_inputs(self) -> None:
        t = _väntetabell()
        with pytest.raises(hu.FelTypError, match="väntetidsandelar"):
            plot.väntetidsdiagram([1, 2])  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="mätdatum"):
            plot.väntetidsdiagram(t.drop(columns="mätdatum"))
        with pytest.raises(hu.SaknadKolumnError, match="'andel'"):
            plot.väntetidsdiagram(t.drop(columns="andel"))
        with pytest.raises(hu.OgiltigtVärdeError, match="empty"):
            plot.väntetidsdiagram(t.iloc[:0])
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            plot.väntetidsdiagram(t, mål=80)
        with pytest.raises(hu.OgiltigtVärdeError, match="intervall"):
            plot.väntetidsdiagram(t, intervall="skuggat")
        with pytest.raises(hu.OgiltigtVärdeError, match="no rows for the limit"):
            plot.väntetidsdiagram(t, gräns=30)
        with pytest.raises(hu.FelTypError, match="gräns must be"):
            plot.väntetidsdiagram(t, gräns=[90])

    @settings(max_examples=20)
    @given(st.lists(st.integers(0, 200), min_size=1, max_size=40))
    def test_property_line_is_the_table(self, dagar: list[int]) -> None:
        a = hu.väntetidsandelar(
            pd.DataFrame({"v": dagar, "m": pd.Timestamp("2023-05-31")}),
            gränser=90,
            väntetid="v",
            per="m",
        ).rename(columns={"m": "mätdatum"})
        with en_figur() as ax0:
            y = linjer_i(plot.väntetidsdiagram(a, ax=ax0))["Andel inom gränsen"].get_ydata()[0]
        # reference: share of waits <= 90
        väntat = sum(d <= 90 for d in dagar) / len(dagar)
        assert y == pytest.approx(väntat)


@pytest.mark.parametrize("mål", [pd.DataFrame(), "abc", [0.8, 0.9], np.inf, 80.0])
def test_väntetidsdiagram_bad_target(mål: object) -> None:
    # issue 12: an empty frame reached float() before; now a package error naming mål
    with pytest.raises(hu.HalsouppfoljningError, match="väntetidsdiagram: mål"):
        plot.väntetidsdiagram(_väntetabell(), mål=mål)  # type: ignore[arg-type]


@pytest.mark.parametrize("intervall", [pd.DataFrame(), pd.Series(["band"]), None, "ingen"])
def test_väntetidsdiagram_intervall_is_one_of_the_words(intervall: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="väntetidsdiagram: intervall must be"):
        plot.väntetidsdiagram(_väntetabell(), intervall=intervall)  # type: ignore[arg-type]


def test_väntetidsdiagram_unknown_limit_names_gräns() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="no rows for the limit gräns=30"):
        plot.väntetidsdiagram(_väntetabell(), gräns=30)
