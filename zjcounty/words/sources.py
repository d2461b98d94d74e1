"""The "Sources:" line under a figure, from data/sources.csv."""

from __future__ import annotations

from ..data.tables import load
from .labels import pick, word


def source_line(source_ids, lang: str) -> str:
    """ "Sources: Zhejiang Daily 2024-08-22, 2025-02-25; …" for the given sources: one publisher
    label once, its dates in order, publishers in first-seen order."""
    src = load("sources").set_index("source_id")
    ids = list(dict.fromkeys(source_ids))
    unknown = [s for s in ids if s not in src.index]
    if unknown:
        raise KeyError(f"data/sources.csv has no source_id {unknown}")
    dates: dict[str, list[str]] = {}
    for s in ids:
        dates.setdefault(
            pick(src.at[s, "label_zh"], src.at[s, "label_en"], lang), []
        ).append(src.at[s, "pub_date"])
    sep = "、" if lang == "zh" else ", "
    parts = [f"{label} {sep.join(sorted(set(d)))}" for label, d in dates.items()]
    return word("sources", lang) + word("sources_separator", lang).join(parts)
