#!/usr/bin/env python3
"""Every streaming filter of the release binary with --threads 1 and 2, beside
`cat FILE | cat`, run in alternation (one round runs every command once), output to
/dev/null. Prints a Markdown table of medians: wall time, CPU time (user + system of the
child), MB/s with 2 threads, and the median over rounds of the 1-thread/2-thread wall
time ratio. With --before BIN, the same filters of another binary (without --threads) go
in each round too. With --peers PYTHON, each round also runs the peers of scripts/peers.py
(CAMeL Tools' normalizer chain and simple_word_tokenize, under that Python) on FILE, and a
second table gives each peer's time beside the nass command that writes the same output,
with the median over rounds of the peer/nass wall time ratio.

Usage: scripts/bench-threads.py [--before BIN] [--peers PYTHON] NASS FILE ROUNDS [COMMAND,COMMAND...]
(NASS from scripts/release-binary.sh, FILE e.g. the 64 MiB news64.txt of
scripts/bench-binary.sh)."""
import os
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
before = None
peers_python = None
while args[:1] in (["--before"], ["--peers"]):
    if args[0] == "--before":
        before = args[1]
    else:
        peers_python = args[1]
    args = args[2:]
nass, path, rounds = args[0], args[1], int(args[2])
commands = [
    "normalize", "digits --to arabic", "tokenize --format text", "tokenize --format jsonl",
    "tokenize --format tsv --sentences", "numbers --words", "dates", "match",
    "match --format text", "translit --to bw", "analyze", "analyze --format jsonl",
]
if len(args) > 3:
    commands = args[3].split(",")
# Each peer of scripts/peers.py, and the nass command whose output equals the peer's.
peers = {"normalize": "normalize --preset camel", "tokenize": "tokenize --format text"}
if peers_python:
    commands += [c for c in peers.values() if c not in commands]
peers_script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers.py")
# Opened for writing only: nass takes /dev/null opened for reading too for a closed stdout.
devnull = open("/dev/null", "w")


def run(argv, shell=False):
    r0, t0 = os.times(), time.perf_counter()
    subprocess.run(argv, shell=shell, stdout=devnull, check=True)
    t1, r1 = time.perf_counter(), os.times()
    cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    return t1 - t0, cpu


times = {}
loads = [os.getloadavg()[0]]
for _ in range(rounds):
    times.setdefault("cat", []).append(run(f"cat '{path}' | cat", shell=True))
    for c in commands:
        if before:
            times.setdefault((c, "before"), []).append(run([before] + c.split() + [path]))
        for t in ("1", "2"):
            times.setdefault((c, t), []).append(run([nass] + c.split() + ["--threads", t, path]))
    if peers_python:
        for p in peers:
            times.setdefault(("peer", p), []).append(run([peers_python, peers_script, p, path]))
    loads.append(os.getloadavg()[0])

mb = os.path.getsize(path) / 1e6
med = statistics.median


def cell(runs):
    return f"{med(w for w, _ in runs):.3f} s ({med(c for _, c in runs):.2f})"


print(f"{rounds} rounds, {os.cpu_count()} cores; 1-minute load average before each round "
      f"and at the end: {', '.join(f'{l:.1f}' for l in loads)}")
print()
head = "| command |" + (" before: wall (CPU) |" if before else "")
print(head + " `--threads 1`: wall (CPU) | `--threads 2`: wall (CPU) | MB/s, 2 threads | 1 → 2 threads |")
print("|---|" + ("---|" if before else "") + "---|---|---|---|")
cat = times["cat"]
print(f"| `cat FILE \\| cat` |" + (" |" if before else "") + f" {cell(cat)} | | {mb / med(w for w, _ in cat):.0f} | |")
for c in commands:
    one, two = times[(c, "1")], times[(c, "2")]
    ratio = med(a[0] / b[0] for a, b in zip(one, two))
    row = f"| `nass {c}` |" + (f" {cell(times[(c, 'before')])} |" if before else "")
    print(row + f" {cell(one)} | {cell(two)} | {mb / med(w for w, _ in two):.0f} | **{ratio:.2f}** |")

if peers_python:
    print()
    print("| peer (scripts/peers.py) | wall (CPU) | same output as | its wall, 2 threads | peer / nass |")
    print("|---|---|---|---|---|")
    for p, c in peers.items():
        mine, two = times[("peer", p)], times[(c, "2")]
        ratio = med(a[0] / b[0] for a, b in zip(mine, two))
        print(f"| CAMeL Tools `{p}` | {cell(mine)} | `nass {c}` | {med(w for w, _ in two):.3f} s | **{ratio:.0f}x** |")
