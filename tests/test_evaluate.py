"""bench/evaluate.py: the seed article scored in-process, and the evaluation giving score.py's own totals."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from service.extraction import Extractor

REPOSITORY = Path(__file__).resolve().parent.parent
SEED = "iran-azerbaijan"

pytestmark = pytest.mark.shared


def _load_evaluate_module():
    spec = importlib.util.spec_from_file_location("bench_evaluate", REPOSITORY / "bench" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


evaluate = _load_evaluate_module()


@pytest.fixture(scope="module")
def shared() -> Path:
    folder = evaluate.SHARED_DIR
    needed = [folder / "eval" / "score.py", folder / "samples" / f"{SEED}.txt", folder / "samples" / f"{SEED}.gold.json"]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        reason = f"the shared materials are absent ({', '.join(missing)}); set EVENTEX_SHARED to the shared folder"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return folder


@pytest.fixture(scope="module")
def scorer(shared: Path):
    return evaluate.load_scorer(shared)


@pytest.fixture(scope="module")
def seed_summary(shared: Path, scorer, extractor: Extractor) -> dict:
    cases = [case for case in evaluate.load_cases([shared / "samples"], shared) if case.name == SEED]
    assert len(cases) == 1
    result = evaluate.evaluate(cases, evaluate.in_process(extractor), scorer, ["--json", "--quiet"])
    assert result.score_exit == 0
    return json.loads(result.score_output)


def test_seed_article_every_event_found_and_nothing_extra(seed_summary: dict):
    assert seed_summary["events_all"]["f1"] == 1.0, seed_summary["events_all"]


def test_seed_article_participating_countries_and_persons(seed_summary: dict):
    # The seed scores 1.0 on everything; persons are held too since a rule once named a president
    # the article leaves unnamed ("the meeting of the Presidents of Iran and Azerbaijan").
    assert seed_summary["countries_f1"] == 1.0
    assert seed_summary["persons_f1"] == 1.0


def test_seed_article_event_dates(seed_summary: dict):
    assert seed_summary["dates_acc"] == 1.0


# The machinery, with a stand-in extractor, on articles written for these tests.

STORY = "The foreign ministers of Chile and Peru met in Lima on Tuesday. Later they signed a fishing accord."
QUIET_STORY = "Heavy rain closed several mountain roads in the north of the country this weekend."
DRILLS = "Navy ships from Japan and India began a joint exercise off Chennai on Monday."


def _span(text: str, word: str) -> dict:
    start = text.index(word)
    return {"text": word, "start": start, "end": start + len(word)}


def _event(text: str, kind: str, trigger: str, countries: list[str], day: str | None) -> dict:
    return {
        "type": kind,
        "trigger": _span(text, trigger),
        "participants": [{"name": code, "kind": "country", "country": code} for code in countries],
        "date": {"text": day, "value": day} if day else None,
    }


# Imperfect answers: the meeting with a wrong date, the accord missed, one country missed, a false alarm.
STAND_IN_ANSWERS = {
    STORY: {"events": [_event(STORY, "meeting", "met", ["CHL", "PER"], "2024-03-06")]},
    QUIET_STORY: {"events": [_event(QUIET_STORY, "meeting", "closed", [], None)]},
    DRILLS: {"events": [_event(DRILLS, "exercise", "exercise", ["JPN"], "2024-04-01")]},
}


def stand_in(text: str, published_at: str | None) -> dict:
    return STAND_IN_ANSWERS[text]


def _write(path: Path, content: str | dict) -> None:
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")


@pytest.fixture
def case_folders(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A shared folder with a small corpus, a by-reference case folder and a NAME.txt pair folder."""
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    _write(shared / "corpus" / "mini.jsonl", json.dumps({"id": "101", "text": STORY}) + "\n")

    by_reference = tmp_path / "by_reference"
    by_reference.mkdir()
    _write(by_reference / "mini-101.gold.json", {
        "source": {"corpus": "mini.jsonl", "id": "101"},
        "published_at": "2024-03-07",
        "events": [
            {"type": "meeting", "mentions": ["ministers of Chile and Peru met in Lima"], "countries": ["CHL", "PER"],
             "persons": [], "date": {"text": "on Tuesday", "accept": ["2024-03-05"]}},
            {"type": "agreement", "mentions": ["signed a fishing accord"], "countries": ["CHL", "PER"],
             "persons": [], "date": None},
        ],
    })

    pairs = tmp_path / "pairs"
    pairs.mkdir()
    _write(pairs / "drills.txt", DRILLS)
    _write(pairs / "drills.gold.json", {
        "published_at": "2024-04-02",
        "events": [{"type": "exercise", "mentions": ["began a joint exercise"], "countries": ["JPN", "IND"],
                    "persons": [], "date": {"text": "on Monday", "accept": ["2024-04-01"]}}],
    })
    _write(pairs / "rain.txt", QUIET_STORY)
    _write(pairs / "rain.gold.json", {"published_at": "2024-03-10", "events": []})
    return shared, [by_reference, pairs]


