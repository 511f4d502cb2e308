# Two commands: `make run` and `make test`. Both set up .venv when it is missing or stale.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# System libraries the app needs on Debian/Ubuntu: WeasyPrint's Pango and HarfBuzz, Qt's xcb
# platform; Noto fonts draw Arabic, Hebrew, Devanagari and CJK names (the shipped Inter covers
# Latin, Greek and Cyrillic); poppler-utils turns the PDFs into the pictures in docs/.
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 \
	libegl1 libgl1 libdbus-1-3 libglib2.0-0 fonts-noto-core fonts-noto-cjk poppler-utils

.PHONY: run test lint bench screenshots docs-pdf translations check-system apt-line clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "error: could not create a virtual environment; on Debian run: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install -q --upgrade pip
	@# PySide6-Pdf (6.12 only) is no longer used: QtPdf now comes from PySide6-Addons
	@$(PY) -m pip uninstall -y -q PySide6-Pdf >/dev/null 2>&1 || true
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

check-system: $(STAMP)
	@$(PY) -m upskill_ask.syscheck || { echo "Fix it with: sudo apt-get install -y $(APT_PACKAGES)"; exit 1; }

apt-line:
	@echo "apt-get install -y $(APT_PACKAGES)"

run: check-system
	$(PY) -m upskill_ask $(ARGS)

# the suite runs on two workers (pytest-xdist): each GUI test has its own QApplication
JOBS ?= 2

test: check-system
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(JOBS) $(PYTEST_ARGS)
	$(VENV)/bin/ruff check .

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/render.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/gui.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) docs/make_screenshots.py

docs-pdf: $(STAMP)
	$(PY) -m upskill_ask render resources/examples/data-analyst-sql.upskill \
	  -o /tmp/upskill-ask-example.pdf --prep-sheet /tmp/upskill-ask-example-prep.pdf
	$(PY) -m upskill_ask render tests/fixtures/outcome-data-analyst.upskill \
	  -o /tmp/upskill-ask-outcome-proposal.pdf --outcome-report /tmp/upskill-ask-example-outcome.pdf
	$(PY) -m upskill_ask render resources/examples/nurse-educator-de.upskill \
	  -o /tmp/upskill-ask-example-de.pdf
	rm -f docs/pdf/*.png
	pdftoppm -png -r 60 /tmp/upskill-ask-example.pdf docs/pdf/proposal
	pdftoppm -png -r 60 /tmp/upskill-ask-example-prep.pdf docs/pdf/prep-sheet
	pdftoppm -png -r 60 /tmp/upskill-ask-example-outcome.pdf docs/pdf/outcome-report
	pdftoppm -png -r 60 -f 1 -l 1 /tmp/upskill-ask-example-de.pdf docs/pdf/de-proposal

# the app's and the documents' strings: extract them into the template, bring every catalog
# up to date with it, and compile each to the .mo the app loads (see upskill_ask/locale/README.md)
LOCALES := upskill_ask/locale
translations: $(STAMP)
	$(VENV)/bin/pybabel -q extract -F babel.cfg --add-location=file --sort-by-file --add-comments=Translators: \
	  --project=upskill-ask --copyright-holder="upskill-ask contributors" \
	  -o $(LOCALES)/messages.pot .
	$(VENV)/bin/pybabel -q update -i $(LOCALES)/messages.pot -d $(LOCALES) \
	  --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel compile -d $(LOCALES) --statistics
	@# the informal address ("du"): only the messages that change, kept by hand (locale/README.md)
	$(VENV)/bin/pybabel compile -D informal -d $(LOCALES) --statistics

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
