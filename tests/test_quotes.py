"""Quotes: hand-written cases for every construction, plus the reference article.

Each case gives a text and the quotes expected in it as ``(kind, text, speaker)``: ``text`` is the
exact quote text; ``speaker`` the expected speaker name, or ``None`` for an explicitly unresolved
speaker. A case lists *all* the quotes it should produce, so extra output fails it too.
"""
from __future__ import annotations

import pytest

import newsevents
from newsevents.contract import validate
from newsevents.extractors.quotemarks import find_quotations

PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "you"}

CASES = [
    # --- direct quotes, marks of every kind
    ("curly-after", "“We will not give up,” Kurti said.",
     [("direct", "We will not give up,", "Kurti")]),
    ("straight-inverted", '"We will not give up," said Kurti.',
     [("direct", "We will not give up,", "Kurti")]),
    ("single-curly", "‘The talks have failed,’ Johnson said.",
     [("direct", "The talks have failed,", "Johnson")]),
    ("single-straight", "'The talks have failed,' Johnson said.",
     [("direct", "The talks have failed,", "Johnson")]),
    ("guillemets", "«We will not retreat,» Macron said.",
     [("direct", "We will not retreat,", "Macron")]),
    ("low-high-german", "Chancellor Olaf Scholz said „we stand by Ukraine“ on Monday.",
     [("direct", "we stand by Ukraine", "Olaf Scholz")]),
    ("mixed-curly-straight", "“The coalition conducted 10 airstrikes,\" Cook said.",
     [("direct", "The coalition conducted 10 airstrikes,", "Cook")]),
    # --- split, colon, floating, continued
    ("split-by-cue", "“This is the last moment,” Brnabic said. “This kind of conduct brings us to the edge of chaos.”",
     [("direct", "This is the last moment,", "Brnabic"),
      ("direct", "This kind of conduct brings us to the edge of chaos.", "Brnabic")]),
    ("split-pronoun", "Ana Brnabic spoke in Belgrade on Monday. “We are ready,” she said, “but we need help.”",
     [("direct", "We are ready,", "Ana Brnabic"), ("direct", "but we need help.", "Ana Brnabic")]),
    ("colon-next-paragraph", "Prime Minister Albin Kurti said:\n\n“Crime will not be tolerated.”",
     [("direct", "Crime will not be tolerated.", "Albin Kurti")]),
    ("colon-following-statement", "The task force commander, Lt. Gen. Stephen J. Townsend, provided the following statement "
     "on the advance:\n\n\"The Syrian Democratic Forces have begun their operation to isolate the city.\"",
     [("direct", "The Syrian Democratic Forces have begun their operation to isolate the city.", "Stephen J. Townsend")]),
    ("colon-same-paragraph", "The minister, Ivica Dacic, told reporters: “We will respond to every provocation.”",
     [("direct", "We will respond to every provocation.", "Ivica Dacic")]),
    ("floating-after-indirect", "Petar Petkovic said the situation was grave.\n\n“We will not allow another pogrom against our people.”",
     [("indirect", "the situation was grave", "Petar Petkovic"),
      ("direct", "We will not allow another pogrom against our people.", "Petar Petkovic")]),
    ("floating-after-direct", "“The strikes will go on,” said Peter Cook.\n\n“We will not allow al-Qaida to grow.”",
     [("direct", "The strikes will go on,", "Peter Cook"), ("direct", "We will not allow al-Qaida to grow.", "Peter Cook")]),
    ("multi-paragraph", "“The first part of the statement goes here and continues.\n\n“The second part ends here,” Cook said.",
     [("direct", "The first part of the statement goes here and continues.", "Cook"),
      ("direct", "The second part ends here,", "Cook")]),
    ("before-comma", "Peter Cook spoke on Monday.\n\nHe added, “As you know, the campaign continues.”",
     [("direct", "As you know, the campaign continues.", "Peter Cook")]),
    ("adding-that", "Josep Borrell said the talks would continue, adding that “all open issues must be addressed.”",
     [("indirect", "the talks would continue", "Josep Borrell"),
      ("direct", "all open issues must be addressed.", "Josep Borrell")]),
    ("quoted-as-saying-passive", "The Kosovo Online news portal quoted Zlatan Elek as saying one person was seriously injured.\n\n"
     "“He is in intensive care,” Elek was quoted as saying.",
     [("indirect", "one person was seriously injured", "Zlatan Elek"), ("direct", "He is in intensive care,", "Zlatan Elek")]),
    ("multi-paragraph-single", "Speaking to the BBC, the former ambassador Sir Richard Dalton said: 'Sanctions alone will not "
     "change Tehran's behaviour.\n\n'What is needed is sustained diplomacy,' he added.",
     [("direct", "Sanctions alone will not change Tehran's behaviour.", "Richard Dalton"),
      ("direct", "What is needed is sustained diplomacy,", "Richard Dalton")]),
    ("inverted-object-parse", "“Who will pay for this?” asked a resident.",
     [("direct", "Who will pay for this?", "resident")]),
    ("colon-then-new-sentence", "The mayor said: “We need help.” He added that the city had no electricity.",
     [("direct", "We need help.", "mayor"), ("indirect", "the city had no electricity", "mayor")]),
    ("inverted-apposition", "“We need help,” said the mayor, Ivan Petrov.",
     [("direct", "We need help,", "Ivan Petrov")]),
    ("hard-wrapped-lines", "Prime Minister Albin Kurti said:\n“We will not\nretreat from our positions.”",
     [("direct", "We will not\nretreat from our positions.", "Albin Kurti")]),
    # --- partial quotes inside reported speech
    ("partial-in-reported", "Brnabic said the situation in Mitrovica is “more than dramatic.”",
     [("indirect", "the situation in Mitrovica is “more than dramatic.”", "Brnabic"),
      ("direct", "more than dramatic.", "Brnabic")]),
    # a demand of a noun phrase is a request, not reported content (nor are its scare quotes quotes)
    ("scare-quotes-in-demand", "Brnabic demanded “quick reaction” from the international community.", []),
    ("demand-with-clause", "Brnabic demanded that the international community react quickly.",
     [("indirect", "the international community react quickly", "Brnabic", "stance")]),
    ("partial-clause", "Borrell said Brussels was “in contact with Belgrade and Pristina,” on Tuesday.",
     [("indirect", "Brussels was “in contact with Belgrade and Pristina,” on Tuesday", "Borrell"),
      ("direct", "in contact with Belgrade and Pristina,", "Borrell")]),
    # --- failure cases
    ("scare-quote-no-speaker", "The so-called “special operation” continued for weeks.", []),
    ("apostrophes-only", "Firefighters’ vehicles were parked nearby and officers can’t enter Kosovo’s north.", []),
    ("apostrophe-inside-quote", "“If KFOR can’t react, there are those who can,” said Petkovic.",
     [("direct", "If KFOR can’t react, there are those who can,", "Petkovic")]),
    ("apostrophe-plural-possessive-in-single", "‘The officers’ cars were burned,’ Kurti said.",
     [("direct", "The officers’ cars were burned,", "Kurti")]),
    ("unbalanced-open", "Kurti said “we will fight on and on",
     [("indirect", "we will fight on and on", "Kurti")]),
    ("unbalanced-recovers-inner", "The report said “one thing. Another “fine quote here today,” Kurti said.",
     [("direct", "fine quote here today,", "Kurti")]),
    ("stray-close", "Police said” the area is calm.” “Everything is under control,” Dacic said.",
     [("indirect", "the area is calm", "Police"), ("direct", "Everything is under control,", "Dacic")]),
    ("nested-quotes", "“They told us ‘leave now or die,’ and we left,” a resident said.",
     [("direct", "They told us ‘leave now or die,’ and we left,", "resident")]),
    ("title-not-speech", "The film “Where the Wild Things Are” was shown in Belgrade on Friday.", []),
    ("no-speaker-anywhere", "“We will never forget what happened here.”",
     [("direct", "We will never forget what happened here.", None)]),
    ("unresolvable-pronoun", "“It is over,” he said.",
     [("direct", "It is over,", None)]),
    # --- indirect speech
    ("said-that", "Kosovo police said officers met resistance in Mitrovica.",
     [("indirect", "officers met resistance in Mitrovica", "Kosovo police")]),
    ("according-to-front", "According to the Interior Ministry, three people were arrested in the raid.",
     [("indirect", "three people were arrested in the raid", "Interior Ministry")]),
    ("according-to-end", "Three people were arrested in the raid, according to police.",
     [("indirect", "Three people were arrested in the raid", "police")]),
    ("told-that", "Ivica Dacic told reporters that the border would remain closed.",
     [("indirect", "the border would remain closed", "Ivica Dacic")]),
    ("urged", "Brnabic urged NATO to step in and stop the violence.",
     [("indirect", "NATO to step in and stop the violence", "Brnabic", "stance")]),
    ("denied", "Serbia denied that its troops had crossed the border.",
     [("indirect", "its troops had crossed the border", "Serbia")]),
    ("accused", "Kurti accused Belgrade of destabilising the north.",
     [("indirect", "Belgrade of destabilising the north", "Kurti")]),
    ("warned", "The ministry warned that further attacks were likely.",
     [("indirect", "further attacks were likely", "ministry")]),
    ("called-on", "EU foreign policy chief Josep Borrell called on both sides to show restraint.",
     [("indirect", "both sides to show restraint", "Josep Borrell", "stance")]),
    ("trailing-cue", "The raids were held in four areas, a police spokesman said.",
     [("indirect", "The raids were held in four areas", "police spokesman")]),
    ("parenthetical-cue", "Pentagon Press Secretary Peter Cook spoke on Monday. In Syria, the press secretary said, rebel forces continue to advance.",
     # the content is the clause on both sides of the parenthetical cue (PARC: the cue is set off inside it)
     [("indirect", "In Syria, the press secretary said, rebel forces continue to advance", "Peter Cook")]),
    # --- speakers that are not people
    ("statement-it", "Kosovo police said officers were attacked. A statement said the raids were legal. It said six officers were injured.",
     [("indirect", "officers were attacked", "Kosovo police"), ("indirect", "the raids were legal", "Kosovo police"),
      ("indirect", "six officers were injured", "Kosovo police")]),
    ("country-it-said", "Serbia said on Monday that its troops would stay home. It also said the talks would resume.",
     [("indirect", "its troops would stay home", "Serbia"), ("indirect", "the talks would resume", "Serbia")]),
    ("org-statement", "A Kosovo police statement said the raids were held in four areas.",
     [("indirect", "the raids were held in four areas", "Kosovo police")]),
    ("state-tv-it", "Serbian state TV showed burning cars. It said several people were injured.",
     [("indirect", "several people were injured", "Serbian state TV")]),
    ("the-ministry-named-before", "Russia's defence ministry said its forces had struck military targets.\n\n"
     "Residents said they heard explosions.\n\nThe ministry said in a statement it would investigate the incident.",
     [("indirect", "its forces had struck military targets", "Russia's defence ministry"),
      ("indirect", "they heard explosions", "Residents"),
      ("indirect", "it would investigate the incident", "Russia's defence ministry")]),
    ("statement-read", "The army issued a statement on Monday. The statement read: “Our forces repelled the attack.”",
     [("direct", "Our forces repelled the attack.", "army")]),
    ("the-group-said", "The radical Islamic Jihad movement rejected an invitation to the talks, the group said Wednesday.",
     [("indirect", "The radical Islamic Jihad movement rejected an invitation to the talks",
       "Islamic Jihad movement")]),
    ("participle-subject", "The Red Cross operating in Iraq said the forces must ensure security.",
     [("indirect", "the forces must ensure security", "Red Cross")]),
    ("ner-says-org-apposition-says-person", "Marko Djuric, Serbia's foreign minister, rejected the accusations. "
     "“These are lies,” Djuric told state broadcaster RTS.",
     [("direct", "These are lies,", "Marko Djuric")]),
    ("title-before-name", "Its commander, Major General Ozkan Ulutas, said his troops were ready to respond to any threat.",
     [("indirect", "his troops were ready to respond to any threat", "Ozkan Ulutas")]),
    ("dateline-not-role", "BELGRADE, Sept 5 (Reuters) - Serbian President Aleksandar Vucic said Serbia would not recognise Kosovo.",
     [("indirect", "Serbia would not recognise Kosovo", "Aleksandar Vucic")]),
    ("his-office", "Serbian President Aleksandar Vucic left Belgrade for Raska, his office said.",
     [("indirect", "Serbian President Aleksandar Vucic left Belgrade for Raska", "Aleksandar Vucic")]),
    ("anonymous-sources", "Diplomatic sources said the talks had collapsed.",
     [("indirect", "the talks had collapsed", "Diplomatic sources")]),
    ("tweeted", "EU foreign policy chief Josep Borrell spoke in Brussels. “Violence must stop now,” he tweeted.",
     [("direct", "Violence must stop now,", "Josep Borrell")]),
    ("according-to-relay", "Nasser Kanaani spoke in Tehran. “Britain has no right to lecture Iran,” he said, according to the "
     "state news agency IRNA.",
     [("direct", "Britain has no right to lecture Iran,", "Nasser Kanaani")]),
    ("nested-announcement", "The UK has announced fresh sanctions against Iranian officials, the Foreign Office said on Monday.",
     [("indirect", "The UK has announced fresh sanctions against Iranian officials", "Foreign Office")]),
    ("interview-via", "Kurti said in an interview with the BBC that the police would stay.",
     [("indirect", "the police would stay", "Kurti")]),
    ("told-in-interview-that", "Kurti told Reuters in an interview that the police would stay.",
     [("indirect", "the police would stay", "Kurti")]),
    ("according-to-direct", "According to Kurti, “the police will stay in the north.”",
     [("direct", "the police will stay in the north.", "Kurti")]),
    ("according-to-release-conj", "Defense Secretary Ash Carter met Haider al-Abadi, according to a Defense Department news "
     "release.\nCarter thanked Abadi for two years of partnership, and noted the supporting role the United States can "
     "play, according to the release.",
     [("indirect", "Defense Secretary Ash Carter met Haider al-Abadi", "Defense Department"),
      ("indirect", "Carter thanked Abadi for two years of partnership, and noted the supporting role the United States "
                   "can play", "Defense Department")]),
    # --- not quotes
    ("negated", "Kurti did not say whether the police would withdraw.", []),
    ("said-to", "The commander is said to have fled the city.",  # hearsay: an attribution with no source
     [("indirect", "The commander is said to have fled the city", None)]),
    ("no-cue", "The violence prompted an angry response from Serbia.", []),
    ("denied-anaphoric-object", "Hamas denied the claim. Israel denied any involvement.",
     [("indirect", "any involvement", "Israel")]),
]


