"""Tests of the command line (python -m halsouppfoljning), run as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
    for kommando in ("exempel", "styrkort", "regioner"):
        assert kommando in resultat.stdout


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


def _kör_exempel(*argument: str, kolumner: str | None = "80") -> subprocess.CompletedProcess[str]:
    """``python -m halsouppfoljning exempel ...`` with ``COLUMNS`` set (or unset)."""
    miljö = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if kolumner is not None:
        miljö["COLUMNS"] = kolumner
    return subprocess.run(
        [sys.executable, "-m", "halsouppfoljning", "exempel", *argument],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
        env=miljö,
    )


def test_exempel_prints_the_whole_follow_up() -> None:
    resultat = _kör_exempel()
    assert resultat.returncode == 0, resultat.stderr
    ut = resultat.stdout
    rader = ut.splitlines()
    assert max(len(r) for r in rader) <= 80
    assert rader[:2] == [
        "Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari",
        "2023",
    ]
    prosa = " ".join(ut.split())
    # the styrkort, each indicator a block at 80 columns: 94 against 'Lägre än fg år' 140
    # (seed line 114) is met; the report says Positiv and the computed trend agrees
    i = rader.index("Antal utlokaliserade pat.")
    block = " ".join(rader[i + 1 : i + 4])
    assert "Måluppfyllelse: ✔ uppnådd" in block
    assert "Trend (rapport): Positiv" in block
    assert "Trend (beräknad): positiv" in block
    # economy: the accumulated result against the periodised budget (seed line 1117)
    resultat_rad = next(r for r in rader if r.startswith("Resultat "))
    assert resultat_rad.split()[1:5] == ["-174,1", "-8,5", "-165,6", "-165,6"]
    # the forecast with its interval (seed line 40: "Årsprognos, -890 mnkr +20/-50 mnkr")
    assert "Prognos -890 mnkr +20/-50 mnkr: intervall -940 till -870 mnkr" in prosa
    # the source names the report, not a file
    assert (
        "Källa: Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport "
        "februari 2023" in prosa
    )
    assert ".txt" not in ut
    # waiting-time and continuity sections, labelled synthetic
    assert ut.count("SYNTETISKA DATA") == 2
    assert "första besök inom 90 dagar" in ut
    assert "Kontinuitet" in ut


@pytest.mark.parametrize("bredd", [60, 80, 120])
def test_exempel_fits_the_width_from_columns_or_bredd(bredd: int) -> None:
    från_miljön = _kör_exempel(kolumner=str(bredd))
    från_flaggan = _kör_exempel("--bredd", str(bredd), kolumner="200")
    for resultat in (från_miljön, från_flaggan):
        assert resultat.returncode == 0, resultat.stderr
        assert max(len(r) for r in resultat.stdout.splitlines()) <= bredd
    assert från_miljön.stdout == från_flaggan.stdout


def test_exempel_is_80_wide_without_a_terminal_or_columns() -> None:
    resultat = _kör_exempel("--utan-syntetiska", kolumner=None)
    assert resultat.returncode == 0, resultat.stderr
    assert max(len(r) for r in resultat.stdout.splitlines()) <= 80
    assert resultat.stdout == _kör_exempel("--utan-syntetiska", "--bredd", "80").stdout


def test_exempel_writes_one_html_page(tmp_path: Path) -> None:
    fil = tmp_path / "rapport.html"
    resultat = _kör_exempel("--utan-syntetiska", "--format", "html", "--utfil", str(fil))
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout == f"Rapporten är skriven till {fil}.\n"
    sida = fil.read_text(encoding="utf-8")
    assert sida.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert '<table class="styrkort">' in sida
    assert "<h2>Källor</h2>" in sida


def test_exempel_formats_and_rounding() -> None:
    resultat = _kör_exempel("--utan-syntetiska", "--format", "markdown", "--avrundning", "0")
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith("# Uppföljning")
    assert "efter avrundning till 0 decimaler, femman uppåt" in resultat.stdout
    assert "SYNTETISKA" not in resultat.stdout


def test_exempel_bad_format_and_width() -> None:
    resultat = _kör("exempel", "--format", "pdf")
    assert resultat.returncode == 2
    assert "invalid choice: 'pdf'" in resultat.stderr
    smal = _kör_exempel("--utan-syntetiska", "--bredd", "10")
    assert smal.returncode == 1
    assert "rapport: bredd" in smal.stderr
    assert smal.stdout == ""


def test_regioner_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regioner"]) == 0
    ut = capsys.readouterr().out
    assert ut.splitlines()[2].startswith("01   Region Stockholm")


def test_styrkort_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fil = tmp_path / "kort.csv"
    fil.write_text("indikator,mål,utfall\nBeläggningsgrad,85-90 %,96 %\n", encoding="utf-8")
    assert main(["styrkort", str(fil), "--region", "19", "--period", "2023-02"]) == 0
    ut = capsys.readouterr().out
    assert ut.splitlines()[0] == "Uppföljning: Region Västmanland, 2023-02"
    # 96 % is above the band 85-90 %: not met
    assert "Summary: 1 ej uppnådd." in ut
    assert main(["styrkort", str(tmp_path / "saknas.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
    fil.write_text("indikator,mål,utfall\nX,åttio,96 %\n", encoding="utf-8")
    assert main(["styrkort", str(fil)]) == 1
    assert "line 2, column 'mål'" in capsys.readouterr().err


def test_exempel_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["exempel", "--utan-syntetiska", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Uppföljning: Hälso- och sjukvårdsförvaltningen")
    fil = tmp_path / "rapport.txt"
    assert main(["exempel", "--utan-syntetiska", "--bredd", "60", "--utfil", str(fil)]) == 0
    assert capsys.readouterr().out == f"Rapporten är skriven till {fil}.\n"
    assert max(len(r) for r in fil.read_text(encoding="utf-8").splitlines()) <= 60
