"""Build hooks for the ``spinekg`` command.

On POSIX systems the command is the plain script ``bin/spinekg``, installed as a wheel script:
the launcher pip writes for a console-script entry point imports ``re`` first, a visible share
of a one-shot answer (docs/performance.md). On Windows pip makes ``spinekg.exe`` only for an
entry point, so there the command is the entry point ``spinekg.cli:run``. A wheel is built for
the platform that builds it; build on Windows for Windows.
"""

from __future__ import annotations

import sys
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

WINDOWS = sys.platform == "win32"


class CommandMetadataHook(MetadataHookInterface):
    """The entry point, on Windows only."""

    def update(self, metadata: dict[str, Any]) -> None:
        metadata["scripts"] = {"spinekg": "spinekg.cli:run"} if WINDOWS else {}


class CommandScriptHook(BuildHookInterface):
    """The plain script, everywhere else."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and not WINDOWS:
            build_data["shared_scripts"]["bin/spinekg"] = "spinekg"
