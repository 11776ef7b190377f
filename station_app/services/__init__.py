"""Service functions: one per user action, shared by the GUI, the CLI and the tests."""
