"""The command line, run as an analyst would: ingest, query, export, validate, stats."""

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from defgraph.cli import main

from .conftest import SEEDS


@pytest.fixture
def run(tmp_path):
    store = tmp_path / "store"

    def _run(*args, ok=True):
        result = CliRunner().invoke(main, [*args[:1], "--store", str(store), *args[1:]] if args[0] != "--help"
                                    else list(args), catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result
    _run.store = store
    return _run


def test_help_documents_every_command_with_an_example():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    commands = sorted(main.commands)
    assert {"ingest", "query", "export", "validate", "stats", "eval", "serve", "viz", "link", "import"} <= set(commands)
    for c in commands:
        assert c in result.output
        sub = CliRunner().invoke(main, [c, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output, c


def test_ingest_then_transfers_csv(run):
    out = run("ingest", str(SEEDS))
    assert "articles read: 1" in out.output
    assert "Transfer 6" in out.output
    res = run("query", "queries/transfers.rq", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert len(rows) == 6
    assert {(r["supplier"], r["recipient"], r["status"]) for r in rows} == {("France", "Ukraine", "delivered")}
    assert {r["equipment"] for r in rows} == {"SAMP/T", "Crotale", "CAESAR", "Milan", "AMX", "VAB"}


def test_query_formats(run):
    run("ingest", str(SEEDS))
    js = json.loads(run("query", "countries", "--format", "json").output)
    assert js["head"]["vars"] == ["name", "code"] and len(js["results"]["bindings"]) == 4
    tsv = run("query", "countries", "--format", "tsv").output
    assert tsv.splitlines()[0] == "?name\t?code"
    table = run("query", "SELECT ?n WHERE { ?c a dg:Country ; rdfs:label ?n } ORDER BY ?n").output
    assert "Ukraine" in table and "(4 rows)" in table
    bad = run("query", "SELECT WHERE {", ok=False)
    assert bad.exit_code != 0 and "syntax" in bad.output.lower()


def test_reingest_is_idempotent(run):
    run("ingest", str(SEEDS))
    before = json.loads(run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                            "--format", "json").output)
    run("ingest", str(SEEDS))
    after = json.loads(run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                           "--format", "json").output)
    assert before == after


def test_export_roundtrips(run, tmp_path):
    run("ingest", str(SEEDS))
    ttl = tmp_path / "g.ttl"
    run("export", "--format", "turtle", "--out", str(ttl))
    g = Graph().parse(ttl, format="turtle")
    n = json.loads(run("query", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                       "--format", "json").output)["results"]["bindings"][0]["n"]["value"]
    assert len(g) == int(n)
    nq = tmp_path / "g.nq"
    run("export", "--format", "nquads", "--out", str(nq))
    ds = Dataset()
    ds.parse(nq, format="nquads")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert any("/id/article/" in x for x in names) and any(x.endswith("/graph/entities") for x in names)
    for fmt in ("nt", "trig", "jsonld", "xml"):
        assert run("export", "--format", fmt).output.strip()


def test_validate_and_stats(run):
    run("ingest", str(SEEDS))
    assert "conforms" in run("validate").output
    stats = run("stats").output
    assert "articles" in stats and "Transfer" in stats and "Person" in stats


def test_bad_inputs_are_reported_and_others_ingested(run, tmp_path):
    bad = tmp_path / "inputs"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (bad / "latin1.txt").write_bytes("Titre\n\nCaf\xe9".encode("latin-1"))
    shutil.copy(next(SEEDS.glob("*.txt")), bad / "good.txt")
    result = run("ingest", str(bad), ok=False)
    assert result.exit_code != 0
    out = result.output
    assert "empty.txt: empty file" in out
    assert "binary.txt: binary file" in out
    assert "latin1.txt: not UTF-8" in out
    assert "articles read: 1" in out


def test_query_without_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["query", "persons", "--store", str(tmp_path / "none")])
    assert result.exit_code != 0 and "defgraph ingest" in result.output


def test_console_script_quickstart(tmp_path):
    exe = shutil.which("defgraph") or None
    cmd = [exe] if exe else [sys.executable, "-m", "defgraph.cli"]
    env_store = str(tmp_path / "qs")
    r = subprocess.run([*cmd, "ingest", str(SEEDS), "--store", env_store], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([*cmd, "query", "transfers", "--store", env_store, "--format", "csv"],
                       capture_output=True, text=True)
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 7


def test_validate_reports_a_broken_graph(run, tmp_path):
    run("ingest", str(SEEDS))
    broken = tmp_path / "broken.ttl"
    broken.write_text("""@prefix dg: <https://w3id.org/defgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:t1> a dg:Transfer ; rdfs:label "half a transfer" ; dg:equipment <urn:x:e1> ; dg:status dg:delivered .
<urn:x:e1> a dg:Tank ; rdfs:label "Mystery tank" .
""", encoding="utf-8")
    run("import", str(broken), "--graph", "urn:x:broken")
    result = run("validate", ok=False)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "half a transfer" in line]
    assert any("dg:supplier" in line and "exactly one supplier" in line for line in lines)
    assert any("dg:recipient" in line for line in lines)
    assert "violation(s)" in result.output


def test_a_folder_is_read_for_articles_and_its_notes_are_reported_as_skipped(run, tmp_path):
    folder = tmp_path / "study"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), folder / "a01.txt")
    (folder / "README.md").write_text("# Study set\n\nHow these articles were written.\n", encoding="utf-8")
    (folder / "SOURCES.md").write_text("a01 | an outlet | https://example.org/a\n", encoding="utf-8")
    (folder / "a01.json").write_text("{}", encoding="utf-8")
    result = run("ingest", str(folder))
    assert "articles read: 1" in result.output
    for name in ("README.md", "SOURCES.md", "a01.json"):
        assert f"skipped {folder / name}: not an article file" in result.output
    titles = run("query", "SELECT ?t WHERE { ?a a dg:Article ; dcterms:title ?t }", "--format", "csv").output
    assert list(csv.reader(io.StringIO(titles)))[1:] == [["Ukraine, France discuss further defense cooperation"]]


