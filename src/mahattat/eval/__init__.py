"""Evaluation against gold annotations (``mahattat eval ...``)."""

from .timex import Counts, Error, Score, match, metrics, prf, score_corpus, score_doc

__all__ = ["Counts", "Error", "Score", "match", "metrics", "prf", "score_corpus", "score_doc"]
