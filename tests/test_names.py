"""The ``eventex_names`` repairs on spacy.blank("en"), with the recognizer's slips set by hand."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from service.extraction.countries import PlacesComponent
from service.extraction.names import NameRepair


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def _doc(nlp, text: str, entities: list[tuple[str, str]], proper_nouns: set[str]) -> Doc:
    """The text with the given (words, label) entities and the given words tagged PROPN."""
    doc = nlp(text)
    for token in doc:
        token.pos_ = "PROPN" if token.text in proper_nouns else "NOUN"
    spans = []
    for words, label in entities:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return PlacesComponent(nlp)(doc)


def _names(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in NameRepair()(doc).ents]


def test_a_country_and_its_leader_read_as_one_organisation_are_the_country_and_a_person(nlp):
    text = "The talks were attended by Kenya's Grace Wanjiru and others."
    doc = _doc(nlp, text, [("Kenya's Grace Wanjiru", "ORG")], {"Kenya", "Grace", "Wanjiru"})
    assert ("Grace Wanjiru", "PERSON") in _names(doc)


def test_a_country_read_as_a_person_is_no_person(nlp):
    text = "Côte d'Ivoire sent its vice president to the talks."
    doc = _doc(nlp, text, [("Côte d'Ivoire", "PERSON")], {"Côte", "d'Ivoire"})
    assert [p.code for p in doc._.places] == ["CIV"]
    assert _names(doc) == []


@pytest.mark.parametrize("label", ["PRODUCT", "ORG", "GPE"])
def test_a_lone_family_name_of_a_person_named_before_is_that_person(nlp, label):
    text = "Grace Wanjiru chaired the talks. Later the envoy called Wanjiru."
    doc = _doc(nlp, text, [("Grace Wanjiru", "PERSON")], {"Grace", "Wanjiru"})
    second = text.rindex("Wanjiru")
    doc.ents = [*doc.ents, doc.char_span(second, second + len("Wanjiru"), label=label)]  # the recognizer's slip
    assert _names(doc) == [("Grace Wanjiru", "PERSON"), ("Wanjiru", "PERSON")]


def test_the_name_of_an_exercise_or_of_a_machine_is_no_person(nlp):
    text = "The Coral Tide exercise began. Admiral Ana Reyes said Coral Tide was growing, and the navy bought a Hawker X-200."
    doc = _doc(nlp, text, [("Ana Reyes", "PERSON"), ("Hawker X-200", "PERSON")], {"Coral", "Tide", "Ana", "Reyes", "Hawker"})
    second = text.rindex("Coral Tide")
    doc.ents = sorted([*doc.ents, doc.char_span(second, second + len("Coral Tide"), label="PERSON")], key=lambda e: e.start)
    assert _names(doc) == [("Ana Reyes", "PERSON")]


def test_a_name_after_a_form_of_address_is_a_person_whatever_the_recognizer_said(nlp):
    text = "The memorandum was signed by Mallam Sani Abdullahi and Mrs. Leila Tazi on Thursday."
    doc = _doc(nlp, text, [("Mallam Sani Abdullahi", "ORG")], {"Mallam", "Sani", "Abdullahi", "Mrs.", "Leila", "Tazi"})
    assert _names(doc) == [("Sani Abdullahi", "PERSON"), ("Leila Tazi", "PERSON")]


@pytest.mark.parametrize("text, ship", [
    ("The navy trained with the Chilean frigate Almirante Riveros off Arica.", "Almirante Riveros"),
    ("The destroyer joined HMCS Ville de Quebec and the tanker Marta Rosa in the drills.", "Ville de Quebec"),
    ("The destroyer joined HMCS Ville de Quebec and the tanker Marta Rosa in the drills.", "Marta Rosa"),
])
def test_a_ships_name_is_no_person(nlp, text, ship):
    doc = _doc(nlp, text, [(ship, "PERSON")], set(ship.split()))
    assert (ship, "PERSON") not in _names(doc)


@pytest.mark.parametrize("text, entity, expected", [
    ("Talks were hosted by Foreign Minister Moses Kagoro in Kampala.", "Kagoro", "Moses Kagoro"),
    # Not a portfolio or a form of address: "Minister of Foreign Affairs Ana Sarr", "Professor Ali Khan".
    ("Talks were hosted by Minister of Foreign Affairs Ana Sarr in Dakar.", "Ana Sarr", "Ana Sarr"),
    ("Talks were hosted by Minister Professor Ali Khan in Dhaka.", "Ali Khan", "Ali Khan"),
])
def test_a_name_begun_a_word_late_after_a_title_starts_right_after_the_title(nlp, text, entity, expected):
    doc = _doc(nlp, text, [(entity, "PERSON")], {"Foreign", "Minister", "Moses", "Kagoro", "Affairs", "Ana", "Sarr", "Professor", "Ali", "Khan"})
    assert (expected, "PERSON") in _names(doc)


def test_two_names_with_nothing_between_them_are_one_persons(nlp):
    text = "The exchange was witnessed by Prime Minister Datuk Seri Rosli Abdul Hamid at the Istana."
    doc = _doc(nlp, text, [("Datuk Seri Rosli", "PERSON"), ("Abdul Hamid", "PERSON")], {"Datuk", "Seri", "Rosli", "Abdul", "Hamid"})
    assert ("Datuk Seri Rosli Abdul Hamid", "PERSON") in _names(doc)


def test_a_name_after_a_title_read_as_an_organisation_is_a_person(nlp):
    text = "President Ana Rojas and her Peruvian counterpart Luis Felipe Soto met in Tacna."
    doc = _doc(nlp, text, [("Ana Rojas", "PERSON"), ("Luis Felipe Soto", "ORG")], {"Ana", "Rojas", "Luis", "Felipe", "Soto", "Tacna"})
    assert ("Luis Felipe Soto", "PERSON") in _names(doc)


def test_an_organisation_after_a_title_stays_one(nlp):
    text = "The minister met the counterpart Border Police Directorate in Tacna."
    doc = _doc(nlp, text, [("Border Police Directorate", "ORG")], {"Border", "Police", "Directorate", "Tacna"})
    assert ("Border Police Directorate", "ORG") in _names(doc)


def test_an_office_run_on_into_its_holders_name_is_the_office_and_a_person(nlp):
    text = "It was signed by the Secretary of the Department of Foreign Affairs Kila Tamarua on Friday."
    entity = "the Department of Foreign Affairs Kila Tamarua"
    doc = _doc(nlp, text, [(entity, "ORG")], {"Secretary", "Department", "Foreign", "Affairs", "Kila", "Tamarua"})
    assert _names(doc) == [("the Department of Foreign Affairs", "ORG"), ("Kila Tamarua", "PERSON")]


@pytest.mark.parametrize("label", ["GPE", "NORP", "ORG"])
def test_a_name_after_a_title_read_as_a_place_is_a_person(nlp, label):
    text = "Chinese Premier Wang Zhiyuan held talks with Ghanaian Vice President Ama Boateng."
    doc = _doc(nlp, text, [("Wang Zhiyuan", label), ("Ama Boateng", "PERSON")], {"Premier", "Wang", "Zhiyuan", "Vice", "President", "Ama", "Boateng"})
    assert ("Wang Zhiyuan", "PERSON") in _names(doc)


def test_a_place_after_a_title_stays_a_place(nlp):
    text = "The talks were held with the envoy the President South Africa named, said the minister."
    doc = _doc(nlp, text, [("South Africa", "GPE")], {"President", "South", "Africa"})
    assert ("South Africa", "GPE") in _names(doc)


def test_a_hyphenated_family_name_alone_is_the_person_named_in_full(nlp):
    text = "Vice President Naana Opoku-Mensah arrived on Monday. Opoku-Mensah said Ghana was ready."
    doc = _doc(nlp, text, [("Naana Opoku-Mensah", "PERSON"), ("Opoku-Mensah said", "ORG")], {"Naana", "Opoku", "Mensah", "Ghana"})
    doc.ents = [e if e.label_ == "PERSON" else doc.char_span(e.start_char, e.start_char + len("Opoku-Mensah"), label="ORG") for e in doc.ents]
    names = _names(doc)
    assert names.count(("Opoku-Mensah", "PERSON")) == 1 and ("Naana Opoku-Mensah", "PERSON") in names


def test_a_name_after_a_title_in_lower_case_is_a_person(nlp):
    text = "Polish Defence Minister Jan Nowak and his Lithuanian counterpart Rasa Žemaitienė met on Thursday."
    doc = _doc(nlp, text, [("Jan Nowak", "PERSON")], {"Polish", "Defence", "Minister", "Jan", "Nowak", "Rasa", "Žemaitienė"})
    assert ("Rasa Žemaitienė", "PERSON") in _names(doc)


def test_a_name_set_off_by_commas_after_an_office_is_a_person_cut_from_the_company_before_it(nlp):
    text = "It was signed by the Chairman and CEO of Andesgas, Teodoro Wankun, and the Minister of Energy, Rosa Apaza."
    doc = _doc(nlp, text, [("Andesgas, Teodoro Wankun", "ORG")], {"Andesgas", "Teodoro", "Wankun", "Rosa", "Apaza"})
    assert _names(doc) == [("Andesgas", "ORG"), ("Teodoro Wankun", "PERSON"), ("Rosa Apaza", "PERSON")]
    # after a place, not an office, a name-shaped pair stays unread
    other = "It was signed in the capital of Peru, Santa Rosa, on Friday."
    assert _names(_doc(nlp, other, [], {"Peru", "Santa", "Rosa"})) == []
