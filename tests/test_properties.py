"""Any text in, valid events out: properties of the extractor and of POST /v1/extract.

Whatever the text (control characters, NUL, right-to-left scripts, emoji, combining marks,
HTML, no punctuation at all), the answer is events whose every offset lies inside the text and
quotes it exactly, or a clear 4xx; never an exception; and each text is handled in bounded time.
Set EVENTEX_PROPERTY_EXAMPLES to try more texts locally.
"""
from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.extraction.models import Extraction

# Generous: a short text takes tens of milliseconds; CI machines are busy.
SECONDS_PER_SHORT_TEXT = 10

# Sentences of news about meetings, exercises and agreements, so that generated texts do produce
# events whose offsets can be checked; the odd characters and random text get in their way.
COUNTRIES = st.sampled_from(["Kenya", "Uganda", "Peru", "Chile", "the United States", "China", "Japan", "Egypt"])
HAPPENINGS = st.sampled_from(
    ["met", "will meet", "held talks", "signed an agreement", "agreed to a trade deal",
     "held a joint military exercise", "began naval drills", "did not meet"]
)
WHEN = st.sampled_from(["on Monday", "last week", "next month", "on March 3, 2021", "in 2019", "", "yesterday"])
NEWS_SENTENCE = st.builds(
    lambda first, second, happening, when, place: f"{first} and {second} {happening} in {place} {when}.",
    COUNTRIES, COUNTRIES, HAPPENINGS, WHEN, st.sampled_from(["Nairobi", "Lima", "Geneva", "the capital"]),
)
ODD_CHARACTERS = st.sampled_from(
    [
        "\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd", "\t", "\r\n", "\n\n",
        "\u0301", "\u0308", "\u20dd", "🙂", "🇰🇪", "👩‍👩‍👧", "中", "ش", "ש", "अ", "<p>", "</b>", "&amp;", "\"", "(",
    ]
)
NEWS_LIKE_TEXT = st.lists(
    st.one_of(NEWS_SENTENCE, ODD_CHARACTERS, st.text(max_size=4)), min_size=1, max_size=12
).map(" ".join)
# Anything Unicode allows in a Python string except lone surrogates (they are tested separately).
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=400)
TEXTS = st.one_of(NEWS_LIKE_TEXT, ANY_TEXT)


def offset_problems(text: str, extraction: dict) -> list[str]:
    """Every span of an extraction (as JSON) that does not quote ``text`` exactly at its offsets."""
    problems = []

    def check_span(where: str, span: dict) -> None:
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(text):
            problems.append(f"{where}: [{start}, {end}) outside a text of {len(text)}")
        elif text[start:end] != span["text"]:
            problems.append(f"{where}: {text[start:end]!r} != {span['text']!r}")

    for n, event in enumerate(extraction["events"]):
        check_span(f"event {n} trigger", event["trigger"])
        for m, mention in enumerate(event["mentions"]):
            check_span(f"event {n} mention {m}", mention["trigger"])
            sentence = mention["sentence"]
            if not 0 <= sentence["start"] <= mention["trigger"]["start"] < mention["trigger"]["end"] <= sentence["end"] <= len(text):
                problems.append(f"event {n} mention {m}: trigger outside its sentence {sentence}")
        for p, participant in enumerate(event["participants"]):
            for m, mention in enumerate(participant["mentions"]):
                check_span(f"event {n} participant {p} mention {m}", mention)
    for n, timex in enumerate(extraction["temporal_expressions"]):
        check_span(f"temporal expression {n}", timex)
    return problems


def extract_timed(extractor, text: str, published_at=None) -> tuple[dict, float]:
    started = time.monotonic()
    result: Extraction = extractor.extract(text, published_at)
    return result.model_dump(mode="json"), time.monotonic() - started


PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("EVENTEX_PROPERTY_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(text=TEXTS, published_at=st.none() | st.dates())
def test_the_extractor_gives_valid_offsets_for_any_text(extractor, text, published_at):
    extraction, took = extract_timed(extractor, text, published_at)
    assert offset_problems(text, extraction) == []
    assert took < SECONDS_PER_SHORT_TEXT


def test_the_news_like_texts_do_produce_events(extractor):
    """Guards the property above: it checks offsets only if some generated texts have events."""
    with_events = 0

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(text=NEWS_LIKE_TEXT)
    def count(text):
        nonlocal with_events
        with_events += bool(extractor.extract(text).events)

    count()
    assert with_events >= 5


@PROPERTY_SETTINGS
@given(text=TEXTS)
def test_the_api_answers_any_text_with_events_or_a_clear_422(sqlite_client, text):
    response = sqlite_client.post("/v1/extract", json={"text": text})
    if not text.strip():
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "text"]
        return
    assert response.status_code == 200, response.text
    assert offset_problems(text, response.json()) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.text(max_size=20),
    surrogate=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    after=st.text(max_size=20),
)
def test_lone_surrogates_are_refused_cleanly(sqlite_client, before, surrogate, after):
    # json.dumps escapes them as \udxxx, which is valid JSON but names no character.
    body = json.dumps({"text": f"{before}{surrogate}{after}"})
    response = sqlite_client.post("/v1/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["body", "text"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300))
def test_arbitrary_bytes_as_a_json_body_get_a_4xx(sqlite_client, body):
    response = sqlite_client.post("/v1/extract", content=body, headers={"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == "application/problem+json"


def one_word_of_a_megabyte() -> str:
    return "x" * 999_900  # with the rest of the request, just under the default 1 MB limit


UNPUNCTUATED = " ".join(["officials of Peru and Chile met in Lima on Monday to talk about fishing"] * 150)

EXTREME_TEXTS = {
    "a megabyte of one word": one_word_of_a_megabyte(),
    "html markup": "<div class='story'><p>Peru and Chile <b>signed</b> a fishing agreement in Lima.</p></div>\n" * 300,
    "right-to-left with english": "وقال المتحدث " * 300 + "Peru and Chile met in Lima on Monday. " + "שלום עולם " * 300,
    "emoji and flags": "🙂🇵🇪🇨🇱 " * 2_000 + "Peru and Chile met in Lima on Monday.",
    "combining marks": "Pe\u0301ru\u0308 and Chi\u0301le met in Lima\u20dd on Monday. " * 200,
    "control characters and nul": "Peru\x00 and\x07 Chile\x1b met\x7f in Lima on\x0b Monday.\x0c " * 200,
    "a long sentence without punctuation": UNPUNCTUATED,
}


@pytest.mark.parametrize("text", EXTREME_TEXTS.values(), ids=EXTREME_TEXTS.keys())
def test_extreme_texts_get_valid_answers_in_bounded_time(sqlite_client, text):
    started = time.monotonic()
    response = sqlite_client.post("/v1/extract", json={"text": text, "published_at": "2024-02-05"})
    took = time.monotonic() - started
    assert response.status_code == 200, response.text[:500]
    assert offset_problems(text, response.json()) == []
    assert took < 60, f"took {took:.0f}s"


@pytest.mark.parametrize("blank", [" ", "\n\n\t", "\u00a0\u3000\u2003", "\x1c\x1d\x1e\x1f", " " * 100_000])
def test_whitespace_only_is_a_clear_422(sqlite_client, blank):
    response = sqlite_client.post("/v1/extract", json={"text": blank})
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


def test_time_grows_about_linearly_with_the_text(extractor):
    """Per-trigger scans of the whole document once made 4x the text take ~20x the time."""
    sentence = "officials of Peru and Chile met in Lima on Monday to talk about fishing"
    # The best of two runs each, to keep a busy machine's noise out of the ratio.
    small = min(extract_timed(extractor, " ".join([sentence] * 100))[1] for _ in range(2))
    large = min(extract_timed(extractor, " ".join([sentence] * 400))[1] for _ in range(2))
    assert large < 8 * small, f"4x the text took {large / small:.1f}x the time ({small:.1f}s -> {large:.1f}s)"
