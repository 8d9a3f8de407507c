"""The packaged release: checksums are verified before the prebuilt store is trusted, and the
start-up path reads the manifest without a JSON parser."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from spinekg.backends import _flat_sha256, _release_key, open_release
from spinekg.errors import IntegrityError
from spinekg.resources import ONTOLOGY

Q = 'SELECT ?l WHERE { ?s <https://w3id.org/spinekg/vocab/short_name> "L5" ; rdfs:label ?l }'
RELEASE = ("spinekg.ttl", "spinekg-relations.ttl", "spinekg-index.tsv", "spinekg-release.json")


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A copy of the packaged release files."""
    d = tmp_path / "onto"
    d.mkdir()
    for name in RELEASE:
        shutil.copy2(Path(ONTOLOGY) / name, d / name)
    return d


def _labels(backend: object) -> list[dict[str, str]]:
    return backend.select(  # type: ignore[attr-defined, no-any-return]
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + Q
    )


def test_manifest_is_read_like_json() -> None:
    text = (Path(ONTOLOGY) / "spinekg-release.json").read_text(encoding="utf-8")
    assert _flat_sha256(text) == json.loads(text)["sha256"]


@pytest.mark.parametrize(
    "dump",
    [
        lambda m: json.dumps(m),  # compact
        lambda m: json.dumps(m, indent=4, sort_keys=False),
        lambda m: json.dumps({"version": "x", **m}, separators=(",", ":")),
    ],
)
def test_manifest_in_another_layout_gives_the_same_key(release: Path, dump: object) -> None:
    path = release / "spinekg-release.json"
    expected = _release_key(release)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(dump(manifest), encoding="utf-8")  # type: ignore[operator]
    assert _release_key(release) == expected


def test_manifest_the_fast_reader_refuses_falls_back_to_json(release: Path) -> None:
    path = release / "spinekg-release.json"
    expected = _release_key(release)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    # escapes and a nested object: not the builder's flat form, so the JSON parser reads it
    manifest["sha256"]["notes\\dir.txt"] = "0" * 64
    manifest = {"extra": {"a": 1}, **manifest}
    text = json.dumps(manifest)
    assert _flat_sha256(text) is None
    path.write_text(text, encoding="utf-8")
    key, names = _release_key(release)
    assert key == expected[0] and "notes\\dir.txt" in names


def test_a_tampered_release_is_refused_before_any_store_is_built(
    release: Path, tmp_path: Path
) -> None:
    ttl = release / "spinekg.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(IntegrityError, match=r"spinekg\.ttl does not match"):
        open_release(release, str(cache))
    assert not list(cache.glob("store-*"))  # nothing built from unverified files
    with pytest.raises(IntegrityError):
        open_release(release, None)  # the in-memory fallback verifies too


def test_a_file_changed_after_verification_is_verified_again(release: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _labels(open_release(release, str(cache))) == [{"l": "fifth lumbar spinal nerve"}]
    # the verification stamp lets later processes skip the checksums ...
    assert _labels(open_release(release, str(cache))) == [{"l": "fifth lumbar spinal nerve"}]
    # ... until a checksummed file changes (size or modification time)
    index = release / "spinekg-index.tsv"
    index.write_text(index.read_text(encoding="utf-8") + "x", encoding="utf-8")
    with pytest.raises(IntegrityError, match=r"spinekg-index\.tsv"):
        open_release(release, str(cache))
    st = index.stat()
    shutil.copy2(Path(ONTOLOGY) / "spinekg-index.tsv", index)  # restored: verifies again
    os.utime(index, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert _labels(open_release(release, str(cache))) == [{"l": "fifth lumbar spinal nerve"}]
