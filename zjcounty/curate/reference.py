"""The tables the extractor reads once per data folder: the facts columns and scope words of the
Data Package descriptor, the units (units.csv) and the places (counties, regions, towns)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..data.schema import resource
from .gazetteer import Gazetteer
from .units import UnitTable


@dataclass
class Reference:
    """What the extractor reads from the Data Package: columns, units, areas."""

    columns: list[str]
    scope_values: list[str]
    units: UnitTable
    places: Gazetteer

    @classmethod
    def load(cls, data_dir: Path | str) -> Reference:
        facts = resource("facts", data_dir)
        scope = next(
            (f.constraints.get("enum", []) for f in facts.fields if f.name == "scope"),
            [],
        )
        return cls(facts.columns, list(scope), UnitTable(data_dir), Gazetteer(data_dir))

    @classmethod
    def cached(cls, data_dir: Path | str) -> Reference:
        """Load once per data folder and version of its files (their modification times), so
        a batch of extractions reads the tables once and an edited table is read again."""
        folder = Path(data_dir).resolve()
        stamp = tuple(
            p.stat().st_mtime_ns if p.exists() else 0
            for p in (
                folder / n
                for n in (
                    "datapackage.json",
                    "units.csv",
                    "counties.csv",
                    "regions.csv",
                )
            )
        )
        return _load_reference(folder, stamp)

    def scope(self, kind: str) -> str:
        """The descriptor's word for an area's own total (area or county) or an entity."""
        if kind == "area":
            return next((v for v in self.scope_values if v in ("area", "county")), "")
        return kind if kind in self.scope_values else ""


@lru_cache(maxsize=4)
def _load_reference(folder: Path, stamp: tuple) -> Reference:  # noqa: ARG001 - stamp is the cache key
    return Reference.load(folder)
