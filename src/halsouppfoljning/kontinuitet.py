"""Continuity of care: the kontinuitetsindex and its family of indices.

:func:`kontinuitetsindex` computes, per patient, how concentrated the
patient's visits are on few care providers (:term:`vårdgivare`): the Bice-Boxerman
continuity of care index (COC, the published Swedish *kontinuitetsindex* of
Primärvårdskvalitet and the default), and beside it UPC, MFPC, HHI, MMCI and
SECON. The published rule is the default: patients with at least three
visits, optionally only the visits of the 18 months ending at ``slutdatum``
and only the visits at the patient's listing unit. Patients below the
minimum stay in the result as NaN, so that nothing disappears and
``.mean()`` is the published mean. With ``per=`` the result is one row per
unit (or region) with the number of patients, the number excluded, the mean
and the median.

The computation is vectorised: patients and providers are turned into
integer codes, the (patient, provider) pairs are counted with one sort of a
combined ``int64`` key, and the per-patient sums are ``numpy`` reductions over
contiguous runs. A Dask DataFrame is accepted too: it is shuffled by patient
and the same pandas kernel runs on each partition, so the data need not fit
in memory.

Examples
--------
>>> import pandas as pd
>>> import halsouppfoljning as hu
>>> besök = pd.DataFrame(
...     {"patient": [1, 1, 1, 2, 2, 2], "vårdgivare": ["A", "A", "B", "A", "B", "C"]}
... )
>>> hu.kontinuitetsindex(besök)
patient
1    0.333333
2    0.000000
Name: coc, dtype: float64
"""

from __future__ import annotations

import contextlib
import warnings
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import kontrollera_kolumner, nfc
from .exceptions import (
    FelTypError,
    OgiltigtVärdeError,
    SaknatTilläggError,
    UnderlagsVarning,
)

__all__ = ["METODER", "kontinuitetsindex"]

#: The index methods and the smallest number of visits N each is defined for.
METODER: dict[str, int] = {
    "coc": 2,
    "upc": 1,
    "mfpc": 1,
    "hhi": 1,
    "mmci": 1,
    "secon": 2,
}

#: Reasons a visit row does not count, in the order they are tested (a row is
#: counted under the first reason that applies).
_SKÄL: tuple[str, ...] = (
    "saknat_patient_id",
    "saknad_vårdgivare",
    "saknat_datum",
    "utanför_fönster",
    "annan_enhet",
    "annat_yrke",
    "saknat_per_värde",
)

#: The reasons that are data errors (missing values) rather than chosen filters;
#: rows excluded for these reasons give an UnderlagsVarning.
_DATAFEL: tuple[str, ...] = ("saknat_patient_id", "saknad_vårdgivare", "saknat_datum")

_I64 = npt.NDArray[np.int64]
_F64 = npt.NDArray[np.float64]

_NS_PER_DAG = 86_400 * 10**9
_MAX_NYCKEL = 2**62
#: Above this the SECON order comes from lexsort instead of one combined key (a name of
#: its own so that tests can force the fallback).
_MAX_SECON_NYCKEL = _MAX_NYCKEL


@attrs.frozen(kw_only=True)
class _Inställning:
    """The validated arguments of one call, passed to the per-partition kernel."""

    patient: str
    vårdgivare: str
    metod: str
    datum: str | None
    slutdatum: pd.Timestamp | None
    fönster_månader: int
    minsta_antal_besök: int
    listningsenhet: str | None
    enhet: str | None
    per: str | None
    ordinarie_vårdgivare: str | None
    yrke: str | None
    yrken: tuple[Any, ...] | None

    def kolumner(self) -> list[str]:
        """The columns the computation reads, without duplicates, in a fixed order."""
        alla = [
            self.patient,
            self.vårdgivare,
            self.datum,
            self.listningsenhet,
            self.enhet,
            self.per,
            self.ordinarie_vårdgivare,
            self.yrke,
        ]
        ut: list[str] = []
        for k in alla:
            if k is not None and k not in ut:
                ut.append(k)
        return ut


# --------------------------------------------------------------------------- helpers


def _är_dask(objekt: Any) -> bool:
    """True for a Dask DataFrame, tested without importing Dask."""
    modul = type(objekt).__module__ or ""
    return modul.split(".")[0] in {"dask", "dask_expr"} and hasattr(objekt, "map_partitions")


@attrs.frozen
class _Koder:
    """Integer codes of one column: ``koder`` (-1 for missing), ``antal`` distinct slots."""

    koder: _I64
    antal: int
    etiketter: Any  # callable: codes -> labels (an Index)


