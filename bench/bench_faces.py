"""Time face detection + encoding per photo, and print the distance matrix.

    python bench/bench_faces.py [FACES_DIR] [--repeat N]

FACES_DIR defaults to shared/data/faces beside the repository (layout `<identity>/<n>.jpg`,
identities starting with "_" hold no-face or several-face photos). Each photo is analysed
once to warm up, then N more times; the time covers detection, any try-harder passes, and
encoding, not reading the file. Synthetic rows time the slow paths: the first photo of each
identity turned 60 degrees (a tilted camera) and a quarter, half and three-quarter turn (a
photo whose EXIF orientation was lost), summed up as the rotation fallback, each case also
saying whether the same face was found (distance to the upright face under 0.2); and the
first identity's photo cut down to a 30 px passport-style crop (tight-crop fallback).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from station_app.faces import (  # noqa: E402
    FaceAnalysis,
    analyse_photo,
    distances,
    face_distance,
    faces_available,
)

Pair = tuple[float, str, str]
TURNS = (60, 90, 180, 270)
"""Degrees counter-clockwise. 60 is turned with bicubic resampling; the others are exact."""
SAME_FACE = 0.2


def main() -> int:
    parser = argparse.ArgumentParser(description="Time face analysis per photo.")
    default_dir = ROOT.parent / "shared" / "data" / "faces"
    parser.add_argument("faces_dir", nargs="?", type=Path, default=default_dir)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    started = time.perf_counter()
    ok, reason = faces_available()
    if not ok:
        print(f"faces unavailable: {reason}")
        return 1
    print(f"model load: {(time.perf_counter() - started) * 1000:.0f} ms (once per process)")
    print(f"load average before the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

    photos = {p.relative_to(args.faces_dir).as_posix(): _load(p) for p in _photos(args.faces_dir)}
    if not photos:
        print(f"no photos under {args.faces_dir}")
        return 1
    results: dict[str, FaceAnalysis] = {}
    all_wall: list[float] = []
    all_cpu: list[float] = []
    _line("photo", "size", "status", "method", "mean ms", "p95 ms", "max ms", "cpu ms")
    for name, image in photos.items():
        results[name], wall, cpu = _time(image, args.repeat)
        all_wall += wall
        all_cpu += cpu
        _row(name, image, results[name], wall, cpu)
    _line("ALL PHOTOS ABOVE", "", "", "", *_stats(all_wall, all_cpu))
    _print_rotations(photos, results, args.repeat)

    first = next(name for name in photos if not name.startswith("_"))
    tiny = _tiny_crop(photos[first], results[first])
    result, wall, cpu = _time(tiny, args.repeat)
    _row("(synthetic) 30 px face crop", tiny, result, wall, cpu)

    _print_matrix(results)
    return 0


def _print_rotations(
    photos: dict[str, Image.Image], results: dict[str, FaceAnalysis], repeat: int
) -> None:
    """Each identity's first photo turned by each of TURNS, then the figures over them all."""
    firsts: dict[str, str] = {}
    for name in photos:
        if not name.startswith("_"):
            firsts.setdefault(name.split("/")[0], name)
    all_wall: list[float] = []
    all_cpu: list[float] = []
    same = 0
    for name in sorted(firsts.values()):
        for angle in TURNS:
            turned = _turn(photos[name], angle)
            result, wall, cpu = _time(turned, repeat)
            found = any(
                face_distance(f.vector, results[name].faces[0].vector) < SAME_FACE
                for f in result.faces
            )
            same += found
            all_wall += wall
            all_cpu += cpu
            label = f"{name} turned {angle}" + ("" if found else " MISSED")
            _row(label, turned, result, wall, cpu)
    cases = len(firsts) * len(TURNS)
    _line(f"ROTATION FALLBACK ({same}/{cases} same face)", "", "", "", *_stats(all_wall, all_cpu))


def _turn(image: Image.Image, angle: int) -> Image.Image:
    if angle % 90:
        return image.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    return image.rotate(angle, expand=True)  # a quarter turn is an exact transpose


def _photos(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*/*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"})


def _load(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return ImageOps.exif_transpose(image).copy()


def _time(image: Image.Image, repeat: int) -> tuple[FaceAnalysis, list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run; CPU time shows when other load skews wall time."""
    result = analyse_photo(image)  # warm-up
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        analyse_photo(image)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return result, wall, cpu


def _line(*cells: str) -> None:
    name, size, status, method, mean, p95, peak, cpu = cells
    print(f"{name:42} {size:>10} {status:14} {method:14} {mean:>8} {p95:>7} {peak:>7} {cpu:>7}")


def _row(
    name: str, image: Image.Image, result: FaceAnalysis, wall: list[float], cpu: list[float]
) -> None:
    size = f"{image.width}x{image.height}"
    methods = ",".join(sorted({f.method for f in result.faces})) or "-"
    _line(name, size, result.status, methods, *_stats(wall, cpu))


def _stats(wall: list[float], cpu: list[float]) -> tuple[str, str, str, str]:
    return (
        f"{np.mean(wall):.0f}",
        f"{np.percentile(wall, 95):.0f}",
        f"{np.max(wall):.0f}",
        f"{np.mean(cpu):.0f}",
    )


def _tiny_crop(image: Image.Image, result: FaceAnalysis) -> Image.Image:
    left, top, right, bottom = result.faces[0].box
    m = 0.2 * (right - left)
    crop = image.crop((round(left - m), round(top - 1.5 * m), round(right + m), round(bottom + m)))
    return crop.resize((30, round(30 * crop.height / crop.width)), Image.Resampling.LANCZOS)


def _print_matrix(results: dict[str, FaceAnalysis]) -> None:
    labels: list[str] = []
    vectors: list[NDArray[np.float32]] = []
    for name, result in results.items():
        for i, face in enumerate(result.faces):
            labels.append(name.removesuffix(".jpg") + (f"#{i}" if len(result.faces) > 1 else ""))
            vectors.append(face.vector)
    matrix = np.stack(vectors)
    print("\nface distance matrix (#i = i-th face in the photo, largest first)")
    print(" " * 24 + " ".join(f"{label[:4] + label.split('/')[1]:>8}" for label in labels))
    for label, vector in zip(labels, vectors, strict=True):
        print(f"{label:24}" + " ".join(f"{d:8.3f}" for d in distances(vector, matrix)))
    _print_summary(labels, matrix)


def _print_summary(labels: list[str], matrix: NDArray[np.float32]) -> None:
    identity = [label.split("/")[0] for label in labels]
    same: list[Pair] = []
    different: list[Pair] = []
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            if identity[i].startswith("_") or identity[j].startswith("_"):
                continue
            d = float(np.linalg.norm(matrix[i] - matrix[j]))
            (same if identity[i] == identity[j] else different).append((d, labels[i], labels[j]))
    for d, a, b in sorted(same):
        print(f"same identity:        {d:.3f}  {a} vs {b}")
    if different:
        d, a, b = min(different)
        print(f"different identities: min {d:.3f} ({a} vs {b}), max {max(different)[0]:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
