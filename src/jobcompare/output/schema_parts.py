"""The parts of the JSON Schema that no figure decides (schema.py generates the rest): the
documents' heads, the comparison's summary and differences, a role's identity and notes,
and the shapes the figures' kinds and the other documents share."""

from __future__ import annotations

from typing import Any

#: What the document is.
HEAD: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jobcompare.invalid/schema/comparison.schema.json",
    "title": "jobcompare comparison",
    "description": "Output of `jobcompare ROLE ROLE --json`. Numbers are numbers, missing "
    'values are null, and a lower bound (a top-coded wage) is {"at_least": N}. '
    "$defs/role is also the shape of `jobcompare show ROLE --json`, and "
    "$defs/role_list that of `jobcompare list --json`.",
    "type": "object",
    "required": [
        "jobcompare",
        "schema_version",
        "sections",
        "roles",
        "summary",
        "differences",
        "within_margin",
        "key_differences",
    ],
    "additionalProperties": False,
}

#: The comparison's top level.
PROPERTIES: dict[str, Any] = {
    "jobcompare": {"type": "string", "description": "Version of jobcompare that wrote this."},
    "schema_version": {"const": 1},
    "sections": {
        "type": "array",
        "items": {"$ref": "#/$defs/section_name"},
        "uniqueItems": True,
        "minItems": 1,
    },
    "roles": {"type": "array", "items": {"$ref": "#/$defs/role"}, "minItems": 2, "maxItems": 4},
    "summary": {
        "type": "object",
        "required": ["sentences", "pay", "top_skills", "shared_skills"],
        "additionalProperties": False,
        "properties": {
            "sentences": {"type": "array", "items": {"type": "string"}},
            "pay": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": [
                            "highest",
                            "lowest",
                            "equal",
                            "difference",
                            "difference_percent",
                            "per",
                            "measure",
                        ],
                        "additionalProperties": False,
                        "properties": {
                            "highest": {
                                "type": ["string", "null"],
                                "description": "Slug of the best-paid role (the first given when "
                                "several are); null when all are paid the same.",
                            },
                            "lowest": {
                                "type": ["string", "null"],
                                "description": "Slug of the lowest-paid role; null when all are "
                                "paid the same.",
                            },
                            "equal": {
                                "type": "boolean",
                                "description": "Every role has the same figure (difference 0).",
                            },
                            "difference": {
                                "type": "number",
                                "minimum": 0,
                                "description": "Dollars, per 'per'.",
                            },
                            "difference_percent": {
                                "type": ["number", "null"],
                                "description": "Of the lowest figure; null when it is 0.",
                            },
                            "per": {
                                "enum": ["year", "hour"],
                                "description": "year: yearly pay; hour: hourly pay, when some "
                                "role has no yearly figure.",
                            },
                            "measure": {
                                "enum": ["median", "average"],
                                "description": "median when every role has one, else average.",
                            },
                        },
                    },
                ]
            },
            "top_skills": {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "string"},
                    "maxItems": 3,
                },
            },
            "shared_skills": {"type": "array", "items": {"type": "string"}},
        },
    },
    "differences": {
        "description": "Second role minus first, per section and field; null "
        "unless exactly two roles are compared.",
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "propertyNames": {"$ref": "#/$defs/section_name"},
                "additionalProperties": {"$ref": "#/$defs/delta_tree"},
            },
        ],
    },
    "within_margin": {
        "description": "How sure: for each figure BLS publishes a relative standard error "
        "for (the mean wages), per section and field, each role after the first (by slug) -> "
        "whether its figure is within the survey's margin of the first role's: "
        "|a - b| <= 1.645 * sqrt(se_a^2 + se_b^2), se = PRSE / 100 * figure, not significant "
        "at 90%. null when unknown: a figure or its error not published, or a top-coded "
        "(at least) figure. Sections without such a figure are left out.",
        "type": "object",
        "propertyNames": {"$ref": "#/$defs/section_name"},
        "additionalProperties": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": {"type": ["boolean", "null"]},
            },
        },
    },
    "key_differences": {
        "description": "The lines that open a comparison of official occupations (every role "
        "with a SOC code), each only when its figures exist and its section is compared; "
        "empty otherwise (README: Key differences).",
        "type": "array",
        "maxItems": 8,
        "items": {"$ref": "#/$defs/key_difference"},
    },
    "skill_gap": {
        "description": "Present when exactly two roles are compared with the skills "
        "section and either role is an official occupation: the "
        "O*NET skill gap from the first role to the second "
        "(docs/moves.md).",
        "$ref": "#/$defs/skill_gap",
    },
}

