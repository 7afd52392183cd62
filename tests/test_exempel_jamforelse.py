"""The synthetic Kolada panel and population of halsouppfoljning.exempeldata (issue 12 probes)."""

from __future__ import annotations

import pytest

import halsouppfoljning as hu

KÄRN = "medicinsk_bedömning_3_dagar"


def test_one_indicator_as_bare_text_is_one_id() -> None:
    k = hu.exempeldata.syntetisk_kolada(seed=1, år=(2023,), indikatorer=KÄRN)
    # 21 regions and Riket, one indicator, one year
    assert len(k) == 22
    assert set(k["kpi"]) == {KÄRN}


@pytest.mark.parametrize(
    ("kwargs", "fel", "text"),
    [
        ({"indikatorer": ("okänd",)}, hu.OgiltigtVärdeError, r"indikatorer\[0\] 'okänd' is not"),
        ({"indikatorer": (1,)}, hu.FelTypError, r"indikatorer\[0\] must be the id"),
        ({"indikatorer": None}, hu.FelTypError, "indikatorer must be a list"),
        ({"indikatorer": ()}, hu.OgiltigtVärdeError, "indikatorer is empty"),
        ({"indikatorer": (KÄRN, KÄRN)}, hu.OgiltigtVärdeError, "indikatorer has duplicated keys"),
        ({"år": (2023, 2023)}, hu.OgiltigtVärdeError, r"år has duplicated keys \[2023\]"),
        ({"år": ()}, hu.OgiltigtVärdeError, "år is empty"),
        ({"år": range(2020, 2020)}, hu.OgiltigtVärdeError, "år is empty"),
        ({"år": (2023.7,)}, hu.OgiltigtVärdeError, r"år\[0\] must be a whole number"),
        ({"år": ("2023",)}, hu.FelTypError, r"år\[0\] must be a whole number"),
        ({"år": 2023}, hu.FelTypError, "år must be a list"),
        ({"år": (1800,)}, hu.OgiltigtVärdeError, r"år\[0\] must be at least 1900"),
        ({"seed": "1"}, hu.FelTypError, "seed must be"),
        ({"seed": -1}, hu.OgiltigtVärdeError, "seed must be >= 0"),
    ],
)
def test_syntetisk_kolada_refuses(kwargs: dict[str, object], fel: type, text: str) -> None:
    argument: dict[str, object] = {"seed": 1}
    argument.update(kwargs)
    with pytest.raises(fel, match=text):
        hu.exempeldata.syntetisk_kolada(**argument)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", ["1", 1.5, True, -1, [1]])
def test_syntetisk_befolkning_refuses_bad_seeds(seed: object) -> None:
    with pytest.raises(hu.HalsouppfoljningError, match="syntetisk_befolkning: seed"):
        hu.exempeldata.syntetisk_befolkning(seed=seed)  # type: ignore[arg-type]
