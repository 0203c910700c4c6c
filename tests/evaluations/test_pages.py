"""Where evaluations may go, creating one with its questions in the admin, preview."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.models import CoursePage, FollowUpPage, ModulePage, WorkshopPage
from evaluations.models import EvaluationPage
from home.models import HomePage
from tests.courses.factories import make_course, make_index
from tests.evaluations.conftest import answer_data, make_evaluation
from tests.factories import UserFactory


class EvaluationPageTests(WagtailPageTestCase):
    def setUp(self):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        self.course = make_course(make_index(home))
        self.workshop = WorkshopPage.objects.get()
        self.client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))

    def test_evaluations_go_under_workshops_and_courses_only(self):
        self.assertAllowedParentPageTypes(EvaluationPage, {WorkshopPage, CoursePage})
        self.assertAllowedSubpageTypes(EvaluationPage, set())
        self.assertAllowedSubpageTypes(WorkshopPage, {FollowUpPage, EvaluationPage})
        self.assertCanNotCreateAt(ModulePage, EvaluationPage)

    def test_editor_creates_an_evaluation_with_its_questions_under_a_workshop(self):
        closes = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%d %H:%M")
        question = {"help_text": "", "required": "on", "choices": "", "default_value": ""}
        data = nested_form_data(
            {
                "title": "Workshop 1 evaluation",
                "slug": "evaluation",
                "intro": rich_text("<p>Five minutes.</p>"),
                "thank_you_text": rich_text("<p>Thank you.</p>"),
                "group_feedback": rich_text(""),
                "closes_at": closes,
                "form_fields": inline_formset(
                    [
                        {**question, "label": "Met its objectives", "field_type": "agreement"},
                        {**question, "label": "Would you recommend it", "field_type": "recommend"},
                        {**question, "label": "What will you change", "field_type": "multiline"},
                    ]
                ),
            }
        )
        self.assertCanCreate(self.workshop, EvaluationPage, data)
        page = EvaluationPage.objects.get()
        types = list(page.form_fields.values_list("field_type", flat=True))
        self.assertEqual(types, ["agreement", "recommend", "multiline"])
        self.assertEqual(page.get_course().pk, self.course.pk)

    def test_preview_shows_the_questionnaire_with_both_scales(self):
        page = make_evaluation(self.workshop)
        self.assertPageIsPreviewable(page, mode="form")
        self.assertPageIsPreviewable(page, mode="landing")
        response = page.make_preview_request(preview_mode="form")
        html = response.render().content.decode()
        self.assertIn("Strongly agree", html)
        self.assertIn("Extremely likely", html)
        self.assertIn('name="respondent_role"', html)

    def test_anonymity_cannot_change_after_someone_answered(self):
        page = make_evaluation(self.workshop)
        page.anonymous = True
        page.clean()  # nobody has answered: allowed
        page.anonymous = False
        page.record_answer(UserFactory(username="someone"), answer_data())
        page.anonymous = True
        with self.assertRaises(ValidationError):
            page.clean()
