"""Who took part: the parties of an event, read from the dependency parse.

A party is a person (named, or known only by a title such as "the Minister of Defense of the
Republic of Azerbaijan"), an organisation, a country, or another group ("Iranian officials").
A document-wide register of people lets "Hasanov", "Zakir Hasanov" and "Azerbaijani Defense
Minister Zakir Hasanov" become one participant, and lets an unnamed title ("the President" of
the host country) resolve to the one named person who holds it in the article.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from service.extraction import lexicon as lx
from service.extraction.countries import CountryResolver, PlaceMatch
from service.extraction.names import LONGEST_TITLE, after_title, posted_to, title_of_rank
from service.extraction.segmentation import datelines

# What a person may sign, speak or lead for: "on the Qatari side by", "the Palauan delegation by".
SIDES = frozenset({"side", "delegation", "team"})
_SIDE_TO_BY = 8  # "delegation at that round was led by"
_BESIDE_REACH = 12  # "Ramon V. and Cambodian Senior Minister and Minister of Commerce Chea S."
# What two sides do together, each named as a subject: "A and Cambodian Minister B signed the MOU".
_ACTS_OF_TWO_SIDES = frozenset({"sign", "ink", "meet", "hold", "exchange", "co-chair", "conclude", "initial", "discuss"})

_DROP_TITLE_WORDS = frozenset({"the", "of", "for", "and", "affairs", "'s", "’s", "a", "an", "his", "her", "its", "their", "then", "former", "current", "new"})
_SPELLING = {"defence": "defense", "programme": "program", "minister": "minister"}
_COLLECTIVES = frozenset({"side", "country", "nation", "government", "state", "party", "neighbor", "neighbour", "capital", "ally", "delegation"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
# Ranks, offices and forms of address the recognizer takes into a name.
_RANKS_AND_HONORIFICS = lx.NAME_PREFIXES | {
    "air", "rear", "brigadier", "col", "lt", "gen", "maj", "capt", "cdr", "cmdr", "adm", "brig", "commodore",
    "sgt", "manager", "seri", "sri",
}
_COUNTERPART_WORDS = frozenset({"counterpart", "peer"})
_MOVEMENTS = frozenset({"taliban", "hamas", "hezbollah", "houthi", "rebel", "rebels", "militia", "opposition"})
_FOREIGN_FACING_TITLES = frozenset({"ambassador", "envoy", "counterpart", "consul", "mediator", "delegate", "emissary", "negotiator"})


@dataclass
class Party:
    kind: str                       # person | organization | country | group
    name: str                       # as written; "" for a person known only by title
    country: str | None
    title: str | None
    role: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Identity for merging the same party across mentions."""
        if self.kind == "person":
            if self.name:
                return f"person:{last_name(self.name)}"
            return f"person:?{title_key(self.title or '')}:{self.country}"
        if self.kind == "country":
            return f"country:{self.country}"
        return f"{self.kind}:{self.name.lower()}:{self.country}"


def _country_of_office(title: str | None) -> str | None:
    """Offices that only one country has under that name, as news writes them without the country:
    the "Secretary of State" and the "Secretary of Defense" / "Defense Secretary" (American spelling)
    of the United States (not a British "Secretary of State for ..."), the Taoiseach of Ireland."""
    if not title:
        return None
    words = title.lower().replace("-", " ").split()
    if "secretary" in words and "general" not in words and ("state" in words and "for" not in words or "defense" in words):
        return "USA"
    if "taoiseach" in words:
        return "IRL"
    return None


def last_name(name: str) -> str:
    parts = [p for p in name.replace(".", " ").split() if p]
    return parts[-1].lower() if parts else ""


# Offices wire copy names in other words: "Japan's top diplomat" is its foreign minister.
_OFFICE_ALIASES = {
    frozenset({"top", "diplomat"}): frozenset({"foreign", "minister"}),
    frozenset({"chief", "diplomat"}): frozenset({"foreign", "minister"}),
}


def title_key(title: str) -> frozenset[str]:
    """"Minister of Defense" and "Defense Minister" are the same office."""
    words = title.lower().replace("-", " ").split()
    return frozenset(_SPELLING.get(w, w) for w in words if w not in _DROP_TITLE_WORDS)


def _office_of_plural(title: str) -> frozenset[str]:
    """"the two foreign ministers" → the office "foreign minister" (numbers and "both" dropped)."""
    return title_key(" ".join(w[:-1] if w.lower().endswith("s") else w for w in title.split())) - set(_NUMBERS) - {"both"}


@dataclass
class Person:
    name: str
    title: str | None
    country: str | None
    spans: list[tuple[int, int]]


class Places:
    """The country and organisation mentions of a document, by token."""

    def __init__(self, doc: Doc, matches: list[PlaceMatch]) -> None:
        self.by_token: dict[int, PlaceMatch] = {}
        self.spans: dict[int, Span] = {}
        self.ends: dict[int, int] = {match.start: match.end for match in matches}
        for match in matches:
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = match
                self.spans[token.i] = span

    def at(self, token: Token) -> PlaceMatch | None:
        return self.by_token.get(token.i)

    def span_at(self, token: Token) -> Span | None:
        return self.spans.get(token.i)

    def countries_before(self, token: Token, how_many: int) -> list[tuple[PlaceMatch, Span]]:
        """The ``how_many`` countries the text named most often before ``token`` (the nearer of
        two named as often), nearest first: "the two governments" of a story about Germany and
        Poland are those two, even after a passing mention of Ukraine."""
        found: dict[str, tuple[PlaceMatch, Span]] = {}
        counts: Counter[str] = Counter()
        seen_spans: set[int] = set()
        for i in range(token.i - 1, -1, -1):
            match = self.by_token.get(i)
            if match is None or not match.code or self.spans[i].start in seen_spans:
                continue
            seen_spans.add(self.spans[i].start)
            counts[match.code] += 1
            found.setdefault(match.code, (match, self.spans[i]))
        nearness = {code: rank for rank, code in enumerate(found)}  # nearest first
        ranked = sorted(found, key=lambda code: (-counts[code], nearness[code]))
        if how_many == 2:
            # (a pair the story names in passing, "attacks in northern Togo and Benin", is not the one)
            pair = self._last_coordinated_pair(token, set(ranked[:3]))
            if pair:
                return pair
        chosen = ranked[:how_many]
        return [found[code] for code in sorted(chosen, key=nearness.__getitem__)]

    def _last_coordinated_pair(self, token: Token, among: set[str]) -> list[tuple[PlaceMatch, Span]]:
        """The last two countries of ``among`` written as a pair before ``token`` ("Congo and Rwanda
        agree ..."), nearest first: what "the two countries" most often stands for."""
        for i in range(token.i - 1, -1, -1):
            second = self.by_token.get(i)
            if second is None or not second.code or second.kind == "capital":
                continue
            span = self.spans[i]
            conj_head = span.root.head if span.root.dep_ == "conj" else None
            first = self.by_token.get(conj_head.i) if conj_head is not None else None
            if (
                first is not None and first.code and first.kind != "capital" and first.code != second.code
                and {first.code, second.code} <= among and not _longer_list(span.root)
            ):
                return [(second, span), (first, self.spans[conj_head.i])]
        return []

    def within(self, tokens) -> list[tuple[PlaceMatch, Span]]:
        seen, found = set(), []
        for token in tokens:
            match = self.by_token.get(token.i)
            if match is not None and id(match) not in seen:
                seen.add(id(match))
                found.append((match, self.spans[token.i]))
        return found


