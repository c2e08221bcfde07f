"""Where the body's prose runs: its paragraphs, without the header, a repeated title, photo
captions and credits, news datelines ("UNITED NATIONS, Feb. 20 (Xinhua) —"), speakers' labels
("Q:"), an end-of-story mark and the back matter after it (disclaimers, reference notes, the
author's bio).

Offsets always refer to the original text: a paragraph is a (start, end) pair into it.
"""

from __future__ import annotations

import re

from ..records import Document

_DATELINE = re.compile(
    # "UNITED NATIONS: The United States ...", "TOKYO--Prime Minister", "Addis Ababa — Somalia
    # has ...", "SEOUL --", "MOSCOW (Sputnik - 19th January, 2022) NATO ..."
    r"\s*[A-Z]{2,}(?:[ .'/-]+[A-Z]{2,})*(?::\s+|\s*--\s*|"
    r"\s*\((?=[^()\n]*[\d/])[^()\n]{1,80}\)\s*(?:--|\u2014|\u2013|-)?\s*)(?=[A-Z\u201c\"])|"
    # "(ECNS) -- U.S. arms sales ...": the agency alone
    r"\s*\([A-Z][A-Za-z]{1,12}\)\s*(?:--|\u2014|\u2013)\s*(?=[A-Z\u201c\"])|"
    r"\s*[A-Z][A-Za-z.'\u2019-]*(?: [A-Z][A-Za-z.'\u2019-]*){0,2}"
    r"(?:,\s*[A-Z][A-Za-z.'\u2019-]*(?: [A-Z][A-Za-z.'\u2019-]*)?)?"  # "VIENTIANE, Laos (AP) —"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|\u2014|\u2013)\s+(?=[A-Z\u201c\"])|"
    # "Pyongyang, August 6 (KCNA) --", "WASHINGTON, March 12, 2019 (Reuters) -",
    # "NEW DELHI/ISLAMABAD, Jan. 22 (SNW) --"
    r"\s*[A-Z][A-Za-z.'\u2019-]*(?:[ /][A-Z][A-Za-z.'\u2019-]*){0,3}(?:,\s*[A-Z][A-Za-z.]+)?,\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:--|\u2014|\u2013|-)\s*")
_END_MARK = re.compile(r"\((?:END|End|end)\)|^\s*-{2,}\s*$|^\s*#{3}\s*$", re.MULTILINE)
_BACK_MATTER = re.compile(
    r"(?:translator[’']?s note|editor[’']?s note|note:|disclaimer|the views (?:expressed|in "
    r"this)|the opinions? expressed|this (?:article|commentary|brief|piece|paper|column) "
    r"(?:is written|reflects|was|does not)|all references should|copyright|©|\(c\) \d{4})",
    re.IGNORECASE)
_DISCLAIMER = re.compile(r"do(?:es)? not (?:necessarily )?(?:reflect|represent)|"
                         r"author[’']?s (?:own|personal)", re.IGNORECASE)
# A photo's caption or credit line: "... (Alfredo Zuniga/AP)", "Photo by: ...", "(Yonhap)",
# and a link to another story ("READ MORE: ...")
_CAPTION = re.compile(
    r"Photo by:|^Photo:|^Photo/|\bPhoto: |File Photo|Getty Images|Illustration:|REUTERS/|"
    r"^This photo|^(?:READ MORE|Read more|ALSO READ|Also read|Related):|"
    r"\((?:\d?L/R|L-R|L to R|R to L|[Ff]rom left)\)|"  # "(2L/R): Britain's Prime Minister ..."
    r"\((?:AP|AFP|Reuters|Yonhap|Xinhua|EPA|AP/Yonhap|Yonhap/AP)\)\s*$|"
    r"\([^()\n]{2,60}/[^()\n]{2,60}\)\s*$")
_SENTENCE_END = re.compile(r"[.!?:\"\u201d]\s*$")
_BIO_VERB = re.compile(r"\s+(?:is|was|writes|has|serves)\b")
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def paragraphs(doc: Document, labels: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """The body's paragraphs (its non-blank lines), each past its dateline or speaker's
    label; `labels` maps where a speaker's label starts to where its turn's text does."""
    labels = labels or {}
    text = doc.text
    end = len(text)
    marker = _END_MARK.search(text, doc.body_start)
    if marker:
        end = marker.start()
    title = (doc.title or "").strip()
    out = []
    pos = doc.body_start
    for line in text[doc.body_start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if not stripped or title and stripped == title or \
                len(stripped) < 400 and _CAPTION.search(stripped) or _headline(stripped):
            continue
        dateline = _DATELINE.match(line)
        if dateline:
            a += dateline.end()
        label = next((t for s, t in labels.items() if a <= s < b), None)
        if label is not None:
            a = label
        out.append((a, b))
    out = _rejoin_wrapped(text, out)
    while out and _back_matter(text[out[-1][0]:out[-1][1]], doc):
        out.pop()
    # the author introduced above the piece, under its headline
    return [(a, b) for k, (a, b) in enumerate(out) if k >= 5 or not _bio(text[a:b], doc)]


def _headline(line: str) -> bool:
    """A title or heading set in title case ("Refugees Continue to Flow In, Says Delegate"):
    nearly every longer word capitalised, and no full stop at its end."""
    if _SENTENCE_END.search(line) and not line.endswith(":"):
        return False  # "Chile's Foreign Ministry summoned Ambassador Koichi Sato on Friday."
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(words) >= 4 and not line.isupper() and \
        sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _rejoin_wrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of a text broken inside its sentences (a statement copied from a PDF or an
    e-mail) joined into their paragraphs: when at least three lines run on into a line in
    lower case, every line that does not end a sentence runs on into the next."""
    breaks = {k for k in range(len(lines) - 1) if text[lines[k][1]:lines[k + 1][0]] == "\n"
              and not _SENTENCE_END.search(text[lines[k][0]:lines[k][1]])}
    if sum(text[lines[k + 1][0]:lines[k + 1][1]][:1].islower() for k in breaks) < 3:
        return lines
    out = [lines[0]]
    for k in range(1, len(lines)):
        if k - 1 in breaks:
            out[-1] = (out[-1][0], lines[k][1])
        else:
            out.append(lines[k])
    return out


def _back_matter(paragraph: str, doc: Document) -> bool:
    """A closing note, disclaimer, contact line or author bio."""
    s = paragraph.strip()
    if _BACK_MATTER.match(s) or len(s) < 400 and _DISCLAIMER.search(s) or \
            _EMAIL.fullmatch(s):
        return True
    return _bio(s, doc)


def _bio(paragraph: str, doc: Document) -> bool:
    """The author's bio: "Jane Roe is ...", "Jane Roe, a retired colonel, is a fellow at ..."."""
    s = paragraph.strip()
    author = doc.author or ""
    for name in (author, author.split()[-1] if len(author.split()) > 1 else ""):
        if not name or not s.startswith(name):
            continue
        if _BIO_VERB.match(s, len(name)) or len(s) < 400 and s[len(name):len(name) + 1] == "," \
                and _BIO_VERB.search(s, len(name)):
            return True
    return False
