"""Helpers shared by the plot tests (tests/test_plot_*.py): read back what was drawn."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("matplotlib")

import matplotlib.pyplot as plt


@contextlib.contextmanager
def en_figur() -> Iterator[Any]:
    """One Axes for one Hypothesis example, closed even when the example fails."""
    fig, ax = plt.subplots()
    try:
        yield ax
    finally:
        plt.close(fig)


def xetiketter(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


def yetiketter(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def formaterad_y(ax: Any, v: float) -> str:
    return str(ax.yaxis.get_major_formatter()(v, 0))


def formaterad_x(ax: Any, v: float) -> str:
    return str(ax.xaxis.get_major_formatter()(v, 0))


def linjer_i(ax: Any) -> dict[str, Any]:
    return {linje.get_label(): linje for linje in ax.get_lines()}


# --------------------------------------------------------------------------- baselines
#
# One figure per plot function on small hand-made data, drawn the same way
# every time: the visual regression test (tests/test_plot_baslinjer.py)
# compares them with the PNGs in tests/data/plot_baslinjer/.

STORLEK = (6.4, 4.0)  # inches
DPI = 60
RC = {
    "font.family": ["DejaVu Sans"],
    "text.hinting": "default",
    "svg.hashsalt": "halsouppfoljning",
    "path.sketch": None,
}


def _panel() -> Any:
    import pandas as pd

    import halsouppfoljning as hu

    värden = {
        2019: [0.70, 0.62, 0.81, 0.55, 0.74, 0.68],
        2023: [0.78, 0.60, 0.84, 0.66, 0.71, 0.73],
    }
    panel = hu.regionpanel(
        pd.DataFrame(värden, index=["01", "03", "19", "17", "12", "Riket"]),
        indikator="medicinsk_bedömning_3_dagar",
    )
    panel.attrs["källa"] = "Källa: Kolada"
    return panel


def figur_rangdiagram() -> Any:
    import halsouppfoljning as hu
    from halsouppfoljning import plot

    ax = plot.rangdiagram(
        _panel(),
        regel=hu.Färgregel.rang(1 / 3, 1 / 3),
        mål=0.75,
        riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
    )
    return ax.figure


def figur_förändringsdiagram() -> Any:
    import halsouppfoljning as hu
    from halsouppfoljning import plot

    f = hu.förändring(_panel(), riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    axes = plot.förändringsdiagram(f, kolumn="procentenheter", källa="Kolada")
    return axes[0].figure


def figur_indikatordiagram() -> Any:
    import pandas as pd

    import halsouppfoljning as hu
    from halsouppfoljning import plot

    utfall = pd.Series(
        [0.74, 0.79, 0.81, float("nan"), 0.86, 0.83, 0.78, 0.90],
        index=pd.period_range("2023-01", periods=8, freq="M"),
        name="Besök inom 90 dagar",
    )
    utfall.attrs["källa"] = "Väntetider i vården (SKR)"
    ax = plot.indikatordiagram(utfall, hu.Målnivå.tolka("≥ 80 %"), delvis=hu.Delvis.inom(0.05))
    return ax.figure


def figur_väntetidsdiagram() -> Any:
    import numpy as np
    import pandas as pd

    from halsouppfoljning import plot

    mätdatum = pd.date_range("2023-01-31", periods=6, freq="ME")
    rader = []
    for region, bas in (("Uppsala", 0.72), ("Västmanland", 0.81)):
        for i, d in enumerate(mätdatum):
            andel = bas + 0.02 * np.sin(i)
            rader.append(
                {
                    "region": region,
                    "mätdatum": d,
                    "gräns": 90,
                    "gränsnamn": "vårdgaranti 90 dagar",
                    "antal": 400,
                    "andel": andel,
                    "nedre": andel - 0.045,
                    "övre": andel + 0.04,
                    "undertryckt": False,
                }
            )
    ax = plot.väntetidsdiagram(pd.DataFrame(rader), mål=0.8, källa="Väntetider i vården")
    return ax.figure


def figur_kontinuitetsdiagram() -> Any:
    import numpy as np
    import pandas as pd

    from halsouppfoljning import plot

    slump = np.random.default_rng(7)
    index = pd.Series(slump.beta(2, 4, 300), name="coc", index=pd.RangeIndex(300, name="patient"))
    enheter = pd.Series(
        np.array(["VC Norr", "VC Syd", "VC Väst"])[np.arange(300) % 3], index=index.index
    )
    ax = plot.kontinuitetsdiagram(index, enheter, riket=0.30, källa="Syntetiska besök")
    return ax.figure


def figur_prognosdiagram() -> Any:
    import halsouppfoljning as hu
    from halsouppfoljning import plot

    kedja = [
        hu.Prognos(värde=-600, nedre=-700, övre=-550, upprättad="2023-02", budget=0, avser="2023"),
        hu.Prognos(värde=-800, nedre=-880, övre=-760, upprättad="2023-04", budget=0, avser="2023"),
        hu.Prognos(värde=-890, nedre=-940, övre=-870, upprättad="2023-06", budget=0, avser="2023"),
    ]
    ax = plot.prognosdiagram(kedja, utfall=-905.5, källa="Region Västmanland, delårsrapport")
    return ax.figure


def figur_tornadodiagram() -> Any:
    import halsouppfoljning as hu
    from halsouppfoljning import plot

    poster = {"Köpt vård": (-20, 5), "Läkemedel": (-30, 10), "Personal": (-45, 15)}
    *_, bidrag = hu.känslighetsintervall(poster, punkt=-890, bidrag=True)
    ax = plot.tornadodiagram(bidrag, källa="Region Västmanland")
    return ax.figure


FIGURER = {
    "rangdiagram": figur_rangdiagram,
    "förändringsdiagram": figur_förändringsdiagram,
    "indikatordiagram": figur_indikatordiagram,
    "väntetidsdiagram": figur_väntetidsdiagram,
    "kontinuitetsdiagram": figur_kontinuitetsdiagram,
    "prognosdiagram": figur_prognosdiagram,
    "tornadodiagram": figur_tornadodiagram,
}


def rita(namn: str, fil: Any, *, dpi: int = DPI) -> None:
    """Draw figure ``namn`` of :data:`FIGURER` at the fixed size and save it as PNG to ``fil``."""
    import matplotlib

    with matplotlib.rc_context(RC):
        figur = FIGURER[namn]()
        try:
            figur.set_size_inches(*STORLEK)
            figur.savefig(fil, dpi=dpi, format="png", metadata={"Software": None})
        finally:
            plt.close(figur)
