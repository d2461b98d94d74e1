"""How far the evidence for each mechanism goes, rung by rung:

1. mentioned      - a source says a county uses it (instruments.csv) or ties a number to it,
                    including the scheme's own settings (a fund's size, a review time it sets);
2. reported       - a number of what happened is reported: firms served, postings, space, money
                    spent, output (kind stock or outcome; promises and settings are not);
3. one firm       - a change after the mechanism began is reported for one firm (a case);
4. group or area  - a change after the mechanism began is reported for a group of firms, a county
                    or a group of counties;
5. comparison     - that change is also reported, for the same periods, for areas that do not
                    use the mechanism: the first rung at which an effect could be argued.

A change counts only when the source places it after the mechanism (facts.mechanism_timing is
"after"; for a before/after series, its latest point): a firm's growth that earned it land is
not a change the land made. Rungs are computed from the tables, so a new fact can move a
mechanism up. A rung reached means the sources report such a number; it never means the
mechanism caused it. Only policies (mechanisms.mechanism_type) belong in the headline counts:
an award, a market response or firms' own strategy is shown apart by the callers.
"""

from __future__ import annotations

import pandas as pd

from .facts import series

RUNGS = ("mentioned", "reported", "one_firm", "group_or_area", "comparison")
CHANGE_UNITS = ("multiple",)
CHANGE_WORDS = ("growth", "gain", "reduction")


def _is_change(row) -> bool:
    return row["unit"] in CHANGE_UNITS or any(
        w in row["indicator"] for w in CHANGE_WORDS
    )


def _after(row) -> bool:
    """The source places the number after the mechanism began."""
    return (
        row.get("mechanism_timing", "") == "after"
        if isinstance(row.get("mechanism_timing"), str)
        else False
    )


def ladder(
    facts: pd.DataFrame, instruments: pd.DataFrame, mechanisms: pd.DataFrame
) -> pd.DataFrame:
    """One row per mechanism: theme, the highest rung reached (1-5, 0 if none) and, per rung, the
    ids of the facts (or 'instruments') that reach it."""
    used = facts[facts["mechanism_id"].notna() & (facts["mechanism_id"] != "")]
    befores = series(facts)
    rows = []
    for m in mechanisms.itertuples():
        mine = used[used["mechanism_id"] == m.mechanism_id]
        evidence = {r: [] for r in RUNGS}
        if (instruments["mechanism_id"] == m.mechanism_id).any():
            evidence["mentioned"].append("instruments")
        evidence["mentioned"] += list(mine["fact_id"])
        reported = mine[mine["kind"].isin(["stock", "outcome"])]
        evidence["reported"] += list(reported["fact_id"])
        for _, r in reported.iterrows():
            if _is_change(r) and _after(r):
                firm = isinstance(r["case_id"], str) and r["case_id"]
                evidence["one_firm" if firm else "group_or_area"].append(r["fact_id"])
        for (indicator, adcode, _entity), points in befores.items():
            if not (points["mechanism_id"] == m.mechanism_id).any():
                continue
            if not _after(points.iloc[-1]):
                continue
            firm = points["case_id"].fillna("").astype(bool).any()
            evidence["one_firm" if firm else "group_or_area"] += list(points["fact_id"])
            users = set(
                instruments.loc[instruments["mechanism_id"] == m.mechanism_id, "adcode"]
            ) | {adcode}
            periods = set(points["ref_period"].dropna())
            others = facts[
                (facts["indicator"] == indicator)
                & ~facts["adcode"].isin(users)
                & facts["ref_period"].isin(periods)
            ]
            if len(others) >= 2:
                evidence["comparison"] += list(points["fact_id"]) + list(
                    others["fact_id"]
                )
        top = max((i + 1 for i, r in enumerate(RUNGS) if evidence[r]), default=0)
        rows.append(
            dict(
                mechanism_id=m.mechanism_id,
                theme=m.theme,
                mechanism_type=m.mechanism_type,
                name_zh=m.name_zh,
                name_en=m.name_en,
                rung=top,
                **{r: sorted(set(evidence[r])) for r in RUNGS},
            )
        )
    return pd.DataFrame(rows)
