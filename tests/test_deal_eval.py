"""The deals scorer: story lines (articles + deals.json) scored through deals.rq, conflicts.rq
and meetings.rq; on story lines written for the test, and on tests/data/deals."""

import json
from pathlib import Path

from click.testing import CliRunner

from defgraph.cli import main
from defgraph.deal_eval import score_story_line, score_story_lines

DEALS_DATA = Path(__file__).parent / "data" / "deals"

ARTICLES = {
    "t-01": ("09:00 01.07.2022", "Poland orders howitzers",
             "Poland ordered 48 K9 howitzers from South Korea in a deal worth $2.4 billion, the ministry said."),
    "t-02": ("09:00 12.09.2022", "Poland enlarges order", "Poland has ordered 52 K9 howitzers from South Korea."),
    "t-03": ("09:00 06.12.2022", "First K9s arrive",
             "The first 4 of 52 K9 howitzers ordered from South Korea arrived in Poland on Tuesday. "
             "The United Kingdom delivered CAMM missiles to Poland."),
    "t-04": ("09:00 20.10.2023", "All delivered", "South Korea has delivered all 52 K9 Thunder howitzers to Poland. "
             "Poland ordered 20 CAMM-ER missiles from the United Kingdom."),
}


def gold(**changes) -> dict:
    k9 = {"id": "t-D1", "supplier": "South Korea", "recipient": "Poland", "equipment": "K9 Thunder",
          "status": "delivered", "quantity": 52, "articles": ["t-01", "t-02", "t-03", "t-04"],
          "first": "2022-07-01", "last": "2023-10-20"}
    camm = {"id": "t-D2", "supplier": "United Kingdom", "recipient": "Poland", "equipment": "CAMM",
            "status": "delivered", "quantity": None, "articles": ["t-03"]}
    camm_er = {"id": "t-D3", "supplier": "United Kingdom", "recipient": "Poland", "equipment": "CAMM-ER",
               "status": "ordered", "quantity": 20, "articles": ["t-04"]}
    out = {"deals": [k9, camm, camm_er], "must_not_merge": [["t-D2", "t-D3"]],
           "conflicts": [{"deal": "t-D1", "what": "quantity", "articles": ["t-01", "t-02"]}], "meetings": []}
    for deal_id, fields in changes.items():
        next(d for d in out["deals"] if d["id"] == deal_id.replace("_", "-")).update(fields)
    return out


