#!/usr/bin/env bash
# Writes the benchmarks' news input, the corpus repeated to exactly 64 MiB (the last copy
# cut at a line end), as ${BENCH_DIR:-/tmp/nass-bench}/news64.txt unless it is there, and
# prints its path. Usage: news=$(scripts/bench-news.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${NASS_CORPUS:-../shared/corpus}"
dir="${BENCH_DIR:-/tmp/nass-bench}"
mkdir -p "$dir"
news="$dir/news64.txt"
if ! [ -s "$news" ]; then
    python3 - "$corpus" "$news" <<'PY'
import pathlib, sys
corpus, out = pathlib.Path(sys.argv[1]), sys.argv[2]
text = b"".join(p.read_bytes() for p in sorted(corpus.iterdir()) if p.is_file())
data = bytearray()
while len(data) < 64 << 20:
    data += text
data = data[: 64 << 20]
data = data[: data.rfind(b"\n") + 1]
open(out, "wb").write(data)
PY
fi
echo "$news"
