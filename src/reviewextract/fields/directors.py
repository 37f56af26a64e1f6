"""Directors: "Regie: A, B", "Regie führte X", "unter der Regie von X und Y", "inszeniert von X",
"Regisseurin X", "X, der auch Regie führte", "Christopher Nolans neuer Film".

Only director cues produce names, so actors, writers, showrunners and composers stay out. When a
strong cue names someone, weaker genitive readings ("Wolfgang Petersens Kinofilm") are dropped.
"""

from __future__ import annotations

import re
from functools import cache

from ..text import Doc
from ._common import Finding, matches, names_other_work, quoted_after, quoted_before

FIELD = "directors"
_TOKEN = re.compile(r"[ \t]*([^\s,;:!?()\[\]„“”\"»«/|]+)")
_STRONG = 2.0
_MAX_TOKENS = 5
_MAX_SKIP = 5


_NAME_END = ("\n", ",", ";", "|", ")")  # what may follow a name's last word
_ABBREVIATION_LETTERS = 4  # "GoT", "HBO": at most this long, two capitals or more
_DESCRIPTOR_LETTERS = 5
_TITLE_BY = "directors.title_by"  # the rule id of `_after_title`
_TITLE_BY_WEIGHT = 1.5  # a weak cue, as strong as a quoted name's "von" (cues.toml, quoted_by)
_LOOK_BACK = 200  # characters before a name in which its sentence may name another credit
_OPENING_QUOTES = ("„", "»", "\"")
_MAX_NAME_TOKEN = 30  # longer than any part of a personal name: a garbage run, not a name
_GENITIVE_REACH = 3  # words from a genitive to its work noun ("Nolans neuer Film")
_GENITIVE_LOOK = 90  # characters those words are looked for in
_PUNCT = ".,;:!?()\"'“”»«"
_MAX_GAP = 2  # blanks between the words of one name; more set off a table's next cell
# the last token before a name and its joining word ("Ethan" in "Ethan und Joel Coen")
_LONE_BEFORE = re.compile(r"(?:^|(?<=\s))([^\s,;:!?()\[\]„“”\"»«/|]+)\s+\S+\s*$")


def _is_cap(tok: str) -> bool:
    if len(tok) > _MAX_NAME_TOKEN:
        return False
    return (tok[:1].isupper() and not tok.isupper()) or (len(tok) <= 3 and tok[:1].isupper())


def _is_descriptor(tok: str) -> bool:
    """An abbreviation of two capitals or more ("GoT") or a compound with a lower-case word
    after a hyphen ("Krimi-erfahrene") describes a person. Names hyphenate capitalised parts
    ("Müller-Westernhagen") or short syllables ("Bong Joon-ho", "Park Chan-wook"), never a
    lower-case word of five letters or more."""
    if len(tok) <= _ABBREVIATION_LETTERS and sum(c.isupper() for c in tok) >= 2:
        return True  # "GoT", "HBO": an abbreviation before a name ("wie bei GoT Alan Taylor")
    return any(part[:1].islower() and len(part) >= _DESCRIPTOR_LETTERS
               for part in tok.split("-")[1:])


@cache
def initial(upper: str) -> re.Pattern[str]:
    """An initial: a capital (the language's, `[letters] upper`) and a period ("C."), or a run
    of them written together ("J.J.", "F.W.")."""
    return re.compile(rf"(?:[{upper}]\.)+")


