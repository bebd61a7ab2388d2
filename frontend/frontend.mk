# Targets for the Angular app in frontend/ and the browser tests in e2e/.
# The top-level Makefile includes this file and defines PYTHON and the `venv` target;
# every path here is relative to the repository root, where make runs.

PYTHON ?= .venv/bin/python
FRONTEND_DIR := frontend
FRONTEND_INDEX := $(FRONTEND_DIR)/dist/paygate/browser/index.html
FRONTEND_INPUTS := $(FRONTEND_DIR)/src $(FRONTEND_DIR)/public $(FRONTEND_DIR)/angular.json \
	$(FRONTEND_DIR)/package-lock.json $(FRONTEND_DIR)/tsconfig.json $(FRONTEND_DIR)/tsconfig.app.json
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Angular 21 supports Node.js ^20.19, ^22.12 and >=24.
define FRONTEND_NODE_CHECK
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && \
node -e 'const [major, minor] = process.versions.node.split(".").map(Number); \
process.exit((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24 ? 0 : 1)'
endef

define FRONTEND_NODE_MISSING
echo "Node.js 20.19+ (or 22.12+) and npm are needed to build the web app in $(FRONTEND_DIR)/."; \
echo "Install them, for example with: apt-get install nodejs npm (Debian 13) or from https://nodejs.org/."; \
echo "The API under /api/ works without the app."
endef

# npm ci runs again only when the lock file is newer than the last install.
define FRONTEND_NPM_CI
if [ ! -f $(FRONTEND_DIR)/node_modules/.package-lock.json ] || \
   [ $(FRONTEND_DIR)/package-lock.json -nt $(FRONTEND_DIR)/node_modules/.package-lock.json ]; then \
	echo "Installing the web app's npm packages (npm ci)"; \
	(cd $(FRONTEND_DIR) && npm ci --no-audit --no-fund --loglevel=error) || exit 1; \
fi
endef

.PHONY: frontend-build frontend-test e2e e2e-browser

## frontend-build: install the npm packages if needed and build the app into frontend/dist/paygate/browser
frontend-build:
	@if ! { $(FRONTEND_NODE_CHECK); }; then $(FRONTEND_NODE_MISSING); exit 0; fi; \
	$(FRONTEND_NPM_CI); \
	if [ -f $(FRONTEND_INDEX) ] && [ -z "$$(find $(FRONTEND_INPUTS) -newer $(FRONTEND_INDEX) -print -quit)" ]; then \
		echo "The web app build is up to date ($(FRONTEND_INDEX))."; \
	else \
		cd $(FRONTEND_DIR) && NG_CLI_ANALYTICS=false npx --no-install ng build --configuration production; \
	fi

## frontend-test: run the app's unit tests once, headless (Vitest on jsdom)
frontend-test:
	@if ! { $(FRONTEND_NODE_CHECK); }; then $(FRONTEND_NODE_MISSING); exit 1; fi; \
	$(FRONTEND_NPM_CI); \
	cd $(FRONTEND_DIR) && NG_CLI_ANALYTICS=false npx --no-install ng test --watch=false

# Playwright drives this Chromium; it never downloads a browser of its own.
e2e-browser:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's Chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null || exit 1; \
	fi

## e2e: run the browser tests in e2e/ in Debian's Chromium against a live Django server
e2e: venv e2e-browser frontend-build
	@test -f $(FRONTEND_INDEX) || { echo "The browser tests need the built app at $(FRONTEND_INDEX)."; exit 1; }
	@$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-e2e.txt
	$(PYTHON) -m pytest e2e
