"""The opinions stage keeps its per-review state on the `Doc`: reviews read interleaved or in
threads give the same points as reviews read one by one, and the word index behind it finds the
same words as the word pattern does."""

from __future__ import annotations

import random
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from reviewextract.fields.opinions import OpinionResult, extract_opinions
from reviewextract.lang import get_language
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.opinions import items
from reviewextract.opinions.polarity import Polarity
from reviewextract.text import Doc, WordIndex, lower_same_length

from .conftest import corpus_records

DE = get_language("de")
LEX = get_lexicon("de")
TEXTS = [r["text"] for r in corpus_records() if r.get("format", "text") == "text"][:12]


def _plain(r: OpinionResult) -> tuple[object, ...]:
    return (tuple(o.model_dump_json() for o in r.pros), tuple(o.model_dump_json() for o in r.cons),
            r.verdict.model_dump_json() if r.verdict else None, r.sentiment)


def _alone(text: str) -> tuple[object, ...]:
    return _plain(extract_opinions(Doc(text, DE), None))


def test_reviews_read_interleaved_keep_their_own_state() -> None:
    # two reviews half-read in turns: a shared "current review" would mix their words up
    a, b = Doc(TEXTS[0], DE), Doc(TEXTS[1], DE)
    for s_a, s_b in zip(a.sentences, b.sentences, strict=False):
        items.sentence_points(a, LEX, s_a)
        items.sentence_points(b, LEX, s_b)
    assert _plain(extract_opinions(a, None)) == _alone(TEXTS[0])
    assert _plain(extract_opinions(b, None)) == _alone(TEXTS[1])


def test_threads_give_the_same_opinions_as_one_by_one() -> None:
    expected = [_alone(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(_alone, TEXTS * 3))
    assert got == expected * 3


def test_the_words_of_a_doc_are_built_once_and_belong_to_it() -> None:
    doc = Doc(TEXTS[0], DE)
    assert doc.words is doc.words
    assert Doc(TEXTS[0], DE).words is not doc.words


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_word_index_ranges_match_the_word_pattern(seed: int) -> None:
    rng = random.Random(seed)
    text = rng.choice(TEXTS) + " _x_ 7,5 „Titel“ - Ende_"
    low = lower_same_length(text)
    ix = WordIndex(low)
    assert list(zip(ix.starts, ix.ends, strict=True)) == [
        m.span() for m in re.finditer(r"\w+", low)]
    assert ix.words == [low[s:e] for s, e in zip(ix.starts, ix.ends, strict=True)]
    for _ in range(300):
        start = rng.randrange(len(low) + 1)
        end = rng.randrange(start, len(low) + 1)
        # inside: exactly the words lying wholly in the range
        i, j = ix.inside(start, end)
        assert list(range(i, j)) == [k for k in range(len(ix.words))
                                     if start <= ix.starts[k] and ix.ends[k] <= end]


def test_the_shared_polarity_of_silent_clauses_stays_empty() -> None:
    # clauses without a live word share one Polarity per review: no step may change it
    for text in TEXTS:
        doc = Doc(text, DE)
        extract_opinions(doc, None)
        shared = doc.words.memo.get("nothing")
        assert shared is None or shared == Polarity()


def test_verdict_cue_lengths_cover_every_cue() -> None:
    # a cue is tried only at the lengths its first word begins: none may be left out
    for cue in (*LEX.verdict_cues, *LEX.verdict_anywhere):
        assert len(cue) in LEX.cue_lengths[cue[0]]
    assert set(LEX.cue_lengths) == LEX.cue_starts
    assert all(list(n) == sorted(n, reverse=True) for n in LEX.cue_lengths.values())


def test_sentences_with_a_cue_are_among_those_looked_at() -> None:
    from reviewextract.opinions import verdict

    for text in [*TEXTS, *(t.lower() for t in TEXTS)]:
        doc = Doc(text, DE)
        sentences = items.content_sentences(doc, LEX)
        cued = {i for i, s in enumerate(sentences) if verdict._cue(doc, LEX, s) is not None}
        looked_at = verdict._cued(doc, LEX, sentences)
        assert cued <= set(looked_at)
        assert looked_at == sorted(set(looked_at))
    assert any(verdict._cued(Doc(t, DE), LEX, items.content_sentences(Doc(t, DE), LEX))
               for t in TEXTS)


def test_threads_give_the_same_records_while_the_lexicon_memos_are_cleared() -> None:
    """Issue 14: the lexicon's memos are shared by all threads and emptied when full. A clear
    by one thread between another thread's profiling and its reading back turned polar words
    into plain ones. Here one thread empties the memos without pause while four threads
    extract, and thread switches are forced every microsecond. Every record must equal the one
    read alone."""
    import sys
    import threading

    from reviewextract import extract

    def record(text: str) -> str:
        return extract(text).model_dump_json()

    expected = [record(t) for t in TEXTS]
    stop = threading.Event()

    def clear_all_the_time() -> None:
        while not stop.is_set():
            LEX._memo.clear()
            LEX._profile_memo.clear()
            LEX._aspect_memo.clear()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    clearer = threading.Thread(target=clear_all_the_time)
    clearer.start()
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(record, TEXTS * 3))
    finally:
        stop.set()
        clearer.join()
        sys.setswitchinterval(interval)
    assert got == expected * 3
