"""The reading site, built as `make site` builds it and opened in a headless Chromium (Debian's
chromium and chromium-driver, which .ci/run installs where no browser is; on GitHub's runners
their own Chrome and ChromeDriver): every page loads without console errors and without asking
the network for anything, every image loads, Chinese renders in the site's own font, every
link between pages leads to a page (and an anchor) that exists, every fact id links to its
quote in its source, the Chinese edition is Chinese, tables keep readable columns, and the
landing pages show the README's findings. Screenshots of the main kinds of page, in both
editions, at desktop and phone width, go to build/screenshots/ (CI uploads them).

Every page is opened once (the `visited` fixture) and what each check needs is read from it
then, so the suite pays for one pass over the site.

Without a browser and its driver these tests skip, except under CI (CI=true), where they fail."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))),
    None,
)
DRIVER = shutil.which("chromedriver") or shutil.which(
    "chromedriver", path=os.environ.get("CHROMEWEBDRIVER", "")
)
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail(
            "the site check needs chromium and chromium-driver (apt-get install chromium chromium-driver)",
            pytrace=False,
        )
    pytest.skip(
        "chromium and chromium-driver are not installed", allow_module_level=True
    )

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "build" / "screenshots"
# Words of the Latin alphabet allowed in the Chinese edition's chrome: a key's name and a licence.
LATIN_IN_CHINESE_CHROME = {"Ctrl", "MIT"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from zjcounty.build.site import build

    folder = tmp_path_factory.mktemp("site-build")
    assert build(folder) == 0
    return folder / "site"


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault(
        "SE_OFFLINE", "true"
    )  # selenium must not try to download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,900",
        "--disable-dev-shm-usage",
        "--no-first-run",
    ):
        options.add_argument(arg)
    options.set_capability(
        "goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"}
    )
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    _viewport(driver, 1280)
    yield driver
    driver.quit()


def _viewport(driver, width: int) -> None:
    """A desktop window, or a phone's (390 px wide, as a phone reports itself)."""
    phone = width < 600
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": 844 if phone else 900,
            "deviceScaleFactor": 1,
            "mobile": phone,
        },
    )


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def _requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def _facts() -> dict[str, str]:
    """Where each fact id must link: its seed's page, or the page of the sources whose text is
    not stored, at the fact's anchor."""
    from zjcounty.data.tables import load

    facts = load("facts")
    kind = load("sources").set_index("source_id")["kind"]
    return {
        f: f"/sources/{s if kind[s] == 'seed' else 'not-stored'}.html#{f}"
        for f, s in zip(facts["fact_id"], facts["source_id"])
    }


# Read from every page as it is opened: fact ids not linked (or linked elsewhere than their
# quote), table cells narrower than 2 em, sidebars with something wider than themselves, the
# page's language, the words marked for each fact on a stored text's page, broken images, and
# on Chinese pages the words in the Latin alphabet of the page's chrome (everything outside
# the article and its list of headings).
INSPECT = r"""
const facts = arguments[0];
const out = {lang: document.documentElement.lang, linked: 0, unlinked: [], misdirected: [], narrow: [], latin: []};
// the sidebars: nothing in them wider than they are (it would be cut off at their edge)
out.clipped = [...document.querySelectorAll(".bd-sidebar-primary, .bd-sidebar-secondary")]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map(e => e.className);
const id = /(?<![A-Za-z0-9_\/.-])F\d{3}(?![A-Za-z0-9_])/g;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const e = n.parentElement;
  if (e.closest("script, style, code, kbd, samp, .zj-text, .zj-quote, .onlyprint")) continue;
  const pre = e.closest("pre");
  if (pre && !pre.closest(".cell_output")) continue;
  for (const m of n.textContent.matchAll(id)) {
    const fact = m[0];
    if (!(fact in facts)) continue;
    const a = e.closest("a");
    if (!a) out.unlinked.push(fact + " in: " + n.textContent.trim().slice(0, 60));
    else if (!a.href.endsWith(facts[fact]) || a.href.includes("/zh/") !== location.href.includes("/zh/"))
      out.misdirected.push(fact + " -> " + a.href);
    else out.linked++;
  }
}
for (const cell of document.querySelectorAll(".bd-article td, .bd-article th")) {
  if (!cell.textContent.trim() || cell.offsetParent === null) continue;
  const s = getComputedStyle(cell);
  const inner = cell.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  if (inner < 2 * parseFloat(s.fontSize))
    out.narrow.push(`${Math.round(inner)}px: ${cell.textContent.trim().slice(0, 20)}`);
}
// a stored text's page: the words marked for each fact, and the anchors
out.marked = {};
for (const m of document.querySelectorAll(".zj-text mark[data-fact]"))
  for (const f of m.dataset.fact.split(" ")) (out.marked[f] = out.marked[f] || []).push(m.textContent);
out.anchors = [...document.querySelectorAll(".zj-text .zj-anchor")].map(a => a.id);
if (out.lang.startsWith("zh")) {
  const article = document.querySelector("article.bd-article");
  const latin = /[A-Za-z]{3,}/g;
  for (const e of document.querySelectorAll("body *")) {
    // not the article, nor the page's contents (its headings again), nor what shows without scripts
    const skip = "script, style, noscript, .onlyprint, .zj-edition, #pst-page-toc-nav";
    if ((article && article.contains(e)) || e.closest(skip)) continue;
    // (Bootstrap moves a tooltip's title to data-bs-original-title)
    for (const at of ["title", "aria-label", "placeholder", "alt", "data-bs-original-title"])
      for (const w of (e.getAttribute(at) || "").match(latin) || []) out.latin.push(`${at}="${w}"`);
    for (const c of e.childNodes)
      if (c.nodeType === 3) for (const w of c.textContent.match(latin) || []) out.latin.push(w);
  }
}
out.broken = [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);
return out;
"""


