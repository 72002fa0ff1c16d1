"""What pages and the API may read from the store: its named read functions, in one place.

`thrive.web` imports the store only from here (tests/core/test_layers.py checks it), so a page
cannot reach a writer: every write goes through `thrive.services`. Each name is defined in the
store module that owns its table; add a read here when a page needs it, never a writer.
"""

from __future__ import annotations

from thrive.store.assessments import load_run, published_state
from thrive.store.better_off_cases import income_generated, list_cases
from thrive.store.changes import ChangeKind, first_change_at
from thrive.store.commentary import published_commentary, working_commentary
from thrive.store.database import make_engine, read_connection, statement_engine
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.framework_store import read_roadmap
from thrive.store.history import observation_history, recent_published_changes
from thrive.store.index_runs import framework_versions, latest_index_run
from thrive.store.indicators import Coverage, indicator_coverage, read_indicators
from thrive.store.observations import (
    FIGURE_COLUMNS,
    PUBLISHED,
    WORKING,
    brought_up_to_date,
    current_observations,
    observations_from_frame,
    published_changes_since,
)
from thrive.store.poverty import PovertyRun, poverty_runs, run_figures
from thrive.store.search import entries_by_kind, search, search_words
from thrive.store.users import list_users, session_user, token_user
from thrive.store.workflow import pending

__all__ = [
    "FIGURE_COLUMNS",
    "PUBLISHED",
    "WORKING",
    "ChangeKind",
    "Coverage",
    "PovertyRun",
    "brought_up_to_date",
    "current_observations",
    "entries_by_kind",
    "first_change_at",
    "framework_versions",
    "income_generated",
    "indicator_coverage",
    "latest_deprivation_releases",
    "latest_index_run",
    "list_cases",
    "list_users",
    "load_run",
    "make_engine",
    "observation_history",
    "observations_from_frame",
    "pending",
    "poverty_runs",
    "published_changes_since",
    "published_commentary",
    "published_state",
    "read_connection",
    "read_indicators",
    "read_roadmap",
    "recent_published_changes",
    "run_figures",
    "search",
    "search_words",
    "session_user",
    "statement_engine",
    "token_user",
    "working_commentary",
]
