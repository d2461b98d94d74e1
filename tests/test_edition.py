"""The Chinese edition: made from the English notebooks and one prose file each, never by
copying code. Every prose cell has an up-to-date translation written as Chinese, the committed
Chinese notebooks are exactly what the English code and the prose make, and their language
comes from an injected parameters cell, not from their folder."""

import re
import shutil

import nbformat
import pytest

from zjcounty.build import edition
from zjcounty.build.execute import dumps
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


def _copy_edition(tmp_path, monkeypatch):
    """The Chinese notebooks and prose files copied to tmp_path, and edition pointed there."""
    shutil.copytree(edition.ZH, tmp_path / "zh", ignore=shutil.ignore_patterns(".*"))
    monkeypatch.setattr(edition, "ZH", tmp_path / "zh")
    monkeypatch.setattr(edition, "PROSE", tmp_path / "zh" / "prose")
    return tmp_path / "zh"


def test_the_writer_keeps_the_outputs_when_nothing_changed(tmp_path, monkeypatch):
    zh = _copy_edition(tmp_path, monkeypatch)
    before = (zh / ENGLISH[0].name).read_text(encoding="utf-8")
    assert any(c.get("outputs") for c in nbformat.reads(before, as_version=4).cells)
    edition.write(ENGLISH[0])
    assert (zh / ENGLISH[0].name).read_text(encoding="utf-8") == before


def test_the_writer_rewrites_a_notebook_whose_prose_changed(tmp_path, monkeypatch):
    """Guards the guard above: a changed translation reaches the notebook, which then has to
    be executed again (make does), so it is written without outputs."""
    zh = _copy_edition(tmp_path, monkeypatch)
    prose = edition.prose_path(ENGLISH[0])
    prose.write_text(
        prose.read_text(encoding="utf-8").replace("## 要点", "## 要点一览"),
        encoding="utf-8",
    )
    written = nbformat.read(edition.write(ENGLISH[0]), as_version=4)
    assert any(c.source.startswith("## 要点一览") for c in written.cells)
    assert not any(c.get("outputs") for c in written.cells)
    assert dumps(written) == (zh / ENGLISH[0].name).read_text(encoding="utf-8")


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_language_is_a_parameter_not_a_folder(english):
    """papermill's convention: the English notebook's cell tagged `parameters` says lang = "en";
    the Chinese one has lang = "zh" injected right after it, so a copy of it anywhere is
    still Chinese."""
    en = nbformat.read(english, as_version=4)
    zh = nbformat.read(edition.ZH / english.name, as_version=4)
    i = edition.parameters_cell(en)
    assert en.cells[i].source.startswith('lang = "en"')
    assert zh.cells[i + 1].metadata["tags"] == ["injected-parameters"]
    assert zh.cells[i + 1].source == '# Parameters\nlang = "zh"'
    assert "current_lang" not in "".join(c.source for c in en.cells)


def test_restamp_takes_the_new_hash_and_keeps_the_chinese(tmp_path, monkeypatch):
    _copy_edition(tmp_path, monkeypatch)
    english = ENGLISH[0]
    prose = edition.prose_path(english)
    text = prose.read_text(encoding="utf-8")
    marker = re.search(r"<!-- cell findings · from ([0-9a-f]{8}) -->", text)
    prose.write_text(
        text.replace(
            marker.group(0), marker.group(0).replace(marker.group(1), "00000000")
        ),
        encoding="utf-8",
    )
    assert any("cell findings is stale" in p for p in edition.problems(english))
    assert edition.restamp(english, ["findings"]) == []
    assert edition.problems(english) == [] and prose.read_text(encoding="utf-8") == text
    assert edition.restamp(english, ["no-such-cell"]) == [
        f"{prose.name}: no markdown cell 'no-such-cell' with a translation to re-stamp"
    ]
