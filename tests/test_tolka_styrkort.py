"""Tests of halsouppfoljning.tolka.styrkort: a user's styrkort CSV read into the indicator table."""

from __future__ import annotations

import datetime as dt
import io
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu

DATA = Path(__file__).resolve().parent / "data" / "styrkort"

U = hu.Måluppfyllelse.UPPNÅDD
E = hu.Måluppfyllelse.EJ_UPPNÅDD


def test_läs_styrkort_reads_report_notation() -> None:
    csv = io.StringIO(
        "indikator,mål,utfall,föregående,riktning,trend\n"
        'Andel besök 90 dagar,95 %,"78,8 %",,högre är bättre,\n'
        "Utlokaliserade,Lägre än fg år,94 (140),,lägre är bättre,Positiv\n"
        'BUP,90/80/80 %,"48,4/31,0/56,0 %",,högre är bättre,\n'
        "Medelväntetid,8 min,14:58,,lägre är bättre,\n"
        'Sjukfrånvaro,"6,0 %","8,3 %","11,7 %",lägre är bättre,Positiv\n'
    )
    underlag = hu.läs_styrkort(csv)
    assert underlag["utfall"].iloc[0] == 0.788
    assert (underlag["utfall"].iloc[1], underlag["föregående"].iloc[1]) == (94.0, 140.0)
    assert underlag["utfall_delar"].iloc[2] == (0.484, 0.31, 0.56)
    assert underlag["utfall"].iloc[3] == pytest.approx(14 + 58 / 60)
    assert underlag["föregående"].iloc[4] == 0.117
    kort = hu.styrkort(underlag)
    assert list(kort["måluppfyllelse"]) == [E, U, (E, E, E), E, E]
    assert list(kort["trend_beräknad"])[4] is hu.Trend.POSITIV


@pytest.mark.parametrize(
    ("csv", "meddelande"),
    [
        (
            'indikator,mål,utfall\nA,≥80 %,"78,8 %"\nB,≥80 %,åttio\n',
            r"line 3, column 'utfall'.*'åttio'",
        ),
        ("indikator,mål,utfall\nA,kanske,1\n", r"line 2, column 'mål'.*'kanske'"),
        ("indikator,mål,utfall\nA,85 %,1\n", r"line 2, column 'mål'.*riktning"),
        ("indikator,mål,utfall,riktning\nA,≥1,1,uppåt\n", r"line 2, column 'riktning'.*'uppåt'"),
        (
            'indikator,mål,utfall,riktning\nA,90/80 %,"48,4/31,0",högre är bättre\n',
            r"line 2, column 'utfall'.*no unit",
        ),
        ("indikator,utfall\nA,1\n", r"column 'mål' is not in the data"),
    ],
)
def test_läs_styrkort_names_line_and_column(csv: str, meddelande: str) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match=meddelande):
        hu.läs_styrkort(io.StringIO(csv))


def test_läs_styrkort_from_a_frame_and_a_path(tmp_path: Path) -> None:
    ram = pd.DataFrame(
        {
            "indikator": ["Beläggningsgrad", "Kostnad"],
            "mål": ["85-90 %", "Enligt plan"],
            "utfall": ["96 %", "-12,5"],
            "plan": [None, "-10"],
        }
    )
    underlag = hu.läs_styrkort(ram)
    assert underlag["utfall"].tolist() == [0.96, -12.5]
    assert math.isnan(float(underlag.loc[0, "plan"]))
    assert underlag.loc[1, "plan"] == -10.0
    fil = tmp_path / "styrkort.csv"
    fil.write_text('indikator,mål,utfall\nX,≥80 %,"79,8 %"\n', encoding="utf-8")
    u = hu.Uppföljning.from_csv(fil, organisation="19", period=hu.Period.månad(2023, 2))
    assert u.källa == "styrkort.csv"  # a path gives its file name
    assert u.period == hu.Period.månad(2023, 2)
    assert u.indikatorer["utfall"].item() == 0.798


