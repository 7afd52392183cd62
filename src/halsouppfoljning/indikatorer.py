"""Indicators, target levels (målnivåer) and their assessment (måluppfyllelse).

An :class:`Indikator` carries its direction (:class:`Riktning`), its
aggregation mode (:class:`Aggregering`) and a :class:`Målnivå` per year.
:meth:`Målnivå.tolka` reads every target form Swedish follow-up reports print
("≥ 80 %", "85-90 %", "90/80/80", "Lägre än fg år", "Enligt plan", "-" ...);
:func:`måluppfyllelse` assesses outcomes against a target, scalar or
elementwise, and :func:`trend` gives the development in the good direction.

Examples
--------
>>> import halsouppfoljning as hu
>>> hu.måluppfyllelse(0.88, hu.Målnivå.tolka("85-90 %"))
<Måluppfyllelse.UPPNÅDD: 'uppnådd'>
>>> hu.måluppfyllelse(0.798, hu.Målnivå.tolka("≥80 %"), avrundning=0)
<Måluppfyllelse.UPPNÅDD: 'uppnådd'>
>>> hu.trend(94, 140, hu.Riktning.LÄGRE_ÄR_BÄTTRE)
<Trend.POSITIV: 'positiv'>
"""

from __future__ import annotations

import enum
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    TalIn,
    Textenum,
    alternativ,
    boolesk,
    följd,
    heltal,
    kontrollera_andel,
    kort,
    med_funktionsnamn,
    samma_etiketter,
    skalär,
    tal_array,
    valfri_text,
)
from ._indata import text as _text_in
from .exceptions import (
    AndelsError,
    FelTypError,
    HalsouppfoljningError,
    OgiltigtVärdeError,
    UnderlagsVarning,
)

__all__ = [
    "Aggregering",
    "Delvis",
    "Indikator",
    "Målnivå",
    "Måltyp",
    "Måluppfyllelse",
    "Periodicitet",
    "Riktning",
    "Tal",
    "Trend",
    "avrunda",
    "formatera_andel",
    "formatera_tal",
    "måluppfyllelse",
    "trend",
]

_Arr = npt.NDArray[np.float64]


class Riktning(Textenum):
    """The direction (:term:`riktning`) in which an indicator is better.

    The direction cannot be read from an indicator's name ("Oberoende av
    hyrpersonal" is a cost share where lower is better), so it is stated.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Riktning("högre är bättre") is hu.Riktning.HÖGRE_ÄR_BÄTTRE
    True
    """

    HÖGRE_ÄR_BÄTTRE = "högre är bättre"
    LÄGRE_ÄR_BÄTTRE = "lägre är bättre"
    INOM_INTERVALL = "inom intervall"


class Måluppfyllelse(Textenum):
    """The assessment of an outcome against a target level (:term:`måluppfyllelse`).

    ``UPPNÅDD`` (met), ``DELVIS`` (partly met, only under an explicit
    :class:`Delvis` rule), ``EJ_UPPNÅDD`` (not met), ``UNDERLAG_SAKNAS`` (no
    outcome, or no comparison value where the target needs one) and
    ``MÅL_SAKNAS`` (no target).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Måluppfyllelse.UPPNÅDD.value
    'uppnådd'
    """

    UPPNÅDD = "uppnådd"
    DELVIS = "delvis"
    EJ_UPPNÅDD = "ej uppnådd"
    UNDERLAG_SAKNAS = "underlag saknas"
    MÅL_SAKNAS = "mål saknas"


class Trend(Textenum):
    """The development of an indicator in its good direction (:term:`trend`).

    Not target attainment: sick leave 8,3 % against a 6,0 % target is
    "Positiv" when it fell from 11,7 %.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Trend("positiv") is hu.Trend.POSITIV
    True
    """

    POSITIV = "positiv"
    NEGATIV = "negativ"
    NEUTRAL = "neutral"


class Aggregering(Textenum):
    """How a value is formed from its parts (*aggregering*): over time or over units.

    Over the months of a period (an indicator's mode): ``ACKUMULERAT``: year
    to date, pooled (sum of numerators over sum of denominators since
    January); ``MÅNADSMEDEL``: mean of the monthly values; ``R12`` / ``R18``:
    rolling 12 or 18 months; ``ÖGONBLICK``: a snapshot at a date (a
    point-prevalence measurement); ``ENKÄT``: a survey index.

    Over parts (regions, units, months) when they are combined, the one
    vocabulary of every function with a pooled-or-mean choice
    (``sammanvägning``, ``sammanvägda_andelar``): ``POOLAD``: the ratio of
    sums, sum of numerators over sum of denominators (:term:`kvot av summor`;
    how national figures are formed); ``VÄGT_MEDEL``: the mean of the parts'
    values weighted by given weights; ``MEDEL``: the unweighted mean of the
    parts' values (every part counts once, whatever its size).

    The string values are accepted wherever the enum is.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Aggregering("r18") is hu.Aggregering.R18
    True
    >>> hu.Aggregering("poolad") is hu.Aggregering.POOLAD
    True
    """

    ACKUMULERAT = "ackumulerat"
    MÅNADSMEDEL = "månadsmedel"
    R12 = "r12"
    R18 = "r18"
    ÖGONBLICK = "ögonblick"
    ENKÄT = "enkät"
    POOLAD = "poolad"
    VÄGT_MEDEL = "vägt medel"
    MEDEL = "medel"


class Periodicitet(Textenum):
    """How often an indicator is reported (*periodicitet*).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Periodicitet("tertial").name
    'TERTIAL'
    """

    MÅNAD = "månad"
    TERTIAL = "tertial"
    DELÅR = "delår"
    HELÅR = "helår"


class Måltyp(Textenum):
    """The form of a :class:`Målnivå` (*måltyp*).

    ``GRÄNS`` a limit ("≥ 80 %", or a bare "85 %" with a direction);
    ``INTERVALL`` a band ("85-90 %"); ``SAMMANSATT`` one sub-target per
    sub-indicator ("90/80/80"); ``RELATIV_FÖRÄNDRING`` a change against the
    same period last year ("ökning ≥10%/år"); ``MOT_FÖREGÅENDE`` a direction
    against the previous value ("Lägre än fg år"); ``ENLIGT_PLAN`` against a
    plan value; ``TVÅNIVÅ`` delmål and totalmål; ``INGET`` no target ("-").

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Målnivå.tolka("85-90 %").typ
    <Måltyp.INTERVALL: 'intervall'>
    """

    GRÄNS = "gräns"
    INTERVALL = "intervall"
    SAMMANSATT = "sammansatt"
    RELATIV_FÖRÄNDRING = "relativ förändring"
    MOT_FÖREGÅENDE = "mot föregående"
    ENLIGT_PLAN = "enligt plan"
    TVÅNIVÅ = "tvånivå"
    INGET = "inget"


# --------------------------------------------------------------------------- operators

_OPERATORER = (">", ">=", "<", "<=")
_SYMBOL = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}
_RIKTNING_AV_OPERATOR = {
    ">": Riktning.HÖGRE_ÄR_BÄTTRE,
    ">=": Riktning.HÖGRE_ÄR_BÄTTRE,
    "<": Riktning.LÄGRE_ÄR_BÄTTRE,
    "<=": Riktning.LÄGRE_ÄR_BÄTTRE,
}


def _som_riktning(riktning: Any, namn: str = "riktning") -> Riktning | None:
    if riktning is None or isinstance(riktning, Riktning):
        return riktning
    if isinstance(riktning, str):
        try:
            return Riktning(riktning)
        except ValueError:
            pass
    raise FelTypError(
        f"{namn} must be a Riktning (HÖGRE_ÄR_BÄTTRE, LÄGRE_ÄR_BÄTTRE, INOM_INTERVALL) or "
        f"None, got {riktning!r}"
    )


def _gånger(x: float, faktor: int) -> float:
    return float(Decimal(repr(float(x))) * faktor)


def _tal_text(x: float) -> str:
    """Shortest Swedish text of ``x`` (decimal comma, space-grouped thousands)."""
    for decimaler in range(9):
        if abs(round(x, decimaler) - x) <= 1e-9 * max(1.0, abs(x)):
            return formatera_tal(x, decimaler)
    return formatera_tal(x, 9)  # nine decimals are within the tolerance for any x


#: Units shown in percent: shares (bounded to [0, 1]) and changes (unbounded proportions).
#: Public to the package: the target grammar (``tolka.malniva``) reads them the same way.
PROCENTENHETER = frozenset({"andel", "förändring"})


def _enhetstext(x: float, enhet: str | None) -> str:
    if enhet in PROCENTENHETER:
        return f"{_tal_text(_gånger(x, 100))} %"
    if enhet is None:
        return _tal_text(x)
    return f"{_tal_text(x)} {enhet}"


# --------------------------------------------------------------------------- rounding, display


#: The most decimals a display or rounding keeps: a float64 holds 15-17 significant digits.
_MAX_DECIMALER = 15


def _decimaler(decimaler: object, funktion: str) -> int:
    """``decimaler`` of a rounding or display function: an int in [-15, 15]."""
    if isinstance(decimaler, bool) or not isinstance(decimaler, (int, np.integer)):
        raise FelTypError(
            f"{funktion}: decimaler must be an int, got {decimaler!r}; pass e.g. decimaler=1"
        )
    return heltal(decimaler, f"{funktion}: decimaler", minst=-_MAX_DECIMALER, högst=_MAX_DECIMALER)


def avrunda(värde: TalIn, decimaler: int = 0) -> Any:
    """Round half up (away from zero), as Swedish reports do.

    Defined here because the assessment rounds with it (``avrundning=`` of
    :func:`måluppfyllelse`); the display helpers :func:`formatera_tal` and
    :func:`formatera_andel` beside it are what reports print, and the text
    edge (``halsouppfoljning.tolka``) re-exports all three.

    Python's :func:`round` and :func:`numpy.round` round half to even
    (84.5 -> 84); reports round 84,5 to 85 and -165,55 to -165,6. A value
    within a relative 1e-12 below a half is treated as that half, because
    binary floats store printed decimals a few units in the last place off
    (0.285 * 100 is 28.499999999999996, printed "28,5", and rounds to 29).

    Parameters
    ----------
    värde : float, array-like or Series
        The numbers; NaN stays NaN, infinity is an error. A Series keeps its index.
    decimaler : int
        Number of decimals to keep, in [-15, 15] (may be negative: -3 rounds to
        thousands).

    Returns
    -------
    float, ndarray or Series

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.avrunda(84.5), round(84.5)
    (85.0, 84)
    >>> hu.avrunda(-165.55, 1)
    -165.6
    >>> hu.avrunda(28.499999999999996)
    29.0
    """
    skala = 10.0 ** _decimaler(decimaler, "avrunda")
    arr = tal_array(värde, "avrunda: värde")
    with np.errstate(over="ignore"):  # a product too large is kept as it is below
        y = arr * skala
    a = np.abs(y)
    # A printed decimal such as 164990,395 is stored a few ulp below its value
    # (164990.39499999999); a relative tolerance of 1e-12, far above float error
    # and far below any printed precision, treats such values as the halves they are.
    # The tolerance is capped (1e-3, at least 4 ulp, at most 0.1) so a large value
    # is never pushed up a unit (1e12 + 0.3 stays 1e12), and the fraction is compared
    # exactly rather than added to. From 2**52 on a float has no fraction left to
    # round: it is kept as it is.
    golv = np.floor(a)
    tolerans = np.maximum(np.minimum(1e-12 * np.maximum(a, 1.0), 1e-3), 4 * np.spacing(a))
    tolerans = np.minimum(tolerans, 0.1)
    with np.errstate(invalid="ignore"):  # inf - inf for an overflowed product
        uppåt = (a - golv) >= 0.5 - tolerans
    avrundat = np.sign(y) * (golv + uppåt) / skala
    ut = np.where(a < 2.0**52, avrundat, arr) + 0.0  # + 0.0 turns -0.0 into 0.0
    if isinstance(värde, pd.Series):
        return pd.Series(ut, index=värde.index, name=värde.name)
    if np.ndim(värde) == 0:
        return float(ut)
    return ut


