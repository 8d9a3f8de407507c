"""Load the sourced clinical vignettes and score ``localize`` on them (used by tests and docs).

Each row of ``tests/data/vignettes.tsv`` transcribes ONE source's description of one lesion
(weak and spared muscles or movements, numb areas, reflexes); the expected lesion is the one
the source describes. Nothing in a row was adjusted to make the ranker pass.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import spinekg

DATA = Path(__file__).resolve().parent / "data" / "vignettes.tsv"


class Vignette(NamedTuple):
    id: str
    region: str
    expected: str
    weak: tuple[str, ...]
    spared: tuple[str, ...]
    numb: tuple[str, ...]
    reflexes: dict[str, str]
    source_url: str


class Outcome(NamedTuple):
    vignette: Vignette
    rank: int | None  # 1-based rank of the expected lesion among the candidates (ties share)
    top1_alone: bool  # first and not tied
    top3: tuple[str, ...]
    explained_by_expected: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split("|") if x.strip())


def load(path: Path = DATA) -> list[Vignette]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for r in rows:
        refl = {}
        for item in _split(r["reflexes"]):
            name, _, state = item.partition("=")
            refl[name.strip()] = state.strip()
        out.append(
            Vignette(
                r["id"],
                r["region"],
                r["expected"],
                _split(r["weak"]),
                _split(r["spared"]),
                _split(r["numb"]),
                refl,
                r["source_url"],
            )
        )
    return out


def run(v: Vignette) -> Outcome:
    expected = spinekg.get_term(v.expected).iri
    loc = spinekg.localize(
        weak=v.weak, spared=v.spared, sensory_loss=v.numb, reflexes=v.reflexes, limit=60
    )
    rank = None
    explained: tuple[str, ...] = ()
    alone = False

    def same(c: spinekg.results.Term | None) -> bool:
        return c is not None and c.iri == expected

    for c in loc.candidates:
        # the lesion itself, the nerve at a named site, or a lesion with the same predictions
        if same(c.lesion) or same(c.nerve) or any(same(t) for t in c.same_as):
            rank, explained = c.rank, c.explains
            leaders = [x for x in loc.candidates if x.rank == 1]
            alone = c.rank == 1 and all(
                same(x.lesion) or same(x.nerve) or any(same(t) for t in x.same_as) for x in leaders
            )
            break
    return Outcome(v, rank, alone, tuple(c.lesion.label for c in loc.candidates[:3]), explained)


if __name__ == "__main__":  # pragma: no cover - a report for developers
    outcomes = [run(v) for v in load()]
    for o in outcomes:
        flag = "ok " if o.rank == 1 else ("top3" if o.rank and o.rank <= 3 else "MISS")
        print(f"{flag} {o.vignette.id:45} {o.vignette.expected:32} rank={o.rank} {o.top3}")
    n = len(outcomes)
    t1 = sum(o.rank == 1 for o in outcomes)
    alone = sum(o.top1_alone for o in outcomes)
    t3 = sum(bool(o.rank and o.rank <= 3) for o in outcomes)
    print(f"top-1 {t1}/{n} ({alone} alone), top-3 {t3}/{n}")
