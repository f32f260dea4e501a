"""nass: Arabic text normalization, tokenization, numbers, names and dates.

The work is done by the Rust crates of nass; this package is a thin layer over them.
Every offset it returns is a code-point index into the Python ``str`` (what you slice
with). Batch calls (``normalize_batch``, ``tokenize_batch``, ``normalize_arrow``...)
release the GIL and use several threads: ``set_num_threads(n)`` or the environment
variable ``NASS_NUM_THREADS`` choose how many (default: the number of cores).

>>> import nass
>>> nass.normalize("وَصَلَ الوفدُ إلى بغـــداد")
'وصل الوفد الي بغداد'
>>> [t.text for t in nass.tokenize("قال: 3.5 مليون")]
['قال', ':', '3.5', 'مليون']

Errors are :class:`NassError` (a ``ValueError``) or :class:`NassTypeError` (a
``TypeError``), with a message that says what is wrong.

Drop-in modules: :mod:`nass.camel` (CAMeL Tools' names, transliteration included) and
:mod:`nass.araby` (PyArabic's names).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence, Tuple, Union

from nass._nass import (
    Alignment,
    DateMatch,
    GazetteerMatch,
    HijriDate,
    NassError,
    NassTypeError,
    Normalizer,
    NumberMatch,
    Token,
    Transliterator,
    _Gazetteer,
    ArrowChunks,
    ArrowColumn,
    _normalize_arrow,
    _tokenize_arrow,
    _transliterate_arrow,
    digits,
    find_dates,
    find_numbers,
    get_num_threads,
    normalize,
    number_to_words,
    parse_number,
    parse_number_words,
    set_num_threads,
    to_gregorian,
    to_hijri,
    tokenize,
    tokenize_batch,
    tokenize_strings,
    tokenize_strings_batch,
    transliterate,
    transliteration_table,
)

__all__ = [
    "Alignment",
    "ArrowChunks",
    "ArrowColumn",
    "DateMatch",
    "Entry",
    "Gazetteer",
    "GazetteerMatch",
    "HijriDate",
    "NassError",
    "NassTypeError",
    "Normalizer",
    "NumberMatch",
    "Token",
    "Transliterator",
    "digits",
    "find_dates",
    "find_numbers",
    "get_num_threads",
    "normalize",
    "normalize_arrow",
    "number_to_words",
    "parse_number",
    "parse_number_words",
    "set_num_threads",
    "to_gregorian",
    "to_hijri",
    "tokenize",
    "tokenize_arrow",
    "tokenize_batch",
    "tokenize_strings",
    "tokenize_strings_batch",
    "transliterate",
    "transliterate_arrow",
    "transliteration_table",
]


@dataclass(frozen=True)
class Entry:
    """One thing a :class:`Gazetteer` knows: a canonical ``name``, a ``type``
    (``"country"``, ``"person"``, anything), variant spellings and an optional
    ``payload`` (any JSON value) handed back with every match.

    >>> Entry("بغداد", "capital", variants=("مدينة السلام",), payload={"id": 7}).name
    'بغداد'
    """

    name: str
    type: str
    variants: Sequence[str] = ()
    payload: Any = field(default=None)


EntryLike = Union[Entry, Tuple[str, str], Mapping[str, Any]]


def _entry_record(item: EntryLike, index: int) -> dict[str, Any]:
    if isinstance(item, Entry):
        record: dict[str, Any] = {"name": item.name, "type": item.type}
        variants: Any = item.variants
        payload = item.payload
    elif isinstance(item, Mapping):
        record = {"name": item.get("name"), "type": item.get("type")}
        variants = item.get("variants", ())
        payload = item.get("payload")
    elif isinstance(item, tuple) and len(item) == 2:
        record = {"name": item[0], "type": item[1]}
        variants, payload = (), None
    else:
        raise NassTypeError(
            f"entries[{index}] must be an Entry, a (name, type) tuple or a dict, "
            f"not {type(item).__name__}"
        )
    for key in ("name", "type"):
        if not isinstance(record[key], str):
            raise NassTypeError(
                f"entries[{index}]: {key} must be str, not {type(record[key]).__name__}"
            )
    if isinstance(variants, str) or not all(isinstance(v, str) for v in variants):
        raise NassTypeError(f"entries[{index}]: variants must be a sequence of str")
    record["variants"] = list(variants)
    if payload is not None:
        record["payload"] = payload
    return record


class Gazetteer:
    """Names (places, organizations, people, anything) found in Arabic text through
    proclitics (و ف ب ل ك, وللعراق) and spelling variation (diacritics, tatweel, hamza
    and alef forms).

    ``Gazetteer()`` has the built-in list (every country and capital, main
    organizations); ``default=False`` leaves it out. ``files`` are TSV
    (``name<TAB>type<TAB>variant|variant``) or, for names ending in ``.jsonl``/``.json``,
    JSON Lines (``{"name": ..., "type": ..., "variants": [...], "payload": ...}``);
    ``entries`` are :class:`Entry` objects, ``(name, type)`` tuples or dicts with those
    keys. ``adjectives=True`` also finds nisba adjectives of places (العراقي).

    :meth:`Gazetteer.open` opens an index compiled by ``nass gazetteer compile`` or
    :meth:`save`, memory-mapped: in milliseconds whatever the number of names. A
    Gazetteer pickles to the bytes of its index (the names, not the files' paths), so
    Spark and multiprocessing ship it to workers, which open it without building again.

    >>> g = Gazetteer(entries=[Entry("الموصل", "city", payload={"id": 1})])
    >>> [(m.text, m.name, m.type, m.clitics) for m in g.find("وصل الوفد إلى بغداد وللموصل")]
    [('بغداد', 'بغداد', 'capital', ''), ('وللموصل', 'الموصل', 'city', 'ول')]
    >>> g.find("من الموصل")[0].payload
    {'id': 1}
    """

    __slots__ = ("_inner", "_label")

    def __init__(
        self,
        entries: Iterable[EntryLike] = (),
        files: Iterable[Union[str, os.PathLike[str]]] = (),
        *,
        default: bool = True,
        adjectives: bool = False,
    ) -> None:
        sources: list[tuple[str, str, str]] = []
        if isinstance(files, (str, os.PathLike)):
            files = [files]
        for path in files:
            name = _path_name(path, "files")
            fmt = "jsonl" if name.endswith((".jsonl", ".json")) else "tsv"
            try:
                with open(name, encoding="utf-8") as f:
                    text = f.read()
            except UnicodeDecodeError as e:
                raise NassError(f"{name}: not UTF-8 text ({e})") from None
            sources.append((name, fmt, text))
        records = []
        for i, item in enumerate(entries):
            record = _entry_record(item, i)
            try:
                records.append(json.dumps(record, ensure_ascii=False))
            except (TypeError, ValueError) as e:
                raise NassError(f"entries[{i}]: the payload is not JSON: {e}") from None
        if records:
            sources.append(("entries", "jsonl", "\n".join(records) + "\n"))
        names = [source[0] for source in sources]
        self._label = f"default={bool(default)}, adjectives={bool(adjectives)}, sources={names!r}"
        self._inner = _Gazetteer(bool(default), bool(adjectives), sources)

    @classmethod
    def open(cls, path: Union[str, os.PathLike[str]]) -> Gazetteer:
        """Opens an index written by ``nass gazetteer compile`` or :meth:`save`,
        memory-mapped (the file must not be rewritten in place while it is open; both
        writers write a new file and rename it). The index carries its names, types,
        variants, payloads and the normalizer settings it was compiled with, so the
        gazetteer finds what the one it was compiled from finds.

        A file that cannot be read raises the ``OSError`` of its cause
        (``FileNotFoundError``...); one that is not an index, has another version or a
        bad checksum raises :class:`NassError`.

        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "places.idx")
        >>> Gazetteer(entries=[("الموصل", "city")], default=False).save(path)
        >>> [(m.text, m.name) for m in Gazetteer.open(path).find("وصل إلى الموصل")]
        [('الموصل', 'الموصل')]
        """
        name = _path_name(path, "path")
        g = cls.__new__(cls)
        g._inner = _Gazetteer.open(name)
        g._label = f"index={name!r}"
        return g

    def save(self, path: Union[str, os.PathLike[str]]) -> None:
        """Writes this gazetteer's index to ``path`` (to a temporary file beside it, then
        renamed over it), for :meth:`Gazetteer.open` and ``nass match --index``.

        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "default.idx")
        >>> Gazetteer().save(path)
        >>> len(Gazetteer.open(path)) == len(Gazetteer())
        True
        """
        self._inner.save(_path_name(path, "path"))

    def find(self, text: str, *, overlapping: bool = False) -> list[GazetteerMatch]:
        """Every name in ``text``, in order, without overlaps (the reading with fewer
        proclitics, then the longer name, wins); ``overlapping=True`` gives every
        reading. Offsets are code-point indices into ``text``."""
        return self._inner.find(text, overlapping)

    def __len__(self) -> int:
        return len(self._inner)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_gazetteer_from_index, (self._inner.index_bytes(), self._label))

    def __repr__(self) -> str:
        return f"Gazetteer({self._label}, entries={len(self)})"


def _path_name(path: Any, what: str) -> str:
    """``path`` (a ``str`` or ``os.PathLike[str]``) as a ``str``, else NassTypeError."""
    try:
        name = os.fspath(path)
    except TypeError:
        name = None
    if not isinstance(name, str):
        raise NassTypeError(
            f"{what}: a path must be str or os.PathLike[str], not {type(path).__name__}"
        )
    return name


def _gazetteer_from_index(data: bytes, label: str) -> Gazetteer:
    """Unpickles a Gazetteer: opens the bytes of its index."""
    g = Gazetteer.__new__(Gazetteer)
    g._inner = _Gazetteer.from_index_bytes(data)
    g._label = label
    return g


def _to_pyarrow(result: Union[ArrowColumn, ArrowChunks]) -> Any:
    """``result`` as a pyarrow Array or ChunkedArray (imported without copying) when
    pyarrow is installed, else as it is."""
    try:
        import pyarrow as pa
    except ImportError:
        return result
    if isinstance(result, ArrowChunks):
        return pa.chunked_array(result)
    return pa.array(result)


def normalize_arrow(array: Any, normalizer: Union[str, Normalizer] = "search") -> Any:
    """Normalizes an Arrow ``string``/``large_string`` column, returning one of the same
    type (nulls stay null). ``array`` is any object of the Arrow PyCapsule protocol: a
    pyarrow ``Array`` or ``ChunkedArray``, a Polars ``Series``, anything with
    ``__arrow_c_array__`` or ``__arrow_c_stream__``. Its buffers are read in place
    through the Arrow C data interface and the result's buffers are made in Rust: no
    Python object is made per row, and the GIL is released while the threads work.

    The result is a pyarrow ``Array`` (``ChunkedArray`` for a chunked input or a stream)
    when pyarrow is installed, else an :class:`ArrowColumn` (:class:`ArrowChunks`),
    which any Arrow consumer imports (``pl.Series(result)``...). For Spark Arrow UDFs and
    ``mapInArrow``, Ray ``map_batches(batch_format="pyarrow")``, Polars and Hugging Face
    datasets (``with_format("arrow")``). A ``string_view`` column is a
    :class:`NassTypeError` (cast it to ``string`` first).

    >>> import pyarrow as pa, nass
    >>> nass.normalize_arrow(pa.array(["مدرسةٌ", None]), "camel").to_pylist()
    ['مدرسه', None]
    """
    n = normalizer if isinstance(normalizer, Normalizer) else Normalizer(normalizer)
    return _to_pyarrow(_normalize_arrow(n, array))


def tokenize_arrow(array: Any) -> Any:
    """The tokens of each string of an Arrow string column (as for
    :func:`normalize_arrow`), as a ``list<string>`` column (``list<large_string>`` for
    ``large_string`` input); a null row gives a null list. The token strings are those of
    :func:`tokenize_strings`.

    >>> import pyarrow as pa, nass
    >>> nass.tokenize_arrow(pa.array(["قال: نعم", None])).to_pylist()
    [['قال', ':', 'نعم'], None]
    """
    return _to_pyarrow(_tokenize_arrow(array))


def transliterate_arrow(array: Any, transliterator: Union[str, Transliterator] = "bw") -> Any:
    """Transliterates an Arrow ``string``/``large_string`` column as
    :func:`normalize_arrow` normalizes one: the same inputs, nulls and result types.
    ``transliterator`` is a :class:`Transliterator` or a scheme name (Arabic to that
    scheme).

    >>> import pyarrow as pa, nass
    >>> nass.transliterate_arrow(pa.array(["كتاب", None])).to_pylist()
    ['ktAb', None]
    >>> back = nass.Transliterator("bw", to_arabic=True)
    >>> nass.transliterate_arrow(pa.array(["ktAb"]), back).to_pylist()
    ['كتاب']
    """
    t = transliterator if isinstance(transliterator, Transliterator) else Transliterator(transliterator)
    return _to_pyarrow(_transliterate_arrow(t, array))
