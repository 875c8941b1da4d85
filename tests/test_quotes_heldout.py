"""Quotes on short news paragraphs written after the rules (not used to write them first).

Wire-copy attribution styles the three annotated articles do not show: "…, the ministry said in a
statement", "said X, a spokesman for Y", "according to a statement from Z", "X told reporters",
"X wrote on Facebook", anonymous officials, quotes running over paragraphs, military and religious
titles (Gen., Col., Dr., Sheikh), Arabic and Dutch/German name particles (al-, bin, van der, von
der), a woman referred to as "she", two speakers alternating, and a quotation whose speaker is
named in the next sentence.

Each case lists *all* the quotes its text should give as ``(kind, text, speaker)`` or
``(kind, text, speaker, {field: value})`` with further speaker fields (``role``, ``country``,
``kind``, ``anonymous``, ``resolved_from``) or quote fields (``medium``, ``via`` as a list of names).
"""
from __future__ import annotations

import pytest

import newsevents
from newsevents.contract import validate

QUOTE_FIELDS = {"medium", "via", "attribution", "class"}

CASES = [
    ("ministry-said-in-statement",
     "Russian forces struck energy facilities in three regions overnight, Ukraine's energy ministry said in a statement.",
     [("indirect", "Russian forces struck energy facilities in three regions overnight", "Ukraine's energy ministry",
       {"kind": "organisation", "country": "UA"})]),
    ("said-x-a-spokesman-for-y",
     "“We will not allow the convoy to pass through our territory,” said Ahmed Hassan Ali, a spokesman for the "
     "regional government.",
     [("direct", "We will not allow the convoy to pass through our territory,", "Ahmed Hassan Ali",
       {"role": "spokesman for the regional government", "kind": "person"})]),
    ("according-to-statement-from",
     "At least 12 civilians were killed in the shelling, according to a statement from the International Committee "
     "of the Red Cross.",
     [("indirect", "At least 12 civilians were killed in the shelling",
       "International Committee of the Red Cross", {"kind": "organisation"})]),
    ("told-reporters",
     "French Interior Minister Gerald Darmanin told reporters that 150 people had been detained overnight.",
     [("indirect", "150 people had been detained overnight", "Gerald Darmanin",
       {"role": "Interior Minister", "country": "FR", "via": []})]),
    ("wrote-on-facebook",
     "Kyiv Mayor Vitali Klitschko wrote on Facebook that two people were injured when debris fell on a residential "
     "building in the Darnytskyi district.",
     [("indirect", "two people were injured when debris fell on a residential building in the Darnytskyi district",
       "Vitali Klitschko", {"role": "Kyiv Mayor", "medium": "Facebook"})]),
    ("anonymous-official",
     "A senior Egyptian official, who spoke on condition of anonymity because he was not authorised to brief the "
     "media, said the talks had stalled over the release of prisoners.",
     [("indirect", "the talks had stalled over the release of prisoners", "senior Egyptian official",
       {"anonymous": True, "country": "EG"})]),
    ("quote-over-two-paragraphs",
     "“The water came at night and took our house and our goats,” said Fatima Abdi, a mother of five who fled to "
     "the camp last week. “We ran with nothing.\n\n"
     "“Now we sleep under a tree and wait for help that does not come.”",
     [("direct", "The water came at night and took our house and our goats,", "Fatima Abdi",
       {"role": "mother of five who fled to the camp last week"}),
      ("direct", "We ran with nothing.", "Fatima Abdi"),
      ("direct", "Now we sleep under a tree and wait for help that does not come.", "Fatima Abdi")]),
    ("gen-title-apposition",
     "Gen. Mark Milley, chairman of the Joint Chiefs of Staff, told lawmakers the withdrawal had been a strategic "
     "failure.",
     [("indirect", "the withdrawal had been a strategic failure", "Mark Milley",
       {"role": "chairman of the Joint Chiefs of Staff", "kind": "person"})]),
    ("dr-title-said-after",
     "“The hospital has run out of fuel and oxygen,” said Dr. Mohammed Abu Salmiya, the director of al-Shifa "
     "Hospital.",
     [("direct", "The hospital has run out of fuel and oxygen,", "Mohammed Abu Salmiya",
       {"role": "director of al-Shifa Hospital"})]),
    ("sheikh-bin-possessive-apposition",
     "Qatar's emir, Sheikh Tamim bin Hamad Al Thani, said mediation efforts would continue despite the setbacks.",
     [("indirect", "mediation efforts would continue despite the setbacks", "Tamim bin Hamad Al Thani",
       {"role": "emir", "country": "QA"})]),
    ("von-der-particle",
     "European Commission President Ursula von der Leyen said the bloc would propose a new package of sanctions "
     "next week.",
     [("indirect", "the bloc would propose a new package of sanctions next week", "Ursula von der Leyen",
       {"kind": "person"})]),
    ("van-der-particle-spokesman",
     "“Our ships will stay in the Red Sea as long as necessary,” said Pieter van der Berg, a spokesman for the Dutch "
     "defence ministry.",
     [("direct", "Our ships will stay in the Red Sea as long as necessary,", "Pieter van der Berg",
       {"role": "spokesman for the Dutch defence ministry"})]),
    ("al-particle-title",
     "Iraqi Prime Minister Mohammed Shia al-Sudani said the government would not allow armed groups to drag the "
     "country into war.",
     [("indirect", "the government would not allow armed groups to drag the country into war",
       "Mohammed Shia al-Sudani", {"role": "Prime Minister", "country": "IQ"})]),
    ("she-next-sentence",
     "Amina Mohammed, the UN deputy secretary-general, visited the camp on Friday. She said the humanitarian "
     "situation was catastrophic.",
     [("indirect", "the humanitarian situation was catastrophic", "Amina Mohammed",
       {"resolved_from": "She", "role": "UN deputy secretary-general"})]),
    ("two-speakers-alternating",
     "“We are ready to sign the agreement tomorrow,” said Armenian Prime Minister Nikol Pashinyan.\n\n"
     "Azerbaijani President Ilham Aliyev was more cautious. “There are still questions to resolve,” he told "
     "reporters in Baku.\n\n"
     "“The text is agreed and there is nothing left to negotiate,” Pashinyan insisted.",
     [("direct", "We are ready to sign the agreement tomorrow,", "Nikol Pashinyan",
       {"role": "Prime Minister", "country": "AM"}),
      ("direct", "There are still questions to resolve,", "Ilham Aliyev", {"role": "President", "country": "AZ"}),
      ("direct", "The text is agreed and there is nothing left to negotiate,", "Nikol Pashinyan")]),
    ("speaker-in-next-sentence",
     "“I thought we would all die down there.” Maria Petrenko, 67, said she hid in the basement of her building "
     "for three days.",
     [("direct", "I thought we would all die down there.", "Maria Petrenko"),
      ("indirect", "she hid in the basement of her building for three days", "Maria Petrenko")]),
    ("org-then-the-group",
     "The Kurdistan Workers' Party said in a statement that it would observe a ceasefire. The group said its "
     "fighters would withdraw from Turkish territory.",
     [("indirect", "it would observe a ceasefire", "Kurdistan Workers' Party"),
      ("indirect", "its fighters would withdraw from Turkish territory", "Kurdistan Workers' Party")]),
    ("named-ministry-then-the-ministry",
     "A drone attack on a factory in the Tatarstan region injured 12 workers, a defence ministry spokesman said.\n\n"
     "Russia's Ministry of Emergency Situations said firefighters had put out a blaze at the site. The ministry "
     "said no one had been killed.",
     [("indirect", "A drone attack on a factory in the Tatarstan region injured 12 workers",
       "defence ministry spokesman", {"kind": "unnamed"}),
      ("indirect", "firefighters had put out a blaze at the site", "Ministry of Emergency Situations"),
      ("indirect", "no one had been killed", "Ministry of Emergency Situations")]),
    ("non-speech-verbs",
     "The European Union condemned the attack and promised more humanitarian aid. Germany rejected the proposal, "
     "and Hungary blocked a joint declaration.",
     []),
    ("directive-and-accusation",
     "The foreign minister urged both sides to show restraint. The opposition accused the government of rigging "
     "the vote.",
     [("indirect", "both sides to show restraint", "foreign minister", {"class": "stance"}),
      ("indirect", "the government of rigging the vote", "opposition")]),
    ("sources-told-outlet",
     "Two security sources told Reuters that the militants had crossed the border from Niger overnight.",
     [("indirect", "the militants had crossed the border from Niger overnight", "Two security sources",
       {"anonymous": True, "via": ["Reuters"]})]),
    ("lt-col-military-spokesman",
     "“The operation in the area is continuing,” said Lt. Col. Nadav Shoshani, an Israeli military spokesman.",
     [("direct", "The operation in the area is continuing,", "Nadav Shoshani",
       {"role": "military spokesman", "country": "IL"})]),
    ("possessive-role-rank-apposition",
     "Burkina Faso's military leader, Capt. Ibrahim Traore, said on state television that the attack had been "
     "repelled.",
     [("indirect", "the attack had been repelled", "Ibrahim Traore", {"role": "military leader", "country": "BF"})]),
    ("envoy-apposition-then-surname",
     "The U.S. special envoy for Sudan, Tom Perriello, said in a statement that both sides had agreed to allow "
     "aid deliveries. “This is a first step,” Perriello said.",
     [("indirect", "both sides had agreed to allow aid deliveries", "Tom Perriello",
       {"role": "special envoy for Sudan", "country": "US"}),
      ("direct", "This is a first step,", "Tom Perriello", {"role": "special envoy for Sudan", "country": "US"})]),
    ("kremlin-spokesman-conference-call",
     "Kremlin spokesman Dmitry Peskov told reporters on a conference call that Moscow had not received any "
     "proposals from Kyiv.",
     [("indirect", "Moscow had not received any proposals from Kyiv", "Dmitry Peskov", {"role": "Kremlin spokesman"})]),
    ("agency-quoted-as-saying",
     "The Interfax news agency quoted Deputy Foreign Minister Sergei Ryabkov as saying that Moscow was ready for "
     "talks on strategic stability.",
     [("indirect", "Moscow was ready for talks on strategic stability", "Sergei Ryabkov",
       {"role": "Deputy Foreign Minister", "via": ["Interfax"]})]),
    ("female-added-she",
     "“We have documented at least 40 cases of torture,” said Agnes Callamard, Amnesty International's "
     "secretary-general. She added that the findings would be sent to the International Criminal Court.",
     [("direct", "We have documented at least 40 cases of torture,", "Agnes Callamard"),
      ("indirect", "the findings would be sent to the International Criminal Court", "Agnes Callamard",
       {"resolved_from": "She"})]),
    ("telegram-post",
     "Regional governor Vyacheslav Gladkov said on Telegram that a woman was killed when a drone hit her car.",
     [("indirect", "a woman was killed when a drone hit her car", "Vyacheslav Gladkov",
       {"medium": "Telegram", "role": "Regional governor"})]),
    ("rank-between-role-and-name",
     "“The situation is under control,” police spokesman Maj. Daniel Owusu told The Associated Press by phone.",
     [("direct", "The situation is under control,", "Daniel Owusu",
       {"role": "police spokesman", "rank": "Maj.", "via": ["Associated Press"]})]),
    ("crown-prince-bin",
     "Saudi Crown Prince Mohammed bin Salman said in a televised address that the kingdom would not normalise ties "
     "without a Palestinian state.",
     [("indirect", "the kingdom would not normalise ties without a Palestinian state", "Mohammed bin Salman",
       {"role": "Crown Prince", "country": "SA"})]),
    ("spokeswoman-for-agency-apposition",
     "A spokeswoman for the U.N. refugee agency, Olga Sarrado, said more than 4,000 people had crossed into Moldova "
     "since Friday.",
     [("indirect", "more than 4,000 people had crossed into Moldova since Friday", "Olga Sarrado",
       {"role": "spokeswoman for the U.N. refugee agency"})]),
    ("monitor-apposition-org",
     "The Syrian Observatory for Human Rights, a Britain-based war monitor, said at least 30 fighters were killed in "
     "the clashes.",
     [("indirect", "at least 30 fighters were killed in the clashes", "Syrian Observatory for Human Rights",
       {"kind": "organisation"})]),
    ("mr-surname-later",
     "Israeli Prime Minister Benjamin Netanyahu met the families of the hostages on Monday.\n\n"
     "“We will bring them all home,” Mr. Netanyahu said.",
     [("direct", "We will bring them all home,", "Benjamin Netanyahu", {"role": "Prime Minister", "country": "IL"})]),
    ("he-previous-paragraph-with-role",
     "Hezbollah leader Hassan Nasrallah appeared on a screen before thousands of supporters in Beirut.\n\n"
     "“The front in the south will remain open,” he said.",
     [("direct", "The front in the south will remain open,", "Hassan Nasrallah",
       {"role": "Hezbollah leader", "resolved_from": "he"})]),
    ("post-on-x",
     "Polish Foreign Minister Radoslaw Sikorski said in a post on X that Warsaw would send more air defence systems.",
     [("indirect", "Warsaw would send more air defence systems", "Radoslaw Sikorski",
       {"role": "Foreign Minister", "country": "PL", "medium": "X"})]),
    ("witnesses-told-outlet",
     "Witnesses told Reuters that gunmen on motorbikes opened fire on worshippers leaving the mosque.",
     [("indirect", "gunmen on motorbikes opened fire on worshippers leaving the mosque", "Witnesses",
       {"kind": "unnamed", "via": ["Reuters"]})]),
    ("military-said-in-statement-then-it",
     "Israel's military said in a statement that its aircraft struck more than 50 targets overnight. It said "
     "several militants were killed.",
     [("indirect", "its aircraft struck more than 50 targets overnight", "Israel's military"),
      ("indirect", "several militants were killed", "Israel's military")]),
    ("age-and-occupation-apposition",
     "“We have not been paid for four months,” said Oksana Kovalenko, 34, a teacher in Kherson.",
     [("direct", "We have not been paid for four months,", "Oksana Kovalenko")]),
    ("secretary-general-hyphen",
     "U.N. Secretary-General Antonio Guterres told the Security Council that the humanitarian system was on the "
     "verge of collapse.",
     [("indirect", "the humanitarian system was on the verge of collapse", "Antonio Guterres",
       {"kind": "person"})]),
    ("multi-sentence-quote-then-cue",
     "“We were sleeping when the first missile hit. Then the second one came and the roof fell on us,” said Yusuf "
     "Demir, 58.",
     [("direct", "We were sleeping when the first missile hit. Then the second one came and the roof fell on us,",
       "Yusuf Demir")]),
    ("hamas-statement-precision",
     "Hamas said in a statement that it had received the new ceasefire proposal and was studying it. Israel "
     "rejected the proposal and vowed to continue the offensive.",
     [("indirect", "it had received the new ceasefire proposal and was studying it", "Hamas"),
      ("indirect", "to continue the offensive", "Israel", {"class": "intent"})]),
    ("two-women-she",
     "German Foreign Minister Annalena Baerbock met her French counterpart Catherine Colonna in Paris. Baerbock "
     "said the two countries stood together. She added that Europe had to invest more in its own defence.",
     [("indirect", "the two countries stood together", "Annalena Baerbock"),
      ("indirect", "Europe had to invest more in its own defence", "Annalena Baerbock",
       {"resolved_from": "She"})]),
    ("residents-said-no-quote-for-nouns",
     "Residents said the power had been cut since Sunday. The mayor promised an investigation and condemned the "
     "looting.",
     [("indirect", "the power had been cut since Sunday", "Residents", {"kind": "unnamed"})]),
    ("facebook-page-medium",
     "The Fano militia said on its Facebook page that it had captured several towns. Those claims could not be "
     "independently verified.",
     [("indirect", "it had captured several towns", "Fano militia", {"medium": "Facebook", "kind": "organisation"})]),
    ("coast-guard-is-a-body",
     "MANILA, Philippines (AP) — A Chinese ship fired water cannon at a Philippine supply vessel near a disputed "
     "shoal on Saturday, the Philippine coast guard said.",
     [("indirect", "A Chinese ship fired water cannon at a Philippine supply vessel near a disputed shoal on Saturday",
       "Philippine coast guard", {"kind": "organisation", "country": "PH"})]),
    ("suffix-jr-surname-later",
     "Philippine President Ferdinand Marcos Jr. convened his security council on Sunday. Marcos later said in a "
     "televised speech that the country would not give up any of its territory.",
     [("indirect", "the country would not give up any of its territory", "Ferdinand Marcos Jr",
       {"role": "President", "country": "PH"})]),
    ("title-name-subject-then-he",
     "U.S. Secretary of State Marco Rubio told reporters in Washington that the talks had made progress.\n\n"
     "Speaking to CNN, Rubio said: “We are closer than we have ever been.\n\n"
     "“But nothing is agreed until everything is agreed.”\n\n"
     "Russian Foreign Ministry spokesman Alexei Fadeev rejected the proposal and said Moscow would not accept a "
     "freeze of the front line. He said Russia's conditions had not changed.",
     [("indirect", "the talks had made progress", "Marco Rubio", {"role": "Secretary of State", "country": "US"}),
      ("direct", "We are closer than we have ever been.", "Marco Rubio", {"via": ["CNN"]}),
      ("direct", "But nothing is agreed until everything is agreed.", "Marco Rubio"),
      ("indirect", "Moscow would not accept a freeze of the front line", "Alexei Fadeev"),
      ("indirect", "Russia's conditions had not changed", "Alexei Fadeev", {"resolved_from": "He"})]),
    ("bbc-style-colon-over-paragraphs-then-other-speaker",
     "Speaking to the BBC's Today programme, Mr Lammy said: \"We will not stand by while peaceful protesters are "
     "killed in the streets.\n\n"
     "\"Those responsible must be held to account.\"\n\n"
     "Iran's foreign ministry spokesman Esmaeil Baghaei condemned the move and said London had \"no moral "
     "standing\" to lecture Tehran. He said Iran would respond in kind.",
     [("direct", "We will not stand by while peaceful protesters are killed in the streets.", "Lammy",
       {"via": ["BBC"]}),
      ("direct", "Those responsible must be held to account.", "Lammy"),
      ("indirect", "London had \"no moral standing\" to lecture Tehran", "Esmaeil Baghaei",
       {"role": "foreign ministry spokesman", "country": "IR"}),
      ("direct", "no moral standing", "Esmaeil Baghaei"),
      ("indirect", "Iran would respond in kind", "Esmaeil Baghaei", {"resolved_from": "He"})]),
    ("the-source-said-refers-back",
     "A security source, who asked not to be identified, said the convoy had been escorting civilians. \"It was a "
     "trap,\" the source said.",
     [("indirect", "the convoy had been escorting civilians", "security source", {"anonymous": True}),
      ("direct", "It was a trap,", "security source", {"anonymous": True})]),
    ("untagged-org-name-then-inverted-said",
     "Human Rights Watch has accused Niger's army of executing civilians during counter-insurgency operations. "
     "\"Abuses by soldiers only fuel recruitment by armed groups,\" said Ilaria Allegrozzi, senior Sahel researcher "
     "at the group.",
     [("indirect", "Niger's army of executing civilians during counter-insurgency operations", "Human Rights Watch",
       {"kind": "organisation"}),
      ("direct", "Abuses by soldiers only fuel recruitment by armed groups,", "Ilaria Allegrozzi",
       {"role": "senior Sahel researcher at the group", "kind": "person"})]),
    ("named-office-with-possessor",
     "Britain's Foreign Office said it would provide 1 million pounds in emergency aid to the earthquake zone.",
     [("indirect", "it would provide 1 million pounds in emergency aid to the earthquake zone", "Foreign Office",
       {"kind": "organisation", "country": "GB"})]),
    ("straight-quote-before-name-and-age",
     "\"We dug with our hands until morning,\" Gul Rahman, a 45-year-old farmer from the village of Mazar Dara, "
     "told AFP. \"Eleven members of my family are under the rubble.\"",
     [("direct", "We dug with our hands until morning,", "Gul Rahman",
       {"role": "45-year-old farmer from the village of Mazar Dara", "via": ["AFP"]}),
      ("direct", "Eleven members of my family are under the rubble.", "Gul Rahman")]),
    ("one-of-the-sources",
     "Three people familiar with the matter said the sanctions were ready. The measures could be announced as "
     "early as next week, one of the sources said.",
     [("indirect", "the sanctions were ready", "Three people"),
      ("indirect", "The measures could be announced as early as next week", "one of the sources",
       {"kind": "anonymous", "anonymous": True})]),
    ("the-spokesperson-refers-back",
     "A State Department spokesperson declined to comment on the report. \"We do not preview sanctions actions,\" "
     "the spokesperson said in an emailed statement.",
     [("direct", "We do not preview sanctions actions,", "State Department spokesperson", {"kind": "unnamed"})]),
    ("dateline-city-not-the-speaker",
     "BEIJING (AP) — China's military said Monday it had launched large-scale drills around Taiwan.",
     [("indirect", "it had launched large-scale drills around Taiwan", "China's military",
       {"kind": "organisation", "country": "CN"})]),
    ("agency-named-by-apposition",
     "Xinhua, the official news agency, reported that warships and fighter jets had approached the island.",
     [("indirect", "warships and fighter jets had approached the island", "Xinhua", {"kind": "media"})]),
    ("the-general-refers-to-gen",
     "Gen. Michael Kurilla visited the base on Monday. The general said the troops were ready for any threat.",
     [("indirect", "the troops were ready for any threat", "Michael Kurilla", {"rank": "Gen."})]),
    ("the-doctor-refers-to-dr",
     "Dr. Ali Jaber treated dozens of wounded children overnight in Khan Younis. The doctor said the hospital had "
     "no more beds.",
     [("indirect", "the hospital had no more beds", "Ali Jaber")]),
    ("misparsed-acronym-before-name",
     "Speaking at a news conference in Geneva, WHO chief Tedros Adhanom Ghebreyesus said the outbreak was under "
     "control.",
     [("indirect", "the outbreak was under control", "Tedros Adhanom Ghebreyesus")]),
    ("press-release-statement-without-marks",
     "Minister for Africa Andrew Mitchell comments on the attack on a camp for displaced people in North Kivu\n"
     "Minister Andrew Mitchell said:\n"
     "I am appalled by the shelling of the camp, which killed at least 35 people, many of them children.\n"
     "The UK calls on all armed groups to respect international humanitarian law.\n\n"
     "The United Nations said the shelling came from positions held by the M23 rebels.",
     [("direct", "I am appalled by the shelling of the camp, which killed at least 35 people, many of them "
                 "children.", "Andrew Mitchell", {"attribution": "colon"}),
      ("direct", "The UK calls on all armed groups to respect international humanitarian law.", "Andrew Mitchell"),
      ("indirect", "the shelling came from positions held by the M23 rebels", "United Nations"),
      # the headline "Minister … comments on the attack …" attributes a comment too
      ("indirect", "the attack on a camp for displaced people in North Kivu", "Andrew Mitchell")]),
    ("inline-statement-after-colon",
     "The Foreign Secretary said: The UK will not recognise the so-called “referendum” held in occupied territory. "
     "We will work with our partners to hold those responsible to account.",
     [("direct", "The UK will not recognise the so-called “referendum” held in occupied territory. We will work with "
                 "our partners to hold those responsible to account.", "Foreign Secretary", {"attribution": "colon"})]),
    ("participle-after-cue-is-no-cue",
     "“The situation is very tense,” a local journalist told AFP, asking not to be named for security reasons.",
     [("direct", "The situation is very tense,", "local journalist", {"via": ["AFP"]})]),
    ("office-of-the-governor",
     "The attack killed at least nine people, according to the office of the regional governor.",
     [("indirect", "The attack killed at least nine people", "regional governor", {"kind": "office"})]),
    ("agency-name-misparsed-as-verb",
     "Health Minister Mai al-Kaila told the official Palestinian news agency WAFA that hospitals were overwhelmed.",
     [("indirect", "hospitals were overwhelmed", "Mai al-Kaila", {"role": "Health Minister"})]),
    ("health-ministry-spokesman-said-x",
     "“The death toll has risen to 27,” said Ashraf al-Qudra, spokesman for the Health Ministry in Gaza.",
     [("direct", "The death toll has risen to 27,", "Ashraf al-Qudra",
       {"role": "spokesman for the Health Ministry in Gaza"})]),
]


