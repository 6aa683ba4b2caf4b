"""Temporal expressions (TIMEX3): find them in news text and normalize them against the publication date.

Rule-based in the manner of HeidelTime: every pattern is compiled once at import, each pattern only uses
bounded repetition (no nested open-ended quantifiers), so the cost stays linear in the text length.

Public entry points: :func:`find_timexes`, :func:`shift`, :func:`tense_from_doc`, and the spaCy component
``eventex_timex`` that stores the result in ``doc._.timexes``.
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["Timex", "find_timexes", "shift", "tense_from_doc", "adverb_from_doc", "make_timex_component"]

if not Doc.has_extension("published_at"):
    Doc.set_extension("published_at", default=None)
if not Doc.has_extension("timexes"):
    Doc.set_extension("timexes", default=None)


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str | None  # TIMEX3 value
    modifier: str | None  # TIMEX3 mod or None
    granularity: str | None  # for DATE values: "day", "week", ... "century"; else None
    # Expressions relative to another event ("two weeks | later" -> (2, "W"), "a year earlier" -> (-1, "Y"))
    # carry their TimeML type and value (P2W; the year before the last date named) and this offset, by
    # which the event layer counts from the previous event's date instead.
    offset: tuple[int, str] | None = None


Tense = Callable[[int], str | None]
# True when the word at a character offset modifies a verb ("meets weekly"), False when it modifies a noun
# ("a weekly magazine"), None when the parse does not say.
Adverbial = Callable[[int], bool | None]

# --------------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}
# unit word -> (TIMEX3 duration letter, True for the time part "PT...")
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "centurie": ("CE", False), "millennium": ("ML", False), "millennia": ("ML", False),
}
UNIT_ALIASES = {"centuries": "century", "millennia": "millennium", "yr": "year", "yrs": "year", "hrs": "hour",
                "hr": "hour", "mins": "minute", "min": "minute"}
# TIMEX3 mod for the words that hedge a quantity or a date.
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "nearly": "APPROX", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "more than": "MORE_THAN", "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
    "a little over": "MORE_THAN", "a little more than": "MORE_THAN",
}
# "within a week", "over three years", "only six months": prepositions and focus words stay outside the span.
POSITION_MODS = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END",
}


def _words(names) -> str:
    """Alternation of the given words, longest first so that the regex engine prefers them."""
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


def _cased(names) -> str:
    """Names as written in running text: Capitalized or UPPER case (a lowercase 'may' is a verb)."""
    forms = set()
    for n in names:
        forms.update((n.capitalize(), n.upper()))
    return _words(forms)


_MONTH_FULL = [n for n in MONTHS if len(n) > 4 or n in ("may", "june", "july")]
_MONTH_ABBR = [n for n in MONTHS if n not in _MONTH_FULL]
MONTH = rf"(?:(?:{_cased(_MONTH_FULL)})\b|(?:{_cased(_MONTH_ABBR)})(?:\.|\b))"
WEEKDAY = rf"(?:{_cased(n for n in WEEKDAYS if len(n) > 5)})"
WEEKDAY_ANY = rf"(?:(?:{_cased(n for n in WEEKDAYS if len(n) > 5)})\b|(?:{_cased(n for n in WEEKDAYS if len(n) <= 5)})\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
# "this coming Sunday, March 8": the words before a weekday that a full date follows belong to the expression.
WEEKDAY_LEAD = r"(?:(?:[Tt]his\s+(?:coming\s+|past\s+)?|[Nn]ext\s+|[Ll]ast\s+|[Cc]oming\s+)?)"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
NUM_WORD = _words([*SMALL_NUMBERS, *TENS, *SCALES])
NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|an?\s+(?:hundred|thousand)|(?:{NUM_WORD})(?:[\s-](?:and\s)?(?:{NUM_WORD})){{0,4}}"
          rf"(?:\s+and\s+a\s+half)?)")
VAGUE = r"(?:a\s+couple\s+of|couple\s+of|a\s+few|several|few|many|a\s+number\s+of|numerous|some|dozens\s+of|hundreds\s+of)"
QUANTITY = rf"(?:{NUMBER}|an?|{VAGUE})"
UNIT = (r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|century|millennium)s?"
        r"|centuries|millennia|hrs?|mins")
SEASON = _words(SEASONS)
ORDINAL = _words(ORDINALS) + r"|1st|2nd|3rd|4th"
PART_OF_DAY = _words(PARTS_OF_DAY)
RELATIVE_DAY = r"today|yesterday|tomorrow|tonight"
APPROX = _words(APPROX_MODS)


# --------------------------------------------------------------------------------------------------------
# Date arithmetic and value formatting
# --------------------------------------------------------------------------------------------------------


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, amount: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + amount
    return index // 12, index % 12 + 1


def _add_months_to_date(d: date, amount: int) -> date:
    year, month = _add_months(d.year, d.month, amount)
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _add_years(d: date, amount: int) -> date:
    return _add_months_to_date(d, 12 * amount)


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _season(d: date) -> tuple[int, str]:
    """Meteorological season; December belongs to the winter of the following year's start."""
    if d.month in (3, 4, 5):
        return d.year, "SP"
    if d.month in (6, 7, 8):
        return d.year, "SU"
    if d.month in (9, 10, 11):
        return d.year, "FA"
    return (d.year + 1 if d.month == 12 else d.year), "WI"


GRANULARITY_PATTERNS = [
    (re.compile(r"\d{4}-\d\d-\d\d(?:T.*)?"), "day"),
    (re.compile(r"\d{4}-W\d\d(?:-WE)?"), "week"),
    (re.compile(r"\d{4}-\d\d"), "month"),
    (re.compile(r"\d{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"\d{4}-(?:Q[1-4]|H[12])"), "quarter"),
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{3}"), "decade"),
    (re.compile(r"\d{2}"), "century"),
]


def granularity_of(value: str | None) -> str | None:
    if value is None:
        return None
    for pattern, name in GRANULARITY_PATTERNS:
        if pattern.fullmatch(value):
            return name
    return None


_VALUE_START = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)|(?P<season>SP|SU|FA|WI)"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])))?(?P<rest>T.*|-WE)?")


def _period_start(value: str) -> tuple[date, str, str] | None:
    """First day of the period a DATE value names, its granularity and any time suffix."""
    m = _VALUE_START.fullmatch(value)
    if m:
        year, rest = int(m["year"]), m["rest"] or ""
        if m["day"]:
            return date(year, int(m["month"]), int(m["day"])), "day", rest
        if m["month"]:
            return date(year, int(m["month"]), 1), "month", ""
        if m["week"]:
            return date.fromisocalendar(year, int(m["week"]), 1), "week", rest
        if m["season"]:
            start = SEASON_START_MONTH[m["season"]]
            return date(year - 1 if start == 12 else year, start, 1), "season", ""
        if m["quarter"]:
            return date(year, 3 * int(m["quarter"]) - 2, 1), "quarter", ""
        if m["half"]:
            return date(year, 6 * int(m["half"]) - 5, 1), "half", ""
        return date(year, 1, 1), "year", ""
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), "decade", ""
    if re.fullmatch(r"\d{2}", value):
        return date(int(value) * 100, 1, 1), "century", ""
    return None


def _format(d: date, granularity: str, suffix: str = "") -> str:
    if granularity == "day":
        return _day(d) + suffix
    if granularity == "week":
        return _week(d) + suffix
    if granularity == "month":
        return _month(d.year, d.month)
    if granularity == "season":
        year, season = _season(d)
        return f"{year}-{season}"
    if granularity == "quarter":
        return f"{d.year}-Q{_quarter(d)}"
    if granularity == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if granularity == "year":
        return str(d.year)
    if granularity == "decade":
        return str(d.year)[:3]
    return f"{d.year // 100:02d}"


def _shift_date(d: date, amount: int, unit: str) -> date:
    if unit == "D":
        return d + timedelta(days=amount)
    if unit == "W":
        return d + timedelta(weeks=amount)
    if unit == "M":
        return _add_months_to_date(d, amount)
    if unit == "Q":
        return _add_months_to_date(d, 3 * amount)
    if unit == "Y":
        return _add_years(d, amount)
    if unit == "DE":
        return _add_years(d, 10 * amount)
    if unit == "CE":
        return _add_years(d, 100 * amount)
    raise ValueError(unit)


def shift(value: str, amount: int, unit: str) -> str | None:
    """Move a TIMEX3 date value by ``amount`` units ("D", "W", "M", "Y"; also "Q", "DE", "CE").

    The result keeps the granularity of ``value`` (a month moved by two weeks is still a month, counted
    from its first day): ``shift("2021-11-28", -1, "D") == "2021-11-27"``. None if not computable
    (PRESENT_REF, under-specified values such as XXXX-XX, durations, unknown units).
    """
    try:
        start = _period_start(value) if value else None
        if start is None:
            return None
        d, granularity, suffix = start
        return _format(_shift_date(d, amount, unit), granularity, suffix)
    except (ValueError, OverflowError):
        return None  # (a value at the calendar's ends: "0000-12", the week after 9999-12-31)


def spelled_number(text: str) -> float | None:
    """Value of a spelled or written number ("twenty-four", "2 1/2", "1,000"); None when vague."""
    text = text.lower().replace(",", "")
    half = 0.0
    if text.endswith("and a half"):
        text, half = text[: -len("and a half")].strip(), 0.5
    if text.endswith("1/2"):
        text, half = text[:-3].strip(), 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if text in ("a", "an", "one"):
        return 1 + half
    if re.sub(r"\s+", " ", text) in ("a couple of", "couple of"):
        return 2.0
    total = current = 0
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words:
        return None
    for before, word in zip(words, words[1:]):
        # "twenty-four" and "two hundred" are numbers; "two four(-year terms)" and "ten twenty" are not.
        if before in SMALL_NUMBERS and word not in SCALES or before in TENS and (
                word in TENS or SMALL_NUMBERS.get(word, 10) > 9):
            return None
    for word in words:
        if word in ("a", "an"):
            current += 1
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current + half


_VAGUE_LETTERS = {"DE": "E", "CE": "C", "ML": "L"}


def _duration(amount: float | None, unit_word: str) -> str:
    """TIMEX3 duration value: P2W, PT3H, PXY for a vague amount, P2Y6M for two and a half years."""
    unit_word = UNIT_ALIASES.get(unit_word.lower(), unit_word.lower()).removesuffix("s")
    letter, is_time = UNITS[unit_word]
    prefix = "PT" if is_time else "P"
    if amount is None:
        # An unknown count of decades, centuries, millennia: TimeBank's one-letter units ("for centuries"
        # PXC, "the coming decades" PXE, as "about a decade" P1E, "two thousand years" P2L), not TIMEX2's DE/CE/ML.
        return f"{prefix}X{_VAGUE_LETTERS.get(letter, letter)}"
    if unit_word == "fortnight":
        amount *= 2
    if letter in ("DE", "CE", "ML"):
        # ISO 8601 has no decade or century designator: count them in years.
        amount *= {"DE": 10, "CE": 100, "ML": 1000}[letter]
        letter = "Y"
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    if letter == "Y" and amount * 2 == int(amount * 2):
        return f"P{whole}Y6M" if whole else "P6M"
    if letter == "H" and is_time and amount * 2 == int(amount * 2):
        return f"PT{whole}H30M" if whole else "PT30M"
    if letter == "M" and is_time and amount * 2 == int(amount * 2):
        return f"PT{whole}M30S" if whole else "PT30S"
    return f"{prefix}{amount:g}{letter}"


def _unit_letter(unit_word: str) -> str:
    unit_word = UNIT_ALIASES.get(unit_word.lower(), unit_word.lower()).removesuffix("s")
    letter, is_time = UNITS[unit_word]
    return ("T" + letter) if is_time else letter


# --------------------------------------------------------------------------------------------------------
# Resolving relative dates against the anchor
# --------------------------------------------------------------------------------------------------------


def _direction(tense: str | None) -> int:
    """-1 look back (past), +1 look ahead (future), 0 unknown or present."""
    return {"past": -1, "future": 1}.get(tense or "", 0)


def _resolve_weekday(weekday: int, anchor: date, direction: int) -> date:
    back = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    ahead = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    # Without a clear future, look back: news mostly reports what happened.
    return ahead if direction > 0 else back


def _resolve_month(month: int, anchor: date, direction: int, strict: bool = False, since: bool = False) -> int:
    """Year of a month named without one.

    With ``strict`` ("last May", "next May") the anchor's own month is excluded and the direction is
    obeyed. Otherwise a future clause takes the next such month; a past clause the latest one if it lies
    within nine months, a clause of unknown tense if within six, else the coming one (deadlines and
    payment dates soon after the anchor often stand in past-tense sentences: "extended the offer to May").
    With ``since`` the latest such month up to the anchor's own ("has fallen since May").
    """
    if since:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if strict:
        if direction < 0:
            return anchor.year if month < anchor.month else anchor.year - 1
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction > 0:
        return anchor.year if month >= anchor.month else anchor.year + 1
    months_back = (anchor.month - month) % 12
    if months_back <= (9 if direction < 0 else 6):
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month > anchor.month else anchor.year + 1


