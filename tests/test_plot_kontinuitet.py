"""Tests of halsouppfoljning.plot.kontinuitet (kontinuitetsdiagram) on the Agg backend.

Each test checks what was drawn: boxes, means, counts, labels and the title.
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
        ax = plot.kontinuitetsdiagram(coc, b, riket=0.30)
        assert xetiketter(ax) == ["VC1\nn=2", "VC2\nn=1"]
        # the means (diamonds): VC1 (1 + 1/3) / 2 = 2/3, VC2 0
        (medel,) = [c for c in ax.collections if c.get_label().startswith("Medelvärde")]
        np.testing.assert_allclose(medel.get_offsets(), [[1, 2 / 3], [2, 0.0]])
        linjer = linjer_i(ax)
        assert linjer["Riket 0,30"].get_ydata()[0] == pytest.approx(0.30)
        # two boxes: each box draws a median line; VC1 median (1 + 1/3) / 2
        medianer = [
            linje.get_ydata()
            for linje in ax.get_lines()
            if len(linje.get_ydata()) == 2 and linje.get_label().startswith("_")
        ]
        assert any(np.allclose(y, [2 / 3, 2 / 3]) for y in medianer)
        assert ax.get_ylabel() == "Kontinuitetsindex (COC)"
        assert ax.get_title() == "Kontinuitetsindex (COC) per enhet\n3 patienter, 1 utan värde"
        assert ax.get_ylim() == pytest.approx((-0.02, 1.02))
        assert formaterad_y(ax, 0.3) == "0,3"
        # the legend names the median line and the box besides the mean and Riket
        förklaring = [t.get_text() for t in ax.get_legend().get_texts()]
        assert förklaring == [
            "Median",
            "Kvartiler (lådan)",
            "Medelvärde (publicerat)",
            "Riket 0,30",
        ]

    def test_series_of_units_violins_and_no_grouping(self) -> None:
        b = _besök()
        coc = hu.kontinuitetsindex(b, minsta_antal_besök=2)  # patient 4 now counts: COC 1
        enheter = b.drop_duplicates("patient").set_index("patient")["listningsenhet"]
        ax = plot.kontinuitetsdiagram(coc, enheter, typ="fiol")
        assert xetiketter(ax) == ["VC1\nn=2", "VC2\nn=2"]
        # violin bodies are PolyCollections, one per unit
        kroppar = [c for c in ax.collections if "PolyCollection" in type(c).__name__]
        assert len(kroppar) == 2
        förklaring = [t.get_text() for t in ax.get_legend().get_texts()]
        assert förklaring[:2] == ["Median", "Fördelning (fiolen)"]
        assert ax.figure.get_supxlabel() == ""
        coc.attrs["källa"] = "Syntetiska besök"
        med_källa = plot.kontinuitetsdiagram(coc, enheter)
        assert med_källa.figure.get_supxlabel() == "Källa: Syntetiska besök"
        alla = plot.kontinuitetsdiagram(coc)
        assert xetiketter(alla) == ["Alla\nn=4"]
        (medel,) = [c for c in alla.collections if c.get_label().startswith("Medelvärde")]
        # (1 + 1/3 + 0 + 1) / 4 = 7/12
        assert medel.get_offsets()[0][1] == pytest.approx(7 / 12)
        assert "Riket" not in " ".join(linjer_i(alla))
        # patient 4 has a value but no unit in the Series: counted in the title
        utan_fyra = enheter.drop(4)
        ax2 = plot.kontinuitetsdiagram(coc, utan_fyra)
        assert xetiketter(ax2) == ["VC1\nn=2", "VC2\nn=1"]
        assert ax2.get_title().endswith("4 patienter, 0 utan värde, 1 med värde utan enhet")

    def test_thousands_grouped_in_counts(self) -> None:
        # 1 200 patients at one unit, 1 000 with a value, 200 without
        index = pd.Series([0.5] * 1000 + [np.nan] * 200, name="coc")
        ax = plot.kontinuitetsdiagram(index, pd.Series(["VC1"] * 1200))
        assert xetiketter(ax) == ["VC1\nn=1\u202f000"]
        assert (
            ax.get_title()
            == "Kontinuitetsindex (COC) per enhet\n1\u202f000 patienter, 200 utan värde"
        )

    def test_other_method_name_in_labels(self) -> None:
        b = _besök()
        hhi = hu.kontinuitetsindex(b, metod="hhi")
        ax = plot.kontinuitetsdiagram(hhi, b)
        assert ax.get_ylabel() == "Kontinuitetsindex (HHI)"

    def test_many_units_turn_their_labels(self) -> None:
        index = pd.Series(np.linspace(0, 1, 10), name="coc")
        enheter = pd.Series([f"VC{i}" for i in range(10)])
        ax = plot.kontinuitetsdiagram(index, enheter)
        assert len(xetiketter(ax)) == 10
        assert {t.get_rotation() for t in ax.get_xticklabels()} == {90.0}
        # an unnamed index is called "index"
        namnlös = plot.kontinuitetsdiagram(index.rename(None))
        assert namnlös.get_ylabel() == "Kontinuitetsindex (index)"

    def test_a_patient_twice_in_the_series_of_units(self) -> None:
        coc = hu.kontinuitetsindex(_besök())
        dubbel = pd.Series(["VC1", "VC2"], index=[1, 1])
        with pytest.raises(hu.OgiltigtVärdeError, match="holds a patient twice"):
            plot.kontinuitetsdiagram(coc, dubbel)

    def test_invalid_inputs(self) -> None:
        b = _besök()
        coc = hu.kontinuitetsindex(b)
        with pytest.raises(hu.FelTypError, match="per-patient Series"):
            plot.kontinuitetsdiagram(coc.to_frame())  # type: ignore[arg-type]
        with pytest.raises(hu.FelTypError, match="vårdenheter must be"):
            plot.kontinuitetsdiagram(coc, ["VC1"])  # type: ignore[arg-type]
        with pytest.raises(hu.SaknadKolumnError, match="'enhet'"):
            plot.kontinuitetsdiagram(coc, b, vårdenhet="enhet")
        dubbel = b.assign(listningsenhet=["VC1"] * 6 + ["VC3"] + ["VC2"] * 5)
        with pytest.raises(
            hu.OgiltigtVärdeError, match="vårdenheter gives patient 2 several values"
        ):
            plot.kontinuitetsdiagram(coc, dubbel)
        with pytest.raises(hu.OgiltigtVärdeError, match="typ"):
            plot.kontinuitetsdiagram(coc, b, typ="staplar")
        with pytest.raises(hu.AndelsError, match="did you pass percent"):
            plot.kontinuitetsdiagram(coc, b, riket=30)
        with pytest.raises(hu.OgiltigtVärdeError, match="no patient of index has"):
            plot.kontinuitetsdiagram(pd.Series([np.nan], index=[1], name="coc"))
        with pytest.raises(hu.OgiltigtVärdeError, match="no patient of index has"):
            plot.kontinuitetsdiagram(pd.Series([], dtype=float, name="coc"))

    @settings(max_examples=20)
    @given(
        st.lists(
            st.tuples(st.floats(0, 1), st.sampled_from(["A", "B", "C"])), min_size=1, max_size=30
        )
    )
    def test_property_counts_and_means_per_unit(self, par: list[tuple[float, str]]) -> None:
        index = pd.Series([v for v, _ in par], name="coc")
        enheter = pd.Series([e for _, e in par])
        with en_figur() as ax0:
            ax = plot.kontinuitetsdiagram(index, enheter, ax=ax0)
            etiketter = xetiketter(ax)
            (medel,) = [c for c in ax.collections if c.get_label().startswith("Medelvärde")]
            medelvärden = list(medel.get_offsets()[:, 1])
        # reference: plain dict of lists
        per: dict[str, list[float]] = {}
        for v, e in par:
            per.setdefault(e, []).append(v)
        assert etiketter == [f"{e}\nn={len(per[e])}" for e in sorted(per)]
        assert medelvärden == pytest.approx([sum(per[e]) / len(per[e]) for e in sorted(per)])


class TestKontinuitetsdiagramIndata:
    """Issue 12: bad input is a package error naming the argument."""

    @pytest.mark.parametrize("riket", [pd.DataFrame(), "abc", [0.3], np.inf, True])
    def test_bad_riket(self, riket: object) -> None:
        coc = hu.kontinuitetsindex(_besök(), minsta_antal_besök=3)
        with pytest.raises(hu.HalsouppfoljningError, match="kontinuitetsdiagram: riket"):
            plot.kontinuitetsdiagram(coc, _besök(), riket=riket)  # type: ignore[arg-type]

    def test_units_without_patients_and_unmatched_index(self) -> None:
        coc = hu.kontinuitetsindex(_besök(), minsta_antal_besök=3)
        utan = _besök().assign(patient=np.nan)
        with pytest.raises(hu.OgiltigtVärdeError, match="vårdenheter has 12 row"):
            plot.kontinuitetsdiagram(coc, utan)
        annan = coc.set_axis([f"okänd {i}" for i in range(len(coc))])
        with pytest.raises(hu.OgiltigtVärdeError, match="no patient of index"):
            plot.kontinuitetsdiagram(annan, _besök())


@pytest.mark.parametrize("typ", [pd.DataFrame(), pd.Series(["låda"]), None, "stapel"])
def test_kontinuitetsdiagram_typ_is_one_of_the_words(typ: object) -> None:
    coc = hu.kontinuitetsindex(_besök(), minsta_antal_besök=3)
    with pytest.raises(hu.OgiltigtVärdeError, match="kontinuitetsdiagram: typ must be"):
        plot.kontinuitetsdiagram(coc, _besök(), typ=typ)  # type: ignore[arg-type]
