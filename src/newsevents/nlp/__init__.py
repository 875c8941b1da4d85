from .pipeline import load_nlp, parse

__all__ = ["load_nlp", "parse"]
