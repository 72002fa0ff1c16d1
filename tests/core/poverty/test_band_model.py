"""The band model: lines as data, the classifier's rules and edges, counts and persistence."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from thrive.data.dataset import DatasetError, load_dataset
from thrive.data.households import read_households, ward_lookup
from thrive.data.poverty_lines import load_line_table
from thrive.datasets import dataset_path
from thrive.demo.poverty_panel import synthetic_panel
from thrive.framework.area import LUTON
from thrive.poverty.bands import Band, BandTenure
from thrive.poverty.classify import classify
from thrive.poverty.disclosure import DisclosureRules, protect_tables_sharing_column_totals
from thrive.poverty.households import Households
from thrive.poverty.lines import LineTable
from thrive.poverty.persistence import persistence, transitions
from thrive.poverty.run import TOTAL, run_model
from thrive.poverty.summary import distributions


@pytest.fixture(scope="module")
def table() -> LineTable:
    return load_line_table()


def _households(**columns: Sequence[float]) -> Households:
    size = len(next(iter(columns.values())))
    defaults: dict[str, Sequence[float]] = {
        "household": list(range(size)),
        "year": [2024] * size,
        "ward": [0] * size,
        "adults": [2] * size,
        "pensioners": [0] * size,
        "children_under_14": [2] * size,
        "children_14_or_over": [0] * size,
        "tenure": [BandTenure.PRIVATE_RENT.value] * size,
        "net_income": [40000.0] * size,
        "housing_costs": [9000.0] * size,
        "council_tax": [1800.0] * size,
        "debt_repayments": [np.nan] * size,
    }
    defaults.update(columns)
    floats = {"net_income", "housing_costs", "council_tax", "debt_repayments"}
    arrays: dict[str, Any] = {
        name: np.array(values, dtype=np.float64 if name in floats else (np.int8 if name == "tenure" else np.int64))
        for name, values in defaults.items()
    }
    return Households(**arrays)


def test_published_lines_for_a_couple_with_two_children(table: LineTable) -> None:
    # 002:3171-3175: private rent > £67,719 / up to £67,718 / up to £57,718 / up to £34,099 / £0.
    entries = {(e.household_type, e.tenure): e for e in table.lines_for(2024)}
    private = entries[("couple-2-children", BandTenure.PRIVATE_RENT)]
    social = entries[("couple-2-children", BandTenure.SOCIAL_RENT)]
    assert dict(private.lines) == {"a_b": 67718, "fqol": 57718, "basic_needs": 34099, "destitution": 0}
    assert dict(social.lines) == {"a_b": 60278, "fqol": 50278, "basic_needs": 26659, "destitution": 0}
    assert private.refs["basic_needs"] == "002:3174"
    assert not private.derived


def test_other_household_types_are_derived_by_the_equivalence_scale(table: LineTable) -> None:
    # Modified OECD: single adult 1.0, couple with children aged 3 and 7 = 1 + 0.5 + 0.3 + 0.3 = 2.1.
    # Single working-age adult, private rent: FQOL £57,718 × 1.0 / 2.1 = £27,484.76, shown as £27,485.
    entries = {(e.household_type, e.tenure): e for e in table.lines_for(2024)}
    single = entries[("single-working-age", BandTenure.PRIVATE_RENT)]
    assert single.derived
    assert single.lines["fqol"] == 27485
    assert single.lines["basic_needs"] == round(34099 / 2.1)
    owner = entries[("couple-2-children", BandTenure.OWNER_OCCUPIED)]
    assert owner.lines["fqol"] == 50278  # owners take the social-rent lines (DATA-NOTES)


def test_years_before_the_first_line_set_have_no_lines(table: LineTable) -> None:
    with pytest.raises(LookupError, match="2022"):
        table.set_for(2019)


def test_the_classifier_applies_each_line_at_its_boundary(table: LineTable) -> None:
    # Couple with two children under 14, private rent (002:3171-3175): "up to" is inclusive.
    incomes = [67719, 67718, 57719, 57718, 34100, 34099]
    result = classify(_households(net_income=incomes), table)
    assert [Band(int(b)).name for b in result.band] == ["A", "B", "B", "C", "C", "D"]


def test_edge_cases_of_income_tenure_and_costs(table: LineTable) -> None:
    result = classify(
        _households(
            net_income=[np.nan, 0, -500, 20000, 30000, 30000, 30000],
            housing_costs=[9000, 9000, 9000, 19000, 9000, np.nan, 9000],
            council_tax=[1800, 1800, 1800, 1800, 1800, np.nan, 1800],
            debt_repayments=[np.nan, np.nan, np.nan, np.nan, 19500, np.nan, np.nan],
            tenure=[0, 0, 0, 0, 0, 0, -1],
        ),
        table,
    )
    # Not known -> unclassified; zero or negative income -> E; rent and council tax eating all
    # income -> E; debts taking the rest -> E; unknown costs count as nothing -> D not E;
    # unknown tenure -> the social-rent lines, where £30,000 is above the £26,659 basic needs line.
    assert [int(b) for b in result.band] == [Band.UNCLASSIFIED, Band.E, Band.E, Band.E, Band.E, Band.D, Band.C]
    assert result.tenure_assumed.tolist() == [False] * 6 + [True]
    assert result.costs_unknown.tolist()[5]


def test_households_that_fit_no_type_exactly_are_scaled_by_their_own_composition(table: LineTable) -> None:
    # Couple with children aged 15 and 7: scale 1 + 0.5 + 0.5 + 0.3 = 2.3, so the private-rent
    # basic needs line is £34,099 × 2.3 / 2.1 = £37,346.8: £36,000 is in D, not C.
    teen = classify(_households(net_income=[36000], children_under_14=[1], children_14_or_over=[1]), table)
    assert int(teen.band[0]) == Band.D
    # Three adults: 'other' type, scale 2.0; FQOL line £57,718 × 2.0 / 2.1 = £54,969.5.
    three = classify(_households(net_income=[54000], adults=[3], children_under_14=[0]), table)
    assert table.types[int(three.household_type[0])].id == "other-multi-adult"
    assert int(three.band[0]) == Band.C


def test_components_must_add_up_to_lines_that_fall(tmp_path: Path) -> None:
    shipped = (dataset_path("luton2040") / "poverty" / "lines.yaml").read_text()
    priced = shipped.replace(
        "lines: {a_b: 67718, fqol: 57718, basic_needs: 34099, destitution: 0}",
        "components:\n"
        "          a_b: {mis_budget: 50000, rent: 15718, council_tax: 2000}\n"
        "          fqol: {mis_budget: 40000, rent: 15718, council_tax: 2000}\n"
        "          basic_needs: {mis_budget: 16381, rent: 15718, council_tax: 2000}\n"
        "          destitution: {mis_budget: 0, rent: 0, council_tax: 0}",
    )
    path = tmp_path / "lines.yaml"
    path.write_text(priced)
    entries = {(e.household_type, e.tenure): e for e in load_line_table(path).lines_for(2024)}
    priced_entry = entries[("couple-2-children", BandTenure.PRIVATE_RENT)]
    assert priced_entry.lines["fqol"] == 57718
    assert priced_entry.components["fqol"]["rent"] == 15718
    path.write_text(shipped.replace("basic_needs: 34099", "basic_needs: 99999"))
    with pytest.raises(DatasetError, match="must fall from a_b to destitution"):
        load_line_table(path)


def test_persistence_counts_runs_of_more_than_two_consecutive_years_in_d_or_e(table: LineTable) -> None:
    # Household 0: E, D, E (3 years) -> persistent. Household 1: D, D, then a missing year, D -> not.
    # Household 2: D, C, D -> not.
    households = _households(
        household=[0, 0, 0, 1, 1, 1, 2, 2, 2],
        year=[2022, 2023, 2024, 2022, 2023, 2025, 2022, 2023, 2024],
        net_income=[0, 30000, 0, 30000, 30000, 30000, 30000, 40000, 30000],
    )
    result = classify(households, table)
    found = persistence(households, result)
    assert (found.persistent, found.households_followed) == (1, 3)
    moves = {move.year: move.counts for move in transitions(households, result)}
    assert moves[2022][Band.E, Band.D] == 1 and moves[2022][Band.D, Band.C] == 1 and moves[2022].sum() == 3
    assert moves[2023].sum() == 2  # household 1 has no 2024 record


def test_synthetic_panel_round_trips_through_classification_aggregation_and_publication(
    table: LineTable, tmp_path: Path
) -> None:
    areas = ward_lookup(load_dataset("luton2040").roadmap.areas)
    frame, known = synthetic_panel(table, sorted(areas.items()), 4000, (2022, 2023, 2024, 2025), seed=11)
    assert set(frame["synthetic"]) == {"yes"}
    path = tmp_path / "households.csv"
    frame.to_csv(path, index=False)
    loaded = read_households(path, areas, table.pension_age)
    assert loaded.synthetic
    rules = DisclosureRules()
    run = run_model(loaded.households, loaded.wards, table, rules)
    result = run.classification
    for year in known.years:
        in_year = loaded.households.year == year
        counted = np.bincount(result.band[in_year & result.classified], minlength=5)
        assert dict(zip("ABCDE", counted.tolist(), strict=True)) == known.bands[year]
        assert int((in_year & ~result.classified).sum()) == known.unclassified[year]
    assert persistence(loaded.households, result).persistent == known.persistent
    # Publication: the stored cells are exactly disclosure control applied to the known counts.
    year = 2024
    wards = loaded.wards
    by_ward = np.array(
        [[known.by_ward[year].get(ward, dict.fromkeys("ABCDE", 0))[b] for b in "ABCDE"] for ward in wards]
    )
    published = {(f.row_key, f.column_key): f.value for f in run.figures if f.year == year and f.breakdown == "ward"}
    types = np.zeros((len(table.types), 5), dtype=np.int64)
    in_year = (loaded.households.year == year) & result.classified
    np.add.at(types, (result.household_type[in_year], result.band[in_year].astype(np.int64)), 1)
    expected, _ = protect_tables_sharing_column_totals([by_ward, types], rules)
    for r, ward in enumerate(wards):
        for c, band in enumerate("ABCDE"):
            cell = expected.cells[r, c]
            assert published[(ward, band)] == (None if np.isnan(cell) else cell)
    assert published[(LUTON, TOTAL)] == expected.total
    shown = [f.value for f in run.figures if f.value is not None]
    assert min(shown) >= rules.threshold
    (distribution,) = [d for d in distributions(run.figures) if d.year == year]
    destitute = next(share for share in distribution.bands if share.key == "E")
    assert destitute.percent == pytest.approx(round(100 * expected.column_totals[4] / expected.total, 1))


def test_every_published_line_cites_a_document_line_that_prints_it() -> None:
    documents = dataset_path("luton2040") / "documents"
    for line_set in load_line_table().sets:
        for entry in line_set.entries:
            for line, ref in entry.refs.items():
                document, number = ref.split(":")
                (path,) = documents.glob(f"{document}_*.txt")
                printed = path.read_text(encoding="utf-8").splitlines()[int(number) - 1]
                value = entry.lines[line]
                assert f"£{value:,.0f}" in printed, (ref, line, printed)
