"""Example data for the jamforelse part (placeholder until its issue fills it)."""

from __future__ import annotations

__all__: list[str] = []
