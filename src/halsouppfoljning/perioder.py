"""Periods, rolling sums and changes: månad, tertial, delår, helår, R12, R18.

Follow-up reports cover a month, a tertial (four months), the delår
(January-August) or the full year (helår); indicators are accumulated year to
date (:term:`ackumulerat`) or over rolling 12 or 18 months (:term:`R12`, *R18*). The
functions here take a monthly :class:`pandas.Series` (a
:class:`~pandas.DatetimeIndex` or a monthly :class:`~pandas.PeriodIndex`) and
refuse gaps in the months rather than roll silently over them. Changes are
kept apart: :func:`procentuell_förändring` (relative) and
:func:`procentenheter` (difference of two shares).

Examples
--------
>>> import halsouppfoljning as hu
>>> round(hu.procentuell_förändring(0.788, 0.748), 4)
0.0535
>>> round(hu.procentenheter(0.788, 0.748), 4)
0.04
>>> str(hu.Period.tertial(2023, 1)), hu.Period.delår(2023).antal_månader
('T1 2023', 8)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from ._indata import (
    FÖRSTA_DATUM,
    SISTA_DATUM,
    Datum,
    TalIn,
    Textenum,
    alternativ,
    datumkolumn,
    heltal,
    kontrollera_andel,
    kort,
    rimliga_tal,
    rimligt_datum,
    samma_längd,
    skalär,
    tal_array,
    text,
    tidpunkt,
    unika_nycklar,
)
from .exceptions import FelTypError, OgiltigtVärdeError
from .indikatorer import Målnivå, Periodicitet, Riktning, Tal, måluppfyllelse

__all__ = [
    "MÅNADSNAMN",
    "Period",
    "Periodform",
    "Periodvärde",
    "ackumulerat",
    "procentenheter",
    "procentuell_förändring",
    "r12",
    "r18",
    "rullande",
    "tertial",
]

_Arr = npt.NDArray[np.float64]


def _med_tal(
    värde: Tal | TalIn,
    referens: Tal | TalIn,
    funktion: Callable[[_Arr, _Arr], _Arr],
    enhet: str | None,
    vad: str,
) -> Tal:
    """``funktion`` on two numbers of which at least one is a :class:`Tal`.

    The result is a :class:`Tal` in ``enhet``, approximate when either input is,
    carrying both inputs' footnote marks. Two ``Tal`` of different units or
    bases are an error: a change is only defined between like numbers.
    """
    tal = [t for t in (värde, referens) if isinstance(t, Tal)]
    if len(tal) == 2 and (tal[0].enhet, tal[0].bas) != (tal[1].enhet, tal[1].bas):
        raise OgiltigtVärdeError(
            f"{vad}: värde is in {tal[0].enhet!r} (base {tal[0].bas!r}) but referens in "
            f"{tal[1].enhet!r} (base {tal[1].bas!r}); give both in the same unit and base"
        )
    a = värde.värde if isinstance(värde, Tal) else skalär(värde, f"{vad}: värde", saknas=True)
    b = (
        referens.värde
        if isinstance(referens, Tal)
        else skalär(referens, f"{vad}: referens", saknas=True)
    )
    ut = float(funktion(np.asarray(a, dtype=float), np.asarray(b, dtype=float)))
    return Tal(
        värde=ut,
        enhet=enhet,
        fotnoter=tuple(dict.fromkeys(f for t in tal for f in t.fotnoter)),
        ungefärlig=any(t.ungefärlig for t in tal),
    )


def _en_dimension(värde: Any, namn: str) -> None:
    """Refuse a frame or an array of more than one dimension (it would broadcast silently)."""
    try:
        dimensioner = np.ndim(värde)
    except ValueError:  # a ragged nested sequence: the input layer says what it must be
        tal_array(värde, namn)
        raise  # pragma: no cover - tal_array refuses every ragged sequence
    if isinstance(värde, pd.DataFrame) or dimensioner > 1:
        raise FelTypError(
            f"{namn} must be a number, a sequence, a one-dimensional array or a Series, got "
            f"{type(värde).__name__} of shape {np.shape(värde)}; pass one column or row"
        )
    _reella(värde, namn)


def _reella(värde: Any, namn: str) -> None:
    """Refuse complex numbers: the input layer's float cast would drop the imaginary part."""
    if not isinstance(värde, (str, bytes)) and np.iscomplexobj(värde):
        raise FelTypError(
            f"{namn} must be real numbers, got complex numbers ({kort(värde)}); pass the real "
            "part (.real) if that is what is meant"
        )


def _elementvis(
    värde: Any,
    referens: Any,
    funktion: Callable[[_Arr, _Arr], _Arr],
    enhet: str | None,
    vad: str,
) -> Any:
    """Apply ``funktion`` to two float arrays; keep the shape of the input.

    A Series gives a Series. Two Series must hold the same labels (in any
    order: the second is put in the order of the first); labels in only one
    of them, or a label twice, are an error giving both indexes. Two
    sequences must have the same length (or one is a single number). A scalar
    pair gives a float, anything else an ndarray. A :class:`Tal` (a number
    read from report text) gives a ``Tal`` in ``enhet`` that is approximate
    when an input was.
    """
    if isinstance(värde, Tal) or isinstance(referens, Tal):
        return _med_tal(värde, referens, funktion, enhet, vad)
    _en_dimension(värde, f"{vad}: värde")
    _en_dimension(referens, f"{vad}: referens")
    if isinstance(värde, pd.Series) and isinstance(referens, pd.Series):
        unika_nycklar(värde.index, "the index of värde", vad)
        unika_nycklar(referens.index, "the index of referens", vad)
        if len(värde) == len(referens) and referens.index.isin(värde.index).all():
            referens = referens.reindex(värde.index)
    if np.ndim(värde) and np.ndim(referens):
        samma_längd(värde, referens, "värde", "referens", vad)
    a = tal_array(värde, f"{vad}: värde")
    b = tal_array(referens, f"{vad}: referens")
    ut = funktion(a, b)
    if np.isinf(ut).any():
        raise OgiltigtVärdeError(
            f"{vad}: värde and referens are so large that the change overflows (infinity); "
            "check their unit"
        )
    for mall in (värde, referens):
        if isinstance(mall, pd.Series):
            return pd.Series(ut, index=mall.index, name=mall.name)
    if ut.ndim == 0:
        return float(ut)
    return ut


