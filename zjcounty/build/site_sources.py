"""The source pages of the reading site, where every fact id the site shows leads: one page
per stored text (sources/seed003.html#F109) and one for all the sources whose text is not
stored (sources/not-stored.html#F168), in each edition.

Design, and why:

- **A page per stored text, not per fact.** A quote is checked by reading it in its
  article, and the article is the unit a reader cites. A page per fact would copy a seed's
  text up to 48 times (216 pages an edition instead of 7) and show one quote at a time.
  Here every quote of the source is highlighted in the one stored text, and `#F109` lands on
  that fact's quote.
- **The target is marked by CSS `:target` alone, no script.** Quotes can overlap or share
  their words (two facts in one phrase), so each fact has an empty anchor
  (`<span id="F109">`) where its quote starts, and the marks and panel of each fact carry
  `data-fact`. One selector per fact, `:has(#F109:target) [data-fact~="F109"]`, emphasises
  the targeted fact's words and panel.
- **A panel per fact, beside the line of text that holds its quote** (a grid: text, then
  panels; on a phone the panels follow their line). It gives the number as the words layer
  states it, value and unit with the qualifier, period with how it was set, kind, area,
  entity and indicator; the note folded away.
- **The text as stored, line by line.** The seeds are never edited and neither is their
  text here: every non-blank line is a paragraph, so a sentence the source broke across
  lines (seed000's 解 / 决) shows broken, and a quote across the break is marked on both.
- **Quotes are found in the validator's normal form** (zjcounty.reading.seedtext.normalise:
  NFKC, traditional to simplified, white space removed), with a map back to the raw
  characters, so a quote matches across line breaks and in seed004's traditional script.
  Every occurrence is highlighted (seed001 repeats a block); the anchor is on the first, and
  the panel says when there are more. A quote that cannot be located is listed by the build.
- **Sources without a stored text** (web pages, a package, a data set: 19 of them, most
  with one to six quotes) share one page: a section each, anchored by the source id, with
  the address, each quote on its own and its panel, under a plain statement that their
  full text is not stored in this repository. Nothing is fetched.
- **MyST pages with raw HTML, built by the same Sphinx run as the rest** (not written
  outside it): they get the theme, the navigation, the edition's language and search (the
  texts are searchable). Measured on two cores: the seven pages cost about 0.7 s an
  edition, 0.2 s to write them and 0.5 s in Sphinx; pages written outside Sphinx could save
  at most that half second, and would have to copy the theme's page by hand.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from ..data.facts import load_facts
from ..data.schema import load_descriptor
from ..data.tables import load
from ..paths import ROOT
from ..reading import seedtext
from ..words.labels import Labels, pick
from ..words.numbers import number, stated

# Site prose of these pages (not data words: those come from labels.csv and the descriptor).
TEXT = {
    "en": {
        "stored": "Stored text: <code>{path}</code>, pinned by checksum (never edited). "
        "Each highlighted phrase is the exact quote of a number in <code>data/facts.csv</code>; "
        "its panel gives the number as the project reads it.",
        "unstored": "Sources without a stored text",
        "not_stored": "The full text of these sources is not stored in this repository. For each "
        "source below: where it was read, and every quote taken from it as recorded in "
        "<code>data/facts.csv</code>.",
        "address": "Address",
        "no_address": "no address recorded",
        "none": "No number in <code>data/facts.csv</code> comes from this source.",
        "count": "{n} numbers from this source.",
        "twice": "This quote occurs {n} times in the stored text (the source repeats it); "
        "all are highlighted and the link goes to the first.",
        "lost": "Not located in the stored text",
        "note": "Note",
        "publisher": "Publisher",
        "date": "Published",
        "quality": "Quality",
        "script": {
            "traditional": "traditional script",
            "simplified": "",
            "english": "",
        },
    },
    "zh": {
        "stored": "原文存于 <code>{path}</code>，以校验和固定，从不修改。"
        "高亮的文字是 <code>data/facts.csv</code> 中某条数据一字不差的原文；旁边的卡片给出本项目对这个数字的解读。",
        "unstored": "未存原文的来源",
        "not_stored": "本仓库没有保存这些来源的全文。"
        "下面列出每份来源的网址，以及 <code>data/facts.csv</code> 记录的取自其中的每条原文。",
        "address": "网址",
        "no_address": "未记录网址",
        "none": "<code>data/facts.csv</code> 中没有取自这份来源的数字。",
        "count": "取自这份来源的数字共{n}条。",
        "twice": "这段原文在存档文本中出现{n}次（来源本身重复），均已高亮，链接指向第一次出现处。",
        "lost": "在存档文本中未找到",
        "note": "备注（英文）",
        "publisher": "发布者",
        "date": "发布日期",
        "quality": "可信度",
        "script": {"traditional": "繁体原文", "simplified": "", "english": ""},
    },
}

_SPACE = re.compile(r"\s")
UNSTORED = "not-stored"  # the page of the sources whose text is not stored


@dataclass
class Page:
    """One source page: its markdown, the facts it anchors and the quotes it could not find."""

    name: str  # sources/<name>.html
    markdown: str
    anchored: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def fold(text: str) -> tuple[str, list[int]]:
    """`text` in seedtext's normal form, and for each folded character the index of the raw
    character it came from, so a match in the normal form maps back to the stored text.

    The same steps as seedtext.normalise (NFKC, then OpenCC t2s, then no white space), done
    per character for NFKC so the positions are kept; t2s maps one character to one."""
    chars, index = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            chars.append(c)
            index.append(i)
    simplified = seedtext.to_simplified("".join(chars))
    if len(simplified) != len(chars):  # not one for one: convert character by character
        simplified = "".join(seedtext.to_simplified(c) for c in chars)
    kept = [(c, i) for c, i in zip(simplified, index) if not _SPACE.match(c)]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def locate(folded: tuple[str, list[int]], quote: str) -> list[tuple[int, int]]:
    """Every place (raw start, raw end) where `quote` occurs in the folded text."""
    text, index = folded
    needle = seedtext.normalise(quote)
    spans, at = [], text.find(needle) if needle else -1
    while at >= 0:
        spans.append((index[at], index[at + len(needle) - 1] + 1))
        at = text.find(needle, at + len(needle))
    return spans


def lines(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of a text as (start, end), their outer white space left out."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            out.append((start, start + len(stripped)))
    return out


def marked(
    text: str, start: int, end: int, spans: dict[str, list], anchors: dict
) -> str:
    """HTML of text[start:end] with each quoted stretch in a <mark data-fact="F1 F2"> (the
    facts whose quote covers it) and an empty anchor where each fact's first quote starts."""
    cuts = {start, end} | {
        p for a, b in sum(spans.values(), []) for p in (a, b) if start < p < end
    }
    cuts |= {p for p in anchors if start <= p < end}
    out, points = [], sorted(cuts)
    for a, b in zip(points, points[1:]):
        out += [f'<span class="zj-anchor" id="{f}"></span>' for f in anchors.get(a, [])]
        covering = [
            f for f, ss in spans.items() if any(x <= a and b <= y for x, y in ss)
        ]
        chunk = html.escape(text[a:b])
        out.append(
            f'<mark class="zj-q" data-fact="{" ".join(covering)}">{chunk}</mark>'
            if covering
            else chunk
        )
    return "".join(out)


