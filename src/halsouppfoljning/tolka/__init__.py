"""The text edge: Swedish report text read into numbers, targets, periods, forecasts and files.

Everything inside the package works with floats, shares in [0, 1], money in a
named unit and domain objects; only this package reads text as reports print
it. One module per grammar:

- :mod:`~halsouppfoljning.tolka.tal`: numbers, amounts, ranges, the previous
  year in parentheses, durations (:func:`tolka_tal`, :func:`tolka_belopp`,
  :func:`tolka_intervall`, :func:`tolka_jämförelse`, :func:`tolka_tid`), and
  the way back (:func:`formatera_tal`, :func:`formatera_andel`,
  :func:`avrunda`, defined in :mod:`halsouppfoljning.indikatorer`);
- :mod:`~halsouppfoljning.tolka.malniva`: targets, behind
  :meth:`Målnivå.tolka <halsouppfoljning.Målnivå.tolka>`;
- :mod:`~halsouppfoljning.tolka.perioder`: periods, behind
  :meth:`Period.tolka <halsouppfoljning.Period.tolka>`;
- :mod:`~halsouppfoljning.tolka.prognos`: forecasts, behind
  :meth:`Prognos.tolka <halsouppfoljning.Prognos.tolka>`;
- :mod:`~halsouppfoljning.tolka.styrkort`: the styrkort CSV file
  (:func:`läs_styrkort`), behind
  :meth:`Uppföljning.from_csv <halsouppfoljning.Uppföljning.from_csv>`.

The domain classes' ``tolka``/``from_csv`` methods import these modules only
when called, so the core never imports the edge at import time.

Examples
--------
>>> from halsouppfoljning import tolka
>>> tolka.tolka_tal("- 890 mkr"), tolka.tolka_intervall("85-90 %")
(-890.0, (0.85, 0.9))
"""

from __future__ import annotations

from .malniva import tolka_målnivå
from .perioder import tolka_period
from .prognos import tolka_prognos
from .styrkort import läs_styrkort, uppföljning_från_csv
from .tal import (
    avrunda,
    formatera_andel,
    formatera_tal,
    tolka_belopp,
    tolka_intervall,
    tolka_jämförelse,
    tolka_par,
    tolka_tal,
    tolka_tid,
    tolka_värde,
)

__all__ = [
    "avrunda",
    "formatera_andel",
    "formatera_tal",
    "läs_styrkort",
    "tolka_belopp",
    "tolka_intervall",
    "tolka_jämförelse",
    "tolka_målnivå",
    "tolka_par",
    "tolka_period",
    "tolka_prognos",
    "tolka_tal",
    "tolka_tid",
    "tolka_värde",
    "uppföljning_från_csv",
]
