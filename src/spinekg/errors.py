"""The exception hierarchy: everything spinekg raises on purpose derives from SpineKGError."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: collections is not imported on the one-shot path
    from collections.abc import Callable, Sequence


class SpineKGError(Exception):
    """Base class of every error spinekg raises on purpose."""


class UnknownTermError(SpineKGError, KeyError):
    """A term could not be resolved; carries the query, its normalized form and suggestions.

    ``suggestions`` may be given as a function: close names are then looked for only when the
    error is shown or its ``suggestions`` are read, not when a caller catches it and tries
    another name.

    >>> err = UnknownTermError("anteror", "anteror", lambda: ["tibialis anterior"])
    >>> err.suggestions
    ('tibialis anterior',)
    """

    def __init__(
        self,
        query: str,
        normalized: str,
        suggestions: Sequence[str] | Callable[[], Sequence[str]] = (),
        kinds: Sequence[str] = (),
    ) -> None:
        self.query = query
        self.normalized = normalized
        self._suggestions = suggestions if callable(suggestions) else tuple(suggestions)
        self.kinds = tuple(kinds)
        super().__init__(query)

    @property
    def suggestions(self) -> tuple[str, ...]:
        """Close names of the accepted kinds (looked for on first use)."""
        if callable(self._suggestions):
            self._suggestions = tuple(self._suggestions())
        return self._suggestions

    def __reduce__(self) -> tuple[type, tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
        return (type(self), (self.query, self.normalized, self.suggestions, self.kinds))

    def __str__(self) -> str:
        shown = self.query if len(self.query) <= 80 else self.query[:77] + "..."
        kinds = f" among {', '.join(self.kinds)}" if self.kinds else ""
        msg = f"unknown term {shown!r}{kinds} (normalized to {self.normalized[:80]!r})"
        if self.suggestions:
            msg += "; did you mean: " + ", ".join(repr(s) for s in self.suggestions) + "?"
        return msg


class AmbiguousTermError(SpineKGError, LookupError):
    """A term matched several entities of the accepted kinds."""

    def __init__(self, query: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        super().__init__(query)

    def __str__(self) -> str:
        opts = "; ".join(f"{c} {lab!r} ({kind})" for c, lab, kind in self.candidates)
        return f"ambiguous term {self.query!r}: it names {opts}; use a more specific name or CURIE"


class InvalidQueryError(SpineKGError, ValueError):
    """A stored or ad-hoc query is malformed, or an update was attempted."""


class EndpointError(SpineKGError):
    """A remote SPARQL endpoint failed, timed out or answered something unusable."""


class BuildError(SpineKGError):
    """The curated tables have problems; ``problems`` lists each with table, row and column."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the curated tables")

    def __str__(self) -> str:
        head = f"{len(self.problems)} problem(s) in the curated tables:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


class ValidationError(SpineKGError):
    """SHACL, QC or reasoner validation failed; ``report`` holds the readable report."""

    def __init__(self, report: str) -> None:
        self.report = report
        super().__init__(report)


class IntegrityError(SpineKGError):
    """The shipped ontology does not match its recorded checksum (a damaged install)."""
