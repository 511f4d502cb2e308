"""GUI benchmark, in one run against a bare PySide6 QWizard with as many pages as ours.

* start-up: process start to the first wizard page shown (medians of interleaved runs);
* preview refresh: an edit on the review page until the new proposal is shown in the preview;
* longest event-loop stall while a preview renders (a 1 ms timer measures the gaps);
* peak memory of the app through a full export (proposal, prep sheet, email draft).
Run: `make bench`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import machine, run

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ROUNDS = 9

OURS = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from upskill_ask.ui.wizard import RequestWizard
w = RequestWizard()
w.show()
app.processEvents()
"""
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage, QFormLayout, QLineEdit
app = QApplication(sys.argv[:1])
w = QWizard()
for i in range(int(sys.argv[1])):
    p = QWizardPage(); p.setTitle(f"Page {i}"); f = QFormLayout(p)
    for j in range(6): f.addRow(f"Field {j}", QLineEdit())
    w.addPage(p)
w.show()
app.processEvents()
"""


def startup(env: dict[str, str]) -> None:
    ours, bare = [], []
    for _ in range(ROUNDS):
        ours.append(run([PY, "-c", OURS], env=env)[0])
        bare.append(run([PY, "-c", BARE, "8"], env=env)[0])
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"start-up to first page: ours median {statistics.median(ours):.3f}s, bare 8-page "
          f"QWizard median {statistics.median(bare):.3f}s = {ratio:.2f}x")


def in_process(env: dict[str, str]) -> bool:
    """Preview refresh, event-loop stalls and export memory, in a child running the app;
    False when the session failed."""
    script = Path(__file__).resolve().parent / "_gui_session.py"
    result = subprocess.run([PY, str(script), str(sorted((ROOT / "resources" / "examples")
                                                          .glob("*.upskill"))[0])],
                            capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        print("gui session failed:", result.stderr[-500:])
        return False
    print(result.stdout.strip())
    return True


def main() -> int:
    """Exit status 1 when a measurement failed (a benchmark that prints a failure fails)."""
    home = tempfile.mkdtemp()
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "QT_QPA_PLATFORM": "offscreen"}
    print(f"machine: {machine()}")
    startup(env)
    return 0 if in_process(env) else 1


if __name__ == "__main__":
    sys.exit(main())
