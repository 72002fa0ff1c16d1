"""Read English Indices of Deprivation files: MHCLG's own CSV layout (Files 1-3, 5, 9 and the like)
and the IMD R package's tidy layout (`lsoa21_code`, `IMD_decile`, ...), into one LSOA table.

Several files of one release can be given together (IoD2019 File 2 has the deciles, File 9 the
transformed scores); they are joined on the LSOA code. Every problem names the file, the row
and the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import FIRST_DATA_ROW, read_table
from thrive.datasets import dataset_path

FIELDS: dict[str, tuple[str, ...]] = {
    "lsoa_code": (r"^LSOA code \((\d{4})\)$", r"^lsoa(\d\d)_code$"),
    "lad_code": (r"^Local Authority District code \(\d{4}\)$",),
    "imd_decile": (r"^Index of Multiple Deprivation \(IMD\) Decile", r"^IMD_decile$"),
    "imd_rank": (r"^Index of Multiple Deprivation \(IMD\) Rank", r"^IMD_rank$"),
    "income_decile": (r"^Income Decile", r"^Income_decile$"),
    "income_rank": (r"^Income Rank", r"^Income_rank$"),
    "income_score": (r"^Income Score \(rate\)$", r"^Income_score$"),
    "income_transformed": (r"^Income Score - exponentially transformed$",),
    "employment_transformed": (r"^Employment Score - exponentially transformed$",),
    "education_transformed": (r"^Education Score - exponentially transformed$",),
    "health_transformed": (r"^Health Score - exponentially transformed$",),
    "crime_transformed": (r"^Crime Score - exponentially transformed$",),
    "barriers_transformed": (r"^Barriers Score - exponentially transformed$",),
    "living_environment_transformed": (r"^Living Environment Score - exponentially transformed$",),
}
"""Our name for a column, and the headers it goes by in each layout. The File 9 transformed domain
scores are also Luton's real LSOA-level index indicators (DATA-NOTES I6)."""
TRANSFORMED = tuple(f for f in FIELDS if f.endswith("_transformed"))
WHOLE_NUMBERS = ("imd_decile", "imd_rank", "income_decile", "income_rank")
NEEDED = ("lsoa_code", "imd_decile", "income_decile")


@dataclass(frozen=True)
class IodRelease:
    year: int
    title: str
    url: str
    published: str
    geography: str
    lsoas_in_england: int
    luton_lsoas: Path
    boundaries: Path | None
    break_in_series: str | None
    file_titles: dict[str, str]

    @property
    def census_year(self) -> int:
        return int(self.geography.split()[-1])


@cache
def iod_releases(dataset: str = "luton2040") -> dict[int, IodRelease]:
    folder = dataset_path(dataset) / "index"
    entries = yaml.safe_load((folder / "iod_releases.yaml").read_text(encoding="utf-8"))
    return {
        int(e["year"]): IodRelease(
            int(e["year"]),
            e["title"],
            e["url"],
            str(e["published"]),
            e["geography"],
            int(e["lsoas_in_england"]),
            folder / e["luton_lsoas"],
            folder / e["boundaries"] if e.get("boundaries") else None,
            e.get("break_in_series"),
            {f["name"]: f["title"] for f in e.get("files", [])},
        )
        for e in entries
    }


ANALYSTS_FILE = "a file an analyst imported"
"""How a public page cites an imported file the releases do not list: a file name an officer chose is
not a citation, and may say more than it should."""


def cited_files(names: list[str]) -> list[str]:
    """Each imported file as a reader would cite it: its title in the release, never its file name."""
    titles = {name: title for r in iod_releases().values() for name, title in r.file_titles.items()}
    return list(dict.fromkeys(titles.get(name, ANALYSTS_FILE) for name in names))


def luton_lsoas(release: IodRelease) -> pd.DataFrame:
    """Luton's LSOAs in the release's geography, with their ward where the lookup gives one."""
    frame = pd.read_csv(release.luton_lsoas, dtype=str, keep_default_na=False)
    return frame.replace("", None)


