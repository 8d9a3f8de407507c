"""Typed, immutable results. Every answer carries its term's CURIE and label and its sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import vocab


@dataclass(frozen=True, order=True)
class Term:
    """A spinekg term: CURIE, label and kind (muscle, nerve, spinal_nerve, ...).

    >>> Term("SPINEKG:0000001", "tibialis anterior", "muscle")
    Term('SPINEKG:0000001', label='tibialis anterior', kind='muscle')
    """

    curie: str
    label: str
    kind: str = ""

    def __repr__(self) -> str:
        return f"Term({self.curie!r}, label={self.label!r}, kind={self.kind!r})"

    @property
    def iri(self) -> str:
        """The full IRI of the term."""
        return vocab.expand(self.curie) or self.curie

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"curie": self.curie, "label": self.label, "kind": self.kind}


@dataclass(frozen=True, order=True)
class RootClaim:
    """One source's statement that a spinal nerve (root) supplies something."""

    root: str
    strength: str
    source: str
    source_kind: str
    locator: str = ""
    note: str = ""
    url: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "root": self.root,
            "strength": self.strength,
            "source": self.source,
            "source_kind": self.source_kind,
            "locator": self.locator,
            "note": self.note,
            "url": self.url,
        }


def _roots_sorted(roots: set[str], order: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(roots, key=lambda r: (order.get(r, 999), r)))


