"""Real news through the whole service: the shared VOA stories persisted and queried over HTTP."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", REPOSITORY.parent / "shared"))
CORPUS = SHARED_DIR / "corpus" / "voa-stories.jsonl"
# Extraction costs about half a second a story: a spread-out sample keeps the test quick.
SAMPLE_EVERY = 6


@pytest.fixture(scope="module")
def stories() -> list[dict]:
    if not CORPUS.is_file():
        reason = f"the shared corpus is absent ({CORPUS}); set EVENTEX_SHARED to the shared folder"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines][::SAMPLE_EVERY]


def persist_all(client, stories) -> dict[str, dict]:
    results = {}
    for story in stories:
        response = client.post(
            "/v1/extract",
            json={"text": story["text"], "published_at": story["published"], "external_id": f"voa-{story['id']}",
                  "url": story["url"], "title": story["title"], "source": "VOA", "persist": True},
        )
        assert response.status_code == 200, (story["id"], response.text)
        results[story["id"]] = response.json()
    return results


def test_stories_persist_and_query_consistently(client, stories):
    results = persist_all(client, stories)
    events = [(result["document"]["id"], event) for result in results.values() for event in result["events"]]
    assert events, "the extractor found no event in any story"

    for story in stories:
        result = results[story["id"]]
        for event in result["events"]:
            for span in [event["trigger"]] + [mention["trigger"] for mention in event["mentions"]]:
                assert story["text"][span["start"]:span["end"]] == span["text"]
        for timex in result["temporal_expressions"]:
            assert story["text"][timex["start"]:timex["end"]] == timex["text"]
        stored = client.get(f"/v1/documents/{result['document']['id']}").json()
        assert stored["events"] == result["events"]

    for document_id, event in events[:40]:
        assert client.get(f"/v1/events/{event['id']}").json() == {"document_id": document_id, "event": event}

    listed, cursor = [], None
    while True:
        page = client.get("/v1/events", params={"limit": 37} | ({"cursor": cursor} if cursor else {})).json()
        listed += [(item["document_id"], item["event"]["id"]) for item in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert sorted(listed) == sorted((document_id, event["id"]) for document_id, event in events)

    by_type = Counter(event["type"] for _, event in events)
    for event_type, expected in by_type.items():
        page = client.get("/v1/events", params={"type": event_type, "limit": 500}).json()
        assert len(page["items"]) == expected

    by_country = Counter(
        country for _, event in events for country in {p["country"] for p in event["participants"] if p["country"]}
    )
    for country, expected in by_country.most_common(5):
        items = client.get("/v1/events", params={"country": country, "limit": 500}).json()["items"]
        assert len(items) == expected
        assert all(country in {p["country"] for p in item["event"]["participants"]} for item in items)

    # Sending the whole corpus again replaces every document in place.
    again = persist_all(client, stories[:4])
    assert {key: result["document"]["id"] for key, result in again.items()} == {
        key: results[key]["document"]["id"] for key in again
    }
    assert len(client.get("/v1/events", params={"limit": 500}).json()["items"]) == len(events)
