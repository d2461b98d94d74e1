"""Reading Chinese text: the numeral reader (numerals) and the seed articles' text (seedtext).
The bottom layer: it imports nothing else of the package but zjcounty.paths."""
