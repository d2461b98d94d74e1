"""Build the reading site (`make site`, `python -m zjcounty site`): both editions of the
notebooks, the data dictionary, the sources and every number, as static HTML in build/site/
that opens from disk or any static host.

1. Stage the readable files in build/site-src/ as they sit in the repository (so the links that
   work on GitHub work here), plus pages generated from the tables (data dictionary, sources,
   all numbers).
2. Build with Sphinx, MyST-NB and the book theme (maintained, pip-installed, assets bundled);
   the notebooks are shown with their committed outputs, not re-executed.
3. Cut the CJK webfont: Noto Sans CJK SC Regular (OFL, from the mplfonts wheel) subset to the
   characters the pages use, as woff2, so Chinese renders with a real font on any machine and
   nothing is fetched from a CDN.

Prints the build time, the number of pages and the size. Nothing in build/ is committed.
Sphinx runs in this process (its import alone takes about 3 s; the site test builds once per
test run and pays it once).
"""
from __future__ import annotations

import hashlib
import html
import importlib.metadata
import os
import re
import shutil
import sys
import time
from pathlib import Path

from ..data.facts import load_facts
from ..data.schema import load_descriptor
from ..data.tables import load
from ..figures import fonts
from ..paths import NOTEBOOKS, ROOT, cache_dir, notebooks
from ..words.table import show

BUILD = ROOT / "build"
# Files a page links to that readers may want to open; copied as they are.
ATTACHED = ["CITATION.cff", "LICENSE", "data/datapackage.json", "data/census.LICENSE", "data/facts.csv",
            "scripts/build_census.py", "scripts/build_geo.py", 
            "data/sources.csv"]


def stage(src: Path) -> None:
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(ROOT / "site", src)
    package = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "zjcounty").rglob("*.py"))]
    for rel in ["README.md", "CONTRIBUTING.md", "data/README.md", "seeds/README.md", *ATTACHED, *package]:
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / rel, src / rel)
    for nb in notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh"):
        target = src / nb.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(nb, target)
    shutil.copytree(ROOT / "figures", src / "figures")
    (src / "data" / "dictionary.md").write_text(dictionary(), encoding="utf-8")
    (src / "data" / "sources.md").write_text(sources(), encoding="utf-8")
    (src / "data" / "facts.md").write_text(facts_page(), encoding="utf-8")


def _cell(text) -> str:
    return html.escape(str(text if text is not None else "")).replace("|", "&#124;").replace("\n", " ")


def dictionary() -> str:
    """Every table and column of data/datapackage.json, in English and Chinese."""
    out = ["# Data dictionary · 数据字典", "",
           "Every table in `data/` and its columns, from `data/datapackage.json`. 各数据表及字段说明。", ""]
    for res in load_descriptor()["resources"]:
        out += [f"## `{res['path']}`", "", _cell(res.get("description", "")), "",
                "| column | 字段 | type | meaning |", "|---|---|---|---|"]
        for f in res["schema"]["fields"]:
            out.append(f"| `{f['name']}` | {_cell(f.get('title_zh', ''))} | {f.get('type', '')} | "
                       f"{_cell(f.get('title', ''))}. {_cell(f.get('description', ''))} |")
        out.append("")
    return "\n".join(out)


def sources() -> str:
    rows = load("sources")
    out = ["# Sources · 资料来源", "", "Every document a number comes from (`data/sources.csv`).", "",
           "| id | publisher · 发布者 | title · 标题 | date | quality | link |", "|---|---|---|---|---|---|"]
    for r in rows.itertuples():
        link = f"[page]({r.url})" if isinstance(r.url, str) and r.url else (f"`{r.path}`" if isinstance(r.path, str) else "")
        out.append(f"| `{r.source_id}` | {_cell(r.publisher)}<br>{_cell(r.publisher_en)} | {_cell(r.title)} | "
                   f"{r.pub_date} | {r.quality} | {link} |")
    return "\n".join(out) + "\n"


def facts_page() -> str:
    table = show(load_facts(), "en").to_html(escape=True, border=0, classes="table")
    return ("# Every number · 全部数字\n\nEach number the sources state, with its exact quote, as in "
            "`data/facts.csv`. Cite one as its id and source, for example F109 (Zhejiang Daily, 2024-08-22).\n\n"
            f"```{{raw}} html\n<div class=\"zj-wide\">{table}</div>\n```\n")


def sphinx(src: Path, out: Path) -> int:
    """Sphinx's exit status: 0, or 1 after printing every warning (-W: a warning is an error)."""
    from sphinx.cmd.build import build_main

    shutil.rmtree(out, ignore_errors=True)
    return build_main(["-b", "html", "-q", "-W", "--keep-going", str(src), str(out)])


def webfont(out: Path) -> Path:
    """Noto Sans CJK SC cut to the CJK characters and full-width punctuation the pages hold."""
    from fontTools.ttLib import TTFont

    text = "".join(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in out.rglob("*.html"))
    text += "".join(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in out.rglob("*.js")
                    if p.name == "searchindex.js")
    chars = "".join(sorted({c for c in html.unescape(text) if ord(c) >= 0x2E80} | set("，。、：；！？（）《》“”‘’…—")))
    # Cut once per character set (about 3 s, most of it woff2 compression), then copied.
    versions = "|".join(importlib.metadata.version(p) for p in ("mplfonts", "fonttools", "brotli"))
    cached = cache_dir() / f"webfont-{hashlib.sha256(f'{versions}|{chars}'.encode()).hexdigest()[:16]}.woff2"
    if not cached.is_file():
        font = fonts.subset_to(TTFont(fonts.regular(), recalcTimestamp=False), chars)
        font.flavor = "woff2"
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        font.save(tmp)
        os.replace(tmp, cached)
    target = out / "_static" / "zj-sc.woff2"
    shutil.copy(cached, target)
    return target


def build(folder: Path = BUILD) -> int:
    """Stage, build and cut the font into folder/site (staging in folder/site-src); 0 or 1."""
    start = time.perf_counter()
    src, out = folder / "site-src", folder / "site"
    stage(src)
    if sphinx(src, out):
        print("sphinx reported problems (above); the site was not finished", file=sys.stderr)
        return 1
    font = webfont(out)
    pages = list(out.rglob("*.html"))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"site: {out}/index.html · {len(pages)} pages · {size / 1e6:.1f} MB "
          f"(font {font.stat().st_size / 1e3:.0f} kB) · {time.perf_counter() - start:.0f} s")
    return 0
