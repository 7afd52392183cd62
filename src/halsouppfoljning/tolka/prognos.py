"""Forecasts as Swedish reports write them: "Årsprognos, -890 mnkr +20/-50 mnkr".

The grammar behind :meth:`halsouppfoljning.Prognos.tolka`, which hands off to
:func:`tolka_prognos`. A point with an upside and a downside ("-890 mnkr
+20/-50 mnkr", "-890 +20/-50 mnkr", "Helårsprognos: -890 mnkr (-50/+20)"), a
symmetric range ("-890 mnkr ±30") or a point alone ("Prognos -53,6 mnkr"); a
leading label ending in "prognos" and a final full stop are dropped, and a
unit written once applies to all amounts.

Examples
--------
>>> from halsouppfoljning.tolka.prognos import tolka_prognos
>>> tolka_prognos("Årsprognos, -890 mnkr +20/-50 mnkr").intervall
(-940.0, -870.0)
"""

from __future__ import annotations

import math
import re

from .._indata import Datum, kort, skalär
from .._indata import text as _text_in
from ..exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from ..perioder import Period
from ..prognos import Prognos, prognosintervall
from ._grund import MINUSKLASS, PENNINGENHETER, enkla_mellanrum
from .tal import tolka_belopp

__all__ = ["tolka_prognos", "tolka_prognosrevision"]


def tolka_prognos(
    text: str,
    *,
    enhet: str = "mnkr",
    avser: str | Period | None = None,
    upprättad: Datum | Period | None = None,
    budget: float | None = None,
    föregående: float | Prognos | None = None,
    metod: str | None = None,
) -> Prognos:
    """Read a forecast as reports write it (the grammar of :meth:`Prognos.tolka`).

    Parameters
    ----------
    text : str
        E.g. "Årsprognos, -890 mnkr +20/-50 mnkr", "Prognos - 890 mkr
        +20/-50 mnkr.", "-890 +20/-50 mnkr", "Helårsprognos: -890 mnkr
        (-50/+20)", "Prognos -53,6 mnkr" (no interval: nedre and övre NaN),
        "-890 mnkr ±30".

        Prose as reports write it: "Prognosen för helåret justerades till
        -250 miljoner kronor", "ett prognostiserat överskott på 120 mnkr",
        "ett underskott på 40 mnkr" (the sign from the word), "mellan -900
        och -850 mnkr" (an interval alone: the point is NaN, nothing is
        guessed), and a revision "prognosen har försämrats med 35 mnkr" /
        "förbättrats med" (needs ``föregående``: the new forecast is the
        previous one plus the signed revision).
    enhet : str
        The unit of the result (amounts are converted, "mkr" is mnkr).
    avser, upprättad, budget, föregående, metod
        Further fields of the :class:`~halsouppfoljning.Prognos`.

    Returns
    -------
    Prognos

    Raises
    ------
    TolkningsError
        If the text is not a forecast, quoting it; if a deficit or surplus
        is written with its own sign ("underskott på -40 mnkr" is
        ambiguous); if the text is a revision and ``föregående`` is not
        given; if the text holds only a missing marker ("Prognos -").
    FelTypError
        If ``text`` is not a string, or ``föregående`` is neither a number
        nor a Prognos.
    OgiltigtVärdeError
        If ``enhet`` is not a money unit ("kr", "tkr", "mnkr", "mdkr"), or
        the fields fail the checks of :class:`~halsouppfoljning.Prognos`.

    Examples
    --------
    >>> from halsouppfoljning.tolka.prognos import tolka_prognos
    >>> p = tolka_prognos("-890 mnkr ±30", avser="helår 2023")
    >>> p.intervall, p.avser
    ((-920.0, -860.0), 'helår 2023')
    >>> tolka_prognos("Prognosen för helåret justerades till -250 miljoner kronor").värde
    -250.0
    >>> tolka_prognos("ett underskott på 40 mnkr").värde
    -40.0
    >>> p = tolka_prognos("prognosen har försämrats med 35 mnkr", föregående=-215)
    >>> p.värde, p.revidering
    (-250.0, -35.0)
    """
    vad = "Prognos.tolka"
    text = _text_in(text, f"{vad}: text", tom=True)
    enhet = _penningenhet(enhet, vad)
    try:
        prosa = _tolka_prosa(text, enhet)
        if prosa is None:
            prosa = _punkt_och_intervall(text, text, enhet)
    except TolkningsError as fel:
        raise TolkningsError(f"{vad}: {_med_texten(fel, text)}") from None
    if isinstance(prosa, float):  # a revision: the new forecast is the previous one plus it
        förra = _föregående_värde(föregående)
        if math.isnan(förra):
            raise TolkningsError(
                f"{vad}: cannot read the text {text!r} as a forecast: it gives only the revision "
                f"({prosa:+g} {enhet}) against the previous forecast; pass föregående= (the "
                "previous forecast) to get the new one, or read the revision alone with "
                "tolka_prognosrevision"
            )
        värde, nedre, övre = förra + prosa, math.nan, math.nan
    else:
        värde, nedre, övre = prosa
    if math.isnan(värde) and math.isnan(nedre) and math.isnan(övre):
        raise TolkningsError(
            f"{vad}: the text {text!r} holds no forecast, only a missing marker; give the "
            "forecast, or leave it out"
        )
    return Prognos(
        värde=värde,
        nedre=nedre,
        övre=övre,
        enhet=enhet,
        avser=avser,
        upprättad=upprättad,
        budget=budget,
        föregående=föregående,
        metod=metod,
    )


