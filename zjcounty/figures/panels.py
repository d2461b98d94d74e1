"""Panels and marks several charts share: an axis for one measure across counties, bars with
their values at the end, a before-and-after dumbbell, a swim lane of dated events and
programmes, one row of the evidence ladder. Each draws on an Axes it is given, in the house
style; what a chart says (its data, words and layout) stays in the notebook that calls it."""

from __future__ import annotations

from matplotlib.ticker import Formatter, MaxNLocator

from .frame import HALO
from .style import PALETTE, halo


class _Separated(Formatter):
    """Tick labels with a thousands separator (1,500, as English prose writes it; Chinese axes
    stay under 1000, in 万人) and one number of decimals for the whole axis (8.0, 8.5, 9.0)."""

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]

    def format_ticks(self, values):
        decimals = max((len(f"{v:g}".partition(".")[2]) for v in values), default=0)
        return [f"{v:,.{decimals}f}" for v in values]


def measure_axis(ax, title: str) -> None:
    """One measure across counties: the title above, a light vertical grid behind the marks,
    no left spine or y ticks (the rows are named)."""
    ax.set(title=title, xlabel="", ylabel="")
    ax.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["left"]].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=8)
    ax.tick_params(axis="x", labelsize=7.5)
    # round ticks (8, 10, 12 or 10, 15, 20), never 7.5 or 12.5: one language's panel must not
    # show decimals the other's does not
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(_Separated())


