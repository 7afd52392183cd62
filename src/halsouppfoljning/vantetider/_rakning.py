"""The counting kernel of :func:`~halsouppfoljning.väntetidsandelar`: rows in, counts out.

Not public API. :func:`räkna` counts one frame (or one Dask partition) in
named steps; every count adds up over partitions:

1. :func:`gruppera`: one group code per row and the key of each group;
2. :func:`läs_rader`: each row's dates (or waiting time) through the input
   layer, and which rows are missing or invalid;
3. :class:`Celler`: the one place where a row's group and its *category*
   (counted, missing, invalid, excluded) become one code, its *cell*;
4. per unit of the limits, one counting strategy:

   - the stock at snapshot dates (:func:`räkna_bestånd`):
     :func:`bestånd_histogram` when the cells are few (one ``bincount`` over
     cell × class of start × snapshot index of done, then a small matrix
     product), else :func:`bestånd_differens` (difference arrays over
     the snapshot indices of each row, :func:`beståndsindex`);
   - the flow in periods and a column of waiting times
     (:func:`räkna_väntetider`): one ``bincount`` over cell × period × bin
     of the waiting time;

   indices are found by :func:`sök` and :func:`beståndsindex`, through a
   lookup table when the span of the dates is small against the rows, else
   by ``searchsorted``;
5. :func:`lång_form`: the counts in long form with the group keys.

Which strategy runs is decided by sizes; the thresholds are keyword
arguments of :func:`räkna` (:class:`Trösklar`), so a test reaches every
strategy on small data.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import _indata
from ..exceptions import OgiltigtVärdeError

__all__ = [
    "KATEGORIER",
    "TIO_ÅR",
    "Celler",
    "Händelser",
    "Plan",
    "Rader",
    "Trösklar",
    "bestånd_differens",
    "bestånd_histogram",
    "beståndsindex",
    "blandad_kod",
    "gruppera",
    "klassgränser",
    "kontrollera_giltiga",
    "läs_rader",
    "lång_form",
    "periodindex",
    "räkna",
    "räkna_bestånd",
    "räkna_väntetider",
    "sök",
    "tid_i_enhet",
]

_Heltal = npt.NDArray[np.integer[Any]]
_I64 = npt.NDArray[np.int64]
_Bool = npt.NDArray[np.bool_]

#: The categories of a row, in the order of the cell codes: counted in the
#: base, left out for a missing start or waiting time, left out as invalid,
#: removed by an exclusion column. A row is in exactly one.
KATEGORIER = ("antal", "saknade", "ogiltiga", "exkluderade")

_NS_PER_DAG = 86_400 * 10**9
_NS_PER_S = 10**9
#: A time "before everything" (missing start) or "after everything" (not done).
_BORTOM = np.iinfo(np.int64).max // 4
_SEKUNDER = {"dagar": 86_400, "timmar": 3_600}


# --------------------------------------------------------------------------- plan


@attrs.frozen(kw_only=True)
class Plan:
    """What a partition needs to count (picklable: it travels to Dask workers).

    ``läge`` is ``"väntetid"`` (a column of waiting times), ``"bestånd"``
    (the stock at ``mätdatum``) or ``"flöde"`` (the flow in ``perioder``,
    each the first and last day, inclusive, as days since 1970-01-01).
    ``gränser`` holds the limits and ``enheter`` the unit of each.
    """

    läge: str
    gränser: tuple[float, ...]
    enheter: tuple[str, ...]
    väntetid: str | None = None
    start: str | None = None
    slut: str | None = None
    per: tuple[str, ...] = ()
    exkludera: tuple[str, ...] = ()
    enhet: str = "dagar"
    mätdatum: tuple[pd.Timestamp, ...] = ()
    perioder: tuple[tuple[int, int], ...] = ()
    ogiltiga: str = "fel"

    @property
    def antal_tider(self) -> int:
        """Snapshots, periods, or 1 for a column of waiting times."""
        if self.läge == "bestånd":
            return len(self.mätdatum)
        if self.läge == "flöde":
            return len(self.perioder)
        return 1


@attrs.frozen(kw_only=True)
class Trösklar:
    """The sizes at which the kernel changes strategy (see :func:`räkna`)."""

    max_histogramceller: int = 2_000_000
    histogramfaktor: int = 4
    max_tabellspann: int = 4_000_000
    tabellfaktor: int = 4

    def histogram(self, celler: int, rader: int) -> bool:
        """Whether a histogram of ``celler`` cells beats difference arrays for ``rader`` rows."""
        return celler <= max(self.histogramfaktor * rader, self.max_histogramceller)

    def tabell(self, spann: int, rader: int) -> bool:
        """Whether a lookup table over ``spann`` values beats ``searchsorted`` on ``rader``."""
        return spann <= self.max_tabellspann and rader > self.tabellfaktor * spann


# --------------------------------------------------------------------------- step 1: groups


def gruppera(pdf: pd.DataFrame, per: tuple[str, ...]) -> tuple[_I64, int, pd.DataFrame]:
    """Group code per row (0 .. grupper - 1), number of groups, and one key row per code.

    Categorical columns give every category (an empty group is kept); other
    columns give their observed values, sorted. A missing key is a group of
    its own, after the others. Several columns combine into the observed
    combinations (all combinations when every column is categorical).
    """
    n = len(pdf)
    if not per:
        return np.zeros(n, dtype=np.int64), 1, pd.DataFrame(index=pd.RangeIndex(1))
    koder: list[_I64] = []
    unika: list[pd.Index[Any]] = []
    alla_kategoriska = True
    for kolumn in per:
        s = pdf[kolumn]
        if isinstance(s.dtype, pd.CategoricalDtype):
            k = s.cat.codes.to_numpy().astype(np.int64)
            u: pd.Index[Any] = pd.CategoricalIndex(
                s.cat.categories, categories=s.cat.categories, ordered=s.cat.ordered
            )
        else:
            alla_kategoriska = False
            try:
                k_arr, u_arr = pd.factorize(s, sort=True, use_na_sentinel=True)
            except TypeError:  # unorderable mixed keys
                k_arr, u_arr = pd.factorize(s, sort=False, use_na_sentinel=True)
            k = np.asarray(k_arr, dtype=np.int64)
            u = pd.Index(u_arr)
        saknas = k < 0
        if saknas.any():
            k = np.where(saknas, len(u), k)
            # an object index stays object (pandas before 3 would infer a dtype)
            u = (
                pd.Index([*u, np.nan], dtype=object)
                if u.dtype == object
                else u.insert(len(u), np.nan)
            )
        koder.append(k)
        unika.append(u)
    storlekar = tuple(len(u) for u in unika)
    if len(per) == 1:
        g, antal = koder[0], storlekar[0]
        delkoder = [np.arange(antal)]
    else:
        kombinerad = (
            np.ravel_multi_index(tuple(koder), storlekar) if n else np.zeros(0, dtype=np.int64)
        )
        if alla_kategoriska:
            g, antal = np.asarray(kombinerad, dtype=np.int64), int(np.prod(storlekar))
            delkoder = list(np.unravel_index(np.arange(antal), storlekar))
        else:
            g_arr, u_komb = pd.factorize(kombinerad, sort=True)
            g, antal = np.asarray(g_arr, dtype=np.int64), len(u_komb)
            delkoder = list(np.unravel_index(np.asarray(u_komb, dtype=np.int64), storlekar))
    nycklar = pd.DataFrame(
        {kol: u.take(dk) for kol, u, dk in zip(per, unika, delkoder, strict=True)}
    )
    for kol, u in zip(per, unika, strict=True):
        if isinstance(u, pd.CategoricalIndex):
            nycklar[kol] = pd.Categorical(nycklar[kol], categories=u.categories, ordered=u.ordered)
    return g, antal, nycklar


# --------------------------------------------------------------------------- step 2: rows


@attrs.frozen(kw_only=True, eq=False)
class Händelser:
    """Event dates: nanoseconds of Swedish local wall time (NaT as the minimum
    int64) and their missing masks."""

    start_ns: _I64
    slut_ns: _I64
    start_saknas: _Bool
    slut_saknas: _Bool


@attrs.frozen(kw_only=True, eq=False)
class Rader:
    """Each row's data as arrays: event dates (``händelser``) or a column of
    waiting times (``väntetid``, in ``Plan.enhet``), and which rows are
    ``saknad`` (missing start or waiting time) or ``ogiltig`` (done before
    start, negative waiting time; never also ``saknad``).
    """

    saknad: _Bool
    ogiltig: _Bool
    händelser: Händelser | None = None
    väntetid: npt.NDArray[np.float64] | None = None


def läs_rader(pdf: pd.DataFrame, plan: Plan) -> Rader:
    """Step 2: dates or waiting times of each row, through the input layer."""
    if plan.läge == "väntetid":
        kolumn = pdf[plan.väntetid]
        if pd.api.types.is_timedelta64_dtype(kolumn.dtype):
            kolumn = kolumn.dt.total_seconds() / _SEKUNDER[plan.enhet]
        w = _indata.tal_array(kolumn, f"väntetidsandelar: column {plan.väntetid!r} (väntetid=)")
        saknad = np.isnan(w)
        _rimliga(w > TIO_ÅR[plan.enhet], pdf, f"väntetid {plan.väntetid!r}", w, plan.enhet)
        return Rader(saknad=saknad, ogiltig=~saknad & (w < 0), väntetid=w)
    vad = "väntetidsandelar"
    start_ns = _indata.datumkolumn(pdf[plan.start], str(plan.start), vad).view(np.int64)
    slut_ns = _indata.datumkolumn(pdf[plan.slut], str(plan.slut), vad).view(np.int64)
    nat = np.iinfo(np.int64).min
    start_saknas = start_ns == nat
    slut_saknas = slut_ns == nat
    # a missing start (the minimum int64) is never after a done date
    ogiltig = slut_ns < start_ns
    ogiltig &= ~slut_saknas
    båda = ~start_saknas & ~slut_saknas
    dagar = np.where(båda, (slut_ns - np.where(båda, start_ns, 0)) / 86_400e9, 0.0)
    _rimliga(dagar > TIO_ÅR["dagar"], pdf, f"from {plan.start!r} to {plan.slut!r}", dagar, "dagar")
    händelser = Händelser(
        start_ns=start_ns, slut_ns=slut_ns, start_saknas=start_saknas, slut_saknas=slut_saknas
    )
    return Rader(saknad=start_saknas, ogiltig=ogiltig, händelser=händelser)


#: The plausibility bound of a waiting time: ten years (a longer one is an error in the data).
TIO_ÅR = {"dagar": 3653.0, "timmar": 3653.0 * 24}


def _rimliga(orimlig: _Bool, pdf: pd.DataFrame, vad: str, värden: Any, enhet: str) -> None:
    """Raise if a waiting time is longer than ten years, naming the first row."""
    if not orimlig.any():
        return
    första = int(np.flatnonzero(orimlig)[0])
    raise OgiltigtVärdeError(
        f"väntetidsandelar: {int(orimlig.sum())} row(s) have a waiting time ({vad}) over ten "
        f"years; the first, at index {pdf.index[första]!r}, has {float(värden[första]):g} "
        f"{enhet}. Correct the data (a wrong date or unit?) or remove those rows"
    )


def kontrollera_giltiga(rader: Rader, pdf: pd.DataFrame, plan: Plan) -> None:
    """Raise for invalid rows, naming the count and the first (``ogiltiga="fel"``)."""
    if plan.ogiltiga != "fel" or not rader.ogiltig.any():
        return
    första = int(np.flatnonzero(rader.ogiltig)[0])
    if rader.väntetid is not None:
        vad = f"a negative waiting time ({float(rader.väntetid[första])!r} {plan.enhet})"
    else:
        vad = (
            f"a done date before the start date (start "
            f"{pdf[plan.start].iloc[första]}, slut {pdf[plan.slut].iloc[första]})"
        )
    raise OgiltigtVärdeError(
        f"{int(rader.ogiltig.sum())} row(s) are invalid; the first, at index "
        f"{pdf.index[första]!r}, has {vad}. Correct the data, or pass ogiltiga='exkludera' "
        "to leave such rows out and count them in the column 'ogiltiga'"
    )


# --------------------------------------------------------------------------- step 3: cells


@attrs.frozen(kw_only=True, eq=False)
class Celler:
    """Where each row is counted: its group and its category as one code.

    ``kod = kategori * grupper + grupp``, with ``kategori`` the index in
    :data:`KATEGORIER`; so ``grupp = kod % grupper``. Counting over
    ``antal`` (= 4 × grupper) cells and splitting the result with
    :meth:`dela` gives every category's counts from one pass. ``skäl`` holds,
    per exclusion column, the rows it excluded (category ``exkluderade``).
    """

    kod: _I64
    grupper: int
    skäl: tuple[_Bool, ...]

    @classmethod
    def koda(cls, grupp: _I64, grupper: int, rader: Rader, flaggor: list[_Bool]) -> Celler:
        """Cell codes, built in place in ``grupp``'s array (which is consumed)."""
        kod = grupp
        n = len(kod)
        någon = np.zeros(n, dtype=bool)
        for f in flaggor:
            någon |= f
        exkluderad = någon & ~rader.saknad & ~rader.ogiltig
        del någon
        for kategori, mask in (
            ("exkluderade", exkluderad),
            ("ogiltiga", rader.ogiltig & ~rader.saknad),
            ("saknade", rader.saknad),
        ):
            if mask.any():
                np.add(kod, KATEGORIER.index(kategori) * grupper, out=kod, where=mask)
        return cls(kod=kod, grupper=grupper, skäl=tuple(exkluderad & f for f in flaggor))

    @property
    def antal(self) -> int:
        """The number of cells."""
        return len(KATEGORIER) * self.grupper

    def grupp(self, mask: _Bool) -> _I64:
        """The group codes of the rows in ``mask``."""
        return self.kod[mask] % max(self.grupper, 1)

    def dela(self, tal: npt.NDArray[Any]) -> dict[str, npt.NDArray[Any]]:
        """Counts over the cells (first axis) split into one array per category."""
        g = self.grupper
        return {namn: tal[i * g : (i + 1) * g] for i, namn in enumerate(KATEGORIER)}


