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

# Surface forms of the candidate words. Parts of speech are checked later on the parse.
_MEETING_FORMS = [
    "meeting", "meetings", "talks", "summit", "summits", "visit", "visits", "visited", "visiting",
    "negotiations", "conference", "conferences", "consultations", "call", "calls", "conversation",
    "trip", "trips", "meet", "meets", "met", "host", "hosts", "hosted", "hosting", "receive",
    "receives", "received", "receiving", "talk", "talked", "talking", "speak", "speaks", "spoke",
    "speaking", "confer", "confers", "conferred", "summitry", "tête-à-tête",
]
_EXERCISE_FORMS = [
    "exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres", "maneuver", "manoeuvre",
    "wargame", "wargames", "war-games", "war-game",
]
_AGREEMENT_FORMS = [
    "agreement", "agreements", "deal", "deals", "contract", "contracts", "treaty", "treaties",
    "accord", "accords", "memorandum", "memoranda", "memorandums", "mou", "mous", "ceasefire",
    "ceasefires", "truce", "truces", "pact", "pacts", "armistice", "protocol", "protocols", "sign",
    "signs", "signed", "signing",
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


def governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from: "held [talks]", "during [the meeting]" → said, "[talks] began"."""
    current = token
    for _ in range(4):
        if current.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative", "npadvmod"):
            head = current.head
            return head if _is_verb(head) else None
        if current.dep_ == "pobj" and current.head.dep_ in ("prep", "agent", "dative"):
            current = current.head.head
            if _is_verb(current):
                return current
            if _is_noun(current):
                return None
            continue
        if current.dep_ == "conj":
            current = current.head
            continue
        if current.dep_ in ("appos", "compound"):
            current = current.head
            continue
        return None
    return None


def _is_passive_subject_of(token: Token, verb: Token) -> bool:
    return token.dep_ == "nsubjpass" and token.head == verb


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("det", "advmod") for c in token.children)


def _chain(token: Token, limit: int = 6) -> list[Token]:
    """The token and its heads up the tree, stopping at the clause's root."""
    chain = [token]
    while chain[-1].head != chain[-1] and len(chain) < limit:
        chain.append(chain[-1].head)
    return chain


def _modals(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def factuality(trigger: Token, governor: Token | None) -> str | None:
    """"occurred", "planned", or None when the text does not say the event happens."""
    if _has_neg(trigger) or any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return None
    if any(c.dep_ == "amod" and c.lower_ in lx.HYPOTHETICAL_NOUN_MODIFIERS for c in trigger.children):
        return None
    planned = any(c.dep_ in ("amod", "compound") and c.lower_ in lx.PLANNED_NOUN_MODIFIERS for c in trigger.children)
    # Walk up through the verbs that embed the trigger: "urged X to hold [talks]",
    # "is due to [sign] a deal", "said they would [meet]".
    verb = governor if governor is not None else (trigger if _is_verb(trigger) else None)
    steps = 0
    while verb is not None and steps < 4:
        steps += 1
        lemma = _lemma(verb)
        if _has_neg(verb):
            return None
        modals = _modals(verb)
        if modals & lx.HYPOTHETICAL_MODALS:
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return None
        if modals & lx.FUTURE_MARKERS or "would" in modals:
            planned = True
        if lemma in lx.NON_FACTUAL_GOVERNORS and verb is not trigger and steps > 1:
            return None
        if lemma in ("plan", "schedule", "expect", "prepare", "intend", "agree", "decide", "vow", "pledge", "promise"):
            if steps > 1:
                planned = True
        if verb.lower_ in ("due", "set", "scheduled", "slated", "poised", "expected", "going") or lemma == "due":
            planned = True
        # "to [hold] talks": an infinitive whose meaning depends on the verb above it.
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp", "relcl", "conj") or infinitive:
            above = verb.head
            if above is verb:
                break
            if verb.dep_ == "conj":
                verb = above
                steps -= 1
                continue
            if verb.dep_ in ("ccomp", "relcl") and not infinitive:
                break
            if verb.dep_ == "advcl" and not infinitive:
                break
            verb = above
            continue
        break
    # "be to [sign]": "the leaders are to sign".
    return "planned" if planned else "occurred"


def _noun_is_nonfactual_object(noun: Token) -> bool:
    """"calls for a ceasefire", "hopes of a deal", "push for talks": the noun is only wanted."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        governor = head.head
        if _lemma(governor) in lx.NON_FACTUAL_GOVERNORS or _lemma(governor) in ("hope", "prospect", "chance", "possibility", "bid", "effort", "push", "proposal", "plan", "call", "demand", "idea", "need", "prospects", "likelihood", "opportunity"):
            return True
    if noun.dep_ == "dobj" and _lemma(head) in lx.NON_FACTUAL_GOVERNORS:
        return True
    return False


def _compounds(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}


def _sentence_lemmas(token: Token) -> set[str]:
    return {_lemma(t) for t in token.sent}


def _is_military_context(token: Token) -> bool:
    modifiers = {t.lower_ for t in token.subtree if t.i < token.i and t.sent == token.sent} | _compounds(token)
    if modifiers & lx.CIVIL_DRILL_WORDS - {"fire"}:
        return False
    if "fire" in modifiers and not ({"live"} & modifiers or "live-fire" in modifiers):
        return False
    if modifiers & lx.MILITARY_WORDS - {"exercise", "drill"}:
        return True
    return bool(_sentence_lemmas(token) & (lx.MILITARY_WORDS - {"exercise", "drill", "joint", "special", "command", "air", "fire", "guard", "coast", "strategic", "nuclear"}))


def _is_place_or_party(token: Token) -> bool:
    if token.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"):
        return True
    return _lemma(token) in lx.PERSON_TITLE_HEADS or _lemma(token) in lx.GROUP_HEADS


def _with_party(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            return any(c.dep_ == "pobj" for c in child.children)
    return False


# --------------------------------------------------------------------------- the three readers

def read_meeting(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    if _is_verb(token) and token.tag_ != "VBG" or (token.tag_ == "VBG" and token.dep_ not in ("pobj", "dobj", "nsubj", "compound")):
        return _meeting_verb(span, token, lemma)
    if not _is_noun(token):
        return None
    if lemma == "talk" and token.lower_ != "talks":
        return None
    if lemma in ("call", "conversation"):
        qualifiers = _compounds(token) | {c.lower_ for c in token.head.children} | {token.head.lower_}
        if not qualifiers & lx.CALL_QUALIFIERS and not _held_with(token):
            return None
    if lemma == "conference" and _compounds(token) & lx.NOT_MEETING_CONFERENCE:
        return None
    if lemma in ("visit", "trip") and not _visit_has_party(token):
        return None
    if lemma == "host" or lemma == "receive" or lemma == "meet" or lemma == "speak" or lemma == "confer":
        return None
    if _noun_is_nonfactual_object(token):
        return None
    governor = governing_verb(token)
    status = factuality(token, governor)
    if status is None:
        return None
    anaphoric = _is_anaphoric(token)
    strength = 0.75 if governor is not None and _lemma(governor) in lx.HOLDING_VERBS else 0.6
    return Trigger(span, "meeting", status, governor, anaphoric, strength)


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


def _meeting_verb(span: Span, verb: Token, lemma: str) -> Trigger | None:
    if lemma not in ("meet", "visit", "host", "receive", "talk", "speak", "confer"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    if lemma == "meet":
        if objects and not all(_is_place_or_party(o) or o.tag_ == "PRP" for o in objects):
            return None
    elif lemma == "visit":
        if not objects or not any(_is_place_or_party(o) for o in objects):
            return None
    elif lemma in ("host", "receive"):
        # "hosted the Saudi crown prince", "received the envoy"; not "received 1.5 billion cubic meters".
        if not objects or not any(o.ent_type_ in ("PERSON", "NORP") or _lemma(o) in lx.PERSON_TITLE_HEADS or _lemma(o) in ("delegation", "counterpart", "leader", "official") for o in objects):
            return None
    elif lemma in ("talk", "speak", "confer"):
        phone = any(t.lower_ in ("phone", "telephone", "video", "videoconference", "videolink") for t in verb.subtree if t.sent == verb.sent and abs(t.i - verb.i) <= 6)
        if not (phone and _with_party(verb)) and not (lemma == "confer" and _with_party(verb)):
            return None
    status = factuality(verb, None)
    if status is None:
        return None
    parties = sum(1 for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")) + int(_with_party(verb))
    strength = 0.85 if parties >= 2 else 0.7
    return Trigger(span, "meeting", status, verb, False, strength)


def read_exercise(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    if len(span) == 1 and not _is_noun(token):
        return None
    if token.tag_ == "VBG" or token.lower_ == "drilling":
        return None
    if lemma == "exercise":
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ == "in" and not any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects):
                    return None
                if any(_lemma(o) in lx.ABSTRACT_EXERCISE_OBJECTS for o in objects):
                    return None
    if any(c.lower_ in ("political", "diplomatic", "legal", "procedural", "parliamentary") for c in token.children):
        return None
    if not _is_military_context(token):
        return None
    if _noun_is_nonfactual_object(token):
        return None
    governor = governing_verb(token)
    status = factuality(token, governor)
    if status is None:
        return None
    strength = 0.8 if governor is not None and _lemma(governor) in lx.HOLDING_VERBS else 0.65
    return Trigger(span, "exercise", status, governor, _is_anaphoric(token), strength)


def read_agreement(span: Span) -> Trigger | None:
    token = span.root
    lemma = _lemma(token)
    if lemma == "sign":
        return _signing_verb(span, token)
    if not _is_noun(token):
        return None
    if lemma == "protocol" and not _concluded(token):
        return None
    if _noun_is_nonfactual_object(token):
        return None
    governor = governing_verb(token)
    concluded = _concluded(token)
    anaphoric = _is_anaphoric(token)
    if not concluded and not anaphoric and not _in_force(token):
        return None
    status = factuality(token, governor if concluded else None)
    if status is None:
        return None
    in_force = not concluded and _in_force(token)
    strength = 0.85 if concluded else 0.6 if in_force else 0.5
    return Trigger(span, "agreement", status, governor if concluded else None, anaphoric and not concluded, strength, concluded or in_force)


_IN_FORCE_VERBS = frozenset({"take", "come", "go", "hold", "enter", "begin", "start", "expire", "end", "collapse", "break"})


def _in_force(noun: Token) -> bool:
    """"the ceasefire took effect", "the truce is holding": the agreement exists."""
    return noun.dep_ in ("nsubj",) and _lemma(noun.head) in _IN_FORCE_VERBS and _lemma(noun) in ("ceasefire", "cease-fire", "truce", "deal", "agreement", "accord", "treaty", "armistice")


def _concluded(noun: Token) -> bool:
    """Whether the noun is the thing signed, reached, concluded (or agreed to)."""
    current = noun
    while current.dep_ == "conj":
        current = current.head
    head = current.head
    if current.dep_ in ("dobj", "nsubjpass") and _lemma(head) in lx.CONCLUDING_VERBS:
        return True
    if current.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "on", "upon", "into") and _lemma(head.head) in ("agree", "enter", "sign", "come", "reach"):
        return True
    # "the newly signed deal", "the agreement signed on Monday", "the deal reached in Doha".
    for child in current.children:
        if child.dep_ in ("amod", "acl", "relcl") and _lemma(child) in ("sign", "reach", "conclude", "ratify", "strike", "seal", "agree", "broker", "finalize", "ink"):
            if not _has_neg(child) and child.tag_ in ("VBN", "VBD", "JJ"):
                return True
    # "Ukraine's agreement to a ceasefire": the act of agreeing, with the agreeing party.
    if _lemma(current) == "agreement" and any(c.dep_ == "poss" for c in current.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in current.children
    ):
        return True
    return False


def _signing_verb(span: Span, verb: Token) -> Trigger | None:
    """"signed with X" with no agreement noun named; the noun, when there is one, is the trigger."""
    if not _is_verb(verb):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(_lemma(o) in lx.AGREEMENT_NOUNS for o in objects):
        return None  # the noun carries the event
    if objects and not any(_lemma(o) in ("it", "them", "document", "documents", "paper") for o in objects):
        return None  # "signed a law", "signed the bill", "signed a letter"
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "signed off", "signed up"
    if not _with_party(verb) and not any(c.dep_ == "nsubj" and c.dep_ and any(cc.dep_ == "conj" for cc in c.children) for c in verb.children):
        return None
    status = factuality(verb, None)
    if status is None:
        return None
    return Trigger(span, "agreement", status, verb, False, 0.7)


def _is_anaphoric(noun: Token) -> bool:
    """"the meeting", "this agreement", "his talks": a definite mention that may refer back."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return True
    return False


READERS = {"meeting": read_meeting, "exercise": read_exercise, "agreement": read_agreement}


def read(label: str, span: Span) -> Trigger | None:
    return READERS[label](span)
