"""The Thriving People Index and deprivation pages over a real server, from stored runs and imports."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import Engine

from tests.conftest import FIXTURES
from thrive.data.index_framework import shipped_framework_path
from thrive.datasets import OPEN_DATA
from thrive.services.deprivation_imports import import_deprivation
from thrive.services.index_runs import compute_and_store

IOD2019 = OPEN_DATA / "iod2019"
IOD2025 = OPEN_DATA / "iod2025" / "imd2025_england_lsoa21_humaniverse.csv.gz"
LUTON_EXTRACT = FIXTURES / "imd2019_lsoa_england" / "luton_E06000032_lsoa_extract.csv"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_index_page_shows_ranks_intervals_map_table_and_labels_synthetic_data(
    engine: Engine, client: httpx.Client
) -> None:
    assert "has not been computed yet" in client.get("/thriving-people-index").text
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    page = client.get("/thriving-people-index")

    assert page.status_code == 200
    text = _text(page.text)
    assert "Synthetic data: 29 of the index’s indicators use synthetic demonstration values" in text
    assert page.text.count('href="/thriving-people-index/wards/E05') >= 38  # map shapes and table rows
    assert "Ward scores and ranks in 2023 (the map as a table)" in text
    assert "Cronbach’s alpha" in text and "Personal Safety" in text
    assert page.text.count("Synthetic</strong>") == 29


def test_ward_scorecard_shows_strengths_and_weaknesses_and_an_unknown_ward_is_not_found(
    engine: Engine, client: httpx.Client
) -> None:
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    page = client.get("/thriving-people-index/wards/E05002211")

    assert page.status_code == 200
    text = _text(page.text)
    assert "Wigmore scorecard" in text
    assert "rank" in text and "of Luton’s 19 wards" in text
    assert re.search(r"(Strength|Weakness|Neutral)", text)
    assert client.get("/thriving-people-index/wards/E06000032").status_code == 404


def test_deprivation_page_puts_2019_and_2025_side_by_side_with_the_break_in_series(
    engine: Engine, client: httpx.Client
) -> None:
    import_deprivation(
        engine,
        [
            IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz",
            IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz",
        ],
        2019,
        actor="analyst@luton.gov.uk",
    )
    import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")

    text = _text(client.get("/deprivation").text)

    assert "In England’s 10% most deprived (IMD) 4 17" in text
    assert "10:34 1:59" in text  # the published 20:20 index for 2019 (002:1224), and 2025
    assert "Break in series in 2025." in text
    measure = _text(client.get("/measures/most-deprived-lsoas").text)
    assert "The 2025 figure starts a break in series" in measure


def test_ward_scorecard_lists_its_lsoas_with_scores_ranks_and_intervals_once_file_9_is_imported(
    engine: Engine, client: httpx.Client
) -> None:
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")
    assert "This run scores no LSOAs" in _text(client.get("/thriving-people-index/wards/E05002193").text)
    import_deprivation(
        engine,
        [
            IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz",
            IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz",
        ],
        2019,
        actor="analyst@luton.gov.uk",
    )
    compute_and_store(engine, shipped_framework_path(), draws=50, actor="analyst@luton.gov.uk")

    text = _text(client.get("/thriving-people-index/wards/E05002193").text)

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
    assert "LSOAs (2011) are scored too" in _text(client.get("/thriving-people-index").text)
