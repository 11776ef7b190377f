"""Child process for the crash test: registers and imports children with photos, forever.

Every registration has exactly two photos; every import file has five records with a
photo each, so a half-written change is visible.
"""

from __future__ import annotations

import io
import json
import random
from multiprocessing.synchronize import Event
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from station_app.accounts import user_info
from station_app.app import open_app
from station_app.db.models import User
from station_app.domain import FoundDetails
from station_app.importing.service import import_file
from station_app.photo_store import check_image
from station_app.services import registers

PHOTOS_PER_REGISTRATION = 2
RECORDS_PER_IMPORT = 5


def photo(rng: random.Random) -> bytes:
    image = Image.new("RGB", (rng.randint(300, 900), rng.randint(300, 900)),
                      tuple(rng.randint(0, 255) for _ in range(3)))  # fmt: skip
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def write_import(folder: Path, rng: random.Random, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for index in range(RECORDS_PER_IMPORT):
        name = f"{tag}-{index}.jpg"
        (folder / name).write_bytes(photo(rng))
        lines.append({"kind": "missing", "ref": f"IMP {tag} {index}", "name": "Pooja",
                      "photos": [name]})  # fmt: skip
    path = folder / f"{tag}.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def run(home: str, seed: int, ready: Event) -> None:
    """Write until killed. Runs in a forked process, so it opens its own database."""
    rng = random.Random(seed)
    app = open_app(home)
    with app.db.session() as session:
        user = user_info(session.scalars(select(User).where(User.username == "admin")).one())
    ready.set()
    step = 0
    while True:
        tag = f"{seed}-{step}"
        if step % 2:
            images = [check_image(photo(rng), f"{tag}-{i}.jpg")
                      for i in range(PHOTOS_PER_REGISTRATION)]  # fmt: skip
            registers.register(app, user, FoundDetails(ref=f"REG {tag}"), images)
        else:
            import_file(app, user, write_import(Path(home).parent / "incoming", rng, tag))
        step += 1
