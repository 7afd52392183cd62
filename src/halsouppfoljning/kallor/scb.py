"""SCB PxWebApi 2.0 (Statistikdatabasen): the population per region on 31 December.

Years up to 2024 come from table TAB638 (no noise) and later years from
TAB5557, where SCB adds a small controlled random noise to every cell
(Cell Key Method, from reference year 2025). The content code of
"Folkmängd" differs between the tables, so it is resolved by its label from
each table's metadata; totals are requested as totals, never summed from
parts.
"""

from __future__ import annotations

import numbers
import os
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._indata import heltal
from ..exceptions import FelTypError, OgiltigtVärdeError
from ._http import Klient, KällfelError, kontrollera_visa, med_namn, nfc, nu
from ._jsonstat import _läs, kategorier, läs_jsonstat2
from ._omraden import Område, områden

__all__ = ["SCB_URL", "hämta_befolkning", "läs_jsonstat2"]

#: The public base URL of SCB's PxWebApi 2.0.
SCB_URL = "https://statistikdatabasen.scb.se/api/v2/"
#: The recommended source line for SCB data (CC0: optional, but if given, this form).
KÄLLA_SCB = "Källa: SCB"
#: Largest number of cells SCB returns per call (``/config`` ``maxDataCells``).
MAX_CELLER = 150_000
#: The last year of TAB638; later years come from TAB5557.
SISTA_ÅR_TAB638 = 2024
_TABELLER = {
    "TAB638": "Folkmängden efter region, civilstånd, ålder och kön (1968-2024)",
    "TAB5557": "Folkmängden efter region, civilstånd, ålder och kön (2025-, CKM)",
}

#: Category codes SCB uses for totals in the population tables (TAB638 Alder "tot";
#: TAB5557 Civilstand "SC", Alder "TotSA", Kon "TotSa"), compared case-insensitively.
_TOTALKODER = ("totsa", "tot", "sc", "totalt", "t")
_TOTALETIKETTER = ("totalt", "total", "samtliga", "båda könen", "alla")


#: More inhabitants than any region can have: an answer above it is malformed.
_STÖRSTA_FOLKMÄNGD = 1e9


def _tabell(år: int) -> str:
    return "TAB638" if år <= SISTA_ÅR_TAB638 else "TAB5557"


def _hitta_folkmängd(dim: Mapping[str, Any], tabell: str, url: str) -> str:
    koder = kategorier(dim, "ContentsCode")
    etiketter = dim["category"].get("label") or {}
    for kod in koder:
        if nfc(str(etiketter.get(kod, ""))).strip().casefold() == "folkmängd":
            return kod
    raise KällfelError(
        f"SCB table {tabell} has no content labelled 'Folkmängd' (contents: "
        f"{ {k: etiketter.get(k) for k in koder} }) at {url}",
        url=url,
    )


def _total(dim: Mapping[str, Any], namn: str) -> str | None:
    """The code of a dimension's total, or None to leave the variable out (summed)."""
    ext = dim.get("extension") or {}
    kod = ext.get("eliminationValueCode") if isinstance(ext, Mapping) else None
    koder = kategorier(dim, namn)
    if isinstance(kod, str) and kod in koder:
        return kod
    if len(koder) == 1:
        return koder[0]
    vikta = {k.casefold(): k for k in koder}
    for kandidat in _TOTALKODER:
        if kandidat in vikta:
            return vikta[kandidat]
    etiketter = dim.get("category", {}).get("label") or {}
    for k in koder:
        text = nfc(str(etiketter.get(k, ""))).strip().casefold()
        if text.startswith(_TOTALETIKETTER):
            return k
    if isinstance(ext, Mapping) and ext.get("elimination") is True:
        return None
    raise OgiltigtVärdeError(
        f"SCB: variable {namn!r} has no total and cannot be left out; codes {koder[:8]!r}"
    )


def _år(år: Any) -> list[int]:
    """The years asked for: whole numbers 1900-2100, at least one."""
    vad = "hämta_befolkning"
    if isinstance(år, bool) or år is None:
        raise FelTypError(f"{vad}: år must be a year or years, got {år!r}; e.g. år=2024")
    if isinstance(år, (numbers.Number, str)):
        lista = [år]
    elif isinstance(år, Iterable) and not isinstance(år, (bytes, Mapping)):
        lista = list(år)
    else:
        raise FelTypError(
            f"{vad}: år must be whole years (2024, range(2020, 2026)), got {år!r:.60}"
        )
    if not lista:
        raise OgiltigtVärdeError(
            f"{vad}: år is empty ({år!r:.60}); give at least one year, e.g. år=2024"
        )
    ut = [
        heltal(a, f"{vad}: år[{i}]" if len(lista) > 1 else f"{vad}: år", minst=1900, högst=2100)
        for i, a in enumerate(lista)
    ]
    return sorted(set(ut))


