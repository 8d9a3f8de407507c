"""Every packaged path, named once.

In an installed wheel the ontology, shapes and queries live inside the package
(``spinekg/ontology`` ...); in a source checkout they live at the repository root.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _data_root() -> Path:
    packaged = Path(str(files("spinekg")))
    if (packaged / "ontology" / "spinekg.ttl").is_file():
        return packaged
    return Path(__file__).resolve().parents[2]


DATA_ROOT = _data_root()
ONTOLOGY_DIR = DATA_ROOT / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "spinekg.ttl"
OWL_PATH = ONTOLOGY_DIR / "spinekg.owl"
RELATIONS_PATH = ONTOLOGY_DIR / "spinekg-relations.ttl"
TABLES_DIR = ONTOLOGY_DIR / "src"
SHAPES_DIR = DATA_ROOT / "shapes"
QUERIES_DIR = DATA_ROOT / "queries"
QC_DIR = QUERIES_DIR / "qc"


def project_root() -> Path:
    """The source checkout (for ``spinekg build``), found from the working directory upward."""
    here = Path.cwd().resolve()
    for cand in (here, *here.parents):
        if (cand / "ontology" / "src").is_dir() and (cand / "pyproject.toml").is_file():
            return cand
    return DATA_ROOT
