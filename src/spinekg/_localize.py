"""From examination to lesion: a forward model computed from the graph, and its inverse.

Forward model: for every candidate lesion (each spinal nerve, plexus part and peripheral nerve)
the graph says which muscles, movements, skin areas and reflexes it affects:

- a **root** affects what at least one source's segmental claim says it supplies (muscles,
  movements, reflexes, dermatome areas), weighted by the share of sources that name it;
- a **nerve or plexus part** affects every muscle and skin area innervated by it or by one of its
  branches, and every reflex whose afferent or efferent nerve runs through it.

Inverse: each candidate is scored against the findings (weak and spared muscles or movements,
numb areas, reflex changes). A finding the candidate predicts counts for it, a spared muscle it
predicts to be weak counts against it, and a finding it cannot explain counts against it.
Each candidate's ``fit`` is that sum over the findings alone; its ``score`` then subtracts a
small parsimony term (fewer predicted deficits are likelier) and a prior for plexus lesions,
both stated assumptions. Candidates with the same ``fit`` explain the findings equally well and
are ordered by those assumptions; equal scores are reported as ties. Uncertain root claims
(sources disagree) weigh less and are flagged.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .results import Term
from .vocab import curie

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

#: weight of the parsimony term: small enough never to outweigh one explained finding
BREADTH_PENALTY = 0.05

#: A modelling assumption (see docs/localization.md), not a sourced fact: a plexus lesion
#: typically involves several roots, so when one root explains a pattern as well as a plexus
#: part does, the root is preferred. Subtracted from a plexus part's (or whole plexus's) score.
PLEXUS_PRIOR = {"plexus_part": 0.5, "plexus": 1.0, "spinal_structure": 1.0}

REFLEX_STATES = {
    "normal": "normal",
    "reduced": "reduced",
    "decreased": "reduced",
    "diminished": "reduced",
    "absent": "absent",
    "lost": "absent",
    "increased": "increased",
    "brisk": "increased",
}


class Evidence(NamedTuple):
    """One finding and how a candidate accounts for it."""

    finding: str
    kind: str  # weak, spared, numb, reflex
    verdict: str  # explains, contradicts, unexplained, consistent
    weight: float
    uncertain: bool = False

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return self._asdict()


class Candidate(NamedTuple):
    """A ranked lesion hypothesis with its score and explanation."""

    lesion: Term
    score: float
    rank: int
    tied: bool
    explains: tuple[str, ...]
    contradicts: tuple[str, ...]
    unexplained: tuple[str, ...]
    uncertain: tuple[str, ...]
    predicted_size: int
    evidence: tuple[Evidence, ...] = ()
    #: for a nerve lesion at a named site ("common fibular nerve at fibular head"): the nerve
    nerve: Term | None = None
    #: the score from the findings alone (before the parsimony term and the plexus prior)
    fit: float = 0.0
    #: the sources behind the findings this candidate explains
    sources: tuple[str, ...] = ()
    #: other lesions with exactly the same predictions (no finding can tell them apart)
    same_as: tuple[Term, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            **self.lesion.as_dict(),
            "nerve": self.nerve.as_dict() if self.nerve else None,
            "score": round(self.score, 3),
            "fit": round(self.fit, 3),
            "rank": self.rank,
            "tied": self.tied,
            "explains": list(self.explains),
            "contradicts": list(self.contradicts),
            "unexplained": list(self.unexplained),
            "uncertain": list(self.uncertain),
            "sources": list(self.sources),
            "same_as": [t.as_dict() for t in self.same_as],
        }


class Localization(NamedTuple):
    """The ranked candidates, and the next test that best separates the leading ones."""

    candidates: tuple[Candidate, ...]
    next_test: Term | None
    next_test_reason: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "candidates": [c.as_dict() for c in self.candidates],
            "next_test": self.next_test.as_dict() if self.next_test else None,
            "next_test_reason": self.next_test_reason,
        }


class Model:
    """The forward model: for each candidate lesion, what it affects (item IRI -> weight)."""

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.terms: dict[str, Term] = {}
        self.effects: dict[str, dict[str, float]] = defaultdict(dict)
        #: lesion -> item -> the sources behind that predicted effect
        self.why: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.uncertain: dict[str, set[str]] = defaultdict(set)
        self._build(kg)

    def _term(self, iri: str, label: str, kind: str) -> None:
        if iri not in self.terms:
            self.terms[iri] = Term(curie(iri), label, kind)

    def _build(self, kg: KnowledgeGraph) -> None:
        # root lesions: share of sources naming the root, per subject
        per_subject: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        roots: dict[str, str] = {}
        for r in kg.all_claims():
            if r["subject_kind"] not in ("muscle", "movement", "reflex", "region"):
                continue
            self._term(r["subject"], r["subject_label"], r["subject_kind"])
            per_subject[r["subject"]][r["source"]].add(r["root"])
        for row in kg.sparql("SELECT ?r ?n ?l WHERE { ?r skg:short_name ?n ; rdfs:label ?l }"):
            roots[row["n"]] = row["r"]
            self._term(row["r"], row["l"], "spinal_nerve")
        self.root_share: dict[str, dict[str, float]] = defaultdict(dict)  # subject -> root -> w
        for subject, by_source in per_subject.items():
            n_sources = len(by_source)
            counts: dict[str, int] = defaultdict(int)
            for named in by_source.values():
                for root in named:
                    counts[root] += 1
            for root, k in counts.items():
                if root in roots:
                    self.why[roots[root]][subject] |= {
                        src for src, named in by_source.items() if root in named
                    }
                    # a root most sources name is a firm prediction; a minority root is weak
                    w = 1.0 if 2 * k >= n_sources else k / n_sources
                    self.root_share[subject][roots[root]] = w
                    self.effects[roots[root]][subject] = w
                    if k < n_sources:
                        self.uncertain[roots[root]].add(subject)
        # a root also affects the skin areas of its dermatome (dermatome tables)
        for r in kg.sparql(
            "SELECT ?root ?a ?al WHERE { ?d skg:dermatome_of ?root ; obo:RO_0002131 ?a . "
            "?a rdfs:label ?al }"
        ):
            self._term(r["a"], r["al"], "region")
            self.effects[r["root"]].setdefault(r["a"], 1.0)
        self._downstream(kg)
        self._condition_findings(kg)
        self._merge_plexus_roots()
        self._spinal_structures(kg)
        # a movement stands for the muscles performing it, a muscle group for its members
        performers = kg.sparql(
            "SELECT ?m ?ml ?mk ?x ?xl WHERE { ?m skg:performed_by|skg:has_member_muscle ?x ; "
            "rdfs:label ?ml ; skg:kind ?mk . ?x rdfs:label ?xl }"
        )
        self.performed_by: dict[str, set[str]] = defaultdict(set)
        for r in performers:
            self._term(r["m"], r["ml"], r["mk"])
            self._term(r["x"], r["xl"], "muscle")
            self.performed_by[r["m"]].add(r["x"])
        # a skin area stands for its parts (the ulnar side of the hand for the medial palm,
        # hypothenar eminence, ...), for lesions that supply the parts but not the whole
        self.region_parts = _grouped(
            kg.sparql(
                'SELECT ?r ?p WHERE { ?p obo:BFO_0000050+ ?r ; skg:kind "region" . '
                '?r skg:kind "region" }'
            ),
            "r",
            "p",
        )
        self.dermatome_areas = _grouped(
            kg.sparql("SELECT ?d ?a WHERE { ?d skg:dermatome_of ?r ; obo:RO_0002131 ?a }"),
            "d",
            "a",
        )
        self._sites(kg)
        self._equivalents(kg)

    def _equivalents(self, kg: KnowledgeGraph) -> None:
        """A plexus part formed from one other part alone, predicting exactly what that part
        predicts, is its continuation: the anterior division of the lower trunk continues as
        the medial cord and gives no branch of its own. No finding can tell them apart, so the
        ranking lists the later, named part and names the other in ``same_as`` (as the roots
        of the plexus are listed as their spinal nerves). Other lesions with equal predictions
        (two intercostal nerves the data cannot tell apart, a nerve and the same nerve at a
        site) are different structures and stay separate candidates, reported as ties.
        """
        formed = _grouped(kg.sparql("SELECT ?p ?q WHERE { ?p skg:formed_from_part ?q }"), "p", "q")
        #: listed lesion -> the other lesions with identical predictions
        self.same_as: dict[str, tuple[str, ...]] = {}
        self.hidden: set[str] = set()
        for part, sources in formed.items():
            if len(sources) != 1:
                continue
            (earlier,) = sources
            same = self.effects.get(part) == self.effects.get(earlier) and self.uncertain.get(
                part, set()
            ) == self.uncertain.get(earlier, set())
            if same and self.effects.get(part):
                self.same_as[part] = (*self.same_as.get(part, ()), earlier)
                self.hidden.add(earlier)

    def _downstream(self, kg: KnowledgeGraph) -> None:
        """Nerve and plexus lesions: everything downstream, by the branch tree.

        A peripheral nerve carries every fibre to what lies below it. A plexus part (root of
        the plexus, trunk, division, cord) carries only the fibres of the roots that form it,
        so a muscle or skin area below it is affected only as far as sources name one of those
        roots for it (the upper trunk does not weaken the hand through the median nerve, and
        the T1 root does not numb the little finger through the ulnar nerve). A skin area no
        source gives roots for keeps the nerve's prediction for a trunk, division or cord, but
        not for a root of the plexus: a root's skin is its sourced dermatome, and which root's
        fibres reach an unmapped area through the plexus is not known.
        """
        forming = _grouped(kg.sparql("SELECT ?p ?r WHERE { ?p skg:formed_from_root ?r }"), "p", "r")
        plexus_roots = {
            r["p"] for r in kg.sparql('SELECT ?p WHERE { ?p skg:plexus_part_kind "plexus_root" }')
        }
        #: each root of the plexus -> the spinal nerve(s) forming it (for _merge_plexus_roots)
        self._plexus_root_owners = {p: forming[p] for p in plexus_roots if p in forming}
        path = "(obo:RO_0002380|obo:BFO_0000050|skg:formed_from_part)*"
        links = _link_sources(kg, ("obo:RO_0002005",))
        down = kg.sparql(
            "SELECT DISTINCT ?lesion ?ll ?lk ?target ?tl ?tk ?t0 ?via WHERE { "
            f"?via {path} ?lesion . "
            "?lesion skg:kind ?lk ; rdfs:label ?ll . "
            'FILTER(?lk IN ("nerve", "plexus", "plexus_part")) '
            "?t0 obo:RO_0002005 ?via . ?target obo:BFO_0000050? ?t0 . "
            '?target skg:kind ?tk ; rdfs:label ?tl . FILTER(?tk IN ("muscle", "region")) }'
        )
        for r in down:
            self._term(r["lesion"], r["ll"], r["lk"])
            self._term(r["target"], r["tl"], r["tk"])
            w = 1.0
            own = forming.get(r["lesion"]) if r["lk"] == "plexus_part" else None
            shares = self.root_share.get(r["target"])
            if own and not shares and r["tk"] == "region" and r["lesion"] in plexus_roots:
                continue
            if own and shares:  # a muscle or a skin area with sourced root claims
                w = max((shares.get(root, 0.0) for root in own), default=0.0)
                if not w:
                    continue
            self.effects[r["lesion"]][r["target"]] = max(
                w, self.effects[r["lesion"]].get(r["target"], 0.0)
            )
            self.why[r["lesion"]][r["target"]] |= links.get((r["t0"], r["via"]), set())
        arc_links = _link_sources(kg, ("skg:afferent_nerve", "skg:efferent_nerve"))
        arcs = kg.sparql(
            "SELECT DISTINCT ?lesion ?ll ?lk ?reflex ?rl ?n WHERE { "
            "?reflex skg:afferent_nerve|skg:efferent_nerve ?n ; rdfs:label ?rl . "
            f"?n {path} ?lesion . ?lesion skg:kind ?lk ; "
            'rdfs:label ?ll . FILTER(?lk IN ("nerve", "plexus", "plexus_part")) }'
        )
        for r in arcs:
            self._term(r["lesion"], r["ll"], r["lk"])
            self._term(r["reflex"], r["rl"], "reflex")
            w = 1.0
            own = forming.get(r["lesion"]) if r["lk"] == "plexus_part" else None
            shares = self.root_share.get(r["reflex"])
            if own and shares:  # as for muscles: only as far as sources name the part's roots
                w = max((shares.get(root, 0.0) for root in own), default=0.0)
                if not w:
                    continue
            self.effects[r["lesion"]][r["reflex"]] = max(
                w, self.effects[r["lesion"]].get(r["reflex"], 0.0)
            )
            self.why[r["lesion"]][r["reflex"]] |= arc_links.get((r["reflex"], r["n"]), set())

    def _absorb(self, lesion: str, effects: Mapping[str, float], donor: str) -> None:
        """Give ``lesion`` every effect in ``effects`` (those of ``donor``), keeping the stronger
        weight and the donor's sources."""
        mine = self.effects[lesion]
        for item, w in effects.items():
            mine[item] = max(w, mine.get(item, 0.0))
            self.why[lesion][item] |= self.why.get(donor, {}).get(item, set())

    def _sites(self, kg: KnowledgeGraph) -> None:
        """Nerve lesions at a named site, from the conditions that name one (a mononeuropathy
        with one nerve and a site, e.g. common fibular neuropathy at the fibular head).

        The lesion affects what the nerve affects, except what that condition's sourced
        "preserved" findings say is spared at that site (e.g. elbow extension in a radial
        nerve lesion at the spiral groove, ankle inversion at the fibular head) and what sources
        say leaves the nerve above the site (``skg:site_spares``: the forearm branches of the
        median nerve at the carpal tunnel, the short head of biceps femoris at the fibular
        head).
        """
        self.site_nerve: dict[str, str] = {}
        rows = kg.sparql(
            'SELECT ?c ?n ?nl ?site ?sl WHERE { ?c skg:condition_kind "mononeuropathy" ; '
            "obo:RO_0004026 ?n ; skg:lesion_site ?site . ?n skg:kind ?nk ; rdfs:label ?nl . "
            'FILTER(?nk = "nerve") ?site rdfs:label ?sl }'
        )
        nerves = _grouped(rows, "c", "n")
        spared = kg.sparql(
            "SELECT ?c ?about WHERE { ?link skg:finding_link_condition ?c ; "
            "skg:finding_link_finding ?f . ?f rdfs:label ?fl ; skg:finding_about ?about . "
            'FILTER(STRSTARTS(LCASE(?fl), "preserved")) }'
        )
        spared_by = _grouped(spared, "c", "about")
        # branch order: what a source says leaves the nerve above the site (its branches with
        # everything they supply, its muscles with their parts)
        for r in kg.sparql("SELECT ?c ?x WHERE { ?c skg:site_spares ?x }"):
            spared_by[r["c"]].add(r["x"])
            spared_by[r["c"]] |= set(self.effects.get(r["x"], {}))
        parts = _grouped(
            kg.sparql(
                'SELECT ?p ?w WHERE { ?p obo:BFO_0000050 ?w ; skg:kind "muscle" . '
                '?w skg:kind "muscle" }'
            ),
            "w",
            "p",
        )
        reflex_muscles = _grouped(
            kg.sparql("SELECT ?r ?m WHERE { ?r skg:reflex_muscle ?m }"), "r", "m"
        )
        for r in rows:
            if len(nerves[r["c"]]) != 1 or r["n"] not in self.effects:
                continue
            keep = set(spared_by.get(r["c"], ()))
            for item in list(keep):
                keep |= self.performed_by.get(item, set()) | parts.get(item, set())
            # a whole muscle all of whose parts are spared is spared
            keep |= {w for w, ps in parts.items() if ps <= keep}
            effects = {k: w for k, w in self.effects[r["n"]].items() if k not in keep}
            # a reflex survives when none of its muscles is affected below the site
            for reflex, muscles in reflex_muscles.items():
                if reflex in effects and not any(m in effects for m in muscles):
                    del effects[reflex]
            site_iri = r["c"]
            label = f"{r['nl']} at {r['sl']}"
            self.terms[site_iri] = Term(curie(site_iri), label, "nerve_at_site")
            self.effects[site_iri] = effects
            nerve_why = self.why.get(r["n"], {})
            for item in effects:
                self.why[site_iri][item] |= nerve_why.get(item, set())
            self.site_nerve[site_iri] = r["n"]

    def _spinal_structures(self, kg: KnowledgeGraph) -> None:
        """A lesion of the cauda equina affects every root it holds (structure-root table)."""
        rows = kg.sparql(
            'SELECT ?s ?sl ?r WHERE { ?s skg:kind "spinal_structure" ; rdfs:label ?sl ; '
            "skg:formed_from_root ?r }"
        )
        for r in rows:
            self._term(r["s"], r["sl"], "spinal_structure")
            self._absorb(r["s"], self.effects.get(r["r"], {}), r["r"])

    def _merge_plexus_roots(self) -> None:
        """A "root of the brachial plexus" is the ventral ramus of one spinal nerve: clinically
        a lesion there is a root lesion, so its effects are given to the spinal nerve and it is
        not ranked as a separate candidate."""
        for part, roots in self._plexus_root_owners.items():
            effects = self.effects.pop(part, {})
            if len(roots) != 1:
                continue
            root = next(iter(roots))
            self._absorb(root, effects, part)
            self.uncertain[root] |= self.uncertain.pop(part, set())

    def _condition_findings(self, kg: KnowledgeGraph) -> None:
        """Deficits sources give for the lesion of one root, nerve or plexus part.

        A radiculopathy, mononeuropathy or plexopathy located at exactly one structure lends
        that structure its sourced findings: weakness of a muscle or movement, sensory loss or
        paraesthesia in an area, a reduced or absent reflex ("preserved" findings are not
        deficits and are skipped).
        """
        rows = kg.sparql(
            "SELECT ?c ?loc ?lk ?ll ?fl ?fk ?about ?al ?ak ?src WHERE { "
            "?c skg:condition_kind ?ck . "
            'FILTER(?ck IN ("radiculopathy", "mononeuropathy", "plexopathy", '
            '"cauda_equina_syndrome", "conus_medullaris_syndrome")) '
            "?c obo:RO_0004026 ?loc . ?loc skg:kind ?lk ; rdfs:label ?ll . "
            'FILTER(?lk IN ("spinal_nerve", "nerve", "plexus_part", "spinal_structure")) '
            "?link skg:finding_link_condition ?c ; skg:finding_link_finding ?f ; "
            "dcterms:source/rdfs:label ?src . "
            "?f skg:finding_kind ?fk ; rdfs:label ?fl ; skg:finding_about ?about . "
            'FILTER(?fk IN ("weakness", "sensory_loss", "paraesthesia", "reflex_change")) '
            "?about rdfs:label ?al ; skg:kind ?ak }"
        )
        locations = _grouped(rows, "c", "loc")
        for r in rows:
            if len(locations[r["c"]]) != 1:
                continue
            label = r["fl"].casefold()
            if label.startswith(("preserved", "increased", "brisk")) or "hyper" in label:
                continue
            self._term(r["loc"], r["ll"], r["lk"])
            self._term(r["about"], r["al"], r["ak"])
            self.effects[r["loc"]][r["about"]] = 1.0
            self.why[r["loc"]][r["about"]].add(r["src"])

    def affects(self, lesion: str, item: str) -> float:
        """How strongly a lesion is predicted to affect an item (0 = not at all).

        A movement is affected in proportion to the share of the muscles performing it that
        the lesion weakens: a lesion of every dorsiflexor explains weak dorsiflexion fully, a
        lesion of one of them only in part (and finding the movement normal contradicts the
        first more than the second). A skin area the lesion does not supply as a whole is
        affected in proportion to the share of its parts it supplies, the rest of the area
        counting as one more part (named parts need not cover the whole).
        """
        eff = self.effects.get(lesion, {})
        direct = eff.get(item, 0.0)
        if direct:
            return direct
        muscles = self.performed_by.get(item)
        if muscles:
            return sum(eff.get(m, 0.0) for m in muscles) / len(muscles)
        parts = self.region_parts.get(item)
        if parts:  # as for movements: the share of the area's parts the lesion affects; the
            # rest of the area (its named parts need not cover it) counts as one more part
            return sum(eff.get(p, 0.0) for p in parts) / (len(parts) + 1)
        areas = self.dermatome_areas.get(item)
        if areas:  # a dermatome given as a sensory finding: its areas
            return max((eff.get(a, 0.0) for a in areas), default=0.0)
        return 0.0

    def sources_for(self, lesion: str, item: str) -> set[str]:
        """The sources behind a lesion's predicted effect on an item (for a movement or muscle
        group: on its muscles; for a dermatome: on its areas)."""
        why = self.why.get(lesion, {})
        eff = self.effects.get(lesion, {})
        found = set(why.get(item, set()))
        parts = self.performed_by.get(item, set()) | self.dermatome_areas.get(item, set())
        for part in parts | self.region_parts.get(item, set()):
            if eff.get(part):
                found |= why.get(part, set())
        return found


