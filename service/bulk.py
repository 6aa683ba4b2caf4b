"""Bulk mode: the events of a JSON-lines file of articles, written as a JSON-lines file of results.

``eventex extract --input articles.jsonl --output events.jsonl [--processes N] [--persist]``

Each input line is a JSON object with the fields of a ``POST /v1/extract`` body (``text``,
``published_at``, ``external_id``, ``url``, ``title``, ``source``, ``language``); ``id`` and
``published`` stand for ``external_id`` and ``published_at`` when those are absent, and other
fields are ignored, so news dumps can be fed as they are. Each output line is the API's response
for one article, in input order.

Resuming: documents already in the output file (same ``external_id``, or without one the same
text and date, as storage decides sameness) are skipped, so a run that stopped for any reason is
simply started again. A last line cut short by the stop is dropped first.

The articles are parsed in batches by ``processes`` worker processes, each with its own pipeline.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from service.api.schemas import ExtractRequest, anchor_date
from service.storage.documents import dedup_key

# Articles per nlp.pipe call in a worker; also how often results are written and progress shown.
BATCH_SIZE = 8
# Batches handed to each worker ahead of time: enough to keep it busy, few enough to bound memory.
BATCHES_AHEAD_PER_PROCESS = 2
# Accepted for the request's own field names when those are absent.
FIELD_ALIASES = {"id": "external_id", "published": "published_at"}
REQUEST_FIELDS = ("text", "published_at", "external_id", "url", "title", "source", "language")


class UnreadableOutput(Exception):
    """The output file holds a line that is no result of ours, so it cannot be resumed from."""


@dataclass
class BulkSummary:
    """What a run did: documents written, skipped as already written, and invalid input lines."""

    written: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0


def run_bulk(
    input_path: Path,
    output_path: Path,
    *,
    processes: int,
    persist: bool,
    progress: IO[str] | None = None,
    errors: IO[str] | None = None,
) -> BulkSummary:
    """Extract every article of ``input_path`` not yet in ``output_path`` and append its result there.

    ``progress`` (a terminal) gets a progress line with rate and ETA; invalid input lines are
    reported on ``errors`` (standard error by default) with their line number and counted as failed.
    """
    errors = errors or sys.stderr
    started = time.perf_counter()
    summary = BulkSummary()
    done = _keys_already_written(output_path)
    total = _count_lines(input_path)
    bar = _ProgressLine(progress, total) if progress is not None else None

    def pending_batches() -> Iterator[list[ExtractRequest]]:
        batch: list[ExtractRequest] = []
        for number, request in _read_requests(input_path, errors, summary):
            key = _document_key(request)
            if key in done:
                summary.skipped += 1
                continue
            done.add(key)  # the same document twice in the input is extracted once
            batch.append(request)
            if len(batch) == BATCH_SIZE:
                yield batch
                batch = []
        if batch:
            yield batch

    with open(output_path, "a", encoding="utf-8") as output:

        def write(lines: list[str]) -> None:
            output.writelines(line + "\n" for line in lines)
            output.flush()  # what is written survives a stop, for the next run to skip
            summary.written += len(lines)
            if bar is not None:
                bar.show(summary)

        if processes <= 1:
            _start_worker(persist)
            for batch in pending_batches():
                write(_extract_batch(batch))
        else:
            # spawn: each worker starts clean and loads its own pipeline, whatever this process holds.
            context = multiprocessing.get_context("spawn")
            with context.Pool(processes, initializer=_start_worker, initargs=(persist,)) as pool:
                in_flight: deque[Any] = deque()
                for batch in pending_batches():
                    in_flight.append(pool.apply_async(_extract_batch, (batch,)))
                    if len(in_flight) >= processes * BATCHES_AHEAD_PER_PROCESS:
                        write(in_flight.popleft().get())
                while in_flight:
                    write(in_flight.popleft().get())
    if bar is not None:
        bar.finish(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def request_from_line(line: str) -> ExtractRequest:
    """An input line as an extraction request; raises ValueError (or ValidationError) when it is not one."""
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("the line is not a JSON object")
    for alias, field in FIELD_ALIASES.items():
        if field not in record and record.get(alias) is not None:
            record[field] = str(record[alias]) if field == "external_id" else record[alias]
    return ExtractRequest(**{field: record[field] for field in REQUEST_FIELDS if field in record})


def _read_requests(path: Path, errors: IO[str], summary: BulkSummary) -> Iterator[tuple[int, ExtractRequest]]:
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, request_from_line(line)
            except ValidationError as exc:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                print(f"eventex extract: {path}:{number}: {problems}", file=errors)
                summary.failed += 1
            except ValueError as exc:
                print(f"eventex extract: {path}:{number}: {exc}", file=errors)
                summary.failed += 1


def _document_key(request: ExtractRequest) -> str:
    return dedup_key(
        external_id=request.external_id,
        content_sha256=hashlib.sha256(request.text.encode("utf-8")).hexdigest(),
        published_at=anchor_date(request.published_at),
    )


def _keys_already_written(output_path: Path) -> set[str]:
    if not output_path.exists():
        return set()
    _drop_cut_last_line(output_path)
    keys = set()
    with open(output_path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                document = json.loads(line)["document"]
                published_at = document["published_at"]
                keys.add(
                    dedup_key(
                        external_id=document["external_id"],
                        content_sha256=document["content_sha256"],
                        published_at=date.fromisoformat(published_at) if published_at else None,
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise UnreadableOutput(
                    f"{output_path}:{number} is not a result of eventex extract ({exc!r}); "
                    "give another --output, or remove that line"
                ) from None
    return keys


def _drop_cut_last_line(path: Path) -> None:
    with open(path, "rb+") as handle:
        content = handle.read()
        if content and not content.endswith(b"\n"):
            handle.truncate(content.rfind(b"\n") + 1)


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


# --------------------------------------------------------------------------- in each worker process

_worker: dict[str, Any] = {}


def _start_worker(persist: bool) -> None:
    from service.extraction import Extractor
    from service.settings import get_settings

    settings = get_settings()
    _worker["extractor"] = Extractor(settings.spacy_model)
    _worker["session_factory"] = None
    if persist:
        from service.storage.database import make_engine, make_session_factory

        _worker["session_factory"] = make_session_factory(make_engine(settings.database_url))


def _extract_batch(requests: list[ExtractRequest]) -> list[str]:
    from service.api.routes.extract import extract_responses, persist_response

    responses = extract_responses(_worker["extractor"], requests)
    session_factory = _worker["session_factory"]
    if session_factory is not None:
        with session_factory() as db_session:
            responses = [persist_response(db_session, r, response) for r, response in zip(requests, responses)]
    return [response.model_dump_json() for response in responses]


# --------------------------------------------------------------------------- progress on a terminal


class _ProgressLine:
    """``  40/89 documents  45%  3.1 docs/s  ETA 0:00:16``, redrawn in place."""

    def __init__(self, stream: IO[str], total: int) -> None:
        self.stream = stream
        self.total = total
        self.started = time.perf_counter()

    def show(self, summary: BulkSummary) -> None:
        handled = summary.written + summary.skipped + summary.failed
        elapsed = time.perf_counter() - self.started
        rate = summary.written / elapsed if elapsed > 0 else 0.0
        remaining = max(self.total - handled, 0)
        eta = _clock(remaining / rate) if rate > 0 else "?"
        percent = 100 * handled / self.total if self.total else 100
        self.stream.write(
            f"\r{handled:>{len(str(self.total))}}/{self.total} documents {percent:3.0f}%  {rate:.1f} docs/s  ETA {eta} "
        )
        self.stream.flush()

    def finish(self, summary: BulkSummary) -> None:
        self.show(summary)
        self.stream.write("\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def default_processes() -> int:
    return os.cpu_count() or 1
