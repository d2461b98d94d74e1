"""Export: each figure drawn once per language from one drawing function, written as PNG and SVG,
with a .json of its words and a .csv of the values it plots, byte-identical from run to run and
from machine to machine.

PNGs are written without the Software tag (it embeds the matplotlib version), SVGs without
their date and creator and with a fixed id salt, and every file only when its bytes change; the
figure shown in the notebook is the exported PNG itself, so the notebook and figures/ cannot
drift apart. Every figure is checked for label collisions as it is exported
(`collide.collisions`): a warning in a reader's run, an error under the tests
(ZJCOUNTY_STRICT_FIGURES=1), so a collision fails the notebook's cell.
"""

from __future__ import annotations

import ctypes
import gc
import io
import json
import os
import re
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
from matplotlib.artist import ArtistInspector
from matplotlib.figure import Figure

from ..paths import figures_dir
from ..words.labels import LANGS
from . import collide
from .frame import Frame
from .style import DPI, style


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG without the Software tag (it embeds the matplotlib version).

    No bbox_inches="tight": constrained layout already fits everything inside the figure,
    and a tight bounding box would draw it twice."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG, glyphs as paths (no font needed to view it), with no date, no
    creator (it names the matplotlib version) and a fixed salt for its element ids.

    Clip paths are renumbered in order of appearance (clip1, clip2 …): matplotlib names each
    by a hash of its rectangle at full float precision, and constrained layout's solver
    (kiwisolver) can move an axes by 1e-13 from one process to the next (nucleic/kiwi#57), which
    renamed a clip path in one CI run out of many though nothing drawn had moved."""
    buf = io.BytesIO()
    with mpl.rc_context({"svg.hashsalt": "zjcounty", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _renumber_clips(buf.getvalue())


def _renumber_clips(svg: bytes) -> bytes:
    names: dict[bytes, bytes] = {}
    return _CLIP_ID.sub(
        lambda m: names.setdefault(m.group(0), b"clip%d" % (len(names) + 1)), svg
    )


_CLIP_ID = re.compile(
    rb'(?<=clipPath id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))'
)


def _write(path: Path, data: bytes) -> Path:
    """Write only when the bytes differ, so a rerun leaves the file (and its mtime) alone."""
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def image(fig: Figure):
    """A figure shown in a notebook as its PNG (matplotlib's Figure objects made without
    pyplot have no notebook display of their own)."""
    from IPython.display import Image

    return Image(data=png_bytes(fig), format="png")


def save(fig: Figure, stem: str, lang: str, folder: Path | None = None) -> Path:
    """Write <folder>/<stem>.<lang>.png and .svg (folder: figures_dir()), each only if its bytes
    changed; returns the PNG's path."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    folder = Path(folder) if folder else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder / f"{stem}.{lang}.svg", svg_bytes(fig))
    return _write(folder / f"{stem}.{lang}.png", png_bytes(fig))


def check_collisions(fig: Figure, stem: str, lang: str) -> None:
    """Label collisions of an exported figure: an error under the tests, else a warning."""
    found = collide.collisions(fig)
    if not found:
        return
    message = f"{stem}.{lang}: " + "; ".join(found)
    if os.environ.get("ZJCOUNTY_STRICT_FIGURES") == "1":
        raise ValueError(message)
    warnings.warn(message, stacklevel=3)


def bilingual(
    stem: str,
    draw: Callable[..., Frame],
    lang: str,
    *data,
    folder: Path | None = None,
    **kw,
):
    """Draw a figure once per language with `draw(each_lang, *data, **kw)`, which returns the
    finished Frame of `new_figure`; export both, and return the one in `lang` (the notebook's)
    as an image whose bytes are the exported file's. A drawing function takes what it draws as
    arguments, so it reads nothing from other cells."""
    from IPython.display import Image

    shown, words, plotted = None, {}, {}
    for each in LANGS:
        with style(), _collected():
            frame = _finished(draw(each, *data, **kw), stem, each)
            path = save(frame.fig, stem, each, folder)
            check_collisions(frame.fig, stem, each)
            words[each], words["source_ids"] = frame.words(), frame.sources
            plotted[each] = frame.plotted_csv()
            del frame
        if each == lang:
            shown = Image(data=path.read_bytes(), format="png")
    if shown is None:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if plotted["en"] != plotted["zh"]:
        raise ValueError(
            f"{stem}: the two languages plot different values; one drawing code must draw one table"
        )
    save_text(words, stem, folder)
    _write(
        (Path(folder) if folder else figures_dir()) / f"{stem}.csv",
        plotted["en"].encode(),
    )
    return shown


def _finished(frame, stem: str, lang: str) -> Frame:
    """The frame a drawing function returned, if it can be exported: made by new_figure (it
    carries the words) and finished in this language (finish() writes the source line, and
    refuses a figure that cites nothing)."""
    if not isinstance(frame, Frame):
        raise TypeError(
            f"{stem}: draw({lang!r}) returned {type(frame).__name__}, not the Frame of new_figure()"
        )
    if frame.lang != lang:
        raise ValueError(
            f"{stem}: draw({lang!r}) returned a frame not finished in {lang!r}: "
            f"end with `return frame.finish(lang, note=...)`"
        )
    return frame


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
            _TRIM(
                0
            )  # hand the freed pages of the render back to the system (glibc keeps them)


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
