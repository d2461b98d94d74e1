"""nbval, as this project runs it (notebooks/conftest.py), compares strictly and runs offline:
a stored text output edited in a copy fails and names its cell, and a kernel nbval starts
refuses the network. Shown on a small notebook of its own, so that no project notebook runs
twice in `make test`; the checks on images are shown on outputs alone."""

import base64
import io

import nbformat
from matplotlib.figure import Figure

from zjcounty.build.nbcheck import image_differences
from zjcounty.build.offline import MESSAGE
from zjcounty.paths import NOTEBOOKS

OFFLINE = "import socket\nsocket.create_connection(('127.0.0.1', 9))"


def _probe(answer: str) -> nbformat.NotebookNode:
    """Three cells with their stored outputs: a print, a value (stored as `answer`; the kernel
    says 42) and a connection the offline guard refuses."""
    nb = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {
                "name": "python3",
                "display_name": "Python 3",
                "language": "python",
            }
        }
    )
    nb.cells = [
        nbformat.v4.new_code_cell(
            "print('乐清')",
            execution_count=1,
            outputs=[nbformat.v4.new_output("stream", name="stdout", text="乐清\n")],
        ),
        nbformat.v4.new_code_cell(
            "6 * 7",
            execution_count=2,
            outputs=[
                nbformat.v4.new_output(
                    "execute_result", data={"text/plain": answer}, execution_count=2
                )
            ],
        ),
        nbformat.v4.new_code_cell(
            OFFLINE,
            execution_count=3,
            metadata={"tags": ["raises-exception"]},
            outputs=[
                nbformat.v4.new_output(
                    "error",
                    ename="ConnectionRefusedError",
                    traceback=[],
                    evalue=MESSAGE.format((("127.0.0.1", 9),)),
                )
            ],
        ),
    ]
    return nb


def test_nbval_names_the_cell_whose_stored_output_changed_and_its_kernels_are_offline(
    pytester,
):
    pytester.makeconftest((NOTEBOOKS / "conftest.py").read_text(encoding="utf-8"))
    nbformat.write(
        _probe("41"), pytester.path / "probe.ipynb"
    )  # edited: the kernel says 42
    result = pytester.runpytest_inprocess(
        "--nbval", "-p", "no:cacheprovider", "probe.ipynb"
    )
    # cell 0 and the offline cell pass (unguarded, the connection would fail with another
    # message: nothing listens on port 9); the figures check finds nothing exported
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ probe.ipynb::Cell 1 _*",
            "*Cell outputs differ*",
            "*'41' == '42'*",
            "FAILED probe.ipynb::Cell 1*",
        ]
    )


def _png(colour: str) -> str:
    fig = Figure(figsize=(0.5, 0.5))
    fig.patch.set_facecolor(colour)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return base64.b64encode(buf.getvalue()).decode()


def _images(*pngs):
    return [
        nbformat.v4.new_output(
            "display_data", data={"image/png": p, "text/plain": "<Figure>"}
        )
        for p in pngs
    ]


def test_a_plot_that_no_longer_shows_or_changed_is_named():
    """nbval skips images; nbcheck compares them: a student's plot that stops displaying (what
    matplotlib.use('Agg') in the project's setup once did) or a changed pixel fails."""
    red, blue = _png("red"), _png("blue")
    assert image_differences(_images(red), _images(red)) == []
    assert image_differences(_images(red), []) == ["1 image(s) stored, 0 shown"]
    assert image_differences(_images(red), _images(blue)) == [
        "image 1 differs from the stored one: 2500 of 2500 pixels differ, within x 0–49, y 0–49"
    ]
