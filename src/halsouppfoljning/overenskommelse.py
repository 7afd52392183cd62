"""Agreements between the state and the regions (*överenskommelser*) and their money.

An :class:`Överenskommelse` (agreement, usually between the government and
SKR on behalf of the regions) has focus areas (*fokusområden*) and
performance conditions (:class:`Prestationskrav`). Each region answers the
conditions (:class:`Regionsvar`: ja / nej / ja med kommentar, with free
text); the assessment made of the answers (:class:`Kravbedömning`:
uppfyllt / ej uppfyllt / ej bedömbart ännu) is a separate record, never
derived from the answer. :func:`prestationsgrad` turns assessments into a
share of the conditions met per region, and :func:`medelsfördelning`
distributes the agreement's money by population share and by performance in
whole kronor that sum exactly to the total.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.medelsfördelning(100, {"Uppsala": 1, "Västmanland": 2}, enhet="kr")
Uppsala        33
Västmanland    67
Name: belopp_kr, dtype: int64
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    Datum,
    alternativ,
    följd,
    heltal,
    kontrollera_andel,
    kontrollera_kolumner,
    ramtyp,
    skalär,
    tal,
    tal_array,
    text,
    unika_nycklar,
    valfri_text,
    valfritt_datum,
)
from .exceptions import FelTypError, OgiltigtVärdeError
from .organisation import Region, regioner
from .organisation import region as _region

__all__ = [
    "Bedömning",
    "Kravbedömning",
    "Prestationskrav",
    "Regionsvar",
    "Svar",
    "Överenskommelse",
    "medelsfördelning",
    "prestationsgrad",
    "svarstabell",
]

_KRONOR_PER = {"kr": 1, "tkr": 1_000, "mnkr": 1_000_000, "mdkr": 1_000_000_000}
#: The money units an agreement's total may be given in.
Enhet = Literal["kr", "tkr", "mnkr", "mdkr"]


class _Val(enum.EnumMeta):
    """Enum lookups by value that refuse anything but text or a member with a package error."""

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or isinstance(value, (str, cls)):
            return super().__call__(value, *args, **kwargs)
        giltiga = ", ".join(repr(m.value) for m in cls)  # type: ignore[var-annotated]
        raise FelTypError(
            f"{cls.__name__}(value) must be one of {giltiga}, got {value!r:.60} of type "
            f"{type(value).__name__}"
        )


class Svar(enum.Enum, metaclass=_Val):
    """A region's answer to a performance condition (*svar*).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Svar("ja med kommentar") is hu.Svar.JA_MED_KOMMENTAR
    True
    """

    JA = "ja"
    NEJ = "nej"
    JA_MED_KOMMENTAR = "ja med kommentar"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        giltiga = ", ".join(repr(m.value) for m in cls)
        raise OgiltigtVärdeError(f"Svar(value) must be one of {giltiga}, got {value!r:.60}")


class Bedömning(enum.Enum, metaclass=_Val):
    """The assessment (*bedömning*) of whether a region met a performance condition.

    Made by the party that follows the agreement up, separately from the
    region's own answer.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Bedömning("ej bedömbart ännu").name
    'EJ_BEDÖMBART_ÄNNU'
    """

    UPPFYLLT = "uppfyllt"
    EJ_UPPFYLLT = "ej uppfyllt"
    EJ_BEDÖMBART_ÄNNU = "ej bedömbart ännu"

    @classmethod
    def _missing_(cls, value: object) -> Any:
        giltiga = ", ".join(repr(m.value) for m in cls)
        raise OgiltigtVärdeError(f"Bedömning(value) must be one of {giltiga}, got {value!r:.60}")


#: Numbers per region as callers give them: a Series (its index labels the result), a
#: mapping from label to number, or a one-dimensional sequence (labelled by position).
PerRegion: TypeAlias = (
    "pd.Series[float] | Mapping[Any, float] | Sequence[float] | npt.NDArray[np.float64]"
)
#: A region as callers name it: a :class:`Region`, a name, a länskod or a Kolada id.
RegionIn: TypeAlias = "Region | str | int"


# Converters of the fields (attrs): each a named function, so that the classes'
# signatures keep the precise types, each through the one input layer.


def _krav_id(värde: str) -> str:
    return text(värde, "krav (a condition's id)")


def _beskrivning(värde: str) -> str:
    return text(värde, "Prestationskrav.beskrivning")


def _namn(värde: str) -> str:
    return text(värde, "Överenskommelse.namn")


def _fritext(värde: str | None) -> str | None:
    return valfri_text(värde, "free text (fokusområde, källa, kommentar, motivering)")


def _dag(värde: Datum | None) -> dt.date | None:
    return valfritt_datum(värde, "date (senast, bedömd)")


def _år(värde: int) -> int:
    return heltal(värde, "Överenskommelse.år")


def _belopp(värde: float) -> float:
    return skalär(värde, "Överenskommelse.belopp")


def _andel_prestation(värde: float) -> float:
    return skalär(värde, "Överenskommelse.andel_prestation")


def _texter(värde: str | Iterable[str]) -> tuple[str, ...]:
    """Focus areas: one text, or several (a bare string is one area, not its letters)."""
    delar = (värde,) if isinstance(värde, str) else följd(värde, "Överenskommelse.fokusområden")
    return tuple(text(v, "Överenskommelse.fokusområden") for v in delar)


def _som_region(värde: RegionIn) -> Region:
    return värde if isinstance(värde, Region) else _region(värde)


def _som_svar(värde: Svar | str) -> Svar:
    return alternativ(värde, Svar, "Regionsvar.svar")


def _som_bedömning(värde: Bedömning | str) -> Bedömning:
    return alternativ(värde, Bedömning, "Kravbedömning.bedömning")


def _vikt(värde: float) -> float:
    ut = skalär(värde, "Prestationskrav.vikt")
    if ut < 0:
        raise OgiltigtVärdeError(f"Prestationskrav.vikt must be >= 0, got {värde!r}")
    return ut


@attrs.frozen(kw_only=True)
class Prestationskrav:
    """A performance condition (:term:`prestationskrav`) of an agreement.

    Parameters
    ----------
    id : str
        The condition's key within the agreement, e.g. ``"PK1"``.
    beskrivning : str
        What the region must do or report.
    fokusområde : str, optional
        The focus area the condition belongs to.
    vikt : float
        Weight of the condition in :func:`prestationsgrad` [antal]; default 1
        (every condition counts the same).
    senast : datetime.date or ISO text, optional
        The date by which it must be met or reported (read by the package's
        date rule: ``"2024-10-31"``, a date, a timestamp).

    Raises
    ------
    OgiltigtVärdeError
        If ``id`` or ``beskrivning`` is empty or ``vikt`` is negative.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Prestationskrav(id="PK1", beskrivning="Handlingsplan inlämnad").vikt
    1.0
    """

    id: str = attrs.field(converter=_krav_id)
    beskrivning: str = attrs.field(converter=_beskrivning)
    fokusområde: str | None = attrs.field(default=None, converter=_fritext)
    vikt: float = attrs.field(default=1.0, converter=_vikt)
    senast: dt.date | None = attrs.field(default=None, converter=_dag)


def _krav_tuple(värde: Iterable[Prestationskrav]) -> tuple[Prestationskrav, ...]:
    return följd(värde, "Överenskommelse.prestationskrav", typ=Prestationskrav)


@attrs.frozen(kw_only=True)
class Överenskommelse:
    """An agreement between the state and the regions (:term:`överenskommelse`).

    Parameters
    ----------
    namn : str
        The agreement's name.
    år : int
        The year the money concerns.
    belopp : float
        The total money to distribute [``enhet``].
    enhet : {"kr", "tkr", "mnkr", "mdkr"}
        The unit of ``belopp``; default ``"mnkr"``.
    fokusområden : tuple of str
        The focus areas.
    prestationskrav : tuple of Prestationskrav
        The performance conditions; ids unique, each condition's focus area
        (if any) among ``fokusområden``.
    andel_prestation : float
        Share of ``belopp`` distributed by performance [andel, 0-1]; the rest
        goes by population share. Default 0.
    källa : str, optional
        Where the agreement is published.

    Raises
    ------
    OgiltigtVärdeError
        For duplicate condition ids, an unknown focus area, an unknown unit,
        a negative amount.
    AndelsError
        If ``andel_prestation`` is outside [0, 1].

    See Also
    --------
    medelsfördelning, prestationsgrad

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> ök = hu.Överenskommelse(
    ...     namn="God och nära vård (syntetisk)", år=2024, belopp=10, enhet="kr",
    ...     fokusområden=("Primärvård",), andel_prestation=0.5,
    ...     prestationskrav=(hu.Prestationskrav(id="PK1", beskrivning="Plan",
    ...                                         fokusområde="Primärvård"),))
    >>> ök.medelsfördelning({"03": 1, "19": 1}, prestation={"03": 1.0, "19": 0.0},
    ...                     outnyttjat="behålls").tolist()
    [5, 3, 2]
    """

    namn: str = attrs.field(converter=_namn)
    år: int = attrs.field(converter=_år)
    belopp: float = attrs.field(converter=_belopp)
    enhet: Enhet = attrs.field(default="mnkr")
    fokusområden: tuple[str, ...] = attrs.field(default=(), converter=_texter)
    prestationskrav: tuple[Prestationskrav, ...] = attrs.field(default=(), converter=_krav_tuple)
    andel_prestation: float = attrs.field(default=0.0, converter=_andel_prestation)
    källa: str | None = attrs.field(default=None, converter=_fritext)

    def __attrs_post_init__(self) -> None:
        enhet: object = self.enhet
        if not isinstance(enhet, str) or enhet not in _KRONOR_PER:
            raise OgiltigtVärdeError(
                f"Överenskommelse.enhet must be one of {list(_KRONOR_PER)!r}, got {self.enhet!r}"
            )
        if self.belopp < 0:
            raise OgiltigtVärdeError(f"Överenskommelse.belopp must be >= 0, got {self.belopp!r}")
        kontrollera_andel(self.andel_prestation, "Överenskommelse.andel_prestation")
        for krav in self.prestationskrav:
            if not isinstance(krav, Prestationskrav):
                raise FelTypError(
                    f"Överenskommelse.prestationskrav must hold Prestationskrav, got {krav!r}"
                )
        ids = [k.id for k in self.prestationskrav]
        dubbla = sorted({i for i in ids if ids.count(i) > 1})
        if dubbla:
            raise OgiltigtVärdeError(f"Överenskommelse: duplicate prestationskrav ids {dubbla!r}")
        for krav in self.prestationskrav:
            if krav.fokusområde is not None and krav.fokusområde not in self.fokusområden:
                raise OgiltigtVärdeError(
                    f"Prestationskrav {krav.id!r} has fokusområde {krav.fokusområde!r}, which "
                    f"is not among the agreement's fokusområden {self.fokusområden!r}"
                )

    def prestationsgrad(
        self,
        bedömningar: pd.DataFrame | Iterable[Kravbedömning],
        *,
        ej_bedömbart: Literal["vänta", "ej_uppfyllt"] = "vänta",
    ) -> pd.Series:
        """Share of this agreement's conditions met per region; see :func:`prestationsgrad`.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> ök = hu.Överenskommelse(namn="Ö", år=2024, belopp=1, prestationskrav=(
        ...     hu.Prestationskrav(id="A", beskrivning="a"),))
        >>> ök.prestationsgrad([hu.Kravbedömning(region="03", krav="A",
        ...                                      bedömning="uppfyllt")]).tolist()
        [1.0]
        """
        return prestationsgrad(bedömningar, self.prestationskrav, ej_bedömbart=ej_bedömbart)

    def medelsfördelning(
        self,
        befolkning: PerRegion,
        *,
        prestation: PerRegion | None = None,
        outnyttjat: Literal["omfördelas", "behålls"] | None = None,
    ) -> pd.Series:
        """This agreement's money per region in whole kronor; see :func:`medelsfördelning`.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> ök = hu.Överenskommelse(namn="Ö", år=2024, belopp=0.000003)
        >>> ök.medelsfördelning({"03": 1, "19": 2}).tolist()
        [1, 2]
        """
        return medelsfördelning(
            self.belopp,
            befolkning,
            prestation=prestation,
            andel_prestation=self.andel_prestation,
            outnyttjat=outnyttjat,
            enhet=self.enhet,
        )


@attrs.frozen(kw_only=True)
class Regionsvar:
    """A region's answer to one performance condition (*svar*), kept apart from its assessment.

    Parameters
    ----------
    region : Region or str
        The region (any spelling :func:`~halsouppfoljning.region` accepts).
    krav : str
        The condition's id.
    svar : Svar or str
        ``"ja"``, ``"nej"`` or ``"ja med kommentar"``.
    kommentar : str, optional
        Free text; required for ``JA_MED_KOMMENTAR``.

    Raises
    ------
    OgiltigtVärdeError
        For an unknown answer, or ``JA_MED_KOMMENTAR`` without a comment.
    OkändRegionError
        For an unknown region.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> s = hu.Regionsvar(region="Västmanland", krav="PK1", svar="ja med kommentar",
    ...                   kommentar="Delvis infört")
    >>> (s.region.kod, s.svar.name)
    ('19', 'JA_MED_KOMMENTAR')
    """

    region: Region = attrs.field(converter=_som_region)
    krav: str = attrs.field(converter=_krav_id)
    svar: Svar = attrs.field(converter=_som_svar)
    kommentar: str | None = attrs.field(default=None, converter=_fritext)

    def __attrs_post_init__(self) -> None:
        if self.svar is Svar.JA_MED_KOMMENTAR and self.kommentar is None:
            raise OgiltigtVärdeError(
                f"Regionsvar for {self.region.namn}, {self.krav!r}: the answer 'ja med "
                "kommentar' needs the comment (kommentar=...)"
            )


@attrs.frozen(kw_only=True)
class Kravbedömning:
    """The assessment of one region against one performance condition.

    Parameters
    ----------
    region : Region or str
        The region (any spelling).
    krav : str
        The condition's id.
    bedömning : Bedömning or str
        ``"uppfyllt"``, ``"ej uppfyllt"`` or ``"ej bedömbart ännu"``.
    motivering : str, optional
        The reason given.
    bedömd : datetime.date or ISO text, optional
        When the assessment was made (read by the package's date rule).

    Raises
    ------
    OgiltigtVärdeError
        For an unknown assessment.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Kravbedömning(region="0003", krav="PK1", bedömning="uppfyllt").bedömning.name
    'UPPFYLLT'
    """

    region: Region = attrs.field(converter=_som_region)
    krav: str = attrs.field(converter=_krav_id)
    bedömning: Bedömning = attrs.field(converter=_som_bedömning)
    motivering: str | None = attrs.field(default=None, converter=_fritext)
    bedömd: dt.date | None = attrs.field(default=None, converter=_dag)


def svarstabell(poster: Iterable[Regionsvar | Kravbedömning]) -> pd.DataFrame:
    """A tidy table of answers or of assessments (keep the two in separate tables).

    Parameters
    ----------
    poster : iterable of Regionsvar or of Kravbedömning
        All of one kind.

    Returns
    -------
    pandas.DataFrame
        For answers: ``region``, ``krav``, ``svar`` (the value, e.g. ``"ja"``),
        ``kommentar``; for assessments: ``region``, ``krav``, ``bedömning``,
        ``motivering``, ``bedömd``. ``region`` is the official name.

    Raises
    ------
    FelTypError
        If the items mix the two kinds or are neither.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.svarstabell([hu.Regionsvar(region="03", krav="PK1", svar="nej")])
               region krav svar kommentar
    0  Region Uppsala  PK1  nej      None
    """
    lista = följd(poster, "svarstabell: poster")
    rader: list[dict[str, Any]]
    if all(isinstance(p, Regionsvar) for p in lista):
        rader = [
            {
                "region": p.region.namn,
                "krav": p.krav,
                "svar": p.svar.value,
                "kommentar": p.kommentar,
            }
            for p in lista
            if isinstance(p, Regionsvar)
        ]
        kolumner = ["region", "krav", "svar", "kommentar"]
    elif all(isinstance(p, Kravbedömning) for p in lista):
        rader = [
            {
                "region": p.region.namn,
                "krav": p.krav,
                "bedömning": p.bedömning.value,
                "motivering": p.motivering,
                "bedömd": p.bedömd,
            }
            for p in lista
            if isinstance(p, Kravbedömning)
        ]
        kolumner = ["region", "krav", "bedömning", "motivering", "bedömd"]
    else:
        raise FelTypError(
            "svarstabell: poster must be Regionsvar objects or Kravbedömning objects, not "
            "a mix: answers and assessments are kept in separate tables"
        )
    return pd.DataFrame(rader, columns=kolumner)


def prestationsgrad(
    bedömningar: pd.DataFrame | Iterable[Kravbedömning],
    krav: Iterable[Prestationskrav],
    *,
    ej_bedömbart: Literal["vänta", "ej_uppfyllt"] = "vänta",
) -> pd.Series:
    """Share of the performance conditions met (:term:`prestationsgrad`) per region.

    Parameters
    ----------
    bedömningar : DataFrame or iterable of Kravbedömning
        The assessments: objects, or a table with columns ``region``, ``krav``
        and ``bedömning`` (the values of :class:`Bedömning`).
    krav : iterable of Prestationskrav
        The agreement's conditions, with their weights.
    ej_bedömbart : {"vänta", "ej_uppfyllt"}
        A condition assessed "ej bedömbart ännu", or with no assessment for
        the region: ``"vänta"`` (default) gives NaN for that region, since
        the money cannot be settled yet; ``"ej_uppfyllt"`` counts it as not
        met.

    Returns
    -------
    pandas.Series
        Index ``region`` (official names, länskod order), the weighted share
        of conditions met [andel, 0-1], name ``prestationsgrad``.
        ``attrs["ej_bedömda"]`` counts the (region, condition) pairs not yet
        assessable or missing.

    Raises
    ------
    OgiltigtVärdeError
        If an assessment names a condition that is not in ``krav``, the
        conditions' weights sum to 0, or a (region, condition) pair is
        assessed twice.

    Notes
    -----
    .. math:: p_r = \\frac{\\sum_k w_k \\, [\\text{krav } k \\text{ uppfyllt}]}{\\sum_k w_k}

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> krav = [hu.Prestationskrav(id="A", beskrivning="a"),
    ...         hu.Prestationskrav(id="B", beskrivning="b", vikt=3)]
    >>> b = pd.DataFrame({"region": ["03", "03", "19", "19"], "krav": ["A", "B", "A", "B"],
    ...                   "bedömning": ["uppfyllt", "ej uppfyllt", "uppfyllt",
    ...                                 "ej bedömbart ännu"]})
    >>> hu.prestationsgrad(b, krav)  # Uppsala: 1 / (1 + 3)
    region
    Region Uppsala        0.25
    Region Västmanland     NaN
    Name: prestationsgrad, dtype: float64
    """
    if ej_bedömbart not in ("vänta", "ej_uppfyllt"):
        raise OgiltigtVärdeError(
            f"ej_bedömbart must be 'vänta' or 'ej_uppfyllt', got {ej_bedömbart!r}"
        )
    kravlista = följd(krav, "prestationsgrad: krav", typ=Prestationskrav)
    vikter = pd.Series({k.id: k.vikt for k in kravlista}, dtype=float)
    if vikter.sum() <= 0:
        raise OgiltigtVärdeError("prestationsgrad: the conditions' weights sum to 0 (or none)")
    if isinstance(bedömningar, pd.DataFrame):
        kontrollera_kolumner(
            bedömningar.columns, ["region", "krav", "bedömning"], "prestationsgrad"
        )
        tabell = pd.DataFrame(
            {
                "region": _per_unikt(bedömningar["region"], lambda e: _som_region(e).namn),
                "krav": _per_unikt(bedömningar["krav"], _krav_id),
                "bedömning": _per_unikt(bedömningar["bedömning"], _som_bedömning),
            }
        )
    else:
        poster = följd(
            bedömningar, "prestationsgrad: bedömningar (a DataFrame or Kravbedömning objects)"
        )
        if not all(isinstance(p, Kravbedömning) for p in poster):
            ramtyp(
                bedömningar,
                "prestationsgrad",
                argument="bedömningar (a DataFrame or Kravbedömning objects)",
                dask=False,
            )
        tabell = pd.DataFrame(
            {
                "region": [p.region.namn for p in poster],
                "krav": [p.krav for p in poster],
                "bedömning": [p.bedömning for p in poster],
            },
            columns=["region", "krav", "bedömning"],
        )
    okända = sorted(set(tabell["krav"]) - set(vikter.index))
    if okända:
        raise OgiltigtVärdeError(
            f"prestationsgrad: assessments name condition(s) {okända!r} that are not among "
            f"the agreement's prestationskrav {list(vikter.index)!r}"
        )
    if tabell.duplicated(["region", "krav"]).any():
        par = tabell.loc[tabell.duplicated(["region", "krav"]), ["region", "krav"]].iloc[0]
        raise OgiltigtVärdeError(
            f"prestationsgrad: {par['region']} is assessed twice on {par['krav']!r}"
        )
    uppfyllt = (tabell["bedömning"] == Bedömning.UPPFYLLT).astype(float)
    bedömbar = (tabell["bedömning"] != Bedömning.EJ_BEDÖMBART_ÄNNU).astype(float)
    rutnät = pd.DataFrame({"region": tabell["region"], "krav": tabell["krav"]})
    uppf = rutnät.assign(v=uppfyllt.to_numpy()).pivot(index="region", columns="krav", values="v")  # noqa: PD010
    bedb = rutnät.assign(v=bedömbar.to_numpy()).pivot(index="region", columns="krav", values="v")  # noqa: PD010
    uppf = uppf.reindex(columns=vikter.index)
    bedb = bedb.reindex(columns=vikter.index).fillna(0.0)  # a missing assessment: not yet
    w = vikter.to_numpy()
    grad = (uppf.fillna(0.0).to_numpy() * w).sum(axis=1) / w.sum()
    ofullständig = (bedb.to_numpy() < 1.0).any(axis=1)
    if ej_bedömbart == "vänta":
        grad = np.where(ofullständig, np.nan, grad)
    ordning = {r.namn: int(r.kod) for r in regioner()}
    ut = pd.Series(grad, index=pd.Index(uppf.index, name="region"), name="prestationsgrad")
    ut = ut.iloc[np.argsort([ordning.get(str(r), 99) for r in ut.index], kind="stable")]
    ut.attrs["ej_bedömda"] = int((bedb.to_numpy() < 1.0).sum())
    return ut


def _per_unikt(kolumn: pd.Series[Any], funktion: Callable[[Any], Any]) -> npt.NDArray[Any]:
    """``funktion`` of every value of a column, called once per distinct value."""
    koder, unika = pd.factorize(kolumn, use_na_sentinel=False)
    return np.array([funktion(u) for u in unika], dtype=object)[koder]


def _till_kronor(belopp: float, enhet: str) -> int:
    given: object = enhet
    if not isinstance(given, str) or given not in _KRONOR_PER:
        raise OgiltigtVärdeError(
            f"medelsfördelning: enhet must be one of {list(_KRONOR_PER)!r}, got {enhet!r}"
        )
    exakt = Decimal(repr(skalär(belopp, "medelsfördelning: belopp"))) * _KRONOR_PER[enhet]
    if exakt < 0:
        raise OgiltigtVärdeError(f"medelsfördelning: belopp must be >= 0, got {belopp!r}")
    hela = exakt.to_integral_value()
    if abs(exakt - hela) > Decimal("1e-6"):
        raise OgiltigtVärdeError(
            f"medelsfördelning: belopp {belopp!r} {enhet} is {exakt} kr, not a whole number of "
            "kronor; give the total in whole kronor"
        )
    return int(hela)


def _per_region(värde: PerRegion, namn: str) -> pd.Series[float]:
    """Numbers per recipient as a float Series: a Series keeps its index, a mapping its keys."""
    vad = f"medelsfördelning: {namn}"
    if isinstance(värde, pd.Series):
        ut: pd.Series[float] = tal(värde, vad)
        return ut
    if isinstance(värde, Mapping):
        tal_ = tal_array(list(värde.values()), vad)
        return pd.Series(dict(zip(värde.keys(), tal_.tolist(), strict=True)), dtype=float)
    if isinstance(värde, (str, bytes)) or np.ndim(värde) != 1:
        raise FelTypError(f"{vad} must be a Series, a mapping or a 1-d sequence, got {värde!r}")
    return pd.Series(tal_array(värde, vad))


def _största_rest(kvoter: npt.NDArray[np.float64], total: int) -> npt.NDArray[np.int64]:
    """Whole numbers summing to ``total``: floors, then +1 by largest remainder.

    Ties in the remainder go to the larger quota, then to the earlier position.
    """
    golv = np.floor(kvoter).astype(np.int64)
    rest = kvoter - golv
    kvar = total - int(golv.sum())
    if kvar < 0 or kvar > len(kvoter):  # pragma: no cover - guards float error
        raise OgiltigtVärdeError(
            f"medelsfördelning: rounding left {kvar} kronor for {len(kvoter)} recipients"
        )
    ordning = np.lexsort((np.arange(len(kvoter)), -kvoter, -rest))
    golv[ordning[:kvar]] += 1
    return golv


def medelsfördelning(
    belopp: float,
    befolkning: PerRegion,
    *,
    prestation: PerRegion | None = None,
    andel_prestation: float | None = None,
    outnyttjat: Literal["omfördelas", "behålls"] | None = None,
    enhet: Enhet = "mnkr",
) -> pd.Series:
    """Distribute an agreement's money between regions in whole kronor that sum to the total.

    The money goes by population share (*befolkningsandel*) and, for the
    part ``andel_prestation``, by performance: population share times the
    region's :func:`prestationsgrad`.

    Parameters
    ----------
    belopp : float
        The total [``enhet``]; must be a whole number of kronor.
    befolkning : Series, mapping or sequence
        Population per region [invånare] (or another allocation key); the
        index or keys label the result.
    prestation : Series, mapping or sequence, optional
        Performance per region [andel, 0-1] (e.g. :func:`prestationsgrad`),
        aligned with ``befolkning`` (by label for Series and mappings, by
        position for sequences). Booleans are refused, as everywhere numbers
        are wanted: turn met/not met into 1.0/0.0 with ``.astype(float)``.
    andel_prestation : float, optional
        Share of ``belopp`` distributed by performance [andel, 0-1]. Default:
        1 when ``prestation`` is given, else 0.
    outnyttjat : {"omfördelas", "behålls"}, optional
        What happens to the performance money a region does not earn
        (required when some goes by performance; agreements differ):
        ``"omfördelas"`` shares it among the regions in proportion to
        population × performance; ``"behålls"`` keeps it unpaid, returned as
        the extra entry ``"ej utbetalt"``.
    enhet : {"kr", "tkr", "mnkr", "mdkr"}
        Unit of ``belopp``; default ``"mnkr"``.

    Returns
    -------
    pandas.Series
        Whole kronor [kr] per region (int64), name ``belopp_kr``, indexed as
        ``befolkning`` (plus ``"ej utbetalt"`` under ``"behålls"``); the sum
        is exactly the total. ``attrs["regel"]`` states the rounding rule and
        ``attrs["total_kr"]`` the total.

    Raises
    ------
    OgiltigtVärdeError
        For a negative or non-whole-kronor total, negative or missing
        populations, a zero total population, a missing performance (not
        yet assessable), a missing ``outnyttjat``, or ``"omfördelas"`` when
        no region earned anything.
    AndelsError
        If a performance or ``andel_prestation`` is outside [0, 1].
    FelTypError
        For inputs of the wrong type.

    Notes
    -----
    With total :math:`T` kronor, population :math:`p_i`, performance
    :math:`q_i` and performance share :math:`s`, region :math:`i`'s exact
    quota is

    .. math::

        k_i = T\\left[(1-s)\\frac{p_i}{\\sum_j p_j}
              + s\\,\\frac{p_i q_i}{D}\\right],

    with :math:`D = \\sum_j p_j q_j` under ``"omfördelas"`` and
    :math:`D = \\sum_j p_j` under ``"behålls"`` (then "ej utbetalt" has the
    quota :math:`T s \\sum_j p_j (1 - q_j) / \\sum_j p_j`).

    **Rounding rule** (largest remainder, Hamilton's method): every
    recipient gets :math:`\\lfloor k_i \\rfloor` kronor; the kronor left over,
    :math:`T - \\sum_i \\lfloor k_i \\rfloor` (fewer than the number of
    recipients), go one each to the largest fractional remainders
    :math:`k_i - \\lfloor k_i \\rfloor`. **Tie-break**: equal remainders go
    first to the larger quota, then to the recipient listed first. So the
    result sums exactly to :math:`T`, each amount is within 1 kr of its
    quota, and a larger quota never gets less.

    See Also
    --------
    prestationsgrad : the performance of each region.
    Överenskommelse.medelsfördelning

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> pop = {"Uppsala": 1, "Sörmland": 1, "Västmanland": 1}
    >>> hu.medelsfördelning(100, pop, enhet="kr").tolist()  # 33.33 each, 1 kr left
    [34, 33, 33]
    >>> hu.medelsfördelning(100, pop, enhet="kr", prestation={"Uppsala": 1,
    ...     "Sörmland": 1, "Västmanland": 0}, outnyttjat="omfördelas").tolist()
    [50, 50, 0]
    >>> hu.medelsfördelning(100, pop, enhet="kr", prestation={"Uppsala": 1,
    ...     "Sörmland": 1, "Västmanland": 0}, outnyttjat="behålls")
    Uppsala        33
    Sörmland       33
    Västmanland     0
    ej utbetalt    34
    Name: belopp_kr, dtype: int64

    References
    ----------
    .. [1] M. L. Balinski and H. P. Young, *Fair Representation*, 2nd ed.,
       Brookings, 2001 (Hamilton's largest remainder method).
    """
    total = _till_kronor(belopp, enhet)
    p = _per_region(befolkning, "befolkning")
    unika_nycklar(p.index, "befolkning", "medelsfördelning")
    pv = p.to_numpy(dtype=float)
    if len(pv) == 0:
        raise OgiltigtVärdeError("medelsfördelning: befolkning is empty; no region to pay")
    if not np.isfinite(pv).all() or (pv < 0).any():
        raise OgiltigtVärdeError(
            "medelsfördelning: befolkning must be finite and >= 0 for every region, got "
            f"{p[~(np.isfinite(pv) & (pv >= 0))].to_dict()!r}"
        )
    if pv.sum() <= 0:
        raise OgiltigtVärdeError("medelsfördelning: the total population is 0")
    if prestation is None:
        q = np.ones_like(pv)
        s = 0.0 if andel_prestation is None else skalär(andel_prestation, "andel_prestation")
        if s > 0:
            raise OgiltigtVärdeError(
                "medelsfördelning: andel_prestation > 0 needs prestation= (per region)"
            )
    else:
        qs = _per_region(prestation, "prestation")
        if isinstance(prestation, (pd.Series, Mapping)) and isinstance(
            befolkning, (pd.Series, Mapping)
        ):
            saknas = [k for k in p.index if k not in qs.index]
            if saknas:
                raise OgiltigtVärdeError(
                    f"medelsfördelning: prestation has no value for {saknas[:5]!r}"
                )
            extra = [k for k in qs.index if k not in p.index]
            if extra:
                raise OgiltigtVärdeError(
                    f"medelsfördelning: prestation names {extra[:5]!r}, which are not in "
                    "befolkning; add them to befolkning or remove them from prestation"
                )
            unika_nycklar(qs.index, "prestation", "medelsfördelning")
            qs = qs.reindex(p.index)
        elif len(qs) != len(p):
            raise OgiltigtVärdeError(
                f"medelsfördelning: prestation has {len(qs)} values but befolkning has {len(p)} "
                "regions; give one prestation per region in befolkning"
            )
        q = qs.to_numpy(dtype=float)
        if np.isnan(q).any():
            raise OgiltigtVärdeError(
                "medelsfördelning: prestation is missing (not yet assessable) for "
                f"{list(p.index[np.isnan(q)])[:5]!r}; settle the assessments first"
            )
        kontrollera_andel(q, "prestation")
        s = 1.0 if andel_prestation is None else skalär(andel_prestation, "andel_prestation")
    kontrollera_andel(s, "andel_prestation")
    if s > 0 and (not isinstance(outnyttjat, str) or outnyttjat not in ("omfördelas", "behålls")):
        raise OgiltigtVärdeError(
            "medelsfördelning: say what happens to money a region does not earn: "
            f"outnyttjat='omfördelas' or 'behålls' (got {outnyttjat!r:.60})"
        )
    andel_pop = pv / pv.sum()
    pq = pv * q
    if s > 0 and outnyttjat == "omfördelas":
        if pq.sum() <= 0:
            raise OgiltigtVärdeError(
                "medelsfördelning: no region earned any performance money, so there is "
                "nothing to redistribute it to; use outnyttjat='behålls'"
            )
        kvoter = total * ((1 - s) * andel_pop + s * pq / pq.sum())
        etiketter = list(p.index)
    else:
        kvoter = total * ((1 - s) * andel_pop + s * pq / pv.sum())
        etiketter = list(p.index)
        if s > 0:
            kvoter = np.append(kvoter, total * s * (pv * (1 - q)).sum() / pv.sum())
            etiketter.append("ej utbetalt")
    kronor = _största_rest(np.asarray(kvoter, dtype=float), total)
    index = pd.Index(etiketter, name=p.index.name) if len(etiketter) > len(p) else p.index
    ut = pd.Series(kronor, index=index, name="belopp_kr", dtype=np.int64)
    ut.attrs["total_kr"] = total
    ut.attrs["regel"] = (
        "largest remainder (Hamilton): floors of the exact quotas, the kronor left over "
        "one each to the largest remainders; ties to the larger quota, then the first listed"
    )
    return ut
