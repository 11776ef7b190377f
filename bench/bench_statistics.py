"""Statistics benchmark: the monthly report over 1,000,000 missing reports on SQLite.

Run: python -m bench.bench_statistics [--rows N] [--keep FOLDER]
Rows are generated with SQLAlchemy Core bulk inserts (executemany of dicts in chunks),
not through the services. The report is timed through the same service the CLI and
GUI call (figures, audit entry and all), for a nine-month period like a press note
and for the whole span of the register, and each query group is timed on its own.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from station_app.app import App, open_app
from station_app.db.base import utcnow
from station_app.db.models import FoundChild, MissingReport
from station_app.services import station
from station_app.services.statistics import export_csv, monthly_report
from station_app.statistics.found_counts import found_by_month
from station_app.statistics.missing_counts import registered_cells, traced_cells
from station_app.statistics.pending import pending_at_month_ends
from station_app.statistics.period import Period
from station_app.statistics.trace_times import days_to_trace_by_month

FIRST_DAY = datetime(2021, 1, 1)
SPAN_MINUTES = int((datetime(2026, 10, 1) - FIRST_DAY).total_seconds() // 60)
CHUNK = 10_000
PASSWORD = "bench-pass-1"


def registration_minutes(count: int, rng: random.Random, shuffled: bool) -> list[int]:
    """Minutes after FIRST_DAY at which each report was registered, in storage order.

    A register grows as cases come in, so its rows are stored roughly in order of
    registration; `shuffled` stores them in random order (the worst case for reads
    that follow the date index).
    """
    minutes = [rng.randrange(SPAN_MINUTES) for _ in range(count)]
    if not shuffled:
        minutes.sort()
    return minutes


def missing_rows(count: int, shuffled: bool = False, seed: int = 3) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    now = utcnow()
    for index, minute in enumerate(registration_minutes(count, rng, shuffled)):
        registered = FIRST_DAY + timedelta(minutes=minute)
        roll = rng.random()
        traced = registered + timedelta(days=rng.expovariate(1 / 40)) if roll < 0.7 else None
        status = "traced" if traced else ("closed" if roll < 0.75 else "open")
        yield {
            "id": f"m{index:09d}",
            "station_code": "RTM01",
            "case_number": f"RTM01/{registered.year}/M/{index:07d}",
            "ref": f"FIR {index}",
            "sex": rng.choice(("male", "female", "female", "female", "unknown")),
            "age_years": float(rng.randint(1, 17)) if rng.random() < 0.9 else None,
            "registered_at": registered,
            "traced_at": traced,
            "status": status,
            "case_type": "kidnapping" if rng.random() < 0.6 else "missing",
            "aliases": [],
            "languages": [],
            "created_at": now,
            "updated_at": now,
            "created_by": "bench",
            "updated_by": "bench",
        }


def found_rows(count: int, shuffled: bool = False, seed: int = 4) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    now = utcnow()
    for index, minute in enumerate(registration_minutes(count, rng, shuffled)):
        registered = FIRST_DAY + timedelta(minutes=minute)
        status = rng.choice(("unclaimed", "in_shelter", "restored"))
        restored = registered + timedelta(days=rng.randint(0, 90)) if status == "restored" else None
        yield {
            "id": f"f{index:09d}",
            "station_code": "RTM01",
            "case_number": f"RTM01/{registered.year}/F/{index:07d}",
            "ref": f"GD {index}",
            "registered_at": registered,
            "status": status,
            "restored_at": restored,
            "aliases": [],
            "languages": [],
            "created_at": now,
            "updated_at": now,
            "created_by": "bench",
            "updated_by": "bench",
        }


def fill(app: App, rows: int, shuffled: bool) -> float:
    start = time.perf_counter()
    with app.db.engine.begin() as connection:
        for model, generator in (
            (MissingReport, missing_rows(rows, shuffled)),
            (FoundChild, found_rows(rows // 10, shuffled)),
        ):
            chunk: list[dict[str, Any]] = []
            for row in generator:
                chunk.append(row)
                if len(chunk) == CHUNK:
                    connection.execute(insert(model), chunk)
                    chunk = []
            if chunk:
                connection.execute(insert(model), chunk)
    return time.perf_counter() - start


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (CPU {self.cpu:.2f} s)"


def best_of(runs: int, work: Callable[[], object]) -> Timing:
    """The best wall-clock and CPU time of `runs` runs (SQLite works in this process, so
    CPU time is the figure least disturbed by other programs on the machine)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(min(walls), min(cpus))


def bench_period(app: App, label: str, period: Period, folder: Path) -> None:
    admin = station.login(app, "admin", PASSWORD)
    months = len(period.months())
    print(f"{label} ({months} months):")
    report = best_of(3, lambda: monthly_report(app, admin, period))
    print(f"  monthly report (service, best of 3): {report}")
    csv_path = folder / "report.csv"
    print(f"  with the CSV written: {best_of(1, lambda: export_csv(app, admin, period, csv_path))}")
    with app.db.session() as session:
        traced = traced_cells(session, period)
        parts: list[tuple[str, Callable[[], object]]] = [
            ("registered", lambda: registered_cells(session, period)),
            ("traced", lambda: traced_cells(session, period)),
            ("pending", lambda: pending_at_month_ends(session, period, traced)),
            ("found", lambda: found_by_month(session, period)),
            ("median days", lambda: days_to_trace_by_month(session, period)),
        ]
        for name, work in parts:
            print(f"    {name:<12} {best_of(3, work)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", help="use (and keep) this folder; reuse its database")
    parser.add_argument("--shuffled", action="store_true", help="store rows in random order")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        app = open_app(str(folder / "home"))
        if app.local_station() is None:
            station.init_station(app, "RTM01", "Bench", "Ratlam", "MP", "admin", PASSWORD)
            seconds = fill(app, args.rows, args.shuffled)
            order = "random order" if args.shuffled else "order of registration"
            print(f"generated {args.rows} missing reports (+{args.rows // 10} found), "
                  f"stored in {order}, in {seconds:.0f} s")  # fmt: skip
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        bench_period(app, "1 Jan-30 Sep 2026", Period(date(2026, 1, 1), date(2026, 9, 30)), folder)
        bench_period(app, "whole register", Period(date(2021, 1, 1), date(2026, 9, 30)), folder)
        app.close()


if __name__ == "__main__":
    main()
