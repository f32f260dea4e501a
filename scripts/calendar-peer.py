#!/usr/bin/env python3
"""The peer of `nass calendar --to hijri`: hijridate converting the same file of ISO
dates, one per line, to Umm al-Qura Hijri dates written as ISO lines.

Usage: calendar-peer.py DATES_FILE > OUT   (pip install hijridate==2.6.0)
"""
import sys

from hijridate import Gregorian


def main():
    out = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            y, m, d = line.rstrip("\n").split("-")
            h = Gregorian(int(y), int(m), int(d)).to_hijri()
            out.append(f"{h.year:04}-{h.month:02}-{h.day:02}\n")
    sys.stdout.write("".join(out))


main()