def blandad_kod(först: _Heltal, *axlar: tuple[_Heltal, int], ut: _I64 | None = None) -> _I64:
    """Mixed-radix code ``((först * n1 + a1) * n2 + a2) ...`` for axes ``(a, n)``.

    Written into ``ut`` when given (no fresh row array).
    """
    (a, storlek), *resten = axlar
    kod: _I64 = np.multiply(först, storlek, out=ut, dtype=np.int64)
    kod += a
    for a, storlek in resten:
        kod *= storlek
        kod += a
    return kod


# --------------------------------------------------------------------------- indices


def tid_i_enhet(
    ns: _I64, saknas: _Bool, enhet: str, saknat_värde: int, *, ut: _I64 | None = None
) -> _I64:
    """Calendar days (``dagar``, floored) or seconds (``timmar``) of timestamps.

    A missing timestamp becomes ``saknat_värde`` (−∞ for a missing start,
    +∞ for a row not done yet). Written into ``ut`` when given.
    """
    if enhet == "dagar":
        if ut is None:
            ut = ns.view("datetime64[ns]").astype("datetime64[D]").view(np.int64)
        else:
            np.copyto(ut.view("datetime64[D]"), ns.view("datetime64[ns]"), casting="same_kind")
    else:
        ut = np.floor_divide(ns, _NS_PER_S, out=ut)
    if saknas.any():
        ut[saknas] = saknat_värde
    return ut


