"""The validator accepts the curated data and refuses each kind of bad input with one line
naming file, row and column, without touching the data directory.

Cell faults are independent (each in its own row), so they are injected together into one copy
and validated once; each fault is still its own test item with its own expected line."""

import csv
import hashlib
import shutil
import subprocess
import sys

import pytest

from zjcounty.__main__ import main
from zjcounty.check.validate import validate
from zjcounty.data.tables import TableError, load
from zjcounty.paths import DATA, ROOT


def _lines(data_dir):
    return [str(p) for p in validate(data_dir, shown_as="data")]


def _rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _line_of(path, key):
    """Line in the file (header = 1) of the row whose first cell is `key`."""
    return next(i for i, r in enumerate(_rows(path), start=1) if r[0] == key)


def _edit(path, key, column, value):
    """Set one cell of the row whose first cell is `key`; returns that row's line."""
    rows = _rows(path)
    line = _line_of(path, key)
    rows[line - 1][rows[0].index(column)] = value
    _write(path, rows)
    return line


def _tree_digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_curated_data_is_clean():
    assert _lines(DATA) == []


def test_validation_never_writes_to_the_data_directory(data_copy):
    _edit(data_copy / "facts.csv", "F001", "value", "abc")
    before = _tree_digest(data_copy.parent)
    assert _lines(data_copy)
    assert _tree_digest(data_copy.parent) == before


# --- file faults: one line each, nothing else ------------------------------------------------


def _truncate(d):
    """Cut facts.csv inside its last row, at a comma outside quotes, as a copy that stopped
    writing would leave it."""
    text = (d / "facts.csv").read_text(encoding="utf-8")
    start = text.rstrip("\n").rfind("\n") + 1
    row, quoted, cut = text[start:], False, 0
    for i, ch in enumerate(row[: len(row) // 2]):
        quoted ^= ch == '"'
        if ch == "," and not quoted:
            cut = i
    (d / "facts.csv").write_text(text[: start + cut], encoding="utf-8")
    return len(_rows(d / "facts.csv"))


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda d: (d / "facts.csv").unlink(), "data/facts.csv:0: -: file is missing"),
        (
            lambda d: (d / "facts.csv").write_bytes(b""),
            "data/facts.csv:0: -: file is empty",
        ),
        (
            lambda d: (d / "pairs.csv").write_bytes(
                (d / "pairs.csv")
                .read_bytes()
                .replace("比如".encode(), "比如".encode("gb18030"))
            ),
            "data/pairs.csv:6: -: not valid UTF-8 (byte 0xb1 at offset",
        ),
        (
            lambda d: (d / "units.csv").write_bytes(
                b"\xef\xbb\xbf" + (d / "units.csv").read_bytes()
            ),
            "data/units.csv:1: -: starts with a byte-order mark",
        ),
        (
            lambda d: (d / "regions.csv").write_text(
                "adcode,name,level\n330000,x,province\n", encoding="utf-8"
            ),
            "data/regions.csv:1: -: header does not match the schema: "
            "missing ['name_zh', 'name_en']; unexpected ['name']",
        ),
        (
            lambda d: (d / "regions.csv").write_text(
                (d / "regions.csv").read_text(encoding="utf-8") + "331200,x\n",
                encoding="utf-8",
            ),
            f"data/regions.csv:{len(_rows(DATA / 'regions.csv')) + 1}: -: has 2 fields, the header has 4",
        ),
        (
            lambda d: (d / "datapackage.json").write_text(
                "{not json", encoding="utf-8"
            ),
            "data/datapackage.json:0: -: not a readable Data Package descriptor",
        ),
    ],
)
def test_file_faults_give_one_line_each(data_copy, damage, expected):
    damage(data_copy)
    lines = _lines(data_copy)
    assert len(lines) == 1 and lines[0].startswith(expected), lines[:3]


def test_a_truncated_file_is_named_at_its_last_line(data_copy):
    last = _truncate(data_copy)
    assert _lines(data_copy) == [
        f"data/facts.csv:{last}: -: file does not end with a newline: truncated?"
    ]


def test_a_missing_seed_is_one_line_not_one_per_quote(data_copy):
    sources = data_copy / "sources.csv"
    line = _line_of(sources, "seed001")
    seed = data_copy.parent / _rows(sources)[line - 1][2]
    seed.unlink()
    assert _lines(data_copy) == [
        f"data/sources.csv:{line}: path: {seed.relative_to(data_copy.parent)} is missing: "
        "the quotes citing seed001 cannot be checked"
    ]


