"""Label collisions: two texts whose boxes overlap, a text struck by a line it does not label, or
a text closer to the figure's edge than the house padding. A graphics desk sends a chart back
for any of them, and they are easy to miss in a PNG, so every exported figure is checked
(`export.bilingual`), in both languages.

What counts:
- texts: every visible, non-empty text of the figure (headline, notes, tick labels, legends,
  annotations), as drawn, box by box;
- lines: the drawn segments of Line2D artists with a line style (stems, leader lines, reference
  lines; not gridlines or spines), line collections (ax.vlines), and arrows (FancyArrowPatch).
  Boundaries of map polygons are areas, not lines, and are left out, except an outline drawn
  to mark areas (`gid="outline"`, a county taken off a list). Gridlines count too, except
  under a text drawn with a halo (`style.halo`), which keeps the line off its letters.

A text may sit on what it labels: give the text and the line one `gid` (`owner(text, line)`),
as a timeline stem and its event's label, or a reference line and its name. A text marked
`gid="free"` is never checked (a watermark-like note drawn deliberately over marks).
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation, Text

from .style import PAD

SLACK = 0.5  # pixels two boxes may share (antialiasing), at the figure's dpi
EDGE = (
    0.8 * PAD
)  # share of the width a text keeps from every edge (the layout pads PAD)


def text_box(t: Text, renderer):
    """The box of a text's words: for an annotation, without its arrow or leader line (its
    own window extent includes them), after the annotation has placed its words."""
    if isinstance(t, Annotation):
        t.get_window_extent(renderer)  # places the words (update_positions)
    return Text.get_window_extent(t, renderer)


def owner(gid: str, *artists) -> None:
    """Mark artists as one group: a text never collides with a line of its own group."""
    for a in artists:
        a.set_gid(gid)


def _undrawn_ticks(fig) -> set:
    """Tick labels matplotlib keeps but does not draw (their ticks lie outside the view)."""
    out = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            every = {
                t
                for tick in axis.majorTicks + axis.minorTicks
                for t in (tick.label1, tick.label2)
            }
            drawn = set()
            if ax.axison and axis.get_visible():  # ax.axis("off") hides every tick
                drawn = {
                    t
                    for tick in axis._update_ticks()
                    for t in (tick.label1, tick.label2)
                }
            out |= every - drawn
    return out


def _texts(fig, renderer):
    out, hidden = [], _undrawn_ticks(fig)
    for t in fig.findobj(Text):
        if t in hidden:
            continue
        if not t.get_visible() or not t.get_text().strip() or t.get_gid() == "free":
            continue
        if t.axes is not None and not t.axes.get_visible():
            continue
        box = text_box(t, renderer)
        if box.width > 0 and box.height > 0:
            out.append((t, box))
    return out


def _segments(fig, renderer):
    """(artist, gid, array of display-space polylines) for every line-like artist."""
    out = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for line in ax.lines:
            if not line.get_visible() or line.get_linestyle() in ("None", "", " "):
                continue
            xy = line.get_transform().transform(line.get_xydata())
            if len(xy) >= 2:
                out.append((line, line.get_gid(), [xy]))
        for coll in ax.collections:
            if (
                isinstance(coll, PathCollection)
                and coll.get_gid() == "outline"
                and coll.get_visible()
            ):  # an area's drawn outline (a county taken off a list): a line
                tr = coll.get_transform()
                polys = [
                    np.asarray(p)
                    for path in coll.get_paths()
                    for p in tr.transform_path(path).to_polygons(closed_only=False)
                ]
                out.append((coll, None, polys))
            if isinstance(coll, LineCollection) and coll.get_visible():
                tr = coll.get_transform()
                out.append(
                    (
                        coll,
                        coll.get_gid(),
                        [tr.transform(s) for s in coll.get_segments()],
                    )
                )
        for patch in ax.patches:
            drawn = isinstance(patch, FancyArrowPatch) or patch.get_gid() == "outline"
            if drawn and patch.get_visible():
                path = patch.get_transform().transform_path(patch.get_path())
                polys = path.to_polygons(closed_only=False)
                out.append((patch, patch.get_gid(), [np.asarray(p) for p in polys]))
        for axis in (
            ax.xaxis,
            ax.yaxis,
        ):  # gridlines: a text needs a halo to sit on one
            for tick in axis._update_ticks():
                g = tick.gridline
                if g.get_visible() and g.get_linestyle() not in ("None", "", " "):
                    xy = g.get_transform().transform(g.get_xydata())
                    out.append((g, "grid", [xy]))
    return out


def _haloed(t: Text) -> bool:
    """A text drawn with a stroke around its letters (a halo) stands clear of a gridline."""
    return any(type(e).__name__ == "withStroke" for e in (t.get_path_effects() or []))


def _crosses(poly, box) -> bool:
    """Does a polyline pass through the box (shrunk by SLACK)? Sampled densely along each
    segment, which is exact enough at screen resolution."""
    x0, y0, x1, y1 = box.x0 + SLACK, box.y0 + SLACK, box.x1 - SLACK, box.y1 - SLACK
    if x1 <= x0 or y1 <= y0 or len(poly) < 2:
        return False
    a, b = poly[:-1], poly[1:]
    n = np.maximum(np.ceil(np.hypot(*(b - a).T)), 1).astype(int)
    for (ax_, ay), (bx, by), k in zip(a, b, n):
        t = np.linspace(0, 1, k + 1)
        xs, ys = ax_ + (bx - ax_) * t, ay + (by - ay) * t
        if np.any((xs > x0) & (xs < x1) & (ys > y0) & (ys < y1)):
            return True
    return False


def _name(t: Text) -> str:
    s = t.get_text().replace("\n", " ")
    return repr(s if len(s) <= 24 else s[:23] + "…")


def collisions(fig) -> list[str]:
    """One line per collision in the figure as drawn: overlapping texts, a text struck by a line
    of another group, a text in the figure's outer padding."""
    canvas = FigureCanvasAgg(
        fig
    )  # a Figure made without pyplot has no renderer of its own
    canvas.draw()  # lay out (constrained layout) and place every artist
    renderer = canvas.get_renderer()
    texts, lines = _texts(fig, renderer), _segments(fig, renderer)
    width, height = fig.bbox.width, fig.bbox.height
    edge = EDGE * width
    found = []
    for i, (t, box) in enumerate(texts):
        if (
            box.x0 < edge
            or box.y0 < edge
            or box.x1 > width - edge
            or box.y1 > height - edge
        ):
            found.append(f"{_name(t)} is within {EDGE:.1%} of the figure's edge")
        for u, other in texts[i + 1 :]:
            w = min(box.x1, other.x1) - max(box.x0, other.x0)
            h = min(box.y1, other.y1) - max(box.y0, other.y0)
            if w > SLACK and h > SLACK:
                found.append(f"{_name(t)} overlaps {_name(u)}")
        for artist, gid, polys in lines:
            if gid is not None and gid == t.get_gid():
                continue
            if gid == "grid" and _haloed(t):
                continue
            if any(_crosses(p, box) for p in polys):
                found.append(f"{_name(t)} is struck by a {type(artist).__name__}")
    return found
