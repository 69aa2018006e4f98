"""The evaluator on the dev corpus and the seed: floors just under what extraction reaches."""

import json
import shutil

import pytest

from click.testing import CliRunner

from defgraph.cli import main
from defgraph.evaluate import Score, evaluate_dir, norm

from .conftest import CORPUS, SEEDS

# Reached when these floors were set (dev corpus, 20 articles): entities micro-F1 0.990,
# events micro-F1 0.913. Floors sit just under, so a regression fails the build. Agreements
# went from 0.824 to 0.778 when a contract for what is bought became an agreement of buyer and
# seller: d03's "framework contract concluded in July 2022, when Warsaw ordered 1,000 K2 tanks"
# is now read as one, which its gold leaves out (the rule gained on every real-news study set).
FLOORS = {"entities": 0.98, "events": 0.89,
          "persons": 0.98, "organizations": 0.97, "countries": 0.98, "equipment": 0.97,
          "transfers": 0.91, "meetings": 0.90, "agreements": 0.77, "trainings": 0.87}


def test_dev_corpus_meets_floors():
    report = evaluate_dir(CORPUS / "dev")
    assert report.articles == 20
    from defgraph.evaluate import ENTITY_TYPES, EVENT_TYPES
    got = {"entities": report.micro(ENTITY_TYPES).f1, "events": report.micro(EVENT_TYPES).f1,
           **{t: s.f1 for t, s in report.by_type.items()}}
    below = {k: round(got[k], 3) for k, floor in FLOORS.items() if got[k] < floor}
    assert not below, f"below floor: {below}\n{report.table()}"


def test_seed_is_perfect(tmp_path):
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "seed.txt")
    shutil.copy(CORPUS / "seed_gold.json", tmp_path / "seed.json")
    report = evaluate_dir(tmp_path)
    for t, s in report.by_type.items():
        assert (s.fp, s.fn) == (0, 0), (t, report.errors)


def test_matching_ignores_case_diacritics_punctuation():
    assert norm("Sébastien  Lecornu") == norm("sebastien lecornu")
    assert norm("SAMP/T") == norm("samp t")
    s = Score(tp=3, fp=1, fn=2)
    assert round(s.precision, 3) == 0.75 and round(s.recall, 3) == 0.6 and round(s.f1, 3) == 0.667


