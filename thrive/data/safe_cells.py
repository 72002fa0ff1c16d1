"""Text cells that a spreadsheet cannot run: OWASP's guidance on CSV (formula) injection.

A cell beginning with =, +, -, @, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula, so a source typed as `=HYPERLINK(...)` would reach a reader's
spreadsheet as a live link. Such text is written with a leading apostrophe, which the
spreadsheet shows as text; a genuine number ("-5") is left alone. Thrive's own importer
takes the apostrophe off again, so export then import changes nothing.
"""

from __future__ import annotations

import re
from typing import TypeVar

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
T = TypeVar("T")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def neutralise(value: T) -> T | str:
    """The value as a spreadsheet should see it: text that would run as a formula is escaped."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return ESCAPE + value
    return value


def restore(text: str) -> str:
    """The text as it was before `neutralise`: what an exported file's cell meant."""
    if text.startswith(ESCAPE) and text[1:].startswith(TRIGGERS) and not _NUMBER.fullmatch(text[1:]):
        return text[1:]
    return text


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text column of a table made safe to open in a spreadsheet; number columns are untouched.

    The few cells that start with a trigger are found column by column, and only they are passed to
    `neutralise`: a million-row download is not a million calls per column."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values):
            starts = values.astype("string").str.startswith(TRIGGERS)
            may_run = starts.fillna(False).to_numpy(dtype=bool)
            if may_run.any():
                safe[column] = values.where(~may_run, values[may_run].map(neutralise))
    return safe
