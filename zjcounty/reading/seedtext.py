"""Seed texts as they are, and a normal form for finding a quote in them.

The seeds are never edited. Their defects (lines broken mid-sentence, no-break spaces,
repeated paragraphs, traditional characters) are handled here, in one normal form that
both the seed and the quote pass through before comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only quote matching needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified with OpenCC, so one quote form matches either script."""
    return _t2s().convert(text)


def normalise(text: str) -> str:
    """NFKC, simplified script, all white space removed.

    Removing white space joins lines broken mid-sentence (seed 000) and drops the
    no-break spaces (seeds 002, 003); Chinese prose does not rely on spaces between words.
    NFKC folds full-width punctuation and digits into their ASCII forms.
    """
    text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub("", to_simplified(text))


@lru_cache(maxsize=32)
def read_seed(path: str | Path) -> str:
    """The raw text of a seed (UTF-8), cached because validation asks for it per quote."""
    return Path(path).read_text(encoding="utf-8")


@lru_cache(maxsize=32)
def normalised_seed(path: str | Path) -> str:
    return normalise(read_seed(path))


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (blocks separated by blank lines), white space trimmed."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def repeated_paragraphs(text: str) -> list[str]:
    """Paragraphs that occur more than once, in first-seen order (seed 001 has some).

    Counting figures per paragraph would double-count these, so the overview shows them.
    """
    seen: dict[str, int] = {}
    for p in paragraphs(text):
        key = normalise(p)
        seen[key] = seen.get(key, 0) + 1
    firsts: dict[str, str] = {}
    for p in paragraphs(text):
        firsts.setdefault(normalise(p), p)
    return [firsts[k] for k, n in seen.items() if n > 1]


def profile(text: str) -> dict:
    """Measured defects of one seed: what normalisation has to cope with."""
    paras = paragraphs(text)
    return {
        "characters": len(text),
        "lines": text.count("\n") + 1,
        "paragraphs": len(paras),
        "repeated_paragraphs": len(repeated_paragraphs(text)),
        "no_break_spaces": text.count("\u00a0"),
        "traditional_chars": sum(a != b for a, b in zip(text, to_simplified(text))),
    }