def _grouped(rows: Iterable[Mapping[str, str]], key: str, value: str) -> dict[str, set[str]]:
    """Query rows grouped: each ``key`` value -> the set of its ``value`` values.

    >>> dict(_grouped([{"p": "a", "q": "x"}, {"p": "a", "q": "y"}], "p", "q")) == {"a": {"x", "y"}}
    True
    """
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        out[r[key]].add(r[value])
    return out


def _link_sources(kg: KnowledgeGraph, props: Sequence[str]) -> dict[tuple[str, str], set[str]]:
    """(subject, object) -> sources of the sourced links ``subject prop object`` (OWL axiom
    annotations, and innervation claims for skin areas)."""
    values = " ".join(props)
    rows = kg.sparql(
        "SELECT ?s ?o ?src WHERE { VALUES ?p { " + values + " } "
        "?ax owl:annotatedSource ?s ; owl:annotatedTarget ?r ; dcterms:source/rdfs:label ?src . "
        "?r owl:onProperty ?p ; owl:someValuesFrom ?o }"
    )
    if "obo:RO_0002005" in props:
        rows += kg.sparql(
            "SELECT ?s ?o ?src WHERE { ?c skg:claim_subject ?s ; skg:claim_nerve ?o ; "
            "dcterms:source/rdfs:label ?src }"
        )
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        out[(r["s"], r["o"])].add(r["src"])
    return out


