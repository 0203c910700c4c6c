"""The one-click opt-out link of every reminder email: a signed token naming the user,
so it works signed out. GET asks (link scanners must not opt anyone out); POST opts
out, from the page's button or a mail client's RFC 8058 one-click request, which
carries no CSRF token."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from courses.responses import refuse
from reminders.sending import read_opt_out_token


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def opt_out(request, token):
    user_id = read_opt_out_token(token)
    users = get_user_model().objects.filter(pk=user_id) if user_id else None
    if not users or not users.exists():
        message = _("This link is not valid. Copy the whole link from the email.")
        return refuse(request, None, message, 400)
    done = request.method == "POST"
    if done:
        users.update(receives_reminders=False)
    return render(request, "reminders/opt_out.html", {"done": done})