def formatera_tal(värde: float | None, decimaler: int = 1, *, enhet: str | None = None) -> str:
    """Format a number the Swedish way: decimal comma, space-grouped thousands, minus as "-".

    Parameters
    ----------
    värde : float
        The number; NaN (or None) gives "i.u." (*inte uppgift*, not available).
    decimaler : int
        Decimals, rounded half up (see :func:`avrunda`), in [-15, 15].
    enhet : str, optional
        Unit appended after a space, e.g. "mnkr".

    Returns
    -------
    str

    Raises
    ------
    FelTypError
        If ``värde`` is not a number (text, a frame, a list) or ``decimaler`` not an int.
    OgiltigtVärdeError
        If ``värde`` is infinite or ``decimaler`` outside [-15, 15].

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.formatera_tal(-165.6, enhet="mnkr")
    '-165,6 mnkr'
    >>> hu.formatera_tal(1040679, 0)
    '1 040 679'
    """
    decimaler = _decimaler(decimaler, "formatera_tal")
    enhet = valfri_text(enhet, "formatera_tal: enhet")
    tal = skalär(värde, "formatera_tal: värde", saknas=True)
    if math.isnan(tal):
        return "i.u."
    avrundat = Decimal(repr(float(avrunda(tal, decimaler))))
    # enough digits for the largest float (1.8e308) and every decimal kept
    with localcontext() as sammanhang:
        sammanhang.prec = 340
        avrundat = avrundat.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
        text = f"{abs(avrundat):,.{max(decimaler, 0)}f}".replace(",", " ").replace(".", ",")
    if avrundat < 0:
        text = "-" + text
    return f"{text} {enhet}" if enhet else text


def formatera_andel(andel: float | None, decimaler: int = 1) -> str:
    """Format a share [andel, 0-1] as percent the Swedish way: 0.788 gives "78,8 %".

    Parameters
    ----------
    andel : float
        The share [andel, 0-1]; NaN (or None) gives "i.u." (*inte uppgift*).
    decimaler : int
        Decimals of the percent, rounded half up, in [-15, 15].

    Returns
    -------
    str

    Raises
    ------
    AndelsError
        If ``andel`` is outside [0, 1]: 78.8 asks "did you pass percent?"; a
        ratio above 100 % (an occupancy, *beläggningsgrad*, of 1.04) or a
        signed change is not a share and is formatted with
        ``formatera_tal(100 * x, enhet="%")``.
    FelTypError
        If ``andel`` is not a number or ``decimaler`` not an int.
    OgiltigtVärdeError
        If ``andel`` is infinite or ``decimaler`` outside [-15, 15].

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.formatera_andel(0.788)
    '78,8 %'
    >>> hu.formatera_andel(0.8445, 1)
    '84,5 %'
    >>> hu.formatera_andel(78.8)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.AndelsError: formatera_andel: andel must be a share ...
    >>> hu.formatera_tal(100 * 1.04, 0, enhet="%")  # a ratio above 100 %
    '104 %'
    """
    decimaler = _decimaler(decimaler, "formatera_andel")
    tal = skalär(andel, "formatera_andel: andel", saknas=True)
    if math.isnan(tal):
        return "i.u."
    if not 0.0 <= tal <= 1.0:
        raise AndelsError(_utanför_andel(tal, "formatera_andel: andel"))
    return formatera_tal(float(Decimal(repr(tal)) * 100), decimaler, enhet="%")


def _utanför_andel(tal: float, namn: str) -> str:
    """The message for a display of a share given a value outside [0, 1]."""
    procent = "formatera_tal(100 * x, enhet='%')"
    if math.isfinite(100 * tal):
        procent += f" (here {formatera_tal(100 * tal, 1, enhet='%')!r})"
    if 1.0 < tal <= 100.0:
        råd = (
            f"did you pass percent? {tal:g} % is the share {tal / 100:g}: pass that. If {tal:g} "
            "is instead a ratio above 100 % (e.g. an occupancy, beläggningsgrad), it is not a "
            f"share: format it with {procent}"
        )
    elif tal > 100.0:
        råd = (
            "a ratio above 100 % (e.g. an occupancy, beläggningsgrad) is not a share: format "
            f"it with {procent}"
        )
    else:
        råd = (
            "a share is never negative; a signed change is not a share: format it with "
            f"{procent}, or formatera_tal(100 * x, enhet='procentenheter') for a difference "
            "of shares"
        )
    return f"{namn} must be a share in [0, 1], got {tal!r}: {råd}"


# --------------------------------------------------------------------------- Målnivå


def _förändringsandel(värde: object, namn: str) -> float:
    """A relative change target as a share: 0.1 is 10 %; 10 (percent) is an error."""
    ut = skalär(värde, namn)
    kontrollera_andel(ut, namn)
    return ut


def _valfritt_tal(värde: object, namn: str) -> float | None:
    return None if värde is None else skalär(värde, namn)


def _målgräns(värde: object) -> float | None:
    return _valfritt_tal(värde, "Målnivå.gräns")


def _målnedre(värde: object) -> float | None:
    return _valfritt_tal(värde, "Målnivå.nedre")


def _målövre(värde: object) -> float | None:
    return _valfritt_tal(värde, "Målnivå.övre")


def _måloperator(värde: object) -> str | None:
    return None if värde is None else _text_in(värde, "Målnivå.operator")


def _måltyp(värde: object) -> Måltyp:
    return alternativ(värde, Måltyp, "Målnivå.typ")


def _delar(värde: Any) -> tuple[Any, ...]:
    return tuple(värde)


def _enhet_konv(värde: object, namn: str = "Målnivå.enhet") -> str | None:
    e = valfri_text(värde, namn)
    if e is None:
        return None
    return {"%": "andel", "procent": "andel", "mkr": "mnkr"}.get(e.casefold(), e)


def _målriktning(värde: object) -> Riktning | None:
    return _som_riktning(värde, "Målnivå.riktning")


def _indikatorenhet(värde: object) -> str | None:
    return _enhet_konv(värde, "Indikator.enhet")


def _indikatorriktning(värde: object) -> Riktning | None:
    return _som_riktning(värde, "Indikator.riktning")


#: A unit with its base written in: "/100 vpl", "recept per 1 000 invånare".
_BAS_I_ENHET_RE = re.compile(r"^(?P<e>.*?)\s*(?:/|\bper\s)\s*(?P<n>\d[\d ]*)\s*(?P<b>\D.*)$")


def _dela_bas(enhet: str | None) -> tuple[str | None, tuple[int | float, str] | None]:
    """``enhet`` split into (the counted unit, the base) where it names a base."""
    if enhet is None:
        return None, None
    träff = _BAS_I_ENHET_RE.match(enhet)
    if träff is None:
        return enhet, None
    e = träff["e"].strip() or None
    return e, _bas_konv((float(träff["n"].replace(" ", "")), träff["b"]))


def _bas_konv(värde: object) -> tuple[int | float, str] | None:
    """The base of a rate: (the number, what is counted), e.g. (1000, "invånare")."""
    if värde is None:
        return None
    if isinstance(värde, str) or not isinstance(värde, (tuple, list)) or len(värde) != 2:
        raise FelTypError(
            f"Målnivå.bas must be a pair (number, text) such as (1000, 'invånare'), got {värde!r}"
        )
    tal = skalär(värde[0], "Målnivå.bas[0]")
    if not tal > 0:
        raise OgiltigtVärdeError(f"Målnivå.bas[0] must be a number > 0, got {värde[0]!r}")
    namn = " ".join(_text_in(värde[1], "Målnivå.bas[1]").split())
    return (int(tal) if tal.is_integer() else tal, namn)


def _villkor_konv(värde: object) -> tuple[str, ...]:
    if värde is None:
        return ()
    delar = följd(värde, "Målnivå.villkor")
    return tuple(" ".join(_text_in(v, "Målnivå.villkor").split()) for v in delar)


def _senast_konv(värde: object) -> int | None:
    if värde is None:
        return None
    return heltal(värde, "Målnivå.senast (the deadline year)", minst=1900, högst=2199)


def _bastext(bas: tuple[int | float, str] | None, enhet: str | None) -> str:
    """The base as the canonical text writes it: "/1 000 invånare" or " per 100 vårdplatser"."""
    if bas is None:
        return ""
    n = _tal_text(float(bas[0]))
    return f" per {n} {bas[1]}" if enhet is not None else f"/{n} {bas[1]}"


# --------------------------------------------------------------------------- Tal


def _tal_värde(värde: object) -> float:
    return skalär(värde, "Tal.värde", saknas=True)


def _fotnoter(värde: object) -> tuple[str, ...]:
    return tuple(_text_in(v, "Tal.fotnoter") for v in följd(värde, "Tal.fotnoter"))


#: Units of money: a target of zero in one of them is zero in the others.
_PENGAR = frozenset({"kr", "tkr", "mnkr", "mdkr"})


def _tal_textfält(värde: object) -> str | None:
    return valfri_text(värde, "Tal.text")


def _målnivå_text(värde: object) -> str | None:
    return valfri_text(värde, "Målnivå.text")


def _tal_enhet(värde: object) -> str | None:
    return _enhet_konv(valfri_text(värde, "Tal.enhet"))


def _ungefärlig(värde: object) -> bool:
    if not isinstance(värde, bool):
        raise FelTypError(f"Tal.ungefärlig must be True or False, got {värde!r}")
    return värde


@attrs.frozen(kw_only=True)
class Tal:
    """A number as a report prints it: value, unit, footnote marks and whether it is approximate.

    Built by :func:`halsouppfoljning.tolka.tal.tolka_värde` from text such as
    "drygt 1 200 st*" or "85 ¹²"; :func:`måluppfyllelse` takes one as an
    outcome and checks its unit and base against the target's.

    Parameters
    ----------
    värde : float
        The value in ``enhet`` (a share [andel, 0-1] for percent); NaN for a
        missing marker.
    enhet : str, optional
        The unit: ``"andel"``, ``"mnkr"``, ``"st"``, ``"år"`` ...
    bas : (number, str), optional
        The base of a rate ("2,1 per 1 000 invånare" has ``(1000, "invånare")``).
    fotnoter : tuple of str
        The footnote marks printed with it (``("*",)``, ``("¹²",)``).
    ungefärlig : bool
        True when a hedge word ("drygt", "cirka", "knappt" ...) came before it.
    text : str, optional
        The text as printed (not part of equality).

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.indikatorer import Tal
    >>> t = Tal(värde=0.85, enhet="%", fotnoter=("*",))
    >>> t.enhet, float(t)
    ('andel', 0.85)
    """

    värde: float = attrs.field(converter=_tal_värde)
    enhet: str | None = attrs.field(default=None, converter=_tal_enhet)
    bas: tuple[int | float, str] | None = attrs.field(default=None, converter=_bas_konv)
    fotnoter: tuple[str, ...] = attrs.field(default=(), converter=_fotnoter)
    ungefärlig: bool = attrs.field(default=False, converter=_ungefärlig)
    text: str | None = attrs.field(default=None, eq=False, converter=_tal_textfält)

    def __attrs_post_init__(self) -> None:
        e, bas = _dela_bas(self.enhet)
        if bas is not None:
            object.__setattr__(self, "enhet", e)
            object.__setattr__(self, "bas", bas)

    def __float__(self) -> float:
        return self.värde


