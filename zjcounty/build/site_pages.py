"""The generated pages of the reading site, in each edition: the landing page (with the
README's own findings and first chart), the data dictionary, the sources and every number.

The landing pages are templates in site/en/index.md and site/zh/index.md with markers,
`<!-- README: What the sources show -->`, replaced by that section of README.md at build
time, so the site says what the README says and cannot drift from it. A marker whose section
is gone stops the build with its name.
"""

from __future__ import annotations

import html
import json
import re

from ..data.facts import load_facts
from ..data.schema import load_descriptor
from ..data.tables import load
from ..paths import NOTEBOOKS, ROOT
from ..words.table import show

_MARKER = re.compile(r"<!-- README: (.+?) -->")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def readme_section(readme: str, heading: str) -> str:
    """The text of README's `## heading` section (without the heading); `intro` is the text
    between the title and the first section."""
    if heading == "intro":
        m = re.search(r"^# .*?\n(.*?)(?=^## )", readme, re.S | re.M)
    else:
        m = re.search(
            rf"^## {re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", readme, re.S | re.M
        )
    if not m:
        raise KeyError(
            f"README.md has no section {heading!r} (named in a site/*/index.md marker)"
        )
    return m.group(1).strip()


def first_figure(readme: str, lang: str) -> str:
    """README's first image, as the landing page's chart: in English with the README's
    caption (the paragraph after it); in Chinese the same figure's .zh.png (_zh_figure)."""
    m = _IMAGE.search(readme)
    if not m:
        raise KeyError("README.md shows no image for the landing page")
    alt, path = m.groups()
    if lang == "zh":
        return _zh_figure(path, alt)
    caption = readme[m.end() :].strip().split("\n\n", 1)[0]
    return f"![{alt}]({path})\n\n{caption}"


def _zh_figure(path: str, alt: str) -> str:
    """A README figure in Chinese: its .zh.png, titled from its sidecar (figures/NAME.json)
    when there is one, and linked to the Chinese notebook that draws it (by its number)."""
    sidecar = ROOT / re.sub(r"\.(en|zh)\.png$", ".json", path)
    if sidecar.is_file():
        alt = (
            json.loads(sidecar.read_text(encoding="utf-8"))
            .get("zh", {})
            .get("title", alt)
        )
    number = re.match(r"figures/(\d\d)-", path)
    drawn_by = (
        sorted((NOTEBOOKS / "zh").glob(f"{number.group(1)}-*.ipynb")) if number else []
    )
    link = (
        f" · [笔记本 {number.group(1)}](notebooks/zh/{drawn_by[0].name})"
        if drawn_by
        else ""
    )
    return f"![{alt}]({path.replace('.en.png', '.zh.png')})\n\n**{alt}**{link}"


def landing(template: str, lang: str) -> str:
    """A landing page template with its README markers filled in."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    def fill(m: re.Match) -> str:
        name = m.group(1)
        return (
            first_figure(readme, lang)
            if name == "first figure"
            else readme_section(readme, name)
        )

    return _MARKER.sub(fill, template)


def _cell(text) -> str:
    return (
        html.escape(str(text if text is not None else ""))
        .replace("|", "&#124;")
        .replace("\n", " ")
    )


def dictionary(lang: str) -> str:
    """Every table and column of data/datapackage.json (the descriptions are in English only)."""
    if lang == "zh":
        out = [
            "# 数据字典",
            "",
            "`data/` 中的每张表及其字段，取自 `data/datapackage.json`。字段说明只有英文。",
            "",
        ]
        head = "| 字段 | 中文名 | 类型 | 说明（英文） |"
    else:
        out = [
            "# Data dictionary",
            "",
            "Every table in `data/` and its columns, from `data/datapackage.json`.",
            "",
        ]
        head = "| column | 字段 | type | meaning |"
    for res in load_descriptor()["resources"]:
        out += [
            f"## `{res['path']}`",
            "",
            _cell(res.get("description", "")),
            "",
            head,
            "|---|---|---|---|",
        ]
        for f in res["schema"]["fields"]:
            out.append(
                f"| `{f['name']}` | {_cell(f.get('title_zh', ''))} | {f.get('type', '')} | "
                f"{_cell(f.get('title', ''))}. {_cell(f.get('description', ''))} |"
            )
        out.append("")
    return "\n".join(out)


def sources(lang: str) -> str:
    """Every source of data/sources.csv; each id links to its page (the site's linker)."""
    rows = load("sources")
    if lang == "zh":
        out = [
            "# 资料来源",
            "",
            "数字所取自的每份文件（`data/sources.csv`）。点击编号查看原文和取自其中的每个数字。",
            "",
            "| 编号 | 发布者 | 标题 | 日期 | 可信度 |",
            "|---|---|---|---|---|",
        ]
    else:
        out = [
            "# Sources",
            "",
            "Every document a number comes from (`data/sources.csv`). Each id opens the source's "
            "page: its stored text, or its quotes and address, with every number taken from it.",
            "",
            "| id | publisher · 发布者 | title · 标题 | date | quality |",
            "|---|---|---|---|---|",
        ]
    for r in rows.itertuples():
        publisher = (
            _cell(r.publisher)
            if lang == "zh"
            else f"{_cell(r.publisher_en)}<br>{_cell(r.publisher)}"
        )
        out.append(
            f"| {r.source_id} | {publisher} | {_cell(r.title)} | {r.pub_date} | `{r.quality}` |"
        )
    return "\n".join(out) + "\n"


def facts_page(lang: str) -> str:
    """Every number with its exact quote, as the notebooks' tables show it, on the page's
    full width (no list of headings beside it: it has none)."""
    table = show(load_facts(), lang).to_html(escape=True, border=0, classes="table")
    if lang == "zh":
        intro = (
            "# 全部数字\n\n来源中的每个数字及其一字不差的原文，即 `data/facts.csv`。点击编号可在原文中看到它。"
            "引用时请注明编号和来源，例如 F109（《浙江日报》，2024-08-22）。\n\n"
        )
    else:
        intro = (
            "# Every number\n\nEach number the sources state, with its exact quote, as in `data/facts.csv`. "
            "Each id opens the sentence in its source. Cite one as its id and source, for example F109 "
            "(Zhejiang Daily, 2024-08-22).\n\n"
        )
    front = "---\nhtml_theme.sidebar_secondary.remove: true\n---\n\n"
    return f'{front}{intro}```{{raw}} html\n<div class="zj-wide">{table}</div>\n```\n'
