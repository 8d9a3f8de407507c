"""``KnowledgeGraph``: a store plus the stored queries, answering typed questions."""

from __future__ import annotations

import _thread
import os
from time import perf_counter

from . import resources
from .backends import (
    Backend,
    EmbeddedBackend,
    PathLike,
    RemoteBackend,
    Row,
    open_release,
    reject_updates,
)
from .queries import get_query
from .results import (
    Compression,
    ConditionFinding,
    ConditionHit,
    Dermatome,
    Dispute,
    ExitingRoot,
    Finding,
    Innervation,
    KeyMuscle,
    Movement,
    MuscleNerve,
    PlexusMember,
    RedFlag,
    Reflex,
    RootClaim,
    Statement,
    Supply,
    Term,
    TermDetails,
    root_sort_key,
    roots_sorted,
)
from .terms import TermIndex
from .vocab import SPARQL_PREFIXES, curie

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections import defaultdict
    from collections.abc import Sequence

    from ._localize import Localization, Model
    from .chart import ChartData
else:
    try:  # the C class collections.defaultdict is, without importing collections (one-shot)
        from _collections import defaultdict
    except ImportError:  # pragma: no cover - interpreters without it
        from collections import defaultdict

#: spinekg's prefixes, declared before ad-hoc and internal queries
_PRELUDE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in SPARQL_PREFIXES.items())

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
        self, backend: Backend | None = None, *, paths: Sequence[PathLike] | None = None
    ) -> None:
        self._index_path: str | None = None
        if backend is None and paths is not None:
            backend = EmbeddedBackend([os.fspath(p) for p in paths])
        elif backend is None:
            cache = None if os.environ.get("SPINEKG_NO_CACHE") == "1" else resources.cache_root()
            backend = open_release(resources.ONTOLOGY, cache)
            self._index_path = resources.INDEX
        self.backend = backend
        self._index: TermIndex | None = None
        self._index_text: str | None = None
        self._model: Model | None = None
        self._lock = _thread.allocate_lock()
        self._memo_lock = _thread.allocate_lock()
        # Stored-query answers over an immutable release, keyed by query text (bounded LRU).
        self._memo: dict[str, list[Row]] | None = (
            {} if getattr(backend, "immutable", False) else None
        )
        self._details: dict[str, TermDetails] = {}  # describe() answers, with the memo only

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
        return [dict(r) for r in self._select(q.bind(bound))]

    def _run(self, name: str, **iris: str) -> list[Row]:
        return self._select(_bound(name, tuple(iris.items()), True))

    def _run_unordered(self, name: str, **iris: str) -> list[Row]:
        """A stored query without its final ORDER BY, for callers that sort the rows."""
        return self._select(_bound(name, tuple(iris.items()), False))

    def _claims_about(self, iri: str) -> tuple[RootClaim, ...]:
        """Every source's root claim about one term, sorted and without repeats."""
        return tuple(
            sorted({_claim(r) for r in self._run_unordered("segmental_claims", subject=iri)})
        )

    _MEMO_SIZE = 1024

    def _select(self, text: str) -> list[Row]:
        """Run a stored query's text; over an immutable release, answers are memoized.

        The release never changes inside a process, so repeating a stored query returns the
        same rows; callers inside this module only read them (``query`` hands out copies).
        """
        memo = self._memo
        if memo is None:
            return self.backend.select(text)
        rows = memo.get(text)
        if rows is None:
            rows = self.backend.select(text)
            self._remember(memo, text, rows)
        return rows

    def _remember(self, memo: dict[str, list[Row]], text: str, rows: list[Row]) -> None:
        """Keep an answer, dropping the oldest one when the memo is full."""
        with self._memo_lock:
            if len(memo) >= self._MEMO_SIZE:
                memo.pop(next(iter(memo)))
            memo[text] = rows

    #: ad-hoc answers of at most this many rows are memoized (larger ones are not kept)
    _MEMO_MAX_ROWS = 10_000

    def sparql(self, text: str) -> list[Row]:
        """Run an ad-hoc, read-only SPARQL SELECT with spinekg's prefixes predeclared.

        Over the immutable embedded release, answers of up to :attr:`_MEMO_MAX_ROWS` rows are
        memoized like those of stored queries (the same text gives the same rows); each call
        gets its own copy of the rows. A remote endpoint's answers are never memoized.

        :raises InvalidQueryError: an update, or malformed SPARQL
        """
        key = _PRELUDE + text
        memo = self._memo
        rows = None if memo is None else memo.get(key)
        if rows is None:
            reject_updates(text)  # a memoized text has passed this check already
            rows = self.backend.select(key)
            if memo is None or len(rows) > self._MEMO_MAX_ROWS:
                return rows
            self._remember(memo, key, rows)
        return [dict(r) for r in rows]

    def _internal(self, text: str) -> list[Row]:
        """One of this module's own read-only queries, with spinekg's prefixes; memoized like
        the stored queries (it is never user text)."""
        return self._select(_PRELUDE + text)

    @property
    def index(self) -> TermIndex:
        """The term-resolution index, built once (thread-safe)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    if self._index_path is not None:
                        self._index = TermIndex.from_file(self._index_path)
                    else:
                        rows = self._run("term_index")
                        self._index = TermIndex.from_labels(
                            (
                                r["term"],
                                r["kind"],
                                r["label"],
                                r.get("exact", ""),
                                r.get("related", ""),
                            )
                            for r in rows
                        )
        return self._index

    def resolve(self, text: str, kinds: Sequence[str] | None = None) -> Term:
        """Resolve user text to one term of ``kinds`` (any kind if ``None``).

        Before the full index is built, a name found verbatim in the index file is resolved
        from its own rows (the one-shot CLI path); anything else builds the full index. Each
        such look-up searches the whole file (about 0.25 ms here, against about 11 ms to build
        the index), so once they have taken ``FULL_INDEX_AFTER_S`` in all, the full index is
        built (the ski-rental rule, as for copying the store into memory).
        """
        if (
            self._index is None
            and self._index_path is not None
            and self._quick_seconds < self.FULL_INDEX_AFTER_S
        ):
            from .errors import UnknownTermError

            started = perf_counter()
            if self._index_text is None:
                with open(self._index_path, encoding="utf-8") as fh:
                    self._index_text = fh.read()
            small = TermIndex.quick(self._index_text, text)
            self._quick_seconds += perf_counter() - started
            if small is not None:
                try:
                    return small.resolve(text, kinds)
                except UnknownTermError:
                    pass  # rows of other kinds only: let the full index explain and suggest
        return self.index.resolve(text, kinds)

    #: seconds of whole-file name look-ups after which the full term index is built
    FULL_INDEX_AFTER_S = 0.01
    _quick_seconds = 0.0

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
        details = self._details.get(term.iri)
        if details is not None:  # derived once per term over an immutable release
            return details
        rows = self._run("term_details", term=term.iri)

        def col(name: str) -> tuple[str, ...]:
            return tuple(sorted({r[name] for r in rows if r.get(name)}))

        definition = next((r["definition"] for r in rows if r.get("definition")), "")
        details = TermDetails(
            term, definition, col("exact"), col("related"), col("xref"), col("source")
        )
        if self._memo is not None and len(self._details) < self._MEMO_SIZE:
            self._details[term.iri] = details
        return details

    # ------------------------------------------------------------------ innervation

    def root_ordinals(self) -> dict[str, int]:
        """Short name -> craniocaudal position for every spinal nerve (C1 = 1)."""
        rows = self._internal("SELECT ?n ?o WHERE { ?s skg:short_name ?n ; skg:ordinal ?o }")
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
            totals: dict[str, int] = {}  # distinct sources with a root claim (build-time count)
            for r in self._run_unordered("innervated_by_root", root=term.iri):
                if r["target_kind"] not in SUPPLIED_KINDS:
                    continue
                targets[r["target"]] = Term(curie(r["target"]), r["target_label"], r["target_kind"])
                claims[r["target"]].append(_claim(r))
                if r.get("n_sources"):
                    totals[r["target"]] = int(r["n_sources"])
            for iri, t in targets.items():
                out[iri] = Supply(
                    t, (), tuple(sorted(set(claims[iri]))), "segmental claim", totals.get(iri, 0)
                )
        vias: dict[str, set[Term]] = defaultdict(set)
        targets2: dict[str, Term] = {}
        for r in self._run_unordered("innervated_by_nerve", nerve=term.iri):
            if r["target_kind"] not in SUPPLIED_KINDS:
                continue
            targets2[r["target"]] = Term(curie(r["target"]), r["target_label"], r["target_kind"])
            vias[r["target"]].add(Term(curie(r["via"]), r["via_label"], "nerve"))
        for iri, t in targets2.items():
            via = tuple(sorted(vias[iri], key=lambda x: x.label))
            if iri in out:
                old = out[iri]
                out[iri] = old._replace(via=via, basis="segmental claim and nerve")
            else:
                out[iri] = Supply(t, via, (), "nerve")
        return tuple(sorted(out.values(), key=lambda s: (s.target.label, s.target.curie)))

    def innervation_of(self, text: str) -> Innervation:
        """How a muscle (or skin area) is supplied: its nerves up to the roots, and each
        source's root claims side by side, with the consensus computed.

        :raises UnknownTermError: the text names no muscle or skin area
        """
        term = self.resolve(text, SUPPLIED_KINDS)
        rows = self._run_unordered("nerve_path", target=term.iri)
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
        paths = _fullest(paths)
        claims = [_claim(r) for r in self._run_unordered("segmental_claims", subject=term.iri)]
        # a head of a muscle also shows the claims sources make about the whole muscle
        whole = self._internal(
            f"SELECT ?w ?l WHERE {{ <{term.iri}> obo:BFO_0000050 ?w . ?w skg:kind ?k ; "
            f'rdfs:label ?l . FILTER(?k = "{term.kind}") }}'
        )
        for w in whole:
            claims += [
                _claim(r)._replace(about=w["l"])
                for r in self._run_unordered("segmental_claims", subject=w["w"])
            ]
        return Innervation(
            term,
            tuple(sorted(direct.values(), key=lambda x: x.label)),
            tuple(paths),
            tuple(sorted(set(claims))),
        )

    def segmental_claims(self, text: str) -> tuple[RootClaim, ...]:
        """Every source's root claim about a muscle, nerve, movement or reflex."""
        term = self.resolve(
            text, ("muscle", "nerve", "movement", "reflex", "plexus_part", "plexus")
        )
        return self._claims_about(term.iri)

    # ------------------------------------------------------------------ anatomy (issue 4)

    def _short_name(self, term: Term) -> str:
        rows = self._internal(f"SELECT ?n WHERE {{ <{term.iri}> skg:short_name ?n }}")
        return rows[0]["n"] if rows else term.label

    def resolve_reflex(self, text: str) -> Term:
        """Resolve a reflex name; "biceps" and "achilles" mean the biceps and Achilles reflexes.

        :raises UnknownTermError: the text names no reflex
        """
        from .errors import UnknownTermError

        try:
            return self.resolve(text, ("reflex",))
        except UnknownTermError as first:
            if text.casefold().rstrip().endswith(("reflex", "jerk")):
                raise
            try:
                return self.resolve(f"{text} reflex", ("reflex",))
            except UnknownTermError:
                raise first from None

    def reflex(self, text: str) -> Reflex:
        """A reflex's roots (each source's claim), afferent and efferent nerves and muscles.

        "biceps" and "biceps reflex" both name the biceps reflex.

        :raises UnknownTermError: the text names no reflex
        """
        term = self.resolve_reflex(text)
        parts: dict[str, set[Term]] = defaultdict(set)
        for r in self._run("reflex", reflex=term.iri):
            parts[r["role"]].add(Term(curie(r["part"]), r["part_label"]))
        claims = self._claims_about(term.iri)

        def ordered(role: str) -> tuple[Term, ...]:
            return tuple(sorted(parts[role], key=lambda t: t.label))

        return Reflex(term, ordered("muscle"), ordered("afferent"), ordered("efferent"), claims)

    def dermatome(self, text: str) -> Dermatome:
        """The dermatome of a root: skin areas with their sources, and the ISNCSCI key point.

        :raises UnknownTermError: the text names no root
        """
        root = self.resolve(text, ROOT_KINDS)
        rows = self._run("dermatome", root=root.iri)
        term = None
        points: set[str] = set()
        areas: dict[str, Term] = {}
        claims: dict[str, set[RootClaim]] = defaultdict(set)
        short = self._short_name(root)
        for r in rows:
            term = Term(curie(r["dermatome"]), r["dermatome_label"], "dermatome")
            if r.get("key_point"):
                points.add(r["key_point"])
            if r.get("area"):
                areas[r["area"]] = Term(curie(r["area"]), r["area_label"], "region")
                claims[r["area"]].add(
                    RootClaim(short, "unspecified", r["source"], "", r.get("locator", ""))
                )
        supplies = tuple(
            Supply(t, (), tuple(sorted(claims[i])), "dermatome")
            for i, t in sorted(areas.items(), key=lambda kv: kv[1].label)
        )
        return Dermatome(root, short, term, tuple(sorted(points)), supplies)

    def dermatomes(self) -> tuple[Dermatome, ...]:
        """Every root that has a curated dermatome, craniocaudally (the dermatome table)."""
        rows = self._internal(
            "SELECT DISTINCT ?n WHERE { ?d skg:dermatome_of ?r . ?r skg:short_name ?n }"
        )
        names = sorted({r["n"] for r in rows}, key=root_sort_key)
        return tuple(self.dermatome(n) for n in names)

    def chart(self, region: str) -> ChartData:
        """The segmental chart data of a region (``upper-limb``, ``lower-limb``, ``trunk``).

        :raises InvalidQueryError: an unknown region
        """
        from .chart import segmental_chart

        return segmental_chart(self, region)

    def roots_of_area(self, text: str) -> tuple[Supply, ...]:
        """Roots (dermatomes) and cutaneous nerves that supply a skin area, with sources.

        A supplier named only for parts of the area (the ulnar nerve's branches for the ulnar
        side of the hand) has basis ``... of a part`` and the parts in ``via``.
        """
        area = self.resolve(text, ("region",))
        by: dict[tuple[str, str], list[RootClaim]] = defaultdict(list)
        terms: dict[tuple[str, str], Term] = {}
        parts: dict[tuple[str, str], set[Term]] = defaultdict(set)
        rows = self._run("roots_of_area", area=area.iri)
        direct = {r["supplier"] for r in rows if not r.get("part")}
        for r in rows:
            if r.get("part") and r["supplier"] in direct:
                continue  # named for the whole area already
            key = (r["basis"], r["supplier"])
            kind = "spinal_nerve" if r.get("root") else "nerve"
            terms[key] = Term(curie(r["supplier"]), r["supplier_label"], kind)
            by[key].append(RootClaim(r.get("root", ""), "unspecified", r["source"], ""))
            if r.get("part"):
                parts[key].add(Term(curie(r["part"]), r["part_label"], "region"))
        return tuple(
            Supply(terms[k], tuple(sorted(parts[k])), tuple(sorted(set(v))), k[0])
            for k, v in sorted(by.items(), key=lambda kv: (kv[0][0], terms[kv[0]].label))
        )

    def movement(self, text: str) -> Movement:
        """The muscles, nerves and roots (each source's claim) of a movement.

        :raises UnknownTermError: the text names no movement
        """
        term = self.resolve(text, ("movement",))
        muscles: dict[str, Term] = {}
        nerves: dict[str, set[Term]] = defaultdict(set)
        for r in self._run("movement", movement=term.iri):
            muscles[r["muscle"]] = Term(curie(r["muscle"]), r["muscle_label"], "muscle")
            if r.get("nerve"):
                nerves[r["muscle"]].add(Term(curie(r["nerve"]), r["nerve_label"], "nerve"))
        claims = self._claims_about(term.iri)
        key_for = tuple(
            sorted(
                {
                    r["n"]
                    for r in self._internal(
                        f"SELECT ?n WHERE {{ <{term.iri}> skg:key_movement_of/skg:short_name ?n }}"
                    )
                }
            )
        )
        mn = tuple(
            MuscleNerve(t, tuple(sorted(nerves[i], key=lambda x: x.label)))
            for i, t in sorted(muscles.items(), key=lambda kv: kv[1].label)
        )
        return Movement(term, mn, claims, key_for)

    def key_muscles(self, text: str) -> tuple[KeyMuscle, ...]:
        """The ISNCSCI key movement and key muscle(s) of a root, with sources.

        :raises UnknownTermError: the text names no root
        """
        root = self.resolve(text, ROOT_KINDS)
        short = self._short_name(root)
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        terms: dict[tuple[str, str], Term] = {}
        for r in self._run("key_muscles", root=root.iri):
            key = (r["role"], r["term"])
            terms[key] = Term(curie(r["term"]), r["term_label"], r["role"])
            if r.get("source"):
                found[key].add(r["source"])
        return tuple(
            KeyMuscle(terms[k], short, k[0], tuple(sorted(found[k])))
            for k in sorted(terms, key=lambda k: (k[0] != "movement", terms[k].label))
        )

    def muscles_tested(self, text: str) -> tuple[Supply, ...]:
        """Muscles a root supplies: ISNCSCI key muscles first, then by the share of sources
        naming the root (most agreed first), then by label."""
        root = self.resolve(text, ROOT_KINDS)
        key = {k.term.curie for k in self.key_muscles(root.curie) if k.role == "muscle"}
        supply = [s for s in self.innervated_by(root.curie) if s.target.kind == "muscle"]

        def share(s: Supply) -> float:
            n = s.sources_with_root_claims
            return len(s.sources) / n if n else 0.0

        return tuple(
            sorted(supply, key=lambda s: (s.target.curie not in key, -share(s), s.target.label))
        )

    def all_claims(self) -> list[Row]:
        """Every segmental claim as a row (subject, root, strength, source, ...)."""
        return self._run("all_segmental_claims")

    def disputed(
        self, kinds: Sequence[str] = ("muscle", "movement", "reflex", "nerve")
    ) -> tuple[Dispute, ...]:
        """Subjects on which sources name different roots, each source's roots side by side."""
        by: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        terms: dict[str, Term] = {}
        for r in self.all_claims():
            if r["subject_kind"] not in kinds:
                continue
            terms[r["subject"]] = Term(curie(r["subject"]), r["subject_label"], r["subject_kind"])
            by[r["subject"]][r["source"]].add(r["root"])
        out = []
        for iri, per in by.items():
            sets = {frozenset(v) for v in per.values()}
            if len(per) > 1 and len(sets) > 1:
                out.append(
                    Dispute(
                        terms[iri],
                        tuple((src, roots_sorted(roots)) for src, roots in sorted(per.items())),
                    )
                )
        return tuple(sorted(out, key=lambda d: d.target.label))

    def plexus(self, text: str) -> tuple[PlexusMember, ...]:
        """The plexus or plexus part itself, its parts and branches, and the roots of each.

        :raises UnknownTermError: the text names no plexus or plexus part
        """
        term = self.resolve(text, ("plexus", "plexus_part"))
        members: dict[str, Term] = {}
        roots: dict[str, set[str]] = defaultdict(set)
        for r in self._run("plexus_parts", part=term.iri):
            members[r["member"]] = Term(curie(r["member"]), r["member_label"], r["member_kind"])
            if r.get("root"):
                roots[r["member"]].add(r["root"])
        out = []
        for iri, t in sorted(members.items(), key=lambda kv: kv[1].label):
            claims = self._claims_about(iri)
            basis = "branch" if t.kind == "nerve" else ("self" if iri == term.iri else "part")
            out.append(PlexusMember(t, basis, roots_sorted(roots[iri]), claims))
        out.sort(key=lambda m: (m.basis != "self", m.basis != "part", m.target.label))
        return tuple(out)

    def stats(self) -> dict[str, int]:
        """Counts of terms by kind, plus claims and sources."""
        counts = {r["kind"]: int(r["n"]) for r in self._run("stats")}
        extra = self._internal(
            "SELECT (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?s) AS ?sources) "
            "WHERE { { ?c a skg:SegmentalClaim } UNION { ?s a skg:Source } }"
        )
        counts["segmental_claims"] = int(extra[0]["claims"])
        counts["sources"] = int(extra[0]["sources"])
        per_muscle = self._internal(
            "SELECT ?m (COUNT(DISTINCT ?src) AS ?n) (COUNT(DISTINCT ?pub) AS ?p) WHERE { "
            '?m skg:kind "muscle" ; obo:RO_0002005 ?nerve . ?c skg:claim_subject ?m ; '
            "dcterms:source ?src . OPTIONAL { ?src dcterms:publisher ?pub } } GROUP BY ?m"
        )
        counts["muscles_with_nerve_and_root_claim"] = len(per_muscle)
        counts["muscles_with_2plus_independent_sources"] = sum(
            1 for r in per_muscle if int(r["p"]) >= 2 or (int(r["p"]) == 0 and int(r["n"]) >= 2)
        )
        points = self._internal(
            "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?d skg:dermatome_of ?r ; "
            "skg:key_sensory_point ?k }"
        )
        # roots with an ISNCSCI key sensory point (S4 and S5 share the S4-5 point)
        counts["roots_with_dermatome_key_point"] = int(points[0]["n"])
        return counts

    # ------------------------------------------------------------------ spine and conditions

    def compressed_root(
        self, disc: str, herniation: str = "paracentral"
    ) -> tuple[Compression, ...]:
        """Which root a herniation of ``disc`` compresses, for a herniation type, per source.

        :param disc: a disc ("L4-L5", "L4-L5 disc", "L4/5")
        :param herniation: paracentral (posterolateral), foraminal (far lateral), central, or
            ``all`` for every type with a sourced rule
        :raises UnknownTermError: the text names no disc
        :raises InvalidQueryError: an unknown herniation type
        """
        wanted = (
            None
            if herniation.strip().casefold() in ("all", "any")
            else _herniation_type(herniation)
        )
        term = self.resolve(disc, ("intervertebral_disc",))
        by: dict[tuple[str, str], set[str]] = defaultdict(set)
        notes: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in self._run("compression_rules", disc=term.iri):
            if wanted is None or r["herniation_type"] == wanted:
                k = (r["herniation_type"], r["root"])
                by[k].add(r["source"])
                if r.get("note"):
                    notes[k].add(r["note"])
        order = {"paracentral": 0, "foraminal": 1, "central": 2}
        return tuple(
            Compression(term, k[0], k[1], tuple(sorted(srcs)), tuple(sorted(notes[k])))
            for k, srcs in sorted(by.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1]))
        )

    def exiting_root(self, level: str) -> tuple[ExitingRoot, ...]:
        """The root(s) leaving the canal at a level: a foramen, a disc level or a vertebra.

        A disc level ("L4-L5") means its foramen; a vertebra means the foramina above and below.

        :raises UnknownTermError: the text names no foramen, disc or vertebra
        """
        term = self.resolve(level, ("intervertebral_foramen", "intervertebral_disc", "vertebra"))
        foramina = [
            Term(curie(r["foramen"]), r["foramen_label"], "intervertebral_foramen")
            for r in self._run("foramina_at", level=term.iri)
        ]
        out = []
        for f in sorted(foramina, key=lambda t: t.label):
            by: dict[str, set[str]] = defaultdict(set)
            roots: dict[str, Term] = {}
            for r in self._run("exiting_roots", foramen=f.iri):
                by[r["root"]].add(r.get("source", ""))
                roots[r["root"]] = Term(curie(r["iri"]), r["root_label"], "spinal_nerve")
            for short, srcs in sorted(by.items()):
                out.append(ExitingRoot(roots[short], short, f, tuple(sorted(s for s in srcs if s))))
        return tuple(out)

    def conditions_of(self, text: str) -> tuple[ConditionHit, ...]:
        """Conditions that affect a root, nerve, plexus part, disc or region.

        Includes conditions of a structure the term is part of (a lumbar root lies in the
        cauda equina, so cauda equina syndrome affects it).

        :raises UnknownTermError: the text names none of those kinds
        """
        kinds = get_query("conditions_of").params[0].kinds
        term = self.resolve(text, kinds)
        hits: dict[str, ConditionHit] = {}
        sources: dict[str, set[str]] = defaultdict(set)
        rows = self._run("conditions_of", term=term.iri)
        for r in rows:
            if r.get("source"):
                sources[r["condition"]].add(r["source"])
        for r in rows:
            old = hits.get(r["condition"])
            if old is not None and (old.via.iri == term.iri or r["via"] != term.iri):
                continue  # a direct location wins over a path through a larger structure
            hits[r["condition"]] = ConditionHit(
                Term(curie(r["condition"]), r["condition_label"], "condition"),
                r["condition_kind"],
                r["emergency"] == "true",
                Term(curie(r["via"]), r["via_label"]),
                tuple(sorted(sources[r["condition"]])),
            )
        return tuple(sorted(hits.values(), key=lambda h: (not h.emergency, h.condition.label)))

    def findings_of(self, text: str) -> tuple[Finding, ...]:
        """The findings of a condition (weakness, sensory loss, reflexes, pain...), sourced.

        :raises UnknownTermError: the text names no condition
        """
        term = self.resolve(text, ("condition",))
        about: dict[str, set[Term]] = defaultdict(set)
        srcs: dict[str, set[str]] = defaultdict(set)
        notes: dict[str, set[str]] = defaultdict(set)
        meta: dict[str, tuple[Term, str, bool]] = {}
        for r in self._run("findings_of", condition=term.iri):
            f = r["finding"]
            meta[f] = (
                Term(curie(f), r["finding_label"], "finding"),
                r["finding_kind"],
                r["red_flag"] == "true" or meta.get(f, (None, "", False))[2],
            )
            srcs[f].add(r["source"])
            if r.get("about"):
                about[f].add(Term(curie(r["about"]), r["about_label"]))
            if r.get("note"):
                notes[f].add(r["note"])
        return tuple(
            Finding(
                t,
                k,
                tuple(sorted(about[f], key=lambda x: x.label)),
                red,
                tuple(sorted(srcs[f])),
                tuple(sorted(notes[f])),
            )
            for f, (t, k, red) in sorted(meta.items(), key=lambda kv: kv[1][0].label)
        )

    def conditions_with(self, text: str) -> tuple[ConditionFinding, ...]:
        """Conditions that produce a finding (or a finding about a muscle, movement, area...)."""
        kinds = get_query("conditions_with").params[0].kinds
        term = self.resolve(text, kinds)
        by: dict[tuple[str, str], set[str]] = defaultdict(set)
        info: dict[tuple[str, str], tuple[Term, Term, bool, bool]] = {}
        for r in self._run("conditions_with", finding=term.iri):
            key = (r["condition"], r["finding"])
            by[key].add(r["source"])
            info[key] = (
                Term(curie(r["condition"]), r["condition_label"], "condition"),
                Term(curie(r["finding"]), r["finding_label"], "finding"),
                r["emergency"] == "true",
                r["red_flag"] == "true",
            )
        return tuple(
            ConditionFinding(*info[k], tuple(sorted(v)))
            for k, v in sorted(
                by.items(), key=lambda kv: (info[kv[0]][0].label, info[kv[0]][1].label)
            )
        )

    def red_flags(self) -> tuple[RedFlag, ...]:
        """Emergency conditions and the red-flag findings of every condition, with sources."""
        findings: dict[str, set[Term]] = defaultdict(set)
        srcs: dict[str, set[str]] = defaultdict(set)
        conds: dict[str, tuple[Term, bool]] = {}
        for r in self._run("red_flags"):
            c = r["condition"]
            conds[c] = (Term(curie(c), r["condition_label"], "condition"), r["emergency"] == "true")
            if r.get("finding"):
                findings[c].add(Term(curie(r["finding"]), r["finding_label"], "finding"))
                srcs[c].add(r["source"])
        return tuple(
            RedFlag(t, e, tuple(sorted(findings[c], key=lambda x: x.label)), tuple(sorted(srcs[c])))
            for c, (t, e) in sorted(conds.items(), key=lambda kv: (not kv[1][1], kv[1][0].label))
        )

    def treatments_of(self, text: str) -> tuple[Statement, ...]:
        """Sourced educational statements on managing a condition (never advice).

        :raises UnknownTermError: the text names no condition
        """
        term = self.resolve(text, ("condition",))
        out = set()
        for r in self._run("treatments_of", condition=term.iri):
            treat = (
                Term(curie(r["treatment"]), r["treatment_label"], "treatment")
                if r.get("treatment")
                else None
            )
            out.add(
                Statement(
                    term,
                    r["topic"],
                    treat,
                    r["statement"],
                    r["source"],
                    r["source_kind"],
                    r.get("locator", ""),
                )
            )
        return tuple(
            sorted(out, key=lambda s: (s.topic, s.treatment.label if s.treatment else "", s.source))
        )

    def statements(
        self, topic: str | None = None, condition: str | None = None
    ) -> tuple[Statement, ...]:
        """Sourced educational statements, optionally by topic or condition (never advice).

        :param topic: e.g. ``anatomy``, ``course``, ``sleep``, ``emergency``, ``management``
        :param condition: a condition name
        :raises UnknownTermError: ``condition`` names no condition
        """
        cond = self.resolve(condition, ("condition",)) if condition else None
        out = set()
        for r in self._run("statements"):
            if topic and r["topic"] != topic.strip().casefold():
                continue
            if cond and r.get("condition") != cond.iri:
                continue
            about = (
                Term(curie(r["condition"]), r["condition_label"], "condition")
                if r.get("condition")
                else Term("", "", "")
            )
            out.add(
                Statement(
                    about,
                    r["topic"],
                    None,
                    r["statement"],
                    r["source"],
                    r["source_kind"],
                    r.get("locator", ""),
                )
            )
        return tuple(sorted(out, key=lambda x: (x.topic, x.condition.label, x.text, x.source)))

    def localize(
        self,
        *,
        weak: Sequence[str] = (),
        spared: Sequence[str] = (),
        sensory_loss: Sequence[str] = (),
        reflexes: dict[str, str] | None = None,
        limit: int = 10,
    ) -> Localization:
        """Rank single lesions (root, plexus part, nerve) that explain an examination.

        :param weak: weak muscles or movements
        :param spared: muscles or movements of normal strength
        :param sensory_loss: numb skin areas or dermatomes
        :param reflexes: reflex name -> normal, reduced, absent or increased
        :raises UnknownTermError: a finding names no known muscle, movement, area or reflex
        :raises InvalidQueryError: no finding, or an unknown reflex state
        """
        from ._localize import Model, localize

        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = Model(self)
        return localize(
            self,
            self._model,
            weak=weak,
            spared=spared,
            sensory_loss=sensory_loss,
            reflexes=reflexes,
            limit=limit,
        )


