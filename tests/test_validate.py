"""The validator accepts the curated data and refuses each kind of bad input with one line
naming file, row and column, without touching the data directory."""
import csv
import hashlib
import subprocess
import sys

import pytest

from zjcounty.paths import DATA, ROOT
from zjcounty.validate import validate


def _lines(data_dir):
    return [str(p) for p in validate(data_dir, shown_as="data")]


def _edit_cell(path, row, column, value):
    """Change one cell of a CSV (row counted like the validator: header is 1)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[row - 1][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _tree_digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_curated_data_is_clean():
    assert _lines(DATA) == []


def test_validation_never_writes_to_the_data_directory(data_copy):
    before = _tree_digest(data_copy)
    _edit_cell(data_copy / "facts.csv", 2, "value", "abc")
    mid = _tree_digest(data_copy)
    assert _lines(data_copy)
    assert _tree_digest(data_copy) == mid != before


@pytest.mark.parametrize("damage, expected", [
    (lambda d: (d / "facts.csv").unlink(), "data/facts.csv:0: -: file is missing"),
    (lambda d: (d / "facts.csv").write_bytes(b""), "data/facts.csv:0: -: file is empty"),
    (lambda d: (d / "facts.csv").write_bytes((d / "facts.csv").read_bytes()[:-40]), "data/facts.csv:"),
    (lambda d: (d / "pairs.csv").write_bytes((d / "pairs.csv").read_bytes().replace("比如".encode(), "比如".encode("gb18030"))),
     "data/pairs.csv:6: -: not valid UTF-8"),
    (lambda d: (d / "units.csv").write_bytes(b"\xef\xbb\xbf" + (d / "units.csv").read_bytes()), "data/units.csv:1: -: starts with a byte-order mark"),
    (lambda d: (d / "regions.csv").write_text("adcode,name,level\n330000,x,province\n", encoding="utf-8"),
     "data/regions.csv:1: -: header does not match the schema: missing ['name_zh', 'name_en']; unexpected ['name']"),
    (lambda d: (d / "regions.csv").write_text((d / "regions.csv").read_text(encoding="utf-8") + "331200,x\n", encoding="utf-8"),
     "data/regions.csv:14: -: has 2 fields, the header has 4"),
    (lambda d: (d / "datapackage.json").write_text("{not json", encoding="utf-8"), "data/datapackage.json:0: -: not a readable Data Package descriptor"),
])
def test_file_faults_give_one_line_each(data_copy, damage, expected):
    damage(data_copy)
    lines = _lines(data_copy)
    assert lines and lines[0].startswith(expected), lines[:3]


@pytest.mark.parametrize("table, row, column, value, expected", [
    ("facts.csv", 2, "value", "sixty-five", "data/facts.csv:2: value: 'sixty-five' is not a number"),
    ("facts.csv", 3, "value", "", "data/facts.csv:3: value: required value is empty"),
    ("facts.csv", 2, "qualifier", "roughly", "data/facts.csv:2: qualifier: 'roughly' is not one of"),
    ("facts.csv", 2, "unit", "furlongs", "data/facts.csv:2: unit: 'furlongs' is not a unit_id in units.csv"),
    ("facts.csv", 2, "unit", "people", "data/facts.csv:2: unit: differs from its indicator's unit percent"),
    ("facts.csv", 3, "fact_id", "F001", "data/facts.csv:3: fact_id: duplicate value 'F001'"),
    ("facts.csv", 2, "source_id", "seed999", "data/facts.csv:2: source_id: 'seed999' is not a source_id in sources.csv"),
    ("facts.csv", 2, "adcode", "339999", "data/facts.csv:2: adcode: '339999' is neither in counties.csv nor in regions.csv"),
    ("facts.csv", 2, "ref_period", "last year", "data/facts.csv:2: ref_period: 'last year' does not match"),
    ("facts.csv", 2, "quote", "低压电气产业约占全国市场份额的66%", "data/facts.csv:2: quote: not found in its seed"),
    ("facts.csv", 2, "value", "66", "data/facts.csv:2: value: 66 is not a number stated in the quote"),
    ("facts.csv", 2, "quote", "", "data/facts.csv:2: quote: required value is empty"),
    ("counties.csv", 2, "mountain26_2021", "yes", "data/counties.csv:2: mountain26_2021: 'yes' is not true or false"),
    ("counties.csv", 2, "adcode", "33010", "data/counties.csv:2: adcode: '33010' does not match"),
    ("pairs.csv", 2, "mountain_adcode", "330999", "data/pairs.csv:2: mountain_adcode: '330999' is not a adcode in counties.csv"),
    ("instruments.csv", 2, "since_year", "2019.5", "data/instruments.csv:2: since_year: '2019.5' is not an integer"),
    ("instruments.csv", 3, "mechanism_id", "sci_tech_enclave", "data/instruments.csv:3: adcode,mechanism_id,role,source_id: duplicate primary key"),
])
def test_cell_faults_name_file_row_and_column(data_copy, table, row, column, value, expected):
    _edit_cell(data_copy / table, row, column, value)
    lines = _lines(data_copy)
    assert any(line.startswith(expected) for line in lines), lines[:5]


def test_traditional_seed_quotes_are_checked_too(data_copy):
    # seed004 is in traditional characters; a quote it does not contain must still be refused
    with open(data_copy / "facts.csv", encoding="utf-8") as f:
        row = next(i for i, r in enumerate(csv.DictReader(f), start=2) if r["source_id"] == "seed004")
    _edit_cell(data_copy / "facts.csv", row, "quote", "全市高新技術企業已增至9999多家")
    assert any(f"data/facts.csv:{row}: quote: not found" in line for line in _lines(data_copy))


def test_command_line_exit_codes_and_output(data_copy):
    ok = subprocess.run([sys.executable, "-m", "zjcounty", "validate", str(data_copy)],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0 and "no problems" in ok.stdout and not ok.stderr
    (data_copy / "facts.csv").write_bytes(b"\xff\xfe garbage")
    bad = subprocess.run([sys.executable, "-m", "zjcounty", "validate", str(data_copy)],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1
    assert bad.stdout.strip() == f"{data_copy}/facts.csv:1: -: not valid UTF-8 (byte 0xff at offset 0)"
    assert "Traceback" not in bad.stderr
