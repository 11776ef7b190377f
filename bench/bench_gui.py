"""How fast the desktop app is where the officer feels it. Prints figures; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py [--rows 100000]

1. Cold start: a fresh `python main.py` process until its login window is up.
2. First screen of a register of ROWS records: from asking for the register (or a
   search, or a new sort) until the first page is in the table and painted.
3. Scrolling it from top to bottom by dragging the scroll bar: the longest time the
   GUI thread was busy in one step (a stall), and every page query's time on the
   database worker (the GUI thread runs no query at all).

The register is filled with SQLAlchemy core bulk inserts, not through the services.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from station_app.app import open_app  # noqa: E402
from station_app.db.models import MissingReport, Photo  # noqa: E402
from station_app.domain import Kind  # noqa: E402
from station_app.names import search_key  # noqa: E402
from station_app.services import station  # noqa: E402
from station_app.services.listing import RegisterQuery  # noqa: E402
from station_app.ui.app import STARTUP_PROBE_ENV, build  # noqa: E402
from station_app.ui.main_window import MainWindow  # noqa: E402
from station_app.ui.register_model import PAGE_SIZE, RegisterModel  # noqa: E402

PASSWORD = "bench-pass-1"
NAMES = [
    "राजेश कुमार",
    "Pooja Meena",
    "Mohd Salim",
    "सुनीता यादव",
    "Amit Verma",
    "काजल",
    "Rohit Patel",
    "शबनम खान",
    "Deepak Ahirwar",
    "ज्योति वर्मा",
]
PLACES = ["Ratlam Junction platform 4", "नीमच बस स्टैंड", "Ujjain railway station"]


def cold_start(runs: int = 3) -> list[float]:
    """ms from launching `python main.py` until it prints that its login window is up."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, STARTUP_PROBE_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
            started = time.perf_counter()
            with subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "--home", home],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            ) as process:
                assert process.stdout is not None
                for line in process.stdout:
                    if "login-window-shown" in line:
                        times.append((time.perf_counter() - started) * 1000)
                        break
                process.wait(timeout=60)
    return times


def fill_register(home: Path, rows: int) -> None:
    app = open_app(str(home))
    station.init_station(app, "BENCH1", "Bench Thana", "Ratlam", "MP", "admin", PASSWORD)
    keys = {name: search_key(name, ()) for name in NAMES}
    start = datetime(2015, 1, 1)
    batch = 20_000
    with app.db.session() as session:
        for first in range(0, rows, batch):
            values = []
            photos = []
            for index in range(first, min(first + batch, rows)):
                name = NAMES[index % len(NAMES)]
                when = start + timedelta(minutes=47 * index)
                record_id = f"00000000-0000-4000-8000-{index:012d}"
                values.append(
                    {
                        "id": record_id,
                        "station_code": "BENCH1",
                        "case_number": f"BENCH1/{when.year}/M/{index:06d}",
                        "ref": f"FIR {index}",
                        "name": name,
                        "name_key": keys[name],
                        "aliases": [],
                        "languages": [],
                        "sex": ("male", "female")[index % 2],
                        "age_years": 3 + index % 14,
                        "status": ("open", "traced", "closed")[index % 3],
                        "last_seen_at": when,
                        "last_seen_place": PLACES[index % 3],
                        "registered_at": when,
                        "created_by": "admin",
                        "updated_by": "admin",
                    }
                )
                if index % 3 == 0:
                    photos.append(
                        {
                            "missing_id": record_id,
                            "sha256": f"{index:064x}",
                            "normalized_sha256": f"{index:064x}",
                            "original_ext": "jpg",
                            "byte_size": 1,
                            "width": 1,
                            "height": 1,
                            "is_main": True,
                            "created_by": "admin",
                        }
                    )
            session.execute(insert(MissingReport), values)
            session.execute(insert(Photo), photos)
    app.close()


