"""Show how the opinions stage reads a text: its clauses, their polarity and the rules that fired.

    python bench/opprobe.py "Der Film ist zu lang, aber die Musik ist großartig."
"""

from __future__ import annotations

import sys

from reviewextract.lang import get_language
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.opinions.items import clauses_of, content_sentences
from reviewextract.opinions.polarity import clause_polarity
from reviewextract.pipeline import extract
from reviewextract.text import Doc


def main(text: str) -> None:
    doc = Doc(text, get_language("de"))
    lex = get_lexicon("de")
    for s in content_sentences(doc, lex):
        print("S:", doc.text[s.start:s.end][:120])
        for c in clauses_of(doc, lex, s):
            pol = clause_polarity(lex, doc, c.start, c.end)
            print(f"   {pol.score:+.2f} [{c.opener}] {c.text[:90]!r} {pol.rules}")
    r = extract(text)
    print("PROS", [o.text for o in r.pros])
    print("CONS", [o.text for o in r.cons])
    print("VERDICT", r.verdict.text if r.verdict else None, r.sentiment)


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]))
