"""Smoke check of a running eventex service, run by `make smoke` against the built container.

    SMOKE_URL=http://127.0.0.1:8000 .venv/bin/python tests/container_smoke_check.py

It sends the seed article of the shared materials (../shared/samples, read at
run time, never copied into the repository) to POST /v1/extract and checks what
a client would: each event of the reference answer comes back once, with its
type, and a persisted extraction can be read again from GET /v1/documents/{id}.

Only the standard library is used, so any Python 3.11 runs it. It is not a
pytest module (the name does not start with test_): it needs a live server.
Exit status 0 = pass, 1 = a check failed, 2 = cannot run (no SMOKE_URL, no sample).
"""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", REPO.parent / "shared"))
SAMPLE = "iran-azerbaijan"
# The first request loads nothing new (the pipeline loads at start-up), but a
# cold container on a busy 2-core machine can still be slow.
TIMEOUT_S = 120


class CheckFailed(Exception):
    pass


def call(base_url: str, method: str, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        base_url.rstrip("/") + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace")[:500]
        raise CheckFailed(f"{method} {path} -> HTTP {error.code}: {detail}") from None


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Every place where ``needle`` occurs in ``text``."""
    spans, start = [], text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def trigger_spans(event: dict) -> list[tuple[int, int]]:
    """The event's trigger and the trigger of each of its mentions."""
    triggers = [event["trigger"]] + [mention["trigger"] for mention in event.get("mentions", [])]
    return [(t["start"], t["end"]) for t in triggers]


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match_events(text: str, expected: list[dict], found: list[dict]) -> dict[int, int]:
    """One-to-one match (expected index -> found index) of same-type events whose evidence overlaps.

    Maximum bipartite matching, so that an event found twice cannot stand in for two expected ones.
    """
    candidates = {
        e: [
            f
            for f, event in enumerate(found)
            if event["type"] == want["type"]
            and overlaps(trigger_spans(event), [s for m in want["mentions"] for s in spans_of(text, m)])
        ]
        for e, want in enumerate(expected)
    }
    owner: dict[int, int] = {}  # found index -> expected index

    def assign(e: int, seen: set[int]) -> bool:
        for f in candidates[e]:
            if f not in seen:
                seen.add(f)
                if f not in owner or assign(owner[f], seen):
                    owner[f] = e
                    return True
        return False

    for e in candidates:
        assign(e, set())
    return {e: f for f, e in owner.items()}


def check_events(text: str, gold: dict, events: list[dict], where: str) -> None:
    expected = gold["events"]
    want_types = Counter(event["type"] for event in expected)
    got_types = Counter(event["type"] for event in events)
    if got_types != want_types:
        raise CheckFailed(f"{where}: event types {dict(got_types)}, expected {dict(want_types)}")
    matched = match_events(text, expected, events)
    missing = [
        f"{want['type']} ({want['mentions'][0][:60]!r}...)" for e, want in enumerate(expected) if e not in matched
    ]
    if missing:
        raise CheckFailed(f"{where}: no event whose trigger falls in the reported text for: " + "; ".join(missing))


def run(base_url: str) -> None:
    text = (SHARED_DIR / "samples" / f"{SAMPLE}.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED_DIR / "samples" / f"{SAMPLE}.gold.json").read_text(encoding="utf-8"))
    request = {"text": text, "published_at": gold["published_at"]}

    extracted = call(base_url, "POST", "/v1/extract", request)
    check_events(text, gold, extracted["events"], "POST /v1/extract")
    print(f"ok: POST /v1/extract returned the {len(gold['events'])} expected events")

    persisted = call(base_url, "POST", "/v1/extract", {**request, "persist": True})
    doc_id = persisted["document"]["id"]
    if doc_id is None:
        raise CheckFailed("POST /v1/extract with persist: true returned document.id null")
    stored = call(base_url, "GET", f"/v1/documents/{doc_id}")
    if stored["text"] != text:
        raise CheckFailed(f"GET /v1/documents/{doc_id} returned another text than the one sent")
    check_events(text, gold, stored["events"], f"GET /v1/documents/{doc_id}")
    print(f"ok: persist: true stored document {doc_id}, and GET /v1/documents/{doc_id} returns its events")


def main() -> int:
    base_url = os.environ.get("SMOKE_URL")
    if not base_url:
        print("container_smoke_check: set SMOKE_URL to the service's base address", file=sys.stderr)
        return 2
    if not (SHARED_DIR / "samples" / f"{SAMPLE}.txt").is_file():
        print(f"container_smoke_check: sample {SAMPLE} not found under {SHARED_DIR}/samples", file=sys.stderr)
        return 2
    try:
        run(base_url)
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