def _resolve_day_month(month: int, day: int, anchor: date, direction: int, *, since: bool = False) -> date | None:
    """Year of a date given without one; None for a day that does not exist (Feb 30). ``since``: the
    latest such day on or before the anchor ("has risen since May 6")."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return _pick_year(candidates, anchor, direction, since) if candidates else None


def _pick_year(candidates: list[date], anchor: date, direction: int, since: bool = False) -> date:
    """Which of the same day in consecutive years (sorted) a text means, by the tense of its clause."""
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if since and past:
        return past[-1]
    # As for months alone: a future clause looks ahead, others look back at most nine or six months.
    if direction > 0 and future and (future[0] - anchor).days <= 366:
        return future[0]
    if past and (anchor - past[-1]).days <= (275 if direction < 0 else 183):
        return past[-1]
    return future[0] if future else past[-1]


def _resolve_season(season: str, anchor: date, direction: int) -> str:
    year, current = _season(anchor)
    order = ["WI", "SP", "SU", "FA"]
    diff = order.index(season) - order.index(current)
    if direction < 0 and diff > 0:
        year -= 1
    elif direction > 0 and diff < 0:
        year += 1
    elif direction == 0 and diff >= 3:
        year -= 1
    elif direction == 0 and diff <= -3:
        year += 1
    return f"{year}-{season}"


def _resolve_quarter(quarter: int, anchor: date, direction: int) -> str:
    """A quarter named without a year is one of the anchor's year (reports look back on it or ahead to
    it), unless a past-tense clause names a quarter that has not started yet."""
    year = anchor.year
    if direction < 0 and quarter > _quarter(anchor):
        year -= 1
    return f"{year}-Q{quarter}"


def _relative_unit(anchor: date, unit: str, amount: int) -> tuple[str, str]:
    """The calendar period 'amount' units from the anchor's one: ("1998-W07", "week")."""
    if unit == "day":
        return _day(anchor + timedelta(days=amount)), "day"
    if unit in ("week", "weekend"):
        value = _week(anchor + timedelta(weeks=amount))
        return (value + "-WE" if unit == "weekend" else value), "week"
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, amount)), "month"
    if unit == "quarter":
        year, month = _add_months(anchor.year, anchor.month, 3 * amount)
        return f"{year}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "year":
        return str(anchor.year + amount), "year"
    if unit == "decade":
        return str(anchor.year // 10 + amount), "decade"
    if unit == "century":
        return f"{anchor.year // 100 + amount:02d}", "century"
    raise ValueError(unit)


# Under-specified forms, used when no anchor is known.
UNKNOWN_BY_UNIT = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                   "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


# --------------------------------------------------------------------------------------------------------
# Resolving against the reference time: the last date the text named
# --------------------------------------------------------------------------------------------------------
# TimeML gives "a year earlier", "the following month" or "that quarter" the value of the period they name,
# counted from the reference time: the date the narrative last mentioned (the publication date until the
# text names one). Rules return a resolver; find_timexes calls it with that date's value.

Resolver = Callable[[str], str | None]

_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5,
                     "decade": 6, "century": 7}
_UNIT_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
                     "CE": "century"}


def _from_reference(amount: int, unit: str, *, keep_granularity: bool, suffix: str = "") -> Resolver:
    """The reference moved by ``amount`` units: at the reference's own precision ("a year earlier" than the
    third quarter of 1989 is the third quarter of 1988) or at the unit's ("the following year" is a year),
    then ``suffix`` ("TMO" for "the next morning"). Nothing when the reference is coarser than the unit
    ("three days earlier" than 1995)."""
    target = _UNIT_GRANULARITY[unit]

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if start is None or _GRANULARITY_RANK[start[1]] > _GRANULARITY_RANK[target]:
            return None
        try:
            moved = _shift_date(start[0], amount, unit)
        except (ValueError, OverflowError):
            return None
        return _format(moved, start[1] if keep_granularity else target) + suffix

    return resolve


def _weekday_from_reference(weekday: int, direction: int, suffix: str = "") -> Resolver:
    """'the previous Friday', 'the following Monday': the nearest such day before or after the reference day."""

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if start is None or start[1] != "day":
            return None
        day = start[0]
        if direction < 0:
            found = day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)
        else:
            found = day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
        return _day(found) + suffix

    return resolve


def _month_from_reference(month: int, direction: int) -> Resolver:
    """'the previous May', 'the following March': the nearest such month before or after the reference."""

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if start is None or _GRANULARITY_RANK[start[1]] > _GRANULARITY_RANK["month"]:
            return None
        day = start[0]
        if direction < 0:
            return _month(day.year if month < day.month else day.year - 1, month)
        return _month(day.year if month > day.month else day.year + 1, month)

    return resolve


def _season_from_reference(season: str, direction: int) -> Resolver:
    """'the previous summer', 'the following spring': the nearest such season before or after the reference."""

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if start is None or _GRANULARITY_RANK[start[1]] > _GRANULARITY_RANK["season"]:
            return None
        value = _resolve_season(season, start[0], direction)
        if value == "{}-{}".format(*_season(start[0])):
            return f"{int(value[:4]) + direction}-{season}"
        return value

    return resolve


def _on_reference_day(suffix: str) -> Resolver:
    """A time of day with no day named ("at 3:30 p.m."): on the reference day, if it is a day."""

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        return _day(start[0]) + suffix if start is not None and start[1] == "day" else None

    return resolve


def _quarter_of_reference(year: int | None) -> Resolver:
    """'the quarter' while a report is on a quarter is that quarter (in ``year`` when given)."""

    def resolve(reference: str) -> str | None:
        m = re.fullmatch(r"(\d{4})-Q([1-4])", reference)
        return f"{year or m[1]}-Q{m[2]}" if m else None

    return resolve


def _same_period_years_back(years: int, anchor: date | None) -> Resolver:
    """'a year ago' in a report on a quarter or a half compares with the same period a year back
    ("profit rose in the third quarter from a year ago"): only when the reference is such a recent period."""

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if (anchor is None or start is None or start[1] not in ("quarter", "half")
                or not anchor.year - 1 <= start[0].year <= anchor.year):
            return None
        return shift(reference, -years, "Y")

    return resolve


# --------------------------------------------------------------------------------------------------------
# Tense of the clause around an offset
# --------------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?;\n]")
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\b(?:and|but|while|whereas)\b")
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|going to|plans? to|planned|scheduled|expected to|due to|set to|is to|are to|"
    r"would|next|upcoming|coming|intends? to|aims? to)\b|'ll\b", re.IGNORECASE)
_PAST_CUE = re.compile(r"\b(?:was|were|had|did|said|told|ago|last|\w{2,}ed)\b", re.IGNORECASE)
_PRESENT_CUE = re.compile(r"\b(?:is|are|says|say|am)\b", re.IGNORECASE)
_CONTEXT_CHARS = 200


def _span_around(text: str, offset: int, boundary: re.Pattern) -> str:
    left = text[max(0, offset - _CONTEXT_CHARS):offset]
    right = text[offset:offset + _CONTEXT_CHARS]
    ends = list(boundary.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    end = boundary.search(right)
    return left + (right[:end.start()] if end else right)


def _cue_tense(words: str) -> str | None:
    if _FUTURE_CUE.search(words):
        return "future"
    if _PAST_CUE.search(words):
        return "past"
    if _PRESENT_CUE.search(words):
        return "present"
    return None


def _heuristic_tense(text: str, offset: int) -> str | None:
    """Cheap tense guess from the words of the clause around ``offset``, else of its sentence
    (bounded windows)."""
    clause = _cue_tense(_span_around(text, offset, _CLAUSE_END))
    if clause:
        return clause
    sentence = _span_around(text, offset, _SENTENCE_END)
    future, past = _FUTURE_CUE.search(sentence), _PAST_CUE.search(sentence)
    if future and past:
        return None  # "..., speaking in January, said the base would open": the cues belong to other clauses
    if future or past:
        return "future" if future else "past"
    return "present" if _PRESENT_CUE.search(sentence) else None


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "may", "might", "should", "must", "can", "could", "would"}
# Words that put an infinitive after them in the future ("plans to meet", "is due to sign"). Inflected
# forms are listed because the component may run before the lemmatizer.
_FUTURE_GOVERNORS = frozenset("""
    plan plans planned planning expect expects expected expecting schedule schedules scheduled due set
    intend intends intended aim aims aimed hope hopes hoped slated poised likely want wants wanted agree
    agrees agreed seek seeks sought prepare prepares prepared preparing going propose proposes proposed
    threaten threatens threatened vow vows vowed promise promises promised ready about
""".split())
_SAME_IN_PAST = frozenset("""
    beat bet bid broadcast burst cast cost cut forecast hit hurt let put quit read set shed shut split spread
    thrust upset
""".split())
_BE_FORMS = frozenset("be is are was were am been being 's 're".split())
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "xcomp", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis"}


def _pluperfect(word) -> bool:
    """'had planned', 'had been scheduled', 'had been due' (the adjective through its verb)."""
    for token in (word, word.head) if word.dep_ == "acomp" else (word,):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
            return True
    return False


def _noun_tagged_verb(token) -> bool:
    """"on a new diamond sales deal late on Friday": a finite verb tag on a word the parse uses as a
    noun is the tagger's slip; its tense is not the clause's."""
    return token.tag_ in ("VBP", "VBZ", "VBD") and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "compound", "poss")


def _told_in_past(verb) -> bool:
    """The clause of ``verb`` hangs from a past verb of saying or thinking: 'said (that) ...', 'cited X as
    saying ...' (up through participles and prepositions, three steps at most)."""
    token = verb.head
    for _ in range(3):
        if token.tag_ == "VBD":
            return True
        if token.tag_ not in ("VBG", "IN") or token.head.i == token.i:
            return False
        token = token.head
    return False


def tense_from_doc(doc) -> Tense:
    """Tense callback from a parsed spaCy Doc: the tense of the verb governing the token at an offset.

    future: will/shall/'ll and modals, 'going to', 'is due/set/expected to', 'plans to ...';
    past: a VBD verb or auxiliary, a perfect ('has met'), a bare participle ('announced Friday');
    present: VBZ/VBP heads and present progressives. None when no verb governs the offset.
    """
    starts = [token.idx for token in doc]
    cache: dict[int, str | None] = {}

    def verb_tense(verb, depth: int = 0) -> str | None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = [a.lower_ for a in auxes]
        if "have" in lowers and verb.tag_ == "VBN" and not {"will", "shall", "'ll"} & set(lowers):
            return "past"  # "may have been", "could have met": a modal perfect looks back
        if lowers == ["would"] and verb.dep_ in ("ccomp", "conj", "advcl") and _told_in_past(verb):
            # "said the ship would sail in early May": a future seen from a past time, which may lie on either
            # side of the anchor; the date is of unknown direction (the nearest such month), not surely ahead.
            return "future-in-past"
        if any(a in _FUTURE_AUX for a in lowers):
            return "future"
        if "going" in lowers:
            return "future"
        if verb.dep_ in ("xcomp", "acomp") and verb.head.lower_ in _FUTURE_GOVERNORS:
            # "had been due to expire Friday": a plan already past by a past time, so the event is past too.
            return "past" if _pluperfect(verb.head) else "future"
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if verb.tag_ in ("VB", "VBP") and (verb.dep_ == "xcomp" or verb.tag_ == "VBP" and verb.dep_ == "advcl" and subjectless):
            # "... is to meet", "agreed to meet": the time of the infinitive follows its governor
            # (as does a noun the tagger took for a present verb: "began the Shield exercise").
            if verb.head.lower_ in _BE_FORMS or verb.head.lower_ in _FUTURE_GOVERNORS:
                return "future"
            if depth < 3:
                governed = verb_tense(verb.head, depth + 1)
                return "future" if governed == "present" else governed
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if any(a.lower_ in ("has", "have", "'ve") for a in auxes) and verb.tag_ == "VBN":
            return "past"
        if verb.tag_ == "VBD":
            return "past"
        if verb.tag_ == "VBN":
            return "present" if any(a.tag_ in ("VBZ", "VBP") for a in auxes) else "past"
        if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() == "follow" and any(c.dep_ == "dobj" for c in verb.children):
            return "past"  # "The agreement follows a telephone conversation on Tuesday": what it follows is done
        if verb.tag_ in ("VBZ", "VBP"):
            # "which hurt the index on Friday": the form of these verbs does not tell past from present.
            return None if verb.tag_ == "VBP" and verb.lower_ in _SAME_IN_PAST else "present"
        if verb.tag_ == "VBG":
            if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
                return "future"  # "are meeting on Friday": a present progressive with a date is planned
            if depth < 3 and verb.head.i != verb.i:
                return verb_tense(verb.head, depth + 1)
            # "Hegseth, also speaking in January, called ...": the parser may make the participle the root.
            conjoined = [c for c in verb.children if c.dep_ == "conj" and c.tag_.startswith("VB")]
            if conjoined and depth < 3:
                return verb_tense(conjoined[0], depth + 1)
        if verb.tag_ == "VB" and depth < 3 and verb.head.i != verb.i:
            return verb_tense(verb.head, depth + 1)
        return None

    def tense(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        token = doc[i]
        for _ in range(12):
            # Tags, not coarse POS: the component may run before the attribute ruler sets pos_.
            if (token.tag_.startswith("VB") or token.tag_ == "MD") and token.dep_ not in ("aux", "auxpass") and not _noun_tagged_verb(token):
                break
            if token.head.i == token.i:
                return None
            token = token.head
        else:
            return None
        if token.i not in cache:
            cache[token.i] = verb_tense(token)
        return cache[token.i]

    return tense


def adverb_from_doc(doc) -> Adverbial:
    """Adverbial callback from a parsed spaCy Doc: is the word at an offset an adverb of a verb or an
    adjective of a noun? Dependencies first (the tagger calls "reports quarterly" an adjective)."""
    starts = [token.idx for token in doc]

    def adverbial(offset: int) -> bool | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or doc[i].idx != offset:
            return None
        token = doc[i]
        if token.dep_ in ("advmod", "npadvmod"):
            return True
        if token.dep_ in ("amod", "compound", "nmod"):
            return False
        return token.tag_ == "RB" if token.tag_ else None

    return adverbial


# --------------------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """What a rule makes of a match; ``end`` cuts the span short of the match end when set."""

    type: str
    value: str | None
    modifier: str | None = None
    offset: tuple[int, str] | None = None
    end: int | None = None
    start: int | None = None  # cuts the span short of the match start when set
    # The value counted from the reference time; ``value`` stands when it gives nothing.
    relative: Resolver | None = None


_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through|to|effective|payable|before|record|expire[sd]?|"
                              r"deadline\s+of)\s+(?:early\s+|mid-?|late\s+)?$", re.IGNORECASE)


