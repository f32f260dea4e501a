"""The examples in the docstrings (shown by help()) run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import nass
import nass._nass

MODULES = ["nass", "nass._nass", "nass._only", "nass.camel", "nass.araby"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    if importlib.util.find_spec("pyarrow") is None:
        pytest.skip("pyarrow is needed by the Arrow examples")
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    for name in nass.__all__:
        obj = getattr(nass, name)
        if name in {"NassError", "NassTypeError"}:
            assert obj.__doc__
            continue
        assert obj.__doc__ and ">>>" in obj.__doc__ or name in {
            "Alignment",
            "DateMatch",
            "GazetteerMatch",
            "NumberMatch",
            "Token",
        }, name


def test_readme_examples() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    result = doctest.testfile(str(readme), module_relative=False)
    assert result.failed == 0
    assert result.attempted > 0
