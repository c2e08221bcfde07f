"""`stancegraph evaluate`: score the extractor against gold annotations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..kg.documents import document_paths, load_document
from ..kg.errors import StancegraphError
from ..kg.evaluate import Score, score
from ..kg.exchange import to_exchange
from ..kg.extract import extract
from . import pipeline_option, use_pipeline

FIELDS = ("gold", "predicted", "matched", "precision", "recall", "f1", "kind_accuracy",
          "f1_with_kind", "target_accuracy")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score extraction against gold annotations",
        description="Extract stances from PATH and score them against GOLD (the development "
        "set's JSON format: stances with holder, kind, target_actor and a quote or start/end "
        "offsets). GOLD may be a folder of gold files and PATH a folder of texts: documents "
        "are paired by the gold file's 'doc' id and micro-averaged scores are printed too.",
    )
    p.add_argument("gold", metavar="GOLD", help="a gold .json file, or a folder of them")
    p.add_argument("path", metavar="PATH", help="the document's text file, or a folder of texts")
    pipeline_option(p)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--verbose", action="store_true", help="list missed and spurious quotes")
    p.set_defaults(run=run)


def _read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StancegraphError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StancegraphError(f"{path}: not a readable gold JSON file ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("stances"), list):
        raise StancegraphError(f"{path}: gold file has no 'stances' list")
    return gold


def _pairs(gold: Path, path: Path) -> list[tuple[str, dict, Path]]:
    if not gold.is_dir():
        g = _read_gold(gold)
        return [(str(g.get("doc") or Path(path).stem), g, path)]
    texts = {p.stem: p for p in document_paths([path])}
    pairs = []
    for gold_file in sorted(gold.glob("*.json")):
        g = _read_gold(gold_file)
        doc = str(g.get("doc") or gold_file.stem)
        if doc not in texts:
            raise StancegraphError(f"{gold_file}: no text '{doc}.txt' under {path}")
        pairs.append((doc, g, texts[doc]))
    if not pairs:
        raise StancegraphError(f"{gold}: no gold .json files")
    return pairs


def run(args: argparse.Namespace) -> int:
    use_pipeline(args)
    results: dict[str, Score] = {}
    for doc_id, gold, text_path in _pairs(Path(args.gold), Path(args.path)):
        doc = load_document(text_path)
        predicted = to_exchange(extract(doc, min_confidence=args.min_confidence))
        try:
            results[doc_id] = score(gold, predicted, doc.text)
        except ValueError as exc:
            raise StancegraphError(f"{args.gold}: {exc}") from None
    total = sum(results.values(), start=Score(0, 0, 0, 0, 0, 0))
    if args.json:
        out = {"documents": {k: v.as_dict() for k, v in results.items()}}
        if len(results) > 1:
            out["micro"] = total.as_dict()
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    rows = list(results.items()) + ([("micro", total)] if len(results) > 1 else [])
    print(_table(rows))
    if args.verbose:
        for doc_id, s in results.items():
            for q in s.missed:
                print(f"{doc_id}: missed: {q}")
            for q in s.spurious:
                print(f"{doc_id}: spurious: {q}")
    return 0


def _table(rows: list[tuple[str, Score]]) -> str:
    head = ["document", *FIELDS]
    body = []
    for name, s in rows:
        d = s.as_dict()
        body.append([name, *("-" if d[f] is None else str(d[f]) for f in FIELDS)])
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in [head, *body])
