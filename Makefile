# Shortcuts for dev.py, which does the work and needs only Python 3.11+.
PYTHON := .venv/bin/python

.PHONY: run test venv

## run: set up, seed demo data and serve on http://127.0.0.1:8000
run:
	python3 dev.py run

## test: set up and run every test suite
test:
	python3 dev.py test

## venv: create .venv and install requirements.txt
venv:
	python3 dev.py setup

-include frontend/frontend.mk
