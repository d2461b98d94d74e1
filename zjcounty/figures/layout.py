"""Text layout for figures: CJK-aware line wrapping (no line starts with a comma, a number
stays with its unit, balanced headlines) and label levels that do not overlap. Widths are
estimated in ems (a CJK character is one em, anything else a little over half), which is
enough to decide where to break; matplotlib measures the result when it draws."""

from __future__ import annotations

import re
import unicodedata


def _em(token: str) -> float:
    """Width in ems: a CJK character is one em, anything else a little over half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.56 for c in token)


_NO_LINE_START = set("，、。；：？！）》」』”’…%")


def _tokens(text: str) -> list[str]:
    """Break opportunities: each CJK character, each word with its trailing space. A number stays
    with the word or character after it (11 good, 11家), as typesetters keep a number with its unit;
    Chinese closing punctuation stays with the character before it."""
    raw = re.findall(
        r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+", text
    )
    out: list[str] = []
    for tok in raw:
        if out and re.fullmatch(r"[≥≤~]?[\d.,]+%?\s?", out[-1]) and tok.strip():
            out[-1] += tok
        elif out and tok in _NO_LINE_START:
            out[-1] += (
                tok  # a line never starts with a comma or a closing bracket (禁则)
            )
        else:
            out.append(tok)
    return out


def _greedy(tokens: list[str], width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for tok in tokens:
        w = _em(tok)
        if used + w > width and line.strip():
            lines.append(line.rstrip())
            line, used = tok.lstrip(), _em(tok.lstrip())
        else:
            line, used = line + tok, used + w
    lines.append(line.rstrip())
    return lines


def text_width(text: str, fontsize: float) -> float:
    """Approximate width of a one-line text in points (CJK one em, others a little over half)."""
    return _em(text) * fontsize


def stagger(xs: list[float], widths: list[float], gap: float = 0.0) -> list[int]:
    """Levels for labels that start at xs (sorted or not) and run `widths` to the right: each label
    takes the lowest level where it does not overlap the previous label on that level."""
    ends: list[float] = []
    levels = [0] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        level = next((k for k, end in enumerate(ends) if end + gap <= xs[i]), len(ends))
        if level == len(ends):
            ends.append(0.0)
        ends[level] = xs[i] + widths[i]
        levels[i] = level
    return levels


def wrap(text: str, width_em: float, balanced: bool = False) -> list[str]:
    """Wrap at spaces or between CJK characters. `balanced` evens out the lines (no orphan word
    on the last line of a headline), like CSS `text-wrap: balance`."""
    out = []
    for para in text.split("\n"):
        tokens = _tokens(para)
        lines = _greedy(tokens, width_em)
        if balanced and len(lines) > 1:
            lo, hi = 1.0, width_em
            while hi - lo > 0.25:  # narrowest width that still needs no more lines
                mid = (lo + hi) / 2
                if len(_greedy(tokens, mid)) <= len(lines):
                    hi = mid
                else:
                    lo = mid
            lines = _greedy(tokens, hi)
        out += lines
    return out


def wrap_label(text: str, width_em: float) -> str:
    """A tick or panel label on balanced lines (joined with newlines)."""
    return "\n".join(wrap(text, width_em, balanced=True))
