"""The event rules on hand-written sentences, through the real spaCy pipeline."""
from datetime import date

import pytest


def _countries(event) -> set[str]:
    return {p.country for p in event.participants if p.country}


def _persons(event) -> set[str]:
    return {p.name for p in event.participants if p.kind == "person" and p.name}


def test_meeting_with_named_people_titles_and_countries(extract):
    events = extract("Brazilian President Luiz Inacio Lula da Silva met with Kenyan President William Ruto in Nairobi on Tuesday.")
    assert [e.type for e in events] == ["meeting"]
    meeting = events[0]
    assert _countries(meeting) == {"BRA", "KEN"}
    assert {"Luiz Inacio Lula da Silva", "William Ruto"} <= _persons(meeting)
    assert meeting.date is not None and meeting.date.value == "2024-05-14"
    assert meeting.location is not None and meeting.location.name == "Nairobi"
    assert meeting.status == "occurred"


def test_offsets_quote_the_text(extract):
    text = "The defense ministers of Japan and Australia signed an agreement on Monday."
    for event in extract(text):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for mention in event.mentions:
            assert text[mention.trigger.start : mention.trigger.end] == mention.trigger.text
            assert mention.sentence.start <= mention.trigger.start < mention.trigger.end <= mention.sentence.end
        for participant in event.participants:
            for span in participant.mentions:
                assert text[span.start : span.end] == span.text


def test_joint_exercise_forces_are_participants_not_the_place(extract):
    events = extract("Last week, Egypt held a joint naval exercise with Greece and Cyprus near the border with Libya.")
    assert [e.type for e in events] == ["exercise"]
    assert _countries(events[0]) == {"EGY", "GRC", "CYP"}


def test_signed_agreement_has_its_parties(extract):
    events = extract("Vietnam and Indonesia signed a maritime border agreement in Jakarta on Thursday.")
    assert [e.type for e in events] == ["agreement"]
    assert _countries(events[0]) == {"VNM", "IDN"}
    assert events[0].date.value == "2024-05-16"


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations urged both sides to hold talks.",
        "Opposition leaders called for a ceasefire in the region.",
        "The two countries could sign a trade deal later this year.",
        "No agreement was reached after hours of discussion.",
        "The president did not meet the envoy.",
        "Pupils at the school took part in a fire drill on Tuesday.",
        "The company failed to meet its sales targets.",
        "Both sides agreed that stability matters.",
        "Relations between the two countries have improved, and cooperation on trade is growing.",
        "Under the 1978 treaty, the river's water is shared.",
        # sport and mountains, one body's own meeting, habits and kinds of events
        "Ghana and Nigeria met in the final in Accra on Sunday, and Ghana won on penalties.",
        "A record 300 climbers reached the summit of Mount Kilimanjaro on Tuesday, the park authority said.",
        "Prime Minister Ana Silva convened a meeting of the government's flood task force on Monday.",
        "The Bolivian and Paraguayan navies have held the exercise periodically since 1998.",
        "Negotiations on the border between Chad and Niger had been held since 2004.",
        "Manila accused Beijing of dangerous maneuvers near the shoal on Monday.",
        "Hanoi has denounced such joint drills as provocations.",
    ],
)
def test_non_events(extract, text):
    assert extract(text) == []


def test_planned_meeting(extract):
    events = extract("Indian Prime Minister Narendra Modi will visit Moscow next week.")
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]
    assert "IND" in _countries(events[0]) and "RUS" in _countries(events[0])


def test_repeated_mentions_are_one_event(extract):
    text = (
        "Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart Javier Gonzalez-Olaechea in Lima on Monday. "
        "During the meeting, the two ministers discussed fishing rights. "
        "Van Klaveren described the talks as productive."
    )
    events = extract(text)
    assert len(events) == 1
    assert len(events[0].mentions) >= 2
    assert _countries(events[0]) == {"CHL", "PER"}


def test_two_exercises_at_different_times_stay_apart(extract):
    text = (
        "In early March, the Polish army held a large exercise with Lithuanian troops. "
        "Three weeks later, the Finnish navy held a separate exercise in the Baltic Sea."
    )
    events = extract(text)
    assert [e.type for e in events] == ["exercise", "exercise"]
    assert _countries(events[0]) == {"POL", "LTU"}
    assert _countries(events[1]) == {"FIN"}


def test_phone_call_is_a_meeting(extract):
    events = extract("French President Emmanuel Macron spoke by phone with German Chancellor Olaf Scholz on Wednesday.")
    assert [e.type for e in events] == ["meeting"]
    assert _countries(events[0]) == {"FRA", "DEU"}
    assert events[0].date.value == "2024-05-15"


def test_event_id_is_stable(extract):
    text = "Norway and Sweden signed a defense agreement on Friday."
    assert [e.id for e in extract(text)] == [e.id for e in extract(text)]
    assert [e.id for e in extract(text)] != [e.id for e in extract(text, date(2024, 6, 1))]


def test_visit_has_visitor_and_host(extract):
    events = extract("Kenyan President William Ruto arrived in Seoul on Sunday for a three-day state visit to South Korea.")
    meetings = [e for e in events if e.type == "meeting"]
    assert len(meetings) == 1
    roles = {p.country: p.role for p in meetings[0].participants if p.country}
    assert roles.get("KEN") in ("visitor", "participant") and roles.get("KOR") == "host"


def test_dateline_is_not_the_subject(extract):
    events = extract("NAIROBI (Wire) - The foreign ministers of Kenya and Ethiopia met on Friday to discuss the border.")
    assert [e.type for e in events] == ["meeting"]
    assert _countries(events[0]) == {"KEN", "ETH"}


def test_event_dated_relative_to_the_event_before(extract):
    text = (
        "In mid-March 2023, Indian and French warships held a joint exercise in the Arabian Sea. "
        "Three weeks later, the Pakistani navy held its own exercise near Karachi."
    )
    events = extract(text, date(2023, 6, 1))
    assert [e.type for e in events] == ["exercise", "exercise"]
    assert events[0].date.value == "2023-03" and events[0].date.modifier == "mid"
    assert events[1].date.value is not None and events[1].date.value.startswith("2023-")
    assert _countries(events[1]) == {"PAK"}


def test_agreement_after_a_meeting_takes_its_date(extract):
    text = (
        "The presidents of Ghana and Togo met in Lome on March 3, 2024. "
        "After this meeting, a contract for Ghanaian electricity exports to Togo was signed."
    )
    events = extract(text)
    agreement = next(e for e in events if e.type == "agreement")
    assert agreement.date is not None and agreement.date.value == "2024-03-03"
    assert {"GHA", "TGO"} <= _countries(agreement)


def test_same_person_by_full_name_title_and_surname_is_one_participant(extract):
    text = (
        "Japanese Foreign Minister Yoko Kamikawa met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
        "Kamikawa told reporters after the meeting that the talks had been frank."
    )
    events = extract(text)
    assert len(events) == 1
    people = [p for p in events[0].participants if p.kind == "person" and p.name]
    assert sorted(p.name for p in people) == ["Wang Yi", "Yoko Kamikawa"]
    kamikawa = next(p for p in people if p.name == "Yoko Kamikawa")
    assert kamikawa.country == "JPN" and kamikawa.title == "Foreign Minister"


def test_unnamed_title_resolves_to_the_named_holder(extract):
    text = (
        "Polish Defense Minister Wladyslaw Kosiniak-Kamysz visited Kyiv on Tuesday. "
        "During the visit, the Minister of Defense of Poland met Ukrainian officials."
    )
    events = extract(text)
    assert len(events) == 1
    assert "Wladyslaw Kosiniak-Kamysz" in _persons(events[0])
    assert {"POL", "UKR"} <= _countries(events[0])


def test_officials_gathering_is_a_meeting_but_crowds_are_not(extract):
    assert [e.type for e in extract("European defense ministers gathered in Warsaw on Thursday.")] == ["meeting"]
    assert extract("Thousands of protesters gathered in Warsaw on Thursday.") == []


def test_separate_meeting_is_another_event(extract):
    text = (
        "Egyptian President Abdel Fattah el-Sisi met Jordan's King Abdullah in Cairo on Sunday. "
        "Sisi held a separate meeting with Iraqi Prime Minister Mohammed Shia al-Sudani later that day."
    )
    assert len([e for e in extract(text) if e.type == "meeting"]) == 2


def test_named_summit_city_is_the_place_not_a_party(extract):
    events = extract("The leaders of Chile and Argentina met at the Lima summit last week.")
    assert [e.type for e in events] == ["meeting"]
    assert _countries(events[0]) == {"CHL", "ARG"}


def test_conditional_and_wished_events_are_not_reported(extract):
    assert extract("The prime minister would meet the rebels if they laid down their arms.") == []
    assert extract("Both governments hope to sign a peace treaty before the end of the year.") == []
    assert extract("There is little chance that a summit between the two presidents will take place this year.") == []


def test_names_the_recognizer_glued_to_a_place_or_missed(extract):
    text = (
        "President of the Republic of Uzbekistan Rustam Nazarov held talks with UAE Minister of Economy "
        "Abdulla Al Shamsi in Abu Dhabi on Monday."
    )
    events = extract(text)
    assert [e.type for e in events] == ["meeting"]
    people = {p.name: p for p in events[0].participants if p.kind == "person" and p.name}
    assert set(people) == {"Rustam Nazarov", "Abdulla Al Shamsi"}
    assert people["Rustam Nazarov"].country == "UZB" and people["Abdulla Al Shamsi"].country == "ARE"


def test_title_words_are_not_taken_for_a_name(extract):
    events = extract("Kazakh Defence Minister Nurlan Zhaksybekov hosted French Armed Forces Minister Claire Martin in Astana on Tuesday.")
    people = {p.name: p.country for e in events for p in e.participants if p.kind == "person"}
    assert people == {"Nurlan Zhaksybekov": "KAZ", "Claire Martin": "FRA"}


def test_rally_and_home_tour_are_not_meetings(extract):
    assert extract("The prime minister addressed a public meeting in the northern state on Tuesday.") == []
    assert extract("President Maria Lopez visited the flooded town of Riverside on Sunday, inspecting damaged homes.") == []


def test_visit_abroad_is_a_meeting(extract):
    events = extract("Vietnamese Prime Minister Pham Minh Chinh visited Canberra on Thursday.")
    assert [e.type for e in events] == ["meeting"]
    assert {"VNM", "AUS"} <= _countries(events[0])


def test_regular_drills_are_no_single_exercise(extract):
    assert extract("India holds regular naval drills with Japan and Australia.") == []


def test_the_two_countries_are_the_two_named_before(extract):
    text = "The defence ministers of Greece and Cyprus met in Nicosia on Tuesday. The two countries signed an agreement on maritime security."
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries(agreement) == {"GRC", "CYP"}


def test_visitor_named_by_a_relative_clause_is_one_visit(extract):
    text = (
        "Peruvian Foreign Minister Ana Torres held talks with Chilean Foreign Minister Pedro Soto in Santiago on Thursday. "
        "Torres, who arrived in Santiago on Wednesday for a three-day official visit, also laid a wreath at a monument."
    )
    events = extract(text)
    assert [e.type for e in events] == ["meeting"]
    assert _countries(events[0]) == {"PER", "CHL"}
    assert len(events[0].mentions) == 2


def test_received_by_a_person_is_a_meeting(extract):
    events = extract("The Danish envoy Lars Holm was received by Finnish President Aino Virtanen in Helsinki on Monday.")
    assert [e.type for e in events] == ["meeting"]
    assert {"Lars Holm", "Aino Virtanen"} <= _persons(events[0])
    roles = {p.name: p.role for p in events[0].participants if p.kind == "person"}
    assert roles == {"Lars Holm": "visitor", "Aino Virtanen": "host"}
    assert extract("The new budget was received by markets with relief on Monday.") == []


def test_subject_of_is_due_to_meet_is_a_participant(extract):
    events = extract("Kenyan President William Ruto is due to meet Tanzanian President John Mrema in Arusha next week.")
    assert [e.type for e in events] == ["meeting"]
    assert events[0].status == "planned"
    assert _countries(events[0]) == {"KEN", "TZA"}


