"""Compact JSON output without importing :mod:`json`.

``import json`` also imports its decoder, and with it :mod:`re` and :mod:`enum`: together a
visible share of a one-shot ``spinekg ... --format json`` answer that only writes JSON. This
writes exactly what ``json.dumps(obj, ensure_ascii=False)`` writes, with the C encoder
:mod:`json` itself uses (``_json.make_encoder``, set up as ``json.dumps`` sets it up). Where
that encoder is missing, refuses these arguments or meets a value it cannot write, the work is
handed to :mod:`json` itself.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

try:
    from _json import encode_basestring as _string  # what json.dumps(ensure_ascii=False) uses
    from _json import make_encoder as _c_make_encoder
except ImportError:  # pragma: no cover - interpreters without the C accelerator
    _c_make_encoder = None  # type: ignore[misc, assignment]


class _UnsupportedError(Exception):
    pass


def dumps(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)``, without importing :mod:`json` for plain data.

    >>> dumps([{"root": "L5", "strength": None, "n": 3, "ok": True, "x": 0.5}, ("a\\tb", "é")])
    '[{"root": "L5", "strength": null, "n": 3, "ok": true, "x": 0.5}, ["a\\\\tb", "é"]]'
    """
    if _c_make_encoder is not None:
        try:  # the arguments json.dumps(obj, ensure_ascii=False) gives it
            encoder = _c_make_encoder(
                {}, _unsupported, _string, None, ": ", ", ", False, False, True
            )
            return "".join(encoder(obj, 0))
        except (_UnsupportedError, TypeError):  # a value it cannot write, or another signature
            pass
    import json

    return json.dumps(obj, ensure_ascii=False)


def _unsupported(o: Any) -> Any:
    raise _UnsupportedError
