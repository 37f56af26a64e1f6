"""The lexicon of one language as loaded: its entries, the per-word profiles the clause reader
uses, and the memoised token lookups (built by `reviewextract.lang.lexicon`).

The memos (`lookup`, `profile`, `aspect`) are the one mutable state shared by every review and
thread of a process. Each is bounded: when full it is emptied whole (`_CACHE_MAX` entries). That
is safe because a caller never reads a memo back after filling it: each lookup returns the
value it found or computed, and `profiles`, which reads the memo back in bulk, computes again
whatever another thread's clear removed in between (`tests/test_opinions_state.py` clears the
memos continuously while threads extract)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

MIN_STEM = 4  # shorter stems would match too many unrelated words
_MIN_HEAD = 4  # a compound's modifier must leave at least this many characters before a head
_MIN_ASPECT_HEAD = 5
_CACHE_MAX = 50_000
MAX_TOKEN = 40  # longer tokens (digit runs, garbage) are never probed: a lookup's cost is bounded
# a phrase ending in this matches only at the end of its clause ("zieht sich $")
END_OF_CLAUSE = "$"


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon term and how it scored a token."""

    term: str
    weight: float
    kind: str


@dataclass(frozen=True, slots=True)
class Profile:
    """What the clause reader may need to know about one word, looked up once (most words have
    none of it, and no profile: `Lexicon.profile` gives None)."""

    entry: Entry | None  # its polarity entry (`Lexicon.lookup`)
    modifier: float | None  # its weight as an intensifier or downtoner
    negator: bool
    than: bool  # "als": negates after a comparative
    comparative: bool
    excess: bool  # "zu"
    phrase_start: bool  # the first word of a multi-word entry
    inert: bool = False  # nothing but a phrase start: plain where no phrase matches

    def __post_init__(self) -> None:
        object.__setattr__(self, "inert", self.entry is None and self.modifier is None and not (
            self.negator or self.than or self.comparative or self.excess))


@dataclass(frozen=True, slots=True)
class Derivation:
    """Polar words a lexicon does not list but forms (opinions.toml `[derivation]`): a negating
    prefix before one of its adjectives ("un" + "spannend"), and a noun of a quality a work
    should have, or one of its polar nouns, before a suffix of lack ("spannungsarm",
    "fehlerfrei") or of plenty ("wendungsreich")."""

    prefixes: tuple[str, ...] = ()
    prefix_factor: float = 0.8  # the prefixed word's weight: the adjective's, turned, times this
    lacking: tuple[str, ...] = ()
    having: tuple[str, ...] = ()
    weight: float = 1.0  # of a word formed with a suffix
    linking: tuple[str, ...] = ()  # linking letters between noun and suffix ("Spannung-s-arm")
    qualities: frozenset[str] = frozenset()  # nouns of a wanted quality, no polarity alone
    endings: frozenset[str] = frozenset({""})  # the adjective endings after a suffix
    # every suffix with every adjective ending: one `endswith` test rejects most words
    ends: tuple[str, ...] = ()


