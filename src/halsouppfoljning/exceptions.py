"""The error and warning hierarchy of :mod:`halsouppfoljning`.

Every error the package raises derives from :class:`HalsouppfoljningError` and
also from the matching built-in exception (:class:`ValueError`,
:class:`KeyError`, :class:`TypeError`, :class:`ImportError`), so that ordinary
``except ValueError`` keeps working. Every warning derives from
:class:`HalsouppfoljningWarning`, itself a :class:`UserWarning`.

A message says what was wrong, quotes the offending value, says what was
expected and how to fix it.

Examples
--------
>>> import halsouppfoljning as hu
>>> try:
...     hu.region("Atlantis")
... except KeyError as fel:
...     isinstance(fel, hu.HalsouppfoljningError)
True
"""

from __future__ import annotations

__all__ = [
    "AndelsError",
    "FelTypError",
    "HalsouppfoljningError",
    "HalsouppfoljningWarning",
    "KällfelError",
    "OgiltigtVärdeError",
    "OkändKpiError",
    "OkändRegionError",
    "SaknadKolumnError",
    "SaknatTilläggError",
    "TolkningsError",
    "UnderlagsVarning",
]


class HalsouppfoljningError(Exception):
    """Base class of every error raised by :mod:`halsouppfoljning`.

    Catch this to handle any error of the package; each concrete error also
    subclasses a built-in exception, so ``except ValueError`` works as well.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.TolkningsError, hu.HalsouppfoljningError)
    True
    """


class TolkningsError(HalsouppfoljningError, ValueError):
    """Text from a report could not be read (*tolkning*: interpretation).

    Raised by the parsers (:func:`~halsouppfoljning.tolka_tal`, ``Målnivå.tolka``,
    ``Prognos.tolka`` ...) when a string is not one of the documented formats.
    The message quotes the text.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> try:
    ...     hu.tolka_tal("åttio")
    ... except hu.TolkningsError as fel:
    ...     print(fel)  # doctest: +ELLIPSIS
    cannot read 'åttio' as a number: ...
    """


class OgiltigtVärdeError(HalsouppfoljningError, ValueError):
    """A value is outside what the function or class accepts (*ogiltigt värde*).

    Raised for inconsistent fields at construction (more region-run providers
    than providers, a validity that ends before it starts), negative counts,
    unknown method names and similar. The message names the field or
    parameter, the value and what was expected.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.OgiltigtVärdeError, ValueError)
    True
    """


class AndelsError(OgiltigtVärdeError):
    """A share (:term:`andel`) was outside [0, 1], typically a percent passed by mistake.

    Shares are proportions in [0, 1] everywhere in the package; percent exists
    only in text at the edges. A value such as 78.8 where a share is expected
    raises this error, whose message asks "did you pass percent?".

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.AndelsError, ValueError)
    True
    """


class FelTypError(HalsouppfoljningError, TypeError):
    """An argument has the wrong type (*fel typ*), e.g. dates that are not dates.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.FelTypError, TypeError)
    True
    """


class OkändRegionError(HalsouppfoljningError, KeyError):
    """No region matches the given name or code (*okänd region*).

    The message lists the closest matches. It is a :class:`KeyError`, but
    unlike a plain ``KeyError`` its text is shown without extra quotes.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> try:
    ...     hu.region("Västmanlnd")
    ... except hu.OkändRegionError as fel:
    ...     print(fel)  # doctest: +ELLIPSIS
    unknown region 'Västmanlnd'; closest matches: Region Västmanland...
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class SaknadKolumnError(HalsouppfoljningError, KeyError):
    """A column named in a call is not in the data (*saknad kolumn*).

    The message names the missing column and lists the columns that exist.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.SaknadKolumnError, KeyError)
    True
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class SaknatTilläggError(HalsouppfoljningError, ImportError):
    """An optional extra (matplotlib, Dask) is needed but not installed.

    The message names the ``pip install "halsouppfoljning[...]"`` command that
    installs it.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.SaknatTilläggError, ImportError)
    True
    """


class KällfelError(HalsouppfoljningError, RuntimeError):
    """A national data source answered with an error or a body that cannot be read.

    Raised by the clients in :mod:`halsouppfoljning.kallor` for an HTTP 4xx
    answer, a 429/5xx answer or a timeout that persisted through the retries,
    and a malformed body (not JSON, or JSON without the fields the source
    documents). The message names what was asked for (the KPI, the table or
    the subject) and the URL.

    Attributes
    ----------
    url : str or None
        The URL of the failing request.
    status : int or None
        The HTTP status code, when there was an answer.

    Examples
    --------
    >>> from halsouppfoljning import KällfelError
    >>> fel = KällfelError("Kolada answered 400", url="http://127.0.0.1/x", status=400)
    >>> fel.status, isinstance(fel, RuntimeError)
    (400, True)
    """

    def __init__(self, meddelande: str, *, url: str | None = None, status: int | None = None):
        super().__init__(meddelande)
        self.url = url
        self.status = status


class OkändKpiError(KällfelError, KeyError):
    """Kolada does not know one or more of the KPI ids asked for.

    The message lists every unknown id. Also a :class:`KeyError`.

    Examples
    --------
    >>> from halsouppfoljning import OkändKpiError
    >>> issubclass(OkändKpiError, KeyError)
    True
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class HalsouppfoljningWarning(UserWarning):
    """Base class of every warning issued by :mod:`halsouppfoljning`.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.HalsouppfoljningWarning, UserWarning)
    True
    """


class UnderlagsVarning(HalsouppfoljningWarning):
    """The data basis (*underlag*) is thin or partly missing.

    Issued, for example, when rows are excluded by a stated rule in a way the
    caller might not expect; the result still counts what was excluded.

    Examples
    --------
    >>> import halsouppfoljning as hu
    >>> issubclass(hu.UnderlagsVarning, hu.HalsouppfoljningWarning)
    True
    """
