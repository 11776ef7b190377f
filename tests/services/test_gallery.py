from __future__ import annotations

import pytest

from station_app import accounts
from station_app.app import App
from station_app.domain import FoundDetails, FoundStatus, Role, Sex, UserInfo
from station_app.errors import AuthenticationFailed, PermissionDenied
from station_app.photo_store import check_image
from station_app.services import gallery, registers
from tests.conftest import ADMIN_PASSWORD, jpeg_bytes


def test_only_unrestored_found_children_by_sex_and_age(app: App, admin: UserInfo) -> None:
    for ref, sex, age, status in (("GD 1", Sex.MALE, 6, FoundStatus.UNCLAIMED),
                                  ("GD 2", Sex.FEMALE, 4, FoundStatus.IN_SHELTER),
                                  ("GD 3", Sex.UNKNOWN, 13, FoundStatus.UNCLAIMED),
                                  ("GD 4", Sex.MALE, 8, FoundStatus.RESTORED)):  # fmt: skip
        registers.register(app, admin, FoundDetails(ref=ref, sex=sex, age_years=age, status=status),
                           [check_image(jpeg_bytes(colour=(age, 1, 1)), f"{ref}.jpg")])  # fmt: skip
    assert len(gallery.gallery_photos(app, admin)) == 3
    assert len(gallery.gallery_photos(app, admin, Sex.MALE)) == 2  # a boy, and sex unknown
    assert len(gallery.gallery_photos(app, admin, None, "0-5")) == 1


def test_a_viewer_cannot_end_the_gallery(app: App, admin: UserInfo) -> None:
    with app.db.session() as session:
        accounts.create_user(session, "RTM01", "clerk", "clerk-pass", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        gallery.unlock_gallery(app, "clerk", "clerk-pass")
    with pytest.raises(AuthenticationFailed):
        gallery.unlock_gallery(app, "admin", "wrong")
    assert gallery.unlock_gallery(app, "admin", ADMIN_PASSWORD).username == "admin"
