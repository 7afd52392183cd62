"""Figures with matplotlib (the optional ``plot`` extra).

Every function draws on a matplotlib Axes (a new figure unless ``ax=`` is
given) and returns the Axes (or an array of Axes), so that the caller can
adjust, save or test it. matplotlib is imported only when a function is
called; without it, :class:`~halsouppfoljning.SaknatTilläggError` names the
command that installs it: ``pip install "halsouppfoljning[plot]"``.

Functions here draw only: the numbers come from the pure functions of the
package (:func:`~halsouppfoljning.färgklasser`,
:func:`~halsouppfoljning.förändring`, :func:`~halsouppfoljning.måluppfyllelse`
...), called with the same arguments. Labels are Swedish and numbers are
written the Swedish way (decimal comma, shares in percent: "78,8 %"; months
as "maj 2023"). One module per area, every function reachable here:

- :func:`rangdiagram`: regions ranked in a bar chart, with Riket and the
  target, coloured by a :class:`~halsouppfoljning.Färgregel`
  (:mod:`~halsouppfoljning.plot.jamforelse`).
- :func:`förändringsdiagram`: small multiples of the direction-signed change
  per indicator (:mod:`~halsouppfoljning.plot.jamforelse`).
- :func:`indikatordiagram`: an indicator over time against its target line
  or band, points coloured by måluppfyllelse
  (:mod:`~halsouppfoljning.plot.indikatorer`).
- :func:`väntetidsdiagram`: shares within a waiting-time limit per month,
  with the Wilson interval and the guarantee or target line
  (:mod:`~halsouppfoljning.plot.vantetider`).
- :func:`kontinuitetsdiagram`: the distribution of a continuity index per
  unit (:mod:`~halsouppfoljning.plot.kontinuitet`).
- :func:`prognosdiagram`: a chain of forecasts through a year with their
  intervals, the budget and the outcome
  (:mod:`~halsouppfoljning.plot.prognos`).
- :func:`tornadodiagram`: sensitivity items sorted by their range
  (:mod:`~halsouppfoljning.plot.prognos`).

The palette is one, :mod:`halsouppfoljning.plot.palett` (Okabe–Ito,
colour-blind safe; importable without matplotlib): every assessment and
colour class is shown by a marker, a hatch or a symbol besides its colour.
:data:`FÄRGER` and :data:`BEDÖMNINGSFÄRGER` are its colours under their
earlier names.

Every function takes ``källa=``: a caption "Källa: …" at the bottom of the
figure, by default the data's own source (``data.attrs["källa"]``, e.g.
"Källa: Kolada" on a panel from Kolada); ``källa=None`` or ``""`` leaves it
out. Legends stand outside the data (right of the axes) and every axis writes
numbers the same Swedish way ("80 %" with a narrow no-break space, "1 200",
"2,5").

Examples
--------
>>> import pandas as pd
>>> import halsouppfoljning as hu
>>> from halsouppfoljning import plot
>>> p = hu.regionpanel(pd.DataFrame({2023: [0.7, 0.8, 0.75]}, index=["03", "19", "Riket"]),
...                    indikator="x")
>>> ax = plot.rangdiagram(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
>>> [t.get_text() for t in ax.get_yticklabels()]
['Västmanland', 'Uppsala']
>>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

from . import palett
from .indikatorer import indikatordiagram
from .jamforelse import förändringsdiagram, rangdiagram
from .kontinuitet import kontinuitetsdiagram
from .prognos import prognosdiagram, tornadodiagram
from .vantetider import väntetidsdiagram

__all__ = [
    "BEDÖMNINGSFÄRGER",
    "FÄRGER",
    "förändringsdiagram",
    "indikatordiagram",
    "kontinuitetsdiagram",
    "palett",
    "prognosdiagram",
    "rangdiagram",
    "tornadodiagram",
    "väntetidsdiagram",
]

#: The colours of the classes of :func:`~halsouppfoljning.färgklasser`
#: (``"grön"``, ``"gul"``, ``"röd"``): :data:`halsouppfoljning.plot.palett.KLASSFÄRGER`
#: (Okabe–Ito blågrön, orange, vermiljon); a region without a class is grey.
FÄRGER = palett.KLASSFÄRGER

#: The colour of each :class:`~halsouppfoljning.Måluppfyllelse`:
#: :data:`halsouppfoljning.plot.palett.BEDÖMNINGSFÄRGER` (each paired there with
#: a symbol, a marker and a hatch in :data:`~halsouppfoljning.plot.palett.BEDÖMNINGAR`).
BEDÖMNINGSFÄRGER = palett.BEDÖMNINGSFÄRGER


def __dir__() -> list[str]:
    return list(__all__)
