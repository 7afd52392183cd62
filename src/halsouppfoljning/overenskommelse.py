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
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    FÖRSTA_DATUM,
    SISTA_DATUM,
    Datum,
    Textenum,
    alternativ,
    följd,
    heltal,
    kolumner,
    kontrollera_andel,
    kort,
    nfc,
    ramtyp,
    rimligt_datum,
    skalär,
    tal,
    tal_array,
    text,
    unika_nycklar,
    valfri_text,
)
from .exceptions import FelTypError, HalsouppfoljningError, OgiltigtVärdeError, OkändRegionError
from .organisation import Region, regioner, är_riket
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


class Svar(Textenum):
    """A region's answer to a performance condition (*svar*).

    Looked up like every choice of the package: the member or its value, in
    any letter case (``"JA"``); anything else is a package error listing the
    values.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Svar("ja med kommentar") is hu.Svar.JA_MED_KOMMENTAR
    True
    """

    JA = "ja"
    NEJ = "nej"
    JA_MED_KOMMENTAR = "ja med kommentar"


class Bedömning(Textenum):
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


#: Numbers per region as callers give them: a Series (its index labels the result), a
#: mapping from label to number, or a one-dimensional sequence (labelled by position).
PerRegion: TypeAlias = (
    "pd.Series[float] | Mapping[Any, float] | Sequence[float] | npt.NDArray[np.float64]"
)
#: A region as callers name it: a :class:`Region`, a name, a länskod or a Kolada id.
RegionIn: TypeAlias = "Region | str | int"


#: The years an agreement may concern: the package's span of dates (a year outside is a
#: typing error).
_FÖRSTA_ÅR, _SISTA_ÅR = FÖRSTA_DATUM.year, SISTA_DATUM.year
#: The largest total an agreement may distribute [kr]: 10^15 kr (a million mdkr), far
#: above any budget and still exact in floating point (below 2^53).
_STÖRSTA_BELOPP_KR = 10**15
#: Labels of a population looked up as region names (Riket and the 21 regions are far
#: fewer; a longer key is some other allocation key, whose labels are only checked as keys).
_HÖGST_REGIONSETIKETTER = 10_000


def _som_region(värde: Any, namn: str) -> Region:
    """A region by any spelling; Riket, unknown names and other types name ``namn``."""
    if isinstance(värde, Region):
        return värde
    if isinstance(värde, str) and är_riket(värde):
        raise OkändRegionError(
            f"{namn}: {värde!r} is Riket (the whole country), not a region; agreements are "
            "answered and assessed per region: drop Riket's rows first"
        )
    try:
        return _region(värde)
    except OkändRegionError as fel:
        raise OkändRegionError(f"{namn}: {fel.args[0]}") from None
    except FelTypError:
        raise FelTypError(
            f"{namn} must be a region: a Region, a name or code as text ('Västmanland', "
            f"'0019') or a länskod as int (19), got {kort(värde)} of type "
            f"{type(värde).__name__}"
        ) from None


#: A condition's weight is relative; one of 10^15 or more is a slip, and their sum may overflow.
_STÖRSTA_VIKT = 1e15


def _vikt(värde: Any, namn: str) -> float:
    ut = skalär(värde, namn)
    if ut <= 0:
        raise OgiltigtVärdeError(
            f"{namn} must be > 0, got {värde!r}; a condition that does not count has no "
            "place among the agreement's conditions: leave it out, or give it a weight such "
            "as vikt=1"
        )
    if ut >= _STÖRSTA_VIKT:
        raise OgiltigtVärdeError(
            f"{namn} must be less than {_STÖRSTA_VIKT:g}, got {värde!r}; weights are relative, "
            "so give them on a small scale such as vikt=1 or vikt=3 (the sum of absurd weights "
            "overflows)"
        )
    return ut


def _år(värde: Any, namn: str) -> int:
    return heltal(värde, namn, minst=_FÖRSTA_ÅR, högst=_SISTA_ÅR)


