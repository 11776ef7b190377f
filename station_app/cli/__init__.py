"""The `station-app` command line: the same services the GUI calls.

Each module named in COMMAND_MODULES adds its own subcommands; a command's handler takes
the open App and the parsed arguments and returns the exit status. Only the module of the
command being run is imported (the others pull in PDF, crypto and face libraries, which
would cost every command a second at start); `--help` alone imports them all.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from station_app import __version__
from station_app.app import open_app
from station_app.cli.common import Handler, ask_station_passphrase
from station_app.encryption.errors import PassphraseRequired
from station_app.environment_errors import describe
from station_app.errors import StationError

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "registers_cmds": ("init", "import", "list", "show", "check"),
    "audit_cmds": ("audit",),
    "report_cmds": ("report",),
    "matching_cmds": ("match", "faces"),
    "document_cmds": ("handover", "poster", "verify-document", "signing-key"),
    "sync_cmds": ("keys", "export", "hq", "pfif"),
    "admin_cmds": ("users", "passwd", "backup", "restore"),
    "encryption_cmds": ("encrypt", "passphrase"),
}
GLOBAL_OPTIONS_WITH_VALUES = ("--home", "--db")


def command_name(argv: Sequence[str]) -> str | None:
    """The subcommand in `argv`: its first word that is not a global option or its value."""
    words = iter(argv)
    for word in words:
        if word in GLOBAL_OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def modules_for(command: str | None) -> list[str]:
    chosen = [name for name, commands in COMMAND_MODULES.items() if command in commands]
    return chosen or list(COMMAND_MODULES)


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="station-app",
        description="Muskaan Station: registers of missing and found children.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", help="data folder (env STATION_APP_HOME)")
    parser.add_argument("--db", help="database URL (env STATION_APP_DB)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in modules if modules is not None else COMMAND_MODULES:
        importlib.import_module(f"station_app.cli.{name}").add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(modules_for(command_name(words))).parse_args(words)
    handler: Handler = args.handler
    try:
        try:
            app = open_app(args.home, args.db)
        except PassphraseRequired as needed:
            app = open_app(args.home, args.db, ask_station_passphrase(needed))
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
    except Exception as error:
        trouble = describe(error)  # a full disk, a locked database: not a bug to dump
        if trouble is None:
            raise
        print(f"error: {trouble}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted; nothing was changed", file=sys.stderr)
        return 130
    finally:
        app.close()
