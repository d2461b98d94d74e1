"""Chart pieces used by several notebooks, so that every figure speaks the same visual
language: solid bars are achieved or observed figures, hollow hatched bars are targets,
expectations and plans, and every value label keeps its qualifier (超, 近, 多 ...)."""
from __future__ import annotations

import matplotlib.pyplot as plt

from .facts import NOT_ACHIEVED, stated
from .plotting import PALETTE, add_source, wrap_text
from .provenance import source_line

TITLE_FONTSIZE = 12


def barh_facts(ax, rows, labels, lang: str, color: str = PALETTE["accent"], log: bool = False):
    """Horizontal bars of facts rows (from load_facts()) labelled by `labels` (one per row).

    English bars are drawn in the English display unit (亿元 -> bn yuan) so axis and labels agree."""
    y = range(len(rows))
    hollow = rows["kind"].isin(NOT_ACHIEVED).to_list()
    values = rows["value"] * (rows["en_scale"] if lang == "en" else 1)
    bars = ax.barh(list(y), values, color=[("none" if h else color) for h in hollow],
                   edgecolor=color, hatch=None, linewidth=1.2)
    for bar, h in zip(bars, hollow):
        if h:
            bar.set_hatch("///")
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
    for bar, (_, r) in zip(bars, rows.iterrows()):
        ax.annotate(stated(r, lang), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.margins(x=0.42)
    ax.grid(axis="y", visible=False)
    return bars


def finish(fig, source_ids, lang: str, note: str | None = None):
    """Source line (and an optional note above it) under the figure; returns fig."""
    text = source_line(source_ids, lang)
    if note:
        text = f"{note}\n{text}"
    add_source(fig, text)
    return fig


def legend_kinds(ax, labels, color: str = PALETTE["accent"], **kw):
    """Legend explaining solid (achieved) versus hatched (target/expected) bars."""
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=color, edgecolor=color, label=labels["achieved"]),
               Patch(facecolor="none", edgecolor=color, hatch="///", label=labels["not_achieved"])]
    kw = {"loc": "lower right", "bbox_to_anchor": (1.0, 1.0), "ncols": 2, **kw}  # above the axes: never over a bar
    ax.legend(handles=handles, frameon=False, fontsize=8, **kw)


def new_figure(width: float = 7.0, height: float = 3.6, title: str | None = None, **subplots):
    """A constrained-layout figure; the title goes top left over the whole figure, so long
    titles are never cut by the axes' width."""
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained", **subplots)
    if title:
        lines = wrap_text(title, width * 72 / TITLE_FONTSIZE - 1)  # the PNG is not cropped to fit: wrap
        fig.suptitle("\n".join(lines), x=0.01, ha="left", fontsize=TITLE_FONTSIZE)
    return fig, ax
