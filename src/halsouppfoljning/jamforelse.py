"""Regions side by side: panels, national totals, change, ranking and colour classes.

National follow-up (Socialstyrelsen, SKR, Kolada) looks at the 21 regions
together. This module gives that view:

- :func:`regionpanel_från_kolada` and :func:`regionpanel` read a
  :term:`regionpanel` (one row per region, indicator, period and, where given,
  gender) from a Kolada-shaped table or from a plain region × year table.
  Kolada's ``"0000"`` is :term:`Riket` and is kept as its own rows, labelled
  ``"Riket"``, never as a region.
- :func:`sammanvägning` computes Riket (or group totals) pooled (the ratio
  of sums), as a weighted mean or, only when asked for by name, as the
  unweighted mean (the :class:`~halsouppfoljning.Aggregering` members
  ``POOLAD``, ``VÄGT_MEDEL``, ``MEDEL``); the result says which, and a
  printed Riket value stays beside it.
- :func:`förändring` and :func:`sämre_än_första_mätningen` give the
  direction-signed change of a ``period`` against a ``referens`` period (a
  label of the panel or a :class:`~halsouppfoljning.Period`), in percent and
  in procentenheter, and the national tables' flag "worse than at the first
  measurement".
- :func:`rangordning` ranks the regions (or any labelled items, with
  ``etikett=``) in the good direction, ties explicit;
  :func:`färgklasser` gives colour classes by an explicit :class:`Färgregel`
  (rank shares as Kolada, distance to the median, or a target).

The agreements between the state and the regions (överenskommelser) and
their money are in :mod:`halsouppfoljning.overenskommelse`.

Examples
--------
>>> import pandas as pd
>>> import halsouppfoljning as hu
>>> kolada = pd.DataFrame({
...     "kpi": ["X"] * 3, "municipality_id": ["0000", "0003", "0019"],
...     "year": [2023] * 3, "gender": ["T"] * 3, "value": [0.70, 0.60, 0.80]})
>>> panel = hu.regionpanel_från_kolada(kolada)
>>> panel[["region", "värde"]]
               region  värde
0               Riket    0.7
1      Region Uppsala    0.6
2  Region Västmanland    0.8
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._data import kolada_kpi_riktning, kärnindikatorer
from ._indata import (
    alternativ,
    boolesk,
    booleskkolumn,
    heltal,
    kolumn,
    kontrollera_andel,
    kontrollera_kolumner,
    nfc,
    ramtyp,
    skalär,
    som_lista,
    tal,
    tal_array,
    text,
    unika_kolumner,
    unika_nycklar,
)
from .exceptions import FelTypError, HalsouppfoljningError, OgiltigtVärdeError, OkändRegionError
from .indikatorer import Aggregering, Delvis, Målnivå, Måluppfyllelse, Riktning, måluppfyllelse
from .organisation import Region
from .organisation import region as _region
from .organisation import regioner as _regioner
from .organisation import är_riket as _är_riket_text
from .perioder import Period, procentenheter, procentuell_förändring

__all__ = [
    "RIKET",
    "Färgregel",
    "färgklasser",
    "förändring",
    "rangordning",
    "regionpanel",
    "regionpanel_från_kolada",
    "sammanvägning",
    "sämre_än_första_mätningen",
]

#: The label of the whole country's rows in a region panel (Kolada area id ``"0000"``).
RIKET = "Riket"

_RIKET_STAVNINGAR = frozenset({"0000", "0", "00", "riket", "hela riket", "sverige", "se"})

#: The three ways of combining regions (the one vocabulary of pooled vs mean).
_SAMMANVÄGNINGAR = (Aggregering.POOLAD, Aggregering.VÄGT_MEDEL, Aggregering.MEDEL)
_POOLAD = Aggregering.POOLAD.value
_VÄGT_MEDEL = Aggregering.VÄGT_MEDEL.value
_RANGMETODER = ("min", "max", "dense", "first", "average")
_FÄRGER = ("röd", "gul", "grön")

_F64 = npt.NDArray[np.float64]
_Rangmetod = Literal["min", "max", "dense", "first", "average"]

#: A period as a comparison takes it: a label of the panel's ``period`` column (a
#: year such as 2023, or text such as ``"T1 2023"``), or a :class:`~halsouppfoljning.Period`,
#: which names the label that denotes it (``Period.helår(2023)`` is the year 2023).
PeriodIn: TypeAlias = "int | str | Period"
#: The reference or compared period: ``"första"``/``"senaste"``, one period for every
#: indicator, or a mapping from indicator id to period.
PeriodVal: TypeAlias = "PeriodIn | Mapping[str, PeriodIn]"
#: The good direction: one for every indicator, or a mapping from indicator id to it.
RiktningIn: TypeAlias = "Riktning | str | Mapping[str, Riktning | str] | None"
#: Weights of the regions: a column of the panel, or a mapping/Series from region to weight.
Vikter: TypeAlias = "str | Mapping[Region | str | int, float] | pd.Series[float]"
#: Groups of regions: a mapping/Series from region (any spelling) to group label.
Grupper: TypeAlias = "Mapping[Region | str | int, Hashable] | pd.Series[Any]"


# --------------------------------------------------------------------------- regions


def _är_val(värde: object, val: tuple[str, ...]) -> bool:
    """Whether ``värde`` is one of the choices ``val`` (text only; a frame is not)."""
    return isinstance(värde, str) and värde in val


def _är_riket(etikett: Any) -> bool:
    """Whether a label is Riket: any spelling :func:`~halsouppfoljning.är_riket` knows, or 0."""
    if isinstance(etikett, (bool, np.bool_)):
        return False
    if isinstance(etikett, (int, np.integer)):
        return int(etikett) == 0
    return isinstance(etikett, str) and (
        _är_riket_text(etikett) or nfc(etikett).casefold().strip() in _RIKET_STAVNINGAR
    )


#: The fix named when a label of a panel's region column is unknown.
_OKÄND_I_PANEL = (
    "a region panel's region column holds regions (any spelling hu.region() accepts) and "
    "Riket; build the panel with hu.regionpanel() or hu.regionpanel_från_kolada(), or drop "
    "the other rows first"
)


def _regionnamn(
    etiketter: Any, *, okända: str, vad: str, råd: str | None = None
) -> tuple[_F64, list[str]]:
    """Map region labels to official names ("Riket" for the whole country).

    Returns the names as an object array (NaN where the label is unknown and
    ``okända == "utelämna"``) and the list of unknown labels. Looks up the
    unique labels only, never row by row. ``råd`` is the fix named when a
    label is unknown and ``okända == "fel"``.
    """
    koder, unika = pd.factorize(pd.Series(etiketter, dtype=object), use_na_sentinel=True)
    namn: list[Any] = []
    okänd: list[str] = []
    for etikett in unika:
        if _är_riket(etikett):
            namn.append(RIKET)
            continue
        if isinstance(etikett, (bool, np.bool_)):
            okänd.append(str(etikett))
            namn.append(np.nan)
            continue
        try:
            namn.append(_region(etikett if isinstance(etikett, (str, int)) else str(etikett)).namn)
        except HalsouppfoljningError:
            okänd.append(str(etikett))
            namn.append(np.nan)
    if (koder < 0).any():
        okänd.append("<missing>")
    if okänd and okända == "fel":
        raise OkändRegionError(
            f"{vad}: {len(okänd)} area label(s) are neither a region nor Riket: "
            f"{okänd[:5]!r}{' ...' if len(okänd) > 5 else ''}. "
            + (
                råd
                or "Regions are Kolada ids 0001-0025 (or any spelling hu.region() accepts), "
                "Riket is '0000'; pass okända_områden='utelämna' to drop such rows (they are "
                "counted in panel.attrs['utelämnade'])"
            )
        )
    tabell = np.array([*namn, np.nan], dtype=object)
    return tabell[koder], okänd


def _regionordning(namn: pd.Series) -> npt.NDArray[np.int64]:
    """Sort key: Riket first, then the regions in länskod order."""
    ordning = {RIKET: 0} | {r.namn: int(r.kod) for r in _alla_regioner()}
    return np.asarray(namn.map(ordning).fillna(99), dtype=np.int64)


@functools.cache
def _alla_regioner() -> tuple[Any, ...]:
    return _regioner()


# --------------------------------------------------------------------------- panels


def _som_period(kolumn: pd.Series, vad: str) -> pd.Series:
    """Whole-number years stay integers; anything else stays as given."""
    if pd.api.types.is_integer_dtype(kolumn):
        return kolumn.astype(np.int64)
    numerisk = pd.to_numeric(kolumn, errors="coerce")
    if pd.api.types.is_numeric_dtype(kolumn) and np.isinf(numerisk.to_numpy(dtype=float)).any():
        raise OgiltigtVärdeError(
            f"{vad}: the period column must be finite, got "
            f"{kolumn[np.isinf(numerisk)].iloc[0]!r}; give each row its year (e.g. 2023) or "
            "period label"
        )
    if numerisk.notna().all() and len(kolumn) and (numerisk == np.floor(numerisk)).all():
        return numerisk.astype(np.int64)
    return kolumn.astype(object)


def _färdig_panel(
    region: Any,
    indikator: Any,
    period: Any,
    värde: Any,
    täljare: Any,
    nämnare: Any,
    kön: Any | None,
    *,
    okända: str,
    vad: str,
    extra: Mapping[str, Any] | None = None,
    argument: str = "data",
) -> pd.DataFrame:
    namn, okänd = _regionnamn(region, okända=okända, vad=vad)
    data: dict[str, Any] = {
        "region": namn,
        "indikator": pd.Series(indikator, dtype=object).map(
            lambda x: nfc(x) if isinstance(x, str) else x
        ),
        "period": _som_period(pd.Series(period), vad).to_numpy(),
        "värde": tal_array(värde, f"{vad}: the värde column of {argument}"),
        "täljare": tal_array(täljare, f"{vad}: the täljare column of {argument}"),
        "nämnare": tal_array(nämnare, f"{vad}: the nämnare column of {argument}"),
    }
    if kön is not None:
        data["kön"] = pd.Series(kön, dtype=object).to_numpy()
    for namn_, värden_ in (extra or {}).items():
        if namn_ in data:
            raise OgiltigtVärdeError(
                f"{vad}: behåll names the column {namn_!r}, which the panel already has"
            )
        data[namn_] = np.asarray(värden_)
    panel = pd.DataFrame(data)
    behåll = panel["region"].notna().to_numpy()
    utelämnade = int((~behåll).sum())
    panel = panel.loc[behåll]
    panel = panel.astype({"region": str, "indikator": str})
    if "kön" in panel:
        panel["kön"] = panel["kön"].astype(str)
    nycklar = ["region", "indikator", "period"] + (["kön"] if "kön" in panel else [])
    dubbletter = panel.duplicated(nycklar, keep=False)
    if dubbletter.any():
        första = panel.loc[dubbletter, nycklar].iloc[0].to_dict()
        raise OgiltigtVärdeError(
            f"{vad}: {int(dubbletter.sum())} rows of {argument} share the same {nycklar} (a "
            f"region in any two spellings is one region), e.g. {första}; "
            "a panel has one value per region, indicator, period"
            + (" and gender" if "kön" in panel else "")
            + ". Remove the duplicates or pass the gender column"
        )
    panel = panel.assign(_ordning=_regionordning(panel["region"]))
    sortering = ["indikator"] + (["kön"] if "kön" in panel else []) + ["period", "_ordning"]
    panel = panel.sort_values(sortering, kind="stable").drop(columns="_ordning")
    panel = panel.reset_index(drop=True)
    panel.attrs["utelämnade"] = utelämnade
    panel.attrs["okända_områden"] = okänd
    return panel


def regionpanel_från_kolada(
    data: pd.DataFrame,
    *,
    kpi: str = "kpi",
    område: str | None = None,
    år: str | None = None,
    kön: str | None = "gender",
    värde: str | None = None,
    täljare: str | None = None,
    nämnare: str | None = None,
    behåll: str | Iterable[str] = (),
    okända_områden: Literal["fel", "utelämna"] = "fel",
) -> pd.DataFrame:
    """Read a :term:`regionpanel` from a table in Kolada's tidy layout.

    Kolada holds values as KPI × area × year × gender; this reads that layout
    (or any long table, by naming its columns) into the panel the other
    functions of :mod:`halsouppfoljning.jamforelse` take.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per KPI, area, year and gender.
    kpi, område, år, värde : str, optional
        Column names of the indicator id, the Kolada area id (``"0019"``; any
        spelling :func:`~halsouppfoljning.region` accepts), the year and the
        value. Defaults: ``kpi``; ``municipality_id``, else the raw API's
        ``municipality``; ``year``, else the raw API's ``period``; ``value``.
        The raw API's nested form (a ``values`` column holding per row the
        list of ``{"gender", "value", "status", "count", "isdeleted"}``
        objects, as Kolada v3's ``data`` endpoint returns them) is unnested
        first: one row per gender, with ``status`` and ``count`` as columns
        (carry them with ``behåll``).
    kön : str or None
        Column of the gender (Kolada: ``T`` total, ``K`` women, ``M`` men);
        ``None`` when the table has none. A default ``"gender"`` that is not
        in the table is treated as ``None``.
    täljare, nämnare : str, optional
        Columns of the numerator and denominator, where the source gives them;
        :func:`sammanvägning` then pools them (ratio of sums).
    behåll : str or iterable of str
        Further columns to carry into the panel unchanged, e.g. a population
        column for ``sammanvägning(..., vikter="befolkning")``.
    okända_områden : {"fel", "utelämna"}
        What to do with area ids that are neither a region nor Riket (a
        municipality, a group): ``"fel"`` (default) raises, ``"utelämna"``
        drops them and counts them in ``panel.attrs["utelämnade"]``.

    Returns
    -------
    pandas.DataFrame
        Columns ``region`` (the official name, e.g. ``"Region Västmanland"``,
        or ``"Riket"`` for ``"0000"``), ``indikator``, ``period``, ``värde``,
        ``täljare``, ``nämnare`` (NaN where not given) and ``kön`` (only when
        the source has gender), then the ``behåll`` columns. Sorted by
        indicator, gender, period, then Riket first and the regions in
        länskod order. Rows with a missing value are kept (NaN).
        ``attrs["utelämnade"]`` counts dropped rows and
        ``attrs["okända_områden"]`` lists their labels; from the nested form,
        ``attrs["raderade"]`` counts the rows dropped as deleted
        (``isdeleted`` or ``is_deleted`` true, at either level) and
        ``attrs["utan_värden"]`` the area-years with an empty ``values`` list.

    Raises
    ------
    SaknadKolumnError
        If a named column is missing.
    OkändRegionError
        If an area id is neither a region nor Riket and
        ``okända_områden="fel"``.
    OgiltigtVärdeError
        If two rows share region, indicator, period (and gender), or
        ``okända_områden`` is not one of the two choices.

    Notes
    -----
    Area ids are looked up once per distinct label, not row by row. Kolada's
    ``"0000"`` (also ``0``, ``"Riket"``, ``"Hela riket"``, ``"Sverige"``) is
    Riket.

    See Also
    --------
    regionpanel : the same from a plain region × year table.
    sammanvägning : national and group totals of a panel.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> kolada = pd.DataFrame({
    ...     "kpi": ["N1", "N1", "N1"], "municipality_id": ["0000", "0019", "0003"],
    ...     "year": [2023, 2023, 2023], "gender": ["T", "T", "T"],
    ...     "value": [0.72, 0.81, None]})
    >>> p = hu.regionpanel_från_kolada(kolada)
    >>> p[["region", "period", "värde", "kön"]]
                   region  period  värde kön
    0               Riket    2023   0.72   T
    1      Region Uppsala    2023    NaN   T
    2  Region Västmanland    2023   0.81   T

    The raw API's layout, nested values included:

    >>> rå = pd.DataFrame({"kpi": ["N1", "N1"], "municipality": ["0000", "0019"],
    ...     "period": ["2024", "2024"],
    ...     "values": [[{"gender": "T", "value": 0.7, "status": ""}],
    ...                [{"gender": "T", "value": 0.8, "status": ""},
    ...                 {"gender": "K", "value": 0.9, "status": ""}]]})
    >>> hu.regionpanel_från_kolada(rå)[["region", "period", "kön", "värde"]]
                   region  period kön  värde
    0  Region Västmanland    2024   K    0.9
    1               Riket    2024   T    0.7
    2  Region Västmanland    2024   T    0.8

    References
    ----------
    .. [#kolada-api] RKA, Kolada: "Kolada API v2", https://api.kolada.se/v2/ (values as
       KPI, municipality_id, period, gender, value).
    """
    vad = "regionpanel_från_kolada"
    ramtyp(data, vad, dask=False)
    unika_kolumner(data, vad)
    kpi = text(kpi, f"{vad}: kpi (a column name)")
    område, år, kön, värde, täljare, nämnare = (
        None if v is None else text(v, f"{vad}: {n} (a column name)")
        for n, v in (
            ("område", område),
            ("år", år),
            ("kön", kön),
            ("värde", värde),
            ("täljare", täljare),
            ("nämnare", nämnare),
        )
    )
    if not _är_val(okända_områden, ("fel", "utelämna")):
        raise OgiltigtVärdeError(
            f"{vad}: okända_områden must be 'fel' or 'utelämna', got {str(okända_områden)[:40]!r}"
        )
    data, inbäddade = _packa_upp_kolada(data, vad)
    namnen = {nfc(str(k)) for k in data.columns}
    område = område if område is not None else _standardkolumn(namnen, _OMRÅDESKOLUMNER)
    år = år if år is not None else _standardkolumn(namnen, _ÅRSKOLUMNER)
    värde = värde if värde is not None else "value"
    if kön == "gender" and "gender" not in namnen:
        kön = None

    def hämta(namn: str, argument: str) -> pd.Series[Any]:
        ut: pd.Series[Any] = data[kolumn(data.columns, namn, vad, argument=argument)]
        return ut

    n = len(data)
    panel = _färdig_panel(
        hämta(område, "område").to_numpy(dtype=object),
        hämta(kpi, "kpi").to_numpy(dtype=object),
        hämta(år, "år"),
        hämta(värde, "värde"),
        hämta(täljare, "täljare") if täljare is not None else np.full(n, np.nan),
        hämta(nämnare, "nämnare") if nämnare is not None else np.full(n, np.nan),
        hämta(kön, "kön").to_numpy(dtype=object) if kön is not None else None,
        okända=okända_områden,
        vad=vad,
        extra={nfc(b): hämta(b, "behåll").to_numpy() for b in som_lista(behåll, "behåll")},
    )
    panel.attrs.update(inbäddade)
    return panel


#: Kolada's area column: the simplified tables' name first, then the raw API's.
_OMRÅDESKOLUMNER = ("municipality_id", "municipality")
#: Kolada's year column: the simplified tables' name first, then the raw API's.
_ÅRSKOLUMNER = ("year", "period")
_RADERAD = ("isdeleted", "is_deleted")


def _standardkolumn(namnen: set[str], kandidater: tuple[str, ...]) -> str:
    """The first candidate present, else the first (whose absence :func:`kolumn` reports)."""
    return next((k for k in kandidater if k in namnen), kandidater[0])


def _raderad(kolumn_: pd.Series[Any], namn: str, vad: str) -> npt.NDArray[np.bool_]:
    """Kolada's deleted flag (JSON booleans); an absent flag (missing) is not deleted."""
    return booleskkolumn(kolumn_.where(kolumn_.notna(), False).infer_objects(), namn, vad)


