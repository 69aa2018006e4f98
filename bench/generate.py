"""Synthetic defence-cooperation articles (press releases, wire stories), deterministic from a seed.

Each article comes with its ground truth: the people, transfers, meetings, agreements and
trainings the templates put in. Names come from `bench/names.json`; countries, agencies and
equipment from defgraph's gazetteers. Only `random.Random(seed)` is used, so a seed gives the
same articles every time, and the first k of n articles are the k articles of seed.

    python bench/generate.py 1000 --seed 0 --out /tmp/articles          # dated .txt files
    python bench/generate.py 20000 --seed 1 --out /tmp/articles.jsonl   # JSON Lines
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from defgraph.articles import Article  # noqa: E402
from defgraph.resources import DATA_DIR  # noqa: E402

NAMES_FILE = Path(__file__).resolve().parent / "names.json"

__all__ = ["Truth", "generate_articles", "generate_with_truth", "iter_articles", "iter_with_truth",
           "write_articles", "format_dated_text"]


@dataclass
class Truth:
    """What the generator put in one article, by canonical names."""

    persons: list[tuple[str, str, str]] = field(default_factory=list)        # (name, role, country)
    transfers: list[tuple[str, str, str, str]] = field(default_factory=list)  # (supplier, recipient, equipment, status)
    meetings: list[frozenset[str]] = field(default_factory=list)             # participant person names
    agreements: list[tuple[frozenset[str], str]] = field(default_factory=list)  # (party agency names, kind)
    trainings: list[tuple[str, str, int]] = field(default_factory=list)      # (provider, trainee, count)


# --- the world the articles draw on --------------------------------------------------------------

CATEGORY_NOUNS = {
    "AirDefenseSystem": ("air {defence} systems", "air {defence} launchers"),
    "Aircraft": ("aircraft", "jets"),
    "Ammunition": ("rounds", "munitions"),
    "AntiTankWeapon": ("anti-tank systems", "anti-tank launchers"),
    "ArmoredVehicle": ("{armoured} vehicles", "{armoured} personnel carriers"),
    "Artillery": ("howitzers", "artillery systems"),
    "Drone": ("drones", "unmanned aerial vehicles"),
    "Helicopter": ("helicopters",),
    "Missile": ("missiles",),
    "Radar": ("radars", "radar systems"),
    "Ship": ("vessels", "ships"),
    "SmallArms": ("rifles", "weapons"),
    "Submarine": ("submarines",),
    "Tank": ("tanks", "main battle tanks"),
}
SPELLING = {"gb": {"defence": "defence", "armoured": "armoured", "programme": "programme",
                   "organisation": "organisation", "centre": "centre", "modernisation": "modernisation"},
            "us": {"defence": "defense", "armoured": "armored", "programme": "program",
                   "organisation": "organization", "centre": "center", "modernisation": "modernization"}}
DEFENCE_ROLE = {"United States": "Secretary of Defense", "United Kingdom": "Defence Secretary",
                "France": "Minister of the Armed Forces", "Poland": "Minister of National Defence"}
HEAD_ROLE = {"United Kingdom": "Prime Minister", "Canada": "Prime Minister", "Australia": "Prime Minister",
             "Japan": "Prime Minister", "Netherlands": "Prime Minister", "Belgium": "Prime Minister",
             "Denmark": "Prime Minister", "Norway": "Prime Minister", "Sweden": "Prime Minister",
             "Spain": "Prime Minister", "Italy": "Prime Minister", "Germany": "Chancellor"}
AGENCY_KINDS = {"Ministry", "GovernmentAgency", "StateEnterprise", "Company"}
THE_COUNTRIES = {"United States", "United Kingdom", "Netherlands", "Czech Republic"}
THE_WORDS = {"Ministry", "Department", "Directorate", "Federal", "State", "National", "General",
             "Defence", "Defense", "Office", "Agency", "Main", "Central", "Joint", "Royal", "Armed"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TOPICS = ("the supply of weapons and military equipment", "{defence}-industrial cooperation",
          "joint production projects", "air {defence} needs", "the training {programme}",
          "the implementation of NATO standards", "the situation on the front line",
          "the {modernisation} of the armed forces", "long-term security commitments")

NOISE = (
    "Officials stressed that the {defence} sector of both countries would benefit from closer "
    "cooperation, and that standardisation of procedures remained a priority.",
    "The statement also referred to the need to strengthen logistics, maintenance and repair "
    "capacity, which has become a bottleneck for many partners.",
    "Observers note that the volume of cooperation has grown steadily, although much of it is "
    "not made public for security reasons.",
    "Both sides agreed to keep in close contact and to meet again before the end of the year to "
    "review progress on all tracks.",
    "The ministry said the priorities for the coming months include air {defence}, ammunition "
    "and the protection of critical infrastructure.",
    "Particular attention was paid to the exchange of intelligence and to cyber {defence}.",
    "The parties also touched on the reform of the procurement system and on anti-corruption "
    "safeguards demanded by parliament.",
    "According to the press office, the talks took place in a constructive and friendly atmosphere.",
    "Experts warn that stockpiles in many European countries remain low after two years of "
    "sustained deliveries.",
    "The next round of consultations is expected to focus on interoperability and the "
    "{modernisation} of command and control.",
    "Several members of parliament have called for more transparency about the cost of the "
    "{programme}, which is funded from the {defence} budget.",
    "The ministry added that a working group would draw up a road map for the coming year.",
    "Diplomats described the visit as an important signal of unity at a difficult moment.",
    "Industry representatives took part in part of the discussion and presented their latest "
    "proposals for localised maintenance.",
    "The ministers also exchanged views on the outcome of the recent summit and on the "
    "preparation of the next one.",
    "Questions of financing were raised, including the use of joint European instruments.",
)


@dataclass(frozen=True)
class Country:
    name: str
    text: str          # as it reads mid-sentence: "the United Kingdom"
    demonym: str
    capital: str
    first: tuple[str, ...]
    last: tuple[str, ...]
    agencies: tuple[str, ...]


@dataclass(frozen=True)
class World:
    countries: tuple[Country, ...]
    equipment: tuple[tuple[str, str], ...]   # (name, category)


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def world() -> World:
    """The countries (with names and agencies) and equipment that articles are made of."""
    names = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    gaz = {r["name"]: r for r in _read_csv("countries.csv")}
    agencies: dict[str, list[str]] = {}
    for r in _read_csv("organizations.csv"):
        if r["kind"] in AGENCY_KINDS and r["country"] in names:
            agencies.setdefault(r["country"], []).append(r["name"])
    countries = []
    for cname, lists in names.items():
        if cname.startswith("_"):
            continue
        row = gaz[cname]  # a KeyError here means names.json names a country the gazetteer lacks
        countries.append(Country(cname, ("the " if cname in THE_COUNTRIES else "") + cname,
                                 row["demonyms"].split("|")[0], row["capitals"].split("|")[0],
                                 tuple(lists["first"]), tuple(lists["last"]),
                                 tuple(agencies.get(cname, ()))))
    equipment = tuple((r["name"], r["category"]) for r in _read_csv("equipment.csv")
                      if r["category"] in CATEGORY_NOUNS)
    return World(tuple(countries), equipment)


def number_words(n: int) -> str:
    """An English number name for 1 ≤ n < 1,000,000."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + (" and " + number_words(rest) if rest else "")
    rest = n % 1000
    return number_words(n // 1000) + " thousand" + (" " + number_words(rest) if rest else "")


def _the(agency: str) -> str:
    """`the Ministry of Defence`, but `Hyundai Rotem`."""
    return "the " + agency if agency.split()[0] in THE_WORDS else agency


# --- one article ---------------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    role: str
    country: Country


class _Writer:
    """Builds one article's paragraphs and truth from one random stream."""

    def __init__(self, rng: random.Random, w: World) -> None:
        self.rng, self.w = rng, w
        self.sp = SPELLING[rng.choice(("gb", "us"))]
        self.truth = Truth()
        self.used_names: set[str] = set()
        self.used_noise: set[int] = set()

    def s(self, template: str, **kw: str) -> str:
        """Fill a template, with this article's spelling."""
        return template.format(**self.sp, **kw)

    def person(self, c: Country, head: bool = False) -> Person:
        rng = self.rng
        while True:
            name = f"{rng.choice(c.first)} {rng.choice(c.last)}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        role = HEAD_ROLE.get(c.name, "President") if head else DEFENCE_ROLE.get(c.name, "Minister of Defence")
        if role not in ("Secretary of Defense", "Defence Secretary"):
            role = role.replace("Defence", self.sp["defence"].capitalize())
        self.truth.persons.append((name, role, c.name))
        return Person(name, role, c)

    def surname(self, p: Person) -> str:
        return p.name.split(" ", 1)[1]

    def count(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        return number_words(n) if n <= 20 and self.rng.random() < 0.6 else str(n)

    def items(self, k: int) -> tuple[str, list[str]]:
        """`k` pieces of equipment as 'N name noun' phrases, and their names."""
        picks = self.rng.sample(self.w.equipment, k)
        phrases, names = [], []
        for name, cat in picks:
            noun = self.s(self.rng.choice(CATEGORY_NOUNS[cat]))
            phrases.append(f"{self.count(2, 60)} {name} {noun}")
            names.append(name)
        text = phrases[0] if k == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]
        return text, names

    # paragraphs ---------------------------------------------------------------------------------
    def meeting(self, a: Person, b: Person, when: datetime) -> str:
        rng = self.rng
        topic = self.s(rng.choice(TOPICS))
        day = WEEKDAYS[when.weekday()]
        date = f"{when.day} {MONTHS[when.month - 1]}"
        templates = (
            "{ra} of {ca} {a} and {rb} of {cb} {b} discussed {topic} during a meeting in {city} on "
            "{day}, the press service of the ministry reported.",
            "{ca}'s {ra} {a} held a phone call with {rb} of {cb} {b} on {date}, focusing on {topic}.",
            "{a}, the {ra} of {ca}, met {rb} {b} of {cb} in {city} on {day} to discuss {topic}.",
            "{ra} {a} of {ca} and {db} {rb} {b} held talks in {city} on {date}, where they discussed {topic}.",
        )
        follow = rng.choice((
            " {sb} thanked the people of {ca} for their continued support.",
            " It was the second time the two had met this year.",
            " {sa} briefed {sb} on the results of recent consultations with allies.",
            " The sides agreed on the next steps and on a schedule of further contacts.",
        ))
        self.truth.meetings.append(frozenset((a.name, b.name)))
        return (rng.choice(templates) + follow).format(sa=self.surname(a), sb=self.surname(b),
            ra=a.role, a=a.name, ca=a.country.text, rb=b.role, b=b.name, cb=b.country.text,
            db=b.country.demonym, city=rng.choice((a.country.capital, b.country.capital)),
            day=day, date=date, topic=topic)

    def transfer(self, sup: Country, rec: Country, speaker: Person) -> str:
        rng = self.rng
        status = rng.choice(("delivered", "delivered", "pledged", "pledged", "ordered", "discussed"))
        items, names = self.items(rng.choice((1, 1, 2, 3)))
        sn = self.surname(speaker)
        templates = {
            "delivered": ("{s} has already delivered {items} to {r}, {sn} said.",
                          "According to {sn}, {s} has handed over {items} to {r} since the start of the year.",
                          "It is reported that {s} has already provided {r} with {items}."),
            "pledged": ("{s} will send {items} to {r} in the coming weeks, {sn} announced.",
                        "{sn} confirmed that {s} would supply {r} with {items} as part of a new package.",
                        "{s} has pledged to provide {items} to {r}, the ministry said."),
            "ordered": ("{r} has ordered {items} from {s}, {sn} told reporters.",
                        "{r} signed a contract to purchase {items} from {s}, the ministry said."),
            "discussed": ("{sn} said the two sides discussed the possible supply of {items} from {s} to {r}.",
                          "The possible transfer of {items} from {s} to {r} was also discussed, {sn} added."),
        }[status]
        for name in names:
            self.truth.transfers.append((sup.name, rec.name, name, status))
        return rng.choice(templates).format(s=sup.text, r=rec.text, items=items, sn=sn)

    def training(self, prov: Country, trainee: Country) -> str:
        rng = self.rng
        n = rng.choice((rng.randint(20, 400), rng.randint(1, 40) * 100, rng.randint(2, 12) * 1000))
        shown = number_words(n) if rng.random() < 0.4 else (f"{n:,}" if rng.random() < 0.5 else str(n))
        who = rng.choice(("soldiers", "servicemen", "military personnel", "pilots", "troops"))
        templates = (
            "More than {n} {d} {who} have been trained in {p} since the beginning of the {programme}.",
            "{p} has trained {n} {d} {who} this year, and the training will continue at the same pace.",
            "Instructors from {p} trained {n} {d} {who} on {western} equipment.",
        )
        self.truth.trainings.append((prov.name, trainee.name, n))
        return rng.choice(templates).format(n=shown, d=trainee.demonym, who=who, p=prov.text,
                                            western="Western", programme=self.sp["programme"])

    def agreement(self, a: str, b: str) -> str:
        rng = self.rng
        kind, template = rng.choice((
            ("memorandum", "A memorandum of understanding was signed between {a} and {b}, creating a "
                           "framework for future contracts."),
            ("memorandum", "In addition, {a} and {b} signed a memorandum on cooperation in the "
                           "development of joint high-tech projects."),
            ("contract", "{a} and {b} signed a contract covering maintenance and spare parts."),
            ("agreement", "{a} and {b} also signed an agreement on the joint production of ammunition."),
        ))
        self.truth.agreements.append((frozenset((a, b)), kind))
        text = template.format(a=_the(a), b=_the(b))
        return text[0].upper() + text[1:]

    def quote(self, p: Person) -> str:
        rng = self.rng
        q = rng.choice((
            "We will stand with our partners for as long as it takes",
            "This is a long-term commitment, not a one-off gesture",
            "Our industry must produce more, and faster",
            "Every contribution brings peace in Europe closer",
            "We have learned a great deal from each other over the past months",
            "The security of our region depends on the decisions we take now",
        ))
        rest = rng.choice((
            " Further details will be announced once the work is complete.",
            " The ministry did not give a timetable.",
            " Officials said more would be discussed at the next ministerial meeting in the autumn.",
            " Analysts expect the pace of cooperation to increase next year.",
        ))
        return f"\"{q},\" {self.surname(p)} said.{rest}"

    def noise(self) -> str:
        """Two filler sentences not used before in this article (no events in them)."""
        fresh = [i for i in range(len(NOISE)) if i not in self.used_noise]
        picks = self.rng.sample(fresh, min(2, len(fresh)))
        self.used_noise.update(picks)
        return " ".join(self.s(NOISE[i]) for i in picks)


def _article(rng: random.Random, w: World) -> tuple[Article, Truth]:
    wr = _Writer(rng, w)
    ca, cb = rng.sample(w.countries, 2)
    if rng.random() < 0.5:  # most stories in the genre are about one recipient country
        ukraine = next((c for c in w.countries if c.name == "Ukraine"), None)
        if ukraine is not None and ca is not ukraine:
            cb = ukraine
    sup, rec = ca, cb
    published = datetime(2022, 1, 1) + timedelta(days=rng.randint(0, 4 * 365),
                                                 minutes=rng.randint(6 * 60, 22 * 60))
    a = wr.person(sup, head=rng.random() < 0.2)
    b = wr.person(rec, head=rng.random() < 0.2)
    paras = [wr.meeting(a, b, published - timedelta(days=rng.randint(0, 3)))]
    paras.append(wr.quote(rng.choice((a, b))))
    paras.append(wr.transfer(sup, rec, rng.choice((a, b))))
    if rng.random() < 0.5:
        paras.append(wr.noise())
    if rng.random() < 0.6:
        paras.append(wr.training(sup, rec))
    if sup.agencies and rec.agencies and rng.random() < 0.5:
        paras.append(wr.agreement(rng.choice(sup.agencies), rng.choice(rec.agencies)))
    if rng.random() < 0.5:
        paras.append(wr.transfer(sup, rec, rng.choice((a, b))))
    paras.append(wr.quote(rng.choice((a, b))))
    while sum(len(p.split()) for p in paras) < 270 and len(wr.used_noise) < len(NOISE) - 1:
        paras.insert(rng.randint(1, len(paras)), wr.noise())
    title = wr.s(rng.choice((
        "{a}, {b} discuss further {defence} cooperation",
        "{a} and {b} ministers review military aid",
        "{dem} {defence} chief holds talks with {bdem} counterpart",
        "{b} and {a} step up military-technical cooperation",
    )), a=sup.name, b=rec.name, dem=sup.demonym, bdem=rec.demonym)
    body = "\n\n".join(p[0].upper() + p[1:] for p in paras)
    return Article(title=title, body=body, published=published), wr.truth


# --- public API ----------------------------------------------------------------------------------

def iter_with_truth(n: int, seed: int = 0) -> Iterator[tuple[Article, Truth]]:
    """`n` articles and what each states, deterministic from `seed`."""
    rng = random.Random(seed)
    w = world()
    for _ in range(n):
        yield _article(rng, w)


def generate_with_truth(n: int, seed: int = 0) -> list[tuple[Article, Truth]]:
    """`n` articles and what each states, deterministic from `seed`."""
    return list(iter_with_truth(n, seed))


def iter_articles(n: int, seed: int = 0) -> Iterator[Article]:
    """`n` synthetic articles, deterministic from `seed`, one at a time."""
    return (article for article, _ in iter_with_truth(n, seed))


def generate_articles(n: int, seed: int = 0) -> list[Article]:
    """`n` synthetic articles, deterministic from `seed`."""
    return list(iter_articles(n, seed))


def format_dated_text(article: Article) -> str:
    """The seed's format: `HH:MM DD.MM.YYYY`, blank line, title, blank line, paragraphs."""
    assert article.published is not None
    return f"{article.published:%H:%M %d.%m.%Y}\n\n{article.title}\n\n{article.body}\n"


def write_articles(articles: Iterator[Article] | list[Article], out: str | Path) -> list[Path]:
    """Write articles as JSON Lines (`out` ending in .jsonl) or as dated .txt files in folder `out`."""
    out = Path(out)
    if out.suffix.lower() in {".jsonl", ".ndjson"}:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            for a in articles:
                record = {"title": a.title, "date": a.published.isoformat() if a.published else None,
                          "body": a.body}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, a in enumerate(articles):
        path = out / f"synthetic-{i:06d}.txt"
        path.write_text(format_dated_text(a), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True, help="a folder (dated .txt files) or a .jsonl file")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be ≥ 0")
    paths = write_articles(iter_articles(args.n, args.seed), args.out)
    print(f"wrote {args.n} articles to {args.out} ({len(paths)} file(s))", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
