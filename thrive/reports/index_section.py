"""The Progress Report's section on the Thriving People Index and deprivation.

It reads the newest index run and deprivation imports made by the time of the report's
assessment run (change set at or before the run's data version), so the same run always gives
the same section, byte for byte, whatever was computed later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from thrive.index.publication import experimental
from thrive.reports.tables import Column, DataTable, Kind
from thrive.store.database import read_connection
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.index_runs import latest_index_run

ANCHOR = "thriving-people-index"
HEADING = "Thriving People Index and deprivation"


@dataclass(frozen=True)
class IndexSection:
    index: dict[str, Any] | None
    """The index run's results and its framework version, or None if none was made by then."""
    releases: list[dict[str, Any]]
    """Deprivation summaries, oldest release first."""

    @property
    def year(self) -> str | None:
        return None if self.index is None else max(self.index["results"]["years"])

    @property
    def experimental(self) -> bool:
        """While most indicators are synthetic the report publishes no score or rank (thrive.index.publication)."""
        return self.index is not None and experimental(self.index["results"])

    def synthetic_count(self) -> int:
        return 0 if self.index is None else len(self.index["results"]["synthetic_indicators"])

    def indicator_count(self) -> int:
        return 0 if self.index is None else len(self.index["results"]["names"]["indicators"])

    def wards(self) -> list[dict[str, Any]]:
        if self.index is None or self.year is None or self.experimental:
            return []
        areas = self.index["results"]["years"][self.year]["areas"]
        return sorted((a for a in areas if a["kind"] == "ward"), key=lambda a: a["rank"])

    def lsoas(self) -> list[dict[str, Any]]:
        """Luton's LSOAs by rank, when the run scored them (DATA-NOTES I6)."""
        if self.index is None or self.year is None or self.experimental:
            return []
        return sorted(self.index["results"]["years"][self.year].get("lsoas", []), key=lambda a: a["rank"])

    def luton(self) -> dict[str, Any] | None:
        if self.index is None or self.year is None or self.experimental:
            return None
        areas: list[dict[str, Any]] = self.index["results"]["years"][self.year]["areas"]
        return next(a for a in areas if a["kind"] == "town")

    def tables(self) -> list[DataTable]:
        out = []
        if self.releases:
            out.append(
                DataTable(
                    "Deprivation",
                    "LSOAs in England's most deprived 10% and the 20:20 index",
                    (
                        Column("Release"),
                        Column("Geography"),
                        Column("LSOAs in Luton", Kind.NUMBER, "count"),
                        Column("In the most deprived 10%", Kind.NUMBER, "count"),
                        Column("20:20 index (least:most)"),
                        Column("Break in series"),
                    ),
                    tuple(
                        (
                            r["release"],
                            r["geography"],
                            r["luton"]["lsoas"],
                            r["luton"]["most_deprived_10_percent"],
                            r["luton"]["twenty_twenty"]["text"],
                            r["break_in_series"] or "",
                        )
                        for r in self.releases
                    ),
                )
            )
        if self.index is not None and not self.experimental:
            out.append(
                DataTable(
                    "Thriving People Index",
                    f"Thriving People Index {self.year} by ward (SYNTHETIC where marked)",
                    (
                        Column("Rank", Kind.NUMBER, "count"),
                        Column("Ward"),
                        Column("Score", Kind.NUMBER, "score"),
                        Column("Interval from", Kind.NUMBER, "score"),
                        Column("Interval to", Kind.NUMBER, "score"),
                    ),
                    tuple((w["rank"], w["name"], w["index"], *w["interval"]) for w in self.wards()),
                    notes=(self.synthetic_note(),) if self.synthetic_note() else (),
                )
            )
        if self.lsoas():
            out.append(self._lsoa_table())
        return out

    def _lsoa_table(self) -> DataTable:
        assert self.index is not None
        results = self.index["results"]
        ward_names = {a["code"]: a["name"] for a in results["years"][self.year]["areas"]}
        synthetic = len(results["lsoa"]["synthetic_indicators"])
        return DataTable(
            "Index by LSOA",
            f"Thriving People Index {self.year} by LSOA (2011) (SYNTHETIC where marked)",
            (
                Column("Rank", Kind.NUMBER, "count"),
                Column("LSOA code"),
                Column("LSOA"),
                Column("Ward"),
                Column("Score", Kind.NUMBER, "score"),
                Column("Interval from", Kind.NUMBER, "score"),
                Column("Interval to", Kind.NUMBER, "score"),
            ),
            tuple(
                (a["rank"], a["code"], a["name"], ward_names[a["ward"]], a["index"], *a["interval"])
                for a in self.lsoas()
            ),
            notes=(
                f"Ranks are among Luton's {len(self.lsoas())} LSOAs. The Indices of Deprivation indicators are "
                "IoD2019 File 9 transformed scores at this level, so LSOA scores compare with each other, not "
                "with ward scores.",
                *((f"SYNTHETIC: {synthetic} indicators use synthetic demonstration values.",) if synthetic else ()),
            ),
        )

    def synthetic_note(self) -> str:
        if self.index is None or not self.index["results"]["synthetic_indicators"]:
            return ""
        count = len(self.index["results"]["synthetic_indicators"])
        return f"SYNTHETIC: {count} indicators use synthetic demonstration values; these are not Luton's real scores."


def index_section(engine: Engine, data_version: int) -> IndexSection:
    with read_connection(engine) as connection:
        return IndexSection(_index(connection, data_version), _releases(connection, data_version))


def _index(connection: Connection, data_version: int) -> dict[str, Any] | None:
    run = latest_index_run(connection, up_to=data_version)
    return None if run is None else {k: run[k] for k in ("run", "framework_version", "results")}


def _releases(connection: Connection, data_version: int) -> list[dict[str, Any]]:
    releases = latest_deprivation_releases(connection, up_to=data_version)
    return [dict(releases[year]["summary"]) for year in sorted(releases)]
