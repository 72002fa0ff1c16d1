"""Read an index framework from YAML; every mistake names the file and the field to fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from thrive.data.problems import Problem, ProblemsError
from thrive.datasets import dataset_path
from thrive.index.framework import Component, Dimension, IndexFramework, Indicator, Transform, Weighting

SYNTHETIC = "synthetic"


class _LsoaLevel(BaseModel):
    """What an indicator is at LSOA level, when its ward-level measure is not published for LSOAs."""

    model_config = ConfigDict(extra="forbid")
    name: str
    unit: str
    source: str
    utopia: float
    dystopia: float
    values: str


class _Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    unit: str
    better: Literal["higher", "lower"]
    source: str
    geography: str
    utopia: float
    dystopia: float
    transform: Transform = Transform.NONE
    cap: float | None = None
    weight: float | None = Field(default=None, gt=0)
    values: str
    lsoa: _LsoaLevel | None = None

    @model_validator(mode="after")
    def _bounds(self) -> _Indicator:
        bounds = [(self.utopia, self.dystopia, "")]
        if self.lsoa is not None:
            bounds.append((self.lsoa.utopia, self.lsoa.dystopia, "at LSOA level "))
        for utopia, dystopia, level in bounds:
            if utopia == dystopia:
                raise ValueError(f"utopia and dystopia {level}must differ")
            if (utopia > dystopia) != (self.better == "higher"):
                raise ValueError(f"utopia {level}must be the {'higher' if self.better == 'higher' else 'lower'} bound")
        if self.transform is Transform.CAP and self.cap is None:
            raise ValueError("a capped indicator needs a cap")
        if self.transform is Transform.LOG and min(self.utopia, self.dystopia) <= 0:
            raise ValueError("a log-transformed indicator needs bounds above zero")
        return self


class _Component(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    indicators: list[_Indicator] = Field(min_length=1)


class _Dimension(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    components: list[_Component] = Field(min_length=1)


class _Framework(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    version: int
    weighting: Weighting
    imputation_cap: float = Field(ge=0, le=1)
    peer_measure: str
    lsoa_peer_measure: str | None = None
    """Set, Luton's LSOAs are scored too, each real indicator by its `lsoa` block."""
    dimensions: list[_Dimension] = Field(min_length=1)


def shipped_framework_path(dataset: str = "luton2040") -> Path:
    return dataset_path(dataset) / "index" / "framework.yaml"


FrameworkLevel = tuple[IndexFramework, dict[str, str], str]
"""The framework as scored at one level, each indicator's value source, and the peer measure."""


def parse_framework(text: str, file: str) -> FrameworkLevel:
    """The framework at ward and district level; or every problem."""
    model = _model(text, file)
    return (
        _framework(model, _indicator),
        {i.code: i.values for i in _indicators(model)},
        model.peer_measure,
    )


def parse_lsoa_framework(text: str, file: str) -> FrameworkLevel | None:
    """The framework at LSOA level: the same components, with each real indicator as its `lsoa` block
    defines it and synthetic ones unchanged; None when the framework scores no LSOAs."""
    model = _model(text, file)
    if model.lsoa_peer_measure is None:
        return None
    unplaced = [i.code for i in _indicators(model) if i.values != SYNTHETIC and i.lsoa is None]
    if unplaced:
        raise ProblemsError(
            [
                Problem(
                    file,
                    None,
                    "lsoa",
                    f"say what {code} is at LSOA level in an 'lsoa:' block, or remove lsoa_peer_measure.",
                )
                for code in unplaced
            ]
        )
    return (
        _framework(model, _lsoa_indicator),
        {i.code: i.values if i.lsoa is None else i.lsoa.values for i in _indicators(model)},
        model.lsoa_peer_measure,
    )


def _indicators(model: _Framework) -> list[_Indicator]:
    return [i for d in model.dimensions for c in d.components for i in c.indicators]


def _model(text: str, file: str) -> _Framework:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise ProblemsError(
            [Problem(file, None if line is None else line + 1, None, f"this is not valid YAML ({error}).")]
        ) from None
    try:
        model = _Framework.model_validate(raw)
    except ValidationError as error:
        raise ProblemsError(
            [Problem(file, None, ".".join(str(p) for p in e["loc"]) or None, f"{e['msg']}.") for e in error.errors()]
        ) from None
    codes = [i.code for i in _indicators(model)]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ProblemsError([Problem(file, None, "code", f"each indicator needs its own code: {', '.join(repeated)}.")])
    return model


def _framework(model: _Framework, indicator: Callable[[_Indicator], Indicator]) -> IndexFramework:
    return IndexFramework(
        model.code,
        model.name,
        model.version,
        model.weighting,
        model.imputation_cap,
        tuple(
            Dimension(
                d.code,
                d.name,
                tuple(Component(c.code, c.name, tuple(indicator(i) for i in c.indicators)) for c in d.components),
            )
            for d in model.dimensions
        ),
    )


def _indicator(i: _Indicator) -> Indicator:
    return Indicator(
        i.code,
        i.name,
        i.unit,
        i.better == "higher",
        i.source,
        i.geography,
        i.utopia,
        i.dystopia,
        i.transform,
        i.cap,
        i.weight,
        synthetic=i.values == SYNTHETIC,
    )


def _lsoa_indicator(i: _Indicator) -> Indicator:
    if i.lsoa is None:
        return _indicator(i)
    level = i.lsoa
    return Indicator(
        i.code,
        level.name,
        level.unit,
        i.better == "higher",
        level.source,
        "lsoa",
        level.utopia,
        level.dystopia,
        weight=i.weight,
        synthetic=level.values == SYNTHETIC,
    )