def _quotes(text: str, classes=("speech",)) -> tuple[dict, list[dict]]:
    """The article and its attributions of ``classes`` (speech: the quotes; tests/test_attributions.py
    has the other classes)."""
    doc = newsevents.extract(text, extractors=["quotes"])
    validate(doc)
    return doc, [q for q in doc["quotes"] if q.get("class", "speech") in classes]


def test_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_heldout_case(nlp, name, text, expected):
    classes = {"speech"} | {e[3]["class"] for e in expected if len(e) > 3 and "class" in e[3]}
    doc, quotes = _quotes(text, classes)
    for q in quotes:
        assert doc["text"][q["start"]:q["end"]] == q["text"]
    got = [(q["kind"], q["text"], q["speaker"]["name"]) for q in quotes]
    want = [tuple(e[:3]) for e in expected]
    assert sorted(got, key=str) == sorted(want, key=str), got
    for exp in expected:
        if len(exp) < 4:
            continue
        q = next(q for q in quotes if (q["kind"], q["text"]) == exp[:2])
        for key, value in exp[3].items():
            if key == "via":
                assert [v["name"] for v in q["via"]] == value, (key, q)
            elif key in QUOTE_FIELDS:
                assert q[key] == value, (key, q)
            else:
                assert q["speaker"].get(key) == value, (key, q["speaker"])
