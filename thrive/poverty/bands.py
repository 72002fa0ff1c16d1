"""The five Financial Quality of Life bands and the four lines between them (003:345-354, 002:3170-3175)."""

from __future__ import annotations

from enum import IntEnum


class Band(IntEnum):
    """Band codes as stored in arrays: A is 0 and E is 4; UNCLASSIFIED is -1."""

    UNCLASSIFIED = -1
    A = 0
    B = 1
    C = 2
    D = 3
    E = 4


BANDS = (Band.A, Band.B, Band.C, Band.D, Band.E)
BAND_LABELS = {
    Band.A: "High standard of living",
    Band.B: "Good standard of living",
    Band.C: "Decent standard of living",
    Band.D: "Basic needs (material deprivation)",
    Band.E: "Destitution",
    Band.UNCLASSIFIED: "Not classified",
}
LINES = ("a_b", "fqol", "basic_needs", "destitution")
"""The lines in order from the top: each separates the band above it from the band below."""
LINE_LABELS = {
    "a_b": "A/B line",
    "fqol": "Financial Quality of Life line",
    "basic_needs": "Basic needs line",
    "destitution": "Destitution line",
}
IN_POVERTY = (Band.D, Band.E)
"""Bands D and E are 'classed as living in poverty' (002:3160)."""


class BandTenure(IntEnum):
    MISSING = -1
    PRIVATE_RENT = 0
    SOCIAL_RENT = 1
    OWNER_OCCUPIED = 2

    @property
    def word(self) -> str:
        return self.name.lower()


TENURES = (BandTenure.PRIVATE_RENT, BandTenure.SOCIAL_RENT, BandTenure.OWNER_OCCUPIED)
