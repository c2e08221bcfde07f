"""Loading documents: header metadata, sidecars, original offsets, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancegraph import resources
from stancegraph.kg.documents import document_paths, load_document
from stancegraph.kg.errors import DocumentError

CORPUS = resources.corpus_dir()


def test_sample_metadata_comes_from_its_sidecar() -> None:
    doc = load_document(CORPUS / "sejong-2019-33.txt")
    assert doc.id == "sejong-2019-33"
    assert doc.publisher == "Sejong Institute"
    assert doc.author == "Cheong Seong-chang"
    assert doc.date == "2019-12-13"
    assert (doc.series, doc.number) == ("Sejong Commentary", "2019-33")
    assert doc.title.startswith("North Korea’s Reaction towards US’s Stance")
    assert doc.text[doc.body_start:].startswith("North Korea released an official statement")


@pytest.mark.parametrize(
    ("name", "publisher", "author", "date", "series", "number", "body"),
    [
        ("01-hrpf-trilateral-after-icbm", "Han River Policy Forum", "Seo Jin-woo", "2023-03-20",
         "HRPF Policy Brief", "2023-07", "North Korea fired"),
        ("02-wire-missile-barrage-un-rift", "Peninsula Wire", "Lim Ha-eun", "2022-11-05",
         "News Analysis", None, "SEOUL, Nov. 5"),
        ("03-ledger-veto-sanctions-oped", "The Peninsula Ledger", "Elena Varga", "2024-06-14",
         "Opinion", None, "Two years ago,"),
    ],
)
def test_header_metadata(name, publisher, author, date, series, number, body) -> None:
    doc = load_document(CORPUS / f"{name}.txt")
    assert (doc.publisher, doc.author, doc.date, doc.series, doc.number) == (
        publisher, author, date, series, number)
    assert doc.text[doc.body_start:].startswith(body)


def test_text_is_kept_exactly_as_read(tmp_path: Path) -> None:
    raw = "Title line\r\n\r\nSeoul said \u201cno\u201d\u00a0twice.\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(raw.encode("utf-8"))
    assert load_document(p).text == raw


def test_sidecar_overrides_header(tmp_path: Path) -> None:
    p = tmp_path / "memo.txt"
    p.write_text("Some Outlet\n\nA Title\n\nDate 2020-01-02 Writer Ann Lee\n\nBody text.\n")
    (tmp_path / "memo.meta.json").write_text(json.dumps({"author": "Bo Kim", "date": "2021-05-06"}))
    doc = load_document(p)
    assert (doc.author, doc.date, doc.title, doc.publisher) == (
        "Bo Kim", "2021-05-06", "A Title", "Some Outlet")


def test_text_without_header_starts_at_zero(tmp_path: Path) -> None:
    p = tmp_path / "plain.txt"
    p.write_text("Japan condemned the launch.")
    doc = load_document(p)
    assert (doc.body_start, doc.title, doc.author) == (0, None, None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty document"),
        (b"  \n\t\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        load_document(p)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        load_document(tmp_path)
    with pytest.raises(DocumentError, match="no such file or directory"):
        document_paths([tmp_path / "nope"])


def test_folders_expand_to_their_text_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("y")
    (tmp_path / "notes.md").write_text("z")
    assert [p.name for p in document_paths([tmp_path])] == ["b.txt", "a.txt"]


@pytest.mark.parametrize(
    ("header", "publisher", "series", "author", "date", "title"),
    [
        ("Ministry of Foreign Affairs of Ruritania — Press Release\n\nOn the Border Talks\n\n"
         "March 3, 2022\n\n", "Ministry of Foreign Affairs of Ruritania", "Press Release", None,
         "2022-03-03", "On the Border Talks"),
        ("The Harbour Gazette | Opinion\n\nWhy the Strait Matters\n\nBy Lena Ortiz\n\n"
         "14 Sept. 2019\n\n", "The Harbour Gazette", "Opinion", "Lena Ortiz", "2019-09-14",
         "Why the Strait Matters"),
        ("Daily Ledger\n\nTariffs Again\n\nPublished: Jan. 5, 2024 | By Omar Haddad\n\n",
         "Daily Ledger", None, "Omar Haddad", "2024-01-05", "Tariffs Again"),
        ("Daily Ledger\n\nTariffs Again\n\n2024-01-05\n\nBy Omar Haddad\n\n",
         "Daily Ledger", None, "Omar Haddad", "2024-01-05", "Tariffs Again"),
        ("Tariffs Again\n\nBy Min-jung Park, Asan Forum, March 12, 2019\n\n",
         None, None, "Min-jung Park", "2019-03-12", "Tariffs Again"),
        ("East Asia Review\n\nA Quiet Pivot\n\nBy JANE DOE | March 12, 2019 at 10:30 a.m. KST"
         "\n\n", "East Asia Review", None, "Jane Doe", "2019-03-12", "A Quiet Pivot"),
        ("Tokyo Notes\n\nWhat Kishida Wants\n\nAuthor: Kenji Sato\nPosted on 2023/05/02\n\n",
         "Tokyo Notes", None, "Kenji Sato", "2023-05-02", "What Kishida Wants"),
        ("Policy Digest — Analysis\n\nAt a Crossroads\n\nPublished 12 March 2019 by Anna Lee\n\n",
         "Policy Digest", "Analysis", "Anna Lee", "2019-03-12", "At a Crossroads"),
        ("War on the Rocks\n\nDeterrence\n\nVictor Cha and Sue Mi Terry | June 3, 2024\n\n",
         "War on the Rocks", None, "Victor Cha", "2024-06-03", "Deterrence"),
        ("Korea Desk\n\nDeterrence\n\nNew York | June 3, 2024\n\n",
         "Korea Desk", None, None, "2024-06-03", "Deterrence"),
        ("The March 1 Movement and Its Legacy\n\n2019.03.01\n\n",
         None, None, None, "2019-03-01", "The March 1 Movement and Its Legacy"),
        ("The Solent Quarterly | Commentary\n\nA Flag Is No Deed\n\nFiona Marsh\n"
         "8 August 2007\n\n", "The Solent Quarterly", "Commentary", "Fiona Marsh",
         "2007-08-08", "A Flag Is No Deed"),
        ("Harbour News\n\nNorth Korea Policy\n8 August 2007\n\n",
         "Harbour News", None, None, "2007-08-08", "North Korea Policy"),
        ("KOREAN CENTRAL NEWS AGENCY\nKCNA Commentary\n\nRacket\n\n9 March Juche 102 (2013)\n\n",
         "Korean Central News Agency", None, None, "2013-03-09", "Racket"),
        ("THE MERIDIAN HERALD\nEditorial\nWEDNESDAY, JULY 13, 2016\n\nA ruling to heed\n\n",
         "The Meridian Herald", "Editorial", None, "2016-07-13", "A ruling to heed"),
        ("HORN DISPATCH\nOpinion | Guest column\n\nA port deal\n\nHodan Warsame and Daniel "
         "Okello\nJanuary 24th, 2024\n\n", "Horn Dispatch", "Opinion | Guest column",
         "Hodan Warsame", "2024-01-24", "A port deal"),
        ("CENTRE FOR PENINSULA STUDIES\nPolicy Brief\n\nKnocking\n\nBrief 14/2025 — 21 Aug "
         "2025 — Choi Ha-rin, Senior Fellow\n\n", "Centre for Peninsula Studies", "Policy Brief",
         "Choi Ha-rin", "2025-08-21", "Knocking"),
        ("HOUSE OF COMMONS\nCommittee on External Relations\n\nReviving the deal\n\nFifth "
         "Report of Session 2022–23\nSummary, ordered by the House to be printed 15 September "
         "2022\n\n", "Committee on External Relations", None, None, "2022-09-15",
         "Reviving the deal"),
        ("THE CASPIAN TABLE\nA podcast from a centre\nEpisode 57\nRecorded 14 October 2020 | "
         "Host: Jonas Ekdahl | Transcript, lightly edited\n\n", "The Caspian Table", None,
         "Jonas Ekdahl", "2020-10-14", "Episode 57"),
        ("THE NORTHGATE CHRONICLE\nLetters to the Editor\nFriday, 14 March 2003\n\nInspections, "
         "not invasion\n\n", "The Northgate Chronicle", "Letters to the Editor", None,
         "2003-03-14", "Inspections, not invasion"),
        ("U.S. DEPARTMENT OF STATE\nOffice of the Spokesman\n\nDAILY PRESS BRIEFING\nMonday, "
         "March 11, 1996, 1:14 p.m.\n\n", "U.S. Department of State", None, None, "1996-03-11",
         "DAILY PRESS BRIEFING"),
    ],
)
def test_header_styles_without_a_date_writer_line(tmp_path: Path, header, publisher, series,
                                                   author, date, title) -> None:
    p = tmp_path / "release.txt"
    p.write_text(header + "We welcome the agreement reached on Monday.\n")
    doc = load_document(p)
    assert (doc.publisher, doc.series, doc.author, doc.date, doc.title) == (
        publisher, series, author, date, title)
    assert doc.text[doc.body_start:].startswith("We welcome")


def test_a_news_dateline_gives_the_date_of_a_text_without_a_header(tmp_path: Path) -> None:
    p = tmp_path / "wire.txt"
    p.write_text("Launch draws condemnation\n\nWASHINGTON, March 12, 2019 (Newswire) -- The "
                 "United States condemned the launch.\n")
    doc = load_document(p)
    # the headline over the dateline is the title, not body
    assert (doc.date, doc.title, doc.body_start) == ("2019-03-12", "Launch draws condemnation", 27)


def test_a_masthead_over_a_dateline_is_the_publisher(tmp_path: Path) -> None:
    p = tmp_path / "wire.txt"
    p.write_text("TIDEWATER PRESS AGENCY\n\nJets strike Houthi targets\n\nWASHINGTON, Jan. 12, "
                 "2024 (TPA) -- The strikes began at dawn.\n")
    doc = load_document(p)
    assert (doc.publisher, doc.title, doc.date) == (
        "Tidewater Press Agency", "Jets strike Houthi targets", "2024-01-12")


def test_a_letter_signed_with_the_name_alone_gives_its_author(tmp_path: Path) -> None:
    p = tmp_path / "letter.txt"
    p.write_text("THE CHRONICLE\nLetters to the Editor\nFriday, 14 March 2003\n\nNo war\n\n"
                 "Sir, the inspectors need time.\n\nI urge restraint.\n\nMargaret Ellery\n"
                 "Ashby Road, Northgate\n")
    assert load_document(p).author == "Margaret Ellery"


def test_a_writer_signing_at_the_end_is_the_author(tmp_path: Path) -> None:
    p = tmp_path / "mag.txt"
    p.write_text("THE LONG VIEW · Issue 31 · 27/07/2020\n\nCold Water\n\nThe clash was "
                 "deadly. Both sides blame the other.\n\n— Meera Castellino\n\nMeera "
                 "Castellino is a contributing writer.\n")
    doc = load_document(p)
    assert (doc.publisher, doc.title, doc.author, doc.date) == (
        "The Long View", "Cold Water", "Meera Castellino", "2020-07-27")


@pytest.mark.parametrize("line", ["Notes on 2019-02-30 and After", "Talks of 03/04/2020",
                                  "SEOUL, Nov. 5 (Wire) -- Talks went on"])
def test_no_date_is_made_up(tmp_path: Path, line: str) -> None:
    p = tmp_path / "odd.txt"
    p.write_text(f"{line}\n\nThe talks went on.\n")
    assert load_document(p).date is None


def test_a_date_inside_prose_is_not_a_header(tmp_path: Path) -> None:
    p = tmp_path / "prose.txt"
    p.write_text("Japan condemned the launch on August 12, 2021 at noon.\n")
    doc = load_document(p)
    assert (doc.body_start, doc.date) == (0, None)


_DECKED = ("The Harbor Review — Opinion\n\nTime to Talk\n\n"
           "Date 2024-01-02 Section Opinion Writer Jane Roe\n\n{deck}\n\n{byline}"
           "Seoul has waited long enough. Beijing will not help.\n")


@pytest.mark.parametrize("deck, byline", [
    ("Seoul should stop waiting for Beijing and talk to Pyongyang, argues Jane Roe.", ""),
    ("Seoul should stop waiting for Beijing. It should talk to Pyongyang.", "Jane Roe\n\n"),
])
def test_a_standfirst_under_the_header_is_not_body(tmp_path: Path, deck: str,
                                                    byline: str) -> None:
    path = tmp_path / "deck.txt"
    path.write_text(_DECKED.format(deck=deck, byline=byline), encoding="utf-8")
    doc = load_document(path)
    assert doc.text[doc.body_start:].startswith("Seoul has waited")
