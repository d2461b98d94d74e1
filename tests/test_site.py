"""The reading site, built as `make site` builds it and opened in a headless Chromium (Debian's
chromium and chromium-driver, which .ci/run installs where no browser is; on GitHub's runners
their own Chrome and ChromeDriver): every page loads without console errors and without asking
the network for anything, every image loads, Chinese renders in the site's own font, and every
link between pages leads to a page that exists.

Without a browser and its driver these tests skip, except under CI (CI=true), where they fail."""

from __future__ import annotations

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
    yield driver
    driver.quit()


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def _requests(driver) -> list[str]:
    import json

    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def test_every_page_loads_cleanly_from_disk(site, browser):
    problems = []
    for page in _pages(site):
        (
            browser.get_log("browser"),
            browser.get_log("performance"),
        )  # drop what came before
        browser.get(page.as_uri())
        errors = [
            e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"
        ]
        broken = browser.execute_script(
            "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        outside = [
            u
            for u in _requests(browser)
            if not u.startswith(("file://", "data:", "about:", "blob:"))
        ]
        name = page.relative_to(site)
        problems += [f"{name}: console: {e}" for e in errors] + [
            f"{name}: image did not load: {u}" for u in broken
        ]
        problems += [f"{name}: asked the network for {u}" for u in outside]
    assert len(_pages(site)) >= 15
    assert not problems, "\n".join(problems[:20])


def test_links_between_pages_lead_somewhere(site):
    missing = []
    for page in _pages(site):
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if urlparse(href).scheme or href.startswith("mailto:"):
                continue
            if not (page.parent / unquote(href)).resolve().exists():
                missing.append(f"{page.relative_to(site)} -> {href}")
    assert not missing, "\n".join(missing[:20])


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


def test_chinese_renders_in_the_sites_font(site, browser):
    """Every run of Chinese text on the landing page and a Chinese notebook page is drawn with
    the site's font, as the browser itself reports (DevTools' platform fonts per node): the
    missing-glyph boxes of a fallback would show up here under another font's name."""
    wrong = []
    for page in (
        site / "index.html",
        site / "notebooks" / "zh" / "03-county-pairing.html",
    ):
        browser.get(page.as_uri())
        loaded = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "document.fonts.load('16px \"ZJ Noto Sans SC\"', '结对山区县').then("
            "  faces => document.fonts.ready.then(() => done(faces.map(f => f.status))), e => done(String(e)));"
        )
        assert loaded == ["loaded"], loaded
        assert browser.execute_script(MARK_CJK) > 0
        browser.execute_cdp_cmd("DOM.enable", {})
        browser.execute_cdp_cmd("CSS.enable", {})
        root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]
        nodes = browser.execute_cdp_cmd(
            "DOM.querySelectorAll",
            {"nodeId": root["nodeId"], "selector": "[data-zj-cjk]"},
        )["nodeIds"]
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
                ][:80]
                wrong.append(f"{page.name}: {text} drawn with {sorted(others)}")
    shots = site.parent / "screenshots"
    shots.mkdir(exist_ok=True)
    browser.save_screenshot(str(shots / "zh-03.png"))
    assert not wrong, "\n".join(wrong[:10])
