"""``python -m spinekg``."""

from .cli import main

raise SystemExit(main())