def test_cases_by_reference_read_their_text_from_the_corpus(case_folders):
    shared, folders = case_folders
    cases = {case.name: case for case in evaluate.load_cases(folders, shared)}
    assert sorted(cases) == ["drills", "mini-101", "rain"]
    assert cases["mini-101"].text == STORY
    assert cases["mini-101"].published_at == "2024-03-07"
    assert cases["rain"].text == QUIET_STORY


def test_a_case_whose_story_is_not_in_the_corpus_is_reported(case_folders):
    shared, folders = case_folders
    _write(folders[0] / "mini-999.gold.json", {"source": {"corpus": "mini.jsonl", "id": "999"}, "events": []})
    with pytest.raises(evaluate.MissingMaterial, match="999"):
        evaluate.load_cases(folders, shared)


def test_totals_are_those_score_py_gives_for_the_same_predictions(case_folders, scorer, tmp_path: Path, capsys):
    shared, folders = case_folders
    cases = evaluate.load_cases(folders, shared)
    seen: list[tuple[str, str | None]] = []

    def predict(text: str, published_at: str | None) -> dict:
        seen.append((text, published_at))
        return stand_in(text, published_at)

    result = evaluate.evaluate(cases, predict, scorer, ["--json", "--quiet"])
    assert sorted(seen) == sorted([(STORY, "2024-03-07"), (DRILLS, "2024-04-02"), (QUIET_STORY, "2024-03-10")])

    # score.py run by hand on a folder of saved responses, the way its documentation describes.
    by_hand, saved = tmp_path / "by_hand", tmp_path / "saved"
    by_hand.mkdir()
    saved.mkdir()
    for case in cases:
        _write(by_hand / f"{case.name}.txt", case.text)
        _write(by_hand / f"{case.name}.gold.json", case.gold)
        _write(saved / f"{case.name}.json", STAND_IN_ANSWERS[case.text])
    capsys.readouterr()
    scorer.main(["--cases", str(by_hand), "--predictions", str(saved), "--json", "--quiet"])
    assert json.loads(result.score_output) == json.loads(capsys.readouterr().out)

    summary = json.loads(result.score_output)
    assert (summary["events_all"]["tp"], summary["events_all"]["fp"], summary["events_all"]["fn"]) == (2, 1, 1)
    assert summary["dates_acc"] == 0.5


def test_false_alarms_count_events_on_articles_without_any(case_folders, scorer):
    shared, folders = case_folders
    result = evaluate.evaluate(evaluate.load_cases(folders, shared), stand_in, scorer, ["--quiet"])
    assert result.no_event_articles == 1
    assert result.false_alarm_events == 1
    assert result.false_alarms_per_10 == 10.0


def test_command_prints_score_py_report_then_false_alarms(case_folders, scorer, monkeypatch, capsys):
    # The command always scores with the real shared score.py (the scorer fixture skips without it);
    # the pair folder needs no corpus.
    _shared, folders = case_folders
    pairs = folders[1]
    monkeypatch.setattr(evaluate, "in_process", lambda: stand_in)
    assert evaluate.main([str(pairs)]) == 0
    printed = capsys.readouterr().out
    assert "rain: extra meeting: trigger 'closed'" in printed
    assert "cases 2 | events F1 0.667 | countries F1 0.667" in printed
    assert "false alarms: 1 events on 1 no-event articles = 10.0 per 10 articles" in printed
    assert "run time:" in printed


def test_command_json_adds_the_false_alarms_to_score_py_totals(case_folders, scorer, monkeypatch, capsys):
    _shared, folders = case_folders
    monkeypatch.setattr(evaluate, "in_process", lambda: stand_in)
    assert evaluate.main([str(folders[1]), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["cases"] == 2
    assert summary["events_all"]["f1"] == 0.667
    assert summary["false_alarms_per_10"] == 10.0


def test_command_exits_2_without_the_shared_folder(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(evaluate, "SHARED_DIR", tmp_path / "nowhere")
    assert evaluate.main(["--quiet"]) == 2
    assert "shared folder" in capsys.readouterr().err
