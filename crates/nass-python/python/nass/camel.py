"""CAMeL Tools' functions under their own names, computed by nass.

A drop-in for ``camel_tools.utils.normalize``, ``camel_tools.utils.dediac``,
``camel_tools.tokenizers.word``, ``camel_tools.utils.charmap`` and
``camel_tools.utils.transliterate``: replace ``from camel_tools.utils.normalize import
normalize_unicode`` by ``from nass.camel import normalize_unicode``. Outputs are those of
CAMeL Tools 1.6.0 (checked against it by the tests, on the corpus and on generated text),
with the exceptions listed per function.

In nass's own API the whole usual chain is one preset, one pass:

==========================================================  =====================================
CAMeL Tools                                                 nass
==========================================================  =====================================
``normalize_unicode`` + ``dediac_ar`` + ``normalize_alef_ar``  ``nass.Normalizer("camel")``
+ ``normalize_alef_maksura_ar`` + ``normalize_teh_marbuta_ar``
``CharMapper.builtin_mapper("ar2bw")(s)``                    ``nass.transliterate(s, "bw")``
``simple_word_tokenize(s)``                                 ``[t.text for t in nass.tokenize(s)]``
                                                            (numbers, URLs, e-mails, hashtags,
                                                            mentions kept whole)
==========================================================  =====================================

>>> from nass.camel import normalize_unicode, dediac_ar, normalize_alef_ar
>>> normalize_alef_ar(dediac_ar(normalize_unicode("إِلَى ﷼")))
'الى ريال'
"""

from __future__ import annotations

import json
import os
import re
from typing import Callable, Dict, FrozenSet, Mapping, Optional, Union

from nass._nass import (
    NassError,
    NassTypeError,
    Transliterator as _Rust,
    _camel_simple_word_tokenize,
    transliteration_table,
)
from nass._only import only

