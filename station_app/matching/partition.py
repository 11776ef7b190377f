"""One part of a candidate index: numpy columns and face vectors, one row per record.

Adding, changing or removing one record touches one row (and its face rows). Freed rows are
reused; ranking reads views of the rows used so far and skips inactive ones.

Face vectors live in one float32 matrix with an owner row index, so one matrix product
gives every candidate face's distance to the query's faces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from station_app.matching.columns import Columns
from station_app.matching.features import Features, stable_hash

VECTOR_SIZE = 128
_T = TypeVar("_T", bound=np.generic)


@dataclass(frozen=True, slots=True)
class IndexView:
    """What one ranking pass reads: views of the used rows, valid until the next change."""

    columns: Columns
    active: NDArray[np.bool_]
    tiebreak: NDArray[np.int64]
    faces: NDArray[np.float32]  # (face rows, 128)
    face_norms: NDArray[np.float32]  # squared norms
    face_owner: NDArray[np.int32]  # row of the owner, -1 for a free face row


class Partition:
    """Records' numbers and face vectors as arrays; not thread-safe by itself."""

    def __init__(self, capacity: int = 1024) -> None:
        self._ids: list[str | None] = []
        self._row_of: dict[str, int] = {}
        self._free_rows: list[int] = []
        self._columns = Columns.empty(capacity)
        self._active = np.zeros(capacity, dtype=np.bool_)
        self._tiebreak = np.zeros(capacity, dtype=np.int64)
        self._faces = np.zeros((capacity, VECTOR_SIZE), dtype=np.float32)
        self._face_norms = np.zeros(capacity, dtype=np.float32)
        self._face_owner = np.full(capacity, -1, dtype=np.int32)
        # Most records have one face or none: the first face row of each record is kept in
        # an array, further ones in a dict (a dict of lists for a million records is 170 MB).
        self._first_face = np.full(capacity, -1, dtype=np.int32)
        self._more_faces: dict[int, list[int]] = {}
        self._free_face_rows: list[int] = []
        self._face_size = 0

    def add(
        self, record_id: str, row_features: Features, faces: Sequence[NDArray[np.float32]]
    ) -> None:
        """Add a record, or replace it if the partition has it already."""
        row = self._row_of.get(record_id)
        if row is None:
            row = self._new_row(record_id)
        else:
            self._drop_faces(row)
        self._columns.set_row(row, row_features, bool(faces))
        self._active[row] = True
        self._tiebreak[row] = stable_hash(record_id)
        for vector in faces:
            self._add_face(row, vector)

    def remove(self, record_id: str) -> bool:
        row = self._row_of.pop(record_id, None)
        if row is None:
            return False
        self._drop_faces(row)
        self._columns.clear_row(row)
        self._active[row] = False
        self._ids[row] = None
        self._free_rows.append(row)
        return True

    # --- reading -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._row_of

    def ids(self) -> list[str]:
        return list(self._row_of)

    @property
    def size(self) -> int:
        """Rows in use or freed: the length of the views ranking reads."""
        return len(self._ids)

    def id_at(self, row: int) -> str:
        record_id = self._ids[row]
        assert record_id is not None, f"row {row} is free"
        return record_id

    def row_of(self, record_id: str) -> int | None:
        return self._row_of.get(record_id)

    def faces_of(self, row: int) -> NDArray[np.float32]:
        """The face vectors of the record in `row`, shape (n, 128)."""
        return self._faces[self._face_rows(row)]

    def view(self) -> IndexView:
        size = len(self._ids)
        faces = self._face_size
        return IndexView(
            columns=self._columns.head(size),
            active=self._active[:size],
            tiebreak=self._tiebreak[:size],
            faces=self._faces[:faces],
            face_norms=self._face_norms[:faces],
            face_owner=self._face_owner[:faces],
        )

    def nbytes(self) -> int:
        """Memory held by the arrays (profiles kept in memory not included)."""
        arrays = (
            self._active,
            self._tiebreak,
            self._first_face,
            self._faces,
            self._face_norms,
            self._face_owner,
        )
        return self._columns.nbytes() + sum(a.nbytes for a in arrays)

    # --- rows --------------------------------------------------------------------------------

    def _new_row(self, record_id: str) -> int:
        if self._free_rows:
            row = self._free_rows.pop()
            self._ids[row] = record_id
        else:
            row = len(self._ids)
            self._ids.append(record_id)
            if row >= self._columns.rows:
                self._grow_rows(2 * self._columns.rows)
        self._row_of[record_id] = row
        return row

    def _grow_rows(self, rows: int) -> None:
        self._columns = self._columns.grown(rows)
        self._active = _grown(self._active, rows, False)
        self._tiebreak = _grown(self._tiebreak, rows, 0)
        self._first_face = _grown(self._first_face, rows, -1)

    def _add_face(self, row: int, vector: NDArray[np.float32]) -> None:
        if self._free_face_rows:
            face = self._free_face_rows.pop()
        else:
            face = self._face_size
            self._face_size += 1
            if face >= len(self._face_owner):
                self._grow_faces(2 * len(self._face_owner))
        values = np.asarray(vector, dtype=np.float32).reshape(VECTOR_SIZE)
        self._faces[face] = values
        self._face_norms[face] = float(values @ values)
        self._face_owner[face] = row
        if self._first_face[row] < 0:
            self._first_face[row] = face
        else:
            self._more_faces.setdefault(row, []).append(face)

    def _grow_faces(self, rows: int) -> None:
        bigger = np.zeros((rows, VECTOR_SIZE), dtype=np.float32)
        bigger[: len(self._faces)] = self._faces
        self._faces = bigger
        self._face_norms = _grown(self._face_norms, rows, 0.0)
        self._face_owner = _grown(self._face_owner, rows, -1)

    def _drop_faces(self, row: int) -> None:
        for face in self._face_rows(row):
            self._face_owner[face] = -1
            self._faces[face] = 0.0
            self._face_norms[face] = 0.0
            self._free_face_rows.append(face)
        self._first_face[row] = -1
        self._more_faces.pop(row, None)

    def _face_rows(self, row: int) -> list[int]:
        first = int(self._first_face[row])
        return [] if first < 0 else [first, *self._more_faces.get(row, ())]


def _grown(array: NDArray[_T], rows: int, fill: float | bool) -> NDArray[_T]:
    bigger: NDArray[_T] = np.full(rows, fill, dtype=array.dtype)
    bigger[: len(array)] = array
    return bigger
