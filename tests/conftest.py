"""Shared fixtures: project paths, and a clean COWKG_* environment for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JAVA_LIB = Path("/usr/share/java")
OFFLINE_JAVA = [
    "-Dhttp.proxyHost=127.0.0.1",
    "-Dhttp.proxyPort=9",
    "-Dhttps.proxyHost=127.0.0.1",
    "-Dhttps.proxyPort=9",
    "-Dhttp.nonProxyHosts=localhost|127.0.0.1",
]
"""JVM options that send every non-loopback HTTP(S) fetch to a closed port: a test that passes
with them needs no network (a test server on 127.0.0.1 is still reached)."""


@pytest.fixture(autouse=True)
def _clean_cowkg_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests must not see a developer's COWKG_* settings."""
    import os

    for key in [k for k in os.environ if k.startswith("COWKG_")]:
        monkeypatch.delenv(key)
    yield


@pytest.fixture
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def owlapi_java(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Compile ontology/tools/ProfileCheck.java (OWL API, Debian's libowlapi-java) once; the java
    command line to run it, offline, without its CATALOG and ONTOLOGY arguments."""
    import shutil
    import subprocess

    tools = ROOT / "ontology" / "tools"
    jars = [
        JAVA_LIB / line.strip()
        for line in (tools / "classpath.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    missing = [j.name for j in jars if not j.is_file()]
    if not shutil.which("javac") or missing:
        pytest.skip(
            f"Java 17 and libowlapi-java are needed (`make system-deps`); missing {missing}"
        )
    out = tmp_path_factory.mktemp("profile-check")
    classpath = ":".join(str(j) for j in jars)
    subprocess.run(
        ["javac", "-cp", classpath, "-d", str(out), str(tools / "ProfileCheck.java")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return ["java", *OFFLINE_JAVA, "-cp", f"{out}:{classpath}", "ProfileCheck"]
