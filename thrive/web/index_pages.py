"""Public pages for the Thriving People Index (Luton and its wards, a scorecard per ward with its LSOAs) and for
deprivation (IoD2019 and IoD2025 side by side). They show stored runs and imports; they compute
no judgement of their own.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.data.iod import cited_files, iod_releases, luton_lsoas
from thrive.framework.area import LUTON
from thrive.index.deprivation import DECILES
from thrive.index.publication import experimental
from thrive.presentation.charts import Line, line_chart
from thrive.store.reads import latest_deprivation_releases, latest_index_run, read_connection
from thrive.web.maps import WIDTH, lsoa_shapes, ward_shapes
from thrive.web.page_templates import templates
from thrive.web.public import PageNotFoundError, cached_page, site
from thrive.web.security import require_user
from thrive.web.site import PublicSnapshot

router = APIRouter()
SHADES = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")
"""ColorBrewer PuBu, five classes: darker is a higher score, as the council's own map (001:558)."""
BAND_WIDTH = 20


def _band(score: float | None) -> int | None:
    return None if score is None else min(int(score // BAND_WIDTH), len(SHADES) - 1)


def _index_run(request: Request) -> dict[str, Any] | None:
    with read_connection(site(request).engine) as connection:
        return latest_index_run(connection)


PUBLIC = "/thriving-people-index"
WORKSPACE = "/workspace/thriving-people-index"


@router.get(PUBLIC, response_class=HTMLResponse)
def index_page(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        run = _index_run(request)
        if run is not None and experimental(run["results"]):
            return _method_context(run)
        return {"title": "Thriving People Index", "section": "index", "run": run, **_index_context(run, PUBLIC)}

    return cached_page(request, "thriving-people-index", build, "index/index.html")


@router.get(PUBLIC + "/wards/{code}", response_class=HTMLResponse)
def scorecard(request: Request, code: str) -> Response:
    run = _ward_run(request, code)
    if experimental(run["results"]):
        area = _area(run["results"], max(run["results"]["years"]), code)
        return cached_page(request, f"scorecard:{code}", lambda _: _method_context(run, area), "index/scorecard.html")
    return cached_page(
        request, f"scorecard:{code}", lambda _: _scorecard_context(run, code, PUBLIC), "index/scorecard.html"
    )


@router.get(WORKSPACE, response_class=HTMLResponse)
def experimental_index_page(request: Request) -> Response:
    """The scores, ranks and ward map an officer may examine while the index is experimental."""
    user, _ = require_user(request)
    run = _index_run(request)
    context = {"title": "Thriving People Index (experimental)", "section": "workspace", "signed_in": user}
    context |= {"run": run, "experimental": run is not None and experimental(run["results"])}
    return templates.TemplateResponse(request, "index/index.html", context | _index_context(run, WORKSPACE))


@router.get(WORKSPACE + "/wards/{code}", response_class=HTMLResponse)
def experimental_scorecard(request: Request, code: str) -> Response:
    user, _ = require_user(request)
    run = _ward_run(request, code)
    context = _scorecard_context(run, code, WORKSPACE) | {"section": "workspace", "signed_in": user}
    context |= {
        "title": f"{context['area']['name']}: experimental scorecard",
        "experimental": experimental(run["results"]),
    }
    return templates.TemplateResponse(request, "index/scorecard.html", context)


def _ward_run(request: Request, code: str) -> dict[str, Any]:
    run = _index_run(request)
    if run is None or not any(a["code"] == code and a["kind"] == "ward" for a in _latest(run)["areas"]):
        raise PageNotFoundError(f"There is no Thriving People Index scorecard for '{code}'.")
    return run


def _method_context(run: dict[str, Any], area: dict[str, Any] | None = None) -> dict[str, Any]:
    """How the index is made and which indicators are real: what the public sees while it is experimental."""
    results = run["results"]
    indicators = results["names"]["indicators"]
    return {
        "method_only": True,
        "title": f"{area['name']}: Thriving People Index" if area else "Thriving People Index",
        "section": "index",
        "area": area,
        "run_info": run,
        "names": results["names"],
        "framework": results["framework"],
        "weighting": results["weighting"],
        "synthetic": results["synthetic_indicators"],
        "real": [i for code, i in indicators.items() if code not in results["synthetic_indicators"]],
        "indicator_count": len(indicators),
    }


def _index_context(run: dict[str, Any] | None, base: str) -> dict[str, Any]:
    if run is None:
        return {"base": base}
    results = run["results"]
    years = sorted(results["years"])
    latest = results["years"][years[-1]]
    wards = [a for a in latest["areas"] if a["kind"] == "ward"]
    luton = next(a for a in latest["areas"] if a["kind"] == "town")
    by_code = {a["code"]: a for a in wards}
    shapes, height = ward_shapes()
    return {
        "base": base,
        "year": years[-1],
        "years": years,
        "wards": sorted(wards, key=lambda a: a["rank"] or 99),
        "luton": luton,
        "quality": latest["quality"],
        "drivers": (latest["uncertainty"] or {}).get("drivers", {}),
        "draws": (latest["uncertainty"] or {}).get("draws"),
        "synthetic": results["synthetic_indicators"],
        "names": results["names"],
        "framework": results["framework"],
        "weighting": results["weighting"],
        "shapes": [
            {"code": s.code, "name": s.name, "path": s.path, "band": _band(by_code.get(s.code, {}).get("index"))}
            for s in shapes
        ],
        "shades": SHADES,
        "band_width": BAND_WIDTH,
        "map_width": WIDTH,
        "map_height": height,
        "trend": _trend(results, years, LUTON, "Luton"),
        "trend_rows": [(y, _area(results, y, LUTON)) for y in years],
        "run_info": run,
        "lsoa": results.get("lsoa"),
        "lsoa_sources": cited_files((results.get("lsoa") or {}).get("files", [])),
        "lsoa_count": len(latest.get("lsoas", [])),
    }


def _scorecard_context(run: dict[str, Any], code: str, base: str) -> dict[str, Any]:
    results = run["results"]
    years = sorted(results["years"])
    area = _area(results, years[-1], code)
    return {
        "title": f"{area['name']}: Thriving People Index scorecard",
        "section": "index",
        "base": base,
        "area": area,
        "year": years[-1],
        "luton": _area(results, years[-1], LUTON),
        "trend": _trend(results, years, code, area["name"]),
        "trend_rows": [(y, _area(results, y, code)) for y in years],
        "synthetic": results["synthetic_indicators"],
        "names": results["names"],
        "run_info": run,
        "lsoa": results.get("lsoa"),
        "lsoa_sources": cited_files((results.get("lsoa") or {}).get("files", [])),
        "lsoas": _ward_lsoas(results, years[-1], code),
        "lsoa_count": len(results["years"][years[-1]].get("lsoas", [])),
    }


def _ward_lsoas(results: dict[str, Any], year: str, ward: str) -> list[dict[str, Any]]:
    """The ward's LSOAs, best first, each with the components where it stands out from similar LSOAs."""
    names = results["names"]["components"]
    return [
        {
            **a,
            "strengths": [names[c] for c, v in a["components"].items() if v["verdict"] == "strength"],
            "weaknesses": [names[c] for c, v in a["components"].items() if v["verdict"] == "weakness"],
        }
        for a in sorted(results["years"][year].get("lsoas", []), key=lambda a: a["rank"])
        if a["ward"] == ward
    ]


def _latest(run: dict[str, Any]) -> dict[str, Any]:
    years: dict[str, Any] = run["results"]["years"]
    return dict(years[max(years)])


def _area(results: dict[str, Any], year: str, code: str) -> dict[str, Any]:
    return dict(next(a for a in results["years"][year]["areas"] if a["code"] == code))


def _trend(results: dict[str, Any], years: list[str], code: str, name: str) -> str:
    values = [_area(results, y, code)["index"] for y in years]
    return line_chart(
        f"Thriving People Index for {name}, {years[0]} to {years[-1]}",
        [Line(name, [float(y) for y in years], [float(v) for v in values])],
        unit_label="Score (0 to 100)",
        zero_based=True,
        ticks=[(float(y), y) for y in years],
        height=2.6,
    )


DECILE_SHADES = ("#045a8d", "#2b8cbe", "#74a9cf", "#bdc9e1", "#f1eef6")
"""ColorBrewer PuBu, five classes, darkest for deciles 1 and 2 (England's most deprived 20%)."""


def _decile_map(summary: dict[str, Any]) -> dict[str, Any] | None:
    """An LSOA map of a release's IMD deciles, two deciles a shade, where the release ships boundaries
    and the import kept each LSOA's decile; its table lists every LSOA with its ward and decile."""
    release = iod_releases().get(int(summary["release"]))
    deciles: dict[str, int] = summary.get("lsoa_deciles") or {}
    if release is None or release.boundaries is None or not deciles:
        return None
    shapes, height = lsoa_shapes(release.boundaries)
    lookup = luton_lsoas(release)
    wards = dict(zip(lookup["lsoa_code"], lookup["ward_name"], strict=True))
    shown = [
        {"code": s.code, "name": s.name, "path": s.path, "decile": deciles[s.code], "ward": wards.get(s.code) or "–"}
        for s in shapes
        if s.code in deciles
    ]
    return {
        "release": summary,
        "lsoas": shown,
        "height": height,
        "width": WIDTH,
        "shades": DECILE_SHADES,
        "most_deprived_20": sum(1 for s in shapes if deciles.get(s.code, 99) <= 2),
    }


@router.get("/deprivation", response_class=HTMLResponse)
def deprivation_page(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        with read_connection(site(request).engine) as connection:
            releases = latest_deprivation_releases(connection)
        shown = [
            {**releases[y], "sources": cited_files([f["name"] for f in releases[y]["files"]])} for y in sorted(releases)
        ]
        ward_codes = sorted(
            {w["area"]: w["name"] for r in shown for w in r["summary"]["wards"]}.items(), key=lambda p: p[1]
        )
        return {
            "title": "Deprivation in Luton",
            "section": "index",
            "releases": shown,
            "decile_maps": [found for r in shown if (found := _decile_map(r["summary"])) is not None],
            "deciles": DECILES,
            "wards": [
                {
                    "code": code,
                    "name": name,
                    "by_release": [next((w for w in r["summary"]["wards"] if w["area"] == code), None) for r in shown],
                }
                for code, name in ward_codes
            ],
        }

    return cached_page(request, "deprivation", build, "index/deprivation.html")
