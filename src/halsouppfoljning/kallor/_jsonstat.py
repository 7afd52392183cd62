"""Internal: a pure reader of JSON-stat 2.0 datasets (SCB PxWebApi 2.0 answers)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import OgiltigtVärdeError

__all__ = ["kategorier", "läs_jsonstat2"]


def kategorier(dimension: Mapping[str, Any], namn: str) -> list[str]:
    """The category codes of a dimension in their ``category.index`` order.

    ``index`` may be an object (code to position), an array of codes, or
    absent when the dimension has one category (then ``label`` names it).
    Never relies on the JSON key order of the object.
    """
    kategori = dimension.get("category")
    if not isinstance(kategori, Mapping):
        raise OgiltigtVärdeError(f"json-stat2: dimension {namn!r} has no 'category' object")
    index = kategori.get("index")
    if index is None:
        etiketter = kategori.get("label")
        if isinstance(etiketter, Mapping) and len(etiketter) == 1:
            return [str(next(iter(etiketter)))]
        raise OgiltigtVärdeError(
            f"json-stat2: dimension {namn!r} has no category.index and not exactly one label"
        )
    if isinstance(index, Sequence) and not isinstance(index, str):
        koder = [str(k) for k in index]
        _unika(koder, namn)
        return koder
    if not isinstance(index, Mapping):
        raise OgiltigtVärdeError(f"json-stat2: dimension {namn!r} has a malformed category.index")
    par: list[tuple[int, str]] = []
    for kod, pos in index.items():
        if isinstance(pos, bool) or not isinstance(pos, (int, float)) or int(pos) != pos:
            raise OgiltigtVärdeError(
                f"json-stat2: dimension {namn!r}, category {kod!r} has position {pos!r}"
            )
        par.append((int(pos), str(kod)))
    par.sort()
    if [p for p, _ in par] != list(range(len(par))):
        raise OgiltigtVärdeError(
            f"json-stat2: the category.index positions of {namn!r} are not 0..{len(par) - 1}"
        )
    koder = [kod for _, kod in par]
    _unika(koder, namn)
    return koder


def _unika(koder: list[str], namn: str) -> None:
    """A dimension's category codes are distinct: a repeated one would give two cells one key."""
    dubbla = sorted(k for k, n in Counter(koder).items() if n > 1)
    if dubbla:
        raise OgiltigtVärdeError(
            f"json-stat2: dimension {namn!r} lists the category code(s) {dubbla[:5]!r} more "
            "than once"
        )


def _efter_position(fält: Any, n: int, namn: str, tom: Any) -> list[Any]:
    """``value`` or ``status`` as a dense list of length n (array, object or scalar)."""
    if fält is None:
        return [tom] * n
    if isinstance(fält, Mapping):
        ut = [tom] * n
        for nyckel, v in fält.items():
            try:
                pos = int(nyckel)
            except (TypeError, ValueError):
                raise OgiltigtVärdeError(
                    f"json-stat2: {namn} key {nyckel!r} is not a position"
                ) from None
            if not 0 <= pos < n:
                raise OgiltigtVärdeError(f"json-stat2: {namn} position {pos} is outside 0..{n - 1}")
            ut[pos] = v
        return ut
    if isinstance(fält, (str, int, float)) and namn == "status":
        return [fält] * n
    if isinstance(fält, Sequence) and not isinstance(fält, str):
        lista = list(fält)
        if namn == "status" and len(lista) == 1 and n != 1:
            return lista * n
        if len(lista) != n:
            raise OgiltigtVärdeError(
                f"json-stat2: {namn} has {len(lista)} items but the sizes give {n} cells"
            )
        return lista
    raise OgiltigtVärdeError(f"json-stat2: {namn} is neither an array nor an object")


#: PX symbols a value may be written as when it is missing (SCB's "..", "-" ...).
_SAKNAS = frozenset({"", ".", "..", "...", "-", "–", "—", "x", "X"})


def _tal(v: Any) -> float:
    """A cell's value: a finite number or its text; ``null`` or a PX symbol is missing."""
    if v is None:
        return math.nan
    if isinstance(v, bool):
        raise OgiltigtVärdeError(f"json-stat2: value {v!r} is not a number")
    if isinstance(v, (int, float)):
        tal = float(v)
    elif isinstance(v, str):
        text = v.strip().replace("\u2212", "-").replace(",", ".")
        if text in _SAKNAS:
            return math.nan
        try:
            tal = float(text)
        except ValueError:
            raise OgiltigtVärdeError(
                f"json-stat2: value {v!r:.40} is neither a number nor a missing-value symbol"
            ) from None
    else:
        raise OgiltigtVärdeError(f"json-stat2: value {v!r:.40} is not a number")
    if not math.isfinite(tal):
        raise OgiltigtVärdeError(
            f"json-stat2: value {v!r:.40} is not a finite number (a missing value is null)"
        )
    return tal