def _tabelltyp(antal: int) -> type[np.signedinteger[Any]]:
    return np.int16 if antal < np.iinfo(np.int16).max else np.int64


def sök(tider: _I64, x: _I64, side: str, tr: Trösklar, *, skriv_över: bool = False) -> _Heltal:
    """``np.searchsorted(tider, x, side)``, through a lookup table when the span is small.

    Values below ``tider[0] - 1`` or above ``tider[-1] + 1`` give the same
    answer as those bounds, so ``x`` is clipped and the table covers only
    the span of ``tider`` (a few hundred entries for daily dates). With
    ``skriv_över`` the clipping reuses ``x``'s memory (``x`` is destroyed).
    """
    lo, hi = int(tider[0]) - 1, int(tider[-1]) + 1
    spann = hi - lo + 1
    if tr.tabell(spann, x.size):
        tabell = np.searchsorted(tider, np.arange(lo, hi + 1), side=side)  # type: ignore[call-overload]
        idx = np.clip(x, lo, hi, out=x) if skriv_över else np.clip(x, lo, hi)
        idx -= lo
        return np.take(tabell.astype(_tabelltyp(len(tider))), idx)
    return np.searchsorted(tider, x, side=side)  # type: ignore[call-overload,no-any-return]


def beståndsindex(
    tider: _I64, s: _I64, e: _I64, steg: _I64, tr: Trösklar
) -> tuple[_Heltal, _Heltal, list[_Heltal]]:
    """Snapshot indices of each row: present at ``i0 <= i < i1``, within ``steg[u]`` below ``j[u]``.

    ``i0 = searchsorted(tider, s)``, ``i1 = searchsorted(tider, e)``,
    ``j[u] = searchsorted(tider, s + steg[u], "right")`` clamped to
    ``[i0, i1]``; ``s <= e`` is required. Through one lookup table per side
    when the span of ``tider`` is small: ``j[u]`` is then a shifted view of
    the table, so no ``s + steg`` array is formed.
    """
    maxsteg = int(steg.max()) if steg.size else 0
    lo, hi = int(tider[0]) - maxsteg - 1, int(tider[-1]) + 1
    typ = _tabelltyp(len(tider))
    j: list[_Heltal] = []
    if tr.tabell(hi - lo + 1, s.size):
        vänster = np.searchsorted(tider, np.arange(lo, hi + 1), side="left").astype(typ)
        höger = np.searchsorted(tider, np.arange(lo, hi + maxsteg + 1), side="right").astype(typ)
        idx_s = np.clip(s, lo, hi)
        idx_s -= lo
        idx_e = np.clip(e, lo, hi)
        idx_e -= lo
        i0: _Heltal = np.take(vänster, idx_s)
        i1: _Heltal = np.take(vänster, idx_e)
        del idx_e
        for u in steg:
            j.append(np.take(höger[int(u) :], idx_s))
    else:
        i0 = np.searchsorted(tider, s, side="left")
        i1 = np.searchsorted(tider, e, side="left")
        for u in steg:
            j.append(np.asarray(np.searchsorted(tider, s + int(u), side="right")))
    for ju in j:
        np.minimum(ju, i1, out=ju)
        np.maximum(ju, i0, out=ju)
    return i0, i1, j


