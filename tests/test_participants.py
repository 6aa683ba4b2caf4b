"""Who took part: the participant rules on hand-written sentences, through the real spaCy pipeline."""
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from service.extraction.countries import get_resolver
from service.extraction.events import _arguments, _could_be_a_name
from service.extraction.triggers import Trigger


def _people(event) -> dict:
    return {p.name: p for p in event.participants if p.kind == "person"}


def _offices(event) -> dict:
    """Each person's title and country, by name."""
    return {name: (person.title, person.country) for name, person in _people(event).items()}


def _countries_of_people(event) -> dict:
    return {name: person.country for name, person in _people(event).items()}


def test_the_name_after_a_title_and_a_rank_even_when_the_parser_coordinates_it(extract):
    text = (
        "Belarusian and Russian troops began the Zapad exercise on Friday. The exercise is overseen by the "
        "Chief of the General Staff of the Armed Forces of Belarus, Lieutenant General Andrei Sokolov, and the "
        "First Deputy Chief of the General Staff of the Russian Armed Forces, Colonel General Nikolai Bogov."
    )
    (exercise,) = extract(text)
    people = _people(exercise)
    assert "" not in people  # the Chief is Sokolov, not an unnamed officer beside him
    assert people["Andrei Sokolov"].country == "BLR"


def test_who_led_it_is_a_participant_of_the_exercise_just_told(extract):
    text = (
        "Russian and Chinese warships began joint drills in the Sea of Japan on Thursday. "
        "It is being led by Vice-Admiral Gennady Morozov, deputy commander of Russia's Pacific Fleet, and runs until Sunday."
    )
    (exercise,) = extract(text)
    people = _people(exercise)
    # One person: the office after his name is his, not another officer's.
    assert list(people) == ["Gennady Morozov"]
    assert people["Gennady Morozov"].country == "RUS"


def test_a_meeting_of_a_small_fixed_grouping_is_a_meeting_of_its_member_countries(extract):
    (summit,) = extract("Quad leaders met at a virtual summit on Friday to discuss maritime security.")
    assert {p.country for p in summit.participants if p.country} == {"AUS", "IND", "JPN", "USA"}
    assert any(p.kind == "organization" and p.name == "Quad" for p in summit.participants)
    # A large one stays an organisation: its members are not listed for it.
    (nato,) = extract("NATO defence ministers met in Brussels on Thursday.")
    assert not any(p.country for p in nato.participants)


def test_a_family_name_written_first_and_alone_is_the_person_named_in_full_before(extract):
    text = (
        "South Korean President Choi Byung-ho will visit Tokyo next month. "
        "Choi and Ishihara briefly met on the sidelines of the UN General Assembly in September."
    )
    met = next(e for e in extract(text) if e.status == "occurred")
    people = _people(met)
    assert "Choi Byung-ho" in people and people["Choi Byung-ho"].country == "KOR"


def test_whom_a_visitor_addressed_on_the_visit_is_a_host(extract):
    (visit,) = extract("U.S. Senator Maria Lopez visited Ghana in March and told President Kwame Asante that aid would continue.")
    hosts = {p.name for p in visit.participants if p.kind == "person" and p.role == "host"}
    assert hosts == {"Kwame Asante"}


def test_a_visit_to_a_country_is_a_visit_abroad_whoever_the_visitor(extract):
    # No country is known for the senator: a country visited by name is still abroad, unlike
    # "visited the flooded town".
    (visit,) = extract("Senator Maria Lopez visited Ghana in March.")
    assert visit.type == "meeting"
    assert {p.country for p in visit.participants if p.role == "host"} == {"GHA"}
    assert extract("The president visited the flooded town on Monday.") == []


def test_a_name_run_on_from_the_country_before_it_and_a_delegation_led_by_someone(extract):
    text = (
        "President of Uzbekistan Jamshid Karimov received the delegation led by the Minister of Foreign "
        "Affairs of the Hashemite Kingdom of Jordan Nasser Al-Majali on Monday."
    )
    (meeting,) = extract(text)
    people = _people(meeting)
    assert {"Jamshid Karimov", "Nasser Al-Majali"} <= set(people)
    assert people["Nasser Al-Majali"].country == "JOR" and people["Nasser Al-Majali"].role == "visitor"
    assert {p.country for p in meeting.participants if p.country} == {"UZB", "JOR"}


def test_capitalised_plural_heads_are_forces_of_their_country(extract):
    (exercise,) = extract(
        "The Indonesian Military and the United States Armed Forces opened a joint exercise on Thursday."
    )
    assert {p.country for p in exercise.participants if p.country} == {"IDN", "USA"}


def test_a_call_from_a_president_of_a_country_named_after_him(extract):
    (call,) = extract(
        "Sheikh Khalid bin Zayed received a phone call from President Agus Santoso of the Republic of Indonesia on Monday."
    )
    people = _people(call)
    assert people["Agus Santoso"].country == "IDN"
    assert "Khalid bin Zayed" in people


def test_an_office_alone_is_no_name_and_two_offices_of_one_person_share_the_country(extract):
    text = (
        "Chinese State Councilor and Defense Minister Zhao Ming on Wednesday attended the meeting of "
        "defense ministers of the Shanghai Cooperation Organization in Tashkent."
    )
    (meeting,) = extract(text)
    people = _people(meeting)
    assert people["Zhao Ming"].country == "CHN"
    assert not any(name in ("Councilor", "State Councilor") for name in people)
    (call,) = extract(
        "Sheikh Khalid bin Zayed, Crown Prince of Abu Dhabi, received a phone call from President Agus Santoso of Indonesia."
    )
    assert set(_people(call)) == {"Khalid bin Zayed", "Agus Santoso"}  # not "Prince"


