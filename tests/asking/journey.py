"""Walking through the question pages with Django's test client."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

PAGES = [
    ("about_you", {"full_name": "Priya Shah", "relationship": "Mum"}),
    ("contact_details", {"email": "priya@example.test", "phone": "07700 900982"}),
    ("child_name", {"first_name": "Arjun", "last_name": "Shah"}),
    (
        "child_age",
        {"date_of_birth_0": "9", "date_of_birth_1": "4", "date_of_birth_2": "2016", "age": ""},
    ),
    ("day_to_day", {"day_to_day": "Arjun does not sleep much and needs someone with him."}),
    ("help_wanted", {"help_wanted": "A break at weekends."}),
    ("good_week", {"good_week": "Two nights of sleep and a swim on Saturday."}),
    ("help_for_you", {"parent_carer_help": "yes", "parent_carer_help_details": "Sleep."}),
    ("siblings", {"siblings_help": "yes"}),
    (
        "sibling_add",
        {
            "first_name": "Maya",
            "date_of_birth_0": "1",
            "date_of_birth_1": "2",
            "date_of_birth_2": "2012",
            "how_they_help": "Reads to him at bedtime.",
        },
    ),
    ("sibling_list", {"add_another": "no"}),
    ("contact_preference", {"preferred_contact": "email"}),
    ("communication", {"formats": ["easy_read"], "communication_needs": "Short sentences."}),
    ("interpreter", {"needs_interpreter": "yes", "interpreter_language": "Gujarati"}),
    ("consent", {"consent": "yes"}),
]


def url(name: str, council, **query: str) -> str:
    path = reverse(f"asking:{name}", kwargs={"council_slug": council.slug})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def answer_everything(client: Client, council) -> None:
    """Answer every page in order, checking each leads to the next."""
    for (name, data), following in zip(PAGES, [*PAGES[1:], ("check", {})], strict=True):
        response = client.post(url(name, council), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
        assert response["Location"] == url(following[0], council), name
