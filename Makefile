# Two commands for a newcomer: `make` (venv, run every notebook, write figures/) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PIP := $(PY) -m pip --disable-pip-version-check --quiet
export PYTHONHASHSEED := 0

.PHONY: all notebooks test validate lab site bench lock clean

all: notebooks

# The venv is made from the lock alone. When requirements.txt changes it is rebuilt from
# scratch, so nothing the lock no longer names can linger in it.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v[:2] == (3, 11) else \
	  f"Python 3.11 is required, {sys.executable} is {v[0]}.{v[1]}: run make PYTHON=python3.11")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.txt
	PYTHONWARNINGS='ignore:Editable installation' $(PIP) install --no-deps --no-build-isolation -e .
	$(PY) -m pip check --disable-pip-version-check
	$(PY) -c 'from zjcounty import fonts; fonts.headline()'  # the bold headline face, cut once (about 6 s)
	touch $@

notebooks: $(STAMP)
	$(PY) -m zjcounty validate data
	$(PY) -m zjcounty edition
	$(PY) -m zjcounty execute

# The data check runs inside pytest (tests/test_validate.py), so it is not repeated here.
test: $(STAMP)
	$(PY) -m pytest -n auto --dist loadgroup

validate: $(STAMP)
	$(PY) -m zjcounty validate data

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

# The reading site, both editions, into build/site/ (not committed): open build/site/index.html.
site: $(STAMP)
	$(PY) scripts/build_site.py

bench: $(STAMP)
	$(PY) benchmarks/suite.py
	$(PY) benchmarks/extract.py

# Regenerate the lock from requirements.in with uv (pinned here, installed in its own venv so
# it never enters the project's). Then run `make` and commit lock, notebooks and figures.
UV_VERSION := 0.13.9
lock:
	test -x .lock-venv/bin/uv || ($(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet uv==$(UV_VERSION))
	.lock-venv/bin/uv pip compile requirements.in --universal --python-version 3.11 --generate-hashes \
	  --custom-compile-command "make lock" -o requirements.txt

clean:
	rm -rf $(VENV) .lock-venv *.egg-info build
