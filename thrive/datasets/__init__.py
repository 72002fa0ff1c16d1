"""Shipped datasets, kept as data files (YAML and CSV) with their sources."""

from pathlib import Path

DATASETS = Path(__file__).parent
OPEN_DATA = DATASETS / "open_data"
"""Public statistics shipped with Thrive, trimmed from their sources (see its README)."""


def dataset_path(name: str) -> Path:
    path = DATASETS / name
    if not (path / "measures.yaml").is_file():
        raise FileNotFoundError(f"There is no dataset called '{name}' in {DATASETS}.")
    return path
