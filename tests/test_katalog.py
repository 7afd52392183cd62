"""The catalogue test of issue 12: bad input never becomes a number.

Every public callable of ``hu``, ``hu.plot`` and ``hu.exempeldata`` (classes: their
constructors and public named constructors) has a VALID baseline call in the
registry :data:`FALL` below. The test substitutes a shared catalogue of bad
values (:data:`DÅLIGA`) into that call, one argument at a time, and asserts that
the call either

- returns a valid result: the type of the baseline result (a number may become
  numbers: functions work elementwise), no infinity anywhere in the numbers it
  returns, every share column in [0, 1]; or
- raises a :class:`~halsouppfoljning.HalsouppfoljningError` whose message names
  the argument.

A public callable without a registry entry fails :func:`test_varje_publik_anropbar_har_ett_fall`,
so new public names are picked up automatically. The test id shows the
callable, the argument and the bad value (``budgetavvikelse-utfall-inf``).

Cases that still fail would be listed in :data:`KÄNDA_FEL`, marked
``xfail(strict=True)`` with what is wrong, so they stay visible and flip to
failures when fixed; the list is empty.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import inspect
import json
import math
import numbers
import signal
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu
import halsouppfoljning.exempeldata as ex
import halsouppfoljning.plot as hp

pytest.importorskip("matplotlib")

# --------------------------------------------------------------------------- bad values


class _PolarsLikt:
    """An object that looks like a polars DataFrame (module and class name), without polars."""

    columns = ("patient", "vårdgivare")
    shape = (2, 2)

    def __len__(self) -> int:
        return 2


_PolarsLikt.__module__ = "polars.dataframe.frame"
_PolarsLikt.__name__ = "DataFrame"
_PolarsLikt.__qualname__ = "DataFrame"

#: The shared catalogue of bad values: id -> a factory (fresh object per call).
DÅLIGA: dict[str, Callable[[], Any]] = {
    "None": lambda: None,
    "text": lambda: "abc",
    "bool": lambda: True,
    "nan": lambda: math.nan,
    "inf": lambda: math.inf,
    "minusinf": lambda: -math.inf,
    "negativ": lambda: -1,
    "stor": lambda: 1e12,
    "procent": lambda: 78.8,
    "snedstrecksdatum": lambda: "01/12/2023",
    "heltalsdatum": lambda: 20230515,
    "tom_ram": pd.DataFrame,
    "fel_kolumner": lambda: pd.DataFrame({"okänd": [1.0, 2.0]}),
    "fel_längd": lambda: [1.0, 2.0, 3.0],
    "lista_inf": lambda: [1.0, math.inf],
    "polars": _PolarsLikt,
    "objekt": object,
    "nej": lambda: "nej",
    "noll": lambda: 0,
    "flyttalsår": lambda: 2023.7,
    "jättetal": lambda: 10**12,
    "tidszon": lambda: pd.Timestamp("2023-05-15 00:30", tz="UTC"),
    "tom_text": lambda: "",
    "mellanslag": lambda: "  ",
    "tom_lista": lambda: [],
    "ordbok": lambda: {"a": 1.0},
    "decimal": lambda: decimal.Decimal("0.5"),
    "komplex": lambda: 1 + 2j,
    "bytes": lambda: b"abc",
    "nan_array": lambda: np.array([np.nan, np.nan]),
    "tom_serie": lambda: pd.Series([], dtype=float),
}


def _dubbletter(v: Any) -> Any:
    """The baseline frame, Series or sequence with its first row repeated at the end."""
    if isinstance(v, (pd.DataFrame, pd.Series)) and len(v) >= 1:
        return pd.concat([v, v.iloc[[0]]])
    if isinstance(v, (list, tuple)) and len(v) >= 1 and not isinstance(v[0], (str, dict)):
        return type(v)([*v, v[0]])
    return None


def _fel_index(v: Any) -> Any:
    """The baseline Series (or frame) with an index that shares no label with the original."""
    if isinstance(v, (pd.Series, pd.DataFrame)) and len(v) >= 1:
        ut = v.copy()
        ut.index = pd.Index([f"okänd {i}" for i in range(len(v))])
        return ut
    return None


def _bara_nan(v: Any) -> Any:
    """The baseline frame, Series or array with every number replaced by NaN."""
    if isinstance(v, pd.DataFrame) and len(v) >= 1:
        ut = v.copy()
        for k in ut.columns:
            if ut[k].dtype.kind in "fiu":
                ut[k] = np.nan
        return ut
    if isinstance(v, pd.Series) and len(v) >= 1 and v.dtype.kind in "fiu":
        return pd.Series(np.nan, index=v.index, name=v.name)
    if isinstance(v, np.ndarray) and v.size >= 1 and v.dtype.kind in "fiu":
        return np.full(v.shape, np.nan)
    return None


#: Bad values derived from an argument's baseline value (given only where the derivation
#: applies): duplicated keys, an index that matches nothing, numbers all missing.
HÄRLEDDA: dict[str, Callable[[Any], Any]] = {
    "dubbletter": _dubbletter,
    "fel_index": _fel_index,
    "bara_nan": _bara_nan,
}

# --------------------------------------------------------------------------- valid data


def _besök() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "patient": [1, 1, 1, 2, 2, 2, 3, 3, 3],
            "vårdgivare": ["A", "A", "B", "A", "B", "C", "A", "A", "A"],
            "vårdcentral": ["X", "X", "X", "Y", "Y", "Y", "Y", "Y", "Y"],
            "datum": pd.to_datetime(
                [
                    *("2023-01-02", "2023-03-01", "2023-06-01", "2023-02-01", "2023-04-01"),
                    *("2023-05-01", "2023-01-10", "2023-02-10", "2023-03-10"),
                ]
            ),
        }
    )


def _väntelista() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "start": pd.to_datetime(["2023-01-02", "2023-01-20", "2022-11-01", "2023-02-01"]),
            "slut": pd.to_datetime(["2023-02-01", None, "2023-01-15", "2023-02-20"]),
            "väntetid": [30.0, 10.0, 95.0, 19.0],
            "region": ["A", "A", "B", "B"],
        }
    )


def _andelar() -> pd.DataFrame:
    return hu.väntetidsandelar(
        _väntelista(), gränser=90, väntetid="väntetid", per="region", minsta_antal=1
    )


def _panel() -> pd.DataFrame:
    tabell = pd.DataFrame(
        {2019: [0.50, 0.40, 0.55, 0.45], 2023: [0.60, 0.30, 0.65, 0.50]},
        index=["03", "19", "01", "04"],
    )
    return hu.regionpanel(tabell, indikator="x")


def _kvotpanel() -> pd.DataFrame:
    t = pd.DataFrame({2023: [30, 90]}, index=["0003", "0019"])
    n = pd.DataFrame({2023: [100, 200]}, index=["0003", "0019"])
    return hu.regionpanel(täljare=t, nämnare=n, indikator="x")


def _kolada() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kpi": ["N1", "N1", "N1"],
            "municipality": ["0000", "0019", "0003"],
            "period": [2023, 2023, 2023],
            "gender": ["T", "T", "T"],
            "value": [0.5, 0.6, 0.4],
        }
    )


def _underlag() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "indikator": ["Beläggningsgrad", "Besök inom 90 dagar"],
            "mål_text": ["85-90 %", "≥ 80 %"],
            "utfall": [0.96, 0.81],
        }
    )


def _prognoser() -> list[hu.Prognos]:
    return [
        hu.Prognos(värde=-800, nedre=-850, övre=-780, upprättad="2023-01", budget=0),
        hu.Prognos(värde=-850, nedre=-880, övre=-820, upprättad="2023-02", budget=0),
    ]


def _kedja() -> pd.DataFrame:
    return hu.prognoskedja(_prognoser(), utfall=-830.0)


def _serie() -> pd.Series:
    return pd.Series(np.arange(1.0, 19.0), index=pd.period_range("2022-01", periods=18, freq="M"))


def _hsn() -> hu.Nämnd:
    return hu.Nämnd(region="Västmanland", namn="Hälso- och sjukvårdsnämnden")


def _krav() -> list[hu.Prestationskrav]:
    return [
        hu.Prestationskrav(id="A", beskrivning="a", fokusområde="Primärvård"),
        hu.Prestationskrav(id="B", beskrivning="b", vikt=3),
    ]


def _bedömningar() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["03", "03", "19", "19"],
            "krav": ["A", "B", "A", "B"],
            "bedömning": ["uppfyllt", "ej uppfyllt", "uppfyllt", "uppfyllt"],
        }
    )


def _överenskommelse() -> hu.Överenskommelse:
    return hu.Överenskommelse(
        namn="God och nära vård (syntetisk)",
        år=2024,
        belopp=10,
        enhet="kr",
        fokusområden=("Primärvård",),
        andel_prestation=0.5,
        prestationskrav=tuple(_krav()),
    )


_M = hu.Målnivå.tolka("≥ 80 %")


def _indikator() -> hu.Indikator:
    return hu.Indikator(
        id="sjuk",
        namn="Sjukfrånvaro",
        enhet="andel",
        riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE,
        målnivåer={2023: hu.Målnivå.högst(0.06, enhet="andel")},
    )


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Fall:
    """A valid baseline call: ``fn(*pos, **kw)``; ``args`` limits the arguments varied."""

    fn: Callable[..., Any]
    kw: Callable[[], dict[str, Any]] = dict
    pos: Callable[[], list[Any]] = list
    args: tuple[str, ...] | None = None
    server: bool = False
    extra: dict[str, Callable[[], Any]] = field(default_factory=dict)

    def argument(self) -> tuple[str, ...]:
        if self.args is not None:
            return self.args
        namn = [f"*{i}" for i in range(len(self.pos()))]
        return tuple(namn) + tuple(k for k in self.kw() if k not in {"bas_url", "cache"})


def _f(fn: Callable[..., Any], **kw: Any) -> Fall:
    """A case whose keyword arguments are built fresh from factories or constants."""

    def bygg() -> dict[str, Any]:
        return {
            k: (v() if callable(v) and not isinstance(v, type) and _är_fabrik(v) else v)
            for k, v in kw.items()
        }

    return Fall(fn, bygg)


def _är_fabrik(v: Any) -> bool:
    return getattr(v, "__name__", "") == "<lambda>" or getattr(v, "_fabrik", False)


def _fabrik(fn: Callable[[], Any]) -> Callable[[], Any]:
    fn._fabrik = True  # type: ignore[attr-defined]
    return fn


besök = _fabrik(_besök)
väntelista = _fabrik(_väntelista)
andelar = _fabrik(_andelar)
panel = _fabrik(_panel)
kvotpanel = _fabrik(_kvotpanel)
kolada = _fabrik(_kolada)
underlag = _fabrik(_underlag)
prognoser = _fabrik(_prognoser)
kedja = _fabrik(_kedja)
serie = _fabrik(_serie)
hsn = _fabrik(_hsn)
krav = _fabrik(_krav)
bedömningar = _fabrik(_bedömningar)
överenskommelse = _fabrik(_överenskommelse)


def _metod(fn: Callable[..., Any], själv: Callable[[], Any], **kw: Any) -> Fall:
    """A case for a bound method of an object built fresh by ``själv``."""
    namn = fn.__name__

    def anropa(**k: Any) -> Any:
        return getattr(själv(), namn)(**k)

    return _f(anropa, **kw)


FALL: dict[str, Fall] = {
    # enums: the constructor from a value
    "Aggregering": _f(hu.Aggregering, value="poolad"),
    "Bedömning": _f(hu.Bedömning, value="uppfyllt"),
    "Lagrum": _f(hu.Lagrum, value="LOV"),
    "Måltyp": _f(hu.Måltyp, value=hu.Måltyp.INTERVALL.value),
    "Måluppfyllelse": _f(hu.Måluppfyllelse, value=hu.Måluppfyllelse.UPPNÅDD.value),
    "Periodform": _f(hu.Periodform, value=hu.Periodform.KVARTAL.value),
    "Periodicitet": _f(hu.Periodicitet, value="tertial"),
    "Riktning": _f(hu.Riktning, value="högre är bättre"),
    "Svar": _f(hu.Svar, value="ja med kommentar"),
    "Trend": _f(hu.Trend, value="positiv"),
    # classes and their named constructors
    "Delvis": _f(hu.Delvis, regel="inom", tolerans=0.05),
    "Delvis.inom": _f(hu.Delvis.inom, tolerans=0.05, relativ=False),
    "Delvis.förbättrad": _f(hu.Delvis.förbättrad),
    "Delvis.delmål": _f(hu.Delvis.delmål),
    "Färgregel": _f(hu.Färgregel, typ="rang", bästa=0.25, sämsta=0.25),
    "Färgregel.rang": _f(hu.Färgregel.rang, bästa=0.25, sämsta=0.25),
    "Färgregel.median": _f(hu.Färgregel.median, marginal=0.02, relativ=False),
    "Färgregel.mål": _f(hu.Färgregel.mål, målnivå=_M, avrundning=1),
    "Förvaltning": _f(
        hu.Förvaltning, nämnd=hsn, namn="HSF", kortnamn="HSF", verksamhetsområden=["Nära vård"]
    ),
    "Indikator": _f(
        hu.Indikator,
        id="sjuk",
        namn="Sjukfrånvaro",
        enhet="andel",
        riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE,
        aggregering=hu.Aggregering.ACKUMULERAT,
        målnivåer={2023: hu.Målnivå.högst(0.06)},
    ),
    "Kolumnsumma": _f(hu.Kolumnsumma, summa=3.0, antal=3, antal_saknade=1, saknade="utelämna"),
    "Kravbedömning": _f(hu.Kravbedömning, region="0003", krav="PK1", bedömning="uppfyllt"),
    "Målnivå": _f(
        hu.Målnivå,
        typ=hu.Måltyp.GRÄNS,
        operator=">=",
        gräns=0.8,
        enhet="andel",
        riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
    ),
    "Målnivå.minst": _f(hu.Målnivå.minst, gräns=0.8, enhet="%"),
    "Målnivå.över": _f(hu.Målnivå.över, gräns=0.8, enhet="%"),
    "Målnivå.högst": _f(hu.Målnivå.högst, gräns=0.1, enhet="%"),
    "Målnivå.under": _f(hu.Målnivå.under, gräns=0.1, enhet="%"),
    "Målnivå.nivå": _f(hu.Målnivå.nivå, gräns=0.8, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, enhet="%"),
    "Målnivå.intervall": _f(hu.Målnivå.intervall, nedre=0.85, övre=0.9, enhet="%"),
    "Målnivå.ökning": _f(hu.Målnivå.ökning, andel=0.1),
    "Målnivå.minskning": _f(hu.Målnivå.minskning, andel=0.1),
    "Målnivå.högre_än_föregående": _f(hu.Målnivå.högre_än_föregående),
    "Målnivå.lägre_än_föregående": _f(hu.Målnivå.lägre_än_föregående),
    "Målnivå.enligt_plan": _f(hu.Målnivå.enligt_plan, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
    "Målnivå.sammansatt": Fall(
        hu.Målnivå.sammansatt, pos=lambda: [hu.Målnivå.minst(0.9), hu.Målnivå.minst(0.8)]
    ),
    "Målnivå.tvånivå": _f(
        hu.Målnivå.tvånivå, delmål=hu.Målnivå.minst(0.8), totalmål=hu.Målnivå.minst(0.9)
    ),
    "Målnivå.inget": _f(hu.Målnivå.inget),
    "Målnivå.tolka": _f(hu.Målnivå.tolka, text="≥ 80 %", riktning=None),
    "Nämnd": _f(hu.Nämnd, region="Värmland", namn="HSN", kortnamn="HSN"),
    "Period": _f(hu.Period, typ=hu.Periodicitet.TERTIAL, år=2023, nummer=2),
    "Period.månad": _f(hu.Period.månad, år=2023, månad=3),
    "Period.tertial": _f(hu.Period.tertial, år=2023, tertial=2),
    "Period.kvartal": _f(hu.Period.kvartal, år=2023, kvartal=2),
    "Period.delår": _f(hu.Period.delår, år=2023),
    "Period.helår": _f(hu.Period.helår, år=2023),
    "Period.vecka": _f(hu.Period.vecka, år=2023, vecka=10),
    "Period.spann": _f(hu.Period.spann, från="2023-01", till="2023-06"),
    "Period.rullande": _f(hu.Period.rullande, år=2023, månad=7, månader=12),
    "Period.åren": _f(hu.Period.åren, från=2021, till=2023),
    "Period.dagar": _f(hu.Period.dagar, från="2023-01-01", till="2023-01-31"),
    "Period.tolka": _f(hu.Period.tolka, text="Delår 2023"),
    "Periodvärde": _f(hu.Periodvärde, värde=0.81, period=hu.Period.helår(2023)),
    "Prestationskrav": _f(hu.Prestationskrav, id="PK1", beskrivning="Plan", vikt=1.0),
    "Prognos": _f(hu.Prognos, värde=-890.0, nedre=-940.0, övre=-870.0, budget=0.0),
    "Prognos.tolka": _f(
        hu.Prognos.tolka, text="Prognos - 890 mkr +20/-50 mnkr.", budget=0.0, föregående=-800
    ),
    "Region": _f(
        hu.Region,
        kod="19",
        namn="Region Västmanland",
        kortnamn="Västmanland",
        län="Västmanlands län",
        kolada_id="0019",
        iso="SE-U",
    ),
    "Regionsvar": _f(hu.Regionsvar, region="Västmanland", krav="PK1", svar="nej"),
    "Uppföljning": _f(hu.Uppföljning, organisation=hsn, period="2023", indikatorer=underlag),
    "Uppföljning.from_csv": Fall(
        hu.Uppföljning.from_csv,
        kw=lambda: {
            "källa": __import__("io").StringIO(
                "indikator;mål;utfall\nBesök inom 90 dagar;≥ 80 %;81 %\n"
            ),
            "organisation": "Västmanland",
            "period": "2023",
        },
    ),
    "Väntetidsgräns": _f(hu.Väntetidsgräns, namn="inom 90 dagar", gräns=90, enhet="dagar"),
    "Vårdval": _f(
        hu.Vårdval,
        namn="Hälsoval",
        lagrum="LOV",
        nämnd=hsn,
        antal_vårdgivare=30,
        varav_egen_regi=20,
        giltig_från="2023-01-01",
    ),
    "Vårdval.gäller": _metod(
        hu.Vårdval.gäller,
        lambda: hu.Vårdval(namn="H", lagrum="LOV", nämnd=_hsn(), giltig_från="2023-01-01"),
        datum=dt.date(2023, 6, 1),
    ),
    "Överenskommelse": _f(
        hu.Överenskommelse,
        namn="God och nära vård",
        år=2024,
        belopp=10.0,
        enhet="mnkr",
        andel_prestation=0.5,
        fokusområden=("Primärvård",),
        prestationskrav=lambda: tuple(_krav()),
    ),
    # methods of instances (built fresh for every call)
    "Färgregel.beskrivning": _metod(
        hu.Färgregel.beskrivning, lambda: hu.Färgregel.rang(0.25, 0.25)
    ),
    "Färgregel.färgklasser": _metod(
        hu.Färgregel.färgklasser,
        lambda: hu.Färgregel.rang(0.25, 0.25),
        panel=panel,
        riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
    ),
    "Indikator.målnivå": _metod(hu.Indikator.målnivå, _indikator, år=2023),
    "Indikator.måluppfyllelse": _metod(
        hu.Indikator.måluppfyllelse, _indikator, utfall=0.05, år=2023
    ),
    "Indikator.trend": _metod(
        hu.Indikator.trend, _indikator, utfall=0.05, referens=0.06, tröskel=0.0
    ),
    "Målnivå.måluppfyllelse": _metod(
        hu.Målnivå.måluppfyllelse, lambda: hu.Målnivå.tolka("≥ 80 %"), utfall=0.81
    ),
    "Period.innehåller": _metod(
        hu.Period.innehåller, lambda: hu.Period.helår(2023), annan="2023-05-01"
    ),
    "Period.snitt": _metod(
        hu.Period.snitt, lambda: hu.Period.helår(2023), annan=hu.Period.tertial(2023, 2)
    ),
    "Periodvärde.måluppfyllelse": _metod(
        hu.Periodvärde.måluppfyllelse,
        lambda: hu.Periodvärde(värde=0.81, period=hu.Period.helår(2023)),
        målnivå=_M,
    ),
    "Prognos.prognosavvikelse": _metod(
        hu.Prognos.prognosavvikelse,
        lambda: hu.Prognos(värde=-890.0, nedre=-940.0, övre=-870.0, budget=0.0),
        utfall=-850.0,
    ),
    "Region.stavningar": _metod(hu.Region.stavningar, lambda: hu.region("Västmanland")),
    "Uppföljning.styrkort": _metod(
        hu.Uppföljning.styrkort,
        lambda: hu.Uppföljning(organisation=_hsn(), period="2023", indikatorer=_underlag()),
        avrundning=1,
        tröskel=0.0,
    ),
    "Uppföljning.rapport": _metod(
        hu.Uppföljning.rapport,
        lambda: hu.Uppföljning(organisation=_hsn(), period="2023", indikatorer=_underlag()),
        format="markdown",
        bredd=100,
        avrundning=1,
        tröskel=0.0,
        figurer=False,
    ),
    "Väntetidsgräns.väntetidsandelar": _metod(
        hu.Väntetidsgräns.väntetidsandelar,
        lambda: hu.Väntetidsgräns(namn="inom 90 dagar", gräns=90, enhet="dagar"),
        data=väntelista,
        väntetid="väntetid",
        minsta_antal=1,
    ),
    "Överenskommelse.prestationsgrad": _metod(
        hu.Överenskommelse.prestationsgrad, _överenskommelse, bedömningar=bedömningar
    ),
    "Överenskommelse.medelsfördelning": _metod(
        hu.Överenskommelse.medelsfördelning,
        _överenskommelse,
        befolkning={"Uppsala": 1, "Sörmland": 1, "Västmanland": 2},
        prestation={"Uppsala": 1.0, "Sörmland": 0.5, "Västmanland": 0.0},
        outnyttjat="behålls",
    ),
    # functions
    "ackumulerad_avvikelse": _f(
        hu.ackumulerad_avvikelse, ack_utfall=250.0, årsbudget=1200.0, månad=2, typ="kostnad"
    ),
    "ackumulerad_budget": _f(hu.ackumulerad_budget, årsbudget=9365.7, månad=2),
    "ackumulerat": _f(hu.ackumulerat, serie=serie, metod="summa"),
    "avrunda": _f(hu.avrunda, värde=84.5, decimaler=1),
    "budgetavvikelse": _f(hu.budgetavvikelse, utfall=-174.1, budget=-8.5, relativ=False),
    "budgetbrygga": _f(
        hu.budgetbrygga,
        start=-8.5,
        poster={"intäkter": -22.1, "kostnader": -143.6},
        slut=-174.1,
        avrundning=1,
    ),
    "formatera_andel": _f(hu.formatera_andel, andel=0.788, decimaler=1),
    "formatera_styrkort": _f(
        hu.formatera_styrkort, tabell=lambda: hu.styrkort(_underlag()), bredd=80
    ),
    "formatera_tal": _f(hu.formatera_tal, värde=-165.6, decimaler=1, enhet="mnkr"),
    "färgklasser": _f(
        hu.färgklasser,
        panel=panel,
        regel=hu.Färgregel.rang(0.25, 0.25),
        riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
    ),
    "förändring": _f(hu.förändring, panel=panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, tröskel=0.0),
    "helårsprognos": _f(
        hu.helårsprognos, utfall=[-90.0, -84.1], budget=0.0, nivå=0.8, metod="oförändrad avvikelse"
    ),
    "hämta_befolkning": Fall(
        hu.hämta_befolkning, kw=lambda: {"år": 2024, "regioner": "19"}, server=True
    ),
    "hämta_kolada": Fall(
        hu.hämta_kolada, kw=lambda: {"kpi": "N79173", "år": 2024, "regioner": "0019"}, server=True
    ),
    "hämta_socialstyrelsen": Fall(
        hu.hämta_socialstyrelsen,
        kw=lambda: {"ämne": "exempelamne", "mått": 1, "år": 2023, "regioner": "19"},
        server=True,
    ),
    "kolada_indikator": Fall(hu.kolada_indikator, kw=lambda: {"id": "N79173"}, server=True),
    "kolada_nyckeltal": Fall(hu.kolada_nyckeltal, kw=lambda: {"id": "N79173"}, server=True),
    "kolada_riktningar": _f(hu.kolada_riktningar),
    "kolumnsumma": _f(hu.kolumnsumma, värden=[21.8, 31.7, None], saknade="utelämna"),
    "kontinuitetsindex": _f(
        hu.kontinuitetsindex,
        besök=besök,
        metod="coc",
        datum="datum",
        slutdatum="2023-12-31",
        fönster_månader=18,
        minsta_antal_besök=2,
        per="vårdcentral",
    ),
    "kostnadsutveckling": _f(
        hu.kostnadsutveckling, utfall=-189.4, referens=-163.0, justeringar={"post": -7.4}
    ),
    "känslighetsintervall": _f(
        hu.känslighetsintervall,
        poster={"läkemedel": (-30, 10), "köpt vård": (-40, 10)},
        punkt=-890.0,
        nivå=0.8,
        metod="simulering",
        seed=1,
        antal=2000,
    ),
    "läs_styrkort": Fall(
        hu.läs_styrkort,
        kw=lambda: {
            "källa": __import__("io").StringIO(
                "Indikator;Mål;Utfall;Riktning\nAndel besök 90 dagar;95 %;78,8 %;högre\n"
            ),
            "sep": ";",
        },
    ),
    "medelsfördelning": _f(
        hu.medelsfördelning,
        belopp=100.0,
        befolkning={"Uppsala": 1, "Sörmland": 1, "Västmanland": 2},
        prestation={"Uppsala": 1.0, "Sörmland": 0.5, "Västmanland": 0.0},
        andel_prestation=0.5,
        outnyttjat="behålls",
        enhet="kr",
    ),
    "medelsfördelning (metod)": _metod(
        hu.Överenskommelse.medelsfördelning,
        _överenskommelse,
        befolkning={"03": 1, "19": 1},
        prestation={"03": 1.0, "19": 0.0},
        outnyttjat="behålls",
    ),
    "måluppfyllelse": _f(hu.måluppfyllelse, utfall=0.96, målnivå=hu.Målnivå.tolka("85-90 %")),
    "måluppfyllelse (relativ)": _f(
        hu.måluppfyllelse, utfall=94.0, målnivå=hu.Målnivå.tolka("Lägre än fg år"), föregående=140
    ),
    "periodiserad_budget": _f(hu.periodiserad_budget, årsbudget=1200.0, månader=12),
    "prestationsgrad": _f(hu.prestationsgrad, bedömningar=bedömningar, krav=krav),
    "procentenheter": _f(hu.procentenheter, värde=0.788, referens=0.748),
    "procentuell_förändring": _f(hu.procentuell_förändring, värde=141.0, referens=100.0),
    "prognosavvikelse": _f(hu.prognosavvikelse, utfall=-850.0, prognos=[-890.0]),
    "prognosfel": _f(
        hu.prognosfel,
        utfall=lambda: np.array([[10.0] * 12, [12.0] * 6 + [8.0] * 6]),
        månad=6,
        metod="linjär",
    ),
    "prognosintervall": _f(hu.prognosintervall, punkt=-890.0, upp=20.0, ned=-50.0),
    "prognoskedja": _f(hu.prognoskedja, prognoser=prognoser, utfall=-830.0),
    "prognosträffsäkerhet": _f(hu.prognosträffsäkerhet, kedja=kedja),
    "r12": _f(hu.r12, serie=serie),
    "r18": _f(hu.r18, serie=serie, metod="medel"),
    "rangordning": _f(hu.rangordning, panel=panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
    "rapport": _f(
        hu.rapport,
        uppföljning=lambda: ex.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False),
        bredd=100,
        tröskel=0.0,
        figurer=False,
    ),
    "region": _f(hu.region, namn_eller_kod="Västmanland"),
    "regioner": _f(hu.regioner),
    "regionpanel": _f(
        hu.regionpanel,
        värden=lambda: pd.DataFrame(
            {"2022": [0.61, 0.70], "2023": [0.64, 0.71]}, index=["03", "19"]
        ),
        indikator="x",
    ),
    "regionpanel (kvot)": _f(
        hu.regionpanel,
        täljare=lambda: pd.DataFrame({2023: [30, 45]}, index=["0003", "0019"]),
        nämnare=lambda: pd.DataFrame({2023: [50, 60]}, index=["0003", "0019"]),
        indikator="x",
    ),
    "regionpanel_från_kolada": _f(hu.regionpanel_från_kolada, data=kolada),
    "rensa_cache": Fall(hu.rensa_cache, kw=lambda: {"cache": _tom_katalog()}),
    "rullande": _f(hu.rullande, serie=serie, månader=3, metod="summa"),
    "sammanvägda_andelar": _f(
        hu.sammanvägda_andelar, andelar=andelar, metod="poolad", minsta_antal=1, konfidensnivå=0.95
    ),
    "sammanvägning": _f(hu.sammanvägning, panel=kvotpanel, metod="poolad"),
    "stil_panel": _f(hu.stil_panel, panel=panel, andel=True, decimaler=1),
    "stil_styrkort": _f(hu.stil_styrkort, tabell=lambda: hu.styrkort(_underlag())),
    "styrkort": _f(hu.styrkort, indikatorer=underlag, avrundning=1, tröskel=0.0),
    "svarstabell": _f(
        hu.svarstabell, poster=lambda: [hu.Regionsvar(region="03", krav="PK1", svar="nej")]
    ),
    "sämre_än_första_mätningen": _f(
        hu.sämre_än_första_mätningen, panel=panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, tröskel=0.0
    ),
    "tertial": _f(hu.tertial, datum="2023-02-15"),
    "tolka_belopp": _f(hu.tolka_belopp, text="8 022 tkr", enhet="mnkr"),
    "tolka_intervall": _f(hu.tolka_intervall, text="85-90 %"),
    "tolka_jämförelse": _f(hu.tolka_jämförelse, text="94 (140)"),
    "tolka_tal": _f(hu.tolka_tal, text="- 890 mkr", enhet=None),
    "tolka_tid": _f(hu.tolka_tid, text="8 min"),
    "trend": _f(
        hu.trend, utfall=0.083, referens=0.117, riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE, tröskel=0.0
    ),
    "Tal": _f(hu.Tal, värde=0.85, enhet="%", fotnoter=("*",)),
    "tolka_par": _f(hu.tolka_par, text="94 (140)", betydelse=("utfall", "fg år")),
    "tolka_värde": _f(hu.tolka_värde, text="drygt 1 200 st*", enhet=None),
    "är_riket": _f(hu.är_riket, text="Hela riket"),
    "uppräkning": _f(hu.uppräkning, belopp=8022.0, andel=0.03, tillägg={"tillskott": 50}),
    "väntetidsandelar": _f(
        hu.väntetidsandelar,
        data=väntelista,
        gränser=90,
        start="start",
        slut="slut",
        mätdatum="2023-02-28",
        minsta_antal=1,
        konfidensnivå=0.95,
    ),
    "väntetidsandelar (väntetid)": _f(
        hu.väntetidsandelar,
        data=väntelista,
        gränser=[30, 90],
        väntetid="väntetid",
        per="region",
        minsta_antal=1,
    ),
    # plot
    "förändringsdiagram": _f(
        hp.förändringsdiagram,
        förändringar=lambda: hu.förändring(_panel(), riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE),
        kolumner=2,
    ),
    "indikatordiagram": _f(
        hp.indikatordiagram,
        utfall=lambda: pd.Series(
            [0.78, 0.81, 0.84], index=pd.period_range("2023-01", periods=3, freq="M"), name="B"
        ),
        målnivå=_M,
    ),
    "kontinuitetsdiagram": _f(
        hp.kontinuitetsdiagram,
        index=lambda: hu.kontinuitetsindex(_besök(), minsta_antal_besök=2),
        vårdenheter=lambda: _besök().rename(columns={"vårdcentral": "listningsenhet"}),
        riket=0.3,
    ),
    "prognosdiagram": _f(hp.prognosdiagram, kedja=prognoser, budget=0.0, utfall=-830.0),
    "rangdiagram": _f(
        hp.rangdiagram,
        panel=panel,
        regel=hu.Färgregel.rang(1 / 3, 1 / 3),
        riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
        mål=0.5,
    ),
    "tornadodiagram": _f(
        hp.tornadodiagram,
        bidrag=lambda: hu.känslighetsintervall(
            {"Köpt vård": (-20, 5), "Läkemedel": (-30, 10)}, punkt=-890, bidrag=True
        )[2],
        punkt=-890.0,
    ),
    "väntetidsdiagram": _f(
        hp.väntetidsdiagram,
        andelar=lambda: hu.väntetidsandelar(
            _väntelista(),
            gränser=90,
            start="start",
            slut="slut",
            mätdatum=["2023-01-31", "2023-02-28"],
            minsta_antal=1,
        ),
        mål=0.8,
    ),
    # exempeldata
    **{
        n: _f(getattr(ex, n))
        for n in ex.__all__
        if not inspect.signature(getattr(ex, n)).parameters
    },
    "syntetisk_befolkning": _f(ex.syntetisk_befolkning, seed=1),
    "syntetisk_kolada": _f(ex.syntetisk_kolada, seed=3, år=(2022, 2023)),
    "syntetisk_väntelista": _f(
        ex.syntetisk_väntelista, n=50, seed=3, från="2022-01-01", till="2023-12-31"
    ),
    "syntetiska_besök": _f(
        ex.syntetiska_besök,
        n_besök=500,
        seed=1,
        besök_per_patient=5.0,
        andel_ordinarie=0.3,
        slutdatum="2023-12-31",
    ),
    "syntetiska_månadsutfall": _f(
        ex.syntetiska_månadsutfall, antal_år=3, medelavvikelse=0.0, spridning=10.0, seed=1
    ),
    "uppföljning_västmanland_2023_02": _f(
        ex.uppföljning_västmanland_2023_02, syntetiska_avsnitt=True, seed=2023
    ),
}

#: Public names that take no input to vary: errors and warnings (constructed by the package
#: itself), and are therefore outside the catalogue.
UNDANTAG = {
    n
    for n in hu.__all__
    if inspect.isclass(getattr(hu, n)) and issubclass(getattr(hu, n), (BaseException, Warning))
}


def _tom_katalog() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="hu-katalog-")


# --------------------------------------------------------------------------- coverage


def _publika() -> Iterator[str]:
    """Every public callable (classes with their public named constructors and methods)."""
    for modul, namn in ((hu, hu.__all__), (hp, hp.__all__), (ex, ex.__all__)):
        for n in namn:
            obj = getattr(modul, n)
            if not callable(obj) or n in UNDANTAG or inspect.ismodule(obj):
                continue
            yield n
            if inspect.isclass(obj) and not issubclass(obj, enum.Enum):
                for m, f in vars(obj).items():
                    metod = isinstance(f, (classmethod, staticmethod)) or inspect.isfunction(f)
                    if metod and not m.startswith("_"):
                        yield f"{n}.{m}"


def test_varje_publik_anropbar_har_ett_fall() -> None:
    """A public callable with no valid baseline call in FALL fails here."""
    saknas = [n for n in _publika() if n not in FALL]
    assert not saknas, f"add a valid baseline call to FALL for: {saknas}"


def test_baslinjerna_är_giltiga(httpserver: Any) -> None:
    """Every baseline call itself runs and gives a valid result."""
    _tjäna(httpserver)
    fel = []
    for namn, fall in FALL.items():
        try:
            ut = _anropa(fall, httpserver)
            _kontrollera_giltigt(ut, type(ut), namn)
        except Exception as e:  # pragma: no cover - shown only when a baseline breaks
            fel.append(f"{namn}: {type(e).__name__}: {e}")
    assert not fel, "\n".join(fel)


# --------------------------------------------------------------------------- the test server


def _tjäna(server: Any) -> None:
    """Serve the kallor fixtures for any path the clients ask for."""
    from werkzeug.wrappers import Request, Response

    mapp = Path(__file__).resolve().parent / "data" / "kallor"

    def svara(request: Request) -> Response:
        väg = request.path
        bas = server.url_for("/")
        if "/tables/" in väg:
            namn = (
                "scb_TAB638_metadata.json"
                if väg.endswith("metadata")
                else "scb_TAB638_data_2024.json"
            )
        elif väg.startswith("/data/kpi"):
            namn = "kolada_N79173_sida2.json"
        elif väg.startswith("/kpi"):
            namn = "kolada_kpi_N79173.json"
        else:
            namn = "sos_sida2.json"
        data = json.loads((mapp / namn).read_text(encoding="utf-8").replace("{bas}", bas))
        if namn.startswith("sos"):
            data.pop("foregaende_sida", None)
            data["sidor"], data["sida"] = 1, 1
        if namn.startswith("kolada_N"):
            data.pop("previous_page", None)
        return Response(json.dumps(data), content_type="application/json")

    import re

    server.expect_request(re.compile(".*")).respond_with_handler(svara)


# --------------------------------------------------------------------------- calling and checking


#: A bad value may not make a call run longer than this (seconds).
_SEKUNDER = 5


class _TidsgränsError(Exception):
    pass


def _larm(*_: Any) -> None:
    raise _TidsgränsError(
        f"the call took more than {_SEKUNDER} s (a hang, or an absurd size accepted)"
    )


def _anropa(fall: Fall, server: Any, ersätt: tuple[str, Any] | None = None) -> Any:
    kw = fall.kw()
    pos = fall.pos()
    if fall.server:
        kw["bas_url"] = server.url_for("/")
        kw["cache"] = False
    if ersätt is not None:
        arg, värde = ersätt
        if arg.startswith("*"):
            pos[int(arg[1:])] = värde
        else:
            kw[arg] = värde
    gammal = signal.signal(signal.SIGALRM, _larm)
    signal.alarm(_SEKUNDER)
    try:
        return fall.fn(*pos, **kw)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, gammal)


_TALSLAG = (numbers.Number, np.ndarray, pd.Series, pd.DataFrame, np.generic)


def _tal_i(obj: Any, djup: int = 0) -> Iterator[tuple[str, Any]]:
    """Every numeric array or number in a result, with where it was found."""
    if djup > 3:
        return
    if isinstance(obj, (bool, np.bool_, enum.Enum, str)):
        return
    if isinstance(obj, numbers.Number):
        yield "", np.asarray(obj, dtype=complex if isinstance(obj, complex) else float)
    elif isinstance(obj, np.ndarray):
        if obj.dtype.kind in "fiuc":
            yield "", obj
    elif isinstance(obj, pd.Series):
        if obj.dtype.kind in "fiu":
            yield str(obj.name), obj.to_numpy()
    elif isinstance(obj, pd.DataFrame):
        for k in obj.columns:
            kol = obj[k]
            if isinstance(kol, pd.Series) and kol.dtype.kind in "fiu":
                yield str(k), kol.to_numpy()
    elif isinstance(obj, (tuple, list)):
        for v in obj[:50]:
            yield from _tal_i(v, djup + 1)
    elif isinstance(obj, dict):
        for k, v in list(obj.items())[:50]:
            for var, arr in _tal_i(v, djup + 1):
                yield var or str(k), arr
    elif attrs.has(type(obj)):
        for a in attrs.fields(type(obj)):
            for var, arr in _tal_i(getattr(obj, a.name), djup + 1):
                yield var or a.name, arr


def _kontrollera_giltigt(ut: Any, typ: type, namn: str, *, per_kolumn: bool = False) -> None:
    if isinstance(ut, _TALSLAG) and issubclass(typ, _TALSLAG):
        pass
    elif isinstance(ut, pd.DataFrame) and per_kolumn:
        pass  # a frame given for one column is answered per column (kolumnsumma)
    elif isinstance(ut, (np.ndarray, pd.Series)) and issubclass(typ, enum.Enum):
        pass  # elementwise assessment
    else:
        assert isinstance(ut, typ), f"{namn}: returned {type(ut).__name__}, expected {typ.__name__}"
    for var, rå in _tal_i(ut):
        arr = np.asarray(rå)
        assert not np.isinf(arr).any(), f"{namn}: infinity in the result ({var or 'value'})"
        if var.startswith("andel") and arr.dtype.kind == "f":
            ändliga = arr[np.isfinite(arr)]
            assert ((ändliga >= 0) & (ändliga <= 1)).all(), f"{namn}: share {var} outside [0, 1]"


def _får_ge_none(fall: Fall) -> bool:
    """Whether the callable's return annotation admits None (a documented missing answer)."""
    try:
        svar = inspect.signature(fall.fn).return_annotation
    except (TypeError, ValueError):  # pragma: no cover
        return False
    return "None" in str(svar)


