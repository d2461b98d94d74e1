"""Figures render Chinese from requirements.txt alone, with the shipped font files whatever the
system has, export byte-stable PNGs, only from a finished frame, and leave the notebook's own
matplotlib state alone."""

import logging
import warnings

import matplotlib as mpl
import pandas as pd
import pytest

from zjcounty.figures import export, fonts, style
from zjcounty.figures.frame import new_figure


def _draw(lang):
    frame, ax = new_figure(
        4,
        2,
        "乐清电气产业 低压电器 科创飞地 畲族" if lang == "zh" else "Yueqing",
        "单位：亿元",
    )
    ax.bar(["景宁", "遂昌"], [1, -2])
    frame.plotted(pd.DataFrame({"adcode": ["331127", "331123"], "value": [1, -2]}))
    return frame.cite(["seed003"]).finish(lang, note="注：−5")


def test_chinese_renders_with_no_missing_glyph_or_findfont_warning(caplog):
    with (
        warnings.catch_warnings(record=True) as caught,
        caplog.at_level(logging.WARNING),
    ):
        warnings.simplefilter("always")
        with style.style():
            export.png_bytes(_draw("zh").fig)
    messages = [str(w.message) for w in caught] + [
        r.getMessage() for r in caplog.records
    ]
    assert not [m for m in messages if "Glyph" in m or "findfont" in m], messages


