"""``spinekg validate``: SHACL shapes, QC queries and an OWL 2 DL reasoner, one report."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import resources

if TYPE_CHECKING:
    import rdflib
from .queries import qc_queries

KIND_NS = "https://w3id.org/spinekg/vocab/kind/"


@dataclass
class Report:
    """The outcome of every check, with a readable text form."""

    sections: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(ok for _, ok, _ in self.sections)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        """Record one check."""
        self.sections.append((name, ok, detail))

    def text(self) -> str:
        """The report as text: one line per check, details indented below failures."""
        lines = []
        for name, ok, detail in self.sections:
            lines.append(f"{'PASS' if ok else 'FAIL'}  {name}")
            if detail and not ok:
                lines.extend("      " + d for d in detail.splitlines()[:40])
        lines.append("validation " + ("passed" if self.ok else "FAILED"))
        return "\n".join(lines)


def typed_view(turtle_texts: list[str]) -> rdflib.Graph:
    """An rdflib graph of the given Turtle plus ``?e a kind:<k>`` for every ``skg:kind``."""
    import rdflib

    g = rdflib.Graph()
    for text in turtle_texts:
        g.parse(data=text, format="turtle")
    kind = rdflib.URIRef("https://w3id.org/spinekg/vocab/kind")
    for s, k in list(g.subject_objects(kind)):
        g.add((s, rdflib.RDF.type, rdflib.URIRef(KIND_NS + str(k))))
    return g


def shacl(turtle_texts: list[str], shapes_dir: Path | None = None) -> tuple[bool, str]:
    """Validate Turtle documents against the shapes; return (conforms, report text)."""
    import pyshacl
    import rdflib

    shapes = rdflib.Graph()
    for p in sorted((shapes_dir or resources.SHAPES_DIR).glob("*.ttl")):
        shapes.parse(p, format="turtle")
    conforms, _g, text = pyshacl.validate(
        typed_view(turtle_texts), shacl_graph=shapes, inference="none", advanced=False
    )
    return bool(conforms), str(text)


def qc(turtle_texts: list[str]) -> list[tuple[str, list[dict[str, str]]]]:
    """Run every ``qc/*-violation.rq``; return (name, offending rows) for each."""
    from .backends import EmbeddedBackend

    be = EmbeddedBackend(data=[(t, "ttl") for t in turtle_texts])
    return [(name, be.select(text)) for name, text in qc_queries().items()]


def reason(owl_path: Path) -> tuple[bool, str]:
    """Classify with HermiT through owlready2; (consistent and no unsatisfiable class, text)."""
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(owl_path.resolve().as_uri()).load()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, "the ontology is inconsistent"
    bad = [str(c) for c in world.inconsistent_classes()]
    return not bad, ("unsatisfiable classes: " + ", ".join(bad)) if bad else "consistent"


def validate(*, reasoner: bool = True, root: Path | None = None) -> Report:
    """Run every check on the built release and return a :class:`Report`."""
    onto_dir = (root / "ontology") if root else resources.ONTOLOGY_DIR
    texts = [
        (onto_dir / n).read_text(encoding="utf-8") for n in ("spinekg.ttl", "spinekg-relations.ttl")
    ]
    report = Report()
    ok, text = shacl(texts)
    report.add("SHACL shapes", ok, text)
    for name, rows in qc(texts):
        report.add(f"QC {name}", not rows, "\n".join(str(r) for r in rows[:40]))
    if reasoner and os.environ.get("SPINEKG_NO_REASONER") != "1":
        ok, text = reason(onto_dir / "spinekg.owl")
        report.add("OWL 2 DL reasoner (HermiT): consistent, no unsatisfiable classes", ok, text)
    return report
