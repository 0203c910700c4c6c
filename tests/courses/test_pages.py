"""Page rules, creation in the admin with every block, live render and preview."""

import tempfile
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import (
    CourseIndexPage,
    CoursePage,
    FollowUpPage,
    ModulePage,
    Theme,
    WorkshopPage,
)
from evaluations.models import EvaluationPage
from home.models import HomePage, Person, StandardPage
from library.models import LibraryPage, ResourcePage
from tests.courses.factories import amman, make_course, make_index, modules_of
from tests.factories import UserFactory

VIDEO = "https://www.youtube.com/watch?v=demo-video"


@override_settings(MEDIA_ROOT=tempfile.mkdtemp())
class CoursePagesTests(WagtailPageTestCase):
    def setUp(self):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        self.home = root.add_child(instance=HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": self.home}
        )
        self.index = make_index(self.home)
        self.course = make_course(self.index)
        self.modules = modules_of(self.course)
        self.workshop = WorkshopPage.objects.get()
        self.person = Person.objects.create(name="Dr Samira Haddad")
        self.theme = Theme.objects.create(name="Policy engagement", slug="policy-engagement")
        library = self.home.add_child(instance=LibraryPage(title="Library", slug="library"))
        self.resource = library.add_child(
            instance=ResourcePage(
                title="WHO mhGAP guide",
                slug="mhgap",
                summary="Intervention guide.",
                year=2016,
                external_url="https://www.who.int/publications/i/item/9789241549790",
            )
        )
        self.admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
        self.client.force_login(self.admin)

    # Where pages may go
    def test_course_index_lives_once_under_the_home_page(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertFalse(CourseIndexPage.can_create_at(self.home))  # max_count 1, one exists

    def test_courses_hold_modules_and_workshops_and_workshops_a_follow_up(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage, WorkshopPage, EvaluationPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertAllowedParentPageTypes(WorkshopPage, {CoursePage})
        self.assertAllowedSubpageTypes(WorkshopPage, {FollowUpPage, EvaluationPage})
        self.assertAllowedParentPageTypes(FollowUpPage, {WorkshopPage})
        self.assertAllowedSubpageTypes(FollowUpPage, set())
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanNotCreateAt(StandardPage, ModulePage)

    # Creating each page type in the admin
    def test_editor_creates_a_course_with_themes_and_facilitators(self):
        data = nested_form_data(
            {
                "title": "Policy for practitioners",
                "slug": "policy",
                "intro": "Short course.",
                "description": streamfield([("paragraph", rich_text("<p>About</p>"))]),
                "start_date": "2030-01-10",
                "end_date": "2030-06-10",
                "format": "virtual",
                "enrolment_mode": "open",
                "programme_form": "collaborative",
                "people": inline_formset([{"person": self.person.pk, "role": "guest_speaker"}]),
                "phases": inline_formset([]),
            }
        )
        data["themes"] = [self.theme.pk]
        self.assertCanCreate(self.index, CoursePage, data)
        course = CoursePage.objects.get(slug="policy")
        self.assertEqual(list(course.themes.all()), [self.theme])
        self.assertEqual(course.people.get().person, self.person)
        html = self.client.get(course.url).content.decode()
        self.assertIn("Dr Samira Haddad", html)
        self.assertIn("Guest speaker", html)
        self.assertPageIsPreviewable(course, post_data=data)

    def test_course_cannot_end_before_it_starts(self):
        data = nested_form_data(
            {
                "title": "Backwards",
                "slug": "backwards",
                "intro": "x",
                "description": streamfield([]),
                "start_date": "2030-06-10",
                "end_date": "2030-01-10",
                "format": "virtual",
                "enrolment_mode": "open",
                "programme_form": "collaborative",
                "people": inline_formset([]),
                "phases": inline_formset([]),
            }
        )
        response = self.client.post(f"/admin/pages/add/courses/coursepage/{self.index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "cannot end before it starts")
        self.assertFalse(CoursePage.objects.filter(slug="backwards").exists())

    def module_form_data(self, slug, prerequisites=()):
        image = Image.objects.create(title="Team", file=get_test_image_file())
        document = Document.objects.create(
            title="Fidelity checklist", file=ContentFile(b"%PDF-1.4", name="checklist.pdf")
        )
        Embed.objects.create(
            hash=get_embed_hash(VIDEO, 800),
            url=VIDEO,
            max_width=800,
            type="video",
            html='<iframe title="Demo video"></iframe>',
        )
        data = nested_form_data(
            {
                "title": "Every block",
                "slug": slug,
                "summary": "All the blocks a module offers.",
                "learning_objectives": "Use every block\nPreview it",
                "estimated_minutes": "25",
                "access": "members",
                "body": streamfield(
                    [
                        ("heading", {"text": "Start here", "size": "h2"}),
                        ("paragraph", rich_text("<p>Rich text body.</p>")),
                        ("image", {"image": image.pk, "decorative": "", "alt_text": "A team"}),
                        ("quote", {"text": "It stuck.", "attribution": "A team"}),
                        (
                            "callout",
                            {"tone": "tip", "title": "Tip", "text": rich_text("<p>Do</p>")},
                        ),
                        ("embed", {"embed": VIDEO, "caption": "The video"}),
                        ("document", {"document": document.pk, "title": ""}),
                        ("reflection", {"prompt": "What would change?", "hint": "One case"}),
                        (
                            "activity",
                            {
                                "title": "Map it",
                                "minutes": "20",
                                "instructions": rich_text("<p>Draw</p>"),
                            },
                        ),
                        ("library_resource", {"page": self.resource.pk, "note": "Read this"}),
                    ]
                ),
            }
        )
        data["prerequisites"] = [m.pk for m in prerequisites]
        return data

    def test_editor_creates_a_module_with_every_block_and_previews_it(self):
        data = self.module_form_data("every-block", prerequisites=[self.modules[0]])
        self.assertCanCreate(self.course, ModulePage, data)
        module = ModulePage.objects.get(slug="every-block")
        self.assertEqual(list(module.prerequisites.all()), [self.modules[0]])
        self.assertEqual(len(module.body), 10)
        self.assertPageIsRenderable(module)
        self.assertPageIsPreviewable(module, post_data=data)
        self.assertPageIsEditable(module, post_data=data)
        self.client.force_login(self.admin)  # the assertions above sign out
        html = self.client.get(module.url).content.decode()
        for text in (
            "Start here",
            "Rich text body.",
            "It stuck.",
            "Demo video",
            "checklist",
            "What would change?",
            "Activity:",
            "Read this",
            "WHO mhGAP guide",
            "Use every block",
        ):
            self.assertIn(text, html)

    def test_preview_of_a_members_only_module_shows_the_editor_its_body(self):
        data = self.module_form_data("previewed")
        url = f"/admin/pages/add/courses/modulepage/{self.course.pk}/preview/"
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        html = self.client.get(url).content.decode()
        self.assertIn("Rich text body.", html)

    def test_prerequisites_must_be_modules_of_the_same_course(self):
        other = modules_of(make_course(self.index, slug="other"))[0]
        data = self.module_form_data("foreign", prerequisites=[other])
        response = self.client.post(f"/admin/pages/add/courses/modulepage/{self.course.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ModulePage.objects.filter(slug="foreign").exists())
        self.assertIn("prerequisites", response.context["form"].errors)

    def test_prerequisites_cannot_go_round_in_a_circle(self):
        first = self.modules[0]  # module 2 requires 1, module 3 requires 2
        data = self.module_form_data(first.slug, prerequisites=[self.modules[2]])
        data["title"] = first.title
        response = self.client.post(f"/admin/pages/{first.pk}/edit/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "lead back to this module")
        self.assertEqual(list(first.prerequisites.all()), [])

    def test_course_route_slugs_are_reserved(self):
        data = self.module_form_data("enrol")
        response = self.client.post(f"/admin/pages/add/courses/modulepage/{self.course.pk}/", data)
        self.assertContains(response, "reserved")
        self.assertFalse(ModulePage.objects.filter(slug="enrol").exists())

    def workshop_form_data(self):
        item = {
            "starts": "09:00",
            "ends": "10:30",
            "title": "Task sharing: the evidence",
            "kind": "talk",
            "facilitators": streamfield([("person", self.person.pk)]),
            "description": "Why it works",
        }
        return nested_form_data(
            {
                "title": "Workshop in Amman",
                "slug": "amman",
                "intro": "Three days.",
                "format": "in_person",
                "starts_at": "2030-05-01 09:00",
                "ends_at": "2030-05-03 17:00",
                "time_zone": "Asia/Amman",
                "venue": "Landmark Hotel, Amman",
                "join_url": "",
                "agenda": streamfield(
                    [
                        (
                            "day",
                            {
                                "date": "2030-05-01",
                                "title": "Day one",
                                "items": streamfield([("item", item)]),
                            },
                        )
                    ]
                ),
            }
        ) | {"prework": [self.modules[0].pk]}

    def test_editor_creates_a_workshop_in_the_venues_time_zone(self):
        data = self.workshop_form_data()
        self.assertCanCreate(self.course, WorkshopPage, data)
        workshop = WorkshopPage.objects.get(slug="amman")
        self.assertEqual(workshop.starts_at, amman(date(2030, 5, 1), 9))
        self.assertEqual(workshop.ends_at, amman(date(2030, 5, 3), 17))
        self.assertEqual(list(workshop.prework.all()), [self.modules[0]])
        html = self.client.get(workshop.url).content.decode()
        for text in (
            "Task sharing: the evidence",
            "Didactic talk",
            "Dr Samira Haddad",
            "Landmark Hotel",
            "Module 1",
        ):
            self.assertIn(text, html)
        self.assertPageIsPreviewable(workshop, post_data=data)

    def test_workshop_must_end_after_it_starts(self):
        data = self.workshop_form_data() | {"ends_at": "2030-05-01 08:00"}
        response = self.client.post(
            f"/admin/pages/add/courses/workshoppage/{self.course.pk}/", data
        )
        self.assertContains(response, "must end after it starts")

    def test_editor_creates_a_follow_up_with_reminders(self):
        document = Document.objects.create(
            title="Slides day 1", file=ContentFile(b"slides", name="slides.pdf")
        )
        data = nested_form_data(
            {
                "title": "Follow-up",
                "slug": "follow-up",
                "recording_url": "",
                "materials": streamfield([("document", {"document": document.pk, "title": ""})]),
                "key_takeaways": rich_text("<p>Supervise weekly.</p>"),
                "look_back_ahead": rich_text("<p>Next: data review.</p>"),
                "action_items": streamfield(
                    [("action", {"action": "Book supervision", "who": "Lead", "by_when": "Week 2"})]
                ),
                "resources": streamfield([("resource", {"page": self.resource.pk, "note": ""})]),
                "reminders": inline_formset(
                    [{"days_after": "7", "subject": "One week on", "message": "Book it."}]
                ),
            }
        )
        self.assertCanCreate(self.workshop, FollowUpPage, data)
        page = FollowUpPage.objects.get()
        reminder = page.reminders.get()
        self.assertEqual(reminder.due_at(self.workshop), self.workshop.ends_at + timedelta(days=7))
        html = self.client.get(page.url).content.decode()
        for text in ("Supervise weekly.", "Book supervision", "Slides day 1", "One week on"):
            self.assertIn(text, html)
        self.assertPageIsPreviewable(page, post_data=data)
        self.workshop.refresh_from_db()
        self.assertFalse(FollowUpPage.can_create_at(self.workshop))  # one per workshop
        self.assertIn("Recordings, slides", self.client.get(self.workshop.url).content.decode())

    # Rendering the pages built in setUp
    def test_every_page_type_renders_live(self):
        for page in (self.index, self.course, *self.modules, self.workshop):
            self.assertPageIsRenderable(page)

    def test_course_and_index_preview(self):
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data(
                {"title": "Courses", "slug": "courses", "intro": rich_text("")}
            ),
        )

    def test_search_finds_courses_and_modules_but_not_private_bodies(self):
        backend = get_search_backend()
        self.assertIn(self.course, list(backend.search("Community mental", CoursePage)))
        self.assertIn(self.modules[1], list(backend.search("Summary of module", ModulePage)))
        self.assertNotIn(self.modules[1], list(backend.search("Secret body", ModulePage)))
        self.assertIn(self.modules[0], list(backend.search("Secret body", ModulePage)))
