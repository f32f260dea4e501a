"""CAMeL Tools' functions under their own names, computed by nass.

A drop-in for ``camel_tools.utils.normalize``, ``camel_tools.utils.dediac`` and
``camel_tools.tokenizers.word``: replace ``from camel_tools.utils.normalize import
normalize_unicode`` by ``from nass.camel import normalize_unicode``. Outputs are those of
CAMeL Tools 1.6.0 (checked against it by the tests, on the corpus and on generated text),
with the exceptions listed per function.

In nass's own API the whole usual chain is one preset, one pass:

==========================================================  =====================================
CAMeL Tools                                                 nass
==========================================================  =====================================
``normalize_unicode`` + ``dediac_ar`` + ``normalize_alef_ar``  ``nass.Normalizer("camel")``
+ ``normalize_alef_maksura_ar`` + ``normalize_teh_marbuta_ar``
``simple_word_tokenize(s)``                                 ``[t.text for t in nass.tokenize(s)]``
                                                            (numbers, URLs, e-mails, hashtags,
                                                            mentions kept whole)
==========================================================  =====================================

>>> from nass.camel import normalize_unicode, dediac_ar, normalize_alef_ar
>>> normalize_alef_ar(dediac_ar(normalize_unicode("إِلَى ﷼")))
'الى ريال'
"""

from __future__ import annotations

import unicodedata

from nass._nass import tokenize
from nass._only import only

__all__ = [
    "normalize_unicode",
    "dediac_ar",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_teh_marbuta_ar",
    "simple_word_tokenize",
]


_NFKC = only(unicode="nfkc", ligatures=True)
_NFC = only(unicode="nfc")
_DEDIAC = only(diacritics="camel")
_ALEF = only(letters=["alef_hamza", "alef_wasla"])
_ALEF_MAKSURA = only(letters="alef_maksura")
_TEH_MARBUTA = only(letters="teh_marbuta")


def normalize_unicode(s: str, compatibility: bool = True) -> str:
    """NFKC after spelling out ﷼ (U+FDFC, as ريال) and the basmala ligature U+FDFD;
    NFC with ``compatibility=False``. As ``camel_tools.utils.normalize.normalize_unicode``.

    Difference: nass normalizes with the Unicode version of its Rust crates, CAMeL with
    Python's ``unicodedata`` (Unicode 14.0 on Python 3.11); characters assigned after
    Python's version can normalize differently.

    >>> normalize_unicode("ﻻ ﷼")
    'لا ريال'
    """
    return (_NFKC if compatibility else _NFC).normalize(s)


def dediac_ar(s: str) -> str:
    """Removes the Arabic diacritics U+064B–U+0652 and the dagger alef U+0670.

    >>> dediac_ar("مُحَمَّدٌ")
    'محمد'
    """
    return _DEDIAC.normalize(s)


def normalize_alef_ar(s: str) -> str:
    """أ إ آ ٱ to ا.

    >>> normalize_alef_ar("أإآٱ")
    'اااا'
    """
    return _ALEF.normalize(s)


def normalize_alef_maksura_ar(s: str) -> str:
    """ى to ي.

    >>> normalize_alef_maksura_ar("على")
    'علي'
    """
    return _ALEF_MAKSURA.normalize(s)


def normalize_teh_marbuta_ar(s: str) -> str:
    """ة to ه.

    >>> normalize_teh_marbuta_ar("مدرسة")
    'مدرسه'
    """
    return _TEH_MARBUTA.normalize(s)


_GLUED = {"arabic_word", "latin_word", "other_word"}


def _is_punct_or_symbol(c: str) -> bool:
    return unicodedata.category(c)[0] in "PS"


def simple_word_tokenize(sentence: str, split_digits: bool = False) -> list[str]:
    """Splits on whitespace and makes every punctuation or symbol character (and emoji
    sequence) a token of its own; every other run of characters is a word. With
    ``split_digits=True``, runs of decimal digits are also tokens of their own. As
    ``camel_tools.tokenizers.word.simple_word_tokenize`` in CAMeL Tools 1.6.

    nass's tokenizer finds the words, punctuation and symbols; its numbers, URLs, e-mail
    addresses, hashtags and mentions (which nass keeps whole) are split again at their
    punctuation and symbols, and pieces not separated by whitespace, punctuation or a
    symbol are joined, as CAMeL does (``2021م`` is one token).

    Differences: an emoji sequence is one extended grapheme cluster in nass, and in CAMeL
    whatever its pattern matches that is in the ``emoji`` package's list (the two agree on
    the common sequences: flags, skin tones, keycaps, ZWJ families); whitespace is
    Unicode's White_Space in nass, while Python's ``str.split`` also splits at the
    separators U+001C–U+001F.

    >>> simple_word_tokenize("قال: ٣٫٥ مليون في 2021م")
    ['قال', ':', '٣', '٫', '٥', 'مليون', 'في', '2021م']
    >>> simple_word_tokenize("في 2021م", split_digits=True)
    ['في', '2021', 'م']
    """
    out: list[str] = []
    glue: list[str] = []
    end = -1

    def flush() -> None:
        if glue:
            word = "".join(glue)
            glue.clear()
            if split_digits:
                out.extend(_split_digit_runs(word))
            else:
                out.append(word)

    for t in tokenize(sentence):
        if t.start != end:
            flush()  # whitespace between the two tokens
        end = t.end
        if t.kind in _GLUED:
            glue.append(t.text)
        elif t.kind == "emoji":
            flush()
            out.append(t.text)
        else:
            # Numbers, URLs, e-mails, hashtags, mentions split at their punctuation and
            # symbols; a punctuation token of tatweel (a letter for CAMeL) is glued.
            for c in t.text:
                if _is_punct_or_symbol(c):
                    flush()
                    out.append(c)
                else:
                    glue.append(c)
    flush()
    return out


def _split_digit_runs(word: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for i in range(1, len(word) + 1):
        if i == len(word) or word[i].isdecimal() != word[i - 1].isdecimal():
            parts.append(word[start:i])
            start = i
    return parts