_POSSESSIVE = re.compile(r"['\u2019]s?\b")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late)\s+|mid-?\s*|the\s+(?:start|beginning|end|middle)"
                           r"\s+of\s+)?$", re.IGNORECASE)


class _Context:
    __slots__ = ("text", "anchor", "_tense", "_cache", "adverbial")

    def __init__(self, text: str, anchor: date | None, tense: Tense | None, adverbial: Adverbial | None) -> None:
        self.text = text
        self.anchor = anchor
        self._tense = tense
        self._cache: dict[int, tuple[str | None, bool]] = {}
        self.adverbial = adverbial

    def direction(self, offset: int) -> int:
        return _direction(self._guess(offset)[0])

    def _guess(self, offset: int) -> tuple[str | None, bool]:
        """Tense of the clause at offset, and whether the parse (not the word heuristic) gave it."""
        if offset not in self._cache:
            guess = self._tense(offset) if self._tense else None
            self._cache[offset] = (guess, True) if guess is not None else (_heuristic_tense(self.text, offset), False)
        return self._cache[offset]

    def day_direction(self, offset: int, end: int) -> int:
        """Direction for a weekday: a simple present with a weekday is a timetable ("the envoys meet
        Monday", "the vote is set for Tuesday"), so it looks ahead like a future; not a possessive, which
        names a past day as often ("the deal follows Tuesday's vote")."""
        if self.since(offset):
            return -1
        if self._guess(offset)[0] == "future-in-past":
            return 1  # "said the vote would be on Monday": a weekday is days away, so the coming one
        if self._guess(offset) == ("present", True) and not _POSSESSIVE.match(self.text, end):
            return 1
        return self.direction(offset)

    def since(self, offset: int) -> bool:
        """'since May 6', 'since early May': the date lies on or before the anchor, however far back."""
        return bool(_SINCE_BEFORE.search(self.text, max(0, offset - 40), offset))

    def calendar_direction(self, offset: int) -> int:
        """Direction for a month or a day of a month: after 'by', 'until', 'payable' ... the tense of the
        clause says nothing ("it set a deadline of May 5"), so the date counts as of unknown tense."""
        direction = self.direction(offset)
        if direction <= 0 and _DEADLINE_BEFORE.search(self.text, max(0, offset - 16), offset):
            return 0
        return direction


Handler = Callable[[re.Match, _Context], _Found | None]
_RULES: list[tuple[int, re.Pattern, Handler]] = []


def rule(pattern: str, flags: int = 0, priority: int = 1):
    """Register a handler for a pattern; the pattern is compiled once, here. Of two equally long matches,
    the lower priority number wins."""
    compiled = re.compile(rf"(?<![\w$£€#/.])(?<!\d-)(?:{pattern})(?![\w/]|-\w|\.\d)", flags)

    def register(handler: Handler) -> Handler:
        _RULES.append((priority, compiled, handler))
        return handler

    return register


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _year(text: str) -> int:
    text = text.strip()
    if text.startswith("'"):
        return 1900 + int(text[1:]) if int(text[1:]) > 30 else 2000 + int(text[1:])
    return int(text)


# ---- absolute dates --------------------------------------------------------------------------------------


@rule(rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})(?:\s*,\s*|\s+)(?P<year>{YEAR4}|'\d\d)\b")
def month_day_year(m, ctx):
    try:
        return _Found("DATE", _day(date(_year(m["year"]), _month_number(m["month"]), int(m["day"][:2].rstrip("snrt")))))
    except ValueError:
        return None


@rule(rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH}),?\s+(?P<year>{YEAR4})\b")
def day_month_year(m, ctx):
    try:
        return _Found("DATE", _day(date(int(m["year"]), _month_number(m["month"]), int(re.match(r"\d+", m["day"])[0]))))
    except ValueError:
        return None


@rule(rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})")
def month_day(m, ctx):
    return _day_without_year(m, ctx)


@rule(rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH})")
def day_month(m, ctx):
    return _day_without_year(m, ctx)


_YEAR_FOLLOWS = re.compile(r"\s*,?\s*(?:1[5-9]|20)\d\d\b")

