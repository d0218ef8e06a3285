# Packaged builds of nkarchive. `make package` works from a fresh checkout: it sets up .venv
# (scripts/setup) when needed, then builds $(DIST)/nkarchive/ with PyInstaller (build.spec).
# DIST and WORK may be given elsewhere: `make package DIST=/tmp/out WORK=/tmp/work`.

VENV := .venv
PYTHON := $(VENV)/bin/python
PYINSTALLER := $(VENV)/bin/pyinstaller
DIST ?= dist
WORK ?= build/pyinstaller
APP := $(DIST)/nkarchive/nkarchive

.PHONY: package selftest bench icons clean-package

package: $(PYINSTALLER)
	rm -rf "$(WORK)" "$(DIST)/nkarchive" "$(DIST)/nkarchive.app"
	$(PYINSTALLER) --noconfirm --clean --log-level WARN --workpath "$(WORK)" --distpath "$(DIST)" build.spec
	@echo "built $(APP)"

$(PYINSTALLER):
	scripts/setup

# The built app's own check: offscreen, in a temporary folder, one line per check.
selftest: package
	$(APP) --self-test

# Size of the build and the time it takes to show its main window.
bench: package
	$(PYTHON) tests/perf/bench_package.py --app $(APP)

# Redraws resources/icons from packaging/make_icons.py (commit the result).
icons:
	QT_QPA_PLATFORM=offscreen $(PYTHON) packaging/make_icons.py

clean-package:
	rm -rf "$(WORK)" "$(DIST)/nkarchive" "$(DIST)/nkarchive.app"