def test_läs_styrkort_refuses_files_it_cannot_read(tmp_path: Path) -> None:
    # 0x81 is one of the five bytes Windows-1252 leaves undefined, and not UTF-8
    trasig_kodning = tmp_path / "binär.csv"
    trasig_kodning.write_bytes(b"indikator,m\x81l,utfall\nX,1,2\n")
    with pytest.raises(hu.TolkningsError, match="neither UTF-8 nor Windows-1252") as fel:
        hu.läs_styrkort(trasig_kodning)
    assert fel.value.orsak == "kodning"  # type: ignore[attr-defined]
    trasig = tmp_path / "trasig.csv"
    trasig.write_text('indikator,mål,utfall\nY,1,2\n"X,≥80 %,90 %\n', encoding="utf-8")
    with pytest.raises(hu.TolkningsError, match="as CSV") as fel:
        hu.läs_styrkort(trasig)
    assert (fel.value.orsak, fel.value.rad) == ("csv", 3)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kolumn", "värde", "meddelande"),
    [
        ("föregående", "mycket", "line 2, column 'föregående'"),
        ("plan", "enligt budget", "line 2, column 'plan'"),
    ],
)
def test_läs_styrkort_names_the_column_of_a_bad_comparison_value(
    kolumn: str, värde: str, meddelande: str
) -> None:
    csv = io.StringIO(f"indikator,mål,utfall,{kolumn}\nX,≥80 %,90 %,{värde}\n")
    with pytest.raises(hu.TolkningsError, match=meddelande):
        hu.läs_styrkort(csv)


# ------------------------------------------------------------- files as analysts have them

# the four indicators of the Excel sample files, read by hand from the file text
_EXCELRADER = [
    ["Väntande inom 90 dagar", 0.798, 0.812, "högre är bättre"],
    ["Utlokaliserade patienter", 94.0, 140.0, "lägre är bättre"],
    ["Beläggningsgrad", 0.88, math.nan, "inom intervall"],
    ["Sjukfrånvaro", 0.083, 0.117, "lägre är bättre"],
]
# 79,8 % < minst 80 %; 94 < 140 (lower is better); 88 % in 85-90 %; 8,3 % > 6,0 %
_EXCELBEDÖMNING = [E, U, U, E]


def _rader(underlag: pd.DataFrame) -> list[list[Any]]:
    return underlag[["indikator", "utfall", "föregående", "riktning"]].to_numpy().tolist()


@pytest.mark.parametrize(
    ("fil", "kodning"),
    [("excel_semikolon_cp1252.csv", "cp1252"), ("excel_semikolon_bom.csv", "utf-8-sig")],
)
def test_semicolon_csv_saved_from_excel(fil: str, kodning: str) -> None:
    data = (DATA / fil).read_bytes()
    # the files are what the test says they are
    assert b"\r\n" in data
    assert b";" in data
    underlag = hu.läs_styrkort(DATA / fil)
    # header on line 1, the four indicators on lines 2-5 of the file
    assert underlag.attrs == {"teckenkodning": kodning, "avgränsare": ";", "rader": [2, 3, 4, 5]}
    got = _rader(underlag)
    assert [r[0] for r in got] == [r[0] for r in _EXCELRADER]  # å, ä, ö decoded
    for rad, väntad in zip(got, _EXCELRADER, strict=True):
        assert rad[1:3] == pytest.approx(väntad[1:3], nan_ok=True)
        assert rad[3] == väntad[3]
    assert list(hu.styrkort(underlag)["måluppfyllelse"]) == _EXCELBEDÖMNING
    # the header " MÅLNIVÅ " is the target column, "Föregående år" the previous year
    assert underlag["mål_text"].tolist() == ["minst 80 %", "Lägre än fg år", "85-90 %", "6,0 %"]