def klassgränser(tider: _I64, steg: _I64) -> _I64:
    """Thresholds that split start times into classes with the same snapshot indices.

    ``i0 = #{t < s} = #{t + 1 <= s}`` and ``j_u = #{t <= s + L_u} = #{t - L_u <= s}``
    are step functions of ``s`` that change only at ``t + 1`` and ``t - L_u``;
    between two consecutive thresholds every row has the same ``i0`` and ``j_u``.
    """
    delar = [tider + 1, *(tider - int(u) for u in steg)]
    return np.unique(np.concatenate(delar))


def periodindex(
    e: _I64, perioder: tuple[tuple[int, int], ...], tr: Trösklar, *, skriv_över: bool = False
) -> list[_Heltal]:
    """Period index of each done day ``e`` (``len(perioder)`` = outside every period).

    Non-overlapping periods give one array (through a lookup table from day
    to period when the span is small, else ``searchsorted``); overlapping
    periods give one array per period. With ``skriv_över`` the lookup may
    reuse ``e``'s memory (``e`` is destroyed).
    """
    k = len(perioder)
    från = np.array([p[0] for p in perioder], dtype=np.int64)
    till = np.array([p[1] for p in perioder], dtype=np.int64)
    ordning = np.argsort(från, kind="stable")
    if bool(np.any(från[ordning][1:] <= till[ordning][:-1])):
        return [np.where((e >= från[p]) & (e <= till[p]), p, k) for p in range(k)]
    lo, hi = int(från.min()) - 1, int(till.max()) + 1
    if tr.tabell(hi - lo + 1, e.size):
        tabell = np.full(hi - lo + 1, k, dtype=_tabelltyp(k))
        for p in range(k):  # one slice per period, not per row
            tabell[från[p] - lo : till[p] - lo + 1] = p
        idx = np.clip(e, lo, hi, out=e) if skriv_över else np.clip(e, lo, hi)
        idx -= lo
        return [np.take(tabell, idx)]
    pos = np.searchsorted(från[ordning], e, side="right") - 1
    pos_c = np.clip(pos, 0, k - 1)
    innanför = (pos >= 0) & (e <= till[ordning][pos_c])
    return [np.where(innanför, ordning[pos_c], k)]


