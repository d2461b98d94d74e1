"""`python -m zjcounty add`: reviewed candidates appended with the next fact ids, review
columns dropped, the package validated, and all or nothing.

Full validations are slow (frictionless), so there are two: one clean batch and one batch
with a bad row. The refusals that need no validation (header, existing ids, unreadable
file) are checked without one."""

import csv
import hashlib
import io
import subprocess
import sys

import pandas as pd
import pytest

from zjcounty.__main__ import main
from zjcounty.check.validate import validate
from zjcounty.curate import extract as ex
from zjcounty.curate.add import next_ids
from zjcounty.curate.periods import parse_date
from zjcounty.data.schema import resource
from zjcounty.paths import ROOT


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def _facts_ids(data_dir):
    return list(
        pd.read_csv(data_dir / "facts.csv", dtype=str, keep_default_na=False)["fact_id"]
    )


def _candidates(data_dir, n=2):
    """Reviewed candidates for seed000, as a curator leaves them: rows whose unit some
    indicator uses, with that indicator and a theme filled in; the review columns kept."""
    sources = pd.read_csv(
        data_dir / "sources.csv", dtype=str, keep_default_na=False
    ).set_index("source_id")
    text = (data_dir.parent / sources.loc["seed000", "path"]).read_text(
        encoding="utf-8"
    )
    rows, columns, _ = ex.extract(
        text, "seed000", parse_date(sources.loc["seed000", "pub_date"]), data_dir
    )
    indicators = pd.read_csv(
        data_dir / "indicators.csv", dtype=str, keep_default_na=False
    )
    by_unit = dict(zip(indicators["unit"], indicators["indicator_id"]))
    theme = next(
        f for f in resource("facts", data_dir).fields if f.name == "theme"
    ).constraints["enum"][0]
    chosen = [r for r in rows if r["unit"] in by_unit and r["kind"] != "event"][:n]
    for r in chosen:
        r.update(indicator=by_unit[r["unit"]], theme=theme)
    return chosen, columns


def _write(path, rows, columns):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(
            f, fieldnames=columns, lineterminator="\n", extrasaction="ignore"
        )
        w.writeheader()
        w.writerows(rows)
    return path


def test_next_ids_continue_the_highest_with_its_padding():
    assert next_ids(["F001", "F155", "F020"], set(), 3) == ["F156", "F157", "F158"]
    assert next_ids(["F0099"], set(), 2) == ["F0100", "F0101"]
    assert next_ids(["F009"], {"F010"}, 2) == [
        "F011",
        "F012",
    ]  # an id the curator gave is skipped
    assert next_ids([], set(), 1) == ["F001"]


def test_a_clean_batch_is_appended_and_the_package_stays_valid(
    data_copy, tmp_path, capsys
):
    before_ids = _facts_ids(data_copy)
    header_before = (
        (data_copy / "facts.csv").read_text(encoding="utf-8").splitlines()[0]
    )
    rows, columns = _candidates(data_copy)
    assert len(rows) == 2 and {"candidate", "why", "context"} <= set(columns)
    cand = _write(tmp_path / "cands.csv", rows, columns)
    assert main(["add", str(cand), "--data", str(data_copy)]) == 0
    expected = next_ids(before_ids, set(), 2)
    assert (
        capsys.readouterr().out
        == f"added 2 fact(s) to {data_copy / 'facts.csv'}: {', '.join(expected)}\n"
    )
    text = (data_copy / "facts.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == header_before  # review columns are not added
    after = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(after["fact_id"]) == before_ids + expected
    added = after.tail(2)
    assert list(added["quote"]) == [r["quote"] for r in rows] and list(
        added["value"]
    ) == [r["value"] for r in rows]
    assert not any(r["candidate"] in text for r in rows)
    assert [str(p) for p in validate(data_copy)] == []


def test_one_bad_row_changes_nothing_and_names_the_candidates_line(
    data_copy, tmp_path, capsys
):
    rows, columns = _candidates(data_copy, n=2)
    bad = dict(rows[1], quote=rows[1]["quote"] + "九百九十九")
    cand = _write(
        tmp_path / "cands.csv",
        [rows[0], bad, rows[0] | {"quote": rows[0]["quote"]}],
        columns,
    )
    before = _digest(data_copy.parent)
    assert main(["add", str(cand), "--data", str(data_copy)]) == 1
    out = capsys.readouterr()
    assert _digest(data_copy.parent) == before
    assert out.out.splitlines() == [
        f"{cand}:3: quote: not found in its seed 000_2ecf9aeaeed78e45.txt (after normalisation)"
    ]
    assert out.err.startswith(
        f"nothing added: 1 problem(s); lines of {cand} are its line numbers"
    )


def test_existing_fact_ids_are_refused_before_validation(data_copy, tmp_path, capsys):
    rows, columns = _candidates(data_copy, n=1)
    first = _facts_ids(data_copy)[0]
    cand = _write(tmp_path / "cands.csv", [dict(rows[0], fact_id=first)], columns)
    before = _digest(data_copy.parent)
    assert main(["add", str(cand), "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{cand}: 1 row(s) carry fact ids already in facts.csv: line 2 ({first}); "
        "clear the fact_id column to add them as new facts\n"
    )
    assert _digest(data_copy.parent) == before


@pytest.mark.parametrize(
    "edit, problem",
    [
        (
            lambda cols: [("qualifer" if c == "qualifier" else c) for c in cols],
            "header: unknown column(s) ['qualifer']",
        ),
        (
            lambda cols: [c for c in cols if c != "quote"],
            "header: missing required column(s) ['quote']",
        ),
        (lambda cols: cols + ["unit"], "header: column(s) ['unit'] appear twice"),
    ],
)
def test_a_bad_header_is_one_line(data_copy, tmp_path, capsys, edit, problem):
    rows, columns = _candidates(data_copy, n=1)
    header = edit(list(columns))
    cells = [rows[0].get("qualifier" if c == "qualifer" else c, "") for c in header]
    path = tmp_path / "cands.csv"
    path.write_text(
        ",".join(header) + "\n" + ",".join(f'"{c}"' for c in cells) + "\n",
        encoding="utf-8",
    )
    assert main(["add", str(path), "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:1: {problem}") and err.count("\n") == 1


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty file"),
        (
            "fact_id,quote\n乐清".encode("gb18030"),
            "not UTF-8 (byte 0xc0 at offset 14); save it as UTF-8 CSV",
        ),
    ],
)
def test_an_unreadable_candidates_file_is_one_line(
    data_copy, tmp_path, capsys, content, problem
):
    path = tmp_path / "cands.csv"
    path.write_bytes(content)
    assert main(["add", str(path), "--data", str(data_copy)]) == 1
    assert capsys.readouterr().err == f"{path}: {problem}\n"


def test_no_rows_and_no_traceback_from_the_command_line(data_copy, tmp_path):
    path = tmp_path / "cands.csv"
    path.write_text(
        ",".join(resource("facts", data_copy).columns) + "\n", encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "zjcounty", "add", str(path), "--data", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (
        run.returncode == 1
        and run.stderr == f"{path}: no candidate rows to add\n"
        and run.stdout == ""
    )
