"""Whether the Thriving People Index may be published as scores, ranks and a ward map: the one rule.

While most of its indicators are synthetic demonstration values, a ward's score, rank or "strength"
badge would read as real and quotable, and it is not. So until real data are the majority, the public
pages and the Progress Report show how the index is made and which of its indicators are real (today
the Indices of Deprivation domains, published in full on the deprivation page); the scores, ranks,
badges and map stay in the officers' workspace, marked experimental.
"""

from __future__ import annotations

from typing import Any


def experimental(results: dict[str, Any]) -> bool:
    """True while half or more of the run's indicators are synthetic."""
    return 2 * len(results["synthetic_indicators"]) >= len(results["names"]["indicators"])