_MINUS = MINUSKLASS
_ETIKETT_RE = re.compile(rf"^[^\d+{_MINUS}]*?prognos\w*\s*(?:[,:]|på\b|om\b)?\s*", re.IGNORECASE)
_DEL = rf"[+{_MINUS}]\s?\d[\d\u00a0 ]*(?:[,.]\d+)?"
_INTERVALL_RE = re.compile(
    rf"^(?P<punkt>.+?)[\s,;]*\(?\s*(?P<a>{_DEL})\s*(?P<ea>[^\d/()+{_MINUS}]*?)\s*/\s*"
    rf"(?P<b>{_DEL})\s*(?P<eb>[^\d/()+{_MINUS}]*?)\s*\)?$"
)
_PLUSMINUS_RE = re.compile(
    r"^(?P<punkt>.+?)[\s,;]*\(?\s*(?:±|\+/-|\+-)\s*(?P<c>\d[\d\u00a0 ]*(?:[,.]\d+)?)"
    r"\s*(?P<ec>[^\d()]*?)\s*\)?$"
)
_ENHET_RE = re.compile(r"(?<=\d)\s*(?P<e>[^\d\s][^\d]*)$")


def _tolka_prognostext(text: str, enhet: str) -> tuple[float, float, float]:
    """(värde, upp, ned) from a forecast text; upp and ned NaN when no interval is written."""
    t = enkla_mellanrum(_text_in(text, "Prognos.tolka: text", tom=True))
    t = _ETIKETT_RE.sub("", t, count=1).rstrip(" .")

    def belopp(del_text: str, reserv: str) -> float:
        del_text = del_text.strip()
        if reserv and _ENHET_RE.search(del_text) is None:
            del_text = f"{del_text} {reserv}"
        try:
            return float(tolka_belopp(del_text, enhet=enhet))
        except TolkningsError:
            raise TolkningsError(
                f"cannot read the text {text!r} as a forecast: {del_text!r} is not an amount; "
                "expected a form such as 'Årsprognos, -890 mnkr +20/-50 mnkr'"
            ) from None

    def enhet_i(del_text: str) -> str:
        träff = _ENHET_RE.search(del_text.strip())
        return träff["e"].strip() if träff else ""

    träff = _INTERVALL_RE.match(t)
    if träff is not None:
        sista = träff["eb"].strip() or träff["ea"].strip()
        punkt_enhet = enhet_i(träff["punkt"]) or sista
        värde = belopp(träff["punkt"], punkt_enhet)
        delar = [
            (träff["a"], träff["ea"].strip() or sista or punkt_enhet),
            (träff["b"], sista or punkt_enhet),
        ]
        upp_delar = [d for d in delar if d[0].startswith("+")]
        ned_delar = [d for d in delar if not d[0].startswith("+")]
        if len(upp_delar) != 1 or len(ned_delar) != 1:
            raise TolkningsError(
                f"cannot read the text {text!r} as a forecast: the interval needs one upside "
                "with '+' and one downside with '-', as in '+20/-50 mnkr'"
            )
        upp = belopp(*upp_delar[0])
        ned = belopp(*ned_delar[0])
        return värde, upp, ned
    träff = _PLUSMINUS_RE.match(t)
    if träff is not None:
        punkt_enhet = enhet_i(träff["punkt"]) or träff["ec"].strip()
        värde = belopp(träff["punkt"], punkt_enhet)
        halv = belopp(träff["c"], träff["ec"].strip() or punkt_enhet)
        return värde, halv, -halv
    if not t:
        raise TolkningsError(f"cannot read the text {text!r} as a forecast: it holds no amount")
    return belopp(t, ""), math.nan, math.nan


