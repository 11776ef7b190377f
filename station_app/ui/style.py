"""A plain, calm look for a police desk: light background, clear type, red only for problems."""

from __future__ import annotations

STYLE_SHEET = """
QWidget { color: #1f2933; }
QMainWindow, QDialog, #loginWindow, #recordView { background: #f6f7f9; }
QLabel#appTitle { font-size: 20pt; font-weight: 600; color: #1d3557; }
QLabel#recordHeading { font-size: 14pt; padding: 4px 2px; }
QLabel[role="error"] { color: #b42318; }
QLabel[role="hint"] { color: #52606d; }
QLabel#registerSummary { color: #52606d; padding: 2px; }
QGroupBox {
    border: 1px solid #d3d8de; border-radius: 6px; margin-top: 14px; padding: 8px 8px 4px 8px;
    background: #ffffff;
}
QGroupBox::title {
    subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1d3557; font-weight: 600;
}
QTableView {
    background: #ffffff; alternate-background-color: #f1f4f8; gridline-color: #e4e7eb;
    selection-background-color: #cfe0f5; selection-color: #102a43;
}
QHeaderView::section {
    background: #e9edf2; border: none; border-right: 1px solid #d3d8de; padding: 4px 6px;
    font-weight: 600;
}
QToolBar { background: #eef1f5; border-bottom: 1px solid #d3d8de; spacing: 6px; padding: 3px; }
QToolBar QToolButton { padding: 4px 10px; border-radius: 4px; }
QToolBar QToolButton:hover { background: #dde5ee; }
QPushButton { padding: 4px 12px; }
QPushButton:default { font-weight: 600; }
QFrame#noStationBox { background: #fff8e6; border: 1px solid #f0d58c; border-radius: 6px; }
QTabBar::tab { padding: 6px 16px; }
QTabBar::tab:selected { font-weight: 600; }
"""
