"""Shared code for the Zhejiang county notebooks, by product and layer (each layer imports only
from the ones below it; pyproject.toml states this as an import-linter contract):

- build/    running notebooks for `make`, what `pytest --nbval` adds, the Chinese edition, the site
- curate/   the curation tool: candidate facts from an article, the all-or-nothing add
- figures/  house style and fonts, the chart frame, export in two languages, maps and panels
- check/    the validator and its rules, and whether a quote states a value
- words/    every word a figure or table prints, in Chinese and English
- data/     the curated tables, typed by their schema, and what is computed from them
- reading/  the Chinese numeral reader and the seed articles' text
- paths.py  where things live

Notebooks import from data/, words/ and figures/; `python -m zjcounty` runs the rest.
"""

__version__ = "3.0.0"
