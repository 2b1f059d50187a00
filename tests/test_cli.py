"""The command line: help for every subcommand, and error exit codes that say what went wrong."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cowkg.cli import build_parser, main

SUBCOMMANDS = ["build", "ontology", "extract", "serve", "bench", "eval"]


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: cowkg " + command in capsys.readouterr().out


def test_bad_setting_exits_2_with_the_key_named(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("COWKG_NOPE", "1")
    assert main(["extract"]) == 2
    assert "COWKG_NOPE" in caplog.text


def test_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cowkg", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("cowkg ")


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_serve_refuses_a_port_that_is_not_one(
    port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["serve", "--port", port])
    assert exit_info.value.code == 2
    assert f"argument --port: {port!r} is not a TCP port: use 1 to 65535" in capsys.readouterr().err


def test_serve_accepts_a_port() -> None:
    assert build_parser().parse_args(["serve", "--port", "65535"]).port == 65535
