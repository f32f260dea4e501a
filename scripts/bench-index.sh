#!/usr/bin/env bash
# Issue 18's figures: large gazetteers with `nass match --gazetteer` (built on every run)
# and compiled (`nass gazetteer compile`, `nass match --index`). Wall time and peak
# resident memory come from /usr/bin/time; each line notes the load average.
#
#   scripts/bench-index.sh [NASS_BINARY]     (default: the release binary, built)
#
# The gazetteers are scripts/gen-gazetteer.py's, seed 18, written once under
# ${GAZ_DIR:-${BENCH_DIR:-/tmp/nass-bench}}: names-10k.tsv, names-1m.tsv and, with BIG=1,
# names-10m.tsv (290 MB; its compile needs a few GiB). The news input is
# scripts/bench-news.sh's. RUNS (default 3) repeats of each short command.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${BENCH_DIR:-/tmp/nass-bench}"
gaz="${GAZ_DIR:-$dir}"
mkdir -p "$dir" "$gaz"
news=$(scripts/bench-news.sh)
bin="${1:-$(scripts/release-binary.sh)}"
runs="${RUNS:-3}"
sizes=(10k 1m)
[ "${BIG:-0}" = 1 ] && sizes+=(10m)
count() { case $1 in 10k) echo 10000 ;; 1m) echo 1000000 ;; 10m) echo 10000000 ;; esac; }
for size in "${sizes[@]}"; do
    [ -s "$gaz/names-$size.tsv" ] ||
        scripts/gen-gazetteer.py --names "$(count "$size")" --seed 18 --output "$gaz/names-$size.tsv"
done

# Runs a command with its output to /dev/null; prints "LABEL: wall W s, peak RSS R MiB".
measure() {
    local label=$1
    shift
    /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$@" > /dev/null
    read -r wall rss < "$dir/time.txt"
    echo "$label: wall $wall s, peak RSS $((rss / 1024)) MiB, load $(cut -d' ' -f1 /proc/loadavg)"
}

echo "binary: $bin; news: $(stat -c %s "$news") bytes; cores: $(nproc)"
for i in $(seq "$runs"); do
    measure "no gazetteer (--no-default), empty input" "$bin" match --no-default /dev/null
done
for size in "${sizes[@]}"; do
    n=$(count "$size")
    tsv="$gaz/names-$size.tsv"
    index="$gaz/names-$size.idx"
    if [ "$size" != 10m ] || [ "${BUILD_10M:-0}" = 1 ]; then
        for i in $(seq "$runs"); do
            measure "$size --gazetteer, empty input" "$bin" match --no-default --gazetteer "$tsv" /dev/null
        done
        # Bytes per name: peak RSS less that of no gazetteer at all, over the names.
        /usr/bin/time -f '%M' -o "$dir/time.txt" "$bin" match --no-default /dev/null
        base=$(cat "$dir/time.txt")
        /usr/bin/time -f '%M' -o "$dir/time.txt" "$bin" match --no-default --gazetteer "$tsv" /dev/null
        echo "$size --gazetteer: $(( ($(cat "$dir/time.txt") - base) * 1024 / n )) bytes per name (peak RSS less no gazetteer's)"
    fi
    measure "$size compile" "$bin" gazetteer compile --no-default --output "$index" "$tsv"
    echo "$size index: $(stat -c %s "$index") bytes, $(( $(stat -c %s "$index") / n )) bytes per name"
    for i in $(seq "$runs"); do
        measure "$size --index, empty input" "$bin" match --index "$index" /dev/null
    done
    measure "$size --index, 64 MiB of news" "$bin" match --index "$index" "$news"
done
# Matching speed by gazetteer size, alternating, as MB/s of news.
for i in $(seq "$runs"); do
    for size in "${sizes[@]}"; do
        /usr/bin/time -f '%e' -o "$dir/time.txt" "$bin" match --index "$gaz/names-$size.idx" "$news" > /dev/null
        awk -v s="$size" -v w="$(cat "$dir/time.txt")" -v b="$(stat -c %s "$news")" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
            'BEGIN { printf "%s --index on news: %.2f s, %.0f MB/s, load %s\n", s, w, b / w / 1e6, l }'
    done
done