def _argnamn(arg: str, fall: Fall) -> str:
    if arg.startswith("*"):
        try:
            return next(iter(inspect.signature(fall.fn).parameters))
        except (StopIteration, TypeError, ValueError):  # pragma: no cover
            return arg
    return arg


#: Lookup errors name the thing looked up (a column, a region, a KPI, a year of a source
#: table) rather than the argument: the missing value is what the reader must correct.
_UPPSLAGSFEL = (hu.SaknadKolumnError, hu.OkändRegionError, hu.OkändKpiError, hu.KällfelError)


def _kontrollera_meddelande(fel: Exception, argument: str, fall: Fall, namn: str) -> None:
    """The message names the argument and the function called.

    An enum lookup names its class; a lookup error names the value looked up.
    """
    text = _nfc(str(fel))
    if argument == "value" and inspect.isclass(fall.fn):
        assert fall.fn.__name__ in text or "value" in text, text
    elif not isinstance(fel, _UPPSLAGSFEL):
        assert _nfc(argument) in text, f"the message does not name {argument!r}: {text}"
        # ... and the function the caller used (a method: the method or its class)
        anropad = namn.split(" (", maxsplit=1)[0]
        delar = {anropad, *anropad.split(".")}
        assert any(_nfc(d) in text for d in delar), f"the message does not name {anropad}: {text}"


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# --------------------------------------------------------------------------- known failures


