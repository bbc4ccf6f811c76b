# eventwire: two commands for a fresh machine.
#   make run   - create .venv, install, code the bundled samples into the default store, print what was found
#   make test  - create .venv, install with test extras, run the whole suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
EW     := $(VENV)/bin/eventwire
DB     ?= eventwire.duckdb
SAMPLE_DATE ?= 2024-05-14

.PHONY: run test install install-test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(EW) ingest samples/ --db $(DB) --date $(SAMPLE_DATE)
	$(EW) stats --db $(DB)
	$(EW) query --db $(DB) --format table --limit 25

test: $(VENV)/.installed-test
	bash scripts/test.sh

bench: $(VENV)/.installed
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/store.py

clean:
	rm -rf $(VENV) build *.egg-info $(DB) $(DB).wal .pytest_cache
