"""How long the full Luton 2040 Progress Report takes as a PDF, against baselines measured in the same run.

Loads the shipped Road Map into a throwaway SQLite database, makes one published-view
assessment run, then times `thrive report progress --format pdf` end to end (read the run,
draw every chart, render the HTML, lay out and write the tagged PDF) and its parts. The
goal is under 10 seconds on a 2-core machine.

The ratios compare it with two baselines timed in the same process: the same report as
HTML (everything but WeasyPrint), and WeasyPrint writing a trivial one-page tagged PDF
(WeasyPrint's fixed cost). Times are the best of `--repeat` attempts.

    python bench/report_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from thrive.data.dataset import load_dataset
from thrive.reports.document import Report
from thrive.reports.html import PRINT, render_html
from thrive.reports.output import ReportFormat, report_bytes
from thrive.reports.pdf import pdf_from_html
from thrive.reports.progress import progress_report
from thrive.services.assessment_runs import make_run
from thrive.store.database import make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade
from thrive.store.observations import PUBLISHED

TRIVIAL = '<!DOCTYPE html><html lang="en"><head><title>Trivial</title></head><body><p>One page.</p></body></html>'

T = TypeVar("T")


def best(repeat: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `repeat` attempts, and what the last one made."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the Progress Report PDF.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'thrive.db'}")
        upgrade(engine)
        load_dataset_into_store(engine, load_dataset("luton2040"), actor="bench")
        run = make_run(engine, actor="bench", view=PUBLISHED)
        pdf_from_html(TRIVIAL)  # load WeasyPrint and its fonts once, outside every timing

        def report() -> Report:
            return progress_report(engine, year=2025, run_id=run.id, draft=False, actor="bench")

        pdf_seconds, pdf = best(args.repeat, lambda: report_bytes(report(), ReportFormat.PDF))
        html_seconds, _ = best(args.repeat, lambda: report_bytes(report(), ReportFormat.HTML))
        build_seconds, built = best(args.repeat, report)
        printable = render_html(built, PRINT)
        weasy_seconds, _ = best(args.repeat, lambda: pdf_from_html(printable))
        trivial_seconds, _ = best(args.repeat, lambda: pdf_from_html(TRIVIAL))
        engine.dispose()
    charts = printable.count("<svg")
    print(f"Progress Report PDF, end to end: {pdf_seconds:.2f} s ({len(pdf) / 1e6:.1f} MB)")
    print(f"  of which building the report (read the run, draw {charts} charts): {build_seconds:.2f} s")
    print(f"  of which WeasyPrint (lay out and write the tagged PDF): {weasy_seconds:.2f} s")
    print(f"Baseline: the same report as HTML: {html_seconds:.2f} s")
    print(f"Baseline: WeasyPrint writing a trivial one-page PDF: {trivial_seconds:.3f} s")
    print(f"Ratio, PDF to HTML: {pdf_seconds / html_seconds:.1f}x")
    print(f"Ratio, PDF to the trivial PDF: {pdf_seconds / trivial_seconds:.0f}x")
    print(f"Goal: under 10 s on 2 cores: {'met' if pdf_seconds < 10 else 'not met'}.")


if __name__ == "__main__":
    main()