def _koda(serie: pd.Series[Any]) -> _Koder:
    """Integer codes in label order (numeric, lexicographic or category order).

    The codes do not depend on the order of the rows: integers are shifted by
    their minimum, categoricals use their category codes, anything else is
    factorised with ``sort=True``. Missing values get the code -1.
    """
    dtype = serie.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        koder = np.array(serie.cat.codes, dtype=np.int64)  # a copy: callers work in place
        kategorier = serie.cat.categories
        return _Koder(koder, len(kategorier), kategorier.take)
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        saknas = serie.isna().to_numpy()
        if isinstance(dtype, np.dtype):
            värden = serie.to_numpy(dtype=np.int64, copy=False)
        else:
            värden = serie.to_numpy(dtype=np.int64, na_value=0)
        if värden.size == 0 or saknas.all():
            tom = np.full(värden.size, -1, dtype=np.int64)
            return _Koder(tom, 0, lambda k: pd.Index(np.asarray(k, dtype=np.int64)))
        giltiga = värden[~saknas] if saknas.any() else värden
        lägst = int(giltiga.min())
        spann = int(giltiga.max()) - lägst + 1
        # A dense shift is cheaper than hashing when the ids are not too sparse.
        if spann <= max(4 * värden.size, 1 << 20):
            koder = värden - lägst
            if saknas.any():
                koder[saknas] = -1
            ut_dtype: Any = dtype.numpy_dtype if hasattr(dtype, "numpy_dtype") else dtype

            def etiketter_int(k: Any) -> pd.Index:
                etiketter: pd.Index = pd.Index(
                    (np.asarray(k, dtype=np.int64) + lägst).astype(ut_dtype)
                )
                return etiketter

            return _Koder(koder, spann, etiketter_int)
    koder_f, unika = pd.factorize(serie, sort=True, use_na_sentinel=True)
    unika_index = pd.Index(unika)
    return _Koder(np.asarray(koder_f, dtype=np.int64), len(unika_index), unika_index.take)


def _lika(a: pd.Series[Any], b: pd.Series[Any]) -> npt.NDArray[np.bool_]:
    """Elementwise ``a == b`` for two label columns; a missing value equals nothing."""
    if (
        isinstance(a.dtype, pd.CategoricalDtype)
        and isinstance(b.dtype, pd.CategoricalDtype)
        and a.cat.categories.equals(b.cat.categories)
    ):
        ka = np.asarray(a.cat.codes)
        kb = np.asarray(b.cat.codes)
        return np.asarray((ka == kb) & (ka >= 0), dtype=bool)
    n = len(a)
    koder, _ = pd.factorize(
        pd.concat([a.astype(object), b.astype(object)], ignore_index=True),
        use_na_sentinel=True,
    )
    ka2 = koder[:n]
    return np.asarray((ka2 == koder[n:]) & (ka2 >= 0), dtype=bool)


def _datum_ns(serie: pd.Series[Any], namn: str) -> _I64:
    """Dates as int64 nanoseconds since 1970 (NaT as the int64 minimum)."""
    if not pd.api.types.is_datetime64_any_dtype(serie.dtype):
        raise FelTypError(
            f"kontinuitetsindex: column {namn!r} (datum) must hold dates, got dtype "
            f"{serie.dtype}; convert it with pandas.to_datetime(...) first"
        )
    if getattr(serie.dtype, "tz", None) is not None:
        serie = serie.dt.tz_convert(None)
    return np.asarray(serie.to_numpy(dtype="datetime64[ns]").view(np.int64))


def _körningar(sorterad: _I64) -> _I64:
    """Start positions of the runs of equal values in a sorted array."""
    if sorterad.size == 0:
        return np.zeros(0, dtype=np.int64)
    ny = np.empty(sorterad.size, dtype=bool)
    ny[0] = True
    np.not_equal(sorterad[1:], sorterad[:-1], out=ny[1:])
    return np.flatnonzero(ny)


def _frigör(arr: npt.NDArray[Any]) -> None:
    """Release the memory of a large temporary array that the caller still names.

    Used only on the kernel's own code arrays, never on the user's data: the
    array becomes empty for every holder. Arrays that do not own their memory
    are left alone (the memory then goes when the last name goes).
    """
    if arr.flags.owndata and arr.base is None:
        with contextlib.suppress(ValueError):  # defensive: memory shared after all
            arr.resize(0, refcheck=False)


def _längder(starter: _I64, n: int) -> _I64:
    """Lengths of the runs that start at ``starter`` in an array of length ``n``."""
    längd = np.empty(starter.size, dtype=np.int64)
    if starter.size:
        np.subtract(starter[1:], starter[:-1], out=längd[:-1])
        längd[-1] = n - starter[-1]
    return längd


# --------------------------------------------------------------------------- the kernel


def _index_från_par(metod: str, n: _I64, N: _I64, par_starter: _I64, antal_par: _I64) -> _F64:
    """The index per patient from the counts n_j of its (patient, provider) pairs.

    ``n`` holds the pair counts grouped by patient, ``par_starter`` where each
    patient's pairs start, ``N`` the patient's visits, ``antal_par`` the number
    of distinct providers M.
    """
    Nf = N.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        if metod in {"coc", "hhi"}:
            kvadrat = np.add.reduceat(n * n, par_starter) if n.size else np.zeros(0, np.int64)
            if metod == "coc":
                return np.asarray((kvadrat - N) / (Nf * (Nf - 1.0)), dtype=np.float64)
            return np.asarray(kvadrat / (Nf * Nf), dtype=np.float64)
        if metod == "mfpc":
            störst = np.maximum.reduceat(n, par_starter) if n.size else np.zeros(0, np.int64)
            return np.asarray(störst / Nf, dtype=np.float64)
        # mmci
        M = antal_par.astype(np.float64)
        return np.asarray((1.0 - M / (Nf + 0.1)) / (1.0 - 1.0 / (Nf + 0.1)), dtype=np.float64)


