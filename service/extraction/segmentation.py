"""Sentence starts at line breaks, and the lines that are not part of the article's prose.

News text arrives with headlines, bylines and blocks of links to other stories. The parser would
otherwise glue a headline to the next paragraph; and a related story's headline
("Ministers urge talks") is not an event of this article.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


_SENTENCE_END = frozenset('.!?"”’\')…')
# "TEHRAN (IP) -", "Kyiv, Ukraine (AP) —", "ASTANA, May 12 (Wire) -", "Ushuaia, September 29
# (Télam).-", "WASHINGTON —", and the agencies that write their name between slashes, "MINSK,
# September 12. /TASS/.", "Tashkent, 16 May /UzA/.": the place, date and agency before the first
# sentence of a paragraph. A hyphen that joins two words is no dateline's dash: "The
# Pakistan-China exercise ended".
_DATELINE = re.compile(
    r"(?:\A|(?<=\n))[ \t]*[A-Z][\w'.-]*(?:[ ,]+[A-Z][\w'.-]*){0,3}"
    r"(?:,?[ ]+(?:[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}|\d{1,2}[ ]+[A-Z][a-z]{2,8}\.?)(?:,?[ ]+\d{4})?)?"
    r"(?:[ \t]*(?:\([A-Za-z][\w .&-]{0,24}\)\.?[ \t]*-{1,2}|(?:\([A-Za-z][\w .&-]{0,24}\))?(?:[ \t]*--|[ \t]*[–—]{1,2}|[ \t]+-|-(?=[ \t])))[ \t]*"
    r"|\.?[ \t]+/[A-Za-z][\w .&-]{0,24}/\.?[ \t]*)"
)
# Datelines stand at the head of the story, before its first few paragraphs.
_DATELINE_REACH = 600
# A line this short that does not end like a sentence is a headline, a byline or a caption.
_HEADLINE_MAX_WORDS = 25


@Language.factory("eventex_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> "LineBreaks":
    return LineBreaks()


class LineBreaks:
    """Start a sentence after every line break that ends a paragraph, a headline or a list item."""

    def __call__(self, doc: Doc) -> Doc:
        for _, dateline_end in datelines(doc.text):
            # The parser would read the place as the subject of the first sentence, and the date
            # of the dispatch as the date of its events.
            for token in doc[1:]:
                if token.idx >= dateline_end:
                    token.is_sent_start = True
                    break
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" not in previous.whitespace_ and not (previous.is_space and "\n" in previous.text):
                continue
            if token.is_space:
                continue
            # A single line break inside a sentence is a hard wrap, unless the next line starts
            # like a sentence or the previous one ended like one.
            blank_line = previous.text.count("\n") + previous.whitespace_.count("\n") >= 2
            last_word = previous if not previous.is_space else _last_non_space(doc, previous.i)
            ended = last_word is not None and last_word.text[-1:] in _SENTENCE_END | {":"}
            if blank_line or ended or token.is_title or token.is_upper or token.is_punct:
                token.is_sent_start = True
        _no_end_inside_brackets(doc)
        return doc


# How many tokens a bracket that a period may not end holds: "(ret.)", "(Eng.)", "(a.k.a. Joe)".
_SHORT_BRACKET = 6


def _no_end_inside_brackets(doc: Doc) -> None:
    """"Lieutenant General (ret.) Dashdorj Enkhbold received ...": an abbreviation's period inside a
    short bracket ends no sentence, and neither does the bracket."""
    for token in doc:
        if token.text != ")":
            continue
        opening = next((doc[i] for i in range(token.i - 1, max(token.i - _SHORT_BRACKET, -1), -1) if doc[i].text == "("), None)
        if opening is None or "\n" in doc[opening.i : token.i].text:
            continue
        for inner in doc[opening.i + 1 : min(token.i + 2, len(doc))]:
            if inner.is_sent_start is None:  # (a paragraph that starts after the bracket still starts)
                inner.is_sent_start = False


def _last_non_space(doc: Doc, i: int):
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def datelines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines at the head of the story ("ASTANA, May 12 (Wire) -")."""
    return [m.span() for m in _DATELINE.finditer(text[:_DATELINE_REACH])]


def non_prose_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are not article prose: headlines, captions, lists of related stories.

    A line is prose when it ends like a sentence or is long.
    """
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line)
        stripped = line.strip()
        if stripped and stripped[-1] not in _SENTENCE_END and len(stripped.split()) <= _HEADLINE_MAX_WORDS:
            ranges.append((start, end))
        start = end
    return ranges


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in ranges)
