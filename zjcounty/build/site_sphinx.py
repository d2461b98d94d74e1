"""The site's Sphinx extension (site/conf.py loads it): what differs between the English and the
Chinese edition, fact ids as links, the link to the other edition, and Chinese search.

The two editions are two Sphinx builds of the same conf.py, the Chinese one with
`-D language=zh_CN`: Sphinx and both themes then translate their own words (搜索, 目录,
上一页, 下一页) and write `<html lang="zh-CN">`; this module sets only what the
configuration cannot know from the language alone.
"""

from __future__ import annotations

import html
import posixpath
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.search.zh import SearchChinese
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..data.tables import load
from .site_sources import UNSTORED, page_of

# What each edition calls itself, and the words of its footer.
EDITION = {
    "en": dict(
        html_title="Zhejiang county notebooks",
        author="the Zhejiang county notebooks contributors",
        copyright="the contributors; code MIT, tables CC BY 4.0",
        other="zh",
        other_label="中文",
        search="Search…",
    ),
    "zh": dict(
        html_title="浙江县域经济笔记本",
        author="浙江县域经济笔记本的贡献者",
        copyright="本项目贡献者；代码采用 MIT 许可，数据表采用 CC BY 4.0 许可",
        other="en",
        other_label="English",
        search="搜索…",
    ),
}
# Pages of the English edition with no Chinese counterpart: the Chinese edition links to them.
ENGLISH_ONLY = {"data/README.md", "CONTRIBUTING.md", "seeds/README.md"}
# Pages both editions have under the same name (besides the source pages, sources/*).
SHARED = {"index", "search", "data/dictionary", "data/sources", "data/facts"}
# A fact id or a source id as a word: not inside another word or number (F1090, AF109).
_NOT_IN_WORD = r"(?<![A-Za-z0-9_/.-])({ids})(?![A-Za-z0-9_])"
# Elements whose text is never linked: links, code, the quoted source text itself.
_SKIP_TAGS = frozenset(
    [
        "a",
        "code",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "title",
        "svg",
        "button",
    ]
)
_SKIP_CLASSES = re.compile(r'class="[^"]*\b(zj-text|zj-quote|zj-nolink)\b')
_OUTPUT = re.compile(r'class="[^"]*\bcell_output\b')
_VOID = frozenset(
    [
        "area",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_TOKEN = re.compile(
    r"(<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", re.S | re.I
)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_JS = _HAN.encode("unicode_escape").decode()  # \\u3400-\\u4dbf…, for JavaScript
_HAN_RUN, _LATIN_WORD = re.compile(f"[{_HAN}]+"), re.compile(rf"[^\W{_HAN}]+")


def edition(config) -> str:
    """'zh' for the Chinese build (language zh_CN), else 'en'."""
    return "zh" if (config.language or "").startswith("zh") else "en"


def _configure(app, config) -> None:
    """Title, footer and search of the edition being built."""
    words = EDITION[edition(config)]
    for key in ("html_title", "author", "copyright"):
        setattr(config, key, words[key])
    config.project = words["html_title"]
    config.html_theme_options = {
        **config.html_theme_options,
        "search_bar_text": words["search"],
    }
    if edition(config) == "zh":
        config.html_search_language = SearchChineseBigrams.lang
        # after Sphinx's translations.js (priority 500): words its zh_CN catalogue lacks
        app.add_js_file("zj-zh-search.js", priority=600)


def _facts(app) -> None:
    """Which source page each fact id and source id links to, read once per build."""
    facts = load("facts")
    sources = load("sources").set_index("source_id")
    zh = edition(app.config) == "zh"
    label = {
        s: html.escape(
            f"{sources.at[s, 'label_zh' if zh else 'label_en']} {sources.at[s, 'pub_date']}"
        )
        for s in sources.index
    }
    page = {s: page_of(s, sources.at[s, "kind"]) for s in sources.index}
    # an id -> (the page that holds it, the anchor on that page, what the link's tooltip says)
    app.zj_targets = {
        f: (page[s], f, label[s]) for f, s in zip(facts["fact_id"], facts["source_id"])
    }
    app.zj_targets |= {
        s: (page[s], s if page[s].endswith(UNSTORED) else "", label[s])
        for s in sources.index
    }
    ids = sorted(app.zj_targets, key=len, reverse=True)
    app.zj_pattern = re.compile(_NOT_IN_WORD.format(ids="|".join(map(re.escape, ids))))


def linkify(body: str, pattern: re.Pattern, href) -> str:
    """Every fact id and source id in the page's HTML as a link (href(id) gives its address),
    except in links, code and the quoted source text; in notebook outputs too, where a <pre>
    is a printed result, not code."""
    out, stack = [], []  # stack: (tag, skip, in_output)
    for token in _TOKEN.split(body):
        skip, in_output = stack[-1][1:] if stack else (False, False)
        if not token.startswith("<"):
            out.append(
                token if skip else pattern.sub(lambda m: href(m.group(1)), token)
            )
            continue
        out.append(token)
        m = re.match(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)", token)
        if not m:
            continue
        closing, tag = m.group(1), m.group(2).lower()
        if closing:
            names = [t for t, *_ in stack]
            if tag in names:
                del stack[len(names) - 1 - names[::-1].index(tag) :]
        elif (
            tag not in _VOID
            and not token.endswith("/>")
            and not token.lower().startswith(("<script", "<style"))
        ):
            in_output = in_output or bool(_OUTPUT.search(token))
            skip = (
                skip
                or tag in _SKIP_TAGS
                or bool(_SKIP_CLASSES.search(token))
                or (tag == "pre" and not in_output)
            )
            stack.append((tag, skip, in_output))
    return "".join(out)


def counterpart(pagename: str, lang: str) -> str:
    """The same page in the other edition, or that edition's landing page."""
    if lang == "en":
        if re.fullmatch(r"notebooks/\d\d-[\w-]+", pagename):
            return "notebooks/zh/" + pagename.split("/", 1)[1]
        return (
            pagename
            if pagename in SHARED or pagename.startswith("sources/")
            else "index"
        )
    return pagename.replace("notebooks/zh/", "notebooks/", 1)


def _page(app, pagename, templatename, context, doctree) -> None:
    """Per page: fact ids and source ids in the body become links to their source page, and
    the header's link to the other edition points at this page's counterpart."""
    lang = edition(app.config)
    root = "../" * pagename.count("/")
    other = EDITION[lang]["other"]
    context["zj_other"] = (
        root
        + ("zh/" if other == "zh" else "../")
        + counterpart(pagename, lang)
        + ".html"
    )
    context["zj_other_lang"] = "zh-CN" if other == "zh" else "en"
    context["zj_other_label"] = EDITION[lang]["other_label"]
    if "body" not in context:
        return

    def href(ident: str) -> str:
        page, anchor, label = app.zj_targets[ident]
        url = app.builder.get_relative_uri(pagename, page) + (
            f"#{anchor}" if anchor else ""
        )
        return f'<a class="zj-fact-link" href="{url}" title="{label}">{ident}</a>'

    context["body"] = roomy(linkify(context["body"], app.zj_pattern, href))


_CELL = re.compile(r"<td>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]+>")


def roomy(body: str) -> str:
    """Table cells holding a long text (a quote, a gloss: about twelve Chinese characters or
    24 Latin ones and more) get the class zj-long, which zj.css gives room: without it a wide
    table squeezes them to four characters a line while short columns keep theirs."""

    def mark(m: re.Match) -> str:
        text = html.unescape(_TAG.sub("", m.group(1))).strip()
        width = sum(2 if ord(c) >= 0x2E80 else 1 for c in text)
        return f'<td class="zj-long">{m.group(1)}</td>' if width >= 24 else m.group(0)

    return _CELL.sub(mark, body)


class OtherEdition(SphinxPostTransform):
    """Links to a page that only the other edition has, written as on GitHub (the notebooks
    link to ../../data/README.md, the README to notebooks/zh/00-overview.ipynb): in the
    Chinese edition they go to the English page, README.md to this edition's landing page
    (it shows the README's Chinese section); in the English one, to the Chinese notebooks."""

    default_priority = 8  # before MyST resolves its links (9), which would warn
    formats = ("html",)

    def run(self, **kwargs) -> None:
        here, lang = self.env.docname, edition(self.config)
        up = "../" * here.count("/")
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(here), node["reftarget"].split("#")[0])
            )
            if lang == "zh" and target == "README.md":
                node["refdomain"], node["reftarget"], node["reftargetid"] = (
                    "doc",
                    "index",
                    None,
                )
                continue
            if lang == "zh" and target in ENGLISH_ONLY:
                url = f"{up}../{target[: -len('.md')]}.html"
            elif lang == "en" and re.fullmatch(r"notebooks/zh/[\w-]+\.ipynb", target):
                url = f"{up}zh/{target[: -len('.ipynb')]}.html"
            else:
                continue
            node.replace_self(
                nodes.reference(
                    "", "", *node.children, refuri=url, classes=["zj-other-edition"]
                )
            )