def bare_bars(ax) -> None:
    """Bars whose values are written at their ends: no x axis, no y ticks, no spines."""
    ax.set_xticks([])
    ax.spines[["bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)


def bracket(ax, y0: float, y1: float, x: float, label: str, colour: str) -> None:
    """A bracket to the right of rows y0..y1 (bars of a horizontal bar chart) with a label
    beside it: what a headline says about those rows, drawn on them."""
    from .frame import headline_font

    ax.plot(
        [x - 0.012 * x, x, x, x - 0.012 * x],
        [y0 - 0.3, y0 - 0.3, y1 + 0.3, y1 + 0.3],
        color=colour,
        linewidth=0.9,
        clip_on=False,
    )
    ax.annotate(
        label,
        (x, (y0 + y1) / 2),
        xytext=(5, 0),
        textcoords="offset points",
        va="center",
        ha="left",
        color=colour,
        annotation_clip=False,
        fontproperties=headline_font(8),  # what the headline says: in its weight
    )


def reference(ax, x: float, label: str, y: float) -> None:
    """A dashed vertical line for a reference value (the province), named beside it, its top at
    `y` (below the rows, so no row's mark runs through the name)."""
    from .collide import owner

    muted = PALETTE["muted"]
    line = ax.axvline(x, color=muted, linewidth=0.8, linestyle=(0, (2, 2)))
    name = ax.annotate(
        label,
        (x, y),
        xytext=(3, 0),
        textcoords="offset points",
        fontsize=7,
        color=muted,
        ha="left",
        va="top",
        annotation_clip=False,
        path_effects=HALO,
    )
    owner(f"reference-{label}-{x}", line, name)


def lane(
    ax,
    top: float,
    name: str,
    events,
    spans,
    colour: str,
    *,
    x0: float,
    x1: float,
    per_point: float,
    font: float = 6.8,
    step: float = 0.5,
) -> float:
    """One swim lane of a timeline, drawn downward from `top`: its name as a header, then the
    dated events, then the programmes. An event dated to the month or day is a dot; one dated
    only by its year is a bracket over that whole year (the source says no more); each is
    labelled at its right, on the first level where the label fits (`per_point`: x units per
    typographic point, to measure labels), so no label is struck by another mark and no mark
    carries two labels. A programme is a thin bar over its years, hatched when it is still a
    plan or target (hatching means "promise" in every chart), named beside it. Returns the
    height where the next lane can start."""
    from .frame import headline_font
    from .layout import text_width

    gap = 3 * per_point  # between a mark and its label
    ax.text(
        x0,
        top,
        name,
        color=colour,
        va="top",
        ha="left",
        fontproperties=headline_font(8.5),
        path_effects=halo(),
    )
    ends: list[float] = []  # the right end of what each level holds
    y0 = top - 0.9

    def level(start: float, stop: float) -> float:
        k = next((i for i, e in enumerate(ends) if e + 2 * gap <= start), len(ends))
        if k == len(ends):
            ends.append(stop)
        else:
            ends[k] = stop
        return y0 - k * step

    for _, e in events.iterrows():
        width = text_width(e["label"], font) * per_point
        y = level(e["x"] - gap, e["end"] + 2 * gap + width)
        if e["dated"]:
            ax.plot(e["x"], y, "o", color=colour, markersize=4.5, zorder=3)
        else:
            ax.plot(
                [e["x"], e["end"]],
                [y, y],
                color=colour,
                linewidth=1.6,
                zorder=3,
                solid_capstyle="butt",
            )
            ax.plot(
                [e["x"]] * 2 + [e["end"]] * 2,
                [y - 0.1, y, y, y - 0.1],
                color=colour,
                linewidth=0.8,
                zorder=3,
            )
        shift = gap + (
            2.5 * per_point if e["dated"] else 0
        )  # clear of the dot's radius
        ax.text(
            e["end"] + shift,
            y,
            e["label"],
            fontsize=font,
            va="center",
            ha="left",
            color=PALETTE["ink"],
            path_effects=halo(),
        )
    y = y0 - len(ends) * step
    for _, s in spans.iterrows():
        width = text_width(s["label"], font) * per_point
        right = s["end"] + gap + width <= x1
        ax.broken_barh(
            [(s["start"], s["end"] - s["start"])],
            (y - 0.09, 0.18),
            facecolors="white" if s["promised"] else colour,
            edgecolors=colour,
            hatch="////" if s["promised"] else None,
            linewidth=0.8,
        )
        ax.text(
            s["end"] + gap if right else s["start"] - gap,
            y,
            s["label"],
            fontsize=font,
            va="center",
            ha="left" if right else "right",
            color=PALETTE["muted"],
            path_effects=halo(),
        )
        y -= step
    return y - 0.35


def ladder_row(ax, y: float, reached: list[int], colour: str) -> None:
    """One mechanism on the evidence ladder at height y: five rungs, a filled dot only on each
    rung a number stands on (`reached`), a larger one on the highest, and a thin line from the
    first rung to it, so no dot implies evidence that is not there."""
    ax.scatter(
        range(1, 6),
        [y] * 5,
        s=14,
        facecolor="white",
        edgecolor=PALETTE["grid"],
        linewidth=1,
        zorder=2,
    )
    if not reached:
        return
    top = max(reached)
    ax.plot([1, top], [y, y], color=PALETTE["before"], linewidth=0.8, zorder=1.5)
    ax.scatter(reached, [y] * len(reached), s=16, color=colour, zorder=4)
    ax.scatter(
        [top], [y], s=46, color=colour, zorder=5, edgecolor="white", linewidth=0.8
    )


def before_after(
    ax, points, colour: str, labels: list[str], change: str, bound: float | None = None
) -> None:
    """Values of one measure at two or more times on their own axis from zero: grey dots
    before, the last in `colour`, each labelled above (`labels`), the change written at the
    right. `bound`: the last value is a lower bound ("at least 99%"), and the true value lies
    between it and `bound` (100 for a rate), drawn as a bar to that limit, or as an arrow
    pointing on when `bound` is infinite."""
    from .frame import headline_font

    x = points["value"].to_numpy()
    ax.plot(x, [0] * len(x), color=PALETTE["grid"], linewidth=3, zorder=1)
    ax.scatter(x[:-1], [0] * (len(x) - 1), s=40, color=PALETTE["before"], zorder=3)
    ax.scatter(x[-1:], [0], s=40, color=colour, zorder=3)
    end = x.max()
    if bound is not None and bound != float("inf"):  # the range the true value lies in
        ax.plot(
            [x[-1], bound],
            [0, 0],
            color=colour,
            linewidth=5,
            alpha=0.35,
            zorder=2,
            solid_capstyle="butt",
        )
        ax.plot([bound, bound], [-0.25, 0.25], color=colour, linewidth=1, zorder=2)
        end = bound
    elif bound is not None:  # no upper limit: an arrow points on
        arrow = dict(
            arrowstyle="<|-", color=colour, linewidth=1.2, shrinkA=0, shrinkB=4
        )
        ax.annotate(
            "", (x[-1], 0), xytext=(16, 0), textcoords="offset points", arrowprops=arrow
        )
    for value, label in zip(x, labels):
        ax.annotate(
            label,
            (value, 0),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7.5,
            color=PALETTE["ink"],
            linespacing=1.1,
        )
    ax.annotate(
        change,
        (end, 0),
        xytext=(10 if bound != float("inf") else 24, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=8.5,
        color=colour,
        fontproperties=headline_font(8.5),
    )


def stacked_bars(ax, counts, colours: dict, rows: list[str], labels: dict) -> None:
    """Horizontal bars, one per row of `counts` (columns in stacking order), segments
    separated by white edges so that neighbouring colours never merge, each segment's count
    written inside where it fits (4 or more), the row's total at its end, and a key above."""
    from .frame import value_label

    left = [0] * len(counts)
    for column in counts.columns:
        kw = dict(color=colours[column], height=0.66, label=labels[column])
        bars = ax.barh(
            rows, counts[column], left=left, edgecolor="white", linewidth=1, **kw
        )
        for bar, n in zip(bars, counts[column]):
            if n >= 4:
                x = bar.get_x() + bar.get_width() / 2
                y = bar.get_y() + bar.get_height() / 2
                light = colours[column] == PALETTE["context_light"]
                ink = PALETTE["ink"] if light else "white"
                ax.text(x, y, str(n), ha="center", va="center", fontsize=7.5, color=ink)
        left = [a + b for a, b in zip(left, counts[column])]
    for y, total in enumerate(left):
        value_label(ax, total, y, str(total))
    ax.invert_yaxis()
    bare_bars(ax)
    key = dict(ncols=4, frameon=False, fontsize=7, handlelength=0.9, columnspacing=0.9)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), handletextpad=0.4, **key)


def swarm_medians(ax, rows, groups: list[str], colours: dict) -> None:
    """One measure for two groups of counties: a seaborn swarm per group, the group's median
    as a vertical line, and the two extremes named. `rows`: value, group, name."""
    import seaborn as sns

    from .frame import HALO

    kw = dict(x="value", y="group", order=groups, ax=ax)
    sns.swarmplot(rows, hue="group", palette=colours, size=4, legend=False, **kw)
    median = dict(errorbar=None, linestyle="none", marker="|", markersize=18)
    sns.pointplot(
        rows,
        estimator="median",
        markeredgewidth=1.6,
        color=PALETTE["ink"],
        **median,
        **kw,
    )
    for end in (rows["value"].idxmin(), rows["value"].idxmax()):
        r = rows.loc[end]
        ax.annotate(
            r["name"],
            (r["value"], groups.index(r["group"])),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=6.5,
            color=PALETTE["muted"],
            path_effects=HALO,
        )
    ax.set_ylim(1.55, -0.75)


def dumbbells(ax, rows, order: list[str], colours: dict, legend: bool) -> None:
    """One measure for pairs of counties: per pair (a row of `order`) its two values as dots
    (a seaborn strip plot), a grey bar between them, and a ring where the two nearly coincide
    (one dot would hide the other). `rows`: pair, end (the colour key), value."""
    import seaborn as sns

    span = rows.groupby("pair", sort=False)["value"].agg(["min", "max"]).loc[order]
    ax.hlines(range(len(order)), span["min"], span["max"], PALETTE["grid"], lw=3)
    kw = dict(hue="end", palette=colours, legend=legend, zorder=3, ax=ax)
    sns.stripplot(
        rows,
        x="value",
        y="pair",
        order=order,
        jitter=False,
        size=5.5,
        linewidth=0,
        **kw,
    )
    close = 0.025 * ((rows["value"].max() - rows["value"].min()) or 1)
    same = span.index[(span["max"] - span["min"]).abs() < close]
    ring = dict(s=80, facecolor="none", edgecolor=PALETTE["industrial"], linewidth=1)
    ax.scatter(span.loc[same, "max"], [order.index(p) for p in same], zorder=4, **ring)
    ax.xaxis.set_major_formatter("{x:g}")  # 10, not 10.0
