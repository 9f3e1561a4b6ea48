from __future__ import annotations

import io
import zipfile

import pytest

from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.subject_access.factories import family_with_records


@pytest.fixture
def alpha(council):
    return family_with_records(council, "Alphonse")


@pytest.fixture
def bravo(council):
    return family_with_records(council, "Brunhilde")


@pytest.fixture
def alpha_parent(alpha):
    return family_user(alpha.family, full_name="Alphonse Parentaccount")


def download(user) -> tuple[object, zipfile.ZipFile]:
    response = signed_in_client(user).post("/family/download/")
    assert response.status_code == 200, response.status_code
    return response, zipfile.ZipFile(io.BytesIO(response.content))


def every_text(archive: zipfile.ZipFile) -> str:
    return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