# Pages photographed at desktop and phone width (build/screenshots/KIND-LANG-WIDTH.png), with
# what to show: the top of the page, the first wide table, or a fact's quote.
SHOTS = {
    "index.html": ("landing", "en", None),
    "zh/index.html": ("landing", "zh", None),
    "notebooks/03-county-pairing.html": ("notebook", "en", "table"),
    "zh/notebooks/zh/03-county-pairing.html": ("notebook", "zh", "table"),
    "sources/seed003.html": ("source", "en", "F109"),
    "zh/sources/seed003.html": ("source", "zh", "F109"),
}
# Pages whose every run of Chinese is checked for the font it is drawn in: a landing page with
# some Chinese, a Chinese notebook, and the stored text in traditional script.
FONT_PAGES = {
    "index.html",
    "zh/notebooks/zh/03-county-pairing.html",
    "sources/seed004.html",
}
SHOW = r"""
const [what] = arguments;
if (what === "table") {
  const tables = [...document.querySelectorAll(".cell_output table")];
  tables.sort((a, b) => b.rows[0].cells.length - a.rows[0].cells.length);
  if (tables.length) window.scrollTo(0, tables[0].getBoundingClientRect().top + scrollY - 80);
} else if (what) {
  location.hash = what;  // a reload keeps the old scroll position: go to the anchor again
  document.getElementById(what).scrollIntoView({block: "start", inline: "nearest"});
} else window.scrollTo(0, 0);
"""


def _photograph(browser, name: str) -> list[str]:
    """Screenshots of the open page at 1280 px, then reopened at 390 px (a page laid out for
    a desktop is not a phone's page); what overflows the phone's width."""
    kind, lang, what = SHOTS[name]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wide = []
    for width in (1280, 390):
        if width != 1280:
            _viewport(browser, width)
            browser.refresh()
        browser.execute_script(SHOW, what)
        shot = SCREENSHOTS / f"{kind}-{lang}-{width}.png"
        shot.write_bytes(browser.get_screenshot_as_png())
        # neither the page nor its article scrolls sideways: wide tables do, in their box
        over = browser.execute_script(
            "const a = document.querySelector('.bd-article-container');"
            "return [document.documentElement.scrollWidth - innerWidth,"
            "        a.scrollWidth - a.clientWidth];"
        )
        if max(over) > 1:
            wide.append(f"{name} at {width} px: {over} px wider than the screen")
    _viewport(browser, 1280)
    return wide


@pytest.fixture(scope="module")
def visited(site, browser) -> dict[str, dict]:
    """Every page opened once at desktop width: what the browser logged and asked for, its
    broken images, and what INSPECT read from it; the pages of SHOTS photographed and those
    of FONT_PAGES checked for their font while they are open."""
    facts = _facts()
    record = {}
    for page in _pages(site):
        name = page.relative_to(site).as_posix()
        (
            browser.get_log("browser"),
            browser.get_log("performance"),
        )  # drop what came before
        browser.get(page.as_uri())
        seen = browser.execute_script(INSPECT, facts)
        seen["errors"] = [
            e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"
        ]
        seen["outside"] = [
            u
            for u in _requests(browser)
            if not u.startswith(("file://", "data:", "about:", "blob:"))
        ]
        seen["fonts"] = _fonts(browser, name) if name in FONT_PAGES else []
        seen["wide"] = _photograph(browser, name) if name in SHOTS else []
        record[name] = seen
    return record


