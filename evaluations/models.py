from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.ids import random_anonymous_pk
from core.routing import ContributedRoutesMixin
from courses.choices import EnrolmentRole
from courses.models.module import CourseChildMixin
from courses.models.pages import CoursePage
from evaluations.forms import EVALUATION_FIELD_CHOICES, ROLE_FIELD, EvaluationFormBuilder


class AlreadyAnswered(Exception):
    """An anonymous evaluation received a second answer from the same person."""


class EvaluationPage(CourseChildMixin, ContributedRoutesMixin, RoutablePageMixin, AbstractForm):
    """The short questionnaire after a workshop (or about a whole course), answered by the
    course's participants and facilitators; its results are for facilitators and editors.

    Every answer also leaves an `EvaluationRespondent` row (person and evaluation only),
    which allows one answer per person. In anonymous evaluations the answer itself keeps
    no link to the person, so nobody can tell who gave which answer, and it cannot be
    changed later; named answers can be changed until the evaluation closes.
    """

    parent_page_types = ["courses.WorkshopPage", "courses.CoursePage"]
    subpage_types = []
    template = "evaluations/evaluation_page.html"
    landing_page_template = "evaluations/evaluation_page_landing.html"
    form_builder = EvaluationFormBuilder

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=RICH_TEXT_FEATURES)
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("Answers can be given, and named answers changed, until then.")
    )
    anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "Store answers without the respondent's name. Each person still answers once, "
            "but cannot change the answer. Cannot be changed once someone has answered."
        ),
    )
    # Filled in by the facilitators after the session's feedback discussion.
    group_feedback = RichTextField(
        _("group feedback notes"), blank=True, features=RICH_TEXT_FEATURES
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("closes_at"), FieldPanel("anonymous")])],
            heading=_("Answers"),
        ),
        FieldPanel("group_feedback"),
    ]

    class Meta:
        db_table = "courses_evaluationpage"  # kept when the model moved out of courses
        verbose_name = _("evaluation")

    def get_course(self):
        return CoursePage.objects.ancestor_of(self).first()

    def clean(self):
        super().clean()
        if not self.pk:
            return
        stored = EvaluationPage.objects.filter(pk=self.pk).values_list("anonymous", flat=True)
        if stored and stored[0] != self.anonymous and self.respondents.exists():
            raise ValidationError(
                {"anonymous": _("People have answered already, so this cannot change.")}
            )

    @property
    def is_closed(self):
        return timezone.now() >= self.closes_at

    # The questionnaire
    def get_submission_class(self):
        return EvaluationAnswer

    def get_submissions(self):
        return super().get_submissions().select_related("user")

    def get_data_fields(self):
        """The columns of both the admin's export and the results CSV."""
        submit_time, *questions = super().get_data_fields()
        respondent = [("respondent", _("Name"))] if not self.anonymous else []
        return [submit_time, (ROLE_FIELD, _("Answered as")), *respondent, *questions]

    def process_form_submission(self, form):
        return self.record_answer(form.user, form.cleaned_data)

    def record_answer(self, user, cleaned_data):
        """Store one person's answer, or replace their named answer; raises
        AlreadyAnswered for a second anonymous answer. One transaction."""
        data = {name: value for name, value in cleaned_data.items() if name != ROLE_FIELD}
        role = cleaned_data[ROLE_FIELD]
        now = timezone.now()
        with transaction.atomic():
            _respondent, first = EvaluationRespondent.objects.get_or_create(page=self, user=user)
            if self.anonymous:
                if not first:
                    raise AlreadyAnswered
                # The day only: an exact time would point to the person who answered then.
                day = now.replace(hour=0, minute=0, second=0, microsecond=0)
                return EvaluationAnswer.objects.create(
                    pk=EvaluationAnswer.random_anonymous_pk(),
                    page=self,
                    form_data=data,
                    role=role,
                    submit_time=day,
                )
            answer, _created = EvaluationAnswer.objects.update_or_create(
                page=self, user=user, defaults={"form_data": data, "role": role, "submit_time": now}
            )
            return answer

    def get_submissions_list_view_class(self):
        """Free-text answers can look like formulas: the CSV export writes them as text.
        Imported here because admin views can only load once the models have."""
        from core.exports import SafeSubmissionsListView

        return SafeSubmissionsListView

    def serve_preview(self, request, mode_name):
        # Wagtail's form preview (the questionnaire, or the thank-you page), not the route.
        return AbstractForm.serve_preview(self, request, mode_name)


class EvaluationField(AbstractFormField):
    """One question of an evaluation; editors write them inline on the page."""

    page = ParentalKey(EvaluationPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=16, choices=EVALUATION_FIELD_CHOICES)
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        db_table = "courses_evaluationfield"  # kept when the model moved out of courses
        verbose_name = _("question")


class EvaluationAnswer(AbstractFormSubmission):
    """One person's answers. `user` is empty for anonymous evaluations.

    An anonymous answer is stored with a random negative id (`random_anonymous_pk`), not
    the next one of the sequence: the respondent row is written in the same transaction,
    so sequential ids (and SQLite's row order, which is id order) would pair respondent 14
    with answer 14. Negative ids never meet the sequence, which stays positive and is not
    moved by them (SQLite's AUTOINCREMENT counter would jump to a large explicit id), so
    named answers keep their ordinary ids.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("respondent"),
    )
    role = models.CharField(_("answered as"), max_length=20, choices=EnrolmentRole.choices)
    # Not auto_now_add: anonymous answers keep the day only.
    submit_time = models.DateTimeField(_("submit time"), default=timezone.now)

    class Meta:
        db_table = "courses_evaluationanswer"  # kept when the model moved out of courses
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=Q(user__isnull=False),
                name="one_named_answer_per_person",
            )
        ]

    @classmethod
    def random_anonymous_pk(cls):
        return random_anonymous_pk(cls)

    def get_data(self):
        return {
            **super().get_data(),
            ROLE_FIELD: self.get_role_display(),
            "respondent": self.user.get_full_name() if self.user else "",
        }


class EvaluationRespondent(models.Model):
    """That someone answered an evaluation; deliberately no link to which answer, and no
    time, so anonymous answers stay anonymous."""

    page = models.ForeignKey(EvaluationPage, on_delete=models.CASCADE, related_name="respondents")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "courses_evaluationrespondent"  # kept when the model moved out of courses
        verbose_name = _("evaluation respondent")
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="one_answer_per_person")
        ]

    def __str__(self):
        return f"{self.user} – {self.page}"
