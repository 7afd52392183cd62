"""Tests of halsouppfoljning.perioder: changes, periods, R12/R18 and year-to-date sums."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import halsouppfoljning as hu

H = hu.Riktning.HÖGRE_ÄR_BÄTTRE
L = hu.Riktning.LÄGRE_ÄR_BÄTTRE


# --------------------------------------------------------------------------- changes


def test_procent_and_procentenheter_kept_apart() -> None:
    # DOMAIN.md section 2: 74,8 % -> 78,8 % is +4 procentenheter and +5,3 procent
    assert hu.procentenheter(0.788, 0.748) == pytest.approx(0.04, abs=1e-12)
    assert hu.procentuell_förändring(0.788, 0.748) == pytest.approx(0.04 / 0.748)
    assert round(hu.procentuell_förändring(0.788, 0.748) * 100, 1) == 5.3


def test_procentuell_förändring_hand_examples() -> None:
    assert hu.procentuell_förändring(141, 100) == pytest.approx(0.41)
    # negative base: -100 -> -50 is an improvement of 50 % of |base|
    assert hu.procentuell_förändring(-50, -100) == pytest.approx(0.5)
    # direction: 94 from 140 with lower-is-better is +32,86 % (46/140)
    assert hu.procentuell_förändring(94, 140, riktning=L) == pytest.approx(46 / 140)
    assert hu.procentuell_förändring(94, 140, riktning=H) == pytest.approx(-46 / 140)


def test_procentuell_förändring_missing_and_zero_base() -> None:
    assert math.isnan(hu.procentuell_förändring(5, 0))
    assert math.isnan(hu.procentuell_förändring(5, float("nan")))
    assert math.isnan(hu.procentuell_förändring(float("nan"), 5))
    assert math.isnan(hu.procentuell_förändring(0, 0))


def test_change_input_kinds() -> None:
    lista = hu.procentuell_förändring([110, 90, 1], [100, 100, 0])
    assert isinstance(lista, np.ndarray)
    np.testing.assert_allclose(lista, [0.1, -0.1, np.nan])
    arr = hu.procentenheter(np.array([0.5, 0.6]), 0.5)
    np.testing.assert_allclose(arr, [0.0, 0.1])
    s = pd.Series([0.2, 0.3], index=pd.Index(["a", "b"], name="enhet"), name="andel")
    ut = hu.procentenheter(s, 0.25)
    assert isinstance(ut, pd.Series)
    assert ut.index.equals(s.index)
    assert ut.name == "andel"
    np.testing.assert_allclose(ut, [-0.05, 0.05])
    # two Series are aligned on the index as in pandas arithmetic
    a = pd.Series([110.0, 120.0], index=["x", "y"])
    b = pd.Series([100.0, 100.0], index=["y", "x"])
    np.testing.assert_allclose(hu.procentuell_förändring(a, b).loc[["x", "y"]], [0.1, 0.2])
    assert hu.procentuell_förändring([], []).shape == (0,)
    ref_serie = hu.procentuell_förändring(110.0, pd.Series([100.0], index=["k"]))
    assert ref_serie.index.tolist() == ["k"]


def test_change_errors() -> None:
    with pytest.raises(hu.AndelsError, match="did you pass percent"):
        hu.procentenheter(78.8, 74.8)
    with pytest.raises(hu.AndelsError, match="referens must be a share"):
        hu.procentenheter(0.788, 74.8)
    with pytest.raises(hu.OgiltigtVärdeError, match="no better direction"):
        hu.procentuell_förändring(1, 2, riktning=hu.Riktning.INOM_INTERVALL)
    with pytest.raises(hu.FelTypError, match="riktning must be"):
        hu.procentuell_förändring(1, 2, riktning="uppåt")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="must be a number"):
        hu.procentuell_förändring("5", 2)
    with pytest.raises(hu.FelTypError, match="must be a number or numbers"):
        hu.procentuell_förändring([object()], [1])


@given(
    v=st.floats(-1e6, 1e6, allow_nan=False),
    r=st.one_of(
        st.just(0.0),
        st.floats(1e-3, 1e6),
        st.floats(-1e6, -1e-3),
    ),
)
def test_property_change_reference(v: float, r: float) -> None:
    ut = hu.procentuell_förändring(v, r)
    if r == 0:
        assert math.isnan(ut)
    else:
        assert ut == pytest.approx((v - r) / abs(r), rel=1e-12, abs=1e-15)
        # turning the direction only flips the sign
        assert hu.procentuell_förändring(v, r, riktning=L) == pytest.approx(-ut)


@given(a=st.floats(0, 1), b=st.floats(0, 1))
def test_property_procentenheter_antisymmetric(a: float, b: float) -> None:
    assert hu.procentenheter(a, b) == -hu.procentenheter(b, a)
    assert -1 <= hu.procentenheter(a, b) <= 1


# --------------------------------------------------------------------------- periods


def test_periods() -> None:
    t1 = hu.Period.tertial(2023, 1)
    assert (t1.start, t1.slut) == (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-04-30"))
    assert hu.Period.tertial(2023, 3).slut == pd.Timestamp("2023-12-31")
    delår = hu.Period.delår(2024)
    assert (delår.antal_månader, delår.slut) == (8, pd.Timestamp("2024-08-31"))
    feb = hu.Period.månad(2024, 2)
    assert feb.slut == pd.Timestamp("2024-02-29")  # leap year
    assert str(feb) == "2024-02"
    assert str(hu.Period.helår(2023)) == "Helår 2023"
    assert list(hu.Period.helår(2023).månader.month) == list(range(1, 13))


def test_period_errors() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Period\.tertial: tertial \(1-3\) must be"):
        hu.Period.tertial(2023, 4)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Period\.månad: månad \(1-12\) must be"):
        hu.Period.månad(2023, 13)
    with pytest.raises(hu.OgiltigtVärdeError, match="nummer in 1-12"):
        hu.Period(typ=hu.Periodform.MÅNAD, år=2023, nummer=13)
    with pytest.raises(hu.OgiltigtVärdeError, match="takes no nummer"):
        hu.Period(typ=hu.Periodicitet.HELÅR, år=2023, nummer=1)
    with pytest.raises(hu.FelTypError, match=r"Period\.helår: år \(a whole year such as 2023\)"):
        hu.Period.helår("2023")  # type: ignore[arg-type]
    with pytest.raises(hu.TolkningsError, match="'Q5 2023'"):
        hu.Period.tolka("Q5 2023")


def test_tertial_function() -> None:
    assert hu.tertial("2023-04-30") == 1
    assert hu.tertial(pd.Timestamp("2023-05-01")) == 2
    np.testing.assert_array_equal(hu.tertial(["2023-01-15", "2023-08-31", "2023-09-01"]), [1, 2, 3])
    månader = pd.period_range("2023-01", periods=12, freq="M")
    np.testing.assert_array_equal(hu.tertial(månader), [1] * 4 + [2] * 4 + [3] * 4)
    s = pd.Series(pd.to_datetime(["2023-12-01", "2023-02-01"]), index=["a", "b"])
    assert hu.tertial(s).to_dict() == {"a": 3, "b": 1}
    with pytest.raises(hu.OgiltigtVärdeError, match="NaT"):
        hu.tertial([pd.NaT])


# --------------------------------------------------------------------------- rolling and ack


def _månadsserie(värden: list[float], start: str = "2022-01") -> pd.Series:
    return pd.Series(värden, index=pd.period_range(start, periods=len(värden), freq="M"), name="x")


def test_rullande_hand_example() -> None:
    s = _månadsserie([1.0, 2, 3, 4, 5])
    # window 3: NaN, NaN, 1+2+3=6, 2+3+4=9, 3+4+5=12
    assert hu.rullande(s, 3).tolist()[2:] == [6.0, 9.0, 12.0]
    assert np.isnan(hu.rullande(s, 3).iloc[:2]).all()
    assert hu.rullande(s, 3, metod="medel").tolist()[2:] == [2.0, 3.0, 4.0]
    assert hu.rullande(s, 3).index.equals(s.index)
    assert hu.rullande(s, 3).name == "x"


def test_r12_r18() -> None:
    s = _månadsserie([float(i) for i in range(1, 25)])
    # R12 at month 12: 1+...+12 = 78; at month 24: 13+...+24 = 222
    r12 = hu.r12(s)
    assert (r12.iloc[11], r12.iloc[23]) == (78.0, 222.0)
    # R18 at month 18: 1+...+18 = 171; mean 9.5
    assert hu.r18(s).iloc[17] == 171.0
    assert hu.r18(s, metod="medel").iloc[17] == 9.5
    assert np.isnan(hu.r18(s).iloc[16])


def test_rullande_datetime_index_and_nan() -> None:
    index = pd.to_datetime(["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"])
    s = pd.Series([1.0, np.nan, 3.0, 4.0], index=index)
    ut = hu.rullande(s, 2)
    # every window containing the NaN is NaN; the last is 3 + 4
    assert np.isnan(ut.iloc[1])
    assert np.isnan(ut.iloc[2])
    assert ut.iloc[3] == 7.0
    # mid-month dates count as their month
    mitt = pd.Series([1.0, 2.0], index=pd.to_datetime(["2023-01-15", "2023-02-03"]))
    assert hu.rullande(mitt, 2).iloc[1] == 3.0


def test_gaps_and_disorder_refused() -> None:
    lucka = pd.Series(
        [1.0, 2.0, 3.0], index=pd.PeriodIndex(["2023-01", "2023-02", "2023-05"], freq="M")
    )
    with pytest.raises(hu.OgiltigtVärdeError, match=r"2 month\(s\) missing .*2023-03, 2023-04"):
        hu.r12(lucka)
    with pytest.raises(hu.OgiltigtVärdeError, match="missing"):
        hu.ackumulerat(lucka)
    oordning = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2023-02", "2023-01"], freq="M"))
    with pytest.raises(hu.OgiltigtVärdeError, match="sort_index"):
        hu.rullande(oordning, 2)
    dubbel = pd.Series([1.0, 2.0], index=pd.to_datetime(["2023-01-01", "2023-01-31"]))
    with pytest.raises(hu.OgiltigtVärdeError, match="2023-01 occurs more than once"):
        hu.rullande(dubbel, 2)
    kvartal = pd.Series([1.0], index=pd.period_range("2023Q1", periods=1, freq="Q"))
    with pytest.raises(hu.OgiltigtVärdeError, match="monthly"):
        hu.rullande(kvartal, 1)
    with pytest.raises(hu.FelTypError, match="Series"):
        hu.rullande([1.0, 2.0], 2)  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match="DatetimeIndex"):
        hu.rullande(pd.Series([1.0, 2.0]), 2)
    with pytest.raises(hu.OgiltigtVärdeError, match="månader must be"):
        hu.rullande(_månadsserie([1.0]), 0)
    with pytest.raises(hu.OgiltigtVärdeError, match="metod"):
        hu.rullande(_månadsserie([1.0]), 1, metod="median")


def test_empty_series() -> None:
    tom = pd.Series([], index=pd.PeriodIndex([], freq="M"), dtype=float)
    assert len(hu.rullande(tom, 12)) == 0
    assert len(hu.ackumulerat(tom)) == 0


def test_ackumulerat_hand_example() -> None:
    # Nov, Dec 2022, Jan, Feb 2023: the sum restarts in January
    s = _månadsserie([1.0, 2.0, 3.0, 4.0], start="2022-11")
    assert hu.ackumulerat(s).tolist() == [1.0, 3.0, 3.0, 7.0]
    assert hu.ackumulerat(s, metod="medel").tolist() == [1.0, 1.5, 3.0, 3.5]
    # a NaN month makes the rest of that year unknown; the next year starts afresh
    n = _månadsserie([1.0, np.nan, 3.0], start="2022-11").reindex(
        pd.period_range("2022-11", periods=3, freq="M")
    )
    ut = hu.ackumulerat(n)
    assert ut.iloc[0] == 1.0
    assert np.isnan(ut.iloc[1])
    assert ut.iloc[2] == 3.0


@given(
    värden=st.lists(
        st.one_of(st.floats(-1e3, 1e3, allow_nan=False), st.just(float("nan"))),
        min_size=0,
        max_size=40,
    ),
    startmånad=st.integers(1, 12),
    fönster=st.integers(1, 18),
)
def test_property_rolling_and_ack_agree_with_loops(
    värden: list[float], startmånad: int, fönster: int
) -> None:
    s = _månadsserie(värden, start=f"2021-{startmånad:02d}")
    rull = hu.rullande(s, fönster).to_numpy()
    ack = hu.ackumulerat(s).to_numpy()
    # plain reference implementations, one element at a time
    for i in range(len(värden)):
        if i + 1 < fönster:
            assert np.isnan(rull[i])
        else:
            del_ = värden[i + 1 - fönster : i + 1]
            if any(math.isnan(x) for x in del_):
                assert np.isnan(rull[i])
            else:
                assert rull[i] == pytest.approx(sum(del_), abs=1e-6)
        år = s.index[i].year
        början = next(j for j in range(i + 1) if s.index[j].year == år)
        hittills = värden[början : i + 1]
        if any(math.isnan(x) for x in hittills):
            assert np.isnan(ack[i])
        else:
            assert ack[i] == pytest.approx(sum(hittills), abs=1e-6)


@given(år=st.integers(1990, 2100), månad=st.integers(1, 12))
def test_property_periods_partition_the_year(år: int, månad: int) -> None:
    t = hu.tertial(f"{år}-{månad:02d}-15")
    # reference: T1 = months 1-4, T2 = 5-8, T3 = 9-12
    assert t == (1 if månad <= 4 else 2 if månad <= 8 else 3)
    p = hu.Period.tertial(år, t)
    assert pd.Period(year=år, month=månad, freq="M") in p.månader
    assert p.start <= pd.Timestamp(year=år, month=månad, day=15) <= p.slut
    assert hu.Period.tolka(str(p)) == p
    alla = [m for n in (1, 2, 3) for m in hu.Period.tertial(år, n).månader]
    assert alla == list(hu.Period.helår(år).månader)
    assert list(hu.Period.delår(år).månader) == alla[:8]


def test_tertial_reads_dates_by_the_package_rule() -> None:
    # 23:30Z on 30 April is 01:30 on 1 May in Sweden: the second tertial
    aware = pd.Series(pd.to_datetime(["2023-04-30 23:30Z", "2023-08-31 12:00Z"]))
    assert hu.tertial(aware).tolist() == [2, 2]
    assert hu.tertial(dt.date(2023, 9, 1)) == 3
    with pytest.raises(hu.OgiltigtVärdeError, match="ambiguous"):
        hu.tertial("01/05/2023")
    with pytest.raises(hu.FelTypError, match=r"tertial: datum must be a date.*a number is not"):
        hu.tertial(20230501)
    with pytest.raises(hu.FelTypError, match="tertial: column 'datum' must hold dates"):
        hu.tertial([20230501])
    with pytest.raises(hu.OgiltigtVärdeError, match="NaT"):
        hu.tertial(pd.PeriodIndex([pd.NaT, "2023-01"], freq="M"))
    with pytest.raises(hu.OgiltigtVärdeError, match="NaT"):
        hu.tertial(pd.Series(pd.to_datetime(["2023-01-01", None])))


def test_rolling_refuses_a_missing_month_in_the_index() -> None:
    s = pd.Series([1.0, 2.0], index=pd.DatetimeIndex(["2023-01-01", pd.NaT]))
    with pytest.raises(hu.OgiltigtVärdeError, match="missing date"):
        hu.r12(s)


# --------------------------------------------------------------------------- the forms of a period


def test_new_forms_by_hand() -> None:
    q = hu.Period.kvartal(2023, 4)
    assert (q.start, q.slut, q.antal_månader) == (
        pd.Timestamp("2023-10-01"),
        pd.Timestamp("2023-12-31"),
        3,
    )
    assert (q.typ, q.år, q.nummer) == (None, 2023, 4)
    r = hu.Period.rullande(2024, 2)  # March 2023 to February 2024, a leap February
    assert (r.start, r.slut, r.antal_månader) == (
        pd.Timestamp("2023-03-01"),
        pd.Timestamp("2024-02-29"),
        12,
    )
    assert (r.år, str(r)) == (2024, "R12 februari 2024")
    v = hu.Period.vecka(2021, 53 - 1)
    assert (v.start.date(), v.slut.date(), v.antal_dagar) == (
        dt.date(2021, 12, 27),
        dt.date(2022, 1, 2),
        7,
    )
    # week 53 of 2020 ends in 2021 but belongs to the ISO year 2020
    assert (hu.Period.vecka(2020, 53).år, hu.Period.vecka(2020, 53).slut.year) == (2020, 2021)
    s = hu.Period.spann("2022-09-15", "2023-08-01")
    assert (s.start.date(), s.slut.date(), s.antal_månader) == (
        dt.date(2022, 9, 1),
        dt.date(2023, 8, 31),
        12,
    )
    assert str(s) == "september 2022–augusti 2023"
    assert hu.Period.spann("2023-03", "2023-03").form is hu.Periodform.MÅNAD
    assert hu.Period.åren(2023, 2023).form is hu.Periodform.HELÅR
    assert hu.Period.åren(2016, 2023).antal_dagar == 2922  # 8 years, two leap days
    assert hu.Period.helår(2023).typ is hu.Periodicitet.HELÅR
    assert hu.Period(typ=hu.Periodicitet.TERTIAL, år=2023, nummer=2) == hu.Period.tertial(2023, 2)
    assert hu.Period(typ=hu.Periodform.KVARTAL, år=2023, nummer=1) == hu.Period.kvartal(2023, 1)
    assert hu.Period(start="2023-01-01", slut="2023-03-31").form is hu.Periodform.MÅNADER
    assert hu.Period(start="2023-01-02", slut="2023-03-31").form is hu.Periodform.DAGAR
    # a named form given with its days is accepted when it fits
    assert hu.Period(
        start="2023-04-01", slut="2023-06-30", form=hu.Periodform.KVARTAL, nummer=2
    ) == hu.Period.kvartal(2023, 2)


def test_equality_is_by_days_form_by_writing() -> None:
    r12 = hu.Period.rullande(2023, 7)
    spann = hu.Period.spann("2022-08", "2023-07")
    assert r12 == spann
    assert hash(r12) == hash(spann)
    assert (str(r12), str(spann)) == ("R12 juli 2023", "augusti 2022–juli 2023")
    assert hu.Period.helår(2023) == hu.Period.tolka("januari–december 2023")
    assert hu.Period.tertial(2023, 1) != hu.Period.kvartal(2023, 1)
    assert hu.Period.helår(2023) != str(hu.Period.helår(2023))  # type: ignore[comparison-overlap]


def test_ordering() -> None:
    h = hu.Period.helår(2023)
    t1 = hu.Period.tertial(2023, 1)
    dec = hu.Period.månad(2022, 12)
    q1 = hu.Period.kvartal(2023, 1)
    # by start, then by end
    assert sorted([h, t1, dec, q1]) == [dec, q1, t1, h]
    assert q1 < t1 < h
    assert dec <= q1
    assert h > t1
    assert h >= hu.Period.helår(2023)
    with pytest.raises(TypeError):
        _ = h < "2023"


def test_contains_and_intersection() -> None:
    h = hu.Period.helår(2023)
    assert hu.Period.kvartal(2023, 4) in h
    assert h.innehåller(h)
    assert hu.Period.rullande(2023, 7) not in h
    assert "2023-12-31" in h
    assert "2024-01-01" not in h
    assert h.innehåller(pd.Timestamp("2023-06-30 23:59"))
    assert hu.Period.vecka(2023, 52) in h
    assert hu.Period.vecka(2024, 1) not in h
    # intersection: written by hand from the calendar
    snitt = hu.Period.kvartal(2023, 2) & hu.Period.tertial(2023, 2)
    assert snitt == hu.Period.spann("2023-05", "2023-06")
    assert str(snitt) == "maj–juni 2023"
    assert hu.Period.delår(2023).snitt(hu.Period.tertial(2023, 3)) is None
    t2 = hu.Period.tertial(2023, 2)
    assert (t2 & h) is t2  # the form of an operand is kept when the result is it
    veckan = hu.Period.vecka(2024, 5) & hu.Period.månad(2024, 1)  # Monday 29th to the 31st
    assert veckan is not None
    assert (veckan.start.date(), veckan.slut.date(), veckan.form) == (
        dt.date(2024, 1, 29),
        dt.date(2024, 1, 31),
        hu.Periodform.DAGAR,
    )
    assert hu.Period.månad(2024, 1) & hu.Period.månad(2024, 1) == hu.Period.månad(2024, 1)
    with pytest.raises(hu.FelTypError, match="annan must be a Period"):
        h.snitt("2023")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _ = h & "2023"  # type: ignore[operator]


def test_part_of_a_year() -> None:
    assert hu.Period.delår(2023).del_av_år
    assert hu.Period.månad(2023, 2).del_av_år
    assert hu.Period.vecka(2024, 5).del_av_år
    assert not hu.Period.helår(2024).del_av_år
    assert not hu.Period.rullande(2023, 7).del_av_år  # twelve whole months
    assert not hu.Period.åren(2016, 2023).del_av_år
    assert hu.Period.rullande(2023, 7, 11).del_av_år


def test_weeks_and_days_have_no_months() -> None:
    v = hu.Period.vecka(2024, 5)
    assert not v.hela_månader
    assert v.första_månad == 1
    with pytest.raises(hu.OgiltigtVärdeError, match="not a span of whole months"):
        _ = v.antal_månader
    with pytest.raises(hu.OgiltigtVärdeError, match="not a span of whole months"):
        _ = v.månader


def test_new_form_errors() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Period\.kvartal: kvartal \(1-4\)"):
        hu.Period.kvartal(2023, 5)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Period\.vecka: vecka \(1-53\)"):
        hu.Period.vecka(2024, 0)
    with pytest.raises(hu.OgiltigtVärdeError, match="no week 53"):
        hu.Period.vecka(2021, 53)
    with pytest.raises(hu.OgiltigtVärdeError, match="either typ"):
        hu.Period(typ=hu.Periodicitet.HELÅR, år=2023, start="2023-01-01")
    with pytest.raises(hu.FelTypError, match="typ must be a Periodicitet or a Periodform"):
        hu.Period(typ="helår", år=2023)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="not built from år and nummer"):
        hu.Period(typ=hu.Periodform.RULLANDE, år=2023, nummer=12)
    with pytest.raises(hu.OgiltigtVärdeError, match="not built from år and nummer"):
        hu.Period(typ=hu.Periodform.MÅNADER, år=2023)
    with pytest.raises(hu.OgiltigtVärdeError, match="needs typ and år"):
        hu.Period(start="2023-01-01")
    with pytest.raises(hu.OgiltigtVärdeError, match="before start"):
        hu.Period(start="2023-02-01", slut="2023-01-31")
    with pytest.raises(hu.FelTypError, match="Period: form must be a Periodform"):
        hu.Period(start="2023-01-01", slut="2023-01-31", form=3)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match="Period: form must be one of"):
        hu.Period(start="2023-01-01", slut="2023-01-31", form="mån")
    # a form is read as its text value, as every choice is (one rule, _indata.alternativ)
    jan = hu.Period(start="2023-01-01", slut="2023-01-31", form="månad", nummer=1)
    assert jan == hu.Period.månad(2023, 1)
    assert jan.form is hu.Periodform.MÅNAD
    with pytest.raises(hu.OgiltigtVärdeError, match="does not cover"):
        hu.Period(start="2023-01-01", slut="2023-02-28", form=hu.Periodform.KVARTAL, nummer=1)
    with pytest.raises(hu.OgiltigtVärdeError, match="dagar takes no nummer"):
        hu.Period(start="2023-01-01", slut="2023-01-05", form=hu.Periodform.DAGAR, nummer=1)
    with pytest.raises(hu.OgiltigtVärdeError, match="needs whole months"):
        hu.Period(start="2023-01-02", slut="2023-02-28", form=hu.Periodform.MÅNADER)
    with pytest.raises(hu.OgiltigtVärdeError, match="must be 2"):
        hu.Period(start="2023-01-01", slut="2023-02-28", form=hu.Periodform.RULLANDE, nummer=12)
    with pytest.raises(hu.OgiltigtVärdeError, match="månader takes no nummer"):
        hu.Period(start="2023-01-01", slut="2023-02-28", form=hu.Periodform.MÅNADER, nummer=2)
    with pytest.raises(hu.OgiltigtVärdeError, match="whole calendar years"):
        hu.Period(start="2023-02-01", slut="2024-12-31", form=hu.Periodform.ÅR)
    with pytest.raises(hu.OgiltigtVärdeError, match="before från"):
        hu.Period.åren(2023, 2016)
    with pytest.raises(hu.OgiltigtVärdeError, match="at least 1"):
        hu.Period.rullande(2023, 7, 0)
    with pytest.raises(hu.OgiltigtVärdeError, match="1900"):
        hu.Period.dagar("1850-01-01", "2023-01-01")


# ------------------------------------------------------------------- a value with its period


def test_periodvärde_and_the_part_year_check() -> None:
    minst = hu.Målnivå.minst(0.8)
    delår = hu.Periodvärde(0.81, hu.Period.tolka("januari–augusti 2023"))
    assert (delår.värde, float(delår), str(delår)) == (0.81, 0.81, "0.81 (januari–augusti 2023)")
    with pytest.raises(hu.OgiltigtVärdeError, match="delår_tillåtet=True"):
        delår.måluppfyllelse(minst)
    assert delår.måluppfyllelse(minst, delår_tillåtet=True) is hu.Måluppfyllelse.UPPNÅDD
    helår = hu.Periodvärde(0.79, hu.Period.helår(2023))
    assert helår.måluppfyllelse(minst) is hu.Måluppfyllelse.EJ_UPPNÅDD
    assert helår.måluppfyllelse(minst, avrundning=0) is hu.Måluppfyllelse.UPPNÅDD
    # the function itself, with period=
    with pytest.raises(hu.OgiltigtVärdeError, match="'T1 2023', part of a year"):
        hu.måluppfyllelse(0.9, minst, period=hu.Period.tertial(2023, 1))
    r12 = hu.Period.rullande(2023, 7)
    assert hu.måluppfyllelse(0.9, minst, period=r12) is hu.Måluppfyllelse.UPPNÅDD
    with pytest.raises(hu.FelTypError, match=r"period must be a hu\.Period"):
        hu.måluppfyllelse(0.9, minst, period="2023")
    with pytest.raises(hu.FelTypError, match="delår_tillåtet"):
        hu.måluppfyllelse(0.9, minst, period=r12, delår_tillåtet="ja")  # type: ignore[arg-type]
    assert math.isnan(hu.Periodvärde(None, r12).värde)
    with pytest.raises(hu.FelTypError, match="read text with"):
        hu.Periodvärde(0.8, "2023")
    with pytest.raises(hu.FelTypError):
        hu.Periodvärde("0,8", r12)


def test_åren_and_dagar_name_their_arguments() -> None:
    # issue 12: the messages said "Period: år" and "Period: start", arguments never passed
    with pytest.raises(hu.FelTypError, match=r"^Period\.åren: från \(a year"):
        hu.Period.åren(None, 2023)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^Period\.åren: till .* at most 2199"):
        hu.Period.åren(2016, 10**12)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^Period\.dagar: från is missing"):
        hu.Period.dagar(None, "2024-01-10")  # type: ignore[arg-type]
    with pytest.raises(hu.FelTypError, match=r"^Period\.dagar: till must be a date"):
        hu.Period.dagar("2024-01-03", 20240110)  # type: ignore[arg-type]
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Period\.dagar: från"):
        hu.Period.dagar("01/12/2023", "2024-01-10")
    # a whole-day period from timestamps with a time of day keeps the days
    p = hu.Period.dagar("2024-01-03 15:00", "2024-01-10")
    assert (str(p), p.antal_dagar) == ("2024-01-03–2024-01-10", 8)


# --------------------------------------------------------------------------- numbers read from text


def test_förändring_mellan_ungefärliga_tal_är_ungefärlig() -> None:
    # "drygt 1 200" against "1 000": (1200 - 1000) / 1000 = 0.2, approximate
    ut = hu.procentuell_förändring(hu.tolka_värde("drygt 1 200"), hu.tolka_värde("1 000*"))
    assert isinstance(ut, hu.Tal)
    assert ut.värde == pytest.approx(0.2)
    assert ut.enhet == "andel"
    assert ut.ungefärlig is True
    assert ut.fotnoter == ("*",)
    # exact inputs give an exact Tal; a plain number may stand beside a Tal
    exakt = hu.procentuell_förändring(hu.tolka_värde("150"), 100)
    assert exakt.värde == pytest.approx(0.5)
    assert exakt.ungefärlig is False


def test_procentenheter_mellan_tal() -> None:
    # 78,8 % against cirka 74,8 %: 0.788 - 0.748 = 0.04, approximate
    ut = hu.procentenheter(hu.tolka_värde("78,8 %"), hu.tolka_värde("cirka 74,8 %"))
    assert ut.värde == pytest.approx(0.04)
    assert ut.ungefärlig is True


def test_förändring_mellan_tal_av_olika_enheter_är_fel() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="same unit"):
        hu.procentuell_förändring(hu.tolka_värde("12 mnkr"), hu.tolka_värde("10 %"))


# --------------------------------------------------------------------------- issue 12: bad input

_SERIE = pd.Series(np.arange(1.0, 7.0), index=pd.period_range("2023-01", periods=6, freq="M"))
_SERIEFUNKTIONER = {
    "rullande": lambda s, **kw: hu.rullande(s, 3, **kw),
    "r12": hu.r12,
    "r18": hu.r18,
    "ackumulerat": hu.ackumulerat,
}


@pytest.mark.parametrize("namn", sorted(_SERIEFUNKTIONER))
@pytest.mark.parametrize(
    "serie",
    [None, "abc", True, 1.5, [1.0, 2.0], pd.DataFrame({"a": [1.0]}), object()],
    ids=["None", "text", "bool", "number", "list", "frame", "object"],
)
def test_a_series_function_names_serie_for_anything_but_a_series(namn: str, serie: object) -> None:
    with pytest.raises(hu.FelTypError, match=rf"^{namn}: serie must be a pandas Series"):
        _SERIEFUNKTIONER[namn](serie)


@pytest.mark.parametrize("namn", sorted(_SERIEFUNKTIONER))
@pytest.mark.parametrize(
    ("värden", "fel"),
    [
        ([1.0, 2, math.inf, 4, 5, 6], hu.OgiltigtVärdeError),
        ([True] * 6, hu.FelTypError),
        (list("abcdef"), hu.FelTypError),
    ],
    ids=["inf", "bool", "text"],
)
def test_a_series_function_refuses_values_that_are_not_finite_numbers(
    namn: str, värden: list[object], fel: type[Exception]
) -> None:
    with pytest.raises(fel, match=rf"^{namn}: serie must be"):
        _SERIEFUNKTIONER[namn](pd.Series(värden, index=_SERIE.index))


@pytest.mark.parametrize("namn", sorted(_SERIEFUNKTIONER))
@pytest.mark.parametrize("metod", [pd.DataFrame(), None, 1, ["summa"], "sum"], ids=str)
def test_a_bad_metod_is_a_package_error_naming_it(namn: str, metod: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=rf"^{namn}: metod must be 'summa' or 'medel'"):
        _SERIEFUNKTIONER[namn](_SERIE, metod=metod)


def test_metod_is_read_as_text() -> None:
    assert hu.ackumulerat(_SERIE, metod=" Medel ").tolist() == [1.0, 1.5, 2.0, 2.5, 3.0, 3.5]


@pytest.mark.parametrize("månader", [0, 121, 10**9, 2.5, True, "3", None], ids=str)
def test_the_window_is_a_whole_number_of_months_up_to_ten_years(månader: object) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="rullande: månader must be"):
        hu.rullande(_SERIE, månader)  # type: ignore[arg-type]


def test_the_series_index_duplicated_gapped_non_monthly_or_aware() -> None:
    dubbel = pd.concat([_SERIE.iloc[:1], _SERIE])
    with pytest.raises(hu.OgiltigtVärdeError, match="2023-01 occurs more than once in serie"):
        hu.r12(dubbel)
    daglig = pd.Series(1.0, index=pd.date_range("2023-01-01", periods=40, freq="D"))
    with pytest.raises(hu.OgiltigtVärdeError, match="occurs more than once in serie"):
        hu.ackumulerat(daglig)
    kvartal = pd.Series(1.0, index=pd.period_range("2023Q1", periods=4, freq="Q"))
    with pytest.raises(hu.OgiltigtVärdeError, match="serie has a PeriodIndex of frequency"):
        hu.rullande(kvartal, 2)
    # 23:30 UTC on 31 December is 00:30 on 1 January in Sweden: the months are Jan-Jun
    aware = pd.Series(1.0, index=pd.date_range("2022-12-31 23:30", periods=6, freq="MS", tz="UTC"))
    assert hu.ackumulerat(aware).tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


def test_a_sum_that_overflows_is_an_error_never_infinity() -> None:
    stor = pd.Series(1e308, index=_SERIE.index)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"rullande: .* overflows"):
        hu.rullande(stor, 2)
    with pytest.raises(hu.OgiltigtVärdeError, match=r"ackumulerat: .* overflows"):
        hu.ackumulerat(stor)


@pytest.mark.parametrize("datum", [None, math.nan, pd.NaT], ids=str)
def test_tertial_names_datum_when_it_is_missing(datum: object) -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match=r"^tertial: datum is missing"):
        hu.tertial(datum)  # type: ignore[arg-type]


def test_tertial_of_periods_and_positions_of_missing_dates() -> None:
    assert hu.tertial(pd.Period("2023-05", freq="M")) == 2
    with pytest.raises(hu.OgiltigtVärdeError, match="tertial: datum is the period 2023Q2"):
        hu.tertial(pd.Period("2023Q2", freq="Q"))
    with pytest.raises(hu.OgiltigtVärdeError, match=r"tertial: datum has a missing date .* 1"):
        hu.tertial(["2023-01-01", None])
    with pytest.raises(hu.FelTypError, match="tertial: datum must be a date or a one-dim"):
        hu.tertial(np.array([["2023-01-01"]]))
    with pytest.raises(hu.FelTypError, match="tertial: datum must be a date"):
        hu.tertial(pd.DataFrame({"a": [1]}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("anrop", "fel", "ledtråd"),
    [
        (lambda: hu.Period.månad(2023.7, 3), hu.OgiltigtVärdeError, r"Period\.månad: år"),
        (lambda: hu.Period.månad(2023, 13), hu.OgiltigtVärdeError, r"Period\.månad: månad"),
        (lambda: hu.Period.månad(1800, 1), hu.OgiltigtVärdeError, r"Period\.månad: år .* 1900"),
        (lambda: hu.Period.helår(True), hu.FelTypError, r"Period\.helår: år"),
        (lambda: hu.Period.vecka(2023, 54), hu.OgiltigtVärdeError, r"Period\.vecka: vecka"),
        (lambda: hu.Period.vecka(2021, 53), hu.OgiltigtVärdeError, r"ISO year 2021 has no week 53"),
        (lambda: hu.Period.tertial(2023, 2.5), hu.OgiltigtVärdeError, r"Period\.tertial: tertial"),
        (lambda: hu.Period.kvartal(2023, "2"), hu.FelTypError, r"Period\.kvartal: kvartal"),
        (lambda: hu.Period.rullande(2023, 7, 10**9), hu.OgiltigtVärdeError, r"rullande: månader"),
        (lambda: hu.Period.rullande(1905, 1, 120), hu.OgiltigtVärdeError, r"before 1900"),
        (lambda: hu.Period.rullande(2023, 0), hu.OgiltigtVärdeError, r"Period\.rullande: månad"),
        (
            lambda: hu.Period.spann("2023-06", "2023-01"),
            hu.OgiltigtVärdeError,
            r"Period\.spann .* till",
        ),
        (lambda: hu.Period.dagar("2023-06-01", "2023-01-01"), hu.OgiltigtVärdeError, "till"),
        (lambda: hu.Period.dagar("1800-01-01", "2023-01-01"), hu.OgiltigtVärdeError, "från"),
        (lambda: hu.Period.dagar("01/12/2023", "2024-01-01"), hu.OgiltigtVärdeError, "från"),
        (lambda: hu.Period.spann(20230101, "2024-01"), hu.FelTypError, "från"),
        (lambda: hu.Period(start="2023-06-01", slut="2023-01-01"), hu.OgiltigtVärdeError, "slut"),
        (lambda: hu.Period(start="2023-01-01", slut="9999-12-31"), hu.OgiltigtVärdeError, "slut"),
    ],
    ids=[f"fall{i}" for i in range(18)],
)
def test_period_constructors_name_their_own_arguments(
    anrop: Any, fel: type[Exception], ledtråd: str
) -> None:
    with pytest.raises(fel, match=ledtråd) as info:
        anrop()
    if "Period." in str(info.value):
        assert "nummer" not in str(info.value)  # never an argument the caller did not pass


def test_aware_and_naive_days_are_one_calendar() -> None:
    # 23:30 UTC on 31 January is 00:30 on 1 February in Sweden
    p = hu.Period.dagar(pd.Timestamp("2023-01-31 23:30", tz="UTC"), "2023-02-28")
    assert p == hu.Period.månad(2023, 2)


def test_a_period_is_valid_however_it_is_built() -> None:
    """attrs validators: attrs.evolve validates again, fields keep their types."""
    import attrs

    h = hu.Period.helår(2023)
    with pytest.raises(hu.OgiltigtVärdeError, match="before start"):
        attrs.evolve(h, slut="2022-01-01")
    r = attrs.evolve(hu.Period.rullande(2023, 7), nummer=12.0)
    assert isinstance(r.nummer, int)
    with pytest.raises(hu.OgiltigtVärdeError, match="whole number"):
        attrs.evolve(hu.Period.rullande(2023, 7), nummer=12.5)
    with pytest.raises(hu.FelTypError, match=r"must be a naive pandas.Timestamp"):
        h.__attrs_init__(start="2023-01-01", slut=h.slut, form=h.form, nummer=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "fel", "ledtråd"),
    [
        ({"värde": math.inf}, hu.OgiltigtVärdeError, "Periodvärde: värde must be finite"),
        ({"värde": True}, hu.FelTypError, "Periodvärde: värde"),
        ({"värde": "81 %"}, hu.FelTypError, "Periodvärde: värde"),
        ({"period": "2023"}, hu.FelTypError, "Periodvärde: period must be a Period"),
        ({"period": None}, hu.FelTypError, "Periodvärde: period must be a Period"),
    ],
)
def test_periodvärde_validates_its_fields(
    kw: dict[str, object], fel: type[Exception], ledtråd: str
) -> None:
    fält: dict[str, object] = {"värde": 0.81, "period": hu.Period.helår(2023), **kw}
    with pytest.raises(fel, match=ledtråd):
        hu.Periodvärde(**fält)  # type: ignore[arg-type]


@pytest.mark.parametrize("funktion", [hu.procentuell_förändring, hu.procentenheter])
def test_changes_need_matching_lengths_and_indexes(funktion: Any) -> None:
    namn = funktion.__name__
    with pytest.raises(hu.OgiltigtVärdeError, match=rf"{namn}: värde has length 3 but referens"):
        funktion([0.1, 0.2, 0.3], [0.1, 0.2])
    with pytest.raises(hu.OgiltigtVärdeError, match="different indexes"):
        funktion(pd.Series([0.1, 0.2], index=[0, 1]), pd.Series([0.1, 0.2], index=[5, 6]))
    with pytest.raises(hu.OgiltigtVärdeError, match="duplicated keys"):
        funktion(pd.Series([0.1, 0.2], index=[0, 0]), pd.Series([0.1, 0.2], index=[0, 0]))
    with pytest.raises(hu.FelTypError, match=rf"{namn}: värde must be .* one-dimensional"):
        funktion(np.array([[0.1, 0.2]]), np.array([0.1, 0.2]))
    with pytest.raises(hu.FelTypError, match=rf"{namn}: referens must be .* one-dimensional"):
        funktion(0.1, pd.DataFrame({"a": [0.1]}))


@pytest.mark.parametrize("funktion", [hu.procentuell_förändring, hu.procentenheter])
def test_a_ragged_nested_sequence_is_a_package_error_naming_the_argument(funktion: Any) -> None:
    # numpy cannot even count the dimensions of [[1, 2], [3]]: it was a ValueError from numpy
    namn = funktion.__name__
    with pytest.raises(hu.FelTypError, match=rf"{namn}: värde must be a number"):
        funktion([[1.0, 2.0], [3.0]], 0.5)
    with pytest.raises(hu.FelTypError, match=rf"{namn}: referens must be a number"):
        funktion(0.5, [[1.0, 2.0], [3.0]])


@pytest.mark.parametrize(
    "datum",
    [
        dt.date(1700, 1, 1),
        "2500-05-01",
        pd.Period("1800-03", "M"),
        [dt.date(1500, 1, 1)],
        pd.period_range("2199-11", periods=3, freq="M"),
        # datetime64[us] past 2262: cast to nanoseconds it would wrap to 1715-11-11
        pd.Series(np.array(["2023-01-01", "2300-06-01"], dtype="datetime64[us]")),
        np.array(["2023-01-01", "2400-01-01"], dtype="datetime64[D]"),
    ],
)
def test_tertial_refuses_dates_outside_the_package_span(datum: Any) -> None:
    # a Period refuses years outside 1900-2199; the tertial of such a date is a typing error too
    with pytest.raises(hu.OgiltigtVärdeError, match=r"tertial: datum .*outside 1900-01-01 to 2199"):
        hu.tertial(datum)


@pytest.mark.parametrize("funktion", [hu.procentuell_förändring, hu.procentenheter])
@pytest.mark.parametrize(
    "komplex", [np.complex64(1 + 2j), np.array([1 + 2j, 2.0]), [np.complex128(1)]]
)
def test_a_change_refuses_complex_numbers(funktion: Any, komplex: Any) -> None:
    # the float cast would keep the real part only: 1+2j became 1.0 without a word
    namn = funktion.__name__
    with pytest.raises(hu.FelTypError, match=rf"{namn}: värde must be real numbers"):
        funktion(komplex, 0.5)
    with pytest.raises(hu.FelTypError, match=rf"{namn}: referens must be real numbers"):
        funktion(0.5, komplex)


@pytest.mark.parametrize("funktion", [hu.r12, hu.r18, hu.ackumulerat])
def test_a_series_function_refuses_complex_numbers(funktion: Any) -> None:
    index = pd.period_range("2022-01", periods=18, freq="M")
    serie = pd.Series(np.arange(1.0, 19.0) + 1j, index=index)
    with pytest.raises(hu.FelTypError, match=rf"{funktion.__name__}: serie must be real numbers"):
        funktion(serie)


@pytest.mark.parametrize("värde", [10**30, -1e308, 1e15])
def test_periodvärde_refuses_an_absurd_magnitude(värde: float) -> None:
    # as a scorecard outcome: 10^15 or more is a unit or data error, not an outcome
    with pytest.raises(hu.OgiltigtVärdeError, match=r"Periodvärde: värde must be less than 1e\+15"):
        hu.Periodvärde(värde, hu.Period.helår(2023))
    assert hu.Periodvärde(9.9e14, hu.Period.helår(2023)).värde == 9.9e14


def test_tertial_at_the_edges_of_the_span() -> None:
    assert hu.tertial("1900-01-01") == 1
    assert hu.tertial("2199-12-31") == 3
    assert hu.tertial(pd.Series(pd.to_datetime(["2199-05-01"]))).tolist() == [2]


def test_a_change_that_overflows_is_an_error() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="overflows"):
        hu.procentuell_förändring(1e308, -1e308)


def test_the_old_constructor_checks_nummer_and_week_53() -> None:
    with pytest.raises(hu.OgiltigtVärdeError, match="ISO year 2021 has no week 53"):
        hu.Period(typ=hu.Periodform.VECKA, år=2021, nummer=53)
    with pytest.raises(hu.OgiltigtVärdeError, match="needs nummer in 1-3, got None"):
        hu.Period(typ=hu.Periodicitet.TERTIAL, år=2023)
    h = hu.Period.helår(2023)
    with pytest.raises(hu.FelTypError, match=r"Period\.nummer must be None or an int"):
        h.__attrs_init__(start=h.start, slut=h.slut, form=h.form, nummer=True)
    kvartal = pd.Series(pd.period_range("2023Q1", periods=2, freq="Q"))
    with pytest.raises(hu.OgiltigtVärdeError, match="tertial: datum holds periods of frequency"):
        hu.tertial(kvartal)


def test_operators_with_something_else_are_package_errors() -> None:
    h = hu.Period.helår(2023)
    with pytest.raises(hu.FelTypError, match=r"Period\.snitt: annan must be a Period"):
        _ = h & "2023"  # type: ignore[operator]
    with pytest.raises(hu.FelTypError, match="orders only against another Period"):
        _ = h < None  # type: ignore[operator]
    assert h != "2023"
    assert pd.Period("2023-06", freq="M") in h
    assert pd.Period("2024-01", freq="M") not in h
