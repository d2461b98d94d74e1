"""The frame every figure shares, so that all of them speak one visual language:

- the headline states the finding (bold), the subtitle names the measure and unit;
- every value label keeps its qualifier (超, 近, 多 ...) and sits on a white halo;
- the note and the source line go underneath, the source line written from the rows actually
  drawn (`Frame.cite`), never typed by hand;
- the values drawn are recorded as a table (`Frame.plotted`), exported beside the figure as a
  CSV, as Our World in Data's download tab gives the data behind each chart.

`new_figure` returns a `Frame` (the matplotlib Figure and its words) with the axes, as
`plt.subplots` returns a figure and axes. The exporter (zjcounty.figures.export) takes the
Frame, and refuses one that was not finished: a figure without sources cannot be exported.
Notebook 00 draws one frame by hand first, to show what these functions do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from ..words.sources import source_items, source_line
from . import fonts
from .layout import headline, wrap, wrap_items
from .style import PAD, PALETTE, figure, halo

TITLE_SIZE = 12.5
SUBTITLE_SIZE = 9
NOTE_SIZE = 7.5
SOURCE_SIZE = 7
HALO = halo("white", 3)  # map and chart labels on white


def margin_pt(width_pt: float) -> float:
    """The outer margin of the frame's text, in points: PAD of the width."""
    return PAD * width_pt


def headline_font(size: float = TITLE_SIZE) -> FontProperties:
    """The bold CJK headline face at a size, chosen by file: for headlines and the few labels
    that need weight."""
    return FontProperties(fname=str(fonts.headline()), size=size)


@dataclass(eq=False)
class Frame:
    """A figure with its words: headline, subtitle, note, and the sources of what it draws.
    `top` and `bottom` are the fractions of the figure's height its text takes."""

    fig: Figure
    title: str
    subtitle: str = ""
    top: float = 0.0
    bottom: float = 0.0
    sources: list[str] = field(default_factory=list)
    note: str = ""
    source_line: str = ""
    lang: str = ""  # set by finish(): the language the frame was finished in
    tables: list = field(default_factory=list)  # what plotted() recorded

    def _reserve(self) -> None:
        """Keep the axes out of the headline and the notes (constrained layout's rect)."""
        self.fig.get_layout_engine().set(
            rect=(0, self.bottom, 1, 1 - self.bottom - self.top)
        )

    def cite(self, rows) -> Frame:
        """Record that `rows` (facts, or any table with source_id, or source ids) are drawn."""
        ids = rows["source_id"] if isinstance(rows, pd.DataFrame) else rows
        self.sources.extend(i for i in ids if isinstance(i, str) and i)
        return self

    def plotted(self, table: pd.DataFrame) -> Frame:
        """Record the values drawn, as a tidy table with language-neutral columns (ids, both
        names, value and unit): the figure's CSV. Called once per layer; the tables are stacked."""
        self.tables.append(table.reset_index(drop=True))
        return self

    def plotted_csv(self) -> str:
        """The recorded tables as one CSV (UTF-8, `\n` line ends, no index)."""
        if not self.tables:
            raise ValueError(
                "nothing recorded: pass the values drawn to frame.plotted(table)"
            )
        table = pd.concat(self.tables, ignore_index=True)
        return table.to_csv(index=False, lineterminator="\n")

    def finish(self, lang: str, note: str | None = None, layers=()) -> Frame:
        """Write the note (caveats) and the source line under the figure; returns the frame.

        The sources are those of the rows drawn (`cite`), then `layers`: sources of what is
        drawn but not a row of a table, such as the map's boundaries. Nothing cited raises."""
        ids = list(dict.fromkeys([*self.sources, *layers]))
        if not ids:
            raise ValueError(
                "finish(): nothing was cited; pass the drawn rows to cite() or layers="
            )
        width_pt, height_pt = (x * 72 for x in self.fig.get_size_inches())
        self.note, self.source_line, self.sources, self.lang = (
            note or "",
            source_line(ids, lang),
            ids,
            lang,
        )
        room = width_pt - 2 * margin_pt(width_pt)
        lines = wrap_items(*source_items(ids, lang), room / SOURCE_SIZE - 1)
        notes = wrap(self.note, room / NOTE_SIZE - 1) if self.note else []
        margin = margin_pt(width_pt)
        self.fig.text(
            margin / width_pt,
            margin / height_pt,
            "\n".join(lines),
            ha="left",
            va="bottom",
            fontsize=SOURCE_SIZE,
            color=PALETTE["muted"],
            linespacing=1.3,
        )
        h = margin + len(lines) * SOURCE_SIZE * 1.3 + 4
        if notes:
            self.fig.text(
                margin / width_pt,
                h / height_pt,
                "\n".join(notes),
                ha="left",
                va="bottom",
                fontsize=NOTE_SIZE,
                color=PALETTE["ink"],
                linespacing=1.3,
            )
            h += len(notes) * NOTE_SIZE * 1.3 + 4
        self.bottom = (h + 4) / height_pt
        self._reserve()
        return self

    def words(self) -> dict[str, str]:
        """Title, subtitle, note and source line: what a figure's .json sidecar holds per language."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "note": self.note,
            "source_line": self.source_line,
        }


def new_figure(
    width: float, height: float, title: str, subtitle: str | None = None, **subplots
):
    """A figure with the finding as a bold headline and the measure as a subtitle, both set
    left over the whole figure; returns (frame, axes), as plt.subplots returns (fig, axes)."""
    fig = figure(width, height)
    width_pt, height_pt = width * 72, height * 72
    margin = margin_pt(width_pt)
    room = width_pt - 2 * margin
    head = headline(title, room / TITLE_SIZE - 0.5)
    sub = wrap(subtitle, room / SUBTITLE_SIZE - 1) if subtitle else []
    y = 1 - margin / height_pt
    fig.text(
        margin / width_pt,
        y,
        "\n".join(head),
        ha="left",
        va="top",
        fontproperties=headline_font(),
        color=PALETTE["ink"],
        linespacing=1.2,
    )
    y -= len(head) * TITLE_SIZE * 1.2 / height_pt + 3 / height_pt
    if sub:
        fig.text(
            margin / width_pt,
            y,
            "\n".join(sub),
            ha="left",
            va="top",
            fontsize=SUBTITLE_SIZE,
            color=PALETTE["muted"],
            linespacing=1.3,
        )
        y -= len(sub) * SUBTITLE_SIZE * 1.3 / height_pt
    frame = Frame(fig, title, subtitle or "", top=1 - y + 6 / height_pt)
    frame._reserve()
    return frame, fig.subplots(**subplots)


def value_label(ax, x, y, text: str, **kw):
    """A value label on a white halo, so no gridline or bar edge runs through it."""
    kw = {
        "xytext": (4, 0),
        "textcoords": "offset points",
        "va": "center",
        "fontsize": 8.5,
        "color": PALETTE["ink"],
        **kw,
    }
    return ax.annotate(text, (x, y), path_effects=HALO, **kw)
