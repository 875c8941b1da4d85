"""The event stage: every reported action coded into PLOVER (type, mode, context), with typed actor
and recipient lists, modality, attribution and codes for other ecosystems.

One job per module; modules use each other's public names only:

``lexicon``      the trigger lexicon, word classes and word lists, compiled once from data files
``frames``       trigger matching: a token + its lexicon entries → the entry whose frame holds
``syntax``       dependency helpers: children, prepositional objects, subjects, passives, owners
``roles``        actor and recipient heads of a verbal or nominal trigger
``suppress``     one action, one event: which candidates only elaborate another
``merge``        coordinated verbs and re-reports merge into the first mention
``attribution``  who reports an event (quote speakers, reporting verbs)
``quantity``     counts from digits and number words
``stage``        the registered ``events`` extractor: sentences → candidates → events
"""
from .stage import extract_events, published_year

__all__ = ["extract_events", "published_year"]
