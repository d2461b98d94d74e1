"""Does this quote state this value? One answer, for the validator (zjcounty.check.rules) and
the extractor (zjcounty.curate.extract), so a candidate the tool proposes is one the validator
accepts, and a change to the rule reaches both.

A quote states a value when the numeral reader finds it fully scaled in the quote (三万米 is
30000 metres, never 3; a year is never a quantity), and the qualifier agrees with the words
attached to the number, both ways: 200多 is not exact, and more_than needs 多 or 余.
"""

from __future__ import annotations

import re

from ..reading import numerals, seedtext

# A qualifier other than exact must have one of its words somewhere in the quote.
QUALIFIER_WORDS = {
    "nearly": "近|将近|接近|逼近",
    "over": "超|突破|逾|破|迈过|\\+",
    "more_than": "多|余",
    "at_least": "以上|上百|上千|上万|至少|不少于",
    "approx": "约|左右|上下",
    "scale": "级|千亿|百亿|万亿",
    "at_most": "内|以内|以下|前|不超过|不到|不足|最多",
}


def _describe(r: numerals.Reading) -> str:
    return f"{r.text} ({r.scaled:g})" if r.scaled is not None else r.text


def _value_problem(value: str, unit: str, scale: float, quote: str) -> str | None:
    """None when the quote states `value` in `unit`, else what is wrong, in words."""
    if numerals.stating(quote, value, scale, unit):
        return None
    if unit == "year":
        return f"{value} is not a year the quote states"
    found = numerals.readings(quote)
    if any(r.kind == "year" and numerals.matches(r, value) for r in found):
        return f"{value} is a year in the quote, not a quantity it states"
    v = float(value)
    quantities = [r for r in found if r.is_quantity]
    for r in quantities:
        if (
            r.scaled
            and v * scale != r.scaled
            and r.scaled / (v * scale) in (10.0**k for k in range(-12, 13) if k)
        ):
            return (
                f"{value} {unit} is {v * scale:g} but the quote's {r.text} reads {r.scaled:g}: "
                f"the unit's magnitude (万/亿) or the value is off"
            )
    stated = ", ".join(_describe(r) for r in quantities) or "no quantity"
    return f"{value} is not a number the quote states (it reads: {stated})"


def problem(
    quote: str, value: str, unit: str, scale: float, qualifier: str
) -> tuple[str, str] | None:
    """None when `quote` states `value` (times the unit's numeral `scale`) in `unit` with
    `qualifier`; else (the column at fault, "value" or "qualifier", and what is wrong)."""
    wrong = _value_problem(value, unit, scale, quote)
    if wrong:
        return "value", wrong
    if unit == "year":
        return None
    matching = numerals.stating(quote, value, scale, unit)
    attached = [set(r.qualifiers) for r in matching]
    if qualifier == "exact" and attached and all(attached):
        words = sorted(set().union(*attached))
        return (
            "qualifier",
            f"exact, but the quote qualifies {matching[0].text} as {'/'.join(words)}",
        )
    text = numerals.fold(seedtext.to_simplified(quote))
    unqualified = qualifier in QUALIFIER_WORDS and not any(
        qualifier in a for a in attached
    )
    if unqualified and not re.search(QUALIFIER_WORDS[qualifier], text):
        words = QUALIFIER_WORDS[qualifier].replace("|", " ").replace(chr(92), "")
        return "qualifier", f"{qualifier}, but the quote has none of {words}"
    return None
