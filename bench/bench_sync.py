"""Batches to district HQ: export and HQ import of 10,000 records with 2,000 photos.

Run: python -m bench.bench_sync [--records N] [--photos N] [--pg URL]

A station is filled through the real register import (with a face vector per photo);
then the real CLI makes a full batch and HQ imports it, each in a child process so its
peak memory is its own. A second, smaller station shows that memory stays flat: its
peak is about the same with a quarter of the records. With --pg (or
STATION_APP_TEST_PG_URL) HQ runs on PostgreSQL as well.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import uuid
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from bench.bench_registers import PASSWORD, run_cli
from bench.synthetic import write_import_file
from station_app.app import open_app
from station_app.db.models import FaceVector, Photo


def station(work: Path, code: str, records: int, photos: int) -> Path:
    home = work / f"station-{code}"
    init = ["--station-name", f"GRP {code}", "--district", "Ratlam", "--state", "MP"]
    run_cli(home, "init", "--station-code", code, *init)
    run_cli(home, "import", str(write_import_file(work / f"import-{code}", records, photos)))
    add_faces(home)
    return home


def add_faces(home: Path) -> None:
    app = open_app(str(home))
    rng = np.random.default_rng(7)
    with app.db.engine.begin() as connection:
        photo_ids = connection.execute(select(Photo.id)).scalars().all()
        rows = [
            {"id": str(uuid.uuid4()), "photo_id": photo_id, "box_left": 10, "box_top": 10,
             "box_right": 110, "box_bottom": 130, "method": "hog", "model": "bench",
             "vector": rng.random(128, dtype=np.float32).astype("<f4").tobytes()}
            for photo_id in photo_ids
        ]  # fmt: skip
        if rows:
            connection.execute(insert(FaceVector), rows)
    app.close()


def hq(work: Path, name: str, db_url: str | None) -> Path:
    home = work / name
    args = ["--db", db_url] if db_url else []
    cmd = ["hq", "init", "--code", "DHQ", "--name", "HQ", "--district", "Ratlam", "--state", "MP"]
    run_cli(home, *args, *cmd)
    return home


def fingerprint(output: str) -> str:
    line = next(li for li in output.splitlines() if "ingerprint" in li)
    return line.rsplit(":", 1)[1].strip()


def connect(station_home: Path, hq_home: Path, work: Path, db_url: str | None) -> None:
    hq_args = ["--db", db_url] if db_url else []
    _, _, out = run_cli(station_home, "keys", "export", "--to", str(work / "station.key"))
    run_cli(hq_home, *hq_args, "hq", "trust", str(work / "station.key"),
            "--fingerprint", fingerprint(out))  # fmt: skip
    _, _, out = run_cli(hq_home, *hq_args, "hq", "export-key", "--to", str(work / "hq.key"))
    run_cli(station_home, "keys", "set-hq", str(work / "hq.key"), "--fingerprint",
            fingerprint(out), "--replace")  # fmt: skip


def measure(work: Path, code: str, records: int, photos: int, db_url: str | None) -> None:
    where = "PostgreSQL" if db_url else "SQLite"
    home = station(work, code, records, photos)
    hq_home = hq(work, f"hq-{code}-{where}", db_url)
    connect(home, hq_home, work, db_url)
    usb = work / f"usb-{code}-{where}"
    seconds, peak, _ = run_cli(home, "export", "--to", str(usb), "--all")
    [batch] = usb.iterdir()
    size = batch.stat().st_size / 1e6
    print(
        f"{code}: export of {records} records, {photos} photos (+ faces, audit): "
        f"{seconds:.1f} s, {size:.0f} MB batch, peak RSS {peak:.0f} MB"
    )
    args = ["--db", db_url] if db_url else []
    seconds, peak, out = run_cli(hq_home, *args, "hq", "import", str(batch))
    print(f"{code}: HQ import on {where}: {seconds:.1f} s, peak RSS {peak:.0f} MB")
    print("  " + out.strip().splitlines()[0])
    seconds, _, out = run_cli(hq_home, *args, "hq", "import", str(batch))
    print(f"{code}: re-import (already imported, checked whole): {seconds:.1f} s")


def fresh_pg_database(admin_url: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin_url: str, url: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        name = make_url(url).database
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--pg", default=os.environ.get("STATION_APP_TEST_PG_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        measure(work, "RTM01", args.records, args.photos, None)
        measure(work, "RTM02", args.records // 4, args.photos // 4, None)
        if args.pg:
            url = fresh_pg_database(args.pg)
            try:
                measure(work, "RTM03", args.records, args.photos, url)
            finally:
                drop_pg_database(args.pg, url)
    print(f"(password for the bench desks: {PASSWORD})")


if __name__ == "__main__":
    main()
