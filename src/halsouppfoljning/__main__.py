"""The command line: ``python -m halsouppfoljning``.

Subcommands
-----------
``exempel``
    The main job on the bundled example: prints the follow-up of Region
    Västmanland's HSF monthly report for February 2023, with every
    assessment computed from the published targets and outcomes, the result
    statement, the forecast with its interval, and waiting-time and
    continuity sections computed on synthetic data (labelled so).
``styrkort FIL``
    The same styrkort for a user's file: a CSV (comma or semicolon, UTF-8 or
    Windows-1252, as Excel saves it) or an Excel ``.xlsx`` workbook with the
    columns ``indikator``, ``mål``, ``utfall`` and optionally ``föregående``,
    ``riktning``, ``trend``, ``plan``, ``avsnitt`` (see
    :func:`halsouppfoljning.läs_styrkort`). ``styrkort --mall FIL`` writes a
    template; errors are in Swedish and name the line and column (or cell).
``kolada KPI [KPI ...]``
    Fetches Kolada KPI values for the regions (:func:`halsouppfoljning.hämta_kolada`)
    and prints them ranked by the curated direction, or writes a CSV
    (``--utfil``). Needs the ``data`` extra and the internet (or ``--bas-url``).
``regioner``
    Prints the table of the 21 regions.

Exit codes follow convention: 0 on success, 1 when the input could not be
used (the message names what and where), 2 for a usage error (argparse).

Examples
--------
>>> from halsouppfoljning.__main__ import main
>>> main(["regioner"])  # doctest: +ELLIPSIS
kod  namn ...
0
"""

from __future__ import annotations

import argparse
import csv
import importlib
import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from . import __version__
from ._indata import kort
from .exceptions import (
    AndelsError,
    HalsouppfoljningError,
    KällfelError,
    OkändKpiError,
    OkändRegionError,
    SaknatTilläggError,
)
from .exempeldata import uppföljning_västmanland_2023_02
from .indikatorer import Riktning, formatera_andel, formatera_tal
from .jamforelse import rangordning
from .kallor import KOLADA_URL, hämta_kolada
from .organisation import region, regioner
from .perioder import Period
from .rapport import rapport
from .tolka.styrkort import CSV_KOLUMNER, läs_styrkort
from .uppfoljning import Uppföljning

__all__ = ["main"]


def _tabell(rader: list[dict[str, str]]) -> str:
    """Plain-text table with left-aligned columns sized to their widest cell."""
    if not rader:
        return ""
    kolumner = list(rader[0])
    bredd = {k: max(len(k), *(len(r[k]) for r in rader)) for k in kolumner}
    rad = "  ".join(k.ljust(bredd[k]) for k in kolumner).rstrip()
    linje = "  ".join("-" * bredd[k] for k in kolumner)
    kropp = ["  ".join(r[k].ljust(bredd[k]) for k in kolumner).rstrip() for r in rader]
    return "\n".join([rad, linje, *kropp])


def _regiontabell() -> str:
    return _tabell(
        [
            {"kod": r.kod, "namn": r.namn, "län": r.län, "kolada_id": r.kolada_id, "iso": r.iso}
            for r in regioner()
        ]
    )


def _kör_regioner(argument: argparse.Namespace) -> int:
    print(_regiontabell())
    return 0


def _kör_exempel(argument: argparse.Namespace) -> int:
    uppföljning = uppföljning_västmanland_2023_02(
        syntetiska_avsnitt=not argument.utan_syntetiska, seed=argument.seed
    )
    text = rapport(
        uppföljning, format=argument.format, avrundning=argument.avrundning, bredd=argument.bredd
    )
    if argument.utfil is None:
        print(text, end="")
        return 0
    try:
        Path(argument.utfil).write_text(text, encoding="utf-8")
    except OSError as fel:
        _meddela(_skrivfel(argument.utfil, fel))
        return 1
    print(f"Rapporten är skriven till {argument.utfil}.")
    return 0


def _är_mapp(sökväg: Path) -> bool:
    """Whether ``sökväg`` is a folder; a name the system cannot use (too long) is not."""
    try:
        return sökväg.is_dir()
    except (OSError, ValueError):
        return False


def _skrivfel(fil: object, fel: OSError) -> str:
    """Why a file could not be written, in Swedish, with the fix."""
    if isinstance(fel, IsADirectoryError) or _är_mapp(Path(str(fil))):
        orsak = "det är en mapp. Ange ett filnamn i mappen, t.ex. rapport.txt"
    elif isinstance(fel, FileNotFoundError) or not _är_mapp(Path(str(fil)).parent):
        orsak = "mappen finns inte. Skapa mappen först eller välj en annan sökväg"
    elif isinstance(fel, PermissionError):
        orsak = "du får inte skriva där. Välj en annan mapp"
    else:
        orsak = f"{fel.strerror or fel}. Kontrollera sökvägen"
    return f"fel: kan inte skriva {fil}: {orsak}."


