"""The graph of a corpus: extraction records as RDF (rdf), OWL 2 RL reasoning over them
(reason), and RDF terms converted between rdflib and pyoxigraph (terms)."""