def _longer_list(conjunct: Token) -> bool:
    """Whether a conjunct is one of three or more ("Ghana, Togo, Benin and Burkina Faso"): its last two
    are no pair the story speaks of as "the two countries"."""
    head = conjunct
    while head.dep_ == "conj":
        head = head.head
    count, stack = 1, [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                count += 1
                stack.append(child)
    return count > 2


class PartyReader:
    """Reads the parties of one document's event mentions."""

    def __init__(self, doc: Doc, resolver: CountryResolver, places: Places) -> None:
        self.doc = doc
        # Doc.text is rebuilt from every token on each access: read it once.
        self.text = doc.text
        self.resolver = resolver
        self.places = places
        # doc.ents builds new Span objects on every access: read them once.
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self.person_at = {i: e for e in self.persons for i in range(e.start, e.end)}
        # How often the story names each country, by name or demonym (a capital is as often the venue).
        self.country_counts = Counter(m.code for m in {id(m): m for m in places.by_token.values()}.values() if m.code and m.kind != "capital")
        self.home = self._dateline_country()
        self.people: dict[str, Person] = {}
        self.offices: dict[tuple[frozenset[str], str | None], set[str]] = {}
        self._register_people()

    def _dateline_country(self) -> str | None:
        """The country of the dateline ("NAIROBI, June 14 (Wire) -"), when it names exactly one."""
        codes = set()
        for start, end in datelines(self.text):
            span = self.doc.char_span(start, end, alignment_mode="contract")
            codes |= {m.code for m, _ in self.places.within(span or []) if m.code and m.kind in ("country", "capital")}
        if len(codes) != 1:
            return None
        # A story filed from talks abroad ("HAVANA - Colombia's government and the rebels ...") is
        # about another country: the dateline's must be the one the story names most.
        counts = self.country_counts
        home = codes.pop()
        # (or named about as often as the most named: "SEOUL - ... his Japanese counterpart ..."
        # names Japan as often as Korea)
        most = max(counts.values(), default=0)  # (a story that names no country but the dateline's capital)
        return home if counts[home] == most or counts[home] >= 2 and 2 * counts[home] >= most else None

    def unguess_home(self, name: str) -> bool:
        """Take back the dateline's country from a person it was only guessed for (the story turns
        out to have them visit that country); whether there was such a guess."""
        key = last_name(name)
        if key not in self.home_guessed:
            return False
        self.home_guessed.discard(key)
        self.people[key].country = None
        return True

    def _home_title(self, title: str | None) -> bool:
        """A title that a wire story gives its own country's officials without naming the country
        ("NAIROBI - President Samuel Kiprono ..."); envoys and counterparts are of another."""
        if not title or self.home is None:
            return False
        if any(w.isupper() and len(w) > 1 or w.lower() in _MOVEMENTS for w in title.split()):
            return False  # "NATO Secretary-General", "ELN commander", "Taliban foreign minister"
        words = set(title.lower().replace("-", " ").split())
        return bool(words & lx.PERSON_TITLE_HEADS) and not words & _FOREIGN_FACING_TITLES

    # ------------------------------------------------------------------ people of the document
    def _register_people(self) -> None:
        for ent in self.persons:
            if len(ent) == 1 and self.places.at(ent[0]) is not None:
                continue  # a lone place name the recognizer took for a person
            name = self._clean_name(ent)
            if not name or len(name) < 2:
                continue
            title, country = self._title_before(ent)
            appos_title, appos_country = self._appositive_title(ent)
            title = title or appos_title
            country = country or appos_country or self._country_after(ent) or self._side_before(ent)
            key = last_name(name)
            person = self.people.get(key)
            if person is None:
                self.people[key] = Person(name, title, country, [(ent.start_char, ent.end_char)])
            else:
                if len(name) > len(person.name):
                    person.name = name
                person.title = person.title or title
                person.country = person.country or country
                person.spans.append((ent.start_char, ent.end_char))
        # Short forms of one person named in full elsewhere in the story.
        for key in [k for k, p in self.people.items() if " " not in p.name]:
            # "Lai" after "Lai Ching-te": a family name written first.
            self._fold_into_fuller(key, lambda p, key=key: p.name.split()[0].lower() == key)
        for key in [k for k, p in self.people.items() if " " not in p.name]:
            # "Ortiz" after "Manuel Ortiz Medina": the first of two family names, as Spanish usage shortens it.
            self._fold_into_fuller(key, lambda p, key=key: key in [w.lower() for w in p.name.split()[1:-1]])
        for key in [k for k, p in self.people.items() if len(p.name.split()) >= 2]:
            # "Hamdan bin Saeed" after "Hamdan bin Saeed Al Nahyan": a name cut short of its end.
            words = self.people[key].name.split()
            self._fold_into_fuller(key, lambda p, words=words: p.name.split()[: len(words)] == words)
        for key in [k for k, p in self.people.items() if p.name.isupper() and 2 <= len(p.name) <= 5]:
            # "MBS" after "Mohammed bin Salman": initials.
            self._fold_into_fuller(key, lambda p, key=key: "".join(w[0] for w in p.name.split()).upper() == key.upper())
        # "Park held a call" after "Park Jae-hoon": a family name written first, alone, that the
        # recognizer did not mark as a name this time.
        first_words: dict[str, set[str]] = {}
        for key, person in self.people.items():
            words = person.name.split()
            if len(words) >= 2 and words[0].istitle():
                first_words.setdefault(words[0].lower(), set()).add(key)
        self.by_first_word = {word: next(iter(keys)) for word, keys in first_words.items() if len(keys) == 1 and word not in self.people}
        for person in self.people.values():
            person.country = person.country or _country_of_office(person.title)
        self.home_guessed: set[str] = set()
        for key, person in self.people.items():
            if person.country is None and self._home_title(person.title):
                person.country = self.home
                self.home_guessed.add(key)
        self._guessed_beside_the_host()
        self._of_the_other_side()
        self._counterparts_hold_the_same_office()
        for key, person in self.people.items():
            if person.title:
                self.offices.setdefault((title_key(person.title), person.country), set()).add(key)

    def _counterparts_hold_the_same_office(self) -> None:
        """"Foreign Minister Aminata Diop and her Gambian counterpart Dodou Jobe": Jobe is his country's
        foreign minister, so "the two foreign ministers" are those two."""
        for person in self.persons_named():
            if not person.title or person.title.lower().split()[-1] not in _COUNTERPART_WORDS:
                continue
            for start, _ in person.spans:
                before = [e for e in self.persons if e.end_char <= start and e.sent.start_char <= start < e.sent.end_char]
                holders = [self.people.get(last_name(self._clean_name(e))) for e in reversed(before)]
                office = next((h.title for h in holders if h is not None and h is not person and h.title and h.title.lower().split()[-1] not in _COUNTERPART_WORDS), None)
                if office is not None:
                    person.title = office
                    break

    def _guessed_beside_the_host(self) -> None:
        """"PHNOM PENH - Agriculture Secretary Ramon Villaluz and Cambodian Senior Minister Chea Sokhom
        signed ...", "PORT MORESBY - Foreign Minister Kenji Morimoto and his Papua New Guinean
        counterpart": a person given the dateline's country only by guess, told as one side beside one
        the story says is of that country, is the visitor from the other side (of the country the story
        names most after it, when there is one)."""
        if not self.home_guessed:
            return
        other = self._most_named_besides({self.home})
        # (the host's country written in the office before the name: "Cambodian Senior Minister")
        hosts = [ent for ent in self.persons if self._title_before(ent)[1] == self.home]
        for key in list(self.home_guessed):
            person = self.people[key]
            spans = self._spans_of(person)
            # (the two as the sides of one act: not "Minister A and Cambodian Minister B attended the meeting")
            beside = any(
                host.sent == span.sent and 0 <= host.start - span.end <= _BESIDE_REACH
                and any(t.lower_ == "and" for t in self.doc[span.end : host.start]) and span.root in host.root.ancestors
                and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in _ACTS_OF_TWO_SIDES
                for span in spans for host in hosts
            )
            # "Morimoto and his Papua New Guinean counterpart, Moses Wari": his counterpart is the host
            beside = beside or any(self.home in self._counterparts_countries(span, ("amod", "compound")) for span in spans)
            if beside:
                self.home_guessed.discard(key)
                person.country = other

    def _of_the_other_side(self) -> None:
        """"President Julián Arregui and his Chilean counterpart, Tomás Ibarra": a person whose country
        the story never writes is of the other country the story is about, when his counterpart's is
        said and the story names one other country more often than any else."""
        for person in self.persons_named():
            if person.country is not None:
                continue
            theirs = {code for span in self._spans_of(person) for code in self._counterparts_countries(span, ("amod",))}
            if len(theirs) != 1:
                continue
            other = self._most_named_besides(theirs, at_least=2)
            if other is not None:
                person.country = other

    def _spans_of(self, person: Person) -> list[Span]:
        return [span for start, end in person.spans if (span := self.doc.char_span(start, end, alignment_mode="expand")) is not None]

    def _counterparts_countries(self, name: Span, deps: tuple[str, ...]) -> set[str]:
        """"A and his Chilean counterpart, B": the countries of the counterparts told after the name."""
        return {
            place.code
            for t in name.sent if t.i >= name.end and t.lemma_.lower() == "counterpart"
            and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children)
            for c in t.children if c.dep_ in deps and (place := self.places.at(c)) is not None and place.code
        }

    def _most_named_besides(self, excluded: set[str], at_least: int = 1) -> str | None:
        """The country the story names most after those excluded, when one is named more than any
        other (and at least ``at_least`` times)."""
        others = sorted(((n, code) for code, n in self.country_counts.items() if code not in excluded), reverse=True)
        if others and others[0][0] >= at_least and (len(others) == 1 or others[0][0] > others[1][0]):
            return others[0][1]
        return None

    def persons_named(self) -> list[Person]:
        """Each person of the story once (``people`` holds a person under every form of the name)."""
        return list({id(p): p for p in self.people.values()}.values())

    def _fold_into_fuller(self, key: str, is_fuller) -> None:
        """Count the person registered under ``key`` as the one other person ``is_fuller`` accepts, if
        there is exactly one, keeping what either knows of office and country."""
        short = self.people[key]
        fuller = [p for p in self.persons_named() if p is not short and is_fuller(p)]
        if len(fuller) == 1:
            fuller[0].title = fuller[0].title or short.title
            fuller[0].country = fuller[0].country or short.country
            fuller[0].spans.extend(short.spans)
            self.people[key] = fuller[0]

    def _title_before(self, ent: Span) -> tuple[str | None, str | None]:
        """"Iranian President Ebrahim Raisi" → ("President", "IRN"); "U.S. national security adviser
        Mike Waltz" → ("national security adviser", "USA"): the words before the name that modify it."""
        doc = self.doc
        in_phrase = {t.i for t in ent.root.subtree}
        words: list[Token] = []
        country = None
        i = ent.start - 1
        while i >= ent.sent.start:
            token = doc[i]
            place = self.places.at(token)
            if place is not None and place.kind in ("country", "demonym", "capital"):
                posting = posted_to(doc, self.places.span_at(token).start)
                if posting is not None:
                    i = posting - 1  # "United States Ambassador to Malaysia Daniel Whitfield": where he serves, not whose he is
                    continue
                country = country or place.code
                i -= 1
                continue
            if token.tag_ == "POS" or token.lower_ in ("'s", "’s"):
                i -= 1
                continue
            if token.lower_ == "the" and i + 1 < ent.start and self.places.at(doc[i + 1]) is not None:
                i -= 1  # "President of [the] Republic of Uzbekistan Rustam Nazarov"
                continue
            if token.lower_ in ("of", "for") or token.lower_ == "and" and words and _joins_portfolios(doc, i):
                words.insert(0, token)  # ("Minister of Energy and Mines", "Minister of State for Foreign Trade")
                i -= 1
                continue
            if token.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL") or token.dep_ in ("det", "poss", "cc", "punct") and token.text != "-":
                break
            # ("acting", "outgoing": participles that modify the title)
            attached = token.i in in_phrase and (token.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "PUNCT") or token.dep_ == "amod")
            titled = token.tag_ in ("NNP", "NNPS") or token.lower_ in lx.TITLE_WORDS
            if not (attached or titled):
                break
            words.insert(0, token)
            i -= 1
        if country is None and words and i >= ent.sent.start and doc[i].lower_ == "and":
            # "Chinese State Councilor and Defense Minister Zhang": two offices of one person, whose
            # country the first names (not "Pablo Vera of Chile and Elena Soto": no office of hers told).
            for j in range(i - 1, max(ent.sent.start, i - 6) - 1, -1):
                place = self.places.at(doc[j])
                if place is not None and place.kind in ("country", "demonym"):
                    country = place.code
                    break
                if doc[j].ent_type_ == "PERSON" and doc[j].lower_ not in lx.TITLE_WORDS:
                    break  # "with Chinese Foreign Minister Zhao and Zadran": another person's office
                if not (doc[j].lower_ in lx.TITLE_WORDS or doc[j].tag_ in ("NNP", "NNPS")):
                    break
        while words and (words[0].pos_ == "ADP" or words[0].text in lx.STYLE_ABBREVIATIONS):
            words.pop(0)  # ("HE President": His Excellency's style, no part of the office)
        while len(words) > 1 and words[-1].lower_ in lx.TITLE_STYLES:
            words.pop()  # "Amir Sheikh": the office is the Amir's
        while words and (words[-1].pos_ == "ADP" or words[-1].lower_.rstrip(".") in lx.NAME_PREFIXES):
            # "President of [the Republic of Uzbekistan]": the place is the country, not the title;
            # "Chief Adviser [Professor]": a form of address, no part of the office
            words.pop()
        if not any(w.lower_ in lx.PERSON_TITLE_HEADS or w.lower_ in lx.TITLE_WORDS for w in words):
            return None, country
        return _as_written(words), country

    def _clean_name(self, ent: Span) -> str:
        """The name as written, without a title or demonym the recognizer glued to it
        ("Azerbaijani Defense Minister Zakir Hasanov" → "Zakir Hasanov") or a possessive."""
        tokens = [t for t in ent if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")]
        while len(tokens) > 1 and (
            tokens[0].lower_ in lx.TITLE_WORDS or self.places.at(tokens[0]) is not None
            or tokens[0].lower_.rstrip(".") in _RANKS_AND_HONORIFICS or tokens[0].text == "."
            or tokens[0].lower_ == "tan" and tokens[1].lower_ == "sri"
        ):
            tokens = tokens[1:]  # ("Air Marshal Yudi Prasetyo", "Col. Wang Haitao", "Datuk Seri Rosli Abdul Hamid")
        if not tokens or all(t.lower_ in lx.TITLE_WORDS for t in tokens) or tokens[-1].lower_ in _EVENT_NAME_ENDS:
            return ""  # "Crown Prince", "the Climate Action Summit": an office or an event, not a name
        if len(tokens) == 1 and tokens[0].lower_ in lx.PERSON_TITLE_HEADS:
            return ""  # "HH the Amir": an office ("Amir Nasiri" keeps the first name it also is)
        return self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)].strip(" ,.'\"")

    def _country_after(self, ent: Span) -> str | None:
        """"President Agus Wirawan of the Republic of Indonesia": the country right after the name."""
        doc = self.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
            return None
        following = doc[ent.end + 1 : ent.end + 3]
        place = next((self.places.at(t) for t in following if self.places.at(t) is not None), None)
        return place.code if place is not None and place.kind in ("country", "capital") else None

    def _side_before(self, ent: Span) -> str | None:
        """"signed on the Qatari side by Minister A, and on the Kyrgyz side by Minister B", "and the
        Palauan delegation by Attorney General B", "Ukraine's delegation was headed by Minister C": the
        side the person signed, spoke or led for, told just before."""
        doc = self.doc
        # (a side's words reach to its "by": "The Indonesian delegation at that round was led by the
        # Foreign Ministry's Director General for Legal Affairs, Ratna K.")
        for i in range(ent.start - 1, max(ent.sent.start, ent.start - 2 * LONGEST_TITLE) - 1, -1):
            token = doc[i]
            if token.ent_type_ == "PERSON":
                return None
            if token.lemma_.lower() in SIDES and any(t.lower_ == "by" for t in doc[i + 1 : min(ent.start, i + _SIDE_TO_BY)]):
                place = next((self.places.at(c) for c in token.children if c.dep_ in ("amod", "compound", "poss") and self.places.at(c) is not None), None)
                return place.code if place is not None and place.kind in ("country", "demonym") else None
        return None

    def _appositive_title(self, ent: Span) -> tuple[str | None, str | None]:
        """"Zakir Hasanov, the Minister of Defense of Azerbaijan" and the reverse order."""
        # "... with the Prime Minister of the Democratic Republic of Timor-Leste, Tomás Soares, who": the
        # title phrase that ends at the comma right before the name, wherever the parser hung the name
        comma = ent.start - 1
        while comma > ent.sent.start and (self.doc[comma].lower_.rstrip(".") in lx.NAME_PREFIXES or self.doc[comma].text == "."):
            comma -= 1  # "the Minister of Energy, Dr Pablo Vera"
        if comma > 0 and self.doc[comma].text == ",":
            for i in range(comma - 1, max(ent.sent.start, comma - LONGEST_TITLE) - 1, -1):
                token = self.doc[i]
                if token.tag_ in ("NN", "NNP") and _lemma(token) in lx.PERSON_TITLE_HEADS and (token.is_title or token.is_upper) and after_title(self.doc, i, self.places.ends) == comma:
                    return self.title_phrase(token)
        root = ent.root
        candidates = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            candidates.append(root.head)
        for head in candidates:
            if _lemma(head) in lx.PERSON_TITLE_HEADS:
                title, country = self.title_phrase(head)
                return title, country
        return None, None

    def title_phrase(self, head: Token) -> tuple[str, str | None]:
        """The office named by a title noun and its country: "the Minister of Defense of the Republic of Azerbaijan"."""
        words: list[Token] = []
        country = None
        for token in _np_tokens(head):
            place = self.places.at(token)
            if place is not None and place.kind in ("country", "demonym", "capital"):
                country = country or place.code
                continue
            if token.dep_ in ("det", "poss", "punct", "cc", "case") and token.tag_ != "HYPH" or token.tag_ in ("PRP$", "DT", "POS"):
                continue
            if token.ent_type_ == "PERSON" or token.text in lx.STYLE_ABBREVIATIONS:
                continue
            words.append(token)
        while words and words[-1].tag_ == "HYPH":
            words.pop()
        # ("the Minister of Mining and Energy": the parser hangs the "and" outside the phrase)
        joins = [self.doc[w.i + 1] for w, v in zip(words, words[1:]) if v.i == w.i + 2 and _joins_portfolios(self.doc, w.i + 1)]
        text = _as_written(sorted(words + joins, key=lambda t: t.i))
        while text.lower().endswith(" of"):
            text = text[:-3]
        return text.strip() or head.text, country

    # ------------------------------------------------------------------ parties of one argument
    def parties(self, head: Token, role: str, context_country: str | None = None) -> list[Party]:
        """The parties named by the phrase headed by ``head``, with its conjuncts and "including" lists."""
        found: list[Party] = []
        for token in _coordinated(head) + _names_swallowed(head):
            found.extend(self._one(token, role, context_country))
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "among"):
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        for member in _coordinated(pobj):
                            found.extend(self._one(member, role, context_country))
        return found

    def _one(self, token: Token, role: str, context_country: str | None) -> list[Party]:
        if token.tag_ in ("PRP", "PRP$"):
            return self._pronoun(token, role)
        place = self.places.at(token)
        if place is not None and token.lower_ not in self.people:
            return [self.place_party(place, self.places.span_at(token), role)]
        if (token.ent_type_ == "PERSON" and self._names_someone(token)) or ((token.pos_ == "PROPN" or token.is_title) and place is None and (token.lower_ in self.people or token.lower_ in self.by_first_word)):
            # A name the recognizer labelled otherwise here ("Suga", "Trump") is still the person named elsewhere.
            return [self._named_person(token, role)]
        shortened = self._shortened_name(token) if place is None else None
        if shortened is not None:
            return [Party("person", shortened.name, shortened.country, shortened.title, role, [_char_span_of(token)])]
        # "President of Bolivia Ana Quispe, Jorge Ruiz ...": a title whose phrase ends in a name is that
        # person's; a name set beside it is the next one of a list.
        named_inside = any(p.ent_type_ == "PERSON" for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
        appositive = None if named_inside else (
            next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            or self._name_after(token)
            # "Chief of Staff of the Armed Forces Lieutenant General Ahmed Farouk": the name that ends the title
            or self._name_ending(token)
            or self._name_right_after(token)
        )
        posted = self._name_after_posting(token) if appositive is None and not named_inside else None
        lemma = _lemma(token)
        lemma = title_of_rank(token) or lemma  # "Ambassador Extraordinary and Plenipotentiary of Japan Kenji Sato"
        if posted is not None:
            # (the place after "to" is where the envoy serves, not whose envoy the person is)
            person = self._named_person(posted, role)
            person.title, person.country = self.title_phrase(token)
            return [person]
        if appositive is not None and lemma in lx.PERSON_TITLE_HEADS:
            person = self._named_person(appositive, role)
            if person.country is None:
                # "the Commander of the Sri Lanka Navy, Vice Admiral Kasun Perera": his office says whose.
                title, person.country = self.title_phrase(token)
                person.title = person.title or title
            return [person]
        place = self.places.at(token)
        if place is not None:
            return [self.place_party(place, self.places.span_at(token), role)]
        if (lemma in lx.PERSON_TITLE_HEADS or token.ent_type_ == "PERSON" and lemma in lx.TITLE_WORDS) and token.tag_ in ("NN", "NNP"):
            return [self._titled_person(token, role, context_country)]
        if lemma in lx.PERSON_TITLE_HEADS and token.tag_ in ("NNS", "NNPS"):
            # "the two countries' foreign ministers": of the two countries named before.
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and _lemma(owner) in _COLLECTIVES and any(c.lower_ in ("two", "both") for c in owner.children):
                pair = self.places.countries_before(owner, 2)
                if len(pair) == 2:
                    return [party for match, _ in reversed(pair) for party in self._holders_or_group(token, match.code, role)]
            holders = self._holders_of(token) or self._both_leaders(token)
            if holders:
                return holders
            bodies = [(m, sp) for m, sp in self.places.within(_np_tokens(token)) if m.kind == "organization"]
            if bodies and not any(m.kind in ("country", "demonym") for m, _ in self.places.within(_np_tokens(token))):
                # "East African Community (EAC) heads of state", "ASEAN foreign ministers": the grouping's
                return [self.place_party(m, sp, role) for m, sp in bodies[:1]]
        if lemma in _COLLECTIVES and any(c.lower_ in ("two", "both") for c in token.children) and not self.places.within(_np_tokens(token)):
            # "the two countries", "both sides": the two countries named last before.
            pair = self.places.countries_before(token, 2)
            if len(pair) == 2:
                return [self.place_party(match, None, role) for match, _ in reversed(pair)]
        leaders = [p for c in token.children if c.dep_ == "acl" and _lemma(c) in ("lead", "head") for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if leaders and (lemma in lx.GROUP_HEADS or lemma in lx.SINGULAR_ORG_HEADS):
            # "received the delegation led by the Foreign Minister of Jordan": its head stands for it.
            return [party for leader in leaders for party in self.parties(leader, role, context_country)]
        inner = self.places.within(_np_tokens(token))
        # "Abu Dhabi's Masdar": a company the recognizer took for a product, owned by a country named before it
        company = token.ent_type_ == "PRODUCT" and token.pos_ == "PROPN" and any(c.dep_ == "poss" and self.places.at(c) is not None for c in token.children)
        # ("The heads of the water bodies of Kazakhstan, Kyrgyzstan and Tajikistan": officials of each)
        # (by country or people, not a capital that may be where they met: "the energy secretaries of the
        # three countries in Kathmandu")
        officials = lemma in lx.PERSON_TITLE_HEADS and token.tag_ in ("NNS", "NNPS") and any(m.kind in ("country", "demonym") for m, _ in inner)
        if lemma in lx.GROUP_HEADS or lemma in lx.SINGULAR_ORG_HEADS or token.ent_type_ in ("ORG", "NORP") or company or officials:
            countries = [(m, s) for m, s in inner if m.kind in ("country", "demonym", "capital")]
            organizations = [(m, s) for m, s in inner if m.kind == "organization"]
            if organizations and not countries:
                match, span = organizations[0]
                return [self.place_party(match, span, role)]
            if token.ent_type_ == "ORG" and not countries:
                name = _ent_text(token)
                return [Party("organization", name, None, None, role, [_char_span(token)])]
            if lemma in lx.COMPANY_HEADS or (token.ent_type_ == "ORG" and lemma not in lx.SINGULAR_ORG_HEADS | lx.GROUP_HEADS):
                return [Party("organization", _phrase_text(token), None, None, role, [_char_span_of(token)])]
            if countries:
                kind = "organization" if (lemma in lx.SINGULAR_ORG_HEADS and token.tag_ in ("NN", "NNP")) or token.ent_type_ == "ORG" or company else "group"
                if kind == "group" or len(countries) > 1:
                    # "the Presidents of Iran and Azerbaijan", "Iranian and Turkish officials"
                    parties = [self.place_party(m, s, role) for m, s in countries]
                    if lemma in lx.LEADER_TITLES and token.tag_ in ("NNS", "NNPS"):
                        # "the Russian and North Korean leaders": each country's one leader the story
                        # names, when it names one for every country (else who is meant is not known)
                        leaders = [self._leader_of(m.code, token, role) for m, _ in countries]
                        if all(leaders):
                            parties += leaders
                    return parties
                name = _phrase_text(token)
                return [Party(kind, name, countries[0][0].code, None, role, [_char_span_of(token)])]
            if context_country and lemma in ("official", "authority", "government", "leader"):
                return [Party("group", _phrase_text(token), context_country, None, role, [_char_span_of(token)])]
        return []

    def _name_ending(self, head: Token) -> Token | None:
        """"Chief of Staff of the Armed Forces Lieutenant General Ahmed Farouk": the name the parser
        hangs, as an apposition, on a word of the title phrase."""
        if _lemma(head) not in lx.PERSON_TITLE_HEADS:
            return None
        phrase = {t.i for t in _np_tokens(head)}
        return next((t for t in head.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.i in phrase and t.head.i != head.i), None)

    def _name_after(self, head: Token) -> Token | None:
        """"Pakistan's permanent representative to the United Nations, Munir Akram, said": the name
        set off by a comma right after a title phrase, however the parser attached it."""
        if _lemma(head) not in lx.PERSON_TITLE_HEADS:
            return None
        # The title phrase ends before what the parser coordinated with it: in "the Chief of Staff of
        # Belarus, General Andrei Sokolov" the name may hang from "Chief" as a conjunct.
        others = {t.i for c in head.subtree if c.dep_ in ("conj", "cc", "appos") and c != head for t in c.subtree}
        end = max(t.i for t in head.subtree if t.i not in others and not t.is_punct)
        doc = self.doc
        if end + 2 >= len(doc) or doc[end + 1].text != ",":
            return None
        for start in range(end + 2, min(end + 6, len(doc))):
            if (name := self._name_starting_at(start)) is not None:
                return name
            if not (doc[start].is_title and doc[start].lower_ in lx.TITLE_WORDS):
                break  # "the Commander of the Navy, Vice Admiral Kasun Perera": only a rank comes between
            # "the head of the delegation, Director General of Public Administration Arif Wicaksono": an office
            after = after_title(doc, start, self.places.ends)
            if after > start + 1 and (name := self._name_starting_at(after)) is not None:
                return name
        return None

    def _name_right_after(self, head: Token) -> Token | None:
        """"Head of the State Border Guard Service of Ukraine Serhii Hordiienko": the name written right
        after the whole title, however the parser hung it."""
        if _lemma(head) not in lx.PERSON_TITLE_HEADS or not head.is_title:
            return None
        return self._name_starting_at(after_title(self.doc, head.i, self.places.ends))

    def _name_after_posting(self, head: Token) -> Token | None:
        """"Ambassador Extraordinary and Plenipotentiary of Kazakhstan to the Kyrgyz Republic Serik
        Tulegenov": the name after where an envoy is posted, which the parser hangs on the verb."""
        if _lemma(head) not in lx.ENVOY_TITLES | {"extraordinary"}:
            return None
        end = max(t.i for t in _np_tokens(head)) + 1
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "to":
            return None
        place = self.places.span_at(doc[end + 1]) or (self.places.span_at(doc[end + 2]) if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else None)
        if place is None or place.end >= len(doc):
            return None
        return self._name_starting_at(place.end)

    def _name_starting_at(self, i: int) -> Token | None:
        """The head word of the person's name that begins at token ``i``, if one does."""
        ent = self.person_at.get(i)
        return ent.root if ent is not None and ent.start == i else None

    def _shortened_name(self, token: Token) -> Person | None:
        """"Ms Hollis and Ratu Josefa held talks" after "Ratu Josefa Naivalu", whatever entity the
        recognizer made of it: the first words of one person's full name."""
        if token.pos_ != "PROPN":
            return None
        words = [c.text for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i] + [token.text]
        if len(words) < 2:
            return None
        fuller = [p for p in self.persons_named() if p.name.split()[: len(words)] == words and len(p.name.split()) > len(words)]
        return fuller[0] if len(fuller) == 1 else None

    def _names_someone(self, token: Token) -> bool:
        ent = self.person_at.get(token.i)
        return ent is None or bool(self._clean_name(ent))

    def _named_person(self, token: Token, role: str) -> Party:
        ent = self.person_at.get(token.i)
        name = self._clean_name(ent) if ent is not None else token.text
        person = self.people.get(last_name(name)) or (self.people[self.by_first_word[name.lower()]] if name.lower() in self.by_first_word else None)
        spans = [(ent.start_char, ent.end_char)] if ent is not None else [_char_span(token)]
        if person is None:
            return Party("person", name, None, None, role, spans)
        return Party("person", person.name, person.country, person.title, role, spans)

    def _titled_person(self, head: Token, role: str, context_country: str | None) -> Party:
        title, country = self.title_phrase(head)
        country = country or context_country or (self.home if self._home_title(title) else None)
        span = [_char_span_of(head)]
        office = _OFFICE_ALIASES.get(title_key(title), title_key(title))
        if office == {"counterpart"} and country:
            # "Japan's top diplomat held phone talks with his South Korean counterpart": the same office
            others = [_OFFICE_ALIASES.get(k, k) for t in head.sent if t != head and _lemma(t) in lx.PERSON_TITLE_HEADS | {"diplomat"} for k in [title_key(self.title_phrase(t)[0])]]
            office = next((k for k in others if k and k != {"counterpart"}), office)
        holders = self.offices.get((office, country), set())
        if not holders and country and (title_key(title) <= {"leader", "top", "country's", "nation's"} or title_key(title) == {"head", "state"}):
            # "the Israeli leader", "the Head of State": the one head of state or government of the country the story names.
            holders = {k for k, p in self.people.items() if p.country == country and p.title and lx.LEADER_TITLES & set(p.title.lower().split()) - {"leader"}}
        persons = list({id(self.people[k]): self.people[k] for k in holders}.values())  # (one person may have several keys)
        if len(persons) == 1:
            person = persons[0]
            return Party("person", person.name, person.country or country, person.title or title, role, span)
        return Party("person", "", country, title, role, span)

    def _leader_of(self, country: str | None, token: Token, role: str) -> Party | None:
        leaders = [p for p in self.persons_named() if p.country == country and p.title and lx.LEADER_TITLES & set(p.title.lower().split())]
        if len(leaders) != 1:
            return None
        return Party("person", leaders[0].name, country, leaders[0].title, role, [_char_span_of(token)])

    def _holders_of(self, plural: Token) -> list[Party]:
        """"the prime ministers", "the two foreign ministers": the people of the article who hold that office,
        when the phrase names no country of its own."""
        title, country = self.title_phrase(plural)
        if country is not None:
            return []
        key = _office_of_plural(title)
        count = _NUMBERS.get(next((c.lower_ for c in plural.children if c.dep_ == "nummod"), ""))

        def holders(fits) -> list[Person]:
            # (one person may be filed under two keys: "Teo Kian Seng" under "teo" and "seng")
            found = {id(self.people[n]): self.people[n] for (office, _), names in self.offices.items() if fits(office) for n in names}
            return sorted(found.values(), key=lambda person: person.name)

        people = holders(lambda office: office == key)
        if count is not None and len(people) != count:
            # "the two ministers" after a foreign minister and a defence minister: whoever holds an
            # office of that name, when just that many do.
            people = holders(lambda office: key and key <= office)
            if len(people) != count:
                # "Defense Minister Park, U.S. Defense Secretary Hale and Japanese Defense Minister
                # Morita ... the three ministers": the last that many named before, of like offices.
                people = self._last_named_before(plural, count, _LIKE_OFFICES.get(_lemma(plural), {_lemma(plural)}))
                if len(people) != count:
                    return []
        if not 2 <= len(people) <= 6:
            return []
        span = [_char_span_of(plural)]
        return [Party("person", p.name, p.country, p.title, "participant", span) for p in people]

    def _holders_or_group(self, plural: Token, country: str, role: str) -> list[Party]:
        """"the two countries' defence ministers", "the two nations' foreign and defence ministers": the
        country's holder of each office, when the story names exactly one, else its officials as a group."""
        title, _ = self.title_phrase(plural)
        # ("the two nations' foreign and defence ministers" reads "two foreign defence ministers": each
        # office whose words it holds)
        words = _office_of_plural(title)
        span = [_char_span_of(plural)]
        found = []
        for (office, holder_country), names in self.offices.items():
            if holder_country != country or len(office) < 2 or not office <= words:
                continue
            holders = {id(self.people[n]): self.people[n] for n in names}
            if len(holders) == 1:
                person = next(iter(holders.values()))
                found.append(Party("person", person.name, country, person.title, role, span))
        return found or [Party("group", _phrase_text(plural), country, None, role, span)]

    def _last_named_before(self, plural: Token, count: int, offices: set[str]) -> list[Person]:
        """The last ``count`` people named before ``plural`` in its sentence and the one before, whose
        title ends in one of ``offices``."""
        start = sentences_before(plural.sent, 1).start
        found: list[Person] = []
        for ent in reversed([e for e in self.persons if start <= e.start and e.end <= plural.i]):
            person = self.people.get(last_name(self._clean_name(ent)))
            if person is None or person in found or not person.title or _lemma_of_word(person.title.split()[-1]) not in offices:
                continue
            found.append(person)
            if len(found) == count:
                break
        return found

    def _both_leaders(self, plural: Token) -> list[Party]:
        """"both leaders", "the two leaders": the last two heads of state or government named before."""
        if _lemma(plural) != "leader" or not any(c.lower_ in ("both", "two") for c in plural.children):
            return []
        found: list[Person] = []
        for ent in reversed([e for e in self.persons if e.end <= plural.i]):
            person = self.people.get(last_name(self._clean_name(ent)))
            if person is None or person in found or not person.title:
                continue
            if not lx.LEADER_TITLES & set(person.title.lower().split()):
                continue
            found.append(person)
            if len(found) == 2:
                span = [_char_span_of(plural)]
                return [Party("person", p.name, p.country, p.title, "participant", span) for p in found]
        return []

    def place_party(self, match: PlaceMatch, span: Span | None, role: str) -> Party:
        spans = [(span.start_char, span.end_char)] if span is not None else []
        if match.kind == "organization":
            return Party("organization", match.name, None, None, role, spans)
        if match.kind == "region" or match.code is None:
            return Party("group", match.name, None, None, role, spans)
        # A country by name, demonym or capital: named by its common short name.
        return Party("country", self.resolver.name_of(match.code) or match.name, match.code, None, role, spans)

    def _pronoun(self, token: Token, role: str) -> list[Party]:
        if token.lower_ in ("they", "their", "them"):
            # "their meeting": the parties that are the subject of the clause ("Tokyo and Washington").
            subject = self._clause_subject(token)
            if subject is None and token.dep_ in ("nsubj", "nsubjpass"):
                subject = self._subject_before(token)
            if subject is None or subject.tag_.startswith("PRP"):
                return []
            parties = self.parties(subject, role)
            return parties if len(parties) >= 2 else []
        if token.lower_ == "it":
            return self._reporting_country(token, role)
        if token.lower_ not in _PRONOUNS_PERSON:
            return []
        antecedent = self.antecedent(token)
        if antecedent is None:
            return []
        parties = self._one(antecedent, role, None)
        for party in parties:
            party.spans = [_char_span(token)]
        return [p for p in parties if p.kind == "person"]

    def _reporting_country(self, pronoun: Token, role: str) -> list[Party]:
        """"North Korea said it conducted a tactical drill": the country that tells of what it did."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or _lemma(clause.head) not in lx.REPORTING_VERBS:
            return []
        teller = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        place = self.places.at(teller) if teller is not None else None
        if place is None or place.kind not in ("country", "capital"):
            return []
        return [self.place_party(place, self.places.span_at(teller), role)]

    def _subject_before(self, they: Token) -> Token | None:
        """Who "they" are as a subject: the subject of the clause theirs hangs on ("X and Y met in
        Colonia, where they witnessed the signing"), else that of the sentence before ("X and Y met
        on Friday. They signed ...")."""
        clause = they.head
        while clause.dep_ != "ROOT":
            clause = clause.head
            if _is_verb(clause) and (subject := next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)) is not None:
                return subject
        if they.sent.start == 0:
            return None
        before = self.doc[they.sent.start - 1].sent.root
        return next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    @staticmethod
    def _clause_subject(token: Token) -> Token | None:
        clause = token
        while clause.dep_ != "ROOT" and not _is_verb(clause):
            clause = clause.head
        return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c != token), None)

    def antecedent(self, pronoun: Token) -> Token | None:
        """He/his: the subject of the pronoun's own clause when it names a person, else the last person named."""
        clause = pronoun
        while clause.dep_ not in ("ROOT",) and not _is_verb(clause):
            clause = clause.head
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child != pronoun and not child.tag_.startswith("PRP") and _is_person_like(child):
                return child
        # The nearest sentence that names a person, and in it its subject first: "Gromov said they
        # discussed a visit by the Russian president. He said ..." — He is Gromov.
        fallback = None
        for i in range(pronoun.i - 1, max(-1, pronoun.sent.start - 200), -1):
            token = self.doc[i]
            if fallback is not None and token.sent != fallback.sent:
                break
            if token.dep_ in ("nsubj", "nsubjpass", "appos", "pobj", "dobj") and _is_person_like(token) and not token.tag_.startswith("PRP"):
                if token.dep_ in ("nsubj", "nsubjpass") and token.i < pronoun.sent.start:
                    return token
                fallback = fallback or token
        return fallback


