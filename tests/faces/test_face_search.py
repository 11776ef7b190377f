"""The order and stopping rules of the face search, with a scripted detector (no dlib)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from station_app.faces import search
from station_app.faces._engine import Detection, Engine, Rect

ALL_PASSES = [search.UPRIGHT, *search.FALLBACK]


class ScriptedEngine:
    """Answers each detect call from `script`: pass method -> (score, x) of 80 px boxes, x
    from the centre of the copy as shown. Records the shape and upsampling of each call."""

    def __init__(self, script: dict[str, Sequence[tuple[float, int]]]) -> None:
        self.script = script
        self.shown: list[tuple[tuple[int, ...], int]] = []

    def detect(self, rgb: NDArray[np.uint8], upsample: int = 0) -> list[Detection]:
        look = ALL_PASSES[len(self.shown)]
        self.shown.append((rgb.shape, upsample))
        cx, cy = rgb.shape[1] // 2, rgb.shape[0] // 2
        hits = sorted(self.script.get(look.method, ()), reverse=True)
        return [Detection(Rect(cx + x - 40, cy - 40, cx + x + 40, cy + 40), s) for s, x in hits]

    def find(self, photo: Image.Image) -> list[search.Found]:
        return search.find_faces(cast(Engine, cast(Any, self)), photo)


PHOTO = Image.new("RGB", (1280, 960), "gray")


def test_a_confident_upright_face_ends_the_search_at_once() -> None:
    engine = ScriptedEngine({"hog": [(1.2, 0), (0.1, 200)]})
    found = engine.find(PHOTO)
    assert [f.method for f in found] == ["hog", "hog"]  # weak extras kept upright
    assert engine.shown == [((480, 640, 3), 0)]  # one look, in colour, on the 640 copy
    assert (found[0].cx, found[0].width) == (640.0, 160.0)  # mapped back to the photo


def test_turned_and_upsampled_passes_run_in_order_on_grey_copies_when_nothing_is_found() -> None:
    engine = ScriptedEngine({})
    assert engine.find(PHOTO) == []
    shapes = [shape for shape, _ in engine.shown]
    assert shapes == [
        (480, 640, 3),  # upright, colour
        (480, 640),  # +30, in the copy's own frame
        (480, 640),  # -30
        (640, 480),  # -90
        (640, 480),  # +90
        (480, 640),  # 180
        (480, 640),  # upsampled (dlib doubles it)
    ]
    assert [upsample for _, upsample in engine.shown] == [0, 0, 0, 0, 0, 0, 1]


def test_a_square_photo_is_searched_harder_on_a_copy_no_bigger_than_640x480() -> None:
    engine = ScriptedEngine({})
    engine.find(Image.new("RGB", (1000, 1000)))
    assert engine.shown[0][0] == (640, 640, 3)
    assert {shape for shape, _ in engine.shown[1:]} == {(554, 554)}


def test_a_weak_upright_face_gives_way_to_a_confident_turned_one() -> None:
    # An upside-down photo: the upright look scores a weak false face.
    engine = ScriptedEngine({"hog": [(0.1, 200)], "rotated+180": [(1.5, 0)]})
    (face,) = engine.find(PHOTO)
    assert face.method == "rotated+180" and face.angle == 180
    assert len(engine.shown) == 6  # stopped there: no upsampled look


def test_a_weak_upright_face_confirmed_by_a_turned_copy_is_kept_upright() -> None:
    # A dim but real upright face that a tilted copy scores higher: same place, so the
    # face is encoded as it stands.
    engine = ScriptedEngine({"hog": [(0.2, 0)], "rotated+30": [(0.9, 0)]})
    (face,) = engine.find(PHOTO)
    assert face.method == "hog" and face.angle == 0
    assert len(engine.shown) == 2


def test_a_weak_upright_face_is_replaced_by_the_same_face_found_upside_down() -> None:
    # The detector can score an upside-down face weakly as it stands: encoded that way it
    # would be a wrong vector, so the half-turned copy's face wins even in the same place.
    engine = ScriptedEngine({"hog": [(0.1, 0)], "rotated+180": [(1.5, 0)]})
    (face,) = engine.find(PHOTO)
    assert face.method == "rotated+180"


def test_the_first_weak_face_is_kept_when_no_pass_is_confident() -> None:
    engine = ScriptedEngine({"rotated-30": [(0.2, 0)], "rotated+90": [(0.3, 0)]})
    (face,) = engine.find(PHOTO)
    assert face.method == "rotated-30"
    assert len(engine.shown) == 6  # every turn tried; no upsampling once a face is found


def test_weak_extras_in_a_turned_copy_are_dropped() -> None:
    engine = ScriptedEngine({"rotated-90": [(1.1, 0), (0.7, 100), (0.2, -100)]})
    found = engine.find(PHOTO)
    assert [f.method for f in found] == ["rotated-90", "rotated-90"]


def test_small_faces_are_looked_for_last() -> None:
    engine = ScriptedEngine({"hog-upsampled": [(0.4, 0)]})
    (face,) = engine.find(PHOTO)
    assert face.method == "hog-upsampled" and face.angle == 0
    assert len(engine.shown) == len(ALL_PASSES)


@pytest.mark.parametrize("angle", [90, -90, 180, 30, -30])
def test_a_box_on_a_turned_copy_maps_back_to_where_the_photo_shows_it(angle: int) -> None:
    # A bright square on the photo; turn the copy as the pass does and find it there.
    photo = Image.new("L", (640, 480), 0)
    photo.paste(255, (400, 100, 440, 140))
    look = next(p for p in search.FALLBACK if p.angle == angle)
    _, turned = search._look(cast(Engine, _NoEngine()), photo, look)
    ys, xs = np.nonzero(np.asarray(turned) > 128)
    half = 20
    hit = Detection(
        Rect(
            round(xs.mean()) - half,
            round(ys.mean()) - half,
            round(xs.mean()) + half,
            round(ys.mean()) + half,
        ),
        1.0,
    )
    found = search._to_photo(hit, turned, photo, photo, look)
    assert abs(found.cx - 420) < 2 and abs(found.cy - 120) < 2
    assert found.angle == angle


class _NoEngine:
    def detect(self, rgb: NDArray[np.uint8], upsample: int = 0) -> list[Detection]:
        return []
