"""Bundled economy figures (published, with provenance) and a synthetic generator.

Published figures come from two reports in the project's seeds, copied exactly
as printed into ``data/vastmanland_2023_02_ekonomi*.csv`` and
``data/varmland_2023_ekonomi.csv``; each row carries ``rad``, its line in the
seed text. Figures a report does not print (the sensitivity items' ranges,
shown only as a chart) stay missing.

Examples
--------
>>> import halsouppfoljning as hu
>>> rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
>>> rr.loc["Resultat", ["ack_utfall", "ack_budget", "ack_avvikelse"]].tolist()
[-174.1, -8.5, -165.6]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._data import KÄLLA_VÄRMLAND, KÄLLA_VÄSTMANLAND, läs_datafil
from .._indata import TalIn, heltal, kort, skalär, slumpgenerator, tal_array
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..prognos import Prognos
from ..tolka import tolka_tal

__all__ = [
    "avvikelser_västmanland_2023_02",
    "ekonomi_värmland_2023",
    "känslighetsposter_västmanland_2023_02",
    "nyckeltal_västmanland_2023_02",
    "prognos_västmanland_2023_02",
    "resultaträkning_västmanland_2023_02",
    "syntetiska_månadsutfall",
]


def resultaträkning_västmanland_2023_02() -> pd.DataFrame:
    """Region Västmanland's result statement, February 2023 (*förenklad resultaträkning*).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``post`` (the line as printed), columns ``radtyp``
        ("intäkt", "kostnad", "varav", "summa intäkter", "summa kostnader",
        "resultat") and the printed figures [mnkr], costs negative:
        ``ack_utfall``, ``ack_budget``, ``ack_avvikelse`` (year to date),
        ``ack_utfall_fg_år``, ``helår_prognos``, ``helår_budget``,
        ``avvikelse_prognos_budget``, ``bokslut_fg_år``,
        ``ack_avvikelse_fg_år``, and ``rad``, the line in the seed text.
        ``attrs["källa"]`` names the report.

    Notes
    -----
    Printed deviations are rounded from unrounded amounts: ``ack_utfall -
    ack_budget`` reproduces ``ack_avvikelse`` within 0,1 mnkr (one printed
    decimal), e.g. Personalkostnader -796,2 - (-642,5) = -153,7 against the
    printed -153,8.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    >>> rr.loc["Köpt vård", ["ack_utfall", "ack_utfall_fg_år"]].tolist()
    [-189.4, -163.0]
    >>> int(rr.loc["Köpt vård", "rad"])
    1103

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Förenklad resultaträkning (mkr)", lines 1034-1117 of the
    seed text.
    """
    tabell = läs_datafil("vastmanland_2023_02_ekonomi_resultatrakning.csv")
    tal = [k for k in tabell.columns if k not in {"post", "radtyp", "rad"}]
    ut = pd.DataFrame({"radtyp": tabell["radtyp"].astype(object)})
    for kolumn in tal:
        ut[kolumn] = tolka_tal(tabell[kolumn])
    ut["rad"] = tabell["rad"].astype(np.int64)
    ut.index = pd.Index(tabell["post"].astype(object), name="post")
    ut.attrs["källa"] = f"{KÄLLA_VÄSTMANLAND}, Förenklad resultaträkning (mkr)"
    return ut


def nyckeltal_västmanland_2023_02() -> pd.DataFrame:
    """Economy figures printed in the text of Region Västmanland's February 2023 report.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``mått`` (what the figure is), columns ``värde`` (percent as
        a share [andel, 0-1], money [mnkr]), ``enhet``, ``som_tryckt`` (as
        printed), ``rad`` and ``sammanhang`` (the printed sentence).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> n = hu.exempeldata.nyckeltal_västmanland_2023_02()
    >>> float(n.loc["bruttokostnadsutveckling", "värde"])
    0.054
    >>> float(n.loc["föregående årsprognos", "värde"])
    -800.0

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, lines 17-485 of the seed text.
    """
    tabell = läs_datafil("vastmanland_2023_02_ekonomi_nyckeltal.csv")
    ut = pd.DataFrame(
        {
            "värde": tolka_tal(tabell["som_tryckt"]),
            "enhet": tabell["enhet"].astype(object),
            "som_tryckt": tabell["som_tryckt"].astype(object),
            "rad": tabell["rad"].astype(np.int64),
            "sammanhang": tabell["sammanhang"].astype(object),
        }
    )
    ut.index = pd.Index(tabell["mått"].astype(object), name="mått")
    ut.attrs["källa"] = KÄLLA_VÄSTMANLAND
    return ut


def prognos_västmanland_2023_02() -> Prognos:
    """Region Västmanland's full-year forecast in February 2023, "-890 mnkr +20/-50 mnkr".

    Returns
    -------
    Prognos
        värde -890, interval [-940, -870] mnkr, avser "helår 2023",
        upprättad 2023-02-28, budget 0,0 (the result statement's full-year
        budget), föregående -800 (the earlier forecast, line 17), metod
        "bedömning" (a judgement built on a sensitivity analysis).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> p = hu.exempeldata.prognos_västmanland_2023_02()
    >>> p.intervall, p.revidering
    ((-940.0, -870.0), -90.0)

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023: "Årsprognos, -890 mnkr +20/-50 mnkr" (line 49),
    "Prognos - 890 mkr +20/-50 mnkr." (line 496), "försämring mot tidigare
    beräknat minus 800 miljoner" (line 17), Helår Budget 0,0 (line 1117).
    """
    nyckeltal = nyckeltal_västmanland_2023_02()
    budget: Any = resultaträkning_västmanland_2023_02().loc["Resultat", "helår_budget"]
    föregående: Any = nyckeltal.loc["föregående årsprognos", "värde"]
    return Prognos.tolka(
        "Årsprognos, -890 mnkr +20/-50 mnkr",
        avser="helår 2023",
        upprättad="2023-02",
        budget=float(budget),
        föregående=float(föregående),
        metod="bedömning",
    )


def känslighetsposter_västmanland_2023_02() -> pd.DataFrame:
    """The items of Region Västmanland's sensitivity analysis, February 2023.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``post`` (the item's name as printed), columns ``ned`` and
        ``upp`` [mnkr], **all missing**: the report shows the ranges only as a
        chart, which the text does not hold; and ``rad``. Passing the table to
        :func:`~halsouppfoljning.känslighetsintervall` gives NaN until the
        ranges are filled in.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> k = hu.exempeldata.känslighetsposter_västmanland_2023_02()
    >>> len(k), bool(k["ned"].isna().all())
    (8, True)
    >>> hu.känslighetsintervall(k, punkt=-890)
    (nan, nan)

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Känslighetsintervall i prognos (mnkr)", lines 521-539.
    """
    tabell = läs_datafil("vastmanland_2023_02_ekonomi_kanslighet.csv")
    ut = pd.DataFrame(
        {
            "ned": tolka_tal(tabell["ned"]),
            "upp": tolka_tal(tabell["upp"]),
            "rad": tabell["rad"].astype(np.int64),
        }
    )
    ut.index = pd.Index(tabell["post"].astype(object), name="post")
    ut.attrs["källa"] = f"{KÄLLA_VÄSTMANLAND}, Känslighetsintervall i prognos (mnkr)"
    return ut


def avvikelser_västmanland_2023_02() -> pd.DataFrame:
    """The larger budget deviations Region Västmanland explains, February 2023.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` ("ack februari" or "helår"), ``post``, ``värde``
        [mnkr] (signed, negative unfavourable), ``som_tryckt`` and ``rad``.
        Explanations, not a partition: they do not add up to the total.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> a = hu.exempeldata.avvikelser_västmanland_2023_02()
    >>> a.loc[a["period"] == "helår", "värde"].iloc[:2].tolist()
    [-800.0, -852.0]

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023, "Större avvikelser mot budget", lines 455-516.
    """
    tabell = läs_datafil("vastmanland_2023_02_ekonomi_avvikelser.csv")
    ut = pd.DataFrame(
        {
            "period": tabell["period"].astype(object),
            "post": tabell["post"].astype(object),
            "värde": tolka_tal(tabell["som_tryckt"]),
            "som_tryckt": tabell["som_tryckt"].astype(object),
            "rad": tabell["rad"].astype(np.int64),
        }
    )
    ut.attrs["källa"] = f"{KÄLLA_VÄSTMANLAND}, Större avvikelser mot budget"
    return ut


def ekonomi_värmland_2023() -> pd.DataFrame:
    """Region Värmland's Hälso- och sjukvårdsnämnd, economy 2023, as printed.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per printed figure, columns ``post``, ``mått``,
        ``värde`` [mnkr] (the printed number; a deviation printed without a
        sign, "551 miljoner kronor högre", stays unsigned, read the direction
        from ``sammanhang``), ``som_tryckt``, ``rad``, ``sammanhang``.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> v = hu.exempeldata.ekonomi_värmland_2023().set_index(["post", "mått"])
    >>> float(v.loc[("Nettokostnad", "ram"), "värde"])
    8022.0
    >>> float(v.loc[("Nettokostnad", "utfall"), "värde"])
    8954.0

    References
    ----------
    Region Värmland, Hälso- och sjukvårdsnämnden, Årsredovisning 2023, 3.2.2
    "Ekonomi i balans", lines 1540-1618 of the seed text.
    """
    tabell = läs_datafil("varmland_2023_ekonomi.csv")
    ut = pd.DataFrame(
        {
            "post": tabell["post"].astype(object),
            "mått": tabell["mått"].astype(object),
            "värde": tolka_tal(tabell["som_tryckt"]),
            "som_tryckt": tabell["som_tryckt"].astype(object),
            "rad": tabell["rad"].astype(np.int64),
            "sammanhang": tabell["sammanhang"].astype(object),
        }
    )
    ut.attrs["källa"] = f"{KÄLLA_VÄRMLAND}, 3.2.2 Ekonomi i balans"
    return ut


#: The largest size of a synthetic monthly figure [mnkr]: 10^9 mnkr is 10^15 kr, far above
#: any budget (and the outcomes stay finite).
_STÖRST_MNKR = 1e9


def syntetiska_månadsutfall(
    antal_år: int = 10,
    *,
    månadsbudget: TalIn | None = None,
    medelavvikelse: float = 0.0,
    spridning: float = 10.0,
    seed: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    """SYNTHETIC monthly results for years, for trying forecast methods (not published data).

    Each month's outcome is its budget plus a normal deviation with mean
    ``medelavvikelse`` and standard deviation ``spridning``, independent
    across months and years: the model under which
    :func:`~halsouppfoljning.helårsprognos` ("budgetprofil") has exact
    coverage.

    Parameters
    ----------
    antal_år : int
        Number of years (rows).
    månadsbudget : array-like of 12, optional
        The monthly budget [mnkr]; default a seasonal profile summing to 0
        (a surplus in spring, a deficit in summer and December). January
        first; a Series must be indexed by month (1..12 or 0..11, in order).
    medelavvikelse, spridning : float
        Mean and standard deviation of the monthly deviation [mnkr].
    seed : int or numpy.random.Generator, optional
        For reproducibility.

    Returns
    -------
    pandas.DataFrame
        One row per year (index ``år``, 1..antal_år), columns months 1..12
        [mnkr]; ``attrs["källa"]`` says "syntetisk".

    Raises
    ------
    FelTypError
        For a number that is not a number (text, a boolean).
    OgiltigtVärdeError
        For an ``antal_år`` that is not a whole number in 1-1000, a
        negative ``spridning``, a budget that is not 12 months or has a
        missing month, or a figure above 10^9 mnkr in size.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> t = hu.exempeldata.syntetiska_månadsutfall(3, seed=1)
    >>> t.shape, t.attrs["källa"]
    ((3, 12), 'syntetisk')
    """
    vad = "syntetiska_månadsutfall"
    år = heltal(antal_år, f"{vad}: antal_år", minst=1, högst=1000)
    medel = skalär(medelavvikelse, f"{vad}: medelavvikelse")
    sd = skalär(spridning, f"{vad}: spridning")
    if sd < 0:
        raise OgiltigtVärdeError(f"{vad}: spridning must be >= 0, got {spridning!r}")
    sd = abs(sd)  # -0.0 is 0: numpy refuses a scale whose sign bit is set
    if månadsbudget is None:
        budget = np.array([-4.0, 6.0, 8.0, 6.0, 4.0, -10.0, -20.0, -6.0, 6.0, 8.0, 6.0, -4.0])
    else:
        if isinstance(månadsbudget, (list, tuple)):
            sanna = [i for i, v in enumerate(månadsbudget) if isinstance(v, (bool, np.bool_))]
            if sanna:
                raise FelTypError(
                    f"{vad}: månadsbudget must be numbers [mnkr], got the boolean "
                    f"{månadsbudget[sanna[0]]!r} for month {sanna[0] + 1}; give an amount"
                )
        if isinstance(månadsbudget, pd.Series) and list(månadsbudget.index) not in (
            list(range(12)),
            list(range(1, 13)),
        ):
            raise OgiltigtVärdeError(
                f"{vad}: månadsbudget is a Series whose index is not the months in order "
                f"(1..12 or 0..11), got {kort(list(månadsbudget.index))}; sort it by month, or "
                "pass the 12 amounts as a list, January first"
            )
        budget = tal_array(månadsbudget, f"{vad}: månadsbudget")
        if budget.shape != (12,):
            raise OgiltigtVärdeError(
                f"{vad}: månadsbudget must hold 12 months, got shape {budget.shape}; pass "
                "one budget per month, January first"
            )
        if np.isnan(budget).any():
            raise OgiltigtVärdeError(
                f"{vad}: månadsbudget is missing (NaN) for month "
                f"{int(np.flatnonzero(np.isnan(budget))[0]) + 1}; give all 12 months"
            )
    for namn, värde in (
        ("medelavvikelse", abs(medel)),
        ("spridning", sd),
        ("månadsbudget", float(np.abs(budget).max())),
    ):
        if värde > _STÖRST_MNKR:
            raise OgiltigtVärdeError(
                f"{vad}: {namn} is {värde:.3g} mnkr in size, above 10^9 mnkr (10^15 kr); "
                "give the figures in mnkr"
            )
    rng = slumpgenerator(seed, f"{vad}: seed")
    utfall = budget + rng.normal(medel, sd, size=(år, 12))
    ut = pd.DataFrame(
        utfall,
        index=pd.RangeIndex(1, år + 1, name="år"),
        columns=pd.RangeIndex(1, 13, name="månad"),
    )
    ut.attrs["källa"] = "syntetisk"
    return ut
