"""Hand-written toponym ambiguity cases: the right referent from the article's own context.

Each case is a short news-like text, the name to look at, and the expected country (ISO alpha-2)
and approximate coordinates; a prediction counts within ``km`` (default 50 km), the same rule the
gold files use (30 km there, a little looser here for admin1/region centres).
"""
from __future__ import annotations

import math

import pytest

CASES = [
    # (id, text, name, country, lat, lon, km)
    ("mitrovica-kosovo", "Police raided homes in Mitrovica, in northern Kosovo, on Tuesday.",
     "Mitrovica", "XK", 42.89, 20.87, 30),
    ("mitrovica-kosovo-context", "Kosovo police said officers met resistance in Mitrovica during the raids.",
     "Mitrovica", "XK", 42.89, 20.87, 30),
    ("mitrovica-diacritics", "Protesters blocked the bridge in Mitrovicë, Kosovo's divided city.",
     "Mitrovicë", "XK", 42.89, 20.87, 30),
    ("sremska-mitrovica", "Farmers in Sremska Mitrovica, Serbia, protested against fuel prices.",
     "Sremska Mitrovica", "RS", 44.98, 19.61, 30),
    ("belgrade-capital", "Vucic left Belgrade on Sunday to meet European leaders.",
     "Belgrade", "RS", 44.80, 20.47, 30),
    ("raska-demonym", "He travelled to the central Serbian town of Raska to meet local leaders.",
     "Raska", "RS", 43.29, 20.61, 30),
    ("raska-diacritics", "Serbian officials in Raška said the border crossing was closed.",
     "Raška", "RS", 43.29, 20.61, 30),
    ("raska-lowercase-scan", "Serbian officials said the meeting was held in the town of raska near the border.",
     "raska", "RS", 43.29, 20.61, 30),
    ("pristina-capital", "Kosovo's government in Pristina rejected the demand from Belgrade.",
     "Pristina", "XK", 42.67, 21.17, 30),
    ("paris-france", "Tourists crowded the streets of Paris as France marked its national day.",
     "Paris", "FR", 48.85, 2.35, 30),
    ("paris-texas", "A tornado damaged dozens of homes in Paris, Texas, on Monday night.",
     "Paris", "US", 33.66, -95.56, 30),
    ("georgia-country", "Protesters filled the streets of Tbilisi, the capital of Georgia, on Sunday.",
     "Georgia", "GE", 42.0, 43.5, 50),
    ("georgia-us-state", "Voters in Atlanta lined up for hours as Georgia and the United States counted ballots.",
     "Georgia", "US", 32.7, -83.4, 250),
    ("alexandria-egypt", "Archaeologists in Alexandria, Egypt, found a Ptolemaic tomb.",
     "Alexandria", "EG", 31.20, 29.92, 30),
    ("alexandria-virginia", "The city council of Alexandria, Virginia, voted to expand the waterfront.",
     "Alexandria", "US", 38.80, -77.05, 30),
    ("tripoli-libya", "Militias clashed in Tripoli, Libya, overnight.",
     "Tripoli", "LY", 32.89, 13.19, 30),
    ("tripoli-lebanon", "Lebanese soldiers deployed in Tripoli after gunmen opened fire in the northern city.",
     "Tripoli", "LB", 34.44, 35.85, 30),
    ("springfield-illinois", "Lawmakers met in Springfield, Illinois, to pass the budget.",
     "Springfield", "US", 39.80, -89.64, 30),
    ("springfield-massachusetts", "The mayor of Springfield, Massachusetts, announced a curfew.",
     "Springfield", "US", 42.10, -72.59, 30),
    ("springfield-missouri", "Floods closed roads around Springfield, Missouri, on Friday.",
     "Springfield", "US", 37.21, -93.29, 30),
    ("london-ontario", "Police in London, Ontario, arrested a man after the attack.",
     "London", "CA", 42.98, -81.23, 30),
    ("london-uk", "British police said crowds gathered in London to watch the parade.",
     "London", "GB", 51.51, -0.13, 30),
    ("cambridge-massachusetts", "Researchers in Cambridge, Massachusetts, published the study.",
     "Cambridge", "US", 42.37, -71.11, 30),
    ("cambridge-england", "Students in Cambridge, England, protested against tuition fees.",
     "Cambridge", "GB", 52.20, 0.12, 30),
    ("homs-syria", "Syrian government forces shelled Homs on Wednesday.",
     "Homs", "SY", 34.73, 36.71, 30),
    ("mosul-iraq", "Iraqi troops entered Mosul after weeks of fighting.",
     "Mosul", "IQ", 36.34, 43.13, 30),
    ("santiago-chile", "Thousands marched in Santiago, Chile, against pension reform.",
     "Santiago", "CL", -33.46, -70.65, 30),
    ("valencia-venezuela", "Power cuts hit Valencia, Venezuela, for a third day.",
     "Valencia", "VE", 10.16, -68.0, 30),
    ("valencia-spain", "Floods killed dozens in Valencia in eastern Spain.",
     "Valencia", "ES", 39.47, -0.38, 30),
    ("victoria-bc", "Officials in Victoria, British Columbia, declared an emergency.",
     "Victoria", "CA", 48.43, -123.37, 30),
    ("perth-australia", "Fires burned near Perth, Western Australia, on Sunday.",
     "Perth", "AU", -31.95, 115.86, 30),
    ("perth-scotland", "Farmers near Perth, Scotland, reported flooding.",
     "Perth", "GB", 56.40, -3.43, 30),
    ("birmingham-alabama", "A storm hit Birmingham, Alabama, on Tuesday.",
     "Birmingham", "US", 33.52, -86.80, 30),
    ("birmingham-uk", "British police arrested three men in Birmingham after the raid.",
     "Birmingham", "GB", 52.48, -1.90, 30),
    ("cordoba-argentina", "Protests spread to Córdoba, Argentina, on Thursday.",
     "Córdoba", "AR", -31.40, -64.18, 30),
    ("cordoba-spain", "Spanish police detained two suspects in Cordoba.",
     "Cordoba", "ES", 37.88, -4.77, 30),
    ("hyderabad-pakistan", "Heavy rain flooded Hyderabad, Pakistan, leaving thousands homeless.",
     "Hyderabad", "PK", 25.39, 68.37, 30),
    ("hyderabad-india", "Indian officials in Hyderabad said the vote would go ahead.",
     "Hyderabad", "IN", 17.38, 78.46, 30),
    ("lebanon-pennsylvania", "A factory fire in Lebanon, Pennsylvania, injured two workers.",
     "Lebanon", "US", 40.34, -76.41, 30),
    ("moscow-idaho", "Students at the university in Moscow, Idaho, held a vigil.",
     "Moscow", "US", 46.73, -117.0, 30),
    ("moscow-russia", "The Kremlin said in Moscow that talks would resume.",
     "Moscow", "RU", 55.75, 37.62, 30),
    ("portland-maine", "Ferries from Portland, Maine, were cancelled.",
     "Portland", "US", 43.66, -70.26, 30),
    ("portland-oregon", "Protesters marched in Portland, Oregon, for a fifth night.",
     "Portland", "US", 45.52, -122.68, 30),
    ("washington-capital", "Officials in Washington said the sanctions would stay.",
     "Washington", "US", 38.90, -77.04, 30),
    ("kyiv", "Air raid sirens sounded across Kyiv as Ukrainian forces braced for attacks.",
     "Kyiv", "UA", 50.45, 30.52, 30),
    ("kherson", "Ukrainian forces retook Kherson in November.",
     "Kherson", "UA", 46.64, 32.61, 30),
    ("idlib-province", "An airstrike hit a market in northwestern Syria's Idlib province.",
     "Idlib", "SY", 35.93, 36.63, 30),
    ("ayn-issa-spelling", "The soldier was wounded in the vicinity of Ayn Issa in northern Syria.",
     "Ayn Issa", "SY", 36.39, 38.86, 30),
    ("raqqa-spelling", "SDF fighters advanced toward Raqqa, the Islamic State's stronghold in Syria.",
     "Raqqa", "SY", 35.95, 39.01, 30),
    ("kingston-jamaica", "Jamaican police said gang violence rose in Kingston.",
     "Kingston", "JM", 17.99, -76.79, 30),
    ("kingston-ontario", "Ontario officials in Kingston reported flooding.",
     "Kingston", "CA", 44.23, -76.48, 30),
    ("hamilton-new-zealand", "New Zealand police said a man was arrested in Hamilton.",
     "Hamilton", "NZ", -37.79, 175.28, 30),
    ("hamilton-canada", "Canadian police said a man was arrested in Hamilton.",
     "Hamilton", "CA", 43.25, -79.85, 30),
    ("cartagena-spain", "Spanish authorities in Cartagena seized cocaine.",
     "Cartagena", "ES", 37.61, -0.99, 30),
    ("cartagena-colombia", "Colombian troops patrolled Cartagena.",
     "Cartagena", "CO", 10.40, -75.51, 30),
    ("jenin-west-bank", "Israeli troops raided the West Bank city of Jenin on Monday.",
     "Jenin", "PS", 32.46, 35.30, 30),
    ("benin-country", "Thousands of refugees fled from Nigeria into neighbouring Benin last week.",
     "Benin", "BJ", 9.5, 2.25, 50),
    ("panama-country", "The United States sped up the withdrawal of invasion forces from Panama.",
     "Panama", "PA", 9.0, -80.0, 50),
    ("jordan-country", "King Abdullah said Jordan would host the talks in Amman.",
     "Jordan", "JO", 31.0, 36.0, 50),
    # second-level subdivisions (counties, parishes) and states against towns GeoNames gives their name
    ("county-admin2", "A tornado touched down in Boone County, near Columbia, on Tuesday, Missouri officials said.",
     "Boone County", "US", 39.0, -92.3, 60),
    ("parish-admin2", "Flood warnings were issued for Rapides Parish after the storm crossed Louisiana.",
     "Rapides Parish", "US", 31.2, -92.5, 60),
    ("state-not-alternate-town", "Cattle farmers moved from Montana to Missouri, where pasture is cheaper.",
     "Missouri", "US", 38.3, -92.2, 150),
]


def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(a))


def place_for(doc: dict, name: str) -> dict | None:
    """The place one of whose mentions is exactly ``name`` (first occurrence)."""
    for place in doc["places"]:
        if any(m["text"] == name for m in place["mentions"]):
            return place
    return None


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_ambiguous_toponym(extract_text, case):
    _, text, name, country, lat, lon, km = case
    doc = extract_text(text, extractors=["places"])
    place = place_for(doc, name)
    assert place is not None, f"{name!r} not found in {[p['name'] for p in doc['places']]}"
    assert place["country"] == country, place
    assert _km(place["lat"], place["lon"], lat, lon) <= km, place
    assert isinstance(place["geonameid"], int) or place["feature"] == "region"
    assert 0 < place["score"] <= 1


def test_at_least_forty_cases():
    assert len(CASES) >= 40