#: A bound figure of the key differences: a number, a text, {"at_least": N}, or null.
_KEY_VALUE: dict[str, Any] = {
    "oneOf": [
        {"type": ["number", "string", "null"]},
        {
            "type": "object",
            "required": ["at_least"],
            "additionalProperties": False,
            "properties": {"at_least": {"type": "number"}},
        },
    ]
}

#: One line of the key differences.
KEY_DIFFERENCE: dict[str, Any] = {
    "type": "object",
    "required": ["topic", "label", "text", "section", "sources", "figures", "difference"],
    "additionalProperties": False,
    "properties": {
        "topic": {
            "enum": ["pay", "outlook", "entry", "skill_gap", "other", "ai_exposure"],
            "description": "pay: the median; outlook: projected change and openings; entry: "
            "typical entry education and job zone; skill_gap: the gap's size; other: the "
            "share that differs most; ai_exposure: the published AI exposure measures, only "
            "where the roles differ markedly (docs/ai-exposure.md).",
        },
        "label": {"type": "string", "description": "The heading the line starts with."},
        "text": {"type": "string", "description": "The line, its figures in words."},
        "section": {"$ref": "#/$defs/section_name"},
        "sources": {"type": "array", "items": {"type": "string"}},
        "figures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "label", "role", "value", "unit", "reason"],
                "additionalProperties": False,
                "properties": {
                    "key": {
                        "type": "string",
                        "description": "The figure's path in this document "
                        "(salary.percentiles.p50; overview.job_zone is the zone's number; "
                        "skill_gap.gap).",
                    },
                    "label": {"type": "string"},
                    "role": {
                        "type": ["string", "null"],
                        "description": "The role's slug; null for a figure of no one role.",
                    },
                    "value": _KEY_VALUE,
                    "unit": {"type": "string"},
                    "reason": {
                        "type": ["string", "null"],
                        "description": "Why the source publishes no value, when it says.",
                    },
                },
            },
        },
        "difference": {
            "description": "Highest minus lowest, as the text states it (two roles); null "
            "when none is stated.",
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["value", "unit", "percent"],
                    "additionalProperties": False,
                    "properties": {
                        "value": _KEY_VALUE,
                        "unit": {"type": "string"},
                        "percent": _KEY_VALUE,
                    },
                },
            ],
        },
    },
}

