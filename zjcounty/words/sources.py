"""The "Sources:" line under a figure, from data/sources.csv."""

from __future__ import annotations

from ..data.tables import load
from .labels import pick, word


def published(d: str, lang: str) -> str:
    """A publication date as each language writes it: 2023-07-07, or 2023年7月7日 in Chinese."""
    if lang != "zh":
        return d
    parts = d.split("-")
    units = ("年", "月", "日")
    return "".join(
        f"{int(x) if i else x}{u}" for i, (x, u) in enumerate(zip(parts, units))
    )


def source_items(source_ids, lang: str) -> tuple[str, list[str], str]:
    """("Sources: ", ["Zhejiang Daily 2024-08-22, 2025-02-25", …], "; ") for the given sources:
    one publisher label once with its dates in order, publishers in first-seen order. Each item
    is kept on one line when a figure wraps the line (a name never parted from its date)."""
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
    sep, space = ("、", "") if lang == "zh" else (", ", " ")
    items = [
        f"{label}{space}{sep.join(published(d, lang) for d in sorted(set(ds)))}"
        for label, ds in dates.items()
    ]
    return word("sources", lang), items, word("sources_separator", lang)


def source_line(source_ids, lang: str) -> str:
    """The whole line: "Sources: Zhejiang Daily 2024-08-22; …", "资料来源：《浙江日报》2024年8月22日；…"."""
    lead, items, sep = source_items(source_ids, lang)
    return lead + sep.join(items)
