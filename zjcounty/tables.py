"""Load a curated table with the types its schema declares.

Reading every column as text first and converting by the schema means a value is never
guessed into another type (adcode 330382 stays a string, 2023 in ref_period stays text).
A value that does not convert raises, naming file, row and column: run
`python -m zjcounty validate` for the full list.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .paths import DATA
from .schema import resource

_BOOL = {"true": True, "false": False}


class TableError(ValueError):
    pass


def _convert(col: pd.Series, ftype: str, path: Path, column: str) -> pd.Series:
    blank = col == ""
    if ftype == "string":
        return col.where(~blank, None).astype("string")
    if ftype == "number":
        out = pd.to_numeric(col.where(~blank, None), errors="coerce")
    elif ftype == "integer":
        out = pd.to_numeric(col.where(~blank, None), errors="coerce").astype("Int64")
    elif ftype == "boolean":
        out = col.map(_BOOL).astype("boolean")
    elif ftype == "date":
        out = pd.to_datetime(col.where(~blank, None), format="%Y-%m-%d", errors="coerce")
    else:
        raise TableError(f"{path}:0: {column}: unsupported type {ftype!r} in schema")
    bad = out.isna() & ~blank
    if bad.any():
        i = int(bad.to_numpy().argmax())
        raise TableError(f"{path}:{i + 2}: {column}: {col.iloc[i]!r} is not a {ftype}")
    return out


def load(name: str, data_dir: Path | str = DATA) -> pd.DataFrame:
    """One table of the Data Package by resource name, typed by its schema."""
    data_dir = Path(data_dir)
    res = resource(name, data_dir)
    path = data_dir / res.path
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    if list(raw.columns) != res.columns:
        raise TableError(f"{path}:1: -: columns {list(raw.columns)} differ from the schema's {res.columns}")
    return pd.DataFrame({f.name: _convert(raw[f.name], f.type, path, f.name) for f in res.fields})
