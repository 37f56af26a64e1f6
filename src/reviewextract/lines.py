"""Line kinds of a plain text: page chrome, meta lines, headings and body.

Text pulled out of a web page keeps the page's chrome: breadcrumbs, section labels ("DVD-Kritik"),
categories and genre names, forum post headers, user statistics, shop lines, buttons, tag lists,
bylines and datelines. This module tells those lines from the review's own lines, using the
language's data (`lines.toml`), so the field code can

- read a heading as a title candidate (a short line that is neither chrome nor a sentence);
- leave a dateline's year to the post date instead of the work (`meta` lines);
- keep chrome and headings out of pros, cons and the verdict.

Kinds: "chrome" (not the review), "meta" (byline or dateline: who wrote it, when), "info" (an
info-box line such as "Regie: X" or "FSK: 12"), "heading" (a short line standing alone, no
sentence end), "body".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from .text import is_abbreviation

if TYPE_CHECKING:
    from .text import Doc

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
SITE_WORDS = 10  # a site's name or motto is short
LABEL_WORDS = 3  # words of a section kicker before its genre label ("Magazin : KOMÖDIE")
_END_MARKS = (".", ";", ",")
_JOINERS = "\u200d\ufe0f \t"  # a zero-width joiner and an emoji's variation selector
_ARROWS = "←→«»‹›<>↑↓⇒⇐▶◀•·|-–— "
_PIECE_SPLIT = re.compile(r"\s[-–—|:·]\s")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# a sentence ends inside the line; "Glück auf! – Das Ende der Zechen" (a dash after the mark)
# is a heading with a subtitle, not two sentences
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?]\s+(?![-–—])\S")
_INITIAL_END = re.compile(r"\s[^\W\d_]\.$")  # "Der Fall Kerstin M.": an initial, no sentence end
_RUN_ON_ENDS = ",-"  # a wrapped line ends in a word, a comma or a hyphen; not in "]" or "."


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    kind: str  # "chrome" | "meta" | "info" | "heading" | "body"


def _is_chrome(low: str, doc: Doc) -> bool:
    pages = doc.lang.pages
    stripped = _symbols_off(low.strip().strip(_ARROWS)).replace("’", "'")
    bare = stripped.rstrip(":?").strip()  # "Worum geht es?": a section label as a question
    labels = pages.chrome_labels
    # a listing's numbered entry is no breadcrumb, whatever it holds ("1. X / Y (2008)"); a
    # date's pieces ("27. 06") name nothing
    entry = (bare[:1].isdigit() and pages.listing_item.match(bare) is not None
             and any(c.isalpha() for c in bare))
    if not bare or bare in labels or (pages.chrome_line.fullmatch(bare) and not entry):
        return True
    if pages.chrome_word.fullmatch(bare):
        return True  # one compound word with a section head: "Streaming-Tipps", "Kinderkino"
    # the length first: a paragraph's line is not split into its words (two of the seed's,
    # 1,066 and 1,364 characters, made 0.15 M instructions of a call that way)
    if (len(bare) <= MAX_HEADING_CHARS and len(bare.split()) <= SITE_WORDS
            and pages.site_line.search(bare)
            and not any(p.strip() in labels for p in _PIECE_SPLIT.split(bare))):
        # the site's name or motto ("Kinofreund – der Filmblog aus Köln"); not a page title
        # that names the work beside a section label ("X - Kritik - kinofreund.de")
        return True
    if stripped.endswith(":") and _BRACKETED.sub("", bare).strip() in labels:
        return True  # a section label with a score that opens the text below: "Bild (2/10):"
    head, colon, tail = bare.rpartition(":")
    if colon and head.strip() and tail.strip() in labels and len(bare.split()) <= LABEL_WORDS + 2:
        return True  # a section kicker ending in a genre or section label: "Magazin : KOMÖDIE"
    # a tag or category line: every part a label, a tag word or a count
    parts = [p.strip(" «»<>-–—:") for p in _split_tags(bare)]
    parts = [p for p in parts if p]
    words = parts[0].split() if len(parts) == 1 else []
    if any(w.isdigit() for w in words) and not all(w.isdigit() for w in words):
        # "1 Eintrag", "633 Aufrufe"; not a bare number, which can be a title ("31", "1917")
        return _is_count(parts[0], pages.chrome_tag_words)
    if len(parts) >= 2:
        labels = pages.chrome_labels
        tags = pages.chrome_tag_words
        form = pages.chrome_line
        return all(p in labels or _is_count(p, tags) or form.fullmatch(p) for p in parts)
    return False


def _symbols_off(s: str) -> str:
    """`s` without the symbols and emoji at its end ("Worum geht's? 🍃🥋"): a label's
    decoration, no part of its words."""
    end = len(s)
    while end and (unicodedata.category(s[end - 1])[0] == "S" or s[end - 1] in _JOINERS):
        end -= 1
    return s[:end]


def _split_tags(s: str) -> list[str]:
    for sep in ("·", "|", "•", ","):
        s = s.replace(sep, "\n")
    return s.split("\n")


def _is_count(part: str, tags: frozenset[str]) -> bool:
    words = part.split()
    return bool(words) and all(w.isdigit() or w in tags for w in words)


def _is_heading(line: str, doc: Doc) -> bool:
    """A short line that is no sentence: no end mark (but a short "Vaterfreuden."), no sentence
    break inside it (the period of an abbreviation is none: "Dr. House"), at most one comma."""
    if len(line) > MAX_HEADING_CHARS:
        return False  # a paragraph: not read further
    bare = _BRACKETED.sub("", line)
    words = bare.split()  # words in brackets ("[4K Ultra HD] [Blu-ray]") name no sentence
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if line.endswith(",") or bare.count(",") > 1:
        return False  # a list or a sentence; commas inside brackets ("(94 min, 2022)") aside
    if (line.endswith(_END_MARKS) and not line.endswith("...") and len(words) > 2
            and not _INITIAL_END.search(line)):
        return False
    # a break inside brackets, or before a bracket ("Darf ich bitten? (2004)"), is none
    bare = bare.strip()
    return all(is_abbreviation(bare, m.start() + 2, doc.lang)
               for m in _SENTENCE_BREAK.finditer(bare))


def _runs_on(doc: Doc, line: tuple[int, int], nxt: tuple[int, int] | None) -> bool:
    """True when `nxt` goes on with the sentence of `line`: a hard-wrapped paragraph. No blank
    line between, `line` ends in a word, a comma or a hyphen, and `nxt` starts in lower case."""
    if nxt is None or "\n\n" in doc.text[line[1]:nxt[0]]:
        return False
    first = doc.text[nxt[0]:nxt[0] + 1]
    end = doc.text[line[0]:line[1]].rstrip()
    last = end[-1:]
    return (first.isalpha() and first.islower()
            and (last.isalpha() or last in _RUN_ON_ENDS))


def classify(doc: Doc) -> list[Line]:
    """The kind of every non-empty line of the review, in text order."""
    pages = doc.lang.pages
    meta = pages.meta_line
    out: list[Line] = []
    lines = doc.lines
    info = pages.info_line
    info_labels = pages.info_labels
    joiner = pages.info_label_joiner
    for i, (s, e) in enumerate(lines):
        low = doc.low[s:e]
        label = info.match(low)
        if _is_chrome(low, doc):
            kind = "chrome"
        elif len(low.split(None, 16)) <= 16 and meta.fullmatch(low.strip()):  # 16 words at most
            kind = "meta"
        elif label and _is_info_label(label.group("label"), info_labels, joiner):
            kind = "info"
        elif (len(lines) > 1 and _is_heading(doc.text[s:e].strip(), doc)
              and not _runs_on(doc, (s, e), lines[i + 1] if i + 1 < len(lines) else None)
              and not (i > 0 and _runs_on(doc, lines[i - 1], (s, e)))):
            kind = "heading"
        else:
            kind = "body"
        out.append(Line(s, e, kind))
    return _bylines(doc, _label_columns(doc, out))


_BULLETS = "-–—•*· \t"
_LABEL_CHARS = 40  # an info label alone on its line (with a bullet) is no longer than this


def _label_columns(doc: Doc, lines: list[Line]) -> list[Line]:
    """A data block of info labels and values on lines of their own ("- Produktionsjahr",
    "- 1988", "- Regie", "- Anna Muster"): a label alone on its line, with another label alone
    two lines before or after it, and the short line after it (its value) are info. A section
    head above a paragraph ("Bild", then sentences) is none."""
    pages = doc.lang.pages
    # a short line only: a label is a word or three (the check reads each line once)
    bare = [ln.end - ln.start <= _LABEL_CHARS and _is_info_label(
        doc.low[ln.start:ln.end].strip(_BULLETS).rstrip(":").strip(), pages.info_labels,
        pages.info_label_joiner) for ln in lines]
    bare.extend((False, False))  # bare[-1], bare[-2] and bare[n], bare[n + 1]: no line there
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if (bare[i] and not bare[i + 1] and nxt.kind in ("heading", "chrome")
                and (bare[i - 2] or bare[i + 2])):
            out[i] = Line(line.start, line.end, "info")
            out[i + 1] = Line(nxt.start, nxt.end, "info")
    return out


def _bylines(doc: Doc, lines: list[Line]) -> list[Line]:
    """A heading that is only a person's name ("Anna Muster") beside a meta line (a date, "Von
    …") is the byline of that block: meta, not a title. Above a film database's role line
    ("Cutter/in von:") any name is a person's, its first name known or not."""
    pages = doc.lang.pages
    out = list(lines)
    for i, line in enumerate(lines):
        if line.kind != "heading":
            continue
        words = doc.text[line.start:line.end].split()
        if not (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)):
            continue
        below = lines[i + 1] if i + 1 < len(lines) else None
        if below is not None and pages.crew_line.match(
                doc.low[below.start:below.end].strip()):
            out[i] = Line(line.start, line.end, "meta")
            continue
        if not (len(words) <= 3 and words[0].lower() in pages.first_names
                and all(w.isalpha() for w in words)):
            continue
        near = [lines[k].kind for k in (i - 1, i + 1) if 0 <= k < len(lines)]
        if "meta" in near:
            out[i] = Line(line.start, line.end, "meta")
    return out


