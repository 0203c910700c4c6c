"""Answering an evaluation, and its results for the course's facilitators and editors
(the routes of EvaluationPage).

Who may answer: members of the course enrolled as participants or facilitators, once
each, until the evaluation closes. Every refusal names its reason with a 4xx status.
"""

import re
from html import unescape

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from courses import access
from courses.choices import EnrolmentRole
from courses.responses import refuse
from evaluations.forms import ROLE_FIELD
from evaluations.models import (
    AlreadyAnswered,
    EvaluationAnswer,
    EvaluationPage,
    EvaluationRespondent,
)
from evaluations.results import answers_csv, evaluation_results


def member_role(user, course):
    """The EnrolmentRole the user holds in the course, or None for non-members."""
    enrolment = access.get_enrolment(user, course) if course else None
    return enrolment.role if enrolment and enrolment.is_member else None


def answer_refusal(page, role, answered):
    """(message, status) when this person may not send an answer now, else None."""
    if role is None:
        return _("Only the course's participants and facilitators can answer it."), 403
    if page.is_closed:
        return _("This evaluation has closed; answers can no longer be given or changed."), 403
    if answered and page.anonymous:
        return _("You have already answered. Anonymous answers cannot be changed."), 409
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def answer_view(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    user = request.user
    course = page.get_course()
    role = member_role(user, course)
    can_see_results = bool(course) and access.can_facilitate(user, course)
    if role is None and not can_see_results:
        return refuse(request, course, answer_refusal(page, None, False)[0], 403)
    answered = EvaluationRespondent.objects.filter(page=page, user=user).exists()
    named_answer = (
        EvaluationAnswer.objects.filter(page=page, user=user).first()
        if answered and not page.anonymous
        else None
    )
    status = 200
    if request.method == "POST":
        refusal = answer_refusal(page, role, answered)
        if refusal:
            return refuse(request, course, *refusal)
        form = page.get_form(request.POST, page=page, user=user, member_role=role)
        if form.is_valid():
            try:
                page.process_form_submission(form)
            except AlreadyAnswered:
                return refuse(request, course, *answer_refusal(page, role, True))
            return redirect(page.url + page.reverse_subpage("thanks"))
        status = 400
    else:
        initial = {**named_answer.form_data, ROLE_FIELD: named_answer.role} if named_answer else {}
        form = page.get_form(page=page, user=user, member_role=role, initial=initial)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "course": course,
            "answered": answered,
            "refusal": answer_refusal(page, role, answered),
            "can_see_results": can_see_results,
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_http_methods(["GET", "HEAD"])
def thanks_view(request, page):
    """The thank-you text is the course's own: only those who may answer or see the
    results read it."""
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    course = page.get_course()
    if member_role(request.user, course) is None and not (
        course and access.can_facilitate(request.user, course)
    ):
        return refuse(request, course, answer_refusal(page, None, False)[0], 403)
    context = page.get_context(request)
    context["course"] = course
    return TemplateResponse(request, page.get_landing_page_template(request), context)


def facilitator_refusal(request, page):
    """A response refusing anyone but the course's facilitators and editors, or None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = page.get_course()
    if course is None or not access.can_facilitate(request.user, course):
        message = _("Only the course's facilitators and editors see the results.")
        return refuse(request, course, message, 403)
    return None


class GroupFeedbackForm(forms.Form):
    notes = forms.CharField(
        label=gettext_lazy("Group feedback notes"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("What the group said in the feedback discussion. Plain text."),
    )


def notes_as_text(html):
    """The stored rich text as plain text for the notes box, one paragraph a block."""
    text = re.sub(r"</p>|<br\s*/?>", "\n\n", html or "")
    return re.sub(r"\n{3,}", "\n\n", unescape(strip_tags(text))).strip()


@require_http_methods(["GET", "HEAD"])
def results_view(request, page):
    refusal = facilitator_refusal(request, page)
    if refusal:
        return refusal
    course = page.get_course()
    role = request.GET.get("role", "")
    if role and role not in EnrolmentRole.values:
        return refuse(request, course, _("Choose participants, facilitators or everyone."), 400)
    context = {
        "page": page,
        "course": course,
        "role": role,
        "roles": [
            (EnrolmentRole.PARTICIPANT, _("Participants")),
            (EnrolmentRole.FACILITATOR, _("Facilitators")),
        ],
        "notes_form": GroupFeedbackForm(initial={"notes": notes_as_text(page.group_feedback)}),
        **evaluation_results(page, course, role or None),
    }
    return TemplateResponse(request, "evaluations/results.html", context)


@require_http_methods(["GET", "HEAD"])
def results_csv_view(request, page):
    return facilitator_refusal(request, page) or answers_csv(page)


@require_POST
def notes_view(request, page):
    """Facilitators keep the group feedback notes here: they cannot edit the page in the
    admin. The notes go into a new revision, so editors keep them when they edit."""
    refusal = facilitator_refusal(request, page)
    if refusal:
        return refusal
    form = GroupFeedbackForm(request.POST)
    if not form.is_valid():
        return refuse(request, page.get_course(), " ".join(form.errors["notes"]), 400)
    html = linebreaks(form.cleaned_data["notes"], autoescape=True)
    with transaction.atomic():
        draft_pending = page.has_unpublished_changes
        latest = page.get_latest_revision_as_object()
        latest.group_feedback = html
        revision = latest.save_revision(user=request.user, log_action=True)
        if draft_pending:
            # Keep an editor's unpublished changes unpublished; update the notes only.
            EvaluationPage.objects.filter(pk=page.pk).update(group_feedback=html)
        else:
            revision.publish(user=request.user, skip_permission_checks=True)
    messages.success(request, _("The group feedback notes are saved."))
    return redirect(page.url + page.reverse_subpage("results"))
