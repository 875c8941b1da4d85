"""Places: toponyms found in the article and resolved against the embedded gazetteer.

Candidates come from spaCy's GPE/LOC/FAC entities, from PERSON entities that the gazetteer
resolves confidently in context (spaCy tags "Pristina" as a person; such an entity is relabelled
GPE in ``result.entities``), and from a guarded gazetteer scan of spans NER missed ("Idlib
province", "in the town of raska"). Each name is resolved with the article's context:

- an explicit container after it ("Raska, Serbia", "Woodbridge, Virginia") or a demonym or
  possessive before it ("the Serbian town of Raska", "Syria's Idlib province") — decisive;
- the countries the article names (weighted: country names 1, demonyms 0.5), more when named in
  the same sentence or paragraph;
- distance to the other places resolved in the article (a second pass);
- population, main-name match and capital status as priors only.

Directional phrases make region places ("northern Mitrovica", "the north of Kosovo"): feature
``region``, centred on the place they qualify. See ``docs/places.md``.

Modules, in the order the stage uses them: ``cues`` (the vocabulary, from ``data/place_nouns.tsv``
and ``data/place_cues.json``, and the patterns built from it), ``context`` (the countries the
article names), ``mention`` (a mention and what its surroundings say), ``finders`` (NER, other
labels, the gazetteer scan), ``resolution`` (scoring candidates, one sense per name), ``accept``
(the precision guard), ``roles`` (how a mention is used) and ``output``.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ...resolve.gazetteer import gazetteer, normalize
from ..registry import extractor
from .accept import accept
from .context import PlaceContext, count_context, paragraphs
from .cues import PLACE_LABELS
from .finders import ner_mentions, person_mentions, scan_mentions
from .mention import Mention
from .output import emit
from .resolution import one_sense, resolve
from .roles import mention_role

__all__ = ["extract_places", "mention_role", "Mention", "PlaceContext", "PLACE_LABELS"]


@extractor("places", requires=("entities",))
def extract_places(doc, result) -> None:
    """Toponyms resolved to GeoNames places (country, admin1, city, region) with context."""
    gaz = gazetteer()
    text = result.text
    sent_spans = [(s.start_char, s.end_char) for s in doc.sents]
    para_spans = paragraphs(text)
    ctx = PlaceContext(text, sent_spans, para_spans)

    mentions = ner_mentions(doc, result, gaz, ctx)
    count_context(doc, result, mentions, ctx, gaz)
    mentions += person_mentions(result, gaz, ctx, mentions, doc)
    mentions += scan_mentions(doc, result, gaz, ctx, mentions)

    for m in mentions:  # pass 1: countries, demonyms, containers, priors
        resolve(m, ctx, anchors=[])
    anchors = [m for m in mentions if m.best is not None and m.score >= 0.5 and m.best.feature in ("city", "admin1", "admin2")]
    resolved: dict[str, Counter] = defaultdict(Counter)  # name → countries its mentions resolved to
    for m in mentions:  # pass 2: add the resolved places' countries and distances
        if m.best is not None and m.best.feature == "city" and m.score >= 0.5:
            resolved[normalize(m.text)][m.best.country] += 0.5
    for m in mentions:
        own = normalize(m.text)
        ctx.extra = Counter()
        for name, counts in resolved.items():
            if name != own:  # a name's own guess must not reinforce itself
                ctx.extra.update(counts)
        resolve(m, ctx, anchors=[a for a in anchors if normalize(a.text) != own])
    ctx.extra = Counter()
    ctx.resolved = resolved

    one_sense(mentions)
    kept = [m for m in mentions if m.best is not None and accept(m, ctx)]
    qualifying = [m.container_span for m in kept if m.container_span]
    for m in kept:
        m.qualifier = any(s <= m.start and m.end <= e for s, e in qualifying)
    emit(doc, result, kept, gaz, ctx)
