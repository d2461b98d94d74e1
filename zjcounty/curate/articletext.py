"""The structure of a news article as the extractor needs it: blocks of prose (lines broken
mid-sentence joined again), sentences, clauses, and the shortest quotable phrase around a number.

Why a module of its own: the seeds' defects (seedtext.py) make "a paragraph" and "a sentence"
non-trivial. A line that stops mid-sentence (seed 000: 解 / 决) is joined to the next one; a
block repeated verbatim (seed 001) is marked so its figures are proposed once; no-break spaces
(seeds 002, 003, also inside 18 个) are dropped. Every block keeps, per character, the line of
the file it came from, so a candidate can say where it was found.

White space is removed from a block's text the way `seedtext.normalise` removes it, so any
substring of a block is found in the normalised source: that is what makes a proposed quote pass
the validator. One exception: white space between two ASCII letters or digits becomes one space,
so page furniture like "27104872| 2 2024年" is not read as the number 22024.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..reading import numerals

# Punctuation that ends a sentence, and punctuation that ends a clause inside one.
SENTENCE_END = "。！？!?"
CLAUSE_END = SENTENCE_END + "，,；;：:…"
# A line ending in one of these is complete; any other prose line continues on the next line.
_LINE_COMPLETE = set(SENTENCE_END + "；;：:…”’」』)）】》")
_CLAUSE_MARK = re.compile(r"[，,；;、。]")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Teaser links appended by mirror sites: "- headline...", "- question?"
_TEASER = re.compile(r"^\s*[-•·]\s+.*(?:\.\.\.|…|[?？])\s*$")


@dataclass
class Block:
    """A unit of prose: one line, or several lines joined where a sentence was broken."""

    text: str  # white space removed (see the module docstring)
    lines: list[int]  # the source line (1-based) of each character of `text`
    soft: set[int] = field(
        default_factory=set
    )  # indices where white space between words was removed
    heading: bool = (
        False  # short and without sentence punctuation: a title, heading or caption
    )
    repeated: bool = False  # the same text (normalised) occurred earlier in the article
    teaser: bool = False  # a mirror site's link list entry, not the article


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def _continues(group: list[tuple[int, str]], following: str) -> bool:
    """Was the text so far broken mid-sentence? It is prose (clause punctuation, a certain
    length), it does not end a sentence, and the next line starts like the middle of one. A
    photo caption that fell inside the sentence (seed 000: 更多科 / caption / 研项目) is joined
    too: quotes are compared without white space, so the caption does no harm there."""
    joined = "".join(line.strip() for _, line in group)
    if (
        not joined
        or joined[-1] in _LINE_COMPLETE
        or len(joined) < 30
        or not _CLAUSE_MARK.search(joined)
    ):
        return False
    nxt = following.strip()
    return bool(nxt) and (_is_han(nxt[0]) or nxt[0].isdigit() or nxt[0] in "“‘「")


def _squeeze(raw_lines: list[tuple[int, str]]) -> Block:
    """Join lines into one block, dropping white space but remembering where it was: a gap
    inside a line between two Chinese phrases is a soft boundary (产业焕新升级 工业总产值…);
    a line break inside a joined block is not (it broke a word: 解 / 决)."""
    chars: list[str] = []
    lines: list[int] = []
    soft: set[int] = set()
    for number, line in raw_lines:
        gap = "line" if chars else ""
        for ch in line:
            if ch.isspace():
                gap = gap or ("space" if chars else "")
                continue
            if gap:
                prev = chars[-1]
                if prev.isascii() and prev.isalnum() and ch.isascii() and ch.isalnum():
                    chars.append(" ")
                    lines.append(number)
                elif gap == "space" and _is_han(prev) and _is_han(ch):
                    soft.add(len(chars))
                gap = ""
            chars.append(ch)
            lines.append(number)
    text = "".join(chars)
    heading = len(text) < 40 and not re.search(
        f"[{re.escape(SENTENCE_END)}，,；;]", text
    )
    return Block(text, lines, soft, heading)


def blocks(raw: str, normalise=None) -> list[Block]:
    """The article's blocks in order. `normalise` (seedtext.normalise) decides which blocks
    repeat an earlier one; without it, exact text equality does."""
    numbered = [
        (i + 1, line) for i, line in enumerate(raw.splitlines()) if line.strip()
    ]
    groups: list[list[tuple[int, str]]] = []
    for number, line in numbered:
        if groups and _continues(groups[-1], line):
            groups[-1].append((number, line))
        else:
            groups.append([(number, line)])
    out, seen = [], set()
    for group in groups:
        block = _squeeze(group)
        block.teaser = len(group) == 1 and bool(_TEASER.match(group[0][1]))
        key = normalise(block.text) if normalise else block.text
        block.repeated = key in seen and len(block.text) >= 8
        seen.add(key)
        out.append(block)
    return out


def _is_digit_comma(text: str, i: int) -> bool:
    """A comma between digits groups thousands (25,000); it does not end a clause."""
    return (
        text[i] == ","
        and 0 < i < len(text) - 1
        and text[i - 1].isdigit()
        and text[i + 1].isdigit()
    )


def span_of(text: str, i: int, stops: str) -> tuple[int, int]:
    """The maximal span around index i that contains none of `stops` (digit commas excepted)."""
    start = i
    while start > 0 and not (
        text[start - 1] in stops and not _is_digit_comma(text, start - 1)
    ):
        start -= 1
    end = i
    while end < len(text) and not (
        text[end] in stops and not _is_digit_comma(text, end)
    ):
        end += 1
    return start, end


def sentence_span(text: str, i: int) -> tuple[int, int]:
    """The sentence around index i (ended by 。！？), its end punctuation excluded."""
    return span_of(text, i, SENTENCE_END)


def clause_span(text: str, i: int) -> tuple[int, int]:
    """The clause around index i (ended by ，；：。 …)."""
    return span_of(text, i, CLAUSE_END)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop unmatched quotation marks and brackets at the edges of a quote."""
    pairs = {
        "“": "”",
        "‘": "’",
        "「": "」",
        "『": "』",
        "(": ")",
        "（": "）",
        "《": "》",
    }
    closers = {v: k for k, v in pairs.items()}
    changed = True
    while changed and end - start > 1:
        changed = False
        piece = text[start:end]
        if piece[0] in pairs and pairs[piece[0]] not in piece[1:]:
            start, changed = start + 1, True
        elif piece[-1] in closers and closers[piece[-1]] not in piece[:-1]:
            end, changed = end - 1, True
        elif piece[0] in closers or piece[0] in "、":
            start, changed = start + 1, True
        elif piece[-1] in pairs or piece[-1] in "、":
            end, changed = end - 1, True
    return start, end


