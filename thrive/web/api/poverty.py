"""Poverty runs over the API: the council's published band tables and protected model runs.

Only what the store holds is served, and the store holds nothing but figures that passed
disclosure control: a hidden count is `null` with `suppressed: true`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel

from thrive.poverty.summary import distributions
from thrive.store import poverty as poverty_store
from thrive.store.poverty import poverty_runs, run_figures
from thrive.web.api.caching import conditional
from thrive.web.api.errors import ONE_RESPONSES, READ_RESPONSES, not_found
from thrive.web.api.paging import Page, Paging, make_page, paging
from thrive.web.api.published import snapshot

router = APIRouter(tags=["poverty"])
LARGEST_RUN_ID = 2**31 - 1
"""Run ids are 32-bit integers in the store."""


class PovertyRun(BaseModel):
    id: int
    kind: Literal["published", "model"]
    title: str
    source: str
    synthetic: bool
    first_year: int
    last_year: int
    line_set: str | None
    disclosure: dict[str, Any] | None


class PovertyFigure(BaseModel):
    year: int
    breakdown: str
    row: str
    column: str
    value: float | None
    suppressed: bool
    ref: str | None


class BandShare(BaseModel):
    key: str
    label: str
    households: float | None
    percent: float | None


class BandDistribution(BaseModel):
    year: int
    households: float | None
    bands: list[BandShare]
    below_lines: list[BandShare]


class PovertyRunDetail(PovertyRun):
    distributions: list[BandDistribution]
    figures: list[PovertyFigure]


class PovertyRunPage(Page[PovertyRun]):
    pass


def _run(stored: poverty_store.PovertyRun) -> PovertyRun:
    kind: Literal["published", "model"] = "model" if stored.kind == "model" else "published"
    return PovertyRun(
        id=stored.id,
        kind=kind,
        title=stored.title,
        source=stored.source,
        synthetic=stored.synthetic,
        first_year=stored.first_year,
        last_year=stored.last_year,
        line_set=stored.line_set,
        disclosure=stored.disclosure,
    )


@router.get("/poverty/runs", response_model=PovertyRunPage, responses=READ_RESPONSES)
def list_poverty_runs(request: Request, chosen: Annotated[Paging, Depends(paging)]) -> Response:
    """Every stored band distribution: the council's published tables and protected model runs."""
    published = snapshot(request)
    engine = request.app.state.engine

    def build() -> PovertyRunPage:
        return make_page(PovertyRunPage, request, [_run(r) for r in poverty_runs(engine)], chosen)

    return conditional(request, published, build)


@router.get("/poverty/runs/{run_id}", response_model=PovertyRunDetail, responses=ONE_RESPONSES)
def get_poverty_run(request: Request, run_id: Annotated[int, Path(ge=1, le=LARGEST_RUN_ID)]) -> Response:
    """One run: Luton's distribution for each year and every figure, with hidden counts as null."""
    published = snapshot(request)
    engine = request.app.state.engine
    found = poverty_runs(engine, run_id)
    if not found:
        raise not_found(f"There is no poverty run {run_id}.")

    def build() -> PovertyRunDetail:
        figures = run_figures(engine, run_id)
        return PovertyRunDetail(
            **_run(found[0]).model_dump(),
            distributions=[BandDistribution.model_validate(d.to_dict()) for d in distributions(figures)],
            figures=[
                PovertyFigure(
                    year=f.year,
                    breakdown=f.breakdown,
                    row=f.row_key,
                    column=f.column_key,
                    value=f.value,
                    suppressed=f.suppressed,
                    ref=f.ref,
                )
                for f in figures
            ],
        )

    return conditional(request, published, build)
