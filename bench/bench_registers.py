"""Registers benchmark: import of 10,000 records (2,000 with a photo) and `list --json`.

Run: python -m bench.bench_registers [--records N] [--photos N] [--list-rows N]
Each measurement runs the real CLI in a child process, so peak memory is its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from sqlalchemy import insert

from bench.synthetic import missing_rows, write_import_file
from station_app.app import open_app
from station_app.db.models import MissingReport

PASSWORD = "bench-pass-1"


def run_cli(home: Path, *args: str) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of that child process alone, and its stdout."""
    env = {
        **os.environ,
        "STATION_APP_HOME": str(home),
        "STATION_APP_USER": "admin",
        "STATION_APP_PASSWORD": PASSWORD,
    }
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "station_app", *args],
            env=env,
            stdout=out,
            stderr=subprocess.PIPE,
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise SystemExit(
                f"{args} failed: {child.stderr.read().decode() if child.stderr else ''}"
            )
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read().decode()


def init(home: Path) -> None:
    run_cli(
        home,
        "init",
        "--station-code",
        "RTM01",
        "--station-name",
        "Bench",
        "--district",
        "Ratlam",
        "--state",
        "MP",
    )


def bench_import(work: Path, records: int, photos: int) -> None:
    path = write_import_file(work / "import", records, photos)
    size_mb = path.stat().st_size / 1e6
    home = work / "import-home"
    init(home)
    seconds, peak, out = run_cli(home, "import", str(path))
    print(
        f"import: {records} records ({photos} with a photo, {size_mb:.1f} MB JSONL) "
        f"in {seconds:.1f} s = {records / seconds:.0f} records/s; peak RSS {peak:.0f} MB"
    )
    print(f"  {out.strip()}")
    seconds, _, _ = run_cli(home, "import", str(path))
    print(f"re-import (all unchanged): {seconds:.1f} s")


def fill_missing(home: Path, rows: int) -> None:
    """A station set up in `home` with `rows` synthetic complaints, inserted in bulk."""
    init(home)
    app = open_app(str(home))
    generator = missing_rows(rows)
    with app.db.engine.begin() as connection:
        while chunk := list(islice(generator, 5000)):
            connection.execute(insert(MissingReport), chunk)
    app.close()


def bench_list(work: Path, rows: int) -> None:
    home = work / "list-home"
    fill_missing(home, rows)
    times = []
    for _ in range(3):
        seconds, peak, out = run_cli(home, "list", "missing", "--json")
        times.append(seconds)
    print(
        f"list missing --json over {rows} records: best {min(times):.2f} s, "
        f"worst {max(times):.2f} s (whole process, login included); "
        f"{len(out) / 1e6:.1f} MB of JSON; peak RSS {peak:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--list-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_import(Path(folder), args.records, args.photos)
        bench_list(Path(folder), args.list_rows)


if __name__ == "__main__":
    main()