def procentuell_förändring(
    värde: Tal | TalIn, referens: Tal | TalIn, *, riktning: Riktning | None = None
) -> Any:
    """Relative change (:term:`procentuell förändring`) of ``värde`` against ``referens``.

    Parameters
    ----------
    värde : float, array-like, Series or Tal
        The new value (any unit, the same as ``referens``). A :class:`Tal`
        read from report text ("drygt 1 200") gives a ``Tal`` result, marked
        approximate when either input is.
    referens : float, array-like, Series or Tal
        The base: the same period last year, the previous month, a budget.
    riktning : Riktning, optional
        With :attr:`Riktning.LÄGRE_ÄR_BÄTTRE` the sign is turned so that a
        positive result is an improvement; :attr:`Riktning.HÖGRE_ÄR_BÄTTRE`
        keeps it. Default ``None``: the plain signed change.

    Returns
    -------
    float, ndarray or Series
        The change as a proportion [andel]: 0.41 means +41 %. NaN where the
        base is 0 or missing, or the value is missing. A Series keeps its
        index; two Series must hold the same labels (the second is put in
        the order of the first).

    Raises
    ------
    OgiltigtVärdeError
        If ``riktning`` is :attr:`Riktning.INOM_INTERVALL`: a band has no
        better direction, so a signed "improvement" is undefined; if the
        two inputs differ in length or labels (the message gives both); if a
        value is infinite or the change overflows.
    FelTypError
        If a value is text, a frame or an array of more than one dimension,
        or ``riktning`` is not a :class:`Riktning`.

    Notes
    -----
    .. math:: \\Delta_\\% = \\frac{v - r}{|r|}

    Dividing by :math:`|r|` keeps the sign meaningful for a negative base (a
    result going from -100 to -50 mnkr is a +50 % change). Not the same as
    :func:`procentenheter`: a share going from 74,8 % to 78,8 % rose 5,3
    procent but 4 procentenheter.

    See Also
    --------
    procentenheter : the difference of two shares.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.procentuell_förändring(141, 100)
    0.41
    >>> round(hu.procentuell_förändring(94, 140, riktning=hu.Riktning.LÄGRE_ÄR_BÄTTRE), 4)
    0.3286
    >>> hu.procentuell_förändring([10, 5], [0, float("nan")])
    array([nan, nan])

    A change between two approximate counts says so:

    >>> ändring = hu.procentuell_förändring(hu.tolka_värde("drygt 1 200"), hu.tolka_värde("1 000"))
    >>> round(ändring.värde, 3), ändring.enhet, ändring.ungefärlig
    (0.2, 'andel', True)

    References
    ----------
    Statistiska centralbyrån, "Procent och procentenheter",
    https://www.scb.se/ (the two notions kept apart).
    """
    tecken = _tecken(riktning)

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ut = (a - b) / np.abs(b)
        ut = np.where(b == 0, np.nan, ut)
        return np.asarray(ut * tecken + 0.0, dtype=float)

    return _elementvis(värde, referens, beräkna, "andel", "procentuell_förändring")


def _tecken(riktning: Riktning | None) -> float:
    if riktning is None or riktning is Riktning.HÖGRE_ÄR_BÄTTRE:
        return 1.0
    if riktning is Riktning.LÄGRE_ÄR_BÄTTRE:
        return -1.0
    if riktning is Riktning.INOM_INTERVALL:
        raise OgiltigtVärdeError(
            "procentuell_förändring: riktning=Riktning.INOM_INTERVALL has no better direction: "
            "a change towards a "
            "band is an improvement from one side and a worsening from the other. Pass "
            "riktning=None for the plain signed change, or assess against the band with "
            "måluppfyllelse()"
        )
    raise FelTypError(
        f"procentuell_förändring: riktning must be a Riktning (HÖGRE_ÄR_BÄTTRE or "
        f"LÄGRE_ÄR_BÄTTRE) or None, got {_kort(riktning)}"
    )


def procentenheter(värde: Tal | TalIn, referens: Tal | TalIn) -> Any:
    """Difference of two shares in percentage points (:term:`procentenheter`).

    Parameters
    ----------
    värde : float, array-like or Series
        The new share [andel, 0-1].
    referens : float, array-like or Series
        The earlier share [andel, 0-1].

    Returns
    -------
    float, ndarray or Series
        ``värde - referens`` in share units: 0.04 means 4 procentenheter.
        NaN where either is missing. A Series keeps its index.

    Raises
    ------
    AndelsError
        If a value is outside [0, 1] ("did you pass percent?").

    Notes
    -----
    .. math:: \\Delta_{pe} = v - r

    See Also
    --------
    procentuell_förändring : the relative change.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> round(hu.procentenheter(0.788, 0.748), 10)
    0.04
    >>> hu.procentenheter(78.8, 74.8)
    Traceback (most recent call last):
    ...
    halsouppfoljning.exceptions.AndelsError: procentenheter: värde must be a share ... percent? ...

    References
    ----------
    Statistiska centralbyrån, "Procent och procentenheter"; Region Västmanland,
    Månadsrapport februari 2023, line 397 ("4 procentenheter bättre").
    """

    def beräkna(a: _Arr, b: _Arr) -> _Arr:
        kontrollera_andel(a, "procentenheter: värde")
        kontrollera_andel(b, "procentenheter: referens")
        return np.asarray(a - b, dtype=float)

    return _elementvis(värde, referens, beräkna, "andel", "procentenheter")


# --------------------------------------------------------------------------- periods

#: The Swedish month names as reports print them (index 0 is January).
MÅNADSNAMN: tuple[str, ...] = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


class Periodform(Textenum):
    """How a :class:`Period` is named, and so how it is written (*periodform*).

    The form decides only how a period prints; two periods covering the same
    days are equal whatever their forms.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.Period.kvartal(2023, 2).form
    <Periodform.KVARTAL: 'kvartal'>
    """

    MÅNAD = "månad"
    TERTIAL = "tertial"
    KVARTAL = "kvartal"
    DELÅR = "delår"
    HELÅR = "helår"
    MÅNADER = "månader"
    RULLANDE = "rullande"
    ÅR = "år"
    VECKA = "vecka"
    DAGAR = "dagar"


_KLASSISKA = {
    Periodicitet.MÅNAD: Periodform.MÅNAD,
    Periodicitet.TERTIAL: Periodform.TERTIAL,
    Periodicitet.DELÅR: Periodform.DELÅR,
    Periodicitet.HELÅR: Periodform.HELÅR,
}
_NUMRERADE = {Periodform.MÅNAD: 12, Periodform.TERTIAL: 3, Periodform.KVARTAL: 4}


#: The first and last year a :class:`Period` may fall in: the span of dates the
#: package counts with (``_indata.FÖRSTA_DATUM`` to ``_indata.SISTA_DATUM``).
ÅR_FRÅN, ÅR_TILL = FÖRSTA_DATUM.year, SISTA_DATUM.year


def _kontrollera_år(år: object, vad: str = "Period") -> int:
    return heltal(år, f"{vad}: år (a whole year such as 2023)", minst=ÅR_FRÅN, högst=ÅR_TILL)


def _dag(värde: object, namn: str) -> pd.Timestamp:
    """A day by the package's date rule, inside the years a period may fall in."""
    dag = pd.Timestamp(tidpunkt(värde, namn).normalize())
    if not ÅR_FRÅN <= dag.year <= ÅR_TILL:
        raise OgiltigtVärdeError(
            f"{namn}: {dag.date()} is outside the years {ÅR_FRÅN}-{ÅR_TILL}; check the date"
        )
    return dag


def _i_ordning(från: pd.Timestamp, till: pd.Timestamp, vad: str, namn: tuple[str, str]) -> None:
    if till < från:
        raise OgiltigtVärdeError(
            f"{vad}: {namn[1]} {till.date()} is before {namn[0]} {från.date()}; swap them"
        )


