"""Names people type (issue 22), held against the bundled store: everyday names resolve to
the occupation a person means, or to a list where there is no single answer (none is
picked wrongly); a name picked among several says what else it could mean; a list is
whole lines that copy and paste, after the error box. docs/titles.md gives the rules.

Each expected occupation below was checked by hand against the store's SOC titles
(``occupation``) and O*NET's titles for the name (``title_key``)."""

from __future__ import annotations

import re
import shlex
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobcompare.engine.search import search_roles
from jobcompare.engine.titles import TitleResolver
from jobcompare.errors import AmbiguousRoleError
from jobcompare.sources.store import bundled_store_path
from tests.conftest import error_box, flat, listed_slugs, run
from tests.titles_store import open_store

#: (what a person types, the SOC code and title they mean). The name is the occupation's
#: own title, an O*NET title of it alone, or a name several occupations share of which
#: the preference picks this one (the step, for those, in the comment).
EVERYDAY = [
    ("police officer", "33-3051", "Police and Sheriff's Patrol Officers"),  # 1: own title
    ("cop", "33-3051", "Police and Sheriff's Patrol Officers"),
    ("truck driver", "53-3032", "Heavy and Tractor-Trailer Truck Drivers"),  # 4: 2.1x light
    ("programmer", "15-1251", "Computer Programmers"),  # 4: 3.2x CNC tool programmers
    ("UX designer", "15-1255", "Web and Digital Interface Designers"),  # 1: "Designer"
    ("elementary teacher", "25-2021", "Elementary School Teachers, Except Special Education"),
    ("CNA", "31-1131", "Nursing Assistants"),  # 1: "Certified Nursing Assistant"
    ("RN", "29-1141", "Registered Nurses"),
    ("LPN", "29-2061", "Licensed Practical and Licensed Vocational Nurses"),
    ("nurse", "29-1141", "Registered Nurses"),
    ("accountant", "13-2011", "Accountants and Auditors"),
    ("lawyer", "23-1011", "Lawyers"),
    ("electrician", "47-2111", "Electricians"),
    ("plumber", "47-2152", "Plumbers, Pipefitters, and Steamfitters"),
    ("cashier", "41-2011", "Cashiers"),
    ("chef", "35-1011", "Chefs and Head Cooks"),
    ("barista", "35-3023", "Fast Food and Counter Workers"),
    ("janitor", "37-2011", "Janitors and Cleaners, Except Maids and Housekeeping Cleaners"),
    ("dentist", "29-1021", "Dentists, General"),
    ("pharmacist", "29-1051", "Pharmacists"),
    ("paramedic", "29-2043", "Paramedics"),
    ("firefighter", "33-2011", "Firefighters"),
    ("web developer", "15-1254", "Web Developers"),
    ("data scientist", "15-2051", "Data Scientists"),
    ("software engineer", "15-1252", "Software Developers"),
    ("welder", "51-4121", "Welders, Cutters, Solderers, and Brazers"),
    ("carpenter", "47-2031", "Carpenters"),
    ("teacher aide", "25-9045", "Teaching Assistants, Except Postsecondary"),  # 2: reported
    ("bartender", "35-3011", "Bartenders"),
    ("receptionist", "43-4171", "Receptionists and Information Clerks"),
    ("bank teller", "43-3071", "Tellers"),
    ("security guard", "33-9032", "Security Guards"),
    ("HR manager", "11-3121", "Human Resources Managers"),
    ("forklift driver", "53-7051", "Industrial Truck and Tractor Operators"),
    ("medical coder", "29-2072", "Medical Records Specialists"),
    ("dental hygienist", "29-1292", "Dental Hygienists"),
    ("physical therapist", "29-1123", "Physical Therapists"),
    ("high school teacher", "25-2031",
     "Secondary School Teachers, Except Special and Career/Technical Education"),
    ("kindergarten teacher", "25-2012", "Kindergarten Teachers, Except Special Education"),
    ("delivery driver", "53-3033", "Light Truck Drivers"),  # 1: "Drivers"
    ("mail carrier", "43-5052", "Postal Service Mail Carriers"),
    ("home health aide", "31-1120", "Home Health and Personal Care Aides"),
    ("EMT", "29-2042", "Emergency Medical Technicians"),
    ("bookkeeper", "43-3031", "Bookkeeping, Accounting, and Auditing Clerks"),
    ("auto mechanic", "49-3023", "Automotive Service Technicians and Mechanics"),
    ("construction worker", "47-2061", "Construction Laborers"),
    ("nanny", "39-9011", "Childcare Workers"),
    ("waitress", "35-3031", "Waiters and Waitresses"),
    ("medical biller", "43-3021", "Billing and Posting Clerks"),  # 2: reported
    ("CEO", "11-1011", "Chief Executives"),
    ("pharmacy tech", "29-2052", "Pharmacy Technicians"),  # a short form of its own title
    ("surg tech", "29-2055", "Surgical Technologists"),
]  # fmt: skip

