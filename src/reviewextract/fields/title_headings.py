"""Title candidates from the heading lines near the start of a review.

Each heading line is cut into name pieces: review prefixes and labels ("Review:", "DVD-Kritik
(011):"), stars, a channel or time bracket, media brackets, a year in brackets and season
suffixes are cut off and recorded as features; separators (" – ", ": ") split the rest. Every
piece and every run of leading pieces is a candidate ("Der Herr der Ringe: Die Rückkehr des
Königs"); lines.py tells headings from page chrome.
"""

from __future__ import annotations

import math
import re
from functools import cache

from ..text import Doc
from ._common import Finding
from .title_names import SEPARATOR_MARKS, clean_name, is_plausible, mentions, strip_media_brackets

FIELD = "title"
# a count after a label ("Filmkritik II", "Kritik 2"): the site's second review of the work
_COUNTED = re.compile(r"\s+(?:[ivx]{1,4}|\d{1,2})$")
_CELL_MARKS = frozenset({"|", "·"})  # marks between cells of a data line; no title holds one
# a data line's cell of a country's code ("GEO", "USA/F") or a year
_CODE = re.compile(r"[A-Z]{1,3}(?:/[A-Z]{1,3})*|(?:19|20)\d\d")
_HEADING_LINES = 14  # heading lines are looked for among the first lines only
_INFOBOX_LINE = re.compile(r"[\w /]{2,30}:\s*\S"
                           # or a data line of cells with a year ("Krimi | DDR 1988 | 103 …")
                           r"|[^\n|·]*[|·][^\n]*?(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_YEAR_TAIL = re.compile(r"\s*\((?:1[89]|20)\d\d\)\s*$")
_RATING_TAIL = re.compile(r"\s*(?:[★☆⭐✩½]+|\(?\d{1,2}(?:[.,]\d)?\s*/\s*\d{1,3}\)?)\s*$")
_BRACKET_TAIL = re.compile(r"\s*[(\[][^()\[\]\n]{1,60}[)\]]\s*$")
_STARS = re.compile(r"^[\s★☆⭐✩½]+")
_TAIL_MARKS = " \t–—-:|/·"
_QUOTE_MARKS = "„“”\"»«"
_PUNCT = "!?.,:;„“”\"'»«()"


def _heading_pieces(doc: Doc, s0: int, e0: int) -> tuple[list[tuple[int, int, str]],
                                                            dict[str, float]]:
    """A heading line cut into name pieces: (start, end, text) of each piece, in order, and the
    line's features. Review prefixes and labels ("Review:", "DVD-Kritik (011):"), stars, a
    channel or time bracket, media brackets, a year in brackets and season suffixes are cut off
    and recorded as features; separators (" – ", ": ") split the rest."""
    lang = doc.lang
    feats: dict[str, float] = {}
    pos, end = s0, e0
    stars = _STARS.match(doc.text, pos, end)
    if stars:
        pos = stars.end()
    low = doc.low
    for prefix in (*lang.words("title_review_prefixes"), *lang.words("title_prefixes")):
        if low.startswith(prefix, pos):
            pos += len(prefix)
            while pos < end and low[pos] == " ":
                pos += 1
            if prefix in lang.wordset("title_review_prefixes"):
                feats["head.review_cue"] = 1.0
            break
    label = lang.pattern("heading_label").match(low, pos, end)
    if label:
        text = label.group().strip()
        head = re.sub(r"\(\s*\d+\s*\)", "", text).strip(" :|[]").split()
        if text[:1].isdigit() or lang.pages.listing_item.match(doc.text[pos:end]):
            pos = label.end()  # "1. Dig Deeper: …", "Platz 13: …": an item of a numbered list
            if not doc.listing:  # on a listing page, the entry's number is expected
                feats["head.numbered"] = 1.0
        elif head and (head[-1] in lang.wordset("chrome_labels")
                       or head[-1] in lang.wordset("title_review_suffixes")
                       # "Rezension Bollywood-Komödie: X": a review word opening a short label
                       or (len(head) <= 3 and head[0] in lang.wordset("title_review_suffixes"))
                       or lang.pattern("chrome_word").fullmatch(head[0])):
            pos = label.end()  # "Review: X", "DVD-Rezensionen (011): X", "Kinotipp der Woche: X"
            feats["head.review_cue"] = 1.0
        elif " ".join(head) in lang.wordset("film_series"):
            pos = label.end()  # "Tatort: X": a film of the series, named by its own title
            feats["head.series_label"] = 1.0
    for suffix in lang.wordset("title_review_suffixes"):  # "Barbie im Test"
        if " " in suffix and low[pos:end].rstrip().endswith(" " + suffix):
            end = pos + len(low[pos:end].rstrip()) - len(suffix) - 1
            feats["head.review_cue"] = 1.0
            break
    media = lang.words("title_media_words")
    season = lang.pattern("title_season_suffix")
    end = _strip_tail(doc, pos, end, feats)
    pieces: list[tuple[int, int, str]] = []
    offset = pos
    for i, piece in enumerate(_separators(lang.words("title_separators")).split(
            doc.text[pos:end])):
        if i % 2 == 1:
            offset += len(piece)
            continue
        ps = offset + len(piece) - len(piece.lstrip())
        offset += len(piece)
        seg = piece.strip()
        lowseg = clean_name(seg).lower()
        cut = season.search(seg.lower())
        if i > 0 and (_COUNTED.sub("", lowseg) in lang.wordset("title_review_suffixes")
                      or (lowseg and any(w in lowseg.split() for w in media))):
            # "– Filmkritik", "– Filmkritik II", "- Extended Edition": ends the name
            feats["head.marked"] = 1.0
            break
        if cut is not None:
            feats["head.marked"] = 1.0
            seg = seg[:cut.start()]
            if seg.strip():
                pieces.append((ps, ps + len(seg.rstrip()), seg.rstrip()))
            break
        review = next((x for x in lang.words("title_review_suffixes")
                       if " " in x and lowseg.endswith(" " + x)), None)
        if review is not None:  # "Barbie im Test: Pink ist Trumpf": the name ends there
            feats["head.review_cue"] = 1.0
            seg = seg[:len(seg.rstrip(_PUNCT + " ")) - len(review)].rstrip()
            if seg:
                pieces.append((ps, ps + len(seg), seg))
            break
        if seg:
            pe = _strip_tail(doc, ps, ps + len(seg), feats)
            if pe > ps:
                pieces.append((ps, pe, doc.text[ps:pe]))
    if len(pieces) > 1 and _is_section_label(doc, pieces[0][2]):
        del pieces[0]  # "Filmtipp – The Lunchbox": a section label, then the name
        feats["head.review_cue"] = 1.0
    return pieces, feats


def _is_section_label(doc: Doc, piece: str) -> bool:
    """Is a heading's piece a section label ("Filmtipp", "Kinokritik", "DVD-Test")?"""
    low = clean_name(piece).lower()
    pages = doc.lang.pages
    return low in pages.chrome_labels or pages.chrome_word.fullmatch(low) is not None


def _data_cell(doc: Doc, value: str, mark: str) -> bool:
    """Is `value`, after the cell mark `mark`, a cell of a film's data line: a year, a
    production country or a code of capitals ("Blind Dates | Tom Keller | GEO | 2013")?"""
    if mark not in _CELL_MARKS:
        return False
    return (_CODE.fullmatch(value) is not None
            or value.lower() in doc.lang.wordset("production_countries"))


def _codes_and_year(value: str) -> bool:
    """Is `value` a data line's country codes and year ("AT 2018"), two words or more, each a
    code of capitals or a year, one of them a year?"""
    words = value.replace(",", " ").split()
    return (len(words) >= 2 and all(_CODE.fullmatch(w) for w in words)
            and any(w.isdigit() for w in words))


def _is_media_word(word: str, media: tuple[str, ...]) -> bool:
    """"dvd", "blu-ray", "dvd-komplettbox", "mediabook": a word that names a product format:
    a media word, or a word that ends in one of three letters or more or starts with one and
    a hyphen."""
    words, ends, openings = _media_forms(media)
    return word in words or word.endswith(ends) or word.startswith(openings)


@cache
def _media_forms(media: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The forms `_is_media_word` tests, built once per language: the words, the endings and
    the openings (a loop over the words per call cost 130 us on a corpus review's heading)."""
    return (frozenset(media), tuple(m for m in media if len(m) >= 3),
            tuple(m + "-" for m in media))


@cache
def _separators(seps: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that splits at the separators and keeps them (at odd places), once per
    language."""
    return re.compile("(" + "|".join(re.escape(x) for x in seps) + ")")


def _strip_tail(doc: Doc, pos: int, end: int, feats: dict[str, float]) -> int:
    """The end of `doc.text[pos:end]` without trailing brackets and marks that are not part of
    a title: a channel or time, a year, stars or a score, media or season words, any other
    bracket ("(Rear Window)"). What was cut is recorded in `feats`."""
    lang = doc.lang
    media = lang.words("title_media_words")
    season = lang.pattern("title_season_suffix")
    info = lang.pattern("heading_info_bracket")
    while end > pos:
        while end > pos and doc.text[end - 1] in _TAIL_MARKS:
            end -= 1  # a separator left behind by a cut ("X (Staffel 2) – [Kritik]")
        seg = doc.text[pos:end]
        m = info.search(seg.lower())
        if m and m.start() > 0:
            end = pos + m.start()
            feats["head.marked"] = 1.0
            continue
        y = _YEAR_TAIL.search(seg)
        if y and y.start() > 0:
            end = pos + y.start()
            feats["head.year"] = 1.0
            continue
        r = _RATING_TAIL.search(seg)
        if r and r.start() > 0:
            end = pos + r.start()
            feats["head.rating"] = 1.0
            continue
        stripped = strip_media_brackets(seg, media, season)
        if stripped != seg and stripped.strip():
            end = pos + len(stripped)
            feats["head.marked"] = 1.0
            continue
        words = seg.split()
        if len(words) > 1 and _is_media_word(words[-1].lower().strip(".,:;…"), media):
            k = len(words) - 1  # "Die Cosby Show DVD-Komplettbox", "X Special Edition"
            while k > 1 and words[k - 1].lower() in lang.wordset("title_edition_words"):
                k -= 1
            if words[k - 1].lower() in lang.wordset("title_glue_words"):
                break  # "THE LUNCHBOX", "The Box": after an article the word is the name's
            end = pos + len(" ".join(words[:k])) + (len(seg) - len(seg.lstrip()))
            feats["head.marked"] = 1.0
            continue
        b = _BRACKET_TAIL.search(seg)
        # a bracket the review repeats with the name is the title's own ("Nordlicht (Fast)")
        if b and b.start() > 0 and doc.low.count(seg.strip().lower()) < 2:
            end = pos + b.start()  # "(Rear Window)", "(ZDF-Zweiteiler, 2023)"
            feats["head.bracket"] = 1.0
            continue
        break
    while end > pos and doc.text[end - 1] in " \t":
        end -= 1
    return end


def _describes(doc: Doc, piece: str) -> bool:
    """Is a heading's piece a description of the work's kind, not a part of its name: an
    article, at most two more words, the last of them ending in a genre noun ("Die zehnteilige
    Dramaserie", "Ein Klassiker")?"""
    words = piece.lower().split()
    lang = doc.lang
    return (2 <= len(words) <= 3 and (words[0] in lang.wordset("definite_articles")
                                      or words[0] in lang.wordset("indefinite_articles"))
            and words[-1].strip(".,:;!?").endswith(lang.words("genre_heads")))


def heading_candidates(doc: Doc) -> list[Finding]:
    """Title candidates from the heading lines near the start: every piece of a heading and
    every run of its leading pieces ("Der Herr der Ringe: Die Rückkehr des Königs")."""
    out: list[Finding] = []
    kinds = doc.line_kinds
    rank = 0
    seen_body = False
    prev = None
    for i, line in enumerate(kinds[:_HEADING_LINES]):
        if line.kind == "body":
            seen_body = True
        if line.kind != "heading":
            prev = line.kind
            continue
        pieces, line_feats = _heading_pieces(doc, line.start, line.end)
        infobox = sum(1 for ln in kinds[i + 1:i + 6]
                      if _INFOBOX_LINE.match(doc.text[ln.start:ln.end]))
        base = dict(line_feats)
        base["src.heading"] = 1.0
        base["head.rank"] = 1.0 / (1 + rank)
        if rank == 0:
            base["head.first"] = 1.0
        if prev == "chrome":
            base["head.after_chrome"] = 1.0
        if prev == "meta" or (i + 1 < len(kinds) and kinds[i + 1].kind == "meta"):
            base["head.by_meta"] = 1.0
        if seen_body:
            base["head.after_body"] = 1.0
        if infobox >= 2:
            base["head.infobox"] = 1.0
        if len(pieces) == 1:
            base["head.whole_line"] = 1.0
        # a piece that says what kind of work it is ("Die zehnteilige Dramaserie")
        describes = [_describes(doc, p[2]) for p in pieces]
        for a in range(len(pieces)):
            for b in range(a, len(pieces)):
                if a > 0 and b > a:
                    continue  # runs start at the first piece
                between = (doc.text[pieces[k][1]:pieces[k + 1][0]].strip() for k in range(a, b))
                if b > a and not all(x in SEPARATOR_MARKS and x not in _CELL_MARKS
                                     for x in between):
                    continue  # something was cut between the pieces, or a table's cells
                    # ("Blind Dates | Tom Keller | GEO"): no run across it
                if b > a and any(describes[a + 1:b + 1]):
                    continue  # "The Pacific: Die zehnteilige Dramaserie": the name, then
                    # what kind of work it is
                s, e = pieces[a][0], pieces[b][1]
                value = clean_name(doc.text[s:e])
                if b > a and any(q in value for q in _QUOTE_MARKS):
                    continue  # „X“: Y is a quoted name and a line about it, not one name
                if not is_plausible(doc, value) or not (value[0].isupper() or value[0].isdigit()):
                    continue
                if a > 0 and _data_cell(doc, value, doc.text[pieces[a - 1][1]:s].strip()):
                    continue
                if _codes_and_year(value):
                    continue  # "AT 2018", "USA/F 1974": a film's country and year
                feats = dict(base)
                feats["head.first_piece" if a == 0 else "head.later_piece"] = 1.0
                if b > a:
                    feats["head.joined"] = 1.0
                    first = clean_name(pieces[a][2])
                    feats["mentions.first_piece"] = math.log1p(
                        mentions(doc, first, (line.start, line.end)))
                    nxt = pieces[a + 1][2].split()
                    if nxt and nxt[0].lower() in doc.lang.wordset("definite_articles"):
                        feats["head.sub_article"] = 1.0  # "Nosferatu – Der Untote"
                    elif nxt and nxt[0][:1].islower():
                        feats["head.tail_lower"] = 1.0  # "Lost – rückblickend": a tag line
                if a == 0 and b == len(pieces) - 1 and len(pieces) > 1:
                    feats["head.whole_line"] = 1.0
                vs = doc.text.index(value, s) if value in doc.text[s:e] else s
                out.append(Finding(FIELD, value, vs, vs + len(value), "title.heading", 0.0,
                                   features=feats))
        rank += 1
        prev = line.kind
    return out
