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


def _versioned(label: str, when: str, lang: str) -> str:
    """A dataset's date is its version, set inside its label's bracket if it has one."""
    if lang == "zh":
        opening, closing, sep, version = "（", "）", "，", f"{when}版"
    else:
        opening, closing, sep, version = " (", ")", ", ", f"version {when}"
    if label.endswith(closing):
        return f"{label[: -len(closing)]}{sep}{version}{closing}"
    return f"{label}{opening}{version}{closing}"


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
    versioned: set[str] = set()  # a dataset or package: its date is a version, not news
    for s in ids:
        label = pick(src.at[s, "label_zh"], src.at[s, "label_en"], lang)
        dates.setdefault(label, []).append(src.at[s, "pub_date"])
        if src.at[s, "kind"] in ("dataset", "package"):
            versioned.add(label)
    sep, space = ("、", "") if lang == "zh" else (", ", " ")
    items = []
    for label, ds in dates.items():
        when = sep.join(published(d, lang) for d in sorted(set(ds)))
        if label in versioned:  # 人口普查县级数据（leiii/census，2023年7月13日版）
            items.append(_versioned(label, when, lang))
        else:
            items.append(f"{label}{space}{when}")
    return word("sources", lang), items, word("sources_separator", lang)


def source_line(source_ids, lang: str) -> str:
    """The whole line: "Sources: Zhejiang Daily 2024-08-22; …", "资料来源：《浙江日报》2024年8月22日；…"."""
    lead, items, sep = source_items(source_ids, lang)
    return lead + sep.join(items)
