"""The reviewed work's title.

Sources, each scored: the headline (split at separators such as " – " and ": ", with prefixes like
"Re:" and suffixes like "Staffel 1" or "[Blu-ray]" removed), quoted names („…“, "…", '…', »…«), and
an unquoted name right before a year in parentheses or a release cue ("Parasite (2019)") or right
after a work noun ("der Film Oppenheimer erzählt"; those unquoted names are found in
title_names.py). A name the review keeps mentioning scores higher; a quoted name after a
comparison cue ("wie „Expanse“") scores lower, as another work. Below a threshold the title stays
null.
"""

from __future__ import annotations

import re

from ..lang.starts import finditer_scan, start_set
from ..text import Doc
from ._common import Finding, words_after, words_before
from .title_names import _apposition, _clean, _plausible, _subjects

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
_GENITIVE_BEFORE = re.compile(r"[A-ZÄÖÜ][\w-]+\s+[A-ZÄÖÜ][\w-]+(?:s|’|')\s*$")
_CLAUSE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def _at_clause_start(text: str, pos: int) -> bool:
    return bool(_CLAUSE_START.search(text[max(0, pos - 3):pos]))


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
             + _apposition(doc) + _page_hint(doc) + _labelled(doc))
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