def test_comma_csv_utf8_with_a_comment_line() -> None:
    underlag = hu.läs_styrkort(DATA / "komma_utf8.csv")
    # line 2 is the comment: the indicators are on lines 3 and 4
    assert underlag.attrs == {"teckenkodning": "utf-8", "avgränsare": ",", "rader": [3, 4]}
    assert underlag["utfall"].tolist() == [0.798, 0.96]
    assert underlag["avsnitt"].tolist() == ["Tillgänglighet", "Vårdplatser"]
    assert list(hu.styrkort(underlag)["måluppfyllelse"]) == [E, E]  # 96 % is above 85-90 %


def test_separator_can_be_given() -> None:
    text = "indikator\tmål\tutfall\nX\t≥80 %\t81 %\n"
    assert hu.läs_styrkort(io.StringIO(text))["utfall"].item() == 0.81  # tab detected
    # with ',' forced, a semicolon file is one column and 'mål' is missing
    with pytest.raises(hu.SaknadKolumnError) as fel:
        hu.läs_styrkort(DATA / "excel_semikolon_bom.csv", sep=",")
    assert fel.value.orsak == "saknad_kolumn"  # type: ignore[attr-defined]
    assert fel.value.finns == ("Indikator; MÅLNIVÅ ;Utfall;Föregående år;RIKTNING;Trend",)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fil", "orsak", "rad"),
    [("tom.csv", "tom", None), ("bara_rubrik.csv", "bara_rubrik", 1)],
)
def test_empty_and_header_only_files_are_errors(fil: str, orsak: str, rad: int | None) -> None:
    with pytest.raises(hu.TolkningsError, match=r"empty|no indicators") as fel:
        hu.läs_styrkort(DATA / fil)
    assert (fel.value.orsak, fel.value.rad) == (orsak, rad)  # type: ignore[attr-defined]


def test_blank_and_comment_only_file_is_empty() -> None:
    with pytest.raises(hu.TolkningsError, match="empty"):
        hu.läs_styrkort(io.StringIO("\n# bara en kommentar\n  \n"))


def test_line_numbers_count_comment_and_blank_lines() -> None:
    csv = io.StringIO("# styrkort 2023\nindikator,mål,utfall\n\nX,≥1,åttio\n")
    with pytest.raises(hu.TolkningsError, match="line 4, column 'utfall'") as fel:
        hu.läs_styrkort(csv)
    assert (fel.value.rad, fel.value.kolumn, fel.value.värde, fel.value.cell) == (  # type: ignore[attr-defined]
        4,
        "utfall",
        "åttio",
        None,
    )


@pytest.mark.parametrize(
    ("csv", "orsak", "rad", "kolumn", "värde"),
    [
        # a bare level without a riktning column: the column is what is missing
        ("Indikator,Mål,Utfall\nA,85 %,80 %\n", "riktningskolumn_saknas", 2, "Mål", "85 %"),
        # the column is there but the cell is empty
        (
            "indikator,mål,utfall,riktning\nA,≥1,1,högre\nB,85 %,80 %,\n",
            "riktning_saknas",
            3,
            "mål",
            "85 %",
        ),
        # "≥" says higher is better; the file says lower
        (
            "indikator,mål,utfall,riktning\nA,≥80 %,1,lägre\n",
            "riktning_motsäger",
            2,
            "mål",
            "≥80 %",
        ),
        ("indikator,mål,utfall,riktning\nA,≥1,1,uppåt\n", "riktning", 2, "riktning", "uppåt"),
        ("indikator,mål,utfall\nA,kanske,1\n", "mål", 2, "mål", "kanske"),
        ("indikator,mål,utfall,plan\nA,Enligt plan,1,mycket\n", "tal", 2, "plan", "mycket"),
        (
            'indikator,mål,utfall,riktning\nA,90/80 %,"48,4/31,0",högre\n',
            "enhet",
            2,
            "utfall",
            "48,4/31,0",
        ),
        (" INDIKATOR ,utfall\nA,1\n", "saknad_kolumn", 1, "mål", None),
        ("indikator,mål,Mål,utfall\nA,1,1,1\n", "dubbel_kolumn", 1, "Mål", None),
    ],
)
def test_every_error_carries_where_it_is(
    csv: str, orsak: str, rad: int, kolumn: str, värde: str | None
) -> None:
    with pytest.raises(hu.HalsouppfoljningError) as fel:
        hu.läs_styrkort(io.StringIO(csv))
    e: Any = fel.value
    assert (e.orsak, e.rad, e.kolumn, e.värde) == (orsak, rad, kolumn, värde)
    assert f"line {rad}" in str(e)