# --------------------------------------------------------------------------- prose

_ORD = r"[^\d+\u00b1" + _MINUS + r"]*?"
_REVISION_RE = re.compile(
    rf"^{_ORD}\b\w*prognos\w*\b{_ORD}\b(?:har |hade )?(?P<ord>försämrats|förbättrats|försämras|"
    r"förbättras|försämrades|förbättrades|sänkts|höjts|sänktes|höjdes) med (?P<b>.+?)"
    r"(?: (?:jämfört med|sedan|mot) (?:föregående|förra|den förra|den föregående)\b.*)?$"
)
_SALDO_RE = re.compile(rf"^{_ORD}\b(?P<ord>överskott|underskott)(?:et)? (?:på|om) (?P<b>.+)$")
_SATT_RE = re.compile(
    rf"^{_ORD}\b\w*prognos\w*\b{_ORD}\b(?:justerades|justeras|har justerats|reviderades|"
    r"revideras|har reviderats|uppgår|uppgick|beräknas|bedöms|landar|hamnar|pekar|visar|är|var)"
    r"(?: nu)?(?: till| på| mot)? (?P<b>.+)$"
)
_MELLAN_RE = re.compile(r"^(?:(?P<etikett>[^\d]*?)\s)?mellan (?P<a>.+?) och (?P<b>.+)$")
_SÄMRE = ("försämr", "sänk")


def _föregående_värde(föregående: float | Prognos | None) -> float:
    if isinstance(föregående, Prognos):
        return föregående.värde
    if isinstance(föregående, str):
        raise FelTypError(
            f"Prognos.tolka: föregående must be a number or a Prognos, got the text "
            f"{kort(föregående)}; read it first with Prognos.tolka"
        )
    try:
        return skalär(föregående, "Prognos.tolka: föregående", saknas=True)
    except OgiltigtVärdeError as fel:  # infinity: add the fix
        if "must be finite" not in str(fel):
            raise
        raise OgiltigtVärdeError(
            f"{fel}; give the previous forecast, or leave föregående out"
        ) from None


def _med_texten(fel: TolkningsError, text: str) -> str:
    """The message of ``fel``, naming the caller's whole text when it quotes only a part."""
    meddelande = str(fel)
    return meddelande if repr(text) in meddelande else f"{meddelande} (in the text {text!r})"


def _penningenhet(enhet: object, vad: str) -> str:
    """The money unit of the result, one of PENNINGENHETER (any case)."""
    e = _text_in(enhet, f"{vad}: enhet").casefold()
    if e not in PENNINGENHETER:
        raise OgiltigtVärdeError(
            f"{vad}: enhet must be a money unit, one of {', '.join(map(repr, PENNINGENHETER))}, "
            f"got {kort(enhet)}; e.g. enhet='mnkr' (write 'mkr' as 'mnkr')"
        )
    return e


def _tolka_prosa(text: str, enhet: str) -> float | tuple[float, float, float] | None:
    """A prose forecast: a revision (float), (värde, nedre, övre), or None if not prose."""
    t = enkla_mellanrum(_text_in(text, "Prognos.tolka: text", tom=True)).rstrip(" .")
    liten = t.casefold()
    if (träff := _REVISION_RE.match(liten)) is not None:
        return _revision(text, t[träff.start("b") : träff.end("b")], träff["ord"], enhet)
    if (träff := _SALDO_RE.match(liten)) is not None:
        belopp = t[träff.start("b") :]
        if re.match(rf"^(?:mellan )?[+{_MINUS}]", belopp.casefold()):
            raise TolkningsError(
                f"cannot read the text {text!r} as a forecast: a {träff['ord']} is written "
                f"without a sign (the word gives it); got {belopp!r}"
            )
        värde, nedre, övre = _punkt_och_intervall(belopp, text, enhet)
        if träff["ord"] == "underskott":
            return -värde, -övre, -nedre
        return värde, nedre, övre
    if (träff := _SATT_RE.match(liten)) is not None:
        return _punkt_och_intervall(t[träff.start("b") :], text, enhet)
    if _MELLAN_RE.match(liten) is not None:
        return _punkt_och_intervall(t, text, enhet)
    return None


