"""The ``eventex_events`` pipeline component: triggers, parties, dates and places, merged into events.

Runs after the parser, the entity recognizer, ``eventex_places`` and ``eventex_timex``. Sets
``doc._.events`` to a list of :class:`service.extraction.models.Event`.
"""
from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.extraction import lexicon as lx
from service.extraction.countries import get_resolver
from service.extraction.date_ranges import date_range
from service.extraction.models import (
    CharRange,
    Event,
    EventDate,
    EventMention,
    Location,
    Participant,
    TextSpan,
)
from service.extraction.participants import SIDES, Party, PartyReader, Places, sentences_before
from service.extraction.segmentation import in_ranges, non_prose_ranges
from service.extraction.timex import Timex, shift, spelled_number
from service.extraction.triggers import (
    Trigger, build_candidate_matcher, calls_on, candidate_spans, is_credentials, is_distinct, is_instrument, objects_after_a_date,
    own_or_shared_subjects, read,
)

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("published_at"):
    Doc.set_extension("published_at", default=None)

_UNSPECIFIC_DATES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_MODIFIERS = {"START": "early", "MID": "mid", "END": "late"}
_LOCATION_PREPS = frozenset({"in", "at"})
# Prepositions that place an event in a clause about something else: "said X during a meeting with Y".
_FRAMING_PREPS = frozenset({"during", "at", "on", "after", "before", "following", "ahead", "in", "amid"})
_MERGE_THRESHOLD = 2.5
_MAX_MENTIONS = 200
# How far (in tokens) from its trigger a date may stand and still be the event's.
_DATE_REACH = 40
_VISIT_DAYS = 3
_MULTI_DAY_NOUNS = frozenset({"talks", "negotiations", "consultations"})


@dataclass
class Mention:
    trigger: Trigger
    sentence: Span
    parties: list[Party] = field(default_factory=list)
    date_value: str | None = None
    date_text: str | None = None
    granularity: str | None = None
    modifier: str | None = None
    location: Location | None = None
    host: str | None = None             # the country visited, for a visit
    refers_to: Token | None = None      # "After [this meeting]": the trigger whose date this one takes
    group: int = -1
    distinct: bool = False              # "a separate meeting", "Last year's exercise": not one told before
    named_before: frozenset[str] = frozenset()  # the names of the last event of its type told by name before it

    @property
    def start(self) -> int:
        return self.trigger.span.start_char

    @property
    def names(self) -> set[str]:
        """Proper names the trigger carries: "the G7 talks", "the Hanoi Summit", "U.S.-Ukraine talks"."""
        return {c.lower_ for c in self._naming_words()}

    @property
    def own_names(self) -> set[str]:
        """The names that are the event's own, not a place's: "Sea Shield", not "the Xiamen talks"."""
        return {c.lower_ for c in self._naming_words() if c.ent_type_ not in ("GPE", "LOC", "NORP")}

    def _naming_words(self) -> list[Token]:
        head = self.trigger.head
        return [c for c in head.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" or _name_beside(head, c)]


@Language.factory("eventex_events")
def make_events_component(nlp: Language, name: str) -> "EventComponent":
    return EventComponent(nlp)


class EventComponent:
    def __init__(self, nlp: Language) -> None:
        self.matcher = build_candidate_matcher(nlp)
        self.resolver = get_resolver()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.matcher, self.resolver)
        return doc


def extract_events(doc: Doc, matcher, resolver) -> list[Event]:
    text = doc.text  # built from the tokens on every access: read once
    skipped = non_prose_ranges(text)
    places = Places(doc, doc._.places if doc.has_extension("places") and doc._.places is not None else resolver.find_in(text))
    reader = PartyReader(doc, resolver, places)
    mentions: list[Mention] = []
    for label, span in candidate_spans(matcher, doc):
        if in_ranges(span.start_char, skipped):
            continue
        trigger = read(label, span)
        if trigger is None:
            continue
        mention = Mention(trigger, span.sent, distinct=is_distinct(trigger.head))
        mention.location, mention.host = _location(trigger, places, resolver)
        mentions.append(mention)
        if len(mentions) == _MAX_MENTIONS:
            # More mentions than any article has (a text of repeated trigger words): the first
            # ones are kept, since merging them is quadratic in their number.
            break
    if not mentions:
        return []
    _group_within_sentences(mentions)
    # A visit's host country is the context of the whole group: "During his visit to Tehran, the
    # minister met the President" — the President of Iran.
    hosts = {m.group: m.host for m in mentions if m.host is not None}
    _read_parties(mentions, reader, hosts)
    _parties_told_of_it(doc, mentions, reader)
    _parties_taking_part(doc, mentions, reader)
    _signers_listed(mentions, reader)
    _attendees_listed(mentions, reader)
    _delegation_heads(doc, mentions, reader)
    # A visitor is not of the country visited: "HANOI - President Dizon arrived for a state visit"
    # is no Vietnamese president, whatever the dateline suggested.
    guessed_wrong = [
        reader.unguess_home(p.name)
        for m in mentions
        for p in m.parties
        if p.kind == "person" and p.role == "visitor" and p.name and p.country is not None and p.country == hosts.get(m.group)
    ]
    if any(guessed_wrong):
        _read_parties(mentions, reader, hosts)
    _add_members(mentions, resolver)
    _add_envoys(mentions, reader)
    for mention in mentions:
        mention.parties = [p for p in mention.parties if p.kind != "person" or not p.name or _could_be_a_name(p.name, resolver)]
    timexes = doc._.timexes if doc.has_extension("timexes") and doc._.timexes else []
    _attach_dates(doc, mentions, timexes)
    clusters = _cluster(mentions)
    _dates_in_context(clusters)
    _recent_on_the_story_day(clusters)
    _signers_from_the_meeting(clusters)
    context = _countries_in_context(clusters, resolver)
    for serial, officials in _officials_of_members(clusters, resolver, reader).items():
        context[serial] = context.get(serial, []) + officials
    digest = _document_digest(text, doc._.published_at)

    def is_known(name: str) -> bool:
        """An international organisation the country table knows ("U.N.", "ECOWAS")."""
        place = resolver.lookup(name)
        return place is not None and place.kind == "organization"

    official_story = any(cluster.countries or _official_people(cluster) for cluster in clusters)
    events = [_build_event(text, digest, cluster, context.get(cluster.serial, []), is_known, official_story) for cluster in clusters]
    return sorted((e for e in events if e is not None), key=lambda e: e.trigger.start)


# --------------------------------------------------------------------------- parties and places

