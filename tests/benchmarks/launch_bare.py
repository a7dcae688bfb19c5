"""The start-up baseline: a bare PySide6 QMainWindow, shown, measured like the app."""

from __future__ import annotations

import sys

from tests.benchmarks import ready  # first: its import time is the launcher's start


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    ready.mark("imported")
    app = QApplication(sys.argv)
    window = QMainWindow()
    ready.watch_window(window, lambda shown: shown)  # the key goes to the window itself
    window.setWindowTitle("Bare window")
    window.resize(1200, 780)  # the studio's default size
    window.show()
    ready.mark("window")
    ready.install()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
