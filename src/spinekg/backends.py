"""Query backends: the embedded pyoxigraph store (default) and any SPARQL 1.1 endpoint."""

from __future__ import annotations

import os
from time import perf_counter

from .errors import EndpointError, InvalidQueryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path
    from typing import Any, Protocol
else:
    Protocol = object  # a Protocol for type checkers; no typing import at run time

#: a file-system path as the API accepts it
PathLike = str | os.PathLike[str]

Row = dict[str, str]

_UPDATE_WORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
)
# Strings (long and short), IRIs and comments: removed before looking for keywords.
_TOKENS = "|".join(
    (
        r'"""(?:[^"\\]|\\.|"(?!""))*"""',
        r"'''(?:[^'\\]|\\.|'(?!''))*'''",
        r'"(?:[^"\\\n]|\\.)*"',
        r"'(?:[^'\\\n]|\\.)*'",
        r"<[^<>\"{}|^`\\\s]*>",
        r"#[^\n]*",
    )
)


def reject_updates(text: str) -> None:
    """Refuse anything but a read-only, local query.

    SPARQL Update requests and federated ``SERVICE`` calls are rejected; words inside comments,
    strings and IRIs do not count.

    >>> reject_updates('SELECT * WHERE { ?s ?p "DROP ALL" }')
    >>> reject_updates("DROP ALL")
    Traceback (most recent call last):
    ...
    spinekg.errors.InvalidQueryError: SPARQL updates are not allowed: spinekg is read-only

    :raises InvalidQueryError: an update or a SERVICE clause
    """
    import re  # only for ad-hoc SPARQL: kept off the stored-query path

    words = re.findall(r"[A-Za-z_]+", re.sub(_TOKENS, " ", text).upper())
    first = next((w for w in words if w not in ("PREFIX", "BASE")), "")
    if first in _UPDATE_WORDS or {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD"} & set(words):
        raise InvalidQueryError("SPARQL updates are not allowed: spinekg is read-only")
    if "SERVICE" in words:
        raise InvalidQueryError("federated SERVICE queries are not allowed")


class Backend(Protocol):
    """Anything that answers a SPARQL SELECT with rows of plain strings."""

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query and return its rows (unbound variables are absent)."""
        ...  # pragma: no cover


class EmbeddedBackend:
    """An in-process pyoxigraph store, read-only after loading."""

    #: the data never changes after loading, so answers to stored queries may be memoized
    immutable = True

    def __init__(
        self, paths: Sequence[PathLike] = (), *, data: Iterable[tuple[str, str]] = ()
    ) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.store = pyoxigraph.Store()
        for path in (os.fspath(p) for p in paths):
            fmt = (
                pyoxigraph.RdfFormat.from_extension(os.path.splitext(path)[1].lstrip("."))
                or pyoxigraph.RdfFormat.TURTLE
            )
            self.store.bulk_load(path=path, format=fmt)
        for text, fmt_name in data:
            fmt = pyoxigraph.RdfFormat.from_extension(fmt_name) or pyoxigraph.RdfFormat.TURTLE
            self.store.bulk_load(text.encode(), format=fmt)

    #: Copy a read-only on-disk store into memory once queries on disk have taken this many
    #: seconds in all (``None``: never). The copy costs about that much (about 0.45 s for the
    #: release here) and makes later queries about 2x faster, so a process pays at most about
    #: twice what the better choice in hindsight would have cost (the ski-rental rule): a short
    #: process keeps the fast start-up, a long-running one gets the faster queries. The
    #: ``spinekg`` command sets ``None``: it answers once.
    promote_after_s: float | None = 0.5
    _disk_seconds = 0.0
    _on_disk = False

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query on the store."""
        limit = self.promote_after_s
        on_disk = self._on_disk and limit is not None
        if on_disk and limit is not None and self._disk_seconds >= limit:
            _promote_store(self)
            on_disk = False
        started = perf_counter() if on_disk else 0.0
        try:
            result = self.store.query(query)
        except SyntaxError as exc:
            raise InvalidQueryError(f"invalid SPARQL: {exc}") from None
        if not isinstance(result, self._ox.QuerySolutions):
            raise InvalidQueryError("only SELECT queries are supported here")
        names = [v.value for v in result.variables]
        columns = list(enumerate(names))
        rows: list[Row] = []
        for sol in result:
            row: Row = {}
            for i, name in columns:  # by position: cheaper than by name
                t = sol[i]
                if t is not None:
                    row[name] = t.value
            rows.append(row)
        if on_disk:
            self._disk_seconds += perf_counter() - started
        return rows


def _promote_store(backend: EmbeddedBackend) -> None:
    """Replace a read-only on-disk store by an in-memory copy (same content)."""
    memory = backend._ox.Store()
    memory.bulk_extend(backend.store.quads_for_pattern(None, None, None))
    backend.store = memory
    backend._on_disk = False


class RemoteBackend:
    """A SPARQL 1.1 endpoint reached through SPARQLWrapper, with a timeout.

    Every request (retries included) finishes within ``timeout`` seconds. Reads are retried a
    bounded number of times, and only after a failure that may be transient (HTTP 5xx or a
    dropped connection) and while time remains; a timeout is never retried.
    """

    #: the endpoint's data may change between calls: answers are never memoized
    immutable = False

    def __init__(
        self, url: str, *, timeout: float = 10.0, retries: int = 1, max_rows: int = 100_000
    ) -> None:
        import re  # a remote endpoint: not the embedded one-shot path

        if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", url):
            raise EndpointError(f"endpoint URL must be an http:// or https:// URL: {url[:100]!r}")
        self.url = url
        self.timeout = timeout
        self.retries = retries
        self.max_rows = max_rows

    def select(self, query: str) -> list[Row]:
        """Run a SELECT query remotely and return its rows.

        :raises EndpointError: the endpoint failed, timed out, or answered something that is
            not SPARQL JSON results
        """
        import socket
        import time
        import urllib.error
        from http.client import HTTPException

        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        # SPARQLWrapper guesses the query type from the text and can mistake a query whose
        # comments hold an apostrophe for an update: send it without full-line comments.
        query = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))
        deadline = time.monotonic() + self.timeout
        problem = "no attempt made"
        for attempt in range(self.retries + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0.05:
                break
            sw = SPARQLWrapper(self.url)
            sw.setMethod(POST)
            sw.setQuery(query)
            sw.setReturnFormat(JSON)
            sw.timeout = remaining  # type: ignore[assignment]  # float seconds for urlopen
            try:
                response = sw.query()
                ctype = response.response.headers.get("Content-Type", "")
                if "json" not in ctype:
                    raise EndpointError(
                        f"{self.url} answered {ctype or 'no content type'}, not SPARQL JSON"
                    )
                data = response.convert()
            except EndpointError:
                raise
            except TimeoutError:
                raise EndpointError(
                    f"{self.url} did not answer within {self.timeout:g} s"
                ) from None
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code}"
                if exc.code < 500:
                    break
            except SPARQLWrapperException as exc:
                problem = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                if "timed out" in str(exc):
                    raise EndpointError(
                        f"{self.url} did not answer within {self.timeout:g} s"
                    ) from None
                if "EndPointNotFound" in type(exc).__name__ or "QueryBad" in type(exc).__name__:
                    break
            except (
                urllib.error.URLError,
                HTTPException,
                ConnectionError,
                OSError,
                ValueError,
            ) as exc:
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, (TimeoutError, socket.timeout)):
                    raise EndpointError(
                        f"{self.url} did not answer within {self.timeout:g} s"
                    ) from None
                problem = f"{type(exc).__name__}: {str(reason)[:200]}"
                if isinstance(exc, ValueError):
                    break  # malformed JSON: retrying will not help
            else:
                return self._rows(data)
            if attempt < self.retries:
                time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        raise EndpointError(f"SPARQL endpoint {self.url} failed: {problem}")

    def _rows(self, data: Any) -> list[Row]:
        if not isinstance(data, dict) or not isinstance(data.get("results"), dict):
            raise EndpointError(f"{self.url} did not return SPARQL JSON results")
        bindings = data["results"].get("bindings")
        if not isinstance(bindings, list):
            raise EndpointError(f"{self.url} returned malformed SPARQL JSON")
        if len(bindings) > self.max_rows:
            raise EndpointError(f"{self.url} returned more than {self.max_rows} rows; add a LIMIT")
        try:
            return [{str(k): str(v["value"]) for k, v in b.items()} for b in bindings]
        except (KeyError, TypeError, AttributeError):
            raise EndpointError(f"{self.url} returned malformed SPARQL JSON") from None


