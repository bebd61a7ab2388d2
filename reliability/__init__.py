"""Reliability proofs for Paygate: live-server harnesses, their tests and a load generator.

Everything here talks to a real gunicorn over HTTP on 127.0.0.1, backed by a
PostgreSQL database that the harness creates for the run and removes afterwards.
"""
