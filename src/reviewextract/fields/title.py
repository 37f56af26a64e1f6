"""The reviewed work's title.

Sources, each scored: the headline (split at separators such as " – " and ": ", with prefixes like
"Re:" and suffixes like "Staffel 1" or "[Blu-ray]" removed), quoted names („…“, "…", '…', »…«), and
an unquoted name right before a year in parentheses or a release cue ("Parasite (2019)"). A name
the review keeps mentioning scores higher; a quoted name after a comparison cue ("wie „Expanse“")
scores lower, as another work. Below a threshold the title stays null.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..lang.base import Language
from ..lang.starts import finditer_scan, needs_digit, start_set
from ..text import Doc
from ._common import Finding, words_after, words_before

FIELD = "title"
_THRESHOLD = 2.0
_QUOTES = re.compile(
    r"„([^“”\"\n]{1,80})[“”\"]|“([^”\n]{1,80})”|»([^«\n]{1,80})«|«([^»\n]{1,80})»"
    # the lookbehinds stand after the quote mark, so the pattern starts with a character the
    # engine can scan for (a leading lookbehind made it try every position)
    r"|\"(?<!\w\")([^\"\n]{1,80})\"|'(?<!\w')([^'\n]{1,80})'(?!\w)|‚([^‘’\n]{1,80})[‘’]"
)
_QUOTE_STARTS = start_set(_QUOTES)  # the opening marks: tried only where one stands
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]\s*$")
_STARS = re.compile(r"^[\s★☆⭐✩½]+")
_YEAR_IN_PARENS = re.compile(r"\((?:1[89]|20)\d\d\)")
_YEAR_AFTER = re.compile(r"\s*\((?:1[89]|20)\d\d\)")
_PHRASE_BEFORE = re.compile(r"[^.?:;\n„“\"()]{1,61}$")
_MAX_WORDS = 8
_GENITIVE_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]+\s+[A-ZÄÖÜ][\w-]+(?:s|’|')\s*$")
_CLAUSE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


@cache
def _copula_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s+(?:{alternation})\s", re.IGNORECASE)


@cache
def _needs_digit(rx: re.Pattern[str]) -> bool:
    return needs_digit(rx)


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted `positions` lies in [lo, hi)."""
    i = bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _at_clause_start(text: str, pos: int) -> bool:
    return bool(_CLAUSE_START.search(text[max(0, pos - 3):pos]))


def _clean(s: str) -> str:
    return s.strip().strip("„“”\"'»«‚‘’").strip(" .:-–—,")


def _strip_media_brackets(seg: str, media: tuple[str, ...], suffix: re.Pattern[str]) -> str:
    """Drop a trailing "[Blu-ray]" or "(10 DVDs)", keep a title's own "(Fast)"."""
    m = _BRACKETS.search(seg)
    if m is None:
        return seg
    inner = m.group().lower()
    if any(w in inner for w in media) or suffix.search(inner.strip(" ()[]")):
        return _strip_media_brackets(seg[:m.start()], media, suffix)
    return seg


def _labelled(doc: Doc) -> list[Finding]:
    """ "Originaltitel: Dune: Part Two" in an info box: the whole value is the title."""
    labels = doc.lang.wordset("title_labels")
    out = []
    for s, e in doc.lines[:25]:
        label, sep, value = doc.text[s:e].partition(":")
        if sep and label.strip().lower() in labels and value.strip():
            title = _clean(value)
            if _plausible(doc, title):
                start = s + len(label) + 1 + value.index(title)
                out.append(Finding(FIELD, title, start, start + len(title), "title.label", 4.0))
    return out


def _mentions(doc: Doc, title: str, exclude: tuple[int, int] | None = None) -> int:
    """How often the title appears in the review outside `exclude`, as a whole word sequence."""
    needle = title.lower()
    if len(needle) < 2:
        return 0
    n = 0
    for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", doc.low):
        if exclude and exclude[0] <= m.start() < exclude[1]:
            continue
        n += 1
    return n


def _plausible(doc: Doc, title: str) -> bool:
    words = title.split()
    if not words or len(words) > _MAX_WORDS or len(title) < 2:
        return False
    low = title.lower()
    rejects = doc.lang.wordset("title_reject")
    if low in rejects or low.startswith(_word_prefixes(rejects)):
        return False
    return not title.endswith("?")


@cache
def _word_prefixes(words: frozenset[str]) -> tuple[str, ...]:
    """Each word with a space after it: one `startswith` call tests them all."""
    return tuple(w + " " for w in words)