def settle(app: QApplication, seconds: float = 0.05) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def wait_loaded(app: QApplication, model: RegisterModel) -> float:
    """Set off by the caller; ms until the first page is in and painted."""
    started = time.perf_counter()
    while model.loading:
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def first_screen(
    app: QApplication, window: MainWindow, query: RegisterQuery
) -> tuple[float, float]:
    """ms until the first page is painted, and until the rows are counted too."""
    model = window.registers[Kind.MISSING].model
    started = time.perf_counter()
    model.set_query(query)
    wait_loaded(app, model)
    window.registers[Kind.MISSING].table.viewport().repaint()
    shown = (time.perf_counter() - started) * 1000
    while model.counting:
        app.processEvents()
        time.sleep(0.0005)
    return shown, (time.perf_counter() - started) * 1000


def scroll_through(app: QApplication, window: MainWindow, steps: int) -> tuple[list[float], int]:
    """Drag the scroll bar top to bottom; ms the GUI thread was busy at each step."""
    view = window.registers[Kind.MISSING]
    bar = view.table.verticalScrollBar()
    busy = []
    for step in range(steps + 1):
        started = time.perf_counter()
        bar.setValue(bar.maximum() * step // steps)
        view.table.viewport().repaint()
        app.processEvents()
        busy.append((time.perf_counter() - started) * 1000)
        time.sleep(0.01)  # a drag moves the bar every 10 ms or so
    settle(app, 0.5)
    return busy, view.model.cached_pages()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=300)
    args = parser.parse_args()

    starts = cold_start()
    print(
        f"cold start to login window: median {statistics.median(starts):.0f} ms "
        f"(runs: {', '.join(f'{t:.0f}' for t in starts)})"
    )

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        began = time.perf_counter()
        fill_register(home, args.rows)
        print(f"filled a register of {args.rows:,} records in {time.perf_counter() - began:.1f} s")
        startup = build(home, language="en")
        startup.start()
        while startup.app is None:
            qt_app.processEvents()
        startup.log_in("admin", PASSWORD)
        while startup.main_window is None:
            qt_app.processEvents()
        window = startup.main_window
        window.resize(1280, 800)
        model = window.registers[Kind.MISSING].model
        wait_loaded(qt_app, model)
        settle(qt_app, 0.2)
        model.query_times_ms.clear()

        for label, query in [
            ("newest first", RegisterQuery(Kind.MISSING)),
            ("sorted by name", RegisterQuery(Kind.MISSING, sort="name", descending=False)),
            ("search 'Rajesh'", RegisterQuery(Kind.MISSING, text="Rajesh")),
            (
                "status open, age 6-10",
                RegisterQuery(Kind.MISSING, status="open", age_from=6, age_to=10),
            ),
        ]:
            times = []
            for _ in range(3):
                times.append(first_screen(qt_app, window, query))
                settle(qt_app, 0.3)  # the officer reads the screen before the next search
            shown = sorted(t for t, _ in times)
            counted = sorted(t for _, t in times)
            print(
                f"first screen, {label}: {shown[1]:.0f} ms (median of 3, worst "
                f"{shown[-1]:.0f}); all {model.rowCount():,} rows counted after {counted[1]:.0f} ms"
            )

        first_screen(qt_app, window, RegisterQuery(Kind.MISSING))
        settle(qt_app, 0.5)
        model.query_times_ms.clear()
        busy, cached = scroll_through(qt_app, window, args.steps)
        queries = model.query_times_ms
        busy.sort()
        print(
            f"scrolling top to bottom in {args.steps} steps: GUI thread busy per step "
            f"median {statistics.median(busy):.1f} ms, 95th percentile "
            f"{busy[len(busy) * 95 // 100]:.1f} ms, longest {busy[-1]:.1f} ms"
        )
        print(
            f"  {len(queries)} page queries of {PAGE_SIZE} rows, all on the database worker: "
            f"median {statistics.median(queries):.1f} ms, longest {max(queries):.1f} ms; "
            f"pages kept in memory: {cached}"
        )
        startup.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
