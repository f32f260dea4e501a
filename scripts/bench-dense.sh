#!/usr/bin/env bash
# Issue 17's dense gazetteer: `nass match --format jsonl` with 20 000 names that are
# common words of the news, against pyahocorasick with a whole-word check
# (scripts/peer-ahocorasick.py), side by side on 64 MiB of news.
#
#   scripts/bench-dense.sh [NASS_BINARY]
#
# PAIRS (default 3) alternating runs, nass first then the peer, each to /dev/null, timed
# with /usr/bin/time; prints wall and CPU (user + system) of each and the ratio per pair.
# Then the number of matches of each, and nass's instructions per input byte, counted
# by callgrind (perf has no hardware counters on a virtual machine) on the first 4 MiB
# with one thread, less the instructions of the same command on empty input (reading
# the gazetteer and building).
# Files: the gazetteer and the venv under ${BENCH_DIR:-/tmp/nass-bench} and target/.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${BENCH_DIR:-/tmp/nass-bench}"
mkdir -p "$dir"
news=$(scripts/bench-news.sh)
gaz="$dir/dense-20k.tsv"
[ -s "$gaz" ] || scripts/gen-gazetteer.py --dense 20000 --seed 18 --output "$gaz"
venv=target/peer-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import ahocorasick' 2>/dev/null || "$venv/bin/pip" install -q pyahocorasick
bin="${1:-$(scripts/release-binary.sh)}"
nass=("$bin" match --format jsonl --no-default --gazetteer "$gaz")
peer=("$venv/bin/python" scripts/peer-ahocorasick.py "$gaz")

echo "input: $(stat -c %s "$news") bytes; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() { # prints "wall cpu" of the command, its output to /dev/null
    /usr/bin/time -f '%e %U %S' -o "$dir/time.txt" "$@" > /dev/null
    awk '{printf "%.2f %.2f", $1, $2 + $3}' "$dir/time.txt"
}
for i in $(seq "${PAIRS:-3}"); do
    read -r nw nc <<<"$(timed "${nass[@]}" "$news")"
    read -r pw pc <<<"$(timed "${peer[@]}" "$news")"
    awk -v i="$i" -v nw="$nw" -v nc="$nc" -v pw="$pw" -v pc="$pc" -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        printf "pair %d: nass %.2f s wall (%.2f s cpu, %.0f MB/s), peer %.2f s wall (%.2f s cpu); ratio wall %.1fx, cpu %.1fx; load %s\n",
            i, nw, nc, 67108864 / nw / 1e6, pw, pc, pw / nw, pc / nc, l }'
done
echo "matches: nass $("${nass[@]}" "$news" | wc -l), peer $("${peer[@]}" "$news" | wc -l)"
if command -v valgrind >/dev/null; then
    head -c $((4 << 20)) "$news" | sed '$d' > "$dir/news4.txt"
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "${nass[@]}" --threads 1 "$1" 2>&1 >/dev/null |
            awk '/Collected/ {print $4}'
    }
    empty=$(count /dev/null)
    full=$(count "$dir/news4.txt")
    awk -v e="$empty" -v f="$full" -v n="$(stat -c %s "$dir/news4.txt")" \
        'BEGIN { printf "instructions per input byte (callgrind, 1 thread): %.1f\n", (f - e) / n }'
fi
