"""The Data Package descriptor (data/datapackage.json) as the one statement of every table's
columns, types, keys and vocabularies. The validator, the loader and Frictionless all read it,
so a column is declared once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .paths import DATA

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    unique: bool
    pattern: str | None
    enum: tuple[str, ...] | None


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _as_tuple(x) -> tuple[str, ...]:
    return (x,) if isinstance(x, str) else tuple(x)


def resources(descriptor: dict) -> list[Resource]:
    out = []
    for res in descriptor["resources"]:
        schema = res["schema"]
        fields = tuple(
            Field(
                name=f["name"],
                type=f.get("type", "string"),
                required=f.get("constraints", {}).get("required", False),
                unique=f.get("constraints", {}).get("unique", False),
                pattern=f.get("constraints", {}).get("pattern"),
                enum=tuple(f["constraints"]["enum"]) if "enum" in f.get("constraints", {}) else None,
            )
            for f in schema["fields"]
        )
        fks = tuple(
            (_as_tuple(fk["fields"]), fk["reference"]["resource"] or res["name"], _as_tuple(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        )
        out.append(Resource(res["name"], res["path"], fields, _as_tuple(schema.get("primaryKey", [])), fks))
    return out


def load_descriptor(data_dir: Path = DATA) -> dict:
    return json.loads((Path(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))


def resource(name: str, data_dir: Path = DATA) -> Resource:
    for r in resources(load_descriptor(data_dir)):
        if r.name == name:
            return r
    raise KeyError(f"{Path(data_dir) / DESCRIPTOR}: no resource named {name!r}")