#: Cases still failing, each marked ``xfail(strict=True)`` with its reason: test id -> reason.
#: Empty: every case passes. A case added here flips to a failure once it is fixed.
KÄNDA_FEL: dict[str, str] = {}


def _baslinjevärde(fall: Fall, arg: str) -> Any:
    if arg.startswith("*"):
        return fall.pos()[int(arg[1:])]
    return fall.kw().get(arg)


def _parametrar() -> Iterator[Any]:
    for namn, fall in FALL.items():
        for arg in fall.argument():
            bas = _baslinjevärde(fall, arg)
            härledda = [v for v, härled in HÄRLEDDA.items() if härled(bas) is not None]
            for vid in [*DÅLIGA, *härledda]:
                tid = f"{namn}-{arg}-{vid}"
                märken = []
                if tid in KÄNDA_FEL:
                    märken.append(pytest.mark.xfail(strict=True, reason=KÄNDA_FEL[tid]))
                yield pytest.param(namn, arg, vid, id=tid, marks=märken)


_BASTYPER: dict[str, type] = {}


@pytest.fixture(scope="module")
def server_modul() -> Iterator[Any]:
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    _tjäna(server)
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize(("namn", "arg", "vid"), list(_parametrar()))
def test_dåligt_värde(namn: str, arg: str, vid: str, server_modul: Any) -> None:
    """A bad value gives a valid result or a package error naming the argument."""
    fall = FALL[namn]
    if namn not in _BASTYPER:
        _BASTYPER[namn] = type(_anropa(fall, server_modul))
    typ = _BASTYPER[namn]
    try:
        dåligt = HÄRLEDDA[vid](_baslinjevärde(fall, arg)) if vid in HÄRLEDDA else DÅLIGA[vid]()
        ut = _anropa(fall, server_modul, (arg, dåligt))
    except hu.HalsouppfoljningError as fel:
        argument = _argnamn(arg, fall)
        _kontrollera_meddelande(fel, argument, fall, namn)
    else:
        if ut is None and _får_ge_none(fall):
            return  # a documented "missing" answer (``tolka_tid("")``)
        _kontrollera_giltigt(
            ut, typ, f"{namn}({arg}={vid})", per_kolumn=isinstance(dåligt, pd.DataFrame)
        )
    finally:
        import matplotlib.pyplot as plt

        plt.close("all")


