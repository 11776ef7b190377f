"""Whatever happens to a batch on the way (a flipped byte, a cut-off copy), HQ refuses it
cleanly: BatchRejected, never another exception, and nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.app import open_app
from station_app.services import hq as hq_service
from station_app.sync.errors import BatchRejected
from tests.sync.conftest import (
    PASSWORD,
    Hq,
    complaint,
    connect,
    export,
    make_station,
    register,
    snapshot,
)

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Hq, bytes, Path]]:
    station = make_station(tmp_path / "ratlam", "RTM01", "GRP Ratlam", "Ratlam")
    app = open_app(str(tmp_path / "hq"))
    _, admin, key = hq_service.init_hq(app, "DHQ-RTM", "HQ", "Ratlam", "MP", "admin", PASSWORD)
    hq = Hq(app, admin, key)
    connect(station, hq, tmp_path / "keys")
    register(station, complaint())
    batch = export(station, tmp_path / "usb", **{})
    yield hq, batch.path.read_bytes(), tmp_path / "fuzzed.batch"
    station.app.close()
    app.close()


def assert_refused(hq: Hq, path: Path) -> None:
    before = snapshot(hq.app)
    with pytest.raises(BatchRejected):
        hq_service.import_batch(hq.app, hq.admin, path)
    assert snapshot(hq.app) == before


@FUZZ
@given(data=st.data())
def test_a_flipped_byte_is_always_refused(
    setup: tuple[Hq, bytes, Path], data: st.DataObject
) -> None:
    hq, original, path = setup
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    flip = data.draw(st.integers(1, 255), label="xor")
    damaged = bytearray(original)
    damaged[position] ^= flip
    path.write_bytes(bytes(damaged))
    assert_refused(hq, path)


@FUZZ
@given(data=st.data())
def test_a_cut_off_copy_is_always_refused(
    setup: tuple[Hq, bytes, Path], data: st.DataObject
) -> None:
    hq, original, path = setup
    length = data.draw(st.integers(0, len(original) - 1), label="length")
    path.write_bytes(original[:length])
    assert_refused(hq, path)


def test_the_untouched_file_is_accepted(setup: tuple[Hq, bytes, Path]) -> None:
    hq, original, path = setup
    path.write_bytes(original)
    assert hq_service.import_batch(hq.app, hq.admin, path).records().new == 1
