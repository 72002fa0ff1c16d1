"""Schema-driven fuzzing with schemathesis against the running server's own OpenAPI document.

Every GET is called with generated parameters (valid ones, checked against the document, and
invalid ones, which must be refused with a 4xx); the POSTs are called without a token and must
be refused with a 4xx. Nothing may be a server error. It runs on SQLite only: the database adds
nothing the other tests miss.

The operations are driven through `APIOperation.as_strategy` rather than schemathesis' pytest
loader, whose lazy fixture support does not work with the installed pytest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.schemas import APIOperation

EXAMPLES = 20
GET_OPERATIONS = 17
POST_OPERATIONS = 2
"""POSTs that need a token; Better Off's check is public, and fuzzed on its own below."""
PUBLIC_POST = "/api/better-off/check"
LISTS = 10
"""GET operations with query parameters: the ten lists."""


Operation = APIOperation[Any, Any, Any, Any]
GeneratedCase = Case[Any]


def _operations(base_url: str, method: str) -> list[Operation]:
    schema = schemathesis.openapi.from_url(f"{base_url}/api/openapi.json").include(method=method)
    operations = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise AssertionError(f"the OpenAPI document is not valid: {result.err()}")
        operations.append(result.ok())
    return operations


def _fuzz(
    operation: Operation, mode: GenerationMode, check: Callable[[GeneratedCase], None], seen: Counter[str]
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: GeneratedCase) -> None:
        seen[f"{operation.method.upper()} {operation.path}"] += 1
        check(case)

    run()


def _conforms(case: GeneratedCase) -> None:
    case.call_and_validate()


def _refused_not_failed(case: GeneratedCase) -> None:
    response = case.call_and_validate(checks=[not_a_server_error])
    assert 400 <= response.status_code < 500, (case.path, response.status_code, response.text)


def _never_a_server_error(case: GeneratedCase) -> None:
    case.call_and_validate(checks=[not_a_server_error])


def test_every_get_conforms_to_the_document_and_never_fails(sqlite_api_url: str) -> None:
    seen: Counter[str] = Counter()
    operations = _operations(sqlite_api_url, "GET")
    assert len(operations) == GET_OPERATIONS
    for operation in operations:
        _fuzz(operation, GenerationMode.POSITIVE, _conforms, seen)
    assert len(seen) == GET_OPERATIONS
    print(f"schemathesis, valid GETs: {sum(seen.values())} examples over {len(seen)} operations, 0 server errors")


def test_every_get_with_invalid_parameters_is_a_4xx_not_a_5xx(sqlite_api_url: str) -> None:
    seen: Counter[str] = Counter()
    for operation in _operations(sqlite_api_url, "GET"):
        # Only query parameters have constraints to break: a path segment is any text.
        if any(parameter.location.value == "query" for parameter in operation.iter_parameters()):
            _fuzz(operation, GenerationMode.NEGATIVE, _never_a_server_error, seen)
    assert len(seen) == LISTS
    print(f"schemathesis, invalid GETs: {sum(seen.values())} examples over {len(seen)} operations, 0 server errors")


def test_every_post_without_a_token_is_refused(sqlite_api_url: str) -> None:
    seen: Counter[str] = Counter()
    operations = [o for o in _operations(sqlite_api_url, "POST") if o.path != PUBLIC_POST]
    assert len(operations) == POST_OPERATIONS
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode, _refused_not_failed, seen)
    assert len(seen) == POST_OPERATIONS
    print(f"schemathesis, POSTs without a token: {sum(seen.values())} examples over {len(seen)} operations, all 4xx")


def test_the_public_better_off_check_never_fails(sqlite_api_url: str) -> None:
    seen: Counter[str] = Counter()
    (operation,) = [o for o in _operations(sqlite_api_url, "POST") if o.path == PUBLIC_POST]
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        _fuzz(operation, mode, _never_a_server_error, seen)
    assert seen[f"POST {PUBLIC_POST}"] > 0
