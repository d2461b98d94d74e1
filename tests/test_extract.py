"""`python -m zjcounty extract`: numbers read in context, qualifiers, periods, units, areas,
quotes the validator accepts, the seeds' defects, bad input, and never writing into data/.

Most tests call `extract()` on a sentence or two (fast, no subprocess); one subprocess run
checks that bad input gives one line and no traceback."""

import csv
import io
import json
import shutil
import subprocess
import sys
from functools import cache

import pandas as pd
import pytest

from zjcounty.__main__ import main
from zjcounty.curate import extract as ex
from zjcounty.curate.periods import parse_date
from zjcounty.data.schema import resource
from zjcounty.paths import DATA, ROOT

SEEDS = {
    row["source_id"]: row
    for row in csv.DictReader(
        io.StringIO((DATA / "sources.csv").read_text(encoding="utf-8"))
    )
    if row["kind"] == "seed"
}


def rows_of(text: str, date: str | None = None, source_id: str = "") -> list[dict]:
    return ex.extract(text, source_id, parse_date(date) if date else None)[0]


def one(text: str, value: str, date: str | None = None) -> dict:
    """The single candidate with this value."""
    found = [r for r in rows_of(text, date) if r["value"] == value]
    assert len(found) == 1, [(r["value"], r["quote"]) for r in rows_of(text, date)]
    return found[0]


@cache
def seed_rows(source_id: str) -> tuple[dict, ...]:
    src = SEEDS[source_id]
    text = (ROOT / src["path"]).read_text(encoding="utf-8")
    return tuple(ex.extract(text, source_id, parse_date(src["pub_date"]))[0])


# --- numbers in context ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("今年全县新增企业一百零五家。", "105", "enterprises", "exact"),  # 零
        ("工业总产值突破3300亿元。", "3300", "cny_100m", "over"),  # 亿 in the unit
        (
            "省科技型中小企业数突破1.4万家。",
            "14000",
            "enterprises",
            "over",
        ),  # 万 with no 万-unit: scaled
        (
            "新增成果转化项目合作金额超千万元。",
            "1000",
            "cny_10k",
            "over",
        ),  # 千万 -> 万元
        ("大孵化器集群面积超百万平方米。", "100", "sqm_10k", "over"),
        (
            "日产布料达三万米。",
            "30000",
            "metres_per_day",
            "exact",
        ),  # 三万米, a daily rate
        ("刚完成1060万米产能试生产。", "1060", "metres_10k", "exact"),
        ("每月只需141元。", "141", "cny_per_month", "exact"),
        ("全社会用电量突破100亿千瓦时。", "100", "kwh_100m", "over"),
        ("审查时间从3个工作日压减。", "3", "working_days", "exact"),
        (
            "近三分之一为中小微企业。",
            "0.3333",
            "ratio",
            "nearly",
        ),  # a fraction, four places
        ("规上工业增加值增长11.5%。", "11.5", "percent", "exact"),
        ("企业占比百分之二十。", "20", "percent", "exact"),
        ("拥有200多个系列。", "200", "product_lines", "more_than"),
        ("组件出货量超210GW+。", "210", "gw", "over"),
        ("牵头承担项目近60项。", "60", "items", "nearly"),
        ("新增入孵企业1155个以上。", "1155", "items", "at_least"),
        ("我们要用约2年的时间。", "2", "years", "approx"),
        ("占全市比重都在4.2%左右。", "4.2", "percent", "approx"),
        ("新培育两大千亿级产业集群。", "1000", "cny_100m", "scale"),
        ("数量稳居全省前三。", "3", "rank", "at_most"),
        ("最新位列全国百强县第16位。", "16", "rank", "exact"),
        (
            "已有12家青年创客团队入驻。",
            "12",
            "items",
            "exact",
        ),  # 家 counting teams, not firms
        ("实现18个结对联合体共建产业合作园区全覆盖。", "18", "county_pairs", "exact"),
        (
            "低压电气产业约占全国市场份额的65%。",
            "65",
            "percent",
            "approx",
        ),  # 约 before the verb
    ],
)
def test_value_unit_and_qualifier(text, value, unit, qualifier):
    row = one(text, value)
    assert (row["unit"], row["qualifier"]) == (unit, qualifier)


def test_no_unit_fits_leaves_unit_blank_and_says_so():
    row = one("单线月产能突破120万级。", "1200000")
    assert (
        row["unit"] == ""
        and "unit left blank" in row["why"]
        and row["confidence"] == "low"
    )


