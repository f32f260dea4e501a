"""Throughput of the Python package against CAMeL Tools 1.6.0, in one process and one
run: the corpus (NASS_CORPUS) repeated to a size, normalized and tokenized.

    python crates/nass-python/bench/bench.py [--mib 64] [--tokenize-mib 8] [--spark-lines 0]

Prints one line per measurement: the best of --repeat runs, in MiB/s of UTF-8 input, and
the ratio to the peer; then the process's CPU time (all threads, best of the same runs)
and the ratio of CPU times, which a machine shared with other jobs moves less than the
wall-clock ratio (a batch call on several threads can use more CPU than wall time). CAMeL's tokenizer is a Python loop over characters, so it is
measured on a smaller slice (--tokenize-mib) of the same text. With --spark-lines N, also
a Spark job (local[2]) normalizing N lines with a pandas UDF calling nass and one calling
CAMeL's functions.
"""


import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

import nass
import nass.camel
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)


def camel_chain(s: str) -> str:
    s = normalize_unicode(s)
    s = dediac_ar(s)
    s = normalize_alef_ar(s)
    s = normalize_alef_maksura_ar(s)
    return normalize_teh_marbuta_ar(s)


def corpus_lines(mib: float) -> list[str]:
    d = Path(os.environ.get("NASS_CORPUS", "../shared/corpus"))
    base: list[str] = []
    for f in sorted(d.glob("*.txt")):
        base.extend(line for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    target = int(mib * (1 << 20))
    size = sum(len(line.encode()) for line in base)
    return base * max(1, target // size)


class Times(float):
    """A wall-clock time in seconds (the float), with the CPU time of the same runs."""

    cpu: float


def best(f: Callable[[], Any], repeat: int) -> Times:
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        f()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    out = Times(min(walls))
    out.cpu = min(cpus)
    return out


def report(name: str, seconds: float, mib: float, peer: Optional[float]) -> None:
    ratio = f"  {peer / seconds:7.1f}x CAMeL" if peer else ""
    cpu = getattr(seconds, "cpu", None)
    if cpu is not None:
        peer_cpu = getattr(peer, "cpu", None)
        cpu_ratio = f" {peer_cpu / cpu:7.1f}x" if peer_cpu else ""
        ratio = f"{ratio:<20} cpu {cpu:7.3f} s{cpu_ratio}"
    print(f"{name:<58} {seconds:8.3f} s {mib / seconds:9.1f} MiB/s{ratio}", flush=True)


def spark(lines: int) -> None:
    import pandas as pd
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import col, pandas_udf

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    text = corpus_lines(1)
    rows = [(text[i % len(text)],) for i in range(lines)]
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    try:
        df = session.createDataFrame(rows, "text string").repartition(4).cache()
        df.count()

        # Built once and shipped to the workers with the function (it pickles to its
        # arguments), as CAMeL's functions are module-level.
        camel_preset = nass.Normalizer("camel")

        def nass_udf(s: pd.Series) -> pd.Series:
            return pd.Series(camel_preset.normalize_batch(s.tolist()), index=s.index)

        def nass_arrow_udf(s: pd.Series) -> pd.Series:
            # The Series' strings to one Arrow array (pyarrow's C++ loop), normalized
            # through the C data interface, handed back as an Arrow-backed Series, which
            # Spark turns into its Arrow batch without a Python object per row.
            import pyarrow as pa

            out = nass.normalize_arrow(pa.array(s, type=pa.string()), camel_preset)
            return pd.Series(pd.arrays.ArrowExtensionArray(out), index=s.index)

        def camel_udf(s: pd.Series) -> pd.Series:
            return s.map(camel_chain)

        results = {}
        for name, f in [("camel", camel_udf), ("nass", nass_udf), ("nass_arrow", nass_arrow_udf)]:
            udf = pandas_udf(f, "string")
            run = lambda: df.select(udf(col("text")).alias("n")).write.format("noop").mode("overwrite").save()
            results[name] = best(run, 2)
        normalizer = nass.Normalizer("camel")

        def arrow_batches(batches: Any) -> Any:
            import pyarrow as pa

            for b in batches:
                yield pa.RecordBatch.from_arrays([nass.normalize_arrow(b.column(0), normalizer)], names=["n"])

        results["arrow"] = best(
            lambda: df.mapInArrow(arrow_batches, "n string").write.format("noop").mode("overwrite").save(), 2
        )
        mib = sum(len(r[0].encode()) for r in rows) / (1 << 20)
        report(f"spark local[2] pandas UDF, CAMeL chain ({lines} lines)", results["camel"], mib, None)
        report("spark local[2] pandas UDF, nass normalize_batch", results["nass"], mib, results["camel"])
        report("spark local[2] pandas UDF, nass normalize_arrow on the Series", results["nass_arrow"], mib, results["camel"])
        report("spark local[2] mapInArrow, nass normalize_arrow", results["arrow"], mib, results["camel"])
    finally:
        session.stop()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--mib", type=float, default=64)
    p.add_argument("--tokenize-mib", type=float, default=8)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--spark-lines", type=int, default=0)
    p.add_argument("--spark-only", action="store_true")
    a = p.parse_args()
    if a.spark_only:
        spark(a.spark_lines)
        return 0

    lines = corpus_lines(a.mib)
    mib = sum(len(line.encode()) for line in lines) / (1 << 20)
    print(f"{len(lines)} lines, {mib:.1f} MiB; nass threads: {nass.get_num_threads()}")
    n = nass.Normalizer("camel")
    assert n.normalize_batch(lines[:2000]) == [camel_chain(line) for line in lines[:2000]]
    camel = best(lambda: [camel_chain(line) for line in lines], a.repeat)
    report("CAMeL chain (5 functions) per line", camel, mib, None)
    report('nass Normalizer("camel").normalize_batch(lines)', best(lambda: n.normalize_batch(lines), a.repeat), mib, camel)
    report('nass Normalizer("camel").normalize(line) per line', best(lambda: [n.normalize(line) for line in lines], a.repeat), mib, camel)
    # What any call taking a list of str and giving a new str per item pays at least, under
    # the GIL: CPython making the same number of strings of the same sizes from its own
    # buffers (see BENCHMARKS.md, "The floor of a list-of-str call").
    report("CPython: a new str per line, [s[1:] for s in lines] (floor)", best(lambda: [s[1:] for s in lines], a.repeat), mib, camel)
    try:
        import pyarrow as pa
    except ImportError:
        pa = None
    if pa is not None:
        column = pa.array(lines)
        report("nass.normalize_arrow(string array), camel", best(lambda: nass.normalize_arrow(column, n), a.repeat), mib, camel)

    ar2bw = CharMapper.builtin_mapper("ar2bw")
    assert nass.camel.CharMapper.builtin_mapper("ar2bw")(lines[0]) == ar2bw(lines[0])
    translit_lines = corpus_lines(a.tokenize_mib)
    tmib = sum(len(line.encode()) for line in translit_lines) / (1 << 20)
    print(f"transliterating: {len(translit_lines)} lines, {tmib:.1f} MiB")
    camel_bw = best(lambda: [ar2bw(line) for line in translit_lines], 1)
    report("CAMeL CharMapper ar2bw per line", camel_bw, tmib, None)
    ours_bw = nass.camel.CharMapper.builtin_mapper("ar2bw")
    report("nass.camel.CharMapper ar2bw per line", best(lambda: [ours_bw(line) for line in translit_lines], a.repeat), tmib, camel_bw)
    bw = nass.Transliterator("bw")
    report('nass.Transliterator("bw").transliterate_batch(lines)', best(lambda: bw.transliterate_batch(translit_lines), a.repeat), tmib, camel_bw)

    small = corpus_lines(a.tokenize_mib)
    smib = sum(len(line.encode()) for line in small) / (1 << 20)
    print(f"tokenizing: {len(small)} lines, {smib:.1f} MiB")
    camel_tok = best(lambda: [simple_word_tokenize(line) for line in small], 1)
    report("CAMeL simple_word_tokenize per line", camel_tok, smib, None)
    report("nass.tokenize_strings_batch(lines)", best(lambda: nass.tokenize_strings_batch(small), a.repeat), smib, camel_tok)
    report("nass.tokenize_strings(line) per line", best(lambda: [nass.tokenize_strings(line) for line in small], a.repeat), smib, camel_tok)
    report("nass.tokenize_batch(lines) (Token objects)", best(lambda: nass.tokenize_batch(small), a.repeat), smib, camel_tok)
    report("nass.tokenize(line) per line (Token objects)", best(lambda: [nass.tokenize(line) for line in small], a.repeat), smib, camel_tok)
    if pa is not None:
        column = pa.array(small)
        report("nass.tokenize_arrow(string array)", best(lambda: nass.tokenize_arrow(column), a.repeat), smib, camel_tok)
    report("nass.camel.simple_word_tokenize per line", best(lambda: [nass.camel.simple_word_tokenize(line) for line in small], a.repeat), smib, camel_tok)
    if a.spark_lines:
        spark(a.spark_lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