def _packa_upp_kolada(data: pd.DataFrame, vad: str) -> tuple[pd.DataFrame, dict[str, int]]:
    """Unnest the raw API's ``values`` lists (one object per gender) into columns.

    A table without a ``values`` column, or with a ``value`` column beside it,
    is returned as it is. Deleted rows (``isdeleted``/``is_deleted`` true at
    the outer or inner level) are dropped and counted.
    """
    namnen = {nfc(str(k)): k for k in data.columns}
    if "values" not in namnen or "value" in namnen:
        return data, {}
    yttre = data.rename(columns={namnen["values"]: "values"})
    raderade = 0
    for flagga in _RADERAD:
        if flagga in namnen:
            bort = _raderad(yttre[namnen[flagga]], flagga, vad)
            raderade += int(bort.sum())
            yttre = yttre.loc[~bort].drop(columns=namnen[flagga])
    listor = yttre["values"]
    är_lista = listor.map(lambda x: isinstance(x, (list, tuple))).to_numpy(dtype=bool)
    if not är_lista.all():
        fel = listor.loc[~är_lista].iloc[0]
        raise OgiltigtVärdeError(
            f"{vad}: the column 'values' must hold, per row, the list of per-gender objects "
            f"of Kolada's raw data answer ({{'gender', 'value', ...}}), got {fel!r}; pass the "
            "flat columns (gender, value) instead"
        )
    tomma = int((listor.map(len) == 0).sum())
    lång = yttre.explode("values", ignore_index=True)
    lång = lång.loc[lång["values"].notna().to_numpy()].reset_index(drop=True)
    poster = lång["values"].tolist()
    if not all(isinstance(p, Mapping) for p in poster):
        raise OgiltigtVärdeError(
            f"{vad}: every entry of a 'values' list must be an object with 'gender' and "
            "'value' (Kolada's raw data answer); pass the flat columns instead"
        )
    inre = pd.DataFrame.from_records(poster, index=lång.index)
    inre = inre.rename(columns={k: nfc(str(k)) for k in inre.columns})
    krock = [k for k in inre.columns if k in set(lång.columns) - {"values"}]
    if krock:
        inre = inre.drop(columns=krock)
    lång = pd.concat([lång.drop(columns="values"), inre], axis=1)
    for flagga in _RADERAD:
        if flagga in lång.columns:
            bort = _raderad(lång[flagga], flagga, vad)
            raderade += int(bort.sum())
            lång = lång.loc[~bort].drop(columns=flagga)
    if "value" not in lång.columns:
        lång["value"] = np.nan
    return lång.reset_index(drop=True), {"raderade": raderade, "utan_värden": tomma}


def _smält(tabell: pd.DataFrame, region: str | None, namn: str, argument: str) -> pd.DataFrame:
    """One region × period table of :func:`regionpanel` in long form, checked.

    The region labels become official names (Riket in any spelling
    ``"Riket"``); a default index 0..n-1, an unknown label, a region or a
    period given twice, and values that are not finite numbers (or negative
    counts) are errors naming ``argument``.
    """
    vad = "regionpanel"
    ramtyp(tabell, vad, argument=f"{argument} (a table of regions × periods)", dask=False)
    unika_kolumner(tabell, vad, argument=argument)
    for axel, etiketter in (("columns", tabell.columns), ("index", tabell.index)):
        if isinstance(etiketter, pd.MultiIndex):
            raise OgiltigtVärdeError(
                f"{vad}: {argument} has several levels of {axel} labels "
                f"({list(etiketter[:2])!r} ...); give one level: the regions as the index and "
                f"one column per period (select one first, e.g. {argument}['x'])"
            )
    if region is not None:
        tabell = tabell.set_index(kolumn(tabell.columns, region, vad, argument="region"))
    elif isinstance(tabell.index, pd.RangeIndex) and len(tabell):
        raise OgiltigtVärdeError(
            f"{vad}: {argument} has the default index 0..{len(tabell) - 1}, not region labels; "
            f"set the regions as its index ({argument}.set_index('region')) or name their "
            "column with region="
        )
    if tabell.shape[1] == 0:
        raise OgiltigtVärdeError(
            f"{vad}: {argument} has no period columns; give one column per period (e.g. 2023)"
        )
    regioner, _ = _regionnamn(
        tabell.index.to_numpy(dtype=object),
        okända="fel",
        vad=f"{vad}: the region labels of {argument}",
        råd="label the rows with regions (any spelling hu.region() accepts) or Riket",
    )
    unika_nycklar(list(regioner), f"{argument} (its regions, in any spelling)", vad)
    perioder = _som_period(pd.Series(list(tabell.columns), dtype=object), vad)
    unika_nycklar(perioder.tolist(), f"{argument} (its period columns)", vad)
    tal_tabell = tal(tabell, f"{vad}: {argument}")
    if namn in ("täljare", "nämnare"):
        arr = tal_tabell.to_numpy(dtype=float)
        if (arr[np.isfinite(arr)] < 0).any():
            raise OgiltigtVärdeError(
                f"{vad}: {argument} has a negative count; numerators and denominators are "
                "counts >= 0: correct the table"
            )
    lång = pd.DataFrame(
        tal_tabell.to_numpy(dtype=float), index=pd.Index(regioner, name="region")
    ).set_axis(list(range(tabell.shape[1])), axis=1)
    lång = lång.reset_index().melt(id_vars="region", var_name="_kolumn", value_name=namn)
    lång["period"] = perioder.to_numpy(dtype=object)[lång["_kolumn"].to_numpy(dtype=np.int64)]
    return lång.drop(columns="_kolumn")[["region", "period", namn]]