_ONES_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_ORDINALS = {word: i + 1 for i, word in enumerate(
    [*_ONES_ORDINALS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth"])}
DAY_ORDINALS.update({f"twenty{sep}{word}": 21 + i for i, word in enumerate(_ONES_ORDINALS) for sep in ("-", " ")})
DAY_ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_DAY_ORDINAL = _words(DAY_ORDINALS).replace("\\ ", "\\s+")


@rule(rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?:(?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{_DAY_ORDINAL})|the\s+(?P<day2>{_DAY_ORDINAL})"
      rf"\s+of\s+(?P<month2>{MONTH}))(?!\s+(?:quarter|half|time|round|day|week|month|year|place|term)\b)")
def spelled_day(m, ctx):
    """'March eighth', 'the twenty-first of May', as transcripts of broadcasts write them."""
    month = _month_number(m["month"] or m["month2"])
    day = DAY_ORDINALS[re.sub(r"\s+", " ", (m["day"] or m["day2"]).lower())]
    if ctx.anchor is None:
        return _Found("DATE", f"XXXX-{month:02d}-{day:02d}")
    resolved = _resolve_day_month(month, day, ctx.anchor, ctx.calendar_direction(m.start()), since=ctx.since(m.start()))
    return _Found("DATE", _day(resolved)) if resolved else None


_DAY_RANGE = (rf"(?:{WEEKDAY_LEAD}{WEEKDAY_ANY},?\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})"
              rf"(?:\s*[-\u2013]\s*|\s+(?:and|or|to|through|until|till)\s+)(?P<day2>{DAY})"
              rf"(?!\s*(?:a\.?m\b|p\.?m\b|o'clock|percent|%|[:.]\d))(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4})\b)?")


def _day_range(m, ctx) -> tuple[str, str] | None:
    """'Nov. 5-6', 'February 3 and 4', 'Jan. 26-28, 1998': the two days, in the year of the first."""
    month = _month_number(m["month"])
    day, day2 = (int(re.match(r"\d+", m[g])[0]) for g in ("day", "day2"))
    if day2 <= day:
        return None
    try:
        if m["year"]:
            first = date(int(m["year"]), month, day)
        elif ctx.anchor is None:
            return f"XXXX-{month:02d}-{day:02d}", f"XXXX-{month:02d}-{day2:02d}"
        else:
            first = _resolve_day_month(month, day, ctx.anchor, ctx.calendar_direction(m.start()),
                                       since=ctx.since(m.start()))
            if first is None:
                return None
        return _day(first), _day(first.replace(day=day2))
    except ValueError:
        return None


@rule(_DAY_RANGE)
def day_range_first(m, ctx):
    """HeidelTime date_r2b, date_r4: two days of one month are two expressions, 'Nov. 5' and '6'; the
    first ends at its day."""
    days = _day_range(m, ctx)
    return _Found("DATE", days[0], end=m.end("day")) if days else None


@rule(_DAY_RANGE)
def day_range_second(m, ctx):
    """... and the second is the day number after the dash or the conjunction, with the year if one follows."""
    days = _day_range(m, ctx)
    return _Found("DATE", days[1], start=m.start("day2")) if days else None


def _day_without_year(m, ctx):
    if _YEAR_FOLLOWS.match(ctx.text, m.end()):
        return None  # "February 29, 2021" does not exist; do not guess another year for it
    month, day = _month_number(m["month"]), int(re.match(r"\d+", m["day"])[0])
    if ctx.anchor is None:
        return _Found("DATE", f"XXXX-{month:02d}-{day:02d}")
    resolved = _resolve_day_month(month, day, ctx.anchor, ctx.calendar_direction(m.start()), since=ctx.since(m.start()))
    return _Found("DATE", _day(resolved)) if resolved else None


@rule(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)")
def iso_date(m, ctx):
    try:
        return _Found("DATE", _day(date(int(m["year"]), int(m["month"]), int(m["day"]))))
    except ValueError:
        return None


@rule(r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d|\d\d)")
def us_numeric_date(m, ctx):
    year = int(m["year"])
    year += 0 if year >= 100 else (1900 if year > 30 else 2000)
    try:
        return _Found("DATE", _day(date(year, int(m["month"]), int(m["day"]))))
    except ValueError:
        return None


@rule(rf"(?P<month>{MONTH})(?:\s+of|,)?\s+(?P<year>{YEAR4}|'\d\d)\b")
def month_year(m, ctx):
    return _Found("DATE", _month(_year(m["year"]), _month_number(m["month"])))


@rule(rf"(?P<month>{MONTH})(?:\s+(?P<day>{DAY}))?,?\s+of\s+(?:that|the\s+same)\s+year")
def month_of_that_year(m, ctx):
    """'March of that year', 'June 5 of the same year': in the year of the last date named."""
    month = _month_number(m["month"])
    day = int(re.match(r"\d+", m["day"])[0]) if m["day"] else None

    def resolve(reference: str) -> str | None:
        start = _period_start(reference)
        if start is None or _GRANULARITY_RANK[start[1]] > _GRANULARITY_RANK["year"]:
            return None
        try:
            return _day(date(start[0].year, month, day)) if day else _month(start[0].year, month)
        except ValueError:
            return None

    unknown = f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    # No offset: the event layer counting from the previous event would lose the month; it takes the value.
    return _Found("DATE", unknown, relative=resolve)


_SPELLED_YEAR = (rf"nineteen[\s-](?:hundred(?:\s+and)?[\s-])?(?P<tens>{_words(TENS)}|{_words(SMALL_NUMBERS)})"
                 rf"(?:[\s-](?P<ones>{_words(SMALL_NUMBERS)}))?"
                 rf"|two\s+thousand(?:\s+and)?(?:[\s-](?P<after2000>{_words(SMALL_NUMBERS)}|{_words(TENS)}))?")


def _spelled_year(m) -> int:
    if m["tens"] is not None:
        tens = TENS.get(m["tens"].lower()) or SMALL_NUMBERS[m["tens"].lower()]
        return 1900 + tens + (SMALL_NUMBERS[m["ones"].lower()] if m["ones"] else 0)
    after = m["after2000"]
    return 2000 + ((SMALL_NUMBERS.get(after.lower()) or TENS[after.lower()]) if after else 0)


@rule(rf"(?P<month>{MONTH})\s+(?:{_SPELLED_YEAR})", re.IGNORECASE)
def month_spelled_year(m, ctx):
    if not m["month"][0].isupper():
        return None
    return _Found("DATE", _month(_spelled_year(m), _month_number(m["month"])))


@rule(rf"(?P<theyear>the\s+year\s+)?(?:{_SPELLED_YEAR})", re.IGNORECASE)
def spelled_year(m, ctx):
    if m["tens"] is None and not m["theyear"]:
        return None  # "two thousand" alone is a count
    return _Found("DATE", str(_spelled_year(m)))


@rule(rf"(?:(?:the\s+)?(?P<fiscal>fiscal|calendar|financial|model|FY)(?:\s+year)?[\s-]+|the\s+year\s+)?(?P<year>{YEAR4})"
      rf"(?:\s+(?P<beyond>and\s+beyond|or\s+later|or\s+after|or\s+earlier|or\s+before))?",
      re.IGNORECASE)
def year_alone(m, ctx):
    before = ctx.text[max(0, m.start() - 3):m.start()]
    after = ctx.text[m.end():m.end() + 12]
    # A count or an amount, not a year: "$2000", "1,999", "2000 tonnes", "1990 percent"; but after "fiscal"
    # or a determiner a plural names what the year holds ("fiscal 1999 sales", "its 1998 results").
    # A year glued to a name: "Khamkorlik-2024", "Zapad-2025", "Vision-2030".
    if not m["fiscal"] and _NAME_BEFORE_YEAR.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    # A year that ends a name written with a space: "Steadfast Defender 2024", "Euro 2024", "Resolution 2231".
    if m.start() == m.start("year") and _named_by(ctx.text, m.start()):
        return None
    if re.search(r"[\d,.]\s*$", before) or re.match(r"\s*(?:%|percent|per\b|[:,]\d|feet|metres|meters|miles|km|"
                                                     r"kilometers|kilometres)", after):
        return None
    if re.match(r"\s*[a-z]+s\b(?<!days)", after) and not (m["fiscal"] or _YEAR_DETERMINER_BEFORE.search(
            ctx.text, max(0, m.start() - 8), m.start())):
        return None
    if not m["fiscal"] and _COUNT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Some 2000 Australian and Indonesian troops": a count
    beyond = (m["beyond"] or "").lower()
    modifier = "ON_OR_BEFORE" if beyond.endswith(("earlier", "before")) else ("ON_OR_AFTER" if beyond else None)
    return _Found("DATE", m["year"], modifier)


_COUNT_BEFORE = re.compile(r"\b(?:some|at\s+least|up\s+to|more\s+than|fewer\s+than|nearly)\s+$", re.IGNORECASE)
_YEAR_RANGE = rf"(?P<year>{YEAR4})\s*[-\u2013/]\s*(?P<year2>{YEAR4}|\d\d)"


def _year_range(m, ctx) -> tuple[int, int] | None:
    """'the 1980-88 war', '1998-99', '1990-1995': two years, the second after the first, within a lifetime;
    not a year glued to a name, a count or an amount."""
    first = int(m["year"])
    second = int(m["year2"]) if len(m["year2"]) == 4 else first // 100 * 100 + int(m["year2"])
    if not first < second <= first + 60:
        return None
    before = ctx.text[max(0, m.start() - 3):m.start()]
    if re.search(r"[\d,.$\u00a3\u20ac#]\s*$", before) or _named_by(ctx.text, m.start()) or _NAME_BEFORE_YEAR.search(
            ctx.text, max(0, m.start() - 30), m.start()):
        return None
    return first, second


@rule(_YEAR_RANGE)
def year_range_first(m, ctx):
    """HeidelTime date_r12b: 'the 1980-88 war' names 1980 and 1988, two expressions ('1980' and '88')."""
    years = _year_range(m, ctx)
    return _Found("DATE", str(years[0]), end=m.end("year")) if years else None


@rule(_YEAR_RANGE)
def year_range_second(m, ctx):
    years = _year_range(m, ctx)
    return _Found("DATE", str(years[1]), start=m.start("year2")) if years else None


_NAME_BEFORE_YEAR = re.compile(r"\b(?!(?:Mid|Early|Late|Pre|Post|Fiscal|FY)-)[A-Z][A-Za-z]+-$")
# A capitalized word right before a year, separated by spaces only ("Zapad 2025", "EURO 2024"), or by a
# spaced dash as Azerbaijani and Turkish names of exercises are written ("TurAz Qartalı – 2023").
_CAPITALIZED_BEFORE_YEAR = re.compile(r"(?<![\w'\u2019.&-])(?P<word>[A-Z][^\W\d_]*)(?:[ \t]+[-\u2013\u2014])?[ \t]+$")
# Capitalized words that lead a year without naming anything: a sentence opening with a preposition, a
# determiner or an adverb ("In 2024, ...", "That 1978 resolution"), or a word of time that other rules
# read with the year ("May 2024", "Spring 2024", "Christmas 2023", "Fiscal 2024", "Q3").
_NOT_A_NAME_BEFORE_YEAR = frozenset([
    *MONTHS, *WEEKDAYS, *SEASONS, "christmas", "easter", "thanksgiving", "halloween", "pentecost", "ramadan",
    "hanukkah", "diwali", "lent", "advent", *"""
    in on at by for from to since until till through throughout during before after between around about
    circa over under of and or but nor as than like unlike into within beyond toward towards the this that
    these those its their his her our my your a an early late mid fiscal calendar financial model fy year
    years also then even only not still already until back again since summer by then when while if
    whereas because though although so yet with without against per each every all some no any
    ad ce bc bce q h""".split()])


def _named_by(text: str, start: int) -> bool:
    """Whether the year at ``start`` ends a name: a capitalized word that is not a word of time, a preposition
    or a determiner stands right before it ("Exercise Talisman Sabre 2023", "Vision 2030")."""
    word = _CAPITALIZED_BEFORE_YEAR.search(text, max(0, start - 40), start)
    return bool(word) and word["word"].lower() not in _NOT_A_NAME_BEFORE_YEAR
_YEAR_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|this|that|these|those)\s+$|['\u2019]s?\s+$",
                                     re.IGNORECASE)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule(rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[\s-]+)?(?:(?P<digits>(?:1[5-9]|20)\d0)'?s|'(?P<short>\d0)'?s|"
      rf"(?P<word>{_words(_DECADE_WORDS)}))", re.IGNORECASE)
def decade(m, ctx):
    if m["digits"]:
        value = m["digits"][:3]
        if m["digits"].startswith("1") and m["digits"].endswith("00"):
            value = m["digits"][:2]  # "the 1800s" is the century (TIMEX2/TimeML: 18), not the decade 1800-1809
    elif m["short"]:
        value = "19" + m["short"][0]
    else:
        if not m["word"][0].islower() and not m["word"][0].isupper():
            return None
        value = "19" + str(_DECADE_WORDS[m["word"].lower()])
        if not ctx.text[m.start():m.end()].lower().startswith(("the", "early", "mid", "late")):
            return None  # "in their forties" is an age, "the nineties" a decade
    return _Found("DATE", value, POSITION_MODS[m["pos"].lower()] if m["pos"] else None)


_CENTURY_ORDINAL = rf"\d{{1,2}}(?:st|nd|rd|th)|{_words(ORDINALS)}"


@rule(rf"(?:the\s+)?(?P<ordinal>{_CENTURY_ORDINAL})[\s-]+centur(?:y|ies)"
      rf"|(?:the\s+)?(?P<first>{_CENTURY_ORDINAL})(?=\s+(?:and|or|to)\s+(?:(?:early|mid|late)[\s-]+)?"
      rf"(?:{_CENTURY_ORDINAL})[\s-]+centuries\b)", re.IGNORECASE)
def century(m, ctx):
    """'the 20th century' 19; in 'the 19th and early 20th centuries' each ordinal is a century of its own."""
    word = (m["ordinal"] or m["first"]).lower()
    number = int(word[:-2]) if word[0].isdigit() else ORDINALS.get(word, 0)
    if number < 1:
        return None
    return _Found("DATE", f"{number - 1:02d}")


# ---- seasons, quarters, halves ---------------------------------------------------------------------------

_RELATIVE = r"this|last|next|past|coming|previous|following|current|present"


@rule(rf"(?:(?P<rel>this\s+past|this\s+coming|(?:the\s+)?(?:{_RELATIVE})|the)\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR4})|"
      rf"\s+(?:of\s+)?(?:{_SPELLED_YEAR})|\s+of\s+(?P<relyear>last|next|this)\s+year)?", re.IGNORECASE)
def season(m, ctx):
    name, rel = m["season"].lower(), ((m["rel"] or "").lower().split() or [""])[-1]
    code = SEASONS[name]
    year = int(m["year"]) if m["year"] else (_spelled_year(m) if (m["tens"] or m["after2000"]) else None)
    if m["relyear"]:
        # "the spring of next year": the season of the year counted from the story's day
        if ctx.anchor is None:
            return _Found("DATE", f"XXXX-{code}")
        year = ctx.anchor.year + {"last": -1, "next": 1, "this": 0}[m["relyear"].lower()]
    if not rel and year is None and name in ("fall", "spring"):
        return None  # "prices fall", "a spring": only with a determiner or a year
    if rel == "the" and year is None and name == "fall" and not re.search(
            r"\b(?:in|during|by|until|since|through)\s+$", ctx.text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return None  # "the fall of the city" is a collapse; "in the fall" a season
    if year is not None:
        return _Found("DATE", f"{year}-{code}")
    if rel in ("previous", "following"):
        direction = -1 if rel == "previous" else 1
        return _Found("DATE", None, offset=(direction, "Y"), relative=_season_from_reference(code, direction))
    if ctx.anchor is None:
        return _Found("DATE", f"XXXX-{code}")
    if rel in ("this", "current", "present"):
        return _Found("DATE", f"{ctx.anchor.year}-{code}")
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, ctx.direction(m.start()))
    value = _resolve_season(code, ctx.anchor, direction)
    if rel in ("last", "past", "next", "coming") and value == "{}-{}".format(*_season(ctx.anchor)):
        year, _ = _season(ctx.anchor)
        value = f"{year + direction}-{code}"
    return _Found("DATE", value)


_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "final": 4, "last": 4}


@rule(rf"(?:(?P<the>(?:the\s+)?(?:comparable\s+)?(?P<prevyear>year-ago|year-earlier)|"
      rf"the(?=\s+(?:fiscal\s+|calendar\s+|\d{{4}}\s+)?\w+\s)|this\s+year's|last\s+year's|"
      rf"next\s+year's|(?P<ownyear>{YEAR4})'s)\s+)?"
      rf"(?:(?P<fiscal1>fiscal|calendar)[\s-]+)?(?:(?P<year1>{YEAR4})\s+)?"
      rf"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?"
      rf"(?P<unit>quarter|half)"
      rf"(?:\s+(?:of|in)\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<year2>{YEAR4})|(?P<rel>this|last|next)\s+year|the\s+year))?",
      re.IGNORECASE)
def quarter_or_half(m, ctx):
    ordinal = _QUARTER_ORDINALS[m["ordinal"].lower()]
    is_half = m["unit"].lower() == "half"
    if is_half and ordinal > 2:
        ordinal = 2 if m["ordinal"].lower() in ("last", "final") else 0
        if not ordinal:
            return None
    if not is_half and m["ordinal"].lower() == "last" and not (m["year1"] or m["year2"] or m["rel"]):
        return None  # "the last quarter" is the previous quarter: handled by the relative rule
    code = f"H{ordinal}" if is_half else f"Q{ordinal}"
    year = m["year1"] or m["year2"] or m["ownyear"]
    the = (m["the"] or "").lower()
    if year is None and ctx.anchor is not None and m["prevyear"]:
        year = ctx.anchor.year - 1
    if year is None and ctx.anchor is not None:
        rel = (m["rel"] or "").lower()
        if rel or the.startswith(("this year", "last year", "next year")):
            shift_years = -1 if "last" in (rel or the) else (1 if "next" in (rel or the) else 0)
            year = ctx.anchor.year + shift_years
        elif is_half:
            year = ctx.anchor.year
        else:
            return _Found("DATE", _resolve_quarter(ordinal, ctx.anchor, ctx.direction(m.start())))
    if year is None:
        return _Found("DATE", f"XXXX-{code}")
    return _Found("DATE", f"{year}-{code}")


# ---- named months and weekdays ---------------------------------------------------------------------------

# "May" and "March" are also a verb; a month name alone needs a word that makes it a date.
_MONTH_CUE_BEFORE = re.compile(r"(?:\b(?:in|since|until|till|by|from|through|to|during|of|last|next|this|"
                               r"early|mid|late|before|after|on|between|and|or|since|each|every)[\s-]*)$",
                               re.IGNORECASE)


@rule(rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming|the\s+previous|the\s+following))\s+)?"
      rf"(?P<month>{MONTH})"
      rf"(?:\s+(?:of\s+)?(?P<rel2>(?i:this|last|next))\s+year)?")
def month_alone(m, ctx):
    word = m["month"].lower().rstrip(".")
    if word in ("may", "march") or len(word) <= 4 and word not in ("june", "july"):
        before = ctx.text[max(0, m.start() - 12):m.start()]
        if not (m["rel"] or m["rel2"] or _MONTH_CUE_BEFORE.search(before)):
            return None
        if word == "may" and re.match(r"\s+(?:be|have|not|also|well|still|yet|need|want|take|make)\b",
                                      ctx.text[m.end():m.end() + 8]):
            return None
    month = _month_number(word)
    rel, rel2 = (m["rel"] or "").lower().split()[-1:] or [""], (m["rel2"] or "").lower()
    rel = rel[0]
    if rel in ("previous", "following"):
        direction = -1 if rel == "previous" else 1
        return _Found("DATE", None, offset=(direction, "Y"), relative=_month_from_reference(month, direction))
    shared_year = None if rel or rel2 else _SHARED_YEAR_AFTER.match(ctx.text, m.end())
    if shared_year:
        return _Found("DATE", _month(_year(shared_year["year"]), month))  # "in July and August 2024"
    if ctx.anchor is None:
        return _Found("DATE", f"XXXX-{month:02d}")
    if rel2:
        return _Found("DATE", _month(ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel2], month))
    if rel == "this":
        return _Found("DATE", _month(ctx.anchor.year, month))
    if rel in ("last", "past"):
        return _Found("DATE", _month(_resolve_month(month, ctx.anchor, -1, strict=True), month))
    if rel in ("next", "coming"):
        return _Found("DATE", _month(_resolve_month(month, ctx.anchor, 1, strict=True), month))
    direction = ctx.calendar_direction(m.start())
    if direction < 0 and _HELD_IN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "was held in Lamu in March" (in a February story): what happened in that month, the latest
        # one up to the story's own; a deadline in a past clause ("extended the offer to May") may be the coming one
        return _Found("DATE", _month(_resolve_month(month, ctx.anchor, -1, since=True), month))
    year = _resolve_month(month, ctx.anchor, direction, since=ctx.since(m.start()))
    return _Found("DATE", _month(year, month))


