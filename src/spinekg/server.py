"""Serving the release over HTTP with the Oxigraph server, and loading it into a store."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import resources
from .errors import EndpointError, SpineKGError


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server (the ``oxigraph`` package on PyPI ships it)."""
    exe = shutil.which("oxigraph")
    if exe is None:
        raise SpineKGError("the Oxigraph server is not installed: pip install oxigraph")
    return exe


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_location(location: Path, files: list[Path] | None = None) -> None:
    """Load the release (or ``files``) into an Oxigraph store directory."""
    files = files or [resources.ONTOLOGY_PATH, resources.RELATIONS_PATH]
    cmd = [oxigraph_binary(), "load", "--location", str(location)]
    for f in files:
        cmd += ["--file", str(f)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SpineKGError(f"oxigraph load failed: {proc.stderr.strip()[:300]}")


def start(
    location: Path,
    bind: str = "127.0.0.1",
    port: int | None = None,
    *,
    wait: float = 30.0,
    read_only: bool = True,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start an Oxigraph server over ``location`` (read-only unless ``read_only=False``);
    return it and its base URL once it answers."""
    port = port or free_port()
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve-read-only" if read_only else "serve",
            "--location",
            str(location),
            "--bind",
            f"{bind}:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://{bind}:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SpineKGError(f"oxigraph server exited: {err.strip()[:300]}")
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1):
                return proc, base
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    proc.terminate()
    raise SpineKGError(f"oxigraph server did not answer on {base} within {wait} s")


def _stop_on_sigterm() -> None:
    """Let SIGTERM stop ``serve`` the way Ctrl-C does (so the server child is stopped too)."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def serve(bind: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve the release read-only with Oxigraph's SPARQL endpoint and query UI until Ctrl-C
    (or SIGTERM); the server process is stopped with it."""
    with tempfile.TemporaryDirectory(prefix="spinekg-serve-") as tmp:
        load_location(Path(tmp))
        proc, base = start(Path(tmp), bind, port)
        try:
            _stop_on_sigterm()
            print(
                f"spinekg SPARQL endpoint: {base}/query  (query UI: {base}/ ; Ctrl-C to stop)\n"
                f"try: spinekg innervated-by L5 --endpoint {base}/query",
                flush=True,
            )
            proc.wait()
        except KeyboardInterrupt:
            pass
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def push(store_url: str, files: list[Path] | None = None, *, timeout: float = 60.0) -> int:
    """POST the release files to a Graph Store Protocol endpoint (default graph).

    :returns: the number of files sent
    :raises EndpointError: the store refused or could not be reached
    """
    files = files or [resources.ONTOLOGY_PATH, resources.RELATIONS_PATH]
    sep = "&" if "?" in store_url else "?"
    for f in files:
        req = urllib.request.Request(
            f"{store_url}{sep}default",
            data=f.read_bytes(),
            method="POST",
            headers={"Content-Type": "text/turtle"},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                if resp.status >= 300:
                    raise EndpointError(f"{store_url} answered HTTP {resp.status}")
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{store_url} refused {f.name}: HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise EndpointError(f"cannot reach {store_url}: {exc}") from None
    return len(files)
