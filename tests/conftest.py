"""Shared pytest configuration: Hypothesis profiles, matplotlib off screen.

``ci`` (the default, and what ``.ci/run`` uses) is derandomized so that a run
never depends on luck; ``dev`` runs many more random examples. Choose with
``HYPOTHESIS_PROFILE=dev pytest``.

matplotlib (the optional ``plot`` extra) is put on the off-screen Agg backend
when it is installed; this file imports without it, and the plot tests skip
themselves where it is missing.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

try:  # the plot extra is optional: the suite runs without matplotlib
    import matplotlib
except ImportError:  # pragma: no cover - only on a machine without the plot extra
    pass
else:
    matplotlib.use("Agg")  # draw off screen


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--uppdatera-baslinjer``: redraw the plot baselines (tests/test_plot_baslinjer.py)."""
    parser.addoption(
        "--uppdatera-baslinjer",
        action="store_true",
        default=False,
        help="write the plot baseline images in tests/data/plot_baslinjer/ anew",
    )


settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def utan_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every import of matplotlib fail, as on a machine without the plot extra."""
    verklig = builtins.__import__

    def importera(namn: str, *args: Any, **kwargs: Any) -> Any:
        if namn.startswith("matplotlib"):
            raise ImportError(f"No module named {namn!r}")
        return verklig(namn, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importera)


@pytest.fixture
def stäng_figurer() -> Iterator[None]:
    """Close every matplotlib figure after the test (the plot tests use it)."""
    yield
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
