"""Finding 11 (input side): control characters are refused wherever text comes in.

One test per entry point: the library import, forum topics and posts, sign-up and the
profile, the application form. Each shows the refusal and that nothing was stored.
Tab and line breaks stay allowed in multi-line text. (NUL is already refused by every
Django form field; these use ESC, backspace and a C1 control, which are not.)
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from applications.models import Application, CoreTeamMember
from core.validators import reject_control_characters, reject_line_control_characters
from forums.models import Post, Topic
from home.models import User
from library.models import ResourcePage
from tests.applications.conftest import open_course  # noqa: F401 (fixture)
from tests.applications.forms import application_data
from tests.courses.conftest import course_index  # noqa: F401 (fixture)
from tests.forums.conftest import open_forum, topic  # noqa: F401 (fixtures)
from tests.home.test_accounts import SIGNUP
from tests.library.conftest import library  # noqa: F401 (fixture)
from tests.library.test_import import GOOD_ROW, HEADER, write

ESC, BACKSPACE, C1 = "\x1b", "\x08", "\x85"
MESSAGE = "invisible control character"


def test_the_validators_keep_tab_and_line_breaks_only_in_multi_line_text():
    reject_control_characters("Line one\r\nline two\tend")
    for bad in (f"a{ESC}b", f"a{BACKSPACE}", f"{C1}a", "a\x7f", "a\x00"):
        with pytest.raises(ValidationError, match=MESSAGE):
            reject_control_characters(bad)
    for bad in ("a\tb", "a\nb", "a\rb"):
        with pytest.raises(ValidationError, match=r"U\+000"):
            reject_line_control_characters(bad)


def test_the_library_import_names_the_row_and_imports_nothing(library, tmp_path):  # noqa: F811
    content = HEADER + GOOD_ROW.replace("Supervision guide", f"Supervision{ESC} guide")
    with pytest.raises(CommandError) as error:
        call_command("import_resources", str(write(tmp_path, content)))
    assert "Line 2: title contains the control character U+001B" in str(error.value)
    assert not ResourcePage.objects.exists()


def test_a_quoted_multi_line_summary_still_imports(library, tmp_path):  # noqa: F811
    row = GOOD_ROW.replace("Rotas.", '"Rotas.\nAnd\tcover."')
    call_command("import_resources", str(write(tmp_path, HEADER + row)))
    assert ResourcePage.objects.get().summary == "Rotas.\nAnd\tcover."


def test_a_topic_title_or_body_with_control_characters_is_refused(client, open_forum, user):  # noqa: F811
    client.force_login(user)
    for data in (
        {"title": f"Rotas{ESC}[31m", "body": "Fine"},
        {"title": "Rotas", "body": f"Bad{BACKSPACE} body"},
    ):
        response = client.post("/forums/barriers/new/", data)
        assert response.status_code == 400
        assert MESSAGE in response.content.decode()
    assert not Topic.objects.exists()


def test_a_reply_with_control_characters_is_refused(client, topic, user):  # noqa: F811
    client.force_login(user)
    response = client.post(topic.get_absolute_url() + "reply/", {"body": f"Hi{C1} there"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert Post.objects.filter(topic=topic).count() == 1  # the first post only


def test_sign_up_with_control_characters_is_refused(client, home_page):
    response = client.post("/accounts/signup/", {**SIGNUP, "display_name": f"Nadia{ESC}"})
    assert MESSAGE in str(response.context["form"].errors["display_name"])
    assert not User.objects.filter(username="nadia").exists()


def test_a_profile_with_control_characters_is_refused(client, user):
    client.force_login(user)
    data = {"display_name": "P", "organisation": f"Lahore{BACKSPACE}", "time_zone": "UTC"}
    response = client.post("/accounts/profile/", {**data, "preferred_language": "en"})
    assert MESSAGE in str(response.context["form"].errors["organisation"])
    user.refresh_from_db()
    assert user.organisation != data["organisation"]


@pytest.mark.parametrize(
    "field",
    ["organisation", "readiness_explanation", "team-0-name"],
)
def test_an_application_with_control_characters_is_refused(
    client,
    open_course,  # noqa: F811
    user,
    field,
):
    client.force_login(user)
    data = application_data()
    data[field] += ESC
    response = client.post(f"/applications/apply/{open_course.pk}/", data)
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not Application.objects.exists()
    assert not CoreTeamMember.objects.exists()
