"""Chart pieces every notebook uses, so that all figures speak one visual language:

- the headline states the finding (bold), the subtitle names the measure and unit;
- solid marks are achieved or current values, hollow hatched marks are targets, expectations
  and plans; every value label keeps its qualifier (超, 近, 多 ...) and sits on a white halo;
- the source line is written from the rows actually drawn (`cite`), never typed by hand.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib import patheffects
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch

from . import fonts
from .facts import NOT_ACHIEVED
from .plotting import PALETTE, figure
from .text import LANGS, source_line, stated, word

TITLE_SIZE = 12.5
SUBTITLE_SIZE = 9
NOTE_SIZE = 7.5
SOURCE_SIZE = 7
HALO = [patheffects.withStroke(linewidth=3, foreground="white")]


# --- text layout ----------------------------------------------------------------------------

def _em(token: str) -> float:
    """Width in ems: a CJK character is one em, anything else a little over half."""
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.56 for c in token)


_NO_LINE_START = set("，、。；：？！）》」』”’…%")


def _tokens(text: str) -> list[str]:
    """Break opportunities: each CJK character, each word with its trailing space. A number stays
    with the word or character after it (11 good, 11家), as typesetters keep a number with its unit;
    Chinese closing punctuation stays with the character before it."""
    import re

    raw = re.findall(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+", text)
    out: list[str] = []
    for tok in raw:
        if out and re.fullmatch(r"[≥≤~]?[\d.,]+%?\s?", out[-1]) and tok.strip():
            out[-1] += tok
        elif out and tok in _NO_LINE_START:
            out[-1] += tok  # a line never starts with a comma or a closing bracket (禁则)
        else:
            out.append(tok)
    return out


def _greedy(tokens: list[str], width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for tok in tokens:
        w = _em(tok)
        if used + w > width and line.strip():
            lines.append(line.rstrip())
            line, used = tok.lstrip(), _em(tok.lstrip())
        else:
            line, used = line + tok, used + w
    lines.append(line.rstrip())
    return lines


def text_width(text: str, fontsize: float) -> float:
    """Approximate width of a one-line text in points (CJK one em, others a little over half)."""
    return _em(text) * fontsize


def stagger(xs: list[float], widths: list[float], gap: float = 0.0) -> list[int]:
    """Levels for labels that start at xs (sorted or not) and run `widths` to the right: each label
    takes the lowest level where it does not overlap the previous label on that level."""
    ends: list[float] = []
    levels = [0] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        level = next((k for k, end in enumerate(ends) if end + gap <= xs[i]), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = xs[i] + widths[i]
        levels[i] = level
    return levels


def wrap(text: str, width_em: float, balanced: bool = False) -> list[str]:
    """Wrap at spaces or between CJK characters. `balanced` evens out the lines (no orphan word
    on the last line of a headline), like CSS `text-wrap: balance`."""
    out = []
    for para in text.split("\n"):
        tokens = _tokens(para)
        lines = _greedy(tokens, width_em)
        if balanced and len(lines) > 1:
            lo, hi = 1.0, width_em
            while hi - lo > 0.25:  # narrowest width that still needs no more lines
                mid = (lo + hi) / 2
                if len(_greedy(tokens, mid)) <= len(lines):
                    hi = mid
                else:
                    lo = mid
            lines = _greedy(tokens, hi)
        out += lines
    return out


def wrap_label(text: str, width_em: float) -> str:
    """A tick or panel label on balanced lines (joined with newlines)."""
    return "\n".join(wrap(text, width_em, balanced=True))


# --- figure frame -----------------------------------------------------------------------------

def _state(fig) -> dict:
    if not hasattr(fig, "_zj"):
        fig._zj = {"top": 0.0, "bottom": 0.0, "sources": [], "title": "", "subtitle": "", "note": "", "source_line": ""}
    return fig._zj


def _reserve(fig) -> None:
    s = _state(fig)
    fig.get_layout_engine().set(rect=(0, s["bottom"], 1, 1 - s["bottom"] - s["top"]))


def headline_font(size: float = TITLE_SIZE) -> FontProperties:
    """The bold CJK headline face at a size: for headlines and the few labels that need weight."""
    return FontProperties(fname=str(fonts.headline()), size=size)


def new_figure(width: float, height: float, title: str, subtitle: str | None = None, **subplots):
    """A figure with the finding as a bold headline and the measure as a subtitle, both set
    left over the whole figure; returns (fig, axes) like plt.subplots."""
    fig = figure(width, height)
    width_pt, height_pt = width * 72, height * 72
    head = wrap(title, width_pt / TITLE_SIZE - 1.5, balanced=True)
    sub = wrap(subtitle, width_pt / SUBTITLE_SIZE - 2) if subtitle else []
    y = 1 - 8 / height_pt
    bold = headline_font()
    fig.text(8 / width_pt, y, "\n".join(head), ha="left", va="top", fontproperties=bold,
             color=PALETTE["ink"], linespacing=1.2)
    y -= len(head) * TITLE_SIZE * 1.2 / height_pt + 3 / height_pt
    if sub:
        fig.text(8 / width_pt, y, "\n".join(sub), ha="left", va="top", fontsize=SUBTITLE_SIZE,
                 color=PALETTE["muted"], linespacing=1.3)
        y -= len(sub) * SUBTITLE_SIZE * 1.3 / height_pt
    state = _state(fig)
    state.update(top=1 - y + 6 / height_pt, title=title, subtitle=subtitle or "")
    _reserve(fig)
    axes = fig.subplots(**subplots)
    return fig, axes


def cite(fig, rows) -> None:
    """Record that `rows` (facts or any table with source_id) are drawn on `fig`."""
    ids = rows["source_id"] if isinstance(rows, pd.DataFrame) else rows
    _state(fig)["sources"].extend(i for i in ids if isinstance(i, str) and i)


def finish(fig, lang: str, note: str | None = None, layers=()):
    """Write the note (caveats) and the source line under the figure and return it.

    The sources are those of the rows drawn (`cite`), then `layers`: sources of what is drawn
    but not a row of a table, such as the map's boundaries. A figure with nothing cited raises."""
    ids = [*_state(fig)["sources"], *layers]
    if not ids:
        raise ValueError("finish(): nothing was cited; pass the drawn rows to cite() or layers=")
    width_pt, height_pt = (x * 72 for x in fig.get_size_inches())
    line = source_line(ids, lang)
    _state(fig).update(note=note or "", source_line=line, source_ids=list(dict.fromkeys(ids)))
    lines = wrap(line, width_pt / SOURCE_SIZE - 3)
    notes = wrap(note, width_pt / NOTE_SIZE - 3) if note else []
    fig.text(8 / width_pt, 4 / height_pt, "\n".join(lines), ha="left", va="bottom", fontsize=SOURCE_SIZE,
             color=PALETTE["muted"], linespacing=1.3)
    h = len(lines) * SOURCE_SIZE * 1.3 + 8
    if notes:
        fig.text(8 / width_pt, h / height_pt, "\n".join(notes), ha="left", va="bottom", fontsize=NOTE_SIZE,
                 color=PALETTE["ink"], linespacing=1.3)
        h += len(notes) * NOTE_SIZE * 1.3 + 4
    _state(fig)["bottom"] = (h + 4) / height_pt
    _reserve(fig)
    return fig


