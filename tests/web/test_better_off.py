"""Better Off Luton over a real HTTP server: the resident journey and adviser mode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import Engine

from tests.store.dump import dump
from tests.web.better_off_journey import STEPS, answer_everything, heading, hidden_answers
from tests.web.conftest import running_app, serve
from tests.web.helpers import sign_in
from thrive.framework.access import Role
from thrive.store.database import read_connection, write_transaction
from thrive.store.observations import current_observations
from thrive.store.users import add_user

PASSWORD = "correct horse battery staple"


@dataclass
class Site:
    base: str

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, follow_redirects=False, timeout=120)


@pytest.fixture
def site(database_url: str, engine: Engine) -> Iterator[Site]:
    with write_transaction(engine) as connection:
        add_user(connection, "adviser@luton.gov.uk", PASSWORD, Role.ADVISER)
        add_user(connection, "economy@luton.gov.uk", PASSWORD, Role.EDITOR, "inclusive-economy-board")
        add_user(connection, "second-adviser@luton.gov.uk", PASSWORD, Role.ADVISER)
        add_user(connection, "admin@luton.gov.uk", PASSWORD, Role.ADMIN)
    with running_app(database_url) as app, serve(app) as base:
        yield Site(base)


def _sign_in(client: httpx.Client, email: str) -> None:
    sign_in(client, email, PASSWORD)


def test_a_resident_answers_one_question_per_page_and_sees_what_they_could_get(site: Site) -> None:
    with site.client() as client:
        assert "Start now" in client.get("/better-off").text
        answers = answer_everything(client)
        results = client.post("/better-off/results", data=answers)
    assert results.status_code == 200
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", results.text))
    # By hand (GOV.UK 2025-26): Universal Credit £811.96 a month, none of it claimed; Child Benefit
    # (26.05 + 17.25) × 52 / 12 = £187.63 a month, all of it claimed.
    assert "Universal Credit £811.96 £0 £811.96" in text
    assert "Child Benefit £187.63 £187.63 £0" in text
    assert "How to claim Universal Credit" in text
    assert "What to do next" in text
    assert "2025-26 tax year" in text
    assert "Would you be better off in work?" in text


def test_a_bad_answer_is_named_and_the_question_asked_again(site: Site) -> None:
    with site.client() as client:
        response = client.post(
            "/better-off/questions", data={"a_year": "2025-26", "action": "answer", "question": "age", "age": "thirty"}
        )
    assert response.status_code == 400
    assert heading(response.text) == "How old are you?"
    assert "There is a problem" in response.text
    assert 'href="#age"' in response.text
    assert "Enter your age as a number, like 30. &#39;thirty&#39; is not a number" in response.text


def test_change_on_check_your_answers_goes_back_to_that_question_with_the_answer_kept(site: Site) -> None:
    with site.client() as client:
        answers = answer_everything(client)
        response = client.post("/better-off/questions", data={**answers, "action": "change", "question": "age"})
    assert heading(response.text) == "How old are you?"
    assert 'value="30"' in response.text


def test_the_printable_summary_has_the_results_without_the_site_navigation(site: Site) -> None:
    with site.client() as client:
        answers = answer_everything(client)
        response = client.post("/better-off/summary", data=answers)
    assert response.status_code == 200
    assert "£811.96" in response.text
    assert "Menu" not in response.text and "<form" not in response.text


def test_an_adviser_saves_a_case_and_its_outcome_changes_the_road_map_figure(site: Site, engine: Engine) -> None:
    with site.client() as client:
        _sign_in(client, "adviser@luton.gov.uk")
        answers = answer_everything(client)
        results = client.post("/better-off/results", data=answers)
        assert "Save this case" in results.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', results.text)
        assert csrf
        saved = client.post("/workspace/better-off/cases", data={**answers, "csrf": csrf.group(1)})
        assert saved.status_code == 303
        case_url = saved.headers["location"]
        case_page = client.get(case_url)
        assert "Record an outcome" in case_page.text
        bad = client.post(
            case_url + "/outcomes",
            data={
                "csrf": csrf.group(1),
                "benefit": "universal_credit",
                "claimed": "yes",
                "award": "lots",
                "award_period": "month",
                "decided_on": "2025-07-01",
            },
        )
        assert bad.status_code == 400 and "&#39;lots&#39; is not one" in bad.text
        recorded = client.post(
            case_url + "/outcomes",
            data={
                "csrf": csrf.group(1),
                "benefit": "universal_credit",
                "claimed": "yes",
                "award": "811.96",
                "award_period": "month",
                "decided_on": "2025-07-01",
            },
        )
        assert recorded.status_code == 303
        listing = client.get("/workspace/better-off")
    assert listing.status_code == 200
    with read_connection(engine) as connection:
        current = current_observations(connection, ["benefit-calculator-income"])
    row = current[current["period_label"] == "2025"].iloc[0]
    assert row["value"] == pytest.approx(811.96 * 12)
    assert row["status"] == "draft"


def test_an_officer_who_is_not_an_adviser_cannot_save_a_case(site: Site) -> None:
    with site.client() as client:
        _sign_in(client, "economy@luton.gov.uk")
        answers = answer_everything(client)
        results = client.post("/better-off/results", data=answers)
        assert "Save this case" not in results.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/workspace").text)
        assert csrf
        refused = client.post("/workspace/better-off/cases", data={**answers, "csrf": csrf.group(1)})
    assert refused.status_code == 403


def test_an_adviser_sees_the_better_off_workspace_but_no_unpublished_road_map_figures(site: Site) -> None:
    with site.client() as client:
        _sign_in(client, "adviser@luton.gov.uk")
        dashboard = client.get("/workspace")
        assert dashboard.status_code == 303 and dashboard.headers["location"] == "/workspace/better-off"
        drafts = client.get("/workspace/measures/destitution")
        assert drafts.status_code == 403 and "Better Off workspace" in drafts.text
        assert client.get("/workspace/better-off").status_code == 200


def test_nan_infinity_and_negative_answers_are_refused_naming_the_question(site: Site) -> None:
    with site.client() as client:
        for question, field, value, message in [
            ("age", "age", "NaN", "Enter your age as a number, like 30. &#39;NaN&#39; is not a number"),
            ("pay", "hours", "inf", "Enter hours a week as a number, like 30. &#39;inf&#39; is not a number"),
            ("rent", "rent", "-5", "Enter rent a month as a number from 0 to 1,000,000"),
            ("savings", "savings", "nan", "Enter savings as a number, like 400.50. &#39;nan&#39; is not a number"),
        ]:
            response = client.post(
                "/better-off/questions",
                data={"a_year": "2025-26", "action": "answer", "question": question, field: value},
            )
            assert response.status_code == 400, question
            assert "There is a problem" in response.text and message in response.text, question


def test_a_single_person_is_never_asked_about_a_partner_or_pensions_before_pension_age(site: Site) -> None:
    headings = []
    with site.client() as client:
        answers: dict[str, str] = {}
        response = client.post("/better-off/questions", data={"action": "next"})
        for slug, fields in STEPS:
            headings.append(heading(response.text))
            response = client.post(
                "/better-off/questions", data={**answers, "action": "answer", "question": slug, **fields}
            )
            answers = hidden_answers(response.text)
    after = headings[headings.index("Do you live with a partner?") + 1 :]
    assert not [h for h in after if "partner" in h.lower() or "pension" in h.lower()]
    assert "How many bedrooms does your home have?" not in headings  # owner-occupier


def test_the_api_works_out_a_couple_with_a_pension_each_as_strict_json(site: Site) -> None:
    # Pensions of £650 and £600 a month, each under the personal allowance: Pension Credit
    # 346.60 × 52 − 15,000 = £3,023.20 a year (GOV.UK 2025-26).
    body = {
        "tax_year": "2025-26",
        "adults": [{"age": 72, "pension_per_month": 650}, {"age": 70, "pension_per_month": 600}],
        "tenure": "OWNED_OUTRIGHT",
        "council_tax_per_year": 1500,
    }
    with site.client() as client:
        response = client.post("/api/better-off/check", json=body)
        refused = client.post("/api/better-off/check", json={**body, "tax_year": "2019-20"})
    assert response.status_code == 200
    amounts = {e["benefit"]: e["per_year"] for e in response.json()["entitlements"]}
    assert amounts["pension_credit"] == 3023.2
    assert amounts["council_tax_reduction"] == 1500
    assert response.json()["council_tax_reduction_note"] is None
    assert refused.status_code == 422 and "2023-24 to 2026-27" in refused.text


def test_no_recourse_to_public_funds_skips_the_rest_and_says_who_can_help(site: Site) -> None:
    steps = [
        ("year", {"year": "2025-26"}),
        ("age", {"age": "30"}),
        ("partner", {"partner": "no"}),
        ("public-funds", {"public_funds": "yes"}),
    ]
    with site.client() as client:
        answers = answer_everything(client, steps)
        results = client.post("/better-off/results", data=answers)
    assert results.status_code == 200
    assert heading(results.text) == "We cannot work this out for you"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", results.text))
    assert "Citizens Advice Luton : debt, welfare benefits, housing, employment and immigration" in text
    assert "Contact details to be confirmed" in text
    assert "£" not in text.split("Who can help")[0]


def test_a_student_is_warned_after_the_results_heading_and_told_who_can_help(site: Site) -> None:
    steps = [(slug, {"student": "yes"} if slug == "student" else fields) for slug, fields in STEPS]
    with site.client() as client:
        answers = answer_everything(client, steps)
        results = client.post("/better-off/results", data=answers)
    assert results.status_code == 200
    assert heading(results.text).startswith("You could get")
    assert results.text.index("<h1") < results.text.index("Students: check these figures with an adviser")


@pytest.mark.parametrize(
    ("award", "period", "decided_on", "field_message"),
    [
        ("inf", "week", "2025-07-01", "number greater than 0"),
        ("nan", "week", "2025-07-01", "number greater than 0"),
        ("-5", "week", "2025-07-01", "number greater than 0"),
        ("1000000000", "week", "2025-07-01", "more than this benefit could pay"),
        ("1e308", "week", "2025-07-01", "more than this benefit could pay"),
        ("811.96", "month", "0001-01-01", "before the Road Map counts income from"),
        ("811.96", "month", "2999-01-01", "must be today or in the past"),
    ],
)
def test_finding_5_adviser_awards_are_bounded_and_nothing_is_recorded(
    site: Site, engine: Engine, award: str, period: str, decided_on: str, field_message: str
) -> None:
    with site.client() as client:
        case_url, csrf = _saved_case(client)
        before = dump(engine)
        refused = client.post(
            case_url + "/outcomes",
            data={
                "csrf": csrf,
                "benefit": "universal_credit",
                "claimed": "yes",
                "award": award,
                "award_period": period,
                "decided_on": decided_on,
            },
        )
        assert refused.status_code == 400, refused.text[:300]
        assert field_message in refused.text.replace("&#39;", "'")
        assert dump(engine) == before


def _saved_case(client: httpx.Client) -> tuple[str, str]:
    """The first adviser checks a household and saves the case: its address, and the form token."""
    _sign_in(client, "adviser@luton.gov.uk")
    answers = answer_everything(client)
    results = client.post("/better-off/results", data=answers)
    csrf = re.search(r'name="csrf" value="([^"]+)"', results.text)
    assert csrf
    saved = client.post("/workspace/better-off/cases", data={**answers, "csrf": csrf.group(1)})
    assert saved.status_code == 303
    return saved.headers["location"], csrf.group(1)


@pytest.mark.parametrize("other", ["second-adviser@luton.gov.uk", "admin@luton.gov.uk"])
def test_finding_4_a_case_belongs_to_the_adviser_who_saved_it(site: Site, engine: Engine, other: str) -> None:
    with site.client() as first:
        case_url, _ = _saved_case(first)
    reference = case_url.rsplit("/", 1)[1]
    # "BO-" and 128 random bits, URL-safe base64.
    assert re.fullmatch(r"BO-[A-Za-z0-9_-]{22}", reference)
    with site.client() as second:
        _sign_in(second, other)
        before = dump(engine)
        page = second.get(case_url)
        assert page.status_code == 404 and f"There is no saved case {reference}" in page.text
        assert reference not in second.get("/workspace/better-off").text
        own_results = second.post("/better-off/results", data=answer_everything(second))
        token = re.search(r'name="csrf" value="([^"]+)"', own_results.text)
        assert token
        added = second.post(
            case_url + "/outcomes",
            data={
                "csrf": token.group(1),
                "benefit": "universal_credit",
                "claimed": "yes",
                "award": "100",
                "award_period": "week",
                "decided_on": "2025-07-01",
            },
        )
        assert added.status_code == 404
        assert dump(engine) == before
