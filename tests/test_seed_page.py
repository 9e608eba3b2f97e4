"""Every figure and sentence of the seed comparison page reaches the user, under the right
role, in the tables and in --json. The expectations are copied from the page by hand."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import SEED, flat, run

PATIENT, COLLECTIONS = SEED

DESCRIPTIONS = {
    PATIENT: (
        "A patient account coordinator ensures that the medical records of a patient are "
        "consolidated and updated with necessary and accurate information for ease of access "
        "by medical staff and other departments within a medical facility. You will capture "
        "and record patient information for easy access, handle patient billing and related "
        "inquiries, and help patients fill out the required paperwork. Patient account "
        "coordinators schedule and follow up patient appointments, set up and manage patient "
        "accounts and information therein, and coordinate and follow up on insurance benefits."
    ),
    COLLECTIONS: (
        "Usually working alongside a company's account receivables team, a collections "
        "coordinator is in charge of developing strategies to optimize the payment collection "
        "operations. Among their responsibilities include reaching out to clients through "
        "calls or correspondence to remind them of their payment obligations, arranging "
        "appointments, processing payments, arranging payment terms, and researching a "
        "client's communication information such as cellphone number, address, or email. "
        "Moreover, a collections coordinator must maintain an active communication line with "
        "staff while promoting and enforcing the company's policies and regulations."
    ),
}

DUTIES = {
    PATIENT: [
        "Accept and process healthcare claims and confidential medical records; verify patient "
        "eligibility and manage the Medicare and Medicaid billing process.",
        "Perform appropriate follow-up for missing data elements such as CPT, HCPCS, ICD-9 "
        "codes and modifiers.",
        "Be able to work with the current CPT, ICD-9 books, CPC certification are required "
        "for this position",
        "Provide quality customer service, maintain confidentiality, problem solving, and "
        "accuracy while complying with all HIPAA regulations.",
        "Provide adequate documentation to insurance carriers for appeals and reconsideration "
        "of soft and technical denials.",
        "See that records are store securely and handle in compliance with HIPAA privacy and "
        "security regulations",
    ],
    COLLECTIONS: [
        "Plan and conduct sensitive HUMINT collection operations with an emphasis on managing "
        "and debriefing confidential sources.",
        "Manage accounts receivable/payment, insurance billing and follow-up for a solo "
        "physician clinic, and direct communication with patients regarding bills.",
        "Audit outstanding accounts and resolve any balances including calling Medicare, "
        "Medicaid, government, private or commercial insurances.",
        "Perform daily follow-up on Medicare, Medicaid, workers compensation and commercial "
        "insurances.",
        "Hand illustrate fully render with marker and colore pencil sketches and Photoshop "
        "render drawings.",
        "Submit insurance appeals and provider disputes when necessary.",
    ],
}

SKILLS = {
    PATIENT: [("Patients", 20), ("Patient Accounts", 10), ("Credit Balances", 9),
              ("Appeals", 7), ("Medical Billing", 4), ("Data Entry", 3)],
    COLLECTIONS: [("Customer Service", 15), ("Patients", 12), ("Phone Calls", 6),
                  ("Collection Efforts", 4), ("Delinquent Accounts", 4), ("Appeals", 4)],
}  # fmt: skip

SUMMARY_SENTENCES = [
    "It typically takes 6-12 months to become both a patient account coordinator and a "
    "collections coordinator.",
    "Additionally, a collections coordinator has an average salary of $37,938, which is higher "
    "than the $35,695 average annual salary of a patient account coordinator.",
    "The top three skills for a patient account coordinator include patients, patient accounts "
    "and credit balances.",
    "The most important skills for a collections coordinator are customer service, patients, "
    "and phone calls.",
]

# (label, patient account coordinator, collections coordinator) as the tables show them.
TABLE_ROWS = [
    ("Yearly salary", "$35,695", "$37,938"),
    ("Hourly rate", "$17.16", "$18.24"),
    ("Growth rate", "-8%", "-8%"),
    ("Number of jobs", "148,258", "40,113"),
    ("Average age", "46", "46"),
    ("Years of experience", "12", "12"),
    ("Average salary", "$35,695", "$37,938"),
    ("Salary range", "$30,000 – $41,000", "$30,000 – $47,000"),
    ("Highest paying city", "—", "New York, NY"),
    ("Highest paying state", "—", "Connecticut"),
    ("Best paying company", "—", "University of California, Berkeley"),
    ("Best paying industry", "—", "Professional"),
    ("Most common degree", "Bachelor's Degree, 34%", "Bachelor's Degree, 48%"),
    ("Most common major", "Business", "Business"),
    ("Male", "12.0%", "26.6%"),
    ("Female", "88.0%", "73.4%"),
    ("Black or African American", "12.7%", "12.1%"),
    ("Unknown", "4.2%", "4.1%"),
    ("Hispanic or Latino", "19.1%", "20.8%"),
    ("Asian", "4.0%", "3.6%"),
    ("White", "59.5%", "59.0%"),
    ("American Indian and Alaska Native", "0.5%", "0.5%"),
    ("LGBT percentage", "8%", "8%"),
]


@pytest.fixture(scope="module", params=[120, 200])
def wide_output(request: pytest.FixtureRequest) -> str:
    result = run([*SEED, "--plain"], width=request.param)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def document() -> dict[str, object]:
    result = run([*SEED, "--json"])
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


def test_every_table_row_shows_both_figures_in_role_order(wide_output: str) -> None:
    lines = wide_output.splitlines()
    for label, first, second in TABLE_ROWS:
        pattern = re.compile(
            rf"^\s*{re.escape(label)}\s{{2,}}{re.escape(first)}\s{{2,}}{re.escape(second)}(\s|$)"
        )
        assert any(pattern.search(line) for line in lines), f"row {label!r} not found"


def test_rows_no_role_has_are_hidden_in_tables(wide_output: str) -> None:
    # The page shows "-" for both; the tables leave such rows out (JSON keeps them as null).
    assert "Job satisfaction" not in wide_output
    assert "Most common college" not in wide_output


def test_descriptions_duties_and_sentences_appear_in_tables(wide_output: str) -> None:
    shown = flat(wide_output)
    for text in [*DESCRIPTIONS.values(), *SUMMARY_SENTENCES]:
        assert flat(text) in shown
    assert "What does a patient account coordinator do?" in shown
    assert "What does a collections coordinator do?" in shown


def test_duties_in_tables_at_full_width() -> None:
    # However wide the terminal, a duty wraps at a readable length (80), between words.
    for slug in SEED:
        result = run(["show", slug, "-s", "duties"], width=300)
        assert result.exit_code == 0
        table = result.stdout.split("────\n", 2)[2].split("\n\n")[0]  # below its rules
        assert max(map(len, table.splitlines())) <= 90
        for duty in DUTIES[slug]:
            assert duty in flat(result.stdout)


def test_skills_in_tables(wide_output: str) -> None:
    for rank in range(6):
        (a, a_share), (b, b_share) = SKILLS[PATIENT][rank], SKILLS[COLLECTIONS][rank]
        pattern = rf"\b{rank + 1}\s+{a}, {a_share}%.*\s{b}, {b_share}%"
        assert re.search(pattern, wide_output), pattern


def _nulls(section: object) -> Any:
    """A section's keys with every figure null: the figures of official occupations only,
    which a comparison page's role has every key of."""
    if isinstance(section, dict):
        return {key: _nulls(value) for key, value in section.items()}
    return None