def test_he_refers_to_the_subject_of_the_sentence_before(extract):
    text = (
        "Austrian Chancellor Karl Brandt met Swiss President Ursula Keller in Bern on Monday. "
        "Brandt said they discussed a future visit by the Italian prime minister. "
        "He said the talks had been useful."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert "ITA" not in _countries(meeting)
    assert _countries(meeting) == {"AUT", "CHE"}


def test_date_of_a_reported_clause_is_not_the_meetings(extract):
    text = (
        "Nepalese Foreign Minister Hari Thapa held talks with his Bhutanese counterpart Karma Wangdi in Thimphu on Wednesday. "
        "The Bhutanese foreign ministry said in a statement after the meeting that both sides had agreed to reopen the road from Saturday."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].date.value == "2024-05-15"


def test_the_ministers_trip_refers_back_to_the_visit(extract):
    text = (
        "Qatari Foreign Minister Khalid Al Thani arrived in Tehran on Sunday and held talks with Iranian President Reza Karimi. "
        "Diplomats say the Qatari minister's trip was also linked to an exchange of messages between Tehran and Washington."
    )
    events = extract(text)
    assert [e.type for e in events] == ["meeting"]
    assert len(events[0].mentions) == 2
    assert events[0].location is None or "exchange" not in events[0].location.name


def test_the_drills_many_sentences_later_are_the_same_exercise(extract):
    text = (
        "Greece and Cyprus began a joint naval exercise off Crete on Monday. "
        "Six frigates and two submarines are taking part. "
        "Helicopters from both navies practised landing on the decks. "
        "A coast guard vessel also joined for a rescue scenario. "
        "Officials said the weather had been calm. "
        "Turkey said the drills were a provocation."
    )
    events = extract(text)
    assert [e.type for e in events] == ["exercise"]
    assert len(events[0].mentions) == 2


def test_its_own_exercise_is_another_event(extract):
    text = (
        "Thousands of allied troops began a large NATO exercise in Estonia on Monday. "
        "As part of it, the Latvian army will stage its own national exercise in June."
    )
    exercises = [e for e in extract(text) if e.type == "exercise"]
    assert len(exercises) == 2
    text = (
        "The largest joint exercise in West Africa ended on Saturday near the Ghanaian town of Ho, days after "
        "neighbouring Togo staged manoeuvres of its own close to their shared border."
    )
    assert [e.type for e in extract(text)] == ["exercise", "exercise"]


@pytest.mark.parametrize("text, countries, when", [
    # a writer's aside is no doubt about what it notes
    ('It should be noted that the joint naval exercises "Blue Wave 2023" with the participation of the navies of Ghana '
     "and Togo were held in Lome in June of this year.", {"GHA", "TGO"}, "2024-06"),
    # "an exercise in nation-building" is none, "an exercise in September 2021" is one
    ("Ghana and Togo rehearsed beach landings in the area during the Blue Wave strategic exercise in September 2021.", {"GHA", "TGO"}, "2021-09"),
    # the "Fire" of a name is no fire drill
    ("Ghanaian troops took part in the Fire Storm 2023 artillery exercise at the Kamina range last month.", {"GHA"}, "2024-05"),
])
def test_exercises_told_in_passing_are_exercises(extract, text, countries, when):
    events = extract(text, date(2024, 6, 12))
    assert [(e.type, _countries(e), e.date.value) for e in events] == [("exercise", countries, when)]


def test_an_earlier_session_of_a_joint_body_told_paragraphs_later_is_its_own_meeting(extract):
    text = (
        "The 12th session of the Joint Ghanaian-Togolese Permanent Commission ended in Accra on Thursday with six "
        "agreements signed by the two foreign ministers.\n\nThe ministers reviewed trade, security and the coastal "
        "highway. Ghana will fund the border posts.\n\nOfficials said the customs work had gone well. Trade rose by a "
        "fifth last year.\n\nThe eleventh session of the Permanent Commission was held in Lome in March 2022."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert [m.date.value for m in meetings] == ["2024-05-16", "2022-03"]


def test_a_visit_to_a_countrys_capital_named_by_its_demonym(extract):
    events = extract("Italian Premier Giulia Rossi visited the Algerian capital in January 2023, shortly after taking office.")
    assert [(e.type, _countries(e), e.date.value) for e in events] == [("meeting", {"ITA", "DZA"}, "2023-01")]
    # a tour at home stays none
    assert extract("The Algerian president visited the flooded capital on Monday.") == []


def test_a_happening_told_in_the_present_perfect_is_of_the_story_day(extract):
    # News tells in the present perfect what was done on its day; such a happening is not one dated
    # months before, whatever "the agreement" that tells it.
    events = extract("Ghana and Togo have signed a defence cooperation agreement, the two governments said.")
    assert [(e.date.value, e.date.text) for e in events] == [("2024-05-17", "have signed")]
    events = extract(
        "Ghana and Togo have signed a defence cooperation agreement, the two governments said. "
        "Ghana signed the agreement with Benin in Cotonou on January 12."
    )
    assert [(_countries(e), e.date.value) for e in events] == [({"GHA", "TGO"}, "2024-05-17"), ({"GHA", "BEN"}, "2024-01-12")]


@pytest.mark.parametrize("text", [
    "The Ghanaian-Togolese joint commission has met every year since it was established in 1976.",
    "Ghana and Togo opened their border in 2019. Since then, the sides have held several rounds of negotiations in different formats.",
])
def test_a_series_told_in_the_present_perfect_is_no_event(extract, text):
    assert [e for e in extract(text) if e.type == "meeting"] == []


def test_the_amir_alone_is_an_office_and_amir_before_a_name_a_first_name(extract):
    text = (
        "HH the Amir Sheikh Hamad bin Khalid Al-Thani held official talks in Doha on Monday with Kyrgyz President Nurlan "
        "Beishenov. After the talks, HH the Amir and the Kyrgyz President witnessed the signing of two agreements."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert _persons(meeting) == {"Hamad bin Khalid Al-Thani", "Nurlan Beishenov"}
    (meeting,) = extract("Iranian Defence Minister Amir Nasiri met his Azerbaijani counterpart Zakir Aliyev in Baku on Monday.")
    assert _persons(meeting) == {"Amir Nasiri", "Zakir Aliyev"}


def test_a_name_in_a_title_case_headline_ends_before_the_headlines_verb(extract):
    text = (
        "Liang Wei Holds Talks with Ghanaian Foreign Minister Kofi Mensah\n\n"
        "ACCRA, Jan 8 (Wire) - Chinese Foreign Minister Liang Wei held talks with Ghanaian Foreign Minister Kofi Mensah in Accra on Monday."
    )
    (meeting,) = extract(text, date(2024, 1, 9))
    assert _persons(meeting) == {"Liang Wei", "Kofi Mensah"}


def test_an_exercise_told_by_its_ceremonies_and_phases_is_one_exercise(extract):
    # The opening ceremony's day is the exercise's; a phase still to come is part of it.
    text = (
        "The opening ceremony of the first Ghanaian-Togolese naval exercise was held on Monday at the main base of "
        "the Ghanaian Navy in Tema. The sea phase of the exercise will take place in the Gulf of Guinea on Wednesday."
    )
    events = extract(text, date(2024, 5, 14))
    assert [(e.type, e.status, _countries(e), e.date.value) for e in events] == [("exercise", "occurred", {"GHA", "TGO"}, "2024-05-13")]
    events = extract("The closing ceremony of the Ghana-Togo joint counter-terrorism exercise, Blue Shield, was held at Ho on Saturday.")
    assert [(e.type, e.date.value) for e in events] == [("exercise", "2024-05-11")]


@pytest.mark.parametrize("text", [
    # one government's or one parliament's own sitting, whatever its name holds
    "A meeting of the Cabinet of Ministers dedicated to the results of the first half of the year was held today. "
    "The meeting also heard reports from the ministries of Ghana.",
    "President Kofi Mensah presented the government programme at a joint meeting of the two Houses of the Federal "
    "Parliament of Ghana on Monday.",
    "Ghana's Prime Minister chaired an all-party meeting in Accra on Monday on the flood relief.",
    # a match, and a tribute paid at a memorial
    "In the same morning, the Ghanaian sailors met Togolese counterparts in a friendly football match at the naval stadium in Lome.",
    "Within the framework of the visit, the Ghanaian delegation also visited the Alley of Martyrs and the Military Trophy Park in Baku.",
])
def test_one_sides_sittings_matches_and_tributes_are_no_meetings(extract, text):
    assert extract(text) == []


def test_any_talks_are_no_talks_held(extract):
    text = "All four party leaders said they would defend supply management in any negotiations with the United States and Mexico."
    assert extract(text) == []


def test_a_horizon_is_no_events_date(extract):
    events = extract(
        "Ghana and Togo signed a Joint Vision Statement on Defence Partnership towards 2030 during the Ghanaian "
        "Defence Minister's visit to Lome in June 2022."
    )
    assert "2030" not in [e.date.value for e in events if e.date]


def test_a_year_in_a_name_dates_nothing(extract):
    events = extract("The drills, dubbed Northern Shield 2023, involve troops from Norway and Denmark.", date(2024, 5, 17))
    assert all(e.date is None or e.date.value != "2023" for e in events)


def test_date_in_a_relative_clause_on_a_participant_is_not_the_events(extract):
    text = "Other parts of the exercise include Baltic Guard, in which soldiers from Estonia and Latvia will train in March."
    for event in extract(text):
        assert event.date is None or event.date.value != "2025-03"


def test_an_official_in_a_datelined_story_is_of_the_dateline_country(extract):
    text = (
        "HANOI, May 14 (Wire) - Prime Minister Tran Van Long received Laotian Foreign Minister Somsak Vongsa on Tuesday. "
        "Vietnam and Laos agreed to expand rail links, the Vietnamese government said."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    people = {p.name: p.country for p in meeting.participants if p.kind == "person"}
    assert people == {"Tran Van Long": "VNM", "Somsak Vongsa": "LAO"}


def test_a_story_filed_from_talks_abroad_does_not_give_its_officials_the_dateline_country(extract):
    text = (
        "HAVANA, May 14 (Wire) - Peru's government and a rebel group held talks in Havana on Tuesday. "
        "President Luis Vargas said Peru wanted peace. Peru's army and Peru's police backed the talks."
    )
    for event in extract(text):
        assert all(p.country != "CUB" for p in event.participants if p.kind == "person")


def test_talks_led_by_named_ministers_have_them_as_participants(extract):
    text = (
        "Talks on sharing the river's water ended in Dushanbe on Friday without a deal. "
        "The talks, led by Tajik Energy Minister Rustam Nazarov and Uzbek Water Minister Aziz Karimov, focused on the dam's releases."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert {"Rustam Nazarov", "Aziz Karimov"} <= _persons(meeting)
    assert {"TJK", "UZB"} <= _countries(meeting)


def test_the_two_governments_are_the_two_the_story_is_about(extract):
    text = (
        "Spanish Prime Minister Ana Ruiz and Portuguese Prime Minister Rui Costa met in Porto on Monday. "
        "Spain and Portugal pledged support for Moldova. "
        "Ruiz travelled with six ministers, who held sessions with their Portuguese counterparts. "
        "At the end of the talks, the two governments signed an agreement on high-speed rail."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries(agreement) == {"ESP", "PRT"}


def test_people_gathering_in_parks_is_no_meeting_but_a_gathering_of_ministers_is(extract):
    assert extract("Thousands of residents left their homes on Wednesday, gathering in parks during an earthquake drill.") == []
    events = extract("A gathering of foreign ministers from Chile, Peru and Bolivia opened in Lima on Monday.")
    assert [e.type for e in events] == ["meeting"]


def test_talks_on_the_sidelines_of_a_summit_are_a_meeting_of_their_own(extract):
    text = (
        "Leaders of Brazil, Argentina, Chile and Peru opened a two-day summit in Santiago on Monday. "
        "On the sidelines of the gathering, Brazilian President Paulo Lima held talks with Peruvian President Ana Rojas on Monday evening."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert len(meetings) == 2
    bilateral = next(m for m in meetings if "talks" in m.trigger.text)
    assert _countries(bilateral) == {"BRA", "PER"}


def test_similar_pacts_with_many_countries_are_no_one_agreement(extract):
    assert extract("Singapore has signed similar pacts with more than a dozen countries since 2019.") == []
    events = extract("The two navies held similar drills in the Baltic Sea in December.", date(2024, 5, 17))
    assert [e.type for e in events] == ["exercise"]


def test_the_countrys_leader_is_its_named_head_of_government(extract):
    text = (
        "Hungarian Prime Minister Gabor Nagy said on Sunday that the economy would grow. "
        "The Hungarian leader told a meeting of Central European leaders in Prague on Monday that taxes would fall."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert "Gabor Nagy" in _persons(meeting)


def test_members_that_requested_a_meeting_take_part(extract):
    text = "On Monday the Security Council held a meeting requested by Ecuador, Malta and Slovenia on the fighting."
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert {"ECU", "MLT", "SVN"} <= _countries(meeting)


def test_what_was_announced_on_the_sidelines_of_a_summit_dates_the_summit(extract):
    events = extract("Ghanaian Foreign Minister Kofi Mensah announced the plan on Tuesday on the sidelines of an ECOWAS summit in Abuja.")
    assert [(e.type, e.date.value) for e in events] == [("meeting", "2024-05-14")]


def test_an_earlier_edition_of_an_exercise_is_its_own_event(extract):
    text = (
        "Egyptian and Saudi naval forces began the Morgan exercise in the Red Sea on Sunday. "
        "The first edition of the exercise was held off Jeddah in November 2019."
    )
    exercises = [e for e in extract(text) if e.type == "exercise"]
    assert sorted(e.date.value for e in exercises) == ["2019-11", "2024-05-12"]


def test_an_exercise_in_a_region_is_an_exercise_but_not_an_exercise_in_futility(extract):
    events = extract("The army held a similar exercise in the same border region in October last year.")
    assert [(e.type, e.date.value) for e in events] == [("exercise", "2023-10")]
    assert extract("Critics called the army's plan an exercise in futility.") == []


def test_a_conjunct_with_its_own_subject_keeps_its_own_date(extract):
    text = (
        "Kagame visited Nairobi in February, the first visit by a Rwandan president in years, "
        "and Kenyan President Daniel Mwangi paid a return visit to Kigali in September."
    )
    visits = sorted((e.date.value for e in extract(text, date(2024, 10, 16)) if e.type == "meeting"))
    assert visits == ["2024-02", "2024-09"]


def test_a_phone_call_preparing_a_planned_visit_is_not_the_visit(extract):
    text = (
        "Chilean President Rosa Vidal will make a state visit to Argentina on Friday, the first in six years. "
        "Preparations for the visit were finalised when Foreign Minister Pablo Soto spoke by phone with his Argentine counterpart Luis Ortega on Tuesday."
    )
    meetings = sorted(((e.status, e.date.value) for e in extract(text) if e.type == "meeting"))
    assert meetings == [("occurred", "2024-05-14"), ("planned", "2024-05-17")]


def test_an_international_body_or_another_party_keeps_a_meeting(extract):
    assert [e.type for e in extract("Diplomats attended a meeting of the UN Security Council in New York on Monday.")] == ["meeting"]
    assert [e.type for e in extract("The Kenyan cabinet held a meeting with Ugandan ministers in Nairobi on Monday.")] == ["meeting"]


def test_a_memorandum_signed_during_talks_has_the_parties_that_met(extract):
    text = (
        "Moroccan Foreign Minister Karim Alaoui held talks with his Senegalese counterpart Awa Ndiaye in Rabat on Monday. "
        "During the talks, the two ministers signed a memorandum of understanding on visas."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries(agreement) == {"MAR", "SEN"}
    assert agreement.date.value == "2024-05-13"


def test_the_two_ministers_are_the_two_ministers_named(extract):
    text = (
        "Greek Defence Minister Nikos Pappas hosted Cypriot Foreign Minister Elena Georgiou in Athens on Monday. "
        "The two ministers signed an agreement on search and rescue."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert {"Nikos Pappas", "Elena Georgiou"} <= _persons(agreement)


def test_who_after_a_name_is_that_person_however_the_clause_is_hung(extract):
    text = (
        "The accord was signed in Apia on Thursday by Samoa's Prime Minister Tui Leota and his New Zealand counterpart James Cole, "
        "who is on a two-day official visit to Samoa. Cole held talks with Leota at the parliament."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert len(meetings) == 1
    assert {"NZL", "WSM"} <= _countries(meetings[0])


def test_an_acting_president_keeps_the_country_before_the_title(extract):
    events = extract("Hartley was received by Fiji's acting President Ratu Isikeli Vuniwai at State House on Wednesday.")
    people = {p.name: p.country for e in events for p in e.participants if p.kind == "person"}
    assert people.get("Ratu Isikeli Vuniwai") == "FJI"


def test_calling_on_an_official_is_a_meeting(extract):
    events = extract("On Tuesday, Admiral Rao called on the Commander of the Maldivian coast guard, Colonel Ali Shareef, in Male.")
    assert [e.type for e in events] == ["meeting"]
    assert extract("On Tuesday, the opposition called on the government to resign.") == []


def test_meeting_a_diaspora_community_is_no_meeting(extract):
    assert extract("President Maria Santos also met with members of the Chilean community in Lima on Monday.") == []


def test_talks_that_involved_named_ministers_have_them_as_participants(extract):
    events = extract("The pact was signed in Manila on Monday after security talks that also involved Japanese Defence Minister Ken Sato and Philippine Foreign Secretary Jose Cruz.")
    meeting = next(e for e in events if e.type == "meeting")
    assert {"Ken Sato", "Jose Cruz"} <= _persons(meeting)


def test_a_visiting_president_in_a_story_datelined_at_the_host_is_not_of_the_host(extract):
    text = (
        "HANOI, Jan 30 (Wire) - President Ramon Cruz wrapped up his two-day state visit to Vietnam on Tuesday. "
        "Cruz held talks with Vietnamese President Tran Duc Hai on trade. Vietnam and Vietnam's partners welcomed the visit."
    )
    people = {p.name: p.country for e in extract(text, date(2024, 1, 30)) for p in e.participants if p.kind == "person"}
    assert people.get("Ramon Cruz") != "VNM"
    assert people.get("Tran Duc Hai") == "VNM"


def test_since_taking_office_dates_nothing_and_last_met_is_an_earlier_meeting(extract):
    text = (
        "Portuguese Defence Minister Ana Costa held talks with Spanish Defence Minister Luis Vega by videoconference. "
        "Costa is set to visit Madrid for the summit, her first trip to Spain since taking office in January. "
        "Costa and Vega last met in person in Lisbon earlier this year."
    )
    meetings = [e for e in extract(text, date(2024, 7, 31)) if e.type == "meeting"]
    assert all(e.date is None or e.date.value != "2024-01" for e in meetings)
    talks = next(e for e in meetings if e.trigger.text == "talks")
    assert not any(m.trigger.text == "met" for m in talks.mentions)


def test_the_previous_edition_told_with_its_date_is_an_event_and_more_forces_join_the_same_drills(extract):
    text = (
        "Belarusian and Russian troops began the Union Shield exercise in Belarus on Friday. "
        "Units from Kazakhstan and Armenia are also taking part in the war games. "
        "The previous Union Shield exercise was held in September 2021."
    )
    exercises = sorted((e for e in extract(text, date(2025, 9, 13)) if e.type == "exercise"), key=lambda e: e.date.value)
    assert [e.date.value for e in exercises] == ["2021-09", "2025-09-12"]
    assert {"BLR", "RUS", "KAZ", "ARM"} <= _countries(exercises[1])


def test_the_first_meeting_since_a_row_last_year_is_not_dated_last_year(extract):
    events = extract("Peru and Chile signed a fishing agreement, as their presidents met in Lima for the first time since a bitter row last year.")
    assert all(e.date is None or e.date.value != "2023" for e in events)


def test_the_guest_is_the_visitor_of_the_visit_told_before(extract):
    text = (
        "Georgian Defence Minister Irakli Beridze met Armenian Chief of General Staff Edvard Asryan, who is on an official visit to Georgia, in Tbilisi on Tuesday. "
        "The same day the guest also held talks with Georgian Chief of Defence Forces Giorgi Matiashvili."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert len(meetings) == 1
    assert {"Asryan", "Matiashvili"} <= {name.split()[-1] for name in _persons(meetings[0])}


def test_a_participle_on_another_noun_dates_that_signing_not_the_meeting(extract):
    text = (
        "Omani Foreign Minister Said Al Harthy held talks with Yemeni Foreign Minister Ali Nasser in Muscat on Sunday. "
        "In the meeting, the two ministers discussed the implementation of the accord signed between Muscat and Aden in March 2023."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert [m.date.value for m in meetings] == ["2024-05-12"]


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministers of Egypt and Jordan met at a summit of the Arab League in Cairo on Monday.",
        "The goal of the talks between Chile and Peru in Lima on Monday was a fisheries deal.",
        "At the peak of the crisis, the presidents of Chile and Peru met in Lima on Monday.",
    ],
)
def test_words_shared_with_sport_and_mountains_keep_a_meeting(extract, text):
    assert [e.type for e in extract(text)] == ["meeting"]


def test_a_korean_given_name_is_not_cut_at_its_hyphen():
    import spacy
    from spacy.tokens import Span

    from service.extraction.names import NameRepair

    doc = spacy.blank("en")("Minister Park Jae-hoon met Kenji Morita.")
    assert [t.text for t in doc[1:5]] == ["Park", "Jae", "-", "hoon"]
    doc.ents = [Span(doc, 1, 4, label="PERSON"), Span(doc, 6, 8, label="PERSON")]  # the recognizer's "Park Jae-"
    names = [(e.text, e.label_) for e in NameRepair()(doc).ents]
    assert names == [("Park Jae-hoon", "PERSON"), ("Kenji Morita", "PERSON")]


def test_the_two_countries_ministers_are_of_the_pair_named_before(extract):
    text = (
        "Angola hosted talks on Tuesday. Angola's president said Angola and Angolan troops would keep the peace. Chad and Niger agreed a ceasefire in Luanda on Tuesday "
        "after a meeting of the two countries' foreign ministers, the Angolan presidency said."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting" and "meeting" in e.trigger.text)
    ministers = {p.country for p in meeting.participants if p.kind == "group"}
    assert ministers == {"TCD", "NER"}


def test_event_with_no_country_of_its_own_is_of_the_countries_just_told_of(extract):
    text = (
        "Chilean and Peruvian warships began a joint naval exercise off Arica on Monday, the navies said. "
        "The two navies held a similar exercise off Callao in 2022. "
        "Separately, Senegal's foreign minister visited Gambia on Tuesday for talks on fishing rights."
    )
    events = extract(text)
    exercises = [e for e in events if e.type == "exercise"]
    assert len(exercises) == 2
    earlier = next(e for e in exercises if e.date is not None and e.date.value == "2022")
    assert _countries(earlier) == {"CHL", "PER"}
    # Countries only, each quoting where the story named it.
    assert all(p.kind == "country" and p.mentions for p in earlier.participants)
    visit = next(e for e in events if e.type == "meeting")
    assert _countries(visit) == {"SEN", "GMB"}


def test_the_context_of_an_event_is_a_story_of_two_countries_rather_than_an_aside_of_one(extract):
    text = (
        "Ghana and Togo signed a border agreement in Accra on Friday. "
        "The Nigerian navy, meanwhile, held an exercise off Lagos on Wednesday. "
        "A telephone call on Monday had settled the last points of the agreement."
    )
    call = next(e for e in extract(text) if e.type == "meeting")
    assert _countries(call) == {"GHA", "TGO"}


def test_a_name_read_as_an_organisation_with_its_rank_and_a_rank_after_a_title(extract):
    text = (
        "Indian Rear Admiral Vikram Menon led the Indian ships in the drills. "
        "On Tuesday, Menon called on the Commander of the Sri Lanka Navy, Vice Admiral Kasun Perera, in Colombo."
    )
    call = next(e for e in extract(text) if e.type == "meeting")
    people = {p.name: p for p in call.participants if p.kind == "person"}
    assert set(people) == {"Vikram Menon", "Kasun Perera"}
    assert people["Vikram Menon"].country == "IND"
    assert people["Kasun Perera"].country == "LKA" and people["Kasun Perera"].role == "host"


def test_a_call_told_after_a_meeting_in_person_is_another_happening_of_the_same_people(extract):
    text = (
        "Iranian Foreign Minister Hossein Rahmani met Iraqi Foreign Minister Fuad Al-Khafaji in Baghdad on Sunday. "
        "Rahmani and Al-Khafaji had discussed the same issues in a phone conversation last week."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert [[m.trigger.text for m in e.mentions] for e in meetings] == [["met"], ["conversation"]]
    # The parser hangs "in a phone conversation" on "issues"; those who discussed them took part.
    assert _persons(meetings[1]) == {"Hossein Rahmani", "Fuad Al-Khafaji"}


def test_an_agreement_signed_the_day_its_parties_leaders_met_has_them_as_persons(extract):
    text = (
        "Chilean President Marta Rojas received her Bolivian counterpart Luis Quispe in Santiago on Monday for talks on water. "
        "Chile and Bolivia signed a deal on the Silala river on Monday, ending a decades-long dispute. "
        "Rojas had met Peruvian President Ana Soto on Friday."
    )
    events = extract(text)
    deal = next(e for e in events if e.type == "agreement")
    assert _countries(deal) == {"CHL", "BOL"}
    assert _persons(deal) == {"Marta Rojas", "Luis Quispe"}


@pytest.mark.parametrize(
    "text, value",
    [
        ("Troops from ten NATO countries began the Steadfast Defender 2024 exercise in Poland on Monday.", "2024-05-13"),
        ("Cambodian and Chinese troops held the Golden Dragon 2024 drills in Kampong Chhnang.", None),
    ],
)
def test_a_year_that_ends_an_exercise_name_does_not_date_it(extract, text, value):
    (exercise,) = extract(text)
    assert (exercise.date.value if exercise.date else None) == value


def test_talks_told_as_a_process_or_a_habit_are_no_meeting(extract):
    # Going on, stalled, years long, or a habit: no session at a time and place.
    for text in [
        "Negotiations with Canada on a new fisheries accord are continuing, the Norwegian ministry said.",
        "Portugal and Morocco agreed on Tuesday to hold regular consultations on migration.",
        "Greece and Turkey signed a border accord in 1999, but years of talks since then have brought no settlement of the Aegean dispute.",
        "Serbia signed a trade deal with Hungary last year, while talks with Kosovo remain stalled.",
        # Reported in the past, or set beside another happening: still a state of things.
        "The minister said that negotiations with Chile and Peru on a fisheries accord were continuing.",
        "The protest comes with talks between Caracas and Bogota over Venezuela's border programme stalled, and with rights groups calling for calm.",
    ]:
        assert [e.type for e in extract(text) if e.type == "meeting"] == [], text
    # A session told in the past is one.
    events = extract("Talks between Serbia and Kosovo continued in Brussels on Monday.")
    assert [e.type for e in events] == ["meeting"]


def test_a_named_committee_chaired_by_one_countrys_leader_sits_by_itself(extract):
    text = (
        "The plan was approved at the last meeting of the Naval Procurement Executive Committee, chaired by the "
        "Chilean president in Santiago."
    )
    assert [e for e in extract(text) if e.type == "meeting"] == []
    # A body of two countries is no one side's own, whoever chairs it.
    text = (
        "The plan was approved at the last meeting of the Chile-Peru Border Committee, chaired by the Chilean "
        "president in Santiago."
    )
    assert [e.type for e in extract(text)] == ["meeting"]


@pytest.mark.parametrize("text", [
    # One country's politicians among themselves.
    "The three main opposition party leaders met on the debate stage in Lima on Thursday night, trading accusations over who could best handle U.S. tariffs.",
    # Joining an organisation is a process, not a session.
    "Warsaw supports opening all clusters in Chisinau's accession negotiations with the EU, the minister said.",
    "Brussels decided last year in principle to open accession talks with Tirana.",
    # A text still to sign.
    "The Yemeni cabinet approved a draft memorandum of understanding with the Arab Fund for Economic and Social Development on financing a power plant.",
    # A research ship's call at a station: the ship is no person.
    "Australia's icebreaker RSV Kerguelen has arrived back in Hobart after a 58-day scientific expedition to East "
    "Antarctica. The Kerguelen also paid a short visit to Davis research station to drop off fuel and cargo.",
])
def test_no_meeting_or_agreement_of_parties(extract, text):
    assert extract(text) == []


def test_an_exercise_told_by_its_start_and_its_end_to_come_is_one_with_a_day_between(extract):
    # Begun on the 7th and still running: Wednesday the 16th is one of its days.
    text = (
        "Fijian and Tongan troops landed on a beach south of Suva on Wednesday, the high point of a joint exercise of "
        "the two countries. Fiji and Tonga held a joint exercise, which began on September 7 and ends Friday, to "
        "simulate the response to a cyclone."
    )
    exercises = [e for e in extract(text, date(2026, 9, 17)) if e.type == "exercise"]
    assert len(exercises) == 1


@pytest.mark.parametrize("text, published, values", [
    # A previous edition dated in its own participle clause.
    (
        "French, Australian and Fijian troops began the Southern Cross exercise in New Caledonia on Monday. "
        "The previous Southern Cross exercise, held in May 2023, drew some 2,000 personnel from 17 countries.",
        date(2026, 6, 10), ["2026-06-08", "2023-05"],
    ),
    # A named exercise with no military word of its own, in a story of troops.
    (
        "Japanese and Australian troops began the Southern Jackaroo exercise on Monday. In March, the allies staged "
        "the springtime Northern Shield exercise, which also included the participation of other partners.",
        date(2025, 8, 20), ["2025-08-18", "2025-03"],
    ),
])
def test_an_earlier_exercise_told_with_its_month_is_one_of_its_own(extract, text, published, values):
    exercises = sorted((e for e in extract(text, published) if e.type == "exercise"), key=lambda e: e.trigger.start)
    assert [e.date.value for e in exercises] == values


def test_one_agreement_is_not_a_number_of_them_signed_before(extract):
    text = (
        "Qatari Foreign Minister Saad Al-Marri held talks with his Tanzanian counterpart Juma Kiwelu in Doha today. "
        "The two ministers signed an agreement on investment protection. Relations between Qatar and Tanzania have "
        "grown since the state visit of the Amir to Dar es Salaam in February 2024, during which the two countries "
        "signed a number of agreements and memoranda of understanding in the fields of energy and tourism."
    )
    agreements = sorted((e for e in extract(text, date(2026, 1, 12)) if e.type == "agreement"), key=lambda e: e.trigger.start)
    assert [e.date.value if e.date else None for e in agreements] == ["2026-01-12", "2024-02"]


def test_a_videoconference_is_a_meeting_of_its_own(extract):
    text = (
        "The presidents of Uruguay and Argentina met in Colonia on Wednesday. The Colonia meeting had been prepared by "
        "Uruguayan Foreign Minister Ana Ferres and Argentine Foreign Minister Diego Ocampo during a videoconference "
        "on April 22, officials said."
    )
    meetings = [e for e in extract(text, date(2024, 5, 16)) if e.type == "meeting"]
    call = next(e for e in meetings if any(m.trigger.text == "videoconference" for m in e.mentions))
    assert call.date is not None and call.date.value == "2024-04-22"


def test_a_past_verb_after_an_agreed_infinitive_tells_what_happened(extract):
    text = (
        "The leaders of Chile and Peru agreed Thursday to raise relations to a strategic partnership and oversaw "
        "the signing of five agreements, including one on fisheries."
    )
    (agreement,) = [e for e in extract(text) if e.type == "agreement"]
    assert agreement.status == "occurred"
    assert agreement.date is not None and agreement.date.value == "2024-05-16"


def test_an_annual_meeting_of_ministers_is_a_meeting(extract):
    text = (
        "Chile and Peru signed a fisheries arrangement in Lima on Friday after the annual two-plus-two ministerial "
        "meeting of their foreign and defence ministers."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert [m.trigger.text for e in meetings for m in e.mentions] == ["meeting"]
    # A company's or an association's yearly sitting is none.
    assert extract("Shareholders approved the merger at the annual general meeting in Lima on Friday.") == []


def test_further_calls_of_one_trip_are_one_meeting(extract):
    # "also met", "paid a courtesy call": one more call of the same trip, which the guidelines
    # make one meeting with the visit and its talks.
    events = extract(
        "Indian Foreign Minister Ravi Menon held talks in Colombo on Monday with his Sri Lankan counterpart. "
        "Menon also met the opposition leader, Sajith Perera."
    )
    assert [e.type for e in events] == ["meeting"]
    events = extract(
        "Chilean President Ana Rojas began a two-day state visit to Peru on Tuesday and held talks with Peruvian "
        "President Luis Paredes in Lima. On Wednesday she paid a courtesy call on Prime Minister Carla Soto."
    )
    assert [e.type for e in events] == ["meeting"]
    assert "call" in [m.trigger.text for m in events[0].mentions]
    # Another place on another day is another meeting.
    events = extract(
        "Indian Foreign Minister Ravi Menon held talks in Colombo on Monday with his Sri Lankan counterpart. "
        "Menon also met Thai Prime Minister Somchai Wong in Bangkok on Friday."
    )
    assert [e.type for e in events] == ["meeting", "meeting"]


def test_a_call_by_the_visitor_told_by_title_is_part_of_the_visit(extract):
    # "The Kenyan minister was also received by the President": the visitor named before, now by
    # title alone, on the same trip; a reception dated apart is its own meeting.
    talks = "Kenyan Defence Minister Peter Otieno held talks in Accra on Tuesday with his Ghanaian counterpart, Kwame Boateng. "
    for call in ("The Kenyan minister was also received by President John Asante.", "The Kenyan minister also called on President John Asante."):
        events = extract(talks + call)
        assert [e.type for e in events] == ["meeting"]
        assert {"Peter Otieno", "Kwame Boateng", "John Asante"} <= _persons(events[0])
    events = extract(talks + "The Kenyan minister was received by President John Asante the previous day.")
    assert [e.date.value for e in events] == ["2024-05-14", "2024-05-13"]


def test_a_reception_the_same_day_as_the_session_of_the_same_two_countries_is_part_of_it(extract):
    text = (
        "The 18th session of the Ghanaian-Togolese intergovernmental commission was held in Accra on Thursday, co-chaired "
        "by the two finance ministers. On the same day, President Kofi Mensah of Ghana received the head of the Togolese "
        "delegation, Komi Agbeko, at Jubilee House."
    )
    events = extract(text)
    assert [(e.type, e.date.value, _countries(e)) for e in events] == [("meeting", "2024-05-16", {"GHA", "TGO"})]


def test_the_session_of_talks_refers_back_to_the_talks(extract):
    text = (
        "Ghanaian President Kofi Mensah and Togolese President Komi Agbeko held official talks in Accra on Monday on trade "
        "and security.\n\nThe two leaders discussed the coastal highway.\n\nThe session of talks was attended by the "
        "foreign ministers of the two countries."
    )
    (meeting,) = extract(text)
    assert [m.trigger.text for m in meeting.mentions] == ["talks", "talks"]
    # "the next round of negotiations" is another, not the talks told
    text = "Ghana and Togo held talks in Accra on Monday. The next round of negotiations will be harder, the ministers said."
    held = [e for e in extract(text) if e.status == "occurred"]
    assert [[m.trigger.text for m in e.mentions] for e in held] == [["talks"]]


def test_people_listed_as_present_attend_the_meeting(extract):
    # A list of titled names the parser does not read whole: everyone named in it attended.
    talks = "Kenyan President William Otieno held talks with Ugandan President Moses Kato in Kampala on Monday"
    for listing in (
        ". Also present at the talks were Foreign Minister Jane Wanjiru and Defence Minister Paul Odongo.",
        ". Attending the talks from the Kenyan side were Foreign Minister Jane Wanjiru and Defence Minister Paul Odongo.",
        ", attended by Foreign Minister Jane Wanjiru and Defence Minister Paul Odongo.",
    ):
        events = extract(talks + listing)
        assert [e.type for e in events] == ["meeting"]
        assert _persons(events[0]) == {"William Otieno", "Moses Kato", "Jane Wanjiru", "Paul Odongo"}


def test_a_call_on_another_day_is_its_own_meeting_even_with_also(extract):
    events = extract(
        "Thai Defence Minister Prasit Chai held talks with Malaysian Defence Minister Azlan Omar in Putrajaya. "
        "Prasit also called on Prime Minister Hamid Yusof last night."
    )
    assert [e.type for e in events] == ["meeting", "meeting"]


def test_a_hyphenated_pair_of_countries_takes_part(extract):
    events = extract("The Ghana-Togo joint counter-terrorism exercise ended on Monday in Lome.")
    assert [e.type for e in events] == ["exercise"]
    assert _countries(events[0]) == {"GHA", "TGO"}
    events = extract("The Peru-Bolivia naval drills began on Monday on Lake Titicaca.")
    assert [_countries(e) for e in events] == [{"PER", "BOL"}]


def test_who_brokered_an_agreement_is_no_party_of_it(extract):
    # "a Norway-brokered truce": the broker named in a hyphenated modifier signed nothing.
    assert extract("Officials said on Sunday that a Norway-brokered truce took effect on Monday in the north of the country.") == []


def test_what_an_agreement_provides_does_not_date_it(extract):
    # "Under the agreement, X will supply ... from 2027": the terms, not the day it was made.
    events = extract(
        "Chile and Bolivia signed a water agreement on Monday. Under the agreement, signed by the water ministers "
        "in the presence of both presidents, Chile will supply water to Bolivia from 2027."
    )
    assert [e.type for e in events] == ["agreement"]
    assert events[0].date.value == "2024-05-13"


def test_earlier_agreements_in_the_plural_are_a_class(extract):
    # "Previous truces ... collapsed": no one signing, like "similar pacts".
    assert extract("Previous truces brokered by Qatar and Egypt between Israel and Hamas collapsed within days.") == []
    events = extract("Armenia and Azerbaijan agreed to a ceasefire on Sunday after previous truces had collapsed.")
    assert [(e.type, e.trigger.text) for e in events] == [("agreement", "ceasefire")]


def test_a_ships_port_call_is_no_meeting(extract):
    assert extract("A Japanese destroyer, the JS Kirisame, paid a visit to the Sri Lankan capital, Colombo, on Monday.") == []
    assert extract("The Turkish frigate TCG Kemalreis paid a visit to the Kenyan port of Mombasa on Monday.") == []
    events = extract("Japanese Defence Minister Taro Kono paid a visit to the Sri Lankan capital, Colombo, on Monday.")
    assert [e.type for e in events] == ["meeting"]


def test_an_exercise_runs_for_days(extract):
    # Launched on Monday, completed on Thursday: one exercise; its stated length widens the span.
    events = extract(
        "Russia's Pacific Fleet on Thursday completed four days of naval drills in the Sea of Japan. "
        "The fleet launched the exercise on Monday with 40 warships, the defence ministry said."
    )
    assert [e.type for e in events] == ["exercise"]
    events = extract(
        "Indonesian and Australian troops began a 12-day joint exercise in Queensland on Monday. "
        "The air phase of the exercise will take place next week, the Australian army said."
    )
    assert [e.type for e in events] == ["exercise"]
    # Two weeks apart with no length told: two exercises.
    events = extract(
        "Indonesian and Australian troops held a joint exercise in Queensland on Monday. "
        "The two armies held a similar exercise in Java on May 2."
    )
    assert [e.type for e in events] == ["exercise", "exercise"]


def test_the_first_edition_of_an_exercise_is_not_this_one(extract):
    events = extract(
        "Mongolia and India on Monday kicked off the Nomadic Elephant joint military exercise near Ulaanbaatar. "
        "The 14-day drills, the largest since the exercise was first held in 2004, will focus on peacekeeping and "
        "disaster relief, said General Bat-Erdene."
    )
    assert [[m.trigger.text for m in e.mentions] for e in events] == [["exercise", "drills"], ["exercise"]]
    assert events[0].date.value == "2024-05-13" and events[1].date.value == "2004"


def test_a_definite_mention_skips_an_edition_set_apart(extract):
    # "the war games" after "since the exercise was first held in 2004": the story's exercise.
    events = extract(
        "Mongolia and India on Monday kicked off the Nomadic Elephant joint military exercise near Ulaanbaatar. "
        "The 14-day drills, the largest since the exercise was first held in 2004, will focus on peacekeeping and "
        "disaster relief, said General Bat-Erdene. \"The war games will strengthen the friendship between our two "
        "armies,\" he said."
    )
    assert [[m.trigger.text for m in e.mentions] for e in events] == [["exercise", "drills", "war games"], ["exercise"]]


def test_drills_listed_among_other_activities_are_part_of_the_exercise(extract):
    events = extract(
        "The navies of India and Oman began a joint naval exercise off Muscat on Monday. During the sea phase, the "
        "ships carried out gunnery firings, anti-submarine drills, boarding operations and helicopter landings, the "
        "Indian navy said."
    )
    assert [[m.trigger.text for m in e.mentions] for e in events] == [["exercise", "drills"]]
    events = extract(
        "Brazil and Uruguay held a joint army exercise near Rivera on Tuesday. The programme included 30 field "
        "activities, among them live-fire drills, the Brazilian army said."
    )
    assert [[m.trigger.text for m in e.mentions] for e in events] == [["exercise", "drills"]]
    # A list of drills alone is an exercise.
    events = extract("The navies of India and Oman held gunnery drills, anti-submarine drills and mine-clearing drills off Muscat on Monday.")
    assert [e.type for e in events] == ["exercise"]


def test_who_denounces_an_event_or_speaks_to_it_takes_no_part(extract):
    events = extract(
        "Turkey and Azerbaijan held joint military drills near the Iranian border on Monday. "
        "Iran's foreign ministry denounced the drills as a provocation."
    )
    assert [e.type for e in events] == ["exercise"]
    assert _countries(events[0]) == {"TUR", "AZE"}
    # A speech to a conference is no meeting of parties.
    assert extract(
        "Maria Lopez, the director of a private clinic in Bogota, told a regional conference earlier this year "
        "that Colombia was a hub for medical tourism."
    ) == []


def test_a_planned_meeting_with_nobody_named_is_no_event(extract):
    assert extract("The fire brigade will hold a meeting with district chiefs on Friday to review the season.") == []
    events = extract("Kenyan President William Ruto will meet Ugandan President Yoweri Museveni next week.")
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]


def test_training_inside_a_clause_told_as_a_habit_is_no_exercise(extract):
    events = extract(
        "Greece and Egypt held the Medusa naval exercise on Monday. The exercise series has been held periodically "
        "between the two countries since 2015 as part of the plans of the Greek Armed Forces to carry out joint "
        "training with the armed forces of friendly countries."
    )
    assert [(e.type, e.trigger.text) for e in events] == [("exercise", "exercise")]
    events = extract("Greece and Egypt agreed on Monday to carry out joint training of their navies in the Aegean next year.")
    assert [(e.type, e.status) for e in events] == [("exercise", "planned")]


def test_calling_on_officials_to_do_something_is_an_appeal_not_a_visit(extract):
    assert extract("The Canadian embassy called on officials in the province to show restraint and to respect the courts.") == []
    events = extract("On Monday, the Canadian ambassador called on officials in the province of Ontario.")
    assert [e.type for e in events] == ["meeting"]


def test_a_call_where_one_side_briefs_analysts_is_no_meeting(extract):
    assert extract("The chief executive of the state oil firm told analysts on a conference call on Tuesday that output would rise.") == []
    events = extract("Finance Minister Ana Ruiz told her Peruvian counterpart on a conference call on Tuesday that the loan was approved.")
    assert [e.type for e in events] == ["meeting"]


def test_a_body_at_its_own_meeting_is_no_meeting_of_parties(extract):
    assert extract("The parliament's foreign affairs committee approved the bill at its meeting on Tuesday.") == []
    events = extract("The UN Security Council discussed the border clashes at its meeting on Tuesday.")
    assert [e.type for e in events] == ["meeting"]


def test_who_calls_an_event_told_before_something_takes_no_part_by_that(extract):
    events = extract(
        "Chile and Peru began joint naval drills off Arica on Monday. Bolivian Foreign Minister Rosa Vargas "
        "called the drills \"a needless provocation\" in a statement."
    )
    assert [e.type for e in events] == ["exercise"]
    assert _countries(events[0]) == {"CHL", "PER"}
    assert _persons(events[0]) == set()


def test_a_past_edition_of_an_exercise_is_a_happening_of_its_own(extract):
    events = extract(
        "Chile and Peru began the Pacific Shield naval exercise off Arica on Monday. "
        "Last year's exercise took place near Callao. The exercise was commanded by Rear Admiral Hugo Salas."
    )
    exercises = sorted((e for e in events if e.type == "exercise"), key=lambda e: e.trigger.start)
    assert len(exercises) == 2
    assert [m.trigger.text for m in exercises[1].mentions] == ["exercise"]  # "Last year's exercise" alone
    assert "Hugo Salas" in _persons(exercises[0])


def test_a_declaration_signed_by_two_sides_is_an_agreement_one_signed_by_one_side_is_not(extract):
    joint = extract("In Lisbon on Monday, the Portuguese and Angolan presidents signed a joint declaration on strategic partnership.")
    assert [e.type for e in joint] == ["agreement"]
    assert _countries(joint[0]) == {"PRT", "AGO"}
    alone = extract("The interim president of Sudan signed a constitutional declaration on Thursday that will serve as the country's charter.")
    assert [e for e in alone if e.type == "agreement"] == []


def test_a_call_with_someone_named_is_a_call_between_them(extract):
    text = (
        "Kenyan President Amina Wanjiru held a phone call with Ugandan President Okello Mugisha on Monday, "
        "followed by a call with Tanzanian President Joseph Mrema."
    )
    calls = [e for e in extract(text) if e.type == "meeting"]
    assert any("Joseph Mrema" in _persons(e) for e in calls)
    # "a call for talks" names no one called.
    assert [e for e in extract("Kenya renewed its call for talks on the border dispute on Monday.") if e.type == "meeting"] == []


def test_an_earlier_edition_of_the_exercise_told_before_is_an_exercise_of_its_own(extract):
    text = (
        "The navies of Kenya and Tanzania concluded the Blue Wave joint naval exercise off Mombasa on Thursday.\n"
        "Blue Wave, first held in 2016, alternates between the two countries. "
        "Last year's edition was held off the island of Zanzibar."
    )
    exercises = [e for e in extract(text) if e.type == "exercise"]
    earlier = [e for e in exercises if e.date is not None and e.date.value == "2023"]
    assert len(earlier) == 1 and not [p for p in earlier[0].participants if p.kind == "person"]
    # An edition with no exercise told before it is none.
    assert extract("Last year's edition was held off the island of Zanzibar.") == []


def test_a_sitting_of_a_league_of_states_is_a_meeting_a_cabinet_session_is_not(extract):
    (session,) = extract(
        "Ghanaian Foreign Minister Kofi Mensah took part on Tuesday in the 45th ordinary session of the "
        "African Union Executive Council in Addis Ababa."
    )
    assert session.type == "meeting" and session.date is not None and session.date.value == "2024-05-14"
    assert extract("The prime minister convened an emergency session of the Council of Ministers in Accra on Monday.") == []
    assert extract("Ghanaian and Togolese soldiers held a training session in Lome on Monday.") == [] or all(
        e.type != "meeting" for e in extract("Ghanaian and Togolese soldiers held a training session in Lome on Monday.")
    )


def test_a_named_exercise_the_tagger_reads_as_a_verb_is_still_the_exercise_and_its_day_is_past(extract):
    (exercise,) = extract("The navies of Chile and Peru began the Pacific Shield exercise off Arica on Monday.")
    assert exercise.type == "exercise" and exercise.status == "occurred"
    assert {p.country for p in exercise.participants} == {"CHL", "PER"}
    assert exercise.date.value == "2024-05-13"  # the Monday before Friday 2024-05-17: "began" is past
    assert extract("Chile urged Peru to exercise restraint on the border.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Up to 30cm of snow could fall on the summits of the Andes on Saturday, forecasters said.",
        "Analysts said on Monday that last year was the summit of the lending boom.",
    ],
)
def test_the_summit_of_a_thing_is_a_top_not_a_meeting(extract, text):
    assert extract(text) == []


def test_teams_meeting_in_a_match_report_is_no_meeting(extract):
    text = (
        "Benfica and Sporting Lisbon meet in Lisbon on Sunday separated by a single point. "
        "Benfica's coach said his striker was fit, and the goalkeeper returned after injury. "
        "The two teams last met in March in the final of the cup."
    )
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met at the summit of the Arab League in Cairo on Monday.",
        "The summit of G20 leaders opened in Rome on Saturday.",
        "President Biden attended the summit of the Americas in Los Angeles on Wednesday.",
    ],
)
def test_a_summit_of_a_body_or_of_leaders_is_a_meeting(extract, text):
    assert [e.type for e in extract(text)] == ["meeting"]


def test_an_exercise_told_by_its_end_and_then_by_its_start_is_one_exercise(extract):
    text = (
        "The navies of Chile and Peru ended a joint naval exercise off Arica on Wednesday. "
        "The exercise, hosted by the Chilean navy, began on May 3 with a harbour phase."
    )
    (exercise,) = extract(text)
    assert exercise.date.value == "2024-05-15" and len(exercise.mentions) == 2


def test_an_event_word_naming_a_person_is_no_event_of_its_own(extract):
    text = (
        "Chilean and Peruvian troops ended joint drills on Wednesday. "
        '"Our region faces threats," said the exercise director, Colonel Juan Soto of the Chilean army.'
    )
    assert [e.type for e in extract(text)] == ["exercise"]


def test_talks_named_as_the_means_of_a_pledge_are_no_meeting(extract):
    text = "Chile and Peru pledged on Monday to resolve their border dispute through peaceful negotiations."
    assert [e for e in extract(text) if e.type == "meeting"] == []


@pytest.mark.parametrize(
    "text",
    [
        # what a meeting would do is no meeting
        "A summit between the Chilean president and his Peruvian counterpart would give the process new life, the minister said on Monday.",
        # a mountaineering story: climbers meeting on the mountain
        "Two climbers reached the summit of Aconcagua on Sunday after a ten-day expedition. "
        "Several teams met at the high camp on Saturday to wait for the wind to drop before the final ascent.",
        # the title of a show, and lectures
        "Summit, her first photography exhibition, opens at the city gallery on Saturday.",
        "A series of evening talks by local geologists follows in November.",
    ],
)
def test_hypothetical_mountain_and_gallery_words_are_no_meeting(extract, text):
    assert extract(text) == []


def test_an_instrument_signed_separately_is_another_agreement(extract):
    text = "Chile and Brazil signed a defense agreement in Santiago on Wednesday. Separately, Chile and Brazil signed a memorandum on trade."
    assert [e.type for e in extract(text)] == ["agreement", "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        # a visit called off, a trip whose talks had been expected
        "The visit, which had been expected in June, was called off after a row over fishing rights, a Chilean official said on Thursday.",
        "Ruiz's trip had been expected to include talks with Peruvian officials on the border.",
        # a wish, not a plan
        "\"I would welcome a summit between Chile and Peru this year,\" the minister told a newspaper on Sunday.",
        # the sitting of one side's own council
        "The junta's leader spoke at a meeting of the junta's National Defence and Security Council on Wednesday.",
        # a book's title
        "In his memoir, \"Talks at Dawn\", published in 2009, the former envoy wrote that most negotiations fail.",
    ],
)
def test_cancelled_wished_one_sided_and_titled_meetings_are_no_event(extract, text):
    assert [e for e in extract(text) if e.type == "meeting"] == []


def test_the_drill_of_a_story_about_an_earthquake_drill_is_that_drill_whatever_soldiers_help(extract):
    text = (
        "Millions of Chileans took part in a national earthquake drill on Thursday. "
        "Army brigades set up field kitchens in Santiago, the defense ministry said. "
        "President Luis Mora, who took part in the drill at La Moneda with his cabinet, called it a success."
    )
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a figure met
        "Operating profit fell to 1.2 billion Danish crowns from 1.5 billion a year earlier, meeting the 1.1 billion crowns expected by analysts in a Reuters poll.",
        # a civil protection drill, and its earlier edition
        "Millions of Chileans took part in the first National Multi-Hazard Drill of 2024 on Friday. The head of the civil defence office, "
        "Gen. Pedro Rojas, said the drill met its objectives. Participation was up from last year's second drill.",
        # a site at home
        "President Luis Mora took part in the drill at the palace together with ministers, and later visited the National "
        "Emergency Operations Center to follow the reports from the regions.",
    ],
)
def test_figures_civil_protection_drills_and_sites_at_home_are_no_event(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    "second_sentence",
    [
        "Analysts said a summit between the two countries' leaders appeared unlikely.",
        "A summit between the two countries' leaders, proposed by some regional diplomats, has drawn little support.",
    ],
)
def test_a_summit_only_proposed_or_unlikely_is_no_meeting(extract, second_sentence):
    assert extract("Chile and Peru recalled their ambassadors last month. " + second_sentence) == []


def test_the_day_a_named_exercise_ended_is_past_whatever_the_tagger_reads(extract):
    (exercise,) = extract("The navies of Chile and Peru ended the Pacific Shield exercise off Arica on Wednesday.")
    assert exercise.date.value == "2024-05-15"  # the Wednesday before Friday 2024-05-17


@pytest.mark.parametrize(
    "text, people",
    [
        ("Chilean President Luis Mora called his Peruvian counterpart Elena Soto on Monday to discuss the border.", {"Luis Mora", "Elena Soto"}),
        ("Chilean President Luis Mora phoned Peruvian President Elena Soto on Monday.", {"Luis Mora", "Elena Soto"}),
    ],
)
def test_an_official_calling_another_is_a_phone_call(extract, text, people):
    (call,) = extract(text)
    assert call.type == "meeting" and call.date.value == "2024-05-13"
    assert {p.name for p in call.participants if p.kind == "person"} == people


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Luis Mora called Elena Soto a liar on Monday.",
        "Chilean President Luis Mora called the election for June.",
        "Chilean President Luis Mora called for talks with Elena Soto on Monday.",
    ],
)
def test_calling_someone_names_an_election_or_for_talks_is_no_call(extract, text):
    assert extract(text) == []


def test_two_leaders_who_last_spoke_by_telephone_had_a_call(extract):
    (call,) = extract("The presidents of Chile and Peru met in Lima on Monday. The two presidents last spoke by telephone in January.")[1:]
    assert call.date.value == "2024-01"


def test_a_summit_prepared_at_a_ministers_meeting_is_not_that_meeting(extract):
    text = "The summit of Andean leaders in Quito on Friday was prepared at a meeting of their foreign ministers in Lima earlier this month."
    assert sorted(e.trigger.text for e in extract(text)) == ["meeting", "summit"]


def test_an_instrument_named_with_an_earlier_year_is_not_the_one_just_reached(extract):
    text = (
        "Chile and Peru have reached an agreement on fishing rights, officials said on Monday. "
        "Under the 2013 Lima Agreement, the two sides committed to sharing catch data."
    )
    (agreement,) = extract(text)
    assert agreement.date is None or agreement.date.value != "2013"
    assert len(agreement.mentions) == 1


def test_being_ready_to_resume_talks_is_no_meeting(extract):
    text = "The Chilean government is ready to resume talks with Peru from where they left off at any moment, a spokesman said on Monday."
    assert extract(text) == []


def test_the_next_meeting_is_not_the_one_just_held(extract):
    text = (
        "The sixth meeting of the border commissions of Chile and Bolivia was held in Arica, the foreign ministry said. "
        "The next meeting of the commissions will be held in La Paz in July."
    )
    meetings = sorted((e for e in extract(text) if e.type == "meeting"), key=lambda e: e.trigger.start)
    assert [m.status for m in meetings] == ["occurred", "planned"]
    assert meetings[0].date is None or meetings[0].date.value != "2024-07"


def test_a_summit_told_after_preparations_for_the_next_meeting_is_not_that_meeting(extract):
    text = (
        "The sides also exchanged views on preparations for the next meeting of the Chile-Bolivia joint commission. "
        "Earlier today, Chilean President Ana Rojas took part in the Summit of the Andean Community, chaired by "
        "Peruvian President Dina Soto."
    )
    meetings = [e for e in extract(text) if e.type == "meeting"]
    summit = next(e for e in meetings if any(m.trigger.text == "Summit" for m in e.mentions))
    assert not any(m.trigger.text == "meeting" for m in summit.mentions)
    assert "BOL" not in {p.country for p in summit.participants}  # the commission's, not the summit's


def test_an_instrument_told_back_by_its_own_noun_is_that_one(extract):
    text = (
        "Chile's state copper company and Peru's mining agency signed a memorandum of understanding on Thursday in Lima. "
        "The project was first discussed in 2019, when the two countries signed an agreement on a study. "
        "\"The memorandum is a good first step,\" an analyst said."
    )
    agreements = sorted(extract(text), key=lambda e: e.trigger.start)
    thursday = next(a for a in agreements if a.date is not None and a.date.value == "2024-05-16")
    assert any(m.trigger.text == "memorandum" and m.trigger.start > text.index("analyst") - 60 for m in thursday.mentions)


@pytest.mark.parametrize("body", ["the Peru-Bolivia Joint Commission", "the Peruvian-Bolivian Binational Cabinet", "the bilateral commission"])
def test_a_session_of_a_body_two_states_share_is_a_meeting(extract, body):
    text = f"Peru and Bolivia signed four agreements in La Paz on Tuesday at the close of the fifth session of {body}."
    assert sorted(e.type for e in extract(text)) == ["agreement", "meeting"]


def test_a_session_of_one_sides_council_is_no_meeting(extract):
    assert extract("The fifth session of the Presidential Council was held in La Paz on Tuesday.") == []


def test_rescuers_training_with_a_helicopter_is_no_military_exercise(extract):
    text = "Rescuers of the emergency ministry held a training exercise at the base camp on Tuesday, practising the evacuation of an injured climber by helicopter."
    assert extract(text) == []


def test_a_search_and_rescue_exercise_of_two_navies_is_theirs(extract):
    (exercise,) = extract("The navies of Chile and Peru held a joint search and rescue exercise off Arica on Tuesday.")
    assert exercise.type == "exercise"
    assert {p.country for p in exercise.participants if p.country} == {"CHL", "PER"}


@pytest.mark.parametrize("text", [
    "The park reopened its summit-to-valley hiking trail on Monday after a week of storms.",
    "Reporters waited for hours at the post-summit press briefing in the hotel on Monday.",
])
def test_an_event_word_inside_a_hyphenated_modifier_is_no_event(extract, text):
    assert extract(text) == []


def test_the_signing_of_a_plan_or_a_letter_of_intent_by_the_ministers_of_the_talks_is_an_agreement(extract):
    text = (
        "Peruvian Foreign Minister Ana Soto held talks with her Bolivian counterpart Luis Arce in Lima on Monday. "
        "After the talks, the two ministers witnessed the signing of the border cooperation plan for 2025. "
        "The ministers also signed a letter of intent on river transport."
    )
    agreements = [e for e in extract(text) if e.type == "agreement"]
    assert sorted(e.trigger.text for e in agreements) == ["signed", "signing"]
    for agreement in agreements:
        assert _countries(agreement) == {"PER", "BOL"}
        assert agreement.date is not None and agreement.date.value == "2024-05-13"


@pytest.mark.parametrize("text", [
    "The president signed a letter to the United Nations on Monday.",
    "The two ministers signed three agreements on transport, officials said on Monday.",
])
def test_a_signing_with_nobody_named_and_no_story_around_it_is_no_event(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize("text, value", [
    ("The navies of Chile and Peru ended the Pacific Shield naval exercise off Arica on Monday. Peru hosted the 2022 edition of Pacific Shield in January 2022, with the participation of Chile.", "2022-01"),
    ("The navies of Chile and Peru began the Pacific Shield naval exercise off Arica on Monday. The last edition of Pacific Shield was conducted at Callao in March 2022.", "2022-03"),
])
def test_a_past_edition_named_by_its_year_or_as_the_last_one_is_an_exercise_of_its_own(extract, text, value):
    exercises = extract(text)
    assert sorted(e.date.value for e in exercises) == sorted(["2024-05-13", value])


def test_last_years_session_of_the_commission_just_told_is_a_past_meeting(extract):
    text = "The fisheries commission of Chile and Peru met by video on Thursday and agreed quotas. Last year's session was also held online, in October."
    meetings = [e for e in extract(text) if e.type == "meeting"]
    assert sorted(m.date.value[:4] for m in meetings) == ["2023", "2024"]


def test_talks_held_are_not_the_summit_a_host_will_hold_next_month(extract):
    text = (
        "Chilean Defence Minister Ana Soto attended the meeting of defence ministers in Lima on Wednesday. "
        "On the sidelines of the meeting, Soto held talks with her Peruvian counterpart Luis Vega. "
        "Peru holds the presidency this year and will host the Pacific Alliance summit in Cusco in mid-June."
    )
    talks = next(e for e in extract(text) if any(m.trigger.text == "talks" for m in e.mentions))
    assert not any(m.trigger.text == "summit" for m in talks.mentions)
    assert talks.date is None or talks.date.value != "2024-06"


@pytest.mark.parametrize("text", [
    "The proposal drew the largest audience for a council meeting since the town began streaming its sessions in March.",
    "Away from music, the singer gives talks in schools about grief and staying away from gangs.",
    "The museum had held a security exercise with the fire brigade only two weeks ago, its director said on Monday.",
])
def test_an_event_nobody_takes_part_in_within_a_story_of_no_official_event_is_none(extract, text):
    assert extract(text) == []


def test_an_event_with_no_party_named_is_kept_in_a_story_of_official_events(extract):
    text = (
        "The navies of Chile and Peru began the Pacific Shield naval exercise off Arica on Monday. "
        "Last year's edition was held off Callao in March."
    )
    assert len(extract(text)) == 2


def test_two_national_teams_meeting_in_a_match_report_is_no_meeting(extract):
    text = (
        "Chile's bowlers struggled on a slow pitch as Peru's batsmen piled on runs in the second Test at the national stadium. "
        "The two sides meet again at the same venue from Thursday, with Peru leading the three-match series 1-0."
    )
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    "The Central Bank of Chile kept its key rate at 5% on Tuesday at the end of a two-day policy meeting. Governor "
    "Rosa Medina told reporters after the meeting that the bank would review the rate again at the March meeting.",
    "The U.S. Federal Reserve held rates steady at its meeting on Wednesday, and Chilean officials said they were watching it closely.",
])
def test_a_central_banks_own_meetings_are_no_meetings(extract, text):
    # ... nor "the meeting" that refers back to one
    assert extract(text) == []


def test_a_long_chain_of_the_meeting_after_a_central_banks_meeting_is_read_without_recursion(extract):
    # every "the meeting" looks back along the ones before it: a story of repeated words must not
    # exhaust the interpreter's stack
    text = "The Bank of Ghana held a two-day policy meeting on Monday. " + "After the meeting. " * 1100
    assert extract(text) == []


def test_a_chess_report_has_no_meetings_and_no_drills(extract):
    text = (
        "The Lima chess open entered its decisive phase on Monday, with 60 players from 14 countries. The central meeting "
        "of the fifth round was between the two leaders of the standings, Peruvian grandmaster Luis Quispe and Chilean "
        'grandmaster Ana Rojas.\n\n"Every morning began with solving tactical exercises and drills on endgame technique," '
        "said Quispe, who trained with the Chilean team in Santiago."
    )
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    "The Chilean copper miner said on Monday it was in merger talks with a Peruvian rival.",
    "The Chilean airline is not in talks with Peru's flag carrier about a combination, a spokesman said on Monday.",
    "The Lima Tech Summit closed on Thursday after four days of talks on artificial intelligence.",
])
def test_business_talks_and_trade_shows_are_no_meetings(extract, text):
    assert extract(text) == []


def test_an_earlier_edition_told_by_its_ordinal_or_paragraphs_after_the_exercise_is_its_own(extract):
    text = (
        "The armies of Chile and Peru ended the Condor-VIII exercise on Monday. "
        "The seventh edition, Condor-VII, was held near Arica in 2019."
    )
    assert sorted(e.date.value for e in extract(text)) == ["2019", "2024-05-13"]
    text = (
        "The navies of Chile and Peru began the Pacific Shield exercise off Arica on Monday. "
        "Chile's navy chief thanked the crews. Peru will send two frigates. The weather was calm. "
        "Last year's edition was held off Callao in June."
    )
    assert sorted(e.date.value[:4] for e in extract(text)) == ["2023", "2024"]


def test_a_storys_drills_told_anew_by_a_name_are_one_exercise(extract):
    text = (
        "Over 1,000 military personnel from 12 countries on Monday began a two-week multinational exercise in northern Chile. "
        "Southern Star 2024, South America's largest annual military exercise, is co-hosted by Chile and the United States, "
        "with troops from Peru, Brazil and Uruguay."
    )
    (exercise,) = extract(text)
    assert len(exercise.mentions) == 2
    assert exercise.date is not None and exercise.date.value.startswith("2024-05")
    assert {"PER", "BRA", "URY"} <= _countries(exercise)


def test_a_meeting_an_international_organisation_organised_is_official_though_nobody_else_is_named(extract):
    text = "The rebel movement attended a U.N.-organized meeting for the first time last month in Geneva, its spokesman said."
    assert [e.type for e in extract(text)] == ["meeting"]


def test_phone_conversations_in_the_plural_are_calls(extract):
    text = "The presidents of Chile and Peru told the U.S. president in phone conversations last week that they would tighten border controls."
    (call,) = extract(text)
    assert call.type == "meeting" and call.trigger.text == "conversations"


def test_a_kind_an_exercise_belongs_to_and_the_year_its_habit_began_are_no_other_exercise(extract):
    text = (
        "The navies of Chile and Peru ended the Pacific Shield exercise in Arica on Wednesday. "
        "The exercise, sponsored by the U.S. Southern Command, is one of three regional series exercises conducted "
        "in South America and has been held annually since 2011."
    )
    (exercise,) = extract(text)
    assert exercise.date.value == "2024-05-15"
    assert extract("Pacific Shield was first held in 2011 and has since become one of the largest naval exercises in the region.") == []


def test_a_trip_told_again_in_a_story_of_its_cancellation_is_no_event(extract):
    text = (
        "Chile's energy minister Ana Soto has cancelled a planned trip to Peru, a ministry official said on Thursday. "
        "Soto's trip had been expected to include talks with Peruvian officials on a gas pipeline."
    )
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    "He criticised the summit culture of modern diplomacy in a column on Monday.",
    "The retired envoy said in an interview on Monday that in modern diplomacy leaders meet for the cameras and leave the work undone.",
])
def test_a_word_that_describes_another_thing_or_what_leaders_do_is_no_meeting(extract, text):
    assert extract(text) == []


