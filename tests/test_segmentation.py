"""Line breaks and non-prose lines, on a blank pipeline (no model needed)."""
import pytest
import spacy

from service.extraction.segmentation import datelines, non_prose_ranges


def _sentence_starts(text: str) -> list[str]:
    nlp = spacy.blank("en")
    nlp.add_pipe("eventex_line_breaks")
    doc = nlp(text)
    return [t.text for t in doc if t.is_sent_start]


def test_paragraph_break_starts_a_sentence():
    starts = _sentence_starts("Leaders gather in Lima\n\nThe summit opened on Monday.")
    assert "The" in starts


def test_hard_wrapped_line_inside_a_sentence_is_not_split():
    starts = _sentence_starts("The ministers said they would\nmeet again in the spring.")
    assert "meet" not in starts


def test_headline_and_related_block_are_not_prose():
    text = (
        "Ministers meet in Oslo\n"
        "The foreign ministers of Norway and Chile met in Oslo on Friday to talk about fishing rights.\n"
        "Related stories:\n"
        "Chile and Peru sign fishing pact\n"
        "Norway hosts Arctic summit\n"
        "The talks are due to resume in March, officials in both capitals said on Friday.\n"
    )
    skipped = [text[s:e].strip() for s, e in non_prose_ranges(text)]
    assert "Ministers meet in Oslo" in skipped
    assert "Chile and Peru sign fishing pact" in skipped
    assert "Norway hosts Arctic summit" in skipped
    assert not any(line.startswith("The foreign ministers") for line in skipped)
    assert not any(line.startswith("The talks are due") for line in skipped)


def test_text_without_line_breaks_is_all_prose():
    assert non_prose_ranges("The two presidents met in Geneva on Monday. They talked for an hour.") == []


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("WASHINGTON — The talks began.", "WASHINGTON — "),
        ("ASTANA, May 12 (Wire) - The talks began.", "ASTANA, May 12 (Wire) - "),
        ("MINSK, September 12. /TASS/. The active phase began.", "MINSK, September 12. /TASS/. "),
        ("Tashkent, 16 May /UzA/. President Karimov received the envoy.", "Tashkent, 16 May /UzA/. "),
        ("ASTANA. KAZINFORM – The President held talks.", "ASTANA. KAZINFORM – "),
        ("President Karimov received the envoy on Monday.", None),
        ("SEOUL, Oct. 2 (Press)--South Korea said on Monday.", "SEOUL, Oct. 2 (Press)--"),
        ("LIMA (Wire)-Peru said on Monday.", "LIMA (Wire)-"),
        ("KYIV- The talks began.", "KYIV- "),
        ("Ushuaia, September 29 (Agencia).- The navies began the exercise.", "Ushuaia, September 29 (Agencia).- "),
        # a hyphen that joins two words is no dash
        ("The Ghana-Togo joint exercise ended on Monday.", None),
        ("Chile Wins 30-Day Reprieve on Copper", None),
    ],
)
def test_datelines_in_the_styles_of_the_agencies(text, dateline):
    found = [text[start:end] for start, end in datelines(text)]
    assert found == ([dateline] if dateline else [])


def test_a_period_inside_a_short_bracket_ends_no_sentence_but_a_paragraph_after_one_starts():
    nlp = spacy.blank("en")
    nlp.add_pipe("eventex_line_breaks")
    doc = nlp("On 13 June, Defence Minister Lieutenant General (ret.) Dashdorj Enkhbold received the envoy.")
    assert {t.text: t.is_sent_start for t in doc if t.text in (")", "Dashdorj")} == {")": False, "Dashdorj": False}
    assert _sentence_starts("The talks ended (AP)\n\nThe ministers met again on Friday.") == ["The", "The"]


def test_an_officers_rank_in_brackets_leaves_the_meeting_its_date(extract):
    from datetime import date

    text = (
        "On the eve of the exercise, on 13 June, Minister of Defence of Mongolia Lieutenant General (ret.) Dashdorj Enkhbold "
        "received the Vice Chief of the Army Staff of India, Lieutenant General Rajesh Kumar Sethi, in Ulaanbaatar."
    )
    (meeting,) = [e for e in extract(text, date(2025, 6, 15)) if e.type == "meeting"]
    assert meeting.date.value == "2025-06-13"
