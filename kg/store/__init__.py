"""The dataset (ontology, asserted graph per document, inferred graph per document) behind
one small interface, wherever it lives:

    interface    Store: queries for the API and the command line, over worker processes or
                 a remote endpoint; Capacity: the workers' pools and limits
    requests     plain data between callers and workers (requests, formats, bound values)
    workers      the worker processes that evaluate SPARQL with pyoxigraph
    screen       a query's text looked at before parsing (updates, SERVICE, size, nesting)
    query_text   bound values written into query text, for stores that take no substitutions
    local        a store folder on disk (pyoxigraph's RocksDB): write, open read-only, lock
    remote       a remote SPARQL 1.1 store (Protocol and Graph Store Protocol)
    changes      what add and remove change, and the interface both store kinds implement
    staging      the hidden folders a store or dump folder is written into, then renamed
    ingest       add, replace and remove documents in a store
    build        a whole corpus streamed into a store folder
    dumps        the dump files of a dataset

Lower modules never import higher ones: requests and screen import nothing of the store;
interface sits on top of workers, local and remote.
"""

from .interface import Capacity, Store, default_workers
from .requests import (
    DEFAULT_TIMEOUT,
    GRAPH_FORMATS,
    Binding,
    NotAcceptable,
    Request,
    ResultFormats,
    SelectResult,
    encode_bindings,
)
from .screen import QueryLimits, QueryRefused, has_dataset_clause, looks_like_update
from .workers import WorkerPool

__all__ = [
    "DEFAULT_TIMEOUT", "GRAPH_FORMATS", "Binding", "Capacity", "NotAcceptable", "QueryLimits",
    "QueryRefused", "Request", "ResultFormats", "SelectResult", "Store", "WorkerPool",
    "default_workers", "encode_bindings", "has_dataset_clause", "looks_like_update",
]
