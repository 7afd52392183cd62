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
