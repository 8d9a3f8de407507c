# ruff: noqa: T201 - developer script run by hand
"""Remove references to keys no table defines (logged), so finished tables can be integrated
before every curator has delivered. Conditions left without a location are dropped together
with their finding and treatment links. Run from the repo root."""

import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, "src")
from spinekg.builder import load

SRC = Path("ontology/src")
REFCOLS = {
    "about",
    "locations",
    "site",
    "nerves",
    "branch_of",
    "muscles",
    "areas",
    "part_of",
    "afferent_nerves",
    "efferent_nerves",
    "area",
}
log = []
for _ in range(3):
    m = load(SRC)
    unknown = set()
    for e in m.errors:
        mm = re.search(r"unknown reference '([^']+)'", e)
        if mm:
            unknown.add(mm.group(1))
    if not unknown:
        break
    dropped_conditions = set()
    for path in sorted(SRC.glob("*.tsv")):
        rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
        head, body = rows[0], rows[1:]
        changed = False
        for r in body:
            for i, col in enumerate(head):
                if col in REFCOLS and r[i]:
                    vals = [v for v in r[i].split("|") if v]
                    keep = [v for v in vals if v not in unknown]
                    if keep != vals:
                        log.append(
                            f"{path.name}: {r[0]} {col}: dropped {sorted(set(vals) - set(keep))}"
                        )
                        r[i] = "|".join(keep)
                        changed = True
        if path.stem.startswith("conditions"):
            li = head.index("locations")
            gone = [r for r in body if not r[li]]
            for r in gone:
                dropped_conditions.add(r[0])
                log.append(f"{path.name}: condition {r[0]} dropped (no resolvable location)")
            body = [r for r in body if r[li]]
            changed = changed or bool(gone)
        if changed:
            with path.open("w", encoding="utf-8") as f:
                f.write("\t".join(head) + "\n")
                for r in body:
                    f.write("\t".join(r) + "\n")
    if dropped_conditions:
        for path in sorted(SRC.glob("condition_*.tsv")):
            rows = list(
                csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
            )
            head, body = rows[0], rows[1:]
            kept = [r for r in body if r[0] not in dropped_conditions]
            with path.open("w", encoding="utf-8") as f:
                f.write("\t".join(head) + "\n")
                for r in kept:
                    f.write("\t".join(r) + "\n")
Path("ontology/pending/dropped.log").write_text("\n".join(log) + "\n")
print(len(log), "changes; see ontology/pending/dropped.log")
m = load(SRC)
print(len(m.errors), "errors left")
for e in m.errors[:30]:
    print(" ", e)
