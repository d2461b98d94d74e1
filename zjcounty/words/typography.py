"""Chinese typography for the text this project writes (labels, titles, notes, our own names):
full-width punctuation between Chinese characters (GB/T 15834) and no thousands separators
beside 万 or 亿. Quotes from sources are never checked: they stay as the source printed them."""

from __future__ import annotations

import re

CJK = "\u3400-\u9fff"
_HALF = re.compile(
    rf"(?<=[{CJK}“”》）])\s*([,;:!?])|([,;:!?])\s*(?=[{CJK}“《（])|(?<=[{CJK}])\(|\)(?=[{CJK}])|(?<=[{CJK}])\s*\((?=[^)]*[{CJK}])"
)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*[万亿]")
FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def problems(text: str) -> list[str]:
    """What is wrong with a piece of Chinese text, in words (empty when nothing is)."""
    out = []
    for m in _HALF.finditer(text):
        ch = next(g for g in m.groups() if g) if any(m.groups()) else m.group(0).strip()
        out.append(
            f"half-width {ch!r} in Chinese text at {m.start()}: use {FULL.get(ch.strip(), '') or 'the full-width form'}"
        )
    for m in _GROUPED.finditer(text):
        out.append(f"thousands separator beside 万/亿: {m.group(0)!r}")
    return out
