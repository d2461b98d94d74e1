"""The label-collision check every exported figure passes (zjcounty.figures.collide): it finds
two texts on top of each other, a text struck by a line or arrow it does not label, and a text
in the figure's outer padding; a text and the line it labels (one gid) are not a collision; and
under the tests (ZJCOUNTY_STRICT_FIGURES=1) the exporter refuses a figure that collides."""

import pandas as pd
import pytest
from matplotlib.patches import FancyArrowPatch

from zjcounty.figures import export
from zjcounty.figures.collide import collisions, owner
from zjcounty.figures.frame import new_figure
from zjcounty.figures.style import style


def _frame():
    frame, ax = new_figure(4, 3, "Title")
    ax.set(xlim=(0, 10), ylim=(0, 10))
    ax.set_axis_off()
    return frame, ax


def test_two_texts_on_top_of_each_other():
    with style():
        frame, ax = _frame()
        ax.text(5, 5, "Jinhua", fontsize=9)
        ax.text(5.2, 5.1, "Jiaxing", fontsize=9)
        assert any("'Jinhua' overlaps 'Jiaxing'" in c for c in collisions(frame.fig))


def test_a_text_struck_by_an_arrow_and_by_a_line():
    with style():
        frame, ax = _frame()
        ax.text(4, 5, "Liandu", fontsize=9, va="center")
        ax.add_patch(FancyArrowPatch((1, 1), (9, 9), arrowstyle="-|>"))
        ax.plot([4.2, 4.8], [3, 7], color="black")
        found = collisions(frame.fig)
        assert "'Liandu' is struck by a FancyArrowPatch" in found
        assert "'Liandu' is struck by a Line2D" in found


def test_a_label_may_sit_on_the_line_it_labels():
    with style():
        frame, ax = _frame()
        line = ax.axvline(5, color="grey")
        name = ax.text(5, 5, "province", fontsize=7, ha="center")
        assert any("struck" in c for c in collisions(frame.fig))
        owner("province-line", line, name)
        assert not any("struck" in c for c in collisions(frame.fig))


def test_a_text_in_the_outer_padding():
    with style():
        frame, ax = _frame()
        frame.fig.text(0.999, 0.5, "cut", ha="right")
        assert any("'cut' is within" in c for c in collisions(frame.fig))


def test_a_clean_figure_has_none_and_hidden_ticks_do_not_count():
    with style():
        frame, ax = _frame()  # axis off: its tick labels are kept but not drawn
        ax.text(2, 2, "Yueqing", fontsize=9)
        ax.text(7, 7, "Jingning", fontsize=9)
        assert collisions(frame.fig) == []


def test_the_tests_refuse_a_colliding_figure(tmp_path, monkeypatch):
    def colliding(lang):
        frame, ax = _frame()
        ax.text(5, 5, "Jinhua", fontsize=9)
        ax.text(5.2, 5.1, "Jiaxing", fontsize=9)
        frame.plotted(pd.DataFrame({"x": [1]}))
        return frame.cite(["seed003"]).finish(lang)

    monkeypatch.setenv("ZJCOUNTY_STRICT_FIGURES", "1")
    with pytest.raises(ValueError, match="colliding.zh: 'Jinhua' overlaps 'Jiaxing'"):
        export.bilingual("colliding", colliding, "en", folder=tmp_path)
    monkeypatch.delenv("ZJCOUNTY_STRICT_FIGURES")
    with pytest.warns(UserWarning, match="overlaps"):
        export.bilingual("colliding", colliding, "en", folder=tmp_path)


def test_a_gridline_through_a_label_unless_the_label_has_a_halo():
    from zjcounty.figures.style import halo

    with style():
        frame, ax = new_figure(4, 3, "Title")
        ax.set(xlim=(0, 10), ylim=(0, 10), xticks=[5], yticks=[])
        ax.grid(axis="x")
        ax.text(4.5, 5, "Wenzhou", fontsize=9, va="center")
        assert "'Wenzhou' is struck by a Line2D" in collisions(frame.fig)
        frame.fig.axes[0].texts[0].set_path_effects(halo())
        assert not collisions(frame.fig)


def test_a_label_on_an_outline_drawn_to_mark_an_area():
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    with style():
        frame, ax = _frame()
        square = Path([(3, 3), (7, 3), (7, 7), (3, 7), (3, 3)])
        marked = PathCollection([square], facecolors="none", edgecolors="black")
        ax.add_collection(marked)
        ax.text(2.5, 5, "Cangnan", fontsize=9, va="center")
        assert not collisions(frame.fig)  # an area's boundary is not a line
        marked.set_gid("outline")
        assert "'Cangnan' is struck by a PathCollection" in collisions(frame.fig)
