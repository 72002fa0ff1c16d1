"""Batch take-up targeting over a SYNTHETIC caseload: the same answers as the single-household path,
disclosure control on every published count and amount, local processes and a Dask LocalCluster."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from thrive.benefits.batch import BENEFITS, assess_chunk, caseload_households, run_batch
from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Benefit, PipRate
from thrive.benefits.tax_year import TaxYear
from thrive.cli.app import app
from thrive.data.caseload import check_caseload
from thrive.data.dataset import luton_wards
from thrive.data.disclosure_rules import load_disclosure_rules
from thrive.data.problems import ProblemsError
from thrive.demo.caseload import synthetic_caseload

YEAR = TaxYear(2025)
WARDS = set(luton_wards())


def _caseload(households: int) -> pd.DataFrame:
    raw = synthetic_caseload(households).astype(str).replace("nan", "")
    return check_caseload(raw, "synthetic.csv", WARDS)


def test_a_chunk_gives_the_same_entitlements_as_the_single_household_path(calculator: Calculator) -> None:
    frame = _caseload(40)
    chunk = assess_chunk(frame, YEAR.start_year, at_least=0.0)
    single = calculator.amounts(caseload_households(frame), YEAR)
    claims = np.column_stack([frame[f"receives_{b.value}"].to_numpy() > 0 for b in BENEFITS])
    expected = np.where(claims, 0.0, np.column_stack([single.per_year[b] for b in BENEFITS]))
    np.testing.assert_allclose(chunk.unclaimed, expected, atol=0.01)


def test_each_partner_in_a_caseload_row_is_their_own_person() -> None:
    # The partner cares for 35 hours a week and gets enhanced PIP daily living; the first adult
    # neither. The partner's Carer's Allowance (£83.30 a week, 2025-26, GOV.UK) is the household's.
    raw = synthetic_caseload(1).astype(str).replace("nan", "")
    raw.loc[0, ["age_1", "age_2", "earnings_1", "hours_1", "earnings_2", "hours_2", "pension_1", "pension_2"]] = [
        "40", "38", "0", "0", "0", "0", "0", "0"
    ]  # fmt: skip
    raw.loc[0, ["care_hours_1", "care_hours_2", "pip_daily_living_1", "work_capability_1"]] = ["0", "35", "", ""]
    raw.loc[0, "pip_daily_living_2"] = "ENHANCED"
    frame = check_caseload(raw, "caseload.csv", WARDS)
    (household,) = caseload_households(frame)
    assert household.adults[1].care_hours_per_week == 35
    assert household.adults[1].disability.pip_daily_living == PipRate.ENHANCED
    assert not household.adults[0].has_disability
    chunk = assess_chunk(frame, YEAR.start_year, at_least=0.0)
    assert chunk.unclaimed[0, BENEFITS.index(Benefit.CARERS_ALLOWANCE)] == pytest.approx(83.30 * 52, abs=0.01)


def test_the_old_yes_no_disability_column_is_refused_with_what_to_use_instead() -> None:
    raw = synthetic_caseload(2).astype(str).replace("nan", "")
    raw["disabled_1"] = "yes"
    with pytest.raises(ProblemsError) as refused:
        check_caseload(raw, "caseload.csv", WARDS)
    assert "use pip_daily_living_1" in str(refused.value.problems[0])


def test_counts_and_amounts_add_up_by_ward_and_benefit_and_pass_disclosure_control() -> None:
    frame = _caseload(600)
    result = run_batch(frame, YEAR, workers=1, chunk_size=250)
    assert result.households == 600
    assert result.counts.sum() == int((result.targets[[b.value for b in BENEFITS]].to_numpy() > 0).sum())
    assert result.amounts.sum() == pytest.approx(result.targets[[b.value for b in BENEFITS]].to_numpy().sum())
    protected = result.protected(load_disclosure_rules())
    shown = protected.counts.cells[~protected.counts.suppressed]
    assert np.all(shown % 5 == 0) and np.all(shown >= 10)
    # Money is hidden exactly where its count is.
    assert np.array_equal(np.isnan(protected.amounts.cells), protected.counts.suppressed)
    assert np.array_equal(np.isnan(protected.amounts.by_ward), protected.counts.row_totals_suppressed)


def test_a_pensioner_not_claiming_pension_credit_is_listed_for_it() -> None:
    frame = _caseload(300)
    result = run_batch(frame, YEAR, workers=1)
    pensioners = frame.loc[(frame["age_1"] >= 70) & (frame["pension_1"] < 9000), "household_ref"]
    listed = result.targets.set_index("household_ref")
    assert set(pensioners) <= set(listed.index)
    assert (listed.loc[list(pensioners), Benefit.PENSION_CREDIT.value] > 0).all()


@pytest.mark.slow
def test_the_batch_runs_on_a_dask_local_cluster_with_the_same_result() -> None:
    from distributed import LocalCluster  # noqa: PLC0415 (only this test needs a cluster)

    frame = _caseload(400)
    local = run_batch(frame, YEAR, workers=1, chunk_size=100)
    seen: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:  # type: ignore[no-untyped-call]
        distributed = run_batch(frame, YEAR, scheduler=cluster.scheduler_address, chunk_size=100, progress=seen.append)
    assert sorted(seen) == [100, 100, 100, 100]
    assert distributed.wards == local.wards
    np.testing.assert_array_equal(distributed.counts, local.counts)
    np.testing.assert_allclose(distributed.amounts, local.amounts)


def test_the_command_names_the_row_and_column_of_bad_input_and_runs_nothing(tmp_path: Path) -> None:
    raw = synthetic_caseload(5).astype(str).replace("nan", "")
    raw.loc[2, "earnings_1"] = "lots"
    raw.loc[4, "ward_code"] = "E99999999"
    path = tmp_path / "caseload.csv"
    raw.to_csv(path, index=False)
    outcome = CliRunner().invoke(app, ["better-off", "batch", str(path), "--year", "2025-26"])
    assert outcome.exit_code == 1
    assert "caseload.csv, row 4, column 'earnings_1': enter a number" in outcome.output
    assert "caseload.csv, row 6, column 'ward_code': enter a Luton ward code" in outcome.output
    assert "nothing was run" in outcome.output


def test_the_command_prints_the_protected_table_as_json(tmp_path: Path) -> None:
    path = tmp_path / "caseload.csv"
    synthetic_caseload(200).to_csv(path, index=False)
    outcome = CliRunner().invoke(
        app, ["better-off", "batch", str(path), "--year", "2025-26", "--workers", "1", "--json"]
    )
    assert outcome.exit_code == 0, outcome.output
    body = outcome.output[outcome.output.index("{") :]
    table = json.loads(body)
    assert table["synthetic"] is True
    assert table["households"] == 200
    assert set(table["by_benefit"]) == {b.value for b in Benefit}


def test_a_tax_year_without_rules_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "caseload.csv"
    synthetic_caseload(3).to_csv(path, index=False)
    outcome = CliRunner().invoke(app, ["better-off", "batch", str(path), "--year", "2019-20"])
    assert outcome.exit_code == 2
    assert outcome.output.strip() == "--year: Better Off has the rules for 2023-24 to 2026-27 only, not 2019-20."


def test_a_file_that_is_not_a_caseload_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "caseload.xlsx"
    path.write_bytes(b"\x00\x01 not a workbook")
    outcome = CliRunner().invoke(app, ["better-off", "batch", str(path), "--year", "2025-26"])
    assert outcome.exit_code == 1
    assert "caseload.xlsx: the file is not a readable XLSX workbook" in outcome.output
    assert "Traceback" not in outcome.output
