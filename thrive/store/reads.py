"""What pages and the API may read from the store: its named read functions, in one place.

`thrive.web` imports the store only from here (tests/core/test_layers.py checks it), so a page
cannot reach a writer: every write goes through `thrive.services`. Each name is defined in the
store module that owns its table; add a read here when a page needs it, never a writer.
"""

from __future__ import annotations

from thrive.store.database import make_engine, read_connection
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.framework_store import read_roadmap
from thrive.store.history import observation_history
from thrive.store.index_runs import framework_versions, latest_index_run
from thrive.store.indicators import Coverage
from thrive.store.observations import PUBLISHED
from thrive.store.poverty import PovertyRun, poverty_runs, run_figures
from thrive.store.users import list_users, session_user, token_user

__all__ = [
    "PUBLISHED",
    "Coverage",
    "PovertyRun",
    "framework_versions",
    "latest_deprivation_releases",
    "latest_index_run",
    "list_users",
    "make_engine",
    "observation_history",
    "poverty_runs",
    "read_connection",
    "read_roadmap",
    "run_figures",
    "session_user",
    "token_user",
]