def _is_info_label(label: str, labels: frozenset[str], joiner: re.Pattern[str]) -> bool:
    """An info-box label, alone or several joined ("Recherche & Buch", "Idee/Drehbuch"), or
    named by its last word after at most two more ("Rotten Tomatoes Wertung")."""
    label = label.strip()
    words = label.split()
    return (label in labels or all(p in labels for p in joiner.split(label))
            or (1 < len(words) <= INFO_LABEL_WORDS and words[-1] in labels))


LISTING_MIN = 3  # entries before a text counts as a listing page
INFO_LABEL_WORDS = 3  # words of an info label named by its last word
ANNOUNCED_MIN = 2  # entries after a line that announces a list (an excerpt may cut the rest)
CUT_TAIL_LINES = 2  # lines after an announced list's one whole entry when the excerpt is cut
MAX_ITEM_WORDS = 16
# words after a separator that make a numbered line a capsule review by itself
CAPSULE_LINE_WORDS = 3
CAPSULE_MIN = 5  # capsule reviews (a heading and a short blurb) before a text is a listing
CAPSULE_WORDS = 60  # a blurb longer than this is a review's section, not a capsule
MAX_CAPSULE_HEAD = 8  # words of a capsule's heading (a work's name)
WRAP_WIDTH = 80  # characters: lines no longer than this, one under another, are wrapped prose


