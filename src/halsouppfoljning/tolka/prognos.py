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

from .._indata import Datum
from .._indata import text as _text_in
from ..exceptions import TolkningsError
from ..perioder import Period
from ..prognos import Prognos, prognosintervall
from ._grund import MINUSKLASS, enkla_mellanrum
from .tal import tolka_belopp

__all__ = ["tolka_prognos"]


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
        If the text is not a forecast, quoting it.
    FelTypError
        If ``text`` is not a string.

    Examples
    --------
    >>> from halsouppfoljning.tolka.prognos import tolka_prognos
    >>> p = tolka_prognos("-890 mnkr ±30", avser="helår 2023")
    >>> p.intervall, p.avser
    ((-920.0, -860.0), 'helår 2023')
    """
    värde, upp, ned = _tolka_prognostext(text, enhet)
    nedre, övre = (math.nan, math.nan) if math.isnan(upp) else prognosintervall(värde, upp, ned)
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
_ETIKETT_RE = re.compile(rf"^[^\d+{_MINUS}]*?prognos\w*\s*[,:]?\s*", re.IGNORECASE)
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
                f"cannot read {text!r} as a forecast: {del_text!r} is not an amount; expected "
                "a form such as 'Årsprognos, -890 mnkr +20/-50 mnkr'"
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
                f"cannot read {text!r} as a forecast: the interval needs one upside with '+' "
                "and one downside with '-', as in '+20/-50 mnkr'"
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
        raise TolkningsError(f"cannot read {text!r} as a forecast: it holds no amount")
    return belopp(t, ""), math.nan, math.nan
