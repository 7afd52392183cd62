"""Tests of halsouppfoljning.prognos: Prognos, intervals, full-year forecasts and accuracy."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

import halsouppfoljning as hu
from halsouppfoljning.tolka import prognos as tolka_prognos

tryckta = st.integers(min_value=-(10**6), max_value=10**6).map(lambda x: x / 10)
icke_negativa = st.integers(min_value=0, max_value=10**5).map(lambda x: x / 10)


# --------------------------------------------------------------------------- prognosintervall


def test_prognosintervall_done_when() -> None:
    # -890 - 50 = -940, -890 + 20 = -870
    assert hu.prognosintervall(-890, 20, -50) == (-940, -870)
    assert hu.prognosintervall(-890, 20, 50, ned_som_belopp=True) == (-940, -870)


def test_prognosintervall_input_kinds() -> None:
    nedre, övre = hu.prognosintervall([-890.0, -800.0], [20.0, 0.0], [-50.0, -30.0])
    np.testing.assert_allclose(nedre, [-940.0, -830.0])
    np.testing.assert_allclose(övre, [-870.0, -800.0])
    punkt = pd.Series([-890.0, 39.0], index=["HSF", "MDT"])
    nedre, övre = hu.prognosintervall(punkt, 20.0, -50.0)
    assert list(nedre.index) == ["HSF", "MDT"]
    assert övre.tolist() == [-870.0, 59.0]
    n, ö = hu.prognosintervall(math.nan, 1.0, -1.0)
    assert math.isnan(n)
    assert math.isnan(ö)
    n, ö = hu.prognosintervall(np.array([]), np.array([]), np.array([]))
    assert n.shape == ö.shape == (0,)


def test_prognosintervall_errors_name_the_side() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"upp=-20 is an upside below zero"):
        hu.prognosintervall(-890, -20, -50)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"ned=50 is a downside above zero"):
        hu.prognosintervall(-890, 20, 50)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"ned=-50 is a downside magnitude below"):
        hu.prognosintervall(-890, 20, -50, ned_som_belopp=True)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"upp=-1 \(at position 1\)"):
        hu.prognosintervall([0.0, 0.0], [1.0, -1.0], [0.0, 0.0])
    with pytest.raises(hu.FelTypError):
        hu.prognosintervall("-890", 20, -50)


@given(tryckta, icke_negativa, icke_negativa, st.booleans())
def test_prognosintervall_contains_point(p: float, u: float, n: float, belopp: bool) -> None:
    nedre, övre = hu.prognosintervall(p, u, n if belopp else -n, ned_som_belopp=belopp)
    assert nedre <= p <= övre
    # plain reference
    assert (nedre, övre) == (p - n, p + u)


# --------------------------------------------------------------------------- Prognos


def test_prognos_fields_and_properties() -> None:
    p = hu.Prognos(
        värde=-890,
        nedre=-940,
        övre=-870,
        avser="helår 2023",
        upprättad=dt.datetime(2023, 2, 28, 12),
        budget=0,
        föregående=hu.Prognos(värde=-800),
        metod="bedömning",
    )
    assert p.intervall == (-940.0, -870.0)
    assert (p.uppsida, p.nedsida) == (20.0, -50.0)
    assert p.avvikelse_mot_budget == -890.0
    assert p.revidering == -90.0  # -890 - (-800)
    assert p.föregående == -800.0
    assert p.upprättad == dt.date(2023, 2, 28)
    assert str(p) == "-890 mnkr +20/-50 mnkr"
    utan = hu.Prognos(värde=-53.6)
    assert math.isnan(utan.nedre)
    assert math.isnan(utan.avvikelse_mot_budget)
    assert str(utan) == "-53,6 mnkr"
    with pytest.raises(AttributeError):
        p.värde = 0.0  # type: ignore[misc]


def test_prognos_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="nedre=-800 is above värde=-890"):
        hu.Prognos(värde=-890, nedre=-800)
    with pytest.raises(hu.OgiltigtVärdeError, match="övre=-900 is below värde=-890"):
        hu.Prognos(värde=-890, övre=-900)
    with pytest.raises(hu.FelTypError, match=r"Prognos\.tolka"):
        hu.Prognos(värde="-890")
    with pytest.raises(hu.OgiltigtVärdeError, match="YYYY-MM"):
        hu.Prognos(värde=1.0, upprättad="februari")
    with pytest.raises(hu.OgiltigtVärdeError, match="no month 13"):
        hu.Prognos(värde=1.0, upprättad="2023-13")
    with pytest.raises(hu.FelTypError):
        hu.Prognos(värde=1.0, enhet=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hu.Prognos(-890.0)  # type: ignore[misc]  # keyword-only


def test_prognos_methods_delegate(monkeypatch: pytest.MonkeyPatch) -> None:
    # the globals of the module that defines Prognos (with --import-mode=importlib and
    # doctests of src the module can be imported twice; patch the one the class uses)
    modul = hu.Prognos.prognosavvikelse.__globals__
    anrop: list[tuple[Any, ...]] = []

    def spion(*args: Any, **kwargs: Any) -> float:
        anrop.append((args, kwargs))
        return 1.5

    monkeypatch.setitem(modul, "prognosavvikelse", spion)
    p = hu.Prognos(värde=-890.0, budget=0.0, föregående=-800.0)
    assert p.prognosavvikelse(-900.0) == 1.5
    assert anrop[-1][0] == (-900.0, p)
    monkeypatch.setitem(modul, "budgetavvikelse", spion)
    assert p.avvikelse_mot_budget == 1.5
    assert anrop[-1][0] == (-890.0, 0.0)
    assert p.revidering == 1.5
    assert anrop[-1][0] == (-890.0, -800.0)

    fångade: list[tuple[Any, ...]] = []

    def spion_intervall(*args: Any, **kwargs: Any) -> tuple[float, float]:
        fångade.append(args)
        return (-941.0, -869.0)

    # Prognos.tolka hands off to the grammar in tolka.prognos, which builds the interval
    monkeypatch.setattr(tolka_prognos, "prognosintervall", spion_intervall)
    q = hu.Prognos.tolka("-890 mnkr +20/-50 mnkr")
    assert fångade == [(-890.0, 20.0, -50.0)]
    assert q.intervall == (-941.0, -869.0)


# --------------------------------------------------------------------------- känslighetsintervall

POSTER = {"läkemedel": (-30.0, 10.0), "köpt vård": (-40.0, 10.0), "statsbidrag": (0.0, 5.0)}


def test_känslighetsintervall_hand() -> None:
    # summa: -890 + (-30 - 40 + 0) = -960; -890 + (10 + 10 + 5) = -865
    assert hu.känslighetsintervall(POSTER, punkt=-890) == (-960.0, -865.0)
    # kvadratsumma: sqrt(30² + 40²) = 50; sqrt(10² + 10² + 5²) = 15
    nedre, övre = hu.känslighetsintervall(POSTER, punkt=-890, metod="kvadratsumma")
    assert nedre == pytest.approx(-940.0)
    assert övre == pytest.approx(-875.0)


def test_känslighetsintervall_input_forms() -> None:
    df = pd.DataFrame({"ned": [-30.0, -40.0, 0.0], "upp": [10.0, 10.0, 5.0]}, index=list(POSTER))
    assert hu.känslighetsintervall(df) == (-70.0, 25.0)
    assert hu.känslighetsintervall(list(POSTER.values())) == (-70.0, 25.0)
    belopp = {k: (-v[0], v[1]) for k, v in POSTER.items()}
    assert hu.känslighetsintervall(belopp, ned_som_belopp=True) == (-70.0, 25.0)
    # no items is no sensitivity analysis: an error, not the zero-width interval (p, p)
    with pytest.raises(hu.OgiltigtVärdeError, match="poster holds no items"):
        hu.känslighetsintervall({})
    with pytest.raises(hu.OgiltigtVärdeError, match="poster holds no items"):
        hu.känslighetsintervall(pd.DataFrame({"ned": [], "upp": []}), metod="simulering")
    saknas = {"a": (math.nan, 1.0)}
    assert all(math.isnan(x) for x in hu.känslighetsintervall(saknas, metod="kvadratsumma"))


def test_känslighetsintervall_bidrag_tornado() -> None:
    _, _, tabell = hu.känslighetsintervall(
        POSTER, punkt=-890, metod="simulering", seed=3, antal=20_000, bidrag=True
    )
    # sorted widest first: köpt vård (50), läkemedel (40), statsbidrag (5)
    assert list(tabell.index) == ["köpt vård", "läkemedel", "statsbidrag"]
    assert tabell["spann"].tolist() == [50.0, 40.0, 5.0]
    assert tabell.loc["köpt vård", ["nedre", "övre"]].tolist() == [-930.0, -880.0]
    # triangular variance (a² + b² + c² - ab - ac - bc) / 18 with c = 0: (1600 + 100 + 400)/18
    assert tabell.loc["köpt vård", "varians"] == pytest.approx(2100 / 18)
    assert tabell["andel_av_varians"].sum() == pytest.approx(1.0)
    _, _, tabell2 = hu.känslighetsintervall(POSTER, bidrag=True)
    assert "varians" not in tabell2.columns


def test_känslighetsintervall_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="metod must be"):
        hu.känslighetsintervall(POSTER, metod="monte carlo")
    with pytest.raises(hu.OgiltigtVärdeError, match="fördelning must be"):
        hu.känslighetsintervall(POSTER, metod="simulering", fördelning="normal")
    with pytest.raises(hu.AndelsError, match="did you pass percent"):
        hu.känslighetsintervall(POSTER, metod="simulering", nivå=80)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"poster\['a'\] has an upside below zero"):
        hu.känslighetsintervall({"a": (-1.0, -2.0)})
    with pytest.raises(hu.OgiltigtVärdeError, match=r"poster\['a'\] has a downside above zero"):
        hu.känslighetsintervall({"a": (1.0, 2.0)})
    with pytest.raises(hu.OgiltigtVärdeError, match="outside its range"):
        hu.känslighetsintervall({"a": (-1.0, 2.0, 3.0)})
    with pytest.raises(hu.OgiltigtVärdeError, match="must be \\(ned, upp\\)"):
        hu.känslighetsintervall({"a": (-1.0,)})
    with pytest.raises(hu.SaknadKolumnError, match="'upp'"):
        hu.känslighetsintervall(pd.DataFrame({"ned": [-1.0]}))
    with pytest.raises(hu.FelTypError, match="poster must be"):
        hu.känslighetsintervall(5)
    with pytest.raises(hu.OgiltigtVärdeError, match="antal"):
        hu.känslighetsintervall(POSTER, metod="simulering", antal=0)


def test_känslighetsintervall_simulation_one_item_matches_scipy() -> None:
    # one triangular item on [-50, 20] with mode 0: the interval is its exact quantiles
    nedre, övre = hu.känslighetsintervall(
        {"a": (-50.0, 20.0)}, punkt=-890, metod="simulering", nivå=0.8, seed=7, antal=400_000
    )
    fördelning = stats.triang(c=50 / 70, loc=-50, scale=70)
    assert nedre == pytest.approx(-890 + fördelning.ppf(0.1), abs=0.3)
    assert övre == pytest.approx(-890 + fördelning.ppf(0.9), abs=0.3)
    # PERT: Beta(1 + 4*50/70, 1 + 4*20/70) on [-50, 20]
    nedre, övre = hu.känslighetsintervall(
        {"a": (-50.0, 20.0)}, metod="simulering", fördelning="pert", seed=7, antal=400_000
    )
    pert = stats.beta(1 + 4 * 50 / 70, 1 + 4 * 20 / 70, loc=-50, scale=70)
    assert nedre == pytest.approx(pert.ppf(0.1), abs=0.3)
    assert övre == pytest.approx(pert.ppf(0.9), abs=0.3)


def test_känslighetsintervall_seed_reproducible() -> None:
    a = hu.känslighetsintervall(POSTER, metod="simulering", seed=11, antal=5000)
    b = hu.känslighetsintervall(POSTER, metod="simulering", seed=11, antal=5000)
    assert a == b


def test_skewed_items_can_leave_kvadratsumma() -> None:
    # documented limit: nine one-sided items (-10, 0) with mode 0 have mean -10/3 each, so the
    # simulated total centres near -30 and its 10 % quantile (about -39) lies below the
    # root-sum-square bound -sqrt(9 * 100) = -30, while "summa" (-90) still contains it
    poster = [(-10.0, 0.0)] * 9
    rss = hu.känslighetsintervall(poster, metod="kvadratsumma")
    sim = hu.känslighetsintervall(poster, metod="simulering", seed=1, antal=50_000)
    assert sim[0] < rss[0] == pytest.approx(-30.0)
    assert hu.känslighetsintervall(poster)[0] <= sim[0]


poster_strategi = st.lists(
    st.tuples(
        st.integers(min_value=-100, max_value=0), st.integers(min_value=0, max_value=100)
    ).map(lambda t: (float(t[0]), float(t[1]))),
    min_size=1,
    max_size=8,
)


def _tre_intervall(
    poster: list[tuple[float, float]],
    punkt: float,
    nivå: float,
    seed: int,
    antal: int,
    fördelning: str,
) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """The same items combined by "summa", "kvadratsumma" and "simulering"."""
    s = hu.känslighetsintervall(poster, punkt=punkt)
    k = hu.känslighetsintervall(poster, punkt=punkt, metod="kvadratsumma")
    m = hu.känslighetsintervall(
        poster,
        punkt=punkt,
        metod="simulering",
        nivå=nivå,
        seed=seed,
        antal=antal,
        fördelning=fördelning,
    )
    return s, k, m


@given(
    poster_strategi,
    tryckta,
    st.sampled_from(["triangel", "pert"]),
    st.floats(min_value=0.05, max_value=0.99),
    st.integers(0, 2**32 - 1),
)
def test_summa_contains_all(
    poster: list[tuple[float, float]], punkt: float, fördelning: str, nivå: float, seed: int
) -> None:
    s, k, m = _tre_intervall(poster, punkt, nivå, seed, 2000, fördelning)
    tol = 1e-9 * max(1.0, abs(punkt))
    # summa and kvadratsumma contain the point; a simulated interval of one-sided items
    # need not (its total drifts to the long side, see the docstring's Notes)
    for nedre, övre in (s, k):
        assert nedre <= punkt + tol
        assert övre >= punkt - tol
    assert s[0] <= k[0] + tol
    assert k[1] <= s[1] + tol
    assert s[0] <= m[0] + tol
    assert m[1] <= s[1] + tol


@given(
    st.lists(st.integers(min_value=0, max_value=100).map(float), min_size=1, max_size=8),
    tryckta,
    st.sampled_from(["triangel", "pert"]),
    st.floats(min_value=0.05, max_value=0.9),
    st.integers(0, 2**32 - 1),
)
def test_summa_contains_kvadratsumma_contains_simulated_for_symmetric_items(
    bredder: list[float], punkt: float, fördelning: str, nivå: float, seed: int
) -> None:
    # items symmetric about their mode (the condition in the docstring's Notes)
    poster = [(-b, b) for b in bredder]
    s, k, m = _tre_intervall(poster, punkt, nivå, seed, 4000, fördelning)
    tol = 1e-9 * max(1.0, abs(punkt))
    assert s[0] <= k[0] + tol <= m[0] + 2 * tol
    assert m[1] <= k[1] + tol <= s[1] + 2 * tol


def _referenskvantiler(
    poster: list[tuple[float, float]], p: list[float], steg: float
) -> tuple[np.ndarray, np.ndarray]:
    """Quantiles and densities of a sum of triangular items by numerical convolution."""
    massa = np.array([1.0])
    start = 0.0
    for a, b in poster:
        if b == a:
            continue
        fördelning = stats.triang(c=-a / (b - a), loc=a, scale=b - a)
        punkter = np.arange(a, b + steg / 2, steg)
        kanter = np.concatenate([[a], (punkter[:-1] + punkter[1:]) / 2, [b]])
        massa = np.convolve(massa, np.diff(fördelning.cdf(kanter)))
        start += a
    x = start + steg * np.arange(massa.size)
    kum = np.cumsum(massa)
    kvantiler = np.interp(p, kum - massa / 2, x)
    täthet = np.interp(kvantiler, x, massa / steg)
    return kvantiler, täthet


@settings(max_examples=10)
@given(
    st.lists(
        st.tuples(st.integers(-40, -1), st.integers(1, 40)).map(
            lambda t: (float(t[0]), float(t[1]))
        ),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 2**32 - 1),
)
def test_simulated_interval_converges(poster: list[tuple[float, float]], seed: int) -> None:
    # the simulated interval approaches the exact quantiles (numerical convolution, an
    # independent reference) within 5 standard errors of a sample quantile,
    # sqrt(p (1 - p) / n) / f(q_p), a bound that shrinks as the number of draws n grows
    steg = 0.02
    ref, täthet = _referenskvantiler(poster, [0.1, 0.9], steg)
    for antal in (1_000, 10_000, 100_000):
        sim = hu.känslighetsintervall(poster, metod="simulering", nivå=0.8, seed=seed, antal=antal)
        se = np.sqrt(0.1 * 0.9 / antal) / täthet
        assert abs(sim[0] - ref[0]) <= 5 * se[0] + 2 * steg
        assert abs(sim[1] - ref[1]) <= 5 * se[1] + 2 * steg


# --------------------------------------------------------------------------- helårsprognos

BUDGET = np.array([-4.0, 6.0, 8.0, 6.0, 4.0, -10.0, -20.0, -6.0, 6.0, 8.0, 6.0, -4.0])


def test_helårsprognos_points_by_hand() -> None:
    u = [-90.0, -84.1]
    b = [-5.0, -3.5] + [0.85] * 10  # annual 0.0, year-to-date -8.5
    # deviation so far -174.1 + 8.5 = -165.6
    # budgetprofil: 0 + (-165.6) * 12/2 = -993.6
    assert hu.helårsprognos(u, budget=b).värde == pytest.approx(-993.6)
    # oförändrad avvikelse: 0 + (-165.6) = -165.6
    assert hu.helårsprognos(u, budget=b, metod="oförändrad avvikelse").värde == pytest.approx(
        -165.6
    )
    # linjär: -174.1 * 12/2 = -1044.6
    assert hu.helårsprognos(u, metod="linjär").värde == pytest.approx(-1044.6)
    # a scalar annual budget is spread linearly: ytd budget 120 * 2/12 = 20, deviation -10
    p = hu.helårsprognos([5.0, 5.0], budget=120.0, metod="oförändrad avvikelse")
    assert p.värde == pytest.approx(110.0)
    assert p.budget == pytest.approx(120.0)


def test_helårsprognos_interval_by_hand() -> None:
    # budgetprofil, m = 3, deviations 1, 3, 5: s = 2, factor sqrt((12-3)*12/3) = 6,
    # t(0.9, 2 df) = 1.885618...; half width 2 * 6 * 1.885618 = 22.6274
    u = [1.0, 3.0, 5.0]
    p = hu.helårsprognos(u, budget=0.0, nivå=0.8)
    assert p.värde == pytest.approx(36.0)  # 9 * 12/3
    assert p.övre - p.värde == pytest.approx(2 * 6 * 1.8856180831641267)
    assert p.värde - p.nedre == pytest.approx(2 * 6 * 1.8856180831641267)
    # oförändrad avvikelse: factor sqrt(9) = 3
    q = hu.helårsprognos(u, budget=0.0, metod="oförändrad avvikelse")
    assert q.värde == pytest.approx(9.0)
    assert q.övre - q.värde == pytest.approx(2 * 3 * 1.8856180831641267)
    assert "månadsvariation" in (q.metod or "")


def test_helårsprognos_historik_by_hand() -> None:
    # errors 10, 20, 30: mean 20, s = 10, n = 3; t(0.9, 2 df) * 10 * sqrt(4/3)
    u = [1.0, 3.0, 5.0]
    p = hu.helårsprognos(u, metod="linjär", historik=[10.0, 20.0, 30.0])
    assert p.värde == pytest.approx(36.0 + 20.0)
    assert p.övre - p.värde == pytest.approx(1.8856180831641267 * 10 * math.sqrt(4 / 3))
    # without bias correction: F ± t(0.9, 3 df) * sqrt((100 + 400 + 900)/3)
    q = hu.helårsprognos(u, metod="linjär", historik=[10.0, 20.0, 30.0], biaskorrigering=False)
    assert q.värde == pytest.approx(36.0)
    assert q.övre - q.värde == pytest.approx(1.6377443572159062 * math.sqrt(1400 / 3))


def test_helårsprognos_full_year_and_thin_data() -> None:
    p = hu.helårsprognos([1.0] * 12, budget=0.0)
    assert p.intervall == (12.0, 12.0)
    with pytest.warns(hu.UnderlagsVarning, match="one month"):
        q = hu.helårsprognos([1.0], budget=12.0)
    assert q.värde == pytest.approx(12.0)  # 12 + (1 - 1) * 12
    assert math.isnan(q.nedre)
    with pytest.warns(hu.UnderlagsVarning, match="1 usable"):
        r = hu.helårsprognos([1.0, 2.0], metod="linjär", historik=[5.0])
    assert math.isnan(r.övre)
    with pytest.warns(hu.UnderlagsVarning, match="1 of 3 past errors"):
        s = hu.helårsprognos([1.0, 2.0], metod="linjär", historik=[5.0, math.nan, 7.0])
    assert s.värde == pytest.approx(18.0 + 6.0)
    # NaN in gives NaN out, flagged by a warning
    with pytest.warns(hu.UnderlagsVarning, match="1 missing value"):
        nan = hu.helårsprognos([1.0, math.nan], metod="linjär")
    assert math.isnan(nan.värde)
    assert math.isnan(nan.nedre)


def test_helårsprognos_input_kinds_and_fields() -> None:
    s = pd.Series([1.0, 3.0, 5.0], index=["jan", "feb", "mar"])
    p = hu.helårsprognos(s, budget=pd.Series(np.zeros(12)), avser="helår 2023", upprättad="2023-03")
    assert p.värde == pytest.approx(36.0)
    assert p.avser == "helår 2023"
    assert p.upprättad == dt.date(2023, 3, 31)
    assert p.metod is not None
    assert p.metod.startswith("budgetprofil")
    assert hu.helårsprognos(np.array([1.0, 3.0]), metod="linjär").värde == pytest.approx(24.0)


def test_helårsprognos_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="needs the budget"):
        hu.helårsprognos([1.0, 2.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="metod must be one of"):
        hu.helårsprognos([1.0, 2.0], metod="trend")
    with pytest.raises(hu.AndelsError, match="did you pass percent"):
        hu.helårsprognos([1.0, 2.0], metod="linjär", nivå=80)
    with pytest.raises(hu.OgiltigtVärdeError, match="nivå must be in"):
        hu.helårsprognos([1.0, 2.0], metod="linjär", nivå=1.0)
    with pytest.raises(hu.OgiltigtVärdeError, match="1 to 12 monthly outcomes"):
        hu.helårsprognos([], metod="linjär")
    with pytest.raises(hu.OgiltigtVärdeError, match="1 to 12 monthly outcomes"):
        hu.helårsprognos([1.0] * 13, metod="linjär")
    with pytest.raises(
        hu.OgiltigtVärdeError,
        match="budget must be one year's budget: an annual budget \\(one number\\) or 12 monthly",
    ):
        hu.helårsprognos([1.0, 2.0], budget=np.zeros((2, 5)))
    with pytest.raises(hu.FelTypError):
        hu.helårsprognos(["1", "2"], metod="linjär")


@given(
    st.lists(tryckta, min_size=1, max_size=12),
    st.sampled_from(["budgetprofil", "oförändrad avvikelse", "linjär"]),
    st.floats(min_value=0.5, max_value=0.99),
)
def test_helårsprognos_interval_contains_point(u: list[float], metod: str, nivå: float) -> None:
    with warnings.catch_warnings():
        # one month gives no interval, with a warning (tested above)
        warnings.simplefilter("ignore", hu.UnderlagsVarning)
        p = hu.helårsprognos(u, budget=BUDGET, metod=metod, nivå=nivå)
    if len(u) >= 2:
        assert p.nedre <= p.värde <= p.övre


def _täckning(prognoser: list[hu.Prognos], sanning: np.ndarray) -> float:
    nedre = np.array([p.nedre for p in prognoser])
    övre = np.array([p.övre for p in prognoser])
    return float(np.mean((sanning >= nedre) & (sanning <= övre)))


ANTAL_ÅR = 2000
#: 3 binomial standard errors of an 80 % coverage measured on 2000 simulated years
TOLERANS = 3 * math.sqrt(0.8 * 0.2 / ANTAL_ÅR)


def test_helårsprognos_coverage_from_monthly_variation() -> None:
    # each method on years simulated under its own model: monthly deviations independent
    # normal (mean -5, sd 10); "oförändrad avvikelse" assumes the remaining months are on
    # budget; "linjär" assumes no seasonality (flat budget)
    rng = np.random.default_rng(20230228)
    m = 4
    d = rng.normal(-5.0, 10.0, size=(ANTAL_ÅR, 12))
    fall = {
        "budgetprofil": (BUDGET + d, BUDGET),
        "oförändrad avvikelse": (BUDGET + np.where(np.arange(12) < m, d, d + 5.0), BUDGET),
        "linjär": (d, None),
    }
    for metod, (år, budget) in fall.items():
        prognoser = [hu.helårsprognos(rad[:m], budget=budget, metod=metod, nivå=0.8) for rad in år]
        täckning = _täckning(prognoser, år.sum(axis=1))
        assert abs(täckning - 0.8) <= TOLERANS, (metod, täckning)


def test_helårsprognos_coverage_from_historik() -> None:
    # a straight line on seasonal years is biased; 8 past years' errors at the same month
    # (prognosfel) give an interval whose coverage is still 80 %
    rng = np.random.default_rng(19)
    m, n = 4, 8
    år = BUDGET + rng.normal(-5.0, 10.0, size=(ANTAL_ÅR, n + 1, 12))
    historik = hu.prognosfel(år[:, :n].reshape(-1, 12), m, metod="linjär").reshape(ANTAL_ÅR, n)
    prognoser = [
        hu.helårsprognos(år[i, n, :m], metod="linjär", nivå=0.8, historik=historik[i])
        for i in range(ANTAL_ÅR)
    ]
    täckning = _täckning(prognoser, år[:, n].sum(axis=1))
    assert abs(täckning - 0.8) <= TOLERANS, täckning


def test_coverage_test_can_fail_when_the_model_is_wrong() -> None:
    # negative control: "oförändrad avvikelse" when the deficit continues (-10 a month) is
    # biased by 8 * -10 = -80 after April and its interval covers far less than 80 %
    rng = np.random.default_rng(5)
    år = BUDGET + rng.normal(-10.0, 10.0, size=(ANTAL_ÅR, 12))
    prognoser = [
        hu.helårsprognos(rad[:4], budget=BUDGET, metod="oförändrad avvikelse") for rad in år
    ]
    assert _täckning(prognoser, år.sum(axis=1)) < 0.8 - TOLERANS


# --------------------------------------------------------------------------- prognosfel


def test_prognosfel_by_hand() -> None:
    år = np.array([[10.0] * 12, [12.0] * 6 + [8.0] * 6])
    # linjär after 6 months: 60*2 = 120 (true 120) and 72*2 = 144 (true 120): errors 0, -24
    np.testing.assert_allclose(hu.prognosfel(år, 6, metod="linjär"), [0.0, -24.0])
    # budgetprofil with budget 10 a month: deviation 0 and +12, forecast 120 and 144
    np.testing.assert_allclose(hu.prognosfel(år, 6, budget=[10.0] * 12), [0.0, -24.0])
    # oförändrad avvikelse: forecasts 120 and 132
    np.testing.assert_allclose(
        hu.prognosfel(år, 6, budget=[120.0, 120.0], metod="oförändrad avvikelse"), [0.0, -12.0]
    )
    df = pd.DataFrame(år, index=[2021, 2022])
    s = hu.prognosfel(df, 6, metod="linjär")
    assert list(s.index) == [2021, 2022]


def test_prognosfel_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="one row per year"):
        hu.prognosfel(np.zeros(12), 3, metod="linjär")
    with pytest.raises(hu.OgiltigtVärdeError, match="månad must be"):
        hu.prognosfel(np.zeros((2, 12)), 12, metod="linjär")
    with pytest.raises(hu.OgiltigtVärdeError, match="needs the budget"):
        hu.prognosfel(np.zeros((2, 12)), 3)


@given(
    st.lists(st.lists(tryckta, min_size=12, max_size=12), min_size=1, max_size=5),
    st.integers(min_value=1, max_value=11),
    st.sampled_from(["budgetprofil", "oförändrad avvikelse", "linjär"]),
)
def test_prognosfel_agrees_with_helårsprognos(år: list[list[float]], m: int, metod: str) -> None:
    fel = hu.prognosfel(np.array(år), m, budget=BUDGET, metod=metod)
    for rad, e in zip(år, fel, strict=True):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", hu.UnderlagsVarning)
            p = hu.helårsprognos(rad[:m], budget=BUDGET, metod=metod)
        assert e == pytest.approx(math.fsum(rad) - p.värde, abs=1e-6)


# --------------------------------------------------------------------------- accuracy


def test_prognosavvikelse_kinds() -> None:
    assert hu.prognosavvikelse(-850.0, -890.0) == 40.0
    assert hu.prognosavvikelse(-850.0, hu.Prognos(värde=-890.0)) == 40.0
    np.testing.assert_allclose(
        hu.prognosavvikelse([-850.0, -900.0], [hu.Prognos(värde=-890.0)] * 2), [40.0, -10.0]
    )
    s = hu.prognosavvikelse(pd.Series([1.0, 2.0], index=["a", "b"]), 1.0)
    assert list(s.index) == ["a", "b"]
    assert math.isnan(hu.prognosavvikelse(math.nan, 1.0))
    with pytest.raises(hu.FelTypError):
        hu.prognosavvikelse("-850", 1.0)


def _kedja() -> list[hu.Prognos]:
    return [
        hu.Prognos(värde=-97.1, nedre=-120, övre=-90, upprättad="2023-08", avser="2023"),
        hu.Prognos(värde=-800, upprättad="2023-01", avser="2023", budget=0.0),
        hu.Prognos(värde=-328, nedre=-350, övre=-300, upprättad="2023-05", avser="2023"),
        hu.Prognos(
            värde=-50, nedre=-60, övre=-40, upprättad="2022-05", avser="2022", föregående=-70
        ),
    ]


def test_prognoskedja() -> None:
    t = hu.prognoskedja(_kedja(), utfall={"2023": -100.0, "2022": -45.0})
    assert t["avser"].tolist() == ["2022", "2023", "2023", "2023"]
    assert t["prognosmånad"].tolist() == [5, 1, 5, 8]
    # revisions: 2022 against its own föregående (-50 - -70 = 20); 2023: NaN, -328 - -800 = 472,
    # -97.1 - -328 = 230.9
    np.testing.assert_allclose(t["revidering"], [20.0, np.nan, 472.0, 230.9], equal_nan=True)
    np.testing.assert_allclose(t["prognosavvikelse"], [5.0, 700.0, 228.0, -2.9])
    assert t["avvikelse_mot_budget"].iloc[1] == -800.0
    assert t["inom_intervall"].iloc[0]
    assert pd.isna(t["inom_intervall"].iloc[1])  # no interval
    assert not t["inom_intervall"].iloc[2]
    utan = hu.prognoskedja(_kedja())
    assert "utfall" not in utan.columns
    with pytest.raises(hu.FelTypError):
        hu.prognoskedja([1.0])  # type: ignore[list-item]


def test_prognosträffsäkerhet_by_hand() -> None:
    t = hu.prognosträffsäkerhet(_kedja(), utfall={"2023": -100.0, "2022": -45.0})
    # May: errors 5 (2022) and 228 (2023): mean 116.5, MAE 116.5, RMSE sqrt((25 + 228²)/2);
    # coverage: -45 in [-60, -40] yes, -100 in [-350, -300] no -> 0.5
    maj = t.loc[5]
    assert maj["antal"] == 2
    assert maj["medelfel"] == pytest.approx(116.5)
    assert maj["rmse"] == pytest.approx(math.sqrt((25 + 228**2) / 2))
    assert maj["täckning"] == pytest.approx(0.5)
    assert math.isnan(t.loc[1, "täckning"])
    # a forecast without an outcome is counted, not used
    t2 = hu.prognosträffsäkerhet(_kedja(), utfall={"2023": -100.0})
    assert t2.loc[5, "antal"] == 1
    assert t2.loc[5, "utan_utfall"] == 1
    with pytest.raises(hu.SaknadKolumnError, match="'utfall'"):
        hu.prognosträffsäkerhet(pd.DataFrame({"prognosmånad": [1], "värde": [1.0]}))
    with pytest.raises(hu.OgiltigtVärdeError, match="only with a sequence"):
        hu.prognosträffsäkerhet(hu.prognoskedja(_kedja()), utfall=1.0)


@given(
    st.lists(
        st.tuples(st.integers(1, 12), tryckta, tryckta | st.just(math.nan)),
        min_size=1,
        max_size=30,
    )
)
def test_prognosträffsäkerhet_matches_groupby_reference(
    rader: list[tuple[int, float, float]],
) -> None:
    df = pd.DataFrame(rader, columns=["prognosmånad", "värde", "utfall"])
    ut = hu.prognosträffsäkerhet(df)
    df["fel"] = df["utfall"] - df["värde"]
    for månad, grupp in df.groupby("prognosmånad"):
        fel = grupp["fel"].dropna().to_numpy()
        rad = ut.loc[månad]
        assert rad["antal"] == fel.size
        assert rad["utan_utfall"] == len(grupp) - fel.size
        if fel.size:
            assert rad["medelfel"] == pytest.approx(fel.mean(), abs=1e-6)
            assert rad["mae"] == pytest.approx(np.abs(fel).mean(), abs=1e-6)
            assert rad["rmse"] == pytest.approx(np.sqrt((fel**2).mean()), abs=1e-6)
        else:
            assert math.isnan(rad["medelfel"])


@pytest.mark.parametrize("nivå", [0.5, 0.95])
def test_helårsprognos_coverage_other_levels(nivå: float) -> None:
    # the level is honoured at other levels too (budgetprofil, after 7 months); tolerance
    # 3 binomial standard errors at that level
    rng = np.random.default_rng(int(nivå * 100))
    år = BUDGET + rng.normal(3.0, 8.0, size=(ANTAL_ÅR, 12))
    prognoser = [hu.helårsprognos(rad[:7], budget=BUDGET, nivå=nivå) for rad in år]
    täckning = _täckning(prognoser, år.sum(axis=1))
    assert abs(täckning - nivå) <= 3 * math.sqrt(nivå * (1 - nivå) / ANTAL_ÅR), täckning


def test_chain_and_accuracy_empty() -> None:
    kedja = hu.prognoskedja([], utfall=1.0)
    assert kedja.shape == (0, 14)
    assert hu.prognosträffsäkerhet([], utfall=1.0).empty
    # a forecast without a date has no month: accuracy per month refuses it, naming the fix
    with pytest.raises(hu.OgiltigtVärdeError, match="set upprättad"):
        hu.prognosträffsäkerhet([hu.Prognos(värde=1.0)], utfall=1.0)


def test_prognos_takes_periods() -> None:
    helår = hu.Period.helår(2023)
    p = hu.Prognos(värde=-890.0, avser=helår, upprättad=hu.Period.månad(2023, 2))
    assert p.avser is helår
    assert p.upprättad == dt.date(2023, 2, 28)
    assert hu.Prognos(värde=1.0, upprättad="2024-02").upprättad == dt.date(2024, 2, 29)
    assert hu.Prognos(värde=1.0, upprättad="2023-02-15T23:30+00:00").upprättad == dt.date(
        2023, 2, 16
    )  # Swedish local day of an aware time
    with pytest.raises(hu.OgiltigtVärdeError, match="ambiguous"):
        hu.Prognos(värde=1.0, upprättad="15/02/2023")
    q = hu.helårsprognos([-70.0, -75.0], metod="linjär", avser=helår)
    assert q.avser is helår
    kedja = hu.prognoskedja(
        [
            hu.Prognos(värde=-800.0, avser=helår, upprättad="2023-01"),
            hu.Prognos(värde=-890.0, avser=helår, upprättad="2023-02"),
        ],
        utfall={helår: -900.0},
    )
    # the revision of February's forecast is -890 - (-800) = -90; the error -900 - (-890) = -10
    assert kedja["revidering"].tolist()[1] == -90.0
    assert kedja["prognosavvikelse"].tolist() == [-100.0, -10.0]


def test_känslighetsintervall_more_invalid_inputs() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="magnitude below zero"):
        hu.känslighetsintervall({"a": (-5.0, 3.0)}, ned_som_belopp=True)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"nivå must be in \(0, 1\)"):
        hu.känslighetsintervall(POSTER, nivå=1.0)
    with pytest.raises(hu.FelTypError, match="metod"):
        hu.känslighetsintervall(POSTER, metod=3)  # type: ignore[call-overload]


def test_helårsprognos_refuses_a_budget_of_several_years() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="one year's budget"):
        hu.helårsprognos([1.0, 2.0], budget=np.ones((2, 12)))


# --------------------------------------------------------------------------- issue 12: bad input

P1 = hu.Prognos(värde=-800, nedre=-850, övre=-780, upprättad="2023-01", avser="2023", budget=0)
P2 = hu.Prognos(värde=-850, nedre=-880, övre=-820, upprättad="2023-02", avser="2023", budget=0)


def _kedjetabell() -> pd.DataFrame:
    return hu.prognoskedja([P1, P2], utfall=-830.0)


#: (id, call, error type, words the message must hold: the function, the argument, the value)
DÅLIGA_ANROP: list[tuple[str, Any, type[Exception], tuple[str, ...]]] = [
    # Prognos: each field is named; units, order and plausibility checked at construction
    ("värde text", lambda: hu.Prognos(värde="abc"), hu.FelTypError, ("Prognos.värde", "'abc'")),
    ("värde bool", lambda: hu.Prognos(värde=True), hu.FelTypError, ("Prognos.värde", "True")),
    (
        "värde inf",
        lambda: hu.Prognos(värde=math.inf),
        hu.OgiltigtVärdeError,
        ("Prognos.värde", "inf"),
    ),
    (
        "värde None",
        lambda: hu.Prognos(värde=None),
        hu.OgiltigtVärdeError,
        ("Prognos.värde", "None"),
    ),
    ("värde list", lambda: hu.Prognos(värde=[1.0, 2.0]), hu.FelTypError, ("Prognos.värde",)),
    (
        "värde Prognos",
        lambda: hu.Prognos(värde=P1),
        hu.FelTypError,
        ("Prognos.värde", "prognos.värde"),
    ),
    ("nedre text", lambda: hu.Prognos(värde=1.0, nedre="x"), hu.FelTypError, ("Prognos.nedre",)),
    ("övre -inf", lambda: hu.Prognos(värde=1.0, övre=-math.inf), hu.OgiltigtVärdeError, ("övre",)),
    (
        "budget df",
        lambda: hu.Prognos(värde=1.0, budget=pd.DataFrame()),
        hu.FelTypError,
        ("budget",),
    ),
    (
        "nedre above övre, no point",
        lambda: hu.Prognos(värde=math.nan, nedre=5.0, övre=3.0),
        hu.OgiltigtVärdeError,
        ("nedre=5", "övre=3"),
    ),
    (
        "enhet not money",
        lambda: hu.Prognos(värde=1.0, enhet="%"),
        hu.OgiltigtVärdeError,
        ("Prognos.enhet", "'%'", "mnkr"),
    ),
    ("enhet None", lambda: hu.Prognos(värde=1.0, enhet=None), hu.FelTypError, ("Prognos.enhet",)),
    (
        "upprättad year 3000",
        lambda: hu.Prognos(värde=1.0, upprättad="3000-01"),
        hu.OgiltigtVärdeError,
        ("Prognos.upprättad", "3000-01-31"),
    ),
    (
        "upprättad float year",
        lambda: hu.Prognos(värde=1.0, upprättad=2023.7),
        hu.FelTypError,
        ("Prognos.upprättad", "2023.7"),
    ),
    (
        "upprättad slash",
        lambda: hu.Prognos(värde=1.0, upprättad="01/12/2023"),
        hu.OgiltigtVärdeError,
        ("Prognos.upprättad", "ambiguous"),
    ),
    (
        "absurd amount",
        lambda: hu.Prognos(värde=1e12),
        hu.OgiltigtVärdeError,
        ("Prognos.värde=1e+12 mnkr", "enhet="),
    ),
    (
        "absurd budget",
        lambda: hu.Prognos(värde=1.0, budget=-1e9),
        hu.OgiltigtVärdeError,
        ("Prognos.budget", "1e+08 mnkr"),
    ),
    (
        "föregående in another unit",
        lambda: hu.Prognos(värde=1.0, föregående=hu.Prognos(värde=2.0, enhet="tkr")),
        hu.OgiltigtVärdeError,
        ("Prognos.föregående", "'tkr'", "'mnkr'"),
    ),
    (
        "föregående of another period",
        lambda: hu.Prognos(värde=1.0, avser="2023", föregående=hu.Prognos(värde=2.0, avser="2024")),
        hu.OgiltigtVärdeError,
        ("Prognos.föregående", "'2024'", "'2023'"),
    ),
    ("metod number", lambda: hu.Prognos(värde=1.0, metod=3), hu.FelTypError, ("Prognos.metod",)),
    # prognosintervall
    (
        "intervall lengths",
        lambda: hu.prognosintervall([1.0, 2.0], [1.0, 2.0, 3.0], -1.0),
        hu.OgiltigtVärdeError,
        ("prognosintervall", "punkt has length 2", "upp has length 3"),
    ),
    (
        "intervall indexes",
        lambda: hu.prognosintervall(
            pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([1.0, 2.0], index=["b", "c"]), -1.0
        ),
        hu.OgiltigtVärdeError,
        ("prognosintervall", "different indexes"),
    ),
    (
        "intervall shapes",
        lambda: hu.prognosintervall(np.ones((2, 3)), np.ones((3, 2)), -1.0),
        hu.OgiltigtVärdeError,
        ("prognosintervall", "punkt has shape (2, 3)", "upp has shape (3, 2)"),
    ),
    (
        "intervall frame and series",
        lambda: hu.prognosintervall(pd.DataFrame({"a": [1.0]}), pd.Series([1.0]), -1.0),
        hu.FelTypError,
        ("prognosintervall", "punkt is a DataFrame", "upp"),
    ),
    (
        "intervall frames of other columns",
        lambda: hu.prognosintervall(pd.DataFrame({"a": [1.0]}), pd.DataFrame({"b": [1.0]}), -1.0),
        hu.OgiltigtVärdeError,
        ("prognosintervall", "different columns"),
    ),
    (
        "intervall text",
        lambda: hu.prognosintervall("-890", 20, -50),
        hu.FelTypError,
        ("prognosintervall: punkt", "'-890'"),
    ),
    (
        "intervall None",
        lambda: hu.prognosintervall(-890, None, -50),
        hu.FelTypError,
        ("prognosintervall: upp", "None"),
    ),
    (
        "intervall ned_som_belopp 'ja'",
        lambda: hu.prognosintervall(-890, 20, 50, ned_som_belopp="ja"),
        hu.FelTypError,
        ("prognosintervall: ned_som_belopp", "'ja'"),
    ),
    (
        "intervall implausible",
        lambda: hu.prognosintervall(1e308, 1e308, 0.0),
        hu.OgiltigtVärdeError,
        ("prognosintervall: punkt", "1e+15", "1e+308"),
    ),
    # känslighetsintervall
    (
        "känslighet nivå None",
        lambda: hu.känslighetsintervall(POSTER, nivå=None),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: nivå", "None"),
    ),
    (
        "känslighet nivå text",
        lambda: hu.känslighetsintervall(POSTER, nivå="0.8"),
        hu.FelTypError,
        ("känslighetsintervall: nivå", "'0.8'"),
    ),
    (
        "känslighet nivå list",
        lambda: hu.känslighetsintervall(POSTER, nivå=[0.8]),
        hu.FelTypError,
        ("känslighetsintervall: nivå",),
    ),
    (
        "känslighet seed text",
        lambda: hu.känslighetsintervall(POSTER, metod="simulering", seed="abc"),
        hu.FelTypError,
        ("känslighetsintervall: seed", "'abc'"),
    ),
    (
        "känslighet seed float",
        lambda: hu.känslighetsintervall(POSTER, metod="simulering", seed=1e12),
        hu.FelTypError,
        ("känslighetsintervall: seed",),
    ),
    (
        "känslighet seed negative",
        lambda: hu.känslighetsintervall(POSTER, metod="simulering", seed=-1),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: seed", "-1"),
    ),
    (
        "känslighet antal absurd",
        lambda: hu.känslighetsintervall(POSTER, metod="simulering", antal=10**12),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: antal=1000000000000", "100 000"),
    ),
    (
        "känslighet antal times items",
        lambda: hu.känslighetsintervall(
            {str(i): (-1.0, 1.0) for i in range(50)}, metod="simulering", antal=10**7
        ),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: antal=10000000", "50 items", "400,000"),
    ),
    (
        "känslighet one draw",
        lambda: hu.känslighetsintervall(POSTER, metod="simulering", antal=1),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: antal", "at least 100"),
    ),
    (
        "känslighet a bare list of numbers",
        lambda: hu.känslighetsintervall([1.0, 2.0, 3.0]),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: poster['post 1']", "(ned, upp)"),
    ),
    (
        "känslighet a string item",
        lambda: hu.känslighetsintervall({"a": "x"}),
        hu.FelTypError,
        ("känslighetsintervall: poster['a']",),
    ),
    (
        "känslighet a number",
        lambda: hu.känslighetsintervall(3.0),
        hu.FelTypError,
        ("känslighetsintervall: poster must be",),
    ),
    (
        "känslighet a generator",
        lambda: hu.känslighetsintervall(p for p in [(-1.0, 1.0)]),
        hu.FelTypError,
        ("känslighetsintervall: poster must be",),
    ),
    (
        "känslighet duplicated items",
        lambda: hu.känslighetsintervall(
            pd.DataFrame({"ned": [-1.0, -2.0], "upp": [1.0, 2.0]}, index=["a", "a"])
        ),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall", "poster", "['a']"),
    ),
    (
        "känslighet inf item",
        lambda: hu.känslighetsintervall({"a": (-math.inf, 1.0)}),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: poster['a']", "inf"),
    ),
    (
        "känslighet implausible item",
        lambda: hu.känslighetsintervall({"a": (-1.0, 1.0), "b": (-1e308, 1e308)}),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: poster['ned']", "1e+15", "position 1"),
    ),
    (
        "känslighet overflowing simulation",
        lambda: hu.känslighetsintervall(
            {"a": (-1.0, 1e15)}, metod="simulering", seed=1, antal=1000
        ),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: poster['upp']", "1e+15"),
    ),
    (
        "känslighet bidrag 'nej'",
        lambda: hu.känslighetsintervall(POSTER, bidrag="nej"),
        hu.FelTypError,
        ("känslighetsintervall: bidrag", "'nej'"),
    ),
    (
        "känslighet punkt None",
        lambda: hu.känslighetsintervall(POSTER, punkt=None),
        hu.OgiltigtVärdeError,
        ("känslighetsintervall: punkt", "None"),
    ),
    # helårsprognos and prognosfel
    (
        "helår nivå None",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", nivå=None),
        hu.OgiltigtVärdeError,
        ("helårsprognos: nivå", "None"),
    ),
    (
        "helår nivå text",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", nivå="abc"),
        hu.FelTypError,
        ("helårsprognos: nivå", "'abc'"),
    ),
    (
        "helår månader absurd",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", månader=10**9),
        hu.OgiltigtVärdeError,
        ("helårsprognos: månader", "at most 12"),
    ),
    (
        "helår månader fraction",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", månader=12.5),
        hu.OgiltigtVärdeError,
        ("helårsprognos: månader", "12.5"),
    ),
    (
        "helår more months than månader",
        lambda: hu.helårsprognos([1.0, 2.0, 3.0], metod="linjär", månader=2),
        hu.OgiltigtVärdeError,
        ("helårsprognos: utfall", "månader=2", "(3,)"),
    ),
    (
        "helår a single number",
        lambda: hu.helårsprognos(1.0, metod="linjär"),
        hu.OgiltigtVärdeError,
        ("helårsprognos: utfall", "a single number"),
    ),
    (
        "helår budget of 5",
        lambda: hu.helårsprognos([1.0, 2.0], budget=[1.0] * 5),
        hu.OgiltigtVärdeError,
        ("helårsprognos: budget", "(5,)"),
    ),
    (
        "helår budget text",
        lambda: hu.helårsprognos([1.0, 2.0], budget="100"),
        hu.FelTypError,
        ("helårsprognos: budget", "'100'"),
    ),
    (
        "helår historik 2-D",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", historik=np.ones((2, 2))),
        hu.OgiltigtVärdeError,
        ("helårsprognos: historik", "(2, 2)"),
    ),
    (
        "helår historik inf",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", historik=[1.0, math.inf]),
        hu.OgiltigtVärdeError,
        ("helårsprognos: historik", "inf"),
    ),
    (
        "helår historik overflowing",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", historik=[1e308, -1e308]),
        hu.OgiltigtVärdeError,
        ("helårsprognos", "overflows", "historik"),
    ),
    (
        "helår implausible outcome",
        lambda: hu.helårsprognos([1e9, 1e9], metod="linjär"),
        hu.OgiltigtVärdeError,
        ("helårsprognos", "1.2e+10 mnkr", "utfall"),
    ),
    (
        "helår biaskorrigering 'ja'",
        lambda: hu.helårsprognos(
            [1.0, 2.0], metod="linjär", historik=[1.0, 2.0], biaskorrigering="ja"
        ),
        hu.FelTypError,
        ("helårsprognos: biaskorrigering", "'ja'"),
    ),
    (
        "helår enhet %",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", enhet="%"),
        hu.OgiltigtVärdeError,
        ("helårsprognos", "enhet", "'%'"),
    ),
    (
        "helår upprättad slash",
        lambda: hu.helårsprognos([1.0, 2.0], metod="linjär", upprättad="01/12/2023"),
        hu.OgiltigtVärdeError,
        ("helårsprognos", "upprättad", "ambiguous"),
    ),
    (
        "prognosfel månader 1",
        lambda: hu.prognosfel(np.ones((2, 12)), 6, metod="linjär", månader=1),
        hu.OgiltigtVärdeError,
        ("prognosfel: månader", "at least 2"),
    ),
    (
        "prognosfel månad text",
        lambda: hu.prognosfel(np.ones((2, 12)), "6", metod="linjär"),
        hu.FelTypError,
        ("prognosfel: månad", "'6'"),
    ),
    (
        "prognosfel budget of 3 years for 2",
        lambda: hu.prognosfel(np.ones((2, 12)), 6, budget=[1.0, 2.0, 3.0]),
        hu.OgiltigtVärdeError,
        ("prognosfel: budget", "2 annual budgets", "(3,)"),
    ),
    (
        "prognosfel budget rows",
        lambda: hu.prognosfel(np.ones((2, 12)), 6, budget=np.ones((3, 12))),
        hu.OgiltigtVärdeError,
        ("prognosfel: budget", "(3, 12)"),
    ),
    (
        "prognosfel metod",
        lambda: hu.prognosfel(np.ones((2, 12)), 6, metod="trend"),
        hu.OgiltigtVärdeError,
        ("prognosfel: metod", "'trend'"),
    ),
    (
        "prognosfel needs budget",
        lambda: hu.prognosfel(np.ones((2, 12)), 6),
        hu.OgiltigtVärdeError,
        ("prognosfel: metod='budgetprofil' needs the budget",),
    ),
    # prognosavvikelse
    (
        "avvikelse prognos text",
        lambda: hu.prognosavvikelse(-850.0, "abc"),
        hu.FelTypError,
        ("prognosavvikelse: prognos", "'abc'"),
    ),
    (
        "avvikelse prognos None",
        lambda: hu.prognosavvikelse(-850.0, None),
        hu.FelTypError,
        ("prognosavvikelse: prognos", "None"),
    ),
    (
        "avvikelse utfall inf",
        lambda: hu.prognosavvikelse(math.inf, -890.0),
        hu.OgiltigtVärdeError,
        ("prognosavvikelse: utfall", "inf"),
    ),
    (
        "avvikelse lengths",
        lambda: hu.prognosavvikelse([1.0, 2.0], [1.0, 2.0, 3.0]),
        hu.OgiltigtVärdeError,
        ("prognosavvikelse", "utfall has length 2", "prognos has length 3"),
    ),
    (
        "avvikelse indexes",
        lambda: hu.prognosavvikelse(
            pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([1.0, 2.0], index=["b", "a"])
        ),
        hu.OgiltigtVärdeError,
        ("prognosavvikelse", "different indexes"),
    ),
    (
        "avvikelse a row against a column",
        lambda: hu.prognosavvikelse(pd.Series([1.0, 2.0]), np.array([[-1.0, 1.0]])),
        hu.OgiltigtVärdeError,
        ("prognosavvikelse", "utfall has shape (2,)", "prognos has shape (1, 2)"),
    ),
    (
        "avvikelse empty frame",
        lambda: hu.prognosavvikelse(pd.DataFrame(), [-890.0]),
        hu.FelTypError,
        ("prognosavvikelse", "utfall and prognos must both be frames"),
    ),
    (
        "avvikelse forecasts and numbers",
        lambda: hu.prognosavvikelse([-900.0, -900.0], [P1, -850.0]),
        hu.FelTypError,
        ("prognosavvikelse: prognos[1]", "Prognos"),
    ),
    (
        "avvikelse forecasts in two units",
        lambda: hu.prognosavvikelse([-900.0, -900.0], [P1, hu.Prognos(värde=-1.0, enhet="tkr")]),
        hu.OgiltigtVärdeError,
        ("prognosavvikelse: prognos", "'mnkr', 'tkr'"),
    ),
    # prognoskedja
    (
        "kedja None",
        lambda: hu.prognoskedja(None),
        hu.FelTypError,
        ("prognoskedja: prognoser", "None"),
    ),
    (
        "kedja a number",
        lambda: hu.prognoskedja(1.5),
        hu.FelTypError,
        ("prognoskedja: prognoser", "1.5"),
    ),
    (
        "kedja text",
        lambda: hu.prognoskedja("abc"),
        hu.FelTypError,
        ("prognoskedja: prognoser", "'abc'"),
    ),
    (
        "kedja numbers",
        lambda: hu.prognoskedja([1.0, 2.0]),
        hu.FelTypError,
        ("prognoskedja: prognoser[0]", "Prognos"),
    ),
    (
        "kedja duplicated forecast",
        lambda: hu.prognoskedja([P1, P2, P1]),
        hu.OgiltigtVärdeError,
        ("prognoskedja: prognoser[0] and prognoser[2]", "2023-01-31"),
    ),
    (
        "kedja two units",
        lambda: hu.prognoskedja([P1, hu.Prognos(värde=-1.0, enhet="tkr", upprättad="2023-03")]),
        hu.OgiltigtVärdeError,
        ("prognoskedja: prognoser", "'mnkr', 'tkr'"),
    ),
    (
        "kedja utfall for no period",
        lambda: hu.prognoskedja([P1, P2], utfall={"2024": -830.0}),
        hu.OgiltigtVärdeError,
        ("prognoskedja: utfall", "['2024']", "['2023']"),
    ),
    (
        "kedja utfall duplicated periods",
        lambda: hu.prognoskedja([P1, P2], utfall=pd.Series([1.0, 2.0], index=["2023", "2023"])),
        hu.OgiltigtVärdeError,
        ("prognoskedja", "utfall", "['2023']"),
    ),
    (
        "kedja utfall text in a mapping",
        lambda: hu.prognoskedja([P1, P2], utfall={"2023": "abc"}),
        hu.FelTypError,
        ("prognoskedja: utfall", "'abc'"),
    ),
    (
        "kedja utfall a list",
        lambda: hu.prognoskedja([P1, P2], utfall=[1.0, 2.0]),
        hu.FelTypError,
        ("prognoskedja: utfall", "[1.0, 2.0]"),
    ),
    (
        "kedja utfall inf",
        lambda: hu.prognoskedja([P1, P2], utfall=math.inf),
        hu.OgiltigtVärdeError,
        ("prognoskedja: utfall", "inf"),
    ),
    # prognosträffsäkerhet
    (
        "träffsäkerhet None",
        lambda: hu.prognosträffsäkerhet(None),
        hu.FelTypError,
        ("prognosträffsäkerhet: kedja", "None"),
    ),
    (
        "träffsäkerhet a number",
        lambda: hu.prognosträffsäkerhet(3),
        hu.FelTypError,
        ("prognosträffsäkerhet: kedja", "3"),
    ),
    (
        "träffsäkerhet numbers",
        lambda: hu.prognosträffsäkerhet([1.0, 2.0], utfall=1.0),
        hu.FelTypError,
        ("prognosträffsäkerhet: kedja[0]", "Prognos"),
    ),
    (
        "träffsäkerhet missing month",
        lambda: hu.prognosträffsäkerhet(_kedjetabell().assign(prognosmånad=np.nan)),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "'prognosmånad'", "2 missing"),
    ),
    (
        "träffsäkerhet per unknown",
        lambda: hu.prognosträffsäkerhet(_kedjetabell(), per="abc"),
        hu.SaknadKolumnError,
        ("prognosträffsäkerhet", "'abc'", "per="),
    ),
    (
        "träffsäkerhet per None",
        lambda: hu.prognosträffsäkerhet(_kedjetabell(), per=None),
        hu.FelTypError,
        ("prognosträffsäkerhet: per", "None"),
    ),
    (
        "träffsäkerhet inverted interval",
        lambda: hu.prognosträffsäkerhet(_kedjetabell().assign(nedre=-700.0)),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "row 0", "nedre=-700"),
    ),
    (
        "träffsäkerhet point outside its interval",
        lambda: hu.prognosträffsäkerhet(_kedjetabell().assign(värde=-900.0)),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "row 0", "värde=-900", "nedre=-850"),
    ),
    (
        "träffsäkerhet text in värde",
        lambda: hu.prognosträffsäkerhet(_kedjetabell().assign(värde="a")),
        hu.FelTypError,
        ("prognosträffsäkerhet: kedja['värde']",),
    ),
    (
        "träffsäkerhet inf in utfall",
        lambda: hu.prognosträffsäkerhet(_kedjetabell().assign(utfall=math.inf)),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet: kedja['utfall']", "inf"),
    ),
    (
        "träffsäkerhet duplicated forecast",
        lambda: hu.prognosträffsäkerhet(pd.concat([_kedjetabell(), _kedjetabell().iloc[[0]]])),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "rows [0, 2]"),
    ),
    (
        "träffsäkerhet duplicated interval columns",
        lambda: hu.prognosträffsäkerhet(
            pd.concat([_kedjetabell(), _kedjetabell()[["nedre"]]], axis=1)
        ),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "'nedre'"),
    ),
    (
        "träffsäkerhet duplicated columns",
        lambda: hu.prognosträffsäkerhet(
            pd.concat([_kedjetabell(), _kedjetabell()[["värde"]]], axis=1)
        ),
        hu.OgiltigtVärdeError,
        ("prognosträffsäkerhet", "kedja", "'värde'"),
    ),
]


@pytest.mark.filterwarnings("ignore::halsouppfoljning.UnderlagsVarning")
@pytest.mark.parametrize(
    ("anrop", "fel", "ord_"), [pytest.param(a, f, o, id=i) for i, a, f, o in DÅLIGA_ANROP]
)
def test_bad_input_is_a_package_error_naming_the_argument(
    anrop: Any, fel: type[Exception], ord_: tuple[str, ...]
) -> None:
    with pytest.raises(fel) as info:
        anrop()
    assert isinstance(info.value, hu.HalsouppfoljningError)
    for o in ord_:
        assert o in str(info.value), (o, str(info.value))


def test_prognos_polars_frames_are_refused_by_name() -> None:
    class DataFrame:
        columns = ("ned", "upp")

    DataFrame.__module__ = "polars.dataframe.frame"
    with pytest.raises(hu.FelTypError, match=r"känslighetsintervall: poster .*to_pandas"):
        hu.känslighetsintervall(DataFrame())  # type: ignore[call-overload]
    with pytest.raises(hu.FelTypError, match=r"prognosträffsäkerhet: kedja .*to_pandas"):
        hu.prognosträffsäkerhet(DataFrame())  # type: ignore[arg-type]


def test_valid_edge_inputs_still_give_results() -> None:
    # the unit is read in any case; a previous forecast of the same period written as text
    assert hu.Prognos(värde=1.0, enhet="Mnkr").enhet == "mnkr"
    helår = hu.Period.helår(2023)
    p = hu.Prognos(värde=-890.0, avser=helår, föregående=hu.Prognos(värde=-800.0, avser=str(helår)))
    assert p.revidering == -90.0
    # an amount of 50 000 mdkr in kronor is still a number (the limit is 100 000 mdkr)
    assert hu.Prognos(värde=5e13, enhet="kr").värde == 5e13
    # an interval alone, as a report writes "mellan -900 och -850 mnkr"
    assert hu.Prognos(värde=math.nan, nedre=-900, övre=-850).intervall == (-900.0, -850.0)
    # frames of the same shape work elementwise; a 2-D array of items is a list of items
    ram = pd.DataFrame({"a": [-890.0]})
    nedre, övre = hu.prognosintervall(ram, ram * 0 + 20, ram * 0 - 50)
    assert (nedre["a"].tolist(), övre["a"].tolist()) == ([-940.0], [-870.0])
    assert hu.känslighetsintervall(np.array([[-1.0, 1.0], [-2.0, 2.0]])) == (-3.0, 3.0)
    # a chain's outcome keyed by the text of its period; years as numbers match their text
    kedja = hu.prognoskedja([P1, P2], utfall={2023: -830.0})
    assert kedja["prognosavvikelse"].tolist() == [-30.0, 20.0]  # -830 - (-800), -830 - (-850)
    # forecasts without a date may repeat (nothing tells them apart)
    assert len(hu.prognoskedja([hu.Prognos(värde=1.0), hu.Prognos(värde=1.0)])) == 2
    # the same forecast given as a tuple, a generator-free sequence
    assert hu.prognosavvikelse(-900.0, (P1,)).tolist() == [-100.0]
    assert hu.prognosträffsäkerhet(_kedjetabell().iloc[:0]).empty


def test_more_shapes_of_outcomes_and_budgets() -> None:
    # frames of other columns are not subtracted column by column
    with pytest.raises(hu.OgiltigtVärdeError, match="prognosavvikelse: utfall and prognos have"):
        hu.prognosavvikelse(pd.DataFrame({"a": [1.0]}), pd.DataFrame({"b": [1.0]}))
    # a Series of outcomes keyed by period: -900 - (-800) = -100, -900 - (-850) = -50
    kedja = hu.prognoskedja([P1, P2], utfall=pd.Series({"2023": -900.0}))
    assert kedja["prognosavvikelse"].tolist() == [-100.0, -50.0]
    with pytest.raises(hu.FelTypError, match="prognoskedja: utfall must map each period to one"):
        hu.prognoskedja([P1, P2], utfall={"2023": [1.0, 2.0]})
    år = np.array([[10.0] * 12, [12.0] * 6 + [8.0] * 6])
    # one annual budget of 120 for every year (10 a month): year 1 on budget, error 0; year 2
    # 12 over after 6 months, forecast 120 + 12 * 12/6 = 144, outcome 120, error -24
    np.testing.assert_allclose(hu.prognosfel(år, 6, budget=120.0), [0.0, -24.0])
    np.testing.assert_allclose(hu.prognosfel(år, 6, budget=np.full((1, 12), 10.0)), [0.0, -24.0])
    np.testing.assert_allclose(hu.prognosfel(år, 6, budget=np.full(12, 10.0)), [0.0, -24.0])


def test_an_interval_alone_is_counted_not_lost() -> None:
    # February: a point forecast (error -830 - -850 = 20) and an interval alone
    # [-900, -800] that holds the outcome -830: no error, but it counts for the coverage
    kedja = [
        hu.Prognos(värde=-850.0, nedre=-880.0, övre=-820.0, upprättad="2023-02", avser="2023"),
        hu.Prognos(värde=math.nan, nedre=-900.0, övre=-800.0, upprättad="2023-02", avser="2024"),
        hu.Prognos(värde=-700.0, upprättad="2023-03", avser="2025"),
    ]
    t = hu.prognosträffsäkerhet(kedja, utfall={"2023": -830.0, "2024": -830.0})
    assert t.loc[2, ["antal", "utan_utfall", "utan_punkt"]].tolist() == [1, 0, 1]
    assert t.loc[2, "medelfel"] == 20.0
    assert t.loc[2, "täckning"] == 1.0  # both outcomes inside their intervals
    # March: no outcome for 2025, counted in utan_utfall
    assert t.loc[3, ["antal", "utan_utfall", "utan_punkt"]].tolist() == [0, 1, 0]
    assert math.isnan(t.loc[3, "medelfel"])


@given(
    st.floats(min_value=-1e6, max_value=1e6) | st.just(math.nan),
    st.floats(min_value=-1e6, max_value=1e6) | st.just(math.nan),
    st.floats(min_value=-1e6, max_value=1e6) | st.just(math.nan),
)
def test_a_prognos_exists_exactly_when_its_interval_is_ordered(
    nedre: float, värde: float, övre: float
) -> None:
    # the rule, written independently: every pair of given ends is ordered
    givna = [x for x in (nedre, värde, övre) if not math.isnan(x)]
    ordnad = all(a <= b for a, b in itertools.pairwise(givna))
    try:
        p = hu.Prognos(värde=värde, nedre=nedre, övre=övre)
    except hu.OgiltigtVärdeError:
        assert not ordnad
    else:
        assert ordnad
        assert (p.nedre, p.värde, p.övre) == pytest.approx((nedre, värde, övre), nan_ok=True)


@pytest.mark.parametrize(
    ("anrop", "ord_"),
    [
        pytest.param(
            lambda: hu.prognosavvikelse(-1e308, 1e308),
            ("prognosavvikelse: utfall", "1e+15", "-1e+308"),
            id="avvikelse",
        ),
        pytest.param(
            lambda: hu.prognosträffsäkerhet(
                pd.DataFrame({"g": [1], "värde": [1e308], "utfall": [-1e308]}), per="g"
            ),
            ("prognosträffsäkerhet", "'värde' in row 0", "1e+308", "1e+14", "counted in kr"),
            id="träffsäkerhet error",
        ),
        pytest.param(
            lambda: hu.prognosträffsäkerhet(
                pd.DataFrame({"g": [1, 1], "värde": [1e200, -1e200], "utfall": [-1e200, 1e200]}),
                per="g",
            ),
            ("prognosträffsäkerhet", "'värde' in row 0", "1e+200", "1e+14"),
            id="träffsäkerhet rmse",
        ),
        pytest.param(
            lambda: hu.prognosavvikelse(0.0, pd.DataFrame({"a": [1.0, 2e15]})),
            ("prognosavvikelse: prognos", "2000000000000000.0", "position 1"),
            id="avvikelse implausible frame",
        ),
        pytest.param(
            lambda: hu.prognosintervall([0.0, 0.0], [1.0, 1e16], 0.0),
            ("prognosintervall: upp", "1e+16", "position 1"),
            id="intervall implausible upside",
        ),
        pytest.param(
            lambda: hu.känslighetsintervall({"a": (-1.0, 1.0)}, punkt=1e300),
            ("känslighetsintervall: punkt", "1e+300"),
            id="känslighet implausible point",
        ),
        pytest.param(
            lambda: hu.prognoskedja([P1], utfall=1e9),
            ("prognoskedja: utfall 1e+09 mnkr", "1e+08 mnkr"),
            id="kedja implausible outcome",
        ),
        pytest.param(
            lambda: hu.prognosträffsäkerhet([P1], utfall=-1e308),
            ("prognosträffsäkerhet: prognoskedja: utfall",),
            id="träffsäkerhet implausible outcome",
        ),
    ],
)
def test_overflowing_or_implausible_amounts_are_errors(anrop: Any, ord_: tuple[str, ...]) -> None:
    with pytest.raises(hu.OgiltigtVärdeError) as info:
        anrop()
    for o in ord_:
        assert o in str(info.value), (o, str(info.value))


# ---------------------------------------------------------------- issue 12: held-out probe findings

_DUBBLA = pd.DataFrame([[1.0, 2.0]], columns=["a", "a"])


@pytest.mark.parametrize(
    ("anrop", "ord_"),
    [
        pytest.param(lambda: hu.prognosavvikelse(_DUBBLA, 1.0), ("utfall",), id="avvikelse utfall"),
        pytest.param(
            lambda: hu.prognosavvikelse(1.0, _DUBBLA), ("prognos",), id="avvikelse prognos"
        ),
        pytest.param(
            lambda: hu.Prognos(värde=-890).prognosavvikelse(_DUBBLA),
            ("utfall",),
            id="Prognos.prognosavvikelse",
        ),
        pytest.param(lambda: hu.prognosintervall(_DUBBLA, 1, -1), ("punkt",), id="intervall punkt"),
        pytest.param(lambda: hu.prognosintervall(1, _DUBBLA, -1), ("upp",), id="intervall upp"),
        pytest.param(lambda: hu.prognosintervall(1, 1, -_DUBBLA), ("ned",), id="intervall ned"),
        pytest.param(
            lambda: hu.känslighetsintervall(
                pd.DataFrame([[-1.0, 1.0, 0.0]], columns=["ned", "upp", "ned"])
            ),
            ("känslighetsintervall", "poster", "'ned'"),
            id="känslighetsintervall poster",
        ),
    ],
)
def test_a_frame_with_a_column_name_twice_is_refused(anrop: Any, ord_: tuple[str, ...]) -> None:
    # Found by the probe: a RecursionError inside the input layer, or numpy's IndexError.
    with pytest.raises(hu.OgiltigtVärdeError, match="duplicated") as info:
        anrop()
    for o in ord_:
        assert o in str(info.value), (o, str(info.value))
    assert "'a'" in str(info.value) or "'ned'" in str(info.value)


def _ändrad_kedja(rad: int, kolumn: str, värde: Any) -> pd.DataFrame:
    kedja = _kedjetabell()
    kedja[kolumn] = kedja[kolumn].astype(object)
    kedja.loc[rad, kolumn] = värde
    return kedja


@pytest.mark.parametrize(
    ("rad", "kolumn", "värde", "fel", "ord_"),
    [
        # derived columns that contradict the row (prognoskedja: värde - budget = -800 - 0,
        # utfall - värde = -830 - -800 = -30, revidering = -850 - -800 = -50)
        (0, "avvikelse_mot_budget", -801.0, hu.OgiltigtVärdeError, ("-801", "-800")),
        (0, "avvikelse_mot_budget", math.nan, hu.OgiltigtVärdeError, ("nan", "-800")),
        (0, "avvikelse_mot_budget", math.inf, hu.OgiltigtVärdeError, ("inf",)),
        (0, "avvikelse_mot_budget", "abc", hu.FelTypError, ("abc",)),
        (0, "budget", 0.5, hu.OgiltigtVärdeError, ("avvikelse_mot_budget", "-800.5")),
        (0, "budget", -1.0, hu.OgiltigtVärdeError, ("avvikelse_mot_budget", "-799")),
        (0, "budget", math.nan, hu.OgiltigtVärdeError, ("avvikelse_mot_budget", "nan")),
        (0, "budget", 1e15, hu.OgiltigtVärdeError, ("'budget'", "1e+15", "1e+08")),
        (0, "prognosavvikelse", -29.5, hu.OgiltigtVärdeError, ("-29.5", "-30")),
        (0, "prognosavvikelse", math.nan, hu.OgiltigtVärdeError, ("nan", "-30")),
        (0, "prognosavvikelse", 1e15, hu.OgiltigtVärdeError, ("1e+15",)),
        (1, "revidering", -49.5, hu.OgiltigtVärdeError, ("row 1", "-49.5", "-50")),
        (1, "revidering", math.nan, hu.OgiltigtVärdeError, ("row 1", "nan", "-50")),
        (1, "revidering", "abc", hu.FelTypError, ("abc",)),
        (0, "utfall", math.nan, hu.OgiltigtVärdeError, ("prognosavvikelse", "-30")),
        # a period has one outcome (-830 in row 0, so row 1's prognosavvikelse edited to match)
        (1, "utfall", -831.0, hu.OgiltigtVärdeError, ("prognosavvikelse", "row 1")),
        (0, "övre", 1e15, hu.OgiltigtVärdeError, ("'övre'", "1e+15")),
        (0, "inom_intervall", False, hu.OgiltigtVärdeError, ("False", "inside")),
        (0, "inom_intervall", pd.NA, hu.OgiltigtVärdeError, ("<NA>", "inside")),
        (0, "inom_intervall", "ja", hu.OgiltigtVärdeError, ("'ja'",)),
        (0, "nedre", math.nan, hu.OgiltigtVärdeError, ("inom_intervall", "True", "must be NA")),
        # unit and dates
        (0, "enhet", None, hu.OgiltigtVärdeError, ("None", "'mnkr'")),
        (0, "enhet", "", hu.OgiltigtVärdeError, ("''", "'mnkr'")),
        (0, "enhet", math.nan, hu.OgiltigtVärdeError, ("nan", "'mnkr'")),
        (0, "enhet", "tkr", hu.OgiltigtVärdeError, ("several units", "mnkr", "tkr")),
        (0, "upprättad", pd.NaT, hu.OgiltigtVärdeError, ("prognosmånad", "missing")),
        (1, "upprättad", pd.Timestamp("2023-01-15"), hu.OgiltigtVärdeError, ("prognosmånad", "1")),
        (0, "upprättad", pd.Timestamp("2200-06-01"), hu.OgiltigtVärdeError, ("2200-06-01",)),
        (0, "upprättad", pd.Timestamp("1800-01-01"), hu.OgiltigtVärdeError, ("1800-01-01",)),
        (0, "upprättad", pd.Timestamp("1600-01-01"), hu.OgiltigtVärdeError, ("1600-01-01",)),
        (0, "upprättad", pd.Timestamp("2300-01-01"), hu.OgiltigtVärdeError, ("2300-01-01",)),
        (0, "upprättad", "2023/13/45", hu.OgiltigtVärdeError, ("2023/13/45",)),
        (0, "upprättad", dt.date(1899, 12, 31), hu.OgiltigtVärdeError, ("1899-12-31",)),
    ],
)
def test_a_hand_edited_chain_must_stay_consistent(
    rad: int, kolumn: str, värde: Any, fel: type[Exception], ord_: tuple[str, ...]
) -> None:
    # Found by the probe: these edits gave the same accuracy as the valid chain.
    with pytest.raises(fel) as info:
        hu.prognosträffsäkerhet(_ändrad_kedja(rad, kolumn, värde))
    meddelande = str(info.value)
    assert meddelande.startswith("prognosträffsäkerhet: kedja")
    for o in ord_:
        assert o in meddelande, (o, meddelande)


@pytest.mark.parametrize(
    "dag",
    [
        np.datetime64("1600-01-01", "s"),  # out of datetime64[ns]: would wrap to another year
        np.datetime64("1899-12-31T23:59", "s"),
        np.datetime64("2200-01-01", "s"),
        np.datetime64("2300-01-01", "D"),
    ],
)
def test_a_chain_dated_outside_the_package_span_is_refused(dag: np.datetime64) -> None:
    kedja = _kedjetabell()
    kedja["upprättad"] = np.array([dag, np.datetime64("2023-02-28", "s")])
    with pytest.raises(hu.OgiltigtVärdeError) as info:
        hu.prognosträffsäkerhet(kedja)
    for o in ("prognosträffsäkerhet", "'upprättad'", "row 0", str(dag)[:10], "1900-01-01"):
        assert o in str(info.value), (o, str(info.value))


def test_two_outcomes_for_one_period_are_refused() -> None:
    kedja = _kedjetabell()
    kedja.loc[1, "utfall"] = -831.0
    kedja.loc[1, "prognosavvikelse"] = 19.0  # -831 - -850, consistent within its row
    with pytest.raises(hu.OgiltigtVärdeError) as info:
        hu.prognosträffsäkerhet(kedja)
    for o in ("prognosträffsäkerhet", "'utfall' in row 1", "-831", "row 0", "'2023'", "-830"):
        assert o in str(info.value), (o, str(info.value))
    # forecasts of two periods may have two outcomes
    två = hu.prognoskedja(
        [P1, hu.Prognos(värde=-10, upprättad="2024-02", avser="2024")],
        utfall={"2023": -830.0, "2024": -12.0},
    )
    assert hu.prognosträffsäkerhet(två)["medelfel"].tolist() == [-30.0, -2.0]


def test_edits_that_keep_a_chain_consistent_are_accepted() -> None:
    väntat = pd.DataFrame(
        {
            "antal": [1, 1],
            "utan_utfall": [0, 0],
            "utan_punkt": [0, 0],
            "medelfel": [-30.0, 20.0],  # -830 - -800, -830 - -850
            "mae": [30.0, 20.0],
            "rmse": [30.0, 20.0],
            "täckning": [1.0, 1.0],  # -830 in [-850, -780] and in [-880, -820]
        },
        index=pd.Index([1, 2], name="prognosmånad", dtype="Int64"),
    )
    kedja = _kedjetabell()
    pd.testing.assert_frame_equal(hu.prognosträffsäkerhet(kedja), väntat)
    # a lower end moved but still below the outcome: inom_intervall stays True
    pd.testing.assert_frame_equal(
        hu.prognosträffsäkerhet(kedja.assign(nedre=[-851.0, -880.0])), väntat
    )
    # the first forecast's revision is against its own föregående, which the chain omits
    pd.testing.assert_frame_equal(
        hu.prognosträffsäkerhet(kedja.assign(revidering=[5.0, -50.0])), väntat
    )
    # rows in another order: the revision is still against the earlier forecast
    pd.testing.assert_frame_equal(hu.prognosträffsäkerhet(kedja.iloc[::-1]), väntat)
    # the derived columns dropped: nothing to check
    pd.testing.assert_frame_equal(
        hu.prognosträffsäkerhet(
            kedja.drop(columns=["avvikelse_mot_budget", "revidering", "prognosavvikelse"])
        ),
        väntat,
    )
    # budget and its deviation both edited consistently: -800 - -100 = -700
    pd.testing.assert_frame_equal(
        hu.prognosträffsäkerhet(
            kedja.assign(budget=[-100.0, 0.0], avvikelse_mot_budget=[-700.0, -850.0])
        ),
        väntat,
    )
