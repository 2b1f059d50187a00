"""One command, ``cowkg`` (also ``python -m cowkg``), with a subcommand per stage.

Data goes to stdout, progress and warnings to stderr. Exit codes: 0 success, 1 the graph does not
conform to the shapes, 2 any other error (the message says what and where).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from cowkg import __version__
from cowkg.errors import CowkgError
from cowkg.settings import Settings, load_settings

log = logging.getLogger("cowkg")


def _cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.ontology import build_release
    from cowkg.pipeline import build

    build_release(settings, force=args.force)
    report = build(settings, force=args.force)
    sys.stdout.write(report.format() + "\n")
    return 0


def _cmd_ontology(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.ontology import build_release

    for path in build_release(settings, force=args.force):
        sys.stdout.write(f"{path}\n")
    return 0


def _cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.pipeline import extract_facts

    for line in extract_facts(settings, seeds=args.seed):
        sys.stdout.write(line + "\n")
    return 0


def _port(text: str) -> int:
    """A TCP port for ``--port``; anything else is refused by argparse (exit 2, named), where
    uvicorn would otherwise log the number and bind a port the system picks."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port: use 1 to 65535")
    return port


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.serve.app import run

    run(
        settings.model_copy(
            update={"host": args.host or settings.host, "port": args.port or settings.port}
        )
    )
    return 0


def _cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.bench import main as bench_main

    return bench_main(args.bench_args, settings)


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from cowkg.evaluate.report import run

    return run(settings, args.directory)


class _BenchArgs(argparse.Action):
    """Collects the benchmark's options; ``-h``/``--help`` prints the benchmark's own help."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        args = list(values) if isinstance(values, list) else []
        if args[:1] in (["-h"], ["--help"]):
            from cowkg.bench import build_parser as bench_parser

            bench_parser().print_help()
            parser.exit()
        setattr(namespace, self.dest, args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every option's help gives its default and effect."""
    parser = argparse.ArgumentParser(
        prog="cowkg",
        description="Build and serve the Coalition of the Willing knowledge graph. "
        "Settings come from COWKG_* environment variables (see README).",
    )
    parser.add_argument("--version", action="version", version=f"cowkg {__version__}")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level (default: INFO)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build ontology renderings and the graph into graph/")
    p.add_argument(
        "--force", action="store_true", help="rebuild even if nothing changed (default: off)"
    )
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser(
        "ontology", help="check the ontology (QC queries), regenerate its RDF/XML, JSON-LD and HTML"
    )
    p.add_argument(
        "--force", action="store_true", help="regenerate even if up to date (default: off)"
    )
    p.set_defaults(func=_cmd_ontology)

    p = sub.add_parser(
        "extract", help="print the facts extracted from the seeds, one JSON per line"
    )
    p.add_argument("seed", nargs="*", help="seed file names to extract (default: all in seeds/)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("serve", help="serve the graph over HTTP (SPARQL 1.1, linked data, exports)")
    p.add_argument("--host", help="interface to listen on (default: COWKG_HOST or 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port to listen on (default: COWKG_PORT or 8000)")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser(
        "eval",
        help="build the seeds plus the development corpus in var/eval/ and score the facts "
        "against its gold; prints a table, writes var/eval.json",
    )
    p.add_argument(
        "directory",
        nargs="?",
        type=Path,
        help="folder of the articles and gold-*.yaml (default: COWKG_ARTICLES_DIR or "
        "../shared/articles)",
    )
    p.set_defaults(func=_cmd_eval)

    # prefix_chars="+": the benchmark's own options (--sizes ...) pass through untouched to
    # cowkg.bench, which parses them (and answers `cowkg bench --help`).
    p = sub.add_parser(
        "bench",
        help="run the benchmarks; prints a table, writes var/bench.json (cowkg bench --help)",
        prefix_chars="+",
        add_help=False,
    )
    p.add_argument(
        "bench_args",
        nargs=argparse.REMAINDER,
        action=_BenchArgs,
        help="options passed to the benchmark",
    )
    p.set_defaults(func=_cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        settings = load_settings()
        code: int = args.func(args, settings)
        return code
    except CowkgError as exc:
        log.error("%s", exc)
        return exc.exit_code
