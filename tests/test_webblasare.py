"""The HTML report in a real browser: Debian's chromium renders the page headless.

The page is written by the command line (``exempel --format html --utfil``)
and opened from a file. A probe script is put into a test copy of the page
(never into what the package writes): it records console errors, uncaught
exceptions and the computed colour of every assessment cell in the DOM,
which ``--dump-dom`` returns. The screenshot is written to
``docs/_build/skarmbild/rapport.png`` for a person to look at.

Skipped only when ``/usr/bin/chromium`` is absent and the run is not under CI
(``CI`` set): under CI a missing browser fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import halsouppfoljning as hu
from halsouppfoljning.plot import palett

CHROMIUM = Path("/usr/bin/chromium")
SKÄRMBILD = Path(__file__).resolve().parents[1] / "docs" / "_build" / "skarmbild" / "rapport.png"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium); required under CI",
)

#: Put first in <head> of the test copy: console errors, uncaught exceptions and resources
#: that fail to load, and after
#: loading the computed background of each assessment cell, become attributes of <html>.
SONDEN = """<script>
(function () {
  var fel = [];
  var rot = document.documentElement;
  function spara() { rot.setAttribute("data-konsolfel", JSON.stringify(fel)); }
  var ursprunglig = console.error;
  console.error = function () {
    fel.push(Array.prototype.join.call(arguments, " "));
    spara();
    return ursprunglig.apply(console, arguments);
  };
  window.addEventListener("error", function (h) {
    if (h.target && h.target !== window) {
      fel.push("Failed to load " + (h.target.src || h.target.href));
    } else {
      fel.push("Uncaught " + h.message);
    }
    spara();
  }, true);
  window.addEventListener("unhandledrejection", function (h) {
    fel.push("Unhandled rejection " + h.reason); spara();
  });
  window.addEventListener("load", function () {
    document.querySelectorAll("td.bedomning").forEach(function (td) {
      td.setAttribute("data-beraknad-farg", getComputedStyle(td).backgroundColor);
    });
    rot.setAttribute("data-laddad", "ja");
    spara();
  });
})();
</script>"""

_LOGGFEL = re.compile(
    r"Uncaught|Failed to load resource|Not allowed to load local resource|"
    r"Refused to|net::ERR_",
)


def _chromium(*argument: str, profil: Path) -> subprocess.CompletedProcess[str]:
    if not CHROMIUM.exists():  # pragma: no cover - under CI without the browser
        pytest.fail("chromium is required under CI: apt-get install chromium")
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profil}",
            *argument,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        timeout=180,
    )


def _med_sond(sida: Path, mål: Path) -> Path:
    text = sida.read_text(encoding="utf-8")
    mål.write_text(text.replace("<head>", "<head>\n" + SONDEN, 1), encoding="utf-8")
    return mål


def _konsolfel(dom: str, logg: str) -> list[str]:
    """The console errors and uncaught exceptions of a page: from the probe and the log."""
    fel: list[str] = []
    träff = re.search(r'data-konsolfel="([^"]*)"', dom)
    if träff is None:
        fel.append("the probe did not run (no data-konsolfel on <html>)")
    else:
        fel.extend(json.loads(html.unescape(träff.group(1))))
    fel.extend(
        rad.strip()
        for rad in logg.splitlines()
        if ("CONSOLE" in rad and _LOGGFEL.search(rad)) or "net::ERR_FILE_NOT_FOUND" in rad
    )
    return fel


class _Celler(HTMLParser):
    """The rows of the styrkort tables and their assessment cells, as the DOM has them."""

    def __init__(self) -> None:
        super().__init__()
        self.rader = 0
        self.bedömningar: list[dict[str, Any]] = []
        self._i_styrkort = False
        self._i_kropp = False
        self._cell: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._i_styrkort = "styrkort" in (a.get("class") or "").split()
        elif tag == "tbody" and self._i_styrkort:
            self._i_kropp = True
        elif tag == "tr" and self._i_kropp:
            self.rader += 1
        elif tag == "td" and self._i_kropp and "bedomning" in (a.get("class") or ""):
            self._cell = {**a, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._i_kropp = False
        elif tag == "table":
            self._i_styrkort = False
        elif tag == "td" and self._cell is not None:
            self.bedömningar.append(self._cell)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data


def _rgb(hex_: str) -> str:
    r, g, b = (int(hex_[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def sida(tmp_path_factory: pytest.TempPathFactory) -> Path:
    katalog = tmp_path_factory.mktemp("webblasare")
    fil = katalog / "rapport.html"
    resultat = subprocess.run(
        [
            sys.executable,
            "-m",
            "halsouppfoljning",
            "exempel",
            "--format",
            "html",
            "--utfil",
            str(fil),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    assert resultat.returncode == 0, resultat.stderr
    assert fil.is_file()
    return fil


@pytest.fixture(scope="module")
def dom(sida: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    katalog = tmp_path_factory.mktemp("dom")
    kopia = _med_sond(sida, katalog / "med_sond.html")
    resultat = _chromium(
        "--enable-logging=stderr",
        "--v=1",
        "--dump-dom",
        kopia.as_uri(),
        profil=katalog / "profil",
    )
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    return resultat.stdout, resultat.stderr


def test_the_page_loads_without_console_errors(dom: tuple[str, str]) -> None:
    text, logg = dom
    assert 'data-laddad="ja"' in text
    assert _konsolfel(text, logg) == []


def test_the_console_error_detector_finds_errors(tmp_path: Path) -> None:
    sida = tmp_path / "fel.html"
    sida.write_text(
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"></head><body><p>x</p>'
        '<script>console.error("avsiktligt fel"); null.x();</script>'
        '<img src="finns_inte.png" alt=""></body></html>',
        encoding="utf-8",
    )
    kopia = _med_sond(sida, tmp_path / "med_sond.html")
    resultat = _chromium(
        "--enable-logging=stderr", "--v=1", "--dump-dom", kopia.as_uri(), profil=tmp_path / "p"
    )
    fel = _konsolfel(resultat.stdout, resultat.stderr)
    assert "avsiktligt fel" in fel
    assert any(f.startswith("Uncaught") and "null" in f for f in fel)
    assert any(f.startswith("Failed to load") and "finns_inte.png" in f for f in fel)
    # and a page where the probe never ran is an error too
    assert _konsolfel("<html></html>", "") == [
        "the probe did not run (no data-konsolfel on <html>)"
    ]


def test_the_styrkort_has_one_row_per_indicator(dom: tuple[str, str]) -> None:
    celler = _Celler()
    celler.feed(dom[0])
    # counted from the bundled data, not from the page
    u = hu.exempeldata.uppföljning_västmanland_2023_02(syntetiska_avsnitt=False)
    # the report's four tables (seed lines 86-149) have 7 + 6 + 3 + 8 rows
    assert celler.rader == len(u.indikatorer) == 7 + 6 + 3 + 8
    assert len(celler.bedömningar) == celler.rader


def test_every_assessment_shows_its_colour_and_its_symbol(dom: tuple[str, str]) -> None:
    celler = _Celler()
    celler.feed(dom[0])
    sedda = set()
    for cell in celler.bedömningar:
        stil = palett.bedömningsstil(cell["data-bedomning"])
        assert cell["data-beraknad-farg"] == _rgb(stil.färg), cell
        assert cell["text"].startswith(stil.symbol + " "), cell
        sedda.add(cell["data-bedomning"])
    # the example has these four (test_rapport counts them from the published figures)
    assert sedda == {"uppnådd", "ej uppnådd", "underlag saknas", "mål saknas"}


def test_the_page_lists_its_sources_and_embeds_the_figure(dom: tuple[str, str]) -> None:
    text = dom[0]
    assert '<ul class="kallor">' in text
    assert "Månadsrapport februari 2023" in text
    assert ".txt" not in text
    try:
        import matplotlib  # noqa: F401
    except ImportError:  # pragma: no cover - without the plot extra
        assert "matplotlib är inte installerat" in text
    else:
        assert '<figure class="diagram"><svg' in text


def test_screenshot_for_a_person_to_look_at(sida: Path, tmp_path: Path) -> None:
    SKÄRMBILD.parent.mkdir(parents=True, exist_ok=True)
    if SKÄRMBILD.exists():
        SKÄRMBILD.unlink()
    resultat = _chromium(
        f"--screenshot={SKÄRMBILD}",
        "--window-size=1280,2000",
        sida.as_uri(),
        profil=tmp_path / "profil",
    )
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    data = SKÄRMBILD.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    bredd, höjd = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (bredd, höjd) == (1280, 2000)
