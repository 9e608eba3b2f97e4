"""The store tables the O*NET importers fill (onet.py, onet_excel.py): one declaration of
each, shared by both."""

from __future__ import annotations

from jobcompare.importers.base import Table

# Shared with onet_excel (alternate titles): one definition of the title table.
TITLE_TABLE = Table(
    "title",
    (
        ("title", "TEXT NOT NULL"),
        ("soc", "TEXT NOT NULL"),
        ("kind", "TEXT NOT NULL"),
        ("onet_code", "TEXT NOT NULL"),
        ("short_title", "TEXT"),
    ),
    # Led by soc: looking titles up by occupation needs no separate index.
    primary_key=("soc", "kind", "onet_code", "title"),
)

_RATING_COLUMNS = (
    ("soc", "TEXT NOT NULL"),
    ("onet_code", "TEXT NOT NULL"),
    ("element_id", "TEXT NOT NULL"),
    ("element_name", "TEXT NOT NULL"),
    ("scale_id", "TEXT NOT NULL"),
    ("value", "REAL"),
    ("n", "INTEGER"),
    ("standard_error", "REAL"),
    ("recommend_suppress", "TEXT"),
    ("not_relevant", "TEXT"),
    ("missing_reason", "TEXT"),
    ("date", "TEXT"),
    ("domain_source", "TEXT"),
)


def rating_table(name: str) -> Table:
    """A skills table (basic skills here, all 35 skills in onet_excel): one row per scale."""
    return Table(
        name,
        _RATING_COLUMNS,
        primary_key=("soc", "onet_code", "element_id", "scale_id"),
    )


#: O*NET 30.3 Interests (importers/onet_interests.py): one row per O*NET occupation that
#: rolls up to an OEWS occupation; an occupation's own are its ``.00``'s (readers).
INTEREST_TABLE = Table(
    "onet_interest",
    (
        ("soc", "TEXT NOT NULL"),
        ("onet_code", "TEXT NOT NULL"),
        ("realistic", "REAL NOT NULL"),
        ("investigative", "REAL NOT NULL"),
        ("artistic", "REAL NOT NULL"),
        ("social", "REAL NOT NULL"),
        ("enterprising", "REAL NOT NULL"),
        ("conventional", "REAL NOT NULL"),
        # O*NET's number of the interest (1 Realistic ... 6 Conventional), 0 for none.
        ("high_point_1", "INTEGER NOT NULL"),
        ("high_point_2", "INTEGER NOT NULL"),
        ("high_point_3", "INTEGER NOT NULL"),
        ("date", "TEXT"),
        ("domain_source", "TEXT"),
    ),
    primary_key=("soc", "onet_code"),
)


TABLES: tuple[Table, ...] = (
    Table(
        "onet_occupation",
        (
            ("onet_code", "TEXT NOT NULL"),
            ("soc", "TEXT"),
            ("title", "TEXT NOT NULL"),
            ("description", "TEXT NOT NULL"),
        ),
        primary_key=("onet_code",),
        indexes=(("soc",),),
    ),
    Table(
        "onet_link",
        (("soc", "TEXT NOT NULL"), ("onet_code", "TEXT NOT NULL"), ("rule", "TEXT NOT NULL")),
        primary_key=("soc", "onet_code"),
        indexes=(("onet_code",),),
    ),
    Table(
        "onet_unlinked",
        (("soc", "TEXT NOT NULL"), ("reason", "TEXT NOT NULL")),
        primary_key=("soc",),
    ),
    Table(
        "onet_task",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
            ("task_id", "INTEGER NOT NULL"),
            ("task", "TEXT NOT NULL"),
            ("task_type", "TEXT"),
            ("incumbents_responding", "INTEGER"),
            ("date", "TEXT"),
            ("domain_source", "TEXT"),
        ),
        primary_key=("soc", "onet_code", "position"),
    ),
    Table(
        "onet_education",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT NOT NULL"),
            ("category", "INTEGER NOT NULL"),
            ("category_name", "TEXT NOT NULL"),
            ("percent", "REAL"),
            ("n", "INTEGER"),
            ("standard_error", "REAL"),
            ("recommend_suppress", "TEXT"),
            ("missing_reason", "TEXT"),
            ("date", "TEXT"),
            ("domain_source", "TEXT"),
        ),
        primary_key=("soc", "onet_code", "category"),
    ),
    Table(
        "onet_education_category",
        (("category", "INTEGER NOT NULL"), ("name", "TEXT NOT NULL")),
        primary_key=("category",),
    ),
    Table(
        "onet_job_zone",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT NOT NULL"),
            ("job_zone", "INTEGER NOT NULL"),
            ("date", "TEXT"),
            ("domain_source", "TEXT"),
        ),
        primary_key=("soc", "onet_code"),
    ),
    Table(
        "onet_job_zone_reference",
        (
            ("job_zone", "INTEGER NOT NULL"),
            ("name", "TEXT NOT NULL"),
            ("experience", "TEXT"),
            ("education", "TEXT"),
            ("job_training", "TEXT"),
            ("examples", "TEXT"),
            ("svp_range", "TEXT"),
        ),
        primary_key=("job_zone",),
    ),
    Table(
        "onet_related",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT NOT NULL"),
            ("related_onet_code", "TEXT NOT NULL"),
            ("related_soc", "TEXT"),
            ("related_title", "TEXT NOT NULL"),
            ("tier", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
        ),
        primary_key=("soc", "onet_code", "related_onet_code"),
    ),
    TITLE_TABLE,
    rating_table("onet_basic_skill"),
    Table(
        "onet_technology",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT NOT NULL"),
            ("example", "TEXT NOT NULL"),
            ("element_id", "TEXT NOT NULL"),
            ("element_name", "TEXT NOT NULL"),
            ("hot_technology", "INTEGER NOT NULL"),
            ("in_demand", "INTEGER NOT NULL"),
        ),
        primary_key=("soc", "onet_code", "element_id", "example"),
    ),
    INTEREST_TABLE,
)
