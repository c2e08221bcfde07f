"""An Extraction as the exchange-format JSON object (shared/eval/FORMAT.md)."""

from __future__ import annotations

from typing import Any

from .ids import actor_iri, document_iri
from .records import Extraction


def to_exchange(extraction: Extraction) -> dict[str, Any]:
    doc = extraction.document
    labels = {a.id: a.label for a in extraction.actors}

    def ref(actor_id: str | None) -> dict[str, str] | None:
        if actor_id is None:
            return None
        return {"id": actor_id, "label": labels.get(actor_id, actor_id)}

    return {
        "document": {
            "id": doc.id, "iri": str(document_iri(doc.id)), "title": doc.title,
            "date": doc.date, "author": doc.author, "publisher": doc.publisher,
        },
        "actors": [
            {"id": a.id, "iri": str(actor_iri(a.id)), "label": a.label, "type": a.type,
             "aliases": list(a.aliases), "affiliations": list(a.affiliations),
             "wikidata": a.wikidata, "in_registry": a.in_registry,
             "mentions": [{"start": m.start, "end": m.end, "text": m.text}
                          for m in sorted(set(a.mentions), key=lambda m: (m.start, m.end))]}
            for a in extraction.actors
        ],
        "stances": [
            {"id": s.id, "holder": ref(s.holder), "kind": s.kind,
             "target_actor": ref(s.target_actor),
             "target_issue": ({"id": s.issue.id, "label": s.issue.label,
                               "in_scheme": s.issue.in_scheme} if s.issue else None),
             "modality": s.modality, "condition": s.condition,
             "quote": s.quote.text, "start": s.quote.start, "end": s.quote.end,
             "attributed_by": ref(s.attributed_by), "confidence": s.confidence}
            for s in extraction.stances
        ],
    }