def read_name(text: str, pos: int, particles: frozenset[str], stop: frozenset[str],
              initials: re.Pattern[str], skip_stop: bool = False,
              roles: tuple[str, ...] = (), articles: frozenset[str] = frozenset()
              ) -> tuple[int, int] | None:
    """The span of one personal name starting at `pos` (capitalised tokens and particles;
    `initials` matches an initial). With `skip_stop`, capitalised stop words before the name
    are passed over ("Was Stanley Kubrick ...", "Regisseurin Maria Schrader"). A word holding
    one of `roles` ("Erfolgsregisseur", "Regieneuling") describes the person: passed over
    before the name, it is never part of it. A particle that is also an article (`articles`:
    "den") goes on a name of two words or more only after another particle ("von der"):
    "Helvio Soto den Sturz" is a name and an object."""
    tokens: list[tuple[int, int]] = []
    i = pos
    pending: list[tuple[int, int]] = []  # particles waiting for a capitalised token
    while len(tokens) < _MAX_TOKENS:
        m = _TOKEN.match(text, i)
        if not m:
            break
        if tokens and m.start(1) - i > _MAX_GAP:
            break  # a run of blanks between two words: a column or cell boundary, not a name
        is_initial = initials.fullmatch(m.group(1)) is not None
        tok = m.group(1) if is_initial else m.group(1).rstrip(".")
        s, e = m.start(1), m.start(1) + len(tok)
        role = bool(roles) and any(r in tok.lower() for r in roles)
        if skip_stop and not tokens and not is_initial and (tok in stop or _is_descriptor(tok)
                                                            or role):
            i = e
            continue
        # a stop word can end a name it does not start ("Regie: Franziska Buch"), where the
        # name ends with the line or the list item
        last = tok in stop and len(tokens) == 1 and not pending and text[e:e + 1] in _NAME_END
        if is_initial or (_is_cap(tok) and (tok not in stop or last) and not _is_descriptor(tok)
                          and not role):
            tokens.extend(pending)
            pending = []
            tokens.append((s, e))
            if last:
                break
        elif tokens and tok in particles and not (len(tokens) >= 2 and not pending
                                                  and tok in articles):
            pending.append((s, e))
        else:
            break
        i = e
        if e < len(text) and text[e] in ".,;:" and not is_initial:
            break
    if len(tokens) < 2:
        return None
    return tokens[0][0], tokens[-1][1]


def read_names(text: str, pos: int, particles: frozenset[str], stop: frozenset[str],
               separator: re.Pattern[str], initials: re.Pattern[str],
               roles: tuple[str, ...] = (), articles: frozenset[str] = frozenset()
               ) -> list[tuple[int, int]]:
    """A list of names ("A, B und C") starting at `pos`. A first name alone before "und" and a
    full name ("Ethan und Joel Coen") is passed over here: `shared_surname` gives it the
    surname after the names are read."""
    out: list[tuple[int, int]] = []
    while True:
        span = read_name(text, pos, particles, stop, initials, skip_stop=not out, roles=roles,
                         articles=articles)
        if span is None:
            lone = _lone_first_name(text, pos, stop, separator)
            if lone is not None:
                pos = lone
                span = read_name(text, pos, particles, stop, initials, roles=roles,
                                 articles=articles)
        if span is None:
            break
        out.append(span)
        sep = separator.match(text, span[1])
        if not sep or "\n" in sep.group():
            break
        pos = sep.end()
    return out


def _lone_first_name(text: str, pos: int, stop: frozenset[str],
                     separator: re.Pattern[str]) -> int | None:
    """Where the full name after a lone first name and "und" starts ("Ethan und Joel Coen",
    "Jean-Pierre und Luc Dardenne"), else None."""
    m = _TOKEN.match(text, pos)
    while m is not None and m.group(1) in stop:  # "die Brüder Ethan und Joel Coen"
        m = _TOKEN.match(text, m.end())
    if m is None or not _is_cap(m.group(1)) or _is_descriptor(m.group(1)):
        return None
    sep = separator.match(text, m.end())
    if sep is None or "," in sep.group() or "\n" in sep.group():
        return None  # "A, B C" lists two names; only "A und B C" shares one
    return sep.end()


def shared_surname(text: str, start: int, end: int, particles: frozenset[str],
                   stop: frozenset[str], separator: re.Pattern[str],
                   cue_end: int | None = None) -> tuple[int, str] | None:
    """A lone first name right before the name at `start`…`end`, joined by "und" ("Ethan und
    Joel Coen"): its start and the full name it shares the surname of ("Ethan Coen"). A lone
    name right at `cue_end`, where the director cue ends, follows the cue, whatever word ends
    the cue ("ein Western von Ethan und Joel Coen")."""
    base = max(0, start - _MAX_NAME_TOKEN * 2)
    left = text[base:start]
    for m in _LONE_BEFORE.finditer(left):
        first = m.group(1)
        before = left[:m.start(1)].rstrip()
        prev = before.split()[-1] if before.split() else ""
        # the lone name is not the end of a name before it ("Tom Keller und Anna Beispiel",
        # "Jan de Vries und Eva Klein")
        lone = base + m.start(1)
        after_cue = cue_end is not None and lone >= cue_end and not text[cue_end:lone].strip()
        if (_is_cap(first) and first not in stop and not _is_descriptor(first)
                and (after_cue or (
                    prev not in particles
                    and not (_is_cap(prev) and prev not in stop and prev[-1:].isalpha())))
                and separator.fullmatch(left[m.end(1):]) and "," not in left[m.end(1):]):
            surname = text[start:end].split()[-1]
            return lone, f"{first} {surname}"
    return None


