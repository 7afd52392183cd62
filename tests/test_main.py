"""Tests of the command line (python -m halsouppfoljning), run as a real subprocess."""

from __future__ import annotations

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


def test_exempel_prints_the_whole_follow_up() -> None:
    resultat = _kör("exempel")
    assert resultat.returncode == 0, resultat.stderr
    ut = resultat.stdout
    assert ut.startswith(
        "Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari 2023"
    )
    # the styrkort with computed assessments and the report's trend words beside them
    rad = next(r for r in ut.splitlines() if r.startswith("Antal utlokaliserade pat."))
    assert "uppnådd" in rad.split()  # 94 against 'Lägre än fg år' 140 (seed line 114)
    assert rad.split()[-2:] == ["Positiv", "positiv"]  # reported, computed
    # economy: the accumulated result against the periodised budget (seed line 1117)
    resultat_rad = next(r for r in ut.splitlines() if r.startswith("Resultat "))
    assert resultat_rad.split()[1:5] == ["-174,1", "-8,5", "-165,6", "-165,6"]
    # the forecast with its interval (seed line 40: "Årsprognos, -890 mnkr +20/-50 mnkr")
    assert "Prognos -890 mnkr +20/-50 mnkr: interval [-940,0, -870,0] mnkr" in ut
    # waiting-time and continuity sections, labelled synthetic
    assert ut.count("SYNTETISKA DATA") == 2
    assert "första besök inom 90 dagar" in ut
    assert "Kontinuitet" in ut


def test_exempel_formats_and_rounding() -> None:
    resultat = _kör("exempel", "--utan-syntetiska", "--format", "markdown", "--avrundning", "0")
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith("# Uppföljning")
    assert "rounded half up to 0 decimals" in resultat.stdout
    assert "SYNTETISKA" not in resultat.stdout


def test_exempel_bad_format_is_a_usage_error() -> None:
    resultat = _kör("exempel", "--format", "pdf")
    assert resultat.returncode == 2
    assert "invalid choice: 'pdf'" in resultat.stderr


def test_styrkort_on_a_users_file(tmp_path: Path) -> None:
    fil = tmp_path / "kort.csv"
    fil.write_text(
        "indikator,mål,utfall,riktning,trend\n"
        'Andel besök 90 dagar,95 %,"78,8 %",högre är bättre,\n'
        "Utlokaliserade,Lägre än fg år,94 (140),lägre är bättre,Positiv\n",
        encoding="utf-8",
    )
    resultat = _kör("styrkort", str(fil), "--region", "Värmland", "--period", "2023")
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith("Uppföljning: Region Värmland, 2023")
    rader = resultat.stdout.splitlines()
    assert "ej uppnådd" in next(r for r in rader if r.startswith("Andel besök 90 dagar"))
    assert next(r for r in rader if r.startswith("Utlokaliserade")).split()[-3:] == [
        "uppnådd",
        "Positiv",
        "positiv",
    ]


def test_styrkort_bad_file_names_row_and_column(tmp_path: Path) -> None:
    fil = tmp_path / "fel.csv"
    fil.write_text('indikator,mål,utfall\nA,≥80 %,"78,8 %"\nB,≥80 %,åttio\n', encoding="utf-8")
    resultat = _kör("styrkort", str(fil))
    assert resultat.returncode == 1
    assert resultat.stdout == ""
    assert "line 3, column 'utfall'" in resultat.stderr
    assert "'åttio'" in resultat.stderr


def test_styrkort_missing_column_and_missing_file(tmp_path: Path) -> None:
    fil = tmp_path / "fel.csv"
    fil.write_text("indikator,utfall\nA,1\n", encoding="utf-8")
    resultat = _kör("styrkort", str(fil))
    assert resultat.returncode == 1
    assert "column 'mål' is not in the data" in resultat.stderr
    saknas = _kör("styrkort", str(tmp_path / "finns_inte.csv"))
    assert saknas.returncode == 1
    assert "no such file" in saknas.stderr


def test_styrkort_file_not_utf8(tmp_path: Path) -> None:
    fil = tmp_path / "latin1.csv"
    fil.write_bytes("indikator,mål,utfall\nVärde,≥1,2\n".replace("≥", ">").encode("latin-1"))
    resultat = _kör("styrkort", str(fil))
    assert resultat.returncode == 1
    assert "UTF-8" in resultat.stderr


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


def test_exempel_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exempel", "--utan-syntetiska", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Uppföljning: Hälso- och sjukvårdsförvaltningen")
