"""Organisation: regions, nämnder, förvaltningar and vårdval.

The 21 :class:`Region` objects are read from the bundled file
``data/regioner.csv`` (länskod, name, län, Kolada id, ISO 3166-2 code and the
further spellings seen in reports). :func:`region` finds one by any of its
spellings; :func:`regioner` lists them in länskod order.

:class:`Nämnd`, :class:`Förvaltning` and :class:`Vårdval` are frozen attrs
classes that refuse inconsistent values at construction.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.region("västmanlands län").kod
'19'
>>> hu.region("SE-U").kolada_id
'0019'
>>> len(hu.regioner())
21
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ._data import läs_datafil
from ._indata import (
    Textenum,
    alternativ,
    boolesk,
    följd,
    heltal,
    kort,
    nfc,
    rimligt_datum,
    text,
    valfri_text,
)
from .exceptions import FelTypError, OgiltigtVärdeError, OkändRegionError

__all__ = [
    "Förvaltning",
    "Lagrum",
    "Nämnd",
    "Region",
    "Vårdval",
    "region",
    "regioner",
    "är_riket",
]


def _alias(värde: Any) -> tuple[str, ...]:
    if värde is None:
        return ()
    return tuple(text(a, "Region.alias") for a in följd(värde, "Region.alias"))


def _region_kod(v: object) -> str:
    return text(v, "Region.kod", tom=True)


def _region_namn(v: object) -> str:
    return text(v, "Region.namn")


def _region_kortnamn(v: object) -> str:
    return text(v, "Region.kortnamn")


def _region_län(v: object) -> str:
    return text(v, "Region.län")


def _region_kolada_id(v: object) -> str:
    return text(v, "Region.kolada_id", tom=True)


def _region_iso(v: object) -> str:
    return text(v, "Region.iso", tom=True)


@attrs.frozen(kw_only=True)
class Region:
    """One of Sweden's 21 regions (:term:`region`), the self-governing bodies that run healthcare.

    Obtain regions with :func:`region` or :func:`regioner` rather than
    constructing them: the bundled table is the single source of the codes.

    Parameters
    ----------
    kod : str
        The two-digit SCB county code (:term:`länskod`), a string with its leading
        zero, e.g. ``"03"``.
    namn : str
        The region's official name, e.g. ``"Region Västmanland"``.
    kortnamn : str
        The name without "Region", e.g. ``"Västmanland"``.
    län : str
        The county (:term:`län`), e.g. ``"Västmanlands län"``.
    kolada_id : str
        The Kolada area id, ``"00"`` + länskod, e.g. ``"0019"``.
    iso : str
        The ISO 3166-2 code, e.g. ``"SE-U"``.
    alias : tuple of str
        Further spellings seen in reports.

    Raises
    ------
    OgiltigtVärdeError
        If the codes are inconsistent: a länskod that is the code of no region
        (the bundled table lists the 21), a Kolada id not ``"00"`` + länskod,
        an ISO code other than the one of the länskod.

    See Also
    --------
    region : find a region by any spelling.
    regioner : all 21 regions in länskod order.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> r = hu.region("Västmanland")
    >>> (r.kod, r.namn, r.kolada_id, r.iso, r.län)
    ('19', 'Region Västmanland', '0019', 'SE-U', 'Västmanlands län')
    >>> r.stavningar()[:3]
    ('19', '0019', 'SE-U')
    """

    kod: str = attrs.field(converter=_region_kod)
    namn: str = attrs.field(converter=_region_namn)
    kortnamn: str = attrs.field(converter=_region_kortnamn)
    län: str = attrs.field(converter=_region_län)
    kolada_id: str = attrs.field(converter=_region_kolada_id)
    iso: str = attrs.field(converter=_region_iso)
    alias: tuple[str, ...] = attrs.field(default=(), converter=_alias, eq=False, repr=False)

    @kod.validator
    def _kontrollera_kod(self, attribut: attrs.Attribute[str], värde: object) -> None:
        if not (isinstance(värde, str) and re.fullmatch(r"\d{2}", värde)):
            raise OgiltigtVärdeError(
                f"Region.kod must be a two-digit länskod string such as '03', got {värde!r}"
            )
        koder = _koder()
        if värde not in koder:
            raise OgiltigtVärdeError(
                f"Region: kod {värde!r} is the länskod of no region (the 21 codes are "
                f"{', '.join(koder)}); look the region up with hu.region(...) instead of "
                "constructing it"
            )

    @kolada_id.validator
    def _kontrollera_kolada(self, attribut: attrs.Attribute[str], värde: str) -> None:
        if värde != "00" + self.kod:
            raise OgiltigtVärdeError(
                f"Region.kolada_id must be '00' + kod = {'00' + self.kod!r}, got {värde!r}"
            )

    @iso.validator
    def _kontrollera_iso(self, attribut: attrs.Attribute[str], värde: str) -> None:
        if not re.fullmatch(r"SE-[A-Z]{1,2}", värde):
            raise OgiltigtVärdeError(
                f"Region.iso must be an ISO 3166-2 code such as 'SE-U', got {värde!r}"
            )
        väntad = _koder()[self.kod]
        if värde != väntad:
            raise OgiltigtVärdeError(
                f"Region.iso {värde!r} is not the ISO 3166-2 code of länskod {self.kod!r}, "
                f"which is {väntad!r}; look the region up with hu.region({self.kod!r})"
            )

    def stavningar(self) -> tuple[str, ...]:
        """Every spelling that :func:`region` accepts for this region.

        Returns
        -------
        tuple of str
            Länskod, Kolada id, ISO code, official name, short name, län and
            aliases (matching ignores case, whitespace and Unicode form).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.region("09").stavningar()[:6]
        ('09', '0009', 'SE-I', 'Region Gotland', 'Gotland', 'Gotlands län')
        """
        return (self.kod, self.kolada_id, self.iso, self.namn, self.kortnamn, self.län, *self.alias)

    def __str__(self) -> str:
        return self.namn


@functools.cache
def _koder() -> dict[str, str]:
    """The länskoder of the bundled table, each with its ISO 3166-2 code, in order."""
    tabell = läs_datafil("regioner.csv")
    return dict(zip(tabell["kod"], tabell["iso"], strict=True))


def _nyckel(text: str) -> str:
    """Matching key: NFC, case-folded, whitespace collapsed, hyphens and dots unified."""
    text = nfc(text).casefold().strip()
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)
    return text.replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-")


#: Footnote marks glued to a printed name: asterisks, daggers, superscript digits.
_FOTNOT_RE = re.compile(r"\s*[*\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]+$")
#: A word broken across a line with a hyphen: "Väster- norrland" (lower case goes on).
_AVSTAVNING_RE = re.compile(r"(\w)- (?=[a-zåäö])")
#: Every spelling of Riket, the whole country (matching keys).
_RIKET = frozenset({"riket", "hela riket", "sverige", "0000", "00", "se", "riket totalt"})


def _som_tryckt(text: str) -> list[str]:
    """Matching keys of ``text`` as printed: as is, then without marks, hyphenation, genitive."""
    nyckel = _nyckel(text)
    utan = _FOTNOT_RE.sub("", nyckel).strip()
    utan = _AVSTAVNING_RE.sub(r"\1", utan)
    kandidater = [nyckel, utan]
    if utan.endswith("s"):  # genitive: "Region Skånes", "Västmanlands"
        kandidater.append(utan[:-1])
    return kandidater


def är_riket(text: object) -> bool:
    """Whether ``text`` is a spelling of Riket (the whole country), as reports print it.

    Riket is not a region: :func:`region` refuses it. The spellings are
    ``Riket``, ``Hela riket``, ``Sverige``, ``Riket totalt``, Kolada's
    ``0000``, the code ``00`` and ``SE``, in any case, with footnote marks
    (``Riket*``) and surrounding white space.

    Parameters
    ----------
    text : object
        A printed label; anything that is not a string is not Riket.

    Returns
    -------
    bool

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.organisation import är_riket
    >>> är_riket("Hela riket"), är_riket("RIKET*"), är_riket("0000"), är_riket("Skåne")
    (True, True, True, False)
    """
    if not isinstance(text, str):
        return False
    return any(k in _RIKET for k in _som_tryckt(text))


@functools.cache
def _tabell() -> tuple[Region, ...]:
    läsare = läs_datafil("regioner.csv").to_dict(orient="records")
    return tuple(
        Region(
            kod=rad["kod"],
            namn=rad["namn"],
            kortnamn=rad["kortnamn"],
            län=rad["län"],
            kolada_id=rad["kolada_id"],
            iso=rad["iso"],
            alias=tuple(a for a in (rad["alias"] or "").split(";") if a.strip()),
        )
        for rad in läsare
    )


@functools.cache
def _index() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for r in _tabell():
        for stavning in r.stavningar():
            nyckel = _nyckel(stavning)
            tidigare = index.setdefault(nyckel, r)
            if tidigare is not r:  # pragma: no cover - guards the bundled table
                raise OgiltigtVärdeError(
                    f"bundled regioner.csv: spelling {stavning!r} names both "
                    f"{tidigare.namn} and {r.namn}"
                )
    return index


def regioner() -> tuple[Region, ...]:
    """The 21 Swedish regions in länskod order.

    Returns
    -------
    tuple of Region
        From Region Stockholm (01) to Region Norrbotten (25).

    See Also
    --------
    region : find one region by name or code.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> [r.kod for r in hu.regioner()][:4]
    ['01', '03', '04', '05']
    >>> hu.regioner()[-1].namn
    'Region Norrbotten'
    """
    return _tabell()


def region(namn_eller_kod: str | int | Region) -> Region:
    """Find a region by any of its spellings or codes.

    Accepts the official name ("Region Västmanland"), the short name
    ("Västmanland"), the county ("Västmanlands län"), the two-digit länskod
    ("19"; an ``int`` such as 19 or 3 is read as a länskod), the Kolada id
    ("0019") and the ISO 3166-2 code ("SE-U"), plus the aliases in the bundled
    table ("Västra Götalandsregionen", "VGR", "Södermanland" ...). Matching
    ignores case, surrounding and repeated whitespace and Unicode
    normalisation form (NFC/NFD). Names as reports print them are read too:
    footnote marks glued on ("Skåne*", "Gotland¹"), the genitive ("Region
    Skånes", "Västmanlands"), a word hyphenated across a line break
    ("Väster- norrland") and upper case ("VÄSTERBOTTEN").

    Parameters
    ----------
    namn_eller_kod : str, int or Region
        The spelling to look up. A :class:`Region` is returned unchanged.

    Returns
    -------
    Region

    Raises
    ------
    OkändRegionError
        If nothing matches, or the text is a spelling of Riket (``"Riket"``,
        ``"Hela riket"``, ``"Sverige"``, Kolada's ``"0000"``, ``"00"``: the
        whole country, not a region; see :func:`är_riket`). The message
        lists the closest matches.
    FelTypError
        If the argument is neither a string, an int nor a Region.

    See Also
    --------
    regioner : all 21 regions.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.region("SE-U").kolada_id
    '0019'
    >>> hu.region("  region  JÖNKÖPINGS län ").kod
    '06'
    >>> hu.region(3).namn
    'Region Uppsala'
    >>> hu.region("Region Skånes").kod, hu.region("Väster- norrland*").kod
    ('12', '22')
    """
    if isinstance(namn_eller_kod, Region):
        return namn_eller_kod
    if isinstance(namn_eller_kod, bool) or not isinstance(namn_eller_kod, (str, int)):
        raise FelTypError(
            f"region(): namn_eller_kod must be a name or code as str (or a länskod as int), "
            f"got {kort(namn_eller_kod)} of type {type(namn_eller_kod).__name__}; pass e.g. "
            "'Västmanland', 'SE-U' or 19"
        )
    return _slå_upp(namn_eller_kod, _REGION_ARGUMENT)


_REGION_ARGUMENT = "region(): namn_eller_kod"


def _slå_upp(namn_eller_kod: str | int, vem: str) -> Region:
    """The region a spelling names; the messages name ``vem`` (a function's argument or a field)."""
    text = f"{namn_eller_kod:02d}" if isinstance(namn_eller_kod, int) else namn_eller_kod
    if är_riket(text):
        raise OkändRegionError(
            f"{'region()' if vem == _REGION_ARGUMENT else vem}: {kort(text)} is Riket (the "
            "whole country), not a region; test labels "
            "with är_riket() first (the 21 regions have Kolada ids 0001-0025)"
        )
    index = _index()
    for nyckel in _som_tryckt(text):
        träff = index.get(nyckel)
        if träff is not None:
            return träff
    # region()'s own message has no prefix: callers that look a field up through it
    # put their own argument in front (Överenskommelse, Prestationskrav ...)
    fält = f"{vem}: " if vem != _REGION_ARGUMENT else ""
    raise OkändRegionError(f"{fält}unknown region {kort(text)}; {_närmaste(text)}")


def _närmaste(text: str) -> str:
    index = _index()
    if len(text) > 100:  # no region name is that long; do not compare it letter by letter
        nycklar = []
    else:
        nycklar = difflib.get_close_matches(_nyckel(text), list(index), n=8, cutoff=0.5)
    namn: list[str] = []
    for n in nycklar:
        if index[n].namn not in namn:
            namn.append(index[n].namn)
    if not namn:
        return (
            "no close match; pass a name ('Västmanland'), a länskod ('19'), "
            "a Kolada id ('0019') or an ISO code ('SE-U')"
        )
    return "closest matches: " + ", ".join(namn[:3])


class Lagrum(Textenum):
    """The law under which a vårdval buys care (:term:`lagrum`: legal basis).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Lagrum("LOV").value
    'LOV'
    >>> hu.Lagrum.LOV.beskrivning
    'lagen om valfrihetssystem'
    """

    LOV = "LOV"
    LOL = "LOL"
    LOF = "LOF"
    LOU = "LOU"
    IOP = "IOP"

    @property
    def beskrivning(self) -> str:
        """The law written out."""
        return _LAGRUM_BESKRIVNING[self]


_LAGRUM_BESKRIVNING = {
    Lagrum.LOV: "lagen om valfrihetssystem",
    Lagrum.LOL: "lagen om läkarvårdsersättning",
    Lagrum.LOF: "lagen om ersättning för fysioterapi",
    Lagrum.LOU: "lagen om offentlig upphandling",
    Lagrum.IOP: "idéburet offentligt partnerskap",
}


def _som_lagrum(värde: Any) -> Lagrum:
    return alternativ(värde, Lagrum, "Vårdval.lagrum")


def _som_region(värde: Any, namn: str) -> Region:
    """:func:`region` for a field: the message names the field, not ``region()``."""
    if isinstance(värde, Region):
        return värde
    if isinstance(värde, bool) or not isinstance(värde, (str, int)):
        raise FelTypError(
            f"{namn} must be a Region or a region's name or code, got {kort(värde)} of type "
            f"{type(värde).__name__}; pass e.g. 'Västmanland', 'SE-U' or hu.region('19')"
        )
    return _slå_upp(värde, namn)


def _nämnd_region(v: object) -> Region:
    return _som_region(v, "Nämnd.region")


def _valfri_boolesk(värde: object, namn: str) -> bool | None:
    """``None`` (unknown) or a boolean; ``"nej"``, ``0`` and ``1`` are errors."""
    return None if värde is None else boolesk(värde, namn)


def _nämnd_driver_egen_verksamhet(v: object) -> bool | None:
    return _valfri_boolesk(v, "Nämnd.driver_egen_verksamhet")


def _verksamhetsområden(värde: Any) -> tuple[str, ...]:
    if isinstance(värde, str):
        raise FelTypError(
            "Förvaltning.verksamhetsområden must be a sequence of names, got the single "
            f"string {värde!r}; wrap it in a list: [{värde!r}]"
        )
    if värde is None:
        return ()
    namn = tuple(
        text(v, "Förvaltning.verksamhetsområden")
        for v in följd(värde, "Förvaltning.verksamhetsområden")
    )
    dubletter = sorted({n for n in namn if namn.count(n) > 1})
    if dubletter:
        raise OgiltigtVärdeError(
            f"Förvaltning.verksamhetsområden lists {dubletter[0]!r} more than once; "
            "each area is named once"
        )
    return namn


def _nämnd_namn(v: object) -> str:
    return text(v, "Nämnd.namn")


def _nämnd_kortnamn(v: object) -> str | None:
    return valfri_text(v, "Nämnd.kortnamn")


def _nämnd_ansvarsområde(v: object) -> str:
    return text(v, "Nämnd.ansvarsområde", tom=True)


@attrs.frozen(kw_only=True)
class Nämnd:
    """A committee (:term:`nämnd`) of a region, with its responsibility area.

    A nämnd is a political body under the regional council
    (*regionfullmäktige*) with a responsibility area (:term:`ansvarsområde`), a
    budget frame (*ram*) and its own follow-up. A purchasing nämnd may run no
    care itself.

    Parameters
    ----------
    region : Region or str
        The region it belongs to; a spelling is looked up with :func:`region`.
    namn : str
        Full name, e.g. "Hälso- och sjukvårdsnämnden".
    kortnamn : str, optional
        Short name used in reports, e.g. "HSN".
    ansvarsområde : str, optional
        What the nämnd is responsible for.
    driver_egen_verksamhet : bool, optional
        Whether it runs care itself (``False`` for a purchasing nämnd);
        ``None`` when unknown. Only ``True``, ``False`` or ``None``: text such
        as ``"nej"`` and numbers such as ``0`` are refused.

    Raises
    ------
    OgiltigtVärdeError
        For an empty name.
    OkändRegionError
        For a region spelling that names no region (or names Riket).
    FelTypError
        For a name that is not text, a region that is neither a Region nor a
        name or code, a ``driver_egen_verksamhet`` that is not a boolean.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hsn = hu.Nämnd(region="Värmland", namn="Hälso- och sjukvårdsnämnden", kortnamn="HSN")
    >>> hsn.region.kod, hsn.kortnamn
    ('17', 'HSN')
    """

    region: Region = attrs.field(converter=_nämnd_region)
    namn: str = attrs.field(converter=_nämnd_namn)
    kortnamn: str | None = attrs.field(default=None, converter=_nämnd_kortnamn)
    ansvarsområde: str = attrs.field(default="", converter=_nämnd_ansvarsområde)
    driver_egen_verksamhet: bool | None = attrs.field(
        default=None, converter=_nämnd_driver_egen_verksamhet
    )

    def __str__(self) -> str:
        return f"{self.namn} ({self.region.namn})"


def _förvaltning_namn(v: object) -> str:
    return text(v, "Förvaltning.namn")


def _förvaltning_kortnamn(v: object) -> str | None:
    return valfri_text(v, "Förvaltning.kortnamn")


@attrs.frozen(kw_only=True)
class Förvaltning:
    """An administration (:term:`förvaltning`) that reports to a nämnd.

    It is split into *verksamhetsområden* (areas such as Akutsjukvård, Nära
    vård). Area results do not add up to the förvaltning's total (central
    items sit outside the areas), so the package never sums them silently.

    Parameters
    ----------
    nämnd : Nämnd
        The nämnd it reports to.
    namn : str
        Full name, e.g. "Hälso- och sjukvårdsförvaltningen".
    kortnamn : str, optional
        Short name, e.g. "HSF".
    verksamhetsområden : sequence of str
        The areas, each named once.

    Raises
    ------
    OgiltigtVärdeError
        For an empty name or an area listed twice.
    FelTypError
        If ``nämnd`` is not a :class:`Nämnd` or the areas are a single string.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hsn = hu.Nämnd(region="Västmanland", namn="Hälso- och sjukvårdsnämnden")
    >>> hsf = hu.Förvaltning(
    ...     nämnd=hsn,
    ...     namn="Hälso- och sjukvårdsförvaltningen",
    ...     kortnamn="HSF",
    ...     verksamhetsområden=["Akutsjukvård", "Nära vård"],
    ... )
    >>> hsf.region.namn, hsf.verksamhetsområden
    ('Region Västmanland', ('Akutsjukvård', 'Nära vård'))
    """

    nämnd: Nämnd = attrs.field()
    namn: str = attrs.field(converter=_förvaltning_namn)
    kortnamn: str | None = attrs.field(default=None, converter=_förvaltning_kortnamn)
    verksamhetsområden: tuple[str, ...] = attrs.field(default=(), converter=_verksamhetsområden)

    @nämnd.validator
    def _kontrollera_nämnd(self, attribut: attrs.Attribute[Nämnd], värde: Any) -> None:
        if not isinstance(värde, Nämnd):
            raise FelTypError(
                f"Förvaltning.nämnd must be a Nämnd, got {kort(värde)} of type "
                f"{type(värde).__name__}; build it with hu.Nämnd(region=..., namn=...)"
            )

    @property
    def region(self) -> Region:
        """The region of the nämnd it reports to."""
        return self.nämnd.region

    def __str__(self) -> str:
        return f"{self.namn} ({self.region.namn})"


def _vårdval_namn(v: object) -> str:
    return text(v, "Vårdval.namn")


#: Plausibility bounds: more providers in one vårdval, or more listed patients
#: than Sweden has inhabitants (10.6 million in 2024), is a unit or typing error.
_HÖGST_VÅRDGIVARE = 100_000
_HÖGST_LISTADE = 15_000_000


def _vårdval_antal_vårdgivare(v: object) -> int | None:
    return (
        None
        if v is None
        else heltal(v, "Vårdval.antal_vårdgivare", minst=0, högst=_HÖGST_VÅRDGIVARE)
    )


def _vårdval_varav_egen_regi(v: object) -> int | None:
    return (
        None
        if v is None
        else heltal(v, "Vårdval.varav_egen_regi", minst=0, högst=_HÖGST_VÅRDGIVARE)
    )


def _vårdval_antal_listade(v: object) -> int | None:
    return None if v is None else heltal(v, "Vårdval.antal_listade", minst=0, högst=_HÖGST_LISTADE)


def _vårdval_rapporterar(v: object) -> bool | None:
    return _valfri_boolesk(v, "Vårdval.rapporterar_till_väntetidsdatabasen")


def _vårdval_giltig_från(v: object) -> dt.date | None:
    return None if v is None else rimligt_datum(v, "Vårdval.giltig_från")


def _vårdval_giltig_till(v: object) -> dt.date | None:
    return None if v is None else rimligt_datum(v, "Vårdval.giltig_till")


@attrs.frozen(kw_only=True)
class Vårdval:
    """A patient-choice system (:term:`vårdval`): care bought from any approved provider.

    Parameters
    ----------
    namn : str
        E.g. "Hälsoval" (primary care), "Vårdval grå starr".
    lagrum : Lagrum or str
        The law it runs under: LOV, LOL, LOF, LOU or IOP.
    nämnd : Nämnd
        The responsible nämnd. Responsibilities move between nämnder; give one
        Vårdval per period of validity.
    antal_vårdgivare : int, optional
        Number of approved providers (at most 100 000: more is a typing error).
    varav_egen_regi : int, optional
        How many of them the region runs itself (:term:`egen regi`); at most
        ``antal_vårdgivare``.
    antal_listade : int, optional
        Listed patients, where the vårdval has listing (at most 15 million,
        more than Sweden's population).
    rapporterar_till_väntetidsdatabasen : bool, optional
        Whether the providers report to the national waiting-time database
        (private providers often do not; their figures then come from manual
        follow-up). ``None`` when unknown; text such as ``"ja"`` and numbers
        are refused.
    giltig_från, giltig_till : datetime.date or 'YYYY-MM-DD', optional
        Validity, both inclusive; open-ended when ``None``. Read by the
        package's date rule: an aware timestamp counts on its Swedish calendar
        day; a slash date such as '01/12/2023' is refused as ambiguous.

    Raises
    ------
    OgiltigtVärdeError
        More region-run providers than providers, a negative count, a
        validity that ends before it starts, an unknown lagrum.
    FelTypError
        A count that is not a whole number, a date that is not a date, a flag
        that is not a boolean, a nämnd that is not a :class:`Nämnd`.

    Examples
    --------
    >>> import datetime as dt
    >>> import halsouppfoljning as hu
    >>> hsn = hu.Nämnd(region="Västmanland", namn="Hälso- och sjukvårdsnämnden")
    >>> v = hu.Vårdval(
    ...     namn="Hälsoval", lagrum="LOV", nämnd=hsn,
    ...     antal_vårdgivare=30, varav_egen_regi=20, giltig_från="2023-01-01",
    ... )
    >>> v.lagrum, v.andel_egen_regi
    (<Lagrum.LOV: 'LOV'>, 0.6666666666666666)
    >>> v.gäller(dt.date(2022, 12, 31))
    False
    """

    namn: str = attrs.field(converter=_vårdval_namn)
    lagrum: Lagrum = attrs.field(converter=_som_lagrum)
    nämnd: Nämnd = attrs.field()
    antal_vårdgivare: int | None = attrs.field(default=None, converter=_vårdval_antal_vårdgivare)
    varav_egen_regi: int | None = attrs.field(default=None, converter=_vårdval_varav_egen_regi)
    antal_listade: int | None = attrs.field(default=None, converter=_vårdval_antal_listade)
    rapporterar_till_väntetidsdatabasen: bool | None = attrs.field(
        default=None, converter=_vårdval_rapporterar
    )
    giltig_från: dt.date | None = attrs.field(default=None, converter=_vårdval_giltig_från)
    giltig_till: dt.date | None = attrs.field(default=None, converter=_vårdval_giltig_till)

    @nämnd.validator
    def _kontrollera_nämnd(self, attribut: attrs.Attribute[Nämnd], värde: Any) -> None:
        if not isinstance(värde, Nämnd):
            raise FelTypError(
                f"Vårdval.nämnd must be a Nämnd, got {kort(värde)} of type "
                f"{type(värde).__name__}; build it with hu.Nämnd(region=..., namn=...)"
            )

    @varav_egen_regi.validator
    def _kontrollera_egen_regi(self, attribut: attrs.Attribute[Any], värde: int | None) -> None:
        if (
            värde is not None
            and self.antal_vårdgivare is not None
            and värde > self.antal_vårdgivare
        ):
            raise OgiltigtVärdeError(
                f"Vårdval.varav_egen_regi={värde} is more than "
                f"antal_vårdgivare={self.antal_vårdgivare}; region-run providers are a "
                "subset of all providers"
            )

    @giltig_till.validator
    def _kontrollera_giltighet(self, attribut: attrs.Attribute[Any], värde: dt.date | None) -> None:
        if värde is not None and self.giltig_från is not None and värde < self.giltig_från:
            raise OgiltigtVärdeError(
                f"Vårdval.giltig_till={värde.isoformat()} is before "
                f"giltig_från={self.giltig_från.isoformat()}; a validity cannot end before "
                "it starts"
            )

    @property
    def region(self) -> Region:
        """The region of the responsible nämnd."""
        return self.nämnd.region

    @property
    def andel_egen_regi(self) -> float:
        """Share [andel, 0-1] of providers run by the region; NaN when not known or no providers."""
        if (
            self.antal_vårdgivare is None
            or self.varav_egen_regi is None
            or not self.antal_vårdgivare
        ):
            return float("nan")
        return self.varav_egen_regi / self.antal_vårdgivare

    def gäller(self, datum: dt.date | str) -> bool:
        """Whether the vårdval is valid on ``datum`` (both ends inclusive).

        Parameters
        ----------
        datum : datetime.date or 'YYYY-MM-DD'

        Returns
        -------
        bool

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hsn = hu.Nämnd(region="19", namn="HSN")
        >>> v = hu.Vårdval(namn="Hudvård", lagrum="LOV", nämnd=hsn, giltig_till="2022-12-31")
        >>> v.gäller("2022-12-31"), v.gäller("2023-01-01")
        (True, False)
        """
        d = rimligt_datum(datum, "Vårdval.gäller: datum")
        if self.giltig_från is not None and d < self.giltig_från:
            return False
        return not (self.giltig_till is not None and d > self.giltig_till)


def regiontabell(regionlista: Iterable[Region] | None = None) -> list[dict[str, str]]:
    """Rows (one dict per region) for display: kod, namn, län, kolada_id, iso."""
    return [
        {"kod": r.kod, "namn": r.namn, "län": r.län, "kolada_id": r.kolada_id, "iso": r.iso}
        for r in (regioner() if regionlista is None else regionlista)
    ]
