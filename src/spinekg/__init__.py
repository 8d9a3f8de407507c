"""spinekg: an open, sourced knowledge graph of the human spinal nerves.

Only the names importable from ``spinekg`` itself (listed in ``__all__``) are the stable public
API; submodules and underscore names may change. Medical content is educational reference, not
medical advice.

>>> import spinekg
>>> "tibialis anterior" in {s.target.label for s in spinekg.innervated_by("L5")}
True
"""

from __future__ import annotations

from .errors import (
    AmbiguousTermError,
    BuildError,
    EndpointError,
    IntegrityError,
    InvalidQueryError,
    SpineKGError,
    UnknownTermError,
    ValidationError,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from .graph import KnowledgeGraph
    from .graph import default_graph as default_graph
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
    )

# The graph and the result classes are imported on first use (PEP 562): ``import spinekg``
# stays cheap for what needs neither (errors, `spinekg build`, `spinekg queries`, --help).
_FROM_GRAPH = frozenset(("KnowledgeGraph", "default_graph"))


def __getattr__(name: str) -> object:
    if name in _FROM_GRAPH:
        module = "graph"
    elif name in __all__:  # every other public name not defined here is a result class
        module = "results"
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_FROM_GRAPH})


def _graph() -> KnowledgeGraph:
    from .graph import default_graph

    return default_graph()


__version__ = "0.1.0"

__all__ = [
    "AmbiguousTermError",
    "BuildError",
    "Compression",
    "ConditionFinding",
    "ConditionHit",
    "Dermatome",
    "Dispute",
    "EndpointError",
    "ExitingRoot",
    "Finding",
    "Innervation",
    "IntegrityError",
    "InvalidQueryError",
    "KeyMuscle",
    "KnowledgeGraph",
    "Movement",
    "MuscleNerve",
    "PlexusMember",
    "RedFlag",
    "Reflex",
    "RootClaim",
    "SpineKGError",
    "Statement",
    "Supply",
    "Term",
    "TermDetails",
    "UnknownTermError",
    "ValidationError",
    "__version__",
    "compressed_root",
    "conditions_of",
    "conditions_with",
    "connect",
    "dermatome",
    "describe",
    "disputed",
    "exiting_root",
    "findings_of",
    "get_term",
    "innervated_by",
    "innervation_of",
    "key_muscles",
    "localize",
    "movement",
    "muscles_tested",
    "plexus",
    "red_flags",
    "reflex",
    "roots_of_area",
    "search_terms",
    "segmental_claims",
    "sparql",
    "statements",
    "stats",
    "treatments_of",
]


def connect(url: str, *, timeout: float = 10.0) -> KnowledgeGraph:
    """Return a :class:`KnowledgeGraph` that runs the stored queries on a SPARQL endpoint.

    :param url: the endpoint's query URL (e.g. ``http://127.0.0.1:7878/query``)
    :param timeout: seconds before a request fails with :class:`EndpointError`
    :raises EndpointError: the URL is not an http(s) URL
    """
    from .graph import KnowledgeGraph

    return KnowledgeGraph.connect(url, timeout=timeout)


def get_term(text: str, kinds: Sequence[str] | None = None) -> Term:
    """Resolve a label, synonym or CURIE to a term.

    >>> get_term("fifth lumbar spinal nerve") == get_term("L5 nerve root") == get_term("l5")
    True
    >>> get_term("tibialis anterior muscle").label
    'tibialis anterior'

    :raises UnknownTermError: nothing has that name (the error suggests close names)
    :raises AmbiguousTermError: several terms share the name
    """
    return _graph().get_term(text, kinds)


def search_terms(
    text: str, kinds: Sequence[str] | None = None, limit: int = 10
) -> tuple[Term, ...]:
    """Find terms whose label or synonym matches ``text``.

    >>> any(t.label == "tibialis anterior" for t in search_terms("tibialis"))
    True
    """
    return _graph().search_terms(text, kinds, limit)


def describe(text: str) -> TermDetails:
    """Definition, synonyms, cross-references and sources of a term.

    >>> "L5 nerve root" in describe("L5").exact_synonyms
    True
    """
    return _graph().describe(text)


