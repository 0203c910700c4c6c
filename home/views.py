from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.views import serve

from applications import invitations
from core.caching import mark_cacheable
from core.ids import parse_id
from core.redirects import local_or
from core.throttle import allow, allow_request
from courses.responses import refuse
from home import accounts
from home.forms import PendingAccountsPasswordResetForm, ProfileForm, SignUpForm
from home.site_cache import remember_route, route_from_cache, site_for_request
from home.throttle import too_many_requests


@never_cache
def healthz(request):
    """Liveness for load balancers: one cheap database round trip, nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the SVG icon."""
    return redirect(static("favicon.svg"), permanent=True)


def invitation_for_sign_up(request):
    """The invitation a sign-up comes with (`?invitation=<token>`), or None; its token
    proves the address. Raises invitations.Refused for a bad one."""
    token = request.GET.get("invitation")
    return invitations.read_token(token) if token else None


def next_from(request):
    """Where a sign-up goes after signing in (the apply flow's form, say): `next` of the
    form or the address, when it stays on this site."""
    return local_or(request.POST.get("next") or request.GET.get("next", ""), "")


def signup(request):
    """Answers the same for a known and an unknown address (see home.accounts)."""
    if request.user.is_authenticated:
        return redirect("dashboard")
    if request.method == "POST" and not allow_request(
        request,
        "signup",
        request.POST.get("email", "")[:254],
        settings.ACCOUNTS_SIGNUP_PER_IP,
        settings.ACCOUNTS_SIGNUP_PER_ADDRESS,
    ):
        return too_many_requests(request)
    try:
        invitation = invitation_for_sign_up(request)
    except invitations.Refused as refusal:
        return refuse(request, None, refusal.message, refusal.status)
    form = SignUpForm(request.POST or None, invited_email=invitation and invitation.email)
    next_url = next_from(request)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = accounts.register(form, invitation, next_url)
        except accounts.UsernameTaken:
            form.add_error("username", _("Someone took this username a moment ago."))
            status = 409
        except invitations.Refused as refusal:
            return refuse(request, None, refusal.message, refusal.status)
        else:
            if user is None or invitation is None:
                return redirect("signup_done")
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, invitations.welcome(invitation))
            return redirect(invitation.course.url)
    context = {"form": form, "invitation": invitation, "next": next_url}
    return render(request, "registration/signup.html", context, status=status)


@require_safe
def signup_done(request):
    return render(request, "registration/signup_done.html")


@require_http_methods(["GET", "POST"])
def confirm_email(request, token):
    """GET shows what the link confirms; POST confirms it (a mail scanner fetching the
    link changes nothing)."""
    account = accounts.user_for_token(token)
    if account is None:
        return render(request, "registration/confirm_email.html", status=400)
    if request.method == "POST":
        accounts.confirm(account)
        messages.success(request, _("Your email address is confirmed."))
        if request.user.is_authenticated:
            return redirect(next_from(request) or "profile")
        return redirect_to_login(next_from(request)) if next_from(request) else redirect("login")
    return render(request, "registration/confirm_email.html", {"account": account})


@login_required
@require_POST
def resend_confirmation(request):
    user = request.user
    if user.email_confirmed or not user.email:
        return redirect("profile")
    if not allow("confirm:user", user.pk, settings.ACCOUNTS_SIGNUP_PER_ADDRESS):
        return too_many_requests(request)
    accounts.send_confirmation(user)
    messages.success(request, _("We have sent a new link to %(email)s.") % {"email": user.email})
    return redirect("profile")


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, counted per client and per address: without a limit anyone
    could send an account's owner any number of reset emails."""

    form_class = PendingAccountsPasswordResetForm

    def post(self, request, *args, **kwargs):
        if not allow_request(
            request,
            "reset",
            request.POST.get("email", "")[:254],
            settings.ACCOUNTS_RESET_PER_IP,
            settings.ACCOUNTS_RESET_PER_ADDRESS,
        ):
            return too_many_requests(request)
        return super().post(request, *args, **kwargs)


class ConfirmingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A reset link reached the address's owner: that confirms the address too."""

    def form_valid(self, form):
        response = super().form_valid(form)
        accounts.confirm(form.user)
        return response


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile")
    return render(request, "registration/profile.html", {"form": form})


@login_required
def dashboard(request):
    """The learner's home. Each app contributes its panels through the
    `dashboard_panels` hook, so `home` composes them without knowing their models."""
    site_for_request(request)  # the panels' page links then need no query for the site
    panels = [fn(request) for fn in hooks.get_hooks("dashboard_panels")]
    return render(request, "home/dashboard.html", {"panels": [p for p in panels if p]})


def translated_url(next_url, page_id, language):
    """The same page in `language`: the page's own translation when it has one, else the
    same path under that language's prefix."""
    if parse_id(page_id) is not None:
        page = Page.objects.filter(pk=parse_id(page_id)).first()
        locale = Locale.objects.filter(language_code=language).first()
        translation_page = page and locale and page.get_translation_or_none(locale)
        if translation_page and translation_page.live:
            return translation_page.url
    with translation.override(translation.get_language_from_path(next_url)):
        return translate_url(next_url, language)


@require_safe
def switch_language(request):
    """The header's language links: remember the choice (profile, else cookie) and go to
    the same page in that language. Plain links rather than a form, so that anonymous
    pages carry no CSRF token and stay cacheable; a forged link can only change the
    language someone reads in."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("Unknown language."))
    next_url = local_or(request.GET.get("next", "/"), "/")
    next_url = local_or(translated_url(next_url, request.GET.get("page", ""), language), "/")
    if request.user.is_authenticated and request.user.preferred_language != language:
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def serve_with_fallback(request, path):
    """Serve a Wagtail page; under /ar/, /fa/ or /ur/, a page with no translation yet is
    served from the English tree (the template shows a notice) instead of a 404. The
    route is remembered for the next request (home/site_cache.py)."""
    mark_cacheable(request)
    site = site_for_request(request)
    if site is not None:
        route_from_cache(request, site, path)
    try:
        response = serve(request, path)
    except Http404:
        if translation.get_language() == settings.LANGUAGE_CODE or site is None:
            raise
        components = [component for component in path.split("/") if component]
        request._wagtail_route_for_request = site.root_page.specific.route(request, components)
        response = serve(request, path)
    if site is not None:
        remember_route(request, site, path)
    return response
