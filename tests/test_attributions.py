"""Attributions beyond speech verbs (issue 13): our own paragraphs, one or more per pattern.

Each case gives a text and the attributions expected in it as ``(class, text, speaker)``: ``text``
is the exact content; ``speaker`` the expected speaker name, or ``None`` for an attribution without a
named source. A case lists the attributions it must produce; ``exact`` cases list all of them.
Hand-written for newsevents (MIT); the names are of public figures or invented.
"""
from __future__ import annotations

import pytest

import newsevents
from newsevents.contract import validate

CASES = [
    # --- evidence: documents and data show, find, indicate
    ("evidence-survey", "A survey by the Pew Research Center shows that most voters distrust both candidates.",
     [("evidence", "most voters distrust both candidates", "Pew Research Center")]),
    ("evidence-report-found", "The inspector general's report found the agency had ignored repeated warnings.",
     [("evidence", "the agency had ignored repeated warnings", None)]),
    ("evidence-records", "Court records indicate he was registered as a Republican until 2012.",
     [("evidence", "he was registered as a Republican until 2012", None)]),
    ("evidence-participle", "New polls showing the senator ahead in Ohio lifted the campaign's spirits.",
     [("evidence", "the senator ahead in Ohio", None)]),
    # --- belief: mental states
    ("belief-believe", "Investigators believe the fire was started deliberately.",
     [("belief", "the fire was started deliberately", "Investigators")]),
    ("belief-fear", "Residents of the valley fear that the dam will fail again.",
     [("belief", "the dam will fail again", "Residents")]),
    ("belief-expect", "Analysts expect the central bank to raise rates in March.",
     [("belief", "the central bank to raise rates in March", "Analysts")]),
    ("belief-worry", "Farmers worry about the price of fertiliser.",
     [("belief", "the price of fertiliser", "Farmers")]),
    ("belief-negated", "Governor Ellen Marsh does not think the measure will pass.",
     [("belief", "the measure will pass", "Ellen Marsh")]),
    # --- stance
    ("stance-criticise", "Senator Tom Reyes criticized the governor for cutting school funding.",
     [("stance", "the governor for cutting school funding", "Tom Reyes")]),
    ("stance-endorse", "The Dallas Morning News endorsed Hillary Clinton on Friday.",
     [("stance", "Hillary Clinton", "Dallas Morning News")]),
    ("stance-call-for", "The mayor called for an independent inquiry into the shooting.",
     [("stance", "an independent inquiry into the shooting", "mayor")]),
    ("stance-passive-agent", "The plan has been endorsed by the teachers' union.",
     [("stance", "The plan", "teachers' union")]),
    ("stance-question", "Some Democrats question the wisdom of the deal.",
     [("stance", "the wisdom of the deal", "Democrats")]),
    ("stance-directive", "Prime Minister Ana Brnabic urged NATO to step in and stop the violence.",
     [("stance", "NATO to step in and stop the violence", "Ana Brnabic")]),
    # --- intent
    ("intent-want", "The union wants to reopen the contract talks.",
     [("intent", "to reopen the contract talks", "union")]),
    ("intent-decide", "The board decided to postpone the vote until June.",
     [("intent", "to postpone the vote until June", "board")]),
    ("intent-decline", "A spokeswoman for the company declined to comment on the lawsuit.",
     [("intent", "to comment on the lawsuit", "spokeswoman")]),
    # --- noun cues
    ("noun-allegations", "Allegations that the count was rigged spread quickly online.",
     [("speech", "the count was rigged", None)]),
    ("noun-possessor", "Contrary to his claim that nobody would notice, the change was reported within hours.",
     [("speech", "nobody would notice", None)]),
    ("noun-support-for", "The senator's support for the bill surprised her colleagues.",
     [("stance", "the bill", "senator")]),
    ("noun-plan-to", "Mayor Lisa Grant announced her plan to build 5,000 homes.",
     [("intent", "to build 5,000 homes", "Lisa Grant")]),
    # --- wh and whether contents
    ("wh-asked-whether", "Reporters asked whether the president would sign the bill.",
     [("speech", "whether the president would sign the bill", "Reporters")]),
    ("wh-described-how", "The witness described how the men forced open the door.",
     [("speech", "how the men forced open the door", "witness")]),
    # --- speech beyond the said-verbs
    ("speech-discussed", "Caddell went on to discuss recently released polls.",
     [("speech", "recently released polls", "Caddell")]),
    ("speech-complained-about", "Donald Trump complained about his microphone during the debate.",
     [("speech", "his microphone", "Donald Trump")]),
]