def test_short_direction_words_and_headers_in_any_case() -> None:
    csv = io.StringIO(
        " INDIKATOR ;Målnivå; utfall ;Riktning\nA;85 %;86 %;HÖGRE\nB;10 %;12 %; Lägre \n"
    )
    underlag = hu.läs_styrkort(csv)
    assert underlag["riktning"].tolist() == ["högre är bättre", "lägre är bättre"]
    assert list(hu.styrkort(underlag)["måluppfyllelse"]) == [U, E]


def test_a_frame_with_numbers_reads_them_as_numbers() -> None:
    ram = pd.DataFrame({"indikator": ["X", "Y"], "mål": ["≥80 %", "≤5"], "utfall": [0.798, 3]})
    underlag = hu.läs_styrkort(ram)
    assert underlag["utfall"].tolist() == [0.798, 3.0]
    assert underlag.attrs == {"rader": [2, 3]}  # as if the header were line 1


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda v: round(v, 6)))
def test_numbers_in_a_frame_come_back_unchanged(v: float) -> None:
    ram = pd.DataFrame({"indikator": ["X"], "mål": ["-"], "utfall": [v]})
    assert hu.läs_styrkort(ram)["utfall"].item() == v


# --------------------------------------------------------------------------- Excel

openpyxl = pytest.importorskip("openpyxl")


def _arbetsbok(sökväg: Path, *, trasig: bool = False) -> Path:
    """A workbook as an analyst makes it: a cover sheet first, then the styrkort."""
    bok = openpyxl.Workbook()
    framsida = bok.active
    framsida.title = "Om"
    framsida["A1"] = "Styrkort februari 2023"
    ark = bok.create_sheet("Styrkort")
    ark.append(["Indikator", " MÅLNIVÅ ", "Utfall", "Föregående", "Riktning"])
    ark.append(["Väntande inom 90 dagar", "≥80 %", 0.798, 0.812, "högre"])
    ark["C2"].number_format = "0.0%"  # a percent cell: 0.798 shows as 79,8 %
    ark["D2"].number_format = "0.0%"
    ark.append(["Utlokaliserade patienter", "Lägre än fg år", 94, 140, "lägre"])
    ark.append([])  # an empty row is skipped, the rows below keep their numbers
    ark.append(["Medelväntetid 1177", "≤8 min", dt.time(0, 14, 58), None, "lägre"])
    if trasig:
        ark["C3"] = "åttio"
    bok.save(sökväg)
    return sökväg


def test_xlsx_sheet_chosen_by_name(tmp_path: Path) -> None:
    fil = _arbetsbok(tmp_path / "styrkort.xlsx")
    underlag = hu.läs_styrkort(fil, blad="Styrkort")
    # rows 2 and 3, an empty row 4 skipped, row 5 (sheet rows keep their numbers)
    assert underlag.attrs == {"blad": "Styrkort", "rader": [2, 3, 5]}
    assert underlag["utfall_text"].tolist() == ["79,8 %", "94", "0:14:58"]
    assert underlag["utfall"].tolist()[:2] == [0.798, 94.0]
    assert underlag["föregående"].tolist()[:2] == [0.812, 140.0]
    assert list(hu.styrkort(underlag)["måluppfyllelse"])[:2] == [E, U]


