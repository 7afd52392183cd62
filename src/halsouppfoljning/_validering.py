"""Internal helpers shared by the modules: checks of shares, columns and arrays.

Not public API; the functions raise the errors of :mod:`halsouppfoljning.exceptions`
with messages that name the value and the fix.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from .exceptions import AndelsError, SaknadKolumnError


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form NFC ("ä" can arrive decomposed)."""
    return unicodedata.normalize("NFC", text)


def kontrollera_andel(värde: Any, namn: str) -> None:
    """Raise :class:`AndelsError` if any finite value of ``värde`` is outside [0, 1].

    NaN passes (missing stays missing). The message asks "did you pass percent?"
    when the offending value lies in (1, 100].
    """
    arr = np.asarray(värde, dtype=float)
    if arr.size == 0:
        return
    utanför = np.isfinite(arr) & ((arr < 0.0) | (arr > 1.0))
    if not utanför.any():
        return
    första = float(arr[utanför].flat[0])
    if 1.0 < första <= 100.0:
        råd = (
            f"did you pass percent? {första:g} % is the share {första / 100:g}; "
            "divide by 100 (shares are proportions in [0, 1])"
        )
    else:
        råd = "shares are proportions in [0, 1]"
    raise AndelsError(f"{namn} must be a share in [0, 1], got {första!r}: {råd}")


def kontrollera_kolumner(kolumner: Iterable[Any], behövs: Iterable[str | None], vad: str) -> None:
    """Raise :class:`SaknadKolumnError` naming the first column of ``behövs`` not present."""
    finns = [str(k) for k in kolumner]
    finns_nfc = {nfc(k) for k in finns}
    for kolumn in behövs:
        if kolumn is None:
            continue
        if nfc(kolumn) not in finns_nfc:
            raise SaknadKolumnError(
                f"{vad}: column {kolumn!r} is not in the data; the columns are "
                f"{finns!r}. Pass the name of an existing column."
            )


def som_float_array(värde: Any) -> npt.NDArray[np.float64]:
    """Return ``värde`` as a float64 ndarray (no copy when already one)."""
    return np.asarray(värde, dtype=np.float64)
