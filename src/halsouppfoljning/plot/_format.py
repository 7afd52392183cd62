"""Internal: the one place where the figures write numbers, the Swedish way.

Not public API. Every number a figure of :mod:`halsouppfoljning.plot` shows,
on an axis, in a legend or beside a bar, is written here:

- a **decimal comma** ("2,5"), **thousands grouped** with a narrow no-break
  space ("1 200"), a hyphen-minus for negatives ("-890");
- **shares in percent** with a narrow no-break space before the sign
  ("80 %"), never "80%";
- **changes** signed: "+5 %" (relative), "+5 pe" (procentenheter).

The narrow no-break space (U+202F) keeps a number and its sign on one line;
DejaVu Sans, matplotlib's bundled font, has the glyph.

Examples
--------
>>> from halsouppfoljning.plot import _format
>>> _format.andelstext(0.788) == "78,8" + _format.MELLANRUM + "%"
True
>>> _format.taltext(-1200.0) == "-1" + _format.MELLANRUM + "200"
True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from ..indikatorer import formatera_andel, formatera_tal

if TYPE_CHECKING:  # pragma: no cover - types only
    from matplotlib.axis import Axis

__all__ = [
    "MELLANRUM",
    "andelstext",
    "förändringsaxel",
    "förändringstext",
    "procentaxel",
    "talaxel",
    "taltext",
]

#: The narrow no-break space written between thousands and before "%".
MELLANRUM: Final = "\u202f"

#: From this magnitude on a number is written in exponent form ("1,0e+30"): no report
#: prints such a figure digit by digit.
_STÖRSTA_TAL: Final = 1e15


def _smalt(text: str) -> str:
    """``text`` with its plain spaces made narrow no-break spaces."""
    return text.replace(" ", MELLANRUM)


def taltext(värde: float, decimaler: int | None = None, *, enhet: str | None = None) -> str:
    """A number the Swedish way: ``-1 200``, ``2,5``; ``enhet`` after a plain space.

    ``decimaler=None``: none for a whole number, else one.

    Examples
    --------
    >>> from halsouppfoljning.plot._format import taltext
    >>> taltext(2.5), taltext(-890.0, enhet="mnkr")
    ('2,5', '-890 mnkr')
    """
    v = float(värde)
    if not math.isfinite(v) or abs(v) >= _STÖRSTA_TAL:
        # beyond what a report prints digit by digit (and Decimal quantizes): 1,0e+30
        text = f"{v:.1e}".replace(".", ",")
        return f"{text} {enhet}" if enhet else text
    if decimaler is None:
        decimaler = 0 if v.is_integer() else 1
    text = _smalt(formatera_tal(v, decimaler))
    return f"{text} {enhet}" if enhet else text


def andelstext(andel: float, decimaler: int = 1) -> str:
    """A share in percent the Swedish way: ``0.788`` gives ``"78,8 %"`` (narrow space).

    Examples
    --------
    >>> from halsouppfoljning.plot._format import andelstext
    >>> andelstext(0.8, 0).replace("\\u202f", " ")
    '80 %'
    """
    v = float(andel)
    if not math.isfinite(v) or abs(v) >= _STÖRSTA_TAL:
        return taltext(v * 100, enhet="%")
    return _smalt(formatera_andel(v, decimaler))


def förändringstext(värde: float, kolumn: str) -> str:
    """A signed change: ``"+5 %"`` (relative), ``"+5 pe"`` (procentenheter), else a number.

    Examples
    --------
    >>> from halsouppfoljning.plot._format import förändringstext
    >>> [förändringstext(0.05, k).replace("\\u202f", " ") for k in ("förändring", "procentenheter")]
    ['+5 %', '+5 pe']
    >>> förändringstext(1.5, "differens")
    '+1,5'
    """
    v = float(värde)
    if kolumn == "förändring":
        tal, tecken = v * 100, "%"
    elif kolumn == "procentenheter":
        tal, tecken = v * 100, "pe"
    else:
        tal, tecken = v, ""
    decimaler = 0 if round(tal, 6).is_integer() else 1
    text = taltext(abs(tal), decimaler)
    förtecken = "-" if tal < 0 and text.strip("0,") else "+" if tal > 0 else ""
    return f"{förtecken}{text}{MELLANRUM}{tecken}" if tecken else f"{förtecken}{text}"


def procentaxel(axel: Axis, värden: npt.ArrayLike | None = None) -> None:
    """Format an axis of shares in percent ("80 %", "82,5 %").

    One decimal when the ``värden`` span less than five procentenheter, else
    none (also without ``värden``).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from halsouppfoljning.plot._format import procentaxel
    >>> ax = plt.figure().add_subplot()
    >>> procentaxel(ax.yaxis, [0.80, 0.82])
    >>> ax.yaxis.get_major_formatter()(0.825, 0).replace("\\u202f", " ")
    '82,5 %'
    >>> plt.close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    decimaler = 0
    if värden is not None:
        arr = np.asarray(värden, dtype=float)
        arr = arr[np.isfinite(arr)]
        if arr.size and float(arr.max() - arr.min()) < 0.05:
            decimaler = 1
    axel.set_major_formatter(FuncFormatter(lambda v, _: _procentmarkering(v, decimaler)))


def _procentmarkering(värde: float, decimaler: int) -> str:
    """An axis tick in percent: like :func:`andelstext`, but any finite value.

    A tick is a position on the axis, not a share: an axis padded below 0 or
    above 100 % has ticks such as -0.5 % or 105 %, which
    :func:`~halsouppfoljning.formatera_andel` (shares in [0, 1] only) refuses.

    Examples
    --------
    >>> from halsouppfoljning.plot._format import _procentmarkering
    >>> [_procentmarkering(v, 0).replace("\\u202f", " ") for v in (-0.05, 0.8, 1.05)]
    ['-5 %', '80 %', '105 %']
    """
    v = 100 * float(värde)
    if not math.isfinite(v) or abs(v) >= _STÖRSTA_TAL:
        return taltext(v, enhet="%")
    return _smalt(formatera_tal(v, decimaler, enhet="%"))


def talaxel(axel: Axis, decimaler: int | None = None) -> None:
    """Format an axis of numbers the Swedish way ("-1 200", "2,5"; ``decimaler`` fixed if given).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from halsouppfoljning.plot._format import talaxel
    >>> ax = plt.figure().add_subplot()
    >>> talaxel(ax.yaxis)
    >>> ax.yaxis.get_major_formatter()(2.5, 0)
    '2,5'
    >>> talaxel(ax.xaxis, 1)
    >>> ax.xaxis.get_major_formatter()(0.3, 0)
    '0,3'
    >>> plt.close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    axel.set_major_formatter(FuncFormatter(lambda v, _: taltext(v, decimaler)))


def förändringsaxel(axel: Axis, kolumn: str) -> None:
    """Format an axis of signed changes with :func:`förändringstext` ("+5 %", "+5 pe", "+1,5").

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from halsouppfoljning.plot._format import förändringsaxel
    >>> ax = plt.figure().add_subplot()
    >>> förändringsaxel(ax.xaxis, "procentenheter")
    >>> ax.xaxis.get_major_formatter()(-0.05, 0).replace("\\u202f", " ")
    '-5 pe'
    >>> plt.close("all")
    """
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    axel.set_major_formatter(FuncFormatter(lambda v, _: förändringstext(v, kolumn)))