#: A role's identity and notes (its sections' figures are generated).
ROLE: dict[str, Any] = {
    "type": "object",
    "required": [
        "slug",
        "title",
        "soc",
        "category",
        "source",
        "unpublished",
        "onet_occupations",
        "sources",
        "notes",
    ],
    "additionalProperties": False,
    "properties": {
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "title": {"type": "string"},
        "soc": {"type": ["string", "null"], "pattern": "^\\d{2}-\\d{4}$"},
        "category": {"$ref": "#/$defs/text"},
        "nearest_occupation": {
            "description": "Only in `jobcompare show ROLE --json` of a hand-written role without "
            "a SOC code: the official occupation its title resolves to (docs/titles.md) and how.",
            "type": "object",
            "required": ["slug", "title", "soc", "how"],
            "additionalProperties": False,
            "properties": {
                "slug": {"type": "string"},
                "title": {"type": "string"},
                "soc": {"type": "string"},
                "how": {"type": "string"},
            },
        },
        "source": {"$ref": "#/$defs/text"},
        "onet_occupations": {
            "description": "The O*NET occupations under the role's SOC code other than its "
            "own `.00`: the more specific ones O*NET describes within it, or those an OEWS "
            "aggregate combines. Their figures are theirs, never shown as the role's "
            "(docs/mapping.md); empty for a role without any.",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "title"],
                "additionalProperties": False,
                "properties": {
                    "code": {"type": "string", "pattern": "^\\d{2}-\\d{4}\\.\\d{2}$"},
                    "title": {"type": "string"},
                },
            },
        },
        "unpublished": {
            "type": "object",
            "description": "Path of a null figure in this role object (section.key, "
            "as in this document; skills.skills[2].level for one item of a list) -> why "
            "the source did not publish it. Every figure a source of this role leaves out "
            "has its reason here; a null without one is a figure this kind of role does not "
            "have at all (a hand-written comparison page's own figures, such as growth_rate "
            "or job_satisfaction, for an official occupation; BLS's and O*NET's for a "
            "hand-written role).",
            "additionalProperties": {"type": "string"},
        },
        "sources": {
            "type": "object",
            "description": "Official roles: JSON key of a figure "
            "(section.key) -> the source, its release and "
            "year (empty for a hand-written role).",
            "additionalProperties": {
                "type": "object",
                "required": ["source", "release", "year"],
                "additionalProperties": False,
                "properties": {
                    "source": {"type": "string"},
                    "release": {"type": "string"},
                    "year": {"type": "string"},
                },
            },
        },
        "notes": {
            "type": "object",
            "description": "What the notes under each section say of this "
            "role, as the tables print them: what a figure "
            "measures and its source's caveats (a CPS row "
            "covering several occupations, an EP education "
            "row not an exact match with the ACS). Keyed by "
            "section; empty when no note speaks of the role.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

#: ``jobcompare table --format json`` (its sections' objects are generated).
TABLE: dict[str, Any] = {
    "description": "jobcompare table --format json: one object per role; each section object "
    "holds the figures asked for, keyed and valued as in a role's section, but that a column "
    "of one concept (overview.growth_rate or overview.projected_change, "
    "demographics.gender_ratio.female or demographics.women: named by the key it was asked "
    "for) holds the figure of that concept whichever kind of role has it, its source in "
    "sources.",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["slug", "title", "soc", "kind", "not_published"],
        "additionalProperties": False,
        "properties": {
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "soc": {"type": ["string", "null"]},
            "not_published": {
                "type": "object",
                "description": "Column name -> why the source did not publish the row's "
                "figure, in its words (only figures a source says it left out).",
                "additionalProperties": {"type": "string"},
            },
            "kind": {
                "enum": ["official", "total", "hand-written"],
                "description": "An official occupation, BLS's total of all occupations "
                "(00-0000), or a hand-written role.",
            },
            "sources": {
                "type": "object",
                "description": "For each column of one concept asked for: where the row's "
                "figure comes from (an official occupation's publisher, a hand-written "
                "role's own source); null without a figure.",
                "additionalProperties": {"type": ["string", "null"]},
            },
        },
    },
}