def _problems(visited: dict, key: str) -> list[str]:
    return [f"{name}: {p}" for name, seen in visited.items() for p in seen[key]]


def test_every_page_loads_cleanly_from_disk(visited):
    problems = (
        [f"console: {p}" for p in _problems(visited, "errors")]
        + [f"image did not load: {p}" for p in _problems(visited, "broken")]
        + [f"asked the network for {p}" for p in _problems(visited, "outside")]
    )
    assert len(visited) >= 36  # two editions: notebooks, data pages, seven source pages
    assert not problems, "\n".join(problems[:20])


def test_links_between_pages_lead_somewhere(site):
    """Every relative link leads to a file, and a link to #F054 to a page holding that id."""
    missing, ids = [], {}
    for page in _pages(site):
        for href in re.findall(r'href="([^"?]+)', page.read_text(encoding="utf-8")):
            if urlparse(href).scheme or href.startswith(("mailto:", "#")):
                continue
            path, _, anchor = href.partition("#")
            target = (page.parent / unquote(path)).resolve()
            if not target.exists():
                missing.append(f"{page.relative_to(site)} -> {href}")
            elif re.fullmatch(r"F\d{3}", anchor):
                if target not in ids:
                    ids[target] = set(
                        re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8"))
                    )
                if anchor not in ids[target]:
                    missing.append(
                        f"{page.relative_to(site)} -> {href} (no such anchor)"
                    )
    assert not missing, "\n".join(missing[:20])


def test_every_fact_id_links_to_its_quote(visited):
    """Every fact id the site shows, in prose, tables and notebook outputs, in both editions, is
    a link to its source's page in the same edition, at the fact's anchor (code and the quoted
    source text excepted)."""
    unlinked, misdirected = (
        _problems(visited, "unlinked"),
        _problems(visited, "misdirected"),
    )
    assert not unlinked, f"{len(unlinked)} fact ids not linked:\n" + "\n".join(
        unlinked[:20]
    )
    assert not misdirected, "\n".join(misdirected[:20])
    linked = {name: seen["linked"] for name, seen in visited.items()}
    # every number is listed once per edition, and the notebooks cite many of them
    assert linked["data/facts.html"] >= 216 and linked["zh/data/facts.html"] >= 216
    assert (
        linked["zh/notebooks/zh/03-county-pairing.html"] > 0
        and linked["index.html"] > 0
    )


def test_every_seed_quote_is_highlighted_at_its_anchor(visited, site, browser):
    """On each seed's page, in both editions, every fact of that seed has its anchor, and the
    words marked for it are its quote (once per occurrence in the stored text, in the
    validator's normal form); following #F109 emphasises F109's words and no others."""
    from zjcounty.data.tables import load
    from zjcounty.reading import seedtext

    facts = load("facts")
    seeds = load("sources").query("kind == 'seed'")
    problems, checked = [], 0
    for lang in ("", "zh/"):
        for src in seeds.itertuples():
            seen = visited[f"{lang}sources/{src.source_id}.html"]
            text = seedtext.normalised_seed(ROOT / src.path)
            for fact in facts[facts["source_id"] == src.source_id].itertuples():
                quote = seedtext.normalise(fact.quote)
                words = seedtext.normalise(
                    "".join(seen["marked"].get(fact.fact_id, []))
                )
                if fact.fact_id not in seen["anchors"]:
                    problems.append(
                        f"{lang}{src.source_id}: no anchor for {fact.fact_id}"
                    )
                if not quote or words != quote * text.count(quote):
                    problems.append(
                        f"{lang}{src.source_id}: {fact.fact_id} marks {words!r}, quote {quote!r}"
                    )
                checked += 1
    assert checked == 2 * facts["source_id"].isin(seeds["source_id"]).sum()
    assert not problems, "\n".join(problems[:20])
    browser.get((site / "sources/seed003.html").as_uri() + "#F109")
    colours = browser.execute_script(
        'const bg = f => getComputedStyle(document.querySelector(`mark[data-fact~="${f}"]`)).backgroundColor;'
        "return [bg('F109'), bg('F108')];"
    )
    assert colours[0] != colours[1], f"the targeted quote is not emphasised: {colours}"


