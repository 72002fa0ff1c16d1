"""Tables. Values live only in revision rows, so nothing is ever overwritten without a trace.

An observation is identified by its series, area and period; every row of
`observation_revision` is one version of one observation, and the newest is its current
value. `supersedes_id` points at the version it replaced, and the change set says who
changed it, when and why. Targets work the same way, with `target` as the identity.
Rows are only ever added.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

document = Table(
    "document",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("file", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("publisher", Text),
    Column("published", String(20)),
    Column("cited_as", Text),
)

priority = Table(
    "priority",
    metadata,
    Column("code", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("summary", Text),
    Column("ref", String(40)),
)

partnership_group = Table(
    "partnership_group",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("name", Text, nullable=False),
    Column("confirmed", Boolean, nullable=False),
    Column("note", Text),
    Column("ref", String(40)),
)

area = Table(
    "area",
    metadata,
    Column("code", String(12), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("parent_code", String(12)),
    Column("vintage", String(20)),
)

comparator_group = Table(
    "comparator_group",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("name", Text, nullable=False),
    Column("note", Text),
    Column("ref", String(40)),
)

comparator_member = Table(
    "comparator_member",
    metadata,
    Column("group_code", ForeignKey("comparator_group.code"), primary_key=True),
    Column("area_code", ForeignKey("area.code"), primary_key=True),
)

measure = Table(
    "measure",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("priority_code", ForeignKey("priority.code"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("outcome_ref", String(40)),
    Column("wording", Text, nullable=False),
    Column("unit", String(40), nullable=False),
    Column("polarity", String(20), nullable=False),
    Column("frequency", String(20), nullable=False),
    Column("definition", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("headline", Boolean, nullable=False),
    Column("published_trend", String(40)),
    Column("priority_table", JSON),
    Column("notes", JSON),
    Column("ownership_ref", String(40)),
)

measure_group = Table(
    "measure_group",
    metadata,
    Column("measure_id", ForeignKey("measure.id"), primary_key=True),
    Column("group_code", ForeignKey("partnership_group.code"), primary_key=True),
)

# An official indicator (issue 12): the publisher's definition, unit, polarity, source and
# licence. Its figures live in a series of its own (`series.indicator_id`, no measure), in the
# same revision store as the Road Map's. `indicator_link` says which indicator feeds or informs
# each Road Map series, and how closely (exact, proxy or context).
indicator = Table(
    "indicator",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("title", Text, nullable=False),
    Column("definition", Text, nullable=False),
    Column("unit", String(40), nullable=False),
    Column("polarity", String(20), nullable=False),
    Column("period_type", String(20), nullable=False),
    Column("source", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("licence", Text, nullable=False),
    Column("url", Text),
    Column("caveats", Text),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
)

series = Table(
    "series",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("measure_id", ForeignKey("measure.id"), nullable=True, index=True),
    Column("indicator_id", ForeignKey("indicator.id"), nullable=True, index=True),
    Column("label", Text, nullable=False),
    Column("unit", String(40), nullable=False),
    Column("ordinal", Integer, nullable=False),
)

indicator_link = Table(
    "indicator_link",
    metadata,
    Column("series_id", ForeignKey("series.id"), primary_key=True),
    Column("indicator_id", ForeignKey("indicator.id"), primary_key=True),
    Column("match", String(12), nullable=False),
    Column("note", Text, nullable=False),
    Column("ref", String(40)),
)

# Neighbour models (issue 12): each published version of a set of neighbours (DfE's statistical
# neighbours of April 2021 and May 2025, Oflog's nearest neighbours), with every area's list in
# the publisher's order. A comparator group with models ranks a figure among the neighbours of
# the model in force when the figure's period ended.
comparator_model = Table(
    "comparator_model",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("group_code", ForeignKey("comparator_group.code"), nullable=False),
    Column("name", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("in_force_from", Date),
    Column("in_force_to", Date),
    Column("source", Text),
    Column("licence", Text),
    Column("note", Text),
)

comparator_neighbour = Table(
    "comparator_neighbour",
    metadata,
    Column("model_code", ForeignKey("comparator_model.code"), primary_key=True),
    Column("area_code", ForeignKey("area.code"), primary_key=True),
    Column("neighbour_code", ForeignKey("area.code"), primary_key=True),
    Column("rank", Integer, nullable=False),
)

change_set = Table(
    "change_set",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("reason", Text, nullable=False),
    Column("source", Text),
    Column("kind", String(20), nullable=False),
    Index("ix_change_set_kind", "kind", "id"),
)

observation_revision = Table(
    "observation_revision",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("series_id", ForeignKey("series.id"), nullable=False),
    Column("area_code", ForeignKey("area.code"), nullable=False),
    Column("period_kind", String(20), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("supersedes_id", BigInteger),
    Column("period_label", String(40), nullable=False),
    Column("value", Float),
    Column("numerator", Float),
    Column("denominator", Float),
    Column("lower_ci", Float),
    Column("upper_ci", Float),
    Column("provisional", Boolean, nullable=False),
    Column("estimated", Boolean, nullable=False),
    Column("not_comparable", Boolean, nullable=False),
    Column("break_in_series", Boolean, nullable=False),
    Column("suppressed", Boolean, nullable=False, server_default=false()),
    Column("low_reliability", Boolean, nullable=False, server_default=false()),
    Column("source", Text),
    Column("note", Text),
    Column("ref", Text),
    Column("status", String(12), nullable=False, server_default="published"),
    Index(
        "ix_observation_revision_key",
        "series_id",
        "area_code",
        "period_kind",
        "period_start",
        "period_end",
        "id",
    ),
    Index("ix_observation_revision_change_set", "change_set_id"),
)

target = Table(
    "target",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("measure_id", ForeignKey("measure.id"), nullable=False),
    Column("series_id", ForeignKey("series.id"), nullable=False),
    Column("year", Integer, nullable=False),
    UniqueConstraint("series_id", "year"),
)

target_revision = Table(
    "target_revision",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_id", ForeignKey("target.id"), nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("supersedes_id", Integer),
    Column("text", Text, nullable=False),
    Column("spec", JSON, nullable=False),
    Column("ref", String(40)),
    Column("note", Text),
    Index("ix_target_revision_target", "target_id", "id"),
)

assessment_run = Table(
    "assessment_run",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("as_of", Date),
    Column("view", String(12), nullable=False, server_default="published"),
    Column("data_version", Integer, nullable=False),
    Column("rules", JSON, nullable=False),
    Column("inputs", JSON, nullable=False),
    Column("results", JSON, nullable=False),
    Index("ix_assessment_run_view", "view", "id"),
)

commentary_revision = Table(
    "commentary_revision",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("measure_id", ForeignKey("measure.id"), nullable=False),
    Column("period_label", String(40), nullable=False),
    Column("section", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(12), nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("supersedes_id", Integer),
    Index("ix_commentary_revision_key", "measure_id", "period_label", "section", "id"),
)

app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("group_code", ForeignKey("partnership_group.code")),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

web_session = Table(
    "web_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", ForeignKey("app_user.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

login_attempt = Table(
    "login_attempt",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Column("address", String(64), nullable=True, index=True),
    Column("unlocked_by", String(320), nullable=True),
)

api_token = Table(
    "api_token",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", ForeignKey("app_user.id"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

# Thriving People Index and deprivation (issue 7). A deprivation release is one import of an
# Indices of Deprivation release: the files (with their SHA-256) and the summary computed from
# them. An index framework version is the YAML as it stood, kept so past scores can be
# reproduced; an index run is one scoring of a framework version. Rows are only ever added.

deprivation_release = Table(
    "deprivation_release",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("release_year", Integer, nullable=False, index=True),
    Column("files", JSON, nullable=False),
    Column("summary", JSON, nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
)

index_framework_version = Table(
    "index_framework_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(60), nullable=False),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    UniqueConstraint("code", "version", name="uq_index_framework_version_code_version"),
)

index_run = Table(
    "index_run",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("framework_version_id", ForeignKey("index_framework_version.id"), nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("synthetic", Boolean, nullable=False),
    Column("results", JSON, nullable=False),
)

# ---------------------------------------------------------------- poverty model (issue 6)
# Only aggregates that have passed disclosure control reach the store: no household records.

poverty_run = Table(
    "poverty_run",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("kind", String(20), nullable=False),  # published (the council's tables) or model (a run of the model)
    Column("first_year", Integer, nullable=False),
    Column("last_year", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("synthetic", Boolean, nullable=False),
    Column("line_set", String(60)),
    Column("disclosure", JSON),
)

poverty_figure = Table(
    "poverty_figure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", ForeignKey("poverty_run.id"), nullable=False, index=True),
    Column("year", Integer, nullable=False),
    Column("breakdown", String(40), nullable=False),
    Column("row_key", String(60), nullable=False),
    Column("column_key", String(20), nullable=False),
    Column("value", Float),  # NULL where disclosure control hid it
    Column("suppressed", Boolean, nullable=False),
    Column("ref", String(40)),
)

# ---------------------------------------------------------------- Better Off: saved cases and outcomes
# A case exists only because an adviser chose to save it; it holds the household's answers (no
# name, address or other identifier: the reference is random). Outcomes are append-only
# revisions, each with its change set, so a corrected award never loses the one before.

better_off_case = Table(
    "better_off_case",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(40), nullable=False, unique=True),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("adviser", String(320), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("tax_year", String(7), nullable=False),
    Column("answers", JSON, nullable=False),
    Column("entitlements", JSON, nullable=False),
    Column("unclaimed_per_year", Float, nullable=False),
    Column("policyengine_version", String(20), nullable=False),
)

better_off_outcome = Table(
    "better_off_outcome",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", ForeignKey("better_off_case.id"), nullable=False),
    Column("benefit", String(40), nullable=False),
    Column("claimed", Boolean, nullable=False),
    Column("award", Float),
    Column("award_period", String(10)),
    Column("award_per_year", Float, nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("change_set_id", ForeignKey("change_set.id"), nullable=False),
    Column("supersedes_id", Integer),
    Index("ix_better_off_outcome_case", "case_id", "benefit", "id"),
)

search_entry = Table(
    "search_entry",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("href", Text, nullable=False),
)
"""What the site search finds: measures, indicators, areas, pages and data notes, rebuilt from the shipped
dataset and the open data whenever they load. Each database indexes it with its own full-text engine,
which the migration creates and `search_engine_object` names: an FTS5 table on SQLite, a generated
`tsvector` column with a GIN index on PostgreSQL."""

SEARCH_FTS = "search_fts"


def search_engine_object(name: str | None, type_: str) -> bool:
    """Whether a database object is the search engine's own (FTS5's table and its shadow tables, or
    PostgreSQL's tsvector column and index), which the schema above does not describe."""
    found = name or ""
    return found.startswith(SEARCH_FTS) or (
        type_ in ("column", "index") and found in ("document", "ix_search_document")
    )