def _quotes(text: str) -> tuple[dict, list[dict]]:
    """The article and its quotes: the attributions of class speech (the other classes are tested in
    tests/test_attributions.py)."""
    doc = newsevents.extract(text, extractors=["quotes"])
    validate(doc)
    return doc, [q for q in doc["quotes"] if q.get("class", "speech") == "speech"]


def _check_spans(doc: dict) -> None:
    for q in doc["quotes"]:
        assert doc["text"][q["start"]:q["end"]] == q["text"]
        ev = q["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
        assert ev["start"] <= q["start"] and q["end"] <= ev["end"] or q["kind"] == "direct"
        name = (q["speaker"] or {}).get("name")
        assert name is None or name.lower() not in PRONOUNS


def test_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_case(nlp, name, text, expected):
    """Speech, and the classes a case names as a fourth element (directives are stances)."""
    classes = {"speech"} | {e[3] for e in expected if len(e) > 3}
    doc = newsevents.extract(text, extractors=["quotes"])
    validate(doc)
    quotes = [q for q in doc["quotes"] if q.get("class", "speech") in classes]
    _check_spans(doc)
    got = [(q["kind"], q["text"], q["speaker"]["name"]) for q in quotes]
    assert sorted(got, key=str) == sorted([tuple(e[:3]) for e in expected], key=str), got
    for q in quotes:
        if q["speaker"]["name"] is None:
            assert q["speaker"]["unresolved"], q


def test_unresolved_speaker_names_the_pronoun(nlp):
    _, quotes = _quotes("“It is over,” he said.")
    assert quotes[0]["speaker"]["unresolved"] == "he"
    assert quotes[0]["cue"]["text"] == "said"


def test_no_speaker_is_explicitly_unresolved(nlp):
    _, quotes = _quotes("“We will never forget what happened here.”")
    sp = quotes[0]["speaker"]
    assert sp["name"] is None and sp["entity"] is None and sp["unresolved"] == "none"
    assert quotes[0]["cue"] is None


def test_role_and_country_from_title(nlp):
    _, quotes = _quotes("Serbian Prime Minister Ana Brnabic said the situation was dramatic.")
    sp = quotes[0]["speaker"]
    assert (sp["name"], sp["role"], sp["country"], sp["kind"]) == ("Ana Brnabic", "Prime Minister", "RS", "person")
    assert sp["entity"]


def test_role_without_dateline_and_possessive(nlp):
    _, quotes = _quotes("BELGRADE, Sept 5 (Reuters) - Serbian President Aleksandar Vucic said Serbia would not recognise Kosovo.")
    assert (quotes[0]["speaker"]["role"], quotes[0]["speaker"]["country"]) == ("President", "RS")
    _, quotes = _quotes("Marko Djuric, Serbia's foreign minister, said the accusations were lies.")
    assert (quotes[0]["speaker"]["role"], quotes[0]["speaker"]["country"]) == ("foreign minister", "RS")


def test_role_from_apposition(nlp):
    _, quotes = _quotes("Zlatan Elek, the head of a hospital in Mitrovica, said one person was injured.")
    assert quotes[0]["speaker"]["role"] == "head of a hospital in Mitrovica"


def test_possessive_country(nlp):
    _, quotes = _quotes("Kosovo’s Prime Minister Albin Kurti said the smuggling would be stopped.")
    sp = quotes[0]["speaker"]
    assert (sp["name"], sp["role"], sp["country"]) == ("Albin Kurti", "Prime Minister", "XK")


def test_via_chain_quoted_as_saying(nlp):
    _, quotes = _quotes("The Kosovo Online news portal quoted Zlatan Elek as saying one person was seriously injured.\n\n"
                        "“He is in intensive care,” Elek was quoted as saying.")
    assert [[v["name"] for v in q["via"]] for q in quotes] == [["Kosovo Online"], ["Kosovo Online"]]


def test_told_outlet_is_via(nlp):
    _, quotes = _quotes("The deal is close, an official told Reuters.")
    assert [v["name"] for v in quotes[0]["via"]] == ["Reuters"]
    assert quotes[0]["speaker"]["kind"] == "unnamed"


def test_according_to_after_cue_is_via(nlp):
    _, quotes = _quotes("Nasser Kanaani spoke in Tehran. “Britain has no right to lecture Iran,” he said, according to the "
                        "state news agency IRNA.")
    assert [v["name"] for v in quotes[0]["via"]] == ["IRNA"]


def test_interview_outlets_are_via(nlp):
    for text in ("Kurti said in an interview with the BBC that the police would stay.",
                 "Speaking to Al Jazeera, Kurti said the police would stay."):
        _, quotes = _quotes(text)
        assert len([v["name"] for v in quotes[0]["via"]]) == 1, quotes


def test_tweeted_is_medium(nlp):
    _, quotes = _quotes("EU foreign policy chief Josep Borrell spoke in Brussels. “Violence must stop now,” he tweeted.")
    assert quotes[0]["medium"] == "Twitter"
    assert quotes[0]["speaker"]["resolved_from"] == "he"


def test_platform_medium(nlp):
    _, quotes = _quotes("Albin Kurti said on Facebook that the operation would continue.")
    assert quotes[0]["medium"] == "Facebook"
    assert quotes[0]["text"] == "the operation would continue"


def test_office_speaker(nlp):
    _, quotes = _quotes("Serbian President Aleksandar Vucic left Belgrade for Raska, his office said.")
    sp = quotes[0]["speaker"]
    assert sp["kind"] == "office" and sp["mention"]["text"] == "his office"


def test_anonymous_kept_as_such(nlp):
    _, quotes = _quotes("Diplomatic sources said the talks had collapsed.")
    assert quotes[0]["speaker"]["anonymous"] is True and quotes[0]["speaker"]["entity"] is None


def test_anonymity_phrase_marks_speaker(nlp):
    _, quotes = _quotes("A senior official, speaking on condition of anonymity, said the talks had stalled.")
    assert quotes[0]["speaker"]["anonymous"] is True and quotes[0]["speaker"]["name"] == "senior official"


def test_colon_cue_wins_over_next_sentence(nlp):
    _, quotes = _quotes("The mayor said: “We need help.” He added that the city had no electricity.")
    assert quotes[0]["cue"]["text"] == "said" and quotes[0]["attribution"] == "before"


def test_last_paragraph_starting_with_sources_is_kept(nlp):
    """A closing "Sources said …" paragraph is a claim, not a "Source: …" provenance line."""
    doc, quotes = _quotes("Kurti spoke in Pristina on Monday.\n\nSources said the talks had collapsed.")
    assert doc["article"]["via"] == []
    assert [(q["text"], q["speaker"]["name"], q["speaker"]["kind"]) for q in quotes] == \
        [("the talks had collapsed", "Sources", "anonymous")]


def test_partial_quote_spans_listed(nlp):
    _, quotes = _quotes("Brnabic said the “quick reaction” of the “international community” was needed.")
    assert len(quotes) == 1
    assert [s["text"] for s in quotes[0]["quoted"]] == ["quick reaction", "international community"]


def test_paragraph_index(nlp):
    _, quotes = _quotes("Kurti spoke.\n\nPolice said the area was calm.\n\n“It is calm,” Dacic said.")
    assert [q["paragraph"] for q in quotes] == [1, 2]


def test_pathological_marks_never_raise(nlp):
    text = "He said “ ' ‘ ’ \" « » „ ” ” “ and then '''\"\"\" ‘‘’’ «« it ended"
    doc, _ = _quotes(text)
    _check_spans(doc)
    find_quotations("“" * 5000 + "x")  # many unpaired marks: bounded rescans


def test_quotation_offsets_exclude_marks():
    text = "A “quoted text” and «another one» here."
    found = find_quotations(text)
    assert [text[q.start:q.end] for q in found] == ["quoted text", "another one"]
    assert [text[q.open] for q in found] == ["“", "«"]


# --- the reference article ----------------------------------------------------------------------

def test_kosovo_no_pronoun_speakers(kosovo):
    for q in kosovo["quotes"]:
        name = q["speaker"]["name"]
        assert name is not None and name.lower() not in PRONOUNS, q


def test_kosovo_direct_quote_speakers(kosovo):
    direct = {q["text"]: q["speaker"]["name"] for q in kosovo["quotes"] if q["kind"] == "direct"}
    assert direct["Crime and criminal groups will not be tolerated and will be fought. We will fight and stop the smuggling."] == "Albin Kurti"
    assert direct["This kind of conduct … brings us to the edge of chaos."] == "Ana Brnabic"
    assert direct["more than dramatic."] == "Ana Brnabic"
    assert direct["If KFOR can’t react and protect the Serb people, there are those who can."] == "Petar Petkovic"
    assert direct["All open issues must be addressed through the EU-facilitated Dialogue."] == "Josep Borrell"
    assert "quick reaction" not in direct and "wider chaos." not in direct


def test_kosovo_statement_speakers(kosovo):
    by_text = {q["text"]: q for q in kosovo["quotes"]}
    assert by_text["six police officers were injured"]["speaker"]["name"] == "Kosovo police"
    assert by_text["several people were injured"]["speaker"]["name"] == "Serbian state TV"
    elek = by_text["one person was seriously injured"]
    assert elek["speaker"]["name"] == "Zlatan Elek" and [v["name"] for v in elek["via"]] == ["Kosovo Online"]


def test_kosovo_against_gold(kosovo):
    """At least 20 of the 22 gold quotes found, precision ≥ 0.9, every found direct quote's speaker right."""
    import json
    from pathlib import Path
    from newsevents.evaluate.match import speaker_matches, token_overlap

    gold = json.loads((Path(__file__).parent / "fixtures" / "gold" / "kosovo-mitrovica.gold.json").read_text("utf-8"))
    preds = [q for q in kosovo["quotes"] if q.get("class", "speech") == "speech"]
    used: set[int] = set()
    found = 0
    for g in gold["quotes"]:
        best = max(((token_overlap(g["text"], p["text"]), k) for k, p in enumerate(preds) if k not in used), default=(0, None))
        if best[0] >= 0.5:
            used.add(best[1])
            found += 1
            if g["kind"] == "direct":
                assert speaker_matches(preds[best[1]]["speaker"]["name"], g["speaker"]), (g, preds[best[1]])
    assert found >= 20
    assert found / len(preds) >= 0.9


# --- properties --------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_PIECES = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", " ", "\n", "\n\n", ",", ".", ":", "said", "told", "he", "she",
           "It", "Kurti", "police", "statement", "according to", "urged", "quoted", "as saying", "his office",
           "can’t", "officers’", "We will", "fight", "sources", "Via", "the"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_any_mix_of_marks_and_cues_yields_valid_quotes(nlp, pieces):
    text = " ".join(pieces)
    try:
        doc = newsevents.extract(text, extractors=["quotes"])
    except newsevents.NewsEventsError as exc:  # nothing left after cleaning (blank, or only a "Via" line)
        assert exc.code == "E002"
        return
    validate(doc)
    assert not [w for w in doc["warnings"] if w["code"] == "E014"]  # no extractor crashed
    _check_spans(doc)
    for q in doc["quotes"]:
        assert q["text"].strip() == q["text"] and q["text"]


@given(st.text(alphabet="“”\"'‘’«»„ ab\n.,", max_size=80))
def test_marks_scanner_total(text):
    for q in find_quotations(text):
        assert q.open < q.start <= q.end <= q.close <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]
