#!/usr/bin/env bash
# Peak resident memory of `nass normalize` on 1 GiB of input with no newline at all:
# it must stay under 64 MiB. The input is generated on the fly (no temporary file).
set -euo pipefail
cd "$(dirname "$0")/.."

limit_kib=$((64 * 1024))
bin=$(scripts/release-binary.sh)
if ! [ -x /usr/bin/time ]; then
    (apt-get install -y -q time >/dev/null 2>&1) || (apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null)
fi

report=$(mktemp)
count=$(mktemp)
trap 'rm -f "$report" "$count"' EXIT
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