def _kärna_par(
    pk: _I64, vk: _I64, antal_v: int, räknas: npt.NDArray[np.bool_] | None, metod: str
) -> tuple[_I64, _I64, _F64]:
    """COC, HHI, MFPC, MMCI by one sort of the key ``patient * (V + 1) + provider``.

    Rows that do not count get the provider slot ``V``: they keep their patient
    in the result (with N = 0 if nothing else counts) without adding a visit.
    Returns patient codes (sorted), N and the index. ``pk`` is overwritten (it
    becomes the key), so that the input is not copied once more.
    """
    bas = antal_v + 1
    nyckel = pk
    nyckel *= bas
    if räknas is not None:
        np.copyto(vk, antal_v, where=~räknas)
    nyckel += vk
    _frigör(vk)
    nyckel.sort()
    starter = _körningar(nyckel)
    n = _längder(starter, nyckel.size)
    par = nyckel[starter]
    _frigör(nyckel)
    del nyckel
    par_patient = par // bas
    if räknas is not None:
        räknande = (par - par_patient * bas) < antal_v
        n = np.where(räknande, n, 0)
        antal_par_per = räknande.astype(np.int64)
    else:
        antal_par_per = None
    del par
    p_starter = _körningar(par_patient)
    patienter = par_patient[p_starter]
    if n.size:
        N = np.add.reduceat(n, p_starter)
        if antal_par_per is None:
            M = _längder(p_starter, n.size)
        else:
            M = np.add.reduceat(antal_par_per, p_starter)
    else:
        N = np.zeros(0, dtype=np.int64)
        M = np.zeros(0, dtype=np.int64)
    värde = _index_från_par(metod, n, N, p_starter, M)
    return patienter, N.astype(np.int64), värde


