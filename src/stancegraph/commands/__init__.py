"""One module per `stancegraph` subcommand; each has `add_parser(subparsers)` and `run(args)`."""

COMMANDS = ("build", "add", "remove", "dump", "extract", "evaluate", "validate", "serve", "query",
            "network")
