#!/usr/bin/env python3
"""Set up and run Paygate on a fresh machine: `python3 dev.py run` or `python3 dev.py test`.

Needs only Python 3.11+ and git. It creates `.venv/`, installs requirements.txt
when it changed, and uses the embedded PostgreSQL unless DATABASE_URL is set.
The web app is built and tested when Node.js 20+ and npm are installed.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
FRONTEND = ROOT / "frontend"

DEMO_LOGINS = (
    ("admin", "parth@payments.com"),
    ("finance", "finance@payments.com"),
    ("merchant", "arjun@payments.com"),
    ("merchant", "meera@payments.com"),
    ("merchant", "tom@payments.com"),
)


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(command: list, *, env: dict | None = None, cwd: Path = ROOT, check: bool = True) -> int:
    # Every command is a fixed argument list built in this file, run without a shell.
    completed = subprocess.run([str(part) for part in command], cwd=cwd, env=env)  # nosec B603
    if check and completed.returncode != 0:
        sys.exit(completed.returncode)
    return completed.returncode


def ensure_venv(requirement_files: list[Path]) -> None:
    """Create .venv and install the requirements whenever their contents change."""
    if not PYTHON.exists():
        step("Creating the virtual environment in .venv/")
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f"Could not create .venv ({error}). On Debian or Ubuntu, install python3-venv and retry.")

    digest = hashlib.sha256(b"".join(path.read_bytes() for path in requirement_files)).hexdigest()
    stamp = VENV / ".requirements.sha256"
    if stamp.exists() and stamp.read_text() == digest:
        return

    step("Installing Python requirements")
    run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip"])
    for path in requirement_files:
        run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", path])
    stamp.write_text(digest)


def manage(*arguments: str, env: dict) -> None:
    run([PYTHON, "manage.py", *arguments], env=env)


def node_available() -> bool:
    return shutil.which("node") is not None and shutil.which("npm") is not None


def ensure_node_modules() -> None:
    lock = FRONTEND / "package-lock.json"
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    step("Installing the web app's npm packages (npm ci)")
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND)


def build_frontend() -> bool:
    """Build the Angular app; print why and return False when Node.js is missing."""
    if not (FRONTEND / "package.json").exists():
        return False
    if not node_available():
        print(
            "Node.js 20+ and npm were not found, so the web app is not built. The API still "
            "works at http://127.0.0.1:8000/api/docs. Install them (on Debian: "
            "apt-get install nodejs npm) and run this command again for the app.",
            flush=True,
        )
        return False

    ensure_node_modules()
    step("Building the web app")
    run(["npm", "run", "build", "--", "--configuration", "production"], cwd=FRONTEND)
    return True


def ensure_chromium() -> str:
    """Return the Chromium path, installing Debian's package when it is missing."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if Path(chromium).exists():
        return chromium
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit("Chromium is needed for the browser tests: install Debian's chromium package and retry.")

    step("Installing Chromium for the browser tests (apt-get)")
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=quiet)
    run(["apt-get", "install", "-y", "-qq", "chromium"], env=quiet)
    return "/usr/bin/chromium"


def command_run(args) -> None:
    ensure_venv([ROOT / "requirements.txt"])
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}

    build_frontend()
    step("Migrating the database")
    manage("migrate", "--noinput", env=env)
    step("Seeding demo data")
    manage("seed_demo", "--payments", str(args.payments), env=env)

    print(f"\nPaygate is starting on http://127.0.0.1:{args.port}/ (API docs at /api/docs, admin at /admin/).")
    print("Demo logins, all with the password admin123:")
    for role, email in DEMO_LOGINS:
        print(f"  {role:<9} {email}")
    print("Press Ctrl+C to stop.\n", flush=True)

    manage("runserver", f"127.0.0.1:{args.port}", env=env)


def command_test(args) -> None:
    with_frontend = not args.backend_only and (FRONTEND / "package.json").exists()
    requirement_files = [ROOT / "requirements.txt", ROOT / "requirements-reliability.txt"]
    if with_frontend:
        requirement_files.append(ROOT / "requirements-e2e.txt")
    ensure_venv([path for path in requirement_files if path.exists()])

    step("Backend tests")
    run([PYTHON, "-m", "pytest", *args.pytest_args])
    if not with_frontend:
        return

    if not node_available():
        sys.exit("Node.js 20+ and npm are needed for the web app's tests (on Debian: apt-get install nodejs npm).")
    chromium = ensure_chromium()
    env = {**os.environ, "CHROME_BIN": chromium}

    ensure_node_modules()
    step("Web app unit tests")
    run(["npm", "test", "--", "--watch=false"], cwd=FRONTEND, env=env)

    build_frontend()
    step("End-to-end tests in Chromium")
    run([PYTHON, "-m", "pytest", "e2e"], env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    setup_parser = commands.add_parser("setup", help="Create .venv and install the Python requirements.")
    setup_parser.set_defaults(handler=lambda args: ensure_venv([ROOT / "requirements.txt"]))

    run_parser = commands.add_parser("run", help="Set up, seed demo data and serve on 127.0.0.1.")
    run_parser.add_argument("--port", type=int, default=8000, help="TCP port to serve on (default 8000).")
    run_parser.add_argument("--payments", type=int, default=500, help="Demo payments to seed (default 500).")
    run_parser.set_defaults(handler=command_run)

    test_parser = commands.add_parser("test", help="Set up and run every test suite.")
    test_parser.add_argument("--backend-only", action="store_true", help="Skip the web app's unit and browser tests.")
    test_parser.add_argument("pytest_args", nargs="*", help="Extra arguments for the backend pytest run.")
    test_parser.set_defaults(handler=command_test)

    args = parser.parse_args()
    try:
        args.handler(args)
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
