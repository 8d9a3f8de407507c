"""Build the ontology from the curated tables (``spinekg build``).

Data flows one way: ``ontology/src/*.tsv`` -> entity model (validated, every reference
resolved, every claim sourced) -> ``spinekg.ttl`` (OWL 2 DL), ``spinekg.owl`` (RDF/XML),
``spinekg-relations.ttl`` (direct triples for querying) and ``mappings/*.sssom.tsv``.
Output is deterministic: the same tables give byte-identical files. Nothing is written unless
the whole build succeeds.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab as V  # noqa: N812 - short alias for the vocabulary module
from ._rdfwrite import IRI, Anon, Block, Lit, Prefixes, to_rdfxml, to_turtle
from .errors import BuildError

VERSION = "2026-11-24"

# ----------------------------------------------------------------------------- table specs

TABLES: dict[str, tuple[str, ...]] = {
    "sources": ("id", "kind", "title", "url", "publisher", "accessed", "licence_note"),
    "spinal_nerves": ("key", "label", "ordinal", "region", "exact_synonyms", "source", "locator"),
    "plexus_parts": (
        "key",
        "label",
        "kind",
        "part_of",
        "roots",
        "exact_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "nerves": (
        "key",
        "label",
        "kind",
        "branch_of",
        "exact_synonyms",
        "related_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "muscles": (
        "key",
        "label",
        "region",
        "part_of",
        "nerves",
        "exact_synonyms",
        "related_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "segmental_claims": ("subject", "roots", "strength", "source", "locator", "note"),
    "regions": (
        "key",
        "label",
        "part_of",
        "exact_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "dermatomes": ("root", "label", "area", "key_point", "source", "locator"),
    "cutaneous_territories": ("nerve", "areas", "source", "locator"),
    "reflexes": (
        "key",
        "label",
        "exact_synonyms",
        "definition",
        "muscles",
        "afferent_nerves",
        "efferent_nerves",
        "source",
        "locator",
    ),
    "movements": (
        "key",
        "label",
        "joint",
        "exact_synonyms",
        "definition",
        "muscles",
        "source",
        "locator",
    ),
    "muscle_groups": (
        "key",
        "label",
        "exact_synonyms",
        "definition",
        "muscles",
        "source",
        "locator",
    ),
    "key_muscles": ("root", "movement", "muscles", "source", "locator"),
    "spine": (
        "key",
        "label",
        "kind",
        "part_of",
        "exact_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "exit_rules": ("root", "foramen", "source", "locator", "note"),
    "compression_rules": ("disc", "herniation_type", "root", "source", "locator", "note"),
    "conditions": (
        "key",
        "label",
        "kind",
        "locations",
        "site",
        "emergency",
        "exact_synonyms",
        "related_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "findings": (
        "key",
        "label",
        "kind",
        "about",
        "exact_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "condition_findings": ("condition", "finding", "red_flag", "source", "locator", "note"),
    "treatments": (
        "key",
        "label",
        "kind",
        "exact_synonyms",
        "definition",
        "source",
        "locator",
        "xrefs",
    ),
    "condition_treatments": ("condition", "treatment", "statement", "source", "locator", "note"),
    "statements": ("key", "condition", "topic", "statement", "source", "locator", "note"),
    "xrefs": ("key", "xrefs", "source", "locator", "note"),
    "structure_roots": ("structure", "roots", "source", "locator", "note"),
    "plexus_formation": ("part", "formed_from", "source", "locator", "note"),
    "site_sparing": ("condition", "spared", "source", "locator", "note"),
}

ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("sources", "kind"): frozenset(
        "peer_reviewed standard textbook clinical_reference university educational "
        "reference_file seed".split()
    ),
    ("plexus_parts", "kind"): frozenset("plexus plexus_root trunk division cord".split()),
    ("nerves", "kind"): frozenset("mixed motor sensory cutaneous".split()),
    ("muscles", "region"): frozenset(
        "head neck back thorax abdomen diaphragm upper_limb lower_limb pelvic_floor".split()
    ),
    ("segmental_claims", "strength"): frozenset("major minor unspecified".split()),
    ("compression_rules", "herniation_type"): frozenset("paracentral foraminal central".split()),
    ("conditions", "kind"): frozenset(
        "radiculopathy disc_herniation stenosis spondylolisthesis cauda_equina_syndrome "
        "conus_medullaris_syndrome myelopathy mononeuropathy plexopathy other".split()
    ),
    ("conditions", "emergency"): frozenset({"yes", "no", ""}),
    ("findings", "kind"): frozenset(
        "weakness sensory_loss reflex_change pain paraesthesia incoordination sphincter "
        "other".split()
    ),
    ("condition_findings", "red_flag"): frozenset({"yes", "no", ""}),
    ("treatments", "kind"): frozenset(
        "self_care physical_therapy medication injection procedure surgery".split()
    ),
}

#: Entity kinds: key of the schema class, its label, definition, parent kind, xrefs.
KINDS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "anatomical_entity": (
        "anatomical entity",
        "A material part of the human body that spinekg describes.",
        "",
        (),
    ),
    "spinal_nerve": (
        "spinal nerve",
        "A paired peripheral nerve formed where a dorsal and a ventral root of one "
        "spinal cord segment join, named by its level (C1-Co1); clinically often "
        "called a nerve root.",
        "anatomical_entity",
        ("UBERON:0001780", "FMA:5858"),
    ),
    "spinal_nerve_root": (
        "spinal nerve root",
        "A bundle of nerve fibres that connects the spinal cord to a spinal nerve.",
        "anatomical_entity",
        ("UBERON:0009623", "FMA:14060"),
    ),
    "dorsal_root": (
        "dorsal root of spinal nerve",
        "A spinal nerve root that carries sensory fibres into the dorsal spinal "
        "cord and bears the dorsal root ganglion.",
        "spinal_nerve_root",
        ("UBERON:0002261",),
    ),
    "ventral_root": (
        "ventral root of spinal nerve",
        "A spinal nerve root that carries motor fibres out of the ventral spinal cord.",
        "spinal_nerve_root",
        ("UBERON:0002260",),
    ),
    "dorsal_root_ganglion": (
        "dorsal root ganglion",
        "A ganglion on a dorsal root that holds the cell bodies of the "
        "sensory neurons of that root.",
        "anatomical_entity",
        (),
    ),
    "ramus": (
        "ramus of spinal nerve",
        "A primary branch of a spinal nerve.",
        "anatomical_entity",
        (),
    ),
    "dorsal_ramus": (
        "dorsal ramus of spinal nerve",
        "A primary branch of a spinal nerve that supplies the deep back muscles "
        "and the skin of the back.",
        "ramus",
        ("UBERON:0006839", "FMA:5983"),
    ),
    "ventral_ramus": (
        "ventral ramus of spinal nerve",
        "A primary branch of a spinal nerve that supplies the front and sides of "
        "the trunk and the limbs, and forms the plexuses.",
        "ramus",
        ("UBERON:0006838", "FMA:5982"),
    ),
    "spinal_cord_segment": (
        "spinal cord segment",
        "A part of the spinal cord from which the rootlets of one pair of spinal nerves arise.",
        "anatomical_entity",
        ("UBERON:0005844", "FMA:62420"),
    ),
    "plexus": (
        "nerve plexus",
        "A network of interconnecting nerve fibres formed by the ventral "
        "rami of several spinal nerves.",
        "anatomical_entity",
        ("UBERON:0001810", "FMA:5901"),
    ),
    "plexus_part": (
        "nerve plexus part",
        "A named subdivision of a nerve plexus (root, trunk, division or cord).",
        "anatomical_entity",
        (),
    ),
    "nerve": (
        "peripheral nerve",
        "A named bundle of nerve fibres outside the central nervous "
        "system that arises from a spinal nerve or plexus, or is a branch of another "
        "nerve.",
        "anatomical_entity",
        ("UBERON:0001021",),
    ),
    "muscle": (
        "skeletal muscle",
        "A skeletal muscle, or a named head of one, supplied by a peripheral nerve.",
        "anatomical_entity",
        ("UBERON:0014892",),
    ),
    "muscle_group": (
        "muscle group",
        "A named group of skeletal muscles that clinicians examine and describe together "
        "(for example the intrinsic muscles of the hand).",
        "anatomical_entity",
        (),
    ),
    "region": (
        "body region or skin area",
        "A region of the body or an area of skin used to "
        "describe where a nerve or root supplies sensation or where a finding lies.",
        "anatomical_entity",
        (),
    ),
    "dermatome": (
        "dermatome",
        "An area of skin whose sensation is supplied mainly by the "
        "fibres of one spinal nerve (the clinical dermatome, not the embryonic "
        "somite-derived structure).",
        "anatomical_entity",
        (),
    ),
    "vertebra": (
        "vertebra",
        "A bone of the vertebral column.",
        "anatomical_entity",
        ("UBERON:0002412", "FMA:9914"),
    ),
    "intervertebral_disc": (
        "intervertebral disc",
        "A fibrocartilaginous joint between the bodies of two adjacent vertebrae.",
        "anatomical_entity",
        ("UBERON:0001066", "FMA:10446"),
    ),
    "intervertebral_foramen": (
        "intervertebral foramen",
        "An opening between two adjacent "
        "vertebrae through which a spinal nerve leaves the vertebral "
        "canal.",
        "anatomical_entity",
        (),
    ),
    "spinal_structure": (
        "spinal structure",
        "A structure, region or curvature of the spine or its contents named by spinekg.",
        "anatomical_entity",
        (),
    ),
    "reflex": (
        "reflex",
        "A stereotyped involuntary response to a stimulus, tested at the "
        "bedside to assess the roots and nerves of its arc.",
        "",
        (),
    ),
    "movement": (
        "movement",
        "A joint action tested at the bedside to assess the roots and "
        "nerves of the muscles that perform it.",
        "",
        (),
    ),
    "condition": (
        "condition",
        "A disorder of the spine, spinal roots, plexuses or peripheral nerves.",
        "",
        (),
    ),
    "finding": ("clinical finding", "A symptom or sign that a condition can produce.", "", ()),
    "treatment": ("treatment", "A management option for a condition.", "", ()),
}

#: Annotation-only vocabulary (safe in OWL 2 DL: no punning, no reasoning impact).
ANNOTATION_PROPS: dict[str, str] = {
    "kind": "the kind of entity (muscle, nerve, spinal_nerve, ...)",
    "root_claim_sources": "how many distinct sources make a segmental (root) claim about "
    "this entity (derived at build time)",
    "short_name": "the short clinical name of a spinal nerve (C5, L5, S1)",
    "ordinal": "position of a spinal nerve in the craniocaudal series (C1 = 1)",
    "spinal_region": "the region of the spine a spinal nerve, vertebra or disc belongs to",
    "body_region": "the body region of a muscle",
    "nerve_kind": "whether a nerve is mixed, motor, sensory or cutaneous",
    "plexus_part_kind": "plexus, plexus_root, trunk, division or cord",
    "joint": "the joint a movement acts at",
    "key_sensory_point": "the ISNCSCI key sensory point of a dermatome",
    "is_emergency": "true when a condition is a medical emergency",
    "condition_kind": "the kind of condition",
    "finding_kind": "the kind of clinical finding",
    "treatment_kind": "the kind of treatment",
    "claim_subject": "the entity a claim is about",
    "claim_root": "the spinal nerve a segmental claim names",
    "claim_strength": "major, minor or unspecified, as the source states",
    "locator": "where in the source the claim is stated",
    "note": "a short quotation or paraphrase of the source",
    "source_kind": "the kind of source (peer_reviewed, standard, textbook, ...)",
    "accessed": "the date the source was consulted",
    "licence_note": "licence and reuse note for a source",
    "rule_disc": "the disc a compression rule is about",
    "herniation_type": "paracentral, foraminal or central",
    "compressed_root": "the root (or cauda equina) a disc herniation compresses",
    "statement": "an educational statement (never advice)",
    "topic": "the topic of an educational statement",
    "about_condition": "the condition a statement or management link is about",
    "about_treatment": "the treatment a management statement is about",
    "finding_link_condition": "the condition of a sourced condition-finding link",
    "finding_link_finding": "the finding of a sourced condition-finding link",
    "red_flag": "true when a finding is a red flag for the condition",
    "version_checksum": "checksum of the curated tables the release was built from",
}

#: Object properties (used in OWL restrictions and as direct triples in the relation layer).
OBJECT_PROPS: dict[str, tuple[str, str]] = {
    V.INNERVATED_BY: ("innervated by", "RO relation: a structure is supplied by a nerve."),
    V.BRANCHING_PART_OF: (
        "branching part of",
        "RO relation: a nerve is a branch of another nerve or plexus part.",
    ),
    V.PART_OF: ("part of", "BFO relation."),
    V.OVERLAPS: ("overlaps", "RO relation."),
    V.CONTRIBUTES_TO_MORPHOLOGY_OF: ("contributes to morphology of", "RO relation."),
    V.EXTENDS_FIBERS_INTO: (
        "extends_fibers_into",
        "UBERON relation: a nerve or root extends fibres into a structure.",
    ),
    V.HAS_LOCATION: ("disease has location", "RO relation."),
    V.HAS_FEATURE: ("disease has feature", "RO relation."),
    V.SKG + "has_segmental_supply": (
        "has segmental supply",
        "A muscle, nerve, movement or "
        "reflex receives fibres from, or is mediated by, a spinal "
        "nerve, according to at least one source (see the claims).",
    ),
    V.SKG + "formed_from_root": (
        "formed from root",
        "A plexus part is formed by fibres of a spinal nerve.",
    ),
    V.SKG + "site_spares": (
        "site spares",
        "A nerve lesion at this condition's site spares this branch, muscle or skin area: its "
        "supply leaves the nerve above the site.",
    ),
    V.SKG + "formed_from_part": (
        "formed from part",
        "A plexus part (a cord) is formed by the union of other plexus parts (divisions).",
    ),
    V.SKG + "dermatome_of": ("dermatome of", "A dermatome is the skin area of a spinal nerve."),
    V.SKG + "reflex_muscle": ("reflex muscle", "The muscle that contracts in a reflex."),
    V.SKG + "afferent_nerve": ("afferent nerve", "A nerve carrying the afferent limb of a reflex."),
    V.SKG + "efferent_nerve": ("efferent nerve", "A nerve carrying the efferent limb of a reflex."),
    V.SKG + "performed_by": ("performed by", "A movement is performed by a muscle."),
    V.SKG + "has_member_muscle": ("has member muscle", "A muscle group includes a muscle."),
    V.SKG + "key_movement_of": ("key movement of", "The ISNCSCI key muscle function of a root."),
    V.SKG + "key_muscle_of": (
        "key muscle of",
        "A muscle tested as the ISNCSCI key muscle of a root.",
    ),
    V.SKG + "exits_through": (
        "exits through",
        "A spinal nerve leaves the vertebral canal through a foramen.",
    ),
    V.SKG + "finding_about": (
        "finding about",
        "A finding concerns a muscle, movement, skin area or reflex.",
    ),
    V.SKG + "lesion_site": ("lesion site", "The site along a nerve where a condition lies."),
    V.SKG + "has_red_flag": (
        "has red flag",
        "A finding that signals an emergency for this condition.",
    ),
    V.SKG + "has_management_option": (
        "has management option",
        "A treatment a source describes for this condition.",
    ),
    V.SKG + "bounded_by": (
        "bounded by",
        "A disc or intervertebral foramen lies between these vertebrae.",
    ),
    V.SKG + "compresses": ("compresses", "A disc herniation condition compresses a root."),
}
SUBPROPERTY: dict[str, str] = {V.SKG + "has_red_flag": V.HAS_FEATURE}

SKG_CLASSES: dict[str, tuple[str, str]] = {
    "Source": ("source", "A document, page, standard or reference file that spinekg consulted."),
    "SegmentalClaim": (
        "segmental claim",
        "One source's statement that a spinal nerve supplies a muscle, nerve, movement or reflex.",
    ),
    "InnervationClaim": (
        "innervation claim",
        "One source's statement that a nerve supplies a muscle or skin area.",
    ),
    "CompressionRule": (
        "compression rule",
        "One source's statement of which root a disc "
        "herniation of a given level and type compresses.",
    ),
    "FindingLink": (
        "condition finding link",
        "One source's statement that a condition produces a finding.",
    ),
    "ManagementStatement": (
        "management statement",
        "A sourced educational statement about a condition or its management; not advice.",
    ),
}

REGIONS = (("C", "cervical", 8), ("T", "thoracic", 12), ("L", "lumbar", 5), ("S", "sacral", 5))
ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
).split()

# ----------------------------------------------------------------------------- model


@dataclass
class Where:
    """Where a value came from: table file, row number and column."""

    table: str
    row: int
    column: str = ""

    def __str__(self) -> str:
        col = f", column {self.column!r}" if self.column else ""
        return f"{self.table} row {self.row}{col}"


@dataclass
class Rel:
    """An existential relation ``entity SubClassOf prop some target`` with its sources."""

    prop: str
    target: str
    sources: tuple[str, ...]
    where: Where


@dataclass
class Entity:
    """One class of the ontology, before IRIs are assigned."""

    key: str
    kind: str
    label: str
    definition: str = ""
    exact: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    locator: str = ""
    annotations: dict[str, list[str]] = field(default_factory=dict)
    rels: list[Rel] = field(default_factory=list)
    where: Where | None = None
    generated: bool = False

    def annotate(self, name: str, value: str) -> None:
        """Add a literal annotation (skg vocabulary)."""
        if value:
            self.annotations.setdefault(name, [])
            if value not in self.annotations[name]:
                self.annotations[name].append(value)


@dataclass
class Claim:
    """A reified, sourced statement (segmental, innervation, compression, finding...)."""

    cls: str
    props: dict[str, str]
    refs: dict[str, str]
    source: str
    where: Where


@dataclass
class Source:
    """One row of the sources tables."""

    id: str
    kind: str
    title: str
    url: str
    publisher: str
    accessed: str
    licence_note: str
    where: Where


# ----------------------------------------------------------------------------- reading


def split(value: str) -> list[str]:
    """Split a ``|``-separated cell, dropping blanks.

    >>> split("L4|L5| S1 |")
    ['L4', 'L5', 'S1']
    """
    return [v.strip() for v in value.split("|") if v.strip()]


def table_files(src: Path, kind: str) -> list[Path]:
    """Return the table files of one kind (``muscles.tsv`` and ``muscles_*.tsv``), sorted."""
    files = [src / f"{kind}.tsv", *sorted(src.glob(f"{kind}_*.tsv"))]
    return [f for f in files if f.is_file()]


def read_table(path: Path, kind: str, errors: list[str]) -> Iterator[tuple[Where, dict[str, str]]]:
    """Yield ``(where, row)`` for each data row; header problems go to ``errors``."""
    expected = TABLES[kind]
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [
            (i, line)
            for i, line in enumerate(fh, start=1)
            if line.strip() and not line.startswith("#")
        ]
    if not lines:
        return
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    if tuple(header) != expected:
        errors.append(
            f"{path.name} line {lines[0][0]}: header must be {' '.join(expected)!r}, "
            f"got {' '.join(header)!r}"
        )
        return
    for (lineno, _), cells in zip(lines[1:], rows[1:], strict=True):
        if len(cells) != len(expected):
            errors.append(
                f"{path.name} row {lineno}: expected {len(expected)} tab-separated fields, "
                f"got {len(cells)}"
            )
            continue
        row = {k: v.strip() for k, v in zip(expected, cells, strict=True)}
        bad = False
        for (tkind, col), allowed in ENUMS.items():
            if (
                tkind == kind
                and row[col] not in allowed
                and not (col == "strength" and row[col] == "")
            ):
                errors.append(
                    f"{path.name} row {lineno}, column {col!r}: {row[col]!r} is not one of "
                    f"{', '.join(sorted(a for a in allowed if a))}"
                )
                bad = True
        if not bad:
            yield Where(path.name, lineno), row


# ----------------------------------------------------------------------------- assembling


class Model:
    """The validated entity model built from the tables."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.sources: dict[str, Source] = {}
        self.claims: list[Claim] = []
        self.errors: list[str] = []

    # -- helpers
    def add(self, ent: Entity) -> Entity | None:
        """Register an entity; report a duplicate key or label."""
        if ent.key in self.entities:
            other = self.entities[ent.key]
            self.errors.append(
                f"{ent.where}: duplicate key {ent.key!r} (already defined at {other.where})"
            )
            return None
        if not re.fullmatch(r"[A-Za-z0-9_]+", ent.key):
            self.errors.append(f"{ent.where}: key {ent.key!r} must be snake_case ASCII")
            return None
        self.entities[ent.key] = ent
        return ent

    def need_source(self, where: Where, value: str) -> list[str]:
        """Return the source ids of a cell, reporting a missing or unknown source."""
        ids = split(value)
        if not ids:
            self.errors.append(f"{where}: missing source")
        for sid in ids:
            if sid not in self.sources:
                self.errors.append(f"{where}: unknown source id {sid!r}")
        return ids


