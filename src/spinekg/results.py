"""Typed, immutable results. Every answer carries its term's CURIE and label and its sources."""

from __future__ import annotations

from . import vocab
from ._tuples import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Term(NamedTuple):
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


class RootClaim(NamedTuple):
    """One source's statement that a spinal nerve (root) supplies something."""

    root: str
    strength: str
    source: str
    source_kind: str
    locator: str = ""
    note: str = ""
    url: str = ""
    about: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``about`` names the whole muscle when a claim is inherited)."""
        return {
            "root": self.root,
            "strength": self.strength,
            "source": self.source,
            "source_kind": self.source_kind,
            "locator": self.locator,
            "note": self.note,
            "url": self.url,
            "about": self.about,
        }


_REGION_OFFSET = {"C": 0, "T": 8, "L": 20, "S": 25, "Co": 30}


def root_sort_key(name: str) -> tuple[int, str]:
    """Craniocaudal order of a root short name (C1 < C8 < T1 < L5 < S1 < Co1).

    >>> sorted(["S1", "L5", "C8", "T1", "Co1", "L4"], key=root_sort_key)
    ['C8', 'T1', 'L4', 'L5', 'S1', 'Co1']
    """
    region = name[:2] if name.startswith("Co") else name[:1]
    number = name[len(region) :]
    if region in _REGION_OFFSET and number.isdigit():
        return (_REGION_OFFSET[region] + int(number), name)
    return (999, name)


def roots_sorted(roots: set[str]) -> tuple[str, ...]:
    """Root short names in craniocaudal order."""
    return tuple(sorted(roots, key=root_sort_key))


class Supply(NamedTuple):
    """Something a root, nerve or plexus part supplies (answer of ``innervated_by``).

    ``via`` lists the nerves through which a nerve-level supply runs; ``claims`` the sourced
    segmental claims naming the queried root; ``basis`` says which of the two applies.
    """

    target: Term
    via: tuple[Term, ...] = ()
    claims: tuple[RootClaim, ...] = ()
    basis: str = ""
    #: for a root's answer: distinct sources with any root claim about the target (0 otherwise)
    sources_with_root_claims: int = 0

    @property
    def support(self) -> str:
        """``"k/n"``: k sources name the queried root, of n with any root claim ("" if none)."""
        if not self.sources_with_root_claims:
            return ""
        return f"{len(self.sources)}/{self.sources_with_root_claims}"

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
            "support": self.support,
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


class PlexusMember(NamedTuple):
    """A part or branch of a plexus: the roots that form it and each source's root claims.

    ``formed_from_roots`` are the roots the curated plexus table says form a plexus part;
    ``claims`` are sourced segmental claims about a branch (a nerve).
    """

    target: Term
    basis: str
    formed_from_roots: tuple[str, ...]
    claims: tuple[RootClaim, ...] = ()

    @property
    def roots(self) -> tuple[str, ...]:
        """The roots of this member: those that form it, else those any source names."""
        return self.formed_from_roots or roots_sorted({c.root for c in self.claims})

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the root claims."""
        return tuple(sorted({c.source for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with ``curie``, ``label`` and the roots at the top level."""
        return {
            **self.target.as_dict(),
            "basis": self.basis,
            "roots": list(self.roots),
            "formed_from_roots": list(self.formed_from_roots),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


class Innervation(NamedTuple):
    """How a muscle or skin area is supplied: nerve paths up to roots, and root claims."""

    target: Term
    nerves: tuple[Term, ...]
    paths: tuple[tuple[Term, ...], ...]
    claims: tuple[RootClaim, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the segmental claims."""
        return tuple(sorted({c.source for c in self.claims}))

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names."""
        return roots_sorted({c.root for c in self.claims})

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots that every source with a claim about this target names."""
        return _consensus(self.claims)

    @property
    def majority_roots(self) -> tuple[str, ...]:
        """Roots named by at least half of the sources with a root claim."""
        return _majority(self.claims)

    @property
    def root_support(self) -> dict[str, int]:
        """How many distinct sources name each root."""
        return _support(self.claims)

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
            **_consensus_view(self.claims),
            "disputed_roots": list(self.disputed_roots),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


class TermDetails(NamedTuple):
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


class Reflex(NamedTuple):
    """A reflex: its muscles, afferent and efferent nerves, and each source's root claims."""

    term: Term
    muscles: tuple[Term, ...]
    afferent: tuple[Term, ...]
    efferent: tuple[Term, ...]
    claims: tuple[RootClaim, ...]

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names for this reflex."""
        return roots_sorted({c.root for c in self.claims})

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots every source names."""
        return _consensus(self.claims)

    @property
    def majority_roots(self) -> tuple[str, ...]:
        """Roots named by at least half of the sources with a root claim."""
        return _majority(self.claims)

    @property
    def root_support(self) -> dict[str, int]:
        """How many distinct sources name each root."""
        return _support(self.claims)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the root claims."""
        return tuple(sorted({c.source for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            **_consensus_view(self.claims),
            "muscles": [t.as_dict() for t in self.muscles],
            "afferent_nerves": [t.as_dict() for t in self.afferent],
            "efferent_nerves": [t.as_dict() for t in self.efferent],
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


def _support(claims: tuple[RootClaim, ...]) -> dict[str, int]:
    """How many distinct sources name each root (craniocaudal order)."""
    by_root: dict[str, set[str]] = {}
    for c in claims:
        by_root.setdefault(c.root, set()).add(c.source)
    return {r: len(by_root[r]) for r in roots_sorted(set(by_root))}


def _majority(claims: tuple[RootClaim, ...]) -> tuple[str, ...]:
    """Roots named by at least half of the sources that make any root claim."""
    n = len({c.source for c in claims})
    return tuple(r for r, k in _support(claims).items() if 2 * k >= n) if n else ()


def _consensus_view(claims: tuple[RootClaim, ...]) -> dict[str, Any]:
    """The computed agreement fields shared by every answer that carries root claims."""
    return {
        "consensus_roots": list(_consensus(claims)),
        "majority_roots": list(_majority(claims)),
        "any_roots": list(roots_sorted({c.root for c in claims})),
        "root_support": _support(claims),
        "sources_with_root_claims": len({c.source for c in claims}),
    }


def _consensus(claims: tuple[RootClaim, ...]) -> tuple[str, ...]:
    by_source: dict[str, set[str]] = {}
    for c in claims:
        by_source.setdefault(c.source, set()).add(c.root)
    if not by_source:
        return ()
    return roots_sorted(set.intersection(*by_source.values()))


class Dermatome(NamedTuple):
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


class MuscleNerve(NamedTuple):
    """A muscle and the nerve(s) that supply it."""

    muscle: Term
    nerves: tuple[Term, ...]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {**self.muscle.as_dict(), "nerves": [n.label for n in self.nerves]}


class Movement(NamedTuple):
    """A movement: the muscles that perform it, their nerves and each source's root claims."""

    term: Term
    muscles: tuple[MuscleNerve, ...]
    claims: tuple[RootClaim, ...]
    key_for: tuple[str, ...] = ()

    @property
    def any_roots(self) -> tuple[str, ...]:
        """Roots that at least one source names for this movement."""
        return roots_sorted({c.root for c in self.claims})

    @property
    def consensus_roots(self) -> tuple[str, ...]:
        """Roots every source names."""
        return _consensus(self.claims)

    @property
    def majority_roots(self) -> tuple[str, ...]:
        """Roots named by at least half of the sources with a root claim."""
        return _majority(self.claims)

    @property
    def root_support(self) -> dict[str, int]:
        """How many distinct sources name each root."""
        return _support(self.claims)

    @property
    def sources(self) -> tuple[str, ...]:
        """Ids of the sources behind the root claims."""
        return tuple(sorted({c.source for c in self.claims}))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.term.as_dict(),
            **_consensus_view(self.claims),
            "key_movement_of_roots": list(self.key_for),
            "muscles": [m.as_dict() for m in self.muscles],
            "nerves": sorted({n.label for m in self.muscles for n in m.nerves}),
            "claims": [c.as_dict() for c in self.claims],
            "sources": list(self.sources),
        }


class KeyMuscle(NamedTuple):
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


class Dispute(NamedTuple):
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


class Compression(NamedTuple):
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


class ExitingRoot(NamedTuple):
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


class ConditionHit(NamedTuple):
    """A condition found for a place, and the structure through which it was found."""

    condition: Term
    condition_kind: str
    emergency: bool
    via: Term
    #: the sources of the condition's definition and location
    sources: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.condition.as_dict(),
            "condition_kind": self.condition_kind,
            "emergency": self.emergency,
            "via": self.via.label,
            "sources": list(self.sources),
        }


class Finding(NamedTuple):
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


class ConditionFinding(NamedTuple):
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


class RedFlag(NamedTuple):
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


class Statement(NamedTuple):
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
        if not head["curie"]:
            head = {"curie": "", "label": self.topic, "kind": "statement"}
        return {
            **head,
            "condition": self.condition.label,
            "topic": self.topic,
            "statement": self.text,
            "source_kind": self.source_kind,
            "locator": self.locator,
            "sources": [self.source],
        }
