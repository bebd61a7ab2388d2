#!/usr/bin/env python3
"""Set up and run Paygate on a fresh machine: `python3 dev.py run` or `python3 dev.py test`.

Needs only Python 3.11+ and git. It creates `.venv/`, installs requirements.txt
when it changed, and uses the embedded PostgreSQL unless DATABASE_URL is set.
The web app is built and tested when Node.js 20+ and npm are installed.
"""
import argparse
import hashlib
import json
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
FRONTEND_INDEX = FRONTEND / "dist" / "paygate" / "browser" / "index.html"
FRONTEND_BUILD_INPUTS = ("src", "public", "angular.json", "package-lock.json", "tsconfig.json", "tsconfig.app.json")
NG_ENV = {**os.environ, "NG_CLI_ANALYTICS": "false"}
SUITES = ("backend", "frontend", "e2e")

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
    """Create .venv and install each requirements file whose contents changed since its last install."""
    if not PYTHON.exists():
        step("Creating the virtual environment in .venv/")
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as error:
            sys.exit(f"Could not create .venv ({error}). On Debian or Ubuntu, install python3-venv and retry.")

    # One digest per file, so switching between commands that need different
    # files does not reinstall the ones already in place.
    stamp = VENV / ".requirements.json"
    installed = json.loads(stamp.read_text()) if stamp.exists() else {}
    changed = [path for path in requirement_files if installed.get(path.name) != _digest(path)]
    if not changed:
        return

    step("Installing Python requirements: " + ", ".join(path.name for path in changed))
    run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip"])
    for path in changed:
        run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", path])
        installed[path.name] = _digest(path)
        stamp.write_text(json.dumps(installed, indent=2))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manage(*arguments: str, env: dict) -> None:
    run([PYTHON, "manage.py", *arguments], env=env)


def node_available() -> bool:
    """Return whether Node.js and npm are installed in a version Angular 21 supports."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return False
    # Angular 21 supports Node.js ^20.19, ^22.12 and >= 24.
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout  # nosec B603 B607
    major, minor = (int(part) for part in version.strip().lstrip("v").split(".")[:2])
    return (major == 20 and minor >= 19) or (major == 22 and minor >= 12) or major >= 24


def ensure_node_modules() -> None:
    lock = FRONTEND / "package-lock.json"
    installed = FRONTEND / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    step("Installing the web app's npm packages (npm ci)")
    run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND)


def frontend_build_is_current() -> bool:
    if not FRONTEND_INDEX.exists():
        return False
    built_at = FRONTEND_INDEX.stat().st_mtime
    sources = [FRONTEND / name for name in FRONTEND_BUILD_INPUTS]
    files = [path for source in sources for path in ([source] if source.is_file() else source.rglob("*"))]
    return all(path.stat().st_mtime <= built_at for path in files if path.is_file())


def build_frontend() -> bool:
    """Build the Angular app unless the build is current; print why and return False without Node.js."""
    if not (FRONTEND / "package.json").exists():
        return False
    if not node_available():
        print(
            "Node.js 20.19+ (or 22.12+) and npm were not found, so the web app is not built. "
            "The API still works at http://127.0.0.1:8000/api/docs. Install them (on Debian: "
            "apt-get install nodejs npm) and run this command again for the app.",
            flush=True,
        )
        return False

    ensure_node_modules()
    if frontend_build_is_current():
        step("The web app's build is up to date")
        return True
    step("Building the web app")
    run(["npx", "--no-install", "ng", "build", "--configuration", "production"], cwd=FRONTEND, env=NG_ENV)
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
    suites = set(args.suite or SUITES)
    if args.backend_only:
        suites = {"backend"}
    if not (FRONTEND / "package.json").exists():
        suites -= {"frontend", "e2e"}

    requirement_files = [ROOT / "requirements.txt"]
    if "backend" in suites:
        requirement_files.append(ROOT / "requirements-reliability.txt")
    if "e2e" in suites:
        requirement_files.append(ROOT / "requirements-e2e.txt")
    ensure_venv([path for path in requirement_files if path.exists()])

    if "backend" in suites:
        step("Backend tests")
        run([PYTHON, "-m", "pytest", *args.pytest_args])

    if suites & {"frontend", "e2e"} and not node_available():
        sys.exit("Node.js 20.19+ (or 22.12+) and npm are needed for the web app's tests (on Debian: apt-get install nodejs npm).")

    if "frontend" in suites:
        ensure_node_modules()
        step("Web app unit tests")
        run(["npx", "--no-install", "ng", "test", "--watch=false"], cwd=FRONTEND, env=NG_ENV)

    if "e2e" in suites:
        env = {**os.environ, "CHROME_BIN": ensure_chromium()}
        build_frontend()
        step("End-to-end tests in Chromium")
        run([PYTHON, "-m", "pytest", "e2e"], env=env)


def command_build(args) -> None:
    if not build_frontend():
        sys.exit(1)


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
    test_parser.add_argument(
        "--suite",
        action="append",
        choices=SUITES,
        help="Run only this suite; repeat for several (default: all three).",
    )
    test_parser.add_argument("--backend-only", action="store_true", help="Same as --suite backend.")
    test_parser.add_argument("pytest_args", nargs="*", help="Extra arguments for the backend pytest run.")
    test_parser.set_defaults(handler=command_test)

    build_parser = commands.add_parser("build", help="Build the web app into frontend/dist/ (needs Node.js).")
    build_parser.set_defaults(handler=command_build)

    args = parser.parse_args()
    try:
        args.handler(args)
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
