#!/usr/bin/env python3
"""Check the hand-made reference answers in bench/cases/ against their source stories.

Each bench/cases/voa-<id>.gold.json quotes only short mention strings; the story
text stays in the read-only corpus and is fetched here by source.id. A case with
its own text beside it (NAME.txt + NAME.gold.json, as in bench/cases-written/)
is checked against that text instead and needs a published_at date. A case is
wrong when a mention is not an exact substring of its story, an event type is
unknown, a country is not an ISO 3166-1 alpha-3 code, a date value is not ISO
8601, or published_at disagrees with the story's publication date. Mentions
that occur more than once in the story are reported as warnings, since the
scorer then matches every occurrence.

Usage: .venv/bin/python bench/check_cases.py [--cases DIR] [--corpus FILE]
       .venv/bin/python bench/check_cases.py --cases bench/cases-written
Exit status: 0 all good, 1 some case is wrong, 2 the corpus cannot be read.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
from pathlib import Path

import pycountry

EVENT_TYPES = {"meeting", "exercise", "agreement"}
MAX_MENTION_LENGTH = 120
# Kosovo has no ISO 3166-1 code; XKX is the user-assigned code in common use.
EXTRA_COUNTRY_CODES = {"XKX"}
COUNTRY_CODES = {country.alpha_3 for country in pycountry.countries} | EXTRA_COUNTRY_CODES

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_CASES = REPOSITORY / "bench" / "cases"
# The read-only shared materials lie beside the repository (CI lays a copy there too).
SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", REPOSITORY.parent / "shared"))
DEFAULT_CORPUS = SHARED_DIR / "corpus" / "voa-stories.jsonl"


def is_iso_date_value(value: str) -> bool:
    """True for the ISO 8601 precisions the guidelines allow: year, month, day, ISO week."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return True
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return 1 <= int(value[5:]) <= 12
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return True
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            datetime.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return True
    except ValueError:
        return False
    return False


def load_stories(corpus: Path) -> dict[str, dict]:
    """The stories of a JSON-lines corpus by their id (as a string)."""
    stories = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                story = json.loads(line)
                stories[str(story["id"])] = story
    return stories


def check_event(event: dict, text: str, where: str, errors: list[str], warnings: list[str]) -> None:
    if event.get("type") not in EVENT_TYPES:
        errors.append(f"{where}: type {event.get('type')!r} is not one of {sorted(EVENT_TYPES)}")
    mentions = event.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        errors.append(f"{where}: needs a non-empty list of mentions")
        mentions = []
    for mention in mentions:
        if not isinstance(mention, str) or mention not in text:
            errors.append(f"{where}: mention not in the story text: {mention!r}")
            continue
        if len(mention) > MAX_MENTION_LENGTH:
            errors.append(f"{where}: mention longer than {MAX_MENTION_LENGTH} characters: {mention!r}")
        occurrences = text.count(mention)
        if occurrences > 1:
            warnings.append(f"{where}: mention occurs {occurrences} times: {mention!r}")
    for code in event.get("countries", []):
        if code not in COUNTRY_CODES:
            errors.append(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 country code")
    persons = event.get("persons", [])
    if not isinstance(persons, list) or not all(isinstance(name, str) and name.strip() for name in persons):
        errors.append(f"{where}: persons must be a list of names")
    if "optional" in event and not isinstance(event["optional"], bool):
        errors.append(f"{where}: optional must be true or false")
    date = event.get("date")
    if date is None:
        return
    accept = date.get("accept") if isinstance(date, dict) else None
    if not isinstance(accept, list) or not accept:
        errors.append(f"{where}: date must be null or have a non-empty accept list")
        return
    for value in accept:
        if value is not None and not (isinstance(value, str) and is_iso_date_value(value)):
            errors.append(f"{where}: date value {value!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) or null")


def text_beside(gold_path: Path) -> Path:
    """NAME.txt for NAME.gold.json: the article of a case that carries its own text."""
    return gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")


def check_case(path: Path, stories: dict[str, dict], errors: list[str], warnings: list[str]) -> int:
    """Check one reference file; returns its number of events."""
    try:
        case = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        errors.append(f"{path.name}: not valid JSON: {error}")
        return 0
    if text_beside(path).exists():
        return check_case_with_text(path, case, errors, warnings)
    story_id = str((case.get("source") or {}).get("id", ""))
    story = stories.get(story_id)
    if story is None:
        errors.append(f"{path.name}: source.id {story_id!r} is not in the corpus")
        return 0
    if path.name != f"voa-{story_id}.gold.json":
        errors.append(f"{path.name}: file name should be voa-{story_id}.gold.json")
    published = story["published"][:10]
    if case.get("published_at") != published:
        errors.append(f"{path.name}: published_at {case.get('published_at')!r}, the story says {published!r}")
    if case.get("title") != story.get("title"):
        errors.append(f"{path.name}: title differs from the story's title {story.get('title')!r}")
    events = case.get("events")
    if not isinstance(events, list):
        errors.append(f"{path.name}: events must be a list (empty when the story reports none)")
        return 0
    if not isinstance(case.get("not_events", []), list):
        errors.append(f"{path.name}: not_events must be a list of strings")
    for number, event in enumerate(events, 1):
        check_event(event, story["text"], f"{path.name} event {number}", errors, warnings)
    return len(events)


def check_case_with_text(path: Path, case: dict, errors: list[str], warnings: list[str]) -> int:
    # Read with newline translation, as score.py reads NAME.txt, so offsets agree.
    text = text_beside(path).read_text(encoding="utf-8")
    published = case.get("published_at")
    if not (isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and is_iso_date_value(published)):
        errors.append(f"{path.name}: published_at must be a YYYY-MM-DD date, not {published!r}")
    events = case.get("events")
    if not isinstance(events, list):
        errors.append(f"{path.name}: events must be a list (empty when the article reports none)")
        return 0
    if not isinstance(case.get("not_events", []), list):
        errors.append(f"{path.name}: not_events must be a list of strings")
    for number, event in enumerate(events, 1):
        check_event(event, text, f"{path.name} event {number}", errors, warnings)
    return len(events)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)

    paths = sorted(args.cases.glob("*.gold.json"))
    stories: dict[str, dict] = {}
    if not all(text_beside(path).exists() for path in paths):
        try:
            stories = load_stories(args.corpus)
        except OSError as error:
            print(f"cannot read the corpus: {error}", file=sys.stderr)
            return 2
    errors: list[str] = []
    warnings: list[str] = []
    events = sum(check_case(path, stories, errors, warnings) for path in paths)
    for warning in warnings:
        print(f"warning: {warning}")
    for error in errors:
        print(f"error: {error}")
    print(f"{len(paths)} cases, {events} events, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