def innervated_by(text: str) -> tuple[Supply, ...]:
    """Muscles and skin areas a root, plexus part or nerve supplies, each with its sources.

    >>> supply = {s.target.label: s for s in innervated_by("L5")}
    >>> "extensor hallucis longus" in supply and bool(supply["extensor hallucis longus"].sources)
    True

    :raises UnknownTermError: the text names no root, nerve or plexus part
    """
    return _graph().innervated_by(text)


def innervation_of(text: str) -> Innervation:
    """The nerve path and each source's root claims for a muscle or skin area.

    >>> inn = innervation_of("tibialis anterior")
    >>> inn.nerves[0].label
    'deep fibular nerve'
    >>> "L4" in inn.any_roots and "L5" in inn.any_roots
    True

    :raises UnknownTermError: the text names no muscle or skin area
    """
    return _graph().innervation_of(text)


def segmental_claims(text: str) -> tuple[RootClaim, ...]:
    """Every source's root-level claim about a muscle, nerve, movement or reflex.

    >>> {c.root for c in segmental_claims("tibialis anterior")} >= {"L4", "L5"}
    True
    """
    return _graph().segmental_claims(text)


def sparql(text: str) -> list[dict[str, str]]:
    """Run a read-only SPARQL SELECT on the packaged graph (prefixes predeclared).

    >>> sparql('SELECT ?l WHERE { ?s skg:short_name "L5" ; rdfs:label ?l }')
    [{'l': 'fifth lumbar spinal nerve'}]

    :raises InvalidQueryError: an update, or malformed SPARQL
    """
    return _graph().sparql(text)


def reflex(text: str) -> Reflex:
    """A reflex's roots (each source's claim), afferent and efferent nerves and muscles.

    >>> r = reflex("patellar reflex")
    >>> "L4" in r.any_roots and "femoral nerve" in {n.label for n in r.efferent}
    True

    :raises UnknownTermError: the text names no reflex
    """
    return _graph().reflex(text)


def dermatome(root: str) -> Dermatome:
    """The dermatome of a root: skin areas (with sources) and the ISNCSCI key sensory point.

    >>> d = dermatome("L5")
    >>> bool(d.key_points) and bool(d.areas)
    True

    :raises UnknownTermError: the text names no root
    """
    return _graph().dermatome(root)


def roots_of_area(area: str) -> tuple[Supply, ...]:
    """Roots (by dermatome) and cutaneous nerves that supply a skin area, with sources.

    >>> "L5" in {c.root for s in roots_of_area("dorsum of foot") for c in s.claims}
    True
    """
    return _graph().roots_of_area(area)


def movement(text: str) -> Movement:
    """The muscles, nerves and roots (each source's claim) of a movement.

    >>> m = movement("ankle dorsiflexion")
    >>> "tibialis anterior" in {x.muscle.label for x in m.muscles} and "L4" in m.any_roots
    True
    >>> "deep fibular nerve" in m.as_dict()["nerves"]
    True

    :raises UnknownTermError: the text names no movement
    """
    return _graph().movement(text)


def key_muscles(root: str) -> tuple[KeyMuscle, ...]:
    """The ISNCSCI key movement and muscle(s) of a root, with sources.

    >>> rows = key_muscles("C5")
    >>> [r.term.label for r in rows if r.role == "movement"]
    ['elbow flexion']
    >>> "biceps brachii" in {r.term.label for r in rows if r.role == "muscle"}
    True
    """
    return _graph().key_muscles(root)


def muscles_tested(root: str) -> tuple[Supply, ...]:
    """Muscles a root supplies, its ISNCSCI key muscles first.

    >>> muscles_tested("L5")[0].target.kind
    'muscle'
    """
    return _graph().muscles_tested(root)


def disputed() -> tuple[Dispute, ...]:
    """Muscles, nerves, movements and reflexes on which sources name different roots.

    >>> any(d.target.label == "gastrocnemius" for d in disputed())
    True
    """
    return _graph().disputed()


