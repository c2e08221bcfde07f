"""stancegraph: actor–position knowledge graphs from foreign-policy commentary."""
__version__ = "0.1.0"