def _titles(lang: str) -> dict[str, str]:
    """Field titles of facts.csv in the edition's language, from the data package."""
    res = next(r for r in load_descriptor()["resources"] if r["name"] == "facts")
    return {
        f["name"]: f.get("title_zh" if lang == "zh" else "title", f["name"])
        for f in res["schema"]["fields"]
    }


def _value(row, lang: str) -> str:
    """The value as data/facts.csv stores it, with as many decimals as it was stored with, and
    its unit: in Chinese the unit's name (675.9亿元); in English the unit's id (675.9 cny_100m),
    because "675.9 100 million yuan" reads as two numbers (the card's head gives 67.59 billion
    yuan)."""
    v = float(row["value"])
    decimals = 0 if v.is_integer() else len(repr(v).split(".")[1])
    unit, name = (
        (row[c] if isinstance(row[c], str) else "") for c in ("unit", "unit_zh")
    )
    if lang == "zh" or not unit:
        return f"{number(v, lang, decimals)}{html.escape(name)}"
    return f"{number(v, lang, decimals)} <code>{html.escape(unit)}</code>"


def card(row, lang: str, occurrences: int) -> str:
    """A fact's panel: the number as stated, then value, unit and qualifier, period and how
    it was set, area, entity and indicator; kind in its head (labels from labels.csv and the
    data package), the note folded away."""
    w, t, say = Labels("common", lang), _titles(lang), TEXT[lang]
    fid, open_, close = row["fact_id"], *(("（", "）") if lang == "zh" else (" (", ")"))
    period = (
        row["ref_period"]
        if isinstance(row["ref_period"], str) and row["ref_period"]
        else w["period_not_stated"]
    )
    area = (
        pick(row["area_zh"], row["area_en"], lang)
        if isinstance(row["area_zh"], str)
        else "—"
    )
    entity = (
        row["entity"]
        if lang == "zh" or not isinstance(row["entity_en"], str)
        else row["entity_en"]
    )
    qualifier = Labels("04-qualifiers", lang)[row["qualifier"]]
    basis = w["basis_" + row["period_basis"]]
    rows = [
        (
            t["value"],
            f"{_value(row, lang)}{open_}{html.escape(qualifier)}{close}",
        ),
        (t["ref_period"], f"{html.escape(period)}{open_}{html.escape(basis)}{close}"),
        (w["col_area"], html.escape(area)),
        (t["entity"], html.escape(entity)),
        (
            t["indicator"],
            html.escape(pick(row["indicator_zh"], row["indicator_en"], lang)),
        ),
    ]
    if lang == "en" and isinstance(row["quote_en"], str):
        rows.append((w["col_gloss"], html.escape(row["quote_en"])))
    items = "".join(
        f"<dt>{html.escape(k[:1].upper() + k[1:])}</dt><dd>{v}</dd>" for k, v in rows
    )
    extra = (
        f'<p class="zj-more">{say["twice"].format(n=occurrences)}</p>'
        if occurrences > 1
        else ""
    )
    if isinstance(row["note"], str) and row["note"]:
        extra += (
            f'<details class="zj-more"><summary>{say["note"]}</summary>'
            f'<span lang="en">{html.escape(row["note"])}</span></details>'
        )
    kind = html.escape(w["kind_" + row["kind"]])
    head = (
        f'<a class="zj-fact-id" href="#{fid}">{fid}</a> '
        f'<span class="zj-kind zj-kind-{row["kind"]}" title="{html.escape(t["kind"])}">{kind}</span>'
    )
    return (
        f'<div class="zj-fact" data-fact="{fid}"><p class="zj-fact-head">{head}</p>'
        f'<p class="zj-stated">{html.escape(stated(row, lang))}</p><dl>{items}</dl>{extra}</div>'
    )


