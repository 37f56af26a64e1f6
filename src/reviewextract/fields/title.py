"""The reviewed work's title.

Candidates, each described by named features: pieces of the heading lines near the start (with
review labels such as "Review:" or "DVD-Kritik (011):", stars, channel and time brackets, media
brackets, years in brackets and season suffixes cut off, lines.py telling headings from page
chrome), quoted names („…“, "…", »…«), a name before a year in brackets ("Parasite (2019)"), a
sentence subject called a work, the name after a work noun ("der Film Oppenheimer"), an
info-box "Titel:" line and the page's own title. Every candidate also gets features of its shape
(words, capitals, an opinion word, a comma), its position and how often the review names it.
A conditional logit fitted on the tuning halves (lang/de/scorers.json, tools/fit_scorers.py)
as a choice model turns the features into each candidate's probability of being the title
against "none of them"; the title stays null when "none" is likelier, and the record's
confidence is the chosen candidate's probability.
"""

from __future__ import annotations

import math
import re

from ..lang.lexicon import get_lexicon
from ..lang.starts import finditer_scan, start_set
from ..text import Doc
from ._common import Finding, words_after, words_before
from .title_inline import inline_articles
from .title_names import _apposition, _clean, _plausible, _subjects

FIELD = "title"
_HEADING_LINES = 14  # heading lines are looked for among the first lines only
_SHORT_TEXT = 600  # characters: no room to name the work twice
_PUNCT = "!?.,:;„“”\"'»«()"
_EPISODE_AFTER = re.compile(
    r"[“”\"»«]?\s*[:–—-]\s+[„\"»]?(?P<name>[^\W\d_][^,.;:!?()\[\]“”\"«»\n]{0,60})")