def localize(
    kg: KnowledgeGraph,
    model: Model,
    *,
    weak: Sequence[str] = (),
    spared: Sequence[str] = (),
    sensory_loss: Sequence[str] = (),
    reflexes: Mapping[str, str] | None = None,
    limit: int = 10,
) -> Localization:
    """Rank candidate lesions for a pattern of findings (see the module docstring)."""
    exam = ("muscle", "movement", "muscle_group")
    findings: list[tuple[str, str, Term]] = []
    findings += [("weak", "", kg.resolve(w, exam)) for w in weak]
    findings += [("spared", "", kg.resolve(s, exam)) for s in spared]
    findings += [("numb", "", kg.resolve(a, ("region", "dermatome"))) for a in sensory_loss]
    for name, state in (reflexes or {}).items():
        key = REFLEX_STATES.get(state.strip().casefold())
        if key is None:
            from .errors import InvalidQueryError

            raise InvalidQueryError(
                f"unknown reflex state {state[:30]!r}; use normal, reduced, absent or increased"
            )
        findings.append(("reflex", key, kg.resolve_reflex(name)))
    if not findings:
        from .errors import InvalidQueryError

        raise InvalidQueryError("give at least one finding (weak, spared, sensory loss or reflex)")
    scored = []
    for lesion, effects in model.effects.items():
        if lesion in model.hidden:  # listed under the lesion with the same predictions
            continue
        ev = list(_evidence(model, lesion, findings))
        score = sum(
            e.weight
            if e.verdict == "explains"
            else -e.weight
            if e.verdict in ("contradicts", "unexplained")
            else 0.0
            for e in ev
        )
        if not any(e.verdict == "explains" for e in ev):
            continue
        fit = score
        # Occam: among lesions that fit equally, the one predicting fewer deficits is likelier
        score -= BREADTH_PENALTY * math.log2(1 + len(effects))
        score -= PLEXUS_PRIOR.get(model.terms[lesion].kind, 0.0)
        scored.append((score, len(effects), lesion, ev, fit))
    scored.sort(key=lambda x: (-round(x[0], 6), x[1], model.terms[x[2]].label))
    out: list[Candidate] = []
    for i, (score, size, lesion, ev, fit) in enumerate(scored[:limit]):
        tied = any(round(o[0], 6) == round(score, 6) for j, o in enumerate(scored) if j != i)
        rank = 1 + sum(1 for o in scored if round(o[0], 6) > round(score, 6))
        out.append(
            Candidate(
                model.terms[lesion],
                score,
                rank,
                tied,
                tuple(e.finding for e in ev if e.verdict == "explains"),
                tuple(e.finding for e in ev if e.verdict == "contradicts"),
                tuple(e.finding for e in ev if e.verdict == "unexplained"),
                tuple(e.finding for e in ev if e.uncertain),
                size,
                tuple(ev),
                model.terms.get(model.site_nerve.get(lesion, "")),
                fit,
                _sources(model, lesion, findings, ev),
                tuple(model.terms[x] for x in model.same_as.get(lesion, ())),
            )
        )
    nxt, reason = _next_test(model, out, {t.iri for _, _, t in findings})
    return Localization(tuple(out), nxt, reason)


