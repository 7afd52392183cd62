"""The styrkort file: a user's table of indicators, targets and outcomes as reports print them.

:func:`läs_styrkort` reads it into the indicator table that
:func:`halsouppfoljning.styrkort` assesses; :meth:`Uppföljning.from_csv
<halsouppfoljning.Uppföljning.from_csv>` hands off to :func:`uppföljning_från_csv`.
The file is what an analyst has: a CSV with commas or semicolons, in UTF-8
(with or without BOM) or Windows-1252 as Excel saves it, with headers in any
case, or an Excel ``.xlsx`` workbook. Targets are read with
:meth:`~halsouppfoljning.Målnivå.tolka`, outcomes with
:func:`~halsouppfoljning.tolka_tal`, :func:`~halsouppfoljning.tolka_jämförelse`
and :func:`~halsouppfoljning.tolka_tid`. An error names the line of the file
and the column, and carries them as attributes.

Examples
--------
>>> import io
>>> import halsouppfoljning as hu
>>> csv = io.StringIO('indikator,mål,utfall\\nX,≥80 %,"79,8 %"\\n')
>>> hu.läs_styrkort(csv)["utfall"].item()
0.798
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import importlib
import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._indata import alternativ, kontrollera_kolumner, kort, nfc, ramtyp, text
from ..exceptions import (
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    SaknadKolumnError,
    SaknatTilläggError,
    TolkningsError,
)
from ..indikatorer import Målnivå, Riktning
from ..organisation import Förvaltning, Nämnd, Region
from ..perioder import Period
from ..uppfoljning import Uppföljning
from ._grund import enkla_mellanrum
from .tal import tolka_jämförelse, tolka_tal, tolka_tid, tolka_värde

__all__ = ["CSV_KOLUMNER", "läs_styrkort", "uppföljning_från_csv"]


#: Columns of a user's styrkort file; only the first three are required.
CSV_KOLUMNER = ("indikator", "mål", "utfall", "föregående", "riktning", "trend", "plan", "avsnitt")

# other headers analysts write for the same columns (matched in any case)
_SYNONYMER = {"målnivå": "mål", "föregående år": "föregående", "fg år": "föregående"}

# the short direction words of a spreadsheet, besides the full values
_RIKTNINGSORD = {
    "högre": Riktning.HÖGRE_ÄR_BÄTTRE,
    "lägre": Riktning.LÄGRE_ÄR_BÄTTRE,
    "intervall": Riktning.INOM_INTERVALL,
}

_EXCEL = (".xlsx", ".xlsm")


class _Tabell:
    """A styrkort file as read: header cells, data rows and where each cell sits."""

    def __init__(
        self,
        rubriker: list[str],
        rader: list[tuple[int, list[str]]],
        rubrikrad: int,
        *,
        excel: bool,
    ) -> None:
        self.rubriker = rubriker
        self.rader = rader
        self.rubrikrad = rubrikrad
        self.excel = excel

    def cell(self, rad: int, index: int) -> str | None:
        """The spreadsheet name of a cell ("C5") for Excel files, else None."""
        if not self.excel:
            return None
        bokstäver, n = "", index + 1
        while n:
            n, rest = divmod(n - 1, 26)
            bokstäver = chr(ord("A") + rest) + bokstäver
        return f"{bokstäver}{rad}"


def _fel(
    typ: type[HalsouppfoljningError],
    meddelande: str,
    *,
    orsak: str,
    rad: int | None = None,
    kolumn: str | None = None,
    cell: str | None = None,
    värde: str | None = None,
    finns: Sequence[str] = (),
) -> HalsouppfoljningError:
    """An error carrying where in the file it is, for a renderer in another language."""
    fel = typ(meddelande)
    for namn, v in (
        ("orsak", orsak),
        ("rad", rad),
        ("kolumn", kolumn),
        ("cell", cell),
        ("värde", värde),
        ("finns", tuple(finns)),
    ):
        setattr(fel, namn, v)
    return fel


def _talcell(v: float) -> str:
    """A number as the reader reads it: decimal comma, no exponent."""
    if float(v).is_integer():
        return str(int(v))
    return str(np.format_float_positional(float(v), trim="-")).replace(".", ",")


def _celltext(v: Any, talformat: str = "") -> str:
    """A spreadsheet cell or DataFrame value as the text a report prints."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool | np.bool_):
        return str(v)
    if isinstance(v, int | float | np.integer | np.floating):
        if "%" in talformat:
            return f"{_talcell(round(float(v) * 100, 10))} %"
        return _talcell(float(v))
    if isinstance(v, dt.time):  # Excel reads "14:58" as a time of day
        return f"{v.hour}:{v.minute:02d}" + (f":{v.second:02d}" if v.second else "")
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return str(v)


