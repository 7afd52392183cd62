"""Example data for the vantetider part (placeholder until its issue fills it)."""

from __future__ import annotations

__all__: list[str] = []