def test_json_carries_every_figure_under_its_role(document: dict[str, object]) -> None:
    roles = {role["slug"]: role for role in document["roles"]}  # type: ignore[attr-defined]
    p, c = roles[PATIENT], roles[COLLECTIONS]
    # Every declared figure is there; those of official occupations only are null.
    assert p["overview"] == {
        **_nulls(p["overview"]),
        "soc": None,
        "category": "Office and administrative",
        "time_to_become": {"min_months": 6, "max_months": 12},
        "yearly_salary": 35695,
        "hourly_rate": 17.16,
        "growth_rate": -8,
        "number_of_jobs": 148258,
        "job_satisfaction": None,
        "most_common_degree": {"name": "Bachelor's Degree", "share": 34},
        "average_age": 46,
        "years_of_experience": 12,
        "description": DESCRIPTIONS[PATIENT],
    }
    assert c["overview"]["yearly_salary"] == 37938
    assert c["overview"]["hourly_rate"] == 18.24
    assert c["overview"]["number_of_jobs"] == 40113
    assert c["overview"]["most_common_degree"] == {"name": "Bachelor's Degree", "share": 48}
    assert c["overview"]["description"] == DESCRIPTIONS[COLLECTIONS]
    no_percentiles = {"p10": None, "p25": None, "p50": None, "p75": None, "p90": None}
    assert p["salary"] == {
        **_nulls(p["salary"]),
        "average_salary": 35695,
        "hourly_rate": 17.16,
        "salary_range": {"min": 30000, "max": 41000},
        "percentiles": no_percentiles,
        "hourly_percentiles": no_percentiles,
        "highest_paying_city": None,
        "highest_paying_state": None,
        "best_paying_company": None,
        "best_paying_industry": None,
    }
    assert c["salary"] == {
        **_nulls(c["salary"]),
        "average_salary": 37938,
        "hourly_rate": 18.24,
        "salary_range": {"min": 30000, "max": 47000},
        "percentiles": no_percentiles,
        "hourly_percentiles": no_percentiles,
        "highest_paying_city": "New York, NY",
        "highest_paying_state": "Connecticut",
        "best_paying_company": "University of California, Berkeley",
        "best_paying_industry": "Professional",
    }
    assert p["education"] == {
        **_nulls(p["education"]),
        "most_common_degree": {"name": "Bachelor's Degree", "share": 34},
        "most_common_major": "Business",
        "most_common_college": None,
    }
    assert c["demographics"] == {
        **_nulls(c["demographics"]),
        "average_age": 46,
        "gender_ratio": {"male": 26.6, "female": 73.4},
        "race_ratio": {
            "black_or_african_american": 12.1,
            "unknown": 4.1,
            "hispanic_or_latino": 20.8,
            "asian": 3.6,
            "white": 59.0,
            "american_indian_and_alaska_native": 0.5,
        },
        "lgbt_percentage": 8,
    }
    assert p["demographics"]["gender_ratio"] == {"male": 12.0, "female": 88.0}
    assert p["demographics"]["race_ratio"]["hispanic_or_latino"] == 19.1
    for slug, role in roles.items():
        assert role["duties"] == {"example_responsibilities": DUTIES[slug]}
        assert [(s["name"], s["share"]) for s in role["skills"]["skills"]] == SKILLS[slug]


def test_json_summary_sentences(document: dict[str, object]) -> None:
    sentences = document["summary"]["sentences"]  # type: ignore[index]
    for sentence in SUMMARY_SENTENCES:
        assert sentence in sentences
    assert "That is $2,243 (6.3%) more a year." in sentences
