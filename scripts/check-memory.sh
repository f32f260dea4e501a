#!/usr/bin/env bash
# Peak resident memory of `nass normalize` on 1 GiB of input with no newline at all, and
# of every filter on long runs with no whitespace (digits, joiners, marks with no base
# letter, one long word, letters and digits in turn): each must stay under 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."

limit_kib=$((64 * 1024))
bin=$(scripts/release-binary.sh)
if ! [ -x /usr/bin/time ]; then
    (apt-get install -y -q time >/dev/null 2>&1) || (apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null)
fi

report=$(mktemp)
count=$(mktemp)
runs=$(mktemp -d)
trap 'rm -rf "$report" "$count" "$runs"' EXIT
# 1 GiB of Arabic words with diacritics and tatweel, and not one newline. `yes` dies of
# SIGPIPE when `head` has enough, so only nass's own exit status is checked.
set +o pipefail
yes 'كَلِمـةٌ ' | tr -d '\n' | head -c $((1 << 30)) \
    | /usr/bin/time -f '%M' -o "$report" "$bin" normalize --lossy \
    | wc -c > "$count"
status=("${PIPESTATUS[@]}")
set -o pipefail
if [ "${status[3]}" -ne 0 ]; then
    echo "check-memory: nass normalize failed with status ${status[3]}" >&2
    exit 1
fi
peak_kib=$(tail -n 1 "$report")
out_bytes=$(cat "$count")
echo "check-memory: 1 GiB in one line -> ${out_bytes} bytes out, peak RSS ${peak_kib} KiB (limit ${limit_kib} KiB)"
# 'كَلِمـةٌ ' is 17 bytes and normalizes to 'كلمه ' (9 bytes); the cut last word may be partial.
expected=$(( (1 << 30) / 17 * 9 ))
if [ "$out_bytes" -lt $((expected - 32)) ] || [ "$out_bytes" -gt $((expected + 32)) ]; then
    echo "check-memory: expected about ${expected} bytes of output" >&2
    exit 1
fi
if [ "$peak_kib" -ge "$limit_kib" ]; then
    echo "check-memory: peak RSS ${peak_kib} KiB is over the limit" >&2
    exit 1
fi

# Every filter on 16 MiB runs with no whitespace. Each must end by itself within 120 s
# (no signal, exit status 0, or 1 for calendar, which reports such a line as too long)
# under the limit.
python3 - "$runs" <<'PY'
import sys
size = 16 << 20
runs = {
    "digits": "\u0663",               # Arabic-Indic three
    "joiners": "\u200d",              # ZWJ
    "marks": "\u0651\u064e",          # shadda, fatha: no base letter
    "word": "\u0628",                 # one letter, one long word
    "letters-digits": "\u0628\u0661", # beh, Arabic-Indic one
}
for name, unit in runs.items():
    b = unit.encode()
    with open(f"{sys.argv[1]}/{name}", "wb") as f:
        f.write(b * (size // len(b)))
PY
filters=(
    "normalize --preset display"
    "digits --to ascii"
    "tokenize --format jsonl"
    "tokenize --sentences"
    "numbers --words"
    "match"
    "match --format text"
    "dates"
    "calendar --to hijri --keep-going"
    "translit --to bw"
    "analyze --format jsonl"
)
failed=0
for input in "$runs"/*; do
    for filter in "${filters[@]}"; do
        # shellcheck disable=SC2086 # the filter's words are its arguments
        set +e
        # A filter that is not linear would run for hours on these: 120 s is plenty.
        /usr/bin/time -f '%M' -o "$report" timeout -s KILL 120 "$bin" $filter "$input" >/dev/null 2>&1
        status=$?
        set -e
        peak_kib=$(tail -n 1 "$report")
        ok_status=0
        [[ $filter == calendar* ]] && ok_status=1
        if [ "$status" -ne 0 ] && [ "$status" -ne "$ok_status" ]; then
            echo "check-memory: nass $filter on $(basename "$input"): exit status $status" >&2
            failed=1
        elif [ "$peak_kib" -ge "$limit_kib" ]; then
            echo "check-memory: nass $filter on $(basename "$input"): peak RSS ${peak_kib} KiB is over the limit" >&2
            failed=1
        fi
        printf 'check-memory: %-34s %-15s %6s KiB\n' "$filter" "$(basename "$input")" "$peak_kib"
    done
done
exit "$failed"
