"""Screenshots of every wizard page and of the rehearsal window (offscreen), at 100 % and
200 % scale, for the README.

Run: `make screenshots` (writes docs/screenshots/ and docs/screenshots/scale-200/, and the app
in German, on the Munich example, in docs/screenshots/de/ and de/scale-200/: German words are
long, so these show whether a label is cut off), then look at each picture (`--rehearsal
FOLDER WIDTH HEIGHT [EXAMPLE]` makes only the rehearsal's). The app is opened on an example
draft, as a user starting from it.
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


def shoot_rehearsal(folder: Path, size: tuple[int, int], example_name: str = "") -> None:
    """The rehearsal window on the first example: a question, a surprise's answer revealed,
    and the summary of a round stopped with Esc (a seeded order and a clock moved by hand)."""
    import random

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask import drafts
    from upskill_ask.ui.rehearsal import RehearsalWindow
    from upskill_ask.ui.store import DraftStore

    examples = sorted((ROOT / "resources" / "examples").glob("*.upskill"))
    example = next((e for e in examples if e.stem == example_name), examples[0])
    now = [0.0]
    window = RehearsalWindow(DraftStore(drafts.load(example).model_dump(mode="json")),
                             rng=random.Random(3), clock=lambda: now[0])
    window.resize(*size)
    window.start()
    window.show()
    QTest.qWaitForWindowExposed(window)
    folder.mkdir(parents=True, exist_ok=True)

    def answer(seconds: float, key: Qt.Key = Qt.Key.Key_1) -> None:
        now[0] += seconds
        QTest.keyClick(window, Qt.Key.Key_Space)
        QTest.keyClick(window, key)

    answer(18)
    now[0] += 34
    window._tick()
    app.processEvents()
    window.grab().save(str(folder / "rehearsal-question.png"))
    while window.on_question and window.card.kind != "surprise":
        answer(34, Qt.Key.Key_2)
    now[0] += 71
    QTest.keyClick(window, Qt.Key.Key_Space)
    app.processEvents()
    window.grab().save(str(folder / "rehearsal-answer.png"))
    QTest.keyClick(window, Qt.Key.Key_2)
    if window.on_question:
        answer(26)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    app.processEvents()
    window.grab().save(str(folder / "rehearsal-summary.png"))
    window.store.dirty = False


def shoot_outcome(folder: Path, size: tuple[int, int], example_name: str = "") -> None:
    """The outcome step on the recorded-outcome fixture: the decision and the second part."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from upskill_ask import drafts
    from upskill_ask.ui.wizard import RequestWizard

    draft = drafts.load(ROOT / "tests" / "fixtures" / "outcome-data-analyst.upskill")
    wizard = RequestWizard(draft, path=None)
    wizard.resize(*size)
    wizard.show()
    dialog = wizard.record_outcome()
    dialog.resize(size[0] * 4 // 5, size[1])
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    folder.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(folder / "outcome.png"))
    wizard.store.dirty = False
    wizard.review_page.shutdown()


SHOOTERS = {"--one": shoot, "--rehearsal": shoot_rehearsal, "--outcome": shoot_outcome}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in SHOOTERS:
        folder, width, height = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        SHOOTERS[sys.argv[1]](folder, (width, height), *sys.argv[5:6])
        return
    # the app's own settings (a language chosen in it) must not change the pictures
    base = dict(os.environ, QT_QPA_PLATFORM="offscreen", UPSKILL_ASK_CONFIG_DIR=str(
        Path(os.environ.get("TMPDIR", "/tmp")) / "upskill-ask-screenshots"))
    for language, folder, example in (("en", OUT, ""), ("de", OUT / "de", "nurse-educator-de")):
        env = dict(base, LANGUAGE=language)
        for scale, where in (("1", folder), ("2", folder / "scale-200")):
            env["QT_SCALE_FACTOR"] = scale
            for what in SHOOTERS:
                subprocess.run([sys.executable, __file__, what, str(where), "1000", "780", example],
                           check=True, env=env)


if __name__ == "__main__":
    main()
