"""The one question every use-case asks before it writes: may this actor do this?

Pages, the API and the command line all ask here, so each refusal is written once.
The rules themselves are thrive.framework.access; this module says why the answer is no.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from thrive.framework import Measure
from thrive.framework.access import Role, User, can_advise, can_edit, can_review
from thrive.services.errors import NotAllowed


class Right(StrEnum):
    ENTER = "enter"
    """Enter figures at all: an editor or an administrator."""
    EDIT = "edit"
    """Enter figures, write commentary and send them for review, for every measure named."""
    REVIEW = "review"
    """Publish figures and commentary in review, or send them back."""
    ADVISE = "advise"
    """Save Better Off cases and record their outcomes."""


def refusal(user: User, right: Right, measures: Iterable[Measure] = ()) -> str | None:
    """Why `user` may not use `right` (for every one of `measures`, for EDIT); None if they may."""
    if right is Right.EDIT:
        for measure in measures:
            if not can_edit(user, measure):
                return f"You cannot change '{measure.wording}': it belongs to another partnership group."
        return None
    if right is Right.ENTER:
        entering = user.active and user.role in {Role.ADMIN, Role.EDITOR}
        return None if entering else "Your account cannot enter or submit figures."
    if right is Right.REVIEW:
        return None if can_review(user) else "Only an administrator can publish figures or send them back."
    return None if can_advise(user) else "Only benefits advisers and administrators can save Better Off cases."


def may(user: User, right: Right, measures: Iterable[Measure] = ()) -> bool:
    return refusal(user, right, measures) is None


def require(user: User, right: Right, measures: Iterable[Measure] = ()) -> None:
    """Raise NotAllowed, with the reason, unless `user` may."""
    why = refusal(user, right, measures)
    if why is not None:
        raise NotAllowed(why)


def command_line(actor: str) -> User:
    """Whoever runs a command acts as an administrator: they can reach the database itself anyway."""
    return User(id=0, email=actor, role=Role.ADMIN, group_code=None)