# --------------------------------------------------------------------------- count properties


@st.composite
def _delar(draw: st.DrawFn) -> pd.DataFrame:
    """Parts of a pooled share: regions with counts, antal_inom <= antal by construction."""
    n = draw(st.integers(min_value=1, max_value=6))
    antal = draw(st.lists(st.integers(0, 500), min_size=n, max_size=n))
    inom = [draw(st.integers(0, a)) for a in antal]
    return pd.DataFrame(
        {
            "region": [f"R{i}" for i in range(n)],
            "gräns": 90.0,
            "gränsnamn": "högst 90 dagar",
            "enhet": "dagar",
            "antal": antal,
            "antal_inom": inom,
        }
    )


@given(_delar(), st.sampled_from(["poolad", "medel"]))
def test_pooled_share_is_in_0_1_and_counts_are_conserved(delar: pd.DataFrame, metod: str) -> None:
    """Summed counts equal the parts' sums; antal_inom <= antal; the share is in [0, 1]."""
    p = hu.sammanvägda_andelar(delar, metod=metod, minsta_antal=0)
    assert int(p["antal"].iloc[0]) == int(delar["antal"].sum())
    assert int(p["antal_inom"].iloc[0]) == int(delar["antal_inom"].sum())
    assert p["antal_inom"].iloc[0] <= p["antal"].iloc[0]
    andel = p["andel"].iloc[0]
    assert np.isnan(andel) or 0.0 <= andel <= 1.0
    if metod == "poolad" and delar["antal"].sum() > 0:
        assert andel == pytest.approx(delar["antal_inom"].sum() / delar["antal"].sum())