def _arguments(trigger: Trigger) -> list[tuple[Token, str]]:
    """The phrases naming the parties, with a role: subject, objects, "with"/"between" phrases."""
    head = trigger.head
    found: list[tuple[Token, str]] = []
    lemma = head.lemma_.lower()
    is_visit = lemma in ("visit", "trip")
    governor = trigger.governor
    verbs = [v for v in (head if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB") else None, governor) if v is not None]
    for verb in verbs:
        if verb != head and _talked_about(head, verb):
            continue  # "the DPRK's news agency denounced the drills": who talks of it took no part
        if verb != head and trigger.type == "exercise" and _watching(verb, head):
            continue  # "Officers from Montenegro are following the exercise as observers"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or _controller_subjects(verb)
        if not subjects:
            subjects = [s for s in [_misattached_subject(verb)] if s is not None]
        if not subjects and verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and any(c.dep_ == "dobj" for c in verb.children):
            # "Defense Minister Antoine Rahme and his Syrian counterpart, Yasser al-Hamwi, signed ... an
            # agreement" read as one noun phrase: a participle with an object is the main verb, its head the subject
            subjects = [verb.head]
        for subject in subjects:
            if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                subject = _relative_antecedent(subject, verb)  # "Gromov, who arrived for a visit": Gromov
            if subject == head:
                continue
            if trigger.type == "agreement" and subject.dep_ == "nsubjpass":
                continue
            found.append((subject, _subject_role(trigger, lemma, passive=subject.dep_ == "nsubjpass")))
        if trigger.type == "agreement":
            # "signed ... in the presence of President X and his host, President Y" (the phrase may hang on
            # the signers: "signed by ministers of the two governments in the presence of ..."): the
            # leaders who witnessed it
            found.extend(
                (w, "party") for p in verb.subtree if p.lower_ == "presence" and p.dep_ == "pobj" and p.head.lower_ == "in"
                for o in p.children if o.dep_ == "prep" and o.lower_ == "of" for w in o.children if w.dep_ == "pobj"
            )
        for child in [*verb.children, *(objects_after_a_date(verb) if verb == head and trigger.type == "meeting" else [])]:
            if child.dep_ in ("dobj", "dative", "pobj") and child != head and verb == head and not (trigger.type == "agreement" and is_instrument(child)):
                # (what was signed is no party: "signed the Programme of Cooperation")
                role = "host" if lemma == "visit" else ("visitor" if lemma in ("host", "receive") else "participant")
                found.append((child, role))
                if trigger.type == "exercise":
                    # "The special forces exercise Ittehad-2025 between Pakistan, Azerbaijan and Türkiye":
                    # the exercise's name read as the object of a verb, its parties hung on the name
                    found.extend((p, "participant") for c in child.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for p in c.children if p.dep_ == "pobj")
                if lemma == "visit" and child.lemma_.lower() == "capital":
                    found.extend((c, role) for c in child.children if c.dep_ in ("amod", "compound", "poss"))  # "the Algerian capital"
            if child.dep_ == "prep" and child.lower_ in ("with", "between", "among"):
                found.extend((p, "party" if trigger.type == "agreement" else "participant") for p in child.children if p.dep_ == "pobj")
            if child.dep_ == "prep" and child.lower_ == "from" and lemma == "call" and verb != head:
                found.extend((p, "participant") for p in child.children if p.dep_ == "pobj")  # "received a call today from X"
            if child.dep_ == "prep" and child.lower_ == "on" and lemma == "call" and verb == head:
                found.extend((p, "host") for p in child.children if p.dep_ == "pobj")  # "called on the President"
            if child.dep_ == "prep" and child.lower_ == "to" and lemma == "present" and verb == head:
                found.extend((p, "host") for p in child.children if p.dep_ == "pobj")  # "presented his credentials to the President"
            if child.dep_ == "dobj" and lemma == "receive" and verb == head and is_credentials(child):
                # "received the credentials of Fiji's new high commissioner": the envoy's
                found.extend((p, "visitor") for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
            if child.dep_ == "agent" and lemma in lx.MEETING_NOUNS and verb != head and verb.lemma_.lower() in ("attend", "join") and head.dep_ == "nsubjpass":
                # "The summit was also attended by Foreign Minister A and Defence Minister B for Italy and by
                # C": every person named after "by" (the parser seldom keeps such a list whole)
                found.extend((t, "participant") for t in verb.subtree if t.i > child.i and t.ent_type_ == "PERSON" and t.ent_iob_ == "B")
            if child.dep_ == "agent":
                agent_role = "party" if trigger.type == "agreement" else "host" if lemma in ("host", "receive") and verb == head else "participant"
                found.extend((p, agent_role) for p in child.children if p.dep_ == "pobj")
    if head.pos_ == "VERB" and lemma in ("visit", "meet"):
        # "visited Taiwan in August and told President Lai that ...": whom the visitor addressed there.
        for verb in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in _ADDRESSING_VERBS):
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                found.extend((o, "host" if is_visit else "participant") for o in verb.children if o.dep_ in ("dobj", "dative") and o.ent_type_ == "PERSON")
    if not (head.pos_ in ("VERB",) or head.tag_.startswith("VB")):
        for child in head.children:
            if child.dep_ == "poss":
                found.append((child, "visitor" if is_visit else "participant"))
            elif child.dep_ in ("compound", "amod", "nmod") and (child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or child.tag_ == "NNP"):
                found.append((child, _NAMING))
            elif child.dep_ == "prep" and child.lower_ == "of" and lemma == "edition":
                continue  # "the previous edition of Dharma Guardian": the exercise's name, no party
            elif child.dep_ == "prep" and child.lower_ in ("with", "between", "among", "of", "by", "involving"):
                found.extend((p, "visitor" if is_visit and child.lower_ in ("of", "by") else ("party" if trigger.type == "agreement" else "participant")) for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "on" and lemma == "call":
                # "paid a courtesy call on Singapore President Ong": whom the visitor called on
                found.extend((p, "host") for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "from" and (lemma == "call" or is_visit):
                # "received a phone call from President X", "a visit from the Emir"
                found.extend((p, "visitor" if is_visit else "participant") for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "acl" and child.lower_ in ("involving", "including") or child.dep_ == "relcl" and child.lemma_.lower() in ("involve", "include", "bring", "gather"):
                # "talks involving X", "talks that also involved X", "a summit that brought together X and Y"
                found.extend((p, "participant") for p in child.children if p.dep_ == "dobj")
            elif child.dep_ == "acl" and child.lemma_.lower() in _LED_BY_VERBS:
                # "the negotiations, led by the ministers of A, B and C", "a summit hosted by Kenya"
                role = "host" if child.lemma_.lower() == "host" else "party" if trigger.type == "agreement" else "participant"
                found.extend((p, role) for a in child.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
        found.extend((t, _NAMING) for t in _hyphenated_pair(head))
        if head.dep_ == "pobj" and head.head.lower_ in ("at", "to") and head.head.head.pos_ in ("NOUN", "PROPN") \
                and head.head.head.lemma_.lower() in lx.GROUP_HEADS | {"representative", "delegate", "envoy", "ambassador"}:
            # "French, Chinese and Mexican representatives at a Security Council meeting" (the parser
            # may make the list an apposition: "United Nations, French ... representatives")
            group = head.head.head
            found.append((group, "participant"))
            if group.dep_ == "appos":
                found.append((group.head, "participant"))
        # "Trump told Starmer during the visit": whom the subject addressed there took part too.
        if head.dep_ == "pobj" and head.head.lower_ in _FRAMING_PREPS and governor is not None:
            found.extend((c, "participant") for c in governor.children if c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON")
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in _GATHERING_VERBS:
        # "The talks bring together ministers from Britain, Canada and Italy."
        found.extend((c, "participant") for c in head.head.children if c.dep_ == "dobj")
        # ("brought together units from Saudi Arabia, Egypt and Jordan": the parser may hang "from" on the verb)
        found.extend((p, "participant") for c in head.head.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj")
    if trigger.type == "agreement" and not found:
        # "a contract for the transfer of Turkmen gas to Azerbaijan via Iran was signed": the
        # parties are the countries the agreement names.
        # (not who brokered or backed it: "a Qatar-brokered deal")
        found.extend(
            (t, "party") for t in head.subtree
            if t != head and (t.ent_type_ in ("GPE", "NORP") or t.tag_ == "NNP") and not (t.head.tag_ == "VBN" and t.head.dep_ == "amod")
        )
    return found


def _hyphenated_pair(noun: Token) -> list[Token]:
    """"the Pakistan-China joint counter-terrorism exercise", "the Russia-Indonesia drills": the
    names of a hyphenated pair before the noun, however the parser hangs them; not who brokered or
    backed it ("a Qatar-brokered deal")."""
    # (which names are places is decided with the other names: "Warrior-VIII" is none)
    doc = noun.doc

    def is_name(token: Token) -> bool:  # ("Ghanaian-Togolese": a demonym may be tagged an adjective)
        return token.ent_type_ in ("GPE", "NORP") or token.tag_ in ("NNP", "NNPS") or token.tag_ == "JJ" and token.is_title

    names = []
    for token in noun.subtree:
        if token.i >= noun.i or not is_name(token) or token.dep_ not in ("compound", "nmod", "amod"):
            continue
        joined_after = token.i + 2 < noun.i and doc[token.i + 1].tag_ == "HYPH" and is_name(doc[token.i + 2])
        joined_before = token.i >= 2 and doc[token.i - 1].tag_ == "HYPH" and is_name(doc[token.i - 2])
        if joined_after or joined_before:
            names.append(token)
    return names


# Role of a name written before the trigger ("U.S.-China talks", "the Hanoi summit", "the Minsk
# agreements"): a party, unless it names the venue — a city, or any place before "summit".
_NAMING = "naming"
_VENUE_NOUNS = frozenset({"summit", "conference", "forum", "session"})
# Verbs that talk about an event rather than report it: their date is when it was talked about.
_TALKING_ABOUT_VERBS = lx.REPORTING_VERBS | {
    "praise", "criticize", "criticise", "denounce", "condemn", "welcome", "slam", "hail", "call",
    "discuss", "mention", "recall", "review", "cite", "consider", "remember", "dismiss", "reject",
    "defend", "question", "blame", "protest", "warn", "follow", "precede",
}
_DECIDING_VERBS = frozenset({"agree", "approve", "decide", "announce", "authorize", "authorise", "order"})
# "which will end on March 9", "the drills will last until Friday": the end of the event, not its date.
_END_VERBS = frozenset({"end", "finish", "conclude", "close", "wrap"})
_DURATION_VERBS = frozenset({"last", "run", "continue", "expire"})
# "The manoeuvres will run until the end of May": the end of the event, not its date.
_END_PREPOSITIONS = frozenset({"until", "till", "through", "to"})
_LED_BY_VERBS = frozenset({"lead", "attend", "host", "chair", "join", "co-chair", "broker", "mediate", "sign", "request", "convene"})
_ADDRESSING_VERBS = frozenset({"tell", "brief", "thank", "assure", "invite", "urge", "ask", "congratulate", "inform", "present", "hand"})
_GATHERING_VERBS = frozenset({"bring", "involve", "include", "gather", "unite", "feature", "draw", "attract", "group"})
_NP_INTERNAL = frozenset({"compound", "amod", "det", "poss", "nummod", "case", "punct"})


# "acomp": "Putin is due to meet Erdogan", "the two sides are ready to sign".
_CONTROLLED_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl", "pobj", "acomp"})


# Verbs by which one side speaks of, or to, an event from outside: "denounced the drills", "told a
# conference" (a speech); not "praised their summit", "hailed the talks", said often by a party.
# (and who remarks on it: "Beijing has not commented on the visit", "reacted to the drills")
_REMARKING_VERBS = frozenset({"comment", "react", "respond"})
_JUDGING_VERBS = frozenset({
    "denounce", "condemn", "criticize", "criticise", "slam", "protest", "blame", "decry", "deplore",
    "tell", "address",
}) | _REMARKING_VERBS


# "called the drills a provocation", "described the talks as useful": a verdict on a happening
# told before, which whoever gives it may or may not have taken part in.
_NAMING_VERBS = frozenset({"call", "describe", "label", "term", "brand", "dub"})


_WATCHING_VERBS = frozenset({"watch", "observe", "monitor", "follow", "view", "witness"})


def _watching(verb: Token, head: Token) -> bool:
    """Whether the verb's subject only watches the exercise: "are following the exercise as
    observers", "observed the drills" (not "observed a minute's silence at the exercise")."""
    return verb.lemma_.lower() in _WATCHING_VERBS and head.dep_ == "dobj" and head.head == verb or any(
        c.dep_ == "prep" and c.lower_ == "as" and any(p.lemma_.lower() == "observer" for p in c.children) for c in verb.children
    )


def _talked_about(head: Token, verb: Token) -> bool:
    """Whether the event noun is what a verb of talking is about ("denounced the drills", "welcomed
    the deal", "told a briefing ..., among them live-fire drills"), not the setting of what was said
    ("said during the talks", "told reporters after the meeting")."""
    if verb.lemma_.lower() in _NAMING_VERBS and head.dep_ == "dobj" and head.head == verb and any(
        c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
    ) and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children):
        return True  # "called the exercise 'extremely regrettable'": a verdict on an event told before
    if verb.lemma_.lower() not in _JUDGING_VERBS:
        return False
    if verb.lemma_.lower() in ("tell", "address") and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False  # "The Hungarian leader told a meeting of Central European leaders": one of them
    current = head
    while current.dep_ in ("conj", "appos") and current.head != verb:
        current = current.head
    if current.dep_ in ("dobj", "nsubjpass") and current.head == verb:
        return True
    if current.dep_ == "pobj" and current.head.head == verb and current.head.lower_ in ("on", "to") and verb.lemma_.lower() in _REMARKING_VERBS:
        return True  # "Beijing has not commented on the visit", "reacted to the drills"
    return current.dep_ == "pobj" and current.head.head == verb and current.head.lower_ not in _FRAMING_PREPS | {"of", "with", "between", "by"}


def _subject_role(trigger: Trigger, lemma: str, *, passive: bool) -> str:
    """"X visited", "X paid a visit": the visitor; "X hosted/received": the host, and the visitor
    when passive ("X was received by ..."); the party of an agreement; else a participant."""
    if lemma in ("visit", "trip", "present"):
        return "visitor"  # ("X presented his credentials": the envoy)
    if lemma in ("host", "receive"):
        return "visitor" if passive else "host"
    return "party" if trigger.type == "agreement" else "participant"


def _relative_antecedent(pronoun: Token, clause: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause hangs on, or, for "who", the name
    written just before it when the parser hung the clause elsewhere."""
    antecedent = clause.head
    if pronoun.lower_ in ("who", "whom") and antecedent.ent_type_ != "PERSON" and antecedent.lemma_.lower() not in lx.PERSON_TITLE_HEADS:
        before = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
        if before is not None and before.is_punct and before.i > 0:
            before = pronoun.doc[before.i - 1]
        if before is not None and (before.ent_type_ == "PERSON" or before.lemma_.lower() in lx.PERSON_TITLE_HEADS):
            return before
    return antecedent


def _controller_subjects(verb: Token) -> list[Token]:
    """The subject a subjectless verb takes from the clause it hangs in: "Speaking at a meeting, the
    envoy said ...", "... to strengthen ties after meeting with Biden" (the subject of the main verb)."""
    current = verb
    for _ in range(6):
        if current.dep_ not in _CONTROLLED_DEPS or current.head == current:
            return []
        current = current.head
        if current.pos_ in ("VERB", "AUX") or current.tag_.startswith("VB"):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects
    return []


def _misattached_subject(verb: Token) -> Token | None:
    """The noun phrase right before a subjectless verb, which the parser hung elsewhere:
    "During his visit to Tehran, the Minister of Defense met ..." (parsed as an apposition of Tehran)."""
    if verb.i == 0 or verb.dep_ not in ("ROOT",):
        return None
    current = verb.doc[verb.i - 1]
    if current.is_punct or current.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(8):
        head = current.head
        if head.i >= verb.i or head == current:
            break
        if current.dep_ in _NP_INTERNAL or (current.dep_ == "pobj" and head.lower_ == "of") or (current.dep_ == "prep" and current.lower_ == "of"):
            current = head
            continue
        break
    return current if current.dep_ in ("appos", "conj", "dobj", "pobj") and current.pos_ in ("NOUN", "PROPN") else None


def _read_parties(mentions: list[Mention], reader: PartyReader, hosts: dict[int, str]) -> None:
    guest: Party | None = None
    for mention in sorted(mentions, key=lambda m: m.start):
        mention.parties = _parties(mention.trigger, reader, hosts.get(mention.group), guest)
        guest = next((p for p in mention.parties if p.kind == "person" and p.role == "visitor" and p.name), guest)


def _parties(trigger: Trigger, reader: PartyReader, host: str | None, guest: Party | None = None) -> list[Party]:
    """The parties of one mention; ``guest`` is the visitor of the last visit told, whom "the guest"
    or "the visitor" stands for."""
    parties: list[Party] = []
    for token, role in _arguments(trigger):
        if token.lemma_.lower() in ("guest", "visitor") and token.tag_ == "NN" and guest is not None:
            parties.append(Party(guest.kind, guest.name, guest.country, guest.title, role, [(token.idx, token.idx + len(token.text))]))
            continue
        if role == _NAMING:
            place = reader.places.at(token)
            if place is not None and (place.kind == "capital" or trigger.head.lemma_.lower() in _VENUE_NOUNS):
                continue
            if place is None and not (trigger.type == "meeting" and token.ent_type_ == "PERSON"):
                continue  # the name of the exercise or the accord ("Ulchi Freedom Shield"), not a party
            role = "party" if trigger.type == "agreement" else "participant"
        parties.extend(reader.parties(token, role, host))
    if not parties and trigger.type != "agreement":
        # A parse that lost the subject ("China conducted the military drills encircling Taiwan"):
        # the subject of the sentence's main verb, when it is a party.
        root = trigger.head.sent.root
        if root.lemma_.lower() not in _TALKING_ABOUT_VERBS and _hops_to(trigger.head, root, through={"dobj", "ccomp", "xcomp", "conj", "nsubj", "attr", "compound", "amod"}) <= 2:
            for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < trigger.head.i):
                parties.extend(reader.parties(subject, "participant", host))
    if host is not None and not any(p.country == host for p in parties):
        name = reader.resolver.name_of(host) or host
        parties.append(Party("country", name, host, None, "host", []))
    return parties


# "It is being led by Vice-Admiral X", "It was signed by X and Y": who led or signed the event just told.
_TOLD_OF_IT_VERBS = {"agreement": frozenset({"sign", "ink", "conclude"}), "exercise": frozenset({"lead", "command", "oversee", "direct", "conduct"})}


def _parties_told_of_it(doc: Doc, mentions: list[Mention], reader: PartyReader) -> None:
    """"The exercise began on Monday. It is being led by Vice-Admiral X": the parties named by the
    agent of a passive verb whose subject is "it" belong to the event last told before it, in that
    sentence or the one before, when the verb is one that event's type takes."""
    for token in doc:
        if token.lower_ != "it" or token.dep_ != "nsubjpass":
            continue
        verb = token.head
        event_type = next((t for t, verbs in _TOLD_OF_IT_VERBS.items() if verb.lemma_.lower() in verbs), None)
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if event_type is None or not agents:
            continue
        sentence = token.sent
        told = [m for m in mentions if m.trigger.type == event_type and m.start < token.idx and sentence.start - m.sentence.end <= 1 and m.sentence.end <= sentence.end]
        # (the mention's sentence is this one or ends right before it: Span.end is a token index)
        if not told:
            continue
        mention = max(told, key=lambda m: m.start)
        if mention.sentence.start != sentence.start and mention.sentence.end != sentence.start:
            continue
        role = "party" if event_type == "agreement" else "participant"
        mention.parties = mention.parties + [party for agent in agents for party in reader.parties(agent, role)]


def _parties_taking_part(doc: Doc, mentions: list[Mention], reader: PartyReader) -> None:
    """Who takes part in an event told just before, in words with no trigger of their own: "Units
    from Latvia and Lithuania are also taking part", "Troops from Belize trained alongside forces
    from Canada", "with more than 2,000 troops from both sides taking part", "with the
    participation of forces from Egypt and Greece". Their parties belong to the last meeting or
    exercise told in that sentence or the two before it."""
    for token in doc:
        heads: list[Token] = []
        attendees: Token | None = None  # where a list of attendees begins
        within = 2
        kinds = ("meeting", "exercise")
        lemma = token.lemma_.lower()
        verb = token.tag_.startswith("VB")
        listed: list[Token] = []
        if verb and (
            (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in token.children)) or lemma == "participate"
        ) and not _own_object(token):
            heads = [] if _observing(token) else [c for c in token.children if c.dep_ == "nsubj"]
            # "Contingents from Antigua and Barbuda, the Bahamas, Barbados ... are participating, along with
            # troops from the United States, Canada ...": the parse of a long list is seldom whole, so every
            # country the sentence names takes part, but those that only sent observers.
            listed = [t for t in token.sent if not _observing(t)]
            if not _names_many_countries(reader, listed):
                listed = []
            elif not heads or all(_lemma_is_force(h) for h in heads):
                within = _LIST_REACH  # a paragraph of its own, after a quote or two, lists the forces
        elif verb and lemma == "welcome" and any(
            c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lx.PERSON_TITLE_HEADS) for c in token.children
        ):
            # "Kusuma welcomed Malaysian Prime Minister X, Philippine President Y ... at the opening session"
            heads = [c for c in token.children if c.dep_ in ("nsubj", "dobj")]
            kinds = ("meeting",)
        elif verb and lemma == "train" and any(c.dep_ == "prep" and c.lower_ == "alongside" for c in token.children):
            heads = [c for c in token.children if c.dep_ == "nsubj"]
            heads += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "alongside" for p in c.children if p.dep_ == "pobj"]
        elif lemma == "participation" and token.pos_ == "NOUN":
            heads = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        elif lemma == "represent" and token.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in token.children):
            # "Côte d'Ivoire was represented by Vice President Tiémoko Koné": at the meeting just told
            heads = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            heads += [c for c in token.children if c.dep_ == "nsubjpass"] if heads else []
        elif lemma in _COMMANDING_VERBS and token.tag_ == "VBN" and (
            any(c.lemma_.lower() in _COMMANDED for c in token.children if c.dep_ == "nsubjpass")
            or token.dep_ == "acl" and token.head.lemma_.lower() in _COMMANDED
        ):
            # "The Indian contingent was led by Rear Admiral X", "The final phase was overseen by
            # General Y", "a contingent of 150 soldiers led by Colonel Z": who commands the exercise's forces
            heads = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            kinds = ("exercise",)
        elif lemma == "witness" and token.tag_ == "VBN":
            # "signed the MoU ... at a ceremony witnessed by the Minister of State for Petroleum and his
            # Moroccan counterpart": the leaders who witnessed it are among the agreement's persons
            heads = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            kinds, within = ("agreement",), 0
        elif (
            lemma in ("attend", "chair", "co-chair", "cochair") and token.dep_ in ("advcl", "conj") and not any(c.dep_.startswith("nsubj") for c in token.children)
            and (token.tag_ == "VBN" or any(c.dep_ == "agent" for c in token.children))
        ):
            # "The summit was prepared at a meeting of the ministers, attended by Chile's Ana Ruiz, ...",
            # "at the session of the council, co-chaired by Presidents X and Y": the participle hangs
            # on the clause (the tagger may read it as a past tense), the attendees are the meeting's
            heads = [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            within = 0
            attendees = next((c for c in token.children if c.dep_ == "agent"), None)
        if not heads and not listed:
            continue
        sentence = token.sent
        told = [
            m for m in mentions
            if m.trigger.type in kinds and sentences_before(sentence, within).start <= m.sentence.start <= sentence.start
            and (m.start < token.idx or m.sentence.start == sentence.start)
        ]
        if not told:
            continue
        # the event of its own sentence (the one nearest), else the last one told before
        mention = min(told, key=lambda m: (m.sentence.start != sentence.start, abs(m.trigger.span.start - token.i)))
        found = [party for head in heads for party in reader.parties(head, "party" if kinds == ("agreement",) else "participant")]
        found += [reader.place_party(match, span, "participant") for match, span in reader.places.within(listed) if match.code and match.kind in ("country", "demonym")]
        country = None
        if lemma in _COMMANDING_VERBS:
            # "The Chilean contingent was led by Rear Admiral X": he is of the contingent's country
            units = [c for c in token.children if c.dep_ == "nsubjpass"] or [token.head]
            country = next((p.country for u in units for p in reader.parties(u, "participant") if p.country), None)
        elif lemma == "represent":
            # whom a country is represented by speaks for it
            country = next((p.country for p in found if p.kind == "country"), None)
        for party in found:
            party.country = party.country or country
        mention.parties = mention.parties + [p for p in found if p.kind in ("country", "person", "group") or p.country]
        if attendees is not None:
            _add_people_named_after(mention, attendees, reader, "participant", _LIST_ENDS)


def _own_object(verb: Token) -> bool:
    """"took part in the summit's opening": what is taken part in is named, not the event told
    before (not "in a row"; "took part in the field training" is in the exercise told)."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and not c.ent_type_
        and not any(p.lemma_.lower() in lx.EXERCISE_NOUNS for p in c.children if p.dep_ == "pobj")
        for c in verb.children
    )


# How many countries a sentence of taking part must name before all of them are read as its parties,
# and how many sentences back such a list may reach for its event.
_MANY_COUNTRIES = 3
_LIST_REACH = 6


def _lemma_is_force(token: Token) -> bool:
    lemma = token.lemma_.lower()  # (a capitalised plural the tagger read as a name keeps its "s": "Contingents")
    forces = _COMMANDED | {"contingent", "country", "nation", "navy", "army"}
    return lemma in forces or lemma.endswith("s") and lemma[:-1] in forces


def _names_many_countries(reader: PartyReader, tokens: list[Token]) -> bool:
    return len({m.code for m, _ in reader.places.within(tokens) if m.code and m.kind in ("country", "demonym")}) >= _MANY_COUNTRIES


def _observing(token: Token) -> bool:
    """"while Lebanon, Tunisia and Morocco are taking part as observers", "Brazil sent observers"."""
    for word in (token, *token.ancestors):
        if word.lemma_.lower() == "observer":
            return True
        for child in word.children:
            if child.dep_ == "dobj" and child.lemma_.lower() == "observer":
                return True
            if child.dep_ == "prep" and child.lower_ == "as" and any(p.lemma_.lower() == "observer" for p in child.children):
                return True
    return False


_COMMANDING_VERBS = frozenset({"lead", "command", "oversee", "direct", "head"})
# What an exercise's commander commands: its forces, or a part of it.
_COMMANDED = frozenset({
    "contingent", "force", "troop", "unit", "ship", "navy", "army", "fleet", "flotilla", "squadron",
    "battalion", "brigade", "detachment", "phase", "stage", "ceremony", "drill", "exercise", "maneuver",
    "manoeuvre", "wargame", "side", "team", "soldier", "sailor", "marine", "personnel", "serviceman",
})


def _signers_listed(mentions: list[Mention], reader: PartyReader) -> None:
    """"The MoU was signed by the chief executive of X, Pablo Vera; the director of Y, Elena Soto;
    and ...": a list the parser breaks at its semicolons; every person named after "by" signed
    (up to those it was signed before: "in the presence of", "witnessed by")."""
    for mention in mentions:
        verb = mention.trigger.governor
        if mention.trigger.type != "agreement" or verb is None or verb.lemma_.lower() != "sign":
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        after = [t for t in verb.sent if t.i > agent.i]
        names = sum(t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in after)
        if not any(t.text == ";" for t in after) and names < 2:
            continue
        # (those it was signed before, "in the presence of" or "witnessed by", are among its persons too)
        _add_people_named_after(mention, agent, reader, "party", _CLAUSES_ABOUT_OTHERS)


def _add_people_named_after(mention: Mention, start: Token, reader: PartyReader, role: str, ends: frozenset[str]) -> None:
    """Every person named in the sentence after ``start``, up to one of the words ``ends``, joins the
    mention's parties."""
    named = {p.name for p in mention.parties if p.kind == "person"}
    for token in start.sent:
        if token.i <= start.i:
            continue
        if token.lower_ in ends:
            break
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and not _adviser_to(reader.person_at[token.i]):
            for party in reader.parties(token, role):
                if party.kind == "person" and party.name not in named:
                    mention.parties = mention.parties + [party]
                    named.add(party.name)


# Words after which a sentence no longer lists who signed or attended: clauses about others ("as
# the presidents looked on", "after talks mediated by", "who ..."), and for attendees those they
# were seen by ("in the presence of", "witnessed by").
_CLAUSES_ABOUT_OTHERS = frozenset({"who", "as", "while", "when", "after", "before", "mediated"})
_LIST_ENDS = _CLAUSES_ABOUT_OTHERS | {"presence", "witnessed", "attended"}


def _adviser_to(name: Span) -> bool:
    """"Mbala, a senior adviser to Congolese President Mukendi": the president named in another's office."""
    return any(t.dep_ == "pobj" and t.head.lower_ == "to" for t in name)


def _attendees_listed(mentions: list[Mention], reader: PartyReader) -> None:
    """"Also present at today's meeting were General X, ...", "Attending the talks from the Kuwaiti
    side were A, B and C": the people listed after the words attend the event they name. The parser
    seldom reads a list of titled names whole, so every person named after the list's first word is
    taken."""
    for mention in mentions:
        head = mention.trigger.head
        start = None
        if head.dep_ == "pobj" and head.head.lower_ == "at" and head.head.head.lower_ == "present":
            copula = head.head.head.head  # "Also present at the talks were ..."
            start = copula if copula.lemma_ == "be" and copula.i > head.i else None
        elif head.dep_ == "dobj" and head.head.lower_ == "attending":
            # "Attending the talks from the Kuwaiti side were ..."
            start = next((c for c in head.head.children if c.lemma_ == "be" and c.i > head.i), None)
        else:
            # "The session of talks was attended by Deputy Prime Minister A, and Minister B"
            subject = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head
            if subject.dep_ == "nsubjpass" and subject.head.lemma_ == "attend":
                start = next((c for c in subject.head.children if c.dep_ == "agent"), None)
        if start is not None:
            _add_people_named_after(mention, start, reader, "participant", _LIST_ENDS)


# How far back the talks a delegation took part in may be told: the sentence before, or two.
_DELEGATION_REACH = 2


def _delegation_heads(doc: Doc, mentions: list[Mention], reader: PartyReader) -> None:
    """"The Indian delegation was led by A, and the Sri Lankan side by B", "The Russian delegation was
    led by C, while Ukraine's delegation was headed by D": the heads of the delegations took part in
    the talks (or the exercise) told in that sentence or just before it."""
    sentences = list(doc.sents)
    for index, sentence in enumerate(sentences):
        agents = [
            agent for verb in sentence if verb.lemma_.lower() in ("lead", "head")
            and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in SIDES for c in verb.children)
            for agent in verb.children if agent.dep_ == "agent"
        ]
        if not agents:
            continue
        earliest = sentences[max(0, index - _DELEGATION_REACH)].start
        told = [m for m in mentions if m.trigger.type in ("meeting", "exercise") and earliest <= m.sentence.start <= sentence.start]
        if not told:
            continue
        talks = max(told, key=lambda m: m.trigger.head.i)
        for agent in agents:
            _add_people_named_after(talks, agent, reader, "participant", _CLAUSES_ABOUT_OTHERS)


_UN_BODIES = frozenset({"UN Security Council", "UN General Assembly", "UN Human Rights Council"})
_ENVOY_WORDS = frozenset({"ambassador", "envoy", "representative"})


def _add_envoys(mentions: list[Mention], reader: PartyReader) -> None:
    """"a U.N. Security Council meeting" (a meeting told in a sentence that names the Council): the
    countries took part through their envoys, whom the story names with their office ("Britain's
    deputy U.N. ambassador James Kariuki", "Deputy Ambassador Geng Shuang", "Russia's envoy")."""
    council_meetings = [
        m for m in mentions
        if m.trigger.type == "meeting" and any(p.kind == "organization" and p.name in _UN_BODIES for p, _ in reader.places.within(m.sentence))
    ]
    if not council_meetings:
        return
    envoys = [
        Party("person", e.name, e.country, e.title, "participant", list(e.spans))
        for e in reader.persons_named() if e.title and _ENVOY_WORDS & set(e.title.lower().split())
    ]
    # and those named by their office alone: "Russia's envoy dismissed the accusations"
    named = {e.country for e in envoys if e.country}
    for token in reader.doc:
        if token.lemma_.lower() in _ENVOY_WORDS and token.tag_ == "NN" and not token.ent_type_:
            for envoy in reader.parties(token, "participant"):
                if envoy.kind == "person" and envoy.country and envoy.country not in named:
                    envoys.append(envoy)
                    named.add(envoy.country)
    for mention in council_meetings:
        mention.parties = mention.parties + envoys


def _add_members(mentions: list[Mention], resolver) -> None:
    """"Quad leaders met at a virtual summit": the grouping's member countries took part."""
    for mention in mentions:
        known = {p.country for p in mention.parties if p.country}
        members = [
            Party("country", resolver.name_of(code) or code, code, None, party.role, list(party.spans))
            for party in mention.parties if party.kind == "organization"
            for code in resolver.members_of(party.name) if code not in known
        ]
        mention.parties = mention.parties + list({p.country: p for p in members}.values())


# Last words that end an office, a style or a body's name, never a person's: "Chief of Naval Staff",
# "His Majesty", "Brig Gen", "the Tigray People's Liberation Front", "Arab Contractors", "Bulgargaz EAD".
_NOT_A_NAMES_END = frozenset({
    "staff", "majesty", "highness", "excellency", "gen", "front", "contractors", "liaison", "ead", "plc", "ltd",
    "inc", "llc", "jsc", "gmbh", "corp", "co", "sa", "ag", "nv", "bv", "ministry", "forces", "army", "navy",
})


_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "du", "van", "von", "der", "del", "la", "le", "di"})


def _could_be_a_name(name: str, resolver) -> bool:
    """Whether what the recognizer took for a person's name may be one: not "desert combat", "His
    Majesty", "Arab Contractors" or a place the country table knows ("Doha")."""
    words = name.split()
    # ("bin Fahd Al Busaidi", "de Vos": a name the recognizer began at a particle)
    if not (name[:1].isupper() or words[0] in _NAME_PARTICLES and len(words) > 1) or words[-1].lower().strip(".") in _NOT_A_NAMES_END:
        return False
    place = resolver.lookup(name) if len(words) == 1 else None
    return place is None or place.kind == "organization"


def _hops_to(token: Token, ancestor: Token, through: set[str]) -> int:
    """Steps from ``token`` up to ``ancestor`` along the given dependencies; a large number if not."""
    hops = 0
    while token != ancestor:
        if token.dep_ not in through or token.head == token:
            return 99
        token = token.head
        hops += 1
    return hops


def _location(trigger: Trigger, places: Places, resolver) -> tuple[Location | None, str | None]:
    """Where it took place ("in Tehran", "visit to Beijing"), and the host country of a visit."""
    head = trigger.head
    holders = [head] + ([trigger.governor] if trigger.governor is not None else [])
    # "met with Ruto in Nairobi": the parser often hangs the place on the last party.
    holders += [p for h in list(holders) for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between") for p in c.children if p.dep_ == "pobj"]
    holders += [c for h in list(holders[:2]) for c in h.children if c.dep_ == "dobj"]
    is_visit = head.lemma_.lower() in ("visit", "trip")
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "dobj" and is_visit and holder == head:
                place = places.at(child)
                if place is not None and place.code:
                    return Location(name=_np_text(child), country=place.code), place.code
            if child.dep_ != "prep":
                continue
            if child.lower_ in _LOCATION_PREPS or (is_visit and child.lower_ == "to"):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if pobj.ent_type_ in ("DATE", "TIME"):
                        continue
                    # Under the trigger, a phrase that contains a place ("in the capital of Turkmenistan");
                    # elsewhere, only a place itself ("linked to an exchange between Tehran and ..." is none).
                    inner = places.within(_place_phrase(pobj) if holder == head else [pobj])
                    countries = [m for m, _ in inner if m.code]
                    if pobj.ent_type_ in ("GPE", "LOC", "FAC") or countries or pobj.lower_ == "capital":
                        code = countries[0].code if countries else None
                        host = code if is_visit else None
                        return Location(name=_np_text(pobj), country=code), host
    return None, None


def _place_phrase(token: Token) -> list[Token]:
    """The words of a place's phrase, up to what the parser hung on it with another preposition than
    "of": "the Palace of the Revolution [with the Prime Minister of Timor-Leste]"."""
    other = {t.i for c in token.subtree if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree}
    return [t for t in token.subtree if t.i not in other]


def _np_text(token: Token) -> str:
    tokens = [t for t in _place_phrase(token) if t.dep_ not in ("relcl", "punct") and t.sent == token.sent]
    tokens = [t for t in tokens if not any(a.dep_ in ("relcl", "appos", "conj", "cc") and a != token for a in [t, *t.ancestors] if a in token.subtree)]
    while tokens and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    if not tokens:
        return token.text
    return token.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")


# --------------------------------------------------------------------------- dates

def _attach_dates(doc: Doc, mentions: list[Mention], timexes: list[Timex]) -> None:
    dated = [t for t in timexes if (t.type in ("DATE", "TIME") or t.offset is not None) and t.value not in _UNSPECIFIC_DATES and (t.value or t.offset)]
    dated_ids = {id(t) for t in dated}
    by_sentence: dict[int, list[tuple[Timex, Span]]] = {}
    lengths_by_sentence: dict[int, list[tuple[tuple[int, str], Span]]] = {}
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        if id(timex) in dated_ids:
            by_sentence.setdefault(span.sent.start, []).append((timex, span))
        if (length := timex.offset or _length(timex)) is not None:
            lengths_by_sentence.setdefault(span.sent.start, []).append((length, span))
    sentences = {m.sentence.start: m.sentence for m in mentions}
    references = {start: _referenced_events(sentence) for start, sentence in sentences.items()}
    previous_value: str | None = None
    previous_sentence: int | None = None
    previous_day: str | None = None
    trigger_heads = {m.trigger.head.i for m in mentions}
    for mention in sorted(mentions, key=lambda m: m.start):
        # Dates of the same sentence, near enough to belong to its clause.
        candidates = [(t, span) for t, span in by_sentence.get(mention.sentence.start, []) if abs(span.start - mention.trigger.head.i) <= _DATE_REACH]
        # a horizon is no event's date: "signed a Joint Vision Statement towards 2030 during the visit"
        candidates = [(t, span) for t, span in candidates if not (span.start > 0 and doc[span.start - 1].lower_ in ("towards", "toward"))]
        chosen = _attached_timex(mention, candidates)
        counted_back = _counted_back_to(mention, lengths_by_sentence.get(mention.sentence.start, []))
        if counted_back is not None:
            mention.distinct = True  # "came two weeks after border guards held a joint exercise": not the one told before
        if chosen is None and counted_back is not None and previous_sentence == mention.sentence.start and _as_fine_as(previous_value, counted_back[0][1]):
            # "The visit on Friday came two weeks after border guards held a joint exercise": that long
            # before the event its clause hangs on
            (amount, unit), span = counted_back
            mention.date_value = shift(previous_value, -amount, unit)
            mention.granularity = _granularity(mention.date_value)
            mention.date_text = doc[span.start : span.end + 1].text
        elif chosen is not None:
            mention.date_text = chosen.text
            mention.modifier = _MODIFIERS.get(chosen.modifier or "")
            if chosen.offset is not None:
                amount, unit = chosen.offset
                # From the event told before it, else as the tagger counted it from the last date named.
                # ("Two days later" with nothing told before: a duration, no date.)
                if _counted_from_something_else(doc, chosen, trigger_heads) or _counted_from_later(doc, chosen, mention):
                    mention.date_value = None
                elif amount == 0 and unit == "D":
                    # "The same day" is the day of the last event told with a day ("his visit in
                    # August ... The same day" is not in August).
                    mention.date_value = previous_day or _the_day_before(doc, dated, chosen)
                else:
                    mention.date_value = shift(previous_value, amount, unit) if previous_value else _date_part(chosen.value) if chosen.type in ("DATE", "TIME") else None
                mention.granularity = _granularity(mention.date_value)
            else:
                mention.date_value = _date_part(chosen.value)
                mention.granularity = chosen.granularity or _granularity(mention.date_value)
        mention.refers_to = None if _prepared(mention.trigger) else next((t for t in references[mention.sentence.start] if t != mention.trigger.head), None)
        if mention.date_value:
            previous_value, previous_sentence = mention.date_value, mention.sentence.start
            if _granularity(mention.date_value) == "day":
                previous_day = mention.date_value


def _the_day_before(doc: Doc, dated: list[Timex], same_day: Timex) -> str | None:
    """The day "the same day" means when no event before it was told with a day: the last day the
    text names before it, else the story's own day ("President X held a meeting with ... The same
    day, X met ..." in a story of today's summit)."""
    days = [t.value for t in dated if t.end <= same_day.start and _granularity(_date_part(t.value)) == "day"]
    if days:
        return _date_part(days[-1])
    published = doc._.published_at
    return published.isoformat()[:10] if published is not None else None


# How often a series is held ("held annually since 2011"); not triggers._HABIT_ADVERBS, which makes a mention a habit.
_RECURRENCE_ADVERBS = frozenset({"annually", "yearly", "regularly", "biennially", "routinely"})


def _after_for(span: Span) -> bool:
    """"for 2025", "for 2026-2027" (the parser hangs the second year anywhere)."""
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "for":
        return True
    i = span.start - 1
    while i >= 0 and (span.doc[i].text in ("-", "–", "to") or span.doc[i].like_num):
        i -= 1
    return i >= 0 and span.doc[i].lower_ == "for"


def _coarse(timex: Timex, attached: list[tuple[int, Timex]]) -> bool:
    """Whether another attached date falls within this one and is finer ("2023" against "January 2023")."""
    value = _date_part(timex.value)
    if not value or timex.offset is not None:
        return False
    return any(
        other is not timex and (finer := _date_part(other.value)) and finer != value and finer.startswith(value + "-")
        for _, other in attached
    )


def _counted_from(timex: Span) -> list[Token]:
    """What "N units before/after" counts from: "the general election" of "four months before the
    general election", the verb of "a year after Salas visited"; nothing for "two days later"."""
    if timex.end >= len(timex.doc):
        return []
    signal = timex.doc[timex.end]
    if signal.lower_ not in ("before", "after"):
        return []
    if signal.dep_ == "mark":
        return [signal.head]  # "a year after Salas visited Chile": the visit
    return [c for c in signal.children if c.dep_ == "pobj"]


def _as_fine_as(value: str | None, unit: str) -> bool:
    """Whether a date can be moved by a stretch of this unit and mean something: a day by "a week",
    not "this year" (a week before a year is no date)."""
    allowed = {"D": ("day",), "W": ("day", "week"), "M": ("day", "week", "month")}.get(unit, ("day", "week", "month", "year"))
    return value is not None and _granularity(value) in allowed


def _counted_from_later(doc: Doc, timex: Timex, mention: Mention) -> bool:
    """"The drills came two weeks after border guards held an exercise": counted from a happening told
    after it, whose date is not known yet (that one is dated back from this one instead)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    objects = _counted_from(span) if span is not None else []
    # ("three days after the talks" names the talks told before; "The visit comes four months after
    # the high-level meeting" one told after)
    return bool(objects) and all(o.i > mention.trigger.head.i and not _bare_reference(o) for o in objects)


def _counted_back_to(mention: Mention, lengths: list[tuple[tuple[int, str], Span]]) -> tuple[tuple[int, str], Span] | None:
    """The length of time that counts from this mention's clause: "two weeks" of "came two weeks after
    border guards held a joint exercise", with its span."""
    clause = {mention.trigger.head} | ({mention.trigger.governor} if mention.trigger.governor is not None else set())
    # ("comes four months after the high-level meeting held in Madrid": the meeting itself; but "three
    # days after the talks" names the talks told before)
    signals = ("mark", "prep") if not _bare_reference(mention.trigger.head) else ("mark",)
    for (amount, unit), span in lengths:
        if span.end < len(span.doc) and span.doc[span.end].dep_ in signals and clause & set(_counted_from(span)):
            return ((amount if span.doc[span.end].lower_ == "after" else -amount), unit), span
    return None


def _bare_reference(head: Token) -> bool:
    """"the talks", "this meeting": a definite mention that says nothing more of its own."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children) and all(
        c.dep_ in ("det", "punct") for c in head.children
    )


_LENGTH = re.compile(r"P(\d+)([DWMY])")


def _length(timex: Timex) -> tuple[int, str] | None:
    """A plain length of time ("two weeks", P2W) as an amount and a unit."""
    match = _LENGTH.fullmatch(timex.value or "") if timex.type == "DURATION" else None
    return (int(match[1]), match[2]) if match else None


def _counted_from_something_else(doc: Doc, timex: Timex, trigger_heads: set[int]) -> bool:
    """"four months before the general election": counted from a happening that is none of the
    story's events, so not from the event told before ("two days after the talks" is)."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    objects = _counted_from(span) if span is not None else []
    return bool(objects) and not any(o.i in trigger_heads for o in objects)


# "Jeddah, May 19, 2022, SPA -- ", "Doha, January 12 (QNA) - ", "Nouakchott, Jun 3 (EFE).- ", "Bishkek, July 9 /Kabar/. "
_DATELINE_END = re.compile(r",?\s*(?:\(?[A-Z][A-Za-z./ ]{1,20}\)?\s*)?(?:--|[-–—]\s)|\s*[(/][A-Z][A-Za-z. ]{1,20}[)/]\s*[.:]?[-–—]?\s")


def _another_clause(token: Token, timex: Span, holders: set[int]) -> bool:
    """Whether climbing from a date to the trigger leaves a clause that tells of another happening:
    "said after the meeting that they agreed to reopen it from Saturday", "parts of the exercise
    include Nordic Response, in which troops train in March", "since taking office in January",
    "the accord signed in March 2023"."""
    return (
        _since(token, timex)
        or token.dep_ == "ccomp"
        # "attending his last summit before handing over power next month"
        or token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in ("before", "after", "until", "upon", "on")
        or token.dep_ == "relcl" and not _on_a_party(token, holders)
        or _participle_of_another(token, holders)
        or _planned_by_it(token)
        or _taking_effect(token, holders)
    )


_TAKING_EFFECT_VERBS = frozenset({"start", "begin", "take", "run", "last", "expire", "end"})


def _taking_effect(token: Token, holders: set[int]) -> bool:
    """"agreed to a ceasefire starting on Aug. 4 at midnight": when what was agreed takes effect (a
    participle on the event or its verb), not when it was agreed."""
    return token.dep_ in ("xcomp", "acl", "advcl") and token.tag_ == "VBG" and token.lemma_.lower() in _TAKING_EFFECT_VERBS and token.i not in holders


def _planned_by_it(token: Token) -> bool:
    """"During the phone conversation, the two presidents agreed to hold a meeting in June": the date
    of what was agreed or planned to be done, told by an infinitive, not of the event told around it."""
    return token.dep_ == "xcomp" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _reporter_after(report: Token, timex: Span) -> bool:
    """"had a telephone conversation with X today, Akorda press service reports": the date stands
    before the words of who reports it (only a comma and their name between), so it ends the clause
    told, whatever the parser hung it on (not "..., the ministry said on Friday")."""
    if report.i < timex.end:
        return False
    between = report.doc[timex.end : report.i]
    return len(between) <= 6 and not any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in between)


def _another_event(token: Token, timex: Span) -> bool:
    """"had prepared the meeting during a telephone conversation on September 20": the date of the
    event that frames it (a call, a visit), not of the one prepared or told in it."""
    return (
        token not in timex
        and token.dep_ == "pobj"
        and token.head.lower_ in _FRAMING_EVENT_PREPS
        and token.lemma_.lower() in _EVENT_NOUNS
    )


def _another_happening(token: Token, holders: set[int]) -> bool:
    """"The talks were overshadowed by the army's announcement on Monday of a patrol": the day of
    something else that happened, told with the noun that names it (not "Tuesday's announcement
    that they had agreed": the announcement that tells the event)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in _OTHER_HAPPENINGS and not any(t.i in holders for t in token.subtree)


_OTHER_HAPPENINGS = frozenset({
    "announcement", "statement", "decision", "ruling", "verdict", "election", "attack", "strike",
    "launch", "incident", "clash", "protest", "speech", "remark",
})


# Prepositions by which another happening frames the clause ("during a call", "at a summit"); not a
# topic ("an agreement on a new fishing deal late on Friday").
_FRAMING_EVENT_PREPS = frozenset({"during", "at", "after", "before", "following", "amid"})


def _participle_of_another(token: Token, holders: set[int]) -> bool:
    """"discussed the implementation of the agreement signed in March 2023": the date of the
    signing, told by a participle on another noun (not "the agreement signed on Monday" itself)."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.i in holders:
        return False
    # "the 17th meeting of the Intergovernmental Commission, held in Tehran in October": a body is
    # not held; the parser hung the meeting's participle on the body it is of
    # ("the high-level meeting between the two governments held in Madrid in late January": nor are its parties)
    body = token.head
    return not (
        token.lemma_.lower() in _HAPPENING_PARTICIPLES and body.dep_ == "pobj" and body.head.lower_ in ("of", "between", "among") and body.head.head.i in holders
    )


# Participles that tell an event took place ("the meeting of the commission, held in Tehran").
_HAPPENING_PARTICIPLES = frozenset({"hold", "convene", "sign", "conclude", "stage", "conduct"})


def _on_a_party(clause: Token, holders: set[int]) -> bool:
    """A relative clause on the trigger or on the subject of its verb: "the exercise, which began on
    Monday", "Rahmani, who travelled to Baghdad on Sunday, met ..." (the date of the trip there)."""
    head = clause.head
    return head.i in holders or head.dep_ in ("nsubj", "nsubjpass") and head.head.i in holders


_WEEKDAY = re.compile(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday")


def _since(token: Token, timex: Span) -> bool:
    """"his first trip since taking office in January", "met for the first time since a row last
    year": when something else began. ("have been meeting since May 6" dates the meetings.)"""
    if token.dep_ == "pobj" and token.head.lower_ == "since":
        # "the first such encounter since 2021", "for the first time since 2019": the one before it.
        if token not in timex and _WEEKDAY.fullmatch(timex.root.text):
            return False  # "its largest exercise since the end of the Cold War on Wednesday": a weekday is today's news
        return token not in timex or any(c.dep_ == "amod" and c.lower_ == "first" for c in token.head.head.children)
    return token.dep_ in ("pcomp", "advcl") and (
        token.head.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in token.children)
    )


def _attached_timex(mention: Mention, candidates: list[tuple[Timex, Span]]) -> Timex | None:
    if not candidates:
        return None
    holders = {mention.trigger.head.i}
    # The date of the verb that reports the event ("held talks on Monday"), not of one that
    # only talks about it ("In 2019, Trump praised his first summit").
    governor = mention.trigger.governor
    head = mention.trigger.head
    framed = head.dep_ == "pobj" and (head.head.lower_ in _FRAMING_PREPS or _on_the_sidelines(head))
    # "announced ... on Tuesday on the sidelines of the summit": the date of what happened there.
    # "Under the agreement, Argentina will supply gas from 2026": what the agreement provides, not when it was made.
    terms = head.dep_ == "pobj" and head.head.lower_ == "under"
    # "recalled his state visit to Kyrgyzstan in August": one recalls on the story's day, so a date
    # hung on the remembering verb is the remembered event's.
    remembered = governor is not None and governor.lemma_.lower() in lx.REMEMBERING_VERBS and head.dep_ == "dobj"
    # "The exercises were agreed when the ministers met in April": when it was decided, not held.
    # (not "is scheduled to be held in May", "was agreed to take place next week": the date of the holding)
    decided = (
        governor is not None and governor.lemma_.lower() in _DECIDING_VERBS and head.dep_ == "nsubjpass"
        and mention.trigger.type != "agreement" and not any(c.dep_ == "xcomp" for c in governor.children)
    )
    if governor is not None and (governor.lemma_.lower() not in _TALKING_ABOUT_VERBS or framed or remembered) and not terms and not decided:
        holders.add(mention.trigger.governor.i)
        # "the Army ... was stationed ... and held a large-scale exercise": the date of the first conjunct.
        # ("..., and Mansour paid a return visit in September": a conjunct with its own subject has its own date.)
        if mention.trigger.governor.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in mention.trigger.governor.children):
            holders.add(mention.trigger.governor.head.i)
        # "Zimbabwe and Zambia yesterday took a major step when the authority signed the contract": the
        # clause the when-clause hangs on tells the day.
        if mention.trigger.governor.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in mention.trigger.governor.children):
            holders.add(mention.trigger.governor.head.i)
        # "India and Sri Lanka on Tuesday agreed to set up a hotline at the seventh meeting of the JWG":
        # the setting of what was agreed there shares the day of the agreeing
        clause = mention.trigger.governor
        while framed and clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                break  # ("held talks in May, and the visit had been prepared in a call": a clause of its own)
            clause = clause.head  # ("agreed to set up a hotline and to consider the release ..., at the meeting")
            if clause.tag_ == "VBD":
                holders.add(clause.i)
                break
    elif framed and head.head.lower_ in ("at", "during") and head.head.head.dep_ in ("dobj", "nsubjpass"):
        # "announced new commitments at the Contact Group meeting in Brussels last week": what was
        # done there, whose date the setting shares
        holders.add(head.head.head.head.i)
    attached, unattached = [], []
    for timex, span in candidates:
        if span.root.head.lower_ in _END_PREPOSITIONS and span.root.dep_ == "pobj":
            continue
        if head in _counted_from(span) or governor is not None and governor in _counted_from(span):
            continue  # "signed three days after the talks": the talks are what the days count from
        if span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.pos_ == "NOUN" and span.root.head.i not in holders:
            continue  # "a letter of intent on winter training": a time that describes another thing
        if span.root.dep_ == "pobj" and span.root.head.lower_ == "since" and any(
            c.dep_ == "advmod" and c.lower_ in _RECURRENCE_ADVERBS for c in span.root.head.head.children
        ):
            continue  # "has been held annually since 2011": when the habit began
        if mention.trigger.status == "occurred" and _granularity(_date_part(timex.value)) == "year" and _after_for(span):
            continue  # "signed the cooperation plan for 2025", "for 2026-2027": the years it covers, not when it was signed
        verb = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
        if verb.lemma_.lower() in _DURATION_VERBS or (
            verb.lemma_.lower() in _END_VERBS and any(c.lower_ in ("will", "would", "'ll") for c in verb.children)
        ):
            continue
        own_clause = False
        for token in span:
            hops = 0
            current = token
            while hops < 6 and current.i not in holders and current.head != current:
                if _another_clause(current, span, holders) or _another_event(current, span) or _another_happening(current, holders):
                    own_clause = True
                    break
                current = current.head
                hops += 1
                if current.lemma_.lower() in lx.REPORTING_VERBS and current.i not in holders and not _reporter_after(current, span):
                    break  # "..., the ministry said on Friday": the day it was told
            if current.i in holders:
                attached.append((hops, timex))
                break
        else:
            if not (current.lemma_.lower() in lx.REPORTING_VERBS or own_clause):
                unattached.append(timex)
    if attached:
        # A date ending the dateline ("Jeddah, May 19, 2022, SPA -- The navies concluded on Wednesday the
        # exercise") is the day of the story: the event's own date, when it has one, comes first.
        text = mention.sentence.doc.text  # (built from every token on each access: read once)
        # Of two dates of the trigger's own clause, the finer ("hosted the 2023 edition in January 2023").
        return min(attached, key=lambda item: (bool(_DATELINE_END.match(text, item[1].end)), _coarse(item[1], attached), item[0]))[1]
    # The parse may hang the only date of the sentence elsewhere; a definite mention ("the
    # exercise was criticised in 2017") does not take it.
    reported = _reported_on(mention, candidates)
    if reported is not None:
        return reported
    if len(unattached) == 1 and len(candidates) == 1 and not mention.trigger.anaphoric:
        return unattached[0]
    if len(candidates) == 1 and _on_the_sidelines(head):
        # "announced the force Tuesday on the sidelines of the summit": what was done there, that day
        # (not "talks, which resumed last week": a relative clause tells of something else)
        timex, span = candidates[0]
        if not any(t.dep_ in ("relcl", "acl") for t in (span.root, *span.root.ancestors)):
            return timex
    return None