def _punkt_och_intervall(del_text: str, text: str, enhet: str) -> tuple[float, float, float]:
    """(värde, nedre, övre) of an amount with an optional interval, or an interval in words."""
    t = enkla_mellanrum(_text_in(del_text, "Prognos.tolka: text", tom=True)).rstrip(" .")
    träff = _MELLAN_RE.match(t.casefold())
    if träff is not None and (
        not träff["etikett"] or re.search(r"prognos|intervall", träff["etikett"])
    ):
        a = t[träff.start("a") : träff.end("a")]
        b = t[träff.start("b") :]
        nedre, _, _ = _tolka_prognostext(a + _enhet_efter(a, b), enhet)
        övre, _, _ = _tolka_prognostext(b, enhet)
        if nedre > övre:
            raise TolkningsError(
                f"cannot read the text {text!r} as a forecast: the interval's lower end {nedre:g} "
                f"exceeds its upper end {övre:g}"
            )
        return math.nan, nedre, övre
    värde, upp, ned = _tolka_prognostext(t, enhet)
    nedre, övre = (math.nan, math.nan) if math.isnan(upp) else prognosintervall(värde, upp, ned)
    return värde, nedre, övre


def _enhet_efter(a: str, b: str) -> str:
    """The unit of ``b`` for ``a`` when ``a`` has none ("mellan -900 och -850 mnkr")."""
    if _ENHET_RE.search(a.strip()) is not None:
        return ""
    träff = _ENHET_RE.search(b.strip())
    return f" {träff['e'].strip()}" if träff else ""


def _revision(text: str, belopp: str, ord_: str, enhet: str) -> float:
    if re.match(rf"^[+{_MINUS}]", belopp):
        raise TolkningsError(
            f"cannot read the text {text!r} as a revision: the amount is written without a "
            f"sign (the word {ord_!r} gives it); got {belopp!r}"
        )
    värde, upp, _ = _tolka_prognostext(belopp, enhet)
    if not math.isnan(upp):
        raise TolkningsError(
            f"cannot read the text {text!r} as a revision: a revision is one amount, got {belopp!r}"
        )
    return -värde if ord_.startswith(_SÄMRE) else värde


def tolka_prognosrevision(text: str, *, enhet: str = "mnkr") -> float:
    """Read a forecast revision in prose: the signed change against the previous forecast.

    Parameters
    ----------
    text : str
        "prognosen har försämrats med 35 mnkr" (-35), "Prognosen har
        förbättrats med 12 mnkr jämfört med föregående månad" (+12); also
        "sänkts", "höjts" and the past tense ("försämrades"). The amount is
        written without a sign: the verb gives it.
    enhet : str
        The unit of the result.

    Returns
    -------
    float
        The revision [enhet]: positive is a better forecast, the sign of
        :attr:`Prognos.revidering <halsouppfoljning.Prognos.revidering>`.

    Raises
    ------
    TolkningsError
        If the text is not a revision, or the amount carries its own sign.
    OgiltigtVärdeError
        If ``enhet`` is not a money unit ("kr", "tkr", "mnkr", "mdkr").

    See Also
    --------
    tolka_prognos : with ``föregående=`` gives the new forecast from a revision.

    Examples
    --------
    >>> from halsouppfoljning.tolka.prognos import tolka_prognosrevision
    >>> tolka_prognosrevision("prognosen har försämrats med 35 mnkr")
    -35.0
    >>> tolka_prognosrevision("Helårsprognosen förbättrades med 12,5 miljoner kronor.")
    12.5
    """
    vad = "tolka_prognosrevision"
    t = enkla_mellanrum(_text_in(text, f"{vad}: text", tom=True)).rstrip(" .")
    enhet = _penningenhet(enhet, vad)
    träff = _REVISION_RE.match(t.casefold())
    if träff is None:
        raise TolkningsError(
            f"{vad}: cannot read the text {text!r} as a forecast revision: expected a form "
            "such as 'prognosen har försämrats med 35 mnkr' or 'prognosen har förbättrats med "
            "12 mnkr'"
        )
    try:
        return _revision(text, t[träff.start("b") : träff.end("b")], träff["ord"], enhet)
    except TolkningsError as fel:
        raise TolkningsError(f"{vad}: {_med_texten(fel, text)}") from None
