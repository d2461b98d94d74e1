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
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data.schema import DESCRIPTOR, Resource, resources


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
        self.problems.append(
            Problem(f"{self.shown_dir}/{rel}", int(row), column, message)
        )


# --- layer 1: the files ----------------------------------------------------------------------


def read_file(
    path: Path, rel: str, res: Resource, rep: Reporter
) -> pd.DataFrame | None:
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
        rep.add(
            rel,
            line,
            "-",
            f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})",
        )
        return None
    if text.startswith("\ufeff"):
        rep.add(rel, 1, "-", "starts with a byte-order mark; save as UTF-8 without BOM")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        widths = [len(r) for r in reader]
    except csv.Error as e:
        rep.add(
            rel, reader.line_num, "-", f"CSV cannot be parsed ({e}); truncated file?"
        )
        return None
    if header != res.columns:
        missing = [c for c in res.columns if c not in header]
        extra = [c for c in header if c not in res.columns]
        detail = (
            "; ".join(
                x
                for x in (
                    missing and f"missing {missing}",
                    extra and f"unexpected {extra}",
                )
                if x
            )
            or f"order differs from schema {res.columns}"
        )
        rep.add(rel, 1, "-", f"header does not match the schema: {detail}")
        return None
    if not text.endswith("\n"):
        rep.add(
            rel, len(widths) + 1, "-", "file does not end with a newline: truncated?"
        )
        return None
    bad = [(i, n) for i, n in enumerate(widths) if n != len(header)]
    for i, n in bad:
        rep.add(rel, i + 2, "-", f"has {n} fields, the header has {len(header)}")
    if bad:
        return None
    return pd.read_csv(
        io.BytesIO(raw),
        encoding="utf-8",
        dtype=str,
        keep_default_na=False,
        na_filter=False,
    )


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


# frictionless's errors per resource, keyed by everything they depend on: the resource's
# descriptor, its file and the files its foreign keys point to. A process that validates many
# near-identical packages (the fault-injection tests: one cell changed each time) checks each
# unchanged table once instead of every time (about 0.3 s a package).
_CHECKED: dict[str, list[dict]] = {}


def _content_key(res: dict, by_name: dict[str, dict], folder: Path) -> str:
    targets = sorted(
        {
            fk["reference"].get("resource") or res["name"]
            for fk in res["schema"].get("foreignKeys", [])
        }
        | {res["name"]}
    )
    digest = hashlib.sha256(json.dumps(res, sort_keys=True).encode())
    for name in targets:
        digest.update(json.dumps(by_name[name], sort_keys=True).encode())
        digest.update((folder / by_name[name]["path"]).read_bytes())
    return digest.hexdigest()


def _frictionless_errors(descriptor_path: Path, descriptor: dict):
    """(resource descriptor, frictionless error descriptor) for every error, resource by resource."""
    from frictionless import Package

    by_name = {r["name"]: r for r in descriptor["resources"]}
    package = None
    for res in descriptor["resources"]:
        key = _content_key(res, by_name, descriptor_path.parent)
        if key not in _CHECKED:
            package = package or Package(str(descriptor_path))
            report = package.get_resource(res["name"]).validate()
            _CHECKED[key] = [
                err.to_descriptor() for task in report.tasks for err in task.errors
            ]
        yield from ((res, e) for e in _CHECKED[key])


def _line(res: dict, e: dict, by_name: dict[str, dict]) -> tuple[str, str]:
    """(column, message) for one frictionless error in resource `res`."""
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    kind = e["type"]
    if kind == "type-error":
        ftype = fields.get(e["fieldName"], {}).get("type", "value")
        article = "an" if ftype[0] in "aeiou" else "a"
        return e["fieldName"], f"{e['cell']!r} is not {article} {ftype}"
    if kind == "constraint-error":
        return e["fieldName"], _constraint_message(e, fields.get(e["fieldName"], {}))
    if kind == "unique-error":
        return e["fieldName"], f"duplicate value {e['cell']!r}"
    if kind == "primary-key":
        pk = res["schema"]["primaryKey"]
        pk = [pk] if isinstance(pk, str) else pk
        cells = dict(
            zip([f["name"] for f in res["schema"]["fields"]], e.get("cells", []))
        )
        return ",".join(
            pk
        ), f"duplicate primary key {'|'.join(cells.get(k, '') for k in pk)!r}"
    if kind == "foreign-key":
        target = by_name.get(e["referenceName"], {}).get("path", e["referenceName"])
        return (
            ",".join(e["fieldNames"]),
            f"{'|'.join(e['fieldCells'])!r} is not a {'/'.join(e['referenceFieldNames'])} in {target}",
        )
    return e.get("fieldName", "-"), f"{kind}: {e['note'] or e.get('message', '')}"


def _frictionless(descriptor_path: Path, descriptor: dict, rep: Reporter) -> None:
    """Map frictionless's report onto one line per problem."""
    by_name = {r["name"]: r for r in descriptor["resources"]}
    seen: set[tuple[str, int, str]] = set()
    for res, e in _frictionless_errors(descriptor_path, descriptor):
        column, message = _line(res, e, by_name)
        key = (res["path"], e.get("rowNumber", 0), column.split(",")[0])
        if e["type"] == "primary-key" and key in seen:
            continue  # a single-column key already reported as a duplicate value
        seen.add(key)
        rep.add(*key[:2], column, message)


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
        rep.add(
            DESCRIPTOR,
            0,
            "-",
            f"not a readable Data Package descriptor ({type(e).__name__}: {e})",
        )
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
