# Shortcuts for dev.py, which does the work and needs only Python 3.11+.
.PHONY: run test venv frontend-build frontend-test e2e

## run: set up, seed demo data and serve on http://127.0.0.1:8000
run:
	python3 dev.py run

## test: set up and run every test suite
test:
	python3 dev.py test

## venv: create .venv and install requirements.txt
venv:
	python3 dev.py setup

## frontend-build: build the web app into frontend/dist/paygate/browser
frontend-build:
	python3 dev.py build

## frontend-test: the web app's unit tests (Vitest)
frontend-test:
	python3 dev.py test --suite frontend

## e2e: the browser tests in Chromium against a live Django server
e2e:
	python3 dev.py test --suite e2e
