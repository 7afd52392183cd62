"""Socialstyrelsen's statistikdatabas API: one subject's measure per region as a tidy table.

No official documentation could be read (see ``DATAKALLOR.md`` section 3);
what is known comes from a third-party client and its recorded outputs. The
reader is therefore tolerant: ``varde`` may be a number or text with a
decimal comma or point (read by :func:`~halsouppfoljning.tolka_tal`), data
keys are ``<variabel>Id`` plus ``ar`` and ``varde`` and depend on the
subject, and paging follows ``nasta_sida`` until it is absent or empty.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .._indata import heltal
from ..exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from ..jamforelse import RIKET
from ..organisation import regioner as _regioner
from ..tolka import tolka_tal
from ._http import HÖGST_SIDOR, Klient, KällfelError, kontrollera_visa, med_namn, nfc, nu, platt
from ._omraden import områden

__all__ = ["SOCIALSTYRELSEN_URL", "hämta_socialstyrelsen"]

#: The public base URL of Socialstyrelsen's statistikdatabas API.
SOCIALSTYRELSEN_URL = "https://sdb.socialstyrelsen.se/api/"
KÄLLA_SOCIALSTYRELSEN = "Källa: Socialstyrelsen, statistikdatabasen"
_PER_SIDA = 5000
_NAMN = re.compile(r"^[a-z0-9_]+$")
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
#: The largest numeric id (the API's ids are 32-bit integers).
_STÖRSTA_ID = 2**31 - 1
#: The years a period may be (a year outside is a typing error or a malformed row).
_FÖRSTA_ÅR, _SISTA_ÅR = 1900, 2100


def _ids(värden: Any, namn: str) -> str:
    """Ids of the API as a path segment: whole numbers >= 0 or short codes such as "R99"."""
    lista = platt(värden, f"hämta_socialstyrelsen: {namn}")
    if not lista:
        raise OgiltigtVärdeError(f"hämta_socialstyrelsen: {namn}: give at least one id")
    slag = {isinstance(v, str) for v in lista}
    if len(slag) > 1:
        raise FelTypError(
            f"hämta_socialstyrelsen: {namn}: the ids mix whole numbers and text "
            f"({lista!r:.60}); give the ids of one variable all as numbers (e.g. [1, 2]) "
            "or all as codes (e.g. ['R99'])"
        )
    text = []
    for v in lista:
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            if not 0 <= v <= _STÖRSTA_ID:
                raise OgiltigtVärdeError(
                    f"hämta_socialstyrelsen: {namn}: {v!r:.40} is not an id (the API's ids are "
                    f"whole numbers 0 to {_STÖRSTA_ID}); check the id"
                )
            text.append(str(int(v)))
            continue
        if not isinstance(v, str):
            raise FelTypError(
                f"hämta_socialstyrelsen: {namn}: an id is a whole number or a code as text, "
                f"got {v!r:.40} of type {type(v).__name__}"
            )
        s = nfc(v).strip()
        if not _ID.match(s):
            raise OgiltigtVärdeError(
                f"hämta_socialstyrelsen: {namn}: {v!r:.40} is not an id (letters, digits, "
                "'_', '.' or '-'), e.g. 1 or 'R99'"
            )
        text.append(s)
    return ",".join(dict.fromkeys(text))


def _åren(år: Any) -> str:
    """The years as a path segment: whole numbers 1900-2100, at least one."""
    lista = platt(år, "år")
    if not lista:
        raise OgiltigtVärdeError(
            f"hämta_socialstyrelsen: år is empty ({år!r:.60}); give at least one year, e.g. "
            "år=2023, or år=None for every year"
        )
    åren = [
        heltal(
            a,
            f"hämta_socialstyrelsen: år[{i}]" if len(lista) > 1 else "hämta_socialstyrelsen: år",
            minst=_FÖRSTA_ÅR,
            högst=_SISTA_ÅR,
        )
        for i, a in enumerate(lista)
    ]
    return ",".join(str(a) for a in sorted(set(åren)))


def _värde(v: Any) -> float:
    """A ``varde``: a finite number, or text read as report notation (missing markers NaN)."""
    if v is None:
        return math.nan
    if isinstance(v, bool):
        raise TolkningsError(f"varde {v!r} is not a number")
    if isinstance(v, (int, float)):
        tal = float(v)
    elif isinstance(v, str):
        if "%" in v:
            raise TolkningsError(
                f"varde {v!r:.40} carries a unit; the database publishes plain numbers"
            )
        tal = float(tolka_tal(v))
    else:
        raise TolkningsError(f"varde {v!r:.40} is not a number")
    if math.isinf(tal):
        raise TolkningsError(f"varde {v!r:.40} is not a finite number")
    return tal


@med_namn("hämta_socialstyrelsen")
def hämta_socialstyrelsen(
    ämne: str,
    mått: int | str | Iterable[int | str],
    *,
    regioner: Any = None,
    år: int | Iterable[int] | None = None,
    bas_url: str = SOCIALSTYRELSEN_URL,
    cache: bool | str | os.PathLike[str] = True,
    timeout: float = 30.0,
    visa_förlopp: bool | None = None,
    **filter: Any,
) -> pd.DataFrame:
    """Fetch a measure of a subject of Socialstyrelsen's statistikdatabas as a tidy table.

    Parameters
    ----------
    ämne : str
        The subject's API name, e.g. ``"dodsorsaker"``, ``"lakemedel"``,
        ``"diagnoserislutenvard"``.
    mått : int, str or list
        The measure id(s) (``matt``).
    regioner : optional
        Default: the 21 regions and :term:`Riket`. Otherwise ``"alla"``,
        ``"Riket"``, anything :func:`~halsouppfoljning.region` accepts, or a
        list. Sent as the API's integer ids (0 Riket, 1 Stockholm ... 25).
    år : int, range or list of int, optional
        The years; default all.
    bas_url, cache, timeout, visa_förlopp
        As for :func:`~halsouppfoljning.kallor.hämta_kolada`.
    **filter
        Further variables of the subject and their ids, e.g. ``kon=[1, 2]``,
        ``alder=15``, ``diagnos="R99"``; each becomes a path segment
        ``/<variabel>/<ids>``.

    Returns
    -------
    pandas.DataFrame
        One row per data row: ``region`` (the official name, ``"Riket"`` for
        0), ``period`` (int year), ``mått`` (the measure id), one column per
        further variable (named without the ``Id`` suffix, e.g. ``kon``,
        ``alder``, ``diagnos``, holding the API's ids), and ``värde``
        (float; NaN for missing markers). ``attrs``: ``källa``, ``urler``,
        ``hämtad``, ``utelämnade`` (rows of areas that are neither a region
        nor Riket).

    Raises
    ------
    KällfelError
        For an HTTP error or a malformed body.
    OkändRegionError
        For labels that are neither a region nor Riket.

    Notes
    -----
    The data path is ``v1/sv/<ämne>/resultat/matt/<ids>/region/<ids>/ar/<ids>/...``
    with ``per_sida=5000``. Men are ``kon`` 1 and women 2; 3 probably both
    (unverified). Values are kept on the scale the database publishes.

    Examples
    --------
    Against the public API (needs the internet):

    >>> import halsouppfoljning.kallor as kallor
    >>> d = kallor.hämta_socialstyrelsen("dodsorsaker", 1, år=2022)  # doctest: +SKIP

    Against a tiny local server that answers like the statistikdatabas:

    >>> import json, threading
    >>> from http.server import BaseHTTPRequestHandler, HTTPServer
    >>> svar = {"data": [{"regionId": 0, "ar": 2022, "mattId": 1, "konId": 3, "varde": "8,5"},
    ...                  {"regionId": 19, "ar": 2022, "mattId": 1, "konId": 3, "varde": 9}]}
    >>> class Sdb(BaseHTTPRequestHandler):
    ...     def do_GET(self):
    ...         self.send_response(200)
    ...         self.end_headers()
    ...         self.wfile.write(json.dumps(svar).encode())
    ...     def log_message(self, *args):
    ...         pass
    >>> server = HTTPServer(("127.0.0.1", 0), Sdb)
    >>> threading.Thread(target=server.serve_forever, daemon=True).start()
    >>> bas = f"http://127.0.0.1:{server.server_address[1]}/"
    >>> kallor.hämta_socialstyrelsen("exempel", 1, regioner=["Riket", "Västmanland"],
    ...                              år=2022, kon=3, bas_url=bas, cache=False)
                   region  period  mått  kon  värde
    0               Riket    2022     1    3    8.5
    1  Region Västmanland    2022     1    3    9.0
    >>> server.shutdown(); server.server_close()
    """
    namn: object = ämne
    if not isinstance(namn, str) or not _NAMN.match(nfc(namn).strip().lower()):
        raise OgiltigtVärdeError(
            "hämta_socialstyrelsen: ämne must be the subject's API name in lower case ASCII, "
            f"e.g. 'dodsorsaker', got {ämne!r:.60}"
        )
    ämne = ämne.strip().lower()
    områdeslista = områden(regioner, med_riket=True)
    if not områdeslista:
        raise OgiltigtVärdeError(
            "hämta_socialstyrelsen: regioner is empty; give at least one region, 'alla' or "
            "'Riket' (or leave it out for the 21 regions and Riket)"
        )
    måttsegment = _ids(mått, "mått")
    väg = f"v1/sv/{ämne}/resultat/matt/{måttsegment}"
    väg += "/region/" + ",".join(str(o.heltal) for o in områdeslista)
    if år is not None:
        väg += "/ar/" + _åren(år)
    for namn, värden in filter.items():
        if not _NAMN.match(namn):
            raise OgiltigtVärdeError(
                f"hämta_socialstyrelsen: filter variable {namn!r} is not an API variable name "
                "(lower case letters, digits and _), e.g. kon=[1, 2]"
            )
        väg += f"/{namn}/{_ids(värden, namn)}"
    visa = kontrollera_visa(visa_förlopp)
    vad = f"subject {ämne!r}, measure {mått!r}"
    rader: list[Any] = []
    with Klient(
        "Socialstyrelsen", bas_url, cache=cache, timeout=timeout, visa_förlopp=visa
    ) as klient:
        nästa: str | None = väg
        första = True
        sedda: set[str] = set()
        while nästa:
            kropp = klient.hämta(nästa, vad=vad, params={"per_sida": _PER_SIDA} if första else None)
            url = klient.urler[-1]
            första = False
            if not isinstance(kropp, dict) or not isinstance(kropp.get("data"), list):
                raise KällfelError(
                    f"Socialstyrelsen sent a malformed body for {vad} at {url}: expected an "
                    f"object with a 'data' list, got {str(kropp)[:120]!r}",
                    url=url,
                )
            rader.extend(kropp["data"])
            länk = kropp.get("nasta_sida")
            nästa = länk.strip() if isinstance(länk, str) and länk.strip() else None
            if nästa in sedda:
                raise KällfelError(f"Socialstyrelsen's nasta_sida loops at {url}", url=url)
            if nästa:
                if len(sedda) >= HÖGST_SIDOR:
                    raise KällfelError(
                        f"Socialstyrelsen keeps sending a nasta_sida after {len(sedda) + 1} "
                        f"pages at {url}; the paging is malformed, or the query too large: "
                        "ask for fewer measures, regions, years or filter values per call",
                        url=url,
                    )
                sedda.add(nästa)
        urler = list(klient.urler)
    tabell = _tabell(rader, vad=vad, url=urler[-1], urler=urler)
    _kontrollera_mått(tabell, måttsegment.split(","), url=urler[-1])
    return tabell


def _kontrollera_mått(tabell: pd.DataFrame, frågade: list[str], *, url: str) -> None:
    """Every row is of a measure asked for (an answer for another is malformed, not data)."""
    kända = {f.casefold() for f in frågade}
    främmande = sorted(
        {str(m) for m in tabell["mått"].unique() if str(m).strip().casefold() not in kända}
    )
    if främmande:
        raise KällfelError(
            f"Socialstyrelsen sent rows of the measure(s) {främmande[:5]!r} at {url}, not those "
            f"asked for with mått={frågade[:5]!r}; check the measure ids (mått=), or try again "
            "later (cache=False)",
            url=url,
        )


def _heltal_i_svar(v: Any, nyckel: str) -> int:
    """A whole number in an answer (an int or its digits as text), else ValueError."""
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    if isinstance(v, str) and re.fullmatch(r"\s*-?\d+\s*", v):
        return int(v)
    raise ValueError(f"{nyckel} {v!r:.40} is not a whole number")


def _tabell(rader: list[Any], *, vad: str, url: str, urler: list[str]) -> pd.DataFrame:
    per_id = {0: RIKET} | {int(r.kod): r.namn for r in _regioner()}
    kolumner: dict[str, list[Any]] = {"region": [], "period": [], "mått": []}
    övriga: dict[str, list[Any]] = {}
    värden: list[float] = []
    utelämnade = 0
    for rad in rader:
        if not isinstance(rad, dict) or "varde" not in rad or "ar" not in rad:
            raise KällfelError(
                f"Socialstyrelsen sent a malformed data row for {vad} at {url}: {str(rad)[:160]!r}",
                url=url,
            )
        try:
            region_id = _heltal_i_svar(rad.get("regionId", 0), "regionId")
            period = _heltal_i_svar(rad["ar"], "ar")
            if not _FÖRSTA_ÅR <= period <= _SISTA_ÅR:
                raise ValueError(f"ar {rad['ar']!r} is not a year (1900-2100)")
            värde = _värde(rad["varde"])
            for nyckel, v in rad.items():
                if nyckel.endswith("Id") and (
                    isinstance(v, bool) or not isinstance(v, (int, str, type(None)))
                ):
                    raise ValueError(f"{nyckel} {v!r:.40} is not an id")
            if "mattId" not in rad:
                raise ValueError("the row has no mattId")
        except (ValueError, TolkningsError) as fel:
            raise KällfelError(
                f"Socialstyrelsen sent a value that cannot be read for {vad} at {url}: {fel}",
                url=url,
            ) from fel
        if region_id not in per_id:
            utelämnade += 1
            continue
        kolumner["region"].append(per_id[region_id])
        kolumner["period"].append(period)
        kolumner["mått"].append(rad.get("mattId"))
        värden.append(värde)
        rad_nr = len(värden) - 1
        for nyckel, v in rad.items():
            if nyckel in ("regionId", "ar", "varde", "mattId") or not nyckel.endswith("Id"):
                continue
            namn = nyckel[:-2]
            övriga.setdefault(namn, [None] * rad_nr).append(v)
        for lista in övriga.values():
            if len(lista) < len(värden):
                lista.append(None)
    data: dict[str, Any] = dict(kolumner) | övriga
    data["värde"] = np.asarray(värden, dtype=float)
    tabell = pd.DataFrame(data)
    nycklar = [k for k in tabell.columns if k != "värde"]
    dubbla = tabell.astype(dict.fromkeys(nycklar, str)).duplicated(nycklar, keep=False)
    if dubbla.any():
        lista = sorted({tuple(str(x) for x in r) for r in tabell.loc[dubbla, nycklar].to_numpy()})
        raise KällfelError(
            f"Socialstyrelsen sent {int(dubbla.sum())} rows for the same {tuple(nycklar)}: "
            f"{lista[:5]!r}{' ...' if len(lista) > 5 else ''} for {vad} at {url}; one value "
            "per key is expected, so they are neither summed nor dropped: add the variable "
            "that tells them apart as a filter, or report it to Socialstyrelsen",
            url=url,
        )
    tabell["period"] = tabell["period"].astype(np.int64)
    tabell["region"] = tabell["region"].astype(object)
    tabell.attrs.update(
        {"källa": KÄLLA_SOCIALSTYRELSEN, "urler": urler, "hämtad": nu(), "utelämnade": utelämnade}
    )
    return tabell
