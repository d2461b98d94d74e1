"""Facts as a reader's table: the exact quote, the number as stated, its period and kind."""

from __future__ import annotations

import pandas as pd

from .labels import Labels, pick
from .numbers import stated


def show(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Facts rows as a reader's table, in the notebook's language: the source's exact quote (with an
    English gloss in English), the number as stated with its qualifier, the period (or 'not
    stated'), the kind and the source id."""
    w = Labels("common", lang)
    period = (
        rows["ref_period"].fillna("").astype(str).replace("", w["period_not_stated"])
    )
    entity = (
        rows["entity"] if lang == "zh" else rows["entity_en"].fillna(rows["entity"])
    )
    table = {
        w["col_area"]: [
            pick(z, e, lang)
            for z, e in zip(rows["area_zh"].fillna("—"), rows["area_en"].fillna("—"))
        ],
        w["col_entity"]: entity.to_numpy(),
        w["col_quote"]: rows["quote"].to_numpy(),
    }
    if lang == "en":
        table[w["col_gloss"]] = rows["quote_en"].to_numpy()
    table |= {
        w["col_stated"]: [stated(r, lang) for _, r in rows.iterrows()],
        w["col_period"]: period.to_numpy(),
        w["col_kind"]: [w[f"kind_{k}"] for k in rows["kind"]],
        w["col_source"]: rows["source_id"].to_numpy(),
    }
    return pd.DataFrame(table, index=pd.Index(rows["fact_id"], name=w["col_fact"]))
