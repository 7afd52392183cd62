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
care unit (or region) with the number of patients, the number excluded, the
mean and the median.

The computation is vectorised: patients and providers are turned into
integer codes and each method sorts one packed integer key once: (patient,
provider) for COC, HHI, MFPC and MMCI, (patient, usual provider, hit) for
UPC, (patient, time, provider) for SECON. Large inputs are sorted in blocks
of patients small enough for the processor's cache, as 32-bit keys where
they fit. Per-patient sums are ``numpy`` reductions over contiguous runs. A
Dask DataFrame is accepted too: it is shuffled by patient and the same
pandas kernel runs on each partition, so the data need not fit in memory.

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
import datetime as dt
import warnings
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _indata
from ._indata import Datum, Ram
from .exceptions import FelTypError, OgiltigtVärdeError, UnderlagsVarning

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
    "annan_vårdenhet",
    "annat_yrke",
    "saknat_per_värde",
)

#: The reasons that are data errors (missing values) rather than chosen filters;
#: rows excluded for these reasons give an UnderlagsVarning.
_DATAFEL: tuple[str, ...] = ("saknat_patient_id", "saknad_vårdgivare", "saknat_datum")

_I64 = npt.NDArray[np.int64]
_F64 = npt.NDArray[np.float64]
#: Integer codes given as ``(array, lägst, egen)``: the codes are ``array - lägst``;
#: ``egen``: the array is the kernel's own (it may be changed or released), else it is
#: the caller's column and only read.
_Del = tuple[_I64, int, bool]
#: Visit times for the SECON key: (times [ns], their minimum, unit, coarsening shift,
#: provider bits); see :func:`_låg_skiva`.
_Tid = tuple[_I64, int, int, int, int]

_NS_PER_DAG = 86_400 * 10**9
_NAT = np.iinfo(np.int64).min
#: Widest sort key in bits (keys are non-negative int64).
_MAX_BITAR = 62
#: Above this the SECON order comes from lexsort instead of one packed key (a name of
#: its own so that tests can force the fallback).
_MAX_SECON_BITAR = _MAX_BITAR
#: Below this many rows the key is sorted whole; above, in blocks of patients.
_MINST_FÖR_BLOCK = 1 << 18
#: Rows a block of patients aims at: its keys (256 or 512 kB) stay in the processor's
#: cache while it is sorted (measured best on the benchmark's 20 million rows).
_RADER_PER_BLOCK = 1 << 16
#: Rows read at a time when the rows are partitioned into blocks.
_RADER_PER_SKIVA = 1 << 20
#: At most 2**_MAX_BLOCKBITAR blocks (block numbers are 16-bit for the radix sort).
_MAX_BLOCKBITAR = 16


@attrs.frozen(kw_only=True)
class _Inställning:
    """The validated arguments of one call, passed to the per-partition kernel."""

    patient: Hashable
    vårdgivare: Hashable
    metod: str
    datum: Hashable | None
    slutdatum: dt.date | None
    fönster_månader: int
    minsta_antal_besök: int
    listningsenhet: Hashable | None
    vårdenhet: Hashable | None
    per: Hashable | None
    ordinarie_vårdgivare: Hashable | None
    yrke: Hashable | None
    yrken: tuple[Hashable, ...] | None

    def kolumner(self) -> list[Hashable]:
        """The columns the computation reads, without duplicates, in a fixed order."""
        alla = [
            self.patient,
            self.vårdgivare,
            self.datum,
            self.listningsenhet,
            self.vårdenhet,
            self.per,
            self.ordinarie_vårdgivare,
            self.yrke,
        ]
        ut: list[Hashable] = []
        for k in alla:
            if k is not None and k not in ut:
                ut.append(k)
        return ut


# --------------------------------------------------------------------------- helpers


class _Koder:
    """Integer codes of one column: ``koder`` (-1 for missing), ``antal`` distinct slots.

    The codes of an integer column without missing values are its values minus
    their minimum: they stay ``(rå, lägst)`` until an own array is asked for
    (:attr:`koder`), so that the sort can read the column itself
    (:meth:`del_av_nyckel`) without a full copy.
    """

    def __init__(
        self,
        antal: int,
        etiketter: Callable[[_I64], pd.Index],
        *,
        koder: _I64 | None = None,
        rå: _I64 | None = None,
        lägst: int = 0,
        saknas: bool = True,
    ) -> None:
        self.antal = antal
        self.etiketter = etiketter  # codes -> labels
        self.saknas = saknas  # whether some code may be -1
        self._koder = koder
        self._rå = rå
        self._lägst = lägst

    @property
    def koder(self) -> _I64:
        """The codes as an array of the kernel's own (it may change it in place)."""
        if self._koder is None:
            assert self._rå is not None
            self._koder = self._rå - self._lägst
        return self._koder

    def del_av_nyckel(self) -> tuple[_I64, int, bool]:
        """``(array, lägst, egen)``: the codes are ``array - lägst``; ``egen``: may be consumed."""
        if self._koder is not None or self._rå is None:
            return self.koder, 0, True
        return self._rå, self._lägst, False


