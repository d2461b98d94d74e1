"""What the Data Package descriptor (data/datapackage.json) says about each table's columns:
names, types and constraints, read straight from the JSON.

The descriptor is the one statement of validity. Frictionless enforces it (zjcounty.validate);
this module only reads it so that the loader can type columns and the file checks can name the
expected header. Why not `frictionless.Package` here: building one imports jsonschema, whose
format checkers compile 39 lark grammars at import (about 3 s measured); every notebook kernel
loads tables, and would pay that for nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..paths import DATA

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    constraints: dict


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _as_tuple(x) -> tuple[str, ...]:
    return (x,) if isinstance(x, str) else tuple(x)


def resources(descriptor: dict) -> list[Resource]:
    """Every resource of a parsed descriptor, in its order."""
    out = []
    for res in descriptor["resources"]:
        schema = res["schema"]
        fields = tuple(
            Field(f["name"], f.get("type", "string"), f.get("constraints", {}))
            for f in schema["fields"]
        )
        out.append(
            Resource(
                res["name"],
                res["path"],
                fields,
                _as_tuple(schema.get("primaryKey", [])),
            )
        )
    return out


def load_descriptor(data_dir: Path | str = DATA) -> dict:
    return json.loads((Path(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _by_name(text: bytes) -> dict[str, Resource]:
    return {r.name: r for r in resources(json.loads(text))}


def resource(
    name: str, data_dir: Path | str = DATA, descriptor: bytes | None = None
) -> Resource:
    """One resource of the descriptor in `data_dir` (or of its bytes, when the caller has read
    them), read afresh and parsed once per content."""
    found = _by_name(descriptor or (Path(data_dir) / DESCRIPTOR).read_bytes()).get(name)
    if found is None:
        raise KeyError(f"{Path(data_dir) / DESCRIPTOR}: no resource named {name!r}")
    return found
