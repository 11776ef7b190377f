"""The command table names exactly the commands each module adds, so lazy loading finds
every command, and running one command does not import the others' heavy libraries."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from station_app.cli import COMMAND_MODULES, command_name, modules_for


@pytest.mark.parametrize("module", list(COMMAND_MODULES))
def test_the_table_lists_what_each_module_adds(module: str) -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    importlib.import_module(f"station_app.cli.{module}").add_commands(commands)
    assert tuple(commands.choices) == COMMAND_MODULES[module]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["list", "missing"], "list"),
        (["--home", "h", "--db", "x", "show", "R"], "show"),
        (["--home", "list"], None),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_is_found_among_global_options(argv: list[str], command: str | None) -> None:
    assert command_name(argv) == command


def test_an_unknown_command_loads_every_module_so_argparse_can_list_them() -> None:
    assert modules_for("nonsense") == list(COMMAND_MODULES)
    assert modules_for("handover") == ["document_cmds"]


def test_listing_does_not_load_pdf_crypto_or_face_libraries() -> None:
    code = (
        "import sys; from station_app.cli import build_parser, modules_for; "
        "build_parser(modules_for('list')); "
        "print(sorted(m for m in ('reportlab', 'dlib', 'numpy', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout  # fmt: skip
    assert out.strip() == "[]"


def test_listing_does_not_load_the_importer() -> None:
    """`list --json` over 100,000 records is timed with its start-up (issue #2)."""
    code = (
        "import sys; from station_app.cli import build_parser, modules_for; "
        "build_parser(modules_for('list')); "
        "print(sorted(m for m in ('station_app.importing.service', "
        "'station_app.services.registers', 'station_app.services.maintenance') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout  # fmt: skip
    assert out.strip() == "[]"
