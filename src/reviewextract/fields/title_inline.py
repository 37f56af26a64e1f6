"""Unquoted titles in running text: opened by a capitalised article, or by a title label.

In German an article inside a sentence is written in lower case ("ich habe den Film gesehen"),
so a capitalised one there opens a name: "Ich habe gestern Der Nebelwald gesehen", "Heute lief
Die Farbe des Himmels im Kino". The name runs over capitalised words and the language's glue
words ("des", "of") and ends on a capitalised word or a number. Which articles open a name is
language data (`title_inline_articles`); a language without such a rule lists none.
"""

from __future__ import annotations

import re

from ..lang.starts import finditer_folded
from ..text import Doc
from ._common import Finding
from .title_names import is_plausible

FIELD = "title"
_MAX_WORDS = 7
_CAPS_LOOK_BACK = 80  # characters before an article that tell a line written in capitals
_WORD = re.compile(r"[ \t]+([^\s,.;:!?()\[\]„“”\"»«]+)")
# marks after which a capital starts a clause anyway (a forum's "*grins*" closes an aside)
_OPENERS_BEFORE = ".!?:;\n\"„“”»«(–—-…*"


def _clause_opening(text: str, pos: int) -> bool:
    """True when only spaces separate `pos` from the text's start or a clause-opening mark."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _OPENERS_BEFORE


def inline_articles(doc: Doc) -> list[Finding]:
    """Names opened by a capitalised article inside a sentence."""
    articles = doc.lang.words("title_inline_articles")
    if not articles:
        return []
    glue = doc.lang.wordset("title_glue_words")
    before_article = doc.lang.wordset("title_glue_before_article")
    articles_low = doc.lang.wordset("definite_articles") | doc.lang.wordset("indefinite_articles")
    out: list[Finding] = []
    for art in articles:
        for pos in doc.text_scan.positions(art):
            end = pos + len(art)
            if (pos > 0 and doc.text[pos - 1].isalnum()) or doc.text[end:end + 1] not in (" ",):
                continue  # inside a word, or not followed by a space
            if _clause_opening(doc.text, pos):
                continue  # "Der" opening a sentence or a line is the plain article
            floor = max(0, pos - _CAPS_LOOK_BACK)  # bounded: many articles on one long line
            line_start = max(doc.text.rfind("\n", floor, pos) + 1, floor)
            if doc.text[line_start:pos].isupper():
                continue  # a line in capitals writes every article so
            words: list[tuple[int, int]] = []
            i = end
            while len(words) < _MAX_WORDS:
                m = _WORD.match(doc.text, i)
                if m is None:
                    break
                w = m.group(1)
                if w.lower() in before_article:  # "mit der Todeskralle": glue before an article
                    nxt = _WORD.match(doc.text, m.end(1))
                    if nxt is None or nxt.group(1) not in articles_low:
                        break
                elif not (w[:1].isupper() or w[:1].isdigit() or w.lower() in glue):
                    break
                words.append((m.start(1), m.end(1)))
                i = m.end(1)
            while words and doc.text[words[-1][0]:words[-1][1]].lower() in glue:
                words.pop()  # a name ends on a capitalised word or a number
            if not words:
                continue
            value = doc.text[pos:words[-1][1]]
            if len(words) == 1 and _kind_of_work(doc, value.split()[-1].lower()):
                continue  # "Der Anime", "Die Serie": the article and a kind of work
            if is_plausible(doc, value):
                out.append(Finding(FIELD, value, pos, pos + len(value), "title.inline_article",
                                   0.0, features={"src.inline_article": 1.0}))
    return out


def _kind_of_work(doc: Doc, word: str) -> bool:
    """Is `word` a generic noun or a kind of work ("film", "anime", "heimatkrimi")?"""
    return (word in doc.lang.wordset("generic_subjects")
            or word.endswith(doc.lang.words("genre_heads")))


def inline_labels(doc: Doc) -> list[Finding]:
    """Names after a title label inside the text ("(dt. Ein Chef zum Verlieben, engl. …)", "ein
    Film mit dem Titel „X“"): the same evidence as an info box's "Titel:" line
    (`title_inline_label`; its group `name`, or `qname` for a quoted name)."""
    out: list[Finding] = []
    for m in finditer_folded(doc.lang.pattern("title_inline_label"), doc.text, doc.low_scan):
        group = "name" if m.group("name") is not None else "qname"
        value = m.group(group).strip()
        if value[:1].isupper() and is_plausible(doc, value):
            s = m.start(group) + m.group(group).index(value)
            out.append(Finding(FIELD, value, s, s + len(value), "title.inline_label", 0.0,
                               features={"src.label": 1.0}))
    return out
