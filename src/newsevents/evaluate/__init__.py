"""Evaluation against gold annotations: ``newsevents eval``.

* :func:`evaluate_gold`: ``*.gold.json`` files (quotes, places, casualties, events);
* :func:`evaluate_plover`: PLOVER gold-standard sentences (event type, actor, recipient);
* :func:`evaluate_re3d`: re3d Location spans (place mentions).

The scorers (:func:`score_article`, :func:`score_sentence`, …) work on contract dicts, so stored
outputs can be scored without running the pipeline. Matching rules: ``docs/evaluation.md``.
"""
from __future__ import annotations

from .gold import Gold, find_article, load_gold, parse_gold
from .plover import evaluate_plover, load_plover, score_sentence
from .re3d import evaluate_re3d, load_re3d
from .run import Report, evaluate_gold, run_pipeline, score_article

__all__ = ["Gold", "Report", "evaluate_gold", "evaluate_plover", "evaluate_re3d", "find_article", "load_gold",
           "load_plover", "load_re3d", "parse_gold", "run_pipeline", "score_article", "score_sentence"]
