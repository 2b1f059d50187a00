"""Faults: a build killed at random points, and a missing or corrupt store at start-up.

- The build (``cowkg.pipeline.build`` in a child process, on a temporary graph_dir) is killed with
  SIGKILL after random delays; each time the last good graph must still be there, byte for byte,
  and load into the store.
- ``cowkg serve`` on a missing, truncated or binary dataset must exit 2 with a message
  naming the file, not a traceback.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cowkg.bench.peers import free_port
from cowkg.settings import load_settings
from cowkg.store import DATASET_FILE, load_store

KILLS = 4
ROOT = Path(__file__).resolve().parent.parent.parent


def _env(**settings: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COWKG_")}
    env.update({f"COWKG_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def _child_build(graph_dir: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "cowkg.bench.child", "build"],
        env=_env(graph_dir=graph_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )


def _fingerprint(graph_dir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(graph_dir.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A good graph built into a temporary graph_dir, and how long a build like the killed ones
    takes: the second build's time, since the first fills the extraction cache (a cold build,
    with its language parse, can take several times as long as the warm ones the test kills)."""
    graph_dir = tmp_path_factory.mktemp("faults") / "graph"
    seconds = 0.0
    for _ in range(2):
        began = time.perf_counter()
        proc = _child_build(graph_dir)
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()[-3000:]
        seconds = time.perf_counter() - began
    return graph_dir, seconds


@pytest.mark.slow
def test_build_killed_at_random_points_keeps_the_last_good_graph(
    good_build: tuple[Path, float],
) -> None:
    graph_dir, seconds = good_build
    before = _fingerprint(graph_dir)
    assert DATASET_FILE in before
    rng = random.Random()
    seed = rng.randrange(2**32)
    rng.seed(seed)
    killed_at = []
    for _ in range(KILLS):
        delay = rng.uniform(0.2, 1.1) * seconds  # most kills land while stages run or write
        proc = _child_build(graph_dir)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_at.append(round(delay, 2))
        finally:
            if proc.stderr is not None:
                proc.stderr.close()
        after = _fingerprint(graph_dir)
        assert after == before, f"graph/ changed after a kill at {delay:.2f} s (seed {seed})"
        store = load_store(load_settings(graph_dir=graph_dir))
        assert len(store) > 1000
    assert killed_at, f"every build finished before its kill (seed {seed}); delays too long"


def _serve(**settings: Path) -> subprocess.CompletedProcess[str]:
    """Start ``cowkg serve`` and expect it to stop by itself; a server that starts is a failure."""
    cmd = [sys.executable, "-m", "cowkg", "serve", "--port", str(free_port())]
    try:
        return subprocess.run(
            cmd, env=_env(**settings), capture_output=True, text=True, timeout=60, cwd=ROOT
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the server started on a bad store ({settings})") from exc


def _assert_clear_error(done: subprocess.CompletedProcess[str], name: str) -> None:
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert name in done.stderr, done.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(None, id="missing"),
        pytest.param(b'<http://a> <http://b> "unterminated', id="truncated"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00garbage", id="binary"),
    ],
)
def test_bad_dataset_file_stops_start_up_with_a_clear_error(
    tmp_path: Path, content: bytes | None
) -> None:
    dataset = tmp_path / "broken.nq"
    if content is not None:
        dataset.write_bytes(content)
    _assert_clear_error(_serve(dataset=dataset), "broken.nq")


@pytest.mark.slow
def test_missing_graph_dir_stops_start_up_with_a_clear_error(tmp_path: Path) -> None:
    done = _serve(graph_dir=tmp_path / "nothing-here")
    _assert_clear_error(done, "nothing-here")
