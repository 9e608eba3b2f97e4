"""Areas: finding one by what a person types, and a role's figures in one or more areas.

``find_area`` turns "TX", "texas", "austin" or a BLS area code into an OEWS area (a usage
error listing the candidates when the text is ambiguous or matches nothing).
``area_comparison`` builds the columns of ``jobcompare ROLE ... --area ...``: one role in
2-4 areas (with the United States beside them), or 2-4 roles in one area (with each
role's U.S. figure in the row below its area figure). ``--adjust`` divides pay by the
area's BEA Regional Price Parity / 100, beside the nominal figure, never instead of it.

The area view (output/views/areas.py) draws the columns with the same blocks as a
comparison.
"""

from __future__ import annotations

import math
import re
import shlex
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from jobcompare.errors import AreaError, StateError
from jobcompare.registry.section import MAX_ROLES, PERCENTILES
from jobcompare.sources.store import NO_ESTIMATE
from jobcompare.text import capitalise

if TYPE_CHECKING:
    from jobcompare.engine.pay import PayPlaces
    from jobcompare.engine.results import KeyDifference, SectionResult
    from jobcompare.model import Amount, Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Area, AreaPay, Figure, Parity


#: How many candidates an error lists at most.
SHOWN_CANDIDATES = 10

NO_SOC = "it is not a BLS occupation (no SOC code), so BLS publishes no area figures for it"

ADJUSTED_NOTE = (
    "Adjusted: pay divided by the area's Regional Price Parity / 100 (U.S. = 100), "
    "OEWS May 2025 ÷ BEA RPP 2024, rounded to whole dollars (cents for hourly rates)."
)


