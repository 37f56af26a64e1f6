"""The verdict sentence and the overall sentiment.

Verdict: every content sentence is a candidate, described by named features (a summing-up cue
such as "Fazit:", "Alles in allem", "Unterm Strich" and its strength, position, praise and
blame, whether it judges the work as a whole or a detail, plot words); a conditional logit
fitted on the tuning halves (lang/<code>/scorers.json, "verdict") as a choice model picks the
most probable one, or none when "none of them" is likelier.
Sentiment: from the reviewer's judgements only. An explicit rating decides by fitted cut points;
otherwise the verdict's praise and blame and the pros and cons, by three fitted scorers, one per
tone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, pairwise

from ..lang import get_language
from ..lang.lexicon import Lexicon
from ..model import Rating, Sentiment
from ..text import Doc, Sentence
from . import tokens
from .evaluative import word_features
from .items import clause_spans
from .polarity import clause_polarities, clause_polarity
from .reader import reader

CUE_HEAD_WORDS = 4  # a cue counts fully only near the start of its sentence ("Insgesamt ist …")
OFF_HEAD = 0.3  # "… insgesamt zehn Folgen": further in, a summing-up word is often a count
LEAD_IN_WORDS = 3  # "Aber ehrlich:", "Kurz gesagt:": a lead-in before the sentence proper
LONG_TAIL = 12  # a verdict is cut at a colon followed by more words than this (a list of facts)
MIN_CLAUSE_WORDS = 5  # … when at least this many words stand before the colon
LONG_VERDICT = 25  # words of a long verdict sentence (a feature; one ending in ": summary" is cut)
MIN_HEAD = 4  # words a verdict keeps before a trailing ", am besten …"
CLEAR = 1.0  # a verdict side at least this strong is a clear judgement (a sentiment feature)
ONE_SIDED = 3.0  # one side this many times the other makes a one-sided verdict (a feature)
CONCESSION_WEIGHT = 0.3  # what a concession ("auch wenn …", the part before "trotzdem") weighs


@dataclass(slots=True)
class Verdict:
    start: int
    end: int
    score: float
    positive: float
    negative: float
    rule: str
    # named features and the fitted probability of being the verdict (`candidates`, `choose`)
    features: dict[str, float] = field(default_factory=dict)
    probability: float | None = None
    labelled: bool = False  # it follows a label that names the verdict outright ("Fazit:")


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
            if key in lex.verdict_totals and i + n < j0 and _counts(doc, words[i + n]):
                break  # "insgesamt 12 Episoden", "insgesamt zehn Folgen": a total, no summing up
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


def _counts(doc: Doc, word: str) -> bool:
    """Is the word a count: digits, or a number word above one (not the article "ein")?"""
    value = doc.lang.number(word)
    return value is not None and (word[:1].isdigit() or value >= 2)


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


def _under_label_line(doc: Doc, lex: Lexicon, start: int) -> bool:
    """Does the sentence open a line right under a line that is only a decisive verdict label
    ("Fazit")? Such a line is page chrome, so it is no sentence of its own."""
    before = doc.low[max(0, start - 40):start]
    if before.rstrip(" \t")[-1:] != "\n":
        return False  # the sentence does not open its line
    prev = before.rstrip().rsplit("\n", 1)[-1]
    return " ".join(prev.strip(" .:!").split()) in lex.verdict_decisive


def _label(doc: Doc, lex: Lexicon, s: Sentence) -> tuple[str, int] | None:
    """The verdict label that opens the sentence before a colon ("Fazit: …"), or that is the
    whole sentence ("Fazit" as a heading line: the verdict is the next sentence), and where the
    verdict starts after it (the label itself is not the verdict); None without a label."""
    head = doc.low[s.start:s.start + 30]
    colon = head.find(":")
    label = " ".join(head[:colon].split()) if colon > 0 else ""
    if label in lex.verdict_labels:
        return label, s.start + colon + 1
    whole = " ".join(doc.low[s.start:s.end].strip(" .!").split())
    return (whole, s.end) if whole in lex.verdict_labels else None


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


def candidates(doc: Doc, lex: Lexicon, sentences: list[Sentence],
               title: str | None = None) -> list[Verdict]:
    """Every content sentence as a verdict candidate, with its named features: the summing-up
    cue and its strength, a label such as "Fazit:", position, how strongly and on which side it
    judges, whether it names the work (as its subject), a detail (an aspect) or the plot,
    whether the reviewer speaks, its length and line kind; where the fitted scorer reads words
    (its `word_stem`), the sentence's words too."""
    cues: dict[int, float] = {}
    stem = int(doc.lang.scorer("verdict").params.get("word_stem", 0))
    for idx in _cued(doc, lex, sentences):
        cue = _cue(doc, lex, sentences[idx])
        if cue is not None:
            cues[idx] = cue[0]
    reviewer = doc.lang.opinions.reviewer_words
    pro_con = doc.lang.opinions.pro_con_labels
    named = title.lower() if title and len(title) > 1 else None
    ix = doc.words
    live = tokens.reading(doc, lex).live
    plot = _plot_marks(doc)
    n = len(sentences)
    out: list[Verdict] = []
    after_label = -1
    after_decisive = False
    for idx, s in enumerate(sentences):
        start, end = s.start, s.end
        feats: dict[str, float] = {}
        decisive = False
        if idx in cues:
            label = _label(doc, lex, s)
            feats["cue"] = 1.0
            feats["cue.strength"] = min(cues[idx], 3.0) / 3.0
            if label is not None:
                start = label[1]
                feats["cue.label"] = 1.0
                decisive = label[0] in lex.verdict_decisive
            if not doc.text[start:s.end].strip(" .:"):
                after_label = idx + 1  # "Fazit:" alone on its line: the verdict follows
                after_decisive = decisive
                continue
        if idx == after_label:
            feats["cue.after_label"] = 1.0
            decisive = after_decisive
        elif _under_label_line(doc, lex, s.start):
            decisive = True  # "Fazit" on its own line (page chrome, so no sentence) above it
        if not feats:
            # as `tokens.has_live`, with the review's words and live words read once above
            i0, j0 = ix.inside(s.start, s.end)
            k = bisect_left(live, i0)
            if k == len(live) or live[k] >= j0 or not any(p.spans for p in clause_polarities(
                    lex, doc, clause_spans(doc, lex, s.start, s.end))):
                continue  # no cue and no polar word: no verdict (the clause split is shared
                # with the pros and cons; a sentence without a live word needs none)
        start, end = _edges(doc, start, end)
        if end <= start:
            continue
        score, pos, neg = _scored(doc, lex, start, end)
        if not (feats or pos or neg):
            continue  # a verdict judges: a sentence with no cue and no polar word is none
        # the candidate is the whole sentence; only the chosen one is trimmed (`finish`)
        v = Verdict(start, end, score, pos, neg, "verdict:cue" if feats else "verdict:closing",
                    labelled=decisive)
        i, j = ix.inside(v.start, v.end)
        ws = ix.words[i:j]
        feats["pol.pos"] = min(v.positive, 3.0) / 3.0
        feats["pol.neg"] = min(-v.negative, 3.0) / 3.0
        if v.positive and v.negative:
            feats["pol.both"] = 1.0
        if not (v.positive or v.negative):
            feats["pol.none"] = 1.0
        feats["pos.rel"] = (idx + 1) / n
        if idx == n - 1:
            feats["pos.last"] = 1.0
        if idx == 0:
            feats["pos.first"] = 1.0
        if _about_work(doc, ws) or any(q in doc.text[v.start:v.end] for q in "„»\""):
            feats["work"] = 1.0
        if _work_is_subject(doc, v.start, ws) or _work_is_subject_after_lead(doc, v.start,
                                                                             v.end):
            feats["work.subject"] = 1.0
        if _work_judged(doc, lex, ws):
            feats["work.judged"] = 1.0
        if any(lex.aspect(w) is not None for w in ws):
            feats["aspect"] = 1.0
        feats["words"] = min(len(ws), 40) / 40
        if len(ws) > LONG_VERDICT:
            feats["long"] = 1.0
        if not reviewer.isdisjoint(ws):
            feats["reviewer"] = 1.0
        feats["plot"] = min(bisect_left(plot, j) - bisect_left(plot, i), 4) / 4
        if doc.line_kind_at(s.start) == "heading":
            feats["heading"] = 1.0
        head, colon, _ = doc.low[s.start:s.end].partition(":")
        if colon and " ".join(head.split()) in pro_con:
            feats["pro_con_label"] = 1.0  # "Positiv: …" opens one point of a list
        if named is not None and named in doc.low[v.start:v.end]:
            feats["names_title"] = 1.0
        if doc.text[v.start:v.end + 1].rstrip().endswith("!"):
            feats["exclaim"] = 1.0
        if any(map(str.isdigit, doc.text[v.start:v.end])):
            feats["digit"] = 1.0
        if _closes_paragraph(doc.text, v.end):
            feats["para_end"] = 1.0
        if stem:
            feats.update(word_features(ws, stem))
        v.features = feats
        out.append(v)
    if out:
        # the first and the last judging sentence: where reviewers open and close their say
        out[0].features["cand.first"] = 1.0
        out[-1].features["cand.last"] = 1.0
    return out


