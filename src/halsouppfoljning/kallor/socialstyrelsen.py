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

from ..exceptions import FelTypError, OgiltigtVärdeError, TolkningsError
from ..jamforelse import RIKET
from ..organisation import regioner as _regioner
from ..tolka import tolka_tal
from ._http import Klient, KällfelError, kontrollera_visa, nfc, nu, platt
from ._omraden import områden

__all__ = ["SOCIALSTYRELSEN_URL", "hämta_socialstyrelsen"]

#: The public base URL of Socialstyrelsen's statistikdatabas API.
SOCIALSTYRELSEN_URL = "https://sdb.socialstyrelsen.se/api/"
KÄLLA_SOCIALSTYRELSEN = "Källa: Socialstyrelsen, statistikdatabasen"
_PER_SIDA = 5000
_NAMN = re.compile(r"^[a-z0-9_]+$")


def _ids(värden: Any, namn: str) -> str:
    lista = platt(värden, namn)
    if not lista:
        raise OgiltigtVärdeError(f"{namn}: give at least one id")
    text = []
    for v in lista:
        if isinstance(v, bool):
            raise FelTypError(f"{namn}: {v!r} is not an id")
        s = nfc(str(v)).strip()
        if not s or any(c in s for c in "/?#&, "):
            raise OgiltigtVärdeError(f"{namn}: {v!r} is not an id")
        text.append(s)
    return ",".join(dict.fromkeys(text))


def _värde(v: Any) -> float:
    if v is None:
        return math.nan
    if isinstance(v, bool):
        raise TolkningsError(f"varde {v!r} is not a number")
    if isinstance(v, (int, float)):
        return float(v)
    return float(tolka_tal(str(v)))


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
            f"ämne must be the subject's API name in lower case ASCII, e.g. 'dodsorsaker', "
            f"got {ämne!r}"
        )
    ämne = ämne.strip().lower()
    områdeslista = områden(regioner, med_riket=True)
    väg = f"v1/sv/{ämne}/resultat/matt/{_ids(mått, 'mått')}"
    väg += "/region/" + ",".join(str(o.heltal) for o in områdeslista)
    if år is not None:
        väg += "/ar/" + _ids(år, "år")
    for namn, värden in filter.items():
        if not _NAMN.match(namn):
            raise OgiltigtVärdeError(f"filter variable {namn!r} is not an API variable name")
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
                sedda.add(nästa)
        urler = list(klient.urler)
    return _tabell(rader, vad=vad, url=urler[-1], urler=urler)


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
            region_id = int(str(rad.get("regionId", 0)).strip())
            period = int(str(rad["ar"]).strip())
            värde = _värde(rad["varde"])
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
    tabell["period"] = tabell["period"].astype(np.int64)
    tabell["region"] = tabell["region"].astype(object)
    tabell.attrs.update(
        {"källa": KÄLLA_SOCIALSTYRELSEN, "urler": urler, "hämtad": nu(), "utelämnade": utelämnade}
    )
    return tabell
