"""Tests of halsouppfoljning.ekonomi: budgetavvikelse, periodised budgets, kostnadsutveckling."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu

belopp = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
#: Amounts as reports print them, to one decimal [mnkr] (no subnormal budgets).
tryckta = st.integers(min_value=-(10**8), max_value=10**8).map(lambda x: x / 10)
positiva = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


# --------------------------------------------------------------------------- budgetavvikelse


def test_budgetavvikelse_done_when_examples() -> None:
    # -174.1 - (-8.5) = -165.6 (Västmanland, accumulated result February 2023)
    assert hu.budgetavvikelse(-174.1, -8.5) == pytest.approx(-165.6, abs=1e-9)
    # cost as a positive number: 8022 - 8954 = -932 (Värmland net cost 2023)
    assert hu.budgetavvikelse(8954, 8022, typ="kostnad") == -932
    # -932 / 8022 = -0.11618...
    assert hu.budgetavvikelse(8954, 8022, typ="kostnad", relativ=True) == pytest.approx(
        -0.116, abs=0.0005
    )


def test_budgetavvikelse_types() -> None:
    # revenue 1 418 against a budget of 1 198: +220 (favourable)
    assert hu.budgetavvikelse(1418, 1198, typ="intäkt") == 220
    assert hu.budgetavvikelse(1418, 1198, typ="INTÄKT ") == 220
    # the same cost line stored negative (resultat) and positive (kostnad) gives the same sign
    assert hu.budgetavvikelse(-189.4, -178.0) == pytest.approx(-11.4)
    assert hu.budgetavvikelse(189.4, 178.0, typ="kostnad") == pytest.approx(-11.4)


def test_budgetavvikelse_input_kinds() -> None:
    assert isinstance(hu.budgetavvikelse(1, 2), float)
    np.testing.assert_allclose(hu.budgetavvikelse([1.0, 5.0], [2.0, 3.0]), [-1.0, 2.0])
    ut = hu.budgetavvikelse(np.array([1.0, 5.0]), np.array([2.0, 3.0]), typ="kostnad")
    np.testing.assert_allclose(ut, [1.0, -2.0])
    s = pd.Series([10.0, 20.0], index=["a", "b"], name="u")
    r = hu.budgetavvikelse(s, 15.0)
    assert list(r.index) == ["a", "b"]
    assert r.tolist() == [-5.0, 5.0]
    df_u = pd.DataFrame({"ack": [10.0, 20.0], "helår": [60.0, 100.0]}, index=["x", "y"])
    df_b = pd.DataFrame({"ack": [12.0, 0.0], "helår": [50.0, 100.0]}, index=["x", "y"])
    rel = hu.budgetavvikelse(df_u, df_b, relativ=True)
    assert list(rel.index) == ["x", "y"]
    assert rel.loc["x", "ack"] == pytest.approx(-2 / 12)
    assert math.isnan(rel.loc["y", "ack"])  # zero budget
    assert rel.loc["x", "helår"] == pytest.approx(0.2)
    assert hu.budgetavvikelse([], []).shape == (0,)


def test_budgetavvikelse_nan_and_zero_budget() -> None:
    assert math.isnan(hu.budgetavvikelse(math.nan, 1.0))
    assert math.isnan(hu.budgetavvikelse(1.0, 0.0, relativ=True))
    assert hu.budgetavvikelse(1.0, 0.0) == 1.0
    # relative deviation divides by |budget|: a negative budget keeps the favourable sign
    assert hu.budgetavvikelse(-5.0, -10.0, relativ=True) == pytest.approx(0.5)
    r = hu.budgetavvikelse(pd.Series([1.0, 2.0]), pd.Series([0.0, 4.0]), relativ=True)
    assert math.isnan(r.iloc[0])
    assert r.iloc[1] == pytest.approx(-0.5)


def test_budgetavvikelse_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="typ must be one of"):
        hu.budgetavvikelse(1, 2, typ="kostnader")
    with pytest.raises(hu.FelTypError, match="tolka_tal"):
        hu.budgetavvikelse("-174,1", -8.5)
    with pytest.raises(hu.FelTypError, match="budget must be"):
        hu.budgetavvikelse(1.0, None)
    with pytest.raises(hu.FelTypError):
        hu.budgetavvikelse(True, 1.0)
    with pytest.raises(hu.FelTypError, match="utfall must be a number"):
        hu.budgetavvikelse(pd.Series(["a"]), 1.0)


@given(belopp, belopp)
def test_budgetavvikelse_antisymmetric_for_results(u: float, b: float) -> None:
    assert hu.budgetavvikelse(u, b) == -hu.budgetavvikelse(b, u)


@given(positiva, positiva)
def test_sign_conventions_consistent_across_types(kostnad: float, budget: float) -> None:
    # a cost line stored negative in a result statement and positive as a cost agree
    assert hu.budgetavvikelse(-kostnad, -budget) == pytest.approx(
        hu.budgetavvikelse(kostnad, budget, typ="kostnad")
    )
    # a revenue is signed like a result
    assert hu.budgetavvikelse(kostnad, budget, typ="intäkt") == hu.budgetavvikelse(kostnad, budget)
    # favourable means positive: a cost under budget, a revenue over budget
    if kostnad < budget:
        assert hu.budgetavvikelse(kostnad, budget, typ="kostnad") > 0
        assert hu.budgetavvikelse(kostnad, budget, typ="intäkt") < 0
    # the relative form has the sign of the absolute one, divided by |budget|
    rel = hu.budgetavvikelse(-kostnad, -budget, relativ=True)
    assert rel == pytest.approx((budget - kostnad) / budget)


@given(st.lists(st.tuples(tryckta, tryckta), max_size=20))
def test_budgetavvikelse_vectorised_matches_scalar(par: list[tuple[float, float]]) -> None:
    u = np.array([p[0] for p in par])
    b = np.array([p[1] for p in par])
    ut = hu.budgetavvikelse(u, b, relativ=True)
    förväntat = [
        (x - y) / abs(y) if y != 0 else math.nan for x, y in par
    ]  # plain reference implementation
    np.testing.assert_allclose(ut, förväntat, equal_nan=True)


# --------------------------------------------------------------------------- periodised budget


def test_periodiserad_budget_linjär() -> None:
    s = hu.periodiserad_budget(1200.0)
    assert list(s.index) == list(range(1, 13))
    assert s.tolist() == [100.0] * 12
    ack = hu.periodiserad_budget(1200.0, ackumulerad=True)
    assert ack[2] == pytest.approx(200.0)
    assert ack[12] == pytest.approx(1200.0)


def test_periodiserad_budget_vikter_och_föregående_år() -> None:
    # weights 2,1,...,1 sum to 13: January 120*2/13
    s = hu.periodiserad_budget(120.0, metod="vikter", vikter=[2] + [1] * 11)
    assert s[1] == pytest.approx(240 / 13)
    assert s.sum() == pytest.approx(120.0)
    # last year's pattern of a cost line stored negative: shares are outcome / total
    fg = np.array([-10.0] * 6 + [-20.0] * 6)  # total -180
    s = hu.periodiserad_budget(-360.0, metod="föregående år", föregående_år=fg)
    assert s[1] == pytest.approx(-360 * 10 / 180)
    assert s[12] == pytest.approx(-360 * 20 / 180)


def test_periodiserad_budget_per_line() -> None:
    rader = pd.Series([120.0, -240.0], index=["intäkter", "kostnader"])
    t = hu.periodiserad_budget(rader, ackumulerad=True)
    assert list(t.index) == ["intäkter", "kostnader"]
    assert t.loc["kostnader", 3] == pytest.approx(-60.0)
    arr = hu.periodiserad_budget(np.array([12.0, 24.0]))
    assert arr.shape == (2, 12)
    # one pattern per line
    fg = np.array([[1.0] * 12, [2.0] * 6 + [0.0] * 6])
    arr = hu.periodiserad_budget(np.array([12.0, 12.0]), metod="föregående år", föregående_år=fg)
    np.testing.assert_allclose(arr[1, :6], 2.0)
    np.testing.assert_allclose(arr[1, 6:], 0.0)


def test_periodiserad_budget_nan_propagates() -> None:
    assert hu.periodiserad_budget(math.nan).isna().all()
    # a NaN month in last year's pattern makes the whole profile unknown
    assert (
        hu.periodiserad_budget(12.0, metod="föregående år", föregående_år=[1.0] * 11 + [math.nan])
        .isna()
        .all()
    )


def test_periodiserad_budget_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="metod must be one of"):
        hu.periodiserad_budget(1.0, metod="säsong")
    with pytest.raises(hu.OgiltigtVärdeError, match="needs vikter"):
        hu.periodiserad_budget(1.0, metod="vikter")
    with pytest.raises(hu.OgiltigtVärdeError, match="12 monthly weights"):
        hu.periodiserad_budget(1.0, metod="vikter", vikter=[1, 2])
    with pytest.raises(hu.OgiltigtVärdeError, match="negative"):
        hu.periodiserad_budget(1.0, metod="vikter", vikter=[-1] + [1] * 11)
    with pytest.raises(hu.OgiltigtVärdeError, match="sums to zero"):
        hu.periodiserad_budget(1.0, metod="föregående år", föregående_år=[0] * 12)
    with pytest.raises(hu.OgiltigtVärdeError, match="sums to zero"):
        hu.periodiserad_budget(1.0, metod="vikter", vikter=[0] * 12)
    # last year's months of both signs are no pattern (the revenue and cost lines mixed)
    with pytest.raises(hu.OgiltigtVärdeError, match="föregående_år mixes positive and negative"):
        hu.periodiserad_budget(1.0, metod="föregående år", föregående_år=[1, -1] + [0] * 10)
    with pytest.raises(hu.OgiltigtVärdeError, match="takes neither"):
        hu.periodiserad_budget(1.0, vikter=[1] * 12)
    with pytest.raises(hu.OgiltigtVärdeError, match="needs föregående_år"):
        hu.periodiserad_budget(1.0, metod="föregående år")
    with pytest.raises(hu.OgiltigtVärdeError, match="månad must be"):
        hu.ackumulerad_budget(1.0, 13)
    with pytest.raises(hu.OgiltigtVärdeError, match="månad must be"):
        hu.ackumulerad_budget(1.0, 0)
    with pytest.raises(hu.OgiltigtVärdeError, match="one number per line"):
        hu.periodiserad_budget(np.zeros((2, 2)))
    with pytest.raises(hu.OgiltigtVärdeError, match=r"månader .*at least 1"):
        hu.periodiserad_budget(1.0, månader=0)
    with pytest.raises(hu.FelTypError, match="tolka_tal"):
        hu.periodiserad_budget("1 200")


@given(
    belopp,
    st.lists(st.floats(min_value=0.0, max_value=100.0), min_size=12, max_size=12).filter(
        lambda v: sum(v) > 1e-3
    ),
    st.integers(min_value=1, max_value=12),
)
def test_periodiserad_budget_reference(årsbudget: float, vikter: list[float], månad: int) -> None:
    s = hu.periodiserad_budget(årsbudget, metod="vikter", vikter=vikter)
    assert s.sum() == pytest.approx(årsbudget, rel=1e-9, abs=1e-6)
    # plain reference: the year-to-date budget is the weighted share of the months elapsed
    förväntat = årsbudget * sum(vikter[:månad]) / sum(vikter)
    ack = hu.ackumulerad_budget(årsbudget, månad, metod="vikter", vikter=vikter)
    assert ack == pytest.approx(förväntat, rel=1e-9, abs=1e-6)


def test_ackumulerad_budget_and_avvikelse_kinds() -> None:
    assert hu.ackumulerad_budget(1200.0, 2) == pytest.approx(200.0)
    np.testing.assert_allclose(hu.ackumulerad_budget([120.0, -60.0], 3), [30.0, -15.0])
    s = hu.ackumulerad_budget(pd.Series([120.0, 240.0], index=["i", "k"], name="b"), 2)
    assert s.tolist() == [20.0, 40.0]
    assert list(s.index) == ["i", "k"]
    # costs as positive numbers: 250 spent against 1200 * 2/12 = 200, deviation -50
    assert hu.ackumulerad_avvikelse(250.0, 1200.0, 2, typ="kostnad") == pytest.approx(-50.0)
    assert hu.ackumulerad_avvikelse(250.0, 1200.0, 2, typ="kostnad", relativ=True) == (
        pytest.approx(-0.25)
    )


# --------------------------------------------------------------------------- published figures


def test_västmanland_accumulated_result_against_periodised_budget() -> None:
    rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    # every line: Ack avv från budget = utfall - budget, to the report's rounding (each printed
    # figure is rounded to 0,1, so the difference of two may be off by 0,1)
    avv = hu.budgetavvikelse(rr["ack_utfall"], rr["ack_budget"])
    np.testing.assert_allclose(avv, rr["ack_avvikelse"], atol=0.1 + 1e-9)
    # the full-year forecast against the full-year budget, per line
    avv_helår = hu.budgetavvikelse(rr["helår_prognos"], rr["helår_budget"])
    np.testing.assert_allclose(avv_helår, rr["avvikelse_prognos_budget"], atol=0.1 + 1e-9)
    # the result line exactly as printed (line 1117 and line 43): -174,1 - (-8,5) = -165,6
    assert avv["Resultat"] == pytest.approx(-165.6, abs=0.05)
    # the year-to-date budget of the result is revenues' plus costs' (1 559,8 - 1 568,2)
    ack_budget = rr.loc["Summa Intäkter", "ack_budget"] + rr.loc["Summa Kostnader", "ack_budget"]
    assert ack_budget == pytest.approx(rr.loc["Resultat", "ack_budget"], abs=0.1 + 1e-9)


def test_västmanland_ytd_budget_is_not_linear() -> None:
    # DOMAIN.md section 5: a full-year budget of 0,0 with a February budget of -8,5. A linear
    # profile of the result line gives 0 (not reproducible without the region's monthly
    # profile, which the report does not print); periodising lines separately can differ.
    rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    linjär = hu.ackumulerad_budget(rr.loc["Resultat", "helår_budget"], 2)
    assert linjär == 0.0
    assert rr.loc["Resultat", "ack_budget"] == -8.5
    # with the revenue and cost lines' implied profiles (share of the year in Jan-Feb), the
    # lines' year-to-date budgets add to -8,4, the printed -8,5 to rounding
    intäkt = rr.loc["Summa Intäkter"]
    kostnad = rr.loc["Summa Kostnader"]
    vikter_i = [intäkt["ack_budget"] / 2] * 2 + [
        (intäkt["helår_budget"] - intäkt["ack_budget"]) / 10
    ] * 10
    vikter_k = [kostnad["ack_budget"] / 2] * 2 + [
        (kostnad["helår_budget"] - kostnad["ack_budget"]) / 10
    ] * 10
    b_i = hu.ackumulerad_budget(
        intäkt["helår_budget"], 2, metod="föregående år", föregående_år=vikter_i
    )
    b_k = hu.ackumulerad_budget(
        kostnad["helår_budget"], 2, metod="föregående år", föregående_år=vikter_k
    )
    assert b_i + b_k == pytest.approx(-8.5, abs=0.1 + 1e-9)


def test_västmanland_corrected_result() -> None:
    # lines 450-453: erroneous postings köpt vård -7,4 and övriga verksamhetskostnader +3,9;
    # corrected result -174,1 - (-7,4 + 3,9) = -170,6, against budget -170,6 + 8,5 = -162,1
    n = hu.exempeldata.nyckeltal_västmanland_2023_02()
    poster = n.loc[
        ["felaktig post köpt vård", "felaktig post övriga verksamhetskostnader"], "värde"
    ]
    korrigerat = n.loc["ackumulerat resultat", "värde"] - poster.sum()
    assert korrigerat == pytest.approx(n.loc["korrigerat ackumulerat resultat", "värde"], abs=0.05)
    assert hu.budgetavvikelse(korrigerat, -8.5) == pytest.approx(
        n.loc["korrigerad ackumulerad avvikelse mot budget", "värde"], abs=0.05
    )


def test_värmland_net_cost_deviation() -> None:
    v = hu.exempeldata.ekonomi_värmland_2023().set_index(["post", "mått"])["värde"]
    avv = hu.budgetavvikelse(
        v[("Nettokostnad", "utfall")], v[("Nettokostnad", "ram")], typ="kostnad"
    )
    # printed "minus 932" (line 1618), both inputs rounded to whole mnkr
    assert avv == pytest.approx(v[("Nettokostnad", "avvikelse mot budget")], abs=0.5)
    # the indicator -932,507 (lines 1608-1611) from figures rounded to whole mnkr: within 1
    assert avv == pytest.approx(v[("Nettokostnad", "indikator nettokostnad mot budget")], abs=1.0)
    # DOMAIN.md section 5: -11,6 % of the frame (atol = half a unit of the printed decimal)
    rel = hu.budgetavvikelse(
        v[("Nettokostnad", "utfall")], v[("Nettokostnad", "ram")], typ="kostnad", relativ=True
    )
    assert rel == pytest.approx(-0.116, abs=0.0005)


# --------------------------------------------------------------------------- kostnadsutveckling


def test_kostnadsutveckling_hand() -> None:
    # 105 / 100 - 1 = 0.05
    assert hu.kostnadsutveckling(105.0, 100.0) == pytest.approx(0.05)
    # negative (result statement) costs give the same share
    assert hu.kostnadsutveckling(-105.0, -100.0) == pytest.approx(0.05)
    # net: (110 - 20) / (100 - 25) - 1 = 90/75 - 1 = 0.2
    assert hu.kostnadsutveckling(
        110.0, 100.0, intäkter=20.0, referens_intäkter=25.0
    ) == pytest.approx(0.2)
    # adjustments of both years: (110 - 10) / (100 - 20) - 1 = 0.25
    assert hu.kostnadsutveckling(
        110.0, 100.0, justeringar=[4.0, 6.0], referens_justeringar={"covid": 20.0}
    ) == pytest.approx(0.25)


def test_kostnadsutveckling_published_corrected_rates() -> None:
    # Västmanland February 2023, line 485: köpt vård +11,7 % and övriga kostnader +4,6 % after
    # removing the erroneous postings (-7,4 and +3,9, lines 450-451) from this year's outcome
    rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    n = hu.exempeldata.nyckeltal_västmanland_2023_02()
    köpt = hu.kostnadsutveckling(
        rr.loc["Köpt vård", "ack_utfall"],
        rr.loc["Köpt vård", "ack_utfall_fg_år"],
        justeringar={"felaktig post": n.loc["felaktig post köpt vård", "värde"]},
    )
    assert köpt == pytest.approx(
        n.loc["korrigerad kostnadsutveckling köpt vård", "värde"], abs=0.0005
    )
    övriga = hu.kostnadsutveckling(
        rr.loc["Övriga verksamhetskostnader", "ack_utfall"],
        rr.loc["Övriga verksamhetskostnader", "ack_utfall_fg_år"],
        justeringar=n.loc["felaktig post övriga verksamhetskostnader", "värde"],
    )
    assert övriga == pytest.approx(
        n.loc["korrigerad kostnadsutveckling övriga kostnader", "värde"], abs=0.0005
    )


@pytest.mark.xfail(
    strict=True,
    reason=(
        "not reproducible: the printed gross cost development 5,4 % (line 44) is 'justerat för "
        "jmfr.störande poster' (line 1032) and counts a gross cost the simplified result "
        "statement does not show; its Summa Kostnader gives 1 711,8 / 1 614,5 - 1 = 6,0 %"
    ),
)
def test_västmanland_gross_cost_development_not_reproducible() -> None:
    rr = hu.exempeldata.resultaträkning_västmanland_2023_02()
    n = hu.exempeldata.nyckeltal_västmanland_2023_02()
    brutto = hu.kostnadsutveckling(
        rr.loc["Summa Kostnader", "ack_utfall"], rr.loc["Summa Kostnader", "ack_utfall_fg_år"]
    )
    assert brutto == pytest.approx(n.loc["bruttokostnadsutveckling", "värde"], abs=0.0005)


def test_kostnadsutveckling_input_kinds() -> None:
    s = hu.kostnadsutveckling(
        pd.Series([110.0, 90.0], index=["a", "b"]), pd.Series([100.0, 100.0], index=["a", "b"])
    )
    assert list(s.index) == ["a", "b"]
    np.testing.assert_allclose(s, [0.1, -0.1])
    np.testing.assert_allclose(hu.kostnadsutveckling([110.0, 1.0], [100.0, 0.0]), [0.1, np.nan])
    assert math.isnan(hu.kostnadsutveckling(1.0, 0.0))
    assert math.isnan(hu.kostnadsutveckling(math.nan, 1.0))
    assert math.isnan(hu.kostnadsutveckling(2.0, 1.0, justeringar={"x": math.nan}))
    assert hu.kostnadsutveckling([], []).shape == (0,)
    poster = pd.DataFrame({"x": [1.0, 2.0], "y": [0.0, 1.0]})
    np.testing.assert_allclose(
        hu.kostnadsutveckling(pd.Series([11.0, 13.0]), 10.0, justeringar=poster), [0.0, 0.0]
    )


def test_kostnadsutveckling_invalid() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="both intäkter"):
        hu.kostnadsutveckling(1.0, 1.0, intäkter=1.0)
    with pytest.raises(hu.FelTypError, match="tolka_tal"):
        hu.kostnadsutveckling("5,4 %", 1.0)


@given(
    positiva,
    positiva,
    st.lists(st.floats(min_value=-100, max_value=100), max_size=4),
)
def test_kostnadsutveckling_reference(u: float, f: float, poster: list[float]) -> None:
    justerad = u - math.fsum(poster)
    if justerad < -1e-6:  # the adjusted cost has the other sign than the reference: an error
        with pytest.raises(hu.OgiltigtVärdeError, match="opposite signs"):
            hu.kostnadsutveckling(u, f, justeringar=poster)
    elif justerad > 1e-6:
        ut = hu.kostnadsutveckling(u, f, justeringar=poster)
        assert ut == pytest.approx(justerad / f - 1, rel=1e-9, abs=1e-9)
    # no change without adjustments gives exactly 0
    assert hu.kostnadsutveckling(u, u) == 0.0


# --------------------------------------------------------------------------- periods, input rules


def test_ackumulerad_budget_takes_a_period_through_its_last_month() -> None:
    # T1 is January-April: 1 200 * 4/12 = 400; the delår ends in August: 1 200 * 8/12 = 800
    assert hu.ackumulerad_budget(1200.0, hu.Period.tertial(2023, 1)) == pytest.approx(400.0)
    assert hu.ackumulerad_budget(1200.0, hu.Period.delår(2023)) == pytest.approx(800.0)
    assert hu.ackumulerad_budget(1200.0, hu.Period.månad(2023, 2)) == pytest.approx(200.0)
    assert hu.ackumulerad_budget(1200.0, hu.Period.helår(2023)) == pytest.approx(1200.0)
    # costs as positive numbers: 900 spent by August against 800, deviation -100
    assert hu.ackumulerad_avvikelse(
        900.0, 1200.0, hu.Period.tertial(2023, 2), typ="kostnad"
    ) == pytest.approx(-100.0)


@given(belopp, st.integers(min_value=2000, max_value=2030), st.integers(min_value=1, max_value=12))
def test_period_and_month_number_agree(årsbudget: float, år: int, månad: int) -> None:
    med_period = hu.ackumulerad_budget(årsbudget, hu.Period.månad(år, månad))
    assert med_period == hu.ackumulerad_budget(årsbudget, månad)
    # plain reference: the linear profile gives månad twelfths of the year
    assert med_period == pytest.approx(årsbudget * månad / 12, rel=1e-12, abs=1e-9)


def test_input_rules_of_the_input_layer() -> None:
    # a whole-number float is a month; a fraction or a bool is not
    assert hu.ackumulerad_budget(1200.0, 2.0) == pytest.approx(200.0)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="whole number"):
        hu.ackumulerad_budget(1200.0, 2.5)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="månad"):
        hu.ackumulerad_budget(1200.0, True)
    # infinity is not an amount; NaN is a missing one
    with pytest.raises(hu.OgiltigtVärdeError, match="finite"):
        hu.budgetavvikelse(math.inf, 1.0)
    with pytest.raises(hu.FelTypError, match="utfall must be"):
        hu.kostnadsutveckling(None, 1.0)  # type: ignore[arg-type]
    # None inside a sequence is a missing value, as everywhere
    np.testing.assert_allclose(hu.budgetavvikelse([1.0, None], [0.5, 0.5]), [0.5, np.nan])
    # text choices are read in NFC, stripped, in any case
    assert hu.periodiserad_budget(12.0, metod=" LINJÄR").tolist() == [1.0] * 12  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="typ"):
        hu.budgetavvikelse(1.0, 2.0, typ=None)  # type: ignore[arg-type]
    # a boolean is a boolean, never 1 or "ja"
    with pytest.raises(hu.FelTypError, match="relativ"):
        hu.budgetavvikelse(1.0, 2.0, relativ=1)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="ackumulerad"):
        hu.periodiserad_budget(12.0, ackumulerad="ja")  # type: ignore[arg-type]


def test_periodiserad_budget_shapes_of_last_year() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="12 monthly outcomes"):
        hu.periodiserad_budget(1.0, metod="föregående år", föregående_år=[1.0, 2.0])
    # a scalar budget with one pattern per line gives one row per pattern
    fg = np.array([[1.0] * 12, [3.0] + [1.0] * 11])
    ut = hu.periodiserad_budget(14.0, metod="föregående år", föregående_år=fg)
    assert ut.shape == (2, 12)
    np.testing.assert_allclose(ut[0], [14.0 / 12] * 12)
    assert ut[1, 0] == pytest.approx(14.0 * 3 / 14)  # 3 of a pattern summing to 14


# --------------------------------------------------------------------------- uppräkning


def test_uppräkning_by_hand() -> None:
    # 1 000 × 1,031 = 1 031
    assert hu.uppräkning(1000.0, 0.031) == pytest.approx(1031.0)
    # 8 022 × 1,03 + 50 − 20 = 8 262,66 + 30 = 8 292,66
    assert hu.uppräkning(8022, 0.03, tillägg={"tillskott": 50, "besparing": -20}) == (
        pytest.approx(8292.66)
    )
    # additions as a list, not raised: 200 × 1,05 + 10 + 5 = 225
    assert hu.uppräkning(200, 0.05, tillägg=[10, 5]) == pytest.approx(225.0)
    # a zero raise leaves the amount; the share 1 doubles it
    assert hu.uppräkning(12.5, 0) == 12.5
    assert hu.uppräkning(12.5, 1) == 25.0


def test_uppräkning_keeps_the_kind_and_nan() -> None:
    s = pd.Series([100.0, np.nan], index=["HSN", "RS"])
    ut = hu.uppräkning(s, 0.02, tillägg=1.0)
    assert isinstance(ut, pd.Series)
    assert list(ut.index) == ["HSN", "RS"]
    assert ut["HSN"] == pytest.approx(103.0)
    assert math.isnan(ut["RS"])
    # one share per amount: 100 × 1,1 and 50 × 1,2
    np.testing.assert_allclose(hu.uppräkning([100.0, 50.0], [0.1, 0.2]), [110.0, 60.0])
    # additions as a DataFrame, one column per item, summed per row
    t = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}, index=["HSN", "RS"])
    ut2 = hu.uppräkning(pd.Series([10.0, 20.0], index=["HSN", "RS"]), 0.0, tillägg=t)
    assert ut2.tolist() == [14.0, 26.0]


def test_uppräkning_refuses_percent_and_bad_input() -> None:
    with pytest.raises(hu.AndelsError, match="did you pass percent"):
        hu.uppräkning(100.0, 3.1)
    with pytest.raises(hu.AndelsError, match="uppräkning: andel"):
        hu.uppräkning(100.0, -0.01)
    with pytest.raises(hu.FelTypError, match="uppräkning: andel"):
        hu.uppräkning(100.0, None)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="uppräkning: belopp"):
        hu.uppräkning("100", 0.1)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="tillägg"):
        hu.uppräkning(100.0, 0.1, tillägg={"x": "5"})  # type: ignore[dict-item]


@given(tryckta, st.floats(0, 1), tryckta)
def test_uppräkning_reference(b: float, a: float, t: float) -> None:
    assert hu.uppräkning(b, a, tillägg=[t]) == pytest.approx(b + b * a + t, abs=1e-6)


# --------------------------------------------------------------------------- budgetbrygga


def test_budgetbrygga_vastmanland_month() -> None:
    # Seed vastmanland-hsf-manadsrapport-2023-02.txt lines 1093, 1115, 1117 (the month column):
    # budget -8,5; deviations of revenues -22,1 and of costs -143,6; printed result -174,1.
    # -8,5 - 22,1 - 143,6 = -174,2: a rounding difference of +0,1, within 4 × 0,05 = 0,2.
    b = hu.budgetbrygga(-8.5, {"intäkter": -22.1, "kostnader": -143.6}, -174.1, avrundning=1)
    assert b["post"].tolist() == ["start", "intäkter", "kostnader", "slut"]
    np.testing.assert_allclose(b["belopp"], [-8.5, -22.1, -143.6, -174.1])
    np.testing.assert_allclose(b["ackumulerat"], [-8.5, -30.6, -174.2, -174.1])
    assert b.attrs["differens"] == pytest.approx(0.1)
    assert b.attrs["tolerans"] == pytest.approx(0.2)
    assert b.attrs["avrundning"] == 1
    # exactly, the same bridge does not close
    with pytest.raises(hu.OgiltigtVärdeError, match=r"gap of 0\.1"):
        hu.budgetbrygga(-8.5, {"intäkter": -22.1, "kostnader": -143.6}, -174.1)


def test_budgetbrygga_vastmanland_sums() -> None:
    # Line 1093: Summa Intäkter 1 537,7 from lines 1083-1091 (month column):
    # 21,8 + 31,7 + 1 418,4 + 32,5 + 33,4 = 1 537,8 (printed 1 537,7: difference -0,1).
    intäkter = {
        "Patientavgifter": 21.8,
        "Ersättning vårdtjänster": 31.7,
        "Regionersättning": 1418.4,
        "Försäljning av tjänster": 32.5,
        "Övriga intäkter": 33.4,
    }
    b = hu.budgetbrygga(0.0, intäkter, 1537.7, avrundning=1)
    assert b.attrs["differens"] == pytest.approx(-0.1)
    assert b.attrs["tolerans"] == pytest.approx(0.35)
    # Line 1115: Summa Kostnader -1 711,8 from lines 1097-1113, the varav lines left out:
    # -796,2 - 189,4 - 202,4 - 12,4 - 306,7 - 65,7 - 139,0 = -1 711,8 exactly.
    kostnader = pd.Series(
        [-796.2, -189.4, -202.4, -12.4, -306.7, -65.7, -139.0],
        index=["Personal", "Köpt vård", "Läkemedel", "Hjälpmedel", "Material", "Lokal", "Övrigt"],
    )
    k = hu.budgetbrygga(0.0, kostnader, -1711.8, avrundning=1)
    assert k.attrs["differens"] == pytest.approx(0.0, abs=1e-9)
    # Line 1117 (full-year forecast column): budget 0,0, deviations -1,9 and -888,1, -890,0.
    p = hu.budgetbrygga(0.0, {"intäkter": -1.9, "kostnader": -888.1}, -890.0, avrundning=1)
    assert p["ackumulerat"].iloc[-2] == pytest.approx(-890.0)


def test_budgetbrygga_gap_names_the_figures() -> None:
    # 100 + 3 + 4 = 107; the printed 110 leaves a gap of 3 > (2 + 2) × 0,5 = 2 at whole mnkr
    with pytest.raises(hu.OgiltigtVärdeError, match=r"= 107, but slut is 110, a gap of 3"):
        hu.budgetbrygga(100, {"uppräkning": 3, "tillskott": 4}, 110, avrundning=0)
    # within 2: closes
    assert hu.budgetbrygga(100, {"a": 3, "b": 4}, 109, avrundning=0).attrs["differens"] == 2
    # tens (avrundning=-1): half a ten per figure, 3 figures: 15
    assert hu.budgetbrygga(100, {"a": 10}, 120, avrundning=-1).attrs["tolerans"] == 15
    # no items: the start is the total
    assert hu.budgetbrygga(5.0, {}, 5.0)["post"].tolist() == ["start", "slut"]


def test_budgetbrygga_errors() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"\['kostnader'\] missing"):
        hu.budgetbrygga(0, {"intäkter": 1.0, "kostnader": float("nan")}, 1.0)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"budgetbrygga: slut missing"):
        hu.budgetbrygga(0, {"a": 1.0}, None)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="poster must be a mapping"):
        hu.budgetbrygga(0, [1.0, 2.0], 3.0)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="'slut' is the name"):
        hu.budgetbrygga(0, {"slut": 1.0}, 1.0)
    with pytest.raises(hu.OgiltigtVärdeError, match="avrundning must be a whole number"):
        hu.budgetbrygga(0, {"a": 1.0}, 1.0, avrundning=1.5)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="start"):
        hu.budgetbrygga("0", {"a": 1.0}, 1.0)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="poster"):
        hu.budgetbrygga(0, {"a": "1"}, 1.0)  # type: ignore[dict-item]


#: True amounts with three decimals [mnkr], before a report rounds them to one.
sanna = st.integers(min_value=-(10**9), max_value=10**9).map(lambda x: x / 1000)


@given(st.lists(sanna, min_size=0, max_size=12), sanna)
def test_budgetbrygga_printed_rounding_always_closes(delar: list[float], start: float) -> None:
    # Round every true figure to one decimal as a report prints it: the bridge must close.
    sann_slut = start + sum(delar)
    tryckt = [round(x, 1) for x in delar]
    b = hu.budgetbrygga(
        round(start, 1),
        {f"p{i}": x for i, x in enumerate(tryckt)},
        round(sann_slut, 1),
        avrundning=1,
    )
    assert abs(b.attrs["differens"]) <= b.attrs["tolerans"] + 1e-6


# --------------------------------------------------------------------------- kolumnsumma


def test_kolumnsumma_missing_is_never_zero() -> None:
    s = hu.kolumnsumma([21.8, np.nan, 31.7])
    assert math.isnan(s.summa)
    assert (s.antal, s.antal_saknade, s.saknade, s.fullständig) == (3, 1, "nan", False)
    k = hu.kolumnsumma([21.8, None, 31.7], saknade="utelämna")
    assert k.summa == pytest.approx(53.5)  # 21,8 + 31,7
    assert (k.antal, k.antal_saknade) == (3, 1)
    assert float(k) == pytest.approx(53.5)
    # only missing: NaN, not 0, even when the known parts are asked for
    tom = hu.kolumnsumma([np.nan, np.nan], saknade="utelämna")
    assert math.isnan(tom.summa)
    assert tom.antal_saknade == 2
    # complete column: its total
    full = hu.kolumnsumma(np.array([1.0, 2.0, 3.5]))
    assert (full.summa, full.fullständig) == (6.5, True)
    # empty column: no total
    assert math.isnan(hu.kolumnsumma([]).summa)


def test_kolumnsumma_frame_and_series() -> None:
    # Västmanland line 1093's cells with one marked missing (as "i.u." read by tolka_tal)
    tabell = pd.DataFrame(
        {"utfall": [21.8, 31.7, 1418.4, 32.5, 33.4], "budget": [20.6, 31.0, np.nan, 35.2, 36.6]}
    )
    t = hu.kolumnsumma(tabell)
    assert t.loc["utfall", "summa"] == pytest.approx(1537.8)
    assert math.isnan(t.loc["budget", "summa"])
    assert t["antal_saknade"].tolist() == [0, 1]
    assert t["antal"].tolist() == [5, 5]
    assert t.attrs["saknade"] == "nan"
    u = hu.kolumnsumma(tabell, saknade="utelämna")
    assert u.loc["budget", "summa"] == pytest.approx(123.4)  # 20,6 + 31,0 + 35,2 + 36,6
    assert hu.kolumnsumma(pd.Series([1.0, 2.0], index=["a", "b"])).summa == 3.0


def test_kolumnsumma_errors() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="saknade must be"):
        hu.kolumnsumma([1.0], saknade="noll")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="tolka_tal"):
        hu.kolumnsumma(["1,0", "i.u."])  # type: ignore[list-item]
    with pytest.raises(hu.FelTypError, match="kolumnsumma: värden"):
        hu.kolumnsumma(None)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="pass one column"):
        hu.kolumnsumma(np.ones((2, 2)))


@given(st.lists(st.one_of(st.none(), tryckta), max_size=20))
def test_kolumnsumma_reference(celler: list[float | None]) -> None:
    kända = [c for c in celler if c is not None]
    saknade = len(celler) - len(kända)
    s = hu.kolumnsumma(celler)
    u = hu.kolumnsumma(celler, saknade="utelämna")
    assert s.antal_saknade == u.antal_saknade == saknade
    if saknade or not kända:
        assert math.isnan(s.summa)
    else:
        assert s.summa == pytest.approx(math.fsum(kända), abs=1e-6)
    if kända:
        assert u.summa == pytest.approx(math.fsum(kända), abs=1e-6)
    else:
        assert math.isnan(u.summa)


# --------------------------------------------------------------------------- issue 12: bad input


def test_budgetavvikelse_lengths_and_indexes_must_match() -> None:
    # two Series with other labels: pandas would align them to NaN rows; an error gives both
    with pytest.raises(hu.OgiltigtVärdeError, match=r"utfall and budget have different indexes"):
        hu.budgetavvikelse(pd.Series([1.0, 2.0], index=["a", "b"]), pd.Series([1.0, 2.0]))
    with pytest.raises(hu.OgiltigtVärdeError, match="utfall has length 2 but budget has length 3"):
        hu.budgetavvikelse([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="different columns"):
        hu.budgetavvikelse(pd.DataFrame({"a": [1.0]}), pd.DataFrame({"b": [1.0]}))
    with pytest.raises(hu.FelTypError, match="both be tables"):
        hu.budgetavvikelse(pd.DataFrame({"a": [1.0]}), [1.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="budget must be finite"):
        hu.budgetavvikelse(1.0, math.inf)
    # a single number pairs with any length
    assert hu.budgetavvikelse([1.0, 2.0], 1.0).tolist() == [0.0, 1.0]


@pytest.mark.parametrize("dålig", [None, "abc", True, math.inf, [1.0, math.inf]])
def test_ackumulerad_avvikelse_names_ack_utfall(dålig: object) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="ackumulerad_avvikelse: ack_utfall"):
        hu.ackumulerad_avvikelse(dålig, 1200.0, 2)  # type: ignore[arg-type]


def test_ackumulerad_avvikelse_index_must_match_the_budget() -> None:
    u = pd.Series([250.0], index=["a"])
    b = pd.Series([1200.0], index=["b"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"ack_utfall and .* different indexes"):
        hu.ackumulerad_avvikelse(u, b, 2)


@pytest.mark.parametrize("månader", [0, 121, 10**9, 1e12, 12.5])
def test_periodiserad_budget_bounds_månader(månader: float) -> None:
    # 10**9 months would build a billion cells: a bound, naming månader
    with pytest.raises(hu.OgiltigtVärdeError, match="periodiserad_budget: månader"):
        hu.periodiserad_budget(100.0, månader=månader)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="ackumulerad_budget: månader"):
        hu.ackumulerad_budget(100.0, 1, månader=månader)  # type: ignore[arg-type]


def test_periodiserad_budget_pattern_rows_must_match_the_lines() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="3 lines but the monthly pattern has 2 rows"):
        hu.periodiserad_budget(
            pd.Series([1.0, 2.0, 3.0]), metod="vikter", vikter=[[1.0] * 12, [1.0] * 12]
        )
    # one pattern row per line: 12 * 1/12 and 24 * (2/24 in January)
    ut = hu.periodiserad_budget(
        np.array([12.0, 24.0]), metod="vikter", vikter=[[1.0] * 12, [2.0] + [2.0] * 11]
    )
    assert ut[:, 0].tolist() == pytest.approx([1.0, 2.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="vikter must hold 12 monthly weights"):
        hu.periodiserad_budget(1.0, metod="vikter", vikter=np.ones((1, 1, 12)))


def test_periodiserad_budget_nan_month_in_the_middle_gives_nan() -> None:
    vikter = [1.0] * 5 + [math.nan] + [1.0] * 6
    assert hu.periodiserad_budget(12.0, metod="vikter", vikter=vikter).isna().all()


def test_kostnadsutveckling_opposite_signs_is_an_error() -> None:
    # +100 against -50 returned -3.0: two lines signed differently
    with pytest.raises(hu.OgiltigtVärdeError, match=r"utfall 100 and referens -50 have opposite"):
        hu.kostnadsutveckling(100.0, -50.0)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"utfall 5 and referens -50 .* position 1"):
        hu.kostnadsutveckling([100.0, 5.0], [50.0, -50.0])
    # the net cost after revenues: 10 - 20 = -10 against 100 - 20 = 80
    with pytest.raises(hu.OgiltigtVärdeError, match="after intäkter, referens_intäkter"):
        hu.kostnadsutveckling(10.0, 100.0, intäkter=20.0, referens_intäkter=20.0)
    # a cost that fell to zero is -100 %, not an error; a zero reference is NaN
    assert hu.kostnadsutveckling(0.0, 50.0) == -1.0
    assert math.isnan(hu.kostnadsutveckling(50.0, 0.0))


def test_kostnadsutveckling_and_uppräkning_lengths_must_match() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="utfall has length 2 but referens has"):
        hu.kostnadsutveckling([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="utfall and referens have different indexes"):
        hu.kostnadsutveckling(pd.Series([1.0], index=["a"]), pd.Series([1.0], index=["b"]))
    with pytest.raises(hu.OgiltigtVärdeError, match=r"justeringar\['a'\] has length 2"):
        hu.kostnadsutveckling(1.0, 1.0, justeringar={"a": [1.0, 2.0], "b": [1.0, 2.0, 3.0]})
    with pytest.raises(hu.OgiltigtVärdeError, match="utfall has length 2 but intäkter"):
        hu.kostnadsutveckling([5.0, 6.0], [5.0, 6.0], intäkter=[1.0], referens_intäkter=[1.0, 2.0])
    with pytest.raises(hu.OgiltigtVärdeError, match="belopp has length 2 but andel has length 3"):
        hu.uppräkning([1.0, 2.0], [0.1, 0.2, 0.3])
    with pytest.raises(hu.OgiltigtVärdeError, match="belopp and andel have different indexes"):
        hu.uppräkning(pd.Series([1.0, 2.0]), pd.Series([0.1, 0.2], index=[3, 4]))
    with pytest.raises(hu.OgiltigtVärdeError, match="belopp has length 2 but tillägg"):
        hu.uppräkning([1.0, 2.0], 0.1, tillägg={"a": [1.0, 2.0, 3.0]})


def test_budgetbrygga_duplicated_item_is_an_error() -> None:
    poster = pd.Series([1.0, 2.0], index=["a", "a"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"budgetbrygga: poster .* duplicated.*'a'"):
        hu.budgetbrygga(0.0, poster, 3.0)
    with pytest.raises(hu.OgiltigtVärdeError, match="budgetbrygga: start must be finite"):
        hu.budgetbrygga(math.inf, {"a": 1.0}, 3.0)


@pytest.mark.parametrize("saknade", [pd.DataFrame(), pd.DataFrame({"okänd": [1.0]}), None, 1])
def test_kolumnsumma_saknade_must_be_text(saknade: object) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="kolumnsumma: saknade"):
        hu.kolumnsumma([1.0], saknade=saknade)  # type: ignore[arg-type]


def test_kolumnsumma_frame_without_columns_and_duplicated_labels() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="värden is a table without columns"):
        hu.kolumnsumma(pd.DataFrame())
    dubbel = pd.DataFrame([[1.0, 2.0]], columns=["a", "a"])
    with pytest.raises(hu.OgiltigtVärdeError, match=r"värden .* duplicated keys \['a'\]"):
        hu.kolumnsumma(dubbel)
    # a table with columns and no rows: every total unknown (NaN), nothing counted
    tom = hu.kolumnsumma(pd.DataFrame({"a": pd.Series([], dtype=float)}))
    assert math.isnan(tom.loc["a", "summa"])
    assert tom.loc["a", "antal"] == 0


@pytest.mark.parametrize(
    ("fält", "match"),
    [
        ({"summa": math.inf}, "Kolumnsumma: summa must be finite"),
        ({"summa": "3"}, "Kolumnsumma: summa must be a number"),
        ({"antal": math.inf}, "Kolumnsumma: antal must be a whole number"),
        ({"antal": -1}, "Kolumnsumma: antal must be at least 0"),
        ({"antal": 2.5}, "Kolumnsumma: antal must be a whole number"),
        ({"antal": True}, "Kolumnsumma: antal must be a whole number"),
        ({"antal_saknade": -1}, "Kolumnsumma: antal_saknade must be at least 0"),
        ({"antal_saknade": 4}, "antal_saknade 4 exceeds antal 3"),
        ({"saknade": "noll"}, "Kolumnsumma: saknade must be 'nan'"),
        ({"saknade": None}, "Kolumnsumma: saknade must be text"),
        ({"saknade": "nan"}, "summa is 3.0 but 1 cell"),
        ({"summa": math.nan}, "summa is NaN but 2 cell"),
        ({"antal_saknade": 3}, "summa is 3.0 but no cell is known"),
    ],
)
def test_kolumnsumma_fields_are_checked(fält: dict[str, object], match: str) -> None:
    giltig: dict[str, object] = {
        "summa": 3.0,
        "antal": 3,
        "antal_saknade": 1,
        "saknade": "utelämna",
    }
    with pytest.raises(hu.HalsouppfoljningError, match=match):
        hu.Kolumnsumma(**(giltig | fält))  # type: ignore[arg-type]


def test_kolumnsumma_valid_fields() -> None:
    s = hu.Kolumnsumma(summa=math.nan, antal=3, antal_saknade=1, saknade="nan")
    assert math.isnan(s.summa)
    assert not s.fullständig
    assert hu.Kolumnsumma(summa=6, antal=3.0, antal_saknade=0, saknade="NAN").antal == 3


def test_items_as_a_table_without_columns_is_an_error() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="justeringar is a table without columns"):
        hu.kostnadsutveckling(-189.4, -163.0, justeringar=pd.DataFrame())
    with pytest.raises(hu.OgiltigtVärdeError, match="tillägg is a table without columns"):
        hu.uppräkning(100.0, 0.03, tillägg=pd.DataFrame())


def test_budgetbrygga_item_must_be_one_amount() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="each item of poster must be one amount"):
        hu.budgetbrygga(0.0, {"a": [1.0, 2.0]}, 3.0)


@pytest.mark.parametrize(
    ("anrop", "namn"),
    [
        (lambda: hu.ackumulerad_avvikelse(1e15, 1200.0, 2), "ackumulerad_avvikelse: ack_utfall"),
        (lambda: hu.kostnadsutveckling(1e300, 100.0), "kostnadsutveckling: utfall"),
        (lambda: hu.kostnadsutveckling(1.0, 1.0, justeringar={"a": 1e20}), "justeringar"),
        (lambda: hu.uppräkning(1e300, 0.03), "uppräkning: belopp"),
        (lambda: hu.budgetbrygga(0.0, {"a": 1e300}, 1e300), "budgetbrygga: start, poster"),
        (lambda: hu.kolumnsumma([1.0, 1e300]), "kolumnsumma: värden"),
    ],
)
def test_absurd_amounts_are_errors(anrop: object, namn: str) -> None:
    # 10^15 mnkr and more is no follow-up figure: a unit or data error, named
    with pytest.raises(hu.OgiltigtVärdeError, match=namn):
        anrop()  # type: ignore[operator]


class TestIssue12Probe:
    """Regression tests for engineer B's fuzz findings in ekonomi.py (issue 12)."""

    def test_kostnadsutveckling_referens_practically_zero(self) -> None:
        # -189.4 / -1e-308 overflows to inf: an error naming referens, not a number
        with pytest.raises(hu.OgiltigtVärdeError, match="kostnadsutveckling: referens -1e-308"):
            hu.kostnadsutveckling(-189.4, -1e-308)

    def test_two_dimensional_adjustments_are_refused(self) -> None:
        with pytest.raises(hu.FelTypError, match=r"kostnadsutveckling: justeringar .*\(2, 2\)"):
            hu.kostnadsutveckling(-189.4, -163.0, justeringar=np.ones((2, 2)))
        with pytest.raises(hu.FelTypError, match=r"uppräkning: tillägg .*\(2, 2\)"):
            hu.uppräkning(8022.0, 0.03, tillägg=np.ones((2, 2)))

    def test_duplicated_column_is_refused(self) -> None:
        with pytest.raises(hu.OgiltigtVärdeError, match=r"utfall has the column\(s\) \['a'\]"):
            hu.budgetavvikelse(pd.DataFrame([[1.0, 2.0]], columns=["a", "a"]), 0.5, relativ=False)

    def test_budgetbrygga_missing_items_are_named_as_poster(self) -> None:
        with pytest.raises(
            hu.OgiltigtVärdeError, match=r"poster\['intäkter'\], poster\['kostnader'\]"
        ):
            hu.budgetbrygga(0.0, {"intäkter": np.nan, "kostnader": np.nan}, 0.0)
        with pytest.raises(hu.OgiltigtVärdeError, match=r"budgetbrygga: start missing"):
            hu.budgetbrygga(np.nan, {"a": 1.0}, 1.0)


def test_relative_deviation_against_a_budget_practically_zero() -> None:
    # issue 12: -100 / 1e-308 was -inf, a silent result
    with pytest.raises(hu.OgiltigtVärdeError, match="budgetavvikelse: budget 1e-308"):
        hu.budgetavvikelse(-100.0, -1e-308, relativ=True)
    # a zero budget still gives NaN (documented), not an error
    r = hu.budgetavvikelse(pd.Series([-1.0, -2.0]), pd.Series([0.0, -1.0]), relativ=True)
    assert np.isnan(r.iloc[0])
    assert r.iloc[1] == pytest.approx(-1.0)  # by hand: (-2 - -1) / |-1| = -1
