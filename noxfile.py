"""Tasks for developers: ``nox -s tests``, ``nox -s docs``, ``nox -s lint``, ``nox -s benchmarks``.

``nox -l`` lists the sessions. CI (``.ci/run``) runs the same steps without nox,
in fresh virtual environments of its own.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "tests"]
nox.options.default_venv_backend = "venv"

PYTHONS = ["3.11", "3.13"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite (unit, property and doctests) with branch coverage."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "--cov", *session.posargs)


@nox.session(python="3.11", name="tests-minsta")
def tests_minsta(session: nox.Session) -> None:
    """The test suite under the oldest versions the package declares."""
    session.install("-e", ".[test]", "-c", ".ci/minsta-versioner.txt")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff (lint and format), mypy --strict and the import-linter contracts."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict", "src/halsouppfoljning")
    session.run("lint-imports")


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """The documentation, warnings as errors; executes the notebooks."""
    session.install("-e", ".[dev]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")


@nox.session(python="3.11")
def benchmarks(session: nox.Session) -> None:
    """The benchmark tables (waiting times, continuity); pass options after ``--``."""
    session.install("-e", ".[dev,bench]")
    session.run("python", "benchmarks/bench_vantetider.py", *session.posargs)
    session.run("python", "benchmarks/bench_kontinuitet.py", *session.posargs)
