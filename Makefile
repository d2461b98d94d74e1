# Two commands for a newcomer: `make` (venv, run every notebook, write figures/) and `make test`.
SHELL := /bin/bash
# The first of these that is CPython 3.11, 3.12 or 3.13 with venv; or say PYTHON=/path/to/python3.x.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
  $$p -c 'import sys, venv, ensurepip; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' \
  2>/dev/null && command -v $$p && break; done)
PYTHON_VERSION := $(if $(PYTHON),$(shell $(PYTHON) -c 'import platform; print(platform.python_version())'))
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per interpreter: asking for another Python rebuilds the venv.
STAMP := $(VENV)/.installed-$(PYTHON_VERSION)
PIP := $(PY) -m pip --disable-pip-version-check --quiet
export PYTHONHASHSEED := 0

.PHONY: all notebooks test validate lab site bench lock clean

all: notebooks

# The venv is made from the lock alone. When requirements.txt changes it is rebuilt from
# scratch, so nothing the lock no longer names can linger in it.
$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "No Python 3.11, 3.12 or 3.13 with venv found: install one (Debian/Ubuntu: apt-get install python3-venv; or pyenv install 3.13), or run make PYTHON=/path/to/python3.x"; exit 1; }
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if (3, 11) <= v[:2] <= (3, 13) else \
	  f"{sys.executable} is Python {v[0]}.{v[1]}; the lock is tested on 3.11, 3.12 and 3.13: run make PYTHON=python3.13")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.txt
	PYTHONWARNINGS='ignore:Editable installation' $(PIP) install --no-deps --no-build-isolation -e .
	$(PY) -m pip check --disable-pip-version-check
	$(PY) -c 'from zjcounty.figures import fonts; fonts.headline()'  # the bold headline face, cut once (about 6 s)
	touch $@

notebooks: $(STAMP)
	$(PY) -m zjcounty validate data
	$(PY) -m zjcounty edition
	$(PY) -m zjcounty execute

# Everything, notebooks included: pyproject.toml gives --nbval, so nbval executes each notebook
# once and compares its outputs. --dist loadfile keeps a notebook's cells on one worker (they
# share a kernel); loadgroup would, but does not group under pytest 9.2 (pytest-xdist#1386).
# The data check runs inside pytest (tests/test_validate.py), so it is not repeated here.
test: $(STAMP)
	$(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder

validate: $(STAMP)
	$(PY) -m zjcounty validate data

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

# The reading site, both editions, into build/site/ (not committed): open build/site/index.html.
site: $(STAMP)
	$(PY) -m zjcounty site

bench: $(STAMP)
	$(PY) benchmarks/suite.py
	$(PY) benchmarks/extract.py

# Regenerate the lock from requirements.in with uv (pinned here, installed in its own venv so
# it never enters the project's), for every supported Python. Then run `make` and commit lock,
# notebooks and figures.
UV_VERSION := 0.13.9
lock:
	test -x .lock-venv/bin/uv || ($(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet uv==$(UV_VERSION))
	.lock-venv/bin/uv pip compile requirements.in --universal --python-version 3.11 --generate-hashes \
	  --custom-compile-command "make lock" -o requirements.txt

clean:
	rm -rf $(VENV) .lock-venv *.egg-info build
