"""Country, organisation and place normalization for event participants.

``CountryResolver`` turns a phrase ("the Islamic Republic of Iran", "Azerbaijani", "Tehran",
"U.S.", "NATO") into a :class:`PlaceMatch` with the ISO 3166-1 alpha-3 code of its
country, or no code for international organisations and regions; ``find_in`` finds all
such mentions in a text, and the spaCy component ``eventex_places`` marks them in a Doc.

Sources: pycountry (every ISO 3166-1 country: code, short name, official long name) and
the hand-kept tables in ``country_aliases.py`` (everyday names, abbreviations, demonyms,
capitals, government metonyms, organisations, regions).

Choices for words that can mean several things:
- Case: a one-word name matches only as written or in capitals: "Turkey"/"TURKEY" but
  not "turkey"; "US" but not "us"; "China" but not "china".  Longer names match in any
  case in ``lookup``; in a text they need a capital letter in their first three words
  ("east Jerusalem", "state of Georgia"): an all-lower-case "world court" is not a mention.
- Leading "the" is never part of a match; "the Kremlin" is found as "Kremlin".
- Kosovo has no ISO code: it gets XKX, the user-assigned code in common use.
- "Georgia" is the country (GEO).  News about the US state usually says so ("the state
  of Georgia", "Atlanta, Georgia"); the first form is listed as a non-place, the second
  is left to the caller.
- "Jordan", "Chad", "Georgia" ... are also people's names: ``lookup(..., label="PERSON")``
  returns None, and the component drops country and capital matches inside a PERSON
  entity when the pipeline has NER.
- Capitals that are common names or words ("Victoria", "Hamilton", "Malé"/"Male",
  "Douglas", "Stanley") resolve only with label GPE or LOC, and never in ``find_in``.
- "Korean" alone is unresolved (North or South?); "South Korean" is KOR, "North Korean" PRK.
  "Korea" alone is unresolved too.
- "Congolese" and "Congo" alone are COD (the Democratic Republic, as wire style writes it);
  the Republic of the Congo is "Republic of (the) Congo", "Congo Republic", "Congo-Brazzaville".
- "Dominican" is the Dominican Republic (DOM), not Dominica.
- "Washington" is the US government (USA); "Washington state"/"Washington Post" are not.
- "England", "Scotland", "Wales", "Northern Ireland" resolve to GBR.
- "Palestine", "Palestinian territories", "West Bank", "Gaza" resolve to PSE;
  "Jerusalem" to ISR (seat of its government), "East Jerusalem" is a region.
- "the Islamic Republic" alone is Iran, its usual meaning in news.
- Regions, seas, disputed and former states ("Middle East", "South China Sea", "Crimea",
  "Soviet Union") are reported with kind "region" and no code, so that "South China Sea"
  is not China and "Latin American" is not American.
- ``name`` is the canonical name of what was matched: the country's common short name for
  a country or a demonym, the capital's usual spelling ("Kyiv" for "Kiev"), the
  building or body for a metonym ("Kremlin", kind "capital"), the organisation or region.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from service.extraction import country_aliases as tables

@dataclass(frozen=True, slots=True)
class PlaceMatch:
    kind: str          # "country" | "demonym" | "capital" | "organization" | "region"
    code: str | None   # ISO alpha-3 for country/demonym/capital; None for organizations and regions
    name: str          # canonical English name: "Iran", "Azerbaijan", "United Nations", "NATO"
    start: int = 0     # char offsets when found in a text; 0 for lookup()
    end: int = 0


# When one spelling is both a country and its capital ("Singapore"), the country wins.
_PRIORITY = {"country": 0, "demonym": 1, "capital": 2, "organization": 3, "region": 4}
_LABELS_FOR_PLACES = frozenset({"GPE", "LOC"})
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
# A capital letter preceded by these is inside a token: "McDonald", "d'Ivoire", "U.S."
_INSIDE_TOKEN = re.compile(r".?\w$|\w['’.]$", re.S)
# Lower-case words that start a name before its first capital: "east", "state of".
_LOOKBACK_WORDS = 2
_WORD = re.compile(r"(?<![\w'’.])[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One spelling the resolver knows, and what it stands for."""

    surface: str               # as written: "Côte d'Ivoire", "U.S.", "Kremlin"
    place: PlaceMatch | None   # None: a phrase that hides a country word ("New Mexico")
    exact_case: bool           # match only as written
    label_only: bool = False   # resolve only when NER calls it GPE or LOC
    base: str = ""             # the table word it comes from, for settling ambiguity
    generated_caps: bool = False  # an all-capitals spelling made from a table entry