def _sources(
    model: Model, lesion: str, findings: Sequence[tuple[str, str, Term]], ev: Sequence[Evidence]
) -> tuple[str, ...]:
    """The sources behind the findings a candidate explains (one Evidence per finding)."""
    found: set[str] = set()
    for (_, _, term), e in zip(findings, ev, strict=True):
        if e.verdict == "explains":
            found |= model.sources_for(lesion, term.iri)
    return tuple(sorted(found))


def _evidence(
    model: Model, lesion: str, findings: Iterable[tuple[str, str, Term]]
) -> Iterable[Evidence]:
    uncertain = model.uncertain.get(lesion, set())
    for kind, state, term in findings:
        p = model.affects(lesion, term.iri)
        unsure = term.iri in uncertain
        label = term.label if kind != "reflex" else f"{term.label} {state}"
        if kind in ("weak", "numb"):
            w = 1.0 if kind == "weak" else 0.75
            verdict = "explains" if p > 0 else "unexplained"
            yield Evidence(label, kind, verdict, w * (p if p > 0 else 1.0), unsure)
        elif kind == "spared":
            if p > 0:
                yield Evidence(label, kind, "contradicts", 1.5 * p, unsure)
            else:
                yield Evidence(label, kind, "consistent", 0.0)
        elif state == "normal":
            if p >= 0.99:
                yield Evidence(label, kind, "contradicts", 0.5, unsure)
            else:
                yield Evidence(label, kind, "consistent", 0.0)
        elif state in ("reduced", "absent"):
            verdict = "explains" if p > 0 else "unexplained"
            yield Evidence(label, kind, verdict, 0.75 * (p if p > 0 else 1.0), unsure)
        else:  # increased reflexes point above the roots: nothing here explains them
            yield Evidence(label, kind, "unexplained", 0.5)