def test_xlsx_default_is_the_first_sheet_and_unknown_sheet(tmp_path: Path) -> None:
    fil = _arbetsbok(tmp_path / "styrkort.xlsx")
    with pytest.raises(hu.SaknadKolumnError) as fel:
        hu.läs_styrkort(fil)  # the cover sheet has no styrkort columns
    assert fel.value.finns == ("Styrkort februari 2023",)  # type: ignore[attr-defined]
    with pytest.raises(hu.OgiltigtVärdeError, match="not a sheet") as blad:
        hu.läs_styrkort(fil, blad="Blad1")
    e: Any = blad.value
    assert (e.orsak, e.värde, e.finns) == ("blad", "Blad1", ("Om", "Styrkort"))


def test_xlsx_errors_name_the_cell(tmp_path: Path) -> None:
    fil = _arbetsbok(tmp_path / "fel.xlsx", trasig=True)
    with pytest.raises(hu.TolkningsError, match=r"line 3, cell C3 \(column 'Utfall'\)") as fel:
        hu.läs_styrkort(fil, blad="Styrkort")
    e: Any = fel.value
    assert (e.orsak, e.rad, e.kolumn, e.cell, e.värde) == ("tal", 3, "Utfall", "C3", "åttio")


def test_xlsx_empty_sheet_and_not_a_workbook(tmp_path: Path) -> None:
    tom = tmp_path / "tom.xlsx"
    openpyxl.Workbook().save(tom)
    with pytest.raises(hu.TolkningsError, match="empty") as fel:
        hu.läs_styrkort(tom)
    assert fel.value.orsak == "tom"  # type: ignore[attr-defined]
    falsk = tmp_path / "falsk.xlsx"
    falsk.write_text("indikator,mål,utfall\n", encoding="utf-8")
    with pytest.raises(hu.TolkningsError, match="Excel workbook") as fel:
        hu.läs_styrkort(falsk)
    assert fel.value.orsak == "excel"  # type: ignore[attr-defined]


