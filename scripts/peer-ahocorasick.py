#!/usr/bin/env python3
"""The peer of `nass match --format jsonl` for issue 17: pyahocorasick over the same
gazetteer, with a whole-word check, one JSON object per match on standard output.

    peer-ahocorasick.py GAZETTEER.tsv [INPUT] > matches.jsonl

GAZETTEER is TSV, `name<TAB>type[<TAB>variants]` (variants are ignored; `#` comments and
blank lines skipped), as scripts/gen-gazetteer.py writes it. INPUT is read as UTF-8
(standard input without one).

What it does, to be fair to both sides:

- Names and text are folded alike with one character-for-character table, the letter
  folds of nass's `search` preset that news needs: أ إ آ ٱ to ا, ى to ي, ة to ه, ؤ to و,
  ئ to ي. A fold of one character to one keeps offsets, so no offset map is needed.
  Names also lose their diacritics and tatweel; the text keeps its own (the news has
  almost none). nass does more (NFKC, every diacritic and tatweel in the text, digits,
  clitics such as و ب ل ال before a name); this peer does none of that, so it finds
  fewer matches than nass on text with clitics.
- All matches are found (`Automaton.iter`), those that are not whole words are dropped
  (the character before and after must not be a letter, digit or mark), and of the rest
  the leftmost-longest non-overlapping ones are kept, as `nass match` keeps them.
- Each match is written as `{"start": S, "end": E, "text": T, "type": Y}` through
  `json.dumps` (ensure_ascii off, as nass writes UTF-8), with S and E offsets in
  characters from the start of the input (nass writes bytes; converting would cost the
  peer more).

Needs pyahocorasick (`pip install pyahocorasick`); scripts/bench-index.sh makes a venv
with it under target/.
"""

import json
import sys
import unicodedata

import ahocorasick

FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
MARKS = dict.fromkeys(list(range(0x064B, 0x0660)) + [0x0670, 0x0640])


def is_word_char(c):
    return c.isalnum() or unicodedata.category(c).startswith("M")


def automaton(path):
    a = ahocorasick.Automaton()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            name = cols[0].strip().translate(MARKS).translate(FOLD)
            if name and name not in a:
                a.add_word(name, (len(name), cols[1].strip()))
    a.make_automaton()
    return a


def main():
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(__doc__.split("\n\n")[1])
    a = automaton(sys.argv[1])
    src = open(sys.argv[2], encoding="utf-8") if len(sys.argv) == 3 else sys.stdin
    out = sys.stdout
    dumps = json.dumps
    base = 0
    with src:
        for line in src:
            folded = line.translate(FOLD)
            n = len(line)
            found = []
            for end, (length, kind) in a.iter(folded):
                start = end + 1 - length
                if start > 0 and is_word_char(line[start - 1]):
                    continue
                if end + 1 < n and is_word_char(line[end + 1]):
                    continue
                found.append((start, end + 1, kind))
            # Leftmost-longest, non-overlapping.
            found.sort(key=lambda m: (m[0], -m[1]))
            done = 0
            for start, end, kind in found:
                if start < done:
                    continue
                out.write(
                    dumps(
                        {"start": base + start, "end": base + end, "text": line[start:end], "type": kind},
                        ensure_ascii=False,
                    )
                )
                out.write("\n")
                done = end
            base += n


if __name__ == "__main__":
    main()
