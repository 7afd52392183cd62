"""Tests of the command line (python -m halsouppfoljning), run as a real subprocess."""

from __future__ import annotations

import subprocess
import sys

import pytest

import halsouppfoljning as hu
from halsouppfoljning.__main__ import main


def _kör(*argument: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "halsouppfoljning", *argument],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def test_help_exits_0_and_lists_the_commands() -> None:
    resultat = _kör("--help")
    assert resultat.returncode == 0
    assert "exempel" in resultat.stdout
    assert "regioner" in resultat.stdout


def test_version() -> None:
    resultat = _kör("--version")
    assert resultat.returncode == 0
    assert hu.__version__ in resultat.stdout


def test_no_command_is_a_usage_error() -> None:
    resultat = _kör()
    assert resultat.returncode == 2
    assert "KOMMANDO" in resultat.stderr


def test_unknown_command_is_a_usage_error() -> None:
    resultat = _kör("nonsens")
    assert resultat.returncode == 2
    assert "invalid choice" in resultat.stderr


def test_exempel_prints_the_region_table() -> None:
    resultat = _kör("exempel")
    assert resultat.returncode == 0, resultat.stderr
    rader = resultat.stdout.splitlines()
    # Every region with its codes, e.g. Västmanland 19 / 0019 / SE-U (DOMAIN.md section 1)
    västmanland = next(r for r in rader if "Region Västmanland" in r)
    assert västmanland.split()[0] == "19"
    assert "0019" in västmanland
    assert västmanland.split()[-1] == "SE-U"
    assert sum(1 for r in rader if r[:2].isdigit()) == 21


def test_regioner_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regioner"]) == 0
    ut = capsys.readouterr().out
    assert ut.splitlines()[2].startswith("01   Region Stockholm")
