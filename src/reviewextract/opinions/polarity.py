"""Polarity of a clause from the lexicon: phrases, negation scope, modifiers, excess ("zu lang").

A clause is read as a row of units (a polar term, a negator, a modifier, an excess marker or a
plain word). Each polar unit's weight is multiplied by the modifiers right before it and flipped
by the negators that reach it; the clause score is the sum.

Most words are plain: they only take up a place in the row (negation reaches a few places), so
they get no `Unit` object; each unit carries its place (`pos`) and the row's length is returned
beside the units.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, NamedTuple

from ..lang.lexicon import Lexicon, Profile
from ..lang.lexicon_model import END_OF_CLAUSE
from ..text import Doc, WordIndex
from . import tokens

NEG_WINDOW = 8  # a negator reaches a polar word this many words later ("nicht mit X mithalten")
BACK_WINDOW = 5  # … or, with none after it, one this many words before ("überzeugt nicht")
# … and this many when it ends the clause ("gefielen mir … nicht"); 10 to 25 moved the same
# tuning record, the smallest was kept (docs/evaluate.md)
LAST_WORD_BACK_WINDOW = 10
CLOSING_WORDS = 2  # … when it is among the last words of its clause ("kommt … nicht aus")
FLIP_POS = 0.8  # "nicht gut" is a weaker point than "schlecht"
FLIP_NEG = 0.6  # "nicht schlecht" is faint praise
EXCESS_WEIGHT = -1.0  # "zu X" on a word without polarity of its own
EXCESS_BOOST = 1.2  # "viel zu lang"


class Unit(NamedTuple):
    """A word or phrase of a clause that matters for its polarity."""

    start: int
    end: int
    kind: str  # polar | neg | than (a comparative "als") | mod | excess | word
    weight: float
    term: str
    pos: int  # its place in the clause's row of units, plain words included


# (start, end), or a `reader.ClauseSpan` (start, end, opener): only the first two are read
ClauseRange = tuple[int, int] | tuple[int, int, str]


@dataclass(slots=True)
class Polarity:
    """The score of one clause, its positive and negative parts and where they were found."""

    score: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    raw: float = 0.0  # the sum before negation: what "nicht X, sondern Y" hands on to Y
    meta_only: bool = False  # all polar words are announcements ("Schwächen gibt es …")
    negated_at: int = -1  # offset of the clause's first negator, -1 if none
    topic: float = 0.0  # polarity of the words before that negator ("Das Problem … nicht …")
    spans: list[tuple[int, int, float]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)



def _match_phrase(lex: Lexicon, words: list[str], i: int,
                  lengths: tuple[int, ...]) -> tuple[int, str, float, str] | None:
    """The longest phrase (polar, negator, modifier, neutral) at word i: (length, kind, w, term).

    `lengths` are those of the entries that begin with words i and i + 1 (`phrase_lengths`).
    `words` ends with `END_OF_CLAUSE`, so a phrase ending in it only matches at the clause end.
    """
    for n in lengths:
        if n <= len(words) - i:
            hit = lex.phrase_table.get(tuple(words[i:i + n]))
            if hit is not None:
                return n, *hit
    return None


def _is_excess(lex: Lexicon, text: str, words: list[str], starts: list[int], i: int) -> bool:
    """True for "zu" + an adjective: not an infinitive ("zu sagen"), not a noun ("zu Ende").

    `words` ends with `END_OF_CLAUSE`; `starts` holds the offsets of the real words.
    """
    if words[i] not in lex.excess or i + 1 >= len(starts):
        return False
    nxt = words[i + 1]
    if nxt in lex.excess_exempt or nxt[0].isdigit() or text[starts[i + 1]].isupper():
        return False
    if nxt in lex.excess_adjectives or nxt in lex.modifiers:
        return True
    entry = lex.lookup(nxt)
    if entry is not None:
        return entry.kind != "head"  # "zu Problemen" in lowercase text is not an excess
    return nxt.endswith(lex.adjective_suffixes)


def _clause_words(ix: WordIndex, reading: tokens.Reading, i: int, j: int, a: int, b: int
                  ) -> tuple[list[int], list[int], list[str], list[Profile | None], list[int]]:
    """Starts, ends, words and profiles of the words i..j of the review that lie outside
    quotation marks (a quoted title ("„Im Westen nichts Neues“") or quoted speech is not the
    reviewer's own judgement), and the places among them of the words to visit: the live words
    `live[a:b]`, or every profiled word when quoted words are left out (the next word changes,
    and with it which phrases can match)."""
    profs, flags, q_first, q_end, live = reading
    # the last quoted run that begins before j is the only one that can reach into i..j
    k = bisect_left(q_first, j) - 1
    if k < 0 or q_end[k] <= i:
        return (ix.starts[i:j], ix.ends[i:j], ix.words[i:j], profs[i:j],
                [k - i for k in live[a:b]])
    assert flags is not None
    keep = [k for k in range(i, j) if not flags[k]]
    kept = [profs[k] for k in keep]
    return ([ix.starts[k] for k in keep], [ix.ends[k] for k in keep],
            [ix.words[k] for k in keep], kept, list(compress(range(len(keep)), kept)))


def units(lex: Lexicon, doc: Doc, reading: tokens.Reading, i0: int, j0: int, a: int, b: int
          ) -> tuple[list[Unit], int]:
    """The clause of the review's words i0..j0, which holds the live words `live[a:b]` (at
    least one), as a row of units: those that matter, and the row's length.

    A plain word, or a word that ends up as nothing but a word, gets no Unit, except right after
    an excess marker ("zu lang": the marker's span runs to the next unit).
    """
    ix = doc.words
    starts, ends, words, profs, visit = _clause_words(ix, reading, i0, j0, a, b)
    n = len(words)
    # a counterfactual clause ("nicht weil sie schlecht wären", "ich hätte gern besser
    # verstanden") states no quality the work has: only its listed phrases count
    irrealis = not lex.irrealis.isdisjoint(words)
    # … unless it wishes ("hätte spannender sein können", "hätte ich mir mehr gewünscht"): its
    # praise is what the work lacks
    wish = irrealis and not lex.wishes.isdisjoint(words)
    words.append(END_OF_CLAUSE)
    out: list[Unit] = []
    comparative = False  # an "eher"/"mehr" seen: a later "als" denies what follows it
    after_excess = False  # the previous unit is an excess marker: keep this one
    phrase_lengths, split_verbs = lex.phrase_lengths, lex.split_verbs
    i = pos = 0
    # only the profiled words are visited; the plain ones between them just take up places
    for k in visit:
        if k < i:
            continue  # inside a phrase matched before
        if k > i:
            if after_excess:  # "zu lang": the plain word after the marker is kept
                out.append(Unit(starts[i], ends[i], "word", 0.0, words[i], pos))
                after_excess = False
            pos += k - i
            i = k
        p = profs[i]
        assert p is not None
        w = words[i]
        if p.phrase_start:
            # mostly no entry begins with these two words, and no call is made
            lengths = phrase_lengths.get((w, words[i + 1]))
            if lengths is not None:
                hit = _match_phrase(lex, words, i, lengths)
                if hit is not None:
                    m, kind, weight, term = hit
                    m_real = min(m, n - i)
                    if kind != "word" or after_excess:
                        out.append(Unit(starts[i], ends[i + m_real - 1], kind, weight, term, pos))
                    after_excess = False
                    i += m_real
                    pos += 1
                    continue
            if w in split_verbs and i < n - 2:
                split = lex.split_phrases.get((w, words[n - 1]))
                if split is not None:  # a separable verb: "fällt die Folge deutlich ab"
                    out.append(Unit(starts[i], ends[i], "polar", split.weight, split.term, pos))
                    after_excess = False
                    i += 1
                    pos += 1
                    continue
        if p.inert:  # nothing but a phrase start, and no phrase here: a plain word
            kind, weight, term = "word", 0.0, w
        else:
            kind, weight, term = _word_unit(lex, doc.text, words, starts, profs, i, comparative)
            if irrealis and kind == "polar":
                if wish and weight > 0:
                    weight = -weight * FLIP_POS
                else:
                    kind = "word"
            comparative = comparative or p.comparative
        if kind != "word" or after_excess:
            out.append(Unit(starts[i], ends[i], kind, weight, term, pos))
        after_excess = kind == "excess"
        i += 1
        pos += 1
    if i < n:
        if after_excess:
            out.append(Unit(starts[i], ends[i], "word", 0.0, words[i], pos))
        pos += n - i
    return out, pos


def _word_unit(lex: Lexicon, text: str, words: list[str], starts: list[int],
               profs: list[Profile | None], i: int, comparative: bool) -> tuple[str, float, str]:
    """(kind, weight, term) of the single word i, which has a role of its own; its span and
    place are filled in by `units`."""
    p = profs[i]
    assert p is not None
    w, nxt = words[i], words[i + 1]
    if p.excess and _is_excess(lex, text, words, starts, i):
        return "excess", 0.0, w
    if p.negator:
        return "neg", 0.0, w
    if p.than and (comparative or p.comparative):
        # "eher verwirrt als gepackt": what follows "als" is denied, never what stands before
        # it ("eher grauslich als gruselig")
        return "than", 0.0, w
    entry = p.entry
    modifier = p.modifier
    if modifier is not None:
        nxt_p = profs[i + 1] if i + 1 < len(starts) else None
        if entry is None:
            return "mod", modifier, w
        # a word that is both ("einfach", "stark") modifies only a polar word after it: an
        # excess marker or another modifier after a modifier is what it strengthens
        # ("einfach zu viel", "unglaublich viel")
        if nxt_p is not None and (nxt_p.entry is not None or nxt_p.modifier is not None or (
                nxt_p.excess and _is_excess(lex, text, words, starts, i + 1))):
            return "mod", modifier, w
        if w in lex.adverbs_first and (nxt_p is None or nxt_p.negator) and (
                nxt != END_OF_CLAUSE):
            # "die sich einfach X nennen", "passiert einfach nicht viel": before a plain word
            # or a negator it is the adverb, not the quality
            return "word", 0.0, w
    if not p.comparative and entry is not None and not (
            entry.kind == "adj" and entry.weight > 0 and nxt[0].isdigit()):
        # praise before a number is an approximation ("gut 90 Minuten", "satte 3 Stunden")
        return "polar", entry.weight, entry.term
    return "word", 0.0, w


def negation_counts(us: list[Unit], n: int,
                    shielded: Callable[[Unit, Unit], bool] | None = None) -> list[int]:
    """How many negators reach each unit (`n`: the length of the row, plain words included).

    A negator reaches the first polar unit after it in the clause ("nicht immer einfach"); a
    negator with no polar unit after it reaches back to a polar unit close before it
    ("überzeugt nicht", "ohne Schwächen kommt … nicht aus"). A blame word that `shielded`
    says stands inside a phrase of its own ("konnte nichts mit den platten Sprüchen
    anfangen": the negator denies the verb, not "platt") is not reached.
    """
    counts = [0] * len(us)
    # index of the next polar (or excess) unit after each position, found in one backward pass
    nxt: list[int | None] = [None] * len(us)
    following: int | None = None
    for j in range(len(us) - 1, -1, -1):
        nxt[j] = following
        if us[j].kind in ("polar", "excess"):
            following = j
    last_polar: int | None = None
    for k, u in enumerate(us):
        if u.kind in ("neg", "than"):
            after = nxt[k]
            if after is not None and us[after].pos - u.pos <= NEG_WINDOW:
                if not (shielded is not None and us[after].weight < 0
                        and shielded(u, us[after])):
                    counts[after] += 1
            elif (u.kind == "neg" and after is None and last_polar is not None
                  and u.pos >= n - CLOSING_WORDS and u.pos - us[last_polar].pos <= (
                      LAST_WORD_BACK_WINDOW if u.pos == n - 1 else BACK_WINDOW)):
                counts[last_polar] += 1
        elif u.kind == "polar":
            last_polar = k
    return counts


def _right_before(us: list[Unit], j: int, kind: str) -> bool:
    """Is the unit in the place right before unit j's of this kind?"""
    return j > 0 and us[j - 1].kind == kind and us[j - 1].pos == us[j].pos - 1


def score_units(us: list[Unit], n: int, negated: bool = True,
                shielded: Callable[[Unit, Unit], bool] | None = None) -> Polarity:
    """The clause's polarity from its units; `negated` False says no unit is a negator (the
    counts are then all zero and are not made)."""
    pol = Polarity()
    negs = negation_counts(us, n, shielded) if negated else None
    for j, (s, e, kind, w, term, pos) in enumerate(us):
        if kind == "excess":
            if negs is not None and negs[j] % 2:
                continue  # "nicht zu lang" states no fault
            # the unit after an excess marker is always kept, so it is the next one
            nxt = us[j + 1] if pos + 1 < n else None
            base = nxt.weight if nxt is not None and nxt.kind == "polar" else 0.0
            w = min(-abs(base), EXCESS_WEIGHT)
            if _right_before(us, j, "mod"):
                w *= EXCESS_BOOST
            _add(pol, s, nxt.end if nxt is not None else e, w, "excess")
            continue
        if kind != "polar" or _right_before(us, j, "excess"):
            continue
        k = j
        while _right_before(us, k, "mod"):
            k -= 1
            w *= us[k].weight
        pol.raw += w
        if negs is not None and negs[j] % 2:
            w = -w * (FLIP_POS if w > 0 else FLIP_NEG)
            _add(pol, s, e, w, "negated:" + term)
        else:
            _add(pol, s, e, w, "lexicon:" + term)
    return pol


def _add(pol: Polarity, start: int, end: int, w: float, rule: str) -> None:
    pol.score += w
    if w > 0:
        pol.positive += w
    else:
        pol.negative += w
    pol.spans.append((start, end, w))
    pol.rules.append(rule)


def _nothing(cache: dict[Any, Any]) -> Polarity:
    """The polarity of a clause that says nothing: one record per review, shared by all such
    clauses (most of them), since no step changes a clause's polarity once it is made."""
    pol = cache.get("nothing")
    if pol is None:
        pol = cache["nothing"] = Polarity()
    return pol


def clause_polarity(lex: Lexicon, doc: Doc, start: int, end: int) -> Polarity:
    """The polarity of `doc.text[start:end]`; remembered while the review is being read."""
    return clause_polarities(lex, doc, ((start, end),))[0]


def clause_polarities(lex: Lexicon, doc: Doc, spans: Iterable[ClauseRange]
                      ) -> list[Polarity]:
    """`clause_polarity` of each (start, end, …) span, in one call: a sentence's clauses are
    looked up together, and most of them (those without a live word) go no further than a
    few bisections."""
    cache = tokens.memo(doc)
    reading: tokens.Reading | None = None  # fetched at the first clause not remembered (most
    out: list[Polarity] = []  # calls find all of them remembered)
    for span in spans:
        key = ("polarity", span[0], span[1])
        pol = cache.get(key)
        if pol is None:
            if reading is None:
                reading = tokens.reading(doc, lex)
            i0, j0 = doc.words.inside(span[0], span[1])
            a = bisect_left(reading.live, i0)  # the clause's live words: live[a:b]
            b = bisect_left(reading.live, j0, a)
            # the usual clause has no word that can make a unit: nothing to read
            pol = cache[key] = _read(lex, doc, reading, i0, j0, a, b) if a < b else _nothing(
                cache)
        out.append(pol)
    return out


def _phrase_shield(doc: Doc) -> Callable[[Unit, Unit], bool]:
    """Is there a preposition between a negator and a polar unit? Then the polar word stands
    inside a prepositional phrase ("nichts mit den platten Sprüchen", "nicht für die endlose
    Langeweile") that the negator does not deny."""
    preps = doc.lang.wordset("prepositions")
    words = doc.words

    def shielded(neg: Unit, polar: Unit) -> bool:
        i, j = words.inside(neg.end, polar.start)
        return not preps.isdisjoint(words.words[i:j])
    return shielded


def _lack_before_praise(us: list[Unit], lack: frozenset[str]) -> list[Unit]:
    """A verb of lack before praise ("Es fehlen überzeugende Figuren") denies the praise, as a
    negator would, and adds no blame of its own; anywhere else it is the blame it is ("Es fehlt
    an Spannung")."""
    out = list(us)
    for k, u in enumerate(us):
        if u.kind != "polar" or u.term not in lack:
            continue
        nxt = next((v for v in us[k + 1:] if v.kind in ("polar", "excess")), None)
        if nxt is not None and nxt.kind == "polar" and nxt.weight > 0 and (
                nxt.pos - u.pos <= NEG_WINDOW):
            out[k] = u._replace(kind="neg", weight=0.0)
    return out


def _read(lex: Lexicon, doc: Doc, reading: tokens.Reading, i0: int, j0: int, a: int, b: int
          ) -> Polarity:
    """The polarity of the clause of words i0..j0, which holds the live words `live[a:b]`."""
    us, n = units(lex, doc, reading, i0, j0, a, b)
    if not us:
        return _nothing(doc.words.memo)
    if lex.lack_verbs:
        us = _lack_before_praise(us, lex.lack_verbs)
    kinds = [u.kind for u in us]
    negated = "neg" in kinds or "than" in kinds
    polar: list[Unit] = []
    if "polar" in kinds:
        polar = [u for u in us if u.kind == "polar"]
        pol = score_units(us, n, negated, _phrase_shield(doc) if negated else None)
        low, meta = doc.low, lex.meta_nouns
        pol.meta_only = all(low[u.start:u.end] in meta for u in polar)
    elif "excess" in kinds:
        pol = score_units(us, n, negated)
    else:
        # modifiers and negators with nothing to act on score nothing (a negator is still
        # marked below: a fresh record, not the shared one)
        pol = Polarity()
    if negated:
        first_neg = us[kinds.index("neg" if "neg" in kinds else "than")].start
        pol.negated_at = first_neg
        pol.topic = sum(u.weight for u in polar if u.end <= first_neg)
    return pol
