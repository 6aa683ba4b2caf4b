"""The first and last day an ISO 8601 date value covers."""
from datetime import date

import pytest

from service.extraction.date_ranges import date_range


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2021-09-14", date(2021, 9, 14), date(2021, 9, 14)),
        ("2021-09", date(2021, 9, 1), date(2021, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021-W38", date(2021, 9, 20), date(2021, 9, 26)),
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2022-SP", date(2022, 3, 1), date(2022, 5, 31)),
        ("2022-WI", date(2022, 12, 1), date(2023, 2, 28)),
        ("2021-Q4", date(2021, 10, 1), date(2021, 12, 31)),
        ("2021-H1", date(2021, 1, 1), date(2021, 6, 30)),
        ("199", date(1990, 1, 1), date(1999, 12, 31)),
        ("2021-09-14T10:30", date(2021, 9, 14), date(2021, 9, 14)),
    ],
)
def test_value_covers_its_whole_period(value, first, last):
    assert date_range(value) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PAST_REF", "2021-02-30", "2021-W60", "next week"])
def test_unusable_values_cover_nothing(value):
    assert date_range(value) == (None, None)
