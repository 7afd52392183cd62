"""Bundled published figures and synthetic data generators.

Published figures come from the two reports in the project's seeds (Region
Västmanland, Hälso- och sjukvårdsförvaltningen, monthly report February 2023;
Region Värmland, Hälso- och sjukvårdsnämnden, annual report 2023), each row
with its provenance (report and line). A figure the report does not print
stays missing. Synthetic generators take a ``seed`` and are labelled
synthetic wherever they are shown.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.exempeldata.regiontabell().loc["19", "namn"]
'Region Västmanland'
"""

from __future__ import annotations

import pandas as pd

from . import (
    _exempel_ekonomi,
    _exempel_indikatorer,
    _exempel_jamforelse,
    _exempel_kontinuitet,
    _exempel_uppfoljning,
    _exempel_vantetider,
)
from ._exempel_ekonomi import *  # noqa: F403
from ._exempel_indikatorer import *  # noqa: F403
from ._exempel_jamforelse import *  # noqa: F403
from ._exempel_kontinuitet import *  # noqa: F403
from ._exempel_uppfoljning import *  # noqa: F403
from ._exempel_vantetider import *  # noqa: F403
from .organisation import regioner

__all__ = ["regiontabell"]
__all__ += _exempel_ekonomi.__all__
__all__ += _exempel_indikatorer.__all__
__all__ += _exempel_jamforelse.__all__
__all__ += _exempel_kontinuitet.__all__
__all__ += _exempel_vantetider.__all__
__all__ += _exempel_uppfoljning.__all__


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