def _avkoda(data: bytes, namn: str) -> tuple[str, str]:
    """The text of a file and the encoding used: UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode text" as Excel saves it
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as fel:
            raise _fel(
                TolkningsError,
                f"läs_styrkort: the file {namn!r} starts as UTF-16 text but is not ({fel}); "
                "save it as 'CSV UTF-8'",
                orsak="kodning",
            ) from fel
    if b"\x00" in data:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the file {namn!r} is not text (it holds NUL bytes: a binary file, "
            "or UTF-16 without its byte order mark); save it as 'CSV UTF-8'",
            orsak="kodning",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as fel:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the file {namn!r} is neither UTF-8 nor Windows-1252 text "
            f"({fel}); save it as 'CSV UTF-8'",
            orsak="kodning",
        ) from fel


def _avgränsare(text: str) -> str:
    """Semicolon, tab or comma, whichever the header line has most of (comma on a tie)."""
    for rad in text.splitlines():
        if rad.strip() and not rad.lstrip().startswith("#"):
            antal = {t: rad.count(t) for t in (",", ";", "\t")}
            bäst = max(antal, key=lambda t: antal[t])
            return bäst if antal[bäst] > antal[","] else ","
    return ","


def _läs_csvtext(text: str, sep: str | None, namn: str) -> tuple[_Tabell, str]:
    text = text.removeprefix("\ufeff")
    avgränsare = sep if sep is not None else _avgränsare(text)
    läsare = csv.reader(io.StringIO(text, newline=""), delimiter=avgränsare, strict=True)
    rader: list[tuple[int, list[str]]] = []
    slut = 0
    try:
        for celler in läsare:
            start, slut = slut + 1, läsare.line_num
            if not any(c.strip() for c in celler) or celler[0].lstrip().startswith("#"):
                continue
            rader.append((start, celler))
    except csv.Error as fel:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: cannot read line {slut + 1} of {namn!r} as CSV ({fel}); "
            "check the quotation marks on that line",
            orsak="csv",
            rad=slut + 1,
        ) from fel
    if not rader:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the file {namn!r} is empty; write a header line "
            f"({', '.join(CSV_KOLUMNER[:3])}, ...) and one line per indicator",
            orsak="tom",
        )
    (rubrikrad, rubriker), data = rader[0], rader[1:]
    return _Tabell(rubriker, data, rubrikrad, excel=False), avgränsare


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError as fel:
        raise _fel(
            SaknatTilläggError,
            "läs_styrkort: reading Excel files needs openpyxl; "
            'pip install "halsouppfoljning[excel]"',
            orsak="tillägg",
        ) from fel


def _läs_excel(sökväg: Path, blad: str | None) -> tuple[_Tabell, str]:
    openpyxl = _openpyxl()
    try:
        bok = openpyxl.load_workbook(sökväg, data_only=True)
    except Exception as fel:  # openpyxl raises zipfile, KeyError and its own errors
        raise _fel(
            TolkningsError,
            f"läs_styrkort: cannot read {str(sökväg)!r} as an Excel workbook ({fel}); "
            "save it as .xlsx or as CSV",
            orsak="excel",
        ) from fel
    namn = list(bok.sheetnames)
    if blad is None:
        ark = bok.worksheets[0]
    elif blad in namn:
        ark = bok[blad]
    else:
        raise _fel(
            OgiltigtVärdeError,
            f"läs_styrkort: blad={blad!r} is not a sheet of {str(sökväg)!r}; pass one of {namn}",
            orsak="blad",
            värde=blad,
            finns=namn,
        )
    rader: list[tuple[int, list[str]]] = []
    for nr, celler in enumerate(ark.iter_rows(min_row=1, min_col=1), start=1):
        texter = [_celltext(c.value, str(getattr(c, "number_format", "") or "")) for c in celler]
        if any(t.strip() for t in texter) and not texter[0].lstrip().startswith("#"):
            rader.append((nr, texter))
    if not rader:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the sheet {ark.title!r} of {str(sökväg)!r} is empty; write a header "
            f"row ({', '.join(CSV_KOLUMNER[:3])}, ...) and one row per indicator",
            orsak="tom",
        )
    (rubrikrad, rubriker), data = rader[0], rader[1:]
    return _Tabell(rubriker, data, rubrikrad, excel=True), str(ark.title)


_KÄLLRÅD = (
    "pass the path of a CSV or .xlsx file (str or pathlib.Path), an open file object or a "
    "pandas DataFrame"
)


def _kontrollera_källa(källa: Any) -> None:
    """Refuse what is neither a path, a file object nor a pandas DataFrame, naming ``källa``."""
    if isinstance(källa, pd.DataFrame):
        return
    if isinstance(källa, str | os.PathLike):
        sökväg = Path(källa)
        if not str(källa).strip():
            raise _fel(
                OgiltigtVärdeError,
                f"läs_styrkort: källa is empty text; {_KÄLLRÅD}",
                orsak="saknas",
                värde="",
            )
        try:
            finns, är_fil = sökväg.exists(), sökväg.is_file()
        except (OSError, ValueError) as fel:  # a name too long for the system, a NUL, ...
            orsak = getattr(fel, "strerror", None) or fel
            raise _fel(
                OgiltigtVärdeError,
                f"läs_styrkort: källa {kort(str(källa))} cannot be a path ({orsak}); check "
                f"the path (or {_KÄLLRÅD})",
                orsak="saknas",
                värde=str(källa),
            ) from fel
        if not finns:
            raise _fel(
                OgiltigtVärdeError,
                f"läs_styrkort: källa {str(källa)!r} is not a file: there is no "
                f"{str(sökväg.absolute())!r}; check the path (or {_KÄLLRÅD})",
                orsak="saknas",
                värde=str(källa),
            )
        if not är_fil:
            raise _fel(
                OgiltigtVärdeError,
                f"läs_styrkort: källa {str(källa)!r} is a folder, not a file; pass the path "
                "of the CSV or .xlsx file inside it",
                orsak="saknas",
                värde=str(källa),
            )
        return
    if callable(getattr(källa, "read", None)):
        return
    if hasattr(källa, "columns"):  # another kind of table: named with how to convert it
        ramtyp(källa, "läs_styrkort", argument="källa", dask=False)
    raise FelTypError(
        f"läs_styrkort: källa must be a path, a file object or a pandas DataFrame, got "
        f"{kort(källa)} of type {type(källa).__name__}; {_KÄLLRÅD}"
    )


def _kontrollera_sep(sep: Any) -> str | None:
    """``sep``: None (detected) or one character that can separate CSV cells."""
    if sep is None:
        return None
    if not isinstance(sep, str):
        raise FelTypError(
            f"läs_styrkort: sep must be one character such as ';', ',' or '\\t', or None to "
            f"detect it, got {kort(sep)} of type {type(sep).__name__}"
        )
    if len(sep) != 1 or sep in '"\r\n' or sep.isalnum():
        raise OgiltigtVärdeError(
            f"läs_styrkort: sep must be one character such as ';', ',' or '\\t' (not a letter, "
            f"digit, quotation mark or line break), got {kort(sep)}; or pass sep=None to "
            "detect it from the header line"
        )
    return sep


def _läs(källa: Any, namn: str) -> str | bytes:
    """The whole content of a file object; a read that fails is a package error."""
    try:
        innehåll = källa.read()
    except UnicodeDecodeError as fel:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the file object källa ({namn!r}) cannot be decoded ({fel}); open "
            "it in binary mode (open(path, 'rb')) and the encoding is detected, or pass the path",
            orsak="kodning",
        ) from fel
    except (OSError, ValueError) as fel:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: the file object källa ({namn!r}) cannot be read ({fel}); pass an "
            "open file, or the path of the file",
            orsak="läsfel",
        ) from fel
    return bytes(innehåll) if isinstance(innehåll, bytes | bytearray) else str(innehåll)


def _källnamn(källa: Any) -> str:
    """What a message calls the source: its path or file name, else what kind it is."""
    if isinstance(källa, pd.DataFrame):
        return "DataFrame"
    if isinstance(källa, str | os.PathLike):
        return str(källa)
    namn = getattr(källa, "name", None)
    return str(namn) if isinstance(namn, str | os.PathLike) else "the file object källa"


def _tabell(
    källa: str | os.PathLike[str] | io.TextIOBase | io.BufferedIOBase | pd.DataFrame,
    sep: str | None,
    blad: str | None,
) -> tuple[_Tabell, dict[str, Any]]:
    """The file (or frame) as header and rows, with how it was read (for ``attrs``)."""
    _kontrollera_källa(källa)
    sep = _kontrollera_sep(sep)
    if blad is not None:
        text(blad, "läs_styrkort: blad (the name of a sheet)")
    excel = isinstance(källa, str | os.PathLike) and Path(källa).suffix.casefold() in _EXCEL
    if blad is not None and not excel:
        raise OgiltigtVärdeError(
            f"läs_styrkort: blad={blad!r} names a sheet of an Excel workbook, but källa "
            f"{_källnamn(källa)!r} is not an .xlsx file; leave blad out"
        )
    if sep is not None and (excel or isinstance(källa, pd.DataFrame)):
        raise OgiltigtVärdeError(
            f"läs_styrkort: sep={sep!r} is the separator of a CSV file, but källa "
            f"{_källnamn(källa)!r} is {'an Excel workbook' if excel else 'a DataFrame'}; "
            "leave sep out"
        )
    if isinstance(källa, pd.DataFrame):
        rader = [
            (i + 2, [_celltext(v) for v in rad])
            for i, rad in enumerate(källa.astype(object).itertuples(index=False, name=None))
        ]
        return _Tabell([str(k) for k in källa.columns], rader, 1, excel=False), {}
    if isinstance(källa, str | os.PathLike):
        sökväg = Path(källa)
        if sökväg.suffix.casefold() in _EXCEL:
            tabell, arknamn = _läs_excel(sökväg, blad)
            return tabell, {"blad": arknamn}
        try:
            data = sökväg.read_bytes()
        except OSError as fel:
            raise _fel(
                TolkningsError,
                f"läs_styrkort: källa {str(sökväg)!r} cannot be read ({fel.strerror or fel}); "
                "check that the file is readable and not open with a lock in another program",
                orsak="läsfel",
                värde=str(sökväg),
            ) from fel
        innehåll, kodning = _avkoda(data, str(sökväg))
    else:  # a file object
        rått = _läs(källa, str(getattr(källa, "name", "file")))
        if isinstance(rått, bytes):  # a binary file object: decoded as a file is
            innehåll, kodning = _avkoda(rått, str(getattr(källa, "name", "file")))
        else:
            innehåll, kodning = rått, "text"
    tabell, avgränsare = _läs_csvtext(innehåll, sep, _källnamn(källa))
    return tabell, {"teckenkodning": kodning, "avgränsare": avgränsare}


def _kolumnindex(tabell: _Tabell, namn: str) -> dict[str, int]:
    """Column name (canonical) to its index; headers in any case and spacing."""
    index: dict[str, int] = {}
    for i, rubrik in enumerate(tabell.rubriker):
        nyckel = enkla_mellanrum(nfc(rubrik)).casefold()
        if not nyckel:
            continue
        nyckel = _SYNONYMER.get(nyckel, nyckel)
        if nyckel in index:
            raise _fel(
                OgiltigtVärdeError,
                f"läs_styrkort: the header line of källa ({namn!r}, line {tabell.rubrikrad}) "
                f"has the column {nyckel!r} twice; remove one",
                orsak="dubbel_kolumn",
                rad=tabell.rubrikrad,
                kolumn=rubrik.strip(),
                cell=tabell.cell(tabell.rubrikrad, i),
            )
        index[nyckel] = i
    synliga = [r.strip() for r in tabell.rubriker if r.strip()]
    for behövs in CSV_KOLUMNER[:3]:
        if behövs not in index:
            try:
                kontrollera_kolumner(index, [behövs], "styrkort file")
            except SaknadKolumnError as fel:
                raise _fel(
                    SaknadKolumnError,
                    f"läs_styrkort: {fel} (header line {tabell.rubrikrad}: {synliga}); "
                    f"add a column {behövs!r}",
                    orsak="saknad_kolumn",
                    rad=tabell.rubrikrad,
                    kolumn=behövs,
                    finns=synliga,
                ) from None
    if not tabell.rader:
        raise _fel(
            TolkningsError,
            f"läs_styrkort: {namn!r} has a header line (line {tabell.rubrikrad}) but no "
            "indicators; add one line per indicator below it",
            orsak="bara_rubrik",
            rad=tabell.rubrikrad,
        )
    return index


def _kontrollera_överskott(
    tabell: _Tabell, radnr: int, celler: list[str], namn: str, komma: bool
) -> None:
    """A row with text beyond the last header: a cell split by an unquoted separator."""
    n = len(tabell.rubriker)
    extra = [c for c in celler[n:] if c.strip()]
    if not extra:
        return
    i = n + celler[n:].index(extra[0])
    råd = (
        "a decimal comma in a comma-separated file must be inside quotation marks "
        '("79,8 %"), or save the file with semicolons'
        if komma
        else "remove the extra cells, or add a header for them"
    )
    raise _fel(
        TolkningsError,
        f"läs_styrkort: line {radnr} of {namn!r} has {len(celler)} cells but the header line "
        f"has {n} (the first extra cell is {extra[0]!r}); {råd}",
        orsak="överskott",
        rad=radnr,
        cell=tabell.cell(radnr, i),
        värde=extra[0],
    )


def _läs_utfallstext(text: str) -> tuple[float, float | None, tuple[float, ...] | None]:
    t = enkla_mellanrum(text)
    if "(" in t:
        utfall, föregående = tolka_jämförelse(t)
        return utfall, föregående, None
    if "/" in t:
        bitar = [d.strip() for d in t.split("/")]
        # a unit written once at the end ("48,4/31,0/56,0 %") applies to every part
        enhet = bitar[-1].lstrip("0123456789,.+-\u2212\u2013 ")
        if enhet:
            bitar = [b if b.endswith(enhet) else f"{b} {enhet}" for b in bitar]
        delar = tuple(float(tolka_tal(b)) for b in bitar)
        return math.nan, None, delar
    if ":" in t:
        tid = tolka_tid(t)
        return (math.nan if tid is None else tid.total_seconds() / 60.0), None, None
    return float(tolka_tal(t)), None, None


def _utfallsenhet(text: str) -> str | None:
    """The unit an outcome is written in ("andel" for percent, "min" for mm:ss), or None."""
    t = enkla_mellanrum(text)
    if not t:
        return None
    if "(" in t:
        t = t.split("(", 1)[0].strip()
    if "/" in t:
        t = t.rsplit("/", 1)[1].strip()  # a unit written once applies to every part
    if ":" in t:
        return "min"
    try:
        return tolka_värde(t).enhet
    except HalsouppfoljningError:
        return None


def _riktning(text: str) -> Riktning | None:
    """The direction as the file writes it ("högre", "högre är bättre"); empty gives None."""
    t = enkla_mellanrum(nfc(text)).casefold()
    if not t:
        return None
    return _RIKTNINGSORD.get(t) or alternativ(t, Riktning, "riktning")


def _tal(text: str) -> float:
    return float(tolka_tal(text)) if text else math.nan


_LÄSFEL = (TolkningsError, OgiltigtVärdeError)


def läs_styrkort(
    källa: str | os.PathLike[str] | io.TextIOBase | io.BufferedIOBase | pd.DataFrame,
    *,
    sep: str | None = None,
    blad: str | None = None,
) -> pd.DataFrame:
    """Read a user's styrkort file into the indicator table :func:`styrkort` takes.

    Parameters
    ----------
    källa : path, file object (text or binary) or DataFrame
        A CSV file (comma, semicolon or tab separated, detected from the
        header line; UTF-8 with or without BOM, UTF-16 with BOM, or
        Windows-1252 as Excel saves it; lines starting with ``#`` and empty lines are skipped), an
        Excel workbook (``.xlsx``, needs the ``excel`` extra) or a DataFrame,
        with the columns ``indikator``, ``mål``, ``utfall`` (required) and
        ``föregående``, ``riktning``, ``trend``, ``plan``, ``avsnitt``
        (optional). Headers are matched in any case and spacing;
        ``målnivå`` is read as ``mål`` and ``föregående år`` as
        ``föregående``. Values are written as in reports: ``mål`` "≥80 %",
        "85-90 %", "Lägre än fg år", "-"; ``utfall`` "78,8 %" or 0,788,
        "94 (140)" (the previous year in parentheses), "48,4/31,0/56,0 %" (a
        composite, one part per sub-target), "14:58" (mm:ss, read as
        minutes); ``riktning`` "högre", "lägre" or "intervall" (or "högre
        är bättre", "lägre är bättre", "inom intervall"; required for bare
        targets such as "85 %"). Excel number cells are read as their
        values; a cell formatted as percent is a percent.
    sep : str, optional
        The CSV separator; default detected (the most frequent of ``;``,
        tab and ``,`` on the header line).
    blad : str, optional
        The sheet of an Excel workbook; default the first.

    Returns
    -------
    pandas.DataFrame
        Columns ``avsnitt``, ``indikator``, ``mål_text``, ``målnivå``,
        ``riktning``, ``utfall``, ``utfall_text``, ``utfall_enhet`` (the unit
        the outcome is written in: ``"andel"`` for percent, ``"min"`` for
        mm:ss, ``"mnkr"`` ..., or None for a bare number), ``utfall_delar``,
        ``föregående``, ``föregående_text``, ``plan``, ``trend_rapporterad``.
        ``attrs`` says how a file was read: ``teckenkodning`` (``"utf-8"``,
        ``"utf-8-sig"``, ``"utf-16"``, ``"cp1252"``, or ``"text"`` for a file
        object) and ``avgränsare`` for CSV, ``blad`` for Excel, and ``rader``,
        the line of the file (row of the sheet) of each indicator.

    Raises
    ------
    SaknadKolumnError
        If a required column is missing (the message lists the columns found).
    TolkningsError, OgiltigtVärdeError
        For a file that does not exist (naming ``källa`` and the path), an
        empty file, a file with a header line only, a file that is not text
        or not CSV, a line with more cells than headers, an unknown sheet, a
        separator ``sep`` that is not one character, or a cell that cannot be
        read.
    FelTypError
        If ``källa`` is neither a path, a file object nor a pandas DataFrame,
        or ``sep`` or ``blad`` is not text.
    SaknatTilläggError
        For an Excel file without openpyxl installed.

    Notes
    -----
    Every error raised for the file carries where it is as attributes, for
    a program that reports it in its own words: ``orsak`` (what is wrong:
    ``"tom"``, ``"bara_rubrik"``, ``"kodning"``, ``"csv"``, ``"excel"``,
    ``"blad"``, ``"tillägg"``, ``"saknad_kolumn"``, ``"dubbel_kolumn"``,
    ``"saknas"`` (no such file), ``"läsfel"``, ``"överskott"`` (more cells
    than headers), ``"olika_enheter"`` (a previous or plan value in another
    unit than the outcome),
    ``"riktning"``, ``"riktningskolumn_saknas"``, ``"riktning_saknas"``,
    ``"riktning_motsäger"``, ``"mål"``, ``"tal"``, ``"enhet"``), ``rad``
    (the line of the file, header line = line 1 unless comment lines come
    first; the row of a sheet), ``kolumn`` (the header as the file writes
    it), ``cell`` (``"C5"`` in an Excel file, else None), ``värde`` (the
    cell's text) and ``finns`` (the columns or sheets there are).

    Examples
    --------
    >>> import io
    >>> import halsouppfoljning as hu
    >>> csv = io.StringIO(
    ...     "Indikator;Mål;Utfall;Riktning\\n"
    ...     "Andel besök 90 dagar;95 %;78,8 %;högre\\n"
    ...     "Utlokaliserade patienter;Lägre än fg år;94 (140);lägre\\n"
    ... )
    >>> underlag = hu.läs_styrkort(csv)
    >>> underlag[["utfall", "föregående"]].to_numpy().tolist()
    [[0.788, nan], [94.0, 140.0]]
    >>> [m.value for m in hu.styrkort(underlag)["måluppfyllelse"]]
    ['ej uppnådd', 'uppnådd']
    >>> try:
    ...     hu.läs_styrkort(io.StringIO("indikator;mål;utfall\\nX;≥80 %;åttio\\n"))
    ... except hu.TolkningsError as fel:
    ...     fel.orsak, fel.rad, fel.kolumn
    ('tal', 2, 'utfall')
    """
    tabell, hur = _tabell(källa, sep, blad)
    namn = _källnamn(källa)
    index = _kolumnindex(tabell, namn)

    ut: list[dict[str, Any]] = []
    for radnr, celler in tabell.rader:
        _kontrollera_överskott(tabell, radnr, celler, namn, hur.get("avgränsare") == ",")

        def cell(kolumn: str, celler: list[str] = celler) -> str:
            i = index.get(kolumn)
            return celler[i].strip() if i is not None and i < len(celler) else ""

        def fel(
            kolumn: str, orsak: Exception, kod: str, radnr: int = radnr, celler: list[str] = celler
        ) -> HalsouppfoljningError:
            i = index[kolumn]
            rubrik = tabell.rubriker[i].strip()
            plats = tabell.cell(radnr, i)
            var = f"cell {plats} (column {rubrik!r})" if plats else f"column {rubrik!r}"
            typ = type(orsak) if isinstance(orsak, HalsouppfoljningError) else TolkningsError
            return _fel(
                typ,
                f"läs_styrkort: line {radnr}, {var}: {orsak}",
                orsak=kod,
                rad=radnr,
                kolumn=rubrik,
                cell=plats,
                värde=cell(kolumn, celler),
            )

        if not cell("indikator"):
            raise fel(
                "indikator",
                OgiltigtVärdeError(
                    "the indicator has no name; write its name (as the report prints it), "
                    "or remove the line"
                ),
                "indikator_saknas",
            )
        try:
            riktning = _riktning(cell("riktning"))
        except _LÄSFEL as orsak:
            ord_ = ", ".join([*_RIKTNINGSORD, *(r.value for r in Riktning)])
            raise fel(
                "riktning", OgiltigtVärdeError(f"{orsak}; write one of {ord_}"), "riktning"
            ) from orsak
        måltext = cell("mål")
        try:
            målnivå = Målnivå.tolka(måltext, riktning=riktning) if måltext else None
        except _LÄSFEL as orsak:
            kod, grund = "mål", orsak
            if riktning is None:
                try:
                    Målnivå.tolka(måltext, riktning=Riktning.HÖGRE_ÄR_BÄTTRE)
                except _LÄSFEL:
                    pass
                else:
                    kod = "riktning_saknas" if "riktning" in index else "riktningskolumn_saknas"
                    var = "the column" if "riktning" in index else "a column"
                    grund = OgiltigtVärdeError(
                        f"the target {måltext!r} is a bare level without a direction; write "
                        f"högre, lägre or intervall in {var} 'riktning', or write the target "
                        "with ≥ or ≤ "
                        f"(e.g. '≥{måltext}')"
                    )
            elif isinstance(orsak, OgiltigtVärdeError):
                kod = "riktning_motsäger"
            raise fel("mål", grund, kod) from orsak
        utfallstext = cell("utfall")
        try:
            utfall, föregående, delar = _läs_utfallstext(utfallstext)
        except _LÄSFEL as orsak:
            raise fel("utfall", orsak, "tal") from orsak
        if (
            delar is not None
            and målnivå is not None
            and "andel" in {målnivå.enhet, *(d.enhet for d in målnivå.delar)}
            and not utfallstext.endswith("%")
        ):
            raise fel(
                "utfall",
                TolkningsError(
                    f"the composite outcome {utfallstext!r} has no unit while its target "
                    f"{måltext!r} is in percent; write it as '{utfallstext} %'"
                ),
                "enhet",
            )
        föregående_text = cell("föregående")
        plantext = cell("plan")
        try:
            if föregående_text:
                föregående = _tal(föregående_text)
        except _LÄSFEL as orsak:
            raise fel("föregående", orsak, "tal") from orsak
        try:
            plan = _tal(plantext)
        except _LÄSFEL as orsak:
            raise fel("plan", orsak, "tal") from orsak
        utfallsenhet = _utfallsenhet(utfallstext)
        for kolumn, jämförd in (("föregående", föregående_text), ("plan", plantext)):
            enhet = _utfallsenhet(jämförd)
            if enhet is not None and utfallsenhet is not None and enhet != utfallsenhet:
                raise fel(
                    kolumn,
                    TolkningsError(
                        f"{jämförd!r} is in {enhet} but the outcome {utfallstext!r} is in "
                        f"{utfallsenhet}; write both in the same unit"
                    ),
                    "olika_enheter",
                )
        ut.append(
            {
                "avsnitt": cell("avsnitt"),
                "indikator": cell("indikator"),
                "mål_text": måltext,
                "målnivå": målnivå,
                "riktning": riktning.value if riktning is not None else "",
                "utfall": utfall,
                "utfall_text": utfallstext,
                "utfall_enhet": utfallsenhet,
                "utfall_delar": delar,
                "föregående": math.nan if föregående is None else föregående,
                "föregående_text": föregående_text,
                "plan": plan,
                "trend_rapporterad": cell("trend"),
            }
        )
    resultat = pd.DataFrame(
        ut,
        columns=[
            "avsnitt",
            "indikator",
            "mål_text",
            "målnivå",
            "riktning",
            "utfall",
            "utfall_text",
            "utfall_enhet",
            "utfall_delar",
            "föregående",
            "föregående_text",
            "plan",
            "trend_rapporterad",
        ],
    )
    resultat.attrs.update(hur)
    resultat.attrs["rader"] = [radnr for radnr, _ in tabell.rader]
    return resultat


def uppföljning_från_csv(
    källa: str | os.PathLike[str] | io.TextIOBase,
    *,
    organisation: Region | Nämnd | Förvaltning | str | None = None,
    period: str | Period = "",
    källtext: str = "",
    sep: str | None = None,
    blad: str | None = None,
) -> Uppföljning:
    """A follow-up from a user's styrkort CSV (the reading behind :meth:`Uppföljning.from_csv`).

    Parameters
    ----------
    källa : path or file object
        The CSV or Excel file (see :func:`läs_styrkort`).
    organisation : Region, Nämnd, Förvaltning or str, optional
        Whose follow-up it is (a region spelling is looked up).
    period : str or Period
        The period followed up.
    källtext : str
        The source shown with the follow-up; default the file's name.
    sep, blad : str, optional
        The CSV separator and the Excel sheet (see :func:`läs_styrkort`).

    Returns
    -------
    Uppföljning

    Examples
    --------
    >>> import io
    >>> from halsouppfoljning.tolka.styrkort import uppföljning_från_csv
    >>> csv = io.StringIO("indikator,mål,utfall\\nBeläggningsgrad,85-90 %,96 %\\n")
    >>> u = uppföljning_från_csv(csv, organisation="19", period="2023-02")
    >>> u.organisation.namn, len(u.indikatorer)
    ('Region Västmanland', 1)
    """
    if not isinstance(källtext, str):
        raise FelTypError(
            f"Uppföljning.from_csv: källtext must be text naming the source (the report and "
            f"its date), got {kort(källtext)} of type {type(källtext).__name__}; or leave it "
            "out for the file's name"
        )
    try:
        indikatorer = läs_styrkort(källa, sep=sep, blad=blad)
    except HalsouppfoljningError as fel:  # named as the caller called it
        meddelande = str(fel).removeprefix("läs_styrkort: ")
        ny = copy.copy(fel)
        ny.args = (f"Uppföljning.from_csv: {meddelande}", *fel.args[1:])
        raise ny from fel
    namn = getattr(källa, "name", källa)
    return Uppföljning(
        organisation=organisation,
        period=period,
        indikatorer=indikatorer,
        källa=källtext or (str(namn) if isinstance(namn, str | os.PathLike) else ""),
    )
