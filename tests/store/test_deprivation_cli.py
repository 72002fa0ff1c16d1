"""`thrive deprivation` and `thrive index` on the command line: their JSON shapes and their refusals."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from thrive.cli.app import app
from thrive.datasets import OPEN_DATA

runner = CliRunner()
IOD2019 = OPEN_DATA / "iod2019" / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"


def _words(output: str) -> str:
    """Rich wraps long lines at the terminal's width; compare the words."""
    return " ".join(output.split())


def test_summary_for_a_ward_gives_deciles_the_20_20_index_and_the_most_deprived_count(cli_env: str) -> None:
    missing = runner.invoke(app, ["deprivation", "summary", "--release", "2019"])
    assert missing.exit_code == 1
    assert "Run 'thrive deprivation import FILE --release 2019'" in _words(missing.output)

    done = runner.invoke(app, ["deprivation", "import", str(IOD2019), "--release", "2019", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["summary"]["luton"]["most_deprived_10_percent"] == 4

    farley = runner.invoke(app, ["deprivation", "summary", "--area", "E05002199", "--release", "2019", "--json"])
    found = json.loads(farley.output)
    # IoD2019 File 2 via the ONS lookup: Farley has 2 LSOAs in IMD decile 1 and 4 in income deciles 1-2.
    assert found["name"] == "Farley" and found["most_deprived_10_percent"] == 2
    assert found["twenty_twenty"]["most_deprived_20_percent"] == 4
    assert set(found["imd_deciles"]) == {str(d) for d in range(1, 11)}
    assert runner.invoke(app, ["deprivation", "summary", "--area", "E09999999", "--release", "2019"]).exit_code == 1


def test_a_file_that_is_not_there_changes_nothing_and_says_so(cli_env: str) -> None:
    done = runner.invoke(app, ["deprivation", "import", "no-such-file.csv", "--release", "2025"])
    assert done.exit_code == 1
    assert "no-such-file.csv: the file does not exist" in _words(done.output)


def test_index_compute_then_show_one_ward_as_json(cli_env: str) -> None:
    assert runner.invoke(app, ["index", "show"]).exit_code == 1
    computed = runner.invoke(app, ["index", "compute", "--draws", "50"])
    assert computed.exit_code == 0, computed.output
    assert "SYNTHETIC" in computed.output
    shown = json.loads(runner.invoke(app, ["index", "show", "--area", "E05002211", "--json"]).output)
    assert shown["year"] == "2023" and len(shown["areas"]) == 1
    ward = shown["areas"][0]
    assert ward["name"] == "Wigmore" and 1 <= ward["rank"] <= 19
    assert ward["interval"][0] <= ward["index"] <= ward["interval"][1]


def test_gini_of_a_household_income_file_states_its_method_and_names_a_bad_cell(cli_env: str, tmp_path: Path) -> None:
    good = tmp_path / "incomes.csv"
    good.write_text("area,net_income,households\nA,10,1\nB,20,1\nC,30,2\n", encoding="utf-8")
    done = runner.invoke(
        app, ["deprivation", "gini", str(good), "--income", "net_income", "--weight", "households", "--json"]
    )
    found = json.loads(done.output)
    assert found["gini"] == 0.1944  # hand-worked: tests/core/index/test_inequality.py
    assert "mean absolute difference" in found["method"]

    bad = tmp_path / "bad.csv"
    bad.write_text("net_income\n100\nlots\n", encoding="utf-8")
    refused = runner.invoke(app, ["deprivation", "gini", str(bad), "--income", "net_income"])
    assert refused.exit_code == 1
    assert "bad.csv, row 3, column 'net_income': enter an amount of 0 or more" in _words(refused.output)