# --- marks ------------------------------------------------------------------------------------

def value_label(ax, x, y, text: str, **kw):
    """A value label on a white halo, so no gridline or bar edge runs through it."""
    kw = {"xytext": (4, 0), "textcoords": "offset points", "va": "center", "fontsize": 8.5,
          "color": PALETTE["ink"], **kw}
    return ax.annotate(text, (x, y), path_effects=HALO, **kw)


def barh(ax, rows: pd.DataFrame, labels: Mapping[str, str] | str, lang: str, color: str = PALETTE["data"],
         scale: bool = True):
    """Horizontal bars of facts rows with their stated values as labels.

    `labels` maps each row's fact_id to its bar label (or names a column of `rows`), so a label
    cannot land on the wrong bar; a fact without a label, or a label without a fact, raises.
    Targets, expectations and plans are hollow and hatched. English bars use the English display
    unit (亿元 -> bn yuan) so bars and labels agree. The rows are cited for the source line."""
    if isinstance(labels, str):
        names = list(rows[labels])
    else:
        ids = list(rows["fact_id"])
        missing, extra = [i for i in ids if i not in labels], [k for k in labels if k not in ids]
        if missing or extra:
            raise KeyError(f"barh(): facts without a label {missing}; labels without a fact {extra}")
        names = [labels[i] for i in ids]
    values = rows["value"] * (rows["en_scale"] if lang == "en" and scale else 1)
    y = list(range(len(rows)))
    promised = rows["kind"].isin(NOT_ACHIEVED).to_list()
    bars = ax.barh(y, values, color=["white" if p else color for p in promised], edgecolor=color,
                   linewidth=1.0, height=0.62)
    for bar, p in zip(bars, promised):
        if p:
            bar.set_hatch("////")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    for bar, (_, row) in zip(bars, rows.iterrows()):
        value_label(ax, bar.get_width(), bar.get_y() + bar.get_height() / 2, stated(row, lang))
    ax.spines[["bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    ax.set_xlim(0, float(values.max()) * 1.35)
    cite(ax.figure, rows)
    return bars


def legend_kinds(ax, lang: str, color: str = PALETTE["data"], **kw):
    """Legend: solid = achieved or current, hollow hatched = target, expectation or plan."""
    handles = [Patch(facecolor=color, edgecolor=color, label=word("achieved", lang)),
               Patch(facecolor="white", edgecolor=color, hatch="////", label=word("not_achieved", lang))]
    kw = {"loc": "lower right", "bbox_to_anchor": (1.0, 1.0), "ncols": 2, "fontsize": 8, **kw}
    return ax.legend(handles=handles, frameon=False, **kw)


__all__ = ["LANGS", "barh", "cite", "finish", "legend_kinds", "new_figure", "value_label", "wrap"]
