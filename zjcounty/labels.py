"""Figure text in both languages from one table (data/labels.csv), so each figure is drawn by
one piece of code and only its words differ."""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .paths import DATA


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    return pd.read_csv(DATA / "labels.csv", dtype=str, keep_default_na=False)


class Labels(dict):
    """Labels of one figure in one language; a missing key names the figure and the key."""

    def __init__(self, figure_id: str, lang: str):
        t = _table()
        rows = t[t["figure_id"] == figure_id]
        if rows.empty:
            raise KeyError(f"data/labels.csv: no labels for figure {figure_id!r}")
        super().__init__(zip(rows["key"], rows[lang]))
        self.figure_id, self.lang = figure_id, lang

    def __missing__(self, key):
        raise KeyError(f"data/labels.csv: figure {self.figure_id!r} has no label {key!r}")


def pick(zh: str, en: str, lang: str) -> str:
    """Choose between a row's Chinese and English name columns."""
    return zh if lang == "zh" else en
