"""Ontology files (data package)."""
