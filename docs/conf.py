"""Sphinx configuration of the halsouppfoljning documentation."""

from __future__ import annotations

import halsouppfoljning

project = "halsouppfoljning"
author = "The halsouppfoljning developers"
copyright = "2026, the halsouppfoljning developers"
release = halsouppfoljning.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "sphinx.ext.doctest",
    "myst_nb",
]

# Intersphinx to Python, numpy, pandas, scipy and attrs needs their objects.inv
# fetched over the network, which neither CI nor the build machines have; it is
# left out rather than failing the warnings-as-errors build.

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "notebooks/README.md"]
root_doc = "index"
language = "en"

myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "force"
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True

autodoc_member_order = "bysource"
autodoc_typehints = "none"
autodoc_default_options = {"members": False}
napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_rtype = False
napoleon_preprocess_types = False
napoleon_use_param = True

html_theme = "pydata_sphinx_theme"
html_title = "halsouppfoljning"
html_static_path: list[str] = []
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "navbar_align": "left",
}
html_show_sourcelink = False
suppress_warnings = ["mystnb.unknown_mime_type"]