def _belopp(värde: Any, namn: str) -> float:
    ut = skalär(värde, namn)
    if ut < 0:
        raise OgiltigtVärdeError(
            f"{namn} must be >= 0, got {värde!r}; give the total to distribute"
        )
    return ut


def _texter(värde: Any, namn: str) -> tuple[str, ...]:
    """Focus areas: one text, or several (a bare string is one area, not its letters)."""
    delar = (värde,) if isinstance(värde, str) else följd(värde, namn)
    ut = tuple(text(v, f"{namn}[{i}]") for i, v in enumerate(delar))
    unika_nycklar(ut, "fokusområden", "Överenskommelse")
    return ut


def _krav_tuple(värde: Any, namn: str) -> tuple[Prestationskrav, ...]:
    ut = följd(värde, namn, typ=Prestationskrav)
    _unika_krav(ut, namn)
    return ut


def _unika_krav(krav: Sequence[Prestationskrav], namn: str) -> None:
    ids = [k.id for k in krav]
    dubbla = sorted({i for i in ids if ids.count(i) > 1})
    if dubbla:
        raise OgiltigtVärdeError(
            f"{namn} has duplicate condition ids {dubbla!r}; each prestationskrav needs its "
            "own id: rename or remove the duplicates"
        )


def _enhet(värde: Any, namn: str) -> str:
    if not isinstance(värde, str) or värde not in _KRONOR_PER:
        raise OgiltigtVärdeError(
            f"{namn} must be one of {list(_KRONOR_PER)!r}, got {kort(värde)}; e.g. enhet='mnkr'"
        )
    return värde


# Converters of the fields (attrs): each a named function, so that the classes'
# signatures keep the precise types and every message names the class and the field.


def _pk_id(värde: str) -> str:
    return text(värde, "Prestationskrav.id")


def _pk_beskrivning(värde: str) -> str:
    return text(värde, "Prestationskrav.beskrivning")


def _pk_fokusområde(värde: str | None) -> str | None:
    return valfri_text(värde, "Prestationskrav.fokusområde")


def _pk_vikt(värde: float) -> float:
    return _vikt(värde, "Prestationskrav.vikt")


def _pk_senast(värde: Datum | None) -> dt.date | None:
    return None if värde is None else rimligt_datum(värde, "Prestationskrav.senast")


def _ö_namn(värde: str) -> str:
    return text(värde, "Överenskommelse.namn")


def _ö_år(värde: int) -> int:
    return _år(värde, "Överenskommelse.år")


def _ö_belopp(värde: float) -> float:
    return _belopp(värde, "Överenskommelse.belopp")


def _ö_enhet(värde: Enhet) -> Enhet:
    return _enhet(värde, "Överenskommelse.enhet")  # type: ignore[return-value]


def _ö_fokusområden(värde: str | Iterable[str]) -> tuple[str, ...]:
    return _texter(värde, "Överenskommelse.fokusområden")


def _ö_prestationskrav(värde: Iterable[Prestationskrav]) -> tuple[Prestationskrav, ...]:
    return _krav_tuple(värde, "Överenskommelse.prestationskrav")


def _ö_andel_prestation(värde: float) -> float:
    ut = skalär(värde, "Överenskommelse.andel_prestation")
    kontrollera_andel(ut, "Överenskommelse.andel_prestation")
    return ut


def _ö_källa(värde: str | None) -> str | None:
    return valfri_text(värde, "Överenskommelse.källa")


def _rs_region(värde: RegionIn) -> Region:
    return _som_region(värde, "Regionsvar.region")


def _rs_krav(värde: str) -> str:
    return text(värde, "Regionsvar.krav")


def _rs_svar(värde: Svar | str) -> Svar:
    return alternativ(värde, Svar, "Regionsvar.svar")


def _rs_kommentar(värde: str | None) -> str | None:
    return valfri_text(värde, "Regionsvar.kommentar")