_SEP_MARKS = frozenset({"–", "—", "-", ":", "|", "//", "/", "·"})
_TAIL_MARKS = " \t–—-:|/·"
_QUOTE_MARKS = "„“”\"»«"
_INFOBOX_LINE = re.compile(r"[\w /]{2,30}:\s*\S")
_YEAR_TAIL = re.compile(r"\s*\((?:1[89]|20)\d\d\)\s*$")
_RATING_TAIL = re.compile(r"\s*(?:[★☆⭐✩½]+|\(?\d{1,2}(?:[.,]\d)?\s*/\s*\d{1,3}\)?)\s*$")
_BRACKET_TAIL = re.compile(r"\s*[(\[][^()\[\]\n]{1,60}[)\]]\s*$")
_QUOTES = re.compile(
    # „…“ may wrap once in a hard-wrapped text ("„Kikis kleiner\nLieferservice“")
    r"„([^“”\"\n]{1,80}(?:\n[^“”\"\n]{1,80})?)[“”\"]|“([^”\n]{1,80})”|»([^«\n]{1,80})«"
    r"|«([^»\n]{1,80})»"
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
                out.append(Finding(FIELD, title, start, start + len(title), "title.label", 0.0,
                                   features={"src.label": 1.0}))
    return out


def _mentions(doc: Doc, title: str, exclude: tuple[int, int] | None = None) -> int:
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
        if text[:1].isdigit():
            pos = label.end()  # "1. Dig Deeper: …": an item of a numbered list
            feats["head.numbered"] = 1.0
        elif head and (head[-1] in lang.wordset("chrome_labels")
                       or head[-1] in lang.wordset("title_review_suffixes")
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
    seps = "|".join(re.escape(x) for x in lang.words("title_separators"))
    pieces: list[tuple[int, int, str]] = []
    offset = pos
    for i, piece in enumerate(re.split(f"({seps})", doc.text[pos:end])):
        if i % 2 == 1:
            offset += len(piece)
            continue
        ps = offset + len(piece) - len(piece.lstrip())
        offset += len(piece)
        seg = piece.strip()
        lowseg = _clean(seg).lower()
        cut = season.search(seg.lower())
        if i > 0 and (lowseg in lang.wordset("title_review_suffixes")
                      or (lowseg and any(w in lowseg.split() for w in media))):
            feats["head.marked"] = 1.0  # "– Filmkritik", "- Extended Edition": ends the name
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
    return pieces, feats


def _is_media_word(word: str, media: tuple[str, ...]) -> bool:
    """"dvd", "blu-ray", "dvd-komplettbox", "mediabook": a word that names a product format."""
    return any(word == m or (word.endswith(("-" + m, m)) and len(m) >= 3)
               or word.startswith(m + "-") for m in media)


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
        stripped = _strip_media_brackets(seg, media, season)
        if stripped != seg and stripped.strip():
            end = pos + len(stripped)
            feats["head.marked"] = 1.0
            continue
        words = seg.split()
        if len(words) > 1 and _is_media_word(words[-1].lower().strip(".,:;…"), media):
            k = len(words) - 1  # "Die Cosby Show DVD-Komplettbox", "X Special Edition"
            while k > 1 and words[k - 1].lower() in lang.wordset("title_edition_words"):
                k -= 1
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


def _headings(doc: Doc) -> list[Finding]:
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
        for a in range(len(pieces)):
            for b in range(a, len(pieces)):
                if a > 0 and b > a:
                    continue  # runs start at the first piece
                if b > a and not all(doc.text[pieces[k][1]:pieces[k + 1][0]].strip() in _SEP_MARKS
                                     for k in range(a, b)):
                    continue  # something was cut between the pieces: no run across it
                s, e = pieces[a][0], pieces[b][1]
                value = _clean(doc.text[s:e])
                if b > a and any(q in value for q in _QUOTE_MARKS):
                    continue  # „X“: Y is a quoted name and a line about it, not one name
                if not _plausible(doc, value) or not (value[0].isupper() or value[0].isdigit()):
                    continue
                feats = dict(base)
                feats["head.first_piece" if a == 0 else "head.later_piece"] = 1.0
                if b > a:
                    feats["head.joined"] = 1.0
                    first = _clean(pieces[a][2])
                    feats["mentions.first_piece"] = math.log1p(
                        _mentions(doc, first, (line.start, line.end)))
                    nxt = pieces[a + 1][2].split()
                    if nxt and nxt[0].lower() in doc.lang.wordset("definite_articles"):
                        feats["head.sub_article"] = 1.0  # "Nosferatu – Der Untote"
                if a == 0 and b == len(pieces) - 1 and len(pieces) > 1:
                    feats["head.whole_line"] = 1.0
                vs = doc.text.index(value, s) if value in doc.text[s:e] else s
                out.append(Finding(FIELD, value, vs, vs + len(value), "title.heading", 0.0,
                                   features=feats))
        rank += 1
        prev = line.kind
    return out


def _quoted(doc: Doc) -> list[Finding]:
    comparison = doc.lang.wordset("comparison_cues")
    others = doc.lang.wordset("other_work_nouns")
    copula = doc.lang.wordset("copula")
    linkers = doc.lang.wordset("title_of_linkers")
    works = doc.lang.wordset("work_nouns")
    suffix = doc.lang.pattern("title_season_suffix")
    seen: dict[str, Finding] = {}
    for m in finditer_scan(_QUOTES, _QUOTE_STARTS, doc.text_scan, 0, len(doc.text)):
        gi = next(i for i in range(1, 8) if m.group(i) is not None)
        raw = m.group(gi)
        title = _clean(" ".join(raw.split()))
        cut = suffix.search(title.lower())
        feats: dict[str, float] = {}
        if cut is not None and cut.start() > 0:
            title = _clean(title[:cut.start()])  # „Graf Duckula – Die komplette Serie“
            feats["quoted.suffix"] = 1.0
        if not title or not (title[0].isupper() or title[0].isdigit()):
            continue
        if not _plausible(doc, title):
            continue
        if title.endswith((".", ",")) or len(title.split()) > 6:
            continue
        key = title.lower()
        before = words_before(doc.low, m.start(), 2)
        if before and (before[-1] in comparison or before[-1] in others):
            feats["quoted.comparison"] = 1.0
        elif len(before) == 2 and before[-1] in linkers and before[0] in works:
            feats["quoted.of_work"] = 1.0  # "die zweite Staffel von „Fargo“"
        if _YEAR_AFTER.match(doc.text[m.end():m.end() + 8]):
            feats["quoted.year_after"] = 1.0
        if _GENITIVE_BEFORE.search(doc.text[max(0, m.start() - 40):m.start()]):
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
        out.append(Finding(FIELD, title, ts, ts + len(title), "title.before_year", 0.0,
                           features={"src.before_year": 1.0}))
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
                               "title.page_hint", 0.0, features={"src.page_hint": 1.0}))
    return out


def _episodes(doc: Doc) -> list[Finding]:
    """"Tatort: Dünnes Eis", "„Polizeiruf 110“ – Muttertag": the episode title after the name
    of a series of standalone TV films."""
    out = []
    for name in doc.lang.words("film_series"):
        for i in doc.low_scan.positions(name):
            m = _EPISODE_AFTER.match(doc.text, i + len(name))
            if m is None or (i > 0 and doc.low[i - 1].isalnum()):
                continue
            value = _clean(m.group("name"))
            if _plausible(doc, value) and value[:1].isupper():
                s = m.start("name")
                out.append(Finding(FIELD, value, s, s + len(value), "title.episode", 0.0,
                                   features={"src.episode": 1.0}))
    return out


def _as_features(found: list[Finding], source: str) -> list[Finding]:
    """Findings of the older generators (title_names.py) described by their source."""
    for f in found:
        f.features = {f"src.{source}": 1.0}
        f.weight = 0.0
    return found