#: What each styrkort column holds (``styrkort --help`` and the template).
_KOLUMNTEXT = {
    "indikator": "indikatorns namn (krävs)",
    "mål": "målnivån som i rapporten: ≥80 %, 85-90 %, Lägre än fg år, - (krävs)",
    "utfall": "utfallet: 79,8 % eller 0,798; 94 (140) med fg år inom parentes (krävs)",
    "föregående": "föregående års utfall, för mål mot fg år och trend",
    "riktning": "vad som är bättre: högre, lägre eller intervall",
    "trend": "trenden som rapporten anger (Positiv, Negativ ...)",
    "plan": "planerat värde, för målet Enligt plan",
    "avsnitt": "rapportens avsnitt som indikatorn hör till",
}
_MALLRAD = {
    "indikator": "Första besök inom 90 dagar",
    "mål": "≥80 %",
    "utfall": "79,8 %",
    "föregående": "81,2 %",
    "riktning": "högre",
    "trend": "",
    "plan": "",
    "avsnitt": "Tillgänglighet",
}
_RIKTNINGAR = "högre, lägre, intervall"


def _meddela(text: str) -> None:
    """A message to the reader on stderr, wrapped to the terminal (``COLUMNS``, else 80)."""
    bredd = shutil.get_terminal_size((80, 24)).columns
    print(
        textwrap.fill(text, max(bredd, 40), break_long_words=False, break_on_hyphens=False),
        file=sys.stderr,
    )


def _var(fel: Any) -> str:
    """Where in the file, as a spreadsheet user reads it."""
    kolumn, rad, cell = getattr(fel, "kolumn", None), getattr(fel, "rad", None), fel.cell
    if cell:
        return f"cell {cell} (kolumn {kolumn})"
    return f"rad {rad}, kolumn {kolumn}"


def _styrkortsfel(fel: HalsouppfoljningError, fil: str) -> str:
    """The library's error about a styrkort file, told in Swedish with the fix."""
    orsak = getattr(fel, "orsak", None)
    rad, kolumn = getattr(fel, "rad", None), getattr(fel, "kolumn", None)
    värde, finns = getattr(fel, "värde", None), getattr(fel, "finns", ())
    mallråd = "`python -m halsouppfoljning styrkort --mall mall.csv` skriver en mall."
    meddelanden = {
        "tom": f"filen är tom. Skriv en rubrikrad (indikator, mål, utfall ...) och en rad "
        f"per indikator; {mallråd}",
        "bara_rubrik": f"filen har bara rubrikraden (rad {rad}) och inga indikatorer. "
        "Lägg till en rad per indikator under rubrikraden.",
        "kodning": "filen är varken UTF-8 eller Windows-1252. Spara den i Excel som "
        "'CSV UTF-8 (kommaavgränsad)'.",
        "csv": f"rad {rad} går inte att läsa som CSV. Kontrollera citattecknen på raden: "
        "varje citattecken som öppnar en cell måste stängas.",
        "excel": "filen går inte att läsa som en Excel-arbetsbok. Spara den som "
        "Excel-arbetsbok (.xlsx) eller som CSV.",
        "blad": f"bladet {värde} finns inte i filen. Välj ett av: {', '.join(finns)}.",
        "tillägg": "Excel-filer kräver paketet openpyxl. Installera det med: "
        'pip install "halsouppfoljning[excel]"',
        "saknad_kolumn": f"kolumnen {kolumn} saknas (rubrikraden, rad {rad}, har: "
        f"{', '.join(finns) or 'inga rubriker'}). Lägg till en kolumn {kolumn}"
        + (f" med ett av: {_RIKTNINGAR}." if kolumn == "riktning" else ".")
        + f" {mallråd}",
        "dubbel_kolumn": f"kolumnen {kolumn} finns två gånger på rubrikraden (rad {rad}). "
        "Ta bort den ena.",
        "riktning": f"{_var(fel)}: {värde!r} är ingen riktning. Skriv ett av: {_RIKTNINGAR}.",
        "riktningskolumn_saknas": f"{_var(fel)}: målet {värde!r} är en nivå utan riktning. "
        f"Lägg till en kolumn riktning med ett av: {_RIKTNINGAR} "
        f"(eller skriv målet med ≥ eller ≤, t.ex. ≥{värde}).",
        "riktning_saknas": f"{_var(fel)}: målet {värde!r} är en nivå utan riktning. Skriv "
        f"ett av {_RIKTNINGAR} i kolumnen riktning på rad {rad}.",
        "riktning_motsäger": f"{_var(fel)}: målet {värde!r} stämmer inte med riktningen på "
        f"rad {rad}. Ändra målet eller riktningen ({_RIKTNINGAR}).",
        "mål": f"{_var(fel)}: {värde!r} går inte att läsa som ett mål. Skriv t.ex. ≥80 %, "
        "85-90 %, Lägre än fg år, Enligt plan eller - (inget mål).",
        "tal": f"{_var(fel)}: {värde!r} går inte att läsa som ett tal. Skriv t.ex. 79,8 % "
        "eller 0,798 (en andel), 94 (140) med fg år inom parentes, eller 14:58 (min:sek).",
        "enhet": f"{_var(fel)}: det sammansatta utfallet {värde!r} saknar enhet men målet är "
        f"i procent. Skriv {f'{värde} %'!r}.",
        "överskott": f"rad {rad} har fler celler än rubrikraden (den första extra cellen är "
        f"{värde!r}). Ett decimalkomma i en kommaavgränsad fil måste stå inom citattecken "
        '("79,8 %"), eller spara filen med semikolon; annars ta bort de extra cellerna.',
        "olika_enheter": f"{_var(fel)}: {värde!r} har inte samma enhet som utfallet på rad "
        f"{rad}. Skriv båda i samma enhet.",
        "indikator_saknas": f"{_var(fel)}: indikatorn saknar namn. Skriv indikatorns namn "
        "(som rapporten skriver det), eller ta bort raden.",
        "saknas": "filen finns inte.",
        "läsfel": "filen går inte att läsa. Kontrollera att du får läsa den och att den inte "
        "är låst av ett annat program.",
    }
    if orsak in meddelanden:
        return f"fel: {fil}: {meddelanden[orsak]}"
    return f"fel: {fil}: {fel}"  # pragma: no cover - every reader error has an orsak


