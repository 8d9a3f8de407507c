# ruff: noqa: T201 - developer script run by hand
"""Propose UBERON/FMA xrefs for curated terms that have none, by exact label or exact synonym
match against the UBERON reference extract (../shared/reference/uberon). Prints TSV rows for
ontology/src/xrefs_*.tsv to review by hand; never writes the tables itself.

Run from the repository root: python scripts/xref_candidates.py > /tmp/candidates.tsv
"""

import csv
import glob
from pathlib import Path

REF = Path("../shared/reference/uberon")


def norm(s: str) -> str:
    s = " ".join(s.casefold().split())
    return s[: -len(" muscle")] if s.endswith(" muscle") else s


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(
            csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        )


ref: dict[str, tuple[str, str, str, str]] = {}  # norm name -> (uberon, fma, label, file)
muscle_ref: dict[str, tuple[str, str, str, str]] = {}
for r in rows(REF / "nerves.tsv"):
    if r.get("subject_deprecated_2026_04_01", "").lower() == "true":
        continue
    for name in [r["label"], *filter(None, r.get("exact_synonyms", "").split("|"))]:
        ref.setdefault(norm(name), (r["id"], r.get("fma_xref", ""), r["label"], "nerves.tsv"))
for r in rows(REF / "innervation.tsv"):
    if r.get("subject_deprecated_2026_04_01", "").lower() == "true":
        continue
    for name in [r["subject_label"], *filter(None, r.get("subject_exact_synonyms", "").split("|"))]:
        if r.get("subject_is_muscle", "").lower() in ("true", "yes", "1"):
            muscle_ref.setdefault(
                norm(name),
                (
                    r["subject_id"],
                    r.get("subject_fma_xref", ""),
                    r["subject_label"],
                    "innervation.tsv",
                ),
            )

have: set[str] = set()
for f in glob.glob("ontology/src/xrefs*.tsv"):
    have |= {r["key"] for r in rows(Path(f)) if "UBERON:" in r["xrefs"]}
print("key\txrefs\tsource\tlocator\tnote")
for kind in ("muscles", "nerves", "plexus_parts"):
    for f in sorted(glob.glob(f"ontology/src/{kind}*.tsv")):
        for r in rows(Path(f)):
            if "UBERON:" in r.get("xrefs", "") or r["key"] in have:
                continue
            names = [r["label"], *filter(None, r.get("exact_synonyms", "").split("|"))]
            for name in names:
                hit = (muscle_ref if kind == "muscles" else ref).get(norm(name))
                if hit:
                    uberon, fma, label, file = hit
                    x = "|".join(filter(None, [uberon, fma]))
                    print(
                        f"{r['key']}\t{x}\tuberon_extract\t{file}, row '{label}'\t"
                        f"exact match of {name!r} to the UBERON label or exact synonym"
                    )
                    break