@attrs.frozen(kw_only=True)
class Målnivå:
    """A target level (:term:`målnivå`) as a report writes it, read into a comparable form.

    Build one with :meth:`tolka` from the report's text, or with a named
    constructor (:meth:`minst`, :meth:`över`, :meth:`högst`, :meth:`under`,
    :meth:`nivå`, :meth:`intervall`, :meth:`ökning`, :meth:`minskning`,
    :meth:`högre_än_föregående`, :meth:`lägre_än_föregående`,
    :meth:`enligt_plan`, :meth:`sammansatt`, :meth:`tvånivå`, :meth:`inget`).
    ``str()`` gives a canonical text that :meth:`tolka` reads back to an
    equal object; the original text is kept in ``text`` (not part of
    equality).

    Parameters
    ----------
    typ : Måltyp
        The form of the target.
    operator : {">", ">=", "<", "<="}, optional
        For ``GRÄNS`` and ``RELATIV_FÖRÄNDRING``: strict or inclusive.
    gräns : float, optional
        The limit, in ``enhet`` (a share [andel, 0-1] when ``enhet="andel"``);
        for ``RELATIV_FÖRÄNDRING`` the required change as a proportion.
    nedre, övre : float, optional
        The inclusive ends of an ``INTERVALL``.
    enhet : str, optional
        ``"andel"`` for percent targets (stored as shares), ``"min"``,
        ``"mnkr"``, ``"kr"``, ``"st"``, what a rate counts
        (``"utlokaliserade"``, ``"recept"``), or ``None`` for a plain
        number. A unit with a base written in (``"/100 vpl"``) is split into
        ``enhet`` and ``bas``.
    bas : (number, str), optional
        The base of a rate: "färre än 2 per 1 000 invånare" has
        ``bas=(1000, "invånare")``, "<0,5/100 vpl" ``bas=(100, "vpl")``.
        An outcome assessed against it must be on the same base.
    villkor : tuple of str
        Qualifiers written with the target and kept as data ("varje
        månad", "per år", "av befolkningen", "i alla regioner"). They are
        not applied by :func:`måluppfyllelse`: the caller supplies outcomes
        that fit them.
    senast : int, optional
        The deadline year ("vid utgången av 2025", "40 procent 2030",
        "senast 2027"). Assessing an outcome of an earlier year (``år=``
        of :func:`måluppfyllelse`) is possible and warns
        (:class:`UnderlagsVarning`) that the assessment is interim.
    riktning : Riktning, optional
        The better direction; derived from the operator where there is one.
    naken : bool
        True for a bare number ("85 %") whose operator came from ``riktning``;
        it is then displayed without an operator.
    delar : tuple of Målnivå
        The parts of a ``SAMMANSATT`` target, or (delmål, totalmål) of a
        ``TVÅNIVÅ`` target.
    text : str, optional
        The original text, as printed.

    Raises
    ------
    OgiltigtVärdeError
        If the fields do not fit ``typ`` (a band with lower above upper, a
        limit without operator ...).
    AndelsError
        If a share limit is outside [0, 1] ("did you pass percent?").

    See Also
    --------
    måluppfyllelse : assess outcomes against a target.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> m = hu.Målnivå.tolka("högst 10 procent")
    >>> m.operator, m.gräns, m.enhet
    ('<=', 0.1, 'andel')
    >>> str(m)
    '≤ 10 %'
    >>> hu.Målnivå.tolka(str(m)) == m
    True
    >>> m.text
    'högst 10 procent'
    """

    typ: Måltyp = attrs.field(converter=_måltyp)
    operator: str | None = attrs.field(default=None, converter=_måloperator)
    gräns: float | None = attrs.field(default=None, converter=_målgräns)
    nedre: float | None = attrs.field(default=None, converter=_målnedre)
    övre: float | None = attrs.field(default=None, converter=_målövre)
    enhet: str | None = attrs.field(default=None, converter=_enhet_konv)
    riktning: Riktning | None = attrs.field(default=None, converter=_målriktning)
    naken: bool = attrs.field(default=False)
    delar: tuple[Målnivå, ...] = attrs.field(default=(), converter=_delar)
    bas: tuple[int | float, str] | None = attrs.field(default=None, converter=_bas_konv)
    villkor: tuple[str, ...] = attrs.field(default=(), converter=_villkor_konv)
    senast: int | None = attrs.field(default=None, converter=_senast_konv)
    text: str | None = attrs.field(default=None, eq=False, converter=_målnivå_text)

    def __attrs_post_init__(self) -> None:
        typ = self.typ
        namn = f"Målnivå(typ={typ.name})"
        if not isinstance(self.naken, bool):
            raise FelTypError(f"{namn}: naken must be True or False, got {self.naken!r}")
        e, bas = _dela_bas(self.enhet)
        if bas is not None:
            if self.bas is not None and self.bas != bas:
                raise OgiltigtVärdeError(
                    f"{namn}: enhet {self.enhet!r} names the base {bas!r} but bas={self.bas!r}; "
                    "give the base once"
                )
            object.__setattr__(self, "enhet", e)
            object.__setattr__(self, "bas", bas)
        if self.bas is not None and self.enhet in PROCENTENHETER:
            raise OgiltigtVärdeError(
                f"{namn}: a percent target has no base, got bas={self.bas!r}; drop the base "
                "or the percent"
            )
        if typ in (Måltyp.TVÅNIVÅ, Måltyp.INGET) and (
            self.villkor or self.senast is not None or self.bas is not None
        ):
            raise OgiltigtVärdeError(
                f"{namn} carries no villkor, senast or bas of its own"
                + ("; give them to the delmål and totalmål" if typ is Måltyp.TVÅNIVÅ else "")
            )
        if self.operator is not None and self.operator not in _OPERATORER:
            raise OgiltigtVärdeError(
                f"{namn}: operator must be one of {_OPERATORER}, got {self.operator!r}"
            )
        if typ in (Måltyp.GRÄNS, Måltyp.RELATIV_FÖRÄNDRING) and (
            self.operator is None or self.gräns is None
        ):
            raise OgiltigtVärdeError(f"{namn} needs both operator and gräns")
        if typ is Måltyp.GRÄNS:
            if self.riktning is not _RIKTNING_AV_OPERATOR[str(self.operator)]:
                raise OgiltigtVärdeError(
                    f"{namn}: riktning {self.riktning!r} contradicts operator {self.operator!r}"
                )
            if self.enhet == "andel":
                kontrollera_andel(self.gräns, "Målnivå.gräns")
        if typ is Måltyp.INTERVALL:
            if self.nedre is None or self.övre is None or self.nedre > self.övre:
                raise OgiltigtVärdeError(
                    f"{namn} needs nedre <= övre, got nedre={self.nedre!r}, övre={self.övre!r}"
                )
            if self.riktning is not Riktning.INOM_INTERVALL:
                raise OgiltigtVärdeError(f"{namn}: riktning must be INOM_INTERVALL")
            if self.enhet == "andel":
                kontrollera_andel([self.nedre, self.övre], "Målnivå.nedre/övre")
        if typ in (Måltyp.RELATIV_FÖRÄNDRING, Måltyp.MOT_FÖREGÅENDE) and self.riktning not in (
            Riktning.HÖGRE_ÄR_BÄTTRE,
            Riktning.LÄGRE_ÄR_BÄTTRE,
        ):
            raise OgiltigtVärdeError(
                f"{namn} needs riktning HÖGRE_ÄR_BÄTTRE (increase) or LÄGRE_ÄR_BÄTTRE "
                f"(decrease), got {self.riktning!r}"
            )
        if typ is Måltyp.SAMMANSATT and len(self.delar) < 2:
            raise OgiltigtVärdeError(f"{namn} needs at least two parts, got {len(self.delar)}")
        if typ is Måltyp.TVÅNIVÅ and len(self.delar) != 2:
            raise OgiltigtVärdeError(f"{namn} needs exactly (delmål, totalmål)")
        for del_ in self.delar:
            if not isinstance(del_, Målnivå):
                raise FelTypError(f"{namn}: each part must be a Målnivå, got {kort(del_)}")
        if self.delar and typ not in (Måltyp.SAMMANSATT, Måltyp.TVÅNIVÅ):
            raise OgiltigtVärdeError(
                f"{namn} has no parts, got delar={kort(self.delar)}; build a composite target "
                "with Målnivå.sammansatt(...) or Målnivå.tvånivå(delmål, totalmål)"
            )
        if typ is Måltyp.TVÅNIVÅ and any(d.typ is Måltyp.INGET for d in self.delar):
            raise OgiltigtVärdeError(
                f"{namn}: the delmål and the totalmål must be targets, got {str(self)!r}; "
                "without a delmål use the totalmål alone"
            )
        if typ is Måltyp.INGET and (
            self.operator is not None
            or self.gräns is not None
            or self.nedre is not None
            or self.övre is not None
        ):
            raise OgiltigtVärdeError(
                f"{namn} is no target and has no operator, gräns, nedre or övre, got "
                f"operator={self.operator!r}, gräns={self.gräns!r}, nedre={self.nedre!r}, "
                f"övre={self.övre!r}; use Målnivå.minst(...) or another constructor for a target"
            )

    # ------------------------------------------------------------------ constructors

    @classmethod
    def _gräns(
        cls,
        operator: str,
        gräns: float,
        enhet: str | None,
        *,
        naken: bool = False,
        konstruktor: str = "Målnivå",
    ) -> Målnivå:
        return cls(
            typ=Måltyp.GRÄNS,
            operator=operator,
            gräns=skalär(gräns, f"{konstruktor}: gräns"),
            enhet=enhet,
            riktning=_RIKTNING_AV_OPERATOR[operator],
            naken=naken,
        )

    @classmethod
    def minst(cls, gräns: float, *, enhet: str | None = None) -> Målnivå:
        """At least ``gräns`` (inclusive, "≥", "minst").

        Parameters
        ----------
        gräns : float
            The limit, a share [andel, 0-1] when ``enhet="andel"``.
        enhet : str, optional
            The unit ("andel", "min", "mnkr" ...).

        Returns
        -------
        Målnivå

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.minst(0.8, enhet="andel"))
        '≥ 80 %'
        """
        return cls._gräns(">=", gräns, enhet, konstruktor="Målnivå.minst")

    @classmethod
    def över(cls, gräns: float, *, enhet: str | None = None) -> Målnivå:
        """Above ``gräns`` (strict, ">", "över").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.över(0.5, enhet="andel"))
        '> 50 %'
        """
        return cls._gräns(">", gräns, enhet, konstruktor="Målnivå.över")

    @classmethod
    def högst(cls, gräns: float, *, enhet: str | None = None) -> Målnivå:
        """At most ``gräns`` (inclusive, "≤", "högst").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.högst(40, enhet="min"))
        '≤ 40 min'
        """
        return cls._gräns("<=", gräns, enhet, konstruktor="Målnivå.högst")

    @classmethod
    def under(cls, gräns: float, *, enhet: str | None = None) -> Målnivå:
        """Below ``gräns`` (strict, "<", "under").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.under(0.5, enhet="/100 vpl"))
        '< 0,5/100 vpl'
        """
        return cls._gräns("<", gräns, enhet, konstruktor="Målnivå.under")

    @classmethod
    @med_funktionsnamn("Målnivå.nivå")
    def nivå(cls, gräns: float, riktning: Riktning, *, enhet: str | None = None) -> Målnivå:
        """A bare level ("85 %", "0 kr"): inclusive, in the direction of ``riktning``.

        Parameters
        ----------
        gräns : float
            The level.
        riktning : Riktning
            ``HÖGRE_ÄR_BÄTTRE`` reads it as "at least", ``LÄGRE_ÄR_BÄTTRE`` as
            "at most".
        enhet : str, optional
            The unit.

        Returns
        -------
        Målnivå

        Raises
        ------
        OgiltigtVärdeError
            For ``riktning=INOM_INTERVALL`` (a single level is not a band).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> m = hu.Målnivå.nivå(-800, hu.Riktning.HÖGRE_ÄR_BÄTTRE, enhet="mnkr")
        >>> str(m), m.operator
        ('-800 mnkr', '>=')
        """
        r = _som_riktning(riktning)
        if r is Riktning.HÖGRE_ÄR_BÄTTRE:
            return cls._gräns(">=", gräns, enhet, naken=True, konstruktor="Målnivå.nivå")
        if r is Riktning.LÄGRE_ÄR_BÄTTRE:
            return cls._gräns("<=", gräns, enhet, naken=True, konstruktor="Målnivå.nivå")
        raise OgiltigtVärdeError(
            f"a bare target level {gräns!r} needs riktning HÖGRE_ÄR_BÄTTRE or "
            f"LÄGRE_ÄR_BÄTTRE to say whether it is a floor or a ceiling, got {riktning!r}"
        )

    @classmethod
    def intervall(cls, nedre: float, övre: float, *, enhet: str | None = None) -> Målnivå:
        """A band ``nedre``-``övre``, both ends inclusive ("85-90 %").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.intervall(0.85, 0.9, enhet="andel"))
        '85-90 %'
        """
        return cls(
            typ=Måltyp.INTERVALL,
            nedre=skalär(nedre, "Målnivå.intervall: nedre"),
            övre=skalär(övre, "Målnivå.intervall: övre"),
            enhet=enhet,
            riktning=Riktning.INOM_INTERVALL,
        )

    @classmethod
    def ökning(cls, andel: float, *, operator: str = ">=") -> Målnivå:
        """A relative increase against the same period last year ("ökning ≥10%/år").

        Parameters
        ----------
        andel : float
            The required change as a proportion [andel]: 0.1 for 10 %.
        operator : {">=", ">"}
            Inclusive (default) or strict.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.ökning(0.1))
        'ökning ≥ 10 %/år'
        """
        return cls(
            typ=Måltyp.RELATIV_FÖRÄNDRING,
            operator=operator,
            gräns=_förändringsandel(andel, "Målnivå.ökning: andel"),
            riktning=Riktning.HÖGRE_ÄR_BÄTTRE,
        )

    @classmethod
    def minskning(cls, andel: float, *, operator: str = ">=") -> Målnivå:
        """A relative decrease against the same period last year ("≥ 10 % minskning/år").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.minskning(0.1))
        'minskning ≥ 10 %/år'
        """
        return cls(
            typ=Måltyp.RELATIV_FÖRÄNDRING,
            operator=operator,
            gräns=_förändringsandel(andel, "Målnivå.minskning: andel"),
            riktning=Riktning.LÄGRE_ÄR_BÄTTRE,
        )

    @classmethod
    def högre_än_föregående(cls) -> Målnivå:
        """Higher than the previous value ("Öka", "Högre än fg år"); strict.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.högre_än_föregående())
        'Högre än fg år'
        """
        return cls(typ=Måltyp.MOT_FÖREGÅENDE, riktning=Riktning.HÖGRE_ÄR_BÄTTRE)

    @classmethod
    def lägre_än_föregående(cls) -> Målnivå:
        """Lower than the previous value ("Färre", "Lägre än fg år"); strict.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.lägre_än_föregående())
        'Lägre än fg år'
        """
        return cls(typ=Måltyp.MOT_FÖREGÅENDE, riktning=Riktning.LÄGRE_ÄR_BÄTTRE)

    @classmethod
    @med_funktionsnamn("Målnivå.enligt_plan")
    def enligt_plan(cls, riktning: Riktning | None = None) -> Målnivå:
        """According to plan ("Enligt plan"): compared with a plan value given when assessing.

        Parameters
        ----------
        riktning : Riktning, optional
            With a direction, an outcome on the good side of the plan (or on
            it) meets the target; without, only an outcome equal to the plan
            (at the chosen rounding) does.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.enligt_plan())
        'Enligt plan'
        """
        return cls(typ=Måltyp.ENLIGT_PLAN, riktning=riktning)

    @classmethod
    def sammansatt(cls, *delar: Målnivå) -> Målnivå:
        """One sub-target per sub-indicator ("90/80/80"), assessed part by part.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> R = hu.Riktning.HÖGRE_ÄR_BÄTTRE
        >>> m = hu.Målnivå.sammansatt(*(hu.Målnivå.nivå(x, R, enhet="andel") for x in (0.9, 0.8)))
        >>> str(m)
        '90/80 %'
        """
        delar = följd(delar, "Målnivå.sammansatt: delar", typ=Målnivå)
        return cls(
            typ=Måltyp.SAMMANSATT, delar=delar, riktning=delar[0].riktning if delar else None
        )

    @classmethod
    def tvånivå(cls, delmål: Målnivå, totalmål: Målnivå) -> Målnivå:
        """A delmål (interim target) with a totalmål (final target).

        Assessed against the totalmål; meeting only the delmål gives
        ``DELVIS`` under the explicit rule :meth:`Delvis.delmål`.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> m = hu.Målnivå.tvånivå(hu.Målnivå.minst(0.5, enhet="andel"),
        ...                        hu.Målnivå.minst(0.8, enhet="andel"))
        >>> str(m)
        'delmål ≥ 50 % med totalmål ≥ 80 %'
        """
        for del_, namn in ((delmål, "delmål"), (totalmål, "totalmål")):
            if not isinstance(del_, Målnivå):
                raise FelTypError(
                    f"Målnivå.tvånivå: {namn} must be a Målnivå, got {del_!r} of type "
                    f"{type(del_).__name__}; build it with e.g. Målnivå.minst(0.8, enhet='andel')"
                )
        return cls(typ=Måltyp.TVÅNIVÅ, delar=(delmål, totalmål), riktning=totalmål.riktning)

    @classmethod
    def inget(cls) -> Målnivå:
        """No target ("-"): every outcome is assessed ``MÅL_SAKNAS``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Målnivå.inget())
        '-'
        """
        return cls(typ=Måltyp.INGET)

    # ------------------------------------------------------------------ parsing

    @classmethod
    def tolka(
        cls, text: str, riktning: Riktning | str | None = None, *, enhet: str | None = None
    ) -> Målnivå:
        """Read a target as a report writes it.

        Parameters
        ----------
        text : str
            The target text. Forms read (all seen in published reports):

            - limits with symbols or words: ``>95%``, ``≥ 80 %``, ``≤2%``,
              ``<40min``, ``<20 000``, ``≥55``, ``högst 10 procent``,
              ``minst 75 procent``, ``lägst 60 procent``, ``under 7``,
              ``över 50 procent``, ``mer än``, ``mindre än``, ``fler än``,
              ``färre än``, ``överstiger``, ``överskrider``,
              ``understiger``, ``inte mer än``, ``inte mindre än``,
              ``inte överstiga 250``, and after the number ``90 procent
              eller högre``/``eller mer``/``eller lägre``; ``>``, "över",
              "mer än", "överstiger" are strict, ``≥``, "minst", "lägst"
              inclusive, ``<``, "under", "mindre än", "understiger" strict,
              ``≤``, "högst", "max", "inte mer än" inclusive;
            - a measure with its base: ``<0,5/100 vpl``, ``färre än 2 per
              1 000 invånare``, ``högst 3 utlokaliserade per 100
              vårdplatser``, ``250 recept per 1 000 invånare`` (the base
              goes to ``bas``, what is counted to ``enhet``);
            - bare levels ``85 %``, ``8 min``, ``0 kr``, ``-800 mnkr``,
              ``1500`` (need ``riktning``);
            - bands ``85-90 %``, ``mellan 75 och 85 procent``, ``75 till
              85 %`` (inclusive ends);
            - composite ``90/80/80`` (one bare level per sub-indicator);
            - relative change ``ökning ≥10%/år``, ``≥ 10 % minskning/år``;
            - direction against the previous value ``Öka``, ``Minska``,
              ``Fler``, ``Färre``, ``Högre än fg år``, ``Lägre än fg år``;
            - ``Enligt plan``;
            - two levels ``delmål 50 procent med totalmål 80 procent``,
              ``delmål på 40 procent och slutmål 70 procent``;
            - ``-`` (no target);
            - after any level: qualifiers (``varje månad``, ``per år``,
              ``av befolkningen``, ``i alla regioner``, ``inom 15
              minuter``) kept in ``villkor``, and a deadline (``vid
              utgången av 2025``, ``senast 2027``, ``till år 2030``, or a
              bare year after a unit: ``40 procent 2030``) kept in
              ``senast``.
        riktning : Riktning, optional
            The indicator's direction. Needed for bare levels; checked
            against the operator where the text has one.
        enhet : str, optional
            The unit of numbers written without one: ``"andel"`` reads
            ``90/80/80`` as 90 %, 80 %, 80 %. Percent becomes a share.

        Returns
        -------
        Målnivå
            With ``text`` set to the original text.

        Raises
        ------
        TolkningsError
            If the text is none of the forms above; the message quotes it.
        OgiltigtVärdeError
            If a bare level comes without ``riktning``, or ``riktning``
            contradicts the text ("<7 %" with ``HÖGRE_ÄR_BÄTTRE``).

        See Also
        --------
        måluppfyllelse

        Notes
        -----
        The grammar lives in the text edge,
        :mod:`halsouppfoljning.tolka.malniva`; this method hands off to it.
        Percent targets are stored as shares: "85 %" has ``gräns=0.85`` and
        ``enhet="andel"``, and the outcomes assessed against it must be shares.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Målnivå.tolka("<0,5/100 vpl").bas
        (100, 'vpl')
        >>> m = hu.Målnivå.tolka("85 %", hu.Riktning.HÖGRE_ÄR_BÄTTRE)
        >>> m.operator, m.gräns
        ('>=', 0.85)
        >>> hu.Målnivå.tolka("≥ 10 % minskning/år").riktning
        <Riktning.LÄGRE_ÄR_BÄTTRE: 'lägre är bättre'>
        >>> m = hu.Målnivå.tolka("minst 70 procent varje månad vid utgången av 2025")
        >>> m.gräns, m.villkor, m.senast, str(m)
        (0.7, ('varje månad',), 2025, '≥ 70 % varje månad senast 2025')
        >>> hu.Målnivå.tolka("färre än 2 per 1 000 invånare").bas
        (1000, 'invånare')
        >>> hu.Målnivå.tolka("85 %")
        Traceback (most recent call last):
        ...
        halsouppfoljning.exceptions.OgiltigtVärdeError: the target '85 %' is a bare level...

        References
        ----------
        The indicator tables of Region Västmanland, Månadsrapport februari 2023,
        and Region Värmland, Årsredovisning 2023 (every target printed there is
        read; see ``exempeldata.indikatortabell_*``).
        """
        from .tolka.malniva import tolka_målnivå  # noqa: PLC0415 - the edge, on demand

        return tolka_målnivå(text, riktning, enhet=enhet)

    # ------------------------------------------------------------------ display

    def __str__(self) -> str:
        text = self._kärntext()
        if self.villkor:
            text += " " + " ".join(self.villkor)
        if self.senast is not None:
            text += f" senast {self.senast}"
        return text

    def _kärntext(self) -> str:
        typ = self.typ
        if typ is Måltyp.INGET:
            return "-"
        if typ is Måltyp.ENLIGT_PLAN:
            return "Enligt plan"
        if typ is Måltyp.MOT_FÖREGÅENDE:
            return (
                "Högre än fg år" if self.riktning is Riktning.HÖGRE_ÄR_BÄTTRE else "Lägre än fg år"
            )
        if typ is Måltyp.RELATIV_FÖRÄNDRING:
            ord_ = "ökning" if self.riktning is Riktning.HÖGRE_ÄR_BÄTTRE else "minskning"
            procent = _enhetstext(float(self.gräns or 0), "andel")
            return f"{ord_} {_SYMBOL[str(self.operator)]} {procent}/år"
        if typ is Måltyp.INTERVALL:
            a = float(self.nedre or 0.0)
            b = float(self.övre or 0.0)
            if self.enhet in PROCENTENHETER:
                return f"{_tal_text(_gånger(a, 100))}-{_tal_text(_gånger(b, 100))} %"
            svans = "" if self.enhet is None else f" {self.enhet}"
            return f"{_tal_text(a)}-{_tal_text(b)}{svans}{_bastext(self.bas, self.enhet)}"
        if typ is Måltyp.SAMMANSATT:
            enheter = {d.enhet for d in self.delar}
            if (
                all(d.naken for d in self.delar)
                and len(enheter) == 1
                and enheter <= {"andel", "förändring", None}
            ):
                if enheter <= PROCENTENHETER:
                    return (
                        "/".join(_tal_text(_gånger(float(d.gräns or 0), 100)) for d in self.delar)
                        + " %"
                    )
                return "/".join(_tal_text(float(d.gräns or 0)) for d in self.delar)
            return " / ".join(str(d) for d in self.delar)  # parts built in code
        if typ is Måltyp.TVÅNIVÅ:
            return f"delmål {self.delar[0]} med totalmål {self.delar[1]}"
        värde = _enhetstext(float(self.gräns or 0.0), self.enhet) + _bastext(self.bas, self.enhet)
        if self.naken:
            return värde
        return f"{_SYMBOL[str(self.operator)]} {värde}"

    def måluppfyllelse(self, utfall: TalIn, **kwargs: Any) -> Any:
        """Assess ``utfall`` against this target: calls :func:`måluppfyllelse`.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Målnivå.tolka("≥80 %").måluppfyllelse(0.798, avrundning=0)
        <Måluppfyllelse.UPPNÅDD: 'uppnådd'>
        """
        return måluppfyllelse(utfall, self, **kwargs)


