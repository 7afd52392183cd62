"""Internal helpers for the optional Dask support.

Dask is an optional extra (``pip install "halsouppfoljning[dask]"``): nothing
here imports it at module import time. :func:`är_dask` recognises a Dask
collection without importing Dask; :func:`importera_dask` imports a Dask
module on demand and raises :class:`~halsouppfoljning.SaknatTilläggError`
with the install command when it is missing.

Not public API; other modules of the package import from here.

Examples
--------
>>> import pandas as pd
>>> from halsouppfoljning._dask import är_dask
>>> är_dask(pd.DataFrame({"a": [1]}))
False
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

from .exceptions import SaknatTilläggError

__all__ = ["importera_dask", "är_dask", "är_dask_dataframe"]

#: The install command named in the error when Dask is missing.
INSTALLATION = 'pip install "halsouppfoljning[dask]"'


def är_dask(obj: Any) -> bool:
    """Whether ``obj`` is a Dask collection (DataFrame, Series, Array, Bag ...).

    Does not import Dask: when Dask has not been imported, no object can be a
    Dask collection, and the answer is ``False`` at no cost.

    Parameters
    ----------
    obj : object
        Anything.

    Returns
    -------
    bool

    Examples
    --------
    >>> from halsouppfoljning._dask import är_dask
    >>> är_dask([1, 2, 3])
    False
    """
    if "dask" not in sys.modules:
        return False
    try:
        base = importlib.import_module("dask.base")
    except ImportError:  # pragma: no cover - a broken Dask install
        return False
    return bool(base.is_dask_collection(obj))


def är_dask_dataframe(obj: Any) -> bool:
    """Whether ``obj`` is a Dask DataFrame (not a Series or another collection).

    Examples
    --------
    >>> import pandas as pd
    >>> from halsouppfoljning._dask import är_dask_dataframe
    >>> är_dask_dataframe(pd.DataFrame())
    False
    """
    if not är_dask(obj):
        return False
    dd = importera_dask("dask.dataframe")
    return isinstance(obj, dd.DataFrame)


def importera_dask(modul: str = "dask.dataframe", *, för: str | None = None) -> ModuleType:
    """Import a Dask module, or raise :class:`SaknatTilläggError` naming the install command.

    Parameters
    ----------
    modul : str
        The module to import, e.g. ``"dask"`` or ``"dask.dataframe"``.
    för : str, optional
        What needs it (a function name), quoted in the error message.

    Returns
    -------
    module

    Raises
    ------
    SaknatTilläggError
        If the module cannot be imported; the message names
        ``pip install "halsouppfoljning[dask]"``.

    Examples
    --------
    >>> from halsouppfoljning._dask import importera_dask
    >>> importera_dask("dask").__name__
    'dask'
    """
    try:
        return importlib.import_module(modul)
    except ImportError as fel:
        vem = f"{för} needs " if för else "this needs "
        raise SaknatTilläggError(
            f"{vem}the optional extra Dask ({modul!r} could not be imported: {fel}); "
            f"install it with {INSTALLATION}"
        ) from fel
