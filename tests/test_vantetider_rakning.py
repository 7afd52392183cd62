"""Tests of halsouppfoljning.vantetider._rakning: every counting strategy against a plain reference.

The kernel chooses a strategy by sizes (a histogram of the cells or
difference arrays for the stock; lookup tables or ``searchsorted`` for the
indices). Its thresholds are keyword arguments, so each strategy is forced
here on small data and compared, on the same inputs, with :func:`referens`:
a plain pandas computation written from the definitions (one boolean mask
per snapshot or period and limit), independent of the kernel. Realistic data
(20 000 rows, 3 000 groups, 12 snapshot dates) is checked the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import halsouppfoljning as hu
from halsouppfoljning.vantetider import _rakning

BAS = pd.Timestamp("2023-01-01")
INGEN = "∅"  # the key of the group of rows with a missing group value

#: Thresholds that force each strategy (the defaults decide by size).
STRATEGIER: dict[str, dict[str, int]] = {
    "histogram, tabeller": {
        "max_histogramceller": 10**9,
        "tabellfaktor": 0,
        "max_tabellspann": 10**8,
    },
    "histogram, searchsorted": {"max_histogramceller": 10**9, "max_tabellspann": 0},
    "differenser, tabeller": {
        "max_histogramceller": 0,
        "histogramfaktor": 0,
        "tabellfaktor": 0,
        "max_tabellspann": 10**8,
    },
    "differenser, searchsorted": {
        "max_histogramceller": 0,
        "histogramfaktor": 0,
        "max_tabellspann": 0,
    },
    "som standard": {},
}


# --------------------------------------------------------------------------- the reference


def referens(
    d: pd.DataFrame,
    läge: str,
    gränser: list[tuple[float, str]],
    *,
    tider: list[pd.Timestamp] | None = None,
    perioder: list[tuple[pd.Timestamp, pd.Timestamp]] | None = None,
    exkludera: tuple[str, ...] = (),
) -> dict[tuple[str, int, int], tuple[int, ...]]:
    """Counts per (group, snapshot or period, limit) from the definitions.

    Each row is in one category: ``saknade`` (missing start or waiting
    time), else ``ogiltiga`` (done before start, negative waiting time), else
    ``exkluderade`` (any exclusion flag), else ``antal``. Stock at ``t``:
    present when start ≤ t < done (a missing start is before everything, a
    missing done date after everything; an invalid row is present between
    its two dates), waiting ``t − start``. Flow in ``(från, till)``: done on
    a day in it, waiting ``done − start``. Days compare calendar days,
    hours compare whole seconds.

    The value is (antal, antal_inom, exkluderade, exkluderade_<c> per c,
    saknade, ogiltiga).
    """
    grupp = d["grupp"].astype(object).where(d["grupp"].notna(), INGEN)
    flagga = np.zeros(len(d), dtype=bool)
    for c in exkludera:
        flagga |= d[c].to_numpy(dtype=bool)
    if läge == "väntetid":
        w = d["väntetid"].astype(float)
        saknad = w.isna()
        ogiltig = ~saknad & (w < 0)
    else:
        start, slut = d["start"], d["slut"]
        saknad = start.isna()
        ogiltig = ~saknad & slut.notna() & (slut < start)
    if isinstance(d["grupp"].dtype, pd.CategoricalDtype):  # every category is a group
        grupper = [*d["grupp"].cat.categories, *([INGEN] if d["grupp"].isna().any() else [])]
    else:
        grupper = list(pd.unique(grupp))
    kategori = np.select(
        [saknad, ogiltig, flagga], ["saknade", "ogiltiga", "exkluderade"], default="antal"
    )
    antal_tider = len(tider) if tider is not None else len(perioder) if perioder is not None else 1
    ut: dict[tuple[str, int, int], tuple[int, ...]] = {}
    for i in range(antal_tider):
        for j, (gräns, enhet) in enumerate(gränser):
            if läge == "väntetid":
                med = pd.Series(True, index=d.index)
                inom = w <= gräns
            elif läge == "bestånd":
                assert tider is not None
                steg = "D" if enhet == "dagar" else "s"
                t = tider[i].floor(steg)
                s, e = start.dt.floor(steg), slut.dt.floor(steg)
                s, e = s.where(~ogiltig, e), e.where(~ogiltig, s)  # invalid: between its dates
                med = (s.isna() | (s <= t)) & (e.isna() | (t < e))
                if enhet == "dagar":
                    inom = (t - s).dt.days <= gräns
                else:
                    inom = (t - s).dt.total_seconds() <= round(gräns * 3600)
            else:
                assert perioder is not None
                från, till = perioder[i]
                dag = slut.dt.floor("D")
                med = slut.notna() & (dag >= från) & (dag <= till)
                if enhet == "dagar":
                    inom = (dag - start.dt.floor("D")).dt.days <= gräns
                else:
                    inom = ((slut - start) // pd.Timedelta(1, "s")) <= round(gräns * 3600)
            m = med.to_numpy(dtype=bool)
            kolumner = {
                "antal": m & (kategori == "antal"),
                "antal_inom": m & (kategori == "antal") & inom.to_numpy(dtype=bool),
                "exkluderade": m & (kategori == "exkluderade"),
                **{
                    f"exkluderade_{c}": m & (kategori == "exkluderade") & d[c].to_numpy(dtype=bool)
                    for c in exkludera
                },
                "saknade": m & (kategori == "saknade"),
                "ogiltiga": m & (kategori == "ogiltiga"),
            }
            summor = pd.DataFrame(kolumner).groupby(grupp.to_numpy()).sum()
            summor = summor.reindex(grupper, fill_value=0)
            for g, *värden in summor.itertuples(name=None):
                ut[(g, i, j)] = tuple(int(v) for v in värden)
    return ut


def kärnan(
    d: pd.DataFrame, plan: _rakning.Plan, trösklar: dict[str, int]
) -> dict[tuple[str, int, int], tuple[int, ...]]:
    """The kernel's counts in the reference's form."""
    r = _rakning.räkna(d, plan, **trösklar)
    kolumner = [
        "antal",
        "antal_inom",
        "exkluderade",
        *(f"exkluderade_{c}" for c in plan.exkludera),
        "saknade",
        "ogiltiga",
    ]
    grupp = r["grupp"].astype(object).where(r["grupp"].notna(), INGEN)
    return {
        (g, int(t), int(j)): tuple(int(v) for v in värden)
        for g, t, j, *värden in zip(
            grupp, r["_tid"], r["_gräns"], *(r[c] for c in kolumner), strict=True
        )
    }


# --------------------------------------------------------------------------- data


@st.composite
def händelser(draw: st.DrawFn, max_rader: int = 30, kategorisk: bool | None = None) -> pd.DataFrame:
    """Event records with times of day, missing starts, rows still waiting, invalid rows,
    missing group keys and two exclusion flags, over about three weeks."""
    n = draw(st.integers(0, max_rader))
    rader = []
    for _ in range(n):
        start = BAS + pd.Timedelta(minutes=draw(st.integers(0, 20 * 24 * 60)))
        slag = draw(st.sampled_from(["klar", "klar", "väntar", "ogiltig", "utan start"]))
        vänta = pd.Timedelta(minutes=draw(st.integers(0, 10 * 24 * 60)))
        slut = {
            "klar": start + vänta,
            "väntar": pd.NaT,
            "ogiltig": start - vänta - pd.Timedelta(1, "min"),
        }.get(slag, start + vänta)
        rader.append(
            {
                "grupp": draw(st.sampled_from(["a", "b", "c", None])),
                "start": pd.NaT if slag == "utan start" else start,
                "slut": slut,
                "pvv": draw(st.booleans()),
                "mov": draw(st.booleans()),
            }
        )
    d = pd.DataFrame(rader, columns=["grupp", "start", "slut", "pvv", "mov"])
    d = d.astype({"grupp": object, "pvv": bool, "mov": bool})
    d["start"] = pd.to_datetime(d["start"]).astype("datetime64[ns]")
    d["slut"] = pd.to_datetime(d["slut"]).astype("datetime64[ns]")
    if kategorisk if kategorisk is not None else draw(st.booleans()):
        d["grupp"] = pd.Categorical(d["grupp"], categories=["a", "b", "c", "d"])
    return d


#: Limits: whole days, or hours (fractions allowed).
gränslistor = st.lists(
    st.one_of(
        st.tuples(st.integers(0, 12).map(float), st.just("dagar")),
        st.tuples(st.sampled_from([0.5, 1.0, 4.0, 24.0, 50.0]), st.just("timmar")),
    ),
    min_size=1,
    max_size=4,
)

#: Snapshot times within the span of ``händelser`` (with times of day, for hours).
tidslistor = st.lists(
    st.integers(-2 * 24, 32 * 24).map(lambda h: BAS + pd.Timedelta(hours=h)),
    min_size=1,
    max_size=5,
)


@st.composite
def periodlistor(draw: st.DrawFn) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Periods of whole days, overlapping or not."""
    delar = draw(
        st.lists(st.tuples(st.integers(-2, 32), st.integers(0, 10)), min_size=1, max_size=4)
    )
    return [(BAS + pd.Timedelta(days=a), BAS + pd.Timedelta(days=a + b)) for a, b in delar]


