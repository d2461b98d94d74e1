"""Check the curated tables against their schema and the seed texts; report, never repair.

Each problem is one line, `FILE:ROW: COLUMN: what is wrong`, where ROW is the record's line
in the file (the header is line 1) and 0 means the file as a whole. Nothing is written to
the data directory. Checks are vectorised over columns and the quote checks are cached per
distinct (source, quote) and (quote, value), so a million rows take seconds, not minutes.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import cnnum, seedtext
from .schema import DESCRIPTOR, Resource, resources

_BOOLEAN = {"true", "false"}
_SEED_DIR = "seeds/"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}: {self.column}: {self.message}"


class _Reporter:
    def __init__(self, shown_dir: str):
        self.shown_dir = shown_dir.rstrip("/") or "."
        self.problems: list[Problem] = []

    def add(self, rel: str, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(f"{self.shown_dir}/{rel}", int(row), column, message))

    def rows(self, rel: str, mask: pd.Series, column: str, template: str, values: pd.Series | None = None) -> None:
        """Add one problem per True in mask; {v} or {v!r} in template stand for the row's value.

        Plain replacement, not str.format: schema patterns such as \\d{4} contain braces."""
        for idx in mask[mask].index:
            v = values.iloc[idx] if values is not None else None
            self.add(rel, idx + 2, column, template.replace("{v!r}", repr(v)).replace("{v}", str(v)))


def _read_csv(path: Path, rel: str, res: Resource, rep: _Reporter) -> pd.DataFrame | None:
    """Parse a CSV strictly; on any file-level fault report it once and return None."""
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
    # Structure first, with the csv module: it names the row of any quoting fault or of a row
    # with the wrong number of fields, which pandas' fast parser would silently pad.
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
        detail = "; ".join(
            x for x in (missing and f"missing {missing}", extra and f"unexpected {extra}") if x
        ) or f"order differs from schema {res.columns}"
        rep.add(rel, 1, "-", f"header does not match the schema: {detail}")
        return None
    width = len(header)
    bad = [(i, n) for i, n in enumerate(widths) if n != width]
    for i, n in bad:
        rep.add(rel, i + 2, "-", f"has {n} fields, the header has {width}")
    if not text.endswith("\n"):
        rep.add(rel, len(widths) + 1, "-", "file does not end with a newline: truncated?")
    if bad:
        return None
    # Then the values, with pandas' C parser: every cell as text, nothing turned into NaN.
    # (From the bytes: pandas reads a BytesIO in C, a StringIO through Python, ten times slower.)
    return pd.read_csv(io.BytesIO(raw), encoding="utf-8", dtype=str, keep_default_na=False, na_filter=False, engine="c")


def _check_fields(df: pd.DataFrame, rel: str, res: Resource, rep: _Reporter) -> None:
    for f in res.fields:
        col = df[f.name]
        blank = col == ""
        if f.required:
            rep.rows(rel, blank, f.name, "required value is empty")
        present = ~blank
        if f.type in ("number", "integer"):
            num = pd.to_numeric(col.where(present, None), errors="coerce")
            bad = present & num.isna()
            if f.type == "integer":
                bad |= present & ~col.str.fullmatch(r"-?\d+")
            rep.rows(rel, bad, f.name, f"{{v!r}} is not a{'n' if f.type == 'integer' else ''} {f.type}", col)
        elif f.type == "boolean":
            rep.rows(rel, present & ~col.isin(_BOOLEAN), f.name, "{v!r} is not true or false", col)
        elif f.type == "date":
            parsed = pd.to_datetime(col.where(present, None), format="%Y-%m-%d", errors="coerce")
            rep.rows(rel, present & parsed.isna(), f.name, "{v!r} is not a date YYYY-MM-DD", col)
        if f.pattern:
            rep.rows(rel, present & ~col.str.fullmatch(f.pattern), f.name, f"{{v!r}} does not match {f.pattern}", col)
        if f.enum:
            allowed = ", ".join(f.enum)
            rep.rows(rel, present & ~col.isin(f.enum), f.name, f"{{v!r}} is not one of: {allowed}", col)
        if f.unique:
            rep.rows(rel, present & col.duplicated(keep="first"), f.name, "duplicate value {v!r}", col)


def _key(df: pd.DataFrame, fields) -> pd.Series:
    """One string per row joining the given columns: vectorised, unlike a row-wise apply."""
    fields = list(fields)
    key = df[fields[0]]
    return key.str.cat([df[f] for f in fields[1:]], sep="|") if len(fields) > 1 else key


def _check_keys(tables: dict[str, pd.DataFrame], res: Resource, rep: _Reporter, paths: dict[str, str]) -> None:
    df, rel = tables[res.name], paths[res.name]
    if res.primary_key and not df.empty:
        key = _key(df, res.primary_key)
        rep.rows(rel, key.duplicated(keep="first"), ",".join(res.primary_key), "duplicate primary key {v!r}", key)
    for fields, target, ref_fields in res.foreign_keys:
        if target not in tables or df.empty:
            continue  # the target table's own problem has been reported
        ref = set(_key(tables[target], ref_fields)) if not tables[target].empty else set()
        key = _key(df, fields)
        blank = (df[list(fields)] == "").all(axis=1)
        rep.rows(rel, ~blank & ~key.isin(ref), ",".join(fields),
                 f"{{v!r}} is not a {'/'.join(ref_fields)} in {paths.get(target, target)}", key)


@lru_cache(maxsize=None)
def _quote_in_seed(seed_path: str, quote: str) -> bool:
    return seedtext.normalise(quote) in seedtext.normalised_seed(seed_path)


def _check_quotes(tables: dict[str, pd.DataFrame], root: Path, rep: _Reporter, paths: dict[str, str]) -> None:
    """Seed-sourced rows: the quote stands in the seed, and (facts) the value is stated in it.

    Each distinct (seed, quote) and (quote, value) is checked once and mapped back to rows."""
    if "sources" not in tables:
        return
    src = tables["sources"]
    seed_of = {s: str(root / p) for s, p in zip(src["source_id"], src["path"]) if p.startswith(_SEED_DIR)}
    for name, df in tables.items():
        if "quote" not in df.columns or "source_id" not in df.columns or df.empty:
            continue
        rel = paths[name]
        seed = df["source_id"].map(seed_of)
        checked = seed.notna() & (df["quote"] != "")
        rep.rows(rel, seed.notna() & (df["quote"] == ""), "quote", "a figure from a seed needs the exact phrase")
        key = seed.where(checked, "") + "\x1f" + df["quote"]
        verdict = {k: _quote_found(*k.split("\x1f", 1)) for k in pd.unique(key[checked])}
        missing = checked & ~key.map(verdict).fillna(True).astype(bool)
        rep.rows(rel, missing, "quote", "not found in its seed {v} (after normalisation)", seed.fillna(""))
        if "value" in df.columns:
            values = pd.to_numeric(df["value"], errors="coerce")
            judged = checked & ~missing & values.notna()
            vkey = df["quote"] + "\x1f" + df["value"]
            stated = {k: cnnum.states(seedtext.normalise(k.split("\x1f", 1)[0]), float(k.split("\x1f", 1)[1]))
                      for k in pd.unique(vkey[judged])}
            unstated = judged & ~vkey.map(stated).fillna(True).astype(bool)
            rep.rows(rel, unstated, "value", "{v} is not a number stated in the quote", df["value"])


def _quote_found(seed_path: str, quote: str) -> bool:
    return os.path.isfile(seed_path) and _quote_in_seed(seed_path, quote)


def _check_facts(tables: dict[str, pd.DataFrame], rep: _Reporter, paths: dict[str, str]) -> None:
    """Rules one schema cannot say: a fact's area is a county or a region, and its unit is its indicator's."""
    facts = tables.get("facts")
    if facts is None or facts.empty:
        return
    rel = paths["facts"]
    areas = set()
    for name in ("counties", "regions"):
        if name in tables:
            areas |= set(tables[name]["adcode"])
    if {"counties", "regions"} <= tables.keys():
        rep.rows(rel, ~facts["adcode"].isin(areas), "adcode", "{v!r} is neither in counties.csv nor in regions.csv", facts["adcode"])
    if "indicators" in tables:
        unit_of = dict(zip(tables["indicators"]["indicator_id"], tables["indicators"]["unit"]))
        expected = facts["indicator"].map(unit_of)
        rep.rows(rel, expected.notna() & (expected != facts["unit"]), "unit",
                 "differs from its indicator's unit {v}", expected)


def validate(data_dir: Path | str, shown_as: str | None = None) -> list[Problem]:
    """All problems found in the Data Package at data_dir, sorted by file and row."""
    data_dir = Path(data_dir)
    rep = _Reporter(shown_as if shown_as is not None else str(data_dir))
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
        df = _read_csv(data_dir / res.path, res.path, res, rep)
        if df is not None:
            _check_fields(df, res.path, res, rep)
            tables[res.name] = df
    for res in res_list:
        if res.name in tables:
            _check_keys(tables, res, rep, paths)
    _check_facts(tables, rep, paths)
    _check_quotes(tables, data_dir.resolve().parent, rep, paths)
    return sorted(rep.problems, key=lambda p: (p.path, p.row, p.column, p.message))
