"""Named SPARQL queries (data package)."""