def regionpanel(
    värden: pd.DataFrame | None = None,
    *,
    indikator: str,
    täljare: pd.DataFrame | None = None,
    nämnare: pd.DataFrame | None = None,
    region: str | None = None,
    kön: str | None = None,
) -> pd.DataFrame:
    """Read a :term:`regionpanel` from a plain region × period table.

    Parameters
    ----------
    värden : pandas.DataFrame, optional
        One row per region (the index, or the column named by ``region``),
        one column per period (e.g. years 2019, 2020 ...). Region labels may
        be any spelling :func:`~halsouppfoljning.region` accepts; ``"Riket"``
        or ``"0000"`` is the whole country. May be omitted when ``täljare``
        and ``nämnare`` are given: the value is then their ratio.
    indikator : str
        The indicator id given to every row.
    täljare, nämnare : pandas.DataFrame, optional
        Tables of the numerator and denominator with the same layout (where
        the source prints counts).
    region : str, optional
        The column holding the region labels; default the index.
    kön : str, optional
        A gender label given to every row (e.g. ``"T"``), to combine with
        Kolada panels that have gender.

    Returns
    -------
    pandas.DataFrame
        The panel, as :func:`regionpanel_från_kolada` describes. Period labels
        that are whole numbers (``"2019"``, ``2019.0``) become integers.

    Raises
    ------
    FelTypError
        If a table is not a DataFrame, or holds values that are not numbers.
    OgiltigtVärdeError
        If neither ``värden`` nor both ``täljare`` and ``nämnare`` are given;
        if a table has the default index 0..n-1 (no region labels), no
        period columns, a region twice (in any two spellings), a period
        twice (``2023`` and ``"2023"``), infinite values or negative counts;
        if ``täljare`` and ``nämnare`` have different regions or periods.
    OkändRegionError
        If a row label is neither a region nor Riket.

    Notes
    -----
    With counts only, :math:`v = t / n`, NaN where :math:`n = 0`.

    See Also
    --------
    regionpanel_från_kolada : the same from Kolada's long layout.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> tabell = pd.DataFrame({"2022": [0.61, 0.70], "2023": [0.64, 0.71]},
    ...                       index=["Uppsala", "Riket"])
    >>> hu.regionpanel(tabell, indikator="förtroende")
               region   indikator  period  värde  täljare  nämnare
    0           Riket  förtroende    2022   0.70      NaN      NaN
    1  Region Uppsala  förtroende    2022   0.61      NaN      NaN
    2           Riket  förtroende    2023   0.71      NaN      NaN
    3  Region Uppsala  förtroende    2023   0.64      NaN      NaN
    >>> t = pd.DataFrame({2023: [30, 45]}, index=["0003", "0019"])
    >>> n = pd.DataFrame({2023: [50, 60]}, index=["0003", "0019"])
    >>> hu.regionpanel(täljare=t, nämnare=n, indikator="x")["värde"].tolist()
    [0.6, 0.75]
    """
    indikator = text(indikator, "regionpanel: indikator (the indicator's id)")
    delar = []
    if kön is not None:
        kön = text(kön, "regionpanel: kön (a gender label such as 'T')")
    if värden is not None:
        delar.append(_smält(värden, region, "värde", "värden"))
    if (täljare is None) != (nämnare is None):
        raise OgiltigtVärdeError(
            "regionpanel: pass both täljare and nämnare (numerator and denominator) or neither"
        )
    if täljare is not None and nämnare is not None:
        t_lång = _smält(täljare, region, "täljare", "täljare")
        n_lång = _smält(nämnare, region, "nämnare", "nämnare")
        for nyckel in ("region", "period"):
            ta, na = set(t_lång[nyckel]), set(n_lång[nyckel])
            if ta != na:
                raise OgiltigtVärdeError(
                    f"regionpanel: täljare and nämnare have different {nyckel}s (only in "
                    f"täljare: {sorted(map(str, ta - na))[:5]!r}; only in nämnare: "
                    f"{sorted(map(str, na - ta))[:5]!r}); give both tables the same rows and "
                    "columns"
                )
        delar.extend([t_lång, n_lång])
    if not delar:
        raise OgiltigtVärdeError(
            "regionpanel: pass värden (a region × period table) or täljare and nämnare"
        )
    lång = delar[0]
    for del_ in delar[1:]:
        lång = lång.merge(del_, on=["region", "period"], how="outer")
    t = lång["täljare"].to_numpy(dtype=float) if "täljare" in lång else np.full(len(lång), np.nan)
    n = lång["nämnare"].to_numpy(dtype=float) if "nämnare" in lång else np.full(len(lång), np.nan)
    if "värde" in lång:
        v = lång["värde"].to_numpy(dtype=float)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            v = np.where(n > 0, t / n, np.nan)
    return _färdig_panel(
        lång["region"].to_numpy(dtype=object),
        np.full(len(lång), indikator, dtype=object),
        lång["period"],
        v,
        t,
        n,
        np.full(len(lång), kön, dtype=object) if kön is not None else None,
        okända="fel",
        vad="regionpanel",
        argument="värden",
    )


def _kontrollera_panel(panel: pd.DataFrame, vad: str) -> pd.DataFrame:
    """A region panel checked and with its region labels as official names.

    Every spelling of Riket becomes ``"Riket"`` (never a region), every region
    its official name; an unknown label, a key (region, indikator, period,
    kön) that occurs twice, a value that is not a finite number, or a negative
    numerator or denominator is an error naming ``panel``.
    """
    ramtyp(
        panel,
        vad,
        argument="panel (a region panel from regionpanel() or regionpanel_från_kolada())",
        dask=False,
    )
    unika_kolumner(panel, vad, argument="panel")
    kontrollera_kolumner(panel.columns, ["region", "indikator", "period", "värde"], vad)
    namn, _ = _regionnamn(
        panel["region"].to_numpy(dtype=object),
        okända="fel",
        vad=f"{vad}: the region column of panel",
        råd=_OKÄND_I_PANEL,
    )
    ut = panel.assign(region=namn.astype(object))
    for k in ("indikator", "period"):
        saknas = int(ut[k].isna().sum())
        if saknas:
            raise OgiltigtVärdeError(
                f"{vad}: the {k} column of panel is missing (NaN/None) in {saknas} row(s); "
                f"every row needs its {k}: fill it in or drop those rows"
            )
    _kontrollera_perioder(ut, vad)
    nycklar = ["region", *_nycklar(ut)]
    unika_nycklar(ut[nycklar], f"panel (its {', '.join(nycklar)})", vad)
    tal_array(ut["värde"], f"{vad}: the värde column of panel")
    for k in ("täljare", "nämnare"):
        if k in ut.columns:
            t = tal_array(ut[k], f"{vad}: the {k} column of panel")
            if (t[np.isfinite(t)] < 0).any():
                raise OgiltigtVärdeError(
                    f"{vad}: the {k} column of panel has a negative count; numerators and "
                    "denominators are counts >= 0: correct the panel"
                )
    ut.attrs = dict(panel.attrs)
    return ut


def _kontrollera_perioder(panel: pd.DataFrame, vad: str) -> None:
    """A panel's period column: finite numbers, or labels of one kind per indicator.

    Text and numbers may not be mixed within one indicator (its periods are
    ordered); different indicators may label their periods differently.
    """
    period = panel["period"]
    if pd.api.types.is_numeric_dtype(period) and not pd.api.types.is_bool_dtype(period):
        arr = tal_array(period, f"{vad}: the period column of panel")
        if not np.isfinite(arr).all():
            plats = int(np.flatnonzero(~np.isfinite(arr))[0])
            raise OgiltigtVärdeError(
                f"{vad}: the period column of panel must be finite, got {arr[plats]!r} "
                f"(row {plats}); give each row its year (e.g. 2023) or period label"
            )
        return
    slag = pd.Series(
        [
            "number"
            if isinstance(x, (int, float, np.number)) and not isinstance(x, bool)
            else "text"
            if isinstance(x, str)
            else type(x).__name__
            for x in period
        ],
        index=panel.index,
        dtype=object,
    )
    antal_slag = slag.groupby(panel["indikator"].to_numpy(), sort=False).nunique()
    blandade = antal_slag[antal_slag > 1]
    if len(blandade):
        indikator = blandade.index[0]
        i = (panel["indikator"] == indikator).to_numpy()
        exempel = [x for x in period[i] if isinstance(x, str)][:1] or list(period[i][:1])
        raise FelTypError(
            f"{vad}: the period column of panel mixes kinds of label for indicator "
            f"{str(indikator)[:40]!r} ({sorted(set(slag[i]))!r}, e.g. {str(exempel[0])[:40]!r}); "
            "give its rows periods of one kind (e.g. the year 2023 in every row)"
        )


def _nycklar(panel: pd.DataFrame) -> list[str]:
    return ["indikator", "period"] + (["kön"] if "kön" in panel.columns else [])


# --------------------------------------------------------------------------- directions


@functools.cache
def _bundna_riktningar() -> dict[str, Riktning]:
    """Directions known without the caller: the curated Kolada KPIs and the core indicators."""
    ut: dict[str, Riktning] = {}
    for tabell in (kolada_kpi_riktning(), kärnindikatorer()):
        ut |= {str(i): Riktning[str(r)] for i, r in tabell["riktning"].items() if r}
    return ut


@functools.cache
def _bundna_andelar() -> frozenset[str]:
    """Indicator ids whose bundled unit is a share (core indicators and curated Kolada KPIs)."""
    return frozenset(
        str(i)
        for tabell in (kolada_kpi_riktning(), kärnindikatorer())
        for i in tabell.index[tabell["enhet"] == "andel"]
    )


def _som_riktning(värde: Riktning | str, indikator: Hashable, vad: str = "") -> Riktning:
    vem = f"{vad}: " if vad else ""
    return alternativ(värde, Riktning, f"{vem}riktning for indikator {indikator!r}")


def _riktningar(
    indikatorer: Iterable[Hashable],
    riktning: RiktningIn,
    attrs: Mapping[Hashable, Any] | None = None,
    vad: str = "",
) -> dict[Hashable, Riktning]:
    """The direction of every indicator: one for all, a mapping, or the bundled metadata.

    With ``riktning=None`` the directions come from ``attrs["riktning"]`` of the
    panel (set by ``hu.hämta_kolada``), then the curated Kolada KPI table
    (``data/kolada_kpi_riktning.csv``) and the bundled core indicators.
    """
    ids = list(dict.fromkeys(indikatorer))
    if riktning is None:
        källa: Mapping[Any, Any] = dict(_bundna_riktningar())
        från_panel = (attrs or {}).get("riktning")
        if isinstance(från_panel, Mapping):
            källa = {**källa, **{nfc(str(k)): v for k, v in från_panel.items()}}
    elif isinstance(riktning, (Riktning, str)):
        return {i: _som_riktning(riktning, i, vad) for i in ids}
    elif isinstance(riktning, Mapping):
        källa = {nfc(str(k)): v for k, v in riktning.items()}
    else:
        raise FelTypError(
            f"{vad or 'riktning'}: riktning must be a hu.Riktning, a mapping from indicator id "
            f"to Riktning, or None (the bundled directions), got {type(riktning).__name__}"
        )
    saknas = [i for i in ids if i not in källa]
    if saknas:
        raise OgiltigtVärdeError(
            f"{vad or 'riktning'}: no direction (riktning) for indicator(s) {saknas[:5]!r}: pass "
            "riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE (or LÄGRE_ÄR_BÄTTRE) or a mapping "
            "{indicator id: Riktning}; without it only the bundled core indicators of "
            "god och nära vård, the curated Kolada KPIs (hu.kolada_riktningar()) and "
            "panel.attrs['riktning'] are known"
        )
    return {i: _som_riktning(källa[i], i, vad) for i in ids}


