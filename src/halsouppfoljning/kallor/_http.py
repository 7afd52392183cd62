"""Internal: the HTTP layer shared by the clients (session, cache, retry, progress).

Everything that needs the ``data`` extra (requests, requests-cache,
platformdirs, tqdm) is imported lazily, inside the functions, so that
``import halsouppfoljning.kallor`` works without it and never touches the
network.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import importlib
import json
import math
import numbers
import os
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from .._indata import kort, nfc
from ..exceptions import (
    FelTypError,
    KällfelError,
    OgiltigtVärdeError,
    OkändRegionError,
    SaknatTilläggError,
)

__all__ = [
    "FÖRSÖK",
    "HÖGST_SIDOR",
    "Klient",
    "KällfelError",
    "cachefil",
    "nfc",
    "rensa_cache",
    "segment",
]

#: How many times a request is tried in all (the first try and the retries).
FÖRSÖK = 4
#: The longest single wait between tries [s], also the cap on ``Retry-After``.
LÄNGSTA_VÄNTAN = 60.0
#: How long a cached response is used before it is fetched again.
CACHE_GILTIGHET = timedelta(days=1)
#: A fetch shows a progress bar when it needs more requests than this.
FÖRLOPP_FRÅN = 3
#: The most pages one query follows (5000 rows each: 5 million rows); a source that
#: keeps sending a next page beyond it is malformed, not patiently followed.
HÖGST_SIDOR = 1000

_TILLÄGG = 'pip install "halsouppfoljning[data]"'

T = TypeVar("T")
_P = ParamSpec("_P")
_R = TypeVar("_R")

#: The public fetchers: an argument error raised inside one of them (or inside another
#: that it calls) is named after the function the caller used.
KÄLLFUNKTIONER = (
    "hämta_befolkning",
    "hämta_kolada",
    "hämta_socialstyrelsen",
    "kolada_indikator",
    "kolada_nyckeltal",
    "rensa_cache",
)


def med_namn(vad: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """A decorator: an argument error the fetcher raises starts with ``"vad: "``.

    Errors of the source itself (:class:`KällfelError`, with its ``url``) are left
    as they are; a message that starts with another fetcher's name (one public
    fetcher calling another) gets this fetcher's name instead.
    """

    def dekorera(funktion: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(funktion)
        def omslag(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return funktion(*args, **kwargs)
            except (FelTypError, OgiltigtVärdeError, OkändRegionError) as fel:
                text = str(fel)
                if isinstance(fel, KällfelError) or len(fel.args) != 1:
                    raise
                if text.startswith(f"{vad}:"):
                    raise
                for annan in KÄLLFUNKTIONER:
                    if text.startswith(f"{annan}: "):
                        text = text[len(annan) + 2 :]
                        break
                ny = type(fel)(f"{vad}: {text}")
                raise ny.with_traceback(fel.__traceback__) from fel.__cause__

        return omslag

    return dekorera


def vänta(sekunder: float) -> None:
    """Sleep between tries; tests replace this function (``monkeypatch``) to run fast."""
    time.sleep(sekunder)


def kräv(modul: str) -> Any:
    """Import a module of the ``data`` extra, or say how to install it."""
    try:
        return importlib.import_module(modul)
    except ImportError as fel:
        raise SaknatTilläggError(
            f"the national data clients need {modul.split('.', maxsplit=1)[0]!r}, which is "
            "not installed; "
            f"install the data extra: {_TILLÄGG}"
        ) from fel


def cachefil(cache: bool | str | os.PathLike[str]) -> Path | None:
    """The SQLite file of the HTTP cache for a ``cache=`` argument (None: no cache).

    ``True`` is ``http_cache.sqlite`` in the platform's user cache directory
    (platformdirs); a path ending in ``.sqlite`` or ``.db`` is that file; any
    other path is a directory to hold ``http_cache.sqlite``.
    """
    if cache is False:
        return None
    if cache is True:
        platformdirs = kräv("platformdirs")
        return Path(platformdirs.user_cache_dir("halsouppfoljning")) / "http_cache.sqlite"
    if isinstance(cache, (str, os.PathLike)):
        if not str(os.fspath(cache)).strip():
            raise FelTypError(
                "cache must be True, False or a path, got an empty path; e.g. "
                "cache='~/.cache/halsouppfoljning' or cache=False for no cache"
            )
        väg = Path(cache).expanduser()
        if väg.suffix in (".sqlite", ".db"):
            return väg
        return väg / "http_cache.sqlite"
    raise FelTypError(
        f"cache must be True, False or a path, got {cache!r:.60} of type {type(cache).__name__}; "
        "e.g. cache=False for no cache"
    )


@med_namn("rensa_cache")
def rensa_cache(cache: bool | str | os.PathLike[str] = True) -> int:
    """Empty the HTTP cache of the national data clients.

    Parameters
    ----------
    cache : bool or path
        Which cache: ``True`` (default) the one under the user cache
        directory that the clients use by default, or the path given to a
        client's ``cache=``.

    Returns
    -------
    int
        The number of cache files removed (0 when there was none).

    Examples
    --------
    >>> import tempfile
    >>> from halsouppfoljning.kallor import rensa_cache
    >>> rensa_cache(tempfile.mkdtemp())  # an empty directory: nothing to remove
    0
    """
    fil = cachefil(cache)
    if fil is None:
        return 0
    antal = 0
    for väg in (fil, *(fil.with_name(fil.name + t) for t in ("-wal", "-shm", "-journal"))):
        if väg.exists():
            väg.unlink()
            antal += väg == fil
    return antal


def segment(ids: Sequence[T], storlek: int = 25) -> list[list[T]]:
    """Split ids into consecutive segments of at most ``storlek``."""
    return [list(ids[i : i + storlek]) for i in range(0, len(ids), storlek)]


def _retry_after(värde: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not värde:
        return None
    värde = värde.strip()
    try:
        sek = float(värde)
    except ValueError:
        try:
            när = email.utils.parsedate_to_datetime(värde)
        except (TypeError, ValueError):
            return None
        if när.tzinfo is None:
            när = när.replace(tzinfo=UTC)
        sek = (när - datetime.now(UTC)).total_seconds()
    if not math.isfinite(sek):
        return None
    return max(0.0, sek)


def _är_url(värde: object) -> bool:
    """Whether ``värde`` is an absolute http(s) URL with a host (and a valid port)."""
    if not isinstance(värde, str) or any(c.isspace() for c in värde):
        return False
    try:
        delar = urllib.parse.urlsplit(värde)
        _ = delar.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    return delar.scheme in ("http", "https") and bool(delar.hostname)


#: The longest ``timeout=`` a client takes [s]: an hour per answer.
LÄNGSTA_TIMEOUT = 3600.0


def _är_positivt_tal(värde: object) -> bool:
    return (
        isinstance(värde, (int, float))
        and not isinstance(värde, bool)
        and math.isfinite(värde)
        and 0 < värde <= LÄNGSTA_TIMEOUT
    )


def _i_terminal_eller_notebook() -> bool:
    if "ipykernel" in sys.modules:
        return True
    ström = sys.stderr
    return bool(getattr(ström, "isatty", lambda: False)())


class Klient:
    """One source's connection: base URL, cache, timeout, retries and progress.

    The public functions create one per call. ``hämta`` returns parsed JSON
    and records every URL in ``urler``.
    """

    def __init__(
        self,
        källa: str,
        bas_url: str,
        *,
        cache: bool | str | os.PathLike[str],
        timeout: float,
        visa_förlopp: bool | None,
    ) -> None:
        if not _är_url(bas_url):
            raise FelTypError(
                f"{källa}: bas_url must be an http(s) URL with a host, got {bas_url!r:.80}; e.g. "
                "'http://127.0.0.1:8000/' for a local server, or leave it out for the public API"
            )
        if not _är_positivt_tal(timeout):
            raise FelTypError(
                f"{källa}: timeout must be a number of seconds in (0, {LÄNGSTA_TIMEOUT:g}], got "
                f"{timeout!r:.60}; e.g. timeout=30"
            )
        self.källa = källa
        self.bas_url = bas_url.rstrip("/") + "/"
        self.timeout = float(timeout)
        self.visa_förlopp = visa_förlopp
        self.urler: list[str] = []
        self.antal_från_cache = 0
        self._förfrågningar: list[Any] = []
        requests = kräv("requests")
        self._requests = requests
        fil = cachefil(cache)
        self.cachefil = fil
        if fil is None:
            self.session = requests.Session()
        else:
            requests_cache = kräv("requests_cache")
            fil.parent.mkdir(parents=True, exist_ok=True)
            self.session = requests_cache.CachedSession(
                str(fil),
                backend="sqlite",
                expire_after=CACHE_GILTIGHET,
                allowable_methods=("GET", "HEAD", "POST"),
                allowable_codes=(200,),
            )
        self.session.headers["User-Agent"] = "halsouppfoljning (python-requests)"
        self.session.headers["Accept"] = "application/json"

    def __enter__(self) -> Klient:
        return self

    def __exit__(self, typ: object, fel: object, spår: object) -> None:
        # A call that failed must not leave its answers in the cache: a malformed
        # body would otherwise be served again for a day.
        if fel is not None and self._förfrågningar and hasattr(self.session, "cache"):
            with contextlib.suppress(Exception):  # cleaning must not hide the error
                self.session.cache.delete(requests=self._förfrågningar)
        self.session.close()

    def url(self, väg: str) -> str:
        """An absolute URL: ``väg`` relative to the base URL (or already absolute)."""
        if väg.startswith(("http://", "https://")):
            return väg
        return self.bas_url + väg.lstrip("/")

    def förlopp(self, delar: Iterable[T], antal: int, text: str) -> Iterator[T]:
        """Iterate ``delar``, with a tqdm bar when there are many and someone watches."""
        visa = self.visa_förlopp
        if visa is None:
            visa = antal > FÖRLOPP_FRÅN and _i_terminal_eller_notebook()
        if not visa:
            yield from delar
            return
        tqdm = kräv("tqdm.auto").tqdm
        with tqdm(total=antal, desc=text, unit="anrop", leave=False) as stapel:
            for del_ in delar:
                yield del_
                stapel.update(1)

    def hämta(
        self,
        väg: str,
        *,
        vad: str,
        params: dict[str, Any] | None = None,
        body: Any = None,
        försök: int = FÖRSÖK,
    ) -> Any:
        """GET (or POST with a JSON ``body``) and parse JSON, retrying 429/5xx/timeouts.

        501 (not implemented) is not retried: it will not change.

        ``vad`` says what was asked for (e.g. "KPI N79173") for error messages.
        """
        requests = self._requests
        url = self.url(väg)
        senaste: str = ""
        url_för_fel = url
        paus = 1.0
        for nummer in range(1, försök + 1):
            try:
                if body is None:
                    svar = self.session.get(url, params=params, timeout=self.timeout)
                else:
                    svar = self.session.post(url, params=params, json=body, timeout=self.timeout)
            except requests.Timeout:
                senaste = f"no answer within the timeout of {self.timeout:g} s"
                paus = min(2.0 ** (nummer - 1), LÄNGSTA_VÄNTAN)
            except requests.ConnectionError as fel:
                senaste = f"could not connect ({type(fel).__name__})"
                paus = min(2.0 ** (nummer - 1), LÄNGSTA_VÄNTAN)
            except requests.RequestException as fel:  # an invalid URL, too many redirects ...
                raise KällfelError(
                    f"{self.källa} could not be asked for {vad} at {url}: {type(fel).__name__}: "
                    f"{str(fel)[:200]}; check bas_url and the ids",
                    url=url,
                    status=None,
                ) from fel
            else:
                full_url = str(svar.url or url)
                if svar.request is not None:
                    self._förfrågningar.append(svar.request)
                if getattr(svar, "from_cache", False):
                    self.antal_från_cache += 1
                if svar.status_code == 429 or (svar.status_code >= 500 and svar.status_code != 501):
                    senaste = f"HTTP {svar.status_code}"
                    angiven = _retry_after(svar.headers.get("Retry-After"))
                    paus = min(
                        angiven if angiven is not None else 2.0 ** (nummer - 1), LÄNGSTA_VÄNTAN
                    )
                    url_för_fel = full_url
                elif svar.status_code >= 400:
                    self.urler.append(full_url)
                    raise KällfelError(
                        f"{self.källa} answered HTTP {svar.status_code} for {vad} at "
                        f"{full_url}: {_felrad(svar)}. Check the ids and parameters "
                        "(an unknown id, a malformed or too long URL)",
                        url=full_url,
                        status=svar.status_code,
                    )
                else:
                    self.urler.append(full_url)
                    try:
                        return json.loads(svar.content.decode(svar.encoding or "utf-8"))
                    except (ValueError, UnicodeDecodeError) as fel:
                        raise KällfelError(
                            f"{self.källa} sent a body that is not JSON for {vad} at "
                            f"{full_url} ({fel}); the service may have changed or be down",
                            url=full_url,
                            status=svar.status_code,
                        ) from fel
                if nummer < försök:
                    vänta(paus)
                continue
            url_för_fel = url
            if nummer < försök:
                vänta(paus)
        raise KällfelError(
            f"{self.källa} failed for {vad} at {url_för_fel} after {försök} tries "
            f"(last: {senaste}); try again later or raise timeout=",
            url=url_för_fel,
            status=None,
        )


def _felrad(svar: Any) -> str:
    """A short description of an error answer (RFC 7807 title/detail or the text)."""
    try:
        kropp = svar.json()
    except ValueError:
        kropp = None
    if isinstance(kropp, dict):
        delar = [str(kropp[k]) for k in ("title", "detail", "message") if kropp.get(k)]
        if delar:
            return "; ".join(delar)[:300]
    text = (svar.text or "").strip()
    return text[:300] or "no message"


def nu() -> str:
    """The retrieval time, ISO 8601 in UTC."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def kontrollera_visa(visa_förlopp: Any) -> bool | None:
    if visa_förlopp is not None and not isinstance(visa_förlopp, bool):
        raise FelTypError(
            f"visa_förlopp must be True, False or None, got {visa_förlopp!r:.60} of type "
            f"{type(visa_förlopp).__name__}"
        )
    return visa_förlopp


def platt(värden: Any, namn: str) -> list[Any]:
    """One value or an iterable of values as a list (strings are one value)."""
    if värden is None:
        return []
    if isinstance(värden, (str, bytes, numbers.Number)):
        return [värden]
    if isinstance(värden, Mapping):
        raise FelTypError(
            f"{namn} must be one value or a list of values, got a {type(värden).__name__} "
            f"{värden!r:.60}"
        )
    ndim = getattr(värden, "ndim", 1)
    if ndim != 1:
        raise FelTypError(
            f"{namn} must be one value or a list of values, got a {ndim}-dimensional "
            f"{type(värden).__name__} {kort(värden)}; pass one column or a list"
        )
    try:
        lista = list(värden)
    except TypeError:
        raise FelTypError(
            f"{namn} must be one value or a list of values, got {värden!r:.60} of type "
            f"{type(värden).__name__}"
        ) from None
    for v in lista:
        if v is not None and not isinstance(v, (str, bytes, numbers.Number)):
            raise FelTypError(
                f"{namn} must be one value or a list of values (numbers or text), got the "
                f"element {v!r:.40} of type {type(v).__name__}; give a flat list"
            )
    return lista
