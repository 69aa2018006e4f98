"""A deterministic synthetic graph in defgraph's data shape, of any size (for tests and benches)."""

from __future__ import annotations

import random

from ..namespaces import DG, Minter

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_TITLE = "http://purl.org/dc/terms/title"
_ISSUED = "http://purl.org/dc/terms/issued"
_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
AGENCY_CLASSES = ("Ministry", "GovernmentAgency", "Company", "ArmedForces", "StateEnterprise")
EQUIPMENT_CLASSES = ("AirDefenseSystem", "Artillery", "Tank", "Drone", "Missile", "Aircraft")


def _lit(text: str, datatype: str | None = None) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{esc}"' + (f"^^<{datatype}>" if datatype else "")


def synthetic_nquads(n_entities: int, *, seed: int = 0, base: str = "http://127.0.0.1:8080/") -> bytes:
    """N-Quads of `n_entities` entities (countries, agencies, people, equipment) and events
    (transfers, meetings, agreements) between them, spread over articles in 2022–2024."""
    rng = random.Random(seed)
    m = Minter(base)
    quads: list[str] = []
    ent = f"<{m.entities_graph}>"

    def q(s: str, p: str, o: str, g: str) -> None:
        quads.append(f"<{s}> <{p}> {o} {g} .")

    n_country = max(2, n_entities // 20)
    n_agency = max(1, n_entities // 5)
    n_equipment = max(1, (n_entities * 3) // 10)
    n_person = max(0, n_entities - n_country - n_agency - n_equipment)
    entities: dict[str, list[str]] = {"country": [], "agency": [], "person": [], "equipment": []}
    for kind, count in (("country", n_country), ("agency", n_agency), ("person", n_person),
                        ("equipment", n_equipment)):
        for i in range(count):
            iri = m.iri(kind, f"{kind}-{i}")
            entities[kind].append(iri)
            cls = {"country": "Country", "person": "Person",
                   "agency": AGENCY_CLASSES[i % len(AGENCY_CLASSES)],
                   "equipment": EQUIPMENT_CLASSES[i % len(EQUIPMENT_CLASSES)]}[kind]
            q(iri, _RDF, f"<{DG[cls]}>", ent)
            q(iri, _LABEL, _lit(f"{kind.title()} {i}"), ent)
            if i % 3 == 0:
                q(iri, _ALT, _lit(f"{kind[:3].upper()}{i}"), ent)
    n_articles = max(1, n_entities // 10)
    for a in range(n_articles):
        art = m.iri("article", f"a{a}")
        g = f"<{art}>"
        day = 1 + a % 28
        month = 1 + (a // 28) % 12
        year = 2022 + (a // 336) % 3
        q(art, _RDF, f"<{DG.Article}>", g)
        q(art, _TITLE, _lit(f"Article {a}"), g)
        q(art, _ISSUED, _lit(f"{year}-{month:02d}-{day:02d}T09:00:00", _DATETIME), g)
        mentioned: set[str] = set()

        def event(cls: str, links: list[tuple[str, str]], sentence: str, k: int) -> None:
            ev = m.iri(cls.lower(), f"a{a}-e{k}")
            q(ev, _RDF, f"<{DG[cls]}>", g)
            q(ev, str(DG.mentionedIn), f"<{art}>", g)
            q(ev, str(DG.evidence), _lit(sentence), g)
            for p, o in links:
                q(ev, str(DG[p]), f"<{o}>", g)
                mentioned.add(o)
        sup, rec = rng.sample(entities["country"], 2)
        eq = rng.choice(entities["equipment"])
        event("Transfer", [("supplier", sup), ("recipient", rec), ("equipment", eq)],
              f"{sup} sends {eq} to {rec}.", 0)
        q(m.iri("transfer", f"a{a}-e0"), str(DG.status), f"<{DG.pledged}>", g)
        for k in range(1, 4):
            people = rng.sample(entities["person"], min(2, len(entities["person"])))
            if len(people) == 2:
                event("Meeting", [("participant", p) for p in people], "They met.", k)
        parties = rng.sample(entities["agency"], min(2, len(entities["agency"])))
        if len(parties) == 2:
            event("Agreement", [("party", p) for p in parties], "They signed.", 4)
        # everyone in this article's slice is mentioned, so every entity is in some article
        for kind, items in entities.items():
            for iri in items[a::n_articles]:
                mentioned.add(iri)
        for iri in sorted(mentioned):
            q(iri, str(DG.mentionedIn), f"<{art}>", g)
            if "/person/" in iri:
                q(iri, str(DG.memberOf), f"<{rng.choice(entities['agency'])}>", g)
                q(iri, str(DG.role), _lit("Minister of Defence"), g)
            if "/agency/" in iri:
                q(iri, str(DG.agencyCountry), f"<{rng.choice(entities['country'])}>", g)
    for iri in entities["equipment"]:
        q(iri, str(DG.origin), f"<{rng.choice(entities['country'])}>", ent)
    return ("\n".join(quads) + "\n").encode("utf-8")
