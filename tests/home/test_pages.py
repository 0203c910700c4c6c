import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.factories import UserFactory


@pytest.fixture
def about_page(home_page):
    return home_page.add_child(
        instance=StandardPage(
            title="About us",
            slug="about",
            intro="Who we are",
            body=[("paragraph", "<p>Teams from six countries.</p>")],
        )
    )


@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/login/", "/admin/login/", "/healthz"])
def test_public_pages_answer_200(client, about_page, path):
    assert client.get(path).status_code == 200


def test_home_page_declares_language_direction_and_skip_link(client, home_page):
    html = client.get("/").content.decode()
    assert re.search(r'<html lang="en" dir="ltr">', html)
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html


def test_header_offers_sign_in_to_visitors_and_dashboard_to_members(client, home_page, user):
    assert 'href="/accounts/login/"' in client.get("/").content.decode()
    client.force_login(user)
    html = client.get("/").content.decode()
    assert 'href="/dashboard/"' in html
    assert "Sign out" in html
    assert 'href="/accounts/login/"' not in html


def test_standard_page_renders_its_blocks(client, about_page):
    html = client.get("/about/").content.decode()
    assert "<h1>About us</h1>" in html
    assert "Teams from six countries." in html


def test_healthz_does_one_cheap_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


class PageRulesTests(WagtailPageTestCase):
    def setUp(self):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        self.home = root.add_child(instance=HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": self.home}
        )
        self.client.force_login(UserFactory(username="admin", is_superuser=True))

    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)

    def test_standard_pages_go_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_editor_creates_a_standard_page_with_blocks_in_the_admin(self):
        form_data = nested_form_data(
            {
                "title": "Our approach",
                "slug": "our-approach",
                "intro": "Adapt, engage, measure.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Adapt", "size": "h2"}),
                        ("paragraph", rich_text("<p>Start from what works.</p>")),
                        ("quote", {"text": "It stuck.", "attribution": "A team"}),
                        ("callout", {"tone": "tip", "title": "Try", "text": rich_text("<p>x</p>")}),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, form_data)
        page = StandardPage.objects.get(slug="our-approach")
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=form_data)
        self.assertPageIsEditable(page, post_data=form_data)

    def test_home_page_renders_and_previews(self):
        form_data = nested_form_data(
            {"title": "Home", "slug": "home", "intro": rich_text(""), "body": streamfield([])}
        )
        self.assertPageIsRenderable(self.home)
        self.assertPageIsPreviewable(self.home, post_data=form_data)


class EditorPublishingTests(WagtailPageTestCase):
    def test_an_editor_publishes_a_page_without_a_moderation_step(self):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
        editor = UserFactory(username="hana")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(editor)
        data = nested_form_data(
            {
                "title": "Contact",
                "slug": "contact",
                "intro": "",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(f"/admin/pages/add/home/standardpage/{home.pk}/", data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StandardPage.objects.get(slug="contact").live)
