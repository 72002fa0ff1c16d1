"""The Thriving People Index and deprivation pages over a real server, from stored runs and imports.

While most of the index's indicators are synthetic, the public sees the method and the real indicators
only; officers see the scores, ranks and map in the workspace, marked experimental (issue 17)."""

from __future__ import annotations

import itertools
import re

import httpx
import pandas as pd
from sqlalchemy import Engine

from tests.conftest import FIXTURES
from tests.web.conftest import PASSWORD, Tokens
from tests.web.helpers import sign_in
from thrive.data.index_framework import shipped_framework_path
from thrive.datasets import OPEN_DATA
from thrive.services.deprivation_imports import import_deprivation
from thrive.services.index_runs import compute_and_store

IOD2019 = OPEN_DATA / "iod2019"
IOD2025 = OPEN_DATA / "iod2025" / "imd2025_england_lsoa21_humaniverse.csv.gz"
WORKSPACE = "/workspace/thriving-people-index"
LUTON_EXTRACT = FIXTURES / "imd2019_lsoa_england" / "luton_E06000032_lsoa_extract.csv"


def _import_iod2019(engine: Engine) -> None:
    """IoD2019's domains (File 2) and transformed scores (File 9), as an analyst imports them."""
    import_deprivation(
        engine,
        [
            IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz",
            IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz",
        ],
        2019,
        actor="analyst@luton.gov.uk",
    )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_while_most_indicators_are_synthetic_the_public_index_shows_the_method_and_no_score_rank_or_map(
    engine: Engine, client: httpx.Client
) -> None:
    assert "has not been computed yet" in client.get("/thriving-people-index").text
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    page = client.get("/thriving-people-index")

    assert page.status_code == 200
    text = _text(page.text)
    assert "scores and ranks are not published yet. 29 of its 34 indicators still use synthetic" in text
    assert "5 of the 34 indicators are real data" in text and "Crime deprivation score (IoD2019)" in text
    assert page.text.count("Synthetic for now</strong>") == 29 and page.text.count("Real data</strong>") == 5
    assert "/wards/E05" not in page.text and "thrive-map" not in page.text
    assert not re.search(r"\bRank\b|\brank \d|\b(Strength|Weakness)\b", text)  # no table, rank or badge
    assert not re.search(r"\d+\.\d out of 100", text)


def test_a_public_ward_scorecard_gives_no_synthetic_score_and_points_to_the_ward_s_real_data(
    engine: Engine, client: httpx.Client
) -> None:
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    page = client.get("/thriving-people-index/wards/E05002211")

    assert page.status_code == 200
    text = _text(page.text)
    assert "Wigmore: Thriving People Index" in text
    assert 'href="/areas/E05002211"' in page.text and 'href="/deprivation"' in page.text
    assert not re.search(r"\bRank\b|\brank \d|\b(Strength|Weakness|Neutral)\b", text)
    assert client.get("/thriving-people-index/wards/E06000032").status_code == 404


def test_officers_see_the_scores_ranks_and_map_in_the_workspace_marked_experimental(
    engine: Engine, client: httpx.Client, tokens: Tokens
) -> None:
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")
    assert client.get("/workspace/thriving-people-index").status_code == 303  # to the sign-in page
    sign_in(client, "viewer@luton.gov.uk", PASSWORD)

    page = client.get("/workspace/thriving-people-index")
    scorecard = client.get("/workspace/thriving-people-index/wards/E05002211")

    assert page.status_code == 200 and scorecard.status_code == 200
    text = _text(page.text)
    assert "Experimental: officers only" in text and "These scores, ranks and the ward map are not published." in text
    assert page.text.count('href="/workspace/thriving-people-index/wards/E05') >= 38  # map shapes and table rows
    assert "Ward scores and ranks in 2023 (the map as a table)" in text
    assert "Cronbach’s alpha" in text and "Personal Safety" in text
    card = _text(scorecard.text)
    assert "Experimental: officers only" in card and "of Luton’s 19 wards" in card
    assert re.search(r"(Strength|Weakness|Neutral)", card)
    assert scorecard.headers["cache-control"] == "no-store"


