"""The public protocol audit page: upload, results with quotes, limits, nothing kept."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from supportfirst.protocols import forms as upload_limits
from tests.protocol import protocols

# On PostgreSQL every request, public ones too, sets the council wall's role on the database
# connection (kernel/councilwall.py), so even a page that reads no record uses the database.
pytestmark = pytest.mark.django_db

URL = "/protocol-audit/"


def test_the_page_needs_no_sign_in_and_explains_itself(client: Client) -> None:
    assert reverse("protocol_audit:audit") == URL
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Check a council\'s assessment protocol</h1>' in page
    assert 'type="file" multiple' in page
    assert "We do not keep your documents" in page
    assert "The child&#x27;s bedroom and the home are not looked at as a matter of routine" in page


def test_two_protocols_give_the_checklist_quotes_and_the_similarity(client: Client) -> None:
    response = client.post(
        URL,
        {
            "documents": [
                SimpleUploadedFile("westbury.html", protocols.as_html(protocols.POOR, "W")),
                SimpleUploadedFile("northdale.docx", protocols.as_docx(protocols.POOR_EDITED_A)),
            ]
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Protocol audit results" in page
    assert page.count('<strong class="govuk-tag govuk-tag--red">Not met</strong>') == 26
    assert "“The child&#x27;s bedroom must be seen on every home visit" in page
    assert "(paragraph 8)" in page
    assert "What westbury.html and northdale.docx share" in page
    assert "We have not kept your documents." in page


def test_markup_in_a_document_or_its_name_is_shown_as_text(client: Client) -> None:
    hostile = (
        b"<p>The child must be seen alone. <a href='https://evil.example'>Sign in here</a></p>"
        b"<p>&lt;script&gt;alert(1)&lt;/script&gt; We do not routinely look at bedrooms.</p>"
    )
    response = client.post(
        URL, {"documents": [SimpleUploadedFile("<b>x.html", hostile, "text/html")]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<b>x.html" not in page
    assert "&lt;b&gt;x.html" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="https://evil.example"' not in page


def test_no_file_is_an_error_on_the_page(client: Client) -> None:
    response = client.post(URL, {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_documents">Choose at least one protocol document to check</a>' in page


def test_only_unreadable_files_are_errors_naming_each(client: Client) -> None:
    response = client.post(
        URL,
        {
            "documents": [
                SimpleUploadedFile("scan.pdf", protocols.scanned_pdf()),
                SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            ]
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "scan.pdf has no text we can read: it may be a scanned image." in page
    assert "photo.png is not a document we can read" in page


def test_an_unreadable_file_beside_a_readable_one_is_a_warning(client: Client) -> None:
    response = client.post(
        URL,
        {
            "documents": [
                SimpleUploadedFile("good.txt", protocols.GOOD.encode()),
                SimpleUploadedFile("empty.txt", b""),
            ]
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "We could not read 1 of your files" in page
    assert "empty.txt is empty." in page
    assert "14 met, 0 not met, 0 unclear" in page


def test_too_many_files_and_too_big_a_file(client: Client, monkeypatch) -> None:
    files = [SimpleUploadedFile(f"p{i}.txt", protocols.GOOD.encode()) for i in range(11)]
    response = client.post(URL, {"documents": files})
    assert response.status_code == 400
    assert "Choose 10 documents or fewer at a time" in response.content.decode()

    monkeypatch.setattr(upload_limits, "MAX_FILE_BYTES", 100)
    response = client.post(
        URL, {"documents": [SimpleUploadedFile("big.txt", protocols.GOOD.encode())]}
    )
    assert response.status_code == 400
    assert "big.txt is larger than" in response.content.decode()


def test_a_request_over_the_upload_limit_is_refused_before_it_is_read(client: Client) -> None:
    response = client.generic(
        "POST",
        URL,
        b"x" * 10,
        content_type="multipart/form-data; boundary=zz",
        CONTENT_LENGTH=str(upload_limits.MAX_UPLOAD_BYTES + 1),
    )
    assert response.status_code == 413
    assert "These files are too big to check together" in response.content.decode()
