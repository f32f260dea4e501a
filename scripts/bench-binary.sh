#!/usr/bin/env bash
# The release binary on large input, beside `cat`, measured side by side with hyperfine.
# Writes the input files under ${BENCH_DIR:-/tmp/nass-bench}: the news corpus repeated to
# 64 MiB. Prints hyperfine's table.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${BENCH_DIR:-/tmp/nass-bench}"
mkdir -p "$dir"
news=$(scripts/bench-news.sh)
dates="$dir/dates1m.txt"
if ! [ -s "$dates" ]; then
    # A million ISO dates inside the Umm al-Qura table.
    python3 - "$dates" <<'PY'
import datetime, sys
start = datetime.date(1924, 8, 1)
days = (start + datetime.timedelta(days=i % 55000) for i in range(1_000_000))
open(sys.argv[1], "w").write("".join(d.isoformat() + "\n" for d in days))
PY
fi
if ! command -v hyperfine >/dev/null; then
    (apt-get install -y -q hyperfine >/dev/null 2>&1) || (apt-get update -q >/dev/null && apt-get install -y -q hyperfine >/dev/null)
fi
bin=$(scripts/release-binary.sh)
echo "cores: $(nproc); input: $(stat -c %s "$news") bytes"
: > "$dir/empty.txt"
hyperfine --warmup 3 --runs "${RUNS:-20}" \
    -n 'startup (table build, empty input)' "$bin normalize $dir/empty.txt" \
    -n 'normalize > /dev/null' "$bin normalize $news > /dev/null" \
    -n 'normalize --threads 1 > /dev/null' "$bin normalize --threads 1 $news > /dev/null" \
    -n 'normalize | cat' "$bin normalize $news | cat > /dev/null" \
    -n 'cat | cat' "cat $news | cat > /dev/null" \
    -n 'tokenize --format jsonl' "$bin tokenize --format jsonl $news > /dev/null" \
    -n 'match (default gazetteer)' "$bin match $news > /dev/null" \
    -n 'numbers --words' "$bin numbers --words $news > /dev/null" \
    -n 'dates' "$bin dates $news > /dev/null" \
    -n 'calendar --to hijri (1M lines)' "$bin calendar --to hijri $dates > /dev/null"
# The pipe target, side by side (see the script).
scripts/pipe-ratio.py "$bin" "$news" "${PAIRS:-60}"
if [ -x /usr/bin/time ]; then
    for cmd in "normalize" "tokenize --format jsonl" "match" "numbers --words"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "nass $cmd: peak RSS %M KiB" "$bin" $cmd "$news" > /dev/null
    done
fi
