"""Load plain-text documents and their metadata, keeping the original text untouched.

Metadata comes from a sidecar `NAME.meta.json` when present, else from the header block
that commentaries of the sample's style carry (publisher line, title, a `Date ... Writer ...`
line, a `[Series] No.` line, a byline). Offsets used anywhere downstream refer to the text
exactly as read here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import DocumentError
from .ids import slugify
from .records import Document

MAX_BYTES = 20_000_000


_DATE_LINE = re.compile(
    r"^\s*Date\s+(?P<date>\d{4}-\d{2}-\d{2})\b(?P<rest>.*)$", re.IGNORECASE
)
_MONTHS = {m: n for n, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in ms}
_MONTH = r"(?P<month>[A-Z][A-Za-z]{2,8})\.?"
# A date as header lines write it: "August 12, 2021", "JULY 13, 2016", "January 24th, 2024",
# "12 Aug. 2021", "2021-08-12", "2021/08/12", "2021.08.12", and "27/07/2020" when the day
# cannot be the month.
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}"
    r",?\s+(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})(?P<sep>[-/.])(?P<month3>\d{1,2})(?P=sep)(?P<day3>\d{1,2})"
    r"|(?P<day4>\d{1,2})(?P<sep4>[/.])(?P<month4>\d{1,2})(?P=sep4)(?P<year4>\d{4}))\b"
)
# Lower-case words a header line may hold beside names, outlets, times and a date
# ("Published on ... at 10:30 a.m. by Jane Doe"); any other marks the line as prose.
_HEADER_WORDS = frozenset(
    "by on at of the and in for from to updated published posted last issued released "
    "dated date written author writer a.m. p.m. am pm local time de van von der da al "
    "bin le la du".split())
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|al|bin|le|la|du)){0,4}"
# "By Jane Doe", "Author: Jane Doe", "Written by Jane Doe", with an affiliation after a
# comma or bar ("By Jane Doe, Asan Forum"), as a line of its own.
_BYLINE = re.compile(
    rf"^\s*(?:By|Written by|Author:|Writer:)\s+(?P<name>{_NAME})\s*"
    r"(?:[,|\u2014\u2013]\s*[^.!?]{0,60})?$")
# A byline inside a longer header line ("March 3, 2022 | By Jane Doe").
_INLINE_BYLINE = re.compile(
    rf"(?:^|[\s|,;\u00b7\u2014\u2013-])(?:[Bb]y|Written by|Author:|Writer:?|Host:|Hosted by)\s+"
    rf"(?P<name>{_NAME})")
# A date line opened by its writers' names, without "By": "Victor Cha and Sue Mi Terry | June 3,
# 2024". Only names of two to four words, none a word of places or outlets, count.
_SIGNATURE = re.compile(
    r"^\s*(?P<name>[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
    r"(?:\s+and\s+[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})?\s*[|,\u00b7\u2014\u2013]\s*")
_PERSON_NAME = (
    r"[A-Z][a-z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|da|al|bin|le|la|du)){1,3}")
_NAMES_LINE = re.compile(rf"(?P<first>{_PERSON_NAME})(?:\s+and\s+{_PERSON_NAME})?")
# "— Choi Ha-rin, Senior Fellow" after the date on its line
_TRAILING_SIGNATURE = re.compile(
    rf"\s*[|\u2014\u2013-]\s*(?P<name>{_PERSON_NAME})(?:,\s*[A-Z][\w .'’-]{{0,40}})?\s*$")
_SEGMENT_END = re.compile(r"\s*[|\u00b7\u2022]")
_SIGN_OFF = re.compile(rf"[\u2014\u2013-]{{1,2}}\s*(?P<name>{_PERSON_NAME})")
_MASTHEAD_ON_DATE_LINE = re.compile(
    r"\s*(?P<name>(?:THE\s+)?[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+){0,4})\s*[|\u00b7\u2014\u2013-]")
_DATELINE_OPENING = re.compile(r"[A-Z][A-Z .'-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b[^\n]{0,40}"
                               r"(?:--|\u2014|\u2013)")
_SECTION = re.compile(
    r"(?i:editorial|opinion|commentary|(?:news\s+)?analysis|(?:policy\s+)?brief|"
    r"(?:guest\s+|\w+\s+)?column|op-ed|essay|feature|interview|q\s*&\s*a|press\s+release|"
    r"press\s+statement|statement|perspective|viewpoint|letters?(?:\s+to\s+the\s+editor)?|blog|"
    r"newsletter)")
_LEGISLATURE = re.compile(r"(?i:house\s+of\s+commons|house\s+of\s+lords|senate|"
                          r"house\s+of\s+representatives|parliament|congress|national\s+assembly|"
                          r"european\s+parliament|bundestag)")
_COMMITTEE = re.compile(r"(?:\w+\s+){0,2}Committee\b")
_REPORT_NUMBER = re.compile(r"(?i:(?:\w+\s+)?report\s+of\s+session|(?:report|paper|brief)\s+"
                            r"no\.?\s*\d|issue\s+\d)")
# The Juche calendar of North Korean state media gives the common year after it.
_JUCHE = re.compile(r"\bJuche\s+\d{1,3}\s*\((?P<year>\d{4})\)")
_NOT_IN_NAMES = frozenset(
    "New North South East West City Island Islands Republic University Institute Center Centre "
    "Forum Review Press News Agency Times Post Daily Journal Herald Tribune Gazette Weekly "
    "Monthly Magazine Policy Foundation Council Ministry Office Staff Editorial Board Desk "
    "Updated Published Posted Korea Japan China States Kingdom".split())
# A news dateline opening the body: "WASHINGTON, March 12, 2019 (Agency) --".
_DATELINE_DATE = re.compile(r"^\s*[A-Z][A-Z .'-]+,\s+(?P<date>[^(\u2014\u2013]{6,30}?)\s*"
                            r"(?:\([^)]*\)\s*)?(?:--|\u2014|\u2013)")
_WRITER = re.compile(r"\b(?:Writer|By|Author)\s+(?P<name>[^\n|]+?)\s*$", re.IGNORECASE)
_SERIES_LINE = re.compile(r"^\s*\[(?P<series>[^\]]+)\]\s*No\.?\s*(?P<number>[\w.-]+)\s*$")
_DATELINE_BODY = re.compile(r"^[A-Z][A-Z .'-]+,\s+\w+\.? \d{1,2} \([^)]*\)\s+--")
# the rest of a date line that is a sentence: a dozen words or more, ending like one
_PROSE = re.compile(r"^(?=(?:\s*\S+){12}).*[a-z0-9)][.!?][\"\u201d\u2019']?\s*$")
_BLANK = re.compile(r"^[\s\u00a0]*$")
_SEPARATOR = re.compile(r"\s+[|\u2014\u2013-]\s+")


def document_id(path: Path) -> str:
    """The document id is the file's stem, made IRI-safe (kept as is when already a slug).

    Letters with no Latin transliteration (Hangul, Han, Cyrillic, ...) would all be dropped,
    so a stem that has some gets a short hash of itself added: '한국-외교.txt' and
    '북한-외교.txt' stay two documents ('doc-…' when no Latin letter is left at all)."""
    stem = path.name[: -len(".txt")] if path.name.endswith(".txt") else path.stem
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", stem):
        return stem
    slug = slugify(stem)
    if any(ch.isalnum() and not ch.isascii() and slugify(ch) == "x" for ch in stem):
        digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:10]
        lost_all = slug == "x" and "x" not in stem.lower()
        return f"doc-{digest}" if lost_all else f"{slug}-{digest}"
    return slug


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, or raise DocumentError saying why it cannot be."""
    try:
        if path.is_dir():
            raise DocumentError(f"{path}: is a directory, not a text file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"{path}: too large ({size} bytes; limit {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise DocumentError(f"{path}: not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None
    if not text.strip():
        raise DocumentError(f"{path}: empty document")
    return text


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) pairs of the text, line endings excluded."""
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def _clean_name(name: str) -> str:
    """'CHEONG Seong-Chang' -> 'Cheong Seong-Chang', 'U.S. DEPARTMENT OF STATE' -> 'U.S.
    Department of State'; names in mixed case are kept."""
    parts = name.strip().split()
    out = []
    for k, p in enumerate(parts):
        if p.isupper() and len(p) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", p):
            p = p.lower() if k and p.lower() in _SMALL_WORDS else p.capitalize()
        out.append(p)
    return " ".join(out)


_SMALL_WORDS = frozenset("of for the and on in at to".split())


def parse_header(text: str) -> dict[str, str | int | None]:
    """Header metadata of a commentary in the sample's style, and where its body starts.

    Recognised: a publisher line, a title line, `Date YYYY-MM-DD ... Writer NAME`, a
    `[Series] No.N` line, a byline repeating the writer's name. Texts without such a header
    give an empty result and a body starting at 0.
    """
    meta: dict[str, str | int | None] = {"body_start": 0}
    lines = [(o, ln) for o, ln in _lines(text)]
    nonblank = [(i, o, ln) for i, (o, ln) in enumerate(lines) if not _BLANK.match(ln)]
    date_idx = next(
        (k for k, (_, _, ln) in enumerate(nonblank[:8]) if _date_line(ln)), None
    )
    if date_idx is None:
        date = _dateline_date([ln for _, _, ln in nonblank[:8]])
        if date is not None:
            meta["date"] = date
        # a masthead and a title over a wire story's dateline: "TIDEWATER PRESS AGENCY"
        opening = next((k for k, (_, _, ln) in enumerate(nonblank[:4])
                        if _DATELINE_OPENING.match(ln)), None)
        if opening:
            _assign_header_lines([ln.strip() for _, _, ln in nonblank[:opening]], meta)
            meta["body_start"] = nonblank[opening][1]
        _end_byline(nonblank, meta)
        return meta
    date_line = nonblank[date_idx][2]
    found = _date_line(date_line)
    assert found is not None
    meta["date"], rest = found
    if _PROSE.search(rest):
        # "date 2019-11-18 Pakistan has firmly rejected ...": the body starts after the date
        _assign_header_lines([ln.strip() for _, _, ln in nonblank[:date_idx]], meta)
        meta["body_start"] = nonblank[date_idx][1] + len(date_line) - len(rest)
        return meta
    writer = _WRITER.search(rest) if _DATE_LINE.match(date_line) else None
    writer = writer or _INLINE_BYLINE.search(date_line) or _signature(date_line)
    if writer:
        meta["author"] = _clean_name(writer.group("name"))
    elif (signed := _TRAILING_SIGNATURE.match(rest)) and not _NOT_IN_NAMES.intersection(
            signed.group("name").split()):
        # "Brief 14/2025 — 21 Aug 2025 — Choi Ha-rin, Senior Fellow"
        meta["author"] = _clean_name(signed.group("name"))
    before = [ln.strip() for _, _, ln in nonblank[:date_idx]]
    masthead = _MASTHEAD_ON_DATE_LINE.match(date_line)
    if masthead and not before:  # "THE LONG VIEW · Issue 31 · 27/07/2020"
        meta["publisher"] = _clean_name(masthead.group("name"))
    # a byline of its own above the date line ("By Jane Doe")
    bylines = [b for b in before if _BYLINE.match(b)]
    if bylines:
        before = [b for b in before if not _BYLINE.match(b)]
        if "author" not in meta:
            meta["author"] = _clean_name(_BYLINE.match(bylines[0]).group("name"))  # type: ignore[union-attr]
    if "author" not in meta and len(before) >= 2 and _name_line(before[-1]) and \
            nonblank[date_idx - 1][0] == nonblank[date_idx][0] - 1:
        # the writers' names on the line right over the date ("Fiona Marchbank", "Hodan
        # Warsame and Daniel Okello"): the first stands for the piece
        meta["author"] = _clean_name(_name_line(before.pop()))
    _assign_header_lines(before, meta)
    # Header lines after the Date line: a repeated title, a subtitle, a series line, a byline,
    # an e-mail address. The body starts at the first line that reads as prose.
    body_k = date_idx + 1
    author = str(meta.get("author") or "")
    for k in range(date_idx + 1, min(len(nonblank), date_idx + 8)):
        _, _, ln = nonblank[k]
        s = ln.strip()
        series = _SERIES_LINE.match(s)
        if series:
            meta["series"] = series.group("series").strip()
            meta["number"] = series.group("number").strip()
            body_k = k + 1
            continue
        own_byline = _BYLINE.match(s)
        if own_byline and not author:
            author = _clean_name(own_byline.group("name"))
            meta["author"] = author
        is_byline = bool(author) and (s.lower().startswith(author.lower()) and len(s.split()) <= 12
                                      or bool(own_byline))
        is_email = bool(re.fullmatch(r"\S+@\S+\.\S+", s))
        is_title = s == meta.get("title")
        is_short_heading = (len(s.split()) <= 14 or k == date_idx + 1 and len(s.split()) <= 30
                            ) and not re.search(r"[.!?][\"”’']?$", s)
        if is_byline or is_email or is_title:
            body_k = k + 1
            continue
        if is_short_heading and k == body_k and not _DATELINE_BODY.match(s):
            # a subtitle line directly under the header, or the title under a masthead and a
            # date
            meta.setdefault("title", s)
            body_k = k + 1
            continue
        if k == body_k and k > date_idx + 1 and len(s.split()) <= 45 and \
                not re.search(r"[.!?][\"”’']?$", s) and not _DATELINE_BODY.match(s):
            # a standfirst under the title, without a full stop
            body_k = k + 1
            continue
        if k == body_k and _is_standfirst(s, nonblank[k + 1][2].strip() if k + 1 < len(
                nonblank) else "", author):
            # a standfirst: the piece's argument in a line, signed or above the byline
            body_k = k + 1
            continue
        break
    if body_k < len(nonblank):
        meta["body_start"] = nonblank[body_k][1]
    else:
        meta["body_start"] = len(text)
    _end_byline(nonblank, meta)
    return meta


def _end_byline(nonblank: list[tuple[int, int, str]], meta: dict[str, str | int | None]) -> None:
    """A writer signing at the end ("— Meera Castellino", then a bio) when the header named
    none."""
    if meta.get("author"):
        return
    for _, _, ln in nonblank[-4:]:
        m = _SIGN_OFF.fullmatch(ln.strip())
        if m and not _NOT_IN_NAMES.intersection(m.group("name").split()):
            meta["author"] = _clean_name(m.group("name"))
            return
    for _, _, ln in nonblank[-3:]:  # a letter signed with the name alone on its line
        name = _name_line(ln.strip())
        if name and len(nonblank) > 3:
            meta["author"] = _clean_name(name)
            return


_SIGNED_DECK = re.compile(r"[,—–-]\s*(?:argues|writes|says|warns|contends)\s+"
                          r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\.?[\"”’']?$")


_BIO = re.compile(r"\s(?:is|was|writes|has|serves)\s")


def _is_standfirst(line: str, following: str, author: str) -> bool:
    """A one- or two-sentence deck under the header: signed ("..., argues Jane Doe.") or
    followed by the byline."""
    if len(line.split()) > 45:
        return False
    if _SIGNED_DECK.search(line):
        return True
    byline = bool(_BYLINE.match(following)) or bool(author) and following.lower().startswith(
        author.lower()) and len(following.split()) <= 12 and not _BIO.search(following)
    return byline and len(re.findall(r"[.!?](?:\s|$)", line)) <= 2


def _date_line(line: str) -> tuple[str, str] | None:
    """(ISO date, the line after the date) when the line is a header line carrying a date
    (besides the date only names, outlets, times and a few function words), else None."""
    m = _DATE_LINE.match(line)
    if m:
        return m.group("date"), m.group("rest")
    if len(line.split()) > 16 or re.search(r"[a-z][.!?][\"”’']?\s*$", line) and not \
            re.search(r"\b[ap]\.m\.\s*$", line):
        return None
    line = _JUCHE.sub(r"\g<year>", line)
    for m in _DATE.finditer(line):
        iso = _iso(m)
        # besides header words, a date closing its line ("... ordered to be printed 15
        # September 2022") or its segment ("Recorded 14 October 2020 | Host: ...") dates the
        # piece
        segment_end = _SEGMENT_END.search(line, m.end())
        if iso is not None and (_header_words(line[:m.start()] + " " + line[m.end():]) or
                                not line[m.end():].strip() or segment_end and
                                segment_end.start() == len(line[:m.end()].rstrip())):
            return iso, line[m.end():]
    return None


def _signature(line: str) -> re.Match[str] | None:
    """Writers' names opening a date line; the first writer stands for the piece."""
    m = _SIGNATURE.match(line)
    if m is None or _NOT_IN_NAMES.intersection(m.group(0).replace(",", " ").split()):
        return None
    return m if _DATE.match(line, m.end()) else None


def _name_line(line: str) -> str:
    """The first name of a line that is only people's names ("Fiona Marchbank", "Hodan Warsame
    and Daniel Okello"): two to four capitalised words each, none of places or outlets; else
    ''."""
    m = _NAMES_LINE.fullmatch(line)
    return m.group("first") if m and not _NOT_IN_NAMES.intersection(line.split()) else ""


def _assign_header_lines(before: list[str], meta: dict[str, str | int | None]) -> None:
    """Publisher, series and title from the header lines above the date.

    The first line is the masthead when another follows it or when it is in capitals; a
    legislature's committee under it is the publisher ("HOUSE OF COMMONS" / "Committee on
    ..."); section lines ("Editorial", "Opinion | Guest column") give the series; report
    numbers are dropped; the last line left is the title (else a heading under the date).
    """
    if not before:
        return
    lines = list(before)
    if len(lines) >= 2 or lines[0].isupper():
        masthead = lines.pop(0)
        # "Peninsula Wire | News Analysis", "The Peninsula Ledger — Opinion"
        parts = _SEPARATOR.split(masthead, maxsplit=1)
        meta["publisher"] = _clean_name(parts[0]) if parts[0].isupper() else parts[0].strip()
        if len(parts) == 2:
            meta["series"] = parts[1].strip()
        if lines and _LEGISLATURE.fullmatch(parts[0].strip()) and _COMMITTEE.match(lines[0]):
            meta["publisher"] = lines.pop(0)
    sections = [ln for ln in lines if all(_SECTION.fullmatch(p.strip())
                                          for p in re.split(r"\s*[|\u00b7]\s*", ln))]
    if sections:
        meta.setdefault("series", sections[0])
    titles = [ln for ln in lines if ln not in sections and not _REPORT_NUMBER.match(ln)]
    if titles:
        meta["title"] = titles[-1]


def _header_words(text: str) -> bool:
    words = re.findall(r"[^\s,;:|()\[\]\u00b7\u2014\u2013/]+", text)
    return len(words) <= 10 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _HEADER_WORDS or w in "-–—"
        for w in words)


def _iso(m: re.Match[str]) -> str | None:
    """The ISO form of a `_DATE` match, or None when it names no real day (or when day and
    month could be either way round)."""
    if m.group("year3"):
        year, number, day = (int(m.group(g)) for g in ("year3", "month3", "day3"))
    elif m.group("year4"):
        year, first, second = (int(m.group(g)) for g in ("year4", "day4", "month4"))
        if first <= 12 and second <= 12 and first != second:
            return None  # "03/04/2020": 3 April or March 4
        day, number = (first, second) if second <= 12 else (second, first)
    else:
        number = _MONTHS.get((m.group("month") or m.group("month2")).lower(), 0)
        year, day = int(m.group("year") or m.group("year2")), int(m.group("day") or m.group("day2"))
    try:
        return dt.date(year, number, day).isoformat()
    except ValueError:
        return None


def _dateline_date(lines: list[str]) -> str | None:
    """The date of a news dateline opening one of the first lines, when it gives the year."""
    for line in lines:
        m = _DATELINE_DATE.match(line)
        if m:
            found = _DATE.fullmatch(m.group("date").strip(" ,"))
            return _iso(found) if found else None
    return None


def load_document(path: str | Path) -> Document:
    """Load one text file with its metadata (sidecar `NAME.meta.json` wins over the header)."""
    path = Path(path)
    text = read_text(path)
    meta = parse_header(text)
    sidecar = path.with_name(document_id(path) + ".meta.json")
    if not sidecar.exists():
        sidecar = path.with_suffix(".meta.json")
    if sidecar.exists():
        try:
            extra = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DocumentError(f"{sidecar}: unreadable metadata ({exc})") from None
        if not isinstance(extra, dict):
            raise DocumentError(f"{sidecar}: metadata must be a JSON object")
        meta.update({k: v for k, v in extra.items() if v is not None})
    body_start = meta.get("body_start")
    return Document(
        id=document_id(path),
        text=text,
        path=str(path),
        title=_str(meta.get("title")),
        date=_str(meta.get("date")),
        author=_str(meta.get("author")),
        publisher=_str(meta.get("publisher")),
        series=_str(meta.get("series")),
        number=_str(meta.get("number")),
        body_start=body_start if isinstance(body_start, int) else 0,
    )


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def document_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the sorted list of `.txt` files they name.

    A folder contributes its `*.txt` files (recursively); a named file is taken as is, and a
    name that does not exist raises DocumentError.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.txt") if q.is_file()))
        elif p.exists():
            out.append(p)
        else:
            raise DocumentError(f"{p}: no such file or directory")
    return out