def test_eval_command_prints_table(tmp_path):
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "seed.txt")
    gold = json.loads((CORPUS / "seed_gold.json").read_text(encoding="utf-8"))
    gold["equipment"].append({"name": "Leopard 2A6", "aliases": [], "category": "Tank"})
    (tmp_path / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--details"])
    assert result.exit_code == 0, result.output
    assert "entities (micro)" in result.output and "events (micro)" in result.output
    assert "equipment: missed 'Leopard 2A6'" in result.output


def test_eval_counts_missed_events_by_cause(tmp_path):
    (tmp_path / "a.txt").write_text("Aid for Ukraine\n\nFrance delivered Caesar howitzers to Ukraine on Monday, "
                                    "the ministry said.", encoding="utf-8")
    gold = {"persons": [], "organizations": [], "countries": ["France", "Ukraine", "Poland"],
            "equipment": [{"name": "Caesar", "aliases": [], "category": "Artillery"},
                          {"name": "Crotale", "aliases": [], "category": "Missile"}],
            "transfers": [{"supplier": "France", "recipient": "Ukraine", "equipment": "Caesar", "status": "delivered"},
                          {"supplier": "France", "recipient": "Poland", "equipment": "Caesar", "status": "pledged"},
                          {"supplier": "France", "recipient": "Ukraine", "equipment": "Crotale", "status": "pledged"}],
            "meetings": [{"participants": ["Anna Varga", "Piet Smit"], "date": None}], "agreements": [],
            "trainings": [{"provider": "France", "trainee": "Ukraine", "count": None}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--causes"])
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.output.splitlines()]
    assert ["missed", "transfers:", "2"] in lines
    assert ["system", "not", "found", "1"] in lines and ["supplier", "or", "recipient", "wrong", "1"] in lines
    assert ["missed", "meetings:", "1"] in lines and ["a", "participant", "not", "found", "1"] in lines
    assert ["missed", "trainings:", "1"] in lines and ["no", "training", "of", "the", "parties", "found", "1"] in lines
    assert ["missed", "agreements:", "0"] in lines
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--causes", "--deals"])
    assert result.exit_code == 2 and "does not go with --deals" in result.output


def test_second_corpus_meets_floors():
    """Ten more annotated articles (tests/data/corpus/heldout), written without looking at the
    extractor. First scored at entities 0.889 / events 0.684; after the generic fixes they
    prompted, 0.967 / 0.879. Floors sit just under."""
    from defgraph.evaluate import ENTITY_TYPES, EVENT_TYPES

    report = evaluate_dir(CORPUS / "heldout")
    assert report.articles == 10
    entities, events = report.micro(ENTITY_TYPES).f1, report.micro(EVENT_TYPES).f1
    assert entities >= 0.95 and events >= 0.86, report.table()


@pytest.mark.parametrize("batch, articles, floors", [
    # real-news study sets, rewritten from published items and annotated blind. First look
    # (entities / events micro-F1, before any change made for them): real 0.885 / 0.406 (on
    # main before issue 9: 0.885 / 0.422), fresh 0.806 / 0.289 (0.795 / 0.244), winter
    # 0.873 / 0.540 (see its SOURCES.md); unseen 0.829 / 0.436 and later 0.907 / 0.537, never
    # tuned to until the third day of work, when their errors were studied. Now regression
    # guards; floors sit just under what extraction reaches. eighth 0.805 / 0.423, ninth 0.836 /
    # 0.486 and tenth 0.788 / 0.306 at first look, studied from the fifth day on; twelfth 0.856 /
    # 0.536 at first look, studied on the sixth. tenth/ and twelfth/ were reworded on the sixth day
    # where their sentences stood too close to the published ones, every earlier batch on the
    # seventh; floors follow the reworded text (each SOURCES.md has the figures). variants/ tells 58
    # articles of dev/, heldout/, tenth/ and twelfth/ again in other words and constructions (first
    # look 0.949 / 0.729, against 0.956 / 0.842 for the same articles as first written), then studied.
    # sixteenth 0.888 / 0.466 at first look (eighth day, before any change made for it), then studied;
    # eighteenth 0.798 / 0.356 at first look (ninth day, on its starting commit 41002ab), then studied;
    # nineteenth 0.893 / 0.632 at first look (ninth day, 0.890 / 0.637 at 41002ab), then studied;
    # twentieth 0.899 / 0.675 at first look (tenth day, at its starting commit 40b7fd7), then studied.
    # recent 0.818 / 0.405, december 0.830 / 0.404, eleventh 0.816 / 0.542 and thirteenth 0.836 /
    # 0.423 at first look were never tuned to for five to eight days, then opened and studied on the
    # tenth (0.838 / 0.427, 0.897 / 0.489, 0.844 / 0.623, 0.849 / 0.408 at 40b7fd7).
    # fourteenth 0.878 / 0.539, fifteenth 0.864 / 0.571 and seventeenth 0.840 / 0.542 (at e7f6fd6)
    # were never tuned to for four to six days, then opened and studied on the twelfth.
    # twentyfirst 0.783 / 0.175 and twentysecond 0.848 / 0.410 at first look (0.790 / 0.174 and
    # 0.847 / 0.430 at 0b5a1ce) were never tuned to for three to four days, then studied on the fourteenth.
    # twentyfourth 0.875 / 0.649 at first look (fourteenth day, at 0b5a1ce), then studied on the fifteenth.
    # twentysixth 0.907 / 0.660 at first look (fifteenth day, at fa734f3), studied on the sixteenth.
    # twentyseventh 0.808 / 0.086 at first look (sixteenth day, at 8728d47 and at the day's first commits;
    # 153 of its 222 gold event pairs are one agreement of 18 states), then studied.
    # twentyninth 0.877 / 0.576 at first look (seventeenth day, at 353118f and with the day's first
    # changes in), then studied.
    # thirtyfirst 0.859 / 0.694 at first look (eighteenth day, at 21d2c90 and with the day's first
    # changes in), then studied.
    # thirtysecond 0.793 / 0.485 at first look (nineteenth day, at 038432c and with the day's first
    # changes in), then studied.
    # thirtyfourth 0.831 / 0.548 at first look (twentieth day, at 949ffd7 and with the day's first
    # changes in), then studied.
    # thirtysixth 0.863 / 0.500 at first look (twenty-first day, at 76a7187 and with the day's first
    # changes in), then studied.
    # thirtyeighth 0.828 / 0.480 at first look (twenty-second day, at 192f805 and with the day's first
    # changes in), then studied.
    # fortieth 0.899 / 0.494 at first look (twenty-second day, at 192f805; 0.899 / 0.487 with the day's
    # changes before it), then studied.
    # fortyfirst 0.831 / 0.524 at first look (twenty-third day, at 4174e9a and with the day's first
    # changes in), then studied.
    # fortyfourth 0.819 / 0.394 at first look (twenty-fifth day, at 20a84f8 and with the day's first
    # changes in), then studied.
    # fortysixth 0.820 / 0.468 at first look (twenty-sixth day, at a4c3166 and with the day's first
    # changes in; 0.820 / 0.493 on the 19 articles kept, o455 dropped as a story twentythird/ tells), then studied.
    ("real", 22, (0.92, 0.76)),
    ("fresh", 24, (0.89, 0.75)),
    ("winter", 22, (0.90, 0.88)),
    ("unseen", 22, (0.88, 0.54)),
    ("later", 22, (0.94, 0.79)),
    ("eighth", 20, (0.85, 0.67)),
    ("ninth", 20, (0.86, 0.72)),
    ("tenth", 20, (0.86, 0.73)),
    ("twelfth", 20, (0.90, 0.74)),
    ("variants", 58, (0.94, 0.78)),
    ("sixteenth", 20, (0.88, 0.66)),
    # eighteenth: two officials now found in g14 ("Matar Salem Ali Al Dhaheri") attended a dinner given
    # for the visitor, which its annotator left out of the meeting (twentyfirst's counts the people
    # who attended a reception given for visitors): 0.744 -> 0.703 on the fourteenth day
    ("eighteenth", 20, (0.80, 0.69)),
    ("nineteenth", 20, (0.88, 0.64)),
    ("twentieth", 20, (0.91, 0.78)),
    ("recent", 20, (0.85, 0.60)),
    ("december", 20, (0.90, 0.60)),
    ("eleventh", 20, (0.83, 0.61)),
    ("thirteenth", 20, (0.85, 0.42)),
    ("fourteenth", 20, (0.87, 0.53)),
    ("fifteenth", 20, (0.86, 0.56)),
    ("seventeenth", 20, (0.83, 0.53)),
    ("twentyfirst", 20, (0.82, 0.62)),
    ("twentysecond", 20, (0.84, 0.57)),
    ("twentyfourth", 20, (0.90, 0.80)),
    ("twentysixth", 20, (0.90, 0.85)),
    ("twentyseventh", 20, (0.83, 0.27)),
    ("twentyninth", 20, (0.89, 0.80)),
    ("thirtyfirst", 20, (0.88, 0.77)),
    ("thirtysecond", 20, (0.82, 0.69)),
    ("thirtyfourth", 20, (0.84, 0.64)),
    ("thirtysixth", 20, (0.88, 0.80)),
    ("thirtyeighth", 17, (0.86, 0.75)),
    ("fortieth", 20, (0.90, 0.63)),
    ("fortyfirst", 19, (0.84, 0.52)),
    ("fortyfourth", 20, (0.84, 0.52)),
    ("fortysixth", 19, (0.83, 0.76)),
    ("seventysecond", 18, (0.85, 0.69)),
    ("seventyfifth", 20, (0.89, 0.75)),
    ("seventysixth", 16, (0.85, 0.82)),
    ("seventyeighth", 20, (0.94, 0.92)),
    ("eightieth", 20, (0.91, 0.78)),
    # seventyninth 0.879 / 0.393 and eightyfirst 0.910 / 0.464, held out on the forty-first day and scored once every
    # change of that day was in (the same at its starting commit), then studied on the forty-second day.
    ("seventyninth", 17, (0.87, 0.63)),
    ("eightyfirst", 20, (0.91, 0.71)),
    # eightythird 0.878 / 0.500 and eightyfourth 0.901 / 0.247 at first look (forty-second day, the same at its
    # starting commit 7faca53 and with the day's first changes in), then studied.
    ("eightythird", 17, (0.88, 0.88)),
    ("eightyfourth", 15, (0.90, 0.92)),
    # eightysixth 0.845 / 0.507 and eightyeighth 0.863 / 0.543 at first look (forty-third day, the same at its starting
    # commit 59b7844 and with the day's first changes in), then studied.
    ("eightysixth", 20, (0.84, 0.76)),
    ("eightyeighth", 20, (0.86, 0.80)),
    # ninetieth 0.839 / 0.585 and ninetysecond 0.888 / 0.594 at first look (forty-fourth day, the same at its starting
    # commit 197d625), then studied.
    ("ninetieth", 20, (0.86, 0.74)),
    ("ninetysecond", 20, (0.88, 0.64)),
    # ninetyfourth 0.873 / 0.494 and ninetysixth 0.892 / 0.581 at first look (forty-fifth day, the same at its starting
    # commit 40b60d8 and with the day's first changes in), then studied.
    ("ninetyfourth", 20, (0.88, 0.65)),
    ("ninetysixth", 20, (0.89, 0.73)),
    # ninetyeighth 0.899 / 0.782 and hundredth 0.856 / 0.536 at first look (forty-sixth day, the same at its starting
    # commit e9a11ad and with the day's first changes in), then studied.
    ("ninetyeighth", 20, (0.89, 0.78)),
    ("hundredth", 20, (0.85, 0.72)),
    # hundredsecond 0.910 / 0.519 and hundredfourth 0.869 / 0.148 at first look (forty-seventh day, at its starting
    # commit 6af086a), then studied.
    ("hundredsecond", 20, (0.91, 0.86)),
    ("hundredfourth", 20, (0.87, 0.95)),
])
def test_real_news_batches_meet_floors(batch, articles, floors):
    """The real-news batches (tests/data/corpus/<batch>/SOURCES.md) stay where they are.
    `twentythird/`, `twentyfifth/`, `twentyeighth/`, `thirtieth/`, `thirtythird/`, `thirtyfifth/`, `thirtyseventh/`,
    `thirtyninth/`, `fortysecond/`, `fortythird/`, `fortyfifth/`, `fortyseventh/`, `fortyeighth/`, `fortyninth/`,
    `fiftieth/`, `fiftyfirst/`, `fiftysecond/`, `fiftythird/`, `fiftyfourth/`, `fiftyfifth/`, `fiftysixth/`, `fiftyseventh/`,
    `fiftyeighth/`, `fiftyninth/`, `sixtieth/`, `sixtyfirst/`, `sixtysecond/`, `sixtythird/`,
    `sixtyfourth/`, `sixtyfifth/`, `sixtysixth/`, `sixtyseventh/`, `sixtyeighth/`, `sixtyninth/`, `seventieth/`, `seventyfirst/`, `seventythird/`, `seventyfourth/`, `seventyseventh/`, `eightysecond/`, `eightyfifth/`, `eightyseventh/`, `eightyninth/`, `ninetyfirst/`, `ninetythird/`, `ninetyfifth/`, `ninetyseventh/`, `ninetyninth/`, `hundredfirst/`, `hundredthird/` and `hundredfifth/` have no floor on purpose: no change is made for them; they are scored to report how extraction generalises."""
    from defgraph.evaluate import ENTITY_TYPES, EVENT_TYPES

    report = evaluate_dir(CORPUS / batch)
    assert report.articles == articles
    entities, events = report.micro(ENTITY_TYPES).f1, report.micro(EVENT_TYPES).f1
    assert entities >= floors[0] and events >= floors[1], report.table()


def test_a_second_annotation_is_scored_against_the_first(tmp_path):
    """`eval --against`: another annotator's answers scored in place of extraction (agreement)."""
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "seed.txt")
    gold = json.loads((CORPUS / "seed_gold.json").read_text(encoding="utf-8"))
    (tmp_path / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    other = json.loads(json.dumps(gold))
    dropped = other["transfers"].pop()
    other_dir = tmp_path / "second"
    other_dir.mkdir()
    (other_dir / "seed.json").write_text(json.dumps(other), encoding="utf-8")
    report = evaluate_dir(tmp_path, against=other_dir)
    assert report.articles == 1
    t = report.by_type["transfers"]
    assert (t.tp, t.fp, t.fn) == (len(gold["transfers"]) - 1, 0, 1)
    assert all((s.fp, s.fn) == (0, 0) for k, s in report.by_type.items() if k != "transfers")
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--against", str(other_dir), "--details"])
    assert result.exit_code == 0, result.output
    assert f"transfers: missed ('{dropped['supplier']}', '{dropped['recipient']}'" in result.output


def test_two_blind_annotations_of_the_newest_batch_agree():
    """tests/data/agreement/twentythird: a second blind annotation of `twentythird/` by two other
    annotators. Scored against the first as extraction is, it gives the ceiling the extractor's
    figures on that batch stand beside (entities 0.981, events 0.938 when added)."""
    from defgraph.evaluate import ENTITY_TYPES, EVENT_TYPES

    report = evaluate_dir(CORPUS / "twentythird", against=CORPUS.parent / "agreement" / "twentythird")
    assert report.articles == 20
    assert report.micro(ENTITY_TYPES).f1 >= 0.97 and report.micro(EVENT_TYPES).f1 >= 0.93, report.table()


def test_a_second_annotation_missing_a_kind_counts_it_empty_and_is_not_for_story_lines(tmp_path):
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "seed.txt")
    gold = json.loads((CORPUS / "seed_gold.json").read_text(encoding="utf-8"))
    (tmp_path / "seed.json").write_text(json.dumps(gold), encoding="utf-8")
    other_dir = tmp_path / "second"
    other_dir.mkdir()
    (other_dir / "seed.json").write_text(json.dumps({k: v for k, v in gold.items() if k != "trainings"}),
                                         encoding="utf-8")
    report = evaluate_dir(tmp_path, against=other_dir)
    t = report.by_type["trainings"]
    assert (t.tp, t.fp, t.fn) == (0, 0, len(gold["trainings"]))
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--deals", "--against", str(other_dir)])
    assert result.exit_code == 2 and "--against" in result.output and "Traceback" not in result.output


def test_a_gold_country_is_known_by_any_name_the_country_table_gives_it():
    from defgraph.evaluate import evaluate_article

    gold = {"persons": [], "organizations": [], "equipment": [{"name": "patrol boats"}], "meetings": [],
            "agreements": [], "trainings": [], "countries": ["Portugal", "Cabo Verde"],
            "transfers": [{"supplier": "Portugal", "recipient": "Cabo Verde", "equipment": "patrol boats"}]}
    rows = {"persons": [], "organizations": [], "equipment": [{"name": "patrol boats"}], "meetings": [],
            "agreements": [], "trainings": [], "countries": [{"name": "Portugal"}, {"name": "Cape Verde"}],
            "transfers": [{"supplier": "Portugal", "recipient": "Cape Verde", "equipment": "patrol boats"}]}
    scores, _ = evaluate_article(None, gold, rows=rows)
    assert (scores["countries"].tp, scores["countries"].fp, scores["transfers"].tp) == (2, 0, 1)
    # two states the table writes with one name ("Congo") stay two where the annotator names both
    gold = dict(gold, countries=["Congo", "Democratic Republic of Congo"], transfers=[])
    rows = dict(rows, countries=[{"name": "Democratic Republic of the Congo"}], transfers=[])
    scores, _ = evaluate_article(None, gold, rows=rows)
    assert scores["countries"].tp + scores["countries"].fn == 2
