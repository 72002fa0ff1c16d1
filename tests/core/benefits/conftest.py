"""One Calculator for the benefits tests: loading PolicyEngine UK takes seconds, so it is loaded once."""

from __future__ import annotations

import pytest

from thrive.benefits.calculator import Calculator


@pytest.fixture(scope="session")
def calculator() -> Calculator:
    return Calculator()