def listing_items(doc: Doc) -> list[int]:
    """Starts of the entry headings of a listing page (at least three; two after a line that
    announces the list, or one and the start of a cut-off second), else []. A numbered entry
    must stand alone as a heading; an entry ending in a bracket with a year may run on. After
    a line that announces a list ("Top 13: …", "Die zehn besten …", "Diese Woche"), every
    heading that opens a paragraph is an entry.
    On an archive page, every heading with a dateline under it is one. A page of capsule
    reviews (`_capsule_items`) is a listing too."""
    return (_numbered_items(doc) or _announced_items(doc) or _dated_items(doc)
            or _capsule_items(doc))


def _capsule_items(doc: Doc) -> list[int]:
    """Capsule reviews: at least `CAPSULE_MIN` short headings ("Hell Fest"), each followed by a
    blurb of at most `CAPSULE_WORDS` words before the next heading."""
    lines = doc.line_kinds
    heads = [i for i, ln in enumerate(lines) if ln.kind == "heading"]
    if len(heads) < CAPSULE_MIN:
        return []
    starts = []
    for a, b in zip(heads, [*heads[1:], len(lines)], strict=True):
        block = lines[a + 1:b]
        head = doc.text[lines[a].start:lines[a].end]
        if (not block or block[0].kind != "body"
                or len(head.split(None, MAX_CAPSULE_HEAD)) > MAX_CAPSULE_HEAD):
            continue
        body = [ln for ln in block if ln.kind == "body"]
        if len(body) > 1 and all(ln.end - ln.start <= WRAP_WIDTH for ln in body):
            continue  # short lines one under the other: prose wrapped by hand, not a blurb
        words = sum(len(doc.text[ln.start:ln.end].split()) for ln in body)
        if words <= CAPSULE_WORDS:
            starts.append(lines[a].start)
    return starts if len(starts) >= CAPSULE_MIN else []


