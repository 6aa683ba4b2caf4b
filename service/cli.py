"""The ``eventex`` command: serve the API, migrate the database, print the OpenAPI spec, extract."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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

    extract = commands.add_parser("extract", help="print the events of one article as the API's JSON response")
    extract.add_argument("file", help="UTF-8 text file, or - for standard input")
    extract.add_argument("--published-at", help="publication date (2021-09-30) or datetime with time zone")
    extract.set_defaults(run=_extract)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        "service.api.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
    )
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
