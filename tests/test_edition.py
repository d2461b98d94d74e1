"""The Chinese edition: made from the English notebooks and one prose file each, never by
copying code. Every prose cell has an up-to-date translation written as Chinese, and the
committed Chinese notebooks are exactly what the English code and the prose make."""

import re

import pytest

from zjcounty.build.execute import dumps  # isort: skip  (before nbformat: see test_rerun)
import nbformat  # isort: skip  # noqa: E402

from zjcounty.build import edition
from zjcounty.paths import NOTEBOOKS, notebooks
from zjcounty.words import typography

ENGLISH = notebooks(NOTEBOOKS)


def test_every_english_notebook_has_a_chinese_edition():
    assert [p.name for p in notebooks(edition.ZH)] == [p.name for p in ENGLISH]


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_every_prose_cell_has_an_up_to_date_translation(english):
    assert edition.problems(english) == []


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_chinese_notebook_is_the_english_code_with_the_chinese_prose(english):
    made = edition.build(english)
    committed = nbformat.read(edition.ZH / english.name, as_version=4)
    assert edition.same_code(made, committed), "code cells differ: run `make`"
    for a, b in zip(made.cells, committed.cells):
        assert a.source == b.source and a.metadata == b.metadata, (
            f"cell {a.id}: run `make`"
        )


def _prose(text):
    """Chinese prose without what is not prose: inline code, link targets, URLs, quotes."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"「[^」]*」", " ", text)


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_chinese_prose_is_set_as_chinese(english):
    found = []
    for cid, t in edition.read_prose(edition.prose_path(english)).items():
        found += [f"{cid}: {p}" for p in typography.problems(_prose(t.text))]
    assert not found, "\n".join(found[:10])


def test_a_stale_or_missing_translation_is_named(tmp_path, monkeypatch):
    english = ENGLISH[0]
    prose = edition.prose_path(english).read_text(encoding="utf-8")
    marker = re.search(r"<!-- cell (\S+) · from ([0-9a-f]{8}) -->", prose)
    monkeypatch.setattr(edition, "PROSE", tmp_path)
    (tmp_path / f"{english.stem}.md").write_text(
        prose.replace(
            marker.group(0), marker.group(0).replace(marker.group(2), "00000000")
        ),
        encoding="utf-8",
    )
    assert any(
        f"cell {marker.group(1)} is stale" in p for p in edition.problems(english)
    )
    (tmp_path / f"{english.stem}.md").write_text(
        prose.replace(marker.group(0), "<!-- gone -->"), encoding="utf-8"
    )
    assert any(
        f"cell {marker.group(1)} has no translation" in p
        for p in edition.problems(english)
    )


def test_the_written_edition_keeps_its_outputs_when_nothing_changed():
    english = ENGLISH[0]
    before = (edition.ZH / english.name).read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    assert any(c.get("outputs") for c in nb.cells), (
        "the committed Chinese notebook is executed"
    )
    assert dumps(nb) == before
