"""A workshop's storyboards, routes of the workshop page: the gallery
(`<workshop>/storyboards/`), a team's upload, comments, featuring, and each preview.

Who: every member of the course reads and comments (`courses.access`); a team's members
upload its storyboard (one per team and workshop: uploading again replaces it, keeping
the file when no new one is sent); the course's facilitators and editors feature
storyboards. Visitors are sent to sign in, anyone else signed in gets 404, under every
language prefix. Bad input is a 400 (413 for a file too large) and nothing is stored.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from courses import access as course_access
from courses.models import WorkshopPage
from courses.responses import refuse, vary_on_member
from improvement import storyboard_files
from improvement.entry import plain_text
from improvement.storyboards import Storyboard, StoryboardComment
from teams import access


class Refusal(Exception):
    def __init__(self, response):
        super().__init__()
        self.response = response


def text_field(label, limit, rows=4, required=True):
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": rows}) if rows else None,
    )


class StoryboardForm(forms.ModelForm):
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        help_text=gettext_lazy("A PDF, an image or slides (PPTX, ODP), up to 20 MB."),
    )

    class Meta:
        model = Storyboard
        fields = ["title", "summary", "tried", "results", "lessons"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].validators.append(plain_text)
        self.fields["file"].required = not (self.instance.pk and self.instance.document_id)


class CommentForm(forms.Form):
    body = text_field(gettext_lazy("Comment"), 2000, rows=3)


def gallery_context(request, workshop):
    """(original workshop, course) for a member of the course, or a Refusal."""
    if not request.user.is_authenticated:
        raise Refusal(redirect_to_login(request.get_full_path()))
    course = workshop.get_course()
    if course is None or not course.has_teams:
        raise Http404
    if not course_access.can_view_members_content(request.user, course):
        raise Http404
    return course_access.original(workshop), course


def refusing(view):
    def wrapped(request, workshop, **kwargs):
        try:
            original, course = gallery_context(request, workshop)
            return view(request, workshop, original, course, **kwargs)
        except Refusal as refusal:
            return refusal.response

    return wrapped


def gallery_url(workshop):
    return workshop.url + workshop.reverse_subpage("storyboards")


def shown_team_name(storyboard, user, course):
    """A team not named to its peers is "A team" to other teams' members."""
    team = storyboard.team
    if team.named_to_peers or access.can_view_team(user, team, course):
        return team.name
    return _("A team")


@require_http_methods(["GET", "HEAD"])
@refusing
def gallery(request, workshop, original, course):
    comments = StoryboardComment.objects.select_related("author")
    storyboards = list(
        Storyboard.objects.filter(workshop=original)
        .select_related("team", "document")
        .prefetch_related(Prefetch("comments", queryset=comments))
    )
    for storyboard in storyboards:
        storyboard.shown_team = shown_team_name(storyboard, request.user, course)
    my_teams = set(access.memberships(request.user, course))
    context = {
        "page": workshop,
        "workshop": workshop,
        "course": course,
        "storyboards": storyboards,
        "can_upload": bool(my_teams),
        "can_feature": course_access.can_facilitate(request.user, course),
        "comment_form": CommentForm(),
    }
    template = "improvement/storyboards/gallery.html"
    return vary_on_member(request, TemplateResponse(request, template, context))


def uploading_team(request, course):
    """The visitor's team in the course (the one named by `team` if several)."""
    teams = access.memberships(request.user, course)
    if not teams:
        message = _("Only the members of a team of this course upload its storyboard.")
        raise Refusal(refuse(request, course, message, 403))
    chosen = request.POST.get("team") or request.GET.get("team")
    members = {str(team_id): member for team_id, member in teams.items()}
    member = members.get(chosen) if chosen else next(iter(teams.values()))
    if member is None:
        raise Refusal(refuse(request, course, _("Choose one of your teams."), 400))
    return member.team


@require_http_methods(["GET", "HEAD", "POST"])
@refusing
def upload(request, workshop, original, course):
    team = uploading_team(request, course)
    existing = Storyboard.objects.filter(workshop=original, team=team).first()
    form = StoryboardForm(request.POST or None, request.FILES or None, instance=existing)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save_storyboard(form, original, team, request)
            except storyboard_files.UploadProblem as problem:
                form.add_error("file", problem.message)
                status = problem.status
            except IntegrityError:
                message = _("Your team's storyboard was saved meanwhile: open it again.")
                return refuse(request, course, message, 409)
            else:
                messages.success(request, _("Your team's storyboard is saved."))
                return redirect(gallery_url(workshop))
        else:
            status = 400
    context = {
        "page": workshop,
        "workshop": workshop,
        "course": course,
        "team": team,
        "form": form,
        "existing": existing,
    }
    template = "improvement/storyboards/upload.html"
    return vary_on_member(request, TemplateResponse(request, template, context, status=status))


def save_storyboard(form, workshop, team, request):
    """Check and store the file first, then the storyboard, in one transaction."""
    with transaction.atomic():
        storyboard = form.save(commit=False)
        storyboard.workshop, storyboard.team = workshop, team
        storyboard.uploaded_by = request.user
        upload = form.cleaned_data.get("file")
        if upload:
            storyboard.document, storyboard.preview = storyboard_files.store(
                upload, form.cleaned_data["title"], request.user
            )
        storyboard.save()
    return storyboard


def gallery_storyboard(original, storyboard_id):
    return get_object_or_404(Storyboard, pk=storyboard_id, workshop=original)


@require_POST
@refusing
def comment(request, workshop, original, course, storyboard_id):
    storyboard = gallery_storyboard(original, storyboard_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        message = _("Write a comment of at most 2000 characters, without control characters.")
        return refuse(request, course, message, 400)
    StoryboardComment.objects.create(
        storyboard=storyboard, author=request.user, body=form.cleaned_data["body"]
    )
    messages.success(request, _("Your comment is posted."))
    return redirect(f"{gallery_url(workshop)}#storyboard-{storyboard.pk}")


@require_POST
@refusing
def feature(request, workshop, original, course, storyboard_id):
    if not course_access.can_facilitate(request.user, course):
        return refuse(request, course, _("Only editors and facilitators feature storyboards."), 403)
    storyboard = gallery_storyboard(original, storyboard_id)
    featured = request.POST.get("action") != "unfeature"
    Storyboard.objects.filter(pk=storyboard.pk).update(featured=featured)
    return redirect(f"{gallery_url(workshop)}#storyboard-{storyboard.pk}")


@require_http_methods(["GET", "HEAD"])
@refusing
def preview(request, workshop, original, course, storyboard_id):
    storyboard = gallery_storyboard(original, storyboard_id)
    if storyboard.preview is None:
        raise Http404
    rendition = storyboard.preview.get_rendition(storyboard_files.PREVIEW_FILTER)
    response = FileResponse(rendition.file.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    return response


def workshop_section(page, request):
    if not isinstance(page, WorkshopPage):
        return None
    course = page.get_course()
    if course is None or not course.has_teams:
        return None
    if not course_access.can_view_members_content(request.user, course):
        return None
    context = {"page": page}
    return render_to_string(
        "improvement/storyboards/workshop_section.html", context, request=request
    )
