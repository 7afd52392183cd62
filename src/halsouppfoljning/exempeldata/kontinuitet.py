"""Synthetic primary-care visits for the continuity index (labelled synthetic everywhere).

:func:`syntetiska_besök` draws visits whose continuity resembles Swedish
primary care: each patient is listed at a unit (:term:`listningsenhet`) and has a
usual doctor there who takes most of the patient's doctor visits; the other
visits go to colleagues at the unit, to nurses, and a few to other units. The
national mean of the kontinuitetsindex (COC, patients with at least three
doctor visits) comes out near 0.3, as published for December 2023.

Examples
--------
>>> import halsouppfoljning as hu
>>> besök = hu.exempeldata.syntetiska_besök(1_000, seed=1)
>>> list(besök.columns)
['patient', 'vårdgivare', 'yrke', 'datum', 'enhet', 'listningsenhet', 'region', 'ordinarie_läkare']
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from .._indata import Datum, andel, heltal, rimligt_datum, skalär, slumpgenerator
from ..exceptions import OgiltigtVärdeError

__all__ = ["syntetiska_besök"]

#: Region codes (länskod) of the 21 regions, used to label units.
_REGIONKODER = (
    "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13",
    "14", "17", "18", "19", "20", "21", "22", "23", "24", "25",
)  # fmt: skip


#: The largest synthetic frame (rows) a call may ask for: beyond it, memory runs out.
_HÖGST = 10_000_000
#: The most providers a unit may have (a vårdcentral has tens).
_HÖGST_PER_ENHET = 10_000


def syntetiska_besök(
    n_besök: int,
    *,
    seed: int | None = None,
    besök_per_patient: float = 5.0,
    besök_per_vårdgivare: float = 667.0,
    vårdgivare_per_enhet: int = 25,
    andel_ordinarie: float = 0.3,
    slutdatum: Datum = "2023-12-31",
) -> pd.DataFrame:
    """Synthetic primary-care visits with realistic continuity (*syntetiska besök*).

    Synthetic data, not real patients: use it to try the functions and to
    benchmark them. Everything is drawn with ``numpy`` from ``seed``.

    Parameters
    ----------
    n_besök : int
        Number of visits (rows) [besök].
    seed : int, optional
        Seed of the random generator; the same seed gives the same frame.
    besök_per_patient : float, default 5.0
        Mean visits per patient (at least 1); 20 million visits give about
        4 million patients.
    besök_per_vårdgivare : float, default 667.0
        Mean visits per care provider (at least 1); 20 million visits give
        about 30 000 providers (doctors and nurses).
    vårdgivare_per_enhet : int, default 25
        Providers per unit (*vårdcentral*); the first 60 % of a unit's
        providers are doctors (*läkare*), the rest nurses (*sjuksköterska*).
    andel_ordinarie : float, default 0.3
        Mean share [andel, 0-1] of a patient's visits taken by the usual
        doctor (drawn per patient from a Beta distribution with this mean).
    slutdatum : str, datetime.date or pandas.Timestamp, default "2023-12-31"
        The last day of the two years over which the visit dates are spread
        (uniformly over the days of ``(slutdatum − 2 years, slutdatum]``, at
        times between 08:00 and 17:00).

    Returns
    -------
    pandas.DataFrame
        One row per visit, in random order, columns ``patient`` (int64),
        ``vårdgivare`` (int64 provider id), ``yrke`` (categorical, "läkare" or
        "sjuksköterska"), ``datum`` (datetime64, over two years ending at
        ``slutdatum``), ``enhet`` (categorical unit of the visit, "VC00001"
        ...), ``listningsenhet`` (categorical, the patient's listing unit,
        same categories as ``enhet``), ``region`` (categorical länskod of the
        listing unit) and ``ordinarie_läkare`` (int64, the patient's usual
        doctor, for ``metod="upc"``).

    Raises
    ------
    FelTypError
        If ``n_besök`` or a rate is not a number, or ``slutdatum`` is not a date.
    OgiltigtVärdeError
        If ``n_besök`` is negative, not whole or above 10 000 000, a mean
        number of visits is below 1, ``vårdgivare_per_enhet`` is outside
        1-10 000, ``slutdatum`` is outside 1900-2199 or ambiguous
        (``"01/12/2023"``), or ``andel_ordinarie`` is not a share strictly
        between 0 and 1.
    AndelsError
        If ``andel_ordinarie`` is outside [0, 1] ("did you pass percent?").

    Notes
    -----
    Per patient: an activity weight :math:`w \\sim \\mathrm{Gamma}(1, 1)`
    (visits are drawn with probability proportional to it, so the number of
    visits per patient is roughly geometric), a listing unit, a usual doctor
    at that unit and a share :math:`q \\sim \\mathrm{Beta}` with mean
    ``andel_ordinarie``. Each visit is with the usual doctor with probability
    :math:`q`; otherwise with a random provider of the listing unit (92 %) or
    of a random other unit (8 %). With the defaults the mean COC over
    patients with at least three doctor visits is about 0.3.

    See Also
    --------
    halsouppfoljning.kontinuitetsindex : the index these visits are made for.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> besök = hu.exempeldata.syntetiska_besök(200_000, seed=1)
    >>> len(besök)
    200000
    >>> coc = hu.kontinuitetsindex(besök, yrke="yrke", yrken="läkare")
    >>> print(f"{coc.mean():.2f}")
    0.29
    """
    vad = "syntetiska_besök"
    n = heltal(n_besök, f"{vad}: n_besök", minst=0, högst=_HÖGST)
    per_patient = skalär(besök_per_patient, f"{vad}: besök_per_patient")
    per_vårdgivare = skalär(besök_per_vårdgivare, f"{vad}: besök_per_vårdgivare")
    per_enhet = heltal(
        vårdgivare_per_enhet, f"{vad}: vårdgivare_per_enhet", minst=1, högst=_HÖGST_PER_ENHET
    )
    for namn, värde in (
        ("besök_per_patient", per_patient),
        ("besök_per_vårdgivare", per_vårdgivare),
    ):
        if not värde >= 1:
            raise OgiltigtVärdeError(
                f"{vad}: {namn} must be at least 1 (a mean number of visits), got {värde!r}; "
                f"e.g. {namn}=5"
            )
    q = skalär(andel_ordinarie, f"{vad}: andel_ordinarie")
    andel(q, f"{vad}: andel_ordinarie")
    if not 0.0 < q < 1.0:
        raise OgiltigtVärdeError(
            f"{vad}: andel_ordinarie must be a share strictly between 0 and 1, got {q!r}"
        )
    slut = rimligt_datum(slutdatum, f"{vad}: slutdatum")
    rng = slumpgenerator(seed, f"{vad}: seed")
    befolkning = _befolkning(
        n,
        rng,
        besök_per_patient=per_patient,
        besök_per_vårdgivare=per_vårdgivare,
        vårdgivare_per_enhet=per_enhet,
        andel_ordinarie=q,
    )
    return _besök_ur(befolkning, n, rng, slutdatum=slut)


def _minst_ett(_: object, attribut: attrs.Attribute[int], värde: object) -> None:
    if isinstance(värde, bool) or not isinstance(värde, int) or värde < 1:
        raise OgiltigtVärdeError(f"_Befolkning.{attribut.name} must be an int >= 1, got {värde!r}")


def _lika_långa(befolkning: _Befolkning, attribut: attrs.Attribute[Any], värde: object) -> None:
    if not isinstance(värde, np.ndarray) or värde.shape != befolkning.p_enhet.shape:
        raise OgiltigtVärdeError(
            f"_Befolkning.{attribut.name} must be an array with one value per patient"
        )


@attrs.frozen(kw_only=True)
class _Befolkning:
    """The drawn patients and units that visits are then drawn from (internal)."""

    k: int = attrs.field(validator=_minst_ett)  # providers per unit
    n_läkare_per_enhet: int = attrs.field(validator=_minst_ett)
    n_enheter: int = attrs.field(validator=_minst_ett)
    p_enhet: npt.NDArray[np.int64] = attrs.field(
        validator=attrs.validators.instance_of(np.ndarray)
    )  # listing unit per patient
    p_läkare: npt.NDArray[np.int64] = attrs.field(validator=_lika_långa)  # usual doctor
    p_q: npt.NDArray[np.float64] = attrs.field(validator=_lika_långa)  # share with the usual doctor
    vikt: npt.NDArray[np.float64] = attrs.field(validator=_lika_långa)  # cumulative, ends at 1


def _befolkning(
    n: int,
    rng: np.random.Generator,
    *,
    besök_per_patient: float,
    besök_per_vårdgivare: float,
    vårdgivare_per_enhet: int,
    andel_ordinarie: float,
) -> _Befolkning:
    """Patients with listing unit, usual doctor and share, sized for ``n`` visits."""
    k = vårdgivare_per_enhet
    n_läkare_per_enhet = max(1, round(0.6 * k))
    n_enheter = max(1, round(n / besök_per_vårdgivare / k))
    n_patienter = max(1, round(n / besök_per_patient))
    p_enhet = rng.integers(0, n_enheter, n_patienter)
    p_läkare = p_enhet * k + rng.integers(0, n_läkare_per_enhet, n_patienter)
    styrka = 2.0
    p_q = rng.beta(styrka * andel_ordinarie, styrka * (1.0 - andel_ordinarie), n_patienter)
    vikt = np.cumsum(rng.gamma(1.0, 1.0, n_patienter))
    vikt /= vikt[-1]
    return _Befolkning(
        k=k,
        n_läkare_per_enhet=n_läkare_per_enhet,
        n_enheter=n_enheter,
        p_enhet=p_enhet,
        p_läkare=p_läkare,
        p_q=p_q,
        vikt=vikt,
    )


def _besök_ur(
    bef: _Befolkning,
    n: int,
    rng: np.random.Generator,
    *,
    slutdatum: dt.date = dt.date(2023, 12, 31),
) -> pd.DataFrame:
    """Draw ``n`` visits from the patients of ``bef`` (a chunk of a larger set is fine)."""
    k, n_enheter = bef.k, bef.n_enheter
    n_patienter = bef.vikt.size
    patient = np.searchsorted(bef.vikt, rng.random(n), side="right").astype(np.int64)
    np.minimum(patient, n_patienter - 1, out=patient)
    enhet_p = bef.p_enhet[patient]
    ordinarie = rng.random(n) < bef.p_q[patient]
    annan_enhet = rng.random(n) < 0.08
    besöksenhet = np.where(annan_enhet, rng.integers(0, n_enheter, n), enhet_p)
    slumpad = besöksenhet * k + rng.integers(0, k, n)
    vårdgivare = np.where(ordinarie, bef.p_läkare[patient], slumpad).astype(np.int64)
    besöksenhet = np.where(ordinarie, enhet_p, besöksenhet)
    är_läkare = (vårdgivare % k) < bef.n_läkare_per_enhet
    slut_ts = pd.Timestamp(slutdatum)
    dagar = (slut_ts - (slut_ts - pd.DateOffset(years=2))).days  # 730 or 731
    slut = slut_ts.to_datetime64().astype("datetime64[D]")
    dag = slut - rng.integers(0, dagar, n).astype("timedelta64[D]")
    klocka = rng.integers(8 * 3600, 17 * 3600, n).astype("timedelta64[s]")

    enheter = pd.Index([f"VC{i:05d}" for i in range(1, n_enheter + 1)])
    enhetstyp = pd.CategoricalDtype(enheter)
    regioner_per_enhet = np.asarray(_REGIONKODER)[np.arange(n_enheter) % len(_REGIONKODER)]
    regiontyp = pd.CategoricalDtype(list(_REGIONKODER))
    return pd.DataFrame(
        {
            "patient": patient + 1,
            "vårdgivare": vårdgivare + 100_001,
            "yrke": pd.Categorical.from_codes(
                np.where(är_läkare, 0, 1).astype(np.int8),
                dtype=pd.CategoricalDtype(["läkare", "sjuksköterska"]),
            ),
            "datum": (dag.astype("datetime64[s]") + klocka).astype("datetime64[ns]"),
            "enhet": pd.Categorical.from_codes(besöksenhet.astype(np.int32), dtype=enhetstyp),
            "listningsenhet": pd.Categorical.from_codes(enhet_p.astype(np.int32), dtype=enhetstyp),
            "region": pd.Categorical(regioner_per_enhet[enhet_p], dtype=regiontyp),
            "ordinarie_läkare": bef.p_läkare[patient].astype(np.int64) + 100_001,
        }
    )
