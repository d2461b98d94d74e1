"""The environment is the lock: every package in the venv is named in requirements.txt at
that exact version (and every locked package for this platform is installed), the lock covers
requirements.in, and the interpreter is the supported one."""

import importlib.metadata
import re
import sys
import tomllib

from packaging.markers import Marker
from packaging.utils import canonicalize_name

from zjcounty.paths import ROOT

LOCK = ROOT / "requirements.txt"
PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$"
)


def pins(path=LOCK, only_this_platform=True) -> dict[str, str]:
    """name -> version of every pinned requirement (markers evaluated for this interpreter)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line.strip())
        if m and (
            not only_this_platform or not m.group(3) or Marker(m.group(3)).evaluate()
        ):
            out[canonicalize_name(m.group(1))] = m.group(2)
    return out


def installed() -> dict[str, str]:
    return {
        canonicalize_name(d.metadata["Name"]): d.version
        for d in importlib.metadata.distributions()
    }


def lock_problems(present: dict[str, str], locked: dict[str, str]) -> list[str]:
    """What keeps a venv from being the lock: packages it lacks, has besides, or at another
    version. The project itself, installed from the checkout, is not in the lock."""
    present = {n: v for n, v in present.items() if n != "zjcounty"}
    unlocked = {n: v for n, v in present.items() if n not in locked}
    wrong = {
        n: (v, locked[n]) for n, v in present.items() if n in locked and locked[n] != v
    }
    missing = sorted(set(locked) - set(present))
    return (
        [f"in the venv but not in requirements.txt (run `make` to rebuild): {unlocked}"]
        * bool(unlocked)
        + [f"installed version != locked version: {wrong}"] * bool(wrong)
        + [f"locked but not installed: {missing}"] * bool(missing)
    )


def test_the_venv_holds_only_what_the_lock_names():
    assert lock_problems(installed(), pins()) == []


def test_the_lock_check_can_fail():
    """Guards the guard: an unlocked package, a package at another version and a missing one
    are each named."""
    present = installed() | {"no-such-package": "1.0", "pytest": "0.0.1"}
    present.pop("pandas")
    found = " ".join(lock_problems(present, pins()))
    assert (
        "no-such-package" in found
        and "'pytest': ('0.0.1'" in found
        and "'pandas'" in found
    )


def test_the_lock_pins_every_direct_dependency_at_its_requirements_in_version():
    direct = pins(ROOT / "requirements.in", only_this_platform=False)
    locked = pins(only_this_platform=False)
    stale = {n: (v, locked.get(n)) for n, v in direct.items() if locked.get(n) != v}
    assert direct and not stale, (
        f"requirements.in and the lock disagree (run `make lock`): {stale}"
    )


def test_every_lock_entry_has_hashes():
    text = LOCK.read_text(encoding="utf-8")
    entries = re.findall(
        r"^[A-Za-z0-9][^\n]*==[^\n]*\n(?:\s+--hash=sha256:[0-9a-f]{64}[^\n]*\n)+",
        text,
        re.M,
    )
    pinned = [line for line in text.splitlines() if PIN.match(line.strip())]
    assert (
        len(entries) == len(pinned) > 100
    )  # one entry per pinned line (two for contourpy: by Python version)


def test_the_supported_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]["requires-python"]
    assert requires == ">=3.11,<3.14" and (3, 11) <= sys.version_info[:2] <= (3, 13)