def test_years_and_dates_are_never_quantities():
    rows = rows_of(
        "2025年11月18日，公司发布了芯片。2023年，全县新增企业30家。预计2026年9月迎来首批学子。"
    )
    assert [(r["value"], r["unit"]) for r in rows] == [("30", "enterprises")]


def test_a_year_something_happened_in_is_an_event_with_unit_year():
    row = one("2019年，乐清在杭州成立创新基地。", "2019")
    assert (row["unit"], row["kind"], row["ref_period"], row["period_basis"]) == (
        "year",
        "event",
        "2019",
        "stated",
    )


def test_ranges_are_not_proposed_and_are_counted():
    rows, _, skipped = ex.extract("一下子省下三四十万元的初创成本，每月三四趟。")
    assert rows == [] and skipped["range"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "一是做稳做优“存量”，二是精准定位。",  # enumeration
        "围绕“1+4+N”产业链和“5+5+N”产业、“3+X”科创体系。",  # programme names
        "聚焦省“415X”先进制造业集群和“315”科技创新体系。",
        "推出“11365”助企服务体系。",
        "钱江晚报 a0002版。生产5G配套零部件。",  # codes
        "义乌集聚了数万家各类企业。",  # vague
        "一批企业、一家家银行、华山一条路。",  # the article 一
        "第三方评估审查、第二生产基地、全省第三极。",  # ordinals that are not ranks
        "制定三年行动方案。",  # a plan's title
        "上半年规上工业增长较快。",  # 半 in 上半年
        "下午三点五十分，会议开始。",  # a clock time
    ],
)
def test_noise_is_not_proposed(text):
    assert rows_of(text) == []


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, period, basis",
    [
        (
            "今年，乐清共走访企业2093家次。",
            "2093",
            "2024-01/2024-05",
            "relative",
        ),  # year to date
        ("去年，全市新增企业30家。", "30", "2023", "relative"),
        ("前年，全市新增企业30家。", "30", "2022", "relative"),
        ("2023年，全市新增企业30家。", "30", "2023", "stated"),
        ("目前，全市已有企业300家。", "300", "2024-05", "publication"),
        (
            "全市有企业300家。",
            "300",
            "2024-05",
            "publication",
        ),  # no time word: as of the article's date
        (
            "今年一季度经济成绩单显示，乐清GDP达409.08亿元。",
            "409.08",
            "2024-01/2024-03",
            "relative",
        ),
        (
            "截至上半年，遂昌已有40家企业完成诊断。",
            "40",
            "2024-06",
            "relative",
        ),  # 截至: as of the end
        ("截至去年底，设备价值达5344万元。", "5344", "2023-12", "relative"),
        (
            "数据显示，2025年1—11月，乐清规上工业增加值增长11.5%。",
            "11.5",
            "2025-01/2025-11",
            "stated",
        ),
        ("“十四五”期间，乐清承接国家级重大改革试点15个。", "15", "2021/2025", "stated"),
        (
            "《实施方案(2024—2026年)》提出:到2026年，全市新增孵化空间104万平方米。",
            "104",
            "2024/2026",
            "stated",
        ),
        ("占全省比重从2022年的8.0%提高到了2023年的9.3%。", "8", "2022", "stated"),
        (
            "天台，去年荣获天工鼎，拥有省级以上专精特新企业48家。",
            "48",
            "2024-05",
            "publication",
        ),  # 去年 is the award's
        (
            "今年5月，项目竣工投产，达产后可以每年贡献15亿元产值。",
            "15",
            "",
            "not_stated",
        ),  # a forecast
    ],
)
def test_period_and_basis(text, value, period, basis):
    row = one(text, value, date="2024-05-20")
    assert (row["ref_period"], row["period_basis"]) == (period, basis), row["why"]


def test_relative_and_present_periods_need_a_date():
    row = one("目前，全市已有企业300家。", "300")
    assert (row["ref_period"], row["period_basis"]) == (
        "",
        "not_stated",
    ) and "--date" in row["note"]


