"""Benchmark local matching: accuracy on realistic synthetic registers, and speed at scale.

    python bench/bench_matching.py [--stages accuracy,photos,speed,million,db] [--quick]

Stages (the heavy ones run in their own process, so memory figures are their own):
  accuracy  2,000 complaints / 300 found children (70% the same child as a complaint):
            true complaint first, in the top 5, never excluded; with synthetic face vectors
            and on the written particulars alone; then five more seeds for the spread.
  photos    the real public-domain photos in shared/data/faces through the app's own path
            (register, detect faces, match): only a handful of identities.
  speed     100,000 complaints: one found child ranked (ms), then match --all for 10,000.
  million   1,000,000 complaints: ranking against a bare numpy scan of their face vectors,
            and memory.
  db        the 2,000 / 300 set in a SQLite station, through services.match_all.

The synthetic registers (bench/synthetic_registers.py) were written before the scorer's
weights were last adjusted; the adjustments were checked on seeds 12-14 only. The seed
reported here (2026) and the spread seeds (101-105) were not used for tuning. Face vectors in
the synthetic sets are synthetic (see synthetic_registers.py), not from photos.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synthetic_registers import Registers  # noqa: E402
from station_app.domain import Kind  # noqa: E402
from station_app.matching.index import CandidateIndex  # noqa: E402
from station_app.matching.profile import ChildProfile  # noqa: E402
from station_app.matching.ranking import FaceSetting, rank  # noqa: E402
from station_app.matching.scorer import exclusion_reasons  # noqa: E402

SEED = 2026
SPREAD_SEEDS = (101, 102, 103, 104, 105)
FACES_OFF = FaceSetting(False, "faces switched off for the benchmark")


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark local matching.")
    parser.add_argument("--stages", default="accuracy,photos,speed,million,db")
    parser.add_argument("--quick", action="store_true", help="smaller sets, for a smoke run")
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # run one stage in this process
    args = parser.parse_args()
    if args.stage:
        STAGES[args.stage](args.quick)
        return 0
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, numpy {np.__version__}")
    for stage in args.stages.split(","):
        print(f"\n=== {stage} (load average {os.getloadavg()[0]:.2f}) ===", flush=True)
        command = [sys.executable, __file__, "--stage", stage] + (["--quick"] if args.quick else [])
        subprocess.run(command, check=True)
    return 0


# --- helpers ------------------------------------------------------------------------------


def memory_mb() -> tuple[float, float]:
    """(resident, peak resident) MB of this process."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def all_faces(index: CandidateIndex) -> np.ndarray:
    """Every face vector of the index in one matrix: what a bare scan would read."""
    return np.concatenate([partition.view().faces for partition in index.partitions.values()])