def _period(text: str) -> Period:
    """``--period``, read as reports write periods; unreadable is a usage error."""
    try:
        return Period.tolka(text)
    except HalsouppfoljningError:
        raise argparse.ArgumentTypeError(
            f"perioden {text!r} går inte att läsa; skriv t.ex. 2023-02, T1 2023, Delår 2023 "
            "eller Helår 2023"
        ) from None


def _region(text: str) -> str:
    """``--region``: a region's name or code; unknown is a usage error."""
    try:
        region(text)
    except OkändRegionError:
        raise argparse.ArgumentTypeError(
            f"okänd region {text!r}; `python -m halsouppfoljning regioner` listar regionerna"
        ) from None
    return text


def _heltal_mellan(text: str, minst: int, högst: int | None, vad: str, exempel: str) -> int:
    try:
        värde = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{vad} {text!r} är inget heltal; skriv t.ex. {exempel}"
        ) from None
    if värde < minst or (högst is not None and värde > högst):
        gränser = f"minst {minst}" if högst is None else f"mellan {minst} och {högst}"
        raise argparse.ArgumentTypeError(
            f"{vad} {text!r} måste vara {gränser}; skriv t.ex. {exempel}"
        )
    return värde


def _bredd(text: str) -> int:
    """``--bredd``: a whole number of characters, at least 30."""
    return _heltal_mellan(text, 30, None, "bredden", "80")


def _avrundning(text: str) -> int:
    """``--avrundning``: decimals of the published scale, as the library takes them."""
    return _heltal_mellan(text, -15, 15, "avrundningen", "0 eller 1")


def _frö(text: str) -> int:
    """``--seed``: a whole number, 0 or more."""
    return _heltal_mellan(text, 0, None, "fröet", "2023")


def _bas_url(text: str) -> str:
    """``--bas-url``: an http(s) address."""
    if not re.match(r"https?://\S+$", text.strip()):
        raise argparse.ArgumentTypeError(
            f"adressen {text!r} är ingen http(s)-adress; skriv t.ex. http://127.0.0.1:8000/"
        )
    return text.strip()


def _sep(text: str) -> str:
    tecken = {";": ";", ",": ",", "tab": "\t", "\t": "\t"}
    if text.casefold() not in tecken:
        raise argparse.ArgumentTypeError(
            f"avgränsaren {text!r} stöds inte; välj ';', ',' eller 'tab'"
        )
    return tecken[text.casefold()]


def _skriv_mall(fil: Path) -> int:
    try:
        if fil.exists():
            _meddela(f"fel: {fil} finns redan. Välj ett annat filnamn eller ta bort filen först.")
            return 1
        return _skriv_mallfil(fil)
    except OSError as fel:
        _meddela(_skrivfel(fil, fel))
        return 1


