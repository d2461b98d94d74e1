"""What the sources date, for a timeline: the dated events of data/events.csv (years that facts
state as numbers are linked there by fact_id), and the spans of plans, targets and programmes
whose period is an interval of years (facts.csv). A new row in either appears on the next rerun."""

from __future__ import annotations

import pandas as pd

from .tables import load


def _decimal(date: str) -> float:
    """'2023' -> 2023.5 (mid-year), '2024-05' -> 2024.375, '2025-05-28' -> 2025.40."""
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    day = parts[2] if len(parts) == 3 else 15
    return parts[0] + (parts[1] - 1) / 12 + (day - 0.5) / 365


def events(lang: str) -> pd.DataFrame:
    """Dated points from data/events.csv: x (decimal year), date as written, theme, short label,
    source_id, event_id."""
    e = load("events")
    rows = [
        dict(
            x=_decimal(r.date),
            date=r.date,
            theme=r.theme,
            label=r.label_zh if lang == "zh" else r.label_en,
            source_id=r.source_id,
            id=r.event_id,
        )
        for r in e.itertuples()
    ]
    return pd.DataFrame(rows).sort_values(["x", "id"]).reset_index(drop=True)


def spans(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Plans, targets and programmes that run over a stated interval of whole years, once per
    entity and interval: start, end (decimal years), theme, label, source_id."""
    rows = facts[
        facts["kind"].isin(["plan", "target", "policy"])
        & facts["ref_period"].fillna("").str.contains("/")
    ]
    out = []
    for (entity, period), group in rows.groupby(["entity", "ref_period"], sort=True):
        start, end = period.split("/")
        if len(start) != 4 or len(end) != 4 or start == end:
            continue
        r = group.iloc[0]
        en = (
            r["entity_en"]
            if isinstance(r["entity_en"], str) and r["entity_en"]
            else entity
        )
        out.append(
            dict(
                start=int(start),
                end=int(end) + 1,
                theme=r["theme"],
                label=entity if lang == "zh" else en,
                source_id=r["source_id"],
                id=r["fact_id"],
            )
        )
    return pd.DataFrame(
        out, columns=["start", "end", "theme", "label", "source_id", "id"]
    )
