"""Typed term resolution: user text -> one term of the accepted kinds, or a clear error."""

from __future__ import annotations

import os

from . import vocab
from ._tuples import NamedTuple
from .errors import AmbiguousTermError, UnknownTermError
from .results import Term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

MAX_INPUT = 300
#: separators: every run of whitespace or of these becomes one space (the pattern, for
#: reference: ``[\s_\-\u2010-\u2015/.,;:()'"`\u2019]+``)
_SEP_TABLE = str.maketrans(
    dict.fromkeys("_-\u2010\u2011\u2012\u2013\u2014\u2015/.,;:()'\"`\u2019", " ")
)
#: level codes joined to a following number of one or two digits ("l 5" -> "l5"), as the
#: pattern ``\b(co|c|t|l|s)\s+(\d{1,2})\b`` would after the separators are spaces
_CODES = ("co", "c", "t", "l", "s")
_DROP_PREFIX = ("the ",)
_DROP_SUFFIX = (" muscle", " muscles", " m")


def normalize(text: str) -> str:
    """Normalize user text for lookup: case, punctuation, spacing and level codes.

    >>> normalize("  L-5 ")
    'l5'
    >>> normalize("Tibialis_Anterior")
    'tibialis anterior'
    >>> normalize("L4-L5")
    'l4 l5'
    """
    if text.isascii():  # the common case: no Unicode tables needed
        s = "".join(ch for ch in text.casefold() if (ch >= " " and ch != "\x7f") or ch in "\t\n")
    else:
        import unicodedata

        s = unicodedata.normalize("NFKC", text).casefold()
        s = "".join(ch for ch in s if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    # str methods, not regular expressions: ``re`` is a visible share of a one-shot answer
    return _join_levels(s.translate(_SEP_TABLE).split())


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _join_levels(tokens: list[str]) -> str:
    """Join tokens with single spaces, except a level code ending one token (``l``, ``co``...,
    not part of a longer word) and a number of one or two digits starting the next.

    >>> _join_levels(["l", "5", "nerve", "root"])
    'l5 nerve root'
    >>> _join_levels(["col", "5", "co", "1", "s", "123", "xl", "5", "t", "1a", "c", "7+"])
    'col 5 co1 s 123 xl 5 t 1a c7+'
    """
    out = tokens[:1]
    for i in range(1, len(tokens)):  # pairs by index: itertools is not needed on this path
        right = tokens[i]
        out.append(
            right if _level_code_end(tokens[i - 1]) and _number_start(right) else " " + right
        )
    return "".join(out)


def _level_code_end(token: str) -> bool:
    for code in _CODES:
        if token.endswith(code):
            before = len(token) - len(code)
            if before == 0 or not _word(token[before - 1]):
                return True
    return False


def _number_start(token: str) -> bool:
    digits = 0
    while digits < len(token) and digits < 3 and token[digits].isdecimal():
        digits += 1
    return digits in (1, 2) and (digits == len(token) or not _word(token[digits]))


def _variants(norm: str) -> list[str]:
    out = [norm]
    for p in _DROP_PREFIX:
        if norm.startswith(p):
            out.append(norm[len(p) :])
    for s in _DROP_SUFFIX:
        for base in list(out):
            if base.endswith(s):
                out.append(base[: -len(s)])
    return out


class _Entry(NamedTuple):
    iri: str
    kind: str
    rank: int  # 0 label, 1 exact synonym, 2 related synonym


class TermIndex:
    """An in-memory index of labels and synonyms, built once per graph."""

    def __init__(self, entries: Iterable[tuple[str, str, int, str, str]]) -> None:
        """Build from ``(iri, kind, rank, label, normalized name)`` entries."""
        self.by_name: dict[str, list[_Entry]] = {}
        self.terms: dict[str, Term] = {}
        for iri, kind, rank, label, name in entries:
            if iri not in self.terms:
                self.terms[iri] = Term(vocab.curie(iri), label, kind)
            bucket = self.by_name.setdefault(name, [])
            entry = _Entry(iri, kind, rank)
            if entry not in bucket:
                bucket.append(entry)
        self.names = sorted(self.by_name)

    @classmethod
    def from_labels(cls, rows: Iterable[tuple[str, str, str, str, str]]) -> TermIndex:
        """Build from query rows ``(iri, kind, label, exact synonym, related synonym)``."""

        def entries() -> Iterable[tuple[str, str, int, str, str]]:
            for iri, kind, label, exact, related in rows:
                yield iri, kind, 0, label, normalize(label)
                if exact:
                    yield iri, kind, 1, label, normalize(exact)
                if related:
                    yield iri, kind, 2, label, normalize(related)

        return cls(entries())

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> TermIndex:
        """Load the index the builder wrote (``ontology/spinekg-index.tsv``)."""
        with open(path, encoding="utf-8") as fh:
            next(fh)
            rows = [line.rstrip("\n").split("\t") for line in fh]
        return cls((r[0], r[1], int(r[2]), r[3], r[4]) for r in rows)

    @classmethod
    def quick(cls, index_text: str, text: str) -> TermIndex | None:
        """A tiny index of only the rows whose name matches ``text`` (or one of its variants).

        One-shot answers resolve a single name: finding its rows by substring search in the
        index file is much cheaper than building the whole index. ``None`` when nothing
        matches (the caller then builds the full index, which also makes suggestions).
        """
        if not isinstance(text, str) or len(text) > MAX_INPUT or ":" in text:
            return None
        rows = []
        for variant in _variants(normalize(text)):
            if not variant or "\t" in variant or "\n" in variant:
                continue
            needle = f"\t{variant}\n"
            at = index_text.find(needle)
            while at != -1:
                start = index_text.rfind("\n", 0, at) + 1
                r = index_text[start : at + len(needle) - 1].split("\t")
                if len(r) == 5:
                    rows.append((r[0], r[1], int(r[2]), r[3], r[4]))
                at = index_text.find(needle, at + 1)
        return cls(rows) if rows else None

    def resolve(self, text: str, kinds: Sequence[str] | None = None) -> Term:
        """Return the single best term of ``kinds`` named by ``text``.

        :raises UnknownTermError: nothing of those kinds has that name (with suggestions)
        :raises AmbiguousTermError: several terms of those kinds share the best match
        """
        if not isinstance(text, str):
            raise UnknownTermError(repr(text), "", (), kinds or ())
        if len(text) > MAX_INPUT:
            raise UnknownTermError(text, normalize(text[:MAX_INPUT]), (), kinds or ())
        stripped = text.strip()
        iri = vocab.expand(stripped) or (stripped if stripped in self.terms else None)
        if iri and iri in self.terms:
            term = self.terms[iri]
            if kinds and term.kind not in kinds:
                raise UnknownTermError(text, stripped, lambda: self.suggest(text, kinds), kinds)
            return term
        norm = normalize(text)
        for variant in _variants(norm):
            entries = [e for e in self.by_name.get(variant, ()) if not kinds or e.kind in kinds]
            if entries:
                best = min(e.rank for e in entries)
                top = sorted({e.iri for e in entries if e.rank == best})
                if len(top) == 1:
                    return self.terms[top[0]]
                raise AmbiguousTermError(
                    text,
                    [(self.terms[i].curie, self.terms[i].label, self.terms[i].kind) for i in top],
                )
        raise UnknownTermError(text, norm, lambda: self.suggest(text, kinds), kinds or ())

    def suggest(self, text: str, kinds: Sequence[str] | None = None, n: int = 5) -> list[str]:
        """Close labels of the accepted kinds (by edit similarity, then by substring)."""
        norm = normalize(text[:MAX_INPUT])
        if not norm:
            return []
        names = [
            k for k in self.names if any(not kinds or e.kind in kinds for e in self.by_name[k])
        ]
        import difflib

        close = difflib.get_close_matches(norm, names, n=n, cutoff=0.6)
        if len(close) < n:
            close += [k for k in names if norm in k and k not in close][: n - len(close)]
        labels: list[str] = []
        for name in close:
            for e in self.by_name[name]:
                if (not kinds or e.kind in kinds) and self.terms[e.iri].label not in labels:
                    labels.append(self.terms[e.iri].label)
        return labels[:n]

    def search(
        self, text: str, kinds: Sequence[str] | None = None, limit: int = 10
    ) -> tuple[Term, ...]:
        """Terms whose label or synonym contains, or closely matches, ``text``."""
        norm = normalize(text[:MAX_INPUT])
        if not norm:
            return ()
        hits: dict[str, tuple[int, str]] = {}
        for name, entries in self.by_name.items():
            if name == norm:
                score = 0
            elif name.startswith(norm):
                score = 1
            elif norm in name:
                score = 2
            else:
                continue
            for e in entries:
                if kinds and e.kind not in kinds:
                    continue
                key = (score, self.terms[e.iri].label)
                if e.iri not in hits or key < hits[e.iri]:
                    hits[e.iri] = key
        if not hits:
            for label in self.suggest(text, kinds, n=limit):
                for iri, t in self.terms.items():
                    if t.label == label:
                        hits[iri] = (3, label)
        ordered = sorted(hits, key=lambda i: hits[i])
        return tuple(self.terms[i] for i in ordered[:limit])
