"""The `station-app` command line: the same services the GUI calls.

Each module in COMMAND_MODULES adds its own subcommands; a command's handler takes the
open App and the parsed arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from station_app import __version__
from station_app.app import open_app
from station_app.cli import (
    audit_cmds,
    document_cmds,
    registers_cmds,
    report_cmds,
)
from station_app.cli.common import Handler
from station_app.errors import StationError

COMMAND_MODULES = [registers_cmds, audit_cmds, document_cmds, report_cmds]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station-app",
        description="Muskaan Station: registers of missing and found children.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", help="data folder (env STATION_APP_HOME)")
    parser.add_argument("--db", help="database URL (env STATION_APP_DB)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        app = open_app(args.home, args.db)
    except StationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        return handler(app, args)
    except StationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) has gone; nothing more to say
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted; nothing was changed", file=sys.stderr)
        return 130
    finally:
        app.close()
