"""`audit verify` over 1,000,000 audit rows.

Run: python -m bench.bench_audit [--rows N] [--encrypted]
The rows are written with a correct hash chain by bulk INSERT (the services would take
far longer), then verified by the same code `station-app audit verify` runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update

from station_app.app import open_app
from station_app.audit import digest, head_key
from station_app.audit_verify import verify_audit
from station_app.db.base import new_uuid, utcnow
from station_app.db.models import AuditEvent, Setting
from station_app.encryption.convert import encrypt_station
from station_app.services import station

PASSPHRASE = "bench station passphrase"

CHUNK = 10_000


def write_chain(app: Any, station_code: str, rows: int) -> None:
    start = utcnow()
    prev = ""
    with app.db.engine.begin() as connection:
        count = 0
        while count < rows:
            chunk = []
            for index in range(count, min(rows, count + CHUNK)):
                at = start + timedelta(seconds=index)
                fields = (
                    new_uuid(),
                    station_code,
                    at,
                    None,
                    "bench",
                    "view",
                    "missing",
                    new_uuid(),
                    {"summary": f"row {index}"},
                )
                row_hash = digest(prev, *fields)
                chunk.append(
                    {
                        "id": fields[0],
                        "station_code": station_code,
                        "at": at,
                        "user_id": None,
                        "username": "bench",
                        "action": "view",
                        "record_type": "missing",
                        "record_id": fields[7],
                        "details": fields[8],
                        "prev_hash": prev,
                        "row_hash": row_hash,
                    }
                )
                prev = row_hash
            connection.execute(insert(AuditEvent), chunk)
            count += len(chunk)
        connection.execute(update(Setting).where(Setting.key == head_key(station_code))
                           .values(value=f"{rows}:{prev}"))  # fmt: skip


def _verify(app: Any, label: str) -> None:
    started = time.perf_counter()
    with app.db.session() as session:
        reports = verify_audit(session)
    seconds = time.perf_counter() - started
    rows = sum(r.rows for r in reports)
    problems = sum(len(r.problems) for r in reports)
    print(
        f"audit verify{label}: {rows} rows in {seconds:.1f} s "
        f"({rows / seconds:,.0f} rows/s), {problems} problem(s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--encrypted", action="store_true", help="verify again after encrypting the station"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = open_app(str(Path(folder) / "home"))
        station.init_station(app, "RTM01", "Bench", "Ratlam", "MP", "admin", "bench-pass-1")
        with app.db.engine.begin() as connection:  # start the bench chain afresh
            connection.execute(AuditEvent.__table__.delete())
        started = time.perf_counter()
        write_chain(app, "RTM01", args.rows)
        print(f"wrote {args.rows} chained audit rows in {time.perf_counter() - started:.1f} s")
        _verify(app, "")
        if args.encrypted:
            home = str(Path(folder) / "home")
            encrypt_station(app, None, PASSPHRASE)
            app = open_app(home, passphrase=PASSPHRASE)
            _verify(app, " (encrypted station)")
        app.close()


if __name__ == "__main__":
    main()
