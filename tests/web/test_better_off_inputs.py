"""Random and hostile values posted to every Better Off question, to the results and to the JSON API:
each is answered with a page or a GOV.UK error message naming the question (or a 422), never a 500,
and no results page shows "nan"."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import running_app, serve
from thrive.web.better_off_questions import FIELDS, QUESTIONS, Field

HOSTILE = [
    "NaN", "nan", "-nan", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e308", "-5", "-0", "0.5", "2.999999",
    "999999999999", "١٢", "²", "½", "  ", "", "£", "£-1", "1,2,3", "3,,7", "0x10", "1_000", "<script>alert(1)</script>",
    "'; DROP TABLE users; --", "\u0000", "\u202e12", "a" * 500, "30" * 100, "3, " * 40, "7.5", "12e", "None", "null",
]  # fmt: skip
CHOICE_VALUES = sorted({value for f in FIELDS for value, _ in f.choices})
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def base_url(database_url: str) -> Iterator[str]:
    with running_app(database_url) as app, serve(app) as base:
        yield base


def _value(field: Field) -> st.SearchStrategy[str]:
    sensible = (
        st.sampled_from([v for v, _ in field.choices])
        if field.choices
        else st.sampled_from(["0", "30", "400.50", "3, 7"])
    )
    return st.one_of(sensible, st.sampled_from(HOSTILE), st.sampled_from(CHOICE_VALUES), st.text(max_size=30))


def _answers() -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({f.name: _value(f) for f in FIELDS})


def _visible(html: str) -> str:
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@SETTINGS
@given(question=st.sampled_from(QUESTIONS), answers=_answers(), data=st.data())
def test_every_question_answers_hostile_values_with_a_page_never_a_500(
    base_url: str, question: Any, answers: dict[str, str], data: st.DataObject
) -> None:
    posted = {f.name: data.draw(_value(f)) for f in question.fields}
    hidden = {f"a_{k}": v for k, v in answers.items() if data.draw(st.booleans())}
    with httpx.Client(base_url=base_url, timeout=120) as client:
        response = client.post(
            "/better-off/questions", data={**hidden, "action": "answer", "question": question.slug, **posted}
        )
    assert response.status_code in {200, 400}, response.text[:500]
    if response.status_code == 400:
        assert "govuk-error-summary" in response.text and "govuk-error-message" in response.text


@SETTINGS
@given(answers=_answers())
def test_results_from_any_answers_are_a_page_or_the_check_page_never_a_500(
    base_url: str, answers: dict[str, str]
) -> None:
    with httpx.Client(base_url=base_url, timeout=120) as client:
        response = client.post("/better-off/results", data={f"a_{k}": v for k, v in answers.items()})
    assert response.status_code in {200, 400}, response.text[:500]
    if response.status_code == 200:
        assert not re.search(r"\bnan\b", _visible(response.text), re.I)


NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**12), 10**12), st.sampled_from(HOSTILE), st.none()
)


@SETTINGS
@given(
    body=st.fixed_dictionaries(
        {
            "tax_year": st.one_of(
                st.sampled_from(["2025-26", "2026-27", "2019-20", "2025-27", "soon"]), st.text(max_size=12)
            ),
            "adults": st.lists(
                st.fixed_dictionaries(
                    {
                        "age": NUMBER,
                        "earnings_per_month": NUMBER,
                        "hours_per_week": NUMBER,
                        "care_hours_per_week": NUMBER,
                    }
                ),
                max_size=3,
            ),
            "tenure": st.sampled_from(["RENT_PRIVATELY", "OWNED_OUTRIGHT", "castle"]),
            "rent_per_month": NUMBER,
            "savings": NUMBER,
        }
    )
)
def test_the_api_answers_any_body_with_strict_json_never_a_500(base_url: str, body: dict[str, Any]) -> None:
    with httpx.Client(base_url=base_url, timeout=120) as client:
        response = client.post(
            "/api/better-off/check", content=_strict_or_not(body), headers={"content-type": "application/json"}
        )
    assert response.status_code in {200, 422}, response.text[:500]
    assert "NaN" not in response.text and "Infinity" not in response.text
    response.json()


def _strict_or_not(body: dict[str, Any]) -> str:
    """The body as JSON, with the NaN and Infinity that Python writes (and strict JSON forbids) left in."""
    return json.dumps(body)