def test_the_summit_meeting_is_still_a_meeting(extract):
    (summit,) = extract("The presidents of Chile and Peru held a summit meeting in Lima on Monday.")
    assert summit.type == "meeting"


def test_what_is_discussed_does_not_make_the_signing_coordinated_with_it_unreal(extract):
    text = (
        "On Tuesday, Chilean Defence Minister Ana Soto hosted her Peruvian counterpart, Luis Vega, in Santiago. "
        "The ministers discussed border security and the drug trade, and signed a plan of bilateral military cooperation."
    )
    (agreement,) = [e for e in extract(text) if e.type == "agreement"]
    assert _countries(agreement) == {"CHL", "PER"}
    assert agreement.date.value == "2024-05-14"


def test_a_company_story_with_its_chief_executive_on_a_call_reports_no_event(extract):
    text = (
        "Andes Copper's third-quarter profit beat forecasts as drilling costs fell, the company said on Thursday. "
        "Chief Executive Officer Pablo Reyes said on a conference call that the company would run four rigs through the winter. "
        "Andes Copper had been in talks since the summer to acquire a smaller rival, people familiar with the matter said."
    )
    assert extract(text) == []


def test_an_arrangement_signed_and_the_signing_of_memoranda_witnessed_are_agreements(extract):
    (arrangement,) = [e for e in extract("Chile and Peru have signed a maritime security arrangement to combat illegal fishing.") if e.type == "agreement"]
    assert _countries(arrangement) == {"CHL", "PER"}
    text = "Following the meeting, the Chilean and Peruvian ministers witnessed the signing of 13 memoranda of understanding between government agencies."
    assert [e.type for e in extract(text) if e.type == "agreement"] == ["agreement"]


