from zjcounty.paths import SEEDS
from zjcounty.reading import seedtext


def test_normalise_joins_broken_lines_and_drops_nbsp():
    assert seedtext.normalise("解\n\n决企业") == "解决企业"
    assert seedtext.normalise("18\u00a0个结对") == "18个结对"


def test_normalise_folds_traditional_and_full_width():
    assert seedtext.normalise("樂清電氣，１２３") == "乐清电气,123"


def test_quotes_match_across_seed_defects():
    seed = {p.name[:3]: seedtext.normalised_seed(p) for p in SEEDS.glob("*.txt")}
    assert (
        seedtext.normalise("解决企业“招才难”问题") in seed["000"]
    )  # broken line in the seed
    assert (
        seedtext.normalise("18个结对联合体") in seed["003"]
    )  # no-break space in the seed
    assert (
        seedtext.normalise("乐清电气产业创新服务综合体") in seed["004"]
    )  # traditional seed


def test_repeated_paragraphs_found_in_seed_001_only():
    found = {
        p.name[:3]: seedtext.repeated_paragraphs(seedtext.read_seed(p))
        for p in SEEDS.glob("*.txt")
    }
    assert any(p.startswith("为降低企业创新门槛") for p in found["001"])
    assert all(not v for k, v in found.items() if k != "001")
