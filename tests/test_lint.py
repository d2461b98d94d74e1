"""The code's shape is checked, not hoped for: ruff's lint and format on the package, tests,
scripts, benchmarks and the notebooks' code; and the package's layers as a contract
(import-linter, configured in pyproject.toml), with proof that an upward import breaks it."""

import shutil
import subprocess
import sys
from pathlib import Path

from zjcounty.paths import ROOT

BIN = Path(sys.executable).parent
CODE = ["zjcounty", "tests", "scripts", "benchmarks", "notebooks"]


def _run(*args, cwd=ROOT, env=None):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


def test_ruff_check_finds_nothing():
    run = _run(str(BIN / "ruff"), "check", "--no-cache", *CODE)
    assert run.returncode == 0, run.stdout[-3000:]


def test_ruff_format_changes_nothing():
    run = _run(str(BIN / "ruff"), "format", "--check", "--no-cache", *CODE)
    assert run.returncode == 0, (
        run.stdout[-3000:] + "\nrun `.venv/bin/ruff format` and commit"
    )


def test_the_layers_hold():
    run = _run(str(BIN / "lint-imports"), "--no-cache")
    assert run.returncode == 0, run.stdout[-3000:]


def test_an_upward_import_breaks_the_layers(tmp_path):
    """Guards the guard: the data layer importing the figures layer (a copy of the package
    with one line added) is refused, and the message names the import."""
    shutil.copytree(
        ROOT / "zjcounty",
        tmp_path / "zjcounty",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    facts = tmp_path / "zjcounty" / "data" / "facts.py"
    facts.write_text(
        facts.read_text(encoding="utf-8") + "\nfrom ..figures import style  # noqa\n",
        encoding="utf-8",
    )
    env = {"PATH": str(BIN), "PYTHONPATH": str(tmp_path), "HOME": str(tmp_path)}
    run = _run(str(BIN / "lint-imports"), "--no-cache", cwd=tmp_path, env=env)
    assert run.returncode == 1, run.stdout[-2000:]
    assert "zjcounty.data.facts -> zjcounty.figures.style" in run.stdout, run.stdout[
        -2000:
    ]
