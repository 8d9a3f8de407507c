"""Every packaged path, named once.

In an installed wheel the ontology, shapes and queries live inside the package directory
(``spinekg/ontology`` ...); in a source checkout they live at the repository root. (The package
is never imported from a zip, so plain paths beside ``__file__`` are used: this keeps the
one-shot CLI start-up free of ``importlib.resources``.)

The query path uses the plain-string paths (``ONTOLOGY``, ``QUERIES``, ``INDEX``): importing
``pathlib`` costs a one-shot answer a few milliseconds. The ``pathlib.Path`` names
(``ONTOLOGY_DIR``, ``SHAPES_DIR`` ...) are made on first access.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


def _data_root() -> str:
    if os.path.isfile(os.path.join(_PACKAGE, "ontology", "spinekg.ttl")):
        return _PACKAGE
    return os.path.dirname(os.path.dirname(_PACKAGE))


ROOT = _data_root()
ONTOLOGY = os.path.join(ROOT, "ontology")
QUERIES = os.path.join(ROOT, "queries")
INDEX = os.path.join(ONTOLOGY, "spinekg-index.tsv")

_PATHS = {
    "DATA_ROOT": ROOT,
    "ONTOLOGY_DIR": ONTOLOGY,
    "ONTOLOGY_PATH": os.path.join(ONTOLOGY, "spinekg.ttl"),
    "OWL_PATH": os.path.join(ONTOLOGY, "spinekg.owl"),
    "RELATIONS_PATH": os.path.join(ONTOLOGY, "spinekg-relations.ttl"),
    "INDEX_PATH": INDEX,
    "MANIFEST_PATH": os.path.join(ONTOLOGY, "spinekg-release.json"),
    "TABLES_DIR": os.path.join(ONTOLOGY, "src"),
    "SHAPES_DIR": os.path.join(ROOT, "shapes"),
    "QUERIES_DIR": QUERIES,
    "QC_DIR": os.path.join(QUERIES, "qc"),
}

if TYPE_CHECKING:
    DATA_ROOT: Path
    ONTOLOGY_DIR: Path
    ONTOLOGY_PATH: Path
    OWL_PATH: Path
    RELATIONS_PATH: Path
    INDEX_PATH: Path
    MANIFEST_PATH: Path
    TABLES_DIR: Path
    SHAPES_DIR: Path
    QUERIES_DIR: Path
    QC_DIR: Path


def __getattr__(name: str) -> Path:
    """The ``pathlib.Path`` form of a packaged path, made on first access."""
    if name in _PATHS:
        from pathlib import Path

        value = Path(_PATHS[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def cache_root() -> str:
    """Where prebuilt stores are cached (``$SPINEKG_CACHE_DIR`` or ``~/.cache/spinekg``)."""
    env = os.environ.get("SPINEKG_CACHE_DIR")
    if env:
        return env
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "spinekg")


def cache_dir() -> Path:
    """:func:`cache_root` as a ``pathlib.Path``."""
    from pathlib import Path

    return Path(cache_root())


def project_root() -> Path:
    """The source checkout (for ``spinekg build``), found from the working directory upward."""
    from pathlib import Path

    here = Path.cwd().resolve()
    for cand in (here, *here.parents):
        if (cand / "ontology" / "src").is_dir() and (cand / "pyproject.toml").is_file():
            return cand
    return Path(ROOT)
