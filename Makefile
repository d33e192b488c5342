# deliberate: the README's commands. Everything installs into .venv from the project's own files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench install clean system-tools

install: $(STAMP)

# Programs the tests drive besides Python: tmux runs the console in a real terminal;
# Debian's chromium is the browser playwright drives (never a browser playwright downloads).
system-tools:
	@command -v tmux >/dev/null && command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux chromium >/dev/null; }

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# compat: the editable install is a plain path entry (an import finder would cost every command ~50 ms)
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	$(BIN)/python -m compileall -q deliberate
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/deliberate demo --dir demo

# One worker per core (pytest-xdist); each test's files are its own (tmp_path), so any order is safe.
test: $(STAMP) system-tools
	@test -f .cache/npm/node_modules/axe-core/axe.min.js || npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4
	$(BIN)/python -m pytest -n auto

bench: $(STAMP)
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) demo .pytest_cache .hypothesis