def test_transfers_show_quantity_and_value_and_validate(run, tmp_path):
    article = tmp_path / "p8.txt"
    article.write_text("10:00 05.03.2024\n\nCanada buys P-8s\n\nCanada will buy 14 P-8A Poseidon aircraft from the "
                       "United States in a deal worth C$10.4 billion, the government said. Germany has delivered "
                       "the first 4 of 16 Leopard 2A6 tanks to Ukraine.\n", encoding="utf-8")
    run("ingest", str(article))
    rows = list(csv.DictReader(io.StringIO(run("query", "transfers", "--format", "csv").output)))
    assert list(rows[0]) == ["supplier", "recipient", "equipment", "status", "quantity", "value"]
    got = {(r["supplier"], r["recipient"], r["equipment"], r["status"], r["quantity"], r["value"]) for r in rows}
    assert got == {("United States", "Canada", "P-8A Poseidon", "ordered", "14", "10400000000 CAD"),
                   ("Germany", "Ukraine", "Leopard 2A6", "delivered", "4", "")}
    assert "conforms" in run("validate").output
    bad = tmp_path / "bad-value.ttl"
    bad.write_text("""@prefix dg: <https://w3id.org/defgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:t2> a dg:Agreement ; rdfs:label "a priceless deal" ; dg:party <urn:x:c> ; dg:value 5.0 .
<urn:x:t3> a dg:Agreement ; rdfs:label "a deal in doubloons" ; dg:party <urn:x:c> ; dg:value 7.0 ; dg:currency "doubloons" .
<urn:x:c> a dg:Country ; rdfs:label "Nowhere" .
""", encoding="utf-8")
    run("import", str(bad), "--graph", "urn:x:bad")
    result = run("validate", ok=False)
    assert result.exit_code == 1
    assert any("a priceless deal" in line and "without its currency" in line for line in result.output.splitlines())
    assert any("a deal in doubloons" in line and "ISO 4217" in line for line in result.output.splitlines())
