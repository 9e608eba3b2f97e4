"""The JSON writer: a view's data as strict JSON, indented.

``ensure_ascii``: control characters and odd code points leave as ``\\u`` escapes, so the
JSON is safe to print to a terminal whatever the data holds. ``allow_nan=False``: JSON is
always strict; a non-finite figure is a bug, never output.
"""

from __future__ import annotations

import json
from typing import Any

from jobcompare.output.options import Options


def dumps(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=True, allow_nan=False) + "\n"


def render(data: Any, options: Options) -> str:
    return dumps(data)