# Dotted abbreviations ("U.S.", "D.P.R.K.") are one token; hyphens and other
# punctuation are tokens of their own, so "U.S.-led" and "Iran-Azerbaijan" split.
_TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]"
_TOKEN = re.compile(_TOKEN_PATTERN)
_NEXT_TOKEN = re.compile(rf"\s*({_TOKEN_PATTERN})")


def _split_possessive(start: int, end: int, word: str) -> tuple[tuple[int, int, str], ...]:
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return (start, end - 2, word[:-2]), (end - 2, end, word[-2:])
    return ((start, end, word),)


def _tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each word and punctuation mark; a possessive "'s" is its own token."""
    for m in _TOKEN.finditer(text):
        yield from _split_possessive(*m.span(), m.group())


@functools.lru_cache(maxsize=1 << 16)
def _plain(token: str) -> tuple[str, str]:
    """The token without accents and with a straight apostrophe, and that casefolded."""
    decomposed = unicodedata.normalize("NFKD", token.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain, plain.casefold()


def _key_tokens(phrase: str) -> list[str]:
    words = [_plain(tok)[0] for _, _, tok in _tokens(phrase)]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return words


def _is_punctuation(token: str) -> bool:
    return not any(ch.isalnum() for ch in token)


def _trim(words: list[str]) -> list[str]:
    """Words without surrounding punctuation, a trailing possessive or a leading "the"."""
    while words and (_is_punctuation(words[-1]) or words[-1] == "'s"):
        words = words[:-1]
    while words and _is_punctuation(words[0]):
        words = words[1:]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    return words


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _spellings(surface: str) -> set[str]:
    """The ways a name is printed: Saint/St./St, and/&, Organization/Organisation,
    with or without accents, straight or curly apostrophe."""
    forms = {surface}
    if surface.startswith("Saint ") or " Saint " in surface:
        forms |= {f.replace("Saint ", "St. ") for f in forms} | {f.replace("Saint ", "St ") for f in forms}
    if " and " in surface:
        forms |= {f.replace(" and ", " & ") for f in forms}
    if "Organization" in surface:
        forms |= {f.replace("Organization", "Organisation") for f in forms}
    forms |= {_strip_accents(f) for f in forms}
    forms |= {f.replace("'", "’") for f in forms if "'" in f}
    return forms


def _plural(demonym: str) -> str | None:
    """The regular plural for people ("Iranians", "Pakistanis"), or None if it has none here."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    return demonym + "s"


