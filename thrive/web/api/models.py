"""What the API returns, as Pydantic models: the OpenAPI document is generated from these.

Measures keep the shape `thrive measures --json` and `thrive show --json` promise (README,
"JSON shapes"), so a client can move between the command line and the API without relearning it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from thrive.assess.model import Status
from thrive.framework import AreaType, Match, PeriodKind, Polarity, TargetKind
from thrive.framework.roadmap import Frequency
from thrive.web.api.paging import Page


class LatestFigure(BaseModel):
    value: float | None
    period: str = Field(description="The period as published, such as 2023 or 2023/24.")


class TargetPart(BaseModel):
    text: str = Field(description="The published wording, such as '7.7%' or 'National average'.")
    value: float | None = Field(description="The number, where the wording gives one.")
    kind: TargetKind


class Milestone(TargetPart):
    series: Annotated[
        dict[str, TargetPart] | None,
        Field(description="For a measure with several series: each series' own wording and value."),
    ] = None


class SeriesSummary(BaseModel):
    id: str
    label: str
    unit: str
    latest: LatestFigure | None = Field(description="The newest published Luton figure, or null.")


class Measure(BaseModel):
    """A measure of the Road Map, as `thrive measures --json` shows it."""

    id: str
    priority: str
    outcome: str
    measure: str = Field(description="The measure's published wording.")
    headline: bool
    polarity: Polarity
    unit: str
    groups: list[str] = Field(description="Partnership groups proposed as owners (see /api/groups).")
    latest: LatestFigure | None = Field(description="The newest published Luton figure of the first series.")
    milestones: dict[str, Milestone] = Field(description="Milestones by year (2027, 2031, 2035).")
    target_2040: Milestone | None
    published_trend: str | None
    series: list[SeriesSummary]


class MeasureNote(BaseModel):
    text: str
    ref: str | None


class MeasureTarget(BaseModel):
    series: str
    year: int
    text: str
    value: float | None
    kind: TargetKind
    ref: str | None
    note: str | None


class MeasureDetail(Measure):
    """One measure with its definition, source, notes and every target."""

    definition: str
    source: str
    frequency: Frequency
    notes: list[MeasureNote]
    priority_table: dict[str, str] = Field(description="The row as the Progress Report's priority table prints it.")
    targets: list[MeasureTarget]


class Series(BaseModel):
    """One line of numbers for a measure; most measures have one."""

    id: str
    measure: str
    label: str
    unit: str
    latest: LatestFigure | None = Field(description="The newest published Luton figure, or null.")


Flag = Literal["provisional", "estimated", "not_comparable", "break_in_series", "suppressed", "low_reliability"]


class Observation(BaseModel):
    """One published figure: a value for one series, in one area, for one period."""

    measure: str
    series: str
    area: str = Field(description="The area's GSS code.")
    area_name: str | None
    period: str = Field(description="The period as published.")
    period_kind: PeriodKind
    period_start: dt.date
    period_end: dt.date
    value: float | None
    numerator: float | None
    denominator: float | None
    lower_ci: float | None
    upper_ci: float | None
    flags: list[Flag]
    source: str | None
    note: str | None
    ref: str | None = Field(description="Where the figure came from, such as '003:674' (document 003, line 674).")


class IndicatorCoverage(BaseModel):
    areas: int = Field(description="How many areas have a figure (England, regions and local authorities).")
    figures: int = Field(description="How many figures there are, suppressed ones included.")
    first_period: str | None = Field(description="The earliest period as published, such as 2011-13 or 2008-04-16.")
    last_period: str | None = Field(description="The latest period as published.")


class IndicatorLink(BaseModel):
    """How a Road Map series uses an indicator."""

    measure: str
    series: str
    match: Match = Field(
        description="exact: the measure's own statistic, whose figures extend the series; proxy: a close statistic "
        "on a different basis; context: a related statistic shown beside the measure."
    )
    match_label: str = Field(description="The match in words: Exact match, Proxy (a different basis), Context only.")
    note: str


class Indicator(BaseModel):
    """An official statistic as its publisher defines it, with what Thrive holds of it."""

    id: str
    title: str
    definition: str
    unit: str
    polarity: Polarity
    period_type: str = Field(description="calendar_year, financial_year, academic_year, rolling or snapshot.")
    source: str
    publisher: str
    licence: str
    url: str | None = Field(description="The publisher's page for the statistic.")
    caveats: str | None
    coverage: IndicatorCoverage
    links: list[IndicatorLink] = Field(description="The Road Map series it feeds (exact) or informs (proxy, context).")


class IndicatorArea(BaseModel):
    code: str = Field(description="The GSS code.")
    name: str | None
    figures: int


class IndicatorPeriod(BaseModel):
    period: str = Field(description="The period as published.")
    period_kind: PeriodKind
    period_start: dt.date
    period_end: dt.date
    figures: int


class IndicatorDetail(Indicator):
    """One indicator with every area and period it holds figures for."""

    areas: list[IndicatorArea] = Field(description="By GSS code.")
    periods: list[IndicatorPeriod] = Field(description="Oldest first.")


class IndicatorObservation(BaseModel):
    """One published figure of an indicator. A suppressed figure has a null value and the flag."""

    indicator: str
    area: str = Field(description="The area's GSS code.")
    area_name: str | None
    period: str = Field(description="The period as published.")
    period_kind: PeriodKind
    period_start: dt.date
    period_end: dt.date
    value: float | None
    numerator: float | None
    denominator: float | None
    lower_ci: float | None = Field(description="The lower end of the 95% confidence interval, where published.")
    upper_ci: float | None = Field(description="The upper end of the 95% confidence interval, where published.")
    flags: list[Flag]
    source: str | None
    note: str | None


class Area(BaseModel):
    code: str = Field(description="The GSS code, such as E06000032 for Luton.")
    name: str
    type: AreaType
    parent: str | None
    vintage: str | None


class GroupMeasure(BaseModel):
    id: str
    measure: str = Field(description="The measure's published wording.")
    ownership: Literal["stated", "proposed"] = Field(
        description="'stated' where the council's documents say the group owns the measure; "
        "'proposed' where Thrive's transcription proposes it and the council has not confirmed it."
    )
    confirmed: bool = Field(description="False while the ownership is only a proposal.")
    ref: str | None = Field(description="The document line that states the ownership, where one does.")


class PartnershipGroup(BaseModel):
    """A partnership group and the measures it owns or is proposed to own."""

    code: str
    name: str
    confirmed: bool = Field(description="Whether the documents name the group (not whether its ownership is agreed).")
    note: str | None
    ref: str | None
    measures: list[GroupMeasure]


class Revision(BaseModel):
    """A change to a published figure: what it was, what it became and why. Who made it stays inside the council."""

    measure: str
    series: str
    area: str
    period: str
    date: dt.date = Field(description="The day the new figure was published.")
    before: float | None = Field(description="The figure published before, or null if this was the first.")
    after: float | None
    why: str


class Projection(BaseModel):
    year: int
    value: float
    lower: float | None = None
    upper: float | None = None


class Progress(BaseModel):
    status: Status
    reason: str
    baseline: float | None = None
    baseline_period: str | None = None
    latest: float | None = None
    latest_period: str | None = None
    expected: float | None = None
    share_covered: float | None = None
    next_milestone: dict[str, Any] | None = None
    projections: list[Projection] = Field(default_factory=list)
    target_met_year: int | None = None
    deliverables: dict[str, int] | None = None
    rule: str | None = Field(default=None, description="The rule that decided the status, in words.")
    projection_reason: str = Field(
        default="", description="What the recent trend says about the milestones, or why there is no projection."
    )


class Trend(BaseModel):
    judgement: str = Field(
        description="Improving, No major change, Getting worse, Increasing, Decreasing, or Not assessable."
    )
    reason: str
    method: str
    p_value: float | None = None
    rule: str | None = None
    points: int = 0
    published: str | None = None
    agrees_with_published: bool | None = None
    difference: str | None = None


class Comparison(BaseModel):
    comparator: str
    comparator_name: str
    comparison: str = Field(description="better, similar, worse; higher or lower without polarity; or 'quartile N'.")
    reason: str
    method: str
    period: str | None = None
    value: float | None = None
    comparator_value: float | None = None
    rank: int | None = None
    of: int | None = None
    quartile: int | None = None
    model: str | None = Field(default=None, description="For a rank among neighbours: the neighbour model's name.")
    ranked: list[tuple[str, float]] = Field(
        default_factory=list, description="For a rank: every place with a figure, best first, as [GSS code, value]."
    )
    ranked_against_england: list[str] = Field(
        default_factory=list,
        description="For a rank: each ranked place, in the same order, against England by Fingertips' test "
        "(better, similar, worse, higher, lower, or not_compared without a 95% interval).",
    )


class Benchmark(BaseModel):
    comparisons: list[Comparison]
    reason: str


class SeriesAssessment(BaseModel):
    measure_id: str
    series_id: str
    series_label: str
    progress: Progress
    trend: Trend
    benchmark: Benchmark


class Assessment(BaseModel):
    """A measure's judgement in the published view, as `thrive assess --json` gives it."""

    measure: str
    wording: str
    priority: str
    headline: bool
    status: Status = Field(description="The worst judged series' status (see deciding_series).")
    reason: str
    deciding_series: str | None = Field(default=None, description="The series whose status is the measure's.")
    trend: str
    trend_reason: str
    benchmark: str
    series: list[SeriesAssessment]


class Run(BaseModel):
    """The assessment run the judgements come from: when, and on which version of the published figures."""

    id: int
    created_at: dt.datetime
    as_of: dt.date | None
    data_version: int


class AssessmentDetail(Assessment):
    run: Run


class MeasurePage(Page[Measure]):
    pass


class SeriesPage(Page[Series]):
    pass


class ObservationPage(Page[Observation]):
    pass


class AreaPage(Page[Area]):
    pass


class IndicatorPage(Page[Indicator]):
    pass


class IndicatorObservationPage(Page[IndicatorObservation]):
    pass


class PartnershipGroupPage(Page[PartnershipGroup]):
    pass


class RevisionPage(Page[Revision]):
    pass


class AssessmentPage(Page[Assessment]):
    run: Run