# --------------------------------------------------------------------------- step 4: counting


#: A count of one unit's limits: present (cells, k), within per limit of the
#: unit [(cells, k)], and present per exclusion column [(grupper, k)].
_Delräkning = tuple[_I64, list[_I64], list[_I64]]


def bestånd_histogram(
    celler: Celler,
    klass: _Heltal,
    i1: _Heltal,
    tider: _I64,
    steg: _I64,
    klasser: _I64,
    *,
    buffert: _I64 | None = None,
) -> _Delräkning:
    """Stock counts from one histogram of the rows (few cells).

    Each row gets a code (its cell, ``klass`` = class of its start among
    ``klasser``, ``i1`` = index of the first snapshot on or after its done
    date); one ``bincount`` gives a small histogram ``H``, and every count
    follows from ``H`` and a membership table ``M[c, i1, i]`` (present at
    snapshot ``i``; within limit ``u``): ``counts = H @ M``. The cost per
    row is a few passes, whatever the number of snapshots and limits.
    ``steg`` are the distinct limits in the unit of ``tider``.
    """
    k = len(tider)
    antal_klasser = len(klasser) + 1
    # a representative start of each class and its first snapshot index
    representant = np.concatenate([[klasser[0] - 1], klasser])
    i0_c = np.searchsorted(tider, representant, side="left")
    i_axel = np.arange(k)
    alla_i1 = np.broadcast_to(np.arange(k + 1)[None, :], (antal_klasser, k + 1))

    def medlemskap(slut_c: npt.NDArray[np.integer[Any]]) -> _I64:
        # slut_c: (klasser, k + 1) end index; a member at i when i0_c <= i < slut_c
        m = (i_axel[None, None, :] >= i0_c[:, None, None]) & (
            i_axel[None, None, :] < slut_c[:, :, None]
        )
        return m.reshape(antal_klasser * (k + 1), k).astype(np.int64)

    def histogram(kod_först: _Heltal, klass_: _Heltal, i1_: _Heltal, celler_: int, ut: Any) -> _I64:
        kod = blandad_kod(kod_först, (klass_, antal_klasser), (i1_, k + 1), ut=ut)
        h = np.bincount(kod, minlength=celler_ * antal_klasser * (k + 1))
        return h.reshape(celler_, antal_klasser * (k + 1))

    h = histogram(celler.kod, klass, i1, celler.antal, buffert)
    närvarande = h @ medlemskap(alla_i1)
    inom = []
    for u in steg:
        j_c = np.searchsorted(tider, representant + int(u), side="right")
        inom.append(h @ medlemskap(np.clip(j_c[:, None], i0_c[:, None], alla_i1)))
    skäl = [
        histogram(celler.grupp(m), klass[m], i1[m], celler.grupper, None) @ medlemskap(alla_i1)
        for m in celler.skäl
    ]
    return närvarande, inom, skäl


