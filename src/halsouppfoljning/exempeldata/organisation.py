"""The regions as a table (*regiontabell*), from the bundled organisation data."""

from __future__ import annotations

import pandas as pd

from ..organisation import regioner

__all__ = ["regiontabell"]


def regiontabell() -> pd.DataFrame:
    """The 21 regions as a table indexed by länskod.

    Returns
    -------
    pandas.DataFrame
        Index ``kod`` (str), columns ``namn``, ``kortnamn``, ``län``,
        ``kolada_id``, ``iso``. Source: SCB county codes, Kolada area ids and
        ISO 3166-2:SE, as bundled in ``data/regioner.csv``.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> t = hu.exempeldata.regiontabell()
    >>> t.shape
    (21, 5)
    >>> t.loc["03", "iso"]
    'SE-C'
    """
    return pd.DataFrame(
        [
            {
                "kod": r.kod,
                "namn": r.namn,
                "kortnamn": r.kortnamn,
                "län": r.län,
                "kolada_id": r.kolada_id,
                "iso": r.iso,
            }
            for r in regioner()
        ]
    ).set_index("kod")
