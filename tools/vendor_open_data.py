"""How the open data in thrive/datasets/open_data/ was made from the team's collected source folders.

    python tools/vendor_open_data.py SOURCE_DATA_FOLDER [--out FOLDER]

SOURCE_DATA_FOLDER holds one folder per source (ons_explore_local_statistics/, dfe_lait_children_services/,
...), each with the README that gives its origin and licence. The output defaults to the package's
thrive/datasets/open_data/. The folders' README files are written by hand; this script prints the
row counts and the council-name matches they quote.

This is documentation, not part of Thrive: neither the tests nor the product run it. It exists so that
anyone can check that a shipped file is its source, trimmed and never altered: rows and columns are
only dropped, cell text is copied as it stands, and the four sources that are not in the ONS Explore
Local Statistics layout are rewritten into it with their values unchanged.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from thrive.data.iod import FIELDS  # noqa: E402  (the reader decides which IoD columns are worth shipping)

ESS = "ons_explore_local_statistics"
ESS_HEADER = ["areacd", "areanm", "geography", "indicator", "period", "observation"]
ESS_HEADER += ["measure", "unit", "lci_95", "uci_95", "status", "notes"]
ENGLISH_AREA = re.compile(r"^(E0[6-9]|E1[02])\d{6}$|^E92000001$")
"""Unitary, district, metropolitan, London and county authorities, regions and England; not the UK,
GB or England-and-Wales rows (K0...), which no English comparison needs."""
GZIP_OVER = 200_000
"""Files larger than this (bytes) are shipped gzipped."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the folder holding the source data folders")
    parser.add_argument("--out", type=Path, default=REPO / "thrive" / "datasets" / "open_data")
    args = parser.parse_args()
    src: Path = args.source
    out: Path = args.out
    names = ess_names(src / ESS)

    for path in sorted((src / ESS).glob("*.csv")):
        write(out / ESS / path.name, ess_rows(path), gz=True)
    lait = src / "dfe_lait_children_services"
    for name in ("lait_selected_measures_all_areas.csv", "lait_measure_metadata.csv"):
        write(out / "dfe_lait" / name, read(lait / name))
    cla = src / "dfe_cla_rates_ees" / "cla_number_and_rate_per_10k_2021_2025.csv"
    write(out / "dfe_children_looked_after" / cla.name, read(cla))
    neighbours = src / "dfe_statistical_neighbours" / "dfe_statistical_neighbours_all_las.csv"
    write(out / "dfe_statistical_neighbours" / neighbours.name, read(neighbours), gz=False)  # 234 KB: near enough
    nn = src / "oflog_adult_social_care" / "NN_nearest_neighbours.json"
    write(out / "oflog_nearest_neighbours" / nn.name, read(nn))

    iod2019 = src / "imd2019_lsoa_england"
    for name in ("File_2_IoD2019_Domains_of_Deprivation.csv", "File_9_IoD2019_Transformed_Scores.csv"):
        write(out / "iod2019" / name, iod_columns(iod2019 / name), gz=True)
    iod2025 = src / "imd2025_lsoa21_england" / "imd2025_england_lsoa21_humaniverse.csv"
    write(out / "iod2025" / iod2025.name, iod_columns(iod2025), gz=True)

    health = src / "ons_health_index_indicators" / "health_index_underlying_indicators_ltla21_2015_2021.csv"
    selected = out / "ons_health_index" / "health_index_selected_indicators_ltla21_2015_2021.csv"
    write(selected, health_index(health, names))
    ta = src / "mhclg_temporary_accommodation" / "homelessness_and_ta_per_1000_households_2023q4.csv"
    write(out / "mhclg_temporary_accommodation" / ta.name, temporary_accommodation(ta, names))
    imd = src / "imd_local_authority" / "imd_lad_summary_2004_2025.csv"
    write(out / "imd_local_authority" / imd.name, imd_local_authority(imd, names))
    co2 = src / "desnz_co2_la_influence_mysociety" / "la_co2_emissions_2005_2020.csv"
    write(out / "desnz_co2_la_influence" / co2.name, co2_within_influence(co2, names))


