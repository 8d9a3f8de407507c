"""``KnowledgeGraph``: a store plus the stored queries, answering typed questions."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from . import resources
from .backends import Backend, EmbeddedBackend, RemoteBackend, Row, reject_updates
from .queries import get_query
from .results import Innervation, RootClaim, Supply, Term, TermDetails
from .terms import TermIndex
from .vocab import SPARQL_PREFIXES, curie

ROOT_KINDS = ("spinal_nerve",)
NERVE_KINDS = ("nerve", "plexus", "plexus_part", "spinal_nerve", "ventral_ramus", "dorsal_ramus")
SUPPLIED_KINDS = ("muscle", "region")


class KnowledgeGraph:
    """A spinekg graph (embedded by default, or a remote endpoint) with typed queries.

    >>> kg = KnowledgeGraph()
    >>> kg.get_term("L5").label
    'fifth lumbar spinal nerve'
    """

    def __init__(
        self, backend: Backend | None = None, *, paths: Sequence[Path | str] | None = None
    ) -> None:
        if backend is None:
            files = (
                [Path(p) for p in paths]
                if paths is not None
                else [resources.ONTOLOGY_PATH, resources.RELATIONS_PATH]
            )
            backend = EmbeddedBackend(files)
        self.backend = backend
        self._index: TermIndex | None = None
        self._lock = threading.Lock()

    @classmethod
    def connect(cls, url: str, *, timeout: float = 10.0) -> KnowledgeGraph:
        """A graph backed by a remote SPARQL 1.1 endpoint holding the spinekg release."""
        return cls(RemoteBackend(url, timeout=timeout))

    @classmethod
    def from_turtle(cls, *texts: str) -> KnowledgeGraph:
        """A graph from Turtle strings (small fixtures in tests)."""
        return cls(EmbeddedBackend(data=[(t, "ttl") for t in texts]))

    # ------------------------------------------------------------------ plumbing

    def query(self, name: str, **params: str) -> list[Row]:
        """Run stored query ``name``; each parameter is resolved as a term of its kinds.

        :raises InvalidQueryError: unknown query or missing parameter
        :raises UnknownTermError: a parameter names no term of the accepted kinds
        """
        q = get_query(name)
        bound: dict[str, str] = {}
        for p in q.params:
            if p.name not in params:
                continue
            kinds = None if p.kinds == ("any",) else p.kinds
            bound[p.name] = self.resolve(params[p.name], kinds).iri
        return self.backend.select(q.bind(bound))

    def _run(self, name: str, **iris: str) -> list[Row]:
        return self.backend.select(get_query(name).bind(iris))

    def sparql(self, text: str) -> list[Row]:
        """Run an ad-hoc, read-only SPARQL SELECT with spinekg's prefixes predeclared.

        :raises InvalidQueryError: an update, or malformed SPARQL
        """
        reject_updates(text)
        prelude = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in SPARQL_PREFIXES.items())
        return self.backend.select(prelude + text)

    @property
    def index(self) -> TermIndex:
        """The term-resolution index, built once (thread-safe)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    rows = self._run("term_index")
                    self._index = TermIndex(
                        (r["term"], r["kind"], r["label"], r.get("exact", ""), r.get("related", ""))
                        for r in rows
                    )
        return self._index

    def resolve(self, text: str, kinds: Sequence[str] | None = None) -> Term:
        """Resolve user text to one term of ``kinds`` (any kind if ``None``)."""
        return self.index.resolve(text, kinds)

    # ------------------------------------------------------------------ terms

    def get_term(self, text: str, kinds: Sequence[str] | None = None) -> Term:
        """Return the term a label, synonym or CURIE names.

        :param text: a label, synonym, abbreviation or CURIE ("L5", "tibialis anterior")
        :param kinds: restrict to these kinds (e.g. ``["muscle"]``)
        :raises UnknownTermError: no such term (the error lists close matches)
        :raises AmbiguousTermError: several terms share the name
        """
        return self.resolve(text, kinds)

    def search_terms(
        self, text: str, kinds: Sequence[str] | None = None, limit: int = 10
    ) -> tuple[Term, ...]:
        """Terms whose label or synonym matches ``text`` (exact, prefix, substring, fuzzy)."""
        return self.index.search(text, kinds, limit)

    def describe(self, text: str) -> TermDetails:
        """Definition, synonyms, cross-references and sources of a term."""
        term = self.resolve(text)
        rows = self._run("term_details", term=term.iri)

        def col(name: str) -> tuple[str, ...]:
            return tuple(sorted({r[name] for r in rows if r.get(name)}))

        definition = next((r["definition"] for r in rows if r.get("definition")), "")
        return TermDetails(
            term, definition, col("exact"), col("related"), col("xref"), col("source")
        )

    # ------------------------------------------------------------------ innervation

    def root_ordinals(self) -> dict[str, int]:
        """Short name -> craniocaudal position for every spinal nerve (C1 = 1)."""
        rows = self.sparql("SELECT ?n ?o WHERE { ?s skg:short_name ?n ; skg:ordinal ?o }")
        return {r["n"]: int(r["o"]) for r in rows}

    def innervated_by(self, text: str) -> tuple[Supply, ...]:
        """What a spinal nerve (root), plexus part or nerve supplies, with sources.

        For a root, the answer is every muscle or skin area that some source says the root
        supplies (one claim per source, side by side); for a nerve or plexus part it is every
        muscle or skin area innervated by it or by one of its branches.

        :param text: a root ("L5", "L5 nerve root"), nerve or plexus part
        :raises UnknownTermError: the text names no root, nerve or plexus part
        """
        term = self.resolve(text, NERVE_KINDS)
        out: dict[str, Supply] = {}
        if term.kind == "spinal_nerve":
            claims: dict[str, list[RootClaim]] = defaultdict(list)
            targets: dict[str, Term] = {}
            for r in self._run("innervated_by_root", root=term.iri):
                if r["target_kind"] not in SUPPLIED_KINDS:
                    continue
                targets[r["target"]] = Term(curie(r["target"]), r["target_label"], r["target_kind"])
                claims[r["target"]].append(_claim(r))
            for iri, t in targets.items():
                out[iri] = Supply(t, (), tuple(sorted(set(claims[iri]))), "segmental claim")
        vias: dict[str, set[Term]] = defaultdict(set)
        targets2: dict[str, Term] = {}
        for r in self._run("innervated_by_nerve", nerve=term.iri):
            if r["target_kind"] not in SUPPLIED_KINDS:
                continue
            targets2[r["target"]] = Term(curie(r["target"]), r["target_label"], r["target_kind"])
            vias[r["target"]].add(Term(curie(r["via"]), r["via_label"], "nerve"))
        for iri, t in targets2.items():
            via = tuple(sorted(vias[iri], key=lambda x: x.label))
            if iri in out:
                old = out[iri]
                out[iri] = Supply(t, via, old.claims, "segmental claim and nerve")
            else:
                out[iri] = Supply(t, via, (), "nerve")
        return tuple(sorted(out.values(), key=lambda s: (s.target.label, s.target.curie)))

    def innervation_of(self, text: str) -> Innervation:
        """How a muscle (or skin area) is supplied: its nerves up to the roots, and each
        source's root claims side by side, with the consensus computed.

        :raises UnknownTermError: the text names no muscle or skin area
        """
        term = self.resolve(text, SUPPLIED_KINDS)
        rows = self._run("nerve_path", target=term.iri)
        direct: dict[str, Term] = {}
        parents: dict[str, set[Term]] = defaultdict(set)
        for r in rows:
            direct[r["direct"]] = Term(curie(r["direct"]), r["direct_label"], "nerve")
            if r.get("child") and r.get("parent"):
                parents[r["child"]].add(
                    Term(curie(r["parent"]), r["parent_label"], r["parent_kind"])
                )
        paths: list[tuple[Term, ...]] = []
        for iri, t in sorted(direct.items(), key=lambda kv: kv[1].label):
            paths.extend(_walk(t, iri, parents))
        claims = [_claim(r) for r in self._run("segmental_claims", subject=term.iri)]
        if not claims:
            whole = self.sparql(f"SELECT ?w WHERE {{ <{term.iri}> obo:BFO_0000050 ?w }}")
            for w in whole:
                claims += [_claim(r) for r in self._run("segmental_claims", subject=w["w"])]
        return Innervation(
            term,
            tuple(sorted(direct.values(), key=lambda x: x.label)),
            tuple(paths),
            tuple(sorted(set(claims))),
            self.root_ordinals(),
        )

    def segmental_claims(self, text: str) -> tuple[RootClaim, ...]:
        """Every source's root claim about a muscle, nerve, movement or reflex."""
        term = self.resolve(
            text, ("muscle", "nerve", "movement", "reflex", "plexus_part", "plexus")
        )
        return tuple(sorted({_claim(r) for r in self._run("segmental_claims", subject=term.iri)}))


def _claim(r: Row) -> RootClaim:
    return RootClaim(
        r["root"],
        r.get("strength", "unspecified"),
        r["source"],
        r.get("source_kind", ""),
        r.get("locator", ""),
        r.get("note", ""),
        r.get("url", ""),
    )


def _walk(term: Term, iri: str, parents: dict[str, set[Term]]) -> list[tuple[Term, ...]]:
    """All paths from a nerve up through its parents (branching part of / part of)."""
    ups = sorted(parents.get(iri, ()), key=lambda t: t.label)
    if not ups:
        return [(term,)]
    out = []
    for p in ups:
        for tail in _walk(p, p.iri, parents):
            out.append((term, *tail))
    return out


_default: KnowledgeGraph | None = None
_default_lock = threading.Lock()


def default_graph() -> KnowledgeGraph:
    """The packaged spinekg graph, loaded lazily and once (safe across threads)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = KnowledgeGraph()
    return _default
