"""The hand-written reference sets (article text beside its answer) stay valid by the checker's rules.

bench/cases-written and bench/cases-wire* carry their own texts, so they need nothing from
../shared: every mention must be an exact substring of its article, countries ISO 3166-1
alpha-3 codes, dates ISO 8601, and published_at a day.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
SELF_CONTAINED_SETS = ["cases-written", "cases-wire", "cases-wire2", "cases-wire3", "cases-wire4", "cases-wire5", "cases-wire6", "cases-wire7", "cases-wire8", "cases-wire9", "cases-wire10", "cases-wire11", "cases-wire12", "cases-wire13", "cases-wire14", "cases-wire15", "cases-wire16", "cases-noevent", "cases-noevent2", "cases-noevent3", "cases-noevent4", "cases-noevent5"]


def _load_check_cases():
    spec = importlib.util.spec_from_file_location("bench_check_cases", REPOSITORY / "bench" / "check_cases.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check_cases = _load_check_cases()


@pytest.mark.parametrize("name", SELF_CONTAINED_SETS)
def test_every_answer_of_a_self_contained_set_fits_its_article(name: str, capsys: pytest.CaptureFixture[str]):
    folder = REPOSITORY / "bench" / name
    articles = sorted(folder.glob("*.txt"))
    answers = sorted(folder.glob("*.gold.json"))
    assert [path.name[: -len(".txt")] for path in articles] == [path.name[: -len(".gold.json")] for path in answers]

    exit_code = check_cases.main(["--cases", str(folder)])

    printed = capsys.readouterr().out
    assert exit_code == 0, printed
    assert f"{len(answers)} cases," in printed and " 0 errors" in printed


def test_the_checker_rejects_a_mention_that_is_not_in_the_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "visit.txt").write_text("The foreign ministers of Chile and Peru met in Lima on Monday.\n", encoding="utf-8")
    (tmp_path / "visit.gold.json").write_text(
        '{"published_at": "2024-03-05", "events": [{"type": "meeting", "mentions": ["ministers met in Lima"],'
        ' "countries": ["CHL", "PER"], "persons": [], "date": {"text": "on Monday", "accept": ["2024-03-04"]}}]}',
        encoding="utf-8",
    )

    assert check_cases.main(["--cases", str(tmp_path)]) == 1
    assert "mention not in the story text: 'ministers met in Lima'" in capsys.readouterr().out
