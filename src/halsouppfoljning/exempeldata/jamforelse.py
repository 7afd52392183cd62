"""Example data for comparing regions: the core indicators' metadata and synthetic panels.

:func:`kärnindikatorer_nära_vård` is the bundled metadata (names, units,
directions; no values) of the national core indicators of god och nära vård.
:func:`syntetisk_kolada` and :func:`syntetisk_befolkning` generate SYNTHETIC
numbers in Kolada's layout for examples and tests; they are not published
figures and are labelled synthetic wherever they are shown.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._data import läs_datafil
from .._indata import följd, heltal, slumpgenerator, unika_nycklar
from ..exceptions import FelTypError, OgiltigtVärdeError
from ..indikatorer import Riktning
from ..organisation import regioner

__all__ = ["kärnindikatorer_nära_vård", "syntetisk_befolkning", "syntetisk_kolada"]

_KÄLLA = (
    "Metadata of the national core indicators for the follow-up of the transition to god "
    "och nära vård (Socialstyrelsen's core indicators, also shown by SKR and Kolada), as "
    "enumerated in the project's issue 8; units and directions marked 'härledd' are read "
    "from the indicator's name and should be checked against Socialstyrelsen's indicator "
    "descriptions. No values are bundled: they come from the user."
)


@functools.cache
def _kärnindikatorer() -> pd.DataFrame:
    """The bundled file ``data/karnindikatorer_nara_vard.csv``, read once (copied on use)."""
    tabell = läs_datafil("karnindikatorer_nara_vard.csv").replace("", np.nan)
    tabell["riktning"] = tabell["riktning"].map(lambda namn: Riktning[namn])
    return tabell.set_index("id")


def kärnindikatorer_nära_vård() -> pd.DataFrame:
    """Metadata of the national core indicators (*kärnindikatorer*) of god och nära vård.

    Names, units and directions only: no values (those come from the user,
    e.g. from Kolada). The ids are this package's own keys, used by
    :func:`~halsouppfoljning.förändring`, :func:`~halsouppfoljning.rangordning`
    and :func:`~halsouppfoljning.färgklasser` to find an indicator's direction
    when none is passed.

    Returns
    -------
    pandas.DataFrame
        Index ``id``; columns ``namn``, ``enhet`` (``andel`` [andel, 0-1] or
        ``antal``; NaN where the unit is not stated), ``per`` (the base of a
        rate, e.g. ``100000 invånare``), ``riktning``
        (:class:`~halsouppfoljning.Riktning`), ``enhet_grund`` and
        ``riktning_grund`` (``angiven``: stated in the national list;
        ``härledd``: read from the name, to check), ``beskrivning``.
        ``attrs["källa"]`` is the note on the source.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> k = hu.exempeldata.kärnindikatorer_nära_vård()
    >>> len(k)
    12
    >>> k.loc["överbeläggningar", ["enhet", "per"]].tolist()
    ['antal', '100 disponibla vårdplatser']
    >>> k.loc["påverkbar_slutenvård", "riktning"]
    <Riktning.LÄGRE_ÄR_BÄTTRE: 'lägre är bättre'>

    References
    ----------
    .. [1] Socialstyrelsen, uppföljning av omställningen till en god och nära
       vård: nationella kärnindikatorer (see the bundled file's header).
    """
    tabell = _kärnindikatorer().copy()
    tabell.attrs["källa"] = _KÄLLA
    return tabell


def syntetisk_befolkning(*, seed: int | None = None) -> pd.Series:
    """SYNTHETIC population per region, for examples (not SCB's figures).

    Parameters
    ----------
    seed : int, optional
        Seed of the random generator.

    Returns
    -------
    pandas.Series
        Index ``region`` (official names, länskod order), whole numbers of
        inhabitants, name ``befolkning``: rough sizes (Stockholm about 2,4
        million, Gotland about 60 000) varied at random by up to 10 %, so
        that examples keep a realistic order of size. Not SCB's figures.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> b = hu.exempeldata.syntetisk_befolkning(seed=1)
    >>> len(b), bool((b > 0).all())
    (21, True)
    """
    rng = slumpgenerator(seed, "syntetisk_befolkning: seed")
    namn = [r.namn for r in regioner()]
    # Rough sizes in thousands, in länskod order, so that the synthetic regions keep
    # a realistic order of size (Stockholm largest, Gotland smallest); each is varied
    # by up to +-10 %. These are not SCB's figures.
    storlek = np.array(
        [2400, 400, 300, 470, 370, 200, 250, 60, 160, 1400, 340,
         1750, 280, 300, 280, 290, 290, 240, 130, 270, 250],
        dtype=float,
    )  # fmt: skip
    värden = np.round(storlek * 1000 * rng.uniform(0.9, 1.1, len(namn)))
    return pd.Series(
        värden.astype(np.int64), index=pd.Index(namn, name="region"), name="befolkning"
    )


def syntetisk_kolada(
    *,
    seed: int | None = None,
    år: Iterable[int] = (2019, 2020, 2021, 2022, 2023),
    indikatorer: str | Iterable[str] = (
        "medicinsk_bedömning_3_dagar",
        "oplanerade_återinskrivningar",
        "påverkbar_slutenvård",
    ),
) -> pd.DataFrame:
    """A SYNTHETIC table in Kolada's layout for the 21 regions and Riket.

    Shares (bundled unit ``andel``) get a numerator and a denominator, and
    Riket's row is their ratio of sums (as a source would print it); rates get
    a value only, and Riket's row is the population-weighted mean. Every
    number is random: use it to try the functions, never as data.

    Parameters
    ----------
    seed : int, optional
        Seed of the random generator.
    år : tuple of int
        The years (each once, 1900-2100).
    indikatorer : tuple of str
        Ids of bundled core indicators (each once; a bare string is one id).

    Raises
    ------
    OgiltigtVärdeError
        For an unknown indicator id, an empty or repeated year or id, or a
        year outside 1900-2100.
    FelTypError
        For years or ids of the wrong type, or a seed that is not a seed.

    Returns
    -------
    pandas.DataFrame
        Columns ``kpi``, ``municipality_id`` (Kolada ids, ``"0000"`` for
        Riket), ``year``, ``gender`` (``"T"``), ``value``, ``täljare``,
        ``nämnare`` (NaN for rates), ``befolkning``. ``attrs["syntetisk"]``
        is True.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> k = hu.exempeldata.syntetisk_kolada(seed=3)
    >>> k.shape
    (330, 8)
    >>> panel = hu.regionpanel_från_kolada(k, täljare="täljare", nämnare="nämnare",
    ...                                    behåll=["befolkning"])
    >>> s = hu.sammanvägning(panel, vikter="befolkning")
    >>> bool((s["skillnad_mot_publicerat"].abs() < 1e-9).all())
    True
    """
    vad = "syntetisk_kolada"
    åren = tuple(
        heltal(a, f"{vad}: år[{i}]", minst=1900, högst=2100)
        for i, a in enumerate(följd(år, f"{vad}: år"))
    )
    indikatorlista = (
        (indikatorer,)
        if isinstance(indikatorer, str)
        else följd(indikatorer, f"{vad}: indikatorer")
    )
    kända = _kärnindikatorer().index
    for i, ind in enumerate(indikatorlista):
        if not isinstance(ind, str):
            raise FelTypError(
                f"{vad}: indikatorer[{i}] must be the id of a bundled core indicator (str), got "
                f"{ind!r} of type {type(ind).__name__}"
            )
        if ind not in kända:
            raise OgiltigtVärdeError(
                f"{vad}: indikatorer[{i}] {ind!r} is not a bundled core indicator; the ids are "
                f"{list(kända)!r} (see kärnindikatorer_nära_vård())"
            )
    for namn, värden in (("år", åren), ("indikatorer", indikatorlista)):
        if not värden:
            raise OgiltigtVärdeError(f"{vad}: {namn} is empty; give at least one")
        unika_nycklar(värden, namn, vad)
    rng = slumpgenerator(seed, f"{vad}: seed")
    meta = _kärnindikatorer().loc[list(indikatorlista)]
    reg = regioner()
    ids = np.array([r.kolada_id for r in reg])
    befolkning = syntetisk_befolkning(seed=seed).to_numpy(dtype=float)
    n_r, n_å, n_i = len(reg), len(åren), len(indikatorlista)
    # Grid of indicator × year × region, built with numpy (no loops over rows).
    nät = np.meshgrid(np.arange(n_i), np.arange(n_å), np.arange(n_r), indexing="ij")
    ii, åå, rr = (np.ravel(x) for x in nät)
    är_andel = (meta["enhet"].to_numpy() == "andel")[ii]
    nivå = rng.uniform(0.3, 0.8, n_i)[ii] + rng.normal(0, 0.05, n_r)[rr] + 0.01 * åå
    andel = np.clip(nivå + rng.normal(0, 0.02, len(ii)), 0.01, 0.99)
    nämnare = np.round(befolkning[rr] * rng.uniform(0.01, 0.05, len(ii)))
    täljare = np.round(andel * nämnare)
    takt = np.round(rng.uniform(800, 1500, n_i)[ii] * (0.8 + 0.4 * rng.random(len(ii))), 1)
    värde = np.where(är_andel, täljare / nämnare, takt)
    tabell = pd.DataFrame(
        {
            "kpi": meta.index.to_numpy()[ii],
            "municipality_id": ids[rr],
            "year": np.asarray(åren, dtype=np.int64)[åå],
            "gender": "T",
            "value": värde,
            "täljare": np.where(är_andel, täljare, np.nan),
            "nämnare": np.where(är_andel, nämnare, np.nan),
            "befolkning": befolkning[rr],
        }
    )
    grupp = tabell.groupby(["kpi", "year"], sort=False)
    summor = grupp[["täljare", "nämnare"]].sum(min_count=1)
    viktat = (tabell["value"] * tabell["befolkning"]).groupby(
        [tabell["kpi"], tabell["year"]], sort=False
    ).sum() / grupp["befolkning"].sum()
    riket = summor.assign(
        value=np.where(summor["nämnare"].notna(), summor["täljare"] / summor["nämnare"], viktat),
        befolkning=grupp["befolkning"].sum(),
    ).reset_index()
    riket = riket.assign(municipality_id="0000", gender="T")[tabell.columns]
    ut = pd.concat([riket, tabell], ignore_index=True)
    ut.attrs["syntetisk"] = True
    return ut
