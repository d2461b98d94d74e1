"""The two CJK faces every figure uses, both from pip packages (no system font needed).

- Regular: Noto Sans CJK SC Regular, shipped as a static file inside the mplfonts wheel.
- Bold, for headlines: cut from the Noto Sans CJK variable font shipped by manimgx-fonts-cjk
  (OFL-1.1). Matplotlib cannot select a weight of a variable font, so fontTools makes a static
  Bold (wght 700) instance of the SC face, subset to the characters the project prints.

Why a subset and a cache: instancing the whole font takes 8.5 minutes (measured); the
subset (labels.csv, county names, ASCII and punctuation, about 500 characters) takes about
6 s and is written once to a cache folder, keyed by the character set and package versions,
so a new character in labels.csv makes a new file. The file is byte-stable (no timestamps).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from ..data.tables import load
from ..paths import cache_dir

REGULAR_FILE = "NotoSansCJKsc-Regular.otf"
VARIABLE_FILE = "NotoSansCJK-VF.otf.ttc"
SC_FACE = 2  # index of the SC face in the collection (JP, KR, SC, TC, HK)
HEADLINE_FAMILY = "ZJ Headline CJK SC"
# The name matplotlib knows the regular face by: the house's own, so that no font a system has
# installed under "Noto Sans CJK SC" can answer for it (zjcounty.plotting.pin).
REGULAR_NAME = "ZJ Noto Sans CJK SC"
# Always available in headlines, whatever the tables say.
_BASE_CHARS = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "，。、：；！？（）《》“”‘’—…·–−≤≥×→←↑↓％＋－／０１２３４５６７８９"
)


class FontMissingError(RuntimeError):
    pass


def _package_file(package: str, name: str, install_hint: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FontMissingError(f"{package} is not installed: {install_hint}")
    folder = Path(next(iter(spec.submodule_search_locations)))
    found = next(folder.rglob(name), None)
    if found is None:
        raise FontMissingError(
            f"{folder}/{name} is missing: the {package} wheel no longer ships it"
        )
    return found


def regular() -> Path:
    """Noto Sans CJK SC Regular from the mplfonts wheel (found without importing mplfonts)."""
    return _package_file(
        "mplfonts", REGULAR_FILE, "run `make` (it installs requirements.txt)"
    )


def headline_chars() -> str:
    """Every character a headline may need: the Chinese and English labels, county and region
    names, plus ASCII and Chinese punctuation."""
    text = [_BASE_CHARS]
    for name, columns in (
        ("labels", ("zh", "en")),
        ("counties", ("name_zh", "name_short_zh")),
        ("regions", ("name_zh",)),
    ):
        table = load(name)
        text += [table[c].fillna("").str.cat() for c in columns]
    return "".join(sorted(set("".join(text))))


def subset_to(font, chars: str, retain_gids: bool = False):
    """Cut a fontTools font down to `chars`, keeping every layout feature, the names and a
    visible missing-glyph box; returns it. Used for the headline face and the site's webfont.
    `retain_gids` keeps each glyph at its index in the full font: an SVG names glyphs by index,
    so without it a new character in labels.csv renumbers the glyphs of every headline."""
    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.retain_gids = retain_gids
    sub = subset.Subsetter(options)
    sub.populate(text=chars)
    sub.subset(font)
    return font


def _build(source: Path, chars: str, target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = subset_to(
        TTFont(source, fontNumber=SC_FACE, lazy=True, recalcTimestamp=False),
        chars,
        retain_gids=True,
    )
    font = instancer.instantiateVariableFont(font, {"wght": 700}, inplace=True)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 17, 6):
            names.removeNames(nameID=record.nameID)
    names.setName(HEADLINE_FAMILY, 1, 3, 1, 0x409)
    names.setName("Bold", 2, 3, 1, 0x409)
    names.setName(f"{HEADLINE_FAMILY} Bold", 4, 3, 1, 0x409)
    names.setName("ZJHeadlineCJKSC-Bold", 6, 3, 1, 0x409)
    font["OS/2"].usWeightClass = 700
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(tmp, reorderTables=True)
    os.replace(
        tmp, target
    )  # atomic: two processes building at once both write the same bytes


@lru_cache(maxsize=1)
def headline() -> Path:
    """The bold headline face: built on first use (about 6 s), then read from the cache."""
    source = _package_file(
        "manimgx_fonts_cjk", VARIABLE_FILE, "run `make` (it installs requirements.txt)"
    )
    chars = headline_chars()
    versions = "|".join(
        importlib.metadata.version(p) for p in ("manimgx-fonts-cjk", "fonttools")
    )
    key = hashlib.sha256(f"{versions}|retain_gids|{chars}".encode()).hexdigest()[:16]
    target = cache_dir() / f"headline-{key}.otf"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        _build(source, chars, target)
    return target


def missing_headline_chars(text: str) -> set[str]:
    """Characters of `text` the headline face cannot draw (a title must not fall back)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(headline(), lazy=True).getBestCmap()
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
