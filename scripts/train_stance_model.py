"""Train the stance model (kg/extract/data/stance_model.json) on annotated sets.

    python scripts/train_stance_model.py [SET ...] [--out FILE] [--cv] [--threshold X] [--c C]

A SET is a folder of gold files and the folder of their texts, written GOLD[:TEXTS] (TEXTS
defaults to GOLD's sibling `docs/`, else GOLD itself). Without SETs, every set this checkout
has: the development gold (tests/fixtures/gold with corpus/), the constructed held-out sets
(tests/fixtures/heldout*), and the real sets under eval/ whose texts are restored, except
eval/real-heldout, which is kept unseen. Real texts are third-party and not committed:
restore them first (eval/README.md).

Every candidate the extractor considers in a gold document is labelled with the coarse kind
of the gold stance it matches (same holder, evidence overlapping by half), or "none"; a
multinomial logistic regression (scikit-learn) learns the labels from the candidates'
features, and its weights are written as JSON for the extractor to score with.

--cv  leave each real set out in turn: train on the others and score the held-out set with
      the extractor's own choice of candidates (the honest figure for a set it never saw).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from stancegraph.kg.documents import load_document
from stancegraph.kg.evaluate import COARSE_KIND, GoldActors, Score, overlap, score, span_of
from stancegraph.kg.exchange import to_exchange
from stancegraph.kg.extract import Analysis, analyse, assemble, choose
from stancegraph.kg.extract.model import LABELS, MODEL_FILE, NONE, StanceModel
from stancegraph.kg.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = "real-heldout"


def default_sets() -> list[tuple[Path, Path]]:
    sets = [(ROOT / "tests/fixtures/gold", ROOT / "corpus")]
    sets += [(p, p) for p in sorted((ROOT / "tests/fixtures").glob("heldout*"))]
    for gold in sorted((ROOT / "eval").glob("*/gold")):
        if not gold.parent.name.startswith(HELD_OUT):
            sets.append((gold, gold.parent / "docs"))
    shared = ROOT.parent / "shared/eval/real"
    if shared.exists():
        sets.append((shared / "gold", shared / "docs"))
    return sets


def parse_set(spec: str) -> tuple[Path, Path]:
    gold, _, texts = spec.partition(":")
    g = Path(gold)
    if texts:
        return g, Path(texts)
    return g, g.parent / "docs" if (g.parent / "docs").is_dir() else g


class Doc:
    def __init__(self, gold: dict, analysis: Analysis) -> None:
        self.gold, self.analysis = gold, analysis
        self.labels = label(gold, analysis)


def load_set(gold_dir: Path, text_dir: Path) -> list[Doc]:
    texts = {p.stem: p for p in text_dir.glob("*.txt")}
    out = []
    for gp in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        doc_id = str(gold.get("doc") or gp.stem)
        path = texts.get(doc_id) or texts.get(gp.stem)
        if path is None:
            continue
        out.append(Doc(gold, analyse(load_document(path))))
    return out


def label(gold: dict, a: Analysis) -> list[str]:
    """The coarse kind of the gold stance each candidate matches, or "none"."""
    actors = GoldActors(gold.get("actors", []))
    golds = [(span_of(a.doc.text, g), actors.resolve(g["holder"]), g["kind"])
             for g in gold["stances"]]
    out = []
    for c in a.candidates:
        holder = actors.resolve(a.book.actors[c.holders[0]].label)
        best, kind = 0.0, NONE
        for sp, h, k in golds:
            if sp is None or h != holder:
                continue
            ov = overlap(sp, (c.start, c.end))
            if ov >= 0.5 and ov > best:
                best, kind = ov, COARSE_KIND[k]
        out.append(kind)
    return out


def train(docs: list[Doc], c: float, threshold: float) -> StanceModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x = [f for d in docs for f in d.analysis.features]
    y = [lab for d in docs for lab in d.labels]
    vec = DictVectorizer()
    matrix = vec.fit_transform(x)
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(matrix, y)
    order = [list(clf.classes_).index(lab) if lab in clf.classes_ else None for lab in LABELS]
    names = vec.get_feature_names_out()
    weights = {}
    for col, name in enumerate(names):
        row = [0.0 if k is None else float(clf.coef_[k, col]) for k in order]
        if max(abs(w) for w in row) >= 1e-3:
            weights[str(name)] = [round(w, 4) for w in row]
    bias = [-50.0 if k is None else round(float(clf.intercept_[k]), 4) for k in order]
    return StanceModel(LABELS, weights, bias, threshold)


def evaluate(docs: list[Doc], model: StanceModel) -> Score:
    total = Score(0, 0, 0, 0, 0, 0)
    for d in docs:
        a = d.analysis
        stances = assemble(a, choose(a, model), 0.0)
        predicted = to_exchange(Extraction(a.doc, list(a.book.actors.values()), stances))
        total = total + score(d.gold, predicted, a.doc.text)
    return total


def report(name: str, s: Score) -> str:
    d = s.as_dict()
    return (f"{name:28} gold {d['gold']:4} pred {d['predicted']:4} P {d['precision']:.3f} "
            f"R {d['recall']:.3f} F1 {d['f1']:.3f} F1+kind {d['f1_with_kind']:.3f} "
            f"target {d['target_accuracy'] if d['target_accuracy'] is not None else '-'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", metavar="SET")
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    args = ap.parse_args(argv)
    sets = [parse_set(s) for s in args.sets] if args.sets else default_sets()
    t0 = time.perf_counter()
    loaded = {}
    for gold, texts in sets:
        name = gold.parent.name if gold.name == "gold" else gold.name
        docs = load_set(gold, texts)
        if docs:
            loaded[name] = docs
            print(f"{name}: {len(docs)} documents, "
                  f"{sum(len(d.gold['stances']) for d in docs)} stances", file=sys.stderr)
    print(f"read in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.cv:
        thresholds = sorted({args.threshold, 0.35, 0.45, 0.55})
        totals = {th: Score(0, 0, 0, 0, 0, 0) for th in thresholds}
        for name, held in loaded.items():
            if not name.startswith("real"):
                continue
            rest = [d for n, ds in loaded.items() if n != name for d in ds]
            model = train(rest, args.c, args.threshold)
            for th in thresholds:
                m = StanceModel(model.labels, model.weights, model.bias, th)
                found = evaluate(held, m)
                totals[th] = totals[th] + found
                print(report(f"{name} (unseen, t={th})", found))
        for th in thresholds:
            print(report(f"real sets, micro (t={th})", totals[th]))
        return 0
    everything = [d for ds in loaded.values() for d in ds]
    model = train(everything, args.c, args.threshold)
    args.out.write_text(json.dumps(model.to_json(), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(model.weights)} features", file=sys.stderr)
    for name, docs in loaded.items():
        print(report(f"{name} (trained on)", evaluate(docs, model)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
