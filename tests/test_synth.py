"""The synthetic corpus generator behind the benchmarks (benchmarks/synth.py)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from stancegraph.kg.documents import load_document, parse_header

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "synth.py"


def _load_synth():
    spec = importlib.util.spec_from_file_location("synth", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is being built
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def _body_words(text: str) -> int:
    return len(text.split())


def test_same_seed_same_corpus_and_prefix_stable():
    first = list(synth.generate(12, seed=5))
    assert first == list(synth.generate(12, seed=5))
    # document i does not depend on how many documents are asked for
    assert list(synth.generate(4, seed=5)) == first[:4]
    assert first != list(synth.generate(12, seed=6))


def test_file_names_are_unique_slugs():
    names = [name for name, _ in synth.generate(200, seed=1)]
    assert len(set(names)) == 200
    assert all(re.fullmatch(r"[a-z]+-\d{4}-\d{6}\.txt", n) for n in names)


def test_cli_writes_n_files_that_load_with_their_header(tmp_path: Path):
    out = tmp_path / "corpus"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "25", str(out), "--seed", "3"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.txt"))
    assert len(files) == 25
    publishers = {p.name.split(" | ")[0].split(" — ")[0] for p in synth.PUBLISHERS}
    for path in files:
        doc = load_document(path)
        assert doc.title and doc.author and doc.date, path.name
        assert date(2015, 1, 1) <= date.fromisoformat(doc.date) <= date(2026, 12, 31)
        assert doc.publisher in publishers
        # the year in the file name is the document's year
        assert path.name.split("-")[1] == doc.date[:4]
        # the body starts after the header, at prose
        body = doc.text[doc.body_start:]
        assert doc.body_start > 0 and len(body.split("\n")[0].split()) > 14
        assert doc.title not in body[:200]


def test_series_line_and_byline_are_recognised():
    briefs = [(n, t) for n, t in synth.generate(80, seed=2) if "[" in t.split("\n\n \n\n")[0]]
    assert briefs
    for name, text in briefs:
        meta = parse_header(text)
        assert re.fullmatch(r"\d{4}-\d{2}", str(meta["number"])), name
        assert meta["series"]


@pytest.mark.parametrize("words", [200, 600, 1500])
def test_word_counts_near_target(words: int):
    counts = [_body_words(t) for _, t in synth.generate(60, seed=9, words=words)]
    mean = sum(counts) / len(counts)
    assert abs(mean - words) <= 0.06 * words
    assert all(0.9 * words <= c <= 1.25 * words for c in counts), counts


def test_texts_are_utf8_and_varied():
    texts = [t for _, t in synth.generate(300, seed=0)]
    joined = "\n".join(texts)
    joined.encode("utf-8")
    # the wordings the brief asks for all occur
    for marker in ("condemned", "denounced", "called on", "urged", "warned that", "vowed to",
                   "rejected", "agreed to", " said.", "was opposed by", "did not condemn",
                   "If ", " should ", "It would be wise for", "“", "spokesperson for the"):
        assert marker in joined, marker
    # quotation marks pair up: a quotation inside a quotation takes single marks
    assert not re.search(r"“[^”]*“", joined)
    assert joined.count("“") == joined.count("”")
    # pronoun-attributed quotes
    assert re.search(r",” (she|he) said\.", joined)
    # many distinct writers and office holders; names with non-ASCII letters occur
    writers = {parse_header(t).get("author") for t in texts}
    assert len(writers) > 100
    officials = set(re.findall(
        r"(?:Minister|Ambassador|spokesperson|President) ((?:[A-Z][\w'-]+ ){1,2}[A-Z][\w'-]+)",
        joined))
    assert len(officials) > 300
    assert re.search(r"[^\x00-\x7f]", joined)
    dates = {re.search(r"^Date (\d{4})", t, re.M).group(1) for t in texts}
    assert len(dates) >= 10


def test_thousands_of_distinct_actors():
    people: set[str] = set()
    for _, text in synth.generate(400, seed=4):
        people.update(re.findall(
            r"(?:Minister|spokesperson|Ambassador|President|Secretary-General) "
            r"((?:[A-Z][\w'-]+ ){1,2}[A-Z][\w'-]+)", text))
        people.update(re.findall(r"((?:[A-Z][\w'-]+ ){1,2}[A-Z][\w'-]+), (?:a|an|the) ", text))
    assert len(people) > 1000


def test_cast_recurs_within_a_term():
    cast = synth.Cast(0)
    korea = next(s for s in synth.STATES if s.name == "South Korea")
    a = cast.holder(korea.name, korea.style, "Foreign Minister", 2019)
    assert a == cast.holder(korea.name, korea.style, "Foreign Minister", 2020)
    assert a == synth.Cast(0).holder(korea.name, korea.style, "Foreign Minister", 2019)
    assert a != cast.holder(korea.name, korea.style, "Foreign Minister", 2021)


def test_cli_rejects_bad_arguments(tmp_path: Path):
    with pytest.raises(SystemExit) as err:
        synth.main(["-1", str(tmp_path)])
    assert err.value.code == 2
    with pytest.raises(SystemExit):
        synth.main(["3", str(tmp_path), "--words", "10"])
    assert synth.main(["0", str(tmp_path / "empty")]) == 0
    assert list((tmp_path / "empty").iterdir()) == []


def test_people_are_introduced_before_their_family_name_is_used_alone():
    known = {n for s in synth.STATES for n in (s.name, s.capital, *s.aliases)}
    known |= {n for full, short, _ in synth.INSTITUTIONS for n in (full, short)}
    checked = 0
    for _, text in synth.generate(300, seed=2):
        for m in re.finditer(r"(?:,” |\. |^)((?:al-)?[A-Z][\w'-]+) (?:said|told reporters)",
                             text, re.M):
            name = m.group(1)
            if name in known or name in ("He", "She"):
                continue
            checked += 1
            # "al-Nasser" is capitalised at the start of a sentence
            variants = f"{re.escape(name)}|{re.escape(name[0].lower() + name[1:])}"
            assert re.search(rf"\b(?:{variants})\b", text[:m.start(1)]), (name, text)
    assert checked > 40
