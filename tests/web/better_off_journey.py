"""Walking the Better Off questions over HTTP, as a browser without JavaScript would."""

from __future__ import annotations

import re

import httpx

STEPS: list[tuple[str, dict[str, str]]] = [
    ("year", {"year": "2025-26"}),
    ("age", {"age": "30"}),
    ("partner", {"partner": "no"}),
    ("public-funds", {"public_funds": "no"}),
    ("children", {"children": "3, 5"}),
    ("children-disability", {"children_highest": "", "children_other": ""}),
    ("work", {"work": "employed"}),
    ("pay", {"earnings": "1000", "hours": "25"}),
    ("disability", {"disability": "no"}),
    ("work-capability", {"work_capability": "not_assessed"}),
    ("caring", {"care_hours": ""}),
    ("student", {"student": "no"}),
    ("pregnant", {"pregnant": "no"}),
    ("childcare", {"childcare": ""}),
    ("tenure", {"tenure": "OWNED_OUTRIGHT"}),
    ("others", {"others": ""}),
    ("council-tax", {"council_tax": "1234.56"}),
    ("savings", {"savings": "321.09"}),
    ("receiving", {"receiving_child_benefit": "187.63"}),
]
"""A lone parent of two (aged 3 and 5) earning £1,000 a month, owning outright: by hand (GOV.UK
2025-26) Universal Credit is 400.14 + 2 × 292.81 − 0.55 × (1,000 − 684) = £811.96 a month."""


def hidden_answers(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(a_[a-z_]+)" value="([^"]*)"', html))


def heading(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert found, html[:500]
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def answer_everything(client: httpx.Client, steps: list[tuple[str, dict[str, str]]] = STEPS) -> dict[str, str]:
    """Answer each question in turn; returns the answers the check-your-answers page carries."""
    response = client.post("/better-off/questions", data={"action": "next"})
    assert heading(response.text) == "Which tax year do you want to check?"
    answers: dict[str, str] = {}
    for slug, fields in steps:
        response = client.post(
            "/better-off/questions", data={**answers, "action": "answer", "question": slug, **fields}
        )
        assert response.status_code == 200, (slug, response.text[:2000])
        answers = hidden_answers(response.text)
    assert heading(response.text) == "Check your answers"
    return answers