def choose(found: list[Verdict], threshold: float) -> Verdict | None:
    """The most probable candidate, the later one among equals; None below `threshold`."""
    if not found:
        return None
    best = max(enumerate(found), key=lambda iv: (iv[1].probability or 0.0, iv[0]))[1]
    return best if (best.probability or 0.0) >= threshold else None


def find_verdict(doc: Doc, lex: Lexicon, sentences: list[Sentence],
                 title: str | None = None) -> tuple[Verdict | None, list[Verdict]]:
    """The verdict: the sentence a label such as "Fazit:" names (`labels.decisive`), else the
    candidate the fitted choice model ("verdict" in lang/<code>/scorers.json) finds most
    probable, or None when "none of them" is likelier; and every candidate, each with its
    probability (the sentiment weighs them all, `sentiment_features`)."""
    found = candidates(doc, lex, sentences, title)
    probs, none = doc.lang.scorer("verdict").choice([v.features for v in found])
    for v, p in zip(found, probs, strict=True):
        v.probability = p
    # a label that names the verdict outright ("Fazit: …") settles it; else the model chooses
    chosen = next((v for v in found if v.labelled), None) or choose(found, none)
    return (finish(doc, lex, chosen) if chosen is not None else None), found


def finish(doc: Doc, lex: Lexicon, v: Verdict) -> Verdict | None:
    """The chosen sentence trimmed to its judgement: a label or a list of facts after a colon
    cut off, a trailing ", am besten …" dropped; its features and probability kept."""
    out = _make(doc, lex, v.start, v.end, v.rule)
    if out is not None:
        out.features, out.probability = v.features, v.probability
    return out


