"""``python -m spinekg``."""

from .cli import run

run()
