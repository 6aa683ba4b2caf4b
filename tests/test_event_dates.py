"""When events happened: the event-date rules on hand-written sentences, through the real spaCy pipeline."""
from datetime import date

import pytest


def test_an_event_told_without_a_date_took_place_when_the_story_of_its_parties_did(extract):
    text = (
        "Kenyan and Ugandan ministers held talks in Nairobi on Monday on the oil pipeline. "
        "Kenya and Uganda also signed a memorandum on fuel transport. "
        "Kenya and Uganda will hold a summit in Kampala, officials said."
    )
    events = extract(text)
    memorandum = next(e for e in events if e.type == "agreement")
    assert memorandum.date is not None and memorandum.date.value == "2024-05-13"
    assert memorandum.date.text == "Monday"  # the words it was read from
    # A planned summit does not take the date of what already happened.
    summit = next(e for e in events if e.type == "meeting" and e.status == "planned")
    assert summit.date is None


# Without a publication date "Monday" stays a Monday of an unknown week (TIMEX3 "XXXX-WXX-1").
@pytest.mark.parametrize("published, value", [(date(2024, 5, 17), "2024-05-13"), (None, "XXXX-WXX-1")])
def test_an_event_with_no_date_has_none_and_an_unresolved_one_quotes_its_words(extract, published, value):
    (undated,) = extract("Kenya and Uganda will hold a summit in Kampala, officials said.", published)
    assert undated.date is None
    (dated,) = extract("Kenyan and Ugandan ministers held talks in Nairobi on Monday.", published)
    assert dated.date is not None and dated.date.text == "Monday" and dated.date.value == value
    assert dated.date.granularity == "day"


def test_an_agreement_told_after_its_parties_met_was_signed_that_day_by_them(extract):
    text = (
        "Chilean President Marta Rojas received her Bolivian counterpart Luis Quispe in Santiago on Monday. "
        "Chile and Bolivia signed a deal on the Silala river, ending a decades-long dispute."
    )
    deal = next(e for e in extract(text) if e.type == "agreement")
    assert deal.date is not None and deal.date.value == "2024-05-13"
    assert {p.name for p in deal.participants if p.kind == "person"} == {"Marta Rojas", "Luis Quispe"}


def test_a_weekday_after_a_noun_the_tagger_took_for_a_verb_follows_the_clause(extract):
    # "deal" tagged as a present-tense verb would make "Friday" a timetable, the Friday to come.
    (deal,) = extract(
        "Chile and Peru reached an agreement in principle on a new five-year fishing rights deal late on Friday, "
        "hours before the old pact lapsed.",
        date(2023, 7, 1),
    )
    assert deal.date is not None and deal.date.value == "2023-06-30"


def test_the_same_day_as_a_day_named_outside_any_event(extract):
    text = (
        "A Chilean navy squadron arrived in Callao on Monday. On the same day, its commander, "
        "Captain Luis Rojas, paid a courtesy visit to the commander of the Peruvian Navy."
    )
    (visit,) = extract(text, date(2024, 11, 6))
    assert visit.date is not None and visit.date.value == "2024-11-04"
    # "Two days later" with nothing told before it is a duration, not a date.
    (met,) = extract("Two days later, Kenyan and Ugandan ministers met in Nairobi.", date(2024, 11, 6))
    assert met.date is None or met.date.value is None


def test_what_was_done_on_the_sidelines_of_a_meeting_dates_the_meeting(extract):
    text = (
        "Ghanaian Defence Minister Kofi Mensah announced the deployment of a regional rapid reaction force "
        "Tuesday on the sidelines of a meeting of West African defence chiefs in Accra."
    )
    (meeting,) = extract(text, date(2025, 3, 12))
    assert meeting.date is not None and meeting.date.value == "2025-03-11"


