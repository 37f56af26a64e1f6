"""Unquoted names of the reviewed work, and the checks every title candidate passes.

A sentence's subject before a year cue or a copula that calls it a work ("Unsere Erde aus dem Jahr
2007 ist ...", "Good Bye Lenin! ist einer der schönsten Filme"), and the name right after a work
noun ("der Film Oppenheimer erzählt", "die Netflix-Serie Squid Game"). The shared checks and
measures (`clean_name`, `is_plausible`, `mentions`, `strip_media_brackets`) serve every title
module.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..lang.base import Language
from ..text import Doc
from ._common import Finding, words_before

FIELD = "title"
_MAX_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?–]")  # where the words after a copula stop
_DOUBLED_MARKS = frozenset({"??", "?!", "!?", "!!"})
SEPARATOR_MARKS = frozenset({"–", "—", "-", ":", "|", "//", "/", "·"})  # between name pieces
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]\s*$")


@cache
def _copula_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A copula of `words` between white space, in any case ("Dark ist", "DARK IST")."""
    return re.compile(rf"\s+(?:{'|'.join(re.escape(w) for w in words)})\s", re.IGNORECASE)


def clean_name(s: str) -> str:
    """A name without the white space, quote marks and punctuation around it."""
    return s.strip().strip("„“”\"'»«‚‘’").strip(" .:-–—,")


def is_plausible(doc: Doc, title: str) -> bool:
    """Whether `title` can be a name at all: one to eight words, not a lone function word, a
    rejected word ("Fazit"), a title label before its value ("Titel X") or a broadcaster ("Das
    Erste"). A question can be a name ("Was heißt hier Ende?"), unless it follows a
    separator."""
    words = title.split()
    if not words or len(words) > _MAX_WORDS or len(title) < 2:
        return False
    low = title.lower()
    if len(words) == 1 and low in doc.lang.wordset("function_words"):
        return False  # "Die" left of a cut heading is no name
    if low in doc.lang.wordset("broadcasters"):
        return False  # "Das Erste zeigt …": the channel, not the work
    rejects = doc.lang.wordset("title_reject")
    if low in rejects or low.startswith(_word_prefixes(rejects)):
        return False
    labels = doc.lang.wordset("title_labels")
    if low in labels or low.startswith(_word_prefixes(labels)):
        return False  # "Titel Heist": a table's label and its value, the value alone is a name
    if low in doc.lang.pages.info_labels:
        return False  # "Buch", "Staffeln": an info box's label standing alone
    if doc.lang.pattern("title_column_label").search(title):
        return False  # "Media Monday #295", "Kurzfilm der Woche": a column, not a work
    # "Nordlicht – wirklich so gut?": a question after a separator asks about the name before
    # it; "Was war das denn???": marks doubled in a customer's or a forum's headline
    if title.endswith("?") and not SEPARATOR_MARKS.isdisjoint(words):
        return False
    if title.count("„") > title.count("“") or title.count('"') % 2:
        return False  # "Sein neuer Film „Nordlicht": a quote opened and not closed
    return title[-2:] not in _DOUBLED_MARKS


@cache
def _word_prefixes(words: frozenset[str]) -> tuple[str, ...]:
    """Each word with a space after it: one `startswith` call tests them all."""
    return tuple(w + " " for w in words)


def mentions(doc: Doc, title: str, exclude: tuple[int, int] | None = None) -> int:
    """How often the title appears in the review outside `exclude`, as a whole word sequence."""
    needle = title.lower()
    if len(needle) < 2:
        return 0
    n = 0
    low, size = doc.low, len(needle)
    for i in doc.low_scan.positions(needle):
        if (i > 0 and low[i - 1].isalnum()) or low[i + size:i + size + 1].isalnum():
            continue  # inside a longer word
        if exclude and exclude[0] <= i < exclude[1]:
            continue
        n += 1
    return n


def strip_media_brackets(seg: str, media: tuple[str, ...], suffix: re.Pattern[str]) -> str:
    """Drop a trailing "[Blu-ray]" or "(10 DVDs)", keep a title's own "(Fast)"."""
    m = _BRACKETS.search(seg)
    if m is None:
        return seg
    inner = m.group().lower()
    if any(w in inner for w in media) or suffix.search(inner.strip(" ()[]")):
        return strip_media_brackets(seg[:m.start()], media, suffix)
    return seg