#: Names with no single answer: (typed, the occupations the list must hold, first the one
#: it must start with, or None where no one of them comes first by right).
NO_SINGLE_ANSWER = [
    # Several kinds of school teacher; postsecondary and special education ones after.
    ("teacher", ["25-2021", "25-2031", "25-2022"], None),
    ("doctor", ["29-1216", "29-1215"], None),
    ("mechanic", ["49-3023", "49-9041"], None),
    ("cook", ["35-2014", "35-2011", "35-2012"], "35-2014"),
    ("social worker", ["21-1021", "21-1022", "21-1023"], None),
    # Surgeons, All Other (29-1249) say "surgeon" too: no specialty is taken for it.
    ("surgeon", ["29-1242", "29-1243", "29-1022"], None),
    # Not postsecondary teachers while school teachers are candidates.
    ("english teacher", ["25-1123", "25-2031", "25-2022"], None),
    # A medical coder, or a computer language coder.
    ("coder", ["29-2072", "15-1251"], "29-2072"),
    ("personal trainer", ["39-9031", "29-9091"], "39-9031"),
]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Iterator[sqlite3.Connection]:
    conn = open_store(bundled_store_path())
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def resolver(store: sqlite3.Connection) -> TitleResolver:
    roles = store.execute("SELECT slug, title, soc FROM occupation").fetchall()
    return TitleResolver(roles, store)


def test_the_tables_are_big_enough() -> None:
    assert len(EVERYDAY) >= 40
    assert len({typed.lower() for typed, _, _ in EVERYDAY}) == len(EVERYDAY)


@pytest.mark.parametrize(("typed", "soc", "title"), EVERYDAY)
def test_an_everyday_name_is_the_occupation_a_person_means(
    resolver: TitleResolver, store: sqlite3.Connection, typed: str, soc: str, title: str
) -> None:
    resolution = resolver.resolve(typed)
    assert resolution.picked is not None, resolution.error()
    assert (resolution.picked.soc, resolution.picked.title) == (soc, title)
    # The store's own title for that code: the table says what the store says.
    assert store.execute("SELECT title FROM occupation WHERE soc = ?", (soc,)).fetchone() == (
        title,
    )
    if resolution.others:  # picked among several: the note says what else it could be
        assert resolution.note is not None and "; also: " in resolution.note
        assert resolution.preferred_by in (1, 2, 3, 4)


@pytest.mark.parametrize(("typed", "holds", "first"), NO_SINGLE_ANSWER)
def test_a_name_with_no_single_answer_is_a_list(
    resolver: TitleResolver, typed: str, holds: list[str], first: str | None
) -> None:
    resolution = resolver.resolve(typed)
    assert resolution.picked is None, resolution.note
    listed = [c.soc for c in resolution.candidates]
    everyone = [c.soc for c in _every_candidate(resolver, typed)]
    assert set(holds) <= set(everyone)
    if first is not None:
        assert listed[0] == first


