"""The four ways a use-case refuses, named once, so pages, the API and the command line each map them once.

Pages show a GOV.UK error page (thrive.web.app), the API its error body (thrive.web.api.errors),
and the command line an exit code (thrive.cli.context).
"""

from __future__ import annotations

from collections.abc import Sequence

from thrive.data.problems import Problem


class ServiceError(Exception):
    """A refusal written for the person who asked: the message says what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(ServiceError):  # noqa: N818 (the vocabulary's own words)
    """The actor may not do this (thrive.services.rights says why)."""


class NotFound(ServiceError):  # noqa: N818 (the vocabulary's own words)
    """The thing asked for does not exist, or no longer does."""


class Stale(ServiceError):  # noqa: N818 (the vocabulary's own words)
    """The request was made on a view that has since changed: reload and try again."""


class Problems(ServiceError):  # noqa: N818 (the vocabulary's own words)
    """The input has problems, each tied to its place; nothing was written."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)
