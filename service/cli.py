"""The ``eventex`` command: serve the API, migrate the database, print the OpenAPI spec, extract."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return int(args.run(args) or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventex", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP API with uvicorn")
    serve.add_argument("--host", help="address to listen on (default: EVENTEX_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: EVENTEX_PORT or 8000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes, each with its own pipeline")
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser("migrate", help="bring the database (DATABASE_URL) to the latest schema")
    migrate.set_defaults(run=_migrate)

    openapi = commands.add_parser("openapi", help="print the OpenAPI spec as YAML")
    openapi.set_defaults(run=_openapi)

    extract = commands.add_parser(
        "extract",
        help="print the events of one article as the API's JSON response, or, with --input, "
        "of a JSON-lines file of articles (bulk mode)",
    )
    extract.add_argument("file", nargs="?", help="UTF-8 text file, or - for standard input")
    extract.add_argument("--published-at", help="publication date (2021-09-30) or datetime with time zone")
    extract.add_argument("--input", type=Path, help="bulk mode: JSON lines, one POST /v1/extract body each")
    extract.add_argument(
        "--output", type=Path, help="bulk mode: JSON lines, one response each; documents already in it are skipped"
    )
    extract.add_argument("--processes", type=int, help="bulk mode: worker processes (default: one per core)")
    extract.add_argument("--persist", action="store_true", help="bulk mode: also store each document (DATABASE_URL)")
    extract.set_defaults(run=_extract)
    return parser


# Variables read by the math libraries spaCy's dependencies may load (OpenBLAS through numpy, MKL,
# OpenMP, BLIS, torch's intra-op pool), each at the moment it is loaded.
MATH_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def one_math_thread_per_process() -> None:
    """Have the math libraries of this process and of the ones it starts use a single thread each.

    eventex parallelizes by processes: one pipeline per worker (or bulk process), one per core,
    and each runs one extraction at a time. A library that sizes its own thread pool to the
    machine's cores (OpenBLAS does, from the host's count, not a container's CPU limit) would
    give N workers N x cores threads competing for N cores. The model's matrices are small, so a
    pool would not help one extraction anyway. It is set always, not only with several workers:
    a replica with one worker shares its node with other replicas. A value the operator has set
    is kept. The variables only take effect if set before the libraries load (numpy is not loaded
    yet when ``serve`` or bulk mode starts; workers are started afresh and inherit them).
    """
    for variable in MATH_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")


def _serve(args: argparse.Namespace) -> int:
    one_math_thread_per_process()
    import uvicorn

    from service.settings import get_settings

    settings = get_settings()
    with _metrics_shared_by_workers(args.workers):
        uvicorn.run(
            "service.api.app:create_app",
            factory=True,
            host=args.host or settings.host,
            port=args.port or settings.port,
            workers=args.workers,
        )
    return 0


@contextlib.contextmanager
def _metrics_shared_by_workers(workers: int) -> Iterator[None]:
    """With several workers, have their metrics written where GET /metrics adds them up.

    prometheus-client reads PROMETHEUS_MULTIPROC_DIR when the metrics are created, so it is set
    here, before uvicorn starts the workers. A directory given by the operator is emptied first
    (counts left by an earlier run would be added in); otherwise a temporary one is used.
    """
    variable = "PROMETHEUS_MULTIPROC_DIR"
    if workers <= 1 and not os.environ.get(variable):
        yield
        return
    given = os.environ.get(variable)
    if given:
        for leftover in Path(given).glob("*.db"):
            leftover.unlink()
        yield
        return
    with tempfile.TemporaryDirectory(prefix="eventex-metrics-") as directory:
        os.environ[variable] = directory
        try:
            yield
        finally:
            del os.environ[variable]


def _migrate(_args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from service.storage.migrations import upgrade

    try:
        upgrade("head")
    except OperationalError as exc:
        print(f"eventex migrate: cannot use the database: {exc.orig}", file=sys.stderr)
        return 1
    print("eventex migrate: the database schema is up to date", file=sys.stderr)
    return 0


def openapi_yaml() -> str:
    import yaml

    from service.api import create_app

    return yaml.safe_dump(create_app().openapi(), sort_keys=False, allow_unicode=True)


def _openapi(_args: argparse.Namespace) -> int:
    sys.stdout.write(openapi_yaml())
    return 0


def _extract(args: argparse.Namespace) -> int:
    if args.input is not None:
        return _extract_bulk(args)
    if args.file is None:
        print("eventex extract: give a FILE (or -), or --input and --output for bulk mode", file=sys.stderr)
        return 2
    if args.output is not None or args.processes is not None or args.persist:
        print("eventex extract: --output, --processes and --persist go with --input", file=sys.stderr)
        return 2
    from service.api.routes.extract import extract_response
    from service.api.schemas import ExtractRequest
    from service.extraction import Extractor
    from service.settings import get_settings

    if args.file == "-":
        text = sys.stdin.buffer.read().decode("utf-8")
    else:
        with open(args.file, encoding="utf-8") as handle:
            text = handle.read()
    try:
        request = ExtractRequest(text=text, published_at=args.published_at)
    except ValidationError as exc:
        for error in exc.errors():
            print(f"eventex extract: {'.'.join(map(str, error['loc']))}: {error['msg']}", file=sys.stderr)
        return 2
    response = extract_response(Extractor(get_settings().spacy_model), request)
    sys.stdout.write(response.model_dump_json(indent=2) + "\n")
    return 0


def _extract_bulk(args: argparse.Namespace) -> int:
    one_math_thread_per_process()
    from service.bulk import UnreadableOutput, default_processes, run_bulk

    if args.file is not None or args.published_at is not None:
        print("eventex extract: with --input, each line carries its own text and published_at", file=sys.stderr)
        return 2
    if args.output is None:
        print("eventex extract: --input needs --output", file=sys.stderr)
        return 2
    if not args.input.is_file():
        print(f"eventex extract: {args.input}: no such file", file=sys.stderr)
        return 2
    try:
        summary = run_bulk(
            args.input,
            args.output,
            processes=args.processes or default_processes(),
            persist=args.persist,
            progress=sys.stderr if sys.stderr.isatty() else None,
        )
    except UnreadableOutput as exc:
        print(f"eventex extract: {exc}", file=sys.stderr)
        return 2
    rate = summary.written / summary.seconds if summary.seconds else 0.0
    print(
        f"eventex extract: {summary.written} written, {summary.skipped} already in {args.output}, "
        f"{summary.failed} invalid, in {summary.seconds:.1f} s ({rate:.1f} documents/s)",
        file=sys.stderr,
    )
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