def test_what_an_agreement_provides_is_its_content_not_another_event(extract):
    text = (
        "Chile and Peru signed a declaration in Lima on Monday. Under the declaration, the two sides will start "
        "technical negotiations by the end of June to conclude within four months a commercial arrangement on port access."
    )
    assert [e.type for e in extract(text)] == ["agreement"]


def test_the_meeting_of_a_body_refers_back_to_that_bodys_meeting_not_to_a_visit_told_since(extract):
    text = (
        "Nairobi hosted the fifth meeting of the Kenya-Uganda Joint Commission on Trade yesterday. "
        "The parties reviewed the agreements reached during the state visit of the Ugandan President to Kenya in May last year. "
        "Following the meeting of the commission, the co-chairs signed a protocol on customs."
    )
    events = extract(text, date(2024, 6, 20))
    commission = next(e for e in events if e.type == "meeting" and any(m.trigger.text == "meeting" for m in e.mentions))
    assert len([m for m in commission.mentions if m.trigger.text == "meeting"]) == 2
    protocol = next(e for e in events if e.type == "agreement" and e.trigger.text == "protocol")
    assert protocol.date is not None and protocol.date.value == "2024-06-19"


def test_an_instrument_whose_signing_two_leaders_witnessed_is_an_agreement_of_their_countries(extract):
    text = (
        "On Saturday, Kenyan President Amos Wekesa held talks with Ugandan President John Okello in Nairobi. "
        "The two leaders witnessed the signing of a memorandum of understanding on railway transport."
    )
    events = extract(text, date(2024, 6, 20))
    (memorandum,) = [e for e in events if e.type == "agreement"]
    assert memorandum.trigger.text == "memorandum"
    assert _countries(memorandum) == {"KEN", "UGA"}
    assert memorandum.date is not None and memorandum.date.value == "2024-06-15"


