"""Build the reading site (`make site`, `python -m zjcounty site`): two editions, English at
build/site/ and Chinese at build/site/zh/, as static HTML that opens from disk or any static
host. Each edition holds its notebooks, a landing page with the README's findings and first
chart, the data dictionary, the sources, every number, and one page per source where each
fact id the site shows leads (zjcounty.build.site_sources says why that design).

1. Stage each edition in build/site-src/<lang>/ as the files sit in the repository (so the
   links that work on GitHub work here), plus the generated pages (zjcounty.build.site_pages,
   site_sources).
2. Build each with Sphinx, MyST-NB and the book theme (maintained, pip-installed, assets
   bundled); the notebooks are shown with their committed outputs, not re-executed. The
   Chinese build sets language zh_CN, so Sphinx and the themes write their own Chinese
   (搜索, 目录, 上一页) and `<html lang="zh-CN">`; the extension zjcounty.build.site_sphinx
   links fact ids and the other edition.
3. Cut the CJK webfont: Noto Sans CJK SC Regular (OFL, from the mplfonts wheel) subset to the
   characters the pages use, as woff2, so Chinese renders with a real font on any machine and
   nothing is fetched from a CDN.

Prints the build time, pages, fact links and any quote it could not find in its stored text.
Nothing in build/ is committed. Sphinx runs in this process (its import takes about 3 s; the
site test builds once per test run and pays it once).

Measured on two cores (best of three, 4 December 2026): the single mixed-language build this
replaced took 3.5 s; the two editions with their source pages take 4.1 to 4.9 s (the machine
was shared), of which the source pages are 1.4 s (zjcounty.build.site_sources). The Chinese
build is the cheaper one (no README, data notes or contributing guide).
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import logging
import os
import re
import shutil
import sys
import time
from pathlib import Path

from ..figures import fonts
from ..paths import NOTEBOOKS, ROOT, cache_dir, notebooks
from . import site_pages, site_sources

BUILD = ROOT / "build"
SITE = ROOT / "site"
LANGS = {"en": "en", "zh": "zh_CN"}
# Files a page links to that readers may want to open; copied as they are.
ATTACHED = [
    "CITATION.cff",
    "LICENSE",
    "data/datapackage.json",
    "data/census.LICENSE",
    "data/facts.csv",
    "scripts/build_census.py",
    "scripts/build_geo.py",
    "data/sources.csv",
]
# Pages of the English edition only (the Chinese one links to them).
ENGLISH = ["README.md", "CONTRIBUTING.md", "data/README.md", "seeds/README.md"]


def _copy(rel: str, src: Path) -> None:
    (src / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / rel, src / rel)


def stage(src: Path, lang: str) -> list[site_sources.Page]:
    """One edition's sources in src: the site's configuration, its landing page, the readable
    files it links to and the generated pages. Returns its source pages."""
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(SITE, src, ignore=shutil.ignore_patterns("en", "zh"))
    template = (SITE / lang / "index.md").read_text(encoding="utf-8")
    (src / "index.md").write_text(site_pages.landing(template, lang), encoding="utf-8")
    package = [
        str(p.relative_to(ROOT)) for p in sorted((ROOT / "zjcounty").rglob("*.py"))
    ]
    for rel in [*(ENGLISH if lang == "en" else []), *ATTACHED, *package]:
        if (ROOT / rel).is_file():
            _copy(rel, src)
    for nb in notebooks(NOTEBOOKS if lang == "en" else NOTEBOOKS / "zh"):
        _copy(str(nb.relative_to(ROOT)), src)
    shutil.copytree(ROOT / "figures", src / "figures")
    pages = site_sources.pages(lang)
    (src / "sources").mkdir()
    for page in pages:
        (src / "sources" / f"{page.name}.md").write_text(
            page.markdown, encoding="utf-8"
        )
    generated = {
        "dictionary": site_pages.dictionary(lang),
        "sources": site_pages.sources(lang),
        "facts": site_pages.facts_page(lang),
    }
    for name, text in generated.items():
        (src / "data" / f"{name}.md").write_text(text, encoding="utf-8")
    return pages


def sphinx(src: Path, out: Path, lang: str) -> int:
    """Sphinx's exit status: 0, or 1 after printing every warning (-W: a warning is an error)."""
    import sphinx.locale
    from sphinx.cmd.build import build_main

    # Sphinx keeps the translations it loaded in a module-level table: cleared, so an English
    # build after a Chinese one in the same process is English again.
    sphinx.locale.translators.clear()
    shutil.rmtree(out, ignore_errors=True)
    doctrees = src.parent / f"doctrees-{lang}"
    shutil.rmtree(doctrees, ignore_errors=True)
    args = [
        "-b",
        "html",
        "-q",
        "-W",
        "--keep-going",
        "-d",
        str(doctrees),
        "-D",
        f"language={LANGS[lang]}",
    ]
    return build_main([*args, str(src), str(out)])