def _pycountry_names(country) -> set[str]:
    """Every name pycountry gives, plus natural orders of its inverted and bracketed names:
    "Korea, Republic of" -> "Republic of Korea"; "Holy See (Vatican City State)" -> "Holy See"."""
    names = {country.name}
    for attr in ("official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            names.add(value)
    for name in list(names):
        if ", " in name:
            head, tail = name.split(", ", 1)
            if tail.endswith((" of", " of the")) or " " not in tail:
                names.add(f"{tail} {head}")
        if "(" in name:
            names.add(re.sub(r"\s*\([^)]*\)", "", name))
    return names


class CountryResolver:
    """Built once (tables indexed in __init__); all lookups are dict lookups after normalization."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        for country in pycountry.countries:
            common = getattr(country, "common_name", None) or country.name
            self._names[country.alpha_3] = tables.COMMON_NAMES.get(country.alpha_3, common)
        for code in tables.EXTRA_COUNTRIES:
            self._names[code] = tables.COMMON_NAMES[code]

        candidates = list(self._candidates())
        self.entries: tuple[PlaceEntry, ...] = self._settle(candidates)

        # Keys are space-joined plain tokens: as written for case-sensitive spellings,
        # casefolded for the rest.  The prefixes let find_in stop reading at the first
        # word that no name continues with.
        self._exact: dict[str, PlaceEntry] = {}
        self._folded: dict[str, PlaceEntry] = {}
        self._label_only: dict[str, PlaceEntry] = {}
        self._prefixes: set[str] = set()  # casefolded keys and their leading words
        self.max_tokens = 0  # the most tokens a name has
        for entry in self.entries:
            words = _key_tokens(entry.surface)
            key = " ".join(words)
            if entry.label_only:
                self._label_only[key] = entry
                continue
            if entry.exact_case:
                self._exact[key] = entry
            else:
                self._folded[key.casefold()] = entry
            self.max_tokens = max(self.max_tokens, len(words))
            folded = [word.casefold() for word in words]
            self._prefixes.update(" ".join(folded[:length]) for length in range(1, len(folded) + 1))

        # find_in looks only where a match can begin: at a capital letter, or at a
        # lower-case word a few words before one ("east Jerusalem", "state of Georgia").
        # Scanning every token in Python costs ten times more.
        not_capitalized = sorted(key for key in self._exact if not _CAPITAL.match(key))
        if not_capitalized:
            raise ValueError(f"case-sensitive spellings must start with a capital letter: {not_capitalized}")
        self._lower_starts = frozenset(key.split(" ")[0] for key in self._folded)
        self._inner_words = frozenset(word for key in self._folded for word in key.split(" ")[1:])

    # -- building ---------------------------------------------------------------------

    def _candidates(self) -> Iterator[PlaceEntry]:
        def entry(surface: str, place: PlaceMatch | None, *, exact: bool = False,
                  label_only: bool = False, base: str | None = None) -> Iterator[PlaceEntry]:
            for spelling in _spellings(surface):
                one_token = len(_key_tokens(spelling)) == 1
                exact_case = exact or one_token
                yield PlaceEntry(spelling, place, exact_case, label_only, base or surface)
                # Headlines print names in capitals; "US"/"UN" are already capitals.
                if exact_case and len(spelling) >= 4 and spelling != spelling.upper():
                    yield PlaceEntry(spelling.upper(), place, True, label_only, base or surface,
                                     generated_caps=True)

        for country in pycountry.countries:
            place = PlaceMatch("country", country.alpha_3, self._names[country.alpha_3])
            for name in _pycountry_names(country) | {place.name}:
                yield from entry(name, place)
        for code, names in (*tables.EXTRA_COUNTRIES.items(), *tables.NAMES.items()):
            place = PlaceMatch("country", code, self._names[code])
            for name in names:
                yield from entry(name, place)
        for code, abbreviations in tables.ABBREVIATIONS.items():
            place = PlaceMatch("country", code, self._names[code])
            for abbreviation in abbreviations:
                yield from entry(abbreviation, place, exact=True)
        for code, demonyms in tables.DEMONYMS.items():
            place = PlaceMatch("demonym", code, self._names[code])
            for demonym in demonyms:
                yield from entry(demonym, place)
                plural = _plural(demonym)
                if plural:
                    yield from entry(plural, place, base=demonym)
        for code, capitals in tables.CAPITALS.items():
            for capital in capitals:
                place = PlaceMatch("capital", code, tables.CAPITAL_SPELLINGS.get(capital, capital))
                yield from entry(capital, place, label_only=capital in tables.LABEL_ONLY_CAPITALS)
        for code, metonyms in tables.GOVERNMENT_METONYMS.items():
            for metonym in metonyms:
                yield from entry(metonym, PlaceMatch("capital", code, metonym), exact=True)
        for name, aliases in tables.ORGANIZATIONS.items():
            place = PlaceMatch("organization", None, name)
            for alias in (name, *aliases):
                yield from entry(alias, place)
        for name, aliases in tables.REGIONS.items():
            place = PlaceMatch("region", None, name)
            for alias in (name, *aliases):
                yield from entry(alias, place)
        for phrase in tables.NOT_PLACES:
            yield from entry(phrase, None)

    @staticmethod
    def _settle(candidates: list[PlaceEntry]) -> tuple[PlaceEntry, ...]:
        """Decide what each spelling means; fail loudly on an ambiguity no table settles."""
        by_key: dict[tuple[bool, bool, str], list[PlaceEntry]] = {}
        for candidate in candidates:
            key = " ".join(_key_tokens(candidate.surface))
            if not candidate.exact_case:
                key = key.casefold()
            by_key.setdefault((candidate.label_only, candidate.exact_case, key), []).append(candidate)

        kept: list[PlaceEntry] = []
        for (_, _, key), group in by_key.items():
            # A generated capitals spelling never overrides a written one.
            written = [c for c in group if not c.generated_caps]
            group = written or group
            targets = {(c.place.code if c.place else None, c.place.name if c.place and not c.place.code else None)
                       for c in group}
            if len(targets) > 1:
                bases = {c.base for c in group} & tables.AMBIGUOUS.keys()
                if not bases:
                    meanings = sorted({f"{c.place.kind} {c.place.code or c.place.name}" if c.place
                                       else "not a place" for c in group})
                    raise ValueError(f"{key!r} could mean {meanings}: settle it in AMBIGUOUS")
                chosen = tables.AMBIGUOUS[bases.pop()]
                group = [c for c in group if c.place and c.place.code == chosen]
                if not group:
                    continue
            best = min(_PRIORITY[c.place.kind] if c.place else 0 for c in group)
            kept.extend(c for c in group if (_PRIORITY[c.place.kind] if c.place else 0) == best)
        return tuple(kept)

    # -- queries ----------------------------------------------------------------------

    def lookup(self, phrase: str, label: str | None = None) -> PlaceMatch | None:
        """The whole phrase: 'Iran', 'the Islamic Republic of Iran', 'Iranian', 'Tehran', 'U.S.', 'NATO'.

        One-word names are case-sensitive ('US' yes, 'us' no; 'CHAD' yes as a headline),
        longer names are not.  Leading 'the', a trailing possessive and surrounding
        punctuation are ignored.  With label 'PERSON' nothing is a place; capitals that
        are also common names ('Victoria') need label 'GPE' or 'LOC'.
        """
        if label == "PERSON":
            return None
        words = _key_tokens(phrase)
        # As written first: "Saint John's" and "OPEC+" end in what _trim removes.
        for candidate in (words, _trim(words)):
            key = " ".join(candidate)
            if not key:
                continue
            entry = self._exact.get(key) or self._folded.get(key.casefold())
            if entry is None and label in _LABELS_FOR_PLACES:
                entry = self._label_only.get(key)
            if entry is not None:
                return entry.place
        return None

    def find_in(self, text: str) -> list[PlaceMatch]:
        """All non-overlapping country/demonym/capital/organization mentions in a text,
        longest match first, on word boundaries, with start/end."""
        found: list[PlaceMatch] = []
        last_end = 0
        for capital in _CAPITAL.finditer(text):
            pos = capital.start()
            if pos < last_end or (pos and _INSIDE_TOKEN.match(text, max(pos - 2, 0), pos)):
                continue
            word = _TOKEN.match(text, pos).group()
            if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
                word = word[:-2]
            folded = _plain(word)[1]
            match = None
            if folded in self._inner_words:
                # A name may have begun with lower-case words: "east Jerusalem".
                for before in list(_WORD.finditer(text, max(pos - 40, last_end), pos))[-_LOOKBACK_WORDS:]:
                    if before.group().casefold() in self._lower_starts:
                        match = self._match_at(text, before.start())
                        if match is not None:
                            break
            if match is None and folded in self._prefixes:
                match = self._match_at(text, pos)
            if match is not None:
                last_end = match.end
                if match.kind:
                    found.append(match)
        return found

    def _match_at(self, text: str, pos: int) -> PlaceMatch | None:
        """The longest known name starting at ``pos``; a kind-less PlaceMatch for a non-place."""
        first = _TOKEN.match(text, pos)
        if first is None or _plain(_split_possessive(pos, first.end(), first.group())[0][2])[1] not in self._prefixes:
            return None
        exact_key = folded_key = ""
        best: tuple[PlaceEntry, int] | None = None
        cursor = pos
        pending: list[tuple[int, int, str]] = []
        while True:
            if not pending:
                token = _NEXT_TOKEN.match(text, cursor)
                if token is None:
                    break
                cursor = token.end()
                pending = list(_split_possessive(*token.span(1), token.group(1)))
            _, end, word = pending.pop(0)
            plain, folded = _plain(word)
            exact_key = f"{exact_key} {plain}" if exact_key else plain
            folded_key = f"{folded_key} {folded}" if folded_key else folded
            # Stop as soon as no known name goes on like this.
            if folded_key not in self._prefixes:
                break
            entry = self._exact.get(exact_key) or self._folded.get(folded_key)
            if entry is not None:
                best = (entry, end)
        if best is None:
            return None
        entry, end = best
        if entry.place is None:
            return PlaceMatch("", None, "", pos, end)
        return PlaceMatch(entry.place.kind, entry.place.code, entry.place.name, pos, end)

    def members_of(self, organization: str) -> tuple[str, ...]:
        """'Quad' -> ('AUS', 'IND', 'JPN', 'USA'): the member countries of a small fixed grouping, else ()."""
        return tables.MEMBERS.get(organization, ())

    def name_of(self, code: str) -> str | None:
        """'IRN' -> 'Iran' (common short name)."""
        return self._names.get(code.upper())


def _name_after_place(doc: Doc, start: int, end: int) -> bool:
    """"the Hashemite Kingdom of Jordan Nasser Al-Majali": a country the recognizer ran into the
    name after it, which starts within the place and goes on for two words or more past it (not
    "Michael Jordan", "Jordan Henderson")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= span.end - 1 < e.end), None)
    return person is not None and person.start >= span.start and person.end - span.end >= 2


