"""Load a curated table with the types its schema declares.

Every column is read as text first and converted by the schema, so a value is never guessed
into another type (adcode 330382 stays a string, 2023 in ref_period stays text). A value that
does not convert raises TableError with one line, `data/FILE:ROW: column: problem`, the
validator's format: run `python -m zjcounty validate` for every problem at once.

A table read once is kept, keyed by the bytes of its file and of the descriptor, and each
caller gets its own copy: an edit shows on the next call, and a loop that asks for the labels
of every row (as notebooks do) reads the file once instead of hundreds of times.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pandas as pd

from ..paths import DATA
from .schema import DESCRIPTOR, Resource, resource

_BOOL = {"true": True, "false": False}


class TableError(ValueError):
    pass


def _convert(col: pd.Series, ftype: str, shown: str, column: str) -> pd.Series:
    blank = col == ""
    present = col.where(~blank, None)
    if ftype == "string":
        return present.astype("string")
    if ftype == "number":
        out = pd.to_numeric(present, errors="coerce")
    elif ftype == "integer":
        whole = col.str.fullmatch(r"-?\d+") | blank  # 2019.5 or 1e3 are not integers
        out = pd.to_numeric(present.where(whole, None), errors="coerce").astype("Int64")
    elif ftype == "boolean":
        out = col.map(_BOOL).astype("boolean")
    elif ftype == "date":
        out = pd.to_datetime(present, format="%Y-%m-%d", errors="coerce")
    else:
        raise TableError(
            f"{shown}:0: {column}: unsupported type {ftype!r} in the schema"
        )
    bad = out.isna() & ~blank
    if bad.any():
        i = int(bad.to_numpy().argmax())
        article = "an" if ftype[0] in "aeiou" else "a"
        raise TableError(
            f"{shown}:{i + 2}: {column}: {col.iloc[i]!r} is not {article} {ftype}"
        )
    return out


_LOADED: dict[tuple[str, bytes, bytes], pd.DataFrame] = {}


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def load(name: str, data_dir: Path | str = DATA) -> pd.DataFrame:
    """One table of the Data Package by resource name, typed by its schema."""
    data_dir = Path(data_dir)
    descriptor = (data_dir / DESCRIPTOR).read_bytes()
    res = resource(name, data_dir, descriptor)
    data = (data_dir / res.path).read_bytes()
    key = (name, _digest(descriptor), _digest(data))
    if key not in _LOADED:
        _LOADED[key] = _parse(data, res, f"{data_dir.name}/{res.path}")
    return _LOADED[key].copy()


def _parse(data: bytes, res: Resource, shown: str) -> pd.DataFrame:
    raw = pd.read_csv(
        io.BytesIO(data),
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        encoding="utf-8",
    )
    if list(raw.columns) != res.columns:
        raise TableError(
            f"{shown}:1: -: columns {list(raw.columns)} differ from the schema's {res.columns}"
        )
    return pd.DataFrame(
        {f.name: _convert(raw[f.name], f.type, shown, f.name) for f in res.fields}
    )