@given(_delar(), st.data())
def test_a_part_above_its_whole_is_always_an_error(
    delar: pd.DataFrame, data: st.DataObject
) -> None:
    """Any row with antal_inom > antal is refused, whichever row it is."""
    i = data.draw(st.integers(0, len(delar) - 1))
    delar.loc[i, "antal_inom"] = delar.loc[i, "antal"] + data.draw(st.integers(1, 10))
    with pytest.raises(hu.OgiltigtVärdeError, match=f"in row {i}"):
        hu.sammanvägda_andelar(delar, metod="poolad", minsta_antal=0)


@given(
    st.lists(
        st.one_of(st.floats(-10, 3653), st.just(math.nan), st.none()), min_size=1, max_size=40
    ),
    st.sampled_from([0, 3, 90]),
)
def test_rows_are_conserved_counted_plus_excluded(tider: list[float | None], gräns: int) -> None:
    """Every row is counted once: in antal, in saknade or in ogiltiga (ogiltiga='exkludera')."""
    r = hu.väntetidsandelar(tider, gränser=gräns, minsta_antal=0, ogiltiga="exkludera")
    rad = r.iloc[0]
    assert int(rad["antal"] + rad["saknade"] + rad["ogiltiga"] + rad["exkluderade"]) == len(tider)
    assert 0 <= rad["antal_inom"] <= rad["antal"]
    väntat_inom = sum(1 for t in tider if t is not None and not math.isnan(t) and 0 <= t <= gräns)
    assert int(rad["antal_inom"]) == väntat_inom


