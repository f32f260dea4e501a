"""A normalizer doing only the operations asked for: the building block of the drop-in
modules, which each do one thing."""

from __future__ import annotations

from nass._nass import Normalizer


def only(**options: object) -> Normalizer:
    """A Normalizer with every operation off except those given.

    >>> only(tatweel=True).normalize("بـــ ٱ")
    'ب ٱ'
    """
    settings: dict[str, object] = dict(
        unicode="none",
        ligatures=False,
        letters="none",
        diacritics="none",
        tatweel=False,
        invisibles=False,
        digits="none",
        all_digits=False,
    )
    settings.update(options)
    return Normalizer("search", **settings)  # type: ignore[arg-type]
