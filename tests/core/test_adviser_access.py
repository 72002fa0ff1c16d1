"""The adviser role: benefits advisers save Better Off cases and outcomes, and change no Road Map figure."""

from __future__ import annotations

from tests.conftest import shipped_dataset
from thrive.framework.access import Role, User, can_advise, can_edit, can_review
from thrive.framework.dataset import Dataset
from thrive.framework.roadmap import Measure


def _measure() -> Measure:
    dataset: Dataset = shipped_dataset()
    return dataset.roadmap.measure("benefit-calculator-income")


def test_advisers_and_admins_may_save_cases_and_no_one_else() -> None:
    assert can_advise(User(1, "adviser@luton.gov.uk", Role.ADVISER, None))
    assert can_advise(User(2, "admin@luton.gov.uk", Role.ADMIN, None))
    assert not can_advise(User(3, "lead@luton.gov.uk", Role.EDITOR, "fairness-taskforce"))
    assert not can_advise(User(4, "viewer@luton.gov.uk", Role.VIEWER, None))
    assert not can_advise(User(5, "left@luton.gov.uk", Role.ADVISER, None, active=False))


def test_an_adviser_cannot_edit_or_publish_road_map_figures() -> None:
    adviser = User(1, "adviser@luton.gov.uk", Role.ADVISER, None)
    assert not can_edit(adviser, _measure())
    assert not can_review(adviser)