def verify_release(onto_dir: PathLike) -> dict[str, Any]:
    """Check the shipped files against the checksums the builder recorded; return the manifest.

    :raises IntegrityError: a file is missing or does not match its recorded checksum
    """
    import hashlib
    import json

    from .errors import IntegrityError

    manifest_path = os.path.join(onto_dir, "spinekg-release.json")
    try:
        with open(manifest_path, encoding="utf-8") as fh:
            manifest: dict[str, Any] = json.load(fh)
        for name, digest in manifest["sha256"].items():
            with open(os.path.join(onto_dir, name), "rb") as fh:
                actual = hashlib.sha256(fh.read()).hexdigest()
            if actual != digest:
                raise IntegrityError(
                    f"{name} does not match the checksum recorded in "
                    f"{os.path.basename(manifest_path)}; reinstall spinekg or run "
                    "`spinekg build`"
                )
    except (OSError, ValueError, KeyError) as exc:
        raise IntegrityError(f"cannot verify the release in {onto_dir}: {exc}") from None
    return manifest


def _stamp(onto_dir: PathLike, names: Iterable[str]) -> str:
    parts = []
    for name in sorted(names):
        st = os.stat(os.path.join(onto_dir, name))
        parts.append(f"{name} {st.st_size} {st.st_mtime_ns}")
    return "\n".join(parts) + "\n"


