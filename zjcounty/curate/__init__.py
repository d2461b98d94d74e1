"""The curation tool: candidate facts from an article (extract, with articletext, periods,
units, gazetteer) and the all-or-nothing add of reviewed rows (add)."""