def _tecken(
    indikator: pd.Series[Any],
    riktning: RiktningIn,
    vad: str,
    attrs: Mapping[Hashable, Any] | None = None,
) -> _F64:
    """+1 where higher is better, -1 where lower is better, per row."""
    riktningar = _riktningar(indikator.unique(), riktning, attrs, vad)
    band = [i for i, r in riktningar.items() if r is Riktning.INOM_INTERVALL]
    if band:
        raise OgiltigtVärdeError(
            f"{vad}: indicator(s) {band!r} have riktning INOM_INTERVALL, which has no better "
            "direction to rank or sign by; assess them against their band with "
            "Färgregel.mål(...) instead"
        )
    tecken = {i: (1.0 if r is Riktning.HÖGRE_ÄR_BÄTTRE else -1.0) for i, r in riktningar.items()}
    return np.asarray(indikator.map(tecken), dtype=float)


# --------------------------------------------------------------------------- totals


def _regionkarta(karta: Mapping[Any, Any] | pd.Series[Any], namn: str, vad: str) -> dict[str, Any]:
    """A mapping (or Series) from region labels (any spelling) to values, keyed by official
    name; a region given twice (in any two spellings) and Riket are errors naming ``namn``."""
    if isinstance(karta, pd.Series):
        etiketter, värden = list(karta.index), karta.to_list()
    else:
        etiketter, värden = list(karta.keys()), list(karta.values())
    regioner, _ = _regionnamn(
        np.array(etiketter, dtype=object),
        okända="fel",
        vad=f"{vad}: {namn}",
        råd=f"give {namn} one entry per region (any spelling hu.region() accepts)",
    )
    if any(r == RIKET for r in regioner):
        raise OgiltigtVärdeError(
            f"{vad}: {namn} has an entry for Riket; Riket is the whole country, not a region, "
            f"and is never summed with them: remove it from {namn}"
        )
    unika_nycklar(list(regioner), f"{namn} (its regions, in any spelling)", vad)
    return dict(zip(regioner.tolist(), värden, strict=True))


def _vikter(panel: pd.DataFrame, vikter: Vikter) -> _F64:
    if isinstance(vikter, str):
        k = kolumn(panel.columns, vikter, "sammanvägning", argument="vikter")
        w = tal_array(panel[k], f"sammanvägning: the vikter column {vikter!r}")
    elif isinstance(vikter, (Mapping, pd.Series)):
        rå = _regionkarta(vikter, "vikter", "sammanvägning")
        värden = tal_array(list(rå.values()), "sammanvägning: vikter")
        karta = dict(zip(rå, värden.tolist(), strict=True))
        regioner_i_panel = panel.loc[panel["region"] != RIKET, "region"].unique()
        saknas = [r for r in regioner_i_panel if r not in karta]
        if saknas:
            raise OgiltigtVärdeError(
                f"sammanvägning: vikter has no weight for {saknas[:5]!r}; give a weight "
                "(population or count) for every region in the panel"
            )
        w = np.asarray(panel["region"].map(karta), dtype=float)
    else:
        raise FelTypError(
            "sammanvägning: vikter must be a column name of the panel or a mapping/Series from "
            "region "
            f"to weight, got {type(vikter).__name__}"
        )
    if (w[np.isfinite(w)] < 0).any():
        raise OgiltigtVärdeError("sammanvägning: vikter must not be negative")
    return w


def sammanvägning(
    panel: pd.DataFrame,
    *,
    metod: Aggregering | Literal["poolad", "vägt medel", "medel"] | None = None,
    vikter: Vikter | None = None,
    grupper: Grupper | None = None,
) -> pd.DataFrame:
    """National (:term:`Riket`) or group totals of a region panel, saying how each was made.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`. Rows of Riket are not summed; their value is
        kept beside the computed one as ``publicerat``.
    metod : Aggregering or {"poolad", "vägt medel", "medel"}, optional
        How to combine the regions, one of the three combining members of
        :class:`~halsouppfoljning.Aggregering` (or its string value):
        ``POOLAD`` (the ratio of sums, :term:`kvot av summor`), ``VÄGT_MEDEL``
        (the mean weighted by ``vikter``) or ``MEDEL`` (the unweighted mean of
        the regions). Default ``None`` chooses per indicator and period, as
        national statistics do: pooled when every region with data has a
        numerator and a denominator, else the weighted mean when ``vikter``
        are given, else an error. The unweighted mean is used only when asked
        for by name: it is not Riket's value.
    vikter : str, mapping or Series, optional
        Weights for the weighted mean [antal]: a column of the panel (e.g. the
        population per region and year) or a mapping from region (any
        spelling) to weight.
    grupper : mapping or Series, optional
        Region (any spelling) to group label, e.g. the six
        sjukvårdsregioner. The result then has one row per group. Every
        region of the panel needs a group (a region left out is an error
        naming it: drop its rows first to leave it out); a region given twice
        (in any two spellings) or Riket in ``grupper`` is an error.

    Returns
    -------
    pandas.DataFrame
        One row per indicator, period (and gender; and group when
        ``grupper``), columns ``värde``, ``metod`` (the rule used, as the
        string value of :class:`~halsouppfoljning.Aggregering`: ``"poolad"``,
        ``"vägt medel"`` or ``"medel"``; ``"inget underlag"`` when no region
        had data), ``antal_regioner``
        (regions used), ``exkluderade`` (regions in the panel not used:
        missing value, count or weight), ``täljare`` and ``nämnare`` (the sums,
        for the ratio of sums), and, without ``grupper``, ``publicerat`` (the
        Riket value printed in the source, NaN if none) and
        ``skillnad_mot_publicerat`` (``värde - publicerat``).

    Raises
    ------
    OgiltigtVärdeError
        If ``metod`` is not one of the three (the message lists them); if an
        indicator has shares without numerator and denominator for some region
        and neither ``vikter`` nor ``metod="medel"`` is given; if a weight is
        missing for a region or negative; if the panel holds a region twice
        for one indicator, period (and gender), in any two spellings; if
        ``grupper`` leaves a region of the panel out, or ``grupper`` or
        ``vikter`` name a region twice or name Riket.
    OkändRegionError
        If a label of the panel, ``grupper`` or ``vikter`` is neither a region
        nor Riket.
    SaknadKolumnError
        If the panel lacks a column or ``vikter`` names a missing column.

    Notes
    -----
    With :math:`t_i, n_i` the numerator and denominator of region
    :math:`i`, :math:`v_i` its value and :math:`w_i` its weight:

    .. math::

        \\text{poolad} = \\frac{\\sum_i t_i}{\\sum_i n_i}, \\qquad
        \\text{vägt medel} = \\frac{\\sum_i w_i v_i}{\\sum_i w_i}, \\qquad
        \\text{medel} = \\frac{1}{k}\\sum_i v_i

    A zero sum of denominators or weights gives NaN. Regions with a missing
    value (or count, or weight) are left out of that total and counted in
    ``exkluderade``. The mean of 21 regions' shares is not Riket's share:
    each region counts once, whatever its size.

    See Also
    --------
    regionpanel_från_kolada, regionpanel : build the panel.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> t = pd.DataFrame({2023: [30, 90]}, index=["0003", "0019"])
    >>> n = pd.DataFrame({2023: [100, 200]}, index=["0003", "0019"])
    >>> panel = hu.regionpanel(täljare=t, nämnare=n, indikator="x")
    >>> s = hu.sammanvägning(panel)
    >>> s[["värde", "metod", "antal_regioner"]]  # (30 + 90) / (100 + 200)
       värde   metod  antal_regioner
    0    0.4  poolad               2
    >>> hu.sammanvägning(panel, metod=hu.Aggregering.MEDEL)["värde"].round(3).tolist()
    [0.375]
    >>> hu.sammanvägning(panel, metod="medel")["metod"].tolist()
    ['medel']

    References
    ----------
    .. [#kolada-riket] RKA, Kolada: Riket's value of a share is computed from the national
       numerator and denominator, not as the mean of the regions.
    """
    vad = "sammanvägning"
    panel = _kontrollera_panel(panel, vad)
    val_av_metod = (
        None
        if metod is None
        else alternativ(metod, Aggregering, "sammanvägning: metod", bland=_SAMMANVÄGNINGAR)
    )
    nycklar = _nycklar(panel)
    är_riket = (panel["region"] == RIKET).to_numpy()
    regioner = panel.loc[~är_riket]
    if grupper is not None:
        if not isinstance(grupper, (Mapping, pd.Series)):
            raise FelTypError(
                f"{vad}: grupper must be a mapping or Series from region to group, got "
                f"{type(grupper).__name__}"
            )
        karta = _regionkarta(grupper, "grupper", vad)
        for region_, grupp_ in karta.items():
            try:
                hash(grupp_)
            except TypeError:
                raise FelTypError(
                    f"{vad}: grupper maps {region_!r} to {str(grupp_)[:40]!r}, which is not a "
                    "group label; give each region one label (text or a number)"
                ) from None
        saknas = [r for r in pd.unique(regioner["region"]) if r not in karta]
        if saknas:
            raise OgiltigtVärdeError(
                f"{vad}: grupper gives no group for {len(saknas)} region(s) of the panel: "
                f"{saknas[:5]!r}{' ...' if len(saknas) > 5 else ''}; a region left out would "
                "be dropped uncounted: add it to grupper, or drop its rows from the panel first"
            )
        grupp = regioner["region"].map(karta)
        if grupp.isna().any():
            utan = list(pd.unique(regioner.loc[grupp.isna().to_numpy(), "region"]))
            raise OgiltigtVärdeError(
                f"{vad}: grupper maps {utan[:5]!r} to a missing group (None or NaN); give "
                "every region a group label, or drop its rows from the panel first"
            )
        regioner = regioner.assign(grupp=grupp)
        nycklar = ["grupp", *nycklar]
    w = _vikter(regioner, vikter) if vikter is not None else np.full(len(regioner), np.nan)

    v = regioner["värde"].to_numpy(dtype=float)
    t = regioner["täljare"].to_numpy(dtype=float) if "täljare" in regioner else v * np.nan
    n = regioner["nämnare"].to_numpy(dtype=float) if "nämnare" in regioner else v * np.nan
    har_kvot = np.isfinite(t) & np.isfinite(n)
    har_värde = np.isfinite(v)
    har_något = har_värde | har_kvot
    har_vikt = har_värde & np.isfinite(w)

    grupper_df = regioner[nycklar]
    idx = grupper_df.groupby(nycklar, sort=True, dropna=False).ngroup().to_numpy()
    utdata = grupper_df.drop_duplicates().assign(_g=idx[~grupper_df.duplicated().to_numpy()])
    utdata = utdata.sort_values("_g").reset_index(drop=True)
    k = len(utdata)

    def summa(x: _F64, mask: npt.NDArray[np.bool_]) -> _F64:
        return np.bincount(idx, weights=np.where(mask, x, 0.0), minlength=k).astype(float)

    antal_rader = np.bincount(idx, minlength=k)
    n_kvot = np.bincount(idx, weights=har_kvot, minlength=k)
    n_något = np.bincount(idx, weights=har_något, minlength=k)
    n_vikt = np.bincount(idx, weights=har_vikt, minlength=k)
    n_värde = np.bincount(idx, weights=har_värde, minlength=k)
    sum_t, sum_n = summa(t, har_kvot), summa(n, har_kvot)
    sum_wv, sum_w = summa(w * v, har_vikt), summa(w, har_vikt)
    sum_v = summa(v, har_värde)

    if val_av_metod is None:
        kvot = (n_kvot == n_något) & (n_kvot > 0)
        if vikter is None:
            omöjlig = ~kvot & (n_något > 0)
            if omöjlig.any():
                fall = utdata.loc[omöjlig, nycklar].iloc[0].to_dict()
                raise OgiltigtVärdeError(
                    f"sammanvägning: {fall} of panel has values without numerator and "
                    "denominator for some region, so the ratio of sums (Riket's definition) "
                    "cannot be formed; pass vikter= (population or counts per region) for a "
                    "weighted mean (metod=hu.Aggregering.VÄGT_MEDEL), or "
                    "metod=hu.Aggregering.MEDEL ('medel') for the unweighted mean of the regions"
                )
        val = np.where(kvot, _POOLAD, _VÄGT_MEDEL).astype(object)
    else:
        if val_av_metod is Aggregering.VÄGT_MEDEL and vikter is None:
            raise OgiltigtVärdeError(
                "sammanvägning: metod='vägt medel' (hu.Aggregering.VÄGT_MEDEL) needs vikter= "
                "(a column of the panel or a mapping from region to weight)"
            )
        val = np.full(k, val_av_metod.value, dtype=object)
    with np.errstate(divide="ignore", invalid="ignore"):
        kvotvärde = np.where(sum_n > 0, sum_t / sum_n, np.nan)
        viktvärde = np.where(sum_w > 0, sum_wv / sum_w, np.nan)
        medel = np.where(n_värde > 0, sum_v / n_värde, np.nan)
    är_kvot = val == _POOLAD
    är_vikt = val == _VÄGT_MEDEL
    värde = np.where(är_kvot, kvotvärde, np.where(är_vikt, viktvärde, medel))
    använda = np.where(är_kvot, n_kvot, np.where(är_vikt, n_vikt, n_värde)).astype(np.int64)
    val = np.where(n_något == 0, "inget underlag", val)
    utdata = utdata.drop(columns="_g").assign(
        värde=värde,
        metod=val,
        antal_regioner=använda,
        exkluderade=(antal_rader - använda).astype(np.int64),
        täljare=np.where(är_kvot, sum_t, np.nan),
        nämnare=np.where(är_kvot, sum_n, np.nan),
    )
    if grupper is None:
        riket = panel.loc[är_riket, [*nycklar, "värde"]].rename(columns={"värde": "publicerat"})
        utdata = utdata.merge(riket, on=nycklar, how="left")
        utdata["skillnad_mot_publicerat"] = utdata["värde"] - utdata["publicerat"]
    utdata["metod"] = utdata["metod"].astype(str)
    return utdata