def _soft_piece(
    block: Block, start: int, end: int, p0: int, p1: int
) -> tuple[int, int]:
    """Inside a clause, the list item (between 、 or the gaps of a heading) that holds the
    number, if it says something besides the number (省级54家, 200多个系列); else the clause
    (11.3% alone in 分别增长11.5%、11.3%、11.9% would say nothing)."""
    text = block.text
    cuts = [(i, i + 1) for i in range(start, end) if text[i] == "、"]
    cuts += [(i, i + 2) for i in range(start, end - 1) if text[i : i + 2] == "——"]
    cuts += [(j, j) for j in block.soft if start < j < end]
    lo = max([right for left, right in cuts if right <= p0], default=start)
    hi = min([left for left, right in cuts if left >= p1], default=end)
    others = len(_HAN.findall(text[lo:p0] + text[p1:hi]))
    return (lo, hi) if others >= 2 else (start, end)


def quote_span(block: Block, p0: int, p1: int, longest: int = 40) -> tuple[int, int]:
    """The shortest quotable phrase around the number phrase text[p0:p1]: its clause, or the
    list item inside the clause; a clause longer than `longest` is cut at a 、 or a word gap,
    or else to a window around the number."""
    text = block.text
    start, end = clause_span(text, p0)
    end = max(end, clause_span(text, max(p1 - 1, p0))[1])
    if (
        end - start < 6
    ):  # 两年多来: too short to say what is counted; add the next clause, else the previous
        s0, s1 = sentence_span(text, p0)
        if p0 <= start + 1 and end + 1 < s1:
            end = clause_span(text, end + 1)[1]
        elif start > s0:
            start = clause_span(text, start - 2)[0]
        return _strip_span(text, start, end)
    c0 = start
    start, end = _soft_piece(block, start, end, p0, p1)
    if end - start > longest:
        before, after = (
            max(0, longest - (p1 - p0)) * 2 // 3,
            max(0, longest - (p1 - p0)) // 3,
        )
        start, end = max(start, p0 - before), min(end, p1 + after)
        start = _snap(block, c0, start, p0, end, longest)
        end = min([c for c in _cuts(block, c0, end) if p1 <= c], default=end)
    return _strip_span(text, start, end)


def _cuts(block: Block, lo: int, hi: int) -> list[int]:
    """Where list items (、) and heading phrases (white space) end, between lo and hi."""
    return sorted(
        {i for i in range(lo, hi) if block.text[i] == "、"}
        | {j for j in block.soft if lo < j < hi}
    )


def _snap(
    block: Block, clause_start: int, start: int, p0: int, end: int, longest: int
) -> int:
    """Move a window's start off the middle of a word: back to the list item it cut (if the
    quote stays short enough), else forward to the next item."""
    text = block.text
    cuts = sorted(
        {i + 1 for i in range(clause_start, p0) if text[i] == "、"}
        | {j for j in block.soft if clause_start < j <= p0}
    )
    back = max([c for c in cuts if c <= start], default=clause_start)
    if end - back <= longest + 12:
        return back
    return min([c for c in cuts if start <= c <= p0], default=start)


# --- reading the file ------------------------------------------------------------------------


class ArticleError(ValueError):
    """The input is not an article this tool can read; the message is one line."""


def read_article(path: Path | str) -> str:
    """The text of an article file, or ArticleError naming the problem in one line."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path}: no such file")
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder, not an article file")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ArticleError(f"{path}: cannot be read ({e.strerror})") from None
    if not raw.strip():
        raise ArticleError(f"{path}: empty file")
    if b"\x00" in raw:
        raise ArticleError(f"{path}: binary file (NUL bytes), not a UTF-8 article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise ArticleError(
            f"{path}: not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}, line {line}); "
            "convert it to UTF-8 first"
        ) from None
    if not re.search(r"[\u3400-\u9fff]", text):
        raise ArticleError(f"{path}: no Chinese text, not an article")
    if not numerals.quantities(text) and not any(
        r.kind == "year" for r in numerals.readings(text)
    ):
        raise ArticleError(f"{path}: no number in the text, nothing to extract")
    return text
