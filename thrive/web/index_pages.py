"""Public pages for the Thriving People Index (Luton and its wards, a scorecard per ward with its LSOAs) and for
deprivation (IoD2019 and IoD2025 side by side). They show stored runs and imports; they compute
no judgement of their own.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.data.iod import cited_files, iod_releases, lsoa_ward_names
from thrive.framework.area import LUTON
from thrive.index.deprivation import DECILES
from thrive.index.publication import experimental
from thrive.presentation.charts import Line, line_chart
from thrive.store.reads import latest_deprivation_releases, latest_index_run, read_connection
from thrive.web.maps import WIDTH, WardShape, lsoa_shapes, ward_shapes
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


def index_run(request: Request) -> dict[str, Any] | None:
    """The newest stored run of the Thriving People Index (None before the first)."""
    with read_connection(site(request).engine) as connection:
        return latest_index_run(connection)


PUBLIC = "/thriving-people-index"
WORKSPACE = "/workspace/thriving-people-index"


@router.get(PUBLIC, response_class=HTMLResponse)
def index_page(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        run = index_run(request)
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
    run = index_run(request)
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
    run = index_run(request)
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
"""ColorBrewer PuBu, five classes, darkest for England's most deprived (deciles 1 and 2) or Luton's most
deprived fifth."""
DOMAINS = {
    "income": ("income_transformed", "Income"),
    "employment": ("employment_transformed", "Employment"),
    "education": ("education_transformed", "Education, skills and training"),
    "health": ("health_transformed", "Health deprivation and disability"),
    "crime": ("crime_transformed", "Crime"),
    "barriers": ("barriers_transformed", "Barriers to housing and services"),
    "living-environment": ("living_environment_transformed", "Living environment"),
}
"""The seven domains of the English Indices of Deprivation, as the release names them, by the address of
their map, with the File 9 (exponentially transformed) score each is drawn from."""
FIFTHS = ("most deprived fifth", "second", "middle", "fourth", "least deprived fifth")


Mapped = tuple[tuple[tuple[WardShape, ...], float], dict[str, str | None]]
"""A release's LSOA shapes with the map's height, and each LSOA's ward."""


def _mapped_release(summary: dict[str, Any]) -> Mapped | None:
    """The release's LSOA shapes and each LSOA's ward, where the release ships its boundaries."""
    release = iod_releases().get(int(summary["release"]))
    if release is None or release.boundaries is None:
        return None
    return lsoa_shapes(release.boundaries), lsoa_ward_names(release)


def _map_view(summary: dict[str, Any], shown: dict[str, tuple[int, str, float]], **words: Any) -> dict[str, Any] | None:
    """A map of the release's LSOAs: `shown` gives each its shade (0 darkest), its figure in words, and
    where it sorts in the table."""
    mapped = _mapped_release(summary)
    if mapped is None or not shown:
        return None
    (shapes, height), wards = mapped
    lsoas = [
        {
            "code": s.code,
            "name": s.name,
            "path": s.path,
            "shade": shown[s.code][0],
            "shown": shown[s.code][1],
            "order": shown[s.code][2],
            "ward": wards.get(s.code) or "–",
        }
        for s in shapes
        if s.code in shown
    ]
    return {"release": summary, "lsoas": lsoas, "height": height, "width": WIDTH, "shades": DECILE_SHADES, **words}


def _decile_map(summary: dict[str, Any]) -> dict[str, Any] | None:
    """An LSOA map of a release's IMD deciles, two deciles a shade, where the release ships boundaries
    and the import kept each LSOA's decile; its table lists every LSOA with its ward and decile."""
    deciles: dict[str, int] = summary.get("lsoa_deciles") or {}
    shown = {code: ((d - 1) // 2, str(d), float(d)) for code, d in deciles.items()}
    worst = sum(1 for d in deciles.values() if d <= 2)
    boundaries = str(summary["geography"]).replace("LSOA ", "")
    return _map_view(
        summary,
        shown,
        description=f"Map of Luton’s {len(deciles)} neighbourhoods (LSOAs, {boundaries}) shaded by their "
        f"national decile of the Index of Multiple Deprivation, {summary['release']}: darker is more deprived. "
        f"{worst} are in England’s most deprived 20%.",
        classes=[f"deciles {2 * i + 1} and {2 * i + 2}" + (" (most deprived)" if i == 0 else "") for i in range(5)],
        caption=f"Luton’s neighbourhoods by decile, {summary['release']} (the map as a table)",
    )


def _domain_map(summary: dict[str, Any], slug: str) -> dict[str, Any] | None:
    """An LSOA map of one domain's score, shaded by fifths of Luton’s neighbourhoods (the scores rank
    areas; they are not a national decile, so the map says it compares Luton’s areas with each other)."""
    field, name = DOMAINS[slug]
    scores = {c: v[field] for c, v in (summary.get("lsoa_scores") or {}).items() if v.get(field) is not None}
    if not scores:
        return None
    ranked = sorted(scores, key=lambda c: -scores[c])
    shown = {c: (i * len(FIFTHS) // len(ranked), f"{scores[c]:.1f}", float(i)) for i, c in enumerate(ranked)}
    return _map_view(
        summary,
        shown,
        name=name,
        description=f"Map of Luton’s {len(scores)} neighbourhoods (LSOAs) shaded by their {name.lower()} domain "
        f"score, {summary['release']}, in fifths of Luton’s neighbourhoods: darker is more deprived.",
        classes=[f"Luton’s {f}" if i in (0, len(FIFTHS) - 1) else f"{f} fifth" for i, f in enumerate(FIFTHS)],
        caption=f"Luton’s neighbourhoods by {name.lower()} score, {summary['release']}, most deprived first",
    )


def deprivation_releases(request: Request) -> dict[int, dict[str, Any]]:
    """The newest import of each release of the Indices of Deprivation, by year."""
    with read_connection(site(request).engine) as connection:
        return latest_deprivation_releases(connection)


def _domain_release(releases: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The newest release whose domain scores were kept with it and whose boundaries Thrive ships."""
    held = [r["summary"] for _, r in sorted(releases.items(), reverse=True) if r["summary"].get("lsoa_scores")]
    return next((s for s in held if _mapped_release(s) is not None), None)


@router.get("/deprivation/domains/{domain}", response_class=HTMLResponse)
def domain_map_page(request: Request, domain: str) -> Response:
    """One domain's map: a page per domain, so each has an address to share."""
    if domain not in DOMAINS:
        raise PageNotFoundError(f"There is no deprivation domain called '{domain}'.")

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        summary = _domain_release(deprivation_releases(request))
        found = None if summary is None else _domain_map(summary, domain)
        if found is None:
            raise PageNotFoundError("No release with neighbourhood domain scores has been imported yet.")
        name = DOMAINS[domain][1]
        return {
            "title": f"{name}: deprivation in Luton’s neighbourhoods",
            "section": "index",
            "map": found,
            "domain": domain,
            "domains": [(slug, n) for slug, (_, n) in DOMAINS.items()],
        }

    return cached_page(request, f"deprivation-domain:{domain}", build, "index/domain_map.html")


@router.get("/deprivation", response_class=HTMLResponse)
def deprivation_page(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        releases = deprivation_releases(request)
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
            "domains": [(slug, n) for slug, (_, n) in DOMAINS.items()] if _domain_release(releases) else [],
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