#: bound query texts by (name, parameters, ordered); emptied when full (a plain dict, not
#: functools.lru_cache: functools is not otherwise needed on the one-shot path)
_BOUND: dict[tuple[str, tuple[tuple[str, str], ...], bool], str] = {}
_BOUND_MAX = 4096


def _bound(name: str, iris: tuple[tuple[str, str], ...], ordered: bool) -> str:
    """A stored query's text with its parameters bound (cached: warm calls repeat them)."""
    key = (name, iris, ordered)
    text = _BOUND.get(key)
    if text is None:
        text = get_query(name).bind(dict(iris), ordered=ordered)
        if len(_BOUND) >= _BOUND_MAX:
            _BOUND.clear()
        _BOUND[key] = text
    return text


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


def _is_subsequence(short: tuple[Term, ...], long: tuple[Term, ...]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _fullest(paths: list[tuple[Term, ...]]) -> list[tuple[Term, ...]]:
    """Drop every path that skips steps another path spells out (a shortcut through
    ``part of`` the whole plexus, or through a muscle's whole rather than its branch)."""
    unique = list(dict.fromkeys(paths))
    return [
        p
        for p in unique
        if not any(len(q) > len(p) and _is_subsequence(p, q) for q in unique if q is not p)
    ]


_default: KnowledgeGraph | None = None
_default_lock = _thread.allocate_lock()


def default_graph() -> KnowledgeGraph:
    """The packaged spinekg graph, loaded lazily and once (safe across threads)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = KnowledgeGraph()
    return _default


_HERNIATION = {
    "paracentral": "paracentral",
    "posterolateral": "paracentral",
    "posterior": "paracentral",
    "foraminal": "foraminal",
    "far lateral": "foraminal",
    "far-lateral": "foraminal",
    "extraforaminal": "foraminal",
    "lateral": "foraminal",
    "central": "central",
}


def _herniation_type(text: str) -> str:
    key = " ".join(text.casefold().replace("_", " ").split())
    if key not in _HERNIATION:
        from .errors import InvalidQueryError

        raise InvalidQueryError(
            f"unknown herniation type {text[:40]!r}; use paracentral (posterolateral), "
            "foraminal (far lateral) or central"
        )
    return _HERNIATION[key]
