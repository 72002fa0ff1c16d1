"""After a publication the public snapshot reads only what was published since its own version and
applies it to the figures it holds: the result is exactly what reading everything afresh gives
(SQLite and PostgreSQL)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from thrive.framework.access import Role, User
from thrive.framework.observation import KEY
from thrive.framework.publication import Step
from thrive.services.entering_results import save_drafts
from thrive.services.review import review
from thrive.web.site import Site

ADMIN = User(id=1, email="admin@luton.gov.uk", role=Role.ADMIN, group_code=None)


def _publish(engine: Engine, rows: list[dict[str, str]]) -> None:
    entry = save_drafts(engine, ADMIN, pd.DataFrame(rows), "the test", "Figures for the test")
    sent = review(engine, ADMIN, Step.SUBMIT, entry.revision_ids, reason="For review")
    review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Published")


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(KEY).reset_index(drop=True)


def test_finding_11_a_refreshed_snapshot_equals_one_read_afresh(engine: Engine) -> None:
    site = Site(engine)
    before = site.public()
    _publish(
        engine,
        [
            {"measure": "weekly-wages", "area": "E06000032", "period": "2023", "value": "620.4"},  # a revision
            {"measure": "weekly-wages", "area": "E06000032", "period": "2024", "value": "650.5"},  # a new figure
        ],
    )
    drafted = pd.DataFrame([{"measure": "weekly-wages", "area": "E06000032", "period": "2025", "value": "700"}])
    save_drafts(engine, ADMIN, drafted, "the test", "A draft, not published")
    refreshed = site.public()
    assert refreshed.version != before.version
    afresh = Site(engine).public()
    # Another process serving the same database (a second worker) gives the same opaque tag.
    assert afresh.etag == refreshed.etag != before.etag
    pd.testing.assert_frame_equal(_sorted(refreshed.observations), _sorted(afresh.observations))
    wages = refreshed.observations[
        (refreshed.observations["series_id"] == "weekly-wages") & (refreshed.observations["area_code"] == "E06000032")
    ]
    assert dict(zip(wages["period_label"], wages["value"], strict=True))["2023"] == 620.4
    assert "2024" in set(wages["period_label"]) and "2025" not in set(wages["period_label"])
    assert len(refreshed.observations) == len(before.observations) + 1