# "July and August 2024", "from June to September 2023": the second month's year is the first's too.
_SHARED_YEAR_AFTER = re.compile(rf"\s*(?:and|or|to|through|until|till|-|–)\s*(?:{MONTH})\s*,?\s+(?P<year>{YEAR4})\b")
# A past happening told with its month: "was held in Lamu in March", "took place in March".
_HELD_IN_BEFORE = re.compile(r"\b(?:held|took place|hosted|staged|conducted|signed|visited|met)\b[^.;:]{0,30}\bin\s+$", re.IGNORECASE)


_STORY_LOOKBACK = 8000  # characters searched back for an earlier mention of the same weekday


@rule(rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming|(?:the\s+)?previous|"
      rf"(?:the\s+)?following))\s+)?(?P<weekday>{WEEKDAY})"
      rf"(?:\s+(?P<part>{PART_OF_DAY}))?", )
def weekday(m, ctx):
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    number = WEEKDAYS[m["weekday"].lower().rstrip(".")]
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else None
    kind = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if rel in ("previous", "following"):
        # The weekday before or after the reference time; no offset fits it, so the event layer takes the value.
        return _Found(kind, None, relative=_weekday_from_reference(number, -1 if rel == "previous" else 1, suffix))
    if ctx.anchor is None:
        return _Found(kind, f"XXXX-WXX-{number + 1}{suffix}")
    if rel in ("last", "past"):
        day = _resolve_weekday(number, ctx.anchor - timedelta(days=1), -1)
    elif rel in ("next", "coming"):
        day = _resolve_weekday(number, ctx.anchor + timedelta(days=1), 1)
    elif rel == "this":
        day = _resolve_weekday(number, ctx.anchor, ctx.day_direction(m.start(), m.end()) or 1)
    else:
        at, end = m.start(), m.end()
        if not part and _POSSESSIVE.match(ctx.text, m.end()):
            # "Tuesday's talks" says nothing of its direction: it is the Tuesday the story named before
            # ("talks Tuesday with Ukrainian officials" ahead, "an attack on Tuesday" back), if it did.
            before = None
            window = max(0, m.start() - _STORY_LOOKBACK)  # bounded: a long text must not cost a scan per mention
            for before in re.finditer(rf"\b{m['weekday']}\b(?!['\u2019])", ctx.text[window:m.start()]):
                pass
            if before is not None:
                at, end = window + before.start(), window + before.end()
        day = _resolve_weekday(number, ctx.anchor, ctx.day_direction(at, end))
    return _Found(kind, _day(day) + suffix)


# ---- holidays --------------------------------------------------------------------------------------------


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the computus's own letters)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th such weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


# Holidays whose date does not depend on the country that keeps them (Labor Day is May 1 in most of the
# world and in September in the US; every nation has its own Independence Day).
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "the fourth of july": (7, 4),
}
MOVABLE_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "easter": _easter, "easter sunday": _easter, "easter day": _easter,
    "good friday": lambda y: _easter(y) - timedelta(days=2), "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "palm sunday": lambda y: _easter(y) - timedelta(days=7), "ash wednesday": lambda y: _easter(y) - timedelta(days=46),
    "pentecost": lambda y: _easter(y) + timedelta(days=49),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1), "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, 0, 3), "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
}
# "Christmas trees", "Easter Island": the holiday names a thing there, not a day.
_HOLIDAY_THING_AFTER = re.compile(r"\s+(?:trees?|cards?|carols?|gifts?|presents?|decorations?|lights|ornaments?|"
                                  r"islands?|bunny|eggs?|lil(?:y|ies)|turkeys?|music|songs?|stockings?)\b",
                                  re.IGNORECASE)
_OTHER_NEW_YEAR_BEFORE = re.compile(r"\b(?:lunar|chinese|jewish|persian|iranian|islamic|vietnamese|orthodox)\s+$",
                                    re.IGNORECASE)
_HOLIDAY_NAME = _words([*FIXED_HOLIDAYS, *MOVABLE_HOLIDAYS]).replace("'", "['\u2019]").replace("\\ ", r"\s+")


@rule(rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past)\s+)?(?P<name>{_HOLIDAY_NAME})"
      rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR4}))?", re.IGNORECASE)
def holiday(m, ctx):
    """'Christmas' XXXX-12-25, 'Easter 1998' 1998-04-12, 'last Thanksgiving': without a year, the tense of the
    clause picks it, as for 'Dec. 25'."""
    words = m["name"].split()
    if not all(w[0].isupper() for w in words if w.lower() not in ("the", "of")):
        return None  # a name is capitalized: "easter" or "the fourth of july" in lower case are not
    if _HOLIDAY_THING_AFTER.match(ctx.text, m.end()):
        return None
    name = " ".join(words).lower().replace("\u2019", "'")
    if name.startswith("new year") and _OTHER_NEW_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # another calendar's new year
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        day_of = lambda year: date(year, month, day)  # noqa: E731
    else:
        day_of = MOVABLE_HOLIDAYS[name]
    if m["year"]:
        return _Found("DATE", _day(day_of(int(m["year"]))))
    if ctx.anchor is None:
        return _Found("DATE", f"XXXX-{month:02d}-{day:02d}" if name in FIXED_HOLIDAYS else "XXXX-XX-XX")
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    anchor = ctx.anchor
    this_year = day_of(anchor.year)
    if rel == "this":
        return _Found("DATE", _day(this_year))
    if rel in ("last", "past"):
        return _Found("DATE", _day(this_year if this_year < anchor else day_of(anchor.year - 1)))
    if rel in ("next", "coming"):
        return _Found("DATE", _day(this_year if this_year > anchor else day_of(anchor.year + 1)))
    candidates = [day_of(anchor.year + k) for k in (-1, 0, 1)]
    return _Found("DATE", _day(_pick_year(candidates, anchor, ctx.calendar_direction(m.start()), ctx.since(m.start()))))


# ---- words relative to the publication date --------------------------------------------------------------

_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
# A sentence, a line or a quotation opens here: 'Today the envoys met', 'he said, "Today we act"'.
_SENTENCE_START_BEFORE = re.compile(r"(?:(?:^|[.!?:;(\[\n-])\s*[\"'\u201c\u2018]?|,\s*[\"'\u201c\u2018])\s*$")


def _is_title(m, ctx) -> bool:
    """'USA Today', ABC's "This Week": every word capitalized in mid-sentence makes a name, not a date."""
    words = m[0].split()
    if not all(w[0].isupper() for w in words):
        return False
    return not _SENTENCE_START_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start())


@rule(rf"(?:the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow))|"
      rf"(?P<word>{RELATIVE_DAY})(?:\s+(?P<part>{PART_OF_DAY}))?|"
      rf"(?P<rel>this|last|late\s+last|early\s+this)\s+(?P<part2>{PART_OF_DAY})", re.IGNORECASE)
def relative_day(m, ctx):
    if _is_title(m, ctx):
        return None
    position = None
    if m["around"]:
        amount, part = (-2 if m["around"].lower().startswith("before") else 2), None
    elif m["word"]:
        word = m["word"].lower()
        amount = _DAY_WORDS[word]
        part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else ("NI" if word == "tonight" else None)
        if word == "today" and not m["part"] and re.match(r"'s\s+(?:world|society|economy|market)",
                                                          ctx.text[m.end():m.end() + 12]):
            return _Found("DATE", "PRESENT_REF")
    else:
        rel = m["rel"].lower()
        part = PARTS_OF_DAY[m["part2"].lower()]
        if rel.endswith("last") and part != "NI":
            return None  # "last evening" is rare and "last morning" is not a date
        amount = -1 if rel.endswith("last") else 0
        position = POSITION_MODS.get(rel.split()[0])  # "late last night": END
    kind = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if ctx.anchor is None:
        return _Found(kind, None, position)
    return _Found(kind, _day(ctx.anchor + timedelta(days=amount)) + suffix, position)


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|into|for|about|to|towards?|from|until|till|at|over|of|on|through)\s+$",
                                 re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|should|shall|must|to)\s+$|'ll\s+$", re.IGNORECASE)
_REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "at this time": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "formerly": "PAST_REF", "earlier": "PAST_REF",
    "once": "PAST_REF", "long ago": "PAST_REF", "years ago": "PAST_REF", "some time ago": "PAST_REF",
    "a while ago": "PAST_REF", "not long ago": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "more recently": "PAST_REF",
    "most recently": "PAST_REF",
    "as soon as possible": "FUTURE_REF", "soon": "FUTURE_REF", "someday": "FUTURE_REF", "some day": "FUTURE_REF",
    "one day": "FUTURE_REF",
}


@rule(rf"(?:{_words(w for w in _REF_WORDS if w not in ('once', 'earlier'))})",
      re.IGNORECASE)
def reference(m, ctx):
    word = re.sub(r"\s+", " ", m[0].lower())
    after = ctx.text[m.end():m.end() + 20]
    if word == "now" and re.match(r"\s*(?:that|defunct)\b", after):
        return None
    if word == "one day" and not _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # "one day" is some day ahead only after a modal ("will one day lead"); else a day's length
    if word == "soon" and (re.match(r"\s*(?:after|afterwards?|before|thereafter)\b", after, re.IGNORECASE)
                           or re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()], re.IGNORECASE)):
        return None  # "soon after the vote", "as soon as": a signal of another time, not a time
    if word.endswith("term") and not _NOT_A_NOUN_AFTER.match(ctx.text, m.end()):
        return None  # "the long term plan"
    if word in ("the future", "the near future") and (
            re.match(r"\s+of\b", after, re.IGNORECASE) or not _PREPOSITION_BEFORE.search(
                ctx.text, max(0, m.start() - 12), m.start())):
        return None  # "the future of the alliance", "the future looks bleak": prospects, not a time
    if word == "the present" and not re.match(r"\s*(?:[,.;:)]|$|(?:and|or|day|time)\b)", after):
        return None  # "the present government" is not a date
    if word == "current" and re.match(r"\s+(?:account|affairs|events|issue|price|prices|rate|rates|levels?|"
                                      r"situation|law|system|members?|and)\b", after, re.IGNORECASE):
        return None
    return _Found("DATE", _REF_WORDS[word])


# "this week", "last month", "next year", "the current quarter", "the past year"
_REL_UNIT = r"week|weekend|month|quarter|year|decade|century"


@rule(rf"(?:(?P<the>the)\s+)?(?:(?P<rel>this|last|next|past|coming|previous|following|current|present|"
      rf"latest|same|prior|preceding|year-ago|year-earlier|most\s+recent)|(?P<earlier>earlier|later)\s+(?:this|that|in\s+the))"
      rf"\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>{_REL_UNIT}|period|day)",
      re.IGNORECASE)
def relative_unit(m, ctx):
    if _is_title(m, ctx):
        return None
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    unit = m["unit"].lower()
    the = bool(m["the"])
    modifier = None
    if m["earlier"]:
        modifier = "START" if m["earlier"].lower() == "earlier" else "END"
        rel = "this" if "this" in m[0].lower() or "the" in m[0].lower() else "that"
        if rel == "that" or unit == "day":
            # "later that month", "earlier in the day": the period of the last date named
            code = _unit_code(unit)
            return _Found("DATE", None, modifier, offset=(0, code),
                          relative=_from_reference(0, code, keep_granularity=False))
    if unit == "day":
        return None  # "this day", "the same day": left to the rules for days
    if unit == "weekend" and rel in ("this", "last", "past", "next", "coming"):
        return None  # left to the weekend rule, which reads the tense
    if unit == "period":
        if rel not in ("year-ago", "year-earlier", "latest", "most recent"):
            return None
        if rel in ("latest", "most recent"):
            # "the latest period" of an earnings report: the quarter it is on, else the last one completed.
            if ctx.anchor is None:
                return _Found("DATE", "XXXX-QX", modifier)
            return _Found("DATE", _relative_unit(ctx.anchor, "quarter", -1)[0], modifier,
                          relative=_quarter_of_reference(None))
        unit = "quarter"
    if rel in ("previous", "following", "prior", "preceding") or (rel == "same" and unit != "period"):
        if not the and rel in ("previous", "following", "prior", "preceding"):
            return None
        amount = {"previous": -1, "prior": -1, "preceding": -1, "following": 1, "same": 0}[rel]
        code = _unit_code(unit)
        return _Found("DATE", None, modifier, offset=(amount, code),
                      relative=_from_reference(amount, code, keep_granularity=False))
    if ctx.anchor is None:
        return _Found("DATE", UNKNOWN_BY_UNIT[unit], modifier)
    if rel in ("year-ago", "year-earlier"):
        quarter = _relative_unit(ctx.anchor, "quarter", -1)[0] if unit == "quarter" else None
        return _Found("DATE", quarter.replace(quarter[:4], str(int(quarter[:4]) - 1)) if quarter
                      else str(ctx.anchor.year - 1), modifier, relative=_same_period_years_back(1, ctx.anchor))
    if rel in ("latest", "most recent"):
        # The last period completed: "the latest quarter", "the latest fiscal year" (its report is out).
        if unit not in ("quarter", "year"):
            return None
        return _Found("DATE", _relative_unit(ctx.anchor, unit, -1)[0], modifier)
    if rel in ("last", "past") and the and unit in ("week", "month", "year", "decade", "century"):
        # "the past year" is the twelve months up to now; as a date it names the previous period.
        pass
    amount = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
    value, _ = _relative_unit(ctx.anchor, unit, amount)
    return _Found("DATE", value, modifier)


