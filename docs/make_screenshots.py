"""Screenshots of every wizard page (offscreen), at 100 % and 200 % scale, for the README.

Run: `make screenshots` (writes docs/screenshots/ and docs/screenshots/scale-200/), then look
at each picture. The app is opened on the first example draft, as a user starting from it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
NAMES = ["start", "you-and-your-manager", "skill", "options", "making-it-stick", "questions",
         "private-prep", "review-and-export"]


def shoot(folder: Path, size: tuple[int, int]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask import drafts
    from upskill_ask.ui.wizard import RequestWizard

    example = sorted((ROOT / "resources" / "examples").glob("*.upskill"))[0]
    wizard = RequestWizard(drafts.load(example), path=None)
    wizard.resize(*size)
    wizard.show()
    folder.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(NAMES):
        deadline = time.monotonic() + (12 if name == "review-and-export" else 0.3)
        while time.monotonic() < deadline:
            app.processEvents()
            busy = getattr(wizard.review_page, "is_busy", lambda: False)()
            if name == "review-and-export" and not busy and time.monotonic() > deadline - 9:
                break
            time.sleep(0.02)
        wizard.grab().save(str(folder / f"{index + 1:02d}-{name}.png"))
        wizard.next()
    wizard.store.dirty = False
    wizard.review_page.shutdown()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        folder, width, height = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        shoot(folder, (width, height))
        return
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, __file__, "--one", str(OUT), "1000", "780"], check=True, env=env)
    env["QT_SCALE_FACTOR"] = "2"
    subprocess.run([sys.executable, __file__, "--one", str(OUT / "scale-200"), "1000", "780"],
                   check=True, env=env)


if __name__ == "__main__":
    main()
