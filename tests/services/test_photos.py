from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from station_app.app import App
from station_app.domain import (
    ChildRecord,
    MissingDetails,
    MissingRecord,
    PhotoInfo,
    Role,
    UserInfo,
)
from station_app.errors import NotFound, PermissionDenied, StationError
from station_app.photo_store import check_image
from station_app.services import photos, registers
from tests.conftest import jpeg_bytes, png_bytes


@pytest.fixture
def record(app: App, admin: UserInfo) -> MissingRecord:
    images = [
        check_image(jpeg_bytes((300, 400)), "a.jpg"),
        check_image(jpeg_bytes((200, 100), (10, 10, 10)), "b.jpg"),
    ]
    made = registers.register(app, admin, MissingDetails(ref="FIR 1", name="Rajesh"), images)
    assert isinstance(made, MissingRecord)
    return made


def by_name(record: ChildRecord, name: str) -> PhotoInfo:
    return next(p for p in record.photos if p.original_name == name)


def test_set_main_photo_leaves_exactly_one_main(
    app: App, admin: UserInfo, record: MissingRecord
) -> None:
    changed = photos.set_main_photo(app, admin, by_name(record, "b.jpg").id)
    assert [(p.original_name, p.is_main) for p in changed.photos] == [
        ("a.jpg", False),
        ("b.jpg", True),
    ]
    assert changed.meta.version == record.meta.version
    history = registers.record_history(app, admin, record.meta.id)
    assert [e.action for e in history][-1] == "set_main_photo"
    assert history[-1].summary == "main photo b.jpg"


def test_rotate_writes_new_copies_and_keeps_the_original(
    app: App, admin: UserInfo, record: MissingRecord
) -> None:
    photo = by_name(record, "a.jpg")
    original = Path(photo.original_path).read_bytes()
    turned = by_name(photos.rotate_photo(app, admin, photo.id, 90), "a.jpg")
    assert turned.normalized_path != photo.normalized_path
    with Image.open(turned.normalized_path) as image:
        assert image.size == (400, 300)
    assert Path(turned.original_path).read_bytes() == original
    back = by_name(photos.rotate_photo(app, admin, photo.id, -90), "a.jpg")
    assert back.normalized_path == photo.normalized_path
    with pytest.raises(StationError):
        photos.rotate_photo(app, admin, photo.id, 45)


def test_remove_promotes_the_next_photo(app: App, admin: UserInfo, record: MissingRecord) -> None:
    main = next(p for p in record.photos if p.is_main)
    left = photos.remove_photo(app, admin, main.id)
    assert [(p.original_name, p.is_main) for p in left.photos] == [("b.jpg", True)]
    assert [e.action for e in registers.record_history(app, admin, record.meta.id)][-1] == (
        "remove_photo"
    )
    with pytest.raises(NotFound):
        photos.remove_photo(app, admin, main.id)


def test_add_photos_skips_ones_already_there(
    app: App, admin: UserInfo, record: MissingRecord
) -> None:
    again = check_image(jpeg_bytes((300, 400)), "a-again.jpg")
    new = check_image(png_bytes(), "c.png")
    changed = photos.add_photos(app, admin, record.meta.id, [again, new])
    assert sorted(p.original_name for p in changed.photos) == ["a.jpg", "b.jpg", "c.png"]


def test_a_viewer_may_not_change_photos(app: App, admin: UserInfo, record: MissingRecord) -> None:
    from station_app import accounts

    with app.db.session() as session:
        viewer = accounts.create_user(session, "RTM01", "clerk", "clerk-pass", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        photos.set_main_photo(app, viewer, record.photos[1].id)