def _head(src, lang: str, n: int) -> str:
    """Who published the source and when, how far it is trusted, and how many numbers it gives."""
    say = TEXT[lang]
    publisher = (
        src["publisher"]
        if lang == "zh"
        else f"{src['publisher_en']} ({src['publisher']})"
    )
    meta = [
        (say["publisher"], publisher),
        (say["date"], src["pub_date"]),
        (say["quality"], src["quality"]),
    ]
    dl = "".join(
        f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in meta
    )
    url = src["url"] if isinstance(src["url"], str) and src["url"] else ""
    link = (
        f'<a href="{html.escape(url)}" rel="noreferrer">{html.escape(url)}</a>'
        if url
        else say["no_address"]
    )
    dl += f"<dt>{say['address']}</dt><dd>{link}</dd>"
    count = say["count"].format(n=n) if n else say["none"]
    return f'<dl class="zj-source-meta">{dl}</dl><p>{count}</p>'


def _style(ids: list[str]) -> str:
    """The CSS that emphasises the targeted fact's words and panel on this page: one selector
    per fact, as CSS cannot match an attribute against the URL's fragment by itself."""
    if not ids:
        return ""
    words = ",\n".join(f':root:has(#{f}:target) mark[data-fact~="{f}"]' for f in ids)
    panel = ",\n".join(f':root:has(#{f}:target) .zj-fact[data-fact="{f}"]' for f in ids)
    return (
        f"<style>\n{words} {{ background: var(--zj-mark-target); }}\n"
        f"{panel} {{ border-color: var(--zj-accent); box-shadow: 0 0 0 2px var(--zj-accent); }}\n</style>\n"
    )


