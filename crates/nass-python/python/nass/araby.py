"""PyArabic's ``araby`` functions under their own names, computed by nass.

A drop-in for the parts of ``pyarabic.araby`` (and ``pyarabic.trans.normalize_digits``)
that nass does: replace ``import pyarabic.araby as araby`` by ``import nass.araby as
araby``. Written from PyArabic's documented behaviour (PyArabic is GPL; none of its code
is used), and checked against PyArabic 0.6.15 by the tests, on the corpus and on
generated text.

Mapping to nass's own API:

=================================  ==================================================
PyArabic                           nass
=================================  ==================================================
``strip_tashkeel``                 ``Normalizer(..., diacritics="classic")``
``strip_harakat``                  ``diacritics=["harakat", "sukun"]``
``strip_shadda``                   ``diacritics="shadda"``
``strip_diacritics``               ``diacritics="all", keep_diacritics="extended"``
``strip_tatweel``                  ``tatweel=True``
``normalize_teh``                  ``letters="teh_marbuta"``
``normalize_hamza(tasheel)``       ``letters=["alef_hamza", "hamza_carriers"]``
``normalize_hamza(uniform)``       ``hamza="uniform"`` (the rule on a leading آ applied
                                   to every word; PyArabic applies it to the start of
                                   the string only)
``tokenize``                       no nass equivalent: ``nass.tokenize`` keeps numbers
                                   and URLs whole and splits punctuation runs
``normalize_ligature``             ``letters="presentation_forms"`` (every form; keeps
                                   the hamza of ﻷ, which PyArabic drops)
``normalize_digits``               ``nass.digits(text, to, separators=False)``
=================================  ==================================================

``tokenize``, ``tokenize_with_location`` and ``sentence_tokenize`` follow PyArabic's own
rules (held by the Rust module ``nass_tokenize::pyarabic``), which differ from
:func:`nass.tokenize`: PyArabic keeps runs of punctuation such as ``:"`` together and
splits ``3.5``. Characters assigned after Python's Unicode version (14.0 on Python 3.11)
can be classed differently, as nass reads newer Unicode tables.

>>> import nass.araby as araby
>>> araby.strip_tashkeel("بِسْمِ اللَّهِ")
'بسم الله'
"""

from __future__ import annotations

from typing import Callable, Sequence, Union

from nass._nass import (
    NassError,
    _pyarabic_hamza_uniform,
    _pyarabic_sentence_tokenize,
    _pyarabic_tokenize,
    _pyarabic_tokenize_with_location,
    digits,
)
from nass._only import only

__all__ = [
    "strip_tashkeel",
    "strip_harakat",
    "strip_shadda",
    "strip_diacritics",
    "strip_tatweel",
    "normalize_teh",
    "normalize_hamza",
    "normalize_ligature",
    "normalize_digits",
    "tokenize",
    "tokenize_with_location",
    "sentence_tokenize",
]


_TASHKEEL = only(diacritics="classic")
_HARAKAT = only(diacritics=["harakat", "sukun"])
_SHADDA = only(diacritics="shadda")
_DIACRITICS = only(diacritics="all", keep_diacritics="extended")
_TATWEEL = only(tatweel=True)
_TEH = only(letters="teh_marbuta")
_HAMZA_TASHEEL = only(letters=["alef_hamza", "hamza_carriers"])

# PyArabic's quirks, kept because its users get them: the four isolated lam-alef
# ligatures (U+FEF5, U+FEF7, U+FEF9, U+FEFB) all become لا, the hamza or madda of ﻷ ﻹ ﻵ
# dropped, and their final forms stay; the tasheel method turns the combining hamza
# above and below (U+0654, U+0655) into ا.
_LAM_ALEF = {c: "\u0644\u0627" for c in (0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB)}
_COMBINING_HAMZA = {0x0654: "\u0627", 0x0655: "\u0627"}


def strip_tashkeel(text: str) -> str:
    """Removes the harakat, tanwin, shadda and sukun (U+064B–U+0652).

    >>> strip_tashkeel("مُحَمَّدٌ")
    'محمد'
    """
    return _TASHKEEL.normalize(text)


def strip_harakat(text: str) -> str:
    """Removes the harakat, tanwin and sukun, and keeps the shadda.

    >>> strip_harakat("مُحَمَّدٌ")
    'محمّد'
    """
    return _HARAKAT.normalize(text)


def strip_shadda(text: str) -> str:
    """Removes the shadda.

    >>> strip_shadda("محمّد")
    'محمد'
    """
    return _SHADDA.normalize(text)


def strip_diacritics(text: str) -> str:
    """Removes every diacritic of the Arabic block: harakat, shadda, sukun, the other
    combining marks U+0653–U+065F, the dagger alef, and the Quranic annotation marks
    (U+0610–U+061A, U+06D6–U+06ED). Marks of Arabic Extended-A/B stay, as in PyArabic.

    >>> strip_diacritics("ٱلرَّحْمَٰنِ ۖ")
    'ٱلرحمن '
    """
    return _DIACRITICS.normalize(text)


def strip_tatweel(text: str) -> str:
    """Removes the tatweel (kashida, U+0640).

    >>> strip_tatweel("العـــربية")
    'العربية'
    """
    return _TATWEEL.normalize(text)


def normalize_teh(text: str) -> str:
    """ة to ه.

    >>> normalize_teh("مدرسة")
    'مدرسه'
    """
    return _TEH.normalize(text)


