#!/usr/bin/env python3
"""Evaluate the event extractor on the reference cases, scored by the shared score.py.

    .venv/bin/python bench/evaluate.py [CASES_DIR ...] [--url URL] [--quiet] [--json] [--stats]

Default cases: bench/cases (texts fetched from the shared corpus by source.id) and
../shared/samples (NAME.txt + NAME.gold.json pairs). Predictions come from the real
Extractor in this process, or from a running service with --url (POST /v1/extract).

The scoring is not reimplemented: every case is written to a temporary folder as
NAME.txt + NAME.gold.json with its prediction as NAME.json, and ../shared/eval/score.py
(loaded at run time) scores that folder, so its totals are exactly score.py's. After its
output come the false alarms (events predicted on articles whose reference has none,
per 10 such articles) and the run time. With --json, score.py's JSON line is printed
with those figures added. --stats describes the reference set and predicts nothing.

The shared folder is ../shared beside the repository, or EVENTEX_SHARED.
Exit status: 0 done, 2 the shared folder, score.py, a case folder or a case text is missing.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory
from types import ModuleType

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.check_cases import DEFAULT_CASES, SHARED_DIR, load_stories  # noqa: E402

EVENT_TYPES = ("meeting", "exercise", "agreement")

# Turns one article (text, published_at as written in the reference) into the API's JSON response.
Predict = Callable[[str, str | None], dict]


class MissingMaterial(Exception):
    """Something the evaluation reads is not there; main() reports it and exits 2."""


class NoPrediction(Exception):
    """The service gave no usable answer for one article."""


@dataclass
class Case:
    name: str
    text: str
    gold: dict

    @property
    def published_at(self) -> str | None:
        return self.gold.get("published_at")

    @property
    def has_no_events(self) -> bool:
        return self.gold.get("events") == []


@dataclass
class Evaluation:
    cases: list[Case]
    predictions: dict[str, dict]
    score_exit: int
    score_output: str  # exactly what score.py printed
    extract_seconds: float

    @property
    def no_event_articles(self) -> int:
        return sum(case.has_no_events for case in self.cases)

    @property
    def false_alarm_events(self) -> int:
        return sum(len(self.predictions[case.name].get("events", [])) for case in self.cases if case.has_no_events)

    @property
    def false_alarms_per_10(self) -> float | None:
        if not self.no_event_articles:
            return None
        return 10 * self.false_alarm_events / self.no_event_articles


def load_scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score.py"
    if not path.is_file():
        raise MissingMaterial(f"the scorer {path} is missing")
    spec = importlib.util.spec_from_file_location("eventex_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cases(folders: Sequence[Path], shared: Path) -> list[Case]:
    """The cases of every folder: NAME.txt beside NAME.gold.json, or else the corpus story source.id names."""
    corpora: dict[str, dict[str, dict]] = {}
    cases: dict[str, Case] = {}
    for folder in folders:
        if not folder.is_dir():
            raise MissingMaterial(f"no case folder {folder}")
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = gold_path.name[: -len(".gold.json")]
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = folder / f"{name}.txt"
            if text_path.exists():
                text = text_path.read_text(encoding="utf-8")
            else:
                text = _story_text(gold, gold_path, shared, corpora)
            if name in cases:
                raise MissingMaterial(f"two cases are named {name!r}; the second is {gold_path}")
            cases[name] = Case(name, text, gold)
    return list(cases.values())


def _story_text(gold: dict, gold_path: Path, shared: Path, corpora: dict[str, dict[str, dict]]) -> str:
    source = gold.get("source") or {}
    if "id" not in source:
        raise MissingMaterial(f"{gold_path}: no {gold_path.name[: -len('.gold.json')]}.txt beside it and no source.id")
    corpus = source.get("corpus", "voa-stories.jsonl")
    if corpus not in corpora:
        try:
            corpora[corpus] = load_stories(shared / "corpus" / corpus)
        except OSError as error:
            raise MissingMaterial(f"cannot read the corpus {corpus}: {error}") from error
    story = corpora[corpus].get(str(source["id"]))
    if story is None:
        raise MissingMaterial(f"{gold_path}: story {source['id']} is not in {corpus}")
    # score.py reads NAME.txt with newline translation; the extractor must see that very string.
    return story["text"].replace("\r\n", "\n").replace("\r", "\n")


def in_process(extractor=None) -> Predict:
    """Predictions from the real extractor; builds one when none is given."""
    if extractor is None:
        from service.extraction import Extractor

        extractor = Extractor()

    def predict(text: str, published_at: str | None) -> dict:
        published = date.fromisoformat(published_at[:10]) if published_at else None
        return extractor.extract(text, published).model_dump(mode="json")

    return predict


def from_service(url: str, scorer: ModuleType, timeout: float = 120.0) -> Predict:
    """Predictions from a running service, fetched the way score.py fetches them."""

    def predict(text: str, published_at: str | None) -> dict:
        try:
            return scorer.fetch_prediction(url, text, published_at, timeout)
        except (OSError, ValueError) as error:  # unreachable, HTTP error status, not JSON
            raise NoPrediction(error) from error

    return predict


def evaluate(cases: list[Case], predict: Predict, scorer: ModuleType, score_flags: Sequence[str] = ()) -> Evaluation:
    """Predict every case, then let score.py score them from a temporary folder."""
    with TemporaryDirectory(prefix="eventex-evaluate-") as workdir:
        case_dir, prediction_dir = Path(workdir) / "cases", Path(workdir) / "predictions"
        case_dir.mkdir()
        prediction_dir.mkdir()
        for case in cases:
            (case_dir / f"{case.name}.gold.json").write_text(json.dumps(case.gold, ensure_ascii=False), encoding="utf-8")
            (case_dir / f"{case.name}.txt").write_text(case.text, encoding="utf-8")

        predictions: dict[str, dict] = {}
        started = time.perf_counter()
        for case in cases:
            predictions[case.name] = _predict_one(predict, case)
        extract_seconds = time.perf_counter() - started
        for name, prediction in predictions.items():
            (prediction_dir / f"{name}.json").write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")

        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exit_code = scorer.main(["--cases", str(case_dir), "--predictions", str(prediction_dir), *score_flags])
    return Evaluation(cases, predictions, exit_code, output.getvalue(), extract_seconds)


def _predict_one(predict: Predict, case: Case) -> dict:
    try:
        return predict(case.text, case.published_at)
    except NoPrediction as error:
        # As score.py does for a service that fails: the case counts with no events.
        # An in-process extractor that fails raises instead: that is a bug to see.
        print(f"  {case.name}: no prediction: {error}", file=sys.stderr)
        return {"events": []}


def reference_stats(cases: list[Case]) -> dict:
    events = [event for case in cases for event in case.gold.get("events", [])]
    scored = [event for event in events if not event.get("optional")]
    return {
        "cases": len(cases),
        "no_event_articles": sum(case.has_no_events for case in cases),
        "events": len(events),
        "events_by_type": dict(Counter(event["type"] for event in events)),
        "optional_by_type": dict(Counter(event["type"] for event in events if event.get("optional"))),
        "scored_events_by_type": dict(Counter(event["type"] for event in scored)),
        "scored_events_with_date": sum(event.get("date") is not None for event in scored),
    }


def _by_type(counts: dict) -> str:
    return ", ".join(f"{kind} {counts.get(kind, 0)}" for kind in EVENT_TYPES)


def print_stats(stats: dict) -> None:
    print(f"cases: {stats['cases']}, of which with no event: {stats['no_event_articles']}")
    print(f"events: {stats['events']} ({_by_type(stats['events_by_type'])})")
    print(f"optional (not scored): {sum(stats['optional_by_type'].values())} ({_by_type(stats['optional_by_type'])})")
    scored = stats["scored_events_by_type"]
    print(f"scored events: {sum(scored.values())} ({_by_type(scored)}), {stats['scored_events_with_date']} with a date")


def print_figures(evaluation: Evaluation, total_seconds: float) -> None:
    articles = evaluation.no_event_articles
    if articles:
        print(
            f"false alarms: {evaluation.false_alarm_events} events on {articles} no-event articles"
            f" = {evaluation.false_alarms_per_10:.1f} per 10 articles (target: at most 1.0)"
        )
    else:
        print("false alarms: no case without events")
    count = len(evaluation.cases)
    print(
        f"run time: {total_seconds:.1f} s in all, {evaluation.extract_seconds:.1f} s predicting {count} articles"
        f" ({evaluation.extract_seconds / max(count, 1):.2f} s per article)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", type=Path, metavar="CASES_DIR",
                        help="case folders (default: bench/cases and ../shared/samples)")
    parser.add_argument("--url", help="base address of a running service instead of the in-process extractor")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request with --url")
    parser.add_argument("--quiet", action="store_true", help="totals only, no per-case misses and extras")
    parser.add_argument("--json", action="store_true", help="print the totals and figures as one JSON line")
    parser.add_argument("--stats", action="store_true", help="describe the reference cases and stop")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    shared = SHARED_DIR
    try:
        if not shared.is_dir():
            raise MissingMaterial(f"the shared folder {shared} is missing (set EVENTEX_SHARED to its path)")
        scorer = load_scorer(shared)
        cases = load_cases(args.cases or [DEFAULT_CASES, shared / "samples"], shared)
    except MissingMaterial as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2

    if args.stats:
        stats = reference_stats(cases)
        if args.json:
            print(json.dumps(stats))
        else:
            print_stats(stats)
        return 0

    predict = from_service(args.url, scorer, args.timeout) if args.url else in_process()
    flags = ["--json", "--quiet"] if args.json else (["--quiet"] if args.quiet else [])
    evaluation = evaluate(cases, predict, scorer, flags)
    total_seconds = time.perf_counter() - started
    if args.json and evaluation.score_exit == 0:
        summary = json.loads(evaluation.score_output)
        per_10 = evaluation.false_alarms_per_10
        summary.update(
            no_event_articles=evaluation.no_event_articles,
            false_alarm_events=evaluation.false_alarm_events,
            false_alarms_per_10=per_10 if per_10 is None else round(per_10, 3),
            extract_seconds=round(evaluation.extract_seconds, 1),
            seconds=round(total_seconds, 1),
        )
        print(json.dumps(summary))
    else:
        sys.stdout.write(evaluation.score_output)
        if evaluation.score_exit == 0:
            print_figures(evaluation, total_seconds)
    return evaluation.score_exit


if __name__ == "__main__":
    sys.exit(main())
