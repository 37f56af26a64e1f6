"""Unquoted names of the reviewed work, and the checks every title candidate passes.

A sentence's subject before a year cue or a copula that calls it a work ("Unsere Erde aus dem Jahr
2007 ist ...", "Good Bye Lenin! ist einer der schönsten Filme"), and the name right after a work
noun ("der Film Oppenheimer erzählt", "die Netflix-Serie Squid Game"). Used by title.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..lang.base import Language
from ..lang.starts import needs_digit
from ..text import Doc, Sentence
from ._common import Finding, words_before

FIELD = "title"
_MAX_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?–]")  # where the words after a copula stop
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


@cache
def _copula_pattern(words: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in words)
    # "\s\s*" is "\s+", written so the pattern starts with a character class: the engine
    # then skips to white space in C instead of trying every position (4x faster per window)
    return re.compile(rf"\s\s*(?:{alternation})\s", flags)


@cache
def _lowered_copula(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The copula pattern without re.IGNORECASE, for the lowercased text (twice as fast: the
    engine compares case-blind letters one alternative at a time); None when a word is not
    lowercase Latin-1, where the two ways could differ."""
    if not all(w == w.lower() and _BEYOND_LATIN1.search(w) is None for w in words):
        return None
    return _copula_pattern(words, 0)


def _lower_is_case_blind(text: str) -> bool:
    """Whether matching lowercase words in the lowercased text finds what matching them in
    `text` with re.IGNORECASE finds: when no character beyond Latin-1 has a case. The engine
    folds a few of those onto Latin letters ("ſ" onto "s", the Kelvin sign onto "k"), which
    str.lower does not; quotes and dashes have no case. Those characters are found as the "?"
    of the Latin-1 encoding (a C scan; a regex class over the text costs five times more)."""
    data = text.encode("latin-1", "replace")
    i = data.find(b"?")
    while i >= 0:
        c = text[i]
        if c.lower() != c or c.upper() != c:
            return False
        i = data.find(b"?", i + 1)
    return True


def _copula_after(doc: Doc, sent: Sentence, at: int, lowered: re.Pattern[str] | None,
                  copula: re.Pattern[str]) -> tuple[int, int] | None:
    """(start, end) in the sentence of the first copula within 90 characters from `at`."""
    if lowered is not None:
        lo = sent.start + at
        hit = lowered.search(doc.low, lo, min(lo + 90, sent.end))
        return None if hit is None else (hit.start() - sent.start, hit.end() - sent.start)
    found = copula.search(sent.text, at, at + 90)
    return None if found is None else found.span()


@cache
def _needs_digit(rx: re.Pattern[str]) -> bool:
    return needs_digit(rx)


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted `positions` lies in [lo, hi)."""
    i = bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _clean(s: str) -> str:
    return s.strip().strip("„“”\"'»«‚‘’").strip(" .:-–—,")


def _plausible(doc: Doc, title: str) -> bool:
    words = title.split()
    if not words or len(words) > _MAX_WORDS or len(title) < 2:
        return False
    low = title.lower()
    if len(words) == 1 and low in doc.lang.wordset("function_words"):
        return False  # "Die" left of a cut heading is no name
    rejects = doc.lang.wordset("title_reject")
    if low in rejects or low.startswith(_word_prefixes(rejects)):
        return False
    return not title.endswith("?")


@cache
def _word_prefixes(words: frozenset[str]) -> tuple[str, ...]:
    """Each word with a space after it: one `startswith` call tests them all."""
    return tuple(w + " " for w in words)


def _subjects(doc: Doc) -> list[Finding]:
    """An unquoted name as a sentence's subject, before a year cue ("Unsere Erde aus dem Jahr
    2007 ist ...", "Kokowääh kam 2011 raus") or before a copula that calls it a work ("Good Bye
    Lenin! ist für mich einer der schönsten Filme")."""
    lang = doc.lang
    generic = lang.wordset("generic_subjects")
    works = lang.wordset("work_nouns")
    out: list[Finding] = []
    year_cue = lang.pattern("title_year_cue")
    copula = _copula_pattern(lang.words("copula"))
    lowered = _lowered_copula(lang.words("copula"))
    if lowered is not None and not _lower_is_case_blind(doc.text):
        lowered = None
    # where a sentence has no digit, the year cue cannot match: the digits are looked up once
    # per review instead of searching every sentence (None: not known, search them all)
    digits = doc.low_scan.digits() if _needs_digit(year_cue) else None
    for sent in doc.sentences:
        text = sent.text
        for at in _clause_starts(text):
            lo = sent.start + at
            # the cues are searched in the clause's first 90 characters without cutting them
            # out: neither pattern looks behind its start, and `endpos` ends the text as a cut
            stop = at + 90
            hit = None
            if digits is None or _any_in(digits, lo, min(lo + 90, sent.end)):
                year = year_cue.search(text, at, stop)
                hit = year.span() if year is not None else None
            weight = 2.0
            if hit is None:
                hit = _copula_after(doc, sent, at, lowered, copula)
                if hit is None:
                    continue
                end = _CLAUSE_END.search(text, hit[1])
                clause = text[hit[1]:end.start() if end else len(text)].lower().split()
                if not _calls_it_a_work(clause, works, lang.wordset("indefinite_articles"),
                                        lang.wordset("definite_articles")):
                    continue
            rest = text[at:]
            name = _after_generic_of(text[at:hit[0]].strip(), generic, lang)
            words = name.split()
            if not 1 <= len(words) <= 6 or not (name[0].isupper() or name[0].isdigit()
                                                 or sent.text.islower()):
                continue
            if words[0].lower() in generic or _generic_head(words[-1], generic):
                continue
            title = _clean(name)
            if not _plausible(doc, title):
                continue
            start = sent.start + at + rest.index(title)
            out.append(Finding(FIELD, title, start, start + len(title), "title.subject", weight))
    return out