def test_a_county_in_two_pairs_of_one_programme_is_refused(data_copy):
    pairs = data_copy / "pairs.csv"
    rows = _rows(pairs)
    second = list(rows[1])  # P01 乐清–景宁
    second[0], second[2] = "P99", "330822"  # 乐清 again, with 常山
    rows.append(second)
    _write(pairs, rows)
    lines = _lines(data_copy)
    assert (
        f"data/pairs.csv:{len(rows)}: industrial_adcode: 330382 is already in pair P01 of "
        "manufacturing_pairing_2023 (pairs are one-to-one)" in lines
    )
    assert (
        f"data/pairs.csv:{len(rows)}: mountain_adcode: 330822 is already in pair P02 of "
        "manufacturing_pairing_2023 (pairs are one-to-one)" in lines
    )


# --- cell faults, injected together ----------------------------------------------------------

CELL_FAULTS = [
    # (table, key of the row, column, new value, expected line without "data/TABLE:ROW: ")
    ("facts.csv", "F001", "value", "sixty-five", "value: 'sixty-five' is not a number"),
    ("facts.csv", "F002", "value", "", "value: required value is empty"),
    ("facts.csv", "F004", "qualifier", "roughly", "qualifier: 'roughly' is not one of"),
    (
        "facts.csv",
        "F005",
        "unit",
        "furlongs",
        "unit: 'furlongs' is not a unit_id in units.csv",
    ),
    (
        "facts.csv",
        "F015",
        "unit",
        "ratio",
        "unit: differs from its indicator's unit percent",
    ),
    ("facts.csv", "F008", "fact_id", "F007", "fact_id: duplicate value 'F007'"),
    (
        "facts.csv",
        "F009",
        "source_id",
        "seed999",
        "source_id: 'seed999' is not a source_id in sources.csv",
    ),
    (
        "facts.csv",
        "F010",
        "adcode",
        "339999",
        "adcode: '339999' is neither in counties.csv nor in regions.csv",
    ),
    (
        "facts.csv",
        "F011",
        "ref_period",
        "last year",
        "ref_period: 'last year' does not match",
    ),
    (
        "facts.csv",
        "F012",
        "quote",
        "组建了99家专业技术团队",
        "quote: not found in its seed 000_",
    ),
    ("facts.csv", "F013", "value", "16", "value: 16 is not a number the quote states"),
    # a value off by its unit's magnitude: 三万米 stored as 3 metres a day
    (
        "facts.csv",
        "F067",
        "value",
        "3",
        "value: 3 metres_per_day is 3 but the quote's 三万 reads 30000",
    ),
    # a year in the quote taken as the stated value
    (
        "facts.csv",
        "F070",
        "value",
        "2023",
        "value: 2023 is a year in the quote, not a quantity it states",
    ),
    # the qualifier check runs both ways
    (
        "facts.csv",
        "F003",
        "qualifier",
        "exact",
        "qualifier: exact, but the quote qualifies 200 as more_than",
    ),
    (
        "facts.csv",
        "F051",
        "qualifier",
        "exact",
        "qualifier: exact, but the quote qualifies 50 as more_than",
    ),
    (
        "facts.csv",
        "F034",
        "qualifier",
        "more_than",
        "qualifier: more_than, but the quote has none of 多 余",
    ),
    ("counties.csv", "330102", "kind", "borough", "kind: 'borough' is not one of"),
    ("pairs.csv", "P03", "pair_id", "P3", "pair_id: 'P3' does not match ^P\\d{2}$"),
    (
        "pairs.csv",
        "P02",
        "mountain_adcode",
        "330999",
        "mountain_adcode: '330999' is not a adcode in counties.csv",
    ),
    ("units.csv", "cny", "numeral_scale", "7", "numeral_scale: '7' is not one of"),
    # a non-integer in an integer column
    (
        "instruments.csv",
        "330382",
        "since_year",
        "2019.5",
        "since_year: '2019.5' is not an integer",
    ),
    # periods: blank exactly when not stated; 'as of publication' is the publication month
    (
        "facts.csv",
        "F014",
        "ref_period",
        "2022",
        "ref_period: '2022' given, but period_basis is not_stated: leave it blank",
    ),
    (
        "facts.csv",
        "F016",
        "ref_period",
        "",
        "ref_period: blank, but period_basis is stated",
    ),
    (
        "facts.csv",
        "F040",
        "ref_period",
        "2025",
        "ref_period: '2025' is not the publication month 2026-01 (period_basis publication)",
    ),
    # a company's global total never sits under a county; an aggregate never reads as the province
    (
        "facts.csv",
        "F071",
        "adcode",
        "330481",
        "adcode: '330481' given for a company-wide figure (scope company_wide)",
    ),
    (
        "facts.csv",
        "F109",
        "adcode",
        "330000",
        "adcode: '330000' is not a group code (G-…) but scope is group",
    ),
    # a timing relative to a mechanism needs one; a corroboration restates an earlier number
    (
        "facts.csv",
        "F080",
        "mechanism_timing",
        "after",
        "mechanism_timing: 'after' given, but the fact has no mechanism_id",
    ),
    (
        "facts.csv",
        "F203",
        "same_as",
        "F080",
        "same_as: F080 is not the same number: indicator, value differ",
    ),
    (
        "facts.csv",
        "F100",
        "same_as",
        "F150",
        "same_as: 'F150' is not an earlier fact_id",
    ),
    (
        "sources.csv",
        "seed002",
        "adcode",
        "339998",
        "adcode: '339998' is neither in counties.csv nor in regions.csv",
    ),
    (
        "pairs.csv",
        "P06",
        "status",
        "named",
        "status: named does not fit the evidence joint_project_in_pairing_article",
    ),
]


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """One copy of data/ and seeds/ with every cell fault above, validated once."""
    root = tmp_path_factory.mktemp("faulty")
    shutil.copytree(DATA, root / "data")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    where = {}
    for table, key, column, value, _ in CELL_FAULTS:
        where[(table, key, column)] = _edit(root / "data" / table, key, column, value)
    return where, _lines(root / "data")