def _shape(doc: Doc, f: Finding, values: list[str]) -> None:
    """Features every candidate gets: how it looks, where it stands, how often it recurs."""
    feats = f.features
    value = f.value
    words = value.split()
    low = value.lower()
    lang = doc.lang
    feats["shape.words"] = min(len(words), 8) / 8
    if len(words) == 1:
        feats["shape.single"] = 1.0
    letters = [c for c in value if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        feats["shape.allcaps"] = 1.0
    lower = sum(1 for w in words if w[:1].islower())
    feats["shape.lower_ratio"] = lower / len(words)
    if low in lang.wordset("chrome_labels") or low in lang.wordset("generic_subjects") or (
            words[-1].lower() in lang.wordset("chrome_labels") and len(words) <= 2):
        feats["shape.generic"] = 1.0
    if f.start < 300:
        feats["pos.early"] = 1.0
    if "," in value:
        feats["shape.comma"] = 1.0
    lexicon = get_lexicon(lang.code)
    if any(lexicon.lookup(w.strip(_PUNCT)) is not None for w in low.split()):
        feats["shape.polar"] = 1.0  # "Super Komödie", "Totaler Reinfall": an opinion headline
    n = _mentions(doc, value, (f.start, f.end))
    feats["mentions"] = math.log1p(n)
    if n == 0 and len(doc.text) > _SHORT_TEXT:
        feats["mentions.none"] = 1.0  # a short text has no room to name the work twice
    kind = doc.line_kind_at(f.start)
    if kind in ("chrome", "meta"):
        feats["line.chrome"] = 1.0
    series = lang.wordset("film_series")
    if low in series:
        feats["series.self"] = 1.0  # "Tatort": the series of TV films, not the film itself
    elif any(doc.low_scan.positions(name) for name in series):
        feats["series.mentioned"] = 1.0
    if 2 <= len(words) <= 3 and words[0].lower() in lang.wordset("first_names") and all(
            w[:1].isupper() for w in words):
        feats["shape.person"] = 1.0  # "Martin Schwarz" under a headline: the author
    longer = [v for v in values if len(v) > len(low) and v.startswith(low)
              and not v[len(low)].isalnum()]
    if longer:
        feats["rel.prefix_of_other"] = 1.0
    if any(len(v) < len(low) and low.startswith(v) and not low[len(v)].isalnum() for v in values):
        feats["rel.extends_other"] = 1.0


def candidates(doc: Doc) -> list[Finding]:
    found = (_headings(doc) + _quoted(doc) + _before_year(doc) + _episodes(doc)
             + _as_features(_subjects(doc), "subject") + _as_features(_apposition(doc),
                                                                      "apposition")
             + _page_hint(doc) + _labelled(doc) + inline_articles(doc))
    merged: dict[str, Finding] = {}
    for f in found:
        key = f.value.lower()
        if key in merged:
            old = merged[key]
            for k, v in f.features.items():
                old.features[k] = max(old.features.get(k, 0.0), v)
            old.spans.append((f.start, f.end))
            if f.start < old.start:  # the evidence starts at the first statement
                old.spans.append((old.start, old.end))
                old.start, old.end = f.start, f.end
        else:
            merged[key] = f
    out = list(merged.values())
    values = [f.value.lower() for f in out]
    for f in out:
        _shape(doc, f, values)
    return out


def score(doc: Doc, findings: list[Finding]) -> float:
    """Set each candidate's probability of being the title (the fitted choice model); returns
    the probability that none of them is."""
    probs, none = doc.lang.scorer(FIELD).choice([f.features for f in findings])
    for f, p in zip(findings, probs, strict=True):
        f.probability = p
    return none


def resolve(doc: Doc, findings: list[Finding]) -> Finding | None:
    """The most probable candidate, or None when "none of them" is likelier."""
    none = score(doc, findings)
    return choose(findings, none, doc.lang.scorer(FIELD).params.get("prefer_longer", 1.0))


def choose(findings: list[Finding], threshold: float, prefer_longer: float) -> Finding | None:
    """The candidate with the highest probability; a longer name that starts with it ("Dune"
    beside "Dune: Part Two") wins when its own probability reaches `prefer_longer`. None when
    the choice is below `threshold` (the probability of "none of them"). `prefer_longer` is
    fitted (tools/fit_scorers.py)."""
    if not findings:
        return None
    top = max(findings, key=lambda f: (f.probability or 0.0, -f.start))
    low = top.value.lower()
    longer = [f for f in findings if (f.probability or 0.0) >= prefer_longer
              and len(f.value) > len(top.value) and f.value.lower().startswith(low)
              and f.value[len(low):].lstrip()[:1] in _SEP_MARKS]
    if longer:
        top = max(longer, key=lambda f: (f.probability or 0.0, -f.start))
    return top if (top.probability or 0.0) >= threshold else None