def _entity_from_row(kind: str, where: Where, row: dict[str, str]) -> Entity:
    return Entity(
        key=row["key"],
        kind=kind,
        label=row["label"],
        definition=row.get("definition", ""),
        exact=split(row.get("exact_synonyms", "")),
        related=split(row.get("related_synonyms", "")),
        xrefs=split(row.get("xrefs", "")),
        sources=split(row.get("source", "")),
        locator=row.get("locator", ""),
        where=where,
    )


def _generated(
    key: str,
    kind: str,
    label: str,
    definition: str,
    exact: Iterable[str],
    related: Iterable[str] = (),
    sources: Iterable[str] = (),
) -> Entity:
    return Entity(
        key=key,
        kind=kind,
        label=label,
        definition=definition,
        exact=list(exact),
        related=list(related),
        sources=list(sources),
        where=Where("(generated)", 0, key),
        generated=True,
    )


def _spine_levels() -> list[tuple[str, str, int, str]]:
    """Vertebral levels (code, region, number, label) from C1 to L5."""
    out = []
    for code, region, count in (("C", "cervical", 7), ("T", "thoracic", 12), ("L", "lumbar", 5)):
        for i in range(1, count + 1):
            out.append((f"{code}{i}", region, i, f"{ORDINALS[i - 1]} {region} vertebra"))
    return out


