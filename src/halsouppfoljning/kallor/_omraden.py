"""Internal: the ``regioner=`` argument of the clients, read into regions and Riket."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from ..exceptions import FelTypError, OgiltigtVärdeError, OkändRegionError
from ..jamforelse import RIKET
from ..organisation import Region, region, regioner
from ._http import nfc

__all__ = ["Område", "områden"]

_RIKET = frozenset({"riket", "hela riket", "sverige", "0000", "00", "0", "se"})
_ALLA = frozenset({"alla", "alla regioner", "*"})


def _länskod(_: object, attribut: attrs.Attribute[str], värde: object) -> None:
    if not isinstance(värde, str) or not (len(värde) == 2 and värde.isdigit()):
        raise OgiltigtVärdeError(
            f"Område.{attribut.name} must be a two-digit länskod such as '19' ('00' for "
            f"Riket), got {värde!r:.40}"
        )


def _namn(_: object, attribut: attrs.Attribute[str], värde: object) -> None:
    if not isinstance(värde, str) or not värde.strip():
        raise FelTypError(f"Område.{attribut.name} must be a non-empty name, got {värde!r:.40}")


@attrs.frozen
class Område:
    """A region or Riket as the clients address it."""

    namn: str = attrs.field(validator=_namn)  # the panel label: official name or "Riket"
    länskod: str = attrs.field(validator=_länskod)  # "01".."25", "00" for Riket

    @property
    def kolada_id(self) -> str:
        return "00" + self.länskod

    @property
    def heltal(self) -> int:
        return int(self.länskod)


RIKSOMRÅDE = Område(RIKET, "00")


def _alla() -> list[Område]:
    return [Område(r.namn, r.kod) for r in regioner()]


def områden(val: Any, *, med_riket: bool) -> list[Område]:
    """The areas to fetch: ``None`` (the 21 regions, plus Riket when ``med_riket``),
    ``"alla"`` (the 21), ``"Riket"``, any spelling :func:`hu.region` accepts, or a list.

    Unknown labels raise :class:`OkändRegionError` listing all of them.
    """
    if val is None:
        return ([RIKSOMRÅDE] if med_riket else []) + _alla()
    poster = [val] if isinstance(val, (str, int, Region)) else val
    if getattr(poster, "ndim", 1) != 1:
        raise FelTypError(
            f"regioner must be a region, 'alla', 'Riket' or a list of them, got a "
            f"{type(val).__name__} of {getattr(val, 'ndim', '?')} dimensions; pass one column "
            "or a list"
        )
    try:
        poster = list(poster)
    except TypeError:
        raise FelTypError(
            f"regioner must be a region, 'alla', 'Riket' or a list of them, got {val!r}"
        ) from None
    resultat: list[Område] = []
    okända: list[str] = []
    for rå in poster:
        post = int(rå) if isinstance(rå, np.integer) else rå
        if isinstance(post, Region):
            resultat.append(Område(post.namn, post.kod))
            continue
        if isinstance(post, bool) or not isinstance(post, (str, int)):
            raise FelTypError(
                f"regioner: cannot read {post!r:.60} of type {type(post).__name__} as a region "
                "or Riket; give a name or code such as 'Västmanland' or '19', 'alla' or 'Riket'"
            )
        text = nfc(str(post)).strip()
        if text.casefold() in _RIKET or (isinstance(post, int) and post == 0):
            resultat.append(RIKSOMRÅDE)
        elif text.casefold() in _ALLA:
            resultat.extend(_alla())
        else:
            try:
                r = region(text.zfill(2) if text.isdigit() and len(text) == 1 else text)
            except OkändRegionError:
                okända.append(text)
                continue
            resultat.append(Område(r.namn, r.kod))
    if okända:
        raise OkändRegionError(
            f"unknown region(s) {okända!r}: give regions as hu.region() accepts them "
            "(name, länskod '19', Kolada id '0019', ISO 'SE-U'), 'alla' for the 21 regions "
            "or 'Riket' for the whole country"
        )
    return list(dict.fromkeys(resultat))
