"""Render benchmark: `upskill-ask render` against bare WeasyPrint on the same HTML, in one run.

For each example draft: write the proposal's self-contained HTML with `--html`, then time, in
interleaved rounds, (a) the whole `upskill-ask render` process and (b) a bare Python process that
only imports WeasyPrint and renders that HTML file. Also times `upskill-ask check` against a bare
`python -c pass`, and reports the peak memory of each process. Run: `make bench`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import machine, run

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 7
PY = sys.executable


def main() -> None:
    examples = sorted((ROOT / "resources" / "examples").glob("*.upskill"))
    tmp = Path(tempfile.mkdtemp())
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "QT_QPA_PLATFORM": "offscreen"}
    print(f"machine: {machine()}")
    print(f"{'example':38} {'ours':>8} {'bare':>8} {'ratio':>6} {'peak MB':>8} {'bare MB':>8}")
    ratios = []
    for example in examples:
        html = tmp / f"{example.stem}.html"
        run([PY, "-m", "upskill_ask", "render", str(example), "-o", str(tmp / "warm.pdf"),
             "--html", str(html)], env=env, cwd=str(tmp))
        ours_cmd = [PY, "-m", "upskill_ask", "render", str(example), "-o", str(tmp / "ours.pdf")]
        bare_cmd = [PY, "-c", "import sys, weasyprint; "
                    "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
                    str(html), str(tmp / "bare.pdf")]
        ours, bare, ours_mb, bare_mb = [], [], 0, 0
        for _ in range(ROUNDS):
            t, mb = run(ours_cmd, env=env, cwd=str(tmp))
            ours.append(t)
            ours_mb = max(ours_mb, mb)
            t, mb = run(bare_cmd, env=env, cwd=str(tmp))
            bare.append(t)
            bare_mb = max(bare_mb, mb)
        ratio = min(ours) / min(bare)
        ratios.append(ratio)
        print(f"{example.stem:38} {min(ours):7.3f}s {min(bare):7.3f}s {ratio:5.2f}x "
              f"{ours_mb:8d} {bare_mb:8d}")
    print(f"render ratio (best of {ROUNDS}, interleaved): median {statistics.median(ratios):.2f}x, "
          f"worst {max(ratios):.2f}x")
    check = [PY, "-m", "upskill_ask", "check", str(examples[0])]
    empty = [PY, "-c", "pass"]
    checks, empties = [], []
    for _ in range(ROUNDS):
        checks.append(run(check, env=env, cwd=str(tmp))[0])
        empties.append(run(empty, env=env, cwd=str(tmp))[0])
    print(f"check: best {min(checks):.3f}s, median {statistics.median(checks):.3f}s "
          f"(bare python start-up {min(empties):.3f}s)")


if __name__ == "__main__":
    main()
