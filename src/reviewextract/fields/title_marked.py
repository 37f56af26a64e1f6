"""Title candidates the text marks as names: quoted names („…“, "…", »…«), a name before a year
in brackets ("Parasite (2019)"), an info-box "Titel:" line, the page's own title and an episode
title after the name of a series of TV films ("Tatort: Dünnes Eis").

A quoted name here is a short one (at most 80 characters, one line break in „…“), with the
single and low quote marks too; the opinion steps' quotations (`opinions.tokens`) are any
quoted speech, of any length, on one line.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang.starts import finditer_scan, start_set
from ..text import Doc
from ._common import Finding, words_after, words_before
from .title_names import clean_name, is_plausible, strip_media_brackets

FIELD = "title"
_EPISODE_AFTER = re.compile(
    r"[“”\"»«]?\s*[:–—-]\s+[„\"»]?(?P<name>[^\W\d_][^,.;:!?()\[\]“”\"«»\n]{0,60})")
_QUOTES = re.compile(
    # „…“ may wrap once in a hard-wrapped text ("„Kikis kleiner\nLieferservice“")
    r"„([^“”\"\n]{1,80}(?:\n[^“”\"\n]{1,80})?)[“”\"]|“([^”\n]{1,80})”|»([^«\n]{1,80})«"
    r"|«([^»\n]{1,80})»"
    # the lookbehinds stand after the quote mark, so the pattern starts with a character the
    # engine can scan for (a leading lookbehind made it try every position)
    r"|\"(?<!\w\")([^\"\n]{1,80})\"|'(?<!\w')([^'\n]{1,80})'(?!\w)|‚([^‘’\n]{1,80})[‘’]"
)
_QUOTE_STARTS = start_set(_QUOTES)  # the opening marks: tried only where one stands
_YEAR_IN_PARENS = re.compile(r"\((?:1[89]|20)\d\d\)")
_YEAR_AFTER = re.compile(r"\s*\((?:1[89]|20)\d\d\)")
_PHRASE_BEFORE = re.compile(r"[^.?:;\n„“\"()]{1,61}$")
_CLAUSE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def _at_clause_start(text: str, pos: int) -> bool:
    return bool(_CLAUSE_START.search(text[max(0, pos - 3):pos]))


def label_candidates(doc: Doc) -> list[Finding]:
    """ "Originaltitel: Dune: Part Two" in an info box: the whole value is the title. A table
    without colons ("Titel Heist – Der letzte Coup") gives it too, where the value opens with a
    capital, a digit or a quote mark (not "Titel und Thema …")."""
    labels = doc.lang.wordset("title_labels")
    out = []
    for s, e in doc.lines[:25]:
        line = doc.text[s:e]
        label, sep, value = line.partition(":")
        if not (sep and label.strip().lower() in labels):
            label, value = _label_without_colon(line, labels)
            sep = ""
        if label and value.strip():
            title = clean_name(_first_of_alternatives(value))
            if is_plausible(doc, title):
                start = s + len(label) + len(sep) + value.index(title)
                out.append(Finding(FIELD, title, start, start + len(title), "title.label", 0.0,
                                   features={"src.label": 1.0}))
    return out


def _first_of_alternatives(value: str) -> str:
    """"Der Pate / The Godfather": a label's value of two names, each of two words or more,
    joined by a slash (the local and the original title) gives the first; "Face/Off" stays."""
    head, sep, tail = value.partition("/")
    if sep and len(head.split()) >= 2 and len(tail.split()) >= 2:
        return head
    return value


@cache
def _longest_first(labels: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(labels, key=len, reverse=True))


def _label_without_colon(line: str, labels: frozenset[str]) -> tuple[str, str]:
    """The label and the value of a line that starts with a title label and a blank ("Titel
    X"), or two empty strings."""
    stripped = line.lstrip()
    indent, low = len(line) - len(stripped), stripped.lower()
    for label in _longest_first(labels):
        head = indent + len(label)
        if low.startswith(label) and line[head:head + 1] in " \t":
            value = line[head:]
            first = value.lstrip()[:1]
            if first and (first.isupper() or first.isdigit() or first in "„\"»«'"):
                return line[:head], value
    return "", ""


_FILMOGRAPHY_REACH = 160  # characters of a bracket looked at around a quoted name


def _in_filmography(text: str, pos: int) -> bool:
    """Is the quote at `pos` one of several quoted names in a bracket right after a word
    ("James Mangold („Logan“, „Le Mans 66“)")? Then it is a maker's or an actor's other work."""
    floor = max(0, pos - _FILMOGRAPHY_REACH)
    open_at = text.rfind("(", floor, pos + 1)
    if open_at < 0 or ")" in text[open_at:pos]:
        return False
    close = text.find(")", pos, pos + _FILMOGRAPHY_REACH)
    # the word before the bracket, looked for in the stretch already bounded (a copy of the
    # text up to every quote would make a review of many quotes quadratic)
    if close < 0 or not text[floor:open_at].rstrip()[-1:].isalpha():
        return False
    inside = text[open_at + 1:close]
    low_opening = inside.count("„")  # „…“: the German pair; “…” alone: the English one
    names = (low_opening + inside.count("»") + inside.count('"') // 2
             + (inside.count("“") if not low_opening else 0))
    return names >= 2


def quoted_candidates(doc: Doc) -> list[Finding]:
    comparison = doc.lang.wordset("comparison_cues")
    indefinite = doc.lang.wordset("indefinite_articles")
    articles = indefinite | doc.lang.wordset("definite_articles")  # "wie der „X“"
    others = doc.lang.wordset("other_work_nouns")
    copula = doc.lang.wordset("copula")
    linkers = doc.lang.wordset("title_of_linkers")
    works = doc.lang.wordset("work_nouns")
    suffix = doc.lang.pattern("title_season_suffix")
    maker = doc.lang.pattern("title_maker_genitive")
    seen: dict[str, Finding] = {}
    listed_end = -1  # where the last quoted name compared with ends ("wie „A“, „B“")
    for m in finditer_scan(_QUOTES, _QUOTE_STARTS, doc.text_scan, 0, len(doc.text)):
        gi = next(i for i in range(1, 8) if m.group(i) is not None)
        raw = m.group(gi)
        title = clean_name(" ".join(raw.split()))
        cut = suffix.search(title.lower())
        feats: dict[str, float] = {}
        if cut is not None and cut.start() > 0:
            title = clean_name(title[:cut.start()])  # „Graf Duckula – Die komplette Serie“
            feats["quoted.suffix"] = 1.0
        if not title or not (title[0].isupper() or title[0].isdigit()):
            continue
        if not is_plausible(doc, title):
            continue
        if title.endswith((".", ",")):
            continue  # (its length is bounded by is_plausible: a long quote is speech)
        if _in_filmography(doc.text, m.start()):
            continue  # "James Mangold („Logan“, „Le Mans 66“)": the maker's other works
        key = title.lower()
        before = words_before(doc.low, m.start(), 2)
        if (before and (before[-1] in comparison or before[-1] in others)) or (
                len(before) == 2 and before[0] in comparison and before[1] in articles) or (
                0 <= m.start() - listed_end <= 3
                and doc.text[listed_end:m.start()].strip() == ","):
            feats["quoted.comparison"] = 1.0  # … and the next name of the same list
            listed_end = m.end()
        elif len(before) == 2 and before[-1] in linkers and before[0] in works:
            feats["quoted.of_work"] = 1.0  # "die zweite Staffel von „Fargo“"
        if before and (before[-1] in indefinite or (
                len(before) == 2 and before[0] in indefinite and before[1][:1].islower())):
            feats["quoted.indefinite"] = 1.0  # "ein absolutes „Must see“": a word in quotes
        if _YEAR_AFTER.match(doc.text[m.end():m.end() + 8]):
            feats["quoted.year_after"] = 1.0
        if maker.search(doc.text[max(0, m.start() - 40):m.start()]):
            feats["quoted.maker"] = 1.0  # "Greta Gerwigs „Barbie“": a maker's work
        if _at_clause_start(doc.text, m.start()):
            first = words_after(doc.low, m.end(), 1)
            if first and first[0] in copula:
                feats["quoted.subject"] = 1.0  # "„Der Tatortreiniger“ ist ..."
        if key in seen:
            old = seen[key].features
            for k, v in feats.items():
                old[k] = max(old.get(k, 0.0), v)
            old["quoted.count"] = old.get("quoted.count", 1.0) + 1.0
            seen[key].spans.append((m.start(gi), m.start(gi) + len(title)))
            continue
        feats["src.quoted"] = 1.0
        feats["quoted.count"] = 1.0
        s = m.start(gi) + len(raw) - len(raw.lstrip())
        e = s + len(raw.strip())
        if title in raw:
            s = m.start(gi) + raw.index(title)
            e = s + len(title)
        seen[key] = Finding(FIELD, title, s, e, "title.quoted", 0.0, features=feats)
    return list(seen.values())


def before_year_candidates(doc: Doc) -> list[Finding]:
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
        title = clean_name(" ".join(keep))
        if title.lower() in doc.lang.wordset("season_nouns"):
            continue
        if not is_plausible(doc, title) or " ".join(keep) not in phrase:
            continue
        ts = s + phrase.rindex(" ".join(keep))
        out.append(Finding(FIELD, title, ts, ts + len(title), "title.before_year", 0.0,
                           features={"src.before_year": 1.0}))
        whole = clean_name(phrase)  # the words as the text spaces them: a substring of it
        if (" ".join(whole.split()) != title and _whole_line_name(doc.text, s, y.end())
                and whole[:1].isupper() and is_plausible(doc, whole)):
            # "DVD-Rezensionen (096): Das singende, klingende Bäumchen (1957)": the name fills
            # the line (or its part after a label), lower-case words and commas included
            ws = s + phrase.index(whole)
            out.append(Finding(FIELD, whole, ws, ws + len(whole), "title.before_year", 0.0,
                               features={"src.before_year": 1.0}))
    return out


def _whole_line_name(text: str, start: int, end: int) -> bool:
    """Does the phrase at `start` open its line (or follow a label's colon), and does the year
    bracket ending at `end` close that line?"""
    before = text[text.rfind("\n", 0, start) + 1:start].rstrip(" \t")
    nl = text.find("\n", end)
    after = text[end:nl if nl >= 0 else len(text)]
    return (not before or before.endswith(":")) and not after.strip()


def page_hint_candidates(doc: Doc) -> list[Finding]:
    """The page's own title (h1, og:title, JSON-LD name), split at separators: a segment counts
    only where the review text states it, so the evidence points into the text."""
    if not doc.title_hint:
        return []
    seps = "|".join(re.escape(x) for x in doc.lang.words("title_separators"))
    out = []
    for seg in [doc.title_hint, *re.split(seps, doc.title_hint)]:
        media = doc.lang.words("title_media_words")
        suffix = doc.lang.pattern("title_season_suffix")
        seg = clean_name(suffix.sub("", strip_media_brackets(seg.strip(), media, suffix)))
        if not is_plausible(doc, seg):
            continue
        m = re.search(r"(?<!\w)" + re.escape(seg.lower()) + r"(?!\w)", doc.low)
        if m:
            out.append(Finding(FIELD, doc.text[m.start():m.end()], m.start(), m.end(),
                               "title.page_hint", 0.0, features={"src.page_hint": 1.0}))
    return out


def episode_candidates(doc: Doc) -> list[Finding]:
    """"Tatort: Dünnes Eis", "„Polizeiruf 110“ – Muttertag": the episode title after the name
    of a series of standalone TV films."""
    out = []
    for name in doc.lang.words("film_series"):
        for i in doc.low_scan.positions(name):
            m = _EPISODE_AFTER.match(doc.text, i + len(name))
            if m is None or (i > 0 and doc.low[i - 1].isalnum()):
                continue
            value = clean_name(m.group("name"))
            if is_plausible(doc, value) and value[:1].isupper():
                s = m.start("name")
                out.append(Finding(FIELD, value, s, s + len(value), "title.episode", 0.0,
                                   features={"src.episode": 1.0}))
    return out
