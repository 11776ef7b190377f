"""Keeping the translation catalogues in step with the code (a developer's tool).

    python -m station_app.ui.i18n_tools          # lupdate the .ts, then lrelease the .qm

`lupdate` collects every string marked in station_app/ui into i18n/muskaan_hi.ts,
keeping the translations already there; `lrelease` compiles each .ts to the .qm
the app loads. The .qm files are committed, so the app needs neither tool.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from station_app.ui.i18n import CATALOGUE_DIR

UI_DIR = Path(__file__).parent
APP_CATALOGUES = ("muskaan_hi.ts",)
BASE_CATALOGUES = ("qtbase_hi.ts",)


@dataclass(frozen=True, slots=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def tool(name: str) -> str:
    """The path of pyside6-<name> (next to the running Python, else on PATH)."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} is not installed (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI_DIR.glob("*.py") if p.name != Path(__file__).name)


def update_ts(target: Path, *, no_obsolete: bool = True) -> None:
    """Run lupdate over the GUI's modules into `target` (which may be a copy)."""
    command = [tool("lupdate"), *map(str, sources()), "-locations", "none", "-ts", str(target)]
    command.append("-silent")
    if no_obsolete:
        command.insert(1, "-no-obsolete")
    subprocess.run(command, check=True, capture_output=True)


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def read_messages(ts_file: Path) -> list[Message]:
    root = ET.parse(ts_file).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None:
                messages.append(Message(name, source, "", False))
                continue
            forms = [f.text or "" for f in node.iter("numerusform")]
            text = " | ".join(forms) if forms else (node.text or "")
            kind = node.get("type", "")
            finished = kind not in ("unfinished", "vanished", "obsolete") and bool(text.strip())
            if forms:
                finished = finished and all(f.strip() for f in forms)
            if kind not in ("vanished", "obsolete"):
                messages.append(Message(name, source, text, finished))
    return messages


def release_all() -> list[Path]:
    written = []
    for name in (*APP_CATALOGUES, *BASE_CATALOGUES):
        ts_file = CATALOGUE_DIR / name
        qm_file = ts_file.with_suffix(".qm")
        release(ts_file, qm_file)
        written.append(qm_file)
    return written


def main() -> int:
    for name in APP_CATALOGUES:
        update_ts(CATALOGUE_DIR / name)
    for qm_file in release_all():
        print(f"wrote {qm_file}")
    unfinished = [
        m
        for name in (*APP_CATALOGUES, *BASE_CATALOGUES)
        for m in read_messages(CATALOGUE_DIR / name)
        if not m.finished
    ]
    for message in unfinished:
        print(f"untranslated: [{message.context}] {message.source!r}")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
