"""Normalize, tokenize and find names and dates in a DataFrame of Arabic text with
PySpark and nass.

Two routes, both with no Python object per row where it matters:

- a pandas UDF (``normalize_udf``): Spark hands over batches of rows as pandas Series,
  and ``Normalizer.normalize_batch`` normalizes each batch in one call, with the GIL
  released and on several threads;
- ``mapInArrow`` (``annotate_batches``): Spark hands over Arrow record batches, and
  ``nass.normalize_arrow`` / ``nass.tokenize_arrow`` work on the column buffers; the
  gazetteer and the date finder run per row.
  (``annotator`` builds that function around a Gazetteer and a Normalizer.)

The work distributes because it is row-wise with no shared state: each row's result
depends on that row alone, and the only things shipped to the executors are a Normalizer
and a Gazetteer, which pickle small (a normalizer to its construction arguments, a
gazetteer to its compiled index, names and not file paths) and are ready on each
executor in milliseconds.

Run locally (two cores):

    python examples/spark_pipeline.py --master 'local[2]' corpus/*.txt

On a cluster, the same job with the cluster's master URL (``spark://host:7077``,
``yarn``, ``k8s://...``); every executor needs the ``nass`` wheel installed (``pip
install nass`` in the image, or ``--archives`` with a packed virtual environment), and
the input and output paths must be on storage every node reads (HDFS, S3...):

    spark-submit --master spark://host:7077 examples/spark_pipeline.py \\
        --output hdfs:///out/annotated hdfs:///corpus/*.txt
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator

import pandas as pd
import pyarrow as pa

import nass

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# Entries of our own beside the built-in list, shipped to the executors by pickling.
GAZETTEER = nass.Gazetteer(
    entries=[
        nass.Entry("الموصل", "city", variants=["موصل"], payload={"iso": "IQ"}),
        nass.Entry("البصرة", "city", payload={"iso": "IQ"}),
    ]
)
NORMALIZER = nass.Normalizer("search")

RESULT_COLUMNS = ["id", "text", "norm", "tokens", "names", "dates", "camel"]


def names_and_dates(text: str, gazetteer: nass.Gazetteer) -> tuple[list[str], list[str]]:
    """The canonical names and the ISO date values found in one text."""
    names = [m.name for m in gazetteer.find(text)]
    dates = [d.value for d in nass.find_dates(text)]
    return names, dates


def annotate_direct(rows: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """What the Spark job computes, by calling nass directly (the test's reference)."""
    out = []
    for i, text in rows:
        names, dates = names_and_dates(text, GAZETTEER)
        out.append(
            {
                "id": i,
                "text": text,
                "norm": NORMALIZER.normalize(text),
                "tokens": [t.text for t in nass.tokenize(text)],
                "names": names,
                "dates": dates,
                "camel": nass.normalize(text, "camel"),
            }
        )
    return out


def annotator(
    gazetteer: nass.Gazetteer, normalizer: nass.Normalizer
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The mapInArrow function: Arrow batches of (id, text) in, annotated batches out.
    The gazetteer and normalizer it closes over are pickled with it and opened on the
    executors."""

    def annotate_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            text = batch.column("text")
            found = [names_and_dates(t, gazetteer) for t in text.to_pylist()]
            yield pa.RecordBatch.from_arrays(
                [
                    batch.column("id"),
                    text,
                    nass.normalize_arrow(text, normalizer),
                    nass.tokenize_arrow(text),
                    pa.array([f[0] for f in found], type=pa.list_(pa.string())),
                    pa.array([f[1] for f in found], type=pa.list_(pa.string())),
                ],
                names=["id", "text", "norm", "tokens", "names", "dates"],
            )

    return annotate_batches


def normalize_camel(texts: pd.Series) -> pd.Series:
    """The pandas UDF: one batch of rows normalized in one call. (Spark reads the type
    hints, so pandas is imported at the top of the module.)"""
    return pd.Series(nass.Normalizer("camel").normalize_batch(texts.tolist()), index=texts.index)


def annotate(spark: "SparkSession", rows: list[tuple[int, str]]) -> "DataFrame":
    """The job: a DataFrame of (id, text) annotated through mapInArrow and a pandas UDF."""
    from pyspark.sql.functions import col, pandas_udf

    # The functions below are pickled by reference to this module: ship it to the
    # executors (the gazetteer and normalizer they use pickle by value).
    spark.sparkContext.addPyFile(__file__)
    df = spark.createDataFrame(rows, "id long, text string")
    schema = (
        "id long, text string, norm string, tokens array<string>, names array<string>, "
        "dates array<string>"
    )
    camel_udf = pandas_udf(normalize_camel, "string")
    return df.mapInArrow(annotator(GAZETTEER, NORMALIZER), schema).withColumn("camel", camel_udf(col("text")))


def read_lines(paths: list[str]) -> list[tuple[int, str]]:
    """Numbered non-empty lines of the files."""
    lines: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines.extend(line.rstrip("\n") for line in f if line.strip())
    return list(enumerate(lines))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--output", help="write the result as Parquet here")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (the one with nass installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(args.master).appName("nass").getOrCreate()
    try:
        result = annotate(spark, read_lines(args.files))
        if args.output:
            result.write.mode("overwrite").parquet(args.output)
        else:
            for row in result.limit(5).collect():
                print(row.asDict())
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
