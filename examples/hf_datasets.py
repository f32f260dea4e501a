"""Normalize and tokenize a Hugging Face ``datasets`` corpus with nass, in worker
processes: ``map(batched=True, num_proc=2)``.

``datasets`` forks its workers; nass starts its threads per call and keeps no thread
pool, so it works in forked children (set ``NASS_NUM_THREADS=1`` to leave one core per
process). Two routes: Python lists (``normalize_batch``, one call per batch) and Arrow
tables (``with_format("arrow")``, no Python object per row for the normalized column).

    python examples/hf_datasets.py corpus/*.txt
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import nass

if TYPE_CHECKING:
    import pyarrow as pa
    from datasets import Dataset

NORMALIZER = nass.Normalizer("camel")


def annotate_lists(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """A batched map function on Python lists."""
    texts: list[str] = batch["text"]
    return {
        "norm": NORMALIZER.normalize_batch(texts),
        "tokens": nass.tokenize_strings_batch(texts),
    }


def annotate_arrow(table: "pa.Table") -> "pa.Table":
    """A batched map function on Arrow tables (``with_format("arrow")``)."""
    text = table.column("text")
    return table.append_column("norm", nass.normalize_arrow(text, NORMALIZER)).append_column(
        "tokens", nass.tokenize_arrow(text)
    )


def annotate(dataset: "Dataset", num_proc: int = 2) -> tuple["Dataset", "Dataset"]:
    """The dataset annotated both ways."""
    by_lists = dataset.map(annotate_lists, batched=True, num_proc=num_proc)
    by_arrow = dataset.with_format("arrow").map(annotate_arrow, batched=True, num_proc=num_proc)
    return by_lists, by_arrow.with_format(None)


def main(argv: list[str]) -> int:
    from datasets import Dataset

    lines: list[str] = []
    for path in argv:
        with open(path, encoding="utf-8") as f:
            lines.extend(line.rstrip("\n") for line in f if line.strip())
    by_lists, _ = annotate(Dataset.from_dict({"text": lines}))
    for row in by_lists.select(range(min(3, len(by_lists)))):
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