# --------------------------------------------------------------------------- Delvis


def _delvis_regel(värde: object) -> str:
    return _text_in(värde, "Delvis.regel")


def _delvis_tolerans(värde: object) -> float | None:
    return None if värde is None else skalär(värde, "Delvis.tolerans", saknas=True)


def _delvis_relativ(värde: object) -> bool:
    return boolesk(värde, "Delvis.relativ")


@attrs.frozen(kw_only=True)
class Delvis:
    """An explicit rule for "partly met" (*delvis uppnådd*).

    Without a rule :func:`måluppfyllelse` never answers ``DELVIS``. A rule only
    turns some ``EJ_UPPNÅDD`` into ``DELVIS``; it never touches ``UPPNÅDD``,
    ``UNDERLAG_SAKNAS`` or ``MÅL_SAKNAS``.

    Parameters
    ----------
    regel : {"inom", "förbättrad", "delmål"}
        ``"inom"``: within ``tolerans`` of the limit (or band);
        ``"förbättrad"``: better than ``föregående`` in the indicator's
        direction; ``"delmål"``: the delmål of a two-level target is met.
    tolerans : float, optional
        For ``"inom"``: the distance to the limit, in the target's unit (a
        share [andel, 0-1] for percent targets: 0.05 is 5 procentenheter), or
        a proportion of the limit with ``relativ=True``.
    relativ : bool
        For ``"inom"``: the tolerance is relative to ``|gräns|``.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> m = hu.Målnivå.tolka("≥ 80 %")
    >>> hu.måluppfyllelse(0.77, m, delvis=hu.Delvis.inom(0.05))
    <Måluppfyllelse.DELVIS: 'delvis'>
    >>> hu.måluppfyllelse(0.77, m)
    <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
    """

    regel: str = attrs.field(converter=_delvis_regel)
    tolerans: float | None = attrs.field(default=None, converter=_delvis_tolerans)
    relativ: bool = attrs.field(default=False, converter=_delvis_relativ)

    def __attrs_post_init__(self) -> None:
        regler = ("inom", "förbättrad", "delmål")
        if self.regel not in regler:
            raise OgiltigtVärdeError(
                f"Delvis.regel must be one of {regler}, got {self.regel!r}; or use the "
                "constructors Delvis.inom(tolerans), Delvis.förbättrad(), Delvis.delmål()"
            )
        if self.regel == "inom":
            t = self.tolerans
            if t is None or not t >= 0:
                raise OgiltigtVärdeError(
                    f"Delvis.inom needs a finite tolerans >= 0, got {self.tolerans!r}; pass "
                    "e.g. tolerans=0.05 (5 procentenheter for a percent target)"
                )

    @classmethod
    def inom(cls, tolerans: float, *, relativ: bool = False) -> Delvis:
        """Partly met when not met but within ``tolerans`` of the limit.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Delvis.inom(0.05).tolerans
        0.05
        """
        return cls(regel="inom", tolerans=tolerans, relativ=relativ)

    @classmethod
    def förbättrad(cls) -> Delvis:
        """Partly met when not met but better than ``föregående`` (needs it).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> m = hu.Målnivå.tolka("<7 %")
        >>> hu.måluppfyllelse(0.081, m, föregående=0.086, delvis=hu.Delvis.förbättrad())
        <Måluppfyllelse.DELVIS: 'delvis'>
        """
        return cls(regel="förbättrad")

    @classmethod
    def delmål(cls) -> Delvis:
        """Partly met when a two-level target's delmål is met but not its totalmål.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> m = hu.Målnivå.tolka("delmål 50 procent med totalmål 80 procent",
        ...                      hu.Riktning.HÖGRE_ÄR_BÄTTRE)
        >>> hu.måluppfyllelse(0.6, m, delvis=hu.Delvis.delmål())
        <Måluppfyllelse.DELVIS: 'delvis'>
        """
        return cls(regel="delmål")


