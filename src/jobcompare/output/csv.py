"""The CSV writer: a view's records, one line each. A missing value is an empty cell, a
number is written as the source wrote it, a flag is ``true`` or ``false``, and text has
its control characters removed and never starts as a formula a spreadsheet would run."""

from __future__ import annotations

import csv
import io

from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.text import safe

#: A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(records: Records, options: Options) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(records.header)
    for row in records.rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()
