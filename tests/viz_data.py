"""Hand-written graphs in defgraph's data shape for the graph-view tests, one with hostile text."""

from __future__ import annotations

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'

# Two articles (2023-09-29 and 2024-03-01). The second one's title, an entity's name and alias,
# and an evidence sentence carry markup that must never run.
VIZ_TRIG = r"""
@prefix dg: <https://w3id.org/defgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <http://127.0.0.1:8080/id/> .

<http://127.0.0.1:8080/graph/entities> {
  id:country\/france a dg:Country ; rdfs:label "France" ; dg:isoCode "FR" .
  id:country\/ukraine a dg:Country ; rdfs:label "Ukraine" ; dg:isoCode "UA" .
  id:equipment\/samp-t a dg:AirDefenseSystem ; rdfs:label "SAMP/T" ; dg:origin id:country\/france .
  id:person\/umerov a dg:Person ; rdfs:label "Rustem Umerov" .
  id:person\/lecornu a dg:Person ; rdfs:label "Sébastien Lecornu" .
  id:agency\/mod-ua a dg:Ministry ; rdfs:label "Ministry of Defence of Ukraine" .
  id:agency\/dga a dg:GovernmentAgency ; rdfs:label "Directorate General for Armaments" .
  id:person\/evil a dg:Person ; rdfs:label "Mallory <script>window.__xss=1</script>" .
}

id:article\/a1 {
  id:article\/a1 a dg:Article ; dcterms:title "Ukraine and France agree on air defence" ;
      dcterms:issued "2023-09-29T10:00:00"^^xsd:dateTime .
  id:country\/france dg:mentionedIn id:article\/a1 .
  id:country\/ukraine dg:mentionedIn id:article\/a1 .
  id:equipment\/samp-t dg:mentionedIn id:article\/a1 .
  id:person\/umerov dg:mentionedIn id:article\/a1 ; skos:altLabel "Umerov" ; dg:role "Minister of Defence" ;
      dg:memberOf id:agency\/mod-ua ; dg:nationality id:country\/ukraine .
  id:person\/lecornu dg:mentionedIn id:article\/a1 ; skos:altLabel "Lecornu" ; dg:role "Minister of the Armed Forces" ;
      dg:nationality id:country\/france .
  id:agency\/mod-ua dg:mentionedIn id:article\/a1 ; dg:agencyCountry id:country\/ukraine .
  id:agency\/dga dg:mentionedIn id:article\/a1 ; dg:acronym "DGA" ; dg:agencyCountry id:country\/france .
  id:transfer\/t1 a dg:Transfer ; rdfs:label "France → Ukraine: SAMP/T (pledged)" ;
      dg:supplier id:country\/france ; dg:recipient id:country\/ukraine ;
      dg:equipment id:equipment\/samp-t ; dg:status dg:pledged ;
      dg:evidence "France will send a second SAMP/T battery to Ukraine." ;
      dg:mentionedIn id:article\/a1 .
  id:meeting\/m1 a dg:Meeting ; rdfs:label "meeting: Rustem Umerov – Sébastien Lecornu" ;
      dg:participant id:person\/umerov, id:person\/lecornu ; dg:date "2023-09-29"^^xsd:date ;
      dg:evidence "Umerov met Lecornu in Kyiv." ; dg:mentionedIn id:article\/a1 .
  id:agreement\/g1 a dg:Agreement ; rdfs:label "memorandum: Ministry of Defence of Ukraine – Directorate General for Armaments" ;
      dg:party id:agency\/mod-ua, id:agency\/dga ; dg:agreementKind "memorandum" ;
      dg:evidence "The ministry and the DGA signed a memorandum." ; dg:mentionedIn id:article\/a1 .
}

id:article\/a2 {
  id:article\/a2 a dg:Article ;
      dcterms:title "Leak <script>window.__xss=1</script> and <img src=x onerror=\"window.__xss=2\">" ;
      dcterms:issued "2024-03-01T08:00:00"^^xsd:dateTime .
  id:person\/evil dg:mentionedIn id:article\/a2 ; skos:altLabel "<img src=x onerror=\"window.__xss=2\">" ;
      dg:role "<b>spy</b>" .
  id:person\/umerov dg:mentionedIn id:article\/a2 .
  id:meeting\/m2 a dg:Meeting ; rdfs:label "meeting: Mallory – Rustem Umerov" ;
      dg:participant id:person\/evil, id:person\/umerov ;
      dg:evidence "Mallory <script>window.__xss=1</script> met Umerov <img src=x onerror=\"window.__xss=2\"> \u2028 at night." ;
      dg:mentionedIn id:article\/a2 .
}
"""

ALL_ENTITIES = 8    # 2 countries, 1 equipment, 3 persons, 2 agencies


def load_viz_store(path, base: str = "http://127.0.0.1:8080/"):
    """An on-disk store (read-write) holding VIZ_TRIG."""
    from defgraph.store import OxigraphStore

    store = OxigraphStore(path, base_iri=base)
    store.load(VIZ_TRIG.encode("utf-8"), "trig")
    store.flush()
    return store
