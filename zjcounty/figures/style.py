"""One house style for every figure: palette, fonts, rc settings.

The notebook is left alone: no backend is switched and pyplot is never used here. Figures are
`matplotlib.figure.Figure` objects drawn inside `style()`, a temporary rc context, so the house
style never leaks into a student's own plots and a student's rcParams never leak into the
exported figures.

Fonts are chosen by file, never by what the system has installed. The shipped CJK face is
registered under a name only it answers to (`fonts.REGULAR_NAME`); `style()` removes any other
font that claims that name (`pin()`), so a system font, or a decoy installed under the same family
name, cannot change a pixel. `setup()` also adds that face as a fallback after the student's own
fonts, so their Chinese labels render and nothing else changes.
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from functools import lru_cache

import matplotlib as mpl
from matplotlib import font_manager, ft2font
from matplotlib.figure import Figure

from . import fonts

DPI = 150

# One meaning per colour in every figure (Okabe–Ito, safe for colour-blind readers):
PALETTE = {
    "industrial": "#0072B2",  # blue: the industrial county of a pair (工业大县)
    "mountain": "#E69F00",  # orange: the mountain county (山区县)
    "mountain_dark": "#A35F00",  # dark orange: a county added to the mountain list
    "industry_upgrading": "#009E73",  # bluish green: theme 1
    "innovation_services": "#CC79A7",  # reddish purple: theme 2
    "county_pairing": "#D55E00",  # vermillion: theme 3
    "context": "#999999",  # grey: context figures
    "context_light": "#d4d4d4",  # light grey: context beside the theme colours in one bar, so it
    # never merges with them for a red-green colour-blind reader
    "data": "#4d5d6c",  # slate: a measure shown on its own
    "highlight": "#1a1a1a",  # near black: the bar or point the headline is about
    "before": "#b8b8b8",  # light grey: the earlier value of a before/after pair
    "ink": "#333333",  # text
    "muted": "#6b6b6b",  # subtitles, notes, sources
    "grid": "#e4e4e4",
    "shade": "#f6f6f6",  # a period shaded behind marks; also the halo that keeps gridlines off labels
}
THEME_COLOURS = {
    t: PALETTE[t]
    for t in ("industry_upgrading", "innovation_services", "county_pairing", "context")
}


@lru_cache(maxsize=1)
def halo(foreground: str | None = None, width: float = 2.4) -> list:
    """Path effects for a label that sits on gridlines: a thin stroke of the background's
    colour around its letters, so no line runs through the words (the collision check accepts
    a haloed text on a gridline). The shade's colour by default: on white it is invisible, and
    inside a shaded period it matches."""
    from matplotlib.patheffects import withStroke

    return [withStroke(linewidth=width, foreground=foreground or PALETTE["shade"])]


def _entry() -> font_manager.FontEntry:
    """matplotlib's description of the shipped CJK file, under the house's own name."""
    path = str(fonts.regular())
    return dataclasses.replace(
        font_manager.ttfFontProperty(ft2font.FT2Font(path)), name=fonts.REGULAR_NAME
    )


def pin() -> None:
    """Make the shipped file the only font matplotlib finds under `fonts.REGULAR_NAME`: add it
    if it is missing and drop any other entry registered under that name. Cheap when nothing
    changed; called on every `style()` so that a font registered later cannot take its place."""
    manager, ours = font_manager.fontManager, _entry()
    claims = [e for e in manager.ttflist if e.name == ours.name]
    if claims == [ours]:
        return
    manager.ttflist = [ours, *(e for e in manager.ttflist if e.name != ours.name)]
    manager._findfont_cached.cache_clear()  # what addfont() does after changing the list


def setup() -> str:
    """Make the shipped CJK face available and return its name. Safe to call twice. Adds the
    face as the last `font.family` fallback, so a student's own Chinese labels render in it
    while their Latin text keeps their own font; changes nothing else."""
    pin()
    family = list(mpl.rcParams["font.family"])
    if fonts.REGULAR_NAME not in family:
        mpl.rcParams["font.family"] = [*family, fonts.REGULAR_NAME]
    return fonts.REGULAR_NAME


def house_style() -> dict:
    """The rc settings of every exported figure: seaborn's "ticks" theme at "paper" scale, given
    the house's font, colours and sizes, so that seaborn and plain matplotlib draw alike. (As rc
    settings for `style()`, never `sns.set_theme()`, which would change a student's plots too.)"""
    import seaborn as sns

    house = {
        "font.family": [setup()],
        "font.size": 9,
        "axes.unicode_minus": False,
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "axes.edgecolor": PALETTE["muted"],
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.titlesize": 9.5,
        "axes.titleweight": "normal",
        "axes.titlelocation": "left",
        "axes.titlecolor": PALETTE["ink"],
        "axes.labelsize": 8.5,
        "axes.labelcolor": PALETTE["muted"],
        "xtick.labelsize": 8,
        "ytick.labelsize": 8.5,
        "xtick.color": PALETTE["muted"],
        "ytick.color": PALETTE["ink"],
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "grid.color": PALETTE["grid"],
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "legend.fontsize": 8,
        "hatch.linewidth": 0.8,
        "svg.hashsalt": "zjcounty",
    }
    return {
        **sns.axes_style("ticks", rc=house),
        **sns.plotting_context("paper", rc=house),
        **house,
    }


@contextmanager
def style():
    """Draw inside this: the house style, undone on exit."""
    pin()
    with mpl.rc_context(house_style()):
        yield


# Two standard widths, in inches: a column (the README's and GitHub's reading width, about 880
# px, shows it at 0.9 of its size, so 7 pt type stays legible) and the full width of a page.
COLUMN, FULL = 6.4, 9.6
PAD = 0.022  # outer padding, as a share of the width (a desk asks for at least 2%)


def figure(width: float, height: float, **kwargs) -> Figure:
    """A constrained-layout Figure that pyplot does not know about (call inside `style()`), with
    an outer padding of PAD of its width on every side."""
    fig = Figure(figsize=(width, height), layout="constrained", **kwargs)
    fig.get_layout_engine().set(w_pad=PAD * width, h_pad=PAD * width)
    return fig