def _vertebra_key(code: str) -> str:
    return "sacrum" if code.startswith("S") else f"vertebra_{code}"


def generate_structure(model: Model, nerve_rows: list[tuple[Where, dict[str, str]]]) -> None:
    """Add the per-level structures every spinal nerve has, and the spine's bones and discs."""
    for where, row in nerve_rows:
        sn = row["key"]
        src = split(row["source"])
        name = row["label"]
        ent = _entity_from_row("spinal_nerve", where, {**row, "definition": ""})
        ent.definition = (
            f"The spinal nerve of the {name.replace(' spinal nerve', '')} level, formed by the "
            f"union of the {sn} dorsal and ventral roots; clinically the {sn} nerve root."
        )
        ent.annotate("short_name", sn)
        ent.annotate("ordinal", row["ordinal"])
        ent.annotate("spinal_region", row["region"])
        model.add(ent)
        ordinal_word = name.split()[0]
        region = row["region"]
        gens = [
            _generated(
                f"segment_{sn}",
                "spinal_cord_segment",
                f"{sn} segment of spinal cord",
                f"The segment of the spinal cord from which the rootlets of the {name} arise.",
                [
                    f"{sn} segment",
                    f"{sn} spinal cord segment",
                    f"{ordinal_word} {region} spinal cord segment",
                ],
                sources=src,
            ),
            _generated(
                f"{sn}_dorsal_root",
                "dorsal_root",
                f"dorsal root of {name}",
                f"The dorsal (sensory) root that joins the {sn} segment of the spinal cord "
                f"to the {name}.",
                [f"{sn} dorsal root", f"{sn} posterior root", f"{sn} sensory root"],
                sources=src,
            ),
            _generated(
                f"{sn}_ventral_root",
                "ventral_root",
                f"ventral root of {name}",
                f"The ventral (motor) root that joins the {sn} segment of the spinal cord "
                f"to the {name}.",
                [f"{sn} ventral root", f"{sn} anterior root", f"{sn} motor root"],
                sources=src,
            ),
            _generated(
                f"{sn}_drg",
                "dorsal_root_ganglion",
                f"dorsal root ganglion of {name}",
                f"The ganglion on the {sn} dorsal root that holds the cell bodies of its "
                "sensory neurons.",
                [f"{sn} dorsal root ganglion", f"{sn} DRG", f"{sn} spinal ganglion"],
                sources=src,
            ),
            _generated(
                f"{sn}_dorsal_ramus",
                "dorsal_ramus",
                f"dorsal ramus of {name}",
                f"The dorsal primary branch of the {name}.",
                [f"{sn} dorsal ramus", f"{sn} posterior ramus", f"{sn} posterior primary ramus"],
                sources=src,
            ),
            _generated(
                f"{sn}_ventral_ramus",
                "ventral_ramus",
                f"ventral ramus of {name}",
                f"The ventral primary branch of the {name}.",
                [f"{sn} ventral ramus", f"{sn} anterior ramus", f"{sn} anterior primary ramus"],
                sources=src,
            ),
        ]
        for g in gens:
            model.add(g)
        wh = Where("(generated)", 0, sn)
        ent.rels.append(Rel(V.EXTENDS_FIBERS_INTO, f"segment_{sn}", tuple(src), wh))
        for root in (f"{sn}_dorsal_root", f"{sn}_ventral_root"):
            model.entities[root].rels.append(
                Rel(V.CONTRIBUTES_TO_MORPHOLOGY_OF, sn, tuple(src), wh)
            )
        model.entities[f"{sn}_drg"].rels.append(Rel(V.PART_OF, f"{sn}_dorsal_root", tuple(src), wh))
        for ramus in (f"{sn}_dorsal_ramus", f"{sn}_ventral_ramus"):
            model.entities[ramus].rels.append(Rel(V.BRANCHING_PART_OF, sn, tuple(src), wh))

    vsrc = ["uberon_extract"]
    levels = _spine_levels()
    for code, region, _i, label in levels:
        syn = [f"{code} vertebra", f"{region} vertebra {_i}"]
        if code == "C1":
            syn.append("atlas")
        if code == "C2":
            syn.append("axis")
        e = _generated(
            f"vertebra_{code}",
            "vertebra",
            label,
            f"The {label.replace(' vertebra', '')} bone of the vertebral column.",
            syn,
            related=[code],
            sources=vsrc,
        )
        e.annotate("spinal_region", region)
        model.add(e)
    for key, label, syn, rel in (
        ("sacrum", "sacrum", ["os sacrum", "sacral vertebrae"], ["S1-S5"]),
        ("coccyx", "coccyx", ["tailbone", "coccygeal vertebrae"], []),
    ):
        e = _generated(
            key,
            "vertebra",
            label,
            f"The {'fused sacral' if key == 'sacrum' else 'fused coccygeal'} "
            "vertebrae at the lower end of the vertebral column.",
            syn,
            rel,
            sources=vsrc,
        )
        model.add(e)
    codes = [c for c, *_ in levels] + ["S1"]
    for upper, lower in itertools.pairwise(codes):
        if upper in ("C1",):
            continue
        lk = lower
        key = f"disc_{upper}_{lk}"
        lab = f"{upper}-{lk} intervertebral disc"
        short = f"{upper}-{lk[1:]}" if upper[0] == lk[0] else f"{upper}-{lk}"
        syn = [
            f"{upper}-{lk} disc",
            f"{upper}/{lk} disc",
            f"{short} disc",
            f"{upper}-{lk}",
            f"{upper}/{lk}",
            f"{upper}{lk}",
        ]
        model.add(
            _generated(
                key,
                "intervertebral_disc",
                lab,
                f"The intervertebral disc between the {upper} and {lk} vertebrae.",
                dict.fromkeys(syn),
                sources=vsrc,
            )
        )
        for vk in (upper, lk):
            model.entities[key].rels.append(
                Rel(
                    V.SKG + "bounded_by",
                    _vertebra_key(vk),
                    tuple(vsrc),
                    Where("(generated)", 0, key),
                )
            )
    foramina = [("occiput", "C1"), *itertools.pairwise(codes)]
    for upper, lower in foramina:
        key = f"foramen_{upper}_{lower}"
        if upper == "occiput":
            lab = "occiput-C1 interval"
            definition = (
                "The gap between the occipital bone and the atlas through which the "
                "first cervical spinal nerve leaves the vertebral canal."
            )
        else:
            lab = f"{upper}-{lower} intervertebral foramen"
            definition = f"The intervertebral foramen between the {upper} and {lower} vertebrae."
        model.add(
            _generated(
                key,
                "intervertebral_foramen",
                lab,
                definition,
                [
                    f"{upper}-{lower} foramen",
                    f"{upper}/{lower} foramen",
                    f"{upper}-{lower} neural foramen",
                ],
                sources=vsrc,
            )
        )
        for vk in (upper, lower):
            if vk != "occiput":
                model.entities[key].rels.append(
                    Rel(
                        V.SKG + "bounded_by",
                        _vertebra_key(vk),
                        tuple(vsrc),
                        Where("(generated)", 0, key),
                    )
                )
    model.entities["vertebra_C1"].rels  # noqa: B018 - existence check


