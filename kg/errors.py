"""Errors the command line reports as one line on stderr with exit code 2."""


class StancegraphError(Exception):
    """Bad input or a failed check: the message says what and where, in one line."""


class DocumentError(StancegraphError):
    """A file that cannot be read as a document."""


class ReasoningError(StancegraphError):
    """The reasoner found the data inconsistent with the ontology."""


class StoreError(StancegraphError):
    """A store that cannot be opened, read or written."""


class QueryError(StancegraphError):
    """A query that cannot be parsed, bound or run."""


class QueryStopped(QueryError):
    """A query stopped by a limit of the server (time, memory, capacity), not by its text."""


class QueryOverMemory(QueryStopped):
    """A query whose worker grew past its memory limit; the worker was replaced."""


class StoreBusy(QueryStopped):
    """Every worker is busy and the waiting line is full: try again shortly."""


class QueryTimeout(QueryStopped):
    """A query that ran past its time limit and was stopped."""