@med_namn("hämta_befolkning")
def hämta_befolkning(
    år: int | Iterable[int],
    *,
    regioner: Any = None,
    bas_url: str = SCB_URL,
    cache: bool | str | os.PathLike[str] = True,
    timeout: float = 30.0,
    visa_förlopp: bool | None = None,
    max_celler: int = MAX_CELLER,
) -> pd.Series:
    """Population (folkmängd) per region on 31 December, from SCB.

    Parameters
    ----------
    år : int, range or list of int
        The year(s). Up to 2024 from table TAB638, from 2025 from TAB5557; a
        span across both works.
    regioner : optional
        Default: the 21 regions. Otherwise ``"alla"``, ``"Riket"``, anything
        :func:`~halsouppfoljning.region` accepts, or a list of these.
    bas_url : str
        The API's base URL; default SCB's PxWebApi 2.0.
    cache, timeout, visa_förlopp
        As for :func:`~halsouppfoljning.kallor.hämta_kolada`.
    max_celler : int
        Most cells per request (SCB's ``maxDataCells``, 150 000); larger
        selections are split by year and region.

    Returns
    -------
    pandas.Series
        Population [invånare] (float; NaN where SCB has no value), name
        ``befolkning``. For one year (an int), indexed by ``region`` as the
        region panels label it (``"Region Västmanland"``, ``"Riket"``),
        ready for ``medelsfördelning(befolkning=...)`` and
        ``sammanvägning(vikter=...)``; for several years, a MultiIndex
        (``region``, ``period``). ``attrs``: ``källa`` ("Källa: SCB"),
        ``tabeller``, ``urler``, ``hämtad``, ``status`` (SCB's symbol per
        cell where there is one).

    Raises
    ------
    KällfelError
        For an HTTP error, a malformed answer, or a table without a content
        labelled "Folkmängd".
    OkändRegionError
        For labels that are neither a region nor Riket.

    Notes
    -----
    **Noise from 2025.** From reference year 2025 SCB adds a small
    controlled random noise to every published cell (Cell Key Method), so a
    total is no longer the sum of its parts. The client asks for each
    region's total directly (the total codes of sex, age and civil status,
    or leaves an eliminable variable out, which SCB sums only in TAB638,
    which has no noise); it never adds men and women or age groups. Year
    Y's population uses the regional division of 1 January Y+1. SCB's data
    is CC0; if a source is given, write "Källa: SCB".

    Examples
    --------
    Against the public API (needs the internet):

    >>> import halsouppfoljning.kallor as kallor
    >>> bef = kallor.hämta_befolkning(2024)  # doctest: +SKIP

    Against a tiny local server that answers like PxWebApi 2.0: metadata to a
    GET, json-stat2 data to the POSTed selection.

    >>> import json, threading
    >>> from http.server import BaseHTTPRequestHandler, HTTPServer
    >>> dims = {"Region": {"category": {"index": {"19": 1, "03": 0}}},
    ...         "ContentsCode": {"category": {"index": {"BE0101N1": 0},
    ...                                       "label": {"BE0101N1": "Folkmängd"}}},
    ...         "Tid": {"category": {"index": {"2024": 0}}}}
    >>> ds = {"id": ["Region", "ContentsCode", "Tid"], "size": [2, 1, 1], "dimension": dims}
    >>> class Scb(BaseHTTPRequestHandler):
    ...     def svara(self, kropp):
    ...         self.send_response(200)
    ...         self.end_headers()
    ...         self.wfile.write(json.dumps(kropp).encode())
    ...     def do_GET(self):
    ...         self.svara({**ds, "value": []})
    ...     def do_POST(self):
    ...         self.rfile.read(int(self.headers["Content-Length"]))
    ...         self.svara({**ds, "value": [400000, 280000]})
    ...     def log_message(self, *args):
    ...         pass
    >>> server = HTTPServer(("127.0.0.1", 0), Scb)
    >>> threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> bas = f"http://127.0.0.1:{server.server_address[1]}/"
    >>> kallor.hämta_befolkning(2024, regioner=["Uppsala", "Västmanland"], bas_url=bas,
    ...                         cache=False)
    region
    Region Uppsala        400000.0
    Region Västmanland    280000.0
    Name: befolkning, dtype: float64
    >>> server.shutdown(); server.server_close()
    """
    åren = _år(år)
    en = isinstance(år, (int, np.integer)) and not isinstance(år, bool)
    områdeslista = områden(regioner, med_riket=False)
    if not områdeslista:
        raise OgiltigtVärdeError("regioner: give at least one region")
    max_celler = heltal(max_celler, "hämta_befolkning: max_celler", minst=1)
    visa = kontrollera_visa(visa_förlopp)
    per_tabell: dict[str, list[int]] = {}
    for a in åren:
        per_tabell.setdefault(_tabell(a), []).append(a)

    delar: list[pd.DataFrame] = []
    with Klient("SCB", bas_url, cache=cache, timeout=timeout, visa_förlopp=visa) as klient:
        for tabell, tabellår in per_tabell.items():
            delar.append(_hämta_tabell(klient, tabell, tabellår, områdeslista, max_celler))
        urler = list(klient.urler)

    data = pd.concat(delar, ignore_index=True)
    efter_kod = {o.länskod: o.namn for o in områdeslista}
    data["region"] = data["Region"].map(efter_kod)
    saknas = [
        o.namn
        for o in områdeslista
        for a in åren
        if not ((data["region"] == o.namn) & (data["period"] == a)).any()
    ]
    if saknas:
        raise KällfelError(
            f"SCB's answer lacks the population of {sorted(set(saknas))[:5]!r} for "
            f"{åren} (asked at {urler[-1] if urler else bas_url})",
            url=urler[-1] if urler else None,
        )
    data = data.loc[data["region"].notna()]
    ordning = {o.namn: i for i, o in enumerate(områdeslista)}
    data = data.assign(_o=data["region"].map(ordning)).sort_values(["period", "_o"])
    status = {
        (r, int(p)): s
        for r, p, s in zip(data["region"], data["period"], data["status"], strict=True)
        if s
    }
    if en:
        serie = pd.Series(
            data["värde"].to_numpy(dtype=float),
            index=pd.Index(data["region"].to_numpy(dtype=object), name="region"),
            name="befolkning",
        )
    else:
        serie = pd.Series(
            data["värde"].to_numpy(dtype=float),
            index=pd.MultiIndex.from_arrays(
                [data["region"].to_numpy(dtype=object), data["period"].to_numpy(dtype=np.int64)],
                names=["region", "period"],
            ),
            name="befolkning",
        )
    serie.attrs.update(
        {
            "källa": KÄLLA_SCB,
            "tabeller": {t: _TABELLER[t] for t in per_tabell},
            "urler": urler,
            "hämtad": nu(),
            "status": status,
        }
    )
    return serie


