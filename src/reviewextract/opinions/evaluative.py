"""Is a polar clause the reviewer judging the work, or the plot being told?

"Sie sind stärker und schneller" is full of polar words and says nothing about the film; "Die
Effekte sind stärker als im ersten Teil" judges it. Every candidate point (items.py) is
described by named features: how polar it is, whether it names a part of the work (acting,
story, effects, picture, sound, extras, length), whether the reviewer speaks (first person,
opinion verbs), how much of the sentence narrates (plot verbs, characters with their actors
in brackets), where it stands, whether it lies in the verdict, and its words themselves (each cut
to its first letters, `word_features`). A logistic regression fitted
on the tuning halves (lang/de/scorers.json, "points"; tools/fit_scorers.py) turns them into the
probability that the point is one a reader would list; points below the fitted threshold are
dropped. The words come from lang/<code>/evaluative.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.lexicon_model import Lexicon
from ..text import Doc, Sentence
from .items import Point

FIELD = "points"
# "Annie (Toni Collette)": a character with the actor in brackets, a mark of plot narration
_CAST = re.compile(r"\b(\w[\w-]*)\s+\((?:[^\W\d_][\w.-]*\s+){1,3}[^\W\d_][\w.-]*\)")


def _characters(doc: Doc) -> frozenset[str]:
    """Lowercased names written before an actor's name in brackets."""
    hit: frozenset[str] | None = doc.words.memo.get("characters")
    if hit is None:
        # every match holds a "(": most reviews have none, and the search is skipped
        found = {m.group(1).lower() for m in _CAST.finditer(doc.text)
                 if m.group(1)[:1].isupper()} if "(" in doc.text else set()
        hit = doc.words.memo["characters"] = frozenset(found)
    return hit


def _count(words: Sequence[str], low: str, single: frozenset[str],
           phrases: frozenset[str]) -> int:
    """How many of the words are in `single`, plus the phrases that occur in `low`."""
    n = len([w for w in words if w in single])
    return n + sum(1 for p in phrases if p in low) if phrases else n


def _lists(doc: Doc, name: str, words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The words of the list `name` as a set, and its phrases (several words) apart, built
    once per language."""
    key = f"{name} (phrases)"
    phrases = doc.lang.sets.get(key)
    if phrases is None:
        phrases = doc.lang.sets[key] = frozenset(w for w in words if " " in w)
    return words, phrases


def _sentence_features(doc: Doc, sentence: Sentence) -> dict[str, float]:
    """The features a point takes from its sentence, read once per sentence."""
    key = ("eval_sentence", sentence.start)
    hit: dict[str, float] | None = doc.words.memo.get(key)
    if hit is not None:
        return hit
    ix = doc.words
    si, sj = ix.inside(sentence.start, sentence.end)
    swords = ix.words[si:sj]
    low = doc.low[sentence.start:sentence.end]
    feats: dict[str, float] = {}
    opinions = doc.lang.opinions
    if _count(swords, low, *_lists(doc, "reviewer_words", opinions.reviewer_words)):
        feats["sent.reviewer"] = 1.0
    feats["sent.plot"] = min(_count(swords, low, *_lists(doc, "plot_words", opinions.plot_words)),
                             4) / 4
    if "(" in sentence.text and _CAST.search(sentence.text):
        feats["sent.cast"] = 1.0
    if sentence.text.rstrip().endswith("!"):
        feats["sent.exclaim"] = 1.0
    feats["pos.rel"] = sentence.start / max(1, len(doc.text))
    doc.words.memo[key] = feats
    return feats


def features(doc: Doc, lex: Lexicon, p: Point, sentence: Sentence | None,
             verdict: tuple[int, int] | None) -> dict[str, float]:
    """The named features of one candidate point."""
    ix = doc.words
    i, j = ix.inside(p.start, p.end)
    words = ix.words[i:j]
    low = doc.low[p.start:p.end]
    feats: dict[str, float] = {
        "pol.abs": min(abs(p.score), 3.0) / 3.0,
        "clause.words": min(len(words), 16) / 16,
    }
    if p.score > 0:
        feats["pol.positive"] = 1.0
    if p.aspect is not None:
        feats["clause.aspect"] = 1.0
    rule = p.rule.split(":", 1)[0]
    if rule:
        feats[f"rule.{rule}"] = 1.0
    opinions = doc.lang.opinions
    if not opinions.work_parts.isdisjoint(words):
        feats["clause.work_part"] = 1.0
    if _count(words, low, *_lists(doc, "reviewer_words", opinions.reviewer_words)):
        feats["clause.reviewer"] = 1.0
    feats["clause.plot"] = min(_count(words, low, *_lists(doc, "plot_words", opinions.plot_words)),
                               3) / 3
    chars = _characters(doc)
    if chars and not chars.isdisjoint(words):
        feats["clause.character"] = 1.0
    if any(map(str.isdigit, low)):
        feats["clause.digit"] = 1.0
    if sentence is not None:
        feats.update(_sentence_features(doc, sentence))
    if verdict is not None and verdict[0] <= p.start < verdict[1]:
        feats["in_verdict"] = 1.0
    stem = int(doc.lang.scorer(FIELD).params.get("word_stem", 0))
    if stem:
        feats.update(word_features(words, stem))
    return feats


def word_features(words: Sequence[str], stem: int) -> dict[str, float]:
    """The clause's words as features ("word.effek"): each word of three letters or more, cut
    to its first `stem` letters (the evaluation's word rule), so a fitted weight per word
    tells the judging clause from the narrating one beyond the word lists. Only the words the
    fit kept have a weight; any other weighs nothing."""
    return {"word." + w[:stem]: 1.0 for w in words if len(w) >= 3 and w.isalpha()}


def score(doc: Doc, lex: Lexicon, points: list[Point], sentences: list[Sentence],
          verdict: tuple[int, int] | None) -> list[Point]:
    """Each point with its features and the fitted probability that it is a stated point."""
    scorer = doc.lang.scorer(FIELD)
    starts = [s.start for s in sentences]
    from bisect import bisect_right

    for p in points:
        k = bisect_right(starts, p.start) - 1
        sent = sentences[k] if k >= 0 and p.start < sentences[k].end else None
        p.features = features(doc, lex, p, sent, verdict)
        p.probability = scorer.probability(p.features)
    return points


def keep(doc: Doc, lex: Lexicon, points: list[Point], sentences: list[Sentence],
         verdict: tuple[int, int] | None) -> list[Point]:
    """The points whose probability reaches the fitted threshold: the scorer's own for praise,
    its `threshold_cons` (where fitted) for blame."""
    scorer = doc.lang.scorer(FIELD)
    threshold = scorer.threshold
    cons_threshold = scorer.params.get("threshold_cons", threshold)
    return [p for p in score(doc, lex, points, sentences, verdict)
            if (p.probability or 0.0) >= (threshold if p.score > 0 else cons_threshold)]
