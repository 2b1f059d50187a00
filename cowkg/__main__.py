"""``python -m cowkg``: the command-line interface."""

from cowkg.cli import main

raise SystemExit(main())