def plexus(text: str) -> tuple[PlexusMember, ...]:
    """Parts and branches of a plexus or plexus part, with the roots that form each.

    The first row is the queried part itself, then its parts, then its branches:

    >>> trunk = plexus("upper trunk")
    >>> trunk[0].target.label, trunk[0].roots
    ('upper trunk of brachial plexus', ('C5', 'C6'))
    >>> any(s.target.label == "sciatic nerve" for s in plexus("sacral plexus"))
    True

    :raises UnknownTermError: the text names no plexus or plexus part
    """
    return _graph().plexus(text)


def stats() -> dict[str, int]:
    """Counts of terms by kind, claims and sources in the packaged graph.

    >>> stats()["spinal_nerve"]
    31
    """
    return _graph().stats()


def compressed_root(disc: str, herniation: str = "paracentral") -> tuple[Compression, ...]:
    """Which root a disc herniation compresses, by level and type, with sources.

    >>> [c.root for c in compressed_root("L4-L5", herniation="paracentral")]
    ['L5']

    :raises UnknownTermError: the text names no disc
    :raises InvalidQueryError: an unknown herniation type
    """
    return _graph().compressed_root(disc, herniation)


def exiting_root(level: str) -> tuple[ExitingRoot, ...]:
    """The root(s) that leave the spinal canal at a foramen, disc level or vertebra.

    >>> [r.root_short_name for r in exiting_root("L4-L5")]
    ['L4']
    """
    return _graph().exiting_root(level)


def conditions_of(text: str) -> tuple[ConditionHit, ...]:
    """Conditions affecting a root, nerve, plexus part, disc or region (emergencies first).

    >>> "L5 radiculopathy" in {h.condition.label for h in conditions_of("L5")}
    True
    """
    return _graph().conditions_of(text)


def findings_of(condition: str) -> tuple[Finding, ...]:
    """The sourced findings of a condition.

    >>> any(f.finding_kind == "weakness" for f in findings_of("L5 radiculopathy"))
    True
    """
    return _graph().findings_of(condition)


def conditions_with(finding: str) -> tuple[ConditionFinding, ...]:
    """Conditions that produce a finding (or a finding about a muscle, movement or area).

    >>> hits = conditions_with("saddle anaesthesia")
    >>> "cauda equina syndrome" in {c.condition.label for c in hits}
    True
    """
    return _graph().conditions_with(finding)


def red_flags() -> tuple[RedFlag, ...]:
    """Emergency conditions and red-flag findings, with sources.

    >>> any(r.emergency and r.condition.label == "cauda equina syndrome" for r in red_flags())
    True
    """
    return _graph().red_flags()


def treatments_of(condition: str) -> tuple[Statement, ...]:
    """Sourced educational statements on managing a condition (never medical advice).

    >>> all(s.source for s in treatments_of("cauda equina syndrome"))
    True
    """
    return _graph().treatments_of(condition)


def statements(topic: str | None = None, condition: str | None = None) -> tuple[Statement, ...]:
    """Sourced educational statements (anatomy, course, sleep, ...); never medical advice.

    >>> all(s.source for s in statements())
    True
    """
    return _graph().statements(topic, condition)


def localize(
    *,
    weak: Sequence[str] = (),
    spared: Sequence[str] = (),
    sensory_loss: Sequence[str] = (),
    reflexes: dict[str, str] | None = None,
    limit: int = 10,
) -> Any:
    """Rank single lesions (root, plexus part or nerve) that explain an examination.

    Each candidate says which findings it explains, which it contradicts and which it cannot
    explain, flags findings resting on disputed root claims, and the answer names the next
    most discriminating muscle to test.

    >>> loc = localize(weak=["tibialis anterior", "extensor hallucis longus"],
    ...                spared=["tibialis posterior", "gluteus medius"])
    >>> loc.candidates[0].lesion.label in ("common fibular nerve", "deep fibular nerve")
    True
    >>> loc = localize(weak=["tibialis anterior", "tibialis posterior", "gluteus medius"])
    >>> loc.candidates[0].lesion.label
    'fifth lumbar spinal nerve'

    :raises UnknownTermError: a finding names nothing known
    :raises InvalidQueryError: no findings, or an unknown reflex state
    """
    return _graph().localize(
        weak=weak, spared=spared, sensory_loss=sensory_loss, reflexes=reflexes, limit=limit
    )
