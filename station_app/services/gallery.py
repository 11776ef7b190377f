"""The parents' identification gallery: photos of found children, and nothing else.

Parents look through these photos to recognise their own child. No name, place, custody
or case number is given out, so the gallery can be shown to the public at the desk;
leaving it needs an officer's password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from station_app.app import App
from station_app.audit import AuditLog
from station_app.db.models import FoundChild, Photo
from station_app.domain import FoundStatus, Sex, UserInfo
from station_app.errors import PermissionDenied
from station_app.permissions import Action, allowed, require
from station_app.services import station

AGE_BANDS: dict[str, tuple[float, float]] = {
    "0-5": (0, 5.99), "6-11": (6, 11.99), "12-14": (12, 14.99), "15-17": (15, 17.99),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class GalleryPhoto:
    """One photo to show: where its display copy is, and nothing about the child."""

    photo_id: str
    image_path: str


def gallery_photos(
    app: App, user: UserInfo, sex: Sex | None = None, age_band: str | None = None
) -> list[GalleryPhoto]:
    """Main photos of found children not yet restored, filtered by sex and age band."""
    require(user, Action.VIEW)
    low = func.coalesce(FoundChild.age_min, FoundChild.age_years, FoundChild.age_max)
    high = func.coalesce(FoundChild.age_max, FoundChild.age_years, FoundChild.age_min)
    query = (
        select(Photo.id, Photo.sha256, Photo.rotation)
        .join(FoundChild, Photo.found_id == FoundChild.id)
        .where(Photo.is_main.is_(True), FoundChild.status != FoundStatus.RESTORED.value)
        .order_by(FoundChild.registered_at.desc())
    )
    if sex is not None and sex is not Sex.UNKNOWN:
        query = query.where(FoundChild.sex.in_([sex.value, Sex.UNKNOWN.value]))
    if age_band:
        first, last = AGE_BANDS[age_band]
        query = query.where(high >= first, low <= last)
    with app.db.session() as session:
        rows = session.execute(query).all()
        AuditLog(session, user).record(
            "view_gallery", "found", None,
            {"summary": f"gallery: {sex.value if sex else 'all'}, {age_band or 'all ages'}, "
                        f"{len(rows)} photo(s)"},
        )  # fmt: skip
    return [
        GalleryPhoto(photo_id, str(app.photos.normalized_path(sha, rotation)))
        for photo_id, sha, rotation in rows
    ]


def unlock_gallery(app: App, username: str, password: str) -> UserInfo:
    """The officer who ends the gallery session (a viewer's password is not enough)."""
    user = station.login(app, username, password)
    if not allowed(user, Action.REGISTER):
        raise PermissionDenied(f"{user.username} may not end the gallery; ask an officer.")
    return user
