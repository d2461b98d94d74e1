"""The words of figures and tables, in Chinese and English, from data/labels.csv.

Two languages, `LANGS`; each notebook says which one it shows in its parameters cell
(`lang = "en"`; the Chinese edition is made with `lang = "zh"`, zjcounty.build.edition).
"""

from __future__ import annotations

from ..data.tables import load

LANGS = ("zh", "en")


def pick(zh: str, en: str, lang: str) -> str:
    """Choose between a row's Chinese and English columns."""
    return zh if lang == "zh" else en


class Labels(dict):
    """The labels of one figure in one language; a missing key names the figure and the key.
    Read afresh each time (tables.load keeps a parsed copy per content), so an edit to
    labels.csv shows on the next run of a cell."""

    def __init__(self, figure_id: str, lang: str):
        table = load("labels")
        rows = table[table["figure_id"] == figure_id]
        if rows.empty:
            raise KeyError(f"data/labels.csv: no labels for figure {figure_id!r}")
        super().__init__(zip(rows["key"], rows[lang]))
        self.figure_id, self.lang = figure_id, lang

    def __missing__(self, key):
        raise KeyError(
            f"data/labels.csv: figure {self.figure_id!r} has no label {key!r}"
        )


def word(key: str, lang: str) -> str:
    """A word shared by all figures (labels.csv, figure_id `common`)."""
    return Labels("common", lang)[key]