def subject_candidates(doc: Doc) -> list[Finding]:
    """An unquoted name as a sentence's subject, before a year cue ("Unsere Erde aus dem Jahr
    2007 ist ...", "Kokowääh kam 2011 raus") or before a copula that calls it a work ("Good Bye
    Lenin! ist für mich einer der schönsten Filme")."""
    lang = doc.lang
    generic = lang.wordset("generic_subjects")
    out: list[Finding] = []
    year_cue = lang.pattern("title_year_cue")
    copula = _copula_pattern(lang.words("copula"))
    # a year cue holds a year: it is looked for only where a digit stands (the review's digit
    # positions, the same in its lowercased twin, are shared with the rules; None where digits
    # are dense). About 1 % of a call.
    digits = doc.low_scan.digits()
    for sent in doc.sentences:
        text = sent.text
        for at in _clause_starts(text):
            if at and _after_info_label(doc, text, at):
                continue  # "Regie: Robert Clouse | aus 1973": an info box's value, no subject
            # the cues are searched in the clause's first 90 characters without cutting them
            # out: neither pattern looks behind its start, and `endpos` ends the text as a cut
            lo, hi = sent.start + at, sent.start + min(at + 90, len(text))
            dated = digits is None or bisect_left(digits, lo) < bisect_left(digits, hi)
            found = (dated and year_cue.search(text, at, at + 90)) or copula.search(
                text, at, at + 90)
            if found is None:
                continue
            hit = found.span()
            weight = 2.0
            if found.re is copula:
                end = _CLAUSE_END.search(text, hit[1])
                clause = text[hit[1]:end.start() if end else len(text)].lower().split()
                if not _calls_it_a_work(clause, lang):
                    continue
            rest = text[at:]
            name = _after_generic_of(text[at:hit[0]].strip(), generic, lang)
            words = name.split()
            if not 1 <= len(words) <= 6 or not (name[0].isupper() or name[0].isdigit()
                                                 or sent.text.islower()):
                continue
            if words[0].lower() in generic or _generic_head(words[-1], generic):
                continue
            title = clean_name(name)
            if not is_plausible(doc, title):
                continue
            start = sent.start + at + rest.index(title)
            out.append(Finding(FIELD, title, start, start + len(title), "title.subject", weight))
    return out


def apposition_candidates(doc: Doc) -> list[Finding]:
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
            name = clean_name(m.group("name"))
            words = name.split()
            if (not words or words[0].lower() in lang.wordset("generic_subjects")
                    or words[0] in lang.wordset("name_stopwords")  # "die Serie Netflix ..."
                    # "der Film Christian Petzolds": a maker's name in the genitive
                    or (len(words) == 2 and words[1].endswith(lang.words("genitive_endings")))
                    or not is_plausible(doc, name)):
                continue
            s = m.start("name")
            out.append(Finding(FIELD, name, s, s + len(name), "title.apposition", 2.0))
    return out


def _after_info_label(doc: Doc, text: str, at: int) -> bool:
    """Does the clause at `at` (after ": ") follow an info box's label ("Regie: X")?"""
    head = text[:at].rstrip(" :").split()
    return bool(head) and head[-1].lower() in doc.lang.pages.info_labels


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


def _calls_it_a_work(clause: list[str], lang: Language) -> bool:
    """"ist für mich einer der schönsten Filme", "ist ein Gerichtsdrama": an indefinite article,
    later a work noun or a compound ending in one; or "ist der Film des Jahres", "ist die
    Überserie", "ist der beste Film": a definite article and a work noun with a genitive after
    it, or a compound work noun, or a superlative before it."""
    works = lang.wordset("work_nouns")
    articles, definite = lang.wordset("indefinite_articles"), lang.wordset("definite_articles")
    plural = "".join(lang.words("work_noun_plural_letters"))
    seen_article = seen_definite = False
    for i, w in enumerate(clause):
        if w in articles:
            seen_article = True
        elif w in definite and not seen_article:
            seen_definite = True
        elif (seen_article or seen_definite) and _is_work_noun(w, works, plural):
            if seen_article:
                return True
            if w not in works and w.rstrip(plural) not in works:
                return True  # "ist die Überserie": a compound names a kind of work
            if i > 0 and clause[i - 1].endswith(lang.words("superlative_endings")):
                return True  # "ist der beste Film"
            return i + 1 < len(clause) and clause[i + 1] in definite  # "des Jahres"
    return False


def _is_work_noun(word: str, works: frozenset[str], plural: str) -> bool:
    """A work noun, its plural (`plural`: the letters a plural adds) or a form with one more
    letter ("films"), or a compound whose head is one of four letters or more ("gerichtsdrama")."""
    if word in works or word.rstrip(plural) in works or word[:-1] in works:
        return True
    return word.endswith(_compound_heads(works))


@cache
def _compound_heads(works: frozenset[str]) -> tuple[str, ...]:
    return tuple(n for n in works if len(n) >= 4)
