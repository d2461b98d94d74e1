"""Append reviewed candidates to data/facts.csv: `python -m zjcounty add CANDIDATES.csv`.

The candidates file is what `extract` wrote and a curator edited: rows deleted, fields
corrected, indicator and theme filled in. `add` drops the review columns (`candidate`,
`confidence`, `why`, `context`, `line`), numbers the rows after the highest fact id (F156,
F157 … with the same zero padding), appends them, and validates the whole Data Package with
`zjcounty.validate.validate`.

All or nothing: the new facts.csv is first written into a temporary copy of the data folder
(with the seeds its sources cite, laid out beside it as ../seeds), and validated there. Only a
clean package replaces data/facts.csv, atomically (os.replace). On any problem nothing is
written and every problem is printed as one line; a problem in an added row names the line of
the candidates file (the header is line 1), so the curator can fix it where they edit.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from ..data.schema import DESCRIPTOR, load_descriptor, resources
from ..paths import DATA
from .review import REVIEW_COLUMNS


class AddError(ValueError):
    """A candidates file that cannot be added; the message is one line."""


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line, cells) rows of a CSV file; blank rows dropped. A spreadsheet's
    byte-order mark and CRLF line ends are accepted."""
    if not path.is_file():
        raise AddError(f"{path}: no such file")
    raw = path.read_bytes()
    if not raw.strip():
        raise AddError(f"{path}: empty file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise AddError(
            f"{path}: not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); save it as UTF-8 CSV"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = [h.strip() for h in next(reader)]
        start = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as e:
        raise AddError(
            f"{path}:{reader.line_num}: CSV cannot be parsed ({e})"
        ) from None
    return header, rows


def _facts_fields(data_dir: Path):
    """The facts resource of the descriptor: (path, columns, required columns)."""
    try:
        res = next(r for r in resources(load_descriptor(data_dir)) if r.name == "facts")
    except (OSError, ValueError, KeyError, StopIteration) as e:
        raise AddError(
            f"{data_dir / DESCRIPTOR}: cannot read the facts schema ({type(e).__name__}: {e})"
        ) from None
    required = [f.name for f in res.fields if f.constraints.get("required")]
    return res.path, res.columns, required


def _check_header(
    path: Path, header: list[str], columns: list[str], required: list[str]
) -> None:
    """Every required facts column present (fact_id may be left out), nothing unknown, no
    column twice. Optional columns may be missing: they are added blank."""
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise AddError(f"{path}:1: header: column(s) {dupes} appear twice")
    unknown = [h for h in header if h not in columns and h not in REVIEW_COLUMNS]
    if unknown:
        raise AddError(
            f"{path}:1: header: unknown column(s) {unknown}: neither a facts column "
            f"({', '.join(columns)}) nor a review column ({', '.join(REVIEW_COLUMNS)})"
        )
    missing = [c for c in required if c not in header and c != "fact_id"]
    if missing:
        raise AddError(f"{path}:1: header: missing required column(s) {missing}")


def _existing(facts_path: Path) -> tuple[bytes, list[str]]:
    """The bytes of facts.csv and its fact ids."""
    if not facts_path.is_file():
        raise AddError(f"{facts_path}: no such file")
    raw = facts_path.read_bytes()
    try:
        reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
        ids = [row.get("fact_id") or "" for row in reader]
    except (UnicodeDecodeError, csv.Error) as e:
        raise AddError(
            f"{facts_path}: cannot be read ({type(e).__name__}); run `python -m zjcounty validate`"
        ) from None
    return raw, ids


def next_ids(existing: list[str], taken: set[str], n: int) -> list[str]:
    """n new ids after the highest existing one, with its zero padding (F155 -> F156 …),
    skipping any id already taken."""
    numbers = [
        (int(m.group(1)), len(m.group(1)))
        for i in existing
        if (m := re.fullmatch(r"F(\d+)", i))
    ]
    top = max((k for k, _ in numbers), default=0)
    width = max((w for _, w in numbers), default=3)
    out = []
    k = top
    while len(out) < n:
        k += 1
        new = f"F{k:0{width}d}"
        if new not in taken:
            out.append(new)
    return out


def _rows_for_facts(
    path: Path,
    header: list[str],
    rows: list[tuple[int, list[str]]],
    columns: list[str],
    existing_ids: list[str],
) -> tuple[list[list[str]], list[int], list[str]]:
    """The candidate rows as facts rows (review columns dropped, cells trimmed, ids given),
    the candidates-file line of each, and the ids added."""
    index = {h: i for i, h in enumerate(header)}
    known = set(existing_ids)
    clash = []
    for line, cells in rows:
        if len(cells) != len(header):
            raise AddError(
                f"{path}:{line}: has {len(cells)} fields, the header has {len(header)}"
            )
        fid = cells[index["fact_id"]].strip() if "fact_id" in index else ""
        if fid and fid in known:
            clash.append((line, fid))
    if clash:
        where = ", ".join(f"line {ln} ({fid})" for ln, fid in clash)
        raise AddError(
            f"{path}: {len(clash)} row(s) carry fact ids already in facts.csv: {where}; "
            "clear the fact_id column to add them as new facts"
        )
    given = {
        cells[index["fact_id"]].strip() for _, cells in rows if "fact_id" in index
    } - {""}
    fresh = iter(next_ids(existing_ids, given | known, len(rows)))
    out, lines, ids = [], [], []
    for line, cells in rows:
        row = {c: cells[index[c]].strip() if c in index else "" for c in columns}
        if not row.get("fact_id"):
            row["fact_id"] = next(fresh)
        out.append([row[c] for c in columns])
        lines.append(line)
        ids.append(row["fact_id"])
    return out, lines, ids


def _with_rows(raw: bytes, rows: list[list[str]]) -> bytes:
    """facts.csv with rows appended, written as the curated tables are (\\n, minimal quoting)."""
    text = raw.decode("utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return (text + out.getvalue()).encode("utf-8")


def _seed_paths(data_dir: Path) -> list[str]:
    """Paths (relative to the data folder's parent) of the seeds sources.csv cites."""
    try:
        with open(data_dir / "sources.csv", encoding="utf-8", newline="") as f:
            return [
                r["path"]
                for r in csv.DictReader(f)
                if r.get("kind") == "seed" and r.get("path")
            ]
    except (OSError, KeyError, csv.Error):
        return []


def _validate_copy(data_dir: Path, facts_rel: str, new_facts: bytes, shown: str):
    """Validate the package with the new facts.csv, in a temporary copy laid out as the repo."""
    from ..check.validate import validate

    with tempfile.TemporaryDirectory(prefix="zjcounty-add-") as tmp:
        copy = Path(tmp) / data_dir.name
        shutil.copytree(data_dir, copy)
        for rel in _seed_paths(data_dir):
            src = data_dir.parent / rel
            if src.is_file():
                (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, Path(tmp) / rel)
        (copy / facts_rel).write_bytes(new_facts)
        return validate(copy, shown_as=shown)


def add(
    candidates: Path | str, data_dir: Path | str = DATA
) -> tuple[list[str], list[str], Path]:
    """Add the candidates; returns (added ids, problem lines, the facts file). Nothing is
    written unless the problem list is empty. Raises AddError for a candidates file that
    cannot be read at all."""
    path, data_dir = Path(candidates), Path(data_dir)
    facts_rel, columns, required = _facts_fields(data_dir)
    header, rows = _read_rows(path)
    _check_header(path, header, columns, required)
    if not rows:
        raise AddError(f"{path}: no candidate rows to add")
    facts_path = data_dir / facts_rel
    raw, existing_ids = _existing(facts_path)
    new_rows, lines, ids = _rows_for_facts(path, header, rows, columns, existing_ids)
    first = len(existing_ids) + 2  # the line of the first added row in facts.csv
    new_facts = _with_rows(raw, new_rows)
    shown = str(data_dir)
    problems = _validate_copy(data_dir, facts_rel, new_facts, shown)
    if problems:
        return (
            [],
            [
                _translate(p, f"{shown}/{facts_rel}", first, lines, path)
                for p in problems
            ],
            facts_path,
        )
    if facts_path.read_bytes() != raw:
        raise AddError(
            f"{facts_path}: changed while the candidates were being checked; nothing added, run again"
        )
    tmp = facts_path.with_name(f".{facts_path.name}.adding")
    tmp.write_bytes(new_facts)
    os.replace(tmp, facts_path)
    return ids, [], facts_path


def _translate(
    problem, facts_shown: str, first: int, lines: list[int], path: Path
) -> str:
    """A validator line about an added row, renamed to the candidates file and its line."""
    if problem.path == facts_shown and first <= problem.row < first + len(lines):
        return (
            f"{path}:{lines[problem.row - first]}: {problem.column}: {problem.message}"
        )
    return str(problem)


def _ids_text(ids: list[str]) -> str:
    return ", ".join(ids) if len(ids) <= 12 else f"{ids[0]} … {ids[-1]}"


def run(candidates: str, data_dir: str | Path = DATA) -> int:
    """The `add` command: 0 and a one-line summary, or 1 and the problems (nothing written)."""
    try:
        ids, problems, facts_path = add(candidates, data_dir)
    except AddError as e:
        print(str(e), file=sys.stderr)
        return 1
    if problems:
        for line in problems:
            print(line)
        print(
            f"nothing added: {len(problems)} problem(s); lines of {candidates} are its line numbers "
            f"(header = line 1), other paths are the data folder's files",
            file=sys.stderr,
        )
        return 1
    print(f"added {len(ids)} fact(s) to {facts_path}: {_ids_text(ids)}")
    return 0