def load(src: Path) -> Model:
    """Read every table under ``src`` into a validated :class:`Model`."""
    m = Model()

    def rows(kind: str) -> list[tuple[Where, dict[str, str]]]:
        out: list[tuple[Where, dict[str, str]]] = []
        for path in table_files(src, kind):
            out.extend(read_table(path, kind, m.errors))
        return out

    for where, r in rows("sources"):
        if r["id"] in m.sources:
            m.errors.append(
                f"{where}: duplicate source id {r['id']!r} (already at {m.sources[r['id']].where})"
            )
            continue
        if not re.fullmatch(r"[a-z0-9_]+", r["id"]):
            m.errors.append(
                f"{Where(where.table, where.row, 'id')}: source id {r['id']!r} must be snake_case"
            )
        if not r["url"]:
            m.errors.append(f"{Where(where.table, where.row, 'url')}: missing URL or locator")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["accessed"]):
            m.errors.append(
                f"{Where(where.table, where.row, 'accessed')}: access date must be YYYY-MM-DD"
            )
        m.sources[r["id"]] = Source(
            r["id"],
            r["kind"],
            r["title"],
            r["url"],
            r["publisher"],
            r["accessed"],
            r["licence_note"],
            where,
        )

    generate_structure(m, rows("spinal_nerves"))
    for kind_table, kind in (
        ("plexus_parts", "plexus_part"),
        ("nerves", "nerve"),
        ("muscles", "muscle"),
        ("regions", "region"),
        ("reflexes", "reflex"),
        ("movements", "movement"),
        ("muscle_groups", "muscle_group"),
        ("spine", "spinal_structure"),
        ("conditions", "condition"),
        ("findings", "finding"),
        ("treatments", "treatment"),
    ):
        for where, r in rows(kind_table):
            k = kind
            if kind_table == "plexus_parts" and r["kind"] == "plexus":
                k = "plexus"
            e = _entity_from_row(k, where, r)
            m.need_source(Where(where.table, where.row, "source"), r["source"])
            if not e.label:
                m.errors.append(f"{Where(where.table, where.row, 'label')}: missing label")
            ent = m.add(e)
            if ent is None:
                continue
            _attach(m, kind_table, ent, where, r)

    _dermatomes(m, rows("dermatomes"))
    _claims(m, rows)
    _root_claim_sources(m)
    _xrefs(m, rows("xrefs"))
    _check_refs(m)
    _check_labels(m)
    return m


def _rel(
    m: Model, ent: Entity, prop: str, value: str, where: Where, col: str, sources: list[str]
) -> None:
    for target in split(value):
        ent.rels.append(Rel(prop, target, tuple(sources), Where(where.table, where.row, col)))


def _attach(m: Model, table: str, e: Entity, where: Where, r: dict[str, str]) -> None:
    src = e.sources
    if table == "plexus_parts":
        e.annotate("plexus_part_kind", r["kind"])
        _rel(m, e, V.PART_OF, r["part_of"], where, "part_of", src)
        _rel(m, e, V.SKG + "formed_from_root", r["roots"], where, "roots", src)
    elif table == "nerves":
        e.annotate("nerve_kind", r["kind"])
        _rel(m, e, V.BRANCHING_PART_OF, r["branch_of"], where, "branch_of", src)
    elif table == "muscles":
        e.annotate("body_region", r["region"])
        _rel(m, e, V.PART_OF, r["part_of"], where, "part_of", src)
        _rel(m, e, V.INNERVATED_BY, r["nerves"], where, "nerves", src)
    elif table in ("regions", "spine"):
        _rel(m, e, V.PART_OF, r["part_of"], where, "part_of", src)
        if table == "spine":
            e.annotate("spinal_region", r["kind"])
    elif table == "reflexes":
        _rel(m, e, V.SKG + "reflex_muscle", r["muscles"], where, "muscles", src)
        _rel(m, e, V.SKG + "afferent_nerve", r["afferent_nerves"], where, "afferent_nerves", src)
        _rel(m, e, V.SKG + "efferent_nerve", r["efferent_nerves"], where, "efferent_nerves", src)
    elif table == "movements":
        e.annotate("joint", r["joint"])
        _rel(m, e, V.SKG + "performed_by", r["muscles"], where, "muscles", src)
    elif table == "muscle_groups":
        _rel(m, e, V.SKG + "has_member_muscle", r["muscles"], where, "muscles", src)
    elif table == "conditions":
        e.annotate("condition_kind", r["kind"])
        e.annotate("is_emergency", "true" if r["emergency"] == "yes" else "false")
        _rel(m, e, V.HAS_LOCATION, r["locations"], where, "locations", src)
        _rel(m, e, V.SKG + "lesion_site", r["site"], where, "site", src)
    elif table == "findings":
        e.annotate("finding_kind", r["kind"])
        _rel(m, e, V.SKG + "finding_about", r["about"], where, "about", src)
    elif table == "treatments":
        e.annotate("treatment_kind", r["kind"])


