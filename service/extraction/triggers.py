"""Event triggers: the words that report a meeting, an exercise or an agreement, read in context.

A candidate word is found by a :class:`spacy.matcher.Matcher` (built once); whether it reports an
event, and whether that event happened or is planned, is decided from the dependency parse:
"held talks" is a meeting, "urged talks" is not; "signed an agreement" is an agreement,
"hoped for an agreement" is not; "naval drills" is an exercise, "fire drills" is not.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from service.extraction import lexicon as lx
from service.extraction.names import title_of_rank

# Surface forms of the candidate words. Parts of speech are checked later on the parse.
_MEETING_FORMS = [
    "meeting", "meetings", "talks", "summit", "summits", "visit", "visits", "visited", "visiting",
    "negotiations", "conference", "conferences", "consultations", "call", "calls", "conversation", "conversations",
    "trip", "trips", "meet", "meets", "met", "host", "hosts", "hosted", "hosting", "receive",
    "receives", "received", "receiving", "talk", "talked", "talking", "speak", "speaks", "spoke",
    "speaking", "confer", "confers", "conferred", "summitry", "tête-à-tête", "gathered", "convened",
    "gather", "convene", "gathering", "convening", "called", "session", "phoned", "telephoned",
    "present", "presents", "presented", "presenting", "videoconference", "videoconferences", "teleconference",
    "teleconferences",
]
_EXERCISE_FORMS = [
    "exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "maneuver", "manoeuvre",
    "wargame", "wargames", "war-games", "war-game", "edition",
]
_AGREEMENT_FORMS = [
    "agreement", "agreements", "deal", "deals", "contract", "contracts", "treaty", "treaties",
    "accord", "accords", "memorandum", "memoranda", "memorandums", "mou", "mous", "ceasefire",
    "ceasefires", "truce", "truces", "pact", "pacts", "armistice", "protocol", "protocols", "declaration", "arrangement", "arrangements", "sign",
    "signs", "signed", "signing", "ink", "inks", "inked", "exchange", "exchanges", "exchanged",
]


@dataclass
class Trigger:
    """A word that reports an event, read in context."""

    span: Span                      # the quoted trigger words ("talks", "phone call", "war games")
    type: str                       # meeting | exercise | agreement
    status: str                     # occurred | planned
    governor: Token | None          # the verb that reports a noun trigger ("held" talks, "signed" a deal)
    anaphoric: bool                 # "the meeting", "this agreement": may refer back to one already told
    strength: float                 # how clearly the words say an event happened, 0..1
    creates: bool = True            # False: only a reference to an event told elsewhere ("under the agreement")

    @property
    def head(self) -> Token:
        return self.span.root


def build_candidate_matcher(nlp: Language) -> Matcher:
    matcher = Matcher(nlp.vocab)
    matcher.add("meeting", [[{"LOWER": {"IN": _MEETING_FORMS}}]])
    matcher.add("exercise", [
        [{"LOWER": {"IN": _EXERCISE_FORMS}}],
        [{"LOWER": "war"}, {"LOWER": {"IN": ["games", "game"]}}],
        [{"LOWER": {"IN": ["joint", "military", "combat", "naval"]}}, {"LOWER": "training"}],
    ])
    matcher.add("edition", [[{"LOWER": {"IN": ["round", "retreat"]}}]])
    matcher.add("agreement", [
        [{"LOWER": {"IN": _AGREEMENT_FORMS}}],
        [{"LOWER": "cease"}, {"ORTH": "-"}, {"LOWER": {"IN": ["fire", "fires"]}}],
    ])
    return matcher


def candidate_spans(matcher: Matcher, doc: Doc) -> list[tuple[str, Span]]:
    """Candidate trigger words, longest match first, no overlaps."""
    found = []
    for match_id, start, end in matcher(doc):
        found.append((doc.vocab.strings[match_id], doc[start:end]))
    found.sort(key=lambda item: (item[1].start, -(item[1].end - item[1].start)))
    chosen, last_end = [], -1
    for label, span in found:
        if span.start >= last_end:
            chosen.append((label, span))
            last_end = span.end
    return chosen


# --------------------------------------------------------------------------- reading the parse

def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


# Nouns that only frame another: "eight hours of talks", "on the sidelines of the summit".
_FRAME_NOUNS = frozenset({
    "hour", "day", "week", "month", "round", "series", "session", "sideline", "margin", "eve",
    "edition", "iteration", "phase", "stage", "leg", "ceremony",
    "end", "start", "opening", "close", "conclusion", "part", "kind", "number", "couple", "flurry",
    "spate", "wave", "string", "set", "lot", "host", "week-long", "two-day", "three-day",
})


def governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from: "held [talks]", "during [the meeting]" → said, "[talks] began"."""
    current = token
    for _ in range(4):
        if current.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative", "npadvmod"):
            head = current.head
            return head if _is_verb(head) else None
        if current.dep_ == "pobj" and current.head.dep_ in ("prep", "agent", "dative"):
            preposition = current.head
            current = preposition.head
            if _is_verb(current):
                return current
            if _is_noun(current) and not (preposition.lower_ == "of" and _lemma(current) in _FRAME_NOUNS):
                # "discussed the issues in a phone call", "signed the deal during the visit": the
                # parser hangs the time phrase on the object; it tells when the verb's act took place.
                if preposition.lower_ in ("in", "during") and current.dep_ == "dobj" and _is_verb(current.head):
                    return current.head
                # ("had settled on Tumbes as the venue during a phone call": on the object of a preposition)
                if preposition.lower_ == "during" and current.dep_ == "pobj" and current.head.dep_ == "prep" and _is_verb(current.head.head):
                    return current.head.head
                return None
            continue
        if current.dep_ == "conj":
            current = current.head
            continue
        if current.dep_ == "compound" and _lemma(current.head) in lx.PERSON_TITLE_HEADS:
            return None  # "said the exercise director", "the summit host": a person named by the event
        if current.dep_ in ("appos", "compound"):
            current = current.head
            continue
        return None
    return None


def _modals(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in ("no", "never")) for c in token.children)


# Dependencies through which a clause's factuality reaches the words inside it.
_EMBEDDING_DEPS = frozenset({
    "dobj", "pobj", "prep", "xcomp", "ccomp", "advcl", "acomp", "attr", "oprd", "conj", "compound",
    "amod", "npadvmod", "nsubj", "nsubjpass", "csubj", "csubjpass", "pcomp", "appos", "dative",
    "agent", "nmod", "acl",
})
# A noun in one of these phrases names the setting of the clause, which exists whatever the clause says.
_SETTING_PREPOSITIONS = frozenset({"at", "during", "on", "in", "amid", "ahead", "before"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_EXPECTATION_WORDS = frozenset({"due", "set", "scheduled", "slated", "poised", "expected", "going", "planned", "ready"})


def _is_non_factual_word(token: Token) -> bool:
    if _lemma(token) == "call":
        # "called for talks", "called on both sides to meet"; not "the meeting was called a success".
        # ("the visit was called off": cancelled)
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on") or c.dep_ == "xcomp" or c.dep_ == "prt" and c.lower_ == "off" for c in token.children)
    return _lemma(token) in lx.NON_FACTUAL_GOVERNORS or token.lower_ in lx.NON_FACTUAL_GOVERNORS


_PLACE_NOUNS = frozenset({
    "region", "area", "sea", "waters", "zone", "province", "district", "strait", "gulf", "bay",
    "desert", "mountain", "border", "coast", "airspace", "range", "north", "south", "east", "west",
})
def _dated_past_edition(trigger: Token) -> bool:
    """"The previous Zapad exercise was held in September 2021": an earlier edition, told with its date."""
    if not any(c.dep_ == "amod" and c.lower_ in ("previous", "past", "earlier", "last") for c in trigger.children):
        return False
    # ("The previous Southern Cross exercise, held in May 2023, drew 2,000 troops": its own clause)
    verbs = [governing_verb(trigger)] + [c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return any(t.ent_type_ == "DATE" for verb in verbs if verb is not None for c in verb.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree)


def _told_as_a_habit(trigger: Token) -> bool:
    """"has been held periodically since 1993", "negotiations had been held since 2002", "has met
    every year": a series or a process of years, not one happening."""
    verb = trigger if _is_verb(trigger) else governing_verb(trigger)
    if verb is None:
        return False
    # ("regularly host and participate in joint exercises": the adverb of both verbs)
    if any(c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS for v in (verb, verb.head if verb.dep_ == "conj" else verb) for c in v.children):
        return True
    perfect = any(c.dep_ in ("aux", "auxpass") and _lemma(c) == "have" for c in verb.children)
    since_year = any(
        c.dep_ in ("prep", "advmod") and c.lower_ == "since"
        and any(p.dep_ == "pobj" and (p.like_num and len(p.text) == 4 or p.ent_type_ == "DATE") or p.dep_ in ("pobj", "pcomp") and p.lower_ == "then" for p in c.children)
        for c in verb.children
    )  # ("have held several rounds of negotiations since then", "Talks have been frozen since January")
    # "The commission has met every year since it was established"
    every_period = any(c.dep_ in ("npadvmod", "advmod") and any(d.lower_ in ("every", "each") for d in c.children) for c in verb.children)
    # "the JWG has now met seven times", "have met three times this year": a count of happenings
    counted = any(
        c.dep_ == "npadvmod" and _lemma(c) == "time" and any(d.dep_ == "nummod" and d.lower_ not in ("one", "1") for d in c.children)
        for c in verb.children
    )
    return counted or perfect and (since_year or every_period)


_HABIT_ADVERBS = frozenset({"periodically", "regularly", "routinely", "frequently", "often", "traditionally", "usually", "customarily"})
_CLASS_MODIFIERS = frozenset({"similar", "such", "various", "numerous", "countless"})
# "Previous ceasefires brokered by Angola have collapsed": earlier agreements as a class, in the plural.
_EARLIER_MODIFIERS = frozenset({"previous", "past", "earlier", "prior"})


def factuality(trigger: Token, start: Token | None = None) -> str | None:
    """"occurred", "planned", or None when the text does not say the event happens.

    Walks from the trigger (or the verb that concludes it) up through the clauses that embed it:
    "urged both sides to hold [talks]" and "little chance that a [summit] will take place" are
    not events; "is due to [visit]" and "agreed to hold [drills]" are planned; what a reporting
    verb reports ("said they [met]") is taken as told.
    """
    planned = any(c.dep_ in ("amod", "compound") and c.lower_ in lx.PLANNED_NOUN_MODIFIERS for c in trigger.children)
    if _has_neg(trigger) or any(c.dep_ == "amod" and c.lower_ in lx.HYPOTHETICAL_NOUN_MODIFIERS for c in trigger.children):
        if not _dated_past_edition(trigger):
            return None
    if any(c.dep_ == "compound" and c.lower_ == "draft" for c in trigger.children) and not (trigger.dep_ == "dobj" and _lemma(trigger.head) in ("sign", "ink")):
        return None  # "the Council approved a draft memorandum": a text still to sign
    if any(c.dep_ in ("amod", "det", "predet") and c.lower_ in ("such", "any") for c in trigger.children):
        return None  # "has denounced such drills", "would defend it in any negotiations": a kind of event
    if _told_as_a_habit(trigger if start is None else start):
        return None
    if _is_noun(trigger) and trigger.dep_ == "nsubj" and _modals(trigger.head) & {"would", "could", "might"}:
        return None  # "a summit between the two leaders would give the process momentum": what it would do
    if _is_noun(trigger) and trigger.dep_ == "nsubj" and any(c.dep_ == "acl" and _lemma(c) in _ONLY_PROPOSED for c in trigger.children):
        # "a summit proposed by regional diplomats appeared unlikely" (not "a meeting requested by China",
        # which met, nor "signed a treaty first proposed in 2019")
        return None
    if _is_noun(trigger) and trigger.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr", "oprd") and _is_non_factual_word(c) for c in trigger.head.children):
        return None  # "a summit ... appeared unlikely"
    node = start if start is not None else trigger
    coordinated = False  # reached from a verb coordinated with it: "discussed X and signed a plan"
    for _ in range(10):
        if _has_neg(node):
            return None
        if node != trigger and _is_non_factual_word(node) and not coordinated:
            return None
        if node != trigger and _is_verb(node) and any(c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS for c in node.children):
            return None  # "has been held periodically ... as part of plans to carry out joint training": a habit
        modals = _modals(node)
        # (what a report says is as told, unless the report is denied: "denied a report that the deal had been signed")
        reporting = node != trigger and _lemma(node) in lx.REPORTING_VERBS and not (_is_noun(node) and node.dep_ in ("dobj", "pobj"))
        if reporting and modals <= {"should", "must"}:
            break  # "It should be noted that the exercises were held in June": a writer's aside, not a doubt
        if modals & lx.HYPOTHETICAL_MODALS:
            return None
        if "would" in modals and _lemma(node) in _WISHES:
            return None  # "I would welcome a summit between the EU and China this year"
        if modals & lx.FUTURE_MARKERS or "would" in modals:
            planned = True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in node.children):
            return None
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in node.children):
            return None
        if node != trigger and node.lower_ in _EXPECTATION_WORDS:
            planned = True
        if reporting:
            break
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if infinitive and node.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl"):
            governor = node.head
            if governor.lower_ in _READINESS or governor.tag_ == "JJ" and _lemma(governor) in _READINESS:
                return None  # "ready to resume talks at any moment": willing, not planned
            if _lemma(governor) in lx.PLANNING_GOVERNORS or governor.lower_ in _EXPECTATION_WORDS:
                if any(c.dep_ == "aux" and c.lower_ == "had" for c in governor.children):
                    return None  # "the trip had been expected to include talks": a plan that fell through
                if _told_as_a_past_plan(governor) and _trips_called_off(trigger.doc):
                    return None  # "has cancelled a visit ... was due to hold talks with the minister": of the trip called off
                planned = True
            else:
                return None  # "want to meet", "hopes to sign", "efforts to reach a deal"
        if node.dep_ in ("relcl", "ROOT") or node.head == node:
            break
        if node.dep_ == "acl" and not infinitive and node == start and not any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            break  # "the deal signed on Monday": the participle's own clause (not "denied a report that the deal had been signed")
        if node.dep_ not in _EMBEDDING_DEPS:
            break
        if node.dep_ == "prep" and node.lower_ in ("after", "following", "since"):
            break  # "... after meeting with Biden": it happened, whatever the clause around it says
        if node.dep_ == "prep" and node.lower_ in _SETTING_PREPOSITIONS and _is_noun(trigger):
            if _lemma(node.head) == "be" and _has_neg(node.head):
                return None  # "Our soldiers are not on an exercise": none is told
            break  # "an attempt to bridge the gap at working-level talks": the talks took place
        # (a verb's meaning does not reach the verb coordinated with it; its tense and modals do)
        coordinated = node.dep_ == "conj" and _is_verb(node) and _is_verb(node.head)
        if coordinated and node.tag_ == "VBD" and node.head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.head.children):
            # "agreed Thursday to raise relations ... and oversaw the signing": a past tense is no part of
            # the infinitive the parser hung it on, but a second verb of its subject
            node = node.head.head
            continue
        node = node.head
    return "planned" if planned else "occurred"


