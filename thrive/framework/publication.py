"""Publishing: draft, then review, then published. Unreviewed figures and commentary never reach the public.

A rule of the Road Map's governance, not of storage: the store records each move as a revision,
and the review service (thrive.services.review) decides which moves a request may make.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"


class Step(StrEnum):
    SUBMIT = "submit"
    PUBLISH = "publish"
    RETURN = "return"

    @property
    def source(self) -> Stage:
        """The stage a figure must be at for this step to apply."""
        return MOVES[self][0]

    @property
    def target(self) -> Stage:
        """The stage the step leaves a figure at."""
        return MOVES[self][1]


MOVES = {
    Step.SUBMIT: (Stage.DRAFT, Stage.IN_REVIEW),
    Step.PUBLISH: (Stage.IN_REVIEW, Stage.PUBLISHED),
    Step.RETURN: (Stage.IN_REVIEW, Stage.DRAFT),
}
"""The allowed steps: (from, to). Publishing needs review first; a reviewer can send a figure back."""
