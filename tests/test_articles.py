from datetime import datetime

import pytest

from defgraph.articles import ArticleError, Article, expand_paths, read_file


def _one(path):
    items = list(read_file(path))
    assert len(items) == 1
    return items[0]


def test_seed_format(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("09:19 29.09.2023\n\nA title\n\nFirst paragraph.\n\nSecond one.\n", encoding="utf-8")
    a = _one(p)
    assert a.title == "A title"
    assert a.published == datetime(2023, 9, 29, 9, 19)
    assert a.body == "First paragraph.\n\nSecond one."
    assert a.text.startswith("A title\n\nFirst paragraph.")
    assert a.source_file == str(p)


def test_plain_text_title_is_first_line(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("Headline here\nBody text.\n", encoding="utf-8")
    a = _one(p)
    assert (a.title, a.body, a.published) == ("Headline here", "Body text.", None)


def test_jsonl_records_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"title": "T1", "date": "2024-05-29T10:00:00", "body": "B1", "url": "https://x/1", "source": "Wire"}\n'
                 'not json\n'
                 '{"date": "2024-05-29", "body": "no title"}\n'
                 '{"title": "T2", "date": "2024-05-30", "body": "B2"}\n', encoding="utf-8")
    items = list(read_file(p))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "ArticleError", "Article"]
    assert items[0].url == "https://x/1" and items[0].publisher == "Wire"
    assert items[0].published == datetime(2024, 5, 29, 10, 0)
    assert "feed.jsonl:2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert "feed.jsonl:3" in str(items[2]) and "title" in str(items[2])


def test_stable_ids():
    a = Article(title="T", body="Some  body\ntext")
    b = Article(title="T", body="Some body text")
    assert a.id == b.id  # whitespace-normalised content
    c = Article(title="T", body="other", url="https://example.org/a")
    d = Article(title="T2", body="changed", url="https://example.org/a")
    assert c.id == d.id != a.id  # the URL wins


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"Title\n\nCaf\xe9 au lait", "not UTF-8"),
])
def test_bad_files_are_named_with_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    err = _one(p)
    assert isinstance(err, ArticleError)
    assert err.source == str(p) and reason in err.reason


def test_expand_paths(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("T\n", encoding="utf-8")
    (tmp_path / "d" / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / "d" / "README.md").write_text("# Notes\n\nNot an article.\n", encoding="utf-8")
    (tmp_path / "d" / "SOURCES.md").write_text("r01 | outlet | url\n", encoding="utf-8")
    (tmp_path / "d" / "x.json").write_text("{}", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text("T\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text("T\n", encoding="utf-8")
    files, errors, ignored = expand_paths([str(tmp_path / "d"), str(tmp_path / "*.txt"), str(tmp_path / "nope.txt")])
    assert [f.name for f in files] == ["x.txt", "y.txt"]
    assert len(errors) == 1 and "nope.txt" in str(errors[0])
    assert sorted(f.name for f in ignored) == ["README.md", "SOURCES.md", "skip.png", "x.json"]


def test_a_file_named_outright_is_read_whatever_its_suffix(tmp_path):
    note = tmp_path / "brief.md"
    note.write_text("Title\n\nBody.\n", encoding="utf-8")
    files, errors, ignored = expand_paths([str(note)])
    assert files == [note] and errors == [] and ignored == []
