#!/usr/bin/env python3
"""Differential test of `nass translit` against CAMeL Tools 1.6's builtin mappers
(ar2bw, ar2safebw, ar2xmlbw, ar2hsb, bw2ar, safebw2ar, xmlbw2ar, hsb2ar), byte for byte.

Inputs: every file of the corpus (when a corpus folder is given), and for the mappers
back to Arabic also CAMeL's own transliteration of it; every code point of the Arabic
blocks (U+0600-U+06FF, U+0750-U+077F, U+0870-U+08FF, U+FB50-U+FDFF, U+FE70-U+FEFF), of
ASCII and of U+0080-U+03FF, one per line and all on one line; every scheme's alphabet;
and random strings mixing them with CR, LF, CRLF and astral characters.

Usage: scripts/translit-oracle.py NASS_BINARY [CORPUS_DIR]

Exit status: 0 when every output agrees, 1 on the first difference (it is printed),
77 when camel_tools cannot be imported (nothing was compared). Install the peer with
    python3 -m venv VENV && VENV/bin/pip install --no-deps camel-tools==1.6.0 emoji regex six
and run this script with VENV/bin/python.
"""
import pathlib
import random
import subprocess
import sys

try:
    from camel_tools.utils.charmap import CharMapper
except ImportError as e:  # the peer is not installed: say so, compare nothing
    print(f"translit-oracle: camel_tools not importable ({e}): skipping", file=sys.stderr)
    sys.exit(77)

SCHEMES = ["bw", "safebw", "xmlbw", "hsb"]


def code_points(*ranges):
    return [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if not 0xD800 <= c <= 0xDFFF]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    nass = sys.argv[1]
    corpus = []
    if len(sys.argv) == 3:
        files = sorted(p for p in pathlib.Path(sys.argv[2]).iterdir() if p.is_file())
        if not files:
            sys.exit(f"translit-oracle: no corpus files in {sys.argv[2]}")
        corpus = [(p.name, p.read_bytes().decode("utf-8")) for p in files]

    mappers = {}
    for s in SCHEMES:
        mappers["ar2" + s] = CharMapper.builtin_mapper("ar2" + s)
        mappers[s + "2ar"] = CharMapper.builtin_mapper(s + "2ar")

    blocks = code_points(
        (0x0000, 0x03FF),
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x0870, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    )
    alphabet = sorted({c for s in SCHEMES for c in mappers[s + "2ar"]._charmap})
    rng = random.Random(15)
    pool = blocks + alphabet * 20 + ["\r\n", "\n", "\r", " ", "\U0001F600", "\u20AC"]
    generated = [
        ("every code point, one per line", "\n".join(blocks) + "\n"),
        ("every code point, one line", "".join(blocks)),
        ("every scheme character", " ".join(alphabet)),
    ] + [
        (f"random string {k}", "".join(rng.choice(pool) for _ in range(rng.randrange(1, 400))))
        for k in range(200)
    ]

    compared = 0
    for s in SCHEMES:
        to_inputs = corpus + generated
        # Text in the scheme: CAMeL's own transliteration of the corpus, and the rest.
        from_inputs = [(f"{n} in {s}", mappers["ar2" + s](t)) for n, t in corpus] + corpus + generated
        for name, flag, inputs in (("ar2" + s, "--to", to_inputs), (s + "2ar", "--from", from_inputs)):
            for label, text in inputs:
                want = mappers[name](text).encode("utf-8")
                got = subprocess.run(
                    [nass, "translit", flag, s],
                    input=text.encode("utf-8"),
                    capture_output=True,
                    check=True,
                ).stdout
                if got != want:
                    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                    print(
                        f"translit-oracle: {name} differs on {label} at byte {at}: "
                        f"nass {got[max(0, at - 12):at + 12]!r}, CAMeL {want[max(0, at - 12):at + 12]!r}",
                        file=sys.stderr,
                    )
                    sys.exit(1)
                compared += 1
    print(f"translit-oracle: {compared} inputs, all 8 mappers agree byte for byte")


if __name__ == "__main__":
    main()
