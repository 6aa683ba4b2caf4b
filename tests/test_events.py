"""The event rules on hand-written sentences, through the real spaCy pipeline."""
from datetime import date

import pytest

from service.extraction import Extractor


@pytest.fixture(scope="module")
def extract(extractor: Extractor):
    def run(text: str, published: date | None = date(2024, 5, 17)):
        return extractor.extract(text, published).events

    return run


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
