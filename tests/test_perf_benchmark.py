"""The benchmark's own helpers: the memory phase really brings new words, and percentiles are right.

No speed is asserted here: speed is measured by bench/benchmark.py only.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "bench" / "benchmark.py"


@pytest.fixture(scope="module")
def benchmark():
    spec = importlib.util.spec_from_file_location("eventex_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def corpus(benchmark):
    return [
        benchmark.Document(
            "The harbour authority opened a new ferry terminal on the island. Passengers welcomed the shorter "
            "crossing. Fishermen worried about the extra traffic near the reef.",
            "2020-05-04",
        ),
        benchmark.Document(
            "Rain delayed the harvest in the northern provinces for a second week. Farmers asked the ministry "
            "for help with storage costs.",
            "2021-10-18",
        ),
    ]


def test_varied_documents_keep_bringing_words_never_seen_before(benchmark, corpus):
    documents = list(benchmark.varied_documents(corpus, 300))

    assert len(documents) == 300
    # Two in three are made up, each with words of its own; the others pair corpus sentences.
    assert len({d.text for d in documents}) >= 200
    seen = {word for d in corpus for word in d.text.split()}
    new_words_late = {word for d in documents[200:] for word in d.text.split()} - {
        word for d in documents[:200] for word in d.text.split()
    } - seen
    # The last third still brings hundreds of new words: the vocabulary would keep growing.
    assert len(new_words_late) > 200
    assert all(d.published_at and len(d.published_at) == 10 for d in documents)


def test_varied_documents_are_the_same_from_run_to_run(benchmark, corpus):
    first = [d.text for d in benchmark.varied_documents(corpus, 50)]
    again = [d.text for d in benchmark.varied_documents(corpus, 50)]

    assert first == again


@pytest.mark.parametrize(
    "p, expected",
    [(50, 50.0), (95, 95.0), (99, 99.0), (100, 100.0), (1, 1.0)],
)
def test_percentile_of_one_to_a_hundred(benchmark, p, expected):
    assert benchmark.percentile([float(v) for v in range(100, 0, -1)], p) == expected


def test_percentile_of_few_values_is_one_of_them(benchmark):
    values = [0.3, 0.1, 0.2]

    assert benchmark.percentile(values, 50) == 0.2
    assert benchmark.percentile(values, 99) == 0.3
