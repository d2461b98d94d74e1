"""The stated figures joined with what a reader needs beside them: indicator and unit
names, the area's name, and the source's publisher and quality.

Notebooks quote numbers through `show()` and `value()` so that every number in the prose
is printed by a cell (and so checked by nbval) and carries its qualifier and period.
"""
from __future__ import annotations

import pandas as pd

from .labels import pick
from .tables import load

# How each qualifier reads in front of or after a number, in each language.
_QUAL = {
    "zh": {"exact": "{v}{u}", "approx": "约{v}{u}", "over": "超{v}{u}", "more_than": "{v}多{u}", "at_least": "{v}{u}以上",
           "nearly": "近{v}{u}", "at_most": "前{v}{u}", "scale": "{v}{u}级"},
    "en": {"exact": "{v}{u}", "approx": "about {v}{u}", "over": "over {v}{u}", "more_than": "{v}+{u}",
           "at_least": "at least {v}{u}", "nearly": "nearly {v}{u}", "at_most": "top {v}{u}",
           "scale": "{v}{u} class"},
}
# Kinds that are not achieved results: drawn hollow in charts, flagged in tables.
NOT_ACHIEVED = ("target", "expected", "plan")


def areas() -> pd.DataFrame:
    """Counties and regions in one lookup of adcode -> Chinese and English name."""
    c = load("counties")[["adcode", "name_zh", "name_en"]]
    r = load("regions")[["adcode", "name_zh", "name_en"]]
    return pd.concat([c, r], ignore_index=True).rename(columns={"name_zh": "area_zh", "name_en": "area_en"})


def load_facts() -> pd.DataFrame:
    """facts.csv with indicator, unit, area and source columns added (left joins: no row lost)."""
    f = load("facts")
    ind = load("indicators")[["indicator_id", "name_zh", "name_en"]].rename(
        columns={"indicator_id": "indicator", "name_zh": "indicator_zh", "name_en": "indicator_en"})
    units = load("units")[["unit_id", "name_zh", "name_en", "factor", "base_unit", "short_zh", "short_en", "en_scale"]].rename(
        columns={"unit_id": "unit", "name_zh": "unit_zh", "name_en": "unit_en"})
    src = load("sources")[["source_id", "publisher", "publisher_en", "pub_date", "quality"]]
    out = f.merge(ind, on="indicator", how="left").merge(units, on="unit", how="left")
    out = out.merge(areas(), on="adcode", how="left").merge(src, on="source_id", how="left")
    if len(out) != len(f):
        raise AssertionError("a join duplicated facts: check key uniqueness in data/")
    return out


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}" if abs(v) < 1 else f"{v:,.2f}".rstrip("0").rstrip(".")


def stated(row, lang: str = "en") -> str:
    """A value with its qualifier and a short unit: 超3,300亿元 in Chinese, over 330 bn yuan in English
    (English rescales 亿 and 万 units by the unit's en_scale so readers need not)."""
    v = _number(row["value"] * (row["en_scale"] if lang == "en" else 1))
    unit = pick(row["short_zh"], row["short_en"], lang)
    unit = "" if pd.isna(unit) else unit
    template = _QUAL[lang][row["qualifier"]]
    if lang == "zh" and row["qualifier"] == "more_than" and unit[:1] in ("万", "亿"):
        v, unit = v + unit[0], unit[1:]  # 5亿多元, not 5多亿元
    if lang == "en" and unit and unit not in ("%", "×"):
        unit = " " + unit
    return template.format(v=v, u=unit)


def select(facts: pd.DataFrame, ids) -> pd.DataFrame:
    """Rows of the given fact_ids in the given order; raises naming any id not in the table."""
    ids = list(ids)
    missing = [i for i in ids if i not in set(facts["fact_id"])]
    if missing:
        raise KeyError(f"no such fact_id in data/facts.csv: {missing}")
    return facts.set_index("fact_id").loc[ids].reset_index()


def show(facts: pd.DataFrame, ids, lang: str = "en") -> pd.DataFrame:
    """A compact table of the given fact_ids, in the given order, for display in a notebook."""
    rows = select(facts, ids)
    return pd.DataFrame({
        "fact": rows["fact_id"],
        "area": rows["area_zh"] if lang == "zh" else rows["area_en"],
        "entity": rows["entity"],
        "indicator": rows["indicator_zh"] if lang == "zh" else rows["indicator_en"],
        "原文": [stated(r, "zh") for _, r in rows.iterrows()],
        "stated": [stated(r, "en") for _, r in rows.iterrows()],
        "period": rows["ref_period"],
        "kind": rows["kind"],
        "source": rows["source_id"],
    }).set_index("fact")


def value(facts: pd.DataFrame, fact_id: str) -> float:
    """The value of one fact; raises naming the id if it is not there."""
    return float(select(facts, [fact_id])["value"].iloc[0])

