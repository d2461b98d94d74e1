"""Chinese text renders with the font from requirements.txt, with no warning, and figure
files are byte-stable."""
import logging
import warnings

import matplotlib.pyplot as plt
import pytest
import seaborn as sns

from zjcounty import plotting


def _draw_cjk():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title("乐清电气产业 低压电器 科创飞地 畲族 −5")
    ax.bar(["景宁", "遂昌"], [1, 2])
    return fig


def test_font_is_the_packaged_noto_cjk():
    assert plotting.setup() == "Noto Sans CJK SC"
    assert plt.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"


def test_no_missing_glyph_or_findfont_warning(caplog):
    plotting.setup()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        fig = _draw_cjk()
        plotting.png_bytes(fig)
        plt.close(fig)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "Glyph" in m or "findfont" in m], messages


def test_seaborn_theme_reset_is_undone_by_setup():
    sns.set_theme()  # resets font.sans-serif to Arial first
    plotting.setup()
    assert plt.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"


def test_without_setup_the_glyphs_would_be_missing():
    """Guards the guard: the warning test above can fail when the font is absent."""
    plt.rcdefaults()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = _draw_cjk()
        plotting.png_bytes(fig)
        plt.close(fig)
    assert any("Glyph" in str(w.message) for w in caught)
    plotting.setup()


def test_saved_png_is_byte_stable_and_has_no_software_tag(tmp_path):
    plotting.setup()
    fig = _draw_cjk()
    a = plotting.save(fig, "t", "zh", folder=tmp_path).read_bytes()
    b = plotting.png_bytes(fig)
    plt.close(fig)
    assert a == b
    assert b"matplotlib" not in a.lower()


def test_missing_font_fails_fast_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(plotting.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(plotting.FontMissingError, match="mplfonts is not installed"):
        plotting.font_path()


def test_bad_language_is_refused(tmp_path):
    fig = _draw_cjk()
    with pytest.raises(ValueError, match="lang must be one of"):
        plotting.save(fig, "t", "fr", folder=tmp_path)
    plt.close(fig)