# --------------------------------------------------------------------------- assessment

#: A rule for ``DELVIS``: a :class:`Delvis`, or a callable
#: ``delvis(utfall, målnivå, föregående) -> bool array`` (``föregående`` may be None).
DelvisRegel: TypeAlias = (
    "Delvis | Callable[[npt.NDArray[np.float64], Målnivå, npt.NDArray[np.float64] | None], "
    "npt.ArrayLike]"
)


_KODER = (
    Måluppfyllelse.UPPNÅDD,
    Måluppfyllelse.DELVIS,
    Måluppfyllelse.EJ_UPPNÅDD,
    Måluppfyllelse.UNDERLAG_SAKNAS,
    Måluppfyllelse.MÅL_SAKNAS,
)
_UPP, _DEL, _EJ, _UND, _MÅL = range(5)


def _jämför(u: _Arr, op: str, g: float | _Arr) -> npt.NDArray[np.bool_]:
    with np.errstate(invalid="ignore"):
        if op == ">":
            return np.asarray(u > g)
        if op == ">=":
            return np.asarray(u >= g)
        if op == "<":
            return np.asarray(u < g)
        return np.asarray(u <= g)


def _skala(enhet: str | None) -> int:
    return 100 if enhet in PROCENTENHETER else 1


def _avrundad(x: _Arr, skala: int, avrundning: int | None) -> _Arr:
    """``x`` as given, or on the published scale rounded half up at ``avrundning`` decimals."""
    if avrundning is None:
        return x
    return np.asarray(avrunda(_på_skala(x, skala), avrundning), dtype=float)


def _på_skala(x: Any, skala: int) -> Any:
    """``x * skala`` with binary noise below 1e-10 removed; a value too large for that
    rounding (it would overflow to inf) has no such noise and is kept as it is."""
    y = np.asarray(x, dtype=float) * skala
    with np.errstate(over="ignore", invalid="ignore"):
        r = np.round(y, 10)
    return np.where(np.isfinite(r) | ~np.isfinite(y), r, y)


def _gräns_på_skala(g: float | None, skala: int, avrundning: int | None) -> float:
    """The limit ``g`` on the scale :func:`_avrundad` puts the outcomes on."""
    if avrundning is None:
        return float(g or 0.0)
    return float(_på_skala(float(g or 0.0), skala))


