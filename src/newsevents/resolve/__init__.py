"""Resolution stages: gazetteer, actor typing, speakers, event place and date.

Resolution steps register with :func:`newsevents.extractors.registry.extractor` like extractors,
declaring what they require, so they run after the items they resolve.
"""
