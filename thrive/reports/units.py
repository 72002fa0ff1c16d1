"""How each unit is named in a chart's axis, a spreadsheet header and an Excel number format.

All of it comes from the one unit registry (thrive.framework.units); this module only names
what the reports use.
"""

from __future__ import annotations

from thrive.framework.units import UNITS, number_format, unit_name

UNIT_NAMES = {code: unit.label for code, unit in UNITS.items()}


def axis_label(unit: str) -> str:
    return unit_name(unit)


__all__ = ["UNIT_NAMES", "axis_label", "number_format", "unit_name"]
