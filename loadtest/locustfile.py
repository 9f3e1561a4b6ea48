"""Mixed journeys against Support First, for Locust (run by loadtest/run).

Four kinds of simulated people, in these proportions:
- staff (4): My work, the Team page (managers), the families list, a family's record, a
  request, and the wording check as they type;
- families (3): their home page, their child, their requests and one request, who has looked;
- the public (2): the list of councils, the first question of the request for help, answered,
  and the next question;
- another council system (1): the JSON API, reading requests with a token.

Every person pauses 1 to 3 seconds between pages. Sessions, ids and the API token come from
loadtest/prepare.py (LOADTEST_DATA names its file). The service runs behind no proxy here, so
each request says it came over HTTPS (X-Forwarded-Proto, as the council's proxy says) and the
cookies marked Secure are sent back over the loopback connection.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import random
import secrets
import string
from functools import cache
from typing import Any

from locust import HttpUser, between, task

TEXT = (
    "Mum told us that Alfie wakes at night. Dad failed to attend the review and the parents "
    "refused the parenting course. Alfie is non-verbal and suffers from epilepsy."
)


@cache
def data() -> dict[str, Any]:
    with open(os.environ["LOADTEST_DATA"], encoding="utf-8") as handle:
        return json.load(handle)


class _SecureOverLoopback(http.cookiejar.DefaultCookiePolicy):
    """Send Secure cookies back over plain HTTP: the proxy's HTTPS is left out on loopback."""

    def return_ok_secure(self, cookie: Any, request: Any) -> bool:
        return True


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.client.cookies.set_policy(_SecureOverLoopback())
        self.client.headers["X-Forwarded-Proto"] = "https"
        # The double-submit CSRF token: the same secret in the cookie and in the form.
        self.csrf = "".join(secrets.choice(string.ascii_letters) for _ in range(32))
        self.client.cookies.set(data()["csrf_cookie"], self.csrf)

    def sign_in(self, session: str) -> None:
        self.client.cookies.set(data()["session_cookie"], session)

    def origin(self) -> dict[str, str]:
        """The Origin header a browser sends with a form, which Django checks over HTTPS."""
        return {"Origin": f"https://{self.host.split('://', 1)[1]}"}


class Staff(Person):
    weight = 4

    def on_start(self) -> None:
        super().on_start()
        self.me = random.choice(data()["staff"])
        self.sign_in(self.me["session"])

    @task(3)
    def my_work(self) -> None:
        self.client.get("/staff/my-work/", name="staff: my work")

    @task(1)
    def team(self) -> None:
        if self.me["manager"]:
            self.client.get("/staff/team/", name="staff: team")

    @task(2)
    def families(self) -> None:
        self.client.get("/staff/", name="staff: families")

    @task(1)
    def all_families(self) -> None:
        self.client.get("/staff/?show=all", name="staff: families (all)")

    @task(2)
    def family(self) -> None:
        family = random.choice(self.me["families"])
        self.client.get(f"/staff/families/{family}/", name="staff: family record")

    @task(2)
    def request(self) -> None:
        request = random.choice(self.me["requests"])
        self.client.get(f"/staff/requests/{request}/", name="staff: request")

    @task(2)
    def wording_check(self) -> None:
        with self.client.post(
            "/staff/wording/check/",
            data={"csrfmiddlewaretoken": self.csrf, "text": TEXT},
            headers=self.origin(),
            name="staff: wording check",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and not response.json().get("findings"):
                response.failure("the wording check found nothing")


class Family(Person):
    weight = 3

    def on_start(self) -> None:
        super().on_start()
        self.me = random.choice(data()["families"])
        self.sign_in(self.me["session"])

    @task(3)
    def home(self) -> None:
        self.client.get("/family/", name="family: home")

    @task(2)
    def child(self) -> None:
        child = random.choice(self.me["children"])
        self.client.get(f"/family/children/{child}/", name="family: child")

    @task(1)
    def requests(self) -> None:
        self.client.get("/family/requests/", name="family: requests")

    @task(2)
    def request(self) -> None:
        request = random.choice(self.me["requests"])
        self.client.get(f"/family/requests/{request}/", name="family: a request")

    @task(1)
    def who_has_looked(self) -> None:
        self.client.get("/family/who-has-looked/", name="family: who has looked")


class Public(Person):
    weight = 2

    @task
    def ask_for_help(self) -> None:
        slug = data()["council_slug"]
        self.client.get("/ask/", name="public: councils")
        self.client.get(f"/ask/{slug}/about-you/", name="public: about you")
        with self.client.post(
            f"/ask/{slug}/about-you/",
            data={"csrfmiddlewaretoken": self.csrf, "full_name": "Sam Load", "relationship": "Dad"},
            headers=self.origin(),
            name="public: about you (answer)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"the answer was not taken ({response.status_code})")
                return
        self.client.get(response.headers["Location"], name="public: contact details")


class CouncilSystem(Person):
    weight = 1

    def on_start(self) -> None:
        super().on_start()
        self.client.headers["Authorization"] = f"Bearer {data()['api_token']}"

    @task
    def read_request(self) -> None:
        request = random.choice(data()["api_requests"])
        self.client.get(f"/api/v1/requests/{request}", name="api: a request")