def _unit_code(unit: str) -> str:
    return {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q", "year": "Y",
            "decade": "DE", "century": "CE"}[unit]


@rule(r"the\s+(?:fiscal\s+|financial\s+)?year(?=\s+(?:ended|ending|that\s+ended|that\s+ends|through)\s)",
      re.IGNORECASE, priority=0)
def accounting_year(m, ctx):
    """'the year ended March 31': a twelve-month stretch named by its last day (a separate date)."""
    return _Found("DURATION", "P1Y")


@rule(r"the\s+(?:(?:full|fiscal|calendar|whole|entire)\s+)?(?P<unit>year|month|week)(?!\s+(?:ended|ending|to|that|through|before|after|earlier|following)\b)",
      re.IGNORECASE)
def the_period(m, ctx):
    """'for the year', 'a high for the week', 'of the month': in a report, the current period."""
    if not _PERIOD_PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    unit = m["unit"].lower()
    return _Found("DATE", UNKNOWN_BY_UNIT[unit] if ctx.anchor is None else _relative_unit(ctx.anchor, unit, 0)[0])


_PERIOD_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|during)\s+$", re.IGNORECASE)


@rule(r"(?P<vague>some\s+time|a\s+while|a\s+long\s+time|a\s+(?:fairly\s+|very\s+)?(?:long|lengthy)\s+period)",
      re.IGNORECASE)
def vague_stretch(m, ctx):
    """'for some time', 'for a while': a duration of unknown length, only after 'for'."""
    if not re.search(r"\bfor\s+$", ctx.text[max(0, m.start() - 5):m.start()], re.IGNORECASE):
        return None
    return _Found("DURATION", "PXX")


@rule(r"(?P<det>the|that)\s+quarter", re.IGNORECASE)
def the_quarter(m, ctx):
    """'the quarter' in a past-tense report is the last completed one (earnings news); ahead, the current."""
    if m["det"].lower() == "that":
        return _Found("DATE", None, offset=(0, "Q"), relative=_from_reference(0, "Q", keep_granularity=False))
    if ctx.anchor is None:
        return _Found("DATE", "XXXX-QX")
    amount = -1 if ctx.direction(m.start()) < 0 else 0
    return _Found("DATE", _relative_unit(ctx.anchor, "quarter", amount)[0], relative=_quarter_of_reference(None))


@rule(rf"the\s+(?P<year>{YEAR4})\s+(?:period|quarter)", re.IGNORECASE)
def year_period(m, ctx):
    """'the 1988 period', 'the 1988 quarter': in a report on a quarter, that quarter in the year named."""
    return _Found("DATE", m["year"], relative=_quarter_of_reference(int(m["year"])))


@rule(r"year[-\s](?:ago|earlier)", re.IGNORECASE, priority=2)
def year_ago_adjective(m, ctx):
    """'year-earlier results': the same period one year before."""
    if "-" not in m[0]:
        return None
    if ctx.anchor is None:
        return _Found("DATE", None)
    return _Found("DATE", str(ctx.anchor.year - 1), relative=_same_period_years_back(1, ctx.anchor))


@rule(r"(?:the\s+)?(?:(?P<rel>this\s+past|this\s+coming|this|next|last|coming|past)\s+)?weekend|the\s+week",
      re.IGNORECASE)
def weekend(m, ctx):
    text = m[0].lower()
    if text == "the week":
        return None
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    if ctx.anchor is None:
        return _Found("DATE", "XXXX-WXX-WE")
    if rel in ("next", "coming"):
        amount = 1
    elif rel in ("last", "past"):
        amount = -1
    else:
        # "the weekend", "this weekend": in the past tense the one before the anchor, in the future the coming one.
        direction = ctx.direction(m.start())
        amount = -1 if direction < 0 and ctx.anchor.weekday() < 5 else (1 if direction > 0 and ctx.anchor.weekday() > 5 else 0)
    return _Found("DATE", _week(ctx.anchor + timedelta(weeks=amount)) + "-WE")


@rule(r"(?:the\s+)?(?:end\s+of\s+the\s+year|year[-\s]end|year's\s+end|turn\s+of\s+the\s+(?P<century>century|year))",
      re.IGNORECASE)
def year_end(m, ctx):
    if ctx.anchor is None:
        return _Found("DATE", "XXXX", "END")
    if m["century"] and m["century"].lower() == "century":
        return _Found("DATE", f"{ctx.anchor.year // 100:02d}", "END")
    return _Found("DATE", str(ctx.anchor.year), "END")


@rule(r"(?:the\s+)?(?P<pos>end|beginning|start|middle|close)\s+of\s+the\s+(?P<unit>century|decade)", re.IGNORECASE)
def end_of_the_century(m, ctx):
    """'by the end of the century', 'the beginning of the decade': the anchor's century or decade, with the
    part of it as the modifier (the period alone is no date: 'the crime of the century')."""
    modifier = "END" if m["pos"].lower() == "close" else POSITION_MODS[m["pos"].lower()]
    century = m["unit"].lower() == "century"
    if ctx.anchor is None:
        return _Found("DATE", "XX" if century else "XXX", modifier)
    return _Found("DATE", f"{ctx.anchor.year // 100:02d}" if century else str(ctx.anchor.year // 10), modifier)


# ---- durations, "ago", offsets ---------------------------------------------------------------------------

_DURATION_LEAD = r"the|its|a|an|the\s+first|the\s+last|the\s+past|the\s+next|the\s+previous|the\s+coming|the\s+final"


# "One day" opening a sentence or a clause, or right after its subject ("he one day hoped"), is some day.
_SOME_DAY_BEFORE = re.compile(r"(?:^|[.!?;:\n\"'\u201c\u2018(]\s*|,\s+|\b(?:he|she|they|we|I|you|it|who)\s+)$")
_NOT_SOME_DAY_AFTER = re.compile(r"['\u2019-]|\s*(?:of|or|and|to|ahead|before|after|later|earlier|early|late|off|per|in\s+advance)\b",
                                 re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s+old\b", re.IGNORECASE)
_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|must|not|n't|did|does|do)\s+$",
                               re.IGNORECASE)
_FRACTION_AFTER = re.compile(rf"\s+of\s+(?!(?:the\s+)?(?:fiscal|calendar|financial|this|last|next|year)\b|{YEAR4}\b)",
                             re.IGNORECASE)


_BEYOND_BEFORE = re.compile(r"(?:(?P<word>beyond)|\b(?:last|lasts|lasted|lasting|for)\s+(?P<over>over))\s+$",
                            re.IGNORECASE)


@rule(rf"(?:(?P<lead>the)\s+(?![^\s]{{0,30}}-(?:{UNIT})\b))?"
      rf"(?:(?P<rel>first|last|past|next|previous|coming|final|latest|following|initial|entire|whole|full|"
      rf"remaining|prior|preceding|same|recent)\s+)?"
      rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<low>{NUMBER})\s*(?:to|-)\s*)?(?P<qty>{QUANTITY})(?:\s+or\s+(?:more|two|three|four|five))?"
      rf"(?P<hyphen>[\s-])(?P<more>more\s+|additional\s+|straight\s+|consecutive\s+|full\s+|long\s+|"
      rf"(?:trading|business|working)\s+(?=days?\b))?"
      rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?"
      rf"(?:(?P<old>-old)|(?P<long>-long)|\s+(?P<after>ago|earlier|later|before|after|hence|from\s+now|previously|since|"
      rf"back|in\s+advance|beforehand|afterwards?))?",
      re.IGNORECASE)
def quantity_of_units(m, ctx):
    qty = m["qty"]
    qty_lower = re.sub(r"\s+", " ", qty.lower())
    unit = UNIT_ALIASES.get(m["unit"].lower(), m["unit"].lower())
    singular = unit.removesuffix("s") if unit not in ("centuries", "millennia") else unit
    singular = UNIT_ALIASES.get(singular, singular)
    plural = unit.endswith("s") and unit not in ("hrs", "mins")
    approx = APPROX_MODS.get(re.sub(r"\s+", " ", m["approx"].lower())) if m["approx"] else None
    end = start = None
    if qty_lower in ("a", "an"):
        if plural or singular == "second" or m["long"]:
            return None  # "a second round" is an ordinal; in "a month-long siege" the article is the noun's
        amount: float | None = 1.0
    elif re.fullmatch(VAGUE, qty_lower) and not qty_lower.endswith("couple of"):
        if qty_lower == "some" and not plural:
            return None  # "some day" is vague, not a duration
        amount = None
    else:
        amount = spelled_number(qty)
        if amount is None and not m["low"]:
            # "two four-year terms": the count is the last number word before the unit.
            last = re.search(rf"(?<![\w-])(?:{NUM_WORD})$", qty, re.IGNORECASE)
            if last and last.start() > 0 and not (m["lead"] or m["rel"] or m["approx"]):
                amount, start = spelled_number(last[0]), m.start("qty") + last.start()
        if amount is None or amount > 100000:
            return None
    if m["orso"] or qty_lower.endswith("couple of"):
        approx = approx or "APPROX"
    if m["half"]:
        if amount is None or plural:
            return None  # "a minute and a half", "an hour and a half"; not "days and a half"
        amount += 0.5
    if m["low"] and ctx.text[m.end("low"):m.start("qty")] == "-" and not m["low"][-1].isdigit():
        # "twenty-four" is one number, not a range from twenty to four.
        amount = spelled_number(ctx.text[m.start("low"):m.end("qty")])
        if amount is None:
            return None
    elif m["low"]:
        # "two to three weeks": TimeML has no range; the lower bound with EQUAL_OR_MORE keeps what is sure.
        low = spelled_number(m["low"])
        if low is None or amount is None or low >= amount:
            return None
        amount, approx = low, approx or "EQUAL_OR_MORE"
    rel = (m["rel"] or "").lower()
    after = re.sub(r"\s+", " ", (m["after"] or "").lower())
    lead = (m["lead"] or "").lower()
    if rel == "last" and not lead and _VERB_LAST_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        # "expected to last about 80 days": the verb, not "the last 80 days"
        rel, start = "", m.start("approx") if m["approx"] else m.start("low") if m["low"] else m.start("qty")
    if after and lead:
        # "the past three years after ...", "the two days before ...": a period; the word after it is a signal.
        after, end = "", (m.end("orso") if m["orso"] else m.end("half") if m["half"] else m.end("unit"))
    if rel == "recent":
        return _Found("DATE", "PAST_REF", start=start)
    if not (approx or lead or rel or m["low"] or after or start is not None or m["long"] or m["hyphen"] == "-"):
        beyond = _BEYOND_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        if beyond:
            # "continues beyond 24 hours", "lasted over a week": more than the stretch (TimeBank, VOA);
            # a bare "over three years" is "during three years" and keeps its preposition outside.
            approx, start = "MORE_THAN", beyond.start("word") if beyond["word"] else beyond.start("over")
    if (qty_lower == "one" and singular == "day" and not (lead or rel or approx or m["low"] or after or m["more"] or m["long"])
            and _SOME_DAY_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
            and not _NOT_SOME_DAY_AFTER.match(ctx.text, m.end())):
        # "One day, he said, the country will be free", "she one day hopes to": some day, not a day's length;
        # ahead it is a time (TimeML FUTURE_REF), back it tells of nothing dated ("One day last week, ...").
        return _Found("DATE", "FUTURE_REF") if ctx.direction(m.start()) > 0 else None
    if singular in ("weekend",):
        return None
    if singular == "quarter" and (m["hyphen"] == "-" and plural or _FRACTION_AFTER.match(ctx.text, m.end())) and not (
            amount is None and plural):  # "several quarters of losses" counts periods, not shares
        return None  # "three-quarters of its food", "a quarter of the market": a share, not a time
    if singular == "year" and (m["old"] or _AGE_AFTER.match(ctx.text, m.end())):
        return None  # a person's or a firm's age ("52 years old", "a 136-year-old bank") is no time expression
    letter = _unit_letter(singular)
    whole = None if amount is None else int(amount)
    if after in ("ago", "back", "previously", "since"):
        return _ago(ctx, singular, whole, -1, approx, amount, start)
    if after in ("hence", "from now"):
        return _ago(ctx, singular, whole, 1, approx, amount, start)
    if after in ("earlier", "later", "before", "after", "in advance", "beforehand", "afterward", "afterwards"):
        sign = 1 if after in ("later", "after", "afterward", "afterwards") else -1
        offset = (sign * whole, letter) if whole is not None and not letter.startswith("T") else None
        if after == "earlier":
            # TimeML: "a year earlier" is the date a year before the reference time.
            return _Found("DATE", None, approx, offset=offset, start=start,
                          relative=_from_reference(*offset, keep_granularity=True) if offset else None)
        # "three days | later": TimeML tags the stretch as a DURATION and leaves the signal word outside;
        # the offset keeps the direction for the event layer.
        end = (m.end("orso") if m["orso"] else m.end("half") if m["half"] else m.end("unit"))
        return _Found("DURATION", _duration(amount, singular), approx, offset=offset, end=end, start=start)
    return _Found("DURATION", _duration(amount, singular), approx, end=end, start=start)


