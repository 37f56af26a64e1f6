"""Pros and cons: evaluative clauses of the review, trimmed to the phrase that states the point.

Steps: choose the sentences that carry the reviewer's own words (no questions, quotes of other
posters, signatures); split them into clauses; score each clause; keep clearly positive or
negative clauses, cut connectives off their edges, merge duplicates and keep the strongest few.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..lang.lexicon import Lexicon
from ..text import Doc, Sentence
from . import tokens
from .polarity import Polarity, clause_polarities
from .reader import Clause, ClauseSpan, reader

MIN_SCORE = 0.5  # weaker clauses (faint praise, "passabel") are not reported as points
MAX_ITEMS = 8  # per side: a pro/contra box holds a handful of points
MAX_WORDS = 16  # a longer clause is cut to the words around its polar terms
MIN_WORDS = 2  # a single word ("Wow", "Genial") is an exclamation, not a stated point
HEAD_WORDS = 5  # a relative clause's head noun phrase starts at most this many words back
ANNOUNCE_WORDS = 3  # a clause this short before a colon announces the point after it
# characters cut from the edges of an item: punctuation, brackets, rating glyphs
_EDGE = " \t\n,;:.!?–—-()[]*#★☆/|"
_NOT_PROSE = frozenset({"chrome", "meta", "info"})  # line kinds that hold no review prose


@dataclass(slots=True)
class Point:
    start: int
    end: int
    score: float
    aspect: str | None
    rule: str
    # named features and the fitted probability of being a stated point (evaluative.py)
    features: dict[str, float] = field(default_factory=dict)
    probability: float | None = None


def content_sentences(doc: Doc, lex: Lexicon, headings: bool = True) -> list[Sentence]:
    """Sentences in the reviewer's voice: not questions, quoted posts, text after a signature or
    lines of page chrome. Headings ("Totaler Reinfall!") may sum a review up, so the verdict
    reads them; they are no points of their own (`headings=False`)."""
    memo = doc.words.memo
    key = ("content", lex.code)
    both: tuple[list[Sentence], list[Sentence]] | None = memo.get(key)
    if both is None:  # the verdict and the points ask for one each: both read in one pass
        both = memo[key] = _content_sentences(doc, lex)
    return list(both[0] if headings else both[1])


def _content_sentences(doc: Doc, lex: Lexicon) -> tuple[list[Sentence], list[Sentence]]:
    """`content_sentences` with headings and without: a heading that reads like a signature
    ends only the first list (the second skips headings before it looks)."""
    with_headings: list[Sentence] = []
    without: list[Sentence] = []
    open_with = open_without = True
    for s in doc.sentences:
        kind = doc.line_kind_at(s.start)
        if kind in _NOT_PROSE:
            continue  # page chrome, bylines and datelines, info-box lines (lines.py)
        heading = kind == "heading"
        if not (open_with or (open_without and not heading)):
            if not open_without:
                break
            continue
        low = doc.low[s.start:s.end].strip()
        if low in lex.signature_lines or low.rstrip(",!") in lex.signature_lines:
            open_with = False
            open_without = open_without and heading
            continue
        if low.startswith(lex.skip_line_prefixes) or low.endswith("?"):
            continue
        if open_with:
            with_headings.append(s)
        if open_without and not heading:
            without.append(s)
    return with_headings, without


def clause_spans(doc: Doc, lex: Lexicon, start: int, end: int) -> list[ClauseSpan]:
    """(start, end, opener) of the clauses of `text[start:end]` (`reader.Reader.clauses`),
    remembered while the review is being read."""
    cache = doc.words.memo
    end = _clause_end(doc.text, start, end)
    key = ("clauses", start, end)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = reader(doc, lex).clauses(lex, start, end)
    return hit


def clauses_of(doc: Doc, lex: Lexicon, s: Sentence) -> list[Clause]:
    """The clauses of a sentence as `Clause` records (for inspection; the steps use tuples)."""
    return [Clause(a, b, doc.text[a:b], op) for a, b, op in clause_spans(doc, lex, s.start, s.end)]


def _clause_end(text: str, start: int, end: int) -> int:
    """`end` without the trailing spaces and end marks ("." "!" "?" "…") the clause splitter
    drops anyway, so a sentence and its verdict (the same words, its final mark cut) share
    one split. Those marks hold no word and no clause boundary, so the split is the same; a
    "-" before them stays in, as it could open a " - " boundary that reaches into them."""
    e = end
    while e > start and (text[e - 1].isspace() or text[e - 1] in ".!?…"):
        e -= 1
    return end if e == end or text[e - 1] == "-" else e


def _first_word(doc: Doc, c: ClauseSpan) -> str:
    return tokens.first(doc, c[0], c[1])


def trim(doc: Doc, lex: Lexicon, start: int, end: int) -> tuple[int, int]:
    """Cut leading connectives ("und", "aber auch") and trailing particles and punctuation."""
    while True:
        while start < end and doc.text[start] in _EDGE:
            start += 1
        while end > start and doc.text[end - 1] in _EDGE:
            end -= 1
        ix = doc.words
        i, j = ix.inside(start, end)
        if j - i > 2 and ix.words[i] in lex.trim_leading:
            start = ix.starts[i + 1]
            continue
        if j - i > 2 and ix.words[j - 1] in lex.trim_trailing:
            end = ix.starts[j - 1]
            continue
        return start, end


def _aspect(doc: Doc, lex: Lexicon, start: int, end: int,
            polar: tuple[tuple[int, int, float], ...] = ()) -> str | None:
    """What a point is about: the aspect a polar word names itself ("Logiklücken"), else the
    first aspect word of the clause ("Die Dialoge sind hölzern")."""
    for s, e, _ in polar:
        label = lex.aspect(doc.low[s:e])
        if label is not None:
            return label
    for w in tokens.words(doc, start, end):
        label = lex.aspect(w)
        if label is not None:
            return label
    return None


def _narrow(doc: Doc, pol: Polarity, start: int, end: int) -> tuple[int, int]:
    """A long clause shrinks to the words from a few before its first polar term to its last."""
    ix = doc.words
    i, j = ix.inside(start, end)
    if j - i <= MAX_WORDS or not pol.spans:
        return start, end
    first = min(s for s, _, _ in pol.spans)
    last = max(e for _, e, _ in pol.spans)
    idx = bisect_left(ix.starts, first, i, j)  # the clause's first word at or after `first`
    lo = ix.starts[max(i, idx - 6)]
    return lo, max(last, ix.ends[min(j - 1, idx + 2)])


def _corrections(doc: Doc, lex: Lexicon,
                 scored: list[tuple[ClauseSpan, Polarity]]) -> dict[int, float | None]:
    """"nicht X, sondern Y": X (the nearest clause before with a negator) is dropped; a Y without
    polarity of its own takes the polarity X's clause gives its topic before the negator ("Das
    Problem liegt nicht bei A, sondern bei B": B is the problem). A polar word inside the denied
    part ("nie den perfekten Retter, sondern einen Mann") hands nothing on. Only clauses after
    the first negated one can be a Y, so only their first words are looked at."""
    out: dict[int, float | None] = {}
    for first_neg, (_, pol) in enumerate(scored):  # noqa: B007 (read after the loop)
        if pol.negated_at >= 0:
            break
    else:
        return out  # the usual sentence: nothing is denied
    for i in range(first_neg + 1, len(scored)):
        c, pol = scored[i]
        if _first_word(doc, c) not in lex.corrective_conjunctions:
            continue
        denied = next(k for k in range(i - 1, -1, -1) if scored[k][1].negated_at >= 0)
        out[denied] = None
        topic = scored[denied][1].topic
        if not pol.spans and topic:
            out[i] = topic
    return out


def sentence_points(doc: Doc, lex: Lexicon, s: Sentence) -> list[Point]:
    """The positive and negative points of one sentence, one per evaluative clause."""
    if not tokens.has_live(doc, lex, s.start, s.end):
        return []  # no clause has a polarity: nothing to split
    clauses = clause_spans(doc, lex, s.start, s.end)
    scored = list(zip(clauses, clause_polarities(lex, doc, clauses), strict=True))
    corrected = _corrections(doc, lex, scored)
    for i, score in _announced(doc, scored).items():
        corrected.setdefault(i, score)
    out: list[Point] = []
    for i, (c, pol) in enumerate(scored):
        score, rule = pol.score, pol.rules[0] if pol.rules else ""
        if i in corrected:
            if corrected[i] is None:
                continue  # the denied X of "nicht X, sondern Y" is not a point of its own
            score, rule = corrected[i], "correction"  # type: ignore[assignment]
        if abs(score) < MIN_SCORE:
            continue  # most clauses; the checks below only drop clauses, so order is free
        if _first_word(doc, c) in lex.hypothetical:
            continue  # "Wer … sehen will, …" addresses the reader, it states no point
        if pol.meta_only and rule != "correction" and _aspect(doc, lex, c[0], c[1]) is None:
            continue  # "Ein paar Schwächen gibt es trotzdem" announces the points that follow
        if _announces(doc, c):
            continue  # "Befremdlich ist auch: …" names the point that follows the colon
        start, end = trim(doc, lex, *_narrow(doc, pol, c[0], c[1]))
        if i > 0 and abs(scored[i - 1][1].score) < MIN_SCORE and _is_relative(
                doc, lex, clauses[i - 1], c):
            # "eine Besetzung, die nicht immer aufgeht": the point names what it is about,
            # unless the clause with the head is a point of its own
            start = _head_start(doc, lex, clauses[i - 1], start)
        if tokens.count(doc, start, end) >= MIN_WORDS:
            aspect = _aspect(doc, lex, start, end, tuple(pol.spans))
            out.append(Point(start, end, score, aspect, rule))
    return out


def _is_relative(doc: Doc, lex: Lexicon, prev: ClauseSpan, c: ClauseSpan) -> bool:
    """Is `c` a relative clause on the noun that ends `prev` ("eine Szene, die man nicht
    vergisst")? A relative pronoun after a comma, a lowercase word after it (an article would
    be followed by a noun), and a capitalised word (a noun) right before the comma."""
    ix = doc.words
    i, j = ix.inside(c[0], c[1])
    if c[2] != "," or j - i < 2 or ix.words[i] not in lex.relative_pronouns:
        return False
    if not doc.text[ix.starts[i + 1]].islower():
        return False
    pi, pj = ix.inside(prev[0], prev[1])
    return pj > pi and doc.text[ix.starts[pj - 1]].isupper()


def _head_start(doc: Doc, lex: Lexicon, prev: ClauseSpan, fallback: int) -> int:
    """Start of the noun phrase that ends `prev`: from its last determiner within a few words."""
    ix = doc.words
    pi, pj = ix.inside(prev[0], prev[1])
    for k in range(pj - 1, max(pi, pj - HEAD_WORDS) - 1, -1):
        if ix.words[k] in lex.determiners:
            return ix.starts[k]
    return fallback


def _announced(doc: Doc, scored: list[tuple[ClauseSpan, Polarity]]) -> dict[int, float]:
    """"Besonders schön: das Zusammenspiel der beiden": the clause after a short judging lead-in
    and its colon is the point the lead-in judges. A clause there without a polarity of its own
    takes the lead-in's, and so does each such clause after it in a list ("Positiv: die Musik,
    die Kamera"), up to the first clause that judges for itself."""
    out: dict[int, float] = {}
    for i, (c, pol) in enumerate(scored[:-1]):
        if abs(pol.score) < MIN_SCORE or not _announces(doc, c):
            continue
        for k in range(i + 1, len(scored)):
            nxt, npol = scored[k]
            if npol.spans or nxt[2] != (":" if k == i + 1 else ","):
                break
            out[k] = pol.score
    return out


def _announces(doc: Doc, c: ClauseSpan) -> bool:
    """Is the clause a short lead-in to a colon ("Einziger Kritikpunkt: …")?"""
    return (doc.text[c[1]:c[1] + 3].lstrip()[:1] == ":"
            and tokens.count(doc, c[0], c[1]) <= ANNOUNCE_WORDS)


def select(points: list[Point], positive: bool) -> list[Point]:
    """The strongest points of one side, duplicates and overlaps merged, in text order."""
    side = sorted((p for p in points if (p.score > 0) == positive), key=lambda p: -abs(p.score))
    kept: list[Point] = []
    for p in side:
        if any(q.start < p.end and p.start < q.end for q in kept):
            continue
        kept.append(p)
        if len(kept) == MAX_ITEMS:
            break
    return sorted(kept, key=lambda p: p.start)


def merge_duplicates(doc: Doc, points: list[Point]) -> list[Point]:
    """Points with the same wording (folded case and spaces) are kept once, the first time."""
    seen: set[str] = set()
    out: list[Point] = []
    for p in points:
        key = " ".join(doc.low[p.start:p.end].split())
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
