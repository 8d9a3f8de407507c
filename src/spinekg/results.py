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
        by_source: dict[str, set[str]] = {}
        for c in self.claims:
            by_source.setdefault(c.source, set()).add(c.root)
        if not by_source:
            return ()
        common = set.intersection(*by_source.values())
        return _roots_sorted(common, self.root_order)

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
