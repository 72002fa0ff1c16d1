"""What the public pages show, read once per published version and shared by every request.

Public pages show only published figures and the judgements made on them: the newest
assessment run of the published view, made by the use-case that published them
(thrive.services). A page request only reads: when an officer publishes a figure, the
published version moves on and the next request builds a fresh snapshot from the store.
Drafts, reviews and Better Off cases leave the published version, and so the ETags, alone.

Indicators' own figures (every English authority, over a hundred thousand of them) are read
only when a page or the API first asks for an indicator, and then kept with the snapshot: once
per indicator per published version, never per request.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from thrive.assess.benchmark import EAST_OF_ENGLAND
from thrive.data.dataset import load_dataset
from thrive.framework import Indicator, Measure, RoadMap
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.units import format_value
from thrive.store.reads import (
    FIGURE_COLUMNS,
    PUBLISHED,
    ChangeKind,
    Coverage,
    brought_up_to_date,
    current_observations,
    first_change_at,
    indicator_coverage,
    load_run,
    observation_history,
    published_changes_since,
    published_commentary,
    published_state,
    read_connection,
    read_indicators,
    read_roadmap,
    recent_published_changes,
    statement_engine,
)
from thrive.web.download_files import downloads_folder

RECENT_CHANGES = 10
SHOWN_CHANGES = 50
"""The most changes a measure page lists: the newest, so the page stays small with every area's history."""
HISTORY_PLACES = (LUTON, ENGLAND, EAST_OF_ENGLAND)
"""The places whose changes a measure page lists: those its chart and table show."""


Version = tuple[int, int | None]
"""The published version and the newest published run's id: a snapshot is good while both stand."""


_BUILDING = threading.Lock()
"""Guards PublicSnapshot.building, the per-page locks (a dict is not safe to grow from two threads)."""


@dataclass
class PublicSnapshot:
    version: Version
    roadmap: RoadMap
    by_series: dict[str, pd.DataFrame]
    """The published Road Map figures for every area, one frame per series: a publication replaces
    only the frames of the series it touched, and a chart reads its own series without a scan."""
    assessments: dict[str, dict[str, Any]]
    run: dict[str, Any] | None
    """The run's header; None before any run of the published figures has been made (an empty database)."""
    changes: list[dict[str, Any]]
    band_tables: tuple[dict[str, Any], ...]
    indicators: dict[str, Indicator]
    """Every indicator held, by id, in title order."""
    documents: dict[str, str]
    """The council documents figures cite, by id: their titles, for "<id>:<line>" refs."""
    pages: dict[str, bytes] = field(default_factory=dict)
    """Rendered pages for this version, so a page is rendered once per data change, not per request."""
    figures: dict[str, pd.DataFrame] = field(default_factory=dict)
    """Indicators' own published figures, by indicator id, as each is first asked for."""
    coverage: dict[str, Coverage] | None = None
    """What each indicator holds (areas, figures, periods), once the catalogue is first asked for."""
    salt: str = ""
    """Mixed into the ETag so it cannot be computed from a guessed version number: when the
    database's first change set was made (thrive.store.changes.first_change_at), which every worker
    serving the database shares, so they all give one page the same tag."""
    building: dict[str, threading.Lock] = field(default_factory=dict)
    """One lock per page being rendered, so the requests that arrive together for a page not yet
    rendered wait for one rendering rather than each drawing its charts at once (which held a
    worker for seconds when 32 came together after a start or a publication)."""

    def page_lock(self, key: str) -> threading.Lock:
        with _BUILDING:
            return self.building.setdefault(key, threading.Lock())

    @cached_property
    def etag(self) -> str:
        """An opaque tag for the published version: it changes exactly when the version does, and
        says nothing of the internal change-set numbers (how much unpublished work went on between)."""
        figures, run = self.version
        return '"' + hashlib.sha256(f"{self.salt}:{figures}:{run or 0}".encode()).hexdigest()[:20] + '"'

    def series_figures(self, series_id: str) -> pd.DataFrame:
        """One series' published figures for every area (none: an empty frame)."""
        found = self.by_series.get(series_id)
        return found if found is not None else self._empty

    @cached_property
    def observations(self) -> pd.DataFrame:
        """Every published Road Map figure in one frame, put together when first asked for (the
        downloads, the API and area pages); pages of one measure read `series_figures`."""
        return pd.concat([self._empty, *self.by_series.values()], ignore_index=True)

    def in_area(self, area_code: str) -> pd.DataFrame:
        """One area's published figures of every series, without putting every area's together."""
        return pd.concat(
            [self._empty, *(frame[frame["area_code"] == area_code] for frame in self.by_series.values())],
            ignore_index=True,
        )

    @cached_property
    def _empty(self) -> pd.DataFrame:
        return next(iter(self.by_series.values())).iloc[0:0] if self.by_series else pd.DataFrame(columns=FIGURE_COLUMNS)

    @cached_property
    def area_names(self) -> dict[str, str]:
        return {a.code: a.name for a in self.roadmap.areas}

    def document_title(self, ref: object) -> str | None:
        """The document a "<id>:<line>" ref points into, by its title; None for any other ref (or none)."""
        found = DOCUMENT_REF.match(ref) if isinstance(ref, str) else None
        return self.documents.get(found.group(1)) if found else None