def build_index(registers: Registers, count: int, lazy: bool = False) -> CandidateIndex:
    loader = registers.complaint_profiles if lazy else None
    index = CandidateIndex(Kind.MISSING, loader=loader, capacity=1024)
    started = time.perf_counter()
    for i in range(count):
        index.add(registers.complaint_profile(i))
        if count >= 100_000 and (i + 1) % (count // 10) == 0:
            elapsed = time.perf_counter() - started
            print(f"  built {i + 1:,} complaints in {elapsed:.0f} s", flush=True)
    return index


def ms(values: Sequence[float], cpu: Sequence[float] = ()) -> str:
    """Wall-clock median, p95 and max; with `cpu`, also the median CPU time of this process
    (less disturbed by other programs, but it counts both BLAS threads of a matrix product)."""
    data = np.array(values) * 1000
    text = f"median {np.median(data):.1f} ms, p95 {np.percentile(data, 95):.1f}"
    text += f", max {data.max():.1f}"
    if len(cpu):
        text += f" (CPU median {np.median(np.array(cpu)) * 1000:.1f} ms)"
    return text


def clocked(function: Callable[[], object], wall: list[float], cpu: list[float]) -> None:
    started, used = time.perf_counter(), time.process_time()
    function()
    cpu.append(time.process_time() - used)
    wall.append(time.perf_counter() - started)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


# --- accuracy -------------------------------------------------------------------------------


def accuracy_of(
    registers: Registers,
    index: CandidateIndex,
    profiles: dict[int, ChildProfile],
    faces: FaceSetting,
) -> dict[str, float]:
    top1 = top5 = excluded = likely = 0
    truths = 0
    false_alarms = strangers = 0
    for j in range(registers.found):
        query = registers.found_profile(j)
        ranking = rank(index, query, top=5, faces=faces)
        ids = [c.record_id for c in ranking.candidates]
        truth = registers.true_complaint(j)
        if truth is None:
            strangers += 1
            false_alarms += bool(ranking.candidates) and ranking.candidates[0].label == "likely"
            continue
        truths += 1
        excluded += bool(exclusion_reasons(query, profiles[truth]))
        top1 += ids[:1] == [f"m{truth}"]
        top5 += f"m{truth}" in ids
        likely += bool(ids[:1] == [f"m{truth}"] and ranking.candidates[0].label == "likely")
    return {
        "pairs": truths,
        "top1": top1 / truths,
        "top5": top5 / truths,
        "excluded": excluded,
        "likely": likely / truths,
        "false_alarms": false_alarms,
        "strangers": strangers,
    }


def stage_accuracy(quick: bool) -> None:
    registers = Registers(SEED, 2000, 300)
    profiles = {i: registers.complaint_profile(i) for i in range(registers.complaints)}
    index = CandidateIndex(Kind.MISSING)
    index.add_many(profiles.values())
    print(f"seed {SEED}: 2,000 complaints, 300 found children, {len(registers.truth)} true pairs")
    _face_calibration(registers)
    for label, faces in (("with faces", FaceSetting()), ("particulars only", FACES_OFF)):
        result = accuracy_of(registers, index, profiles, faces)
        print(
            f"  {label:<17} top-1 {result['top1']:.1%}  top-5 {result['top5']:.1%}  "
            f"never excluded: {result['pairs'] - result['excluded']}/{result['pairs']}  "
            f"first and 'likely' {result['likely']:.1%}  "
            f"children with no complaint whose best candidate is 'likely': "
            f"{result['false_alarms']}/{result['strangers']}"
        )
        if faces.enabled:
            print(
                f"  target top-1 >= 90%: {verdict(result['top1'] >= 0.9)}; top-5 >= 98%: "
                f"{verdict(result['top5'] >= 0.98)}; never excluded: "
                f"{verdict(result['excluded'] == 0)}"
            )
    if quick:
        return
    rows = []
    for seed in SPREAD_SEEDS:
        other = Registers(seed, 2000, 300)
        other_profiles = {i: other.complaint_profile(i) for i in range(other.complaints)}
        other_index = CandidateIndex(Kind.MISSING)
        other_index.add_many(other_profiles.values())
        rows.append(accuracy_of(other, other_index, other_profiles, FaceSetting()))
    top1 = [r["top1"] for r in rows]
    top5 = [r["top5"] for r in rows]
    print(
        f"  seeds {SPREAD_SEEDS}: top-1 mean {statistics.mean(top1):.1%} (min {min(top1):.1%}), "
        f"top-5 mean {statistics.mean(top5):.1%} (min {min(top5):.1%}), "
        f"excluded {sum(int(r['excluded']) for r in rows)}"
    )


def _face_calibration(registers: Registers) -> None:
    same = []
    for j, truth in enumerate(registers.truth):
        _, found_faces = registers.found_record(j)
        faces = registers.complaint_faces(truth)
        if found_faces and faces:
            same.append(float(np.linalg.norm(found_faces[0] - faces[0])))
    vectors = [registers.face(i, 0) for i in range(400)]
    other = [float(np.linalg.norm(vectors[i] - vectors[i + 1])) for i in range(0, 398, 2)]
    print(
        "  synthetic face distances (5/50/95th percentile): same child "
        f"{_percentiles(same)}, different children {_percentiles(other)}"
    )


def _percentiles(values: list[float]) -> str:
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    return f"{p5:.2f}/{p50:.2f}/{p95:.2f}"


# --- real photos ----------------------------------------------------------------------------


def stage_photos(quick: bool) -> None:
    from datetime import datetime

    from station_app.app import open_app
    from station_app.domain import FoundDetails, MissingDetails
    from station_app.photo_store import check_image
    from station_app.services import faces, matching, registers, station

    folder = ROOT.parent / "shared" / "data" / "faces"
    pairs = sorted(
        p.parent.name for p in folder.glob("*/2.jpg") if not p.parent.name.startswith("_")
    )
    singles = sorted(
        p.parent.name
        for p in folder.glob("*/1.jpg")
        if not p.parent.name.startswith("_") and p.parent.name not in pairs
    )
    with tempfile.TemporaryDirectory() as home:
        app = open_app(home)
        _, user = station.init_station(
            app, "BEN01", "Bench", "Ratlam", "Madhya Pradesh", "admin", "bench-pass-1"
        )
        seen, found_at = datetime(2025, 3, 1, 10), datetime(2025, 3, 9, 12)
        complaint_ids = {}
        for name in [*pairs, *singles]:
            image = check_image((folder / name / "1.jpg").read_bytes(), f"{name}/1.jpg")
            details = MissingDetails(ref=f"FIR {name}", last_seen_at=seen, registered_at=seen)
            complaint_ids[name] = registers.register(app, user, details, [image]).meta.id
        found_ids = {}
        for name in pairs:
            image = check_image((folder / name / "2.jpg").read_bytes(), f"{name}/2.jpg")
            details = FoundDetails(ref=f"GD {name}", found_at=found_at, registered_at=found_at)
            found_ids[name] = registers.register(app, user, details, [image]).meta.id
        started = time.perf_counter()
        batch = faces.compute_pending_faces(app)
        print(f"  {batch.summary()} in {time.perf_counter() - started:.1f} s")
        print("  every record has the same particulars, so only the face can tell them apart")
        first = 0
        for name, found_id in found_ids.items():
            ranking = matching.matches_for_record(app, user, found_id, top=len(complaint_ids))
            order = [c.record_id for c in ranking.candidates]
            place = order.index(complaint_ids[name]) + 1 if complaint_ids[name] in order else None
            first += place == 1
            distances = {c.ref: c.face_distance for c in ranking.candidates}
            own = distances.get(f"FIR {name}")
            others = [d for ref, d in distances.items() if ref != f"FIR {name}" and d is not None]
            print(
                f"  {name:<22} true complaint at {place}, face distance "
                f"{own if own is None else round(own, 2)}, nearest other "
                f"{round(min(others), 2) if others else None}, faces used {ranking.faces_used}"
            )
        print(f"  true complaint first for {first} of {len(found_ids)} (real photos, adults)")
        app.close()


# --- speed: 100,000 complaints, and match --all -----------------------------------------------


def stage_speed(quick: bool) -> None:
    complaints, found = (20_000, 1000) if quick else (100_000, 10_000)
    registers = Registers(SEED, complaints, found)
    started = time.perf_counter()
    index = build_index(registers, complaints)
    rss, _ = memory_mb()
    print(
        f"  index of {complaints:,} complaints built in {time.perf_counter() - started:.0f} s "
        f"(one at a time, generation included); arrays {index.nbytes() / 1e6:.0f} MB, "
        f"process {rss:.0f} MB"
    )
    queries = [registers.found_profile(j) for j in range(300)]
    for query in queries[:10]:
        rank(index, query)  # warm caches
    matrix = all_faces(index)
    bare: list[float] = []
    bare_cpu: list[float] = []
    times: list[float] = []
    times_cpu: list[float] = []
    for query in queries:  # one after the other, as the desk does them
        clocked(lambda q=query: rank(index, q, top=10), times, times_cpu)
    for query in queries[:50]:
        vector = query.faces[0] if query.faces else matrix[0]
        clocked(lambda v=vector: matrix @ v, bare, bare_cpu)
    print(f"  bare scan of {len(matrix):,} face vectors: {ms(bare, bare_cpu)}")
    print(f"  rank one found child: {ms(times, times_cpu)}")
    print(f"  target < 30 ms: {verdict(float(np.median(times)) < 0.030)} (median)")
    hits = [
        q
        for j, q in enumerate(queries)
        if registers.true_complaint(j) is not None
        and [c.record_id for c in rank(index, q, top=5).candidates][:1]
        == [f"m{registers.true_complaint(j)}"]
    ]
    truths = sum(registers.true_complaint(j) is not None for j in range(len(queries)))
    print(f"  (for information: true complaint first among {complaints:,}: {len(hits)}/{truths})")
    generating = ranking = 0.0
    started_all = time.perf_counter()
    for j in range(found):
        began = time.perf_counter()
        query = registers.found_profile(j)
        generating += time.perf_counter() - began
        began = time.perf_counter()
        rank(index, query, top=5)
        ranking += time.perf_counter() - began
    total = time.perf_counter() - started_all
    print(
        f"  match --all, {found:,} found children against {complaints:,} complaints: "
        f"{ranking / 60:.1f} min ranking (+{generating:.0f} s generating the found records); "
        f"{ranking / found * 1000:.1f} ms each; wall {total / 60:.1f} min"
    )


# --- a million complaints ---------------------------------------------------------------------


def stage_million(quick: bool) -> None:
    complaints = 100_000 if quick else 1_000_000
    registers = Registers(SEED, complaints, 200)
    started = time.perf_counter()
    index = build_index(registers, complaints, lazy=True)
    built = time.perf_counter() - started
    rss, peak = memory_mb()
    print(
        f"  {complaints:,} complaints indexed in {built:.0f} s; profiles are rebuilt on demand "
        "for the short list (as the app reads them from the database)"
    )
    print(
        f"  memory: arrays {index.nbytes() / 1e6:.0f} MB, process {rss:.0f} MB "
        f"(peak {peak:.0f} MB); target < 2 GB: {verdict(peak < 2048)}"
    )
    matrix = all_faces(index)
    queries = [registers.found_profile(j) for j in range(120)]
    for query in queries[:5]:
        rank(index, query)
    bare: list[float] = []
    bare_cpu: list[float] = []
    ranked: list[float] = []
    ranked_cpu: list[float] = []
    for query in queries[5:]:
        vector = query.faces[0] if query.faces else matrix[0]
        clocked(lambda v=vector: matrix @ v, bare, bare_cpu)
        clocked(lambda q=query: rank(index, q, top=10), ranked, ranked_cpu)
    ratio = float(np.median(ranked) / np.median(bare))
    print(
        f"  bare numpy scan of {len(matrix):,} face vectors (matrix x vector): {ms(bare, bare_cpu)}"
    )
    norm = [timed(lambda: np.linalg.norm(matrix - matrix[0], axis=1)) for _ in range(5)]
    print(f"  (a naive scan, norm(M - q), for comparison: {ms(norm)})")
    print(f"  rank one found child: {ms(ranked, ranked_cpu)}")
    cpu_ratio = float(np.median(ranked_cpu) / np.median(bare_cpu))
    print(
        f"  ratio of wall medians {ratio:.2f} (of CPU medians {cpu_ratio:.2f}); "
        f"target < 5x: {verdict(ratio < 5)}"
    )


# --- through the database ---------------------------------------------------------------------


def stage_db(quick: bool) -> None:
    from station_app.app import open_app
    from station_app.services import matching, station

    registers = Registers(SEED, 2000, 300)
    with tempfile.TemporaryDirectory() as home:
        app = open_app(home)
        _, user = station.init_station(
            app, "BEN01", "Bench", "Ratlam", "Madhya Pradesh", "admin", "bench-pass-1"
        )
        started = time.perf_counter()
        ids = _load_station(app, registers, user.station_code)
        written = time.perf_counter() - started
        print(f"  2,300 records and their face vectors written in {written:.1f} s")
        cold = timed(lambda: matching.match_all(app, user, top=5))
        started = time.perf_counter()
        results = matching.match_all(app, user, top=5)
        warm = time.perf_counter() - started
        top1 = top5 = truths = 0
        for ranking in results:
            j = int(ranking.query_ref.split()[1].split("/")[0])
            truth = registers.true_complaint(j)
            if truth is None:
                continue
            truths += 1
            refs = [c.record_id for c in ranking.candidates]
            top1 += refs[:1] == [ids[truth]]
            top5 += ids[truth] in refs
        print(
            f"  services.match_all: first call {cold:.1f} s (builds the index from the database), "
            f"again {warm:.1f} s; top-1 {top1 / truths:.1%}, top-5 {top5 / truths:.1%}"
        )
        found_id = results[0].query_id
        once = [timed(lambda: matching.matches_for_record(app, user, found_id)) for _ in range(20)]
        print(f"  matches_for_record after a save (index warm): {ms(once)}")
        app.close()


def _load_station(app: object, registers: Registers, station_code: str) -> dict[int, str]:
    """Write the synthetic registers straight into the tables (the import path would take
    minutes and is benchmarked elsewhere); photos are rows with their face vectors only."""
    from station_app.app import App
    from station_app.db.models import FoundChild, MissingReport, Photo
    from station_app.record_mapping import column_values

    assert isinstance(app, App)
    ids: dict[int, str] = {}
    with app.db.session() as session:
        for i in range(registers.complaints):
            row = MissingReport(
                station_code=station_code,
                case_number=f"BEN01/M/{i}",
                created_by="bench",
                updated_by="bench",
                **column_values(registers.complaint(i)),
            )
            session.add(row)
            session.flush()
            ids[i] = row.id
            _add_faces(session, Photo(missing_id=row.id), registers.complaint_faces(i))
        for j in range(registers.found):
            details, faces = registers.found_record(j)
            found = FoundChild(
                station_code=station_code,
                case_number=f"BEN01/F/{j}",
                created_by="bench",
                updated_by="bench",
                **column_values(details),
            )
            session.add(found)
            session.flush()
            _add_faces(session, Photo(found_id=found.id), faces)
    return ids


def _add_faces(session: object, photo: object, faces: Sequence[np.ndarray]) -> None:
    from sqlalchemy.orm import Session

    from station_app.db.models import FaceVector, Photo
    from station_app.matching.db_profiles import vector_to_bytes

    assert isinstance(session, Session) and isinstance(photo, Photo)
    if not faces:
        return
    photo.sha256 = photo.normalized_sha256 = os.urandom(32).hex()
    photo.original_ext, photo.byte_size, photo.width, photo.height = "jpg", 1, 1, 1
    photo.created_by, photo.face_status = "bench", "one_face"
    session.add(photo)
    session.flush()
    for vector in faces:
        session.add(
            FaceVector(
                photo_id=photo.id,
                box_left=0,
                box_top=0,
                box_right=1,
                box_bottom=1,
                method="synthetic",
                vector=vector_to_bytes(vector),
                model="synthetic",
            )
        )


STAGES: dict[str, Callable[[bool], None]] = {
    "accuracy": stage_accuracy,
    "photos": stage_photos,
    "speed": stage_speed,
    "million": stage_million,
    "db": stage_db,
}

if __name__ == "__main__":
    raise SystemExit(main())
