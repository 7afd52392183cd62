"""Targets (*målnivåer*) as Swedish follow-up reports write them.

The grammar behind :meth:`halsouppfoljning.Målnivå.tolka`, which hands off to
:func:`tolka_målnivå`: limits with symbols or words ("≥ 80 %", "högst 10
procent", "<0,5/100 vpl"), bare levels with a direction ("85 %"), bands
("85-90 %"), composite targets ("90/80/80"), relative change ("ökning
≥10%/år"), direction against the previous value ("Lägre än fg år"), "Enligt
plan", two levels ("delmål 50 procent med totalmål 80 procent") and no target
("-"). The result is built with the public constructors of
:class:`~halsouppfoljning.Målnivå`, so every target read is one the domain
class validates.

Examples
--------
>>> from halsouppfoljning.tolka.malniva import tolka_målnivå
>>> str(tolka_målnivå("högst 10 procent"))
'≤ 10 %'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import attrs

from .._indata import text as _text_in
from ..exceptions import AndelsError, HalsouppfoljningError, OgiltigtVärdeError, TolkningsError
from ..indikatorer import PROCENTENHETER, Målnivå, Måltyp, Riktning
from ._grund import (
    ENHETER,
    MINUSTECKEN,
    TAL,
    Läsare,
    OläsligError,
    enkla_mellanrum,
    förbered,
    läs,
    läs_intervall,
)

__all__ = ["tolka_målnivå"]

#: Written operators (symbols and words), longest first, -> canonical operator.
_OPERATORORD: tuple[tuple[str, str], ...] = (
    ("inte mindre än", ">="),
    ("inte färre än", ">="),
    ("inte lägre än", ">="),
    ("inte mer än", "<="),
    ("inte fler än", "<="),
    ("inte högre än", "<="),
    ("ej mindre än", ">="),
    ("ej mer än", "<="),
    ("inte under", ">="),
    ("inte över", "<="),
    ("överstiger", ">"),
    ("överskrider", ">"),
    ("understiger", "<"),
    ("inte överstiga", "<="),
    ("ej överstiga", "<="),
    ("inte understiga", ">="),
    ("ej understiga", ">="),
    ("mindre än", "<"),
    ("färre än", "<"),
    ("lägre än", "<"),
    ("kortare än", "<"),
    ("mer än", ">"),
    ("fler än", ">"),
    ("högre än", ">"),
    ("längre än", ">"),
    ("maximalt", "<="),
    ("max.", "<="),
    ("max", "<="),
    ("högst", "<="),
    ("minst", ">="),
    ("lägst", ">="),
    ("under", "<"),
    ("över", ">"),
    (">=", ">="),
    ("=>", ">="),
    ("≥", ">="),
    ("<=", "<="),
    ("=<", "<="),
    ("≤", "<="),
    (">", ">"),
    ("<", "<"),
)
#: The limit constructors by canonical operator.
_GRÄNSER: dict[str, Callable[..., Målnivå]] = {
    ">=": Målnivå.minst,
    ">": Målnivå.över,
    "<=": Målnivå.högst,
    "<": Målnivå.under,
}
_INGET = frozenset({"-", "–", "—", "−", "inget mål", "mål saknas", "ej aktuell", "ej aktuellt"})
_FG = r"(?:fg\.?|föreg\.?|föregående)\s+år"
_MOT_FÖREGÅENDE_RE = re.compile(
    rf"^(?P<ord>öka|minska|fler|färre|högre|lägre|förbättras|förbättring)"
    rf"(?:\s+(?:än|jämfört\s+med|mot)\s+{_FG})?\.?$"
)
_UPPÅT = {"öka", "fler", "högre"}
_TAL_TEXT = r"\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
_OP_TEXT = r"≥|≤|>=|<=|=>|=<|>|<|minst|högst|över|under|mer än|mindre än"
_RELATIV_FÖRE_RE = re.compile(
    rf"^(?P<ord>ökning|minskning)\s*(?P<op>{_OP_TEXT})?\s*(?P<tal>{_TAL_TEXT})\s*"
    r"(?:%|procent)\s*(?P<år>(?:/|per)\s*år)?\.?$"
)
_RELATIV_EFTER_RE = re.compile(
    rf"^(?P<op>{_OP_TEXT})?\s*(?P<tal>{_TAL_TEXT})\s*(?:%|procent)\s*"
    r"(?P<ord>ökning|minskning)\s*(?P<år>(?:/|per)\s*år)?\.?$"
)
_TVÅNIVÅ_RE = re.compile(
    r"^delmål(?:\s*:\s*|\s+(?:på|om)\s+|\s+)(?P<del>.+?),?\s+(?:med|och)\s+(?:ett\s+)?"
    r"(?:totalmål|slutmål)(?:\s*:\s*|\s+(?:på|om)\s+|\s+)(?P<tot>.+)$",
    re.IGNORECASE,
)
#: A deadline at the end: "vid utgången av 2025", "senast 2027", "till år 2030", "2030".
_SENAST_RE = re.compile(
    r"^(?P<kärna>.+?),?\s+(?P<ord>(?:vid\s+utgången\s+av|i\s+slutet\s+av|senast|till|år)"
    r"(?:\s+år)?\s+)?(?P<år>(?:19|20|21)\d{2})\.?$",
    re.IGNORECASE,
)
#: A qualifier at the end: "varje månad", "per år", "av befolkningen", "i alla regioner".
_VILLKOR_RE = re.compile(
    r"^(?P<kärna>.+?),?\s+(?P<v>(?:varje|per|av|bland|inom|i\s+alla|i\s+samtliga|i\s+varje"
    r"|i\s+hela)(?:\s+(?!(?:varje|per|av|bland|inom|i)\b)[^\d\s]+){1,3}?"
    r"|inom\s+\d+(?:\s+[^\d\s]+){1,2}?)\.?$",
    re.IGNORECASE,
)
#: An operator after the number: "90 procent eller högre", "48 eller lägre".
_EFTERSTÄLLD_RE = re.compile(
    r"^(?P<v>.+?)\s+eller\s+(?P<ord>högre|mer|fler|över|lägre|mindre|färre|under)\.?$",
    re.IGNORECASE,
)
#: The counted part of a rate: a number and what it counts ("3 utlokaliserade").
_RÄKNAT_RE = re.compile(rf"^(?P<tal>[+{re.escape(MINUSTECKEN)}]?\s?{TAL})\s*(?P<vad>\D*)$")
_SAMMANSATT_RE = re.compile(
    r"^(?P<tal>\d+(?:,\d+)?(?:\s*/\s*\d+(?:,\d+)?)+)\s*(?P<enhet>%|procent)?$"
)
_KVOT_RE = re.compile(
    r"^(?P<tal>.+?)\s*(?:/|\sper\s)\s*(?P<nämnare>\d[\d ]*)\s*(?P<enhet>[^\d\s/].*)$"
)


def _delat(x: float, nämnare: int) -> float:
    return float(Decimal(repr(float(x))) / nämnare)


def tolka_målnivå(
    text: str, riktning: Riktning | str | None = None, *, enhet: str | None = None
) -> Målnivå:
    """Read a target as a report writes it (the grammar of :meth:`Målnivå.tolka`).

    Parameters
    ----------
    text : str
        The target text; see :meth:`halsouppfoljning.Målnivå.tolka` for the
        forms read.
    riktning : Riktning or str, optional
        The indicator's direction (or its value, "högre är bättre"). Needed
        for bare levels; checked against the operator where the text has one.
    enhet : str, optional
        The unit of numbers written without one (``"andel"``, ``"%"`` ...).

    Returns
    -------
    Målnivå
        With ``text`` set to the original text.

    Raises
    ------
    TolkningsError
        If the text is none of the forms read; the message quotes it.
    OgiltigtVärdeError
        If a bare level comes without ``riktning``, or ``riktning``
        contradicts the text.
    FelTypError
        If ``text`` is not a string, or ``riktning``/``enhet`` are of the
        wrong type.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.tolka.malniva import tolka_målnivå
    >>> tolka_målnivå("85-90 %") == hu.Målnivå.intervall(0.85, 0.9, enhet="andel")
    True
    >>> tolka_målnivå("85 %", "högre är bättre").operator
    '>='
    """
    _text_in(text, "Målnivå.tolka: text")
    # the class's own converters read riktning and enhet (one rule for both paths)
    normal = Målnivå(typ=Måltyp.INGET, riktning=riktning, enhet=enhet)
    with Läsare("Målnivå.tolka", text):
        try:
            m = _tolka(text, normal.riktning, normal.enhet)
        except OläsligError as fel:
            if fel.klass is not TolkningsError or fel.som == "a target":
                raise
            raise OläsligError(
                text, "a target", f"{fel}; see Målnivå.tolka for the forms read"
            ) from None
        except AndelsError:
            # a level read from text, refused by the class: say it in the text's terms
            raise OläsligError(
                text,
                "the target",
                "has a percentage outside 0-100 % (a target in percent is kept as a share "
                "in [0, 1]); write the level in percent within that range",
                klass=AndelsError,
            ) from None
        except HalsouppfoljningError as fel:
            raise OläsligError(text, "the target", f"is refused: {fel}", klass=type(fel)) from None
    return attrs.evolve(m, text=text)


def _tolka(text: str, riktning: Riktning | None, enhet: str | None) -> Målnivå:
    """The target with its qualifiers and deadline: the core first, then the suffixes."""
    try:
        return _tolka_kärna(text, riktning, enhet)
    except OläsligError as fel:
        if fel.klass is not TolkningsError:
            raise
        kärna, villkor, senast = _dela_tillägg(enkla_mellanrum(text))
        if not villkor and senast is None:
            raise fel from None
    m = _tolka_kärna(kärna, riktning, enhet)
    if m.typ in (Måltyp.TVÅNIVÅ, Måltyp.INGET):
        raise OläsligError(
            text,
            "a target",
            "qualifiers and deadlines go with a target level (each level of a two-level "
            "target), not with no target or after a two-level target",
        )
    return attrs.evolve(m, villkor=villkor, senast=senast)


def _dela_tillägg(t: str) -> tuple[str, tuple[str, ...], int | None]:
    """Split qualifiers and a deadline off the end of ``t``: (core, villkor, senast)."""
    villkor: list[str] = []
    senast: int | None = None
    while True:
        träff = _SENAST_RE.match(t)
        if (
            träff
            and senast is None
            and (träff["ord"] or träff["kärna"][-1:].isalpha() or träff["kärna"][-1:] == "%")
        ):
            senast, t = int(träff["år"]), träff["kärna"]
            continue
        träff = _VILLKOR_RE.match(t)
        if träff:
            villkor.insert(0, " ".join(träff["v"].split()))
            t = träff["kärna"]
            continue
        return t, tuple(villkor), senast


def _tolka_kärna(text: str, riktning: Riktning | None, enhet: str | None) -> Målnivå:
    t = enkla_mellanrum(text)
    s = t.casefold()
    if s in _INGET:
        return Målnivå(typ=Måltyp.INGET, riktning=riktning)
    if s.rstrip(".") in {"enligt plan", "enl. plan", "enl plan"}:
        return Målnivå.enligt_plan(riktning)
    träff = _MOT_FÖREGÅENDE_RE.match(s)
    if träff:
        ord_ = träff["ord"]
        r = (
            Riktning.HÖGRE_ÄR_BÄTTRE
            if ord_ in _UPPÅT or ord_.startswith("förbättr")
            else Riktning.LÄGRE_ÄR_BÄTTRE
        )
        if ord_.startswith("förbättr"):
            if riktning not in (Riktning.HÖGRE_ÄR_BÄTTRE, Riktning.LÄGRE_ÄR_BÄTTRE):
                raise OläsligError(
                    text,
                    "the target",
                    "asks for an improvement, so it needs riktning=Riktning.HÖGRE_ÄR_BÄTTRE "
                    "or Riktning.LÄGRE_ÄR_BÄTTRE",
                    klass=OgiltigtVärdeError,
                )
            r = riktning
        _kontrollera_riktning(text, r, riktning)
        return Målnivå(typ=Måltyp.MOT_FÖREGÅENDE, riktning=r)
    träff = _RELATIV_FÖRE_RE.match(s) or _RELATIV_EFTER_RE.match(s)
    if träff:
        op = _läs_operator(träff["op"] or "≥")
        if op not in (">", ">="):
            raise OläsligError(text, "a target", "a required change takes '≥', '>' or 'minst'")
        r = Riktning.HÖGRE_ÄR_BÄTTRE if träff["ord"] == "ökning" else Riktning.LÄGRE_ÄR_BÄTTRE
        _kontrollera_riktning(text, r, riktning)
        värde, _ = läs(träff["tal"] + " %", text)
        return Målnivå(typ=Måltyp.RELATIV_FÖRÄNDRING, operator=op, gräns=värde, riktning=r)
    träff = _TVÅNIVÅ_RE.match(t)
    if träff:
        delmål = _tolka(träff["del"], riktning, enhet)
        totalmål = _tolka(träff["tot"], riktning, enhet)
        return Målnivå.tvånivå(delmål, totalmål)
    träff = _SAMMANSATT_RE.match(s)
    if träff:
        delenhet = (enhet if enhet == "förändring" else "andel") if träff["enhet"] else enhet
        delar = [p.strip() for p in träff["tal"].split("/")]
        return Målnivå.sammansatt(*(_tolka(p, riktning, delenhet) for p in delar))
    operator, rest = _dela_operator(t)
    efter = _EFTERSTÄLLD_RE.match(t)
    if operator is None and efter:
        operator = ">=" if efter["ord"].casefold() in {"högre", "mer", "fler", "över"} else "<="
        rest = efter["v"]
    if operator is None:
        try:
            nedre, övre, e = _läs_intervall(rest, enhet)
        except OläsligError as fel:
            if fel.klass is not TolkningsError:
                raise
        else:
            if riktning not in (None, Riktning.INOM_INTERVALL):
                raise OläsligError(
                    text,
                    "the target",
                    f"is a band, so its riktning is INOM_INTERVALL, not {riktning}; pass "
                    "riktning=Riktning.INOM_INTERVALL or none",
                    klass=OgiltigtVärdeError,
                )
            return Målnivå.intervall(nedre, övre, enhet=e)
    värde, e = _läs_värde(rest, text, enhet)
    if operator is None:
        if riktning is None:
            raise OläsligError(
                text,
                "the target",
                "is a bare level: pass riktning=Riktning.HÖGRE_ÄR_BÄTTRE (at least) or "
                "Riktning.LÄGRE_ÄR_BÄTTRE (at most)",
                klass=OgiltigtVärdeError,
            )
        return Målnivå.nivå(värde, riktning, enhet=e)
    uppåt = operator.startswith(">")
    _kontrollera_riktning(
        text, Riktning.HÖGRE_ÄR_BÄTTRE if uppåt else Riktning.LÄGRE_ÄR_BÄTTRE, riktning
    )
    return _GRÄNSER[operator](värde, enhet=e)


def _kontrollera_riktning(text: str, funnen: Riktning, given: Riktning | None) -> None:
    if given is not None and given is not funnen:
        raise OläsligError(
            text,
            "the target",
            f"says {funnen.value!r} but riktning={given} was passed; check the indicator's "
            "direction",
            klass=OgiltigtVärdeError,
        )


def _läs_operator(op: str) -> str:
    op = op.strip().casefold()
    for ord_, kanon in _OPERATORORD:
        if op == ord_:
            return kanon
    raise OläsligError(op, "an operator", "unknown")  # pragma: no cover - regex guards it


def _dela_operator(t: str) -> tuple[str | None, str]:
    s = t.casefold()
    for ord_, kanon in _OPERATORORD:
        if s.startswith(ord_):
            rest = t[len(ord_) :]
            if ord_[-1].isalpha() and rest and not rest[0].isspace():
                continue  # "undervikt" is not "under vikt"
            return kanon, rest.strip()
    return None, t


def _läs_intervall(rest: str, enhet: str | None) -> tuple[float, float, str | None]:
    if rest[:1] in MINUSTECKEN:
        raise OläsligError(rest, "a band", "a negative number is not a band")
    träff = _KVOT_RE.match(rest)
    if träff and "%" not in träff["enhet"]:
        nedre, övre, e = läs_intervall(träff["tal"], rest)
        if e is not None:
            raise OläsligError(rest, "a band of rates", "a unit before '/'")
        return nedre, övre, f"/{träff['nämnare'].replace(' ', '')} {_basnamn(träff['enhet'])}"
    nedre, övre, e = läs_intervall(rest, rest)
    if e is None and enhet in PROCENTENHETER:
        return _delat(nedre, 100), _delat(övre, 100), enhet
    if e == "andel":
        return nedre, övre, "förändring" if enhet == "förändring" else "andel"
    if e is not None and enhet is not None and e != enhet:
        raise OläsligError(
            rest,
            "the target",
            f"is in {e!r} but enhet={enhet!r} was passed; drop enhet= or pass {e!r}",
            klass=OgiltigtVärdeError,
        )
    return nedre, övre, e if e is not None else enhet


def _läs_värde(rest: str, text: str, enhet: str | None) -> tuple[float, str | None]:
    rest = rest.strip()
    träff = _KVOT_RE.match(rest)
    if träff and "%" not in träff["enhet"]:
        räknat = _RÄKNAT_RE.match(förbered(träff["tal"]))
        if räknat is None:
            raise OläsligError(text, "a rate", "expected a number before the base")
        värde, _ = läs(räknat["tal"], text)
        vad = räknat["vad"].strip()
        if vad.casefold() in ENHETER:
            _, vad_enhet = läs(f"1 {vad}", text)
            if vad_enhet in ("andel", "procentenheter"):
                raise OläsligError(text, "a rate", "a percentage has no base")
            vad = str(vad_enhet)
        nämnare = int(träff["nämnare"].replace(" ", ""))
        bas = _basnamn(träff["enhet"])
        return värde, f"{vad} per {nämnare} {bas}" if vad else f"/{nämnare} {bas}"
    värde, e = läs(förbered(rest), text)
    if e is None and enhet in PROCENTENHETER:
        return _delat(värde, 100), enhet
    if e == "andel" and enhet == "förändring":
        return värde, enhet
    if e is not None and enhet is not None and e != enhet:
        raise OläsligError(
            text,
            "the target",
            f"is in {e!r} but enhet={enhet!r} was passed; drop enhet= or pass {e!r}",
            klass=OgiltigtVärdeError,
        )
    return värde, e if e is not None else enhet


def _basnamn(text: str) -> str:
    """What a base counts ("invånare"); a qualifier or a year after it is not part of it."""
    namn = text.strip()
    if _VILLKOR_RE.match(namn) or _SENAST_RE.match(namn):
        raise OläsligError(namn, "the base of a rate", "a qualifier or deadline follows it")
    return namn