def _skriv_mallfil(fil: Path) -> int:
    if fil.suffix.casefold() in (".xlsx", ".xlsm"):
        try:
            openpyxl = importlib.import_module("openpyxl")
        except ImportError:
            _meddela(
                "fel: en Excel-mall kräver paketet openpyxl. Installera det med: "
                'pip install "halsouppfoljning[excel]", eller skriv en CSV-mall (mall.csv).'
            )
            return 1
        bok = openpyxl.Workbook()
        ark = bok.active
        ark.title = "styrkort"
        ark.append(list(CSV_KOLUMNER))
        ark.append([_MALLRAD[k] for k in CSV_KOLUMNER])
        for cell in ark[2]:
            cell.number_format = "@"  # text, so that Excel keeps "79,8 %" as written
        bok.save(fil)
    else:
        # semicolons and a BOM: what Swedish Excel opens with a double click
        with fil.open("w", encoding="utf-8-sig", newline="") as ut:
            skrivare = csv.writer(ut, delimiter=";")
            skrivare.writerow(CSV_KOLUMNER)
            skrivare.writerow([_MALLRAD[k] for k in CSV_KOLUMNER])
    print(f"Mallen är skriven till {fil}.")
    return 0


def _kör_styrkort(argument: argparse.Namespace) -> int:
    if argument.mall is not None:
        if argument.fil is not None:
            argument.parser.error("ange antingen FIL eller --mall, inte båda")
        return _skriv_mall(Path(argument.mall))
    if argument.fil is None:
        argument.parser.error("ange filen att läsa (FIL) eller --mall FIL för en mall")
    sökväg = Path(argument.fil)
    excel = sökväg.suffix.casefold() in (".xlsx", ".xlsm")
    if argument.blad is not None and not excel:
        argument.parser.error("--blad gäller bara Excel-filer (.xlsx)")
    if argument.sep is not None and excel:
        argument.parser.error("--sep gäller bara CSV-filer")
    try:
        mapp, fil = sökväg.is_dir(), sökväg.is_file()
    except (OSError, ValueError) as fel:  # a name too long for the system, ...
        orsak = getattr(fel, "strerror", None) or fel
        _meddela(
            f"fel: {kort(str(sökväg))} går inte att använda som sökväg ({orsak}). "
            "Ange sökvägen till styrkortsfilen (.csv eller .xlsx)."
        )
        return 1
    if mapp:
        _meddela(f"fel: {str(sökväg)!r} är en mapp. Ange styrkortsfilen (.csv eller .xlsx).")
        return 1
    if not fil:
        _meddela(f"fel: filen {str(sökväg)!r} finns inte.")
        return 1
    try:
        underlag = läs_styrkort(sökväg, sep=argument.sep, blad=argument.blad)
    except HalsouppfoljningError as fel:
        _meddela(_styrkortsfel(fel, str(sökväg)))
        return 1
    if underlag.attrs.get("teckenkodning") == "cp1252":
        _meddela(
            f"obs: {sökväg} är inte UTF-8; filen lästes som Windows-1252 (som Excel sparar "
            "CSV). Kontrollera å, ä och ö i utskriften, eller spara filen som 'CSV UTF-8'."
        )
    try:
        uppföljning = Uppföljning(
            organisation=argument.organisation,
            period=argument.period if argument.period is not None else "",
            indikatorer=underlag,
            källa=sökväg.name,
        )
        text = rapport(
            uppföljning,
            format=argument.format,
            avrundning=argument.avrundning,
            bredd=argument.bredd,
        )
    except HalsouppfoljningError as fel:
        _meddela(_bedömningsfel(fel, underlag, str(sökväg)))
        return 1
    print(text, end="")
    return 0


# Python's words in a library message: a keyword (``enhet=``, ``riktning=...``), a call
# (``hu.Målnivå.tolka(...)``); the command line's reader cannot type them
_NYCKELORD = re.compile(r"\(?\b[\w.]+=[^\s;,)]*\)?|\bhu\.[\w.]+\([^)]*\)")


def _utan_nyckelord(text: str) -> str:
    """A library message without the Python a command-line user cannot type."""
    text = re.sub(r"[;,]?\s*(?:pass|e\.g\.)\s+[^;]*=[^;]*", "", text)
    return " ".join(_NYCKELORD.sub("", text).split())


