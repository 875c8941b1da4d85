"""Latency of ``GET /api/events`` on a large store, through a real ``newsevents serve`` process.

Builds (once, then reuses) a synthetic store of N events — articles of ten events each with varied
types, actors, places across the world and dates over three years — starts ``newsevents serve`` on
a free port, and times sequential requests over a mix of filters (none, type, country, place,
dates, bounding box, actor, full-text, disputed, cursor pages deep into the list, combinations).

    python benchmarks/api_latency.py                    # 100,000 events, 40 rounds of the mix
    python benchmarks/api_latency.py --events 20000 --rounds 10 --db bench.db

Prints the start-up time of the server, p50/p95/p99 per query and over all, and exits 1 when the
overall p95 is above --budget-ms (50 by default).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
PLACES = [("Mitrovica", 42.89, 20.87, "XK"), ("Pristina", 42.67, 21.17, "XK"), ("Belgrade", 44.80, 20.47, "RS"),
          ("Aleppo", 36.20, 37.13, "SY"), ("Idlib", 35.93, 36.63, "SY"), ("Raqqa", 35.95, 39.01, "SY"),
          ("Mosul", 36.34, 43.13, "IQ"), ("Baghdad", 33.34, 44.40, "IQ"), ("Kyiv", 50.45, 30.52, "UA"),
          ("Kharkiv", 49.99, 36.23, "UA"), ("Gaza", 31.50, 34.47, "PS"), ("Khartoum", 15.50, 32.56, "SD"),
          ("Kabul", 34.53, 69.17, "AF"), ("Bamako", 12.65, -8.00, "ML"), ("Caracas", 10.49, -66.88, "VE"),
          ("Bogota", 4.71, -74.07, "CO"), ("Manila", 14.60, 120.98, "PH"), ("Yangon", 16.87, 96.20, "MM"),
          ("Lagos", 6.52, 3.38, "NG"), ("Mogadishu", 2.05, 45.32, "SO")]
ACTORS = [("police", "COP"), ("army", "MIL"), ("protesters", "CIV"), ("rebels", "REB"), ("government", "GOV"),
          ("opposition party", "PTY"), ("court", "JUD"), ("United Nations", "IGO"), ("journalists", "MED"),
          ("smugglers", "CRM")]
VERBS = ["attacked", "met", "accused", "urged", "arrested", "protested against", "sanctioned", "supported",
         "threatened", "rejected", "deployed near", "agreed with"]


def synthetic_document(n: int, rng: random.Random, events_per_article: int = 10) -> dict:
    sentences, spans = [], []
    offset = 0
    for i in range(events_per_article):
        actor, recipient = rng.sample(ACTORS, 2)
        place = rng.choice(PLACES)
        sentence = f"In {place[0]}, {actor[0]} {rng.choice(VERBS)} {recipient[0]} (report {n}.{i})."
        spans.append((offset, sentence, actor, recipient, place))
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    day = (time.mktime((2021, 1, 1, 0, 0, 0, 0, 0, -1)) + rng.randrange(0, 3 * 365) * 86400)
    published = time.strftime("%Y-%m-%d", time.localtime(day))
    places, events = [], []
    for i, (start, sentence, actor, recipient, place) in enumerate(spans):
        name, lat, lon, country = place
        p_start = start + 3
        places.append({"id": f"plc{i + 1}", "name": name, "geonameid": None, "lat": lat, "lon": lon, "country": country,
                       "admin1": None, "feature": "city", "evidence": _span(text, p_start, p_start + len(name))})
        a_start = text.index(actor[0], p_start + len(name))
        r_start = text.index(recipient[0], a_start + len(actor[0]))
        events.append({
            "id": f"evt{i + 1}", "type": rng.choice(TYPES), "mode": None, "context": None,
            "actor": [{"name": actor[0], "entity": None, "sector": actor[1], "country": None, "country2": country,
                       "evidence": _span(text, a_start, a_start + len(actor[0]))}],
            "recipient": [{"name": recipient[0], "entity": None, "sector": recipient[1], "country": None,
                           "country2": None, "evidence": _span(text, r_start, r_start + len(recipient[0]))}],
            "place": {"id": f"plc{i + 1}"}, "date": {"value": published, "precision": "day"}, "negated": False,
            "modality": "disputed" if rng.random() < 0.03 else "asserted", "reported_by": None, "magnitude": None,
            "trigger": _span(text, a_start + len(actor[0]) + 1, r_start - 1),
            "evidence": _span(text, start, start + len(sentence))})
    return {"schema": "newsevents/1",
            "article": {"id": f"bench-{n}", "title": f"Synthetic report {n}", "published": published,
                        "outlet": rng.choice(["example.org", "example.net", "example.com"]), "url": None,
                        "author": None, "via": [], "language": "en",
                        "text_sha256": hashlib.sha256(text.encode()).hexdigest()},
            "text": text, "entities": [], "places": places, "events": events, "quotes": [], "casualties": [],
            "dates": [], "warnings": []}


def _span(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def build_store(db: Path, n_events: int) -> None:
    from newsevents.store import open_store

    store = open_store(str(db))
    try:
        have = store.stats()["events"]
        if have >= n_events:
            print(f"reusing {db} ({have:,} events)")
            return
        rng = random.Random(7)
        started = time.monotonic()
        n_articles = (n_events - have + 9) // 10
        first = store.stats()["articles"]
        for n in range(first, first + n_articles):
            store.save(synthetic_document(n, rng))
        print(f"built {db}: {store.stats()['events']:,} events in {time.monotonic() - started:.0f} s")
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def query_mix(client: httpx.Client) -> dict[str, str]:
    """Named queries; cursors are real ones taken from the server."""
    cursor, deep = None, None
    for _ in range(100):  # 100 pages of 50 in: a cursor far into the list
        page = client.get("/api/events", params={"limit": 50, **({"cursor": cursor} if cursor else {})}).json()
        cursor = deep = page["next_cursor"] or deep
    second = client.get("/api/events", params={"limit": 50}).json()["next_cursor"]
    return {
        "first page": "/api/events",
        "page 2 (cursor)": f"/api/events?cursor={second}",
        "page 101 (cursor)": f"/api/events?cursor={deep}",
        "type": "/api/events?type=ASSAULT",
        "country": "/api/events?country=XK",
        "place": "/api/events?place=Aleppo",
        "date range": "/api/events?date_from=2022-03-01&date_to=2022-03-31",
        "bbox": "/api/events?bbox=19,41,22,44",
        "actor": "/api/events?actor=police",
        "sector": "/api/events?sector=MIL",
        "text search": "/api/events?q=smugglers",
        "disputed": "/api/events?disputed=true",
        "type+country+dates": "/api/events?type=PROTEST&country=SY&date_from=2022-01-01&date_to=2022-12-31",
        "limit 200": "/api/events?limit=200",
    }


# Reported on their own, outside the p95 of the mix: the costly corners.
EXTRA = {
    "actor, no match (scan)": "/api/events?actor=zzzz",
    "first page + total": "/api/events?total=true",
    "type + total": "/api/events?type=ASSAULT&total=true",
}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40, help="times each query of the mix is sent")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "newsevents-api-latency.db",
                        help="store to build or reuse (default: in the temp folder)")
    parser.add_argument("--budget-ms", type=float, default=50.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    args.db.parent.mkdir(parents=True, exist_ok=True)
    build_store(args.db, args.events)
    port = free_port()
    started = time.monotonic()
    server = subprocess.Popen([sys.executable, "-c", "from newsevents.cli import main; main()", "serve", "--db",
                               str(args.db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                try:
                    if client.get("/api/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    if time.monotonic() - started > 30 or server.poll() is not None:
                        raise SystemExit("server did not start")
                    time.sleep(0.02)
            startup = time.monotonic() - started
            mix = query_mix(client)
            for url in [*mix.values(), *EXTRA.values()]:  # warm-up: query plans, page cache
                assert client.get(url).status_code == 200, url
            timings: dict[str, list[float]] = {name: [] for name in [*mix, *EXTRA]}
            for _ in range(args.rounds):
                for name, url in [*mix.items(), *EXTRA.items()]:
                    t0 = time.perf_counter()
                    response = client.get(url)
                    timings[name].append((time.perf_counter() - t0) * 1000)
                    assert response.status_code == 200, (url, response.text)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    everything = [t for name, values in timings.items() if name in mix for t in values]
    report = {"events": args.events, "requests_in_mix": len(everything), "startup_s": round(startup, 2),
              "overall": {"p50": percentile(everything, 50), "p95": percentile(everything, 95),
                          "p99": percentile(everything, 99)},
              "per_query": {name: {"p50": percentile(v, 50), "p95": percentile(v, 95), "max": max(v)}
                            for name, v in timings.items()}}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"newsevents serve answered after {startup:.2f} s; {len(everything)} requests to /api/events "
              f"({args.rounds} rounds of {len(mix)} queries), store of {args.events:,} events")
        print(f"{'query':<24}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for name, row in report["per_query"].items():
            if name in mix:
                print(f"{name:<24}{row['p50']:>9.1f}{row['p95']:>9.1f}{row['max']:>9.1f}")
        overall = report["overall"]
        print(f"{'ALL (the mix above)':<24}{overall['p50']:>9.1f}{overall['p95']:>9.1f}   p99 {overall['p99']:.1f}")
        print("outside the mix:")
        for name in EXTRA:
            row = report["per_query"][name]
            print(f"{name:<24}{row['p50']:>9.1f}{row['p95']:>9.1f}{row['max']:>9.1f}")
    return 0 if report["overall"]["p95"] <= args.budget_ms else 1


if __name__ == "__main__":
    sys.exit(main())