def _dermatomes(m: Model, rows: list[tuple[Where, dict[str, str]]]) -> None:
    for where, r in rows:
        root = r["root"]
        key = f"dermatome_{root}"
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        if root not in m.entities or m.entities[root].kind != "spinal_nerve":
            m.errors.append(f"{Where(where.table, where.row, 'root')}: unknown root {root!r}")
            continue
        ent = m.entities.get(key)
        if ent is None:
            label = r["label"] or f"{root} dermatome"
            ent = Entity(
                key=key,
                kind="dermatome",
                label=label,
                definition=f"The area of skin supplied mainly by the {root} spinal nerve.",
                exact=[f"{root} dermatome", f"dermatome {root}"],
                where=where,
            )
            ent.rels.append(Rel(V.SKG + "dermatome_of", root, tuple(srcs), where))
            m.add(ent)
        for s in srcs:
            if s not in ent.sources:
                ent.sources.append(s)
        _rel(m, ent, V.OVERLAPS, r["area"], where, "area", srcs)
        for s in srcs:
            for area in split(r["area"]):
                _claim(
                    m,
                    "SegmentalClaim",
                    Where(where.table, where.row, "area"),
                    s,
                    {
                        "claim_strength": "unspecified",
                        "locator": r["locator"],
                        "note": f"dermatome; key point: {r['key_point']}"
                        if r["key_point"]
                        else "dermatome",
                    },
                    {"claim_subject": area, "claim_root": root},
                )
        if r["key_point"]:
            ent.annotate("key_sensory_point", r["key_point"])


def _link(
    m: Model,
    rows: Iterable[tuple[Where, dict[str, str]]],
    subject_col: str,
    kinds: tuple[str, ...] | None,
    targets_col: str,
    prop: str,
    what: str,
) -> None:
    """Sourced links from one entity to several keys (a table row each): the cauda equina to
    the roots it holds, a cord to the divisions that form it."""
    for where, r in rows:
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        ent = m.entities.get(r[subject_col])
        if ent is None or (kinds is not None and ent.kind not in kinds):
            m.errors.append(
                f"{Where(where.table, where.row, subject_col)}: unknown {what} {r[subject_col]!r}"
            )
            continue
        for target in split(r[targets_col]):
            ent.rels.append(
                Rel(V.SKG + prop, target, tuple(srcs), Where(where.table, where.row, targets_col))
            )


def _root_claim_sources(m: Model) -> None:
    """Materialize, on each subject of segmental claims, how many distinct sources make a root
    claim about it: the denominator of "k of n sources name this root" (derived, not curated)."""
    per: dict[str, set[str]] = defaultdict(set)
    for c in m.claims:
        if c.cls == "SegmentalClaim":
            per[c.refs["claim_subject"]].add(c.source)
    for key, sources in per.items():
        ent = m.entities.get(key)
        if ent is not None:
            ent.annotate("root_claim_sources", str(len(sources)))


def _claim(
    m: Model, cls: str, where: Where, source: str, props: dict[str, str], refs: dict[str, str]
) -> None:
    m.claims.append(Claim(cls, props, refs, source, where))


