"""The curated tables and what is computed from them: loading typed by the Data Package
(schema, tables), facts selected by measure, areas and pairs, the census baseline, the pair
scorecard, the evidence ladder, the timeline. Imports only zjcounty.reading and zjcounty.paths."""
