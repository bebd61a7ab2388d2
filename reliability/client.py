"""Small HTTP helpers for the proofs: loopback-only requests and the envelope check."""
import concurrent.futures
import threading

import requests

from reliability.envelope import envelope_problems_of
from reliability.server import is_loopback_url

REQUEST_TIMEOUT_S = 30


def api_request(base_url: str, method: str, path: str, *, token: str | None = None, **kwargs) -> requests.Response:
    """Send one request to a Paygate on this machine; raise ValueError for any other host."""
    if not is_loopback_url(base_url):
        raise ValueError(f"The reliability harness only talks to loopback servers, not {base_url!r}.")

    headers = dict(kwargs.pop("headers", None) or {})
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    kwargs.setdefault("timeout", REQUEST_TIMEOUT_S)
    return requests.request(method, f"{base_url}{path}", headers=headers, **kwargs)


def envelope_problems(response: requests.Response) -> list[str]:
    """Return how the response body breaks the envelope; an empty list when it is one."""
    return envelope_problems_of(response.status_code, response.content)


def run_together(calls: list, *, timeout_s: float = 120) -> list:
    """Run each zero-argument callable in its own thread, released at the same moment.

    Returns the results in the order of `calls`. A barrier blocks every thread
    until all have started, so the requests reach the server together.
    """
    barrier = threading.Barrier(len(calls))

    def released(call):
        barrier.wait(timeout=timeout_s)
        return call()

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(released, call) for call in calls]
        return [future.result(timeout=timeout_s) for future in futures]


def payment_body(**overrides) -> dict:
    """Return a create-payment body that passes validation; keyword arguments replace fields."""
    body = {
        "merchant": "Reliability Ltd",
        "payment_type": "one_time",
        "amount_minor": 4200,
        "currency": "GBP",
        "region": "UK",
        "customer_details": {"name": "Ava Reed", "email": "ava.reed@example.com", "country": "GB"},
        "provider_attempts": [{"provider": "Stripe", "result": "failure", "latency_ms": 180}],
    }
    body.update(overrides)
    return body
