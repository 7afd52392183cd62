"""Synthetic waiting lists (*väntelistor*) for docs, notebooks and benchmarks.

The data are synthetic (random, seeded) and labelled so wherever they are
shown: they resemble the event records behind Väntetider i vården, not any
region's real figures.

Examples
--------
>>> import halsouppfoljning as hu
>>> d = hu.exempeldata.syntetisk_väntelista(1000, seed=1)
>>> list(d.columns)
['region', 'vårdtyp', 'start', 'slut', 'patientvald', 'medicinskt_orsakad']
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .._indata import Datum, heltal, rimligt_datum, slumpgenerator
from ..exceptions import OgiltigtVärdeError
from ..organisation import regioner

__all__ = ["syntetisk_väntelista"]

# Rough population of each region in thousands (2023, rounded), in länskod
# order: only used as sampling weights for synthetic rows.
_BEFOLKNING = (
    2450, 400, 300, 470, 370, 205, 246, 61, 159, 1420, 340,
    1750, 284, 306, 280, 288, 288, 245, 132, 275, 250,
)  # fmt: skip

_VÅRDTYPER = ("första besök", "operation/åtgärd")


def syntetisk_väntelista(
    n: int,
    *,
    seed: int | np.random.Generator | None = None,
    från: Datum = "2022-01-01",
    till: Datum = "2023-12-31",
) -> pd.DataFrame:
    """Synthetic event records of a waiting list: start, done date, exclusion flags.

    Each row is one referral or treatment decision in specialised care, as
    the national waiting-time database holds them: the region, the kind of
    wait, the start date, the done date (NaT if still waiting on ``till``,
    the extraction date) and the two exclusion flags. **Synthetic**: the
    sizes follow the regions' populations roughly and the waiting times are
    lognormal with a regional factor; no real figures are reproduced.

    Parameters
    ----------
    n : int
        Number of rows (>= 0).
    seed : int, numpy.random.Generator or None
        Seed for reproducible data.
    från, till : str, datetime.date, datetime.datetime or pandas.Timestamp
        Start dates are uniform over these days (inclusive); ``till`` is
        also the extraction date: a wait that ends after it is still open.
        Dates follow the package's one rule (ISO text; a timezone-aware
        timestamp counts by its Swedish calendar day).

    Returns
    -------
    pandas.DataFrame
        Columns ``region`` (categorical of the 21 region names in länskod
        order), ``vårdtyp`` (categorical: "första besök",
        "operation/åtgärd"), ``start`` and ``slut`` (datetime64[ns], day
        resolution; ``slut`` NaT while waiting), ``patientvald`` (bool, about
        5 %: :term:`patientvald väntan`) and ``medicinskt_orsakad`` (bool,
        about 3 %: :term:`medicinskt orsakad väntan`).

    Raises
    ------
    FelTypError
        If ``n`` is not a whole number, or a date is not a date.
    OgiltigtVärdeError
        If ``n`` is negative, not whole or above 10 000 000, a date is
        ambiguous (``"01/12/2023"``) or outside 1900-2199, or ``till`` is
        before ``från``.

    See Also
    --------
    halsouppfoljning.väntetidsandelar : shares within the vårdgaranti limits.

    Notes
    -----
    Waiting days are :math:`\\lfloor \\exp(\\mu + \\sigma Z) \\cdot f_r \\rfloor`
    with median :math:`e^\\mu` = 45 days (first visit) or 70 days
    (operation), :math:`\\sigma = 0.9`, a regional factor :math:`f_r` in
    [0.7, 1.4] and a factor 1.6 for patient-chosen waits.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> d = hu.exempeldata.syntetisk_väntelista(5, seed=3)
    >>> d.shape
    (5, 6)
    >>> bool((d["slut"].dropna() >= d.loc[d["slut"].notna(), "start"]).all())
    True
    """
    vad = "syntetisk_väntelista"
    n = heltal(n, f"{vad}: n (number of rows)", minst=0, högst=10_000_000)
    dagar_: dict[str, dt.date] = {}
    for argument, värde in (("från", från), ("till", till)):
        dagar_[argument] = rimligt_datum(värde, f"{vad}: {argument}")
    f, t = pd.Timestamp(dagar_["från"]), pd.Timestamp(dagar_["till"])
    if t < f:
        raise OgiltigtVärdeError(
            f"{vad}: till ({dagar_['till'].isoformat()}) is before från "
            f"({dagar_['från'].isoformat()}); swap them"
        )
    rng = slumpgenerator(seed, "syntetisk_väntelista: seed")
    namn = [r.namn for r in regioner()]
    vikter = np.asarray(_BEFOLKNING, dtype=float)
    vikter /= vikter.sum()
    region_kod = rng.choice(len(namn), size=n, p=vikter).astype(np.int8)
    faktor = rng.uniform(0.7, 1.4, size=len(namn))
    vårdtyp_kod = (rng.random(n) < 0.35).astype(np.int8)
    dagar = (t - f).days + 1
    start_dag = rng.integers(0, dagar, size=n)
    patientvald = rng.random(n) < 0.05
    medicinskt = rng.random(n) < 0.03
    median = np.where(vårdtyp_kod == 0, 45.0, 70.0)
    vänta = np.exp(np.log(median) + 0.9 * rng.standard_normal(n))
    vänta *= faktor[region_kod]
    vänta *= np.where(patientvald, 1.6, 1.0)
    vänta_dagar = np.floor(vänta).astype(np.int64)
    slut_dag = start_dag + vänta_dagar
    öppen = slut_dag > (dagar - 1)
    bas = f.to_datetime64().astype("datetime64[ns]")
    dag_ns = np.int64(86_400 * 10**9)
    start = bas + (start_dag * dag_ns).astype("timedelta64[ns]")
    slut = bas + (slut_dag * dag_ns).astype("timedelta64[ns]")
    slut[öppen] = np.datetime64("NaT", "ns")
    return pd.DataFrame(
        {
            "region": pd.Categorical.from_codes(region_kod, categories=pd.Index(namn)),
            "vårdtyp": pd.Categorical.from_codes(
                vårdtyp_kod, categories=pd.Index(list(_VÅRDTYPER))
            ),
            "start": start,
            "slut": slut,
            "patientvald": patientvald,
            "medicinskt_orsakad": medicinskt,
        }
    )
