"""Validation of one parsed TOML document into roles: every field typed, bounded and
checked, every problem recorded with its file, line, role and field path (not only the
first), so that ``jobcompare validate`` can report them all."""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

from jobcompare.errors import Problem
from jobcompare.model import (
    GENDER_GROUPS,
    RACE_GROUPS,
    Amount,
    Degree,
    Demographics,
    Education,
    Number,
    Overview,
    Percentiles,
    Role,
    Salary,
    SalaryRange,
    Skill,
    TimeToBecome,
)
from jobcompare.registry.fields import at_path
from jobcompare.sources.locator import Locator

T = TypeVar("T")

HOURS_PER_YEAR = 2080
# \Z, not $ (which allows a trailing newline), and ASCII digits only (\d takes any script's).
SLUG_RE = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SOC_RE = re.compile(r"\A[0-9]{2}-[0-9]{4}\Z")

# Bounds on every input (docs/dataset.md): what a field can mean, and no more.
#: The longest text of any field, in characters.
MAX_TEXT = 1_000_000
#: The deepest nesting of tables and arrays (a role needs 5: roles.x.salary.range.min).
MAX_DEPTH = 16
#: The largest money amount (a year's pay of a billion dollars).
MAX_MONEY = 1_000_000_000
#: The largest count of jobs (more than there are people).
MAX_JOBS = 10_000_000_000
#: The largest growth rate, in percent.
MAX_GROWTH = 10_000
#: The longest time to become, in months (a hundred years).
MAX_MONTHS = 1_200
#: The largest magnitude of any number read, whatever its field.
_MAX_MAGNITUDE = 1e15
#: Shares that should add up to 100 may be off by this much from rounding each of them.
_SUM_TOLERANCE = 0.5


def check_role(
    file: Path, locator: Locator, slug: str, body: Any
) -> tuple[Role | None, list[Problem]]:
    """One role of a parsed file, validated on its own (the catalogue loads roles so):
    the role if it has no error, and every problem of it."""
    checker = Checker(file, "", locator)
    role = checker.role(slug, body)
    return role, sorted(checker.problems, key=lambda p: p.line or 0)


def check_top(file: Path, locator: Locator, document: dict[str, Any]) -> list[Problem]:
    """The problems of a parsed file outside its roles (other top-level keys, 'roles' not
    a table, no roles at all)."""
    checker = Checker(file, "", locator)
    top = Fields(checker, None, "", document)
    top.finish(("roles",))
    roles_table = document.get("roles")
    if roles_table is None:
        checker.problems.append(Problem(file, "no [roles.<slug>] tables: nothing to load"))
    elif not isinstance(roles_table, dict):
        checker.problems.append(
            Problem(file, f"'roles' must be a table, not {_type_name(roles_table)}")
        )
    return checker.problems


# -- validation ---------------------------------------------------------------------------


