"""The ``eventex_names`` component: people's names the entity recognizer missed or glued to a place.

The small English model often reads "the Republic of Uzbekistan Rustam Nazarov" as one place,
"Rear Admiral Vikram Menon" as an organisation, or leaves "President Rustam Nazarov" without a
PERSON. Four repairs, run after ``eventex_places``:

- an entity that is a place followed by two to four capitalized words becomes the place and a PERSON;
- an entity that is a title ("Rear Admiral", "Indian Army Chief") followed by two to four
  capitalized words becomes a PERSON of those words;
- two to four capitalized words right after a title word ("President", "Minister") with no
  entity of their own become a PERSON;
- a name cut at a hyphen ("Park Jae-") runs to the end of the word ("Park Jae-hoon").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.extraction import lexicon as lx

_MAX_NAME_TOKENS = 4


# Words that end an organisation's name, not a person's: "Chief of Staff Army Command".
_ORGANIZATION_WORDS = lx.SINGULAR_ORG_HEADS | lx.GROUP_HEADS | lx.COMPANY_HEADS | {"navy", "army", "fleet", "command", "corps", "guard"}


@Language.factory("eventex_names")
def make_names_component(nlp: Language, name: str) -> "NameRepair":
    return NameRepair()


class NameRepair:
    def __call__(self, doc: Doc) -> Doc:
        places = doc._.places if doc.has_extension("places") and doc._.places else []
        place_ends = {p.end for p in places}
        place_start_by_end = {p.end: p.start for p in places}
        place_starts = {p.start for p in places}
        place_spans = {(p.start, p.end) for p in places}
        exercise_names = _names_before_exercise_words(doc)
        entities: list[Span] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) in place_spans:
                continue  # "Côte d'Ivoire" read as a person's name
            if ent.label_ == "PERSON" and (_bare(ent.text) in exercise_names or any(c.isdigit() for c in ent.text)):
                continue  # "the Naseem Al Bahr exercise", "Embraer C-390": a name, but no person's
            if ent.label_ == "PERSON" and _a_ship(doc, ent):
                continue  # "the French frigate Languedoc", "HMCS Ville de Québec": a ship's name
            if ent.label_ == "PERSON" and all(t.lower_ in lx.TITLE_WORDS or t.lower_ == "and" for t in ent):
                continue  # "Ambassador | Extraordinary | and Plenipotentiary": a rank, not a name
            if ent.label_ == "PERSON" and ent.end < len(doc) and doc[ent.end].lower_ in lx.PERSON_TITLE_HEADS:
                continue  # "Kazakh Defence | Minister ...", "Armed Forces | Minister ...": a title, not a name
            if ent.label_ == "PERSON":
                ent = _without_headline_words(_with_trailing_name(doc, _whole_hyphenated_name(doc, _without_leading_place(doc, ent, place_ends)), place_starts))
                ent = _with_given_name_after_title(doc, _without_leading_office(doc, ent), place_ends, place_start_by_end)
            if ent.label_ == "ORG" and _a_name_beside_a_name(ent) or ent.label_ in _MISREAD_NAME_LABELS and _a_name_after_a_title(ent, place_starts):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            entities.extend(_split_place_and_name(doc, ent, place_ends))
        entities = _names_after_titles(doc, entities, {p.start for p in places}, {p.start: p.end for p in places})
        entities = _names_after_titles_and_a_comma(doc, entities, place_starts)
        entities = _surnames_of_named_people(doc, entities, place_starts)
        doc.ents = _adjacent_names_joined(doc, sorted(entities, key=lambda e: e.start))
        return doc


def _adjacent_names_joined(doc: Doc, entities: list[Span]) -> list[Span]:
    """"Datuk Seri Rosli | Abdul Hamid": two names with nothing between them are one person's."""
    joined: list[Span] = []
    for ent in entities:
        last = joined[-1] if joined else None
        if (
            last is not None and last.label_ == ent.label_ == "PERSON" and last.end == ent.start
            and ent.end - last.start <= _MAX_NAME_TOKENS + 2 and doc[last.end - 1].whitespace_
        ):
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            joined.append(ent)
    return joined


# What the recognizer calls a person's name it does not know: "Premier Han Zhiming" a place.
_MISREAD_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC"})


