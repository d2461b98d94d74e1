"""No network at run time: every notebook's code runs with all socket connections refused.

The cells run in a plain IPython shell in a subprocess (a Jupyter kernel itself talks over
local sockets, so it cannot be the process that has them blocked).
"""
import subprocess
import sys

from zjcounty.execute import notebooks
from zjcounty.paths import NOTEBOOKS, ROOT

RUNNER = r'''
import json, os, socket, sys

def refuse(*args, **kwargs):
    raise RuntimeError(f"network access attempted: {args[1:] or kwargs}")

socket.socket.connect = socket.socket.connect_ex = socket.socket.sendto = refuse
socket.create_connection = socket.getaddrinfo = refuse

from IPython.core.interactiveshell import InteractiveShell

shell = InteractiveShell.instance()
for path in sys.argv[1:]:
    os.chdir(os.path.dirname(path))
    shell.reset(new_session=False)
    for cell in json.load(open(path, encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            result = shell.run_cell("".join(cell["source"]), silent=True)
            if not result.success:
                print(f"FAILED in {os.path.basename(path)}: {result.error_in_exec or result.error_before_exec!r}")
                sys.exit(1)
print("all notebooks ran offline")
'''


def test_notebooks_run_with_sockets_blocked(tmp_path):
    env_figs = tmp_path / "figures"
    run = subprocess.run([sys.executable, "-c", RUNNER, *map(str, notebooks(NOTEBOOKS))],
                         capture_output=True, text=True, cwd=ROOT,
                         env={"PATH": "", "PYTHONHASHSEED": "0", "ZJCOUNTY_FIGURES": str(env_figs), "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "all notebooks ran offline" in run.stdout


def test_the_guard_does_refuse_a_connection():
    probe = RUNNER.split("from IPython")[0] + "socket.create_connection(('127.0.0.1', 9))\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "network access attempted" in run.stderr
