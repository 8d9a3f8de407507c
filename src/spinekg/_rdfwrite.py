"""Deterministic Turtle and RDF/XML writers for the builder.

The builder produces a small, regular graph: named subjects with predicate/object lists, where an
object may be an IRI, a literal, or a nested anonymous node (OWL restrictions, axiom
annotations). Writing both serializations from that one model, in sorted order, gives
byte-identical output for identical tables, which rdflib's serializers do not promise
(blank-node labels and subject order vary between runs).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@dataclass(frozen=True, order=True)
class IRI:
    """An IRI node."""

    value: str


@dataclass(frozen=True, order=True)
class Lit:
    """A literal node (plain string, or typed with ``datatype``)."""

    value: str
    datatype: str = ""


@dataclass(frozen=True)
class Anon:
    """An anonymous node written inline, with its own predicate/object pairs."""

    pairs: tuple[tuple[str, Node], ...]

    def sort_key(self) -> str:
        """Return a stable text key used to order anonymous nodes."""
        return repr(self.pairs)


Node = IRI | Lit | Anon


@dataclass
class Block:
    """A subject (an IRI, or ``None`` for a top-level anonymous node) with its statements."""

    subject: str | None
    pairs: list[tuple[str, Node]] = field(default_factory=list)

    def add(self, predicate: str, obj: Node) -> None:
        """Add one statement, ignoring exact duplicates."""
        if (predicate, obj) not in self.pairs:
            self.pairs.append((predicate, obj))


def _node_key(node: Node) -> tuple[int, str]:
    if isinstance(node, IRI):
        return (0, node.value)
    if isinstance(node, Lit):
        return (1, node.value + "\x00" + node.datatype)
    return (2, node.sort_key())


def _sorted_pairs(
    pairs: Iterable[tuple[str, Node]], order: Sequence[str]
) -> list[tuple[str, Node]]:
    rank = {p: i for i, p in enumerate(order)}
    return sorted(pairs, key=lambda po: (rank.get(po[0], len(rank)), po[0], _node_key(po[1])))


class Prefixes:
    """A prefix map used to shorten IRIs in both serializations."""

    def __init__(self, mapping: Sequence[tuple[str, str]]) -> None:
        self.mapping = list(mapping)

    def qname(self, iri: str) -> str | None:
        """Return ``prefix:local`` for ``iri`` when the local part is a safe name."""
        best: tuple[str, str] | None = None
        for prefix, ns in self.mapping:
            if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
                best = (prefix, ns)
        if best is None:
            return None
        local = iri[len(best[1]) :]
        if (
            local
            and (local[0].isalpha() or local[0] == "_")
            and all(c.isalnum() or c in "_-" for c in local)
        ):
            return f"{best[0]}:{local}"
        return None


# ---------------------------------------------------------------- Turtle


def _ttl_string(value: str) -> str:
    out = value.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{out}"'


def _ttl_node(node: Node, px: Prefixes, order: Sequence[str], indent: int) -> str:
    if isinstance(node, IRI):
        return px.qname(node.value) or f"<{node.value}>"
    if isinstance(node, Lit):
        text = _ttl_string(node.value)
        if node.datatype:
            dt = px.qname(node.datatype) or f"<{node.datatype}>"
            return f"{text}^^{dt}"
        return text
    pad = "    " * (indent + 1)
    inner = _ttl_pairs(node.pairs, px, order, indent + 1)
    return "[\n" + pad + inner + "\n" + "    " * indent + "]"


def _ttl_pairs(
    pairs: Iterable[tuple[str, Node]], px: Prefixes, order: Sequence[str], indent: int
) -> str:
    pad = "    " * (indent + 1)
    parts: list[str] = []
    for pred, obj in _sorted_pairs(pairs, order):
        p = "a" if pred == RDF + "type" else (px.qname(pred) or f"<{pred}>")
        parts.append(f"{p} {_ttl_node(obj, px, order, indent)}")
    return (" ;\n" + pad).join(parts)


def to_turtle(blocks: Iterable[Block], px: Prefixes, order: Sequence[str], header: str = "") -> str:
    """Serialize ``blocks`` as Turtle, sorted by subject, predicate and object."""
    lines = [header] if header else []
    for prefix, ns in px.mapping:
        lines.append(f"@prefix {prefix}: <{ns}> .")
    lines.append("")
    named = sorted((b for b in blocks if b.subject is not None), key=lambda b: b.subject or "")
    anon = [b for b in blocks if b.subject is None]
    for b in named:
        subj = px.qname(b.subject or "") or f"<{b.subject}>"
        lines.append(f"{subj}\n    " + _ttl_pairs(b.pairs, px, order, 0) + " .\n")
    for text in sorted("[\n    " + _ttl_pairs(b.pairs, px, order, 0) + "\n] .\n" for b in anon):
        lines.append(text)
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------- RDF/XML


def _xml_pred(pred: str, px: Prefixes) -> str:
    q = px.qname(pred)
    if q is None:
        raise ValueError(f"predicate without a prefix for RDF/XML: {pred}")
    return q


def _xml_elem(pred: str, node: Node, px: Prefixes, order: Sequence[str], indent: int) -> str:
    pad = "    " * indent
    tag = _xml_pred(pred, px)
    if isinstance(node, IRI):
        return f"{pad}<{tag} rdf:resource={quoteattr(node.value)}/>"
    if isinstance(node, Lit):
        dt = f" rdf:datatype={quoteattr(node.datatype)}" if node.datatype else ""
        return f"{pad}<{tag}{dt}>{escape(node.value)}</{tag}>"
    inner = _xml_description(None, list(node.pairs), px, order, indent + 1)
    return f"{pad}<{tag}>\n{inner}\n{pad}</{tag}>"


def _xml_description(
    subject: str | None,
    pairs: list[tuple[str, Node]],
    px: Prefixes,
    order: Sequence[str],
    indent: int,
) -> str:
    pad = "    " * indent
    ordered = _sorted_pairs(pairs, order)
    types = [o for p, o in ordered if p == RDF + "type" and isinstance(o, IRI)]
    elem = "rdf:Description"
    rest = ordered
    if types and px.qname(types[0].value):
        elem = px.qname(types[0].value) or elem
        first = types[0]
        rest = [po for po in ordered if not (po[0] == RDF + "type" and po[1] == first)]
    about = f" rdf:about={quoteattr(subject)}" if subject else ""
    body = "\n".join(_xml_elem(p, o, px, order, indent + 1) for p, o in rest)
    if not body:
        return f"{pad}<{elem}{about}/>"
    return f"{pad}<{elem}{about}>\n{body}\n{pad}</{elem}>"


def to_rdfxml(blocks: Iterable[Block], px: Prefixes, order: Sequence[str], base: str) -> str:
    """Serialize ``blocks`` as RDF/XML with typed node elements (as OWL API and pronto expect)."""
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    ns = "\n".join(f"    xmlns:{p}={quoteattr(n)}" for p, n in px.mapping)
    out.append(f"<rdf:RDF xml:base={quoteattr(base)}\n{ns}>")
    named = sorted((b for b in blocks if b.subject is not None), key=lambda b: b.subject or "")
    anon = [b for b in blocks if b.subject is None]
    for b in named:
        out.append(_xml_description(b.subject, b.pairs, px, order, 1))
    out.extend(sorted(_xml_description(None, b.pairs, px, order, 1) for b in anon))
    out.append("</rdf:RDF>")
    return "\n".join(out) + "\n"