def _plan(läge: str, gränser: list[tuple[float, str]], **kw: object) -> _rakning.Plan:
    return _rakning.Plan(
        läge=läge,
        gränser=tuple(g for g, _ in gränser),
        enheter=tuple(e for _, e in gränser),
        per=("grupp",),
        exkludera=("pvv", "mov"),
        ogiltiga="exkludera",
        **kw,  # type: ignore[arg-type]
    )


def _dag(t: pd.Timestamp) -> int:
    return int(t.value // (86_400 * 10**9))


# --------------------------------------------------------------------------- every strategy


@pytest.mark.parametrize("strategi", list(STRATEGIER))
@settings(max_examples=30)
@given(d=händelser(), tider=tidslistor, gränser=gränslistor)
def test_bestånd_varje_strategi_som_referens(
    strategi: str, d: pd.DataFrame, tider: list[pd.Timestamp], gränser: list[tuple[float, str]]
) -> None:
    unika = sorted(set(tider))
    plan = _plan("bestånd", gränser, start="start", slut="slut", mätdatum=tuple(unika))
    väntat = referens(d, "bestånd", gränser, tider=unika, exkludera=("pvv", "mov"))
    assert kärnan(d, plan, STRATEGIER[strategi]) == väntat


@pytest.mark.parametrize("strategi", list(STRATEGIER))
@settings(max_examples=30)
@given(d=händelser(), perioder=periodlistor(), gränser=gränslistor)
def test_flöde_varje_strategi_som_referens(
    strategi: str,
    d: pd.DataFrame,
    perioder: list[tuple[pd.Timestamp, pd.Timestamp]],
    gränser: list[tuple[float, str]],
) -> None:
    plan = _plan(
        "flöde",
        gränser,
        start="start",
        slut="slut",
        perioder=tuple((_dag(a), _dag(b)) for a, b in perioder),
    )
    väntat = referens(d, "flöde", gränser, perioder=perioder, exkludera=("pvv", "mov"))
    assert kärnan(d, plan, STRATEGIER[strategi]) == väntat


@given(
    d=händelser(kategorisk=False),
    w=st.lists(st.one_of(st.none(), st.floats(-5, 400, allow_nan=False)), min_size=30, max_size=30),
    gränser=st.lists(st.floats(0, 400, allow_nan=False), min_size=1, max_size=4),
)
def test_väntetidskolumn_som_referens(
    d: pd.DataFrame, w: list[float | None], gränser: list[float]
) -> None:
    d = d.assign(väntetid=pd.Series(w[: len(d)], index=d.index, dtype=float))
    lista = [(g, "dagar") for g in gränser]
    plan = _plan("väntetid", lista, väntetid="väntetid")
    väntat = referens(d, "väntetid", lista, exkludera=("pvv", "mov"))
    assert kärnan(d, plan, {}) == väntat


def test_strategierna_nås(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each forcing really takes its branch (the comparisons above would pass
    # trivially if two names led to one strategy).
    d = pd.DataFrame(
        {
            "grupp": ["a", "b", "a"],
            "start": pd.to_datetime(["2023-01-01", "2023-01-05", "2023-01-08"]),
            "slut": pd.to_datetime(["2023-01-20", None, "2023-01-09"]),
            "pvv": [False, True, False],
            "mov": [False, False, False],
        }
    )
    plan = _plan(
        "bestånd",
        [(3.0, "dagar")],
        start="start",
        slut="slut",
        mätdatum=(BAS + pd.Timedelta(days=9),),
    )
    anrop: list[str] = []
    for namn in ("bestånd_histogram", "bestånd_differens"):
        äkta = getattr(_rakning, namn)

        def spion(*a: object, _namn: str = namn, _äkta: object = äkta, **k: object) -> object:
            anrop.append(_namn)
            return _äkta(*a, **k)  # type: ignore[operator]

        monkeypatch.setattr(_rakning, namn, spion)
    _rakning.räkna(d, plan, **STRATEGIER["histogram, tabeller"])
    _rakning.räkna(d, plan, **STRATEGIER["differenser, searchsorted"])
    assert anrop == ["bestånd_histogram", "bestånd_differens"]
    tr = _rakning.Trösklar(tabellfaktor=0)
    assert tr.tabell(100, 1)
    assert not tr.tabell(100, 0)
    assert not _rakning.Trösklar(max_tabellspann=0).tabell(3, 10**6)
    assert _rakning.Trösklar().histogram(2_000_000, 1)
    assert not _rakning.Trösklar().histogram(2_000_001, 1)


def test_sök_tabell_och_searchsorted_lika() -> None:
    tider = np.array([3, 7, 7, 20], dtype=np.int64)
    x = np.arange(-5, 30, dtype=np.int64)
    for side in ("left", "right"):
        väntat = np.searchsorted(tider, x, side=side)
        med_tabell = _rakning.sök(tider, x.copy(), side, _rakning.Trösklar(tabellfaktor=0))
        utan = _rakning.sök(tider, x.copy(), side, _rakning.Trösklar(max_tabellspann=0))
        np.testing.assert_array_equal(med_tabell, väntat)
        np.testing.assert_array_equal(utan, väntat)


def test_beståndsindex_för_hand() -> None:
    # snapshots on days 10 and 20; a row from day 5 to day 15, limit 6 days:
    # present at index 0 only (5 <= 10 < 15); within 6 at 10? 10 - 5 = 5 <= 6: yes.
    tider = np.array([10, 20], dtype=np.int64)
    s = np.array([5, 12, 0], dtype=np.int64)
    e = np.array([15, 30, 25], dtype=np.int64)
    for tr in (_rakning.Trösklar(tabellfaktor=0), _rakning.Trösklar(max_tabellspann=0)):
        i0, i1, (j,) = _rakning.beståndsindex(tider, s, e, np.array([6]), tr)
        assert i0.tolist() == [0, 1, 0]
        assert i1.tolist() == [1, 2, 2]
        # within 6 days: row 0 at day 10 (5 days); row 1 at day 20? 8 days: no; row 2: never
        assert j.tolist() == [1, 1, 0]


def test_periodindex_tre_vägar() -> None:
    e = np.array([0, 5, 9, 10, 11, 40, -(10**15)], dtype=np.int64)
    skilda = ((0, 5), (9, 10))
    for tr in (_rakning.Trösklar(tabellfaktor=0), _rakning.Trösklar(max_tabellspann=0)):
        (p,) = _rakning.periodindex(e.copy(), skilda, tr)
        assert p.tolist() == [0, 0, 1, 1, 2, 2, 2]
    överlappande = _rakning.periodindex(e, ((0, 10), (5, 9)), _rakning.Trösklar())
    assert [p.tolist() for p in överlappande] == [[0, 0, 0, 0, 2, 2, 2], [2, 1, 1, 2, 2, 2, 2]]


def test_tabelltyp_växer_med_antalet() -> None:
    assert _rakning._tabelltyp(10) is np.int16
    assert _rakning._tabelltyp(40_000) is np.int64


def test_celler_en_kodning() -> None:
    # groups 0, 1, 2; row 1 missing, row 2 invalid, row 3 flagged, row 4 flagged and missing
    grupp = np.array([0, 1, 2, 0, 1], dtype=np.int64)
    rader = _rakning.Rader(
        saknad=np.array([False, True, False, False, True]),
        ogiltig=np.array([False, False, True, False, False]),
    )
    flagga = np.array([False, False, True, True, True])
    c = _rakning.Celler.koda(grupp, 3, rader, [flagga])
    # kod = kategori * 3 + grupp; categories antal 0, saknade 1, ogiltiga 2, exkluderade 3
    assert c.kod.tolist() == [0, 4, 8, 9, 4]
    assert c.antal == 12
    assert c.grupp(np.ones(5, dtype=bool)).tolist() == [0, 1, 2, 0, 1]
    assert c.skäl[0].tolist() == [False, False, False, True, False]
    delar = c.dela(np.arange(12))
    assert delar["exkluderade"].tolist() == [9, 10, 11]


def test_gruppera() -> None:
    d = pd.DataFrame(
        {
            "a": pd.Categorical(["x", "y", "x"], categories=["x", "y", "z"]),
            "b": pd.Categorical(["p", "p", None], categories=["p", "q"]),
            "c": [1, "två", 1],  # unorderable: factorised in order of appearance
        }
    )
    g, antal, nycklar = _rakning.gruppera(d, ("a", "b"))
    # every combination of categories (3 x 3 with the missing b), as in a full cross table
    assert antal == 9
    rader = nycklar.iloc[g]
    assert rader["a"].tolist() == ["x", "y", "x"]
    assert rader["b"].iloc[:2].tolist() == ["p", "p"]
    assert pd.isna(rader["b"].iloc[2])  # a missing key is a group of its own, not dropped
    g, antal, nycklar = _rakning.gruppera(d, ("c",))
    assert antal == 2
    assert g.tolist() == [0, 1, 0]


# --------------------------------------------------------------------------- realistic data


@pytest.fixture(scope="module")
def realistisk() -> pd.DataFrame:
    """20 000 rows, 3 000 groups, with the defects of real data."""
    rng = np.random.default_rng(20_000)
    n = 20_000
    start = pd.Timestamp("2022-06-01") + pd.to_timedelta(rng.integers(0, 560 * 24, n), unit="h")
    vänta = pd.to_timedelta(rng.integers(0, 300 * 24, n), unit="h")
    slut = pd.Series(start + vänta)
    slut[rng.random(n) < 0.3] = pd.NaT  # still waiting
    d = pd.DataFrame(
        {
            "grupp": pd.Series(rng.integers(0, 3_000, n)).map(lambda i: f"enhet {i:04d}"),
            "start": pd.Series(start).astype("datetime64[ns]"),
            "slut": slut.astype("datetime64[ns]"),
            "pvv": rng.random(n) < 0.08,
            "mov": rng.random(n) < 0.04,
        }
    )
    d.loc[rng.random(n) < 0.01, "start"] = pd.NaT
    fel = rng.random(n) < 0.005
    d.loc[fel, "slut"] = d.loc[fel, "start"] - pd.Timedelta(days=3)
    return d


REALISTISKA_TIDER = list(pd.date_range("2023-01-31", periods=12, freq="ME"))
REALISTISKA_GRÄNSER = [(0.0, "dagar"), (3.0, "dagar"), (90.0, "dagar"), (4.0, "timmar")]


@pytest.fixture(scope="module")
def realistisk_referens(realistisk: pd.DataFrame) -> dict[tuple[str, int, int], tuple[int, ...]]:
    return referens(
        realistisk,
        "bestånd",
        REALISTISKA_GRÄNSER,
        tider=REALISTISKA_TIDER,
        exkludera=("pvv", "mov"),
    )


@pytest.mark.parametrize("strategi", list(STRATEGIER))
def test_realistiska_data_bestånd(
    realistisk: pd.DataFrame,
    realistisk_referens: dict[tuple[str, int, int], tuple[int, ...]],
    strategi: str,
) -> None:
    plan = _plan(
        "bestånd",
        REALISTISKA_GRÄNSER,
        start="start",
        slut="slut",
        mätdatum=tuple(REALISTISKA_TIDER),
    )
    assert kärnan(realistisk, plan, STRATEGIER[strategi]) == realistisk_referens


def test_realistiska_data_väljer_differenser(
    realistisk: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 3 000 groups x 12 dates: the default thresholds choose the difference arrays
    anrop: list[str] = []
    äkta = _rakning.bestånd_differens

    def spion(*a: object, **k: object) -> object:
        anrop.append("differenser")
        return äkta(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(_rakning, "bestånd_differens", spion)
    r = hu.väntetidsandelar(
        realistisk,
        gränser=hu.VÅRDGARANTIN,
        start="start",
        slut="slut",
        mätdatum=pd.date_range("2023-01-31", periods=12, freq="ME"),
        per="grupp",
        exkludera=["pvv", "mov"],
        ogiltiga="exkludera",
    )
    assert anrop == ["differenser"]
    assert r["grupp"].nunique() == realistisk["grupp"].nunique()


@pytest.mark.parametrize("strategi", ["som standard", "differenser, tabeller"])
def test_realistiska_data_flöde(realistisk: pd.DataFrame, strategi: str) -> None:
    månader = pd.period_range("2023-01", periods=12, freq="M")
    perioder = [(p.start_time, p.end_time.normalize()) for p in månader]
    gränser = [(30.0, "dagar"), (90.0, "dagar"), (24.0, "timmar")]
    plan = _plan(
        "flöde",
        gränser,
        start="start",
        slut="slut",
        perioder=tuple((_dag(a), _dag(b)) for a, b in perioder),
    )
    väntat = referens(realistisk, "flöde", gränser, perioder=perioder, exkludera=("pvv", "mov"))
    assert kärnan(realistisk, plan, STRATEGIER[strategi]) == väntat


dd = pytest.importorskip("dask.dataframe")


@settings(max_examples=20)
@given(d=händelser(kategorisk=True), tider=tidslistor, gränser=gränslistor, delar=st.integers(1, 3))
def test_dask_med_varje_tröskel(
    d: pd.DataFrame, tider: list[pd.Timestamp], gränser: list[tuple[float, str]], delar: int
) -> None:
    # the partitions' counts add up to the whole frame's, whichever strategy each one takes
    unika = sorted(set(tider))
    plan = _plan("bestånd", gränser, start="start", slut="slut", mätdatum=tuple(unika))
    hela = _rakning.räkna(d, plan)
    ddf = dd.from_pandas(d, npartitions=delar, sort=False)
    meta = _rakning.räkna(d.iloc[:0], plan).iloc[:0]
    summa = (
        ddf.map_partitions(_rakning.räkna, plan, meta=meta, **STRATEGIER["differenser, tabeller"])
        .compute()
        .groupby(["grupp", "_tid", "_gräns"], observed=True, dropna=False, sort=True)
        .sum()
        .reset_index()
    )
    pd.testing.assert_frame_equal(
        hela.reset_index(drop=True), summa, check_dtype=False, check_categorical=False
    )