def _attributions(text):
    doc = newsevents.extract(text, extractors=["quotes"])
    validate(doc)
    for q in doc["quotes"]:
        assert doc["text"][q["start"]:q["end"]] == q["text"]
    return doc["quotes"]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_pattern(nlp, name, text, expected):
    quotes = _attributions(text)
    got = [(q.get("class", "speech"), q["text"], q["speaker"]["name"]) for q in quotes]
    for want in expected:
        cls, content, speaker = want
        hits = [g for g in got if g[1] == content]
        assert hits, (want, got)
        assert hits[0][0] == cls, (want, got)
        if speaker is not None or cls != "evidence":  # a document's issuer may be named or not
            assert hits[0][2] == speaker, (want, got)


def test_negated_belief_is_marked(nlp):
    quotes = _attributions("Governor Ellen Marsh does not think the measure will pass.")
    assert [q.get("negated") for q in quotes] == [True]


def test_negated_speech_is_marked(nlp):
    quotes = _attributions("The minister did not say the talks had failed.")
    assert [(q["text"], q.get("negated")) for q in quotes] == [("the talks had failed", True)]


def test_sourceless_attribution_is_explicit(nlp):
    quotes = _attributions("Allegations that the count was rigged spread quickly online.")
    assert quotes[0]["speaker"]["name"] is None and quotes[0]["speaker"]["unresolved"] == "none"


# --- speakers and what is not a quote
SPEAKER_CASES = [
    ("transcript-labels", "The debate opened with the economy.\n\nWALLACE: Governor, why should voters trust you on jobs?\n\n"
     "PENCE: Well, look, the question really should be why the economy is so weak.\n\n"
     "WALLACE: Let me ask about trade.",
     [("Governor, why should voters trust you on jobs?", "Wallace"),
      ("Well, look, the question really should be why the economy is so weak.", "Pence"),
      ("Let me ask about trade.", "Wallace")]),
    ("transcript-label-in-quotation", "Mike Pence spoke to Chris Wallace on Sunday.\n\n"
     "\"PENCE: Well, look, Hillary Clinton apparently thinks this is a game show.\"",
     [("Well, look, Hillary Clinton apparently thinks this is a game show.", "Mike Pence")]),
    ("guterres-role", "United Nations Secretary-General Antonio Guterres said the attack was unacceptable.",
     [("the attack was unacceptable", "Antonio Guterres")]),
]


@pytest.mark.parametrize("name,text,expected", SPEAKER_CASES, ids=[c[0] for c in SPEAKER_CASES])
def test_speaker(nlp, name, text, expected):
    quotes = _attributions(text)
    got = [(q["text"], q["speaker"]["name"]) for q in quotes]
    for content, speaker in expected:
        assert any(t == content and (s or "").endswith(speaker) for t, s in got), (content, speaker, got)


def test_guterres_role_is_the_whole_title(nlp):
    q = _attributions("United Nations Secretary-General Antonio Guterres said the attack was unacceptable.")[0]
    assert q["speaker"]["role"] == "United Nations Secretary-General" and "rank" not in q["speaker"], q["speaker"]


