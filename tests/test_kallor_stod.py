"""Shared helpers of the kallor tests: the fixture files, a fast sleep, a request counter.

Imported by the ``test_kallor_*`` modules; holds no tests itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from halsouppfoljning.kallor import _http

FIXTURER = Path(__file__).resolve().parent / "data" / "kallor"


def fixtur(namn: str, bas: str = "") -> Any:
    """A response file from tests/data/kallor, with ``{bas}`` replaced by the server URL."""
    text = (FIXTURER / namn).read_text(encoding="utf-8").replace("{bas}", bas)
    return json.loads(text)


def bas(server: HTTPServer) -> str:
    """The test server's base URL, ending in a slash."""
    return server.url_for("/")


@pytest.fixture
def sömn(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Replace the clients' sleep between retries; the list records every pause."""
    pauser: list[float] = []
    monkeypatch.setattr(_http, "vänta", pauser.append)
    return pauser


def antal_anrop(server: HTTPServer) -> int:
    """How many requests the server has answered."""
    return len(server.log)
