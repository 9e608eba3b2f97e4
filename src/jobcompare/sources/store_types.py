"""The values the store's queries return (see store.py): a figure as published, an area,
an occupation's figures in one area, a price parity, a source's summary."""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from jobcompare.model import Amount

#: The kinds of figure that are pay, so an Amount with its top-code mark.
PAY_KINDS = ("MONEY", "RATE")


class Figure:
    """One published (or unpublished) OEWS figure, exactly: ``value`` is None when BLS did
    not publish it (``reason`` says why); ``at_least`` marks a top-coded lower bound.
    (Plain classes and named tuples here: a dataclass costs start-up time on every run.)"""

    __slots__ = ("at_least", "reason", "value")

    def __init__(
        self, value: int | float | None, at_least: bool = False, reason: str | None = None
    ) -> None:
        self.value, self.at_least, self.reason = value, at_least, reason

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Figure) and (self.value, self.at_least, self.reason) == (
            other.value, other.at_least, other.reason,
        )  # fmt: skip

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Figure({self.value!r}, at_least={self.at_least!r}, reason={self.reason!r})"

    def amount(self) -> "Amount | None":
        """The figure as pay (a top-coded one stays a lower bound), or None if unpublished."""
        from jobcompare.model import Amount

        return None if self.value is None else Amount(self.value, self.at_least)

    def shown(self, kind: str) -> object:
        """The value a row of ``kind`` (a :class:`~jobcompare.registry.fields.Kind` name)
        shows: pay as an Amount, anything else as the published number; None if unpublished."""
        return self.amount() if kind in PAY_KINDS else self.value


class Area(NamedTuple):
    code: str  # OEWS area code: "0000000", "3900000", "0012420", "3900001"
    name: str
    type: str  # nation, state, metro, nonmetro
    state: str | None  # postal code (of the main state, for a metro area)
    territory: bool
    district: bool
    cbsa: str | None


class AreaPay(NamedTuple):
    """Every OEWS measure of one occupation in one area (see MEASURES for the names)."""

    soc: str
    area: Area
    figures: dict[str, Figure]


class Parity(NamedTuple):
    """BEA's Regional Price Parities for an area (U.S. = 100), or the reason there is none."""

    area: str
    name: str | None = None  # BEA's name
    all_items: float | None = None
    goods: float | None = None
    housing: float | None = None
    utilities: float | None = None
    other: float | None = None
    reason: str | None = None


class SourceSummary(NamedTuple):
    key: str
    name: str
    release: str
    year: str
    licence: str
    attribution: str
    url: str
    folder: str
    files: tuple[tuple[str, str], ...]  # (path, sha256)
    #: How many of the OEWS detailed occupations its tables cover (None: not per occupation).
    occupations: int | None
    areas: int | None  # how many OEWS areas it covers (None: not per area)
    #: The licence notice its licence asks to be carried with the figures (the MIT
    #: licence's copyright and permission notice), as published; None when none.
    notice: str | None = None


class SourceList(NamedTuple):
    """``jobcompare sources``: every source of the store, and how many detailed
    occupations there are to cover."""

    sources: tuple[SourceSummary, ...]
    of: int
