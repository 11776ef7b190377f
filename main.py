"""Start the Muskaan Station desktop app: `python main.py [--home DIR] [--demo]`."""

import sys

from station_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