def test_promo_lines_hold_no_quotes(nlp):
    text = ("The minister said the talks would resume in May.\n\n"
            "READ MORE: “We will not give up,” the minister says as talks stall\n\n"
            "WATCH: Protesters say “enough is enough” outside parliament")
    quotes = _attributions(text)
    assert [q["text"] for q in quotes] == ["the talks would resume in May"]


def test_scare_quotes_and_titles_are_no_quotes(nlp):
    text = ("The so-called “special operation” entered its third week. Her memoir, “Becoming Someone Else Entirely”, "
            "sold well. Officials described the “humanitarian pause” as fragile.")
    quotes = _attributions(text)
    assert all(q["kind"] != "direct" for q in quotes), quotes


# --- issue 13, second round: sources a clause verb selects, parenthetical cues, joint sources, datelines
SOURCE_CASES = [
    # a verb of saying or thinking with a finite clause takes any nominal subject as its source
    ("clause-source-common-noun", "The Republican nominee argued that the state courts had no say in the matter.",
     [("speech", "the state courts had no say in the matter", "Republican nominee")]),
    ("clause-source-partitive", "A majority of farmers expect that prices will fall again next year.",
     [("belief", "prices will fall again next year", "majority of farmers")]),
    ("clause-source-percent", "In the same poll, 61 percent of respondents said the mayor should resign.",
     [("speech", "the mayor should resign", "61 percent of respondents")]),
    ("clause-source-group-pronoun", "Those close to the governor say she will not run again.",
     [("speech", "she will not run again", "Those close to the governor")]),
    ("clause-source-trailing", "The bridge will need years of repairs, engineers say.",
     [("speech", "The bridge will need years of repairs", "engineers")]),
    # a parenthetical cue: the content is the clause on both sides of it
    ("parenthetical-subject", "The new plant, Mayor Dana Whitfield said, would bring 400 jobs to the county.",
     [("speech", "The new plant, Mayor Dana Whitfield said, would bring 400 jobs to the county", "Dana Whitfield")]),
    ("parenthetical-clause", "Although the first vote was close, she said, the second one will not be.",
     [("speech", "Although the first vote was close, she said, the second one will not be", None)]),
    # a coordination of sources is one joint source
    ("joint-source", "Senators Ruth Calloway and Mark Osei wrote to the agency in May. "
                     "Ms. Calloway and Mr. Osei said the rules were being ignored.",
     [("speech", "the rules were being ignored", "Ruth Calloway and Mark Osei")]),
    ("joint-source-three", "Norway, Chile and Kenya said the resolution went too far.",
     [("speech", "the resolution went too far", "Norway, Chile and Kenya")]),
    # a dateline parsed as the subject is not the source: its apposition is
    ("dateline-subject", "LISBON -- Prime Minister Rui Matos, opening the summit on Monday, said the talks would last two days.",
     [("speech", "the talks would last two days", "Rui Matos")]),
]


@pytest.mark.parametrize("name,text,expected", SOURCE_CASES, ids=[c[0] for c in SOURCE_CASES])
def test_source(nlp, name, text, expected):
    quotes = _attributions(text)
    got = [(q.get("class", "speech"), q["text"], q["speaker"]["name"]) for q in quotes]
    for cls, content, speaker in expected:
        assert any(c == cls and t == content and (speaker is None or s == speaker) for c, t, s in got), \
            (cls, content, speaker, got)


def test_joint_source_lists_its_members(nlp):
    q = next(q for q in _attributions("Norway, Chile and Kenya said the resolution went too far.")
             if q["text"] == "the resolution went too far")
    assert q["speaker"]["kind"] == "group"
    assert [m["name"] for m in q["speaker"]["members"]] == ["Norway", "Chile", "Kenya"]
    assert q["speaker"]["mention"]["text"] == "Norway, Chile and Kenya"


def test_or_is_no_joint_source(nlp):
    quotes = _attributions("Either Smith or Jones said the vote was illegal.")
    assert all(q["speaker"].get("kind") != "group" for q in quotes), quotes