def _reported_on(mention: Mention, candidates: list[tuple[Timex, Span]]) -> Timex | None:
    """"Calloway said on Saturday that he had held a phone call with Sokha, followed by a call with
    Prasert": what was done before it was told, with no date of its own, is dated by the telling
    (the latest it can be). Only for a past act told in the report itself."""
    verb = mention.trigger.governor if mention.trigger.governor is not None else mention.trigger.head
    clause = verb
    for _ in range(4):
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lx.REPORTING_VERBS:
            break
        if clause.dep_ not in ("advcl", "conj", "xcomp") or clause.head == clause:
            return None
        clause = clause.head
    else:
        return None
    if mention.trigger.status != "occurred" or not any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children):
        return None
    report = clause.head
    own = [t for t, span in candidates if span.root.head == report or span.root.head.head == report and span.root.head.dep_ == "prep"]
    return own[0] if len(own) == 1 else None


def _date_part(value: str | None) -> str | None:
    if value is None:
        return None
    return value.split("T", 1)[0] if value[:4].isdigit() else value


def _granularity(value: str | None) -> str | None:
    if not value:
        return None
    if "-W" in value:
        return "day" if value.count("-") == 2 else "week"  # "2024-W20-1" (a Monday), "XXXX-WXX-1"
    if value[-3:] in ("-SP", "-SU", "-FA", "-WI"):
        return "season"
    if "-Q" in value:
        return "quarter"
    parts = value.split("-")
    if len(parts) == 3:
        return "day"
    if len(parts) == 2:
        return "month"
    if len(value) == 4:
        return "year"
    if len(value) == 3:
        return "decade"
    if len(value) == 2:
        return "century"
    return None


