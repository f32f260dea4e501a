#!/usr/bin/env bash
# Builds the release `nass` binary and prints its path: wherever cargo puts it, so
# CARGO_TARGET_DIR, a configured build.target-dir or a --target triple are honoured
# (the path is read from cargo's own build messages, not assumed to be target/release).
# Usage: bin=$(scripts/release-binary.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release -q -p nass-cli --message-format=json-render-diagnostics \
    | python3 -c '
import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")
         and m["target"]["name"] == "nass" and "bin" in m["target"]["kind"]]
if len(paths) != 1:
    sys.exit("release-binary: cargo reported %d nass binaries: %r" % (len(paths), paths))
print(paths[0])
'
