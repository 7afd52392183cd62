"""Bundled published figures and synthetic data generators (*exempeldata*).

Published figures come from the two reports in the project's seeds (Region
Västmanland, Hälso- och sjukvårdsförvaltningen, monthly report February 2023;
Region Värmland, Hälso- och sjukvårdsnämnden, annual report 2023), each row
with its provenance (report and line). A figure the report does not print
stays missing. Synthetic generators take a ``seed`` and are labelled
synthetic wherever they are shown.

One module per area, every public name reachable here:

- :mod:`~halsouppfoljning.exempeldata.organisation`: the regions as a table;
- :mod:`~halsouppfoljning.exempeldata.indikatorer`: the indicator tables of
  both reports;
- :mod:`~halsouppfoljning.exempeldata.ekonomi`: result statement, forecast,
  sensitivity items; synthetic monthly results;
- :mod:`~halsouppfoljning.exempeldata.vantetider`: a synthetic waiting list;
- :mod:`~halsouppfoljning.exempeldata.kontinuitet`: synthetic primary-care
  visits;
- :mod:`~halsouppfoljning.exempeldata.jamforelse`: the core indicators'
  metadata and synthetic Kolada panels;
- :mod:`~halsouppfoljning.exempeldata.uppfoljning`: the bundled example
  follow-up.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.exempeldata.regiontabell().loc["19", "namn"]
'Region Västmanland'
"""

from __future__ import annotations

from .ekonomi import (
    avvikelser_västmanland_2023_02,
    ekonomi_värmland_2023,
    känslighetsposter_västmanland_2023_02,
    nyckeltal_västmanland_2023_02,
    prognos_västmanland_2023_02,
    resultaträkning_västmanland_2023_02,
    syntetiska_månadsutfall,
)
from .indikatorer import (
    indikatorer_värmland_2023,
    indikatorer_västmanland_2023_02,
    indikatortabell_värmland_2023,
    indikatortabell_västmanland_2023_02,
    resultatmål_värmland_2023,
)
from .jamforelse import (
    kärnindikatorer_nära_vård,
    syntetisk_befolkning,
    syntetisk_kolada,
)
from .kontinuitet import (
    syntetiska_besök,
)
from .organisation import regiontabell
from .uppfoljning import (
    uppföljning_västmanland_2023_02,
)
from .vantetider import (
    syntetisk_väntelista,
)

__all__ = [
    "avvikelser_västmanland_2023_02",
    "ekonomi_värmland_2023",
    "indikatorer_värmland_2023",
    "indikatorer_västmanland_2023_02",
    "indikatortabell_värmland_2023",
    "indikatortabell_västmanland_2023_02",
    "känslighetsposter_västmanland_2023_02",
    "kärnindikatorer_nära_vård",
    "nyckeltal_västmanland_2023_02",
    "prognos_västmanland_2023_02",
    "regiontabell",
    "resultatmål_värmland_2023",
    "resultaträkning_västmanland_2023_02",
    "syntetisk_befolkning",
    "syntetisk_kolada",
    "syntetisk_väntelista",
    "syntetiska_besök",
    "syntetiska_månadsutfall",
    "uppföljning_västmanland_2023_02",
]


def __dir__() -> list[str]:
    return list(__all__)
