"""Reading a JSON body sent to the API, so that no body can cause a server error: too big,
not JSON, the wrong content type, nested too deeply, a number too long to read, not an object,
a field the call does not take, a value that is not text, too long, or holding a NUL character
(which PostgreSQL cannot store). Each is a `BadBody` with its status, title and detail, which
`api_view` answers as problem details."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest


class BadBody(Exception):
    """A body the API cannot take: answered as a problem with this status, title and detail."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


NOT_JSON = "The body is not valid JSON"


def _raw(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RequestDataTooBig as error:
        raise BadBody(
            413,
            "The body is too big",
            "The body is too big: send the fields this call takes, and nothing else.",
        ) from error


def _parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        # ValueError covers JSON that does not parse, bytes that are not UTF-8, and a number
        # with more digits than Python will read; RecursionError, arrays nested too deeply.
        raise BadBody(400, NOT_JSON, "Send one JSON object, in UTF-8.") from error


def json_fields(request: HttpRequest, fields: Mapping[str, int]) -> dict[str, str]:
    """The body's fields, each a string no longer than its limit in `fields` (name: the most
    characters), with no NUL character and no other names. An empty body is an empty object."""
    raw = _raw(request)
    if not raw:
        return {}
    if request.content_type != "application/json":
        raise BadBody(
            415,
            "The body must be JSON",
            "Send the body as JSON with the header Content-Type: application/json.",
        )
    body = _parsed(raw)
    if not isinstance(body, dict):
        raise BadBody(400, "The body must be a JSON object", "Send one JSON object, like {}.")
    unknown = sorted(set(body) - set(fields))
    if unknown:
        raise BadBody(
            400,
            "Unknown fields",
            f"This call does not take: {', '.join(unknown)}. "
            f"It takes: {', '.join(sorted(fields))}.",
        )
    for name, value in body.items():
        if not isinstance(value, str):
            raise BadBody(400, "A field is not text", f"{name} must be a JSON string.")
        if "\x00" in value:
            raise BadBody(
                400,
                "A field holds a NUL character",
                f"{name} holds a NUL character (\\u0000), which cannot be stored: remove it.",
            )
        if len(value) > fields[name]:
            raise BadBody(
                400,
                "A field is too long",
                f"{name} must be {fields[name]:,} characters or fewer.",
            )
    return body
