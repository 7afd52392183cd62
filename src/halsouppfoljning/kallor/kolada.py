"""Kolada API v3 (RKA): KPI values per region as a region panel, and KPI metadata.

The client follows ``next_url`` to the last page, splits ids into segments of
at most 25, retries HTTP 429 and 5xx with bounded backoff (honouring
``Retry-After``), drops deleted rows (counting them), and returns the
:term:`regionpanel` of :func:`halsouppfoljning.regionpanel_från_kolada` plus
Kolada's ``status``. Source line: "Källa: Kolada" (Kolada's terms of use).

No official written specification of v3 exists (see ``DATAKALLOR.md``); the
parser is tolerant where the clients that document v3 disagree: ``period`` as
a number or a string, ``isdeleted`` or ``is_deleted`` at either level,
``next_url`` absent, ``null`` or ``""`` on the last page, and ``count`` never
relied on.
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._data import läs_datafil
from .._indata import boolesk, heltal
from ..exceptions import FelTypError, OgiltigtVärdeError, OkändKpiError
from ..indikatorer import Indikator, Riktning
from ..jamforelse import regionpanel_från_kolada
from ._http import (
    HÖGST_SIDOR,
    Klient,
    KällfelError,
    kontrollera_visa,
    med_namn,
    nfc,
    nu,
    platt,
    segment,
)
from ._omraden import områden

__all__ = [
    "KOLADA_URL",
    "OkändKpiError",
    "hämta_kolada",
    "kolada_indikator",
    "kolada_nyckeltal",
    "kolada_riktningar",
]

#: The public base URL of Kolada API v3.
KOLADA_URL = "https://api.kolada.se/v3/"
#: Kolada's attribution rule: data from Kolada must carry this source line.
KÄLLA_KOLADA = "Källa: Kolada"
_PER_SIDA = 5000
_ID_MÖNSTER = re.compile(r"^[A-Za-z0-9_.-]+$")

_KÖN = ("T", "K", "M")
#: The most KPI ids one call takes: 40 requests per year segment.
_HÖGST_KPI = 1000
#: The years a Kolada period may be (a year outside is a typing error or a malformed row).
_FÖRSTA_ÅR, _SISTA_ÅR = 1900, 2100

#: Kolada's KPI metadata fields and their Swedish column names.
_METAKOLUMNER = {
    "id": "id",
    "title": "titel",
    "description": "beskrivning",
    "is_divided_by_gender": "könsuppdelad",
    "municipality_type": "områdestyp",
    "auspice": "huvudman",
    "operating_area": "verksamhetsområde",
    "perspective": "perspektiv",
    "publ_period": "publiceringsperiod",
    "publication_date": "publiceringsdatum",
    "prel_publication_date": "prel_publiceringsdatum",
    "has_ou_data": "har_enhetsdata",
    "definition": "definition",
}


# --------------------------------------------------------------------------- curated table


@functools.cache
def _kurerad() -> pd.DataFrame:
    return läs_datafil("kolada_kpi_riktning.csv").set_index("kpi")


def kolada_riktningar() -> dict[str, Riktning]:
    """The better direction of the Kolada KPIs in the bundled curated table.

    The table (``data/kolada_kpi_riktning.csv``) is curated by hand, with
    its grounds per row: Kolada's metadata gives no direction. Pass the
    result as ``riktning=`` to :func:`~halsouppfoljning.rangordning`,
    :func:`~halsouppfoljning.färgklasser` or
    :func:`~halsouppfoljning.plot.rangdiagram`; a fetched panel also carries
    the directions of its KPIs in ``panel.attrs["riktning"]``.

    Returns
    -------
    dict of str to Riktning
        KPI id to direction.

    Examples
    --------
    >>> from halsouppfoljning.kallor import kolada_riktningar
    >>> kolada_riktningar()["N79173"]
    <Riktning.HÖGRE_ÄR_BÄTTRE: 'högre är bättre'>
    """
    tabell = _kurerad()
    return {str(k): Riktning[str(v)] for k, v in tabell["riktning"].items() if v}


# --------------------------------------------------------------------------- helpers


def _kontrollera_svarade_ids(frågade: list[str], svarade: pd.Series[str], url: str) -> None:
    """The KPI rows Kolada sent for a lookup by id are the KPIs asked for, all of them."""
    fått = {k.strip().upper() for k in svarade}
    främmande = sorted(fått - set(frågade))
    if främmande:
        raise KällfelError(
            f"Kolada sent the KPI(s) {främmande[:5]!r} at {url}, not those asked for with "
            f"id={frågade[:5]!r}; the answer is malformed: try again later (cache=False)",
            url=url,
        )
    okända = [k for k in frågade if k not in fått]
    if okända:
        vilka = f" {okända[0]!r}" if len(okända) == 1 else f"s {okända[:10]!r}"
        raise OkändKpiError(
            f"Kolada has no KPI{vilka} (id=, asked at {url}); search ids with "
            "hu.kolada_nyckeltal('text')",
            url=url,
        )


def _kpi_ids(kpi: Any, namn: str = "kpi") -> list[str]:
    lista = platt(kpi, namn)
    for k in lista:
        if not isinstance(k, str):
            raise FelTypError(
                f"{namn}: a Kolada KPI id is text such as 'N79173', got {k!r:.60} of type "
                f"{type(k).__name__}"
            )
    ids = [nfc(k).strip() for k in lista]
    if not ids:
        raise OgiltigtVärdeError(f"{namn}: give at least one Kolada KPI id, e.g. 'N79173'")
    fel = [k for k in ids if not _ID_MÖNSTER.match(k)]
    if fel:
        raise OgiltigtVärdeError(
            f"{namn}: {fel!r} is not a Kolada KPI id (letters and digits, e.g. 'N79173'); "
            "search ids with hu.kolada_nyckeltal('text')"
        )
    unika = list(dict.fromkeys(k.upper() for k in ids))
    if len(unika) > _HÖGST_KPI:
        raise OgiltigtVärdeError(
            f"{namn}: {len(unika)} KPI ids in one call, more than {_HÖGST_KPI} "
            f"({len(unika) // 25 + 1} requests or more); fetch them in parts"
        )
    return unika


def _år(år: Any) -> list[int]:
    """The years asked for: whole numbers in 1900-2100; ``None`` is every year."""
    if år is None:
        return []
    lista = platt(år, "år")
    if not lista:
        raise OgiltigtVärdeError(
            f"hämta_kolada: år is empty ({år!r:.60}); give at least one year, e.g. år=2024 or "
            "range(2020, 2025), or år=None for every year Kolada has"
        )
    ut = [
        heltal(
            a,
            f"hämta_kolada: år[{i}]" if len(lista) > 1 else "hämta_kolada: år",
            minst=_FÖRSTA_ÅR,
            högst=_SISTA_ÅR,
        )
        for i, a in enumerate(lista)
    ]
    return sorted(set(ut))


def _kön(kön: Any) -> tuple[str, ...]:
    if kön is None or (isinstance(kön, str) and kön.casefold() == "alla"):
        return _KÖN
    val = tuple(str(k).strip().upper() for k in platt(kön, "kön"))
    fel = [k for k in val if k not in _KÖN]
    if fel or not val:
        raise OgiltigtVärdeError(
            f"kön must be 'T' (total), 'K' (women), 'M' (men), a list of them, or None/'alla', "
            f"got {kön!r}"
        )
    return val


def _raderad(post: Mapping[str, Any]) -> bool:
    for nyckel in ("isdeleted", "is_deleted", "isDeleted"):
        v = post.get(nyckel)
        if v is None:
            continue
        if isinstance(v, str):
            return v.strip().casefold() in ("true", "1", "yes")
        return bool(v)
    return False


def _period(värde: Any) -> int:
    """A Kolada period: a year (an int, a whole float or four digits as text), 1900-2100."""
    år: int | None = None
    heltal_ = isinstance(värde, (int, np.integer)) and not isinstance(värde, bool)
    if heltal_ or (isinstance(värde, float) and värde.is_integer()):
        år = int(värde)
    elif isinstance(värde, str) and re.fullmatch(r"\d{4}", värde.strip()):
        år = int(värde.strip())
    if år is None or not _FÖRSTA_ÅR <= år <= _SISTA_ÅR:
        raise ValueError(f"the period {värde!r:.40} is not a year (1900-2100)")
    return år


def _värde(v: Any) -> float:
    """A Kolada value: a finite number (or its text), ``null`` (or "") for missing."""
    if v is None:
        return math.nan
    if isinstance(v, bool):
        raise ValueError(f"a boolean {v!r} is not a value")
    if isinstance(v, (int, float)):
        tal = float(v)
    elif isinstance(v, str):
        text = v.strip().replace("\u2212", "-").replace(",", ".")
        if not text:
            return math.nan
        tal = float(text)
    else:
        raise ValueError(f"{v!r} is not a number")
    if not math.isfinite(tal):
        raise ValueError(
            f"the value {v!r} is not a finite number (Kolada gives a missing value as null)"
        )
    return tal


def _sidor(klient: Klient, väg: str, *, vad: str, params: dict[str, Any]) -> list[Any]:
    """Every ``values`` item of a Kolada query, following ``next_url``."""
    rader: list[Any] = []
    nästa: str | None = väg
    första = True
    sedda: set[str] = set()
    while nästa:
        kropp = klient.hämta(nästa, vad=vad, params=params if första else None)
        url = klient.urler[-1]
        första = False
        if not isinstance(kropp, dict) or not isinstance(kropp.get("values"), list):
            raise KällfelError(
                f"Kolada sent a malformed body for {vad} at {url}: expected an object "
                f"with a 'values' list, got {str(kropp)[:120]!r}",
                url=url,
            )
        rader.extend(kropp["values"])
        länk = kropp.get("next_url", kropp.get("next_page"))
        if länk is not None and not isinstance(länk, str):
            raise KällfelError(f"Kolada sent a next_url that is not text at {url}", url=url)
        nästa = länk.strip() if länk else None
        if nästa:
            if nästa in sedda:
                raise KällfelError(f"Kolada's next_url loops back to {nästa} (from {url})", url=url)
            if len(sedda) >= HÖGST_SIDOR:
                raise KällfelError(
                    f"Kolada keeps sending a next_url after {len(sedda) + 1} pages at {url}; "
                    "the paging is malformed, or the query too large: ask for fewer KPIs, "
                    "areas or years per call",
                    url=url,
                )
            sedda.add(nästa)
    return rader


# --------------------------------------------------------------------------- data


@med_namn("hämta_kolada")
def hämta_kolada(
    kpi: str | Iterable[str],
    *,
    regioner: Any = None,
    år: int | Iterable[int] | None = None,
    kön: str | Iterable[str] | None = "T",
    ta_med_raderade: bool = False,
    andelar: bool | None = None,
    bas_url: str = KOLADA_URL,
    cache: bool | str | os.PathLike[str] = True,
    timeout: float = 30.0,
    visa_förlopp: bool | None = None,
) -> pd.DataFrame:
    """Fetch Kolada KPI values for regions and Riket as a :term:`regionpanel`.

    Parameters
    ----------
    kpi : str or iterable of str
        One Kolada KPI id (``"N79173"``) or several.
    regioner : optional
        Default: the 21 regions and :term:`Riket`. Otherwise ``"alla"`` (the
        21), ``"Riket"``, anything :func:`~halsouppfoljning.region` accepts
        (name, länskod, Kolada id ``"0019"``, ISO code) or a list of these.
    år : int, range or list of int, optional
        The years; default every year Kolada has.
    kön : {"T", "K", "M"}, list of them, or None
        Gender: ``"T"`` total (default), ``"K"`` women, ``"M"`` men;
        ``None`` or ``"alla"`` for all three. KPIs not split by gender have
        only ``"T"``.
    ta_med_raderade : bool
        Keep rows Kolada marks as deleted (``isdeleted``), with a column
        ``raderad``; default ``False`` drops them and counts them in
        ``attrs["raderade"]``.
    andelar : bool, optional
        Kolada publishes shares in percent (84.1 for 84.1 %). Default
        ``None``: KPIs the bundled curated table knows as percent shares are
        divided by 100, so they are shares in [0, 1] like everywhere in the
        package; other KPIs keep Kolada's scale. ``True`` divides every KPI
        by 100, ``False`` none. ``attrs["skala"]`` says which was done.
    bas_url : str
        The API's base URL; default the public Kolada v3.
    cache : bool or path
        ``True`` (default): an SQLite cache under the user cache directory,
        kept for one day; ``False``: none; a path: a cache there. Empty it
        with :func:`rensa_cache`.
    timeout : float
        Seconds to wait for each answer [s].
    visa_förlopp : bool, optional
        Show a progress bar; default when more than three requests are
        needed and the output is a terminal or notebook.

    Returns
    -------
    pandas.DataFrame
        The panel of :func:`~halsouppfoljning.regionpanel_från_kolada`:
        ``region`` (the official name, or ``"Riket"`` for ``"0000"``),
        ``indikator`` (the KPI id), ``period`` (int year), ``värde`` (NaN
        where Kolada has ``null``), ``täljare`` and ``nämnare`` (NaN:
        Kolada gives none), ``kön``, and ``status`` (Kolada's status text,
        ``""`` for normal values). ``attrs``: ``källa`` ("Källa: Kolada"),
        ``urler`` (every URL fetched), ``hämtad`` (UTC time), ``raderade``
        (deleted rows dropped), ``skala`` (per KPI: ``"andel"`` or
        ``"Kolada"``), ``riktning`` (per KPI the curated direction, where
        known), ``utan_data`` (KPIs Kolada knows but has no values for) and
        those of the panel (``utelämnade``, ``okända_områden``).

    Raises
    ------
    OkändKpiError
        If Kolada knows none of the data for some KPI ids (listed).
    OkändRegionError
        For region labels that are neither a region nor Riket (listed).
    KällfelError
        For an HTTP 4xx answer, a 429/5xx or timeout that persists through
        the retries, or a malformed body; the message names the KPI and URL.
    SaknatTilläggError
        If the ``data`` extra is not installed.

    Notes
    -----
    Requests use the path form ``data/kpi/<ids>/municipality/<ids>[/year/<years>]``
    with at most 25 ids per segment, and follow ``next_url`` (5000 rows per
    page). Kolada revises data without notice; the cache keeps an answer for
    one day. Data you have processed yourself must not carry "Källa: Kolada".

    See Also
    --------
    kolada_nyckeltal : find KPI ids and their metadata.
    kolada_indikator : a KPI as an :class:`~halsouppfoljning.Indikator`.

    Examples
    --------
    Against the public API (needs the internet):

    >>> import halsouppfoljning.kallor as kallor
    >>> p = kallor.hämta_kolada("N79173", år=2024)  # doctest: +SKIP

    Against a tiny local server that answers like Kolada (as the tests do):

    >>> import json, threading
    >>> from http.server import BaseHTTPRequestHandler, HTTPServer
    >>> svar = {"values": [{"kpi": "N79173", "municipality": "0019", "period": "2024",
    ...         "values": [{"gender": "T", "status": "", "value": 90.1}]}]}
    >>> class Kolada(BaseHTTPRequestHandler):
    ...     def do_GET(self):
    ...         self.send_response(200)
    ...         self.end_headers()
    ...         self.wfile.write(json.dumps(svar).encode())
    ...     def log_message(self, *args):
    ...         pass
    >>> server = HTTPServer(("127.0.0.1", 0), Kolada)
    >>> threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> bas = f"http://127.0.0.1:{server.server_address[1]}/"
    >>> p = kallor.hämta_kolada("N79173", regioner="Västmanland", år=2024, bas_url=bas,
    ...                         cache=False)
    >>> p[["region", "indikator", "period", "värde", "status"]]
                   region indikator  period  värde status
    0  Region Västmanland    N79173    2024  0.901
    >>> p.attrs["källa"]
    'Källa: Kolada'
    >>> server.shutdown(); server.server_close()

    References
    ----------
    .. [#kolada-v3] RKA, "Kolada API", https://www.kolada.se/om-oss/api (v3 from
       2025-04-04; terms of use: give the source as "Källa: Kolada").
    """
    ids = _kpi_ids(kpi)
    åren = _år(år)
    könen = _kön(kön)
    if andelar is not None and not isinstance(andelar, bool):
        raise FelTypError(
            f"andelar must be True, False or None, got {andelar!r:.60} of type "
            f"{type(andelar).__name__}"
        )
    ta_med_raderade = boolesk(ta_med_raderade, "hämta_kolada: ta_med_raderade")
    områdeslista = områden(regioner, med_riket=True)
    if not områdeslista:
        raise OgiltigtVärdeError(
            "hämta_kolada: regioner is empty; give at least one region, 'alla' or 'Riket' "
            "(or leave it out for the 21 regions and Riket)"
        )
    visa = kontrollera_visa(visa_förlopp)
    kpi_seg = segment(ids)
    omr_seg = segment([o.kolada_id for o in områdeslista])
    år_seg = segment(åren) if åren else [[]]
    jobb = [(k, m, y) for k in kpi_seg for m in omr_seg for y in år_seg]

    poster: dict[str, list[Any]] = {
        k: [] for k in ("kpi", "municipality_id", "year", "gender", "value", "status", "raderad")
    }
    raderade = 0
    with Klient("Kolada", bas_url, cache=cache, timeout=timeout, visa_förlopp=visa) as klient:
        for k, m, y in klient.förlopp(jobb, len(jobb), "Kolada"):
            väg = f"data/kpi/{','.join(k)}/municipality/{','.join(m)}"
            if y:
                väg += f"/year/{','.join(str(a) for a in y)}"
            vad = f"KPI {', '.join(k)}"
            rader = _sidor(klient, väg, vad=vad, params={"per_page": _PER_SIDA})
            raderade += _läs_datarader(rader, poster, könen, vad=vad, url=klient.urler[-1])
        utan = [k for k in ids if k not in set(poster["kpi"])]
        if utan:
            _kontrollera_okända(klient, utan)
        urler = list(klient.urler)

    data = pd.DataFrame(poster)
    url = urler[-1] if urler else klient.bas_url
    andra = sorted(set(data["kpi"]) - set(ids))
    if andra:
        raise KällfelError(
            f"Kolada answered with KPI(s) {andra!r:.120} that were not asked for (asked: "
            f"{ids!r:.120}) at {url}; the service may have changed",
            url=url,
        )
    if not ta_med_raderade:
        raderade_mask = data["raderad"].to_numpy(dtype=bool)
        data = data.loc[~raderade_mask]
    _kontrollera_dubbletter(data, ta_med_raderade, url)
    skala = _skalor(ids, andelar)
    faktor = data["kpi"].map(lambda k: 0.01 if skala[k] == "andel" else 1.0)
    data = data.assign(value=data["value"].astype(float) * faktor.astype(float))
    _kontrollera_andelar(data, skala, andelar, url)
    behåll = ["status"] + (["raderad"] if ta_med_raderade else [])
    panel = regionpanel_från_kolada(
        data,
        kpi="kpi",
        område="municipality_id",
        år="year",
        kön="gender",
        värde="value",
        behåll=behåll,
        okända_områden="utelämna",
    )
    panel["status"] = panel["status"].astype(str)
    if ta_med_raderade:
        panel["raderad"] = panel["raderad"].astype(bool)
    riktningar = kolada_riktningar()
    panel.attrs.update(
        {
            "källa": KÄLLA_KOLADA,
            "urler": urler,
            "hämtad": nu(),
            "raderade": raderade if not ta_med_raderade else 0,
            "raderade_behållna": raderade if ta_med_raderade else 0,
            "skala": skala,
            "riktning": {k: riktningar[k] for k in ids if k in riktningar},
            "utan_data": utan,
        }
    )
    return panel


def _läs_datarader(
    rader: list[Any], poster: dict[str, list[Any]], könen: tuple[str, ...], *, vad: str, url: str
) -> int:
    """Append the value rows of one answer to ``poster``; return how many were deleted."""
    raderade = 0
    for rad in rader:
        try:
            kpi = str(rad["kpi"]).strip()
            område_id = rad.get("municipality", rad.get("municipality_id"))
            if område_id is None:
                raise KeyError("municipality")
            område = str(område_id).strip()
            period = _period(rad["period"])
            inre = rad["values"]
            yttre_raderad = _raderad(rad)
            if not isinstance(inre, list):
                raise TypeError("'values' is not a list")
            for v in inre:
                gender = str(v.get("gender") or "T").strip().upper()
                if gender not in _KÖN:
                    raise ValueError(f"the gender {v.get('gender')!r:.20} is not T, K or M")
                if gender not in könen:
                    continue
                raderad = yttre_raderad or _raderad(v)
                raderade += raderad
                status = v.get("status")
                poster["kpi"].append(kpi)
                poster["municipality_id"].append(område.zfill(4) if område.isdigit() else område)
                poster["year"].append(period)
                poster["gender"].append(gender)
                poster["value"].append(_värde(v.get("value")))
                poster["status"].append("" if status is None else str(status))
                poster["raderad"].append(raderad)
        except (KeyError, TypeError, AttributeError, ValueError) as fel:
            raise KällfelError(
                f"Kolada sent a malformed value row for {vad} at {url}: {fel} in "
                f"{str(rad)[:160]!r}",
                url=url,
            ) from fel
    return raderade


def _kontrollera_dubbletter(data: pd.DataFrame, ta_med_raderade: bool, url: str) -> None:
    """Kolada documents one value per KPI, area, year and gender: a repeated row is an error.

    Never summed or dropped silently: the message lists the repeated keys. A
    row marked deleted next to its current row is Kolada's revision; it is
    dropped by default, and with ``ta_med_raderade=True`` a panel cannot hold
    both.
    """
    nycklar = ["kpi", "municipality_id", "year", "gender"]
    dubbla = data.duplicated(nycklar, keep=False)
    if not dubbla.any():
        return
    lista = sorted({tuple(str(x) for x in r) for r in data.loc[dubbla, nycklar].to_numpy()})
    raderad = data.loc[dubbla, "raderad"].to_numpy(dtype=bool)
    if ta_med_raderade and raderad.any():
        råd = (
            "some are rows Kolada marks as deleted next to their current row; a panel holds "
            "one value per key, so use ta_med_raderade=False (the default) to drop them"
        )
    else:
        råd = (
            "Kolada documents one value per KPI, area, year and gender, so the answer is "
            "malformed; try again later (cache=False) or report it to Kolada"
        )
    raise KällfelError(
        f"Kolada sent {int(dubbla.sum())} rows for the same (kpi, municipality, period, "
        f"gender): {lista[:5]!r}{' ...' if len(lista) > 5 else ''} at {url}; {råd}",
        url=url,
    )


def _kontrollera_andelar(
    data: pd.DataFrame, skala: dict[str, str], andelar: bool | None, url: str
) -> None:
    """A KPI read as a share must give shares in [0, 1] (Kolada's percent divided by 100)."""
    värden = data["value"].to_numpy(dtype=float)
    är_andel = data["kpi"].map(lambda k: skala[k] == "andel").to_numpy(dtype=bool)
    utanför = är_andel & np.isfinite(värden) & ((värden < 0) | (värden > 1))
    if not utanför.any():
        return
    i = int(np.flatnonzero(utanför)[0])
    rad = data.iloc[i]
    varför = (
        "andelar=True divides every KPI by 100; pass andelar=False (or None) for KPIs "
        "that are not percent shares"
        if andelar is True
        else "the curated table knows this KPI as a percent share; the answer is malformed"
    )
    raise KällfelError(
        f"Kolada's value {värden[i] * 100:g} for KPI {rad['kpi']}, area "
        f"{rad['municipality_id']}, {rad['year']} is not a percent share in [0, 100] at "
        f"{url}; {varför}",
        url=url,
    )


def _kontrollera_okända(klient: Klient, utan: list[str]) -> None:
    """Ask Kolada's KPI list about ids without data; unknown ones are an error.

    A best-effort single try: when the metadata cannot be read, the KPIs are
    reported as without data (``attrs["utan_data"]``), not as unknown.
    """
    kända: set[str] = set()
    for seg in segment(utan):
        vad = f"KPI {', '.join(seg)} (metadata)"
        try:
            kropp = klient.hämta(f"kpi/{','.join(seg)}", vad=vad, försök=1)
        except KällfelError as fel:
            if fel.status == 404:
                continue
            return
        if not isinstance(kropp, dict) or not isinstance(kropp.get("values"), list):
            return
        kända.update(
            str(p.get("id")).strip().upper() for p in kropp["values"] if isinstance(p, dict)
        )
    okända = [k for k in utan if k not in kända]
    if okända:
        raise OkändKpiError(
            f"Kolada has no data and no KPI for the id(s) {okända!r} (asked at "
            f"{klient.bas_url}); check the ids with hu.kolada_nyckeltal('text')",
            url=klient.urler[-1] if klient.urler else klient.bas_url,
        )


def _skalor(ids: list[str], andelar: bool | None) -> dict[str, str]:
    if andelar is True:
        return dict.fromkeys(ids, "andel")
    if andelar is False:
        return dict.fromkeys(ids, "Kolada")
    tabell = _kurerad()
    return {
        k: "andel" if k in tabell.index and tabell.loc[k, "kolada_skala"] == "procent" else "Kolada"
        for k in ids
    }


# --------------------------------------------------------------------------- metadata


@med_namn("kolada_nyckeltal")
def kolada_nyckeltal(
    sök: str | None = None,
    *,
    id: str | Iterable[str] | None = None,
    bas_url: str = KOLADA_URL,
    cache: bool | str | os.PathLike[str] = True,
    timeout: float = 30.0,
    visa_förlopp: bool | None = None,
) -> pd.DataFrame:
    """Kolada's KPI metadata (nyckeltal), by title search or by id, with Swedish columns.

    Parameters
    ----------
    sök : str, optional
        Text to search in the KPI titles (Kolada's ``title=``, a
        case-insensitive substring).
    id : str or iterable of str, optional
        KPI ids to look up. With neither ``sök`` nor ``id``: every KPI.
    bas_url, cache, timeout, visa_förlopp
        As for :func:`hämta_kolada`.

    Returns
    -------
    pandas.DataFrame
        One row per KPI, columns ``id``, ``titel``, ``beskrivning``,
        ``könsuppdelad``, ``områdestyp`` (``"K"`` kommun, ``"L"`` region,
        ``"A"`` both), ``huvudman``, ``verksamhetsområde``, ``perspektiv``,
        ``publiceringsperiod``, ``publiceringsdatum``,
        ``prel_publiceringsdatum``, ``har_enhetsdata``, ``definition``
        (missing fields are None), and from the bundled curated table
        ``enhet`` and ``riktning`` (None where not curated). ``attrs`` as in
        :func:`hämta_kolada`.

    Raises
    ------
    KällfelError
        For an HTTP error or a malformed body, or (by ``id``) rows of KPIs
        not asked for.
    OkändKpiError
        By ``id``, for ids Kolada has no KPI for (all of them listed).

    Examples
    --------
    >>> import halsouppfoljning.kallor as kallor
    >>> kallor.kolada_nyckeltal("medicinsk bedömning")  # doctest: +SKIP
    >>> sorted(kallor.kolada_riktningar())[:2]
    ['N79173', 'N79179']
    """
    visa = kontrollera_visa(visa_förlopp)
    with Klient("Kolada", bas_url, cache=cache, timeout=timeout, visa_förlopp=visa) as klient:
        rader: list[Any] = []
        if id is not None:
            ids = _kpi_ids(id, "id")
            seg = segment(ids)
            for s in klient.förlopp(seg, len(seg), "Kolada"):
                rader += _sidor(klient, f"kpi/{','.join(s)}", vad=f"KPI {', '.join(s)}", params={})
        else:
            params: dict[str, Any] = {"per_page": _PER_SIDA}
            if sök is not None:
                if not isinstance(sök, str):
                    raise FelTypError(
                        f"kolada_nyckeltal: sök must be text to search the titles for, got "
                        f"{sök!r:.60} of type {type(sök).__name__}"
                    )
                params["title"] = nfc(sök).strip()
            rader = _sidor(klient, "kpi", vad=f"KPI search {sök!r}", params=params)
        urler = list(klient.urler)
    poster = []
    for rad in rader:
        kpi_id = rad.get("id") if isinstance(rad, dict) else None
        if not isinstance(kpi_id, str) or not kpi_id.strip():
            raise KällfelError(
                f"Kolada sent a malformed KPI row (no text id) at {urler[-1]}: {str(rad)[:160]!r}",
                url=urler[-1],
            )
        poster.append({sv: rad.get(en) for en, sv in _METAKOLUMNER.items()})
    tabell = pd.DataFrame(poster, columns=list(_METAKOLUMNER.values()))
    dubbla = tabell["id"].duplicated(keep=False)
    if dubbla.any():
        raise KällfelError(
            f"Kolada sent the KPI(s) {sorted(set(tabell.loc[dubbla, 'id']))[:5]!r} more than once "
            f"at {urler[-1]}; its KPI list has one row per id, so the answer is malformed: "
            "try again later (cache=False)",
            url=urler[-1],
        )
    tabell["id"] = tabell["id"].astype(str)
    if id is not None:
        _kontrollera_svarade_ids(ids, tabell["id"], urler[-1])
    kurerad = _kurerad()
    tabell["enhet"] = tabell["id"].map(
        lambda k: kurerad.loc[k, "enhet"] if k in kurerad.index else None
    )
    riktningar = kolada_riktningar()
    tabell["riktning"] = tabell["id"].map(riktningar.get)
    tabell = tabell.astype(object).where(tabell.notna(), None)
    tabell.attrs.update({"källa": KÄLLA_KOLADA, "urler": urler, "hämtad": nu()})
    return tabell


def _enhet_från_titel(titel: str) -> str | None:
    t = titel.casefold()
    if "(%)" in t or t.endswith(", procent") or "andel" in t:
        return "andel"
    if "mediandagar" in t or t.endswith(", dagar"):
        return "dagar"
    if "kr/inv" in t:
        return "kr/inv"
    if "antal" in t:
        return "antal"
    return None


@med_namn("kolada_indikator")
def kolada_indikator(
    id: str,
    *,
    bas_url: str = KOLADA_URL,
    cache: bool | str | os.PathLike[str] = True,
    timeout: float = 30.0,
) -> Indikator:
    """A Kolada KPI as an :class:`~halsouppfoljning.Indikator` (title, unit, direction, source).

    Parameters
    ----------
    id : str
        The KPI id, e.g. ``"N79173"``.
    bas_url, cache, timeout
        As for :func:`hämta_kolada`.

    Returns
    -------
    Indikator
        ``id`` the KPI id, ``namn`` Kolada's title, ``enhet`` and
        ``riktning`` from the bundled curated table (else the unit read from
        the title, e.g. ``"andel"`` for "andel (%)", and no direction),
        ``källa`` "Kolada" with the original source named in the description
        ("Källa: ...").

    Raises
    ------
    OkändKpiError
        If Kolada does not know the id.
    KällfelError
        For an HTTP error or a malformed body.

    Examples
    --------
    >>> import halsouppfoljning.kallor as kallor
    >>> ind = kallor.kolada_indikator("N79173")  # doctest: +SKIP
    >>> kallor.kolada_riktningar().get("N79173").name
    'HÖGRE_ÄR_BÄTTRE'
    """
    ids = _kpi_ids(id, "id")
    if len(ids) != 1:
        raise OgiltigtVärdeError(
            f"kolada_indikator: id must be one KPI id, got {id!r:.60}; call it once per KPI"
        )
    tabell = kolada_nyckeltal(id=ids, bas_url=bas_url, cache=cache, timeout=timeout)
    träff = tabell.loc[tabell["id"].str.upper() == ids[0]]
    if träff.empty:
        raise OkändKpiError(
            f"Kolada has no KPI {ids[0]!r}; search ids with hu.kolada_nyckeltal('text')",
            url=tabell.attrs["urler"][-1] if tabell.attrs.get("urler") else None,
        )
    rad = träff.iloc[0]
    titel = str(rad["titel"] or ids[0])
    kurerad = _kurerad()
    if ids[0] in kurerad.index:
        enhet: str | None = str(kurerad.loc[ids[0], "enhet"]) or None
        riktning: Riktning | None = kolada_riktningar().get(ids[0])
    else:
        enhet = _enhet_från_titel(titel)
        riktning = None
    beskrivning = str(rad["beskrivning"] or "")
    ursprung = re.search(r"Källa:\s*([^.\n]+)", beskrivning)
    källa = "Kolada" + (f" ({nfc(ursprung.group(1)).strip()})" if ursprung else "")
    return Indikator(id=ids[0], namn=titel, enhet=enhet, riktning=riktning, källa=källa)