def _series_ids(roadmap: RoadMap) -> set[str]:
    return {s.id for s in roadmap.all_series()}


DOCUMENT_REF = re.compile(r"^(\d{3}):\d+")


class Site:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._snapshot: PublicSnapshot | None = None
        self._lock = threading.Lock()
        self._statements = statement_engine(engine)
        self.downloads = downloads_folder(engine.url.render_as_string(hide_password=True))
        """Where the downloads of each published version are kept, shared by every worker."""
        dataset = load_dataset()
        self._bands = dataset.band_tables
        self._documents = {d.id: d.citation for d in dataset.documents}

    def current_version(self) -> Version:
        with self._statements.connect() as connection:
            return published_state(connection)

    def public(self) -> PublicSnapshot:
        version = self.current_version()
        snapshot = self._snapshot
        if snapshot is not None and snapshot.version == version:
            return snapshot
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = self._build(version, self._snapshot)
            return self._snapshot

    def indicator_figures(self, snapshot: PublicSnapshot, indicator_id: str) -> pd.DataFrame:
        """An indicator's published figures for every area, read once for the snapshot's version."""
        found = snapshot.figures.get(indicator_id)
        if found is None:
            with read_connection(self.engine) as connection:
                found = current_observations(connection, [indicator_id], view=PUBLISHED)
            snapshot.figures[indicator_id] = found
        return found

    def indicator_coverage(self, snapshot: PublicSnapshot) -> dict[str, Coverage]:
        """How many areas, figures and periods each indicator holds, counted once for the snapshot's version."""
        if snapshot.coverage is None:
            with read_connection(self.engine) as connection:
                snapshot.coverage = indicator_coverage(connection)
        return snapshot.coverage

    def published_history(self, snapshot: PublicSnapshot, measure: Measure) -> tuple[list[dict[str, str]], int]:
        """Changes to Luton's, England's and the region's published figures after the Road Map was
        loaded, the newest SHOWN_CHANGES of them; who made them stays inside the council. Every
        area's revisions are in the API (/api/measures/{id}/revisions).

        An official figure that only extends a series back in time (or to another area) changes
        nothing already published, so it is not listed; an official revision of a figure is.
        """
        with read_connection(self.engine) as connection:
            changes = observation_history(connection, [s.id for s in measure.series], HISTORY_PLACES)
        units = {s.id: s.unit for s in measure.series}
        labels = {s.id: s.label for s in measure.series}
        published: dict[tuple[str, str, str], float | None] = {}
        out = []
        for change in changes:
            if change["after"]["status"] != PUBLISHED:
                continue
            key = (change["series"], change["area"], change["period"])
            before, after = published.get(key), change["after"]["value"]
            published[key] = after
            extends_only = change["kind"] == ChangeKind.OFFICIAL and before is None
            if change["kind"] == ChangeKind.DATASET or before == after or extends_only:
                continue
            unit = units[change["series"]]
            out.append(
                {
                    "when": change["when"][:10],
                    "what": f"{labels[change['series']]}, {snapshot.area_names.get(change['area'], change['area'])}, "
                    f"{change['period']}",
                    "before": "" if before is None else format_value(before, unit),
                    "after": format_value(after, unit),
                    "why": change["why"],
                }
            )
        return out[-SHOWN_CHANGES:], len(out)

    def published_commentary(self, measure: Measure) -> list[dict[str, str]]:
        with read_connection(self.engine) as connection:
            found = published_commentary(connection, measure.id)
        return [{"period": c.period, "section_title": c.section.heading, "text": c.text} for c in found]

    def _build(self, version: Version, previous: PublicSnapshot | None) -> PublicSnapshot:
        """Read the snapshot; never write, even when there is no run yet (pages then show no judgements).

        The published figures are read whole only the first time: after that, only those published
        since the previous snapshot's version are read and applied to its figures, so the first
        request after a publication costs the size of the change, not of the store.
        """
        with read_connection(self.engine) as connection:
            roadmap = read_roadmap(connection)
            same_series = previous is not None and _series_ids(previous.roadmap) == _series_ids(roadmap)
            if previous is not None and same_series and previous.version[0] <= version[0]:
                since = published_changes_since(connection, previous.version[0])
                by_series = dict(previous.by_series)
                for series_id, published in since.groupby("series_id", sort=False):
                    held = by_series.get(str(series_id), previous.series_figures(str(series_id)))
                    by_series[str(series_id)] = brought_up_to_date(held, published)
            else:
                everything = current_observations(connection, view=PUBLISHED)
                by_series = {str(key): frame for key, frame in everything.groupby("series_id", sort=False)}
            run = None if version[1] is None else load_run(connection, version[1], with_inputs=False)
            changes = recent_published_changes(connection, RECENT_CHANGES)
            indicators = {found.id: found for found in read_indicators(connection)}
            salt = first_change_at(connection)
        assessments = {} if run is None else {item["measure"]: item for item in run.results}
        header = None if run is None else run.header()
        return PublicSnapshot(
            version,
            roadmap,
            by_series,
            assessments,
            header,
            changes,
            self._bands,
            indicators,
            self._documents,
            salt=salt,
        )