def test_deprivation_page_puts_2019_and_2025_side_by_side_with_the_break_in_series(
    engine: Engine, client: httpx.Client
) -> None:
    _import_iod2019(engine)
    import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")

    text = _text(client.get("/deprivation").text)

    assert "In England’s 10% most deprived (IMD) 4 17" in text
    assert "10:34 1:59" in text  # the published 20:20 index for 2019 (002:1224), and 2025
    assert "Break in series in 2025." in text
    # The decile map: IoD2019 ships LSOA boundaries; IoD2025's 2021 LSOAs have none yet.
    html = client.get("/deprivation").text
    assert "Map: Luton’s neighbourhoods by decile, English Indices of Deprivation 2019" in text
    assert "by decile, English Indices of Deprivation 2025" not in text
    (figure,) = re.findall(r'<figure class="thrive-map">.*?</figure>', html, flags=re.S)
    assert figure.count("<path ") == 121
    assert len(re.findall(r"\): decile 1</title>", figure)) == 4  # 003:709
    most_deprived_20 = len(re.findall(r"\): decile [12]</title>", figure))
    assert f"{most_deprived_20} are in England’s most deprived 20%" in figure
    measure = _text(client.get("/measures/most-deprived-lsoas").text)
    assert "The 2025 figure starts a break in series" in measure


def test_ward_scorecard_lists_its_lsoas_with_scores_ranks_and_intervals_once_file_9_is_imported(
    engine: Engine, client: httpx.Client, tokens: Tokens
) -> None:
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")
    sign_in(client, "viewer@luton.gov.uk", PASSWORD)
    assert "This run scores no LSOAs" in _text(client.get(f"{WORKSPACE}/wards/E05002193").text)
    _import_iod2019(engine)
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    text = _text(client.get(f"{WORKSPACE}/wards/E05002193").text)

    # Barnfield's LSOAs (2011) in the ONS LSOA11 to WD19 lookup (luton_E06000032_lsoa_extract.csv).
    barnfield = ["Luton 007A", "Luton 007B", "Luton 007C", "Luton 007D", "Luton 007E"]
    extract = LUTON_EXTRACT.read_text(encoding="utf-8-sig").splitlines()
    assert sorted(line.split(",")[1] for line in extract if line.endswith(",E05002193,Barnfield")) == barnfield
    assert "LSOAs in Barnfield: scores, ranks and 95% intervals, 2023" in text
    assert "Rank of 121" in text
    for name in barnfield:
        assert name in text
    assert "Luton 007A (E01015693)" in text
    assert "29 of the indicators are synthetic at LSOA level too." in text
    assert "LSOAs (2011) are scored too" in _text(client.get(WORKSPACE).text)


def test_each_deprivation_domain_has_a_map_of_lutons_neighbourhoods_by_fifths(
    engine: Engine, client: httpx.Client
) -> None:
    _import_iod2019(engine)
    links = re.findall(r'href="(/deprivation/domains/[a-z-]+)"', client.get("/deprivation").text)
    assert len(set(links)) == 7
    for link in links:
        assert client.get(link).status_code == 200, link
    html = client.get("/deprivation/domains/income").text
    (figure,) = re.findall(r'<figure class="thrive-map">.*?</figure>', html, flags=re.S)
    shaded = re.findall(r'fill="(#[0-9a-f]{6})"[^>]*><title>[^<]*: score ([\d.]+)</title>', figure)
    assert len(shaded) == 121
    # Every neighbourhood in a darker fifth scores higher than every one in a lighter fifth (as shown, to 1 dp).
    shades = ["#045a8d", "#2b8cbe", "#74a9cf", "#bdc9e1", "#f1eef6"]
    fifths = [[float(v) for fill, v in shaded if fill == shade] for shade in shades]
    assert [len(f) for f in fifths] == [25, 24, 24, 24, 24]
    assert all(min(darker) >= max(lighter) for darker, lighter in itertools.pairwise(fifths))
    # IoD2019 File 9: Luton's highest income score, read from the file itself, heads the table.
    scores = pd.read_csv(IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz")
    luton = scores[scores["Local Authority District code (2019)"] == "E06000032"]
    top = float(luton["Income Score - exponentially transformed"].max())
    first_row = re.search(
        r'<tbody class="govuk-table__body">\s*<tr[^>]*><th[^>]*>([^<]+)</th><td[^>]*>[^<]*</td><td[^>]*>([\d.]+)</td>',
        html,
    )
    assert first_row is not None and float(first_row.group(2)) == round(top, 1)
    assert client.get("/deprivation/domains/no-such-domain").status_code == 404