def stored(src, rows: pd.DataFrame, lang: str) -> Page:
    """A seed's page: its text line by line, quotes marked, panels beside their lines."""
    text = seedtext.read_seed(ROOT / src["path"])
    folded = fold(text)
    spans = {r["fact_id"]: locate(folded, r["quote"]) for _, r in rows.iterrows()}
    lost = [f for f, s in spans.items() if not s]
    anchors: dict[int, list[str]] = {}
    for f, s in spans.items():
        if s:
            anchors.setdefault(s[0][0], []).append(f)
    by_id = rows.set_index("fact_id", drop=False)
    body = []
    for a, b in lines(text):
        cards = [
            card(by_id.loc[f], lang, len(spans[f]))
            for p in sorted(anchors)
            if a <= p < b
            for f in anchors[p]
        ]
        body.append(f"<p>{marked(text, a, b, spans, anchors)}</p>")
        if cards:
            body.append(f'<div class="zj-cards">{"".join(cards)}</div>')
    if lost:
        body.append(
            f'<h2 class="zj-lost">{TEXT[lang]["lost"]}</h2><div class="zj-cards">'
            + "".join(_quoted(by_id.loc[f], lang) for f in lost)
            + "</div>"
        )
    anchored = [f for f in rows["fact_id"] if f not in lost]
    note = TEXT[lang]["stored"].format(path=html.escape(src["path"]))
    body_html = (
        f'{_style(list(rows["fact_id"]))}<div class="zj-source">{_head(src, lang, len(rows))}<p>{note}</p>'
        f'<div class="zj-text" lang="{_script(src)}">{"".join(body)}</div></div>'
    )
    front = "---\norphan: true\nhtml_theme.sidebar_secondary.remove: true\n---\n\n"
    return Page(
        src["source_id"], front + _section(src, lang, body_html, "#"), anchored, lost
    )


def _script(src) -> str:
    """The language tag of a source's own words."""
    return {"traditional": "zh-Hant", "english": "en"}.get(src["script"], "zh-Hans")


def _quoted(row, lang: str) -> str:
    """A fact shown with its quote on its own (no stored text around it), anchored by its id."""
    fid = row["fact_id"]
    quote = (
        f'<blockquote class="zj-quote" lang="{_script(row)}">'
        f'<mark class="zj-q" data-fact="{fid}">{html.escape(row["quote"])}</mark></blockquote>'
    )
    return f'<div class="zj-unstored"><span class="zj-anchor" id="{fid}"></span>{quote}{card(row, lang, 1)}</div>'


def unstored(sources: pd.DataFrame, facts: pd.DataFrame, lang: str) -> Page:
    """One page for every source whose text is not stored (web pages, a package, a data set):
    a section per source, anchored by its id, with its address and each quote taken from it.
    Nineteen pages of one or two quotes each would read worse and cost a second each to build
    and check."""
    say = TEXT[lang]
    out = [
        "---\norphan: true\n---\n",
        f"# {say['unstored']}\n",
        f'```{{raw}} html\n{_style(list(facts["fact_id"]))}<p class="zj-not-stored">{say["not_stored"]}</p>\n```\n',
    ]
    for _, src in sources.iterrows():
        rows = facts[facts["source_id"] == src["source_id"]]
        quotes = "".join(_quoted(r, lang) for _, r in rows.iterrows())
        body = f'<div class="zj-source">{_head(src, lang, len(rows))}{quotes}</div>'
        out.append(_section(src, lang, body, "##"))
    return Page(UNSTORED, "\n".join(out), list(facts["fact_id"]))


def _section(src, lang: str, body: str, level: str) -> str:
    """MyST for one source: an anchor named by its id, its title as a heading (escaped), its id,
    label and date, then the HTML as one raw block."""
    title = re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", str(src["title"]))
    sub = f"{src['source_id']} · {pick(src['label_zh'], src['label_en'], lang)} · {src['pub_date']}"
    anchor = (
        f'```{{raw}} html\n<span class="zj-anchor" id="{src["source_id"]}"></span>\n```\n\n'
        if level != "#"
        else ""
    )
    return (
        f'{anchor}{level} {title}\n\n```{{raw}} html\n<p class="zj-source-id">{html.escape(sub)}</p>\n'
        f"{body}\n```\n"
    )


def page_of(source_id: str, kind: str) -> str:
    """The page (docname) that holds a source: its own for a stored text, else the shared one."""
    return f"sources/{source_id}" if kind == "seed" else f"sources/{UNSTORED}"


def pages(lang: str) -> list[Page]:
    """The source pages of one edition: one per stored text, in the order of data/sources.csv,
    then the one for all the others."""
    facts, sources = load_facts(), load("sources")
    seeds = sources["kind"] == "seed"
    out = [
        stored(src, facts[facts["source_id"] == src["source_id"]], lang)
        for _, src in sources[seeds].iterrows()
    ]
    others = facts[facts["source_id"].isin(sources.loc[~seeds, "source_id"])]
    return [*out, unstored(sources[~seeds], others, lang)]
