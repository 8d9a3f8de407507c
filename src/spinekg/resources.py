"""Every packaged path, named once.

In an installed wheel the ontology, shapes and queries live inside the package directory
(``spinekg/ontology`` ...); in a source checkout they live at the repository root. (The package
is never imported from a zip, so plain paths beside ``__file__`` are used: this keeps the
one-shot CLI start-up free of ``importlib.resources``.)
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    if (_PACKAGE / "ontology" / "spinekg.ttl").is_file():
        return _PACKAGE
    return _PACKAGE.parents[1]


DATA_ROOT = _data_root()
ONTOLOGY_DIR = DATA_ROOT / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "spinekg.ttl"
OWL_PATH = ONTOLOGY_DIR / "spinekg.owl"
RELATIONS_PATH = ONTOLOGY_DIR / "spinekg-relations.ttl"
INDEX_PATH = ONTOLOGY_DIR / "spinekg-index.tsv"
MANIFEST_PATH = ONTOLOGY_DIR / "spinekg-release.json"
TABLES_DIR = ONTOLOGY_DIR / "src"
SHAPES_DIR = DATA_ROOT / "shapes"
QUERIES_DIR = DATA_ROOT / "queries"
QC_DIR = QUERIES_DIR / "qc"


def cache_dir() -> Path:
    """Where prebuilt stores are cached (``$SPINEKG_CACHE_DIR`` or ``~/.cache/spinekg``)."""
    env = os.environ.get("SPINEKG_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spinekg"


def project_root() -> Path:
    """The source checkout (for ``spinekg build``), found from the working directory upward."""
    here = Path.cwd().resolve()
    for cand in (here, *here.parents):
        if (cand / "ontology" / "src").is_dir() and (cand / "pyproject.toml").is_file():
            return cand
    return DATA_ROOT