def _dated_items(doc: Doc) -> list[int]:
    """A blog's archive or category page: headings each followed by a dateline."""
    lines = doc.line_kinds
    starts = [ln.start for ln, nxt in pairwise(lines)
              if ln.kind == "heading" and nxt.kind == "meta"]
    return starts if len(starts) >= LISTING_MIN else []


def _announced_items(doc: Doc) -> list[int]:
    cue = doc.lang.pages.listing_cue
    lines = doc.line_kinds
    for i, line in enumerate(lines):
        text = doc.low[line.start:line.end].strip()
        # a heading announces a list anywhere in it ("Alles hat ein Ende: die besten …"), a
        # line of prose only from its start
        found = cue.search(text) if line.kind == "heading" else cue.match(text)
        if line.kind in ("heading", "body", "chrome") and found:
            # a heading that repeats the announcement is no entry
            entries = [k for k in range(i + 1, len(lines) - 1)
                       if lines[k].kind == "heading" and lines[k + 1].kind == "body"
                       and not cue.search(doc.low[lines[k].start:lines[k].end])]
            if len(entries) == 1 and _cut_after_one(lines, entries[0]):
                # one whole entry, and the excerpt ends in the next: the entry runs to there
                k = entries[0]
                nxt = next((ln.start for ln in lines[k + 1:] if ln.kind == "heading"),
                           len(doc.text))
                return [lines[k].start, nxt]
            return [lines[k].start for k in entries] if len(entries) >= ANNOUNCED_MIN else []
    return []


def _cut_after_one(lines: list[Line], k: int) -> bool:
    """After an announcement, is the entry heading `lines[k]` the only whole one because the
    excerpt is cut off? A body stands under it, and after that body at most `CUT_TAIL_LINES`
    lines (the next entry's heading, maybe its first words)."""
    j = k + 1
    while j < len(lines) and lines[j].kind == "body":
        j += 1
    return j > k + 1 and len(lines) - j <= CUT_TAIL_LINES


def _numbered_items(doc: Doc) -> list[int]:
    """Numbered entry headings ("1. Nordlicht (2015)") with a review: prose under the entry,
    or a numbered line that holds a capsule review (`_capsule_line`). Numbered lines one under
    the other without one are a menu, a breadcrumb trail, a disc's audio tracks or its
    episodes ("1. Home", "2. Kino", "1. Deutsch, Dolby Digital 2.0"), not reviews."""
    pattern = doc.lang.pages.listing_item
    lines = doc.line_kinds
    found = []
    for i, line in enumerate(lines):
        if line.kind not in ("heading", "body"):
            continue
        text = doc.text[line.start:line.end]
        if len(text.split(None, MAX_ITEM_WORDS)) > MAX_ITEM_WORDS:  # (a long line: not split whole)
            continue
        m = pattern.search(text)
        if m is None or (m.start() == 0 and text[:1] in "0123456789#" and line.kind != "heading"):
            continue
        found.append((i, m.start() == 0))
    if not found:
        return []
    nexts = [i for i, _ in found[1:]] + [len(lines)]  # where each entry's lines end
    starts = [lines[i].start for (i, numbered), nxt in zip(found, nexts, strict=True)
              if any(ln.kind == "body" for ln in lines[i + 1:nxt])
              or (numbered and _capsule_line(doc, doc.text[lines[i].start:lines[i].end]))]
    return starts if len(starts) >= LISTING_MIN else []


def _capsule_line(doc: Doc, line: str) -> bool:
    """Does a numbered line hold a review by itself: the name, a separator and a judgement of
    `CAPSULE_LINE_WORDS` words or more ("1. Nordlicht (2015) – stark gespielt, 8/10")? An
    episode list's or a menu's lines name something and stop ("1. Die Welt im Jahr 0")."""
    for sep in doc.lang.words("title_separators"):
        k = line.find(sep)
        if k > 0 and len(line[k + len(sep):].split()) >= CAPSULE_LINE_WORDS:
            return True
    return False


def _blank(part: str) -> str:
    return "".join(c if c == "\n" else " " for c in part)


def first_entry(text: str, items: list[int]) -> str:
    """The text with everything but the first entry of a listing blanked out: same length and
    line breaks, so every position still points into the original."""
    start, end = items[0], items[1]
    return _blank(text[:start]) + text[start:end] + _blank(text[end:])


def before_entries(text: str, items: list[int]) -> str:
    """The text before a listing's first entry (its introduction), the rest blanked out."""
    return text[:items[0]] + _blank(text[items[0]:])
