"""Place mentions and their countries on the re3d corpus (Location gold spans).

    python benchmarks/re3d_places.py [../shared/corpora/re3d] [--json]

re3d gives spans but no countries. Recall and precision of the place mentions are computed the
way ``newsevents eval --re3d`` does (any overlap; "named" = gold spans with a capitalised word).
For the country, ``re3d_place_countries.tsv`` beside this script labels ~250 span texts (cities,
provinces, regions, bases — not only country names) with the country they lie in; the right-country
share is, over those labelled gold spans that some predicted place overlaps, the share whose
overlapping place is in that country. Coverage (labelled spans that got a place at all) is reported
beside it.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "re3d"


def _labels() -> dict[str, str]:
    out = {}
    for line in (HERE / "re3d_place_countries.tsv").read_text("utf-8").splitlines()[2:]:
        if line.strip():
            span, cc = line.split("\t")
            out[span] = cc
    return out


def run(root: Path) -> dict:
    import newsevents
    from newsevents.evaluate.re3d import country_of, load_re3d

    labels = _labels()
    docs = load_re3d(root)
    started = time.perf_counter()
    gold_n = named_n = gold_hit = named_hit = pred_n = pred_hit = 0
    lab_n = lab_hit = lab_right = 0
    wrong = []
    for d in docs:
        doc = newsevents.extract(d.text, id=d.id, extractors=["places"])
        mentions = [(m["start"], m["end"], p) for p in doc["places"] for m in p["mentions"]]
        golds = [(g["start"], g["end"], g["text"]) for g in d.locations if g["confidence"] >= 0.5]
        all_gold = [(g["start"], g["end"]) for g in d.locations]
        for s, e, text in golds:
            over = [p for ms, me, p in mentions if ms < e and s < me]
            named = any(w[:1].isupper() for w in text.split() if w.lower() != "the")
            gold_n += 1
            gold_hit += bool(over)
            named_n += named
            named_hit += named and bool(over)
            cc = labels.get(text) or country_of(text)
            if cc:
                lab_n += 1
                if over:
                    lab_hit += 1
                    right = any(p["country"] == cc for p in over)
                    lab_right += right
                    if not right:
                        wrong.append((text, cc, sorted({p["country"] or "-" for p in over})))
        for ms, me, _ in mentions:
            pred_n += 1
            pred_hit += any(ms < ge and gs < me for gs, ge in all_gold)
    seconds = time.perf_counter() - started
    return {
        "documents": len(docs),
        "recall": round(gold_hit / gold_n, 3), "recall_named": round(named_hit / named_n, 3),
        "precision": round(pred_hit / pred_n, 3),
        "gold": gold_n, "gold_named": named_n, "predicted": pred_n,
        "country_labelled_spans": lab_n, "country_resolved": lab_hit,
        "country_right": lab_right, "right_country_share": round(lab_right / lab_hit, 3) if lab_hit else None,
        "wrong_country": wrong, "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = run(Path(args.root))
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    print(f"re3d ({out['documents']} documents, {out['seconds']} s)")
    print(f"  recall     {out['recall']} of {out['gold']} Location spans; named {out['recall_named']} of {out['gold_named']}")
    print(f"  precision  {out['precision']} of {out['predicted']} predicted place mentions")
    print(f"  country    {out['country_right']}/{out['country_resolved']} right ({out['right_country_share']}) "
          f"on labelled spans that got a place; {out['country_resolved']}/{out['country_labelled_spans']} labelled spans resolved")
    for text, cc, got in out["wrong_country"]:
        print(f"  wrong: {text!r} expected {cc}, got {', '.join(got)}")


if __name__ == "__main__":
    main()