def test_sources_without_stored_text_say_so(site):
    """The page of the sources with no stored text says so, and gives each one's address and
    every quote taken from it, anchored by the fact's id."""
    from zjcounty.build.site_sources import TEXT
    from zjcounty.data.tables import load

    facts, sources = load("facts"), load("sources").query("kind != 'seed'")
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        page = (site / prefix / "sources" / "not-stored.html").read_text(
            encoding="utf-8"
        )
        assert TEXT[lang]["not_stored"] in page
        for src in sources.itertuples():
            assert f'id="{src.source_id}"' in page and html.escape(src.url) in page, (
                src.source_id
            )
        for fact in facts[facts["source_id"].isin(sources["source_id"])].itertuples():
            assert f'id="{fact.fact_id}"' in page and html.escape(fact.quote) in page, (
                fact.fact_id
            )


def test_the_chinese_edition_is_chinese(visited, site, browser):
    """Chinese pages say so (<html lang="zh-CN">), and their chrome (navigation, search,
    buttons and their labels, footer) holds no English word; English pages say lang="en"."""
    langs = {name: seen["lang"] for name, seen in visited.items()}
    wrong = [
        f"{n}: {lang}"
        for n, lang in langs.items()
        if lang != ("zh-CN" if n.startswith("zh/") else "en")
    ]
    assert not wrong, "\n".join(wrong[:10])
    latin = [
        p
        for p in _problems(visited, "latin")
        if p.split(": ", 1)[1] not in LATIN_IN_CHINESE_CHROME
    ]
    assert not latin, "English in the Chinese edition's chrome:\n" + "\n".join(
        sorted(set(latin))[:20]
    )
    page = (site / "zh" / "notebooks" / "zh" / "03-county-pairing.html").read_text(
        encoding="utf-8"
    )
    for word in ("搜索", "目录", "上一页", "下一页"):
        assert word in page, word


def test_chinese_search_finds_chinese_words(site, browser):
    """The Chinese edition's search finds a Chinese word (Sphinx alone needs jieba for that)."""
    browser.get((site / "zh" / "search.html").as_uri() + "?q=结对山区县")
    found = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; let n = 0;"
        "const poll = () => { const s = document.querySelector('#search-results .search-summary');"
        "  if ((s && s.textContent) || ++n > 100) done([...document.querySelectorAll('#search-results li a')]"
        "    .map(a => a.getAttribute('href')).concat([s ? s.textContent : ''])); else setTimeout(poll, 50); };"
        "poll();"
    )
    assert "notebooks/zh/03-county-pairing.html" in found, found
    assert "搜索完成" in found[-1], found[-1]


def test_table_columns_and_sidebars_fit_their_text(visited):
    """At desktop width every table cell with text is at least 2 em wide (wide tables scroll
    inside their box instead of wrapping a column one character a line), and nothing in a
    sidebar is wider than the sidebar (a long word in a heading would be cut off)."""
    narrow = _problems(visited, "narrow")
    assert not narrow, f"{len(narrow)} cells narrower than 2 em:\n" + "\n".join(
        narrow[:20]
    )
    clipped = _problems(visited, "clipped")
    assert not clipped, "cut off at a sidebar's edge:\n" + "\n".join(clipped)


def _readme_section(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(rf"^## {heading}\n(.*?)^## ", readme, re.S | re.M).group(1)


def _plain(markdown_line: str) -> str:
    """A README line as the page shows it: no list marker, links as their text, no emphasis."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown_line.strip())
    return re.sub(r"^[-*] |\*\*|`", "", text)


def test_landing_pages_open_with_the_readme_findings_and_chart(site):
    """Each landing page shows the README's findings (English: each bullet's lead; Chinese:
    the 中文简介), then the README's first chart in its language, then its contents."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    figure = re.search(r"!\[[^\]]*\]\(figures/([^)]+)\.en\.png\)", readme).group(1)
    for prefix, lang, findings in (
        (
            "",
            "en",
            re.findall(
                r"^- \*\*(.+?)\*\*", _readme_section("What the sources show"), re.M
            ),
        ),
        (
            "zh/",
            "zh",
            [
                _plain(line)[:40]
                for line in _readme_section("中文简介").splitlines()
                if line.strip()
            ],
        ),
    ):
        page = (site / prefix / "index.html").read_text(encoding="utf-8")
        article = re.search(r"<article.*?</article>", page, re.S).group(0)
        image = re.search(r'<img[^>]+src="([^"]+)"', article)
        contents = article.index("toctree-wrapper")

        before = html.unescape(re.sub(r"<[^>]+>", "", article[:contents]))
        before = before.replace("\u2019", "'")  # the site sets typographic apostrophes
        missing = [f for f in findings if f not in before]
        assert findings and not missing, f"{lang}: findings missing: {missing}"
        assert image and image.group(1).endswith(f"{figure}.{lang}.png"), (
            f"{lang}: {image}"
        )
        assert image.start() < contents, f"{lang}: the chart comes after the contents"