def _månadsstart(år: int, månad: int) -> pd.Timestamp:
    return pd.Timestamp(year=år, month=månad, day=1)


def _månadsslut(år: int, månad: int) -> pd.Timestamp:
    return pd.Timestamp(pd.Period(year=år, month=månad, freq="M").end_time.normalize())


def _månadsindex_av(dag: pd.Timestamp) -> int:
    return int(dag.year) * 12 + int(dag.month) - 1


def _namngiven(form: Periodform, år: int, nummer: int | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(start, slut) of a period of a fixed form: month, tertial, quarter, delår, helår, week."""
    if form in (Periodform.DELÅR, Periodform.HELÅR):
        if nummer is not None:
            raise OgiltigtVärdeError(
                f"Period {form.value} takes no nummer, got nummer={nummer!r}; drop nummer"
            )
        return _månadsstart(år, 1), _månadsslut(år, 8 if form is Periodform.DELÅR else 12)
    if form is Periodform.VECKA:
        n = _nummer(nummer, form, 53)
        try:
            start = pd.Timestamp(dt.date.fromisocalendar(år, n, 1))
        except ValueError:
            raise OgiltigtVärdeError(
                f"Period vecka: ISO year {år} has no week {n} (only years with 53 weeks have "
                "week 53); pass a week in 1-52"
            ) from None
        return start, start + pd.Timedelta(days=6)
    övre = _NUMRERADE[form]
    n = _nummer(nummer, form, övre)
    längd = 12 // övre
    första = längd * (n - 1) + 1
    return _månadsstart(år, första), _månadsslut(år, första + längd - 1)


def _nummer(nummer: object, form: Periodform, övre: int) -> int:
    if nummer is None:
        raise OgiltigtVärdeError(
            f"Period {form.value} needs nummer in 1-{övre}, got None; pass e.g. nummer=1"
        )
    try:
        return heltal(nummer, f"Period {form.value}: nummer (in 1-{övre})", minst=1, högst=övre)
    except OgiltigtVärdeError:
        raise OgiltigtVärdeError(
            f"Period {form.value} needs nummer in 1-{övre}, got {nummer!r}; pass e.g. nummer=1"
        ) from None


def _konstruktörsnummer(värde: object, vad: str, övre: int) -> int:
    """The number a named constructor takes (``Period.månad``'s ``månad`` ...), checked by name."""
    return heltal(värde, vad, minst=1, högst=övre)


def _är_dag(namn: str) -> Any:
    """attrs validator: a naive pandas Timestamp at midnight."""

    def kontrollera(_: object, __: attrs.Attribute[Any], värde: object) -> None:
        if (
            not isinstance(värde, pd.Timestamp)
            or värde.tzinfo is not None
            or (värde != värde.normalize())
        ):
            raise FelTypError(
                f"Period.{namn} must be a naive pandas.Timestamp at midnight, got {värde!r}; "
                "build periods with the constructors (Period.månad, Period.dagar ...)"
            )

    return kontrollera


def _är_nummer(_: object, __: attrs.Attribute[Any], värde: object) -> None:
    """attrs validator: ``Period.nummer`` is ``None`` or a whole number (not a bool)."""
    if värde is not None and (isinstance(värde, bool) or not isinstance(värde, int)):
        raise FelTypError(f"Period.nummer must be None or an int, got {värde!r}")


@functools.total_ordering
@attrs.frozen(init=False, order=False)
class Period:
    """A reporting period (*period*): a span of whole days, usually of whole months.

    A period is its first and last day; its :class:`Periodform` (month,
    tertial, quarter, delår, helår, a span of months, rolling months, a span
    of years, an ISO week, a span of days) only decides how it is written.
    Periods order by start and then end, contain (``q in p``,
    :meth:`innehåller`) and intersect (``p & q``, :meth:`snitt`). ``str(p)``
    reads back with :meth:`tolka`.

    Build one with :meth:`månad`, :meth:`tertial`, :meth:`kvartal`,
    :meth:`delår`, :meth:`helår`, :meth:`spann` (whole months),
    :meth:`rullande` (R12 ...), :meth:`åren` (whole years), :meth:`vecka`
    (ISO week), :meth:`dagar` or :meth:`tolka`. The older constructor
    ``Period(typ=Periodicitet.TERTIAL, år=2023, nummer=1)`` still works.

    Parameters
    ----------
    typ : Periodicitet or Periodform, optional
        With ``år`` (and ``nummer``): a month (1-12), tertial (1-3: T1
        January-April, T2 May-August, T3 September-December), quarter (1-4),
        the delår (January-August), the helår, or an ISO week (1-53).
    år : int, optional
        The calendar year (the ISO year for a week).
    nummer : int, optional
        The month, tertial, quarter or week; ``None`` for delår and helår.
    start, slut : date-like, optional
        Instead of ``typ``: the first and the last day (both included).
    form : Periodform or its value (str), optional
        With ``start`` and ``slut``: how the span is named. Default: a span
        of whole months is ``MÅNADER``, anything else ``DAGAR``.

    Raises
    ------
    OgiltigtVärdeError
        For a number outside its range, a number given for delår or helår,
        an end before the start, or a form that does not fit the span.
    FelTypError
        For a year that is not a whole number.

    Notes
    -----
    Weeks need day resolution, so a period holds exact days rather than
    months; every month-based form still gives whole months
    (:attr:`antal_månader`, :attr:`månader`), and a form that is not whole
    months says so when asked for them.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> t2 = hu.Period.tertial(2023, 2)
    >>> t2.start, t2.slut
    (Timestamp('2023-05-01 00:00:00'), Timestamp('2023-08-31 00:00:00'))
    >>> [str(m) for m in t2.månader]
    ['2023-05', '2023-06', '2023-07', '2023-08']
    >>> hu.Period.tolka("Delår 2023") == hu.Period.delår(2023)
    True
    >>> hu.Period.tolka("R12 juli 2023") == hu.Period.tolka("augusti 2022–juli 2023")
    True
    >>> hu.Period.månad(2023, 3) in hu.Period.tertial(2023, 1)
    True
    >>> str(hu.Period.kvartal(2023, 2) & hu.Period.tertial(2023, 2))
    'maj–juni 2023'
    """

    start: pd.Timestamp = attrs.field(validator=_är_dag("start"))
    slut: pd.Timestamp = attrs.field(validator=_är_dag("slut"))
    form: Periodform = attrs.field(eq=False, validator=attrs.validators.instance_of(Periodform))
    nummer: int | None = attrs.field(eq=False, validator=_är_nummer)

    def __init__(
        self,
        *,
        typ: Periodicitet | Periodform | None = None,
        år: int | None = None,
        nummer: int | None = None,
        start: Datum | None = None,
        slut: Datum | None = None,
        form: Periodform | str | None = None,
    ) -> None:
        if typ is not None:
            if start is not None or slut is not None or form is not None:
                raise OgiltigtVärdeError(
                    "Period: pass either typ with år (and nummer), or start and slut (and "
                    f"form), not both; got typ={typ!r} with start/slut/form"
                )
            if isinstance(typ, Periodicitet):
                typ = _KLASSISKA[typ]
            elif not isinstance(typ, Periodform):
                raise FelTypError(
                    f"Period: typ must be a Periodicitet or a Periodform, got {typ!r}; "
                    "e.g. typ=hu.Periodicitet.TERTIAL"
                )
            if typ not in (*_NUMRERADE, Periodform.DELÅR, Periodform.HELÅR, Periodform.VECKA):
                raise OgiltigtVärdeError(
                    f"Period: typ={typ!r} is not built from år and nummer; use "
                    f"Period.{'rullande' if typ is Periodform.RULLANDE else 'spann'}() or "
                    "start= and slut="
                )
            år = _kontrollera_år(år)
            if nummer is not None and typ not in (Periodform.DELÅR, Periodform.HELÅR):
                nummer = _nummer(nummer, typ, 53 if typ is Periodform.VECKA else _NUMRERADE[typ])
            från, till = _namngiven(typ, år, nummer)
            self.__attrs_init__(start=från, slut=till, form=typ, nummer=nummer)
            return
        if start is None or slut is None:
            raise OgiltigtVärdeError(
                "Period needs typ and år (e.g. typ=Periodicitet.HELÅR, år=2023) or start and "
                f"slut (the first and last day); got start={start!r}, slut={slut!r}"
            )
        från, till = _dag(start, "Period: start"), _dag(slut, "Period: slut")
        _i_ordning(från, till, "Period", ("start", "slut"))
        hela = från.day == 1 and till == _månadsslut(till.year, till.month)
        if form is None:
            form = Periodform.MÅNADER if hela else Periodform.DAGAR
        form = alternativ(form, Periodform, "Period: form")
        if nummer is not None:
            nummer = heltal(nummer, "Period: nummer", minst=1)
        self.__attrs_init__(start=från, slut=till, form=form, nummer=nummer)
        self._kontrollera_form(hela)

    def _kontrollera_form(self, hela: bool) -> None:
        form, n = self.form, self.nummer
        if form in (*_NUMRERADE, Periodform.DELÅR, Periodform.HELÅR, Periodform.VECKA):
            år = self.start.isocalendar()[0] if form is Periodform.VECKA else self.start.year
            rätt = _namngiven(form, int(år), n)
            if rätt != (self.start, self.slut):
                raise OgiltigtVärdeError(
                    f"Period: form={form.value} with nummer={n!r} does not cover "
                    f"{self.start.date()}–{self.slut.date()}; use the constructor "
                    f"Period.{form.value}() or form=Periodform.DAGAR"
                )
            return
        if form is Periodform.DAGAR:
            if n is not None:
                raise OgiltigtVärdeError(f"Period dagar takes no nummer, got nummer={n!r}")
            return
        if not hela:
            raise OgiltigtVärdeError(
                f"Period: form={form.value} needs whole months, but "
                f"{self.start.date()}–{self.slut.date()} is not; use form=Periodform.DAGAR"
            )
        månader = _månadsindex_av(self.slut) - _månadsindex_av(self.start) + 1
        if form is Periodform.RULLANDE:
            if n != månader:
                raise OgiltigtVärdeError(
                    f"Period rullande: nummer (the months of the window) must be {månader} for "
                    f"{self.start.date()}–{self.slut.date()}, got {n!r}"
                )
            return
        if n is not None:
            raise OgiltigtVärdeError(f"Period {form.value} takes no nummer, got nummer={n!r}")
        if form is Periodform.ÅR and (self.start.month != 1 or self.slut.month != 12):
            raise OgiltigtVärdeError(
                f"Period: form=år needs whole calendar years, but {self.start.date()}–"
                f"{self.slut.date()} is not; use form=Periodform.MÅNADER"
            )

    # ------------------------------------------------------------------ constructors

    @classmethod
    def månad(cls, år: int, månad: int) -> Period:
        """One calendar month.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Period.månad(2023, 2))
        '2023-02'
        """
        år = _kontrollera_år(år, "Period.månad")
        return cls(
            typ=Periodform.MÅNAD,
            år=år,
            nummer=_konstruktörsnummer(månad, "Period.månad: månad (1-12)", 12),
        )

    @classmethod
    def tertial(cls, år: int, tertial: int) -> Period:
        """A tertial: T1 January-April, T2 May-August, T3 September-December.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.tertial(2023, 3).start.month
        9
        """
        år = _kontrollera_år(år, "Period.tertial")
        return cls(
            typ=Periodform.TERTIAL,
            år=år,
            nummer=_konstruktörsnummer(tertial, "Period.tertial: tertial (1-3)", 3),
        )

    @classmethod
    def kvartal(cls, år: int, kvartal: int) -> Period:
        """A quarter (*kvartal*): Q1 January-March ... Q4 October-December.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Period.kvartal(2023, 2)
        >>> str(p), p.antal_månader, p.start.month
        ('Q2 2023', 3, 4)
        """
        år = _kontrollera_år(år, "Period.kvartal")
        return cls(
            typ=Periodform.KVARTAL,
            år=år,
            nummer=_konstruktörsnummer(kvartal, "Period.kvartal: kvartal (1-4)", 4),
        )

    @classmethod
    def delår(cls, år: int) -> Period:
        """The delår: January to August (the period of the delårsrapport).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.delår(2023).slut
        Timestamp('2023-08-31 00:00:00')
        """
        return cls(typ=Periodform.DELÅR, år=_kontrollera_år(år, "Period.delår"))

    @classmethod
    def helår(cls, år: int) -> Period:
        """The full calendar year (helår).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.helår(2023).antal_månader
        12
        """
        return cls(typ=Periodform.HELÅR, år=_kontrollera_år(år, "Period.helår"))

    @classmethod
    def vecka(cls, år: int, vecka: int) -> Period:
        """An ISO 8601 week (*vecka*): Monday to Sunday, ``år`` is the ISO year.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Period.vecka(2024, 5)
        >>> str(p), p.start.date(), p.slut.date()
        ('vecka 5 2024', datetime.date(2024, 1, 29), datetime.date(2024, 2, 4))
        >>> hu.Period.vecka(2021, 1).start.date()  # week 1 of 2021 starts in January
        datetime.date(2021, 1, 4)
        """
        år = _kontrollera_år(år, "Period.vecka")
        n = _konstruktörsnummer(vecka, "Period.vecka: vecka (1-53)", 53)
        try:
            dt.date.fromisocalendar(år, n, 1)
        except ValueError:
            raise OgiltigtVärdeError(
                f"Period.vecka: ISO year {år} has no week {n} (only years with 53 weeks have "
                "week 53); pass a week in 1-52"
            ) from None
        return cls(typ=Periodform.VECKA, år=år, nummer=n)

    @classmethod
    def spann(cls, från: Datum, till: Datum) -> Period:
        """The whole months from the month of ``från`` to the month of ``till``.

        One month gives :meth:`månad`; otherwise the form is ``MÅNADER``
        (written "januari–juli 2023", "september 2022–augusti 2023").

        Parameters
        ----------
        från, till : date-like
            A day or a month ("2022-09") in the first and in the last month.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Period.spann("2022-09", "2023-08"))
        'september 2022–augusti 2023'
        >>> hu.Period.spann("2023-01-15", "2023-07-01").antal_månader
        7
        """
        a, b = _dag(från, "Period.spann: från"), _dag(till, "Period.spann: till")
        _i_ordning(
            _månadsstart(a.year, a.month),
            _månadsstart(b.year, b.month),
            "Period.spann (by month)",
            ("från", "till"),
        )
        if (a.year, a.month) == (b.year, b.month):
            return cls.månad(a.year, a.month)
        return cls(
            start=_månadsstart(a.year, a.month),
            slut=_månadsslut(b.year, b.month),
            form=Periodform.MÅNADER,
        )

    @classmethod
    def rullande(cls, år: int, månad: int, månader: int = 12) -> Period:
        """Rolling months (:term:`R12`, R18) ending with month ``månad`` of ``år``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Period.rullande(2023, 7)
        >>> str(p), p.start.date()
        ('R12 juli 2023', datetime.date(2022, 8, 1))
        >>> str(hu.Period.rullande(2023, 12, 18))
        'R18 december 2023'
        """
        månader = heltal(månader, "Period.rullande: månader", minst=1, högst=120)
        år = _kontrollera_år(år, "Period.rullande")
        sista = cls(
            typ=Periodform.MÅNAD,
            år=år,
            nummer=_konstruktörsnummer(månad, "Period.rullande: månad (1-12)", 12),
        )
        första = sista.start - pd.DateOffset(months=månader - 1)
        if första.year < ÅR_FRÅN:
            raise OgiltigtVärdeError(
                f"Period.rullande: {månader} months ending {sista} start in {första.year}, "
                f"before {ÅR_FRÅN}; check år and månader"
            )
        return cls(start=första, slut=sista.slut, form=Periodform.RULLANDE, nummer=månader)

    @classmethod
    def åren(cls, från: int, till: int) -> Period:
        """The whole calendar years ``från`` to ``till`` (written "2016–2023").

        One year gives :meth:`helår`.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Period.åren(2016, 2023)
        >>> str(p), p.antal_månader
        ('2016–2023', 96)
        """
        a = heltal(från, "Period.åren: från (a year such as 2016)", minst=ÅR_FRÅN, högst=ÅR_TILL)
        b = heltal(till, "Period.åren: till (a year such as 2023)", minst=ÅR_FRÅN, högst=ÅR_TILL)
        if b < a:
            raise OgiltigtVärdeError(f"Period.åren: till={b} is before från={a}; swap them")
        if a == b:
            return cls.helår(a)
        return cls(start=_månadsstart(a, 1), slut=_månadsslut(b, 12), form=Periodform.ÅR)

    @classmethod
    def dagar(cls, från: Datum, till: Datum) -> Period:
        """The days ``från`` to ``till``, both included (written "2024-01-03–2024-01-10").

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> p = hu.Period.dagar("2024-01-03", "2024-01-10")
        >>> str(p), p.antal_dagar
        ('2024-01-03–2024-01-10', 8)
        """
        start = _dag(från, "Period.dagar: från")
        slut = _dag(till, "Period.dagar: till")
        _i_ordning(start, slut, "Period.dagar", ("från", "till"))
        return cls(start=start, slut=slut, form=Periodform.DAGAR)

    @classmethod
    def tolka(cls, text: str) -> Period:
        """Read a period as reports write it.

        Parameters
        ----------
        text : str
            ``"2023-02"``, ``"februari 2023"``, ``"T1 2023"``, ``"Tertial 2
            2023"``, ``"Q2 2023"``, ``"andra kvartalet 2023"``, ``"Delår
            2023"``, ``"Helår 2023"``, ``"basår 2019"``, ``"2023"``,
            ``"januari–juli 2023"``, ``"jan-jun 2024"``, ``"september 2022
            till augusti 2023"``, ``"R12 juli 2023"``, ``"senaste tolv
            månaderna t.o.m. juli 2023"``, ``"2016–2023"``, ``"vecka 5
            2024"``, ``"v. 5 2024"``, ``"2024-01-03–2024-01-10"``.

        Returns
        -------
        Period

        Raises
        ------
        TolkningsError
            For any other text; the message quotes it.

        Notes
        -----
        The grammar lives in the text edge,
        :func:`halsouppfoljning.tolka.perioder.tolka_period`; this method
        hands off to it.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.tolka("tertial 2 2023") == hu.Period.tertial(2023, 2)
        True
        >>> str(hu.Period.tolka("jan-jun 2024"))
        'januari–juni 2024'
        """
        from .tolka.perioder import tolka_period  # noqa: PLC0415 - the edge, on demand

        return tolka_period(text)

    # ------------------------------------------------------------------ properties

    @property
    def typ(self) -> Periodicitet | None:
        """The :class:`Periodicitet` of a month, tertial, delår or helår; else ``None``."""
        for periodicitet, form in _KLASSISKA.items():
            if form is self.form:
                return periodicitet
        return None

    @property
    def år(self) -> int:
        """The year the period belongs to: the ISO year of a week, else the year it ends."""
        if self.form is Periodform.VECKA:
            return int(self.start.isocalendar()[0])
        return int(self.slut.year)

    @property
    def hela_månader(self) -> bool:
        """Whether the period is a span of whole months."""
        return bool(
            self.start.day == 1 and self.slut == _månadsslut(self.slut.year, self.slut.month)
        )

    @property
    def första_månad(self) -> int:
        """The calendar month (1-12) of the first day."""
        return int(self.start.month)

    @property
    def antal_dagar(self) -> int:
        """The number of days the period covers."""
        return int((self.slut - self.start).days) + 1

    @property
    def antal_månader(self) -> int:
        """The number of months the period covers (an error for a span that is not whole months)."""
        self._kräv_hela_månader("antal_månader")
        return _månadsindex_av(self.slut) - _månadsindex_av(self.start) + 1

    @property
    def månader(self) -> pd.PeriodIndex:
        """The months of the period as a monthly :class:`~pandas.PeriodIndex`."""
        self._kräv_hela_månader("månader")
        start = pd.Period(year=self.start.year, month=self.start.month, freq="M")
        return pd.period_range(start, periods=self.antal_månader, freq="M")

    @property
    def del_av_år(self) -> bool:
        """Whether the period is shorter than a year (a month, tertial, delår, week ...).

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Period.delår(2023).del_av_år, hu.Period.rullande(2023, 7).del_av_år
        (True, False)
        """
        return bool(self.slut < self.start + pd.DateOffset(years=1) - pd.Timedelta(days=1))

    def _kräv_hela_månader(self, vad: str) -> None:
        if not self.hela_månader:
            raise OgiltigtVärdeError(
                f"Period.{vad}: {self} is not a span of whole months; use start, slut and "
                "antal_dagar for a week or a span of days"
            )

    # ------------------------------------------------------------------ relations

    def innehåller(self, annan: Period | pd.Period | Datum) -> bool:
        """Whether ``annan`` (a period, or a day) lies wholly inside this period.

        Also ``annan in self``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> h = hu.Period.helår(2023)
        >>> h.innehåller(hu.Period.kvartal(2023, 4)), h.innehåller("2024-01-01")
        (True, False)
        >>> hu.Period.vecka(2023, 52) in h, hu.Period.vecka(2024, 1) in h
        (True, False)
        """
        if isinstance(annan, pd.Period):  # a pandas month (or day, quarter ...)
            annan = Period(start=annan.start_time, slut=annan.end_time)
        if isinstance(annan, Period):
            return bool(self.start <= annan.start and annan.slut <= self.slut)
        dag = _dag(annan, "Period.innehåller: annan (a Period or a day)")
        return bool(self.start <= dag <= self.slut)

    def __contains__(self, annan: object) -> bool:
        return self.innehåller(annan)  # type: ignore[arg-type]

    def snitt(self, annan: Period) -> Period | None:
        """The days two periods share (``self & annan``); ``None`` when they are disjoint.

        The result keeps the form of either period when it equals it; else a
        span of whole months is ``MÅNADER`` and anything else ``DAGAR``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> str(hu.Period.delår(2023).snitt(hu.Period.tertial(2023, 3)))
        'None'
        >>> str(hu.Period.rullande(2023, 7) & hu.Period.helår(2023))
        'januari–juli 2023'
        """
        if not isinstance(annan, Period):
            raise FelTypError(
                f"Period.snitt: annan must be a Period, got {type(annan).__name__}; read text "
                "with Period.tolka first"
            )
        start, slut = max(self.start, annan.start), min(self.slut, annan.slut)
        if slut < start:
            return None
        for p in (self, annan):
            if (p.start, p.slut) == (start, slut):
                return p
        ny = Period(start=start, slut=slut)
        if ny.form is Periodform.MÅNADER:
            return Period.spann(start, slut)
        return ny

    def __and__(self, annan: Period) -> Period | None:
        return self.snitt(annan)

    def __lt__(self, annan: object) -> bool:
        if not isinstance(annan, Period):
            raise FelTypError(
                f"Period: a period orders only against another Period, got "
                f"{type(annan).__name__}; read text with Period.tolka first"
            )
        return (self.start, self.slut) < (annan.start, annan.slut)

    def __str__(self) -> str:
        form, s, e = self.form, self.start, self.slut
        if form is Periodform.MÅNAD:
            return f"{s.year}-{s.month:02d}"
        if form is Periodform.TERTIAL:
            return f"T{self.nummer} {s.year}"
        if form is Periodform.KVARTAL:
            return f"Q{self.nummer} {s.year}"
        if form is Periodform.DELÅR:
            return f"Delår {s.year}"
        if form is Periodform.HELÅR:
            return f"Helår {s.year}"
        if form is Periodform.VECKA:
            år, vecka, _ = s.isocalendar()
            return f"vecka {vecka} {år}"
        if form is Periodform.RULLANDE:
            return f"R{self.nummer} {MÅNADSNAMN[e.month - 1]} {e.year}"
        if form is Periodform.ÅR:
            return f"{s.year}\u2013{e.year}"
        if form is Periodform.MÅNADER:
            if s.year == e.year:
                return f"{MÅNADSNAMN[s.month - 1]}\u2013{MÅNADSNAMN[e.month - 1]} {e.year}"
            return f"{MÅNADSNAMN[s.month - 1]} {s.year}\u2013{MÅNADSNAMN[e.month - 1]} {e.year}"
        return f"{s.date()}\u2013{e.date()}"


def _periodvärde_tal(värde: object) -> float:
    tal = skalär(värde, "Periodvärde: värde", saknas=True)
    rimliga_tal(tal, "Periodvärde: värde")  # an outcome of 10^15 or more is a unit error
    return tal


def _periodvärde_period(värde: object) -> Period:
    if not isinstance(värde, Period):
        raise FelTypError(
            f"Periodvärde: period must be a Period, got {värde!r}; read text with "
            "hu.Period.tolka(...) first"
        )
    return värde


@attrs.frozen
class Periodvärde:
    """A value with the :class:`Period` it belongs to (*periodvärde*).

    An outcome of January-August is not a full-year outcome: carried with its
    period, it cannot be assessed against a full-year target by mistake
    (:meth:`måluppfyllelse` refuses a part-year period unless told
    ``delår_tillåtet=True``).

    Parameters
    ----------
    värde : float
        The value (NaN when missing).
    period : Period
        The period it belongs to.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> v = hu.Periodvärde(0.81, hu.Period.tolka("januari–augusti 2023"))
    >>> str(v)
    '0.81 (januari–augusti 2023)'
    >>> v.måluppfyllelse(hu.Målnivå.minst(0.8), delår_tillåtet=True)
    <Måluppfyllelse.UPPNÅDD: 'uppnådd'>
    """

    värde: float = attrs.field(converter=_periodvärde_tal)
    period: Period = attrs.field(converter=_periodvärde_period)

    def måluppfyllelse(self, målnivå: Målnivå, **kwargs: Any) -> Any:
        """Assess the value against ``målnivå``: calls :func:`~halsouppfoljning.måluppfyllelse`.

        The period is passed as ``period=``; a part-year period needs
        ``delår_tillåtet=True``.

        Examples
        --------
        >>> import halsouppfoljning as hu
        >>> hu.Periodvärde(0.7, hu.Period.helår(2023)).måluppfyllelse(hu.Målnivå.minst(0.8))
        <Måluppfyllelse.EJ_UPPNÅDD: 'ej uppnådd'>
        """
        return måluppfyllelse(self.värde, målnivå, period=self.period, **kwargs)

    def __float__(self) -> float:
        return self.värde

    def __str__(self) -> str:
        return f"{self.värde:g} ({self.period})"


def tertial(datum: Datum | Sequence[Datum] | pd.Index | pd.Series[Any]) -> Any:
    """The tertial (1-3) of dates or months: T1 January-April, T2 May-August, T3 the rest.

    Parameters
    ----------
    datum : date-like, sequence, DatetimeIndex, PeriodIndex or Series
        Dates or monthly periods.

    Returns
    -------
    int, ndarray of int or Series
        A Series keeps its index.

    Raises
    ------
    OgiltigtVärdeError
        If a date is missing (NaT).

    Notes
    -----
    .. math:: T = \\lfloor (m - 1) / 4 \\rfloor + 1

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> hu.tertial("2023-02-15")
    1
    >>> hu.tertial(["2023-05-01", "2023-12-31"])
    array([2, 3])
    """
    if isinstance(datum, pd.Series):
        månad = _månader_av(datum)
        return pd.Series((månad - 1) // 4 + 1, index=datum.index, name=datum.name)
    if isinstance(datum, pd.Period):
        if datum.freqstr not in ("M", "ME"):
            raise OgiltigtVärdeError(
                f"tertial: datum is the period {datum} of frequency {datum.freqstr!r}; pass a "
                "day or a month"
            )
        _inom_spannet(np.array([datum.year]), str(datum))
        return int((datum.month - 1) // 4 + 1)
    if not isinstance(datum, (pd.Index, list, tuple, np.ndarray)):
        return int((rimligt_datum(datum, "tertial: datum").month - 1) // 4 + 1)
    månad = _månader_av(datum)
    return (månad - 1) // 4 + 1


def _månader_av(datum: Any) -> npt.NDArray[np.int64]:
    """The calendar months (1-12) of dates by the package's date rule, or of monthly periods."""
    if isinstance(datum, (pd.PeriodIndex, pd.Series)) and isinstance(datum.dtype, pd.PeriodDtype):
        perioder = pd.PeriodIndex(datum)
        if perioder.freqstr not in ("M", "ME"):
            raise OgiltigtVärdeError(
                f"tertial: datum holds periods of frequency {perioder.freqstr!r}; pass days or "
                "months"
            )
        if perioder.hasnans:
            raise OgiltigtVärdeError(
                f"tertial: datum has a missing period (NaT) at position "
                f"{int(np.flatnonzero(perioder.isna())[0])}; drop or fill it first"
            )
        _inom_spannet(np.asarray(perioder.year), [str(p) for p in perioder])
        return np.asarray(perioder.month, dtype=np.int64)
    if isinstance(datum, np.ndarray) and datum.ndim > 1:
        raise FelTypError(
            f"tertial: datum must be a date or a one-dimensional sequence of dates, got an "
            f"array of shape {datum.shape}"
        )
    serie = pd.Series(
        datum.to_numpy() if isinstance(datum, (pd.Series, pd.Index)) else list(datum),
        dtype=None if len(datum) else "datetime64[ns]",
    )
    if pd.api.types.infer_dtype(serie, skipna=True) == "string":
        unika = pd.unique(serie.to_numpy(dtype=object))
        karta = {v: tidpunkt(v, "tertial: datum") for v in unika if isinstance(v, str)}
        serie = serie.map(karta)
    try:  # the years before the input layer casts to nanoseconds (which wraps past 2262)
        före = pd.DatetimeIndex(serie)
    except (TypeError, ValueError, OverflowError):
        före = None  # not dates, or dates pandas cannot hold in nanoseconds (pandas 2.2)
    if före is not None:
        _inom_spannet(np.asarray(före.year, dtype=float), [str(d)[:10] for d in före])
    else:
        år = _år_utan_omvandling(serie)
        if år is not None:
            _inom_spannet(år, [str(d)[:10] for d in serie])
    tider = pd.DatetimeIndex(datumkolumn(serie, "datum", "tertial"))
    if tider.hasnans:
        raise OgiltigtVärdeError(
            f"tertial: datum has a missing date (NaT) at position "
            f"{int(np.flatnonzero(tider.isna())[0])}; drop or fill it first"
        )
    _inom_spannet(np.asarray(tider.year), [d.date().isoformat() for d in tider])
    return np.asarray(tider.month, dtype=np.int64)


def _år_utan_omvandling(serie: pd.Series) -> npt.NDArray[np.float64] | None:
    """The years of date-like values read one by one, without a cast to nanoseconds.

    None when a value is not date-like (the input layer then says what to give).
    """
    år = []
    for v in serie.to_numpy(dtype=object):
        if isinstance(v, np.datetime64):
            år.append(float(v.astype("datetime64[Y]").astype(np.int64)) + 1970.0)
        elif isinstance(v, (dt.date, pd.Timestamp)):
            år.append(float(v.year))
        else:
            return None
    return np.asarray(år, dtype=float)


def _inom_spannet(år: npt.NDArray[Any], visas: Any) -> None:
    """Refuse a year outside the package's dates (1900-2199), as a Period does."""
    utanför = np.flatnonzero((år < FÖRSTA_DATUM.year) | (år > SISTA_DATUM.year))
    if len(utanför):
        i = int(utanför[0])
        vad = visas if isinstance(visas, str) else visas[i]
        raise OgiltigtVärdeError(
            f"tertial: datum {vad} (position {i}) is outside {FÖRSTA_DATUM.isoformat()} to "
            f"{SISTA_DATUM.isoformat()}, the dates the package counts with; check the year"
        )


# --------------------------------------------------------------------------- monthly series


def _månadsindex(serie: Any, funktion: str) -> pd.PeriodIndex:
    """The monthly PeriodIndex of ``serie``; refuse gaps, duplicates and disorder."""
    if not isinstance(serie, pd.Series):
        råd = (
            "; pass one column, e.g. df['antal']"
            if isinstance(serie, pd.DataFrame)
            else ", e.g. pd.Series(values, index=pd.period_range('2023-01', periods=12, freq='M'))"
        )
        raise FelTypError(
            f"{funktion}: serie must be a pandas Series of monthly values with a DatetimeIndex "
            f"or a monthly PeriodIndex, got {type(serie).__name__}{råd}"
        )
    index = serie.index
    if isinstance(index, pd.PeriodIndex):
        if index.freqstr not in ("M", "ME"):
            raise OgiltigtVärdeError(
                f"{funktion}: serie has a PeriodIndex of frequency {index.freqstr!r}; monthly "
                "('M') values are needed, e.g. serie.resample('M').sum() first"
            )
        månader = index
    elif isinstance(index, pd.DatetimeIndex):
        if index.hasnans:
            raise OgiltigtVärdeError(
                f"{funktion}: the index of serie has a missing date (NaT); drop that row first"
            )
        # the package's date rule: an aware index counts in Swedish local time
        lokal = datumkolumn(pd.Series(index), "index", f"{funktion}: serie")
        månader = pd.DatetimeIndex(lokal).to_period("M")
    else:
        raise FelTypError(
            f"{funktion}: serie needs a DatetimeIndex or a monthly PeriodIndex, got "
            f"{type(index).__name__}; e.g. serie.index = pd.period_range('2023-01', "
            "periods=len(serie), freq='M')"
        )
    if len(månader) == 0:
        return månader
    if månader.has_duplicates:
        dubbel = månader[månader.duplicated()][0]
        raise OgiltigtVärdeError(
            f"{funktion}: the month {dubbel} occurs more than once in serie; aggregate to one "
            "value per month first"
        )
    nummer = np.asarray(månader.year, dtype=np.int64) * 12 + np.asarray(månader.month) - 1
    steg = np.diff(nummer)
    if (steg < 0).any():
        raise OgiltigtVärdeError(
            f"{funktion}: the months of serie are not in order; call serie.sort_index() first"
        )
    if (steg > 1).any():
        förväntat = pd.period_range(månader[0], månader[-1], freq="M")
        saknas = förväntat.difference(månader)
        visa = ", ".join(str(m) for m in saknas[:6]) + (" ..." if len(saknas) > 6 else "")
        raise OgiltigtVärdeError(
            f"{funktion}: {len(saknas)} month(s) missing in serie between {månader[0]} and "
            f"{månader[-1]}: {visa}. Add them (as NaN if unknown) rather than rolling over "
            "the gap"
        )
    return månader


def _månadsvärden(serie: pd.Series[Any], funktion: str) -> npt.NDArray[np.float64]:
    """The values of ``serie`` as floats: numbers only, NaN where missing, never infinity."""
    _reella(serie, f"{funktion}: serie")
    return tal_array(serie, f"{funktion}: serie")


def _kontrollera_metod(metod: object, funktion: str) -> str:
    if isinstance(metod, str) and text(metod, f"{funktion}: metod").casefold() in (
        "summa",
        "medel",
    ):
        return text(metod, f"{funktion}: metod").casefold()
    raise OgiltigtVärdeError(
        f"{funktion}: metod must be 'summa' or 'medel', got {_kort(metod)}; e.g. metod='summa'"
    )


def _kort(värde: object) -> str:
    r = " ".join(repr(värde).split())
    return r if len(r) <= 60 else r[:57] + "..."


def rullande(serie: pd.Series[float], månader: int, *, metod: str = "summa") -> pd.Series[float]:
    r"""Rolling sum or mean over the last ``månader`` months of a monthly series.

    Parameters
    ----------
    serie : Series
        One value per month, indexed by a :class:`~pandas.DatetimeIndex` or a
        monthly :class:`~pandas.PeriodIndex`, in order and without gaps.
    månader : int
        The window, e.g. 12 (R12) or 18 (R18).
    metod : {"summa", "medel"}
        Sum (counts, costs) or mean of the monthly values. For a pooled
        share, roll numerator and denominator with ``"summa"`` and divide.

    Returns
    -------
    Series
        Same index and name. NaN for the first ``månader - 1`` months (a full
        window is needed) and for every window containing a NaN.

    Raises
    ------
    OgiltigtVärdeError
        If months are missing, duplicated or out of order, a value is
        infinite, ``månader`` is outside 1-120, ``metod`` is not "summa" or
        "medel", or a sum overflows. Every message names ``serie`` or the
        argument at fault.
    FelTypError
        If ``serie`` is not a Series with a date or month index, or holds
        text or booleans.

    Notes
    -----
    .. math:: R_n(t) = \\sum_{i=0}^{n-1} x_{t-i}

    See Also
    --------
    r12, r18, ackumulerat

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series([1.0, 2, 3, 4], index=pd.period_range("2023-01", periods=4, freq="M"))
    >>> hu.rullande(s, 3).tolist()
    [nan, nan, 6.0, 9.0]
    >>> hu.rullande(s, 2, metod="medel").tolist()
    [nan, 1.5, 2.5, 3.5]

    References
    ----------
    Region Värmland, Årsredovisning 2023: indicators "redovisas per rullande
    12-månadersperiod" (vårdskador) and "rullande 18-månadersperiod"
    (depression, diabetes).
    """
    return _rullande(serie, månader, metod, "rullande")


def _rullande(serie: Any, månader: object, metod: object, funktion: str) -> pd.Series[float]:
    fönsterlängd = heltal(månader, f"{funktion}: månader", minst=1, högst=120)
    sätt = _kontrollera_metod(metod, funktion)
    _månadsindex(serie, funktion)
    värden = pd.Series(_månadsvärden(serie, funktion), index=serie.index, name=serie.name)
    fönster = värden.rolling(fönsterlängd, min_periods=fönsterlängd)
    ut = fönster.sum() if sätt == "summa" else fönster.mean()
    _kontrollera_ändligt(ut.to_numpy(), funktion)
    return ut


def _kontrollera_ändligt(ut: npt.NDArray[np.float64], funktion: str) -> None:
    """A sum of finite values that overflows is an error, never infinity in a result."""
    if np.isinf(ut).any():
        raise OgiltigtVärdeError(
            f"{funktion}: the values of serie are so large that their sum overflows "
            "(infinity); check the unit of serie (kr rather than mnkr?)"
        )


def r12(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    """Rolling 12 months (:term:`R12`): :func:`rullande` with ``månader=12``.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series(1.0, index=pd.date_range("2022-01-01", periods=13, freq="MS"))
    >>> hu.r12(s).iloc[-2:].tolist()
    [12.0, 12.0]
    """
    return _rullande(serie, 12, metod, "r12")


def r18(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    """Rolling 18 months (*R18*): :func:`rullande` with ``månader=18``.

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series(2.0, index=pd.period_range("2022-01", periods=18, freq="M"))
    >>> float(hu.r18(s, metod="medel").iloc[-1])
    2.0
    """
    return _rullande(serie, 18, metod, "r18")


def ackumulerat(serie: pd.Series[float], *, metod: str = "summa") -> pd.Series[float]:
    r"""Year-to-date accumulation (:term:`ackumulerat`, "ack") of a monthly series.

    Parameters
    ----------
    serie : Series
        One value per month (DatetimeIndex or monthly PeriodIndex), in order,
        without gaps. It may start in any month; each calendar year starts
        afresh in January.
    metod : {"summa", "medel"}
        Sum since January, or mean of the months since January.

    Returns
    -------
    Series
        Same index and name. After a NaN month the rest of that year is NaN
        (the year-to-date value is unknown); the next year starts afresh.

    Raises
    ------
    OgiltigtVärdeError
        If months are missing, duplicated or out of order.

    Notes
    -----
    .. math:: A(t) = \\sum_{i = \\mathrm{jan}}^{t} x_i

    A series starting mid-year accumulates from its first month, which is
    then not a true year-to-date value: start it in January.

    See Also
    --------
    rullande

    Examples
    --------
    >>> import pandas as pd
    >>> import halsouppfoljning as hu
    >>> s = pd.Series([1.0, 2, 3, 4], index=pd.period_range("2022-11", periods=4, freq="M"))
    >>> hu.ackumulerat(s).tolist()
    [1.0, 3.0, 3.0, 7.0]

    References
    ----------
    Region Värmland, Årsredovisning 2023: "Måluppfyllelsen styrs av det
    ackumulerade utfallet under året"; Region Västmanland, Månadsrapport
    februari 2023 ("Sjukfrånvaro, ack").
    """
    sätt = _kontrollera_metod(metod, "ackumulerat")
    månader = _månadsindex(serie, "ackumulerat")
    x = _månadsvärden(serie, "ackumulerat")
    if x.size == 0:
        return pd.Series(x, index=serie.index, name=serie.name)
    år = np.asarray(månader.year, dtype=np.int64)
    ny = np.r_[True, år[1:] != år[:-1]]
    grupp = np.cumsum(ny) - 1
    start = np.flatnonzero(ny)
    saknas = np.isnan(x)
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused below
        totalt = np.cumsum(np.where(saknas, 0.0, x))
    före = np.r_[0.0, totalt][start][grupp]
    with np.errstate(invalid="ignore"):
        summa = totalt - före
    nan_antal = np.cumsum(saknas)
    nan_före = np.r_[0, nan_antal][start][grupp]
    summa = np.where(nan_antal - nan_före > 0, np.nan, summa)
    if sätt == "medel":
        antal = np.arange(x.size) - start[grupp] + 1
        summa = summa / antal
    _kontrollera_ändligt(summa, "ackumulerat")
    return pd.Series(summa, index=serie.index, name=serie.name)
