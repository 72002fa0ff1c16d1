"""Read the disclosure control policy a dataset ships (disclosure.yaml)."""

from __future__ import annotations

from dataclasses import fields

import yaml

from thrive.data.dataset import DatasetError
from thrive.datasets import dataset_path
from thrive.poverty.disclosure import DisclosureRules


def load_disclosure_rules(dataset: str = "luton2040") -> DisclosureRules:
    path = dataset_path(dataset) / "disclosure.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = {f.name for f in fields(DisclosureRules)}
    unknown = set(raw) - names
    if unknown:
        raise DatasetError(f"{path.name}: unknown settings {sorted(unknown)}; expected {sorted(names)}")
    try:
        return DisclosureRules(**raw)
    except (TypeError, ValueError) as error:
        raise DatasetError(f"{path.name}: {error}") from error