def _differenser(kod: _I64, i0: _Heltal, i1: _Heltal, celler: int, k: int) -> _I64:
    """Counts per (cell, snapshot) of rows present at ``i0 <= i < i1`` (``i1 >= i0``).

    A difference array: +1 at ``(kod, i0)``, −1 at ``(kod, i1)``, summed along
    the snapshots.
    """
    bas = kod * (k + 1)
    plus = np.bincount(bas + i0, minlength=celler * (k + 1))
    minus = np.bincount(bas + i1, minlength=celler * (k + 1))
    diff = (plus - minus).reshape(celler, k + 1)
    return np.cumsum(diff, axis=1)[:, :k].astype(np.int64)


def bestånd_differens(
    celler: Celler, s: _I64, e: _I64, tider: _I64, steg: _I64, tr: Trösklar
) -> _Delräkning:
    """Stock counts from difference arrays over each row's snapshot indices (many cells)."""
    k = len(tider)
    i0, i1, j = beståndsindex(tider, s, e, steg, tr)
    närvarande = _differenser(celler.kod, i0, i1, celler.antal, k)
    inom = [_differenser(celler.kod, i0, ju, celler.antal, k) for ju in j]
    skäl = [_differenser(celler.grupp(m), i0[m], i1[m], celler.grupper, k) for m in celler.skäl]
    return närvarande, inom, skäl


