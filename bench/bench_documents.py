"""Documents benchmark: handover certificate, reprint, poster, and checking a certificate.

Run: python -m bench.bench_documents [--repeat N]
Prints the median and worst of N runs of each, in-process and warm (fonts registered
once, as in the desktop app). The target: a certificate PDF in under 0.5 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select

from station_app.app import App, open_app
from station_app.db.models import Handover
from station_app.documents.certificate import Certificate, Officer, Receiver, Witness, from_json
from station_app.documents.handover_pdf import PrintRun, handover_pdf
from station_app.documents.handover_request import HandoverRequest
from station_app.domain import Guardian, MissingDetails, Sex, UserInfo
from station_app.pdf.fonts import register_fonts
from station_app.photo_store import check_image
from station_app.services import handover, registers, station

TARGET_SECONDS = 0.5


def portrait() -> bytes:
    """A 1200 x 1600 JPEG, the size a phone photo is normalised to."""
    image = Image.new("RGB", (1200, 1600), (190, 160, 130))
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 250, 900, 950), fill=(140, 100, 70))
    draw.rectangle((150, 1000, 1050, 1600), fill=(40, 80, 160))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def setup(home: Path, children: int) -> tuple[App, UserInfo]:
    app = open_app(str(home))
    _, admin = station.init_station(
        app, "RTM01", "GRP Ratlam", "Ratlam", "Madhya Pradesh", "admin", "bench-pass-1"
    )
    photo = check_image(portrait(), "photo.jpg")
    for index in range(children):
        registers.register(app, admin, complaint(index), [photo])
    return app, admin


def complaint(index: int) -> MissingDetails:
    return MissingDetails(
        ref=f"FIR {index}/2026",
        name="राजेश कुमार",
        sex=Sex.MALE,
        age_years=9,
        fir_number=f"{index}/2026",
        clothing="नीली कमीज़, काली पैंट",
        last_seen_at=datetime(2026, 3, 2, 17, 30),
        last_seen_place="रतलाम जंक्शन",
        guardian=Guardian("सुरेश कुमार", "पिता", "9876543210", "ग्राम बांगरोद, रतलाम"),
        registered_at=datetime(2026, 3, 3, 10, 0),
    )


def request(index: int) -> HandoverRequest:
    return HandoverRequest(
        missing_ref=f"FIR {index}/2026",
        receiver=Receiver("सुरेश कुमार", "पिता", "aadhaar", "123456789012", "ग्राम बांगरोद"),
        officer=Officer("Ramesh Chouhan", "SI", "PN 1234"),
        witnesses=(Witness("मोहन लाल"), Witness("Sunita Devi")),
        handed_over_at=datetime(2026, 4, 3, 14, 30) + timedelta(minutes=index),
        place="GRP थाना रतलाम",
    )


def measure(label: str, runs: int, action: Callable[[int], object]) -> float:
    """Wall-clock median and worst, and the median CPU time (steadier on a busy machine)."""
    wall, cpu = [], []
    for index in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action(index)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    worst = max(wall)
    print(
        f"{label:<44} median {statistics.median(wall):6.3f} s  worst {worst:6.3f} s  "
        f"cpu {statistics.median(cpu):6.3f} s  ({runs} runs)"
    )
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    runs = parser.parse_args().repeat
    start = time.perf_counter()
    register_fonts()
    print(f"{'fonts registered (once per process)':<46} {time.perf_counter() - start:6.3f} s")
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as folder:
        app, admin = setup(Path(folder) / "home", 2 * runs)
        issued: list[handover.PrintedDocument] = []

        def issue(index: int) -> None:
            issued.append(handover.issue_handover(app, admin, request(index)))

        measure("issue certificate (transaction + 2-page PDF)", runs, issue)
        number = issued[0].certificate_number
        certificate = handover_certificate(app, number)
        photo = portrait()
        worst = measure(
            "certificate PDF alone (2 pages)",
            runs,
            lambda _: handover_pdf(certificate, "x" * 380, photo, PrintRun(1, datetime.now(), "a")),
        )
        measure(
            "reprint (duplicate copy)",
            runs,
            lambda _: handover.reprint_handover(app, admin, number),
        )
        measure(
            "missing poster",
            runs,
            lambda i: handover.public_notice(app, admin, f"FIR {i + runs}/2026", contact="112"),
        )
        pdf_path = Path(folder) / "certificate.pdf"
        pdf_path.write_bytes(issued[0].pdf)
        measure(
            "verify certificate from its PDF",
            runs,
            lambda _: handover.verify_file(app, admin, pdf_path),
        )
        app.close()
    verdict = "meets" if worst < TARGET_SECONDS else "MISSES"
    print(f"certificate PDF: worst {worst:.3f} s {verdict} the {TARGET_SECONDS} s target")
    print(f"certificate PDF size: {len(issued[0].pdf) / 1024:.0f} KiB (2 pages)")


def handover_certificate(app: App, number: str) -> Certificate:
    with app.db.session() as session:
        row = session.scalars(select(Handover).where(Handover.certificate_number == number)).one()
        return from_json(row.details)


if __name__ == "__main__":
    main()
