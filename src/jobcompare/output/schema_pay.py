"""The JSON Schema of ``your_pay`` (``--pay AMOUNT``), the same in the comparison's, a
profile's and an area comparison's JSON: the generated ``comparison.schema.json`` takes
these $defs, and ``areas.schema.json`` holds the same (a test keeps them equal)."""

from __future__ import annotations

from typing import Any

_KEYS = ["p10", "p25", "p50", "p75", "p90"]

#: The $defs of ``your_pay``, by name.
PAY_DEFS: dict[str, Any] = {
    "your_pay": {
        "description": "Only with --pay AMOUNT: where the amount falls among the wage "
        "percentiles BLS OEWS publishes (10th, 25th, median, 75th, 90th), never "
        "interpolated (docs/pay.md).",
        "type": "object",
        "required": ["amount", "per", "said", "places"],
        "additionalProperties": False,
        "properties": {
            "amount": {
                "type": "number",
                "exclusiveMinimum": 0,
                "description": "Dollars as given: a year's pay or an hour's (per).",
            },
            "per": {
                "enum": ["year", "hour"],
                "description": "year: placed among the annual percentiles; hour: among the "
                "hourly ones. Never converted from one to the other.",
            },
            "said": {"type": "string", "description": 'The amount in words: "$85,000 a year".'},
            "places": {
                "type": "array",
                "description": "One per role (nationally, as a comparison or profile shows "
                "it); in an area comparison one per column, with --adjust another for the "
                "price-adjusted percentiles of each area but the nation, and for roles in one "
                "area each role's national one.",
                "items": {"$ref": "#/$defs/pay_place"},
            },
        },
    },
    "pay_place": {
        "type": "object",
        "required": [
            "role",
            "who",
            "area",
            "where",
            "adjusted",
            "percentiles",
            "position",
            "lower",
            "upper",
            "upper_or_at",
            "at",
            "unplaced",
            "unpublished",
            "text",
            "source",
        ],
        "additionalProperties": False,
        "properties": {
            "role": {"type": "string", "description": "The role's slug."},
            "who": {"type": "string", "description": "How the line names it."},
            "area": {
                "type": "string",
                "pattern": "^[0-9]{7}$",
                "description": "The OEWS area code of the percentiles (0000000: national).",
            },
            "where": {"type": "string", "description": "The area's name."},
            "adjusted": {
                "type": "boolean",
                "description": "true: among the area's percentiles divided by its Regional "
                "Price Parity / 100 (BEA RPP 2024), rounded as --adjust rounds them.",
            },
            "percentiles": {
                "enum": ["annual", "hourly", None],
                "description": "Which percentiles the amount was placed among; null when "
                "there are none in its unit (position none or other_unit).",
            },
            "position": {
                "enum": ["below", "between", "at", "above", "unplaced", "none", "other_unit"],
                "description": "below: under upper, the lowest percentile it can be placed "
                "against (the 10th unless that is not published); between: over lower and "
                "under upper; at: exactly on the percentiles of 'at'; above: over lower; "
                "unplaced: every published percentile is a top code the amount is at or over; "
                "none: no percentile is published (no estimate, no price parity, a "
                "hand-written role); other_unit: BLS publishes only the other unit's "
                "percentiles (hourly for a yearly amount, or yearly for an hourly one).",
            },
            "lower": {"$ref": "#/$defs/pay_bound"},
            "upper": {"$ref": "#/$defs/pay_bound"},
            "upper_or_at": {
                "type": "boolean",
                "description": "upper is a top code equal to the amount: the amount is at "
                "or below it.",
            },
            "at": {"type": "array", "items": {"$ref": "#/$defs/pay_percentile"}},
            "unplaced": {
                "type": "array",
                "description": 'Top-coded percentiles ({"at_least": N}) the amount may be '
                "below or above: it is at or over their lower bound.",
                "items": {"$ref": "#/$defs/pay_percentile"},
            },
            "unpublished": {
                "type": "object",
                "description": "Each percentile of the unit compared with that is not "
                "published -> why (BLS's footnote, BEA's reason for a missing parity).",
                "propertyNames": {"enum": _KEYS},
                "additionalProperties": {"type": "string"},
            },
            "text": {"type": "string", "description": "The statement, figures included."},
            "source": {
                "type": "string",
                "description": 'Where the percentiles come from ("BLS OEWS May 2025, '
                'national"); empty for a hand-written role.',
            },
        },
    },
    "pay_bound": {
        "oneOf": [{"type": "null"}, {"$ref": "#/$defs/pay_percentile"}],
    },
    "pay_percentile": {
        "type": "object",
        "required": ["percentile", "value"],
        "additionalProperties": False,
        "properties": {
            "percentile": {"enum": _KEYS},
            "value": {
                "description": 'As published (or adjusted): a number, or {"at_least": N} for '
                "a top-coded lower bound.",
                "oneOf": [
                    {"type": "number", "exclusiveMinimum": 0},
                    {
                        "type": "object",
                        "required": ["at_least"],
                        "additionalProperties": False,
                        "properties": {"at_least": {"type": "number", "exclusiveMinimum": 0}},
                    },
                ],
            },
        },
    },
}

#: The property that holds it, where a document may have it.
YOUR_PAY: dict[str, Any] = {
    "description": "Present only with --pay AMOUNT (docs/pay.md).",
    "$ref": "#/$defs/your_pay",
}
