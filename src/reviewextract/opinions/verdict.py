"""The verdict sentence and the overall sentiment.

Verdict: the sentence that opens with a summing-up cue ("Fazit:", "Alles in allem", "Unterm
Strich" …), the strongest and latest winning; without a cue, the closing evaluative sentence.
Sentiment: an explicit rating decides; otherwise the verdict's clauses (praise and blame in one
verdict, or only faint praise, is mixed); otherwise the balance of pros and cons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..lang import get_language
from ..lang.lexicon import Lexicon
from ..model import Rating, Sentiment
from ..text import Doc, Sentence
from . import tokens
from .items import clause_spans
from .polarity import clause_polarities, clause_polarity
from .reader import reader

CUE_HEAD_WORDS = 4  # a cue counts fully only near the start of its sentence ("Insgesamt ist …")
OFF_HEAD = 0.3  # "… insgesamt zehn Folgen": further in, a summing-up word is often a count
LONG_TAIL = 12  # a verdict is cut at a colon followed by more words than this (a list of facts)
MIN_CLAUSE_WORDS = 5  # … when at least this many words stand before the colon
LONG_VERDICT = 25  # a verdict sentence longer than this many words is cut after its first part
MIN_PART = 8  # … if that part and the rest both have at least this many words
MIN_HEAD = 4  # words a verdict keeps before a trailing ", am besten …"
_PART_END = re.compile(r"[,;]|\s[–—-]\s")
MIN_CLOSING = 1.0  # a verdict without a cue must be clearly evaluative
POSITION_WEIGHT = 2.0  # later sentences are likelier to sum up
WORK_BONUS = 1.0  # naming the work ("Film", a quoted title) marks a judgement of the whole
SUBJECT_BONUS = 1.0  # … and more so when the work is the sentence's subject ("„Dark“ ist …")
DETAIL_PENALTY = 1.0  # naming an aspect (picture, sound) marks a detail; so does a long sentence
RATING_POSITIVE = 0.75  # normalized rating at or above: positive
RATING_NEGATIVE = 0.45  # at or below: negative; between: mixed
STRONG = 1.0  # a verdict clause at least this strong is a clear judgement
DOMINANT = 3.0  # one side this many times the other decides a mixed balance
CONCESSION_WEIGHT = 0.3  # what a concession ("auch wenn …", the part before "trotzdem") weighs


@dataclass(slots=True)
class Verdict:
    start: int
    end: int
    score: float
    positive: float
    negative: float
    rule: str


def _cue(doc: Doc, lex: Lexicon, s: Sentence) -> tuple[float, int, int] | None:
    """(strength, start, end) of the verdict cue in the sentence, if any."""
    ix = doc.words
    i0, j0 = ix.inside(s.start, s.end)
    at = reader(doc, lex).cue_words(i0, j0)
    if not at:
        return None  # most sentences: no word that can open a cue
    words = ix.words
    best: tuple[float, int, int] | None = None
    for i in at:
        longest = min(4, j0 - i)
        # only the lengths of the cues this word begins: no other key can be found
        for n in lex.cue_lengths[words[i]]:
            if n > longest:
                continue
            key = tuple(words[i:i + n])
            w = lex.verdict_cues.get(key)
            if w is not None:
                strength = w if i - i0 < CUE_HEAD_WORDS else w * OFF_HEAD
            elif key in lex.verdict_anywhere:
                strength = lex.verdict_anywhere[key]
            else:
                continue
            if best is None or strength > best[0]:
                best = (strength, ix.starts[i], ix.ends[i + n - 1])
            break
    return best


def _cued(doc: Doc, lex: Lexicon, sentences: list[Sentence]) -> list[int]:
    """Indices of the sentences that hold a word that can open a verdict cue, in order.

    The review's few such words (`Reader.cues`) are placed in their sentences by bisecting, so
    the sentences without one (most) are never looked at."""
    cues = reader(doc, lex).cues
    if not cues:
        return []
    ix = doc.words
    firsts = [s.start for s in sentences]
    out: list[int] = []
    for k in cues:
        idx = bisect_right(firsts, ix.starts[k]) - 1
        # the word lies wholly inside the sentence, as `WordIndex.inside` counts it
        if idx >= 0 and ix.ends[k] <= sentences[idx].end and (not out or out[-1] != idx):
            out.append(idx)
    return out


def _cut_label(doc: Doc, lex: Lexicon, s: Sentence) -> int:
    """Start of the verdict after a label such as "Fazit:" (the label itself is not the verdict)."""
    head = doc.low[s.start:s.start + 30]
    colon = head.find(":")
    if colon > 0 and " ".join(head[:colon].split()) in lex.verdict_labels:
        return s.start + colon + 1
    if " ".join(doc.low[s.start:s.end].strip(" .!").split()) in lex.verdict_labels:
        return s.end  # "Fazit" alone as a heading line: the verdict is the next sentence
    return s.start


def _scored(doc: Doc, lex: Lexicon, start: int, end: int) -> tuple[float, float, float]:
    """(score, strongest praise, strongest blame) of a verdict, clause by clause.

    A subordinate concession ("auch wenn …") counts little; a clause opened by a concessive word
    ("trotzdem …") outweighs what came before it.
    """
    parts: list[tuple[float, float]] = []  # (score, weight) per clause
    clauses = clause_spans(doc, lex, start, end)
    for (cs, ce, _), pol in zip(clauses, clause_polarities(lex, doc, clauses), strict=True):
        score = pol.score
        head = tuple(doc.low[cs:ce].split(None, 2)[:2])  # the first two words, no more split
        if head and head[0] in lex.concessive:
            # "…, trotzdem ein Film, den man gesehen haben muss": what came before is conceded
            parts = [(sc, w * CONCESSION_WEIGHT) for sc, w in parts]
        weight = CONCESSION_WEIGHT if (head[:1] in lex.subordinate_concession
                                       or head in lex.subordinate_concession) else 1.0
        parts.append((score, weight))
    pos = max([sc * w for sc, w in parts if sc > 0], default=0.0)
    neg = min([sc * w for sc, w in parts if sc < 0], default=0.0)
    return pos + neg, pos, neg


def find_verdict(doc: Doc, lex: Lexicon, sentences: list[Sentence]) -> Verdict | None:
    best: tuple[float, int] | None = None
    for idx in _cued(doc, lex, sentences):
        cue = _cue(doc, lex, sentences[idx])
        if cue is None:
            continue
        key = (cue[0], idx)
        if best is None or key > best:
            best = key
    if best is not None:
        idx = best[1]
        s = sentences[idx]
        start = _cut_label(doc, lex, s)
        if not doc.text[start:s.end].strip(" .:") and idx + 1 < len(sentences):
            s = sentences[idx + 1]  # "Fazit:" alone on its line: the verdict follows
            start = s.start
        return _make(doc, lex, start, s.end, "verdict:cue")
    return _closing(doc, lex, sentences)


def _closing(doc: Doc, lex: Lexicon, sentences: list[Sentence]) -> Verdict | None:
    """Without a cue: the evaluative sentence that best looks like a judgement of the whole work,
    weighing its strength, whether it names the work, its position, and whether it is about
    one detail (an aspect such as picture or sound) rather than the whole."""
    found = [v for v in (_make(doc, lex, s.start, s.end, "verdict:closing") for s in sentences)
             if v is not None and max(v.positive, -v.negative) >= MIN_CLOSING]
    best: tuple[float, Verdict] | None = None
    for idx, v in enumerate(found):
        # position among the evaluative sentences: page furniture after the review is no help
        ws = tokens.words(doc, v.start, v.end)
        rank = min(max(v.positive, -v.negative), 2.0) + POSITION_WEIGHT * (idx + 1) / len(found)
        if _about_work(doc, ws) or any(q in doc.text[v.start:v.end] for q in "„»\""):
            rank += WORK_BONUS
        if _work_is_subject(doc, v.start, ws):
            rank += SUBJECT_BONUS
        if any(lex.aspect(w) for w in ws):
            rank -= DETAIL_PENALTY
        if len(ws) > LONG_VERDICT:
            rank -= DETAIL_PENALTY
        if best is None or rank >= best[0]:
            best = (rank, v)
    return best[1] if best is not None else None


@cache
def _work_nouns(code: str) -> tuple[str, ...]:
    return get_language(code).words("work_nouns")


def _work_is_subject(doc: Doc, start: int, ws: list[str]) -> bool:
    """"„Dark“ ist …", "Die achte Staffel ist …": the sentence judges the work itself, its
    subject (a quoted name, or a phrase ending in a work noun) followed by a copula."""
    copula = _copula(doc.lang.code)
    if doc.text[start:start + 1] in "„»\"«":
        return any(w in copula for w in ws[1:8])
    nouns = _work_nouns(doc.lang.code)
    for i, w in enumerate(ws[:5]):
        if w.endswith(nouns):
            return any(x in copula for x in ws[i + 1:i + 3])
    return False


@cache
def _copula(code: str) -> frozenset[str]:
    return get_language(code).wordset("copula")


def _about_work(doc: Doc, ws: list[str]) -> bool:
    """True when the words name the work as a whole ("Film", "Serie", "Dokumentarfilm")."""
    nouns = _work_nouns(doc.lang.code)
    return any(w.endswith(nouns) for w in ws)


def _make(doc: Doc, lex: Lexicon, start: int, end: int, rule: str) -> Verdict | None:
    start, end = _edges(doc, start, end)
    colon = doc.text.find(":", start, end)
    if colon > 0 and tokens.count(doc, colon, end) > LONG_TAIL and tokens.count(
            doc, start, colon) >= MIN_CLAUSE_WORDS:
        start, end = _edges(doc, start, colon)
    elif (colon > 0 and tokens.count(doc, start, end) > LONG_VERDICT
          and clause_polarity(lex, doc, colon + 1, end).spans):
        # "… und doch bleibt die Serie im Gedächtnis: ein kleines, großes Stück Fernsehen":
        # a long sentence that ends in a short judging summary after a colon; the summary
        start, end = _edges(doc, colon + 1, end)
    start, end = _first_judgement(doc, lex, start, end)
    end = _before_tail(doc, lex, start, end)
    if end <= start:
        return None
    score, pos, neg = _scored(doc, lex, start, end)
    return Verdict(start, end, score, pos, neg, rule)


def _first_judgement(doc: Doc, lex: Lexicon, start: int, end: int) -> tuple[int, int]:
    """A long verdict sentence is cut after its first evaluative part ("Alles in allem bietet
    X passable Unterhaltung, technisch kann …"): the rest adds detail, not the judgement."""
    if tokens.count(doc, start, end) <= LONG_VERDICT:
        return start, end
    for m in _PART_END.finditer(doc.text, start, end):
        if tokens.count(doc, start, m.start()) < MIN_PART:
            continue
        head = clause_polarity(lex, doc, start, m.start())
        if tokens.count(doc, m.end(), end) >= MIN_PART and head.spans:
            return _edges(doc, start, m.start())
        break
    return start, end


def _before_tail(doc: Doc, lex: Lexicon, start: int, end: int) -> int:
    """End a verdict before ", am besten …" when what stands before it judges on its own."""
    low = doc.low
    for tail in lex.verdict_tails:
        at = low.find(", " + tail + " ", start, end)
        if at > start and tokens.count(doc, start, at) >= MIN_HEAD and clause_polarity(
                lex, doc, start, at).spans:
            return _edges(doc, start, at)[1]
    return end


def _edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and not doc.text[start].isalnum() and doc.text[start] not in "„\"»«'":
        start += 1
    while end > start and doc.text[end - 1] in " \t\n.,;:!?–—-":
        end -= 1
    return start, end


def sentiment(rating: Rating | None, verdict: Verdict | None, pros: float,
              cons: float) -> Sentiment | None:
    """Overall tone: rating first, then the verdict, then the weight of pros against cons."""
    if rating is not None:
        r = rating.normalized
        if r >= RATING_POSITIVE:
            return Sentiment.POSITIVE
        return Sentiment.NEGATIVE if r <= RATING_NEGATIVE else Sentiment.MIXED
    if verdict is not None and (verdict.positive or verdict.negative):
        pos, neg = verdict.positive, -verdict.negative
        if max(pos, neg) < STRONG or min(pos, neg) * DOMINANT > max(pos, neg):
            return Sentiment.MIXED  # faint praise or blame, or praise and blame in balance
        return Sentiment.POSITIVE if pos > neg else Sentiment.NEGATIVE
    if not pros and not cons:
        return None
    if pros >= DOMINANT * cons:
        return Sentiment.POSITIVE
    if cons >= DOMINANT * pros:
        return Sentiment.NEGATIVE
    return Sentiment.MIXED
