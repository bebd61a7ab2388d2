"""The response envelope check shared by the tests, the fuzzing hooks and the load generator."""
import json


def envelope_problems_of(status_code: int, content: bytes) -> list[str]:
    """Return how a response body breaks the envelope; an empty list when it is one.

    The envelope is a JSON object whose integer `status` equals the HTTP status,
    and an error response (4xx or 5xx) carries no `data`.
    """
    try:
        body = json.loads(content)
    except ValueError:
        return [f"the body is not JSON: {content[:200]!r}"]

    if not isinstance(body, dict):
        return [f"the body is a JSON {type(body).__name__}, not an object"]
    problems = []
    status = body.get("status")
    if not isinstance(status, int) or isinstance(status, bool):
        problems.append(f"`status` is {status!r}, not an integer")
    elif status != status_code:
        problems.append(f"`status` is {status} but the HTTP status is {status_code}")
    if status_code >= 400 and "data" in body:
        problems.append("an error response carries `data`")
    return problems
