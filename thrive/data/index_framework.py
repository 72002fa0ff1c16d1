"""Read an index framework from YAML; every mistake names the file and the field to fix."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from thrive.data.problems import Problem, ProblemsError
from thrive.datasets import dataset_path
from thrive.index.framework import Component, Dimension, IndexFramework, Indicator, Transform, Weighting

SYNTHETIC = "synthetic"


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

    @model_validator(mode="after")
    def _bounds(self) -> _Indicator:
        if self.utopia == self.dystopia:
            raise ValueError("utopia and dystopia must differ")
        if (self.utopia > self.dystopia) != (self.better == "higher"):
            raise ValueError(f"utopia must be the {'higher' if self.better == 'higher' else 'lower'} bound")
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
    dimensions: list[_Dimension] = Field(min_length=1)


def shipped_framework_path(dataset: str = "luton2040") -> Path:
    return dataset_path(dataset) / "index" / "framework.yaml"


def parse_framework(text: str, file: str) -> tuple[IndexFramework, dict[str, str], str]:
    """The framework, each indicator's value source, and the peer measure; or every problem."""
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
    codes = [i.code for d in model.dimensions for c in d.components for i in c.indicators]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ProblemsError([Problem(file, None, "code", f"each indicator needs its own code: {', '.join(repeated)}.")])
    framework = IndexFramework(
        model.code,
        model.name,
        model.version,
        model.weighting,
        model.imputation_cap,
        tuple(
            Dimension(
                d.code,
                d.name,
                tuple(Component(c.code, c.name, tuple(_indicator(i) for i in c.indicators)) for c in d.components),
            )
            for d in model.dimensions
        ),
    )
    sources = {i.code: i.values for d in model.dimensions for c in d.components for i in c.indicators}
    return framework, sources, model.peer_measure


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