def _kb_region(värde: RegionIn) -> Region:
    return _som_region(värde, "Kravbedömning.region")


def _kb_krav(värde: str) -> str:
    return text(värde, "Kravbedömning.krav")


def _kb_bedömning(värde: Bedömning | str) -> Bedömning:
    return alternativ(värde, Bedömning, "Kravbedömning.bedömning")


def _kb_motivering(värde: str | None) -> str | None:
    return valfri_text(värde, "Kravbedömning.motivering")


def _kb_bedömd(värde: Datum | None) -> dt.date | None:
    return None if värde is None else rimligt_datum(värde, "Kravbedömning.bedömd")


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
        Weight of the condition in :func:`prestationsgrad` [antal], finite
        and > 0; default 1 (every condition counts the same).
    senast : datetime.date or ISO text, optional
        The date by which it must be met or reported (read by the package's
        date rule: ``"2024-10-31"``, a date, a timestamp); within 1900-2199.

    Raises
    ------
    OgiltigtVärdeError
        If ``id`` or ``beskrivning`` is empty, ``vikt`` is not > 0 or is
        infinite, or ``senast`` is ambiguous (``"01/12/2024"``).
    FelTypError
        For a field of the wrong type (``vikt=True``, ``id=None``, a number
        as a date).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Prestationskrav(id="PK1", beskrivning="Handlingsplan inlämnad").vikt
    1.0
    """

    id: str = attrs.field(converter=_pk_id)
    beskrivning: str = attrs.field(converter=_pk_beskrivning)
    fokusområde: str | None = attrs.field(default=None, converter=_pk_fokusområde)
    vikt: float = attrs.field(default=1.0, converter=_pk_vikt)
    senast: dt.date | None = attrs.field(default=None, converter=_pk_senast)


@attrs.frozen(kw_only=True)
class Överenskommelse:
    """An agreement between the state and the regions (:term:`överenskommelse`).

    Parameters
    ----------
    namn : str
        The agreement's name.
    år : int
        The year the money concerns (a whole year in 1900-2199).
    belopp : float
        The total money to distribute [``enhet``]: a whole number of kronor,
        at most 10^15 kr.
    enhet : {"kr", "tkr", "mnkr", "mdkr"}
        The unit of ``belopp``; default ``"mnkr"``.
    fokusområden : tuple of str
        The focus areas (each once); a bare string is one area.
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
        For duplicate condition ids or focus areas, an unknown focus area,
        an unknown unit, a negative amount or one that is not whole kronor,
        a year outside 1900-2199.
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

    namn: str = attrs.field(converter=_ö_namn)
    år: int = attrs.field(converter=_ö_år)
    belopp: float = attrs.field(converter=_ö_belopp)
    enhet: Enhet = attrs.field(default="mnkr", converter=_ö_enhet)
    fokusområden: tuple[str, ...] = attrs.field(default=(), converter=_ö_fokusområden)
    prestationskrav: tuple[Prestationskrav, ...] = attrs.field(
        default=(), converter=_ö_prestationskrav
    )
    andel_prestation: float = attrs.field(default=0.0, converter=_ö_andel_prestation)
    källa: str | None = attrs.field(default=None, converter=_ö_källa)

    def __attrs_post_init__(self) -> None:
        _till_kronor(self.belopp, self.enhet, "Överenskommelse", "belopp")
        for krav in self.prestationskrav:
            if krav.fokusområde is not None and krav.fokusområde not in self.fokusområden:
                raise OgiltigtVärdeError(
                    f"Överenskommelse.prestationskrav: condition {krav.id!r} has fokusområde "
                    f"{krav.fokusområde!r}, which is not among the agreement's fokusområden "
                    f"{self.fokusområden!r}; add it to fokusområden or correct the condition"
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

    region: Region = attrs.field(converter=_rs_region)
    krav: str = attrs.field(converter=_rs_krav)
    svar: Svar = attrs.field(converter=_rs_svar)
    kommentar: str | None = attrs.field(default=None, converter=_rs_kommentar)

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
        When the assessment was made (read by the package's date rule);
        within 1900-2199.

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

    region: Region = attrs.field(converter=_kb_region)
    krav: str = attrs.field(converter=_kb_krav)
    bedömning: Bedömning = attrs.field(converter=_kb_bedömning)
    motivering: str | None = attrs.field(default=None, converter=_kb_motivering)
    bedömd: dt.date | None = attrs.field(default=None, converter=_kb_bedömd)


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
    OgiltigtVärdeError
        If a region answers (or is assessed on) the same condition twice: the
        message lists the duplicated (region, krav) pairs.

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
        fel = next((p for p in lista if not isinstance(p, (Regionsvar, Kravbedömning))), None)
        vad = (
            "not a mix: answers and assessments are kept in separate tables"
            if fel is None
            else f"got {kort(fel)} of type {type(fel).__name__}"
        )
        raise FelTypError(
            f"svarstabell: poster must be Regionsvar objects or Kravbedömning objects, {vad}"
        )
    tabell = pd.DataFrame(rader, columns=kolumner)
    _en_per_region_och_krav(
        tabell, "poster", "answered" if "svar" in tabell.columns else "assessed", "svarstabell"
    )
    return tabell


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
        If an assessment names a condition that is not in ``krav``, ``krav``
        is empty or has a duplicated id, there are no assessments, or a
        (region, condition) pair is assessed twice (also under two spellings
        of the region, ``"03"`` and ``"Uppsala"``).
    OkändRegionError
        For a region the package does not know, or Riket (``"Riket"``,
        ``"Hela riket"``, ``"Sverige"``, ``"0000"``, ``"00"``): the message
        names the column and row.
    FelTypError
        For a cell that is not a region, a condition id or an assessment
        (``"ja"``, ``1``, ``None``), naming the column and row.

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
    vad = "prestationsgrad"
    given: object = ej_bedömbart
    if not isinstance(given, str) or given not in ("vänta", "ej_uppfyllt"):
        raise OgiltigtVärdeError(
            f"{vad}: ej_bedömbart must be 'vänta' or 'ej_uppfyllt', got {kort(ej_bedömbart)}"
        )
    kravlista = följd(krav, f"{vad}: krav", typ=Prestationskrav)
    if not kravlista:
        raise OgiltigtVärdeError(
            f"{vad}: krav is empty; pass the agreement's conditions, e.g. ök.prestationskrav"
        )
    _unika_krav(kravlista, f"{vad}: krav")
    vikter = pd.Series({k.id: k.vikt for k in kravlista}, dtype=float)
    if isinstance(bedömningar, pd.DataFrame):
        etiketter: list[Any] = list(bedömningar.columns)
        namnen = [nfc(k) if isinstance(k, str) else k for k in etiketter]
        for k in ("region", "krav", "bedömning"):
            if namnen.count(k) > 1:
                raise OgiltigtVärdeError(
                    f"{vad}: column {k!r} occurs {namnen.count(k)} times in bedömningar; give "
                    "each column a distinct name, e.g. df.loc[:, ~df.columns.duplicated()]"
                )
        k_region, k_krav, k_bedömning = kolumner(
            bedömningar.columns, ["region", "krav", "bedömning"], vad
        )
        tabell = pd.DataFrame(
            {
                "region": _per_unikt(
                    bedömningar[k_region],
                    lambda e, n: _som_region(e, n).namn,
                    f"{vad}: bedömningar, column {k_region!r}",
                ),
                "krav": _per_unikt(
                    bedömningar[k_krav], text, f"{vad}: bedömningar, column {k_krav!r}"
                ),
                "bedömning": _per_unikt(
                    bedömningar[k_bedömning],
                    lambda e, n: alternativ(e, Bedömning, n),
                    f"{vad}: bedömningar, column {k_bedömning!r}",
                ),
            }
        )
    else:
        poster = följd(bedömningar, f"{vad}: bedömningar (a DataFrame or Kravbedömning objects)")
        if not all(isinstance(p, Kravbedömning) for p in poster):
            ramtyp(
                bedömningar,
                vad,
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
    if tabell.empty:
        raise OgiltigtVärdeError(
            f"{vad}: bedömningar is empty; there is no region to assess: pass one assessment "
            "per region and condition"
        )
    okända = sorted(set(tabell["krav"]) - set(vikter.index))
    if okända:
        raise OgiltigtVärdeError(
            f"{vad}: bedömningar name condition(s) {okända!r} that are not among "
            f"the agreement's prestationskrav {list(vikter.index)!r}; correct the ids or "
            "pass the agreement's conditions as krav"
        )
    _en_per_region_och_krav(tabell, "bedömningar", "assessed", vad)
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


def _en_per_region_och_krav(tabell: pd.DataFrame, namn: str, verb: str, vad: str) -> None:
    """Raise if a region occurs twice for one condition; the message lists the pairs."""
    dubbla = tabell.duplicated(["region", "krav"], keep=False)
    if dubbla.any():
        par = sorted(
            {(str(r), str(k)) for r, k in tabell.loc[dubbla, ["region", "krav"]].to_numpy()}
        )
        raise OgiltigtVärdeError(
            f"{vad}: {namn} has a region {verb} twice on the same condition: "
            f"{kort(par, 200)} (region, krav); keep one row per region and condition"
        )


def _per_unikt(
    kolumn: pd.Series[Any], funktion: Callable[[Any, str], Any], namn: str
) -> npt.NDArray[Any]:
    """``funktion(värde, namn)`` of every value of a column, called once per distinct value.

    An error names the column and the first row (its index label) holding the value.
    """
    koder, unika = pd.factorize(kolumn, use_na_sentinel=False)
    _, första = np.unique(koder, return_index=True)  # the first row of each value
    ut = [
        funktion(u, f"{namn} (row {kolumn.index[int(i)]!r})")
        for u, i in zip(unika, första, strict=True)
    ]
    return np.array(ut, dtype=object)[koder]


def _till_kronor(belopp: float, enhet: str, vad: str, argument: str = "belopp") -> int:
    """The total in whole kronor: finite, >= 0, at most 10^15 kr and a whole number of kronor."""
    enh = _enhet(enhet, f"{vad}: enhet")
    namn = f"{vad}: {argument}"
    värde = skalär(belopp, namn)
    if värde < 0:
        raise OgiltigtVärdeError(
            f"{namn} must be >= 0, got {belopp!r}; give the total to distribute"
        )
    exakt = Decimal(repr(värde)) * _KRONOR_PER[enh]
    if exakt > _STÖRSTA_BELOPP_KR:
        raise OgiltigtVärdeError(
            f"{namn} {belopp!r} {enh} is {exakt:.3e} kr, more than 10^15 kr (a million mdkr); "
            f"check the unit (enhet={enh!r}) or the figure"
        )
    hela = exakt.to_integral_value()
    if abs(exakt - hela) > Decimal("1e-6"):
        raise OgiltigtVärdeError(
            f"{namn} {belopp!r} {enh} is {exakt} kr, not a whole number of "
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
        if any(_är_följd(v) for v in värde.values()):
            raise FelTypError(
                f"{vad} must map each recipient to one number, got {kort(värde)}; "
                "give one number per recipient"
            )
        _inga_booleska(list(värde.values()), list(värde.keys()), vad)
        tal_ = tal_array(list(värde.values()), vad)
        if tal_.ndim != 1:
            raise FelTypError(f"{vad} must map each recipient to one number, got {kort(värde)}")
        return pd.Series(tal_, index=pd.Index(list(värde.keys())), dtype=float)
    obj: object = värde
    if (
        isinstance(obj, (str, bytes))
        or not isinstance(obj, (Sequence, np.ndarray, pd.Index))
        or (isinstance(obj, np.ndarray) and obj.ndim != 1)
        or any(_är_följd(v) for v in obj)
    ):
        raise FelTypError(
            f"{vad} must be a Series, a mapping or a 1-d sequence of numbers, got "
            f"{kort(värde)} of type {type(värde).__name__}"
        )
    _inga_booleska(list(obj), range(len(obj)), vad)
    return pd.Series(tal_array(värde, vad))


def _inga_booleska(värden: list[Any], etiketter: Iterable[Any], vad: str) -> None:
    """A boolean among the numbers per recipient is an error (True is not 1 inhabitant)."""
    for etikett, v in zip(etiketter, värden, strict=True):
        if isinstance(v, (bool, np.bool_)):
            raise FelTypError(
                f"{vad} must be numbers, got the boolean {v!r} for {etikett!r}; give a number "
                "per recipient"
            )


def _är_följd(värde: object) -> bool:
    """Whether one element of a per-recipient sequence is itself a sequence (a nested list)."""
    return not isinstance(värde, (str, bytes)) and isinstance(
        värde, (Sequence, Mapping, Set, np.ndarray, pd.Series, pd.Index, pd.DataFrame)
    )


def _kontrollera_mottagare(index: pd.Index, vad: str) -> None:
    """Recipients are paid once: no Riket, no region under two spellings, no 'ej utbetalt'."""
    unika_nycklar(index, "befolkning", vad)
    tomma = [
        i
        for i, e in enumerate(index[:_HÖGST_REGIONSETIKETTER])
        if (not isinstance(e, tuple) and pd.isna(e)) or (isinstance(e, str) and not e.strip())
    ]
    if tomma:
        raise OgiltigtVärdeError(
            f"{vad}: befolkning has a recipient without a name (label "
            f"{index[tomma[0]]!r} at position {tomma[0]}); name every recipient, e.g. "
            "by its region code such as '19'"
        )
    regionkoder: dict[str, list[Any]] = {}
    for etikett in index[:_HÖGST_REGIONSETIKETTER]:
        if not isinstance(etikett, str):
            continue
        if är_riket(etikett):
            raise OgiltigtVärdeError(
                f"{vad}: befolkning has the label {etikett!r}, which is Riket (the whole "
                "country), not a region to pay; drop Riket's row first"
            )
        if nfc(etikett).strip().casefold() == "ej utbetalt":
            raise OgiltigtVärdeError(
                f"{vad}: befolkning has the label {etikett!r}, the name of the entry for "
                "money not paid out; rename that recipient"
            )
        try:
            kod = _region(etikett).kod
        except HalsouppfoljningError:
            continue  # another allocation key than a region
        regionkoder.setdefault(kod, []).append(etikett)
    dubbla = [etiketter for etiketter in regionkoder.values() if len(etiketter) > 1]
    if dubbla:
        raise OgiltigtVärdeError(
            f"{vad}: befolkning names the same region more than once, as {kort(dubbla, 200)}; "
            "each region may occur once: keep one spelling and sum the figures"
        )


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
        index or keys label the result. Each recipient once: labels that
        name a region are compared as regions, and Riket is no recipient.
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
        For a negative or non-whole-kronor total or one above 10^15 kr,
        negative or missing populations, a zero total population, a label
        that is Riket (``"Riket"``, ``"Hela riket"``, ``"Sverige"``,
        ``"0000"``, ``"00"``), one region under two spellings (``"03"`` and
        ``"Uppsala"``), the label ``"ej utbetalt"``, a missing performance
        (not yet assessable), a missing or unknown ``outnyttjat``, a
        labelled ``prestation`` with an unlabelled ``befolkning``, or
        ``"omfördelas"`` when no region earned anything.
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
    vad = "medelsfördelning"
    total = _till_kronor(belopp, enhet, vad)
    val: object = outnyttjat
    if val is not None and (not isinstance(val, str) or val not in ("omfördelas", "behålls")):
        raise OgiltigtVärdeError(
            f"{vad}: outnyttjat must be 'omfördelas' or 'behålls' (or None when no money goes "
            f"by performance), got {kort(outnyttjat)}"
        )
    p = _per_region(befolkning, "befolkning")
    if len(p) == 0:
        raise OgiltigtVärdeError(f"{vad}: befolkning is empty; no region to pay")
    _kontrollera_mottagare(p.index, vad)
    pv = p.to_numpy(dtype=float)
    if not np.isfinite(pv).all() or (pv < 0).any():
        raise OgiltigtVärdeError(
            f"{vad}: befolkning must be finite and >= 0 for every region, got "
            f"{kort(p[~(np.isfinite(pv) & (pv >= 0))].to_dict(), 200)}"
        )
    with np.errstate(over="ignore"):
        summa = float(pv.sum())
    if not np.isfinite(summa):
        raise OgiltigtVärdeError(
            f"{vad}: befolkning is too large to sum (up to {float(pv.max())!r}); give "
            "inhabitants (or another key) in a smaller unit"
        )
    if pv.sum() <= 0:
        raise OgiltigtVärdeError(f"{vad}: the total population is 0; give befolkning > 0")
    if prestation is None:
        q = np.ones_like(pv)
        s = (
            0.0
            if andel_prestation is None
            else skalär(andel_prestation, f"{vad}: andel_prestation")
        )
        kontrollera_andel(s, f"{vad}: andel_prestation")
        if s > 0:
            raise OgiltigtVärdeError(f"{vad}: andel_prestation > 0 needs prestation= (per region)")
    else:
        qs = _per_region(prestation, "prestation")
        märkt_p = isinstance(befolkning, (pd.Series, Mapping))
        märkt_q = isinstance(prestation, (pd.Series, Mapping))
        if märkt_q and not märkt_p:
            raise OgiltigtVärdeError(
                f"{vad}: prestation is labelled (a Series or mapping) but befolkning is a "
                "plain sequence, so they cannot be matched by region; give befolkning as a "
                "Series or mapping with the same labels"
            )
        if märkt_q and märkt_p:
            unika_nycklar(qs.index, "prestation", vad)
            saknas = [k for k in p.index if k not in qs.index]
            if saknas:
                raise OgiltigtVärdeError(
                    f"{vad}: prestation has no value for {kort(saknas, 200)}; give one "
                    "prestation per region in befolkning"
                )
            extra = [k for k in qs.index if k not in p.index]
            if extra:
                raise OgiltigtVärdeError(
                    f"{vad}: prestation names {kort(extra, 200)}, which are not in "
                    "befolkning; add them to befolkning or remove them from prestation"
                )
            qs = qs.reindex(p.index)
        elif len(qs) != len(p):
            raise OgiltigtVärdeError(
                f"{vad}: prestation has {len(qs)} values but befolkning has {len(p)} "
                "regions; give one prestation per region in befolkning"
            )
        q = qs.to_numpy(dtype=float)
        if np.isnan(q).any():
            raise OgiltigtVärdeError(
                f"{vad}: prestation is missing (not yet assessable) for "
                f"{kort(list(p.index[np.isnan(q)]), 200)}; settle the assessments first"
            )
        kontrollera_andel(q, f"{vad}: prestation")
        s = (
            1.0
            if andel_prestation is None
            else skalär(andel_prestation, f"{vad}: andel_prestation")
        )
        kontrollera_andel(s, f"{vad}: andel_prestation")
    if s > 0 and outnyttjat is None:
        raise OgiltigtVärdeError(
            f"{vad}: say what happens to money a region does not earn: "
            "outnyttjat='omfördelas' or 'behålls'"
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
