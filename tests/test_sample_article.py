"""The seed article through HTTP: its five events with their key facts (types, countries, dates)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
SAMPLE = SHARED_DIR / "samples" / "iran-azerbaijan.txt"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def sample() -> tuple[str, str]:
    if not SAMPLE.is_file():
        reason = f"the shared sample {SAMPLE} is absent; set EVENTEX_SHARED to the shared folder"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    gold = json.loads(SAMPLE.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    return SAMPLE.read_text(encoding="utf-8"), gold["published_at"]


def _countries(event: dict) -> set[str]:
    return {p["country"] for p in event["participants"] if p["country"]}


def test_sample_article_key_facts(sqlite_client, sample):
    text, published_at = sample
    response = sqlite_client.post("/v1/extract", json={"text": text, "published_at": published_at})
    assert response.status_code == 200
    events = response.json()["events"]
    assert sorted(e["type"] for e in events) == ["agreement", "exercise", "exercise", "meeting", "meeting"]

    meetings = {e["date"]["value"]: e for e in events if e["type"] == "meeting"}
    assert set(meetings) == {"2021-11-28", "2022-01-26"}
    assert _countries(meetings["2021-11-28"]) == {"IRN", "AZE"}
    visit = meetings["2022-01-26"]
    assert _countries(visit) == {"IRN", "AZE"}
    assert {p["name"] for p in visit["participants"] if p["kind"] == "person" and p["name"]} >= {"Ebrahim Raisi", "Zakir Hasanov"}
    assert len({m["sentence"]["start"] for m in visit["mentions"]}) == 4  # one visit, reported in four sentences

    exercises = sorted((e for e in events if e["type"] == "exercise"), key=lambda e: e["trigger"]["start"])
    assert [_countries(e) for e in exercises] == [{"AZE", "TUR", "PAK"}, {"IRN"}]
    assert exercises[0]["date"]["value"] == "2021-09" and exercises[0]["date"]["modifier"] == "early"

    agreement = next(e for e in events if e["type"] == "agreement")
    assert _countries(agreement) == {"TKM", "AZE", "IRN"}
    assert agreement["date"]["value"] == "2021-11-28"

    for event in events:
        for mention in event["mentions"]:
            trigger = mention["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
