"""The declared format of every data file under ``newsevents/data``.

One entry per file: a :class:`Table` for ``.tsv`` (columns in order, key columns), a JSON spec
(:class:`Record`, :class:`Mapping`, :class:`Words`, :class:`Text`, :class:`Number`) for ``.json``.
A file without an entry here cannot be loaded ([E031]); ``docs/data-files.md`` is generated from
these declarations (``python -m newsevents.datafiles``) and a test keeps it in step.
"""
from __future__ import annotations

from .loaders import Column as C
from .loaders import Mapping, Number, Record, Table, Text, Words

PLACE_NOUN_USES = ("after_admin", "admin_of", "city_hint", "scan_suffix", "scan_of", "cue_of", "demonym_of", "locative_of", "vague_of", "of_place", "modified", "ground", "possessive_after", "gazetteer")
SECTOR = "a PLOVER/CAMEO sector code (GOV, COP, MIL, REB, IGO …)"

TABLES: dict[str, Table] = {
    # ------------------------------------------------------------------------------ shared
    "demonyms.tsv": Table(
        (C("demonym", doc="a demonym or ethnonym as written ('Serbian', 'Kosovo Serbs')"),
         C("alpha2", doc="ISO 3166-1 alpha-2 (Kosovo: XK); empty: the word names no country"),
         C("reading", choices=("actors",), doc="empty: every stage; actors: only actor coding reads it, "
                                               "before country names (metonyms, ethnonyms)")),
        key=("demonym", "reading"), doc="Demonyms → country, the one demonym table (newsevents.countries)."),
    "country_centroids.tsv": Table(
        (C("alpha2"), C("lat", "float", required=True), C("lon", "float", required=True)),
        key=("alpha2",), doc="A centre point per country."),
    "regions.tsv": Table(
        (C("name"), C("lat", "float", required=True), C("lon", "float", required=True),
         C("country", doc="alpha-2, empty when the region spans several"),
         C("aliases", split="|", doc="other names, '|'-separated")),
        key=("name",), doc="Well-known regions, seas and continents news names."),
    "gazetteer_extras.tsv": Table(
        (C("alias"), C("kind", required=True, choices=("country", "country_name", "city", "admin1")),
         C("target", required=True, doc="country, country_name: alpha-2; city: 'GeoNames name@alpha2'; admin1: CC.code")),
        key=("alias", "kind"), doc="Aliases news uses that the GeoNames and ISO names miss."),
    "place_nouns.tsv": Table(
        (C("noun", doc="a noun naming a kind of place or a part of one, lower-case ('province', 'outskirts', 'port city')"),
         C("uses", split=" ", required=True, choices=PLACE_NOUN_USES,
           doc="where the places stage (and the gazetteer) reads it: see the file's header")),
        key=("noun",), doc="Place nouns (administrative units, settlements, parts of a place), the one list of the notion, "
                           "with each use (newsevents.extractors.places.cues)."),
    "holidays.tsv": Table(
        (C("name"), C("rule", required=True, doc="MM-DD, or N-Weekday-MM (N=-1: the last)")),
        key=("name",), doc="Named days → date rule."),
    "reporting_verbs.tsv": Table(
        (C("lemma"),
         C("quote", split=" ", choices=("clausal", "directive", "object", "claim_object", "quoting", "commissive",
                                         "weak", "strong", "raising", "prep_directive", "addressee", "interview",
                                         "issuing"), doc="the quotes stage's cue constructions"),
         C("preps", split=" ", doc="object verbs: prepositions that belong to the content"),
         C("platform", doc="the medium the verb names ('tweet': Twitter)"),
         C("uses", split=" ", choices=("events", "dates", "modality"), doc="the other stages reading it as reporting"),
         C("class", choices=("speech", "belief", "evidence", "stance", "intent"),
           doc="attributions: what the verb attributes (docs/quotes.md)"),
         C("frames", split=" ", choices=("clause", "wh", "infinitive", "object", "prep"),
           doc="attributions: the contents the verb takes, in this order of preference")),
        key=("lemma",), doc="Reporting and speech verbs, the one list of the notion, with each stage's use."),
    "attribution_nouns.tsv": Table(
        (C("lemma"), C("class", required=True, choices=("speech", "belief", "evidence", "stance", "intent")),
         C("preps", split=" ", doc="prepositions introducing the content ('support for ...')")),
        key=("lemma",), doc="Nouns that attribute a content to a source ('allegations that ...')."),
    # ------------------------------------------------------------------------------ actors
    "actors/countries.tsv": Table(
        (C("alias", doc="a country name, adjective, demonym or capital, lower-case"),
         C("alpha3", required=True), C("alpha2", required=True)),
        key=("alias",), doc="Country names → ISO alpha-3 / alpha-2 (PETRARCH2 country blocks, pycountry)."),
    "actors/igos.tsv": Table(
        (C("alias"), C("canonical", required=True), C("code", required=True), C("sector", required=True, doc=SECTOR)),
        key=("alias",), doc="International organisations."),
    "actors/agents.tsv": Table(
        (C("lemma"), C("sector", required=True, doc=SECTOR), C("kind", required=True, choices=("agent", "title"),
                                                                 doc="agent: a group or person noun; title: a role before a name")),
        key=("lemma", "kind"), doc="Generic actor nouns and titles → sector."),
    "actors/modifiers.tsv": Table(
        (C("lemma"), C("sector", required=True, doc=SECTOR),
         C("override", "flag", required=True, doc="1: the modifier's sector wins over the head's")),
        key=("lemma",), doc="Modifier words that set the sector of an actor phrase."),
    "actors/named_actors.tsv": Table(
        (C("name"), C("country3", doc="alpha-3, or IGO/NGO/MNC …"), C("country2", doc="alpha-2 when a country"),
         C("sector", doc=SECTOR)),
        key=("name",), doc="People and organisations → country and sector (PETRARCH2 Phoenix, current roles)."),
    "actors/target_nouns.tsv": Table((C("lemma"),), key=("lemma",), doc="Physical targets an attack may hit."),
    "actors/phoenix_agents.tsv": Table(
        (C("lemma"), C("sector", required=True, doc=SECTOR)), key=("lemma",),
        doc="One-word actor nouns of the Phoenix agents dictionary (generated by scripts/build_phoenix_agents.py)."),
    # ------------------------------------------------------------------------------ events
    "events/plover_triggers.tsv": Table(
        (C("lemma", doc="lemma, or 'verb particle', or a two-word noun"),
         C("pos", required=True, choices=("V", "N", "A")), C("type", required=True, doc="PLOVER type"),
         C("mode", doc="PLOVER mode"), C("frame", doc="space-separated frame keys (see the file's header)"),
         C("context", split=";", doc="PLOVER contexts, ';'-separated")),
        key=("lemma", "pos", "frame"), doc="PLOVER trigger lexicon: lemma + part of speech + frame → type/mode."),
    "events/cameo_verbs.tsv": Table(
        (C("lemma", doc="verb lemma, or 'verb particle'"), C("pos", required=True, choices=("V",)),
         C("type", required=True, doc="PLOVER type"), C("mode", doc="PLOVER mode"),
         C("frame", doc="frame keys, as in plover_triggers.tsv"), C("context", split=";", doc="PLOVER contexts"),
         C("cameo", required=True, doc="the CAMEO code of the pattern")),
        key=("lemma", "pos", "frame"),
        doc="Verb frames from the CAMEO verb dictionary through CAMEO2PLOVER (generated by scripts/build_cameo_lexicon.py); "
            "the fallback after plover_triggers.tsv."),
    "events/classes.tsv": Table(
        (C("class"), C("lemmas", required=True, split=" ", doc="space-separated; multiword with '_'")),
        key=("class",), doc="Word classes trigger frames refer to (@class)."),
    "events/codes.tsv": Table(
        (C("key", doc="TYPE or TYPE:mode"), C("cameo", required=True), C("quad_class", "int", required=True),
         C("goldstein", "float", required=True)),
        key=("key",), doc="PLOVER type[:mode] → CAMEO root, QuadClass, conflict/cooperation score."),
    "events/acled_map.tsv": Table(
        (C("type"), C("mode", doc="'*' any"), C("actor", split=",", doc="sectors, ',' list, '*' any"),
         C("recipient", split=",", doc="sectors, ',' list, '*' any"), C("acled_event_type", required=True),
         C("acled_sub_event_type", required=True)),
        key=("type", "mode", "actor", "recipient"), doc="PLOVER type/mode + sectors → ACLED types; first matching row wins."),
    "events/modality.tsv": Table(
        (C("cue"), C("kind", required=True, choices=("negation", "future", "intent", "hypothetical", "historical")),
         C("where", required=True, choices=("neg", "aux", "mark", "gov", "adv"),
           doc="neg/aux: a child of the trigger; mark: the clause's subordinator; gov: the governing verb; adv: a time modifier")),
        key=("cue", "where"), doc="Modality cues."),
    "events/assault_modes.tsv": Table(
        (C("word", doc="multiword with '_'"), C("mode", required=True)), key=("word",),
        doc="Words in an ASSAULT clause → mode; first match wins."),
    "events/mobilize_modes.tsv": Table((C("word"), C("mode", required=True)), key=("word",),
                                       doc="What is mobilised → MOBILIZE mode."),
    "events/contexts.tsv": Table((C("stem", doc="matches the start of a lower-cased word"), C("context", required=True)),
                                 key=("stem",), doc="Word stems → PLOVER context."),
    "events/quantities.tsv": Table(
        (C("word"), C("count", "int", required=True), C("approximate", "flag", required=True)), key=("word",),
        doc="Count words."),
    "events/word_lists.tsv": Table(
        (C("list", doc="the name the code reads it by"), C("words", required=True, split=" ", doc="space-separated lemmas"),
         C("use", required=True, doc="the rule that reads it")),
        key=("list",), doc="Named word lists of the event stage's rules, one list per notion."),
    "events/casualty_terms.tsv": Table(
        (C("term"), C("value", required=True, doc="the casualty kind, or '-'"),
         C("role", required=True, choices=("euphemism", "allege", "claim", "bodyverb", "deadgroup", "staygov",
                                           "idiom_of", "idiom_subj", "idiom_pp", "noun", "askfor"))),
        key=("term", "role"), doc="Casualty vocabulary beyond the plain verbs (roles in the file's header)."),
    # ------------------------------------------------------------------------------ exports
    "export/acled_countries.tsv": Table(
        (C("alpha2"), C("region", required=True, doc="ACLED region"), C("name", required=True, doc="as ACLED spells it")),
        key=("alpha2",), doc="Country → ACLED region and country name (acled export)."),
    "export/acled_inter.tsv": Table(
        (C("sector", doc=SECTOR), C("inter", "int", required=True, doc="ACLED actor type 1-8")),
        key=("sector",), doc="PLOVER sector → ACLED actor type (inter1/inter2)."),
}