def _koda(serie: pd.Series[Any]) -> _Koder:
    """Integer codes in label order (numeric, lexicographic or category order).

    The codes do not depend on the order of the rows: integers are shifted by
    their minimum, categoricals use their category codes, anything else is
    factorised with ``sort=True``. Missing values get the code -1. The codes
    are always a new array (callers work in place).
    """
    dtype = serie.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        koder = np.array(serie.cat.codes, dtype=np.int64)
        kategorier = serie.cat.categories
        return _Koder(len(kategorier), kategorier.take, koder=koder)
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        saknas: npt.NDArray[np.bool_] | None
        if isinstance(dtype, np.dtype):  # no missing values possible: no test needed
            värden = serie.to_numpy(dtype=np.int64, copy=False)
            saknas = None
        else:
            saknas = serie.isna().to_numpy()
            värden = serie.to_numpy(dtype=np.int64, na_value=0)
            if not saknas.any():
                saknas = None
        giltiga = värden if saknas is None else värden[~saknas]
        if giltiga.size == 0:
            tom = np.full(värden.size, -1, dtype=np.int64)
            return _Koder(0, lambda k: pd.Index(np.asarray(k, dtype=np.int64)), koder=tom)
        lägst = int(giltiga.min())
        spann = int(giltiga.max()) - lägst + 1
        # A dense shift is cheaper than hashing when the ids are not too sparse.
        if spann <= max(4 * värden.size, 1 << 20):
            ut_dtype: Any = getattr(dtype, "numpy_dtype", dtype)

            def etiketter_int(k: _I64) -> pd.Index:
                etiketter: pd.Index = pd.Index(
                    (np.asarray(k, dtype=np.int64) + lägst).astype(ut_dtype)
                )
                return etiketter

            if saknas is None:
                return _Koder(spann, etiketter_int, rå=värden, lägst=lägst, saknas=False)
            koder = värden - lägst
            koder[saknas] = -1
            return _Koder(spann, etiketter_int, koder=koder)
    try:
        koder_f, unika = pd.factorize(serie, sort=True, use_na_sentinel=True)
    except TypeError:  # values of types that do not compare (1, "a", (1,))
        typer = sorted({type(v).__name__ for v in serie.dropna()})
        raise FelTypError(
            f"kontinuitetsindex: column {serie.name!r} mixes values of types {typer} that "
            f"cannot be ordered; give ids of one type, e.g. df[{serie.name!r}].astype(str)"
        ) from None
    unika_index = pd.Index(unika)
    return _Koder(len(unika_index), unika_index.take, koder=np.array(koder_f, dtype=np.int64))


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


def _körningar(sorterad: npt.NDArray[Any]) -> _I64:
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


# --------------------------------------------------------------------------- sorting


