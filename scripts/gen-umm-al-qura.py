#!/usr/bin/env python3
"""Extract the Umm al-Qura table of the Python package hijridate into
crates/nass-calendar/data/umm-al-qura.txt, from which a test of nass-calendar generates
crates/nass-calendar/src/umm_al_qura_table.rs.

Source: hijridate (https://pypi.org/project/hijridate/), module `hijridate.ummalqura`,
tuple `MONTH_STARTS`: the Reduced Julian Day (JDN - 2400000) of the first day of every
Hijri month from 1343-01 to 1500-12, plus one more entry, the day after 1500-12-30.
Its ranges are `HIJRI_RANGE` (1343-01-01..1500-12-30) and `GREGORIAN_RANGE`
(1924-08-01..2077-11-16). The version used is written into the generated file.

Usage:  pip install hijridate==2.6.0
        python3 scripts/gen-umm-al-qura.py > crates/nass-calendar/data/umm-al-qura.txt
        NASS_REGENERATE=1 cargo test -p nass-calendar umm_al_qura_table
"""
import importlib.metadata
import sys

from hijridate import ummalqura as u

VERSION = importlib.metadata.version("hijridate")
RJD = 2400000

starts = list(u.MONTH_STARTS)
(h_first, h_last) = u.HIJRI_RANGE
(g_first, g_last) = u.GREGORIAN_RANGE
assert h_first[1:] == (1, 1) and h_last[1:] == (12, 30), u.HIJRI_RANGE
first_year, last_year = h_first[0], h_last[0]
assert u.HIJRI_OFFSET == (first_year - 1) * 12
assert len(starts) == (last_year - first_year + 1) * 12 + 1, len(starts)
assert all(a < b for a, b in zip(starts, starts[1:]))
base = starts[0]
assert max(s - base for s in starts) < 1 << 16

out = sys.stdout
out.write(f"""\
# The Umm al-Qura calendar as the Python package hijridate {VERSION} has it
# (hijridate.ummalqura.MONTH_STARTS), written by scripts/gen-umm-al-qura.py.
# nass-calendar generates src/umm_al_qura_table.rs from this file (see its header).
# First line: the Julian Day Number of the first day, {first_year}-01-01 AH = {g_first[0]:04}-{g_first[1]:02}-{g_first[2]:02} CE.
# Then one line per Hijri year: the year and the lengths of its twelve months.
jdn {base + RJD}
""")
for y in range(last_year - first_year + 1):
    lengths = [starts[12 * y + m + 1] - starts[12 * y + m] for m in range(12)]
    out.write(f"{first_year + y} " + " ".join(str(n) for n in lengths) + "\n")
