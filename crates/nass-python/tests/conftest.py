"""Shared fixtures: the corpus lines (NASS_CORPUS, a missing corpus is a failure) and
text strategies for hypothesis."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import strategies as st


def corpus_dir() -> Path:
    return Path(os.environ.get("NASS_CORPUS", "../shared/corpus"))


def read_corpus_lines() -> list[str]:
    d = corpus_dir()
    files = sorted(d.glob("*.txt"))
    assert files, f"no corpus at {d} (set NASS_CORPUS)"
    lines: list[str] = []
    for f in files:
        lines.extend(line for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


@pytest.fixture(scope="session")
def corpus_lines() -> list[str]:
    return read_corpus_lines()


# Code points that make Arabic text interesting: letters of every form, harakat, shadda,
# sukun, dagger alef, tatweel, combining hamza and madda, Arabic punctuation and digits,
# Persian letters and digits, presentation forms, ligatures, ASCII, spaces and controls.
_POOL = (
    [chr(c) for c in range(0x0621, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x0660, 0x066E)]
    + ["\u0670", "\u0671", "\u0640", "\u060c", "\u061b", "\u061f", "\u06cc", "\u06a9", "\u06c0"]
    + [chr(c) for c in range(0x06F0, 0x06FA)]
    + ["\ufefb", "\ufef7", "\ufdfc", "\ufdfd", "\ufe8d", "\ufe91", "\ufb50"]
    + list("abcXYZ0123456789 .,:;!?()-\"'%#@/")
    + [" ", "  ", "\t", "\n", "\u00a0", "\u200c", "\u200f"]
)

arabic_text = st.lists(st.sampled_from(_POOL), max_size=40).map("".join)
"""Short texts drawn from the pool above."""

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
"""Any text without surrogates (what a Python str from valid input holds)."""
