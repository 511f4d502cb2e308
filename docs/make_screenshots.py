"""Screenshots of every wizard page (offscreen), at 100 % and 200 % scale, for the README.

Run: `make screenshots` (writes docs/screenshots/ and docs/screenshots/scale-200/, and the app
in German, on the Munich example, in docs/screenshots/de/ and de/scale-200/: German words are
long, so these show whether a label is cut off), then look at each picture. The app is opened
on an example draft, as a user starting from it.
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


def shoot(folder: Path, size: tuple[int, int], example_name: str = "") -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask import drafts
    from upskill_ask.ui.wizard import RequestWizard

    examples = sorted((ROOT / "resources" / "examples").glob("*.upskill"))
    example = next((p for p in examples if p.stem == example_name), examples[0])
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
        shoot(folder, (width, height), sys.argv[5] if len(sys.argv) > 5 else "")
        return
    # the app's own settings (a language chosen in it) must not change the pictures
    base = dict(os.environ, QT_QPA_PLATFORM="offscreen", UPSKILL_ASK_CONFIG_DIR=str(
        Path(os.environ.get("TMPDIR", "/tmp")) / "upskill-ask-screenshots"))
    for language, folder, example in (("en", OUT, ""), ("de", OUT / "de", "nurse-educator-de")):
        env = dict(base, LANGUAGE=language)
        for scale, where in (("1", folder), ("2", folder / "scale-200")):
            env["QT_SCALE_FACTOR"] = scale
            subprocess.run([sys.executable, __file__, "--one", str(where), "1000", "780", example],
                           check=True, env=env)


if __name__ == "__main__":
    main()
