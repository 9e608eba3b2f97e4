"""The parts of the JSON Schema for the documents other than a comparison and a role:
the role list, search hits, moves and their skill gaps, the validation report and the
sources (schema.py puts them beside the generated parts)."""

from __future__ import annotations

from typing import Any

from jobcompare.engine.moves import EDUCATION_COST, EDUCATION_LEVELS, MATCH_COST

#: Each document's shape, by its $defs name.
DOCUMENTS: dict[str, Any] = {
    "role_list": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["slug", "title", "category", "soc"],
            "additionalProperties": False,
            "properties": {
                "slug": {"type": "string"},
                "title": {"type": "string"},
                "category": {"$ref": "#/$defs/text"},
                "soc": {"type": ["string", "null"]},
            },
        },
    },
    "field_list": {
        "description": "jobcompare table --fields list --format json: the fields a table can "
        "show, by the name --fields takes, and how many roles of each kind have them.",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["field", "label", "unit", "official", "hand_written", "official_field"],
            "additionalProperties": False,
            "properties": {
                "field": {"type": "string", "pattern": "^[a-z_]+\\.[a-z_.0-9]+$"},
                "label": {"type": "string"},
                "unit": {"type": "string"},
                "official": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many official occupations have the figure.",
                },
                "hand_written": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many hand-written roles have the figure.",
                },
                "official_field": {
                    "type": ["string", "null"],
                    "description": "Where a comparison shows official occupations' figure "
                    "of this concept, when it is another field (overview.projected_change "
                    "for overview.growth_rate); null when it is this one.",
                },
            },
        },
    },
    "skill_change": {
        "type": "object",
        "required": ["skill", "importance", "level_from", "level_to", "rise"],
        "additionalProperties": False,
        "properties": {
            "skill": {"type": "string"},
            "importance": {
                "type": "number",
                "minimum": 1,
                "maximum": 5,
                "description": "O*NET importance (1-5) in the role moved to.",
            },
            "level_from": {"type": "number", "minimum": 0, "maximum": 7},
            "level_to": {"type": "number", "minimum": 0, "maximum": 7},
            "rise": {"type": "number", "description": "level_to minus level_from."},
        },
    },
    "skill_gap": {
        "type": "object",
        "required": ["from", "to", "gap", "build", "carry_over", "reason", "source"],
        "additionalProperties": False,
        "properties": {
            "from": {"type": ["string", "null"], "description": "O*NET-SOC code moved from."},
            "to": {"type": ["string", "null"], "description": "O*NET-SOC code moved to."},
            "gap": {
                "type": ["number", "null"],
                "description": "Sum of the rises of the skills to build; null when there is no "
                "gap (reason).",
            },
            "build": {"type": "array", "items": {"$ref": "#/$defs/skill_change"}},
            "carry_over": {"type": "array", "items": {"$ref": "#/$defs/skill_change"}},
            "reason": {"type": ["string", "null"]},
            "source": {
                "type": ["string", "null"],
                "description": "Attribution of the skill ratings (O*NET 30.1, CC BY 4.0).",
            },
            "suppressed": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Skills important in the target left out of the gap because O*NET "
                "recommends suppressing a rating of theirs (Recommend Suppress = Y).",
            },
        },
    },
    "search_results": {
        "description": "Output of `jobcompare search TEXT --json` (and `list "
        "--search TEXT --json`): the roles found, best first.",
        "type": "array",
        "items": {
            "type": "object",
            "required": ["slug", "title", "soc", "matched", "how", "score", "titles"],
            "additionalProperties": False,
            "properties": {
                "slug": {"type": "string"},
                "title": {"type": "string"},
                "soc": {"type": ["string", "null"]},
                "matched": {"type": "string", "description": "The title (or code) that matched."},
                "how": {"enum": ["title", "soc", "alternate", "reported", "description"]},
                "score": {"type": "number"},
                "titles": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many O*NET titles of the occupation matched.",
                },
            },
        },
    },
    "moves": {
        "description": "Output of `jobcompare moves ROLE --json` (docs/moves.md).",
        "type": "object",
        "required": [
            "jobcompare",
            "schema_version",
            "role",
            "scope",
            "sort",
            "ranked",
            "filters",
            "left_out",
            "area",
            "reason",
            "parts",
            "moves",
            "same_code",
            "sources",
        ],
        "additionalProperties": False,
        "properties": {
            "jobcompare": {"type": "string"},
            "schema_version": {"const": 1},
            "role": {
                "type": "object",
                "required": [
                    "slug",
                    "title",
                    "soc",
                    "onet_codes",
                    "median_pay",
                    "growth_percent",
                    "entry_education",
                    "job_zone",
                    "category",
                    "interests",
                ],
                "additionalProperties": False,
                "properties": {
                    "slug": {"type": "string"},
                    "title": {"type": "string"},
                    "soc": {"type": ["string", "null"]},
                    "onet_codes": {"type": "array", "items": {"type": "string"}},
                    "median_pay": {"$ref": "#/$defs/money"},
                    "growth_percent": {"type": ["number", "null"]},
                    "entry_education": {"type": ["string", "null"]},
                    "job_zone": {"type": ["integer", "null"]},
                    "category": {
                        "type": ["string", "null"],
                        "description": "Its field: the OEWS category (SOC major group).",
                    },
                    "interests": {
                        "type": ["string", "null"],
                        "description": "With --interests: O*NET's interest code (its high "
                        "points' letters, e.g. SCI); null without --interests or when O*NET "
                        "gives the occupation itself none.",
                    },
                },
            },
            "scope": {
                "enum": ["related", "all"],
                "description": "related: O*NET's related occupations; all: with "
                "--all-occupations, the occupations closest in skills.",
            },
            "sort": {"enum": ["onet", "pay", "growth", "gap"]},
            "ranked": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "With --all-occupations: how many occupations were ranked "
                "by skills (after the filters).",
            },
            "filters": {
                "type": "object",
                "required": ["max_education", "same_zone", "interests"],
                "additionalProperties": False,
                "properties": {
                    "max_education": {
                        "enum": [None, *EDUCATION_LEVELS],
                        "description": "--max-education, as BLS names the level.",
                    },
                    "same_zone": {"type": "boolean"},
                    "interests": {"type": "boolean"},
                },
            },
            "left_out": {
                "type": "array",
                "items": {"type": "string"},
                "description": "What the filters left out, one sentence each.",
            },
            "area": {
                "description": "With --area: the area, the role's median there and, with "
                "--adjust, that median divided by BEA's price parity / 100.",
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": [
                            "name",
                            "code",
                            "median_pay",
                            "median_pay_adjusted",
                            "price_parity",
                            "price_parity_reason",
                        ],
                        "additionalProperties": False,
                        "properties": {
                            "name": {"type": "string"},
                            "code": {"type": "string"},
                            "median_pay": {"$ref": "#/$defs/money"},
                            "median_pay_adjusted": {"$ref": "#/$defs/money"},
                            "price_parity": {"type": ["number", "null"]},
                            "price_parity_reason": {"type": ["string", "null"]},
                        },
                    },
                ],
            },
            "reason": {"type": ["string", "null"], "description": "Why there are no moves."},
            "parts": {
                "type": ["string", "null"],
                "description": "When O*NET rates only parts of the role's SOC code (an "
                "aggregate's occupations): which; the moves are from those parts "
                "(docs/mapping.md).",
            },
            "moves": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "position",
                        "tier",
                        "onet_code",
                        "title",
                        "soc",
                        "slug",
                        "median_pay",
                        "median_pay_difference",
                        "median_pay_difference_percent",
                        "growth_percent",
                        "entry_education",
                        "education_change",
                        "job_zone",
                        "job_zone_change",
                        "skill_gap",
                        "step",
                        "similarity",
                        "match",
                        "interests",
                        "interests_kept",
                        "area_median_pay",
                        "area_median_pay_adjusted",
                        "area_median_pay_difference",
                        "area_median_pay_difference_percent",
                        "category",
                        "part_of",
                        "notes",
                    ],
                    "additionalProperties": False,
                    "properties": {
                        "position": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "O*NET's index (1 is the most related); with "
                            "--all-occupations, the rank by match (1 is the best).",
                        },
                        "tier": {
                            "enum": ["Primary-Short", "Primary-Long", "Supplemental", None],
                            "description": "O*NET's relatedness tier; null with --all-occupations.",
                        },
                        "onet_code": {"type": "string"},
                        "title": {"type": "string"},
                        "soc": {"type": ["string", "null"]},
                        "slug": {"type": ["string", "null"]},
                        "median_pay": {"$ref": "#/$defs/money"},
                        "median_pay_difference": {"type": ["integer", "null"]},
                        "median_pay_difference_percent": {"type": ["number", "null"]},
                        "growth_percent": {"type": ["number", "null"]},
                        "entry_education": {"type": ["string", "null"]},
                        "education_change": {
                            "type": ["integer", "null"],
                            "description": "Levels of BLS typical entry education up (+) or "
                            "down (-) from the role's.",
                        },
                        "job_zone": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                        "job_zone_change": {"type": ["integer", "null"]},
                        "skill_gap": {"$ref": "#/$defs/skill_gap"},
                        "step": {
                            "type": ["number", "null"],
                            "description": "What --by gap sorts on: the gap plus "
                            f"{EDUCATION_COST:g} level points a level of entry education up.",
                        },
                        "similarity": {
                            "type": ["number", "null"],
                            "minimum": -1,
                            "maximum": 1,
                            "description": "The cosine of the two occupations' standardised "
                            "skill ratings (1: the same profile).",
                        },
                        "match": {
                            "type": ["number", "null"],
                            "description": "With --all-occupations: the similarity less "
                            f"{MATCH_COST:g} a level of entry education up (the ranking).",
                        },
                        "interests": {
                            "type": ["string", "null"],
                            "description": "With --interests: O*NET's interest code.",
                        },
                        "interests_kept": {
                            "type": ["integer", "null"],
                            "minimum": 0,
                            "maximum": 3,
                            "description": "How many of the role's high points it has too.",
                        },
                        "area_median_pay": {"$ref": "#/$defs/money"},
                        "area_median_pay_adjusted": {"$ref": "#/$defs/money"},
                        "area_median_pay_difference": {
                            "type": ["integer", "null"],
                            "description": "With --area: minus the role's median there (of "
                            "the adjusted medians with --adjust).",
                        },
                        "area_median_pay_difference_percent": {"type": ["number", "null"]},
                        "category": {"type": ["string", "null"]},
                        "part_of": {
                            "type": ["string", "null"],
                            "description": "For an O*NET occupation within an OEWS "
                            "occupation (15-1211.01 in 15-1211): the OEWS occupation's title. "
                            "Its median pay, growth and entry education are that "
                            "occupation's; BLS publishes none for the part alone.",
                        },
                        "notes": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "same_code": {"type": "array", "items": {"type": "string"}},
            "sources": {"type": "array", "items": {"type": "string"}},
        },
    },
    "history_change": {
        "description": "One measure's change over the series ending in May 2025, computed "
        "by jobcompare (not published by BLS); null figures with the reason when either end "
        "is not published or is a top-coded lower bound, or the series has one year.",
        "type": "object",
        "required": [
            "from",
            "to",
            "start",
            "end",
            "difference",
            "percent",
            "per_year_percent",
            "reason",
        ],
        "additionalProperties": False,
        "properties": {
            "from": {"type": "integer"},
            "to": {"type": "integer"},
            "start": {
                "oneOf": [{"type": ["number", "null"]}, {"$ref": "#/$defs/lower_bound"}],
                "description": 'The first year\'s figure; {"at_least": N} for a top-coded one.',
            },
            "end": {
                "oneOf": [{"type": ["number", "null"]}, {"$ref": "#/$defs/lower_bound"}],
                "description": 'May 2025\'s figure; {"at_least": N} for a top-coded one.',
            },
            "difference": {"type": ["number", "null"], "description": "end - start."},
            "percent": {
                "type": ["number", "null"],
                "description": "(end - start) / start x 100, one decimal.",
            },
            "per_year_percent": {
                "type": ["number", "null"],
                "description": "The compound annual rate, percent, one "
                "decimal: (end / start) ^ (1 / years) - 1.",
            },
            "reason": {"type": ["string", "null"]},
        },
    },
    "history_year": {
        "description": "One occupation's national figures in one year's file, exactly as BLS "
        "published them; a missing one null with its reason in unpublished.",
        "type": "object",
        "required": [
            "year",
            "title",
            "annual_only",
            "hourly_only",
            "employment",
            "employment_rse",
            "annual_mean",
            "hourly_mean",
            "mean_rse",
            "annual_percentiles",
            "hourly_percentiles",
            "unpublished",
        ],
        "additionalProperties": False,
        "properties": {
            "year": {"type": "integer"},
            "title": {"type": "string", "description": "BLS's title that year."},
            "annual_only": {
                "type": ["boolean", "null"],
                "description": "BLS's ANNUAL flag that year (null: May 2025's "
                "files have none; footnote 4 says it).",
            },
            "hourly_only": {"type": ["boolean", "null"]},
            "employment": {"type": ["integer", "null"], "minimum": 0},
            "employment_rse": {"type": ["number", "null"], "minimum": 0},
            "annual_mean": {"$ref": "#/$defs/money"},
            "hourly_mean": {"$ref": "#/$defs/money"},
            "mean_rse": {"type": ["number", "null"], "minimum": 0},
            "annual_percentiles": {"$ref": "#/$defs/history_percentiles"},
            "hourly_percentiles": {"$ref": "#/$defs/history_percentiles"},
            "unpublished": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    },
    "history_percentiles": {
        "type": "object",
        "required": ["p10", "p25", "p50", "p75", "p90"],
        "additionalProperties": False,
        "properties": {p: {"$ref": "#/$defs/money"} for p in ("p10", "p25", "p50", "p75", "p90")},
    },
    "history": {
        "description": "Output of `jobcompare history ROLE... --json`: each role's national "
        "OEWS figures per year as published (May 2021-2024 national files, May 2025), in "
        "series never joined across a break (docs/history.md).",
        "type": "object",
        "required": [
            "jobcompare",
            "schema_version",
            "dollars",
            "caution",
            "change_rule",
            "years",
            "roles",
            "sources",
        ],
        "additionalProperties": False,
        "properties": {
            "jobcompare": {"type": "string"},
            "schema_version": {"const": 1},
            "dollars": {"type": "string"},
            "caution": {"type": "string"},
            "change_rule": {"type": "string"},
            "years": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["year", "release", "source", "file", "top_code", "top_code_words"],
                    "additionalProperties": False,
                    "properties": {
                        "year": {"type": "integer"},
                        "release": {"type": "string"},
                        "source": {"enum": ["oews-history", "oews"]},
                        "file": {"type": "string"},
                        "top_code": {
                            "type": "object",
                            "required": ["hourly", "annual"],
                            "additionalProperties": False,
                            "properties": {
                                "hourly": {"type": ["number", "null"]},
                                "annual": {"type": ["integer", "null"]},
                            },
                        },
                        "top_code_words": {"type": ["string", "null"]},
                    },
                },
            },
            "roles": {
                "type": "array",
                "minItems": 1,
                "maxItems": 4,
                "items": {
                    "type": "object",
                    "required": ["slug", "title", "soc", "unit", "reason", "series", "breaks"],
                    "additionalProperties": False,
                    "properties": {
                        "slug": {"type": "string"},
                        "title": {"type": "string"},
                        "soc": {"type": ["string", "null"]},
                        "unit": {
                            "enum": ["year", "hour"],
                            "description": "The pay shown and changed: a year's, or an "
                            "hour's for an occupation BLS pays by the hour only.",
                        },
                        "reason": {
                            "type": ["string", "null"],
                            "description": "Why the role has no series.",
                        },
                        "series": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["first", "last", "current", "years", "changes"],
                                "additionalProperties": False,
                                "properties": {
                                    "first": {"type": "integer"},
                                    "last": {"type": "integer"},
                                    "current": {
                                        "type": "boolean",
                                        "description": "Ends in May 2025.",
                                    },
                                    "years": {
                                        "type": "array",
                                        "items": {"$ref": "#/$defs/history_year"},
                                    },
                                    "changes": {
                                        "type": ["object", "null"],
                                        "additionalProperties": {"$ref": "#/$defs/history_change"},
                                    },
                                },
                            },
                        },
                        "breaks": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["before", "after", "reason"],
                                "additionalProperties": False,
                                "properties": {
                                    "before": {"type": "integer"},
                                    "after": {"type": "integer"},
                                    "reason": {"type": "string"},
                                },
                            },
                        },
                    },
                },
            },
            "sources": {"type": "array", "items": {"type": "string"}},
        },
    },
    "validation": {
        "description": "Output of `jobcompare validate --json`: whether the "
        "dataset can be used, and every problem found.",
        "type": "object",
        "required": [
            "jobcompare",
            "schema_version",
            "kind",
            "usable",
            "roles",
            "files",
            "errors",
            "warnings",
            "problems",
        ],
        "additionalProperties": False,
        "properties": {
            "jobcompare": {"type": "string"},
            "schema_version": {"const": 1},
            "kind": {"const": "validation"},
            "usable": {"type": "boolean", "description": "false: some problem is an error."},
            "roles": {"type": ["integer", "null"], "minimum": 0},
            "files": {"type": "array", "items": {"type": "string"}},
            "errors": {"type": "integer", "minimum": 0},
            "warnings": {"type": "integer", "minimum": 0},
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "line", "column", "role", "field", "severity", "message"],
                    "additionalProperties": False,
                    "properties": {
                        "file": {"type": "string"},
                        "line": {"type": ["integer", "null"]},
                        "column": {"type": ["integer", "null"]},
                        "role": {"type": ["string", "null"]},
                        "field": {"type": ["string", "null"]},
                        "severity": {"enum": ["error", "warning"]},
                        "message": {"type": "string"},
                    },
                },
            },
        },
    },
    "source_list": {
        "description": "Output of `jobcompare sources --json`: every source of "
        "the bundled store, a bare array.",
        "type": "array",
        "items": {
            "type": "object",
            "required": [
                "key",
                "name",
                "release",
                "year",
                "licence",
                "attribution",
                "url",
                "folder",
                "coverage",
                "files",
                "notice",
            ],
            "additionalProperties": False,
            "properties": {
                "key": {"type": "string"},
                "name": {"type": "string"},
                "release": {"type": "string"},
                "year": {"type": "string"},
                "licence": {"type": "string"},
                "attribution": {"type": "string"},
                "url": {"type": "string"},
                "folder": {"type": "string"},
                "coverage": {
                    "type": "object",
                    "required": ["occupations", "of", "areas"],
                    "additionalProperties": False,
                    "properties": {
                        "occupations": {"type": ["integer", "null"]},
                        "of": {"type": "integer"},
                        "areas": {"type": ["integer", "null"]},
                    },
                },
                "files": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["path", "sha256"],
                        "additionalProperties": False,
                        "properties": {"path": {"type": "string"}, "sha256": {"type": "string"}},
                    },
                },
                "notice": {
                    "type": ["string", "null"],
                    "description": "The licence notice the source's licence asks to be "
                    "carried with its figures (the MIT licence's copyright and permission "
                    "notice), as published; null when none.",
                },
            },
        },
    },
}
