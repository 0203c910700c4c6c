"""Receivers of teams, connected in TeamsConfig.ready(): an accepted application's core
team becomes a team; an invited member who signs up takes their place in it."""

from django.utils.text import slugify

from courses.access import original
from teams.models import Team, TeamMember


def unique_slug(course, name):
    base = slugify(name, allow_unicode=True)[:70] or "team"
    taken = set(Team.objects.filter(course=course).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_team(sender, course, organisation, country, members, **kwargs):
    """One team per accepted application, named after the organisation. Members with an
    account join at once; the others are held by their email until they sign up."""
    course = original(course)
    team = Team.objects.create(
        course=course,
        name=organisation,
        slug=unique_slug(course, organisation),
        organisation=organisation,
        country=country,
    )
    by_person = {}
    for user, name, email, role in members:
        key = ("user", user.pk) if user else ("email", email.lower())
        member = by_person.setdefault(
            key, TeamMember(team=team, user=user, name=name, email="" if user else email)
        )
        setattr(member, f"is_{role}", True)
    TeamMember.objects.bulk_create(by_person.values())
    return team


def join_team(sender, course, user, email, **kwargs):
    """The invited address becomes the user, in the teams of that course; where the
    user already is a member, the invited row's roles are merged into theirs."""
    pending = TeamMember.objects.filter(
        team__course=original(course), user__isnull=True, email__iexact=email
    )
    for member in pending:
        existing = TeamMember.objects.filter(team=member.team, user=user).first()
        if existing is None:
            member.user, member.email = user, ""
            member.save(update_fields=["user", "email"])
            continue
        for role in member.roles:
            setattr(existing, f"is_{role.value}", True)
        existing.save()
        member.delete()