def _headline(doc: Doc) -> list[Finding]:
    """Segments of the first line when it stands alone as a headline."""
    if len(doc.lines) < 2:
        return []
    s0, e0 = doc.lines[0]
    line = doc.text[s0:e0]
    if len(line) > 110 or (line.rstrip().endswith(".") and not line.rstrip().endswith("...")):
        return []
    lang = doc.lang
    # an info box follows ("Regie: ...", "Jahr: ..."): the headline is the title itself
    infobox = sum(1 for s, e in doc.lines[1:6] if re.match(r"[\w /]{2,30}:\s*\S", doc.text[s:e]))
    out: list[Finding] = []
    pos = s0
    stars = _STARS.match(line)
    if stars:
        pos += stars.end()
    said_review = False  # "Filmkritik zu X", "X – Kritik": the headline names the work
    for prefix in (*lang.words("title_review_prefixes"), *lang.words("title_prefixes")):
        if doc.low.startswith(prefix, pos):
            pos += len(prefix)
            said_review = prefix in lang.wordset("title_review_prefixes")
            break
    end = e0
    suffixes = lang.wordset("title_review_suffixes")
    for suffix in suffixes:  # "Barbie im Test": an ending with no separator before it
        if " " in suffix and doc.low[pos:e0].rstrip().endswith(" " + suffix):
            end = pos + len(doc.low[pos:e0].rstrip()) - len(suffix) - 1
            said_review = True
            break
    seps = "|".join(re.escape(x) for x in lang.words("title_separators"))
    pieces = re.split(f"({seps})", doc.text[pos:end])
    offset = pos
    for i, piece in enumerate(pieces):
        if i % 2 == 1:
            offset += len(piece)
            continue
        start = offset + len(piece) - len(piece.lstrip())
        offset += len(piece)
        seg = piece.strip()
        weight = 1.0 + (0.5 if i == 0 else 0.0) + (1.5 if i == 0 and said_review else 0.0)
        if i > 0 and _clean(seg).lower() in suffixes:
            if out and out[-1].rule == "title.headline":
                out[-1].weight += 1.5  # "Barbie – Filmkritik": the segment before is the name
            continue
        stripped = _strip_media_brackets(seg, lang.words("title_media_words"),
                                        lang.pattern("title_season_suffix"))
        marked = stripped != seg  # "[Blu-ray]", "(10 DVDs)": a product title
        seg = stripped
        cut = lang.pattern("title_season_suffix").search(seg.lower())
        if (cut and cut.start() == 0) or not seg:
            # a segment that is only "Staffel 2" or "Die komplette Serie" marks the one before
            if out and out[-1].rule == "title.headline":
                out[-1].weight += 1.5
            continue
        if cut:
            seg = seg[:cut.start()]
            marked = True
        if marked:
            weight += 1.5
        seg = _clean(seg)
        if not _plausible(doc, seg):
            continue
        if infobox >= 2 and i == 0:
            weight += 3.0
        if _mentions(doc, seg, (s0, e0)):
            weight += 2.0
        out.append(Finding(FIELD, seg, start, start + len(seg), "title.headline", weight))
    return out


def _quoted(doc: Doc) -> list[Finding]:
    comparison = doc.lang.wordset("comparison_cues")
    others = doc.lang.wordset("other_work_nouns")
    copula = doc.lang.wordset("copula")
    linkers = doc.lang.wordset("title_of_linkers")
    works = doc.lang.wordset("work_nouns")
    seen: dict[str, Finding] = {}
    for m in finditer_scan(_QUOTES, _QUOTE_STARTS, doc.text_scan, 0, len(doc.text)):
        gi = next(i for i in range(1, 8) if m.group(i) is not None)
        raw = m.group(gi)
        title = _clean(raw)
        if not title or not (title[0].isupper() or title[0].isdigit()):
            continue
        if not _plausible(doc, title):
            continue
        if title.endswith((".", ",")) or len(title.split()) > 6:
            continue
        key = title.lower()
        before = words_before(doc.low, m.start(), 2)
        weight = 1.0
        if before and (before[-1] in comparison or before[-1] in others):
            weight -= 0.75
        elif len(before) == 2 and before[-1] in linkers and before[0] in works:
            weight += 1.0  # "die zweite Staffel von „Fargo“": the reviewed work's part
        if _YEAR_AFTER.match(doc.text[m.end():m.end() + 8]):
            weight += 1.5
        if m.start() < 300:
            weight += 0.5
        if _GENITIVE_BEFORE.search(doc.text[max(0, m.start() - 40):m.start()]):
            weight += 1.0  # "Greta Gerwigs „Barbie“": a maker's work
        if _at_clause_start(doc.text, m.start()):
            first = words_after(doc.low, m.end(), 1)
            if first and first[0] in copula:
                weight += 1.0  # "„Der Tatortreiniger“ ist ...": the review's subject
        if key in seen:
            seen[key].weight += max(weight, 0.5)
            seen[key].spans.append((m.start(gi), m.start(gi) + len(title)))
            continue
        s = m.start(gi) + raw.index(title)
        seen[key] = Finding(FIELD, title, s, s + len(title), "title.quoted", weight)
    return list(seen.values())