def normalize_hamza(word: str, method: str = "uniform") -> str:
    """Standardizes the hamza. With ``method="uniform"`` (the default): every hamza form
    and carrier (أ إ ؤ ئ, the combining hamza above and below) to ء, and آ to ءء, except
    at the start of the string when the string has exactly three code points or its third
    is a shadda (and its second is not a haraka): then ءا. As in PyArabic, the string is
    taken to be one word (``nass.Normalizer(hamza="uniform")`` applies the rule to every
    word), and any method other than ``"tasheel"`` is ``"uniform"``.

    With ``method="tasheel"``: أ إ آ to ا, ؤ to و, ئ to ي (the hamza on ٱ ٲ ٳ ٵ and the
    standalone ء stay). PyArabic's quirk is kept: a combining hamza (U+0654, U+0655)
    becomes ا.

    >>> normalize_hamza("سؤال الأئمة آجلا")
    'سءال الءءمة ءءجلا'
    >>> normalize_hamza("آدم")
    'ءادم'
    >>> normalize_hamza("سؤال الأئمة", method="tasheel")
    'سوال الايمة'
    """
    if method != "tasheel":
        return _pyarabic_hamza_uniform(word)
    return _HAMZA_TASHEEL.normalize(word).translate(_COMBINING_HAMZA)


def normalize_ligature(text: str) -> str:
    """Spells out the isolated lam-alef ligatures ﻻ ﻷ ﻹ ﻵ, all four as لا (PyArabic's
    quirk, kept: the hamza or madda is dropped, and the final forms ﻼ ﻸ ﻺ ﻶ stay). nass's
    own fold, ``Normalizer(letters="presentation_forms")``, gives لأ for ﻷ and folds
    every presentation form.

    >>> normalize_ligature("ﻻ ﻷ ﻼ")
    'لا لا ﻼ'
    """
    return text.translate(_LAM_ALEF)


_OUT = {"west": "ascii", "east": "arabic", "persian": "persian"}
_SOURCE = {"all": "any", "west": "ascii", "east": "arabic", "persian": "persian"}


def normalize_digits(text: str, source: str = "all", out: str = "west") -> str:
    """Converts the digits of ``source`` (``"west"`` ASCII, ``"east"`` Arabic-Indic ٠-٩,
    ``"persian"`` ۰-۹, or ``"all"``) to ``out`` (``"west"``, ``"east"`` or
    ``"persian"``); other digits and the separators are left alone. As
    ``pyarabic.trans.normalize_digits``.

    >>> normalize_digits("٣٫٥ و۱۲")
    '3٫5 و12'
    >>> normalize_digits("2024", out="east")
    '٢٠٢٤'
    >>> normalize_digits("۱۲ و١٢", source="persian", out="west")
    '12 و١٢'
    """
    if source not in _SOURCE:
        raise NassError(f"unknown digit source {source!r} (expected all, west, east or persian)")
    if out not in _OUT:
        raise NassError(f"unknown digit set {out!r} (expected west, east or persian)")
    return digits(text, to=_OUT[out], separators=False, source=_SOURCE[source])


_Condition = Callable[[str], bool]
_Morph = Callable[[str], str]


def tokenize(
    text: str = "",
    conditions: Union[_Condition, Sequence[_Condition]] = (),
    morphs: Union[_Morph, Sequence[_Morph]] = (),
) -> list[str]:
    """PyArabic's word tokenizer: runs of word characters (letters and numbers of any
    script, ``_``, ``'``, the harakat, shadda, sukun and dagger alef), and the runs of
    other characters between them with spaces, tabs, CR, VT and FF deleted (a newline or
    a no-break space stays, and ``: "`` becomes one token ``:"``). Then the tokens for
    which every condition is true are kept, and each morph is applied to them in order
    (both a function or a sequence of functions). As ``pyarabic.araby.tokenize``.

    >>> tokenize('قال: "نعم" 3.5')
    ['قال', ':"', 'نعم', '"', '3', '.', '5']
    >>> tokenize("ذهبَ الولدُ إلى المدرسةِ", conditions=lambda t: t.startswith("ال"),
    ...          morphs=strip_tashkeel)
    ['الولد', 'المدرسة']
    """
    tokens: list[str] = _pyarabic_tokenize(text)
    checks = [conditions] if callable(conditions) else list(conditions)
    if checks:
        tokens = [t for t in tokens if all(check(t) for check in checks)]
    changes = [morphs] if callable(morphs) else list(morphs)
    for change in changes:
        tokens = [change(t) for t in tokens]
    return tokens


def tokenize_with_location(text: str) -> list[dict[str, Union[str, int]]]:
    """The words of ``text`` (the runs of word characters of :func:`tokenize`;
    punctuation is left out) as dicts ``{"token", "start", "end"}``, ``start`` and
    ``end`` code-point indices (``text[start:end] == token``). As
    ``pyarabic.araby.tokenize_with_location``.

    >>> tokenize_with_location("قال: نعم")
    [{'token': 'قال', 'start': 0, 'end': 3}, {'token': 'نعم', 'start': 5, 'end': 8}]
    """
    return _pyarabic_tokenize_with_location(text)


def sentence_tokenize(text: str) -> list[str]:
    """PyArabic's sentence splitter: a sentence ends at a run of ``.`` ``,`` ``:`` ``;``
    ``?`` ``،`` ``؟`` or newline followed by a space, tab, CR or newline. PyArabic's quirks
    are kept: the sentence keeps only the last mark of the run (``"قال... نعم"`` gives
    ``"قال."``), the spaces after it go, ``!`` and ``؛`` do not end a sentence, and a text
    ending at a sentence end gives a last, empty sentence. As
    ``pyarabic.araby.sentence_tokenize``.

    >>> sentence_tokenize("العربية لغة جميلة. والبلاد بعيدة، والشوق زائد")
    ['العربية لغة جميلة.', 'والبلاد بعيدة،', 'والشوق زائد']
    """
    return _pyarabic_sentence_tokenize(text)
