"""station-app handover, poster and verify-document, as a script or an officer runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.app import App
from station_app.cli import main
from station_app.db.models import Handover
from station_app.documents import qr_payload
from station_app.domain import UserInfo
from tests.conftest import ADMIN_PASSWORD
from tests.documents.conftest import needs_poppler, pdf_to_png

ISSUE = [
    "handover",
    "--missing", "FIR 12/2026",
    "--found", "GD 45/2026",
    "--receiver-name", "सुरेश कुमार",
    "--receiver-relation", "पिता",
    "--receiver-id-type", "Aadhaar",
    "--receiver-id-number", "1234 5678 9012",
    "--receiver-phone", "9876543210",
    "--witness", "मोहन लाल",
    "--witness", "Sunita Devi",
    "--officer", "Ramesh Chouhan",
    "--officer-rank", "SI",
    "--cwc-order-number", "CWC/112",
    "--cwc-order-date", "02-04-2026",
    "--place", "GRP थाना रतलाम",
    "--at", "2026-04-03 14:30",
]  # fmt: skip


@pytest.fixture
def as_admin(app: App, admin: UserInfo, monkeypatch: pytest.MonkeyPatch) -> App:
    monkeypatch.setenv("STATION_APP_HOME", str(app.paths.home))
    monkeypatch.setenv("STATION_APP_USER", "admin")
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)
    return app


def _certificates(app: App) -> int:
    with app.db.session() as session:
        return session.scalar(select(func.count()).select_from(Handover)) or 0


def test_handover_issues_writes_the_pdf_and_a_reprint_writes_a_duplicate(
    as_admin: App,
    complaint: str,
    found: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "certificate.pdf"
    assert main([*ISSUE, "--pdf", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Certificate RTM01/2026/H/0001 issued" in out and "found child restored" in out
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["certificate.pdf"]  # no temp file left

    copy = tmp_path / "copy.pdf"
    assert main(["handover", "--reprint", "RTM01/2026/H/0001", "--pdf", str(copy)]) == 0
    assert "Duplicate copy (प्रतिलिपि) no. 2" in capsys.readouterr().out
    assert copy.exists()


def test_a_receiver_without_an_id_is_refused_with_nothing_written(
    as_admin: App, complaint: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a for a in ISSUE if a not in ("--receiver-id-number", "1234 5678 9012")]
    target = tmp_path / "certificate.pdf"
    assert main([*args, "--pdf", str(target)]) == 1
    assert "the receiver must show an identity document" in capsys.readouterr().err
    assert not target.exists() and _certificates(as_admin) == 0


def test_issuing_twice_is_refused(
    as_admin: App, complaint: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ISSUE, "--pdf", str(tmp_path / "a.pdf")]) == 0
    assert main([*ISSUE, "--pdf", str(tmp_path / "b.pdf")]) == 1
    assert "already issued" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists() and _certificates(as_admin) == 1


def test_a_pdf_path_in_a_missing_folder_is_refused_before_issuing(
    as_admin: App, complaint: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*ISSUE, "--pdf", str(tmp_path / "nowhere" / "c.pdf")]) == 1
    assert "does not exist; nothing was issued" in capsys.readouterr().err
    assert _certificates(as_admin) == 0


def _qr_text(app: App) -> str:
    with app.db.session() as session:
        row = session.scalars(select(Handover)).one()
        assert row.signature is not None
        return qr_payload.qr_text_for(row.signed_payload, row.signature)


def test_verify_document_from_qr_text_and_pdf_exits_0_a_changed_field_exits_1(
    as_admin: App, complaint: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "certificate.pdf"
    main([*ISSUE, "--pdf", str(target)])
    capsys.readouterr()

    assert main(["verify-document", "--qr", _qr_text(as_admin)]) == 0
    out = capsys.readouterr().out
    assert "Certificate   RTM01/2026/H/0001" in out and "GENUINE." in out
    assert "Handed to     सुरेश कुमार (पिता), Aadhaar card XXXX XXXX 9012" in out

    assert main(["verify-document", str(target)]) == 0
    assert "GENUINE." in capsys.readouterr().out

    forged = json.loads(_qr_text(as_admin))
    forged["rc"] = "मोहन सिंह"
    assert main(["verify-document", "--qr", json.dumps(forged, ensure_ascii=False)]) == 1
    out = capsys.readouterr().out
    assert "NOT GENUINE." in out and "a field was changed" in out
    assert "Handed to     मोहन सिंह" in out


@needs_poppler
def test_verify_document_reads_a_png_scan(
    as_admin: App, complaint: str, found: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "certificate.pdf"
    main([*ISSUE, "--pdf", str(target)])
    scan = pdf_to_png(target.read_bytes(), tmp_path)
    assert main(["verify-document", str(scan)]) == 0
    assert "GENUINE." in capsys.readouterr().out


def test_verify_document_needs_exactly_one_source(
    as_admin: App, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify-document"]) == 1
    assert "Give either --qr TEXT or a FILE" in capsys.readouterr().err


def test_poster_writes_a_poster_for_a_complaint(
    as_admin: App, complaint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "poster.pdf"
    assert main(["poster", "RTM01/2026/M/0001", "--pdf", str(target), "--contact", "112"]) == 0
    assert "Missing poster RTM01/2026/M/0001" in capsys.readouterr().out
    assert target.read_bytes().startswith(b"%PDF")
