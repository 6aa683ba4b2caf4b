"""Country, organisation and place normalization: lookup, find_in, the spaCy component."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pycountry
import pytest
import spacy

from service.extraction import country_aliases as tables
from service.extraction.countries import CountryResolver, PlaceMatch, get_resolver

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("EVENTEX_SHARED", REPOSITORY.parent / "shared"))


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    return get_resolver()


def code_of(resolver: CountryResolver, phrase: str, label: str | None = None) -> str | None:
    match = resolver.lookup(phrase, label)
    return match.code if match else None


def found(resolver: CountryResolver, text: str) -> list[tuple[str, str | None]]:
    """(text as written at the match offsets, code) for every place find_in reports."""
    return [(text[m.start:m.end], m.code) for m in resolver.find_in(text)]


# -- lookup -----------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "code"), [
    ("Iran", "IRN"),
    ("the Islamic Republic of Iran", "IRN"),
    ("the Republic of Azerbaijan", "AZE"),
    ("Russia", "RUS"),
    ("the Russian Federation", "RUS"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Syria", "SYR"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("Taiwan", "TWN"),
    ("Palestine", "PSE"),
    ("the Palestinian territories", "PSE"),
    ("Kosovo", "XKX"),
    ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote d’Ivoire", "CIV"),
    ("Czech Republic", "CZE"),
    ("Czechia", "CZE"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Turkiye", "TUR"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("the Holy See", "VAT"),
    ("Vatican", "VAT"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("the United Kingdom", "GBR"),
    ("America", "USA"),
    ("the United States of America", "USA"),
    ("Democratic Republic of Congo", "COD"),
    ("Republic of the Congo", "COG"),
    ("Congo Republic", "COG"),
    ("Congo", "COD"),
    ("St. Kitts and Nevis", "KNA"),
    ("Trinidad & Tobago", "TTO"),
    ("São Tomé and Príncipe", "STP"),
    ("Eswatini", "SWZ"),
    ("Swaziland", "SWZ"),
    ("the Gambia", "GMB"),
    ("UNITED STATES", "USA"),
])
def test_names_and_long_forms(resolver, phrase, code):
    match = resolver.lookup(phrase)
    assert match is not None, phrase
    assert (match.kind, match.code) == ("country", code)


@pytest.mark.parametrize(("phrase", "code"), [
    ("U.S.", "USA"), ("US", "USA"), ("USA", "USA"), ("U.S.A.", "USA"),
    ("UK", "GBR"), ("U.K.", "GBR"), ("DPRK", "PRK"), ("ROK", "KOR"),
    ("UAE", "ARE"), ("PRC", "CHN"), ("DRC", "COD"),
])
def test_abbreviations(resolver, phrase, code):
    assert code_of(resolver, phrase) == code


@pytest.mark.parametrize(("phrase", "code"), [
    ("Turkmen", "TKM"), ("Azerbaijani", "AZE"), ("Azeri", "AZE"), ("Iranian", "IRN"),
    ("Iranians", "IRN"), ("Pakistanis", "PAK"), ("Germans", "DEU"), ("Filipino", "PHL"),
    ("Guinean", "GIN"), ("Papua New Guinean", "PNG"), ("Bissau-Guinean", "GNB"),
    ("Equatorial Guinean", "GNQ"), ("Nigerian", "NGA"), ("Nigerien", "NER"),
    ("Sudanese", "SDN"), ("South Sudanese", "SSD"), ("South Korean", "KOR"),
    ("North Korean", "PRK"), ("Dominican", "DOM"), ("Congolese", "COD"),
    ("Samoan", "WSM"), ("American Samoan", "ASM"), ("Swiss", "CHE"), ("Kosovar", "XKX"),
    ("Vanuatuan", "VUT"), ("Ecuadorean", "ECU"), ("Ecuadorian", "ECU"),
])
def test_demonyms(resolver, phrase, code):
    match = resolver.lookup(phrase)
    assert match is not None, phrase
    assert (match.kind, match.code) == ("demonym", code)


def test_a_demonym_is_named_after_its_country(resolver):
    assert resolver.lookup("Azerbaijani").name == "Azerbaijan"


def test_korean_alone_is_left_unresolved(resolver):
    assert resolver.lookup("Korean") is None
    assert resolver.lookup("Koreans") is None
    assert resolver.lookup("Korea") is None


@pytest.mark.parametrize(("phrase", "code", "name"), [
    ("Tehran", "IRN", "Tehran"), ("Baku", "AZE", "Baku"), ("Ashgabat", "TKM", "Ashgabat"),
    ("Ashkhabad", "TKM", "Ashgabat"), ("Kyiv", "UKR", "Kyiv"), ("Kiev", "UKR", "Kyiv"),
    ("Beijing", "CHN", "Beijing"), ("Pyongyang", "PRK", "Pyongyang"), ("Seoul", "KOR", "Seoul"),
    ("Washington", "USA", "Washington"), ("Washington, D.C.", "USA", "Washington"),
    ("The Hague", "NLD", "The Hague"), ("Pretoria", "ZAF", "Pretoria"),
    ("Bogotá", "COL", "Bogotá"), ("Bogota", "COL", "Bogotá"), ("Pristina", "XKX", "Pristina"),
])
def test_capitals_stand_for_their_country(resolver, phrase, code, name):
    assert resolver.lookup(phrase) == PlaceMatch("capital", code, name)


@pytest.mark.parametrize(("phrase", "code"), [
    ("the Kremlin", "RUS"), ("the White House", "USA"), ("the Pentagon", "USA"),
    ("Downing Street", "GBR"),
])
def test_government_metonyms(resolver, phrase, code):
    assert code_of(resolver, phrase) == code


@pytest.mark.parametrize(("phrase", "name"), [
    ("the United Nations", "United Nations"), ("UN", "United Nations"), ("U.N.", "United Nations"),
    ("NATO", "NATO"), ("EU", "European Union"), ("the European Union", "European Union"),
    ("ECO", "Economic Cooperation Organization"),
    ("the Economic Cooperation Organization", "Economic Cooperation Organization"),
    ("ASEAN", "ASEAN"), ("the African Union", "African Union"), ("OPEC", "OPEC"),
    ("IAEA", "IAEA"), ("WHO", "World Health Organization"),
    ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
    ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
    ("BRICS", "BRICS"), ("G7", "G7"), ("G-20", "G20"), ("Group of 20", "G20"),
])
def test_organisations_have_no_country(resolver, phrase, name):
    assert resolver.lookup(phrase) == PlaceMatch("organization", None, name)


@pytest.mark.parametrize("phrase", [
    "us", "who", "turkey", "china", "chad", "jordan", "georgia", "niger", "guinea", "polish",
    "white house", "un",
])
def test_common_words_in_lower_case_are_not_places(resolver, phrase):
    assert resolver.lookup(phrase) is None


def test_one_word_names_in_headline_capitals_resolve(resolver):
    assert code_of(resolver, "CHAD") == "TCD"
    assert code_of(resolver, "IRAN") == "IRN"


@pytest.mark.parametrize("phrase", ["Iran's", "Iran’s", "the Kremlin's", "Iran,", "(Iran)", "Iran."])
def test_possessives_and_punctuation_are_ignored(resolver, phrase):
    assert code_of(resolver, phrase) in ("IRN", "RUS")


def test_the_label_from_ner_settles_names_that_are_also_people(resolver):
    assert code_of(resolver, "Jordan") == "JOR"
    assert resolver.lookup("Jordan", label="PERSON") is None
    assert code_of(resolver, "Jordan", label="GPE") == "JOR"


def test_capitals_that_are_common_names_need_a_place_label(resolver):
    assert resolver.lookup("Victoria") is None
    assert resolver.lookup("Victoria", label="PERSON") is None
    assert code_of(resolver, "Victoria", label="GPE") == "SYC"
    assert code_of(resolver, "Male", label="LOC") == "MDV"


@pytest.mark.parametrize(("phrase", "kind"), [
    ("South China Sea", "region"), ("Latin American", "region"), ("Middle East", "region"),
    ("Soviet Union", "region"), ("Crimea", "region"),
])
def test_regions_have_no_country(resolver, phrase, kind):
    match = resolver.lookup(phrase)
    assert match is not None and (match.kind, match.code) == (kind, None)


def test_phrases_that_only_contain_a_country_word_are_not_places(resolver):
    assert resolver.lookup("New Mexico") is None
    assert resolver.lookup("the Washington Post") is None


def test_name_of_gives_the_common_short_name(resolver):
    assert resolver.name_of("IRN") == "Iran"
    assert resolver.name_of("KOR") == "South Korea"
    assert resolver.name_of("RUS") == "Russia"
    assert resolver.name_of("XKX") == "Kosovo"
    assert resolver.name_of("irn") == "Iran"
    assert resolver.name_of("ZZZ") is None


# -- coverage and consistency of the tables ----------------------------------------------

def test_every_iso_country_is_reachable_by_its_names(resolver):
    unreachable = []
    for country in pycountry.countries:
        common = getattr(country, "common_name", None) or country.name
        for name in (common, country.name, resolver.name_of(country.alpha_3)):
            if tables.AMBIGUOUS.get(name, country.alpha_3) != country.alpha_3:
                continue  # settled for the other country on purpose ("Congo" is the DR Congo in news)
            if code_of(resolver, name) != country.alpha_3:
                unreachable.append((country.alpha_3, name, code_of(resolver, name)))
    assert unreachable == []


def test_every_official_long_name_resolves(resolver):
    wrong = [(c.alpha_3, c.official_name) for c in pycountry.countries
             if hasattr(c, "official_name") and code_of(resolver, c.official_name) != c.alpha_3]
    assert wrong == []


def test_tables_use_only_real_codes():
    known = {c.alpha_3 for c in pycountry.countries} | {tables.KOSOVO}
    for table in (tables.NAMES, tables.ABBREVIATIONS, tables.DEMONYMS, tables.CAPITALS,
                  tables.GOVERNMENT_METONYMS, tables.COMMON_NAMES):
        assert set(table) - known == set()


def test_every_country_with_a_capital_has_it_resolvable(resolver):
    for code, capitals in tables.CAPITALS.items():
        for capital in capitals:
            label = "GPE" if capital in tables.LABEL_ONLY_CAPITALS else None
            assert code_of(resolver, capital, label) == code, capital


def test_no_demonym_maps_to_two_countries_silently(resolver):
    listed: dict[str, set[str]] = {}
    for code, demonyms in tables.DEMONYMS.items():
        for demonym in demonyms:
            listed.setdefault(demonym, set()).add(code)
    shared = {word: codes for word, codes in listed.items() if len(codes) > 1}
    assert shared, "the tables list at least Dominican and Congolese under two countries"
    for word, codes in shared.items():
        assert word in tables.AMBIGUOUS, f"{word} is listed under {sorted(codes)} but not settled"
        assert code_of(resolver, word) == tables.AMBIGUOUS[word]


def test_an_unsettled_ambiguity_stops_the_build(monkeypatch):
    demonyms = dict(tables.DEMONYMS)
    demonyms["AUT"] = (*demonyms["AUT"], "Swiss")
    monkeypatch.setattr(tables, "DEMONYMS", demonyms)
    with pytest.raises(ValueError, match="Swiss"):
        CountryResolver()


# -- find_in ----------------------------------------------------------------------------

def test_find_in_gives_exact_offsets(resolver):
    text = ("Officials in Tehran and Baku said the Turkmen gas deal, signed in Ashgabat, "
            "would also help the Islamic Republic of Iran's northern provinces.")
    assert found(resolver, text) == [
        ("Tehran", "IRN"), ("Baku", "AZE"), ("Turkmen", "TKM"), ("Ashgabat", "TKM"),
        ("Islamic Republic of Iran", "IRN"),
    ]


def test_find_in_prefers_the_longest_match(resolver):
    text = "Papua New Guinean sailors crossed the South China Sea with Latin American observers."
    assert found(resolver, text) == [
        ("Papua New Guinean", "PNG"), ("South China Sea", None), ("Latin American", None),
    ]


def test_find_in_splits_hyphenated_and_abbreviated_names(resolver):
    text = "The U.S.-led drills followed Iran-Azerbaijan talks and U.S.-South Korean exercises."
    assert found(resolver, text) == [
        ("U.S.", "USA"), ("Iran", "IRN"), ("Azerbaijan", "AZE"), ("U.S.", "USA"), ("South Korean", "KOR"),
    ]


def test_find_in_reads_combining_forms(resolver):
    assert found(resolver, "a Sino-Russian pact and Russo-Ukrainian talks") == [
        ("Sino", "CHN"), ("Russian", "RUS"), ("Russo", "RUS"), ("Ukrainian", "UKR"),
    ]


def test_find_in_stays_on_word_boundaries(resolver):
    assert found(resolver, "Iranians praised the Omanis, not the Romanians.") == [
        ("Iranians", "IRN"), ("Omanis", "OMN"), ("Romanians", "ROU"),
    ]
    assert found(resolver, "The Turkmenistan delegation") == [("Turkmenistan", "TKM")]


def test_find_in_skips_common_words_in_lower_case(resolver):
    text = "Tell us who cooked the turkey on the china plates, said Chad, the new chairman."
    assert found(resolver, text) == [("Chad", "TCD")]


def test_find_in_leaves_out_capitals_that_need_a_label(resolver):
    assert found(resolver, "Victoria and Hamilton spoke to the Seychelles envoy.") == [("Seychelles", "SYC")]


def test_find_in_finds_the_country_inside_a_state_body(resolver):
    text = "the Army of the Islamic Republic of Iran and the Ministry of Defense of the Republic of Azerbaijan"
    assert found(resolver, text) == [("Islamic Republic of Iran", "IRN"), ("Republic of Azerbaijan", "AZE")]


def test_find_in_reports_organisations_without_a_code(resolver):
    text = "NATO, the EU and the Shanghai Cooperation Organisation met the UN envoy."
    assert [(m.kind, m.name) for m in resolver.find_in(text)] == [
        ("organization", "NATO"), ("organization", "European Union"),
        ("organization", "Shanghai Cooperation Organization"), ("organization", "United Nations"),
    ]


def test_find_in_needs_a_capital_letter_in_a_long_name(resolver):
    assert found(resolver, "Troops left east Jerusalem for southern Africa.") == [
        ("east Jerusalem", None), ("southern Africa", None),
    ]
    assert found(resolver, "a white house near the gulf states") == []


def test_find_in_does_not_take_a_us_state_for_a_country(resolver):
    assert found(resolver, "Storms hit New Mexico and the state of Georgia.") == []


# -- the spaCy component ------------------------------------------------------------------

@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("eventex_places")
    return nlp


def test_component_marks_places_with_char_offsets(blank_nlp):
    text = "Iran's navy and the U.S. Navy held talks in Doha with NATO officers from Türkiye."
    doc = blank_nlp(text)
    assert [(text[m.start:m.end], m.kind, m.code) for m in doc._.places] == [
        ("Iran", "country", "IRN"), ("U.S.", "country", "USA"), ("Doha", "capital", "QAT"),
        ("NATO", "organization", None), ("Türkiye", "country", "TUR"),
    ]


def test_component_handles_abbreviations_glued_to_a_hyphen(blank_nlp):
    text = "U.S.-South Korean drills and U.K.-based monitors"
    doc = blank_nlp(text)
    assert [(text[m.start:m.end], m.code) for m in doc._.places] == [
        ("U.S.", "USA"), ("South Korean", "KOR"), ("U.K.", "GBR"),
    ]


def test_component_finds_a_demonym_left_with_its_hyphen(blank_nlp):
    text = "Tariffs on Mexican- and Brazilian-grown coffee"
    assert [(text[m.start:m.end], m.code) for m in blank_nlp(text)._.places] == [
        ("Mexican", "MEX"), ("Brazilian", "BRA"),
    ]


@pytest.mark.parametrize("text", [
    "Tehran and Baku signed a gas swap with the Turkmen side in Ashgabat on Sunday.",
    "The Kremlin and the White House traded barbs while Downing Street stayed silent.",
    "The Economic Cooperation Organization met in the Republic of Azerbaijan's capital.",
    "Guinea-Bissau, Equatorial Guinea and Papua New Guinea sent Guinean-born envoys.",
    "tell us, who said turkey and china were cheap in Georgia, the Gambia and Côte d’Ivoire?",
    "The People's Republic of China and the DPRK warned the ROK over the East China Sea.",
    "Troops left east Jerusalem while the world court and the state of Georgia stayed out.",
])
def test_component_and_find_in_agree(blank_nlp, resolver, text):
    doc = blank_nlp(text)
    assert doc._.places == resolver.find_in(text)


def test_component_leaves_places_empty_when_there_are_none(blank_nlp):
    assert blank_nlp("Nothing here names a country.")._.places == []


# -- the shared seed article ----------------------------------------------------------------

@pytest.mark.shared
def test_seed_article_mentions_every_reference_country(resolver):
    article = SHARED_DIR / "samples" / "iran-azerbaijan.txt"
    gold = SHARED_DIR / "samples" / "iran-azerbaijan.gold.json"
    if not (article.is_file() and gold.is_file()):
        reason = f"the shared seed article is absent under {SHARED_DIR}; set EVENTEX_SHARED"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    text = article.read_text(encoding="utf-8")
    expected = {code for event in json.loads(gold.read_text(encoding="utf-8"))["events"] for code in event["countries"]}
    matches = resolver.find_in(text)
    assert expected <= {m.code for m in matches}
    assert all(text[m.start:m.end] for m in matches)


@pytest.mark.shared
def test_component_and_find_in_agree_on_real_news(blank_nlp, resolver):
    corpus = SHARED_DIR / "corpus" / "voa-stories.jsonl"
    if not corpus.is_file():
        reason = f"the shared news corpus is absent ({corpus}); set EVENTEX_SHARED"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    stories = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    disagreements = [story[:60] for story in stories if blank_nlp(story)._.places != resolver.find_in(story)]
    assert disagreements == []
