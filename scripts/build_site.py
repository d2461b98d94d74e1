"""Build the reading site (`make site`): both editions of the notebooks, the data dictionary, the
sources and every number, as static HTML in build/site/ that opens from disk or any static host.

1. Stage the readable files in build/site-src/ as they sit in the repository (so the links that
   work on GitHub work here), plus pages generated from the tables (data dictionary, sources,
   all numbers).
2. Build with Sphinx, MyST-NB and the book theme (maintained, pip-installed, assets bundled);
   the notebooks are shown with their committed outputs, not re-executed.
3. Cut the CJK webfont: Noto Sans CJK SC Regular (OFL, from the mplfonts wheel) subset to the
   characters the pages use, as woff2, so Chinese renders with a real font on any machine and
   nothing is fetched from a CDN.

Prints the build time, the number of pages and the size. Nothing in build/ is committed.
"""
from __future__ import annotations

import hashlib
import html
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zjcounty import fonts  # noqa: E402
from zjcounty.facts import load_facts, show  # noqa: E402
from zjcounty.paths import NOTEBOOKS, cache_dir, notebooks  # noqa: E402
from zjcounty.schema import load_descriptor  # noqa: E402
from zjcounty.tables import load  # noqa: E402

BUILD = Path(os.environ.get("ZJCOUNTY_SITE_BUILD") or ROOT / "build")  # the tests build elsewhere
SRC = BUILD / "site-src"
OUT = BUILD / "site"
# Files a page links to that readers may want to open; copied as they are.
ATTACHED = ["CITATION.cff", "LICENSE", "data/datapackage.json", "data/census.LICENSE", "data/facts.csv",
            "scripts/build_census.py", "scripts/build_geo.py", "scripts/build_site.py",
            "data/sources.csv"]


def stage() -> None:
    shutil.rmtree(SRC, ignore_errors=True)
    shutil.copytree(ROOT / "site", SRC)
    for rel in ["README.md", "CONTRIBUTING.md", "data/README.md", "seeds/README.md", *ATTACHED]:
        if (ROOT / rel).is_file():
            (SRC / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / rel, SRC / rel)
    for nb in notebooks(NOTEBOOKS) + notebooks(NOTEBOOKS / "zh"):
        target = SRC / nb.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(nb, target)
    shutil.copytree(ROOT / "figures", SRC / "figures")
    (SRC / "data" / "dictionary.md").write_text(dictionary(), encoding="utf-8")
    (SRC / "data" / "sources.md").write_text(sources(), encoding="utf-8")
    (SRC / "data" / "facts.md").write_text(facts_page(), encoding="utf-8")


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


def build() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-j", "auto", str(SRC), str(OUT)]
    subprocess.run(cmd, check=True)


def webfont() -> Path:
    """Noto Sans CJK SC cut to the CJK characters and full-width punctuation the pages hold."""
    from fontTools.ttLib import TTFont

    text = "".join(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in OUT.rglob("*.html"))
    text += "".join(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in OUT.rglob("*.js")
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
    target = OUT / "_static" / "zj-sc.woff2"
    shutil.copy(cached, target)
    return target


def main() -> int:
    start = time.perf_counter()
    stage()
    try:
        build()
    except subprocess.CalledProcessError:
        print("sphinx reported problems (above); the site was not finished", file=sys.stderr)
        return 1
    font = webfont()
    pages = list(OUT.rglob("*.html"))
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"site: {OUT}/index.html · {len(pages)} pages · {size / 1e6:.1f} MB "
          f"(font {font.stat().st_size / 1e3:.0f} kB) · {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
