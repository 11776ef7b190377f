"""PFIF 1.4: what the app writes is valid against the official RELAX NG schema, the spec's
sample reads in, and a hostile file can do no harm."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree  # type: ignore[import-untyped]

from station_app.app import App
from station_app.domain import FoundDetails, MissingDetails, UserInfo
from station_app.errors import InvalidInput, StationError
from station_app.pfif.service import export_pfif, import_pfif
from station_app.services import registers
from tests.sync.conftest import complaint, found_child, photo

DATA = Path(__file__).with_name("data")
NS = {"p": "http://zesty.ca/pfif/1.4"}


def schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(DATA / "pfif-1.4.rng")))


def test_export_is_valid_pfif_with_notes_and_photo_references(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    registers.register(app, admin, complaint(), photo())
    registers.register(app, admin, found_child(name=""))
    registers.register(app, admin, complaint("FIR 2", name="Pooja \x07 Devi", aliases=()))
    path = tmp_path / "out" / "registers.xml"

    report = export_pfif(app, admin, path)

    document = etree.parse(str(path))
    schema().assertValid(document)
    assert (report.persons, report.photos) == (3, 1)
    persons = document.findall("p:person", NS)
    names = sorted(p.findtext("p:full_name", namespaces=NS) for p in persons)
    assert names == ["Pooja  Devi", "Unknown child (RTM01/2026/F/0001)", "राजेश कुमार"]
    [url] = [
        p.findtext("p:photo_url", namespaces=NS)
        for p in persons
        if p.find("p:photo_url", NS) is not None
    ]
    assert (path.parent / url).is_file()
    statuses = {n.findtext("p:status", namespaces=NS) for n in document.iterfind(".//p:note", NS)}
    assert statuses == {"information_sought", "believed_alive"}


@pytest.fixture
def in_india(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The desk's clock in IST, as at a station (the test machine may run on UTC)."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_india")
def test_the_spec_sample_imports_as_a_complaint(app: App, admin: UserInfo) -> None:
    report = import_pfif(app, admin, DATA / "pfif-1.4-sample.xml")

    assert (report.persons, report.created) == (1, 1)
    [record] = registers.lookup(app, admin, "ps-kanpur.example.in/person.2024-0001")
    assert isinstance(record.details, MissingDetails)
    details = record.details
    assert (details.name, details.sex.value, details.age_min, details.age_max) == (
        "Ramu Kumar", "male", 9.0, 11.0,
    )  # fmt: skip
    assert details.last_seen_place == "Kanpur Central railway station"
    assert "mole on left cheek" in details.description
    assert "Complaint by father" in details.description
    # 09:30 UTC is 15:00 at the station.
    assert details.registered_at is not None and details.registered_at.hour == 15
    assert import_pfif(app, admin, DATA / "pfif-1.4-sample.xml").unchanged == 1


def test_an_export_imports_at_another_station(app: App, admin: UserInfo, tmp_path: Path) -> None:
    registers.register(app, admin, complaint(), photo())
    registers.register(app, admin, found_child())
    path = tmp_path / "out.xml"
    export_pfif(app, admin, path)
    from tests.sync.conftest import make_station

    other = make_station(tmp_path / "other", "UJN01", "GRP Ujjain", "Ujjain")
    try:
        report = import_pfif(other.app, other.admin, path)
        assert (report.created, report.photos_added) == (2, 1)
        records = registers.lookup(other.app, other.admin, "UJN01/2026/F/0001")
        assert isinstance(records[0].details, FoundDetails)
        assert records[0].details.found_place.startswith("Ujjain station")
    finally:
        other.app.close()


def test_a_person_without_a_name_stops_the_import(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    text = (DATA / "pfif-1.4-sample.xml").read_text(encoding="utf-8")
    path = tmp_path / "bad.xml"
    path.write_text(text.replace("<pfif:full_name>Ramu Kumar</pfif:full_name>", ""), "utf-8")
    with pytest.raises(InvalidInput, match="full_name is missing") as caught:
        import_pfif(app, admin, path)
    assert caught.value.problems[0].line == 3
    assert registers.lookup(app, admin, "ps-kanpur.example.in/person.2024-0001") == []


def test_entities_are_not_expanded_nor_files_read(
    app: App, admin: UserInfo, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    laughs = "".join(
        f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 30)
    )
    text = (DATA / "pfif-1.4-sample.xml").read_text(encoding="utf-8")
    hostile = text.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0"?><!DOCTYPE pfif:pfif [<!ENTITY l0 "ha">{laughs}'
        f'<!ENTITY file SYSTEM "file://{secret}">]>',
    ).replace("Ramu Kumar", "Ramu &l29; &file;")
    path = tmp_path / "hostile.xml"
    path.write_text(hostile, encoding="utf-8")
    try:
        import_pfif(app, admin, path)
    except (InvalidInput, StationError):
        return
    [record] = registers.lookup(app, admin, "ps-kanpur.example.in/person.2024-0001")
    assert "TOP SECRET" not in record.details.name and len(record.details.name) < 100


def test_not_pfif_is_refused_plainly(app: App, admin: UserInfo, tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text('<pfif xmlns="http://zesty.ca/pfif/1.2"/>', encoding="utf-8")
    with pytest.raises(StationError, match=r"PFIF 1\.2; this program reads PFIF 1\.4"):
        import_pfif(app, admin, path)


def test_a_confirmed_match_is_a_linked_note(app: App, admin: UserInfo, tmp_path: Path) -> None:
    from station_app.services import matching

    missing = registers.register(app, admin, complaint())
    found = registers.register(app, admin, replace(found_child(), district="Ratlam"))
    matching.confirm_match(app, admin, found.meta.id, missing.meta.id)
    path = tmp_path / "out.xml"
    export_pfif(app, admin, path)
    document = etree.parse(str(path))
    schema().assertValid(document)
    links = document.findall(".//p:linked_person_record_id", NS)
    assert [link.text for link in links] == [f"rtm01.muskaan-station/found.{found.meta.id}"]
