"""One plotting setup for every notebook: a CJK font from requirements.txt alone, one theme,
and figure export that is byte-identical from run to run.

The font is the Noto Sans CJK SC file inside the mplfonts wheel, registered in-process;
nothing is copied into the venv and no system font is needed. seaborn.set_theme() resets
font.sans-serif, so the theme is set here with the font passed through it.
"""
from __future__ import annotations

import importlib.util
import io
import re
import unicodedata
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG bytes and shown as images

import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from .paths import FIGURES  # noqa: E402

FONT_FILE = "NotoSansCJKsc-Regular.otf"
LANGS = ("zh", "en")
DPI = 150
PALETTE = {"mountain": "#3a7d44", "industrial": "#c0504d", "accent": "#1f4e79", "neutral": "#a6a6a6"}
# One colour per theme, the same in every figure: pairing is green like the mountain side.
THEME_COLOURS = {"industry_upgrading": PALETTE["industrial"], "innovation_services": PALETTE["accent"],
                 "county_pairing": PALETTE["mountain"], "context": PALETTE["neutral"]}


class FontMissingError(RuntimeError):
    pass


def font_path() -> Path:
    """The CJK font file shipped in the mplfonts wheel, found without importing mplfonts."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FontMissingError("mplfonts is not installed: run `make` (it installs requirements.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE
    if not path.is_file():
        raise FontMissingError(f"{path} is missing: the mplfonts wheel no longer ships {FONT_FILE}")
    return path


_FAMILY: str | None = None


def setup() -> str:
    """Register the font and set the theme; returns the font family name. Safe to call twice."""
    global _FAMILY
    if _FAMILY is None:
        path = font_path()
        font_manager.fontManager.addfont(str(path))
        _FAMILY = font_manager.FontProperties(fname=str(path)).get_name()
    rc = {
        "font.family": "sans-serif",
        "font.sans-serif": [_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "svg.hashsalt": "zjcounty",
        "axes.titlelocation": "left",
        "axes.titlesize": 12,
        "axes.titleweight": "normal",  # the font ships one weight: bold would log a findfont warning
    }
    sns.set_theme(style="whitegrid", font=_FAMILY, rc=rc)
    return _FAMILY


def png_bytes(fig) -> bytes:
    """The figure as PNG without the Software tag (it embeds the matplotlib version).

    No bbox_inches="tight": constrained layout already fits everything inside the figure
    (add_source reserves room for the source line), and a tight bbox would draw it twice."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def save(fig, stem: str, lang: str, folder: Path = FIGURES) -> Path:
    """Write figures/<stem>.<lang>.png, returning the path."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.{lang}.png"
    data = png_bytes(fig)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


SOURCE_FONTSIZE = 7


def wrap_text(text: str, width_em: float) -> list[str]:
    """Wrap at spaces or between CJK characters, counting a CJK character as one em and
    any other as half, so Chinese and English lines fill the same width."""
    lines = []
    for para in text.split("\n"):
        line, used = "", 0.0
        for token in re.findall(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+", para):
            w = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in token)
            if used + w > width_em and line.strip():
                lines.append(line.rstrip())
                line, used = token.lstrip(), w
            else:
                line, used = line + token, used + w
        lines.append(line.rstrip())
    return lines


def add_source(fig, text: str) -> None:
    """A source line at the bottom of the figure, wrapped to its width, with room reserved
    for it in the constrained layout so nothing overlaps or falls outside the PNG."""
    width_in, height_in = fig.get_size_inches()
    lines = wrap_text(text, width_in * 72 / SOURCE_FONTSIZE - 2)
    text_h = (len(lines) * SOURCE_FONTSIZE * 1.35 + 6) / 72 / height_in
    fig.get_layout_engine().set(rect=(0, text_h, 1, 1 - text_h))
    fig.text(0.01, 0.005, "\n".join(lines), ha="left", va="bottom", fontsize=SOURCE_FONTSIZE, color="#555555",
             linespacing=1.35)


def bilingual(stem: str, draw, *, show: str = "en", folder: Path = FIGURES):
    """Draw a figure once per language with `draw(lang) -> Figure`, export both, show one.

    Returns an IPython Image of the shown language (its bytes are the exported file's), so
    the notebook output and figures/ cannot drift apart.
    """
    from IPython.display import Image

    setup()
    shown = None
    for lang in LANGS:
        fig = draw(lang)
        path = save(fig, stem, lang, folder)
        plt.close(fig)
        if lang == show:
            shown = Image(data=path.read_bytes(), format="png")
    return shown