def _release_key(onto_dir: PathLike) -> tuple[str, list[str]]:
    """The prebuilt store's key (from the release checksums) and the names of the checksummed
    files, read from the release manifest.

    The manifest is the builder's own flat JSON; its ``sha256`` object is read with string
    operations (``import json`` would pull in ``re``, a visible share of a one-shot answer),
    and anything unexpected falls back to the JSON parser.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "spinekg-release.json"), "w").write(
    ...     '{"sha256": {"spinekg.ttl": "%s", "spinekg-relations.ttl": "%s"}}'
    ...     % ("a" * 64, "b" * 64)
    ... )
    >>> _release_key(d)
    ('aaaaaaaaaaaabbbbbbbbbbbb', ['spinekg-relations.ttl', 'spinekg.ttl'])
    """
    with open(os.path.join(onto_dir, "spinekg-release.json"), encoding="utf-8") as fh:
        text = fh.read()
    sha = _flat_sha256(text)
    if sha is None:
        import json

        sha = json.loads(text)["sha256"]
    return sha["spinekg.ttl"][:12] + sha["spinekg-relations.ttl"][:12], sorted(sha)


def _flat_sha256(text: str) -> dict[str, str] | None:
    """The manifest's ``"sha256": {"name": "hex", ...}`` object, or None if it is not in the
    simple form the builder writes (no escapes, no nesting, names and hex digests only).

    >>> _flat_sha256('{"sha256": {"a.ttl": "00ff", "b.tsv": "1e"}, "version": "x"}')
    {'a.ttl': '00ff', 'b.tsv': '1e'}
    >>> _flat_sha256('{"sha256": {"a\\".ttl": "00"}}') is None
    True
    """
    key = text.find('"sha256"')
    open_ = text.find("{", key)
    close = text.find("}", open_)
    if key < 0 or open_ < 0 or close < 0 or text[key + 8 : open_].strip() != ":":
        return None
    body = text[open_ + 1 : close]
    if "\\" in body or "{" in body or not body.strip():
        return None
    out = {}
    for item in body.split(","):
        name, sep, value = (part.strip() for part in item.partition(":"))
        if not (sep and _quoted(name) and _quoted(value)):
            return None
        digest = value[1:-1]
        if not digest or digest.strip("0123456789abcdef"):
            return None
        out[name[1:-1]] = digest
    return out