def _blockbitar(n: int, hög_bitar: int, låg_bitar: int) -> int:
    """Patient-code bits per block: blocks of about ``_RADER_PER_BLOCK`` rows.

    One block (the whole key, ``hög_bitar``) for small inputs. Otherwise the
    number of blocks follows the number of rows; when a few more, smaller
    blocks make the local key fit in 32 bits, they are taken (a 32-bit sort
    moves half the bytes). At most ``_MAX_BLOCK`` blocks, and the local key
    never exceeds ``_MAX_BITAR`` bits.
    """
    if n < _MINST_FÖR_BLOCK:
        return hög_bitar
    önskat = max(1, n // _RADER_PER_BLOCK)
    k = max(0, hög_bitar - (önskat.bit_length() - 1))
    if 32 - låg_bitar < k <= 32 - låg_bitar + 3:
        k = 32 - låg_bitar
    k = max(k, hög_bitar - _MAX_BLOCKBITAR)
    # never negative: a key wider than _MAX_BITAR (or no rows) is one block
    return max(0, min(k, hög_bitar, _MAX_BITAR - låg_bitar))


def _låg_skiva(låg: _Del, tid: _Tid | None, a: int, b: int) -> _I64:
    """Rows ``a:b`` of the low part of the key: ``låg``'s codes, or with ``tid`` the
    coarsened time in front of them (``((datum - lägst) // enhet >> skift) << bitar``)."""
    arr, lägst, _ = låg
    x = arr[a:b]
    if tid is None:
        return x - lägst if lägst else x
    dk, d_lägst, enhet, skift, v_bitar = tid
    t = dk[a:b] - d_lägst
    if enhet > 1:
        t //= enhet
    t >>= skift
    t <<= v_bitar
    t += x
    if lägst:
        t -= lägst
    return t


def _sorterade_block(
    hög: _Del, låg: _Del, låg_bitar: int, antal_hög: int, tid: _Tid | None = None
) -> Iterator[tuple[int, npt.NDArray[Any]]]:
    """The key ``(hög << låg_bitar) | låg`` in sorted order, one block of ``hög`` at a time.

    ``hög`` and ``låg`` are codes given as ``(array, lägst, egen)``: the codes
    are ``array - lägst`` (non-negative, ``låg`` below ``2**låg_bitar``); an
    array marked ``egen`` is the kernel's own and is consumed, any other (the
    caller's column) is only read. With ``tid`` the low part is the visit
    time followed by ``låg`` (see :func:`_låg_skiva`), computed slab by slab.
    Yields ``(offset, nycklar)``: the sorted
    local keys ``((hög - offset) << låg_bitar) | låg`` of the rows whose
    ``hög`` lies in one block ``[offset, offset + 2**k)``, blocks in increasing
    order, so that the concatenation is the sorted full key. A block's keys are
    ``uint32`` when they fit, else ``int64``. With more than one block the rows
    are first partitioned by block (a radix sort of the small block number,
    slab by slab, so that the data are read once, in order), then each block,
    small enough for the processor's cache, is sorted on its own.
    """
    h_arr, h_lägst, h_egen = hög
    l_arr, _, l_egen = låg
    n = h_arr.size
    hög_bitar = max(antal_hög - 1, 0).bit_length()
    k = _blockbitar(n, hög_bitar, låg_bitar)
    typ: type[np.integer[Any]] = np.uint32 if k + låg_bitar <= 32 else np.int64
    if k >= hög_bitar:
        nyckel: npt.NDArray[Any] = _egen(hög)
        nyckel <<= låg_bitar
        nyckel += _låg_skiva(låg, tid, 0, n)
        if l_egen:
            _frigör(l_arr)
        if typ is np.uint32:
            kort = nyckel.astype(np.uint32)
            _frigör(nyckel)
            nyckel = kort
        nyckel.sort()
        yield 0, nyckel
        return
    antal_block = ((antal_hög - 1) >> k) + 1
    id_typ = np.uint8 if antal_block <= 256 else np.uint16
    mask = (1 << k) - 1
    skivor: list[npt.NDArray[Any]] = []
    gränser: list[_I64] = []
    for a in range(0, n, _RADER_PER_SKIVA):
        h = h_arr[a : a + _RADER_PER_SKIVA]
        if h_lägst:
            h = h - h_lägst
        block = (h >> k).astype(id_typ)
        lokal = h & mask
        lokal <<= låg_bitar
        lokal += _låg_skiva(låg, tid, a, a + _RADER_PER_SKIVA)
        ordning = np.argsort(block, kind="stable")  # radix sort of 8- or 16-bit numbers
        skivor.append(lokal.astype(typ)[ordning])
        gräns = np.zeros(antal_block + 1, dtype=np.int64)
        np.cumsum(np.bincount(block, minlength=antal_block), out=gräns[1:])
        gränser.append(gräns)
    if h_egen:
        _frigör(h_arr)
    if l_egen:
        _frigör(l_arr)
    for b in range(antal_block):
        nyckel = np.concatenate([s[g[b] : g[b + 1]] for s, g in zip(skivor, gränser, strict=True)])
        nyckel.sort()
        yield b << k, nyckel


def _egen(del_: _Del) -> _I64:
    """The codes of ``del_`` as an array of the kernel's own (no copy if it is one)."""
    arr, lägst, egen = del_
    return arr if egen and not lägst else arr - lägst


def _välj(del_: _Del, urval: npt.NDArray[np.bool_] | None) -> _Del:
    """The rows ``urval`` of ``del_`` (a new array of the kernel's own), or all of it."""
    if urval is None:
        return del_
    arr, lägst, _ = del_
    return arr[urval], lägst, True


# --------------------------------------------------------------------------- the kernels


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


def _par_block(
    nyckel: npt.NDArray[Any], offset: int, låg_bitar: int, plats: int | None, metod: str
) -> tuple[_I64, _I64, _F64]:
    """COC, HHI, MFPC, MMCI of one sorted block of ``patient << låg_bitar | provider`` keys.

    A run of equal keys is one (patient, provider) pair; its length is n_j.
    Rows that do not count carry the provider code ``plats``: they keep their
    patient in the result without adding a visit.
    """
    starter = _körningar(nyckel)
    n = _längder(starter, nyckel.size)
    par = nyckel[starter]
    par_patient = (par >> låg_bitar).astype(np.int64)
    M: _I64 | None = None
    if plats is not None:
        räknande = (par & ((1 << låg_bitar) - 1)) != plats
        n *= räknande
        M = räknande.astype(np.int64)
    p_starter = _körningar(par_patient)
    patienter = par_patient[p_starter]
    patienter += offset
    if n.size:
        N = np.add.reduceat(n, p_starter)
        M = _längder(p_starter, n.size) if M is None else np.add.reduceat(M, p_starter)
    else:
        N = M = np.zeros(0, dtype=np.int64)
    return patienter, N, _index_från_par(metod, n, N, p_starter, M)


def _kärna_par(
    pk: _Del,
    vk: _Del,
    antal_p: int,
    antal_v: int,
    räknas: npt.NDArray[np.bool_] | None,
    metod: str,
) -> tuple[_I64, _I64, _F64]:
    """COC, HHI, MFPC, MMCI: one sort of the pairs ``patient << b | provider``.

    Returns patient codes (sorted), N and the index. ``pk`` and ``vk`` (the
    caller's own code arrays) are consumed: they become the key.
    """
    plats: int | None = None
    if räknas is not None:
        v = _egen(vk)
        np.copyto(v, antal_v, where=~räknas)
        vk = (v, 0, True)
        plats = antal_v
    låg_bitar = (antal_v if plats is not None else max(antal_v - 1, 0)).bit_length()
    delar = [
        _par_block(nyckel, offset, låg_bitar, plats, metod)
        for offset, nyckel in _sorterade_block(pk, vk, låg_bitar, antal_p)
    ]
    return _slå_ihop(delar)


def _slå_ihop(delar: list[tuple[_I64, _I64, _F64]]) -> tuple[_I64, _I64, _F64]:
    """Concatenate the (patients, N, value) of the blocks."""
    if len(delar) == 1:
        return delar[0]
    patienter, N, värde = zip(*delar, strict=True)
    return np.concatenate(patienter), np.concatenate(N), np.concatenate(värde)


def _upc_block(
    nyckel: npt.NDArray[Any], offset: int, låg_bitar: int
) -> tuple[_I64, _I64, _I64, _I64, _I64]:
    """UPC counts of one sorted block of ``patient << låg_bitar | kod`` keys.

    ``kod`` is 0 for a row that does not count, else ``2 + 2 * usual + hit``
    (``hit``: the visit is with the usual provider). Sorted, a patient's rows
    that count follow its others, ordered by usual provider: the usual provider
    is the same on all of them exactly when the first and the last agree.
    Returns patients, N, hits, and the usual provider of the first and last
    counted row (-1 where N = 0).
    """
    lp = (nyckel >> låg_bitar).astype(np.int64)
    kod = (nyckel & ((1 << låg_bitar) - 1)).astype(np.int64)
    p_starter = _körningar(lp)
    patienter = lp[p_starter]
    patienter += offset
    if not kod.size:
        tom = np.zeros(0, dtype=np.int64)
        return patienter, tom, tom, tom, tom
    längd = _längder(p_starter, kod.size)
    N = np.add.reduceat(kod > 0, p_starter, dtype=np.int64)
    träffar = np.add.reduceat(kod & 1, p_starter)
    sista = p_starter + längd - 1
    första = np.minimum(sista + 1 - N, sista)
    ok_första = np.where(N > 0, (kod[första] >> 1) - 1, -1)
    ok_sista = np.where(N > 0, (kod[sista] >> 1) - 1, -1)
    return patienter, N, träffar, ok_första, ok_sista


def _upc_koder(
    vårdgivare: pd.Series[Any], ordinarie: pd.Series[Any]
) -> tuple[_I64, int, npt.NDArray[np.bool_] | None]:
    """The UPC row codes ``2 + 2 * usual + hit``, the number of provider codes V, and
    which rows lack a provider (``None``: none do).

    Provider and usual provider share one code space; a missing usual provider
    has the code V. Two integer columns without missing values are coded in a
    few passes without copying them (their values minus the common minimum).
    """
    n = len(vårdgivare)
    if (
        isinstance(vårdgivare.dtype, np.dtype)
        and isinstance(ordinarie.dtype, np.dtype)
        and (
            vårdgivare.dtype.kind == "i"
            or (vårdgivare.dtype.kind == "u" and vårdgivare.dtype.itemsize < 8)
        )
        and (
            ordinarie.dtype.kind == "i"
            or (ordinarie.dtype.kind == "u" and ordinarie.dtype.itemsize < 8)
        )
        and n
    ):
        v = vårdgivare.to_numpy()
        o = ordinarie.to_numpy()
        lägst = min(int(v.min()), int(o.min()))
        spann = max(int(v.max()), int(o.max())) - lägst + 1
        if spann <= max(4 * n, 1 << 20):
            kod = o.astype(np.int64)
            kod -= lägst - 1
            kod <<= 1
            kod += v == o
            return kod, spann, None
    gemensam = _koda(pd.concat([vårdgivare, ordinarie], ignore_index=True))
    vk = gemensam.koder[:n]
    ok = gemensam.koder[n:]
    träff = vk == ok
    kod = np.where(ok < 0, gemensam.antal, ok)
    kod += 1
    kod <<= 1
    kod += träff
    return kod, gemensam.antal, vk < 0


def _kärna_upc(
    pk: _Del,
    kod: _I64,
    antal_p: int,
    antal_v: int,
    räknas: npt.NDArray[np.bool_] | None,
    patient_etikett: Callable[[_I64], pd.Index],
) -> tuple[_I64, _I64, _F64]:
    """UPC: visits to the patient's usual provider divided by N.

    One sort of ``patient << b | kod`` (see :func:`_upc_block` and
    :func:`_upc_koder`); a missing usual provider has the code ``antal_v`` and
    gives NaN. ``kod`` (the kernel's own) is consumed.
    """
    if räknas is not None:
        kod[~räknas] = 0
    låg_bitar = (2 * antal_v + 3).bit_length()
    delar = [
        _upc_block(nyckel, offset, låg_bitar)
        for offset, nyckel in _sorterade_block(pk, (kod, 0, True), låg_bitar, antal_p)
    ]
    patienter, N, träffar, ok_första, ok_sista = (
        np.concatenate(d) if len(delar) > 1 else d[0] for d in zip(*delar, strict=True)
    )
    olika = ok_första != ok_sista
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
    värde[ok_sista == antal_v] = np.nan  # no usual provider: undefined
    return patienter, N, np.asarray(värde, dtype=np.float64)


def _secon_ordnade(lp: _I64, prov: npt.NDArray[Any], offset: int) -> tuple[_I64, _I64, _F64]:
    """SECON from rows in (patient, date, provider) order: patients, N, value."""
    p_starter = _körningar(lp)
    patienter = lp[p_starter].astype(np.int64)
    patienter += offset
    N = _längder(p_starter, lp.size)
    if lp.size:
        # samma[i]: rows i and i+1 are the same patient and the same provider; the pair
        # belongs to the patient of row i (the last row of a patient pairs with nobody)
        samma = np.zeros(lp.size, dtype=bool)
        np.equal(lp[1:], lp[:-1], out=samma[:-1])
        samma[:-1] &= prov[1:] == prov[:-1]
        antal_samma = np.add.reduceat(samma, p_starter, dtype=np.int64)
    else:
        antal_samma = np.zeros(0, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        värde = antal_samma / (N - 1.0)
    return patienter, N, np.asarray(värde, dtype=np.float64)


def _secon_block(
    nyckel: npt.NDArray[Any], offset: int, låg_bitar: int, v_bitar: int, *, grova: bool
) -> tuple[_I64, _I64, _F64]:
    """SECON of one sorted block of ``patient << låg_bitar | time << v_bitar | provider``.

    From the bits in which neighbouring keys differ (``x = k[i] ^ k[i+1]``):
    another patient iff ``x >> låg_bitar``; the same patient and provider iff
    ``x`` has no bit outside the time; the same coarse time step iff
    ``x < 2**v_bitar``, which with coarsened times (``grova``) raises
    :class:`_GrovaTiderError`.
    """
    n = nyckel.size
    if not n:
        tom = np.zeros(0, dtype=np.int64)
        return tom, tom, np.zeros(0, dtype=np.float64)
    skillnad = nyckel[1:] ^ nyckel[:-1]
    if grova and (skillnad < (1 << v_bitar)).any():
        raise _GrovaTiderError
    ny = np.empty(n, dtype=bool)
    ny[0] = True
    np.greater_equal(skillnad, 1 << låg_bitar, out=ny[1:])
    p_starter = np.flatnonzero(ny)
    patienter = (nyckel[p_starter] >> låg_bitar).astype(np.int64)
    patienter += offset
    N = _längder(p_starter, n)
    # samma[i]: rows i and i+1 are the same patient and the same provider; the pair
    # belongs to the patient of row i (the last row of a patient pairs with nobody)
    bredd = nyckel.dtype.itemsize * 8 - (nyckel.dtype.kind == "i")
    utom_tid = (((1 << bredd) - 1) ^ ((1 << låg_bitar) - 1)) | ((1 << v_bitar) - 1)
    samma = np.zeros(n, dtype=bool)
    skillnad &= utom_tid
    np.equal(skillnad, 0, out=samma[:-1])
    antal_samma = np.add.reduceat(samma, p_starter, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        värde = antal_samma / (N - 1.0)
    return patienter, N, np.asarray(värde, dtype=np.float64)


def _tidsenhet(dk: _I64, lägst: int) -> int:
    """The coarsest unit (day, second, millisecond, microsecond, nanosecond) that
    divides every ``dk - lägst``: the times are then small integers in the same order."""
    for enhet in (_NS_PER_DAG, 10**9, 10**6, 10**3):
        # a sample first: a full pass only when the unit may fit
        if not ((dk[:1024] - lägst) % enhet).any() and not ((dk - lägst) % enhet).any():
            return enhet
    return 1


class _GrovaTiderError(Exception):
    """Two visits of a patient fell in the same coarsened time step: order them exactly."""


def _kärna_secon(
    pk: _Del, vk: _Del, dk: _I64, antal_p: int, antal_v: int, *, exakt: bool = False
) -> tuple[_I64, _I64, _F64]:
    """SECON: share of consecutive pairs (by date, ties by provider) with the same provider.

    The order (patient, date, provider) comes from one sort of the key
    ``patient << (bt + bv) | time << bv | provider``. A block of patients needs
    only its own patient bits, so the key fits in ``_MAX_SECON_BITAR`` bits
    unless the times are very fine (nanoseconds over years); then the times
    are coarsened by a shift, which keeps their order, and the result stands
    if no patient has two visits in one coarse step (else :class:`_GrovaTiderError`
    is raised and the caller asks again with ``exakt=True``). ``exakt=True``,
    or a provider code too wide for any key, orders the rows with
    ``numpy.lexsort``. ``pk`` and ``vk`` (the caller's own) are consumed.
    """
    d_lägst = int(dk.min()) if dk.size else 0
    enhet = _tidsenhet(dk, d_lägst)
    v_bitar = max(antal_v - 1, 0).bit_length()
    t_bitar = ((int(dk.max()) - d_lägst) // enhet).bit_length() if dk.size else 0
    k = _blockbitar(dk.size, max(antal_p - 1, 0).bit_length(), 0)
    skift = max(0, k + t_bitar + v_bitar - _MAX_SECON_BITAR)
    if exakt or k + v_bitar + 1 > _MAX_SECON_BITAR:
        # the codes are the arrays shifted by their minimum: the same order
        ordning = np.lexsort((vk[0], dk, pk[0]))
        return _secon_ordnade(pk[0][ordning], vk[0][ordning], -pk[1])
    låg_bitar = t_bitar - skift + v_bitar
    tid = (dk, d_lägst, enhet, skift, v_bitar)
    delar = [
        _secon_block(nyckel, offset, låg_bitar, v_bitar, grova=skift > 0)
        for offset, nyckel in _sorterade_block(pk, vk, låg_bitar, antal_p, tid)
    ]
    return _slå_ihop(delar)


def _patientvärden(df: pd.DataFrame, inst: _Inställning) -> tuple[pd.DataFrame, dict[str, int]]:
    """The pandas kernel: one row per patient (per group with ``per``) and the exclusions.

    Returns a frame with columns ``patient`` (labels), ``grupp`` (labels, only
    with ``per``), ``antal_besök`` (N) and ``värde`` (the index, NaN below the
    minimum), sorted by (grupp, patient); and the number of visit rows that do
    not count, by reason. Used unchanged on every partition of a Dask frame.
    """
    try:
        return _patientvärden_en_gång(df, inst, exakt=False)
    except _GrovaTiderError:  # SECON with coarsened times that tie: order exactly instead
        return _patientvärden_en_gång(df, inst, exakt=True)


def _patientvärden_en_gång(
    df: pd.DataFrame, inst: _Inställning, *, exakt: bool
) -> tuple[pd.DataFrame, dict[str, int]]:
    """:func:`_patientvärden`, with SECON ordered by ``numpy.lexsort`` if ``exakt``."""
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
    upc_kod: _I64 | None = None
    upc_saknas: npt.NDArray[np.bool_] | None = None
    prov: _Koder | None = None
    if inst.metod == "upc":
        assert inst.ordinarie_vårdgivare is not None
        upc_kod, antal_v, upc_saknas = _upc_koder(prov_serie, df[inst.ordinarie_vårdgivare])
    else:
        prov = _koda(prov_serie)
        antal_v = prov.antal

    patient_saknas: npt.NDArray[np.bool_] | None = None
    if pat.saknas:
        patient_saknas = pat.koder < 0
        uteslut(patient_saknas, "saknat_patient_id")
    if upc_saknas is not None:
        uteslut(upc_saknas, "saknad_vårdgivare")
    elif prov is not None and prov.saknas:
        uteslut(prov.koder < 0, "saknad_vårdgivare")
    dk: _I64 | None = None
    if inst.datum is not None:
        datum = _indata.datumkolumn(df[inst.datum], str(inst.datum), "kontinuitetsindex")
        dk = datum.view(np.int64)
        if dk.size and dk.min() == _NAT:  # NaT is the smallest int64
            uteslut(dk == _NAT, "saknat_datum")
        if inst.slutdatum is not None:
            slut = pd.Timestamp(inst.slutdatum)
            start = slut - pd.DateOffset(months=inst.fönster_månader)
            dag = dk // _NS_PER_DAG
            inom = (dag > start.value // _NS_PER_DAG) & (dag <= slut.value // _NS_PER_DAG)
            uteslut(~inom, "utanför_fönster")
    if inst.listningsenhet is not None and inst.vårdenhet is not None:
        uteslut(~_lika(df[inst.vårdenhet], df[inst.listningsenhet]), "annan_vårdenhet")
    if inst.yrke is not None and inst.yrken is not None:
        uteslut(~df[inst.yrke].isin(list(inst.yrken)).to_numpy(dtype=bool), "annat_yrke")

    # The patient key: with ``per`` the pair (group, patient), from counted rows only.
    grupp: _Koder | None = None
    if inst.per is not None:
        grupp = _koda(df[inst.per])
        uteslut(grupp.koder < 0, "saknat_per_värde")
    p_spann = max(pat.antal, 1)
    antal_p = p_spann
    pat_etiketter = pat.etiketter
    grupp_etiketter = None
    g_antal = 0
    urval: npt.NDArray[np.bool_] | None
    if grupp is not None:
        # The code arrays are this function's own copies: combine them in place.
        g_spann = max(grupp.antal, 1)
        gk = grupp.koder
        g_antal = grupp.antal
        grupp_etiketter = grupp.etiketter
        pk0 = pat.koder
        del grupp, pat
        np.maximum(gk, 0, out=gk)
        gk *= p_spann
        np.maximum(pk0, 0, out=pk0)
        gk += pk0
        del pk0
        pk: _Del = (gk, 0, True)
        antal_p = g_spann * p_spann
        urval = None if alla_räknas else räknas
    else:
        pk = pat.del_av_nyckel()
        del pat
        urval = None if alla_räknas or patient_saknas is None else ~patient_saknas
    # 2 * V + 3 codes at most (UPC), and the SECON key falls back to lexsort
    if (antal_p - 1).bit_length() + (2 * antal_v + 3).bit_length() > _MAX_BITAR:
        raise OgiltigtVärdeError(  # pragma: no cover - needs some 10**18 distinct ids
            "kontinuitetsindex: too many distinct (group, patient, provider) values for a "
            "64-bit key; pass fewer groups or recode the ids"
        )

    # r_u: which of the chosen rows count (None: all of them)
    r_u: npt.NDArray[np.bool_] | None = None
    if not alla_räknas:
        r_u = räknas if urval is None else räknas[urval]
        if r_u.all():
            r_u = None
    pk_u = _välj(pk, urval)
    del pk

    if inst.metod == "upc":
        assert upc_kod is not None
        kod_u = upc_kod[urval] if urval is not None else upc_kod

        def etikett(k: _I64) -> pd.Index:
            return pat_etiketter(np.asarray(k) % p_spann)

        patienter, N, värde = _kärna_upc(pk_u, kod_u, antal_p, antal_v, r_u, etikett)
    elif inst.metod == "secon":
        assert dk is not None
        assert prov is not None
        vk_del = _välj(prov.del_av_nyckel(), urval)
        dk_u = dk[urval] if urval is not None else dk
        if r_u is None:
            patienter, N, värde = _kärna_secon(pk_u, vk_del, dk_u, antal_p, antal_v, exakt=exakt)
        else:
            # every patient stays in the result: those without counted visits with N = 0
            finns = np.zeros(antal_p, dtype=bool)
            finns[_egen(pk_u)] = True
            patienter = np.flatnonzero(finns)
            p_r, N_r, v_r = _kärna_secon(
                _välj(pk_u, r_u), _välj(vk_del, r_u), dk_u[r_u], antal_p, antal_v, exakt=exakt
            )
            plats = np.searchsorted(patienter, p_r)
            N = np.zeros(patienter.size, dtype=np.int64)
            N[plats] = N_r
            värde = np.full(patienter.size, np.nan)
            värde[plats] = v_r
    else:
        assert prov is not None
        vk_del = _välj(prov.del_av_nyckel(), urval)
        del prov
        patienter, N, värde = _kärna_par(pk_u, vk_del, antal_p, antal_v, r_u, inst.metod)

    värde[inst.minsta_antal_besök > N] = np.nan
    kolumner: dict[str, Any] = {}
    if grupp_etiketter is not None:
        # a categorical: the labels of the groups once, not once per patient
        kolumner["grupp"] = pd.Categorical.from_codes(
            patienter // p_spann, categories=grupp_etiketter(np.arange(g_antal)), validate=False
        )
        kolumner["patient"] = pat_etiketter(patienter % p_spann)
    else:
        kolumner["patient"] = pat_etiketter(patienter)
    kolumner["antal_besök"] = N
    kolumner["värde"] = värde
    return pd.DataFrame(kolumner, copy=False), skäl


# --------------------------------------------------------------------------- assembling


def _sammanställ_per(
    tabell: pd.DataFrame, per: Hashable, alla: pd.Index | None = None
) -> pd.DataFrame:
    """One row per group: antal_patienter, antal_exkluderade, medel, median.

    ``alla`` are the groups that occur in the data (see :func:`_observerade`);
    a group none of whose visits count (all filtered out) has no row in
    ``tabell`` but stays in the result with 0 patients and NaN.
    """
    ut = _sammanställ_räknade(tabell, per)
    if alla is None:
        return ut
    saknas = alla.difference(ut.index, sort=False)
    if not len(saknas):
        return ut
    tomma = pd.DataFrame(
        {
            "antal_patienter": np.zeros(len(saknas), dtype=np.int64),
            "antal_exkluderade": np.zeros(len(saknas), dtype=np.int64),
            "medel": np.full(len(saknas), np.nan),
            "median": np.full(len(saknas), np.nan),
        },
        index=saknas.astype(ut.index.dtype) if len(ut.index) else saknas,
    )
    hela = pd.concat([ut, tomma]) if len(ut.index) else tomma
    hela.index.name = per
    try:
        return hela.sort_index()
    except TypeError:  # labels of mixed types: keep the order of appearance
        return hela


def _observerade(värden: pd.Series[Any]) -> pd.Index:
    """The distinct non-missing values of a column (not the unused categories)."""
    unika = pd.Index(pd.unique(värden.dropna()))
    if isinstance(unika, pd.CategoricalIndex):
        värden_: pd.Index = pd.Index(np.asarray(unika), dtype=unika.categories.dtype)
        return värden_
    return unika


def _sammanställ_räknade(tabell: pd.DataFrame, per: Hashable) -> pd.DataFrame:
    """:func:`_sammanställ_per` for the groups with counted visits."""
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
    tabell: pd.DataFrame,
    skäl: dict[str, int],
    inst: _Inställning,
    alla_grupper: pd.Index | None = None,
) -> pd.Series[float] | pd.DataFrame:
    """The public result from the per-patient table and the exclusion counts."""
    data_fel = {k: skäl[k] for k in _DATAFEL if skäl[k]}
    if data_fel:
        delar = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in data_fel.items())
        warnings.warn(
            f"kontinuitetsindex: {sum(data_fel.values())} visit rows do not count ({delar}); "
            "they are listed in the result's attrs['exkluderade_besök']",
            UnderlagsVarning,
            stacklevel=4,  # _resultat, kontinuitetsindex, its name wrapper, the caller
        )
    ut: pd.Series[float] | pd.DataFrame
    if inst.per is not None:
        ut = _sammanställ_per(tabell, inst.per, alla_grupper)
    else:
        index = pd.Index(tabell["patient"], name=inst.patient)
        ut = pd.Series(tabell["värde"].to_numpy(), index=index, name=inst.metod)
        if not ut.index.is_monotonic_increasing:
            ut = ut.sort_index()
    ut.attrs["exkluderade_besök"] = dict(skäl)
    return ut


def _dask_väg(besök: Ram, inst: _Inställning) -> pd.Series[float] | pd.DataFrame:
    """Shuffle by patient, then the pandas kernel on each partition."""
    dask = _indata.importera_dask("dask", för="kontinuitetsindex on a Dask DataFrame")
    delar: Any = _indata.kontrollera_partitioner(
        besök[inst.kolumner()], "kontinuitetsindex", argument="besök"
    )
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
    alla_grupper: pd.Index | None = None
    if inst.per is not None:
        grupper_d = delar[inst.per].dropna().drop_duplicates()
        hela, antal, grupper_v = dask.compute(tabeller, räkningar, grupper_d)
        alla_grupper = _observerade(pd.Series(grupper_v))
    else:
        hela, antal = dask.compute(tabeller, räkningar)
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
    return _resultat(hela, skäl, inst, alla_grupper)


# --------------------------------------------------------------------------- public


@_indata.med_funktionsnamn("kontinuitetsindex")
def kontinuitetsindex(
    besök: Ram,
    *,
    patient: str = "patient",
    vårdgivare: str = "vårdgivare",
    metod: str = "coc",
    datum: str | None = None,
    slutdatum: Datum | None = None,
    fönster_månader: int = 18,
    minsta_antal_besök: int = 3,
    listningsenhet: str | None = None,
    vårdenhet: str | None = None,
    per: str | None = None,
    ordinarie_vårdgivare: str | None = None,
    yrke: str | None = None,
    yrken: str | Iterable[str] | None = None,
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
        Column of visit dates (datetime dtype, or ``datetime.date`` objects).
        Needed for ``"secon"`` (the order of the visits) and for the window
        ``slutdatum``. The package's date rule applies: timezone-aware times
        are converted to Swedish local time (Europe/Stockholm) and their local
        calendar day is used; naive times are taken as local. So a visit at
        00:30+01:00 and one at 23:30Z the evening before fall on the same day.
    slutdatum : str, datetime.date, datetime.datetime or pandas.Timestamp, optional
        Last day of the follow-up window [dag]. With ``datum``, only visits
        whose local calendar day lies in ``(slutdatum − fönster_månader months,
        slutdatum]`` count; e.g. ``slutdatum="2023-12-31"`` with 18 months
        counts 2022-07-01 to 2023-12-31, both included. Times of day are
        ignored (a visit at 14:00 on ``slutdatum`` counts); a timezone-aware
        ``slutdatum`` counts by its Swedish local day. Text is ISO 8601. A
        time with a zone against a ``datum`` column without one (or the
        reverse) is an error; a bare day (``'2023-12-31'``) goes with either.
    fönster_månader : int, default 18
        Length of the window [månader]; 18 is the published rule. Used only
        with ``slutdatum``.
    minsta_antal_besök : int, default 3
        Patients with fewer counted visits get NaN (the published rule is
        at least 3). Must be at least what the method needs: 2 for ``"coc"``
        and ``"secon"``, 1 for the others; a smaller value is an error.
    listningsenhet, vårdenhet : str, optional
        Give both or neither. ``listningsenhet`` is the column that gives, on
        each visit row, the care unit where the patient is listed
        (:term:`listningsenhet`); ``vårdenhet`` the care unit where the visit
        took place. With both, only visits with ``vårdenhet == listningsenhet``
        count (the published rule: visits at the patient's own unit); a
        missing value on either side does not count.
    per : str, optional
        Column to group by (a care unit such as ``listningsenhet``, or a
        region).
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
        Every group that occurs in ``besök`` has a row, also one whose visits
        were all filtered out (by the window, ``yrken``, the listing unit):
        it shows 0 patients and NaN, so no unit disappears.
        In both cases ``result.attrs["exkluderade_besök"]`` is a dict with the
        number of visit rows that do not count, by reason (each row under the
        first reason that applies, in this order): ``saknat_patient_id``,
        ``saknad_vårdgivare``, ``saknat_datum``, ``utanför_fönster``,
        ``annan_vårdenhet``, ``annat_yrke``, ``saknat_per_värde``.

    Raises
    ------
    FelTypError
        If ``besök`` is not a pandas or Dask DataFrame (a polars or pyarrow
        table is named, with the way to convert it), an integer argument is
        not a number, ``datum`` is not a column of dates, or ``slutdatum`` is
        not a date.
    SaknadKolumnError
        If a named column is not in ``besök``.
    OgiltigtVärdeError
        For an unknown ``metod``; an integer argument that is not whole or too
        small; ``minsta_antal_besök`` below what the method needs;
        ``slutdatum`` without ``datum``, missing, or an ambiguous slash date;
        ``"secon"`` without ``datum``; ``"upc"`` without
        ``ordinarie_vårdgivare`` (or that argument with another method); only
        one of ``listningsenhet`` and ``vårdenhet``; only one of ``yrke`` and
        ``yrken``; a usual provider that differs between a patient's visits.

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

    Computation: patients and providers become integer codes, the packed
    key ``patient << b | provider`` is sorted once and its runs are the
    counts :math:`n_j`; the per-patient sums are ``numpy.add.reduceat`` over
    the runs. UPC sorts ``patient << b | (usual provider, hit)`` and SECON
    ``patient << b | (time, provider)`` the same way. Large inputs are
    partitioned into blocks of patients (a radix sort of the block number)
    and each block, small enough for the processor's cache, is sorted on
    its own, as 32-bit keys where they fit. A Dask DataFrame is shuffled by
    patient (``DataFrame.shuffle``) and the same pandas kernel runs on each
    partition; the per-patient values are then collected (one row per
    patient) for the result. The shuffle
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

    Only the visits at the patient's own care unit count with
    ``listningsenhet`` and ``vårdenhet`` (here every patient is listed at X,
    so patients 2 and 3, seen at Y, have no counted visit):

    >>> besök["listad"] = "X"
    >>> coc = hu.kontinuitetsindex(besök, listningsenhet="listad", vårdenhet="vårdcentral")
    >>> coc
    patient
    1    0.333333
    2         NaN
    3         NaN
    Name: coc, dtype: float64
    >>> coc.attrs["exkluderade_besök"]["annan_vårdenhet"]
    5
    """
    vad = "kontinuitetsindex"
    ramtyp = _indata.ramtyp(besök, vad, argument="besök")
    metod_in: object = metod
    if not isinstance(metod_in, str) or _indata.nfc(metod_in).strip().lower() not in METODER:
        raise OgiltigtVärdeError(f"{vad}: unknown metod {metod!r}; choose one of {sorted(METODER)}")
    metod = _indata.nfc(metod).strip().lower()
    minsta = _indata.heltal(minsta_antal_besök, f"{vad}: minsta_antal_besök", minst=0)
    if minsta < METODER[metod]:
        raise OgiltigtVärdeError(
            f"{vad}: minsta_antal_besök={minsta} is below what metod={metod!r} "
            f"needs (N >= {METODER[metod]}); pass minsta_antal_besök={METODER[metod]} or more "
            "(the published rule is 3)"
        )
    # at most a century: a longer window reaches before any date pandas can hold
    fönster = _indata.heltal(fönster_månader, f"{vad}: fönster_månader", minst=1, högst=1200)
    slut: dt.date | None = None
    if slutdatum is not None:
        if datum is None:
            raise OgiltigtVärdeError(
                f"{vad}: slutdatum needs datum, the column of visit dates; pass datum='<column>'"
            )
        slut = _indata.rimligt_datum(slutdatum, f"{vad}: slutdatum")
        ram = getattr(besök, "_meta", besök)
        try:
            finns = datum in ram.columns
        except TypeError:  # an unhashable datum is refused with the other checks below
            finns = False
        if finns:
            _indata.samma_tidszonsslag(
                {f"column {datum!r} (datum=)": ram[datum], "slutdatum": slutdatum}, vad
            )
    if metod == "secon" and datum is None:
        raise OgiltigtVärdeError(
            f"{vad}: metod='secon' needs the visit order; pass datum='<column>'"
        )
    if metod == "upc" and ordinarie_vårdgivare is None:
        raise OgiltigtVärdeError(
            f"{vad}: metod='upc' needs the patient's usual provider; pass "
            "ordinarie_vårdgivare='<column>'"
        )
    if metod != "upc" and ordinarie_vårdgivare is not None:
        raise OgiltigtVärdeError(
            f"{vad}: ordinarie_vårdgivare is used only by metod='upc', not "
            f"metod={metod!r}; drop it or choose metod='upc'"
        )
    if (listningsenhet is None) != (vårdenhet is None):
        raise OgiltigtVärdeError(
            f"{vad}: give both listningsenhet and vårdenhet (visits count only where they "
            f"are equal) or neither; got listningsenhet={listningsenhet!r}, "
            f"vårdenhet={vårdenhet!r}"
        )
    if (yrke is None) != (yrken is None):
        raise OgiltigtVärdeError(
            f"{vad}: give both yrke (the profession column) and yrken (the "
            f"professions that count) or neither; got yrke={yrke!r}, yrken={yrken!r}"
        )
    yrken_t: tuple[Hashable, ...] | None = None
    yrken_in: object = yrken
    if isinstance(yrken_in, str):
        yrken_t = (_indata.nfc(yrken_in),)
    elif isinstance(yrken_in, Iterable):
        yrken_t = tuple(_indata.nfc(y) if isinstance(y, str) else y for y in yrken_in)
    elif yrken_in is not None:
        raise FelTypError(
            f"{vad}: yrken must be a profession (str) or a list of them, got {yrken_in!r}"
        )
    if yrken_t is not None and any(
        y is None or y is pd.NA or (isinstance(y, float) and np.isnan(y)) for y in yrken_t
    ):
        raise OgiltigtVärdeError(
            f"{vad}: yrken names a missing value ({_indata.kort(list(yrken_t))}), which would "
            "count the visits whose profession is missing; name professions only, e.g. "
            "yrken=['läkare']"
        )
    if yrken_t is not None and not yrken_t:
        raise OgiltigtVärdeError(
            f"{vad}: yrken is empty, so no visit would count; name at least "
            "one profession, e.g. yrken='läkare'"
        )
    # Column names are matched in NFC ("ä" can arrive decomposed): use the frame's own labels.
    kolumner = list(besök.columns)

    def kolumn(namn: str | None, argument: str) -> Hashable | None:
        return None if namn is None else _indata.kolumn(kolumner, namn, vad, argument=argument)

    inst = _Inställning(
        patient=_indata.kolumn(kolumner, patient, vad, argument="patient"),
        vårdgivare=_indata.kolumn(kolumner, vårdgivare, vad, argument="vårdgivare"),
        metod=metod,
        datum=kolumn(datum, "datum"),
        slutdatum=slut,
        fönster_månader=fönster,
        minsta_antal_besök=minsta,
        listningsenhet=kolumn(listningsenhet, "listningsenhet"),
        vårdenhet=kolumn(vårdenhet, "vårdenhet"),
        per=kolumn(per, "per"),
        ordinarie_vårdgivare=kolumn(ordinarie_vårdgivare, "ordinarie_vårdgivare"),
        yrke=kolumn(yrke, "yrke"),
        yrken=yrken_t,
    )
    # a column named twice in besök would be read as a frame, not a column
    använda = inst.kolumner()
    _indata.unika_nycklar(
        [k for k in kolumner if k in använda], "the columns of besök it reads", vad
    )
    if ramtyp == "dask":
        return _dask_väg(besök, inst)
    tabell, skäl = _patientvärden(besök, inst)
    alla = None if inst.per is None else _observerade(besök[inst.per])
    return _resultat(tabell, skäl, inst, alla)
