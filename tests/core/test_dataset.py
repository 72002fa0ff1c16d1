"""The shipped luton2040 dataset: the Road Map as the 2025 Progress Report publishes it (003, Appendix 1)."""

from __future__ import annotations

import re
from collections import Counter

from tests.conftest import shipped_dataset
from thrive.datasets import dataset_path
from thrive.framework import Target, TargetKind
from thrive.framework.area import ENGLAND, LUTON

DOCUMENTS = dataset_path("luton2040") / "documents"
"""The council documents every `ref` cites, shipped with the dataset."""


def _target(measure: str, year: int, series: str | None = None) -> Target:
    targets = [t for t in shipped_dataset().roadmap.targets_for(measure) if t.year == year]
    if series is not None:
        targets = [t for t in targets if t.series_id == series]
    assert len(targets) == 1, targets
    return targets[0]


def _value(series: str, period: str, area: str = LUTON) -> float | None:
    matches = [
        o.value
        for o in shipped_dataset().observations
        if o.series_id == series and o.period.label == period and o.area_code == area
    ]
    assert len(matches) == 1, (series, period, area, matches)
    return matches[0]


def test_road_map_has_40_measures_in_5_priorities_with_6_headlines() -> None:
    roadmap = shipped_dataset().roadmap
    assert len(roadmap.measures) == 40
    assert Counter(m.priority for m in roadmap.measures) == {
        "economy": 9,
        "health": 9,
        "child-friendly": 7,
        "net-zero": 6,
        "fairness": 9,
    }
    assert {m.id for m in roadmap.measures if m.headline} == {
        "destitution",
        "weekly-wages",
        "healthy-life-expectancy",
        "emissions",
        "child-poverty-deepest",
        "most-deprived-lsoas",
    }
    assert {p.code for p in roadmap.priorities} == {
        "fairness",
        "economy",
        "health",
        "child-friendly",
        "net-zero",
        "poverty-mission",
    }


def test_destitution_figures_are_as_published() -> None:
    # 003:674 (Appendix 1): 7.3% baseline, 9.9% in 2023; milestones 7.7%, 5.1%, 2.6%; 0% by 2040.
    assert _value("destitution", "2019") == 7.3
    assert _value("destitution", "2023") == 9.9
    assert [_target("destitution", year).value for year in (2027, 2031, 2035, 2040)] == [7.7, 5.1, 2.6, 0]


def test_wage_figures_are_as_published() -> None:
    # 003:675: £560.50 in 2019, £618.10 in 2023 against £681.7 nationally; 2027 milestone £723.09.
    assert _value("weekly-wages", "2019") == 560.50
    assert _value("weekly-wages", "2023") == 618.10
    assert _value("weekly-wages", "2023", ENGLAND) == 681.7
    assert _target("weekly-wages", 2027).value == 723.09
    target = _target("weekly-wages", 2040)
    assert target.spec.kind is TargetKind.RELATIVE
    assert target.spec.comparator == ENGLAND


def test_every_target_kind_in_the_road_map_is_represented() -> None:
    kinds = {t.spec.kind for t in shipped_dataset().roadmap.targets}
    assert kinds == set(TargetKind)


def test_rank_and_either_targets_keep_their_structure() -> None:
    gcse = _target("gcse-attainment", 2040)
    assert (gcse.spec.kind, gcse.spec.rank, gcse.spec.of) == (TargetKind.RANK, 3, 11)
    pride = _target("pride-place", 2040)
    assert pride.spec.kind is TargetKind.EITHER
    assert pride.value == 80


def test_every_figure_and_target_cites_a_real_line_of_its_document() -> None:
    documents = {d.id: (DOCUMENTS / d.file) for d in shipped_dataset().documents}
    assert all(path.is_file() for path in documents.values()), f"every document is shipped in {DOCUMENTS}"
    lines = {doc: path.read_text(encoding="utf-8").splitlines() for doc, path in documents.items()}
    refs = [o.ref for o in shipped_dataset().observations] + [t.ref for t in shipped_dataset().roadmap.targets]
    for ref in refs:
        assert ref is not None and re.fullmatch(r"\d{3}:\d+", ref), ref
        doc, line = ref.split(":")
        assert 1 <= int(line) <= len(lines[doc]), ref
        assert lines[doc][int(line) - 1].strip(), f"{ref} points at a blank line"


def test_every_luton_observation_value_appears_on_its_cited_line() -> None:
    documents = {d.id: (DOCUMENTS / d.file) for d in shipped_dataset().documents}
    assert all(path.is_file() for path in documents.values()), f"every document is shipped in {DOCUMENTS}"
    lines = {doc: path.read_text(encoding="utf-8").splitlines() for doc, path in documents.items()}
    missing = []
    for observation in shipped_dataset().observations:
        assert observation.ref is not None
        doc, line = observation.ref.split(":")
        text = lines[doc][int(line) - 1].replace(",", "")
        value = observation.value
        assert value is not None
        spellings = {
            f"{value:g}",
            f"{value:.2f}",
            f"{value:.1f}",
            f"{value:.0f}",
            f"{value / 1000:g}",
            f"{value / 1000:.1f}",
        }
        if not any(s in text for s in spellings):
            missing.append((observation.series_id, observation.period.label, value, observation.ref))
    assert missing == []
