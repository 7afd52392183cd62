"""Shared pytest configuration: Hypothesis profiles.

``ci`` (the default, and what ``.ci/run`` uses) is derandomized so that a run
never depends on luck; ``dev`` runs many more random examples. Choose with
``HYPOTHESIS_PROFILE=dev pytest``.
"""

from __future__ import annotations

import builtins
import os
from typing import Any

import matplotlib
import pytest
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

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
