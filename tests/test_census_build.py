"""The county census extract: scripts/build_census.py refuses an unexpected upstream file with one
line and writes nothing, and the committed data/census_units.csv and data/census.csv keep their
crosswalk, keys and totals honest.

Runs in the main venv: no openpyxl, and ../shared may be absent (the one test that needs the
upstream files skips without them). Each check on the committed extract is also run on a
deliberately broken copy, to show it can fail.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_census.py"
DATA = ROOT / "data"
UPSTREAM = ROOT.parent / "shared" / "external" / "leiii-census"

_spec = importlib.util.spec_from_file_location("build_census", SCRIPT)
bc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bc)

# Current adcodes with no census unit of the same territory (see data/README.md).
NOT_COMPARABLE_2020 = {
    "330102",
    "330105",
    "330109",
    "330110",
    "330113",
    "330114",
    "330303",
}
NOT_COMPARABLE_2010 = {
    "330102",
    "330105",
    "330109",
    "330110",
    "330113",
    "330114",  # Hangzhou 2021
    "330203",
    "330212",  # Ningbo 2016: 江东 into 鄞州, nine towns 鄞州 -> 海曙
    "330303",
    "330305",
    "330327",
    "330383",  # Wenzhou: 灵昆 龙湾 -> 洞头 (2015), 龙港 out of 苍南 (2019)
    "330602",
    "330603",  # Shaoxing 2013: three towns of 绍兴县 -> 越城
}


# ---------------------------------------------------------------- check functions, no openpyxl


def synthetic(year: int) -> pd.DataFrame:
    """A frame of the recorded shape (columns read, row count, Zhejiang rows per level) with
    placeholder values; 2010 finds Zhejiang as the block after 330000, 2020 by province name."""
    counties = [330101 + i for i in range(90)]
    zj = (
        [330000]
        + [330000 + 100 * i for i in range(1, 12)]
        + counties
        + ([None] if year == 2020 else [])
    )
    others = [340000 + i for i in range(bc.EXPECTED[year]["rows"] - len(zj))]
    rows = []
    for code in zj + others:
        row = dict.fromkeys(bc.required_columns(year), 1)
        row.update({bc.CODE_COLUMN: code, bc.NAME_COLUMN[year]: "x"})
        if year == 2020:
            row.update(
                {
                    "省": "浙江省" if code is None or code < 340000 else "安徽省",
                    "市": "温州市",
                }
            )
        rows.append(row)
    return pd.DataFrame(rows, dtype=object)


@pytest.mark.parametrize("year", [2010, 2020])
def test_a_frame_of_the_recorded_shape_passes(year):
    bc.check_upstream(synthetic(year), year, "up/f.xlsx")


@pytest.mark.parametrize(
    "year, column, n", [(2010, "合计", 26), (2020, "人口数_合计", 28)]
)
def test_a_renamed_column_is_refused_with_one_line(year, column, n):
    df = synthetic(year).rename(columns={column: column + " "})
    with pytest.raises(bc.UpstreamError) as e:
        bc.check_upstream(df, year, "up/f.xlsx")
    assert (
        str(e.value)
        == f"up/f.xlsx: expected column '{column}' is missing or renamed (1 of the {n} columns read are missing)"
    )


def test_a_changed_zhejiang_row_count_is_refused_with_one_line():
    df = synthetic(2020)
    df.loc[df[bc.CODE_COLUMN] == 330150, "省"] = (
        "安徽省"  # one county fewer, same total
    )
    with pytest.raises(bc.UpstreamError) as e:
        bc.check_upstream(df, 2020, "up/f.xlsx")
    assert str(e.value) == (
        "up/f.xlsx: Zhejiang rows per level are province 1, prefecture 11, county 89, functional_zone 1, "
        "expected province 1, prefecture 11, county 90, functional_zone 1"
    )


def test_a_code_less_row_in_the_2010_block_is_refused():
    df = synthetic(2010)
    df.loc[df[bc.CODE_COLUMN] == 330150, bc.CODE_COLUMN] = None
    with pytest.raises(bc.UpstreamError) as e:
        bc.check_upstream(df, 2010, "up/f.xlsx")
    assert str(e.value) == (
        "up/f.xlsx: Zhejiang rows per level are province 1, prefecture 11, county 89, functional_zone 1, "
        "expected province 1, prefecture 11, county 90"
    )


def test_a_changed_total_row_count_is_refused():
    df = synthetic(2020).iloc[:-1]
    with pytest.raises(bc.UpstreamError) as e:
        bc.check_upstream(df, 2020, "up/f.xlsx")
    assert str(e.value) == "up/f.xlsx: 3357 data rows, expected 3358"


def test_changed_upstream_bytes_are_refused(tmp_path):
    f = tmp_path / "census_county_2010_v1.xlsx"
    f.write_bytes(b"not the recorded file")
    with pytest.raises(bc.UpstreamError) as e:
        bc.check_sha256(f, 2010)
    assert str(e.value).startswith(
        f"{f}: sha256 "
    ) and "the upstream changed; re-check its columns and row counts" in str(e.value)


# ---------------------------------------------------------------- the command line


def _run(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_an_empty_upstream_folder_gives_one_line_and_writes_nothing(tmp_path):
    up, out = tmp_path / "up", tmp_path / "out"
    up.mkdir()
    run = _run("--upstream", up, "--out", out)
    assert (run.returncode, run.stdout) == (1, "")
    assert (
        run.stderr
        == f"build_census: refused: {up / 'census_county_2010_v1.xlsx'}: file not found\n"
    )
    assert not out.exists()


def test_a_changed_upstream_file_gives_one_line_and_writes_nothing(tmp_path):
    up, out = tmp_path / "up", tmp_path / "out"
    up.mkdir()
    out.mkdir()
    for year in (2010, 2020):
        (up / bc.EXPECTED[year]["file"]).write_bytes(
            b"PK\x03\x04 not the recorded workbook"
        )
    run = _run("--upstream", up, "--out", out)
    assert (
        run.returncode == 1
        and run.stderr.count("\n") == 1
        and "Traceback" not in run.stderr
    )
    assert run.stderr.startswith(
        f"build_census: refused: {up / 'census_county_2010_v1.xlsx'}: sha256 "
    )
    assert list(out.iterdir()) == []


@pytest.mark.skipif(
    not UPSTREAM.is_dir(),
    reason="the upstream census files (maintainers only; see scripts/build_census.py) are not here",
)
def test_the_recorded_upstream_rebuilds_the_committed_bytes_or_asks_for_openpyxl(
    tmp_path,
):
    """With openpyxl (the build venv): byte-identical output. Without (the main venv): one line."""
    out = tmp_path / "out"
    run = _run("--upstream", UPSTREAM, "--out", out)
    if importlib.util.find_spec("openpyxl") is None:
        assert run.returncode == 1 and not out.exists()
        assert run.stderr == (
            f"build_census: refused: {UPSTREAM / 'census_county_2010_v1.xlsx'}: reading .xlsx needs "
            "openpyxl, which is not installed; use the venv of requirements-census.txt\n"
        )
    else:
        assert run.returncode == 0, run.stderr
        for name in ("census_units.csv", "census.csv"):
            assert (out / name).read_bytes() == (DATA / name).read_bytes(), name


# ---------------------------------------------------------------- the committed extract


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def units():
    return _read("census_units.csv")


@pytest.fixture(scope="module")
def values():
    return _read("census.csv")


@pytest.fixture(scope="module")
def counties():
    return _read("counties.csv").set_index("adcode")["name_zh"]


@pytest.fixture(scope="module")
def regions():
    return _read("regions.csv").set_index("adcode")["name_zh"]


def not_comparable(units: pd.DataFrame, counties: pd.Series, year: str) -> set[str]:
    """Current adcodes without a unit of that census whose territory is the same."""
    u = units[
        (units["census_year"] == year) & units["relation"].isin(["same", "recoded"])
    ]
    return set(counties.index) - set(u["adcode"])


def relation_problems(
    units: pd.DataFrame, counties: pd.Series, regions: pd.Series
) -> list[str]:
    """Every way a crosswalk row can contradict the vocabulary or the current code lists."""
    bad = []
    for r in units.itertuples():
        key = f"{r.census_year} {r.census_code}"
        mapped = r.relation in ("same", "recoded")
        if r.relation not in ("same", "recoded", "changed", "partial"):
            bad.append(f"{key}: relation {r.relation}")
        if mapped != bool(r.adcode):
            bad.append(f"{key}: {r.relation} with adcode {r.adcode!r}")
        if r.relation == "same" and r.adcode != r.census_code:
            bad.append(f"{key}: same but adcode {r.adcode}")
        if r.relation == "recoded" and r.adcode == r.census_code:
            bad.append(f"{key}: recoded to its own code")
        if (
            r.level == "county"
            and r.relation == "same"
            and counties.get(r.adcode) != r.name_zh
        ):
            bad.append(
                f"{key}: same but named {r.name_zh}, today {counties.get(r.adcode)}"
            )
        if r.level in ("province", "prefecture") and (
            r.relation != "same" or regions.get(r.adcode) != r.name_zh
        ):
            bad.append(f"{key}: {r.level} not the same as regions.csv")
        current = [a for a in r.current_adcodes.split(";") if a]
        if any(a not in counties.index for a in current):
            bad.append(
                f"{key}: current_adcodes {r.current_adcodes} not all in counties.csv"
            )
        if r.level in ("county", "functional_zone") and (
            not current or (mapped and current != [r.adcode])
        ):
            bad.append(
                f"{key}: current_adcodes {r.current_adcodes!r} for a {r.relation} unit"
            )
        if not mapped and not (r.change_note and r.change_source):
            bad.append(f"{key}: {r.relation} without change_note and change_source")
    for year, u in units[units["adcode"] != ""].groupby("census_year"):
        dup = u["adcode"][u["adcode"].duplicated()]
        bad += [f"{year}: adcode {a} mapped twice" for a in dup]
    return bad


def population_sums(
    units: pd.DataFrame, values: pd.DataFrame, year: str
) -> tuple[int, int, int]:
    """(coded county-level rows, development zone rows, province row) of one census."""
    pop = values[(values["census_year"] == year) & (values["variable"] == "population")]
    pop = pop.merge(units, on=["census_year", "census_code"])

    def total(level):
        return int(pop.loc[pop["level"] == level, "value"].astype("int64").sum())

    return total("county"), total("functional_zone"), total("province")


def test_every_current_unit_has_a_2020_unit_of_the_same_territory_or_is_explained(
    units, counties
):
    assert len(counties) == 90
    assert not_comparable(units, counties, "2020") == NOT_COMPARABLE_2020
    explained = set(
        ";".join(
            units[
                (units["census_year"] == "2020")
                & units["relation"].isin(["changed", "partial"])
            ]["current_adcodes"]
        ).split(";")
    )
    assert explained >= NOT_COMPARABLE_2020


def test_every_current_unit_has_a_2010_unit_of_the_same_territory_or_is_explained(
    units, counties
):
    assert not_comparable(units, counties, "2010") == NOT_COMPARABLE_2010
    explained = set(
        ";".join(
            units[(units["census_year"] == "2010") & (units["relation"] == "changed")][
                "current_adcodes"
            ]
        ).split(";")
    )
    assert explained >= NOT_COMPARABLE_2010


def test_a_silently_mapped_unit_changes_the_set(units, counties):
    broken = units.copy()
    row = (broken["census_year"] == "2020") & (
        broken["census_code"] == "330110"
    )  # 余杭区 before 临平 was split off
    broken.loc[row, ["relation", "adcode"]] = ["same", "330110"]
    assert not_comparable(broken, counties, "2020") != NOT_COMPARABLE_2020


def test_crosswalk_rows_follow_the_vocabulary(units, counties, regions):
    assert relation_problems(units, counties, regions) == []
    assert set(units["level"]) == {
        "province",
        "prefecture",
        "county",
        "functional_zone",
    }


@pytest.mark.parametrize(
    "year, code, column, value",
    [
        ("2020", "330110", "adcode", "330110"),  # a changed unit given an adcode
        (
            "2010",
            "330183",
            "adcode",
            "330183",
        ),  # a recoded unit keeping its retired code
        ("2020", "330302", "relation", "renamed"),  # a word outside the vocabulary
        ("2010", "330204", "change_note", ""),  # a change without its note
        ("2020", "330304", "adcode", "330302"),  # two units on one adcode
    ],
)
def test_crosswalk_checks_catch_broken_rows(
    units, counties, regions, year, code, column, value
):
    broken = units.copy()
    row = (broken["census_year"] == year) & (broken["census_code"] == code)
    assert row.sum() == 1
    broken.loc[row, column] = value
    assert relation_problems(broken, counties, regions) != []


def test_keys_are_unique_and_every_value_belongs_to_a_unit(units, values):
    assert not units.duplicated(["census_year", "census_code"]).any()
    assert not values.duplicated(["census_year", "census_code", "variable"]).any()
    keys = set(zip(units["census_year"], units["census_code"]))
    assert set(zip(values["census_year"], values["census_code"])) == keys
    assert len(units) == 205 and len(values) == 205 * len(
        bc.VARIABLES
    )  # no variable is missing anywhere


def test_each_variable_reads_one_upstream_column_per_year(values):
    per = values.groupby(["census_year", "variable"])["upstream_column"].nunique()
    assert (per == 1).all()
    assert set(values["variable"]) == {v[0] for v in bc.VARIABLES}


def test_county_populations_add_up_to_the_province(units, values):
    # 2020: the 90 coded rows miss 249,343 people, the 温州经济技术开发区 row; with it the sum is exact.
    assert population_sums(units, values, "2020") == (64318245, 249343, 64567588)
    assert population_sums(units, values, "2010") == (54426891, 0, 54426891)
    broken = units[units["census_code"] != "330300-1"]
    county, zone, province = population_sums(broken, values, "2020")
    assert county + zone != province


def test_counts_are_whole_numbers_within_their_totals(values):
    wide = values.pivot(
        index=["census_year", "census_code"], columns="variable", values="value"
    )
    counts = wide.drop(columns="mean_years_schooling")
    assert counts.apply(lambda c: c.str.fullmatch(r"\d+")).all().all()
    counts = counts.astype("int64")
    old = counts[
        [
            c
            for c in counts
            if c.startswith("pop_age_")
            and c.split("_")[2] in ("65", "70", "75", "80", "85")
        ]
    ].sum(axis=1)
    assert (counts["population_urban"] <= counts["population"]).all()
    assert (counts["hukou_other_province"] <= counts["population"]).all()
    assert (old <= counts["population"]).all()
    assert (
        counts["longform_employed_manufacturing"] <= counts["longform_employed"]
    ).all()
    schooling = wide["mean_years_schooling"].astype(float)
    assert schooling.between(5, 16).all()
