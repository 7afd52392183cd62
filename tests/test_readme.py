"""The README's quickstart runs as written, and its test command is the one .ci/run uses."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.pyplot as plt

ROT = Path(__file__).resolve().parents[1]
README = (ROT / "README.md").read_text(encoding="utf-8")


def test_quickstart_runs() -> None:
    avsnitt = README[README.index("## Quickstart") :]
    kod = re.search(r"```python\n(.*?)```", avsnitt, re.S)
    assert kod is not None
    namnrymd: dict[str, object] = {}
    exec(compile(kod.group(1), "README.md quickstart", "exec"), namnrymd)
    plt.close("all")
    # the values the comments promise
    assert namnrymd["r"].kolada_id == "0019"  # type: ignore[attr-defined]


def test_ci_runs_the_readme_test_command() -> None:
    skript = (ROT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- testkommando -->" in skript
    efter = README[README.index("<!-- testkommando -->") :]
    kommando = re.search(r"```bash\n(.*?)\n```", efter, re.S)
    assert kommando is not None
    assert (
        kommando.group(1).strip() == 'python -m pip install -e ".[dev]" && python -m pytest --cov'
    )
