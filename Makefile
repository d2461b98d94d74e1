# Two commands for a newcomer: `make` (venv, run every notebook, write figures/) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0

.PHONY: all notebooks test validate lab bench clean

all: notebooks

# The venv is rebuilt only when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

notebooks: $(STAMP)
	$(PY) -m zjcounty validate data
	$(PY) -m zjcounty execute

test: $(STAMP)
	$(PY) -m zjcounty validate data
	$(PY) -m pytest

validate: $(STAMP)
	$(PY) -m zjcounty validate data

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) benchmarks/validator.py
	$(PY) benchmarks/suite.py

clean:
	rm -rf $(VENV) *.egg-info
