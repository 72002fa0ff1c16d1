"""Finding 6 of the hardening review: a source typed as a formula reaches no download as a live formula."""

from __future__ import annotations

import csv
import io

import httpx
from openpyxl import load_workbook

from tests.web.conftest import Tokens, bearer
from tests.web.helpers import LUTON
from thrive.data.safe_cells import neutralise, restore

WAGES = "/api/measures/weekly-wages/observations"
FORMULA = '=HYPERLINK("http://example.invalid/","Click for the data")'


def _publish(client: httpx.Client, tokens: Tokens, row: dict[str, object]) -> None:
    entered = client.post(WAGES, json=[row], headers=bearer(tokens.editor))
    assert entered.status_code == 201, entered.text
    ids = entered.json()["revision_ids"]
    for step, token in (("submit", tokens.editor), ("publish", tokens.admin)):
        moved = client.post("/api/observations/review", json={"revision_ids": ids, "step": step}, headers=bearer(token))
        assert moved.status_code == 200, moved.text
        ids = moved.json()["revision_ids"]


def test_finding_6_a_formula_source_is_text_in_the_csv_and_the_xlsx(client: httpx.Client, tokens: Tokens) -> None:
    _publish(client, tokens, {"area": LUTON, "period": "2024", "value": 640.2, "source": FORMULA, "note": "@SUM(A1)"})
    rows = list(csv.DictReader(io.StringIO(client.get("/downloads/observations.csv").text)))
    mine = next(r for r in rows if r["measure"] == "weekly-wages" and r["period"] == "2024")
    assert (mine["source"], mine["note"]) == ("'" + FORMULA, "'@SUM(A1)")
    assert mine["value"] == "640.2"

    book = load_workbook(io.BytesIO(client.get("/downloads/observations.xlsx").content))
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    for line in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, line, strict=True))
        if cells["measure"].value == "weekly-wages" and cells["period"].value == "2024":
            assert cells["source"].data_type == "s"
            assert cells["source"].value == "'" + FORMULA
            break
    else:
        raise AssertionError("the published figure is not in the XLSX")


def test_finding_6_numbers_and_plain_text_are_left_alone() -> None:
    assert [neutralise(v) for v in ["-5", "+1.5e3", "Office for National Statistics", 12.5, -3]] == [
        "-5",
        "+1.5e3",
        "Office for National Statistics",
        12.5,
        -3,
    ]
    for text in ["=1+1", "+44 1582", "-minus", "@home", "\tTab", "\rReturn"]:
        assert neutralise(text) == "'" + text
        assert restore(str(neutralise(text))) == text
    assert restore("'quoted text") == "'quoted text"
