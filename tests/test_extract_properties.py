"""Properties of extraction on any text: it never raises, quotes are exact spans, and every
holder, target and attribution is an actor of the output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancegraph.kg.exchange import to_exchange
from stancegraph.kg.extract import analyse, assemble, choose, extract
from stancegraph.kg.extract.model import load_model
from stancegraph.kg.records import Document, Extraction

NAMES = ["North Korea", "Pyongyang", "the US", "Washington", "China", "Beijing's", "Russia",
         "Moscow", "Seoul", "Tokyo", "Japanese Prime Minister Fumio Kishida", "Kishida",
         "the ministry", "the council", "the UN Security Council", "the IAEA", "she", "it",
         "they", "we", "He", "the regime", "the North", "KCNA", "Kim Yo-jong, the sister of "
         "North Korean leader Kim Jong-un,", "Dara Vell, a researcher at the Tallis Institute,",
         "North Korea's Foreign Ministry", "a spokesperson for the Chinese Foreign Ministry",
         "both capitals", "the three governments", "Canada, Australia and New Zealand"]
VERBS = ["condemned", "did not condemn", "said", "warned that", "urged", "called on",
         "called for", "rejected", "denied", "agreed to", "vowed to", "was vetoed by",
         "should", "ought to", "is likely to", "declined to comment on", "accused",
         "has been opposed by", "praised", "told reporters that", "will", "must"]
TAILS = ["the launch.", "sanctions on Pyongyang.", "the drills of Seoul and Washington.",
         '"a dangerous provocation," she said.', "talks, if Beijing were to agree.",
         "resume talks; it should stay off the table.", "the charge, which it denies.",
         "(IAEA) the report.", "“nothing to lose.”", "the panel’s mandate,"]


def check(ex: Extraction, text: str) -> None:
    ids = {a.id for a in ex.actors}
    for s in ex.stances:
        assert text[s.quote.start:s.quote.end] == s.quote.text
        assert s.quote.text
        assert s.holder in ids
        assert s.target_actor is None or s.target_actor in ids
        assert s.attributed_by in ids
        assert s.holder != s.target_actor
        assert 0.0 <= s.confidence <= 1.0
    for a in ex.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    out = to_exchange(ex)
    assert len(out["stances"]) == len(ex.stances)


def make(text: str, author: str | None, body_start: int = 0) -> Document:
    return Document(id="p", text=text, author=author, publisher="Test Review",
                    body_start=body_start)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=30)),
       st.integers(min_value=-5, max_value=500))
def test_any_unicode_text(text: str, author: str | None, body_start: int) -> None:
    check(extract(make(text, author or None, body_start)), text)


sentence = st.builds(
    lambda a, v, b, t: f"{a} {v} {b} {t}",
    st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(NAMES + [""]),
    st.sampled_from(TAILS),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "\n\n", "  ", "\n"]), min_size=12, max_size=12),
       st.floats(min_value=0.0, max_value=1.0))
def test_sentences_of_actor_names_and_verbs(sentences: list[str], seps: list[str],
                                            threshold: float) -> None:
    text = "".join(s[0].upper() + s[1:] + sep for s, sep in zip(sentences, seps, strict=False))
    ex = extract(make(text, "Ana Ruiz"), min_confidence=threshold)
    check(ex, text)
    assert all(s.confidence >= threshold for s in ex.stances)
    assert [s.id for s in ex.stances] == [f"p/{n}" for n in range(1, len(ex.stances) + 1)]


def test_no_stance_reports_a_confidence_below_the_floor_it_passed() -> None:
    # the floor set at each candidate's own confidence: what is kept shows at least it
    a = analyse(make(" ".join(f"{n} condemned the launch. {n} urged talks." for n in NAMES[:8]),
                     "Ana Ruiz"))
    chosen = choose(a, load_model())
    assert len(chosen) > 10
    for _, floor in chosen:
        assert all(s.confidence >= floor for s in assemble(a, chosen, floor))


@settings(max_examples=50, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=8))
def test_extraction_is_deterministic(sentences: list[str]) -> None:
    text = " ".join(sentences)
    first = extract(make(text, "Ana Ruiz"))
    second = extract(make(text, "Ana Ruiz"))
    assert to_exchange(first) == to_exchange(second)
