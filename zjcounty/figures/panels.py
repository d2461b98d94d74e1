"""Panels and marks several charts share: an axis for one measure across counties, bars with
their values at the end, a before-and-after dumbbell, a swim lane of dated events and
programmes, one row of the evidence ladder. Each draws on an Axes it is given, in the house
style; what a chart says (its data, words and layout) stays in the notebook that calls it."""

from __future__ import annotations

from .frame import HALO
from .style import PALETTE


def measure_axis(ax, title: str) -> None:
    """One measure across counties: the title above, a light vertical grid behind the marks,
    no left spine or y ticks (the rows are named)."""
    ax.set(title=title, xlabel="", ylabel="")
    ax.grid(axis="x", color=PALETTE["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["left"]].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=8)
    ax.tick_params(axis="x", labelsize=7.5)


def bare_bars(ax) -> None:
    """Bars whose values are written at their ends: no x axis, no y ticks, no spines."""
    ax.set_xticks([])
    ax.spines[["bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)


def reference(ax, x: float, label: str, y: float) -> None:
    """A dashed vertical line for a reference value (the province), named at `y`."""
    muted = PALETTE["muted"]
    ax.axvline(x, color=muted, linewidth=0.8, linestyle=(0, (2, 2)))
    ax.annotate(
        label,
        (x, y),
        xytext=(3, 0),
        textcoords="offset points",
        fontsize=7,
        color=muted,
        ha="left",
        va="bottom",
        annotation_clip=False,
        path_effects=HALO,
    )


def lane(
    ax,
    base: float,
    name: str,
    events,
    spans,
    colour: str,
    *,
    x0: float,
    per_point: float,
    font: float = 6.8,
    step: float = 0.62,
) -> float:
    """One swim lane of a timeline at height `base`: its name at the left edge (x0), each dated
    event a dot with its label on a stem, labels stacked in levels so none overlaps the next
    (`per_point`: x units per typographic point, to measure them), and each programme a hollow
    bar named underneath. `events`: x, label; `spans`: start, end, label. Returns the height
    where the next lane can start, clear of this one's labels."""
    from .frame import headline_font
    from .layout import stagger, text_width

    widths = [text_width(t, font) * per_point for t in events["label"]]
    levels = stagger(events["x"].to_list(), widths, gap=0.08)
    ax.axhline(base, color=PALETTE["grid"], linewidth=0.8, zorder=0)
    ax.text(
        x0 + 0.05,
        base + 0.15,
        name,
        fontsize=8.5,
        color=colour,
        va="bottom",
        ha="left",
        fontproperties=headline_font(8.5),
    )
    for _, s in spans.iterrows():
        ax.broken_barh(
            [(s["start"], s["end"] - s["start"])],
            (base - 0.65, 0.4),
            facecolors="white",
            edgecolors=colour,
            hatch="////",
            linewidth=0.8,
        )
        ax.text(
            s["start"] + 0.05,
            base - 0.95,
            s["label"],
            fontsize=font,
            color=PALETTE["muted"],
            va="top",
        )
    for (_, e), level in zip(events.iterrows(), levels):
        y = base + 0.55 + level * step
        ax.plot([e["x"], e["x"]], [base, y - 0.1], color=colour, linewidth=0.6)
        ax.plot(e["x"], base, "o", color=colour, markersize=4.5, zorder=3)
        ax.text(
            e["x"],
            y,
            e["label"],
            fontsize=font,
            va="bottom",
            ha="left",
            color=PALETTE["ink"],
            path_effects=HALO,
        )
    return base + 0.55 + (max(levels, default=0) + 1) * step + 1.6


def ladder_row(
    ax, y: float, rung: int, colour: str, ids: list[str], sep: str = ", "
) -> None:
    """One mechanism on the evidence ladder at height y: five rungs as hollow dots, the rungs
    up to the highest one reached filled and joined in the theme's colour, and the first three
    facts behind that rung named at the right (+n for the rest)."""
    ax.scatter(
        range(1, 6),
        [y] * 5,
        s=14,
        facecolor="white",
        edgecolor=PALETTE["grid"],
        linewidth=1,
        zorder=2,
    )
    if rung:
        ax.plot(
            [1, rung],
            [y, y],
            color=colour,
            linewidth=2,
            zorder=3,
            solid_capstyle="round",
        )
        ax.scatter(range(1, rung + 1), [y] * rung, s=18, color=colour, zorder=4)
    if ids:
        more = f" +{len(ids) - 3}" if len(ids) > 3 else ""
        ax.text(
            5.45,
            y,
            sep.join(ids[:3]) + more,
            va="center",
            fontsize=6.5,
            color=PALETTE["muted"],
        )


def before_after(
    ax, points, colour: str, labels: list[str], change: str, open_end: bool
) -> None:
    """Values of one measure at two or more times on their own axis from zero: grey dots
    before, the last in `colour`, each labelled above (`labels`), the change written at the
    right. `open_end`: the last value is a lower bound, so an arrow points on."""
    from .frame import headline_font

    x = points["value"].to_numpy()
    ax.plot(x, [0] * len(x), color=PALETTE["grid"], linewidth=3, zorder=1)
    ax.scatter(x[:-1], [0] * (len(x) - 1), s=40, color=PALETTE["before"], zorder=3)
    ax.scatter(x[-1:], [0], s=40, color=colour, zorder=3)
    if open_end:  # at least: the true value lies somewhere to the right
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
        (x.max(), 0),
        xytext=(10 if not open_end else 24, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=8.5,
        color=colour,
        fontproperties=headline_font(8.5),
    )
