"""Parsing DATABASE_URL into Django's DATABASES entry."""
import dj_database_url

from paygate.embedded_db import socket_host_fixup


def test_tcp_url_gets_options():
    database = socket_host_fixup(dj_database_url.parse("postgres://postgres@127.0.0.1:5432/paygate"))

    assert database["OPTIONS"] == {}
    assert database["HOST"] == "127.0.0.1"


def test_socket_dir_moves_to_host():
    database = socket_host_fixup(dj_database_url.parse("postgresql://postgres@/paygate?host=/tmp/pg&sslmode=disable"))

    assert database["HOST"] == "/tmp/pg"
    assert database["OPTIONS"] == {"sslmode": "disable"}
