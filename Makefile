# The two commands a webmaster needs: `make serve` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: serve build check test test-fast bench chromium schemas example-files clean

# (Re)install when the dependencies change; a fresh clone gets its virtual environment here.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(STAMP)  ## serve the site at http://127.0.0.1:8000, rebuilt on every change; data warnings are shown, not fatal
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## write site/ for deployment; fails on any error or warning
	$(BIN)/mkdocs build --strict --clean

check: $(STAMP)  ## check the data files only
	$(BIN)/python -m generator check

test: $(STAMP) chromium  ## the whole suite, browser tests included
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## everything but the browser tests
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP) chromium  ## build a large synthetic office against plain MkDocs + Material; prints figures (see BENCHMARKS.md)
	$(BIN)/python bench/run.py

chromium:  ## the system Chromium that the browser tests drive (Debian package)
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

schemas: $(STAMP)  ## regenerate schemas/*.schema.json from the models
	$(BIN)/python -m generator schema --out schemas

example-files: $(STAMP)  ## regenerate the example office's PDF originals and photos
	$(BIN)/python -m pip install --quiet -e '.[example]'
	$(BIN)/python scripts/make_example_files.py

clean:
	rm -rf site .pytest_cache