# --------------------------------------------------------------------------- change


def _avser(etikett: object) -> Period | None:
    """The :class:`Period` a panel's period label denotes (a year is its helår), if any."""
    if isinstance(etikett, Period):
        return etikett
    try:
        if isinstance(etikett, (int, np.integer)) and not isinstance(etikett, bool):
            return Period.helår(int(etikett))
        if isinstance(etikett, str):
            return Period.tolka(etikett)
    except HalsouppfoljningError:
        return None
    return None


def _lika(a: object, b: object) -> bool:
    """Whether two period labels are equal (a comparison that fails is not equal)."""
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _etikett(val: Hashable, etiketter: Iterable[Hashable], vad: str, namn: str) -> Hashable:
    """The panel's label for ``val``: a :class:`Period` names the one label denoting it;
    any other value must be one of the labels (the message lists them)."""
    lista = list(etiketter)
    visas = f"{lista[:8]!r}{' ...' if len(lista) > 8 else ''}"
    if isinstance(val, Period):
        träffar = [e for e in lista if _avser(e) == val]
        if len(träffar) != 1:
            vilka = "no label" if not träffar else f"several labels ({träffar!r})"
            raise OgiltigtVärdeError(
                f"{vad}: {namn} {str(val)!r} matches {vilka} of the panel's periods "
                f"{visas}; a year such as 2023 is Period.helår(2023), text labels are read "
                "as hu.Period.tolka reads them"
            )
        return träffar[0]
    try:
        hash(val)
    except TypeError:
        raise FelTypError(
            f"{vad}: {namn} must be 'första' or 'senaste', a period of the panel (one of "
            f"{visas}), a hu.Period or a mapping from indicator id to period; got a "
            f"{type(val).__name__}"
        ) from None
    träffar = (
        []
        if isinstance(val, (bool, np.bool_)) or val is None or val is pd.NA
        else [e for e in lista if _lika(val, e)]
    )
    if not träffar:
        raise OgiltigtVärdeError(
            f"{vad}: {namn} {str(val)[:40]!r} is not a period of the panel; its periods are "
            f"{visas}: give one of them, a hu.Period, or 'första'/'senaste'"
        )
    return träffar[0]


def _periodunderlag(panel: pd.DataFrame, grupp: list[str]) -> pd.DataFrame:
    """The rows whose periods decide ``"första"``/``"senaste"``, per indicator (and gender).

    The regions' rows; for an indicator (and gender) where no region has a
    value, Riket's rows, so a panel of national figures only compares too.
    """
    är_riket = (panel["region"] == RIKET).to_numpy()
    med_regionvärde = panel.loc[~är_riket & panel["värde"].notna().to_numpy(), grupp]
    if len(med_regionvärde) == 0:
        return panel
    kända = med_regionvärde.drop_duplicates().assign(_har_region=True)
    har_region = panel[grupp].merge(kända, on=grupp, how="left")["_har_region"].notna().to_numpy()
    return panel.loc[~är_riket | ~har_region]


def _period_per_indikator(
    regioner: pd.DataFrame,
    grupp: list[str],
    val: PeriodVal,
    vad: str,
    namn: str,
    argument: str,
) -> pd.DataFrame:
    """The reference or comparison period of every indicator (and gender); ``namn`` is the
    result column, ``argument`` the keyword (quoted in messages)."""
    med_värde = regioner.loc[regioner["värde"].notna(), [*grupp, "period"]]
    if isinstance(val, str) and val in ("första", "senaste"):
        agg = "min" if val == "första" else "max"
        return med_värde.groupby(grupp, sort=False)["period"].agg(agg).rename(namn).reset_index()
    alla = regioner[grupp].drop_duplicates()
    etiketter = pd.unique(regioner["period"].to_numpy(dtype=object))
    if isinstance(val, Mapping):
        karta = {
            nfc(str(k)): _etikett(p, etiketter, vad, f"{argument}[{k!r}]") for k, p in val.items()
        }
        saknas = [i for i in alla["indikator"].unique() if i not in karta]
        if saknas:
            raise OgiltigtVärdeError(
                f"{vad}: {argument} has no period for indicator(s) {saknas[:5]!r}; give one "
                "for every indicator in the panel, or 'första'/'senaste'"
            )
        return alla.assign(**{namn: alla["indikator"].map(karta).to_numpy()})
    etikett: Any = _etikett(val, etiketter, vad, argument)
    return alla.assign(**{namn: etikett})


def förändring(
    panel: pd.DataFrame,
    *,
    riktning: RiktningIn = None,
    referens: PeriodVal = "första",
    period: PeriodVal = "senaste",
    andelar: str | Iterable[str] | None = None,
    tröskel: float = 0.0,
) -> pd.DataFrame:
    """Direction-signed change of every region (and Riket) against a reference period.

    National reports show development since a reference year with the sign
    turned so that positive is better. This gives, for every region,
    indicator (and gender): the relative change through
    :func:`~halsouppfoljning.procentuell_förändring`, the difference in
    :term:`procentenheter` for shares through
    :func:`~halsouppfoljning.procentenheter`, and whether the value is worse
    than at the reference.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`.
    riktning : Riktning or mapping, optional
        The good direction: one for every indicator, or a mapping from
        indicator id to :class:`~halsouppfoljning.Riktning`. Default ``None``
        looks each indicator up in ``panel.attrs["riktning"]`` (set by
        :func:`~halsouppfoljning.hämta_kolada`), then in the bundled curated
        table of Kolada KPIs (:func:`~halsouppfoljning.kolada_riktningar`)
        and the bundled core indicators of god och nära vård
        (:func:`halsouppfoljning.exempeldata.kärnindikatorer_nära_vård`), so a
        fetched Kolada panel needs no direction from the caller.
    referens : "första", period or mapping
        The reference period (the earlier one). ``"första"`` (default): per
        indicator (and gender), the first period in which any region has a
        value, so the first comparable year can differ between indicators;
        where no region has a value (a panel of national figures only),
        Riket's first period with a value. A single period applies to all; a
        mapping gives one per indicator (e.g. the year a definition changed).
        A period is a label of the panel's ``period`` column or a
        :class:`~halsouppfoljning.Period`, which stands for the label that
        denotes it (``Period.helår(2023)`` for the year 2023,
        ``Period.tertial(2023, 1)`` for ``"T1 2023"``).
    period : "senaste", period or mapping
        The compared (later) period, given as ``referens`` is; ``"senaste"``
        (default) is the last period with any value, per indicator.
    andelar : str or iterable of str, optional
        Indicators whose values are shares [andel, 0-1], for which
        ``procentenheter`` is computed. Default ``None``: those whose bundled
        unit is ``andel`` (core indicators and curated Kolada KPIs).
    tröskel : float
        ``försämrad`` is true when the signed difference is below
        ``-tröskel`` [the indicator's unit], ``tröskel >= 0``. Default 0: any
        worsening.

    Returns
    -------
    pandas.DataFrame
        One row per region (Riket included), indicator (and gender); columns
        ``referensperiod``, ``referensvärde``, ``period``, ``värde``,
        ``förändring`` (relative change, positive = better [andel]: 0.1 is
        +10 %), ``differens`` (``värde - referensvärde`` signed so that
        positive = better [the indicator's unit]), ``procentenheter`` (the
        same for shares [andel]: 0.04 is 4 procentenheter; NaN for other
        indicators), ``försämrad`` (nullable boolean; NA when either value is
        missing).

    Raises
    ------
    OgiltigtVärdeError
        If an indicator has no direction, or its direction is
        ``INOM_INTERVALL``; if ``referens``/``period`` lacks an indicator, is
        not a period of the panel, or is a :class:`~halsouppfoljning.Period`
        that matches no label of the panel (or several); if ``tröskel`` is
        negative; if ``andelar`` names an indicator the panel does not hold;
        if the panel holds a region twice (in any two spellings).
    FelTypError
        If ``referens``/``period`` is neither a keyword, a label, a Period nor
        a mapping (e.g. a list).
    AndelsError
        If an indicator listed in ``andelar`` has values above 1 ("did you
        pass percent?").

    Notes
    -----
    With :math:`s = +1` when higher is better and :math:`-1` when lower is
    better:

    .. math::

        \\text{förändring} = s\\,\\frac{v - r}{|r|}, \\qquad
        \\text{differens} = s\\,(v - r), \\qquad
        \\text{försämrad} = \\text{differens} < -\\text{tröskel}

    See Also
    --------
    sämre_än_första_mätningen : the flag for a whole set of indicators.
    halsouppfoljning.procentuell_förändring, halsouppfoljning.procentenheter

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> tabell = pd.DataFrame({2019: [0.50, 0.40], 2023: [0.60, 0.30]},
    ...                       index=["Uppsala", "Västmanland"])
    >>> panel = hu.regionpanel(tabell, indikator="x")
    >>> f = hu.förändring(panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE, andelar=["x"])
    >>> f[["region", "förändring", "procentenheter", "försämrad"]].round(3)
                   region  förändring  procentenheter  försämrad
    0      Region Uppsala        0.20             0.1      False
    1  Region Västmanland       -0.25            -0.1       True
    >>> g = hu.förändring(panel, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE,
    ...                   referens=hu.Period.helår(2019), period=hu.Period.helår(2023))
    >>> g[["referensperiod", "period"]].iloc[0].tolist()
    [2019, 2023]
    """
    return _förändring(
        panel,
        riktning=riktning,
        referens=referens,
        period=period,
        andelar=andelar,
        tröskel=tröskel,
        vad="förändring",
    )