def _told_as_a_past_plan(governor: Token) -> bool:
    """"was due to", "were scheduled to": a plan told in the past tense."""
    verb = governor.head if governor.dep_ == "acomp" else governor
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in verb.children)


_FACILITIES = frozenset({
    "center", "centre", "headquarters", "base", "plant", "factory", "hospital", "school", "university",
    "museum", "site", "port", "airport", "station", "facility", "camp", "laboratory", "shipyard", "mine",
    "farm", "refinery", "dam", "exhibition", "fair", "market", "memorial", "mausoleum", "cemetery",
})
# Sites a visiting delegation pays tribute at or tours, meeting no one there.
_MEMORIAL_SITES = frozenset({
    "alley", "memorial", "monument", "mausoleum", "cemetery", "tomb", "grave", "shrine", "pantheon", "park",
    "museum", "complex", "garden",
})
_ONLY_PROPOSED = frozenset({"propose", "suggest", "float", "envisage", "envision", "mull", "consider", "discuss", "moot"})
_READINESS = frozenset({"ready", "willing", "prepared", "eager", "keen", "open", "happy", "able"})
_WISHES = frozenset({"welcome", "like", "love", "support", "prefer", "favor", "favour", "back"})


def _compounds(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}


def _sentence_lemmas(token: Token) -> set[str]:
    return {_lemma(t) for t in token.sent} | {_singular(t) for t in token.sent if t.tag_ == "NNPS"}


def _singular(token: Token) -> str:
    """"Marines" → "marine", "Armed Forces" → "force": the lemmatizer keeps a plural proper noun whole."""
    word = token.lower_
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _is_military_context(token: Token) -> bool:
    modifiers = {t.lower_ for t in token.subtree if t.i < token.i and t.sent == token.sent} | _compounds(token)
    lemmas = _sentence_lemmas(token)
    if lemmas & _CIVIL_ACTORS:
        return False  # "Rescuers of the ministry held a training exercise ... by stretcher and helicopter"
    if _lemma(token) == "exercise" and {_lemma(t) for t in token.subtree if t.i < token.i and t.sent == token.sent} & lx.ADMINISTRATIVE_EXERCISE_WORDS:
        return False  # "the ongoing mop-up registration exercise", "a special revision exercise for candidates"
    civil = modifiers & lx.CIVIL_DRILL_WORDS - {"fire"}
    if civil == {"rescue"} and lemmas & _ARMED_SERVICES:
        return True  # "the two navies held a joint search and rescue exercise": the forces' own drill
    if civil:
        return False
    # (not a name's "Fire": "the Fire Shield 2023 artillery exercise")
    fire = any(t.lower_ == "fire" and t.pos_ != "PROPN" for t in token.subtree if t.i < token.i) or "fire" in _compounds(token) and not any(
        c.lower_ == "fire" and c.pos_ == "PROPN" for c in token.children
    )
    if fire and not ({"live"} & modifiers or "live-fire" in modifiers):
        return False
    if modifiers & lx.MILITARY_WORDS - {"exercise", "drill"}:
        return True
    if lemmas & _MILITARY_CONTEXT:
        return True
    # "Turkey said the drills were a provocation", "the allies staged the springtime Freedom Shield
    # exercise": the story before says what drills they are.
    if _is_anaphoric(token) or any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in token.children):
        start = max(0, token.sent.start - _CONTEXT_TOKENS)
        # "the national earthquake drill ... took part in the drill": the story's drills say what it is.
        if _lemma(token) in _civil_only(token.doc):
            return False
        return any(_lemma(t) in _MILITARY_CONTEXT for t in token.doc[start : token.sent.start])
    return False


# Who drills for civil emergencies; and the forces whose rescue drills are their own exercises.
_CIVIL_ACTORS = frozenset({"rescuer", "firefighter", "fireman", "paramedic", "lifeguard"})
_ARMED_SERVICES = frozenset({"navy", "naval", "military", "army", "troop", "warship", "frigate", "destroyer", "marine", "sailor", "soldier"})
_MILITARY_CONTEXT = lx.MILITARY_WORDS - {"exercise", "drill", "joint", "special", "command", "air", "fire", "guard", "coast", "strategic", "nuclear"}

if not Doc.has_extension("eventex_civil_only"):
    Doc.set_extension("eventex_civil_only", default=None)  # read once per story


def _civil_only(doc: Doc) -> set[str]:
    """The exercise words ("drill", "exercise") the story only ever qualifies as civil ones."""
    if doc._.eventex_civil_only is None:
        civil, military = set(), set()
        for token in doc:
            lemma = _lemma(token)
            if lemma in lx.EXERCISE_NOUNS:
                modifiers = _compounds(token)
                if modifiers & lx.CIVIL_DRILL_WORDS:
                    civil.add(lemma)
                if modifiers & _MILITARY_CONTEXT:
                    military.add(lemma)
        doc._.eventex_civil_only = civil - military
    return doc._.eventex_civil_only
_CONTEXT_TOKENS = 250


def _places(doc: Doc) -> list:
    """The place mentions ``eventex_places`` marked in the story (none when it did not run)."""
    return (doc._.places or []) if doc.has_extension("places") else []


def _is_place_or_party(token: Token) -> bool:
    if token.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"):
        return True
    if token.is_title and token.i > token.sent.start and token.pos_ in ("PROPN", "NOUN"):
        return True  # a name the tagger missed: "a visit by Starmer"
    return _lemma(token) in lx.PERSON_TITLE_HEADS or _lemma(token) in lx.GROUP_HEADS


def _foreign_place_in(sentence: Span) -> bool:
    """Whether the sentence names at least two countries (by name, demonym or capital): a visit abroad."""
    places = _places(sentence.doc)
    codes = {p.code for p in places if p.code and sentence.start_char <= p.start < sentence.end_char}
    return len(codes) >= 2 or (len(codes) == 1 and any(p.kind == "capital" for p in places if sentence.start_char <= p.start < sentence.end_char))


def _names_a_country(token: Token) -> bool:
    """"visited Ghana": a country by its name (not a city, which may be at home)."""
    places = _places(token.doc)
    return any(p.kind == "country" and p.start <= token.idx < p.end for p in places)


def _names_a_nation(token: Token) -> bool:
    """"Ghana", "Turkish": a country by its name or by its people's."""
    return any(p.kind in ("country", "demonym") and p.start <= token.idx < p.end for p in _places(token.doc))


def _a_countrys_capital(token: Token) -> bool:
    """"visited the Algerian capital", "the Chinese capital": a country's seat of government."""
    if _lemma(token) != "capital":
        return False
    return any(_names_a_nation(c) for c in token.children if c.dep_ in ("amod", "compound", "poss"))


def _is_party(token: Token) -> bool:
    """Who can meet, visit or sign: people, officials, states, organisations, delegations."""
    if token.tag_ in ("PRP", "WP", "WDT"):
        return token.lower_ not in ("it", "this", "that", "which", "what")
    if token.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or token.tag_ in ("NNP", "NNPS"):
        return True
    lemma = _lemma(token)
    return lemma in lx.PERSON_TITLE_HEADS or lemma in lx.GROUP_HEADS or lemma in lx.SINGULAR_ORG_HEADS or lemma in ("side", "country", "nation", "state", "both", "two")


def _with_someone(noun: Token) -> bool:
    """"followed by a call with Prasert": a call with someone named is a call between them."""
    return any(
        child.dep_ == "prep" and child.lower_ == "with" and any(p.dep_ == "pobj" and _is_party(p) for p in child.children)
        for child in noun.children
    )