def test_a_count_of_instruments_is_another_agreement_than_a_single_memorandum(extract):
    text = (
        "Kenya, Uganda and Rwanda signed a trilateral memorandum of understanding on the northern railway in Nairobi on Monday. "
        "Kenyan President Amos Wekesa and Ugandan President John Okello then witnessed the signing of 12 agreements "
        "on trade, energy and health."
    )
    agreements = [e for e in extract(text, date(2024, 6, 20)) if e.type == "agreement"]
    assert sorted(e.trigger.text for e in agreements) == ["agreements", "memorandum"]


@pytest.mark.parametrize("text, kind, value", [
    ("Colombian government and rebel negotiators resumed talks in Caracas on Monday. "
     "The previous round, held in Havana in March, broke down after two days.", "meeting", "2024-03"),
    ("Kenyan and Ugandan troops began the Twiga Shield exercise on Monday. "
     "The first edition took place in Uganda in July and August 2022, with about 900 troops.", "exercise", "2022-07"),
])
def test_an_earlier_edition_told_with_its_date_is_an_event_of_the_storys_kind(extract, text, kind, value):
    events = [e for e in extract(text, date(2024, 6, 20)) if e.type == kind]
    earlier = next(e for e in events if e.trigger.text in ("round", "edition"))
    assert earlier.date is not None and earlier.date.value == value
    assert len(events) == 2  # and the story's own event apart