@dataclass(frozen=True)
class Supply:
    """Something a root, nerve or plexus part supplies (answer of ``innervated_by``).

    ``via`` lists the nerves through which a nerve-level supply runs; ``claims`` the sourced
    segmental claims naming the queried root; ``basis`` says which of the two applies.
    """

    target: Term
    via: tuple[Term, ...] = ()
    claims: tuple[RootClaim, ...] = ()
    basis: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind this answer."""
        return tuple(sorted({c.source for c in self.claims}))

    @property
    def roots(self) -> tuple[str, ...]:
        """Short names of the roots the claims name."""
        return tuple(sorted({c.root for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with ``curie``, ``label`` and ``sources`` at the top level."""
        return {
            **self.target.as_dict(),
            "basis": self.basis,
            "via": [t.as_dict() for t in self.via],
            "roots": list(self.roots),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Innervation:
    """How a muscle or skin area is supplied: nerve paths up to roots, and root claims."""

    target: Term
    nerves: tuple[Term, ...]
    paths: tuple[tuple[Term, ...], ...]
    claims: tuple[RootClaim, ...]
    root_order: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the segmental claims."""
        return tuple(sorted({c.source for c in self.claims}))

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names."""
        return _roots_sorted({c.root for c in self.claims}, self.root_order)

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots that every source with a claim about this target names."""
        return _consensus(self.claims, self.root_order)

    @property
    def disputed_roots(self) -> tuple[str, ...]:
        """Roots some sources name and others do not."""
        return tuple(r for r in self.any_roots if r not in self.consensus_roots)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.target.as_dict(),
            "nerves": [n.as_dict() for n in self.nerves],
            "nerve_paths": [[t.label for t in p] for p in self.paths],
            "consensus_roots": list(self.consensus_roots),
            "any_roots": list(self.any_roots),
            "disputed_roots": list(self.disputed_roots),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class TermDetails:
    """Everything spinekg records about a term itself."""

    term: Term
    definition: str
    exact_synonyms: tuple[str, ...]
    related_synonyms: tuple[str, ...]
    xrefs: tuple[str, ...]
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            "definition": self.definition,
            "exact_synonyms": list(self.exact_synonyms),
            "related_synonyms": list(self.related_synonyms),
            "xrefs": list(self.xrefs),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Reflex:
    """A reflex: its muscles, afferent and efferent nerves, and each source's root claims."""

    term: Term
    muscles: tuple[Term, ...]
    afferent: tuple[Term, ...]
    efferent: tuple[Term, ...]
    claims: tuple[RootClaim, ...]
    root_order: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names for this reflex."""
        return _roots_sorted({c.root for c in self.claims}, self.root_order)

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots every source names."""
        return _consensus(self.claims, self.root_order)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the root claims."""
        return tuple(sorted({c.source for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            "consensus_roots": list(self.consensus_roots),
            "any_roots": list(self.any_roots),
            "muscles": [t.as_dict() for t in self.muscles],
            "afferent_nerves": [t.as_dict() for t in self.afferent],
            "efferent_nerves": [t.as_dict() for t in self.efferent],
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


def _consensus(claims: tuple[RootClaim, ...], order: dict[str, int]) -> tuple[str, ...]:
    by_source: dict[str, set[str]] = {}
    for c in claims:
        by_source.setdefault(c.source, set()).add(c.root)
    if not by_source:
        return ()
    return _roots_sorted(set.intersection(*by_source.values()), order)


@dataclass(frozen=True)
class Dermatome:
    """The dermatome of a root: its skin areas with sources and its ISNCSCI key point."""

    root: Term
    root_short_name: str
    term: Term | None
    key_points: tuple[str, ...]
    areas: tuple[Supply, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the areas."""
        return tuple(sorted({s for a in self.areas for s in a.sources}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the answer term is the dermatome)."""
        head = self.term.as_dict() if self.term else {"curie": "", "label": "", "kind": ""}
        return {
            **head,
            "root": self.root_short_name,
            "root_label": self.root.label,
            "key_sensory_points": list(self.key_points),
            "areas": [{**a.target.as_dict(), "sources": list(a.sources)} for a in self.areas],
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class MuscleNerve:
    """A muscle and the nerve(s) that supply it."""

    muscle: Term
    nerves: tuple[Term, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {**self.muscle.as_dict(), "nerves": [n.label for n in self.nerves]}


@dataclass(frozen=True)
class Movement:
    """A movement: the muscles that perform it, their nerves and each source's root claims."""

    term: Term
    muscles: tuple[MuscleNerve, ...]
    claims: tuple[RootClaim, ...]
    key_for: tuple[str, ...] = ()
    root_order: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names for this movement."""
        return _roots_sorted({c.root for c in self.claims}, self.root_order)

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots every source names."""
        return _consensus(self.claims, self.root_order)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the root claims."""
        return tuple(sorted({c.source for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            "consensus_roots": list(self.consensus_roots),
            "any_roots": list(self.any_roots),
            "key_movement_of_roots": list(self.key_for),
            "muscles": [m.as_dict() for m in self.muscles],
            "nerves": sorted({n.label for m in self.muscles for n in m.nerves}),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class KeyMuscle:
    """An ISNCSCI key muscle function of a root: the movement or muscle, with sources."""

    term: Term
    root: str
    role: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            "root": self.root,
            "role": self.role,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Dispute:
    """A subject on which sources name different roots: each source's root set side by side."""

    target: Term
    by_source: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources that disagree."""
        return tuple(s for s, _ in self.by_source)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.target.as_dict(),
            "roots_by_source": {s: list(r) for s, r in self.by_source},
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Compression:
    """A root a disc herniation compresses, by herniation type, per source."""

    disc: Term
    herniation_type: str
    root: str
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the answer term is the disc)."""
        return {
            **self.disc.as_dict(),
            "herniation_type": self.herniation_type,
            "compressed_root": self.root,
            "sources": list(self.sources),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ExitingRoot:
    """A spinal nerve and the foramen it leaves through."""

    root: Term
    root_short_name: str
    foramen: Term
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the answer term is the root)."""
        return {
            **self.root.as_dict(),
            "exiting_root": self.root_short_name,
            "foramen": self.foramen.label,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class ConditionHit:
    """A condition found for a place, and the structure through which it was found."""

    condition: Term
    condition_kind: str
    emergency: bool
    via: Term

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.condition.as_dict(),
            "condition_kind": self.condition_kind,
            "emergency": self.emergency,
            "via": self.via.label,
            "sources": [],
        }


@dataclass(frozen=True)
class Finding:
    """A finding of a condition with what it is about, red-flag status and sources."""

    term: Term
    finding_kind: str
    about: tuple[Term, ...]
    red_flag: bool
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            "finding_kind": self.finding_kind,
            "about": [a.label for a in self.about],
            "red_flag": self.red_flag,
            "sources": list(self.sources),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ConditionFinding:
    """A condition that produces a finding, with sources."""

    condition: Term
    finding: Term
    emergency: bool
    red_flag: bool
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the answer term is the condition)."""
        return {
            **self.condition.as_dict(),
            "finding": self.finding.label,
            "emergency": self.emergency,
            "red_flag": self.red_flag,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class RedFlag:
    """An emergency condition or a condition with red-flag findings."""

    condition: Term
    emergency: bool
    findings: tuple[Term, ...]
    sources: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.condition.as_dict(),
            "emergency": self.emergency,
            "red_flag_findings": [f.label for f in self.findings],
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Statement:
    """A sourced educational statement about a condition or its management (not advice)."""

    condition: Term
    topic: str
    treatment: Term | None
    text: str
    source: str
    source_kind: str
    locator: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        """The statement's source id, as a tuple."""
        return (self.source,)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the answer term is the treatment, else the condition)."""
        head = (self.treatment or self.condition).as_dict()
        return {
            **head,
            "condition": self.condition.label,
            "topic": self.topic,
            "statement": self.text,
            "source_kind": self.source_kind,
            "locator": self.locator,
            "sources": [self.source],
        }
