"""Every period and forecast written in words in the two bundled reports, read as printed.

The reports are the plain text in ``tests/data/seeds`` (see its README):
Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport februari
2023 (``V``), and Region Värmland, Hälso- och sjukvårdsnämnden, Årsredovisning
2023 (``W``). They were searched for month names, ``helår``, ``delår``,
``tertial``, ``kvartal``, ``vecka``, ``basår``, ``R12``, ``rullande``, spans of
years, ``prognos``, ``underskott`` and ``överskott``. Each hit that names a
period or a forecast is listed here with its line, the exact words (checked to
be on that line) and the value worked out by hand from the calendar or the
printed amounts. The hits that do not name one (or name one only with words
that the text leaves out, such as a month without its year) are listed in
``EJ_LÄSBARA`` with the reason, and are shown to be refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

import halsouppfoljning as hu
from halsouppfoljning.tolka._grund import enkla_mellanrum

SEEDS = Path(__file__).parent / "data" / "seeds"
FILER = {
    "V": SEEDS / "vastmanland-hsf-manadsrapport-2023-02.txt",
    "W": SEEDS / "varmland-hsn-arsredovisning-2023.txt",
}
_RADER = {k: v.read_text(encoding="utf-8").splitlines() for k, v in FILER.items()}


def rad(fil: str, nummer: int) -> str:
    """Line ``nummer`` (1-based, as grep -n counts) of a seed report, spaces simplified."""
    return enkla_mellanrum(_RADER[fil][nummer - 1])


# (file, line, the words as printed, first day, last day)
PERIODER: list[tuple[str, int, str, str, str]] = [
    ("V", 27, "FEBRUARI 2023", "2023-02-01", "2023-02-28"),  # the report's month
    ("V", 89, "2023", "2023-01-01", "2023-12-31"),  # "Mål 2023": the target's year
    ("V", 165, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 168, "Q4 2023", "2023-10-01", "2023-12-31"),
    ("V", 176, "juni 2023", "2023-06-01", "2023-06-30"),
    ("V", 183, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 231, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 236, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 259, "T1 2023", "2023-01-01", "2023-04-30"),
    ("V", 259, "april 2023", "2023-04-01", "2023-04-30"),
    ("V", 261, "juni 2023", "2023-06-01", "2023-06-30"),
    ("V", 270, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 292, "2023-2024", "2023-01-01", "2024-12-31"),
    ("V", 300, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 320, "2023-2025", "2023-01-01", "2025-12-31"),
    ("V", 377, "januari år 2022", "2022-01-01", "2022-01-31"),
    ("V", 377, "år 2023", "2023-01-01", "2023-12-31"),
    ("V", 385, "2023", "2023-01-01", "2023-12-31"),  # "Mål 2023"
    ("V", 427, "januari 2022", "2022-01-01", "2022-01-31"),
    ("W", 401, "oktober 2023", "2023-10-01", "2023-10-31"),
    ("W", 704, "april 2021", "2021-04-01", "2021-04-30"),
    ("W", 794, "augusti 2024", "2024-08-01", "2024-08-31"),
    ("W", 905, "juni 2022", "2022-06-01", "2022-06-30"),
    ("W", 1110, "juni 2022", "2022-06-01", "2022-06-30"),
    ("W", 1123, "juli 2023", "2023-07-01", "2023-07-31"),
    ("W", 1228, "helår 2023", "2023-01-01", "2023-12-31"),
    ("W", 1246, "helår 2023", "2023-01-01", "2023-12-31"),
    ("W", 1263, "helår 2023", "2023-01-01", "2023-12-31"),
    ("W", 1265, "helår 2023", "2023-01-01", "2023-12-31"),
    ("W", 1332, "helår 2023", "2023-01-01", "2023-12-31"),
    ("W", 1356, "december 2023", "2023-12-01", "2023-12-31"),
    ("W", 1369, "december 2022", "2022-12-01", "2022-12-31"),
    ("W", 1369, "december 2023", "2023-12-01", "2023-12-31"),
    ("W", 1374, "januari - december 2023", "2023-01-01", "2023-12-31"),
    ("W", 1431, "juli 2023", "2023-07-01", "2023-07-31"),  # "Sedan 1 juli 2023"
    ("W", 1434, "juni 2033", "2033-06-01", "2033-06-30"),  # "den 30 juni 2033"
    ("W", 1515, "oktober 2023", "2023-10-01", "2023-10-31"),
    ("W", 1517, "oktober 2023", "2023-10-01", "2023-10-31"),
    ("W", 1533, "oktober 2023", "2023-10-01", "2023-10-31"),
    ("W", 1624, "2021-2024", "2021-01-01", "2024-12-31"),  # "Miljöplan 2021-2024"
    ("W", 1965, "oktober 2023", "2023-10-01", "2023-10-31"),
    ("W", 1966, "februari 2024", "2024-02-01", "2024-02-29"),
    ("W", 1975, "januari 2022", "2022-01-01", "2022-01-31"),
    ("W", 1977, "april 2023", "2023-04-01", "2023-04-30"),
    ("W", 2146, "2022–2026", "2022-01-01", "2026-12-31"),  # "mandatperioden 2022–2026"
    ("W", 2192, "år 2023", "2023-01-01", "2023-12-31"),  # "För år 2023"
]


@pytest.mark.parametrize(
    ("fil", "nummer", "text", "start", "slut"),
    PERIODER,
    ids=[f"{f}{n}:{t}" for f, n, t, _, _ in PERIODER],
)
def test_period_in_report(fil: str, nummer: int, text: str, start: str, slut: str) -> None:
    assert text in rad(fil, nummer)
    p = hu.Period.tolka(text)
    assert (p.start.date(), p.slut.date()) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(slut),
    )
    assert hu.Period.tolka(str(p)) == p


def test_the_span_of_a_whole_year_is_the_year() -> None:
    # Värmland line 1374: "Under perioden januari - december 2023" is the year 2023
    assert hu.Period.tolka("januari - december 2023") == hu.Period.helår(2023)


def test_a_month_split_by_a_line_break() -> None:
    # Värmland lines 1355-1356: "i december" / "2022": the month and its year on two lines
    assert rad("W", 1355).endswith("december")
    assert rad("W", 1356).startswith("2022")
    joined = "december " + rad("W", 1356).split()[0]
    assert hu.Period.tolka(joined) == hu.Period.månad(2022, 12)


# (file, line, the words as printed, värde, nedre, övre) [mnkr]
PROGNOSER: list[tuple[str, int, str, float, float, float]] = [
    # "lägga en prognos på minus 890 miljoner kronor"
    ("V", 16, "en prognos på minus 890 miljoner kronor", -890.0, math.nan, math.nan),
    # "försämring mot tidigare beräknat minus 800 miljoner": the previous forecast
    ("V", 17, "minus 800 miljoner", -800.0, math.nan, math.nan),
    ("V", 49, "Årsprognos, -890 mnkr +20/-50 mnkr", -890.0, -940.0, -870.0),
    # styrkort row "Helårsprognos -800 mnkr -890 mnkr": target -800, forecast -890
    ("V", 143, "-890 mnkr", -890.0, math.nan, math.nan),
    ("V", 496, "Prognos - 890 mkr +20/-50 mnkr.", -890.0, -940.0, -870.0),
    ("V", 595, "Prognos -53,6 mnkr", -53.6, math.nan, math.nan),
    ("V", 653, "Prognos -20 mnkr", -20.0, math.nan, math.nan),
    ("V", 709, "Prognos +39 mnkr", 39.0, math.nan, math.nan),
]


@pytest.mark.parametrize(
    ("fil", "nummer", "text", "värde", "nedre", "övre"),
    PROGNOSER,
    ids=[f"{f}{n}:{t}" for f, n, t, *_ in PROGNOSER],
)
def test_forecast_in_report(
    fil: str, nummer: int, text: str, värde: float, nedre: float, övre: float
) -> None:
    assert text in rad(fil, nummer)
    p = hu.Prognos.tolka(text)
    np.testing.assert_allclose([p.värde, p.nedre, p.övre], [värde, nedre, övre], equal_nan=True)


def test_the_revision_in_the_västmanland_report() -> None:
    # lines 16-17: -890 mnkr, "en försämring mot tidigare beräknat minus 800 miljoner"
    förra = hu.Prognos.tolka("minus 800 miljoner")
    p = hu.Prognos.tolka("en prognos på minus 890 miljoner kronor", föregående=förra)
    assert p.revidering == -90.0
    assert "försämring mot tidigare beräknat minus 800 miljoner" in rad("V", 17)


# (file, line, the words as printed, why they are not read as a period or forecast)
EJ_LÄSBARA: list[tuple[str, int, str, str]] = [
    ("V", 89, "R12", "a column header: the rolling window names no end month"),
    ("V", 168, "klar april", "a month without its year"),
    ("V", 350, "januari", "a month without its year ('under både januari och februari')"),
    ("V", 364, "januari och februari", "two months without a year, not a span"),
    ("V", 429, "maj föregående år", "relative to the report's year, which the text leaves out"),
    ("V", 438, "januari jämfört 2022", "a month without its year, compared with a year"),
    ("V", 447, "ack februari", "year to date without its year (January-February 2023 by context)"),
    ("W", 49, "Under tertialet", "a tertial without number or year"),
    ("W", 391, "rullande 12-", "a kind of period (rolling 12 months), no end month"),
    ("W", 401, "november till och med oktober", "a span whose years the text leaves out"),
    ("W", 589, "rullande 18-månadersperiod", "a kind of period, no end month"),
    ("W", 709, "tertial 1", "a tertial without its year"),
    ("W", 1511, "maj -", "a span without its year, split over lines 1511-1512"),
    ("W", 1755, "Delår", "a reporting frequency (periodicitet) in a table, not a period"),
    ("W", 1769, "Tertial", "a reporting frequency (periodicitet) in a table, not a period"),
    ("W", 2102, "Delårsrapport 2023", "the name of a document"),
    ("V", 20, "minskande underskott", "a deficit without an amount"),
    ("V", 456, "Underskott i förvaltningsplan -133 mnkr", "a planned deficit, not a forecast"),
    ("V", 499, "Underskott i förvaltningsplan -800 mnkr", "a planned deficit, not a forecast"),
    ("V", 513, "Prognosen för köpt vård", "a forecast without an amount (continues on 514)"),
    ("V", 802, "Prognos", "a table header"),
    ("W", 2192, "ett underskott jämfört med budget på 932 miljoner", "an outcome, not a forecast"),
]


@pytest.mark.parametrize(
    ("fil", "nummer", "text", "varför"),
    EJ_LÄSBARA,
    ids=[f"{f}{n}:{t}" for f, n, t, _ in EJ_LÄSBARA],
)
def test_words_not_read_are_refused(fil: str, nummer: int, text: str, varför: str) -> None:
    assert text in rad(fil, nummer), varför
    with pytest.raises(hu.TolkningsError):
        hu.Period.tolka(text)
    with pytest.raises(hu.TolkningsError):
        hu.Prognos.tolka(text)
