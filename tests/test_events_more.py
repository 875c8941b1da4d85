"""More event sentences (each PLOVER type in other phrasings), no spurious types, no-event text."""
from __future__ import annotations

import pytest

S = [
("The two leaders agreed to open a new border crossing next year.", "AGREE"),
("Pakistan pledged $50 million to help rebuild Afghanistan's roads.", "AGREE"),
("The Chinese foreign minister met his Indian counterpart in Beijing on Friday.", "CONSULT"),
("Kenyan President Uhuru Kenyatta visited Uganda on Tuesday.", "CONSULT"),
("Rebel negotiators held talks with government envoys in Addis Ababa.", "CONSULT"),
("The European Union welcomed the election of the new Somali president.", "SUPPORT"),
("Germany recognized Croatia on Monday.", "SUPPORT"),
("The junta lifted the state of emergency in the capital.", "CONCEDE"),
("The court pardoned 30 political prisoners on Independence Day.", "CONCEDE"),
("Japan and Australia will share intelligence on North Korea.", "AGREE"),
("India shared intelligence with Sri Lanka about the bombers.", "COOPERATE"),
("Saudi Arabia sent humanitarian aid to Yemen on Sunday.", "AID"),
("The Red Cross delivered medicine to hospitals in Gaza.", "AID"),
("Maoist rebels freed four kidnapped engineers on Wednesday.", "RETREAT"),
("Russian troops pulled out of the town after a week of fighting.", "RETREAT"),
("The health minister resigned over the vaccine scandal.", "RETREAT"),
("The opposition called on the president to resign.", "REQUEST"),
("The United Nations appealed for international aid for flood victims.", "REQUEST"),
("Human Rights Watch accused the army of torturing detainees.", "ACCUSE"),
("Turkey condemned the attack on its embassy in Kabul.", "ACCUSE"),
("Police are investigating the murder of a local journalist.", "ACCUSE"),
("The prime minister rejected calls for early elections.", "REJECT"),
("Hamas refused to recognize Israel.", "REJECT"),
("North Korea threatened to strike U.S. bases in the Pacific.", "THREATEN"),
("The militia warned that it would attack any foreign troops.", "THREATEN"),
("Hundreds of students protested against tuition fees in Santiago.", "PROTEST"),
("Truck drivers went on strike over fuel prices.", "PROTEST"),
("Farmers blocked highways with tractors across the country.", "PROTEST"),
("Washington imposed sanctions on three Iranian banks.", "SANCTION"),
("The country recalled its ambassador from Paris.", "SANCTION"),
("The army deployed tanks along the border with Syria.", "MOBILIZE"),
("Police detained 40 opposition activists in Minsk.", "COERCE"),
("Authorities banned all public gatherings in the city.", "COERCE"),
("Israeli forces demolished two Palestinian houses in Hebron.", "COERCE"),
("Gunmen opened fire on a bus carrying pilgrims.", "ASSAULT"),
("A suicide bomber killed 12 people at a market in Baghdad.", "ASSAULT"),
("Government warplanes bombed rebel positions near Aleppo.", "ASSAULT"),
("Troops clashed with insurgents in Helmand province.", "ASSAULT"),
("Unknown attackers abducted a French aid worker in Niger.", "ASSAULT"),
("A car bomb exploded near the interior ministry.", "ASSAULT"),
]

NONE = [
"The central bank kept interest rates unchanged.",
"The festival attracted thousands of visitors.",
"Officials said the weather would improve next week.",
"The report was published on Monday.",
"The minister spoke about the economy at a conference.",
]


@pytest.fixture(scope="module")
def types_of(extract_text):
    cache = {}

    def run(text):
        if text not in cache:
            cache[text] = [e["type"] for e in extract_text(text, extractors=["entities", "events"])["events"]]
        return cache[text]
    return run


@pytest.mark.parametrize("sentence,expected", S)
def test_type_and_nothing_else(types_of, sentence, expected):
    types = types_of(sentence)
    assert expected in types, types
    assert set(types) == {expected}, types  # precision: no other type is coded


@pytest.mark.parametrize("sentence", NONE)
def test_no_event(types_of, sentence):
    assert types_of(sentence) == []
