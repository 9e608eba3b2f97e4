"""What every JSON document of a view shares: its version (the schema pins it) and the
type of a JSON value."""

from typing import Any

#: The version of the JSON documents' shape; the schema pins it.
SCHEMA_VERSION = 1
JSONValue = Any