def _is_whole_entity(doc: Doc, start: int, end: int) -> bool:
    """"Côte d'Ivoire" tagged PERSON from its first to its last character is the country, not
    a person's name, which would run on past the country ("Michael Jordan")."""
    span = doc.char_span(start, end)
    return span is not None and len(span) > 1 and any(e.start == span.start and e.end == span.end for e in doc.ents)


@functools.cache
def get_resolver() -> CountryResolver:
    """A process-wide instance (functools.cache)."""
    return CountryResolver()


# -- spaCy component -------------------------------------------------------------------

if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)

# spaCy keeps "U.S.-led", "U.S.-South" and "Mexican-" as one token; the places inside
# are found with find_in on the text from that token on.
_GLUED = re.compile(r"^(?:[^\W\d_]\.){2,}[^\s.]|\w[-/+]|[-/+]\w")
_JOINING_MARK = re.compile(r"[-/+]")


class PlacesComponent:
    """Sets ``doc._.places`` to the PlaceMatch of every place mention, with char offsets.

    Works on a bare tokenizer (``spacy.blank("en")``).  Placed after "ner" it also uses
    the entities: drops countries and capitals inside a PERSON ("Michael Jordan") and
    accepts capitals that need a GPE/LOC label ("Victoria").
    """

    def __init__(self, nlp: Language, resolver: CountryResolver | None = None) -> None:
        self.resolver = resolver or get_resolver()
        self._case_sensitive = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._meaning: dict[int, tuple[PlaceMatch | None, bool]] = {}
        groups: dict[tuple[PlaceMatch | None, bool, bool], list[str]] = {}
        for entry in self.resolver.entries:
            groups.setdefault((entry.place, entry.label_only, entry.exact_case), []).append(entry.surface)
        for number, ((place, label_only, exact_case), surfaces) in enumerate(groups.items()):
            match_key = f"eventex_place_{number}"
            self._meaning[nlp.vocab.strings.add(match_key)] = (place, label_only)
            patterns = []
            for pattern in nlp.tokenizer.pipe(surfaces):
                # A leading "the" is never part of a match, as in find_in.
                if len(pattern) > 1 and pattern[0].lower_ == "the":
                    pattern = pattern[1:].as_doc()
                patterns.append(pattern)
            matcher = self._case_sensitive if exact_case else self._any_case
            matcher.add(match_key, patterns)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access
        candidates: list[tuple[int, int, PlaceMatch | None, bool]] = []
        for matcher in (self._case_sensitive, self._any_case):
            for match_id, start, end in matcher(doc):
                place, label_only = self._meaning[match_id]
                start_char = doc[start].idx
                end_char = doc[end - 1].idx + len(doc[end - 1])
                # As in find_in: a name all in lower case ("world court") is not a mention.
                if text[start_char:end_char].islower():
                    continue
                candidates.append((start_char, end_char, place, label_only))
        glued_tokens = set()
        for mark in _JOINING_MARK.finditer(text):
            span = doc.char_span(mark.start(), mark.end(), alignment_mode="expand")
            if span is None or span.start in glued_tokens or not _GLUED.search(span[0].text):
                continue
            token = span[0]
            glued_tokens.add(token.i)
            window_end = doc[token.i:token.i + self.resolver.max_tokens].end_char
            for found in self.resolver.find_in(text[token.idx:window_end]):
                if found.start < len(token):
                    candidates.append((token.idx + found.start, token.idx + found.end, found, False))

        ent_labels = self._entity_labels(doc)
        places: list[PlaceMatch] = []
        last_end = -1
        # Leftmost, then longest, as find_in does.
        for start, end, place, label_only in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
            if start < last_end:
                continue
            labels = ent_labels.get(start, set()) | ent_labels.get(end - 1, set())
            if label_only and not labels & _LABELS_FOR_PLACES:
                continue
            last_end = end
            if place is None:
                continue
            if "PERSON" in labels and place.kind in ("country", "capital") and not _name_after_place(doc, start, end) \
                    and not (place.kind == "country" and _is_whole_entity(doc, start, end)):
                continue
            places.append(replace(place, start=start, end=end))
        doc._.places = places
        return doc

    @staticmethod
    def _entity_labels(doc: Doc) -> dict[int, set[str]]:
        """Entity labels by the char offsets they cover (first and last char of each token)."""
        labels: dict[int, set[str]] = {}
        if not doc.has_annotation("ENT_IOB"):
            return labels
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) == 1:
                continue  # a lone "Kyiv" or "Togo" tagged PERSON is the recognizer's slip, not a name
            for token in ent:
                for offset in (token.idx, token.idx + len(token) - 1):
                    labels.setdefault(offset, set()).add(ent.label_)
        return labels


@Language.factory("eventex_places")
def make_places_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp)
