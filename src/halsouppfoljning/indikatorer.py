"""Indicators, target levels (målnivåer) and their assessment (måluppfyllelse).

First version: the enums other modules import. The classes and functions
follow.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.Riktning.LÄGRE_ÄR_BÄTTRE.value
'lägre är bättre'
"""

from __future__ import annotations

import enum

__all__ = ["Måluppfyllelse", "Riktning", "Trend"]


class Riktning(enum.Enum):
    """The direction (*riktning*) in which an indicator is better.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Riktning("högre är bättre") is hu.Riktning.HÖGRE_ÄR_BÄTTRE
    True
    """

    HÖGRE_ÄR_BÄTTRE = "högre är bättre"
    LÄGRE_ÄR_BÄTTRE = "lägre är bättre"
    INOM_INTERVALL = "inom intervall"


class Måluppfyllelse(enum.Enum):
    """The assessment of an outcome against a target level (*måluppfyllelse*).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Måluppfyllelse.UPPNÅDD.value
    'uppnådd'
    """

    UPPNÅDD = "uppnådd"
    DELVIS = "delvis"
    EJ_UPPNÅDD = "ej uppnådd"
    UNDERLAG_SAKNAS = "underlag saknas"
    MÅL_SAKNAS = "mål saknas"


class Trend(enum.Enum):
    """The development of an indicator in its good direction (*trend*).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Trend("positiv") is hu.Trend.POSITIV
    True
    """

    POSITIV = "positiv"
    NEGATIV = "negativ"
    NEUTRAL = "neutral"