_EVENT_NOUNS = lx.MEETING_NOUNS | lx.EXERCISE_NOUNS | lx.AGREEMENT_NOUNS


def _referenced_events(sentence: Span) -> list[Token]:
    """"After this meeting, a contract was signed": the contract is dated by the meeting."""
    return [
        pobj
        for token in sentence
        if token.lower_ in ("after", "following", "during") and token.dep_ == "prep"
        for pobj in token.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _EVENT_NOUNS
    ]


# --------------------------------------------------------------------------- one event per happening

def _group_within_sentences(mentions: list[Mention]) -> None:
    """Triggers of one type in one sentence that the parse links are one mention group:
    "During his visit to Tehran, the minister met with officials"; "his meetings and talks"."""
    for i, mention in enumerate(mentions):
        mention.group = i
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if a.sentence.start != b.sentence.start or a.trigger.type != b.trigger.type:
                continue
            ta, tb = a.trigger, b.trigger
            if _on_the_sidelines(ta.head) or _on_the_sidelines(tb.head):
                continue  # "On the sidelines of the summit, Kusuma held talks with Reyes": a meeting of its own
            if _a_time_counted_from(ta.head) or _a_time_counted_from(tb.head) or _one_after_the_other(ta, tb):
                continue  # "The visit comes four months after the high-level meeting": two happenings
            linked = (
                ta.governor is not None and ta.governor == tb.head
                or tb.governor is not None and tb.governor == ta.head
                or ta.governor is not None and ta.governor == tb.governor and not _prepared_in(ta, tb)
                or tb.head.dep_ == "conj" and tb.head.head == ta.head
                or ta.head.dep_ == "conj" and ta.head.head == tb.head
            )
            if linked:
                old, new = b.group, a.group
                for m in mentions:
                    if m.group == old:
                        m.group = new