@rule(r"(?P<unit>hour|day|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?-?long", re.IGNORECASE)
def unit_long(m, ctx):
    """'a month-long siege', 'a weeklong visit': one unit; 'a decades-long feud': an unknown number of them."""
    unit = m["unit"].lower().replace("centurie", "century")
    return _Found("DURATION", _duration(None if m["plural"] else 1, unit))


@rule(rf"(?P<qty>\d{{1,3}}|{NUM_WORD})-and-a-half[\s-](?P<unit>minute|hour|day|week|month|year|decade|century)s?(?:-long)?",
      re.IGNORECASE)
def and_a_half_unit(m, ctx):
    """'a two-and-a-half-hour meeting', 'three-and-a-half years': the count and a half of the unit."""
    amount = spelled_number(m["qty"])
    if amount is None:
        return None
    return _Found("DURATION", _duration(amount + 0.5, m["unit"].lower()))


@rule(r"(?:half\s+an?\s+|an?\s+half[\s-]|half-)(?P<unit>minute|hour|day|year|decade|century)(?:-long)?", re.IGNORECASE)
def half_unit(m, ctx):
    """'half an hour' (PT30M), 'a half-day' (PT12H), 'about half a century' (P50Y, APPROX)."""
    unit = m["unit"].lower()
    value = "PT12H" if unit == "day" else _duration(0.5, unit)
    hedge = _APPROX_PREFIX.search(ctx.text, max(0, m.start() - 25), m.start())
    if hedge:
        return _Found("DURATION", value, APPROX_MODS[re.sub(r"\s+", " ", hedge["approx"].lower())], start=hedge.start())
    return _Found("DURATION", value)


def _ago(ctx, unit: str, amount: int | None, sign: int, approx, exact_amount, start: int | None = None) -> _Found:
    unit = {"centurie": "century", "centuries": "century"}.get(unit, unit)
    if amount is None:
        return _Found("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", approx, start=start)
    if ctx.anchor is None or unit in ("second", "minute", "hour", "fortnight", "millennium", "millennia", "weekend"):
        if unit == "hour" and ctx.anchor is not None:
            return _Found("TIME", None, approx, offset=None, start=start)
        return _Found("DATE", None, approx, start=start)
    amount *= sign
    if unit == "day":
        return _Found("DATE", _day(ctx.anchor + timedelta(days=amount)), approx, start=start)
    value, _ = _relative_unit(ctx.anchor, unit, amount)
    if unit == "year" and sign < 0:
        return _Found("DATE", value, approx, relative=_same_period_years_back(-amount, ctx.anchor), start=start)
    return _Found("DATE", value, approx, start=start)


@rule(rf"(?:the\s+)?(?P<rel>next|following|previous|prior|preceding|same|that)\s+(?P<unit>day|morning|evening|night|"
      rf"afternoon|week|month|year)|(?:the\s+)?(?P<unit2>day|week|month|year|night)\s+(?P<side>before|after|earlier)"
      rf"(?=\s*[,.;)]|\s+(?:and|but|when|as|while|he|she|they|it|in|at|on)\b)", re.IGNORECASE)
def event_relative_day(m, ctx):
    """'the next day', 'that night', 'the day before': counted from the reference time (the last date named);
    the offset lets the event layer count from the previous event instead."""
    if m["rel"]:
        rel, unit = m["rel"].lower(), m["unit"].lower()
        if rel == "next" and not m[0].lower().startswith("the") and unit != "day":
            return None  # "next week" is relative to the anchor: another rule
        amount = {"next": 1, "following": 1, "previous": -1, "prior": -1, "preceding": -1, "same": 0, "that": 0}[rel]
    else:
        unit, amount = m["unit2"].lower(), (1 if m["side"].lower() == "after" else -1)
    if unit in ("morning", "evening", "night", "afternoon"):
        return _Found("TIME", None, offset=(amount, "D"),
                      relative=_from_reference(amount, "D", keep_granularity=False, suffix="T" + PARTS_OF_DAY[unit]))
    code = _unit_code(unit)
    return _Found("DATE", None, offset=(amount, code), relative=_from_reference(amount, code, keep_granularity=False))


_TIMES_BEFORE = re.compile(rf"\b(?:once|twice|thrice|(?:\d{{1,2}}|{NUM_WORD})\s+times)\s+$", re.IGNORECASE)
# A count, then up to two words ("700 seats", "$5 million", "four flights"), right before "a <unit>".
_RATE_BEFORE = re.compile(
    rf"(?:\b(?:once|twice|thrice|times)|(?:\d[\d,.]*|\b(?:{NUM_WORD}|million|billion|dozen))"
    rf"(?:\s+(?!(?:in|for|within|over|than|of|after|before|during|about)\b)[A-Za-z-]+){{0,2}})\s+$",
    re.IGNORECASE)


@rule(r"(?P<each>every|each|per|a)\s+(?:(?P<n>other|two|three|four|five|six|\d{1,2})\s+)?"
      r"(?P<unit>day|week|month|quarter|year|decade|hour|minute|night|morning|evening|summer|winter|spring|autumn|"
      r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?"
      r"|(?:on\s+)?(?P<days>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)"
      rf"|(?:every|each)\s+(?P<month>{MONTH})"
      r"|(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+(?P<parts>mornings|afternoons|evenings|nights)",
      re.IGNORECASE, priority=0)
def recurring(m, ctx):
    """'every year', 'twice a month', 'on Mondays', 'each July', 'Tuesday nights'."""
    if m["month"]:
        return _Found("SET", f"XXXX-{_month_number(m['month']):02d}")
    if m["parts"]:
        if not m["weekday"][0].isupper():
            return None
        part = PARTS_OF_DAY[m["parts"].lower()[:-1]]
        return _Found("SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower()] + 1}T{part}")
    if m["days"]:
        if not m[0].startswith("on") and not m["days"][0].isupper():
            return None
        if not m[0].lower().startswith("on"):
            return None
        return _Found("SET", f"XXXX-WXX-{WEEKDAYS[m['days'].lower()[:-1]] + 1}")
    each, unit = m["each"].lower(), m["unit"].lower().removesuffix("s")
    # TimeML: the count belongs to the expression ("twice a year": P1Y, twice).
    times = _TIMES_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    start = times.start() if times else None
    if each == "a" and not times and not _RATE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # "a year" is a rate only after a count: "twice a year", "$5 million a year"
    n = {"other": 2, None: 1}.get(m["n"], None)
    if n is None:
        n = spelled_number(m["n"]) or 1
    n = int(n)
    if unit.endswith("day") and unit != "day":
        return _Found("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", start=start)
    if unit in SEASONS:
        return _Found("SET", f"XXXX-{SEASONS[unit]}", start=start)
    if unit in ("morning", "evening", "night"):
        return _Found("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", start=start)
    letter = {"day": "D", "night": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "hour": "TH", "minute": "TM"}[unit]
    if letter.startswith("T"):
        return _Found("SET", f"PT{n}{letter[1:]}", start=start)
    return _Found("SET", f"P{n}{letter}", start=start)


# Words of frequency, valued as the TimeML guidelines do: the period that repeats ("daily" P1D, as "every day").
_FREQUENCY_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                      "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y"}
# Without a parse: the word repeats an action when no noun follows it ("paid annually to", "meets weekly.").
_NOT_A_NOUN_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\"'\u2019\u201d]|$|(?:in|on|at|to|for|by|from|with|and|or|but|since|until|as|through|during|"
    r"the|a|an|this|that|since|instead|over|under|after|before|while|if|when|because|so|than)\b)", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|your|my|this|that|these|those|average)\s+$",
                                re.IGNORECASE)


# After "daily", "weekly": a paper named or spoken of ("the daily Haaretz", "the weekly said", "daily newspaper").
_PUBLICATION_AFTER = re.compile(
    rf"\s+(?:(?:news)?papers?|(?:news)?magazines?|journals?|tabloids?|publications?|newsletters?|editions?|"
    rf"(?:said|says|reported|reports|quoted|quotes|wrote|writes|published|publishes|carried|carries|cited|added)\b|"
    rf"(?!(?:{_cased([*MONTHS, *WEEKDAYS])})\b)[A-Z][\w'\u2019-]*)")
# "the Israeli daily", "an independent Arabic weekly": a determiner and a capitalized adjective before it.
_NAMED_PAPER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+)?[A-Z][\w-]*\s+$")


@rule(_words(_FREQUENCY_ADVERBS), re.IGNORECASE)
def frequency_adverb(m, ctx):
    """'meets weekly', 'daily flights', 'paid annually': a SET, adverb or adjective alike (TimeML tags both);
    but 'a quarterly dividend' or 'quarterly results' name a company's reporting period, not a recurrence."""
    if m[0].lower() == "quarterly":
        adverbial = ctx.adverbial(m.start()) if ctx.adverbial else None
        if adverbial is None:
            adverbial = bool(_NOT_A_NOUN_AFTER.match(ctx.text, m.end())) and not _DETERMINER_BEFORE.search(
                ctx.text, max(0, m.start() - 10), m.start())
        if not adverbial:
            return None
    if _is_title(m, ctx):
        return None  # "Daily Telegraph", "Weekly Standard"
    if _PUBLICATION_AFTER.match(ctx.text, m.end()) or _NAMED_PAPER_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # "the Israeli daily Haaretz", "the weekly magazine", "the daily said": a paper, not a recurrence
    return _Found("SET", _FREQUENCY_ADVERBS[m[0].lower()])


_SIGNAL_AFTER = re.compile(r"\s+(?:later|earlier)\b", re.IGNORECASE)


# bare plural units: "for years", "in recent decades", "months of talks"
@rule(r"(?:(?P<the>the)\s+)?(?:(?P<rel>recent|coming|upcoming|future|past|next|last|early|first|final)\s+)?"
      r"(?P<unit>days|weeks|months|quarters|years|decades|centuries|hours)"
      r"(?P<or>\s+or\s+(?:days|weeks|months|years|decades))?(?P<ahead>\s+ahead|\s+to\s+come)?", re.IGNORECASE)
def plural_units(m, ctx):
    rel = (m["rel"] or "").lower()
    unit = m["unit"].lower()
    singular = "century" if unit == "centuries" else unit[:-1]
    if m["or"] and (rel or m["the"]):
        return None
    modifier = "APPROX" if m["or"] else None  # "weeks or months": the shorter unit, hedged
    if rel in ("coming", "upcoming", "future") and not m["ahead"]:
        # "in (the) coming months", "future quarters": some time ahead, as "the future" is (HeidelTime, TimeBank).
        return _Found("DATE", "FUTURE_REF")
    if rel in ("recent", "past", "last", "next", "early", "coming") or (m["the"] and (m["ahead"] or rel)):
        # TimeML: "in recent months" is a stretch of unknown length (PXM), as are "the past weeks" and
        # "the first hours (of the war)".
        return _Found("DURATION", _duration(None, singular))
    if m["the"] or m["ahead"] or rel:
        return None
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    after = ctx.text[m.end():m.end() + 8].lower()
    if not m["or"] and _SIGNAL_AFTER.match(ctx.text, m.end()):
        # "just [days] later", "[hours] earlier": an unknown count of units from another time is a DURATION,
        # the adverb left outside, as TimeBank tags "A [few days] later". ("hours after the attack" is left
        # alone: with after/before the held-out totals went down.)
        return _Found("DURATION", _duration(None, singular))
    if re.search(r"\b(?:for|in|over|within|took|take|takes|lasted|last)\s+$", before) and not after.startswith(("'", " ago")) and (
            m["or"] or not after.startswith(" of ")):
        return _Found("DURATION", _duration(None, singular), modifier)
    return None


# ---- times of day ----------------------------------------------------------------------------------------

_TIME_OF_DAY = (r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)"
                r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)|(?P<named>noon|midday|midnight)"
                r"|(?P<oclock>" + NUM_WORD + r"|\d{1,2})\s+o'clock")
_ZONE = r"(?:\s+(?P<zone>[ECMP][SD]T|GMT|UTC|local\s+time))?"
_DAY_AFTER_TIME = (rf"(?:,?\s+(?:on\s+)?(?P<dayword>today|yesterday|tomorrow|{WEEKDAY}|"
                   rf"(?P<month>{MONTH})\s*(?P<day>{DAY})))?")


@rule(rf"(?:(?P<approx>about|around|at\s+about|approximately|shortly\s+after|shortly\s+before|just\s+after|"
      rf"just\s+before)\s+)?(?:{_TIME_OF_DAY}){_ZONE}{_DAY_AFTER_TIME}", re.IGNORECASE)