def _koder(
    u: _Arr,
    m: Målnivå,
    f: _Arr | None,
    plan: _Arr | None,
    avrundning: int | None,
    delvis: DelvisRegel | None,
) -> npt.NDArray[np.int8]:
    """Assessment codes (indexes into _KODER) for one non-composite target."""
    kod = np.full(u.shape, _EJ, dtype=np.int8)
    typ = m.typ
    if typ is Måltyp.INGET:
        kod[...] = _MÅL
        return kod
    skala = _skala(m.enhet)
    if m.enhet == "andel":
        kontrollera_andel(u, "måluppfyllelse: utfall")
        if f is not None:
            kontrollera_andel(f, "måluppfyllelse: föregående")
        if plan is not None:
            kontrollera_andel(plan, "måluppfyllelse: plan")
    saknas = np.isnan(u)
    if typ is Måltyp.GRÄNS:
        uu = _avrundad(u, skala, avrundning)
        g = _gräns_på_skala(m.gräns, skala, avrundning)
        uppnådd = _jämför(uu, str(m.operator), g)
    elif typ is Måltyp.INTERVALL:
        uu = _avrundad(u, skala, avrundning)
        a = _gräns_på_skala(m.nedre, skala, avrundning)
        b = _gräns_på_skala(m.övre, skala, avrundning)
        with np.errstate(invalid="ignore"):
            uppnådd = (uu >= a) & (uu <= b)
    elif typ is Måltyp.TVÅNIVÅ:
        tot = _koder(u, m.delar[1], f, plan, avrundning, None)
        if isinstance(delvis, Delvis) and delvis.regel == "delmål":
            dm = _koder(u, m.delar[0], f, plan, avrundning, None)
            tot = np.where((tot == _EJ) & (dm == _UPP), _DEL, tot).astype(np.int8)
        elif delvis is not None:
            tot = _tillämpa_delvis(tot, u, m.delar[1], f, delvis)
        return tot
    else:
        jmf = plan if typ is Måltyp.ENLIGT_PLAN else f
        if jmf is None:
            kod[...] = _UND
            return kod
        jmf = np.broadcast_to(jmf, u.shape) if jmf.ndim == 0 else jmf
        saknas = saknas | np.isnan(jmf)
        if typ is Måltyp.RELATIV_FÖRÄNDRING:
            with np.errstate(divide="ignore", invalid="ignore"):
                ändring = (u - jmf) / np.abs(jmf)
            if m.riktning is Riktning.LÄGRE_ÄR_BÄTTRE:
                ändring = -ändring
            saknas = saknas | (jmf == 0)
            uppnådd = _jämför(
                _avrundad(np.round(ändring, 12), 100, avrundning),
                str(m.operator),
                _gräns_på_skala(m.gräns, 100, avrundning),
            )
        else:
            uu = _avrundad(u, skala, avrundning)
            jj = _avrundad(jmf, skala, avrundning)
            if typ is Måltyp.MOT_FÖREGÅENDE:
                op = ">" if m.riktning is Riktning.HÖGRE_ÄR_BÄTTRE else "<"
                uppnådd = _jämför(uu, op, jj)
            elif m.riktning is Riktning.HÖGRE_ÄR_BÄTTRE:
                uppnådd = _jämför(uu, ">=", jj)
            elif m.riktning is Riktning.LÄGRE_ÄR_BÄTTRE:
                uppnådd = _jämför(uu, "<=", jj)
            else:
                uppnådd = np.asarray(uu == jj)
    kod = np.where(uppnådd, _UPP, _EJ).astype(np.int8)
    kod[saknas] = _UND
    if delvis is not None:
        kod = _tillämpa_delvis(kod, u, m, f, delvis, avrundning=avrundning)
    return kod


def _tillämpa_delvis(
    kod: npt.NDArray[np.int8],
    u: _Arr,
    m: Målnivå,
    f: _Arr | None,
    delvis: DelvisRegel,
    *,
    avrundning: int | None = None,
) -> npt.NDArray[np.int8]:
    ej = kod == _EJ
    if not ej.any():
        return kod
    if isinstance(delvis, Delvis):
        if delvis.regel == "inom":
            tol = float(delvis.tolerans or 0.0)
            if m.typ is Måltyp.GRÄNS:
                g = float(m.gräns or 0.0)
                avstånd = np.abs(u - g)
                gräns_tol = tol * abs(g) if delvis.relativ else tol
            elif m.typ is Måltyp.INTERVALL:
                a, b = float(m.nedre or 0.0), float(m.övre or 0.0)
                avstånd = np.maximum(a - u, u - b)
                gräns_tol = tol * max(abs(a), abs(b)) if delvis.relativ else tol
            else:
                raise OgiltigtVärdeError(
                    f"Delvis.inom applies to a limit or a band, not to a {m.typ.name} target "
                    f"{str(m)!r}; use Delvis.förbättrad() or a callable"
                )
            nära = np.round(avstånd, 12) <= np.round(gräns_tol, 12)
        elif delvis.regel == "förbättrad":
            if f is None:
                return kod
            if m.riktning is Riktning.HÖGRE_ÄR_BÄTTRE:
                nära = _jämför(u, ">", f)
            elif m.riktning is Riktning.LÄGRE_ÄR_BÄTTRE:
                nära = _jämför(u, "<", f)
            else:
                raise OgiltigtVärdeError(
                    f"Delvis.förbättrad needs a target with a direction, not {str(m)!r}"
                )
        else:
            raise OgiltigtVärdeError(
                f"Delvis.delmål applies to a two-level target (delmål ... totalmål), not {str(m)!r}"
            )
    elif callable(delvis):
        nära = np.asarray(delvis(u, m, f), dtype=bool)
        if nära.shape != u.shape and nära.ndim and u.ndim:
            raise OgiltigtVärdeError(
                f"måluppfyllelse: the delvis callable returned {nära.size} values for "
                f"{u.size} outcomes; return one bool per outcome (or a single bool)"
            )
        nära = np.broadcast_to(nära, u.shape)
    else:
        raise FelTypError(f"delvis must be a Delvis rule or a callable, got {delvis!r}")
    return np.where(ej & nära, _DEL, kod).astype(np.int8)


def _enheter_i(m: Målnivå) -> list[Målnivå]:
    """The targets that carry a unit: the parts of a composite or two-level target, or itself."""
    if m.typ in (Måltyp.SAMMANSATT, Måltyp.TVÅNIVÅ):
        return [d for del_ in m.delar for d in _enheter_i(del_)]
    return [m]


def _enhetsnamn(enhet: str | None, bas: tuple[int | float, str] | None) -> str:
    if enhet is None and bas is None:
        return "no unit"
    return repr(f"{enhet or ''}{_bastext(bas, enhet)}".strip())


def _kontrollera_enheter(
    målnivå: Målnivå, enhet: str | None, bas: tuple[int | float, str] | None
) -> None:
    """Refuse an outcome whose unit or base differs from the target's (issues 12 and 13)."""
    if enhet is None and bas is None:
        return  # a plain number is in the target's unit and on its base
    for m in _enheter_i(målnivå):
        if m.typ in (Måltyp.INGET, Måltyp.RELATIV_FÖRÄNDRING):
            continue  # no target, or a change as a proportion of any unit
        if m.typ in (Måltyp.MOT_FÖREGÅENDE, Måltyp.ENLIGT_PLAN) and m.enhet is None:
            continue  # compared with a value in the outcome's own unit
        procent = enhet in PROCENTENHETER and m.enhet in PROCENTENHETER
        if (procent or enhet == m.enhet) and bas == m.bas:
            continue
        if m.enhet is None and m.bas is None:
            if enhet not in PROCENTENHETER:
                continue  # a plain-number target in the unit the outcome (indicator) supplies
            # never compare a share with 55: a bare number against a share is ambiguous
            fix = "add the unit to the target ('≥ 80 %', or Målnivå.tolka(text, enhet='andel'))"
        elif bas != m.bas:
            fix = "give the outcome on the target's base"
        else:
            fix = f"give the outcome in {_enhetsnamn(m.enhet, None)}, or correct the target"
        raise OgiltigtVärdeError(
            f"måluppfyllelse: the target {str(målnivå)!r} is in {_enhetsnamn(m.enhet, m.bas)} "
            f"but the outcome (enhet=) is in {_enhetsnamn(enhet, bas)}; {fix}"
        )


def _kontrollera_senast(målnivå: Målnivå, år: int | None) -> None:
    if år is None:
        return
    år = heltal(år, "måluppfyllelse: år", minst=1900, högst=2200)
    for m in (målnivå, *målnivå.delar):
        if m.senast is not None and år < m.senast:
            warnings.warn(
                f"måluppfyllelse: the target {str(m)!r} applies by {m.senast}; the outcome of "
                f"{år} is assessed before the deadline (an interim assessment)",
                UnderlagsVarning,
                stacklevel=3,
            )


