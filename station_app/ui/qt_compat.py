"""Work-arounds for faults of the installed PySide6, each detected rather than assumed.

PySide6 6.12.0 returns `None`, `True` and `False` to Python without taking a reference
to them (every void method such as `setText`, and `Signal.emit`), as if they were
"immortal", which they are from Python 3.12 on but not on 3.11. On 3.11 every such
call takes one reference away; after a few thousand calls `None` is freed and the
interpreter aborts ("none_dealloc: deallocating None"). Where the fault is seen, we
do what Python 3.12 does: give those three objects a reserve of references that no
session can use up. `install()` runs before any window is made.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

RESERVE = 1 << 40
_installed = False


def _void_call_drops_a_reference() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def install() -> bool:
    """Pin None, True and False if this PySide6 drops references to them; True if so."""
    global _installed
    if _installed or sys.version_info >= (3, 12) or not _void_call_drops_a_reference():
        return _installed
    for value in (None, True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += RESERVE
    _installed = True
    return True


install()