def _before_year(doc: Doc) -> list[Finding]:
    glue = doc.lang.wordset("title_glue_words")
    out = []
    for y in _YEAR_IN_PARENS.finditer(doc.text):
        # the phrase before "(2019)", back to the last sentence punctuation or quote
        e = y.start()
        while e > 0 and doc.text[e - 1] in " \t":
            e -= 1
        m = _PHRASE_BEFORE.search(doc.text, max(0, e - 61), e)
        if m is None:
            continue
        s = m.start() + len(m.group()) - len(m.group().lstrip(" \t,!"))
        phrase = doc.text[s:e]
        # keep the trailing capitalised run: "Für mich ganz klar Parasite" -> "Parasite"
        words = phrase.split()
        keep: list[str] = []
        for w in reversed(words):
            if w[:1].isupper() or w[:1].isdigit() or (keep and w.lower() in glue):
                keep.insert(0, w)
            else:
                break
        while keep and not (keep[0][:1].isupper() or keep[0][:1].isdigit()):
            keep.pop(0)
        if not keep:
            continue
        title = _clean(" ".join(keep))
        if title.lower() in doc.lang.wordset("season_nouns"):
            continue
        if not _plausible(doc, title) or " ".join(keep) not in phrase:
            continue
        ts = s + phrase.rindex(" ".join(keep))
        out.append(Finding(FIELD, title, ts, ts + len(title), "title.before_year", 2.5))
    return out


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
    # where a sentence has no digit, the year cue cannot match: the digits are looked up once
    # per review instead of searching every sentence (None: not known, search them all)
    digits = doc.low_scan.digits() if _needs_digit(year_cue) else None
    for sent in doc.sentences:
        for at in _clause_starts(sent.text):
            rest = sent.text[at:]
            lo = sent.start + at
            hi = min(lo + 90, sent.end)
            hit = None
            if digits is None or _any_in(digits, lo, hi):
                hit = year_cue.search(rest[:90])
            weight = 2.0
            if hit is None:
                hit = copula.search(rest[:90])
                if hit is None:
                    continue
                clause = re.split(r"[,;:.!?–]", rest[hit.end():])[0].lower().split()
                if not _calls_it_a_work(clause, works, lang.wordset("indefinite_articles")):
                    continue
            name = _after_generic_of(rest[:hit.start()].strip(), generic, lang)
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


def _calls_it_a_work(clause: list[str], works: frozenset[str], articles: frozenset[str]) -> bool:
    """"ist für mich einer der schönsten Filme": an indefinite article, later a work noun."""
    seen_article = False
    for w in clause:
        if w in articles:
            seen_article = True
        elif seen_article and (w in works or w.rstrip("ne") in works or w[:-1] in works):
            return True
    return False


def _page_hint(doc: Doc) -> list[Finding]:
    """The page's own title (h1, og:title, JSON-LD name), split at separators: a segment counts
    only where the review text states it, so the evidence points into the text."""
    if not doc.title_hint:
        return []
    seps = "|".join(re.escape(x) for x in doc.lang.words("title_separators"))
    out = []
    for seg in [doc.title_hint, *re.split(seps, doc.title_hint)]:
        media = doc.lang.words("title_media_words")
        suffix = doc.lang.pattern("title_season_suffix")
        seg = _clean(suffix.sub("", _strip_media_brackets(seg.strip(), media, suffix)))
        if not _plausible(doc, seg):
            continue
        m = re.search(r"(?<!\w)" + re.escape(seg.lower()) + r"(?!\w)", doc.low)
        if m:
            out.append(Finding(FIELD, doc.text[m.start():m.end()], m.start(), m.end(),
                               "title.page_hint", 2.0))
    return out


def candidates(doc: Doc) -> list[Finding]:
    found = (_headline(doc) + _quoted(doc) + _before_year(doc) + _subjects(doc)
             + _page_hint(doc) + _labelled(doc))
    merged: dict[str, Finding] = {}
    for f in found:
        key = f.value.lower()
        if key in merged:
            merged[key].weight += f.weight
            merged[key].spans.append((f.start, f.end))
        else:
            merged[key] = f
    return list(merged.values())


def resolve(findings: list[Finding]) -> Finding | None:
    if not findings:
        return None
    top = max(findings, key=lambda f: (f.weight, -f.start))
    # "Dune" inside a stated "Dune: Part Two": the longer name is the title
    longer = [f for f in findings if f.weight >= _THRESHOLD + 1 and len(f.value) > len(top.value)
              and f.value.lower().startswith(top.value.lower())]
    if longer:
        top = max(longer, key=lambda f: f.weight)
    return top if top.weight >= _THRESHOLD else None