@med_funktionsnamn("måluppfyllelse")
def måluppfyllelse(
    utfall: TalIn | Tal,
    målnivå: Målnivå,
    *,
    föregående: TalIn | None = None,
    plan: TalIn | None = None,
    avrundning: int | None = None,
    delvis: DelvisRegel | None = None,
    period: Any = None,
    delår_tillåtet: bool = False,
    enhet: str | None = None,
    år: int | None = None,
) -> Any:
    """Assess outcomes against a target level (:term:`måluppfyllelse`).

    Parameters
    ----------
    utfall : float, sequence, ndarray or Series
        The outcome(s), in the target's unit (shares [andel, 0-1] for a
        percent target). For a composite target ("90/80/80"), one value per
        part: a sequence of that length, or an array whose last axis has it.
    målnivå : Målnivå
        The target.
    föregående : float, array-like or Series, optional
        The comparison value (same period last year, previous value) that
        relative and direction targets need, and :meth:`Delvis.förbättrad`.
        A Series is matched to a Series ``utfall`` by index label: the same
        labels, in any order; a label missing or extra is an error giving
        both indexes, never a silent NaN (a missing value is NaN in the
        Series, and gives ``UNDERLAG_SAKNAS``).
    plan : float, array-like or Series, optional
        The plan value for an "Enligt plan" target.
    avrundning : int, optional
        Compare at this many decimals of the published scale (percent for
        shares, otherwise the unit), rounding half up as Swedish reports do
        (79,8 % against "≥80 %" is met at ``avrundning=0``). Default ``None``:
        the values as given, unrounded. Reports disagree on which they use,
        so this is a choice to state. The scale comes from the target's unit:
        a direction or plan target ("Lägre än fg år", "Enligt plan") has none
        unless given, and then rounds at the values' own scale; for shares
        give it ``enhet="andel"`` (``attrs.evolve(målnivå, enhet="andel")``)
        so that 0,163 and 0,222 compare as 16 and 22 %, not as 0 and 0.
    delvis : Delvis or callable, optional
        The rule for ``DELVIS``; callable as ``delvis(utfall, målnivå,
        föregående) -> bool array``. Default ``None``: no ``DELVIS``.
    period : Period, optional
        The period the outcome belongs to (a :class:`~halsouppfoljning.Period`;
        :meth:`Periodvärde.måluppfyllelse <halsouppfoljning.Periodvärde.måluppfyllelse>`
        passes it). Targets are set for a full year: a period shorter than a
        year (a month, a tertial, the delår) is refused unless
        ``delår_tillåtet=True``.
    delår_tillåtet : bool
        Allow assessing a part-year outcome against the (full-year) target,
        e.g. a year-to-date value in a monthly report. Default ``False``.
    enhet : str, optional
        The outcome's unit (``"andel"`` or ``"%"`` for shares, ``"min"``,
        ``"/1000 invånare"``, ``"recept per 1 000 invånare"``). When given
        (or when ``utfall`` is a :class:`Tal`, which carries its unit), it
        must agree with the target's unit and base: a target without a unit
        against a share, a time target against a share, or a rate per 100
        against a rate per 1 000 is an error naming the unit to add. Without
        it, outcomes are taken to be in the target's unit and on its base.
    år : int, optional
        The outcome's year. A target with a deadline (``senast``) assessed
        with an earlier year warns with :class:`UnderlagsVarning` that the
        assessment comes before the deadline; the result is computed all the
        same. Without ``år`` the deadline is not checked.

    Returns
    -------
    Måluppfyllelse, ndarray of Måluppfyllelse, Series or tuple
        A scalar gives a :class:`Måluppfyllelse`; a list or ndarray an
        object ndarray; a Series a Series with the same index. A composite
        target gives one result per part (a tuple for one set of outcomes).
        A missing outcome gives ``UNDERLAG_SAKNAS``, as does a missing or zero
        ``föregående`` where one is needed; a target "-" gives ``MÅL_SAKNAS``
        whatever the outcome.

    Raises
    ------
    AndelsError
        If an outcome for a percent target is outside [0, 1] ("did you pass
        percent?").
    FelTypError
        If ``målnivå`` is not a :class:`Målnivå` or an outcome is text.
    OgiltigtVärdeError
        If a composite target's outcomes do not have one value per part, or
        ``period`` is part of a year and ``delår_tillåtet`` is not ``True``.

    Notes
    -----
    For a limit with operator :math:`\\circ` the target is met when
    :math:`r_k(u) \\circ g`, where :math:`r_k` rounds half up at :math:`k`
    decimals of the published scale when ``avrundning=k``. A band is met when
    :math:`a \\le r_k(u) \\le b`. A relative target is met when

    .. math:: s \\cdot \\frac{u - f}{|f|} \\circ g

    with :math:`s = -1` for a decrease. "Högre/Lägre än fg år" are strict.

    Without ``avrundning`` outcomes are compared with the limit exactly as
    given (a relative change is first cleaned of binary noise at 12
    decimals, so that 110 against 100 is exactly +10 %). With
    ``avrundning=k`` the outcome is scaled to the published scale (x 100 for
    shares), cleaned at 10 decimals and rounded half up with
    :func:`avrunda`.

    See Also
    --------
    Målnivå.tolka, trend, Delvis

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.måluppfyllelse(0.96, hu.Målnivå.tolka("85-90 %"))
    <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
    >>> hu.måluppfyllelse(94, hu.Målnivå.tolka("Lägre än fg år"), föregående=140)
    <Måluppfyllelse.UPPNÅDD: 'uppnådd'>
    >>> m = hu.Målnivå.tolka("90/80/80", hu.Riktning.HÖGRE_ÄR_BÄTTRE, enhet="andel")
    >>> [r.name for r in hu.måluppfyllelse((0.484, 0.310, 0.560), m)]
    ['EJ_UPPNÅDD', 'EJ_UPPNÅDD', 'EJ_UPPNÅDD']
    >>> import pandas as pd
    >>> hu.måluppfyllelse(pd.Series([0.8, None], index=["a", "b"]), hu.Målnivå.tolka("≥80 %"))
    a            Måluppfyllelse.UPPNÅDD
    b    Måluppfyllelse.UNDERLAG_SAKNAS
    dtype: object
    >>> hu.måluppfyllelse(0.85, hu.Målnivå.tolka("≥80"), enhet="%")
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.OgiltigtVärdeError: måluppfyllelse: the target '≥ 80' is in no...

    References
    ----------
    Region Västmanland, Hälso- och sjukvårdsförvaltningen, Månadsrapport
    februari 2023 (targets and outcomes as assessed there).
    """
    if not isinstance(målnivå, Målnivå):
        raise FelTypError(f"målnivå must be a Målnivå (use Målnivå.tolka(text)), got {målnivå!r}")
    if avrundning is not None and (
        isinstance(avrundning, bool) or not isinstance(avrundning, (int, np.integer))
    ):
        raise FelTypError(f"avrundning must be an int or None, got {avrundning!r}")
    if period is not None and getattr(period, "del_av_år", None) is None:
        raise FelTypError(
            f"måluppfyllelse: period must be a hu.Period, got {period!r}; read text with "
            "hu.Period.tolka(...)"
        )
    utfallsenhet, utfallsbas = _dela_bas(_enhet_konv(valfri_text(enhet, "måluppfyllelse: enhet")))
    if isinstance(utfall, Tal):
        if enhet is not None and (utfallsenhet, utfallsbas) != (utfall.enhet, utfall.bas):
            raise OgiltigtVärdeError(
                f"måluppfyllelse: the outcome {utfall.text or utfall.värde!r} is in "
                f"{_enhetsnamn(utfall.enhet, utfall.bas)} but enhet={enhet!r} was passed; "
                "drop enhet="
            )
        utfallsenhet, utfallsbas = utfall.enhet, utfall.bas
        utfall = utfall.värde
    _kontrollera_enheter(målnivå, utfallsenhet, utfallsbas)
    _kontrollera_senast(målnivå, år)
    tillåtet = boolesk(delår_tillåtet, "måluppfyllelse: delår_tillåtet")
    if period is not None and period.del_av_år and not tillåtet:
        raise OgiltigtVärdeError(
            f"måluppfyllelse: the outcome belongs to {str(period)!r}, part of a year, and the "
            "target is set for a full year; pass delår_tillåtet=True to assess a part-year "
            "value against it, or pass the full-year outcome"
        )
    for argument, x in (("utfall", utfall), ("föregående", föregående), ("plan", plan)):
        _inte_ram(x, argument, "måluppfyllelse")
    index = utfall.index if isinstance(utfall, pd.Series) else None
    namn = utfall.name if isinstance(utfall, pd.Series) else None
    if index is not None:
        # comparison values given as Series are matched by label, not by position;
        # labels that differ are an error, never a silent NaN
        if isinstance(föregående, pd.Series):
            föregående = samma_etiketter(
                utfall, föregående, "utfall", "föregående", "måluppfyllelse"
            )
        if isinstance(plan, pd.Series):
            plan = samma_etiketter(utfall, plan, "utfall", "plan", "måluppfyllelse")
    if delvis is not None and not isinstance(delvis, Delvis) and not callable(delvis):
        raise FelTypError(
            f"måluppfyllelse: delvis must be a hu.Delvis rule, a callable or None, got "
            f"{kort(delvis)} of type {type(delvis).__name__}; pass e.g. "
            "delvis=hu.Delvis.inom(0.05)"
        )
    u = tal_array(utfall, "utfall")
    f = None if föregående is None else tal_array(föregående, "föregående")
    p = None if plan is None else tal_array(plan, "plan")
    if målnivå.typ is Måltyp.SAMMANSATT:
        k = len(målnivå.delar)
        if u.ndim == 0 or u.shape[-1] != k:
            raise OgiltigtVärdeError(
                f"the composite target {str(målnivå)!r} has {k} parts; pass {k} outcomes "
                f"(a sequence, or an array whose last axis has length {k}), got shape {u.shape}"
            )
        kod = np.stack(
            [
                _koder(
                    u[..., i],
                    d,
                    None if f is None else (f if f.ndim == 0 else f[..., i]),
                    None if p is None else (p if p.ndim == 0 else p[..., i]),
                    avrundning,
                    delvis,
                )
                for i, d in enumerate(målnivå.delar)
            ],
            axis=-1,
        )
        ut = np.asarray(_KODER, dtype=object)[kod]
        if ut.ndim == 1:
            return tuple(ut)
        return ut
    if f is not None and f.ndim > 0 and f.shape != u.shape:
        f = _utvidga(f, u.shape, "föregående")
    if p is not None and p.ndim > 0 and p.shape != u.shape:
        p = _utvidga(p, u.shape, "plan")
    kod = _koder(u, målnivå, f, p, avrundning, delvis)
    ut = np.asarray(_KODER, dtype=object)[kod]
    if index is not None:
        return pd.Series(ut, index=index, name=namn, dtype=object)
    if np.ndim(ut) == 0:
        return ut.item() if hasattr(ut, "item") else ut
    return ut


@med_funktionsnamn("trend")
def trend(
    utfall: TalIn,
    referens: TalIn,
    riktning: Riktning | str,
    *,
    tröskel: float = 0.0,
    relativ: bool = False,
) -> Any:
    """Development in the good direction (:term:`trend`): POSITIV, NEGATIV or NEUTRAL.

    Parameters
    ----------
    utfall : float, array-like or Series
        The current value.
    referens : float, array-like or Series
        The earlier value compared with (previous year, previous month,
        previous forecast), in the same unit. Two Series are matched by index
        label (the result has the index of ``utfall``); their labels must be
        the same, in any order, or it is an error giving both. Arrays must
        have the length of ``utfall`` (or one of the two is a single value).
    riktning : Riktning
        ``HÖGRE_ÄR_BÄTTRE`` or ``LÄGRE_ÄR_BÄTTRE``.
    tröskel : float
        Changes of at most this size are ``NEUTRAL``: in the values' unit
        (a share [andel, 0-1] for shares: 0.005 is half a procentenhet), or
        a proportion of ``|referens|`` with ``relativ=True``. Default 0:
        only an unchanged value is neutral. Reports set this by judgement;
        state it.
    relativ : bool
        Read ``tröskel`` as a relative change.

    Returns
    -------
    Trend, ndarray or Series
        One pair gives a Trend. Elementwise (arrays, Series), ``None`` where a
        value is missing (there is no trend without both) or, with
        ``relativ=True``, where ``referens`` is 0 (a relative change is undefined).

    Raises
    ------
    OgiltigtVärdeError
        For ``riktning=INOM_INTERVALL`` (no good direction), a negative
        ``tröskel``, a single pair with a missing value, or a single pair with
        ``referens`` 0 and ``relativ=True``.
    FelTypError
        For ``riktning=None`` or values given as text.

    Notes
    -----
    With :math:`s = +1` for higher-is-better and :math:`-1` otherwise,
    :math:`d = s (u - r)` for the outcome :math:`u` and the reference
    :math:`r`; POSITIV if :math:`d > t`, NEGATIV if :math:`d < -t`, else
    NEUTRAL.

    See Also
    --------
    måluppfyllelse, procentuell_förändring

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.trend(0.083, 0.117, hu.Riktning.LÄGRE_ÄR_BÄTTRE)
    <Trend.POSITIV: 'positiv'>
    >>> hu.trend(0.168, 0.215, hu.Riktning.HÖGRE_ÄR_BÄTTRE)
    <Trend.NEGATIV: 'negativ'>
    >>> hu.trend(101, 100, hu.Riktning.HÖGRE_ÄR_BÄTTRE, tröskel=0.02, relativ=True)
    <Trend.NEUTRAL: 'neutral'>

    References
    ----------
    Region Västmanland, Månadsrapport februari 2023, indicator tables
    (trend words Positiv/Negativ/Neutral).
    """
    r = _som_riktning(riktning)
    if r is None:
        raise FelTypError(
            "riktning must be a Riktning (HÖGRE_ÄR_BÄTTRE or LÄGRE_ÄR_BÄTTRE), got None: a "
            "trend is development in the good direction, so the direction is needed"
        )
    if r is Riktning.HÖGRE_ÄR_BÄTTRE:
        s = 1.0
    elif r is Riktning.LÄGRE_ÄR_BÄTTRE:
        s = -1.0
    else:
        raise OgiltigtVärdeError(
            f"trend needs riktning HÖGRE_ÄR_BÄTTRE or LÄGRE_ÄR_BÄTTRE, got {riktning!r}: a "
            "band has no good direction; assess it with måluppfyllelse() instead"
        )
    if not skalär(tröskel, "tröskel") >= 0:
        raise OgiltigtVärdeError(f"tröskel must be a number >= 0, got {tröskel!r}")
    relativ = boolesk(relativ, "trend: relativ")
    _inte_ram(utfall, "utfall", "trend")
    _inte_ram(referens, "referens", "trend")
    index = None
    namn = None
    for x in (utfall, referens):
        if isinstance(x, pd.Series):
            index, namn = x.index, x.name
            break
    # two Series are matched by label (never aligned into NaN); lengths must agree
    referens = samma_etiketter(utfall, referens, "utfall", "referens", "trend")
    u = tal_array(utfall, "trend: utfall")
    j = tal_array(referens, "trend: referens")
    if index is None and u.ndim == 0 and j.ndim == 0:
        # one pair: a Trend or an error (elementwise, a missing pair is None)
        for värde, argnamn in ((u, "utfall"), (j, "referens")):
            if np.isnan(värde):
                raise OgiltigtVärdeError(
                    f"trend: {argnamn} is missing (NaN or None): there is no trend without "
                    "both values; pass a number, or pass arrays or Series, where a missing "
                    "value gives None"
                )
        if relativ and j == 0:
            raise OgiltigtVärdeError(
                "trend: referens is 0, so a relative change (relativ=True) is undefined; "
                "pass relativ=False with tröskel in the values' unit"
            )
    with np.errstate(invalid="ignore", divide="ignore"):
        d = s * (u - j)
        if relativ:
            d = np.where(j == 0, np.nan, d / np.abs(j))
    d = np.round(d, 12)
    t = round(float(tröskel), 12)
    kod = np.where(d > t, 0, np.where(d < -t, 1, 2))
    tabell = np.asarray([Trend.POSITIV, Trend.NEGATIV, Trend.NEUTRAL, None], dtype=object)
    kod = np.where(np.isnan(d), 3, kod)
    ut = tabell[kod]
    if index is not None:
        return pd.Series(ut, index=index, name=namn, dtype=object)
    if np.ndim(ut) == 0:
        return ut.item() if hasattr(ut, "item") else ut
    return ut


