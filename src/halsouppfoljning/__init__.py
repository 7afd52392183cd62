"""halsouppfoljning: follow-up of Swedish regional healthcare.

Regions, nämnder, förvaltningar and vårdval; indicators with target levels
(målnivåer) and their assessment; waiting-time shares under the vårdgaranti;
the continuity index of primary care; budget deviations; forecasts with
intervals. See the documentation for a tour.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.region("SE-U").namn
'Region Västmanland'
>>> hu.tolka_tal("88,3 %")
0.883
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import exempeldata, plot
from .ekonomi import *  # noqa: F403
from .exceptions import (
    AndelsError,
    FelTypError,
    HalsouppfoljningError,
    HalsouppfoljningWarning,
    OgiltigtVärdeError,
    OkändRegionError,
    SaknadKolumnError,
    SaknatTilläggError,
    TolkningsError,
    UnderlagsVarning,
)
from .indikatorer import *  # noqa: F403
from .jamforelse import *  # noqa: F403
from .kontinuitet import *  # noqa: F403
from .organisation import Förvaltning, Lagrum, Nämnd, Region, Vårdval, region, regioner
from .perioder import *  # noqa: F403
from .prognos import *  # noqa: F403
from .tolka import tolka_belopp, tolka_intervall, tolka_jämförelse, tolka_tal, tolka_tid
from .uppfoljning import *  # noqa: F403
from .vantetider import *  # noqa: F403

try:
    __version__ = version("halsouppfoljning")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0+unknown"

from . import ekonomi as _ekonomi
from . import indikatorer as _indikatorer
from . import jamforelse as _jamforelse
from . import kontinuitet as _kontinuitet
from . import perioder as _perioder
from . import prognos as _prognos
from . import uppfoljning as _uppfoljning
from . import vantetider as _vantetider

__all__ = [
    "AndelsError",
    "FelTypError",
    "Förvaltning",
    "HalsouppfoljningError",
    "HalsouppfoljningWarning",
    "Lagrum",
    "Nämnd",
    "OgiltigtVärdeError",
    "OkändRegionError",
    "Region",
    "SaknadKolumnError",
    "SaknatTilläggError",
    "TolkningsError",
    "UnderlagsVarning",
    "Vårdval",
    "__version__",
    "exempeldata",
    "plot",
    "region",
    "regioner",
    "tolka_belopp",
    "tolka_intervall",
    "tolka_jämförelse",
    "tolka_tal",
    "tolka_tid",
]
__all__ += _ekonomi.__all__
__all__ += _indikatorer.__all__
__all__ += _jamforelse.__all__
__all__ += _kontinuitet.__all__
__all__ += _perioder.__all__
__all__ += _prognos.__all__
__all__ += _uppfoljning.__all__
__all__ += _vantetider.__all__