def write_story(folder: Path, truth: dict) -> Path:
    folder.mkdir(parents=True)
    for name, (stamp, title, body) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"{stamp}\n\n{title}\n\n{body}\n", encoding="utf-8")
    (folder / "deals.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_a_story_line_scored_right(tmp_path):
    score = score_story_line(write_story(tmp_path / "t", gold()))
    assert (score.deals, score.found, score.status_right, score.quantities, score.quantity_right, score.correct) \
        == (3, 3, 3, 2, 2, 3), score.log
    assert (score.forbidden_pairs, score.forbidden_merges) == (1, 0)
    assert (score.conflicts, score.conflicts_found, score.extra_conflicts) == (1, 1, 0), score.log


def test_wrong_answers_are_counted_wrong(tmp_path):
    # a gold that disagrees with what the articles say: the scorer must notice each disagreement
    truth = gold(t_D1={"status": "ordered", "quantity": 48}, t_D2={"equipment": "Patriot"})
    truth["conflicts"][0]["articles"] = ["t-02", "t-04"]
    truth["must_not_merge"] = [["t-D1", "t-D3"]]
    score = score_story_line(write_story(tmp_path / "t", truth))
    assert (score.found, score.status_right, score.quantity_right, score.correct) == (2, 1, 1, 1), score.log
    assert score.conflicts_found == 0 and score.extra_conflicts == 1
    assert any("t-D2" in line and "found as 0 rows" in line for line in score.log)


def test_forbidden_merge_is_counted(tmp_path):
    # two gold deals that one row answers: (K9 and "K9 Thunder" are one system to defgraph)
    truth = gold()
    truth["deals"].append({"id": "t-D4", "supplier": "South Korea", "recipient": "Poland", "equipment": "K9",
                           "status": "delivered", "quantity": 52, "articles": ["t-04"]})
    truth["must_not_merge"].append(["t-D1", "t-D4"])
    score = score_story_line(write_story(tmp_path / "t", truth))
    assert (score.forbidden_pairs, score.forbidden_merges) == (2, 1)


def test_story_lines_in_the_repository_keep_their_scores():
    score = score_story_lines(DEALS_DATA)
    # floors at the score reached (tests/data/deals/README.md gives each pair's first look: s1+s2
    # 2/4 found; s3+s4 4/4 found, 2/4 right; s5+s6 3/5 found, 0/5 right; s7+s8 2/5 found, 1/5
    # right, one forbidden merge; s9+s10 4/7 found, 2/7 right, one forbidden merge; s11+s12 4/4
    # found, 3/4 right, one forbidden merge; s13+s14 2/6 found, 1/6 right, one forbidden merge;
    # s15+s16 5/6 found, 3/6 right, no forbidden merge; s17+s18 5/6 found, 4/6 right, no forbidden merge;
    # s19+s20 5/6 found, 4/6 right, no forbidden merge; s21+s22 4/6 found, 2/6 right, one forbidden merge;
    # s23+s24 3/6 found, 2/6 right, no forbidden merge; s25+s26 4/6 found, 3/6 right, no forbidden merge;
    # s27+s28 4/4 found, 2/4 right, no forbidden merge; s29+s30 4/4 found, 4/4 right, no forbidden
    # merge, 1/2 conflicts; s31+s32 3/4 found, 2/4 right, no forbidden merge, 1/2 conflicts; s33+s34
    # 2/4 found, 2/4 right, no forbidden merge, 1/2 conflicts; s35+s36 3/5 found, 3/5 right, no
    # forbidden merge, 1/2 conflicts, 1/2 meetings; s37+s38 2/5 found, 1/5 right, no forbidden merge,
    # 1/2 conflicts, 1/2 meetings; s39+s40 4/4 found, 4/4 right, no forbidden merge, 0/2 conflicts, 1/1
    # meetings; s41+s42 3/4 found, 3/4 right, no forbidden merge, 2/5 conflicts, 1/1 meetings; s43+s44 3/4
    # found, 2/4 right, one forbidden merge, 1/2 conflicts, 1/1 meetings; s45+s46 6/6 found, 6/6 right,
    # no forbidden merge, 1/2 conflicts, 2/2 meetings; s47+s48 2/5 found, 1/5 right, no forbidden merge,
    # 1/3 conflicts, 3 spurious, 1/2 meetings; s49+s50 2/4 found, 2/4 right, no forbidden merge, 1/2
    # conflicts, 1 spurious, 1/1 meetings; s51+s52 2/4 found, 1/4 right, one forbidden merge, 1/2
    # conflicts, 2/2 meetings; s53+s54 2/4 found, 2/4 right, no forbidden merge, 1/3 conflicts, 0/1
    # meetings; s55+s56 4/5 found, 4/5 right, no forbidden merge, 3/3 conflicts, 2/2 meetings; s57+s58 3/4
    # found, 1/4 right, no forbidden merge, 1/3 conflicts, 1 spurious, 1/2 meetings at 1e867f2; s59+s60 4/4
    # found, 4/4 right, no forbidden merge, 1/2 conflicts, 2 spurious, 1/2 meetings at e96756b; s61+s62 2/4
    # found, 1/4 right, no forbidden merge, 2/3 conflicts, 1/1 meetings at 71be63c; s63+s64 2/4 found, 1/4
    # right, no forbidden merge, 1/2 conflicts, 2 spurious, 2/2 meetings at 102a044; s65+s66 4/4 found, 3/4
    # right, one forbidden merge, 2/2 conflicts, 1/1 meetings at 1021259; s67+s68 2/5 found, 2/5 right, no
    # forbidden merge, 0/2 conflicts, 1 spurious, 2/2 meetings at 5c16f6c: the data named two variants as one;
    # s69+s70 1/4 found, 0/4 right, no forbidden merge, 1/2 conflicts, 1 spurious, 2/2 meetings at a2368a9: a block's
    # letter dropped, a headline's "Last" in the name, "basic trainers" no kind, a fleet's holder read as its giver);
    # s71+s72 3/4 found, 2/4 right, one forbidden merge, 0/2 conflicts, 4 spurious, 2/2 meetings at 0a48020 (variants
    # written against the family's number one system, a relative clause's supplier, "it ordered from" as delivered);
    # s73+s74 1/4 found, 1/4 right, one forbidden merge, 0/3 conflicts, 1 spurious, 2/2 meetings at 17b3538 (a joined
    # variant letter took the family's block, "gave no details on" as a delivery, "Israel Shipyards" no company, "Mk. V");
    # s75+s76 1/5 found, 1/5 right, one forbidden merge, 0/2 conflicts, 2/2 meetings at 69b4761 (a ministry's contract
    # with a company for its own army dropped, "Firtina II" and "T-155 Fırtına II" two systems, "II 155 mm" a model
    # number, "Mbombe 8 (8x8)" no system)
    assert score.deals == 179 and score.found >= 163 and score.status_right >= 158
    assert score.correct >= 150 and score.quantity_right >= 126
    # s43's C295W transports, once an alias of the C295, are a row of the data of their own
    assert score.forbidden_pairs == 112 and score.forbidden_merges == 0
    assert score.conflicts == 90 and score.conflicts_found >= 72
    # s13: "Caesar NG" (the Mk II's other name) is a deal of its own (s6's "M109" for the M109A3GN and
    # s20's "Kirpi" for the Kirpi II now join the one variant their route reports)
    # s24: a conflict found but paired with another report than the gold's ("still negotiating" against
    # the order, not the delivery)
    # s28: patrol boats Italy "has in recent years provided" set against three it "will hand over" later
    # s24 again: "412 EPX" and "Bell 412EPX" now one node, the wrong United States rows the story line
    # already had (a ferry flight's stop; "two Bell 429 … helicopters" read as 429 of the 412EPX) are one row
    # whose order and delivery are reported in the wrong order
    assert score.extra_conflicts <= 4
    # s36 and s37: the two who signed a contract at a ceremony, which the story line's writer counted as a
    # meeting and the corpus conventions (tests/data/corpus/README.md, ceremonies) do not (s48's writer did
    # the same; that one was taken out of its deals.json after the first look)
    assert score.meetings == 60 and score.meetings_found >= 58


def test_cli_scores_a_folder_of_story_lines_and_names_a_folder_without_one(tmp_path):
    write_story(tmp_path / "lines" / "t", gold())
    result = CliRunner().invoke(main, ["eval", "--deals", str(tmp_path / "lines"), "--details"])
    assert result.exit_code == 0, result.output
    assert "deals found as exactly one row           3/3 (100 %)" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["eval", "--deals", str(empty)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {empty}: no deals.json here or in a folder below"


def test_a_gold_supplier_named_as_the_maker_is_its_state(tmp_path):
    # the gold may name the company that sells; defgraph records the seller's state
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "m-01.txt").write_text("09:00 01.07.2022\n\nPoland orders howitzers\n\nPoland ordered 48 K9 howitzers "
                                     "from Hanwha Aerospace of South Korea.\n", encoding="utf-8")
    deal = {"id": "m-D1", "supplier": "Hanwha Aerospace", "recipient": "Poland", "equipment": "K9",
            "status": "ordered", "quantity": 48, "articles": ["m-01"]}
    (folder / "deals.json").write_text(json.dumps({"deals": [deal]}), encoding="utf-8")
    score = score_story_line(folder)
    assert (score.found, score.correct) == (1, 1), score.log
    deal["supplier"] = "Rheinmetall"      # a maker the articles never name is no supplier of theirs
    (folder / "deals.json").write_text(json.dumps({"deals": [deal]}), encoding="utf-8")
    assert score_story_line(folder).found == 0


def test_a_company_of_several_states_supplies_as_the_state_its_system_comes_from(tmp_path):
    # the gold names the maker, a company of no one state; the answer names the state the system comes from
    score = score_story_line(write_story(tmp_path / "t", gold(t_D2={"supplier": "MBDA"})))
    assert (score.found, score.correct) == (3, 3), score.log
    # a state the maker's systems do not come from is not it
    score = score_story_line(write_story(tmp_path / "u", gold(t_D1={"supplier": "MBDA"})))
    assert score.found == 2, score.log


def test_a_group_of_several_states_supplies_as_the_state_of_its_subsidiary_named(tmp_path):
    # the gold names a group of no one state; the article names its subsidiary, whose state supplies
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "g-01.txt").write_text("09:00 01.07.2022\n\nIreland orders carriers\n\nIreland ordered 30 Piranha V "
                                     "carriers from GDELS-Mowag.\n", encoding="utf-8")
    deal = {"id": "g-D1", "supplier": "General Dynamics European Land Systems", "recipient": "Ireland",
            "equipment": "Piranha V",
            "status": "ordered", "quantity": 30, "articles": ["g-01"]}
    (folder / "deals.json").write_text(json.dumps({"deals": [deal]}), encoding="utf-8")
    score = score_story_line(folder)
    assert (score.found, score.correct) == (1, 1), score.log
    deal["supplier"] = "KNDS"             # another group of no one state, with no subsidiary in the article
    (folder / "deals.json").write_text(json.dumps({"deals": [deal]}), encoding="utf-8")
    assert score_story_line(folder).found == 0