def _a_time_counted_from(head: Token) -> bool:
    """"after the high-level meeting", "before the summit": a happening another is dated from."""
    return head.dep_ == "pobj" and head.head.lower_ in ("after", "before", "since", "following", "ahead", "until")


_SEQUENCE_VERBS = frozenset({"follow", "precede", "succeed"})


def _one_after_the_other(a: Trigger, b: Trigger) -> bool:
    """"The Lima talks followed a telephone call between the ministers": the subject and the object
    of a verb of sequence are two happenings."""
    verb = a.governor
    return (
        verb is not None and verb == b.governor and verb.lemma_.lower() in _SEQUENCE_VERBS
        and {a.head.dep_, b.head.dep_} == {"nsubj", "dobj"} and a.head.head == b.head.head == verb
    )


# "had prepared the meeting during a telephone conversation": the meeting is made ready in the call.
_PREPARING_VERBS = frozenset({"prepare", "plan", "arrange", "schedule", "agree", "propose", "discuss", "set"})


def _prepared(trigger: Trigger) -> bool:
    """"had prepared the meeting during a call": the meeting takes place later."""
    governor = trigger.governor
    return governor is not None and governor.lemma_.lower() in _PREPARING_VERBS and trigger.head.dep_ in ("dobj", "nsubjpass") and trigger.head.head == governor


def _prepared_in(a: Trigger, b: Trigger) -> bool:
    """Whether one trigger is the object of a verb of preparing and the other the happening it was
    prepared in ("prepared the summit during a call"): two happenings, not one."""
    if a.governor is None or a.governor.lemma_.lower() not in _PREPARING_VERBS:
        return False
    framed = [t for t in (a.head, b.head) if t.dep_ == "pobj" and t.head.lower_ in _FRAMING_PREPS and t.head.head == a.governor]
    prepared = [t for t in (a.head, b.head) if t.dep_ in ("dobj", "nsubjpass") and t.head == a.governor]
    return bool(framed) and bool(prepared)