def test_a_round_or_session_told_without_a_date_or_of_something_else_is_no_event(extract):
    events = extract("Foreign ministers met in Oslo on Monday. Norway won the first round of the chess tournament.", date(2024, 6, 20))
    assert [e.trigger.text for e in events] == ["met"]


def test_talks_a_cancelled_trip_was_due_to_include_are_no_event(extract):
    text = (
        "German Economy Minister Jana Hofstetter has cancelled a four-day visit to India because of floods. "
        "Hofstetter had been scheduled to travel to New Delhi with a delegation, and was due to hold talks "
        "with India's commerce minister and to sign a joint declaration of intent on green hydrogen."
    )
    assert extract(text, date(2024, 6, 3)) == []
    # Without a trip called off, the talks are planned.
    (talks,) = extract("Hofstetter was due to hold talks with India's commerce minister in New Delhi.", date(2024, 6, 3))
    assert talks.status == "planned"


def test_a_meeting_of_one_governments_officials_is_no_event(extract):
    text = (
        "MINSK, 21 September (BelTA) - Belarus is ready for the heating season, Prime Minister of Belarus Sergei Demidovich "
        "said at a meeting at the Government House today. "
        "The meeting was attended by Deputy Prime Minister Alexander Sidorenko, Energy Minister Alexei Kuzmich "
        "and Minister of Housing Pavel Zhukovsky."
    )
    assert extract(text, date(2023, 9, 21)) == []