def test_xlsx_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fil = _arbetsbok(tmp_path / "styrkort.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(hu.SaknatTilläggError, match=r'pip install "halsouppfoljning\[excel\]"'):
        hu.läs_styrkort(fil)


def test_cell_names_past_column_z(tmp_path: Path) -> None:
    bok = openpyxl.Workbook()
    ark = bok.active
    ark.append([f"x{i}" for i in range(27)] + ["indikator", "mål", "utfall"])
    ark.append([""] * 27 + ["X", "≥1", "fel"])
    bok.save(tmp_path / "bred.xlsx")
    with pytest.raises(hu.TolkningsError) as fel:
        hu.läs_styrkort(tmp_path / "bred.xlsx")
    assert fel.value.cell == "AD2"  # type: ignore[attr-defined]


def test_a_binary_file_object_is_decoded_like_a_file() -> None:
    data = (DATA / "excel_semikolon_cp1252.csv").read_bytes()
    underlag = hu.läs_styrkort(io.BytesIO(data))
    assert underlag.attrs["teckenkodning"] == "cp1252"
    assert underlag["indikator"].iloc[3] == "Sjukfrånvaro"


def test_uppföljning_från_csv_passes_sep_on() -> None:
    from halsouppfoljning.tolka.styrkort import uppföljning_från_csv

    u = uppföljning_från_csv(DATA / "komma_utf8.csv", sep=",", period="2023-02")
    assert u.källa == "komma_utf8.csv"
    assert u.indikatorer["utfall"].tolist() == [0.798, 0.96]


# ------------------------------------------------------------- bad arguments (issue 12)


class _PolarsLikt:
    """Looks like a polars DataFrame by module and name, without polars."""

    columns = ("indikator",)


_PolarsLikt.__module__ = "polars.dataframe.frame"


@pytest.mark.parametrize(
    "källa", [None, True, math.nan, math.inf, -1, 1e12, 20230515, [1.0, 2.0], object()]
)
def test_läs_styrkort_refuses_a_source_that_is_no_file(källa: Any) -> None:
    with pytest.raises(hu.FelTypError, match="läs_styrkort: källa must be a path") as fel:
        hu.läs_styrkort(källa)
    assert "pass the path of a CSV" in str(fel.value)


def test_läs_styrkort_names_a_polars_frame_and_how_to_convert_it() -> None:
    with pytest.raises(hu.FelTypError, match=r"källa .*to_pandas\(\)"):
        hu.läs_styrkort(_PolarsLikt())  # type: ignore[arg-type]


@pytest.mark.parametrize("källa", ["abc", "01/12/2023"])
def test_läs_styrkort_missing_file_names_källa_and_the_path(
    källa: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(hu.OgiltigtVärdeError, match=f"källa {källa!r} is not a file") as fel:
        hu.läs_styrkort(källa)
    assert str(tmp_path / källa) in str(fel.value)  # the absolute path looked for
    assert "check the path" in str(fel.value)
    assert fel.value.orsak == "saknas"  # type: ignore[attr-defined]
    with pytest.raises(hu.OgiltigtVärdeError, match="källa is empty text"):
        hu.läs_styrkort("  ")
    with pytest.raises(hu.OgiltigtVärdeError, match="is a folder, not a file"):
        hu.läs_styrkort(tmp_path)
    with pytest.raises(hu.OgiltigtVärdeError, match="is not a file"):
        hu.läs_styrkort(tmp_path / "saknas.xlsx")  # an Excel path is checked before openpyxl


@pytest.mark.parametrize(
    ("sep", "fel"),
    [
        (True, hu.FelTypError),
        (1.0, hu.FelTypError),
        (pd.DataFrame(), hu.FelTypError),
        ([";"], hu.FelTypError),
        ("abc", hu.OgiltigtVärdeError),
        ("a", hu.OgiltigtVärdeError),
        ("1", hu.OgiltigtVärdeError),
        ('"', hu.OgiltigtVärdeError),
        ("\n", hu.OgiltigtVärdeError),
        ("", hu.OgiltigtVärdeError),
    ],
)
def test_läs_styrkort_refuses_a_bad_separator(sep: Any, fel: type[Exception]) -> None:
    with pytest.raises(fel, match="läs_styrkort: sep must be one character"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;≥80 %;81 %\n"), sep=sep)


def test_läs_styrkort_refuses_a_sheet_name_that_is_not_text() -> None:
    with pytest.raises(hu.FelTypError, match="blad"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;≥80 %;81 %\n"), blad=1)  # type: ignore[arg-type]


class _Trasig(io.StringIO):
    def __init__(self, fel: Exception) -> None:
        super().__init__()
        self.fel = fel

    def read(self, *_: Any) -> str:
        raise self.fel


def test_läs_styrkort_a_file_object_that_cannot_be_read() -> None:
    avkodning = UnicodeDecodeError("utf-8", b"\x81", 0, 1, "invalid start byte")
    with pytest.raises(hu.TolkningsError, match=r"källa .*cannot be decoded.*'rb'") as fel:
        hu.läs_styrkort(_Trasig(avkodning))
    assert fel.value.orsak == "kodning"  # type: ignore[attr-defined]
    with pytest.raises(hu.TolkningsError, match=r"källa .*cannot be read") as fel:
        hu.läs_styrkort(_Trasig(ValueError("I/O operation on closed file.")))
    assert fel.value.orsak == "läsfel"  # type: ignore[attr-defined]


def test_läs_styrkort_a_file_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fil = tmp_path / "låst.csv"
    fil.write_text("indikator;mål;utfall\nX;≥80 %;81 %\n", encoding="utf-8")

    def nekad(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", nekad)
    with pytest.raises(hu.TolkningsError, match=r"källa .*cannot be read .*Permission denied"):
        hu.läs_styrkort(fil)


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    text = "indikator;mål;utfall\nBeläggningsgrad;85-90 %;96 %\n"
    for kodning in ("utf-16", "utf-16-be"):
        data = text.encode(kodning)
        if kodning == "utf-16-be":
            data = b"\xfe\xff" + data
        underlag = hu.läs_styrkort(io.BytesIO(data))
        assert underlag.attrs["teckenkodning"] == "utf-16"
        assert underlag["indikator"].tolist() == ["Beläggningsgrad"]


def test_text_with_nul_bytes_is_not_read_as_windows_1252() -> None:
    data = "indikator;mål;utfall\n".encode("utf-16-le")  # no byte order mark
    with pytest.raises(hu.TolkningsError, match="NUL bytes") as fel:
        hu.läs_styrkort(io.BytesIO(data))
    assert fel.value.orsak == "kodning"  # type: ignore[attr-defined]
    with pytest.raises(hu.TolkningsError, match="starts as UTF-16 text but is not"):
        hu.läs_styrkort(io.BytesIO(b"\xff\xfei\x00\x00\xd8"))  # a lone surrogate


def test_an_unquoted_decimal_comma_is_an_error_not_a_lost_cell() -> None:
    # "79,8 %" without quotation marks is two cells: 79 and "8 %"; reading 79 would be silent
    csv = "indikator,mål,utfall\nX,≥80 %,79,8 %\n"
    with pytest.raises(hu.TolkningsError, match=r"line 2 .* has 4 cells but the header") as fel:
        hu.läs_styrkort(io.StringIO(csv))
    assert "inside quotation marks" in str(fel.value)
    assert (fel.value.orsak, fel.value.rad, fel.value.värde) == ("överskott", 2, "8 %")  # type: ignore[attr-defined]
    with pytest.raises(hu.TolkningsError, match="remove the extra cells"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;≥80 %;79,8 %;extra\n"))
    # empty cells after the last header (a trailing separator) are no data
    assert len(hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;≥80 %;79,8 %;;\n"))) == 1


def test_the_unit_of_each_outcome_is_kept_and_checked_against_its_target() -> None:
    csv = (
        "indikator;mål;utfall;riktning\n"
        "A;≥80 %;79,8 %;högre\n"
        "B;≤8 min;14:58;lägre\n"
        "C;Lägre än fg år;94 (140);lägre\n"
        "D;90/80 %;95/70 %;högre\n"
        "E;≥0 mnkr;-165,6 mnkr;högre\n"
        "F;≤5;3;lägre\n"
    )
    underlag = hu.läs_styrkort(io.StringIO(csv))
    enheter = [None if pd.isna(e) else e for e in underlag["utfall_enhet"]]
    assert enheter == ["andel", "min", None, "andel", "mnkr", None]
    assert list(hu.styrkort(underlag)["måluppfyllelse"]) == [E, E, U, (U, E), E, U]
    # a time target against a percent outcome is an error, not "met" (issue 12)
    fel_enhet = hu.läs_styrkort(
        io.StringIO("indikator;mål;utfall;riktning\nX;≤ 8 min;85 %;lägre\n")
    )
    with pytest.raises(hu.OgiltigtVärdeError, match=r"row 1 \('X'\)") as fel:
        hu.styrkort(fel_enhet)
    assert fel.value.indikatorrad == 1  # type: ignore[attr-defined]


def test_a_bare_target_without_a_direction_says_which_column_to_add() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="line 2, column 'mål'") as fel:
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;90/80 %;0,9/0,8 %\n"))
    assert "in a column 'riktning'" in str(fel.value)
    assert "=" not in str(fel.value)
    assert fel.value.orsak == "riktningskolumn_saknas"  # type: ignore[attr-defined]
    with pytest.raises(hu.OgiltigtVärdeError, match="in the column 'riktning'"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall;riktning\nX;80 %;81 %;\n"))


def test_a_file_object_without_a_name_is_called_källa() -> None:
    with pytest.raises(hu.TolkningsError, match="'the file object källa' has a header line"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\n"))


def test_sep_and_blad_only_where_they_apply(tmp_path: Path) -> None:
    csv = io.StringIO("indikator;mål;utfall\nX;≥80 %;81 %\n")
    with pytest.raises(hu.OgiltigtVärdeError, match="blad='Blad1' names a sheet"):
        hu.läs_styrkort(csv, blad="Blad1")
    ram = pd.DataFrame({"indikator": ["X"], "mål": ["≥80 %"], "utfall": ["81 %"]})
    with pytest.raises(hu.OgiltigtVärdeError, match=r"sep=';' is the separator .* a DataFrame"):
        hu.läs_styrkort(ram, sep=";")
    bok = tmp_path / "kort.xlsx"
    bok.write_bytes(b"PK")  # checked before the workbook is opened
    with pytest.raises(hu.OgiltigtVärdeError, match="an Excel workbook; leave sep out"):
        hu.läs_styrkort(bok, sep=";")


def test_a_previous_value_in_another_unit_than_the_outcome_is_an_error() -> None:
    csv = "indikator;mål;utfall;föregående;riktning\nX;≤8 min;14:58;85 %;lägre\n"
    with pytest.raises(hu.TolkningsError, match="line 2, column 'föregående'") as fel:
        hu.läs_styrkort(io.StringIO(csv))
    assert "'85 %' is in andel but the outcome '14:58' is in min" in str(fel.value)
    assert fel.value.orsak == "olika_enheter"  # type: ignore[attr-defined]
    # the same unit, or a bare number beside a unit, is read
    ok = "indikator;mål;utfall;föregående;plan\nX;Enligt plan;5 mnkr;4 mnkr;6\n"
    assert hu.läs_styrkort(io.StringIO(ok))[["föregående", "plan"]].to_numpy().tolist() == [
        [4.0, 6.0]
    ]


# ----------------------------------------------------------------------- fuzz findings (issue 12)


@pytest.mark.parametrize("källa", ["x" * 300, "9" * 300])
def test_a_path_the_system_cannot_use_is_a_package_error_naming_källa(källa: str) -> None:
    # found by engineer B's probe: OSError "File name too long" from Path.exists()
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^läs_styrkort: källa '(x|9)+\.\.\.") as fel:
        hu.läs_styrkort(källa)
    assert "File name too long" in str(fel.value)
    assert len(str(fel.value)) < 400  # the 300 characters are shortened
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^Uppföljning\.from_csv: källa "):
        hu.Uppföljning.from_csv(källa)


def test_a_frame_with_a_column_twice_names_the_function_called_and_källa() -> None:
    ram = pd.DataFrame([[1, 2]], columns=["a", "a"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^läs_styrkort: .* of källa .*'a' twice"):
        hu.läs_styrkort(ram)
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"^Uppföljning\.from_csv: .* of källa .*'a' twice"
    ) as fel:
        hu.Uppföljning.from_csv(ram)
    assert fel.value.orsak == "dubbel_kolumn"  # type: ignore[attr-defined]


@pytest.mark.parametrize("namn", ["", "   ", '""'])
def test_a_line_without_an_indicator_name_is_an_error_naming_the_line(namn: str) -> None:
    csv = f"indikator;mål;utfall\nA;≥80 %;85 %\n{namn};≥80 %;85 %\n"
    with pytest.raises(
        hu.OgiltigtVärdeError, match=r"^läs_styrkort: line 3, column 'indikator'"
    ) as fel:
        hu.läs_styrkort(io.StringIO(csv))
    assert (fel.value.orsak, fel.value.rad, fel.value.kolumn) == (  # type: ignore[attr-defined]
        "indikator_saknas",
        3,
        "indikator",
    )
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^Uppföljning\.from_csv: line 3"):
        hu.Uppföljning.from_csv(io.StringIO(csv))


def test_line_errors_name_the_function() -> None:
    with pytest.raises(hu.TolkningsError, match=r"^läs_styrkort: line 2, column 'utfall'"):
        hu.läs_styrkort(io.StringIO("indikator;mål;utfall\nX;≥80 %;åttio\n"))
