"""The bundled corpus (data package)."""
