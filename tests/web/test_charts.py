"""The shared charts: confidence intervals drawn only where published, rankings that name what they can."""

from __future__ import annotations

import math
import re

from thrive.presentation.charts import ENGLAND_STYLE, Bar, Line, line_chart, ranked_bar_chart
from thrive.web.figures import interval_text, shared_ranks


def _texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]


def test_a_line_chart_draws_error_bars_only_for_points_with_a_whole_interval() -> None:
    with_intervals = Line(
        "Luton", [2020.5, 2021.5, 2022.5], [56.0, 57.0, 58.0], lower=[53.0, math.nan, 55.0], upper=[59.0, 60.0, 61.0]
    )
    assert [p[0] for p in with_intervals.intervals] == [2020.5, 2022.5]
    svg = line_chart(
        "Healthy life expectancy",
        [with_intervals, Line("England", [2021.5], [61.0], ENGLAND_STYLE)],
        unit_label="years",
    )
    assert svg.count('id="LineCollection_') == 1
    assert "<title>Healthy life expectancy</title>" in svg and 'aria-label="Healthy life expectancy"' in svg

    plain = line_chart("Weekly wages", [Line("Luton", [2019.5, 2023.5], [560.5, 618.1])], unit_label="£")
    assert "LineCollection" not in plain


def test_a_short_ranking_names_every_place_and_a_long_one_only_the_highlighted_place() -> None:
    short = [Bar(f"Place {i}", 50.0 - i, f"{50 - i}", highlight=i == 6) for i in range(11)]
    texts = _texts(ranked_bar_chart("Among neighbours", short, unit_label="score", reference=("England: 46", 46.0)))
    assert {f"Place {i}" for i in range(11)} <= set(texts) and "England: 46" in texts

    long = [Bar(f"Area {i}", 60.0 - i / 10, f"{60 - i / 10:g}", highlight=i == 87) for i in range(152)]
    texts = _texts(ranked_bar_chart("Every authority", long, unit_label="score"))
    assert [t for t in texts if t.startswith("Area")] == ["Area 87 (51.3)"]


def test_intervals_read_with_the_unit_once_and_ties_share_a_rank() -> None:
    assert interval_text(53.2, 60.7, "years") == "53.2 to 60.7 years"
    assert interval_text(12.1, 17.3, "percent") == "12.1 to 17.3%"
    assert interval_text(303.08, 386.92, "gbp") == "£303.08 to £386.92"
    assert interval_text(None, 60.7, "years") == "" and interval_text(math.nan, 1.0, "years") == ""
    assert shared_ranks([("a", 5.0), ("b", 4.0), ("c", 4.0), ("d", 3.0)]) == [1, 2, 2, 4]