# ---------------------------------------------------------------- reading and writing


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def to_csv(header: list[str], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write(path: Path, text: str, *, gz: bool | None = None) -> None:
    """Write UTF-8 text, gzipped (as `<name>.gz`) when large. The gzip header carries no name and no
    time, so running the script again gives byte-identical files."""
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if gz if gz is not None else len(data) > GZIP_OVER:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    body = gzip.decompress(data).decode("utf-8") if path.suffix == ".gz" else text
    rows = body.count("\n") - 1 if path.suffix != ".json" else None
    print(f"{path.relative_to(path.parents[1])}: {len(data):,} bytes" + (f", {rows:,} rows" if rows else ""))


# ---------------------------------------------------------------- unchanged files, trimmed


def ess_rows(path: Path) -> str:
    """An ESS file cut to English areas: each kept line is the source line, byte for byte, under the
    file's own header (the wellbeing and smoking files keep their older column names)."""
    lines = read(path).splitlines(keepends=True)
    column = next(csv.reader([lines[0]])).index("areacd")
    kept = [lines[0]]
    for line in lines[1:]:
        (cells,) = csv.reader([line])  # one record per line: no ESS cell holds a line break
        if ENGLISH_AREA.match(cells[column]):
            kept.append(line)
    return "".join(kept)


def iod_columns(path: Path) -> str:
    """An IoD LSOA file with only the columns Thrive's reader recognises (thrive.data.iod.FIELDS), every
    row kept and each header exactly as published, so the reader takes the shipped file as it would
    take MHCLG's."""
    text = read(path)
    header = next(csv.reader([text.split("\n", 1)[0]]))
    patterns = [p for field in FIELDS.values() for p in field]
    keep = [c for c in header if any(re.match(p, c) for p in patterns)]
    return to_csv(keep, [{c: row[c] for c in keep} for row in rows_of(text)])


# ---------------------------------------------------------------- sources rewritten in the ESS layout


def ess_names(folder: Path) -> dict[str, tuple[str, str]]:
    """ONS code -> (area name, geography) as the ESS files give them: the names every converted file uses."""
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.csv")):
        for row in rows_of(read(path)):
            found.setdefault(row["areacd"], (row["areanm"], row["geography"]))
    return found


def ess_row(
    code: str, name: str, geography: str, indicator: str, period: str, value: str, **rest: str
) -> dict[str, str]:
    """One row of the ESS layout; `rest` fills measure, unit and notes."""
    row = dict.fromkeys(ESS_HEADER, "")
    row.update(areacd=code, areanm=name, geography=geography, indicator=indicator, period=period, observation=value)
    row.update(rest)
    return row


HEALTH_INDICATORS = {
    "Healthy eating": ("Percentage", "%"),
    "Feelings of anxiety": ("Mean score", "Score out of 10"),
    "Overweight and obesity in adults": ("", ""),
    "Overweight and obesity in children": ("", ""),
    "Physical activity": ("", ""),
    "Air pollution": ("", ""),
}
"""The Health Index indicators the Road Map has no better source for, with the measure and unit where
the source's description states them; the others are left blank rather than guessed."""


def health_index(path: Path, names: dict[str, tuple[str, str]]) -> str:
    note = "ONS Health Index reference year; the Index carries values forward or back where source data are missing"
    rows = []
    for row in rows_of(read(path)):
        if row["indicator"] in HEALTH_INDICATORS and row["value"] != "":
            measure, unit = HEALTH_INDICATORS[row["indicator"]]
            name = names[row["ltla21_code"]][0]
            period = f"{row['year']}-01-01/P1Y"
            rows.append(
                ess_row(
                    row["ltla21_code"],
                    name,
                    "Local authority district",
                    row["indicator"],
                    period,
                    row["value"],
                    measure=measure,
                    unit=unit,
                    notes=note,
                )
            )
    return to_csv(ESS_HEADER, sorted(rows, key=lambda r: (r["indicator"], r["areacd"], r["period"])))


def temporary_accommodation(path: Path, names: dict[str, tuple[str, str]]) -> str:
    """Two rates per authority at the end of 2023; the assessed-homeless rate is the October-December flow."""
    columns = {
        "Households in temporary accommodation per 1,000": (
            "Households in temporary accommodation per 1,000 households",
            "Households in temporary accommodation on 31 December 2023",
        ),
        "Households assessed as homeless per (000s)": (
            "Households assessed as homeless per 1,000 households",
            "Assessed in October to December 2023 (a quarter's flow, dated at its end)",
        ),
    }
    rows = []
    for row in rows_of(read(path)):
        code = row["ltla23_code"]
        for column, (indicator, note) in columns.items():
            if row[column] != "":
                rows.append(
                    ess_row(
                        code,
                        names[code][0],
                        "Local authority district",
                        indicator,
                        "2023-12-31",
                        row[column],
                        measure="Rate",
                        unit="per 1,000 households",
                        notes=note,
                    )
                )
    return to_csv(ESS_HEADER, sorted(rows, key=lambda r: (r["indicator"], r["areacd"])))


IOD_PUBLISHED = {"2019": "2019-09-26", "2025": "2025-10-30"}
"""Publication dates from Thrive's own iod_releases.yaml. The 2004, 2007, 2010 and 2015 dates are in no
file here, so those editions get the edition year as their period (`2015-01-01/P1Y`)."""


def imd_local_authority(path: Path, names: dict[str, tuple[str, str]]) -> str:
    """IMD average score and share of LSOAs in England's most deprived 10%, per district and edition. The
    source's own ranking of the humaniverse scores (not official) is left out."""
    indicators = {
        "imd_average_score": ("IMD average score", "Score", "Score"),
        "prop_lsoas_most_deprived_10pct": (
            "Proportion of LSOAs in the most deprived 10% nationally",
            "Proportion",
            "Proportion of LSOAs (0 to 1)",
        ),
    }
    rows = []
    for row in rows_of(read(path)):
        edition, code = row["imd_edition"], row["lad_code"]
        period = IOD_PUBLISHED.get(edition, f"{edition}-01-01/P1Y")
        name = names[code][0] if code in names else row["lad_name"]
        for column, (indicator, measure, unit) in indicators.items():
            if row[column] != "":
                note = f"English Indices of Deprivation {edition}; {row['lad_vintage']}"
                rows.append(
                    ess_row(
                        code,
                        name,
                        "Local authority district",
                        indicator,
                        period,
                        row[column],
                        measure=measure,
                        unit=unit,
                        notes=note,
                    )
                )
    return to_csv(ESS_HEADER, sorted(rows, key=lambda r: (r["indicator"], r["areacd"], r["period"])))


DROPPED_PHRASES = (
    "london borough of",
    "royal borough of",
    "borough council of",
    "council of the",
    "city and county of",
    "city and district",
    "city of",
)
DROPPED_WORDS = {"council", "borough", "city", "district", "metropolitan", "county", "corporation", "the", "of"}


def normalised(name: str) -> str:
    """A council's name without its title ("Luton Borough Council" and "Luton" are both "luton")."""
    text = name.lower().replace("&", " and ").replace("'", "")
    text = " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text).split()) + " "
    for phrase in DROPPED_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    return " ".join(word for word in text.split() if word not in DROPPED_WORDS)


def co2_within_influence(path: Path, names: dict[str, tuple[str, str]]) -> str:
    """mySociety's copy of DESNZ's LA CO2 series carries 3-letter codes, not ONS codes. A council is kept
    only when its normalised name equals the normalised ESS name of exactly one English ONS code; the
    rest (Scotland, Wales, Northern Ireland, combined authorities and any English name that does not
    match once) are dropped and printed."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for code, (name, _) in names.items():
        if re.match(r"^E(0[6-9]|10)", code):
            by_name[normalised(name)].add(code)
    text = read(path)
    councils = {r["local-authority-code"]: r["official-name"] for r in rows_of(text)}
    matched: dict[str, str] = {}
    for short, official in sorted(councils.items()):
        found = by_name.get(normalised(official), set())
        if len(found) == 1:
            matched[short] = found.pop()
        else:
            print(f"  not matched: {short} {official!r}" + (f" (ambiguous: {sorted(found)})" if found else ""))
    print(f"  matched {len(matched)} of {len(councils)} councils")
    indicators = {
        "Per Person Emissions:t": (
            "CO2 emissions within the scope of influence of local authorities, tonnes per person",
            "Emissions (tCO2) per capita",
            "Tonnes of CO2",
        ),
        "Total Emissions:kt CO2": (
            "CO2 emissions within the scope of influence of local authorities, total, kilotonnes",
            "Total emissions",
            "Kilotonnes of CO2",
        ),
    }
    rows = []
    for row in rows_of(text):
        ons = matched.get(row["local-authority-code"])
        if ons is None:
            continue
        name, geography = names[ons]
        note = f"DESNZ 2005-2020 series (later releases revise it); source name {row['official-name']}"
        for column, (indicator, measure, unit) in indicators.items():
            if row[column] != "":
                rows.append(
                    ess_row(
                        ons,
                        name,
                        geography,
                        indicator,
                        f"{row['Year']}-01-01/P1Y",
                        row[column],
                        measure=measure,
                        unit=unit,
                        notes=note,
                    )
                )
    return to_csv(ESS_HEADER, sorted(rows, key=lambda r: (r["indicator"], r["areacd"], r["period"])))


if __name__ == "__main__":
    main()