def test_a_meeting_is_not_dated_by_the_one_before_it_nor_by_the_call_that_prepared_it(extract):
    text = (
        "The presidents of Paraguay, Elena Benitez, and Bolivia, Mario Choque, signed nine cooperation agreements "
        "on Friday at the close of a joint cabinet session in Asuncion.\n"
        "The two presidents led the meeting, which was the first such encounter since 2019.\n"
        "The two leaders had prepared the meeting during a telephone conversation on April 30, "
        "in which they also discussed river transport."
    )
    events = extract(text)
    meetings = [e for e in events if e.type == "meeting"]
    call = next(e for e in meetings if any("conversation" in m.trigger.text for m in e.mentions))
    assert call.date is not None and call.date.value == "2024-04-30"
    met = next(e for e in meetings if any(m.trigger.text == "meeting" for m in e.mentions))
    assert met is not call
    # Neither 2019 (the encounter before it) nor April 30 (the call that prepared it): the story's Friday.
    assert met.date is not None and met.date.value == "2024-05-17"


def test_what_was_agreed_to_be_done_does_not_date_the_event_it_was_agreed_in(extract):
    text = (
        "Ghanaian President Kofi Mensah and Togolese President Komla Agbeko spoke by phone on Tuesday.\n"
        "During the phone call, the two presidents agreed to hold a summit in Lome in August."
    )
    events = extract(text)
    call = next(e for e in events if e.status == "occurred" and e.type == "meeting")
    assert call.date is not None and call.date.value == "2024-05-14"
    assert all(e.date is None or e.date.value != "2024-08" for e in events if e is not call and any("call" in m.trigger.text for m in e.mentions))
    summit = next(e for e in events if e.status == "planned")
    assert summit.date is not None and summit.date.value == "2024-08"


def test_the_date_ending_the_dateline_gives_way_to_the_events_own(extract):
    text = (
        "Accra, March 12, 2025, GNA -- The navies of Ghana and Togo concluded on Tuesday the joint naval "
        "exercise Gulf Shield off the coast of Lome, with ships and marines of the two countries."
    )
    (exercise,) = extract(text, date(2025, 3, 12))
    assert exercise.date is not None and exercise.date.value == "2025-03-11"


@pytest.mark.parametrize("dateline", ["Lome, Sept 12 (GNA).- ", "Lome, Sept 12 /GNA/. ", "LOME, Sept 12 (GNA): "])
def test_a_dateline_with_the_agency_in_brackets_also_gives_way(extract, dateline):
    text = dateline + "Ghana and Togo on Tuesday signed a memorandum of understanding on border security in Lome."
    (agreement,) = extract(text, date(2025, 9, 12))
    assert agreement.date is not None and agreement.date.value == "2025-09-09"


def test_when_an_agreement_takes_effect_is_not_when_it_was_made(extract):
    text = (
        "Ghana and Togo have agreed to a ceasefire along their border starting on March 20 at midnight, "
        "the African Union said on Wednesday."
    )
    (ceasefire,) = extract(text, date(2025, 3, 12))
    assert ceasefire.date is None or ceasefire.date.value != "2025-03-20"


def test_a_weekday_the_parser_hangs_in_a_since_phrase_dates_the_event(extract):
    (exercise,) = extract(
        "The Baltic states launched their largest joint military exercise since the end of the Cold War on Tuesday, "
        "with some 20,000 troops taking part.",
        date(2024, 5, 17),
    )
    assert exercise.date is not None and exercise.date.value == "2024-05-14"


def test_what_had_been_done_before_it_was_told_is_dated_by_the_telling(extract):
    text = "Kenyan President Amina Wanjiru said on Tuesday that she had held a phone call with Ugandan President Okello Mugisha."
    (call,) = extract(text)
    assert call.date is not None and call.date.value == "2024-05-14"
    # What the report only says will happen is not dated by it.
    (planned,) = extract("Kenyan President Amina Wanjiru said on Tuesday that she would hold talks with Ugandan President Okello Mugisha.")
    assert planned.date is None or planned.date.value != "2024-05-14"


