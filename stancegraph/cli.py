"""The `stancegraph` command."""


def main() -> int:
    raise SystemExit("not yet")