__all__ = [
    "normalize_unicode",
    "dediac_ar",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_teh_marbuta_ar",
    "simple_word_tokenize",
    "dediac_bw",
    "dediac_safebw",
    "dediac_xmlbw",
    "dediac_hsb",
    "normalize_alef_bw",
    "normalize_alef_safebw",
    "normalize_alef_xmlbw",
    "normalize_alef_hsb",
    "normalize_alef_maksura_bw",
    "normalize_alef_maksura_safebw",
    "normalize_alef_maksura_xmlbw",
    "normalize_alef_maksura_hsb",
    "normalize_teh_marbuta_bw",
    "normalize_teh_marbuta_safebw",
    "normalize_teh_marbuta_xmlbw",
    "normalize_teh_marbuta_hsb",
    "CharMapper",
    "Transliterator",
    "InvalidCharMapKeyError",
    "BuiltinCharMapNotFoundError",
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


def simple_word_tokenize(sentence: str, split_digits: bool = False) -> list[str]:
    """Splits on whitespace and makes every punctuation or symbol character (and emoji
    sequence) a token of its own; every other run of characters is a word. With
    ``split_digits=True``, runs of decimal digits are also tokens of their own. As
    ``camel_tools.tokenizers.word.simple_word_tokenize`` in CAMeL Tools 1.6.

    nass's tokenizer finds the words, punctuation and symbols; its numbers, URLs, e-mail
    addresses, hashtags and mentions (which nass keeps whole) are split again at their
    punctuation and symbols, and pieces not separated by whitespace, punctuation or a
    symbol are joined, as CAMeL does (``2021م`` is one token): all in Rust
    (``nass_tokenize::camel``), the tokens being slices of ``sentence``.

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
    return _camel_simple_word_tokenize(sentence, split_digits)


# The same folds for text in the transliteration schemes (CAMeL's ``*_bw``,
# ``*_safebw``, ``*_xmlbw`` and ``*_hsb`` functions): each Arabic fold above, carried over
# to the scheme's letters by the scheme's table.


def _carried(fold: Callable[[str], str], scheme: str, extra: str = "") -> Dict[int, str]:
    table = transliteration_table(scheme)  # type: ignore[arg-type]
    out: Dict[int, str] = {}
    for arabic, latin in table.items():
        folded = fold(arabic)
        if folded != arabic:
            out[ord(latin)] = "".join(table.get(c, c) for c in folded)
    for c in extra:
        out[ord(c)] = ""
    return out


_SCHEMES = ("bw", "safebw", "xmlbw", "hsb")
_ALEF_IN = {k: _carried(normalize_alef_ar, k) for k in _SCHEMES}
_ALEF_MAKSURA_IN = {k: _carried(normalize_alef_maksura_ar, k) for k in _SCHEMES}
_TEH_MARBUTA_IN = {k: _carried(normalize_teh_marbuta_ar, k) for k in _SCHEMES}
# CAMeL's set of HSB diacritics also holds Ä, HSB's alef wasla (ٱ, which dediac_ar keeps):
# kept, so that outputs stay CAMeL's.
_DEDIAC_IN = {k: _carried(dediac_ar, k, "\u00c4" if k == "hsb" else "") for k in _SCHEMES}


def dediac_bw(s: str) -> str:
    """:func:`dediac_ar` for Buckwalter text: the diacritics ``F N K a u i ~ o`` and the
    dagger alef (a backquote) removed. As ``camel_tools.utils.dediac.dediac_bw``.

    >>> dediac_bw("kataba")
    'ktb'
    """
    return s.translate(_DEDIAC_IN["bw"])


def dediac_safebw(s: str) -> str:
    """:func:`dediac_ar` for Safe Buckwalter text. As CAMeL's ``dediac_safebw``.

    >>> dediac_safebw("kutub")
    'ktb'
    """
    return s.translate(_DEDIAC_IN["safebw"])


def dediac_xmlbw(s: str) -> str:
    """:func:`dediac_ar` for XML Buckwalter text. As CAMeL's ``dediac_xmlbw``.

    >>> dediac_xmlbw("kutub")
    'ktb'
    """
    return s.translate(_DEDIAC_IN["xmlbw"])


def dediac_hsb(s: str) -> str:
    """:func:`dediac_ar` for Habash-Soudi-Buckwalter text. As CAMeL's ``dediac_hsb``,
    which also removes ``Ä`` (alef wasla, which :func:`dediac_ar` keeps).

    >>> dediac_hsb("kataba")
    'ktb'
    """
    return s.translate(_DEDIAC_IN["hsb"])


def normalize_alef_bw(s: str) -> str:
    """:func:`normalize_alef_ar` for Buckwalter text: ``< > { |`` to ``A``. As CAMeL's
    ``normalize_alef_bw``.

    >>> normalize_alef_bw("<lY >n")
    'AlY An'
    """
    return s.translate(_ALEF_IN["bw"])


def normalize_alef_safebw(s: str) -> str:
    """:func:`normalize_alef_ar` for Safe Buckwalter text. As CAMeL's
    ``normalize_alef_safebw``.

    >>> normalize_alef_safebw("OIL M")
    'AAA A'
    """
    return s.translate(_ALEF_IN["safebw"])


def normalize_alef_xmlbw(s: str) -> str:
    """:func:`normalize_alef_ar` for XML Buckwalter text. As CAMeL's
    ``normalize_alef_xmlbw``.

    >>> normalize_alef_xmlbw("O|{I")
    'AAAA'
    """
    return s.translate(_ALEF_IN["xmlbw"])


def normalize_alef_hsb(s: str) -> str:
    """:func:`normalize_alef_ar` for Habash-Soudi-Buckwalter text. As CAMeL's
    ``normalize_alef_hsb``.

    >>> normalize_alef_hsb("ÂĂÄĀ")
    'AAAA'
    """
    return s.translate(_ALEF_IN["hsb"])


def normalize_alef_maksura_bw(s: str) -> str:
    """:func:`normalize_alef_maksura_ar` for Buckwalter text: ``Y`` to ``y``. As CAMeL's
    ``normalize_alef_maksura_bw``.

    >>> normalize_alef_maksura_bw("<lY")
    '<ly'
    """
    return s.translate(_ALEF_MAKSURA_IN["bw"])


def normalize_alef_maksura_safebw(s: str) -> str:
    """:func:`normalize_alef_maksura_ar` for Safe Buckwalter text. As CAMeL's
    ``normalize_alef_maksura_safebw``.

    >>> normalize_alef_maksura_safebw("ElY")
    'Ely'
    """
    return s.translate(_ALEF_MAKSURA_IN["safebw"])


def normalize_alef_maksura_xmlbw(s: str) -> str:
    """:func:`normalize_alef_maksura_ar` for XML Buckwalter text. As CAMeL's
    ``normalize_alef_maksura_xmlbw``.

    >>> normalize_alef_maksura_xmlbw("ElY")
    'Ely'
    """
    return s.translate(_ALEF_MAKSURA_IN["xmlbw"])


def normalize_alef_maksura_hsb(s: str) -> str:
    """:func:`normalize_alef_maksura_ar` for Habash-Soudi-Buckwalter text. As CAMeL's
    ``normalize_alef_maksura_hsb``.

    >>> normalize_alef_maksura_hsb("ςlý")
    'ςly'
    """
    return s.translate(_ALEF_MAKSURA_IN["hsb"])


def normalize_teh_marbuta_bw(s: str) -> str:
    """:func:`normalize_teh_marbuta_ar` for Buckwalter text: ``p`` to ``h``. As CAMeL's
    ``normalize_teh_marbuta_bw``.

    >>> normalize_teh_marbuta_bw("mdrsp")
    'mdrsh'
    """
    return s.translate(_TEH_MARBUTA_IN["bw"])


def normalize_teh_marbuta_safebw(s: str) -> str:
    """:func:`normalize_teh_marbuta_ar` for Safe Buckwalter text. As CAMeL's
    ``normalize_teh_marbuta_safebw``.

    >>> normalize_teh_marbuta_safebw("mdrsp")
    'mdrsh'
    """
    return s.translate(_TEH_MARBUTA_IN["safebw"])


def normalize_teh_marbuta_xmlbw(s: str) -> str:
    """:func:`normalize_teh_marbuta_ar` for XML Buckwalter text. As CAMeL's
    ``normalize_teh_marbuta_xmlbw``.

    >>> normalize_teh_marbuta_xmlbw("mdrsp")
    'mdrsh'
    """
    return s.translate(_TEH_MARBUTA_IN["xmlbw"])


def normalize_teh_marbuta_hsb(s: str) -> str:
    """:func:`normalize_teh_marbuta_ar` for Habash-Soudi-Buckwalter text. As CAMeL's
    ``normalize_teh_marbuta_hsb``.

    >>> normalize_teh_marbuta_hsb("mdrsħ")
    'mdrsh'
    """
    return s.translate(_TEH_MARBUTA_IN["hsb"])


# Transliteration: camel_tools.utils.charmap and camel_tools.utils.transliterate.

# The scripts CAMeL Tools' builtin transliteration maps go between: Arabic, and the four
# schemes of nass's transliterator.
_SCRIPTS = ("ar", "bw", "safebw", "xmlbw", "hsb")


# The one character each of these builtin maps of CAMeL's leaves unconverted.
_CAMEL_KEEPS = {"safebw2xmlbw": "B", "xmlbw2safebw": "V"}


class InvalidCharMapKeyError(NassError):
    """A key of a character map that is neither one character nor a range ``"a-b"``
    whose first character comes before its last. A ``ValueError`` (and a
    :class:`nass.NassError`), as CAMeL's exception of the same name; the bad key is
    ``.key``."""

    def __init__(self, key: object, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


class BuiltinCharMapNotFoundError(NassError):
    """:meth:`CharMapper.builtin_mapper` was asked for a map it does not have. A
    ``ValueError`` (and a :class:`nass.NassError`), as CAMeL's exception of the same
    name; the name asked for is ``.map_name``."""

    def __init__(self, map_name: object, message: str) -> None:
        super().__init__(message)
        self.map_name = map_name
        self.message = message


class _WithDefault(Dict[int, str]):
    """A ``str.translate`` table whose missing characters map to one string."""

    def __init__(self, table: Dict[int, str], default: str) -> None:
        super().__init__(table)
        self.default = default

    def __missing__(self, key: int) -> str:
        return self.default


class CharMapper:
    """Maps every character of a string through a table, as
    ``camel_tools.utils.charmap.CharMapper`` in CAMeL Tools 1.6.

    ``charmap`` maps one character, or an inclusive range written ``"a-b"``, to a string
    (``""`` deletes it) or to ``None`` (the character is kept); a character the table
    does not have becomes ``default``, or is kept when ``default`` is ``None``.

    The builtin transliteration maps, ``CharMapper.builtin_mapper("ar2bw")`` and the rest
    of :attr:`BUILTIN_CHARMAPS` (Arabic and the schemes ``bw``, ``safebw``, ``xmlbw``,
    ``hsb``, every direction), are computed by nass's transliterator
    (:class:`nass.Transliterator`) and give CAMeL's output character for character (also
    where CAMeL's tables differ from the schemes: its ``safebw2xmlbw`` and
    ``xmlbw2safebw`` leave veh ڤ unconverted).
    CAMeL's ``arclean`` map is CAMeL's own data and is not provided: asking for it is a
    :class:`BuiltinCharMapNotFoundError` that says so.

    ==========================================  ==========================================
    CAMeL Tools                                 nass
    ==========================================  ==========================================
    ``CharMapper.builtin_mapper("ar2bw")(s)``   ``nass.transliterate(s, "bw")``
    ``CharMapper.builtin_mapper("bw2ar")(s)``   ``nass.transliterate(s, "bw", to_arabic=True)``
    ==========================================  ==========================================

    >>> ar2bw = CharMapper.builtin_mapper("ar2bw")
    >>> ar2bw("كتبَ الطالبُ")
    'ktba AlTAlbu'
    >>> CharMapper({"a-c": "x", "d": None, "e": ""}, default="?")("abcdef")
    'xxxd?'
    """

    BUILTIN_CHARMAPS: FrozenSet[str] = frozenset(
        f"{a}2{b}" for a in _SCRIPTS for b in _SCRIPTS if a != b
    )

    def __init__(self, charmap: Mapping[str, Optional[str]], default: Optional[str] = None) -> None:
        if not isinstance(charmap, Mapping):
            raise NassTypeError(
                f"Expected a dictionary like object for charmap, got {type(charmap)} instead"
            )
        if default is not None and not isinstance(default, str):
            raise NassTypeError(
                f"Expected a Unicode string or None value for default, got {type(default)} instead."
            )
        table: Dict[int, str] = {}
        for key, value in charmap.items():
            if not isinstance(key, str):
                raise NassTypeError(f"Expected string as key. Got {type(key)} instead.")
            if len(key) == 1:
                chars = [key]
            elif len(key) == 3 and key[1] == "-":
                if ord(key[0]) >= ord(key[2]):
                    raise InvalidCharMapKeyError(
                        key, f"Invalid character range {key!r}: its first character must come before its last"
                    )
                chars = [chr(c) for c in range(ord(key[0]), ord(key[2]) + 1)]
            else:
                raise InvalidCharMapKeyError(key, "Invalid character or character range")
            if value is not None and not isinstance(value, str):
                raise NassTypeError(
                    f"Expected a Unicode string or None value for key value, got {type(value)} instead."
                )
            for c in chars:
                table[ord(c)] = c if value is None else value
        self._default = default
        self._table: Dict[int, str] = table if default is None else _WithDefault(table, default)
        self._fast: Optional[_Rust] = None

    @staticmethod
    def builtin_mapper(map_name: str) -> "CharMapper":
        """The builtin map ``map_name``: ``"ar2bw"``, ``"bw2ar"``, ``"bw2hsb"``... (any
        two of ``ar``, ``bw``, ``safebw``, ``xmlbw``, ``hsb``).

        >>> CharMapper.builtin_mapper("bw2safebw")("$>n")
        'cOn'
        """
        if map_name not in CharMapper.BUILTIN_CHARMAPS:
            if map_name == "arclean":
                raise BuiltinCharMapNotFoundError(
                    map_name,
                    "nass does not provide CAMeL Tools' 'arclean' map (CAMeL's own table); "
                    "use camel_tools.utils.charmap for it",
                )
            raise BuiltinCharMapNotFoundError(
                map_name, f"No built in mapping with name {map_name!r} was found."
            )
        source, target = map_name.split("2")
        # Each character of the source script's table, through Arabic, to the target's.
        to_arabic = {v: k for k, v in transliteration_table(source).items()} if source != "ar" else None
        from_arabic = transliteration_table(target) if target != "ar" else None
        table: Dict[str, Optional[str]] = {}
        for c in (to_arabic or from_arabic or {}):
            arabic = to_arabic[c] if to_arabic else c
            out = from_arabic[arabic] if from_arabic else arabic
            if out != c:
                table[c] = out
        # CAMeL's maps between Safe and XML Buckwalter leave veh (ڤ, safebw B, xmlbw V)
        # as it is, where its other maps convert it: kept, so that outputs stay CAMeL's.
        table.pop(_CAMEL_KEEPS.get(map_name, ""), None)
        mapper = CharMapper(table)
        if source == "ar" or target == "ar":
            scheme = target if source == "ar" else source
            mapper._fast = _Rust(scheme, to_arabic=target == "ar")  # type: ignore[arg-type]
        return mapper

    @staticmethod
    def mapper_from_json(fpath: Union[str, "os.PathLike[str]"]) -> "CharMapper":
        """A map read from a JSON file of CAMeL's format: an object with ``"charMap"``
        (the table) and ``"default"``.

        >>> import json, os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "map.json")
        >>> with open(path, "w", encoding="utf-8") as f:
        ...     json.dump({"charMap": {"ة": "ه"}, "default": None}, f)
        >>> CharMapper.mapper_from_json(path)("مدرسة")
        'مدرسه'
        """
        with open(fpath, encoding="utf-8") as f:
            spec = json.load(f)
        return CharMapper(spec.get("charMap", {}), default=spec.get("default", None))

    def map_string(self, s: str) -> str:
        """``s`` with every character mapped.

        >>> CharMapper.builtin_mapper("bw2ar").map_string("ktAb")
        'كتاب'
        """
        if not isinstance(s, str):
            raise NassTypeError(f"Expected Unicode string as input, got {type(s)} instead.")
        if self._fast is not None:
            try:
                return self._fast.transliterate(s)
            except NassError:
                pass  # a lone surrogate, which CAMeL's map keeps as it is: the table does
        return s.translate(self._table)

    def __call__(self, s: str) -> str:
        """:meth:`map_string`.

        >>> CharMapper({"a": "b"})("abc")
        'bbc'
        """
        return self.map_string(s)


class Transliterator:
    """Transliterates with a :class:`CharMapper`, leaving alone the tokens marked not to
    be, as ``camel_tools.utils.transliterate.Transliterator`` in CAMeL Tools 1.6.

    A marked token is ``marker`` followed by one or more characters that are not
    whitespace, wherever it occurs (also inside a word, and the marker's match is
    searched for from left to right as a regular expression would). Unless
    ``ignore_markers``, it is kept (without the marker if ``strip_markers``); with
    ``ignore_markers``, what follows the marker is mapped too, and the marker is kept
    unless ``strip_markers``. As in CAMeL, text that begins with the marker at the start
    of ``s`` or right after a marked token is treated as marked even where whitespace or
    the end follows the marker (``"@@IGNORE@@ كتاب"`` is kept whole): a quirk kept so that
    outputs stay CAMeL's.

    >>> t = Transliterator(CharMapper.builtin_mapper("ar2bw"))
    >>> t.transliterate("قال @@IGNORE@@نعم")
    'qAl @@IGNORE@@نعم'
    >>> t.transliterate("قال @@IGNORE@@نعم", strip_markers=True)
    'qAl نعم'
    >>> t.transliterate("قال @@IGNORE@@نعم", ignore_markers=True)
    'qAl @@IGNORE@@nEm'
    """

    def __init__(self, mapper: CharMapper, marker: str = "@@IGNORE@@") -> None:
        if not isinstance(mapper, CharMapper):
            raise NassTypeError("Mapper is not a CharMapper instance.")
        if not isinstance(marker, str):
            raise NassTypeError("Marker is not a string.")
        if not marker:
            raise NassError("Marker is empty.")
        if any(c.isspace() for c in marker):
            raise NassError("Marker contains whitespace.")
        self._mapper = mapper
        self._marker = marker
        # `\s` of a str pattern is str.isspace, the test above.
        self._marked = re.compile("(" + re.escape(marker) + r"\S+)")

    def transliterate(self, s: str, strip_markers: bool = False, ignore_markers: bool = False) -> str:
        """``s`` transliterated, except its marked tokens (see the class)."""
        if not isinstance(s, str):
            raise NassTypeError(f"Expected Unicode string as input, got {type(s)} instead.")
        mapped = self._mapper.map_string
        marker = self._marker
        out: list[str] = []
        # The marked tokens are the odd pieces; an even piece that begins with the marker
        # (at the start of the text or right after a marked token, followed by whitespace
        # or nothing) is treated as marked too, as in CAMeL.
        for piece in self._marked.split(s):
            if not piece.startswith(marker):
                out.append(mapped(piece))
                continue
            if not strip_markers:
                out.append(marker)
            rest = piece[len(marker) :]
            out.append(mapped(rest) if ignore_markers else rest)
        return "".join(out)
