"""Building the project's outputs: running notebooks for `make` (execute, offline), what
`pytest --nbval` adds (nbcheck), the Chinese edition (edition) and the reading site (site)."""
