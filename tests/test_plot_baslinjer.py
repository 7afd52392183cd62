"""Visual regression: every plot function's figure against a stored baseline image.

Each figure of ``plotstod.FIGURER`` (hand-made data, one per plot function) is
drawn with the Agg backend at a fixed size and dpi with DejaVu Sans (bundled
with matplotlib) and compared with its PNG in ``tests/data/plot_baslinjer/``
by matplotlib's own :func:`matplotlib.testing.compare.compare_images` (the
RMS of the pixel differences, tolerance :data:`TOLERANS`). No extra
dependency.

After an intended change of a figure, look at it and write the baselines
anew::

    python -m pytest -p no:cacheprovider tests/test_plot_baslinjer.py --uppdatera-baslinjer

then look at the new PNGs (and the diff in git) before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.testing.compare import compare_images

from halsouppfoljning import plot

from . import plotstod

BASLINJER = Path(__file__).parent / "data" / "plot_baslinjer"
#: RMS of the pixel differences (0-255) allowed: small differences of
#: anti-aliasing and of the FreeType version pass; a moved legend, a changed
#: colour or a changed label does not.
TOLERANS = 3.0
#: The matplotlib (major.minor) that drew the baselines: another lays text and
#: legends out a little differently (the minimum-versions suite runs 3.8), so
#: the comparison is skipped there rather than failing on layout it does not test.
VERSIONSFIL = BASLINJER / "matplotlib.txt"


def _version() -> str:
    return ".".join(matplotlib.__version__.split(".")[:2])


def _jämför(namn: str, ritad: Path) -> str | None:
    ritad_med = VERSIONSFIL.read_text(encoding="utf-8").strip()
    if ritad_med != _version():
        pytest.skip(
            f"baselines drawn with matplotlib {ritad_med}, this is {_version()}; "
            "redraw them with --uppdatera-baslinjer to compare here"
        )
    return compare_images(str(BASLINJER / f"{namn}.png"), str(ritad), tol=TOLERANS)


@pytest.mark.parametrize("namn", sorted(plotstod.FIGURER))
def test_figure_matches_its_baseline(
    namn: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ritad = tmp_path / f"{namn}.png"
    plotstod.rita(namn, ritad)
    if request.config.getoption("--uppdatera-baslinjer"):
        BASLINJER.mkdir(parents=True, exist_ok=True)
        (BASLINJER / f"{namn}.png").write_bytes(ritad.read_bytes())
        VERSIONSFIL.write_text(_version() + "\n", encoding="utf-8")
        pytest.skip(f"baseline {namn}.png written anew")
    fel = _jämför(namn, ritad)
    assert fel is None, f"{namn} differs from its baseline: {fel}"


def test_every_plot_function_has_a_baseline() -> None:
    funktioner = {n for n in plot.__all__ if n.endswith("diagram")}
    assert set(plotstod.FIGURER) == funktioner
    assert {p.stem for p in BASLINJER.glob("*.png")} == funktioner


def test_baselines_are_small() -> None:
    assert sum(p.stat().st_size for p in BASLINJER.glob("*.png")) < 1_000_000


def test_a_changed_figure_fails_the_comparison(tmp_path: Path) -> None:
    """The comparison can fail: the same figure with its legend over the data exceeds it."""
    figur = plotstod.figur_indikatordiagram
    ritad = tmp_path / "indikatordiagram.png"

    def med_förklaringen_inne() -> object:
        fig = figur()
        fig.axes[0].legend(loc="lower right")  # over the data, as before issue 15
        return fig

    plotstod.FIGURER["indikatordiagram"] = med_förklaringen_inne
    try:
        plotstod.rita("indikatordiagram", ritad)
    finally:
        plotstod.FIGURER["indikatordiagram"] = figur
    fel = _jämför("indikatordiagram", ritad)
    assert fel is not None
    assert "indikatordiagram" in fel


def test_the_comparison_passes_an_identical_drawing(tmp_path: Path) -> None:
    ritad = tmp_path / "tornadodiagram.png"
    plotstod.rita("tornadodiagram", ritad)
    assert _jämför("tornadodiagram", ritad) is None
    plt.close("all")