def webfont(out: Path) -> Path:
    """Noto Sans CJK SC cut to the CJK characters and full-width punctuation the pages hold."""
    from fontTools.ttLib import TTFont

    text = "".join(
        re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8"))
        for p in out.rglob("*.html")
    )
    text += "".join(
        re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8"))
        for p in out.rglob("*.js")
        if p.name == "searchindex.js"
    )
    chars = "".join(
        sorted(
            {c for c in html.unescape(text) if ord(c) >= 0x2E80}
            | set("，。、：；！？（）《》“”‘’…—")
        )
    )
    # Cut once per character set (about 3 s, most of it woff2 compression), then copied.
    versions = "|".join(
        importlib.metadata.version(p) for p in ("mplfonts", "fonttools", "brotli")
    )
    cached = (
        cache_dir()
        / f"webfont-{hashlib.sha256(f'{versions}|{chars}'.encode()).hexdigest()[:16]}.woff2"
    )
    if not cached.is_file():
        logging.getLogger("fontTools").setLevel(
            logging.WARNING
        )  # Sphinx left it at INFO
        font = fonts.subset_to(TTFont(fonts.regular(), recalcTimestamp=False), chars)
        font.flavor = "woff2"
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        font.save(tmp)
        os.replace(tmp, cached)
    for static in (out / "_static", out / "zh" / "_static"):
        shutil.copy(cached, static / "zj-sc.woff2")
    return cached


def report(
    out: Path, pages: list[site_sources.Page], seconds: float, font: Path
) -> None:
    """What was built: pages, size, fact links and anchors, and every quote not located."""
    html_pages = [p for p in out.rglob("*.html") if "_static" not in p.parts]
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    links = sum(
        p.read_text(encoding="utf-8").count('class="zj-fact-link"') for p in html_pages
    )
    anchored = sum(len(p.anchored) for p in pages)
    for page in pages:
        for fact in page.lost:
            print(
                f"site: quote of {fact} not located in the stored text of {page.name}",
                file=sys.stderr,
            )
    lost = sum(len(p.lost) for p in pages)
    print(
        f"site: {out}/index.html (English), {out}/zh/index.html (中文) · {len(html_pages)} pages · "
        f"{links} links to facts and sources · {anchored} facts anchored on {len(pages)} source pages "
        f"in each edition · {lost} quotes not located · {size / 1e6:.1f} MB "
        f"(font {font.stat().st_size / 1e3:.0f} kB) · {seconds:.1f} s"
    )


def build(folder: Path = BUILD) -> int:
    """Stage, build and cut the font into folder/site (staging in folder/site-src); 0 or 1.

    Each edition is built beside the staging and moved into place afterwards (English at
    site/, Chinese at site/zh/): MyST-NB writes its scratch copies of the outputs next to
    the folder Sphinx writes to, which would otherwise put them inside the English site."""
    start = time.perf_counter()
    staging, out = folder / "site-src", folder / "site"
    pages = []
    for lang in LANGS:
        pages = stage(staging / lang, lang)
        if sphinx(staging / lang, staging / f"html-{lang}", lang):
            print(
                f"sphinx reported problems in the {lang} edition (above); the site was not finished",
                file=sys.stderr,
            )
            return 1
    shutil.rmtree(out, ignore_errors=True)
    os.replace(staging / "html-en", out)
    os.replace(staging / "html-zh", out / "zh")
    font = webfont(out)
    report(out, pages, time.perf_counter() - start, font)
    return 0
