"""Better Off Luton for residents: one question per page, check your answers, then the results.

Everything is posted, never put in a web address, and nothing is written to the database or the
logs: the answers live in the form until the person closes the page, unless an adviser saves the
case (better_off_adviser.py).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from thrive.benefits.calculator import BetterOff, Calculator
from thrive.benefits.reasons import money
from thrive.benefits.tax_year import TaxYear
from thrive.framework.access import can_advise
from thrive.web.better_off_answers import (
    all_problems,
    check_question,
    display,
    household,
    next_question,
    previous_question,
)
from thrive.web.better_off_questions import BY_SLUG, FIELD_NAMES, QUESTIONS, Answers, Question
from thrive.web.page_templates import templates
from thrive.web.security import signed_in

SECTION = "better-off"
LOG = logging.getLogger(__name__)
_CALCULATOR: list[Calculator] = []
_WARM = threading.Event()
_STARTED: list[bool] = []
_LOCK = threading.Lock()
WAIT_SECONDS = 45.0
"""How long a calculation waits for a calculator still warming before the resident is asked to try again."""
STARTING = (
    "Better Off is starting up. Go back and press the button again in a few seconds: your answers are still there."
)


def calculator() -> Calculator:
    """The process's calculator, warmed in the background at start-up. A request that comes before it is
    warm waits a little, then gets a 503 "starting" answer (with Retry-After) rather than hanging."""
    start_warming()
    if not _WARM.wait(WAIT_SECONDS) or not _CALCULATOR:
        raise StarletteHTTPException(503, detail=STARTING, headers={"Retry-After": "5"})
    return _CALCULATOR[0]


def start_warming() -> None:
    """Start loading PolicyEngine UK in a background thread, once per process.

    IPython is imported first, whole, when it is installed: PolicyEngine imports it, and a chart drawn
    while that import was half done found a partly initialised IPython in sys.modules (matplotlib looks for
    it), so other pages failed. Once it is whole, the two imports cannot meet."""
    with _LOCK:
        if _STARTED:
            return
        _STARTED.append(True)
        if importlib.util.find_spec("IPython") is not None:
            importlib.import_module("IPython")
        threading.Thread(target=_warm, name="better-off-warm", daemon=True).start()


def _warm() -> None:
    try:
        made = Calculator()
        made.warm(TaxYear.current())
        _CALCULATOR.append(made)
    except Exception:
        LOG.exception("Better Off's calculator did not load; calculations answer 503 until a restart")
    finally:
        _WARM.set()


@asynccontextmanager
async def _warm_at_start_up(app: Any) -> AsyncIterator[None]:
    """`thrive serve` starts warming the calculator at once, without making public pages wait for it."""
    start_warming()
    yield


router = APIRouter(prefix="/better-off", lifespan=_warm_at_start_up)


def posted_answers(form: Any) -> Answers:
    """The answers carried in hidden fields; anything else posted is ignored, and no answer is longer
    than any real one could be."""
    return {key[2:]: str(value)[:200] for key, value in form.items() if key.startswith("a_") and key[2:] in FIELD_NAMES}


def _page(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    found = signed_in(request) if request.cookies else None
    return templates.TemplateResponse(
        request,
        f"better_off/{template}",
        {
            "section": SECTION,
            "signed_in": found[0] if found else None,
            "adviser": bool(found and can_advise(found[0])),
            "csrf": found[1] if found else "",
            "money": money,
            **context,
        },
        status_code=status,
    )


def _hidden(answers: Answers, leave_out: set[str] | None = None) -> list[tuple[str, str]]:
    return [(f"a_{k}", v) for k, v in answers.items() if not leave_out or k not in leave_out]


def _question(request: Request, question: Question, answers: Answers, errors: dict[str, str] | None = None) -> Response:
    before = previous_question(question.slug, answers)
    radio_items = {
        field.name: [
            {"value": value, "text": text, "checked": answers.get(field.name) == value} for value, text in field.choices
        ]
        for field in question.fields
    }
    heading = question.title(answers)
    return _page(
        request,
        "question.html",
        400 if errors else 200,
        title=heading,
        heading=heading,
        question=question,
        answers=answers,
        radio_items=radio_items,
        hidden=_hidden(answers, {f.name for f in question.fields}),
        everything=_hidden(answers),
        back=before.slug if before else None,
        errors=[{"text": message, "href": f"#{name}"} for name, message in (errors or {}).items()],
        field_errors=errors or {},
        error_title=bool(errors),
    )


def _check(request: Request, answers: Answers, errors: dict[str, str] | None = None) -> Response:
    rows = [
        {"question": q, "label": q.check_label or q.title(answers), "value": display(q, answers)}
        for q in QUESTIONS
        if q.applies(answers)
    ]
    slug_of = {f.name: q.slug for q in QUESTIONS for f in q.fields}
    return _page(
        request,
        "check.html",
        400 if errors else 200,
        title="Check your answers",
        rows=rows,
        hidden=_hidden(answers),
        errors=[{"text": m, "href": f"#change-{slug_of[n]}"} for n, m in (errors or {}).items()],
        error_title=bool(errors),
    )


@router.get("", response_class=HTMLResponse)
def start(request: Request) -> Response:
    return _page(request, "start.html", title="Check what you could get: Better Off Luton")


@router.post("/questions", response_class=HTMLResponse)
async def questions(request: Request) -> Response:
    form = await request.form()
    answers = posted_answers(form)
    action = str(form.get("action", "next"))
    slug = str(form.get("question", ""))
    if action == "change" and slug in BY_SLUG:
        return _question(request, BY_SLUG[slug], answers)
    if action == "answer" and slug in BY_SLUG:
        question = BY_SLUG[slug]
        for field in question.fields:
            answers[field.name] = str(form.get(field.name, "")).strip()[:200]
        problems = check_question(question, answers)
        if problems:
            return _question(request, question, answers, problems)
    upcoming = next_question(answers)
    return _question(request, upcoming, answers) if upcoming else _check(request, answers)


async def calculated(request: Request, answers: Answers) -> BetterOff | Response:
    """The result for posted answers, or the check-your-answers page with what is wrong."""
    problems = all_problems(answers)
    if problems:
        return _check(request, answers, problems)
    home, year = household(answers)
    # In the thread pool: while the calculator warms, calculator() waits, and the event loop must not.
    return await run_in_threadpool(lambda: calculator().check(home, year))


async def _calculated(request: Request) -> tuple[Answers, BetterOff | Response]:
    answers = posted_answers(await request.form())
    return answers, await calculated(request, answers)


@router.post("/results", response_class=HTMLResponse)
async def results(request: Request) -> Response:
    answers, outcome = await _calculated(request)
    if isinstance(outcome, Response):
        return outcome
    return _page(
        request, "results.html", title="What you could get", result=outcome, hidden=_hidden(answers), printable=False
    )


@router.post("/summary", response_class=HTMLResponse)
async def summary(request: Request) -> Response:
    """The printable summary: the same results, without forms, for printing or saving as a PDF."""
    _, outcome = await _calculated(request)
    if isinstance(outcome, Response):
        return outcome
    return _page(request, "summary.html", title="Your Better Off summary", result=outcome, hidden=[], printable=True)