def test_today_before_the_agencys_reports_dates_the_event_and_a_summit_to_come_is_only_a_setting(extract):
    (call,) = extract(
        "President of Ghana Kwame Owusu had a telephone conversation with President of Togo Koffi Ayite today, "
        "Flagstaff press service reports."
    )
    assert call.date is not None and call.date.value == "2024-05-17"
    # The summit is only where the planned meeting will be held.
    events = extract(
        "Ghanaian President Kwame Owusu and Togolese President Koffi Ayite spoke by phone on Tuesday.\n"
        "During the phone call, the two presidents agreed to hold a bilateral meeting on the sidelines "
        "of the ECOWAS summit in Abuja in July."
    )
    assert not any(all(m.trigger.text == "summit" for m in e.mentions) for e in events)


def test_the_date_of_what_someone_does_after_a_summit_is_not_the_summits(extract):
    text = (
        "Andean leaders met in Quito on Sunday. Bolivia's outgoing president Luis Mora, attending his last summit "
        "before handing over power next month, was warmly applauded."
    )
    (summit,) = extract(text)
    assert summit.date.value == "2024-05-12"


def test_an_old_pact_named_after_since_is_not_the_treaty_signed_and_lends_it_no_date(extract):
    text = (
        "Chile and Peru have signed a mutual defence treaty, the first such alliance Chile has entered into "
        "since the Rio pact more than 70 years ago."
    )
    (treaty,) = extract(text)
    # the treaty "have signed" is of the story's day, not of seventy years ago
    assert treaty.date is not None and treaty.date.value == "2024-05-17"


def test_an_agreement_signed_in_a_when_clause_takes_the_day_of_its_main_clause(extract):
    text = (
        "Chile and Peru yesterday took a major step toward peace when the Chilean and Peruvian foreign ministers "
        "signed a border treaty first proposed in 2019."
    )
    (treaty,) = extract(text)
    assert treaty.date.value == "2024-05-16"  # the day before Friday 2024-05-17


def test_a_stretch_before_another_happening_is_not_counted_from_the_event_told_before(extract):
    text = "Chile and Peru held talks in Lima on Monday. Chile and Peru had signed a fisheries agreement three weeks before the elections, officials recalled."
    (agreement,) = [e for e in extract(text) if e.type == "agreement"]
    assert agreement.date is None or agreement.date.value is None


def test_the_event_a_stretch_counts_from_keeps_its_own_date(extract):
    text = "Chile and Peru held talks in Lima on Monday. Chile and Peru signed a fisheries agreement three days after the talks."
    events = extract(text)
    assert [e.type for e in events if e.type == "meeting"] == ["meeting"]
    assert {e.type: e.date.value for e in events} == {"meeting": "2024-05-13", "agreement": "2024-05-16"}


def test_a_past_edition_held_in_a_month_after_the_storys_is_of_the_year_before(extract):
    text = "The navies of Chile and Peru began the Pacific Shield exercise on Monday. The previous edition was held off Callao in March."
    dates = sorted(e.date.value for e in extract(text, date(2025, 2, 28)))
    assert dates == ["2024-03", "2025-02-24"]


def test_the_years_a_signed_programme_covers_do_not_date_the_signing(extract):
    text = (
        "Chile's foreign minister Ana Soto held talks with her Peruvian counterpart Luis Vega in Lima on Monday. "
        "Following the talks, the ministers signed the Programme of Cooperation between the two ministries for 2026-2027."
    )
    events = extract(text)
    assert {e.type: e.date.value for e in events} == {"meeting": "2024-05-13", "agreement": "2024-05-13"}
    (agreement,) = [e for e in events if e.type == "agreement"]
    assert not any(p.name.startswith("Programme") for p in agreement.participants)