class SearchChineseBigrams(SearchChinese):
    """Chinese search without a word segmenter: Sphinx's own Chinese search indexes Chinese
    words only when jieba is installed, and without it finds no Chinese at all. Here every
    run of Chinese characters is indexed as its characters and overlapping pairs (结对 ->
    结, 对, 结对), and the query is cut the same way in the browser (js_splitter_code), so
    结对山区县 finds the pages holding 结对, 对山, 山区 and 区县. Latin words as before."""

    lang = "zh_bigram"
    # The same cut in the browser (the query), with the same ranges of Chinese characters.
    js_splitter_code = (
        "function splitQuery(query) {\n"
        f"  const han = /[{_HAN_JS}]+|[^{_HAN_JS}]+/gu, first = /^[{_HAN_JS}]/u;\n"
        "  return query.split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu)\n"
        "    .filter(t => t).flatMap(t => t.match(han))\n"
        "    .flatMap(run => first.test(run) && run.length > 1\n"
        "      ? Array.from(run.slice(1), (c, i) => run[i] + c) : [run]);\n"
        "}\n"
    )

    def split(self, input: str) -> list[str]:
        latin = _LATIN_WORD.findall(input)
        self.latin_terms.update(latin)
        han = []
        for run in _HAN_RUN.findall(input):
            han += [*run, *(a + b for a, b in zip(run, run[1:]))]
        return han + latin

    def stem(self, word: str) -> str:
        return word if _HAN_RUN.match(word) else super().stem(word)

    def word_filter(self, stemmed_word: str) -> bool:
        return len(stemmed_word) > 1 or bool(_HAN_RUN.match(stemmed_word))


def setup(app):
    """Register the edition's settings, the links and the Chinese search."""
    app.add_search_language(SearchChineseBigrams)
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _facts)
    app.connect("html-page-context", _page)
    app.add_post_transform(OtherEdition)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