# --------------------------------------------------------------------------- Indikator


def _år(värde: object, namn: str) -> int:
    """A target year: a whole number in 1900-2199 (the span :class:`Målnivå` deadlines take)."""
    return heltal(värde, namn, minst=1900, högst=2199)


def _inte_ram(värde: object, argument: str, vad: str) -> None:
    """An elementwise function takes a Series or an array, not a whole frame."""
    if isinstance(värde, pd.DataFrame):
        raise FelTypError(
            f"{vad}: {argument} must be a number, an array or a Series, got a DataFrame with "
            f"columns {kort(list(värde.columns))}; pass one column, e.g. df['utfall']"
        )


def _id(värde: object) -> str:
    return _text_in(värde, "Indikator.id")


def _namn(värde: object) -> str:
    return _text_in(värde, "Indikator.namn")


def _alias(värde: str | Sequence[str] | None) -> tuple[str, ...]:
    if isinstance(värde, str):
        return (_text_in(värde, "Indikator.alias"),)
    if värde is None:
        return ()
    return tuple(_text_in(v, "Indikator.alias") for v in följd(värde, "Indikator.alias"))


def _källa(värde: object) -> str | None:
    return valfri_text(värde, "Indikator.källa")


def _målnivåer(värde: Any) -> dict[int, Målnivå]:
    if värde is None:
        return {}
    if not isinstance(värde, Mapping):
        raise FelTypError(
            f"Indikator.målnivåer must be a mapping year -> Målnivå, got {kort(värde)}; pass "
            "e.g. {2023: Målnivå.minst(0.8, enhet='andel')}"
        )
    ut: dict[int, Målnivå] = {}
    for nyckel, mål in värde.items():
        if isinstance(nyckel, bool) or not isinstance(nyckel, (int, np.integer)):
            raise FelTypError(
                f"Indikator.målnivåer: a year must be an int, got {kort(nyckel)}; key the "
                "targets by year, e.g. {2023: Målnivå.minst(0.8, enhet='andel')}"
            )
        år = _år(nyckel, "Indikator.målnivåer: year")
        if isinstance(mål, str):
            raise FelTypError(
                f"Indikator.målnivåer[{år}] is the text {mål!r}; pass Målnivå.tolka({mål!r}, "
                "riktning)"
            )
        if not isinstance(mål, Målnivå):
            raise FelTypError(
                f"Indikator.målnivåer[{år}] must be a Målnivå, got {kort(mål)}; build it "
                "with e.g. Målnivå.minst(0.8, enhet='andel')"
            )
        ut[år] = mål
    return ut


def _utvidga(x: _Arr, form: tuple[int, ...], namn: str) -> _Arr:
    """``x`` broadcast to the shape of ``utfall``, or an error giving both shapes."""
    try:
        return np.broadcast_to(x, form)
    except ValueError:
        raise OgiltigtVärdeError(
            f"måluppfyllelse: {namn} has {x.size} values (shape {x.shape}) but utfall has "
            f"shape {form}; pass one {namn} per utfall, or a single value"
        ) from None


def _valfri_enum(typ: type[enum.Enum], värde: Any, namn: str) -> Any:
    return None if värde is None else alternativ(värde, typ, namn)


def _periodicitet(värde: Any) -> Periodicitet | None:
    ut: Periodicitet | None = _valfri_enum(Periodicitet, värde, "Indikator.periodicitet")
    return ut


def _aggregering(värde: Any) -> Aggregering | None:
    ut: Aggregering | None = _valfri_enum(Aggregering, värde, "Indikator.aggregering")
    return ut


@attrs.frozen(kw_only=True)
class Indikator:
    """An indicator (:term:`indikator`) with its direction, aggregation and targets per year.

    Parameters
    ----------
    id : str
        The region's id for it (e.g. ``"ID0075"``) or a stable slug.
    namn : str
        The name as reports print it.
    alias : tuple of str
        Other names the same indicator appears under (a bare string is one
        alias).
    enhet : str, optional
        ``"andel"`` for shares, ``"min"``, ``"mnkr"``, ``"st"``, ``"index"`` ...
    riktning : Riktning, optional
        The better direction; ``None`` when not known.
    källa : str, optional
        The data source (Väntetider i vården, Kolada, Cosmic ...).
    periodicitet : Periodicitet, optional
        How often it is reported.
    aggregering : Aggregering, optional
        How a period's value is formed.
    målnivåer : mapping of int to Målnivå
        The target per year (targets change between years).

    Raises
    ------
    FelTypError
        If a target is given as text, a year is not an int, a name is not text.
    OgiltigtVärdeError
        If a year is outside 1900-2199.

    See Also
    --------
    Målnivå, måluppfyllelse, trend

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> R = hu.Riktning.LÄGRE_ÄR_BÄTTRE
    >>> sjuk = hu.Indikator(id="sjukfranvaro", namn="Sjukfrånvaro", enhet="andel",
    ...                     riktning=R, aggregering=hu.Aggregering.ACKUMULERAT,
    ...                     målnivåer={2023: hu.Målnivå.tolka("6,0 %", R)})
    >>> sjuk.måluppfyllelse(0.083, 2023)
    <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
    >>> sjuk.trend(0.083, 0.117)
    <Trend.POSITIV: 'positiv'>
    >>> sjuk.måluppfyllelse(0.05, 2024)
    <Måluppfyllelse.MÅL_SAKNAS: 'mål saknas'>

    Notes
    -----
    Methods add no algorithm: :meth:`måluppfyllelse` calls
    :func:`måluppfyllelse` with the year's target, :meth:`trend` calls
    :func:`trend` with the indicator's direction.

    References
    ----------
    Region Värmland, Årsredovisning 2023, "4 Indikatoregenskaper"
    (periodicity, method and data source per indicator).
    """

    id: str = attrs.field(converter=_id)
    namn: str = attrs.field(converter=_namn)
    alias: tuple[str, ...] = attrs.field(default=(), converter=_alias)
    enhet: str | None = attrs.field(default=None, converter=_indikatorenhet)
    riktning: Riktning | None = attrs.field(default=None, converter=_indikatorriktning)
    källa: str | None = attrs.field(default=None, converter=_källa)
    periodicitet: Periodicitet | None = attrs.field(default=None, converter=_periodicitet)
    aggregering: Aggregering | None = attrs.field(default=None, converter=_aggregering)
    målnivåer: dict[int, Målnivå] = attrs.field(factory=dict, converter=_målnivåer, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.enhet is not None:
            object.__setattr__(
                self,
                "målnivåer",
                {år: self._i_enheten(mål, år) for år, mål in self.målnivåer.items()},
            )

    def _i_enheten(self, mål: Målnivå, år: int) -> Målnivå:
        """``mål`` with the indicator's unit where it has none; a different unit is an error."""
        if mål.typ in (Måltyp.SAMMANSATT, Måltyp.TVÅNIVÅ):
            return attrs.evolve(mål, delar=tuple(self._i_enheten(d, år) for d in mål.delar))
        if mål.typ in (Måltyp.INGET, Måltyp.RELATIV_FÖRÄNDRING):
            return mål  # no target, or a change as a proportion of any unit
        if mål.enhet is None:
            if mål.bas is not None or mål.typ in (Måltyp.MOT_FÖREGÅENDE, Måltyp.ENLIGT_PLAN):
                return mål  # compared in the outcome's own unit
            try:
                return attrs.evolve(mål, enhet=self.enhet)
            except HalsouppfoljningError as fel:
                raise type(fel)(
                    f"Indikator: målnivåer[{år}] {str(mål)!r} has no unit, so it takes the "
                    f"indicator's enhet={self.enhet!r}, and then: {fel}. Or add the unit to "
                    "the target if it is in another one (e.g. Målnivå.tolka('≥ 80 %'))"
                ) from fel
        if mål.enhet == self.enhet or (
            mål.enhet in PROCENTENHETER and self.enhet in PROCENTENHETER
        ):
            return mål
        if (
            mål.enhet in _PENGAR
            and self.enhet in _PENGAR
            and all(g in (None, 0.0) for g in (mål.gräns, mål.nedre, mål.övre))
        ):
            return mål  # a limit of 0 kr is 0 mnkr: the scale of the amount does not matter
        raise OgiltigtVärdeError(
            f"Indikator: målnivåer[{år}] {str(mål)!r} is in {mål.enhet!r} but the indicator "
            f"{self.id!r} declares enhet={self.enhet!r}; give the target in {self.enhet!r} "
            "(or without a unit, and it takes the indicator's), or correct enhet"
        )

    def målnivå(self, år: int) -> Målnivå:
        """The target for ``år``; :meth:`Målnivå.inget` when there is none.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Indikator(id="x", namn="X").målnivå(2023).typ
        <Måltyp.INGET: 'inget'>
        """
        return self.målnivåer.get(_år(år, "Indikator.målnivå: år"), Målnivå.inget())

    def måluppfyllelse(self, utfall: TalIn | Tal, år: int, **kwargs: Any) -> Any:
        """Assess ``utfall`` against the target of ``år``: calls :func:`måluppfyllelse`.

        The year is passed on as ``år=`` (a target with a later deadline
        warns). The outcome's unit is the indicator's ``enhet`` unless
        ``enhet=`` is given or ``utfall`` is a :class:`Tal`: a share
        indicator with a target written without a unit ("≥80") is an error
        naming the unit to add.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> ind = hu.Indikator(id="x", namn="X", målnivåer={2023: hu.Målnivå.tolka("≥ 80 %")})
        >>> ind.måluppfyllelse(0.8, 2023)
        <Måluppfyllelse.UPPNÅDD: 'uppnådd'>
        """
        if "enhet" not in kwargs and not isinstance(utfall, Tal) and self.enhet is not None:
            kwargs["enhet"] = self.enhet
        return måluppfyllelse(utfall, self.målnivå(år), år=år, **kwargs)

    def trend(self, utfall: TalIn, referens: TalIn, **kwargs: Any) -> Any:
        """The trend in this indicator's direction: calls :func:`trend`.

        Raises
        ------
        OgiltigtVärdeError
            If the indicator has no direction.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Indikator(id="x", namn="X", riktning="högre är bättre").trend(2, 1)
        <Trend.POSITIV: 'positiv'>
        """
        if self.riktning is None:
            raise OgiltigtVärdeError(
                f"indicator {self.id!r} has no riktning; set it to compute a trend"
            )
        return trend(utfall, referens, self.riktning, **kwargs)
