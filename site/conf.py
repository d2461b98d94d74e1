"""Sphinx configuration for the reading site (`make site`), one file for both editions.
zjcounty/build/site.py stages each edition into build/site-src/<lang>/ (a mirror of the
repository's readable files) and builds from there, so links that work on GitHub
(../data/README.md) work on the site too. The Chinese edition is built with
`-D language=zh_CN`; zjcounty.build.site_sphinx sets what follows from the edition (title,
footer, Chinese search) and links every fact id to its source."""

from pathlib import Path

project = "Zhejiang county notebooks"
author = "the Zhejiang county notebooks contributors"
copyright = "the contributors; code MIT, tables CC BY 4.0"
language = "en"
# Chinese for theme words the themes leave untranslated (site/locale/zh_CN/LC_MESSAGES/sphinx.po)
# (absolute: Sphinx looks for the .js catalogue relative to the working folder)
locale_dirs = [str(Path(__file__).parent / "locale")]

extensions = ["myst_nb", "zjcounty.build.site_sphinx"]
root_doc = "index"
exclude_patterns = ["**/prose/**", "**.ipynb_checkpoints"]
templates_path = ["_templates"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"  # the notebooks are committed executed; the site shows their outputs
nb_output_stderr = "remove"
# A reading edition: prose, tables and figures. The code stays in the notebooks, where a reader
# who wants it runs it (the landing page says so).
nb_remove_code_source = True
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["zj.css"]
html_show_sourcelink = False
html_use_index = False  # the pages define no index entries: no empty index page
html_copy_source = False
html_theme_options = {
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "repository_url": "",
    "navigation_with_keys": False,
    "show_prev_next": True,
    # the link to the same page in the other edition, before the theme's buttons
    "article_header_end": ["zj-edition.html", "article-header-buttons.html"],
}
# The page's colour mode, set outright: from disk the theme otherwise logs an error about it.
html_context = {"default_mode": "light"}
# Nothing from the network: no MathJax from a CDN (the pages hold no mathematics).
mathjax_path = "mathjax-off.js"  # a local no-op, in case a page is ever flagged as holding math
