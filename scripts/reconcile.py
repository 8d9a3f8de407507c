# ruff: noqa: E402, T201 - developer script run by hand
"""Reconcile curated tables from several curators (run from the repo root; prints a report).

- keys defined in more than one file of the same table kind: keep the first by PRIORITY, drop
  the row from the others (logged);
- source ids defined twice: keep the first by PRIORITY;
- then load the model and print unresolved references grouped by key and file.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path("ontology/src")
PRIORITY = [
    "lower_limb",
    "upper_limb",
    "axial",
    "neuro_exam",
    "exam",
    "spine",
    "lumbosacral",
    "brachial",
    "cervical",
    "dermatomes",
    "lumbar",
    "core",
    "conditions",
    "neuro",
    "generated",
    "",
]


def prio(path):
    stem = path.stem
    for i, p in enumerate(PRIORITY):
        if p and stem.endswith("_" + p):
            return i
    return len(PRIORITY)


def read(path):
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def write(path, head, rows):
    with path.open("w", encoding="utf-8") as f:
        f.write("\t".join(head) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


kinds = [
    "sources",
    "plexus_parts",
    "nerves",
    "muscles",
    "regions",
    "reflexes",
    "movements",
    "spine",
    "conditions",
    "findings",
    "treatments",
]
apply = "--apply" in sys.argv
# entity keys are unique across ALL entity tables
owner = {}
for kind in kinds:
    files = sorted(
        [p for p in SRC.glob(f"{kind}*.tsv") if p.stem == kind or p.stem.startswith(kind + "_")],
        key=prio,
    )
    for path in files:
        head, rows = read(path)
        kept = []
        for r in rows:
            key = r[0]
            tag = ("source:" if kind == "sources" else "") + key
            if tag in owner:
                print(f"DUPLICATE {tag}: {path.name} (dropped) vs {owner[tag]}")
                continue
            owner[tag] = path.name
            kept.append(r)
        if apply and len(kept) != len(rows):
            write(path, head, kept)
sys.path.insert(0, "src")
from spinekg.builder import load

m = load(SRC)
unk = defaultdict(list)
other = []
import re

for e in m.errors:
    mm = re.search(r"unknown reference '([^']+)'", e) or re.search(r"unknown root '([^']+)'", e)
    if mm:
        unk[mm.group(1)].append(e.split(" row")[0])
    else:
        other.append(e)
print(f"{len(m.errors)} errors; {len(unk)} unknown keys")
for k, v in sorted(unk.items()):
    print(f"  {k}: {len(v)} refs in {sorted(set(v))}")
for e in other[:60]:
    print("  OTHER", e)