def _words(text: str) -> str:
    """Lower case, every run of other characters than letters and digits one space."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def _describe(area: Area) -> str:
    return f"{area.name} ({area.code})"


def find_area(areas: Sequence[Area], query: str) -> Area:
    """The area ``query`` names: a BLS area code (``3900000``) or a metro area's CBSA
    code (``12420``), a state's postal code (``TX``) or name (``texas``), or any
    unambiguous part of an area's name (``austin``). Raises AreaError otherwise, listing
    the candidates (ambiguous) or the closest names (a typo)."""
    wanted = query.strip()
    words = _words(wanted)
    if not words:
        raise AreaError("an area is needed: a state, a metro area or a BLS area code")
    if wanted.isdigit():
        for area in areas:
            if wanted in (area.code, area.cbsa):
                return area
        raise AreaError(f"no area has the code '{wanted}' (see 'jobcompare areas')")
    if len(wanted) == 2 and wanted.isalpha():
        for area in areas:
            if area.type == "state" and area.state == wanted.upper():
                return area
    exact = [a for a in areas if _words(a.name) == words]
    if len(exact) == 1:
        return exact[0]
    pattern = re.compile(r"(?:^| )" + re.escape(words))
    found = [a for a in areas if a.type != "nation" and pattern.search(_words(a.name))]
    if len(found) == 1:
        return found[0]
    if found:
        # One candidate a line, its code first: a whole line to copy, never broken mid-name.
        listed = "".join(f"\n  {a.code}  {a.name}" for a in found[:SHOWN_CANDIDATES])
        more = (
            f"\n  and {len(found) - SHOWN_CANDIDATES} more: jobcompare areas --search "
            f"{shlex.quote(wanted)}"
            if len(found) > SHOWN_CANDIDATES
            else ""
        )
        raise AreaError(
            f"'{wanted}' matches {len(found)} areas; give more of the name or the area "
            f"code:{listed}{more}"
        )
    import difflib

    names = {_words(a.name): a for a in areas}
    close = difflib.get_close_matches(words, list(names), n=5, cutoff=0.6)
    if not close:  # a word of a longer name: "autsin" for "Austin-Round Rock-San Marcos"
        parts: dict[str, Area] = {}
        for area in areas:
            for part in _words(area.name).split():
                parts.setdefault(part, area)
        close = [
            _words(parts[p].name)
            for p in difflib.get_close_matches(words, list(parts), n=5, cutoff=0.75)
        ]
    hint = (
        "; did you mean " + " or ".join(_describe(names[c]) for c in dict.fromkeys(close)) + "?"
        if close
        else " (see 'jobcompare areas --search TEXT')"
    )
    raise AreaError(f"no area matches '{wanted}'{hint}")


#: The state part of a metropolitan area's name as BLS writes it: the postal code of every
#: state it lies in, its main state first ("Huntington-Ashland, WV-KY-OH").
_STATE_PART = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)$")


def states_of(area: Area) -> tuple[str, ...]:
    """The postal codes of the states (DC, territories) an area lies in: for a metropolitan
    area, every state its BLS name ends with ("Cincinnati, OH-KY-IN": OH, KY, IN), its
    main state (BLS's ``state_code``) first; for any other area its own state."""
    if area.type == "metro":
        found = _STATE_PART.search(area.name)
        if found:
            named = tuple(found.group(1).split("-"))
            main = (area.state,) if area.state and area.state not in named else ()
            return (*main, *named)
    return (area.state,) if area.state else ()


def _states(areas: Sequence[Area]) -> list[Area]:
    return [a for a in areas if a.type == "state"]


def _named_state(areas: Sequence[Area], text: str) -> Area | None:
    """The state (DC, territory) ``text`` names: its postal code, its whole name (any case
    and punctuation) or its BLS area code; None otherwise."""
    wanted = text.strip()
    words = _words(wanted)
    for area in _states(areas):
        if wanted.upper() == area.state or words == _words(area.name) or wanted == area.code:
            return area
    return None


def find_state(areas: Sequence[Area], query: str) -> Area:
    """The state, DC or territory ``query`` names (postal code ``OH``, name ``ohio`` or
    BLS area code ``3900000``). Raises AreaError otherwise, with the closest names and
    every postal code it accepts."""
    state = _named_state(areas, query)
    if state is not None:
        return state
    import difflib

    states = _states(areas)
    names = {_words(a.name): a for a in states}
    close = difflib.get_close_matches(_words(query), list(names), n=3, cutoff=0.6)
    hint = (
        "; did you mean " + " or ".join(f"{names[c].name} ({names[c].state})" for c in close) + "?"
        if close
        else "."
    )
    codes = ", ".join(sorted(a.state for a in states if a.state))
    raise StateError(
        f"'{query.strip()}' is not a state{hint} Give a state's postal code or name: {codes}"
    )


def areas_in(areas: Sequence[Area], state: Area) -> list[Area]:
    """The metropolitan and nonmetropolitan areas that lie in ``state`` (a metropolitan
    area that crosses state lines is in each state its name lists), in the store's order."""
    code = state.state
    return [a for a in areas if a.type in ("metro", "nonmetro") and code in states_of(a)]


def search_areas(areas: Sequence[Area], text: str | None) -> list[Area]:
    """``jobcompare areas --search TEXT``, in the store's order (by code):

    - a state's postal code (``OH``): that state and the areas in it (``areas_in``: a
      metro area crossing state lines is in each state its name lists, "Wheeling, WV-OH"
      for Ohio too), and nothing else;
    - otherwise the areas whose name has the words, or whose area or CBSA code it is; and
      when the words are a state's whole name (``ohio``), that state's areas too."""
    if not text:
        return list(areas)
    wanted = text.strip()
    state = None if wanted.isdigit() else _named_state(areas, wanted)  # a code: that area
    inside = {a.code for a in areas_in(areas, state)} if state is not None else set()
    if state is not None and wanted.upper() == state.state:
        return [a for a in areas if a.code == state.code or a.code in inside]
    words = _words(wanted)
    return [
        a
        for a in areas
        if words in _words(a.name) or wanted in (a.code, a.cbsa) or a.code in inside
    ]


class AreaList(NamedTuple):
    """``jobcompare areas``: the areas BLS publishes figures for (those matching)."""

    areas: tuple[Area, ...]


def kind_label(area: Area) -> str:
    """What kind of area it is, as a list shows it."""
    if area.type == "state":
        return "territory" if area.territory else "district" if area.district else "state"
    if area.type == "metro":
        return "metro (territory)" if area.territory else "metro"
    return "nonmetro (territory)" if area.territory else area.type


PAY_MEASURES = (
    ("annual_mean", "Average salary", "MONEY"),
    ("hourly_mean", "Hourly rate", "RATE"),
    ("mean_rse", "Mean wage: relative standard error", "PERCENT"),
    *((f"annual_{key}", label, "MONEY") for key, label in PERCENTILES),
    *((f"hourly_{key}", f"Hourly {label.lower()}", "RATE") for key, label in PERCENTILES),
)

JOB_MEASURES = (
    ("employment", "Employment", "COUNT"),
    ("employment_rse", "Employment: relative standard error", "PERCENT"),
    ("jobs_per_1000", "Jobs per 1,000", "NUMBER"),
    ("location_quotient", "Location quotient", "NUMBER"),
)

#: The measures shown adjusted for prices, with --adjust.
ADJUSTED = ("annual_mean", "annual_p50", "hourly_mean")

#: BLS's percent relative standard errors (how sure it is of a figure), and the measures
#: whose error each is: a mean wage's, hourly and yearly alike.
RSE_MEASURES = frozenset(("employment_rse", "mean_rse"))
MEAN_RSE = {"annual_mean": "mean_rse", "hourly_mean": "mean_rse"}

_ANNUAL_PERCENTILES = ("annual_p10", "annual_p25", "annual_p50", "annual_p75", "annual_p90")


def adjust(figure: Figure | None, parity: Parity | None, measure: str) -> Amount | None:
    """Pay divided by the area's RPP/100: annual to whole dollars, hourly to the cent; a
    lower bound stays a lower bound. None without a figure or a parity. The one rule for
    area comparisons and rankings."""
    from jobcompare.model import Amount

    rpp = None if parity is None else parity.all_items
    if figure is None or figure.value is None or not rpp:
        return None
    value = figure.value / (rpp / 100)
    if figure.at_least:  # a lower bound rounds down: never above what is known
        cents = math.floor(value * 100) / 100
        return Amount(cents if measure.startswith("hourly") else math.floor(value), True)
    shown: int | float = round(value, 2) if measure.startswith("hourly") else round(value)
    return Amount(shown, figure.at_least)


class AreaColumn(NamedTuple):
    """One column: a role in an area (``pay`` None when BLS has no estimate there), the
    role's national figures for reference, and the area's price parity (with --adjust)."""

    label: str
    role: Role
    area: Area
    pay: AreaPay | None
    national: AreaPay | None
    parity: Parity | None = None

    def figure(self, measure: str) -> Figure | None:
        return None if self.pay is None else self.pay.figures[measure]

    def reference(self, measure: str) -> Figure | None:
        return None if self.national is None else self.national.figures[measure]

    @property
    def hourly_only(self) -> bool:
        """No annual percentile at all: BLS's hourly percentiles are shown instead."""
        return all(
            self.figure(m) is None or self.figure(m).value is None  # type: ignore[union-attr]
            for m in _ANNUAL_PERCENTILES
        )

    def adjusted(self, measure: str) -> Amount | None:
        """Pay divided by RPP/100: annual to whole dollars, hourly to the cent; a lower
        bound stays a lower bound. None without a figure or a parity."""
        return adjust(self.figure(measure), self.parity, measure)


def figure_reason(figure: Figure | None) -> str | None:
    """Why a figure is missing, as BLS says (None for a published one); no row at all for
    the role in the area is BLS's "no estimate"."""
    from jobcompare.sources.store import NOT_PUBLISHED

    if figure is None:
        return NO_ESTIMATE
    return None if figure.value is not None else figure.reason or NOT_PUBLISHED


def _value(figure: Figure | None, kind: str) -> object:
    return None if figure is None else figure.shown(kind)


class AreaComparison(NamedTuple):
    """What ``jobcompare ROLE ... --area ...`` found."""

    columns: tuple[AreaColumn, ...]
    by_area: bool  # one role in several areas (columns are areas), else roles in one area
    adjust: bool
    oews: str  # the OEWS attribution (release)
    rpp: str | None  # BEA's, with --adjust
    #: With --pay: where the amount falls in each column's area (engine/pay.py).
    your_pay: PayPlaces | None = None

    @property
    def title(self) -> str:
        from jobcompare.text import join_words

        if self.by_area:
            shown = [c for c in self.columns if c.area.type != "nation"]
            return f"{self.columns[0].role.title} in {join_words([c.area.name for c in shown])}"
        return f"{' vs '.join(c.role.title for c in self.columns)} in {self.columns[0].area.name}"


def area_comparison(
    store: Store, roles: Sequence[Role], areas: Sequence[Area], *, adjust: bool = False
) -> AreaComparison:
    """The columns for 2-4 roles in one area, or one role in 1-4 areas (then the United
    States is the last column). Every figure is read by primary key."""
    from jobcompare.sources.store import NATION

    if len(roles) > 1 and len(areas) > 1:
        raise AreaError("compare several roles in one area, or one role in several areas, not both")
    if len(areas) > MAX_ROLES:
        raise AreaError(f"compare 1 to {MAX_ROLES} areas at a time ({len(areas)} given)")
    codes = [a.code for a in areas]
    twice = sorted({a.name for a in areas if codes.count(a.code) > 1})
    if twice:
        raise AreaError(f"area '{twice[0]}' is given more than once")
    for role in roles:
        if not role.soc:
            raise AreaError(f"role '{role.slug}': {NO_SOC}")
    nation = store.area(NATION)
    assert nation is not None

    def column(role: Role, area: Area, label: str) -> AreaColumn:
        assert role.soc is not None
        pay = store.area_pay(role.soc, area.code)
        national = store.area_pay(role.soc, NATION)
        parity = store.rpp(area.code) if adjust else None
        return AreaColumn(label, role, area, pay, national, parity)

    by_area = len(roles) == 1
    if by_area:
        role = roles[0]
        columns = [column(role, a, a.name) for a in areas if a.code != NATION]
        columns.append(column(role, nation, "United States"))
    else:
        columns = [column(r, areas[0], r.title) for r in roles]
    rpp = store.attribution("rpp") if adjust else None
    return AreaComparison(tuple(columns), by_area, adjust, store.oews_attribution(), rpp)


def _fields(result: AreaComparison) -> tuple[Any, ...]:
    """The rows of the table: each a Field whose ``get`` reads an AreaColumn."""
    from jobcompare.registry.fields import Field, Kind

    fields: list[Field] = []
    reference = not result.by_area  # roles in one area: the U.S. figure in the row below
    hourly = all(c.hourly_only for c in result.columns)

    def add(key: str, label: str, kind: str, get: Callable[[AreaColumn], object],
            ranked: bool = True, only_if_any: bool = False,
            rse: Callable[[AreaColumn], object] | None = None,
            compared: bool = True) -> None:  # fmt: skip
        fields.append(
            Field(key, label, Kind[kind], cast("Callable[[Role], object]", get),
                  source=None, ranked=ranked, only_if_any=only_if_any,
                  rse=cast("Callable[[Role], object] | None", rse), compared=compared)
        )  # fmt: skip

    measures = [*JOB_MEASURES, *PAY_MEASURES]
    for measure, label, kind in measures:
        if measure.startswith("hourly_p") and not hourly:
            continue  # annual percentiles are BLS's hourly ones x 2,080: shown once
        if measure.startswith("annual_p") and hourly:
            continue

        def area_value(c: AreaColumn, m: str = measure, k: str = kind) -> object:
            return _value(c.figure(m), k)

        def us_value(c: AreaColumn, m: str = measure, k: str = kind) -> object:
            return _value(c.reference(m), k)

        error = us_error = None
        if measure in MEAN_RSE:  # a mean: marked when within the survey's margin

            def error(c: AreaColumn, m: str = MEAN_RSE[measure]) -> object:
                return _value(c.figure(m), "PERCENT")

            def us_error(c: AreaColumn, m: str = MEAN_RSE[measure]) -> object:
                return _value(c.reference(m), "PERCENT")

        # An error is no figure to rank or take a difference of.
        plain = measure not in RSE_MEASURES
        add(measure, label, kind, area_value, ranked=plain, rse=error, compared=plain)
        if reference:
            add(f"{measure}_us", f"{label} (U.S.)", kind, us_value, ranked=False,
                rse=us_error, compared=plain)  # fmt: skip
        if result.adjust and measure in ADJUSTED:

            def adjusted(c: AreaColumn, m: str = measure) -> object:
                return c.adjusted(m)

            add(f"{measure}_adjusted", f"{label}, adjusted", kind, adjusted)
    if result.adjust:

        def parity(c: AreaColumn) -> object:
            # As BEA prints it, to the thousandth ("110.720").
            value = None if c.parity is None else c.parity.all_items
            return None if value is None else f"{value:.3f}"

        add("rpp", "Price level (RPP, U.S. = 100)", "TEXT", parity, ranked=False)
    return tuple(fields)


def area_section(result: AreaComparison) -> SectionResult:
    """The figures as a section's rows (one value per column), built by the engine that
    builds a comparison's, so marks and differences follow the same rules."""
    from jobcompare.engine.compare import build_section
    from jobcompare.registry.fields import SectionSpec
    from jobcompare.registry.section import Section

    declared = SectionSpec(Section.SALARY, _fields(result))
    columns = result.columns
    if not result.by_area:
        return build_section(declared, cast("Sequence[Role]", columns))
    # The United States column is a reference: the marks and differences compare the
    # areas only, and the nation's figure is added beside them.
    areas = build_section(declared, cast("Sequence[Role]", columns[:-1]))
    nation = columns[-1]
    rows = tuple(
        row._replace(
            values=(*row.values, row.field.value(cast("Role", nation))),
            delta=None,
            margin=(*row.margin, None) if row.margin else (),
        )
        for row in areas.rows
    )
    return areas._replace(rows=rows)


def mean_margins(result: AreaComparison) -> dict[str, tuple[bool | None, ...]]:
    """Each mean's row (``annual_mean``, ``hourly_mean``, and for roles in one area their
    national rows ``annual_mean_us``, ``hourly_mean_us``) -> per column, whether its figure
    is within the survey's margin of the first column's (engine/margin.py); None where
    that is unknown, for the first column, and for the United States column (a
    reference)."""
    rows = {row.key: row for row in area_section(result).rows}
    blank = (None,) * len(result.columns)
    keys = [*MEAN_RSE, *([] if result.by_area else [f"{m}_us" for m in MEAN_RSE])]
    return {k: (rows[k].margin if k in rows else ()) or blank for k in keys}


def unpublished(result: AreaComparison) -> list[str]:
    """Why figures shown as — are missing, as BLS says, per column and reason."""
    notes: list[str] = []
    for column in result.columns:
        if column.pay is None:
            notes.append(f"{_who(result, column)}: every figure — {NO_ESTIMATE}")
            continue
        by_reason: dict[str, list[str]] = {}
        shown = _shown_measures(result)
        for measure, label in shown:
            figure = column.figure(measure)
            if figure is not None and figure.value is None:
                by_reason.setdefault(figure.reason or "", []).append(label.lower())
        for reason, labels in by_reason.items():
            from jobcompare.text import join_words

            notes.append(f"{_who(result, column)}: {join_words(labels)} — {reason}")
        if column.parity is not None and column.parity.all_items is None:
            notes.append(f"{_who(result, column)}: adjusted pay — {column.parity.reason}")
    return notes


def _who(result: AreaComparison, column: AreaColumn) -> str:
    where = "the United States" if column.area.type == "nation" else column.area.name
    return capitalise(where) if result.by_area else f"{column.role.title} in {where}"


def _shown_measures(result: AreaComparison) -> list[tuple[str, str]]:
    hourly = all(c.hourly_only for c in result.columns)
    return [
        (m, label)
        for m, label, _ in (*JOB_MEASURES, *PAY_MEASURES)
        if not (m.startswith("hourly_p") and not hourly)
        and not (m.startswith("annual_p") and hourly)
    ]


# -- an area comparison: pay in the area, and adjusted for its prices -------------------------


def _means_within(result: AreaComparison, names: Sequence[str]) -> str:
    """The clause the pay line adds when two compared areas' (or roles') mean wages are
    within the survey's margin of each other: the medians it ranks have no published
    error. "" otherwise (they differ significantly, it is unknown, or more are compared)."""
    from jobcompare import text as fmt
    from jobcompare.engine.keydiff import MEANS_WITHIN
    from jobcompare.model import Amount

    compared = [c for c in result.columns if not (result.by_area and c.area.type == "nation")]
    if len(compared) != 2:
        return ""
    margins = mean_margins(result)
    for measure, show in (("annual_mean", fmt.money), ("hourly_mean", fmt.rate)):
        within = margins[measure][1]
        if within is None:
            continue
        if not within:
            return ""
        # Within the margin: both published, and exact. Each named by its area or role.
        said = " and ".join(
            f"{show(Amount(f.value))} {'in' if result.by_area else 'for'} {name}"
            for c, name in zip(compared, names, strict=False)
            if (f := c.figure(measure)) is not None and f.value is not None
        )
        return MEANS_WITHIN.format(whose="the", means=said)
    return ""


def area_key_differences(result: AreaComparison) -> tuple[KeyDifference, ...]:
    """The line that opens an area comparison: each column's median pay in its area (the
    yearly median, or the hourly one where BLS gives only that), ranked when all are in
    one unit, and, with --adjust, the same divided by the area's price parity (BEA RPP).
    A top-coded median is "at least"; a median BLS does not publish is said so."""
    from jobcompare import text as fmt
    from jobcompare.engine.keydiff import ranking
    from jobcompare.engine.results import KeyDifference, KeyFigure
    from jobcompare.model import Amount
    from jobcompare.registry.section import Section

    columns = result.columns

    def measure_of(column: AreaColumn) -> str:
        yearly = column.figure("annual_p50")
        hourly = column.figure("hourly_p50")
        if (yearly is None or yearly.value is None) and hourly is not None and hourly.value:
            return "hourly_p50"
        return "annual_p50"

    measures = [measure_of(c) for c in columns]
    figures = [c.figure(m) for c, m in zip(columns, measures, strict=True)]
    # The units of the medians BLS publishes (a missing one has none).
    units = {m for m, f in zip(measures, figures, strict=True) if f is not None and f.value}
    one_unit = len(units) <= 1

    def said(amount: Amount | None, measure: str) -> str:
        if amount is None:
            return "not published"
        show = fmt.money if measure == "annual_p50" else fmt.rate
        text = ("at least " if amount.at_least else "") + show(Amount(amount.value))
        return text if one_unit else f"{text} {'a year' if measure == 'annual_p50' else 'an hour'}"

    def listed(amounts: list[Amount | None]) -> str:
        texts = [said(a, m) for a, m in zip(amounts, measures, strict=True)]
        if one_unit:  # one unit: ranked, highest first
            return ranking(names, [None if a is None else float(a.value) for a in amounts], texts)
        return "; ".join(f"{n} {t}" for n, t in zip(names, texts, strict=True))

    if result.by_area:
        names = ["the United States" if c.area.type == "nation" else c.area.name for c in columns]
        whose = f"of {columns[0].role.plural_noun}, by area"
    else:
        names = [c.role.plural_noun for c in columns]
        whose = f"in {columns[0].area.name}"
    per = ("an hour " if units == {"hourly_p50"} else "a year ") if one_unit else ""
    amounts = [
        None if f is None or f.value is None else Amount(f.value, f.at_least) for f in figures
    ]
    text = f"Median pay {per}{whose}: {listed(amounts)}"
    text += _means_within(result, names)
    if result.adjust:
        adjusted = [c.adjusted(m) for c, m in zip(columns, measures, strict=True)]
        prices = "each area's" if result.by_area else f"{columns[0].area.name}'s"
        text += f"; adjusted for {prices} prices (BEA RPP): {listed(adjusted)}"
    found = tuple(
        KeyFigure(
            "salary.percentiles.p50" if m == "annual_p50" else "salary.hourly_percentiles.p50",
            name, c.role.slug, None if a is None else a.value,
            "USD/year" if m == "annual_p50" else "USD/hour", bool(a is not None and a.at_least),
        )
        for name, c, a, m in zip(names, columns, amounts, measures, strict=True)
    )  # fmt: skip
    sources = tuple(s for s in (result.oews, result.rpp if result.adjust else None) if s)
    return (KeyDifference("pay", "Pay", text + ".", Section.SALARY, sources, found),)
