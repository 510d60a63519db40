# The two commands a webmaster needs: `make serve` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The office the targets build: the example office in this repository (an office's own repository is
# its own folder: `python -m generator init`). OFFICE=path/to/office for another one.
OFFICE ?= example
# Material's notice about MkDocs 2 is for theme authors, not for a webmaster reading the build's output.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test-site test test-fast audit bench federation lighthouse chromium schemas example-files clean

# (Re)install when the dependencies change; a fresh clone gets its virtual environment here.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The port of `make serve` (PORT=8001 make serve, or make serve PORT=8001, when 8000 is taken).
PORT ?= 8000
serve: $(STAMP)  ## serve the site at http://127.0.0.1:8000 (PORT=8001: another port), rebuilt on every change; a data error is shown on every page until fixed
	$(BIN)/python -m generator serve --root $(OFFICE) --port $(PORT)

build: $(STAMP)  ## write site/ for deployment; fails on any error or warning, never on a note
	$(BIN)/python -m generator build --root $(OFFICE)

check: $(STAMP)  ## check the data files only
	$(BIN)/python -m generator check --root $(OFFICE)

test-site: $(STAMP)  ## what to run before publishing (and what CI runs): check, a strict build, then its links, hosts and OIT items
	$(BIN)/python -m generator test-site --root $(OFFICE)

# The suite runs on every core (pytest-xdist). loadgroup keeps the tests that share a module-scoped
# fixture (a browser, a served or built site) on one worker (tests/conftest.py marks them); the rest
# are handed out one by one. WORKERS=0 runs it in this process, e.g. to use a debugger.
WORKERS ?= auto
PARALLEL = -n $(WORKERS) --dist loadgroup

test: $(STAMP) chromium  ## the whole suite, browser tests included, on every core (WORKERS=0: in one process)
	$(BIN)/python -m pytest $(PARALLEL)

test-fast: $(STAMP)  ## everything but the browser tests, on every core
	$(BIN)/python -m pytest $(PARALLEL) -m "not browser"

# Every package installed in .venv (the pinned runtime and test dependencies and what they pull in;
# not the project itself, nor the venv's own pip and setuptools, which the project never imports),
# checked against PyPI's vulnerability data. --strict: a package that could not be looked up fails
# the audit instead of passing unnoticed. Where PyPI's per-release JSON API
# (https://pypi.org/pypi/<name>/<version>/json) cannot be reached nothing can be audited: that fails
# too, with its own message, unless AUDIT_OFFLINE=warn (then it is a warning and the target passes).
AUDIT_OFFLINE ?=
PIP_AUDIT = $(BIN)/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r $(VENV)/audit-requirements.txt
audit: $(STAMP)  ## known vulnerabilities in the installed runtime and test dependencies (AUDIT_OFFLINE=warn: tolerate no PyPI)
	$(BIN)/python -m pip list --format=freeze --exclude-editable --exclude pip --exclude setuptools --exclude wheel \
	  > $(VENV)/audit-requirements.txt
	@echo "make audit: $$(grep -cv '^#' $(VENV)/audit-requirements.txt) packages installed in $(VENV)"
	@if $(BIN)/python -c "import importlib.metadata as m, urllib.request as u; \
	    u.urlopen('https://pypi.org/pypi/pip-audit/%s/json' % m.version('pip-audit'), timeout=60)" 2>/dev/null; then \
	  echo '$(PIP_AUDIT)' && $(PIP_AUDIT); \
	else \
	  echo "make audit: PyPI's vulnerability API (https://pypi.org/pypi/<name>/<version>/json) cannot be" \
	       "reached from this machine, so no package was audited." >&2; \
	  if [ "$(AUDIT_OFFLINE)" = warn ]; then echo "make audit: AUDIT_OFFLINE=warn: continuing without an audit." >&2; \
	  else echo "make audit: run it where pypi.org answers, or pass AUDIT_OFFLINE=warn to tolerate this." >&2; exit 1; fi; \
	fi

# SCALES=0.05 RUNS=1 make bench: a quick try; the default is the series of BENCHMARKS.md.
SCALES ?= 0.5,1,2
RUNS ?= 3
bench: $(STAMP) chromium  ## build a synthetic office at three sizes against plain MkDocs + Material, alternating, RUNS times; prints figures (see BENCHMARKS.md)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --scales $(SCALES) --runs $(RUNS)

federation: $(STAMP)  ## build a synthetic federation of 50 offices and its supervisory site; prints figures (see BENCHMARKS.md)
	$(BIN)/python bench/federation.py $(if $(OFFICES),--offices $(OFFICES))

lighthouse: $(STAMP) chromium  ## Lighthouse (mobile and desktop) on three pages of the built example; needs npm (see BENCHMARKS.md)
	$(BIN)/python scripts/lighthouse.py

chromium:  ## the system Chromium that the browser tests drive (Debian package)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

schemas: $(STAMP)  ## regenerate schemas/*.schema.json from the models
	$(BIN)/python -m generator schema --out $(OFFICE)/schemas

example-files: $(STAMP)  ## regenerate the example office's PDF originals and photos
	$(BIN)/python -m pip install --quiet -e '.[example]'
	$(BIN)/python scripts/make_example_files.py

clean:  ## remove what builds and tests leave: the site, half-built and previous sites, test screenshots
	rm -rf test-artifacts .pytest_cache build dist $(OFFICE)/site $(OFFICE)/site.partial $(OFFICE)/site.old

help:  ## list these commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22