def _bedömningsfel(fel: HalsouppfoljningError, underlag: pd.DataFrame, fil: str) -> str:
    """An error in assessing a read row, told with the file's line and column and the fix."""
    nr = getattr(fel, "indikatorrad", None)
    rader = list(underlag.attrs.get("rader", []))
    if not isinstance(nr, int) or not 1 <= nr <= len(rader) or nr > len(underlag):
        return f"fel: {fil}: {_utan_nyckelord(str(fel))}"
    rad = underlag.iloc[nr - 1]
    radnr, namn = rader[nr - 1], str(rad["indikator"])
    mål, utfall = str(rad["mål_text"]), str(rad["utfall_text"])
    text = str(fel)
    målnivå = rad["målnivå"]
    if isinstance(fel, AndelsError):
        kolumn = "föregående" if "föregående" in text.partition("must be a share")[0] else "utfall"
        värde = str(rad["föregående_text"]) if kolumn == "föregående" else utfall
        return (
            f"fel: {fil}: rad {radnr}, kolumn {kolumn}: {värde!r} är ett tal utan procenttecken "
            f"men målet {mål!r} är i procent. Skriv {f'{värde} %'!r} (eller som en andel "
            "mellan 0 och 1)."
        )
    if "not composite" in text:
        return (
            f"fel: {fil}: rad {radnr}, kolumn utfall: utfallet {utfall!r} har "
            f"{utfall.count('/') + 1} delar men målet {mål!r} är inte sammansatt. Skriv ett "
            "utfall, eller målet i delar (t.ex. 90/80/80 %)."
        )
    if "composite target" in text:
        delar = len(målnivå.delar) if målnivå is not None else 1
        return (
            f"fel: {fil}: rad {radnr}, kolumn utfall: målet {mål!r} har {delar} "
            f"{'del' if delar == 1 else 'delar'} men utfallet {utfall!r} har "
            f"{utfall.count('/') + 1}. Skriv ett värde per del, åtskilda med /, "
            "t.ex. 48,4/31,0/56,0 %."
        )
    enhet = rad.get("utfall_enhet")
    if "but the outcome (" in text:  # the units of target and outcome differ
        if målnivå is not None and målnivå.enhet is None and enhet == "andel":
            return (
                f"fel: {fil}: rad {radnr}, kolumn mål: målet {mål!r} saknar enhet men utfallet "
                f"{utfall!r} är i procent. Skriv målet med enhet, t.ex. {f'{mål} %'!r}."
            )
        return (
            f"fel: {fil}: rad {radnr}, kolumn utfall: utfallet {utfall!r} har inte samma enhet "
            f"som målet {mål!r}. Skriv utfallet i målets enhet, eller rätta målet."
        )
    return (
        f"fel: {fil}: rad {radnr} (indikatorn {namn!r}): utfallet {utfall!r} går inte att "
        f"bedöma mot målet {mål!r}: {_utan_nyckelord(text)}"
    )


# --------------------------------------------------------------------------- kolada

_KOLADA_BREDD = 80


def _år(text: str) -> list[int]:
    """``--år``: 2024, 2020-2024 or 2023,2024."""
    år: list[int] = []
    for bit in text.replace(" ", "").split(","):
        träff = re.fullmatch(r"(\d{4})(?:[-\u2013](\d{4}))?", bit)
        if träff is None or (träff[2] is not None and int(träff[2]) < int(träff[1])):
            raise argparse.ArgumentTypeError(
                f"året {text!r} går inte att läsa; skriv t.ex. 2024, 2020-2024 eller 2023 2024"
            )
        år.extend(range(int(träff[1]), int(träff[2] or träff[1]) + 1))
    if min(år) < 1900 or max(år) > 2100:
        raise argparse.ArgumentTypeError(
            f"året {text!r} ligger utanför 1900-2100; skriv t.ex. 2024 eller 2020-2024"
        )
    return år


def _regioner(text: str) -> str | list[str]:
    """``--regioner``: alla, Riket, or names and codes separated by commas."""
    if text.strip().casefold() == "alla":
        return "alla"
    namn = [n.strip() for n in text.split(",") if n.strip()]
    if not namn:
        raise argparse.ArgumentTypeError("ange minst en region, 'alla' eller 'Riket'")
    for n in namn:
        if n.casefold() != "riket":
            _region(n)
    return namn


def _kort(text: str, bredd: int) -> str:
    return text if len(text) <= bredd else text[: bredd - 1] + "…"


