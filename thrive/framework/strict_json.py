"""JSON that every reader accepts: a missing figure is null, never the bare NaN that Python writes by default.

`thrive ... --json` shapes are a public contract, and JavaScript's `JSON.parse` rejects `NaN`
and `Infinity`; so missing numbers become None before writing, and writing is strict
(`allow_nan=False`), so that anything missed fails loudly rather than reaching a reader.
"""

from __future__ import annotations

import json
import math
from typing import Any


def missing_as_none(data: Any) -> Any:
    """A copy with every NaN or infinite float (pandas' "missing") replaced by None."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: missing_as_none(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [missing_as_none(value) for value in data]
    return data


def strict_dumps(data: Any, **options: Any) -> str:
    """`json.dumps` with missing numbers as null and NaN refused."""
    return json.dumps(missing_as_none(data), allow_nan=False, **options)
