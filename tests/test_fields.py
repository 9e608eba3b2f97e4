"""The figure registry and the shipped JSON schema describe the same figures."""

from __future__ import annotations

from typing import Any

from jobcompare.model import (
    ATTAINMENT_LEVELS,
    CPS_GROUPS,
    REQUIRED_LEVELS,
    WEEKLY_GROUPS,
    Demographics,
    Education,
    Percentiles,
    Role,
    Salary,
)
from jobcompare.registry import fields
from jobcompare.registry.fields import Kind
from jobcompare.registry.section import Section
from jobcompare.registry.sections.salary import HISTORY_YEARS


def _schema_keys(node: dict[str, Any], prefix: str = "") -> set[str]:
    """Dotted property paths of a section's schema, down to the figures (a figure's own
    object, such as a salary range, is one figure)."""
    keys: set[str] = set()
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        nested = child.get("properties")
        if nested and not {"min", "max"} & set(nested) and not {"name"} & set(nested):
            keys |= _schema_keys(child, path + ".")
        else:
            keys.add(path)
    return keys


def test_every_section_has_a_declaration() -> None:
    assert [s.section for s in fields.specs()] == list(Section)


def test_registry_and_schema_name_the_same_figures(schema: dict[str, Any]) -> None:
    role = schema["$defs"]["role"]["properties"]
    for declared in fields.specs():
        registry = {f.key for f in declared.fields}
        assert _schema_keys(role[declared.section.value]) == registry, declared.section
        # What the schema requires is what every comparison carries: every figure.
        required = {f.key.split(".")[0] for f in declared.fields}
        assert set(role[declared.section.value]["required"]) == required


def test_keys_are_unique_within_a_section() -> None:
    for declared in fields.specs():
        keys = [f.key for f in declared.fields]
        assert len(keys) == len(set(keys)), declared.section


def test_unpublished_paths_name_model_fields() -> None:
    """Every declared source path is a real attribute path of Role, so the dataset's
    ``unpublished`` table and the registry cannot drift apart."""
    groups = Percentiles()
    role = Role(
        "x",
        "X",
        salary=Salary(
            percentiles=groups,
            hourly_percentiles=groups,
            # The median by year: keyed by year ("2021").
            median_by_year={str(year): None for year in HISTORY_YEARS},
            hourly_median_by_year={str(year): None for year in HISTORY_YEARS},
        ),
        # Distributions are dicts keyed by the model's group keys.
        education=Education(
            required_levels={key: None for key, _, _ in REQUIRED_LEVELS},
            attainment={key: None for key, _ in ATTAINMENT_LEVELS},
        ),
        demographics=Demographics(
            race_ethnicity={key: None for key, _ in CPS_GROUPS},
            weekly_earnings={key: None for key, _ in WEEKLY_GROUPS},
        ),
    )
    assert fields.by_source()
    for path in fields.by_source():
        target: object = role
        for part in path.split("."):
            if isinstance(target, dict):
                assert part in target, path
                target = target[part]
                continue
            assert hasattr(target, part), path
            target = getattr(target, part)


def test_unpublished_keys_are_json_keys() -> None:
    assert fields.json_keys("salary.average") == [
        "overview.yearly_salary",
        "salary.average_salary",
    ]
    assert fields.json_keys("salary.percentiles.p90") == ["salary.percentiles.p90"]
    assert fields.note_name("salary.average") == "average salary"
    assert fields.note_name("salary.percentiles") == "percentiles"


def test_kinds_with_units() -> None:
    units = {f.key: f.csv_unit for _, f in fields.all_fields()}
    assert units["average_salary"] == "USD/year"
    assert units["hourly_percentiles.p10"] == "USD/hour"
    assert units["average_age"] == "years"
    assert all(f.kind in Kind for _, f in fields.all_fields())


def test_the_shipped_schema_is_the_generated_one() -> None:
    """The JSON Schema is generated from the registry: regenerate it after declaring a
    figure (python -m jobcompare.output.schema)."""
    from jobcompare.output.schema import SCHEMA_FILE, text

    assert SCHEMA_FILE.read_text(encoding="utf-8") == text()


def test_a_figure_declared_is_in_the_generated_schema_with_its_shape() -> None:
    from dataclasses import replace

    from jobcompare.output.schema import section

    declared = fields.spec(Section.OVERVIEW)
    new = fields.Field("openings_rate", "Openings rate", Kind.PERCENT, source="overview.x",
                       unit="% a year", only_if_any=True)  # fmt: skip
    shape = section(replace(declared, fields=(*declared.fields, new)))
    assert shape["properties"]["openings_rate"] == {
        "$ref": "#/$defs/share",
        "description": "Openings rate (% a year)",
    }
    # Required even when tables show it only if some role has it: the JSON keeps null.
    assert "openings_rate" in shape["required"]


def test_every_store_column_the_registry_reads_is_an_importers() -> None:
    """A figure's ``column`` names a column of a table an importer declares, and each
    table's reason and note columns are that table's too."""
    import importlib

    from jobcompare.importers.sources import SOURCES

    declared = {
        table.name: {name for name, _ in table.columns}
        for module in SOURCES.values()
        for table in importlib.import_module(module).TABLES
    }
    read = fields.columns()
    assert read, "no figure is read from a store column"
    for table, figures in read.items():
        assert table in declared, table
        for figure in figures:
            assert figure.column is not None
            assert figure.column.split(".", 1)[1] in declared[table], figure.column
        described = fields.store_tables()[table]
        for column in [*(c for c, _ in described.notes), described.reason]:
            assert column is None or column in declared[table], (table, column)


def test_every_table_a_field_reads_is_described() -> None:
    """A table's reason for a missing row and its source come from its declaration."""
    assert set(fields.columns()) <= set(fields.store_tables())


def test_a_store_table_cites_the_source_its_figures_come_from() -> None:
    """A store table's ``origin`` (cited, and named in every reason) is its figures'."""
    from jobcompare.registry.fields import columns, store_tables

    tables = store_tables()
    assert tables
    for name, figures in columns().items():
        assert name in tables, name
        assert {f.origin for f in figures} == {tables[name].origin}, name


def test_a_concept_names_official_occupations_field_of_the_same_kind() -> None:
    """``Field.official`` (one table column per concept) names a declared field of the
    same kind and unit, read for official occupations (it has an origin to cite), on a
    field of hand-written roles (none: a table must never take a role's figure from the
    other field, so no role may have both)."""
    declared = {f"{s.value}.{f.key}": f for s, f in fields.all_fields()}
    concepts = [(f, declared[f.official]) for f in declared.values() if f.official]
    assert {f.key for f, _ in concepts} == {"growth_rate", "gender_ratio.female"}
    for own, official in concepts:
        assert (own.kind, own.csv_unit) == (official.kind, official.csv_unit)
        assert official.origin is not None and own.origin is None
        assert official.official is None


def test_no_role_has_both_fields_of_a_concept(dataset_roles: list[Role]) -> None:
    from jobcompare.sources.roles import open_source

    declared = {f"{s.value}.{f.key}": f for s, f in fields.all_fields()}
    source = open_source(None)
    official = [source.role(s) for s in ("registered-nurses", "all-occupations", "actors")]
    for own in (f for f in declared.values() if f.official):
        theirs = declared[own.official or ""]
        # Each kind of role has its own field's figure, never the other's.
        assert all(theirs.value(r) is None and own.value(r) is not None for r in dataset_roles)
        assert all(own.value(r) is None and theirs.value(r) is not None for r in official)
