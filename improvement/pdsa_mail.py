"""The emails of the PDSA feedback loop, each in its reader's language: a new cycle goes
to the course's facilitators, a new comment to the team's members (not its author), and
"Contact this team" to the team's senior leaders. Sent after the change is saved; an
outage is logged by `core.mail.send_all` and undoes nothing."""

import uuid

from django.utils.translation import gettext as _

from core.mail import build_email, in_language, page_link, send_all
from courses import access as course_access
from courses.choices import EnrolmentRole
from teams.models import TeamMember


def cycle_link(course, cycle):
    kwargs = {"team_slug": cycle.team.slug, "cycle_id": cycle.pk}
    return page_link(course) + course.reverse_subpage("pdsa_cycle", kwargs=kwargs)


def team_users(team, **roles):
    """The team's members (of these roles) who have an active account and an email."""
    flags = {f"is_{role}": True for role, wanted in roles.items() if wanted}
    members = TeamMember.objects.filter(team=team, user__is_active=True, **flags)
    return [m.user for m in members.exclude(user__email="").select_related("user")]


def facilitators(course):
    users = course_access.members(course, EnrolmentRole.FACILITATOR)
    return list(users.filter(is_active=True).exclude(email=""))


def new_cycle_emails(course, cycle):
    """To the course's facilitators: a team has logged a cycle to comment on."""
    messages = []
    for user in facilitators(course):
        with in_language(user):
            subject = _("%(team)s logged a PDSA cycle: %(idea)s") % {
                "team": cycle.team.name,
                "idea": cycle.change_idea,
            }
            context = {"recipient": user, "course": course, "cycle": cycle}
            context["link"] = cycle_link(course, cycle)
            messages.append(
                build_email(user.email, subject, "improvement/pdsa/email/new_cycle", context)
            )
    return send_all(messages)


def new_comment_emails(course, comment):
    """To the team's members but the comment's author."""
    cycle = comment.cycle
    messages = []
    for user in team_users(cycle.team):
        if user.pk == comment.author_id:
            continue
        with in_language(user):
            subject = _("New comment on your PDSA cycle: %(idea)s") % {"idea": cycle.change_idea}
            context = {"recipient": user, "course": course, "cycle": cycle, "comment": comment}
            context["link"] = cycle_link(course, cycle)
            messages.append(
                build_email(user.email, subject, "improvement/pdsa/email/new_comment", context)
            )
    return send_all(messages)


def contact_emails(course, team, measure, sender, message):
    """To the team's senior leaders: a colleague of the collaborative asks to learn from
    them. Replies go to the sender; the leaders' addresses are never shown to them."""
    messages = []
    for user in team_users(team, senior_leader=True):
        with in_language(user):
            subject = _("%(name)s would like to learn from %(team)s") % {
                "name": sender.get_full_name() or sender.username,
                "team": team.name,
            }
            context = {
                "recipient": user,
                "course": course,
                "team": team,
                "measure": measure,
                "sender": sender,
                "message": message,
                "link": page_link(course) + course.reverse_subpage("measures"),
            }
            email = build_email(user.email, subject, "improvement/pdsa/email/contact", context)
            email.reply_to = [sender.email] if sender.email else []
            messages.append(email)
    # Each message written is its own item: the same words sent twice are two emails.
    send_all(messages, key=f"improvement.contact:{uuid.uuid4().hex}")
    return bool(messages)
