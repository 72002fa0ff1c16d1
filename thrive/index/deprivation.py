"""Deprivation counts from the English Indices of Deprivation: the Road Map's most-deprived count,
decile counts and the 20:20 index of economic imbalance, for Luton and for its wards.

Deciles are national: decile 1 is England's most deprived 10% of LSOAs in that release
(IoD2019 technical report, section 3). The 20:20 index is "the ratio of small areas (LSOAs)
within the Local Authority that are among the 20% least or 20% most deprived nationally, based
on the Income Domain" (Population Wellbeing Strategy, 002:1228), published for Luton as 10:34
(002:1224).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

DECILES = tuple(range(1, 11))
LSOA_COLUMNS = ("lsoa_code", "imd_decile", "income_decile")
"""What a release must give for each LSOA; `ward_code` is optional."""


@dataclass(frozen=True)
class TwentyTwenty:
    """LSOAs in the national 20% most and least income-deprived (income deciles 1-2 and 9-10)."""

    most_deprived: int
    least_deprived: int

    @property
    def text(self) -> str:
        """As the council prints it: least to most, "10:34" (002:1224)."""
        return f"{self.least_deprived}:{self.most_deprived}"


@dataclass(frozen=True)
class DeprivationSummary:
    area_code: str
    area_name: str
    release: int
    lsoas: int
    imd_deciles: dict[int, int]
    income_deciles: dict[int, int]
    twenty_twenty: TwentyTwenty

    @property
    def most_deprived(self) -> int:
        """LSOAs in England's 10% most deprived on the IMD: the Road Map measure most-deprived-lsoas."""
        return self.imd_deciles[1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area_code,
            "name": self.area_name,
            "release": self.release,
            "lsoas": self.lsoas,
            "most_deprived_10_percent": self.most_deprived,
            "imd_deciles": {str(k): v for k, v in self.imd_deciles.items()},
            "income_deciles": {str(k): v for k, v in self.income_deciles.items()},
            "twenty_twenty": {
                "most_deprived_20_percent": self.twenty_twenty.most_deprived,
                "least_deprived_20_percent": self.twenty_twenty.least_deprived,
                "text": self.twenty_twenty.text,
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DeprivationSummary:
        pair = data["twenty_twenty"]
        return cls(
            data["area"],
            data["name"],
            int(data["release"]),
            int(data["lsoas"]),
            {int(k): int(v) for k, v in data["imd_deciles"].items()},
            {int(k): int(v) for k, v in data["income_deciles"].items()},
            TwentyTwenty(int(pair["most_deprived_20_percent"]), int(pair["least_deprived_20_percent"])),
        )


def decile_counts(deciles: pd.Series) -> dict[int, int]:
    """How many LSOAs fall in each national decile, 1 (most deprived) to 10, zeros included."""
    counts = deciles.astype(int).value_counts()
    return {d: int(counts.get(d, 0)) for d in DECILES}


def twenty_twenty(income_deciles: pd.Series) -> TwentyTwenty:
    counts = decile_counts(income_deciles)
    return TwentyTwenty(counts[1] + counts[2], counts[9] + counts[10])


def summarise_deprivation(lsoas: pd.DataFrame, area_code: str, area_name: str, release: int) -> DeprivationSummary:
    """One area's counts from its LSOAs' national deciles."""
    return DeprivationSummary(
        area_code,
        area_name,
        release,
        len(lsoas),
        decile_counts(lsoas["imd_decile"]),
        decile_counts(lsoas["income_decile"]),
        twenty_twenty(lsoas["income_decile"]),
    )


def ward_summaries(lsoas: pd.DataFrame, release: int) -> list[DeprivationSummary]:
    """Each ward's counts, from the LSOAs the lookup puts in it (LSOAs with no ward are left out)."""
    placed = lsoas.dropna(subset=["ward_code"])
    return [
        summarise_deprivation(group, str(code), str(group["ward_name"].iloc[0]), release)
        for code, group in placed.groupby("ward_code", sort=True)
    ]