def test_instruments_counted_over_a_stretch_of_time_are_no_signing(extract):
    text = (
        "Since the beginning of the year, contracts for the sale of 41 million tonnes of coal have been concluded "
        "through the Mongolian commodity exchange, mostly with buyers from China. "
        "The construction of the rail link to Ganqimaodu, carried out under the intergovernmental agreement "
        "between Mongolia and China, is about 60 percent complete."
    )
    assert extract(text, date(2026, 10, 7)) == []
    # A count of instruments signed together is one signing.
    (signed,) = extract("Mongolia and China signed three contracts for the sale of coal in Ulaanbaatar on Monday.", date(2026, 10, 7))
    assert signed.type == "agreement"


def test_a_visit_to_a_province_is_a_tour_at_home_but_a_named_region_abroad_is_a_visit(extract):
    assert extract("Last week, Prime Minister Tsogt Erdene of Mongolia paid a working visit to Umnugovi province.", date(2026, 10, 7)) == []
    (visit,) = extract("The Turkish foreign minister paid a visit to the Kurdistan Region of Iraq on Monday.", date(2026, 10, 7))
    assert _countries(visit) == {"TUR", "IRQ"}


def test_a_meeting_whose_only_parties_are_one_sides_unnamed_officials_is_no_event(extract):
    text = (
        "Nigerian Air Force jets struck militant camps near the border with Cameroon on Sunday. "
        "The army chief later met commanders of the operation behind closed doors."
    )
    assert [e for e in extract(text, date(2025, 3, 3)) if e.type == "meeting"] == []
    # An organiser of its own makes it a meeting of the parties the story tells of.
    (meeting,) = extract("The Taliban attended a U.N.-organized meeting in Doha last month.", date(2024, 8, 1))
    assert meeting.type == "meeting"


@pytest.mark.parametrize("text, kinds", [
    ("Malaysia and Singapore today exchanged three cooperation documents covering cybersecurity and the digital economy.", ["agreement"]),
    ("Kenya and Uganda inked three documents on the railway in Nairobi on Monday.", ["agreement"]),
    # Views, fire and lists exchanged are no instruments concluded.
    ("India and Pakistan exchanged fire across the border on Monday. The two countries exchanged lists of prisoners.", []),
])
def test_instruments_exchanged_or_inked_by_two_sides_are_an_agreement(extract, text, kinds):
    assert [e.type for e in extract(text, date(2026, 1, 15))] == kinds


def test_a_negotiating_round_is_a_meeting_of_the_negotiators(extract):
    text = (
        "Brazil and Mexico concluded negotiations on a trade agreement on Thursday. The deal was closed in "
        "Mexico City at the end of a final negotiating round that began on Monday."
    )
    rounds = [e for e in extract(text, date(2024, 9, 27)) if e.type == "meeting" and any(m.trigger.text == "round" for m in e.mentions)]
    assert len(rounds) == 1 and rounds[0].date is not None and rounds[0].date.value == "2024-09-23"


def test_a_visit_told_after_the_talks_it_holds_is_one_meeting_and_who_comments_on_it_is_no_party(extract):
    text = (
        "Japan and Vietnam signed a package of agreements on Monday, as Prime Minister Kenji Hamada and visiting "
        "Vietnamese President Luong Van Khai held talks in Tokyo. Khai, who arrived on Sunday for a four-day state "
        "visit, was welcomed by the Emperor on Monday morning. Beijing has not commented on the visit."
    )
    meetings = [e for e in extract(text, date(2026, 3, 16)) if e.type == "meeting"]
    assert len(meetings) == 1
    assert "VNM" in _countries(meetings[0]) and "CHN" not in _countries(meetings[0])


@pytest.mark.parametrize("text", [
    "Kenya and Uganda extended their ceasefire, the most concrete progress since negotiations began.",
    "Talks between Kenya and the rebel movement have been frozen since January.",
    "The Kenyan and Ugandan ministers have met three times since January.",
])
def test_talks_told_as_a_process_since_a_date_are_no_session(extract, text):
    assert [e for e in extract(text, date(2025, 6, 14)) if e.type == "meeting"] == []


def test_a_leaders_retreat_is_a_meeting_and_a_retreat_of_troops_is_not(extract):
    (retreat,) = extract(
        "Malaysian Prime Minister Rosli Hamid and Singapore Prime Minister Lim Boon Keat held the annual "
        "Leaders' Retreat in Singapore today.",
        date(2026, 1, 15),
    )
    assert retreat.type == "meeting" and _countries(retreat) == {"MYS", "SGP"}
    assert extract("Russian troops began a retreat from the border region on Monday.", date(2026, 1, 15)) == []


def test_the_regular_session_of_a_joint_commission_is_one_sitting_but_regular_meetings_are_a_habit(extract):
    (session,) = extract(
        "Tbilisi hosted the regular session of the Armenian-Georgian intergovernmental commission on the border on Wednesday.",
        date(2024, 9, 19),
    )
    assert session.type == "meeting" and session.date is not None and session.date.value == "2024-09-18"
    assert extract("Armenia and Georgia hold regular meetings of their border commission.", date(2024, 9, 19)) == []


@pytest.mark.parametrize("text, count", [
    ("Today, President of Turkmenistan Merdan Hojamuradov held a working meeting via digital system on the harvest.", 0),
    ("On Sunday, the foreign ministers of Chile and Argentina had held a working meeting at the San Martin Palace.", 1),
    ("The Turkmen President held a working meeting with the Russian ambassador on Monday.", 1),
])
def test_a_working_meeting_held_by_one_leader_alone_is_his_own(extract, text, count):
    assert len(extract(text, date(2024, 6, 20))) == count


def test_a_blackout_drill_is_a_civil_drill_even_in_a_war(extract):
    text = (
        "The Indian Army chief met his Nepalese counterpart in Lucknow on Monday. "
        "The city last held a blackout drill during the 1971 India-Pakistan war, older residents recalled."
    )
    assert [e.type for e in extract(text, date(2026, 1, 21))] == ["meeting"]


def test_consultations_told_again_after_they_were_postponed_are_that_postponed_session(extract):
    text = (
        "Germany and Poland have postponed the intergovernmental consultations planned in Frankfurt. "
        "The consultations, planned for October 20, will take place at a later date. "
        "The last German-Polish consultations took place in Warsaw in July 2024."
    )
    events = extract(text, date(2026, 10, 8))
    assert [(e.type, e.date.value if e.date else None) for e in events] == [("meeting", "2024-07")]
    # Postponed after it is told, an earlier meeting stays.
    text = (
        "The presidents of Guyana and Venezuela met in St. Vincent in December. The meeting eased fears of war. "
        "A commission of the two foreign ministers was supposed to meet in Brazil in January, but the meeting was postponed."
    )
    assert [e.type for e in extract(text, date(2024, 3, 1))] == ["meeting"]


def test_a_return_visit_by_the_other_side_is_another_trip(extract):
    text = (
        "Chilean President Ana Ruiz, on her first state visit to Peru, held talks with Peruvian President Jorge Salas in Lima. "
        "Ruiz's visit comes a year after Salas visited Chile in May 2023, when the two sides agreed to cut tariffs."
    )
    meetings = [e for e in extract(text, date(2024, 5, 17)) if e.type == "meeting"]
    assert len(meetings) == 2
    visitors = {next(p.name for p in m.participants if p.role == "visitor") for m in meetings}
    assert visitors == {"Ana Ruiz", "Jorge Salas"}
    assert sorted(m.date.value if m.date and m.date.value else "" for m in meetings) == ["", "2023-05"]


def test_an_event_counted_back_from_is_another_and_lies_that_long_before(extract):
    text = (
        "Armenian and Georgian troops on Thursday ended a joint exercise near Tbilisi. "
        "The drills on Thursday came two weeks after Armenian and Iranian border guards held a joint exercise near Meghri."
    )
    exercises = sorted((e for e in extract(text, date(2024, 5, 17)) if e.type == "exercise"), key=lambda e: e.trigger.start)
    assert [e.date.value if e.date else None for e in exercises] == ["2024-05-16", "2024-05-02"]
    assert {p.country for p in exercises[1].participants if p.country} == {"ARM", "IRN"}


def test_a_meeting_between_governments_held_on_a_date_has_that_date(extract):
    text = "The visit comes four months after the high-level meeting between the two governments held in Madrid in late January."
    meetings = [e for e in extract(text, date(2023, 6, 3)) if e.type == "meeting" and e.trigger.text == "meeting"]
    assert [m.date.value for m in meetings] == ["2023-01"]


@pytest.mark.parametrize("text", [
    "Defence Minister Jonas Berg told lawmakers at a meeting of the legislature's Foreign Affairs and National Defense Committee "
    "on Thursday that drills would go on.",
    "Foreign Minister Ana Lopes spoke at a meeting of the parliament's Defence and Security Committee on Thursday about the border.",
])
def test_a_meeting_of_a_legislatures_own_committee_is_its_sitting(extract, text):
    assert extract(text, date(2024, 11, 24)) == []


def test_who_only_watches_an_exercise_takes_no_part_in_it(extract):
    text = (
        "Some 900 troops from Croatia and Hungary began the joint exercise Sava Shield near Slunj on Monday. "
        "Officers from Montenegro and Albania are following the exercise as observers, and a Slovenian delegation observed the drills on Tuesday."
    )
    (exercise,) = [e for e in extract(text, date(2025, 9, 25)) if e.type == "exercise"]
    assert {p.country for p in exercise.participants if p.country} == {"HRV", "HUN"}


@pytest.mark.parametrize("text", [
    "The opposition accused the premier of meeting Washington halfway on every dispute.",
    "The Irish cabinet is due to meet on Thursday to discuss the budget and the health service.",
    "The Scottish Executive will meet on Monday, when ministers are expected to approve the plan.",
    "Norwegian Defence Minister Ola Berg met troops at the border camp on Tuesday and thanked them for their service.",
    "Kyrgyz President Sadyr Japarov met with delegates from Naryn and Talas regions on Monday and heard their proposals.",
])
def test_conceding_a_body_sitting_and_meeting_ones_own_people_are_no_meetings(extract, text):
    assert extract(text, date(2026, 1, 10)) == []


def test_a_joint_or_international_body_meeting_by_itself_is_a_meeting(extract):
    (meeting,) = extract("The Security Council will meet on Friday to discuss the crisis in Sudan.", date(2026, 1, 10))
    assert (meeting.type, meeting.status, meeting.date.value) == ("meeting", "planned", "2026-01-16")
    (commission,) = extract("The Joint Permanent Commission of Kenya and Uganda met in Kampala on Tuesday.", date(2026, 1, 10))
    assert {p.country for p in commission.participants if p.country} == {"KEN", "UGA"}
    (commander,) = extract("The minister met the commander of the troops, General Ivanov of Russia, on Monday.", date(2026, 1, 10))
    assert "Ivanov" in {p.name for p in commander.participants}


@pytest.mark.parametrize("text", [
    "Ghana's electoral commission began a voter registration exercise in the north on Monday, amid fears of renewed conflict with rebels.",
    "Malaysian immigration officers said the biometric verification exercise for Bangladeshi detainees would end this month.",
    "The UAE Armed Forces regularly host and participate in joint and multinational exercises aimed at raising combat readiness.",
])
def test_an_administrations_campaign_and_exercises_held_as_a_habit_are_no_exercise(extract, text):
    assert extract(text, date(2026, 1, 10)) == []


def test_each_item_of_a_list_of_habits_is_no_event(extract):
    text = (
        "Seoul, Washington and Tokyo signed a memorandum on Sunday that sets up regular ministerial meetings, "
        "high-level policy consultations and trilateral exercises."
    )
    assert [e.type for e in extract(text, date(2024, 7, 29))] == ["agreement"]


def test_drills_told_in_a_sentence_set_on_the_sidelines_of_the_exercise_are_that_exercise(extract):
    text = (
        "The Iron Falcon air exercise, hosted by the Omani Air Force with the air forces of Jordan and Greece, concluded on Thursday. "
        "On the sidelines of the exercise, the Omani air chief received on Wednesday the chief of the Hellenic Air Force, "
        "who was visiting the Greek contingent taking part in the drills."
    )
    exercises = [e for e in extract(text, date(2023, 5, 12)) if e.type == "exercise"]
    assert len(exercises) == 1
    assert {m.trigger.text for m in exercises[0].mentions} >= {"exercise", "drills"}


@pytest.mark.parametrize("text", [
    "Bolgatanga, June 14, GNA - The Upper East Regional Security Council (REGSEC) has reviewed the curfew hours in Bawku, "
    "following an emergency meeting in Bolgatanga on Tuesday. Regional Minister Daniel Akanpaabadai announced the decision after the meeting.",
    "The Ghanaian cabinet approved the budget on Tuesday after a meeting in Accra.",
])
def test_what_a_body_did_after_a_meeting_that_names_no_one_else_was_its_own_sitting(extract, text):
    assert extract(text, date(2023, 6, 14)) == []


def test_a_joint_council_holding_its_meeting_is_a_meeting(extract):
    text = "Muscat, January 14, 2025, SPA -- The Saudi-Omani Coordination Council held its third meeting in Muscat today."
    (meeting,) = extract(text, date(2025, 1, 14))
    assert {p.country for p in meeting.participants if p.country} >= {"SAU", "OMN"}


@pytest.mark.parametrize("text, exercises", [
    ("Singapore and Australia signed a 25-year treaty on military training and training area development in March 2020.", 0),
    ("Ghana and Togo signed a memorandum on joint exercises on Monday.", 0),
    ("Ghana and Togo signed a memorandum on the Blue Shield exercise, which their navies held on Monday.", 1),
])
def test_the_kind_of_training_an_instrument_covers_is_no_exercise(extract, text, exercises):
    assert sum(e.type == "exercise" for e in extract(text, date(2024, 10, 17))) == exercises


