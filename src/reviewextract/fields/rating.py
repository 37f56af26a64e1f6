"""An explicit rating: "4 von 5 Sternen", "8/10", "7,5 von 10 Punkten", "★★★☆☆", "Wertung: 6/10"."""

from __future__ import annotations

import re

from ..model import Rating
from ..text import Doc
from ._common import Finding, Rejected, matches

FIELD = "rating"
_DEFAULT_STAR_SCALE = 5
_LOOK_BACK = 120  # characters before a score in which its sentence may name someone else
_ALONE = "alone_on_line"  # a tag of a score that is all its line holds
_SCALES = (3, 4, 5, 6, 10, 20, 100)  # the scales a score may have when no label names it one
_MIN_SCALE = 3  # a labelled score ("Bewertung: 8 / 9") may have any scale from here to 100
_LABEL_MARKS = " \t|:•*()[]-–"  # marks around a score's label in a table or a list
_SECTION_REACH = 600  # characters above a score in which a section's label is looked for
_SECTION_HEAD = re.compile(r"(?m)^[ \t]*([^\W\d][\w /-]{0,24}?)[ \t]*:[ \t]*$")


def _read(doc: Doc, m) -> tuple[float, float] | None:
    gd = m.groupdict()
    if gd.get("stars"):
        full = len(gd["stars"])
        value = full + (0.5 if gd.get("halfstar") else 0)
        best = full + (1 if gd.get("halfstar") else 0) + len(gd.get("empty") or "")
        if best < 3 and not gd.get("halfstar"):  # "★★" may adorn; "★½" is a score
            return None
        if not gd.get("empty"):  # "★★★", "★★ ½": the scale is not shown, five by default
            best = max(best, _DEFAULT_STAR_SCALE)
        return value, best
    if gd.get("pct"):
        pct = doc.lang.number(gd["pct"])
        return None if pct is None else (pct, 100.0)
    val = doc.lang.number(gd["val"])
    scale = doc.lang.number(gd["best"]) if gd.get("best") else float(_DEFAULT_STAR_SCALE)
    if val is None or scale is None:
        return None
    return val, scale


def _someone_elses(doc: Doc, pos: int) -> bool:
    """Does the sentence before `pos` give the score to others (a rating site, the audience)?"""
    floor = max(0, pos - _LOOK_BACK)  # bounded: a sentence of 10,000 scores stays linear
    start = max(doc.text.rfind(c, floor, pos) for c in ".!?\n") + 1
    before = doc.low[max(start, floor):pos]
    return any(w in before for w in doc.lang.words("rating_of_others"))


def candidates(doc: Doc, rejected: list[Rejected] | None = None) -> list[Finding]:
    out: list[Finding] = []
    for rule in doc.lang.field_rules(FIELD):
        for m in matches(doc, rule):
            read = _read(doc, m)
            if read is None:
                continue
            value, best = read
            if best not in _SCALES and not ("infobox" in rule.tags and _MIN_SCALE <= best <= 100):
                continue
            # "die IMDb-Wertung liegt bei 6/10": not the reviewer's own score; "Ton: 8/10",
            # "Extras (4.5/6)": a score of the disc, not of the work
            if (_someone_elses(doc, m.start()) or not 0 <= value <= best
                    or _of_a_part(doc, m.start())):
                if rejected is not None:
                    rejected.append(Rejected(FIELD, f"{value:g}/{best:g}", m.start(), m.end()))
                continue
            tags = rule.tags | {_ALONE} if _alone_on_line(doc, m.start(), m.end()) else rule.tags
            out.append(Finding(FIELD, Rating(value=value, best=best), m.start(), m.end(),
                               rule.id, rule.weight, tags))
    return out


def _of_a_part(doc: Doc, start: int) -> bool:
    """Is the score at `start` labelled as one of a part that is not the work: its line's words
    before it ("Tonqualität 3 von 6 Punkten", "| Bonusmaterial | 4 von 6 Punkten |"), or, for a
    score alone on its line, the line above ("Extras", then "(4.5/6)")? The label's words are
    those of `rating_aspect_labels` (`Bild`, `Ton`, `Extras` …)."""
    parts = doc.lang.wordset("rating_aspect_labels")
    ls = doc.text.rfind("\n", 0, start) + 1
    label = doc.low[ls:start]
    if not label.strip(_LABEL_MARKS):
        above = doc.low[:max(ls - 1, 0)].rstrip()
        label = above[above.rfind("\n") + 1:]
    label = " ".join(label.strip(_LABEL_MARKS).split())
    if label in parts:
        return True
    if label in doc.lang.wordset("rating_overall_labels"):
        return False  # "Gesamtwertung: 8/10" after the sections on picture and sound
    # under a section of a disc's part: the nearest line above that is only a label and a colon
    # ("Bild:", then paragraphs, then "Bewertung: 4 von 5")
    heads = list(_SECTION_HEAD.finditer(doc.low, max(0, ls - _SECTION_REACH), ls))
    return bool(heads) and " ".join(heads[-1].group(1).split()) in parts


def _alone_on_line(doc: Doc, start: int, end: int) -> bool:
    """Is the score all its line holds ("8/10", "4 von 5" on a line of its own)?"""
    ls = doc.text.rfind("\n", 0, start) + 1
    le = doc.text.find("\n", end)
    return not (doc.text[ls:start].strip() or doc.text[end:le if le >= 0 else len(doc.text)]
                .strip(" \t.!"))


def resolve(findings: list[Finding]) -> Finding | None:
    """An info-box rating first; then, when two scores or more stand on lines of their own
    (a page of rated entries: "8/10" under each), the first entry's; else the last rating
    stated (reviews close on their score)."""
    if not findings:
        return None
    top = max(f.weight for f in findings)
    if top >= 4:
        return next(f for f in findings if f.weight == top)
    alone = [f for f in findings if _ALONE in f.tags]
    if len(alone) >= 2:
        return min(alone, key=lambda f: f.start)
    strong = [f for f in findings if f.weight >= 1.5] or findings
    return max(strong, key=lambda f: f.start)
