"""National data: clients for Kolada, SCB and Socialstyrelsen (the ``data`` extra).

One call gives data the rest of the library takes as it is:

- :func:`hämta_kolada` returns a :term:`regionpanel` (Kolada API v3) that
  :func:`~halsouppfoljning.sammanvägning`, :func:`~halsouppfoljning.förändring`,
  :func:`~halsouppfoljning.rangordning`, :func:`~halsouppfoljning.färgklasser`
  and the plots take unchanged; :func:`kolada_nyckeltal` finds KPIs and
  :func:`kolada_indikator` gives one as an :class:`~halsouppfoljning.Indikator`.
- :func:`hämta_befolkning` returns the population per region on 31 December
  (SCB PxWebApi 2.0), for per-capita comparisons and allocations.
- :func:`hämta_socialstyrelsen` reads Socialstyrelsen's statistikdatabas.
- :func:`rensa_cache` empties the HTTP cache.

The clients need ``pip install "halsouppfoljning[data]"`` (requests,
requests-cache, platformdirs, tqdm), imported only when a client is called:
importing this module touches neither those packages nor the network.

Examples
--------
>>> import halsouppfoljning.kallor as kallor
>>> kallor.KOLADA_URL, kallor.SCB_URL
('https://api.kolada.se/v3/', 'https://statistikdatabasen.scb.se/api/v2/')
"""

from __future__ import annotations

from ..exceptions import KällfelError, OkändKpiError
from ._http import rensa_cache
from ._jsonstat import läs_jsonstat2
from .kolada import (
    KOLADA_URL,
    hämta_kolada,
    kolada_indikator,
    kolada_nyckeltal,
    kolada_riktningar,
)
from .scb import SCB_URL, hämta_befolkning
from .socialstyrelsen import SOCIALSTYRELSEN_URL, hämta_socialstyrelsen

__all__ = [
    "KOLADA_URL",
    "SCB_URL",
    "SOCIALSTYRELSEN_URL",
    "KällfelError",
    "OkändKpiError",
    "hämta_befolkning",
    "hämta_kolada",
    "hämta_socialstyrelsen",
    "kolada_indikator",
    "kolada_nyckeltal",
    "kolada_riktningar",
    "läs_jsonstat2",
    "rensa_cache",
]