def _joins_portfolios(doc: Doc, i: int) -> bool:
    """The "and" at ``i`` joins two portfolios of one office ("Minister of Energy and Mines")."""
    return 0 < i < len(doc) - 1 and all(
        t.lower_ in lx.PORTFOLIO_WORDS and t.lower_ not in ("and", "the") and t.is_title for t in (doc[i - 1], doc[i + 1])
    )


def _is_person_like(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (_lemma(token) in lx.PERSON_TITLE_HEADS and token.tag_ in ("NN", "NNP"))


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma == token.lower_:
        # The lemmatizer leaves capitalised plurals as they are: "Armed Forces", "Ministries".
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1] if lemma.endswith("s") else lemma
    return lemma


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _coordinated(head: Token) -> list[Token]:
    """The head and its conjuncts: "Turkey and Pakistan", "the President, the Chief ..., and the Minister"."""
    result, stack = [], [head]
    while stack:
        token = stack.pop()
        if token in result:
            continue
        result.append(token)
        stack.extend(
            c for c in token.children
            if c.dep_ in ("conj", "appos") and c.ent_type_ != "DATE" and not _title_of(c, token) and not _more_of_the_portfolio(c, token)
        )
        if _lemma(token) in lx.PERSON_TITLE_HEADS:
            # "President of Uzbekistan Jasur Rakhimov, President of Tajikistan ... and President of ...":
            # the parser hangs the next office holder of the list on the name of the one before.
            names = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            stack.extend(c for n in names for c in n.children if c.dep_ in ("conj", "appos") and _lemma(c) in lx.PERSON_TITLE_HEADS)
    return sorted(result, key=lambda t: t.i)