def _every_candidate(resolver: TitleResolver, typed: str) -> list[object]:
    """All of a name's candidates, not only the eight an error lists."""
    resolution = resolver.resolve(typed)
    if not resolution.more:
        return list(resolution.candidates)
    from jobcompare.engine import titles

    cut = titles.MAX_LISTED
    try:
        titles.MAX_LISTED = 1000
        return list(resolver.resolve(typed).candidates)
    finally:
        titles.MAX_LISTED = cut


def test_teachers_come_before_postsecondary_and_special_education(
    resolver: TitleResolver, store: sqlite3.Connection
) -> None:
    # The issue: 'search teacher' started with Health Specialties Teachers, Postsecondary.
    roles = store.execute("SELECT slug, title, soc FROM occupation").fetchall()
    hits = search_roles("teacher", roles, store, limit=None)
    assert hits[0].soc != "25-1071" and not hits[0].special
    # Of the occupations that have 'Teacher' alike (their own title says "teacher", and
    # it is a reported title of theirs, or only an alternate one), the general ones come
    # first.
    groups = [
        [h.special for h in hits if (h.tier, h.own, h.reported) == (0, 1, kind)]
        for kind in (True, False)
    ]
    assert all(alike == sorted(alike) for alike in groups)
    assert True in groups[0] and False in groups[0]
    assert {"25-2021", "25-2031"} <= {h.soc for h in hits[:8]}
    # The error lists the same occupations in the same order.
    listed = [c.slug for c in resolver.resolve("teacher").candidates]
    assert listed == [h.slug for h in hits if h.tier == 0][: len(listed)]


def test_a_pick_among_several_is_the_searchs_first(
    resolver: TitleResolver, store: sqlite3.Connection
) -> None:
    roles = store.execute("SELECT slug, title, soc FROM occupation").fetchall()
    for typed, soc, _ in EVERYDAY:
        resolution = resolver.resolve(typed)
        if resolution.others:
            hits = search_roles(typed, roles, store, limit=3)
            assert hits[0].soc == soc, typed


def test_each_step_of_the_preference(resolver: TitleResolver) -> None:
    steps = {typed: resolver.resolve(typed).preferred_by for typed, _, _ in EVERYDAY}
    assert steps["police officer"] == 1 and steps["CNA"] == 1 and steps["UX designer"] == 1
    assert steps["medical biller"] == 2 and steps["teacher aide"] == 2
    # Special education teachers of secondary schools have it as a reported title too.
    assert steps["high school teacher"] == 3
    assert steps["truck driver"] == 4 and steps["programmer"] == 4


# -- on the command line ------------------------------------------------------------------


def test_the_note_says_what_else_the_name_could_mean() -> None:
    result = run(["show", "police officer", "-s", "salary"], bundled=True)
    assert result.exit_code == 0
    assert result.stderr == (
        "'police officer' → Police and Sheriff's Patrol Officers (33-3051); also: "
        "Detectives and Criminal Investigators (33-3021)\n"
    )
    truck = run(["show", "truck driver", "-s", "salary"], bundled=True).stderr
    assert truck.startswith(
        "'truck driver' → Heavy and Tractor-Trailer Truck Drivers (53-3032); also: Light "
        "Truck Drivers (53-3033), "
    )
    assert re.search(r" and \d+ more\n$", truck)


def test_every_bad_argument_is_reported_at_once_ranked_by_employment() -> None:
    result = run(["doctor", "zzyzx", "CNA"], bundled=True, width=100)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert flat(" ".join(error_box(result.stderr))) == (
        "Invalid value for 'ROLE...': 'doctor' could be several occupations; name one by "
        "its slug or SOC code, as listed below. unknown role 'zzyzx'"
    )  # CNA names Nursing Assistants: it resolved
    after = result.stderr.split("╯\n", 1)[1].splitlines()
    assert after[0] == "'doctor': SOC code, slug, title"
    # Both have 'Doctor' as alternate and reported title; general internal medicine
    # physicians employ more than dermatologists.
    assert after[1:5] == [
        "  29-1216  general-internal-medicine-physicians",
        "           General Internal Medicine Physicians: O*NET alternate and reported "
        "title 'Doctor'",
        "  29-1213  dermatologists",
        "           Dermatologists: O*NET alternate and reported title 'Doctor'",
    ]
    assert after[-1] == "  ... and 9 more"