#: The shapes of the figures' kinds, and of the differences.
DEFS: dict[str, Any] = {
    "key_difference": KEY_DIFFERENCE,
    "delta_tree": {
        "type": "object",
        "additionalProperties": {
            "oneOf": [{"$ref": "#/$defs/delta"}, {"$ref": "#/$defs/delta_tree"}]
        },
    },
    "delta": {
        "type": "object",
        "required": ["value", "unit", "percent"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "number"},
            "unit": {"enum": ["dollars", "points", "count", "number"]},
            "percent": {"type": ["number", "null"]},
        },
    },
    "text": {"type": ["string", "null"]},
    "number": {"type": ["number", "null"]},
    "share": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
    "lower_bound": {
        "type": "object",
        "description": "A top-coded figure: BLS publishes only that it is at least N.",
        "required": ["at_least"],
        "additionalProperties": False,
        "properties": {"at_least": {"type": "number", "minimum": 0}},
    },
    "money": {
        "oneOf": [
            {"type": "null"},
            {"type": "number", "minimum": 0},
            {
                "type": "object",
                "required": ["at_least"],
                "additionalProperties": False,
                "properties": {"at_least": {"type": "number", "minimum": 0}},
            },
        ]
    },
    "degree": {
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["name", "share"],
                "additionalProperties": False,
                "properties": {"name": {"type": "string"}, "share": {"$ref": "#/$defs/share"}},
            },
        ]
    },
    "exposure": {
        "description": "A published AI exposure score with its rank among the occupations "
        "its measure rates (docs/ai-exposure.md); null when the measure has no score of the "
        "occupation's own (the reason is in unpublished).",
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["score", "lower", "rated", "higher_than_percent"],
                "additionalProperties": False,
                "properties": {
                    "score": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 1,
                        "description": "As the authors publish it, every digit.",
                    },
                    "lower": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "How many of the rated occupations score strictly "
                        "lower (scores equal to 12 decimals tie).",
                    },
                    "rated": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "How many occupations the measure's published file rates.",
                    },
                    "higher_than_percent": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 100,
                        "description": "lower / rated in percent, rounded down.",
                    },
                },
            },
        ],
    },
    "place": {
        "description": "Where BLS's average annual wage for an occupation is highest "
        "(official roles only; present only when some compared role has "
        "one).",
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["name", "kind", "average_salary"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string"},
                    "kind": {
                        "enum": ["metro", "state", "district", "territory", "industry"],
                        "description": "district: the District of Columbia, which BLS lists among "
                        "states but is not one; territory: a U.S. territory.",
                    },
                    "average_salary": {"$ref": "#/$defs/money"},
                },
            },
        ],
    },
    "range": {
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["min", "max"],
                "additionalProperties": False,
                "properties": {"min": {"$ref": "#/$defs/money"}, "max": {"$ref": "#/$defs/money"}},
            },
        ]
    },
    "duration": {
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["min_months", "max_months"],
                "additionalProperties": False,
                "properties": {
                    "min_months": {"type": "integer", "minimum": 0},
                    "max_months": {"type": "integer", "minimum": 0},
                },
            },
        ]
    },
    "skills": {
        "type": ["array", "null"],
        "items": {
            "type": "object",
            "required": ["name", "share", "shared"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string"},
                "importance": {
                    "$ref": "#/$defs/number",
                    "description": "O*NET importance, scale 1-5 (official roles).",
                },
                "level": {
                    "$ref": "#/$defs/number",
                    "description": "O*NET level, scale 0-7 (official roles).",
                },
                "share": {"$ref": "#/$defs/share"},
                "shared": {
                    "type": "boolean",
                    "description": "Every compared role lists this skill.",
                },
            },
        },
    },
    "technology": {
        "type": ["array", "null"],
        "description": "O*NET's technology skill examples, with its hot-technology "
        "and in-demand flags.",
        "items": {
            "type": "object",
            "required": ["name", "hot", "in_demand"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string"},
                "hot": {"type": "boolean"},
                "in_demand": {"type": "boolean"},
            },
        },
    },
    "reasons": {
        "type": ["array", "null"],
        "description": "BLS's reasons for the change it projects (Employment Projections "
        "2024-34, table 1.12), in BLS's order, 'Total, all industries' first: for each "
        "industry, BLS's sentence exactly as published, the factors its prefix names and the "
        "direction of the occupation's share of the industry's employment (empty and null "
        "when the prefix does not name them). An empty list: BLS gives none for the "
        "occupation; null: a hand-written role, or a store without the table.",
        "items": {
            "type": "object",
            "required": [
                "industry",
                "industry_code",
                "factors",
                "direction",
                "text",
                "mentions_ai",
            ],
            "additionalProperties": False,
            "properties": {
                "industry": {"type": "string"},
                "industry_code": {"type": "string"},
                "factors": {"type": "array", "items": {"type": "string"}},
                "direction": {"enum": ["increases", "decreases", None]},
                "text": {"type": "string"},
                "mentions_ai": {
                    "type": "boolean",
                    "description": "The sentence speaks of AI (the word 'AI', or "
                    "'artificial intelligence'): BLS's own words on AI, shown beside the AI "
                    "exposure measures.",
                },
            },
        },
    },
}
