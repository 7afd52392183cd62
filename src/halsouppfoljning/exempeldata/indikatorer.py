"""Bundled indicator tables (published, with provenance) from two reports.

From the Region Västmanland February 2023 monthly report, every indicator table
(service quality, medical quality, staff, economy, the accessibility table and
the verksamhetsområde tables); from the Region Värmland 2023 annual report, the
27 indicators of the resultatmål and the five resultatmål assessments. Text is
copied exactly as printed into ``data/vastmanland_2023_02_indikatorer.csv``,
``data/varmland_2023_indikatorer.csv`` and ``data/varmland_2023_resultatmal.csv``;
each row carries ``rad``, its line in the seed text. A value the report does not
print stays missing.

Examples
--------
>>> import halsouppfoljning as hu
>>> df = hu.exempeldata.indikatortabell_västmanland_2023_02()
>>> rad = df[df.indikator == "Antal utlokaliserade pat."].iloc[0]
>>> rad.mål_text, float(rad.utfall), float(rad.föregående), rad.trend_rapporterad
('Lägre än fg år', 94.0, 140.0, 'Positiv')
>>> hu.måluppfyllelse(rad.utfall, rad.målnivå, föregående=rad.föregående)
<Måluppfyllelse.UPPNÅDD: 'uppnådd'>
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import pandas as pd

from .._data import KÄLLA_VÄRMLAND, KÄLLA_VÄSTMANLAND, läs_datafil
from ..indikatorer import Indikator, Målnivå, Måluppfyllelse, Riktning

__all__ = [
    "indikatorer_värmland_2023",
    "indikatorer_västmanland_2023_02",
    "indikatortabell_värmland_2023",
    "indikatortabell_västmanland_2023_02",
    "resultatmål_värmland_2023",
]


def _filtal(kolumn: pd.Series[str]) -> pd.Series[float]:
    """A column of a bundled CSV (text, "" where empty) as floats, NaN where empty."""
    return pd.to_numeric(kolumn.mask(kolumn == ""), errors="raise").astype(np.float64)


def _filheltal(kolumn: pd.Series[str]) -> pd.Series[Any]:
    """A column of a bundled CSV (text, "" where empty) as nullable integers."""
    return _filtal(kolumn).astype("Int64")


def _objekt(värden: list[Any], index: pd.Index) -> pd.Series[Any]:
    return pd.Series(värden, index=index, dtype=object)


def _målnivåer(df: pd.DataFrame) -> list[Målnivå | None]:
    """One Målnivå per row from its printed target text, or None where none is printed."""
    ut: list[Målnivå | None] = []
    for text, riktning, enhet in zip(df["mål_text"], df["riktning"], df["enhet"], strict=True):
        if not text:
            ut.append(None)
            continue
        r = Riktning(riktning) if riktning else None
        e = enhet if enhet in ("andel", "förändring") else None
        ut.append(_i_radens_valuta(Målnivå.tolka(text, r, enhet=e), enhet))
    return ut


#: Kronor per unit of the money units a report prints.
_KRONOR = {"kr": 1.0, "tkr": 1e3, "mnkr": 1e6, "mdkr": 1e9}


def _i_radens_valuta(mål: Målnivå, enhet: str) -> Målnivå:
    """A money target in the row's money unit (Västmanland prints '0 kr' for an outcome in
    mnkr); the printed text is kept."""
    if mål.enhet not in _KRONOR or enhet not in _KRONOR or mål.enhet == enhet:
        return mål
    faktor = _KRONOR[mål.enhet] / _KRONOR[enhet]
    gränser = {
        namn: getattr(mål, namn) * faktor
        for namn in ("gräns", "nedre", "övre")
        if getattr(mål, namn) is not None
    }
    return attrs.evolve(mål, enhet=enhet, **gränser)


def indikatortabell_västmanland_2023_02() -> pd.DataFrame:
    """Every indicator table of Region Västmanland's February 2023 monthly report.

    Returns
    -------
    pandas.DataFrame
        One row per printed indicator row, in report order, columns:

        - ``tabell``, ``verksamhet``: the table and the organisation it covers;
        - ``rad``: the line of the printed values in the seed text;
        - ``indikator`` (name as printed), ``indikator_id`` (links the same
          indicator across tables);
        - ``mål_text``, ``utfall_text``, ``trend_rapporterad``: as printed
          ("" where not printed);
        - ``utfall`` [float]: the printed outcome as a level (shares for
          percent, minutes for mm:ss), NaN where the print is not a level;
        - ``utfall_avser``: "nivå", "förändring mot fg år (procent)",
          "förändring mot fg år (antal)", "avvikelse mot plan" or "tre delar";
        - ``förändring`` [float]: a printed change against last year;
        - ``utfall_delar``: for a composite, a tuple of the parts' outcomes;
        - ``enhet``, ``riktning`` (the :class:`Riktning` value), ``riktning_källa``
          ("report: ..." or "judgement: ..." with the reason);
        - ``föregående`` [float] and ``föregående_rad``: the comparison value
          where the report prints one, and its line;
        - ``målnivå``: the :class:`Målnivå` read from ``mål_text`` (None where
          no target is printed);
        - ``anmärkning``: notes on reading the row.

        ``attrs["källa"]`` names the report.

    Notes
    -----
    The trend words are the report's; they are kept as data. The guide's page
    on indicators lists the rows where :func:`~halsouppfoljning.trend`
    reproduces them and the rows where the report does not print the value it
    compared with.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> df = hu.exempeldata.indikatortabell_västmanland_2023_02()
    >>> df.loc[df.rad == 101, "utfall_delar"].item()
    (0.484, 0.31, 0.56)
    >>> sorted(df.tabell.unique())[:3]
    ['ekonomi', 'ekonomi åtgärdsplan', 'medarbetare']

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, HSF230126.
    """
    df = läs_datafil("vastmanland_2023_02_indikatorer.csv")
    df["rad"] = df["rad"].astype(int)
    for kolumn in ("utfall", "förändring", "föregående"):
        df[kolumn] = _filtal(df[kolumn])
    df["föregående_rad"] = _filheltal(df["föregående_rad"])
    delar = [
        tuple(float(x) for x in text.split(";")) if text else None for text in df["utfall_delar"]
    ]
    df["utfall_delar"] = _objekt(delar, df.index)
    df["målnivå"] = _objekt(_målnivåer(df), df.index)
    df.attrs["källa"] = KÄLLA_VÄSTMANLAND
    return df


def _indikatorer(df: pd.DataFrame, år: int, extra: bool = False) -> dict[str, Indikator]:
    ut: dict[str, Indikator] = {}
    for iid, grupp in df.groupby("indikator_id", sort=False):
        namn = list(dict.fromkeys(grupp["indikator"]))
        med_mål = grupp[grupp["målnivå"].notna()]
        mål = {år: med_mål["målnivå"].iloc[0]} if len(med_mål) else {}
        första = grupp.iloc[0]
        ut[str(iid)] = Indikator(
            id=str(iid),
            namn=namn[0],
            alias=tuple(namn[1:]),
            enhet=första["enhet"] or None,
            riktning=första["riktning"] or None,
            målnivåer=mål,
            källa=(första["källa"] or None) if extra else None,
            periodicitet=(första["periodicitet"] or None) if extra else None,
            aggregering=(första["aggregering"] or None) if extra else None,
        )
    return ut


def indikatorer_västmanland_2023_02() -> dict[str, Indikator]:
    """The indicators of Region Västmanland's February 2023 report as :class:`Indikator` objects.

    Returns
    -------
    dict of str to Indikator
        Keyed by ``indikator_id``; names printed differently in other tables
        are the ``alias``; ``målnivåer`` holds the 2023 target where one is
        printed (from the first row that has one).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> ind = hu.exempeldata.indikatorer_västmanland_2023_02()
    >>> sjuk = ind["sjukfranvaro"]
    >>> str(sjuk.målnivå(2023)), sjuk.riktning.name
    ('6 %', 'LÄGRE_ÄR_BÄTTRE')
    >>> sjuk.trend(0.083, 0.117)
    <Trend.POSITIV: 'positiv'>
    """
    return _indikatorer(indikatortabell_västmanland_2023_02(), 2023)


def indikatortabell_värmland_2023() -> pd.DataFrame:
    """The 27 indicators of Region Värmland's 2023 annual report (Hälso- och sjukvårdsnämnden).

    Returns
    -------
    pandas.DataFrame
        One row per indicator in report order, columns ``resultatmål``,
        ``effektmål``, ``namn_rad`` and ``rad`` (lines of the name and of the
        values), ``indikator``, ``indikator_id``, ``mål_text``,
        ``utfall_text``, ``utfall``, ``kvinnor_text``, ``kvinnor``,
        ``män_text``, ``män`` (printed, and read as numbers: percent as
        shares), ``enhet``, ``riktning``, ``riktning_källa``,
        ``periodicitet`` and ``periodicitet_rad`` (from the report's table of
        indicator properties), ``aggregering``, ``aggregering_källa``,
        ``källa`` (data source), ``föregående`` and ``föregående_rad`` (the
        previous year's value where the text prints it), ``mål_i_löptext`` and
        ``mål_i_löptext_rad`` (the target as the running text words it),
        ``anmärkning`` and ``målnivå`` (:class:`Målnivå` or None).

    Notes
    -----
    The running text sometimes words a target differently from the table:
    "<10 %" in the table is "högst 10 procent" in the text (vårdskador), and
    "<21 %" is "högst 21 procent" (återinskrivningar); strict and inclusive
    differ only for an outcome exactly at the limit. ``målnivå`` follows the
    table.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> df = hu.exempeldata.indikatortabell_värmland_2023()
    >>> len(df), df.resultatmål.nunique()
    (27, 5)
    >>> r = df[df.indikator_id == "bup_behandling_30_dagar"].iloc[0]
    >>> r.mål_text, float(r.utfall), hu.måluppfyllelse(r.utfall, r.målnivå).name
    ('76%', 0.89, 'UPPNÅDD')

    References
    ----------
    Region Värmland, Hälso- och sjukvårdsnämnden, Årsredovisning 2023.
    """
    df = läs_datafil("varmland_2023_indikatorer.csv")
    for kolumn in ("rad", "namn_rad"):
        df[kolumn] = df[kolumn].astype(int)
    for kolumn in ("utfall", "kvinnor", "män", "föregående"):
        df[kolumn] = _filtal(df[kolumn])
    for kolumn in ("periodicitet_rad", "föregående_rad", "mål_i_löptext_rad"):
        df[kolumn] = _filheltal(df[kolumn])
    df["målnivå"] = _objekt(_målnivåer(df), df.index)
    df.attrs["källa"] = KÄLLA_VÄRMLAND
    return df


def indikatorer_värmland_2023() -> dict[str, Indikator]:
    """The 27 indicators of Region Värmland's 2023 annual report as :class:`Indikator` objects.

    Returns
    -------
    dict of str to Indikator
        Keyed by ``indikator_id``, with ``periodicitet``, ``aggregering`` and
        ``källa`` where the report gives them, and the 2023 target.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> ind = hu.exempeldata.indikatorer_värmland_2023()
    >>> d = ind["diabetes_hba1c"]
    >>> d.aggregering.name, d.periodicitet.name, str(d.målnivå(2023))
    ('R18', 'TERTIAL', '85 %')
    """
    return _indikatorer(indikatortabell_värmland_2023(), 2023, extra=True)


def resultatmål_värmland_2023() -> pd.DataFrame:
    """The five resultatmål of Region Värmland's Hälso- och sjukvårdsnämnd and their assessment.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``resultatmål``, columns ``effektmål``, ``bedömning_text``
        (the report's words), ``bedömning`` (:class:`Måluppfyllelse`),
        ``rad`` (line in the summary), ``avsnitt_rad`` and ``avsnitt_text``
        (the restatement in the goal's section, where there is one).

    Notes
    -----
    The assessment is a judgement the nämnd reports; it does not follow
    mechanically from the indicators, so it is stored, not computed.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> rm = hu.exempeldata.resultatmål_värmland_2023()
    >>> rm.loc["Tillgänglig vård", "bedömning"]
    <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
    >>> rm.bedömning.map(lambda b: b.name).value_counts().to_dict()
    {'DELVIS': 3, 'EJ_UPPNÅDD': 2}
    """
    df = läs_datafil("varmland_2023_resultatmal.csv")
    df["rad"] = df["rad"].astype(int)
    df["avsnitt_rad"] = _filheltal(df["avsnitt_rad"])
    df["bedömning"] = _objekt([Måluppfyllelse[b] for b in df["bedömning"]], df.index)
    df.attrs["källa"] = KÄLLA_VÄRMLAND
    return df.set_index("resultatmål")