def test_without_the_cjk_font_the_glyphs_would_be_missing():
    """Guards the guard: the warning test above can fail."""
    from matplotlib.figure import Figure

    with (
        mpl.rc_context(
            {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
        ),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        fig = Figure()
        fig.text(0.1, 0.5, "乐清电气产业")
        export.png_bytes(fig)
    assert any("Glyph" in str(w.message) for w in caught)


def test_exporting_leaves_the_backend_and_rcparams_alone(tmp_path):
    backend, before = mpl.get_backend(), dict(mpl.rcParams)
    before.pop("font.family")  # setup() may append the CJK fallback, nothing else
    export.bilingual("t", _draw, "en", folder=tmp_path)
    after = dict(mpl.rcParams)
    assert after.pop("font.family")[-1] == style.setup()
    assert mpl.get_backend() == backend and after == before


def test_a_students_own_chinese_labels_render_after_setup():
    from matplotlib.figure import Figure

    style.setup()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure()
        fig.subplots().set_title(
            "乐清电气 Yueqing"
        )  # the student's own rc: DejaVu Sans first
        export.png_bytes(fig)
    assert not [w for w in caught if "Glyph" in str(w.message)]


def _decoy(tmp_path, family):
    """DejaVu Sans renamed to `family`: a font that claims a name and draws differently."""
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    font = TTFont(font_manager.findfont("DejaVu Sans"))
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family
    path = tmp_path / f"decoy-{len(list(tmp_path.glob('decoy-*')))}.ttf"
    font.save(path)
    return path


@pytest.fixture
def decoys(tmp_path):
    """Fonts registered during a test, taken out of matplotlib's list afterwards."""
    from matplotlib import font_manager

    before = list(font_manager.fontManager.ttflist)
    yield lambda family: font_manager.fontManager.addfont(_decoy(tmp_path, family))
    font_manager.fontManager.ttflist = before
    font_manager.fontManager._findfont_cached.cache_clear()


def test_a_font_installed_under_the_shipped_names_changes_no_byte(tmp_path, decoys):
    """What a system's fonts-noto-cjk did to version 2: a font under the shipped family name
    (and here also under the house's own name) must not be drawn with."""
    export.bilingual("d", _draw, "en", folder=tmp_path / "before")
    decoys("Noto Sans CJK SC")
    decoys(fonts.REGULAR_NAME)
    export.bilingual("d", _draw, "en", folder=tmp_path / "after")
    for lang in ("zh", "en"):
        assert (tmp_path / "before" / f"d.{lang}.png").read_bytes() == (
            tmp_path / "after" / f"d.{lang}.png"
        ).read_bytes()


@pytest.mark.filterwarnings(
    "ignore:Glyph"
)  # the decoy has no Chinese: that is the point
def test_without_the_pin_the_decoy_would_be_drawn(tmp_path, decoys, monkeypatch):
    """Guards the guard: skip pin() and the same decoy changes the exported bytes."""
    export.bilingual("d", _draw, "en", folder=tmp_path / "before")
    monkeypatch.setattr(style, "pin", lambda: None)
    from matplotlib import font_manager

    manager = font_manager.fontManager
    manager.ttflist = [e for e in manager.ttflist if e.name != fonts.REGULAR_NAME]
    decoys(fonts.REGULAR_NAME)
    export.bilingual("d", _draw, "en", folder=tmp_path / "after")
    assert (tmp_path / "before" / "d.en.png").read_bytes() != (
        tmp_path / "after" / "d.en.png"
    ).read_bytes()


def test_a_students_rcparams_do_not_leak_into_exported_figures(tmp_path):
    export.bilingual("a", _draw, "en", folder=tmp_path / "a")
    with mpl.rc_context(
        {"font.size": 20, "axes.facecolor": "black", "lines.linewidth": 5}
    ):
        export.bilingual("a", _draw, "en", folder=tmp_path / "b")
    assert (tmp_path / "a" / "a.zh.png").read_bytes() == (
        tmp_path / "b" / "a.zh.png"
    ).read_bytes()


def test_export_is_byte_stable_and_has_no_software_tag(tmp_path):
    first = export.bilingual("s", _draw, "en", folder=tmp_path / "1")
    export.bilingual("s", _draw, "en", folder=tmp_path / "2")
    a, b = ((tmp_path / d / "s.en.png").read_bytes() for d in "12")
    assert a == b == first.data and b"matplotlib" not in a.lower()
    assert (tmp_path / "1" / "s.zh.png").read_bytes() != a


def test_bilingual_shows_the_notebooks_language(tmp_path):
    shown = export.bilingual("s", _draw, "zh", folder=tmp_path)
    assert shown.data == (tmp_path / "s.zh.png").read_bytes()


def test_only_a_finished_frame_is_exported(tmp_path):
    """The exporter takes the Frame of new_figure, finished in each language: a bare Figure
    (no words, no sources) or an unfinished frame is refused, naming the figure."""

    def bare(lang):
        return _draw(lang).fig

    def unfinished(lang):
        return new_figure(4, 2, "t")[0].cite(["seed003"])

    with pytest.raises(
        TypeError, match="bare: draw\\('zh'\\) returned Figure, not the Frame"
    ):
        export.bilingual("bare", bare, "en", folder=tmp_path)
    with pytest.raises(ValueError, match="unfinished: .* not finished in 'zh'"):
        export.bilingual("unfinished", unfinished, "en", folder=tmp_path)
    assert not list(tmp_path.glob("*"))


def test_every_label_can_be_set_in_the_headline_face():
    """Headlines must not fall back to another weight: the bold face covers every label."""
    from zjcounty.data.tables import load

    labels = load("labels")
    text = "".join(labels["zh"]) + "".join(labels["en"])
    assert fonts.missing_headline_chars(text) == set()
    assert fonts.missing_headline_chars("齉") == {
        "齉"
    }  # guards the guard: not in the subset


def test_headline_face_is_a_static_bold_instance():
    from fontTools.ttLib import TTFont

    font = TTFont(fonts.headline(), lazy=True)
    assert font["OS/2"].usWeightClass == 700 and "fvar" not in font
    assert font["name"].getDebugName(1) == fonts.HEADLINE_FAMILY


def test_a_missing_font_package_fails_with_one_clear_message(monkeypatch):
    monkeypatch.setattr(fonts.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(fonts.FontMissingError, match="mplfonts is not installed"):
        fonts.regular()


def test_bad_language_is_refused(tmp_path):
    with style.style():
        frame = _draw("en")
    with pytest.raises(ValueError, match="lang must be one of"):
        export.save(frame.fig, "t", "fr", folder=tmp_path)
    with pytest.raises(ValueError, match="lang must be one of"):
        export.bilingual("t", _draw, "fr", folder=tmp_path)


def test_svg_and_csv_sit_beside_each_png_byte_stable(tmp_path):
    """An SVG per language (no date, no creator, fixed ids) and one CSV of the values drawn,
    the same bytes on a second export."""
    for folder in ("a", "b"):
        export.bilingual("s", _draw, "en", folder=tmp_path / folder)
    made = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert made == ["s.csv", "s.en.png", "s.en.svg", "s.json", "s.zh.png", "s.zh.svg"]
    for name in made:
        assert (tmp_path / "a" / name).read_bytes() == (
            tmp_path / "b" / name
        ).read_bytes()
    svg = (tmp_path / "a" / "s.en.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert (tmp_path / "a" / "s.csv").read_text(encoding="utf-8") == (
        "adcode,value\n331127,1\n331123,-2\n"
    )


def test_a_figure_must_record_what_it_draws_and_draw_the_same_in_both_languages(
    tmp_path,
):
    def unrecorded(lang):
        frame, ax = new_figure(4, 2, "t")
        return frame.cite(["seed003"]).finish(lang)

    def differs(lang):
        frame = _draw(lang)
        frame.tables = [pd.DataFrame({"label": [lang]})]
        return frame

    with pytest.raises(ValueError, match="nothing recorded"):
        export.bilingual("unrecorded", unrecorded, "en", folder=tmp_path)
    with pytest.raises(ValueError, match="plot different values"):
        export.bilingual("differs", differs, "en", folder=tmp_path)


def test_headline_glyphs_keep_their_index_in_the_full_font():
    """An SVG names each glyph by its index; if the subset renumbered glyphs, one new character
    in labels.csv would rewrite every figure's SVG. Each glyph keeps the full font's index."""
    from fontTools.ttLib import TTFont

    full = TTFont(
        fonts._package_file("manimgx_fonts_cjk", fonts.VARIABLE_FILE, ""),
        fontNumber=fonts.SC_FACE,
        lazy=True,
    )
    cut = TTFont(fonts.headline(), lazy=True)
    chars = [c for c in fonts.headline_chars() if not c.isspace()]
    for ch in chars[:3] + chars[-3:]:  # ASCII first, CJK last
        name = full.getBestCmap()[ord(ch)]
        assert cut.getGlyphID(cut.getBestCmap()[ord(ch)]) == full.getGlyphID(name), ch


def test_an_svg_does_not_change_when_layout_moves_an_axes_by_float_noise():
    """Constrained layout can place an axes 1e-13 apart from one process to the next; the
    SVG's clip paths must not be renamed by it (they were once, in CI)."""
    from matplotlib.figure import Figure

    def svg(shift):
        fig = Figure(figsize=(3, 2))
        ax = fig.add_axes((0.1, 0.1 + shift, 0.8, 0.8))
        ax.plot([0, 1], [0, 1])
        return export.svg_bytes(fig)

    a, b = svg(0.0), svg(1e-13)
    assert b'clip-path="url(#clip1)"' in a
    assert a == b
    assert export._renumber_clips(b'<clipPath id="p0123456789">') == (
        b'<clipPath id="clip1">'
    )
