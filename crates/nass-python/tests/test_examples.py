"""The Spark and Hugging Face examples give what calling nass directly gives.

Run when PySpark / datasets are installed (scripts/test-python.sh --spark installs them and
sets NASS_TEST_SPARK=1, which turns a missing package into a failure)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import nass

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("NASS_TEST_SPARK") == "1":
            pytest.fail(f"{module} is not installed")
        pytest.skip(f"{module} is not installed")


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_spark_pipeline_equals_nass_called_directly(corpus_lines: list[str]) -> None:
    require("pyspark")
    example = load("spark_pipeline")
    from pyspark.sql import SparkSession

    rows = list(enumerate(corpus_lines + ["وفي 1 شعبان 1445هـ زار الوفد الموصل وبغداد."]))
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("nass-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        df = example.annotate(spark, rows)
        got = sorted((r.asDict(recursive=True) for r in df.collect()), key=lambda r: r["id"])
    finally:
        spark.stop()
    expected: list[dict[str, Any]] = example.annotate_direct(rows)
    assert [sorted(r) for r in got] == [sorted(example.RESULT_COLUMNS)] * len(rows)
    assert got == expected
    # The last row has a name with its payload entry and a date: the job is not vacuous.
    assert got[-1]["names"] == ["الموصل", "بغداد"]
    assert got[-1]["dates"] == ["1445-08-01"]


def test_hf_datasets_map_with_two_processes(corpus_lines: list[str]) -> None:
    require("datasets")
    example = load("hf_datasets")
    from datasets import Dataset

    dataset = Dataset.from_dict({"text": corpus_lines})
    by_lists, by_arrow = example.annotate(dataset, num_proc=2)
    n = nass.Normalizer("camel")
    expected_norm = [n.normalize(line) for line in corpus_lines]
    expected_tokens = [[t.text for t in nass.tokenize(line)] for line in corpus_lines]
    for result in (by_lists, by_arrow):
        assert result["text"] == corpus_lines
        assert result["norm"] == expected_norm
        assert result["tokens"] == expected_tokens
