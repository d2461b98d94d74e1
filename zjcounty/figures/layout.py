"""Text layout for figures: CJK-aware line wrapping (no line starts with a comma, a number
stays with its unit, balanced headlines), and source lines broken between sources. Widths are
estimated in ems (a CJK character is one em, anything else a little over half), which is
enough to decide where to break; matplotlib measures the result when it draws."""

from __future__ import annotations

import re
import unicodedata

_FULL = set("“”‘’")  # curly quotes: the CJK face draws them full width


def _em(token: str) -> float:
    """Width in ems: a CJK character is one em (so are curly quotes and the other characters of
    ambiguous width, ÷ ×, in the CJK face), anything else a little over half."""
    return sum(
        1.0
        if c in _FULL or unicodedata.east_asian_width(c) in "WFA"
        else 0.6
        if c.isdigit()  # the face's figures are wider than its average letter
        else 0.56
        for c in token
    )


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


def wrap_items(lead: str, items: list[str], sep: str, width_em: float) -> list[str]:
    """Lines of `lead` + items joined by `sep`, breaking only between items (a source's name
    stays with its date); an item wider than a line is wrapped on its own."""
    lines, line = [], lead
    for i, item in enumerate(items):
        piece = item + (sep if i < len(items) - 1 else "")
        if line.strip() and _em(line + piece.rstrip()) > width_em:
            lines.append(line.rstrip())
            line = ""
        if _em(piece.rstrip()) > width_em:
            *full, line = wrap(line + piece, width_em)
            lines += full
        else:
            line += piece
    lines.append(line.rstrip())
    return lines


def headline(text: str, width_em: float) -> list[str]:
    """A headline's lines: one line if it fits; else broken after its clause mark ("; ", "；",
    ": ", "：", "，") when both clauses fit, so a qualifier stays with its number ("at most
    0.92 mu", not "at / most"); else balanced lines."""
    if _em(text) <= width_em:
        return [text]
    for mark in ("；", "; ", "：", ": ", "，", ", "):
        head, sep, tail = text.partition(mark)
        if sep and _em(head + sep.strip()) <= width_em and _em(tail) <= width_em:
            return [(head + sep).rstrip(), tail]
    return wrap(text, width_em, balanced=True)
