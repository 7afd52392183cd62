"""Periods as Swedish follow-up reports write them: "2023-02", "T1 2023", "Delår 2023".

The grammar behind :meth:`halsouppfoljning.Period.tolka`, which hands off to
:func:`tolka_period`.

Examples
--------
>>> from halsouppfoljning.tolka.perioder import tolka_period
>>> str(tolka_period("tertial 2 2023"))
'T2 2023'
"""

from __future__ import annotations

import re

from .._indata import text as _text_in
from ..exceptions import TolkningsError
from ..perioder import Period

__all__ = ["tolka_period"]


def tolka_period(text: str) -> Period:
    """Read a period as reports write it (the grammar of :meth:`Period.tolka`).

    Parameters
    ----------
    text : str
        ``"2023-02"``, ``"T1 2023"``, ``"Tertial 2 2023"``, ``"Delår 2023"``,
        ``"Delår jan-aug 2023"``, ``"Helår 2023"``, ``"År 2023"``, ``"2023"``.

    Returns
    -------
    Period

    Raises
    ------
    TolkningsError
        For any other text; the message quotes it.
    FelTypError
        If ``text`` is not a string.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> from halsouppfoljning.tolka.perioder import tolka_period
    >>> tolka_period("Delår 2023") == hu.Period.delår(2023)
    True
    """
    t = re.sub(r"\s+", " ", _text_in(text, "Period.tolka: text", tom=True)).casefold()
    if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
        return Period.månad(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(?:t|tertial) ?([123]),? (\d{4})", t):
        return Period.tertial(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"delår (?:jan(?:uari)?-aug(?:usti)? )?(\d{4})", t):
        return Period.delår(int(m[1]))
    if m := re.fullmatch(r"(?:helår |år )?(\d{4})", t):
        return Period.helår(int(m[1]))
    raise TolkningsError(
        f"cannot read {text!r} as a period: expected '2023-02', 'T1 2023', 'Delår 2023' "
        "or 'Helår 2023'"
    )
