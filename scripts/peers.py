#!/usr/bin/env python3
"""The peers of nass's filters, as filters of their own: each reads FILE line by line
and writes what the nass subcommand beside it writes, so that the two can be timed side
by side on the same input (scripts/bench-threads.py --peers) and their outputs compared.

  peers.py normalize FILE   CAMeL Tools' chain (normalize_unicode, dediac_ar,
                            normalize_alef_ar, normalize_alef_maksura_ar,
                            normalize_teh_marbuta_ar) per line
                            ~ `nass normalize --preset camel FILE`
  peers.py tokenize FILE    CAMeL Tools' simple_word_tokenize per line, the tokens
                            joined by single spaces ~ `nass tokenize --format text FILE`

Needs CAMeL Tools 1.6.0: pip install --no-deps camel-tools==1.6.0 emoji regex six
(the venv of scripts/test-python.sh has it). A last line without a line break is
written without one, as nass does.
"""
import sys


def lines(path):
    with open(path, "rb") as f:
        for line in f:
            if line.endswith(b"\n"):
                yield line[:-1].decode("utf-8"), "\n"
            else:
                yield line.decode("utf-8"), ""


def normalize(path):
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    out = []
    for s, end in lines(path):
        s = normalize_unicode(s)
        s = dediac_ar(s)
        s = normalize_alef_ar(s)
        s = normalize_alef_maksura_ar(s)
        out.append(normalize_teh_marbuta_ar(s) + end)
    return out


def tokenize(path):
    from camel_tools.tokenizers.word import simple_word_tokenize

    return [" ".join(simple_word_tokenize(s)) + end for s, end in lines(path)]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("normalize", "tokenize"):
        sys.exit(__doc__)
    out = {"normalize": normalize, "tokenize": tokenize}[sys.argv[1]](sys.argv[2])
    sys.stdout.write("".join(out))


main()
