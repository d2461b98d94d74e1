"""In a real notebook kernel, the project's setup leaves a student's own plots working:
after the first cells, a plain `plt.plot([1, 2]); plt.show()` still displays an image."""
# zjcounty.execute before nbformat: see tests/test_rerun.py (import cost under pytest).
from zjcounty.execute import kernel_env, run  # isort: skip
import nbformat  # isort: skip  # noqa: E402

SETUP = """from zjcounty import charts, plotting
plotting.setup()

def draw(lang):
    fig, ax = charts.new_figure(3, 2, "t")
    ax.bar([1], [1])
    charts.cite(fig, ["seed003"])
    return charts.finish(fig, lang)

plotting.bilingual("kernel-test", draw)"""
STUDENT = "import matplotlib.pyplot as plt\nplt.plot([1, 2]); plt.show()"


def _outputs(tmp_path, *cells):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    done = run(nb, tmp_path, kernel_env(figures=tmp_path))
    return [[o for o in c.outputs] for c in done.cells]


def _has_png(outputs):
    return any("image/png" in o.get("data", {}) for o in outputs)


def test_a_students_plot_still_shows_after_the_project_setup(tmp_path):
    outputs = _outputs(tmp_path, SETUP, STUDENT)
    assert _has_png(outputs[0]), "the project's own figure is shown"
    assert _has_png(outputs[1]), "plt.plot(); plt.show() shows nothing after the project's setup"


def test_switching_the_backend_would_hide_it(tmp_path):
    """Guards the guard: what the old setup did (matplotlib.use("Agg")) makes the test fail."""
    outputs = _outputs(tmp_path, "import matplotlib\nmatplotlib.use('Agg')", STUDENT)
    assert not _has_png(outputs[1])