def _hämta_tabell(
    klient: Klient, tabell: str, åren: list[int], områdeslista: list[Område], max_celler: int
) -> pd.DataFrame:
    meta = klient.hämta(
        f"tables/{tabell}/metadata", vad=f"table {tabell} (metadata)", params={"lang": "sv"}
    )
    url = klient.urler[-1]
    if not isinstance(meta, Mapping) or not isinstance(meta.get("dimension"), Mapping):
        raise KällfelError(
            f"SCB sent malformed metadata for table {tabell} at {url}: no 'dimension'", url=url
        )
    dimensioner: Mapping[str, Any] = meta["dimension"]
    reg, inn, tid = _roller(meta)
    saknade = [d for d in (reg, inn, tid) if d not in dimensioner]
    if saknade:
        raise KällfelError(f"SCB table {tabell} lacks the variable(s) {saknade} at {url}", url=url)
    try:
        innehåll = _hitta_folkmängd(dimensioner[inn], tabell, url)
        fasta: list[dict[str, Any]] = [{"variableCode": inn, "valueCodes": [innehåll]}]
        for namn, dim in dimensioner.items():
            if namn in (reg, inn, tid):
                continue
            total = _total(dim, namn)
            if total is not None:
                fasta.append({"variableCode": namn, "valueCodes": [total]})
        tider = set(kategorier(dimensioner[tid], tid))
    except OgiltigtVärdeError as fel:
        raise KällfelError(f"SCB table {tabell} at {url}: {fel}", url=url) from fel
    okända_år = [a for a in åren if str(a) not in tider]
    if okända_år:
        raise KällfelError(
            f"SCB table {tabell} has no year(s) {okända_år} (it has {min(tider)}-{max(tider)}) "
            f"at {url}",
            url=url,
        )
    koder = [o.länskod for o in områdeslista]
    # Split by year first, then by region, so that no request exceeds max_celler.
    år_per_del = max(1, min(len(åren), max_celler // max(1, len(koder))))
    reg_per_del = max(1, min(len(koder), max_celler))
    jobb = [
        (åren[i : i + år_per_del], koder[j : j + reg_per_del])
        for i in range(0, len(åren), år_per_del)
        for j in range(0, len(koder), reg_per_del)
    ]
    delar = []
    for år_del, reg_del in klient.förlopp(jobb, len(jobb), f"SCB {tabell}"):
        urval = [
            {"variableCode": reg, "valueCodes": reg_del},
            *fasta,
            {"variableCode": tid, "valueCodes": [str(a) for a in år_del]},
        ]
        svar = _data(klient, tabell, urval)
        url = klient.urler[-1]
        try:
            tidy = _läs(svar)
        except OgiltigtVärdeError as fel:
            raise KällfelError(
                f"SCB sent a malformed answer for table {tabell} at {url}: {fel}", url=url
            ) from fel
        delar.append(_välj(tidy, (reg, inn, tid), innehåll, fasta, tabell, url))
    return pd.concat(delar, ignore_index=True)


def _roller(meta: Mapping[str, Any]) -> tuple[str, str, str]:
    """The names of the region, content and time variables: by ``role`` where the
    dataset gives one, else SCB's ``Region``, ``ContentsCode`` and ``Tid``."""
    roll = meta.get("role") if isinstance(meta.get("role"), Mapping) else {}
    dims = meta["dimension"]

    def välj(nyckel: str, standard: str) -> str:
        kandidater = roll.get(nyckel) if isinstance(roll, Mapping) else None
        if isinstance(kandidater, list):
            for k in kandidater:
                if k in dims:
                    return str(k)
        if standard not in dims:
            for k in dims:
                if str(k).casefold() == standard.casefold():
                    return str(k)
        return standard

    return välj("geo", "Region"), välj("metric", "ContentsCode"), välj("time", "Tid")


def _data(klient: Klient, tabell: str, urval: list[dict[str, Any]]) -> Any:
    """POST the selection (the spec's form); a server that refuses POST (404, 405, 501)
    gets a GET with ``valuecodes[VAR]`` parameters instead (the spec's other form)."""
    params: dict[str, Any] = {"lang": "sv", "outputFormat": "json-stat2"}
    try:
        return klient.hämta(
            f"tables/{tabell}/data", vad=f"table {tabell}", params=params, body={"selection": urval}
        )
    except KällfelError as fel:
        if fel.status not in (404, 405, 501):
            raise
    for u in urval:
        params[f"valuecodes[{u['variableCode']}]"] = ",".join(u["valueCodes"])
    return klient.hämta(f"tables/{tabell}/data", vad=f"table {tabell}", params=params)


def _välj(
    tidy: pd.DataFrame,
    roller: tuple[str, str, str],
    innehåll: str,
    fasta: list[dict[str, Any]],
    tabell: str,
    url: str,
) -> pd.DataFrame:
    """Keep the Folkmängd cells at the requested totals; one row per region and year."""
    reg, inn, tid = roller
    tidy = tidy.rename(columns={reg: "Region", tid: "Tid", inn: "ContentsCode"})
    fasta = [
        {**f, "variableCode": "ContentsCode"} if f["variableCode"] == inn else f for f in fasta
    ]
    for krav in ("Region", "Tid"):
        if krav not in tidy.columns:
            raise KällfelError(f"SCB's answer for {tabell} lacks {krav!r} at {url}", url=url)
    mask = np.ones(len(tidy), dtype=bool)
    if "ContentsCode" in tidy.columns:
        mask &= (tidy["ContentsCode"] == innehåll).to_numpy()
    for f in fasta:
        namn = f["variableCode"]
        if namn != "ContentsCode" and namn in tidy.columns:
            mask &= (tidy[namn] == f["valueCodes"][0]).to_numpy()
    val = tidy.loc[mask]
    try:
        period = val["Tid"].astype(int)
    except ValueError as fel:
        raise KällfelError(
            f"SCB's answer for {tabell} has a year that is not a year at {url}", url=url
        ) from fel
    ut = pd.DataFrame(
        {
            "Region": val["Region"].to_numpy(),
            "period": period.to_numpy(dtype=np.int64),
            "värde": val["värde"].to_numpy(dtype=float),
            "status": val["status"].to_numpy(),
        }
    )
    värden = ut["värde"].to_numpy(dtype=float)
    orimliga = np.isfinite(värden) & (
        (värden < 0) | (värden != np.floor(värden)) | (värden > _STÖRSTA_FOLKMÄNGD)
    )
    if orimliga.any():
        i = int(np.flatnonzero(orimliga)[0])
        raise KällfelError(
            f"SCB's answer for {tabell} gives region {ut['Region'].iloc[i]!r} in "
            f"{ut['period'].iloc[i]} the population {värden[i]!r}, which is not a number of "
            f"inhabitants (a whole number from 0 to 10^9) at {url}",
            url=url,
        )
    if ut.duplicated(["Region", "period"]).any():
        raise KällfelError(
            f"SCB's answer for {tabell} has more than one population per region and year at "
            f"{url}; a variable was not fixed at its total",
            url=url,
        )
    return ut