def _more_of_the_portfolio(conjunct: Token, head: Token) -> bool:
    """"Minister of Foreign Affairs and European Integration": the second half of what the minister
    is minister of, which the parser coordinates with the title."""
    if conjunct.dep_ != "conj" or _lemma(head) not in lx.PERSON_TITLE_HEADS or conjunct.lower_ not in lx.PORTFOLIO_WORDS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and c.i < conjunct.i for c in head.children)


# Offices a plural names together: "the three ministers" after two ministers and a secretary.
_LIKE_OFFICES = {"minister": {"minister", "secretary"}, "secretary": {"minister", "secretary"}}


def _lemma_of_word(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def sentences_before(sentence: Span, count: int) -> Span:
    """The sentence ``count`` sentences before this one (or the first one)."""
    doc = sentence.doc
    for _ in range(count):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return sentence


def _as_written(words: list[Token]) -> str:
    """Words of a title as the text spaces them ("Vice-Admiral", "Governor-General"), one space where
    words were left out between them."""
    text = ""
    for word, after in zip(words, words[1:]):
        text += word.text + (word.whitespace_ if after.i == word.i + 1 else " ")
    return text + words[-1].text if words else ""


def _names_swallowed(head: Token) -> list[Token]:
    """"signed by Uruguayan Foreign Minister Federico Aldunate and Argentine Foreign Minister Joaquín
    Berreta", parsed as one phrase headed by "Berreta": the last word of each other name written
    before the head's own and cut from it by "and" or a comma, which the parser hung inside it."""
    if head.ent_type_ != "PERSON":
        return []
    own_start = next((e.start for e in head.doc.ents if e.start <= head.i < e.end), head.i)
    found = []
    for ent in head.doc.ents:
        if ent.label_ != "PERSON" or ent.end > own_start or not all(t.head.i != t.i and head in t.ancestors for t in ent):
            continue
        between = head.doc[ent.end : own_start]
        if between and between[0].tag_ == "POS":
            continue  # ("Aldunate's counterpart, Joaquín Berreta": whose counterpart, not a party)
        if any(t.lower_ in ("and", ",") for t in between) and not any(t.ent_type_ == "PERSON" for t in between):
            found.append(ent[-1])
    return found


# Last words of an event's or a body's name that the recognizer may take for a person's.
_EVENT_NAME_ENDS = lx.MEETING_NOUNS | lx.EXERCISE_NOUNS | lx.AGREEMENT_NOUNS | {"council", "commission", "committee", "forum"}


def _title_of(appositive: Token, name: Token) -> bool:
    """"Gennady Morozov, deputy commander of the Pacific Fleet": the office of the person named, not another person."""
    return (
        appositive.dep_ == "appos" and name.ent_type_ == "PERSON"
        and _lemma(appositive) in lx.PERSON_TITLE_HEADS and appositive.tag_ in ("NN", "NNP")
        # ("Crown Prince" may be tagged as a name: words of a title only are none)
        and not any(t.ent_type_ == "PERSON" and t.lower_ not in lx.TITLE_WORDS for t in appositive.subtree)
    )


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses, conjuncts or appositions."""
    tokens = [head]
    # (a hyphen inside the phrase stays: "Governor-General")
    stack = [c for c in head.children if c.dep_ not in ("conj", "cc", "appos", "relcl", "acl", "punct", "prep") or (c.dep_ == "prep" and c.lower_ in ("of", "from")) or c.tag_ == "HYPH"]
    while stack:
        token = stack.pop()
        tokens.append(token)
        # Conjoined modifiers share the head: "Cameroon and C.A.R. officials", "ministers from Britain, Canada and Italy".
        # (a list of countries the parser reads as an apposition goes on: "from the United States, Canada, ...")
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "punct", "appos", "cc", "conj") or c.dep_ == "conj" and token.dep_ in ("pobj", "compound", "amod", "nmod", "conj", "appos")
                     or c.dep_ == "appos" and c.ent_type_ == token.ent_type_ == "GPE")
    # "French, Australian and Fijian troops": the first of a list of peoples, which the parser may
    # hang elsewhere, is written right before the list it begins
    first = min(tokens, key=lambda t: t.i)
    i = first.i
    doc = head.doc
    while first.ent_type_ == "NORP" and i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "NORP" and doc[i - 2].dep_ == "amod" and doc[i - 2].head != head:
        tokens.append(doc[i - 2])
        i -= 2
    return sorted(tokens, key=lambda t: t.i)


def _phrase_text(head: Token) -> str:
    tokens = [t for t in _np_tokens(head) if t.dep_ not in ("det", "poss", "case") or t.i > head.i]
    if not tokens:
        return head.text
    doc = head.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _char_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _char_span_of(head: Token) -> tuple[int, int]:
    tokens = _np_tokens(head)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _ent_text(token: Token) -> str:
    """The text of the entity ``token`` is in, found from the IOB tags (doc.ents is costly)."""
    if not token.ent_type_:
        return token.text
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return _strip_article(doc[start:end].text)


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