def _names_nearby(text: str, pos: int, particles: frozenset[str], stop: frozenset[str],
                  separator: re.Pattern[str], initials: re.Pattern[str],
                  past: frozenset[str], roles: tuple[str, ...], skip: int = _MAX_SKIP,
                  articles: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Names right after a cue, or after up to `skip` lowercase or stop words ("Die Regie
    übernahm in den ersten Folgen Charlotte Sieling"); never across punctuation or a line
    break, and none after a word that puts the credit in the past ("Regie damals X": an earlier
    work's)."""
    for _ in range(skip + 1):
        spans = read_names(text, pos, particles, stop, separator, initials, roles, articles)
        if spans:
            return spans
        m = _TOKEN.match(text, pos)
        if not m:
            return []
        tok = m.group(1)
        if not (tok.islower() or tok in stop) or text[m.end():m.end() + 1] in ".,;:!?\n":
            return []
        if tok.lower() in past:
            return []
        pos = m.end()
    return []


def candidates(doc: Doc, title: str | None = None) -> list[Finding]:
    """Names after a director's cue. When the review's `title` is known, a weak cue that binds
    a name to another quoted work ("Martin Scorseses „Casino“", "„Amarcord“ von X") names that
    work's maker and gives nothing."""
    lang = doc.lang
    particles = lang.facts.name_particles
    articles = lang.facts.name_article_particles
    stop = lang.facts.name_stopwords
    separator = lang.facts.name_separator
    initials = initial(lang.script.upper)
    roles = lang.words("director_role_stems")
    out: list[Finding] = []
    for rule in sorted(lang.field_rules(FIELD), key=lambda r: -r.weight):
        if rule.weight < _STRONG and any(f.weight >= _STRONG for f in out):
            break  # weak readings only count when no strong cue named anyone (see resolve)
        for m in matches(doc, rule):
            if "of_work" in rule.tags and _of_other_work(doc, m, rule.tags):
                continue  # "der Roman „So was von da“ von X": the book's author
            if (title is not None and rule.weight < _STRONG
                    and _quotes_other_work(doc.text, m, title)):
                continue
            if "names_after" in rule.tags:
                skip = 0 if "adjacent" in rule.tags else _MAX_SKIP
                spans = [_genitive_cut(doc, s, e) for s, e in _names_nearby(
                    doc.text, m.end(), particles, stop, separator, initials,
                    lang.facts.director_past_markers, roles, skip, articles)]
            else:
                # read inside the group only: "Greta Gerwigs" names "Greta Gerwig"; the group
                # cut out, not the text up to it (a copy that long per match was quadratic)
                base = _after_sentence_end(doc.text, m.start("names"), m.end("names"))
                spans = [(s + base, e + base) for s, e in read_names(
                    doc.text[base:m.end("names")], 0, particles, stop, separator, initials,
                    roles, articles)]
            for s, e in spans:
                if rule.weight < _STRONG and _credited_otherwise(doc, s):
                    continue  # a weak cue beside "Drehbuch", "spielt": a writer or an actor
                shared = shared_surname(doc.text, s, e, particles, stop, separator,
                                        m.end() if "names_after" in rule.tags else None)
                if shared is not None:  # "Ethan und Joel Coen": Ethan Coen, then Joel Coen
                    out.append(Finding(FIELD, shared[1], shared[0], e, rule.id, rule.weight,
                                       rule.tags, spans=[(m.start(), m.end())]))
                if "genitive" in rule.tags:
                    e = _own_ending(doc, s, e)
                name = " ".join(doc.text[s:e].split())
                out.append(Finding(FIELD, name, s, e, rule.id, rule.weight, rule.tags,
                                   spans=[(m.start(), m.end())]))
    if title is not None and not any(f.weight >= _STRONG for f in out):
        out.extend(_after_title(doc, title))
    return out


def _after_title(doc: Doc, title: str) -> list[Finding]:
    """Names after the review's own title and "von" (`director_after_title`): "Zatoichi von
    Takeshi Kitano", "DER GESCHMACK DER KIRSCHE von X ::". A weak cue, as a quoted name's."""
    facts = doc.lang.facts
    after = facts.director_after_title
    out: list[Finding] = []
    low = title.lower()
    for pos in doc.low_scan.positions(low):
        end = pos + len(low)
        if (pos > 0 and doc.low[pos - 1].isalnum()) or doc.low[end:end + 1].isalnum():
            continue
        m = after.match(doc.low, end)
        if m is None:
            continue
        for s, e in _names_nearby(doc.text, m.end(), facts.name_particles, facts.name_stopwords,
                                  facts.name_separator, initial(doc.lang.script.upper),
                                  facts.director_past_markers, facts.director_role_stems, 0,
                                  facts.name_article_particles):
            if _credited_otherwise(doc, s):
                continue
            out.append(Finding(FIELD, " ".join(doc.text[s:e].split()), s, e, _TITLE_BY,
                               _TITLE_BY_WEIGHT, frozenset({"names_after"}),
                               spans=[(pos, m.end())]))
    return out


def _genitive_cut(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name read after a cue ends before its genitive ending when a work noun or a quoted
    name follows ("Regisseur Tom Kellers Film", "Regieneuling X-s „Y“"): the maker's work."""
    rest = doc.text[end:end + 40].lstrip(" ")
    after = rest.split(None, 1)  # empty where only a line break or the text's end follows
    if not after or not (rest.startswith(_OPENING_QUOTES) or after[0].lower().rstrip(".,;:!?")
                         .endswith(doc.lang.words("film_nouns_after_genitive"))):
        return start, end
    for ending in doc.lang.words("genitive_endings"):
        if doc.text.endswith(ending, start, end) and end - len(ending) - start > 3:
            return start, end - len(ending)
    return start, end


def _own_ending(doc: Doc, start: int, end: int) -> int:
    """The end of a name read before a genitive ending ("Wim Wender|s Film"): the ending is
    the name's own when the review writes the name's last word with it elsewhere, at no place
    of a genitive ("Wim Wenders dokumentiert"), and never without it at such a place ("Fatih
    Akin lässt es …" beside a "Fatih Akins" whose noun the writer left out)."""
    ending = next((x for x in doc.lang.words("genitive_endings")
                   if doc.text.startswith(x, end)), None)
    if ending is None or not ending.isalpha():
        return end
    words = doc.text[start:end + len(ending)].lower().split()
    if not words:
        return end
    here = end + len(ending) - len(words[-1])  # where this reading's last word starts
    plain = _plain_places(doc, words[-1])
    if not any(p != here for p in plain[:2]):
        return end
    return end if _plain_places(doc, words[-1][:-len(ending)]) else end + len(ending)


def _plain_places(doc: Doc, word: str) -> list[int]:
    """Where `word` stands in the review at no place of a genitive (its starts), each word's
    places judged once per review (a sentence of many genitives of one name stays linear)."""
    memo = doc.words.memo
    places: dict[str, list[int]] | None = memo.get("word_places")
    if places is None:
        places = {}
        for k, w in enumerate(doc.words.words):
            places.setdefault(w, []).append(k)
        memo["word_places"] = places
    judged: dict[str, list[int]] = memo.setdefault("plain_places", {})
    hit = judged.get(word)
    if hit is None:
        ix = doc.words
        hit = judged[word] = [ix.starts[k] for k in places.get(word, ())
                              if not _genitive_place(doc, k)]
    return hit


def _genitive_place(doc: Doc, k: int) -> bool:
    """Does word k stand where a genitive would: before a work noun up to three words on, as
    the text spaces them ("Nolans neuer Film", "seinerzeit bahnbrechender Science-Fiction-
    Film"), a quoted name or a capitalised word (a noun: "Wedels Regie")?"""
    end = doc.words.ends[k]
    rest = doc.low[end:end + _GENITIVE_LOOK].split()[:_GENITIVE_REACH]
    nxt = doc.text[end:end + 2].lstrip(" \t")[:1]
    nouns = doc.lang.words("film_nouns_after_genitive")
    return ((bool(rest) and rest[0].startswith(_OPENING_QUOTES)) or nxt.isupper()
            or any(x.strip(_PUNCT).endswith(nouns) for x in rest))


def _after_sentence_end(text: str, start: int, end: int) -> int:
    """Where the names of a matched group begin: after the last sentence end inside it. The
    group's first token may take a period ("J. Michael"), so "… eine gute Figur. Rick
    Famuyiwa, der …" matches from "Figur."; a word of two letters or more before ". " ends a
    sentence, an initial does not."""
    cut = start
    i = text.find(". ", start, end)
    while i != -1:
        j = i
        while j > start and text[j - 1].isalpha():
            j -= 1
        if i - j >= 2:
            cut = i + 2
        i = text.find(". ", i + 2, end)
    return cut


def _of_other_work(doc: Doc, m: re.Match[str], tags: frozenset[str]) -> bool:
    """Does the cue follow a noun of another kind of work ("der St. Pauli-Roman „X“ von",
    "ein Roman von X mit Y")? Then whoever it is "von" wrote that work. With the tag
    `after_quote` the noun stands before the quoted name the cue follows."""
    pos = m.start()
    if "after_quote" in tags:
        floor = max(0, pos - _LOOK_BACK)
        pos = max(doc.text.rfind(q, floor, pos) for q in _OPENING_QUOTES)
        if pos < 0:
            return False
    # not `words_before`, which stops at a colon: "Vorlage: „X“ von Y" names an author too
    before = doc.low[max(0, pos - 40):pos].split()
    if not before:
        return False
    word = before[-1].strip(",;:()")
    return any(word == n or (len(n) >= 3 and word.endswith(n))
               for n in doc.lang.wordset("other_work_nouns"))


def _quotes_other_work(text: str, m: re.Match[str], title: str) -> bool:
    """Does the cue end on the opening mark of a quoted name (a genitive's „…“) or start on
    the closing mark of one ("„…“ von"), and is that name another work than `title`?"""
    quoted = quoted_after(text, m.end()) or quoted_before(text, m.start() + 1)
    return quoted is not None and names_other_work(quoted, title)


def _credited_otherwise(doc: Doc, pos: int) -> bool:
    """Does the sentence before `pos` name another credit ("Das Drehbuch schrieb das Duo X")?"""
    floor = max(0, pos - _LOOK_BACK)  # bounded: a sentence of many names stays linear
    start = max(max(doc.text.rfind(c, floor, pos) for c in ".!?\n") + 1, floor)
    words = doc.words
    i, j = words.inside(start, pos)
    return not doc.lang.wordset("other_credit_words").isdisjoint(words.words[i:j])


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def resolve(findings: list[Finding]) -> list[Finding]:
    """Names from strong cues (or, failing those, the first weak one's), each once, in text
    order. Of several info-box lines ("Regie: X" for each work of a page), only the first."""
    strong = [f for f in findings if f.weight >= _STRONG]
    boxes = sorted({f.spans[0] for f in strong if "infobox" in f.tags})
    if len(boxes) > 1:
        # "Regie: X" on several info lines: a page of several works; the first line's names
        strong = [f for f in strong if "infobox" not in f.tags or f.spans[0] == boxes[0]]
    chosen = strong
    if not strong and findings:
        # weak cues: the names of the first one only; a second maker's genitive further on
        # ("wie in Xs Komödie") names another work's director
        first = min(findings, key=lambda f: f.start)
        chosen = [f for f in findings if f.spans[:1] == first.spans[:1]]
    out: list[Finding] = []
    for f in sorted(chosen, key=lambda f: (-f.weight, f.start)):
        k = _key(f.value)
        if any(k == _key(o.value) or _key(o.value).endswith(" " + k) for o in out):
            continue
        out = [o for o in out if not k.endswith(" " + _key(o.value))]
        out.append(f)
    return sorted(out, key=lambda f: f.start)
