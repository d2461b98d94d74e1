"""Facts as a reader's table: the exact quote, the number as stated, its period and kind."""

from __future__ import annotations

import pandas as pd

from .labels import Labels, pick
from .numbers import period, stated


def show(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Facts rows as a reader's table, in the notebook's language: the source's exact quote (with an
    English gloss in English), the number as stated with its qualifier, the period (or 'not
    stated'), the kind and the source id."""
    w = Labels("common", lang)
    when = [period(r, lang) for r in rows["ref_period"]]
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
        w["col_period"]: when,
        w["col_kind"]: [w[f"kind_{k}"] for k in rows["kind"]],
        w["col_source"]: rows["source_id"].to_numpy(),
    }
    return pd.DataFrame(table, index=pd.Index(rows["fact_id"], name=w["col_fact"]))


def of(part, whole, lang: str = "en") -> str:
    """A count printed with its whole, '24 / 29' ('24/29' in Chinese), so that a sentence
    quoting '24 of 29' is checked against one printed value (tests/test_prose_numbers.py)."""
    return f"{part}/{whole}" if lang == "zh" else f"{part} / {whole}"


def ids(fact_ids, lang: str = "en") -> str:
    """Fact ids as a list each language writes: 'F014, F015' or 'F014、F015'."""
    return ("、" if lang == "zh" else ", ").join(
        i for i in fact_ids if i != "instruments"
    )
