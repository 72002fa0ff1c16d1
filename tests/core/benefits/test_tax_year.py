from datetime import date

import pytest

from thrive.benefits.tax_year import TaxYear


def test_a_tax_year_runs_from_6_april_and_is_named_by_both_years() -> None:
    assert TaxYear.containing(date(2026, 4, 5)).label == "2025-26"
    assert TaxYear.containing(date(2026, 4, 6)).label == "2026-27"
    assert TaxYear.containing(date(2026, 11, 22)).policyengine_period == "2026"


def test_parsing_a_tax_year_accepts_both_forms_and_explains_a_bad_one() -> None:
    assert TaxYear.parse("2025-26") == TaxYear.parse("2025") == TaxYear(2025)
    with pytest.raises(ValueError, match="like 2025-26"):
        TaxYear.parse("last year")
    with pytest.raises(ValueError, match="from one year to the next"):
        TaxYear.parse("2025-27")


def test_the_years_offered_end_with_the_current_one() -> None:
    offered = TaxYear.offered(date(2026, 11, 22))
    assert offered[0] == TaxYear(2023)
    assert offered[-1] == TaxYear(2026)