# --------------------------------------------------------------------------- the _indata rules


def test_samma_längd_gives_both_lengths_and_both_indexes() -> None:
    from halsouppfoljning import _indata

    with pytest.raises(hu.OgiltigtVärdeError, match="utfall has length 2 but budget has length 3"):
        _indata.samma_längd([1, 2], [1, 2, 3], "utfall", "budget", "f")
    a = pd.Series([1.0, 2.0], index=["x", "y"])
    b = pd.Series([1.0, 2.0], index=["x", "z"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"different indexes \(\['x', 'y'\]"):
        _indata.samma_längd(a, b, "utfall", "budget", "f")
    _indata.samma_längd(3.0, [1.0], "utfall", "budget", "f")  # a scalar is one value


def test_unika_nycklar_lists_duplicated_rows_of_a_frame() -> None:
    from halsouppfoljning import _indata

    ram = pd.DataFrame({"region": ["A", "B", "A"], "år": [2023, 2023, 2023]})
    with pytest.raises(hu.OgiltigtVärdeError, match=r"\[\('A', 2023\)\]"):
        _indata.unika_nycklar(ram, "panel", "f")
    _indata.unika_nycklar(ram.iloc[:2], "panel", "f")


def test_antal_refuses_fractions_and_infinity() -> None:
    from halsouppfoljning import _indata

    with pytest.raises(hu.OgiltigtVärdeError, match=r"got 1\.5 at position 0"):
        _indata.antal([1.5], "antal")
    with pytest.raises(hu.OgiltigtVärdeError, match="finite"):
        _indata.antal([math.inf], "antal")


def test_slumpgenerator_and_följd() -> None:
    from halsouppfoljning import _indata

    g = np.random.default_rng(1)
    assert _indata.slumpgenerator(g) is g
    assert isinstance(_indata.slumpgenerator(None), np.random.Generator)
    with pytest.raises(hu.OgiltigtVärdeError, match="seed must be >= 0"):
        _indata.slumpgenerator(-1)
    with pytest.raises(hu.FelTypError, match=r"krav\[1\] must be a int"):
        _indata.följd([1, "a"], "krav", typ=int)
    with pytest.raises(hu.FelTypError, match=r"krav\[0\] must be a int or float"):
        _indata.följd(["a"], "krav", typ=(int, float))
    assert _indata.följd(iter([1, 2]), "krav", typ=int) == (1, 2)
