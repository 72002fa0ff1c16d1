"""The index framework as data: dimensions hold components, components hold indicators.

The structure is the Social Progress Index's (3 dimensions, 12 components; 2020 Social Progress
Index Methodology Summary, Stern, Krylova and Harmacek, "Dimensions" and "Components of Social
Progress"). Each indicator carries its own polarity, unit, source, transformation, utopia and
dystopia, so the framework alone says how a score was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np


class Transform(StrEnum):
    """SPI 2020 Methodology Summary, "Indicator Transformations": capped and log-transformed indicators."""

    NONE = "none"
    LOG = "log"
    CAP = "cap"


class Weighting(StrEnum):
    EQUAL = "equal"
    PCA = "pca"
    """First principal component of the component's indicators (SPI since 2016)."""
    FACTOR = "factor"
    """One-factor analysis of the component's indicators (SPI 2014 and 2015)."""


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    higher_is_better: bool
    source: str
    geography: str
    utopia: float
    dystopia: float
    transform: Transform = Transform.NONE
    cap: float | None = None
    weight: float | None = None
    """A fixed weight within its component; None lets the framework's weighting method decide."""
    synthetic: bool = False


@dataclass(frozen=True)
class Component:
    code: str
    name: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Dimension:
    code: str
    name: str
    components: tuple[Component, ...]


@dataclass(frozen=True)
class IndexFramework:
    code: str
    name: str
    version: int
    weighting: Weighting
    imputation_cap: float
    """The largest share of a component's indicators that may be imputed for one area; above it,
    nothing is imputed and the area has no score for that component."""
    dimensions: tuple[Dimension, ...]

    @property
    def components(self) -> tuple[Component, ...]:
        return tuple(c for d in self.dimensions for c in d.components)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for c in self.components for i in c.indicators)

    def membership(self) -> np.ndarray:
        """Indicator-by-component matrix of ones: which component each indicator belongs to."""
        out = np.zeros((len(self.indicators), len(self.components)))
        row = 0
        for column, component in enumerate(self.components):
            out[row : row + len(component.indicators), column] = 1.0
            row += len(component.indicators)
        return out

    def dimension_matrix(self) -> np.ndarray:
        """Component-by-dimension averaging matrix: a dimension is the mean of its components."""
        out = np.zeros((len(self.components), len(self.dimensions)))
        row = 0
        for column, dimension in enumerate(self.dimensions):
            n = len(dimension.components)
            out[row : row + n, column] = 1.0 / n
            row += n
        return out

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """(utopia, dystopia) per indicator, in the indicator's own units."""
        return (
            np.array([i.utopia for i in self.indicators], dtype=float),
            np.array([i.dystopia for i in self.indicators], dtype=float),
        )