def läs_jsonstat2(dataset: Mapping[str, Any]) -> pd.DataFrame:
    """A JSON-stat 2.0 dataset as a tidy table: one row per cell.

    Values are placed by each dimension's ``category.index`` (row-major over
    ``id``, the last dimension varying fastest), never by JSON key order, so
    any dimension order and any order of the category objects give the same
    table.

    Parameters
    ----------
    dataset : mapping
        The parsed JSON of a ``class: "dataset"`` answer: ``id``, ``size``,
        ``dimension``, ``value`` (array or sparse object; items may be
        ``null``) and optionally ``status`` (array, object or one string).

    Returns
    -------
    pandas.DataFrame
        One column per dimension (the category codes, as text), then
        ``värde`` (float, NaN for ``null``) and ``status`` (text, ``""``
        where none). Rows in the dataset's cell order. ``attrs["etiketter"]``
        maps each dimension to its code-to-label mapping.

    Raises
    ------
    OgiltigtVärdeError
        If ``dataset`` is not a JSON-stat 2.0 dataset: not an object, sizes
        that are not whole numbers or do not match the categories or the
        values, a dimension listed twice, a category code repeated, positions
        outside the cube, or a value that is neither a finite number, ``null``
        nor a PX missing-value symbol (``".."``, ``"-"`` ...: read as NaN).

    Notes
    -----
    With sizes :math:`s_1 \\dots s_d` and category positions
    :math:`i_1 \\dots i_d`, the cell is at
    :math:`\\sum_k i_k \\prod_{j>k} s_j` in ``value``.

    Examples
    --------
    >>> from halsouppfoljning.kallor import läs_jsonstat2
    >>> ds = {"id": ["Region", "Tid"], "size": [2, 1],
    ...       "dimension": {
    ...           "Tid": {"category": {"index": {"2024": 0}}},
    ...           "Region": {"category": {"index": {"03": 1, "01": 0}}}},
    ...       "value": [2454821, None]}
    >>> läs_jsonstat2(ds)
      Region   Tid      värde status
    0     01  2024  2454821.0
    1     03  2024        NaN
    """
    try:
        return _läs(dataset)
    except OgiltigtVärdeError as fel:
        raise OgiltigtVärdeError(
            f"läs_jsonstat2: dataset is not a valid JSON-stat 2.0 dataset: {fel}"
        ) from None


def _läs(dataset: Any) -> pd.DataFrame:
    """:func:`läs_jsonstat2` with messages that say "json-stat2:" (the clients add the source)."""
    if not isinstance(dataset, Mapping):
        raise OgiltigtVärdeError(
            f"json-stat2: the answer is not a JSON object (got {type(dataset).__name__})"
        )
    ids = dataset.get("id")
    storlekar = dataset.get("size")
    dimensioner = dataset.get("dimension")
    if (
        not isinstance(ids, Sequence)
        or isinstance(ids, str)
        or not isinstance(dimensioner, Mapping)
    ):
        raise OgiltigtVärdeError("json-stat2: the dataset lacks 'id' or 'dimension'")
    ids = [str(i) for i in ids]
    koder: list[list[str]] = []
    etiketter: dict[str, dict[str, str]] = {}
    for namn in ids:
        dim = dimensioner.get(namn)
        if not isinstance(dim, Mapping):
            raise OgiltigtVärdeError(
                f"json-stat2: dimension {namn!r} is listed in 'id' but missing"
            )
        koder.append(kategorier(dim, namn))
        lab = dim["category"].get("label") or {}
        etiketter[namn] = (
            {str(k): str(v) for k, v in lab.items()} if isinstance(lab, Mapping) else {}
        )
    if storlekar is None:
        storlekar = [len(k) for k in koder]
    if (
        not isinstance(storlekar, Sequence)
        or isinstance(storlekar, str)
        or not all(isinstance(s, int) and not isinstance(s, bool) for s in storlekar)
    ):
        raise OgiltigtVärdeError(
            f"json-stat2: 'size' must be a list of whole numbers, got {storlekar!r:.60}"
        )
    if len(set(ids)) != len(ids):
        raise OgiltigtVärdeError(f"json-stat2: 'id' lists a dimension more than once: {ids}")
    if list(storlekar) != [len(k) for k in koder]:
        raise OgiltigtVärdeError(
            f"json-stat2: 'size' {list(storlekar)} does not match the categories "
            f"{[len(k) for k in koder]} of {ids}"
        )
    n = int(np.prod([len(k) for k in koder], dtype=np.int64)) if koder else 1
    värden = _efter_position(dataset.get("value"), n, "value", None)
    status = _efter_position(dataset.get("status"), n, "status", "")
    data: dict[str, Any] = {}
    if koder:
        rutnät = np.indices([len(k) for k in koder]).reshape(len(koder), -1)
        for d, namn in enumerate(ids):
            data[namn] = np.asarray(koder[d], dtype=object)[rutnät[d]]
    tabell = pd.DataFrame(data, index=pd.RangeIndex(n))
    tabell["värde"] = np.array([_tal(v) for v in värden], dtype=float)
    tabell["status"] = ["" if s is None else str(s) for s in status]
    tabell.attrs["etiketter"] = etiketter
    return tabell
