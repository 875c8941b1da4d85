"""Extractors: plain functions over a spaCy Doc that fill a Result. See ``registry``."""
from .registry import extractor, ordered, registered

__all__ = ["extractor", "ordered", "registered"]