def test_a_visit_recalled_with_its_month_is_of_that_month_and_apart_from_the_story_meeting(extract):
    text = (
        "On the sidelines of the forum in Vienna, Chilean President Marta Rojas held a meeting with "
        "Bolivian President Luis Quispe. The Chilean leader recalled her state visit to Bolivia in March, during "
        "which the two presidents held talks in Sucre."
    )
    meetings = [e for e in extract(text, date(2024, 6, 20)) if e.type == "meeting"]
    recalled = next(e for e in meetings if any(m.trigger.text == "visit" for m in e.mentions))
    assert recalled.date is not None and recalled.date.value == "2024-03"
    # The meeting in Vienna is not the visit of March it recalls.
    assert len(meetings) == 2


def test_the_same_day_is_the_day_of_the_last_event_told_with_a_day_not_a_month(extract):
    text = (
        "Kenyan President Amos Wekesa held talks with Ugandan President John Okello in Nairobi on Monday. "
        "Wekesa recalled his state visit to Uganda in March. "
        "The same day, Wekesa met with Tanzanian Prime Minister Juma Mrisho."
    )
    meetings = [e for e in extract(text, date(2024, 6, 20)) if e.type == "meeting"]
    same_day = next(e for e in meetings if any(p.name == "Juma Mrisho" for p in e.participants))
    assert same_day.date is not None and same_day.date.value == "2024-06-17"


def test_the_same_day_with_no_day_told_before_is_the_story_s_day(extract):
    # The talks of the story carry no date of their own and the visit recalled has only a month.
    text = (
        "On the sidelines of the forum, Kenyan President Amos Wekesa held a meeting with Ugandan President John Okello. "
        "Wekesa recalled his state visit to Uganda in March. "
        "The same day, Wekesa met with Tanzanian Prime Minister Juma Mrisho."
    )
    meetings = [e for e in extract(text, date(2024, 6, 20)) if e.type == "meeting"]
    same_day = next(e for e in meetings if any(p.name == "Juma Mrisho" for p in e.participants))
    assert same_day.date is not None and same_day.date.value == "2024-06-20"
    assert not any(m.trigger.text == "visit" for m in same_day.mentions)  # not the visit of March


def test_what_an_agreement_follows_in_the_present_tense_was_done_before_it(extract):
    text = (
        "India has signed a contract with Armenia for air defence systems. The agreement follows a telephone "
        "conversation on Tuesday between the Indian Defence Minister and his Armenian counterpart."
    )
    call = next(e for e in extract(text, date(2024, 3, 7)) if e.type == "meeting")
    assert call.date is not None and call.date.value == "2024-03-05"  # the Tuesday before the Thursday story


def test_agreements_signed_as_a_package_are_an_agreement_of_the_signers_on_that_day(extract):
    (package,) = [
        e for e in extract("Japan and Vietnam signed a package of agreements on semiconductors and rail on Monday.", date(2026, 3, 18))
        if e.type == "agreement"
    ]
    assert {p.country for p in package.participants} == {"JPN", "VNM"}
    assert package.date is not None and package.date.value == "2026-03-16"


def test_a_meeting_of_a_body_held_in_a_month_is_of_that_month(extract):
    (meeting,) = extract(
        "The presidents positively assessed the results of the 17th meeting of the Turkmen-Iranian "
        "Intergovernmental Commission on Economic Cooperation, held in Tehran in October.",
        date(2024, 11, 19),
    )
    assert meeting.date is not None and meeting.date.value == "2024-10"


def test_a_meeting_that_is_the_setting_of_an_announcement_last_week_is_of_that_week_not_the_visit(extract):
    text = (
        "Portuguese Defense Minister Rui Correia visited Kyiv on Oct. 7 and held talks with Ukrainian Defense Minister Taras Melnychuk. "
        "Lisbon also announced new commitments at the Ukraine Defense Contact Group meeting in Brussels last week. "
        "The meeting was attended by Melnychuk."
    )
    meetings = sorted((e for e in extract(text, date(2025, 10, 8)) if e.type == "meeting"), key=lambda e: e.trigger.start)
    assert [m.date.value if m.date else None for m in meetings] == ["2025-10-07", "2025-W40"]