def _förändring(
    panel: pd.DataFrame,
    *,
    riktning: RiktningIn,
    referens: PeriodVal,
    period: PeriodVal,
    andelar: str | Iterable[str] | None,
    tröskel: float,
    vad: str,
) -> pd.DataFrame:
    """:func:`förändring`, with the name of the public function that was called."""
    panel = _kontrollera_panel(panel, vad)
    grupp = ["indikator"] + (["kön"] if "kön" in panel.columns else [])
    serie = ["region", *grupp]
    underlag = _periodunderlag(panel, grupp)
    ref = _period_per_indikator(underlag, grupp, referens, vad, "referensperiod", "referens")
    jmf = _period_per_indikator(underlag, grupp, period, vad, "period", "period")
    rader = panel[serie].drop_duplicates()
    rader = rader.merge(ref, on=grupp, how="left").merge(jmf, on=grupp, how="left")
    värden = panel[[*serie, "period", "värde"]]
    rader = rader.merge(
        värden.rename(columns={"period": "referensperiod", "värde": "referensvärde"}),
        on=[*serie, "referensperiod"],
        how="left",
    ).merge(värden, on=[*serie, "period"], how="left")
    rader = rader.assign(_ordning=_regionordning(rader["region"]))
    rader = rader.sort_values([*grupp, "_ordning"], kind="stable").drop(columns="_ordning")
    rader = rader.reset_index(drop=True)

    v = rader["värde"].to_numpy(dtype=float)
    r = rader["referensvärde"].to_numpy(dtype=float)
    tecken = _tecken(rader["indikator"], riktning, vad, panel.attrs)
    relativ = np.full(len(rader), np.nan)
    for s, rikt in ((1.0, Riktning.HÖGRE_ÄR_BÄTTRE), (-1.0, Riktning.LÄGRE_ÄR_BÄTTRE)):
        mask = tecken == s
        if mask.any():
            relativ[mask] = procentuell_förändring(v[mask], r[mask], riktning=rikt)
    differens = tecken * (v - r) + 0.0
    if andelar is None:
        andelsid = set(_bundna_andelar())
    else:
        andelsid = set(som_lista(andelar, f"{vad}: andelar"))
        okända = sorted(andelsid - set(panel["indikator"].astype(str)))
        if okända:
            raise OgiltigtVärdeError(
                f"{vad}: andelar names indicator(s) {okända[:5]!r} that the panel does "
                f"not hold (it holds {sorted(set(panel['indikator'].astype(str)))[:8]!r}); "
                "list the panel's share indicators by their id"
            )
    är_andel = rader["indikator"].isin(andelsid).to_numpy()
    pe = np.full(len(rader), np.nan)
    if är_andel.any():
        kontrollera_andel(v[är_andel], f"{vad}: the värde of a share indicator (andelar)")
        kontrollera_andel(r[är_andel], f"{vad}: the referensvärde of a share indicator (andelar)")
        pe[är_andel] = tecken[är_andel] * procentenheter(v[är_andel], r[är_andel]) + 0.0
    gräns = skalär(tröskel, f"{vad}: tröskel")
    if gräns < 0:
        raise OgiltigtVärdeError(
            f"{vad}: tröskel must be >= 0 (how much worse counts as worse), got {gräns:g}; a "
            "negative tröskel would call an improvement försämrad"
        )
    försämrad = pd.array(differens < -gräns, dtype="boolean")
    försämrad[np.isnan(differens)] = pd.NA
    return rader.assign(
        förändring=relativ, differens=differens, procentenheter=pe, försämrad=försämrad
    )


def sämre_än_första_mätningen(
    panel: pd.DataFrame,
    *,
    riktning: RiktningIn = None,
    referens: PeriodVal = "första",
    tröskel: float = 0.0,
) -> pd.DataFrame:
    """Flag every region and indicator whose latest value is worse than at the first measurement.

    National tables of the core indicators mark the regions whose latest
    value is worse than at the indicator's first measurement. This does it
    for a whole set of indicators at once; the first comparable year can
    differ per indicator.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`. With a ``kön`` column, it must hold one gender
        only (filter first, e.g. ``panel[panel["kön"] == "T"]``).
    riktning : Riktning or mapping, optional
        As in :func:`förändring` (default: ``panel.attrs["riktning"]``, the
        curated Kolada KPIs and the bundled core indicators).
    referens : "första", period or mapping
        The first comparable period, the reference: ``"första"`` (default)
        is, per indicator, the first period in which any region has a value;
        or one period for all (a label or a :class:`~halsouppfoljning.Period`,
        as in :func:`förändring`), or a mapping from indicator to period.
    tröskel : float
        Worse means a signed difference below ``-tröskel`` [the indicator's
        unit]; default 0.

    Returns
    -------
    pandas.DataFrame
        Index ``region`` (Riket first, then länskod order), one nullable
        boolean column per indicator: True worse, False not worse, NA not
        comparable (a value missing in either period).
        ``attrs["referensperiod"]`` (the first measurement) and
        ``attrs["period"]`` (the latest) map each indicator to the periods
        compared.

    Raises
    ------
    OgiltigtVärdeError
        If the panel holds more than one gender, or as :func:`förändring`.

    Notes
    -----
    Worse means :math:`s\\,(v_{senaste} - v_{första}) < -\\text{tröskel}`, with
    :math:`s = \\pm 1` the good direction (see :func:`förändring`).

    See Also
    --------
    förändring : the changes behind the flag.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> a = hu.regionpanel(pd.DataFrame({2019: [10.0, 12.0], 2023: [9.0, 13.0]},
    ...                    index=["03", "19"]), indikator="påverkbar_slutenvård")
    >>> b = hu.regionpanel(pd.DataFrame({2021: [0.5, 0.6], 2023: [0.4, 0.6]},
    ...                    index=["03", "19"]), indikator="delaktighet")
    >>> flagga = hu.sämre_än_första_mätningen(pd.concat([a, b]))
    >>> flagga
    indikator           delaktighet  påverkbar_slutenvård
    region
    Region Uppsala             True                 False
    Region Västmanland        False                  True
    >>> flagga.attrs["referensperiod"]
    {'delaktighet': 2021, 'påverkbar_slutenvård': 2019}
    """
    vad = "sämre_än_första_mätningen"
    panel = _kontrollera_panel(panel, vad)
    if "kön" in panel.columns and len(set(panel["kön"])) > 1:
        raise OgiltigtVärdeError(
            f"{vad}: the panel holds the genders {sorted(panel['kön'].unique())!r}; filter "
            "one first, e.g. panel[panel['kön'] == 'T']"
        )
    f = _förändring(
        panel,
        riktning=riktning,
        referens=referens,
        period="senaste",
        tröskel=tröskel,
        andelar=(),
        vad=vad,
    )
    tabell = f.pivot(index="region", columns="indikator", values="försämrad")  # noqa: PD010
    ordning = _regionordning(pd.Series(tabell.index))
    tabell = tabell.iloc[np.argsort(ordning, kind="stable")].astype("boolean")
    tabell.attrs["referensperiod"] = _per_indikator(f, "referensperiod")
    tabell.attrs["period"] = _per_indikator(f, "period")
    return tabell


def _per_indikator(f: pd.DataFrame, namn: str) -> dict[str, Any]:
    par = f[["indikator", namn]].drop_duplicates("indikator")
    return {
        str(i): (p.item() if isinstance(p, np.generic) else p)
        for i, p in zip(par["indikator"], par[namn], strict=True)
    }


# --------------------------------------------------------------------------- ranking