def test_the_sides_signing_at_the_end_of_a_meeting_sign_an_agreement_of_the_meeting(extract):
    text = (
        "Mongolian Defence Minister Dashdorj Enkhbold received Indian Army Vice Chief Rajesh Sethi in Ulaanbaatar on Friday. "
        "At the end of the meeting, the sides signed a memorandum of understanding on cooperation in military education."
    )
    agreements = [e for e in extract(text, date(2025, 6, 15)) if e.type == "agreement"]
    assert len(agreements) == 1 and agreements[0].date.value == "2025-06-13"


def test_a_spanish_style_dateline_leaves_the_first_sentence_whole(extract):
    text = "Nouakchott, Jun 3 (Agencia).- Spain and Mauritania on Friday signed a memorandum of understanding on defence."
    (agreement,) = extract(text, date(2023, 6, 3))
    assert {p.country for p in agreement.participants if p.country} == {"ESP", "MRT"}


def test_the_previous_edition_of_the_exercise_is_another_exercise(extract):
    text = (
        "The navies of Argentina and Chile began the Viekaren naval exercise in the Beagle Channel on Thursday. "
        "The previous edition of the exercise was held in October 2022 off Puerto Williams."
    )
    exercises = sorted((e for e in extract(text, date(2023, 9, 29)) if e.type == "exercise"), key=lambda e: e.trigger.start)
    assert [e.date.value for e in exercises] == ["2023-09-28", "2022-10"]


def test_an_envoy_presenting_credentials_meets_the_head_of_state_and_a_separate_ceremony_is_another(extract):
    text = (
        "Chinese Ambassador Zhang Wei presented his letters of credence to Kenyan President William Ruto at State House in Nairobi on Monday. "
        "Ruto also received the credentials of Uganda's new high commissioner, Moses Okello, in a separate ceremony later on Monday."
    )
    meetings = sorted(extract(text, date(2024, 3, 12)), key=lambda e: e.trigger.start)
    assert [(m.type, m.date.value) for m in meetings] == [("meeting", "2024-03-11"), ("meeting", "2024-03-11")]
    assert {"Zhang Wei", "William Ruto"} <= {p.name for p in meetings[0].participants}
    assert "UGA" in {p.country for p in meetings[1].participants}


def test_presenting_a_budget_is_no_meeting_and_credentials_due_next_week_are_planned(extract):
    assert extract("Kenya's finance minister presented the budget to parliament on Monday.", date(2024, 3, 12)) == []
    (planned,) = extract("Kenya's new ambassador is due to present her credentials to President Samia Suluhu Hassan of Tanzania next week.", date(2024, 3, 12))
    assert (planned.type, planned.status) == ("meeting", "planned")


@pytest.mark.parametrize("text, exercises", [
    ("Croatia and Hungary signed a letter of intent on Thursday on expanding joint training of their armed forces.", 0),
    ("China and Russia agreed on Monday to expand the scale and complexity of joint training.", 0),
    ("Chinese and Cambodian troops began joint training in Kampong Speu on Monday.", 1),
])
def test_training_as_a_field_of_cooperation_is_no_exercise(extract, text, exercises):
    assert sum(e.type == "exercise" for e in extract(text, date(2025, 9, 26))) == exercises


def test_a_meeting_of_the_two_delegations_during_a_visit_is_the_visit(extract):
    text = (
        "Spain and Mauritania on Friday signed a memorandum on defence during a visit to Nouakchott by Spanish Defense Minister Marta Ibarra. "
        "The memorandum was signed at the Ministry of Defense after a meeting of the two delegations that lasted two hours."
    )
    meetings = [e for e in extract(text, date(2023, 6, 3)) if e.type == "meeting"]
    assert len(meetings) == 1 and {m.trigger.text for m in meetings[0].mentions} == {"visit", "meeting"}


def test_the_signing_of_four_documents_after_talks_is_a_new_agreement_of_that_day_not_the_old_one_told_before(extract):
    text = (
        "Indonesian President Hendra Wiratama held talks with Vietnamese President Vo Minh Tri in Hanoi on Thursday. "
        "Before the talks, the two Presidents witnessed the exchange of the instruments of ratification of the maritime boundary agreement. "
        "The agreement was signed in December 2022.\n\n"
        "At the talks, the two leaders discussed trade, fisheries and energy.\n\n"
        "Following the talks, the two Presidents witnessed the signing of four cooperation documents, "
        "including a memorandum of understanding on halal industry and an agreement on fisheries."
    )
    signing = next(e for e in extract(text, date(2025, 6, 13)) if e.type == "agreement" and "signing" in {m.trigger.text for m in e.mentions})
    assert signing.date.value == "2025-06-12"
    assert {m.trigger.text for m in signing.mentions} == {"signing"}


def test_an_exercise_between_three_countries_is_no_part_of_a_list_of_activities(extract):
    (exercise,) = extract("The trilateral naval exercise between Chile, Peru and Ecuador has ended.")
    assert {p.country for p in exercise.participants} == {"CHL", "PER", "ECU"}


def test_an_exercise_the_parser_read_as_a_verb_before_its_name_is_still_the_exercise(extract):
    (exercise,) = extract("The special forces exercise Andes-2024 between Chile, Peru and Ecuador concluded on Tuesday.")
    assert exercise.type == "exercise" and exercise.date.value == "2024-05-14"
    assert {p.country for p in exercise.participants} == {"CHL", "PER", "ECU"}
    # one exercises a right, not a name: "The special forces exercise restraint" tells of no drill
    assert extract("The special forces exercise restraint near the border, the ministry said on Tuesday.") == []


def test_the_session_told_right_after_a_joint_commissions_session_is_that_session(extract):
    text = (
        "Chile and Peru held the first session of their Joint Permanent Commission in eight years. The session, "
        "held in Lima on Thursday, was co-chaired by Chilean Foreign Minister Pablo Vera and his Peruvian counterpart Elena Soto."
    )
    (session,) = extract(text)
    assert [m.trigger.text for m in session.mentions] == ["session", "session"]
    assert session.date.value == "2024-05-16"
    assert {p.name for p in session.participants if p.kind == "person"} == {"Pablo Vera", "Elena Soto"}
    # a session of one's own parliament told after it is none of it
    (session,) = extract("Chile and Peru held the first session of their Joint Permanent Commission. The Senate session on Thursday was short.")
    assert [m.trigger.text for m in session.mentions] == ["session"]


def test_an_event_word_in_a_venues_name_is_no_event(extract):
    text = "The Dutch ambassador opened a photo exhibition at the Lusaka Peace Conference Centre on Tuesday."
    assert extract(text) == []
    # the same words as the venue of a real conference
    (conference,) = extract("The foreign ministers of Zambia and Malawi held a conference at the Lusaka Peace Centre on Tuesday.")
    assert {p.country for p in conference.participants} == {"ZMB", "MWI"}


def test_a_game_or_a_simulation_holds_no_event(extract):
    text = (
        "More than 600 students took part in the Nairobi Model United Nations Conference this week. In a simulated summit, "
        "the delegates representing Kenya and Ethiopia reached an agreement on the Nile after two rounds of talks. "
        "The organisers said the conference, first held in 2009, keeps growing."
    )
    assert extract(text) == []
    text = (
        "In the scenario, Chinese forces landed on the island under cover of a naval exercise. The player representing the "
        "Japanese prime minister held a phone call with the U.S. president, and the game ended with a ceasefire brokered by the player in the role of India."
    )
    assert extract(text) == []
    # troops train on simulators, and a chancellor not played by anyone calls
    (exercise,) = extract("South Korea and the United States began a computer-simulated command post exercise on Monday.")
    assert exercise.type == "exercise" and {p.country for p in exercise.participants} == {"KOR", "USA"}
    (call,) = extract("The German chancellor held a phone call with the French president on Monday.")
    assert call.type == "meeting" and {p.country for p in call.participants} == {"DEU", "FRA"}


def test_an_earlier_edition_told_by_its_name_is_an_exercise_of_its_own(extract):
    text = (
        "Ships from Greece and Cyprus on Tuesday began the naval exercise Aegean Shield 2024 off Crete. "
        "The two ministers also signed a memorandum on ports. Last year's edition of Aegean Shield was held in June off Rhodes."
    )
    exercises = [e for e in extract(text) if e.type == "exercise"]
    assert [e.date.value[:4] for e in exercises] == ["2024", "2023"]
    text = (
        "Navies of Egypt and Jordan on Wednesday concluded the Blue Wave 5 exercise in Aqaba. The two navies also signed a memorandum. "
        "The previous edition, Blue Wave 4, took place off Hurghada in October 2022."
    )
    exercises = [e for e in extract(text) if e.type == "exercise"]
    assert [e.date.value for e in exercises] == ["2024-05-15", "2022-10"]
    # an edition told with no name after an event of another kind is none of them
    text = "The defence ministers of Egypt and Jordan met in Amman on Wednesday. Last year's edition was held in Cairo in June."
    assert [e.type for e in extract(text)] == ["meeting"]


def test_fiction_a_reenactment_and_a_naval_review_hold_no_event(extract):
    text = (
        "In the second episode of Grenzland (The Treaty), the Austrian chancellor learns of the plan. "
        "In episode four, Austrian and Slovenian troops hold joint drills near the border. "
        "Actors playing the envoys of Venice and Austria met again on Sunday in the square, and a company of "
        "re-enactors dressed as pikemen signed a peace treaty with quills. "
        "The two delegations, some 200 people in period costume, held talks at the town hall on Sunday."
    )
    assert extract(text) == []
    text = (
        "Saturday's review off Toulon was the largest gathering of foreign warships in French waters in decades, "
        "with ships from Italy, Spain and Greece."
    )
    assert extract(text) == []
    # a television series' episodes tell no event, but an exercise's do
    text = "Bolivian and Brazilian troops held a joint exercise on Monday. Observers from Chile watched the episodes of the exercise."
    (exercise,) = extract(text)
    assert [m.trigger.text for m in exercise.mentions] == ["exercise", "exercise"]


def test_a_denied_report_of_a_signing_and_a_fairs_matchmaking_meetings_are_no_events(extract):
    text = "The ministry of Peru denied a report in a Chilean newspaper that the copper deal with Chile had been signed on Monday."
    assert [e for e in extract(text) if e.type == "agreement"] == []
    # a report taken as told is still told
    (deal,) = extract("The ministry of Peru confirmed reports that the copper deal with Chile had been signed on Monday.")
    assert deal.type == "agreement" and "CHL" in {p.country for p in deal.participants}
    text = "At the fair in Lima, the halls of Peru and Chile were busy with matchmaking meetings between exporters on Tuesday."
    assert extract(text) == []


def test_the_heads_of_the_delegations_take_part_in_the_talks_told_before(extract):
    text = (
        "Chile and Bolivia held a third round of talks on the Silala waters in La Paz on Tuesday. "
        "The Chilean delegation was led by Vice Minister Pablo Vera, and the Bolivian side by Ambassador Elena Soto."
    )
    (talks,) = extract(text)
    people = {p.name: p.country for p in talks.participants if p.kind == "person"}
    assert people == {"Pablo Vera": "CHL", "Elena Soto": "BOL"}
    text = (
        "Chile and Bolivia held talks in La Paz on Tuesday. The Chilean delegation at the talks was led by the Foreign "
        "Ministry's director for borders, Pablo Vera, while Bolivia's delegation was headed by Elena Soto."
    )
    (talks,) = extract(text)
    assert {p.name: p.country for p in talks.participants if p.kind == "person"} == {"Pablo Vera": "CHL", "Elena Soto": "BOL"}


def test_a_contract_of_two_state_companies_on_the_day_of_the_leaders_talks_is_not_signed_by_the_leaders(extract):
    text = (
        "Colombian President Ana Quispe and her Ecuadorean counterpart Luis Mora met in Ipiales on Friday. On the sidelines "
        "of the summit, Colombia's state oil company Ecopetrol and Ecuador's Petroecuador signed a two-year contract for fuel."
    )
    meeting, contract = extract(text)
    assert {p.name: p.country for p in meeting.participants if p.kind == "person"} == {"Ana Quispe": "COL", "Luis Mora": "ECU"}
    assert contract.type == "agreement" and "ECU" in {p.country for p in contract.participants}
    assert not [p for p in contract.participants if p.kind == "person"]


def test_the_mentions_after_one_named_exercise_are_of_it_not_of_a_new_name_told_later(extract):
    text = (
        "The multinational naval exercise Aegean Guard 2024 opened at Souda Bay on Monday, the ministry said. Ships from "
        "Greece, Italy and Spain are taking part in the exercise, which will continue until May 24. The exercise is led by "
        "the Commander of the Greek Navy, Rear Admiral Nikos Pappas. The Greek Navy will send a frigate to the Italian-led "
        "exercise Mare Aperto in the spring of next year."
    )
    guard, aperto = extract(text)
    assert [m.trigger.start for m in guard.mentions] == [24, 159, 207] and guard.date.value == "2024-05-13"
    assert aperto.status == "planned" and aperto.date.value == "2025-SP"
    # a name told later for drills told before without one is theirs
    text = "Chile and Peru began naval drills off Arica on Monday. The drills, named Pacific Shield, run until Friday."
    assert [e.type for e in extract(text)] == ["exercise"]


def test_marines_and_a_programmes_name(extract):
    (drills,) = extract("South Korean and U.S. Marines began combined drills in Pohang on Tuesday, under the Korea Marine Exercise Program (KMEP).")
    assert [m.trigger.text for m in drills.mentions] == ["drills"] and {p.country for p in drills.participants} == {"KOR", "USA"}


def test_a_count_of_meetings_is_no_single_meeting(extract):
    assert extract("Critics say the joint commission of Chile and Peru has now met seven times without results.") == []
    assert extract("The presidents of Chile and Peru met three times last year.") == []
    (meeting,) = extract("The presidents of Chile and Peru met for the first time in Lima on Tuesday.")
    assert meeting.date.value == "2024-05-14"


def test_not_being_on_an_exercise_tells_none(extract):
    assert extract('"Our marines are not on an exercise; they fight every day," the Chilean navy commander said on Tuesday.') == []
    (exercise,) = extract("Chilean marines were on a joint exercise with Peruvian troops near Arica on Tuesday.")
    assert exercise.type == "exercise"