_NOUNS = ("document", "document_modifiers", "media", "organisation", "anonymous", "person", "title_female",
          "title_male", "person_titles", "ranks", "honorifics", "name_particles", "org_name_words", "interview_nouns",
          "remark_nouns", "data_documents", "office_nouns", "entourage_nouns", "ambiguous_titles", "rank_modifiers", "plain_address",
          "scholarly_address")
_GRAMMAR = ("wh_words", "relative_pronouns", "anaphoric_determiners", "determiners", "articles", "quantifiers",
            "pronoun_words", "first_second_person", "non_speaker_subjects", "statement_voices", "cue_links",
            "name_connectives", "clause_host_preps", "group_pronouns")

DOCUMENTS = {
    "quote_cues.json": Record({
        "according_to": Words(doc="phrases that attribute what follows"),
        "platforms": Words(),
        "nouns": Record({**{k: Words() for k in _NOUNS},
                         "title_words": Mapping(Text(), doc="abbreviation → the word it is read as")}),
        "pronouns": Mapping(Record({"gender": Text(nullable=True, choices=("m", "f", "n")),
                                    "number": Text(choices=("sg", "pl"))})),
        "short_quote": Record({"min_words": Number()}),
        "anonymity": Words(), "abbreviations": Words(),
        "promo_openers": Words(doc="imperatives opening a promotional line ('Follow X on Twitter')"),
        "promo_labels": Words(doc="labels of promotional and editorial lines ('READ MORE:'): no speaker, no quotes"),
        "grammar": Record({k: Words() for k in _GRAMMAR}, doc="function words the quote and speaker rules test"),
    }, doc="Speaker nouns, attribution phrases, pronouns (quotes, speakers, coref, entities, the tokenizer's titles); the speech verbs are in reporting_verbs.tsv."),
    "place_cues.json": Record({
        "agent_heads": Words(doc="nouns a place name modifies as an actor ('Kosovo police')"),
        "on_heads": Words(doc="nouns whose 'on X' is a location ('strikes on Idlib')"),
        "locative_words": Words(doc="words right before a name that cue it as a place ('in', 'near', 'outside')"),
        "locative_preps": Words(doc="prepositions whose object (in the parse) is where something is"),
        "locative_adjectives": Words(doc="adjectives between a cue and a place name ('in the restive Idlib')"),
        "name_particles": Words(doc="particles of personal names ('van', 'bin'): a name word, not a place cue"),
        "not_places": Words(doc="words that are never a place name on their own ('the', 'May', 'capital')"),
    }, doc="Place-mention cues (places stage); the place nouns are in place_nouns.tsv."),
}
