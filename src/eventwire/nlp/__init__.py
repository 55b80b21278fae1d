"""Optional statistical syntax: an English dependency parse mapped onto eventwire tokens.

Only :mod:`eventwire.nlp.english` imports spaCy; :mod:`eventwire.nlp.align` and
:mod:`eventwire.nlp.syntax` work on plain offsets and token fields, so the rest of eventwire
reads a parse without knowing where it came from.
"""