def _shaped_like_a_name(ent: Span) -> bool:
    """Two to four capitalized words, none an organisation's or a portfolio's."""
    words = [t for t in ent if t.text != "-"]
    if not 2 <= len(words) <= _MAX_NAME_TOKENS or not all(t.is_title and t.is_alpha for t in words):
        return False
    return not any(t.lower_ in _ORGANIZATION_WORDS | lx.PORTFOLIO_WORDS for t in words)


def _a_name_after_a_title(ent: Span, place_starts: set[int]) -> bool:
    """"his Panamanian counterpart Ricardo Ábrego Castillo", "Chinese Premier Han Zhiming": a name the
    recognizer took for an organisation or a place (none the country table knows), written right after
    a title word and shaped like a name, is a person's."""
    return (
        ent.start > 0 and ent.doc[ent.start - 1].lower_ in lx.PERSON_TITLE_HEADS and ent.start_char not in place_starts
        and _shaped_like_a_name(ent)
    )


def _a_name_beside_a_name(ent: Span) -> bool:
    """"Burundi's Edouard Ndikumana and Rwanda's Jean-Paul Habineza": a name the recognizer took for an
    organisation, coordinated with a person's name and shaped like one, is a person's name too."""
    if not _shaped_like_a_name(ent):
        return False
    root = ent.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    return any(p.ent_type_ == "PERSON" for p in partners)


def _surnames_of_named_people(doc: Doc, entities: list[Span], place_starts: set[int]) -> list[Span]:
    """"Ousmane Diatta ... Diatta, who was named mediator": a lone word that is the family name of
    a person the story named in full is that person, whatever other label the recognizer gave it."""
    surnames = {e[-1].text for e in entities if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title}
    if not surnames:
        return entities
    by_token = {i: n for n, e in enumerate(entities) for i in range(e.start, e.end)}
    result = list(entities)
    # "Naana Opoku-Mensah ... Opoku-Mensah said": a hyphenated family name, several tokens long
    hyphenated = {e.text.split()[-1] for e in entities if e.label_ == "PERSON" and len(e.text.split()) >= 2 and "-" in e.text.split()[-1]}
    for n, ent in enumerate(entities):
        if ent.label_ in ("ORG", "NORP", "GPE", "PRODUCT", "FAC", "WORK_OF_ART") and ent.text in hyphenated and ent.start_char not in place_starts:
            result[n] = Span(doc, ent.start, ent.end, label="PERSON")
    for token in doc:
        if token.text not in surnames or token.pos_ != "PROPN" or token.idx in place_starts:
            continue
        number = by_token.get(token.i)
        if number is None and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN") and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN"):
            result.append(Span(doc, token.i, token.i + 1, label="PERSON"))
        elif number is not None and len(entities[number]) == 1 and entities[number].label_ in ("PRODUCT", "ORG", "WORK_OF_ART", "FAC", "NORP", "GPE"):
            result[number] = Span(doc, token.i, token.i + 1, label="PERSON")
    return result


