"""Importing official statistics in the ONS and DfE formats: any indicator, all or nothing, on both databases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app
from thrive.store.database import read_connection
from thrive.store.indicators import indicator_coverage, read_indicators
from thrive.store.observations import current_observations

runner = CliRunner()
ESS = "areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes\n"
LAIT = "measure_code,measure_description,period,la_number,ons_code,area_name,region,value\n"
EES = "time_period,time_identifier,geographic_level,country_code,region_code,new_la_code,la_name,"
EES += "school_type,pupil_count,absence_rate\n"


def _import(path: Path, fmt: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["import", str(path), "--format", fmt, "--json", *args])
    return result.exit_code, json.loads(result.stdout)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _catalogue(engine: Engine) -> dict[str, Any]:
    with read_connection(engine) as connection:
        indicators = {i.id: i for i in read_indicators(connection)}
        coverage = indicator_coverage(connection)
    return {key: (value, coverage.get(key)) for key, value in indicators.items()}


def test_an_ons_indicator_that_is_no_road_map_measure_imports_and_is_catalogued(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    # Gross disposable household income per head, as ONS Explore Local Statistics lays it out (figures illustrative).
    rows = (
        "E06000032,Luton,Unitary Authority,Gross disposable household income per head,2022-01-01/P1Y,17150,Pounds,£,,,,\n"
        "E06000032,Luton,Unitary Authority,Gross disposable household income per head,2021-01-01/P1Y,16200,Pounds,£,,,,\n"
        "E06000040,Windsor and Maidenhead,Unitary Authority,Gross disposable household income per head,2022-01-01/P1Y,,Pounds,£,,,x,\n"
        "E92000001,England,Country,Gross disposable household income per head,2022-01-01/P1Y,24200,Pounds,£,,,,\n"
    )
    path = _write(tmp_path, "gdhi.csv", ESS + rows)
    code, result = _import(path, "ons", "--dry-run")
    assert (code, result["added"], result["new_indicators"]) == (
        0,
        4,
        ["ons-gross-disposable-household-income-per-head"],
    )
    assert "ons-gross-disposable-household-income-per-head" not in _catalogue(engine)
    code, result = _import(path, "ons")
    assert (code, result["added"]) == (0, 4)
    found, coverage = _catalogue(engine)["ons-gross-disposable-household-income-per-head"]
    assert (found.title, found.unit, found.publisher) == (
        "Gross disposable household income per head",
        "gbp",
        "Office for National Statistics",
    )
    assert (coverage.areas, coverage.figures, coverage.first_period, coverage.last_period) == (3, 4, "2021", "2022")
    with read_connection(engine) as connection:
        figures = current_observations(connection, ["ons-gross-disposable-household-income-per-head"])
    withheld = figures[figures["area_code"] == "E06000040"].iloc[0]
    assert withheld["suppressed"] and withheld["value"] != withheld["value"]  # NaN: no number was stored
    code, result = _import(path, "ons")
    assert (code, result["added"], result["unchanged"], result["change_set"]) == (0, 0, 4, None)


def test_a_lait_measure_that_is_no_road_map_measure_imports_and_is_catalogued(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    rows = (
        "KS2_RWM_EXP,% reaching the expected standard in reading writing and maths,2024,821,E06000032,Luton,East of England,58\n"
        "KS2_RWM_EXP,% reaching the expected standard in reading writing and maths,2023,821,E06000032,Luton,East of England,c\n"
    )
    code, result = _import(_write(tmp_path, "ks2.csv", LAIT + rows), "dfe")
    assert (code, result["added"], result["indicators"]) == (0, 2, ["dfe-ks2-rwm-exp"])
    found, coverage = _catalogue(engine)["dfe-ks2-rwm-exp"]
    assert (found.publisher, found.licence) == ("Department for Education", "Open Government Licence v3.0")
    assert coverage.figures == 2


def test_an_ees_file_imports_each_indicator_column_and_filter(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    rows = (
        "202324,Academic year,Local authority,E92000001,E12000006,E06000032,Luton,Primary,20000,5.1\n"
        "202324,Academic year,Local authority,E92000001,E12000006,E06000032,Luton,Secondary,15000,8.2\n"
        "202324,Academic year,National,E92000001,,,,Primary,3000000,z\n"
    )
    code, result = _import(_write(tmp_path, "absence.csv", EES + rows), "dfe")
    assert code == 0, result["problems"]
    assert sorted(result["indicators"]) == [
        "dfe-absence-rate-primary",
        "dfe-absence-rate-secondary",
        "dfe-pupil-count-primary",
        "dfe-pupil-count-secondary",
    ]
    found, coverage = _catalogue(engine)["dfe-absence-rate-secondary"]
    assert (found.title, found.period_type, coverage.last_period) == (
        "Absence rate: Secondary",
        "academic_year",
        "2023/24",
    )


def test_a_malformed_file_of_each_format_is_refused_with_row_and_column_and_nothing_is_written(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    before = dump(engine)
    cases = {
        "ons": (
            "pay.csv",
            ESS + "E06000032,Luton,UA,Gross median weekly pay,2025-04-30,585.9,Pounds,£,,,,\n"
            "E06000032,Luton,UA,Gross median weekly pay,2024-04-17,five hundred,Pounds,£,,,,\n",
            [("pay.csv", 3, "observation")],
        ),
        "dfe": (
            "lait.csv",
            LAIT + "AVG_Attain8_Score,Attainment 8,2024,821,E06000032,Luton,East of England,45\n"
            "AVG_Attain8_Score,Attainment 8,2024/2025/26,821,E06000032,Luton,East of England,45\n",
            [("lait.csv", 3, "period")],
        ),
        "ees": (
            "cla.csv",
            "time_period,time_identifier,geographic_level,country_code,region_code,new_la_code,rate\n"
            "2025,Reporting year,Local authority,E92000001,E12000006,E0600003,58\n",
            [("cla.csv", 2, "new_la_code")],
        ),
    }
    for fmt, (name, text, expected) in cases.items():
        code, result = _import(_write(tmp_path, name, text), "dfe" if fmt == "ees" else fmt)
        assert code == 1
        assert [(p["file"], p["row"], p["column"]) for p in result["problems"]] == expected
        assert all(p["message"] for p in result["problems"])
    assert dump(engine) == before


def test_an_exact_official_series_extends_the_road_map_and_the_decided_revision_keeps_the_printed_figure(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    # ONS healthy life expectancy, males (Explore Local Statistics): Luton 2017-19 is now 59.6 where the
    # Road Map printed 57.4 (003:685). The link prefers ONS's revised series (DATA-NOTES K2).
    rows = (
        "E06000032,Luton,UA,Male healthy life expectancy,2017-01-01/P3Y,59.6,Years,yrs,57.5,61.6,,\n"
        "E06000032,Luton,UA,Male healthy life expectancy,2022-01-01/P3Y,56.9,Years,yrs,53.2,60.7,,\n"
        "E92000001,England,Country,Male healthy life expectancy,2018-01-01/P3Y,63.1,Years,yrs,62.9,63.3,,\n"
    )
    code, result = _import(_write(tmp_path, "hle.csv", ESS + rows), "ons")
    assert (code, result["road_map_figures"]) == (0, 2)
    detail = json.loads(runner.invoke(app, ["show", "healthy-life-expectancy", "--json"]).stdout)
    male = next(s for s in detail["series"] if s["id"] == "hle-male")
    figures = {(o["area"], o["period"]): o for o in male["observations"]}
    assert figures[("E06000032", "2017-19")]["value"] == 59.6
    assert (figures[("E06000032", "2022-24")]["lower_ci"], figures[("E06000032", "2022-24")]["upper_ci"]) == (
        53.2,
        60.7,
    )
    assert figures[("E92000001", "2018-20")]["ref"] == "003:685"  # 63.1 agrees with the printed figure: kept
    revised = next(
        h
        for h in detail["history"]["observations"]
        if h["series"] == "hle-male" and h["period"] == "2017-19" and h["before"] is not None
    )
    assert (revised["before"]["value"], revised["before"]["ref"], revised["after"]["value"]) == (57.4, "003:685", 59.6)
    assert revised["why"].startswith("ONS has revised healthy life expectancy")
    assert revised["kind"] == "official"


def test_an_officers_own_figure_is_never_overwritten_by_an_official_load(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    template = "measure,series,area,period,value,source\nsmoking,,E06000032,2022,20.0,Luton BIU estimate\n"
    assert _import(_write(tmp_path, "ours.csv", template), "template")[0] == 0
    rows = (
        "E06000032,Luton,UA,Adults that currently smoke cigarettes,2022-01-01/P1Y,21.1,Percentage,%,13.5,28.7,,\n"
        "E06000032,Luton,UA,Adults that currently smoke cigarettes,2021-01-01/P1Y,14.1,Percentage,%,10.3,17.8,,\n"
    )
    code, result = _import(_write(tmp_path, "smoking.csv", ESS + rows), "ons")
    assert (code, result["road_map_figures"]) == (0, 1)
    detail = json.loads(runner.invoke(app, ["show", "smoking", "--json"]).stdout)
    figures = {(o["area"], o["period"]): o["value"] for o in detail["series"][0]["observations"]}
    assert figures[("E06000032", "2022")] == 20.0
    assert figures[("E06000032", "2021")] == 14.1
