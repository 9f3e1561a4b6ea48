"""Every error answer under /api/ is problem details (RFC 9457), never a GOV.UK page: an
address that is not there (404), a method a view does not take (405), a body Django refused
before the view read it (400 or 413), and a server error (500, which should never happen)."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

from supportfirst.api.auth import problem

API_PREFIX = "/api/"
PROBLEM_TYPE = "application/problem+json"
# status: (title, detail)
ANSWERS = {
    400: ("Bad request", "The request could not be read: see /api/v1/openapi.json."),
    404: (
        "Not found",
        "There is no such record or address, or it is not one you can see: the addresses are "
        "in /api/v1/openapi.json.",
    ),
    405: ("Method not allowed", "This address does not take that method: see the Allow header."),
    413: ("The body is too big", "Send a smaller body."),
    500: ("Server error", "Something went wrong on our side. It has been logged."),
}


class ApiProblemMiddleware:
    """Turns an error answer under /api/ that is not already problem details into one, keeping
    its status and its Allow or Retry-After header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(API_PREFIX)
            or response.status_code < 400
            or response.get("Content-Type", "") == PROBLEM_TYPE
        ):
            return response
        status = response.status_code
        title, detail = ANSWERS.get(status, (_phrase(status), ""))
        answer = problem(status, title, detail)
        for header in ("Allow", "Retry-After"):
            if header in response:
                answer[header] = response[header]
        return answer

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path.startswith(API_PREFIX) and isinstance(exception, RequestDataTooBig):
            return problem(413, *ANSWERS[413])
        return None


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
