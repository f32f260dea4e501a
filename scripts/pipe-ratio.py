#!/usr/bin/env python3
"""`nass normalize FILE | cat` against `cat FILE | cat`, side by side: the two commands
run alternately, PAIRS times, and the script prints each one's median and minimum and
the ratio within each pair (median and quartiles). On a machine whose speed swings from
minute to minute, the ratio within a pair is the figure to trust.

Usage: scripts/pipe-ratio.py NASS_BINARY FILE [PAIRS]
"""
import statistics
import subprocess
import sys
import time


def seconds(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True)
    return time.perf_counter() - start


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    nass, path = sys.argv[1], sys.argv[2]
    pairs = int(sys.argv[3]) if len(sys.argv) == 4 else 60
    commands = {
        "cat FILE | cat": f"cat '{path}' | cat > /dev/null",
        "nass normalize FILE | cat": f"'{nass}' normalize '{path}' | cat > /dev/null",
    }
    for command in commands.values():  # warm-up: the file in the page cache
        seconds(command)
    times = {name: [] for name in commands}
    ratios = []
    for _ in range(pairs):
        pair = [seconds(command) for command in commands.values()]
        for name, t in zip(commands, pair):
            times[name].append(t)
        ratios.append(pair[1] / pair[0])
    for name, ts in times.items():
        print(f"{name:26} median {statistics.median(ts) * 1e3:6.1f} ms, min {min(ts) * 1e3:6.1f} ms")
    ratios.sort()
    q1, q3 = ratios[len(ratios) // 4], ratios[3 * len(ratios) // 4]
    print(
        f"ratio within a pair: median {statistics.median(ratios):.2f} "
        f"(quartiles {q1:.2f}-{q3:.2f}, {pairs} pairs)"
    )


if __name__ == "__main__":
    main()