def _on_the_sidelines(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in ("sideline", "margin", "side")


@dataclass
class _Cluster:
    """Mentions told of one happening; its features are read once (clustering compares them often)."""

    mentions: list[Mention]
    serial: int = 0

    @property
    def type(self) -> str:
        return self.mentions[0].trigger.type

    @cached_property
    def people(self) -> set[str]:
        return {p.key for m in self.mentions for p in m.parties if p.kind == "person" and p.name}

    @cached_property
    def signers(self) -> set[str]:
        """The people named as those who signed it."""
        return {
            p.key for m in self.mentions if m.trigger.governor is not None and m.trigger.governor.lemma_.lower() == "sign"
            for p in m.parties if p.kind == "person" and p.name and p.role == "party"
        }

    @cached_property
    def unnamed(self) -> set[str]:
        return {p.key for m in self.mentions for p in m.parties if p.kind == "person" and not p.name and p.country}

    @cached_property
    def countries(self) -> set[str]:
        return {p.country for m in self.mentions for p in m.parties if p.country}

    @cached_property
    def status(self) -> str:
        # A reference back ("preparations for the visit were finalised") says nothing of whether it took place.
        telling = [m for m in self.mentions if not m.trigger.anaphoric] or self.mentions
        return "occurred" if any(m.trigger.status == "occurred" for m in telling) else "planned"

    @cached_property
    def has_visit(self) -> bool:
        return any(m.trigger.head.lemma_.lower() in ("visit", "trip", "tour") for m in self.mentions)

    @cached_property
    def visiting_countries(self) -> set[str]:
        """Whose trip its visits are: "Castillo's visit" (the Philippines), "Pham visited Manila" (Vietnam)."""
        return {
            p.country
            for m in self.mentions
            if m.trigger.head.lemma_.lower() in ("visit", "trip", "tour")
            for p in m.parties
            if p.role == "visitor" and p.country
        }

    @cached_property
    def by_call(self) -> bool:
        return any(_is_call(m.trigger.head) for m in self.mentions)

    @cached_property
    def courtesy(self) -> bool:
        """Told as a call paid or a reception given ("called on the Prime Minister", "paid a courtesy
        call on", "was received by the President"): a visitor's call, on any day of a trip."""
        return any(_is_courtesy(m.trigger.head) for m in self.mentions)

    @cached_property
    def named_by_country(self) -> dict[str, set[str]]:
        named: dict[str, set[str]] = {}
        for m in self.mentions:
            for p in m.parties:
                if p.kind == "person" and p.name and p.country:
                    named.setdefault(p.country, set()).add(p.key)
        return named

    @cached_property
    def unnamed_countries(self) -> set[str]:
        return {p.country for m in self.mentions for p in m.parties if p.kind == "person" and not p.name and p.country}

    @cached_property
    def days(self) -> int:
        """How many days the text says it lasts: "the 15-day drills", "three days of war games"."""
        return max((_stated_days(m.trigger.head) for m in self.mentions), default=0)

    @cached_property
    def still_running(self) -> bool:
        """"The exercise, which began on September 7 and ends Friday": told by its start and an end to come."""
        for mention in self.mentions:
            verbs = [c for c in mention.trigger.head.children if c.dep_ in ("relcl", "acl")]
            for verb in verbs:
                ends = [c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in ("end", "run", "last", "continue", "conclude")]
                if verb.lemma_.lower() in ("begin", "start", "open", "kick") and any(c.tag_ in ("VBZ", "VBP") or c.dep_ == "aux" for e in ends for c in [e, *e.children]):
                    return True
        return False

    @cached_property
    def told_as_recent(self) -> bool:
        """Told with no date as just done, in the present perfect: "have signed a bilateral agreement".
        Such a happening is the story's, not one of months ago."""
        return self.status == "occurred" and any(m.date_value is None and _perfect_auxiliary(m.trigger) is not None for m in self.mentions)

    @cached_property
    def has_negotiations(self) -> bool:
        return any(m.trigger.head.lower_ in _MULTI_DAY_NOUNS for m in self.mentions)

    @cached_property
    def next_one(self) -> bool:
        """"The next meeting of the commissions will be held in May": one still to come, not this one."""
        return any(c.dep_ == "amod" and c.lower_ in _NEXT_MODIFIERS for m in self.mentions for c in m.trigger.head.children)

    @cached_property
    def ordinals(self) -> set[str]:
        """"their first summit" and "the second summit" are two happenings."""
        return {c.lower_ for m in self.mentions for c in m.trigger.head.children if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"}

    @cached_property
    def names(self) -> set[str]:
        return {name for m in self.mentions for name in m.names}

    @cached_property
    def own_names(self) -> set[str]:
        return {name for m in self.mentions for name in m.own_names}

    @cached_property
    def counts(self) -> set[int]:
        """How many instruments its mentions count: "signed 26 agreements", "ink three documents"; 0
        for a number not told ("signed a number of agreements", "several memoranda")."""
        counted = {n for m in self.mentions for c in m.trigger.head.children if c.dep_ == "nummod" and (n := _number(c.text)) >= 2}
        if any(_an_untold_number(m.trigger.head) for m in self.mentions if not m.trigger.anaphoric):
            counted.add(0)
        return counted

    @cached_property
    def single(self) -> bool:
        """Told only as one instrument of its own: "signed a quadrilateral memorandum" (not a package,
        "a declaration ... and more than a dozen cooperation agreements")."""
        return any(m.trigger.head.tag_ in ("NN", "NNP") and not m.trigger.anaphoric and m.trigger.creates for m in self.mentions) and not any(
            m.trigger.head.tag_ in ("NNS", "NNPS") for m in self.mentions
        )

    @cached_property
    def bodies(self) -> set[str]:
        """Whose meeting it is told to be: "the tenth meeting of the Intergovernmental Commission",
        "Following the meeting of the commission" (the head word of "of ...")."""
        return {
            p.lemma_.lower()
            for m in self.mentions
            for c in m.trigger.head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
        }

    @cached_property
    def date(self) -> str | None:
        """The most precise date its mentions give ("Tuesday" rather than "this week")."""
        return _most_precise(m.date_value for m in self.mentions)

    @cached_property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @cached_property
    def sentences(self) -> set[int]:
        return {m.sentence.start for m in self.mentions}


_NEXT_MODIFIERS = frozenset({"next", "subsequent"})


def _name_beside(noun: Token, appositive: Token) -> bool:
    """"the naval exercise Breeze 2026", "the Romanian-led exercise Sea Shield": a name set right after
    the noun (not a person the parser hung there: "co-chaired the meeting ... with the Secretary, J. Pryce")."""
    first = min(t.i for t in appositive.subtree)
    return (
        appositive.dep_ == "appos" and appositive.pos_ == "PROPN" and first - noun.i <= 2
        and appositive.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE")
    )


def _number(word: str) -> int:
    """A count written in figures or words ("15", "five"), else 0."""
    value = spelled_number(word)
    return int(value) if value else 0


def _an_untold_number(noun: Token) -> bool:
    """"a number of agreements and memoranda", "several memoranda", "a series of agreements"."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if any(c.dep_ == "amod" and c.lower_ in ("several", "various", "multiple", "numerous") for c in first.children):
        return True
    return first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in ("number", "series", "raft", "host")


def _stated_days(head: Token) -> int:
    """"the 15-day drills", "a five-day exercise", "three days of war games": the length in days, else 0."""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nummod") and child.lower_.endswith("-day"):
            return _number(child.lower_[:-4])
    # "15-day" split by the tokenizer: "15", "-", "day" before the noun
    for left in head.lefts:
        if left.lower_ == "day" and left.i >= 2 and left.doc[left.i - 1].text == "-":
            return _number(left.doc[left.i - 2].lower_)
    frame = head.head
    if head.dep_ == "pobj" and frame.lower_ == "of" and frame.head.lemma_.lower() == "day":
        return max((_number(c.lower_) for c in frame.head.children if c.dep_ == "nummod"), default=0)
    return 0


_CALL_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "teleconference", "virtual", "online"})


def _is_courtesy(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if lemma == "call":
        return calls_on(head) or any(c.lower_ == "courtesy" for c in head.children)
    return lemma == "receive" and head.pos_ in ("VERB", "AUX")


def _stand_ins(a: _Cluster, b: _Cluster) -> int:
    """People one cluster names and the other tells by title alone: "Defence Minister Rudy Hartanto
    ... The Indonesian minister also called on": one person of each country the unnamed one is of,
    where the other cluster names only one person of that country."""
    count = 0
    for unnamed, named in ((a, b), (b, a)):
        for country in unnamed.unnamed_countries - set(unnamed.named_by_country):
            count += len(named.named_by_country.get(country, ())) == 1
    return count


def _is_call(head: Token) -> bool:
    """"a phone conversation", "a video call", "spoke by telephone", "talks via videoconference"."""
    if head.lower_ in _CALL_MEDIA:
        return True
    return any(
        c.lower_ in _CALL_MEDIA and c.dep_ in ("compound", "amod", "nmod")
        or c.dep_ == "prep" and c.lower_ in ("by", "via", "over") and any(p.lower_ in _CALL_MEDIA for p in c.children)
        for c in head.children
    )


def _dates_conflict(a: str | None, b: str | None, slack_days: int = 0) -> bool:
    """Whether two date values cannot be the same happening: their periods do not overlap
    (within ``slack_days``: a state visit lasts a few days and its talks fall on one of them)."""
    if not a or not b:
        return False
    (a_start, a_end), (b_start, b_end) = date_range(a), date_range(b)
    if a_start is None or b_start is None:
        return a != b
    return (b_start - a_end).days > slack_days or (a_start - b_end).days > slack_days


# How long before the story a happening it tells in the present perfect may lie.
_RECENT_DAYS = 31


def _perfect_auxiliary(trigger: Trigger) -> Token | None:
    """The "has" or "have" of a trigger told in the present perfect ("have signed"), else None."""
    verb = trigger.head if trigger.head.tag_.startswith("VB") else trigger.governor
    if verb is None or verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("has", "have")), None)


def _long_before(value: str | None, mention: Mention) -> bool:
    """Whether a date ends more than a month before the story's publication."""
    published = mention.sentence.doc._.published_at
    if not value or published is None:
        return False
    _, end = date_range(value)
    return end is not None and (published - end).days > _RECENT_DAYS


def _both_single_days(a: str | None, b: str | None) -> bool:
    ranges = [date_range(v) for v in (a, b) if v]
    return len(ranges) == 2 and all(start is not None and start == end for start, end in ranges)


def _most_precise(values) -> str | None:
    best, best_days = None, None
    for value in values:
        if not value:
            continue
        start, end = date_range(value)
        days = (end - start).days if start is not None else 100_000
        if best is None or days < best_days:
            best, best_days = value, days
    return best


# How long a multinational exercise told as one may run.
_EXERCISE_DAYS = 21


def _score(a: _Cluster, b: _Cluster, sentence_index: dict[int, int]) -> float:
    # The cluster told later and its first mention, which may refer back to the other.
    earlier, later = (a, b) if a.first < b.first else (b, a)
    anaphor = min(later.mentions, key=lambda m: m.start)
    # A visit lasts a few days and its talks fall on one of them; so do rounds of negotiations, but
    # talks dated on two different days ("met on Monday", "talks on Tuesday") are two sessions.
    slack = _VISIT_DAYS if a.has_visit or b.has_visit or (a.has_negotiations or b.has_negotiations) and not _both_single_days(a.date, b.date) else 0
    if "week" in (_granularity(a.date), _granularity(b.date)):
        slack = 0  # "the Contact Group meeting in Brussels last week" is no day of this week's visit
    if a.type == "exercise":
        # An exercise runs for days: "launched the drills on Saturday", "completed three days of war
        # games on Monday", "the 15-day drills ... the maritime phase next week".
        slack = max(slack, _VISIT_DAYS, a.days, b.days)
        if a.status == b.status == "occurred" and (anaphor.trigger.anaphoric or a.still_running or b.still_running):
            # "ended on Wednesday ... The exercise began on May 6": one exercise told by its two ends;
            # "which began on September 7 and ends Friday": one still running on the days told after
            slack = max(slack, _EXERCISE_DAYS)
    if a.type != b.type or _dates_conflict(a.date, b.date, slack):
        return float("-inf")
    if a.told_as_recent and _long_before(b.date, b.mentions[0]) or b.told_as_recent and _long_before(a.date, a.mentions[0]):
        return float("-inf")  # "have signed a security agreement ... The first such document was signed on January 12"
    ordinals_a, ordinals_b = a.ordinals, b.ordinals
    if ordinals_a and ordinals_b and not ordinals_a & ordinals_b:
        return float("-inf")
    counts_differ = a.counts and b.counts and not a.counts & b.counts and 0 not in a.counts | b.counts  # (0: a number not told)
    if a.type == "agreement" and (a.counts and b.single or b.counts and a.single or counts_differ):
        return float("-inf")  # "signed a quadrilateral memorandum" and "witnessed the signing of 26 agreements"
    if a.type == "agreement" and len(a.signers) >= 2 and len(b.signers) >= 2 and not a.signers & b.signers and not anaphor.trigger.anaphoric:
        # "At the same ceremony, Uzbekistan's Investment Minister A and the UAE's B signed an
        # intergovernmental agreement": others signing a new instrument (not "the ministers signed the
        # documents" the presidents signed, told again)
        return float("-inf")
    if a.visiting_countries and b.visiting_countries and not a.visiting_countries & b.visiting_countries:
        return float("-inf")  # "Castillo's visit comes 15 months after Pham visited Manila": a return visit is another trip
    names_a, names_b = a.names, b.names
    if names_a and names_b and not names_a & names_b:
        return float("-inf")  # "the G7 talks" and "the U.S.-Ukraine talks"
    if later.own_names and not earlier.names and any(m.named_before and not m.named_before & later.own_names for m in earlier.mentions):
        # "the naval exercise Breeze 2026 ... taking part in the exercise ... will send a frigate to the
        # exercise Sea Shield": the mentions after one name are of it, not of a new name told later
        return float("-inf")
    score = 3.5 if names_a & names_b else 0.0  # "the Hanoi Summit" told twice
    if a.bodies & b.bodies:
        score += 1.0  # "the meeting of the Intergovernmental Commission ... the meeting of the commission"
    # "The Kenyan minister was also received by the President": the visitor told by title alone.
    stand_ins = _stand_ins(a, b) if a.courtesy or b.courtesy else 0
    score += 1.5 * (len(a.people & b.people) + stand_ins)
    score += 1.0 * len(a.unnamed & b.unnamed)
    ca, cb = a.countries, b.countries
    if ca and cb and not ca & cb and not names_a & names_b and not anaphor.trigger.anaphoric:
        return float("-inf")  # no country in common: two happenings
    if a.by_call != b.by_call and not anaphor.trigger.anaphoric:
        return float("-inf")  # "met in Baghdad on Sunday" and "had discussed it in a phone call": two happenings
    score += 0.5 * len(ca & cb)
    if a.type == "meeting" and _same_trip(earlier, later, stand_ins):
        score += 1.5  # "Abbasi later met the commerce minister", "he paid a courtesy call on the Prime Minister"
    if a.type != "meeting" and len(ca) >= 2 and ca == cb:
        score += 1.5  # the same parties sign or drill together once in a story; they meet more often
    if (
        a.type == "exercise" and a.status == b.status and (not ca or not cb) and not anaphor.trigger.anaphoric
        and not any(m.distinct for c in (a, b) for m in c.mentions)
    ):
        # "Over 1,300 personnel from 20 countries began a multinational exercise ... Justified Accord 2025,
        # East Africa's largest military exercise, is co-hosted by ...": a story's drills are one
        # exercise unless something sets them apart (a date, a name, another edition)
        score += _MERGE_THRESHOLD
    if ca and cb and not anaphor.trigger.anaphoric:
        # (a reference back often names more parties: "units from Kazakhstan are also taking part in the war games")
        score -= 0.25 * len(ca ^ cb)
    if a.date and a.date == b.date:
        score += 1.0
    # Two triggers of one type in one sentence tell of one happening unless something above set them apart.
    shared = a.sentences & b.sentences
    if shared:
        if a.type == "meeting" and any(_on_the_sidelines(m.trigger.head) for c in (a, b) for m in c.mentions if m.sentence.start in shared):
            # "On the sidelines of the summit, Kusuma held talks with Reyes" (but no drill is held on
            # the sidelines of an exercise: "On the sidelines of the exercise, ... the contingent
            # taking part in the drills")
            return float("-inf")
        if any(
            _prepared_in(x.trigger, y.trigger) or _prepared_in(y.trigger, x.trigger)
            for x in a.mentions for y in b.mentions if x.sentence.start == y.sentence.start
        ):
            return float("-inf")  # "The summit was prepared at a meeting of the ministers": two happenings
        score += _MERGE_THRESHOLD
    # A definite mention ("the talks", "this meeting") refers to the closest event of its type before it.
    if any(m.distinct and any(o.start < m.start for o in other.mentions) for c, other in ((a, b), (b, a)) for m in c.mentions):
        return float("-inf")  # "a separate meeting", "another summit", "its own exercise": not one told before
    if later.next_one and not earlier.next_one:
        return float("-inf")  # "held today ... The next meeting will be held in May"
    if earlier.next_one and not later.next_one and later.status == "occurred":
        return float("-inf")  # "preparations for the next meeting ... Earlier today, he took part in the summit"
    if a.status != b.status and not anaphor.trigger.anaphoric:
        return float("-inf")  # "agreed to hold an air exercise next year" is not the drill under way
    if (
        anaphor.trigger.anaphoric
        and anaphor.trigger.status == "occurred"
        and (earlier.status == "planned" or all(m.trigger.anaphoric for m in earlier.mentions))
        and _after_publication(earlier.date, anaphor)
    ):
        # "Following the talks in Akorda, the sides signed": not "the SCO summit in Bishkek in June",
        # a meeting told back that lies after the story's day.
        return float("-inf")
    if (
        anaphor.trigger.anaphoric and anaphor.trigger.status == "planned" and earlier.status == "occurred"
        and _after_publication(later.date, anaphor) and not _after_publication(earlier.date, anaphor)
        and not _a_part_of_it(anaphor.trigger.head)
    ):
        return float("-inf")  # "held talks with Lavrentyev ... will host the SCO summit in mid-September"
    if anaphor.trigger.anaphoric:
        last_before = max((m for m in earlier.mentions if m.start < anaphor.start), key=lambda m: m.start, default=None)
        if last_before is not None:
            distance = sentence_index[anaphor.sentence.start] - sentence_index[last_before.sentence.start]
            score += 3.0 if distance <= 2 else 2.6
            word = anaphor.trigger.head.lemma_.lower()
            if a.type == "agreement" and any(m.trigger.head.lemma_.lower() == word for m in earlier.mentions if m.start < anaphor.start):
                # "The MoU is a first step": the MoU told before, not the 2016 agreement told since (an
                # instrument's noun names its kind; "the talks" and "the meeting" name any)
                score += 0.5
            if not shared and all(m.distinct for m in earlier.mentions if m.start < anaphor.start):
                # "its own national exercise", "since the exercise was first held in 2016": told as set
                # apart from the story's event, it takes "the exercise" only when nothing else can.
                score = min(score, _MERGE_THRESHOLD + 0.05)
    return score


def _a_part_of_it(head: Token) -> bool:
    """"the sea phase of the exercise will take place on Wednesday": a part still to come of the
    happening under way."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in ("phase", "stage", "part", "leg")


def _after_publication(value: str | None, mention: Mention) -> bool:
    """Whether a date ("2026-06") lies wholly after the story's publication date."""
    published = mention.sentence.doc._.published_at
    if not value or published is None or not value[:4].isdigit() or "W" in value:
        return False
    parts = value.split("-")
    if not all(p.isdigit() for p in parts):
        return False
    return value > published.isoformat()[: len(value)]


# "Abbasi later met ...", "Rahmani also met ...": a further call of the same trip.
_SEQUEL_ADVERBS = frozenset({"later", "also", "then", "afterwards", "afterward", "subsequently"})


def _same_trip(earlier: _Cluster, later: _Cluster, stand_ins: int = 0) -> bool:
    """Whether the later meeting is one more call of a trip told before: the visitor of a visit
    meets someone else ("During the visit ... On Monday he paid a courtesy call on the Prime
    Minister"); a call or reception the same day as a meeting of the same two countries; or a
    person who met before (or is told again by title alone, ``stand_ins``) pays a call or "later"
    or "also" meets someone, on no other day. The guidelines make a visit with its talks and calls
    one meeting."""
    if earlier.status != later.status or earlier.by_call != later.by_call:
        return False  # a phone call before a planned visit is no call of the trip
    # ("held talks in Tokyo on Monday ... Khai, who arrived on Sunday for a four-day state visit": the
    # visit may be told after the talks it holds, when both are dated: an undated story's event is not
    # a visit told with a date of its own)
    orders = [(earlier, later), (later, earlier)] if earlier.date and later.date else [(earlier, later)]
    for visit, other in orders:
        visitors = {p.key for m in visit.mentions for p in m.parties if p.kind == "person" and p.name and p.role == "visitor"}
        if visit.has_visit and visitors & other.people:
            return True
        if visit.has_visit and visit.date and other.date in (visit.date, None) and len(visit.countries) >= 2 and visit.countries == other.countries:
            return True  # "a visit to Nouakchott by Spanish Defense Minister Ibarra ... after a meeting of the two delegations"
    if (earlier.courtesy or later.courtesy) and earlier.date and earlier.date == later.date and len(earlier.countries) >= 2 and earlier.countries == later.countries:
        return True  # "On the same day, the President received the head of the Uzbek delegation"
    if not earlier.people & later.people and not stand_ins:
        return False
    if later.date is not None and later.date != earlier.date:
        return False  # a call dated apart ("the previous day", "last night") is its own meeting
    if later.courtesy:
        return True
    return any(
        c.dep_ == "advmod" and c.lower_ in _SEQUEL_ADVERBS
        for m in later.mentions
        for verb in (m.trigger.head, m.trigger.governor)
        if verb is not None
        for c in verb.children
    )


def _cluster(mentions: list[Mention]) -> list[_Cluster]:
    groups: dict[int, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        groups.setdefault(mention.group, []).append(mention)
    serial = itertools.count()
    clusters = [_Cluster(ms, next(serial)) for ms in groups.values()]
    last_names: dict[str, frozenset[str]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        mention.named_before = last_names.get(mention.trigger.type, frozenset())
        if mention.own_names:
            last_names[mention.trigger.type] = frozenset(mention.own_names)
    sentence_starts = sorted({m.sentence.start for m in mentions})
    sentence_index = {start: i for i, start in enumerate(sentence_starts)}
    # Agglomerative: merge the best-scoring pair first, until no pair reaches the threshold.
    # Scores are cached by cluster serial, so each pair is scored once.
    scores: dict[tuple[int, int], float] = {}
    while len(clusters) > 1:
        best, pair = _MERGE_THRESHOLD, None
        for i, a in enumerate(clusters):
            for j in range(i + 1, len(clusters)):
                b = clusters[j]
                if a.type != b.type:
                    continue
                key = (a.serial, b.serial)
                if key not in scores:
                    scores[key] = _score(a, b, sentence_index)
                # Of pairs that score alike, the one whose later cluster comes first in the text,
                # joined to the nearest before it: mentions are resolved in reading order.
                if scores[key] > best or scores[key] == best and (pair is None or (-j, i) > (-pair[1], pair[0])):
                    best, pair = scores[key], (i, j)
        if pair is None:
            break
        i, j = pair
        clusters[i] = _Cluster(sorted(clusters[i].mentions + clusters[j].mentions, key=lambda m: m.start), next(serial))
        del clusters[j]
    _fill_from_references(clusters)
    return clusters


def _fill_from_references(clusters: list[_Cluster]) -> None:
    """"After this meeting, a contract was signed": the contract takes the meeting's date, and, when
    it names no parties of its own, the parties that met."""
    by_trigger = {m.trigger.head.i: c for c in clusters for m in c.mentions}
    for cluster in clusters:
        if cluster.type == "agreement" and not any(p.kind != "person" or p.name or p.country for m in cluster.mentions for p in m.parties):
            # "During the talks, the ministers signed a memorandum": its parties are those who met.
            source = next((by_trigger.get(m.refers_to.i) for m in cluster.mentions if m.refers_to is not None), None)
            if source is not None and source is not cluster and source.type == "meeting":
                signing = cluster.mentions[0]
                signing.parties = signing.parties + [
                    Party(p.kind, p.name, p.country, p.title, "party", list(p.spans)) for m in source.mentions for p in m.parties if p.country or p.kind == "organization"
                ]
        if cluster.date:
            continue
        for mention in cluster.mentions:
            if mention.refers_to is None:
                continue
            source = by_trigger.get(mention.refers_to.i)
            if source is None or source is cluster:
                continue
            dated = next((m for m in source.mentions if m.date_value), None)
            if dated is not None:
                mention.date_value = dated.date_value
                mention.granularity = dated.granularity
                mention.date_text = mention.refers_to.sent[mention.refers_to.head.i - mention.refers_to.sent.start : mention.refers_to.i - mention.refers_to.sent.start + 1].text
                del cluster.date  # read again from the mentions
                break


def _dates_in_context(clusters: list[_Cluster]) -> None:
    """An event told with no date of its own ("The talks focused on trade", "Both sides signed a
    memorandum") took place when the story's event of the same parties told just before it did:
    the date of the event last mentioned before it that shares a country with it and has the
    same status."""
    for cluster in clusters:
        # "The heads of state led the meeting": a mention told back names nobody; the story's event does.
        told_back = not cluster.countries and (
            all(m.trigger.anaphoric for m in cluster.mentions)
            or cluster.type == "agreement" and any(_signed_by_both_sides(m.trigger) for m in cluster.mentions)
        )
        if cluster.date or not cluster.countries and not told_back or any(m.date_text for m in cluster.mentions):
            continue  # (a date told that cannot be counted, "three weeks before the elections", is no gap to fill)
        before = [
            (m.start, m) for c in clusters if c.date and (told_back or c.countries & cluster.countries) and c.status == cluster.status
            for m in c.mentions if m.start < cluster.first and m.date_value
        ]
        if not before:
            continue
        source = max(before, key=lambda told: told[0])[1]
        first = cluster.mentions[0]
        first.date_value, first.granularity, first.modifier, first.date_text = source.date_value, source.granularity, source.modifier, source.date_text
        del cluster.date  # read again from the mentions


def _recent_on_the_story_day(clusters: list[_Cluster]) -> None:
    """"Ukraine and Luxembourg have signed a security agreement" with no date in the story: news
    tells in the present perfect what was done on its day."""
    for cluster in clusters:
        if cluster.date or not cluster.told_as_recent or any(m.date_text for m in cluster.mentions):
            continue
        if not any(m.trigger.creates for m in cluster.mentions):
            continue  # (a date would make an event of a mere reference)
        mention, auxiliary = next(
            (m, auxiliary) for m in cluster.mentions if m.date_value is None and (auxiliary := _perfect_auxiliary(m.trigger)) is not None
        )
        published = mention.sentence.doc._.published_at
        if published is None:
            continue
        verb = auxiliary.head
        mention.date_value, mention.granularity = published.isoformat(), "day"
        mention.date_text = verb.doc[auxiliary.i : verb.i + 1].text
        del cluster.date  # read again from the mentions


# Offices of those who meet for their country at a grouping's meetings.
_MEMBER_OFFICES = frozenset({"minister", "secretary", "president", "prime", "chancellor", "premier", "leader"})


def _officials_of_members(clusters: list[_Cluster], resolver, reader: PartyReader) -> dict[int, list[Party]]:
    """A meeting of a grouping with fixed members ("G7 foreign ministers gathered in Charlevoix") had
    the members' ministers and leaders the story names ("Canadian Foreign Minister Melanie Joly",
    "Secretary of State Marco Rubio") among its participants. Read after the grouping of mentions,
    since these people tie the meeting to nothing else the story tells."""
    officials: dict[int, list[Party]] = {}
    for cluster in clusters:
        if cluster.type != "meeting":
            continue
        members = {code for m in cluster.mentions for p in m.parties if p.kind == "organization" for code in resolver.members_of(p.name)}
        if members:
            officials[cluster.serial] = [
                Party("person", person.name, person.country, person.title, "participant", list(person.spans))
                for person in reader.persons_named()
                if person.country in members and person.title and _MEMBER_OFFICES & set(person.title.lower().replace("-", " ").split())
            ]
    return officials


_MOST_CONTEXT_COUNTRIES = 3


def _countries_in_context(clusters: list[_Cluster], resolver) -> dict[int, list[Party]]:
    """An event told with no country of its own ("in a phone call last week", "the two navies held
    similar drills in 2022", "negotiators last met in Cairo") is about the countries the story was
    telling of just before: those of the event last mentioned before it that names two or more
    (an event needs two parties; one that names a single country is a side story: "the 1998 peace
    agreement signed in Brasilia"), else that names one. Only countries: who spoke for them this time is not known (inheriting persons cost more than it
    gained on the reference sets)."""
    context: dict[int, list[Party]] = {}
    for cluster in clusters:
        if cluster.countries:
            continue
        # (not a multilateral one's: the forces of a dozen countries are not all at a meeting told after)
        before = [(len(c.countries) > 1, m.start, c) for c in clusters if 0 < len(c.countries) <= _MOST_CONTEXT_COUNTRIES for m in c.mentions if m.start < cluster.first]
        if not before:
            continue
        source = max(before, key=lambda told: told[:2])[2]
        parties: dict[str, Party] = {}
        for party in (p for m in source.mentions for p in m.parties if p.country):
            known = parties.get(party.country)
            if known is None or (party.kind == "country" and known.kind != "country"):
                name = party.name if party.kind == "country" else resolver.name_of(party.country) or party.country
                parties[party.country] = Party("country", name, party.country, None, "participant", list(party.spans))
        context[cluster.serial] = list(parties.values())
    return context


def _signers_from_the_meeting(clusters: list[_Cluster]) -> None:
    """"Brazil and Argentina signed a gas deal on Monday" in a story of the presidents' talks that
    day: the agreement was signed in their presence, so the leaders of its parties who met that day
    are its persons, when it names none of its own; so are the people of the day's one meeting when
    they sign by title ("the three ministers signed the protocol")."""
    meetings = [c for c in clusters if c.type == "meeting" and c.date]
    for cluster in clusters:
        if cluster.type != "agreement" or not cluster.date or cluster.people:
            continue
        # "At the end of the meeting the three ministers signed the protocol": those who met, by title
        by_title = not cluster.countries and any(_signed_by_both_sides(m.trigger) for m in cluster.mentions)
        if not cluster.countries and not by_title:
            continue
        parties = [p for m in cluster.mentions for p in m.parties]
        if not by_title and any(p.kind == "organization" for p in parties) and not any(p.kind == "country" for p in parties):
            continue  # "Petroperu and Ecuador's Petroecuador signed a contract": the companies', not the leaders'
        same_day = [m for m in meetings if m.date == cluster.date]
        if by_title and len(same_day) != 1:
            continue
        signers = [
            p for meeting in same_day for m in meeting.mentions for p in m.parties
            if p.kind == "person" and p.name and (by_title or p.country in cluster.countries)
        ]
        if signers:
            cluster.mentions[0].parties = cluster.mentions[0].parties + [
                Party("person", p.name, p.country, p.title, "party", list(p.spans)) for p in signers
            ]
            del cluster.people  # read again from the mentions


# --------------------------------------------------------------------------- the event

def _build_event(
    text: str, digest: "hashlib._Hash", cluster: _Cluster, context: list[Party], is_known: Callable[[str], bool], official_story: bool
) -> Event | None:
    mentions = cluster.mentions
    if cluster.type == "agreement":
        if not any(m.trigger.creates for m in mentions):
            return None  # only references to an agreement made elsewhere ("under the 1994 treaty")
    elif not any(m.trigger.creates or m.date_value or m.location for m in mentions):
        return None
    if all(m.trigger.anaphoric for m in mentions) and not any(m.parties or m.date_value for m in mentions):
        return None
    if all(_on_the_sidelines_of_it(m.trigger.head) for m in mentions) and _after_publication(cluster.date, mentions[0]):
        return None  # "agreed to hold a meeting on the sidelines of the SCO summit in June": only where it will be
    parties = [p for m in mentions for p in m.parties]
    location = next((m.location for m in mentions if m.location is not None), None)
    if location is not None and location.country:
        # "Dashdorj Enkhbold received the Vice Chief ... in Ulaanbaatar": who received there is of that country
        parties = [
            replace(p, country=location.country) if p.kind == "person" and p.role == "host" and p.name and p.country is None else p
            for p in parties
        ]
    participants = _merge_parties(text, parties)
    if cluster.type == "agreement" and not participants and not (context and any(_signed_by_both_sides(m.trigger) for m in mentions)):
        # an agreement between nobody named is a generic mention (not "the two ministers signed three
        # agreements" in a story of their talks: the sides are the story's)
        return None
    if cluster.type == "meeting" and not participants and not any(m.date_value or m.location for m in mentions):
        return None
    if cluster.status == "planned" and not participants and not context:
        return None  # "it will hold a meeting with county commanders next week": nobody named to meet
    if cluster.type == "meeting" and _one_governments_sitting(cluster, participants):
        return None  # "said at a meeting ... The meeting was attended by Deputy Prime Minister A, Energy Minister B, ..."
    # Named in the event's own sentences, not taken from the context: what the confidence counts.
    named = sum(1 for p in participants if p.country or p.kind in ("person", "organization"))
    participants += _merge_parties(text, context)
    if not official_story and not _told_as_official(cluster, participants, is_known):
        return None
    if cluster.type == "meeting" and _one_side_only(cluster, participants, is_known):
        return None  # "The army chief later met commanders of the operation": no party of its own
    main = max(mentions, key=lambda m: (not m.trigger.anaphoric, m.trigger.strength, -m.start))
    precise = cluster.date
    # (A date left unresolved, without a publication date, still quotes its words: "on Monday".)
    dated = next((m for m in sorted(mentions, key=lambda m: (m.refers_to is not None, m.start)) if m.date_value == precise and (m.date_value or m.date_text)), None)
    date = None
    if dated is not None:
        date = EventDate(text=dated.date_text or "", value=dated.date_value, granularity=dated.granularity, modifier=dated.modifier)
    status = cluster.status
    trigger = _text_span(main.trigger.span)
    confidence = main.trigger.strength + 0.05 * min(2, len(mentions) - 1) + (0.05 if named >= 2 else 0.0) + (0.03 if date else 0.0)
    return Event(
        id=_event_id(digest, cluster.type, main.trigger.span.start_char),
        type=cluster.type,
        status=status,
        trigger=trigger,
        mentions=[
            EventMention(trigger=_text_span(m.trigger.span), sentence=CharRange(start=m.sentence.start_char, end=_sentence_end(m.sentence)))
            for m in mentions
        ],
        participants=participants,
        date=date,
        location=location,
        confidence=round(min(confidence, 0.99), 2),
    )


# People of one country at a meeting with no one else: its own officials sitting together.
_FEWEST_OWN_OFFICIALS = 3


def _one_governments_sitting(cluster: _Cluster, participants: list[Participant]) -> bool:
    """A meeting of three or more officials of one country and of no one else ("The meeting was
    attended by Deputy Prime Minister A, Energy Minister B and Minister C"): one government's own
    meeting, not one of two parties (a visit or a call has a party abroad, even unnamed)."""
    if cluster.has_visit or cluster.by_call or cluster.courtesy or cluster.names:
        return False  # (a courtesy call is paid by a visitor)
    people = [p for p in participants if p.kind == "person" and p.name]
    countries = {p.country for p in participants}
    return len(people) >= _FEWEST_OWN_OFFICIALS and len(countries) == 1 and None not in countries and all(p.kind in ("person", "country") for p in participants)


def _one_side_only(cluster: _Cluster, participants: list[Participant], is_known: Callable[[str], bool]) -> bool:
    """A meeting whose parties are told, but none with a country, a name or an international
    organisation, and that has no name or organiser of its own: one side's own meeting ("The army
    chief later met commanders of the operation", "The DM had chaired a meeting of officials"). (One
    told with no party at all, "the climate talks in Madrid", is of the parties the story is about.)"""
    if not participants or cluster.names or _organised_by_a_known_body(cluster, is_known):
        return False
    return not any(p.country or p.kind == "person" and p.name or p.kind == "organization" and is_known(p.name) for p in participants)


def _organised_by_a_known_body(cluster: _Cluster, is_known: Callable[[str], bool]) -> bool:
    """Told as organised by an international body: "a U.N.-organized meeting"."""
    return any(is_known(t.text.split("-")[0]) for m in cluster.mentions for t in m.trigger.head.subtree if t.i < m.trigger.head.i)


def _told_as_official(cluster: _Cluster, participants: list[Participant], is_known: Callable[[str], bool]) -> bool:
    """Whether an event has a state, an official, an international organisation, officials or forces
    told with it, or a name of its own ("the Hanoi Summit"). In a story where no event has a state
    or an official taking part, one that has none of these is no official event: "the largest
    audience for a council meeting", "gives talks in schools", "the Korea Medical Association held
    an emergency meeting", "a security exercise with the fire brigade"."""
    return (
        bool(cluster.names)
        or any(p.country or p.kind == "person" and _official_title(p.title) or p.kind == "organization" and is_known(p.name) for p in participants)
        or any(_told_with_officials(m.trigger) for m in cluster.mentions)
        or _organised_by_a_known_body(cluster, is_known)
    )


# Who holds official events even when the story names nobody: "European defense ministers gathered",
# "the two navies held drills", "a meeting of West African defence chiefs".
_OFFICIAL_ACTORS = (lx.PERSON_TITLE_HEADS - {"director", "chairman", "chairwoman", "chair", "chairperson", "head", "officer", "spokesman", "spokeswoman", "spokesperson", "coordinator"}) | {
    "army", "navy", "force", "troop", "military", "government", "ministry", "delegation", "diplomat", "official",
    "soldier", "marine", "sailor", "guard", "warship", "coastguard", "airforce", "administration",
}


def _told_with_officials(trigger: Trigger) -> bool:
    head, verb = trigger.head, trigger.governor
    actors = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    actors += [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "between") for p in c.children if p.dep_ == "pobj"]
    if verb is not None:
        actors += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        actors += [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") for p in c.children if p.dep_ == "pobj"]
    actors += [c for a in list(actors) for c in a.children if c.dep_ == "conj"]
    return any(a.lemma_.lower() in _OFFICIAL_ACTORS for a in actors)


_INSTRUMENT_ACRONYMS = frozenset({"mou", "mous", "moa", "loi", "sofa", "fta", "cepa"})


# Titles of company people: a chief executive on an earnings call makes no story official.
_BUSINESS_TITLE_WORDS = frozenset({
    "executive", "ceo", "cfo", "coo", "officer", "analyst", "manager", "founder", "economist", "chairman",
    "chairwoman", "director", "strategist", "trader", "investor",
})


def _official_people(cluster: _Cluster) -> bool:
    """Whether a person of the state takes part: one of a country, or with an office that is no company's
    (a name alone may be anybody's: "Arrow Ridge had been in talks", "Kowalski said on a conference call")."""
    return any(p.kind == "person" and (p.country or _official_title(p.title)) for m in cluster.mentions for p in m.parties)


def _official_title(title: str | None) -> bool:
    return bool(title) and not set(title.lower().replace("-", " ").split()) & _BUSINESS_TITLE_WORDS


def _signed_by_both_sides(trigger: Trigger) -> bool:
    """"the two ministers signed", "the ministers witnessed the signing of", "the sides signed": people
    of both sides, unnamed."""
    verb = trigger.governor
    if verb is None:
        return False
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "pobj"):
        verb = verb.head if verb.dep_ == "dobj" else verb.head.head  # "the two leaders witnessed the signing of an agreement"
    subjects = own_or_shared_subjects(verb, ("nsubj", "nsubjpass", "agent"))  # ("The ministers discussed ... and signed")
    return any(c.tag_ in ("NNS", "NNPS") and c.lemma_.lower() in lx.PERSON_TITLE_HEADS | {"leader", "delegation", "side"} for c in subjects)


def _on_the_sidelines_of_it(head: Token) -> bool:
    """"on the sidelines of [the summit]": the summit named as the setting of another meeting."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in ("sidelines", "margins", "sideline")


def _sentence_end(sentence: Span) -> int:
    last = sentence[-1]
    while last.is_space and last.i > sentence.start:
        last = sentence.doc[last.i - 1]
    return last.idx + len(last.text.rstrip())


def _text_span(span: Span) -> TextSpan:
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def _merge_parties(text: str, parties: list[Party]) -> list[Participant]:
    merged: dict[str, Party] = {}
    order: list[str] = []
    for party in parties:
        if party.kind == "organization" and party.name.lower() in lx.AGREEMENT_NOUNS | _INSTRUMENT_ACRONYMS:
            continue  # "a memorandum of understanding (MoU)": the instrument, which the recognizer took for a body
        key = party.key
        if key not in merged:
            merged[key] = Party(party.kind, party.name, party.country, party.title, party.role, list(party.spans))
            order.append(key)
            continue
        known = merged[key]
        known.title = known.title or party.title
        known.country = known.country or party.country
        if known.role == "participant" and party.role != "participant":
            known.role = party.role
        known.spans.extend(s for s in party.spans if s not in known.spans)
    result = []
    for key in order:
        party = merged[key]
        spans = sorted(set(party.spans))
        result.append(
            Participant(
                name=party.name,
                kind=party.kind,
                country=party.country,
                title=party.title,
                role=party.role,
                mentions=[TextSpan(text=text[s:e], start=s, end=e) for s, e in spans],
            )
        )
    return result


def _document_digest(text: str, published_at) -> "hashlib._Hash":
    """What an event id is made from: the text and the publication date (the same input gives the same ids)."""
    published = published_at.isoformat() if published_at is not None else ""
    return hashlib.sha256(published.encode() + b"\x00" + text.encode("utf-8", "surrogatepass"))


def _event_id(digest: "hashlib._Hash", event_type: str, start: int) -> str:
    event = digest.copy()
    event.update(f"\x00{event_type}\x00{start}".encode())
    return "evt_" + event.hexdigest()[:20]
