"""Who may do what: admins everything; a group editor only the measures their partnership group owns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from thrive.framework.roadmap import Measure


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"
    ADVISER = "adviser"
    """A benefits adviser (council, Citizens Advice, foodbank): saves Better Off cases and their outcomes."""


@dataclass(frozen=True)
class User:
    id: int
    email: str
    role: Role
    group_code: str | None
    active: bool = True


def can_edit(user: User, measure: Measure) -> bool:
    """Enter results, write commentary and upload imports for this measure."""
    if not user.active:
        return False
    if user.role is Role.ADMIN:
        return True
    return user.role is Role.EDITOR and user.group_code is not None and user.group_code in measure.groups


def can_review(user: User) -> bool:
    """Publish figures that have been submitted for review."""
    return user.active and user.role is Role.ADMIN


def can_advise(user: User) -> bool:
    """Save Better Off cases and record their outcomes."""
    return user.active and user.role in {Role.ADMIN, Role.ADVISER}


def can_read_drafts(user: User) -> bool:
    """See figures and commentary before they are published: council officers only. Advisers work
    for partners too (Citizens Advice, the foodbank), so they see the Better Off workspace alone."""
    return user.active and user.role is not Role.ADVISER
