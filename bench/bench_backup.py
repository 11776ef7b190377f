"""Backup and restore benchmark: the demo station, then 10,000 records with 2,000 photos.

Run: python -m bench.bench_backup [--records N] [--photos N] [--skip-large]
Backup and restore run as the real CLI in a child process (real key derivation, real
fsyncs), so time and peak memory are those an officer's desk would see.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import write_import_file
from station_app.demo import DEMO_PASSWORD, DEMO_USER, ensure_demo

PASSPHRASE = "bench-backup-passphrase"
PASSWORD = "bench-pass-1"


def run_cli(home: Path, user: str, password: str, *args: str) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of that child process alone, and its stdout."""
    env = {
        **os.environ,
        "STATION_APP_HOME": str(home),
        "STATION_APP_USER": user,
        "STATION_APP_PASSWORD": password,
        "STATION_APP_BACKUP_PASSPHRASE": PASSPHRASE,
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "station_app", *args], env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            raise SystemExit(f"{args} failed: {err.read().decode()}")
        out.seek(0)
        return seconds, usage.ru_maxrss / 1024, out.read().decode().strip()


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def backup_and_restore(label: str, home: Path, user: str, password: str, work: Path) -> None:
    data_mb = folder_mb(home)
    overhead, _, _ = run_cli(home, user, password, "users", "list")
    target = work / f"{label}.msbackup"
    seconds, peak, _ = run_cli(home, user, password, "backup", "--to", str(target))
    size = target.stat().st_size / 1e6
    print(f"{label}: data folder {data_mb:.1f} MB")
    print(f"  (start-up and login alone, as `users list`: {overhead:.1f} s; each command")
    print("   below also derives the key from the passphrase: scrypt, 128 MiB)")
    print(f"  backup:  {seconds:5.1f} s, {size:.1f} MB file, peak RSS {peak:.0f} MB")
    seconds, peak, _ = run_cli(home, user, password, "restore", str(target), "--check-only")
    print(
        f"  check:   {seconds:5.1f} s (decrypt, every SHA-256, integrity check), "
        f"peak RSS {peak:.0f} MB"
    )
    fresh = work / f"{label}-new-desk"
    seconds, peak, _ = run_cli(fresh, user, password, "restore", str(target))
    print(f"  restore on a new desk: {seconds:5.1f} s, peak RSS {peak:.0f} MB")
    seconds, peak, _ = run_cli(home, user, password, "restore", str(target))
    print(f"  restore over itself (old data moved aside): {seconds:5.1f} s")


def bench_demo(work: Path) -> None:
    start = time.perf_counter()
    ensure_demo(work / "demo")
    print(f"(demo station made in {time.perf_counter() - start:.1f} s)")
    backup_and_restore("demo station", work / "demo", DEMO_USER, DEMO_PASSWORD, work)


def bench_large(work: Path, records: int, photos: int) -> None:
    path = write_import_file(work / "import", records, photos)
    home = work / "large"
    run_cli(
        home,
        "admin",
        PASSWORD,
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
    seconds, _, _ = run_cli(home, "admin", PASSWORD, "import", str(path))
    print(f"(imported {records} records, {photos} with a photo, in {seconds:.0f} s)")
    label = f"{records} records, {photos} photos"
    backup_and_restore(label, home, "admin", PASSWORD, work)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run_cli(Path(folder), "", "", "--version")  # warm-up: bytecode compiled, files cached
        bench_demo(Path(folder))
        if not args.skip_large:
            bench_large(Path(folder), args.records, args.photos)


if __name__ == "__main__":
    main()
