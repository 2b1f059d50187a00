"""Child process for the build and extraction benchmarks: ``python -m cowkg.bench.child STAGE``.

WHY a child: peak memory (``ru_maxrss``) is per process, and a build in the benchmark's own process
would count the benchmark's memory and warm caches. The parent passes the temporary directories as
``COWKG_*`` settings; the child prints one JSON line: seconds, peak RSS and a count.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from cowkg.errors import CowkgError
from cowkg.settings import load_settings


def _build() -> int:
    from cowkg.pipeline import build

    build(load_settings(), force=True)
    return 0


def _extract() -> int:
    from cowkg.pipeline import extract_facts

    return sum(1 for _ in extract_facts(load_settings(), seeds=[]))


STAGES = {"build": _build, "extract": _extract}


def main(argv: list[str]) -> int:
    """Run one stage and report it on stdout; exit 2 with the message on a documented error."""
    if len(argv) != 1 or argv[0] not in STAGES:
        sys.stderr.write(f"usage: python -m cowkg.bench.child {{{','.join(STAGES)}}}\n")
        return 2
    began = time.perf_counter()
    try:
        count = STAGES[argv[0]]()
    except CowkgError as exc:
        sys.stderr.write(f"{type(exc).__name__}: {exc}\n")
        return exc.exit_code
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    sys.stdout.write(
        json.dumps({"seconds": seconds, "peak_rss_bytes": peak, "count": count}) + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
