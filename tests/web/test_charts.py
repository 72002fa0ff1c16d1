"""The shared charts: confidence intervals drawn only where published, rankings that name what they can."""

from __future__ import annotations

import math
import re
from itertools import pairwise

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


# ---------------------------------------------------------------- honest line charts (issue 17)

_TEXT = re.compile(r'<text style="font-size: ([\d.]+)px[^"]*"[^>]* x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)</text>')
PHONE_WIDTH = 448
"""28rem: the narrowest a chart with words along its axes is drawn on a phone (it scrolls below that)."""


def _placed(svg: str) -> list[tuple[float, float, float, str]]:
    """(font size, x, y, text) of every piece of text, in the SVG's own units."""
    return [(float(s), float(x), float(y), text.strip()) for s, x, y, text in _TEXT.findall(svg)]


def _hle_like() -> tuple[list[Line], list[tuple[float, str]]]:
    """Fifteen three-year periods with intervals, England beside, and four milestones: the densest chart."""
    years = [2010.5 + i for i in range(15)]
    labels = [f"{2009 + i}-{(11 + i) % 100:02d}" for i in range(15)]
    luton = Line("Luton", years, [58.0 + i / 10 for i in range(15)], lower=[56.0] * 15, upper=[61.0] * 15)
    path = Line("Road Map path", [2024.5, 2027.5, 2031.5, 2035.5, 2040.5], [59.5, 60.8, 60.7, 61.5, 63.1])
    ticks = list(zip(years, labels, strict=True)) + [(y, str(int(y))) for y in path.years[1:]]
    return [luton, Line("England", years, [63.0] * 15, ENGLAND_STYLE), path], ticks


def test_a_percentage_chart_starts_at_zero_and_labels_its_periods_not_decimal_years() -> None:
    ticks = [(2019.25, "2019/20"), (2020.25, "2020/21"), (2021.25, "2021/22")]
    svg = line_chart(
        "Destitution",
        [Line("Luton", [t[0] for t in ticks], [7.3, 9.9, 9.9])],
        unit_label="%",
        zero_based=True,
        ticks=ticks,
    )
    texts = [text for *_, text in _placed(svg)]
    assert {"2019/20", "2020/21", "2021/22"} <= set(texts)
    assert not [t for t in texts if re.fullmatch(r"\d{4}\.\d+", t)]
    assert "0" in texts  # the value axis is labelled from zero


def test_a_dense_time_axis_keeps_the_latest_label_and_no_two_labels_overprint() -> None:
    lines, ticks = _hle_like()
    svg = line_chart("Healthy life expectancy", lines, unit_label="years", ticks=ticks)
    placed = _placed(svg)
    axis = sorted((x, text, size) for size, x, y, text in placed if text in {label for _, label in ticks})
    assert axis[-1][1] == "2040" and 3 <= len(axis) <= 6
    for (x1, a, size), (x2, b, _) in pairwise(axis):
        # Each label is at most 0.62 em a character wide, centred on its tick.
        assert x2 - x1 >= 0.62 * size * (len(a) + len(b)) / 2, f"{a!r} and {b!r} overprint"


def test_chart_text_is_at_least_14_pixels_on_a_phone_and_the_legend_sits_below_the_axis() -> None:
    lines, ticks = _hle_like()
    svg = line_chart("Healthy life expectancy", lines, unit_label="years", ticks=ticks)
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))  # type: ignore[union-attr]
    placed = _placed(svg)
    assert min(size for size, *_ in placed) * PHONE_WIDTH / width >= 14
    legend_top = min(y for _, _, y, text in placed if text in {"Luton", "England", "Road Map path"})
    axis_bottom = max(y for _, _, y, text in placed if text in {label for _, label in ticks})
    assert legend_top > axis_bottom