def räkna_bestånd(
    celler: Celler, rader: Rader, plan: Plan, enhet: str, steg: _I64, tr: Trösklar
) -> _Delräkning:
    """The stock at the snapshot dates, for the distinct limits ``steg`` in ``enhet``.

    Start ``s`` and done ``e`` in days (or seconds); a row is present at
    snapshot ``t`` when ``s <= t < e`` and within ``L`` when ``t - s <= L``.
    An invalid row (done before start) is counted between its two dates.
    """
    h = rader.händelser
    assert h is not None
    if enhet == "dagar":
        tider = np.array([t.value // _NS_PER_DAG for t in plan.mätdatum], dtype=np.int64)
    else:
        tider = np.array([t.value // _NS_PER_S for t in plan.mätdatum], dtype=np.int64)
    n = len(celler.kod)
    klasser = klassgränser(tider, steg)
    ogiltig = rader.ogiltig
    någon_ogiltig = bool(ogiltig.any())

    def start(ut: _I64 | None) -> _I64:
        s = tid_i_enhet(h.start_ns, h.start_saknas, enhet, -_BORTOM, ut=ut)
        if någon_ogiltig:  # an invalid row is counted between its two dates: swap them
            s[ogiltig] = tid_i_enhet(h.slut_ns[ogiltig], h.slut_saknas[ogiltig], enhet, 0)
        return s

    def slut(ut: _I64 | None) -> _I64:
        e = tid_i_enhet(h.slut_ns, h.slut_saknas, enhet, _BORTOM, ut=ut)
        if någon_ogiltig:
            e[ogiltig] = tid_i_enhet(h.start_ns[ogiltig], h.start_saknas[ogiltig], enhet, 0)
        return e

    if tr.histogram(celler.antal * (len(klasser) + 1) * (len(tider) + 1), n):
        # One int64 scratch buffer holds, in turn, the start times, the done
        # times and the histogram codes; each is consumed before the next.
        buffert = np.empty(n, dtype=np.int64)
        klass = sök(klasser, start(buffert), "right", tr, skriv_över=True)
        i1 = sök(tider, slut(buffert), "left", tr, skriv_över=True)
        return bestånd_histogram(celler, klass, i1, tider, steg, klasser, buffert=buffert)
    return bestånd_differens(celler, start(None), slut(None), tider, steg, tr)


def räkna_väntetider(
    celler: Celler, rader: Rader, plan: Plan, enhet: str, steg: npt.NDArray[Any], tr: Trösklar
) -> _Delräkning:
    """The flow in the periods (or a column of waiting times), for the distinct limits ``steg``.

    Each row gets its period ``p`` (the one of its done day; ``k`` = none)
    and its bin among the limits (``searchsorted(steg, w)``: the first limit
    it is within); one ``bincount`` over cell × period × bin gives every
    count, cumulated over the bins.
    """
    k = plan.antal_tider
    n = len(celler.kod)
    w: npt.NDArray[Any]
    buffert: _I64 | None = None
    if plan.läge == "flöde":
        h = rader.händelser
        assert h is not None
        e = tid_i_enhet(h.slut_ns, h.slut_saknas, "dagar", -_BORTOM)  # done day
        if enhet == "dagar":
            w = tid_i_enhet(h.start_ns, h.start_saknas, "dagar", 0)
            np.subtract(e, w, out=w)  # waiting days, in the start days' buffer
        else:
            w = np.subtract(h.slut_ns, h.start_ns)
            w //= _NS_PER_S
        perioder = periodindex(e, plan.perioder, tr, skriv_över=True)
        buffert = e if len(perioder) == 1 else None  # e is consumed by the lookup
        del e
        fack = sök(steg.astype(np.int64), w, "left", tr, skriv_över=True)
    else:
        assert rader.väntetid is not None
        w = rader.väntetid
        perioder = [np.zeros(n, dtype=np.int64)]
        fack = np.searchsorted(steg, w, side="left")
    del w
    antal_fack = len(steg) + 1
    summa = np.zeros((celler.antal, k), dtype=np.int64)
    kum = np.zeros((celler.antal, k, antal_fack), dtype=np.int64)
    skäl = [np.zeros((celler.grupper, k), dtype=np.int64) for _ in celler.skäl]
    for p in perioder:
        kod = blandad_kod(celler.kod, (p, k + 1), (fack, antal_fack), ut=buffert)
        tal = np.bincount(kod, minlength=celler.antal * (k + 1) * antal_fack)
        del kod
        tal = tal.reshape(celler.antal, k + 1, antal_fack)[:, :k, :]
        summa += tal.sum(axis=2)
        kum += np.cumsum(tal, axis=2)
        for r, m in enumerate(celler.skäl):
            kod_r = blandad_kod(celler.grupp(m), (p[m], k + 1))
            skäl[r] += np.bincount(kod_r, minlength=celler.grupper * (k + 1)).reshape(
                celler.grupper, k + 1
            )[:, :k]
    return summa, [kum[:, :, u] for u in range(len(steg))], skäl


# --------------------------------------------------------------------------- step 5: long form


def lång_form(
    tal: dict[str, npt.NDArray[np.int64]], nycklar: pd.DataFrame, plan: Plan
) -> pd.DataFrame:
    """Counts (grupper, k, limits) per column, as rows: group outer, then time, then limit."""
    grupper, k, antal_g = tal["antal"].shape
    rader = grupper * k * antal_g
    radgrupp = np.repeat(np.arange(grupper), k * antal_g)
    ut: dict[str, Any] = {c: nycklar[c].array.take(radgrupp) for c in plan.per}
    ut["_tid"] = np.tile(np.repeat(np.arange(k), antal_g), grupper)
    ut["_gräns"] = np.tile(np.arange(antal_g), grupper * k)
    for namn in ("antal", "antal_inom", "exkluderade"):
        ut[namn] = tal[namn].reshape(rader)
    for c in plan.exkludera:
        ut[f"exkluderade_{c}"] = tal[f"exkluderade_{c}"].reshape(rader)
    ut["saknade"] = tal["saknade"].reshape(rader)
    ut["ogiltiga"] = tal["ogiltiga"].reshape(rader)
    return pd.DataFrame(ut)


# --------------------------------------------------------------------------- the kernel


def räkna(
    pdf: pd.DataFrame,
    plan: Plan,
    *,
    max_histogramceller: int = 2_000_000,
    histogramfaktor: int = 4,
    max_tabellspann: int = 4_000_000,
    tabellfaktor: int = 4,
) -> pd.DataFrame:
    """Counts of one (partition of a) frame, in long form with the group keys.

    Columns: the ``per`` columns, ``_tid`` (snapshot or period index),
    ``_gräns`` (index into ``plan.gränser``), ``antal``, ``antal_inom``,
    ``exkluderade``, ``exkluderade_<column>`` per exclusion column,
    ``saknade``, ``ogiltiga``. Counts add up over partitions.

    The stock is counted by one histogram when cells × classes × snapshots
    is at most ``max(histogramfaktor × rows, max_histogramceller)``, else by
    difference arrays. A lookup table replaces ``searchsorted`` when the
    span of the values looked up is at most ``max_tabellspann`` and the rows
    exceed ``tabellfaktor`` × that span. The results do not depend on these
    thresholds, only the speed and memory.
    """
    tr = Trösklar(
        max_histogramceller=max_histogramceller,
        histogramfaktor=histogramfaktor,
        max_tabellspann=max_tabellspann,
        tabellfaktor=tabellfaktor,
    )
    grupp, grupper, nycklar = gruppera(pdf, plan.per)
    rader = läs_rader(pdf, plan)
    kontrollera_giltiga(rader, pdf, plan)
    flaggor = [
        _indata.booleskkolumn(pdf[c], str(c), "väntetidsandelar", argument="exkludera")
        for c in plan.exkludera
    ]
    celler = Celler.koda(grupp, grupper, rader, flaggor)
    del grupp, flaggor

    k, antal_g = plan.antal_tider, len(plan.gränser)
    namn = [*KATEGORIER, "antal_inom", *(f"exkluderade_{c}" for c in plan.exkludera)]
    tal = {c: np.zeros((grupper, k, antal_g), dtype=np.int64) for c in namn}
    for enhet in sorted(set(plan.enheter)):
        index_g = [j for j, e in enumerate(plan.enheter) if e == enhet]
        värden = np.array([plan.gränser[j] for j in index_g])
        if plan.läge == "väntetid":
            steg: npt.NDArray[Any] = värden
        elif enhet == "dagar":
            steg = värden.astype(np.int64)
        else:
            steg = np.round(värden * 3600).astype(np.int64)
        unika, vilken = np.unique(steg, return_inverse=True)
        if plan.läge == "bestånd":
            närvarande, inom, skäl = räkna_bestånd(celler, rader, plan, enhet, unika, tr)
        else:
            närvarande, inom, skäl = räkna_väntetider(celler, rader, plan, enhet, unika, tr)
        delar = celler.dela(närvarande)
        for pos, j in enumerate(index_g):
            for kategori in KATEGORIER:
                tal[kategori][:, :, j] = delar[kategori]
            tal["antal_inom"][:, :, j] = celler.dela(inom[int(vilken[pos])])["antal"]
            for c, räknat in zip(plan.exkludera, skäl, strict=True):
                tal[f"exkluderade_{c}"][:, :, j] = räknat
    return lång_form(tal, nycklar, plan)