def test_screenshots_at_desktop_and_phone_width(visited, capsys):
    """Landing, notebook and source page, both editions, 1280 and 390 px wide, are saved to
    build/screenshots/ for a person to look at (the folder is printed; CI uploads it); at
    phone width neither page nor article scrolls sideways (tables scroll in their box)."""
    wide = _problems(visited, "wide")
    assert not wide, "\n".join(wide)
    shots = {
        f"{k}-{lang}-{w}.png" for k, lang, _ in SHOTS.values() for w in (1280, 390)
    }
    assert shots <= {p.name for p in SCREENSHOTS.glob("*.png")}
    with capsys.disabled():
        print(f"\nsite screenshots: {SCREENSHOTS}/ ({', '.join(sorted(shots))})")


def test_every_chinese_character_is_in_the_sites_font(site):
    from fontTools.ttLib import TTFont

    cmap = TTFont(site / "_static" / "zj-sc.woff2").getBestCmap()
    text = "".join(
        re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in _pages(site)
    )
    absent = sorted(
        {c for c in text if "\u4e00" <= c <= "\u9fff" and ord(c) not in cmap}
    )
    assert not absent, (
        f"characters the webfont lacks (tofu without a system CJK font): {''.join(absent[:40])}"
    )
    assert (site / "zh" / "_static" / "zj-sc.woff2").read_bytes() == (
        site / "_static" / "zj-sc.woff2"
    ).read_bytes()


MARK_CJK = """
// Elements whose whole text is Chinese (no spaces, digits or Latin, which other faces draw):
// marked by an attribute only, so that nothing is laid out or shaped again before we ask.
const cjk = /^[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]+$/;
let n = 0;
for (const e of document.body.querySelectorAll("*")) {
  if (e.children.length === 0 && cjk.test(e.textContent) && e.offsetParent !== null) {
    e.setAttribute("data-zj-cjk", "1"); n++;
  }
}
return n;
"""


def _fonts(browser, name: str) -> list[str]:
    """Runs of Chinese on the open page drawn with another font than the site's own."""
    loaded = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.load('16px \"ZJ Noto Sans SC\"', '结对山区县').then("
        "  faces => document.fonts.ready.then(() => done(faces.map(f => f.status))), e => done(String(e)));"
    )
    if loaded != ["loaded"] or not browser.execute_script(MARK_CJK):
        return [f"{name}: the font did not load ({loaded}) or no Chinese was found"]
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]
    nodes = browser.execute_cdp_cmd(
        "DOM.querySelectorAll", {"nodeId": root["nodeId"], "selector": "[data-zj-cjk]"}
    )["nodeIds"]
    wrong = []
    for node in nodes:
        fonts = browser.execute_cdp_cmd(
            "CSS.getPlatformFontsForNode", {"nodeId": node}
        )["fonts"]
        others = {f["familyName"] for f in fonts if f["glyphCount"]} - {
            "Noto Sans CJK SC Regular"
        }
        if others:
            text = browser.execute_cdp_cmd("DOM.getOuterHTML", {"nodeId": node})[
                "outerHTML"
            ]
            wrong.append(f"{name}: {text[:80]} drawn with {sorted(others)}")
    browser.execute_cdp_cmd("CSS.disable", {})
    browser.execute_cdp_cmd("DOM.disable", {})
    return wrong


def test_chinese_renders_in_the_sites_font(visited):
    """Every run of Chinese text on FONT_PAGES is drawn with the site's font, as the browser
    itself reports (DevTools' platform fonts per node): the missing-glyph boxes of a fallback
    would show up here under another font's name."""
    assert set(visited) >= FONT_PAGES
    wrong = _problems(visited, "fonts")
    assert not wrong, "\n".join(wrong[:10])
