"""The stated figures, joined with what a reader needs beside them: indicator and unit names,
the area's name, and the source's publisher, script and quality.

Notebooks select numbers by measure (`measure`, `latest`, `series`), never by fact id, so a
new row for a new period extends their tables and charts; zjcounty.words.table.show prints
rows for a reader, with the exact quote.
"""

from __future__ import annotations

import pandas as pd

from ..reading import numerals
from .areas import areas
from .tables import load

# Kinds that are not achieved results: drawn hollow in charts, flagged in tables.
NOT_ACHIEVED = ("target", "expected", "plan")


def load_facts() -> pd.DataFrame:
    """facts.csv with indicator, unit, area and source columns added (left joins: no row lost)."""
    f = load("facts")
    ind = load("indicators")[["indicator_id", "name_zh", "name_en"]].rename(
        columns={
            "indicator_id": "indicator",
            "name_zh": "indicator_zh",
            "name_en": "indicator_en",
        }
    )
    units = load("units")[
        [
            "unit_id",
            "name_zh",
            "name_en",
            "numeral_scale",
            "short_zh",
            "short_en",
            "en_scale",
        ]
    ].rename(columns={"unit_id": "unit", "name_zh": "unit_zh", "name_en": "unit_en"})
    src = load("sources")[
        ["source_id", "publisher", "publisher_en", "pub_date", "script", "quality"]
    ]
    out = f.merge(ind, on="indicator", how="left").merge(units, on="unit", how="left")
    names = areas()[["name_zh", "name_en"]].rename(
        columns={"name_zh": "area_zh", "name_en": "area_en"}
    )
    out = out.merge(names, left_on="adcode", right_index=True, how="left").merge(
        src, on="source_id", how="left"
    )
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


# --- measures: what charts select by (so a new row for a new period extends them) -------------


def _period_start(period: str) -> str:
    """Sortable start of a ref_period ('2024-01/2024-05' -> '2024-01'; blank -> '')."""
    return period.split("/")[0] if isinstance(period, str) else ""


def _position_in_quote(row) -> int:

    found = numerals.stating(
        row["quote"], row["value"], float(row.get("numeral_scale", 1) or 1), row["unit"]
    )
    return found[0].start if found else 0


def order(rows: pd.DataFrame) -> pd.DataFrame:
    """Points of one measure in time order. Dated points sort by period. Points that share one
    quote keep the quote's order ('从4%增长到4.6%': before, then after), which places an undated
    'before' correctly; quote groups sort by their earliest dated point, undated groups first."""
    if rows.empty:
        return rows
    rows = rows.assign(
        _start=rows["ref_period"].map(_period_start),
        _pos=[_position_in_quote(r) for _, r in rows.iterrows()],
    )
    first = rows.groupby("quote")["_start"].transform(
        lambda s: min((x for x in s if x), default="")
    )
    rows = rows.assign(_group=first)
    out = rows.sort_values(
        ["_group", "quote", "_pos", "_start", "fact_id"], kind="stable"
    )
    return out.drop(columns=["_start", "_pos", "_group"]).reset_index(drop=True)


def measure(
    facts: pd.DataFrame,
    indicator: str,
    adcode: str | None = None,
    entity: str | None = None,
    kinds=None,
) -> pd.DataFrame:
    """Every fact of one indicator (optionally one area, one entity, some kinds), in time order."""
    rows = facts[facts["indicator"] == indicator]
    if adcode is not None:
        rows = rows[rows["adcode"] == adcode]
    if entity is not None:
        rows = rows[rows["entity"] == entity]
    if kinds is not None:
        rows = rows[rows["kind"].isin(kinds)]
    return order(rows)


def latest(
    facts: pd.DataFrame,
    indicator: str,
    adcode: str | None = None,
    entity: str | None = None,
    kinds=("stock", "outcome", "rank", "policy", "event"),
) -> pd.Series:
    """The most recent reported fact of one measure; raises naming the measure if there is none."""
    rows = measure(facts, indicator, adcode, entity, kinds)
    if rows.empty:
        raise KeyError(
            f"no {indicator} fact for adcode={adcode} entity={entity} in data/facts.csv"
        )
    return rows.iloc[-1]


def _span(period) -> tuple[str, str] | None:
    """A ref_period as (first month, last month): '2023' -> ('2023-01', '2023-12'),
    '2024-01/2024-03' -> as written, '2024-08' -> one month; None when not stated."""
    if not isinstance(period, str) or not period:
        return None
    first, _, last = period.partition("/")
    last = last or first
    return (
        first if len(first) > 4 else f"{first}-01",
        last if len(last) > 4 else f"{last}-12",
    )


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def series(
    facts: pd.DataFrame, min_points: int = 2, kinds=("stock", "outcome")
) -> dict[tuple, pd.DataFrame]:
    """Every measure with at least `min_points` values for the same area and entity at different
    times: the before/after comparisons the sources make, keyed by (indicator, adcode, entity).

    Not a series: the same value for the same period from two sources (a corroboration, kept
    once), and periods that overlap (a quarter inside its year is a part, not a later point). An
    undated point counts only beside a dated one from the same quote ('从4%增长到4.6%')."""
    rows = facts[facts["kind"].isin(kinds)]
    out = {}
    for key, group in rows.groupby(
        ["indicator", "adcode", "entity"], dropna=False, sort=True
    ):
        group = group.drop_duplicates(["ref_period", "value"])
        spans = group["ref_period"].map(_span)
        dated = spans.notna()
        known = list(spans[dated])
        if any(_overlap(a, b) for i, a in enumerate(known) for b in known[i + 1 :]):
            continue
        group = group[dated | group["quote"].isin(set(group.loc[dated, "quote"]))]
        if len(group) >= min_points:
            out[key] = order(group)
    return out