def _apposition(doc: Doc) -> list[Finding]:
    """The name after "der Film", "in der Serie", "die Netflix-Serie" ("Der Film Oppenheimer
    erzählt ...", "In der Serie Babylon Berlin geht es ...")."""
    lang = doc.lang
    low = doc.low
    articles = lang.wordset("apposition_articles")
    adjectives = lang.wordset("apposition_adjectives")
    name_rx = lang.pattern("title_apposition")
    comparison = lang.wordset("comparison_cues")
    out: list[Finding] = []
    seen: set[int] = set()  # "kinofilm" and "film" end at the same place: one finding
    scan = doc.low_scan  # the rules look for several of these nouns too: found once
    for noun in lang.words("apposition_work_nouns"):
        after = 0  # occurrences are read left to right without overlap
        for i in scan.positions(noun):
            if i < after:
                continue
            start, end = i, i + len(noun)
            after = end
            if end in seen:
                continue
            seen.add(end)
            # a compound ending in the noun counts ("Netflix-Serie", "Kriminalfilm"): the
            # article stands before the compound; the name pattern checks the noun ends a word
            while start > 0 and (low[start - 1].isalpha() or low[start - 1] == "-"):
                start -= 1
            before = words_before(low, start, 4)
            if not before or not (before[-1] in articles or (
                    len(before) >= 2 and before[-1] in adjectives and before[-2] in articles)):
                continue
            if not comparison.isdisjoint(before):  # "im Vergleich zum Film Inception"
                continue
            m = name_rx.match(doc.text, end)
            if m is None:
                continue
            name = _clean(m.group("name"))
            words = name.split()
            if (not words or words[0].lower() in lang.wordset("generic_subjects")
                    or words[0] in lang.wordset("name_stopwords")  # "die Serie Netflix ..."
                    # "der Film Christian Petzolds": a maker's name in the genitive
                    or (len(words) == 2 and words[1][-1] in "s'’")
                    or not _plausible(doc, name)):
                continue
            s = m.start("name")
            out.append(Finding(FIELD, name, s, s + len(name), "title.apposition", 2.0))
    return out


def _clause_starts(sentence: str) -> list[int]:
    """The sentence start and every position after ": " ("Zum Film: Das Boot ist ...")."""
    out = [0]
    i = sentence.find(": ")
    while i >= 0:
        out.append(i + 2)
        i = sentence.find(": ", i + 2)
    return out


def _generic_head(word: str, generic: frozenset[str]) -> bool:
    """"Film", "Netflix-Serie": a word whose (compound) head is a generic noun."""
    w = word.lower().strip("!")
    return w in generic or w.rsplit("-", 1)[-1] in generic


def _after_generic_of(name: str, generic: frozenset[str], lang: Language) -> str:
    """"Die erste Staffel von 4 Blocks" -> "4 Blocks": the name after a generic noun + "von"."""
    for linker in lang.words("title_of_linkers"):
        head, sep, tail = name.partition(f" {linker} ")
        if sep and head and _generic_head(head.split()[-1], generic):
            return tail.strip()
    return name


def _calls_it_a_work(clause: list[str], works: frozenset[str], articles: frozenset[str],
                     definite: frozenset[str] = frozenset()) -> bool:
    """"ist für mich einer der schönsten Filme", "ist ein Gerichtsdrama": an indefinite article,
    later a work noun or a compound ending in one; or "ist der Film des Jahres", "ist die
    Überserie", "ist der beste Film": a definite article and a work noun with a genitive after
    it, or a compound work noun, or a superlative before it."""
    seen_article = seen_definite = False
    for i, w in enumerate(clause):
        if w in articles:
            seen_article = True
        elif w in definite and not seen_article:
            seen_definite = True
        elif (seen_article or seen_definite) and _is_work_noun(w, works):
            if seen_article:
                return True
            if w not in works and w.rstrip("ne") not in works:
                return True  # "ist die Überserie": a compound names a kind of work
            if i > 0 and clause[i - 1].endswith(("ste", "sten")):
                return True  # "ist der beste Film"
            return i + 1 < len(clause) and clause[i + 1] in definite  # "des Jahres"
    return False


def _is_work_noun(word: str, works: frozenset[str]) -> bool:
    if word in works or word.rstrip("ne") in works or word[:-1] in works:
        return True
    # a compound whose head is a work noun of four letters or more ("gerichtsdrama")
    return word.endswith(_compound_heads(works))


@cache
def _compound_heads(works: frozenset[str]) -> tuple[str, ...]:
    return tuple(n for n in works if len(n) >= 4)