def test_the_date_defaults_to_the_sources_publication_date(tmp_path, capsys):
    src = SEEDS["seed000"]
    assert main(["extract", str(ROOT / src["path"]), "--source-id", "seed000"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    gdp = next(r for r in rows if r["value"] == "409.08")
    assert gdp["ref_period"] == f"{src['pub_date'][:4]}-01/{src['pub_date'][:4]}-03"


# --- kinds, areas, entities ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, kind",
    [
        ("到2026年，全市新增孵化空间104万平方米。", "104", "target"),
        ("预计合作项目金额超10亿元。", "10", "expected"),
        ("方案提出七大行动。", "7", "plan"),
        ("出台了支持传统产业转型升级的“33条”政策。", "33", "policy"),
        ("2023年产值平均增长15%。", "15", "outcome"),
        ("累计使用近千次。", "1000", "stock"),
        ("最新位列全国百强县第16位。", "16", "rank"),
    ],
)
def test_kind_guess(text, value, kind):
    assert one(text, value)["kind"] == kind


def test_area_and_entity_guesses():
    row = one(
        "乐清市柳市镇的浙江俊朗电气自动化股份有限公司组建了20多人的专业技术团队。", "20"
    )
    assert (
        row["adcode"] == "330382" and row["entity"] == "浙江俊朗电气自动化股份有限公司"
    )
    rank = one(
        "海宁上半年规上工业R&D经费总量位列嘉兴第一。", "1"
    )  # 嘉兴 frames the rank
    assert rank["adcode"] == "330481" and rank["unit"] == "rank"
    local = one("温州是民营经济发祥地。目前，全市高新技术企业已增至3700多家。", "3700")
    assert local["adcode"] == "330300"  # 全市 is the article's area


def test_scope_and_group_follow_the_descriptor_and_regions():
    """An aggregate of several areas gets the group row of regions.csv that names it."""
    fields = {f.name: f for f in resource("facts").fields}
    groups = pd.read_csv(DATA / "regions.csv", dtype=str).query("level == 'group'")
    if "scope" not in fields or not groups["name_zh"].str.contains("18个山区县").any():
        pytest.skip(
            "this schema has no scope column or regions.csv no group for the 18 mountain counties"
        )
    row = one("2023年，18个山区县制造业投资额达到675.9亿元。", "675.9")
    assert (
        row["scope"] == "group" and row["scope"] in fields["scope"].constraints["enum"]
    )
    assert (
        row["adcode"]
        == groups.loc[groups["name_zh"].str.contains("18个山区县"), "adcode"].iloc[0]
    )


# --- the seeds' defects, scripts, quotes ------------------------------------------------------


def test_traditional_text_keeps_its_characters_in_the_quote():
    row = one(
        "目前全市近140萬市場主體中，近三分之一為中小微企業。", "140", date="2023-07-07"
    )
    assert row["quote"] == "目前全市近140萬市場主體中"
    assert (row["unit"], row["qualifier"], row["ref_period"]) == (
        "market_entities_10k",
        "nearly",
        "2023-07",
    )


def test_a_sentence_broken_across_lines_is_read_whole():
    text = "乐清深化校企合作,引导企业加大创新项目开展力度,提高科技成果转化实效,帮助企\n\n业解决问题120个。"
    row = one(text, "120")
    assert row["quote"] == "帮助企业解决问题120个" and row["line"] == "3"


def test_a_no_break_space_inside_a_number_phrase():
    row = one(
        "截至今年6月,浙江已经实现18\u00a0个结对联合体共建产业合作园区全覆盖。",
        "18",
        date="2024-08-22",
    )
    assert (
        row["quote"] == "浙江已经实现18个结对联合体共建产业合作园区全覆盖"
        and row["ref_period"] == "2024-06"
    )


def test_a_repeated_paragraph_and_a_headline_are_proposed_once():
    para = "目前，已选派“科技副总”179人次，攻克技术难题百余项。"
    head = "产业焕新升级 工业总产值突破3300亿元\n\n目前，乐清工业总产值突破3300亿元。"
    text = f"{head}\n\n{para}\n\n其他段落。\n\n{para}\n"
    rows, _, skipped = ex.extract(text, "", (2026, 1))
    assert [r["value"] for r in rows] == ["3300", "179", "100"]
    assert (
        rows[0]["line"] == "3" and "also stated at line 1" in rows[0]["why"]
    )  # the prose, not the headline
    assert skipped["repeated block"] == 1


@pytest.mark.parametrize(
    "text, value, quote",
    [
        (
            "截至目前，乐清已拥有国家级企业技术中心2家、省级54家、市级122家。",
            "54",
            "省级54家",
        ),
        (
            "产品结构扩展到200多个系列、6000多个种类、25000多种型号的规格产品。",
            "6000",
            "6000多个种类",
        ),
        (
            "两年多来,两地在产销研发等领域开展密切的跨省合作。",
            "2",
            "两年多来,两地在产销研发等领域开展密切的跨省合作",
        ),
    ],
)
def test_the_quote_is_the_shortest_phrase(text, value, quote):
    assert one(text, value)["quote"] == quote


@pytest.mark.parametrize("source_id", sorted(SEEDS))
def test_every_quote_from_a_seed_passes_the_validators_quote_and_value_rules(source_id):
    """The validator's own rules (zjcounty.check.rules), run on the candidates as facts rows."""
    from zjcounty.check import rules
    from zjcounty.check.validate import Reporter

    rows = seed_rows(source_id)
    curated = pd.read_csv(DATA / "facts.csv", dtype=str, keep_default_na=False)
    assert len(rows) >= 0.8 * (curated["source_id"] == source_id).sum() > 0
    facts = pd.DataFrame(
        [
            {
                k: r.get(k, "")
                for k in ("source_id", "value", "unit", "qualifier", "quote")
            }
            for r in rows
        ]
    )
    tables = {
        "facts": facts,
        "units": pd.read_csv(DATA / "units.csv", dtype=str, keep_default_na=False),
        "sources": pd.read_csv(DATA / "sources.csv", dtype=str, keep_default_na=False),
    }
    rep = Reporter("data")
    seeds = {source_id: ROOT / SEEDS[source_id]["path"]}
    misquoted = rules.check_quotes(tables, {"facts": "facts.csv"}, seeds, rep)
    rules.check_values_and_qualifiers(
        facts, tables, {"facts": "facts.csv"}, rep, skip=misquoted.get("facts", set())
    )
    assert [str(p) for p in rep.problems] == []
    assert all(4 <= len(r["quote"]) <= 50 for r in rows), [
        r["quote"] for r in rows if not 4 <= len(r["quote"]) <= 50
    ]


def test_the_quote_check_can_fail():
    """Guards the test above: a changed quote is refused by the same rules."""
    from zjcounty.check import rules
    from zjcounty.check.validate import Reporter

    row = dict(seed_rows("seed000")[0])
    facts = pd.DataFrame(
        [
            {
                "source_id": "seed000",
                "value": row["value"],
                "unit": row["unit"],
                "qualifier": row["qualifier"],
                "quote": row["quote"] + "九",
            }
        ]
    )
    rep = Reporter("data")
    rules.check_quotes(
        {"facts": facts},
        {"facts": "facts.csv"},
        {"seed000": ROOT / SEEDS["seed000"]["path"]},
        rep,
    )
    assert len(rep.problems) == 1


def test_output_columns_follow_the_descriptor(tmp_path):
    """Review columns first and last, the facts columns of whatever descriptor is given between."""
    shutil.copytree(DATA, tmp_path / "data")
    desc_path = tmp_path / "data" / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    facts = next(r for r in desc["resources"] if r["name"] == "facts")
    facts["schema"]["fields"] = [
        f
        for f in facts["schema"]["fields"]
        if f["name"] not in ("entity_en", "quote_en")
    ]
    facts["schema"]["fields"].append({"name": "reviewer", "type": "string"})
    desc_path.write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")
    rows, columns, _ = ex.extract("全市新增企业30家。", data_dir=tmp_path / "data")
    expected = [f["name"] for f in facts["schema"]["fields"]]
    assert columns == list(ex.REVIEW_FIRST) + expected + list(ex.REVIEW_LAST)
    assert rows[0]["reviewer"] == "" and "quote_en" not in rows[0]


def test_same_input_same_bytes():
    text = (ROOT / SEEDS["seed001"]["path"]).read_text(encoding="utf-8")
    runs = [
        ex.to_csv(*ex.extract(text, "seed001", (2026, 1))[:2]).encode()
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and runs[0].startswith(b"candidate,confidence,fact_id,")


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, problem",
    [
        (
            "乐清新增企业30家".encode("gb18030"),
            "not UTF-8 (byte 0xc0 at offset 0, line 1); convert it to UTF-8 first",
        ),
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x00\x01\x02PK\x03\x04", "binary file (NUL bytes), not a UTF-8 article"),
        (b"Hello, world: 42 apples in 2024.", "no Chinese text, not an article"),
        ("这是没有数字的文章。".encode(), "no number in the text, nothing to extract"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path, capsys, content, problem):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err == f"{path}: {problem}\n"


def test_a_missing_file_and_a_bad_date(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "none.txt")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'none.txt'}: no such file\n"
    (tmp_path / "a.txt").write_text("全市新增企业30家。", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--date", "2024-13"]) == 1
    assert (
        capsys.readouterr().err == "--date 2024-13: not a date YYYY-MM-DD or YYYY-MM\n"
    )


def test_bad_input_from_the_command_line_has_no_traceback(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("乐清".encode("gb18030"))
    run = subprocess.run(
        [sys.executable, "-m", "zjcounty", "extract", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (
        run.returncode == 1 and run.stdout == "" and len(run.stderr.splitlines()) == 1
    )
    assert "Traceback" not in run.stderr


def test_extract_never_writes_into_data(tmp_path, capsys):
    seed = str(ROOT / SEEDS["seed002"]["path"])
    for target in (DATA / "candidates.csv", DATA / "geo" / "x.csv"):
        assert main(["extract", seed, "-o", str(target)]) == 1
        assert capsys.readouterr().err.startswith(
            f"{target}: refusing to write inside the data folder"
        )
        assert not target.exists()
    out = tmp_path / "candidates.csv"
    assert main(["extract", seed, "--source-id", "seed002", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("candidate,confidence,")


def test_a_decimal_in_words_is_proposed_whole():
    row = one("1至11月，全市规上工业增加值增长百分之十二点五。", "12.5")
    assert row["unit"] == "percent" and row["quote"].endswith("百分之十二点五")


# --- the document, not the sentence ------------------------------------------------------------


def test_a_bulletin_s_year_is_the_default_for_every_figure():
    """The title 2023年…统计公报 sets 2023 for a figure with no time word, and 二季度 is 2023's
    second quarter even without a publication date; the why column names the default."""
    text = (
        "2023年泰顺县国民经济和社会发展统计公报\n"
        "全县生产总值157.6亿元，比上年增长7.8%。一季度增长7.5，二季度增长8.3%。\n"
        "年末全县户籍总人口36.53万人。全年出生人口2115人。"
    )
    gdp = one(text, "157.6")
    assert (gdp["ref_period"], gdp["period_basis"]) == ("2023", "stated")
    assert "by default" in gdp["why"] and "统计公报" in gdp["why"]
    assert one(text, "8.3")["ref_period"] == "2023-04/2023-06"
    q1 = one(text, "7.5")  # no % sign, beside growth rates that have one
    assert q1["unit"] == "percent" and "no % sign" in q1["why"]
    assert one(text, "36.53")["kind"] == "stock"  # a year-end level
    assert one(text, "2115")["kind"] == "outcome"  # a year's births


def test_a_review_s_opening_quarter_is_the_default():
    text = "今年以来，全市上下奋力拼搏。一季度，全市经济运行开局良好。\n初步核算，全市生产总值47.92亿元，同比增长7.8%。"
    gdp = one(text, "47.92", "2025-05")
    assert (gdp["ref_period"], gdp["period_basis"]) == ("2025-01/2025-03", "relative")


def test_a_paragraph_s_opening_period_carries_to_its_sentences():
    text = "2023年，全县新增企业30家。新签约项目12个。\n目前全县有企业500家。"
    assert one(text, "12", "2024-03")["ref_period"] == "2023"
    assert one(text, "500", "2024-03")["ref_period"] == "2024-03"  # a new paragraph


def test_an_event_date_inside_a_statement_does_not_open_a_paragraph():
    text = "在2022年的对接活动上，两地签订了协议。两年多来，两地合作项目12个。"
    assert one(text, "12", "2024-05")["ref_period"] == "2024-05"


def test_a_comparison_base_is_not_the_figure_s_period():
    """比上年增长9.1%: 上年 is what the figure is compared with. In an article that opens by
    reporting a half-year's data, the rate is that half-year's, inferred from the opening."""
    text = (
        "会员登录\n上半年GDP增速全市第一\n"
        "近日，2023年上半年相关经济数据出台。全县地区生产总值71.38亿元，比上年增长9.1%。\n"
        "全县工业增加值24.98亿元，增长9.6%。"
    )
    rate = one(text, "9.1", "2023-08")
    assert (rate["ref_period"], rate["period_basis"]) == ("2023-01/2023-06", "inferred")
    assert one(text, "24.98", "2023-08")["ref_period"] == "2023-01/2023-06"
    alone = one("全县生产总值71.38亿元，比上年增长9.1%。", "9.1", "2023-08")
    assert alone["ref_period"] == "2023-08" and "上年" not in alone["why"]


def test_a_place_inside_an_event_or_a_bureau_s_name_does_not_set_the_county():
    text = (
        "2022浙江泵与电机展览会在温岭开幕。台州市商务局副局长出席开幕式。\n"
        "展会吸引了350多家企业参展。浙江泵与电机展览会已举办16届。"
    )
    rows = ex.extract(text, "", (2022, 8), source={"adcode": "331081"})[0]
    by_value = {r["value"]: r for r in rows}
    assert by_value["350"]["adcode"] == "331081", by_value["350"]["why"]
    assert by_value["16"]["adcode"] == "331081", by_value["16"]["why"]
    assert by_value["16"]["entity"] == "浙江泵与电机展览会"


def test_a_town_is_filed_under_its_county_and_says_so():
    row = one("北白象镇今年新增企业30家。", "30", "2026-01")
    assert row["adcode"] == "330382" and "北白象镇（乐清市）" in row["why"]


def test_a_place_inside_a_company_s_name_does_not_set_the_county():
    row = one("在景宁，乐清正泰电器有限公司投资1.2亿元建设新厂。", "1.2", "2024-08")
    assert row["adcode"] == "331127"


def test_the_county_a_source_covers_is_the_default_area():
    rows = ex.extract(
        "全县生产总值157.6亿元。", "", (2024, 3), source={"adcode": "330329"}
    )[0]
    assert rows[0]["adcode"] == "330329"


def test_a_ratio_gives_one_row_per_term_and_sector_names_are_not_counts():
    rows = rows_of("2023年，三次产业结构为4.1:46.2:49.7。", "2024-03")
    assert [(r["value"], r["unit"]) for r in rows] == [
        ("4.1", "percent"),
        ("46.2", "percent"),
        ("49.7", "percent"),
    ]
    assert all("ratio 4.1:46.2:49.7" in r["why"] for r in rows)


def test_a_clock_time_is_not_a_ratio():
    assert rows_of("2023-07-05 15:40:11 来源：某报", "2023-07") == []


def test_a_minus_sign_and_new_units_are_read():
    row = one("全年人口自然增长率为-3.01‰。", "-3.01", "2024-03")
    assert row["unit"] == "per_mille"
    assert one("粮食播种面积8884公顷。", "8884", "2024-03")["unit"] == "hectares"
    assert one("人均生产总值折合8329美元。", "8329", "2024-03")["unit"] == "usd"


def test_a_number_with_a_unit_the_tables_lack_is_proposed_and_said():
    row = one("全县今年放流鱼苗500尾。", "500", "2024-03")
    assert row["unit"] == "" and "unit left blank" in row["why"]


def test_counts_in_words_are_proposed():
    """五连冠 (first five times running) and 一半以上 (more than half) were silently missed."""
    row = one("正泰电器实现行业五连冠。", "5", "2024-03")
    assert row["unit"] == "" and "连冠" in row["why"]
    half = one("全县一半以上企业完成数字化改造。", "0.5", "2024-03")
    assert (half["unit"], half["qualifier"]) == ("ratio", "at_least")


def test_a_milestone_restating_a_precise_figure_is_not_a_second_number():
    rows = rows_of("乐清电气产业实现产值1032亿元，突破千亿元大关。", "2024-03")
    assert [r["value"] for r in rows] == ["1032"]
    assert "milestone" in rows[0]["why"]
    alone = rows_of("乐清电气产业产值突破千亿元大关。", "2024-03")
    assert [r["value"] for r in alone] == ["1000"]  # then it is all the article says


def test_a_money_threshold_naming_a_class_of_projects_is_not_an_amount():
    rows = rows_of("全市引进10亿元以上项目3个。", "2024-03")
    assert [(r["value"], r["unit"]) for r in rows] == [("3", "items")]


def test_a_month_with_no_year_is_read_not_a_crash():
    """7月 alone (no year, no 今年) is this year's month; it used to reach the relative-year
    table with "7" and stop the whole extraction with a KeyError."""
    from zjcounty.curate import periods

    (men,) = periods.mentions("公司于7月投产。")
    assert periods.resolve(men, (2024, 3)).ref_period == "2024-07"
    assert [r["value"] for r in rows_of("公司于7月投产，产值达5亿元。", "2024-03")] == [
        "5"
    ]
