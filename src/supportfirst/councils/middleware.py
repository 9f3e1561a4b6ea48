"""The council of each request, for the second wall (kernel/councilwall.py): after sign-in is
known, the request runs as the application role with the signed-in person's council set, or with
no council (no council's rows visible) until a public page or the API finds its council."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from supportfirst.kernel import councilwall


class CouncilWallMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not councilwall.is_on():
            return self.get_response(request)
        user = request.user
        membership = getattr(user, "membership", None) if user.is_authenticated else None
        council_id = membership.council_id if membership is not None and user.is_active else None
        councilwall.start_request(council_id)
        try:
            response = self.get_response(request)
        except BaseException:
            councilwall.end_request()
            raise
        if response.streaming:
            # A streamed answer reads as it goes: the wall stays up until it is closed.
            response._resource_closers.append(councilwall.end_request)  # type: ignore[attr-defined]
        else:
            councilwall.end_request()
        return response
