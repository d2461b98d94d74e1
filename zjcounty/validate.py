"""Check the curated tables; report, never repair. One line per problem:

    data/FILE:ROW: COLUMN: what is wrong

ROW is the record's line in the file (the header is line 1; 0 means the file as a whole).
Nothing is ever written. Three layers, each rule implemented once:

1. the files themselves (missing, empty, not UTF-8, byte-order mark, header, field counts,
   truncation), checked from the bytes so the message can name the exact fault;
2. every constraint the Data Package descriptor states (types, required, unique, pattern, enum,
   primary and foreign keys), checked by frictionless, the standard's own validator;
3. the rules no descriptor can state (zjcounty.rules): quotes against their sources, values
   against their quotes, qualifiers, the one-to-one pairing, and so on.

Layer 2 runs only when layer 1 found nothing: a file that cannot be parsed would otherwise
produce a cascade of follow-on errors instead of one line.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .schema import DESCRIPTOR, Resource, resources


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}: {self.column}: {self.message}"


class Reporter:
    """Collects problems with paths shown as the user typed the data folder."""

    def __init__(self, shown_dir: str):
        self.shown_dir = shown_dir.rstrip("/") or "."
        self.problems: list[Problem] = []

    def add(self, rel: str, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(f"{self.shown_dir}/{rel}", int(row), column, message))


# --- layer 1: the files ----------------------------------------------------------------------

def read_file(path: Path, rel: str, res: Resource, rep: Reporter) -> pd.DataFrame | None:
    """Every cell as text; on any file-level fault report it once and return None."""
    if not path.is_file():
        rep.add(rel, 0, "-", "file is missing")
        return None
    raw = path.read_bytes()
    if not raw.strip():
        rep.add(rel, 0, "-", "file is empty")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        rep.add(rel, line, "-", f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})")
        return None
    if text.startswith("\ufeff"):
        rep.add(rel, 1, "-", "starts with a byte-order mark; save as UTF-8 without BOM")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        widths = [len(r) for r in reader]
    except csv.Error as e:
        rep.add(rel, reader.line_num, "-", f"CSV cannot be parsed ({e}); truncated file?")
        return None
    if header != res.columns:
        missing = [c for c in res.columns if c not in header]
        extra = [c for c in header if c not in res.columns]
        detail = "; ".join(x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x) \
            or f"order differs from schema {res.columns}"
        rep.add(rel, 1, "-", f"header does not match the schema: {detail}")
        return None
    if not text.endswith("\n"):
        rep.add(rel, len(widths) + 1, "-", "file does not end with a newline: truncated?")
        return None
    bad = [(i, n) for i, n in enumerate(widths) if n != len(header)]
    for i, n in bad:
        rep.add(rel, i + 2, "-", f"has {n} fields, the header has {len(header)}")
    if bad:
        return None
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8", dtype=str, keep_default_na=False, na_filter=False)


# --- layer 2: the descriptor, through frictionless -------------------------------------------

def _constraint_message(error: dict, field: dict) -> str:
    cell = error.get("cell")
    name = error["note"].split('"')[1] if '"' in error["note"] else error["note"]
    constraints = field.get("constraints", {})
    if name == "required":
        return "required value is empty"
    if name == "enum":
        return f"{cell!r} is not one of: {', '.join(map(str, constraints['enum']))}"
    if name == "pattern":
        return f"{cell!r} does not match {constraints['pattern']}"
    return f"{cell!r} breaks constraint {name} = {constraints.get(name)!r}"


def _frictionless(descriptor_path: Path, descriptor: dict, rep: Reporter) -> None:
    """Map frictionless's report onto one line per problem."""
    from frictionless import Package

    by_name = {r["name"]: r for r in descriptor["resources"]}
    report = Package(str(descriptor_path)).validate()
    seen: set[tuple[str, int, str]] = set()
    for task in report.tasks:
        res = by_name.get(task.name)
        rel = res["path"] if res else task.name
        fields = {f["name"]: f for f in res["schema"]["fields"]} if res else {}
        for err in task.errors:
            e = err.to_descriptor()
            row = e.get("rowNumber", 0)
            kind = e["type"]
            if kind == "type-error":
                ftype = fields.get(e["fieldName"], {}).get("type", "value")
                article = "an" if ftype[0] in "aeiou" else "a"
                column, message = e["fieldName"], f"{e['cell']!r} is not {article} {ftype}"
            elif kind == "constraint-error":
                column, message = e["fieldName"], _constraint_message(e, fields.get(e["fieldName"], {}))
            elif kind == "unique-error":
                column, message = e["fieldName"], f"duplicate value {e['cell']!r}"
            elif kind == "primary-key":
                pk = res["schema"]["primaryKey"] if res else []
                pk = [pk] if isinstance(pk, str) else pk
                cells = dict(zip([f["name"] for f in res["schema"]["fields"]], e.get("cells", []))) if res else {}
                column, message = ",".join(pk), f"duplicate primary key {'|'.join(cells.get(k, '') for k in pk)!r}"
            elif kind == "foreign-key":
                column = ",".join(e["fieldNames"])
                target = by_name.get(e["referenceName"], {}).get("path", e["referenceName"])
                message = f"{'|'.join(e['fieldCells'])!r} is not a {'/'.join(e['referenceFieldNames'])} in {target}"
            else:
                column, message = e.get("fieldName", "-"), f"{kind}: {e['note'] or e.get('message', '')}"
            key = (rel, row, column.split(",")[0])
            if kind == "primary-key" and key in seen:
                continue  # a single-column key already reported as a duplicate value
            seen.add(key)
            rep.add(rel, row, column, message)


# --- the whole package ----------------------------------------------------------------------

def validate(data_dir: Path | str, shown_as: str | None = None) -> list[Problem]:
    """All problems found in the Data Package at data_dir, sorted by file and row."""
    from . import rules

    data_dir = Path(data_dir)
    rep = Reporter(shown_as if shown_as is not None else str(data_dir))
    desc_path = data_dir / DESCRIPTOR
    try:
        descriptor = json.loads(desc_path.read_text(encoding="utf-8"))
        res_list = resources(descriptor)
    except FileNotFoundError:
        rep.add(DESCRIPTOR, 0, "-", "file is missing")
        return rep.problems
    except (ValueError, KeyError, TypeError) as e:
        rep.add(DESCRIPTOR, 0, "-", f"not a readable Data Package descriptor ({type(e).__name__}: {e})")
        return rep.problems
    tables: dict[str, pd.DataFrame] = {}
    paths = {r.name: r.path for r in res_list}
    for res in res_list:
        df = read_file(data_dir / res.path, res.path, res, rep)
        if df is not None:
            tables[res.name] = df
    if rep.problems:
        return sorted(set(rep.problems))
    _frictionless(desc_path, descriptor, rep)
    rules.check(tables, paths, data_dir.resolve().parent, rep)
    return sorted(set(rep.problems))
