"""What the sources date, for a timeline: the dated events of data/events.csv (years that facts
state as numbers are linked there by fact_id), and the spans of plans, targets and programmes
whose period is an interval of years (facts.csv). A new row in either appears on the next rerun."""

from __future__ import annotations

import pandas as pd

from .tables import load


def _decimal(date: str) -> float:
    """'2024-05' -> 2024.375 (mid-month), '2025-05-28' -> 2025.40; '2023' -> 2023.0, the start
    of a year the source gives without a month."""
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 1:
        return float(parts[0])
    day = parts[2] if len(parts) == 3 else 15
    return parts[0] + (parts[1] - 1) / 12 + (day - 0.5) / 365


def events(lang: str) -> pd.DataFrame:
    """Dated points from data/events.csv: x (decimal year), end (x + 1 for an event dated only by
    its year: the year is all the source says, so it is drawn as the whole year, never as a
    made-up mid-year day), dated (month or day given), date as written, theme, short label,
    source_id, event_id."""
    e = load("events")
    rows = []
    for r in e.itertuples():
        x, dated = _decimal(r.date), "-" in str(r.date)
        rows.append(
            dict(
                x=x,
                end=x if dated else x + 1,
                dated=dated,
                date=r.date,
                theme=r.theme,
                label=r.label_zh if lang == "zh" else r.label_en,
                source_id=r.source_id,
                id=r.event_id,
            )
        )
    return pd.DataFrame(rows).sort_values(["x", "id"]).reset_index(drop=True)


def _base(name: str, sep: str) -> str:
    """A programme's name without the part a fact names: 乐清“十五五”发展部署（三大支撑） -> 乐清“十五五”发展部署."""
    return name.split(sep)[0].strip()


def spans(facts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Plans, targets and programmes that run over a stated interval of whole years, once per
    programme and interval (the parts of one plan, named in brackets, are one span): start, end
    (decimal years), theme, label, promised (a plan or target still to be done, drawn hatched,
    against a programme set and running), source_id."""
    rows = facts[
        facts["kind"].isin(["plan", "target", "policy"])
        & facts["ref_period"].fillna("").str.contains("/")
    ]
    rows = rows.assign(_base=rows["entity"].map(lambda n: _base(n, "（")))
    out = []
    for (entity, period), group in rows.groupby(["_base", "ref_period"], sort=True):
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
                label=entity if lang == "zh" else _base(en, " ("),
                promised=bool(group["kind"].isin(["plan", "target"]).all()),
                source_id=r["source_id"],
                id=r["fact_id"],
            )
        )
    return pd.DataFrame(
        out, columns=["start", "end", "theme", "label", "promised", "source_id", "id"]
    )