def _type_name(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return names.get(type(value), type(value).__name__)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class Checker:
    """Turns one parsed TOML document into roles, recording every problem on the way."""

    def __init__(self, file: Path, text: str, locator: Locator | None = None) -> None:
        self.file = file
        self.locator = locator if locator is not None else Locator(text)
        self.problems: list[Problem] = []
        self.roles: list[Role] = []
        self._errors = 0

    def report(self, slug: str | None, path: str, message: str, *, warning: bool = False) -> None:
        line = self.locator.line(slug, tuple(path.split("."))) if slug else None
        self._errors += not warning
        self.problems.append(
            Problem(
                self.file,
                message,
                line=line,
                role=slug,
                field=path or None,
                severity="warning" if warning else "error",
            )
        )

    def document(self, document: dict[str, Any]) -> list[Role]:
        top = Fields(self, None, "", document)
        roles_table = top.table.get("roles")
        top.finish(("roles",))
        if roles_table is None:
            self.problems.append(Problem(self.file, "no [roles.<slug>] tables: nothing to load"))
            return []
        if not isinstance(roles_table, dict):
            self.problems.append(
                Problem(self.file, f"'roles' must be a table, not {_type_name(roles_table)}")
            )
            return []
        roles: list[Role] = []
        for slug, body in roles_table.items():
            role = self.role(slug, body)
            if role is not None:
                roles.append(role)
        return roles

    def role(self, slug: str, body: Any) -> Role | None:
        errors_before = self._error_count()
        if not SLUG_RE.match(slug):
            self.report(
                slug,
                "",
                "a slug is lowercase letters, digits and single hyphens (e.g. 'data-analyst')",
            )
        if not isinstance(body, dict):
            self.report(slug, "", f"a role must be a table, not {_type_name(body)}")
            return None
        f = Fields(self, slug, "", body)
        title = f.text("title", required=True)
        soc = f.text("soc")
        if soc is not None and not SOC_RE.match(soc):
            self.report(slug, "soc", f"a SOC code looks like '43-3011', not '{soc}'")
        role_kwargs: dict[str, Any] = {
            "category": f.text("category"),
            "noun": f.text("noun"),
            "plural": f.text("plural"),
            "description": f.text("description"),
            "source": f.text("source"),
            "time_to_become": f.sub("time_to_become", self.time_to_become),
            "overview": f.sub("overview", self.overview) or Overview(),
            "salary": f.sub("salary", self.salary) or Salary(),
            "education": f.sub("education", self.education) or Education(),
            "demographics": f.sub("demographics", self.demographics) or Demographics(),
            "duties": tuple(f.array("duties", self.duty) or ()),
            "skills": tuple(f.array("skills", self.skill) or ()),
            "unpublished": f.sub("unpublished", self.unpublished) or {},
        }
        f.finish(
            (
                "title",
                "soc",
                "noun",
                "plural",
                "category",
                "description",
                "source",
                "time_to_become",
                "overview",
                "salary",
                "education",
                "demographics",
                "duties",
                "skills",
                "unpublished",
            )
        )
        if self._error_count() > errors_before or title is None:
            return None
        role = Role(slug=slug, title=title, soc=soc, **role_kwargs)
        self.cross_checks(role)
        return role

    def _error_count(self) -> int:
        return self._errors

    # Each section reader takes the section's fields and returns its model object.

    def time_to_become(self, f: Fields) -> TimeToBecome | None:
        low = f.number("min_months", integer=True, minimum=0, maximum=MAX_MONTHS, required=True)
        high = f.number("max_months", integer=True, minimum=0, maximum=MAX_MONTHS, required=True)
        f.finish(("min_months", "max_months"))
        if low is None or high is None:
            return None
        if low > high:
            f.report("", f"min_months ({low}) is more than max_months ({high})")
            return None
        return TimeToBecome(int(low), int(high))

    def overview(self, f: Fields) -> Overview:
        result = Overview(
            growth_rate=f.number("growth_rate", minimum=-100, maximum=MAX_GROWTH),
            jobs=_as_int(f.number("jobs", integer=True, minimum=0, maximum=MAX_JOBS)),
            job_satisfaction=f.number("job_satisfaction", minimum=0, maximum=5),
            years_of_experience=f.number("years_of_experience", minimum=0, maximum=80),
        )
        f.finish(("growth_rate", "jobs", "job_satisfaction", "years_of_experience"))
        return result

    def salary(self, f: Fields) -> Salary:
        result = Salary(
            average=f.money("average"),
            hourly=f.money("hourly"),
            range=f.sub("range", self.salary_range),
            percentiles=f.sub("percentiles", self.percentiles),
            highest_paying_city=f.text("highest_paying_city"),
            highest_paying_state=f.text("highest_paying_state"),
            best_paying_company=f.text("best_paying_company"),
            best_paying_industry=f.text("best_paying_industry"),
        )
        f.finish(
            (
                "average",
                "hourly",
                "range",
                "percentiles",
                "highest_paying_city",
                "highest_paying_state",
                "best_paying_company",
                "best_paying_industry",
            )
        )
        return result

    def salary_range(self, f: Fields) -> SalaryRange | None:
        low = f.money("min", required=True)
        high = f.money("max", required=True)
        f.finish(("min", "max"))
        if low is None or high is None:
            return None
        if low.value > high.value:
            f.report("", f"min ({low.value}) is more than max ({high.value})")
            return None
        return SalaryRange(low, high)

    def percentiles(self, f: Fields) -> Percentiles:
        names = ("p10", "p25", "p50", "p75", "p90")
        values = {name: f.money(name) for name in names}
        f.finish(names)
        known = [(n, v) for n, v in values.items() if v is not None]
        for (low_name, low), (high_name, high) in itertools.pairwise(known):
            if low.value > high.value:
                f.report("", f"{low_name} ({low.value}) is more than {high_name} ({high.value})")
        return Percentiles(**values)

    def education(self, f: Fields) -> Education:
        result = Education(
            degree=f.sub("degree", self.degree),
            major=f.text("major"),
            college=f.text("college"),
        )
        f.finish(("degree", "major", "college"))
        return result

    def degree(self, f: Fields) -> Degree | None:
        name = f.text("name", required=True)
        share = f.percent("share")
        f.finish(("name", "share"))
        return Degree(name, share) if name is not None else None

    def demographics(self, f: Fields) -> Demographics:
        result = Demographics(
            average_age=f.number("average_age", minimum=0, maximum=120),
            gender=f.sub("gender", lambda g: self.shares(g, GENDER_GROUPS)),
            race=f.sub("race", lambda g: self.shares(g, RACE_GROUPS)),
            lgbt=f.percent("lgbt"),
        )
        f.finish(("average_age", "gender", "race", "lgbt"))
        return result

    def shares(self, f: Fields, groups: tuple[tuple[str, str], ...]) -> dict[str, Number]:
        keys = tuple(key for key, _ in groups)
        shares = {key: value for key in keys if (value := f.percent(key)) is not None}
        f.finish(keys)
        total = sum(shares.values())
        complete = len(shares) == len(keys)
        if (complete and abs(total - 100) > _SUM_TOLERANCE) or total > 100 + _SUM_TOLERANCE:
            f.report("", f"shares add up to {round(total, 2)}%, not 100%", warning=True)
        return shares

    def duty(self, slug: str | None, path: str, value: Any) -> str | None:
        if not isinstance(value, str):
            self.report(slug, path, f"expected a string, got {_type_name(value)}")
            return None
        if not value.strip():
            self.report(slug, path, "is empty")
            return None
        if len(value) > MAX_TEXT:
            self.report(slug, path, f"is {len(value):,} characters long (at most {MAX_TEXT:,})")
            return None
        return value

    def skill(self, slug: str | None, path: str, value: Any) -> Skill | None:
        if not isinstance(value, dict):
            self.report(
                slug,
                path,
                f"expected a table like {{ name = ..., share = ... }}, got {_type_name(value)}",
            )
            return None
        f = Fields(self, slug, path, value)
        name = f.text("name", required=True)
        share = f.percent("share")
        f.finish(("name", "share"))
        return Skill(name, share) if name is not None else None

    def unpublished(self, f: Fields) -> dict[str, str]:
        reasons: dict[str, str] = {}
        for key in list(f.table):
            reason = f.text(key)
            if reason is None:
                continue
            if key not in UNPUBLISHABLE_FIELDS:
                f.report(
                    key,
                    "not a field that can be unpublished"
                    + _did_you_mean(key, UNPUBLISHABLE_FIELDS),
                )
                continue
            reasons[key] = reason
        return reasons

    def cross_checks(self, role: Role) -> None:
        """Softer inconsistencies: reported as warnings, the role still loads."""
        average, hourly = role.salary.average, role.salary.hourly
        if average and hourly and not (average.at_least or hourly.at_least):
            expected = average.value / HOURS_PER_YEAR
            if abs(hourly.value - expected) > 0.01 + 1e-9:
                self.report(
                    role.slug,
                    "salary.hourly",
                    f"${hourly.value:,.2f} an hour is not the yearly ${average.value:,} / "
                    f"{HOURS_PER_YEAR:,} hours (${expected:,.2f}) to the cent",
                    warning=True,
                )
        for path in role.unpublished:
            if at_path(role, path) is not None:
                self.report(
                    role.slug, f"unpublished.{path}", "has a value and a reason it is unpublished"
                )
        for path in ("salary.average", "salary.hourly"):
            amount = at_path(role, path)
            if isinstance(amount, Amount) and amount.value == 0:
                self.report(
                    role.slug,
                    path,
                    "is 0: leave the key out if the figure is unknown",
                    warning=True,
                )
        counts = Counter(s.name.casefold() for s in role.skills)
        for name in sorted(n for n, count in counts.items() if count > 1):
            self.report(role.slug, "skills", f"skill '{name}' is listed twice", warning=True)


#: Field paths that an ``unpublished`` table may explain.
def _leaf_paths(prefix: str, cls: type) -> list[str]:
    paths = []
    for item in fields(cls):
        path = f"{prefix}.{item.name}"
        paths.append(path)
        if item.name == "percentiles":
            paths += _leaf_paths(path, Percentiles)
    return paths


#: Field paths that an ``unpublished`` table may explain: every figure of every section.
UNPUBLISHABLE_FIELDS: tuple[str, ...] = tuple(
    path
    for section, cls in (
        ("overview", Overview),
        ("salary", Salary),
        ("education", Education),
        ("demographics", Demographics),
    )
    for path in _leaf_paths(section, cls)
)


def _short(value: object) -> str:
    """A value for a message: its repr, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _range(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f" ({minimum:g} to {maximum:g})"
    if maximum is not None:
        return f" (at most {maximum:g})"
    return f" (at least {minimum:g})" if minimum is not None else ""


def _as_int(value: Number | None) -> int | None:
    return None if value is None else int(value)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Fields:
    """One TOML table being read: typed getters that record problems, and a final
    check that every key was known (so a typo is an error, not silently ignored)."""

    def __init__(self, checker: Checker, slug: str | None, prefix: str, table: dict[str, Any]):
        self.checker = checker
        self.slug = slug
        self.prefix = prefix
        self.table = table

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix and key else (self.prefix or key)

    def report(self, key: str, message: str, *, warning: bool = False) -> None:
        self.checker.report(self.slug, self.path(key), message, warning=warning)

    def finish(self, allowed: Sequence[str]) -> None:
        for key in self.table:
            if key not in allowed:
                self.report(key, "unknown key" + _did_you_mean(key, allowed))

    def _get(self, key: str, required: bool) -> Any:
        value = self.table.get(key)
        if value is None and required:
            self.report(key, "missing (required)")
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.report(key, f"expected a string, got {_type_name(value)}")
            return None
        if not value.strip():
            self.report(key, "is empty (leave the key out when there is no value)")
            return None
        if len(value) > MAX_TEXT:
            self.report(key, f"is {len(value):,} characters long (at most {MAX_TEXT:,})")
            return None
        return value

    def number(
        self,
        key: str,
        *,
        integer: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
        required: bool = False,
        unit: str = "",
    ) -> Number | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not _is_number(value) or (integer and not isinstance(value, int)):
            wanted = "a whole number" if integer else "a number"
            shown = f" ({_short(value)})" if isinstance(value, (str, float)) else ""
            self.report(key, f"expected {wanted}, got {_type_name(value)}{shown}")
            return None
        if isinstance(value, int) and abs(value) > _MAX_MAGNITUDE:
            # Too big for any field, and perhaps for a float: never compared or converted.
            digits = len(str(abs(value)))
            self.report(key, f"a {digits}-digit number is out of range{_range(minimum, maximum)}")
            return None
        if not math.isfinite(value):
            self.report(key, f"expected a finite number, got {value}")
            return None
        if minimum is not None and value < minimum:
            self.report(key, f"{value}{unit} is below the minimum of {minimum:g}{unit}")
            return None
        if maximum is not None and value > maximum:
            self.report(key, f"{value}{unit} is above the maximum of {maximum:g}{unit}")
            return None
        number: Number = value
        return number

    def percent(self, key: str) -> Number | None:
        return self.number(key, minimum=0, maximum=100, unit="%")

    def money(self, key: str, *, required: bool = False) -> Amount | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, dict):
            sub = Fields(self.checker, self.slug, self.path(key), value)
            bound = sub.number("at_least", minimum=0, maximum=MAX_MONEY, required=True)
            sub.finish(("at_least",))
            return Amount(bound, at_least=True) if bound is not None else None
        if (
            _is_number(value)
            and value < 0
            and (not isinstance(value, float) or math.isfinite(value))
        ):
            self.report(key, f"money cannot be negative ({_short(value)})")
            return None
        amount = self.number(key, maximum=MAX_MONEY)
        return Amount(amount) if amount is not None else None

    def sub(self, key: str, read: Callable[[Fields], T | None]) -> T | None:
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(key, f"expected a table, got {_type_name(value)}")
            return None
        return read(Fields(self.checker, self.slug, self.path(key), value))

    def array(self, key: str, read: Callable[[str | None, str, Any], T | None]) -> list[T] | None:
        value = self.table.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.report(key, f"expected an array, got {_type_name(value)}")
            return None
        items = [read(self.slug, f"{self.path(key)}[{i}]", item) for i, item in enumerate(value)]
        return [item for item in items if item is not None]
