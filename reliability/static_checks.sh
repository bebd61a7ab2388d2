#!/usr/bin/env bash
# Static checks of Paygate: Django's deployment check, bandit and pip-audit.
#
# Usage: bash reliability/static_checks.sh [deploy] [bandit] [audit]
# With no argument it runs all three. Needs requirements.txt and
# requirements-reliability.txt installed in .venv (or in the Python that PYTHON
# names). Runs each selected check, then exits 1 if any of them reported a
# finding or could not run.
set -uo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
checks=("$@")
((${#checks[@]})) || checks=(deploy bandit audit)
failed=()

check_deploy() {
    echo "== manage.py check --deploy (production settings)"
    # The settings of a real deployment. The database URL points at a socket
    # directory with no server in it: the deployment check never connects, and
    # without a DATABASE_URL the settings would start the embedded PostgreSQL.
    local no_server_dir secret_key
    no_server_dir="$(mktemp -d)"
    secret_key="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')"
    if ! env -u DJANGO_SETTINGS_MODULE \
        DEBUG=0 \
        SECRET_KEY="$secret_key" \
        PAYGATE_HTTPS=1 \
        ALLOWED_HOSTS=paygate.example.com \
        DATABASE_URL="postgresql://paygate@/paygate?host=${no_server_dir}" \
        "$PYTHON" manage.py check --deploy --fail-level WARNING; then
        failed+=("check --deploy")
    fi
    rmdir "$no_server_dir"
}

check_bandit() {
    echo "== bandit (project code)"
    # Excluded, and why:
    #   .venv          third-party packages, which pip-audit covers instead
    #   frontend, e2e  TypeScript projects; their node_modules may contain other projects' Python files
    #   .pgdata        the embedded PostgreSQL's data directory, no code
    #   */tests/*, */test_*.py, */conftest.py
    #                  pytest tests, which use assert by design (B101) and give
    #                  their test accounts fixed passwords on purpose (B105, B106)
    # Skipped test: B404 flags every `import subprocess` as such, while each
    # actual call is still checked by B602 to B607.
    if ! "$PYTHON" -m bandit --recursive . --quiet \
        --exclude './.venv,./frontend,./e2e,./.pgdata,*/tests/*,*/test_*.py,*/conftest.py' \
        --skip B404; then
        failed+=("bandit")
    fi
}

check_audit() {
    echo "== pip-audit (pinned requirements)"
    # pip-audit resolves each file in a temporary virtual environment and queries
    # its vulnerability service (PyPI's JSON API) about every resolved package.
    # --strict fails the run on any package the service returns no result for.
    # Without it, pip-audit skips such packages and still prints
    # "No known vulnerabilities found".
    local requirements
    for requirements in requirements.txt requirements-reliability.txt; do
        if ! "$PYTHON" -m pip_audit --strict --requirement "$requirements" --progress-spinner off; then
            failed+=("pip-audit $requirements")
        fi
    done
}

for check in "${checks[@]}"; do
    case "$check" in
        deploy) check_deploy ;;
        bandit) check_bandit ;;
        audit) check_audit ;;
        *) echo "Unknown check '$check'; use deploy, bandit or audit." >&2; exit 2 ;;
    esac
done

if ((${#failed[@]})); then
    echo "Static checks FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "Static checks passed: ${checks[*]}."
