"""The stored-query registry: ``queries/<name>.rq`` files with grlc-style headers."""

from __future__ import annotations

import os

from ._tuples import NamedTuple
from .errors import InvalidQueryError
from .resources import QUERIES

_ALPHA = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NAME_CHARS = _ALPHA | frozenset("0123456789_")


def _param_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each ``?_name`` parameter, left to right (what the pattern
    ``\\?_([A-Za-z][A-Za-z0-9_]*)`` finds; str methods keep ``re`` off the query path).

    >>> _param_spans("SELECT * { ?_root ?p ?_x1 . ?_9 ?q ?o }")
    [(11, 17, 'root'), (21, 25, 'x1')]
    """
    spans = []
    i = text.find("?_")
    while i >= 0:
        j = i + 2
        if j < len(text) and text[j] in _ALPHA:
            k = j + 1
            while k < len(text) and text[k] in _NAME_CHARS:
                k += 1
            spans.append((i, k, text[j:k]))
            i = text.find("?_", k)
        else:
            i = text.find("?_", i + 1)
    return spans


def _without_order_by(text: str) -> str:
    """The text without a final ``ORDER BY`` line (and the blank space after it).

    >>> _without_order_by("SELECT * { ?s ?p ?o }\\nORDER BY ?s ?o \\n\\n")
    'SELECT * { ?s ?p ?o }\\n'
    >>> _without_order_by("SELECT * { ?s ?p ?o }\\nLIMIT 1\\n")
    'SELECT * { ?s ?p ?o }\\nLIMIT 1\\n'
    """
    start = text.rfind("\nORDER BY ")
    if start < 0 or "\n" in text[start + 1 :].rstrip():
        return text
    return text[:start] + "\n"


class Param(NamedTuple):
    """A declared parameter: its name, the term kinds it accepts, and a description."""

    name: str
    kinds: tuple[str, ...]
    description: str


class StoredQuery(NamedTuple):
    """One stored query: name (file stem), header metadata and SPARQL text."""

    name: str
    summary: str
    params: tuple[Param, ...]
    examples: tuple[tuple[str, str], ...]
    returns: tuple[str, ...]
    text: str

    def bind(self, values: dict[str, str], *, ordered: bool = True) -> str:
        """Return the query with each ``?_param`` replaced by an escaped IRI term.

        ``values`` maps parameter names to IRI strings that term resolution produced; they are
        written in the engine's escaped form (``<iri>``), never as user text. With
        ``ordered=False`` a final ``ORDER BY`` line is dropped, for callers that sort the rows
        themselves: the engine compares strings through its dictionary, which for a few hundred
        rows costs more than the rest of the query.

        >>> q = StoredQuery("x", "", (Param("t", ("any",), ""),), (), (), "SELECT * { ?_t ?p ?o }")
        >>> q.bind({"t": "https://w3id.org/spinekg/SPINEKG_0000001"})
        'SELECT * { <https://w3id.org/spinekg/SPINEKG_0000001> ?p ?o }'
        >>> StoredQuery("x", "", (), (), (), "SELECT * { ?s ?p ?o }\\nORDER BY ?s\\n").bind(
        ...     {}, ordered=False)
        'SELECT * { ?s ?p ?o }\\n'
        """
        from pyoxigraph import NamedNode

        missing = {p.name for p in self.params} - set(values)
        if missing:
            raise InvalidQueryError(
                f"query {self.name!r} needs parameter(s) {', '.join(sorted(missing))}"
            )
        terms = {k: str(NamedNode(v)) for k, v in values.items()}
        text = self.text if ordered else _without_order_by(self.text)
        parts: list[str] = []
        last = 0
        for start, end, name in _param_spans(text):
            parts += (text[last:start], terms[name])
            last = end
        return "".join(parts) + text[last:]


def parse_query_file(path: str | os.PathLike[str]) -> StoredQuery:
    """Parse one ``.rq`` file and check that header and body agree."""
    path = os.fspath(path)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    filename = os.path.basename(path)
    summary = ""
    params: list[Param] = []
    examples: list[tuple[str, str]] = []
    returns: tuple[str, ...] = ()
    for line in text.splitlines():
        if not line.startswith("#+"):
            continue
        key, _, value = line[2:].strip().partition(":")
        value = value.strip()
        if key == "summary":
            summary = value
        elif key == "param":
            name, kinds, *desc = value.split(maxsplit=2)
            params.append(Param(name, tuple(kinds.split("|")), desc[0] if desc else ""))
        elif key == "example":
            for pair in value.split(";"):
                k, _, v = pair.strip().partition("=")
                examples.append((k.strip(), v.strip()))
        elif key == "returns":
            returns = tuple(value.split())
    used = {name for _, _, name in _param_spans(text)}
    declared = {p.name for p in params}
    if not summary or used != declared:
        raise InvalidQueryError(
            f"{filename}: header must have a summary and declare exactly the ?_ parameters "
            f"used (declared {sorted(declared)}, used {sorted(used)})"
        )
    return StoredQuery(
        os.path.splitext(filename)[0], summary, tuple(params), tuple(examples), returns, text
    )


# Parsed queries by name, and the whole registry once read (plain dicts, not functools.cache:
# functools is not otherwise needed on the one-shot path).
_BY_NAME: dict[str, StoredQuery] = {}
_REGISTRY: list[dict[str, StoredQuery]] = []


def _files(directory: str, suffix: str) -> list[str]:
    return sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(suffix))


def registry() -> dict[str, StoredQuery]:
    """All stored API queries, keyed by file stem (read once)."""
    if not _REGISTRY:
        queries = (parse_query_file(p) for p in _files(QUERIES, ".rq"))
        _REGISTRY.append({q.name: q for q in queries})
    return _REGISTRY[0]


def qc_queries() -> dict[str, str]:
    """The quality-control queries (``qc/*-violation.rq``), keyed by file stem."""
    out = {}
    for p in _files(os.path.join(QUERIES, "qc"), "-violation.rq"):
        with open(p, encoding="utf-8") as fh:
            out[os.path.splitext(os.path.basename(p))[0]] = fh.read()
    return out


def get_query(name: str) -> StoredQuery:
    """Return a stored query by name, or raise with the valid names."""
    q = _BY_NAME.get(name)
    if q is not None:
        return q
    if not _REGISTRY and name.isidentifier():
        path = os.path.join(QUERIES, f"{name}.rq")  # one file, not the whole registry
        if os.path.isfile(path):
            q = _BY_NAME[name] = parse_query_file(path)
            return q
    reg = registry()
    try:
        q = _BY_NAME[name] = reg[name]
        return q
    except KeyError:
        import difflib

        close = difflib.get_close_matches(name, list(reg), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise InvalidQueryError(
            f"no stored query named {name!r}{hint} (see `spinekg queries`)"
        ) from None
