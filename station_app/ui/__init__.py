"""The desktop GUI (PySide6). The only package that imports Qt.

Importing it first applies the work-arounds for faults of the installed PySide6.
"""

from station_app.ui import qt_compat

qt_compat.install()