def test_an_ambiguous_error_keeps_its_data() -> None:
    conn = open_store(bundled_store_path())
    try:
        roles = conn.execute("SELECT slug, title, soc FROM occupation").fetchall()
        error = TitleResolver(roles, conn).resolve("surgeon").error()
    finally:
        conn.close()
    assert isinstance(error, AmbiguousRoleError)
    assert [entry.soc for entry in error.listed] == [
        c.split()[0] for c in error.reasons
    ]  # the listing and the message name the same candidates, in order
    assert error.listing()[0] == "'surgeon': SOC code, slug, title"


def test_the_readme_names_transcript_is_real() -> None:
    """The README's transcript of names (stderr alone where stdout goes to /dev/null), run
    on the bundled store at 80 columns."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- transcript:names -->\n```console\n", 1)[1]
    block = block.split("```\n<!-- /transcript:names -->", 1)[0]
    runs = re.split(r"^\$ jobcompare ", block, flags=re.MULTILINE)[1:]
    assert len(runs) >= 5
    for one in runs:
        command, expected = one.split("\n", 1)
        quiet = command.endswith(" > /dev/null")
        args = shlex.split(command.removesuffix(" > /dev/null"))
        result = run(args, width=80, bundled=True)
        shown = result.stderr if quiet else result.stdout + result.stderr
        assert shown == expected, command


def test_suggestions_follow_the_box_and_a_title_several_share_stays_in_it() -> None:
    result = run(["show", "docter"], bundled=True, width=80)
    assert result.exit_code == 2 and result.stdout == ""
    box = flat(" ".join(error_box(result.stderr)))
    # 'Doctor' names several occupations: said in the box; the roles suggested follow it.
    assert box == (
        "Invalid value for 'ROLE': unknown role 'docter'; did you mean 'Doctor', or one of "
        "these, listed below?"
    )
    slugs = listed_slugs(result.stderr)
    assert slugs and all(s in result.stderr.split("╯\n", 1)[1] for s in slugs)
    for slug in slugs:
        assert run(["show", slug, "-s", "salary"], bundled=True).exit_code == 0


def test_a_short_form_of_an_own_title_comes_before_another_occupations_alternate_title(
    resolver: TitleResolver,
) -> None:
    # "customer service rep" is an alternate title of Sales Representatives of Services,
    # but it is Customer Service Representatives' own title written short: that one is
    # picked and the other named. A word that merely starts another ("park attendant",
    # "die technician") is no short form: those keep their O*NET titles' occupations.
    picked = resolver.resolve("customer service rep")
    assert picked.picked is not None and picked.picked.soc == "43-4051"
    assert [c.soc for c in picked.others] == ["41-3091"]
    assert resolver.resolve("park attendant").picked.soc == "39-3091"  # type: ignore[union-attr]
    assert resolver.resolve("die technician").picked.soc == "51-4062"  # type: ignore[union-attr]


def test_an_unknown_name_suggests_what_the_search_finds_in_titles() -> None:
    # No title is "hvac technician", but O*NET titles of HVAC mechanics hold both words:
    # the search's first answers are suggested, not close spellings ("Vacuum Technician").
    from tests.conftest import run

    result = run(["show", "hvac technician"], width=120, bundled=True)
    assert result.exit_code == 2 and result.stdout == ""
    listed = result.stderr.split("SOC code, slug, title", 1)[1].split()
    assert listed[:2] == [
        "49-9021",
        "heating-air-conditioning-and-refrigeration-mechanics-and-installers",
    ]


def test_search_ranks_a_short_form_of_an_own_title_as_show_picks_it() -> None:
    from tests.conftest import run

    listed = run(["search", "customer service rep"], width=120, bundled=True).stdout.split()
    assert listed[0] == "customer-service-representatives"