def _quoted(token: str) -> bool:
    return len(token) >= 2 and token[0] == token[-1] == '"' and '"' not in token[1:-1]


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def open_release(onto_dir: PathLike, cache: PathLike | None) -> EmbeddedBackend:
    """The packaged release as a read-only store, prebuilt once per release in ``cache``.

    The first use verifies the shipped files against their recorded checksums and parses the
    Turtle into an on-disk store keyed by the release checksum; later processes check that the
    files are unchanged since that verification (size and modification time) and open the
    store read-only, which is much faster than parsing. Without a usable cache directory the
    release is verified and parsed into memory.

    :raises IntegrityError: a shipped file does not match its recorded checksum
    """
    import pyoxigraph

    files = [os.path.join(onto_dir, "spinekg.ttl"), os.path.join(onto_dir, "spinekg-relations.ttl")]
    if cache is not None:
        try:
            key, names = _release_key(onto_dir)
            target = os.path.join(cache, f"store-{key}")
            stamp = _stamp(onto_dir, names)
            done = os.path.join(target, "SPINEKG_COMPLETE")
            recorded = _read(done)
            if recorded != stamp:
                verify_release(onto_dir)
                if recorded is None:
                    _prebuild(target, files)
                with open(done, "w", encoding="utf-8") as fh:
                    fh.write(stamp)
            backend = EmbeddedBackend.__new__(EmbeddedBackend)
            backend._ox = pyoxigraph
            backend.store = pyoxigraph.Store.read_only(target)
            backend._on_disk = True
            return backend
        except (OSError, ValueError, KeyError):
            pass  # unwritable or unusable cache: fall back to memory
    verify_release(onto_dir)
    return EmbeddedBackend(files)


def _prebuild(target_dir: str, files: list[str]) -> None:
    import shutil
    import tempfile
    from pathlib import Path

    import pyoxigraph

    target = Path(target_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".building-"))
    try:
        store = pyoxigraph.Store(str(tmp))
        for path in files:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        store.optimize()
        del store
        (tmp / "SPINEKG_COMPLETE").write_text("built\n")
        try:
            tmp.rename(target)
        except OSError:
            if not (target / "SPINEKG_COMPLETE").exists():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    prune_stores(target.parent, keep=target)


#: prebuilt stores of other releases unused for this long are removed when a new one is built
STORE_MAX_AGE_DAYS = 30


def prune_stores(cache: Path, keep: Path, max_age_days: float = STORE_MAX_AGE_DAYS) -> list[Path]:
    """Remove prebuilt stores of other releases whose last verification is older than
    ``max_age_days`` (their ``SPINEKG_COMPLETE`` stamp is rewritten on each verification).
    Returns the removed directories; never touches ``keep`` or anything but ``store-*``."""
    import shutil
    import time

    removed = []
    limit = time.time() - max_age_days * 86400
    for d in cache.glob("store-*"):
        stamp = d / "SPINEKG_COMPLETE"
        try:
            if d == keep or not d.is_dir() or (stamp.exists() and stamp.stat().st_mtime > limit):
                continue
        except OSError:
            continue
        shutil.rmtree(d, ignore_errors=True)
        removed.append(d)
    return removed
