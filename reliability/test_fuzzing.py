"""Contract fuzzing with Schemathesis against the live server's /api/schema.

One Schemathesis run per role, each with that role's access token, through the
coverage, fuzzing and stateful phases (the stateful phase follows the links
that Schemathesis infers between create, read, update and delete). Checks: no
5xx, status codes, content types and bodies that conform to the schema, and
every body in the envelope (reliability.fuzz_hooks).

RELIABILITY_FUZZ_SECONDS sets each run's time budget (default 40, so the three
runs take about two and a half minutes). Set it higher for a longer run.
"""
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.client import api_request
from reliability.server import PROJECT_ROOT

pytestmark = pytest.mark.live

FUZZ_SECONDS = int(os.environ.get("RELIABILITY_FUZZ_SECONDS", "40"))
SEED = int(os.environ.get("RELIABILITY_FUZZ_SEED", "20261204"))
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_is_envelope",
    ]
)


def _fresh_merchant_token(stack) -> str:
    """Register a merchant for the run, so that nothing it does touches the demo accounts."""
    email = f"fuzz-{secrets.token_hex(6)}@example.com"
    password = secrets.token_urlsafe(16)
    registered = api_request(stack.base_url, "POST", "/api/register", json={"email": email, "password": password})
    assert registered.status_code == 201, registered.text
    login = api_request(stack.base_url, "POST", "/api/login", json={"email": email, "password": password})
    assert login.status_code == 200, login.text
    return login.json()["data"]["token"]


@pytest.mark.parametrize("role", ["admin", "finance", "merchant"])
def test_schema_contract_holds_for_role(stack, role_tokens, role, tmp_path: Path):
    token = _fresh_merchant_token(stack) if role == "merchant" else role_tokens[role]["token"]
    report_path = tmp_path / f"schemathesis-{role}.json"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "run", f"{stack.base_url}/api/schema",
        "--header", f"Authorization: Bearer {token}",
        "--checks", CHECKS,
        "--max-time", str(FUZZ_SECONDS),
        "--max-examples", "25",
        "--seed", str(SEED),
        "--request-timeout", "30",
        "--report", "json",
        "--report-json-path", str(report_path),
    ]  # fmt: skip
    if role == "merchant":
        # DELETE /api/me would delete the fuzzing merchant and leave the rest of
        # the run with 401s. The token and account tests cover that endpoint.
        command += ["--exclude-operation-id", "me_destroy"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "reliability.fuzz_hooks", "PYTHONPATH": str(PROJECT_ROOT)}

    # The argv is fixed: this venv's schemathesis with numeric options.
    completed = subprocess.run(  # nosec B603
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=FUZZ_SECONDS * 3 + 120
    )

    summary = completed.stdout[completed.stdout.rfind("SUMMARY") :]
    print(f"\n--- schemathesis as {role} ---\n{summary}")
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
    report = json.loads(report_path.read_text())
    assert report["test_cases"]["with_failures"] == 0
    assert report["test_cases"]["errored"] == 0
    assert report["operations"]["tested"] >= 15
    assert report["phases"]["stateful"]["status"] == "success"