def _closes_paragraph(text: str, end: int) -> bool:
    """Does a sentence ending at `end` close its paragraph (or the text): only its closing
    punctuation and spaces before the line break?"""
    n = len(text)
    while end < n and text[end] in " .!?…\t":
        end += 1
    return end == n or text[end] in "\n\r"


def _work_judged(doc: Doc, lex: Lexicon, ws: list[str]) -> bool:
    """"ein sehenswerter Streifen", "ein guter Film", "ein fußlahmer Männerfilm": a judging word
    right before a noun for the work as a whole judges the whole, not a part of it."""
    nouns = doc.lang.opinions.work_nouns
    for prev, w in pairwise(ws):
        if w.endswith(nouns):
            entry = lex.lookup(prev)
            if entry is not None and entry.kind != "head":
                return True
    return False


def _work_is_subject(doc: Doc, start: int, ws: list[str]) -> bool:
    """"„Dark“ ist …", "Die achte Staffel ist …": the sentence judges the work itself, its
    subject (a quoted name, or a phrase ending in a work noun) followed by a copula."""
    copula = doc.lang.opinions.copula
    if doc.text[start:start + 1] in "„»\"«":
        return any(w in copula for w in ws[1:8])
    nouns = doc.lang.opinions.work_nouns
    for i, w in enumerate(ws[:5]):
        if w.endswith(nouns):
            return any(x in copula for x in ws[i + 1:i + 3])
    return False


def _work_is_subject_after_lead(doc: Doc, start: int, end: int) -> bool:
    """"Aber ehrlich: Die achte Staffel ist …": the work as the subject after a short lead-in
    that ends in a colon."""
    colon = doc.text.find(":", start, end)
    if colon < 0 or tokens.count(doc, start, colon) > LEAD_IN_WORDS:
        return False
    after = colon + 1
    while after < end and doc.text[after].isspace():
        after += 1
    if after >= end:
        return False
    i, j = doc.words.inside(after, end)
    return _work_is_subject(doc, after, doc.words.words[i:j])


def _plot_marks(doc: Doc) -> list[int]:
    """Indices of the review's plot words, found once per review: a set lookup per word in C
    (`map`) costs less than reading the candidates' words (most of the review's) in Python;
    a candidate then counts by bisection."""
    memo = doc.words.memo
    hit: list[int] | None = memo.get("plot_marks")
    if hit is None:
        words = doc.words.words
        hit = memo["plot_marks"] = list(compress(range(len(words)), map(
            doc.lang.opinions.plot_words.__contains__, words)))
    return hit


def _about_work(doc: Doc, ws: list[str]) -> bool:
    """True when the words name the work as a whole ("Film", "Serie", "Dokumentarfilm")."""
    nouns = doc.lang.opinions.work_nouns
    return any(w.endswith(nouns) for w in ws)


