"""The first and last day an ISO 8601 / TIMEX3 date value covers, for range queries."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Northern-hemisphere meteorological seasons: (first month, last month); winter runs into the next year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """``'2021-09'`` → (2021-09-01, 2021-09-30); ``None`` or an unknown form → (None, None)."""
    if not value:
        return None, None
    try:
        return _parse(value)
    except (ValueError, OverflowError):  # e.g. 2021-02-30, week 54, or the last week of 9999 running past the calendar
        return None, None


def _parse(value: str) -> tuple[date | None, date | None]:
    if match := _DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _MONTH.match(value):
        return _months(int(match[1]), int(match[2]), int(match[2]))
    if match := _WEEK.match(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return monday, monday + timedelta(days=6)
    if match := _SEASON.match(value):
        year = int(match[1])
        first, last = SEASON_MONTHS[match[2]]
        if first > last:
            return date(year, first, 1), _month_end(year + 1, last)
        return _months(year, first, last)
    if match := _QUARTER.match(value):
        quarter = int(match[2])
        return _months(int(match[1]), 3 * quarter - 2, 3 * quarter)
    if match := _HALF.match(value):
        half = int(match[2])
        return _months(int(match[1]), 6 * half - 5, 6 * half)
    if match := _YEAR.match(value):
        return _months(int(match[1]), 1, 12)
    if match := _DECADE.match(value):
        decade = int(match[1]) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    if match := _CENTURY.match(value):
        century = int(match[1]) * 100
        return date(max(century, 1), 1, 1), date(century + 99, 12, 31)
    return None, None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), _month_end(year, last)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
