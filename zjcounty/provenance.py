"""Source lines for figures, built from data/sources.csv so a figure names the documents
its numbers came from without anyone retyping publishers and dates."""
from __future__ import annotations

from .labels import pick
from .tables import load

_PREFIX = {"zh": "资料来源：", "en": "Sources: "}
_SEP = {"zh": "；", "en": "; "}


def source_line(source_ids, lang: str) -> str:
    src = load("sources").set_index("source_id")
    unknown = [s for s in source_ids if s not in src.index]
    if unknown:
        raise KeyError(f"data/sources.csv has no source_id {unknown}")
    parts = []
    for sid in dict.fromkeys(source_ids):  # keep order, drop repeats
        row = src.loc[sid]
        publisher = pick(row["label_zh"], row["label_en"], lang)
        parts.append(f"{publisher} {row['pub_date']}")
    return _PREFIX[lang] + _SEP[lang].join(parts)