def _kärna_upc(pk: _I64, vk: _I64, ok: _I64, patient_etikett: Any) -> tuple[_I64, _I64, _F64]:
    """UPC: visits to the patient's usual provider (code ``ok``) divided by N."""
    ordning = np.argsort(pk, kind="stable")
    ps = pk[ordning]
    starter = _körningar(ps)
    patienter = ps[starter]
    träff = (vk[ordning] == ok[ordning]).astype(np.int64)
    os_ = ok[ordning]
    if ps.size:
        N = _längder(starter, ps.size)
        träffar = np.add.reduceat(träff, starter)
        lägst = np.minimum.reduceat(os_, starter)
        högst = np.maximum.reduceat(os_, starter)
    else:
        N = träffar = lägst = högst = np.zeros(0, dtype=np.int64)
    olika = lägst != högst
    if olika.any():
        exempel = patient_etikett(patienter[np.flatnonzero(olika)[:1]])[0]
        exempel = exempel.item() if isinstance(exempel, np.generic) else exempel
        raise OgiltigtVärdeError(
            f"kontinuitetsindex(metod='upc'): the usual provider (ordinarie_vårdgivare) "
            f"differs between the visits of patient {exempel!r} "
            f"({int(olika.sum())} patients in all); give one usual provider per patient, "
            "the same on every visit row"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        värde = träffar / N.astype(np.float64)
    värde = np.where(lägst < 0, np.nan, värde)  # no usual provider: undefined
    return patienter, N, np.asarray(värde, dtype=np.float64)


def _kärna_secon(pk: _I64, vk: _I64, dk: _I64) -> tuple[_I64, _I64, _F64]:
    """SECON: share of consecutive pairs (by date, ties by provider) with the same provider.

    The order (patient, date, provider) comes from one sort of the key
    ``(patient * D + date rank) * V + provider`` when it fits in 64 bits, else
    from ``numpy.lexsort``.
    """
    if pk.size:
        unika_d, drang = np.unique(dk, return_inverse=True)
        D = int(unika_d.size)
        V = int(vk.max()) + 1
        P = int(pk.max()) + 1
    else:
        D = V = P = 1
    if pk.size and P * D * V < _MAX_SECON_NYCKEL:
        nyckel = pk * D
        nyckel += drang.reshape(-1)
        nyckel *= V
        nyckel += vk
        nyckel.sort()
        ps = nyckel // (D * V)
        vs = nyckel % V
        del nyckel
    else:
        ordning = np.lexsort((vk, dk, pk))
        ps = pk[ordning]
        vs = vk[ordning]
    starter = _körningar(ps)
    patienter = ps[starter]
    N = _längder(starter, ps.size)
    if ps.size:
        # samma[i]: rows i and i+1 are the same patient and the same provider; the pair
        # belongs to the patient of row i (the last row of a patient pairs with nobody)
        samma = np.zeros(ps.size, dtype=np.int64)
        samma[:-1] = (ps[1:] == ps[:-1]) & (vs[1:] == vs[:-1])
        antal_samma = np.add.reduceat(samma, starter)
    else:
        antal_samma = np.zeros(0, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        värde = antal_samma / (N - 1.0)
    return patienter, N, np.asarray(värde, dtype=np.float64)


def _patientvärden(df: pd.DataFrame, inst: _Inställning) -> tuple[pd.DataFrame, dict[str, int]]:
    """The pandas kernel: one row per patient (per group with ``per``) and the exclusions.

    Returns a frame with columns ``patient`` (labels), ``grupp`` (labels, only
    with ``per``), ``antal_besök`` (N) and ``värde`` (the index, NaN below the
    minimum), sorted by (grupp, patient); and the number of visit rows that do
    not count, by reason. Used unchanged on every partition of a Dask frame.
    """
    n_rader = len(df)
    skäl = dict.fromkeys(_SKÄL, 0)
    räknas = np.ones(n_rader, dtype=bool)
    alla_räknas = True

    def uteslut(mask: npt.NDArray[np.bool_], orsak: str) -> None:
        nonlocal alla_räknas
        ny = mask & räknas
        antal = int(ny.sum())
        if antal:
            skäl[orsak] += antal
            räknas[ny] = False
            alla_räknas = False

    pat = _koda(df[inst.patient])
    prov_serie = df[inst.vårdgivare]
    if inst.metod == "upc":
        assert inst.ordinarie_vårdgivare is not None
        # one code space for the provider and the usual provider (same dtype: fast path)
        n = len(prov_serie)
        gemensam = _koda(pd.concat([prov_serie, df[inst.ordinarie_vårdgivare]], ignore_index=True))
        vk = gemensam.koder[:n]
        ok = gemensam.koder[n:]
        antal_v = gemensam.antal
    else:
        prov = _koda(prov_serie)
        vk, antal_v, ok = prov.koder, prov.antal, None

    patient_saknas = pat.koder < 0
    uteslut(patient_saknas, "saknat_patient_id")
    uteslut(vk < 0, "saknad_vårdgivare")
    dk = None
    if inst.datum is not None:
        dk = _datum_ns(df[inst.datum], inst.datum)
        uteslut(dk == np.iinfo(np.int64).min, "saknat_datum")
        if inst.slutdatum is not None:
            slut = inst.slutdatum.normalize()
            start = slut - pd.DateOffset(months=inst.fönster_månader)
            dag = (dk // _NS_PER_DAG) * _NS_PER_DAG
            inom = (dag > start.value) & (dag <= slut.value)
            uteslut(~inom, "utanför_fönster")
    if inst.listningsenhet is not None and inst.enhet is not None:
        uteslut(~_lika(df[inst.enhet], df[inst.listningsenhet]), "annan_enhet")
    if inst.yrke is not None and inst.yrken is not None:
        uteslut(~df[inst.yrke].isin(list(inst.yrken)).to_numpy(dtype=bool), "annat_yrke")

    # The patient key: with ``per`` the pair (group, patient), from counted rows only.
    grupp: _Koder | None = None
    if inst.per is not None:
        grupp = _koda(df[inst.per])
        uteslut(grupp.koder < 0, "saknat_per_värde")
    # The code arrays are this function's own copies: combine them in place.
    pk = pat.koder
    p_spann = max(pat.antal, 1)
    pat_etiketter = pat.etiketter
    del pat
    grupp_etiketter = None
    g_antal = 0
    if grupp is not None:
        g_spann = max(grupp.antal, 1)
        if g_spann * p_spann * (antal_v + 2) >= _MAX_NYCKEL:  # pragma: no cover - huge ids
            raise OgiltigtVärdeError(
                "kontinuitetsindex: too many distinct (group, patient, provider) values "
                "for a 64-bit key; pass fewer groups or recode the ids"
            )
        gk = grupp.koder
        g_antal = grupp.antal
        grupp_etiketter = grupp.etiketter
        del grupp
        np.maximum(gk, 0, out=gk)
        gk *= p_spann
        np.maximum(pk, 0, out=pk)
        gk += pk
        pk = gk
        del gk
        urval = None if alla_räknas else räknas
    elif alla_räknas:
        urval = None
    else:
        urval = ~patient_saknas
    if p_spann * (antal_v + 2) >= _MAX_NYCKEL:  # pragma: no cover - huge ids
        raise OgiltigtVärdeError(
            "kontinuitetsindex: too many distinct (patient, provider) values for a "
            "64-bit key; recode the ids"
        )

    if urval is not None:
        pk_u, vk_u, r_u = pk[urval], vk[urval], räknas[urval]
    else:
        pk_u, vk_u, r_u = pk, vk, None
    del pk, vk
    if r_u is not None and r_u.all():
        r_u = None

    if inst.metod in {"coc", "hhi", "mfpc", "mmci"}:
        patienter, N, värde = _kärna_par(pk_u, vk_u, antal_v, r_u, inst.metod)
    else:
        alla_patienter = np.sort(pk_u)  # sort-based unique (numpy's hash unique is slower here)
        alla_patienter = alla_patienter[_körningar(alla_patienter)]
        if r_u is not None:
            pk_r, vk_r = pk_u[r_u], vk_u[r_u]
        else:
            pk_r, vk_r = pk_u, vk_u
        if inst.metod == "upc":
            assert ok is not None
            ok_u = ok[urval] if urval is not None else ok
            ok_r = ok_u[r_u] if r_u is not None else ok_u

            def etikett(k: Any) -> Any:
                k = np.asarray(k) % p_spann
                return pat_etiketter(k)

            p_r, N_r, v_r = _kärna_upc(pk_r, vk_r, ok_r, etikett)
        else:
            assert dk is not None
            dk_u = dk[urval] if urval is not None else dk
            dk_r = dk_u[r_u] if r_u is not None else dk_u
            p_r, N_r, v_r = _kärna_secon(pk_r, vk_r, dk_r)
        patienter = alla_patienter
        plats = np.searchsorted(p_r, patienter)
        plats = np.minimum(plats, max(p_r.size - 1, 0))
        finns = (
            (p_r.size > 0) & (p_r[plats] == patienter)
            if p_r.size
            else np.zeros(patienter.size, dtype=bool)
        )
        N = np.where(finns, N_r[plats] if p_r.size else 0, 0).astype(np.int64)
        värde = np.where(finns, v_r[plats] if p_r.size else np.nan, np.nan)

    värde = np.where(inst.minsta_antal_besök <= N, värde, np.nan)
    kolumner: dict[str, Any] = {}
    if grupp_etiketter is not None:
        # a categorical: the labels of the groups once, not once per patient
        kolumner["grupp"] = pd.Categorical.from_codes(
            patienter // p_spann, categories=grupp_etiketter(np.arange(g_antal)), validate=False
        )
        kolumner["patient"] = pat_etiketter(patienter % p_spann)
    else:
        kolumner["patient"] = pat_etiketter(patienter)
    kolumner["antal_besök"] = N.astype(np.int64)
    kolumner["värde"] = np.asarray(värde, dtype=np.float64)
    return pd.DataFrame(kolumner), skäl


# --------------------------------------------------------------------------- assembling


def _sammanställ_per(tabell: pd.DataFrame, per: str) -> pd.DataFrame:
    """One row per group: antal_patienter, antal_exkluderade, medel, median."""
    koder, grupper_rå = pd.factorize(tabell["grupp"])
    # the groups in sorted order of their values (whatever the column's dtype)
    if isinstance(grupper_rå, pd.CategoricalIndex):
        grupper = grupper_rå.categories.take(grupper_rå.codes)
    else:
        grupper = pd.Index(grupper_rå, dtype=tabell["grupp"].dtype)
    try:
        grupper, ordning_g = grupper.sort_values(return_indexer=True)
    except TypeError:  # labels of mixed types: keep the order of appearance
        ordning_g = np.arange(len(grupper))
    ny_plats = np.empty(len(grupper), dtype=np.int64)
    ny_plats[ordning_g] = np.arange(len(grupper))
    koder = ny_plats[koder]
    värde = tabell["värde"].to_numpy(dtype=np.float64)
    G = len(grupper)
    definierad = ~np.isnan(värde)
    antal = np.bincount(koder[definierad], minlength=G)
    totalt = np.bincount(koder, minlength=G)
    summa = np.bincount(koder[definierad], weights=värde[definierad], minlength=G)
    # median per group: pandas' grouped median (Cython, no sort of all values, no apply)
    median = (
        pd.Series(värde[definierad])
        .groupby(koder[definierad], sort=True)
        .median()
        .reindex(np.arange(G))
        .to_numpy(dtype=np.float64)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        medel = np.where(antal > 0, summa / antal, np.nan)
    return pd.DataFrame(
        {
            "antal_patienter": antal.astype(np.int64),
            "antal_exkluderade": (totalt - antal).astype(np.int64),
            "medel": medel,
            "median": median,
        },
        index=pd.Index(grupper, name=per),
    )


def _resultat(
    tabell: pd.DataFrame, skäl: dict[str, int], inst: _Inställning
) -> pd.Series[float] | pd.DataFrame:
    """The public result from the per-patient table and the exclusion counts."""
    data_fel = {k: skäl[k] for k in _DATAFEL if skäl[k]}
    if data_fel:
        delar = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in data_fel.items())
        warnings.warn(
            f"kontinuitetsindex: {sum(data_fel.values())} visit rows do not count ({delar}); "
            "they are listed in the result's attrs['exkluderade_besök']",
            UnderlagsVarning,
            stacklevel=3,
        )
    ut: pd.Series[float] | pd.DataFrame
    if inst.per is not None:
        ut = _sammanställ_per(tabell, inst.per)
    else:
        index = pd.Index(tabell["patient"], name=inst.patient)
        ut = pd.Series(tabell["värde"].to_numpy(), index=index, name=inst.metod)
        if not ut.index.is_monotonic_increasing:
            ut = ut.sort_index()
    ut.attrs["exkluderade_besök"] = dict(skäl)
    return ut


def _dask_väg(besök: Any, inst: _Inställning) -> pd.Series[float] | pd.DataFrame:
    """Shuffle by patient, then the pandas kernel on each partition."""
    try:
        import dask  # noqa: PLC0415 - optional extra, imported only when a Dask frame arrives
    except ImportError as fel:  # pragma: no cover - dask is in the dev extra
        raise SaknatTilläggError(
            'kontinuitetsindex on a Dask DataFrame needs Dask: pip install "halsouppfoljning[dask]"'
        ) from fel

    delar = besök[inst.kolumner()]
    meta_tabell, _ = _patientvärden(delar._meta, inst)

    def tabell(df: pd.DataFrame) -> pd.DataFrame:
        return _patientvärden(df, inst)[0]

    def räkna(df: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame([_patientvärden(df, inst)[1]], columns=list(_SKÄL))

    omflyttad = delar.shuffle(on=inst.patient)
    tabeller = omflyttad.map_partitions(tabell, meta=meta_tabell)
    räkningar = delar.map_partitions(
        räkna, meta=pd.DataFrame({k: pd.Series(dtype=np.int64) for k in _SKÄL})
    )
    hela, antal = dask.compute(tabeller, räkningar)  # type: ignore[attr-defined,no-untyped-call]
    skäl = {k: int(antal[k].sum()) for k in _SKÄL}
    hela = hela.reset_index(drop=True)
    if "grupp" in hela.columns:
        # Partitions with different categories concatenate to a union (or to plain values)
        # whose labels may have another dtype: give them the dtype the pandas path has.
        mål = meta_tabell["grupp"].cat.categories.dtype
        g = hela["grupp"]
        if not isinstance(g.dtype, pd.CategoricalDtype):
            hela["grupp"] = g.astype(mål)
        elif g.cat.categories.dtype != mål:
            hela["grupp"] = g.cat.rename_categories(g.cat.categories.astype(mål))
    return _resultat(hela, skäl, inst)


# --------------------------------------------------------------------------- public


def _kontrollera_heltal(värde: Any, namn: str, minst: int) -> int:
    if isinstance(värde, bool) or not isinstance(värde, (int, np.integer)):
        raise FelTypError(
            f"kontinuitetsindex: {namn} must be an integer, got {värde!r} "
            f"of type {type(värde).__name__}"
        )
    if int(värde) < minst:
        raise OgiltigtVärdeError(
            f"kontinuitetsindex: {namn} must be at least {minst}, got {int(värde)}"
        )
    return int(värde)


def kontinuitetsindex(
    besök: Any,
    *,
    patient: str = "patient",
    vårdgivare: str = "vårdgivare",
    metod: str = "coc",
    datum: str | None = None,
    slutdatum: Any = None,
    fönster_månader: int = 18,
    minsta_antal_besök: int = 3,
    listningsenhet: str | None = None,
    enhet: str | None = None,
    per: str | None = None,
    ordinarie_vårdgivare: str | None = None,
    yrke: str | None = None,
    yrken: Any = None,
) -> pd.Series[float] | pd.DataFrame:
    r"""Continuity of care per patient (:term:`kontinuitetsindex`), or its mean per unit.

    One row of ``besök`` is one visit: who the patient was and which care
    provider (:term:`vårdgivare`, a doctor or a nurse) the patient met. The default
    is the published Swedish kontinuitetsindex of Primärvårdskvalitet: the
    Bice-Boxerman COC index, over patients with at least three visits.

    Parameters
    ----------
    besök : pandas.DataFrame or dask.dataframe.DataFrame
        The visits (:term:`besök`), one row each.
    patient : str, default "patient"
        Column of patient ids (any hashable labels: integers, strings, a
        categorical).
    vårdgivare : str, default "vårdgivare"
        Column of care-provider ids (the doctor or nurse met).
    metod : {"coc", "upc", "mfpc", "hhi", "mmci", "secon"}, default "coc"
        The index; see Notes. ``"upc"`` needs ``ordinarie_vårdgivare``,
        ``"secon"`` needs ``datum``.
    datum : str, optional
        Column of visit dates (datetime dtype). Needed for ``"secon"`` (the
        order of the visits) and for the window ``slutdatum``.
    slutdatum : date-like, optional
        Last day of the follow-up window [dag]. With ``datum``, only visits
        whose calendar day lies in ``(slutdatum − fönster_månader months,
        slutdatum]`` count; e.g. ``slutdatum="2023-12-31"`` with 18 months
        counts 2022-07-01 to 2023-12-31, both included. Times of day are
        ignored (a visit at 14:00 on ``slutdatum`` counts).
    fönster_månader : int, default 18
        Length of the window [månader]; 18 is the published rule. Used only
        with ``slutdatum``.
    minsta_antal_besök : int, default 3
        Patients with fewer counted visits get NaN (the published rule is
        at least 3). Must be at least what the method needs: 2 for ``"coc"``
        and ``"secon"``, 1 for the others; a smaller value is an error.
    listningsenhet, enhet : str, optional
        Give both or neither. ``listningsenhet`` is the column that gives, on
        each visit row, the unit where the patient is listed; ``enhet`` the
        unit where the visit took place. With both, only visits with
        ``enhet == listningsenhet`` count (the published rule: visits at the
        patient's own unit); a missing value on either side does not count.
    per : str, optional
        Column to group by (a unit such as ``listningsenhet``, or a region).
        The result is then one row per value (see Returns). A patient is
        counted in each group where it has counted visits, with the visits of
        that group only.
    ordinarie_vårdgivare : str, optional
        For ``metod="upc"`` only: column giving, on each visit row, the
        patient's usual provider (e.g. the *fast läkarkontakt*). It must be the
        same on all of a patient's counted visits; a patient whose usual
        provider is missing gets NaN (counted as excluded with ``per``).
    yrke : str, optional
        Column of the provider's profession (:term:`yrke`), e.g. "läkare",
        "sjuksköterska". Give with ``yrken``.
    yrken : str or iterable of str, optional
        The professions whose visits count, e.g. ``"läkare"`` (the published
        index counts doctor visits). Give with ``yrke``.

    Returns
    -------
    pandas.Series or pandas.DataFrame
        Without ``per``: a float Series, one value per patient (index = the
        patient ids in sorted order, named after the ``patient`` column;
        name = ``metod``). Every patient with an id appears, also those whose
        visits were all filtered out; patients below ``minsta_antal_besök``
        (or without an index, see ``ordinarie_vårdgivare``) are NaN, so
        ``.mean()`` is the published mean and ``.count()`` the number of
        patients measured. With ``per``: a DataFrame indexed by the groups,
        columns ``antal_patienter`` (patients with a value), ``antal_exkluderade``
        (patients with at least one counted visit in the group but no value),
        ``medel`` and ``median`` of the values (NaN for a group without any).
        In both cases ``result.attrs["exkluderade_besök"]`` is a dict with the
        number of visit rows that do not count, by reason (each row under the
        first reason that applies, in this order): ``saknat_patient_id``,
        ``saknad_vårdgivare``, ``saknat_datum``, ``utanför_fönster``,
        ``annan_enhet``, ``annat_yrke``, ``saknat_per_värde``.

    Raises
    ------
    FelTypError
        If ``besök`` is not a DataFrame, an integer argument is not an
        integer, or ``datum`` is not a datetime column.
    SaknadKolumnError
        If a named column is not in ``besök``.
    OgiltigtVärdeError
        For an unknown ``metod``; ``minsta_antal_besök`` below what the method
        needs; ``slutdatum`` without ``datum``; ``"secon"`` without ``datum``;
        ``"upc"`` without ``ordinarie_vårdgivare`` (or that argument with
        another method); only one of ``listningsenhet`` and ``enhet``; only one
        of ``yrke`` and ``yrken``; a usual provider that differs between a
        patient's visits.

    Warns
    -----
    UnderlagsVarning
        When visit rows lack a patient id, a provider or (when dates are
        used) a date. Such rows do not count (a row without a provider still
        keeps its patient in the result) and are counted in
        ``attrs["exkluderade_besök"]``. Rows left out by the chosen filters
        (window, unit, profession) are counted there without a warning.

    Notes
    -----
    For one patient let :math:`N` be the number of counted visits,
    :math:`n_j` the visits to provider :math:`j` (:math:`\sum_j n_j = N`),
    :math:`M` the number of distinct providers and :math:`s_1, \dots, s_N`
    the providers in visit order.

    **COC**, Bice-Boxerman continuity of care, defined for :math:`N \ge 2`:

    .. math:: \mathrm{COC} = \frac{\sum_j n_j^2 - N}{N (N - 1)}

    1 when one provider takes every visit, 0 when no provider is seen twice.
    This is the published kontinuitetsindex (patients listed at the unit, at
    least 3 doctor visits there in 18 months, mean over patients).

    **UPC**, usual provider of care, :math:`N \ge 1`, with :math:`n_u` the
    visits to the patient's usual provider :math:`u` (from
    ``ordinarie_vårdgivare``): :math:`\mathrm{UPC} = n_u / N`.

    **MFPC**, most frequent provider continuity, :math:`N \ge 1`:
    :math:`\mathrm{MFPC} = \max_j n_j / N`.

    **HHI**, Herfindahl-Hirschman concentration, :math:`N \ge 1`:
    :math:`\mathrm{HHI} = \sum_j (n_j / N)^2`, in :math:`[1/M, 1]`. For
    :math:`N \ge 2` the identity
    :math:`\mathrm{COC} = (N \cdot \mathrm{HHI} - 1) / (N - 1)` holds.

    **MMCI**, Magill-Senf modified modified continuity index, :math:`N \ge 1`:

    .. math:: \mathrm{MMCI} = \frac{1 - M / (N + 0.1)}{1 - 1 / (N + 0.1)}

    in :math:`(0, 1]`, 1 when :math:`M = 1`.

    **SECON**, Steinwachs sequential continuity, :math:`N \ge 2`:

    .. math::
        \mathrm{SECON} = \frac{1}{N - 1} \sum_{i=1}^{N-1} [s_i = s_{i+1}]

    The visits are ordered by ``datum`` (the full timestamp); visits at the
    same time are ordered by provider id (numeric or lexicographic order, or
    category order for a categorical column), so that the result does not
    depend on the order of the rows. Unlike the other indices, SECON with
    such ties can change when the providers are relabelled.

    Every index lies in [0, 1]. Patients with :math:`N` below
    ``minsta_antal_besök`` get NaN, never 0.

    Computation: patients and providers become integer codes, the key
    ``patient * (V + 1) + provider`` is sorted once and its runs are the
    counts :math:`n_j`; the per-patient sums are ``numpy.add.reduceat`` over
    the runs. A Dask DataFrame is shuffled by patient (``DataFrame.shuffle``)
    and the same pandas kernel runs on each partition; the per-patient values
    are then collected (one row per patient) for the result. The shuffle
    method follows Dask's configuration (``dataframe.shuffle.method``; "disk"
    bounds memory on one machine).

    See Also
    --------
    halsouppfoljning.exempeldata.syntetiska_besök : synthetic visits with realistic continuity.

    References
    ----------
    .. [1] Bice TW, Boxerman SB. A quantitative measure of continuity of care.
       Medical Care 1977;15(4):347-349.
    .. [2] Breslau N, Reeb KG. Continuity of care in a university-based
       practice. Journal of Medical Education 1975;50:965-969 (UPC).
    .. [3] Magill MK, Senf J. A new method for measuring continuity of care in
       family practice residencies. Journal of Family Practice
       1987;24(2):165-168 (MMCI).
    .. [4] Steinwachs DM. Measuring provider continuity in ambulatory care: an
       assessment of alternative approaches. Medical Care 1979;17(6):551-565
       (SECON).
    .. [5] Pollack CE, Hussey PS, Rudin RS, Fox DS, Lai J, Schneider EC.
       Measuring care continuity: a comparison of claims-based methods.
       Medical Care 2016;54(5):e30-e34 (a review of COC, UPC, MFPC, SECON,
       HHI-type indices).
    .. [6] Primärvårdskvalitet (SKR), indicator "Kontinuitetsindex": the
       Bice-Boxerman index over patients listed at the unit with at least 3
       doctor visits there in the last 18 months.

    Examples
    --------
    Patient 1 sees A, A, B: :math:`(2^2 + 1^2 - 3)/(3 \cdot 2) = 1/3`.
    Patient 2 sees A, B, C: :math:`(1 + 1 + 1 - 3)/6 = 0`. Patient 3 has two
    visits only, below the default minimum of 3, so NaN:

    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> besök = pd.DataFrame(
    ...     {
    ...         "patient": [1, 1, 1, 2, 2, 2, 3, 3],
    ...         "vårdgivare": ["A", "A", "B", "A", "B", "C", "A", "A"],
    ...         "vårdcentral": ["X", "X", "X", "Y", "Y", "Y", "Y", "Y"],
    ...     }
    ... )
    >>> hu.kontinuitetsindex(besök)
    patient
    1    0.333333
    2    0.000000
    3         NaN
    Name: coc, dtype: float64
    >>> hu.kontinuitetsindex(besök, metod="mfpc", minsta_antal_besök=1).round(3).tolist()
    [0.667, 0.333, 1.0]
    >>> hu.kontinuitetsindex(besök, per="vårdcentral")
                 antal_patienter  antal_exkluderade     medel    median
    vårdcentral
    X                          1                  0  0.333333  0.333333
    Y                          1                  1  0.000000  0.000000
    """
    if not isinstance(besök, pd.DataFrame) and not _är_dask(besök):
        raise FelTypError(
            "kontinuitetsindex: besök must be a pandas or Dask DataFrame with one row per "
            f"visit, got {type(besök).__name__}"
        )
    if not isinstance(metod, str) or nfc(metod).strip().lower() not in METODER:
        raise OgiltigtVärdeError(
            f"kontinuitetsindex: unknown metod {metod!r}; choose one of {sorted(METODER)}"
        )
    metod = nfc(metod).strip().lower()
    minsta = _kontrollera_heltal(minsta_antal_besök, "minsta_antal_besök", 0)
    if minsta < METODER[metod]:
        raise OgiltigtVärdeError(
            f"kontinuitetsindex: minsta_antal_besök={minsta} is below what metod={metod!r} "
            f"needs (N >= {METODER[metod]}); pass minsta_antal_besök={METODER[metod]} or more "
            "(the published rule is 3)"
        )
    fönster = _kontrollera_heltal(fönster_månader, "fönster_månader", 1)
    slut: pd.Timestamp | None = None
    if slutdatum is not None:
        if datum is None:
            raise OgiltigtVärdeError(
                "kontinuitetsindex: slutdatum needs datum, the column of visit dates; "
                "pass datum='<column>'"
            )
        try:
            slut = pd.Timestamp(slutdatum)
        except (TypeError, ValueError) as fel:
            raise FelTypError(
                f"kontinuitetsindex: cannot read slutdatum {slutdatum!r} as a date; "
                "pass e.g. '2023-12-31' or a datetime.date"
            ) from fel
        if pd.isna(slut):
            raise OgiltigtVärdeError(
                f"kontinuitetsindex: slutdatum is missing ({slutdatum!r}); pass a date or None"
            )
        if slut.tzinfo is not None:
            slut = slut.tz_convert(None)
    if metod == "secon" and datum is None:
        raise OgiltigtVärdeError(
            "kontinuitetsindex: metod='secon' needs the visit order; pass datum='<column>'"
        )
    if metod == "upc" and ordinarie_vårdgivare is None:
        raise OgiltigtVärdeError(
            "kontinuitetsindex: metod='upc' needs the patient's usual provider; pass "
            "ordinarie_vårdgivare='<column>'"
        )
    if metod != "upc" and ordinarie_vårdgivare is not None:
        raise OgiltigtVärdeError(
            f"kontinuitetsindex: ordinarie_vårdgivare is used only by metod='upc', not "
            f"metod={metod!r}; drop it or choose metod='upc'"
        )
    if (listningsenhet is None) != (enhet is None):
        raise OgiltigtVärdeError(
            "kontinuitetsindex: give both listningsenhet and enhet (visits count only where "
            f"they are equal) or neither; got listningsenhet={listningsenhet!r}, enhet={enhet!r}"
        )
    if (yrke is None) != (yrken is None):
        raise OgiltigtVärdeError(
            "kontinuitetsindex: give both yrke (the profession column) and yrken (the "
            f"professions that count) or neither; got yrke={yrke!r}, yrken={yrken!r}"
        )
    yrken_t: tuple[Any, ...] | None = None
    if yrken is not None:
        yrken_t = (
            (nfc(yrken),)
            if isinstance(yrken, str)
            else tuple(nfc(y) if isinstance(y, str) else y for y in yrken)
        )
        if not yrken_t:
            raise OgiltigtVärdeError(
                "kontinuitetsindex: yrken is empty, so no visit would count; name at least "
                "one profession, e.g. yrken='läkare'"
            )
    inst = _Inställning(
        patient=patient,
        vårdgivare=vårdgivare,
        metod=metod,
        datum=datum,
        slutdatum=slut,
        fönster_månader=fönster,
        minsta_antal_besök=minsta,
        listningsenhet=listningsenhet,
        enhet=enhet,
        per=per,
        ordinarie_vårdgivare=ordinarie_vårdgivare,
        yrke=yrke,
        yrken=yrken_t,
    )
    kontrollera_kolumner(besök.columns, inst.kolumner(), "kontinuitetsindex")
    # Column names are matched in NFC ("ä" can arrive decomposed): use the frame's own labels.
    egna = {nfc(str(k)): k for k in besök.columns}
    inst = attrs.evolve(
        inst,
        **{
            fält: egna[nfc(namn)]
            for fält in (
                "patient",
                "vårdgivare",
                "datum",
                "listningsenhet",
                "enhet",
                "per",
                "ordinarie_vårdgivare",
                "yrke",
            )
            if (namn := getattr(inst, fält)) is not None
        },
    )
    if _är_dask(besök):
        return _dask_väg(besök, inst)
    tabell, skäl = _patientvärden(besök, inst)
    return _resultat(tabell, skäl, inst)