def _next_test(
    model: Model, ranked: Sequence[Candidate], examined: set[str]
) -> tuple[Term | None, str]:
    """The untested muscle that best splits the leading candidates (those within one point
    of the best score): predicted weak for some of them and normal for the others."""
    if len(ranked) < 2:
        return None, "only one candidate remains" if ranked else "no candidate explains these"
    best_score = ranked[0].score
    group = [c for c in ranked if c.score >= best_score - 1.0][:6]
    if len(group) < 2:
        group = list(ranked[:2])
    effects = [model.effects[c.lesion.iri] for c in group]
    items = {i for e in effects for i in e}
    best: tuple[int, int, float, str] | None = None
    for item in sorted(items):
        term = model.terms.get(item)
        if item in examined or term is None or term.kind != "muscle":
            continue
        weak = [e.get(item, 0.0) > 0 for e in effects]
        split = min(sum(weak), len(weak) - sum(weak))
        # prefer a test whose predictions the sources agree on (no disputed root claim)
        agreed = -sum(item in model.uncertain.get(c.lesion.iri, ()) for c in group)
        strength = sum(e.get(item, 0.0) for e in effects)
        if split and (best is None or (split, agreed, strength) > best[:3]):
            best = (split, agreed, strength, item)
    if best is None:
        names = ", ".join(c.lesion.label for c in group)
        return None, f"no untested muscle separates {names}"
    item = best[3]
    yes = [c.lesion.label for c, e in zip(group, effects, strict=True) if e.get(item, 0.0) > 0]
    no = [c.lesion.label for c, e in zip(group, effects, strict=True) if not e.get(item, 0.0)]
    return model.terms[item], (f"predicted weak for {', '.join(yes)}; normal for {', '.join(no)}")