@dataclass
class Lexicon:
    """Polarity terms and opinion cues of one language, with a token lookup that is memoised."""

    code: str
    forms: dict[str, Entry]
    stems: dict[str, Entry]
    heads: dict[str, Entry]
    phrases: dict[tuple[str, ...], Entry]
    negators: frozenset[str]
    negator_phrases: tuple[tuple[str, ...], ...]
    comparatives: frozenset[str]
    than: frozenset[str]
    modifiers: dict[str, float]
    modifier_phrases: dict[tuple[str, ...], float]
    neutral: frozenset[tuple[str, ...]]
    meta_nouns: frozenset[str]
    excess: frozenset[str]
    excess_exempt: frozenset[str]
    excess_adjectives: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    split_words: frozenset[str]
    coordinators: frozenset[str]
    subject_starts: frozenset[str]
    corrective_conjunctions: frozenset[str]  # "nicht X, sondern Y": the Y clause corrects X
    hypothetical: frozenset[str]
    irrealis: frozenset[str]
    adverbs_first: frozenset[str]
    relative_pronouns: frozenset[str]
    determiners: frozenset[str]
    concessive: frozenset[str]
    subordinate_concession: frozenset[tuple[str, ...]]
    trim_leading: frozenset[str]
    trim_trailing: frozenset[str]
    verdict_cues: dict[tuple[str, ...], float]
    verdict_anywhere: dict[tuple[str, ...], float]
    verdict_labels: frozenset[str]
    verdict_decisive: frozenset[str]  # labels that name the verdict outright ("Fazit:")
    aspects: dict[str, str]
    skip_line_prefixes: tuple[str, ...]
    signature_lines: frozenset[str]
    endings: dict[str, tuple[str, ...]]
    transliterations: tuple[tuple[str, str], ...] = ()  # ("oe", "ö"): spellings without umlauts
    plain_tails: frozenset[str] = frozenset()  # ends of words that are not a compound's head
    verdict_tails: tuple[str, ...] = ()  # ", am besten …": what follows is no longer the verdict
    verdict_totals: frozenset[tuple[str, ...]] = frozenset()  # "insgesamt 12": a total, no cue
    wishes: frozenset[str] = frozenset()  # "hätte … sein können": a counterfactual clause wishes
    lack_verbs: frozenset[str] = frozenset()  # "fehlen überzeugende Figuren": denies the praise
    max_phrase: int = 1
    phrase_starts: frozenset[str] = frozenset()  # first words of all multi-word entries
    # "fällt … ab": (verb, particle) -> entry, the particle closing the clause
    split_phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)
    cue_starts: frozenset[str] = frozenset()  # first words of all verdict cues
    derivation: Derivation = field(default_factory=Derivation)
    _memo: dict[str, Entry | None] = field(default_factory=dict, repr=False)
    _aspect_memo: dict[str, str | None] = field(default_factory=dict, repr=False)
    _profile_memo: dict[str, Profile | None] = field(default_factory=dict, repr=False)
    # every multi-word entry up to `max_phrase` words: key -> (kind, weight, term), and per first
    # and second word the lengths to try, longest first (built in __post_init__)
    phrase_table: dict[tuple[str, ...], tuple[str, float, str]] = field(
        default_factory=dict, repr=False)
    phrase_lengths: dict[tuple[str, str], tuple[int, ...]] = field(
        default_factory=dict, repr=False)
    clause_splitters: frozenset[str] = field(default=frozenset(), repr=False)
    live_starts: frozenset[str] = field(default=frozenset(), repr=False)
    split_verbs: frozenset[str] = field(default=frozenset(), repr=False)
    # per first word of a verdict cue, the lengths of the cues it begins, longest first
    cue_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # one table for the four kinds of multi-word entry; where a key is in several, the
        # first kind wins: polar, neutral, negator, modifier
        kinds: list[tuple[Iterable[tuple[str, ...]], Any]] = [
            (self.phrases, lambda k: ("polar", self.phrases[k].weight, self.phrases[k].term)),
            (self.neutral, lambda k: ("word", 0.0, " ".join(k))),
            (self.negator_phrases, lambda k: ("neg", 0.0, " ".join(k))),
            (self.modifier_phrases, lambda k: ("mod", self.modifier_phrases[k], " ".join(k))),
        ]
        lengths: dict[tuple[str, str], set[int]] = {}
        for keys, value in kinds:
            for key in keys:
                if 2 <= len(key) <= self.max_phrase and key not in self.phrase_table:
                    self.phrase_table[key] = value(key)
                    lengths.setdefault(key[:2], set()).add(len(key))  # type: ignore[arg-type]
        self.phrase_lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        # tables the clause reader looks words up in once per review (opinions/reader.py,
        # opinions/tokens.py): the words that split clauses, those and the cue openers
        # together, and the phrase starts that can match wherever they stand (separable verbs,
        # phrases whose second word is the clause end)
        self.clause_splitters = self.split_words | self.coordinators
        self.split_verbs = frozenset(verb for verb, _ in self.split_phrases)
        cue_lengths: dict[str, set[int]] = {}
        for cue in (*self.verdict_cues, *self.verdict_anywhere):
            cue_lengths.setdefault(cue[0], set()).add(len(cue))
        self.cue_lengths = {w: tuple(sorted(v, reverse=True)) for w, v in cue_lengths.items()}
        at_end = (w for w, nxt in self.phrase_lengths if nxt == END_OF_CLAUSE)
        self.live_starts = frozenset([*self.split_verbs, *at_end])

    def lookup(self, token: str) -> Entry | None:
        """The entry that scores a lowercased word token: exact form, stem, then compound head."""
        try:
            return self._memo[token]
        except KeyError:
            pass
        if len(token) > MAX_TOKEN:
            return None
        hit = self.forms.get(token)
        if hit is None:
            for k in range(len(token), MIN_STEM - 1, -1):
                hit = self.stems.get(token[:k])
                if hit is not None:
                    break
        if hit is None:
            for i in range(_MIN_HEAD, len(token) - 2):
                if token[i:] in self.plain_tails:
                    break  # a verb that ends like a head ("zurückgewinnen": not "gewinn")
                hit = self.heads.get(token[i:])
                if hit is not None:
                    break
        if hit is None and (self.derivation.prefixes or self.derivation.ends):
            hit = self._derived(token)
        if hit is None and self.transliterations:
            # text typed without umlauts ("wunderschoen", "ueberhaupt")
            folded = token
            for plain, letter in self.transliterations:
                folded = folded.replace(plain, letter)
            if folded != token:
                hit = self.lookup(folded)
        if len(self._memo) > _CACHE_MAX:
            self._memo.clear()
        self._memo[token] = hit
        return hit

    def _derived(self, token: str) -> Entry | None:
        """The entry of a word formed from a lexicon word or a quality noun (`Derivation`)."""
        d = self.derivation
        for prefix in d.prefixes:
            if token.startswith(prefix) and len(token) - len(prefix) > MIN_STEM:
                base = self.forms.get(token[len(prefix):])
                if base is not None and base.kind == "adj":
                    return Entry(prefix + base.term, -base.weight * d.prefix_factor, "adj")
        if not token.endswith(d.ends):
            return None
        for suffixes, sign in ((d.lacking, -1.0), (d.having, 1.0)):
            for suffix in suffixes:
                at = token.rfind(suffix)
                if at < 3 or token[at + len(suffix):] not in d.endings:
                    continue
                turn = self._base_sign(token[:at])
                if turn:
                    return Entry(token[:at] + suffix, sign * turn * d.weight, "adj")
        return None

    def _base_sign(self, stem: str) -> float:
        """+1 for a quality noun or a praising noun, -1 for a blaming noun, 0 otherwise; the
        stem is tried as written, without a linking letter and with a final e ("lieb-los")."""
        d = self.derivation
        tries = [stem, *(stem[:-len(k)] for k in d.linking if stem.endswith(k)), stem + "e"]
        for b in tries:
            if len(b) < 3:
                continue
            if b in d.qualities:
                return 1.0
            e = self.forms.get(b)
            if e is not None and e.kind in ("noun", "head"):
                return 1.0 if e.weight > 0 else -1.0
        return 0.0

    def profile(self, token: str) -> Profile | None:
        """What the clause reader needs to know of a lowercased word; None for a plain word."""
        try:
            return self._profile_memo[token]
        except KeyError:
            pass
        found = Profile(self.lookup(token), self.modifiers.get(token), token in self.negators,
                        token in self.than, token in self.comparatives, token in self.excess,
                        token in self.phrase_starts)
        hit = None if found == _PLAIN else found
        if len(self._profile_memo) > _CACHE_MAX:
            self._profile_memo.clear()
        self._profile_memo[token] = hit
        return hit

    def profiles(self, tokens: list[str]) -> list[Profile | None]:
        """`profile` of every token, in order: the tokens not seen before are profiled first,
        then all are read from the memo in one C-level pass (no Python loop over the tokens).

        The memo is shared by the threads of the process and emptied when full, so it may have
        been emptied (here or by another thread) between the profiling and the reading back: a
        token missing then is profiled again, never read as a plain word."""
        memo = self._profile_memo
        try:
            return list(map(memo.__getitem__, tokens))  # a long-running process has seen them
        except KeyError:
            new = set(tokens).difference(memo)
        if len(memo) + len(new) > _CACHE_MAX:  # the memo may be cleared midway: one by one
            return [self.profile(t) for t in tokens]
        for t in new:
            self.profile(t)
        found: list[Any] = list(map(memo.get, tokens, repeat(_UNKNOWN)))
        if _UNKNOWN in found:  # emptied since: those tokens again, from their own lookup
            return [self.profile(t) if p is _UNKNOWN else p for p, t in zip(found, tokens,
                                                                              strict=True)]
        return found

    def aspect(self, token: str) -> str | None:
        """The aspect label a token names, alone or as part of a compound (`bildqualität`)."""
        try:
            return self._aspect_memo[token]
        except KeyError:
            pass
        if len(token) > MAX_TOKEN:
            return None
        label = self.aspects.get(token)
        if label is None:
            # longest known aspect word that begins the compound (bildqualität) or, when long
            # enough not to be a mere ending (-ende, -bild), ends it (filmmusik)
            for k in range(len(token) - 3, 2, -1):
                label = self.aspects.get(token[:k])
                if label is None and k >= _MIN_ASPECT_HEAD:
                    label = self.aspects.get(token[len(token) - k:])
                if label is not None:
                    break
        if len(self._aspect_memo) > _CACHE_MAX:
            self._aspect_memo.clear()
        self._aspect_memo[token] = label
        return label


_PLAIN = Profile(None, None, False, False, False, False, False)
_UNKNOWN = object()  # not in the memo (any more)
