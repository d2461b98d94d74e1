"""The stated figures, joined with what a reader needs beside them: indicator and unit names,
the area's name, and the source's publisher, script and quality.

Notebooks read numbers through `show()` (a table with the exact quote) and `value()`, so every
number in the prose is printed by a cell and carries its qualifier and period.
"""
from __future__ import annotations

import pandas as pd

from .areas import areas
from .tables import load
from .text import stated

# Kinds that are not achieved results: drawn hollow in charts, flagged in tables.
NOT_ACHIEVED = ("target", "expected", "plan")


def load_facts() -> pd.DataFrame:
    """facts.csv with indicator, unit, area and source columns added (left joins: no row lost)."""
    f = load("facts")
    ind = load("indicators")[["indicator_id", "name_zh", "name_en"]].rename(
        columns={"indicator_id": "indicator", "name_zh": "indicator_zh", "name_en": "indicator_en"})
    units = load("units")[["unit_id", "name_zh", "name_en", "numeral_scale", "short_zh", "short_en", "en_scale"]].rename(
        columns={"unit_id": "unit", "name_zh": "unit_zh", "name_en": "unit_en"})
    src = load("sources")[["source_id", "publisher", "publisher_en", "pub_date", "script", "quality"]]
    out = f.merge(ind, on="indicator", how="left").merge(units, on="unit", how="left")
    names = areas()[["name_zh", "name_en"]].rename(columns={"name_zh": "area_zh", "name_en": "area_en"})
    out = out.merge(names, left_on="adcode", right_index=True, how="left").merge(src, on="source_id", how="left")
    if len(out) != len(f):
        raise AssertionError("a join duplicated facts: check key uniqueness in data/")
    return out


def select(facts: pd.DataFrame, ids) -> pd.DataFrame:
    """Rows of the given fact_ids in the given order; raises naming any id not in the table."""
    ids = list(ids)
    known = set(facts["fact_id"])
    missing = [i for i in ids if i not in known]
    if missing:
        raise KeyError(f"no such fact_id in data/facts.csv: {missing}")
    return facts.set_index("fact_id").loc[ids].reset_index()


def value(facts: pd.DataFrame, fact_id: str) -> float:
    """The value of one fact; raises naming the id if it is not there."""
    return float(select(facts, [fact_id])["value"].iloc[0])


def show(rows: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Facts rows as a reader's table: the source's exact quote, the number as stated (with its
    qualifier), the period, the kind and the source id."""
    return pd.DataFrame({
        "fact": rows["fact_id"],
        "area": rows["area_zh"] if lang == "zh" else rows["area_en"],
        "entity": rows["entity"],
        "quote": rows["quote"],
        "stated": [stated(r, lang) for _, r in rows.iterrows()],
        "period": rows["ref_period"],
        "kind": rows["kind"],
        "source": rows["source_id"],
    }).set_index("fact")