def _koladatabell(panel: pd.DataFrame) -> str:
    """The panel as Swedish text: one block per KPI, gender and year, ranked when possible."""
    riktningar: dict[str, Riktning] = dict(panel.attrs.get("riktning", {}))
    skalor: dict[str, str] = dict(panel.attrs.get("skala", {}))
    flera_kön = len(set(panel["kön"])) > 1
    block: list[str] = []
    for (kpi, kön, år), grupp in panel.groupby(["indikator", "kön", "period"], sort=False):
        riktning = riktningar.get(str(kpi))
        rangad = riktning in (Riktning.HÖGRE_ÄR_BÄTTRE, Riktning.LÄGRE_ÄR_BÄTTRE)
        del_ = grupp.reset_index(drop=True)
        if rangad:
            del_ = rangordning(del_, riktning=riktning)
            riket = del_["region"] == "Riket"
            ordning = del_["rang"].astype("Float64").fillna(float("inf"))
            del_ = del_.assign(_o=ordning.where(~riket, -1.0)).sort_values("_o", kind="stable")
        else:
            del_ = del_.assign(_o=(del_["region"] != "Riket").astype(int)).sort_values(
                "_o", kind="stable"
            )
        andel = skalor.get(str(kpi)) == "andel"
        om = (
            f"rangordnat: {riktning.value}"
            if rangad and riktning is not None
            else "ingen känd riktning, ej rangordnat"
        )
        rubrik = f"{kpi}, {år}" + (f", kön {kön}" if flera_kön else "") + f" ({om})"
        rader = [_kort(rubrik, _KOLADA_BREDD)]
        rader.append(f"{'Rang':>4}  {'Region':<30}  {'Värde':>10}  Status")
        for _, r in del_.iterrows():
            rang = r["rang"] if rangad and "rang" in del_ else pd.NA
            rangtext = "–" if pd.isna(rang) else str(int(rang))
            v = float(r["värde"])
            värde = formatera_andel(v) if andel else formatera_tal(v, 1)
            status = _kort(str(r.get("status", "") or ""), _KOLADA_BREDD - 52)
            rader.append(
                f"{rangtext:>4}  {_kort(str(r['region']), 30):<30}  {värde:>10}  {status}".rstrip()
            )
        block.append("\n".join(rader))
    slut = [str(panel.attrs.get("källa", "Källa: Kolada"))]
    utan = panel.attrs.get("utan_data") or []
    if utan:
        slut.insert(0, _kort(f"Inga värden i Kolada för: {', '.join(map(str, utan))}", 80))
    raderade = int(panel.attrs.get("raderade", 0) or 0)
    if raderade:
        slut.insert(0, f"{raderade} rader som Kolada markerat som raderade är utelämnade.")
    if not block:
        block.append("Kolada har inga värden för urvalet.")
    return "\n\n".join(block) + "\n\n" + "\n".join(slut) + "\n"


def _koladafel(fel: HalsouppfoljningError) -> str:
    if isinstance(fel, SaknatTilläggError):
        return (
            "fel: kolada kräver tillägget data (requests m.fl.). Installera det med: "
            'pip install "halsouppfoljning[data]"'
        )
    if isinstance(fel, OkändKpiError):
        okända = re.findall(r"'([^']+)'", str(fel)) or [str(fel)]
        return (
            f"fel: Kolada känner inte till nyckeltalet {', '.join(okända)}. Kontrollera id:t "
            "(t.ex. N79173) med hu.kolada_nyckeltal(sök=...) eller på kolada.se."
        )
    if isinstance(fel, KällfelError):
        status = f" (HTTP {fel.status})" if fel.status is not None else ""
        url = f" vid {fel.url}" if fel.url else ""
        return (
            f"fel: Kolada svarade inte som väntat{status}{url}. Försök igen senare, eller "
            "kontrollera --bas-url och nätverket."
        )
    return f"fel: {_utan_nyckelord(str(fel))}"


def _kör_kolada(argument: argparse.Namespace) -> int:
    år = None if argument.år is None else sorted({a for del_ in argument.år for a in del_})
    try:
        panel = hämta_kolada(
            argument.kpi,
            regioner=argument.regioner,
            år=år,
            kön=argument.kön,
            bas_url=argument.bas_url,
            cache=not argument.ingen_cache,
        )
    except HalsouppfoljningError as fel:
        _meddela(_koladafel(fel))
        return 1
    if argument.utfil is not None:
        ut = Path(argument.utfil)
        tabell = panel.copy()
        tabell.attrs = {}
        try:
            tabell.to_csv(ut, index=False, encoding="utf-8")
        except OSError as fel:
            _meddela(_skrivfel(ut, fel))
            return 1
        print(f"Panelen ({len(panel)} rader) är skriven till {ut}. Källa: Kolada")
        return 0
    print(_koladatabell(panel), end="")
    return 0


# --------------------------------------------------------------------------- Swedish argparse