def _with_party(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            return any(c.dep_ == "pobj" for c in child.children)
    return False


# --------------------------------------------------------------------------- the three readers

def read_meeting(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    if _off_the_field(token):
        return None
    if _is_verb(token) and token.tag_ != "VBG" or (token.tag_ == "VBG" and token.dep_ not in ("pobj", "dobj", "nsubj", "compound")):
        return _meeting_verb(span, token, lemma)
    if not _is_noun(token):
        return None
    if lemma == "talk" and token.lower_ != "talks":
        return None
    if lemma == "meeting" and _of_one_body(token):
        return None
    if lemma == "meeting" and _a_working_meeting_of_ones_own(token):
        return None
    if lemma == "session" and not _session_of_a_league(token) and not (
        _past_edition(token) and (_last_event_word_before(token) in lx.MEETING_NOUNS or _joint_sessions_told_before(token))
    ) and not (
        # "... at the first session of their Joint Permanent Commission. The session, held in Dodoma on
        # Thursday, was co-chaired by ...": the session just told
        _is_anaphoric(token) and not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in token.children)
        and _last_event_word_before(token, sentences=2) == "session" and _joint_sessions_told_before(token)
    ):
        return None  # (but "Last year's session was also held online", of the meeting just told)
    if _told_as_a_process(token):
        return None
    if _a_work_or_a_lecture(token) or token.ent_type_ == "WORK_OF_ART":
        return None  # ("In his memoir, 'Talks at Midnight'")
    if lemma in ("gathering", "convening"):
        # "a gathering of G20 finance ministers", "on the sidelines of the gathering"; not people
        # "gathering in parks".
        members = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not _is_anaphoric(token) and not any(_lemma(m) in lx.GROUP_HEADS | lx.PERSON_TITLE_HEADS or m.ent_type_ in ("ORG", "NORP", "GPE") for m in members):
            return None
        if any(_is_craft(m) for m in members):
            return None  # "the largest gathering of foreign warships in a generation": a naval review
    elif lemma not in lx.MEETING_NOUNS:
        return None
    if lemma in ("call", "conversation"):
        # "a phone call", "video conversations", "held a call with": not "a wake-up call", "the call for talks".
        if not _compounds(token) & lx.CALL_QUALIFIERS and not _held_with(token) and not (lemma == "call" and _with_someone(token)):
            return None
    if lemma == "conference" and _compounds(token) & lx.NOT_MEETING_CONFERENCE:
        return None
    if lemma in ("summit", "conference", "forum") and {w.lower() for w in _compounds(token)} & lx.TRADE_SHOWS:
        return None  # "the Tagus Tech Summit closed after four days of talks on AI": a trade show
    if _briefing(token):
        return None
    if lemma == "meeting" and _compounds(token) & lx.NOT_OFFICIAL_MEETING and not _compounds(token) & _OFFICIALS_MEETING:
        return None  # (but "the annual two-plus-two ministerial meeting" is of officials)
    if lemma == "meeting" and _refers_back(token) and _one_sides_meeting_told_before(token):
        return None  # "at the end of a two-day policy meeting ... told a news conference after the meeting"
    if lemma in ("talk", "negotiation") and _compounds(token) & lx.BUSINESS_TALKS:
        return None  # "merger talks", "pay talks": a company's business, not officials meeting
    if lemma in ("talk", "negotiation") and _compounds(token) & {"accession", "membership"}:
        return None  # "Kyiv's accession negotiations with the EU": joining an organisation, a process
    if token.dep_ == "pobj" and token.head.lower_ == "in" and _lemma(token.head.head) == "be" and _has_neg(token.head.head):
        return None  # "the bank is not in talks with any rival"
    if lemma in ("visit", "trip") and (_is_anaphoric(token) or any(c.dep_ == "poss" for c in token.children)) and _trips_called_off(token.doc):
        return None  # "has cancelled a planned trip to Israel ... Bayrak's trip had been expected to include talks"
    if (
        lemma in _CALLED_OFF_SESSIONS and _called_off(token.doc).get(lemma, len(token.doc)) <= token.i
        and not _past_edition(token) and not any(c.dep_ == "amod" and c.lower_ == "last" for c in token.children)
    ):
        return None  # "have postponed the intergovernmental consultations ... The consultations, planned for October 20"
    if lemma in ("visit", "trip") and _to_a_province(token):
        return None  # "paid a working visit to Umnugovi province": a tour at home
    if lemma in ("visit", "trip") and not _visit_has_party(token):
        if not _is_anaphoric(token):
            return None
        # "During the visit, ...": a reference to a visit told before.
        status = factuality(token)
        return Trigger(span, "meeting", status, governing_verb(token), True, 0.5, creates=False) if status else None
    if lemma in ("visit", "trip") and governing_verb(token) is not None:
        visitors = [c for c in governing_verb(token).children if c.dep_ == "nsubj"]
        if visitors and not all(_is_party(v) and not _is_craft(v) for v in visitors):
            return None  # "a warship paid a visit to the capital", "the INS Imphal, a destroyer, paid a visit": a port call
    if lemma == "host" or lemma == "receive" or lemma == "meet" or lemma == "speak" or lemma == "confer":
        return None
    governor = governing_verb(token)
    status = factuality(token)
    if status is None:
        return None
    anaphoric = _is_anaphoric(token)
    strength = 0.75 if governor is not None and _lemma(governor) in lx.HOLDING_VERBS else 0.6
    # A bare noun that no verb reports ("a role in talks with Ukraine") only refers to an event told elsewhere.
    return Trigger(span, "meeting", status, governor, anaphoric, strength, creates=governor is not None or _introduces(token))


# Verbs that tell of talks as a process that goes on, not of a session: "talks are continuing",
# "the negotiations remain stalled", "talks on the code have dragged on".
_PROCESS_VERBS = frozenset({"continue", "remain", "stall", "drag", "linger", "grind", "stagnate"})
# "years of talks", "decades of negotiations": a process longer than any session.
_PROCESS_SPANS = frozenset({"year", "decade", "month"})


# What a show, a book or a film is: "Summit, her first exhibition", "Talks, a new play".
_WORKS = frozenset({
    "exhibition", "film", "book", "album", "show", "festival", "novel", "documentary", "play", "painting",
    "song", "opera", "series", "programme", "program", "collection", "installation", "podcast", "musical",
})


if not Doc.has_extension("eventex_called_off"):
    Doc.set_extension("eventex_called_off", default=None)  # read once per story

_CALLING_OFF = frozenset({"cancel", "postpone", "scrap", "shelve", "abandon"})
# Sessions whose calling off a story tells, then tells of again (visits and trips have their own rule).
_CALLED_OFF_SESSIONS = frozenset({"consultation", "summit", "meeting", "talk", "negotiation", "conference", "session"})


def _called_off(doc: Doc) -> dict[str, int]:
    """The meeting nouns the story tells were cancelled or called off ("has cancelled a planned trip",
    "Germany and Poland have postponed the intergovernmental consultations"), with where it first
    says so: the same noun told again after that is that happening, which did not take place."""
    if doc._.eventex_called_off is None:
        found: dict[str, int] = {}
        for t in doc:
            if _lemma(t) in lx.MEETING_NOUNS and t.dep_ in ("dobj", "nsubjpass") and (
                _lemma(t.head) in _CALLING_OFF or _lemma(t.head) == "call" and any(c.lower_ == "off" for c in t.head.children)
            ):
                found.setdefault(_lemma(t), t.i)
        doc._.eventex_called_off = found
    return doc._.eventex_called_off


def _trips_called_off(doc: Doc) -> bool:
    return "visit" in _called_off(doc) or "trip" in _called_off(doc)


def _a_work_or_a_lecture(noun: Token) -> bool:
    """"Summit, her first major exhibition, opens", "the exhibition's talks programme", "a series of
    lunchtime talks by mountain guides": a work's title, or lectures given to an audience."""
    if any(c.dep_ == "appos" and _lemma(c) in _WORKS for c in noun.children) or noun.dep_ == "appos" and _lemma(noun.head) in _WORKS:
        return True  # "Summit, her first exhibition", "his memoir, 'Talks at Midnight'"
    if noun.dep_ == "compound" and _lemma(noun.head) in _WORKS:
        return True
    if noun.lower_ == "talks" and not _with_party(noun) and not any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in noun.children):
        speakers = [p for c in noun.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
        return bool(speakers) and not any(_lemma(p) in lx.PERSON_TITLE_HEADS | lx.GROUP_HEADS or p.ent_type_ in ("GPE", "NORP", "ORG") for p in speakers)
    return False


def _a_working_meeting_of_ones_own(noun: Token) -> bool:
    """"President Hojamuradov held a working meeting via digital system": a leader's meeting with his
    own officials, held by one person with no one else named to meet (not "the foreign ministers
    had held a working meeting", nor "a working meeting with the Russian ambassador")."""
    if not any(c.dep_ in ("amod", "compound") and c.lower_ == "working" for c in noun.children):
        return False
    verb = governing_verb(noun)
    if _with_party(noun) or verb is None or _with_party(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subjects[0].children)


def _one_of_a_series(noun: Token) -> bool:
    """"the regular session of the intergovernmental commission": one sitting of a series, not the
    habit ("regular consultations", "the regular meetings")."""
    return noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("the", "this", "its", "their") for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


def _told_as_a_process(noun: Token) -> bool:
    """Talks told as a process (going on, stalled, years long) or as a habit ("regular
    consultations"), not as one happening at a time and place."""
    if _habits_listed(noun) and not _one_of_a_series(noun):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in ("through", "via") and not _is_anaphoric(noun):
        return True  # "to resolve disputes through peaceful negotiations": a means, not a session
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in _PROCESS_SPANS:
        return True
    if noun.dep_ == "nsubj" and _lemma(noun.head) in ("begin", "start") and any(c.dep_ == "mark" and c.lower_ == "since" for c in noun.head.children):
        return True  # "the most concrete progress since negotiations began": the process's start
    # The verb it is the subject of, or a clause on it ("talks that remain stalled").
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    verbs += [c for c in noun.children if c.dep_ in ("relcl", "advcl") and not any(s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP") for s in c.children)]
    # Told in the present or as going on ("are continuing", "remain", "have dragged on", "said talks
    # were continuing", "with talks stalled"); "talks continued on Tuesday" is a session.
    return any(
        _lemma(verb) in _PROCESS_VERBS
        and (
            verb.tag_ in ("VBZ", "VBP", "VBG")
            or any(c.dep_ == "aux" and c.lower_ in ("is", "are", "has", "have", "'s", "'re", "'ve") for c in verb.children)
        )
        for verb in verbs
    ) or any(c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in _PROCESS_VERBS for c in noun.children)


# Words that make a meeting one of officials whatever else qualifies it ("annual", "public").
_OFFICIALS_MEETING = frozenset({"ministerial", "bilateral", "trilateral", "intergovernmental", "two-plus-two", "2+2", "leaders", "summit"})


# Ships and aircraft: they take part in exercises, but a port call is no meeting of parties.
_CRAFT = frozenset({
    "warship", "ship", "vessel", "boat", "aircraft", "plane", "jet", "fighter", "bomber", "submarine",
    "destroyer", "frigate", "corvette", "cruiser", "carrier", "helicopter", "drone", "tanker",
})


def _is_craft(token: Token) -> bool:
    """"an Indian warship", "the INS Imphal, a stealth destroyer"."""
    return _lemma(token) in _CRAFT or any(c.dep_ == "appos" and _lemma(c) in _CRAFT for c in token.children)


def _received_by_person(verb: Token) -> bool:
    """"The envoy was received by President Liu": hosted by a person, not "was received by markets"."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(agents) and all(a.ent_type_ == "PERSON" or _lemma(a) in lx.PERSON_TITLE_HEADS for a in agents) and all(_is_party(s) for s in subjects)


def _off_the_field(token: Token) -> bool:
    """Sports and mountaineering: "the two sides met in the final", "reached the summit of Everest",
    "snow on the summits of the Highlands", "the summit of the post-crisis boom"; and, in a story told
    in match-report words all through, a meeting no official or country takes part in."""
    summit = _lemma(token) == "summit"
    if summit and _summit_of_a_thing(token):
        return True
    if _sports_or_mountain_story(token.doc) and not _official_party_near(token):
        return True
    sport, mountain = _sport_and_mountain_words(token.sent)
    return sport or summit and mountain


if not Doc.has_extension("eventex_sentence_sport"):
    Doc.set_extension("eventex_sentence_sport", default=None)  # read once per sentence


def _sport_and_mountain_words(sentence: Span) -> tuple[bool, bool]:
    """Whether a sentence names a match ("met in the final") and whether it names mountaineering."""
    doc = sentence.doc
    if doc._.eventex_sentence_sport is None:
        doc._.eventex_sentence_sport = {}
    found = doc._.eventex_sentence_sport.get(sentence.start)
    if found is None:
        # ("the Arab League", "the Cup Final": names are no sign of sport; "final" is often tagged an
        # adjective even where it is the match)
        words = {_lemma(t) for t in sentence if t.pos_ != "PROPN"}
        nouns = {_lemma(t) for t in sentence if t.pos_ == "NOUN" or t.dep_ in ("pobj", "dobj", "nsubj") and t.pos_ != "PROPN"}
        found = (bool(nouns & _SPORTS_NOUNS), bool(words & _MOUNTAIN_WORDS))
        doc._.eventex_sentence_sport[sentence.start] = found
    return found


def _summit_of_a_thing(summit: Token) -> bool:
    """"the summit(s) of <X>" where X is no body, grouping, people or country: a top, not a meeting."""
    tops = [p for c in summit.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    places = _places(summit.doc)
    parties = {i for p in places for i in range(p.start, p.end)}  # a country, a body, a region: "the summit of the Americas"
    return bool(tops) and not any(
        t.ent_type_ in ("ORG", "NORP") or t.idx in parties or t.pos_ == "NUM"
        or _lemma(t) in lx.GROUP_HEADS | lx.PERSON_TITLE_HEADS | lx.SINGULAR_ORG_HEADS
        for top in tops for t in top.subtree
    )


if not Doc.has_extension("eventex_sports"):
    Doc.set_extension("eventex_sports", default=None)  # read once per story


def _sports_or_mountain_story(doc: Doc) -> bool:
    """A story that uses three or more different match-report words, or of mountaineering."""
    if doc._.eventex_sports is None:
        # (the words' own forms are looked at first: reading every token's lemma costs more than the parse of a sentence)
        words = _SPORTS_STORY_WORDS | _MOUNTAIN_WORDS
        lemmas = {
            _lemma(t) for t in doc
            if (t.lower_ in words or t.lower_[:-1] in words or t.lower_[:-2] in words) and t.pos_ in ("NOUN", "VERB", "PROPN")
        }
        doc._.eventex_sports = len(lemmas & _SPORTS_STORY_WORDS) >= 3 or len(lemmas & _MOUNTAIN_WORDS) >= 3
    return doc._.eventex_sports


def _official_party_near(token: Token) -> bool:
    """An official or a government body named in the trigger's sentence."""
    # (a country alone is no sign: in a match report it is a team, "with India leading the series 2-1")
    # ("the two leaders of the standings", "the coach", "the captain" are a match's)
    return any(_lemma(t) in lx.PERSON_TITLE_HEADS - {"coach", "captain", "leader"} or _lemma(t) in ("government", "ministry", "delegation") for t in token.sent)


def _session_of_a_league(session: Token) -> bool:
    """"the 160th ordinary session of the Arab League Council at the ministerial level": a sitting of a
    body of several states is a meeting of its members; not "a training session", "a session of
    parliament" (one side's own body)."""
    bodies = [p for c in session.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return any(
        _joint_body(body)
        or any(t.ent_type_ == "ORG" for t in body.subtree) and not _of_one_body(session)
        and any(t.lower_ in _LEAGUE_WORDS for t in body.subtree)
        for body in bodies
    )


def _joint_sessions_told_before(session: Token) -> bool:
    """Whether the story told a session of a body of several states before ("the 53rd session of the
    Joint Norwegian-Russian Fisheries Commission"): "The third session of the Presidential Council
    was held in Dakar in 2020" is an earlier one of them, paragraphs later."""
    return any(_lemma(t) == "session" and _session_of_a_league(t) for t in session.doc[: session.i])


_JOINT_WORDS = frozenset({"joint", "bilateral", "binational", "bi-national", "intergovernmental", "inter-governmental", "mixed", "trilateral"})


def _joint_body(body: Token) -> bool:
    """"the Morocco-Mauritania Grand Joint Commission", "the Senegalo-Gambian Presidential Council":
    a body two states share, whose session is a meeting of both."""
    words = list(body.subtree)
    if any(t.lower_ in _JOINT_WORDS for t in words):
        return True
    return any(t.tag_ == "HYPH" for t in words) and any(_names_a_nation(t) for t in words)


_LEAGUE_WORDS = frozenset({"league", "union", "nations", "organization", "organisation", "cooperation", "forum", "community", "alliance"})


def _of_one_body(meeting: Token) -> bool:
    """"a meeting of the government's disaster task force", "a cabinet meeting": one side's own
    meeting, unless an international body ("a meeting of the UN Security Council", "NATO's
    military committee") or another party ("with ...") is named."""
    if _with_party(meeting):
        return False
    if _its_own_meeting(meeting):
        return True
    bodies = [c for c in meeting.children if c.dep_ == "compound"]
    bodies += [p for c in meeting.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for body in bodies:
        if _lemma(body) in _SITTING_BODIES and _owned_by_one_side(body):
            return True  # "a meeting of the junta's National Defence and Security Council"
        if _lemma(body) not in _DOMESTIC_BODIES or any(c.dep_ == "conj" for c in body.children):
            continue
        # (the body's own name is no other party: "the Cabinet of Ministers", "the two Houses of the
        # Federal Parliament of Ghana"; a second country is: "the Ghana-Togo joint committee")
        if any(t.ent_type_ == "ORG" and t.lower_ not in _BODY_NAME_WORDS and not _names_a_country(t) for t in body.subtree) and not _chaired_by_one_side(body):
            continue
        if _names_two_countries(body):
            continue
        return True
    return False


def _chaired_by_one_side(body: Token) -> bool:
    """"the Defense Industry Executive Committee, chaired by the Turkish president": a named body one
    country's leader chairs, with no joint or international word in its name."""
    if _joint_body(body) or any(_in_organization(t) or _lemma(t) in _LEAGUE_WORDS for t in body.subtree):
        return False
    # (the parser may hang the participle on the verb: "at the meeting of the Committee, chaired by ...")
    doc = body.doc
    after = body.i + 1 + (body.i + 1 < len(doc) and doc[body.i + 1].text == ",")
    verbs = [c for c in body.children if c.dep_ == "acl"] + ([doc[after]] if after < len(doc) and doc[after].tag_ == "VBN" else [])
    chairs = [
        p for c in verbs if _lemma(c) in ("chair", "head", "lead", "preside")
        for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
    ]
    return len(chairs) == 1 and not chairs[0].conjuncts and any(_names_a_nation(t) for t in chairs[0].subtree)


def _names_two_countries(body: Token) -> bool:
    """"the fisheries commission of Chile and Peru", "the Ghana-Togo joint committee"."""
    return sum(1 for t in body.subtree if t.ent_type_ in ("GPE", "NORP") and t.ent_iob_ == "B" or not t.ent_type_ and _names_a_country(t)) >= 2


_ONE_SIDE = frozenset({
    "junta", "government", "regime", "party", "military", "army", "country", "administration", "president",
    # a legislature's own committee: "told lawmakers at a meeting of the legislature's Defense Committee"
    "legislature", "parliament", "congress", "senate",
})


def _owned_by_one_side(body: Token) -> bool:
    """"the junta's council", "Iran's Supreme National Security Council"; not "NATO's military committee"."""
    owners = [c for c in body.children if c.dep_ == "poss"]
    places = _places(body.doc)
    for owner in owners:
        place = next((p for p in places if p.start <= owner.idx < p.end), None)
        if place is not None:
            return place.kind in ("country", "demonym")
        if _lemma(owner) in _ONE_SIDE:
            return True
    return False


def _one_sides_meeting_told_before(meeting: Token) -> bool:
    """Whether the last "meeting" told before this one ("the meeting", "the July meeting") was one
    body's own sitting or a gathering that is no officials' meeting ("a two-day policy meeting")."""
    # (and so back along "the meeting"s, to the first that says more)
    for before in reversed(meeting.doc[: meeting.i]):
        if _lemma(before) != "meeting" or not _is_noun(before):
            continue
        if _of_one_body(before) or _compounds(before) & lx.NOT_OFFICIAL_MEETING:
            return True
        if not _refers_back(before):
            return False
    return False


def _refers_back(noun: Token) -> bool:
    """"the meeting", "the July meeting": a definite mention that says nothing of its own to set it
    apart ("the previous GBC meeting", "the NATO meeting" may be others)."""
    return _is_anaphoric(noun) and all(
        c.dep_ in ("det", "poss", "prep", "punct", "case", "relcl", "acl") or c.ent_type_ in ("DATE", "TIME") for c in noun.children
    )


def _its_own_meeting(meeting: Token) -> bool:
    """"The parliament's security committee backed the bill at its meeting on Tuesday": the meeting
    of the body that is the subject, not of parties, unless the body is an international or a joint
    one ("the Security Council, at its meeting", "the Saudi-Omani Coordination Council held its third meeting")."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in meeting.children) and not _after_a_bare_meeting(meeting):
        return False
    verb = governing_verb(meeting)
    bodies = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    # (a dateline the parser made the subject: "Bolgatanga, June 14, GNA - The Regional Security Council ...")
    bodies = [next((a for a in b.children if a.dep_ == "appos" and _lemma(a) in _SITTING_BODIES), b) for b in bodies]
    return bool(bodies) and all(
        _lemma(b) in _SITTING_BODIES and not _joint_body(b) and not any(_in_organization(t) for t in b.subtree) for b in bodies
    )


def _after_a_bare_meeting(meeting: Token) -> bool:
    """"The Regional Security Council has reviewed the curfew, following an emergency meeting on
    Tuesday": what a body did after a meeting that names no one else, its own."""
    # (whose body it is, and that it is no joint one, _its_own_meeting reads from the verb's subject)
    if meeting.dep_ != "pobj" or meeting.head.lower_ not in ("following", "after", "at") or _is_anaphoric(meeting):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("of", "with", "between", "among") for c in meeting.children)


def _in_organization(token: Token) -> bool:
    places = _places(token.doc)
    return any(p.kind == "organization" and p.start <= token.idx < p.end for p in places)


# Words of a match report that diplomatic prose does not use ("goal", "league" and "penalty" it does).
_SPORTS_NOUNS = frozenset({
    "final", "semifinal", "semi-final", "quarterfinal", "quarter-final", "tournament", "striker",
    "midfielder", "goalkeeper", "kickoff", "playoff", "rematch", "innings", "wicket", "coach",
    "goalless", "shootout", "equaliser", "equalizer", "hat-trick",
    "football", "soccer", "cricket", "basketball", "volleyball", "rugby",
})
# Words that tell a match report when three or more of them are in a story (each alone may mean
# something else: "a sales pitch", "a police squad").
_SPORTS_STORY_WORDS = _SPORTS_NOUNS | {
    "batsman", "batter", "bowler", "spinner", "umpire", "referee", "squad", "fixture", "stadium", "pitch",
    "scorer", "winger", "defender", "league", "match", "season", "club", "medal", "podium",
    # board games: "the central meeting of the round", "tactical exercises on endgame technique"
    "chess", "grandmaster", "endgame", "checkmate", "pawn", "olympiad", "tiebreak", "player",
}
# Words around "summit" the mountain top.
_MOUNTAIN_WORDS = frozenset({
    "climb", "climber", "climbing", "mountaineer", "mountaineering", "mountain", "ascent",
    "expedition", "sherpa", "everest", "altitude", "summiteer", "trek", "glacier",
})
_DOMESTIC_BODIES = frozenset({"cabinet", "force", "taskforce", "committee", "politburo", "caucus", "staff", "board", "presidium", "panel", "house", "houses"})
_BODY_NAME_WORDS = frozenset({
    "government", "cabinet", "of", "the", "ministers", "council", "house", "houses", "federal", "national",
    "parliament", "representatives", "assembly", "people", "'s",
})
# Bodies that sit: their own meeting is a sitting, not a meeting of parties.
_SITTING_BODIES = _DOMESTIC_BODIES - {"force", "staff"} | {
    "parliament", "assembly", "senate", "congress", "council", "court", "commission", "subcommittee",
    # a central bank: "The Federal Reserve held rates steady at its meeting"
    "bank", "reserve", "fed",
}


def _with_objects(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]


def calls_on(verb: Token) -> bool:
    return any(c.dep_ in ("prep", "prt") and c.lower_ == "on" and c.i == verb.i + 1 for c in verb.children)


def _phoned(span: Span, verb: Token) -> Trigger | None:
    """"Mora called his Peruvian counterpart on Monday", "phoned Soto": a call to a named official;
    not "called him a liar", "called the election", "called for talks"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in ("oprd", "attr", "ccomp") or c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return None
    callee = objects[0]
    if not (callee.ent_type_ == "PERSON" or _lemma(callee) in lx.PERSON_TITLE_HEADS | {"counterpart"}):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or not all(_is_party(s) for s in subjects):
        return None
    status = factuality(verb)
    return Trigger(span, "meeting", status, verb, False, 0.8) if status else None


def is_credentials(noun: Token) -> bool:
    """"his credentials", "letters of credence": what a new envoy hands the head of state."""
    return _lemma(noun) in ("credential", "credentials", "credence") or _lemma(noun) == "letter" and any(
        p.lower_ == "credence" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
    )


def _credentials_presented(span: Span, verb: Token) -> Trigger | None:
    """"Zhang presented his letters of credence to Dame Aroha Tane": an envoy received by the head of
    state; not "presented the plan", "presented a risk"."""
    if not any(c.dep_ == "dobj" and is_credentials(c) for c in verb.children):
        return None
    status = factuality(verb)
    return Trigger(span, "meeting", status, verb, False, 0.8) if status else None


def _call_on(span: Span, verb: Token) -> Trigger | None:
    """"Menon called on the Commander of the Navy": a courtesy visit to a named official."""
    hosts = [p for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "on" and c.i == verb.i + 1 for p in c.children if p.dep_ == "pobj"]
    if not hosts or not all(h.ent_type_ == "PERSON" or _lemma(h) in lx.PERSON_TITLE_HEADS for h in hosts):
        return None
    if any(_to_infinitive(c) for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")) or any(
        _to_infinitive(c) for h in hosts for c in h.children if c.dep_ in ("acl", "relcl")
    ):
        return None  # "called on officials to exercise restraint": an appeal, not a visit
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and not all(_is_party(s) for s in subjects):
        return None
    status = factuality(verb)
    return Trigger(span, "meeting", status, verb, False, 0.8) if status else None


# Who hears a company or a ministry out, not a party to a meeting: "told analysts on a conference call".
_AUDIENCES = frozenset({"analyst", "investor", "shareholder", "reporter", "journalist", "media", "press", "audience", "crowd", "supporter"})


def _briefing(noun: Token) -> bool:
    """"told analysts on a conference call", "briefed reporters during a video call": the setting
    of what one side told an audience, no meeting of parties (unless a partner is named "with")."""
    verb = governing_verb(noun)
    if verb is None or _lemma(verb) not in ("tell", "brief", "address", "update", "inform") or _with_party(noun):
        return False
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return bool(heard) and all(_lemma(h) in _AUDIENCES for h in heard)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_NOT_OFFICIAL_COMPANY = frozenset({
    "community", "diaspora", "student", "resident", "supporter", "fan", "worker", "journalist",
    "reporter", "volunteer", "veteran", "family", "relative", "victim", "survivor", "pilgrim",
    "tourist", "expatriate", "child", "pupil", "villager", "farmer",
})


# The forces an official visits, not a party he meets: "met troops", "met with soldiers of the battalion".
_RANK_AND_FILE = frozenset({"troop", "soldier", "serviceman", "servicemen", "servicewoman", "personnel", "sailor", "cadet", "recruit", "crew"})


def _subjects_above(verb: Token) -> list[Token]:
    """The subject of the clause a verb completes: "the cabinet" of "The cabinet is due to meet"."""
    while verb.dep_ in ("xcomp", "acomp") and verb.head is not verb:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _from_home_provinces(partner: Token) -> bool:
    """"delegates from Batken and Osh regions" (or "met with delegates from ... regions"): people of
    the country's own provinces."""
    # (named ones of a country: not "leaders from the region", "delegations from the Sahel region")
    return any(
        p.text in _PROVINCE_FORMS and any(n.ent_type_ == "GPE" and not _names_a_country(n) for n in p.children if n.dep_ in ("compound", "nmod"))
        for c in partner.children if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children if p.dep_ == "pobj"
    )


def _domestic_politicians(subject: Token) -> bool:
    """"the four main federal party leaders", "the presidential candidates": one country's politicians
    among themselves, no country or organisation named."""
    if subject.conjuncts or _lemma(subject) not in ("leader", "candidate", "contender", "nominee", "challenger"):
        return False
    if any(_in_organization(t) or _names_a_country(t) or t.ent_type_ in ("GPE", "NORP", "PERSON") for t in subject.subtree if t.i <= subject.i):
        return False  # (the words before the noun: "the Kenyan and Ugandan party leaders")
    return _lemma(subject) != "leader" or bool(_compounds(subject) & {"party", "opposition", "campaign"})


def _a_body_sitting(subjects: list[Token]) -> bool:
    """One body that meets by itself ("The cabinet will meet on Monday", "the Executive is due to meet"):
    a sitting of one side, unless an international or a joint body ("the Security Council will meet")."""
    if len(subjects) != 1 or subjects[0].conjuncts or subjects[0].tag_ in ("NNS", "NNPS"):
        return False
    body = subjects[0]
    if _lemma(body) not in _SITTING_BODIES | {"executive", "government"} or _joint_body(body):
        return False  # ("the Joint Permanent Commission of the two countries met in Dar es Salaam")
    if _names_two_countries(body):
        return False  # "the fisheries commission of Chile and Peru met by video"
    return not any(_in_organization(t) or _lemma(t) in ("two", "both") for t in body.subtree)


# A part of a country, written in lower case after its name: "Umnugovi province", "the Mary region".
_PROVINCE_WORDS = frozenset({"province", "region", "district", "county", "oblast", "prefecture", "governorate", "municipality"})


_PROVINCE_FORMS = _PROVINCE_WORDS | {word + "s" for word in _PROVINCE_WORDS}


def _to_a_province(noun: Token) -> bool:
    """A visit to a province, told with no one it met there by title or name ("paid a working visit to
    Umnugovi province"): an official's tour at home."""
    places = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    return bool(places) and all(p.text in _PROVINCE_FORMS for p in places)


def _held_with(noun: Token) -> bool:
    governor = governing_verb(noun)
    return governor is not None and _lemma(governor) in ("hold", "have") and (_with_party(noun) or _with_party(governor))


def _visit_has_party(noun: Token) -> bool:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "of", "with", "by"):
            if any(_is_place_or_party(p) for p in child.children if p.dep_ == "pobj"):
                return True
        if child.dep_ in ("compound", "amod", "poss", "nmod") and (_is_place_or_party(child) or child.tag_ == "PRP$"):
            return True
    governor = governing_verb(noun)
    return governor is not None and _lemma(governor) in ("pay", "make", "begin", "start", "end", "conclude", "wrap")


def _bare_plural(noun: Token) -> bool:
    """"leaders", "ministers": a plural with no determiner, number, owner, name or conjunct."""
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss", "compound", "conj", "amod", "nmod") for c in noun.children)


def objects_after_a_date(verb: Token) -> list[Token]:
    """"received on Wednesday Lieutenant General Dimitrios Grigoropoulos", which the parser reads as
    "on [Wednesday Grigoropoulos]": the object written after the day."""
    if any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return []
    return [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
        if p.dep_ == "pobj" and p.ent_type_ in ("PERSON", "ORG", "NORP") and c.i + 1 < p.i and c.doc[c.i + 1].ent_type_ == "DATE"
        and c.doc[c.i + 1] in p.subtree
    ]


def _meeting_verb(span: Span, verb: Token, lemma: str) -> Trigger | None:
    if lemma in ("call", "phone", "telephone"):
        return _call_on(span, verb) if lemma == "call" and calls_on(verb) else _phoned(span, verb)
    if lemma == "present":
        return _credentials_presented(span, verb)
    if lemma not in ("meet", "visit", "host", "receive", "talk", "speak", "confer", "gather", "convene"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")] or objects_after_a_date(verb)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive and not (lemma in ("host", "receive") and _received_by_person(verb)):
        return None  # "was met with opposition", "they were met by armed men"
    if subjects and not all(_is_party(s) for s in subjects):
        return None  # "the offensive has met with success", "tourists visited Vietnam"
    if verb.tag_ == "VBP" and subjects and all(_bare_plural(s) for s in subjects) and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.sent):
        return None  # "a summit culture in which leaders meet for the cameras": what leaders do, no meeting
    if any(_lemma(t) in _NOT_OFFICIAL_COMPANY for p in objects + _with_objects(verb) for t in p.subtree):
        return None  # "met with members of the Filipino community", "visited students"
    if lemma == "meet":
        if any(c.lower_ in ("halfway", "half-way") for c in verb.children):
            return None  # "accused the minister of meeting Brussels halfway": conceding, not meeting
        partners = objects + _with_objects(verb)
        if partners and not all(_is_party(o) for o in partners):
            return None
        if any(_lemma(p) in _RANK_AND_FILE for o in partners for p in [o, *o.conjuncts]) or any(_from_home_provinces(p) for p in [*partners, verb]):
            return None  # "met troops at the camp", "met with delegates from Batken and Osh regions": not a party abroad
        if not partners and _a_body_sitting(subjects or _subjects_above(verb)):
            return None  # "The Northern Ireland Executive is due to meet on Thursday": its own sitting
        if not partners and subjects and all(_domestic_politicians(s) for s in subjects):
            return None  # "The four main federal party leaders met on the debate stage": a campaign, no meeting of parties
        if any(t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or t.lower_ in ("million", "billion", "trillion") for o in objects for t in o.subtree):
            return None  # "meeting the 1.50 billion crowns expected by analysts": a figure reached
    elif lemma == "visit":
        if not objects or not any(o.ent_type_ in ("GPE", "PERSON", "ORG") or _lemma(o) in lx.PERSON_TITLE_HEADS or _a_countrys_capital(o) for o in objects):
            return None
        if not any(
            o.ent_type_ in ("PERSON", "ORG") or _lemma(o) in lx.PERSON_TITLE_HEADS or _names_a_country(o) or _a_countrys_capital(o) for o in objects
        ) and not _foreign_place_in(verb.sent):
            return None  # "the president visited the flooded town": a tour at home, no one met
        if all(_lemma(o) in _FACILITIES for o in objects) and not _foreign_place_in(verb.sent):
            return None  # "later visited the National Emergency Operations Center": a site at home
        if all(_lemma(o) in _MEMORIAL_SITES for o in objects + [p for o in objects for p in o.conjuncts]):
            return None  # "the delegation also visited the Alley of Martyrs and the Military Trophy Park": a tribute, no one met
    elif lemma in ("host", "receive") and not passive:
        # "hosted the Saudi crown prince", "received the envoy"; not "received 1.5 billion cubic meters".
        if not objects or not any(
            o.ent_type_ in ("PERSON", "NORP") or _lemma(o) in lx.PERSON_TITLE_HEADS or _lemma(o) in ("delegation", "counterpart", "leader", "official")
            or title_of_rank(o) is not None  # "received Ambassador Extraordinary and Plenipotentiary ..."
            or is_credentials(o)  # "received the credentials of Fiji's new high commissioner"
            for o in objects
        ):
            return None
    elif lemma in ("gather", "convene"):
        # "Top diplomats gathered Thursday in Charlevoix", "NATO ministers convened in Brussels":
        # officials meeting together, not "protesters gathered" or "gathered evidence".
        if objects or not subjects or not any(_lemma(s) in lx.GROUP_HEADS | lx.PERSON_TITLE_HEADS | {"brass", "diplomat"} for s in subjects):
            return None
    elif lemma in ("talk", "speak", "confer"):
        # "spoke by phone with Putin", "Duterte and Suga spoke by phone", "conferred with",
        # "spoke with Russian President Vladimir Putin"; not "spoke to reporters".
        nearby = verb.doc[max(verb.i - 6, 0) : verb.i + 7]
        phone = any(t.lower_ in ("phone", "telephone", "video", "videoconference", "videolink") for t in nearby)
        partners = _with_objects(verb)
        # ("Duterte and Suga spoke by phone", "the two presidents last spoke by telephone")
        joint_subject = any(
            c.dep_ == "nsubj" and (any(g.dep_ == "conj" for g in c.children) or c.tag_ == "NNS" and any(g.lower_ in ("two", "both") for g in c.children))
            for c in verb.children
        )
        named_partner = any(p.ent_type_ == "PERSON" or _lemma(p) in lx.PERSON_TITLE_HEADS for p in partners)
        if not (phone and (partners or joint_subject)) and not named_partner and not (lemma == "confer" and partners):
            return None
    status = factuality(verb)
    if status is None:
        return None
    parties = sum(1 for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")) + int(_with_party(verb))
    strength = 0.85 if parties >= 2 else 0.7
    return Trigger(span, "meeting", status, verb, False, strength)


def read_exercise(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    named = _name_read_with_a_verb(token)
    if len(span) == 1 and not _is_noun(token) and not named:
        return None
    if token.tag_ == "VBG" or token.lower_ == "drilling":
        return None
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _lemma(token.head.head) in lx.PERSON_TITLE_HEADS:
        return None  # "SOUTHCOM's director of exercises": an office, not a drill
    if _one_of_a_kind(token):
        return None
    if lemma == "edition":
        # "Medusa ... is held annually. Last year's edition was held off Crete": an earlier edition
        # of the exercise the story told of just before.
        # (the exercise may have been told some paragraphs before: "Tradewinds has been held every year
        # since 1984 ... Last year's edition was held in Guyana")
        if not (_past_edition(token) and _last_event_word_before(token, sentences=_WHOLE_STORY) in lx.EXERCISE_NOUNS):
            return None
        status = factuality(token)
        governor = governing_verb(token)
        return Trigger(span, "exercise", status, governor, False, 0.6, creates=governor is not None) if status and governor is not None else None
    if lemma == "exercise":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ == "in" and not any(o.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or o.pos_ == "PROPN" or _lemma(o) in _PLACE_NOUNS for o in objects):
                    # "an exercise in nation-building", not "an exercise in the same region", "in
                    # September" or "in the Beagle Channel" (a place the recognizer took for a body)
                    return None
                if any(_lemma(o) in lx.ABSTRACT_EXERCISE_OBJECTS for o in objects):
                    return None
    if any(c.lower_ in ("political", "diplomatic", "legal", "procedural", "parliamentary", "dangerous", "unsafe", "aggressive", "risky", "reckless", "evasive", "unprofessional") for c in token.children):
        return None
    if not _is_military_context(token):
        return None
    if _sports_or_mountain_story(token.doc) and not _official_party_near(token):
        return None  # a coach's "tactical exercises", a chess school's "drills on endgame technique"
    if _is_habitual(token):
        return None  # "India holds regular naval drills with Japan": no one happening
    if _training_in_general(token):
        return None
    governor = token.head if named and token.dep_ in ("xcomp", "ccomp", "advcl") else governing_verb(token)
    status = factuality(token)
    if status is None:
        return None
    strength = 0.8 if governor is not None and _lemma(governor) in lx.HOLDING_VERBS else 0.65
    if _one_of_its_parts(token):
        # "the ships carried out gunnery firings, communication drills, helicopter operations and ...",
        # "among them live-fire drills": a part of the exercise told around it.
        return Trigger(span, "exercise", status, governor, True, 0.5, creates=False)
    return Trigger(span, "exercise", status, governor, _is_anaphoric(token), strength, creates=governor is not None or _introduces(token))


def _name_read_with_a_verb(token: Token) -> bool:
    """"began the Pacific Shield exercise", "conclude Naseem Al Bahr exercise": after a name, the
    parser can read "exercise" as a verb in the present (no "to" before it, no object after it)."""
    if token.tag_ not in ("VB", "VBP") or token.i == 0:
        return False
    if any(c.dep_ == "dobj" and c.text[:1].isupper() and (c.pos_ == "PROPN" or any(ch.isdigit() for ch in c.text)) for c in token.children):
        return True  # "The special forces exercise Ittehad-2025 ... concluded": one exercises a right, not a name
    before = token.doc[token.i - 1]
    return before.pos_ == "PROPN" and before.is_title and before.ent_type_ not in ("GPE", "NORP") \
        and not any(c.dep_ in ("aux", "dobj") for c in token.children)


_WHOLE_STORY = 10_000


def _last_event_word_before(token: Token, sentences: int = 3) -> str | None:
    """The lemma of the last event noun (meeting, exercise, agreement) told in the few sentences before."""
    doc = token.doc
    start = token.sent.start
    for _ in range(sentences - 1):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(doc[start : token.i]):
        lemma = _lemma(t)
        if lemma in lx.EXERCISE_NOUNS or lemma in lx.MEETING_NOUNS or lemma in lx.AGREEMENT_NOUNS:
            return lemma
    return None


def _one_of_a_kind(noun: Token) -> bool:
    """"has become one of the largest military exercises in the Middle East", "one of three regional
    series exercises": a kind the event belongs to, not another event."""
    return noun.tag_ in ("NNS", "NNPS") and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("one", "two", "three", "four", "five", "some", "many", "each")


def _listed_with(item: Token, first: Token) -> bool:
    """``item`` hangs on ``first`` through conjunctions and appositions alone."""
    while item != first and item.dep_ in ("conj", "appos"):
        item = item.head
    return item == first


def _one_of_its_parts(noun: Token) -> bool:
    """An exercise noun listed among other activities ("gunnery firings, communication drills,
    seamanship evolutions and helicopter operations") or after "among" ("among them live-fire
    drills"): one part of an exercise, not an exercise of its own. A part with a name or an owner
    ("Poland's Dragon-24 drills") is told as an exercise of its own."""
    if any(c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in noun.children):
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        return True
    first = noun
    while first.dep_ in ("conj", "appos"):  # the parser hangs some items of a list as appositions
        first = first.head
    # (the list's own items, not the countries of "an exercise between Pakistan, Azerbaijan and Türkiye")
    items = [first] + [t for t in first.subtree if t.dep_ in ("conj", "appos") and _is_noun(t) and _listed_with(t, first)]
    others = [t for t in items if _lemma(t) not in lx.EXERCISE_NOUNS]
    return len(items) >= 3 and len(others) >= 2


def read_agreement(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    if lemma in ("sign", "signing") and _is_noun(token):
        return _signing_of_an_instrument(span, token)
    if lemma in ("sign", "ink"):
        return _signing_verb(span, token)
    if lemma == "exchange":
        # "Malaysia and Singapore today exchanged three cooperation documents" (not "exchanged views",
        # "exchanged fire", "the exchange of prisoners")
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        return _signing_verb(span, token) if objects and all(_lemma(o) in ("document", "documents") or is_instrument(o) for o in objects) else None
    if not _is_noun(token):
        return None
    if lemma == "protocol" and _concluding_word(token) is None:
        return None
    if token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in _CLASS_MODIFIERS | _EARLIER_MODIFIERS for c in token.children):
        # "has signed similar pacts with a dozen countries": a kind of agreement, not one signing
        # (unlike "drills" or "talks", whose plural tells of one happening).
        return None
    if lemma == "declaration" and not _declared_together(token):
        return None  # "the interim president signed a constitutional declaration": one side's act
    governor = governing_verb(token)
    concluding = _concluding_word(token)
    concluded = concluding is not None
    if concluded and _a_tally(token, concluding):
        return None
    anaphoric = _is_anaphoric(token)
    if not concluded and not anaphoric and not _in_force(token):
        return None
    status = factuality(token, concluding)
    if status is None:
        return None
    in_force = not concluded and _in_force(token)
    strength = 0.85 if concluded else 0.6 if in_force else 0.5
    if concluded and governor is None:
        # ("signed a package of agreements": the verb that concludes them)
        governor = concluding if _is_verb(concluding) else _verb_of_the_ceremony(concluding)
    return Trigger(span, "agreement", status, governor if concluded else None, anaphoric, strength, concluded or in_force)


def _verb_of_the_ceremony(word: Token) -> Token | None:
    """"the two presidents witnessed [the signing] of a memorandum", "[the exchange] of the instruments
    was witnessed by the leaders", "[the signing] took place in Hanoi": the verb that tells of the signing
    (who witnessed it, when and where)."""
    if _is_noun(word) and word.dep_ in ("dobj", "nsubjpass", "nsubj") and _is_verb(word.head):
        return word.head
    return None


def _a_tally(noun: Token, verb: Token) -> bool:
    """"Since the beginning of the year, contracts for 41 million tonnes of coal have been concluded":
    bare plural instruments counted over a stretch of time, no one signing."""
    if noun.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
        return False
    return any(c.dep_ in ("prep", "advmod") and c.lower_ == "since" for c in verb.children)


def _in_force(noun: Token) -> bool:
    """"the ceasefire took effect", "the truce came into force", "the deal is holding": it exists."""
    if noun.dep_ != "nsubj" or _lemma(noun) not in ("ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "treaty", "armistice"):
        return False
    verb = noun.head
    objects = {c.lower_ for c in verb.subtree if c.i > verb.i and c.i - verb.i <= 3}
    if _lemma(verb) == "take":
        return "effect" in objects
    if _lemma(verb) in ("come", "go", "enter"):
        return bool(objects & {"effect", "force"})
    return _lemma(verb) == "hold" and verb.tag_ == "VBG"


def _declared_together(noun: Token) -> bool:
    """A declaration is an agreement when two or more sign it: "the two presidents signed a joint
    declaration on strategic partnership", "signed a declaration with Greece"."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in ("joint", "bilateral", "trilateral") for c in noun.children):
        return True
    verb = _concluding_word(noun)
    if verb is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in (*verb.children, *noun.children)):
        return True
    return any(
        s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children)
        for s in verb.children
        if s.dep_ == "nsubj"
    )


def _concluding_word(noun: Token) -> Token | None:
    """The word that says the agreement was made: "[signed] an agreement", "agreed to a truce",
    "the deal [reached] in Doha", "Ukraine's [agreement] to a ceasefire"; None if nothing does."""
    current = noun
    while current.dep_ == "conj":
        current = current.head
    head = current.head
    if current.dep_ in ("dobj", "nsubjpass") and _lemma(head) in lx.CONCLUDING_VERBS:
        return head
    if current.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "on", "upon", "into") and _lemma(head.head) in ("agree", "enter", "sign", "come", "reach"):
        return head.head
    if current.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in ("signing", "sign", "conclusion", "ratification", "exchange") and _is_noun(head.head):
        return head.head  # "witnessed the signing of an agreement", "the exchange of the agreement"
    if current.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in _BATCHES and _is_noun(head.head):
        return _concluding_word(head.head)  # "signed a package of agreements", "the instruments of ratification of the Agreement"
    for child in current.children:
        if child.dep_ in ("amod", "acl", "relcl") and _lemma(child) in ("sign", "reach", "conclude", "ratify", "strike", "seal", "agree", "broker", "finalize", "ink"):
            if not _has_neg(child) and child.tag_ in ("VBN", "VBD", "JJ"):
                return child
    if _lemma(current) == "agreement" and any(c.dep_ == "poss" for c in current.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in current.children
    ):
        return current
    return None


# What instruments are signed or exchanged in: "a package of agreements", "the instruments of ratification of".
_BATCHES = frozenset({"package", "set", "series", "raft", "slew", "batch", "bundle", "number", "host", "instrument"})
# Documents that two sides sign besides those AGREEMENT_NOUNS name: "the Programme of Cooperation
# for 2026-2027", "the defence cooperation plan for 2025", "a letter of intent", "an addendum".
_INSTRUMENT_NOUNS = frozenset({"programme", "program", "plan", "roadmap", "road-map", "framework", "addendum", "instrument", "document", "letter"})
_LETTER_KINDS = frozenset({"intent", "agreement", "understanding", "cooperation", "exchange"})


def is_instrument(noun: Token) -> bool:
    lemma = _lemma(noun)
    if lemma not in _INSTRUMENT_NOUNS:
        return False
    if lemma == "letter":
        # "a letter of intent", not "signed a letter to the president"
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(_lemma(p) in _LETTER_KINDS for p in c.children) for c in noun.children)
    return True


def _signing_of_an_instrument(span: Span, noun: Token) -> Trigger | None:
    """"witnessed the signing of the defence cooperation plan for 2025": the signing names what was
    signed (when that is an agreement noun, the noun carries the event)."""
    signed = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if not signed or not any(is_instrument(s) for s in signed):
        return None
    status = factuality(noun)
    if status is None:
        return None
    return Trigger(span, "agreement", status, governing_verb(noun), _is_anaphoric(noun), 0.7)


def own_or_shared_subjects(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """The verb's own subjects (of the given dependency labels), else those of the verb it is
    coordinated with: "The ministers discussed border security and signed a plan"."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return subjects


def _signing_verb(span: Span, verb: Token) -> Trigger | None:
    """"signed with X" with no agreement noun named; the noun, when there is one, is the trigger."""
    if not _is_verb(verb):
        return None
    if verb.dep_ in ("acl", "relcl") and _lemma(verb.head) in lx.AGREEMENT_NOUNS:
        return None  # "the agreement, signed by the energy ministers": the noun carries the event
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(_lemma(o) in lx.AGREEMENT_NOUNS for o in objects):
        return None  # the noun carries the event
    if objects and not any(_lemma(o) in ("it", "them", "document", "documents", "paper") or is_instrument(o) for o in objects):
        return None  # "signed a law", "signed the bill", "signed a letter"
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "signed off", "signed up"
    subjects = own_or_shared_subjects(verb, ("nsubj",))
    # ("The documents were signed by Croatian Interior Minister X and BiH Security Minister Y")
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not _with_party(verb) and not any(
        any(cc.dep_ == "conj" for cc in c.children) or c.tag_ == "NNS" and _lemma(c) in lx.PERSON_TITLE_HEADS | lx.GROUP_HEADS
        for c in subjects
    ):
        return None  # (two parties sign: "X and Y signed", "signed with X", "the ministers signed")
    status = factuality(verb)
    if status is None:
        return None
    # "The document was signed by Mammadov and Khan": the document told before
    told_before = any(_is_anaphoric(o) or _lemma(o) in ("it", "them") for o in objects)
    return Trigger(span, "agreement", status, verb, told_before, 0.7)


_HABITUAL_MODIFIERS = frozenset({"regular", "routine", "periodic", "frequent", "occasional", "recurring", "numerous", "several", "many"})


# Verbs of doing more of something, and nouns of how much of it: "expanding joint training", "expand
# the scale and complexity of joint training".
_GROWTH_VERBS = frozenset({"expand", "increase", "step", "deepen", "strengthen", "enhance", "boost", "intensify", "broaden", "develop", "promote", "improve"})
_MEASURE_NOUNS = frozenset({"scale", "complexity", "level", "scope", "intensity", "quality", "frequency", "organization", "organisation", "field", "area"})


def _training_in_general(noun: Token) -> bool:
    """Training as a field of cooperation, with no article: "signed a letter of intent on expanding
    joint training of their armed forces", "to expand the scale and complexity of joint training"."""
    if _lemma(noun) != "training" or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        measure = head.head
        # ("the scale and complexity of joint training": the "of" hangs on the second)
        return _lemma(measure) in _MEASURE_NOUNS or measure.dep_ == "conj" and _lemma(measure.head) in _MEASURE_NOUNS
    return noun.dep_ in ("dobj", "pobj") and _lemma(head) in _GROWTH_VERBS


def _habits_listed(noun: Token) -> bool:
    """"regular consultations", and each item of "regular ministerial meetings, high-level policy
    consultations and trilateral exercises": a list of habits shares its modifier."""
    return any(c.dep_ == "amod" and c.lower_ in _HABITUAL_MODIFIERS for t in (noun, *noun.conjuncts) for c in t.children)


def _is_habitual(noun: Token) -> bool:
    """Drills or talks told as a habit, not as one happening."""
    if _habits_listed(noun):
        return True
    verb = governing_verb(noun)
    return (
        verb is not None
        and noun.tag_ in ("NNS", "NNPS")
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _introduces(noun: Token) -> bool:
    """"a meeting of ...", "the 43rd security meeting", "U.S.-Ukraine talks", "the Hanoi Summit": a
    noun that names a particular happening even when no verb reports it."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an"):
            return True
        if child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ in ("GPE", "ORG", "NORP", "ORDINAL") or child.tag_ == "NNP"):
            return True
    return noun.tag_ == "NNP"


def is_distinct(noun: Token) -> bool:
    """"a separate meeting", "another round of talks", "a second summit", "they last met in May":
    not one told before."""
    if _is_verb(noun):
        # ("received the credentials of Fiji's envoy in a separate ceremony later on Monday")
        setting = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "during") for p in c.children if p.dep_ == "pobj"]
        return any(c.dep_ == "advmod" and (c.lower_ in ("last", "previously") or _opens_separately(c)) for c in noun.children) or any(
            c.dep_ in ("amod", "det") and c.lower_ in ("separate", "another", "different") for p in setting for c in p.children
        )
    if any(c.dep_ in ("amod", "det") and c.lower_ in ("separate", "another", "new", "different", "own", "similar") for c in noun.children):
        return True
    doc = noun.doc
    if any(
        c.dep_ == "prep" and c.lower_ == "of" and c.i + 2 < len(doc) and doc[c.i + 1].lower_ in ("its", "their", "his", "her") and doc[c.i + 2].lower_ == "own"
        for c in noun.children
    ):
        return True  # "Algeria staged manoeuvres of its own" (however the parser hangs "own")
    if _past_edition(noun):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in _EDITION_NOUNS and _past_edition(noun.head.head):
        return True  # "The previous edition of the exercise, Viekaren XXIII, was held in October 2022"
    if noun.dep_ == "pobj" and noun.head.lower_ == "since":
        return True  # "the first such alliance since the ANZUS pact more than 70 years ago"
    if noun.dep_ == "dobj" and _lemma(noun.head) in lx.REMEMBERING_VERBS:
        return True  # "The Kazakh leader recalled his state visit to Kyrgyzstan": one of the past
    published = _published(noun.doc)
    if published is not None and any(
        c.dep_ in ("nummod", "compound", "amod", "nmod") and c.text.isdigit() and len(c.text) == 4 and int(c.text) < published.year
        for c in noun.children
    ):
        return True  # "Under the 2013 Brussels Agreement": an instrument of an earlier year
    # "since the exercise was first held in 2016": its first edition, not this one; "Separately, the
    # two ministers signed a memorandum": another instrument.
    verb = governing_verb(noun)
    return verb is not None and any(c.dep_ == "advmod" and (c.lower_ == "first" or _opens_separately(c)) for c in verb.children)


def _published(doc: Doc):
    """The story's publication date, when the pipeline was given one (not on spacy.blank in tests)."""
    return doc._.published_at if doc.has_extension("published_at") else None


def _opens_separately(token: Token) -> bool:
    """"Separately, the two ministers signed ...": a wire's sign of another story (not "talks held first separately")."""
    return token.lower_ == "separately" and token.i == token.sent.start


def _past_edition(noun: Token) -> bool:
    """"Last year's exercise took place in the Almaty Region", "the previous summit", "Serbian
    troops last took part in the X exercise", "the exercise was last staged in December": an
    earlier edition, a happening of its own."""
    if _is_verb(noun):
        return False
    edition = _lemma(noun) in ("edition", "session")
    published = _published(noun.doc)
    for child in noun.children:
        if child.dep_ == "amod" and (child.lower_ in _EARLIER_MODIFIERS or edition and child.lower_ == "last"):
            return True  # ("the last edition": the one before; "the last meeting" may be the story's own)
        if edition and published is not None and child.dep_ in ("nummod", "compound", "amod", "nmod") and child.text.isdigit() and len(child.text) == 4 and int(child.text) < published.year:
            return True  # "Ghana hosted the 2023 edition in January 2023"
        if edition and child.dep_ == "amod" and child.ent_type_ == "ORDINAL" and noun.dep_ == "nsubjpass" and any(
            a.dep_ == "auxpass" and a.tag_ == "VBD" for a in noun.head.children
        ):
            return True  # "The seventh edition, Warrior-VII, was held in Kashgar": one told as done before
        if child.dep_ == "poss" and child.ent_type_ == "DATE" and any(t.lower_ in ("last", "previous") for t in child.subtree):
            return True
    verb = governing_verb(noun)
    return verb is not None and any(c.dep_ == "advmod" and c.lower_ in ("last", "previously") for c in verb.children)


def _is_anaphoric(noun: Token) -> bool:
    """"the meeting", "this agreement", "his talks", "the session of talks": a definite mention that
    may refer back."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in ("session", "round") and not any(
        c.dep_ == "det" for c in noun.children
    ):
        frame = noun.head.head
        if any(c.dep_ not in ("det", "poss", "prep", "punct", "case") for c in frame.children):
            return False  # "the next round of negotiations", "the second session of talks": another
        noun = frame
    if _lemma(noun) == "signing" and any(
        d.dep_ == "nummod" for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" for d in p.children
    ):
        return False  # "the signing of four cooperation documents": documents told here for the first time
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if child.dep_ == "poss" and (child.tag_ == "PRP$" or child.ent_type_ in ("DATE", "TIME")):
            return True  # "his talks", "Friday's meeting"
        if child.dep_ == "poss" and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in child.children):
            return True  # "the minister's trip"
    return False


READERS = {"meeting": read_meeting, "exercise": read_exercise, "agreement": read_agreement}


def read(label: str, span: Span) -> Trigger | None:
    if _in_a_hyphenated_modifier(span) or label != "agreement" and _modifies_a_thing(span) or _terms_of_an_agreement(span.root):
        return None
    if _make_believe(span.root) or _names_make_believe_told_before(span.root):
        return None
    if label == "exercise" and _what_an_agreement_is_about(span.root):
        return None
    trigger = READERS[label](span) if label in READERS else None
    return trigger or _session_of_talks(span) or _earlier_edition(span)


# Words that make a happening a game or a simulation: "a simulated summit", "the mock Security
# Council", "a tabletop wargame" (not "a computer-simulated command post exercise", which troops hold).
_MAKE_BELIEVE_MODIFIERS = frozenset({"mock", "simulated", "fictional", "fictitious", "imaginary", "tabletop", "make-believe", "pretend"})
# What a role is played in: "In the scenario, troops crossed the border under cover of a snap exercise".
_MAKE_BELIEVE_SETTINGS = frozenset({
    "scenario", "simulation", "game", "wargame", "role-play", "roleplay", "film", "movie", "novel", "series", "episode",
    "drama", "re-enactment", "reenactment",
})
_WORKS_OF_FICTION = frozenset({"film", "movie", "novel", "episode", "drama"})
# Who plays a part: "Actors playing the envoys met again on Saturday", "a company of re-enactors".
_ROLE_PLAYERS = frozenset({"player", "actor", "actress", "re-enactor", "reenactor", "enactor"})


def _made_up(noun: Token) -> bool:
    """"a simulated summit", "the Dhaka International Model United Nations Conference"."""
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    modifiers += [d for c in modifiers if c.dep_ == "compound" for d in c.subtree if d.dep_ == "compound"]
    return any(
        m.lower_ in _MAKE_BELIEVE_MODIFIERS and not (m.i > 0 and m.doc[m.i - 1].tag_ == "HYPH") or m.text == "Model"
        for m in modifiers
    )


def _role_played(phrase: Token) -> bool:
    """"the player representing Turkey", "the German chancellor, played by a former defense minister"."""
    return any(
        _lemma(t) in _ROLE_PLAYERS and t.pos_ == "NOUN"
        or _lemma(t) == "play" and t.dep_ == "acl" and any(c.dep_ == "agent" for c in t.children)
        or _lemma(t) == "role" and t.head.lower_ == "in"
        or _lemma(t) == "costume"  # ("The two 'delegations', some 300 people in 15th-century costume")
        for t in phrase.subtree
    )


def _make_believe(trigger: Token) -> bool:
    """A happening of a game, a simulation or a story: "In a simulated summit, the delegates reached
    an agreement", "the game ended with a ceasefire brokered by the player representing Turkey"."""
    if _made_up(trigger):
        return True
    for node in [trigger, *trigger.ancestors]:
        if node != trigger and trigger.is_title and _is_noun(node) and _lemma(node) in _WORKS_OF_FICTION:
            return True  # a work's title: "In the first episode of Topmødet (The Summit)" (not "the episodes of the exercise")
        for child in node.children:
            if trigger in child.subtree:
                continue
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "within") and any(
                p.dep_ == "pobj" and (_lemma(p) in _MAKE_BELIEVE_SETTINGS or _made_up(p)) for p in child.children
            ):
                return True
            if child.dep_ in ("nsubj", "nsubjpass", "agent") and (_lemma(child) in _MAKE_BELIEVE_SETTINGS or _role_played(child)):
                return True
    return False


def _names_make_believe_told_before(noun: Token) -> bool:
    """"the conference, first held in 2003" after "the Model United Nations Conference": the same game."""
    if not _is_noun(noun) or not _is_anaphoric(noun):
        return False
    before = next((t for t in reversed(noun.doc[: noun.i]) if _lemma(t) == _lemma(noun) and _is_noun(t) and t.dep_ != "compound"), None)
    return before is not None and _make_believe(before)


_EDITION_NOUNS = frozenset({"round", "session", "edition", "retreat"})
_EDITION_MODIFIERS = frozenset({"previous", "past", "earlier", "prior", "last", "first", "inaugural"})


def _session_of_talks(span: Span) -> Trigger | None:
    """"at the end of a final negotiating round that began on Monday", "held the 13th
    Malaysia-Singapore Leaders' Retreat": a session of talks, a meeting of leaders (not "the first
    round of the tournament", "a retreat from the border")."""
    noun = span.root
    if len(span) != 1 or not _is_noun(noun):
        return None
    if not (
        _lemma(noun) == "round" and any(c.dep_ in ("amod", "compound") and c.lower_ in ("negotiating", "negotiation") for c in noun.children)
        or _lemma(noun) == "retreat" and any(c.dep_ in ("poss", "compound") and _lemma(c) == "leader" for c in noun.children)
    ):
        return None
    status = factuality(noun)
    return Trigger(span, "meeting", status, governing_verb(noun), _is_anaphoric(noun), 0.6) if status else None


def _earlier_edition(span: Span) -> Trigger | None:
    """"The previous round, held in Havana in March", "the previous session, which was held in Kuwait
    in February 2023", "The first edition took place in Tanzania in July 2024": an earlier edition
    of the happening the story tells, told with its date; of the kind of the last event told before."""
    noun = span.root
    if len(span) != 1 or _lemma(noun) not in _EDITION_NOUNS or not _is_noun(noun):
        return None
    # Its name, after "of" or beside it: "the previous edition, Red Wave 7", "Last year's edition of Breeze"
    names = [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"
    ] + [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    named_kind = next((kind for name in names if (kind := _kind_of_name(name)) is not None), None)
    if not any(c.dep_ == "amod" and c.lower_ in _EDITION_MODIFIERS or named_kind and c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children):
        return None  # ("Last year's edition of Breeze was held in July", not a bare "Last year's edition")
    if named_kind is None and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None  # "the previous round of talks", "the last session of parliament": read as their own words
    verb = governing_verb(noun)
    clauses = [noun, *(c for c in noun.children if c.dep_ in ("acl", "relcl"))]
    if verb is not None and noun.dep_ in ("nsubj", "nsubjpass"):
        clauses.append(verb)
    if not any(t.ent_type_ == "DATE" and t.lower_ not in _NOT_A_DATE_OF_IT for clause in clauses for t in clause.subtree if t != noun):
        return None
    if verb is not None and factuality(verb) != "occurred" or verb is not None and verb.tag_ in ("VBZ", "VBP"):
        return None
    # ("The 12th edition of the exercise ... Its previous edition took place off Goa in January 2018")
    kinds = [
        _lemma(p) for t in noun.doc[: noun.i] if _lemma(t) == _lemma(noun)
        for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]
    kind = named_kind or next((k for k in reversed(kinds) if k in _EVENT_NOUNS), None) or _last_event_word_before(noun, sentences=_WHOLE_STORY)
    event_type = (
        "meeting" if kind in lx.MEETING_NOUNS else "exercise" if kind in lx.EXERCISE_NOUNS else None
    )
    if event_type is None:
        return None
    return Trigger(span, event_type, "occurred", verb, False, 0.5)


def _kind_of_name(name: Token) -> str | None:
    """The event noun told with the same name before: "Breeze" after "the naval exercise Breeze 2026",
    "Red Wave 7" after "the two-week Red Wave 8 exercise"."""
    words = [t.text for t in name.subtree if t.pos_ == "PROPN" and not any(ch.isdigit() for ch in t.text)]
    if not words:
        return None
    doc = name.doc
    first = min(t.i for t in name.subtree)
    for i in range(first - 1, -1, -1):
        if [t.text for t in doc[i : i + len(words)]] != words:
            continue
        nearby = doc[max(0, i - 3) : min(len(doc), i + len(words) + 3)]
        kind = next((_lemma(t) for t in nearby if _lemma(t) in _EVENT_NOUNS), None)
        if kind is not None:
            return kind
    return None


# Dates that tell of something else than when an earlier edition was held.
_NOT_A_DATE_OF_IT = frozenset({"annual", "yearly", "today", "now"})


def _terms_of_an_agreement(token: Token) -> bool:
    """"Under the agreement, the two sides will start negotiations to conclude a commercial arrangement":
    what an agreement provides is its content, no event of its own."""
    for verb in [token, *token.ancestors]:
        if not _is_verb(verb) or verb.tag_ == "VBD" and _lemma(token) not in lx.AGREEMENT_NOUNS:
            continue  # ("began combined drills under the Korea Marine Exercise Program": drills held)
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "under" and any(
                p.dep_ == "pobj" and token not in p.subtree and (_lemma(p) in lx.AGREEMENT_NOUNS or is_instrument(p)) for p in child.children
            ):  # (not what the agreement's own phrase tells: "under a memorandum signed during the state visit")
                return True
    return False


_EVENT_NOUNS = lx.MEETING_NOUNS | lx.EXERCISE_NOUNS | lx.AGREEMENT_NOUNS


def _what_an_agreement_is_about(noun: Token) -> bool:
    """"a 25-year treaty on military training", "a memorandum on joint exercises": the kind of thing
    the instrument covers, no exercise held (not "a memorandum on the Cobra Gold exercise")."""
    phrase = noun
    while phrase.dep_ in ("nmod", "compound", "conj") and phrase.head is not phrase:
        phrase = phrase.head  # ("a treaty on military training and training area development")
    if phrase.dep_ != "pobj" or phrase.head.lower_ not in ("on", "about", "regarding", "concerning", "for"):
        return False
    instrument = phrase.head.head
    if not (_lemma(instrument) in lx.AGREEMENT_NOUNS or is_instrument(instrument)):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or c.ent_type_ or c.pos_ == "PROPN" for c in noun.children)


def _modifies_a_thing(span: Span) -> bool:
    """"the summit culture of modern diplomacy", "a meeting room", "the exercise area": a word that
    only describes another thing (not "the summit meeting", "the summit declaration")."""
    token = span.root
    # (an edition's name the tagger took for a common noun is no thing: "trilateral exercise Ittehad-2025";
    # a headline's capitals are: "Navy Upgrades Exercise Area")
    edition = token.head.text[:1].isupper() and any(ch.isdigit() for ch in token.head.text)
    # (a venue's or a programme's name is a thing too: "the Friendship Conference Centre", "the Korea
    # Marine Exercise Program")
    thing = token.head.pos_ == "NOUN" or token.head.pos_ == "PROPN" and _lemma(token.head) in _NAMED_THINGS
    return (
        len(span) == 1 and token.dep_ == "compound" and thing and not edition
        and _lemma(token.head) not in _EVENT_NOUNS | lx.PERSON_TITLE_HEADS
    )


_NAMED_THINGS = frozenset({
    "centre", "center", "hall", "hotel", "palace", "building", "house", "room", "complex", "chamber",
    "auditorium", "pavilion", "arena", "venue", "resort", "program", "programme",
})


def _in_a_hyphenated_modifier(span: Span) -> bool:
    """"a summit-to-valley hiking route", "post-summit remarks": part of a word that modifies another."""
    if len(span) != 1 or span.root.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
        return False
    doc, i = span.doc, span.start
    return i + 1 < len(doc) and doc[i + 1].tag_ == "HYPH" or i > 0 and doc[i - 1].tag_ == "HYPH"
