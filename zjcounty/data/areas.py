"""Counties, regions, groups and the mountain-county lists, as notebooks need them.

The lists are stored tidily (data/mountain_lists.csv: one row per member per list, each named
by a source or derived); `counties()` turns them into one true/false column per list, so a
notebook can write `counties().query("mountain26_2021")`.
"""

from __future__ import annotations

import pandas as pd

from .tables import load

LISTS = ("mountain26_2021", "mountain_island25_2024", "mountain_island22_2025")


def counties() -> pd.DataFrame:
    """counties.csv indexed by adcode, with one boolean column per mountain list."""
    c = load("counties").set_index("adcode")
    members = load("mountain_lists")
    for name in LISTS:
        c[name] = c.index.isin(members.loc[members["list_id"] == name, "adcode"])
    return c


def areas() -> pd.DataFrame:
    """Counties, prefectures, the province and groups in one lookup: adcode -> names and level."""
    c = load("counties")[
        ["adcode", "name_zh", "name_short_zh", "name_en", "name_short_en"]
    ].assign(level="county")
    r = load("regions")[["adcode", "name_zh", "name_en", "level"]]
    r = r.assign(name_short_zh=r["name_zh"], name_short_en=r["name_en"])
    return pd.concat([c, r], ignore_index=True).set_index("adcode")


def pairs() -> pd.DataFrame:
    """pairs.csv with both counties' short names in Chinese and English."""
    p = load("pairs")
    names = load("counties").set_index("adcode")[["name_short_zh", "name_short_en"]]
    for side in ("industrial", "mountain"):
        p = p.join(names.add_prefix(f"{side}_"), on=f"{side}_adcode")
    return p