@pytest.mark.parametrize(
    "table, key, column, value, expected", CELL_FAULTS, ids=lambda x: str(x)[:24]
)
def test_cell_faults_name_file_row_and_column(
    faulty, table, key, column, value, expected
):
    where, lines = faulty
    prefix = f"data/{table}:{where[(table, key, column)]}: "
    assert any(line.startswith(prefix + expected) for line in lines), [
        x for x in lines if x.startswith(prefix)
    ]


def test_each_cell_fault_gives_exactly_one_line(faulty):
    where, lines = faulty
    rows = [line.split(": ", 1)[0] for line in lines]
    assert len(lines) == len(CELL_FAULTS) and len(set(rows)) == len(rows), lines


def test_traditional_seed_quotes_are_checked_too(data_copy):
    line = _edit(
        data_copy / "facts.csv", "F123", "quote", "全市高新技術企業已增至9999多家"
    )
    assert (
        f"data/facts.csv:{line}: quote: not found in its seed 004_594c3ccd38c2b694.txt (after normalisation)"
        in _lines(data_copy)
    )


def test_the_loader_names_a_bad_integer_in_one_line(data_copy):
    line = _edit(data_copy / "instruments.csv", "330382", "since_year", "2019.5")
    with pytest.raises(TableError) as caught:
        load("instruments", data_copy)
    assert (
        str(caught.value)
        == f"data/instruments.csv:{line}: since_year: '2019.5' is not an integer"
    )


def test_command_line_exit_codes_and_output(data_copy, capsys):
    assert main(["validate", str(data_copy)]) == 0
    assert capsys.readouterr().out == f"{data_copy}: no problems\n"
    _edit(data_copy / "facts.csv", "F001", "value", "abc")
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{data_copy}/facts.csv:2: value: 'abc' is not a number"
    ]
    assert out.err == f"1 problem(s) in {data_copy}\n"


def test_a_bad_file_gives_one_line_no_traceback_and_exit_1(data_copy):
    (data_copy / "facts.csv").write_bytes(b"\xff\xfe garbage")
    bad = subprocess.run(
        [sys.executable, "-m", "zjcounty", "validate", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert bad.returncode == 1
    assert (
        bad.stdout
        == f"{data_copy}/facts.csv:1: -: not valid UTF-8 (byte 0xff at offset 0)\n"
    )
    assert "Traceback" not in bad.stderr


def test_a_census_unit_whose_territory_changed_cannot_map_to_a_current_code(data_copy):
    path = data_copy / "census_units.csv"
    rows = _rows(path)
    i = next(
        n for n, r in enumerate(rows) if r[:2] == ["2020", "330110"]
    )  # 余杭区 before the 2021 split
    rows[i][rows[0].index("adcode")] = "330110"
    _write(path, rows)
    assert (
        f"data/census_units.csv:{i + 1}: adcode: '330110' given for a changed unit: its territory is not today's"
        in _lines(data_copy)
    )


def test_a_derived_list_member_must_say_how(data_copy):
    path = data_copy / "mountain_lists.csv"
    rows = _rows(path)
    i = next(n for n, r in enumerate(rows) if r[0] == "mountain_island22_2025")
    rows[i][rows[0].index("note")] = ""
    _write(path, rows)
    assert _lines(data_copy) == [
        f"data/mountain_lists.csv:{i + 1}: note: a derived member needs the derivation"
    ]
