"""Internal: reading the bundled data files (``data/*.csv``) and naming their sources."""

from __future__ import annotations

import functools
import io
from importlib import resources

import pandas as pd

#: The two published reports the bundled figures come from (the seed texts).
KÄLLA_VÄSTMANLAND = (
    "Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport februari 2023 "
    "(seeds/vastmanland-hsf-manadsrapport-2023-02.txt)"
)
KÄLLA_VÄRMLAND = (
    "Region Värmland, Hälso- och sjukvårdsnämnden, Årsredovisning 2023 "
    "(seeds/varmland-hsn-arsredovisning-2023.txt)"
)


def läs_datafil(filnamn: str) -> pd.DataFrame:
    """A bundled CSV as strings ("" for empty cells), without its ``#`` provenance lines."""
    text = resources.files("halsouppfoljning").joinpath(f"data/{filnamn}").read_text("utf-8")
    rader = "\n".join(r for r in text.splitlines() if not r.startswith("#"))
    return pd.read_csv(io.StringIO(rader), dtype=str, keep_default_na=False)


@functools.cache
def _kärnindikatorer_läst() -> pd.DataFrame:
    return läs_datafil("karnindikatorer_nara_vard.csv").set_index("id")


def kärnindikatorer() -> pd.DataFrame:
    """The bundled core indicators (``data/karnindikatorer_nara_vard.csv``), indexed by id.

    The one reader of that file: every module that needs the core indicators'
    names, units or directions calls this. The file is read once; each call
    returns a copy, so a caller may change its table freely. Cells are
    strings (``""`` where empty); ``riktning`` holds the name of a
    :class:`~halsouppfoljning.Riktning` member.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id``; columns as in the file (``namn``, ``enhet``,
        ``riktning``, ...).

    Examples
    --------
    >>> from halsouppfoljning._data import kärnindikatorer
    >>> kärnindikatorer().loc["medicinsk_bedömning_3_dagar", ["enhet", "riktning"]].tolist()
    ['andel', 'HÖGRE_ÄR_BÄTTRE']
    """
    return _kärnindikatorer_läst().copy()


@functools.cache
def _kolada_riktningar_läst() -> pd.DataFrame:
    return läs_datafil("kolada_kpi_riktning.csv").set_index("kpi")


def kolada_kpi_riktning() -> pd.DataFrame:
    """The curated Kolada KPIs' unit and better direction (``data/kolada_kpi_riktning.csv``).

    Read once; each call returns a copy. Core modules read it here (they may
    read bundled data, never import the Kolada client).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``kpi``; columns ``titel``, ``enhet``, ``kolada_skala``,
        ``riktning`` (a :class:`~halsouppfoljning.Riktning` member's name),
        ``kärnindikator`` and the grounds.

    Examples
    --------
    >>> from halsouppfoljning._data import kolada_kpi_riktning
    >>> kolada_kpi_riktning().loc["N79173", ["enhet", "riktning"]].tolist()
    ['andel', 'HÖGRE_ÄR_BÄTTRE']
    """
    return _kolada_riktningar_läst().copy()