def _claims(m: Model, rows: object) -> None:
    get = rows  # callable: kind -> rows
    assert callable(get)
    for where, r in get("segmental_claims"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        roots = split(r["roots"])
        if not roots:
            m.errors.append(f"{Where(where.table, where.row, 'roots')}: no roots given")
        for s in srcs:
            for root in roots:
                _claim(
                    m,
                    "SegmentalClaim",
                    Where(where.table, where.row, "roots"),
                    s,
                    {
                        "claim_strength": r["strength"] or "unspecified",
                        "locator": r["locator"],
                        "note": r["note"],
                    },
                    {"claim_subject": r["subject"], "claim_root": root},
                )
    for where, r in get("cutaneous_territories"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        for s in srcs:
            for area in split(r["areas"]):
                _claim(
                    m,
                    "InnervationClaim",
                    Where(where.table, where.row, "areas"),
                    s,
                    {"locator": r["locator"]},
                    {"claim_subject": area, "claim_nerve": r["nerve"]},
                )
    for where, r in get("key_muscles"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        mv = m.entities.get(r["movement"])
        wr = Where(where.table, where.row, "movement")
        if mv is None:
            m.errors.append(f"{wr}: unknown reference {r['movement']!r}")
            continue
        mv.rels.append(
            Rel(
                V.SKG + "key_movement_of",
                r["root"],
                tuple(srcs),
                Where(where.table, where.row, "root"),
            )
        )
        for mk in split(r["muscles"]):
            mu = m.entities.get(mk)
            if mu is None:
                m.errors.append(
                    f"{Where(where.table, where.row, 'muscles')}: unknown reference {mk!r}"
                )
                continue
            mu.rels.append(
                Rel(
                    V.SKG + "key_muscle_of",
                    r["root"],
                    tuple(srcs),
                    Where(where.table, where.row, "root"),
                )
            )
    _link(m, get("structure_roots"), "structure", None, "roots", "formed_from_root", "reference")
    _link(
        m,
        get("plexus_formation"),
        "part",
        ("plexus", "plexus_part"),
        "formed_from",
        "formed_from_part",
        "plexus part",
    )
    _link(m, get("site_sparing"), "condition", ("condition",), "spared", "site_spares", "condition")
    for where, r in get("site_sparing"):
        cond = m.entities.get(r["condition"])
        if cond is not None and not any(x.prop == V.SKG + "lesion_site" for x in cond.rels):
            m.errors.append(
                f"{Where(where.table, where.row, 'condition')}: {r['condition']!r} names no "
                "lesion site, so nothing can lie above it"
            )
    for where, r in get("exit_rules"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        sn = m.entities.get(r["root"])
        if sn is None or sn.kind != "spinal_nerve":
            m.errors.append(f"{Where(where.table, where.row, 'root')}: unknown root {r['root']!r}")
            continue
        sn.rels.append(
            Rel(
                V.SKG + "exits_through",
                r["foramen"],
                tuple(srcs),
                Where(where.table, where.row, "foramen"),
            )
        )
    for where, r in get("compression_rules"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        for s in srcs:
            _claim(
                m,
                "CompressionRule",
                Where(where.table, where.row, "root"),
                s,
                {
                    "herniation_type": r["herniation_type"],
                    "locator": r["locator"],
                    "note": r["note"],
                },
                {"rule_disc": r["disc"], "compressed_root": r["root"]},
            )
    for where, r in get("condition_findings"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        cond = m.entities.get(r["condition"])
        if cond is None:
            m.errors.append(
                f"{Where(where.table, where.row, 'condition')}: unknown reference "
                f"{r['condition']!r}"
            )
            continue
        prop = V.SKG + "has_red_flag" if r["red_flag"] == "yes" else V.HAS_FEATURE
        cond.rels.append(
            Rel(prop, r["finding"], tuple(srcs), Where(where.table, where.row, "finding"))
        )
        for s in srcs:
            _claim(
                m,
                "FindingLink",
                Where(where.table, where.row, "finding"),
                s,
                {
                    "red_flag": "true" if r["red_flag"] == "yes" else "false",
                    "locator": r["locator"],
                    "note": r["note"],
                },
                {"finding_link_condition": r["condition"], "finding_link_finding": r["finding"]},
            )
    for where, r in get("condition_treatments"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        cond = m.entities.get(r["condition"])
        if cond is None:
            m.errors.append(
                f"{Where(where.table, where.row, 'condition')}: unknown reference "
                f"{r['condition']!r}"
            )
            continue
        cond.rels.append(
            Rel(
                V.SKG + "has_management_option",
                r["treatment"],
                tuple(srcs),
                Where(where.table, where.row, "treatment"),
            )
        )
        for s in srcs:
            _claim(
                m,
                "ManagementStatement",
                Where(where.table, where.row, "treatment"),
                s,
                {
                    "statement": r["statement"],
                    "topic": "management",
                    "locator": r["locator"],
                    "note": r["note"],
                },
                {"about_condition": r["condition"], "about_treatment": r["treatment"]},
            )
    for where, r in get("statements"):
        srcs = m.need_source(Where(where.table, where.row, "source"), r["source"])
        for s in srcs:
            refs = {"about_condition": r["condition"]} if r["condition"] else {}
            _claim(
                m,
                "ManagementStatement",
                Where(where.table, where.row, "statement"),
                s,
                {
                    "statement": r["statement"],
                    "topic": r["topic"],
                    "locator": r["locator"],
                    "note": r["note"],
                    "statement_key": r["key"],
                },
                refs,
            )
    # Segmental claims also give the OWL layer its existential restrictions.
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    first: dict[tuple[str, str], Where] = {}
    for c in m.claims:
        if c.cls == "SegmentalClaim":
            pair = (c.refs["claim_subject"], c.refs["claim_root"])
            by_pair[pair].append(c.source)
            first.setdefault(pair, c.where)
        if c.cls == "InnervationClaim":
            pair = (c.refs["claim_subject"], c.refs["claim_nerve"])
            ent = m.entities.get(pair[0])
            if ent is not None:
                ent.rels.append(Rel(V.INNERVATED_BY, pair[1], (c.source,), c.where))
    for (subject, root), srcs in by_pair.items():
        ent = m.entities.get(subject)
        if root not in m.entities:
            continue  # reported once, as the claim's unknown root
        if ent is None:
            m.errors.append(f"{first[(subject, root)]}: unknown subject {subject!r}")
            continue
        ent.rels.append(
            Rel(
                V.SKG + "has_segmental_supply",
                root,
                tuple(dict.fromkeys(srcs)),
                first[(subject, root)],
            )
        )


def _xrefs(m: Model, rows: list[tuple[Where, dict[str, str]]]) -> None:
    for where, r in rows:
        m.need_source(Where(where.table, where.row, "source"), r["source"])
        ent = m.entities.get(r["key"])
        if ent is None:
            m.errors.append(
                f"{Where(where.table, where.row, 'key')}: unknown reference {r['key']!r}"
            )
            continue
        for x in split(r["xrefs"]):
            if x not in ent.xrefs:
                ent.xrefs.append(x)


ALLOWED_TARGETS: dict[str, frozenset[str]] = {
    V.INNERVATED_BY: frozenset(
        {"nerve", "spinal_nerve", "dorsal_ramus", "ventral_ramus", "plexus_part", "plexus"}
    ),
    V.BRANCHING_PART_OF: frozenset(
        {"nerve", "plexus", "plexus_part", "spinal_nerve", "ventral_ramus", "dorsal_ramus"}
    ),
    V.SKG + "has_segmental_supply": frozenset({"spinal_nerve"}),
    V.SKG + "formed_from_root": frozenset({"spinal_nerve"}),
    V.SKG + "formed_from_part": frozenset({"plexus_part"}),
    V.SKG + "site_spares": frozenset({"nerve", "muscle", "region"}),
    V.SKG + "key_movement_of": frozenset({"spinal_nerve"}),
    V.SKG + "key_muscle_of": frozenset({"spinal_nerve"}),
    V.SKG + "exits_through": frozenset({"intervertebral_foramen", "spinal_structure"}),
    V.SKG + "bounded_by": frozenset({"vertebra"}),
    V.SKG + "reflex_muscle": frozenset({"muscle"}),
    V.SKG + "performed_by": frozenset({"muscle"}),
    V.SKG + "has_member_muscle": frozenset({"muscle"}),
    V.SKG + "afferent_nerve": frozenset({"nerve", "spinal_nerve"}),
    V.SKG + "efferent_nerve": frozenset({"nerve", "spinal_nerve"}),
    V.HAS_FEATURE: frozenset({"finding"}),
    V.SKG + "has_red_flag": frozenset({"finding"}),
    V.SKG + "has_management_option": frozenset({"treatment"}),
    V.SKG + "dermatome_of": frozenset({"spinal_nerve"}),
}

SUBJECT_KINDS: dict[str, frozenset[str]] = {
    "SegmentalClaim": frozenset(
        {"muscle", "nerve", "movement", "reflex", "plexus_part", "plexus", "region"}
    ),
}


def _check_refs(m: Model) -> None:
    for ent in m.entities.values():
        for rel in ent.rels:
            target = m.entities.get(rel.target)
            if target is None:
                m.errors.append(f"{rel.where}: unknown reference {rel.target!r}")
                continue
            allowed = ALLOWED_TARGETS.get(rel.prop)
            if allowed and target.kind not in allowed:
                m.errors.append(
                    f"{rel.where}: {rel.target!r} is a {target.kind}, expected one of "
                    f"{', '.join(sorted(allowed))}"
                )
    for c in m.claims:
        for name, key in c.refs.items():
            target = m.entities.get(key)
            if target is None:
                m.errors.append(f"{c.where}: unknown reference {key!r} ({name})")
                continue
            if (
                name == "claim_subject"
                and c.cls in SUBJECT_KINDS
                and target.kind not in SUBJECT_KINDS[c.cls]
            ):
                m.errors.append(f"{c.where}: claim subject {key!r} is a {target.kind}")
            if name == "claim_root" and target.kind != "spinal_nerve":
                m.errors.append(f"{c.where}: {key!r} is not a spinal nerve")


def _check_labels(m: Model) -> None:
    seen: dict[str, str] = {}
    for ent in m.entities.values():
        if ent.label != ent.label.strip() or "  " in ent.label:
            m.errors.append(
                f"{ent.where}, column 'label': label {ent.label!r} has stray whitespace"
            )
        low = ent.label.lower()
        if low in seen:
            m.errors.append(
                f"{ent.where}, column 'label': duplicate label {ent.label!r} (also {seen[low]!r})"
            )
        seen[low] = ent.key
        for x in ent.xrefs:
            if not re.fullmatch(r"[A-Za-z]+:[A-Za-z0-9_]+", x):
                m.errors.append(f"{ent.where}, column 'xrefs': {x!r} is not a CURIE")


# ----------------------------------------------------------------------------- ids


def read_ids(path: Path) -> dict[str, int]:
    """Read the permanent id registry (``key -> number``)."""
    ids: dict[str, int] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                key, num = line.split("\t")[:2]
                ids[key] = int(num)
    return ids


def allocate_ids(keys: Iterable[str], ids: dict[str, int]) -> dict[str, int]:
    """Return a registry extended with new numbers for unseen keys (never reusing one)."""
    out = dict(ids)
    nxt = max(out.values(), default=0) + 1
    for key in sorted(set(keys) - set(out)):
        out[key] = nxt
        nxt += 1
    return out


def write_ids(ids: dict[str, int]) -> str:
    """Render the registry, ordered by number."""
    lines = ["key\tid"] + [f"{k}\t{v}" for k, v in sorted(ids.items(), key=lambda kv: kv[1])]
    return "\n".join(lines) + "\n"


def iri_of(key: str, ids: dict[str, int]) -> str:
    """IRI of an entity key."""
    return f"{V.SPINEKG}{ids[key]:07d}"


# ----------------------------------------------------------------------------- emitting

PRED_ORDER = (
    V.RDF + "type",
    V.RDFS + "label",
    V.IAO_DEFINITION,
    V.RDFS + "subClassOf",
    V.OIO + "hasExactSynonym",
    V.OIO + "hasRelatedSynonym",
    V.OIO + "hasDbXref",
    V.DCTERMS + "source",
)
DCTERMS_ANN = ("title", "description", "license", "source", "publisher", "created")


def _lit(v: str) -> Lit:
    return Lit(v)


def _class_blocks(m: Model, ids: dict[str, int], src_iri: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    kind_iri = {k: iri_of(f"class_{k}", ids) for k in KINDS}
    for k, (label, definition, parent, xrefs) in KINDS.items():
        b = Block(kind_iri[k])
        b.add(V.RDF + "type", IRI(V.OWL + "Class"))
        b.add(V.RDFS + "label", _lit(label))
        b.add(V.IAO_DEFINITION, _lit(definition))
        if parent:
            b.add(V.RDFS + "subClassOf", IRI(kind_iri[parent]))
        for x in xrefs:
            b.add(V.OIO + "hasDbXref", _lit(x))
        b.add(V.SKG + "kind", _lit("schema_class"))
        blocks.append(b)
    parent_kind = {"plexus": "plexus", "plexus_part": "plexus_part"}
    for ent in sorted(m.entities.values(), key=lambda e: e.key):
        b = Block(iri_of(ent.key, ids))
        b.add(V.RDF + "type", IRI(V.OWL + "Class"))
        b.add(V.RDFS + "label", _lit(ent.label))
        b.add(V.IAO_DEFINITION, _lit(ent.definition or _default_definition(m, ent)))
        b.add(V.RDFS + "subClassOf", IRI(kind_iri[parent_kind.get(ent.kind, ent.kind)]))
        b.add(V.SKG + "kind", _lit(ent.kind))
        for s in ent.exact:
            if s != ent.label:
                b.add(V.OIO + "hasExactSynonym", _lit(s))
        for s in ent.related:
            b.add(V.OIO + "hasRelatedSynonym", _lit(s))
        for x in ent.xrefs:
            b.add(V.OIO + "hasDbXref", _lit(x))
        for s in ent.sources:
            if s in src_iri:
                b.add(V.DCTERMS + "source", IRI(src_iri[s]))
        for name, values in sorted(ent.annotations.items()):
            for v in values:
                dt = {
                    "is_emergency": V.XSD + "boolean",
                    "root_claim_sources": V.XSD + "integer",
                }.get(name, "")
                b.add(V.SKG + name, Lit(v, dt))
        if ent.locator:
            b.add(V.SKG + "locator", _lit(ent.locator))
        for rel in _merged_rels(ent):
            restriction = Anon(
                (
                    (V.RDF + "type", IRI(V.OWL + "Restriction")),
                    (V.OWL + "onProperty", IRI(rel.prop)),
                    (V.OWL + "someValuesFrom", IRI(iri_of(rel.target, ids))),
                )
            )
            b.add(V.RDFS + "subClassOf", restriction)
            if rel.sources:
                ax = Block(None)
                ax.add(V.RDF + "type", IRI(V.OWL + "Axiom"))
                ax.add(V.OWL + "annotatedSource", IRI(iri_of(ent.key, ids)))
                ax.add(V.OWL + "annotatedProperty", IRI(V.RDFS + "subClassOf"))
                ax.add(V.OWL + "annotatedTarget", restriction)
                for s in rel.sources:
                    if s in src_iri:
                        ax.add(V.DCTERMS + "source", IRI(src_iri[s]))
                blocks.append(ax)
        blocks.append(b)
    return blocks


def _merged_rels(ent: Entity) -> list[Rel]:
    merged: dict[tuple[str, str], Rel] = {}
    for rel in ent.rels:
        k = (rel.prop, rel.target)
        if k in merged:
            old = merged[k]
            merged[k] = Rel(
                rel.prop, rel.target, tuple(dict.fromkeys(old.sources + rel.sources)), old.where
            )
        else:
            merged[k] = rel
    return [merged[k] for k in sorted(merged)]


def _default_definition(m: Model, ent: Entity) -> str:
    kind_label = KINDS[ent.kind][0]
    if ent.kind == "muscle":
        nerves = [
            m.entities[r.target].label
            for r in ent.rels
            if r.prop == V.INNERVATED_BY and r.target in m.entities
        ]
        region = ent.annotations.get("body_region", [""])[0].replace("_", " ")
        via = f" innervated by the {' and the '.join(nerves)}" if nerves else ""
        return f"A skeletal muscle of the {region}{via}.".replace("the  ", "the ")
    if ent.kind == "nerve":
        parents = [
            m.entities[r.target].label
            for r in ent.rels
            if r.prop == V.BRANCHING_PART_OF and r.target in m.entities
        ]
        if parents:
            return f"A peripheral nerve that is a branch of the {parents[0]}."
    return f"A {kind_label} named {ent.label!r} in spinekg."


def _claim_iri(c: Claim) -> str:
    text = "\x1f".join(
        [
            c.cls,
            c.source,
            *sorted(f"{k}={v}" for k, v in c.refs.items()),
            *sorted(f"{k}={v}" for k, v in c.props.items()),
        ]
    )
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:12]
    return V.CLAIM_NS + c.cls[0].lower() + digest


def _claim_blocks(m: Model, ids: dict[str, int], src_iri: dict[str, str]) -> list[Block]:
    blocks = []
    for c in m.claims:
        b = Block(_claim_iri(c))
        b.add(V.RDF + "type", IRI(V.OWL + "NamedIndividual"))
        b.add(V.RDF + "type", IRI(V.SKG + c.cls))
        b.add(V.DCTERMS + "source", IRI(src_iri[c.source]))
        for name, key in sorted(c.refs.items()):
            if key in ids:
                b.add(V.SKG + name, IRI(iri_of(key, ids)))
        for name, value in sorted(c.props.items()):
            if value:
                dt = V.XSD + "boolean" if name == "red_flag" else ""
                b.add(V.SKG + name, Lit(value, dt))
        blocks.append(b)
    return blocks


def _source_blocks(m: Model) -> tuple[list[Block], dict[str, str]]:
    blocks = []
    iris = {}
    for s in sorted(m.sources.values(), key=lambda s: s.id):
        iri = V.SOURCE_NS + s.id
        iris[s.id] = iri
        b = Block(iri)
        b.add(V.RDF + "type", IRI(V.OWL + "NamedIndividual"))
        b.add(V.RDF + "type", IRI(V.SKG + "Source"))
        b.add(V.RDFS + "label", _lit(s.id))
        b.add(V.DCTERMS + "title", _lit(s.title))
        if s.publisher:
            b.add(V.DCTERMS + "publisher", _lit(s.publisher))
        b.add(V.SKG + "source_kind", _lit(s.kind))
        b.add(V.SKG + "accessed", Lit(s.accessed, V.XSD + "date"))
        if s.licence_note:
            b.add(V.SKG + "licence_note", _lit(s.licence_note))
        b.add(V.SKG + "url", _lit(s.url))
        blocks.append(b)
    return blocks, iris


def _schema_blocks(checksum: str) -> list[Block]:
    blocks = []
    onto = Block(V.ONTOLOGY_IRI)
    onto.add(V.RDF + "type", IRI(V.OWL + "Ontology"))
    onto.add(V.OWL + "versionIRI", IRI(f"{V.BASE}releases/{VERSION}/spinekg.owl"))
    onto.add(V.OWL + "versionInfo", _lit(VERSION))
    onto.add(V.DCTERMS + "title", _lit("spinekg: the spinal nerves knowledge graph"))
    onto.add(
        V.DCTERMS + "description",
        _lit(
            "An open, sourced OWL ontology of the human spinal nerves: roots C1-Co1, plexuses, "
            "peripheral nerves, muscles, dermatomes, reflexes, movements, the spine and its "
            "conditions. Every segmental claim keeps its source; where sources disagree, each "
            "claim is kept. Educational reference, not medical advice."
        ),
    )
    onto.add(V.DCTERMS + "license", IRI("https://creativecommons.org/licenses/by/4.0/"))
    onto.add(V.SKG + "version_checksum", _lit(checksum))
    blocks.append(onto)
    for name, comment in sorted(ANNOTATION_PROPS.items()):
        b = Block(V.SKG + name)
        b.add(V.RDF + "type", IRI(V.OWL + "AnnotationProperty"))
        b.add(V.RDFS + "label", _lit(name.replace("_", " ")))
        b.add(V.RDFS + "comment", _lit(comment))
        blocks.append(b)
    for name in ("url", "claim_nerve", "statement_key"):
        b = Block(V.SKG + name)
        b.add(V.RDF + "type", IRI(V.OWL + "AnnotationProperty"))
        b.add(V.RDFS + "label", _lit(name.replace("_", " ")))
        blocks.append(b)
    for iri, label in (
        (V.IAO_DEFINITION, "definition"),
        (V.OIO + "hasExactSynonym", "has_exact_synonym"),
        (V.OIO + "hasRelatedSynonym", "has_related_synonym"),
        (V.OIO + "hasDbXref", "database_cross_reference"),
        *((V.DCTERMS + n, n) for n in DCTERMS_ANN),
    ):
        b = Block(iri)
        b.add(V.RDF + "type", IRI(V.OWL + "AnnotationProperty"))
        b.add(V.RDFS + "label", _lit(label))
        blocks.append(b)
    for iri, (label, comment) in sorted(OBJECT_PROPS.items()):
        b = Block(iri)
        b.add(V.RDF + "type", IRI(V.OWL + "ObjectProperty"))
        b.add(V.RDFS + "label", _lit(label))
        b.add(V.RDFS + "comment", _lit(comment))
        if iri in SUBPROPERTY:
            b.add(V.RDFS + "subPropertyOf", IRI(SUBPROPERTY[iri]))
        blocks.append(b)
    for name, (label, definition) in sorted(SKG_CLASSES.items()):
        b = Block(V.SKG + name)
        b.add(V.RDF + "type", IRI(V.OWL + "Class"))
        b.add(V.RDFS + "label", _lit(label))
        b.add(V.IAO_DEFINITION, _lit(definition))
        blocks.append(b)
    return blocks


def _relation_blocks(m: Model, ids: dict[str, int]) -> list[Block]:
    blocks = []
    for ent in sorted(m.entities.values(), key=lambda e: e.key):
        rels = _merged_rels(ent)
        if not rels:
            continue
        b = Block(iri_of(ent.key, ids))
        for rel in rels:
            b.add(rel.prop, IRI(iri_of(rel.target, ids)))
            if rel.prop in SUBPROPERTY:
                b.add(SUBPROPERTY[rel.prop], IRI(iri_of(rel.target, ids)))
        blocks.append(b)
    return blocks


def _sssom(m: Model, ids: dict[str, int]) -> dict[str, str]:
    header = (
        "# curie_map:\n#   SPINEKG: https://w3id.org/spinekg/SPINEKG_\n"
        "#   UBERON: http://purl.obolibrary.org/obo/UBERON_\n"
        "#   FMA: http://purl.obolibrary.org/obo/FMA_\n"
        "#   HP: http://purl.obolibrary.org/obo/HP_\n"
        "#   MONDO: http://purl.obolibrary.org/obo/MONDO_\n"
        "#   skos: http://www.w3.org/2004/02/skos/core#\n"
        "#   semapv: https://w3id.org/semapv/vocab/\n"
        "# mapping_set_id: https://w3id.org/spinekg/mappings/spinekg-to-{target}.sssom.tsv\n"
        "# mapping_set_description: Mappings from spinekg terms to {target}, curated from "
        "reference extracts and sources listed in ontology/src/sources*.tsv.\n"
        "# license: https://creativecommons.org/licenses/by/4.0/\n"
        f"# mapping_date: {VERSION}\n"
    )
    cols = (
        "subject_id",
        "subject_label",
        "predicate_id",
        "object_id",
        "mapping_justification",
        "comment",
    )
    out: dict[str, list[str]] = defaultdict(list)
    kind_xrefs = [(f"class_{k}", lab, xr) for k, (lab, _d, _p, xr) in KINDS.items()]
    rows = [(e.key, e.label, e.xrefs) for e in m.entities.values()] + [
        (k, lab, list(xr)) for k, lab, xr in kind_xrefs
    ]
    for key, label, xrefs in rows:
        for x in xrefs:
            prefix = x.split(":")[0]
            target = {"UBERON": "uberon", "FMA": "fma", "HP": "hp", "MONDO": "mondo"}.get(prefix)
            if target is None:
                continue
            out[target].append(
                "\t".join(
                    (
                        f"SPINEKG:{ids[key]:07d}",
                        label,
                        "skos:exactMatch",
                        x,
                        "semapv:ManualMappingCuration",
                        "curated xref (see source tables)",
                    )
                )
            )
    files = {}
    for target, lines in sorted(out.items()):
        files[f"spinekg-to-{target}.sssom.tsv"] = (
            header.format(target=target.upper())
            + "\t".join(cols)
            + "\n"
            + "\n".join(sorted(lines))
            + "\n"
        )
    return files


def table_checksum(src: Path) -> str:
    """Checksum of every curated table (name and content), in a stable order."""
    h = hashlib.sha256()
    for path in sorted(src.glob("*.tsv")):
        if path.name == "ids.tsv":
            continue
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def render(root: Path, *, allocate: bool = True) -> dict[Path, str]:
    """Build every output file in memory; raise :class:`BuildError` on any problem."""
    src = root / "ontology" / "src"
    m = load(src)
    if m.errors:
        raise BuildError(m.errors)
    ids_path = src / "ids.tsv"
    ids = read_ids(ids_path)
    keys = [e.key for e in m.entities.values()] + [f"class_{k}" for k in KINDS]
    missing = sorted(set(keys) - set(ids))
    if missing and not allocate:
        raise BuildError(
            [
                f"ids.tsv: no permanent id for {len(missing)} keys "
                f"(e.g. {', '.join(missing[:5])}); run `spinekg build`"
            ]
        )
    ids = allocate_ids(keys, ids)
    checksum = table_checksum(src)
    source_blocks, src_iri = _source_blocks(m)
    blocks = (
        _schema_blocks(checksum)
        + source_blocks
        + _class_blocks(m, ids, src_iri)
        + _claim_blocks(m, ids, src_iri)
    )
    px = Prefixes(V.PREFIXES)
    header = (
        "# spinekg ontology: GENERATED by `spinekg build` from ontology/src/*.tsv; "
        "do not edit by hand."
    )
    files: dict[Path, str] = {
        src / "ids.tsv": write_ids(ids),
        root / "ontology" / "spinekg.ttl": to_turtle(blocks, px, PRED_ORDER, header),
        root / "ontology" / "spinekg.owl": to_rdfxml(blocks, px, PRED_ORDER, V.ONTOLOGY_IRI),
        root / "ontology" / "spinekg-relations.ttl": to_turtle(
            _relation_blocks(m, ids),
            px,
            PRED_ORDER,
            "# spinekg relation layer: direct triples materialized from the OWL "
            "restrictions of spinekg.ttl (GENERATED; do not edit).",
        ),
    }
    for name, text in _sssom(m, ids).items():
        files[root / "ontology" / "mappings" / name] = text
    from ._obo import records, to_obo, to_obograph

    recs = records(
        KINDS,
        sorted(m.entities.values(), key=lambda e: e.key),
        ids,
        _merged_rels,
        lambda ent: _default_definition(m, ent),
        src_iri,
    )
    files[root / "ontology" / "spinekg.obo"] = to_obo(recs, OBJECT_PROPS, VERSION, V.ONTOLOGY_IRI)
    files[root / "ontology" / "spinekg.json"] = to_obograph(
        recs, OBJECT_PROPS, VERSION, V.ONTOLOGY_IRI
    )
    files[root / "ontology" / "spinekg-index.tsv"] = _index(m, ids)
    files[root / "ontology" / "spinekg-release.json"] = _manifest(
        checksum,
        {
            n: hashlib.sha256(files[root / "ontology" / n].encode()).hexdigest()
            for n in ("spinekg.ttl", "spinekg-relations.ttl", "spinekg-index.tsv")
        },
    )
    return files


def _index(m: Model, ids: dict[str, int]) -> str:
    """The term-resolution index: one row per (term, normalized name), labels ranked first."""
    from .terms import normalize

    rows = set()
    for ent in m.entities.values():
        iri = iri_of(ent.key, ids)
        rows.add((iri, ent.kind, "0", ent.label, normalize(ent.label)))
        for name in ent.exact:
            rows.add((iri, ent.kind, "1", ent.label, normalize(name)))
        for name in ent.related:
            rows.add((iri, ent.kind, "2", ent.label, normalize(name)))
    lines = ["iri\tkind\trank\tlabel\tname"] + ["\t".join(r) for r in sorted(rows)]
    return "\n".join(lines) + "\n"


def _manifest(checksum: str, hashes: dict[str, str]) -> str:
    import json

    data = {"version": VERSION, "tables_checksum": checksum, "sha256": hashes}
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def build(root: Path, *, check: bool = False) -> list[Path]:
    """Build (or with ``check=True`` verify) the generated files; return the stale paths.

    Writes atomically: every file is rendered first, then each is replaced in one rename.
    """
    files = render(root, allocate=not check)
    stale = [
        p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text
    ]
    mapping_dir = root / "ontology" / "mappings"
    extra = (
        [p for p in mapping_dir.glob("*.sssom.tsv") if p not in files]
        if mapping_dir.exists()
        else []
    )
    if check:
        return stale + extra
    for p in extra:
        p.unlink()
    for p in stale:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(files[p])
        os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    return stale
