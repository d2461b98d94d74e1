"""One house style for every figure, and export that is byte-identical from run to run and
from machine to machine.

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

import ctypes
import dataclasses
import gc
import io
import json
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager, ft2font
from matplotlib.artist import ArtistInspector
from matplotlib.figure import Figure

from . import fonts
from .paths import figures_dir
from .text import LANGS, current_lang

DPI = 150

# One meaning per colour in every figure (Okabe–Ito, safe for colour-blind readers):
PALETTE = {
    "industrial": "#0072B2",  # blue: the industrial county of a pair (工业大县)
    "mountain": "#E69F00",  # orange: the mountain county (山区县)
    "industry_upgrading": "#009E73",  # bluish green: theme 1
    "innovation_services": "#CC79A7",  # reddish purple: theme 2
    "county_pairing": "#D55E00",  # vermillion: theme 3
    "context": "#999999",  # grey: context figures
    "data": "#4d5d6c",  # slate: a measure shown on its own
    "highlight": "#1a1a1a",  # near black: the bar or point the headline is about
    "before": "#b8b8b8",  # light grey: the earlier value of a before/after pair
    "ink": "#333333",  # text
    "muted": "#6b6b6b",  # subtitles, notes, sources
    "grid": "#e4e4e4",
}
THEME_COLOURS = {t: PALETTE[t] for t in ("industry_upgrading", "innovation_services", "county_pairing", "context")}

@lru_cache(maxsize=1)
def _entry() -> font_manager.FontEntry:
    """matplotlib's description of the shipped CJK file, under the house's own name."""
    path = str(fonts.regular())
    return dataclasses.replace(font_manager.ttfFontProperty(ft2font.FT2Font(path)), name=fonts.REGULAR_NAME)


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
    return {**sns.axes_style("ticks", rc=house), **sns.plotting_context("paper", rc=house), **house}


@contextmanager
def style():
    """Draw inside this: the house style, undone on exit."""
    pin()
    with mpl.rc_context(house_style()):
        yield


def figure(width: float, height: float, **kwargs) -> Figure:
    """A constrained-layout Figure that pyplot does not know about (call inside `style()`)."""
    return Figure(figsize=(width, height), layout="constrained", **kwargs)


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG without the Software tag (it embeds the matplotlib version).

    No bbox_inches="tight": constrained layout already fits everything inside the figure,
    and a tight bounding box would draw it twice."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def save(fig: Figure, stem: str, lang: str, folder: Path | None = None) -> Path:
    """Write <folder>/<stem>.<lang>.png (folder: figures_dir()), only if the bytes changed."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    folder = Path(folder) if folder else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.{lang}.png"
    data = png_bytes(fig)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def bilingual(stem: str, draw: Callable[[str], Figure], *, show: str | None = None, folder: Path | None = None):
    """Draw a figure once per language with `draw(lang) -> Figure`, export both, and return
    the one in the notebook's language (`show`, default current_lang()) as an image whose bytes
    are the exported file's, so the notebook and figures/ cannot drift apart."""
    from IPython.display import Image

    show = show or current_lang()
    shown, text = None, {}
    for lang in LANGS:
        with style(), _collected():
            fig = draw(lang)
            path = save(fig, stem, lang, folder)
            state = getattr(fig, "_zj", {})
            del fig
        text[lang] = {k: state.get(k, "") for k in ("title", "subtitle", "note", "source_line")}
        text["source_ids"] = state.get("source_ids", [])
        if lang == show:
            shown = Image(data=path.read_bytes(), format="png")
    save_text(text, stem, folder)
    return shown


def _malloc_trim():
    """glibc's malloc_trim, where the C library has it (Linux); None elsewhere."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None


_TRIM = _malloc_trim()


@contextmanager
def _collected():
    """Free what is drawn inside at once, not at some later collection, so a notebook holds one
    figure at a time (kernel peak memory). A figure is a web of reference cycles; matplotlib
    3.11 also caches ArtistInspector.is_alias by bound method, so anything that inspects an
    artist's properties (seaborn's move_legend and pointplot do) keeps its whole figure alive
    in that cache. Everything that existed before is frozen meanwhile, so the collections
    examine only the figure's own objects (measured: 54 ms a collection in a test process
    without it)."""
    gc.freeze()
    try:
        yield
    finally:
        ArtistInspector.is_alias.cache_clear()
        gc.collect()
        gc.collect()  # what the first collection's finalizers let go (measured: a whole figure)
        gc.unfreeze()
        if _TRIM is not None:
            _TRIM(0)  # hand the freed pages of the render back to the system (glibc keeps them)


def save_text(text: dict, stem: str, folder: Path | None = None) -> Path:
    """Write <folder>/<stem>.json: each language's title, subtitle, note and source line, and the
    source ids drawn. Readers (and the site's alt text, and tests) get the words without the
    pixels; written only if it changed, so reruns leave it alone."""
    folder = Path(folder) if folder else figures_dir()
    path = folder / f"{stem}.json"
    data = json.dumps(text, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != data:
        path.write_text(data, encoding="utf-8")
    return path