_EXERCISE_WORDS = frozenset({"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "games"})
_QUOTES = "'\"‘’“” "


_VESSEL_WORDS = frozenset({
    "frigate", "corvette", "destroyer", "cruiser", "submarine", "vessel", "ship", "carrier", "tanker",
    "minesweeper", "minehunter", "boat", "cutter", "flagship", "warship", "oiler",
})
# Hull prefixes of navies: "USS Dewey", "HMCS Ville de Québec", "BRP Miguel Malvar", "INS Kochi".
_HULL_PREFIXES = frozenset({
    "uss", "hms", "hmcs", "hmas", "hmnzs", "ins", "brp", "kri", "rss", "fs", "ens", "roks", "js", "tcg", "its",
    "hnlms", "hdms", "pns", "nrp", "sps", "ara", "bap", "arc", "kd", "htms", "cns", "ffg",
    "rsv", "rrs", "rv", "mv", "cgc", "usns", "usgc",
})


_SHIP_WORDS = _VESSEL_WORDS | _HULL_PREFIXES


def _a_ship(doc: Doc, ent: Span) -> bool:
    before = {t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]}
    return ent[0].lower_ in _HULL_PREFIXES or bool(before & _SHIP_WORDS)


def _bare(name: str) -> str:
    return name.strip(_QUOTES)


def _names_before_exercise_words(doc: Doc) -> set[str]:
    """The one to four words the story writes right before an exercise word ("Naseem Al Bahr
    exercise", "the 'Sea Breeze' drills"): a name there names the exercise wherever it stands,
    not a person."""
    names: set[str] = set()
    for token in doc:
        if token.lower_ not in _EXERCISE_WORDS or token.i == 0:
            continue
        end = token.i - 1 if doc[token.i - 1].text in _QUOTES.strip() else token.i
        for start in range(max(0, end - _MAX_NAME_TOKENS), end):
            names.add(_bare(doc[start:end].text))
    return names


# Words of a headline in title case that the recognizer runs on into a name: "Liang Wenbo Holds
# Talks with ...", "Hnatiuk Meets Thill".
_HEADLINE_WORDS = lx.MEETING_NOUNS | lx.EXERCISE_NOUNS | lx.AGREEMENT_NOUNS | {"talks", "holds", "meets", "signs", "visits", "receives", "hosts"}


def _without_headline_words(ent: Span) -> Span:
    """The name without the headline's verb and what follows it ("Liang Wenbo Holds Talks" → "Liang Wenbo")."""
    for token in ent[1:]:
        if token.lower_ in _HEADLINE_WORDS:
            return Span(ent.doc, ent.start, token.i, label=ent.label_)
    return ent


def _whole_hyphenated_name(doc: Doc, ent: Span) -> Span:
    """"Park Jae-" → "Park Jae-hoon": a given name split at its hyphen ends where the word does."""
    end = ent.end
    if doc[end - 1].text == "-" and end < len(doc) and doc[end].is_alpha and not doc[end - 1].whitespace_:
        end += 1
    elif end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    if end == ent.end or any(doc[i].ent_type_ and doc[i].ent_type_ != "PERSON" for i in range(ent.end, end)):
        return ent
    return Span(doc, ent.start, end, label="PERSON")


def _without_leading_place(doc: Doc, ent: Span, place_ends: set[int]) -> Span:
    """"... of the Hashemite Kingdom of Jordan Nasser Al-Majali": a name the recognizer ran on
    from the country before it starts after the country."""
    for token in ent[:-2]:
        if token.idx + len(token.text) in place_ends:
            return _name_from(doc, token.i + 1, ent.end) or ent
    return ent


def _with_trailing_name(doc: Doc, ent: Span, place_starts: set[int]) -> Span:
    """"Ratu Josefa | Naivalu": a name the recognizer ended a word early runs on over the capitalised
    name words right after it (not a place, a title or another entity)."""
    end = ent.end
    while end < len(doc) and end - ent.start < _MAX_NAME_TOKENS and not doc[end].ent_type_ and doc[end].pos_ == "PROPN" \
            and _in_a_name(doc[end]) and doc[end].text != "-" and doc[end].idx not in place_starts and doc[end - 1].whitespace_:
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


_NOT_GIVEN_NAMES = lx.PORTFOLIO_WORDS | _ORGANIZATION_WORDS | lx.NAME_PREFIXES


def _with_given_name_after_title(doc: Doc, ent: Span, place_ends: set[int], place_start_by_end: dict[int, int]) -> Span:
    """"Foreign Minister Moses | Kagoro": a name the recognizer began a word late starts right after
    the title (or where the envoy serves: "Turkish Ambassador to Kyrgyzstan Mehmet | Kaya"), over the
    capitalised name words with no entity of their own."""
    start = ent.start
    while start > 0 and ent.end - start < _MAX_NAME_TOKENS and not doc[start - 1].ent_type_ and _is_name_word(doc[start - 1]) \
            and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_.rstrip(".") not in _NOT_GIVEN_NAMES and start not in place_ends:
        start -= 1
    if start == ent.start or start == 0:
        return ent
    before = doc[start - 1]
    if before.lower_ not in lx.TITLE_WORDS | lx.PERSON_TITLE_HEADS and not _an_envoys_posting(doc, before, place_start_by_end):
        return ent
    return Span(doc, start, ent.end, label="PERSON")


def _an_envoys_posting(doc: Doc, token: Token, place_start_by_end: dict[int, int]) -> bool:
    """Whether a token ends the place an envoy is posted to: "Ambassador to [the] Kyrgyzstan"."""
    place_start = place_start_by_end.get(token.idx + len(token.text))
    span = doc.char_span(place_start, token.idx + len(token.text), alignment_mode="expand") if place_start is not None else None
    return span is not None and posted_to(doc, span.start) is not None


def posted_to(doc: Doc, place_start: int) -> int | None:
    """The index of "to" when the place that begins at token ``place_start`` is where an envoy is
    posted ("Ambassador to [the] Malaysia"), else None."""
    i = place_start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i if i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ in lx.ENVOY_TITLES else None


_RANKS = frozenset({"extraordinary", "plenipotentiary"})


def title_of_rank(token: Token) -> str | None:
    """"Ambassador Extraordinary and Plenipotentiary ...": the parser heads the title with the rank;
    the title word it stands for."""
    if token.lower_ not in _RANKS:
        return None
    return next((c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in lx.PERSON_TITLE_HEADS), None)


def _is_name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.lower_ not in lx.TITLE_WORDS and token.pos_ in ("PROPN", "NOUN", "X")


def _honorific(token: Token) -> bool:
    return token.is_title and token.lower_.rstrip(".") in lx.HONORIFICS


def _split_place_and_name(doc: Doc, ent: Span, place_ends: set[int]) -> list[Span]:
    if ent.label_ not in ("GPE", "ORG", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"):
        return [ent]
    if _honorific(ent[0]):
        # "Mallam Sani Abdullahi" read as an organisation: a form of address starts a person's name
        name = _name_from(doc, ent.start + 1 + (ent[1].text == "." if len(ent) > 1 else 0), ent.end)
        return [name] if name is not None else [ent]
    if ent.label_ in ("PRODUCT", "WORK_OF_ART"):
        return [ent]
    followed_by_title = ent.end < len(doc) and doc[ent.end].lower_ in lx.PERSON_TITLE_HEADS
    # "Secretary of the Department of Foreign Affairs Kila Tamarua": an office's name run on into its holder's
    of_an_office = _inside_an_office(doc, ent.start)
    for token in ent[:-2]:
        after_place = token.idx + len(token.text) in place_ends
        after_title = token.lower_ in lx.PERSON_TITLE_HEADS and token.is_title
        after_office = of_an_office and token.lower_ in (lx.PORTFOLIO_WORDS | _ORGANIZATION_WORDS) - {"and", "the"}
        if not (after_place or after_title or after_office):
            continue
        name_start = token.i + 1
        if after_place and doc[name_start].lower_ in ("'s", "’s"):
            name_start += 1  # "Senegal's Ousmane Diatta" read as one organisation
        name = None if followed_by_title else _name_from(doc, name_start, ent.end)
        if name is not None:
            return [Span(doc, ent.start, token.i + 1, label=ent.label_), name] if after_place or after_office else [name]
    return [ent]


def _inside_an_office(doc: Doc, i: int) -> bool:
    """Token ``i`` comes after "Title of" and the portfolio words so far ("Secretary of | the
    Department", "Minister of Energy and | Mines")."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in lx.PORTFOLIO_WORDS:
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in lx.PERSON_TITLE_HEADS


def _without_leading_office(doc: Doc, ent: Span) -> Span:
    """"Minister of Energy and Mines Bounthanh Keomany", "Minister of Energy Transition Datuk Rosli
    Kamaruddin": the recognizer ran the end of the office, or a style, into the holder's name."""
    if not _inside_an_office(doc, ent.start):
        return ent
    start = ent.start
    while start < ent.end and (doc[start].lower_ in lx.PORTFOLIO_WORDS or doc[start].lower_.rstrip(".") in lx.NAME_PREFIXES):
        start += 1
    return (_name_from(doc, start, ent.end) or ent) if start > ent.start else ent


def _name_from(doc: Doc, start: int, end: int) -> Span | None:
    """The words from start to end as a PERSON, when they can be a name: two to four name words."""
    if 2 <= end - start <= _MAX_NAME_TOKENS and all(_in_a_name(t) for t in doc[start:end]):
        return Span(doc, start, end, label="PERSON")
    return None


def _in_a_name(token: Token) -> bool:
    if token.text == "-":
        return True
    return _is_name_word(token) and token.lower_ not in lx.PORTFOLIO_WORDS and token.lower_ not in _ORGANIZATION_WORDS


_DIPLOMATIC_RANK = _RANKS | {"and"}


def _past_a_place(doc: Doc, i: int, place_ends: dict[int, int]) -> int:
    """The token after a place that starts at ``i`` ("Peru", "the Republic of Colombia"), else ``i``."""
    if i < len(doc) and doc[i].idx in place_ends:
        return doc.char_span(doc[i].idx, place_ends[doc[i].idx], alignment_mode="expand").end
    if i + 1 < len(doc) and doc[i].lower_ == "the" and doc[i + 1].idx in place_ends:
        return doc.char_span(doc[i + 1].idx, place_ends[doc[i + 1].idx], alignment_mode="expand").end
    return i


def _a_word_of_the_office(doc: Doc, i: int, place_ends: dict[int, int]) -> bool:
    """"Foreign Affairs and European Integration", "the Home Affairs Ministry"; not "the Republic of
    Colombia", a place."""
    token = doc[i]
    if token.lower_ == "the":
        return _past_a_place(doc, i, place_ends) == i
    if token.lower_ in lx.PORTFOLIO_WORDS:
        return True
    return token.lower_ in _ORGANIZATION_WORDS and token.is_title and token.idx not in place_ends


def _past_an_office(doc: Doc, i: int, place_ends: dict[int, int]) -> int:
    """From just after the "of" of a title, past the portfolio, the office and the country it is
    of ("Foreign Affairs of Ukraine", "the State Border Guard Service of Ukraine", "Immigration at the
    Home Affairs Ministry", "the Republic of Moldova") to where the holder's name may begin."""
    for _ in range(4):
        first = i
        while i < len(doc) and _a_word_of_the_office(doc, i, place_ends):
            i += 1
        after = _past_a_place(doc, i, place_ends)
        if after == i and i < len(doc) and doc[i].ent_type_ == "ORG":
            after = i + 1
            while after < len(doc) and doc[after].ent_iob_ == "I":
                after += 1
        i = after
        if i == first:
            return i
        if i + 1 < len(doc) and doc[i].lower_ in ("of", "at", "for"):
            i += 1  # ("Minister of State for Foreign Trade")
        elif doc[i - 1].lower_ != "of":  # (an organisation's name the recognizer ran on over "of")
            return i
    return i


_DASHES = frozenset({"-", "–", "—"})


def after_title(doc: Doc, i: int, place_ends: dict[int, int]) -> int:
    """Where the holder's name may begin after the title word at ``i``: past its rank, its office and
    country and where an envoy is posted ("Minister of Economy | Abdulla Al Shamsi", "President of the
    Republic of Peru | Elena Soto", "Deputy Prime Minister – Minister of Foreign Affairs of Moldova |
    Ion Cebotari"). ``place_ends`` maps the start of each place (in characters) to its end."""
    end = i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ in lx.TITLE_WORDS - _RANKS and not doc[end + 1].is_lower:
        return after_title(doc, end + 1, place_ends)  # "Chairman and CEO of Sonatrach | Noureddine Belkacemi"
    while end + 1 < len(doc) and doc[end].lower_ in _DIPLOMATIC_RANK:
        end += 1  # "Ambassador Extraordinary and Plenipotentiary of Japan Kenji Sato"
    if end < len(doc) and doc[end].lower_ == "of":
        end = _past_an_office(doc, end + 1, place_ends)
        # "Ambassador of Kazakhstan to the Kyrgyz Republic Serik Tulegenov": past where he is posted.
        if end < len(doc) and doc[end].lower_ == "to" and (after := _past_a_place(doc, end + 1, place_ends)) > end + 1:
            end = after
    if end + 1 < len(doc) and doc[end].text in _DASHES and doc[end + 1].lower_ in lx.PERSON_TITLE_HEADS and doc[end + 1].is_title:
        return after_title(doc, end + 1, place_ends)  # a second office held by the same person
    # "the Director General of the Société Nigérienne des Produits Pétroliers (SONIDEP)": past the
    # abbreviation, which the recognizer may have taken into the organisation's name
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and end > i + 1:
        return end + 3
    if end < len(doc) and doc[end].text == ")" and any(t.text == "(" for t in doc[max(i, end - 3) : end]):
        return end + 1
    return end


def _past_forms_of_address(doc: Doc, i: int) -> int:
    """The first token from ``i`` on that is no form of address ("Dr", "Professor", "Datuk")."""
    while i < len(doc) and doc[i].is_title and doc[i].lower_.rstrip(".") in lx.NAME_PREFIXES:
        i += 1
    return i


def _names_after_titles(doc: Doc, entities: list[Span], place_starts: set[int], place_ends: dict[int, int]) -> list[Span]:
    """The entities with the names written right after a title, the recognizer's PERSON that holds
    only the last of those words ("President of the Republic of Moldova Natalia | Vrabie") made whole."""
    entities = list(entities)
    taken = {i: n for n, e in enumerate(entities) for i in range(e.start, e.end)}
    for token in doc:
        # (an office may be written in lower case before the name: "his Lithuanian counterpart Rasa Žemaitienė")
        if (token.lower_ not in lx.PERSON_TITLE_HEADS and not _honorific(token)) or not (token.is_title or token.is_lower) or token.i + 2 > len(doc):
            continue
        # ("Chief Adviser Professor | Matiur Rahman Chowdhury": a form of address, no part of the name)
        start = _past_forms_of_address(doc, after_title(doc, token.i, place_ends))
        end = start
        while end < len(doc) and end - start < _MAX_NAME_TOKENS and end not in taken and (_is_name_word(doc[end]) or (doc[end].text == "-" and end + 1 < len(doc) and _is_name_word(doc[end + 1]))):
            if doc[end].idx in place_starts:
                break
            end += 1
        if end == start or doc[end - 1].text == "-" or any(i in taken for i in range(start, end)):
            continue
        person = entities[taken[end]] if end in taken else None
        if person is not None and person.label_ == "PERSON" and person.start == end and person.end - start <= _MAX_NAME_TOKENS:
            entities[taken[end]] = Span(doc, start, person.end, label="PERSON")
            taken.update((i, taken[end]) for i in range(start, end))
        elif end - start >= 2:
            entities.append(Span(doc, start, end, label="PERSON"))
            taken.update((i, len(entities) - 1) for i in range(start, end))
    return entities


# The most words an office with its portfolio and country runs to, before its holder's name.
LONGEST_TITLE = 12
_AFTER_AN_APPOSITIVE = frozenset({",", ".", ";", ":", ")", "and", "who"})


def _names_after_titles_and_a_comma(doc: Doc, entities: list[Span], place_starts: set[int]) -> list[Span]:
    """"signed by the Chairman and CEO of Sonatrach, Noureddine Belkacemi, and ...": a name set off by
    commas right after an office is its holder's, though the recognizer ran it into the company's
    name or missed it. The organisation's entity is cut at the comma."""
    entities = list(entities)
    for comma in doc:
        if comma.text != "," or not _an_office_before(doc, comma.i):
            continue
        start = _past_forms_of_address(doc, comma.i + 1)  # ("the Minister of Energy, Dr Gan Kok Hwa")
        end = start
        while end < len(doc) and end - start < _MAX_NAME_TOKENS and _is_name_word(doc[end]):
            end += 1
        if end - start < 2 or end < len(doc) and doc[end].lower_ not in _AFTER_AN_APPOSITIVE:
            continue
        name = Span(doc, start, end, label="PERSON")
        if not _shaped_like_a_name(name) or any(t.idx in place_starts for t in name):
            continue
        overlapping = [e for e in entities if e.start < end and e.end > start]
        if any(e.label_ == "PERSON" or e.end > end for e in overlapping):
            continue  # (a name already read, or an entity that goes on past it)
        for e in overlapping:
            entities.remove(e)
            if e.start < comma.i:
                entities.append(Span(doc, e.start, comma.i, label=e.label_))
        entities.append(name)
    return entities


def _an_office_before(doc: Doc, comma: int) -> bool:
    """A title word ends the phrase before the comma ("the Director General of SONIDEP (SONIDEP)", "the
    Minister of Energy, Mines and Renewable Energies"), with no verb or name between."""
    for token in reversed(doc[max(0, comma - LONGEST_TITLE) : comma]):
        if token.pos_ in ("VERB", "AUX") or token.ent_type_ == "PERSON":
            return False
        if token.lower_ in lx.PERSON_TITLE_HEADS:
            return True
        if token.is_sent_start:
            return False
    return False

