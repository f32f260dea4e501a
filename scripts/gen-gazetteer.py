#!/usr/bin/env python3
"""Generates large gazetteers (TSV, `name<TAB>type`) for measuring `nass match` and
`nass gazetteer compile`, deterministically from a seed and the corpus.

The corpus is read from $NASS_CORPUS (or --corpus): a directory of UTF-8 `.txt` files.
Its words are the maximal runs of Arabic letters (U+0621-U+064A, U+0671-U+06D3), with
diacritics (U+064B-U+065F, U+0670) and tatweel (U+0640) removed. Nothing of the corpus is
written anywhere but the output file.

Two kinds of list:

`--names N` writes N distinct names of one to three words, the shape of a large real
gazetteer (place or person names): 30 % one word, 45 % two words, 25 % three words.
Words are drawn uniformly from a pool of max(N / 3, vocabulary) words: first every
distinct word of the corpus, then, as the corpus vocabulary runs out, synthetic words of
3 to 8 Arabic letters drawn with the letter frequencies of the corpus (about one in four
synthetic words gets the article ال). A pool that grows with N keeps the number of
distinct words per name roughly what real gazetteers have (millions of names use
hundreds of thousands of words), instead of a few hundred corpus words combined over and
over. Types cycle through city, person, organization, place, region.

`--dense N` writes the case of issue 17: a gazetteer whose names are common words of
the news, so that matching the news finds a match at most words. Its names are, in
order: every distinct corpus word of at least three letters (particles such as في and
من, one or two letters, are left out: they are not names), one in four of the corpus's
distinct two-word phrases made of such words (chosen with the seed), and, as the corpus
has far fewer distinct words than 20 000, synthetic words as above to reach N. Only the
corpus-derived names match the news; the synthetic ones load the automaton as the rest
of a real list would.

Names are distinct after a fold close to nass's `search` preset (diacritics and tatweel
removed; أ إ آ ٱ to ا, ى to ي, ة to ه, ؤ to و, ئ to ي), so the gazetteer does not merge
any two of them.

Examples (the figures in BENCHMARKS.md use seed 18):

    scripts/gen-gazetteer.py --names 1000000 --seed 18 > names-1m.tsv
    scripts/gen-gazetteer.py --dense 20000 --seed 18 > dense-20k.tsv
"""

import argparse
import collections
import os
import random
import re
import sys

LETTERS = "\u0621-\u064a\u0671-\u06d3"
MARKS = "\u064b-\u065f\u0670\u0640"
WORD = re.compile(f"[{LETTERS}][{LETTERS}{MARKS}]*")
STRIP = re.compile(f"[{MARKS}]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
TYPES = ["city", "person", "organization", "place", "region"]
# Letters that may start or fill a synthetic word (the hamza forms and ة only where they
# would be written: ة last, ء not first).
BASIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def fold(name):
    return name.translate(FOLD)


def corpus_words(path):
    """The corpus's words, in reading order, without diacritics or tatweel."""
    files = sorted(f for f in os.listdir(path) if f.endswith(".txt"))
    if not files:
        sys.exit(f"gen-gazetteer: no .txt files in {path}")
    words = []
    for f in files:
        with open(os.path.join(path, f), encoding="utf-8") as fh:
            for m in WORD.finditer(fh.read()):
                word = STRIP.sub("", m.group())
                if word:  # a run of tatweel alone is no word
                    words.append(word)
    return words


class Synthetic:
    """Synthetic words with the corpus's letter frequencies, never equal (folded) to a
    word already seen."""

    def __init__(self, rng, words, seen):
        counts = collections.Counter(c for w in words for c in w if c in BASIC)
        self.letters = list(counts)
        self.weights = [counts[c] for c in self.letters]
        self.rng = rng
        self.seen = seen

    def word(self):
        while True:
            n = self.rng.randint(3, 8)
            w = "".join(self.rng.choices(self.letters, self.weights, k=n))
            if self.rng.random() < 0.25:
                w = "ال" + w
            if self.rng.random() < 0.1:
                w += "ة"
            key = fold(w)
            if key not in self.seen:
                self.seen.add(key)
                return w


def distinct(words):
    """Distinct words (first spelling of each fold), in first-seen order."""
    seen, out = set(), []
    for w in words:
        key = fold(w)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out, seen


def names(n, words, rng, out):
    vocab, seen = distinct(words)
    synth = Synthetic(rng, words, seen)
    pool = list(vocab)
    while len(pool) < max(n // 3, len(vocab)):
        pool.append(synth.word())
    written = set()
    i = 0
    while i < n:
        r = rng.random()
        k = 1 if r < 0.30 else 2 if r < 0.75 else 3
        name = " ".join(rng.choice(pool) for _ in range(k))
        key = fold(name)
        if key in written:
            continue
        written.add(key)
        out.write(f"{name}\t{TYPES[i % len(TYPES)]}\n")
        i += 1


def dense(n, words, rng, out):
    vocab, seen = distinct(words)
    singles = [w for w in vocab if len(w) >= 3]
    ok = set(singles)
    phrases, seen_phrases = [], set()
    for a, b in zip(words, words[1:]):
        if a in ok and b in ok:
            p = f"{a} {b}"
            if fold(p) not in seen_phrases:
                seen_phrases.add(fold(p))
                phrases.append(p)
    phrases = [p for p in phrases if rng.random() < 0.25]
    chosen = (singles + phrases)[:n]
    synth = Synthetic(rng, words, seen)
    while len(chosen) < n:
        chosen.append(synth.word())
    for i, name in enumerate(chosen):
        out.write(f"{name}\t{TYPES[i % len(TYPES)]}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    kind = ap.add_mutually_exclusive_group(required=True)
    kind.add_argument("--names", type=int, metavar="N", help="N names of one to three words")
    kind.add_argument("--dense", type=int, metavar="N", help="N names that are common corpus words")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--corpus", default=os.environ.get("NASS_CORPUS", "../shared/corpus"))
    ap.add_argument("--output", "-o", help="output file (default: standard output)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    words = corpus_words(args.corpus)
    out = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else sys.stdout
    with out:
        if args.names is not None:
            names(args.names, words, rng, out)
        else:
            dense(args.dense, words, rng, out)


if __name__ == "__main__":
    main()
