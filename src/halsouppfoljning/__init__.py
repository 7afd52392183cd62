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
from .ekonomi import (
    Kolumnsumma,
    ackumulerad_avvikelse,
    ackumulerad_budget,
    budgetavvikelse,
    budgetbrygga,
    kolumnsumma,
    kostnadsutveckling,
    periodiserad_budget,
    uppräkning,
)
from .exceptions import (
    AndelsError,
    FelTypError,
    HalsouppfoljningError,
    HalsouppfoljningWarning,
    KällfelError,
    OgiltigtVärdeError,
    OkändKpiError,
    OkändRegionError,
    SaknadKolumnError,
    SaknatTilläggError,
    TolkningsError,
    UnderlagsVarning,
)
from .indikatorer import (
    Aggregering,
    Delvis,
    Indikator,
    Målnivå,
    Måltyp,
    Måluppfyllelse,
    Periodicitet,
    Riktning,
    Tal,
    Trend,
    måluppfyllelse,
    trend,
)
from .jamforelse import (
    RIKET,
    Färgregel,
    färgklasser,
    förändring,
    rangordning,
    regionpanel,
    regionpanel_från_kolada,
    sammanvägning,
    sämre_än_första_mätningen,
)
from .kallor import (
    hämta_befolkning,
    hämta_kolada,
    hämta_socialstyrelsen,
    kolada_indikator,
    kolada_nyckeltal,
    kolada_riktningar,
    rensa_cache,
)
from .kontinuitet import (
    METODER,
    kontinuitetsindex,
)
from .organisation import (
    Förvaltning,
    Lagrum,
    Nämnd,
    Region,
    Vårdval,
    region,
    regioner,
    är_riket,
)
from .overenskommelse import (
    Bedömning,
    Kravbedömning,
    Prestationskrav,
    Regionsvar,
    Svar,
    Överenskommelse,
    medelsfördelning,
    prestationsgrad,
    svarstabell,
)
from .perioder import (
    Period,
    Periodform,
    Periodvärde,
    ackumulerat,
    procentenheter,
    procentuell_förändring,
    r12,
    r18,
    rullande,
    tertial,
)
from .prognos import (
    Prognos,
    helårsprognos,
    känslighetsintervall,
    prognosavvikelse,
    prognosfel,
    prognosintervall,
    prognoskedja,
    prognosträffsäkerhet,
)
from .rapport import formatera_styrkort, rapport, stil_panel, stil_styrkort
from .tolka import (
    avrunda,
    formatera_andel,
    formatera_tal,
    läs_styrkort,
    tolka_belopp,
    tolka_intervall,
    tolka_jämförelse,
    tolka_par,
    tolka_tal,
    tolka_tid,
    tolka_värde,
)
from .uppfoljning import Uppföljning, styrkort
from .vantetider import (
    AKUTGRÄNSER,
    BUP_30,
    DAGSGRÄNSER,
    VÅRDGARANTIN,
    Väntetidsgräns,
    sammanvägda_andelar,
    väntetidsandelar,
)

try:
    __version__ = version("halsouppfoljning")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0+unknown"

__all__ = [
    "AKUTGRÄNSER",
    "BUP_30",
    "DAGSGRÄNSER",
    "METODER",
    "RIKET",
    "VÅRDGARANTIN",
    "Aggregering",
    "AndelsError",
    "Bedömning",
    "Delvis",
    "FelTypError",
    "Färgregel",
    "Förvaltning",
    "HalsouppfoljningError",
    "HalsouppfoljningWarning",
    "Indikator",
    "Kolumnsumma",
    "Kravbedömning",
    "KällfelError",
    "Lagrum",
    "Målnivå",
    "Måltyp",
    "Måluppfyllelse",
    "Nämnd",
    "OgiltigtVärdeError",
    "OkändKpiError",
    "OkändRegionError",
    "Period",
    "Periodform",
    "Periodicitet",
    "Periodvärde",
    "Prestationskrav",
    "Prognos",
    "Region",
    "Regionsvar",
    "Riktning",
    "SaknadKolumnError",
    "SaknatTilläggError",
    "Svar",
    "Tal",
    "TolkningsError",
    "Trend",
    "UnderlagsVarning",
    "Uppföljning",
    "Väntetidsgräns",
    "Vårdval",
    "Överenskommelse",
    "__version__",
    "ackumulerad_avvikelse",
    "ackumulerad_budget",
    "ackumulerat",
    "avrunda",
    "budgetavvikelse",
    "budgetbrygga",
    "exempeldata",
    "formatera_andel",
    "formatera_styrkort",
    "formatera_tal",
    "färgklasser",
    "förändring",
    "helårsprognos",
    "hämta_befolkning",
    "hämta_kolada",
    "hämta_socialstyrelsen",
    "kolada_indikator",
    "kolada_nyckeltal",
    "kolada_riktningar",
    "kolumnsumma",
    "kontinuitetsindex",
    "kostnadsutveckling",
    "känslighetsintervall",
    "läs_styrkort",
    "medelsfördelning",
    "måluppfyllelse",
    "periodiserad_budget",
    "plot",
    "prestationsgrad",
    "procentenheter",
    "procentuell_förändring",
    "prognosavvikelse",
    "prognosfel",
    "prognosintervall",
    "prognoskedja",
    "prognosträffsäkerhet",
    "r12",
    "r18",
    "rangordning",
    "rapport",
    "region",
    "regioner",
    "regionpanel",
    "regionpanel_från_kolada",
    "rensa_cache",
    "rullande",
    "sammanvägda_andelar",
    "sammanvägning",
    "stil_panel",
    "stil_styrkort",
    "styrkort",
    "svarstabell",
    "sämre_än_första_mätningen",
    "tertial",
    "tolka_belopp",
    "tolka_intervall",
    "tolka_jämförelse",
    "tolka_par",
    "tolka_tal",
    "tolka_tid",
    "tolka_värde",
    "trend",
    "uppräkning",
    "väntetidsandelar",
    "är_riket",
]


def __dir__() -> list[str]:
    """The public names (what ``dir(hu)`` and tab completion show)."""
    return sorted(__all__)
