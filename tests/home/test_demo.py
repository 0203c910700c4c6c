import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.test import override_settings
from wagtail.models import Site

from home.models import HomePage, StandardPage, User


def snapshot():
    """Every row of every project and Wagtail table, as comparable tuples."""
    rows = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin"}:
            continue
        rows[model._meta.label] = sorted(model.objects.values_list(), key=repr)
    return rows


def test_load_demo_twice_gives_the_same_rows(db):
    call_command("load_demo", force=True)
    first = snapshot()
    call_command("load_demo", force=True)
    assert snapshot() == first


def test_demo_header_and_footer_are_in_arabic_farsi_and_urdu(client, db):
    call_command("load_demo", force=True)
    arabic = client.get("/ar/about/").content.decode()
    assert "التعاونية التعلّمية</a>" in arabic
    assert "عمّان، الأردن" in arabic
    assert "همیاری یادگیری برای مراقبت" in client.get("/fa/about/").content.decode()
    assert "لرننگ کولیبوریٹو</a>" in client.get("/ur/about/").content.decode()


def test_load_demo_creates_home_page_about_and_accounts(client, db):
    call_command("load_demo", force=True)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert StandardPage.objects.filter(slug="about").live().exists()
    assert set(User.objects.values_list("username", flat=True)) >= {
        "admin",
        "editor",
        "facilitator",
        "learner",
    }
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()
    assert client.login(request=HttpRequest(), username="admin", password="collab-demo")
    assert client.get("/admin/").status_code == 200
    assert "Scaling up community mental health care" in client.get("/").content.decode()


def test_load_demo_refuses_without_debug_unless_forced(db):
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="--force"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()


def test_load_demo_prints_the_demo_accounts(db, capsys):
    call_command("load_demo", force=True)
    out = capsys.readouterr().out
    for username in ("admin", "editor", "facilitator", "learner"):
        assert username in out
    assert "collab-demo" in out


def test_demo_has_arabic_home_course_and_module(client, db):
    call_command("load_demo", force=True)
    home = client.get("/ar/").content.decode()
    assert "معاً لتوسيع رعاية الصحة النفسية المجتمعية" in home
    assert '<html lang="ar" dir="rtl">' in home
    course = client.get("/ar/courses/scaling-up-community-mental-health-care/").content.decode()
    assert "توسيع برنامج مجتمعي للصحة النفسية" in course
    module = client.get(
        "/ar/courses/scaling-up-community-mental-health-care/what-task-sharing-means/"
    ).content.decode()
    assert "ما معنى تقاسم المهام" in module
    assert "في تقاسم المهام" in module
    forum = client.get("/forums/barriers-and-solutions/").content.decode()
    assert "سلمى حداد" in forum
