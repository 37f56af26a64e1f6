"""Opinion mining for reviews: clause polarity, pros and cons, verdict and sentiment.

Language knowledge comes from `reviewextract.lang.lexicon.Lexicon`; nothing here names a word.
"""
