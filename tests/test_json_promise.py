"""The JSON's promise, on real occupations of the bundled store: every role object has the
same keys whatever its sources give, a missing figure is null with its source's reason, and
that reason is keyed by the figure's path in the document (``salary.percentiles.p10``,
``skills.skills[2].level``)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from jobcompare.model import Role
from jobcompare.registry import fields
from jobcompare.registry.section import Section
from tests.conftest import run, validate

#: One of each case: a hand-written role; O*NET's suppressed required levels (29-1141); no
#: CPS row (13-2054); CPS dashes (11-3111); a suppressed skill level (15-1252); wages
#: published annually only (25-1062) or hourly only (27-2011, no best-paid state); no single
#: O*NET description (13-1020: three O*NET occupations).
SLUGS = (
    "patient-account-coordinator",
    "registered-nurses",
    "financial-risk-specialists",
    "compensation-and-benefits-managers",
    "software-developers",
    "area-ethnic-and-cultural-studies-teachers-postsecondary",
    "actors",
    "buyers-and-purchasing-agents",
)
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _json(*args: str) -> Any:
    result = run([*args, "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _figure_keys(role: dict[str, Any]) -> set[str]:
    """Every key of the role object, down to the declared figures (a figure's own value,
    such as a range's min and max, is not a key of the role)."""
    declared = {f"{s.value}.{f.key}" for s, f in fields.all_fields()}
    found: set[str] = set()

    def walk(value: object, path: str) -> None:
        found.add(path)
        if isinstance(value, dict) and path not in declared and path.count(".") < 3:
            for key, item in value.items():
                walk(item, f"{path}.{key}")

    for key, value in role.items():
        if key in {s.value for s in Section}:
            walk(value, key)
        else:
            found.add(key)
    return found


def _resolve(document: dict[str, Any], path: str) -> tuple[bool, object]:
    """(whether the path names something in the document, its value)."""
    value: object = document
    for name, index in _STEP.findall(path):
        if name:
            if not isinstance(value, dict) or name not in value:
                return False, None
            value = value[name]
        else:
            if not isinstance(value, list) or int(index) >= len(value):
                return False, None
            value = value[int(index)]
    return True, value


def _keeps_the_promise(role: dict[str, Any], official: Role | None) -> None:
    reasons: dict[str, str] = role["unpublished"]
    for key in reasons:
        found, value = _resolve(role, key)
        assert found, f"{role['slug']}: reason key {key!r} is no path of the document"
        assert value is None or key.endswith(".level"), (role["slug"], key, value)
    if official is None:
        return
    # An official role: every null figure its sources could give has their reason. The
    # comparison page's own figures (no origin) are a hand-written role's, and a figure
    # that does not apply says so in the tables instead ("the state above").
    for section, figure in fields.all_fields():
        key = f"{section.value}.{figure.key}"
        if section.value not in role or figure.origin is None:
            continue
        found, value = _resolve(role, key)
        assert found, f"{role['slug']}: {key} is missing"
        if value is None and not (figure.not_applicable and figure.not_applicable(official)):
            assert key in reasons, f"{role['slug']}: {key} is null without a reason"
    for index, skill in enumerate(role.get("skills", {}).get("skills") or []):
        if skill.get("importance") is not None and skill["level"] is None:
            assert f"skills.skills[{index}].level" in reasons


@pytest.fixture(scope="module")
def profiles() -> dict[str, Any]:
    return {slug: _json("show", slug) for slug in SLUGS}


def test_every_profile_has_the_same_keys_and_every_null_its_reason(
    profiles: dict[str, Any], schema: dict[str, Any]
) -> None:
    from jobcompare.sources.roles import open_source

    source = open_source(None)
    shapes = set()
    for slug, profile in profiles.items():
        profile.pop("nearest_occupation", None)  # show's own addition for a hand-written role
        validate(profile, schema, "role")
        shapes.add(frozenset(_figure_keys(profile)))
        role = source.role(slug)
        _keeps_the_promise(profile, role if role.soc else None)
    assert len(shapes) == 1
    nurses = profiles["registered-nurses"]
    assert nurses["education"]["required_levels"]["bachelor"] is None
    assert "education.required_levels.bachelor" in nurses["unpublished"]
    risk = profiles["financial-risk-specialists"]
    assert risk["demographics"]["women"] is None and risk["overview"]["median_age"] is None
    assert risk["unpublished"]["demographics.women"] == "CPS 2024: no CPS row for this occupation"
    dashes = profiles["compensation-and-benefits-managers"]["unpublished"]
    assert dashes["demographics.race_ethnicity.asian"].startswith("CPS 2024: Dash indicates")
    developers = profiles["software-developers"]
    level = next(k for k in developers["unpublished"] if k.endswith(".level"))
    assert _resolve(developers, level)[1] is None
    assert _resolve(developers, level.removesuffix(".level") + ".name")[1] == "Programming"
    buyers = profiles["buyers-and-purchasing-agents"]
    assert buyers["overview"]["description"] is None
    assert (
        "13-1021.00 Buyers and Purchasing Agents, Farm Products"
        in buyers["unpublished"]["overview.description"]
    )
    actors = profiles["actors"]
    assert actors["salary"]["highest_paying_state_or_area"] is None
    assert actors["unpublished"]["salary.highest_paying_state_or_area"] == (
        "BLS publishes no annual mean wage for this occupation in any state, the District of "
        "Columbia or a territory."
    )
    # A hand-written role has every key too, null: nothing is left out for want of data.
    page = profiles["patient-account-coordinator"]
    assert page["demographics"]["median_age"] is None
    assert page["education"]["required_levels"]["bachelor"] is None
    assert page["sources"] == {} and page["notes"] == {}


@pytest.mark.parametrize(
    "slugs",
    [SLUGS[:4], SLUGS[4:]],
    ids=["page-nurses-no-cps-dashes", "skills-annual-hourly-no-description"],
)
def test_every_role_of_a_comparison_has_the_same_keys(
    slugs: tuple[str, ...], schema: dict[str, Any]
) -> None:
    from jobcompare.sources.roles import open_source

    document = _json(*slugs)
    validate(document, schema)
    shapes = {frozenset(_figure_keys(r)) for r in document["roles"]}
    assert len(shapes) == 1
    source = open_source(None)
    for role in document["roles"]:
        official = source.role(role["slug"])
        _keeps_the_promise(role, official if official.soc else None)


def test_a_role_keeps_its_keys_in_any_company() -> None:
    """A figure no compared role has is still there, null: the keys of a role's object do
    not depend on what it is compared with (the JSON Schema requires them all)."""
    alone = _json("collections-coordinator", "patient-account-coordinator")["roles"][1]
    beside = _json("registered-nurses", "patient-account-coordinator")["roles"][1]
    assert _figure_keys(alone) == _figure_keys(beside)
    assert alone["overview"]["jobs_with_self_employed"] is None