def _make(doc: Doc, lex: Lexicon, start: int, end: int, rule: str) -> Verdict | None:
    start, end = _edges(doc, start, end)
    colon = doc.text.find(":", start, end)
    if colon > 0 and tokens.count(doc, colon, end) > LONG_TAIL and tokens.count(
            doc, start, colon) >= MIN_CLAUSE_WORDS:
        # a long list of facts after a colon is cut off; a long part that judges more strongly
        # than the words before the colon is the judgement itself ("Das Thema ist schwer: nie
        # pathetisch und stets respektvoll erzählt …"), and the sentence stays whole
        if abs(clause_polarity(lex, doc, colon + 1, end).score) <= abs(
                clause_polarity(lex, doc, start, colon).score):
            start, end = _edges(doc, start, colon)
    elif (colon > 0 and tokens.count(doc, start, end) > LONG_VERDICT
          and clause_polarity(lex, doc, colon + 1, end).spans):
        # "… und doch bleibt die Serie im Gedächtnis: ein kleines, großes Stück Fernsehen":
        # a long sentence that ends in a short judging summary after a colon; the summary
        start, end = _edges(doc, colon + 1, end)
    end = _before_tail(doc, lex, start, end)
    if end <= start:
        return None
    score, pos, neg = _scored(doc, lex, start, end)
    return Verdict(start, end, score, pos, neg, rule)


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


SENTIMENTS = (Sentiment.POSITIVE, Sentiment.MIXED, Sentiment.NEGATIVE)


def sentiment_features(rating: Rating | None, verdict: Verdict | None,
                       pros: list[float], cons: list[float],
                       judging: Sequence[Verdict] = ()) -> dict[str, float]:
    """What the reviewer's own judgements say, as named features: the rating, the verdict's
    praise and blame, the pros and cons (each given by its probability of being a point), and
    every sentence that judges the work (`judging`, the verdict's candidates): their praise and
    blame weighed by each one's probability of being the verdict, the first one's score, their
    mean score and the share that blames. The verdict is one sentence, often not the one a
    reader would pick; all of them together are less easily wrong. Plot sentences do not
    enter: only points that passed the evaluative scorer, and sentences that judge, count."""
    feats: dict[str, float] = {}
    if judging:
        total = sum(v.probability or 0.0 for v in judging) or 1.0
        feats["judging.pos"] = sum((v.probability or 0.0) * min(v.positive, 3.0) / 3.0
                                   for v in judging) / total
        feats["judging.neg"] = sum((v.probability or 0.0) * min(-v.negative, 3.0) / 3.0
                                   for v in judging) / total
        scores = [max(-3.0, min(3.0, v.score)) / 3.0 for v in judging]
        feats["judging.first"] = scores[0]
        feats["judging.mean"] = sum(scores) / len(scores)
        feats["judging.neg_share"] = sum(1 for x in scores if x < 0) / len(scores)
    if rating is not None:
        feats["rating"] = 1.0
        feats["rating.value"] = rating.normalized
    if verdict is not None:
        feats["verdict"] = 1.0
        feats["verdict.pos"] = min(verdict.positive, 3.0) / 3.0
        feats["verdict.neg"] = min(-verdict.negative, 3.0) / 3.0
        if verdict.positive and verdict.negative:
            feats["verdict.both"] = 1.0
        if verdict.rule == "verdict:cue":
            feats["verdict.cue"] = 1.0
        feats["verdict.score"] = max(-3.0, min(3.0, verdict.score)) / 3.0
        feats["verdict.sure"] = verdict.probability or 0.0
        pos, neg = verdict.positive, -verdict.negative
        if 0 < max(pos, neg) < CLEAR:
            feats["verdict.faint"] = 1.0  # "passable Unterhaltung": faint praise or blame
        elif pos >= CLEAR and pos >= ONE_SIDED * neg:
            feats["verdict.one_sided_pos"] = 1.0
        elif neg >= CLEAR and neg >= ONE_SIDED * pos:
            feats["verdict.one_sided_neg"] = 1.0
    p, c = sum(pros), sum(cons)
    feats["pros"] = min(p, 5.0) / 5.0
    feats["cons"] = min(c, 5.0) / 5.0
    if p + c:
        feats["balance"] = (p - c) / (p + c)
    if not pros and not cons:
        feats["no_points"] = 1.0
    return feats


def decide_sentiment(code: str, feats: dict[str, float]) -> Sentiment | None:
    """An explicit rating decides, by the fitted cut points of "sentiment.rating" (positive
    from `high` on, negative up to `low`, mixed between). Without one, the tone whose fitted
    scorer ("sentiment.positive" …) gives the highest score. None when nothing in the review
    judges (no rating, no verdict, no points)."""
    lang = get_language(code)
    if "rating" in feats:
        cut = lang.scorer("sentiment.rating").params
        r = feats["rating.value"]
        if r >= cut["high"]:
            return Sentiment.POSITIVE
        return Sentiment.NEGATIVE if r <= cut["low"] else Sentiment.MIXED
    if "verdict" not in feats and "no_points" in feats:
        return None
    return max(SENTIMENTS, key=lambda t: lang.scorer(f"sentiment.{t.value}").logit(feats))
