"""Tests of what the figures share (halsouppfoljning.plot._grund) and of the plot extra.

- the package and the plot module import without matplotlib, and every plot
  function then names the extra to install;
- the time labels, target levels and lookups that several figures use, each
  branch on a hand-made case.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning import plot
from halsouppfoljning.plot import _format, _grund, palett

NNBSP = "\u202f"  # narrow no-break space

MÅN = pd.period_range("2023-01", periods=1, freq="M")
INSTALLERA = r'pip install "halsouppfoljning\[plot\]"'


# --------------------------------------------------------------------------- without matplotlib


def _panel() -> pd.DataFrame:
    return hu.regionpanel(pd.DataFrame({2023: [0.6, 0.8]}, index=["01", "03"]), indikator="x")


@pytest.mark.parametrize(
    ("funktion", "argument"),
    [
        (plot.rangdiagram, (_panel(),)),
        (plot.förändringsdiagram, (pd.DataFrame(),)),
        (plot.indikatordiagram, (pd.Series([0.8], index=MÅN), hu.Målnivå.minst(0.8))),
        (plot.väntetidsdiagram, (pd.DataFrame(),)),
        (plot.kontinuitetsdiagram, (pd.Series([0.5], name="coc"),)),
        (plot.prognosdiagram, ([],)),
        (plot.tornadodiagram, (pd.DataFrame({"ned": [-1.0], "upp": [1.0]}),)),
    ],
)
@pytest.mark.usefixtures("utan_matplotlib")
def test_without_matplotlib_names_the_extra(
    funktion: Callable[..., Any], argument: tuple[Any, ...]
) -> None:
    with pytest.raises(hu.SaknatTilläggError, match=INSTALLERA):
        funktion(*argument)
    # an ImportError too, so that ``except ImportError`` works
    with pytest.raises(ImportError):
        funktion(*argument)


def _utan_matplotlib(kod: str) -> subprocess.CompletedProcess[str]:
    """Run ``kod`` in a fresh interpreter where ``import matplotlib`` fails."""
    spärr = "import sys; sys.modules['matplotlib'] = None; "
    return subprocess.run(
        [sys.executable, "-c", spärr + kod],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parent,
    )


def test_package_imports_without_matplotlib() -> None:
    kod = (
        "import halsouppfoljning as hu; from halsouppfoljning import plot; "
        "assert 'matplotlib.pyplot' not in sys.modules; print(len(plot.__all__))"
    )
    ut = _utan_matplotlib(kod)
    assert ut.returncode == 0, ut.stderr
    assert ut.stdout.strip() == str(len(plot.__all__))


def test_conftest_imports_without_matplotlib() -> None:
    kod = "import runpy; runpy.run_path('conftest.py'); print('ok')"
    ut = _utan_matplotlib(kod)
    assert ut.returncode == 0, ut.stderr
    assert ut.stdout.strip() == "ok"


def test_importing_the_package_does_not_import_matplotlib() -> None:
    kod = "import halsouppfoljning; print('matplotlib' in sys.modules)"
    ut = subprocess.run(
        [sys.executable, "-c", "import sys; " + kod],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ut.stdout.strip() == "False"


# --------------------------------------------------------------------------- public names


def test_public_names() -> None:
    assert sorted(plot.__all__) == [
        "BEDÖMNINGSFÄRGER",
        "FÄRGER",
        "förändringsdiagram",
        "indikatordiagram",
        "kontinuitetsdiagram",
        "palett",
        "prognosdiagram",
        "rangdiagram",
        "tornadodiagram",
        "väntetidsdiagram",
    ]
    assert set(dir(plot)) == set(plot.__all__)
    # the earlier names are the palette's colours, not a second copy
    assert plot.FÄRGER is palett.KLASSFÄRGER
    assert plot.BEDÖMNINGSFÄRGER is palett.BEDÖMNINGSFÄRGER
    # one palette: the assessment colours are the colour classes' colours
    assert plot.BEDÖMNINGSFÄRGER[hu.Måluppfyllelse.UPPNÅDD] == plot.FÄRGER["grön"]
    assert plot.BEDÖMNINGSFÄRGER[hu.Måluppfyllelse.DELVIS] == plot.FÄRGER["gul"]
    assert plot.BEDÖMNINGSFÄRGER[hu.Måluppfyllelse.EJ_UPPNÅDD] == plot.FÄRGER["röd"]
    assert set(plot.BEDÖMNINGSFÄRGER) == set(hu.Måluppfyllelse)


# --------------------------------------------------------------------------- time labels


@pytest.mark.parametrize(
    ("värde", "månadsvis", "väntat"),
    [
        (pd.Period("2023-05", freq="M"), False, "maj 2023"),
        (pd.Period("2023", freq="Y"), False, "2023"),
        (pd.Period("2023Q2", freq="Q"), False, "2023Q2"),
        (pd.Interval(pd.Timestamp("2023-01-01"), pd.Timestamp("2023-04-30")), False,
         "2023-01-01–2023-04-30"),
        (pd.Interval(0, 1), False, "(0, 1]"),
        (pd.Timestamp("2023-12-31"), True, "dec 2023"),
        (pd.Timestamp("2023-12-15"), False, "2023-12-15"),
        ("tertial 1", False, "tertial 1"),
    ],
)  # fmt: skip
def test_tidsetikett(värde: object, månadsvis: bool, väntat: str) -> None:
    assert _grund.tidsetikett(värde, månadsvis) == väntat


def test_tidpunkter_sorted_labelled_and_mixed_kinds_kept_in_order() -> None:
    slut = [pd.Timestamp("2023-02-28"), pd.Timestamp("2023-01-31"), pd.Timestamp("2023-02-28")]
    punkter, etiketter = _grund.tidpunkter(slut)
    assert punkter == [pd.Timestamp("2023-01-31"), pd.Timestamp("2023-02-28")]
    assert etiketter == ["jan 2023", "feb 2023"]
    # not all month ends: labelled by day
    assert _grund.tidpunkter([pd.Timestamp("2023-01-15")])[1] == ["2023-01-15"]
    # text and a timestamp cannot be sorted: the order of appearance stays
    blandat = ["b", pd.Timestamp("2023-01-31")]
    assert _grund.tidpunkter(blandat)[0] == blandat


@pytest.mark.parametrize(
    ("månad", "väntat"), [(2023 * 12, "jan 2023"), (2023 * 12 + 11, "dec 2023")]
)
def test_månadsetikett(månad: int, väntat: str) -> None:
    assert _grund.månadsetikett(månad) == väntat


# --------------------------------------------------------------------------- targets and lookups


def test_målvärden_every_kind() -> None:
    assert _grund.målvärden(None) == (None, None)
    assert _grund.målvärden(0.75) == (0.75, None)
    assert _grund.målvärden(hu.Målnivå.minst(0.8)) == (0.8, None)
    assert _grund.målvärden(hu.Målnivå.intervall(0.85, 0.9)) == (None, (0.85, 0.9))
    # a target without a level (relative change) gives neither
    assert _grund.målvärden(hu.Målnivå.ökning(0.05)) == (None, None)


def test_region_lookups() -> None:
    assert _grund.kortnamn("Region Västmanland") == "Västmanland"
    assert _grund.kortnamn("Riket") == "Riket"
    namn = pd.Series(["Region Västmanland", "Riket", "Region Stockholm", "Atlantis"])
    # Riket first (0), then länskod (Stockholm 01, Västmanland 19), unknown last (99)
    assert _grund.regionordning(namn).tolist() == [19, 0, 1, 99]


def test_core_indicator_lookups_read_the_bundled_file() -> None:
    k = hu.exempeldata.kärnindikatorer_nära_vård()
    andelar = k.index[k["enhet"] == "andel"]
    antal = k.index[k["enhet"] != "andel"]
    assert len(andelar) > 0
    assert len(antal) > 0
    assert all(_grund.kärnindikator_är_andel(i) for i in andelar)
    assert not any(_grund.kärnindikator_är_andel(i) for i in antal)
    assert not _grund.kärnindikator_är_andel("okänd")
    assert [_grund.visningsnamn(i) for i in k.index] == k["namn"].tolist()
    assert _grund.visningsnamn("okänd") == "okänd"


def test_som_panel_refuses_other_frames_and_missing_columns() -> None:
    with pytest.raises(hu.FelTypError, match="rangdiagram: panel must be a pandas DataFrame"):
        _grund.som_panel({"region": []}, "rangdiagram")
    with pytest.raises(hu.SaknadKolumnError, match="'värde'"):
        _grund.som_panel(pd.DataFrame(columns=["region", "indikator", "period"]), "rangdiagram")
    p = _panel()
    assert _grund.som_panel(p, "rangdiagram") is p


# --------------------------------------------------------------------------- numbers


def test_andelstext_has_a_narrow_no_break_space_before_percent() -> None:
    assert _format.andelstext(0.788) == f"78,8{NNBSP}%"
    assert _format.andelstext(np.float64(0.8), 0) == f"80{NNBSP}%"


@pytest.mark.parametrize(
    ("värde", "decimaler", "enhet", "väntat"),
    [
        (-1200.0, None, None, f"-1{NNBSP}200"),
        (2.5, None, None, "2,5"),
        (1234567.0, 0, None, f"1{NNBSP}234{NNBSP}567"),
        (0.3, 1, None, "0,3"),
        (-890.0, None, "mnkr", "-890 mnkr"),
        (0.0, 2, None, "0,00"),
    ],
)
def test_taltext(värde: float, decimaler: int | None, enhet: str | None, väntat: str) -> None:
    assert _format.taltext(värde, decimaler, enhet=enhet) == väntat


@pytest.mark.parametrize(
    ("värde", "kolumn", "väntat"),
    [
        (0.05, "förändring", f"+5{NNBSP}%"),
        (-0.125, "förändring", f"-12,5{NNBSP}%"),
        (0.05, "procentenheter", f"+5{NNBSP}pe"),
        (0.0, "procentenheter", f"0{NNBSP}pe"),
        (-1500.0, "differens", f"-1{NNBSP}500"),
        (0.0, "differens", "0"),
    ],
)
def test_förändringstext(värde: float, kolumn: str, väntat: str) -> None:
    assert _format.förändringstext(värde, kolumn) == väntat


def test_axis_formatters() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        _format.procentaxel(ax.xaxis)
        _format.talaxel(ax.yaxis)
        assert ax.xaxis.get_major_formatter()(0.1, 0) == f"10{NNBSP}%"
        assert ax.yaxis.get_major_formatter()(12500.0, 0) == f"12{NNBSP}500"
        _format.procentaxel(ax.xaxis, [np.nan, 0.81, 0.82])
        assert ax.xaxis.get_major_formatter()(0.815, 0) == f"81,5{NNBSP}%"
        _format.procentaxel(ax.xaxis, [np.nan])  # nothing finite: whole percent
        assert ax.xaxis.get_major_formatter()(0.5, 0) == f"50{NNBSP}%"
        _format.förändringsaxel(ax.yaxis, "förändring")
        assert ax.yaxis.get_major_formatter()(-0.05, 0) == f"-5{NNBSP}%"
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------- legend and source


def test_källa_from_the_data_given_or_suppressed() -> None:
    d = pd.DataFrame({"x": [1]})
    assert _grund.källa_från(_grund.FRÅN_DATA, d, "f") is None  # the data name none
    d.attrs["källa"] = "Kolada"
    assert _grund.källa_från(_grund.FRÅN_DATA, d, "f") == "Källa: Kolada"
    d.attrs["källa"] = "Källa: Kolada"  # as the Kolada client sets it: not doubled
    assert _grund.källa_från(_grund.FRÅN_DATA, d, "f") == "Källa: Kolada"
    assert _grund.källa_från("  SKR, Väntetider i vården ", d, "f") == (
        "Källa: SKR, Väntetider i vården"
    )
    assert _grund.källa_från(None, d, "f") is None
    assert _grund.källa_från("", d, "f") is None
    assert _grund.källa_från("   ", d, "f") is None
    assert _grund.källa_från(_grund.FRÅN_DATA, [1, 2], "f") is None  # no attrs at all
    d.attrs["källa"] = 3  # not text: no caption rather than an error on the data
    assert _grund.källa_från(_grund.FRÅN_DATA, d, "f") is None
    assert repr(_grund.FRÅN_DATA) == "FRÅN_DATA"


def test_källa_of_another_type_is_refused() -> None:
    with pytest.raises(hu.FelTypError, match=r"rangdiagram: källa must be text .*3"):
        _grund.källa_från(3, None, "rangdiagram")


def test_legend_outside_and_none_when_empty() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    ax = _grund.ny_axes(None)
    try:
        _grund.förklaring(ax)
        assert ax.get_legend() is None
        ax.plot([0, 1], [0, 1], label="Utfall")
        _grund.förklaring(ax)
        ax.figure.canvas.draw()
        # the legend's left edge lies right of the axes: it covers no data
        assert ax.get_legend().get_window_extent().x0 > ax.get_window_extent().x1
    finally:
        plt.close("all")


# --------------------------------------------------------------------------- properties

_SVENSKA_MÅNADER = [
    "jan",
    "feb",
    "mar",
    "apr",
    "maj",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
]


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_property_three_ways_to_a_month_label_agree(år: int, mån: int) -> None:
    månadsslut = pd.Timestamp(year=år, month=mån, day=1) + pd.offsets.MonthEnd(0)
    väntat = f"{_SVENSKA_MÅNADER[mån - 1]} {år}"
    assert _grund.är_månadsslut(månadsslut)
    assert _grund.tidsetikett(månadsslut, månadsvis=True) == väntat
    assert _grund.tidsetikett(pd.Period(year=år, month=mån, freq="M"), månadsvis=False) == väntat
    assert _grund.månadsetikett(år * 12 + mån - 1) == väntat


@given(st.permutations([r.namn for r in hu.regioner()] + ["Riket"]))
def test_property_region_order_is_riket_then_länskod(namn: list[str]) -> None:
    serie = pd.Series(namn)
    ordnade = serie.iloc[np.argsort(_grund.regionordning(serie), kind="stable")].tolist()
    # reference: Riket first, then the regions as hu.regioner() lists them (länskod order)
    assert ordnade == ["Riket"] + [r.namn for r in hu.regioner()]


@given(st.lists(st.floats(0, 1), min_size=1, max_size=20))
def test_property_percent_axis_decimals_follow_the_span(värden: list[float]) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    try:
        _format.procentaxel(ax.yaxis, värden)
        text = ax.yaxis.get_major_formatter()(0.5, 0)
    finally:
        plt.close(fig)
    # reference: one decimal ("50,0 %") when the values span less than 5 procentenheter
    väntat = "50" if max(värden) - min(värden) >= 0.05 else "50,0"
    assert text == f"{väntat}{NNBSP}%"


def test_rymmer_keeps_levels_off_the_edge() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    ax = _grund.ny_axes(None)
    try:
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(0.0, 1.0)
        _grund.rymmer(ax, [0.5, None, float("nan")], axel="x")  # inside: unchanged
        assert ax.get_xlim() == (0.0, 1.0)
        _grund.rymmer(ax, [])
        assert ax.get_ylim() == (0.0, 1.0)
        # a level on the edge gets 5 % of the new span beyond it: span 1.2, margin 0.06
        _grund.rymmer(ax, [-0.2], axel="x")
        assert ax.get_xlim() == pytest.approx((-0.26, 1.0))
        _grund.rymmer(ax, [1.0])
        assert ax.get_ylim() == pytest.approx((0.0, 1.05))
    finally:
        plt.close("all")


def test_legend_makes_room_in_a_figure_of_several_axes() -> None:
    """Three panels side by side (notebook 03): no legend covers the next panel."""
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(12, 4), sharey=True)
    try:
        for ax in axes:
            ax.plot([0, 1], [0, 1], label="Medelvärde (publicerat)")
            _grund.förklaring(ax)
        assert type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"
        fig.canvas.draw()
        for vänster, höger in itertools.pairwise(axes):
            förklaringen = vänster.get_legend().get_window_extent()
            assert förklaringen.x1 <= höger.get_window_extent().x0
        # a figure with its own engine keeps it
        fig2, ax2 = plt.subplots(layout="tight")
        ax2.plot([0, 1], label="a")
        _grund.förklaring(ax2)
        assert type(fig2.get_layout_engine()).__name__ == "TightLayoutEngine"
    finally:
        plt.close("all")


def test_caption_and_legend_reach_the_figure_through_a_subfigure() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    fig = plt.figure()
    try:
        ax = fig.subfigures(1, 2)[0].subplots()
        ax.plot([0, 1], label="a")
        _grund.förklaring(ax)
        _grund.källtext(ax, "Källa: Kolada")
        assert fig.get_supxlabel() == "Källa: Kolada"
        assert type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"
    finally:
        plt.close("all")


class TestProcentaxelOutsideShares:
    """Regression (issue 12): a percent axis padded beyond [0, 1] is drawn.

    ``formatera_andel`` refuses values outside [0, 1]; axis ticks such as -5 % or
    105 % are positions, not shares, and must still be written.
    """

    def test_tick_text_beyond_0_and_100_percent(self) -> None:
        pytest.importorskip("matplotlib")
        import matplotlib.pyplot as plt

        from halsouppfoljning.plot._format import MELLANRUM, procentaxel

        _fig, ax = plt.subplots()
        try:
            procentaxel(ax.yaxis, [0.0, 1.0])
            formaterare = ax.yaxis.get_major_formatter()
            # by hand: -0.05 is -5 %, 1.05 is 105 %, 0.5 is 50 %
            assert formaterare(-0.05, 0) == f"-5{MELLANRUM}%"
            assert formaterare(1.05, 0) == f"105{MELLANRUM}%"
            assert formaterare(0.5, 0) == f"50{MELLANRUM}%"
        finally:
            plt.close("all")

    def _rita(self, ax: object) -> list[str]:
        fig = ax.figure  # type: ignore[attr-defined]
        fig.canvas.draw()
        return [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()]  # type: ignore[attr-defined]

    def test_väntetidsdiagram_with_shares_at_0_and_1(self) -> None:
        pytest.importorskip("matplotlib")
        import matplotlib.pyplot as plt

        import halsouppfoljning as hu

        datum = pd.date_range("2023-01-31", periods=3, freq="ME")
        tabell = pd.DataFrame(
            {
                "mätdatum": datum,
                "gräns": 0.0,
                "gränsnamn": "inom 0 dagar",
                "enhet": "dagar",
                "antal": [100, 100, 100],
                "antal_inom": [0, 0, 100],
                "andel": [0.0, 0.0, 1.0],
                "nedre": [0.0, 0.0, 0.96],
                "övre": [0.04, 0.04, 1.0],
                "exkluderade": 0,
                "exkluderade_patientvald": 0,
                "saknade": 0,
                "ogiltiga": 0,
                "undertryckt": False,
            }
        )
        try:
            ax = hu.plot.väntetidsdiagram(tabell, mål=0.8)
            ax.set_ylim(-0.05, 1.05)
            texter = self._rita(ax)
            assert any(t.endswith("%") for t in texter)
        finally:
            plt.close("all")

    def test_indikatordiagram_with_shares_at_0_and_1(self) -> None:
        pytest.importorskip("matplotlib")
        import matplotlib.pyplot as plt

        import halsouppfoljning as hu

        u = pd.Series(
            [0.0, 1.0, 1.0], index=pd.period_range("2023-01", periods=3, freq="M"), name="x"
        )
        try:
            ax = hu.plot.indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
            ax.set_ylim(-0.1, 1.1)
            texter = self._rita(ax)
            assert any(t.endswith("%") for t in texter)
        finally:
            plt.close("all")

    def test_rangdiagram_with_shares_at_0_and_1(self) -> None:
        pytest.importorskip("matplotlib")
        import matplotlib.pyplot as plt

        import halsouppfoljning as hu

        panel = hu.regionpanel(
            pd.DataFrame({2023: [0.0, 1.0, 0.5]}, index=["01", "03", "04"]), indikator="x"
        )
        try:
            ax = hu.plot.rangdiagram(
                panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, mål=0.75, procent=True
            )
            ax.set_xlim(-0.1, 1.1)
            texter = self._rita(ax)
            assert any(t.endswith("%") for t in texter)
        finally:
            plt.close("all")


class TestIssue12ProbePlots:
    """Regression tests for engineer B's fuzz findings in plot/* (issue 12)."""

    def test_rangdiagram_duplicated_column(self) -> None:
        import halsouppfoljning as hu

        p = hu.regionpanel(pd.DataFrame({2023: [0.6, 0.8]}, index=["03", "19"]), indikator="x")
        dubbel = pd.concat([p, p[["region"]]], axis=1)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"rangdiagram: panel has the column"):
            hu.plot.rangdiagram(dubbel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)

    def test_rangdiagram_period_text_among_years(self) -> None:
        import halsouppfoljning as hu

        p = hu.regionpanel(
            pd.DataFrame({2022: [0.5, 0.7], 2023: [0.6, 0.8]}, index=["03", "19"]),
            indikator="x",
        )
        p["period"] = p["period"].astype(object)
        p.loc[p.index[0], "period"] = "abc"
        with pytest.raises(hu.FelTypError, match="rangdiagram: the period column of panel"):
            hu.plot.rangdiagram(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)

    def _förändringar(self) -> pd.DataFrame:
        import halsouppfoljning as hu

        p = hu.regionpanel(
            pd.DataFrame({2019: [0.5, 0.4], 2023: [0.6, 0.3]}, index=["03", "19"]),
            indikator="a",
        )
        return hu.förändring(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)

    def test_förändringsdiagram_duplicated_column_and_missing_region(self) -> None:
        import halsouppfoljning as hu

        f = self._förändringar()
        with pytest.raises(hu.OgiltigtVärdeError, match=r"förändringar has the column\(s\)"):
            hu.plot.förändringsdiagram(pd.concat([f, f[["region"]]], axis=1))
        utan = f.copy()
        utan.loc[utan.index[0], "region"] = np.nan
        with pytest.raises(hu.OgiltigtVärdeError, match="region column of förändringar"):
            hu.plot.förändringsdiagram(utan)

    def test_kontinuitetsdiagram_duplicated_column(self) -> None:
        import halsouppfoljning as hu

        b = pd.DataFrame(
            {
                "patient": [1, 1, 1, 2, 2, 2],
                "vårdgivare": list("aaaabc"),
                "listningsenhet": ["VC1"] * 6,
            }
        )
        coc = hu.kontinuitetsindex(b)
        dubbel = pd.concat([b, b[["patient"]]], axis=1)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"vårdenheter has the column\(s\)"):
            hu.plot.kontinuitetsdiagram(coc, dubbel)

    def test_tornadodiagram_duplicated_column(self) -> None:
        import halsouppfoljning as hu

        _, _, b = hu.känslighetsintervall({"A": (-30, 10), "B": (0, 15)}, punkt=-890, bidrag=True)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"bidrag has the column\(s\) \['ned'\]"):
            hu.plot.tornadodiagram(pd.concat([b, b[["ned"]]], axis=1))

    @pytest.mark.parametrize("saknas", [None, "", np.nan], ids=["None", "tom", "NaN"])
    def test_väntetidsdiagram_missing_limit_name(self, saknas: object) -> None:
        import halsouppfoljning as hu

        t = pd.DataFrame(
            {
                "mätdatum": pd.date_range("2023-01-31", periods=2, freq="ME"),
                "gräns": 90.0,
                "gränsnamn": ["högst 90 dagar", saknas],
                "enhet": "dagar",
                "antal": [100, 100],
                "antal_inom": [80, 85],
                "andel": [0.80, 0.85],
            }
        )
        with pytest.raises(hu.OgiltigtVärdeError, match="gränsnamn column of andelar"):
            hu.plot.väntetidsdiagram(t)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"andelar has the column\(s\)"):
            hu.plot.väntetidsdiagram(pd.concat([t, t[["andel"]]], axis=1))


def test_indikatordiagram_refuses_a_period_twice() -> None:
    # issue 12 probe: two points were drawn for January without a word
    import halsouppfoljning as hu

    u = pd.Series(
        [0.78, 0.81, 0.84], index=pd.PeriodIndex(["2023-01", "2023-01", "2023-02"], freq="M")
    )
    with pytest.raises(hu.OgiltigtVärdeError, match="indikatordiagram: utfall has the period"):
        hu.plot.indikatordiagram(u, hu.Målnivå.tolka("≥ 80 %"))
