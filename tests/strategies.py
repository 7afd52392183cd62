"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

import halsouppfoljning as hu

#: Any of the 21 regions.
regioner = st.sampled_from(hu.regioner())

#: Finite floats of a size that reports print.
rimliga_tal = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)

#: Shares in [0, 1].
andelar = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def slumpa_skiftläge_och_form(draw: st.DrawFn, text: str) -> str:
    """Random letter case, NFC or NFD form and surrounding whitespace of ``text``."""
    bokstäver = [c.upper() if draw(st.booleans()) else c.lower() for c in text]
    ny = "".join(bokstäver)
    form = draw(st.sampled_from(["NFC", "NFD"]))
    ny = unicodedata.normalize(form, ny)
    före = draw(st.sampled_from(["", " ", "  ", "\t", "\u00a0"]))
    efter = draw(st.sampled_from(["", " ", "\n", "  "]))
    return före + ny + efter


import pandas as pd  # noqa: E402  (appended section for kontinuitet)


@st.composite
def besöksramar(
    draw: st.DrawFn,
    *,
    max_rader: int = 40,
    max_patienter: int = 6,
    max_vårdgivare: int = 5,
    max_dagar: int = 6,
) -> pd.DataFrame:
    """Small visit frames for ``kontinuitetsindex``: one row per visit.

    Columns ``patient`` (int), ``vårdgivare`` (int), ``datum`` (a few days, so
    ties occur), ``enhet`` and ``listningsenhet`` (units "A"/"B"; the listing
    unit is fixed per patient) and ``yrke`` ("läkare"/"sjuksköterska").
    """
    n = draw(st.integers(min_value=0, max_value=max_rader))
    patienter = draw(st.lists(st.integers(1, max_patienter), min_size=n, max_size=n))
    vårdgivare = draw(st.lists(st.integers(0, max_vårdgivare - 1), min_size=n, max_size=n))
    dagar = draw(st.lists(st.integers(0, max_dagar - 1), min_size=n, max_size=n))
    enheter = draw(st.lists(st.sampled_from(["A", "B"]), min_size=n, max_size=n))
    listning = {p: draw(st.sampled_from(["A", "B"])) for p in sorted(set(patienter))}
    yrken = draw(st.lists(st.sampled_from(["läkare", "sjuksköterska"]), min_size=n, max_size=n))
    return pd.DataFrame(
        {
            "patient": pd.Series(patienter, dtype="int64"),
            "vårdgivare": pd.Series(vårdgivare, dtype="int64"),
            "datum": pd.Timestamp("2023-01-01")
            + pd.to_timedelta(pd.Series(dagar, dtype="int64"), unit="D"),
            "enhet": pd.Series(enheter, dtype=object),
            "listningsenhet": pd.Series([listning[p] for p in patienter], dtype=object),
            "yrke": pd.Series(yrken, dtype=object),
        }
    )


# --------------------------------------------------------------------------- väntetider


@st.composite
def väntelistor(draw: st.DrawFn, max_rader: int = 40) -> pd.DataFrame:
    """Small event records of a waiting list: group, start, slut (NaT = waiting), two flags.

    Start days lie in 2023-01-01 + [0, 150]; a wait of 0-150 days or still
    waiting. For ``väntetidsandelar`` tests (stock, flow, exclusions).
    """
    n = draw(st.integers(0, max_rader))
    bas = pd.Timestamp("2023-01-01")
    start = draw(st.lists(st.integers(0, 150), min_size=n, max_size=n))
    vänta = draw(st.lists(st.one_of(st.none(), st.integers(0, 150)), min_size=n, max_size=n))
    return pd.DataFrame(
        {
            "grupp": draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=n, max_size=n)),
            "start": pd.to_datetime([bas + pd.Timedelta(days=s) for s in start]),
            "slut": pd.to_datetime(
                [
                    pd.NaT if v is None else bas + pd.Timedelta(days=s + v)
                    for s, v in zip(start, vänta, strict=True)
                ]
            ),
            "pvv": pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool),
            "mov": pd.Series(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool),
        }
    ).astype({"grupp": object})


#: Snapshot dates in the span of ``väntelistor``.
mätdatumlistor = st.lists(
    st.integers(0, 320).map(lambda d: pd.Timestamp("2023-01-01") + pd.Timedelta(days=d)),
    min_size=1,
    max_size=4,
)

#: Limits in days.
dagsgränser = st.lists(st.integers(0, 200), min_size=1, max_size=4)