def rangordning(
    panel: pd.DataFrame,
    *,
    riktning: RiktningIn = None,
    metod: _Rangmetod = "min",
    etikett: str = "region",
    per: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Position (:term:`rang`) of each region, or any labelled item, 1 = best in the good direction.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`. Riket's rows are kept but not ranked. With
        ``etikett``, any table with that column and ``värde``: the dimensions
        of a survey, the units of a region, the indicators of a styrkort.
    riktning : Riktning or mapping, optional
        The good direction (see :func:`förändring`); default the bundled
        directions (core indicators, the curated Kolada KPIs and
        ``panel.attrs["riktning"]``). ``INOM_INTERVALL`` cannot be ranked. A
        table without an ``indikator`` column needs one
        :class:`~halsouppfoljning.Riktning`.
    metod : {"min", "max", "dense", "first", "average"}
        How ties are ranked (as :meth:`pandas.Series.rank`). Default
        ``"min"``: tied regions share the best of their places and the next
        place is skipped (1, 2, 2, 4), as league tables print. ``"first"``
        breaks ties by row order (a permutation of 1..n; länskod order in a
        region panel), ``"max"`` gives the worst shared place, ``"dense"``
        does not skip (1, 2, 2, 3), ``"average"`` gives the mean place
        (1, 2.5, 2.5, 4).
    etikett : str
        The column naming what is ranked; default ``"region"`` (where the
        rows of Riket are not ranked). With any other column every row is an
        item to rank.
    per : str or iterable of str, optional
        Further columns to split the ranking by (one ranking per value), on
        top of ``indikator``, ``period`` and ``kön`` where the table has them.

    Returns
    -------
    pandas.DataFrame
        The table with ``rang`` (nullable integer; float for
        ``"average"``; NA for Riket and missing values) and
        ``antal_jämförda`` (items with a value in that indicator, period,
        gender and ``per`` group), plus ``attrs["rangmetod"]`` and
        ``attrs["etikett"]``.

    Raises
    ------
    OgiltigtVärdeError
        If ``metod`` is unknown, an indicator has no direction or the
        direction ``INOM_INTERVALL``, or a table without ``indikator`` gets
        no single direction; if a region panel holds a region twice for one
        indicator, period (and gender), in any two spellings (every spelling
        of Riket is Riket, never ranked); if a value is not a finite number.
    OkändRegionError
        If a label of a region panel is neither a region nor Riket.
    SaknadKolumnError
        If ``etikett``, ``per`` or ``värde`` is not a column.

    Notes
    -----
    The rank is that of :math:`-s\\,v` in ascending order, with :math:`s = +1`
    when higher is better and :math:`-1` when lower is better, per indicator,
    period (and gender, and ``per`` group).

    See Also
    --------
    färgklasser : colour classes, e.g. by rank.

    References
    ----------
    .. [#kolada-rang] RKA, Kolada, "Guide till tabeller och diagram": every region is
       ranked on each key figure.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> tabell = pd.DataFrame({2023: [0.6, 0.8, 0.6, 0.7]},
    ...                       index=["03", "19", "04", "Riket"])
    >>> p = hu.rangordning(hu.regionpanel(tabell, indikator="x"),
    ...                    riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    >>> p[["region", "värde", "rang"]]
                   region  värde  rang
    0               Riket    0.7  <NA>
    1      Region Uppsala    0.6     2
    2     Region Sörmland    0.6     2
    3  Region Västmanland    0.8     1

    The dimensions of a patient survey, ranked within each year:

    >>> enkät = pd.DataFrame({"dimension": ["Respekt", "Information", "Delaktighet"] * 2,
    ...                       "år": [2022] * 3 + [2024] * 3,
    ...                       "värde": [0.86, 0.75, 0.70, 0.85, 0.78, 0.79]})
    >>> r = hu.rangordning(enkät, etikett="dimension", per="år",
    ...                    riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    >>> r["rang"].tolist()
    [1, 2, 3, 1, 3, 2]
    """
    vad = "rangordning"
    if not _är_val(metod, _RANGMETODER):
        raise OgiltigtVärdeError(
            f"rangordning: metod (how ties are ranked) must be one of {_RANGMETODER!r}, "
            f"got {str(metod)[:40]!r}"
        )
    etikett = text(etikett, "rangordning: etikett (the column naming what is ranked)")
    if etikett == "region":
        panel = _kontrollera_panel(panel, vad)
    else:
        ramtyp(
            panel, vad, argument="panel (a table with the etikett and värde columns)", dask=False
        )
        unika_kolumner(panel, vad, argument="panel")
        kontrollera_kolumner(panel.columns, [etikett, "värde"], vad)
        tal_array(panel["värde"], f"{vad}: the värde column of panel")
    grupper = [kolumn(panel.columns, k, vad, argument="per") for k in som_lista(per, "per")]
    rang, antal = _rang(panel, riktning, metod, vad, omvänd=False, etikett=etikett, per=grupper)
    ut = panel.assign(rang=rang, antal_jämförda=antal)
    if metod != "average":
        ut["rang"] = ut["rang"].astype("Int64")
    ut.attrs["rangmetod"] = metod
    ut.attrs["etikett"] = etikett
    return ut


def _rang(
    panel: pd.DataFrame,
    riktning: RiktningIn,
    metod: _Rangmetod,
    vad: str,
    *,
    omvänd: bool,
    etikett: str = "region",
    per: Iterable[Hashable] = (),
) -> tuple[_F64, npt.NDArray[np.int64]]:
    if etikett == "region":
        jämförs = (panel["region"] != RIKET).to_numpy()
    else:
        jämförs = np.ones(len(panel), dtype=bool)
    if "indikator" in panel.columns:
        indikator = panel["indikator"]
    elif isinstance(riktning, (Riktning, str)):
        indikator = pd.Series(np.full(len(panel), "värde", dtype=object), index=panel.index)
    else:
        raise OgiltigtVärdeError(
            f"{vad}: the table has no 'indikator' column, so there is no indicator to look "
            f"a direction up for (got riktning={riktning!r}); pass one direction, e.g. "
            "riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE"
        )
    tecken = _tecken(indikator, riktning, vad, panel.attrs) if len(panel) else np.zeros(0)
    v = panel["värde"].to_numpy(dtype=float)
    nyckel = pd.Series(np.where(jämförs, (tecken if omvänd else -tecken) * v, np.nan))
    nycklar: list[Hashable] = [
        k for k in ("indikator", "period", "kön") if k in panel.columns and k != etikett
    ]
    nycklar += [k for k in per if k not in nycklar]
    grupper = [panel[k].reset_index(drop=True) for k in nycklar]
    if not grupper:
        grupper = [pd.Series(np.zeros(len(panel), dtype=np.int64))]
    rang = nyckel.groupby(grupper, sort=False, dropna=False).rank(method=metod)
    antal = nyckel.groupby(grupper, sort=False, dropna=False).transform("count")
    return (
        np.asarray(rang.to_numpy(dtype=float), dtype=np.float64),
        np.asarray(antal.to_numpy(dtype=np.int64), dtype=np.int64),
    )


# --------------------------------------------------------------------------- colours


def _bästa(värde: float | None) -> float | None:
    """A converter of Färgregel.bästa: a finite number, or ``None``."""
    return None if värde is None else skalär(värde, "Färgregel.bästa")


def _sämsta(värde: float | None) -> float | None:
    """A converter of Färgregel.sämsta: a finite number, or ``None``."""
    return None if värde is None else skalär(värde, "Färgregel.sämsta")


def _marginal(värde: float | None) -> float | None:
    """A converter of Färgregel.marginal: a finite number, or ``None``."""
    return None if värde is None else skalär(värde, "Färgregel.marginal")


def _valfritt_heltal(värde: int | None) -> int | None:
    """A converter of Färgregel.avrundning: a whole number of decimals, or ``None``."""
    return None if värde is None else heltal(värde, "Färgregel.avrundning", minst=0, högst=15)


def _relativ(värde: bool) -> bool:
    """A converter of Färgregel.relativ: True or False only."""
    return boolesk(värde, "Färgregel.relativ")


def _regeltyp(värde: str) -> str:
    """A converter of Färgregel.typ: one of the three kinds, as text."""
    typ = text(värde, "Färgregel.typ").casefold()
    if typ not in ("rang", "median", "mål"):
        raise OgiltigtVärdeError(
            f"Färgregel.typ must be 'rang', 'median' or 'mål', got {värde!r}; use the "
            "constructors Färgregel.rang(), .median() or .mål()"
        )
    return str(typ)


def _kontrollera_målnivå(instans: Any, attribut: Any, värde: Any) -> None:
    """A validator of Färgregel.målnivå: None, a Målnivå, or a mapping from id to Målnivå."""
    if värde is None or isinstance(värde, Målnivå):
        return
    if isinstance(värde, Mapping):
        for k, m in värde.items():
            text(k, "Färgregel.målnivå: an indicator id (a key)")
            if not isinstance(m, Målnivå):
                raise FelTypError(
                    f"Färgregel.målnivå[{k!r}] must be a hu.Målnivå, got {type(m).__name__}; "
                    "build it with hu.Målnivå.tolka('≥80 %') or hu.Målnivå.minst(0.8)"
                )
        return
    raise FelTypError(
        f"Färgregel.målnivå must be a hu.Målnivå or a mapping from indicator id to Målnivå, "
        f"got {type(värde).__name__} {str(värde)[:40]!r}; build it with "
        "hu.Målnivå.tolka('≥80 %') or hu.Målnivå.minst(0.8)"
    )


def _kontrollera_delvis(instans: Any, attribut: Any, värde: Any) -> None:
    """A validator of Färgregel.delvis: None or a Delvis."""
    if värde is not None and not isinstance(värde, Delvis):
        raise FelTypError(
            f"Färgregel.delvis must be a hu.Delvis or None, got {type(värde).__name__}; "
            "e.g. hu.Delvis.marginal(0.05)"
        )


#: The fields each kind of Färgregel takes (the others must keep their defaults).
_REGELFÄLT = {
    "rang": ("bästa", "sämsta"),
    "median": ("marginal", "relativ"),
    "mål": ("målnivå", "avrundning", "delvis"),
}


@attrs.frozen(kw_only=True)
class Färgregel:
    """An explicit rule for colour classes (*färgklasser*) of regions: green, yellow, red.

    Build one with a named constructor: :meth:`rang` (share of the regions by
    rank, as Kolada's comparison colours), :meth:`median` (distance to the
    regions' median, as SKR's tables) or :meth:`mål` (against a target level,
    with :func:`~halsouppfoljning.måluppfyllelse`). The rule and its cut-offs
    travel with the result of :func:`färgklasser`.

    Parameters
    ----------
    typ : {"rang", "median", "mål"}
        The kind of rule.
    bästa, sämsta : float, optional
        For ``"rang"``: the share of the ranked regions coloured green (the
        best) and red (the worst) [andel, 0-1].
    marginal : float, optional
        For ``"median"``: the half-width of the yellow band around the median
        [the indicator's unit, or a proportion of the median when
        ``relativ``].
    relativ : bool
        For ``"median"``: measure the distance relative to the median.
    målnivå : Målnivå or mapping, optional
        For ``"mål"``: the target level, or a mapping from indicator to
        target.
    avrundning : int, optional
        For ``"mål"``: compare at this many decimals of the published scale
        (passed to ``måluppfyllelse``).
    delvis : Delvis, optional
        For ``"mål"``: the rule for "partly met" (yellow), passed to
        ``måluppfyllelse``; without one there is no yellow.

    Raises
    ------
    OgiltigtVärdeError
        For an unknown ``typ``, shares outside [0, 1] or with
        ``bästa + sämsta > 1``, a negative or infinite ``marginal``, a
        missing field the rule needs, or a field of another kind of rule
        (e.g. ``marginal`` for ``"rang"``).
    FelTypError
        For a field of the wrong type: text where a number is due, a
        ``målnivå`` that is not a :class:`~halsouppfoljning.Målnivå` (or a
        mapping of them), ``relativ`` not a boolean, ``delvis`` not a
        :class:`~halsouppfoljning.Delvis`.

    See Also
    --------
    färgklasser : apply the rule to a panel.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Färgregel.rang(0.25, 0.25).beskrivning()
    'rang: best 25 % of the ranked regions green, worst 25 % red, the rest yellow'
    >>> print(hu.Färgregel.median(0.02).beskrivning())
    median: green when better than the regions' median by more than 0.02, red when worse by
    more than 0.02, else yellow
    """

    typ: str = attrs.field(converter=_regeltyp)
    bästa: float | None = attrs.field(default=None, converter=_bästa)
    sämsta: float | None = attrs.field(default=None, converter=_sämsta)
    marginal: float | None = attrs.field(default=None, converter=_marginal)
    relativ: bool = attrs.field(default=False, converter=_relativ)
    målnivå: Målnivå | Mapping[str, Målnivå] | None = attrs.field(
        default=None, validator=_kontrollera_målnivå
    )
    avrundning: int | None = attrs.field(default=None, converter=_valfritt_heltal)
    delvis: Delvis | None = attrs.field(default=None, validator=_kontrollera_delvis)

    def __attrs_post_init__(self) -> None:
        egna = _REGELFÄLT[self.typ]
        for fält in attrs.fields(type(self)):
            if fält.name == "typ" or fält.name in egna:
                continue
            if getattr(self, fält.name) != fält.default:
                raise OgiltigtVärdeError(
                    f"Färgregel {self.typ!r} takes no {fält.name} (it takes "
                    f"{', '.join(egna)}); leave {fält.name} out, or use the constructor of the "
                    "rule it belongs to (Färgregel.rang(), .median() or .mål())"
                )
        if self.typ == "rang":
            if self.bästa is None or self.sämsta is None:
                raise OgiltigtVärdeError("Färgregel 'rang' needs bästa and sämsta shares")
            kontrollera_andel([self.bästa, self.sämsta], "Färgregel.bästa/sämsta")
            if self.bästa + self.sämsta > 1.0 + 1e-12:
                raise OgiltigtVärdeError(
                    f"Färgregel: bästa + sämsta must not exceed 1 (all regions), got "
                    f"{self.bästa} + {self.sämsta}"
                )
        elif self.typ == "median":
            if self.marginal is None or self.marginal < 0:
                raise OgiltigtVärdeError(
                    f"Färgregel 'median' needs a marginal >= 0, got {self.marginal!r}"
                )
            if self.relativ:
                kontrollera_andel(self.marginal, "Färgregel.marginal (relativ, a proportion)")
        elif self.målnivå is None:
            raise OgiltigtVärdeError("Färgregel 'mål' needs a målnivå (or a mapping of them)")

    @classmethod
    def rang(cls, bästa: float, sämsta: float) -> Färgregel:
        """Colour by rank: the best share ``bästa`` green, the worst share ``sämsta`` red.

        Kolada's comparison ranks all regions on the key figure and colours
        the best results green, the worst red and those in the middle yellow;
        pass the shares of the comparison you reproduce (e.g. 0.25 and 0.25
        for quarters, 1/3 and 1/3 for thirds).

        Parameters
        ----------
        bästa, sämsta : float
            Shares of the ranked regions [andel, 0-1].

        Returns
        -------
        Färgregel

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Färgregel.rang(1/3, 1/3).typ
        'rang'

        References
        ----------
        .. [#kolada-jamforaren] RKA, Kolada, "Guide till tabeller och diagram" (Jämföraren):
           "de bästa resultaten får grön färg, de sämsta får röd färg och de
           i mitten får gul färg"; missing data grey.
        """
        return cls(typ="rang", bästa=bästa, sämsta=sämsta)

    @classmethod
    def median(cls, marginal: float, *, relativ: bool = False) -> Färgregel:
        """Colour by distance to the regions' median, with a yellow band of ``marginal``.

        Parameters
        ----------
        marginal : float
            Half-width of the yellow band [the indicator's unit; a proportion
            of the median when ``relativ``].
        relativ : bool
            Measure the distance relative to the median's magnitude.

        Returns
        -------
        Färgregel

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Färgregel.median(0.1, relativ=True).relativ
        True
        """
        return cls(typ="median", marginal=marginal, relativ=relativ)

    @classmethod
    def mål(
        cls,
        målnivå: Målnivå | Mapping[str, Målnivå],
        *,
        avrundning: int | None = None,
        delvis: Delvis | None = None,
    ) -> Färgregel:
        """Colour by the target: met green, partly met yellow, not met red.

        Parameters
        ----------
        målnivå : Målnivå or mapping
            The target level, or a mapping from indicator id to target.
        avrundning : int, optional
            Compare at this many decimals of the published scale.
        delvis : Delvis, optional
            The rule for "partly met" (yellow); without one, no yellow.

        Returns
        -------
        Färgregel

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Färgregel.mål(hu.Målnivå.tolka("≥80 %")).typ
        'mål'
        """
        return cls(typ="mål", målnivå=målnivå, avrundning=avrundning, delvis=delvis)

    def beskrivning(self) -> str:
        """The rule in words, for captions and tables.

        Returns
        -------
        str

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Färgregel.median(0.1, relativ=True).beskrivning()  # doctest: +ELLIPSIS
        "median: green when better than the regions' median by more than 10 % of it, ..."
        """
        if self.typ == "rang":
            assert self.bästa is not None
            assert self.sämsta is not None
            return (
                f"rang: best {self.bästa * 100:.3g} % of the ranked regions green, "
                f"worst {self.sämsta * 100:.3g} % red, the rest yellow"
            )
        if self.typ == "median":
            assert self.marginal is not None
            m = f"{self.marginal * 100:.3g} % of it" if self.relativ else f"{self.marginal:g}"
            return (
                f"median: green when better than the regions' median by more than {m}, "
                f"red when worse by more than {m}, else yellow"
            )
        avr = "" if self.avrundning is None else f", compared at {self.avrundning} decimals"
        return f"mål: met green, partly met yellow, not met red{avr}"

    def färgklasser(
        self, panel: pd.DataFrame, *, riktning: RiktningIn = None, metod: _Rangmetod = "min"
    ) -> pd.DataFrame:
        """Colour classes of a panel by this rule; see :func:`färgklasser`.

        Examples
        --------
        >>> import pandas as pd
        >>> import halsouppfoljning as hu
        >>> p = hu.regionpanel(pd.DataFrame({1: [1.0, 2.0]}, index=["03", "19"]),
        ...                    indikator="x")
        >>> regel = hu.Färgregel.rang(0.5, 0.5)
        >>> regel.färgklasser(p, riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)["färgklass"].tolist()
        ['röd', 'grön']
        """
        return färgklasser(panel, self, riktning=riktning, metod=metod)


def _kategori(klass: npt.NDArray[Any]) -> pd.Categorical:
    return pd.Categorical(klass, categories=list(_FÄRGER), ordered=True)


def färgklasser(
    panel: pd.DataFrame,
    regel: Färgregel,
    *,
    riktning: RiktningIn = None,
    metod: _Rangmetod = "min",
) -> pd.DataFrame:
    """Colour class (green, yellow, red) of every region by an explicit :class:`Färgregel`.

    Parameters
    ----------
    panel : pandas.DataFrame
        A :term:`regionpanel`. Riket is not compared with itself: its rows get
        no class under the rank and median rules (it gets one against a
        target).
    regel : Färgregel
        The rule and its cut-offs.
    riktning : Riktning or mapping, optional
        The good direction (see :func:`förändring`); default
        ``panel.attrs["riktning"]``, the curated Kolada KPIs and the bundled
        core indicators. Not used by the target rule, whose target carries it.
    metod : str
        Tie method of the rank rule (see :func:`rangordning`); default
        ``"min"``.

    Returns
    -------
    pandas.DataFrame
        The panel with ``färgklass`` (ordered categorical ``röd`` < ``gul`` <
        ``grön``; NaN where there is no value, as Kolada's grey), ``färgregel``
        (the rule in words) and the columns of the rule: for ``"rang"``,
        ``rang``, ``rang_bakifrån`` (rank from the worst end), ``antal_jämförda``,
        ``gräns_grön`` (green when ``rang <= gräns_grön``) and ``gräns_röd``
        (red when ``rang_bakifrån <= gräns_röd``); for ``"median"``, ``median``,
        ``avstånd`` (signed, positive = better) and ``marginal``; for
        ``"mål"``, ``måluppfyllelse``. ``attrs["färgregel"]`` holds the
        :class:`Färgregel`.

    Raises
    ------
    FelTypError
        If ``regel`` is not a :class:`Färgregel`.
    OgiltigtVärdeError
        As :func:`rangordning`; for the target rule, if an indicator has no
        target.

    Notes
    -----
    **rang**: with :math:`k` regions with a value, rank :math:`r` from the
    best and :math:`r'` from the worst (same tie method),

    .. math::

        \\text{grön if } r \\le b\\,k, \\quad \\text{röd if } r' \\le s\\,k,
        \\quad \\text{else gul}

    with :math:`b` = ``bästa`` and :math:`s` = ``sämsta``; a tie group that
    meets both conditions is yellow. **median**: with :math:`m` the median of
    the regions and :math:`d = s\\,(v - m)` (divided by :math:`|m|` when
    relative), green if :math:`d > \\text{marginal}`, red if
    :math:`d < -\\text{marginal}`, else yellow (the band is inclusive).
    **mål**: UPPNÅDD green, DELVIS yellow, EJ_UPPNÅDD red, otherwise none.

    See Also
    --------
    rangordning : the ranks alone.
    halsouppfoljning.plot.rangdiagram : a bar chart coloured by the rule.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> tabell = pd.DataFrame({2023: [0.9, 0.8, 0.7, 0.6]}, index=["01", "03", "04", "05"])
    >>> p = hu.regionpanel(tabell, indikator="x")
    >>> r = hu.färgklasser(p, hu.Färgregel.rang(0.25, 0.25),
    ...                    riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    >>> r["färgklass"].tolist()
    ['grön', 'gul', 'gul', 'röd']
    >>> m = hu.färgklasser(p, hu.Färgregel.median(0.05),
    ...                    riktning=hu.Riktning.HÖGRE_ÄR_BÄTTRE)  # median 0.75
    >>> m["färgklass"].tolist()
    ['grön', 'gul', 'gul', 'röd']

    References
    ----------
    .. [#kolada-farg] RKA, Kolada, "Guide till tabeller och diagram" (Jämföraren): regions
       ranked on each key figure, best green, worst red, middle yellow.
    """
    vad = "färgklasser"
    panel = _kontrollera_panel(panel, vad)
    if not isinstance(regel, Färgregel):
        raise FelTypError(
            f"färgklasser: regel must be a hu.Färgregel (Färgregel.rang(...), .median(...) or "
            f".mål(...)), got {type(regel).__name__}"
        )
    if not _är_val(metod, _RANGMETODER):
        raise OgiltigtVärdeError(
            f"färgklasser: metod must be one of {_RANGMETODER!r}, got {str(metod)[:40]!r}"
        )
    är_region = (panel["region"] != RIKET).to_numpy()
    v = panel["värde"].to_numpy(dtype=float)
    if regel.typ == "rang":
        assert regel.bästa is not None
        assert regel.sämsta is not None
        rang, antal = _rang(panel, riktning, metod, vad, omvänd=False)
        bak, _ = _rang(panel, riktning, metod, vad, omvänd=True)
        gräns_grön = regel.bästa * antal
        gräns_röd = regel.sämsta * antal
        tol = 1e-9
        grön = rang <= gräns_grön + tol
        röd = bak <= gräns_röd + tol
        klass = np.where(grön & ~röd, "grön", np.where(röd & ~grön, "röd", "gul")).astype(object)
        klass[np.isnan(rang)] = np.nan
        ut = panel.assign(
            rang=rang,
            rang_bakifrån=bak,
            antal_jämförda=antal,
            gräns_grön=np.where(är_region, gräns_grön, np.nan),
            gräns_röd=np.where(är_region, gräns_röd, np.nan),
        )
    elif regel.typ == "median":
        assert regel.marginal is not None
        tecken = _tecken(panel["indikator"], riktning, vad, panel.attrs)
        grupper = [panel[k].reset_index(drop=True) for k in _nycklar(panel)]
        median = (
            pd.Series(np.where(är_region, v, np.nan))
            .groupby(grupper, sort=False, dropna=False)
            .transform("median")
            .to_numpy(dtype=float)
        )
        avstånd = tecken * (v - median)
        if regel.relativ:
            with np.errstate(divide="ignore", invalid="ignore"):
                avstånd = np.where(median != 0, avstånd / np.abs(median), np.nan)
        avstånd = np.where(är_region, avstånd, np.nan) + 0.0
        # The band is inclusive; a tolerance per group (not per row, which would break
        # monotonicity) keeps 0.80 - 0.75 = 0.05000000000000004 inside a 0.05 band.
        tol = 1e-9 if regel.relativ else 1e-9 * (1.0 + np.abs(median))
        klass = np.where(
            avstånd > regel.marginal + tol,
            "grön",
            np.where(avstånd < -regel.marginal - tol, "röd", "gul"),
        ).astype(object)
        klass[np.isnan(avstånd)] = np.nan
        ut = panel.assign(median=median, avstånd=avstånd, marginal=regel.marginal)
    else:
        uppfyllelse = _måluppfyllelse_per_rad(panel, regel)
        klass = uppfyllelse.map(_MÅLFÄRG).to_numpy(dtype=object)
        ut = panel.assign(måluppfyllelse=uppfyllelse.to_numpy(dtype=object))
    ut = ut.assign(färgklass=_kategori(klass), färgregel=regel.beskrivning())
    ut.attrs["färgregel"] = regel
    return ut


_MÅLFÄRG: dict[Any, str] = {
    Måluppfyllelse.UPPNÅDD: "grön",
    Måluppfyllelse.DELVIS: "gul",
    Måluppfyllelse.EJ_UPPNÅDD: "röd",
}


def _målnivåer(målnivå: Målnivå) -> list[float]:
    """The levels of a target (its limit, band ends, or its parts' levels)."""
    nivåer = [x for x in (målnivå.gräns, målnivå.nedre, målnivå.övre) if x is not None]
    for del_ in målnivå.delar:
        nivåer += _målnivåer(del_)
    return [float(x) for x in nivåer]


def _kontrollera_målets_enhet(värden: _F64, målnivå: Målnivå, indikator: Hashable) -> None:
    """Raise when a target in no unit has a level above 1 while every value is a share.

    "≥70" (no unit) against values 0.6 and 0.8 would be "not met" everywhere: the
    target was meant as 70 %. A share target (``enhet="andel"``) is left to
    :func:`~halsouppfoljning.måluppfyllelse`, which checks the values.
    """
    if målnivå.enhet is not None:
        return
    kända = värden[np.isfinite(värden)]
    nivåer = _målnivåer(målnivå)
    if kända.size and ((kända >= 0) & (kända <= 1)).all() and any(n > 1 for n in nivåer):
        raise OgiltigtVärdeError(
            f"färgklasser: the target {str(målnivå)!r} of indicator {indikator!r} has no unit "
            f"and a level above 1, while every value of the panel for it is a share in "
            f"[0, 1]; write the target in percent ('≥{max(nivåer):g} %') or give the "
            "values in the target's unit"
        )


def _måluppfyllelse_per_rad(panel: pd.DataFrame, regel: Färgregel) -> pd.Series:
    indikatorer_i_panel = list(dict.fromkeys(panel["indikator"]))
    mål: dict[Hashable, Målnivå]
    if isinstance(regel.målnivå, Mapping):
        mål = {nfc(str(k)): m for k, m in regel.målnivå.items()}
        saknas = [i for i in indikatorer_i_panel if i not in mål]
        if saknas:
            raise OgiltigtVärdeError(
                f"färgklasser: the target rule has no målnivå for indicator(s) {saknas[:5]!r}"
            )
    else:
        assert regel.målnivå is not None  # the rule 'mål' is built with one
        mål = dict.fromkeys(indikatorer_i_panel, regel.målnivå)
    ut = pd.Series(np.full(len(panel), None, dtype=object), index=panel.index)
    andelar = _bundna_andelar()
    for indikator in indikatorer_i_panel:  # one call per indicator, vectorised within it
        mask = (panel["indikator"] == indikator).to_numpy()
        värden = panel.loc[mask, "värde"].to_numpy(dtype=float)
        målet = mål[indikator]
        _kontrollera_målets_enhet(värden, målet, indikator)
        try:
            resultat = måluppfyllelse(
                värden,
                målet,
                avrundning=regel.avrundning,
                delvis=regel.delvis,
                # the unit of a bundled share indicator is known: a target in no unit or
                # in minutes against it is an error (måluppfyllelse checks the units)
                enhet="andel" if str(indikator) in andelar else None,
            )
        except HalsouppfoljningError as fel:
            # måluppfyllelse names its own arguments (utfall, enhet): here the panel's värde
            # and the indicator's bundled unit
            text_ = (
                str(fel)
                .replace("måluppfyllelse: ", "")
                .replace("utfall", "värde", 1)
                .replace("(enhet=)", "(the indicator's bundled unit)")
            )
            raise type(fel)(
                f"färgklasser: the värde column of panel, indicator {indikator!r}, against "
                f"the target of the rule: {text_}"
            ) from fel
        ut.loc[mask] = np.asarray(resultat, dtype=object)
    return ut