def lsoa_ward_names(release: IodRelease) -> dict[str, str | None]:
    """Each of Luton's LSOAs in the release's geography, with the name of its ward (None without one):
    what a map's tooltips and a download's rows name an LSOA's ward by."""
    lookup = luton_lsoas(release)
    return dict(zip(lookup["lsoa_code"], lookup["ward_name"], strict=True))


def read_iod_files(paths: list[Path], release: IodRelease) -> pd.DataFrame:
    """The release's LSOA table from one or more files, or every problem found in them."""
    problems: list[Problem] = []
    frames = []
    for path in paths:
        try:
            frames.append(_read_one(path, release))
        except ProblemsError as error:
            problems.extend(error.problems)
    if problems:
        raise ProblemsError(problems)
    merged = frames[0]
    for other in frames[1:]:
        extra = [c for c in other.columns if c not in merged.columns or c == "lsoa_code"]
        merged = merged.merge(other[extra], on="lsoa_code", how="outer")
    missing = [f for f in NEEDED if f not in merged.columns]
    if missing:
        names = ", ".join(p.name for p in paths)
        wanted = "; ".join(f"{f}: a column like '{_example(f)}'" for f in missing)
        raise ProblemsError([Problem(names, 1, None, f"these files lack what Thrive needs ({wanted}).")])
    return merged


def _example(field: str) -> str:
    return FIELDS[field][0].strip("^$").replace("\\(", "(").replace("\\)", ")").replace("(\\d{4})", "(2019)")


def _read_one(path: Path, release: IodRelease) -> pd.DataFrame:
    table = read_table(path)
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for field, patterns in FIELDS.items():
        for column in table.columns:
            match = next((re.match(p, column) for p in patterns if re.match(p, column)), None)
            if match is None:
                continue
            found.setdefault(field, column)
            if field == "lsoa_code":
                year = int(match.group(1)) % 100
                if year != release.census_year % 100:
                    problems.append(
                        Problem(
                            path.name,
                            1,
                            column,
                            f"this file uses LSOAs of 20{year:02d}, but the {release.year} release ranks the "
                            f"{release.geography} LSOAs. Check which release the file belongs to.",
                        )
                    )
    if "lsoa_code" not in found:
        problems.append(
            Problem(path.name, 1, None, "there is no LSOA code column, such as 'LSOA code (2011)' or 'lsoa21_code'.")
        )
    if problems:
        raise ProblemsError(problems)
    frame = pd.DataFrame({field: table[column].str.strip() for field, column in found.items()})
    for field in [f for f in found if f not in ("lsoa_code", "lad_code")]:
        frame[field] = _numbers(frame[field], path.name, found[field], field in WHOLE_NUMBERS, problems)
    for field in ("imd_decile", "income_decile"):
        if field in frame:
            outside = frame.index[(frame[field] < 1) | (frame[field] > 10)]
            problems.extend(
                Problem(path.name, int(i) + FIRST_DATA_ROW, found[field], "a decile runs from 1 to 10.")
                for i in outside[:20]
            )
    if problems:
        raise ProblemsError(problems)
    return frame


def _numbers(cells: pd.Series, file: str, column: str, whole: bool, problems: list[Problem]) -> pd.Series:
    """Numbers as MHCLG writes them ("1,296", "29199.00"); each cell that is not one is a problem."""
    values = pd.to_numeric(cells.str.replace(",", "", regex=False), errors="coerce")
    bad = values.isna() | (whole & (values % 1 != 0))
    for i in cells.index[bad.to_numpy()][:20]:
        kind = "a whole number" if whole else "a number"
        problems.append(Problem(file, int(i) + FIRST_DATA_ROW, column, f"enter {kind}. '{cells[i]}' is not one."))
    return values.astype("Int64") if whole and not bad.any() else values