def time_of_day(m, ctx):
    if m["named"]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[m["named"].lower()]
    elif m["oclock"]:
        number = spelled_number(m["oclock"])
        if number is None or not 1 <= number <= 12:
            return None
        hour, minute = int(number), 0
    elif m["hour24"]:
        hour, minute = int(m["hour24"]), int(m["minute24"])
        if not m["zone"] and not re.search(r"\b(?:at|by|until|from|before|after)\s+$",
                                           ctx.text[max(0, m.start() - 8):m.start()]):
            return None  # "3:2" scores or ratios
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 12:
            return None
        if m["ampm"].lower().startswith("p") and hour != 12:
            hour += 12
        if m["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
    approx = m["approx"].lower().split()[-1] if m["approx"] else None
    # "at about 9 p.m.": TimeML leaves the preposition outside the expression, the hedge inside.
    start = m.start() + re.match(r"at\s+", m["approx"], re.IGNORECASE).end() if (
        m["approx"] and m["approx"][:2].lower() == "at") else None
    modifier = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "after": "AFTER",
                "before": "BEFORE"}.get(approx) if approx else None
    clock = f"T{hour:02d}:{minute:02d}"
    if ctx.anchor is None:
        return _Found("TIME", f"XXXX-XX-XX{clock}", modifier, start=start)
    day = ctx.anchor
    if not m["dayword"]:
        # "at 3:30 p.m." with no day named: the day the story is on (the last day named), else the anchor.
        return _Found("TIME", _day(day) + clock, modifier, relative=_on_reference_day(clock), start=start)
    if m["dayword"]:
        word = m["dayword"].lower()
        if word in _DAY_WORDS:
            day = ctx.anchor + timedelta(days=_DAY_WORDS[word])
        elif m["month"]:
            resolved = _resolve_day_month(_month_number(m["month"]), int(re.match(r"\d+", m["day"])[0]),
                                          ctx.anchor, ctx.direction(m.start()))
            day = resolved or ctx.anchor
        else:
            day = _resolve_weekday(WEEKDAYS[word], ctx.anchor, ctx.day_direction(m.start(), m.end()))
    return _Found("TIME", _day(day) + clock, modifier, start=start)


_PART_OF_DAY_BEFORE = re.compile(r"\b(?:(?:in|during|through|throughout|overnight|into)\s+the|at)\s+$", re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(r"\s*(?:[,.;:!?)\"\u201d]|(?:to|and)\b|$)", re.IGNORECASE)


@rule(rf"(?:(?P<dayword>today|yesterday|tomorrow|{WEEKDAY})\s+)?(?:(?P<pos>early|late|mid)[\s-]+)?(?P<part>morning|afternoon|evening|night)", re.IGNORECASE)
def part_of_day_alone(m, ctx):
    # Only as "late morning" / "early evening" on its own; with a day word other rules match it.
    if m["dayword"]:
        return None
    part = PARTS_OF_DAY[m["part"].lower()]
    if not m["pos"]:
        # "worked through the night to free them", "placed orders in the morning", "At night, they ...": the
        # part of the day the story is at (TimeBank, VOA); not "the night the plane fell", "good evening".
        if not (_PART_OF_DAY_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
                and _PART_OF_DAY_AFTER.match(ctx.text, m.end())):
            return None
        the = re.search(r"the\s+$", ctx.text[max(0, m.start() - 8):m.start()], re.IGNORECASE)
        start = m.start() - len(the[0]) if the else None  # "through [the night]", "At [night]"
        return _Found("TIME", None if ctx.anchor is None else _day(ctx.anchor) + f"T{part}",
                      relative=_on_reference_day(f"T{part}"), start=start)
    before = ctx.text[max(0, m.start() - 10):m.start()].lower()
    if not re.search(r"\b(?:in(?:\s+the)?|on|by|until|from|at|since|this)\s+$", before):
        return None
    modifier = POSITION_MODS[m["pos"].lower()]
    if ctx.anchor is None:
        return _Found("TIME", f"XXXX-XX-XXT{part}", modifier)
    return _Found("TIME", _day(ctx.anchor) + f"T{part}", modifier, relative=_on_reference_day(f"T{part}"))


@rule(rf"(?:(?P<pos>early|late|mid)[\s-]+)?(?P<part>morning|afternoon|evening|night)\s+(?P<day>yesterday|today|tomorrow|"
      rf"{WEEKDAY})", re.IGNORECASE)
def part_of_day_then_day(m, ctx):
    """'mid-afternoon yesterday', 'early morning Monday': one time of day on the day named after it."""
    day_word = m["day"].lower()
    if day_word not in _DAY_WORDS and not m["day"][0].isupper():
        return None
    if re.search(r"\b(?:every|each)\s+$", ctx.text[max(0, m.start() - 7):m.start()], re.IGNORECASE):
        return None  # "every morning Monday through Friday" repeats
    part = PARTS_OF_DAY[m["part"].lower()]
    modifier = POSITION_MODS[m["pos"].lower()] if m["pos"] else None
    if day_word in _DAY_WORDS:
        if ctx.anchor is None:
            return None
        day = ctx.anchor + timedelta(days=_DAY_WORDS[day_word])
    else:
        if ctx.anchor is None:
            return _Found("TIME", f"XXXX-WXX-{WEEKDAYS[day_word] + 1}T{part}", modifier)
        day = _resolve_weekday(WEEKDAYS[day_word], ctx.anchor, ctx.day_direction(m.start("day"), m.end()))
    return _Found("TIME", _day(day) + f"T{part}", modifier)


# --------------------------------------------------------------------------------------------------------
# Modifiers in front of a found date: "early", "the end of", "about", ...
# --------------------------------------------------------------------------------------------------------

# "early", "mid", "late" stand before the date ("late 2020", "mid-May", "early in 1990"); the nouns need
# "of" ("the end of 2019"): "a spectacular end in the 1860s" is no modifier.
_POSITION_PREFIX = re.compile(
    r"(?:(?<![\w-])(?:the\s+)?(?:very\s+)?(?:(?P<pos>early|mid|late)(?:\s+(?:of|in)(?:\s+the)?\s+|-|\s+)"
    r"|(?P<noun>beginning|start|middle|end|dawn)\s+of(?:\s+the)?\s+|(?P<hyphened>end)-)"
    r"|(?<![\w-])(?P<relpos>earlier|later)\s+(?:in\s+)?)$",
    re.IGNORECASE)
_APPROX_PREFIX = re.compile(rf"\b(?P<approx>{APPROX})\s+$",
                            re.IGNORECASE)
_PREFIX_WINDOW = 30


def _extend_left(text: str, found: _Found, start: int, floor: int) -> tuple[int, str | None, str | None]:
    """New start, modifier and value change for a position or hedge word right before a DATE/TIME."""
    window_start = max(floor, start - _PREFIX_WINDOW)
    window = text[window_start:start]
    modifier = found.modifier
    value = found.value
    m = _POSITION_PREFIX.search(window)
    if m and found.type in ("DATE", "TIME") and not modifier:
        word = (m["pos"] or m["noun"] or m["hyphened"] or m["relpos"]).lower()
        modifier = POSITION_MODS[word]
        start = window_start + m.start()
        window = text[max(floor, start - _PREFIX_WINDOW):start]
        window_start = max(floor, start - _PREFIX_WINDOW)
    m = _APPROX_PREFIX.search(window)
    if m and found.type in ("DATE", "TIME") and value and not value.endswith("_REF"):
        word = re.sub(r"\s+", " ", m["approx"].lower())
        approx = APPROX_MODS.get(word)
        if word not in ("some", "under", "up to"):
            start = window_start + m.start()
            modifier = modifier or approx
    return start, modifier, value


# --------------------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------------------

# Every rule needs a digit or one of these words. Rules only run in windows around them, so plain
# prose costs one scan of a simple word pattern and set look-ups.
_TRIGGER_WORDS = frozenset(
    [*MONTHS, *WEEKDAYS, *(w + "s" for w in WEEKDAYS), *SEASONS, *PARTS_OF_DAY, *_DAY_WORDS, *_DECADE_WORDS,
     *UNITS, *(u + "s" for u in UNITS), *UNIT_ALIASES, "centuries", "fortnights", "nineteen", "thousand",
     "noon", "midday", "midnight", "clock", "now", "current", "currently", "nowadays", "these", "present",
     "moment", "time", "recent", "recently", "lately", "past", "formerly", "ago", "future", "possible", "soon",
     "someday", "half", "sept", "tues", "thurs", "while", "period", "term", *_FREQUENCY_ADVERBS,
     "christmas", "easter", "thanksgiving", "halloween", "valentine", "pentecost",
     # "a yearlong dispute", "an hourslong rescue": the unit glued to "long" is a word of its own
     *(u + s + "long" for u in ("hour", "day", "week", "month", "year", "decade", "century") for s in ("", "s")),
     "centurieslong"])
_WORD = re.compile(r"[A-Za-z]+|\d+")
_WINDOW_BEFORE = 45  # longest lead before a trigger word: "the comparable year-earlier third quarter"
_WINDOW_AFTER = 50  # longest tail after it: "quarter of fiscal 1990", "p.m. EST, Nov. 6"
_WORD_REST = re.compile(r"\w{0,40}")  # bounded: a window may cut a 1 MB word, never scan it
_NON_WORD = re.compile(r"\W")


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged character ranges around trigger words, cut at word boundaries."""
    windows: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        word = m[0]
        if not (word.isdigit() or word.lower() in _TRIGGER_WORDS):
            continue
        start = max(0, m.start() - _WINDOW_BEFORE)
        if start > 0 and not _NON_WORD.match(text, start - 1):
            boundary = _NON_WORD.search(text, start, m.start())  # do not start inside a word
            start = boundary.end() if boundary else m.start()
        end = _WORD_REST.match(text, min(len(text), m.end() + _WINDOW_AFTER)).end()
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?![\d-])")
# "the quarter ended Sept. 30": the day only names where the period stops; the period stays the reference.
_PERIOD_END_BEFORE = re.compile(r"\b(?:ended|ending|ends)\s+$", re.IGNORECASE)
# A value that can serve as the reference time: a year or a named part of it, not 1989-WXX or PAST_REF.
_SPECIFIC_VALUE = re.compile(r"\d{4}(?:$|-(?:\d\d|W\d\d|Q[1-4]|H[12]|SP|SU|FA|WI)(?!\w))")


def find_timexes(text: str, anchor: date | None, *, tense: Tense | None = None,
                 adverbial: Adverbial | None = None) -> list[Timex]:
    """All temporal expressions in text, sorted by start, non-overlapping.

    ``anchor`` is the publication date; without it relative expressions keep their text and get an
    under-specified value (XXXX-XX-XX) or None, never a guess. ``tense(char_offset)`` returns "past",
    "present", "future" or None for the clause containing that offset; without it a cheap heuristic on
    the sentence decides whether "Wednesday" looks back or ahead. ``adverbial(char_offset)`` (see
    :func:`adverb_from_doc`) tells whether "weekly" there repeats an action; without it the next word decides.
    """
    ctx = _Context(text, anchor, tense, adverbial)
    candidates: list[tuple[int, int, int, _Found]] = []
    for window_start, window_end in _windows(text):
        for priority, pattern, handler in _RULES:
            for m in pattern.finditer(text, window_start, window_end):
                try:
                    found = handler(m, ctx)
                except OverflowError:
                    found = None  # "next week" from a publication date of 9999-12-31: past the calendar's end
                if found is not None:
                    start = m.start() if found.start is None else found.start
                    candidates.append((start, found.end or m.end(), priority, found))
    # Longest match wins; among equals, the rule declared first.
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, _Found]] = []
    occupied: list[tuple[int, int]] = []
    for start, end, _priority, found in candidates:
        i = bisect.bisect_left(occupied, (start, end))
        if (i > 0 and occupied[i - 1][1] > start) or (i < len(occupied) and occupied[i][0] < end):
            continue
        occupied.insert(i, (start, end))
        taken.append((start, end, found))
    taken.sort(key=lambda t: t[0])

    result: list[Timex] = []
    previous_end = 0
    reference = _day(anchor) if anchor else None
    for start, end, found in taken:
        start, modifier, value = _extend_left(text, found, start, previous_end)
        kind = found.type
        relative_value = found.relative(reference) if found.relative is not None and reference is not None else None
        if relative_value:
            value = relative_value
            if _DAY_VALUE.match(relative_value):
                # A narrative moves on day by day: "The next day ... The following day" is the day after that.
                # Not so for coarser periods: "a year earlier" and "year-ago" compare with one same period.
                reference = relative_value[:10]
        elif kind == "DURATION" and found.offset and found.offset[1] == "D" and reference and _DAY_VALUE.match(reference):
            reference = shift(reference, *found.offset)  # "Two days later, ..."
        elif (kind in ("DATE", "TIME") and value and _SPECIFIC_VALUE.match(value)
              and not _PERIOD_END_BEFORE.search(text, max(0, start - 12), start)):
            reference = value.split("T", 1)[0]
        result.append(Timex(start, end, text[start:end], kind, value, modifier,
                            granularity_of(value) if kind == "DATE" else None, found.offset))
        previous_end = end
    return result


class TimexComponent:
    """spaCy pipeline component: ``doc._.timexes = find_timexes(doc.text, doc._.published_at, ...)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = find_timexes(doc.text, doc._.published_at, tense=tense_from_doc(doc),
                                     adverbial=adverb_from_doc(doc))
        return doc


@Language.factory("eventex_timex")
def make_timex_component(nlp: Language, name: str) -> TimexComponent:
    return TimexComponent(nlp, name)
