"""Encryption at rest: what it costs a desk. `list missing --json` over 100,000 records
in the clear and encrypted, the import of 1,000 records with 500 photos both ways, the
conversion of that station, and unlocking the key.

Run: python -m bench.bench_encryption [--list-rows N] [--records N] [--photos N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.bench_registers import fill_missing, init, run_cli
from bench.synthetic import write_import_file
from station_app.encryption import keyfile

PASSPHRASE = "bench station passphrase"


def _list_times(home: Path) -> tuple[float, float]:
    times = [run_cli(home, "list", "missing", "--json")[0] for _ in range(3)]
    return min(times), max(times)


def bench_list(work: Path, rows: int) -> None:
    plain = work / "plain"
    fill_missing(plain, rows)
    encrypted = work / "encrypted"
    shutil.copytree(plain, encrypted)
    seconds, _, _ = run_cli(encrypted, "encrypt")
    print(f"encrypt a station of {rows} records (no photos): {seconds:.1f} s whole command")
    best, worst = _list_times(plain)
    print(
        f"list missing --json, {rows} records, in the clear: best {best:.2f} s, worst {worst:.2f} s"
    )
    best, worst = _list_times(encrypted)
    print(
        f"list missing --json, {rows} records, encrypted:    best {best:.2f} s, worst {worst:.2f} s"
    )


def bench_import(work: Path, records: int, photos: int) -> None:
    source = write_import_file(work / "import", records, photos)
    for label, encrypt in (("in the clear", False), ("encrypted", True)):
        home = work / f"import-{label.split()[-1]}"
        init(home)
        if encrypt:
            run_cli(home, "encrypt")
        seconds, _, _ = run_cli(home, "import", str(source))
        print(f"import {records} records, {photos} photos, {label}: {seconds:.1f} s")
    plain = work / "import-clear"
    seconds, _, out = run_cli(plain, "encrypt")
    print(f"encrypt that station in the clear (database + photo files): {seconds:.1f} s")
    print(f"  {out.strip()}")


def bench_unlock(work: Path) -> None:
    home = work / "encrypted"
    times = []
    for _ in range(5):
        start = time.perf_counter()
        keyfile.unlock(home, PASSPHRASE)
        times.append(time.perf_counter() - start)
    print(f"unlock the station key (scrypt, 128 MiB): median {sorted(times)[2] * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--list-rows", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000)
    parser.add_argument("--photos", type=int, default=500)
    args = parser.parse_args()
    os.environ["STATION_APP_PASSPHRASE"] = PASSPHRASE
    with tempfile.TemporaryDirectory() as folder:
        bench_list(Path(folder), args.list_rows)
        bench_unlock(Path(folder))
        bench_import(Path(folder), args.records, args.photos)


if __name__ == "__main__":
    main()