def test_an_exercise_agreed_when_ministers_met_takes_not_the_date_of_their_meeting(extract):
    text = (
        "Chinese and Russian warships began a joint naval exercise in the Yellow Sea on Monday. "
        "The exercises were agreed when Chinese Defence Minister Zhao Ming met his Russian counterpart Andrei Volkov in Beijing in April."
    )
    exercises = [e for e in extract(text, date(2026, 7, 14)) if e.type == "exercise"]
    assert [e.date.value for e in exercises] == ["2026-07-13"]
    (meeting,) = [e for e in extract(text, date(2026, 7, 14)) if e.type == "meeting"]
    assert meeting.date.value == "2026-04"


def test_a_meeting_scheduled_to_be_held_in_a_period_is_of_that_period(extract):
    (meeting,) = extract("The council's next meeting of Saudi Arabia and Oman is scheduled to be held in Riyadh in the first half of next year.", date(2025, 1, 14))
    assert meeting.date.value == "2026-H1"


def test_the_event_a_visit_comes_months_after_is_another_and_keeps_its_own_date(extract):
    text = (
        "Spanish Defense Minister Marta Ibarra visited Nouakchott on Friday and met her Mauritanian counterpart.\n\n"
        "The visit comes four months after the high-level meeting between the two governments held in Madrid in late January, "
        "at which Spain and Mauritania signed eleven agreements."
    )
    events = sorted(extract(text, date(2023, 6, 3)), key=lambda e: e.trigger.start)
    assert [(e.type, e.date.value) for e in events] == [("meeting", "2023-06-02"), ("meeting", "2023-01"), ("agreement", "2023-01")]


def test_the_event_the_talks_followed_is_another_with_its_own_date(extract):
    text = (
        "The foreign ministers of Chile and Peru held talks in Lima on Thursday. "
        "The Lima talks followed a telephone call on March 3 between the two ministers."
    )
    events = sorted(extract(text, date(2024, 3, 15)), key=lambda e: e.trigger.start)
    assert [(e.date.value, [m.trigger.text for m in e.mentions]) for e in events] == [
        ("2024-03-14", ["talks", "talks"]),
        ("2024-03-03", ["call"]),
    ]


def test_the_day_of_an_announcement_that_overshadowed_the_talks_is_not_theirs(extract):
    text = (
        "The foreign ministers of Chile and Peru met in Lima this week. The talks were overshadowed by the "
        "navy's announcement on Monday of new patrols near the maritime border."
    )
    (meeting,) = extract(text, date(2024, 3, 15))
    assert meeting.date.value == "2024-W11"
    # the announcement that tells of the event gives its day
    (ceasefire,) = extract("Chile welcomed Tuesday's announcement that Peru and Bolivia had signed a ceasefire.", date(2024, 3, 15))
    assert ceasefire.date.value == "2024-03-12"


def test_a_time_that_describes_what_an_agreement_is_about_is_not_its_date(extract):
    text = (
        "The defence ministers of Chile and Peru met in Lima on Tuesday. Peru's minister said after the meeting "
        "that the two governments had signed a letter of intent on winter training for Chilean units."
    )
    meeting, agreement = sorted(extract(text), key=lambda e: e.trigger.start)
    assert agreement.type == "agreement" and agreement.date.value == meeting.date.value == "2024-05-14"


def test_the_meeting_where_something_was_agreed_takes_the_day_of_the_agreeing(extract):
    text = (
        "Chile and Peru on Tuesday agreed to open a hotline between their navies and to release detained fishermen, "
        "at the third meeting of their Joint Commission on Fisheries in Lima."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert [m.date.value for m in meetings] == ["2024-05-14"]
    # a clause with its own subject keeps its own date
    text = "Chile and Peru held consultations in Lima in March, and the visit was prepared in a phone call between the two ministers this month."
    call = next(e for e in extract(text) if any(m.trigger.text == "call" for m in e.mentions))
    assert call.date.value != "2024-03"
