"""Query backends: the embedded pyoxigraph store (default) and any SPARQL 1.1 endpoint."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from .errors import EndpointError, InvalidQueryError

Row = dict[str, str]

_UPDATE = (
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b"
)


def reject_updates(text: str) -> None:
    """Raise :class:`InvalidQueryError` for SPARQL Update requests (spinekg is read-only)."""
    stripped = re.sub(r"#[^\n]*", "", text)
    if re.match(_UPDATE, stripped, re.IGNORECASE):
        raise InvalidQueryError("SPARQL updates are not allowed: spinekg is read-only")


class Backend(Protocol):
    """Anything that answers a SPARQL SELECT with rows of plain strings."""

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query and return its rows (unbound variables are absent)."""
        ...  # pragma: no cover


def _value(term: Any) -> str:
    return str(term.value)


class EmbeddedBackend:
    """An in-process pyoxigraph store, read-only after loading."""

    def __init__(self, paths: Sequence[Path] = (), *, data: Iterable[tuple[str, str]] = ()) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.store = pyoxigraph.Store()
        for path in paths:
            fmt = (
                pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip("."))
                or pyoxigraph.RdfFormat.TURTLE
            )
            self.store.bulk_load(path=str(path), format=fmt)
        for text, fmt_name in data:
            fmt = pyoxigraph.RdfFormat.from_extension(fmt_name) or pyoxigraph.RdfFormat.TURTLE
            self.store.bulk_load(text.encode(), format=fmt)

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query on the store."""
        try:
            result = self.store.query(query)
        except SyntaxError as exc:
            raise InvalidQueryError(f"invalid SPARQL: {exc}") from None
        if not isinstance(result, self._ox.QuerySolutions):
            raise InvalidQueryError("only SELECT queries are supported here")
        names = [v.value for v in result.variables]
        rows: list[Row] = []
        for sol in result:
            row: Row = {}
            for name in names:
                t = sol[name]
                if t is not None:
                    row[name] = _value(t)
            rows.append(row)
        return rows


class RemoteBackend:
    """A SPARQL 1.1 endpoint reached through SPARQLWrapper, with a timeout."""

    def __init__(self, url: str, *, timeout: float = 10.0, retries: int = 1) -> None:
        if not re.match(r"^https?://", url):
            raise EndpointError(f"endpoint URL must start with http:// or https://: {url!r}")
        self.url = url
        self.timeout = timeout
        self.retries = retries

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query remotely (reads are retried a bounded number of times)."""
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        last: Exception | None = None
        for _ in range(self.retries + 1):
            sw = SPARQLWrapper(self.url)
            sw.setMethod(POST)
            sw.setQuery(query)
            sw.setReturnFormat(JSON)
            sw.setTimeout(int(max(1, self.timeout)))
            try:
                data = sw.query().convert()
            except Exception as exc:  # SPARQLWrapper/urllib raise many kinds
                last = exc
                continue
            if not isinstance(data, dict) or "results" not in data:
                raise EndpointError(f"{self.url} did not return SPARQL JSON results")
            try:
                return [
                    {k: str(v["value"]) for k, v in b.items()} for b in data["results"]["bindings"]
                ]
            except (KeyError, TypeError, AttributeError):
                raise EndpointError(f"{self.url} returned malformed SPARQL JSON") from None
        raise EndpointError(
            f"SPARQL endpoint {self.url} failed: {type(last).__name__}: {str(last)[:200]}"
        )


def verify_release(onto_dir: Path) -> dict[str, Any]:
    """Check the shipped files against the checksums the builder recorded; return the manifest.

    :raises IntegrityError: a file is missing or does not match its recorded checksum
    """
    import hashlib
    import json

    from .errors import IntegrityError

    manifest_path = onto_dir / "spinekg-release.json"
    try:
        manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
        for name, digest in manifest["sha256"].items():
            if hashlib.sha256((onto_dir / name).read_bytes()).hexdigest() != digest:
                raise IntegrityError(
                    f"{name} does not match the checksum recorded in "
                    f"{manifest_path.name}; reinstall spinekg or run "
                    "`spinekg build`"
                )
    except (OSError, ValueError, KeyError) as exc:
        raise IntegrityError(f"cannot verify the release in {onto_dir}: {exc}") from None
    return manifest


def open_release(onto_dir: Path, cache: Path | None) -> EmbeddedBackend:
    """The packaged release as a read-only store, prebuilt once per release in ``cache``.

    The first use parses the Turtle into an on-disk store keyed by the release checksum; later
    processes open that store read-only, which is much faster than parsing. Without a usable
    cache directory the release is parsed into memory.
    """
    import pyoxigraph

    manifest = verify_release(onto_dir)
    files = [onto_dir / "spinekg.ttl", onto_dir / "spinekg-relations.ttl"]
    key = manifest["sha256"]["spinekg.ttl"][:12] + manifest["sha256"]["spinekg-relations.ttl"][:12]
    if cache is not None:
        target = cache / f"store-{key}"
        try:
            if not (target / "SPINEKG_COMPLETE").exists():
                _prebuild(target, files)
            backend = EmbeddedBackend.__new__(EmbeddedBackend)
            backend._ox = pyoxigraph
            backend.store = pyoxigraph.Store.read_only(str(target))
            return backend
        except OSError:
            pass  # unwritable or unusable cache: fall back to memory
    return EmbeddedBackend(files)


def _prebuild(target: Path, files: list[Path]) -> None:
    import shutil
    import tempfile

    import pyoxigraph

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".building-"))
    try:
        store = pyoxigraph.Store(str(tmp))
        for path in files:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        store.optimize()
        del store
        (tmp / "SPINEKG_COMPLETE").write_text("ok\n")
        try:
            tmp.rename(target)
        except OSError:
            if not (target / "SPINEKG_COMPLETE").exists():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
