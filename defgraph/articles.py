"""Reading article files (dated text, plain text, JSON Lines) into Article records."""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from .namespaces import short_hash

# What a folder is read for: dated or plain text, and JSON Lines. Other files in a folder
# (README.md, SOURCES.md, gold .json answers, images) are reported as ignored, never read.
ARTICLE_SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson"}
HEADER_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


class ArticleError(ValueError):
    """An input that cannot be read as an article; names the input and the problem."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple:
        return (ArticleError, (self.source, self.reason))   # so that it crosses process boundaries


@dataclass(frozen=True)
class Article:
    """One news article: its text and metadata."""

    title: str
    body: str
    published: datetime | None = None
    source_file: str | None = None
    url: str | None = None
    publisher: str | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.title, self.body, self.url))

    @property
    def text(self) -> str:
        """The full text that offsets refer to: title, blank line, body."""
        return f"{self.title}\n\n{self.body}" if self.body else self.title


def normalise(text: str) -> str:
    """Unicode NFC with runs of whitespace collapsed, for stable hashing."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(title: str, body: str, url: str | None = None) -> str:
    """A stable identifier: from the URL when there is one, else from the content."""
    if url:
        return short_hash("url", url.strip())
    return short_hash("text", normalise(title), normalise(body))


def parse_datetime(value: str, source: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time, or the seed header form `HH:MM DD.MM.YYYY`."""
    value = (value or "").strip()
    if not value:
        return None
    m = HEADER_RE.match(value)
    try:
        if m:
            hh, mm, day, month, year = (int(g) for g in m.groups())
            return datetime(year, month, day, hh, mm)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ArticleError(source, f"unreadable date {value!r} ({exc})") from None
    return parsed


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise ArticleError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError(source, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(source, f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, source: str) -> Article:
    """Parse the dated-header format, or plain text whose first line is the title."""
    lines = text.strip("\n").split("\n")
    published = None
    if lines and HEADER_RE.match(lines[0]):
        published = parse_datetime(lines[0], source)
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ArticleError(source, "no title or body after the date line")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    return Article(title=title, body=body, published=published, source_file=source)


def parse_json_record(record: object, source: str) -> Article:
    """One JSON Lines record with `title`, `date`, `body` and optional `url`, `source`."""
    if not isinstance(record, dict):
        raise ArticleError(source, "not a JSON object")
    title = record.get("title")
    body = record.get("body", "")
    if not isinstance(title, str) or not title.strip():
        raise ArticleError(source, "missing or empty 'title'")
    if not isinstance(body, str):
        raise ArticleError(source, "'body' is not a string")
    date = record.get("date")
    published = parse_datetime(date, source) if isinstance(date, str) else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    publisher = record.get("source") if isinstance(record.get("source"), str) else None
    return Article(title=title.strip(), body=body.strip(), published=published,
                   source_file=source.split(":")[0], url=url, publisher=publisher)


def _is_json_lines(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in {".jsonl", ".ndjson"}


def count_inputs(path: str | os.PathLike) -> int:
    """How many items `read_file(path)` yields (JSON Lines: one per non-blank line), without parsing them."""
    if not _is_json_lines(path):
        return 1
    try:
        text = _decode(Path(path).read_bytes(), str(path))
    except (OSError, ArticleError):
        return 1
    return sum(1 for line in text.split("\n") if line.strip())


def read_file(path: str | os.PathLike) -> Iterator[Article | ArticleError]:
    """Articles in one file; a bad file or line yields an ArticleError instead."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield ArticleError(source, exc.strerror or str(exc))
        return
    try:
        text = _decode(data, source)
    except ArticleError as err:
        yield err
        return
    if _is_json_lines(path):
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                yield parse_json_record(json.loads(line), where)
            except json.JSONDecodeError as exc:
                yield ArticleError(where, f"invalid JSON ({exc.msg})")
            except RecursionError:
                yield ArticleError(where, "JSON nested too deeply to read")
            except ArticleError as err:
                yield err
        return
    try:
        yield parse_text(text, source)
    except ArticleError as err:
        yield err


class Inputs(NamedTuple):
    """The files to read, the paths that name nothing, and the files in folders that are no articles."""

    files: list[Path]
    errors: list[ArticleError]
    ignored: list[Path]


BROKEN_LINK = "broken symbolic link (its target is missing, or the links form a loop)"


def _glob(pattern: str) -> list[Path]:
    """Paths matching a glob pattern; `**` descends into folders but never through a symbolic
    link to one, so that links forming a loop cannot make the walk endless."""
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = parts[fixed:]
    found = []
    for p in root.glob(str(Path(*rest))):   # pathlib's ** does not follow links to folders
        tail = p.relative_to(root).parts
        # like glob: hidden names only where the pattern spells a leading dot
        if any(name.startswith(".") and not pat.startswith(".") for name, pat in zip(tail, rest)):
            continue
        found.append(p)
    return sorted(found)


def expand_paths(paths: Iterable[str]) -> Inputs:
    """Files named by paths, folders (recursively) and globs, in a stable order.

    A file named outright is read whatever its suffix; in a folder only article files are
    (see ARTICLE_SUFFIXES), the others are listed as ignored; hidden files are passed over.
    Broken symbolic links are reported; links to folders are not followed inside a folder or `**`.
    """
    files: list[Path] = []
    errors: list[ArticleError] = []
    ignored: list[Path] = []
    for raw in paths:
        matches = _glob(raw) if glob.has_magic(raw) else [Path(raw)]
        if not matches:
            errors.append(ArticleError(raw, "no file matches this pattern"))
        for p in matches:
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if any(part.startswith(".") for part in f.relative_to(p).parts):
                        continue
                    if f.is_symlink() and not f.exists():
                        errors.append(ArticleError(str(f), BROKEN_LINK))
                    elif f.is_file():
                        (files if f.suffix.lower() in ARTICLE_SUFFIXES else ignored).append(f)
            elif p.is_file():
                files.append(p)
            elif p.is_symlink():
                errors.append(ArticleError(str(p), BROKEN_LINK))
            else:
                errors.append(ArticleError(raw, "no such file or folder"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return Inputs(unique, errors, ignored)
