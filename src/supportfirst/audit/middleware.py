"""A request id for every request, kept with every access event and sent back as X-Request-ID.

The id is made by the service. An `X-Request-ID` sent by the client is never used: anyone can
send one, and a made-up id in the access log would pass for the service's own. Only when the
proxy in front of the service makes the id and always replaces whatever the client sent (nginx's
`proxy_set_header X-Request-ID $request_id`) does the operator turn on
`SUPPORTFIRST_REQUEST_ID_FROM_PROXY`, and then the proxy's id is used, so the access log and the
proxy's log share it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_SAFE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_id_for(request: HttpRequest) -> str:
    if getattr(settings, "REQUEST_ID_FROM_PROXY", False):
        given = request.headers.get("X-Request-ID", "")
        if _SAFE.match(given):
            return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