# argparse's own messages, as a Swedish reader of styrkort and kolada sees them
_ARGPARSE_SV = (
    (r"^argument ([^:]+): ", r"argumentet \1: "),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ogiltigt val: \1 (välj bland \2)"),
    (r"invalid (\w+) value: ", "ogiltigt värde: "),
    (r"the following arguments are required: ", "följande argument krävs: "),
    (r"expected at least one argument", "minst ett värde saknas"),
    (r"expected one argument", "ett värde saknas"),
    (r"unrecognized arguments: ", "okända argument: "),
    (r"ambiguous option: (\S+) could match (.*)", r"flaggan \1 är tvetydig; den kan vara \2"),
)


class _SvenskHjälp(argparse.RawDescriptionHelpFormatter):
    """Help with a Swedish usage line; descriptions and epilogs kept as written."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """A subcommand's parser; with ``svensk=True`` its help and errors are Swedish."""

    def __init__(self, *args: Any, svensk: bool = False, **kwargs: Any) -> None:
        if svensk:
            kwargs.setdefault("formatter_class", _SvenskHjälp)
        super().__init__(*args, **kwargs)
        self.svensk = svensk
        if svensk:
            self._positionals.title = "argument"
            self._optionals.title = "flaggor"
            for åtgärd in self._actions:
                if åtgärd.dest == "help":
                    åtgärd.help = "visa den här hjälpen och avsluta"

    def error(self, message: str) -> NoReturn:
        if not self.svensk:
            super().error(message)
        for mönster, ersättning in _ARGPARSE_SV:
            message = re.sub(mönster, ersättning, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m halsouppfoljning",
        svensk=True,
        description=textwrap.fill(
            "Uppföljning av regionernas hälso- och sjukvård: indikatorer och mål, "
            "väntetider, kontinuitet, budget och prognoser.",
            78,
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="visa versionen och avsluta",
    )
    under = parser.add_subparsers(dest="kommando", metavar="KOMMANDO", parser_class=_Parser)
    under.required = True
    exempel = under.add_parser(
        "exempel",
        svensk=True,
        help="skriv uppföljningen av det medföljande publicerade exemplet "
        "(Västmanland, februari 2023)",
        description=textwrap.fill(
            "Skriver uppföljningen av Region Västmanlands månadsrapport för "
            "februari 2023 för hälso- och sjukvårdsförvaltningen: styrkortet med beräknad "
            "måluppfyllelse, resultaträkningen, helårsprognosen med intervall och avsnitt "
            "om väntetider och kontinuitet beräknade på syntetiska data.",
            78,
        ),
    )
    exempel.add_argument(
        "--utan-syntetiska",
        action="store_true",
        help="utelämna avsnitten om väntetider och kontinuitet (syntetiska data)",
    )
    exempel.add_argument(
        "--seed", type=_frö, default=2023, help="frö för de syntetiska data (standard: 2023)"
    )
    exempel.add_argument(
        "--bredd",
        type=_bredd,
        default=None,
        metavar="N",
        help="textens bredd i tecken, minst 30 (standard: terminalens, COLUMNS eller 80)",
    )
    exempel.add_argument(
        "--utfil",
        default=None,
        metavar="FIL",
        help="skriv rapporten till FIL (UTF-8) i stället för på skärmen; med --format html "
        "en fristående webbsida",
    )
    exempel.set_defaults(kör=_kör_exempel)
    kolumnhjälp = "\n".join(
        textwrap.fill(t, 78, initial_indent=f"  {k:<11} ", subsequent_indent=" " * 14)
        for k, t in _KOLUMNTEXT.items()
    )
    kort = under.add_parser(
        "styrkort",
        svensk=True,
        help="bedöm ett styrkort från en CSV- eller Excel-fil",
        description=textwrap.fill(
            "Läser ett styrkort (en rad per indikator) och skriver uppföljningen med "
            "måluppfyllelse. Filen kan vara CSV med komma eller semikolon (UTF-8 eller "
            "Windows-1252, som Excel sparar) eller en Excel-arbetsbok (.xlsx). "
            "Rubrikerna får stå med stora eller små bokstäver.",
            78,
        ),
        epilog=(
            f"kolumner (rubrikraden):\n{kolumnhjälp}\n\n"
            + textwrap.fill(
                f"riktning: {_RIKTNINGAR} (eller högre är bättre, lägre är bättre, inom intervall)",
                78,
            )
            + "\n\nexempel:\n"
            "  python -m halsouppfoljning styrkort --mall mall.csv\n"
            "  python -m halsouppfoljning styrkort mall.csv \\\n"
            "      --region Västmanland --period 2023-02"
        ),
    )
    kort.add_argument(
        "fil", metavar="FIL", nargs="?", default=None, help="styrkortet: .csv eller .xlsx"
    )
    kort.add_argument(
        "--mall",
        metavar="FIL",
        default=None,
        help="skriv en mall med alla kolumner och en exempelrad (.csv eller .xlsx)",
    )
    kort.add_argument(
        "--region",
        dest="organisation",
        metavar="NAMN",
        default=None,
        type=_region,
        help="regionen som styrkortet gäller, namn eller kod (valfritt)",
    )
    kort.add_argument(
        "--period",
        default=None,
        type=_period,
        help="perioden som följs upp, t.ex. 2023-02, T1 2023 eller Helår 2023",
    )
    kort.add_argument(
        "--sep",
        default=None,
        type=_sep,
        help="CSV-avgränsare: ';', ',' eller 'tab' (standard: känns igen från rubrikraden)",
    )
    kort.add_argument(
        "--blad", metavar="NAMN", default=None, help="bladet i en Excel-fil (standard: det första)"
    )
    kort.add_argument(
        "--bredd",
        type=_bredd,
        default=None,
        metavar="N",
        help="textens bredd i tecken, minst 30 (standard: terminalens, COLUMNS eller 80)",
    )
    kort.set_defaults(kör=_kör_styrkort, parser=kort)
    for p in (exempel, kort):
        p.add_argument(
            "--format",
            choices=["text", "markdown", "html"],
            default="text",
            help="utdataformat: text, markdown eller html (standard: text)",
        )
        p.add_argument(
            "--avrundning",
            type=_avrundning,
            default=None,
            metavar="K",
            help="jämför utfall med mål avrundade till K decimaler på den publicerade "
            "skalan (procent för andelar), halvor uppåt (standard: utan avrundning)",
        )
    kolada = under.add_parser(
        "kolada",
        svensk=True,
        help="hämta nyckeltal från Kolada för regionerna, rangordnade",
        description=textwrap.fill(
            "Hämtar nyckeltal från Kolada (kolada.se) för regionerna och Riket och skriver "
            "dem rangordnade efter den kända riktningen, eller sparar dem som CSV. Kräver "
            'tillägget data: pip install "halsouppfoljning[data]".',
            78,
        ),
        epilog=(
            "exempel:\n"
            "  python -m halsouppfoljning kolada N79173 --år 2024\n"
            "  python -m halsouppfoljning kolada N79173 --år 2020-2024 \\\n"
            "      --regioner Västmanland,Uppsala,Riket --utfil panel.csv"
        ),
    )
    kolada.add_argument("kpi", metavar="KPI", nargs="+", help="Koladas id, t.ex. N79173")
    kolada.add_argument(
        "--år",
        nargs="+",
        type=_år,
        default=None,
        metavar="ÅR",
        help="år: 2024, 2020-2024 eller 2023 2024 (standard: alla år Kolada har)",
    )
    kolada.add_argument(
        "--regioner",
        type=_regioner,
        default=None,
        help="alla, Riket eller regioner åtskilda med komma, t.ex. Västmanland,Uppsala "
        "(standard: de 21 regionerna och Riket)",
    )
    kolada.add_argument(
        "--kön", choices=["T", "K", "M"], default="T", help="T totalt (standard), K kvinnor, M män"
    )
    kolada.add_argument(
        "--utfil", metavar="FIL", default=None, help="spara panelen som CSV (UTF-8) i FIL"
    )
    kolada.add_argument(
        "--bas-url", default=KOLADA_URL, type=_bas_url, help="API:ets adress (för test)"
    )
    kolada.add_argument(
        "--ingen-cache", action="store_true", help="hämta på nytt i stället för från cachen"
    )
    kolada.set_defaults(kör=_kör_kolada)
    reg = under.add_parser(
        "regioner",
        svensk=True,
        help="skriv de 21 regionerna med sina koder",
        description="Skriver de 21 regionerna med länskod, namn, län, Koladas id och ISO-kod.",
    )
    reg.set_defaults(kör=_kör_regioner)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments, without the program name.

    Returns
    -------
    int
        0 on success, 1 when the package reported an error in the input.

    Examples
    --------
    >>> from halsouppfoljning.__main__ import main
    >>> main(["exempel", "--utan-syntetiska"])  # doctest: +ELLIPSIS
    Uppföljning: Hälso- och sjukvårdsförvaltningen (Region Västmanland), februari 2023
    ...
    0
    """
    argument = _parser().parse_args(argv)
    try:
        kod: int = argument.kör(argument)
    except HalsouppfoljningError as fel:
        _meddela(f"fel: {_utan_nyckelord(str(fel))}")
        return 1
    return kod


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess in the tests
    sys.exit(main())