def test_a_security_council_meeting_is_one_of_the_envoys_the_story_names(extract):
    text = (
        "France called a meeting of the U.N. Security Council on Monday about the fighting in Sudan. "
        "Kenya's U.N. Ambassador Peter Mwangi told reporters that a ceasefire was urgent. "
        "The president of Chad, Idriss Mahamat, was not in New York."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    people = _people(meeting)
    assert people["Peter Mwangi"].country == "KEN"
    assert "Idriss Mahamat" not in people  # no envoy


def test_a_name_cut_short_of_its_end_is_the_person_named_in_full(extract):
    text = (
        "ABU DHABI, 8 July (WAM) -- Sheikh Khalid bin Zayed Al Nahyan, Crown Prince of Abu Dhabi, received a "
        "phone call today from Kenyan President William Otieno.\n\n"
        "On Monday, Khalid bin Zayed met Ethiopian Prime Minister Dawit Alemu in Abu Dhabi."
    )
    call, meeting = extract(text, date(2020, 7, 8))
    assert set(_people(call)) == {"Khalid bin Zayed Al Nahyan", "William Otieno"}
    people = _people(meeting)
    assert "Khalid bin Zayed Al Nahyan" in people and people["Khalid bin Zayed Al Nahyan"].country == "ARE"


def test_the_name_that_ends_a_long_title_without_a_comma(extract):
    text = (
        "Egypt and Greece concluded a naval exercise on Wednesday. The final phase of the exercise was overseen by "
        "Egypt's Chief of Staff of the Armed Forces Lieutenant General Ahmed Farouk and Greek Chief of the Hellenic "
        "National Defence General Staff General Dimitrios Karras, according to the statement."
    )
    (exercise,) = extract(text)
    people = _people(exercise)
    assert "" not in people and people["Ahmed Farouk"].country == "EGY"


def test_a_name_the_recognizer_ended_a_word_early_runs_on(extract):
    text = (
        "Fijian Prime Minister Ratu Josefa Naivalu met New Zealand Prime Minister Claire Hollis in Suva on Monday. "
        "On Wednesday, Ms Hollis and Ratu Josefa held a second meeting."
    )
    first, second = extract(text)
    assert "Ratu Josefa Naivalu" in _people(first)
    assert "Ratu Josefa Naivalu" in _people(second)  # the short form is the same person


@pytest.mark.parametrize(
    "title, country",
    [("Secretary of State", "USA"), ("Defense Secretary", "USA"), ("Taoiseach", "IRL"), ("Foreign Secretary", None)],
)
def test_an_office_only_one_country_has_gives_the_country(extract, title, country):
    (call,) = extract(f"{title} Mary Dunne spoke by phone with Kenyan President William Otieno on Monday.")
    assert _people(call)["Mary Dunne"].country == country


def test_a_dateline_country_named_about_as_often_as_the_most_named_is_home(extract):
    text = (
        "SEOUL, May 14 (Wire) - Foreign Minister Kim Dong-hyun spoke by phone with his Japanese counterpart "
        "Kenta Mori on Monday. South Korea and Japan agreed to hold a summit, South Korea's foreign ministry "
        "said. Japan will host it, and Japan hopes to settle the dispute there."
    )
    call = next(e for e in extract(text) if e.type == "meeting" and e.status == "occurred")
    assert _people(call)["Kim Dong-hyun"].country == "KOR"


def test_representatives_at_a_meeting_took_part_in_it(extract):
    (meeting,) = extract("Kenyan and Ugandan delegates at the conference in Arusha on Monday backed a new road.")
    assert {p.country for p in meeting.participants if p.country} == {"KEN", "UGA"}
    (council,) = extract(
        "The mission was praised by Brazilian, Indian and South African representatives at a U.N. Security Council "
        "meeting on Monday."
    )
    assert {"BRA", "IND", "ZAF"} <= {p.country for p in council.participants if p.country}


def test_envoys_named_by_their_office_alone_at_a_security_council_meeting(extract):
    text = (
        "The U.N. Security Council met on Friday over the missile launches. "
        "Russia's envoy dismissed the accusations at the meeting, and Iran's envoy called them lies."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert {"RUS", "IRN"} <= {p.country for p in meeting.participants if p.country}


def test_the_name_after_a_title_that_ends_in_a_name_of_its_own(extract):
    text = (
        "Speaking at a United Nations Security Council meeting on Libya this week, Egypt's permanent "
        "representative to the United Nations, Osama Abdel Khalek, said Cairo was worried."
    )
    (meeting,) = extract(text)
    people = _people(meeting)
    # (the parser hangs the name on "Nations", inside the title phrase)
    assert "" not in people and people["Osama Abdel Khalek"].country == "EGY"


def test_an_envoy_whose_country_the_story_does_not_write_still_took_part(extract):
    text = (
        "The U.N. Security Council met on Friday over the missile launches. "
        "Deputy Ambassador Li Wen told reporters afterwards that the launches threatened everyone."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert "Li Wen" in _people(meeting)


def test_the_leaders_of_named_countries_are_the_leaders_the_story_names(extract):
    text = (
        "Kenyan President William Otieno flew to Kampala on Tuesday. Ugandan President Moses Okello greeted him "
        "at the airport. The Kenyan and Ugandan presidents signed a pipeline treaty on Wednesday."
    )
    treaty = next(e for e in extract(text) if e.type == "agreement")
    assert {"William Otieno", "Moses Okello"} <= set(_people(treaty))
    assert {"KEN", "UGA"} <= {p.country for p in treaty.participants if p.country}


def test_the_leaders_of_named_countries_are_left_unnamed_when_one_is_unknown(extract):
    text = (
        "Kenyan President William Otieno spoke on Tuesday. The Kenyan and Ugandan presidents signed a pipeline "
        "treaty in 2019."
    )
    treaty = next(e for e in extract(text) if e.type == "agreement")
    assert "William Otieno" not in _people(treaty)  # Uganda's president is not named: who signed is not told


def test_a_meeting_of_g7_ministers_had_the_member_ministers_the_story_names(extract):
    text = (
        "G7 foreign ministers gathered in Quebec on Thursday for two days of talks on Ukraine. "
        "Canadian Foreign Minister Anne Tremblay said the group was united. "
        "Brazilian Foreign Minister Paulo Costa, whose country is not a member, said nothing."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    people = _people(meeting)
    assert "Anne Tremblay" in people and "Paulo Costa" not in people


def test_a_person_known_by_two_forms_of_the_name_is_still_the_one_holder_of_an_office(extract):
    text = (
        "UAE President Khalid bin Zayed Al Nahyan opened the forum on Monday. Khalid bin Zayed said trade would grow. "
        "The Emirati president later received Kenyan President William Otieno in Abu Dhabi."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert "Khalid bin Zayed Al Nahyan" in _people(meeting)


@pytest.mark.parametrize(
    "text, countries",
    [
        # forces that take part, told in a sentence of their own
        ("The navies of Chile and Peru began the Pacific Shield exercise off Arica on Monday. "
         "Units from Brazil, Colombia and Ecuador are also taking part, the Chilean navy said.",
         {"CHL", "PER", "BRA", "COL", "ECU"}),
        # the forces named with the participation of the event's own sentence
        ("The Pacific Shield exercise began off Arica on Monday with the participation of forces from Chile, Peru, Brazil and Colombia.",
         {"CHL", "PER", "BRA", "COL"}),
        # those trained alongside, in a list of countries the parser reads as an apposition
        ("Chilean and Peruvian troops began joint drills on Monday. Troops from Brazil and Colombia trained alongside "
         "forces from the United States, Canada, the United Kingdom, France and the Netherlands.",
         {"CHL", "PER", "BRA", "COL", "USA", "CAN", "GBR", "FRA", "NLD"}),
    ],
)
def test_forces_named_as_taking_part_are_participants_of_the_exercise_told_just_before(extract, text, countries):
    (exercise,) = extract(text)
    assert {p.country for p in exercise.participants if p.country} == countries


def test_taking_part_in_something_else_adds_nobody_to_the_event(extract):
    text = ("The navies of Chile and Peru began joint drills off Arica on Monday. "
            "Companies from Brazil and Ecuador will take part in the reconstruction of the port.")
    (exercise,) = extract(text)
    assert {p.country for p in exercise.participants if p.country} == {"CHL", "PER"}


def test_office_holders_listed_after_attended_by_and_a_guest_who_took_part_are_attendees(extract):
    text = (
        "The summit of Andean leaders opened in Quito on Thursday. The meeting, chaired by President of Ecuador "
        "Luis Mora, was attended by President of Bolivia Ana Quispe, President of the Republic of Colombia "
        "Jorge Ruiz and President of Peru Elena Soto. President of Chile Pablo Vera took part as a guest "
        "for the second year in a row."
    )
    (summit,) = extract(text)
    assert _countries_of_people(summit) == {
        "Luis Mora": "ECU", "Ana Quispe": "BOL", "Jorge Ruiz": "COL", "Elena Soto": "PER", "Pablo Vera": "CHL",
    }


def test_a_meeting_told_after_a_multilateral_exercise_does_not_take_all_its_countries(extract):
    text = (
        "Troops from Chile, Peru, Brazil, Colombia and Ecuador ended joint drills in Arica on Wednesday. "
        "On Tuesday, the exercise director held talks with Prime Minister Luis Mora at his office."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert not {"BRA", "COL", "ECU"} & {p.country for p in meeting.participants}


def test_a_spanish_family_name_written_alone_is_the_person_named_with_both(extract):
    text = (
        "Mexican Foreign Minister Manuel Ortiz Medina received the U.S. envoy in Mexico City on Friday. "
        "Ortiz and the envoy held talks on migration the next day."
    )
    talks = next(e for e in extract(text) if e.trigger.text == "talks")
    assert "Manuel Ortiz Medina" in set(_people(talks))


def test_the_leaders_in_whose_presence_an_agreement_was_signed_are_its_persons(extract):
    text = (
        "The agreements were signed in Lima on Monday by Chilean Foreign Minister Ana Ruiz and her Peruvian "
        "counterpart Jorge Salas, in the presence of President Pablo Vera of Chile and his host, President Elena Soto."
    )
    (agreement,) = extract(text)
    assert {"Ana Ruiz", "Jorge Salas", "Pablo Vera", "Elena Soto"} <= set(_people(agreement))


def test_those_attending_named_in_a_participle_at_the_end_of_the_sentence_are_the_meetings(extract):
    text = (
        "The summit was prepared at a meeting of the foreign ministers of the three countries in Lima earlier this month, "
        "attended by Chile's Ana Ruiz, Peru's Jorge Salas and Bolivia's Luis Mora."
    )
    meeting = next(e for e in extract(text) if e.trigger.text == "meeting")
    people = _countries_of_people(meeting)
    assert people["Jorge Salas"] == "PER" and people["Luis Mora"] == "BOL"


def test_a_country_represented_at_a_meeting_by_an_official_took_part_through_him(extract):
    (summit,) = extract("Leaders of the Andean Community met in Quito on Tuesday. Chile was represented by Vice President Ana Ruiz.")
    assert {(p.name, p.country) for p in summit.participants if p.kind == "person"} == {("Ana Ruiz", "CHL")}


def test_who_leads_a_contingent_or_oversees_a_phase_of_the_exercise_takes_part_in_it(extract):
    text = (
        "The navies of Chile and Peru began joint drills off Arica on Monday. The Chilean contingent was led by "
        "Rear Admiral Pablo Vera, and the final phase of the exercise will be overseen by General Ana Ruiz of Peru. "
        "Peru sent a contingent of 150 soldiers led by Colonel Jorge Salas."
    )
    (exercise,) = extract(text)
    people = _countries_of_people(exercise)
    assert people["Pablo Vera"] == "CHL" and people["Ana Ruiz"] == "PER" and "Jorge Salas" in people


def test_the_leaders_who_witnessed_a_signing_ceremony_are_among_the_agreements_persons(extract):
    text = (
        "The memorandum was signed in Lima on Thursday by Chilean Energy Minister Pablo Vera, at a ceremony "
        "witnessed by President Luis Mora and his Peruvian counterpart, Elena Soto."
    )
    (agreement,) = extract(text)
    assert {"Luis Mora", "Elena Soto"} <= set(_people(agreement))


def test_every_person_of_a_signing_list_broken_by_semicolons_signed(extract):
    text = (
        "Chile and Peru signed a memorandum on a gas pipeline in Lima on Thursday. The memorandum was signed by "
        "the chief executive of Chile's state oil company, Pablo Vera; the director of Peru's oil agency, Elena Soto; "
        "and the Andean Community's energy commissioner, Luis Mora."
    )
    (agreement,) = extract(text)
    assert {"Elena Soto", "Luis Mora"} <= set(_people(agreement))


def test_every_titled_signer_listed_with_commas_signed_but_not_those_named_around_them(extract):
    text = (
        "The accord was signed by Chile's Minister of Mining and Energy, Dr Pablo Vera Soto, Peru's Minister "
        "of Energy and Mines Elena Quispe, Bolivia's Hydrocarbons Minister Jorge Mamani and Ecuador's Minister "
        "of Energy Transition Luis Andrade, in Lima on Thursday, as President Rosa Ibarra looked on."
    )
    (agreement,) = extract(text)
    assert _offices(agreement) == {
        "Pablo Vera Soto": ("Minister of Mining and Energy", "CHL"),
        "Elena Quispe": ("Minister of Energy and Mines", "PER"),
        "Jorge Mamani": ("Hydrocarbons Minister", "BOL"),
        "Luis Andrade": ("Minister of Energy Transition", "ECU"),
    }

    adviser = (
        "The truce was signed in Doha on Friday by Marc Ilunga, a senior adviser to Congolese President "
        "Paul Kasongo, and Rene Bahati, the rebels' chief negotiator."
    )
    (truce,) = extract(adviser)
    assert {"Marc Ilunga", "Rene Bahati"} <= set(_people(truce))
    assert "Paul Kasongo" not in _people(truce)


def test_the_leaders_a_host_welcomed_at_the_summit_attended_it(extract):
    text = (
        "Leaders of the Andean Community opened their annual summit in Quito on Tuesday. Ecuadorian President "
        "Luis Mora welcomed Bolivian President Ana Quispe, Colombia's President Jorge Ruiz and Peruvian Prime "
        "Minister Elena Soto at the opening session."
    )
    (summit,) = extract(text)
    assert _countries_of_people(summit) == {
        "Luis Mora": "ECU", "Ana Quispe": "BOL", "Jorge Ruiz": "COL", "Elena Soto": "PER",
    }
    assert extract("Chile welcomed the decision on Monday.") == []


def test_the_head_of_state_of_a_home_story_is_the_one_leader_it_names(extract):
    text = (
        "ASTANA. KAZINFORM – President of Kazakhstan Kairat Zhaksylykov had a telephone conversation with President "
        "of Mongolia Luvsandorj Tumurbaatar today. Earlier, on 19 January, the Head of State had a telephone "
        "conversation with President of Azerbaijan Elchin Mammadli."
    )
    earlier = next(e for e in extract(text) if e.date.value == "2024-01-19")
    assert set(_people(earlier)) == {"Kairat Zhaksylykov", "Elchin Mammadli"}


def test_the_two_countries_are_the_storys_pair_not_the_end_of_a_list_or_a_passing_pair(extract):
    text = (
        "Senegal and Gambia signed a fisheries agreement in Dakar on Monday. "
        "Senegal wants Gambia to share catch data. Gambia agreed, Senegal said. "
        "Both face attacks on boats near Guinea and Mali, and belong to a forum with Senegal, Gambia, Guinea, Mali and Niger. "
        "The two countries will hold the next round of talks in Banjul in June."
    )
    (talks,) = [e for e in extract(text) if e.type == "meeting"]
    assert {p.country for p in talks.participants if p.country} == {"SEN", "GMB"}


def test_every_country_of_a_long_list_taking_part_joins_the_exercise_but_observers(extract):
    text = (
        "The Southern Shield naval exercise opened off Montevideo on Monday. "
        "Ships and aircraft from Uruguay, Argentina, the Bahamas, Peru, Ecuador, Colombia and Mexico are participating, "
        "along with units from Spain and Portugal, while Chile and Bolivia are taking part as observers."
    )
    (exercise,) = extract(text)
    countries = {p.country for p in exercise.participants if p.country}
    assert {"URY", "ARG", "BHS", "PER", "ECU", "COL", "MEX", "ESP", "PRT"} <= countries
    assert not countries & {"CHL", "BOL"}


def test_a_person_whose_country_is_unwritten_is_of_the_other_side_of_his_counterpart(extract):
    text = (
        "Montevideo hosts Paraguay talks\n\n"
        "President Ramón Olivera and his Paraguayan counterpart, Luis Benítez, met in Salto on Monday. "
        "Uruguay and Paraguay share the Uruguay river basin, and Uruguay buys Paraguayan power."
    )
    (meeting,) = extract(text)
    assert _countries_of_people(meeting) == {"Ramón Olivera": "URY", "Luis Benítez": "PRY"}


def test_a_counterpart_holds_the_office_of_the_person_he_is_counterpart_to(extract):
    text = (
        "Chilean Foreign Minister Ana Soto and her Peruvian counterpart Luis Vega met in Arica last month. "
        "Chile and Peru signed four agreements in Lima on Wednesday. "
        "The signing was preceded on Monday by a meeting co-chaired by the two foreign ministers."
    )
    people = {p.name: p.title for e in extract(text) for p in e.participants if p.kind == "person"}
    assert people["Luis Vega"] == "Foreign Minister"
    monday = next(e for e in extract(text) if e.date is not None and e.date.value == "2024-05-13")
    assert _countries_of_people(monday) == {"Ana Soto": "CHL", "Luis Vega": "PER"}


def test_those_who_chaired_the_session_of_the_body_told_take_part_in_it(extract):
    text = (
        "Chile and Peru on Wednesday signed four agreements at the close of the fifth session of the Chilean-Peruvian Binational Cabinet, "
        "co-chaired in Arica by Presidents Gabriel Morales and Pedro Castillo Vega, the agency learned."
    )
    (session,) = [e for e in extract(text) if e.type == "meeting"]
    assert {"Gabriel Morales", "Pedro Castillo Vega"} <= set(_people(session))



def test_signers_the_parser_reads_as_one_noun_phrase_are_still_the_parties():
    # The parse the small model gives "NNA - Defense Minister X and his counterpart, Y, signed on
    # Thursday an agreement": no main verb, "signed" hanging on X as a participle with an object.
    words = ["Minister", "Rahal", "and", "his", "counterpart", "signed", "on", "Thursday", "an", "agreement", "."]
    heads = [1, 1, 1, 4, 1, 1, 5, 6, 9, 5, 1]
    deps = ["compound", "ROOT", "cc", "poss", "conj", "acl", "prep", "pobj", "det", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PRON", "NOUN", "VERB", "ADP", "PROPN", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "CC", "PRP$", "NN", "VBN", "IN", "NNP", "DT", "NN", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    trigger = Trigger(doc[9:10], "agreement", "occurred", doc[5], False, 0.85)
    assert doc[1] in [token for token, _ in _arguments(trigger)]


def test_everyone_a_summit_was_attended_by_takes_part(extract):
    text = (
        "Chile and Peru held a summit in Lima on Wednesday. The summit was also attended by Foreign Minister Ana Soto "
        "and Defence Minister Luis Vega for Chile and by Peruvian Foreign Minister Rosa Quispe."
    )
    (summit,) = extract(text)
    assert {"Ana Soto", "Luis Vega", "Rosa Quispe"} <= set(_people(summit))


def test_leaders_in_whose_presence_ministers_signed_are_the_agreements_persons(extract):
    text = (
        "Chile and Peru signed some 40 agreements in Lima on Wednesday. The accords were signed by ministers of the "
        "two governments in the presence of President Gabriel Morales and Peruvian President Rosa Quispe."
    )
    (agreement,) = extract(text)
    assert {"Gabriel Morales", "Rosa Quispe"} <= set(_people(agreement))


def test_a_top_diplomat_and_his_counterpart_are_the_foreign_ministers_the_story_names(extract):
    text = (
        "Chile's top diplomat held phone talks on Tuesday with his Peruvian counterpart. "
        "In the conversation, Chilean Foreign Minister Ana Soto urged Peru to reopen the border, "
        "and Peruvian Foreign Minister Luis Vega called for patience, while Peruvian Interior Minister Rosa Quispe stayed silent."
    )
    (call,) = extract(text)
    assert _countries_of_people(call) == {"Ana Soto": "CHL", "Luis Vega": "PER"}


def test_a_paragraph_listing_the_contingents_after_some_quotes_is_of_the_exercise(extract):
    text = (
        "The Southern Shield naval exercise opened off Arica on Saturday with a ceremony. "
        "Admiral Ana Soto, who commands the task force, said the drills would test the navies. "
        "\"The season of storms is five weeks away,\" she told reporters. "
        "\"What we practise here we will do for real,\" she added. "
        "Contingents from Uruguay, Argentina, the Bahamas, Peru and Ecuador are participating."
    )
    (exercise,) = [e for e in extract(text) if e.type == "exercise"]
    assert {"URY", "ARG", "BHS", "PER", "ECU"} <= {p.country for p in exercise.participants if p.country}


def test_a_director_of_exercises_is_an_office_not_a_drill(extract):
    assert extract("Brigadier General Ana Soto, the navy's director of exercises, spoke to reporters on Monday.") == []


def test_the_two_countries_ministers_are_the_holders_of_that_office_the_story_names(extract):
    text = (
        "Chilean Defence Minister Ana Soto visited the troops. Peruvian Defence Minister Luis Vega praised them. "
        "Bolivian Defence Minister Rosa Quispe stayed away. "
        "Chile and Peru share a long border. On Tuesday, the two countries' defence ministers met near the border."
    )
    (meeting,) = extract(text)
    assert _countries_of_people(meeting) == {"Ana Soto": "CHL", "Luis Vega": "PER"}


def test_the_acronym_of_the_instrument_is_no_party(extract):
    text = "Chile and Peru today signed a memorandum of understanding (MoU) on border security in Lima."
    (agreement,) = extract(text)
    assert not any(p.name.lower() == "mou" for p in agreement.participants)


def test_a_groupings_heads_of_state_stand_for_the_grouping(extract):
    (agreement,) = extract("East African Community (EAC) heads of state yesterday signed a protocol on climate change in Arusha.")
    assert [p.name for p in agreement.participants if p.kind == "organization"] == ["East African Community"]


def test_the_two_nations_foreign_and_defence_ministers_are_the_four_holders(extract):
    text = (
        "Chilean Foreign Minister Ana Soto spoke first. Peruvian Foreign Minister Luis Vega replied. "
        "Chilean Defence Minister Rosa Quispe and Peruvian Defence Minister Pablo Reyes listened. "
        "On Friday, the two nations' foreign and defence ministers met in Lima."
    )
    (meeting,) = extract(text)
    assert _countries_of_people(meeting) == {"Ana Soto": "CHL", "Luis Vega": "PER", "Rosa Quispe": "CHL", "Pablo Reyes": "PER"}


def test_who_signed_the_documents_told_before_are_the_agreements_persons(extract):
    text = "Chile and Peru on Thursday signed an agreement on border crossings in Arica. The document was signed by Soto and Vega."
    (agreement,) = extract(text)
    assert {"Soto", "Vega"} <= set(_people(agreement))


def test_the_agreement_signed_by_ministers_is_one_agreement_not_two(extract):
    text = (
        "Chile and Peru signed a gas agreement in Lima on Monday. Under the agreement, signed by the energy ministers "
        "of the two countries, Peru will supply gas to northern Chile from 2026."
    )
    assert [e.type for e in extract(text)] == ["agreement"]


def test_a_name_the_recognizer_took_for_an_organisation_beside_a_persons_name_is_a_person_of_its_country(extract):
    (meeting,) = extract(
        "Burundi's Edouard Ndikumana and Rwanda's Jean-Paul Habineza met for nearly five hours on Tuesday in Kampala.",
        date(2025, 2, 19),
    )
    people = {p.name: p.country for p in meeting.participants if p.kind == "person"}
    assert people == {"Edouard Ndikumana": "BDI", "Jean-Paul Habineza": "RWA"}


def test_a_country_that_tells_what_it_did_is_the_party_of_it(extract):
    (drill,) = extract(
        'North Korea said it conducted a "tactical drill" on Thursday in which it fired two cruise missiles off its east coast.',
        date(2023, 3, 25),
    )
    assert {p.country for p in drill.participants} == {"PRK"}


def test_a_rank_or_a_form_of_address_is_no_part_of_the_name(extract):
    (contract,) = extract(
        "The contract was signed by Indonesian Air Marshal Yudi Prasetyo and Malaysian Datuk Seri Rosli Abdul Hamid "
        "in Jakarta on Monday.",
        date(2026, 1, 15),
    )
    assert {p.name for p in contract.participants if p.kind == "person"} == {"Yudi Prasetyo", "Rosli Abdul Hamid"}


@pytest.mark.parametrize("text, envoy", [
    ("Foreign Minister Aibek Tashiev received Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Kyrgyzstan "
     "Daniyar Omarov on Tuesday.", ("Daniyar Omarov", "KAZ")),
    ("Foreign Minister Aibek Tashiev received Ambassador Extraordinary and Plenipotentiary of Japan Kenji Sato on Tuesday.",
     ("Kenji Sato", "JPN")),
    ("The talks were attended by Turkish Ambassador to Kyrgyzstan Mehmet Kaya.", ("Mehmet Kaya", "TUR")),
])
def test_an_envoy_is_of_the_country_that_sends_him_not_where_he_serves(extract, text, envoy):
    (meeting,) = extract(text, date(2024, 7, 10))
    assert envoy in {(p.name, p.country) for p in meeting.participants if p.kind == "person"}


def test_each_signer_of_a_coordinated_pair_of_titled_names_is_a_party(extract):
    text = "The agreement was signed by Uruguayan Foreign Minister Federico Aldunate and Argentine Foreign Minister Joaquín Berreta in Colonia."
    (agreement,) = extract(text, date(2024, 5, 16))
    people = {p.name: p.country for p in agreement.participants if p.kind == "person"}
    assert people == {"Federico Aldunate": "URY", "Joaquín Berreta": "ARG"}


def test_ministers_who_sign_by_title_after_their_meeting_are_the_people_who_met(extract):
    text = (
        "The defence ministers of the three countries -- Mali's General Adama Keita, Chad's General Idriss Saleh and "
        "Niger's General Oumar Tandja -- met in Niamey on Wednesday. "
        "At the end of the meeting the three ministers signed a protocol on a joint command."
    )
    (agreement,) = [e for e in extract(text, date(2026, 2, 5)) if e.type == "agreement"]
    assert {p.name for p in agreement.participants if p.kind == "person"} == {"Adama Keita", "Idriss Saleh", "Oumar Tandja"}


def test_the_two_ministers_are_the_two_named_even_when_a_family_name_comes_first(extract):
    text = (
        "Singapore's Defence Minister Teo Kian Seng and his Australian counterpart Mark Halloran watched the live-firing "
        "from an observation post on Wednesday. Mr Teo praised the gunners. Later that day, the two ministers held talks in Rockhampton."
    )
    (meeting,) = extract(text, date(2024, 10, 17))
    assert {p.name for p in meeting.participants if p.kind == "person"} == {"Teo Kian Seng", "Mark Halloran"}


def test_the_three_ministers_are_the_last_three_named_of_like_offices(extract):
    text = (
        "South Korean Defense Minister Park Min-su, U.S. Defense Secretary Robert Hale and Japanese Defense Minister Kenji Morita "
        "held talks by videoconference on Sunday. During the talks, the three ministers signed a memorandum of cooperation."
    )
    (agreement,) = [e for e in extract(text, date(2024, 7, 29)) if e.type == "agreement"]
    assert {p.name for p in agreement.participants if p.kind == "person"} == {"Park Min-su", "Robert Hale", "Kenji Morita"}


def test_a_hyphenated_title_is_written_as_the_text_writes_it(extract):
    text = "Vice-Admiral Sergei Voronov of Russia met the Governor-General of New Zealand in Wellington on Monday."
    (meeting,) = extract(text, date(2024, 3, 12))
    assert {p.title for p in meeting.participants if p.kind == "person"} == {"Vice-Admiral", "Governor-General"}


def test_whom_a_host_received_written_after_the_day_is_the_visitor(extract):
    text = "On the sidelines of the air exercise, UAE Air Force commander Major General Khalid Al Suwaidi received on Wednesday Lieutenant General Nikos Petrou of Greece."
    (meeting,) = [e for e in extract(text, date(2023, 5, 12)) if e.type == "meeting"]
    assert {p.name for p in meeting.participants if p.kind == "person"} == {"Khalid Al Suwaidi", "Nikos Petrou"}
    assert meeting.date.value == "2023-05-10"


def test_the_holder_named_after_an_office_of_a_country_is_that_person(extract):
    # The office runs on over its portfolio, the country and a second office before the name.
    text = (
        "Minister of Foreign Affairs of Peru Lucia Marroquin, on an official visit to La Paz on Monday, held talks "
        "with Deputy Prime Minister – Minister of Foreign Affairs and Regional Integration of the Plurinational State of "
        "Bolivia Rodrigo Quispe and was received by President of the Plurinational State of Bolivia Elena Mamani."
    )
    (meeting,) = extract(text)
    people = _countries_of_people(meeting)
    assert people == {"Lucia Marroquin": "PER", "Rodrigo Quispe": "BOL", "Elena Mamani": "BOL"}
    assert [p for p in meeting.participants if p.kind == "organization"] == []  # "Regional Integration" is his portfolio


def test_the_signers_named_after_the_services_they_head(extract):
    text = (
        "Head of the State Customs Service of Georgia Levan Beridze and Head of the General Directorate of Customs of "
        "Armenia Aram Petrosyan signed the agreement on joint customs control in Tbilisi on Tuesday."
    )
    (agreement,) = extract(text)
    assert _countries_of_people(agreement) == {"Levan Beridze": "GEO", "Aram Petrosyan": "ARM"}


def test_a_form_of_address_after_the_office_is_no_part_of_the_title(extract):
    text = "Indian Foreign Secretary Rajiv Menon called on Chief Adviser Professor Anwar Hossain in Dhaka on Monday."
    (meeting,) = extract(text)
    assert _people(meeting)["Anwar Hossain"].title == "Chief Adviser"


@pytest.mark.parametrize("text", [
    "Uruguayan President Ana Ferrer and Argentine President Luis Pardo met on Wednesday in Colonia, where they "
    "witnessed the signing of an agreement on the river channel.",
    "Uruguayan President Ana Ferrer and Argentine President Luis Pardo met on Wednesday in Colonia. They witnessed "
    "the signing of an agreement on the river channel.",
])
def test_they_who_witnessed_the_signing_are_those_who_met(extract, text):
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries_of_people(agreement) == {"Ana Ferrer": "URY", "Luis Pardo": "ARG"}


def test_the_name_after_an_office_set_beside_the_head_of_a_delegation(extract):
    text = (
        "Malaysia and Brunei signed an agreement on border crossings on Wednesday in Miri. It was signed by the head of "
        "the Malaysian delegation, Director General of Immigration at the Home Affairs Ministry Rosli Ahmad Tajuddin."
    )
    (agreement,) = extract(text)
    assert _countries_of_people(agreement) == {"Rosli Ahmad Tajuddin": "MYS"}


def test_the_office_before_a_comma_and_a_name_is_that_persons(extract):
    text = (
        "The President of the Republic of Cuba, Ramiro Ortega, held official talks on Tuesday at the Palace of the "
        "Revolution with the Prime Minister of the Democratic Republic of Timor-Leste, Tomas Ximenes, who is on an "
        "official visit to the island."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert _countries_of_people(meeting) == {"Ramiro Ortega": "CUB", "Tomas Ximenes": "TLS"}
    # Where they met is the palace, not the palace and the guest the parser hung on it.
    assert meeting.location is not None and meeting.location.name == "Palace of the Revolution"


def test_styles_of_address_are_no_part_of_the_office(extract):
    text = (
        "His Highness the Amir Sheikh Hamad bin Khalid Al-Nuaimi and HE President of the Kyrgyz Republic Almaz "
        "Toktogulov held official talks in Doha on Monday. After the talks, the Amir and the Kyrgyz President "
        "witnessed the signing of an agreement on air services."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert {p.name: p.title for p in meeting.participants if p.kind == "person"} == {
        "Hamad bin Khalid Al-Nuaimi": "Amir", "Almaz Toktogulov": "President",
    }
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert set(_people(agreement)) == {"Hamad bin Khalid Al-Nuaimi", "Almaz Toktogulov"}


def test_the_side_a_signer_signed_for_is_his_country(extract):
    text = (
        "Qatar and Kyrgyzstan signed an agreement on air services in Doha on Monday. It was signed on the Qatari side "
        "by Minister of State Khalid Al-Mansouri, and on the Kyrgyz side by Minister of Foreign Affairs Azamat Sydykov."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries_of_people(agreement) == {"Khalid Al-Mansouri": "QAT", "Azamat Sydykov": "KGZ"}


def test_who_attended_the_talks_in_the_passive_took_part(extract):
    # (the parser reads the list of titled names after "by" in pieces: each name is taken)
    text = (
        "His Highness the Amir Sheikh Hamad bin Khalid Al-Nuaimi and HE President of the Kyrgyz Republic Almaz "
        "Toktogulov held official talks at the Amiri Diwan this morning. The session of talks was attended by HE "
        "Deputy Prime Minister Sheikh Saud bin Hamad Al-Kuwari, and HE Minister of State for Foreign Affairs Dr. "
        "Khalid bin Rashid Al-Mansouri, along with a number of senior officials."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert {"Saud bin Hamad Al-Kuwari", "Khalid bin Rashid Al-Mansouri"} <= set(_people(meeting))


def test_every_people_of_a_list_before_the_troops_takes_part(extract):
    (exercise,) = extract("French, Australian and Fijian troops began the Southern Cross exercise in New Caledonia on Monday.")
    assert {p.country for p in exercise.participants if p.kind == "country"} == {"FRA", "AUS", "FJI"}


def test_a_peer_is_of_the_country_told_and_holds_the_same_office(extract):
    (meeting,) = extract("Uruguayan President Ana Ferrer and her Argentine peer Luis Pardo met on Wednesday in Colonia.")
    pardo = _people(meeting)["Luis Pardo"]
    assert (pardo.country, pardo.title) == ("ARG", "President")


def test_those_who_co_chaired_or_co_hosted_take_part(extract):
    (meeting,) = extract(
        "The fourth meeting of the joint commission was co-chaired by Chilean Foreign Minister Pablo Vera "
        "and Peruvian Foreign Minister Elena Soto."
    )
    assert _countries_of_people(meeting) == {"Pablo Vera": "CHL", "Elena Soto": "PER"}
    (exercise,) = extract("Chilean marines took part in Andes Shield, a peacekeeping exercise co-hosted by Peru and Bolivia, in May.")
    assert {p.country for p in exercise.participants} == {"CHL", "PER", "BOL"}


def test_names_set_off_by_commas_after_an_office_are_its_holders_and_the_witnesses_count_too(extract):
    text = (
        "The contract was signed by the Chairman and CEO of Andina Petroleum Ltd, Teodoro Wankun Saire, the "
        "Director General of the National Gas Company (NGC), Marcelo Quispe Ticona, in the presence of the "
        "Peruvian Minister of Energy, Rosa Apaza Huanca."
    )
    (agreement,) = extract(text)
    assert _offices(agreement) == {
        "Teodoro Wankun Saire": ("Chairman of Andina Petroleum Ltd", None),
        "Marcelo Quispe Ticona": ("Director General of National Gas Company", None),
        "Rosa Apaza Huanca": ("Minister of Energy", "PER"),
    }


def test_an_office_of_state_for_a_portfolio_names_its_holder_and_a_capitals_company_its_country(extract):
    text = (
        "Peru signed a 20-year contract with Abu Dhabi's Masdar on Tuesday to buy power from a wind farm. Energy "
        "Minister Pablo Vera and Masdar Chief Executive Officer Omar Saleh signed the contract in Lima. At the same ceremony, "
        "Peru's Economy Minister Rosa Apaza and the United Arab Emirates' Minister of State for Foreign Trade "
        "Khalid Al Nuaimi signed an agreement on the protection of investments."
    )
    contract, investments = sorted(extract(text), key=lambda e: e.trigger.start)
    assert {p.country for p in contract.participants} - {None} == {"PER", "ARE"}
    assert set(_people(contract)) == {"Pablo Vera", "Omar Saleh"}
    assert _offices(investments) == {
        "Rosa Apaza": ("Economy Minister", "PER"),
        "Khalid Al Nuaimi": ("Minister of State for Foreign Trade", "ARE"),
    }


def test_the_heads_of_bodies_of_several_countries_stand_for_those_countries(extract):
    (protocol,) = extract(
        "The heads of the water agencies of Chile, Peru and Bolivia signed a protocol on Wednesday setting "
        "withdrawal limits for the growing season."
    )
    assert {p.country for p in protocol.participants} == {"CHL", "PER", "BOL"}
    # a capital where officials met is not whose officials they are
    (talks,) = extract("The deal follows talks between the energy secretaries of the three countries in Lima in August.")
    assert "PER" not in {p.country for p in talks.participants}


def test_a_country_told_after_the_name_before_and_is_not_the_next_persons(extract):
    (talks,) = extract("The two foreign ministers, Pablo Vera of Chile and Elena Soto of Peru, held talks in Lima on Tuesday.")
    assert _countries_of_people(talks)["Elena Soto"] == "PER"
    # an office after "and" still takes the country told before it
    (talks,) = extract("Chinese State Councilor and Defense Minister Li Wen held talks with Pakistan's army chief in Beijing on Tuesday.")
    assert _countries_of_people(talks)["Li Wen"] == "CHN"


def test_who_acted_during_a_call_took_part_in_it_even_when_the_parser_hangs_it_on_an_object(extract):
    text = (
        "Chilean President Pablo Vera met Peruvian President Elena Soto in Arica on Friday. "
        "Vera and Soto had settled on Arica as the venue during a phone call earlier this month."
    )
    meeting, call = extract(text)
    assert [m.trigger.text for m in call.mentions] == ["call"]
    assert _countries_of_people(call) == {"Pablo Vera": "CHL", "Elena Soto": "PER"}


@pytest.mark.parametrize("name", ["Naval Staff", "Majesty", "Brig Gen", "Arab Contractors", "Bulgargaz EAD", "desert combat", "Liberation Front", "Doha"])
def test_words_the_recognizer_took_for_a_name_are_no_person(name):
    assert not _could_be_a_name(name, get_resolver())


@pytest.mark.parametrize("name", ["bin Fahd Al Busaidi", "de Vos", "Sultan bin Fahd", "Pieter De Vos", "Ana"])
def test_names_that_begin_with_a_particle_are_names(name):
    assert _could_be_a_name(name, get_resolver())


def test_a_visitor_told_beside_a_host_of_the_dateline_country_is_not_given_that_country(extract):
    text = (
        "PHNOM PENH, Jan 15 (PNA) - The Philippines and Cambodia on Thursday signed a memorandum on rice trade. "
        "Agriculture Secretary Ramon Villaluz and Cambodian Minister of Commerce Chea Sokhom signed the memorandum at the ministry, "
        "after a meeting of the two delegations. Villaluz said the Philippines would buy more Cambodian rice."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries_of_people(agreement) == {"Ramon Villaluz": "PHL", "Chea Sokhom": "KHM"}
    # two officials of the dateline's country listed together stay of it
    text = (
        "PHNOM PENH, Jan 15 (PNA) - Cambodian Prime Minister Hun Sokha received the Philippine Agriculture Secretary on Thursday. "
        "Minister of Commerce Chea Sokhom and Cambodian Minister of Agriculture Seng Vibol attended the meeting."
    )
    meeting = next(e for e in extract(text) if e.type == "meeting")
    assert _countries_of_people(meeting).get("Chea Sokhom") in ("KHM", None)


def test_the_forces_an_exercise_brought_together_from_countries_take_part(extract):
    text = (
        "The navies concluded the Blue Wave exercise in Aqaba on Wednesday. The exercise, which began on May 1, "
        "brought together units from Saudi Arabia, Egypt, Jordan and Sudan."
    )
    (exercise,) = extract(text)
    assert {p.country for p in exercise.participants} == {"SAU", "EGY", "JOR", "SDN"}


def test_who_received_a_visitor_in_a_city_is_of_its_country_when_nothing_else_says(extract):
    (meeting,) = extract("Defence Minister Batbayar Enkhjin received the Vice Chief of the Indian Army, Lieutenant General Raj Kumar, in Ulaanbaatar on Tuesday.")
    assert _countries_of_people(meeting)["Batbayar Enkhjin"] == "MNG"
    # a country told is kept
    (meeting,) = extract("Indian Defence Minister Raj Kumar received Mongolian Defence Minister Batbayar Enkhjin in Ulaanbaatar on Tuesday.")
    assert _countries_of_people(meeting)["Raj Kumar"] == "IND"


def test_a_visitor_whose_counterpart_is_of_the_dateline_country_is_not_of_it(extract):
    text = (
        "SUVA - Foreign Minister Kenji Sato wrapped up a visit to Fiji on Tuesday. Sato and his Fijian counterpart, "
        "Josefa Rabuka, signed a grant agreement for patrol boats, which Japan will fund. Japan has given Fiji aid since 1970."
    )
    agreement = next(e for e in extract(text) if e.type == "agreement")
    assert _countries_of_people(agreement) == {"Kenji Sato": "JPN", "Josefa Rabuka": "FJI"}


def test_whom_a_visitor_paid_a_courtesy_call_on_is_the_host(extract):
    (call,) = extract("The Malaysian prime minister paid a courtesy call on Singapore President Ong Kah Wee at the Istana on Tuesday.")
    assert _countries_of_people(call)["Ong Kah Wee"] == "SGP" and {p.country for p in call.participants} == {"MYS", "SGP"}
